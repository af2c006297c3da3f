/* test-repository.c: projects in git: save, history, amendments as branches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real repositories in temporary folders, checked against the git program
 * (git fsck --strict after every scenario; git reads what Amend wrote and
 * Amend reads what git wrote).
 */
#include "config.h"

#include <errno.h>
#include <git2.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-article-map.h"
#include "amend-canonical-blobs.h"
#include "amend-decision.h"
#include "amend-journal.h"
#include "amend-refs-files.h"
#include "amend-graph.h"
#include "amend-journal.h"
#include "amend-repository.h"
#include "amend-repository-private.h"
#include "amend-xml-meta.h"
#include "amend-test-git.h"
#include "amend-test-util.h"

#define AUTHOR "Jan Jansen <jan@example.nl>"

typedef struct {
  char            *dir;
  AmendRepository *repo;
} Project;

static void
project_clear (Project *p)
{
  g_clear_object (&p->repo);
  if (p->dir)
    amend_test_rmtree (p->dir);
  g_clear_pointer (&p->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Project, project_clear)

/* A new project with the template regulation, made by Amend. */
static void
project_new (Project *p)
{
  g_autoptr(GError) error = NULL;

  p->dir = amend_test_tmpdir ("amend-repo");
  p->repo = amend_repository_create (p->dir, AUTHOR, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p->repo);
}

static void
replace_in_file (const char *dir,
                 const char *file,
                 const char *from,
                 const char *to)
{
  g_autofree char *text = amend_test_read (dir, file);
  g_auto(GStrv) parts = g_strsplit (text, from, 2);
  g_autofree char *joined = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (to, parts);
  amend_test_write (dir, file, joined);
}

static void
assert_error_contains (GError     *error,
                       int         code,
                       const char *needle)
{
  g_assert_error (error, AMEND_REPOSITORY_ERROR, code);
  if (needle && strstr (error->message, needle) == NULL)
    g_error ("\"%s\" is not in the message: %s", needle, error->message);
}

/* ----------------------------------------------------------------------- */
/* Creating and opening                                                     */
/* ----------------------------------------------------------------------- */

static void
test_create (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendRepository) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *git_author = NULL;
  g_autofree char *canonical = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);

  text = amend_test_read (p.dir, "regeling.md");
  g_assert_cmpstr (text, ==, amend_repository_get_template ());
  /* The template is a regulation without findings, in canonical form. */
  doc = amend_test_parse (text);
  g_assert_false (amend_document_has_errors (doc));
  g_assert_cmpuint (amend_document_get_diagnostics (doc)->len, ==, 0);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, 3);
  canonical = amend_document_to_markdown (doc);
  g_assert_cmpstr (canonical, ==, text);

  branch = amend_repository_dup_branch (p.repo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (branch, ==, "main");
  log = amend_repository_log (p.repo, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->author, ==, "Jan Jansen");
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->email, ==, "jan@example.nl");

  /* git sees the same branch, commit and author, and nothing unsaved. */
  g_free (branch);
  branch = amend_test_git_ok (p.dir, "branch", "--show-current", NULL);
  g_assert_cmpstr (branch, ==, "main\n");
  git_author = amend_test_git_ok (p.dir, "log", "--format=%H %an <%ae>", NULL);
  {
    g_autofree char *expected = g_strdup_printf ("%s " AUTHOR "\n", ((AmendCommit *) g_ptr_array_index (log, 0))->id);
    g_assert_cmpstr (git_author, ==, expected);
  }
  {
    g_autofree char *status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
    g_assert_cmpstr (status, ==, "");
  }
  amend_test_fsck (p.dir);

  /* A second create refuses instead of starting over. */
  again = amend_repository_create (p.dir, AUTHOR, &error);
  g_assert_null (again);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_EXISTS, p.dir);
}

static void
test_create_existing_files (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autofree char *files = NULL;

  if (!amend_test_need_git ())
    return;
  dir = amend_test_tmpdir ("amend-repo");
  amend_test_write (dir, "apv.md", "# Hoofdstuk 1 Algemeen\n\n## Artikel 1 Begrip\n\nTekst.\n");
  amend_test_write (dir, "notities.txt", "geen regeling\n");

  repo = amend_repository_create (dir, AUTHOR, &error);
  g_assert_no_error (error);
  /* The regulation already there is the first version; no template. */
  {
    g_autofree char *template = g_build_filename (dir, "regeling.md", NULL);
    g_assert_false (g_file_test (template, G_FILE_TEST_EXISTS));
  }
  files = amend_test_git_ok (dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (files, ==, "apv.md\n");
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
}

static void
test_create_without_author (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *git_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendRepository) repo = NULL;

  dir = amend_test_tmpdir ("amend-repo");
  empty = amend_test_tmpdir ("amend-nohome");
  /* libgit2 reads the user's config from a folder that has none now. */
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, empty);
  repo = amend_repository_create (dir, NULL, &error);
  git_libgit2_opts (GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, amend_test_git_home ());

  g_assert_null (repo);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NO_AUTHOR, "git config --global user.name");
  g_assert_nonnull (strstr (error->message, "user.email"));
  /* Nothing half made is left behind. */
  git_dir = g_build_filename (dir, ".git", NULL);
  g_assert_false (g_file_test (git_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A malformed --author is refused with an example of the right form. */
  repo = amend_repository_create (dir, "Jan Jansen", &error);
  g_assert_null (repo);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT, "Name <e-mail>");
  g_clear_error (&error);
  repo = amend_repository_create (dir, "Jan <jan@x.nl> <y>", &error);
  g_assert_null (repo);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT);
  g_assert_false (g_file_test (git_dir, G_FILE_TEST_EXISTS));

  amend_test_rmtree (dir);
  amend_test_rmtree (empty);
}

static void
test_parse_author (void)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  const char *bad[] = { "", "Jan", "<jan@x.nl>", "Jan <>", "Jan <jan@x.nl", "Jan <j an@x.nl>", "Ja<n <j@x.nl>" };

  g_assert_true (amend_parse_author ("  Anne-Fleur van den Ëynde   <a.f@lindewaarde.nl> ", &name, &email, NULL));
  g_assert_cmpstr (name, ==, "Anne-Fleur van den Ëynde");
  g_assert_cmpstr (email, ==, "a.f@lindewaarde.nl");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (amend_parse_author (bad[i], NULL, NULL, &error));
      g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT);
    }
}

/* A submitter is a person with an address or a group without one; an
 * address without @ is refused. */
static void
test_parse_submitter (void)
{
  const char *bad[] = { "", "   ", "Jan <jan>", "Jan <@x.nl>", "Jan <jan@>", "<jan@x.nl>", "Jan <jan@x.nl", "Wijk<raad" };
  g_autofree char *group = amend_parse_submitter ("  Wijkraad Oost ", NULL);
  g_autofree char *person = amend_parse_submitter ("Anna de Vries   <anna@example.nl>", NULL);

  g_assert_cmpstr (group, ==, "Wijkraad Oost");
  g_assert_cmpstr (person, ==, "Anna de Vries <anna@example.nl>");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (amend_parse_submitter (bad[i], &error));
      g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (amend_parse_submitter ("Jan Jansen <jan.lindewaarde.nl>", &error));
    g_assert_nonnull (strstr (error->message, "@"));
  }
}

/* The regulation of amend init can be exported as it is. */
static void
test_template_exportable (void)
{
  const char *text = amend_repository_get_template ();
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (text, strlen (text), NULL);
  g_auto(AmendXmlMeta) meta = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (amend_xml_meta_load (&meta, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (meta.work, ==, "/akn/nl/act/gm9999/2027/verordening");
  g_assert_cmpstr (meta.authority, ==, "gm9999");
}

/* The user of the git configuration, the first submitter the window offers. */
static void
test_git_config_author (void)
{
  g_autofree char *me = amend_git_config_author ();

  g_assert_cmpstr (me, ==, "Test Gebruiker <test@example.nl>");
}

/* A repository made with git: other branches, other files, a subfolder,
 * the draft on master. */
static void
test_open_git_made (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *main_branch = NULL;
  g_autofree char *rel = NULL;

  if (!amend_test_need_git ())
    return;
  dir = amend_test_tmpdir ("amend-git");
  g_free (amend_test_git_ok (dir, "init", "-q", "-b", "master", NULL));
  amend_test_write (dir, "regeling.md", "## Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee.\n");
  amend_test_write (dir, "src/tool.c", "int main (void) { return 0; }\n");
  amend_test_write (dir, "README", "lees mij\n");
  g_free (amend_test_git_ok (dir, "add", ".", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Eerste", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "-c", "werk", NULL));
  replace_in_file (dir, "regeling.md", "Twee.", "Twee, gewijzigd met git.");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Artikel 2 met git", NULL));
  /* An amendment branch made with git, without a record. */
  g_free (amend_test_git_ok (dir, "branch", "amendement/met-git", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "master", NULL));

  /* Found from a subfolder, as git finds it. */
  sub = g_build_filename (dir, "src", NULL);
  g_assert_cmpint (g_chdir (sub), ==, 0);
  repo = amend_repository_open (NULL, &error);
  g_assert_no_error (error);
  rel = amend_repository_relative_path (repo, "../regeling.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rel, ==, "regeling.md");
  g_clear_pointer (&rel, g_free);
  rel = amend_repository_relative_path (repo, "/etc/passwd", &error);
  g_assert_null (rel);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  main_branch = amend_repository_dup_main_branch (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (main_branch, ==, "master");
  log = amend_repository_log (repo, "werk", "regeling.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->message, ==, "Artikel 2 met git\n");
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->author, ==, "Test Gebruiker");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = amend_repository_log (repo, "werk", "src/tool.c", &error);
  g_assert_cmpuint (log->len, ==, 1);

  text = amend_repository_read_file (repo, "werk", "regeling.md", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (text, NULL), "gewijzigd met git"));
  g_clear_pointer (&text, g_bytes_unref);
  text = amend_repository_read_file (repo, "werk", "src", &error);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_INVALID, "folder");
  g_clear_error (&error);
  text = amend_repository_read_file (repo, "werk", "geen.md", &error);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "geen.md");
  g_clear_error (&error);
  text = amend_repository_read_file (repo, "bestaat-niet", "regeling.md", &error);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "HEAD~1");
  g_clear_error (&error);

  list = amend_amendment_list (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    AmendAmendment *a = g_ptr_array_index (list, 0);

    g_assert_cmpstr (amend_amendment_get_slug (a), ==, "met-git");
    g_assert_false (amend_amendment_has_record (a));
    g_assert_cmpstr (amend_amendment_get_title (a), ==, "met-git");
    g_assert_cmpuint (amend_amendment_get_ahead (a), ==, 1);
    g_assert_cmpstr (amend_amendment_get_articles (a)[0], ==, "2");
    g_assert_null (amend_amendment_get_articles (a)[1]);
  }

  /* Saving in it commits the regulation only. */
  amend_test_write (dir, "regeling.md", "## Artikel 1\n\nEen, met Amend.\n\n## Artikel 2\n\nTwee.\n");
  amend_test_write (dir, "src/tool.c", "int main (void) { return 1; }\n");
  g_free (amend_repository_save (repo, NULL, AUTHOR, NULL, "Met Amend", &error));
  g_assert_no_error (error);
  {
    g_autofree char *changed = amend_test_git_ok (dir, "show", "--format=", "--name-only", "HEAD", NULL);
    g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);

    g_assert_cmpstr (changed, ==, "regeling.md\n");
    g_assert_cmpstr (status, ==, " M src/tool.c\n");
  }
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
}

/* ----------------------------------------------------------------------- */
/* History: the 22 versions of the Gemeentewet                              */
/* ----------------------------------------------------------------------- */

static void
test_gemeentewet_history (void)
{
  g_autofree char *index_path = amend_test_shared_path ("corpus/nl-wetten-historie/index.txt");
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *git_log = NULL;
  GString *expected_log = g_string_new (NULL);

  if (index_path == NULL || !amend_test_need_git ())
    {
      g_string_free (expected_log, TRUE);
      return;
    }
  index = amend_test_read_file (index_path, NULL);
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);
      g_autofree char *file = NULL;
      g_autofree char *iso = NULL;
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+01:00");

      if (g_strv_length (f) < 3)
        continue;
      file = g_strdup_printf ("corpus/nl-wetten-historie/%s.md", f[0]);
      g_ptr_array_add (versions, amend_test_shared_path (file));
      iso = g_strdup_printf ("%sT09:00:00", f[2]);
      g_ptr_array_add (dates, g_date_time_new_from_iso8601 (iso, tz));
      g_assert_nonnull (g_ptr_array_index (dates, dates->len - 1));
    }
  g_assert_cmpuint (versions->len, ==, 22);

  /* git init leaves an unborn main; Amend's first save makes the first
   * commit, so all 22 versions carry the dates of the index. */
  p.dir = amend_test_tmpdir ("amend-gemeentewet");
  g_free (amend_test_git_ok (p.dir, "init", "-q", NULL));
  p.repo = amend_repository_open (p.dir, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < versions->len; i++)
    {
      gsize len = 0;
      g_autofree char *data = amend_test_read_file (g_ptr_array_index (versions, i), &len);
      g_autofree char *path = g_build_filename (p.dir, "gemeentewet.md", NULL);
      g_autofree char *message = g_strdup_printf ("Gemeentewet, versie %u", i + 1);
      char *id;

      g_file_set_contents (path, data, len, &error);
      g_assert_no_error (error);
      id = amend_repository_save (p.repo, NULL, AUTHOR, g_ptr_array_index (dates, i), message, &error);
      g_assert_no_error (error);
      g_assert_nonnull (id);
      g_ptr_array_add (ids, id);
    }

  log = amend_repository_log (p.repo, NULL, "gemeentewet.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      AmendCommit *c = g_ptr_array_index (log, i);
      guint version = 21 - i;  /* newest first */
      g_autofree char *rev = g_strdup_printf ("HEAD~%u", i);
      g_autoptr(GBytes) at_rev = amend_repository_read_file (p.repo, rev, "gemeentewet.md", &error);
      g_autoptr(GBytes) at_id = NULL;
      g_autoptr(GBytes) by_git = NULL;
      gsize len = 0;
      g_autofree char *data = amend_test_read_file (g_ptr_array_index (versions, version), &len);
      g_autoptr(GBytes) original = g_bytes_new_take (g_steal_pointer (&data), len);
      g_autofree char *spec = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (c->id, ==, g_ptr_array_index (ids, version));
      g_assert_cmpstr (c->author, ==, "Jan Jansen");
      {
        g_autofree char *message = g_strdup_printf ("Gemeentewet, versie %u\n", version + 1);

        g_assert_cmpstr (c->message, ==, message);
        g_assert_true (g_date_time_equal (c->date, g_ptr_array_index (dates, version)));
        g_assert_cmpint (g_date_time_get_utc_offset (c->date), ==, G_TIME_SPAN_HOUR);
      }
      /* Byte for byte, by HEAD~N and by id, with Amend and with git. */
      g_assert_true (g_bytes_equal (at_rev, original));
      at_id = amend_repository_read_file (p.repo, c->id, "gemeentewet.md", &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (at_id, original));
      spec = g_strdup_printf ("%s:gemeentewet.md", c->id);
      by_git = amend_test_git_show (p.dir, spec);
      g_assert_true (g_bytes_equal (by_git, original));
      g_string_append_printf (expected_log, "%s\n", c->id);
    }

  git_log = amend_test_git_ok (p.dir, "log", "--format=%H", "--", "gemeentewet.md", NULL);
  g_assert_cmpstr (git_log, ==, expected_log->str);
  g_string_free (expected_log, TRUE);
  {
    g_autofree char *git_dates = amend_test_git_ok (p.dir, "log", "-1", "--format=%aI", NULL);
    g_assert_cmpstr (git_dates, ==, "2015-11-24T09:00:00+01:00\n");
  }
  amend_test_fsck (p.dir);
}

/* ----------------------------------------------------------------------- */
/* Saving                                                                   */
/* ----------------------------------------------------------------------- */

static void
test_save (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *id = NULL;
  g_autofree char *files = NULL;
  g_autofree char *status = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);

  /* Nothing changed: nothing to save, and no empty commit. */
  id = amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Niets", &error);
  g_assert_null (id);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOTHING_TO_SAVE, "nothing to save");
  g_clear_error (&error);

  /* New, changed, deleted: a new regulation, the template changed, a
   * record, and a file that is no regulation (not saved, not listed). */
  replace_in_file (p.dir, "regeling.md", "Begripsbepalingen", "Definities");
  amend_test_write (p.dir, "bijlagen/tarieven.md", "# Bijlage 1 Tarieven\n\nNul euro.\n");
  amend_test_write (p.dir, ".amend/opmerkingen/a.md", "Een opmerking.\n");
  amend_test_write (p.dir, "build.log", "bouwsel\n");
  changes = amend_repository_list_changes (p.repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  for (guint i = 0; i < changes->len; i++)
    {
      AmendFileChange *c = g_ptr_array_index (changes, i);

      g_assert_true (c->regulation);
      g_assert_cmpint (c->kind, ==, strcmp (c->path, "regeling.md") == 0 ? AMEND_FILE_MODIFIED : AMEND_FILE_NEW);
    }

  id = amend_repository_save (p.repo, NULL, AUTHOR, NULL, NULL, &error);
  g_assert_no_error (error);
  files = amend_test_git_ok (p.dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (files, ==, ".amend/opmerkingen/a.md\nbijlagen/tarieven.md\nregeling.md\n");
  log = amend_repository_log (p.repo, NULL, NULL, &error);
  /* Without -m the message names the regulations that changed. */
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->message, ==,
                   "Update bijlagen/tarieven.md and regeling.md\n");
  status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "?? build.log\n");
  g_clear_pointer (&status, g_free);
  g_clear_pointer (&files, g_free);
  g_clear_pointer (&id, g_free);

  /* Deleted, and a file staged with git add that is no regulation: the
   * version holds the deletion, the staged file stays staged. */
  {
    g_autofree char *gone = g_build_filename (p.dir, "bijlagen/tarieven.md", NULL);
    g_assert_cmpint (g_unlink (gone), ==, 0);
  }
  g_free (amend_test_git_ok (p.dir, "add", "build.log", NULL));
  id = amend_repository_save (p.repo, NULL, NULL, NULL, "Bijlage weg", &error);
  g_assert_no_error (error);
  files = amend_test_git_ok (p.dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);
  g_assert_cmpstr (files, ==, ".amend/opmerkingen/a.md\nregeling.md\n");
  status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "A  build.log\n");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = amend_repository_log (p.repo, NULL, NULL, &error);
  /* The author from the git configuration. */
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->author, ==, "Test Gebruiker");
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (log, 0))->email, ==, "test@example.nl");
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&files, g_free);
  g_clear_pointer (&status, g_free);

  /* Given files: only those, even one that is no regulation. */
  replace_in_file (p.dir, "regeling.md", "Definities", "Begrippen");
  amend_test_write (p.dir, "tool.sh", "#!/bin/sh\n");
  {
    g_autofree char *script = g_build_filename (p.dir, "tool.sh", NULL);
    g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  }
  {
    const char *paths[] = { "tool.sh", NULL };
    const char *missing[] = { "weg.md", NULL };

    id = amend_repository_save (p.repo, paths, AUTHOR, NULL, "Alleen het script", &error);
    g_assert_no_error (error);
    files = amend_test_git_ok (p.dir, "ls-tree", "-r", "HEAD", "tool.sh", NULL);
    g_assert_true (g_str_has_prefix (files, "100755 blob "));
    status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
    g_assert_cmpstr (status, ==, "A  build.log\n M regeling.md\n");
    g_clear_pointer (&id, g_free);
    id = amend_repository_save (p.repo, missing, AUTHOR, NULL, "Weg", &error);
    g_assert_null (id);
    assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "weg.md");
    g_clear_error (&error);
  }
  /* A message of only blanks is no message. */
  g_assert_null (amend_repository_save (p.repo, NULL, AUTHOR, NULL, " \n ", &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT);
  amend_test_fsck (p.dir);
}

/* The submitters and motivation changed while the amendment is concept,
 * as a commit on its branch; the working copy on it follows; refused once
 * submitted, and without a submitter. */
static void
test_edit_record (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) proposed = NULL;
  g_autoptr(AmendAmendment) edited = NULL;
  const char *people[] = { "Wijkraad Oost", "Anna de Vries <anna@example.nl>", NULL };
  const char *none[] = { NULL };
  const char *bad[] = { "Anna <zonder-apenstaartje>", NULL };
  g_autofree char *record = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *subject = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  proposed = amend_amendment_propose (p.repo, "Tijdelijk", NULL, "Eerst zo.", NULL, &error);
  g_assert_no_error (error);
  edited = amend_amendment_edit_record (p.repo, "tijdelijk", people, "Nu beter onderbouwd.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_amendment_get_submitters (edited)[0], ==, "Wijkraad Oost");
  g_assert_cmpstr (amend_amendment_get_motivation (edited), ==, "Nu beter onderbouwd.");
  record = amend_test_git_ok (p.dir, "show", "amendement/tijdelijk:.amend/amendementen/tijdelijk/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "Wijkraad Oost;Anna de Vries <anna@example.nl>"));
  g_assert_nonnull (strstr (record, "motivation=Nu beter onderbouwd."));
  g_assert_nonnull (strstr (record, "status=concept"));
  subject = amend_test_git_ok (p.dir, "log", "-1", "--format=%s", "amendement/tijdelijk", NULL);
  g_assert_cmpstr (subject, ==, "Change the submitters and motivation of amendment: Tijdelijk\n");
  /* The working copy is on it: its record is the committed one. */
  on_disk = amend_test_read (p.dir, ".amend/amendementen/tijdelijk/amendement.ini");
  g_assert_nonnull (strstr (on_disk, "motivation=Nu beter onderbouwd."));
  g_free (amend_test_git_ok (p.dir, "diff", "--quiet", "HEAD", NULL));

  g_assert_null (amend_amendment_edit_record (p.repo, "tijdelijk", none, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (amend_amendment_edit_record (p.repo, "tijdelijk", bad, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&edited);
  /* Submitted only once it changes the regulation. */
  edited = amend_amendment_change_status (p.repo, "tijdelijk", AMEND_STATUS_SUBMITTED, &error);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_TRANSITION, "changes no regulation");
  g_clear_error (&error);
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Naam");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Naam", &error));
  g_assert_no_error (error);
  edited = amend_amendment_change_status (p.repo, "tijdelijk", AMEND_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_clear_object (&edited);
  g_assert_null (amend_amendment_edit_record (p.repo, "tijdelijk", people, "Later.", &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "only while it is concept"));
  amend_test_fsck (p.dir);
}

/* ----------------------------------------------------------------------- */
/* Refusals                                                                 */
/* ----------------------------------------------------------------------- */

static void
test_locked (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text_before = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  g_assert_nonnull (amend_amendment_propose (p.repo, "Tijdelijk", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));

  /* Another program's lock, as git leaves it while it writes. */
  lock = g_build_filename (p.dir, ".git", "index.lock", NULL);
  amend_test_write (p.dir, ".git/index.lock", "");
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Naam");
  text_before = amend_test_read (p.dir, "regeling.md");

  id = amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Op slot", &error);
  g_assert_null (id);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_LOCKED, "index.lock");
  g_assert_nonnull (strstr (error->message, "remove the file"));
  g_clear_error (&error);
  g_assert_false (amend_repository_switch (p.repo, "tijdelijk", TRUE, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (amend_amendment_propose (p.repo, "Nog een", NULL, NULL, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (amend_amendment_change_status (p.repo, "tijdelijk", AMEND_STATUS_SUBMITTED, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED);
  g_clear_error (&error);
  /* Nothing was written: the same commit, the same text. */
  {
    g_autofree char *count = amend_test_git_ok (p.dir, "rev-list", "--count", "--all", NULL);
    g_autofree char *text_after = amend_test_read (p.dir, "regeling.md");

    g_assert_cmpstr (count, ==, "2\n");
    g_assert_cmpstr (text_after, ==, text_before);
  }

  g_assert_cmpint (g_unlink (lock), ==, 0);
  id = amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Vrij", &error);
  g_assert_no_error (error);
  amend_test_fsck (p.dir);
}

/* A real conflicting merge (and rebase) made with git. */
static void
make_conflict (const char *dir)
{
  g_free (amend_test_git_ok (dir, "switch", "-q", "-c", "ander", NULL));
  replace_in_file (dir, "regeling.md", "Verordening.\n", "Andere verordening.\n");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Ander", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  replace_in_file (dir, "regeling.md", "Verordening.\n", "Eigen verordening.\n");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Eigen", NULL));
}

static void
assert_busy (Project    *p,
             const char *word)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (amend_repository_describe_state (p->repo));
  g_assert_null (amend_repository_save (p->repo, NULL, AUTHOR, NULL, "Midden in", &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_BUSY, word);
  g_clear_error (&error);
  g_assert_false (amend_repository_switch (p->repo, "ander", TRUE, NULL, &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_BUSY, "--abort");
  g_clear_error (&error);
  g_assert_null (amend_amendment_propose (p->repo, "Midden", NULL, NULL, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY);
}

static void
test_mid_merge_and_rebase (void)
{
  g_auto(Project) p = { 0 };
  g_autofree char *err = NULL;
  g_autofree char *conflicted = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  make_conflict (p.dir);

  g_assert_cmpint (amend_test_git (p.dir, NULL, &err, "merge", "ander", NULL), !=, 0);
  g_assert_nonnull (strstr (amend_repository_describe_state (p.repo), "git merge --abort"));
  assert_busy (&p, "merge");
  /* The conflict markers git wrote are still there: nothing was touched. */
  conflicted = amend_test_read (p.dir, "regeling.md");
  g_assert_nonnull (strstr (conflicted, "<<<<<<<"));
  amend_test_fsck (p.dir);
  g_free (amend_test_git_ok (p.dir, "merge", "--abort", NULL));
  g_assert_null (amend_repository_describe_state (p.repo));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (amend_test_git (p.dir, NULL, &err, "rebase", "ander", NULL), !=, 0);
  g_assert_nonnull (strstr (amend_repository_describe_state (p.repo), "git rebase --abort"));
  assert_busy (&p, "rebase");
  g_free (amend_test_git_ok (p.dir, "rebase", "--abort", NULL));
  amend_test_fsck (p.dir);
}

static void
test_bare_detached_unborn (void)
{
  g_auto(Project) p = { 0 };
  g_autofree char *bare = NULL;
  g_autofree char *unborn = NULL;
  g_autofree char *branch = NULL;
  g_autoptr(AmendRepository) bare_repo = NULL;
  g_autoptr(AmendRepository) unborn_repo = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);

  /* Bare: reading works, writing says what to do. */
  bare = amend_test_tmpdir ("amend-bare");
  g_free (amend_test_git_ok (bare, "init", "-q", "--bare", NULL));
  g_free (amend_test_git_ok (p.dir, "push", "-q", bare, "main", NULL));
  bare_repo = amend_repository_open (bare, &error);
  g_assert_no_error (error);
  g_assert_true (amend_repository_is_bare (bare_repo));
  log = amend_repository_log (bare_repo, "main", "regeling.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_null (amend_repository_save (bare_repo, NULL, AUTHOR, NULL, "Kaal", &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_BARE, "git clone");
  g_clear_error (&error);
  g_assert_false (amend_repository_switch (bare_repo, "main", FALSE, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BARE);
  g_clear_error (&error);
  amend_test_fsck (bare);
  amend_test_rmtree (bare);

  /* Detached HEAD: no saving, and switching is the way back. */
  g_free (amend_test_git_ok (p.dir, "checkout", "-q", "--detach", NULL));
  g_assert_cmpint (amend_repository_get_head (p.repo, &branch), ==, AMEND_HEAD_DETACHED);
  g_assert_cmpuint (strlen (branch), ==, 7);
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Naam");
  g_assert_null (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Los", &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_DETACHED, "main");
  g_clear_error (&error);
  g_assert_null (amend_amendment_change_status (p.repo, NULL, AMEND_STATUS_SUBMITTED, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DETACHED);
  g_clear_error (&error);
  g_assert_false (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY);
  g_clear_error (&error);
  g_free (amend_test_git_ok (p.dir, "checkout", "-q", "regeling.md", NULL));
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amend_repository_get_head (p.repo, NULL), ==, AMEND_HEAD_BRANCH);
  amend_test_fsck (p.dir);

  /* Unborn: a repository from git init, without any commit. */
  unborn = amend_test_tmpdir ("amend-unborn");
  g_free (amend_test_git_ok (unborn, "init", "-q", NULL));
  unborn_repo = amend_repository_open (unborn, &error);
  g_assert_no_error (error);
  g_clear_pointer (&branch, g_free);
  g_assert_cmpint (amend_repository_get_head (unborn_repo, &branch), ==, AMEND_HEAD_UNBORN);
  g_assert_cmpstr (branch, ==, "main");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = amend_repository_log (unborn_repo, NULL, NULL, &error);
  g_assert_null (log);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_UNBORN, "no saved version yet");
  g_clear_error (&error);
  g_assert_null (amend_amendment_propose (unborn_repo, "Te vroeg", NULL, NULL, NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_UNBORN);
  g_clear_error (&error);
  g_assert_null (amend_amendment_list (unborn_repo, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_UNBORN);
  g_clear_error (&error);
  /* Saving makes the first version. */
  amend_test_write (unborn, "regeling.md", "## Artikel 1\n\nEen.\n");
  g_free (amend_repository_save (unborn_repo, NULL, AUTHOR, NULL, "Eerste", &error));
  g_assert_no_error (error);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = amend_repository_log (unborn_repo, NULL, NULL, &error);
  g_assert_cmpuint (log->len, ==, 1);
  amend_test_fsck (unborn);
  amend_test_rmtree (unborn);

  /* No repository at all. */
  {
    g_autofree char *none = amend_test_tmpdir ("amend-none");
    g_autoptr(AmendRepository) nothing = amend_repository_open (none, &error);

    g_assert_null (nothing);
    assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "amend init");
    amend_test_rmtree (none);
  }
}

/* ----------------------------------------------------------------------- */
/* Amendments                                                               */
/* ----------------------------------------------------------------------- */

static void
test_slug (void)
{
  const struct { const char *title; const char *slug; } cases[] = {
    { "Verbod op vuurwerk in het centrum", "verbod-op-vuurwerk-in-het-centrum" },
    { "Één dag vuurwerk: oud & nieuw!", "een-dag-vuurwerk-oud-nieuw" },
    { "Café \xe2\x80\x98" "De \xc4\xb2ssel\xe2\x80\x99 naïef", "cafe-de-ijssel-naief" },
    { "Artikel 2:3 (APV)", "artikel-2-3-apv" },
    { "  --  ", "amendement" },
    { "\xe4\xb8\xad\xe6\x96\x87", "amendement" },
    { "..lock", "lock" },
    { "Een heel lange titel die maar doorgaat over de sluitingstijden van horecabedrijven in de binnenstad",
      "een-heel-lange-titel-die-maar-doorgaat-over-de" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = amend_slug_from_title (cases[i].title);
      g_autofree char *ref = g_strconcat ("refs/heads/amendement/", slug, NULL);
      int valid = 0;

      g_assert_cmpstr (slug, ==, cases[i].slug);
      g_assert_cmpuint (strlen (slug), <=, 60);
      g_assert_cmpint (git_reference_name_is_valid (&valid, ref), ==, 0);
      g_assert_true (valid);
    }
}

/* Lines that end in carriage returns, also the last one without a
 * newline, read as they read once written: "verworpen", not
 * "verworpen\r" (found by fuzz-record). */
static void
test_record_last_line_cr (void)
{
  const char *data = "[amendement]\r\ntitle=Zes weken\r\nstatus=verworpen\r\r\n[vote]\r\ndate=2027-03-14\r\n"
                     "result=verworpen\r\r\r";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = amend_amendment_new_from_data ("zes-weken", data, strlen (data), &error);
  g_autoptr(AmendAmendment) back = NULL;
  g_autoptr(AmendVote) vote = NULL;
  g_autoptr(AmendVote) vote_back = NULL;
  g_autofree char *written = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_cmpint (amend_amendment_get_status (a), ==, AMEND_STATUS_REJECTED);
  vote = amend_amendment_dup_vote (a);
  g_assert_cmpint (vote->result, ==, AMEND_STATUS_REJECTED);
  written = amend_amendment_to_data (a, &len);
  back = amend_amendment_new_from_data ("zes-weken", written, len, &error);
  g_assert_no_error (error);
  vote_back = amend_amendment_dup_vote (back);
  g_assert_cmpint (vote_back->result, ==, vote->result);
  g_assert_cmpstr (vote_back->date, ==, "2027-03-14");

  /* A NUL byte: GKeyFile would read past it and the writer stop at it. */
  {
    const char nul[] = "[amendement]\ntitle=Zes\0weken\nstatus=concept\n";
    g_autoptr(AmendAmendment) none = amend_amendment_new_from_data ("zes-weken", nul, sizeof nul - 1, &error);

    g_assert_null (none);
    g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "NUL"));
    g_clear_error (&error);
  }

  /* Bytes that are not UTF-8 (a record edited with git in Latin-1): the
   * sentence names the line, not a missing title. */
  {
    const char *latin1 = "[amendement]\ntitle=Zes\n\nstatus=concept\nmotivation=Sneller, d\xe9tail\n";
    g_autoptr(AmendAmendment) none = amend_amendment_new_from_data ("zes-weken", latin1, strlen (latin1), &error);

    g_assert_null (none);
    g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "line 5 holds bytes that are not UTF-8"));
    g_clear_error (&error);
  }

  /* "Encoding" other than UTF-8: GKeyFile refuses it, so the record is
   * refused when read, not lost when written (found by fuzz-record). */
  {
    const char *bad = "[amendement]\ntitle=\nEncoding=\nstatus=verworpen";
    const char *good = "[amendement]\ntitle=Zes weken\nEncoding=UTF-8\nstatus=verworpen\n";
    g_autoptr(AmendAmendment) none = amend_amendment_new_from_data ("zes-weken", bad, strlen (bad), &error);
    g_autoptr(AmendAmendment) utf8 = NULL;
    g_autoptr(AmendAmendment) again = NULL;
    g_autofree char *text = NULL;

    g_assert_null (none);
    g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "cannot be read"));
    g_clear_error (&error);
    utf8 = amend_amendment_new_from_data ("zes-weken", good, strlen (good), &error);
    g_assert_no_error (error);
    text = amend_amendment_to_data (utf8, &len);
    again = amend_amendment_new_from_data ("zes-weken", text, len, &error);
    g_assert_no_error (error);
    g_assert_cmpint (amend_amendment_get_status (again), ==, AMEND_STATUS_REJECTED);
    g_assert_cmpstr (amend_amendment_get_title (again), ==, "Zes weken");
  }
}

/* What a record says, as one string, for comparing two readings. */
static char *
describe_record (AmendAmendment *a)
{
  g_autoptr(AmendVote) vote = amend_amendment_dup_vote (a);
  g_autofree char *people = g_strjoinv ("|", (char **) amend_amendment_get_submitters (a));
  g_autofree char *decided = amend_amendment_dup_decided (a);
  GDateTime *created = amend_amendment_get_created (a);
  GDateTime *updated = amend_amendment_get_updated (a);
  g_autofree char *c = created ? g_date_time_format_iso8601 (created) : g_strdup ("-");
  g_autofree char *u = updated ? g_date_time_format_iso8601 (updated) : g_strdup ("-");
  g_autofree char *v = vote ? g_strdup_printf ("%d %s %s %d %d", vote->result, vote->date, vote->meeting,
                                               vote->votes_for, vote->votes_against) : g_strdup ("-");

  return g_strdup_printf ("title=%s motivation=%s amends=%s status=%d people=%u:%s created=%s updated=%s "
                          "vote=%s decided=%s", amend_amendment_get_title (a),
                          amend_amendment_get_motivation (a), amend_amendment_get_amends (a),
                          amend_amendment_get_status (a), g_strv_length ((char **) amend_amendment_get_submitters (a)),
                          people, c, u, v, decided);
}

/* A record as Amend writes it is read without GKeyFile (amend list reads
 * thousands); it must read exactly as GKeyFile reads it, which a comment
 * line in front forces. */
static void
test_record_plain (void)
{
  const char *records[] = {
    "[amendement]\ntitle=Zes weken\nsubmitters=Jan <j@example.nl>;Eva <e@example.nl>;\nmotivation=\n"
    "status=concept\ncreated=2027-01-01T00:00:00+01:00\nupdated=2027-01-02T10:00:00+01:00\n",
    "[amendement]\ntitle=Sub\namends=zes-weken\nsubmitters=a;;b\nmotivation=Want.\nstatus=aangenomen\n"
    "updated=2027-01-02T10:00:00+01:00\n\n[vote]\ndate=2027-03-14\nmeeting=Raad\nfor=12\nagainst=3\n"
    "result=aangenomen\n",
    "[amendement]\n\ntitle=Leeg\nsubmitters=\namends=\nstatus=ingediend\n\n[vote]\n",
    "[amendement]\ntitle=Puntkomma\nsubmitters=;\nstatus=concept\nextra=iets\n",
    "[amendement]\ntitle=Escape\nmotivation=Een\\nTwee\\s\nsubmitters=Eva\\;\\sde Vries;\nstatus=concept\n",
    "[amendement]\ntitle=Twee keer\ntitle=Tweede\nstatus=concept\n",
    "[amendement]\ntitle=Spatie \nstatus=concept\n",
    "[amendement]\ntitle = Spatie\nstatus=concept\n",
    "[amendement]\ntitle=X\ntitle[nl]=Y\nstatus=concept\n",
    "[amendement]\ntitle=\xff\xfe\nstatus=concept\n",
    "[amendement]\nstatus=concept\n",
    "[amendement]\ntitle=Onbekend\nstatus=misschien\n",
    "[vote]\nresult=aangenomen\n[amendement]\ntitle=Omgekeerd\nstatus=aangenomen\n",
    "[amendement]\ntitle=Ander\nstatus=concept\n[notities]\nx=y\n",
    "[amendement]\ntitle=Datum\nstatus=concept\ncreated=gisteren\n",
  };
  g_autoptr(GRegex) line_number = g_regex_new ("line [0-9]+", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *commented = g_strconcat ("# forces GKeyFile\n", records[i], NULL);
      g_autoptr(GError) plain_error = NULL;
      g_autoptr(GError) keyfile_error = NULL;
      g_autoptr(AmendAmendment) plain = amend_amendment_new_from_data ("r", records[i], -1, &plain_error);
      g_autoptr(AmendAmendment) keyfile = amend_amendment_new_from_data ("r", commented, -1, &keyfile_error);

      g_test_message ("record %u", i);
      g_assert_cmpint (plain == NULL, ==, keyfile == NULL);
      if (plain == NULL)
        {
          /* The same sentence, but for the line the comment moved. */
          g_autofree char *p = g_regex_replace_literal (line_number, plain_error->message, -1, 0, "line N", 0, NULL);
          g_autofree char *k = g_regex_replace_literal (line_number, keyfile_error->message, -1, 0, "line N", 0, NULL);

          g_assert_cmpstr (p, ==, k);
          continue;
        }
      {
        g_autofree char *a = describe_record (plain);
        g_autofree char *b = describe_record (keyfile);
        g_autofree char *data = amend_amendment_to_data (plain, NULL);
        g_autofree char *again = NULL;

        g_assert_cmpstr (a, ==, b);
        /* Written, it is the record GKeyFile reads and writes. */
        again = describe_record (plain);
        g_assert_cmpstr (again, ==, b);
        g_assert_true (g_str_has_prefix (data, records[i][0] == '[' && records[i][1] == 'v' ? "[vote]" : "[amendement]"));
      }
    }
}

static void
test_record (void)
{
  g_autoptr(AmendAmendment) a = amend_amendment_new ("vuurwerk", "Vuurwerk; en = meer");
  const char *people[] = { "Jan Jansen <jan@example.nl>", "Eva; de Vries <eva@example.nl>", NULL };
  g_autoptr(AmendAmendment) back = NULL;
  g_autoptr(AmendAmendment) extra = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize len = 0;

  amend_amendment_set_submitters (a, people);
  amend_amendment_set_motivation (a, "Eerste regel.\nTweede regel.");
  data = amend_amendment_to_data (a, &len);
  g_assert_true (g_str_has_prefix (data, "[amendement]\ntitle=Vuurwerk; en = meer\n"));
  g_assert_nonnull (strstr (data, "\nstatus=concept\n"));
  g_assert_nonnull (strstr (data, "\nsubmitters=Jan Jansen <jan@example.nl>;Eva\\;\\sde Vries <eva@example.nl>;\n"));
  g_assert_nonnull (strstr (data, "\nmotivation=Eerste regel.\\nTweede regel.\n"));
  g_assert_nonnull (strstr (data, "\ncreated="));
  g_assert_true (g_str_has_suffix (data, "\n"));

  back = amend_amendment_new_from_data ("vuurwerk", data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_amendment_get_title (back), ==, "Vuurwerk; en = meer");
  g_assert_cmpstrv (amend_amendment_get_submitters (back), people);
  g_assert_cmpstr (amend_amendment_get_motivation (back), ==, "Eerste regel.\nTweede regel.");
  g_assert_cmpint (amend_amendment_get_status (back), ==, AMEND_STATUS_CONCEPT);
  g_assert_true (g_date_time_equal (amend_amendment_get_created (back), amend_amendment_get_created (a)));
  g_assert_cmpstr (amend_amendment_get_branch (back), ==, "amendement/vuurwerk");

  /* Keys and groups Amend does not know survive a status change. */
  extra = amend_amendment_new_from_data ("x", "[amendement]\ntitle=X\nstatus=ingediend\nnummer=A12\n"
                                         "[vote]\ndate=2027-05-01\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (amend_amendment_set_status (extra, AMEND_STATUS_ADOPTED, NULL, &error));
  again = amend_amendment_to_data (extra, NULL);
  g_assert_nonnull (strstr (again, "nummer=A12"));
  g_assert_nonnull (strstr (again, "[vote]\ndate=2027-05-01"));
  g_assert_nonnull (strstr (again, "status=aangenomen"));

  /* A broken record is an error that names the file. */
  g_clear_object (&back);
  back = amend_amendment_new_from_data ("kapot", "[amendement]\ntitle=X\nstatus=misschien\n", -1, &error);
  g_assert_null (back);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_INVALID, ".amend/amendementen/kapot/amendement.ini");
  g_clear_error (&error);
  back = amend_amendment_new_from_data ("kapot", "geen ini", -1, &error);
  g_assert_null (back);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID);
}

static void
test_transitions (void)
{
  /* rows: from; columns: to (concept, ingediend, aangenomen, verworpen, ingetrokken) */
  const gboolean allowed[5][5] = {
    { FALSE, TRUE,  FALSE, FALSE, TRUE },
    { FALSE, FALSE, TRUE,  TRUE,  TRUE },
    { FALSE, FALSE, FALSE, FALSE, FALSE },
    { FALSE, FALSE, FALSE, FALSE, FALSE },
    { FALSE, FALSE, FALSE, FALSE, FALSE },
  };

  for (AmendStatus from = AMEND_STATUS_CONCEPT; from <= AMEND_STATUS_WITHDRAWN; from++)
    for (AmendStatus to = AMEND_STATUS_CONCEPT; to <= AMEND_STATUS_WITHDRAWN; to++)
      {
        g_autoptr(AmendAmendment) a = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *record = g_strdup_printf ("[amendement]\ntitle=T\nstatus=%s\n", amend_status_to_string (from));
        AmendStatus parsed;

        g_assert_true (amend_status_from_string (amend_status_to_string (from), &parsed));
        g_assert_cmpint (parsed, ==, from);
        g_assert_cmpint (amend_status_can_become (from, to), ==, allowed[from][to]);
        a = amend_amendment_new_from_data ("t", record, -1, &error);
        g_assert_no_error (error);
        g_assert_cmpint (amend_amendment_set_status (a, to, NULL, &error), ==, allowed[from][to]);
        if (allowed[from][to])
          {
            g_assert_no_error (error);
            g_assert_cmpint (amend_amendment_get_status (a), ==, to);
          }
        else
          {
            /* The refusal names the status it has and the one asked for. */
            assert_error_contains (error, AMEND_REPOSITORY_ERROR_TRANSITION, amend_status_to_string (from));
            g_assert_nonnull (strstr (error->message, "\xe2\x80\x9c" "t\xe2\x80\x9d"));
            g_assert_cmpint (amend_amendment_get_status (a), ==, from);
          }
      }
}

static AmendAmendment *
find_amendment (GPtrArray  *list,
                const char *slug)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (amend_amendment_get_slug (g_ptr_array_index (list, i)), slug) == 0)
      return g_ptr_array_index (list, i);
  g_error ("no amendment %s in the list", slug);
  return NULL;
}

static void
test_amendment_life (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autoptr(AmendAmendment) twin = NULL;
  g_autoptr(AmendAmendment) changed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *record = NULL;
  g_autofree char *text = NULL;
  const char *by[] = { "Jan Jansen <jan@example.nl>", "Eva de Vries   <eva@example.nl>", NULL };
  const char *by_clean[] = { "Jan Jansen <jan@example.nl>", "Eva de Vries <eva@example.nl>", NULL };

  if (!amend_test_need_git ())
    return;
  project_new (&p);

  a = amend_amendment_propose (p.repo, "Inwerkingtreding op één januari", by, "Duidelijker voor iedereen.",
                               NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_amendment_get_slug (a), ==, "inwerkingtreding-op-een-januari");
  branch = amend_repository_dup_branch (p.repo, &error);
  g_assert_cmpstr (branch, ==, "amendement/inwerkingtreding-op-een-januari");

  /* The record, as git sees it in the branch. */
  record = amend_test_git_ok (p.dir, "show",
                              "amendement/inwerkingtreding-op-een-januari:"
                              ".amend/amendementen/inwerkingtreding-op-een-januari/amendement.ini", NULL);
  g_assert_true (g_str_has_prefix (record, "[amendement]\ntitle=Inwerkingtreding op één januari\n"));
  g_assert_nonnull (strstr (record, "\nsubmitters=Jan Jansen <jan@example.nl>;Eva de Vries <eva@example.nl>;\n"));
  g_assert_nonnull (strstr (record, "\nmotivation=Duidelijker voor iedereen.\n"));
  g_assert_nonnull (strstr (record, "\nstatus=concept\n"));
  g_assert_true (g_regex_match_simple ("\ncreated=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\n",
                                       record, 0, 0));
  {
    g_autofree char *author = amend_test_git_ok (p.dir, "log", "-1", "--format=%an <%ae>%n%s", NULL);
    g_assert_cmpstr (author, ==, "Test Gebruiker <test@example.nl>\nPropose amendment: Inwerkingtreding op één januari\n");
  }
  amend_test_fsck (p.dir);

  /* Save on it: article 2 changes. */
  replace_in_file (p.dir, "regeling.md", "op de dag na die van de bekendmaking", "op 1 januari 2028");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Vaste datum", &error));
  g_assert_no_error (error);
  /* main moves on: one commit behind. */
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));
  text = amend_test_read (p.dir, "regeling.md");
  g_assert_nonnull (strstr (text, "op de dag na die van de bekendmaking"));
  {
    g_autofree char *records = g_build_filename (p.dir, ".amend", NULL);
    g_assert_false (g_file_test (records, G_FILE_TEST_EXISTS));
  }
  replace_in_file (p.dir, "regeling.md", "Aldus vastgesteld", "Vastgesteld");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Slot", &error));
  g_assert_no_error (error);

  list = amend_amendment_list (p.repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    AmendAmendment *l = g_ptr_array_index (list, 0);
    const char *articles[] = { "2", NULL };
    GPtrArray *files = amend_amendment_get_files (l);

    g_assert_cmpstr (amend_amendment_get_title (l), ==, "Inwerkingtreding op één januari");
    g_assert_cmpstrv (amend_amendment_get_submitters (l), by_clean);
    g_assert_cmpint (amend_amendment_get_status (l), ==, AMEND_STATUS_CONCEPT);
    g_assert_cmpuint (amend_amendment_get_ahead (l), ==, 2);
    g_assert_cmpuint (amend_amendment_get_behind (l), ==, 1);
    g_assert_cmpstrv (amend_amendment_get_articles (l), articles);
    g_assert_cmpuint (files->len, ==, 1);
    g_assert_cmpstr (((AmendTouchedFile *) g_ptr_array_index (files, 0))->path, ==, "regeling.md");
    g_assert_nonnull (amend_amendment_get_last_change (l));
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The same title again: a suffix. */
  twin = amend_amendment_propose (p.repo, "Inwerkingtreding op één januari", NULL, NULL, "HEAD~1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_amendment_get_slug (twin), ==, "inwerkingtreding-op-een-januari-2");
  /* From HEAD~1: one behind main (the "Slot" commit). */
  list = amend_amendment_list (p.repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amend_amendment_get_behind (find_amendment (list, "inwerkingtreding-op-een-januari-2")), ==, 1);
  g_assert_cmpstr (amend_amendment_get_submitters (find_amendment (list, "inwerkingtreding-op-een-januari-2"))[0],
                   ==, "Test Gebruiker <test@example.nl>");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Unsaved changes stop a switch and are kept; --save saves them. */
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_assert_false (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_DIRTY, "regeling.md");
  g_assert_nonnull (strstr (error->message, "main"));
  g_clear_error (&error);
  g_free (text);
  text = amend_test_read (p.dir, "regeling.md");
  g_assert_nonnull (strstr (text, "Korte naam"));
  g_free (branch);
  branch = amend_repository_dup_branch (p.repo, NULL);
  g_assert_cmpstr (branch, ==, "amendement/inwerkingtreding-op-een-januari-2");
  g_assert_true (amend_repository_switch (p.repo, "inwerkingtreding-op-een-januari", TRUE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) saved = amend_repository_read_file (p.repo, "amendement/inwerkingtreding-op-een-januari-2",
                                                          "regeling.md", &error);
    g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "Korte naam"));
  }

  /* Submit one that is not checked out: only its branch changes. */
  changed = amend_amendment_change_status (p.repo, "amendement/inwerkingtreding-op-een-januari-2",
                                           AMEND_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amend_amendment_get_status (changed), ==, AMEND_STATUS_SUBMITTED);
  g_clear_object (&changed);
  /* Submit the current one: the working copy's record follows. */
  changed = amend_amendment_change_status (p.repo, NULL, AMEND_STATUS_SUBMITTED, &error);
  g_assert_no_error (error);
  g_clear_pointer (&record, g_free);
  record = amend_test_read (p.dir, ".amend/amendementen/inwerkingtreding-op-een-januari/amendement.ini");
  g_assert_nonnull (strstr (record, "\nstatus=ingediend\n"));
  {
    g_autofree char *status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
    g_autofree char *subject = amend_test_git_ok (p.dir, "log", "-1", "--format=%s", NULL);

    g_assert_cmpstr (status, ==, "");
    g_assert_cmpstr (subject, ==, "Submit amendment: Inwerkingtreding op één januari\n");
  }
  g_clear_object (&changed);

  /* list reads the record of the branch, not the working copy. */
  replace_in_file (p.dir, ".amend/amendementen/inwerkingtreding-op-een-januari/amendement.ini",
                   "status=ingediend", "status=aangenomen");
  list = amend_amendment_list (p.repo, &error);
  g_assert_cmpint (amend_amendment_get_status (find_amendment (list, "inwerkingtreding-op-een-januari")), ==,
                   AMEND_STATUS_SUBMITTED);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* ...and a status change refuses to overwrite that unsaved edit. */
  g_assert_null (amend_amendment_change_status (p.repo, NULL, AMEND_STATUS_WITHDRAWN, &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_DIRTY, "amendement.ini");
  g_clear_error (&error);
  g_free (amend_test_git_ok (p.dir, "checkout", "-q", ".amend", NULL));

  /* Withdraw; then nothing moves any more. */
  changed = amend_amendment_change_status (p.repo, NULL, AMEND_STATUS_WITHDRAWN, &error);
  g_assert_no_error (error);
  g_clear_object (&changed);
  changed = amend_amendment_change_status (p.repo, NULL, AMEND_STATUS_SUBMITTED, &error);
  g_assert_null (changed);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_TRANSITION, "ingetrokken");
  g_clear_error (&error);
  g_assert_null (amend_amendment_change_status (p.repo, "bestaat-niet", AMEND_STATUS_SUBMITTED, &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "bestaat-niet");
  g_clear_error (&error);
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));
  g_assert_null (amend_amendment_change_status (p.repo, NULL, AMEND_STATUS_SUBMITTED, &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "main");
  g_clear_error (&error);
  g_assert_false (amend_repository_switch (p.repo, "nergens", FALSE, NULL, &error));
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_NOT_FOUND, "nergens");
  g_clear_error (&error);

  list = amend_amendment_list (p.repo, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (amend_amendment_get_status (g_ptr_array_index (list, 0)), ==, AMEND_STATUS_WITHDRAWN);
  g_assert_cmpint (amend_amendment_get_status (g_ptr_array_index (list, 1)), ==, AMEND_STATUS_SUBMITTED);
  {
    g_autofree char *branches = amend_test_git_ok (p.dir, "for-each-ref", "--format=%(refname)", "refs/heads/", NULL);
    g_assert_cmpstr (branches, ==,
                     "refs/heads/amendement/inwerkingtreding-op-een-januari\n"
                     "refs/heads/amendement/inwerkingtreding-op-een-januari-2\n"
                     "refs/heads/main\n");
  }
  amend_test_fsck (p.dir);
}

/* Unsaved changes come along into a new amendment that starts where the
 * working copy is, and stop one that starts elsewhere. */
static void
test_propose_with_changes (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autofree char *text = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Twee", &error));
  replace_in_file (p.dir, "regeling.md", "Korte naam", "Naam");

  a = amend_amendment_propose (p.repo, "Van elders", NULL, NULL, "HEAD~1", &error);
  g_assert_null (a);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_DIRTY, "save");
  g_clear_error (&error);
  a = amend_amendment_propose (p.repo, "Hier", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = amend_test_read (p.dir, "regeling.md");
  g_assert_nonnull (strstr (text, "Artikel 3 Naam"));
  {
    g_autofree char *status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
    g_assert_cmpstr (status, ==, " M regeling.md\n");
  }
  amend_test_fsck (p.dir);
}

/* Branches made with git where the branch of a new amendment would go: a
 * branch under amendement/SLUG/ takes the slug, a branch called
 * amendement is refused with a sentence.  A journal whose first ref
 * cannot be made is removed, so that the next command is not stopped at
 * the same step. */
static void
test_branch_folders (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autoptr(AmendAmendment) b = NULL;
  g_autoptr(AmendJournal) journal = NULL;
  g_autofree char *journal_file = NULL;
  git_oid head;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  journal_file = g_build_filename (p.dir, ".git", "amend", "journal", NULL);
  g_free (amend_test_git_ok (p.dir, "branch", "amendement/vuurwerk/oud", NULL));
  a = amend_amendment_propose (p.repo, "Vuurwerk", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_amendment_get_slug (a), ==, "vuurwerk-2");

  /* A ref the journal cannot make: the project stays as it was. */
  g_assert_cmpint (git_reference_name_to_id (&head, amend_repository_get_git (p.repo), "refs/heads/main"), ==, 0);
  journal = amend_journal_begin (p.repo, "test", "testing", &error);
  g_assert_no_error (error);
  amend_journal_move_ref (journal, "refs/heads/amendement/vuurwerk", NULL, &head);
  g_assert_false (amend_journal_commit (journal, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (journal_file, G_FILE_TEST_EXISTS));
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, NULL, &error));
  g_assert_no_error (error);

  g_free (amend_test_git_ok (p.dir, "branch", "-D", "amendement/vuurwerk/oud", "amendement/vuurwerk-2", NULL));
  g_free (amend_test_git_ok (p.dir, "branch", "amendement", NULL));
  b = amend_amendment_propose (p.repo, "Vuurwerk", NULL, NULL, NULL, &error);
  g_assert_null (b);
  assert_error_contains (error, AMEND_REPOSITORY_ERROR_EXISTS, "git branch -m amendement NEW-NAME");
  g_assert_false (g_file_test (journal_file, G_FILE_TEST_EXISTS));
  amend_test_fsck (p.dir);
}

/* Amendment "Datum" on a new project, saved once: article 2 changed. */
static AmendAmendment *
propose_datum (Project *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = amend_amendment_propose (p->repo, "Datum", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  replace_in_file (p->dir, "regeling.md", "op de dag na die van de bekendmaking", "op 1 januari 2028");
  g_free (amend_repository_save (p->repo, NULL, AUTHOR, NULL, "Datum", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&a);
}

/* amend list keeps the articles per pair of blobs in .git/amend, and what
 * it read of each amendment per tip and main; the answers are the same
 * with the files, without them, with stale ones, and after the amendment
 * moved on. */
static void
test_list_cache (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autofree char *cache = NULL;
  const char *expected[] = { "2", NULL };

  if (!amend_test_need_git ())
    return;
  /* The caches, not the artikelen file the save writes on the branch. */
  g_setenv ("AMEND_TOUCHED_STORED", "0", TRUE);
  project_new (&p);
  a = propose_datum (&p);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) list = amend_amendment_list (p.repo, &error);

      g_assert_no_error (error);
      g_assert_cmpstrv (amend_amendment_get_articles (g_ptr_array_index (list, 0)), expected);
      g_clear_pointer (&cache, g_free);
      cache = amend_test_read (p.dir, ".git/amend/articles.cache");
      g_assert_true (g_str_has_prefix (cache, "# amend articles cache 2:"));
      g_assert_true (g_regex_match_simple ("\n[0-9a-f]{40}\t[0-9a-f]{40}\t2\n# end 1\n$", cache, 0, 0));
      {
        g_autofree char *rows = amend_test_read (p.dir, ".git/amend/list.cache");
        g_autofree char *tip = g_strdup_printf ("\n%s\t", amend_amendment_get_commit (g_ptr_array_index (list, 0)));

        g_assert_true (g_str_has_prefix (rows, "# amend list cache 3:"));
        g_assert_true (g_str_has_suffix (rows, "\n# end 1\n"));
        g_assert_nonnull (strstr (rows, tip));
      }
      /* Caches of another version are not read, and are replaced. */
      if (round == 1)
        {
          amend_test_write (p.dir, ".git/amend/articles.cache", "# amend articles cache 0\n");
          amend_test_write (p.dir, ".git/amend/list.cache", "# amend list cache 0\n");
        }
    }

  /* The amendment moves on: what was kept for its old tip does not count. */
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Naam", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = amend_amendment_list (p.repo, &error);
    const char *both[] = { "2", "3", NULL };

    g_assert_no_error (error);
    g_assert_cmpstrv (amend_amendment_get_articles (g_ptr_array_index (list, 0)), both);
    g_assert_cmpuint (amend_amendment_get_ahead (g_ptr_array_index (list, 0)), ==, 3);
  }
  g_unsetenv ("AMEND_TOUCHED_STORED");
  amend_test_fsck (p.dir);
}

static char *listed_articles (Project *p);
static void reopen (Project *p);

/* @spec's commit id in the project. */
static git_oid
rev_of (Project    *p,
        const char *spec)
{
  g_autofree char *hex = amend_test_rev (p->dir, spec);
  git_oid id;

  g_assert_cmpint (git_oid_fromstr (&id, hex), ==, 0);
  return id;
}

/* The shape amend list answers without libgit2's walks: single parents
 * from the tip down to main; a merge, a main that moved on, or a tip
 * further than asked is left to libgit2. */
static void
test_graph_linear (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  git_repository *git;
  git_oid tip, old_main, new_main;
  guint distance = 99;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  a = propose_datum (&p);
  git = amend_repository_get_git (p.repo);
  tip = rev_of (&p, "HEAD");
  old_main = rev_of (&p, "main");

  g_assert_true (amend_graph_linear_distance (git, &tip, &old_main, 64, &distance));
  g_assert_cmpuint (distance, ==, 2);
  g_assert_true (amend_graph_linear_distance (git, &tip, &tip, 64, &distance));
  g_assert_cmpuint (distance, ==, 0);
  g_assert_false (amend_graph_linear_distance (git, &tip, &old_main, 1, &distance));
  g_assert_false (amend_graph_linear_distance (git, &old_main, &tip, 64, &distance));

  /* main moves on: not below the tip any more. */
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, AUTHOR, &error));
  g_assert_no_error (error);
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Titel");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Titel", &error));
  g_assert_no_error (error);
  new_main = rev_of (&p, "main");
  g_assert_false (amend_graph_linear_distance (git, &tip, &new_main, 64, &distance));

  /* main merged into the amendment: two parents on the way. */
  g_free (amend_test_git_ok (p.dir, "checkout", "-q", "amendement/datum", NULL));
  g_free (amend_test_git_ok (p.dir, "merge", "-q", "--no-edit", "main", NULL));
  tip = rev_of (&p, "HEAD");
  g_assert_false (amend_graph_linear_distance (git, &tip, &old_main, 64, &distance));
  g_assert_false (amend_graph_linear_distance (git, &tip, &new_main, 64, &distance));
}

static void
forget_caches (Project *p)
{
  g_autofree char *dir = g_build_filename (p->dir, ".git", "amend", NULL);

  amend_test_rmtree (dir);
}

/* Commits @text as the artikelen file of amendment "datum" with git, and
 * forgets what amend list kept. */
static void
commit_touched_file (Project    *p,
                     const char *text)
{
  amend_test_write (p->dir, ".amend/amendementen/datum/artikelen", text);
  g_free (amend_test_git_ok (p->dir, "commit", "-q", "-am", "Artikelen", NULL));
  forget_caches (p);
  reopen (p);
}

/* amend save on an amendment's branch writes what amend list would find
 * into .amend/amendementen/SLUG/artikelen, and the list of a project
 * without caches (a fresh clone) takes it instead of reading the
 * regulation, where its blob ids are the branch's own: a stale file, a
 * damaged one or one of another format is not believed. */
static void
test_list_stored_articles (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *base_blob = NULL;
  g_autofree char *new_blob = NULL;
  g_autofree char *line = NULL;
  g_autofree char *lie = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  a = propose_datum (&p);

  /* In the commit and in the working copy, which git calls clean. */
  {
    g_autofree char *status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
    g_autofree char *committed = amend_test_git_ok (p.dir, "show", "HEAD:.amend/amendementen/datum/artikelen", NULL);

    g_assert_cmpstr (status, ==, "");
    stored = amend_test_read (p.dir, ".amend/amendementen/datum/artikelen");
    g_assert_cmpstr (committed, ==, stored);
  }
  base_blob = amend_test_rev (p.dir, "main:regeling.md");
  new_blob = amend_test_rev (p.dir, "HEAD:regeling.md");
  line = g_strdup_printf ("\n%s\t%s\tregeling.md\t2\n", base_blob, new_blob);
  g_assert_true (g_str_has_prefix (stored, "# amend artikelen 1:"));
  g_assert_true (g_str_has_suffix (stored, line));

  /* Believed where the ids are the branch's: the file says article 7, and
   * so does the list, without the file it is article 2. */
  lie = g_strdup_printf ("# amend artikelen 1: x\n%s\t%s\tregeling.md\t7\n", base_blob, new_blob);
  commit_touched_file (&p, lie);
  articles = listed_articles (&p);
  g_assert_cmpstr (articles, ==, "7");
  g_setenv ("AMEND_TOUCHED_STORED", "0", TRUE);
  forget_caches (&p);
  g_clear_pointer (&articles, g_free);
  articles = listed_articles (&p);
  g_unsetenv ("AMEND_TOUCHED_STORED");
  g_assert_cmpstr (articles, ==, "2");

  /* Not believed: other ids (a stale file), another header, a NUL. */
  {
    g_autofree char *stale = g_strdup_printf ("# amend artikelen 1: x\n%s\t%s\tregeling.md\t7\n", new_blob, base_blob);
    g_autofree char *other = g_strdup_printf ("# amend artikelen 9: x\n%s\t%s\tregeling.md\t7\n", base_blob, new_blob);
    const char *texts[] = { stale, other, "# amend artikelen 1: x\n\t\t\n" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        commit_touched_file (&p, texts[i]);
        g_clear_pointer (&articles, g_free);
        articles = listed_articles (&p);
        g_assert_cmpstr (articles, ==, "2");
      }
  }

  /* The next save writes it anew, with both articles. */
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Naam", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = amend_test_read (p.dir, ".amend/amendementen/datum/artikelen");
  g_assert_true (g_str_has_suffix (stored, "\tregeling.md\t2\t3\n"));
  forget_caches (&p);
  g_clear_pointer (&articles, g_free);
  articles = listed_articles (&p);
  g_assert_cmpstr (articles, ==, "2,3");

  /* On main nothing of the kind is written. */
  g_assert_true (amend_repository_switch (p.repo, "main", FALSE, AUTHOR, &error));
  g_assert_no_error (error);
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Titel");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Titel", &error));
  g_assert_no_error (error);
  {
    g_autofree char *tree = amend_test_git_ok (p.dir, "ls-tree", "-r", "--name-only", "HEAD", NULL);

    g_assert_null (strstr (tree, "artikelen"));
  }
  amend_test_fsck (p.dir);
}

/* The articles amend list names for the first amendment, joined. */
static char *
listed_articles (Project *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = amend_amendment_list (p->repo, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return g_strjoinv (",", (char **) amend_amendment_get_articles (g_ptr_array_index (list, 0)));
}

/* Reopens the project, as the next amend command would. */
static void
reopen (Project *p)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&p->repo);
  p->repo = amend_repository_open (p->dir, &error);
  g_assert_no_error (error);
}

/* What amend list keeps in .git/amend is never believed over the
 * branches: an amendment changed with plain git, a rewritten branch, a
 * damaged or cut-off file and the files of another project all give the
 * list as it is without them. */
static void
test_list_cache_stale (void)
{
  g_auto(Project) p = { 0 };
  g_auto(Project) other = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autoptr(AmendAmendment) b = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *pairs = NULL;

  if (!amend_test_need_git ())
    return;
  /* The caches, not the artikelen file the save writes on the branch. */
  g_setenv ("AMEND_TOUCHED_STORED", "0", TRUE);
  project_new (&p);
  a = propose_datum (&p);
  articles = listed_articles (&p);
  g_assert_cmpstr (articles, ==, "2");

  /* A commit on the branch with plain git. */
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_free (amend_test_git_ok (p.dir, "commit", "-q", "-am", "Naam", NULL));
  reopen (&p);
  g_clear_pointer (&articles, g_free);
  articles = listed_articles (&p);
  g_assert_cmpstr (articles, ==, "2,3");

  /* The branch rewritten: back to one article. */
  g_free (amend_test_git_ok (p.dir, "reset", "-q", "--hard", "HEAD~1", NULL));
  reopen (&p);
  g_clear_pointer (&articles, g_free);
  articles = listed_articles (&p);
  g_assert_cmpstr (articles, ==, "2");

  /* Files that say article 7 but are damaged: a count that does not
   * match, a row that is not one, a file cut off. */
  rows = amend_test_read (p.dir, ".git/amend/list.cache");
  pairs = amend_test_read (p.dir, ".git/amend/articles.cache");
  {
    g_autoptr(GString) lie = g_string_new (rows);
    g_autoptr(GString) lie_pairs = g_string_new (pairs);
    const char *damage[3][2] = {
      { "# end 1\n", "# end 2\n" },
      { "# end 1\n", "kapot\n# end 2\n" },
      { "# end 1\n", "" },
    };

    g_assert_cmpuint (g_string_replace (lie, "\t1\t2\n", "\t1\t7\n", 0), ==, 1);
    g_assert_cmpuint (g_string_replace (lie_pairs, "\t2\n", "\t7\n", 0), ==, 1);
    for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
      {
        g_autoptr(GString) bad = g_string_new (lie->str);
        g_autoptr(GString) bad_pairs = g_string_new (lie_pairs->str);

        g_string_replace (bad, damage[i][0], damage[i][1], 0);
        g_string_replace (bad_pairs, damage[i][0], damage[i][1], 0);
        amend_test_write (p.dir, ".git/amend/list.cache", bad->str);
        amend_test_write (p.dir, ".git/amend/articles.cache", bad_pairs->str);
        g_clear_pointer (&articles, g_free);
        articles = listed_articles (&p);
        g_assert_cmpstr (articles, ==, "2");
      }
    /* ... and written anew, whole. */
    g_clear_pointer (&rows, g_free);
    rows = amend_test_read (p.dir, ".git/amend/list.cache");
    g_assert_true (g_str_has_suffix (rows, "\t1\t2\n# end 1\n"));
  }

  /* The files of another project, with another amendment. */
  project_new (&other);
  b = amend_amendment_propose (other.repo, "Naam", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  replace_in_file (other.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_free (amend_repository_save (other.repo, NULL, AUTHOR, NULL, "Naam", &error));
  g_assert_no_error (error);
  amend_test_write (other.dir, ".git/amend/list.cache", rows);
  amend_test_write (other.dir, ".git/amend/articles.cache", pairs);
  g_clear_pointer (&articles, g_free);
  articles = listed_articles (&other);
  g_assert_cmpstr (articles, ==, "3");
  g_unsetenv ("AMEND_TOUCHED_STORED");
  amend_test_fsck (p.dir);
  amend_test_fsck (other.dir);
}

/* The list of amendments as the full reader gives it and as the caches
 * alone give it, one line per amendment. */
static char *
describe_list (GPtrArray *list)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (list, i);
      g_autofree char *articles = g_strjoinv (",", (char **) amend_amendment_get_articles (a));
      g_autofree char *conflicts = g_strjoinv (",", (char **) amend_amendment_get_apply_conflicts (a));
      g_autofree char *when = g_date_time_format_iso8601 (amend_amendment_get_last_change (a));

      g_string_append_printf (s, "%s %s %s %s +%u -%u %s %s %s %s\n", amend_amendment_get_slug (a),
                              amend_amendment_get_commit (a), amend_amendment_get_title (a),
                              amend_status_to_string (amend_amendment_get_status (a)),
                              amend_amendment_get_ahead (a), amend_amendment_get_behind (a), articles,
                              amend_apply_state_to_string (amend_amendment_get_apply_state (a)), conflicts, when);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
full_list (Project *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = amend_amendment_list (p->repo, &error);

  g_assert_no_error (error);
  g_assert_true (amend_decision_check_open (p->repo, list, &error));
  g_assert_no_error (error);
  return describe_list (list);
}

/* The list from .git/amend without libgit2, or NULL where it declines. */
static char *
cached_list (const char *start)
{
  g_autoptr(AmendRefsFiles) refs = amend_refs_files_read (start, NULL);
  g_autoptr(GPtrArray) list = NULL;

  if (refs == NULL || (list = amend_amendment_list_cached (refs)) == NULL ||
      !amend_decision_check_open_cached (refs, list))
    return NULL;
  return describe_list (list);
}

/* A list whose branches did not move comes from git's files and
 * .git/amend alone, the same list as the one read through libgit2; the
 * reader of git's files declines whatever it is not sure of. */
static void
test_list_without_libgit2 (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) a = NULL;
  g_autoptr(AmendAmendment) b = NULL;
  g_autoptr(AmendRefsFiles) refs = NULL;
  g_autofree char *full = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *git_dir = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  a = propose_datum (&p);
  amend_repository_switch (p.repo, "main", FALSE, AUTHOR, &error);
  g_assert_no_error (error);
  b = amend_amendment_propose (p.repo, "Naam", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  replace_in_file (p.dir, "regeling.md", "Citeertitel", "Korte naam");
  g_free (amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Naam", &error));
  g_assert_no_error (error);

  /* Nothing kept yet: no answer. */
  g_assert_null (cached_list (p.dir));
  full = full_list (&p);
  cached = cached_list (p.dir);
  g_assert_cmpstr (cached, ==, full);
  g_assert_nonnull (strstr (full, "datum "));
  g_assert_nonnull (strstr (full, "naam "));

  /* The branches packed by git, from a folder inside the working copy. */
  refs = amend_refs_files_read (p.dir, NULL);
  g_assert_nonnull (refs);
  g_assert_cmpstr (refs->main, ==, "main");
  g_assert_cmpuint (g_hash_table_size (refs->amendments), ==, 2);
  git_dir = g_strdup (refs->git_dir);
  g_free (amend_test_git_ok (p.dir, "pack-refs", "--all", NULL));
  sub = g_build_filename (p.dir, ".amend", NULL);
  g_mkdir_with_parents (sub, 0755);
  g_clear_pointer (&cached, g_free);
  cached = cached_list (sub);
  g_assert_cmpstr (cached, ==, full);

  /* A commit with plain git: the loose branch counts over the packed
   * one, and the list that was kept is not this one. */
  replace_in_file (p.dir, "regeling.md", "Korte naam", "Naam");
  g_free (amend_test_git_ok (p.dir, "commit", "-q", "-am", "Naam met git", NULL));
  g_clear_pointer (&refs, amend_refs_files_free);
  refs = amend_refs_files_read (p.dir, NULL);
  {
    g_autofree char *tip = amend_test_rev (p.dir, "amendement/naam");

    g_assert_cmpstr (g_hash_table_lookup (refs->amendments, "naam"), ==, tip);
  }
  g_assert_null (cached_list (p.dir));
  reopen (&p);
  g_clear_pointer (&full, g_free);
  full = full_list (&p);
  g_clear_pointer (&cached, g_free);
  cached = cached_list (p.dir);
  g_assert_cmpstr (cached, ==, full);

  /* What it is not sure of: a symbolic branch, a branch being written, a
   * name Amend does not make, a repository format with extensions, a
   * worktree. */
  g_free (amend_test_git_ok (p.dir, "symbolic-ref", "refs/heads/amendement/ander", "refs/heads/amendement/datum", NULL));
  g_assert_null (amend_refs_files_read (p.dir, NULL));
  g_free (amend_test_git_ok (p.dir, "update-ref", "--no-deref", "-d", "refs/heads/amendement/ander", NULL));
  g_clear_pointer (&cached, g_free);
  cached = cached_list (p.dir);
  g_assert_cmpstr (cached, ==, full);
  amend_test_write (git_dir, "refs/heads/amendement/datum.lock", "");
  g_assert_null (amend_refs_files_read (p.dir, NULL));
  {
    g_autofree char *lock = g_build_filename (git_dir, "refs/heads/amendement/datum.lock", NULL);

    g_remove (lock);
  }
  g_free (amend_test_git_ok (p.dir, "branch", "amendement/Hoofd", "main", NULL));
  g_assert_null (amend_refs_files_read (p.dir, NULL));
  g_free (amend_test_git_ok (p.dir, "branch", "-D", "amendement/Hoofd", NULL));
  g_free (amend_test_git_ok (p.dir, "config", "extensions.worktreeConfig", "true", NULL));
  g_assert_null (amend_refs_files_read (p.dir, NULL));
  g_free (amend_test_git_ok (p.dir, "config", "--unset", "extensions.worktreeConfig", NULL));
  g_clear_pointer (&cached, g_free);
  cached = cached_list (p.dir);
  g_assert_cmpstr (cached, ==, full);
  {
    g_autofree char *tree = g_strconcat (p.dir, "-wt", NULL);

    g_free (amend_test_git_ok (p.dir, "worktree", "add", "-q", tree, "main", NULL));
    g_assert_null (amend_refs_files_read (tree, NULL));
    g_free (amend_test_git_ok (p.dir, "worktree", "remove", "--force", tree, NULL));
  }

  /* What a killed Amend left is for the one that opens the repository. */
  g_assert_true (amend_journal_is_clear (git_dir));
  amend_test_write (git_dir, "amend/lock", "123\n");
  g_assert_false (amend_journal_is_clear (git_dir));
  amend_test_write (git_dir, "amend/lock", "");
  g_assert_true (amend_journal_is_clear (git_dir));
  amend_test_fsck (p.dir);
}

/* ----------------------------------------------------------------------- */
/* Articles touched                                                         */
/* ----------------------------------------------------------------------- */

static GStrv
touched (AmendArticleMap *map,
         const char      *old_text,
         const char      *new_text)
{
  g_autoptr(GBytes) a = old_text ? g_bytes_new_static (old_text, strlen (old_text)) : NULL;
  g_autoptr(GBytes) b = new_text ? g_bytes_new_static (new_text, strlen (new_text)) : NULL;

  return amend_article_map_touched (map, "base", NULL, a, b);
}

static void
test_article_map (void)
{
  g_autoptr(AmendArticleMap) map = amend_article_map_new (NULL);
  g_autoptr(AmendArticleMap) fresh = NULL;
  const char *base = amend_repository_get_template ();
  g_autofree char *edit2 = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *two = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *front = NULL;
  g_autofree char *del = NULL;

  {
    g_auto(GStrv) none = touched (map, base, base);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
  {
    g_auto(GStrv) parts = g_strsplit (base, "op de dag na die van de bekendmaking", 2);
    g_auto(GStrv) r = NULL;
    const char *expected[] = { "2", NULL };

    edit2 = g_strjoinv ("op 1 januari", parts);
    r = touched (map, base, edit2);
    g_assert_cmpstrv (r, expected);
  }
  {
    g_auto(GStrv) parts = g_strsplit (base, "## Artikel 3 Citeertitel", 2);
    g_auto(GStrv) r = NULL;
    const char *expected[] = { "2a", NULL };

    insert = g_strjoinv ("## Artikel 2a Overgang\n\nOude vergunningen blijven gelden.\n\n## Artikel 3 Citeertitel",
                         parts);
    r = touched (map, base, insert);
    g_assert_cmpstrv (r, expected);
  }
  {
    /* Two places: in the order of the text. */
    g_auto(GStrv) parts = g_strsplit (insert, "- b. raad: de gemeenteraad.", 2);
    g_auto(GStrv) r = NULL;
    const char *expected[] = { "1", "2a", NULL };

    two = g_strjoinv ("- b. raad: de raad van de gemeente.", parts);
    r = touched (map, base, two);
    g_assert_cmpstrv (r, expected);
  }
  {
    /* The Ondertekening and the front matter hold no article. */
    g_auto(GStrv) parts = g_strsplit (base, "Aldus vastgesteld", 2);
    g_auto(GStrv) parts2 = g_strsplit (base, "title: Verordening", 2);
    g_auto(GStrv) r = NULL;
    g_auto(GStrv) r2 = NULL;

    closing = g_strjoinv ("Zo vastgesteld", parts);
    r = touched (map, base, closing);
    g_assert_cmpuint (g_strv_length (r), ==, 0);
    front = g_strjoinv ("title: Andere verordening", parts2);
    r2 = touched (map, base, front);
    g_assert_cmpuint (g_strv_length (r2), ==, 0);
  }
  {
    /* A deleted article is found on the old side. */
    const char *start = strstr (base, "## Artikel 3");
    const char *end = strstr (base, "# Ondertekening");
    g_auto(GStrv) r = NULL;
    const char *expected[] = { "3", NULL };

    del = g_strdup_printf ("%.*s%s", (int) (start - base), base, end);
    r = touched (map, base, del);
    g_assert_cmpstrv (r, expected);
  }
  {
    /* A new file and a deleted one. */
    g_auto(GStrv) added = NULL;
    g_auto(GStrv) gone = NULL;

    fresh = amend_article_map_new (NULL);
    added = touched (fresh, NULL, base);
    g_assert_cmpuint (g_strv_length (added), ==, 3);
    gone = touched (fresh, base, NULL);
    g_assert_cmpuint (g_strv_length (gone), ==, 3);
  }
}

/* The loose Markdown of the corpus: two real versions of the Gemeentewet,
 * mapped with the reader on the old side and the heading scan on the new,
 * agree with what the reader finds on both sides. */
static void
test_article_map_corpus (void)
{
  g_autofree char *p1 = amend_test_shared_path ("corpus/nl-wetten-historie/001.md");
  g_autofree char *p2 = amend_test_shared_path ("corpus/nl-wetten-historie/002.md");
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(AmendArticleMap) map = amend_article_map_new (NULL);
  g_autoptr(AmendDocument) new_doc = NULL;
  g_autoptr(GPtrArray) new_articles = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_auto(GStrv) result = NULL;
  gsize old_len = 0, new_len = 0;

  if (p1 == NULL || p2 == NULL)
    return;
  old_text = amend_test_read_file (p1, &old_len);
  new_text = amend_test_read_file (p2, &new_len);
  a = g_bytes_new_static (old_text, old_len);
  b = g_bytes_new_static (new_text, new_len);
  result = amend_article_map_touched (map, "001", NULL, a, b);
  g_assert_cmpuint (g_strv_length (result), >, 0);

  /* Every number found is an article of one of the two versions. */
  new_doc = amend_test_parse (new_text);
  new_articles = amend_document_get_articles (new_doc);
  for (guint i = 0; result[i]; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < new_articles->len && !found; k++)
        found = g_strcmp0 (((AmendNode *) g_ptr_array_index (new_articles, k))->number, result[i]) == 0;
      if (!found)
        {
          g_autoptr(AmendDocument) old_doc = amend_test_parse (old_text);
          g_autoptr(GPtrArray) old_articles = amend_document_get_articles (old_doc);

          for (guint k = 0; k < old_articles->len && !found; k++)
            found = g_strcmp0 (((AmendNode *) g_ptr_array_index (old_articles, k))->number, result[i]) == 0;
        }
      if (!found)
        g_error ("%s is no article of the Gemeentewet", result[i]);
    }
}

/* A full disk is said as one, with what to do: libgit2's own "No space
 * left on device" gets the way on, and an object it reported written and
 * did not write (libgit2 1.5 can, when the disk is full) is not reported
 * as "object not found". */
static void
test_disk_full (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *system = g_strdup_printf ("failed to write out file: %s", g_strerror (ENOSPC));
  git_oid missing;
  git_oid head;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  git_error_set_str (GIT_ERROR_OS, system);
  g_assert_false (amend_repository_set_git_error (&error, -1, "cannot save the new version"));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_suffix (error->message, "; make room on the disk and try again"));
  g_clear_error (&error);

  g_assert_cmpint (git_oid_fromstr (&missing, "0123456789abcdef0123456789abcdef01234567"), ==, 0);
  g_assert_false (amend_repository_check_written (amend_repository_get_git (p.repo), &missing, "cannot save", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "whose disk is most likely full; make room on the disk and try again"));
  g_clear_error (&error);
  g_assert_cmpint (git_reference_name_to_id (&head, amend_repository_get_git (p.repo), "refs/heads/main"), ==, 0);
  g_assert_true (amend_repository_check_written (amend_repository_get_git (p.repo), &head, "cannot save", &error));
  g_assert_no_error (error);
}

/* .git/amend/canonical: ids are found once added, the file keeps the
 * newest when it grows past its bound, and a file that is not Amend's
 * (garbage, or far too large) is not believed and is written anew. */
static void
test_canonical_blobs (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  git_oid ids[600];

  p.dir = amend_test_tmpdir ("amend-canonical");
  g_free (amend_test_git_ok (p.dir, "init", "-q", NULL));
  p.repo = amend_repository_open (p.dir, &error);
  g_assert_no_error (error);
  path = g_build_filename (p.dir, ".git", "amend", "canonical", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *data = g_strdup_printf ("blob %u", i);
      git_odb_hash (&ids[i], data, strlen (data), GIT_OBJECT_BLOB);
    }
  g_assert_false (amend_canonical_blobs_contain (p.repo, &ids[0], 1));
  amend_canonical_blobs_add (p.repo, ids, 2);
  g_assert_true (amend_canonical_blobs_contain (p.repo, &ids[0], 1));
  g_assert_true (amend_canonical_blobs_contain (p.repo, &ids[1], 1));
  g_assert_false (amend_canonical_blobs_contain (p.repo, &ids[2], 1));
  /* All of several, as a merge asks for its two sides at once. */
  g_assert_true (amend_canonical_blobs_contain (p.repo, ids, 2));
  g_assert_false (amend_canonical_blobs_contain (p.repo, ids, 3));
  for (guint i = 2; i < G_N_ELEMENTS (ids); i++)
    amend_canonical_blobs_add (p.repo, &ids[i], 1);
  g_assert_true (amend_canonical_blobs_contain (p.repo, &ids[599], 1));
  g_assert_false (amend_canonical_blobs_contain (p.repo, &ids[0], 1));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpuint (strlen (text), <=, 512 * (GIT_OID_HEXSZ + 1));

  g_assert_true (g_file_set_contents (path, "not an id\n", -1, NULL));
  g_assert_false (amend_canonical_blobs_contain (p.repo, &ids[599], 1));
  amend_canonical_blobs_add (p.repo, &ids[5], 1);
  g_assert_true (amend_canonical_blobs_contain (p.repo, &ids[5], 1));

  for (guint i = 0; i < 100000; i++)
    g_string_append (big, "0000000000000000000000000000000000000000\n");
  g_string_append_printf (big, "%s\n", git_oid_tostr_s (&ids[7]));
  g_assert_true (g_file_set_contents (path, big->str, big->len, NULL));
  g_assert_false (amend_canonical_blobs_contain (p.repo, &ids[7], 1));
  amend_canonical_blobs_add (p.repo, &ids[8], 1);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpuint (strlen (text), ==, GIT_OID_HEXSZ + 1);
}

int
main (int    argc,
      char **argv)
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/repository/create", test_create);
  g_test_add_func ("/repository/canonical-blobs", test_canonical_blobs);
  g_test_add_func ("/repository/record-plain", test_record_plain);
  g_test_add_func ("/repository/create-existing-files", test_create_existing_files);
  g_test_add_func ("/repository/create-without-author", test_create_without_author);
  g_test_add_func ("/repository/parse-author", test_parse_author);
  g_test_add_func ("/repository/parse-submitter", test_parse_submitter);
  g_test_add_func ("/repository/git-config-author", test_git_config_author);
  g_test_add_func ("/repository/template-exportable", test_template_exportable);
  g_test_add_func ("/repository/open-git-made", test_open_git_made);
  g_test_add_func ("/repository/gemeentewet-history", test_gemeentewet_history);
  g_test_add_func ("/repository/save", test_save);
  g_test_add_func ("/repository/locked", test_locked);
  g_test_add_func ("/repository/disk-full", test_disk_full);
  g_test_add_func ("/repository/mid-merge-and-rebase", test_mid_merge_and_rebase);
  g_test_add_func ("/repository/bare-detached-unborn", test_bare_detached_unborn);
  g_test_add_func ("/amendment/slug", test_slug);
  g_test_add_func ("/amendment/record", test_record);
  g_test_add_func ("/amendment/record-last-line-cr", test_record_last_line_cr);
  g_test_add_func ("/amendment/transitions", test_transitions);
  g_test_add_func ("/amendment/life", test_amendment_life);
  g_test_add_func ("/amendment/propose-with-changes", test_propose_with_changes);
  g_test_add_func ("/amendment/branch-folders", test_branch_folders);
  g_test_add_func ("/amendment/list-cache", test_list_cache);
  g_test_add_func ("/amendment/list-without-libgit2", test_list_without_libgit2);
  g_test_add_func ("/amendment/list-cache-stale", test_list_cache_stale);
  g_test_add_func ("/amendment/list-stored-articles", test_list_stored_articles);
  g_test_add_func ("/amendment/graph-linear", test_graph_linear);
  g_test_add_func ("/amendment/article-map", test_article_map);
  g_test_add_func ("/amendment/article-map-corpus", test_article_map_corpus);
  g_test_add_func ("/amendment/edit-record", test_edit_record);

  return g_test_run ();
}
