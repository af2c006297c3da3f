/* amend-command-push.c: amend push [NAME|--all] [--remote REMOTE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"
#include "amend-cli-sync.h"

static gboolean opt_all;
static char *opt_remote;

static const GOptionEntry entries[] = {
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Push main and every amendment"), NULL },
  { "remote", 0, 0, G_OPTION_ARG_STRING, &opt_remote, N_("Push to REMOTE instead of origin"), N_("REMOTE") },
  AMEND_CLI_PROGRESS_OPTION,
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

typedef struct {
  const char *project;
  const char *remote;
  const char *name;
  gboolean    all;
} Request;

static void
start (AmendSyncJob *job, GAsyncReadyCallback callback, gpointer user_data, gpointer data)
{
  Request *r = data;

  amend_sync_push_async (r->project, r->remote, r->name, r->all, job, callback, user_data);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_push, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *project = NULL;
  Request r = { 0 };
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_push, context, &argc, &argv, &status))
    return status;
  if (argc > 2 || (opt_all && argc == 2))
    return amend_cli_usage_error (&amend_command_push, _("give one amendment, or --all"));
  if ((repo = amend_cli_open_repository (&status)) == NULL)
    return status;
  project = g_strdup (amend_repository_get_path (repo));
  g_clear_object (&repo);
  r.project = project;
  r.remote = opt_remote;
  r.name = argc == 2 ? argv[1] : NULL;
  r.all = opt_all;
  report = amend_cli_sync_run (start, amend_sync_push_finish, &r, &status);
  if (report == NULL)
    return status;
  amend_cli_sync_print (report);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_push = {
  .name = "push",
  .parameters = "[NAME|--all] [--remote REMOTE]",
  .summary = N_("Send an amendment (or everything) to a remote"),
  .description = N_("Sends the amendment NAME, or the branch the working copy is on, or with --all main and "
                    "every amendment, to REMOTE (origin, else the only one). When the remote has versions of "
                    "a branch that this project does not have, nothing is sent: pull first (exit status 4). "
                    "Exit status 3 when the remote cannot be reached or does not accept the credentials, 4 "
                    "when it refuses a branch, 130 when stopped with Ctrl+C."),
  .run = run,
};
