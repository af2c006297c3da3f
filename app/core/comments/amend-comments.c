/* amend-comments.c: the comments of a project: list, add, resolve, reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comments live in the branch they are about: the draft's in
 * .amend/opmerkingen/ on main, an amendment's in
 * .amend/amendementen/SLUG/opmerkingen/ on its branch, so that they travel
 * with it (a push, a bundle) and are archived with it when it is adopted.
 * They are read from the branch, never from the working copy.
 *
 * Adding, resolving and reopening commit one file at once on that branch,
 * also when the working copy is on another one, in the order that leaves
 * the old state or the new one after a kill: the blob, the tree and the
 * commit are written first, the branch is moved last (and only if nobody
 * moved it meanwhile).  When the working copy is on that branch its copy
 * of that one file follows, through a SAFE checkout of that path; a note
 * in .git/amend/comment-sync, written before the branch moves and removed
 * after, lets the next comment command finish that step if a kill came in
 * between.  The regulation in the working copy is never touched.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-anchorer.h"
#include "amend-comment-private.h"
#include "amend-comment-text.h"
#include "amend-comments.h"
#include "amend-journal.h"
#include "amend-lapsed.h"
#include "amend-repository-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)

#define REFS_HEADS "refs/heads/"
#define PENDING_FILE "comment-sync"

void
amend_comment_finding_free (AmendCommentFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->path);
  g_free (finding->message);
  g_free (finding);
}

void
amend_comment_list_free (AmendCommentList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->threads, g_ptr_array_unref);
  g_clear_pointer (&list->findings, g_ptr_array_unref);
  g_free (list->branch);
  g_free (list->amendment);
  g_free (list->commit);
  g_free (list);
}

/* Where the comments of the draft (@amendment NULL) or of an amendment are. */
char *
amend_comments_dir (const char *amendment)
{
  if (amendment == NULL)
    return g_strdup (AMEND_COMMENTS_DRAFT_DIR);
  return g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", amendment, "/" AMEND_COMMENTS_SUBDIR, NULL);
}

/* A name from a tree, safe to print: control characters as \xNN. */
static char *
display_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) valid; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      g_string_append_printf (out, "\\x%02x", *p);
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static const char *
last_git_message (void)
{
  const git_error *e = git_error_last ();

  return e && e->message ? e->message : "";
}

/* ----------------------------------------------------------------------- */
/* Whose comments                                                           */
/* ----------------------------------------------------------------------- */

static gboolean
ref_exists (AmendRepository *repo,
            const char      *refname)
{
  g_autoptr(git_reference) ref = NULL;

  return git_reference_lookup (&ref, amend_repository_get_git (repo), refname) == 0;
}

static gboolean
owner_of_head (AmendRepository *repo,
               char           **amendment,
               GError         **error)
{
  g_autofree char *branch = amend_repository_dup_branch (repo, error);
  g_autofree char *main_branch = NULL;

  if (branch == NULL)
    return FALSE;
  if (g_str_has_prefix (branch, AMEND_AMENDMENT_BRANCH_PREFIX))
    {
      *amendment = g_strdup (branch + strlen (AMEND_AMENDMENT_BRANCH_PREFIX));
      return TRUE;
    }
  main_branch = amend_repository_dup_main_branch (repo, error);
  if (main_branch == NULL)
    return FALSE;
  if (strcmp (branch, main_branch) == 0)
    return TRUE;
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
               _("the working copy is on the branch " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ", which is neither the draft nor "
                 "an amendment; name the amendment, or %s for the draft"), branch, main_branch);
  return FALSE;
}

/**
 * amend_comments_owner:
 * @name: (nullable): an amendment ("x", "amendement/x"), the draft's
 *   branch ("main"), or NULL for what the working copy is on
 * @amendment: (out): the amendment's slug, NULL for the draft
 */
gboolean
amend_comments_owner (AmendRepository *repo,
                      const char      *name,
                      char           **amendment,
                      GError         **error)
{
  g_autofree char *main_branch = NULL;
  g_autofree char *refname = NULL;
  const char *n = name;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), FALSE);

  *amendment = NULL;
  if (name == NULL)
    return owner_of_head (repo, amendment, error);
  if (g_str_has_prefix (n, REFS_HEADS))
    n += strlen (REFS_HEADS);
  main_branch = amend_repository_dup_main_branch (repo, NULL);
  /* The draft is main to Amend's users also where git named it master. */
  if (main_branch && (strcmp (n, main_branch) == 0 || strcmp (n, "main") == 0))
    return TRUE;
  if (g_str_has_prefix (n, AMEND_AMENDMENT_BRANCH_PREFIX))
    n += strlen (AMEND_AMENDMENT_BRANCH_PREFIX);
  refname = g_strconcat (REFS_HEADS AMEND_AMENDMENT_BRANCH_PREFIX, n, NULL);
  if (*n == '\0' || !ref_exists (repo, refname))
    {
      g_autofree char *shown = display_name (name);

      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("there is no amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; give its name as the list of amendments "
                     "shows it, or main for the draft"), shown);
      return FALSE;
    }
  *amendment = g_strdup (n);
  return TRUE;
}

static char *
refname_of (AmendRepository *repo,
            const char      *amendment,
            GError         **error)
{
  g_autofree char *main_branch = NULL;

  if (amendment != NULL)
    return g_strconcat (REFS_HEADS AMEND_AMENDMENT_BRANCH_PREFIX, amendment, NULL);
  main_branch = amend_repository_dup_main_branch (repo, error);
  return main_branch ? g_strconcat (REFS_HEADS, main_branch, NULL) : NULL;
}

/* The sentence that closes the comments of an amendment the council is
 * done with: decided, withdrawn, or lapsed by the adoption of another. */
static void
set_closed_error (AmendAmendment *a,
                  AmendLapsed    *lapsed,
                  GError        **error)
{
  const char *slug = amend_amendment_get_slug (a);
  AmendAmendment *by = amend_lapsed_by (lapsed, slug);
  AmendAmendment *with = amend_lapsed_with (lapsed, slug);
  AmendStatus status = amend_amendment_get_status (a);
  g_autofree char *when = amend_amendment_dup_decided (by ? by : a);
  const char *day = when ? when : "?";

  if (by)
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE,
                 _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d lapsed on %s, when \xe2\x80\x9c%s\xe2\x80\x9d was "
                   "adopted, and comments on it are closed; comment on the draft instead (amend comment add main)"),
                 slug, day, amend_amendment_get_slug (by));
  else if (with)
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE,
                 _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d lapsed with \xe2\x80\x9c%s\xe2\x80\x9d, which it "
                   "amends, and comments on it are closed; comment on the draft instead (amend comment add main)"),
                 slug, amend_amendment_get_slug (with));
  else
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE,
                 status == AMEND_STATUS_WITHDRAWN
                 ? _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d was withdrawn on %s (%s), and comments on it are "
                     "closed; comment on the draft instead (amend comment add main)")
                 : _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d was decided on %s (%s), and comments on it are "
                     "closed; comment on the draft instead (amend comment add main)"),
                 slug, day, amend_status_to_string (status));
}

/* Comments are part of the council's deliberation: once it decided on an
 * amendment (or it was withdrawn, or lapsed), a comment committed on its
 * branch would come after the decision, and for an adopted one never
 * reach the archive in main.  A branch without a record that reads is
 * left to the rest of the command. */
static gboolean
check_open (AmendRepository *repo,
            const char      *amendment,
            GError         **error)
{
  g_autoptr(AmendAmendment) a = NULL;
  g_autoptr(AmendLapsed) lapsed = NULL;
  AmendStatus status;

  if (amendment == NULL || (a = amend_amendment_lookup_record (repo, amendment, NULL)) == NULL)
    return TRUE;
  status = amend_amendment_get_status (a);
  if (status == AMEND_STATUS_CONCEPT)
    return TRUE;
  /* Whether it lapsed takes the list; only a submitted one can have. */
  if (status == AMEND_STATUS_SUBMITTED &&
      ((lapsed = amend_lapsed_find_all (repo, NULL)) == NULL || !amend_lapsed_contains (lapsed, amendment)))
    return TRUE;
  set_closed_error (a, lapsed, error);
  return FALSE;
}

/* ----------------------------------------------------------------------- */
/* Reading                                                                  */
/* ----------------------------------------------------------------------- */

typedef struct {
  git_repository *git;
  git_odb        *odb;
  GPtrArray      *findings;
} Reading;

static void
reading_clear (Reading *r)
{
  g_clear_pointer (&r->odb, git_odb_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

static gboolean
reading_init (Reading         *r,
              AmendRepository *repo,
              GPtrArray       *findings,
              GError         **error)
{
  int rc;

  r->git = amend_repository_get_git (repo);
  r->findings = findings;
  rc = git_repository_odb (&r->odb, r->git);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read the repository"));
  return TRUE;
}

static void
add_finding (Reading    *r,
             const char *path,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_finding (Reading    *r,
             const char *path,
             const char *format,
             ...)
{
  AmendCommentFinding *finding = g_new0 (AmendCommentFinding, 1);
  va_list args;

  va_start (args, format);
  finding->path = display_name (path);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  if (r->findings)
    g_ptr_array_add (r->findings, finding);
  else
    amend_comment_finding_free (finding);
}

/* The id a file name gives: "ID.md" with a valid id, else NULL. */
static char *
id_of_name (const char *name)
{
  g_autofree char *id = NULL;

  if (!g_str_has_suffix (name, ".md"))
    return NULL;
  id = g_strndup (name, strlen (name) - 3);
  return amend_comment_id_is_valid (id) ? g_steal_pointer (&id) : NULL;
}

/* What keeps an entry of a comments folder from being read as a comment,
 * or NULL.  The size is read from the object's header first, so that a
 * file of 100 MB is refused without being inflated. */
static char *
entry_problem (Reading              *r,
               const git_tree_entry *entry,
               const char           *id)
{
  git_object_t type;
  gsize size;

  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB)
    return g_strdup (_("it is a folder or a submodule, where only comment files belong"));
  if (git_tree_entry_filemode (entry) == GIT_FILEMODE_LINK)
    return g_strdup (_("it is a symbolic link, where only comment files belong"));
  if (id == NULL)
    return g_strdup (_("its name is not ID.md with an id of letters, digits, - and _, so it is no comment"));
  if (git_odb_read_header (&size, &type, r->odb, git_tree_entry_id (entry)) < 0)
    return g_strdup_printf (_("it cannot be read: %s"), last_git_message ());
  if (size > AMEND_COMMENT_MAX_SIZE)
    return g_strdup_printf (_("it is larger than %u bytes, so it is no comment"), AMEND_COMMENT_MAX_SIZE);
  return NULL;
}

/* One entry of a comments folder: a comment, or a finding and NULL. */
static AmendComment *
read_entry (Reading              *r,
            const char           *dir,
            const git_tree_entry *entry,
            const char           *amendment)
{
  const char *name = git_tree_entry_name (entry);
  g_autofree char *path = g_strconcat (dir, "/", name, NULL);
  g_autofree char *id = id_of_name (name);
  g_autofree char *problem = entry_problem (r, entry, id);
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(GError) error = NULL;
  AmendComment *comment = NULL;

  if (problem == NULL && git_blob_lookup (&blob, r->git, git_tree_entry_id (entry)) < 0)
    problem = g_strdup_printf (_("it cannot be read: %s"), last_git_message ());
  if (problem == NULL)
    comment = amend_comment_new_from_data (id, git_blob_rawcontent (blob), git_blob_rawsize (blob), &error);
  if (comment == NULL)
    {
      add_finding (r, path, "%s", problem ? problem : error->message);
      return NULL;
    }
  _amend_comment_set_location (comment, path, amendment);
  return comment;
}

/* The folder @dir of @tree, NULL when there is none (no comments yet). */
static git_tree *
comments_tree (Reading    *r,
               git_tree   *tree,
               const char *dir)
{
  g_autoptr(git_tree_entry) entry = NULL;
  git_tree *sub = NULL;

  if (git_tree_entry_bypath (&entry, tree, dir) < 0)
    return NULL;
  if (git_tree_entry_type (entry) != GIT_OBJECT_TREE || git_tree_lookup (&sub, r->git, git_tree_entry_id (entry)) < 0)
    {
      add_finding (r, dir, _("it is a file, where Amend keeps a folder of comments"));
      return NULL;
    }
  return sub;
}

static void
read_all (Reading    *r,
          git_tree   *tree,
          const char *dir,
          const char *amendment,
          GPtrArray  *all)
{
  g_autoptr(git_tree) sub = comments_tree (r, tree, dir);
  gsize n = sub ? git_tree_entrycount (sub) : 0;

  for (gsize i = 0; i < n; i++)
    {
      AmendComment *comment = read_entry (r, dir, git_tree_entry_byindex (sub, i), amendment);

      if (comment)
        g_ptr_array_add (all, comment);
    }
}

/* The first comment of @comment's thread; NULL for a first comment, and
 * for a reply whose thread is not here (or runs in a circle). */
static AmendComment *
root_of (GHashTable   *by_id,
         AmendComment *comment,
         guint         limit)
{
  AmendComment *at = comment;

  for (guint i = 0; i <= limit; i++)
    {
      const char *parent = amend_comment_get_reply_to (at);

      if (parent == NULL)
        return at == comment ? NULL : at;
      at = g_hash_table_lookup (by_id, parent);
      if (at == NULL || at == comment)
        return NULL;
    }
  return NULL;
}

/* Replies go inside the first comment of their thread; a reply whose
 * thread is not here is shown as a thread of its own, not lost. */
static GPtrArray *
make_threads (GPtrArray              *all,
              AmendCommentsListFlags  flags)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *threads = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      AmendComment *c = g_ptr_array_index (all, i);

      g_hash_table_insert (by_id, (gpointer) amend_comment_get_id (c), c);
    }
  for (guint i = 0; i < all->len; i++)
    {
      AmendComment *c = g_ptr_array_index (all, i);
      AmendComment *root = root_of (by_id, c, all->len);

      if (root)
        _amend_comment_add_reply (root, c);
      else if ((flags & AMEND_COMMENTS_LIST_ALL) || !amend_comment_is_resolved (c))
        g_ptr_array_add (threads, g_object_ref (c));
    }
  g_ptr_array_sort (threads, _amend_comment_compare);
  for (guint i = 0; i < threads->len; i++)
    g_ptr_array_sort (amend_comment_get_replies (g_ptr_array_index (threads, i)), _amend_comment_compare);
  return threads;
}

static gboolean
tip_tree (AmendRepository *repo,
          const char      *refname,
          git_commit     **tip,
          git_tree       **tree,
          GError         **error)
{
  int rc;

  if (!amend_repository_lookup_branch (repo, refname, tip, error))
    return FALSE;
  rc = git_commit_tree (tree, *tip);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read the branch %s"), refname);
  return TRUE;
}

/**
 * amend_comments_list:
 * @amendment: (nullable): the amendment's slug, NULL for the draft
 * @version: (nullable): the version to show the comments against (any
 *   revision); NULL: the branch's last saved version
 * @flags: whether resolved threads are listed too
 *
 * Reads the comments of the draft or of an amendment from its branch and
 * finds each thread's anchor in @version.  Files that are no comment are
 * findings, not errors: the others are still listed.
 */
AmendCommentList *
amend_comments_list (AmendRepository        *repo,
                     const char             *amendment,
                     const char             *version,
                     AmendCommentsListFlags  flags,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(AmendCommentList) list = g_new0 (AmendCommentList, 1);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_commit) at = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(AmendAnchorer) anchorer = NULL;
  g_autofree char *dir = amend_comments_dir (amendment);
  g_auto(Reading) r = { 0 };

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  list->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_comment_finding_free);
  list->amendment = g_strdup (amendment);
  list->branch = refname_of (repo, amendment, error);
  if (list->branch == NULL || !tip_tree (repo, list->branch, &tip, &tree, error) ||
      (version && !amend_repository_resolve_commit (repo, version, &at, error)) ||
      !reading_init (&r, repo, list->findings, error))
    return NULL;
  list->commit = g_strdup (git_oid_tostr_s (git_commit_id (at ? at : tip)));

  read_all (&r, tree, dir, amendment, all);
  list->n_comments = all->len;
  list->threads = make_threads (all, flags);
  anchorer = amend_anchorer_new (repo, list->commit);
  if (!amend_anchorer_resolve_all (anchorer, list->threads, cancellable, error))
    return NULL;
  list->n_diffs = amend_anchorer_get_n_diffs (anchorer);
  return g_steal_pointer (&list);
}

typedef struct {
  char                   *project;
  char                   *amendment;
  char                   *version;
  AmendCommentsListFlags  flags;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->project);
  g_free (data->amendment);
  g_free (data->version);
  g_free (data);
}

static void
list_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ListData *data = task_data;
  g_autoptr(AmendRepository) repo = NULL;
  GError *error = NULL;
  AmendCommentList *list = NULL;

  /* A repository of its own: libgit2 objects are not shared between threads. */
  repo = amend_repository_open (data->project, &error);
  if (repo)
    list = amend_comments_list (repo, data->amendment, data->version, data->flags, cancellable, &error);
  if (list)
    g_task_return_pointer (task, list, (GDestroyNotify) amend_comment_list_free);
  else
    g_task_return_error (task, error);
}

/**
 * amend_comments_list_async:
 * @project: the folder of the project
 *
 * amend_comments_list() in a worker thread with a repository of its own,
 * for the window: re-anchoring thousands of comments takes a while.
 */
void
amend_comments_list_async (const char             *project,
                           const char             *amendment,
                           const char             *version,
                           AmendCommentsListFlags  flags,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ListData *data = g_new0 (ListData, 1);

  data->project = g_strdup (project);
  data->amendment = g_strdup (amendment);
  data->version = g_strdup (version);
  data->flags = flags;
  g_task_set_source_tag (task, amend_comments_list_async);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  g_task_run_in_thread (task, list_in_thread);
}

AmendCommentList *
amend_comments_list_finish (GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ----------------------------------------------------------------------- */
/* Writing                                                                  */
/* ----------------------------------------------------------------------- */

static char *
pending_path (AmendRepository *repo)
{
  return g_build_filename (git_repository_path (amend_repository_get_git (repo)), "amend", PENDING_FILE, NULL);
}

static gboolean
write_pending (AmendRepository *repo,
               const char      *refname,
               const git_oid   *commit,
               const char      *path,
               GError         **error)
{
  g_autofree char *file = pending_path (repo);
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *contents = g_strdup_printf ("%s\n%s\n%s\n", refname, git_oid_tostr_s (commit), path);

  g_mkdir_with_parents (dir, 0755);
  return g_file_set_contents (file, contents, -1, error);
}

static gboolean
head_is (AmendRepository *repo,
         const char      *refname)
{
  g_autofree char *current = NULL;

  return amend_repository_get_head (repo, &current) == AMEND_HEAD_BRANCH &&
         g_str_has_prefix (refname, REFS_HEADS) && g_strcmp0 (current, refname + strlen (REFS_HEADS)) == 0;
}

/* Finishes a comment whose commit moved the branch the working copy is on
 * while a kill stopped its working copy from following: the one file is
 * brought up to date when it is still as it was before (SAFE leaves it
 * alone otherwise). */
static void
repair_pending (AmendRepository *repo)
{
  g_autofree char *file = pending_path (repo);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_commit) parent = NULL;
  g_autoptr(git_tree) before = NULL;

  if (!g_file_get_contents (file, &contents, NULL, NULL))
    return;
  lines = g_strsplit (contents, "\n", 4);
  if (g_strv_length (lines) >= 3 && head_is (repo, lines[0]) &&
      amend_repository_lookup_branch (repo, lines[0], &tip, NULL) &&
      strcmp (git_oid_tostr_s (git_commit_id (tip)), lines[1]) == 0 &&
      git_commit_parent (&parent, tip, 0) == 0 && git_commit_tree (&before, parent) == 0)
    {
      const char *paths[] = { lines[2], NULL };

      amend_repository_sync_paths (repo, before, paths, NULL);
    }
  g_unlink (file);
}

static gboolean
make_commit (AmendRepository     *repo,
             git_commit          *tip,
             const char          *path,
             const char          *data,
             gsize                len,
             const git_signature *sig,
             const char          *message,
             git_oid             *out,
             GError             **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autoptr(git_tree) base = NULL;
  g_autoptr(git_tree) tree = NULL;
  const git_commit *parents[1] = { tip };
  g_autofree char *text = g_strconcat (message, "\n", NULL);
  git_tree_update update = { 0 };
  git_oid tree_id;
  int rc;

  update.action = GIT_TREE_UPDATE_UPSERT;
  update.filemode = GIT_FILEMODE_BLOB;
  update.path = path;
  rc = git_blob_create_from_buffer (&update.id, git, data, len);
  if (rc == 0)
    rc = git_commit_tree (&base, tip);
  if (rc == 0)
    rc = git_tree_create_updated (&tree_id, git, base, 1, &update);
  if (rc == 0)
    rc = git_tree_lookup (&tree, git, &tree_id);
  if (rc == 0)
    rc = git_commit_create (out, git, NULL, sig, sig, NULL, text, tree, 1, parents);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot save the comment"));
  return amend_repository_check_written (git, out, _("cannot save the comment"), error);
}

/* Commits @data as @path on @refname, whose tip was @tip: objects first,
 * the branch last, the working copy after (see the top of this file).
 * @moved says whether it failed because the branch moved meanwhile (or
 * was being moved: its lock file). */
static gboolean
commit_file (AmendRepository     *repo,
             const char          *refname,
             git_commit          *tip,
             const char          *path,
             const char          *data,
             gsize                len,
             const git_signature *sig,
             const char          *message,
             gboolean            *moved,
             GError             **error)
{
  g_autoptr(git_reference) ref = NULL;
  g_autoptr(git_tree) before = NULL;
  g_autofree char *pending = pending_path (repo);
  g_autofree char *log = g_strdup_printf ("commit: %.*s", (int) strcspn (message, "\n"), message);
  const char *paths[] = { path, NULL };
  gboolean on_it = head_is (repo, refname);
  gboolean ok = TRUE;
  git_oid id;
  int rc;

  if (!make_commit (repo, tip, path, data, len, sig, message, &id, error) ||
      (on_it && !write_pending (repo, refname, &id, path, error)))
    return FALSE;
  rc = git_reference_create_matching (&ref, amend_repository_get_git (repo), refname, &id, 1,
                                      git_commit_id (tip), log);
  if (rc < 0)
    {
      g_unlink (pending);
      if (moved)
        *moved = rc == GIT_EMODIFIED || rc == GIT_ELOCKED;
      return amend_repository_set_git_error (error, rc, _("cannot save the comment"));
    }
  if (on_it)
    {
      ok = git_commit_tree (&before, tip) == 0 && amend_repository_sync_paths (repo, before, paths, error);
      g_unlink (pending);
    }
  return ok;
}

/* A new file commutes with whatever another program committed on the
 * branch meanwhile (another comment): then it is committed on the new
 * tip, twenty times at most, waiting a random while (longer each time)
 * so that several writers do not keep meeting. */
static gboolean
commit_with_retry (AmendRepository     *repo,
                   const char          *refname,
                   git_commit         **tip,
                   const char          *path,
                   const char          *data,
                   gsize                len,
                   const git_signature *sig,
                   const char          *message,
                   GError             **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local = NULL;
      gboolean moved = FALSE;

      if (commit_file (repo, refname, *tip, path, data, len, sig, message, &moved, &local))
        return TRUE;
      if (!moved || attempt == 19)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_usleep (g_random_int_range (5000, 30000) * (1 + attempt / 4));
      g_clear_pointer (tip, git_commit_free);
      if (!amend_repository_lookup_branch (repo, refname, tip, error))
        return FALSE;
    }
}

static char *
author_of (const git_signature *sig)
{
  return g_strdup_printf ("%s <%s>", sig->name, sig->email);
}

static GDateTime *
now (void)
{
  g_autoptr(GDateTime) exact = g_date_time_new_now_local ();

  /* The file keeps seconds; so does the comment in memory. */
  return g_date_time_add (exact, -(g_date_time_get_microsecond (exact)));
}

/* The first line of a text, at most 50 characters, for a commit message. */
static char *
summary (const char *text)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));

  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > 50)
    {
      g_autofree char *start = g_utf8_substring (line, 0, 49);

      return g_strconcat (start, "\xe2\x80\xa6", NULL);
    }
  return g_steal_pointer (&line);
}

/* The only regulation at the top of @tree (besides a README). */
static char *
regulation_in (git_tree   *tree,
               const char *refname,
               GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *branch = refname + strlen (REFS_HEADS);

  for (gsize i = 0; i < git_tree_entrycount (tree); i++)
    {
      const git_tree_entry *entry = git_tree_entry_byindex (tree, i);
      const char *name = git_tree_entry_name (entry);

      if (git_tree_entry_type (entry) == GIT_OBJECT_BLOB && amend_is_regulation_path (name) &&
          name[0] != '.' && g_ascii_strncasecmp (name, "README", 6) != 0)
        g_ptr_array_add (found, (gpointer) name);
    }
  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));
  g_ptr_array_add (found, NULL);
  if (found->len == 1)
    g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                 _("the branch %s has no regulation (no .md file at its top) to comment on"), branch);
  else
    {
      g_autofree char *names = g_strjoinv (", ", (char **) found->pdata);

      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("the branch %s has several regulations (%s); name the one you comment on"), branch, names);
    }
  return NULL;
}

static AmendDocument *
read_regulation (AmendRepository *repo,
                 git_tree        *tree,
                 const char      *source,
                 const char      *refname,
                 GError         **error)
{
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;

  if (!amend_comment_source_is_valid (source) || git_tree_entry_bypath (&entry, tree, source) < 0 ||
      git_tree_entry_type (entry) != GIT_OBJECT_BLOB ||
      git_blob_lookup (&blob, amend_repository_get_git (repo), git_tree_entry_id (entry)) < 0)
    {
      g_autofree char *shown = display_name (source);

      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("there is no regulation %s on %s; name a .md file of the project, counted from its top"),
                   shown, refname + strlen (REFS_HEADS));
      return NULL;
    }
  return amend_document_new_from_data (git_blob_rawcontent (blob), git_blob_rawsize (blob), error);
}

/* Reads the comment @id from the comments folder @dir of @tree. */
static AmendComment *
read_comment (AmendRepository *repo,
              git_tree        *tree,
              const char      *dir,
              const char      *id,
              const char      *amendment,
              GError         **error)
{
  g_autofree char *path = g_strconcat (dir, "/", id, ".md", NULL);
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_comment_finding_free);
  g_auto(Reading) r = { 0 };
  AmendComment *comment;

  if (!reading_init (&r, repo, findings, error))
    return NULL;
  if (git_tree_entry_bypath (&entry, tree, path) < 0)
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NOT_FOUND,
                   _("there is no comment %s here to reply to; amend comment list shows the ids"), id);
      return NULL;
    }
  comment = read_entry (&r, dir, entry, amendment);
  if (comment == NULL)
    {
      AmendCommentFinding *f = g_ptr_array_index (findings, 0);

      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("the comment file %s cannot be read: %s"), f->path, f->message);
    }
  return comment;
}

/* Fills in the anchor of a new comment from the regulation as last saved
 * on the branch; returns the article (or eId) it is on, for the message. */
static char *
complete_anchor (AmendRepository *repo,
                 AmendComment    *comment,
                 git_commit      *tip,
                 git_tree        *tree,
                 const char      *refname,
                 GError         **error)
{
  g_autofree char *source = g_strdup (amend_comment_get_source (comment));
  g_autofree char *exact = g_strdup (amend_comment_get_exact (comment));
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendCommentText) text = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  const AmendNode *node, *article;

  if (source == NULL && (source = regulation_in (tree, refname, error)) == NULL)
    return NULL;
  doc = read_regulation (repo, tree, source, refname, error);
  if (doc == NULL)
    return NULL;
  text = amend_comment_text_new (doc);
  if (!amend_comment_text_make_anchor (text, source, amend_comment_get_eid (comment), exact,
                                       &eid, &prefix, &suffix, error))
    return NULL;
  /* Setting the anchor frees the target it replaces: @exact is a copy. */
  _amend_comment_set_anchor (comment, source, git_oid_tostr_s (git_commit_id (tip)), eid, exact, prefix, suffix);
  node = amend_document_find_eid (doc, eid);
  article = node->kind == AMEND_NODE_ARTICLE ? node : amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);
  if (article && article->number)
    return g_strdup_printf (_("article %s"), article->number);
  if (node->parent == NULL)
    return g_strdup (_("the regulation"));
  return g_strdup (eid);
}

static gboolean
check_new_text (AmendComment *comment,
                GError      **error)
{
  const char *text = amend_comment_get_text (comment);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (!amend_comment_check_text (text, -1, error))
    return FALSE;
  if (*stripped == '\0')
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("the comment is empty; say in a few words what you have to say"));
      return FALSE;
    }
  return TRUE;
}

/* What the new comment is about, checked; the commit message's subject. */
static char *
prepare_new (AmendRepository *repo,
             AmendComment    *comment,
             const char      *amendment,
             git_commit      *tip,
             git_tree        *tree,
             const char      *refname,
             GError         **error)
{
  const char *reply_to = amend_comment_get_reply_to (comment);
  g_autofree char *dir = amend_comments_dir (amendment);
  g_autoptr(AmendComment) parent = NULL;
  g_autofree char *where = NULL;
  g_autofree char *about = summary (amend_comment_get_text (comment));

  if (reply_to == NULL)
    {
      where = complete_anchor (repo, comment, tip, tree, refname, error);
      return where ? g_strdup_printf (_("Comment on %s: %s"), where, about) : NULL;
    }
  if (!amend_comment_id_is_valid (reply_to))
    {
      g_autofree char *shown = display_name (reply_to);

      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("%s is not a comment id; give the id of the comment you reply to as amend comment list shows it"),
                   shown);
      return NULL;
    }
  parent = read_comment (repo, tree, dir, reply_to, amendment, error);
  if (parent == NULL)
    return NULL;
  /* A reply is about its thread; the thread's anchor counts. */
  _amend_comment_clear_anchor (comment);
  return g_strdup_printf (_("Reply to comment %.8s: %s"), reply_to, about);
}

static AmendComment *
expand_reply_id (AmendRepository *repo,
                 AmendComment    *comment,
                 GError         **error);

/**
 * amend_comments_add:
 * @amendment: (nullable): the amendment's slug, NULL for the draft
 * @comment: a new comment (amend_comment_new()) with its target
 *   (amend_comment_set_target()) or the comment it replies to
 * @author: (nullable): "Name <e-mail>"; NULL: the git configuration's
 *
 * Checks the anchor against the regulation as last saved on the branch
 * (the node must be there, the quote in it), gives the comment a random
 * id, its author and date, and commits its file on the branch.
 *
 * Returns: (transfer full): @comment, completed
 */
AmendComment *
amend_comments_add (AmendRepository *repo,
                    const char      *amendment,
                    AmendComment    *comment,
                    const char      *author,
                    GError         **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *dir = amend_comments_dir (amendment);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *data = NULL;
  g_autofree char *by = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(GDateTime) created = now ();
  g_autoptr(AmendComment) check = NULL;
  gsize len;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (AMEND_IS_COMMENT (comment), NULL);

  /* The write lock, as every writer takes it: a comment on main moved it
   * under an adoption between its merge and its move of main, which then
   * stopped halfway. */
  if (!check_new_text (comment, error) || (refname = refname_of (repo, amendment, error)) == NULL ||
      (hold = amend_journal_hold (repo, "comment", error)) == NULL ||
      !amend_repository_check_can_write (repo, TRUE, error))
    return NULL;
  repair_pending (repo);
  if (!check_open (repo, amendment, error) || !expand_reply_id (repo, comment, error) ||
      !tip_tree (repo, refname, &tip, &tree, error) ||
      (message = prepare_new (repo, comment, amendment, tip, tree, refname, error)) == NULL ||
      (sig = amend_repository_make_signature (repo, author, NULL, NULL, error)) == NULL)
    return NULL;

  id = g_uuid_string_random ();
  by = author_of (sig);
  _amend_comment_set_identity (comment, id, by, created);
  data = amend_comment_to_data (comment, &len);
  /* What is written must read back: a last check of the writer itself. */
  check = amend_comment_new_from_data (id, data, len, error);
  path = g_strconcat (dir, "/", id, ".md", NULL);
  if (check == NULL || !commit_with_retry (repo, refname, &tip, path, data, len, sig, message, error))
    return NULL;
  _amend_comment_set_location (comment, path, amendment);
  return g_object_ref (comment);
}

/* ----------------------------------------------------------------------- */
/* Finding a comment by its id                                              */
/* ----------------------------------------------------------------------- */

typedef struct {
  char *id;
  char *amendment;
} Match;

static void
match_free (gpointer data)
{
  Match *m = data;

  g_free (m->id);
  g_free (m->amendment);
  g_free (m);
}

/* The comments of one branch whose id starts with @id. */
static void
match_in (AmendRepository *repo,
          const char      *refname,
          const char      *amendment,
          const char      *id,
          GPtrArray       *matches)
{
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree) sub = NULL;
  g_autofree char *dir = amend_comments_dir (amendment);
  Reading r = { amend_repository_get_git (repo), NULL, NULL };

  if (!tip_tree (repo, refname, &tip, &tree, NULL) || (sub = comments_tree (&r, tree, dir)) == NULL)
    return;
  for (gsize i = 0; i < git_tree_entrycount (sub); i++)
    {
      g_autofree char *found = id_of_name (git_tree_entry_name (git_tree_entry_byindex (sub, i)));
      Match *m;

      if (found == NULL || !g_str_has_prefix (found, id))
        continue;
      m = g_new0 (Match, 1);
      m->id = g_steal_pointer (&found);
      m->amendment = g_strdup (amendment);
      g_ptr_array_add (matches, m);
    }
}

static void
match_everywhere (AmendRepository *repo,
                  const char      *id,
                  GPtrArray       *matches)
{
  g_autoptr(git_reference_iterator) it = NULL;
  g_autofree char *main_ref = refname_of (repo, NULL, NULL);
  git_reference *ref;

  if (main_ref)
    match_in (repo, main_ref, NULL, id, matches);
  if (git_reference_iterator_glob_new (&it, amend_repository_get_git (repo),
                                       REFS_HEADS AMEND_AMENDMENT_BRANCH_PREFIX "*") < 0)
    return;
  while (git_reference_next (&ref, it) == 0)
    {
      const char *name = git_reference_name (ref);

      match_in (repo, name, name + strlen (REFS_HEADS AMEND_AMENDMENT_BRANCH_PREFIX), id, matches);
      git_reference_free (ref);
    }
}

static Match *
unique_match (GPtrArray  *matches,
              const char *id,
              GError    **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  if (matches->len == 0)
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NOT_FOUND,
                   _("there is no comment %s on the draft or on any amendment; amend comment list --all shows the ids"),
                   id);
      return NULL;
    }
  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = g_ptr_array_index (matches, i);

      if (strcmp (m->id, ((Match *) g_ptr_array_index (matches, 0))->id) != 0)
        {
          for (guint j = 0; j < matches->len && j < 5; j++)
            g_string_append_printf (ids, "%s%s", j ? ", " : "", ((Match *) g_ptr_array_index (matches, j))->id);
          g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                       _("%s is the start of the ids of several comments (%s); give more of it"), id, ids->str);
          return NULL;
        }
    }
  return g_ptr_array_index (matches, 0);
}

static gboolean
check_id (const char *id,
          GError    **error)
{
  g_autofree char *shown = NULL;

  if (id && amend_comment_id_is_valid (id) && strlen (id) >= 4)
    return TRUE;
  shown = display_name (id ? id : "");
  g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
               _("" "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is not a comment id; give the id, or at least its first four "
                 "characters, as amend comment list shows it"), shown);
  return FALSE;
}

/**
 * amend_comments_lookup:
 * @id: a comment's id, or the start of it (at least 4 characters)
 *
 * Finds a comment on the draft or on any amendment and reads it from its
 * branch (amend_comment_get_amendment() says whose it is); not anchored.
 */
AmendComment *
amend_comments_lookup (AmendRepository *repo,
                       const char      *id,
                       GError         **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (match_free);
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autofree char *refname = NULL;
  g_autofree char *dir = NULL;
  Match *m;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (!check_id (id, error))
    return NULL;
  match_everywhere (repo, id, matches);
  if ((m = unique_match (matches, id, error)) == NULL ||
      (refname = refname_of (repo, m->amendment, error)) == NULL ||
      !tip_tree (repo, refname, &tip, &tree, error))
    return NULL;
  dir = amend_comments_dir (m->amendment);
  return read_comment (repo, tree, dir, m->id, m->amendment, error);
}

/* A reply may name its comment by the start of its id, as the list shows
 * it; the file keeps the whole id. */
static AmendComment *
expand_reply_id (AmendRepository *repo,
                 AmendComment    *comment,
                 GError         **error)
{
  const char *reply_to = amend_comment_get_reply_to (comment);
  g_autoptr(AmendComment) parent = NULL;

  if (reply_to == NULL || strlen (reply_to) >= 36 || !amend_comment_id_is_valid (reply_to))
    return comment;
  parent = amend_comments_lookup (repo, reply_to, error);
  if (parent == NULL)
    return NULL;
  amend_comment_set_reply_to (comment, amend_comment_get_id (parent));
  return comment;
}

/* ----------------------------------------------------------------------- */
/* Resolving and reopening                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
check_unsaved (AmendRepository *repo,
               const char      *path,
               GError         **error)
{
  unsigned int flags = 0;

  if (git_status_file (&flags, amend_repository_get_git (repo), path) == 0 &&
      (flags & ~GIT_STATUS_IGNORED) != GIT_STATUS_CURRENT)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
                   _("the comment file %s has changes that are not saved; save them first, or undo them"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_resolution (AmendComment *comment,
                  gboolean      resolve,
                  GError      **error)
{
  const char *id = amend_comment_get_id (comment);
  g_autofree char *when = NULL;

  if (amend_comment_get_reply_to (comment))
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE,
                 _("the comment %s is a reply; a thread is resolved and reopened by its first comment"), id);
  else if (resolve && amend_comment_is_resolved (comment))
    {
      when = _amend_comment_format_date (amend_comment_get_resolved_at (comment));
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE,
                   _("the comment %s is already resolved, by %s on %s"), id,
                   amend_comment_get_resolved_by (comment), when);
    }
  else if (!resolve && !amend_comment_is_resolved (comment))
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE,
                 _("the comment %s is open; only a resolved comment can be reopened"), id);
  else
    return TRUE;
  return FALSE;
}

static AmendComment *
change_resolution (AmendRepository *repo,
                   const char      *id,
                   const char      *author,
                   gboolean         resolve,
                   GError         **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(AmendComment) comment = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autoptr(GDateTime) at = now ();
  g_autofree char *refname = NULL;
  g_autofree char *by = NULL;
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  const char *path;
  gsize len;

  if (!check_id (id, error) || (hold = amend_journal_hold (repo, "comment", error)) == NULL ||
      !amend_repository_check_can_write (repo, TRUE, error))
    return NULL;
  repair_pending (repo);
  comment = amend_comments_lookup (repo, id, error);
  if (comment == NULL || !check_resolution (comment, resolve, error) ||
      !check_open (repo, amend_comment_get_amendment (comment), error) ||
      (refname = refname_of (repo, amend_comment_get_amendment (comment), error)) == NULL ||
      !tip_tree (repo, refname, &tip, &tree, error))
    return NULL;
  path = amend_comment_get_path (comment);
  if ((head_is (repo, refname) && !check_unsaved (repo, path, error)) ||
      (sig = amend_repository_make_signature (repo, author, NULL, NULL, error)) == NULL)
    return NULL;

  by = author_of (sig);
  _amend_comment_set_resolved (comment, resolve ? by : NULL, resolve ? at : NULL);
  data = amend_comment_to_data (comment, &len);
  message = g_strdup_printf (resolve ? _("Resolve comment %.8s") : _("Reopen comment %.8s"), amend_comment_get_id (comment));
  if (!commit_file (repo, refname, tip, path, data, len, sig, message, NULL, error))
    return NULL;
  return g_steal_pointer (&comment);
}

/**
 * amend_comments_resolve:
 * @id: the id of a thread's first comment, or its start
 *
 * Marks the thread resolved (by @author, now) with a commit on its branch.
 */
AmendComment *
amend_comments_resolve (AmendRepository *repo,
                        const char      *id,
                        const char      *author,
                        GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  return change_resolution (repo, id, author, TRUE, error);
}

AmendComment *
amend_comments_reopen (AmendRepository *repo,
                       const char      *id,
                       const char      *author,
                       GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  return change_resolution (repo, id, author, FALSE, error);
}
