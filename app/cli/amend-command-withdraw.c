/* amend-command-withdraw.c: amend withdraw [NAME]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"

static int
run (int    argc,
     char **argv)
{
  return amend_cli_change_status (&amend_command_withdraw, argc, argv, AMEND_STATUS_WITHDRAWN);
}

const AmendCommand amend_command_withdraw = {
  .name = "withdraw",
  .parameters = "[NAME]",
  .summary = N_("Withdraw an amendment (status ingetrokken)"),
  .description = N_("Sets the status of the amendment NAME (the one the working copy is on when not given) to ingetrokken, as a commit of its record on its branch. A concept or a submitted amendment can be withdrawn; a withdrawn one stays withdrawn."),
  .run = run,
};
