/* amend-command-pull.c: amend pull [REMOTE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"
#include "amend-cli-sync.h"

static const GOptionEntry entries[] = {
  AMEND_CLI_PROGRESS_OPTION,
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

typedef struct {
  const char *project;
  const char *remote;
} Request;

static void
start (AmendSyncJob *job, GAsyncReadyCallback callback, gpointer user_data, gpointer data)
{
  Request *r = data;

  amend_sync_pull_async (r->project, r->remote, job, callback, user_data);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_pull, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *project = NULL;
  Request r = { 0 };
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_pull, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_pull, _("give at most one remote"));
  if ((repo = amend_cli_open_repository (&status)) == NULL)
    return status;
  project = g_strdup (amend_repository_get_path (repo));
  g_clear_object (&repo);
  r.project = project;
  r.remote = argc == 2 ? argv[1] : NULL;
  report = amend_cli_sync_run (start, amend_sync_pull_finish, &r, &status);
  if (report == NULL)
    return status;
  amend_cli_sync_print (report);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_pull = {
  .name = "pull",
  .parameters = "[REMOTE]",
  .summary = N_("Bring the draft and the amendments up to date from a remote"),
  .description = N_("Fetches from REMOTE (the one main follows, else origin, else the only one), brings main "
                    "up to date when it only has to move forward, and takes the amendments as amend package "
                    "import does: new ones are made, newer ones brought up to date, one that changed on both "
                    "sides is kept and the remote's gets a new name. When main has new versions on both sides "
                    "the pull is refused (exit status 4): Amend cannot join two drafts yet. Exit status 3 when "
                    "the remote cannot be reached or does not accept the credentials, 130 when stopped with "
                    "Ctrl+C; nothing is changed then."),
  .run = run,
};
