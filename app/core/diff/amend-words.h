/* amend-words.h: the words of two versions of a text, aligned, as a reader sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* A token as the legal diff makes them: a run of letters and digits, or
 * one other character; white space only separates them. */
typedef struct {
  guint start;  /* byte offsets in the text */
  guint end;
} AmendToken;

/* A stretch that changed: old tokens [old_start, old_end) became new
 * tokens [new_start, new_end); either may be empty. */
typedef struct {
  guint old_start, old_end;
  guint new_start, new_end;
} AmendSpan;

typedef struct _AmendWords AmendWords;

AmendWords *amend_words_new          (const char       *old_text,
                                      const char       *new_text);
void        amend_words_free         (AmendWords       *self);
const char *amend_words_text         (AmendWords       *self,
                                      gboolean          old_side);
guint       amend_words_n_tokens     (AmendWords       *self,
                                      gboolean          old_side);
const AmendToken *amend_words_token  (AmendWords       *self,
                                      gboolean          old_side,
                                      guint             index);
gboolean    amend_words_is_word      (AmendWords       *self,
                                      gboolean          old_side,
                                      guint             index);
GArray     *amend_words_spans        (AmendWords       *self);
void        amend_words_widen_whole  (AmendWords       *self,
                                      GArray           *spans);
void        amend_words_widen_whole_one (AmendWords    *self,
                                         GArray        *spans,
                                         guint         *index);
gboolean    amend_words_extend       (AmendWords       *self,
                                      GArray           *spans,
                                      guint            *index,
                                      gboolean          left);
void        amend_words_merge_close  (AmendWords       *self,
                                      GArray           *spans,
                                      guint             max_gap);
char       *amend_words_slice        (AmendWords       *self,
                                      gboolean          old_side,
                                      guint             from,
                                      guint             to);
GArray     *amend_words_renvooi      (AmendWords       *self);

/* The display pieces of a renvooi of two texts: changes cover whole words
 * (a number is never cut), a replacement shows its old and new words
 * apart ("acht" struck, a space, "zes" underlined). */
GArray     *amend_words_renvooi_pieces (const char     *old_text,
                                        const char     *new_text);

GArray     *amend_words_whole_diff     (const char     *old_text,
                                        const char     *new_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendWords, amend_words_free)

G_END_DECLS
