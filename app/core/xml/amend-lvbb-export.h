/* amend-lvbb-export.h: a decision as a delivery to the LVBB (AanleveringBesluit)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

GBytes *amend_lvbb_export_decision (AmendDocument  *doc,
                                    GPtrArray      *warnings,
                                    GError        **error);
GBytes *amend_lvbb_export_change   (AmendDiff      *diff,
                                    const char     *decided,
                                    GPtrArray      *warnings,
                                    GError        **error);

G_END_DECLS
