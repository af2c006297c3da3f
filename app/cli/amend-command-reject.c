/* amend-command-reject.c: amend reject NAME [--date YYYY-MM-DD] [--meeting TEXT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"

static char *opt_date;
static char *opt_meeting;

static const GOptionEntry entries[] = {
  AMEND_CLI_DECISION_OPTIONS (opt_date, opt_meeting),
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_reject, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  AmendVote vote;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_reject, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_reject, _("name the amendment to reject"));
  if (!amend_cli_make_vote (&amend_command_reject, opt_date, opt_meeting, &vote, &status))
    return status;
  vote.result = AMEND_STATUS_REJECTED;
  repo = amend_cli_open_repository (&status);
  if (repo != NULL)
    {
      amendment = amend_decision_reject (repo, argv[1], &vote, &error);
      status = amendment ? amend_cli_report_outcome (repo, amendment, &vote, AMEND_MERGE_OUTCOME_DONE)
                         : amend_cli_report (error, NULL);
    }
  amend_cli_vote_clear (&vote);
  return status;
}

const AmendCommand amend_command_reject = {
  .name = "reject",
  .parameters = "NAME [--date YYYY-MM-DD] [--meeting TEXT]",
  .summary = N_("Reject an amendment"),
  .description = N_("Rejects the amendment NAME without counted votes: its record gets status verworpen and the "
                    "decision, as a commit on its branch, which stays. Only an amendment that is ingediend can be "
                    "rejected."),
  .run = run,
};
