/* amend-sync-graph.c: where two histories meet, without walking all of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgit2 1.5's merge base (and with it git_graph_descendant_of and a
 * revwalk that hides a commit) walks the whole history when one commit is
 * an ancestor of the other, which is the common case here: an amendment
 * and the draft it branched from.  On 5,000 commits that was a third of a
 * second per question.  This is the walk git itself does: both sides
 * newest first, each commit painted with the sides that reach it, until
 * every commit still queued is reached by both.
 */
#include "config.h"

#include <string.h>

#include "amend-oid.h"
#include "amend-sync-private.h"

enum {
  FROM_TIP  = 1 << 0,
  FROM_BASE = 1 << 1,
  STALE     = 1 << 2,
};

typedef struct {
  git_oid  id;
  gint64   time;
  guint    flags;
  gboolean queued;
} Node;

typedef struct {
  git_repository *repo;
  GHashTable     *nodes;    /* raw id -> Node */
  GSequence      *queue;    /* of Node, newest first */
  guint           active;   /* queued nodes that are not STALE */
} Walk;

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Node *x = a;
  const Node *y = b;

  if (x->time != y->time)
    return x->time > y->time ? -1 : 1;
  return git_oid_cmp (&x->id, &y->id);
}

static Node *
node_for (Walk          *w,
          const git_oid *id)
{
  Node *node = g_hash_table_lookup (w->nodes, id);
  g_autoptr(git_commit) commit = NULL;

  if (node != NULL)
    return node;
  if (git_commit_lookup (&commit, w->repo, id) < 0)
    return NULL;
  node = g_new0 (Node, 1);
  node->id = *id;
  node->time = git_commit_time (commit);
  g_hash_table_insert (w->nodes, &node->id, node);
  return node;
}

/* Gives @node the @flags it lacks, and queues it if it is not. */
static void
paint (Walk *w,
       Node *node,
       guint flags)
{
  gboolean was_active = node->queued && !(node->flags & STALE);

  node->flags |= flags;
  if (!node->queued)
    {
      node->queued = TRUE;
      g_sequence_insert_sorted (w->queue, node, newest_first, NULL);
      if (!(node->flags & STALE))
        w->active++;
    }
  else if (was_active && (node->flags & STALE))
    w->active--;
}

static Node *
pop (Walk *w)
{
  GSequenceIter *first = g_sequence_get_begin_iter (w->queue);
  Node *node = g_sequence_get (first);

  g_sequence_remove (first);
  node->queued = FALSE;
  if (!(node->flags & STALE))
    w->active--;
  return node;
}

/* The commit @tip branched from @base (the first commit both reach), and
 * the number of commits only @tip reaches.  FALSE when they share no
 * history.  When both sides meet more than once (the draft merged into
 * the amendment), libgit2's merge base decides which is the one. */
gboolean
amend_sync_branch_point (git_repository *repo,
                         const git_oid  *tip,
                         const git_oid  *base,
                         git_oid        *out,
                         guint          *commits)
{
  return amend_sync_walk_branch (repo, tip, base, out, commits, NULL);
}

/* The same, with the commits only @tip reaches in @only (when given). */
gboolean
amend_sync_walk_branch (git_repository *repo,
                        const git_oid  *tip,
                        const git_oid  *base,
                        git_oid        *out,
                        guint          *commits,
                        GArray         *only)
{
  Walk w = { repo, g_hash_table_new_full (amend_oid_hash, amend_oid_equal, NULL, g_free), g_sequence_new (NULL), 0 };
  g_autoptr(GArray) meetings = g_array_new (FALSE, FALSE, sizeof (git_oid));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (git_oid));
  Node *start_tip = node_for (&w, tip);
  Node *start_base = node_for (&w, base);
  guint only_tip = 0;
  gboolean ok = start_tip != NULL && start_base != NULL;

  if (ok)
    {
      paint (&w, start_tip, FROM_TIP);
      paint (&w, start_base, FROM_BASE);
    }
  while (ok && w.active > 0)
    {
      Node *node = pop (&w);
      guint flags = node->flags & (FROM_TIP | FROM_BASE | STALE);
      g_autoptr(git_commit) commit = NULL;

      if (flags == (FROM_TIP | FROM_BASE))
        {
          g_array_append_val (meetings, node->id);
          flags |= STALE;
        }
      else if (flags == FROM_TIP)
        g_array_append_val (candidates, node->id);
      if (git_commit_lookup (&commit, repo, &node->id) < 0)
        {
          ok = FALSE;
          break;
        }
      for (unsigned int i = 0; i < git_commit_parentcount (commit); i++)
        {
          Node *parent = node_for (&w, git_commit_parent_id (commit, i));

          if (parent == NULL)
            {
              ok = FALSE;
              break;
            }
          if ((parent->flags & flags) != flags)
            paint (&w, parent, flags);
        }
    }
  /* Commits made in the same second come out in no particular order: one
   * taken for the tip's alone may have been reached from the base later. */
  for (guint i = 0; ok && i < candidates->len; i++)
    {
      const git_oid *id = &g_array_index (candidates, git_oid, i);
      Node *node = g_hash_table_lookup (w.nodes, id);

      if (!(node->flags & FROM_BASE))
        {
          only_tip++;
          if (only)
            g_array_append_val (only, *id);
        }
    }
  g_sequence_free (w.queue);
  g_hash_table_unref (w.nodes);
  if (!ok || meetings->len == 0)
    return FALSE;
  if (commits)
    *commits = only_tip;
  if (meetings->len == 1)
    {
      *out = g_array_index (meetings, git_oid, 0);
      return TRUE;
    }
  /* Several: the list of commits may miss some; the caller asked for it
   * to pack them, and packs through libgit2's walk instead. */
  if (only)
    g_array_set_size (only, 0);
  return git_merge_base (out, repo, tip, base) == 0;
}

/* Whether @descendant has all of @ancestor (or is it). */
gboolean
amend_sync_contains (git_repository *repo,
                     const git_oid  *descendant,
                     const git_oid  *ancestor)
{
  git_oid point;

  if (git_oid_equal (descendant, ancestor))
    return TRUE;
  return amend_sync_branch_point (repo, descendant, ancestor, &point, NULL) && git_oid_equal (&point, ancestor);
}

/* Commits @tip has that @base does not. */
guint
amend_sync_count_ahead (git_repository *repo,
                        const git_oid  *tip,
                        const git_oid  *base)
{
  git_oid point;
  guint commits = 0;

  if (!amend_sync_branch_point (repo, tip, base, &point, &commits))
    return 0;
  return commits;
}
