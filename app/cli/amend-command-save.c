/* amend-command-save.c: amend save [-m MSG] [--author A] [FILE...]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli-git.h"

static char *opt_message;
static char *opt_author;

static const GOptionEntry entries[] = {
  { "message", 'm', 0, G_OPTION_ARG_STRING, &opt_message, N_("Say what changed (default: which files changed)"),
    N_("MSG") },
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author,
    N_("Sign the version as AUTHOR instead of the name and e-mail in the git configuration"),
    N_("\"NAME <E-MAIL>\"") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_save, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *branch = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_save, context, &argc, &argv, &status))
    return status;
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  for (int i = 1; i < argc; i++)
    {
      char *path = amend_repository_relative_path (repo, argv[i], &error);

      if (path == NULL)
        return amend_cli_report (error, NULL);
      g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);

  id = amend_repository_save (repo, argc > 1 ? (const char * const *) paths->pdata : NULL,
                              opt_author, NULL, opt_message, &error);
  if (id == NULL)
    {
      if (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOTHING_TO_SAVE))
        {
          g_print ("%s\n", error->message);
          return AMEND_EXIT_OK;
        }
      return amend_cli_report (error, g_error_matches (error, AMEND_REPOSITORY_ERROR,
                                                       AMEND_REPOSITORY_ERROR_NO_AUTHOR)
                                      ? _("or give the author with --author \"Name <e-mail>\"") : NULL);
    }
  amend_repository_get_head (repo, &branch);
  g_print (_("Saved version %.7s on %s\n"), id, branch);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_save = {
  .name = "save",
  .parameters = "[-m MSG] [--author \"NAME <E-MAIL>\"] [FILE\xe2\x80\xa6]",
  .summary = N_("Save the changed regulations as a new version"),
  .description = N_("Commits the new, changed and deleted regulations (the *.md files and the records in .amend/) "
                    "on the current branch, or only the FILEs given. The author is --author, else user.name and "
                    "user.email of the git configuration. Other files that were staged with git add stay staged "
                    "and are not part of the version."),
  .run = run,
};
