/* amend-draft-store.c: unsaved edits kept on disk until they are saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One draft per project, branch and file, in
 * g_get_user_data_dir()/amend/drafts/KEY.md, KEY being the SHA-256 of the
 * three; KEY.ini beside it says whose draft it is and when it was written.
 * The text is written before its description, each atomically (GLib writes
 * a temporary file and renames it over the old one), so a crash at any
 * moment leaves a whole draft, old or new.  No GTK here: the tests use the
 * store without a display.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>

#include "amend-draft-store.h"

struct _AmendDraftStore
{
  GObject  parent_instance;

  char    *dir;
  GMutex   lock;   /* one writer at a time: the timer's thread and a save on close */
};

G_DEFINE_FINAL_TYPE (AmendDraftStore, amend_draft_store, G_TYPE_OBJECT)

static void
amend_draft_store_finalize (GObject *object)
{
  AmendDraftStore *self = (AmendDraftStore *) object;

  g_clear_pointer (&self->dir, g_free);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (amend_draft_store_parent_class)->finalize (object);
}

static void
amend_draft_store_class_init (AmendDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_draft_store_finalize;
}

static void
amend_draft_store_init (AmendDraftStore *self)
{
  g_mutex_init (&self->lock);
}

/* @dir: where the drafts go; NULL for the user data folder. */
AmendDraftStore *
amend_draft_store_new (const char *dir)
{
  AmendDraftStore *self = g_object_new (AMEND_TYPE_DRAFT_STORE, NULL);

  self->dir = dir ? g_strdup (dir) : g_build_filename (g_get_user_data_dir (), "amend", "drafts", NULL);
  return self;
}

const char *
amend_draft_store_get_dir (AmendDraftStore *self)
{
  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), NULL);
  return self->dir;
}

/* NUL separators: no project path, branch or file name contains one, so
 * two different triples never make the same string. */
char *
amend_draft_store_key (const char *project,
                       const char *branch,
                       const char *file)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) project, strlen (project) + 1);
  g_checksum_update (sum, (const guchar *) branch, strlen (branch) + 1);
  g_checksum_update (sum, (const guchar *) file, strlen (file) + 1);
  return g_strdup (g_checksum_get_string (sum));
}

static char *
draft_file (AmendDraftStore *self,
            const char      *project,
            const char      *branch,
            const char      *file,
            const char      *suffix)
{
  g_autofree char *key = amend_draft_store_key (project, branch, file);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (self->dir, name, NULL);
}

char *
amend_draft_store_path (AmendDraftStore *self,
                        const char      *project,
                        const char      *branch,
                        const char      *file)
{
  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), NULL);
  return draft_file (self, project, branch, file, ".md");
}

gboolean
amend_draft_store_save (AmendDraftStore *self,
                        const char      *project,
                        const char      *branch,
                        const char      *file,
                        const char      *text,
                        gsize            len,
                        GError         **error)
{
  g_autofree char *text_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot keep unsaved changes in %s: %s. Save the regulation now."), self->dir, g_strerror (saved));
      return FALSE;
    }
  text_path = draft_file (self, project, branch, file, ".md");
  info_path = draft_file (self, project, branch, file, ".ini");
  when = g_date_time_format_iso8601 (now);
  g_key_file_set_string (keys, "draft", "project", project);
  g_key_file_set_string (keys, "draft", "branch", branch);
  g_key_file_set_string (keys, "draft", "file", file);
  g_key_file_set_string (keys, "draft", "saved", when);
  info = g_key_file_to_data (keys, NULL, NULL);

  /* g_file_set_contents writes a temporary file and renames it: atomic. */
  return g_file_set_contents_full (text_path, text, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
         g_file_set_contents_full (info_path, info, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

typedef struct {
  char   *project;
  char   *branch;
  char   *file;
  GBytes *text;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->project);
  g_free (job->branch);
  g_free (job->file);
  g_bytes_unref (job->text);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  SaveJob *job = data;
  GError *error = NULL;
  gsize len;
  const char *text = g_bytes_get_data (job->text, &len);

  if (amend_draft_store_save (source, job->project, job->branch, job->file, text ? text : "", len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The same off the main thread: a big regulation takes a while to sync
 * to disk, and the timer must not make typing stutter. */
void
amend_draft_store_save_async (AmendDraftStore    *self,
                              const char         *project,
                              const char         *branch,
                              const char         *file,
                              GBytes             *text,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->project = g_strdup (project);
  job->branch = g_strdup (branch);
  job->file = g_strdup (file);
  job->text = g_bytes_ref (text);
  g_task_set_source_tag (task, amend_draft_store_save_async);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
amend_draft_store_save_finish (AmendDraftStore *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The draft, or NULL with no error when there is none. */
char *
amend_draft_store_load (AmendDraftStore *self,
                        const char      *project,
                        const char      *branch,
                        const char      *file,
                        gsize           *len,
                        GDateTime      **saved,
                        GError         **error)
{
  g_autofree char *text_path = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  char *text = NULL;

  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), NULL);

  text_path = draft_file (self, project, branch, file, ".md");
  info_path = draft_file (self, project, branch, file, ".ini");
  if (!g_file_get_contents (text_path, &text, len, &local))
    {
      if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (saved != NULL)
    {
      g_autofree char *when = NULL;

      *saved = NULL;
      if (g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
        when = g_key_file_get_string (keys, "draft", "saved", NULL);
      if (when != NULL)
        *saved = g_date_time_new_from_iso8601 (when, NULL);
      if (*saved == NULL)
        {
          /* A crash between the text and its description: the time of the text. */
          GStatBuf st;

          if (g_stat (text_path, &st) == 0)
            *saved = g_date_time_new_from_unix_local (st.st_mtime);
        }
    }
  return text;
}

gboolean
amend_draft_store_remove (AmendDraftStore *self,
                          const char      *project,
                          const char      *branch,
                          const char      *file,
                          GError         **error)
{
  g_autofree char *text_path = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  text_path = draft_file (self, project, branch, file, ".md");
  info_path = draft_file (self, project, branch, file, ".ini");
  /* The description first: a text without one is still restored. */
  if ((g_unlink (info_path) != 0 && errno != ENOENT) || (g_unlink (text_path) != 0 && errno != ENOENT))
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot remove the saved copy of unsaved changes in %s: %s."), self->dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
