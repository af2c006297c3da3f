/* test-sync.c: packages (git bundles) and remotes, through the core API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real projects in temporary folders, real bundles, and the git program as
 * the judge: git bundle verify and git fetch read Amend's packages, Amend
 * reads git's, and git fsck --strict passes after every scenario.  Every
 * refusal is checked to leave the project exactly as it was: its refs, its
 * object store, its working copy.
 */
#include "config.h"

#include <fcntl.h>
#include <git2.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "amend-amendment.h"
#include "amend-bundle.h"
#include "amend-pending-merge.h"
#include "amend-repository.h"
#include "amend-sync.h"
#include "amend-test-git.h"
#include "amend-test-server.h"
#include "amend-test-util.h"

#define AUTHOR "Jan Jansen <jan@example.nl>"

/* ----------------------------------------------------------------------- */
/* Projects                                                                 */
/* ----------------------------------------------------------------------- */

static char *
new_project (const char *parent,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_build_filename (parent, name, NULL);
  g_autoptr(AmendRepository) repo = amend_repository_create (dir, AUTHOR, &error);

  g_assert_no_error (error);
  return dir;
}

static AmendRepository *
open_repo (const char *dir)
{
  g_autoptr(GError) error = NULL;
  AmendRepository *repo = amend_repository_open (dir, &error);

  g_assert_no_error (error);
  return repo;
}

/* Proposes an amendment from main; the working copy goes to it. */
static void
propose (const char *dir,
         const char *title)
{
  g_autoptr(AmendRepository) repo = open_repo (dir);
  g_autoptr(GError) error = NULL;
  const char *by[] = { AUTHOR, NULL };
  g_autoptr(AmendAmendment) a = amend_amendment_propose (repo, title, by, "Omdat het beter is.", "main", &error);

  g_assert_no_error (error);
}

static void
switch_to (const char *dir,
           const char *name)
{
  g_autoptr(AmendRepository) repo = open_repo (dir);
  g_autoptr(GError) error = NULL;

  amend_repository_switch (repo, name, FALSE, NULL, &error);
  g_assert_no_error (error);
}

static void
save (const char *dir,
      const char *message)
{
  g_autoptr(AmendRepository) repo = open_repo (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = amend_repository_save (repo, NULL, AUTHOR, NULL, message, &error);

  g_assert_no_error (error);
}

/* Replaces @from by @to in regeling.md and saves. */
static void
change_text (const char *dir,
             const char *from,
             const char *to)
{
  g_autofree char *text = amend_test_read (dir, "regeling.md");
  g_auto(GStrv) parts = g_strsplit (text, from, 2);
  g_autofree char *joined = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (to, parts);
  amend_test_write (dir, "regeling.md", joined);
  save (dir, to);
}

/* A comment as a file next to the record, as comments travel. */
static void
add_comment (const char *dir,
             const char *slug,
             const char *id,
             const char *text)
{
  g_autofree char *path = g_strdup_printf (".amend/amendementen/%s/opmerkingen/%s.md", slug, id);

  amend_test_write (dir, path, text);
  save (dir, "Opmerking");
}

static char *
clone_project (const char *source,
               const char *parent,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_build_filename (parent, name, NULL);
  g_autoptr(AmendSyncReport) report = amend_sync_clone (source, dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->path, ==, dir);
  return dir;
}

static void
export_package (const char *dir,
                const char *name,
                const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_package_export (dir, name, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (report->objects, >, 0);
}

static AmendSyncReport *
import_ok (const char *dir,
           const char *file)
{
  g_autoptr(GError) error = NULL;
  AmendSyncReport *report = amend_package_import (dir, file, NULL, &error);

  g_assert_no_error (error);
  amend_test_fsck (dir);
  return report;
}

static void
assert_file_has (const char *dir,
                 const char *file,
                 const char *needle)
{
  g_autofree char *text = amend_test_read (dir, file);

  if (strstr (text, needle) == NULL)
    g_error ("\"%s\" is not in %s/%s", needle, dir, file);
}

static void
assert_clean (const char *dir)
{
  g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);

  g_assert_cmpstr (status, ==, "");
}

static void
assert_exists (const char *dir,
               const char *name,
               gboolean    exists)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, exists);
}

/* Everything a command could change: refs, HEAD, the object store, the
 * working copy, the files of .git/amend (the articles cache aside). */
static char *
snapshot (const char *dir)
{
  g_autofree char *refs = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  g_autofree char *head = amend_test_git_ok (dir, "symbolic-ref", "-q", "HEAD", NULL);
  g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", "--untracked-files=all", NULL);
  g_autofree char *objects = amend_test_git_ok (dir, "count-objects", "-v", NULL);
  g_autofree char *pack_dir = g_build_filename (dir, ".git", "objects", "pack", NULL);
  g_autofree char *amend_dir = g_build_filename (dir, ".git", "amend", NULL);
  g_autofree char *packs = amend_test_listing (pack_dir);
  g_autofree char *amend = amend_test_listing (amend_dir);
  g_autofree char *regulation = amend_test_read (dir, "regeling.md");

  return g_strdup_printf ("%s\n%s\n%s\n%s\n%s\n%s\n%s", refs, head, status, objects, packs, amend, regulation);
}

/* A refusal: the error, one sentence on one line, and nothing changed. */
static void
assert_refused (const char   *dir,
                const char   *before,
                const GError *error,
                GQuark        domain,
                int           code,
                const char   *needle)
{
  g_autofree char *after = snapshot (dir);

  g_assert_error (error, domain, code);
  if (needle && strstr (error->message, needle) == NULL)
    g_error ("\"%s\" is not in: %s", needle, error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpstr (before, ==, after);
  amend_test_fsck (dir);
}

/* A (the officer's project, on main) with the amendment "kortere-termijn",
 * one version with a changed article and one comment; B cloned from A
 * before that amendment existed. */
typedef struct {
  char *parent;
  char *a;
  char *b;
  char *file;
} Pair;

static void
pair_setup (Pair *p)
{
  p->parent = amend_test_tmpdir ("amend-sync");
  p->a = new_project (p->parent, "a");
  p->b = clone_project (p->a, p->parent, "b");
  propose (p->a, "Kortere termijn");
  change_text (p->a, "op de dag na die van de bekendmaking", "een week na de bekendmaking");
  add_comment (p->a, "kortere-termijn", "0f8fad5b-d9cb-469f-a165-70867728950e",
               "---\nauthor: Eva\n---\n\nWaarom een week?\n");
  p->file = g_build_filename (p->parent, "kortere-termijn.amend", NULL);
}

static void
pair_teardown (Pair *p)
{
  amend_test_rmtree (p->parent);
  g_free (p->parent);
  g_free (p->a);
  g_free (p->b);
  g_free (p->file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pair, pair_teardown)

/* ----------------------------------------------------------------------- */
/* Export                                                                   */
/* ----------------------------------------------------------------------- */

static void
test_export_amendment (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendBundle) bundle = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  g_autofree char *root = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *verify = NULL;
  g_autofree char *err = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  gsize len;
  guint expected_objects = 0;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  switch_to (p.a, "main");
  change_text (p.a, "de gemeenteraad", "de raad van de gemeente");
  report = amend_package_export (p.a, "kortere-termijn", p.file, NULL, &error);
  g_assert_no_error (error);

  /* The header: the amendment's branch; the commit it branched from and
   * main's first commit as prerequisites. */
  g_assert_true (g_file_get_contents (p.file, &data, &len, NULL));
  bundle = amend_bundle_parse_header (data, len, "f", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->version, ==, 2);
  g_assert_cmpuint (bundle->refs->len, ==, 1);
  g_assert_cmpstr (((AmendBundleRef *) g_ptr_array_index (bundle->refs, 0))->name, ==,
                   "refs/heads/amendement/kortere-termijn");
  base = amend_test_rev (p.a, "amendement/kortere-termijn~3");
  root = amend_test_rev (p.a, "main~1");
  tip = amend_test_rev (p.a, "amendement/kortere-termijn");
  g_assert_cmpuint (bundle->prerequisites->len, ==, 1);   /* base is the first commit here */
  g_assert_cmpstr (git_oid_tostr (hex, sizeof hex, &g_array_index (bundle->prerequisites, git_oid, 0)), ==, base);
  g_assert_cmpstr (base, ==, root);
  g_assert_cmpstr (git_oid_tostr (hex, sizeof hex, &((AmendBundleRef *) g_ptr_array_index (bundle->refs, 0))->id), ==, tip);

  /* Only what the amendment added: the objects git counts from base. */
  expected = amend_test_git_ok (p.a, "rev-list", "--objects", "amendement/kortere-termijn", "^main~1", NULL);
  for (const char *c = expected; *c; c++)
    expected_objects += *c == '\n';
  g_assert_cmpuint (report->objects, ==, expected_objects);
  g_assert_cmpuint (report->bytes, ==, len);

  /* git reads it: verify in B (which has the base), fetch into B. */
  g_assert_cmpint (amend_test_git (p.b, &verify, &err, "bundle", "verify", p.file, NULL), ==, 0);
  g_free (amend_test_git_ok (p.b, "fetch", p.file, "refs/heads/amendement/*:refs/remotes/pakket/amendement/*", NULL));
  amend_test_assert_same_rev (p.b, "refs/remotes/pakket/amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
  amend_test_fsck (p.b);
}

static void
test_export_prerequisites (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendBundle) bundle = NULL;
  g_autofree char *data = NULL;
  g_autofree char *file = NULL;
  g_autofree char *main = NULL;
  g_autofree char *root = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  gsize len;

  if (!amend_test_need_git ())
    return;
  /* An amendment of a later draft: its base and main's first commit. */
  pair_setup (&p);
  switch_to (p.a, "main");
  change_text (p.a, "de gemeenteraad", "de raad van de gemeente");
  propose (p.a, "Later");
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  file = g_strdup (p.file);
  export_package (p.a, "later", file);
  g_assert_true (g_file_get_contents (file, &data, &len, NULL));
  bundle = amend_bundle_parse_header (data, len, "f", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->prerequisites->len, ==, 2);
  main = amend_test_rev (p.a, "main");
  root = amend_test_rev (p.a, "main~1");
  g_assert_cmpstr (git_oid_tostr (hex, sizeof hex, &g_array_index (bundle->prerequisites, git_oid, 0)), ==, main);
  g_assert_cmpstr (git_oid_tostr (hex, sizeof hex, &g_array_index (bundle->prerequisites, git_oid, 1)), ==, root);
  g_assert_cmpstr (g_ptr_array_index (bundle->prerequisite_comments, 0), ==, "de raad van de gemeente");
  g_assert_cmpint (amend_test_git (p.a, NULL, NULL, "bundle", "verify", file, NULL), ==, 0);
  /* B lacks the later draft: git says so too. */
  g_assert_cmpint (amend_test_git (p.b, NULL, NULL, "bundle", "verify", file, NULL), !=, 0);
}

/* An amendment that took in a later draft (git merge main) met main twice:
 * its package is made through libgit2's own walk, and holds the same. */
static void
test_export_merged_draft (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *data = NULL;
  g_autoptr(AmendBundle) bundle = NULL;
  char hex[GIT_OID_HEXSZ + 1];
  guint expected_objects = 0;
  gsize len;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  switch_to (p.a, "main");
  change_text (p.a, "de gemeenteraad", "de raad van de gemeente");
  switch_to (p.a, "kortere-termijn");
  g_free (amend_test_git_ok (p.a, "merge", "-q", "-m", "Nieuw ontwerp erin", "main", NULL));
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  report = amend_package_export (p.a, "kortere-termijn", p.file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (p.file, &data, &len, NULL));
  bundle = amend_bundle_parse_header (data, len, "f", &error);
  g_assert_no_error (error);
  /* Its base is now main itself. */
  expected = amend_test_rev (p.a, "main");
  g_assert_cmpstr (git_oid_tostr (hex, sizeof hex, &g_array_index (bundle->prerequisites, git_oid, 0)), ==, expected);
  g_free (expected);
  expected = amend_test_git_ok (p.a, "rev-list", "--objects", "amendement/kortere-termijn", "^main", NULL);
  for (const char *c = expected; *c; c++)
    expected_objects += *c == '\n';
  g_assert_cmpuint (report->objects, ==, expected_objects);
  g_assert_cmpint (amend_test_git (p.a, NULL, NULL, "bundle", "verify", p.file, NULL), ==, 0);
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_package_import (p.b, p.file, NULL, &error);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NEEDS_NEWER);
}

static void
test_export_all (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *cloned = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *branches = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  whole = g_build_filename (p.parent, "alles.amend", NULL);
  report = amend_package_export (p.a, NULL, whole, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (amend_sync_report_find (report, "main"));
  g_assert_nonnull (amend_sync_report_find (report, "amendement/kortere-termijn"));
  g_assert_cmpstr (amend_sync_report_find (report, "amendement/kortere-termijn")->title, ==, "Kortere termijn");

  /* Without prerequisites: git verifies it anywhere and clones from it. */
  empty = g_build_filename (p.parent, "leeg", NULL);
  g_free (amend_test_git_ok (p.parent, "init", "-q", "leeg", NULL));
  g_assert_cmpint (amend_test_git (empty, NULL, NULL, "bundle", "verify", whole, NULL), ==, 0);
  cloned = g_build_filename (p.parent, "door-git", NULL);
  g_free (amend_test_git_ok (p.parent, "clone", "-q", whole, cloned, NULL));
  branches = amend_test_git_ok (cloned, "branch", "-a", "--format=%(refname)", NULL);
  g_assert_nonnull (strstr (branches, "refs/heads/main"));
  g_assert_nonnull (strstr (branches, "refs/remotes/origin/amendement/kortere-termijn"));
  amend_test_assert_same_rev (cloned, "origin/amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
  amend_test_fsck (cloned);
}

/* Replaces the first @from in @text by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* Replaces the first @from in regeling.md by @to and saves. */
static void
edit_text (const char *dir,
           const char *from,
           const char *to,
           const char *message)
{
  g_autofree char *text = amend_test_read (dir, "regeling.md");
  g_autofree char *changed = replace_once (text, from, to);

  amend_test_write (dir, "regeling.md", changed);
  save (dir, message);
}

static void
test_export_thin (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/nl-wetten/BWBR0005416_gemeentewet.md");
  g_autofree char *law = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  gsize len;
  GStatBuf st;

  if (path == NULL || !amend_test_need_git ())
    return;
  law = amend_test_read_file (path, &len);
  parent = amend_test_tmpdir ("amend-thin");
  a = new_project (parent, "a");
  amend_test_write (a, "regeling.md", law);
  save (a, "De Gemeentewet");
  b = clone_project (a, parent, "b");
  propose (a, "Gewijzigde gemeentewet");
  /* A word in the middle, a sentence at the start, a line taken out
   * and one added at the end, each its own version. */
  edit_text (a, "gemeenteraad", "raad van de gemeente", "Een woord");
  edit_text (a, "<meta", "Een nieuwe eerste zin.\n\n<meta", "Een zin");
  edit_text (a, "Allen, die deze zullen zien of horen lezen, saluut! doen te weten: \n", "", "Een regel minder");
  g_free (law);
  law = amend_test_read (a, "regeling.md");
  text = g_strconcat (law, "\nEen slotregel.\n", NULL);
  amend_test_write (a, "regeling.md", text);
  save (a, "Een slotregel");
  file = g_build_filename (parent, "dun.amend", NULL);
  export_package (a, "gewijzigde-gemeentewet", file);

  /* The four versions of a 230 KB text as deltas against what B has:
   * some kilobytes in all. */
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, (goffset) len / 20);

  /* git completes it (index-pack --fix-thin under fetch), and so does
   * Amend: the same text arrives. */
  g_assert_cmpint (amend_test_git (b, NULL, NULL, "bundle", "verify", file, NULL), ==, 0);
  g_free (amend_test_git_ok (b, "fetch", file, "refs/heads/amendement/*:refs/remotes/pakket/amendement/*", NULL));
  amend_test_assert_same_rev (b, "refs/remotes/pakket/amendement/gewijzigde-gemeentewet", a, "amendement/gewijzigde-gemeentewet");
  amend_test_fsck (b);
  g_free (amend_test_git_ok (b, "update-ref", "-d", "refs/remotes/pakket/amendement/gewijzigde-gemeentewet", NULL));
  g_free (amend_test_git_ok (b, "gc", "-q", "--prune=now", NULL));
  report = import_ok (b, file);
  amend_test_assert_same_rev (b, "amendement/gewijzigde-gemeentewet", a, "amendement/gewijzigde-gemeentewet");
  ours = amend_test_git_ok (a, "show", "amendement/gewijzigde-gemeentewet:regeling.md", NULL);
  theirs = amend_test_git_ok (b, "show", "amendement/gewijzigde-gemeentewet:regeling.md", NULL);
  g_assert_cmpstr (ours, ==, theirs);
  g_assert_nonnull (strstr (ours, "Een slotregel."));
  amend_test_rmtree (parent);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)

/* @count versions of regeling.md on main, written straight with libgit2:
 * each adds a line to the text before it, somewhere else each time. */
static void
add_versions (const char *dir,
              guint       count)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autofree char *text = amend_test_read (dir, "regeling.md");
  git_oid head;

  g_assert_cmpint (git_repository_open (&repo, dir), ==, 0);
  g_assert_cmpint (git_signature_now (&sig, "Jan Jansen", "jan@example.nl"), ==, 0);
  g_assert_cmpint (git_reference_name_to_id (&head, repo, "refs/heads/main"), ==, 0);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *word = g_strdup_printf ("versie-%u", i);
      const char *nl = strchr (text + (i * 7919u) % strlen (text), '\n');
      gsize at = nl ? (gsize) (nl - text) + 1 : strlen (text);
      g_autofree char *next = g_strdup_printf ("%.*s%s\n%s", (int) at, text, word, text + at);
      git_tree_update update = { GIT_TREE_UPDATE_UPSERT, { { 0 } }, GIT_FILEMODE_BLOB, "regeling.md" };
      g_autoptr(git_commit) parent = NULL;
      g_autoptr(git_tree) tree = NULL;
      git_oid tree_id;

      g_free (text);
      text = g_steal_pointer (&next);
      g_assert_cmpint (git_blob_create_from_buffer (&update.id, repo, text, strlen (text)), ==, 0);
      g_assert_cmpint (git_commit_lookup (&parent, repo, &head), ==, 0);
      g_assert_cmpint (git_commit_tree (&tree, parent), ==, 0);
      g_assert_cmpint (git_tree_create_updated (&tree_id, repo, tree, 1, &update), ==, 0);
      git_tree_free (g_steal_pointer (&tree));
      g_assert_cmpint (git_tree_lookup (&tree, repo, &tree_id), ==, 0);
      g_assert_cmpint (git_commit_create_v (&head, repo, "refs/heads/main", sig, sig, NULL, word, tree, 1, parent), ==, 0);
    }
}

static guint
longest_chain (const char *dir)
{
  g_autofree char *packs = g_build_filename (dir, ".git", "objects", "pack", NULL);
  g_autoptr(GDir) listing = g_dir_open (packs, 0, NULL);
  const char *name;
  guint longest = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *idx = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".idx"))
        continue;
      idx = g_build_filename (packs, name, NULL);
      out = amend_test_git_ok (dir, "verify-pack", "-v", idx, NULL);
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (g_str_has_prefix (lines[i], "chain length = "))
          longest = MAX (longest, (guint) g_ascii_strtoull (lines[i] + strlen ("chain length = "), NULL, 10));
    }
  return longest;
}

static void
test_export_all_versions (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/nl-wetten/BWBR0001941_opiumwet.md");
  g_autofree char *law = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *a = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *cloned = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  GStatBuf st;

  if (path == NULL || !amend_test_need_git ())
    return;
  law = amend_test_read_file (path, &len);
  parent = amend_test_tmpdir ("amend-versions");
  a = new_project (parent, "a");
  amend_test_write (a, "regeling.md", law);
  save (a, "De Opiumwet");
  /* Past 256 versions: the deltas against the one before, the 16th and
   * the 256th before are all made. */
  add_versions (a, 300);
  whole = g_build_filename (parent, "alles.amend", NULL);
  report = amend_package_export (a, NULL, whole, NULL, &error);
  g_assert_no_error (error);

  /* 301 versions of a 50 KB text: deltas, far less than ten whole texts. */
  g_assert_cmpint (g_stat (whole, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, (goffset) len * 10 / 4);

  /* git clones it: every version is there, no chain of deltas longer than
   * git's own limit (50). */
  cloned = g_build_filename (parent, "door-git", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", whole, cloned, NULL));
  amend_test_assert_same_rev (cloned, "main", a, "main");
  amend_test_fsck (cloned);
  g_assert_cmpuint (longest_chain (cloned), >, 0);
  g_assert_cmpuint (longest_chain (cloned), <, 50);

  /* And Amend makes a project of it. */
  opened = g_build_filename (parent, "geopend", NULL);
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_package_open (whole, opened, NULL, &error);
  g_assert_no_error (error);
  amend_test_assert_same_rev (opened, "main", a, "main");
  amend_test_fsck (opened);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */
/* Import                                                                   */
/* ----------------------------------------------------------------------- */

static void
test_import_new (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) report = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *head = NULL;
  const AmendSyncChange *change;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  report = import_ok (p.b, p.file);
  change = amend_sync_report_find (report, "amendement/kortere-termijn");
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_NEW);
  g_assert_cmpstr (change->title, ==, "Kortere termijn");
  g_assert_cmpuint (change->commits, ==, 3);
  g_assert_cmpuint (change->comments, ==, 1);
  g_assert_cmpuint (change->new_comments, ==, 1);
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
  amend_test_assert_same_rev (p.b, "main", p.a, "main");

  /* The comment came with it, and amend list sees the amendment. */
  comment = amend_test_git_ok (p.b, "show",
                               "amendement/kortere-termijn:.amend/amendementen/kortere-termijn/opmerkingen/"
                               "0f8fad5b-d9cb-469f-a165-70867728950e.md", NULL);
  g_assert_nonnull (strstr (comment, "Waarom een week?"));
  repo = open_repo (p.b);
  list = amend_amendment_list (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (amend_amendment_has_record (g_ptr_array_index (list, 0)));
  /* The working copy stayed where it was, on main. */
  head = amend_test_git_ok (p.b, "symbolic-ref", "HEAD", NULL);
  g_assert_cmpstr (g_strstrip (head), ==, "refs/heads/main");
}

static void
test_import_git_bundle (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *file = NULL;

  if (!amend_test_need_git ())
    return;
  /* git bundle create makes a thin pack: deltas against objects only the
   * receiver has, which the indexer completes from B's objects. */
  pair_setup (&p);
  file = g_build_filename (p.parent, "door-git.bundle", NULL);
  g_free (amend_test_git_ok (p.a, "bundle", "create", "-q", file, "amendement/kortere-termijn", "^main", NULL));
  report = import_ok (p.b, file);
  g_assert_cmpint (amend_sync_report_find (report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_NEW);
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
}

/* git bundle create lists a branch named twice on its command line twice
 * (amendement/x and refs/heads/amendement/x): one branch, taken once. */
static void
test_import_git_bundle_twice (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  file = g_build_filename (p.parent, "twee-keer.bundle", NULL);
  g_free (amend_test_git_ok (p.a, "bundle", "create", "-q", file, "amendement/kortere-termijn",
                             "refs/heads/amendement/kortere-termijn", "^main", NULL));
  g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
  g_assert_nonnull (strstr (strstr (data, " refs/heads/amendement/kortere-termijn\n") + 1,
                            " refs/heads/amendement/kortere-termijn\n"));
  report = import_ok (p.b, file);
  g_assert_cmpint (amend_sync_report_find (report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_NEW);
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
}

/* A subamendment's package holds its amendment's versions too; taken in
 * first, it must not make the amendment count as here already: the
 * amendment's own package, later, makes its branch. */
static void
test_import_subamendment_first (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) sub = NULL;
  g_autoptr(AmendSyncReport) first = NULL;
  g_autoptr(AmendSyncReport) second = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub_file = NULL;
  const char *by[] = { AUTHOR, NULL };

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  repo = open_repo (p.a);
  sub = amend_amendment_propose_on (repo, "kortere-termijn", "Nog korter", by, "Sneller.", &error);
  g_assert_no_error (error);
  change_text (p.a, "een week na de bekendmaking", "de dag na de bekendmaking");
  sub_file = g_build_filename (p.parent, "nog-korter.amend", NULL);
  export_package (p.a, "nog-korter", sub_file);
  export_package (p.a, "kortere-termijn", p.file);

  first = import_ok (p.b, sub_file);
  g_assert_cmpint (amend_sync_report_find (first, "amendement/nog-korter")->kind, ==, AMEND_SYNC_NEW);
  second = import_ok (p.b, p.file);
  g_assert_cmpint (amend_sync_report_find (second, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_NEW);
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
  amend_test_assert_same_rev (p.b, "amendement/nog-korter", p.a, "amendement/nog-korter");
  g_clear_object (&repo);
  repo = open_repo (p.b);
  list = amend_amendment_list (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
}

/* A submodule's id in the draft is no object of this project: a new file
 * with the same bytes as that id must still travel (git refuses a pack
 * without it). */
static void
test_export_submodule_id (void)
{
  g_auto(Pair) p = { 0 };
  const char *text = "inhoud van het nieuwe bestand\n";
  g_autofree char *id = NULL;
  g_autofree char *cacheinfo = NULL;
  g_autofree char *path = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  switch_to (p.a, "main");
  amend_test_write (p.parent, "bijlage.txt", text);
  path = g_build_filename (p.parent, "bijlage.txt", NULL);
  id = amend_test_git_ok (p.a, "hash-object", path, NULL);
  cacheinfo = g_strdup_printf ("160000,%s,extern", g_strstrip (id));
  g_free (amend_test_git_ok (p.a, "update-index", "--add", "--cacheinfo", cacheinfo, NULL));
  g_free (amend_test_git_ok (p.a, "commit", "-q", "-m", "Extern", NULL));
  g_free (amend_test_git_ok (p.b, "pull", "-q", p.a, "main", NULL));
  propose (p.a, "Bijlage");
  amend_test_write (p.a, "bijlage.txt", text);
  g_free (amend_test_git_ok (p.a, "add", "bijlage.txt", NULL));
  g_free (amend_test_git_ok (p.a, "commit", "-q", "-m", "Bijlage", NULL));
  export_package (p.a, "bijlage", p.file);
  g_free (amend_test_git_ok (p.b, "fetch", "-q", p.file, "refs/heads/amendement/bijlage:refs/heads/ontvangen", NULL));
  amend_test_assert_same_rev (p.b, "ontvangen", p.a, "amendement/bijlage");
  amend_test_fsck (p.b);
}

static void
test_import_newer (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) first = NULL;
  g_autoptr(AmendSyncReport) second = NULL;
  g_autoptr(AmendSyncReport) again = NULL;
  g_autoptr(AmendSyncReport) older = NULL;
  g_autofree char *newer = NULL;
  const AmendSyncChange *change;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  first = import_ok (p.b, p.file);
  /* B works on the amendment; A adds a version and a comment. */
  switch_to (p.b, "kortere-termijn");
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  add_comment (p.a, "kortere-termijn", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "Akkoord.\n");
  newer = g_build_filename (p.parent, "nieuwer.amend", NULL);
  export_package (p.a, "kortere-termijn", newer);

  second = import_ok (p.b, newer);
  change = amend_sync_report_find (second, "amendement/kortere-termijn");
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_UPDATED);
  g_assert_cmpuint (change->commits, ==, 2);
  g_assert_cmpuint (change->comments, ==, 2);
  g_assert_cmpuint (change->new_comments, ==, 1);
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
  /* The working copy followed its branch. */
  assert_file_has (p.b, "regeling.md", "Vastgesteld in de openbare");
  assert_clean (p.b);

  /* The same again: unchanged; the older package: kept, B is newer. */
  again = import_ok (p.b, newer);
  g_assert_cmpint (amend_sync_report_find (again, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_UNCHANGED);
  older = import_ok (p.b, p.file);
  g_assert_cmpint (amend_sync_report_find (older, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_LOCAL_NEWER);
}

static void
test_import_dirty_working_copy (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *edited = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  first = import_ok (p.b, p.file);
  switch_to (p.b, "kortere-termijn");
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  newer = g_build_filename (p.parent, "nieuwer.amend", NULL);
  export_package (p.a, "kortere-termijn", newer);

  /* An unsaved edit of the line the newer version changes. */
  text = amend_test_read (p.b, "regeling.md");
  edited = g_strconcat (text, "\nNog niet bewaard.\n", NULL);
  amend_test_write (p.b, "regeling.md", edited);
  before = snapshot (p.b);
  g_assert_null (amend_package_import (p.b, newer, NULL, &error));
  assert_refused (p.b, before, error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY, "regeling.md");
}

static void
test_import_diverged (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) first = NULL;
  g_autoptr(AmendSyncReport) second = NULL;
  g_autoptr(AmendSyncReport) again = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *files = NULL;
  g_autofree char *parent = NULL;
  const AmendSyncChange *change;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  first = import_ok (p.b, p.file);
  /* Both change the amendment, each in its own way. */
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  switch_to (p.b, "kortere-termijn");
  change_text (p.b, "een week na", "twee weken na");
  ours = amend_test_rev (p.b, "amendement/kortere-termijn");
  theirs = g_build_filename (p.parent, "anders.amend", NULL);
  export_package (p.a, "kortere-termijn", theirs);

  second = import_ok (p.b, theirs);
  change = amend_sync_report_find (second, "amendement/kortere-termijn");
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_DIVERGED);
  g_assert_cmpstr (change->kept_as, ==, "amendement/kortere-termijn-2");
  /* Ours is untouched; theirs is kept with its record moved to its slug. */
  parent = amend_test_rev (p.b, "amendement/kortere-termijn");
  g_assert_cmpstr (parent, ==, ours);
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn-2~1", p.a, "amendement/kortere-termijn");
  files = amend_test_git_ok (p.b, "ls-tree", "-r", "--name-only", "amendement/kortere-termijn-2", NULL);
  g_assert_nonnull (strstr (files, ".amend/amendementen/kortere-termijn-2/amendement.ini"));
  g_assert_nonnull (strstr (files, ".amend/amendementen/kortere-termijn-2/opmerkingen/"));
  g_assert_null (strstr (files, ".amend/amendementen/kortere-termijn/"));
  repo = open_repo (p.b);
  list = amend_amendment_list (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      g_assert_true (amend_amendment_has_record (g_ptr_array_index (list, i)));
      g_assert_cmpstr (amend_amendment_get_title (g_ptr_array_index (list, i)), ==, "Kortere termijn");
    }

  /* Once more: it is here already, under its new name. */
  again = import_ok (p.b, theirs);
  change = amend_sync_report_find (again, "amendement/kortere-termijn");
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_ALREADY_AS);
  g_assert_cmpstr (change->kept_as, ==, "amendement/kortere-termijn-2");
}

/* A diverged amendment is kept under a slug that a branch made with git
 * (amendement/x-2/oud) leaves room for: x-3. */
static void
test_import_diverged_no_room (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) first = NULL;
  g_autoptr(AmendSyncReport) second = NULL;
  g_autofree char *theirs = NULL;
  const AmendSyncChange *change;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  first = import_ok (p.b, p.file);
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  switch_to (p.b, "kortere-termijn");
  change_text (p.b, "een week na", "twee weken na");
  theirs = g_build_filename (p.parent, "anders.amend", NULL);
  export_package (p.a, "kortere-termijn", theirs);
  g_free (amend_test_git_ok (p.b, "branch", "amendement/kortere-termijn-2/oud", "main", NULL));

  second = import_ok (p.b, theirs);
  change = amend_sync_report_find (second, "amendement/kortere-termijn");
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_DIVERGED);
  g_assert_cmpstr (change->kept_as, ==, "amendement/kortere-termijn-3");
  amend_test_assert_same_rev (p.b, "amendement/kortere-termijn-3~1", p.a, "amendement/kortere-termijn");
  amend_test_fsck (p.b);
}

/* ----------------------------------------------------------------------- */
/* Bad packages                                                             */
/* ----------------------------------------------------------------------- */

static void
write_bytes (const char *path,
             const char *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
write_text (const char *path,
            const char *text)
{
  write_bytes (path, text, strlen (text));
}

/* @file with the text @from of its header replaced by @to. */
static char *
rewrite_header (const char *file,
                const char *from,
                const char *to)
{
  g_autofree char *data = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *path = g_strconcat (file, ".anders", NULL);
  const char *hit;
  gsize len;

  g_assert_true (g_file_get_contents (file, &data, &len, NULL));
  hit = strstr (data, from);
  g_assert_nonnull (hit);
  g_byte_array_append (out, (guint8 *) data, (guint) (hit - data));
  g_byte_array_append (out, (guint8 *) to, (guint) strlen (to));
  g_byte_array_append (out, (guint8 *) hit + strlen (from), (guint) (len - (gsize) (hit - data) - strlen (from)));
  write_bytes (path, (char *) out->data, out->len);
  return g_steal_pointer (&path);
}

static void
refuse_import (const char *dir,
               const char *file,
               int         code,
               const char *needle)
{
  g_autofree char *before = snapshot (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_package_import (dir, file, NULL, &error);

  g_assert_null (report);
  assert_refused (dir, before, error, AMEND_SYNC_ERROR, code, needle);
}

static void
test_import_damaged (void)
{
  g_auto(Pair) p = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize len;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  g_assert_true (g_file_get_contents (p.file, &data, &len, NULL));
  path = g_build_filename (p.parent, "kapot.amend", NULL);

  /* Cut off in the middle of the pack. */
  write_bytes (path, data, len - 60);
  refuse_import (p.b, path, AMEND_SYNC_ERROR_DAMAGED, "damaged");
  /* One byte changed in the pack's checksum. */
  data[len - 5] ^= 0x40;
  write_bytes (path, data, len);
  refuse_import (p.b, path, AMEND_SYNC_ERROR_DAMAGED, "damaged");
  data[len - 5] ^= 0x40;
  /* One byte changed inside a compressed object. */
  data[len - 40] ^= 0x01;
  write_bytes (path, data, len);
  refuse_import (p.b, path, AMEND_SYNC_ERROR_DAMAGED, "damaged");
  /* Only the header. */
  write_bytes (path, data, (gsize) (strstr (data, "\n\n") - data) + 2);
  refuse_import (p.b, path, AMEND_SYNC_ERROR_DAMAGED, "damaged");
  /* A header that does not end. */
  write_bytes (path, data, (gsize) (strstr (data, "\n\n") - data) + 1);
  refuse_import (p.b, path, AMEND_SYNC_ERROR_DAMAGED, "does not end");
  /* No bundle at all, or nothing. */
  write_text (path, "# Hoofdstuk 1\n\nTekst.\n");
  refuse_import (p.b, path, AMEND_SYNC_ERROR_NOT_A_PACKAGE, "is not an amendment package");
  write_text (path, "");
  refuse_import (p.b, path, AMEND_SYNC_ERROR_NOT_A_PACKAGE, "is not an amendment package");
  /* One branch given twice, as two versions: which is meant cannot be
   * told, so nothing is taken (the prerequisite is a commit B has). */
  data[len - 40] ^= 0x01;
  {
    const char *head_end = strstr (data, "\n\n");
    const char *prerequisite = strstr (data, "\n-") + 2;
    g_autoptr(GString) twice = g_string_new_len (data, head_end - data + 1);

    g_string_append_len (twice, prerequisite, GIT_OID_HEXSZ);
    g_string_append (twice, " refs/heads/amendement/kortere-termijn\n");
    g_string_append_len (twice, head_end + 1, len - (head_end + 1 - data));
    write_bytes (path, twice->str, twice->len);
    refuse_import (p.b, path, AMEND_SYNC_ERROR_DAMAGED, "twice, as two different versions");
  }
  /* A bundle of git's newer kind with a filter (a partial clone). */
  write_text (path, "# v3 git bundle\n@object-format=sha1\n@filter=blob:none\n");
  refuse_import (p.b, path, AMEND_SYNC_ERROR_NOT_A_PACKAGE, "filter=blob:none");
}

static void
test_import_too_large (void)
{
  g_auto(Pair) p = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize len;
  int fd;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  /* A real package at the start of a 2 GB file (sparse: no disk used). */
  g_assert_true (g_file_get_contents (p.file, &data, &len, NULL));
  path = g_build_filename (p.parent, "groot.amend", NULL);
  write_bytes (path, data, len);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (2) << 30), ==, 0);
  close (fd);
  refuse_import (p.b, path, AMEND_SYNC_ERROR_TOO_LARGE, "larger than any package");
}

/* 251 bytes: SLUG.lock would not fit in a file name. */
#define LONG_SLUG_50 "lllllllllllllllllllllllllllllllllllllllllllllllll-"
#define LONG_SLUG LONG_SLUG_50 LONG_SLUG_50 LONG_SLUG_50 LONG_SLUG_50 LONG_SLUG_50 "l"

static void
test_import_forbidden_refs (void)
{
  g_auto(Pair) p = { 0 };
  g_autofree char *main_file = NULL;
  g_autofree char *tag_file = NULL;
  g_autofree char *whole = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  const struct { const char *name; const char *needle; } bad[] = {
    { "refs/heads/amendement/../main", "not the name of an amendment" },
    { "refs/heads/amendement/a\x01" "b", "\\001" },
    { "refs/heads/amendement/-rf", "not the name of an amendment: its name starts with a hyphen" },
    { "refs/heads/amendement/a/b", "not the name of an amendment: its name has a / after amendement/" },
    { "refs/heads/amendement/", "its name has nothing after amendement/" },
    { "refs/heads/amendement/a..b", "git does not take it as the name of a branch" },
    { "refs/heads/amendement/.verborgen", "git does not take it as the name of a branch" },
    { "refs/heads/amendement/" LONG_SLUG, "is 251 bytes long, longer than the 250 bytes" },
    { "refs/heads/elders", "not the name of an amendment" },
    { "refs/remotes/origin/amendement/x", "not the name of an amendment" },
  };

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  /* The draft itself, made by git and by Amend. */
  main_file = g_build_filename (p.parent, "main.bundle", NULL);
  g_free (amend_test_git_ok (p.a, "bundle", "create", "-q", main_file, "main", NULL));
  refuse_import (p.b, main_file, AMEND_SYNC_ERROR_FORBIDDEN_REF, "package open");
  whole = g_build_filename (p.parent, "alles.amend", NULL);
  report = amend_package_export (p.a, NULL, whole, NULL, NULL);
  g_assert_nonnull (report);
  refuse_import (p.b, whole, AMEND_SYNC_ERROR_FORBIDDEN_REF, "the branch main");
  /* A tag. */
  g_free (amend_test_git_ok (p.a, "tag", "v1", "amendement/kortere-termijn", NULL));
  tag_file = g_build_filename (p.parent, "tag.bundle", NULL);
  g_free (amend_test_git_ok (p.a, "bundle", "create", "-q", tag_file, "v1", "^main", NULL));
  refuse_import (p.b, tag_file, AMEND_SYNC_ERROR_FORBIDDEN_REF, "tag");
  /* Names that are no amendment, in an otherwise good package. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *file = rewrite_header (p.file, "refs/heads/amendement/kortere-termijn", bad[i].name);

      refuse_import (p.b, file, AMEND_SYNC_ERROR_FORBIDDEN_REF, bad[i].needle);
    }
}

static void
test_import_unrelated (void)
{
  g_auto(Pair) p = { 0 };
  g_autofree char *other = NULL;
  g_autofree char *file = NULL;
  g_autofree char *later = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  /* Another regulation altogether (made from other text: the template
   * made in the same second would be the very same first commit). */
  amend_test_write (p.parent, "ander/regeling.md", "# Hoofdstuk 1\n\n## Artikel 1\n\nIets anders.\n");
  other = new_project (p.parent, "ander");
  propose (other, "Iets anders");
  change_text (other, "Iets anders.", "Nog iets anders.");
  file = g_build_filename (p.parent, "ander.amend", NULL);
  export_package (other, "iets-anders", file);
  refuse_import (p.b, file, AMEND_SYNC_ERROR_UNRELATED, "belongs to another regulation");

  /* The same regulation, but a draft B does not have yet. */
  switch_to (p.a, "main");
  change_text (p.a, "de gemeenteraad", "de raad van de gemeente");
  propose (p.a, "Later");
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  later = g_build_filename (p.parent, "later.amend", NULL);
  export_package (p.a, "later", later);
  refuse_import (p.b, later, AMEND_SYNC_ERROR_NEEDS_NEWER, "pull first");
}

/* ----------------------------------------------------------------------- */
/* Open                                                                     */
/* ----------------------------------------------------------------------- */

static void
test_open (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  whole = g_build_filename (p.parent, "alles.amend", NULL);
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_package_export (p.a, NULL, whole, NULL, &error);
  g_assert_no_error (error);

  dir = g_build_filename (p.parent, "nieuw", "project", NULL);
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_package_open (whole, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->path, ==, dir);
  g_assert_cmpint (amend_sync_report_find (report, "main")->kind, ==, AMEND_SYNC_NEW);
  g_assert_cmpuint (amend_sync_report_find (report, "amendement/kortere-termijn")->commits, ==, 3);
  amend_test_assert_same_rev (dir, "main", p.a, "main");
  amend_test_assert_same_rev (dir, "amendement/kortere-termijn", p.a, "amendement/kortere-termijn");
  assert_clean (dir);
  assert_exists (dir, "regeling.md", TRUE);
  repo = open_repo (dir);
  list = amend_amendment_list (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  amend_test_fsck (dir);

  /* Not into a folder with something in it; not from one amendment. */
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_package_open (whole, dir, NULL, &error);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_EXISTS);
  g_clear_error (&error);
  export_package (p.a, "kortere-termijn", p.file);
  elsewhere = g_build_filename (p.parent, "elders", NULL);
  report = amend_package_open (p.file, elsewhere, NULL, &error);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_WRONG_KIND);
  g_clear_error (&error);
  g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  /* A damaged one leaves no folder, not even a half one. */
  g_assert_true (g_file_get_contents (whole, &data, &len, NULL));
  damaged = g_build_filename (p.parent, "kapot.amend", NULL);
  write_bytes (damaged, data, len - 30);
  report = amend_package_open (damaged, elsewhere, NULL, &error);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED);
  g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  amend_test_assert_listing (p.parent, "a alles.amend b kapot.amend kortere-termijn.amend nieuw");
}

/* ----------------------------------------------------------------------- */
/* Progress and cancellation                                                */
/* ----------------------------------------------------------------------- */

typedef struct {
  GArray  *reports;  /* of AmendSyncProgress */
  gboolean cancel;
  GThread *thread;
} Watch;

static void
watch_progress (AmendSyncJob            *job,
                const AmendSyncProgress *progress,
                gpointer                 data)
{
  Watch *w = data;

  g_array_append_val (w->reports, *progress);
  w->thread = g_thread_self ();
  if (w->cancel && progress->stage == AMEND_SYNC_STAGE_RECEIVING)
    amend_sync_job_cancel (job);
}

/* A project with a long history, so that a package has some thousand
 * objects to report on. */
static void
grow_history (const char *dir,
              guint       versions)
{
  g_autoptr(GString) stream = g_string_new (NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_strdup_printf ("%s", dir);

  for (guint i = 0; i < versions; i++)
    {
      g_autofree char *text = g_strdup_printf ("Notitie %u: %08x %08x\n", i, g_random_int (), g_random_int ());

      g_string_append_printf (stream, "commit refs/heads/amendement/lang\ncommitter T <t@example.nl> %u +0100\n"
                                      "data 5\nstap\n%s"
                                      "M 100644 inline notities/%u.txt\ndata %zu\n%s\n",
                              1798761600 + i, i == 0 ? "from refs/heads/main\n" : "", i % 50,
                              strlen (text), text);
    }
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                           "git", "-C", cwd, "fast-import", "--quiet", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, stream->str, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
}

static void
test_progress (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncJob) job = amend_sync_job_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (AmendSyncProgress));
  Watch w = { reports, FALSE, NULL };
  g_autofree char *file = NULL;
  gint64 first[8] = { 0 }, last[8] = { 0 };
  guint count[8] = { 0 };
  const AmendSyncProgress *end = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  grow_history (p.a, 3000);
  file = g_build_filename (p.parent, "lang.amend", NULL);
  export_package (p.a, "lang", file);
  amend_sync_job_set_progress_func (job, watch_progress, &w, NULL);
  report = amend_package_import (p.b, file, job, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->objects, >, 3000);

  /* Throttled: within a stage at most one report per interval, plus the
   * first and the last; the last of receiving says all arrived. */
  g_assert_cmpuint (reports->len, >, 0);
  for (guint i = 0; i < reports->len; i++)
    {
      const AmendSyncProgress *r = &g_array_index (reports, AmendSyncProgress, i);

      if (count[r->stage]++ == 0)
        first[r->stage] = r->time;
      last[r->stage] = r->time;
      if (r->stage == AMEND_SYNC_STAGE_RECEIVING)
        end = r;
      g_assert_cmpuint (r->done, <=, MAX (r->total, r->done));
    }
  for (guint s = 0; s < G_N_ELEMENTS (count); s++)
    g_assert_cmpuint (count[s], <=, 2 + (guint) ((last[s] - first[s]) / AMEND_SYNC_PROGRESS_INTERVAL));
  g_assert_nonnull (end);
  g_assert_cmpuint (end->done, ==, end->total);
  g_assert_cmpuint (end->total, ==, report->objects);
  g_assert_true (w.thread == g_thread_self ());
}

static void
test_cancel_import (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncJob) job = amend_sync_job_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (AmendSyncProgress));
  Watch w = { reports, TRUE, NULL };
  g_autofree char *file = NULL;
  g_autofree char *before = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  grow_history (p.a, 2000);
  file = g_build_filename (p.parent, "lang.amend", NULL);
  export_package (p.a, "lang", file);
  before = snapshot (p.b);
  amend_sync_job_set_progress_func (job, watch_progress, &w, NULL);
  g_assert_null (amend_package_import (p.b, file, job, &error));
  assert_refused (p.b, before, error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "nothing was changed");
}

static void
test_cancel_export (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncJob) job = amend_sync_job_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (AmendSyncProgress));
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *file = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  file = g_build_filename (p.parent, "x.amend", NULL);
  amend_sync_job_cancel (job);
  report = amend_package_export (p.a, "kortere-termijn", file, job, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  /* Neither the package nor its temporary file. */
  amend_test_assert_listing (p.parent, "a b");
}

typedef struct {
  GMainLoop       *loop;
  AmendSyncReport *report;
  GError          *error;
  gboolean         main_thread;
} Waiting;

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Waiting *w = data;

  w->report = amend_package_import_finish (result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
progress_in_main (AmendSyncJob            *job,
                  const AmendSyncProgress *progress,
                  gpointer                 data)
{
  Waiting *w = data;

  w->main_thread = g_main_context_is_owner (g_main_context_default ());
}

static void
test_async (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncJob) job = amend_sync_job_new (NULL);
  Waiting w = { g_main_loop_new (NULL, FALSE), NULL, NULL, FALSE };

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  amend_sync_job_set_progress_func (job, progress_in_main, &w, NULL);
  amend_package_import_async (p.b, p.file, job, on_imported, &w);
  g_main_loop_run (w.loop);
  g_assert_no_error (w.error);
  g_assert_nonnull (w.report);
  g_assert_true (w.main_thread);
  g_assert_cmpint (amend_sync_report_find (w.report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_NEW);
  amend_sync_report_free (w.report);
  g_main_loop_unref (w.loop);
}

/* ----------------------------------------------------------------------- */
/* A checkout a kill interrupted                                            */
/* ----------------------------------------------------------------------- */

static void
test_recover_checkout (void)
{
  g_auto(Pair) p = { 0 };
  g_autoptr(AmendSyncReport) first = NULL;
  g_autoptr(AmendSyncReport) second = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_tree = NULL;
  g_autofree char *new_tree = NULL;
  g_autofree char *tip = NULL;

  if (!amend_test_need_git ())
    return;
  pair_setup (&p);
  export_package (p.a, "kortere-termijn", p.file);
  first = import_ok (p.b, p.file);
  switch_to (p.b, "kortere-termijn");
  change_text (p.a, "Aldus vastgesteld", "Vastgesteld");
  newer = g_build_filename (p.parent, "nieuwer.amend", NULL);
  export_package (p.a, "kortere-termijn", newer);

  /* What a kill after the ref moved and before the files did leaves: the
   * branch at the new version, the files old, the marker. */
  g_free (amend_test_git_ok (p.b, "fetch", "-q", newer, "refs/heads/amendement/kortere-termijn:refs/pakket", NULL));
  old_tree = amend_test_rev (p.b, "amendement/kortere-termijn^{tree}");
  new_tree = amend_test_rev (p.b, "refs/pakket^{tree}");
  tip = amend_test_rev (p.b, "refs/pakket");
  g_free (amend_test_git_ok (p.b, "update-ref", "refs/heads/amendement/kortere-termijn", tip, NULL));
  g_free (amend_test_git_ok (p.b, "update-ref", "-d", "refs/pakket", NULL));
  marker = g_build_filename (p.b, ".git", "amend", "sync-checkout", NULL);
  text = g_strdup_printf ("amendement/kortere-termijn\n%s\n%s\n", old_tree, new_tree);
  amend_test_write (p.b, ".git/amend/sync-checkout", text);

  /* The next import finishes it first. */
  second = import_ok (p.b, newer);
  g_assert_cmpint (amend_sync_report_find (second, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_UNCHANGED);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  assert_file_has (p.b, "regeling.md", "Vastgesteld in de openbare");
  assert_clean (p.b);
}

/* ----------------------------------------------------------------------- */
/* Remotes                                                                  */
/* ----------------------------------------------------------------------- */

static void
test_remotes (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) remotes = NULL;
  g_autofree char *config = NULL;
  g_autofree char *shown = NULL;

  if (!amend_test_need_git ())
    return;
  a = new_project (parent, "a");
  g_assert_true (amend_remote_add (a, "gemeente", "https://git.example.nl/apv.git", &error));
  g_assert_no_error (error);
  g_assert_false (amend_remote_add (a, "gemeente", "https://elders.example.nl/apv.git", &error));
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_EXISTS);
  g_clear_error (&error);
  /* A password in the address would end up in .git/config. */
  g_assert_false (amend_remote_add (a, "geheim", "https://jan:geheim@git.example.nl/apv.git", &error));
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_INVALID_URL);
  g_assert_null (strstr (error->message, "geheim@"));
  g_clear_error (&error);
  g_assert_false (amend_remote_add (a, "met spatie", "https://git.example.nl/apv.git", &error));
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_INVALID_URL);
  g_clear_error (&error);
  /* A relative path is stored absolute: the project may move. */
  g_assert_true (amend_remote_add (a, "buur", "../b", &error));
  remotes = amend_remote_list (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (remotes->len, ==, 2);
  g_assert_cmpstr (((AmendRemote *) g_ptr_array_index (remotes, 0))->name, ==, "buur");
  g_assert_true (g_path_is_absolute (((AmendRemote *) g_ptr_array_index (remotes, 0))->url));
  g_assert_cmpstr (((AmendRemote *) g_ptr_array_index (remotes, 1))->url, ==, "https://git.example.nl/apv.git");
  g_assert_no_error (error);
  g_assert_true (amend_remote_remove (a, "buur", &error));
  g_assert_false (amend_remote_remove (a, "buur", &error));
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NO_REMOTE);
  config = amend_test_read (a, ".git/config");
  g_assert_null (strstr (config, "geheim"));
  shown = amend_sync_display_url ("https://jan:geheim@host/x.git");
  g_assert_cmpstr (shown, ==, "https://host/x.git");
  amend_test_rmtree (parent);
}

/* A pushes to a bare project that B pulls from, through the file system. */
/* A copy starts on the draft, also when the sender's working copy was on
 * an amendment (git clone would check that out, with no branch main), and
 * the amendment is new in it like any other. */
static void
test_clone_from_amendment (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;

  if (!amend_test_need_git ())
    return;
  a = new_project (parent, "a");
  propose (a, "Kortere termijn");
  change_text (a, "op de dag na die van de bekendmaking", "een week na de bekendmaking");
  b = g_build_filename (parent, "b", NULL);
  report = amend_sync_clone (a, b, NULL, &error);
  g_assert_no_error (error);
  head = amend_test_git_ok (b, "symbolic-ref", "HEAD", NULL);
  g_assert_cmpstr (g_strstrip (head), ==, "refs/heads/main");
  amend_test_assert_same_rev (b, "main", a, "main");
  amend_test_assert_same_rev (b, "amendement/kortere-termijn", a, "amendement/kortere-termijn");
  g_assert_cmpint (amend_sync_report_find (report, "main")->kind, ==, AMEND_SYNC_NEW);
  g_assert_cmpint (amend_sync_report_find (report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_NEW);
  assert_clean (b);
  amend_test_fsck (b);

  /* A is a working copy, not a shared project: nothing is pushed into it,
   * and the sentence says why and what to do instead. */
  change_text (b, "de gemeenteraad", "de raad van de gemeente");
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_push (b, NULL, "main", FALSE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "working copy"));
  g_assert_nonnull (strstr (error->message, "pull"));
  {
    g_autofree char *main_a = amend_test_rev (a, "main");
    g_autofree char *main_b = amend_test_rev (b, "main");

    g_assert_cmpstr (main_a, !=, main_b);
  }
}

static void
test_pull_and_push_local (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *upstream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  const AmendSyncChange *change;

  if (!amend_test_need_git ())
    return;
  a = new_project (parent, "a");
  bare = g_build_filename (parent, "gedeeld.git", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", "--bare", a, bare, NULL));
  g_assert_true (amend_remote_add (a, "origin", bare, &error));
  b = clone_project (bare, parent, "b");

  /* A: a new draft and an amendment, pushed. */
  change_text (a, "de gemeenteraad", "de raad van de gemeente");
  propose (a, "Kortere termijn");
  change_text (a, "op de dag na die van de bekendmaking", "een week na de bekendmaking");
  report = amend_sync_push (a, NULL, NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amend_sync_report_find (report, "main")->kind, ==, AMEND_SYNC_PUSHED);
  g_assert_cmpint (amend_sync_report_find (report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_PUSHED);
  amend_test_assert_same_rev (bare, "amendement/kortere-termijn", a, "amendement/kortere-termijn");

  /* B pulls: main fast-forwarded with its files, the amendment new. */
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_pull (b, NULL, NULL, &error);
  g_assert_no_error (error);
  change = amend_sync_report_find (report, "main");
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_UPDATED);
  g_assert_cmpuint (change->commits, ==, 1);
  g_assert_cmpint (amend_sync_report_find (report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_NEW);
  /* Its own two versions (proposal and change), not main's new one too. */
  g_assert_cmpuint (amend_sync_report_find (report, "amendement/kortere-termijn")->commits, ==, 2);
  amend_test_assert_same_rev (b, "main", a, "main");
  assert_file_has (b, "regeling.md", "de raad van de gemeente");
  /* The new branch follows the remote's, as git clone sets it up. */
  upstream = amend_test_git_ok (b, "config", "branch.amendement/kortere-termijn.remote", NULL);
  g_assert_cmpstr (g_strstrip (upstream), ==, "origin");
  amend_test_fsck (b);

  /* B changes the draft and pushes; A's push of its own change is then
   * refused before anything is sent. */
  change_text (b, "Aldus vastgesteld", "Vastgesteld");
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_push (b, NULL, "main", FALSE, NULL, &error);
  g_assert_no_error (error);
  switch_to (a, "main");
  change_text (a, "Deze verordening treedt", "Zij treedt");
  before = amend_test_git_ok (bare, "for-each-ref", NULL);
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_push (a, NULL, "main", FALSE, NULL, &error);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NON_FAST_FORWARD);
  g_assert_nonnull (strstr (error->message, "main"));
  g_clear_error (&error);
  after = amend_test_git_ok (bare, "for-each-ref", NULL);
  g_assert_cmpstr (after, ==, before);

  /* A's pull finds two drafts; an unsaved edit on main is in the way of
   * joining them, and nothing changes. */
  g_free (before);
  before = amend_test_rev (a, "main");
  amend_test_write (a, "regeling.md", "# Half af\n");
  report = amend_sync_pull (a, NULL, NULL, &error);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY);
  g_assert_nonnull (strstr (error->message, "regeling.md"));
  g_clear_error (&error);
  g_free (after);
  after = amend_test_rev (a, "main");
  g_assert_cmpstr (after, ==, before);
  assert_file_has (a, "regeling.md", "# Half af");
  g_free (amend_test_git_ok (a, "checkout", "--", "regeling.md", NULL));

  /* Then the remote's draft is merged into A's: a merge commit with both
   * as parents, both changes in its text and in the working copy. */
  report = amend_sync_pull (a, NULL, NULL, &error);
  g_assert_no_error (error);
  change = amend_sync_report_find (report, "main");
  g_assert_cmpint (change->kind, ==, AMEND_SYNC_MERGED);
  g_assert_cmpuint (change->commits, ==, 1);
  g_assert_cmpstr (change->old_id, ==, before);
  {
    g_autofree char *tip = amend_test_rev (a, "main");
    g_autofree char *first = amend_test_rev (a, "main^1");
    g_autofree char *second = amend_test_rev (a, "main^2");
    g_autofree char *theirs = amend_test_rev (b, "main");
    g_autofree char *subject = amend_test_git_ok (a, "log", "-1", "--format=%s", "main", NULL);
    g_autofree char *shown = amend_test_git_ok (a, "show", "main:regeling.md", NULL);

    g_assert_cmpstr (change->new_id, ==, tip);
    g_assert_cmpstr (first, ==, before);
    g_assert_cmpstr (second, ==, theirs);
    g_assert_nonnull (strstr (subject, "origin"));
    g_assert_nonnull (strstr (shown, "Zij treedt"));
    g_assert_nonnull (strstr (shown, "Vastgesteld in de openbare"));
  }
  assert_file_has (a, "regeling.md", "Zij treedt");
  assert_file_has (a, "regeling.md", "Vastgesteld in de openbare");
  assert_clean (a);
  amend_test_assert_same_rev (a, "origin/main", b, "main");
  amend_test_fsck (a);

  /* Merged, A's draft is ahead of the remote's: its push goes through. */
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_push (a, NULL, "main", FALSE, NULL, &error);
  g_assert_no_error (error);
  amend_test_assert_same_rev (bare, "main", a, "main");
  amend_test_fsck (bare);

  /* The amendment changed on both sides: A's pull keeps B's under a new
   * name, and A's push of its own is refused with the way out, not with
   * "run amend pull first", which would change nothing. */
  switch_to (b, "kortere-termijn");
  change_text (b, "een week na de bekendmaking", "twee weken na de bekendmaking");
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_push (b, NULL, "kortere-termijn", FALSE, NULL, &error);
  g_assert_no_error (error);
  switch_to (a, "kortere-termijn");
  change_text (a, "een week na de bekendmaking", "drie dagen na de bekendmaking");
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_pull (a, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amend_sync_report_find (report, "amendement/kortere-termijn")->kind, ==, AMEND_SYNC_DIVERGED);
  g_clear_pointer (&report, amend_sync_report_free);
  report = amend_sync_push (a, NULL, "kortere-termijn", FALSE, NULL, &error);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NON_FAST_FORWARD);
  g_assert_nonnull (strstr (error->message, "two proposals"));
  g_assert_null (strstr (error->message, "run amend pull first"));
  g_clear_error (&error);
  amend_test_rmtree (parent);
}

/* Two projects that change the same member of the draft differently. */
static void
make_conflict (const char  *parent,
               char       **a,
               char       **b,
               char       **bare)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;

  *a = new_project (parent, "a");
  *bare = g_build_filename (parent, "gedeeld.git", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", "--bare", *a, *bare, NULL));
  g_assert_true (amend_remote_add (*a, "origin", *bare, &error));
  *b = clone_project (*bare, parent, "b");
  change_text (*b, "aangehaald als: Verordening.", "aangehaald als: APV.");
  report = amend_sync_push (*b, NULL, "main", FALSE, NULL, &error);
  g_assert_no_error (error);
  change_text (*a, "aangehaald als: Verordening.", "aangehaald als: Verordening Lindewaarde.");
}

static AmendPendingMerge *
pull_to_conflict (const char *a)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_sync_pull (a, NULL, NULL, &error);
  AmendPendingMerge *pending;

  g_assert_no_error (error);
  g_assert_cmpint (amend_sync_report_find (report, "main")->kind, ==, AMEND_SYNC_MERGE_STOPPED);
  repo = open_repo (a);
  pending = amend_pending_merge_load (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_pending_merge_get_command (pending), ==, "pull");
  g_assert_cmpstr (amend_pending_merge_get_target (pending), ==, "main");
  return pending;
}

/* Both drafts change the same member: the pull stops with nothing
 * committed, every other writing command refuses, --abort puts back
 * what was there, and after a resolution --continue commits the merge. */
static void
test_pull_conflict (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *a = NULL, *b = NULL, *bare = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  AmendTreeMerge *merge;
  AmendConflict *conflict;

  if (!amend_test_need_git ())
    return;
  make_conflict (parent, &a, &b, &bare);
  g_free (amend_test_git_ok (a, "fetch", "-q", "origin", NULL));
  before = snapshot (a);

  /* Nothing is committed: only the waiting merge's folder is new. */
  pending = pull_to_conflict (a);
  after = snapshot (a);
  {
    g_auto(GStrv) parts = g_strsplit (before, "\nlock\n", 2);
    g_autofree char *waiting = g_strjoinv ("\nlock merge\n", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_cmpstr (after, ==, waiting);
  }
  report = amend_sync_pull (a, NULL, NULL, &error);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "amend pull --continue"));
  g_clear_error (&error);
  g_assert_true (amend_pending_merge_abort (pending, &error));
  g_assert_no_error (error);
  g_free (after);
  after = snapshot (a);
  g_assert_cmpstr (after, ==, before);
  amend_test_fsck (a);

  g_clear_object (&pending);
  pending = pull_to_conflict (a);
  merge = amend_pending_merge_get_merge (pending, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amend_tree_merge_count_unresolved (merge), ==, 1);
  conflict = g_ptr_array_index (amend_tree_merge_get_conflicts (merge), 0);
  g_assert_cmpstr (conflict->article, ==, "3");
  g_assert_false (amend_pending_merge_continue (pending, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_true (amend_pending_merge_resolve (pending, conflict->id, AMEND_RESOLUTION_THEIRS, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (amend_pending_merge_continue (pending, &error));
  g_assert_no_error (error);
  {
    g_autofree char *second = amend_test_rev (a, "main^2");
    g_autofree char *theirs = amend_test_rev (b, "main");

    g_assert_cmpstr (second, ==, theirs);
  }
  assert_file_has (a, "regeling.md", "aangehaald als: APV.");
  assert_clean (a);
  amend_test_fsck (a);
  amend_test_rmtree (parent);
}

/* A job stopped by its timeout stays stopped: one for each call. */
static AmendSyncJob *
timed_job (void)
{
  AmendSyncJob *job = amend_sync_job_new (NULL);

  amend_sync_job_set_timeout (job, 1);
  return job;
}

/* The synchronous calls are bounded as the _async ones are: a remote that
 * accepts and never answers ends in the timeout, with nothing changed. */
/* A server whose certificate nobody the system trusts signed: nothing is
 * fetched, no folder is left, and the sentence says what to check. */
static void
test_untrusted_certificate (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *root = g_build_filename (parent, "root", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *url = NULL;
  g_autoptr(AmendTestServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;

  if (!amend_test_need_git ())
    return;
  a = new_project (parent, "a");
  g_assert_cmpint (g_mkdir (root, 0755), ==, 0);
  bare = g_build_filename (root, "apv.git", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", "--bare", a, bare, NULL));
  server = amend_test_server_https_untrusted (root);
  if (server == NULL)
    return;
  url = amend_test_server_url (server, "apv.git");
  b = g_build_filename (parent, "b", NULL);
  report = amend_sync_clone (url, b, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  assert_exists (parent, "b", FALSE);
  amend_test_assert_listing (parent, "a root");
}

static void
test_sync_timeout (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *url = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AmendTestServer) silent = NULL;
  AmendSyncJob *job;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = NULL;

  if (!amend_test_need_git ())
    return;
  a = new_project (parent, "a");
  b = g_build_filename (parent, "b", NULL);
  silent = amend_test_server_silent ();
  url = amend_test_server_url (silent, "apv.git");

  job = timed_job ();
  report = amend_sync_clone (url, b, job, &error);
  g_object_unref (job);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "did not answer for 1 seconds"));
  g_assert_null (report);
  g_clear_error (&error);
  assert_exists (parent, "b", FALSE);

  g_assert_true (amend_remote_add (a, "stil", url, &error));
  before = snapshot (a);
  job = timed_job ();
  report = amend_sync_pull (a, "stil", job, &error);
  g_object_unref (job);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_TIMEOUT);
  g_clear_error (&error);
  job = timed_job ();
  report = amend_sync_push (a, "stil", "main", FALSE, job, &error);
  g_object_unref (job);
  g_assert_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_TIMEOUT);
  g_clear_error (&error);
  after = snapshot (a);
  g_assert_cmpstr (after, ==, before);
  amend_test_fsck (a);
  g_clear_pointer (&silent, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* The window's way: credentials asked in the main thread, answered later,
 * as a dialog would. */
typedef struct {
  GMainLoop       *loop;
  AmendSyncReport *report;
  GError          *error;
  guint            asked;
  gboolean         right;
} Dialog;

static gboolean
answer_later (gpointer data)
{
  AmendCredentialRequest *request = data;
  Dialog *d = g_object_get_data (G_OBJECT (request), "dialog");

  amend_credential_request_answer (request, "jan", d->right ? "geheim" : "fout");
  return G_SOURCE_REMOVE;
}

static void
ask_in_dialog (AmendSyncJob           *job,
               AmendCredentialRequest *request,
               gpointer                data)
{
  Dialog *d = data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpint (amend_credential_request_get_kind (request), ==, AMEND_CREDENTIAL_PASSWORD);
  g_assert_null (strstr (amend_credential_request_get_url (request), "geheim"));
  d->asked++;
  g_object_set_data (G_OBJECT (request), "dialog", d);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 50, answer_later, g_object_ref (request), g_object_unref);
}

static void
on_cloned (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Dialog *d = data;

  d->report = amend_sync_clone_finish (result, &d->error);
  g_main_loop_quit (d->loop);
}

static void
clone_with_dialog (Dialog     *d,
                   const char *url,
                   const char *dir)
{
  g_autoptr(AmendSyncJob) job = amend_sync_job_new (NULL);

  d->loop = g_main_loop_new (NULL, FALSE);
  amend_sync_job_set_credentials_func (job, ask_in_dialog, d, NULL);
  amend_sync_clone_async (url, dir, job, on_cloned, d);
  g_main_loop_run (d->loop);
  g_main_loop_unref (d->loop);
}

static void
test_credentials_dialog (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-sync");
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *a = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *url = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *config = NULL;
  g_autoptr(AmendTestServer) server = NULL;
  Dialog right = { NULL, NULL, NULL, 0, TRUE };
  Dialog wrong = { NULL, NULL, NULL, 0, FALSE };

  if (!amend_test_need_git ())
    return;
  a = new_project (parent, "a");
  bare = g_build_filename (root, "apv.git", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", "--bare", a, bare, NULL));
  server = amend_test_server_http (root, "jan", "geheim", 0);
  url = amend_test_server_url (server, "apv.git");

  good = g_build_filename (parent, "goed", NULL);
  clone_with_dialog (&right, url, good);
  g_assert_no_error (right.error);
  g_assert_cmpuint (right.asked, ==, 1);
  amend_test_assert_same_rev (good, "main", a, "main");
  config = amend_test_read (good, ".git/config");
  g_assert_null (strstr (config, "geheim"));
  amend_sync_report_free (right.report);

  /* Three wrong answers, then a sentence; no folder is left. */
  bad = g_build_filename (parent, "fout", NULL);
  clone_with_dialog (&wrong, url, bad);
  g_assert_error (wrong.error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_AUTH);
  g_assert_cmpuint (wrong.asked, ==, 3);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  amend_test_assert_listing (parent, "a goed server");
  g_clear_error (&wrong.error);
  g_clear_pointer (&server, amend_test_server_stop);
  amend_test_rmtree (parent);
}

static void
test_credential_request (void)
{
  g_autoptr(AmendCredentialRequest) request = amend_credential_request_new (AMEND_CREDENTIAL_PASSWORD,
                                                                            "https://host/x.git", "jan", 1);
  g_autoptr(AmendCredentialRequest) declined = amend_credential_request_new (AMEND_CREDENTIAL_PASSWORD,
                                                                             "https://host/x.git", NULL, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = amend_test_tmpdir ("amend-askpass");
  g_autofree char *script = g_build_filename (dir, "askpass", NULL);
  g_autofree char *answer = NULL;

  g_assert_false (amend_credential_request_is_answered (request));
  amend_credential_request_answer (request, NULL, "geheim");
  g_assert_true (amend_credential_request_wait (request, NULL));
  g_assert_true (amend_credential_request_is_answered (request));
  g_assert_cmpstr (amend_credential_request_get_answer_username (request), ==, "jan");
  g_assert_cmpstr (amend_credential_request_get_answer_password (request), ==, "geheim");
  /* A cancel while waiting counts as declined. */
  g_cancellable_cancel (cancellable);
  g_assert_false (amend_credential_request_wait (declined, cancellable));
  g_assert_true (amend_credential_request_is_declined (declined));

  /* GIT_ASKPASS is a program that prints the answer to its prompt. */
  amend_test_write (dir, "askpass", "#!/bin/sh\ncase \"$1\" in User*) echo jan;; *) echo geheim;; esac\n");
  g_chmod (script, 0755);
  g_assert_true (amend_credentials_from_askpass (script, "User name for https://host: ", &answer));
  g_assert_cmpstr (answer, ==, "jan");
  g_clear_pointer (&answer, g_free);
  g_assert_true (amend_credentials_from_askpass (script, "Password for jan@https://host: ", &answer));
  g_assert_cmpstr (answer, ==, "geheim");
  amend_test_rmtree (dir);
}

int
main (int    argc,
      char **argv)
{
  amend_test_git_setup_env ();
  g_unsetenv ("GIT_ASKPASS");
  g_unsetenv ("SSH_AUTH_SOCK");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/export/amendment", test_export_amendment);
  g_test_add_func ("/sync/export/prerequisites", test_export_prerequisites);
  g_test_add_func ("/sync/export/merged-draft", test_export_merged_draft);
  g_test_add_func ("/sync/export/all", test_export_all);
  g_test_add_func ("/sync/export/thin", test_export_thin);
  g_test_add_func ("/sync/export/all-versions", test_export_all_versions);
  g_test_add_func ("/sync/import/new", test_import_new);
  g_test_add_func ("/sync/import/git-bundle", test_import_git_bundle);
  g_test_add_func ("/sync/import/git-bundle-twice", test_import_git_bundle_twice);
  g_test_add_func ("/sync/import/newer", test_import_newer);
  g_test_add_func ("/sync/import/subamendment-first", test_import_subamendment_first);
  g_test_add_func ("/sync/export/submodule-id", test_export_submodule_id);
  g_test_add_func ("/sync/import/dirty-working-copy", test_import_dirty_working_copy);
  g_test_add_func ("/sync/import/diverged", test_import_diverged);
  g_test_add_func ("/sync/import/diverged-no-room", test_import_diverged_no_room);
  g_test_add_func ("/sync/import/damaged", test_import_damaged);
  g_test_add_func ("/sync/import/too-large", test_import_too_large);
  g_test_add_func ("/sync/import/forbidden-refs", test_import_forbidden_refs);
  g_test_add_func ("/sync/import/unrelated", test_import_unrelated);
  g_test_add_func ("/sync/open", test_open);
  g_test_add_func ("/sync/progress", test_progress);
  g_test_add_func ("/sync/cancel/import", test_cancel_import);
  g_test_add_func ("/sync/cancel/export", test_cancel_export);
  g_test_add_func ("/sync/async", test_async);
  g_test_add_func ("/sync/recover-checkout", test_recover_checkout);
  g_test_add_func ("/sync/remotes", test_remotes);
  g_test_add_func ("/sync/clone/from-amendment", test_clone_from_amendment);
  g_test_add_func ("/sync/pull-push/local", test_pull_and_push_local);
  g_test_add_func ("/sync/pull/conflict", test_pull_conflict);
  g_test_add_func ("/sync/timeout/synchronous", test_sync_timeout);
  g_test_add_func ("/sync/certificate/untrusted", test_untrusted_certificate);
  g_test_add_func ("/sync/credentials/dialog", test_credentials_dialog);
  g_test_add_func ("/sync/credentials/request", test_credential_request);

  return g_test_run ();
}
