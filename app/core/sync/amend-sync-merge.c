/* amend-sync-merge.c: main here and main on the remote both moved on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Joining two drafts is the structural three-way merge of regulation text
 * (articles, members, words), which a line merge would get wrong; it is
 * the merge amend adopt and amend update make, begun here as "pull" so
 * that amend pull --continue and --abort finish or undo it.
 *
 * It comes last in a pull: the fetched objects, the remote-tracking
 * branches and the amendments are in place by then, so a kill before it
 * leaves a pull that the next amend pull does again, and a kill in it
 * leaves .git/amend/merge/state.ini, which every command that writes
 * names until --continue or --abort.  A merge that stops at conflicts has
 * committed nothing: main and the working copy are as they were.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-pending-merge-private.h"
#include "amend-sync-private.h"

/* Before anything is written: the merge brings the files of main along
 * when the working copy is on it, and an unsaved edit would be in its
 * way (as it is for amend adopt). */
gboolean
amend_sync_check_can_merge (AmendRepository *repo,
                            const char      *main_branch,
                            GError         **error)
{
  g_autofree char *head = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GString *names;

  if (amend_repository_is_bare (repo) ||
      amend_repository_get_head (repo, &head) != AMEND_HEAD_BRANCH || g_strcmp0 (head, main_branch) != 0)
    return TRUE;
  if ((changes = amend_repository_list_changes (repo, error)) == NULL)
    return FALSE;
  if (changes->len == 0)
    return TRUE;
  names = g_string_new (NULL);
  for (guint i = 0; i < changes->len && i < 3; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", ((AmendFileChange *) g_ptr_array_index (changes, i))->path);
  if (changes->len > 3)
    g_string_append (names, ", \xe2\x80\xa6");
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
               g_dngettext (GETTEXT_PACKAGE,
                            "cannot merge %s with the remote's: %s has changes that are not saved; "
                            "save them with amend save or undo them, then pull again",
                            "cannot merge %s with the remote's: %s have changes that are not saved; "
                            "save them with amend save or undo them, then pull again",
                            changes->len), main_branch, names->str);
  g_string_free (names, TRUE);
  return FALSE;
}

/**
 * amend_sync_merge_main:
 * @upstream: the remote's name, for the merge commit's message
 * @result: (out): the merge commit when @outcome is DONE
 *
 * Merges the remote's @theirs into @main_branch (at @ours) as a merge
 * commit with two parents, or stops at its conflicts.
 */
gboolean
amend_sync_merge_main (AmendRepository   *repo,
                       const char        *upstream,
                       const char        *main_branch,
                       const git_oid     *ours,
                       const git_oid     *theirs,
                       AmendMergeOutcome *outcome,
                       git_oid           *result,
                       GError           **error)
{
  g_autofree char *target = g_strconcat ("refs/heads/", main_branch, NULL);
  g_autofree char *message = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  AmendMergeStart start = { 0 };

  if ((sig = amend_repository_make_signature (repo, NULL, NULL, NULL, error)) == NULL)
    return FALSE;
  message = g_strdup_printf (_("Merge %s of the remote %s into %s"), main_branch, upstream, main_branch);
  start.command = "pull";
  start.target = target;
  start.theirs = theirs;
  start.message = message;
  start.signature = sig;
  if ((pending = amend_pending_merge_start (repo, &start, outcome, error)) == NULL)
    return FALSE;
  if (git_reference_name_to_id (result, amend_repository_get_git (repo), target) < 0)
    git_oid_cpy (result, ours);
  return TRUE;
}
