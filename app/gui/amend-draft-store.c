/* amend-draft-store.c: unsaved edits kept on disk until they are saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One draft per project, branch, file and the version the text was typed
 * on, in g_get_user_data_dir()/amend/drafts/KEY.md, KEY being the SHA-256
 * of the four; KEY.ini beside it says whose draft it is, when it was
 * written and a digest of the saved text it started from.  The window
 * restores a draft only onto that very text, so a branch moved or switched
 * by another program never gets a draft of other text.
 * The description is written before the text, each atomically (GLib
 * writes a temporary file and renames it over the old one), so a crash at
 * any moment leaves a whole draft, old or new: a draft is found through
 * its description, and one whose text never came is passed over.  No GTK here: the tests use the
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

void
amend_draft_info_free (AmendDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->commit);
  g_free (info->base);
  g_clear_pointer (&info->saved, g_date_time_unref);
  g_free (info);
}

/* What a draft started from, to compare without keeping the text. */
char *
amend_draft_base_digest (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text ? text : "", -1);
}

/* NUL separators: no project path, branch, file name or commit id
 * contains one, so two different keys never make the same string.
 * @commit NULL gives the key of the drafts of Amend 0.1, made of three. */
char *
amend_draft_store_key (const char *project,
                       const char *branch,
                       const char *file,
                       const char *commit)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) project, strlen (project) + 1);
  g_checksum_update (sum, (const guchar *) branch, strlen (branch) + 1);
  g_checksum_update (sum, (const guchar *) file, strlen (file) + 1);
  if (commit)
    g_checksum_update (sum, (const guchar *) commit, strlen (commit) + 1);
  return g_strdup (g_checksum_get_string (sum));
}

static char *
draft_file (AmendDraftStore *self,
            const char      *project,
            const char      *branch,
            const char      *file,
            const char      *commit,
            const char      *suffix)
{
  g_autofree char *key = amend_draft_store_key (project, branch, file, commit);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (self->dir, name, NULL);
}

char *
amend_draft_store_path (AmendDraftStore *self,
                        const char      *project,
                        const char      *branch,
                        const char      *file,
                        const char      *commit)
{
  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), NULL);
  return draft_file (self, project, branch, file, commit, ".md");
}

gboolean
amend_draft_store_save (AmendDraftStore *self,
                        const char      *project,
                        const char      *branch,
                        const char      *file,
                        const char      *commit,
                        const char      *base,
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
  text_path = draft_file (self, project, branch, file, commit, ".md");
  info_path = draft_file (self, project, branch, file, commit, ".ini");
  when = g_date_time_format_iso8601 (now);
  g_key_file_set_string (keys, "draft", "project", project);
  g_key_file_set_string (keys, "draft", "branch", branch);
  g_key_file_set_string (keys, "draft", "file", file);
  g_key_file_set_string (keys, "draft", "commit", commit ? commit : "");
  if (base)
    g_key_file_set_string (keys, "draft", "base", base);
  g_key_file_set_string (keys, "draft", "saved", when);
  info = g_key_file_to_data (keys, NULL, NULL);

  /* g_file_set_contents writes a temporary file and renames it: atomic. */
  return g_file_set_contents_full (info_path, info, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
         g_file_set_contents_full (text_path, text, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

typedef struct {
  char   *project;
  char   *branch;
  char   *file;
  char   *commit;
  char   *base;
  GBytes *text;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->project);
  g_free (job->branch);
  g_free (job->file);
  g_free (job->commit);
  g_free (job->base);
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

  if (amend_draft_store_save (source, job->project, job->branch, job->file, job->commit, job->base, text ? text : "", len, &error))
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
                              const char         *commit,
                              const char         *base,
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
  job->commit = g_strdup (commit);
  job->base = g_strdup (base);
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
                        const char      *commit,
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

  text_path = draft_file (self, project, branch, file, commit, ".md");
  info_path = draft_file (self, project, branch, file, commit, ".ini");
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
                          const char      *commit,
                          GError         **error)
{
  g_autofree char *text_path = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  text_path = draft_file (self, project, branch, file, commit, ".md");
  info_path = draft_file (self, project, branch, file, commit, ".ini");
  /* The text first: a description without one is passed over. */
  if ((g_unlink (text_path) != 0 && errno != ENOENT) || (g_unlink (info_path) != 0 && errno != ENOENT))
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot remove the saved copy of unsaved changes in %s: %s."), self->dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static AmendDraftInfo *
read_info (const char *info_path,
           const char *project,
           const char *branch,
           const char *file)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *p = NULL, *b = NULL, *f = NULL, *when = NULL;
  AmendDraftInfo *info;

  if (!g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  p = g_key_file_get_string (keys, "draft", "project", NULL);
  b = g_key_file_get_string (keys, "draft", "branch", NULL);
  f = g_key_file_get_string (keys, "draft", "file", NULL);
  if (g_strcmp0 (p, project) != 0 || g_strcmp0 (b, branch) != 0 || g_strcmp0 (f, file) != 0)
    return NULL;
  info = g_new0 (AmendDraftInfo, 1);
  /* Drafts of Amend before 0.2 have no commit: the key without one. */
  info->commit = g_key_file_get_string (keys, "draft", "commit", NULL);
  info->base = g_key_file_get_string (keys, "draft", "base", NULL);
  when = g_key_file_get_string (keys, "draft", "saved", NULL);
  info->saved = when ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  return info;
}

static int
compare_saved (gconstpointer a,
               gconstpointer b)
{
  const AmendDraftInfo *x = *(AmendDraftInfo * const *) a;
  const AmendDraftInfo *y = *(AmendDraftInfo * const *) b;

  if (x->saved == NULL || y->saved == NULL)
    return (x->saved == NULL) - (y->saved == NULL);
  return g_date_time_compare (y->saved, x->saved);
}

/* Every draft of @file on @branch, whatever version it was typed on,
 * newest first; drafts whose text is gone are left out. */
GPtrArray *
amend_draft_store_list (AmendDraftStore *self,
                        const char      *project,
                        const char      *branch,
                        const char      *file)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_draft_info_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (AMEND_IS_DRAFT_STORE (self), found);
  dir = g_dir_open (self->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autofree char *text_path = NULL;
      AmendDraftInfo *info;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      path = g_build_filename (self->dir, name, NULL);
      info = read_info (path, project, branch, file);
      if (info == NULL)
        continue;
      text_path = amend_draft_store_path (self, project, branch, file, info->commit);
      if (g_file_test (text_path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, info);
      else
        amend_draft_info_free (info);
    }
  g_ptr_array_sort (found, compare_saved);
  return found;
}
