/* amend-command-clone.c: amend clone ADDRESS [DIR]
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
  const char *url;
  const char *dir;
} Request;

static void
start (AmendSyncJob *job, GAsyncReadyCallback callback, gpointer user_data, gpointer data)
{
  Request *r = data;

  amend_sync_clone_async (r->url, r->dir, job, callback, user_data);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_clone, entries);
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *shown = NULL;
  Request r = { 0 };
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_clone, context, &argc, &argv, &status))
    return status;
  if (argc < 2 || argc > 3)
    return amend_cli_usage_error (&amend_command_clone, _("give the address of a project, and a folder if you like"));
  if (!amend_cli_enter_repo_dir (&status))
    return status;
  r.url = argv[1];
  r.dir = argc == 3 ? argv[2] : NULL;
  report = amend_cli_sync_run (start, amend_sync_clone_finish, &r, &status);
  if (report == NULL)
    return status;
  shown = amend_sync_display_url (argv[1]);
  g_print (_("Cloned %s into %s:\n"), shown, report->path);
  amend_cli_sync_print (report);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_clone = {
  .name = "clone",
  .parameters = "ADDRESS [DIR]",
  .summary = N_("Copy a project from a remote, with all its amendments"),
  .description = N_("Copies the project at ADDRESS (a folder, file://, git://, http(s):// or ssh://) into DIR, "
                    "named after the address when not given, and makes a branch of every amendment there, so "
                    "that amend list shows them; a branch whose name Amend does not take as an amendment (amendement/-x, "
                    "amendement/x/y, longer than 250 bytes) is left out and named on standard error. A password is asked for when the remote wants one (git's "
                    "credential helpers, GIT_ASKPASS, else the terminal) and never stored. Exit status 3 when "
                    "the remote cannot be reached (AMEND_NETWORK_TIMEOUT seconds, 30 by default) or does not "
                    "accept the credentials, 4 when DIR is not empty, 130 when stopped with Ctrl+C; DIR is "
                    "not made then."),
  .run = run,
};
