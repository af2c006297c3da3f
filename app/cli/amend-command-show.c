/* amend-command-show.c: amend show REV:FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "amend-cli-git.h"

static const GOptionEntry entries[] = {
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_show, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *path = NULL;
  const char *colon;
  const char *data;
  gsize len = 0;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_show, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_show, _("give one version and file, as REV:FILE (HEAD~1:regeling.md)"));
  colon = strchr (argv[1], ':');
  if (colon == NULL || colon == argv[1] || colon[1] == '\0')
    return amend_cli_usage_error (&amend_command_show,
                                  _("\xe2\x80\x9c%s\xe2\x80\x9d is not REV:FILE; write for example HEAD~1:regeling.md"),
                                  argv[1]);
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  revision = g_strndup (argv[1], colon - argv[1]);
  /* As in git: FILE counts from the top of the project, ./FILE from here. */
  if (g_str_has_prefix (colon + 1, "./") || g_str_has_prefix (colon + 1, "../"))
    {
      path = amend_repository_relative_path (repo, colon + 1, &error);
      if (path == NULL)
        return amend_cli_report (error, NULL);
    }
  else
    path = g_strdup (colon + 1);

  bytes = amend_repository_read_file (repo, revision, path, &error);
  if (bytes == NULL)
    return amend_cli_report (error, NULL);
  data = g_bytes_get_data (bytes, &len);
  /* Byte for byte: no newline added, no conversion. */
  if (len > 0 && (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0))
    {
      amend_cli_error (_("cannot write to standard output"));
      return AMEND_EXIT_FAILURE;
    }
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_show = {
  .name = "show",
  .parameters = "REV:FILE",
  .summary = N_("Print a regulation as it was in a version"),
  .description = N_("Prints FILE as it is in version REV, byte for byte. REV is anything git understands: a commit "
                    "id, a branch (main, amendement/NAME), HEAD~3 for three versions back. FILE counts from the top "
                    "of the project; ./FILE from the current folder."),
  .run = run,
};
