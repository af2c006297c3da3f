/* amend-command-submit.c: amend submit [NAME]
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
  return amend_cli_change_status (&amend_command_submit, argc, argv, AMEND_STATUS_SUBMITTED);
}

const AmendCommand amend_command_submit = {
  .name = "submit",
  .parameters = "[NAME]",
  .summary = N_("Submit an amendment to the council (status ingediend)"),
  .description = N_("Sets the status of the amendment NAME (the one the working copy is on when not given) to ingediend, as a commit of its record on its branch. Only a concept can be submitted."),
  .run = run,
};
