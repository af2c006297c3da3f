/* amend-instructions-private.h: what the parts of the instructions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* How one changed text is said, without the citation of where it stands:
 * "wordt "acht weken" vervangen door "zes weken"", or, when @to_end, what
 * is added at the end of the text ("wordt ", tenzij ..." toegevoegd"),
 * which goes with "Aan" rather than "In". */
typedef struct {
  char      *predicate;
  gboolean   to_end;
  GPtrArray *parts;     /* of char *: the parts the predicate lists, "wordt ... vervangen door ..." */
} AmendTextChange;

/* @scope_other: the rest of the text of the element the citation names,
 * in which a quotation must not occur either; @end_is_end: the end of the
 * text is the end of that element, so that words there can be
 * "toegevoegd".  Returns FALSE when the text changed so much that it is
 * better rewritten whole (6.9). */
gboolean _amend_text_change_say   (const char      *old_text,
                                   const char      *new_text,
                                   const char      *scope_other,
                                   gboolean         end_is_end,
                                   AmendTextChange *out);
void     _amend_text_change_clear (AmendTextChange *change);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmendTextChange, _amend_text_change_clear)

G_END_DECLS
