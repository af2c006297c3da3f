/* amend-diff-tokens-private.h: the words of a text, each with an id shared by both versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint id;
  guint start;  /* byte offset of the white space before the token */
  guint end;    /* byte offset after the token */
} Token;

typedef struct _Interner Interner;

Interner *_amend_interner_new  (void);
void      _amend_interner_free (Interner   *in);
guint     _amend_interner_size (Interner   *in);
GArray   *_amend_tokenize      (Interner   *interned,
                                const char *text);

G_END_DECLS
