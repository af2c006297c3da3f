/* amend-command-pull.c: amend pull [REMOTE] | --continue | --abort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"
#include "amend-cli-sync.h"

static gboolean opt_continue;
static gboolean opt_abort;

static const GOptionEntry entries[] = {
  { "continue", 0, 0, G_OPTION_ARG_NONE, &opt_continue, N_("Commit the merge of main once its conflicts are resolved"), NULL },
  { "abort", 0, 0, G_OPTION_ARG_NONE, &opt_abort, N_("Undo the unfinished merge of main"), NULL },
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

static gboolean
stopped_at_conflicts (AmendSyncReport *report)
{
  for (guint i = 0; i < report->changes->len; i++)
    if (((AmendSyncChange *) g_ptr_array_index (report->changes, i))->kind == AMEND_SYNC_MERGE_STOPPED)
      return TRUE;
  return FALSE;
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
  if (opt_continue || opt_abort)
    {
      if (argc != 1 || (opt_continue && opt_abort))
        return amend_cli_usage_error (&amend_command_pull, _("--continue and --abort take nothing else"));
      return amend_cli_pending_step (&amend_command_pull, opt_continue, opt_abort);
    }
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
  if (stopped_at_conflicts (report))
    {
      if ((repo = amend_cli_open_repository (&status)) == NULL)
        return status;
      return amend_cli_report_conflicts (repo);
    }
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_pull = {
  .name = "pull",
  .parameters = "[REMOTE] | --continue | --abort",
  .summary = N_("Bring the draft and the amendments up to date from a remote"),
  .description = N_("Fetches from REMOTE (the one main follows, else origin, else the only one), brings main "
                    "up to date when it only has to move forward, and takes the amendments as amend package "
                    "import does: new ones are made, newer ones brought up to date, one that changed on both "
                    "sides is kept and the remote's gets a new name; a branch whose name Amend does not take as an "
                    "amendment is left out and named on standard error. When main has new versions on both sides, the "
                    "remote's are merged into it with the structural merge, as a merge commit; conflicts stop it "
                    "as they stop amend adopt (exit status 1, nothing committed): amend conflicts, amend resolve, "
                    "then amend pull --continue, or amend pull --abort to undo it. Exit status 4 when an unsaved "
                    "edit is in the way, or a branch here (amendement/x/y, amendement) leaves no room for an "
                    "incoming amendment, 3 when "
                    "the remote cannot be reached or does not accept the credentials, 130 when stopped with "
                    "Ctrl+C; nothing is changed then."),
  .run = run,
};
