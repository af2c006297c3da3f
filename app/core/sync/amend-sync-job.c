/* amend-sync-job.c: what a caller gives a transfer: cancel, progress, credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker reports every libgit2 callback here; the job passes on at
 * most five a second (a terminal or a progress bar cannot show more, and a
 * main loop flooded with them stutters).  Run through an _async function,
 * the job delivers progress and credential requests in the caller's main
 * context, watches that the remote keeps talking (the timeout), and lets a
 * cancel return at once while the worker is only on the network: libgit2
 * cannot be interrupted inside a read, but nothing local is being changed
 * then, and the worker stops before it would change anything.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "amend-sync-private.h"

struct _AmendSyncJob
{
  GObject                  parent_instance;

  GCancellable            *cancellable;
  AmendSyncProgressFunc    progress_func;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  AmendSyncCredentialsFunc credentials_func;
  gpointer                 credentials_data;
  GDestroyNotify           credentials_destroy;
  guint                    timeout;

  /* Shared between the worker and the caller's thread. */
  GMutex                   lock;
  GMainContext            *context;       /* NULL when run synchronously */
  GPtrArray               *contexts;      /* every one it was run in: a worker left on the
                                           * network may still deliver to its own */
  GTask                   *task;
  GSource                 *watchdog;
  gboolean                 network;       /* in the phase that may be abandoned */
  gboolean                 committing;
  gboolean                 running;       /* a worker thread is in the job */
  gboolean                 timed_out;
  char                    *host;
  gint64                   last_activity;
  gint64                   last_report;
  AmendSyncStage           stage;
  gboolean                 stage_open;
  AmendSyncProgress        last;
  GPtrArray               *abandon;       /* of Leftover: what a worker left behind may leave */
};

/* What a worker that was left on the network (a cancel, a timeout) would
 * have removed itself: the folder of a clone, or the temporary pack
 * libgit2 was receiving. */
typedef struct {
  char       *path;
  GHashTable *before;  /* for a pack folder: the names that were there */
} Leftover;

static void
leftover_free (gpointer data)
{
  Leftover *l = data;

  g_free (l->path);
  g_clear_pointer (&l->before, g_hash_table_unref);
  g_free (l);
}

G_DEFINE_FINAL_TYPE (AmendSyncJob, amend_sync_job, G_TYPE_OBJECT)

static void
amend_sync_job_finalize (GObject *object)
{
  AmendSyncJob *self = (AmendSyncJob *) object;

  if (self->progress_destroy)
    self->progress_destroy (self->progress_data);
  if (self->credentials_destroy)
    self->credentials_destroy (self->credentials_data);
  if (self->watchdog)
    {
      g_source_destroy (self->watchdog);
      g_source_unref (self->watchdog);
    }
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->contexts, g_ptr_array_unref);
  g_clear_pointer (&self->abandon, g_ptr_array_unref);
  g_free (self->host);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (amend_sync_job_parent_class)->finalize (object);
}

static void
amend_sync_job_class_init (AmendSyncJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_sync_job_finalize;
}

static void
amend_sync_job_init (AmendSyncJob *self)
{
  g_mutex_init (&self->lock);
  self->abandon = g_ptr_array_new_with_free_func (leftover_free);
  self->contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_main_context_unref);
}

AmendSyncJob *
amend_sync_job_new (GCancellable *cancellable)
{
  AmendSyncJob *self = g_object_new (AMEND_TYPE_SYNC_JOB, NULL);

  self->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  return self;
}

GCancellable *
amend_sync_job_get_cancellable (AmendSyncJob *self)
{
  g_return_val_if_fail (AMEND_IS_SYNC_JOB (self), NULL);
  return self->cancellable;
}

void
amend_sync_job_cancel (AmendSyncJob *self)
{
  g_return_if_fail (AMEND_IS_SYNC_JOB (self));
  g_cancellable_cancel (self->cancellable);
}

void
amend_sync_job_set_progress_func (AmendSyncJob         *self,
                                  AmendSyncProgressFunc func,
                                  gpointer              user_data,
                                  GDestroyNotify        destroy)
{
  g_return_if_fail (AMEND_IS_SYNC_JOB (self));
  if (self->progress_destroy)
    self->progress_destroy (self->progress_data);
  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

void
amend_sync_job_set_credentials_func (AmendSyncJob            *self,
                                     AmendSyncCredentialsFunc func,
                                     gpointer                 user_data,
                                     GDestroyNotify           destroy)
{
  g_return_if_fail (AMEND_IS_SYNC_JOB (self));
  if (self->credentials_destroy)
    self->credentials_destroy (self->credentials_data);
  self->credentials_func = func;
  self->credentials_data = user_data;
  self->credentials_destroy = destroy;
}

void
amend_sync_job_set_timeout (AmendSyncJob *self,
                            guint         seconds)
{
  g_return_if_fail (AMEND_IS_SYNC_JOB (self));
  self->timeout = seconds;
}

guint
amend_sync_job_get_timeout (AmendSyncJob *self)
{
  const char *env = g_getenv ("AMEND_NETWORK_TIMEOUT");
  guint64 seconds = 0;

  if (self != NULL && self->timeout > 0)
    return self->timeout;
  if (env && g_ascii_string_to_unsigned (env, 10, 1, 24 * 3600, &seconds, NULL))
    return (guint) seconds;
  return AMEND_SYNC_DEFAULT_TIMEOUT;
}

/* After a cancel returned early, the worker may still wait on the
 * network: a program about to exit need not wait for it. */
gboolean
amend_sync_job_is_running (AmendSyncJob *self)
{
  gboolean running;

  g_return_val_if_fail (AMEND_IS_SYNC_JOB (self), FALSE);
  g_mutex_lock (&self->lock);
  running = self->running;
  g_mutex_unlock (&self->lock);
  return running;
}

void
amend_sync_job_set_running (AmendSyncJob *self,
                            gboolean      running)
{
  g_mutex_lock (&self->lock);
  self->running = running;
  g_mutex_unlock (&self->lock);
}

gboolean
amend_sync_job_is_committing (AmendSyncJob *self)
{
  gboolean committing;

  g_return_val_if_fail (AMEND_IS_SYNC_JOB (self), FALSE);
  g_mutex_lock (&self->lock);
  committing = self->committing;
  g_mutex_unlock (&self->lock);
  return committing;
}

const char *
amend_sync_stage_describe (AmendSyncStage stage)
{
  switch (stage)
    {
    case AMEND_SYNC_STAGE_CONNECTING:
      return _("Connecting");
    case AMEND_SYNC_STAGE_COUNTING:
      return _("Counting objects");
    case AMEND_SYNC_STAGE_COMPRESSING:
      return _("Compressing objects");
    case AMEND_SYNC_STAGE_WRITING:
      return _("Writing objects");
    case AMEND_SYNC_STAGE_RECEIVING:
      return _("Receiving objects");
    case AMEND_SYNC_STAGE_RESOLVING:
      return _("Resolving deltas");
    case AMEND_SYNC_STAGE_CHECKING_OUT:
    default:
      return _("Updating files");
    }
}

/* ----------------------------------------------------------------------- */
/* For the worker                                                           */
/* ----------------------------------------------------------------------- */

gboolean
amend_sync_job_is_cancelled (AmendSyncJob *self)
{
  return self != NULL && g_cancellable_is_cancelled (self->cancellable);
}

GCancellable *
amend_sync_job_cancellable (AmendSyncJob *self)
{
  return self ? self->cancellable : NULL;
}

gboolean
amend_sync_job_set_cancelled_error (AmendSyncJob *self,
                                    GError      **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("cancelled; nothing was changed in the project"));
  return FALSE;
}

typedef struct {
  AmendSyncJob      *job;
  AmendSyncProgress  progress;
} Delivery;

static gboolean
deliver_progress (gpointer data)
{
  Delivery *d = data;

  if (d->job->progress_func)
    d->job->progress_func (d->job, &d->progress, d->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
delivery_free (gpointer data)
{
  Delivery *d = data;

  g_object_unref (d->job);
  g_free (d);
}

static void
emit_progress (AmendSyncJob            *self,
               const AmendSyncProgress *progress)
{
  Delivery *d;

  if (self->progress_func == NULL)
    return;
  if (self->context == NULL)
    {
      self->progress_func (self, progress, self->progress_data);
      return;
    }
  d = g_new0 (Delivery, 1);
  d->job = g_object_ref (self);
  d->progress = *progress;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_progress, d, delivery_free);
}

/* Every libgit2 callback ends here.  A new stage is shown at once (after
 * the end of the one before); within a stage one report per interval. */
void
amend_sync_job_progress (AmendSyncJob   *self,
                         AmendSyncStage  stage,
                         guint           done,
                         guint           total,
                         guint64         bytes)
{
  gint64 now = g_get_monotonic_time ();
  AmendSyncProgress current;
  gboolean report;

  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->last_activity = now;
  if (self->stage_open && self->stage != stage)
    {
      AmendSyncProgress end = self->last;

      g_mutex_unlock (&self->lock);
      emit_progress (self, &end);
      g_mutex_lock (&self->lock);
      self->stage_open = FALSE;
    }
  report = !self->stage_open || now - self->last_report >= AMEND_SYNC_PROGRESS_INTERVAL;
  self->stage = stage;
  self->stage_open = TRUE;
  self->last = (AmendSyncProgress) { stage, done, total, bytes, now };
  current = self->last;
  if (report)
    self->last_report = now;
  g_mutex_unlock (&self->lock);
  if (report)
    emit_progress (self, &current);
}

/* The last report of a stage, whatever the interval: 100 % is always seen. */
void
amend_sync_job_progress_end (AmendSyncJob *self)
{
  AmendSyncProgress end;
  gboolean open;

  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  open = self->stage_open;
  self->stage_open = FALSE;
  end = self->last;
  end.time = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
  if (open)
    emit_progress (self, &end);
}

void
amend_sync_job_touch (AmendSyncJob *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->last_activity = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
}

/* From here until amend_sync_job_begin_commit only the network is used:
 * a cancel (or the timeout) may return to the caller at once. */
void
amend_sync_job_begin_network (AmendSyncJob *self,
                              const char   *host)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  g_free (self->host);
  self->host = g_strdup (host);
  self->network = TRUE;
  self->last_activity = g_get_monotonic_time ();
  if (self->task)
    g_task_set_return_on_cancel (self->task, TRUE);
  g_mutex_unlock (&self->lock);
}

/* Before the first change to the repository: FALSE (with the error) when
 * the job was cancelled, or its caller has already been told it was. */
gboolean
amend_sync_job_begin_commit (AmendSyncJob *self,
                             GError      **error)
{
  gboolean go_on = TRUE;

  if (self == NULL)
    return TRUE;
  g_mutex_lock (&self->lock);
  self->network = FALSE;
  if (self->task && !g_task_set_return_on_cancel (self->task, FALSE))
    go_on = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    go_on = FALSE;
  self->committing = go_on;
  /* From here on the worker is waited for, and cleans up itself. */
  g_ptr_array_set_size (self->abandon, 0);
  g_mutex_unlock (&self->lock);
  if (!go_on)
    return amend_sync_job_set_cancelled_error (self, error);
  return TRUE;
}

void
amend_sync_job_end_commit (AmendSyncJob *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->committing = FALSE;
  g_mutex_unlock (&self->lock);
}

typedef struct {
  AmendSyncJob           *job;
  AmendCredentialRequest *request;
} Asking;

static gboolean
deliver_request (gpointer data)
{
  Asking *a = data;

  a->job->credentials_func (a->job, a->request, a->job->credentials_data);
  return G_SOURCE_REMOVE;
}

static void
asking_free (gpointer data)
{
  Asking *a = data;

  g_object_unref (a->job);
  g_object_unref (a->request);
  g_free (a);
}

/* Asks the caller and waits for the answer; FALSE when there is no one
 * to ask, or the job was cancelled meanwhile. */
gboolean
amend_sync_job_ask (AmendSyncJob           *self,
                    AmendCredentialRequest *request)
{
  gboolean network;

  if (self == NULL || self->credentials_func == NULL)
    {
      amend_credential_request_fail (request, NULL);
      return FALSE;
    }
  if (self->context == NULL)
    self->credentials_func (self, request, self->credentials_data);
  else
    {
      Asking *a = g_new0 (Asking, 1);

      a->job = g_object_ref (self);
      a->request = g_object_ref (request);
      g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_request, a, asking_free);
    }
  /* Waiting for a person is not a silent remote. */
  g_mutex_lock (&self->lock);
  network = self->network;
  self->network = FALSE;
  g_mutex_unlock (&self->lock);
  amend_credential_request_wait (request, self->cancellable);
  g_mutex_lock (&self->lock);
  self->network = network;
  self->last_activity = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
  return amend_credential_request_is_answered (request);
}

/* The watchdog of a job run in a thread: a remote that says nothing for
 * the timeout stops the transfer. */
static gboolean
watch (gpointer data)
{
  AmendSyncJob *self = data;
  gint64 silent;
  gboolean expired;

  g_mutex_lock (&self->lock);
  silent = g_get_monotonic_time () - self->last_activity;
  expired = self->network && !self->committing &&
            silent > (gint64) amend_sync_job_get_timeout (self) * G_TIME_SPAN_SECOND;
  if (expired)
    self->timed_out = TRUE;
  g_mutex_unlock (&self->lock);
  if (expired)
    g_cancellable_cancel (self->cancellable);
  return G_SOURCE_CONTINUE;
}

void
amend_sync_job_attach (AmendSyncJob *self,
                       GTask        *task)
{
  g_mutex_lock (&self->lock);
  self->task = task;
  self->context = g_main_context_ref_thread_default ();
  g_ptr_array_add (self->contexts, self->context);
  self->timed_out = FALSE;
  self->last_activity = g_get_monotonic_time ();
  self->watchdog = g_timeout_source_new_seconds (1);
  g_source_set_callback (self->watchdog, watch, self, NULL);
  g_source_attach (self->watchdog, self->context);
  g_mutex_unlock (&self->lock);
}

void
amend_sync_job_detach (AmendSyncJob *self)
{
  g_mutex_lock (&self->lock);
  self->task = NULL;
  self->network = FALSE;
  if (self->watchdog)
    {
      g_source_destroy (self->watchdog);
      g_clear_pointer (&self->watchdog, g_source_unref);
    }
  g_mutex_unlock (&self->lock);
}

/* A cancel that the watchdog made becomes the sentence about the host. */
void
amend_sync_job_explain_cancel (AmendSyncJob *self,
                               GError      **error)
{
  gboolean timed_out;
  g_autofree char *host = NULL;

  if (self == NULL || error == NULL || *error == NULL ||
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_mutex_lock (&self->lock);
  timed_out = self->timed_out;
  host = g_strdup (self->host);
  g_mutex_unlock (&self->lock);
  g_clear_error (error);
  if (timed_out)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_TIMEOUT,
                 _("%s did not answer for %u seconds; check the network connection and the address, "
                   "then try again (nothing was changed in the project)"),
                 host ? host : _("the remote"), amend_sync_job_get_timeout (self));
  else
    amend_sync_job_set_cancelled_error (self, error);
}

static GHashTable *
list_folder (const char *path)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    g_hash_table_add (names, g_strdup (name));
  return names;
}

/* @path is removed (a folder the worker made), or for @pack_folder the
 * temporary packs that appear in it, if the caller is told of a cancel
 * before the worker could clean up. */
void
amend_sync_job_on_abandon (AmendSyncJob *self,
                           const char   *path,
                           gboolean      pack_folder)
{
  Leftover *l;

  if (self == NULL)
    return;
  l = g_new0 (Leftover, 1);
  l->path = g_strdup (path);
  if (pack_folder)
    l->before = list_folder (path);
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->abandon, l);
  g_mutex_unlock (&self->lock);
}

static void
clean_leftover (Leftover *l)
{
  g_autoptr(GHashTable) now = NULL;
  GHashTableIter iter;
  gpointer name;

  if (l->before == NULL)
    {
      amend_sync_remove_tree (l->path);
      return;
    }
  now = list_folder (l->path);
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (l->before, name) && g_str_has_prefix (name, "pack_git2_"))
      {
        g_autofree char *file = g_build_filename (l->path, name, NULL);

        g_unlink (file);
      }
}

/* In the caller's thread, after a cancel. */
void
amend_sync_job_clean_abandoned (AmendSyncJob *self)
{
  g_autoptr(GPtrArray) leftovers = NULL;

  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  leftovers = g_steal_pointer (&self->abandon);
  self->abandon = g_ptr_array_new_with_free_func (leftover_free);
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < leftovers->len; i++)
    clean_leftover (g_ptr_array_index (leftovers, i));
}
