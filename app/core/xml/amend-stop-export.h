/* amend-stop-export.h: a regulation as STOP (Standaard Officiële Publicaties)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

GBytes *amend_stop_export_regulation (AmendDocument  *doc,
                                      GPtrArray      *warnings,
                                      GError        **error);
GBytes *amend_stop_export_decision   (AmendDocument  *doc,
                                      GPtrArray      *warnings,
                                      GError        **error);
GBytes *amend_stop_export_change     (AmendDiff      *diff,
                                      GPtrArray      *warnings,
                                      GError        **error);

G_END_DECLS
