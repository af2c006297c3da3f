/* amend-graph.c: how an amendment's branch stands to main, cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `amend list` asks, for every amendment, how far it is ahead of main and
 * behind it, where it left main, and whether main already holds it.
 * libgit2's git_merge_base, git_graph_ahead_behind and
 * git_graph_descendant_of each set up a revision walk of their own
 * (about 65,000 instructions even for a branch one commit long): for a
 * thousand amendments those walks were two thirds of the list.  Most
 * amendments have the simplest shape, though: saves on top of main as it
 * still is.  That shape is recognised here by following single parents
 * from the branch's tip; anything else goes to libgit2's walks.
 */
#include "config.h"

#include "amend-graph.h"
#include "amend-repository-private.h"

/**
 * amend_graph_linear_distance:
 * @tip: where to start
 * @ancestor: the commit looked for
 * @max_steps: how far to look
 * @distance: (out): the number of commits from @tip down to @ancestor
 *
 * Whether @ancestor is reached from @tip by following parents through
 * commits that have only one, in at most @max_steps steps.  When it is,
 * @ancestor is the merge base of the two, @tip is @distance commits ahead
 * of it and none behind, and no other path can join them.  FALSE says
 * nothing: the history has another shape (or is further), and the caller
 * asks libgit2.
 */
gboolean
amend_graph_linear_distance (git_repository *git,
                             const git_oid  *tip,
                             const git_oid  *ancestor,
                             guint           max_steps,
                             guint          *distance)
{
  g_autoptr(git_commit) target = NULL;
  git_oid at = *tip;
  git_time_t oldest;

  if (git_commit_lookup (&target, git, ancestor) < 0)
    return FALSE;
  /* A branch that left main further down would be followed into main's
   * own history: stop at commits a day older than @ancestor (a wrong
   * clock only sends the question on to libgit2). */
  oldest = git_commit_time (target) - 24 * 60 * 60;
  for (guint steps = 0; steps <= max_steps; steps++)
    {
      g_autoptr(git_commit) commit = NULL;

      if (git_oid_equal (&at, ancestor))
        {
          *distance = steps;
          return TRUE;
        }
      if (git_commit_lookup (&commit, git, &at) < 0 || git_commit_parentcount (commit) != 1 ||
          git_commit_time (commit) < oldest)
        return FALSE;
      at = *git_commit_parent_id (commit, 0);
    }
  return FALSE;
}
