/* amend-quote-match.h: finding a short quote again with a bounded edit distance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start;   /* byte offsets in the text searched, on character boundaries */
  gsize end;
  guint errors;  /* insertions, deletions and substitutions of bytes */
} AmendQuoteMatch;

gboolean amend_quote_match      (const char       *text,
                                 gsize             text_len,
                                 const char       *pattern,
                                 gsize             pattern_len,
                                 guint             max_errors,
                                 AmendQuoteMatch  *match);
gboolean amend_quote_align      (const char       *text,
                                 gsize             text_len,
                                 const char       *pattern,
                                 gsize             pattern_len,
                                 const gsize      *marks,
                                 gsize            *positions,
                                 guint             n_marks);
guint    amend_edit_distance    (const char       *a,
                                 gsize             a_len,
                                 const char       *b,
                                 gsize             b_len);

G_END_DECLS
