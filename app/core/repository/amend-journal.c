/* amend-journal.c: a change of the project that a kill cannot leave half done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See amend-journal.h for how an operation uses it.  The files, all in
 * .git/amend/:
 *
 *   lock          flock()ed by the one Amend writing; while held it says
 *                 "PID START-MICROSECONDS".  It is emptied before it is
 *                 unlocked, so a lock found with text in it was held by a
 *                 process that was killed, and START bounds what it left.
 *   journal       the steps of the operation being done (a GKeyFile);
 *                 there only between the checks and the last step.
 *   .journal.amend-new  the journal being written, renamed to journal.
 *
 * The lock is the kernel's: it goes when its process dies, however it
 * dies, so a killed writer never blocks the next one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amend-journal.h"
#include "amend-repository-private.h"

#define LOCK_WAIT_TRIES 100     /* 100 x 100 ms: another Amend's operation takes far less */
#define TMP_OBJECT_PREFIX "tmp_object_git2_"
#define WC_TMP_SUFFIX ".amend-new"

typedef enum {
  STEP_REF,
  STEP_WORKING_COPY,
  STEP_HEAD,
  STEP_INDEX,
} StepKind;

static const char *const step_kinds[] = { "ref", "working-copy", "head", "index" };

typedef struct {
  StepKind  kind;
  char     *ref;       /* REF, HEAD */
  git_oid   old_id;    /* REF: where it points now (zero: it does not exist); WORKING_COPY: the tree it is */
  git_oid   new_id;    /* REF: where it goes (zero: deleted); WORKING_COPY, INDEX: the tree it becomes */
  char    **paths;     /* WORKING_COPY, INDEX: the paths (NULL for every difference) */
  char     *refusal;   /* WORKING_COPY: what the refusal says first (the running operation only) */
} Step;

typedef struct {
  int      fd;
  guint    depth;
  gboolean recorded;  /* the lock holds our pid and start: see lock_acquire() */
} JournalLock;

struct _AmendJournal
{
  AmendRepository *repo;
  char            *operation;
  char            *summary;
  GPtrArray       *steps;
  gboolean         done;
};

/* One path of a working copy step. */
typedef struct {
  char          *path;
  git_oid        from_id;     /* zero: not in the tree it comes from */
  git_filemode_t from_mode;
  git_oid        to_id;       /* zero: not in the tree it goes to */
  git_filemode_t to_mode;
} Change;

typedef enum {
  AT_FROM,
  AT_TO,
  AT_NEITHER,
} Where;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->ref);
  g_strfreev (step->paths);
  g_free (step->refusal);
  g_free (step);
}

static void
change_clear (gpointer data)
{
  g_free (((Change *) data)->path);
}

/* ----------------------------------------------------------------------- */
/* The test hook                                                            */
/* ----------------------------------------------------------------------- */

/* Raises SIGKILL when AMEND_KILL_AT is OPERATION:STEP, so that a test can
 * see what a kill at exactly that moment leaves. */
void
amend_journal_kill_point (const char *operation,
                          const char *step)
{
  const char *at = g_getenv ("AMEND_KILL_AT");
  gsize len;

  if (at == NULL)
    return;
  len = strlen (operation);
  if (strncmp (at, operation, len) == 0 && at[len] == ':' && strcmp (at + len + 1, step) == 0)
    raise (SIGKILL);
}

/* ----------------------------------------------------------------------- */
/* Files in .git                                                            */
/* ----------------------------------------------------------------------- */

static char *
amend_dir (AmendRepository *repo)
{
  return g_build_filename (git_repository_path (amend_repository_get_git (repo)), "amend", NULL);
}

static char *
journal_path (AmendRepository *repo)
{
  g_autofree char *dir = amend_dir (repo);

  return g_build_filename (dir, "journal", NULL);
}

gboolean
amend_journal_is_pending (AmendRepository *repo)
{
  g_autofree char *path = journal_path (repo);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The check amend_journal_recover() starts with, for one who has not
 * opened the repository with libgit2 (amend-refs-files.c): no journal,
 * no lock that holds a process. */
gboolean
amend_journal_is_clear (const char *git_dir)
{
  g_autofree char *journal = g_build_filename (git_dir, "amend", "journal", NULL);
  g_autofree char *lock = g_build_filename (git_dir, "amend", "lock", NULL);
  struct stat st;

  return !g_file_test (journal, G_FILE_TEST_EXISTS) && (g_stat (lock, &st) != 0 || st.st_size == 0);
}

static gint64
mtime_us (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* Writes @path whole: a temporary file next to it, renamed over it, so
 * that a kill leaves the old file or the new one. */
static gboolean
write_whole (const char  *path,
             const char  *data,
             gsize        len,
             mode_t       mode,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, WC_TMP_SUFFIX, NULL);
  int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  gsize done = 0;
  int saved;

  if (fd < 0)
    goto fail;
  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          errno = saved;
          goto fail;
        }
      done += n;
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    goto fail;
  return TRUE;

fail:
  saved = errno;
  g_unlink (tmp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write %s: %s"), path,
               g_strerror (saved));
  return FALSE;
}

/* ----------------------------------------------------------------------- */
/* What a killed writer left                                                */
/* ----------------------------------------------------------------------- */

static void
remove_if_since (const char *path,
                 gint64      since,
                 GPtrArray  *removed)
{
  struct stat st;

  /* A second of slack for file systems that keep whole seconds. */
  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && mtime_us (&st) >= since - G_USEC_PER_SEC &&
      g_unlink (path) == 0)
    g_ptr_array_add (removed, g_strdup (path));
}

/* libgit2 writes an object into objects/tmp_object_git2_XXXXXX and renames
 * it; a kill in between leaves the temporary file, which git fsck calls a
 * bad sha1 file. */
static void
remove_tmp_objects (const char *dir,
                    gint64      since,
                    gboolean    descend,
                    GPtrArray  *removed)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, TMP_OBJECT_PREFIX))
        remove_if_since (path, since, removed);
      else if (descend && strlen (name) == 2 && g_ascii_isxdigit (name[0]) && g_ascii_isxdigit (name[1]))
        remove_tmp_objects (path, since, FALSE, removed);
    }
}

static void
remove_ref_locks (const char *dir,
                  gint64      since,
                  GPtrArray  *removed)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".lock"))
        remove_if_since (path, since, removed);
      else if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_ref_locks (path, since, removed);
    }
}

/* Removes what a writer killed while it held the lock (from @since on)
 * left in .git, and says so in @note. */
static void
clean_leftovers (AmendRepository *repo,
                 gint64           since,
                 GString         *note)
{
  git_repository *git = amend_repository_get_git (repo);
  const char *gitdir = git_repository_path (git);
  const char *common = git_repository_commondir (git);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *objects = g_build_filename (common, "objects", NULL);
  g_autofree char *refs = g_build_filename (common, "refs", NULL);
  g_autofree char *amend = amend_dir (repo);
  const char *const top[] = { "HEAD.lock", "index.lock", NULL };

  remove_tmp_objects (objects, since, TRUE, removed);
  remove_ref_locks (refs, since, removed);
  for (guint i = 0; top[i]; i++)
    {
      g_autofree char *path = g_build_filename (gitdir, top[i], NULL);
      remove_if_since (path, since, removed);
    }
  {
    g_autofree char *packed = g_build_filename (common, "packed-refs.lock", NULL);
    g_autofree char *journal_new = g_build_filename (amend, "." "journal" WC_TMP_SUFFIX, NULL);

    remove_if_since (packed, since, removed);
    remove_if_since (journal_new, G_MININT64 / 2, removed);
  }
  if (removed->len == 0 || note == NULL)
    return;
  if (note->len > 0)
    g_string_append (note, "; ");
  g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                             "removed %u file an interrupted Amend left in %s",
                                             "removed %u files an interrupted Amend left in %s",
                                             removed->len),
                          removed->len, gitdir);
}

/* ----------------------------------------------------------------------- */
/* The lock                                                                 */
/* ----------------------------------------------------------------------- */

static void
lock_free (gpointer data)
{
  JournalLock *lock = data;

  if (lock->fd >= 0)
    close (lock->fd);
  g_free (lock);
}

static JournalLock *
lock_of (AmendRepository *repo)
{
  JournalLock *lock = g_object_get_data (G_OBJECT (repo), "amend-journal-lock");

  if (lock == NULL)
    {
      lock = g_new0 (JournalLock, 1);
      lock->fd = -1;
      g_object_set_data_full (G_OBJECT (repo), "amend-journal-lock", lock, lock_free);
    }
  return lock;
}

/* The record of the writer that held the lock last without letting go
 * of it: the time it started, or the time of the file when unreadable. */
static gboolean
stale_holder (int     fd,
              gint64 *since)
{
  char buf[64] = { 0 };
  gssize n = pread (fd, buf, sizeof buf - 1, 0);
  struct stat st;
  char *space;

  if (n <= 0)
    return FALSE;
  space = strchr (buf, ' ');
  *since = space ? g_ascii_strtoll (space + 1, NULL, 10) : 0;
  if (*since <= 0 && fstat (fd, &st) == 0)
    *since = mtime_us (&st);
  return TRUE;
}

/* Writes who holds the lock into it: a lock found with this in it was
 * held by a process that was killed, and what it left is cleaned up. */
static gboolean
lock_record (JournalLock *lock,
             const char  *dir,
             GError     **error)
{
  g_autofree char *record = g_strdup_printf ("%d %" G_GINT64_FORMAT "\n", (int) getpid (), g_get_real_time ());

  if (pwrite (lock->fd, record, strlen (record), 0) != (gssize) strlen (record))
    {
      int saved = errno;

      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED,
                   _("cannot write in %s: %s; Amend needs to write there to change the project"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  lock->recorded = TRUE;
  return TRUE;
}

/* @record: whether a kill while the lock is held is to be cleaned up
 * after as the journal's (its temporary objects and *.lock files); a
 * hold (amend_journal_hold) leaves that to a journal begun inside it, and
 * an adoption to its state.ini, which knows its own lock files. */
static gboolean
lock_acquire (AmendRepository *repo,
              gboolean         wait,
              gboolean         record,
              gboolean        *busy,
              GString         *note,
              GError         **error)
{
  JournalLock *lock = lock_of (repo);
  g_autofree char *dir = amend_dir (repo);
  g_autofree char *path = g_build_filename (dir, "lock", NULL);
  gint64 since;
  int fd;

  if (busy)
    *busy = FALSE;
  if (lock->depth > 0)
    {
      if (record && !lock->recorded && !lock_record (lock, dir, error))
        return FALSE;
      lock->depth++;
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0777) != 0 || (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) < 0)
    {
      int saved = errno;

      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED,
                   _("cannot write in %s: %s; Amend needs to write there to change the project"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  for (guint tries = 0; flock (fd, LOCK_EX | LOCK_NB) != 0; tries++)
    {
      if (errno == EINTR)
        continue;
      if (!wait || tries >= LOCK_WAIT_TRIES)
        {
          close (fd);
          if (busy)
            *busy = TRUE;
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED,
                       _("another Amend is changing the project (it holds %s); wait until it is done"), path);
          return FALSE;
        }
      g_usleep (100 * 1000);
    }
  if (stale_holder (fd, &since))
    clean_leftovers (repo, since, note);

  lock->fd = fd;
  lock->recorded = FALSE;
  if (ftruncate (fd, 0) != 0 || (record && !lock_record (lock, dir, error)))
    {
      int saved = errno;

      if (error && *error == NULL)
        g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED,
                     _("cannot write in %s: %s; Amend needs to write there to change the project"), dir,
                     g_strerror (saved));
      close (fd);
      lock->fd = -1;
      return FALSE;
    }
  lock->depth = 1;
  return TRUE;
}

static void
lock_release (AmendRepository *repo)
{
  JournalLock *lock = lock_of (repo);

  g_return_if_fail (lock->depth > 0);
  if (--lock->depth > 0)
    return;
  /* Empty first: a kill between the two leaves nothing to clean up. */
  if (ftruncate (lock->fd, 0) != 0)
    g_debug ("cannot empty the lock of the journal: %s", g_strerror (errno));
  flock (lock->fd, LOCK_UN);
  close (lock->fd);
  lock->fd = -1;
  lock->recorded = FALSE;
}

/* Waits while another Amend holds the lock, and says whether one did.
 * A *.lock file of git's or a merge under way found while another Amend
 * writes is that Amend's, gone when it lets go: the caller looks again
 * rather than refuse.  Holding the lock ourselves, or no one holding it,
 * returns at once. */
gboolean
amend_journal_wait_for_writer (AmendRepository *repo)
{
  g_autofree char *dir = amend_dir (repo);
  g_autofree char *path = g_build_filename (dir, "lock", NULL);
  gboolean waited = FALSE;
  int fd;

  if (lock_of (repo)->depth > 0 || (fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  for (guint tries = 0; flock (fd, LOCK_SH | LOCK_NB) != 0 && tries < LOCK_WAIT_TRIES; tries++)
    {
      if (errno != EINTR)
        {
          waited = TRUE;
          g_usleep (100 * 1000);
        }
    }
  close (fd);
  return waited;
}

/* ----------------------------------------------------------------------- */
/* Building an operation                                                    */
/* ----------------------------------------------------------------------- */

static gboolean recover_locked (AmendRepository *repo,
                                GString         *note,
                                GError         **error);

/* amend_journal_begin() and amend_journal_hold(). */
static AmendJournal *
journal_new (AmendRepository *repo,
             const char      *operation,
             const char      *summary,
             gboolean         record,
             GError         **error)
{
  AmendJournal *self;

  if (!lock_acquire (repo, TRUE, record, NULL, NULL, error))
    return NULL;
  if (!recover_locked (repo, NULL, error))
    {
      lock_release (repo);
      return NULL;
    }
  self = g_new0 (AmendJournal, 1);
  self->repo = g_object_ref (repo);
  self->operation = g_strdup (operation);
  self->summary = g_strdup (summary);
  self->steps = g_ptr_array_new_with_free_func (step_free);
  return self;
}

/**
 * amend_journal_begin:
 * @operation: a name for the tests' kill points: "save", "switch"...
 * @summary: what is done, as a phrase in the user's language
 *   ("switching to “x”"), for the message when it has to be finished
 *
 * Takes the project's write lock (waiting up to ten seconds for another
 * Amend), cleans up after a writer that was killed and finishes its
 * journal.  Call it before reading what the operation changes.
 *
 * Returns: (transfer full): the operation, or %NULL when the lock cannot
 * be had or an interrupted operation cannot be finished.
 */
AmendJournal *
amend_journal_begin (AmendRepository *repo,
                     const char      *operation,
                     const char      *summary,
                     GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  return journal_new (repo, operation, summary, TRUE, error);
}

/**
 * amend_journal_hold:
 *
 * Takes the write lock as amend_journal_begin() does, for an operation
 * that moves its branches itself and keeps its own record of them (an
 * adoption or update and its state.ini, a comment): it waits for another
 * Amend and makes the others wait until it is freed, so that no two
 * writers read the same tip and move it each their own way.  It has no
 * steps and is never committed; an operation inside it (a status change)
 * shares the lock.  It leaves no record in the lock: a kill while it is
 * held is not taken for a killed journal's, whose *.lock files the next
 * writer removes, since an adoption's state.ini knows which lock files
 * are its own and which belong to a program that still runs.
 */
AmendJournal *
amend_journal_hold (AmendRepository *repo,
                    const char      *operation,
                    GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  return journal_new (repo, operation, operation, FALSE, error);
}

static Step *
add_step (AmendJournal *self,
          StepKind      kind)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  g_ptr_array_add (self->steps, step);
  return step;
}

/* @refname (a full name, refs/heads/...) goes from @old_id (NULL: it does
 * not exist yet) to @new_id (NULL: it is deleted). */
void
amend_journal_move_ref (AmendJournal  *self,
                        const char    *refname,
                        const git_oid *old_id,
                        const git_oid *new_id)
{
  Step *step = add_step (self, STEP_REF);

  step->ref = g_strdup (refname);
  if (old_id)
    git_oid_cpy (&step->old_id, old_id);
  if (new_id)
    git_oid_cpy (&step->new_id, new_id);
}

/* The working copy (and the index) go from the tree @from_tree to
 * @to_tree, for @paths or (NULL) every path where they differ.  A file
 * that is neither version stops the operation before anything changed,
 * with @refusal first in the message. */
void
amend_journal_update_working_copy (AmendJournal       *self,
                                   const git_oid      *from_tree,
                                   const git_oid      *to_tree,
                                   const char * const *paths,
                                   const char         *refusal)
{
  Step *step = add_step (self, STEP_WORKING_COPY);

  if (from_tree)
    git_oid_cpy (&step->old_id, from_tree);
  git_oid_cpy (&step->new_id, to_tree);
  step->paths = g_strdupv ((char **) paths);
  step->refusal = g_strdup (refusal);
}

/* HEAD becomes the symbolic ref to @refname. */
void
amend_journal_set_head (AmendJournal *self,
                        const char   *refname)
{
  add_step (self, STEP_HEAD)->ref = g_strdup (refname);
}

/* The index entries of @paths become those of @tree (removed where the
 * tree has none); the working copy is not touched. */
void
amend_journal_update_index (AmendJournal       *self,
                            const git_oid      *tree,
                            const char * const *paths)
{
  Step *step = add_step (self, STEP_INDEX);

  git_oid_cpy (&step->new_id, tree);
  step->paths = g_strdupv ((char **) paths);
}

void
amend_journal_free (AmendJournal *self)
{
  if (self == NULL)
    return;
  if (!self->done)
    lock_release (self->repo);
  g_object_unref (self->repo);
  g_free (self->operation);
  g_free (self->summary);
  g_ptr_array_unref (self->steps);
  g_free (self);
}

/* ----------------------------------------------------------------------- */
/* The journal file                                                         */
/* ----------------------------------------------------------------------- */

static void
set_oid (GKeyFile      *kf,
         const char    *group,
         const char    *key,
         const git_oid *id)
{
  char hex[GIT_OID_HEXSZ + 1];

  git_oid_tostr (hex, sizeof hex, id);
  g_key_file_set_string (kf, group, key, hex);
}

static gboolean
get_oid (GKeyFile   *kf,
         const char *group,
         const char *key,
         git_oid    *id)
{
  g_autofree char *hex = g_key_file_get_string (kf, group, key, NULL);

  return hex != NULL && git_oid_fromstr (id, hex) == 0;
}

static gboolean
journal_write (AmendJournal  *self,
               GError       **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = journal_path (self->repo);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_key_file_set_string (kf, "operation", "name", self->operation);
  g_key_file_set_string (kf, "operation", "summary", self->summary);
  g_key_file_set_integer (kf, "operation", "steps", self->steps->len);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const Step *step = g_ptr_array_index (self->steps, i);
      g_autofree char *group = g_strdup_printf ("step %u", i + 1);

      g_key_file_set_string (kf, group, "kind", step_kinds[step->kind]);
      if (step->ref)
        g_key_file_set_string (kf, group, "ref", step->ref);
      set_oid (kf, group, "old", &step->old_id);
      set_oid (kf, group, "new", &step->new_id);
      if (step->paths)
        g_key_file_set_string_list (kf, group, "paths", (const char * const *) step->paths,
                                    g_strv_length (step->paths));
    }
  data = g_key_file_to_data (kf, &len, NULL);
  if (!write_whole (path, data, len, 0666, error))
    return FALSE;
  return TRUE;
}

static AmendJournal *
journal_read (AmendRepository  *repo,
              GError          **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = journal_path (repo);
  g_autoptr(GError) local = NULL;
  AmendJournal *self;
  int n;

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &local) ||
      (n = g_key_file_get_integer (kf, "operation", "steps", &local)) < 0 || local != NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INTERRUPTED,
                   _("Amend was interrupted, and what it was doing cannot be read from %s (%s); "
                     "look at the project with git status, then remove that file"),
                   path, local ? local->message : "");
      return NULL;
    }
  self = g_new0 (AmendJournal, 1);
  self->repo = g_object_ref (repo);
  self->operation = g_key_file_get_string (kf, "operation", "name", NULL);
  self->summary = g_key_file_get_string (kf, "operation", "summary", NULL);
  if (self->summary == NULL)
    self->summary = g_strdup (self->operation ? self->operation : "?");
  self->steps = g_ptr_array_new_with_free_func (step_free);
  self->done = TRUE;  /* the lock is the recovery's */
  for (int i = 1; i <= n; i++)
    {
      g_autofree char *group = g_strdup_printf ("step %d", i);
      g_autofree char *kind = g_key_file_get_string (kf, group, "kind", NULL);
      Step *step = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (step_kinds); k++)
        if (g_strcmp0 (kind, step_kinds[k]) == 0)
          step = add_step (self, k);
      if (step == NULL || !get_oid (kf, group, "old", &step->old_id) || !get_oid (kf, group, "new", &step->new_id))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INTERRUPTED,
                       _("Amend was interrupted, and what it was doing cannot be read from %s (%s); "
                         "look at the project with git status, then remove that file"),
                       path, group);
          amend_journal_free (self);
          return NULL;
        }
      step->ref = g_key_file_get_string (kf, group, "ref", NULL);
      step->paths = g_key_file_get_string_list (kf, group, "paths", NULL, NULL);
    }
  return self;
}

/* ----------------------------------------------------------------------- */
/* Refs and HEAD                                                            */
/* ----------------------------------------------------------------------- */

static gboolean
interrupted_error (AmendJournal *self,
                   GError      **error,
                   const char   *format,
                   ...) G_GNUC_PRINTF (3, 4);

/* "Amend was interrupted while SUMMARY, and ..." */
static gboolean
interrupted_error (AmendJournal *self,
                   GError      **error,
                   const char   *format,
                   ...)
{
  g_autofree char *rest = NULL;
  va_list args;

  va_start (args, format);
  rest = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INTERRUPTED,
               _("Amend was interrupted while %s, and %s"), self->summary, rest);
  return FALSE;
}

/* Where @refname points: TRUE with @id (zero when it does not exist). */
static gboolean
ref_target (git_repository *git,
            const char     *refname,
            git_oid        *id,
            GError        **error)
{
  int rc = git_reference_name_to_id (id, git, refname);

  if (rc == GIT_ENOTFOUND)
    {
      memset (id, 0, sizeof *id);
      return TRUE;
    }
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read %s"), refname);
  return TRUE;
}

static gboolean
ref_can_move (AmendJournal *self,
              const Step   *step,
              gboolean      recovering,
              GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  git_oid current;

  if (!ref_target (git, step->ref, &current, error))
    return FALSE;
  if (git_oid_equal (&current, &step->old_id) || (recovering && git_oid_equal (&current, &step->new_id)))
    return TRUE;
  if (recovering)
    {
      g_autofree char *journal = journal_path (self->repo);

      return interrupted_error (self, error,
                                _("another program has moved %s since, so Amend does not finish it; see what "
                                  "it points at with \xe2\x80\x9cgit log %s\xe2\x80\x9d, and remove %s to leave "
                                  "the project as it is"),
                                step->ref, step->ref, journal);
    }
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED,
               _("another program changed %s at the same time; try again"), step->ref);
  return FALSE;
}

static gboolean
run_ref (AmendJournal *self,
         const Step   *step,
         gboolean      recovering,
         GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_reference) ref = NULL;
  g_autofree char *log = g_strconcat ("amend ", self->operation, NULL);
  git_oid current;
  int rc;

  if (!ref_target (git, step->ref, &current, error))
    return FALSE;
  if (git_oid_equal (&current, &step->new_id))
    return TRUE;
  if (!ref_can_move (self, step, recovering, error))
    return FALSE;
  if (git_oid_is_zero (&step->new_id))
    {
      rc = git_reference_lookup (&ref, git, step->ref);
      if (rc == 0)
        rc = git_reference_delete (ref);
    }
  else if (git_oid_is_zero (&step->old_id))
    rc = git_reference_create (&ref, git, step->ref, &step->new_id, FALSE, log);
  else
    rc = git_reference_create_matching (&ref, git, step->ref, &step->new_id, TRUE, &step->old_id, log);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot move %s"), step->ref);
  amend_journal_kill_point (self->operation, "ref");
  return TRUE;
}

static gboolean
run_head (AmendJournal *self,
          const Step   *step,
          GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_reference) head = NULL;
  int rc;

  if (git_reference_lookup (&head, git, "HEAD") == 0 && git_reference_type (head) == GIT_REFERENCE_SYMBOLIC &&
      g_strcmp0 (git_reference_symbolic_target (head), step->ref) == 0)
    return TRUE;
  rc = git_repository_set_head (git, step->ref);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot put HEAD on %s"), step->ref);
  amend_journal_kill_point (self->operation, "head");
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* The working copy                                                         */
/* ----------------------------------------------------------------------- */

static gboolean
lookup_tree (git_repository *git,
             const git_oid  *id,
             git_tree      **tree,
             GError        **error)
{
  int rc;

  *tree = NULL;
  if (git_oid_is_zero (id))
    return TRUE;
  rc = git_tree_lookup (tree, git, id);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read a saved version"));
  return TRUE;
}

/* The paths where the two trees differ (submodules aside). */
static GArray *
tree_changes (git_repository *git,
              const git_oid  *from,
              const git_oid  *to,
              char          **paths,
              GError        **error)
{
  g_autoptr(git_tree) a = NULL;
  g_autoptr(git_tree) b = NULL;
  g_autoptr(git_diff) diff = NULL;
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  GArray *changes;
  int rc;

  if (!lookup_tree (git, from, &a, error) || !lookup_tree (git, to, &b, error))
    return NULL;
  opts.flags |= GIT_DIFF_INCLUDE_TYPECHANGE;
  if (paths)
    {
      opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
      opts.pathspec.strings = paths;
      opts.pathspec.count = g_strv_length (paths);
    }
  rc = git_diff_tree_to_tree (&diff, git, a, b, &opts);
  if (rc < 0)
    {
      amend_repository_set_git_error (error, rc, _("cannot compare two saved versions"));
      return NULL;
    }
  changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (changes, change_clear);
  for (size_t i = 0; i < git_diff_num_deltas (diff); i++)
    {
      const git_diff_delta *d = git_diff_get_delta (diff, i);
      Change c = { 0 };

      if (d->old_file.mode == GIT_FILEMODE_COMMIT || d->new_file.mode == GIT_FILEMODE_COMMIT)
        continue;
      c.path = g_strdup (d->new_file.path ? d->new_file.path : d->old_file.path);
      if (d->old_file.mode != 0)
        {
          git_oid_cpy (&c.from_id, &d->old_file.id);
          c.from_mode = d->old_file.mode;
        }
      if (d->new_file.mode != 0)
        {
          git_oid_cpy (&c.to_id, &d->new_file.id);
          c.to_mode = d->new_file.mode;
        }
      g_array_append_val (changes, c);
    }
  return changes;
}

/* The blob id and mode of what is in the working copy at @path; FALSE
 * for nothing there (a folder counts as nothing: it is not a file). */
static gboolean
workdir_entry (git_repository *git,
               const char     *workdir,
               const char     *path,
               git_oid        *id,
               git_filemode_t *mode,
               gboolean       *other)
{
  g_autofree char *full = g_build_filename (workdir, path, NULL);
  struct stat st;

  *other = FALSE;
  if (g_lstat (full, &st) != 0 || S_ISDIR (st.st_mode))
    return FALSE;
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (full, NULL);

      *mode = GIT_FILEMODE_LINK;
      if (target == NULL || git_odb_hash (id, target, strlen (target), GIT_OBJECT_BLOB) < 0)
        *other = TRUE;
      return TRUE;
    }
  *mode = (st.st_mode & S_IXUSR) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
  if (!S_ISREG (st.st_mode) || git_repository_hashfile (id, git, path, GIT_OBJECT_BLOB, NULL) < 0)
    *other = TRUE;
  return TRUE;
}

static gboolean
is_version (gboolean       present,
            gboolean       other,
            const git_oid *id,
            git_filemode_t mode,
            const git_oid *want_id,
            git_filemode_t want_mode)
{
  if (git_oid_is_zero (want_id))
    return !present;
  return present && !other && mode == want_mode && git_oid_equal (id, want_id);
}

static Where
classify (git_repository *git,
          const char     *workdir,
          const Change   *c)
{
  git_oid id = { { 0 } };
  git_filemode_t mode = 0;
  gboolean other;
  gboolean present = workdir_entry (git, workdir, c->path, &id, &mode, &other);

  if (is_version (present, other, &id, mode, &c->to_id, c->to_mode))
    return AT_TO;
  if (is_version (present, other, &id, mode, &c->from_id, c->from_mode))
    return AT_FROM;
  return AT_NEITHER;
}

static char *
join_quoted (GPtrArray *paths,
             gboolean   shell)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *quoted = shell ? g_shell_quote (g_ptr_array_index (paths, i)) : NULL;

      if (i > 0)
        g_string_append (s, shell ? " " : ", ");
      g_string_append (s, shell ? quoted : (const char *) g_ptr_array_index (paths, i));
    }
  return g_string_free (s, FALSE);
}

/* Every file the step replaces must be the version it replaces (or
 * already the new one): nothing that is not in a saved version is lost. */
static gboolean
check_working_copy (AmendJournal *self,
                    const Step   *step,
                    GArray       *changes,
                    gboolean      recovering,
                    GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  const char *workdir = git_repository_workdir (git);
  g_autoptr(GPtrArray) neither = g_ptr_array_new ();
  g_autofree char *names = NULL;
  g_autofree char *command = NULL;
  char tree[GIT_OID_HEXSZ + 1];

  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      if (classify (git, workdir, c) == AT_NEITHER)
        g_ptr_array_add (neither, c->path);
    }
  if (neither->len == 0)
    return TRUE;
  names = join_quoted (neither, FALSE);
  if (!recovering)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_CONFLICT,
                   _("%s: it would overwrite %s, which has changes that are not saved or is not part of the "
                     "project; save, move or remove it first"),
                   step->refusal ? step->refusal : self->summary, names);
      return FALSE;
    }
  command = join_quoted (neither, TRUE);
  git_oid_tostr (tree, sizeof tree, &step->new_id);
  return interrupted_error (self, error,
                            _("%s changed since, so Amend does not overwrite it; keep a copy of your changes "
                              "elsewhere, run \xe2\x80\x9cgit checkout %s -- %s\xe2\x80\x9d, then any amend "
                              "command finishes it"),
                            names, tree, command);
}

static void
remove_empty_parents (const char *workdir,
                      const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (g_strcmp0 (dir, ".") != 0 && g_strcmp0 (dir, "/") != 0)
    {
      g_autofree char *full = g_build_filename (workdir, dir, NULL);
      char *up;

      if (g_rmdir (full) != 0)
        break;
      up = g_path_get_dirname (dir);
      g_free (dir);
      dir = up;
    }
}

static gboolean
write_blob (git_repository *git,
            const char     *workdir,
            const Change   *c,
            GError        **error)
{
  g_autofree char *full = g_build_filename (workdir, c->path, NULL);
  g_autofree char *parent = g_path_get_dirname (full);
  g_autoptr(git_blob) blob = NULL;
  git_buf buf = GIT_BUF_INIT;
  git_blob_filter_options opts = GIT_BLOB_FILTER_OPTIONS_INIT;
  gboolean ok;
  int rc;

  rc = git_blob_lookup (&blob, git, &c->to_id);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read %s from a saved version"), c->path);
  if (g_mkdir_with_parents (parent, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write %s: %s"), full,
                   g_strerror (saved));
      return FALSE;
    }
  if (c->to_mode == GIT_FILEMODE_LINK)
    {
      g_autofree char *target = g_strndup (git_blob_rawcontent (blob), git_blob_rawsize (blob));
      g_autofree char *dir = g_path_get_dirname (full);
      g_autofree char *base = g_path_get_basename (full);
      g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, WC_TMP_SUFFIX, NULL);

      g_unlink (tmp);
      if (symlink (target, tmp) != 0 || g_rename (tmp, full) != 0)
        {
          int saved = errno;
          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write %s: %s"), full,
                       g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }
  /* The checkout filters (line ends, ident) as git applies them.  Not
   * GIT_BLOB_FILTER_CHECK_FOR_BINARY, the default: with it libgit2 gives
   * an empty buffer for a blob it takes for binary (an image, or a record
   * with a few control characters), and the file was written empty; the
   * filters themselves leave binary content alone where git does. */
  opts.flags &= ~GIT_BLOB_FILTER_CHECK_FOR_BINARY;
  rc = git_blob_filter (&buf, blob, c->path, &opts);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read %s from a saved version"), c->path);
  ok = write_whole (full, buf.ptr, buf.size, c->to_mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0777 : 0666, error);
  git_buf_dispose (&buf);
  return ok;
}

static gboolean
remove_file (const char   *workdir,
             const Change *c,
             GError      **error)
{
  g_autofree char *full = g_build_filename (workdir, c->path, NULL);
  struct stat st;

  if (g_lstat (full, &st) != 0 || S_ISDIR (st.st_mode))
    return TRUE;
  if (g_unlink (full) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot remove %s: %s"), full,
                   g_strerror (saved));
      return FALSE;
    }
  remove_empty_parents (workdir, c->path);
  return TRUE;
}

/* The index entry of @path becomes @id/@mode (or goes when @id is zero),
 * with the file's own stat data when the file is that version, so that
 * git status need not read it again. */
static int
index_set (git_index     *index,
           const char    *path,
           const git_oid *id,
           git_filemode_t mode,
           gboolean       file_is_it)
{
  const git_index_entry *entry;
  git_index_entry fresh = { 0 };
  int rc;

  if (git_oid_is_zero (id))
    {
      rc = git_index_remove_bypath (index, path);
      return rc == GIT_ENOTFOUND ? 0 : rc;
    }
  if (file_is_it && (rc = git_index_add_bypath (index, path)) == 0 &&
      (entry = git_index_get_bypath (index, path, 0)) != NULL && git_oid_equal (&entry->id, id))
    return 0;
  fresh.path = path;
  fresh.mode = mode;
  git_oid_cpy (&fresh.id, id);
  return git_index_add (index, &fresh);
}

static gboolean
write_index (AmendJournal *self,
             GArray       *changes,
             gboolean      files_are_it,
             const char   *kill_step,
             GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  const char *workdir = git_repository_workdir (git);
  g_autoptr(git_index) index = NULL;
  int rc = git_repository_index (&index, git);

  if (rc == 0)
    rc = git_index_read (index, FALSE);
  for (guint i = 0; rc == 0 && i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);
      gboolean is_it = files_are_it || (workdir && classify (git, workdir, c) == AT_TO);

      rc = index_set (index, c->path, &c->to_id, c->to_mode, is_it);
    }
  if (rc == 0)
    rc = git_index_write (index);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot bring git's index up to date"));
  amend_journal_kill_point (self->operation, kill_step);
  return TRUE;
}

static gboolean
run_working_copy (AmendJournal *self,
                  const Step   *step,
                  gboolean      recovering,
                  GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  const char *workdir = git_repository_workdir (git);
  g_autoptr(GArray) changes = tree_changes (git, &step->old_id, &step->new_id, step->paths, error);
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (Change *));
  gboolean first = TRUE;

  if (workdir == NULL)
    return amend_repository_set_git_error (error, GIT_EBAREREPO, _("there is no working copy"));
  if (changes == NULL || !check_working_copy (self, step, changes, recovering, error))
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_autofree char *full = g_build_filename (workdir, c->path, NULL);
      g_autofree char *dir = g_path_get_dirname (full);
      g_autofree char *base = g_path_get_basename (full);
      g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, WC_TMP_SUFFIX, NULL);

      /* What a kill in the middle of writing this file left. */
      g_unlink (tmp);
      if (classify (git, workdir, c) == AT_FROM)
        g_array_append_val (todo, c);
    }
  /* Removals first: a folder may become a file, a file a folder. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < todo->len; i++)
      {
        const Change *c = g_array_index (todo, Change *, i);
        gboolean removal = git_oid_is_zero (&c->to_id);

        if ((pass == 0) != removal)
          continue;
        if (removal ? !remove_file (workdir, c, error) : !write_blob (git, workdir, c, error))
          return FALSE;
        if (first)
          amend_journal_kill_point (self->operation, "file");
        first = FALSE;
      }
  return write_index (self, changes, TRUE, "working-copy", error);
}

static gboolean
run_index (AmendJournal *self,
           const Step   *step,
           GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (Change));

  g_array_set_clear_func (changes, change_clear);
  if (!lookup_tree (git, &step->new_id, &tree, error))
    return FALSE;
  for (guint i = 0; step->paths && step->paths[i]; i++)
    {
      g_autoptr(git_tree_entry) entry = NULL;
      Change c = { 0 };

      c.path = g_strdup (step->paths[i]);
      if (tree && git_tree_entry_bypath (&entry, tree, c.path) == 0)
        {
          git_oid_cpy (&c.to_id, git_tree_entry_id (entry));
          c.to_mode = git_tree_entry_filemode (entry);
        }
      g_array_append_val (changes, c);
    }
  return write_index (self, changes, FALSE, "index", error);
}

/* ----------------------------------------------------------------------- */
/* Doing the steps                                                          */
/* ----------------------------------------------------------------------- */

static gboolean
run_steps (AmendJournal *self,
           gboolean      recovering,
           guint        *failed,
           GError      **error)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      const Step *step = g_ptr_array_index (self->steps, i);
      gboolean ok = FALSE;

      switch (step->kind)
        {
        case STEP_REF:
          ok = run_ref (self, step, recovering, error);
          break;
        case STEP_WORKING_COPY:
          ok = run_working_copy (self, step, recovering, error);
          break;
        case STEP_HEAD:
          ok = run_head (self, step, error);
          break;
        case STEP_INDEX:
          ok = run_index (self, step, error);
          break;
        }
      if (!ok)
        {
          *failed = i;
          return FALSE;
        }
    }
  return TRUE;
}

/* Before anything is written: the refs are where the operation read
 * them, and no working copy file would be lost. */
static gboolean
check_steps (AmendJournal *self,
             GError      **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->steps->len; i++)
    {
      const Step *step = g_ptr_array_index (self->steps, i);

      if (step->kind == STEP_REF && g_hash_table_add (seen, step->ref) &&
          !ref_can_move (self, step, FALSE, error))
        return FALSE;
      if (step->kind == STEP_WORKING_COPY)
        {
          g_autoptr(GArray) changes = tree_changes (git, &step->old_id, &step->new_id, step->paths, error);

          if (changes == NULL || !check_working_copy (self, step, changes, FALSE, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* A step failed and the journal stays (a full disk, a folder that cannot
 * be written): says so, and that the next command finishes it once the
 * cause is gone.  "cannot write regeling.md: No space left on device"
 * alone left the user with a half switched working copy and no word of
 * what would put it right. */
static void
stopped_halfway (AmendJournal *self,
                 gboolean      recovering,
                 GError      **error)
{
  const char *hints[] = { amend_repository_no_space_hint (), amend_repository_no_permission_hint () };
  GError *cause;

  if (error == NULL || *error == NULL ||
      g_error_matches (*error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INTERRUPTED))
    return;
  cause = g_steal_pointer (error);
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (g_str_has_suffix (cause->message, hints[i]))
      cause->message[strlen (cause->message) - strlen (hints[i])] = '\0';
  if (recovering)
    /* TRANSLATORS: the first %s is what was interrupted ("switching to “x”"), the second why it cannot be finished */
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INTERRUPTED,
                 _("Amend was interrupted while %s and cannot finish it (%s); make room on the disk or let the "
                   "project's folder be written, then any amend command finishes it"),
                 self->summary, cause->message);
  else
    /* TRANSLATORS: the first %s is why it stopped, the second what stopped ("switching to “x”") */
    g_set_error (error, cause->domain, cause->code,
                 _("%s; %s stopped halfway, and the project is safe: make room on the disk or let the project's "
                   "folder be written, then any amend command (amend status) finishes it"),
                 cause->message, self->summary);
  g_error_free (cause);
}

/**
 * amend_journal_commit:
 *
 * Checks the steps, writes the journal, does the steps and removes the
 * journal; then lets go of the lock.  When a check fails nothing was
 * changed.  When a step fails the journal stays, and the next Amend
 * command finishes the operation or says why it cannot.
 */
gboolean
amend_journal_commit (AmendJournal *self,
                      GError      **error)
{
  g_autofree char *path = journal_path (self->repo);
  gboolean ok;

  g_return_val_if_fail (!self->done, FALSE);

  amend_journal_kill_point (self->operation, "objects");
  ok = check_steps (self, error) && journal_write (self, error);
  if (ok)
    {
      guint failed = 0;

      amend_journal_kill_point (self->operation, "journal");
      ok = run_steps (self, FALSE, &failed, error);
      if (ok)
        {
          amend_journal_kill_point (self->operation, "done");
          g_unlink (path);
        }
      else if (failed == 0 && ((const Step *) g_ptr_array_index (self->steps, 0))->kind == STEP_REF)
        {
          /* A ref moves at once or not at all: when the first step could
           * not be done, nothing was, and the project is as it was.  Left
           * in place, the journal would stop every command after this one
           * at the same step. */
          g_unlink (path);
        }
      else
        stopped_halfway (self, FALSE, error);
    }
  self->done = TRUE;
  lock_release (self->repo);
  return ok;
}

/* With the lock held: finishes the journal a killed writer left. */
static gboolean
recover_locked (AmendRepository *repo,
                GString         *note,
                GError         **error)
{
  g_autofree char *path = journal_path (repo);
  AmendJournal *journal;
  guint failed = 0;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  journal = journal_read (repo, error);
  if (journal == NULL)
    return FALSE;
  ok = run_steps (journal, TRUE, &failed, error);
  if (!ok)
    stopped_halfway (journal, TRUE, error);
  if (ok)
    {
      g_unlink (path);
      if (note)
        {
          if (note->len > 0)
            g_string_append (note, "; ");
          g_string_append_printf (note, _("finished what was interrupted: %s"), journal->summary);
        }
    }
  amend_journal_free (journal);
  return ok;
}

/**
 * amend_journal_recover:
 * @note: (out) (optional): what was done, a phrase, or %NULL for nothing
 *
 * Finishes what a killed Amend left (see amend-journal.h) when no other
 * Amend is writing.  Cheap when there is nothing to do.
 *
 * Returns: FALSE with @error saying the way out when it cannot be finished.
 */
gboolean
amend_journal_recover (AmendRepository  *repo,
                       char            **note,
                       GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *lock = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  gboolean busy;
  struct stat st;
  gboolean ok;

  if (note)
    *note = NULL;
  if (git_repository_is_bare (amend_repository_get_git (repo)) && !amend_journal_is_pending (repo))
    return TRUE;
  dir = amend_dir (repo);
  lock = g_build_filename (dir, "lock", NULL);
  /* Nothing left behind: the usual case, without taking the lock. */
  if (!amend_journal_is_pending (repo) && (g_stat (lock, &st) != 0 || st.st_size == 0))
    return TRUE;
  if (!lock_acquire (repo, FALSE, TRUE, &busy, said, &local))
    {
      /* Another Amend is at work: what is there is its own. */
      if (busy)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ok = recover_locked (repo, said, error);
  lock_release (repo);
  if (note && said->len > 0)
    *note = g_strdup (said->str);
  return ok;
}
