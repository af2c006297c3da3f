/* amend-cmark-arena.h: cmark's trees in one arena, dropped at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _AmendCmarkArena AmendCmarkArena;

AmendCmarkArena *_amend_cmark_arena_new   (void);
void             _amend_cmark_arena_free  (AmendCmarkArena *arena);
cmark_node      *_amend_cmark_arena_parse (AmendCmarkArena *arena,
                                           const char      *text,
                                           gsize            len,
                                           int              options);
void             _amend_cmark_arena_reset (AmendCmarkArena *arena);
gsize            _amend_cmark_arena_size  (AmendCmarkArena *arena);

G_END_DECLS
