/* amend-package.c: an amendment, or a whole project, as one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package is a git bundle (amend-bundle.c).  The package of one
 * amendment carries its branch and, as prerequisites, the commit it
 * branched from main and main's first commit: the receiver must have both,
 * and which one is missing says whether the package belongs to another
 * regulation (no first commit in common) or needs a newer draft.
 *
 * Import works in this order, so that a refusal or a kill at any moment
 * leaves the project as it was or as it will be:
 *   1. the header: size, format, refs (only amendement/...), prerequisites;
 *   2. the pack, through git's indexer, into .git/amend/incoming-XXXXXX/
 *      (outside the object store, which is not touched yet);
 *   3. the plan, read through that folder as an alternate object store:
 *      which branch is new, newer, diverged; refusals end here;
 *   4. the pack moved into .git/objects/pack (the .pack, then the .idx
 *      that makes it visible), then the refs one by one, atomically, then
 *      the working copy when its branch moved.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "amend-amendment.h"
#include "amend-bundle.h"
#include "amend-journal.h"
#include "amend-sync-private.h"

#define AMENDMENT_REFS "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX

/* ----------------------------------------------------------------------- */
/* Export                                                                   */
/* ----------------------------------------------------------------------- */

static void
add_ref (GPtrArray     *refs,
         const char    *name,
         const git_oid *id)
{
  AmendBundleRef *ref = g_new0 (AmendBundleRef, 1);

  ref->name = g_strdup (name);
  ref->id = *id;
  g_ptr_array_add (refs, ref);
}

static void
bundle_ref_free (gpointer data)
{
  AmendBundleRef *ref = data;

  g_free (ref->name);
  g_free (ref);
}

/* The first commit of main, following first parents from @from.  It never
 * changes, and finding it parses the whole history (a tenth of a second
 * on 5,000 commits), so it is kept in .git/amend/first-commit; a kept one
 * that is no first commit is found again. */
static gboolean
cached_root (git_repository *repo,
             const char     *path,
             git_oid        *out)
{
  g_autofree char *text = NULL;
  g_autoptr(git_commit) commit = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && git_oid_fromstrn (out, text, GIT_OID_HEXSZ) == 0 &&
         git_commit_lookup (&commit, repo, out) == 0 && git_commit_parentcount (commit) == 0;
}

static gboolean
root_of (git_repository *repo,
         const git_oid  *from,
         git_oid        *out)
{
  g_autoptr(git_commit) commit = NULL;
  g_autofree char *dir = g_build_filename (git_repository_path (repo), "amend", NULL);
  g_autofree char *cache = g_build_filename (dir, "first-commit", NULL);
  char hex[GIT_OID_HEXSZ + 2];

  if (cached_root (repo, cache, out))
    return TRUE;
  if (git_commit_lookup (&commit, repo, from) < 0)
    return FALSE;
  while (git_commit_parentcount (commit) > 0)
    {
      git_commit *parent = NULL;

      if (git_commit_parent (&parent, commit, 0) < 0)
        return FALSE;
      git_commit_free (commit);
      commit = parent;
    }
  *out = *git_commit_id (commit);
  git_oid_tostr (hex, sizeof hex, out);
  strcat (hex, "\n");
  /* Only a cache: a project that cannot be written to still exports. */
  if (g_mkdir_with_parents (dir, 0755) == 0)
    g_file_set_contents (cache, hex, -1, NULL);
  return TRUE;
}

static gboolean
collect_amendment (AmendRepository *repo,
                   const char      *name,
                   GPtrArray       *refs,
                   GArray          *prerequisites,
                   GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *refname = amend_repository_resolve_branch (repo, name, &local_error);
  g_autofree char *main_branch = NULL;
  g_autofree char *main_ref = NULL;
  g_autofree char *problem = NULL;
  git_oid tip, main, base, root;
  int rc;

  /* The resolver's sentence offers main, which a package never is. */
  if (refname == NULL && g_error_matches (local_error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("there is no amendment \xe2\x80\x9c%s\xe2\x80\x9d; give the name of one (amend list shows them), "
                     "or --all for the whole project"), name);
      return FALSE;
    }
  if (refname == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_str_has_prefix (refname, AMENDMENT_REFS))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("%s is not an amendment; give the name of one (amend list shows them), "
                     "or --all for the whole project"), name);
      return FALSE;
    }
  /* A package no project would take (import refuses it whole). */
  if ((problem = amend_sync_amendment_ref_problem (refname)) != NULL)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FORBIDDEN_REF,
                   _("no project would take %s from a package: %s; give it another name first with "
                     "git branch -m %s amendement/NEW-NAME"), refname + strlen ("refs/heads/"), problem,
                   refname + strlen ("refs/heads/"));
      return FALSE;
    }
  if ((main_branch = amend_repository_dup_main_branch (repo, error)) == NULL)
    return FALSE;
  main_ref = g_strconcat ("refs/heads/", main_branch, NULL);
  if ((rc = git_reference_name_to_id (&tip, git, refname)) < 0 ||
      (rc = git_reference_name_to_id (&main, git, main_ref)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read %s"), refname);
  if (!amend_sync_branch_point (git, &tip, &main, &base, NULL))
    return amend_sync_set_git_error (error, -1, _("%s shares no version with %s"), refname, main_branch);
  add_ref (refs, refname, &tip);
  g_array_append_val (prerequisites, base);
  if (root_of (git, &base, &root) && !git_oid_equal (&root, &base))
    g_array_append_val (prerequisites, root);
  return TRUE;
}

static gboolean
collect_all (AmendRepository *repo,
             GPtrArray       *refs,
             GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autofree char *main_branch = amend_repository_dup_main_branch (repo, error);
  g_autofree char *main_ref = NULL;
  g_autoptr(git_reference_iterator) iter = NULL;
  git_reference *ref;
  git_oid main;
  int rc;

  if (main_branch == NULL)
    return FALSE;
  main_ref = g_strconcat ("refs/heads/", main_branch, NULL);
  if ((rc = git_reference_name_to_id (&main, git, main_ref)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read %s"), main_ref);
  /* HEAD first, as git bundle create --all writes it: git clone of the
   * package then checks out the draft. */
  add_ref (refs, "HEAD", &main);
  add_ref (refs, main_ref, &main);
  if ((rc = git_reference_iterator_glob_new (&iter, git, AMENDMENT_REFS "*")) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the amendments of the project"));
  while (git_reference_next (&ref, iter) == 0)
    {
      g_autoptr(git_reference) resolved = NULL;

      if (git_reference_resolve (&resolved, ref) == 0)
        add_ref (refs, git_reference_name (ref), git_reference_target (resolved));
      git_reference_free (ref);
    }
  return TRUE;
}

AmendSyncReport *
amend_package_export (const char   *project,
                      const char   *name,
                      const char   *output,
                      AmendSyncJob *job,
                      GError      **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (bundle_ref_free);
  g_autoptr(GArray) prerequisites = g_array_new (FALSE, FALSE, sizeof (git_oid));
  g_autoptr(AmendSyncReport) report = amend_sync_report_new ();

  if (repo == NULL)
    return NULL;
  if (name != NULL ? !collect_amendment (repo, name, refs, prerequisites, error) : !collect_all (repo, refs, error))
    return NULL;
  if (!amend_bundle_write (amend_repository_get_git (repo), refs, prerequisites, output, job,
                           &report->objects, &report->bytes, error))
    return NULL;
  for (guint i = 0; i < refs->len; i++)
    {
      AmendBundleRef *ref = g_ptr_array_index (refs, i);
      AmendSyncChange *change;
      char hex[GIT_OID_HEXSZ + 1];

      if (!g_str_has_prefix (ref->name, "refs/heads/"))
        continue;
      change = amend_sync_change_new (AMEND_SYNC_NEW, ref->name + strlen ("refs/heads/"));
      if (g_str_has_prefix (ref->name, AMENDMENT_REFS))
        change->title = amend_sync_title_at (amend_repository_get_git (repo), &ref->id, ref->name + strlen (AMENDMENT_REFS));
      change->new_id = g_strdup (git_oid_tostr (hex, sizeof hex, &ref->id));
      g_ptr_array_add (report->changes, change);
    }
  report->path = g_strdup (output);
  amend_sync_report_sort (report);
  return g_steal_pointer (&report);
}

/* ----------------------------------------------------------------------- */
/* What a project takes from a package                                      */
/* ----------------------------------------------------------------------- */

static char *
shown_name (const char *refname)
{
  g_autofree char *escaped = g_strescape (refname, NULL);

  return g_strdup_printf ("\xe2\x80\x9c%s\xe2\x80\x9d", escaped);
}

static gboolean
check_refs (AmendBundle *bundle,
            const char  *name,
            GError     **error)
{
  /* main first: a whole-project package gets the sentence that says what
   * to do with it, whatever else it carries. */
  for (guint i = 0; i < bundle->refs->len; i++)
    {
      const char *refname = ((AmendBundleRef *) g_ptr_array_index (bundle->refs, i))->name;

      if (g_strcmp0 (refname, "refs/heads/main") == 0 || g_strcmp0 (refname, "refs/heads/master") == 0)
        {
          g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FORBIDDEN_REF,
                       _("%s carries the draft itself (the branch %s), which an import never changes; "
                         "start a new project from it with amend package open, or take the draft with amend pull"),
                       name, refname + strlen ("refs/heads/"));
          return FALSE;
        }
    }
  for (guint i = 0; i < bundle->refs->len; i++)
    {
      const char *refname = ((AmendBundleRef *) g_ptr_array_index (bundle->refs, i))->name;
      g_autofree char *shown = shown_name (refname);
      g_autofree char *problem = NULL;

      if (g_str_has_prefix (refname, "refs/tags/"))
        {
          g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FORBIDDEN_REF,
                       _("%s carries the tag %s; an amendment package holds amendments only, "
                         "so ask the sender for one made with amend package export"), name, shown);
          return FALSE;
        }
      if (g_str_has_prefix (refname, AMENDMENT_REFS) &&
          (problem = amend_sync_amendment_ref_problem (refname)) != NULL)
        {
          g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FORBIDDEN_REF,
                       _("%s carries %s, which is not the name of an amendment: %s; nothing was taken from it"),
                       name, shown, problem);
          return FALSE;
        }
      if (!g_str_has_prefix (refname, AMENDMENT_REFS))
        {
          g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FORBIDDEN_REF,
                       _("%s carries %s, which is not the name of an amendment (refs/heads/amendement/NAME, "
                         "without .., control characters or a leading -); nothing was taken from it"), name, shown);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
commit_exists (git_repository *repo,
               const git_oid  *id)
{
  g_autoptr(git_commit) commit = NULL;

  return git_commit_lookup (&commit, repo, id) == 0;
}

static gboolean
check_prerequisites (AmendBundle    *bundle,
                     git_repository *repo,
                     const char     *name,
                     GError        **error)
{
  guint missing = 0;
  guint first_missing = 0;
  char hex[8];
  g_autofree char *comment = NULL;

  for (guint i = 0; i < bundle->prerequisites->len; i++)
    if (!commit_exists (repo, &g_array_index (bundle->prerequisites, git_oid, i)) && missing++ == 0)
      first_missing = i;
  if (missing == 0)
    return TRUE;
  git_oid_tostr (hex, sizeof hex, &g_array_index (bundle->prerequisites, git_oid, first_missing));
  comment = g_strescape (g_ptr_array_index (bundle->prerequisite_comments, first_missing), NULL);
  if (missing == bundle->prerequisites->len && git_repository_head_unborn (repo) != 1)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_UNRELATED,
                 _("%s belongs to another regulation: this project has none of the versions it was made from "
                   "(%s \xe2\x80\x9c%s\xe2\x80\x9d); import it into the project it came from"), name, hex, comment);
  else
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NEEDS_NEWER,
                 _("%s needs a newer draft than this project has (version %s \xe2\x80\x9c%s\xe2\x80\x9d); "
                   "pull first, or ask the sender for that draft or for a whole-project package"),
                 name, hex, comment);
  return FALSE;
}

/* ----------------------------------------------------------------------- */
/* The incoming folder                                                      */
/* ----------------------------------------------------------------------- */

static char *
make_incoming (git_repository *repo,
               GError        **error)
{
  g_autofree char *amend_dir = g_build_filename (git_repository_path (repo), "amend", NULL);
  g_autofree char *template = NULL;
  g_autofree char *pack_dir = NULL;
  char *dir;

  g_mkdir_with_parents (amend_dir, 0755);
  template = g_build_filename (amend_dir, "incoming-XXXXXX", NULL);
  dir = g_mkdtemp (g_steal_pointer (&template));
  if (dir == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot make a folder in %s: %s"), amend_dir, g_strerror (saved));
      return NULL;
    }
  pack_dir = g_build_filename (dir, "pack", NULL);
  g_mkdir (pack_dir, 0755);
  return dir;
}

static void
remove_incoming (const char *dir)
{
  g_autofree char *pack_dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  if (dir == NULL)
    return;
  pack_dir = g_build_filename (dir, "pack", NULL);
  listing = g_dir_open (pack_dir, 0, NULL);
  while (listing && (entry = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (pack_dir, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (pack_dir);
  g_rmdir (dir);
}

/* Folders that a killed import left; an hour is long enough for any that
 * may still be running. */
static void
remove_stale_incoming (git_repository *repo)
{
  g_autofree char *amend_dir = g_build_filename (git_repository_path (repo), "amend", NULL);
  g_autoptr(GDir) listing = g_dir_open (amend_dir, 0, NULL);
  const char *entry;
  GStatBuf st;

  while (listing && (entry = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (amend_dir, entry, NULL);

      if (g_str_has_prefix (entry, "incoming-") && g_stat (path, &st) == 0 &&
          st.st_mtime < (time_t) (g_get_real_time () / G_USEC_PER_SEC) - 3600)
        remove_incoming (path);
    }
}

/* The .pack first, then the .idx: git and libgit2 see a pack only
 * through its index, so a kill between the two leaves nothing visible. */
static gboolean
move_pack (git_repository *repo,
           const char     *incoming,
           const char     *pack_name,
           GError        **error)
{
  const char *suffixes[] = { ".pack", ".idx" };
  g_autofree char *objects = g_build_filename (git_repository_path (repo), "objects", "pack", NULL);

  g_mkdir_with_parents (objects, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (pack_name, suffixes[i], NULL);
      g_autofree char *from = g_build_filename (incoming, "pack", file, NULL);
      g_autofree char *to = g_build_filename (objects, file, NULL);

      if (g_rename (from, to) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("cannot move the package's objects into %s: %s; nothing was taken from it: see that you "
                         "may write in the project's .git folder and on its disk, then import it again"),
                       objects, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Import                                                                   */
/* ----------------------------------------------------------------------- */

typedef struct {
  AmendBundle *bundle;
  int          fd;
  char        *incoming;
  char        *pack_name;
} Reading;

static void
reading_clear (Reading *r)
{
  g_clear_pointer (&r->bundle, amend_bundle_free);
  if (r->fd >= 0)
    close (r->fd);
  r->fd = -1;
  remove_incoming (r->incoming);
  g_clear_pointer (&r->incoming, g_free);
  g_clear_pointer (&r->pack_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

/* Steps 1 and 2: the header checked, the pack indexed into the incoming
 * folder, which @repo then reads as an alternate object store. */
static gboolean
read_package (git_repository *repo,
              const char     *file,
              gboolean        amendments_only,
              AmendSyncJob   *job,
              Reading        *r,
              guint          *objects,
              GError        **error)
{
  g_autofree char *name = g_filename_display_name (file);
  g_autofree char *pack_dir = NULL;
  g_autoptr(git_odb) odb = NULL;
  goffset size;
  int rc;

  r->bundle = amend_bundle_open (file, &r->fd, &size, error);
  if (r->bundle == NULL)
    return FALSE;
  if (amendments_only && !check_refs (r->bundle, name, error))
    return FALSE;
  if (!check_prerequisites (r->bundle, repo, name, error))
    return FALSE;
  remove_stale_incoming (repo);
  if ((r->incoming = make_incoming (repo, error)) == NULL)
    return FALSE;
  pack_dir = g_build_filename (r->incoming, "pack", NULL);
  if ((rc = git_repository_odb (&odb, repo)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the objects of the project"));
  if (!amend_bundle_index (r->bundle, r->fd, name, pack_dir, odb, job, &r->pack_name, objects, error))
    return FALSE;
  if ((rc = git_odb_add_disk_alternate (odb, r->incoming)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the objects of %s"), name);
  for (guint i = 0; i < r->bundle->refs->len; i++)
    {
      AmendBundleRef *ref = g_ptr_array_index (r->bundle->refs, i);

      if (!commit_exists (repo, &ref->id))
        {
          g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
                       _("%s is damaged: the version of %s is not in it; ask the sender to send it again"),
                       name, ref->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_can_take (AmendRepository *repo,
                GError         **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(GError) local = NULL;

  if (amend_repository_is_bare (repo))
    return TRUE;
  if (amend_repository_check_can_write (repo, TRUE, &local) && amend_intake_recover (repo, &local))
    return TRUE;
  if (!g_error_matches (local, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* A merge under way may be another Amend's, in the middle of an
   * adoption: wait for it under the write lock and look again, rather
   * than take it for one left unfinished. */
  return (hold = amend_journal_hold (repo, "import", error)) != NULL &&
         amend_repository_check_can_write (repo, TRUE, error) && amend_intake_recover (repo, error);
}

AmendSyncReport *
amend_package_import (const char   *project,
                      const char   *file,
                      AmendSyncJob *job,
                      GError      **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(AmendSyncReport) report = amend_sync_report_new ();
  g_autoptr(AmendIntake) intake = NULL;
  g_auto(Reading) r = { NULL, -1, NULL, NULL };
  git_repository *git;
  gboolean ok;

  if (repo == NULL || !check_can_take (repo, error))
    return NULL;
  git = amend_repository_get_git (repo);
  if (!read_package (git, file, TRUE, job, &r, &report->objects, error))
    return NULL;
  report->bytes = (guint64) lseek (r.fd, 0, SEEK_END);

  /* From the plan to the last branch moved, no other Amend writes (an
   * adoption of the amendment the package brings a newer version of);
   * what was checked before the pack was read is checked again. */
  if (!amend_repository_is_bare (repo) &&
      ((hold = amend_journal_hold (repo, "import", error)) == NULL || !check_can_take (repo, error)))
    return NULL;
  intake = amend_intake_new (repo, NULL);
  for (guint i = 0; i < r.bundle->refs->len; i++)
    {
      AmendBundleRef *ref = g_ptr_array_index (r.bundle->refs, i);

      amend_intake_add (intake, ref->name + strlen ("refs/heads/"), &ref->id);
    }
  if (!amend_intake_plan (intake, job, error) || !amend_sync_job_begin_commit (job, error))
    return NULL;
  ok = move_pack (git, r.incoming, r.pack_name, error) && amend_intake_apply (intake, job, report, error);
  amend_sync_job_end_commit (job);
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

/* ----------------------------------------------------------------------- */
/* Open: a new project from a whole-project package                         */
/* ----------------------------------------------------------------------- */

static gboolean
check_whole (AmendBundle *bundle,
             const char  *name,
             GError     **error)
{
  gboolean has_main = FALSE;

  if (bundle->prerequisites->len > 0)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_WRONG_KIND,
                   _("%s holds one amendment, which needs the project it was made from; import it there with "
                     "amend package import, or ask the sender for a whole-project package (amend package export --all)"),
                   name);
      return FALSE;
    }
  for (guint i = 0; i < bundle->refs->len; i++)
    {
      const char *refname = ((AmendBundleRef *) g_ptr_array_index (bundle->refs, i))->name;

      has_main |= g_strcmp0 (refname, "refs/heads/main") == 0 || g_strcmp0 (refname, "refs/heads/master") == 0;
    }
  if (!has_main)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_WRONG_KIND,
                   _("%s carries no draft (no branch main); ask the sender for a whole-project package "
                     "(amend package export --all)"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
amend_sync_folder_is_free (const char *dir,
                GError    **error)
{
  g_autoptr(GDir) listing = NULL;

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return TRUE;
  listing = g_dir_open (dir, 0, NULL);
  if (listing != NULL && g_dir_read_name (listing) == NULL)
    return TRUE;
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_EXISTS,
               _("%s already exists and is not empty; give the name of a new folder"), dir);
  return FALSE;
}

/* Removes what a failed open or clone made: only the folder it created. */
void
amend_sync_remove_tree (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        amend_sync_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/* A project is made in a hidden folder next to @dir and renamed to it at
 * the end, so that @dir is either missing or complete. */
char *
amend_sync_make_sibling (const char *dir,
              GError    **error)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *base = g_path_get_basename (dir);
  g_autofree char *template = g_strdup_printf ("%s/.%s.amend-XXXXXX", parent, base);
  char *made;

  if (g_mkdir_with_parents (parent, 0755) != 0 || (made = g_mkdtemp (g_steal_pointer (&template))) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot make a folder in %s: %s"), parent, g_strerror (saved));
      return NULL;
    }
  return made;
}

gboolean
amend_sync_put_in_place (const char *made,
                         const char *dir,
                         GError    **error)
{
  /* An empty folder that is there already is replaced; rename(2) does so
   * for an empty directory. */
  if (g_rename (made, dir) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_into (const char      *file,
           const char      *made,
           AmendSyncJob    *job,
           AmendSyncReport *report,
           GError         **error)
{
  git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  g_autoptr(git_repository) git = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendIntake) intake = NULL;
  g_autofree char *name = g_filename_display_name (file);
  g_auto(Reading) r = { NULL, -1, NULL, NULL };
  g_autoptr(git_commit) main_commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
  const char *main_branch = "main";
  int rc;

  opts.flags = GIT_REPOSITORY_INIT_MKPATH;
  opts.initial_head = "main";
  if ((rc = git_repository_init_ext (&git, made, &opts)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot create a repository"));
  {
    g_autoptr(AmendBundle) peek = NULL;
    int fd = -1;
    goffset size;

    if ((peek = amend_bundle_open (file, &fd, &size, error)) == NULL)
      return FALSE;
    close (fd);
    if (!check_whole (peek, name, error))
      return FALSE;
  }
  if (!read_package (git, file, FALSE, job, &r, &report->objects, error))
    return FALSE;
  report->bytes = (guint64) lseek (r.fd, 0, SEEK_END);
  if (!move_pack (git, r.incoming, r.pack_name, error))
    return FALSE;

  repo = amend_repository_open (made, error);
  if (repo == NULL)
    return FALSE;
  intake = amend_intake_new (repo, NULL);
  for (guint i = 0; i < r.bundle->refs->len; i++)
    {
      AmendBundleRef *ref = g_ptr_array_index (r.bundle->refs, i);

      if (g_strcmp0 (ref->name, "refs/heads/master") == 0)
        main_branch = "master";
      if (g_strcmp0 (ref->name, "refs/heads/main") == 0 || g_strcmp0 (ref->name, "refs/heads/master") == 0 ||
          g_str_has_prefix (ref->name, AMENDMENT_REFS))
        amend_intake_add (intake, ref->name + strlen ("refs/heads/"), &ref->id);
    }
  if (!amend_intake_plan (intake, job, error) || !amend_intake_apply (intake, job, report, error))
    return FALSE;

  /* The draft in the working copy, as git clone leaves it. */
  {
    g_autofree char *head = g_strconcat ("refs/heads/", main_branch, NULL);
    git_oid id;

    /* FORCE: the folder is new and Amend's own, there is nothing in it
     * to keep (SAFE would take the missing files for deleted ones). */
    checkout.checkout_strategy = GIT_CHECKOUT_FORCE;
    if ((rc = git_reference_name_to_id (&id, amend_repository_get_git (repo), head)) < 0 ||
        (rc = git_commit_lookup (&main_commit, amend_repository_get_git (repo), &id)) < 0 ||
        (rc = git_commit_tree (&tree, main_commit)) < 0 ||
        (rc = git_repository_set_head (amend_repository_get_git (repo), head)) < 0 ||
        (rc = git_checkout_tree (amend_repository_get_git (repo), (git_object *) tree, &checkout)) < 0)
      return amend_sync_set_git_error (error, rc, _("cannot check out the draft"));
  }
  return TRUE;
}

AmendSyncReport *
amend_package_open (const char   *file,
                    const char   *dir,
                    AmendSyncJob *job,
                    GError      **error)
{
  g_autoptr(AmendSyncReport) report = amend_sync_report_new ();
  g_autofree char *made = NULL;
  gboolean ok;

  amend_repository_ensure_libgit2 ();
  if (!amend_sync_folder_is_free (dir, error) || (made = amend_sync_make_sibling (dir, error)) == NULL)
    return NULL;
  ok = open_into (file, made, job, report, error) &&
       amend_sync_job_begin_commit (job, error) &&
       amend_sync_put_in_place (made, dir, error);
  amend_sync_job_end_commit (job);
  if (!ok)
    {
      amend_sync_remove_tree (made);
      return NULL;
    }
  report->path = g_strdup (dir);
  return g_steal_pointer (&report);
}
