/* amend-test-git.c: temporary projects and the git program, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The git program is the reference the tests hold Amend to: what Amend
 * writes must pass git fsck --strict and read back the same with git, and
 * what git writes Amend must read.  Amend itself never runs git.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-test-git.h"

static char *home;

static void
remove_home (void)
{
  if (home)
    amend_test_rmtree (home);
}

void
amend_test_git_setup_env (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;

  home = g_dir_make_tmp ("amend-home-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (home, ".gitconfig", NULL);
  g_file_set_contents (config,
                       "[user]\n"
                       "\tname = Test Gebruiker\n"
                       "\temail = test@example.nl\n"
                       "[init]\n"
                       "\tdefaultBranch = main\n"
                       "[advice]\n"
                       "\tdetachedHead = false\n"
                       "[commit]\n"
                       "\tgpgSign = false\n"
                       "[core]\n"
                       "\tautocrlf = false\n",
                       -1, &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_GLOBAL", config, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_unsetenv ("GIT_DIR");
  g_unsetenv ("GIT_WORK_TREE");
  g_unsetenv ("GIT_INDEX_FILE");
  g_unsetenv ("GIT_AUTHOR_NAME");
  g_unsetenv ("GIT_AUTHOR_EMAIL");
  g_unsetenv ("GIT_AUTHOR_DATE");
  g_unsetenv ("GIT_COMMITTER_NAME");
  g_unsetenv ("GIT_COMMITTER_EMAIL");
  g_unsetenv ("GIT_COMMITTER_DATE");
  atexit (remove_home);
}

const char *
amend_test_git_home (void)
{
  return home;
}

gboolean
amend_test_have_git (void)
{
  g_autofree char *git = g_find_program_in_path ("git");

  return git != NULL;
}

gboolean
amend_test_need_git (void)
{
  if (amend_test_have_git ())
    return TRUE;
  g_test_skip ("the git program is not installed; the tests check Amend's repositories against it");
  return FALSE;
}

char *
amend_test_rev (const char *dir,
                const char *spec)
{
  g_autofree char *out = amend_test_git_ok (dir, "rev-parse", spec, NULL);

  return g_strdup (g_strstrip (out));
}

void
amend_test_assert_same_rev (const char *dir1,
                            const char *spec1,
                            const char *dir2,
                            const char *spec2)
{
  g_autofree char *one = amend_test_rev (dir1, spec1);
  g_autofree char *two = amend_test_rev (dir2, spec2);

  g_assert_cmpstr (one, ==, two);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
amend_test_listing (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (!g_str_has_suffix (name, ".cache"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

void
amend_test_assert_listing (const char *path,
                           const char *expected)
{
  g_autofree char *names = amend_test_listing (path);

  g_assert_cmpstr (names, ==, expected);
}

char *
amend_test_tmpdir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (pattern, &error);

  g_assert_no_error (error);
  return dir;
}

void
amend_test_rmtree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
        amend_test_rmtree (p);
      else
        g_remove (p);
    }
  g_rmdir (dir);
}

/* Empty output is "", not NULL: GBytes of size 0 may have no data. */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  return data ? g_strndup (data, len) : g_strdup ("");
}

static int
git_v (const char *dir,
       GBytes    **out,
       char      **err,
       const char *first,
       va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, (char *) dir);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  if (out)
    *out = g_steal_pointer (&out_bytes);
  if (err)
    *err = bytes_to_string (err_bytes);
  return g_subprocess_get_exit_status (proc);
}

int
amend_test_git (const char *dir,
                char      **out,
                char      **err,
                const char *first,
                ...)
{
  g_autoptr(GBytes) bytes = NULL;
  va_list args;
  int status;

  va_start (args, first);
  status = git_v (dir, &bytes, err, first, args);
  va_end (args);
  if (out)
    *out = bytes_to_string (bytes);
  return status;
}

char *
amend_test_git_ok (const char *dir,
                   const char *first,
                   ...)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *err = NULL;
  va_list args;
  int status;

  va_start (args, first);
  status = git_v (dir, &bytes, &err, first, args);
  va_end (args);
  if (status != 0)
    g_error ("git %s in %s failed (%d): %s", first, dir, status, err);
  return bytes_to_string (bytes);
}

GBytes *
amend_test_git_show (const char *dir,
                     const char *spec)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = NULL;

  /* cat-file blob: the stored bytes, as show would print them. */
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           "git", "-C", dir, "cat-file", "blob", spec, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return bytes;
}

void
amend_test_fsck (const char *dir)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = amend_test_git (dir, &out, &err, "fsck", "--strict", "--no-dangling", NULL);

  if (status != 0 || strstr (out, "error") || strstr (err, "error") || strstr (err, "warning"))
    g_error ("git fsck --strict in %s: status %d\n%s%s", dir, status, out, err);
}

void
amend_test_write (const char *dir,
                  const char *relative,
                  const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

char *
amend_test_read (const char *dir,
                 const char *relative)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}
