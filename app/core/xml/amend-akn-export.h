/* amend-akn-export.h: a regulation as an Akoma Ntoso 3.0 act, a change as an amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

GBytes *amend_akn_export_act       (AmendDocument  *doc,
                                    GPtrArray      *warnings,
                                    GError        **error);
GBytes *amend_akn_export_amendment (AmendDiff      *diff,
                                    GPtrArray      *warnings,
                                    GError        **error);
char   *amend_akn_eid              (const AmendNode *node);

G_END_DECLS
