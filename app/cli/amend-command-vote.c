/* amend-command-vote.c: amend vote NAME --for N --against N [--date YYYY-MM-DD] [--meeting TEXT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"

static char *opt_for;
static char *opt_against;
static char *opt_date;
static char *opt_meeting;

static const GOptionEntry entries[] = {
  { "for", 0, 0, G_OPTION_ARG_STRING, &opt_for, N_("The number of votes for"), N_("N") },
  { "against", 0, 0, G_OPTION_ARG_STRING, &opt_against, N_("The number of votes against"), N_("N") },
  AMEND_CLI_DECISION_OPTIONS (opt_date, opt_meeting),
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* A count as the clerk wrote it down: decimal digits only.  GOption's
 * own integers go through strtol with base 0, which took "010" for 8
 * and "0x10" for 16, and recorded that as the council's vote. */
static gboolean
parse_count (const char *text,
             int        *count)
{
  guint64 value;

  if (text == NULL || !g_ascii_isdigit (*text) ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *count = (int) value;
  return TRUE;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_vote, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  AmendMergeOutcome outcome = AMEND_MERGE_OUTCOME_DONE;
  AmendVote vote;
  int votes_for = 0;
  int votes_against = 0;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_vote, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_vote, _("name the amendment the council voted on"));
  if (opt_for == NULL || opt_against == NULL)
    return amend_cli_usage_error (&amend_command_vote, _("give the votes with --for N and --against N (0 or more)"));
  if (!parse_count (opt_for, &votes_for) || !parse_count (opt_against, &votes_against))
    /* TRANSLATORS: %s is what was given after --for or --against */
    return amend_cli_usage_error (&amend_command_vote, _("\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is not a number of votes; give --for and --against "
                                                         "as whole numbers in digits, such as --for 15 --against 12"),
                                  parse_count (opt_for, &votes_for) ? opt_against : opt_for);
  if (!amend_cli_make_vote (&amend_command_vote, opt_date, opt_meeting, &vote, &status))
    return status;
  vote.votes_for = votes_for;
  vote.votes_against = votes_against;
  vote.result = votes_for > votes_against ? AMEND_STATUS_ADOPTED : AMEND_STATUS_REJECTED;
  repo = amend_cli_open_repository (&status);
  if (repo != NULL)
    {
      amendment = amend_decision_vote (repo, argv[1], &vote, &outcome, &error);
      status = amendment ? amend_cli_report_outcome (repo, amendment, &vote, outcome) : amend_cli_report (error, NULL);
    }
  amend_cli_vote_clear (&vote);
  return status;
}

const AmendCommand amend_command_vote = {
  .name = "vote",
  .parameters = "NAME --for N --against N [--date YYYY-MM-DD] [--meeting TEXT]",
  .summary = N_("Record the council's vote on an amendment"),
  .description = N_("Records the vote in the record of the amendment NAME (group [vote]: date, meeting, for, against, "
                    "result). A majority for adopts it: it is merged into main (a subamendment into its amendment) "
                    "as with amend adopt. A tie or less rejects it, as with amend reject. Only an amendment that is "
                    "ingediend can be voted on. Exit status 1: the adoption stopped at conflicts (see amend "
                    "conflicts)."),
  .run = run,
};
