/* amend-cli-merge.c: what the commands that decide and merge share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli-merge.h"
#include "amend-version.h"

/* The decision's date and meeting; on a bad date the usage error is
 * printed and @status set. */
gboolean
amend_cli_make_vote (const AmendCommand *command,
                     const char         *date,
                     const char         *meeting,
                     AmendVote          *vote,
                     int                *status)
{
  g_autoptr(GError) error = NULL;

  memset (vote, 0, sizeof *vote);
  vote->votes_for = -1;
  vote->votes_against = -1;
  if (!amend_vote_parse_date (date, &vote->date, &error))
    {
      *status = amend_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  vote->meeting = g_strdup (meeting);
  return TRUE;
}

void
amend_cli_vote_clear (AmendVote *vote)
{
  g_clear_pointer (&vote->date, g_free);
  g_clear_pointer (&vote->meeting, g_free);
}

static void
print_conflicts_short (GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (conflicts, i);

      if (c->resolution != AMEND_RESOLUTION_NONE)
        continue;
      if (c->label)
        g_print ("  %s  (%s, %s: %s)\n", c->id, c->path, c->label, amend_conflict_kind_to_string (c->kind));
      else if (c->article)
        g_print (_("  %s  (%s, article %s: %s)\n"), c->id, c->path, c->article, amend_conflict_kind_to_string (c->kind));
      else
        g_print (_("  %s  (%s: %s)\n"), c->id, c->path, amend_conflict_kind_to_string (c->kind));
    }
}

/* After a merge that stopped: what conflicts, and what to do. */
int
amend_cli_report_conflicts (AmendRepository *repo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendPendingMerge) pending = amend_pending_merge_load (repo, &error);
  AmendTreeMerge *merge = pending ? amend_pending_merge_get_merge (pending, &error) : NULL;
  const char *command;
  guint n;

  if (merge == NULL)
    return amend_cli_report (error, NULL);
  command = amend_pending_merge_get_command (pending);
  n = amend_tree_merge_count_unresolved (merge);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Merging into %s gives %u conflict; nothing is committed yet:\n",
                        "Merging into %s gives %u conflicts; nothing is committed yet:\n", n),
           amend_pending_merge_get_target (pending), n);
  print_conflicts_short (amend_tree_merge_get_conflicts (merge));
  g_print (_("See them with \xe2\x80\x9c" "amend conflicts\xe2\x80\x9d, resolve each with \xe2\x80\x9c" "amend resolve ID "
             "--ours|--theirs|--text FILE\xe2\x80\x9d, then finish with \xe2\x80\x9c" "amend %s --continue\xe2\x80\x9d; "
             "\xe2\x80\x9c" "amend %s --abort\xe2\x80\x9d undoes it.\n"), command, command);
  return AMEND_EXIT_FINDINGS;
}

/* The branch's tip, shortened: the merge base of a branch with itself. */
static char *
short_id_of (AmendRepository *repo,
             const char      *branch)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = amend_repository_merge_base (repo, branch, branch, &error);

  return id ? g_strndup (id, 7) : g_strdup ("?");
}

/* What a decision did, in one line; conflicts in a list. */
int
amend_cli_report_outcome (AmendRepository   *repo,
                          AmendAmendment    *amendment,
                          const AmendVote   *vote,
                          AmendMergeOutcome  outcome)
{
  const char *title = amend_amendment_get_title (amendment);
  const char *slug = amend_amendment_get_slug (amendment);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *votes = NULL;

  if (outcome == AMEND_MERGE_OUTCOME_CONFLICTS)
    return amend_cli_report_conflicts (repo);
  if (vote->votes_for >= 0)
    votes = g_strdup_printf (_(" (%d for, %d against)"), vote->votes_for, vote->votes_against);
  if (vote->result == AMEND_STATUS_REJECTED)
    {
      g_print (_("The amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s) is rejected%s\n"), title, slug, votes ? votes : "");
      return AMEND_EXIT_OK;
    }
  target = amend_decision_target_branch (repo, amendment, &error);
  if (target == NULL)
    return amend_cli_report (error, NULL);
  {
    g_autofree char *id = short_id_of (repo, target);

    g_print (_("The amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s) is adopted%s and merged into %s as %s\n"),
             title, slug, votes ? votes : "", target, id);
  }
  return AMEND_EXIT_OK;
}

/* adopt, update and pull --continue | --abort. */
int
amend_cli_pending_step (const AmendCommand *command,
                        gboolean            go_on,
                        gboolean            abort)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  g_autoptr(GError) error = NULL;
  int status = AMEND_EXIT_OK;

  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  pending = amend_pending_merge_load (repo, &error);
  if (pending == NULL)
    return amend_cli_report (error, NULL);
  if (g_strcmp0 (amend_pending_merge_get_command (pending), command->name) != 0)
    {
      amend_cli_error (_("the unfinished merge was started with amend %s; go on with amend %s --continue or "
                         "undo it with amend %s --abort"), amend_pending_merge_get_command (pending),
                       amend_pending_merge_get_command (pending), amend_pending_merge_get_command (pending));
      return AMEND_EXIT_REFUSED;
    }
  if (abort)
    {
      if (!amend_pending_merge_abort (pending, &error))
        return amend_cli_report (error, NULL);
      g_print (_("Undone: %s is as it was before amend %s\n"), amend_pending_merge_get_target (pending), command->name);
      return AMEND_EXIT_OK;
    }
  if (!amend_pending_merge_continue (pending, &error))
    {
      if (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION))
        {
          amend_cli_error ("%s", error->message);
          return AMEND_EXIT_FINDINGS;
        }
      return amend_cli_report (error, NULL);
    }
  {
    g_autofree char *id = short_id_of (repo, amend_pending_merge_get_target (pending));

    g_print (_("Merged into %s as %s\n"), amend_pending_merge_get_target (pending), id);
  }
  return AMEND_EXIT_OK;
}
