/* amend-project.c: what the window knows of a project, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every job runs in a GTask worker thread and opens its own
 * AmendRepository (so its own git_repository: libgit2 objects must not be
 * shared between threads), does its git work, and reads the project again
 * into a new immutable AmendProject.  The window only ever swaps one
 * snapshot for the next, on the main thread.  No GTK here, so the tests
 * use it without a display.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-check.h"
#include "amend-project-private.h"
#include "amend-repository-private.h"

struct _AmendProject
{
  GObject         parent_instance;

  char           *path;        /* top of the working copy */
  char           *file;        /* the regulation, relative to it */
  GStrv           regulations; /* every regulation at the top, by name: the project may have several */
  GStrv           titles;      /* and the title in the front matter of each, or its name */
  char           *branch;
  char           *main_branch;
  char           *head_commit; /* the tip of the branch, NULL before the first save */
  char           *git_dir;     /* where HEAD is */
  char           *common_dir;  /* where the refs are (another folder in a git worktree) */
  char           *title;
  char           *disk_text;   /* the file in the working copy */
  char           *saved_text;  /* the file in the last saved version, NULL when never saved */
  AmendDocument  *doc;         /* disk_text, parsed */
  GPtrArray      *amendments;  /* of AmendAmendment */
  GPtrArray      *unreadable;  /* of AmendUnreadable: the branches left out of @amendments */
};

G_DEFINE_FINAL_TYPE (AmendProject, amend_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (amend-project-error-quark, amend_project_error)

void
amend_comparison_free (AmendComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->commit);
  g_free (comparison->text);
  g_free (comparison->new_text);
  /* The blocks point into the documents: they go first. */
  g_clear_pointer (&comparison->blocks, g_ptr_array_unref);
  g_clear_object (&comparison->diff);
  g_clear_object (&comparison->old_doc);
  g_clear_object (&comparison->new_doc);
  g_free (comparison);
}

static void
amend_project_finalize (GObject *object)
{
  AmendProject *self = (AmendProject *) object;

  g_free (self->path);
  g_free (self->file);
  g_strfreev (self->regulations);
  g_strfreev (self->titles);
  g_free (self->branch);
  g_free (self->main_branch);
  g_free (self->head_commit);
  g_free (self->git_dir);
  g_free (self->common_dir);
  g_free (self->title);
  g_free (self->disk_text);
  g_free (self->saved_text);
  g_clear_object (&self->doc);
  g_clear_pointer (&self->amendments, g_ptr_array_unref);
  g_clear_pointer (&self->unreadable, g_ptr_array_unref);
  G_OBJECT_CLASS (amend_project_parent_class)->finalize (object);
}

static void
amend_project_class_init (AmendProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_project_finalize;
}

static void
amend_project_init (AmendProject *self)
{
}

/* ----------------------------------------------------------------------- */
/* Reading a project                                                        */
/* ----------------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The regulations of a project: every *.md at its top, by name; the
 * window opens the first. */
static GStrv
find_regulations (const char *top,
                  GError    **error)
{
  g_autoptr(GDir) dir = g_dir_open (top, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *full = g_build_filename (top, name, NULL);

      if (amend_is_top_regulation_path (name) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  if (names->len == 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("The project in %s has no regulation: there is no .md file in its top folder. "
                     "Create a new project instead, or add the regulation with git."), top);
      return NULL;
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static char *
read_text (const char *path,
           GError    **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  if (len > AMEND_MAX_DOCUMENT_SIZE)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                   _("%s is larger than 64 MB, too large for a regulation; open the right file."), path);
      return NULL;
    }
  /* GtkTextBuffer takes UTF-8 only; the reader reports the bad bytes. */
  if (!g_utf8_validate (text, len, NULL))
    {
      char *valid = g_utf8_make_valid (text, len);
      return valid;
    }
  return g_steal_pointer (&text);
}

static void
read_git_state (AmendProject    *self,
                AmendRepository *repo)
{
  git_repository *git = amend_repository_get_git (repo);
  git_oid oid;

  if (git_reference_name_to_id (&oid, git, "HEAD") == 0)
    self->head_commit = g_strdup (git_oid_tostr_s (&oid));
  self->git_dir = g_strdup (git_repository_path (git));
  self->common_dir = g_strdup (git_repository_commondir (git));
}

static AmendProject *
read_project (AmendRepository *repo,
              const char      *file,
              GError         **error)
{
  g_autoptr(AmendProject) self = g_object_new (AMEND_TYPE_PROJECT, NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *full = NULL;
  const char *title;

  if (amend_repository_is_bare (repo))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BARE,
                   _("%s holds only the history of a project, without the folder to write in; open a copy of the project that has one."),
                   amend_repository_get_path (repo));
      return NULL;
    }
  self->path = g_strdup (amend_repository_get_path (repo));
  if (amend_repository_get_head (repo, &self->branch) == AMEND_HEAD_DETACHED)
    {
      g_free (amend_repository_dup_branch (repo, error));
      return NULL;
    }
  self->main_branch = amend_repository_dup_main_branch (repo, NULL);
  if (self->main_branch == NULL)
    self->main_branch = g_strdup ("main");
  read_git_state (self, repo);

  self->regulations = find_regulations (self->path, file ? NULL : error);
  if (self->regulations == NULL && file == NULL)
    return NULL;
  self->file = g_strdup (file ? file : self->regulations[0]);
  self->titles = _amend_project_read_titles (self->path, (const char * const *) self->regulations);
  full = g_build_filename (self->path, self->file, NULL);
  self->disk_text = read_text (full, error);
  if (self->disk_text == NULL)
    return NULL;

  saved = amend_repository_read_file (repo, "HEAD", self->file, NULL);
  if (saved != NULL)
    self->saved_text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

  self->doc = amend_document_new_from_data (self->disk_text, strlen (self->disk_text), error);
  if (self->doc == NULL)
    return NULL;
  title = amend_document_get_meta (self->doc, "title");
  self->title = g_strdup (title && *title ? title : self->file);

  /* A project whose amendments cannot be read still opens: the draft is
   * what matters, and the sidebar says nothing is there. */
  self->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_unreadable_free);
  self->amendments = amend_amendment_list_full (repo, self->unreadable, &local);
  if (self->amendments == NULL)
    {
      g_warning ("Cannot list the amendments of %s: %s", self->path, local->message);
      self->amendments = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return g_steal_pointer (&self);
}

/* The one regulation the amendment the project is on changes, when it
 * changes one only: the window opens that one on its branch. */
static const char *
amendment_regulation (AmendProject *self)
{
  AmendAmendment *a = amend_project_get_amendment (self);
  GPtrArray *files = a ? amend_amendment_get_files (a) : NULL;
  const char *path;

  if (files == NULL || files->len != 1)
    return NULL;
  path = ((AmendTouchedFile *) g_ptr_array_index (files, 0))->path;
  return self->regulations && g_strv_contains ((const char * const *) self->regulations, path) ? path : NULL;
}

/* The project on the branch the working copy is on now, with @file open,
 * or (@file NULL or gone on this branch) the regulation its amendment
 * changes, else the first. */
static AmendProject *
read_project_on_branch (AmendRepository *repo,
                        const char      *file,
                        GError         **error)
{
  g_autofree char *full = file ? g_build_filename (amend_repository_get_path (repo), file, NULL) : NULL;
  g_autoptr(AmendProject) self = NULL;
  const char *wanted;

  if (full && !g_file_test (full, G_FILE_TEST_IS_REGULAR))
    file = NULL;
  self = read_project (repo, file, error);
  if (self == NULL)
    return NULL;
  wanted = amendment_regulation (self);
  if (wanted == NULL || g_strcmp0 (wanted, self->file) == 0)
    return g_steal_pointer (&self);
  return read_project (repo, wanted, error);
}

/* @path: a folder in a project, or a regulation file in one. */
AmendProject *
amend_project_load (const char *path,
                    GError    **error)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    dir = g_path_get_dirname (path);
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    dir = g_strdup (path);
  else
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("%s does not exist; choose the folder of a project."), path);
      return NULL;
    }
  repo = amend_repository_open (dir, error);
  if (repo == NULL)
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      file = amend_repository_relative_path (repo, path, error);
      if (file == NULL)
        return NULL;
      return read_project (repo, file, error);
    }
  return read_project_on_branch (repo, NULL, error);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AmendProject *project = amend_project_load (data, &error);

  if (project)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
amend_project_load_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, amend_project_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}

AmendProject *
amend_project_load_finish (GAsyncResult *result,
                           GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ----------------------------------------------------------------------- */
/* Getters                                                                  */
/* ----------------------------------------------------------------------- */

const char *
amend_project_get_path (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
amend_project_get_file (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->file;
}

/* Whether the project has more than one: then the window says which
 * regulation an amendment changes. */
gboolean
amend_project_has_several_regulations (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), FALSE);
  return self->regulations && self->regulations[0] && self->regulations[1];
}

/* Every regulation of the project, by name, and the title of each. */
const char * const *
amend_project_get_regulations (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return (const char * const *) self->regulations;
}

const char * const *
amend_project_get_regulation_titles (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return (const char * const *) self->titles;
}

char *
amend_project_dup_file_path (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return g_build_filename (self->path, self->file, NULL);
}

const char *
amend_project_get_branch (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->branch;
}

const char *
amend_project_get_main_branch (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->main_branch;
}

gboolean
amend_project_is_on_main (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), FALSE);
  return g_strcmp0 (self->branch, self->main_branch) == 0;
}

const char *
amend_project_get_head_commit (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->head_commit;
}

const char *
amend_project_get_git_dir (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->git_dir;
}

const char *
amend_project_get_common_dir (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->common_dir;
}

/* The branches that cannot be read, and why: a record broken or mended
 * by hand changes nothing else. */
static gboolean
same_unreadable (GPtrArray *one,
                 GPtrArray *two)
{
  if (one->len != two->len)
    return FALSE;
  for (guint i = 0; i < one->len; i++)
    {
      AmendUnreadable *a = g_ptr_array_index (one, i);
      AmendUnreadable *b = g_ptr_array_index (two, i);

      if (g_strcmp0 (a->branch, b->branch) != 0 || g_strcmp0 (a->message, b->message) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether git says the same in both: branch, its tip, the amendments and
 * their tips, those that cannot be read.  The text in the working copy is
 * not compared. */
gboolean
amend_project_same_state (AmendProject *self,
                          AmendProject *other)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (AMEND_IS_PROJECT (other), FALSE);

  if (g_strcmp0 (self->branch, other->branch) != 0 || g_strcmp0 (self->head_commit, other->head_commit) != 0 ||
      self->amendments->len != other->amendments->len || !same_unreadable (self->unreadable, other->unreadable))
    return FALSE;
  for (guint i = 0; i < self->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (self->amendments, i);
      AmendAmendment *b = g_ptr_array_index (other->amendments, i);

      if (g_strcmp0 (amend_amendment_get_branch (a), amend_amendment_get_branch (b)) != 0 ||
          g_strcmp0 (amend_amendment_get_commit (a), amend_amendment_get_commit (b)) != 0)
        return FALSE;
    }
  return TRUE;
}

const char *
amend_project_get_title (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->title;
}

const char *
amend_project_get_disk_text (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->disk_text;
}

const char *
amend_project_get_saved_text (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->saved_text;
}

AmendDocument *
amend_project_get_document (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->doc;
}

GPtrArray *
amend_project_get_amendments (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->amendments;
}

/* Of AmendUnreadable: the branches amendement/SLUG that could not be read. */
GPtrArray *
amend_project_get_unreadable (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  return self->unreadable;
}

/* The amendment the working copy is on, or NULL on the draft. */
AmendAmendment *
amend_project_get_amendment (AmendProject *self)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  for (guint i = 0; i < self->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (self->amendments, i);

      if (g_strcmp0 (amend_amendment_get_branch (a), self->branch) == 0)
        return a;
    }
  return NULL;
}

/* The amendment named @slug, or NULL. */
AmendAmendment *
amend_project_find_amendment (AmendProject *self,
                              const char   *slug)
{
  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  for (guint i = 0; slug && i < self->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (self->amendments, i);

      if (g_strcmp0 (amend_amendment_get_slug (a), slug) == 0)
        return a;
    }
  return NULL;
}

/* What @a is adopted into, in words for a sentence: NULL for the draft,
 * else the title of the amendment it amends (its name when that one is
 * not in the project). */
const char *
amend_project_target_title (AmendProject   *self,
                            AmendAmendment *a)
{
  const char *amends = amend_amendment_get_amends (a);
  AmendAmendment *target;

  g_return_val_if_fail (AMEND_IS_PROJECT (self), NULL);
  if (amends == NULL)
    return NULL;
  target = amend_project_find_amendment (self, amends);
  return target ? amend_amendment_get_title (target) : amends;
}

/* ----------------------------------------------------------------------- */
/* Jobs                                                                     */
/* ----------------------------------------------------------------------- */

typedef enum {
  JOB_SAVE,
  JOB_SWITCH,
  JOB_PROPOSE,
  JOB_LOG,
  JOB_COMPARE,
} JobKind;

typedef struct {
  JobKind   kind;
  char     *path;
  char     *file;
  char     *text;        /* SAVE: what to save; COMPARE: the current text */
  char     *author;
  char     *message;     /* SAVE; PROPOSE: the motivation */
  char     *name;        /* SWITCH: the branch; PROPOSE: the title; COMPARE: the commit */
  char     *branch;      /* the branch the window shows: changes are made there or not at all */
  char     *against;     /* COMPARE: the other version, or NULL for the text;
                          * PROPOSE: the amendment amended, or NULL */
  GStrv     submitters;
  gboolean  put_back;
  char     *commit;      /* SAVE: the new version */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->file);
  g_free (job->text);
  g_free (job->author);
  g_free (job->message);
  g_free (job->name);
  g_free (job->branch);
  g_free (job->against);
  g_strfreev (job->submitters);
  g_free (job->commit);
  g_free (job);
}

static Job *
job_new (AmendProject *self,
         JobKind       kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->path = g_strdup (self->path);
  job->file = g_strdup (self->file);
  job->branch = g_strdup (self->branch);
  return job;
}

/* Another program (amend switch, git checkout) may have moved the working
 * copy to another branch since the window last looked: then nothing is
 * written, so that a save never lands on a branch the window does not
 * show, and the window reads the project again. */
static gboolean
still_on_branch (AmendRepository *repo,
                 Job             *job,
                 GError         **error)
{
  g_autofree char *now = NULL;

  amend_repository_get_head (repo, &now);
  if (g_strcmp0 (now, job->branch) == 0)
    return TRUE;
  g_set_error (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED,
               _("Another program switched the project to the draft or to another amendment while you were writing, "
                 "so nothing was saved. Your text is kept, and the window now shows where the project is."));
  return FALSE;
}

static gboolean
do_save (AmendRepository *repo,
         Job             *job,
         GError         **error)
{
  g_autofree char *full = g_build_filename (job->path, job->file, NULL);
  const char *paths[] = { job->file, NULL };

  if (job->message == NULL)
    {
      g_autoptr(GBytes) saved = amend_repository_read_file (repo, "HEAD", job->file, NULL);
      g_autofree char *old = saved ? g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved)) : NULL;

      job->message = amend_save_message_for (old, job->text, job->file);
    }

  /* Atomic: a crash leaves the old file or the new one.  The file is
   * written even when the commit then fails (no author, a lock): the text
   * is in the working copy, where git and Amend will find it. */
  if (!g_file_set_contents_full (full, job->text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    return FALSE;
  job->commit = amend_repository_save (repo, paths, job->author, NULL, job->message, error);
  return job->commit != NULL;
}

/* Puts the regulation in the working copy back to the last saved version,
 * once the window has kept its unsaved text as a draft. */
static gboolean
put_back (AmendRepository *repo,
          Job             *job,
          GError         **error)
{
  g_autoptr(GBytes) saved = amend_repository_read_file (repo, "HEAD", job->file, NULL);
  g_autofree char *full = g_build_filename (job->path, job->file, NULL);
  g_autofree char *disk = NULL;
  gsize len = 0;

  if (saved == NULL || !g_file_get_contents (full, &disk, &len, NULL))
    return TRUE;
  if (len == g_bytes_get_size (saved) && memcmp (disk, g_bytes_get_data (saved, NULL), len) == 0)
    return TRUE;
  return g_file_set_contents_full (full, g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* The regulation in @revision, as valid UTF-8 (GTK takes nothing else). */
static char *
read_version (AmendRepository *repo,
              const char      *revision,
              const char      *file,
              GError         **error)
{
  g_autoptr(GBytes) bytes = amend_repository_read_file (repo, revision, file, error);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return g_steal_pointer (&text);
}

static AmendComparison *
do_compare (AmendRepository *repo,
            Job             *job,
            GError         **error)
{
  g_autoptr(AmendComparison) c = g_new0 (AmendComparison, 1);

  c->commit = g_strdup (job->name);
  c->text = read_version (repo, job->name, job->file, error);
  if (c->text == NULL)
    return NULL;
  c->new_text = job->against ? read_version (repo, job->against, job->file, error) : g_strdup (job->text);
  if (c->new_text == NULL)
    return NULL;
  c->old_doc = amend_document_new_from_data (c->text, strlen (c->text), error);
  if (c->old_doc == NULL)
    return NULL;
  c->new_doc = amend_document_new_from_data (c->new_text, strlen (c->new_text), error);
  if (c->new_doc == NULL)
    return NULL;
  c->diff = amend_diff_new (c->old_doc, c->new_doc);
  c->blocks = amend_renvooi_build (c->diff);
  return g_steal_pointer (&c);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  repo = amend_repository_open (job->path, &error);
  if (repo == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if ((job->kind == JOB_SAVE || job->kind == JOB_SWITCH || job->kind == JOB_PROPOSE) &&
      !still_on_branch (repo, job, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  switch (job->kind)
    {
    case JOB_SAVE:
      ok = do_save (repo, job, &error);
      break;
    case JOB_SWITCH:
      ok = (!job->put_back || put_back (repo, job, &error)) &&
           amend_repository_switch (repo, job->name, FALSE, NULL, &error);
      break;
    case JOB_PROPOSE:
      if (job->against)
        amendment = amend_amendment_propose_on (repo, job->against, job->name, (const char * const *) job->submitters,
                                                job->message, &error);
      else
        amendment = amend_amendment_propose (repo, job->name, (const char * const *) job->submitters,
                                             job->message, NULL, &error);
      ok = amendment != NULL;
      break;
    case JOB_LOG:
      {
        GPtrArray *log = amend_repository_log (repo, "HEAD", job->file, &error);

        if (log)
          g_task_return_pointer (task, log, (GDestroyNotify) g_ptr_array_unref);
        else
          g_task_return_error (task, error);
        return;
      }
    case JOB_COMPARE:
      {
        AmendComparison *c = do_compare (repo, job, &error);

        if (c)
          g_task_return_pointer (task, c, (GDestroyNotify) amend_comparison_free);
        else
          g_task_return_error (task, error);
        return;
      }
    default:
      g_assert_not_reached ();
    }
  if (job->kind == JOB_SWITCH && ok)
    {
      AmendProject *next = read_project_on_branch (repo, job->file, &error);

      if (next)
        g_task_return_pointer (task, next, g_object_unref);
      else
        g_task_return_error (task, error);
      return;
    }
  _amend_project_return_read (task, repo, job->file, ok, error);
}

void
_amend_project_run_job (AmendProject        *self,
                        gpointer             job,
                        GDestroyNotify       free_job,
                        GTaskThreadFunc      thread_func,
                        gpointer             tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, free_job);
  g_task_run_in_thread (task, thread_func);
}

void
_amend_project_return_read (GTask           *task,
                            AmendRepository *repo,
                            const char      *file,
                            gboolean         ok,
                            GError          *error)
{
  AmendProject *next = ok ? read_project (repo, file, &error) : NULL;

  if (next)
    g_task_return_pointer (task, next, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
run_job (AmendProject        *self,
         Job                 *job,
         gpointer             tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  _amend_project_run_job (self, job, (GDestroyNotify) job_free, job_thread, tag, cancellable, callback, user_data);
}

/* Writes @text to the regulation and commits it on the current branch. */
void
amend_project_save_async (AmendProject        *self,
                          const char          *text,
                          const char          *author,
                          const char          *message,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job = job_new (self, JOB_SAVE);

  job->text = g_strdup (text);
  job->author = g_strdup (author);
  job->message = g_strdup (message);
  run_job (self, job, amend_project_save_async, cancellable, callback, user_data);
}

AmendProject *
amend_project_save_finish (AmendProject *self,
                           GAsyncResult *result,
                           char        **commit,
                           GError      **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  AmendProject *next = g_task_propagate_pointer (G_TASK (result), error);

  if (next && commit)
    *commit = g_strdup (job->commit);
  return next;
}

/* @put_back: the window kept the unsaved text as a draft, so the file in
 * the working copy may go back to the saved version before the switch. */
void
amend_project_switch_async (AmendProject        *self,
                            const char          *branch,
                            gboolean             put_back_file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = job_new (self, JOB_SWITCH);

  job->name = g_strdup (branch);
  job->put_back = put_back_file;
  run_job (self, job, amend_project_switch_async, cancellable, callback, user_data);
}

AmendProject *
amend_project_switch_finish (AmendProject *self,
                             GAsyncResult *result,
                             GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
amend_project_propose_async (AmendProject        *self,
                             const char          *title,
                             const char * const  *submitters,
                             const char          *motivation,
                             const char          *on,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = job_new (self, JOB_PROPOSE);

  job->against = g_strdup (on);
  job->name = g_strdup (title);
  job->submitters = g_strdupv ((char **) submitters);
  job->message = g_strdup (motivation);
  run_job (self, job, amend_project_propose_async, cancellable, callback, user_data);
}

AmendProject *
amend_project_propose_finish (AmendProject *self,
                              GAsyncResult *result,
                              GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The versions of the regulation on the current branch, newest first. */
void
amend_project_log_async (AmendProject        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  run_job (self, job_new (self, JOB_LOG), amend_project_log_async, cancellable, callback, user_data);
}

GPtrArray *
amend_project_log_finish (AmendProject *self,
                          GAsyncResult *result,
                          GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Version @commit of the regulation and its renvooi against version
 * @against, or against @current_text when @against is NULL. */
void
amend_project_compare_async (AmendProject        *self,
                             const char          *commit,
                             const char          *against,
                             const char          *current_text,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = job_new (self, JOB_COMPARE);

  job->name = g_strdup (commit);
  job->against = g_strdup (against);
  job->text = g_strdup (current_text);
  run_job (self, job, amend_project_compare_async, cancellable, callback, user_data);
}

AmendComparison *
amend_project_compare_finish (AmendProject *self,
                              GAsyncResult *result,
                              GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For the jobs of the other files (amend-project-review.c): the same
 * snapshot and the same check of the branch as the jobs above. */
AmendProject *
_amend_project_read (AmendRepository *repo,
                     const char      *file,
                     GError         **error)
{
  return read_project (repo, file, error);
}

gboolean
_amend_project_check_branch (AmendRepository *repo,
                             const char      *branch,
                             GError         **error)
{
  Job job = { .branch = (char *) branch };

  return still_on_branch (repo, &job, error);
}
