/* amend-markdown-split.h: where a large regulation may be cut for cmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The size of the pieces the reader hands to cmark; the tests make it
 * small to read every file in many pieces. */
extern gsize _amend_markdown_piece_size;

GArray *_amend_markdown_split (const char  *body,
                               gsize        len,
                               gsize        piece_size,
                               GString    **headings);

G_END_DECLS
