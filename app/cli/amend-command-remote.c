/* amend-command-remote.c: amend remote [list] | add NAME ADDRESS | remove NAME
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli-git.h"
#include "amend-cli-sync.h"

static const GOptionEntry entries[] = {
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
list (const char *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) remotes = amend_remote_list (project, &error);

  if (remotes == NULL)
    return amend_cli_sync_report_error (error);
  for (guint i = 0; i < remotes->len; i++)
    {
      AmendRemote *remote = g_ptr_array_index (remotes, i);

      g_print ("%s\t%s\n", remote->name, remote->url);
    }
  return AMEND_EXIT_OK;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_remote, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_remote, context, &argc, &argv, &status))
    return status;
  if ((repo = amend_cli_open_repository (&status)) == NULL)
    return status;
  project = g_strdup (amend_repository_get_path (repo));
  g_clear_object (&repo);

  if (argc == 1 || (argc == 2 && strcmp (argv[1], "list") == 0))
    return list (project);
  if (strcmp (argv[1], "add") == 0 && argc == 4)
    {
      if (!amend_remote_add (project, argv[2], argv[3], &error))
        return amend_cli_sync_report_error (error);
      return AMEND_EXIT_OK;
    }
  if (strcmp (argv[1], "remove") == 0 && argc == 3)
    {
      if (!amend_remote_remove (project, argv[2], &error))
        return amend_cli_sync_report_error (error);
      return AMEND_EXIT_OK;
    }
  return amend_cli_usage_error (&amend_command_remote, _("use list, add NAME ADDRESS or remove NAME"));
}

const AmendCommand amend_command_remote = {
  .name = "remote",
  .parameters = "[list] | add NAME ADDRESS | remove NAME",
  .summary = N_("The remotes the project is pulled from and pushed to"),
  .description = N_("list prints each remote's name and address; add names a new one (a folder, file://, "
                    "git://, http(s):// or ssh:// address, without a password: Amend asks for it when needed "
                    "and never stores it); remove forgets one and its remote-tracking branches."),
  .run = run,
};
