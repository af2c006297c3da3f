/* amend-sync.c: errors, reports, and the _async variants of the operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-sync-private.h"

G_DEFINE_QUARK (amend-sync-error-quark, amend_sync_error)

gboolean
amend_sync_set_git_error (GError    **error,
                          int         code,
                          const char *format,
                          ...)
{
  const git_error *e = git_error_last ();
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FAILED, "%s: %s", what,
               e && e->message ? e->message : _("unknown error"));
  return FALSE;
}

AmendSyncChange *
amend_sync_change_new (AmendSyncChangeKind kind,
                       const char         *branch)
{
  AmendSyncChange *change = g_new0 (AmendSyncChange, 1);

  change->kind = kind;
  change->branch = g_strdup (branch);
  return change;
}

void
amend_sync_change_free (AmendSyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->branch);
  g_free (change->kept_as);
  g_free (change->title);
  g_free (change->old_id);
  g_free (change->new_id);
  g_free (change->message);
  g_free (change);
}

AmendSyncReport *
amend_sync_report_new (void)
{
  AmendSyncReport *report = g_new0 (AmendSyncReport, 1);

  report->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_sync_change_free);
  return report;
}

void
amend_sync_report_free (AmendSyncReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->changes);
  g_free (report->path);
  g_free (report);
}

const AmendSyncChange *
amend_sync_report_find (AmendSyncReport *report,
                        const char      *branch)
{
  for (guint i = 0; i < report->changes->len; i++)
    {
      AmendSyncChange *change = g_ptr_array_index (report->changes, i);

      if (g_strcmp0 (change->branch, branch) == 0)
        return change;
    }
  return NULL;
}

gboolean
amend_sync_is_draft_branch (const char *branch)
{
  return g_strcmp0 (branch, "main") == 0 || g_strcmp0 (branch, "master") == 0;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const AmendSyncChange *x = *(const AmendSyncChange * const *) a;
  const AmendSyncChange *y = *(const AmendSyncChange * const *) b;

  if (amend_sync_is_draft_branch (x->branch) != amend_sync_is_draft_branch (y->branch))
    return amend_sync_is_draft_branch (x->branch) ? -1 : 1;
  return strcmp (x->branch, y->branch);
}

void
amend_sync_report_sort (AmendSyncReport *report)
{
  g_ptr_array_sort (report->changes, compare_changes);
}

void
amend_remote_free (AmendRemote *remote)
{
  if (remote == NULL)
    return;
  g_free (remote->name);
  g_free (remote->url);
  g_free (remote);
}

/* ----------------------------------------------------------------------- */
/* In a worker thread                                                       */
/* ----------------------------------------------------------------------- */

typedef enum {
  OP_EXPORT,
  OP_IMPORT,
  OP_OPEN,
  OP_CLONE,
  OP_PULL,
  OP_PUSH,
} Op;

typedef struct {
  Op            op;
  char         *a;
  char         *b;
  char         *c;
  gboolean      flag;
  AmendSyncJob *job;
} Args;

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->a);
  g_free (args->b);
  g_free (args->c);
  g_clear_object (&args->job);
  g_free (args);
}

static AmendSyncReport *
run_op (Args    *args,
        GError **error)
{
  switch (args->op)
    {
    case OP_EXPORT:
      return amend_package_export (args->a, args->b, args->c, args->job, error);
    case OP_IMPORT:
      return amend_package_import (args->a, args->b, args->job, error);
    case OP_OPEN:
      return amend_package_open (args->a, args->b, args->job, error);
    case OP_CLONE:
      return amend_sync_clone_run (args->a, args->b, args->job, error);
    case OP_PULL:
      return amend_sync_pull_run (args->a, args->b, args->job, error);
    case OP_PUSH:
    default:
      return amend_sync_push_run (args->a, args->b, args->c, args->flag, args->job, error);
    }
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Args *args = data;
  GError *error = NULL;
  AmendSyncReport *report = run_op (args, &error);

  amend_sync_job_set_running (args->job, FALSE);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) amend_sync_report_free);
}

static void
task_completed (GTask      *task,
                GParamSpec *pspec,
                gpointer    data)
{
  Args *args = g_task_get_task_data (task);

  amend_sync_job_detach (args->job);
}

static void
start (Op                  op,
       const char         *a,
       const char         *b,
       const char         *c,
       gboolean            flag,
       AmendSyncJob       *job,
       gpointer            source_tag,
       GAsyncReadyCallback callback,
       gpointer            user_data)
{
  Args *args = g_new0 (Args, 1);
  g_autoptr(GTask) task = NULL;

  args->op = op;
  args->a = g_strdup (a);
  args->b = g_strdup (b);
  args->c = g_strdup (c);
  args->flag = flag;
  args->job = job ? g_object_ref (job) : amend_sync_job_new (NULL);
  task = g_task_new (NULL, amend_sync_job_get_cancellable (args->job), callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, args, args_free);
  /* The worker tells GTask when a cancel may return at once (only while
   * it is on the network); until then the task waits for it. */
  g_task_set_return_on_cancel (task, FALSE);
  g_signal_connect (task, "notify::completed", G_CALLBACK (task_completed), NULL);
  amend_sync_job_attach (args->job, task);
  amend_sync_job_set_running (args->job, TRUE);
  g_task_run_in_thread (task, run_in_thread);
}

static AmendSyncReport *
finish (GAsyncResult *result,
        gpointer      source_tag,
        GError      **error)
{
  GTask *task = G_TASK (result);
  Args *args = g_task_get_task_data (task);
  GError *local = NULL;
  AmendSyncReport *report;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == source_tag, NULL);
  report = g_task_propagate_pointer (task, &local);
  if (report == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        amend_sync_job_clean_abandoned (args->job);
      amend_sync_job_explain_cancel (args->job, &local);
      g_propagate_error (error, local);
    }
  return report;
}

void
amend_package_export_async (const char         *project,
                            const char         *name,
                            const char         *output,
                            AmendSyncJob       *job,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  start (OP_EXPORT, project, name, output, FALSE, job, amend_package_export_async, callback, user_data);
}

AmendSyncReport *
amend_package_export_finish (GAsyncResult *result,
                             GError      **error)
{
  return finish (result, amend_package_export_async, error);
}

void
amend_package_import_async (const char         *project,
                            const char         *file,
                            AmendSyncJob       *job,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  start (OP_IMPORT, project, file, NULL, FALSE, job, amend_package_import_async, callback, user_data);
}

AmendSyncReport *
amend_package_import_finish (GAsyncResult *result,
                             GError      **error)
{
  return finish (result, amend_package_import_async, error);
}

void
amend_package_open_async (const char         *file,
                          const char         *dir,
                          AmendSyncJob       *job,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  start (OP_OPEN, file, dir, NULL, FALSE, job, amend_package_open_async, callback, user_data);
}

AmendSyncReport *
amend_package_open_finish (GAsyncResult *result,
                           GError      **error)
{
  return finish (result, amend_package_open_async, error);
}

void
amend_sync_clone_async (const char         *url,
                        const char         *dir,
                        AmendSyncJob       *job,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  start (OP_CLONE, url, dir, NULL, FALSE, job, amend_sync_clone_async, callback, user_data);
}

AmendSyncReport *
amend_sync_clone_finish (GAsyncResult *result,
                         GError      **error)
{
  return finish (result, amend_sync_clone_async, error);
}

void
amend_sync_pull_async (const char         *project,
                       const char         *remote,
                       AmendSyncJob       *job,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  start (OP_PULL, project, remote, NULL, FALSE, job, amend_sync_pull_async, callback, user_data);
}

AmendSyncReport *
amend_sync_pull_finish (GAsyncResult *result,
                        GError      **error)
{
  return finish (result, amend_sync_pull_async, error);
}

void
amend_sync_push_async (const char         *project,
                       const char         *remote,
                       const char         *name,
                       gboolean            all,
                       AmendSyncJob       *job,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  start (OP_PUSH, project, remote, name, all, job, amend_sync_push_async, callback, user_data);
}

AmendSyncReport *
amend_sync_push_finish (GAsyncResult *result,
                        GError      **error)
{
  return finish (result, amend_sync_push_async, error);
}

/* ----------------------------------------------------------------------- */
/* Synchronously, with the same bound                                       */
/* ----------------------------------------------------------------------- */

/* libgit2 1.5 waits for a silent remote for ever, inside a read nothing
 * interrupts.  So a synchronous clone, pull or push runs as its _async
 * pair does, in a worker, while this thread waits in a main context of
 * its own: the watchdog there stops a transfer whose remote says nothing
 * for the timeout, and the call returns although the worker may still be
 * stuck in its read (it gives up before it would change anything, as
 * after a cancel).  Progress and credential requests come in this thread,
 * during the call, as they did when the work was done here. */
typedef struct {
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Waiter *w = data;

  w->result = g_object_ref (result);
}

static AmendSyncReport *
run_bounded (Op            op,
             const char   *a,
             const char   *b,
             const char   *c,
             gboolean      flag,
             AmendSyncJob *job,
             gpointer      source_tag,
             GError      **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Waiter w = { NULL };
  AmendSyncReport *report;

  g_main_context_push_thread_default (context);
  start (op, a, b, c, flag, job, source_tag, on_done, &w);
  while (w.result == NULL)
    g_main_context_iteration (context, TRUE);
  report = finish (w.result, source_tag, error);
  g_object_unref (w.result);
  g_main_context_pop_thread_default (context);
  return report;
}

AmendSyncReport *
amend_sync_clone (const char   *url,
                  const char   *dir,
                  AmendSyncJob *job,
                  GError      **error)
{
  return run_bounded (OP_CLONE, url, dir, NULL, FALSE, job, amend_sync_clone_async, error);
}

AmendSyncReport *
amend_sync_pull (const char   *project,
                 const char   *remote,
                 AmendSyncJob *job,
                 GError      **error)
{
  return run_bounded (OP_PULL, project, remote, NULL, FALSE, job, amend_sync_pull_async, error);
}

AmendSyncReport *
amend_sync_push (const char   *project,
                 const char   *remote,
                 const char   *name,
                 gboolean      all,
                 AmendSyncJob *job,
                 GError      **error)
{
  return run_bounded (OP_PUSH, project, remote, name, all, job, amend_sync_push_async, error);
}
