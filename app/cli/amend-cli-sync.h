/* amend-cli-sync.h: what the commands that exchange amendments share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-cli.h"
#include "amend-sync.h"

G_BEGIN_DECLS

/* Exit status of a transfer stopped with Ctrl+C, as a shell reports it. */
#define AMEND_EXIT_CANCELLED 130

/* Shows progress on standard error also when it is not a terminal. */
extern gboolean amend_cli_sync_progress;

#define AMEND_CLI_PROGRESS_OPTION \
  { "progress", 0, 0, G_OPTION_ARG_NONE, &amend_cli_sync_progress, \
    N_("Show progress also when standard error is not a terminal"), NULL }

/* Starts the operation with @job; the finish function gets the result. */
typedef void             (*AmendCliSyncStart)  (AmendSyncJob        *job,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data,
                                                gpointer             data);
typedef AmendSyncReport *(*AmendCliSyncFinish) (GAsyncResult        *result,
                                                GError             **error);

/* Runs an operation in a worker thread while the main loop shows its
 * progress, asks for credentials (git's credential helpers, GIT_ASKPASS,
 * the terminal) and turns Ctrl+C into a cancel.  Returns the report, or
 * NULL with the error printed and @status set. */
AmendSyncReport *amend_cli_sync_run    (AmendCliSyncStart   start,
                                        AmendCliSyncFinish  finish,
                                        gpointer            data,
                                        int                *status);
/* Prints @error as one sentence; returns the exit status. */
int              amend_cli_sync_report_error (const GError *error);
void             amend_cli_sync_print  (AmendSyncReport    *report);

G_END_DECLS
