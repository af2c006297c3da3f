/* amend-merge-private.h: what the parts of the structural merge share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-merge.h"
#include "amend-word-merge.h"

G_BEGIN_DECLS

typedef struct _Unit Unit;
typedef struct _Ident Ident;

/* One node of the result-to-be: the same node in the base, ours and
 * theirs (paired by the legal diffs), or a node only one side inserted
 * (or both, the same). */
struct _Ident {
  AmendNode *b;
  AmendNode *o;
  AmendNode *t;
  Ident     *parent;     /* where it goes in the result */
  GPtrArray *members;    /* of Ident: what goes in it, in no order yet */
  Unit      *unit;       /* the conflict that decides it */
  gboolean   placed;     /* built into the result this round */
  gboolean   absorbed;   /* a theirs-only node found equal to an ours-only one */
  gboolean   forced;     /* the check found it wrong: a conflict of kind CHECK */
  gboolean   no_fault;   /* forced since the sides contradict each other there (a shape
                          * Markdown cannot say, a place both took away): no fault */
  gboolean   ours_parent;/* take ours' place: both moved it into a loop */
  gboolean   numbering;  /* forced since the sides' numbers clash in it: a conflict of kind NUMBERING */
};

/* A conflict, with what the merge needs to decide it. */
struct _Unit {
  AmendConflict  pub;
  Ident         *ident;     /* the node, for all but INSERTED, ORDER and FRONT_MATTER */
  Ident         *parent;    /* INSERTED and ORDER: under which node */
  GPtrArray     *ours;      /* INSERTED: of Ident, ours' insertions */
  GPtrArray     *theirs;    /* INSERTED: of Ident, theirs' insertions */
  AmendChoice   *choice;    /* borrowed from the choices; NULL: undecided */
};

typedef struct {
  AmendDocument *base, *ours, *theirs;
  AmendDiff     *d_o, *d_t;
  AmendWordTable    *words;
  GHashTable    *choices;
  GHashTable    *idents;    /* AmendNode* of any version -> Ident */
  GPtrArray     *all;       /* of Ident, owned, in the order made */
  GHashTable    *dirty_o;   /* base nodes ours changed in or below */
  GHashTable    *dirty_t;
  GPtrArray     *units;     /* of Unit, owned, this round */
  GHashTable    *unit_ids;  /* the ids given this round */
  AmendDocument *result;
  GHashTable    *built;     /* node of the result -> the Ident it was built from, this round */
  GError        *error;     /* a resolution that did not fit, first one */
} Merger;

/* amend-merge-render.c: conflicts as Markdown, and resolutions read back */
char      *_amend_merge_render_node     (const AmendNode *node,
                                         const char      *article);
char      *_amend_merge_render_heading  (const AmendNode *node);
char      *_amend_merge_render_list     (GPtrArray       *nodes);
char      *_amend_merge_render_place    (const AmendNode *node);
char      *_amend_merge_render_meta     (AmendDocument   *doc);
gboolean   _amend_merge_parse_runs      (const char      *text,
                                         AmendNode       *into,
                                         GError         **error);
gboolean   _amend_merge_parse_heading   (const char      *text,
                                         const AmendNode *like,
                                         AmendNode       *into,
                                         GError         **error);
GPtrArray *_amend_merge_parse_nodes     (const char      *text,
                                         AmendNodeKind    kind,
                                         GError         **error);
gboolean   _amend_merge_parse_meta      (const char      *text,
                                         AmendDocument   *into,
                                         GError         **error);
void       _amend_merge_copy_meta       (AmendDocument   *from,
                                         AmendDocument   *to);

AmendMerge *_amend_merge_documents_trial (AmendDocument *base,
                                          AmendDocument *ours,
                                          AmendDocument *theirs,
                                          GError       **error);

/* A conflict taken whole from one side: its node and all it holds. */
static inline gboolean
_amend_merge_unit_is_whole (const Unit *u)
{
  return u->pub.kind == AMEND_CONFLICT_DELETED || u->pub.kind == AMEND_CONFLICT_CHECK ||
         u->pub.kind == AMEND_CONFLICT_NUMBERING;
}

int        _amend_merge_compare_numbers (const char      *a,
                                         const char      *b);

/* amend-merge-check.c: the invariant: every side's change is in the result */
GPtrArray *_amend_merge_check_sides     (Merger          *m,
                                         AmendDocument   *written,
                                         GString         *why);
GPtrArray *_amend_merge_check_sayable   (Merger          *m,
                                         const char      *markdown);
GPtrArray *_amend_merge_check_numbering (Merger          *m);

G_END_DECLS
