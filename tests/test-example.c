/* test-example.c: the example project that `amend-gui --example` opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-amendment.h"
#include "amend-example.h"
#include "amend-test-git.h"
#include "amend-test-util.h"

static void
test_create (void)
{
  g_autofree char *source = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *tmp = amend_test_tmpdir ("amend-example");
  g_autofree char *dir = g_build_filename (tmp, "voorbeeld", NULL);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendRepository) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *head = NULL;
  g_autofree char *status = NULL;
  g_autofree char *on_main = NULL;
  g_autofree char *bundled = NULL;
  g_autoptr(GBytes) amended = NULL;
  AmendAmendment *amendment;

  repo = amend_example_create (source, dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (repo);

  /* The working copy is on the draft, clean, and equal to the bundled file. */
  branch = amend_repository_dup_branch (repo, &error);
  g_assert_cmpstr (branch, ==, "main");
  head = amend_test_git_ok (dir, "rev-parse", "--abbrev-ref", "HEAD", NULL);
  g_assert_cmpstr (head, ==, "main\n");
  status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
  on_main = amend_test_read (dir, "apv-lindewaarde.md");
  bundled = amend_test_read_file (source, NULL);
  g_assert_cmpstr (on_main, ==, bundled);

  /* One amendment, with its record and a real change in article 1:2. */
  list = amend_amendment_list (repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  amendment = g_ptr_array_index (list, 0);
  g_assert_cmpstr (amend_amendment_get_slug (amendment), ==, AMEND_EXAMPLE_AMENDMENT_SLUG);
  g_assert_cmpstr (amend_amendment_get_title (amendment), ==, AMEND_EXAMPLE_AMENDMENT_TITLE);
  g_assert_cmpint (amend_amendment_get_status (amendment), ==, AMEND_STATUS_CONCEPT);
  g_assert_cmpuint (g_strv_length ((char **) amend_amendment_get_submitters (amendment)), ==, 1);
  g_assert_cmpuint (amend_amendment_get_ahead (amendment), ==, 2);
  g_assert_nonnull (amend_amendment_get_articles (amendment));
  g_assert_true (g_strv_contains (amend_amendment_get_articles (amendment), "1:2"));

  amended = amend_repository_read_file (repo, "amendement/" AMEND_EXAMPLE_AMENDMENT_SLUG, "apv-lindewaarde.md", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (amended, NULL), "binnen zes weken na de datum"));
  g_assert_null (strstr (bundled, "binnen zes weken na de datum"));
  amend_test_fsck (dir);

  /* A second start opens what is there and never overwrites it. */
  amend_test_write (dir, "apv-lindewaarde.md", "---\ntitle: Eigen werk\n---\n");
  again = amend_example_ensure (source, dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_free (on_main);
  on_main = amend_test_read (dir, "apv-lindewaarde.md");
  g_assert_cmpstr (on_main, ==, "---\ntitle: Eigen werk\n---\n");

  amend_test_rmtree (tmp);
}

static void
test_refusals (void)
{
  g_autofree char *source = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *tmp = amend_test_tmpdir ("amend-example");
  g_autofree char *missing = g_build_filename (tmp, "nothing.md", NULL);
  g_autofree char *other = g_build_filename (tmp, "other.md", NULL);
  g_autofree char *dir = g_build_filename (tmp, "voorbeeld", NULL);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;

  /* No bundled file: a clear error and nothing made. */
  repo = amend_example_create (missing, dir, &error);
  g_assert_null (repo);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A regulation without the text the amendment changes. */
  amend_test_write (tmp, "other.md", "---\ntitle: Anders\n---\n\n## Artikel 1\n\nTekst.\n");
  repo = amend_example_create (other, dir, &error);
  g_assert_null (repo);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID);
  g_clear_error (&error);

  /* A folder with files in it is not taken over. */
  amend_test_write (tmp, "voorbeeld/notes.txt", "mine\n");
  repo = amend_example_create (source, dir, &error);
  g_assert_null (repo);
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_EXISTS);

  amend_test_rmtree (tmp);
}

int
main (int    argc,
      char **argv)
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/example/create", test_create);
  g_test_add_func ("/example/refusals", test_refusals);

  return g_test_run ();
}
