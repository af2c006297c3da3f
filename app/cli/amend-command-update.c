/* amend-command-update.c: amend update NAME | --continue | --abort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"

static gboolean opt_continue;
static gboolean opt_abort;

static const GOptionEntry entries[] = {
  { "continue", 0, 0, G_OPTION_ARG_NONE, &opt_continue, N_("Commit the update once its conflicts are resolved"), NULL },
  { "abort", 0, 0, G_OPTION_ARG_NONE, &opt_abort, N_("Undo the unfinished update"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_update, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  AmendMergeOutcome outcome = AMEND_MERGE_OUTCOME_DONE;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_update, context, &argc, &argv, &status))
    return status;
  if (opt_continue || opt_abort)
    {
      if (argc != 1 || (opt_continue && opt_abort))
        return amend_cli_usage_error (&amend_command_update, _("--continue and --abort take nothing else"));
      return amend_cli_pending_step (&amend_command_update, opt_continue, opt_abort);
    }
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_update, _("give at most one amendment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  amendment = amend_decision_update (repo, argc == 2 ? argv[1] : NULL, &outcome, &error);
  if (amendment == NULL)
    return amend_cli_report (error, NULL);
  if (outcome == AMEND_MERGE_OUTCOME_UP_TO_DATE)
    g_print (_("The amendment \xe2\x80\x9c%s\xe2\x80\x9d is up to date already\n"), amend_amendment_get_title (amendment));
  else if (outcome == AMEND_MERGE_OUTCOME_DONE)
    g_print (_("The amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s) is up to date\n"), amend_amendment_get_title (amendment),
             amend_amendment_get_slug (amendment));
  else
    {
      AmendVote none = { 0 };
      return amend_cli_report_outcome (repo, amendment, &none, outcome);
    }
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_update = {
  .name = "update",
  .parameters = "[NAME] | --continue | --abort",
  .summary = N_("Bring an amendment up to date with main"),
  .description = N_("Merges main (for a subamendment: its amendment) into the amendment NAME (the one the working "
                    "copy is on when not given) with the structural merge, as a merge commit: its history is kept, "
                    "nothing is rebased. Conflicts stop it as they stop amend adopt: amend conflicts, amend resolve, "
                    "then amend update --continue or --abort. Exit status 1: stopped at conflicts."),
  .run = run,
};
