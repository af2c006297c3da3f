/* amend-diff.h: the legal diff between two versions of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

typedef enum {
  AMEND_CHANGE_INSERTED,
  AMEND_CHANGE_DELETED,
  AMEND_CHANGE_MODIFIED,   /* text or heading of a node that stays */
  AMEND_CHANGE_RENUMBERED, /* same place, same content, other number */
  AMEND_CHANGE_MOVED,      /* another place (and maybe another number) */
  AMEND_CHANGE_METADATA,   /* the front matter */
} AmendChangeAction;

typedef enum {
  AMEND_PIECE_EQUAL,
  AMEND_PIECE_DELETED,
  AMEND_PIECE_INSERTED,
} AmendPieceOp;

typedef struct {
  AmendPieceOp op;
  char        *text;
} AmendPiece;

typedef struct {
  AmendChangeAction action;
  AmendNodeKind     kind;
  char             *eid_old;
  char             *eid_new;
  char             *number_old;   /* the node's own number */
  char             *number_new;
  char             *article_old;  /* the number of the article it falls in */
  char             *article_new;
  guint             line_old;
  guint             line_new;

  /* MODIFIED */
  char             *heading_old;  /* set when the heading changed */
  char             *heading_new;
  gboolean          heading_changed;
  int               text_index;   /* which TEXT child changed, -1 for none */
  GArray           *pieces;       /* of AmendPiece: word by word */
  gboolean          format_only;  /* the words are the same; only emphasis or links changed */
  AmendNode        *text_new;     /* the new TEXT node, with its marks */

  /* INSERTED, MOVED: where it goes.  INSERTED carries the new subtree,
   * without the descendants that come from elsewhere (they are MOVED). */
  AmendNode        *node;
  char             *parent_old;   /* the parent's eId in the old version, NULL when the parent is new */
  char             *parent_new;
  guint             index_new;    /* among the parent's children in the new version */

  /* DELETED, MOVED: the node as it was, for the renderers */
  const AmendNode  *old_node;
  const AmendNode  *new_node;
} AmendChange;

#define AMEND_TYPE_DIFF (amend_diff_get_type ())

G_DECLARE_FINAL_TYPE (AmendDiff, amend_diff, AMEND, DIFF, GObject)

AmendDiff     *amend_diff_new               (AmendDocument *old_doc,
                                             AmendDocument *new_doc);
AmendDiff     *amend_diff_new_for_texts     (const char    *old_text,
                                             gsize          old_len,
                                             const char    *new_text,
                                             gsize          new_len,
                                             GError       **error);
AmendDocument *amend_diff_get_old           (AmendDiff     *self);
AmendDocument *amend_diff_get_new           (AmendDiff     *self);
GPtrArray     *amend_diff_get_changes       (AmendDiff     *self);
gboolean       amend_diff_is_empty          (AmendDiff     *self);
GStrv          amend_diff_dup_articles      (AmendDiff     *self);
void           amend_diff_set_amended       (AmendDiff     *self,
                                             const char    *title,
                                             gboolean       subamendment);
const char    *amend_diff_get_amended       (AmendDiff     *self,
                                             gboolean      *subamendment);
AmendNode     *amend_diff_get_partner       (AmendDiff     *self,
                                             const AmendNode *node,
                                             gboolean       node_is_old);
AmendDocument *amend_diff_apply             (AmendDiff     *self,
                                             AmendDocument *old_doc,
                                             GError       **error);

const char    *amend_change_action_to_string (AmendChangeAction action);
char          *amend_pieces_to_string        (GArray       *pieces,
                                              gboolean      old_side);

/* Word diff of two texts, exposed for the tests and the merge. */
GArray        *amend_word_diff               (const char   *old_text,
                                              const char   *new_text);

/* A differing stretch of two sequences: old[old_start, +old_len) became
 * new[new_start, +new_len). */
typedef struct {
  guint old_start;
  guint old_len;
  guint new_start;
  guint new_len;
} AmendHunk;

/* The same Myers diff on sequences of ids the caller interned (the merge
 * diffs words that carry their emphasis); returns a GArray of AmendHunk. */
GArray        *amend_diff_sequences          (const guint  *old_ids,
                                              guint         n_old,
                                              const guint  *new_ids,
                                              guint         n_new);

G_END_DECLS
