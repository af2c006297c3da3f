/* amend-command-init.c: amend init [--author A] [DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"

static char *opt_author;

static const GOptionEntry entries[] = {
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author,
    N_("Sign the first version as AUTHOR instead of the name and e-mail in the git configuration"),
    N_("\"NAME <E-MAIL>\"") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_init, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const char *dir;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_init, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_init, _("give at most one folder"));
  if (!amend_cli_enter_repo_dir (&status))
    return status;
  dir = argc == 2 ? argv[1] : ".";

  repo = amend_repository_create (dir, opt_author, &error);
  if (repo == NULL)
    return amend_cli_report (error, g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NO_AUTHOR)
                                    ? _("or give the author with --author \"Name <e-mail>\"") : NULL);
  log = amend_repository_log (repo, NULL, NULL, NULL);
  g_print (_("Created a regulation project in %s: branch main, first version %.7s\n"),
           amend_repository_get_path (repo),
           log && log->len > 0 ? ((AmendCommit *) g_ptr_array_index (log, 0))->id : "");
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_init = {
  .name = "init",
  .parameters = "[--author \"NAME <E-MAIL>\"] [DIR]",
  .summary = N_("Start a regulation project"),
  .description = N_("Creates a git repository in DIR (the current folder when not given; made when missing) with the "
                    "branch main and a first version. The regulations (*.md) already in DIR make that version; "
                    "without any, Amend writes a small regulation to start from, regeling.md."),
  .run = run,
};
