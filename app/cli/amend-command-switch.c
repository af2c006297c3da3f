/* amend-command-switch.c: amend switch NAME|main [--save]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"

static gboolean opt_save;

static const GOptionEntry entries[] = {
  { "save", 0, 0, G_OPTION_ARG_NONE, &opt_save, N_("Save unsaved changes on the current branch first"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_switch, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_switch, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_switch, _("give the name of one amendment, or main"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  if (amend_repository_get_head (repo, &before) != AMEND_HEAD_BRANCH)
    g_clear_pointer (&before, g_free);
  if (!amend_repository_switch (repo, argv[1], opt_save, NULL, &error))
    {
      g_autofree char *hint = NULL;

      if (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY) && !opt_save)
        hint = g_strdup_printf (_("save them first with \xe2\x80\x9c" "amend save\xe2\x80\x9d, or run "
                                  "\xe2\x80\x9c" "amend switch %s --save\xe2\x80\x9d to save and switch"), argv[1]);
      return amend_cli_report (error, hint);
    }
  amend_repository_get_head (repo, &after);
  if (g_strcmp0 (before, after) == 0)
    g_print (_("Already on %s\n"), after);
  else
    g_print (_("Switched to %s\n"), after);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_switch = {
  .name = "switch",
  .parameters = "NAME|main [--save]",
  .summary = N_("Put the working copy on an amendment or on main"),
  .description = N_("NAME is the name of an amendment (as amend list shows it), its branch amendement/NAME, or any "
                    "other branch. Unsaved changes stop the switch, so that nothing is lost; with --save they are "
                    "saved on the current branch first."),
  .run = run,
};
