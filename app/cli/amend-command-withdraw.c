/* amend-command-withdraw.c: amend withdraw [NAME]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"

static const GOptionEntry entries[] = {
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_withdraw, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_withdraw, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_withdraw, _("give at most one amendment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  amendment = amend_amendment_change_status (repo, argc == 2 ? argv[1] : NULL, AMEND_STATUS_WITHDRAWN, &error);
  if (amendment == NULL)
    return amend_cli_report (error, NULL);
  g_print (_("The amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s) is now %s\n"),
           amend_amendment_get_title (amendment), amend_amendment_get_slug (amendment),
           amend_status_to_string (amend_amendment_get_status (amendment)));
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_withdraw = {
  .name = "withdraw",
  .parameters = "[NAME]",
  .summary = N_("Withdraw an amendment (status ingetrokken)"),
  .description = N_("Sets the status of the amendment NAME (the one the working copy is on when not given) to ingetrokken, as a commit of its record on its branch. A concept or a submitted amendment can be withdrawn; a withdrawn one stays withdrawn."),
  .run = run,
};
