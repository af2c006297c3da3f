/* amend-pending-merge.c: a merge of branches that is begun, finished or undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adopting an amendment moves two branches (the amendment's gets the
 * decision, main gets the merge) and brings the working copy along.  A
 * kill may come at any moment, so the steps are ordered as git orders its
 * own (objects first, branches after, the working copy last) and what is
 * under way is written down first, in .git/amend/merge/state.ini:
 *
 *   1. the decision commit and, when the merge is clean, the merged blobs,
 *      tree and merge commit are written as objects: a kill leaves only
 *      objects no branch names;
 *   2. state.ini is written (atomically: a new file renamed over) with
 *      phase=conflicts, when a person has to decide first, or with
 *      phase=refs and the ids of the new commits;
 *   3. the amendment's branch moves, then the target branch, each only
 *      from the id it had to the new one;
 *   4. the working copy follows, file by file (each written to
 *      PATH.amend-new and renamed over the old one), when it is on a
 *      branch that moved, and then the index;
 *   5. state.ini goes.
 *
 * While state.ini exists every other command that writes refuses
 * (amend_repository_check_can_write), naming --continue and --abort.
 * --continue does what is left: a branch already at its new id is left
 * alone, a file already written is written again.  --abort puts branches
 * back only from their new id to their old one and the working copy back
 * file by file.  A file neither as it was nor as it will be was changed
 * by hand in between: nothing overwrites it, the command says which.
 *
 * Writing the index and a branch takes a lock file (index.lock,
 * refs/heads/main.lock); a kill while it is held leaves it behind, and
 * every git program then stops.  state.ini names the process that works
 * on the merge: when that process is gone, the locks it may have left are
 * its own, and --continue and --abort remove them.
 *
 * state.ini lives in .git/amend/, which git does not look at: git status
 * is clean while the merge waits, and git's own tools see the branches as
 * they are.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "amend-journal.h"
#include "amend-pending-merge-private.h"

#define MERGE "merge"
#define SIDE "side"
#define STATE_FILE "state.ini"

struct _AmendPendingMerge
{
  GObject          parent_instance;

  AmendRepository *repo;
  char            *dir;
  char            *path;
  GKeyFile        *state;
  char            *command;
  char            *amendment;
  char            *target;
  git_oid          ours;
  git_oid          theirs;
  gboolean         has_side;
  char            *side_ref;
  git_oid          side_old;
  git_oid          side_new;
  GHashTable      *choices;
  AmendTreeMerge  *merge;
};

G_DEFINE_FINAL_TYPE (AmendPendingMerge, amend_pending_merge, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)

static void
amend_pending_merge_finalize (GObject *object)
{
  AmendPendingMerge *self = (AmendPendingMerge *) object;

  g_clear_object (&self->repo);
  g_clear_object (&self->merge);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->state, g_key_file_unref);
  g_clear_pointer (&self->command, g_free);
  g_clear_pointer (&self->amendment, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->side_ref, g_free);
  g_clear_pointer (&self->choices, g_hash_table_unref);

  G_OBJECT_CLASS (amend_pending_merge_parent_class)->finalize (object);
}

static void
amend_pending_merge_class_init (AmendPendingMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_pending_merge_finalize;
}

static void
amend_pending_merge_init (AmendPendingMerge *self)
{
  self->state = g_key_file_new ();
  self->choices = amend_tree_choices_new ();
}

/* The tests stop the program here, as a kill -9 would, to see that every
 * such moment leaves something --continue and --abort can finish. */
static void
kill_point (const char *name)
{
  const char *at = g_getenv ("AMEND_TEST_KILL_AT");

  if (at != NULL && strcmp (at, name) == 0)
    raise (SIGKILL);
}

static AmendPendingMerge *
pending_new (AmendRepository *repo)
{
  AmendPendingMerge *self = g_object_new (AMEND_TYPE_PENDING_MERGE, NULL);

  self->repo = g_object_ref (repo);
  self->dir = amend_repository_pending_merge_dir (repo);
  self->path = g_build_filename (self->dir, STATE_FILE, NULL);
  return self;
}

/* ----------------------------------------------------------------------- */
/* The state file                                                           */
/* ----------------------------------------------------------------------- */

static void
set_oid (GKeyFile      *state,
         const char    *group,
         const char    *key,
         const git_oid *id)
{
  char hex[GIT_OID_HEXSZ + 1];

  git_oid_tostr (hex, sizeof hex, id);
  g_key_file_set_string (state, group, key, hex);
}

static gboolean
get_oid (GKeyFile   *state,
         const char *group,
         const char *key,
         git_oid    *id)
{
  g_autofree char *hex = g_key_file_get_string (state, group, key, NULL);

  return hex != NULL && git_oid_fromstr (id, hex) == 0;
}

static gboolean
save_state (AmendPendingMerge *self,
            GError           **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) local = NULL;

  if (g_mkdir_with_parents (self->dir, 0755) != 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED,
                   _("cannot make the folder %s, where an unfinished merge is kept"), self->dir);
      return FALSE;
    }
  /* Who works on it now: see clear_stale_locks(). */
  g_key_file_set_int64 (self->state, MERGE, "pid", getpid ());
  data = g_key_file_to_data (self->state, &len, NULL);
  /* A new file renamed over the old one, flushed to disk first. */
  if (!g_file_set_contents_full (self->path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &local))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED,
                   _("cannot write %s: %s"), self->path, local->message);
      return FALSE;
    }
  return TRUE;
}

static void
remove_lock (AmendPendingMerge *self,
             const char        *name)
{
  g_autofree char *lock = NULL;

  if (name == NULL)
    return;
  lock = g_strconcat (git_repository_path (amend_repository_get_git (self->repo)), name, ".lock", NULL);
  g_remove (lock);
}

/* The locks the process that last worked on the merge may have left when
 * it was killed: only when that process is gone. */
static void
clear_stale_locks (AmendPendingMerge *self)
{
  gint64 pid = g_key_file_get_int64 (self->state, MERGE, "pid", NULL);

  if (pid <= 0 || pid == getpid () || kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
    return;
  remove_lock (self, "index");
  remove_lock (self, self->target);
  remove_lock (self, self->side_ref);
}

static void
remove_state (AmendPendingMerge *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_remove (self->path);
  /* The temporary state.ini.XXXXXX of a save_state() a kill cut short:
   * left, it would keep the folder forever. */
  if ((dir = g_dir_open (self->dir, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "state.ini."))
        {
          g_autofree char *path = g_build_filename (self->dir, name, NULL);
          g_remove (path);
        }
  g_rmdir (self->dir);
}

static void
load_choices (AmendPendingMerge *self)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->state, NULL);

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *path = NULL, *id = NULL, *how = NULL, *text = NULL;
      AmendResolution resolution;

      if (!g_str_has_prefix (groups[i], "resolution "))
        continue;
      path = g_key_file_get_string (self->state, groups[i], "path", NULL);
      id = g_key_file_get_string (self->state, groups[i], "id", NULL);
      how = g_key_file_get_string (self->state, groups[i], "how", NULL);
      text = g_key_file_get_string (self->state, groups[i], "text", NULL);
      if (path && id && amend_resolution_from_string (how, &resolution))
        amend_tree_choices_set (self->choices, path, id, resolution, text);
    }
}

static gboolean
read_state (AmendPendingMerge *self,
            GError           **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_key_file_load_from_file (self->state, self->path, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("the unfinished merge in %s cannot be read (%s); remove that folder to forget it"),
                   self->dir, local->message);
      return FALSE;
    }
  self->command = g_key_file_get_string (self->state, MERGE, "command", NULL);
  self->amendment = g_key_file_get_string (self->state, MERGE, "amendment", NULL);
  self->target = g_key_file_get_string (self->state, MERGE, "target", NULL);
  self->has_side = g_key_file_has_group (self->state, SIDE);
  self->side_ref = g_key_file_get_string (self->state, SIDE, "ref", NULL);
  if (self->command == NULL || self->target == NULL ||
      !get_oid (self->state, MERGE, "ours", &self->ours) || !get_oid (self->state, MERGE, "theirs", &self->theirs) ||
      (self->has_side && (self->side_ref == NULL || !get_oid (self->state, SIDE, "old", &self->side_old) ||
                          !get_oid (self->state, SIDE, "new", &self->side_new))))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("the unfinished merge in %s lacks what it needs; remove that folder to forget it"), self->dir);
      return FALSE;
    }
  load_choices (self);
  return TRUE;
}

/**
 * amend_pending_merge_load:
 *
 * Returns: (transfer full): the merge Amend began and did not finish, or
 * %NULL with %AMEND_REPOSITORY_ERROR_NOT_FOUND when there is none.
 */
AmendPendingMerge *
amend_pending_merge_load (AmendRepository *repo,
                          GError         **error)
{
  g_autoptr(AmendPendingMerge) self = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  self = pending_new (repo);
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("there is no unfinished adoption, update or pull, so no conflict waits to be resolved "
                     "and nothing to go on with or undo"));
      return NULL;
    }
  if (!read_state (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ----------------------------------------------------------------------- */
/* Commits                                                                  */
/* ----------------------------------------------------------------------- */

static git_signature *
signature_of (AmendPendingMerge *self,
              GError           **error)
{
  g_autofree char *name = g_key_file_get_string (self->state, MERGE, "name", NULL);
  g_autofree char *email = g_key_file_get_string (self->state, MERGE, "email", NULL);
  gint64 time = g_key_file_get_int64 (self->state, MERGE, "time", NULL);
  int offset = g_key_file_get_integer (self->state, MERGE, "offset", NULL);
  git_signature *sig = NULL;
  int rc = git_signature_new (&sig, name ? name : "", email ? email : "", time, offset);

  if (rc < 0)
    amend_repository_set_git_error (error, rc, _("cannot make the signature of the merge"));
  return rc < 0 ? NULL : sig;
}

static void
store_signature (GKeyFile            *state,
                 const git_signature *sig)
{
  g_key_file_set_string (state, MERGE, "name", sig->name);
  g_key_file_set_string (state, MERGE, "email", sig->email);
  g_key_file_set_int64 (state, MERGE, "time", sig->when.time);
  g_key_file_set_integer (state, MERGE, "offset", sig->when.offset);
}

/* The commit on the second branch (the decision on the amendment's): the
 * record on top of the branch as it was, signed as stored, so that writing
 * it again gives the same commit. */
static gboolean
write_side (AmendPendingMerge *self,
            git_oid           *out,
            GError           **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_signature) sig = signature_of (self, error);
  g_autofree char *path = g_key_file_get_string (self->state, SIDE, "path", NULL);
  g_autofree char *data = g_key_file_get_string (self->state, SIDE, "data", NULL);
  g_autofree char *message = g_key_file_get_string (self->state, SIDE, "message", NULL);
  git_tree_update update = { 0 };

  if (sig == NULL)
    return FALSE;
  if (path == NULL || data == NULL || message == NULL || git_commit_lookup (&parent, git, &self->side_old) < 0)
    return amend_repository_set_git_error (error, -1, _("cannot read the amendment's branch as it was"));
  if (git_blob_create_from_buffer (&update.id, git, data, strlen (data)) < 0)
    return amend_repository_set_git_error (error, -1, _("cannot write the record of the amendment"));
  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = GIT_FILEMODE_BLOB;
  update.path = path;
  return amend_repository_commit_update (self->repo, NULL, parent, &update, 1, sig, message, out, error);
}

/* An object no branch names may be gone after weeks (git gc prunes
 * them): the decision commit is then made again, the same. */
static gboolean
ensure_side (AmendPendingMerge *self,
             GError           **error)
{
  g_autoptr(git_odb) odb = NULL;
  git_oid again;

  if (!self->has_side || git_repository_odb (&odb, amend_repository_get_git (self->repo)) < 0 ||
      git_odb_exists (odb, &self->side_new))
    return TRUE;
  if (!write_side (self, &again, error))
    return FALSE;
  return TRUE;
}

AmendTreeMerge *
amend_pending_merge_get_merge (AmendPendingMerge *self,
                               GError           **error)
{
  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), NULL);

  if (self->merge == NULL && ensure_side (self, error))
    self->merge = amend_merge_commits (self->repo, &self->ours, &self->theirs, self->choices, error);
  return self->merge;
}

/* ----------------------------------------------------------------------- */
/* Branches and the working copy                                            */
/* ----------------------------------------------------------------------- */

static const char *
short_name (const char *refname)
{
  return g_str_has_prefix (refname, "refs/heads/") ? refname + strlen ("refs/heads/") : refname;
}

/* Whether @refname is at @from or already at @to, where the merge can
 * move it; @now is where it is. */
static gboolean
ref_is_movable (AmendPendingMerge *self,
                const char        *refname,
                const git_oid     *from,
                const git_oid     *to,
                git_oid           *now,
                GError           **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  int rc = git_reference_name_to_id (now, git, refname);

  if (rc < 0)
    {
      g_autofree char *command = g_key_file_get_string (self->state, MERGE, "command", NULL);

      /* Removed with git (git branch -D) while the merge waited. */
      if (rc == GIT_ENOTFOUND)
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY,
                       _("the branch %s was removed by another program while the merge was unfinished; bring it "
                         "back with git branch %s %.7s and go on with amend %s --continue, or undo the merge with "
                         "amend %s --abort"),
                       short_name (refname), short_name (refname), git_oid_tostr_s (from), command, command);
          return FALSE;
        }
      return amend_repository_set_git_error (error, -1, _("cannot read the branch %s"), short_name (refname));
    }
  if (git_oid_equal (now, to) || git_oid_equal (now, from))
    return TRUE;
  /* Not git branch -f, which would throw away what that program
   * committed, nor removing state.ini, which would leave an amendment's
   * branch saying aangenomen without its merge: --abort puts back only
   * what the merge moved. */
  {
    g_autofree char *command = g_key_file_get_string (self->state, MERGE, "command", NULL);

    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY,
                 _("the branch %s was changed by another program while the merge was unfinished (it is at %.7s "
                   "now); undo the merge with amend %s --abort, which keeps that change, and run amend %s again"),
                 short_name (refname), git_oid_tostr_s (now), command, command);
  }
  return FALSE;
}

/* Moves @refname from @from to @to; at @to already it stays. */
static gboolean
move_ref (AmendPendingMerge *self,
          const char        *refname,
          const git_oid     *from,
          const git_oid     *to,
          const char        *log,
          GError           **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_reference) ref = NULL;
  git_oid now;
  int rc;

  if (!ref_is_movable (self, refname, from, to, &now, error))
    return FALSE;
  if (git_oid_equal (&now, to))
    return TRUE;
  rc = git_reference_create_matching (&ref, git, refname, to, TRUE, from, log);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot move the branch %s"), short_name (refname));
  return TRUE;
}

static gboolean
head_is (AmendPendingMerge *self,
         const char        *refname)
{
  g_autoptr(git_reference) head = NULL;

  return git_reference_lookup (&head, amend_repository_get_git (self->repo), "HEAD") == 0 &&
         git_reference_type (head) == GIT_REFERENCE_SYMBOLIC &&
         g_strcmp0 (git_reference_symbolic_target (head), refname) == 0;
}

static gboolean
tree_of (git_repository *git,
         const git_oid  *commit_id,
         git_tree      **out)
{
  g_autoptr(git_commit) commit = NULL;

  return git_commit_lookup (&commit, git, commit_id) == 0 && git_commit_tree (out, commit) == 0;
}

/* Whether the working copy's file @path is as @tree has it (absent too). */
static gboolean
file_is (git_repository *git,
         git_tree       *tree,
         const char     *path,
         const git_oid  *workdir_id,
         gboolean        in_workdir)
{
  g_autoptr(git_tree_entry) entry = NULL;

  if (git_tree_entry_bypath (&entry, tree, path) < 0)
    return !in_workdir;
  return in_workdir && git_oid_equal (git_tree_entry_id (entry), workdir_id);
}

static GPtrArray *
paths_between (git_repository *git,
               git_tree       *from,
               git_tree       *to)
{
  g_autoptr(git_diff) diff = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  if (git_diff_tree_to_tree (&diff, git, from, to, NULL) < 0)
    {
      g_ptr_array_unref (paths);
      return NULL;
    }
  for (gsize i = 0; i < git_diff_num_deltas (diff); i++)
    {
      const git_diff_delta *d = git_diff_get_delta (diff, i);
      g_ptr_array_add (paths, g_strdup (d->new_file.path ? d->new_file.path : d->old_file.path));
    }
  return paths;
}

/* Every file that differs between @from and @to must be as one of them
 * has it: as it was, or already as it will be (a kill came in the middle
 * of writing the files).  Anything else was changed by hand. */
/* The id of @path as the index has it, when the file is as the index
 * says: git's own test (the stat data, the file read only when that
 * cannot tell), which spares reading and hashing a large regulation. */
static gboolean
as_indexed (git_repository *git,
            const char     *path,
            git_oid        *id)
{
  g_autoptr(git_index) index = NULL;
  const git_index_entry *entry;
  unsigned int flags = 0;

  if (git_repository_index (&index, git) < 0 || (entry = git_index_get_bypath (index, path, 0)) == NULL ||
      git_status_file (&flags, git, path) < 0)
    return FALSE;
  if ((flags & (GIT_STATUS_WT_NEW | GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_DELETED | GIT_STATUS_WT_TYPECHANGE |
                GIT_STATUS_WT_RENAMED | GIT_STATUS_WT_UNREADABLE | GIT_STATUS_CONFLICTED)) != 0)
    return FALSE;
  git_oid_cpy (id, &entry->id);
  return TRUE;
}

static gboolean
in_tree (git_tree   *tree,
         const char *path)
{
  g_autoptr(git_tree_entry) entry = NULL;

  return git_tree_entry_bypath (&entry, tree, path) == 0;
}

static gboolean
check_files (AmendPendingMerge *self,
             git_tree          *from,
             git_tree          *to,
             GPtrArray         *paths,
             GError           **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  const char *workdir = git_repository_workdir (git);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *full = g_build_filename (workdir, path, NULL);
      gboolean exists = g_file_test (full, G_FILE_TEST_IS_REGULAR);
      git_oid id = { { 0 } };

      if (exists && !as_indexed (git, path, &id) &&
          git_repository_hashfile (&id, git, full, GIT_OBJECT_BLOB, path) < 0)
        return amend_repository_set_git_error (error, -1, _("cannot read %s"), path);
      if (exists && !file_is (git, from, path, &id, exists) && !file_is (git, to, path, &id, exists) &&
          !in_tree (from, path))
        {
          /* A file git does not track, where the merge brings one in. */
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                       _("%s is in the working copy but not in the project, and the merge brings in a file of that "
                         "name; move it elsewhere and run the command again"), path);
          return FALSE;
        }
      if (!file_is (git, from, path, &id, exists) && !file_is (git, to, path, &id, exists))
        {
          g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                       _("%s was changed while the merge was unfinished, and the merge would overwrite it; "
                         "move the changes elsewhere and put the file back with git checkout -- %s"), path, path);
          return FALSE;
        }
    }
  return TRUE;
}

/* Folders a removed file leaves empty go too, as git removes them. */
static void
remove_empty_folders (const char *workdir,
                      const char *full)
{
  g_autofree char *dir = g_path_get_dirname (full);

  while (strlen (dir) > strlen (workdir) && g_rmdir (dir) == 0)
    {
      char *up = g_path_get_dirname (dir);
      g_free (dir);
      dir = up;
    }
}

/* One file as @tree has it: written to PATH.amend-new and renamed over
 * the old one, so that a kill leaves the old file or the new one, never
 * half of one (which would look like an edit by hand); a PATH.amend-new
 * a killed run left is removed first.  Removed when @tree has none.  The
 * bytes come from @merge when it wrote that very blob in this run (a
 * fifth of the rest of an adoption is reading a large regulation back),
 * else from the object database. */
static gboolean
write_file (git_repository *git,
            git_tree       *tree,
            AmendTreeMerge *merge,
            const char     *path,
            GError        **error)
{
  const char *workdir = git_repository_workdir (git);
  g_autofree char *full = g_build_filename (workdir, path, NULL);
  g_autofree char *fresh = g_strconcat (full, ".amend-new", NULL);
  g_autofree char *dir = g_path_get_dirname (full);
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(GError) local = NULL;
  GBytes *written = NULL;
  const char *data;
  gsize size;

  g_remove (fresh);
  if (git_tree_entry_bypath (&entry, tree, path) < 0)
    {
      if (g_remove (full) != 0 && errno != ENOENT)
        return amend_repository_set_git_error (error, -1, _("cannot remove %s"), path);
      remove_empty_folders (workdir, full);
      return TRUE;
    }
  if (merge)
    written = amend_tree_merge_get_written (merge, path, git_tree_entry_id (entry));
  if (written)
    data = g_bytes_get_data (written, &size);
  else if (git_blob_lookup (&blob, git, git_tree_entry_id (entry)) == 0)
    data = git_blob_rawcontent (blob), size = git_blob_rawsize (blob);
  else
    return amend_repository_set_git_error (error, -1, _("cannot read %s"), path);
  g_mkdir_with_parents (dir, 0755);
  if (!g_file_set_contents_full (fresh, data, size,
                                 G_FILE_SET_CONTENTS_NONE,
                                 git_tree_entry_filemode (entry) == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755 : 0644,
                                 &local) ||
      g_rename (fresh, full) != 0)
    {
      g_remove (fresh);
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_FAILED, _("cannot write %s: %s"), path,
                   local ? local->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* The index entry of a file just written from @entry's blob, as git's
 * checkout makes it: the id is known, so the file is not read, hashed and
 * stored once more (a sixth of an adoption's work for a large
 * regulation); its stat data is the file's. */
static int
add_written (git_index            *index,
             const char           *workdir,
             const char           *path,
             const git_tree_entry *entry)
{
  g_autofree char *full = g_build_filename (workdir, path, NULL);
  git_index_entry e = { 0 };
  GStatBuf st;

  if (g_lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
    return git_index_add_bypath (index, path);
  e.ctime.seconds = (int32_t) st.st_ctim.tv_sec;
  e.ctime.nanoseconds = (uint32_t) st.st_ctim.tv_nsec;
  e.mtime.seconds = (int32_t) st.st_mtim.tv_sec;
  e.mtime.nanoseconds = (uint32_t) st.st_mtim.tv_nsec;
  e.dev = (uint32_t) st.st_dev;
  e.ino = (uint32_t) st.st_ino;
  e.mode = git_tree_entry_filemode (entry);
  e.uid = st.st_uid;
  e.gid = st.st_gid;
  e.file_size = (uint32_t) st.st_size;
  git_oid_cpy (&e.id, git_tree_entry_id (entry));
  e.path = path;
  return git_index_add (index, &e);
}

/* The index follows the files just written; it is written whole, through
 * its lock file, once. */
static gboolean
update_index (git_repository *git,
              git_tree       *tree,
              GPtrArray      *paths,
              GError        **error)
{
  g_autoptr(git_index) index = NULL;
  int rc = git_repository_index (&index, git);

  for (guint i = 0; rc == 0 && i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(git_tree_entry) entry = NULL;

      if (git_tree_entry_bypath (&entry, tree, path) == 0)
        rc = add_written (index, git_repository_workdir (git), path, entry);
      else if (git_index_get_bypath (index, path, 0) != NULL)
        rc = git_index_remove_bypath (index, path);
    }
  if (rc == 0)
    rc = git_index_write (index);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("the working copy could not be brought up to date"));
  return TRUE;
}

/* Brings the working copy and the index from @from to @to, when the
 * working copy is on @refname.  Only the files that differ are written. */
static gboolean
sync_or_check (AmendPendingMerge *self,
               const char        *refname,
               const git_oid     *from_id,
               const git_oid     *to_id,
               gboolean           check_only,
               GError           **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_tree) from = NULL;
  g_autoptr(git_tree) to = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  if (git_repository_is_bare (git) || !head_is (self, refname))
    return TRUE;
  if (!tree_of (git, from_id, &from) || !tree_of (git, to_id, &to) || (paths = paths_between (git, from, to)) == NULL)
    return amend_repository_set_git_error (error, -1, _("cannot compare the versions of the working copy"));
  if (paths->len == 0)
    return TRUE;
  if (!check_files (self, from, to, paths, error))
    return FALSE;
  if (check_only)
    return TRUE;
  for (guint i = 0; i < paths->len; i++)
    if (!write_file (git, to, self->merge, g_ptr_array_index (paths, i), error))
      return FALSE;
  return update_index (git, to, paths, error);
}

static gboolean
sync_working_copy (AmendPendingMerge *self,
                   const char        *refname,
                   const git_oid     *from_id,
                   const git_oid     *to_id,
                   GError           **error)
{
  return sync_or_check (self, refname, from_id, to_id, FALSE, error);
}

/* Before either branch moves: the files the merge is to write in the
 * working copy (when it is on one of the branches) must be as the branch
 * has them, so that a file git does not track where the merge brings one
 * in stops it before anything moves, not halfway. */
static gboolean
check_working_copies (AmendPendingMerge *self,
                      const git_oid     *result,
                      GError           **error)
{
  return (!self->has_side || sync_or_check (self, self->side_ref, &self->side_old, &self->side_new, TRUE, error)) &&
         sync_or_check (self, self->target, &self->ours, result, TRUE, error);
}

/* ----------------------------------------------------------------------- */
/* Finishing and undoing                                                    */
/* ----------------------------------------------------------------------- */

static gboolean
finish_refs (AmendPendingMerge *self,
             const git_oid     *result,
             GError           **error)
{
  g_autofree char *log = g_key_file_get_string (self->state, MERGE, "log", NULL);

  git_oid now;

  if (!save_state (self, error))
    return FALSE;
  kill_point ("refs");
  /* Both branches are checked before either moves: a main moved by hand
   * must not leave the amendment saying aangenomen without its merge. */
  if ((self->has_side && !ref_is_movable (self, self->side_ref, &self->side_old, &self->side_new, &now, error)) ||
      !ref_is_movable (self, self->target, &self->ours, result, &now, error))
    return FALSE;
  if (self->has_side &&
      !move_ref (self, self->side_ref, &self->side_old, &self->side_new, log, error))
    return FALSE;
  kill_point ("side-moved");
  if (!move_ref (self, self->target, &self->ours, result, log, error))
    return FALSE;
  kill_point ("target-moved");
  if ((self->has_side && !sync_working_copy (self, self->side_ref, &self->side_old, &self->side_new, error)) ||
      !sync_working_copy (self, self->target, &self->ours, result, error))
    return FALSE;
  kill_point ("synced");
  remove_state (self);
  return TRUE;
}

static gboolean
finish (AmendPendingMerge *self,
        GError           **error)
{
  AmendTreeMerge *merge;
  g_autoptr(git_signature) sig = NULL;
  g_autofree char *message = NULL;
  git_oid result;
  guint open;

  if (g_key_file_has_key (self->state, MERGE, "result", NULL))
    {
      get_oid (self->state, MERGE, "result", &result);
      return check_working_copies (self, &result, error) && finish_refs (self, &result, error);
    }
  merge = amend_pending_merge_get_merge (self, error);
  if (merge == NULL)
    return FALSE;
  open = amend_tree_merge_count_unresolved (merge);
  if (open > 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u conflict is not resolved yet; see it with amend conflicts and resolve it "
                                "with amend resolve",
                                "%u conflicts are not resolved yet; see them with amend conflicts and resolve "
                                "them with amend resolve", open), open);
      return FALSE;
    }
  message = g_key_file_get_string (self->state, MERGE, "message", NULL);
  sig = signature_of (self, error);
  if (sig == NULL || !amend_tree_merge_write_commit (merge, self->target, sig, message ? message : "Merge", &result, error))
    return FALSE;
  kill_point ("objects");
  if (!check_working_copies (self, &result, error))
    return FALSE;
  set_oid (self->state, MERGE, "result", &result);
  g_key_file_set_string (self->state, MERGE, "phase", "refs");
  if (!save_state (self, error))
    return FALSE;
  return finish_refs (self, &result, error);
}

/**
 * amend_pending_merge_continue:
 *
 * Commits the merge once every conflict is resolved, or finishes what a
 * kill interrupted.
 */
gboolean
amend_pending_merge_continue (AmendPendingMerge *self,
                              GError           **error)
{
  g_autoptr(AmendJournal) hold = NULL;

  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), FALSE);

  clear_stale_locks (self);
  if ((hold = amend_journal_hold (self->repo, "continue", error)) == NULL ||
      !amend_repository_check_can_write_full (self->repo, TRUE, TRUE, error))
    return FALSE;
  return finish (self, error);
}

/* Whether @refname is at @back_to, or at @moved_to or past it: whether
 * a merge that was to move it to @moved_to can have done so. */
static gboolean
reached_by (AmendPendingMerge *self,
            const char        *refname,
            const git_oid     *moved_to,
            const git_oid     *back_to)
{
  git_repository *git = amend_repository_get_git (self->repo);
  git_oid now;

  if (git_reference_name_to_id (&now, git, refname) < 0)
    return TRUE;  /* move_ref says what is wrong */
  return git_oid_equal (&now, back_to) || git_oid_equal (&now, moved_to) ||
         git_graph_descendant_of (git, &now, moved_to) == 1;
}

/* Whether @refname is there: one removed with git while the merge waited
 * is not brought back by --abort. */
static gboolean
ref_present (AmendPendingMerge *self,
             const char        *refname)
{
  git_oid id;

  return git_reference_name_to_id (&id, amend_repository_get_git (self->repo), refname) == 0;
}

/**
 * amend_pending_merge_abort:
 *
 * Puts everything back as it was before the merge began: the branches
 * (where they moved), the working copy, and forgets the merge.
 */
gboolean
amend_pending_merge_abort (AmendPendingMerge *self,
                           GError           **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  git_oid result;

  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), FALSE);

  clear_stale_locks (self);
  if ((hold = amend_journal_hold (self->repo, "abort", error)) == NULL ||
      !amend_repository_check_can_write_full (self->repo, TRUE, TRUE, error))
    return FALSE;
  if (get_oid (self->state, MERGE, "result", &result))
    {
      gboolean has_side = self->has_side && ref_present (self, self->side_ref);

      if (!save_state (self, error))
        return FALSE;
      if (!ref_present (self, self->target) || !reached_by (self, self->target, &result, &self->ours))
        {
          /* Main never took the merge (it was moved by hand before the
           * merge could move it, or removed): it stays as it is, and so do
           * its files; the amendment goes back if it had moved. */
          if (has_side && !sync_working_copy (self, self->side_ref, &self->side_new, &self->side_old, error))
            return FALSE;
          if (has_side && !move_ref (self, self->side_ref, &self->side_new, &self->side_old, "amend: abort", error))
            return FALSE;
          remove_state (self);
          return TRUE;
        }
      if (!sync_working_copy (self, self->target, &result, &self->ours, error) ||
          (has_side && !sync_working_copy (self, self->side_ref, &self->side_new, &self->side_old, error)))
        return FALSE;
      kill_point ("abort-synced");
      if (!move_ref (self, self->target, &result, &self->ours, "amend: abort", error))
        return FALSE;
      kill_point ("abort-target");
      if (has_side && !move_ref (self, self->side_ref, &self->side_new, &self->side_old, "amend: abort", error))
        return FALSE;
    }
  remove_state (self);
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Resolving                                                                */
/* ----------------------------------------------------------------------- */

/* The conflict @id names: "EID" when one file has it, "PATH:EID" always. */
static AmendConflict *
find_conflict (AmendTreeMerge *merge,
               const char     *id,
               GError        **error)
{
  GPtrArray *conflicts = amend_tree_merge_get_conflicts (merge);
  AmendConflict *found = NULL;
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *full = g_strdup_printf ("%s:%s", c->path, c->id);

      if (g_strcmp0 (full, id) == 0)
        return c;
      if (g_strcmp0 (c->id, id) == 0)
        {
          found = c;
          n++;
        }
    }
  if (n == 1)
    return found;
  if (n > 1)
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                 _("more than one file has a conflict %s; name it as FILE:%s, as amend conflicts shows"), id, id);
  else
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                 _("there is no conflict %s; amend conflicts lists them"), id);
  return NULL;
}

static void
store_choice (AmendPendingMerge *self,
              AmendConflict     *c,
              AmendResolution    resolution,
              const char        *text)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->state, NULL);
  g_autofree char *group = NULL;
  guint n = 0;

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *path = g_key_file_get_string (self->state, groups[i], "path", NULL);
      g_autofree char *id = g_key_file_get_string (self->state, groups[i], "id", NULL);

      if (!g_str_has_prefix (groups[i], "resolution "))
        continue;
      n++;
      if (g_strcmp0 (path, c->path) == 0 && g_strcmp0 (id, c->id) == 0)
        group = g_strdup (groups[i]);
    }
  if (group == NULL)
    group = g_strdup_printf ("resolution %u", n + 1);
  g_key_file_set_string (self->state, group, "path", c->path);
  g_key_file_set_string (self->state, group, "id", c->id);
  g_key_file_set_string (self->state, group, "how", amend_resolution_to_string (resolution));
  if (text)
    g_key_file_set_string (self->state, group, "text", text);
  else
    g_key_file_remove_key (self->state, group, "text", NULL);
}

/**
 * amend_pending_merge_resolve:
 * @id: the conflict: its id, or PATH:ID
 * @resolved: (out) (optional) (transfer none): the conflict, resolved
 *
 * Decides one conflict.  The merge is made again with the decision to
 * see that it fits (a text must be what the conflict is about) before it
 * is stored.
 */
gboolean
amend_pending_merge_resolve (AmendPendingMerge *self,
                             const char        *id,
                             AmendResolution    resolution,
                             const char        *text,
                             AmendConflict    **resolved,
                             GError           **error)
{
  AmendTreeMerge *merge;
  AmendConflict *c;
  g_autofree char *path = NULL;
  g_autofree char *cid = NULL;
  g_autoptr(AmendTreeMerge) trial = NULL;
  g_autoptr(AmendJournal) hold = NULL;

  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), FALSE);

  if ((hold = amend_journal_hold (self->repo, "resolve", error)) == NULL ||
      !amend_repository_check_can_write_full (self->repo, TRUE, TRUE, error))
    return FALSE;
  if (g_key_file_has_key (self->state, MERGE, "result", NULL))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the merge is already made and only needs finishing; run amend %s --continue"), self->command);
      return FALSE;
    }
  merge = amend_pending_merge_get_merge (self, error);
  if (merge == NULL || (c = find_conflict (merge, id, error)) == NULL)
    return FALSE;
  path = g_strdup (c->path);
  cid = g_strdup (c->id);
  amend_tree_choices_set (self->choices, path, cid, resolution, text);
  trial = amend_merge_commits (self->repo, &self->ours, &self->theirs, self->choices, error);
  if (trial == NULL)
    {
      g_clear_pointer (&self->choices, g_hash_table_unref);
      self->choices = amend_tree_choices_new ();
      load_choices (self);
      return FALSE;
    }
  store_choice (self, c, resolution, text);
  if (!save_state (self, error))
    return FALSE;
  g_set_object (&self->merge, trial);
  if (resolved)
    {
      g_autofree char *full = g_strdup_printf ("%s:%s", path, cid);
      *resolved = find_conflict (self->merge, full, NULL);
    }
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Starting                                                                 */
/* ----------------------------------------------------------------------- */

static gboolean
start_state (AmendPendingMerge     *self,
             const AmendMergeStart *start,
             GError               **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autofree char *log = g_strdup_printf ("amend %s: %.*s", start->command,
                                          (int) strcspn (start->message, "\n"), start->message);

  self->command = g_strdup (start->command);
  self->amendment = g_strdup (start->amendment);
  self->target = g_strdup (start->target);
  if (git_reference_name_to_id (&self->ours, git, start->target) < 0)
    return amend_repository_set_git_error (error, -1, _("cannot read the branch %s"), short_name (start->target));
  g_key_file_set_string (self->state, MERGE, "command", start->command);
  if (start->amendment)
    g_key_file_set_string (self->state, MERGE, "amendment", start->amendment);
  g_key_file_set_string (self->state, MERGE, "target", start->target);
  g_key_file_set_string (self->state, MERGE, "message", start->message);
  g_key_file_set_string (self->state, MERGE, "log", log);
  store_signature (self->state, start->signature);
  set_oid (self->state, MERGE, "ours", &self->ours);
  if (start->side_ref == NULL)
    {
      git_oid_cpy (&self->theirs, start->theirs);
      set_oid (self->state, MERGE, "theirs", &self->theirs);
      return TRUE;
    }
  self->has_side = TRUE;
  self->side_ref = g_strdup (start->side_ref);
  if (git_reference_name_to_id (&self->side_old, git, start->side_ref) < 0)
    return amend_repository_set_git_error (error, -1, _("cannot read the branch %s"), short_name (start->side_ref));
  g_key_file_set_string (self->state, SIDE, "ref", start->side_ref);
  set_oid (self->state, SIDE, "old", &self->side_old);
  g_key_file_set_string (self->state, SIDE, "path", start->side_path);
  g_key_file_set_string (self->state, SIDE, "data", start->side_data);
  g_key_file_set_string (self->state, SIDE, "message", start->side_message);
  if (!write_side (self, &self->side_new, error))
    return FALSE;
  git_oid_cpy (&self->theirs, &self->side_new);
  set_oid (self->state, SIDE, "new", &self->side_new);
  set_oid (self->state, MERGE, "theirs", &self->theirs);
  return TRUE;
}

/**
 * amend_pending_merge_start:
 * @outcome: (out): whether the merge is done, waits for conflicts to be
 *   resolved, or had nothing to merge
 *
 * Begins a merge (the caller has checked that the repository may be
 * written) and finishes it when it is clean.
 *
 * Returns: (transfer full): the merge, or %NULL with @error set.
 */
AmendPendingMerge *
amend_pending_merge_start (AmendRepository       *repo,
                           const AmendMergeStart *start,
                           AmendMergeOutcome     *outcome,
                           GError               **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(AmendPendingMerge) self = NULL;
  AmendTreeMerge *merge;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  /* One merge at a time: it writes state.ini and moves branches that
   * another Amend may be moving too (see amend-journal.h). */
  if ((hold = amend_journal_hold (repo, start->command, error)) == NULL)
    return NULL;
  self = pending_new (repo);
  if (!start_state (self, start, error) || (merge = amend_pending_merge_get_merge (self, error)) == NULL)
    return NULL;
  if (amend_tree_merge_is_contained (merge))
    {
      *outcome = AMEND_MERGE_OUTCOME_UP_TO_DATE;
      return g_steal_pointer (&self);
    }
  if (start->refuse_unchanged && !amend_tree_merge_changes_text (merge))
    {
      /* The decision's commit is an object no branch names yet: nothing
       * else was written. */
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d changes nothing in %s: %s already holds every change "
                     "it makes (the same text saved there, or copied with git), so adopting it would make an empty "
                     "merge; withdraw it with amend withdraw %s"),
                   start->amendment, short_name (start->target), short_name (start->target), start->amendment);
      return NULL;
    }
  if (amend_tree_merge_count_unresolved (merge) > 0)
    {
      g_key_file_set_string (self->state, MERGE, "phase", "conflicts");
      if (!save_state (self, error))
        return NULL;
      *outcome = AMEND_MERGE_OUTCOME_CONFLICTS;
      return g_steal_pointer (&self);
    }
  if (!finish (self, error))
    return NULL;
  *outcome = AMEND_MERGE_OUTCOME_DONE;
  return g_steal_pointer (&self);
}

const char *
amend_pending_merge_get_command (AmendPendingMerge *self)
{
  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), NULL);
  return self->command;
}

const char *
amend_pending_merge_get_amendment (AmendPendingMerge *self)
{
  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), NULL);
  return self->amendment;
}

/* The branch merged into, without refs/heads/. */
const char *
amend_pending_merge_get_target (AmendPendingMerge *self)
{
  g_return_val_if_fail (AMEND_IS_PENDING_MERGE (self), NULL);
  return short_name (self->target);
}
