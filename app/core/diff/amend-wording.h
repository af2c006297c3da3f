/* amend-wording.h: the Dutch words of the amendment instructions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dutch by nature: these are legal text, the same in every locale, not
 * interface strings.
 */
#pragma once

#include "amend-node.h"

G_BEGIN_DECLS

const char *amend_wording_article_of   (const char      *title);
char       *amend_wording_regulation   (const char      *title);
char       *amend_wording_amendment    (const char      *title,
                                        gboolean         subamendment);
gboolean    amend_wording_is_plural    (const char      *title);
char       *amend_wording_ordinal      (const char      *number);
char       *amend_wording_member       (const char      *number);
char       *amend_wording_point        (const char      *number);
const char *amend_wording_count        (guint            n);
char       *amend_wording_times        (guint            n);
const char *amend_wording_kind         (AmendNodeKind    kind);
const char *amend_wording_kind_plural  (AmendNodeKind    kind);
const char *amend_wording_kind_article (AmendNodeKind    kind);
char       *amend_wording_capitalize   (const char      *text);
char       *amend_wording_decapitalize (const char      *text);
char       *amend_wording_list         (GPtrArray       *items);

G_END_DECLS
