/* amend-renvooi.h: a diff as the council reads it, article by article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* One line of a renvooi: a heading, a label ("2.", "a."), or text. */
typedef struct {
  guint        depth;
  gboolean     heading;
  gboolean     label_only;   /* the text of the first child follows on the same line */
  char        *label_old;    /* differs from label_new when renumbered */
  char        *label_new;
  AmendPieceOp op;           /* the whole line inserted or deleted, or EQUAL */
  GArray      *pieces;       /* of AmendPiece */
} AmendRenvooiLine;

/* One article (or division, or the preamble) with its changes in place. */
typedef struct {
  const AmendNode *old_node;
  const AmendNode *new_node;
  GPtrArray       *lines;    /* of AmendRenvooiLine */
} AmendRenvooiBlock;

GPtrArray *amend_renvooi_build        (AmendDiff  *diff);
char      *amend_renvooi_to_terminal  (AmendDiff  *diff,
                                       gboolean    color);
char      *amend_renvooi_to_html      (AmendDiff  *diff,
                                       const char *title);
void       amend_renvooi_append_html  (GString    *out,
                                       AmendDiff  *diff);
const char *amend_renvooi_html_style  (void);

G_END_DECLS
