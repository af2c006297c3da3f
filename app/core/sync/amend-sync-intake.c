/* amend-sync-intake.c: taking incoming branches into a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a package or a remote brings is decided branch by branch, the same
 * way for both:
 *
 *   not here                        new: the branch is made
 *   here, the same                  unchanged
 *   here, and has all of it         kept (this project is ahead)
 *   already here under another name (an earlier import of a diverged one)
 *   here, and it only adds to it    fast-forwarded
 *   both changed it                 both kept: the incoming one under a new
 *                                   slug, with its record moved there by one
 *                                   commit, so that amend list shows both;
 *                                   main (a pull only): merged, last
 *
 * The plan reads and writes objects only; apply moves each ref with a
 * compare-and-swap (libgit2 writes a lock file and renames it), so a kill
 * leaves every ref old or new.  When the branch the working copy is on
 * moves, the files follow after the ref; a marker in .git/amend/ says so
 * until they have, and the next sync command finishes a checkout a kill
 * interrupted.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-sync-private.h"

#define MARKER "amend/sync-checkout"
#define AMENDMENT_REFS "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX

typedef struct {
  AmendSyncChangeKind kind;
  char     *branch;        /* incoming short name */
  char     *slug;          /* NULL for main */
  git_oid   incoming;
  gboolean  has_local;
  git_oid   local;
  char     *target_branch; /* short name the ref is written to */
  git_oid   target;
  char     *kept_as;
  char     *title;
  guint     commits;
  guint     comments;
  guint     new_comments;
  gboolean  is_head;
  char     *left_out;      /* NOT_TAKEN: why */
} Entry;

struct _AmendIntake {
  AmendRepository *repo;
  git_repository  *git;
  char            *upstream;
  GPtrArray       *entries;
  char            *head_branch;
  gboolean         has_main;
  git_oid          main;
  gboolean         has_incoming_main;
  git_oid          incoming_main;  /* the remote's draft a pull brings along */
  char            *main_branch;
  GPtrArray       *local_names;  /* amendment branches here, short names */
  GArray          *local_ids;
};

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->branch);
  g_free (e->slug);
  g_free (e->target_branch);
  g_free (e->kept_as);
  g_free (e->title);
  g_free (e->left_out);
  g_free (e);
}

AmendIntake *
amend_intake_new (AmendRepository *repo,
                  const char      *upstream_remote)
{
  AmendIntake *intake = g_new0 (AmendIntake, 1);

  intake->repo = g_object_ref (repo);
  intake->git = amend_repository_get_git (repo);
  intake->upstream = g_strdup (upstream_remote);
  intake->entries = g_ptr_array_new_with_free_func (entry_free);
  intake->local_names = g_ptr_array_new_with_free_func (g_free);
  intake->local_ids = g_array_new (FALSE, FALSE, sizeof (git_oid));
  return intake;
}

void
amend_intake_free (AmendIntake *intake)
{
  if (intake == NULL)
    return;
  g_ptr_array_unref (intake->entries);
  g_ptr_array_unref (intake->local_names);
  g_array_unref (intake->local_ids);
  g_free (intake->upstream);
  g_free (intake->head_branch);
  g_free (intake->main_branch);
  g_object_unref (intake->repo);
  g_free (intake);
}

void
amend_intake_add (AmendIntake   *intake,
                  const char    *branch,
                  const git_oid *id)
{
  Entry *e = g_new0 (Entry, 1);

  g_autofree char *refname = g_strconcat ("refs/heads/", branch, NULL);

  e->branch = g_strdup (branch);
  if (g_str_has_prefix (branch, AMEND_AMENDMENT_BRANCH_PREFIX))
    {
      e->slug = g_strdup (branch + strlen (AMEND_AMENDMENT_BRANCH_PREFIX));
      /* A package with such a name was refused whole before. */
      if ((e->left_out = amend_sync_amendment_ref_problem (refname)) != NULL)
        e->kind = AMEND_SYNC_NOT_TAKEN;
    }
  e->incoming = *id;
  g_ptr_array_add (intake->entries, e);
}

/* ----------------------------------------------------------------------- */
/* Reading what a commit holds                                              */
/* ----------------------------------------------------------------------- */

static GBytes *
blob_at (git_repository *repo,
         const git_oid  *commit_id,
         const char     *path)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;

  if (git_commit_lookup (&commit, repo, commit_id) < 0 || git_commit_tree (&tree, commit) < 0 ||
      git_tree_entry_bypath (&entry, tree, path) < 0 ||
      git_blob_lookup (&blob, repo, git_tree_entry_id (entry)) < 0)
    return NULL;
  return g_bytes_new (git_blob_rawcontent (blob), (gsize) git_blob_rawsize (blob));
}

char *
amend_sync_title_at (git_repository *repo,
                     const git_oid  *commit,
                     const char     *slug)
{
  g_autofree char *path = amend_amendment_record_path (slug);
  g_autoptr(GBytes) data = blob_at (repo, commit, path);
  g_autoptr(AmendAmendment) record = NULL;
  gsize len;
  const char *text;

  if (data == NULL)
    return g_strdup (slug);
  text = g_bytes_get_data (data, &len);
  record = amend_amendment_new_from_data (slug, text, len, NULL);
  return g_strdup (record ? amend_amendment_get_title (record) : slug);
}

/* The comment files of an amendment (opmerkingen/ next to its record). */
static GHashTable *
comments_at (git_repository *repo,
             const git_oid  *commit_id,
             const char     *slug)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = g_strdup_printf (AMEND_AMENDMENT_RECORD_DIR "/%s/opmerkingen", slug);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_tree) comments = NULL;

  if (commit_id == NULL || git_commit_lookup (&commit, repo, commit_id) < 0 || git_commit_tree (&tree, commit) < 0 ||
      git_tree_entry_bypath (&entry, tree, dir) < 0 ||
      git_tree_lookup (&comments, repo, git_tree_entry_id (entry)) < 0)
    return ids;
  for (size_t i = 0; i < git_tree_entrycount (comments); i++)
    {
      const git_tree_entry *e = git_tree_entry_byindex (comments, i);

      if (git_tree_entry_type (e) == GIT_OBJECT_BLOB)
        g_hash_table_add (ids, g_strdup (git_tree_entry_name (e)));
    }
  return ids;
}

static void
count_comments (AmendIntake *intake,
                Entry       *e)
{
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) before = NULL;
  GHashTableIter iter;
  gpointer key;

  if (e->slug == NULL)
    return;
  now = comments_at (intake->git, &e->incoming, e->slug);
  before = comments_at (intake->git, e->has_local ? &e->local : NULL, e->slug);
  e->comments = g_hash_table_size (now);
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (before, key))
      e->new_comments++;
}

static guint
count_ahead (git_repository *repo,
             const git_oid  *tip,
             const git_oid  *base)
{
  g_autoptr(git_revwalk) walk = NULL;
  git_oid id;
  guint n = 0;

  if (base != NULL)
    return amend_sync_count_ahead (repo, tip, base);
  if (git_revwalk_new (&walk, repo) < 0 || git_revwalk_push (walk, tip) < 0)
    return 0;
  while (git_revwalk_next (&id, walk) == 0)
    n++;
  return n;
}

/* ----------------------------------------------------------------------- */
/* The plan                                                                 */
/* ----------------------------------------------------------------------- */

static gboolean
load_local (AmendIntake *intake,
            GError     **error)
{
  g_autoptr(git_reference_iterator) iter = NULL;
  git_reference *ref;
  g_autofree char *head = NULL;
  int rc;

  if (amend_repository_get_head (intake->repo, &head) == AMEND_HEAD_BRANCH && !amend_repository_is_bare (intake->repo))
    intake->head_branch = g_steal_pointer (&head);
  intake->main_branch = amend_repository_dup_main_branch (intake->repo, NULL);
  if (intake->main_branch != NULL)
    {
      g_autofree char *refname = g_strconcat ("refs/heads/", intake->main_branch, NULL);

      intake->has_main = git_reference_name_to_id (&intake->main, intake->git, refname) == 0;
    }
  if ((rc = git_reference_iterator_glob_new (&iter, intake->git, AMENDMENT_REFS "*")) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the amendments of the project"));
  while (git_reference_next (&ref, iter) == 0)
    {
      g_autoptr(git_reference) resolved = NULL;

      if (git_reference_resolve (&resolved, ref) == 0)
        {
          g_ptr_array_add (intake->local_names, g_strdup (git_reference_name (ref) + strlen ("refs/heads/")));
          g_array_append_val (intake->local_ids, *git_reference_target (resolved));
        }
      git_reference_free (ref);
    }
  return TRUE;
}

/* Another amendment branch here that already holds the incoming one: a
 * diverged one kept before under a new slug, whose record moved there.  A
 * subamendment built on it holds it too, but with its record where it was:
 * that amendment itself is not here yet, and is made. */
static const char *
held_elsewhere (AmendIntake *intake,
                Entry       *e)
{
  g_autofree char *record = amend_amendment_record_path (e->slug);

  /* A branch with no versions of its own (made with git at main) is held
   * by every amendment: no copy of it was ever kept under another name. */
  if (intake->has_main && amend_sync_contains (intake->git, &intake->main, &e->incoming))
    return NULL;
  for (guint i = 0; i < intake->local_names->len; i++)
    {
      const char *name = g_ptr_array_index (intake->local_names, i);
      const git_oid *tip = &g_array_index (intake->local_ids, git_oid, i);
      g_autoptr(GBytes) own = NULL;

      if (g_strcmp0 (name, e->branch) == 0 || !amend_sync_contains (intake->git, tip, &e->incoming))
        continue;
      own = blob_at (intake->git, tip, record);
      if (own == NULL)
        return name;
    }
  return NULL;
}

/* A branch here that git cannot keep beside amendement/@slug: one under
 * its name (amendement/SLUG/..., made with git) or amendement itself, as
 * git keeps branches as files and folders.  NULL when there is none. */
static char *
branch_in_the_way (AmendIntake *intake,
                   const char  *slug)
{
  g_autofree char *glob = g_strconcat (AMENDMENT_REFS, slug, "/*", NULL);
  g_autofree char *folder = g_strndup (AMENDMENT_REFS, strlen (AMENDMENT_REFS) - 1);
  g_autoptr(git_reference_iterator) iter = NULL;
  g_autoptr(git_reference) ref = NULL;
  git_reference *beneath = NULL;
  char *name = NULL;

  if (git_reference_lookup (&ref, intake->git, folder) == 0)
    return g_strdup (folder + strlen ("refs/heads/"));
  if (git_reference_iterator_glob_new (&iter, intake->git, glob) == 0 && git_reference_next (&beneath, iter) == 0)
    {
      name = g_strdup (git_reference_name (beneath) + strlen ("refs/heads/"));
      git_reference_free (beneath);
    }
  return name;
}

static gboolean
check_room (AmendIntake *intake,
            Entry       *e,
            GError     **error)
{
  g_autofree char *other = branch_in_the_way (intake, e->slug);

  if (other == NULL)
    return TRUE;
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NO_ROOM,
               _("nothing was taken: the branch %s here leaves no room for the incoming %s (git cannot keep a branch "
                 "and branches under its name side by side); give it another name with git branch -m %s NEW-NAME, "
                 "then try again"), other, e->branch, other);
  return FALSE;
}

static gboolean
branch_taken (AmendIntake *intake,
              const char  *slug)
{
  g_autofree char *refname = g_strconcat (AMENDMENT_REFS, slug, NULL);
  g_autoptr(git_reference) ref = NULL;
  int valid = 0;

  if (git_reference_name_is_valid (&valid, refname) < 0 || !valid)
    return TRUE;
  if (git_reference_lookup (&ref, intake->git, refname) == 0)
    return TRUE;
  {
    g_autofree char *other = branch_in_the_way (intake, slug);

    if (other != NULL)
      return TRUE;
  }
  for (guint i = 0; i < intake->entries->len; i++)
    {
      Entry *other = g_ptr_array_index (intake->entries, i);

      if (g_strcmp0 (other->target_branch ? other->target_branch + strlen (AMEND_AMENDMENT_BRANCH_PREFIX) : other->slug,
                     slug) == 0)
        return TRUE;
    }
  /* An archived record on main (an amendment decided before) keeps its slug. */
  if (intake->has_main)
    {
      g_autofree char *record = amend_amendment_record_path (slug);
      g_autoptr(GBytes) data = blob_at (intake->git, &intake->main, record);

      if (data != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
free_slug (AmendIntake *intake,
           const char  *slug)
{
  for (guint n = 2; n < 10000; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", slug, n);

      if (!branch_taken (intake, candidate))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_treebuilder, git_treebuilder_free)

/* @tree with the folder @path (a/b/c) replaced by the tree @id; the
 * folders above it are written anew. */
static int
tree_with (git_repository *repo,
           git_tree       *tree,
           const char     *path,
           const git_oid  *id,
           git_oid        *out)
{
  g_autoptr(git_treebuilder) builder = NULL;
  const char *slash = strchr (path, '/');
  int rc;

  if ((rc = git_treebuilder_new (&builder, repo, tree)) < 0)
    return rc;
  if (slash == NULL)
    rc = git_treebuilder_insert (NULL, builder, path, id, GIT_FILEMODE_TREE);
  else
    {
      g_autofree char *name = g_strndup (path, (gsize) (slash - path));
      const git_tree_entry *entry = git_treebuilder_get (builder, name);
      g_autoptr(git_tree) sub = NULL;
      git_oid sub_id;

      if (entry != NULL && git_tree_entry_type (entry) == GIT_OBJECT_TREE &&
          (rc = git_tree_lookup (&sub, repo, git_tree_entry_id (entry))) < 0)
        return rc;
      if ((rc = tree_with (repo, sub, slash + 1, id, &sub_id)) < 0)
        return rc;
      rc = git_treebuilder_insert (NULL, builder, name, &sub_id, GIT_FILEMODE_TREE);
    }
  if (rc < 0)
    return rc;
  return git_treebuilder_write (out, builder);
}

static git_signature *
rename_signature (AmendIntake *intake,
                  git_commit  *tip)
{
  const git_signature *committer = git_commit_committer (tip);
  g_autofree char *fallback = g_strdup_printf ("%s <%s>", committer->name, committer->email);
  git_signature *sig = amend_repository_make_signature (intake->repo, NULL, fallback, NULL, NULL);

  if (sig == NULL)
    git_signature_now (&sig, "Amend", "amend@localhost");
  return sig;
}

/* The incoming amendment under the slug @kept: one commit on its tip that
 * moves its record (and comments) to .amend/amendementen/KEPT/. */
static gboolean
keep_as (AmendIntake *intake,
         Entry       *e,
         const char  *kept,
         GError     **error)
{
  g_autofree char *from = g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", e->slug, NULL);
  g_autofree char *message = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) record = NULL;
  g_autoptr(git_tree) moved = NULL;
  g_autoptr(git_tree_entry) dir_entry = NULL;
  g_autoptr(git_tree) dir = NULL;
  g_autoptr(git_treebuilder) builder = NULL;
  g_autoptr(git_signature) sig = NULL;
  const git_commit *parents[1];
  git_oid dir_id, tree_id;
  int rc;

  g_free (e->target_branch);
  e->target_branch = g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, kept, NULL);
  e->kept_as = g_strdup (e->target_branch);
  if ((rc = git_commit_lookup (&tip, intake->git, &e->incoming)) < 0 || (rc = git_commit_tree (&tree, tip)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the incoming amendment %s"), e->branch);
  if (git_tree_entry_bypath (&record, tree, from) < 0 || git_tree_entry_type (record) != GIT_OBJECT_TREE)
    {
      /* A branch made with git, without a record: nothing to move. */
      e->target = e->incoming;
      return TRUE;
    }
  /* One new folder .amend/amendementen (the record renamed in it), and
   * new trees above it: no tree is written that nothing uses. */
  if ((rc = git_tree_entry_bypath (&dir_entry, tree, AMEND_AMENDMENT_RECORD_DIR)) < 0 ||
      (rc = git_tree_lookup (&dir, intake->git, git_tree_entry_id (dir_entry))) < 0 ||
      (rc = git_treebuilder_new (&builder, intake->git, dir)) < 0 ||
      (rc = git_treebuilder_remove (builder, e->slug)) < 0 ||
      (rc = git_treebuilder_insert (NULL, builder, kept, git_tree_entry_id (record), GIT_FILEMODE_TREE)) < 0 ||
      (rc = git_treebuilder_write (&dir_id, builder)) < 0 ||
      (rc = tree_with (intake->git, tree, AMEND_AMENDMENT_RECORD_DIR, &dir_id, &tree_id)) < 0 ||
      (rc = git_tree_lookup (&moved, intake->git, &tree_id)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot keep the incoming amendment %s"), e->branch);
  sig = rename_signature (intake, tip);
  message = g_strdup_printf (_("Keep the incoming amendment %s as %s\n\nIt changed here and there; the one that was "
                               "here is kept as it was.\n"), e->slug, kept);
  parents[0] = tip;
  rc = git_commit_create (&e->target, intake->git, NULL, sig, sig, NULL, message, moved, 1, parents);
  if (rc < 0)
    return amend_sync_set_git_error (error, rc, _("cannot keep the incoming amendment %s"), e->branch);
  return TRUE;
}

static gboolean
check_related (AmendIntake *intake,
               Entry       *e,
               GError     **error)
{
  git_oid base;
  const git_oid *ours = e->has_local ? &e->local : (intake->has_main ? &intake->main : NULL);

  if (ours == NULL || amend_sync_branch_point (intake->git, &e->incoming, ours, &base, NULL))
    return TRUE;
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_UNRELATED,
               _("%s shares no version with this project: it belongs to another regulation; "
                 "take it into the project it was made from"), e->branch);
  return FALSE;
}

typedef struct {
  GPtrArray *conflicts;
} DryRun;

static int
note_conflict (git_checkout_notify_t why,
               const char           *path,
               const git_diff_file  *baseline,
               const git_diff_file  *target,
               const git_diff_file  *workdir,
               void                 *payload)
{
  DryRun *run = payload;

  g_ptr_array_add (run->conflicts, g_strdup (path));
  return 0;
}

/* Checks out @new_id's tree over @old_id's: SAFE, so a file with unsaved
 * changes that the new version also changes stops it. */
static gboolean
checkout_between (git_repository *repo,
                  const git_oid  *old_tree_id,
                  const git_oid  *new_tree_id,
                  gboolean        dry_run,
                  const char     *branch,
                  GError        **error)
{
  git_checkout_options opts = GIT_CHECKOUT_OPTIONS_INIT;
  DryRun run = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GPtrArray) conflicts = run.conflicts;
  g_autoptr(git_tree) old_tree = NULL;
  g_autoptr(git_tree) new_tree = NULL;
  int rc;

  if ((rc = git_tree_lookup (&old_tree, repo, old_tree_id)) < 0 || (rc = git_tree_lookup (&new_tree, repo, new_tree_id)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the new version of %s"), branch);
  opts.checkout_strategy = GIT_CHECKOUT_SAFE | (dry_run ? GIT_CHECKOUT_DRY_RUN : 0);
  opts.baseline = old_tree;
  opts.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
  opts.notify_cb = note_conflict;
  opts.notify_payload = &run;
  rc = git_checkout_tree (repo, (git_object *) new_tree, &opts);
  if (rc == GIT_ECONFLICT || conflicts->len > 0)
    {
      g_ptr_array_add (conflicts, NULL);
      g_autofree char *names = g_strjoinv (", ", (char **) conflicts->pdata);

      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                   _("cannot bring %s up to date: %s has changes that are not saved, and the new version changes it "
                     "too; save them with amend save or undo them, then try again"), branch, names);
      return FALSE;
    }
  if (rc < 0)
    return amend_sync_set_git_error (error, rc, _("cannot update the files of %s"), branch);
  return TRUE;
}

static gboolean
tree_of (git_repository *repo,
         const git_oid  *commit_id,
         git_oid        *out)
{
  g_autoptr(git_commit) commit = NULL;

  if (git_commit_lookup (&commit, repo, commit_id) < 0)
    return FALSE;
  *out = *git_commit_tree_id (commit);
  return TRUE;
}

static gboolean
plan_fast_forward (AmendIntake *intake,
                   Entry       *e,
                   GError     **error)
{
  git_oid old_tree, new_tree;

  e->kind = AMEND_SYNC_UPDATED;
  e->target = e->incoming;
  e->commits = count_ahead (intake->git, &e->incoming, &e->local);
  e->is_head = g_strcmp0 (intake->head_branch, e->target_branch) == 0;
  if (!e->is_head)
    return TRUE;
  if (!tree_of (intake->git, &e->local, &old_tree) || !tree_of (intake->git, &e->incoming, &new_tree))
    return amend_sync_set_git_error (error, -1, _("cannot read the new version of %s"), e->branch);
  return checkout_between (intake->git, &old_tree, &new_tree, TRUE, e->branch, error);
}

/* The record @e brings must be one Amend reads, as amend list reads it
 * (a record that is no file reads as empty): one it cannot read would stop
 * the list of every amendment in this project, and the order, the
 * collisions and the window with it. */
static gboolean
check_record (AmendIntake *intake,
              Entry       *e,
              GError     **error)
{
  g_autofree char *path = amend_amendment_record_path (e->slug);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(AmendAmendment) record = NULL;

  if (git_commit_lookup (&commit, intake->git, &e->incoming) < 0 || git_commit_tree (&tree, commit) < 0 ||
      git_tree_entry_bypath (&entry, tree, path) < 0)
    return TRUE;  /* a branch made with git, without a record */
  if (git_tree_entry_type (entry) == GIT_OBJECT_BLOB && git_blob_lookup (&blob, intake->git, git_tree_entry_id (entry)) == 0)
    record = amend_amendment_new_from_data (e->slug, (const char *) git_blob_rawcontent (blob), (gsize) git_blob_rawsize (blob), NULL);
  else
    record = amend_amendment_new_from_data (e->slug, "", 0, NULL);
  if (record != NULL)
    return TRUE;
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FORBIDDEN_REF,
               _("nothing was taken: the incoming %s has a record, %s, that Amend cannot read, which would stop "
                 "the list of amendments here; ask whoever made it to correct the record (amend list there says "
                 "what is wrong with it) and send it again"),
               e->branch, path);
  return FALSE;
}

static gboolean
plan_entry (AmendIntake  *intake,
            Entry        *e,
            GError      **error)
{
  g_autofree char *refname = g_strconcat ("refs/heads/", e->branch, NULL);
  g_autoptr(git_commit) commit = NULL;
  const char *elsewhere;
  int rc;

  if ((rc = git_commit_lookup (&commit, intake->git, &e->incoming)) < 0)
    return amend_sync_set_git_error (error, rc, _("%s does not point at a version"), e->branch);
  e->has_local = git_reference_name_to_id (&e->local, intake->git, refname) == 0;
  e->target_branch = g_strdup (e->branch);
  e->title = e->slug ? amend_sync_title_at (intake->git, &e->incoming, e->slug) : NULL;
  count_comments (intake, e);
  if (!check_related (intake, e, error))
    return FALSE;

  if (e->has_local && git_oid_equal (&e->local, &e->incoming))
    e->kind = AMEND_SYNC_UNCHANGED;
  else if (e->has_local && amend_sync_contains (intake->git, &e->local, &e->incoming))
    e->kind = AMEND_SYNC_LOCAL_NEWER;
  else if (e->slug && (elsewhere = held_elsewhere (intake, e)) != NULL)
    {
      e->kind = AMEND_SYNC_ALREADY_AS;
      e->kept_as = g_strdup (elsewhere);
    }
  else if (!e->has_local)
    {
      git_oid base;

      e->kind = AMEND_SYNC_NEW;
      e->target = e->incoming;
      if (e->slug != NULL && !check_room (intake, e, error))
        return FALSE;
      /* Its own versions: counted from the draft it comes with, else the
       * versions of the remote's draft the pull brings too were counted
       * again for every new amendment made on it. */
      if (!(intake->has_incoming_main &&
            amend_sync_branch_point (intake->git, &e->incoming, &intake->incoming_main, &base, &e->commits)) &&
          (!intake->has_main || !amend_sync_branch_point (intake->git, &e->incoming, &intake->main, &base, &e->commits)))
        e->commits = count_ahead (intake->git, &e->incoming, NULL);
    }
  else if (amend_sync_contains (intake->git, &e->incoming, &e->local))
    return plan_fast_forward (intake, e, error);
  else if (e->slug == NULL)
    {
      /* Merged last, in apply; only a pull brings main. */
      e->kind = AMEND_SYNC_MERGED;
      e->commits = count_ahead (intake->git, &e->incoming, &e->local);
      return amend_sync_check_can_merge (intake->repo, e->branch, error);
    }
  else
    {
      g_autofree char *kept = free_slug (intake, e->slug);

      e->kind = AMEND_SYNC_DIVERGED;
      e->commits = count_ahead (intake->git, &e->incoming, &e->local);
      if (kept == NULL)
        return amend_sync_set_git_error (error, -1, _("no free name is left for the incoming amendment %s"), e->branch);
      return keep_as (intake, e, kept, error);
    }
  return TRUE;
}

gboolean
amend_intake_plan (AmendIntake  *intake,
                   AmendSyncJob *job,
                   GError      **error)
{
  if (!load_local (intake, error))
    return FALSE;
  /* A new project (package open): the incoming main is the draft the
   * amendments are counted from. */
  for (guint i = 0; i < intake->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (intake->entries, i);

      if (e->slug == NULL && e->left_out == NULL)
        {
          intake->has_incoming_main = TRUE;
          intake->incoming_main = e->incoming;
          if (!intake->has_main)
            {
              intake->has_main = TRUE;
              intake->main = e->incoming;
            }
        }
    }
  for (guint i = 0; i < intake->entries->len; i++)
    {
      if (amend_sync_job_is_cancelled (job))
        return amend_sync_job_set_cancelled_error (job, error);
      Entry *e = g_ptr_array_index (intake->entries, i);

      if (e->left_out != NULL)
        continue;
      if (!plan_entry (intake, e, error))
        return FALSE;
      if (e->slug != NULL && (e->kind == AMEND_SYNC_NEW || e->kind == AMEND_SYNC_UPDATED ||
                              e->kind == AMEND_SYNC_DIVERGED) && !check_record (intake, e, error))
        {
          /* A package is the sender's to correct; a remote is shared, and
           * one damaged amendment there does not stop a pull or a clone. */
          if (intake->upstream == NULL)
            return FALSE;
          g_clear_error (error);
          e->kind = AMEND_SYNC_NOT_TAKEN;
          e->is_head = FALSE;
          e->left_out = g_strdup (_("Amend cannot read its record, which would stop the list of amendments here; "
                                    "ask whoever made it to correct the record and push it again"));
        }
    }
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Applying it                                                              */
/* ----------------------------------------------------------------------- */

static char *
marker_path (git_repository *repo)
{
  return g_build_filename (git_repository_path (repo), MARKER, NULL);
}

static gboolean
write_marker (git_repository *repo,
              const char     *branch,
              const git_oid  *old_tree,
              const git_oid  *new_tree,
              GError        **error)
{
  g_autofree char *path = marker_path (repo);
  g_autofree char *dir = g_path_get_dirname (path);
  char old_hex[GIT_OID_HEXSZ + 1], new_hex[GIT_OID_HEXSZ + 1];
  g_autofree char *text = NULL;

  git_oid_tostr (old_hex, sizeof old_hex, old_tree);
  git_oid_tostr (new_hex, sizeof new_hex, new_tree);
  text = g_strdup_printf ("%s\n%s\n%s\n", branch, old_hex, new_hex);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot create %s"), dir);
      return FALSE;
    }
  return g_file_set_contents (path, text, -1, error);
}

static gboolean
move_ref (AmendIntake *intake,
          Entry       *e,
          GError     **error)
{
  g_autofree char *refname = g_strconcat ("refs/heads/", e->target_branch, NULL);
  g_autofree char *log = g_strdup_printf ("amend: %s %s", intake->upstream ? "pull" : "package import", e->branch);
  g_autoptr(git_reference) ref = NULL;
  int rc;

  if (e->kind == AMEND_SYNC_UPDATED)
    rc = git_reference_create_matching (&ref, intake->git, refname, &e->target, 1, &e->local, log);
  else
    rc = git_reference_create (&ref, intake->git, refname, &e->target, 0, log);
  if (rc == GIT_EEXISTS || rc == GIT_EMODIFIED)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED,
                   _("another program changed %s at the same time; run the command again"), e->target_branch);
      return FALSE;
    }
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot update %s"), e->target_branch);
  /* A branch that came from a remote follows it, as git clone sets up. */
  if (intake->upstream && e->kind == AMEND_SYNC_NEW)
    {
      g_autofree char *upstream = g_strdup_printf ("%s/%s", intake->upstream, e->branch);

      git_branch_set_upstream (ref, upstream);
    }
  return TRUE;
}

static gboolean
advance_head (AmendIntake *intake,
              Entry       *e,
              GError     **error)
{
  g_autofree char *marker = marker_path (intake->git);
  git_oid old_tree, new_tree;

  if (!tree_of (intake->git, &e->local, &old_tree) || !tree_of (intake->git, &e->incoming, &new_tree))
    return amend_sync_set_git_error (error, -1, _("cannot read the new version of %s"), e->branch);
  if (!write_marker (intake->git, e->target_branch, &old_tree, &new_tree, error) || !move_ref (intake, e, error))
    {
      g_unlink (marker);
      return FALSE;
    }
  if (!checkout_between (intake->git, &old_tree, &new_tree, FALSE, e->branch, error))
    return FALSE;
  g_unlink (marker);
  return TRUE;
}

static gboolean
merge_main (AmendIntake *intake,
            Entry       *e,
            GError     **error)
{
  AmendMergeOutcome outcome = AMEND_MERGE_OUTCOME_DONE;

  if (!amend_sync_merge_main (intake->repo, intake->upstream ? intake->upstream : "", e->target_branch,
                              &e->local, &e->incoming, &outcome, &e->target, error))
    return FALSE;
  if (outcome == AMEND_MERGE_OUTCOME_CONFLICTS)
    e->kind = AMEND_SYNC_MERGE_STOPPED;
  return TRUE;
}

static void
report_entry (AmendSyncReport *report,
              Entry           *e)
{
  AmendSyncChange *change = amend_sync_change_new (e->kind, e->branch);
  char hex[GIT_OID_HEXSZ + 1];

  change->kept_as = g_strdup (e->kept_as);
  change->message = g_strdup (e->left_out);
  change->title = g_strdup (e->title);
  change->commits = e->commits;
  change->comments = e->comments;
  change->new_comments = e->new_comments;
  if (e->has_local)
    change->old_id = g_strdup (git_oid_tostr (hex, sizeof hex, &e->local));
  /* A merge commit is the new version; a stopped merge made none. */
  if (e->kind == AMEND_SYNC_MERGED)
    change->new_id = g_strdup (git_oid_tostr (hex, sizeof hex, &e->target));
  else
    change->new_id = g_strdup (git_oid_tostr (hex, sizeof hex, &e->incoming));
  g_ptr_array_add (report->changes, change);
}

static gboolean
writes_ref (Entry *e)
{
  return e->kind == AMEND_SYNC_NEW || e->kind == AMEND_SYNC_UPDATED || e->kind == AMEND_SYNC_DIVERGED;
}

gboolean
amend_intake_apply (AmendIntake     *intake,
                    AmendSyncJob    *job,
                    AmendSyncReport *report,
                    GError         **error)
{
  Entry *head = NULL;
  Entry *merged = NULL;

  for (guint i = 0; i < intake->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (intake->entries, i);

      if (e->is_head && e->kind == AMEND_SYNC_UPDATED)
        head = e;
      else if (writes_ref (e) && !move_ref (intake, e, error))
        return FALSE;
      if (e->kind == AMEND_SYNC_MERGED)
        merged = e;
      else
        report_entry (report, e);
    }
  /* The working copy last: every ref is in place when its files move. */
  if (head != NULL && !advance_head (intake, head, error))
    return FALSE;
  /* Two drafts joined after all else: a kill before leaves a pull to do
   * again, one in it a merge that --continue or --abort finishes. */
  if (merged != NULL)
    {
      if (!merge_main (intake, merged, error))
        return FALSE;
      report_entry (report, merged);
    }
  amend_sync_report_sort (report);
  return TRUE;
}

gboolean
amend_intake_recover (AmendRepository *repo,
                      GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autofree char *marker = marker_path (git);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *head = NULL;
  g_autofree char *refname = NULL;
  git_oid old_tree, new_tree, tip, tip_tree;

  if (!g_file_get_contents (marker, &text, NULL, NULL))
    return TRUE;
  lines = g_strsplit (text, "\n", 4);
  if (g_strv_length (lines) < 3 || git_oid_fromstr (&old_tree, lines[1]) < 0 || git_oid_fromstr (&new_tree, lines[2]) < 0)
    {
      g_unlink (marker);
      return TRUE;
    }
  refname = g_strconcat ("refs/heads/", lines[0], NULL);
  /* Only when the branch is still on the working copy and at the version
   * the interrupted checkout was bringing. */
  if (amend_repository_get_head (repo, &head) == AMEND_HEAD_BRANCH && g_strcmp0 (head, lines[0]) == 0 &&
      git_reference_name_to_id (&tip, git, refname) == 0 && tree_of (git, &tip, &tip_tree) &&
      git_oid_equal (&tip_tree, &new_tree) &&
      !checkout_between (git, &old_tree, &new_tree, FALSE, lines[0], error))
    return FALSE;
  g_unlink (marker);
  return TRUE;
}
