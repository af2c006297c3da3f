/* amend-command-adopt.c: amend adopt NAME [--date] [--meeting] | --continue | --abort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"

static char *opt_date;
static char *opt_meeting;
static gboolean opt_continue;
static gboolean opt_abort;

static const GOptionEntry entries[] = {
  AMEND_CLI_DECISION_OPTIONS (opt_date, opt_meeting),
  { "continue", 0, 0, G_OPTION_ARG_NONE, &opt_continue, N_("Commit the adoption once its conflicts are resolved"), NULL },
  { "abort", 0, 0, G_OPTION_ARG_NONE, &opt_abort, N_("Undo the unfinished adoption"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_adopt, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  AmendMergeOutcome outcome = AMEND_MERGE_OUTCOME_DONE;
  AmendVote vote;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_adopt, context, &argc, &argv, &status))
    return status;
  if (opt_continue || opt_abort)
    {
      if (argc != 1 || (opt_continue && opt_abort) || opt_date || opt_meeting)
        return amend_cli_usage_error (&amend_command_adopt, _("--continue and --abort take nothing else"));
      return amend_cli_pending_step (&amend_command_adopt, opt_continue, opt_abort);
    }
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_adopt, _("name the amendment to adopt"));
  if (!amend_cli_make_vote (&amend_command_adopt, opt_date, opt_meeting, &vote, &status))
    return status;
  vote.result = AMEND_STATUS_ADOPTED;
  repo = amend_cli_open_repository (&status);
  if (repo != NULL)
    {
      amendment = amend_decision_adopt (repo, argv[1], &vote, &outcome, &error);
      status = amendment ? amend_cli_report_outcome (repo, amendment, &vote, outcome) : amend_cli_report (error, NULL);
    }
  amend_cli_vote_clear (&vote);
  return status;
}

const AmendCommand amend_command_adopt = {
  .name = "adopt",
  .parameters = "NAME [--date YYYY-MM-DD] [--meeting TEXT] | --continue | --abort",
  .summary = N_("Adopt an amendment: merge it into main"),
  .description = N_("Adopts the amendment NAME without counted votes (by acclamation, or when the proposer takes it "
                    "over): its record gets status aangenomen and the decision, on its branch, and that branch is "
                    "merged into main (a subamendment: into its amendment) as a merge commit with two parents, made "
                    "by the structural merge. The record goes into main as the archive of the decision. When the "
                    "merge has conflicts nothing is committed: see them with amend conflicts, resolve them with "
                    "amend resolve, then run amend adopt --continue, or amend adopt --abort to undo. Exit status 1: "
                    "stopped at conflicts."),
  .run = run,
};
