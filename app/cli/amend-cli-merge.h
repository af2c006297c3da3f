/* amend-cli-merge.h: what the commands that decide and merge share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-cli-git.h"
#include "amend-decision.h"

G_BEGIN_DECLS

#define AMEND_CLI_DECISION_OPTIONS(date, meeting) \
  { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the decision (default: today)"), N_("YYYY-MM-DD") }, \
  { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting it was decided in"), N_("TEXT") }

gboolean amend_cli_make_vote      (const AmendCommand *command,
                                   const char         *date,
                                   const char         *meeting,
                                   AmendVote          *vote,
                                   int                *status);
void     amend_cli_vote_clear     (AmendVote          *vote);
int      amend_cli_report_outcome (AmendRepository    *repo,
                                   AmendAmendment     *amendment,
                                   const AmendVote    *vote,
                                   AmendMergeOutcome   outcome);
int      amend_cli_report_conflicts (AmendRepository  *repo);
int      amend_cli_pending_step   (const AmendCommand *command,
                                   gboolean            go_on,
                                   gboolean            abort);

G_END_DECLS
