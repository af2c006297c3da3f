/* test-cli-sync.c: amend package, clone, pull, push and remote, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The amend program against real servers that the tests start on
 * 127.0.0.1: git daemon (git://), git http-backend behind a small web
 * server with basic authentication (http://), sshd with a throw-away key
 * (ssh://, skipped where sshd is not installed); and two projects that
 * exchange an amendment by package only.  Every bad input ends in one
 * sentence, a documented exit status and nothing changed.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amend-test-cli.h"
#include "amend-test-git.h"
#include "amend-test-server.h"
#include "amend-test-util.h"

/* Runs amend in @cwd with extra environment @env (NULL-terminated
 * "NAME=VALUE" strings, or NULL). */
static void
amend_run_env (AmendTestRun       *run,
               const char         *cwd,
               const char * const *env,
               const char         *first,
               ...)
{
  AmendTestRunOptions options = { .cwd = cwd, .env = env, .binary = TRUE };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, cwd, ...) amend_run_env (run, cwd, NULL, __VA_ARGS__, NULL)

static void
assert_ok (AmendTestRun *run)
{
  if (run->status != 0)
    g_error ("amend failed with %d: %s", run->status, run->err);
}

static void
assert_out_has (AmendTestRun *run,
                const char   *needle)
{
  if (strstr (run->out, needle) == NULL)
    g_error ("\"%s\" is not in the output: %s", needle, run->out);
}

static void
assert_err_has (AmendTestRun *run,
                const char   *needle)
{
  if (strstr (run->err, needle) == NULL)
    g_error ("\"%s\" is not on standard error: %s", needle, run->err);
}

/* One sentence on one line after "amend: ", and the exit status. */
static void
assert_refused (AmendTestRun *run,
                int           status,
                const char   *needle)
{
  if (run->status != status)
    g_error ("exit status %d, not %d: %s", run->status, status, run->err);
  if (needle && strstr (run->err, needle) == NULL)
    g_error ("\"%s\" is not in: %s", needle, run->err);
  g_assert_true (g_str_has_prefix (run->err, "amend: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
assert_absent (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Refs, HEAD, the working copy and the object store of @dir. */
static char *
snapshot (const char *dir)
{
  g_autofree char *refs = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", "--untracked-files=all", NULL);
  g_autofree char *objects = amend_test_git_ok (dir, "count-objects", "-v", NULL);
  g_autofree char *pack_dir = g_build_filename (dir, ".git", "objects", "pack", NULL);
  g_autofree char *packs = amend_test_listing (pack_dir);

  return g_strdup_printf ("%s\n%s\n%s\n%s", refs, status, objects, packs);
}

static void
assert_unchanged (const char *dir,
                  const char *before)
{
  g_autofree char *after = snapshot (dir);

  g_assert_cmpstr (after, ==, before);
  amend_test_fsck (dir);
}

static void
edit (const char *dir,
      const char *from,
      const char *to)
{
  g_autofree char *text = amend_test_read (dir, "regeling.md");
  g_auto(GStrv) parts = g_strsplit (text, from, 2);
  g_autofree char *joined = NULL;
  g_auto(AmendTestRun) run = { 0 };

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (to, parts);
  amend_test_write (dir, "regeling.md", joined);
  amend_run (&run, dir, "save", "-m", to);
  assert_ok (&run);
}

static void
amend_ok (const char *cwd,
          const char *first,
          ...)
{
  g_auto(AmendTestRun) run = { 0 };
  AmendTestRunOptions options = { .cwd = cwd, .binary = TRUE };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (&run, &options, first, args);
  va_end (args);
  assert_ok (&run);
}

/* A project with the amendment "kortere-termijn" (a changed article and
 * a comment) in @parent/a, a bare copy in @parent/server/apv.git. */
static char *
make_project (const char *parent)
{
  char *a = g_build_filename (parent, "a", NULL);
  g_autofree char *bare = g_build_filename (parent, "server", "apv.git", NULL);

  amend_ok (parent, "init", "a", NULL);
  amend_ok (a, "propose", "Kortere termijn", "--motivation", "Sneller.", NULL);
  edit (a, "op de dag na die van de bekendmaking", "een week na de bekendmaking");
  amend_test_write (a, ".amend/amendementen/kortere-termijn/opmerkingen/0f8fad5b.md", "Waarom een week?\n");
  amend_ok (a, "save", "-m", "Opmerking", NULL);
  amend_ok (a, "switch", "main", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", "--bare", a, bare, NULL));
  return a;
}

/* ----------------------------------------------------------------------- */

static void
test_help (void)
{
  g_auto(AmendTestRun) run = { 0 };
  const char *commands[] = { "package", "clone", "pull", "push", "remote" };
  g_autofree char *cwd = g_get_current_dir ();

  amend_run (&run, cwd, "--help");
  assert_ok (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      assert_out_has (&run, line);
    }
  assert_out_has (&run, "130");
  amend_run (&run, cwd, "help", "package");
  assert_ok (&run);
  assert_out_has (&run, "git bundle");
  amend_run (&run, cwd, "package");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "export, import or open"));
  amend_run (&run, cwd, "package", "export", "--all", "x");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, cwd, "clone");
  g_assert_cmpint (run.status, ==, 2);
}

/* Two groups exchange an amendment with comments, by file only. */
static void
test_package_exchange (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *file = NULL;
  g_autofree char *git_file = NULL;
  g_autofree char *comment = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = g_build_filename (parent, "a", NULL);
  b = g_build_filename (parent, "b", NULL);
  amend_ok (parent, "init", "a", NULL);
  amend_ok (parent, "clone", "a", "b", NULL);
  amend_ok (a, "propose", "Kortere termijn", NULL);
  edit (a, "op de dag na die van de bekendmaking", "een week na de bekendmaking");
  amend_test_write (a, ".amend/amendementen/kortere-termijn/opmerkingen/0f8fad5b.md", "Waarom een week?\n");
  amend_ok (a, "save", "-m", "Opmerking", NULL);

  /* Without -o: NAME.amend in the current folder (-C DIR's). */
  amend_run (&run, parent, "-C", "a", "package", "export", "kortere-termijn");
  assert_ok (&run);
  assert_out_has (&run, "amendement/kortere-termijn \xe2\x80\x9cKortere termijn\xe2\x80\x9d");
  file = g_build_filename (a, "kortere-termijn.amend", NULL);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (amend_test_git (b, NULL, NULL, "bundle", "verify", file, NULL), ==, 0);

  amend_run (&run, b, "package", "import", file);
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/kortere-termijn \xe2\x80\x9cKortere termijn\xe2\x80\x9d (3 versions, 1 new comment)");
  amend_run (&run, b, "list", "--json");
  assert_ok (&run);
  assert_out_has (&run, "\"slug\" : \"kortere-termijn\"");
  comment = amend_test_git_ok (b, "show", "amendement/kortere-termijn:.amend/amendementen/kortere-termijn/opmerkingen/0f8fad5b.md", NULL);
  g_assert_cmpstr (comment, ==, "Waarom een week?\n");
  amend_run (&run, b, "package", "import", file);
  assert_ok (&run);
  assert_out_has (&run, "up to date: amendement/kortere-termijn");
  amend_test_fsck (b);

  /* A bundle that git made, and back. */
  amend_ok (b, "switch", "kortere-termijn", NULL);
  edit (b, "Aldus vastgesteld", "Vastgesteld");
  git_file = g_build_filename (parent, "door-git.bundle", NULL);
  g_free (amend_test_git_ok (b, "bundle", "create", "-q", git_file, "amendement/kortere-termijn", "^main", NULL));
  amend_run (&run, a, "package", "import", git_file);
  assert_ok (&run);
  assert_out_has (&run, "updated: amendement/kortere-termijn \xe2\x80\x9cKortere termijn\xe2\x80\x9d (1 version)");
  amend_test_assert_same_rev (a, "amendement/kortere-termijn", b, "amendement/kortere-termijn");
  amend_test_fsck (a);

  /* Both change it: both are kept, and the report says what to do next. */
  edit (a, "Vastgesteld in", "Zo vastgesteld in");
  edit (b, "de gemeenteraad", "de raad");
  g_free (file);
  file = g_build_filename (parent, "weer.amend", NULL);
  amend_ok (a, "package", "export", "kortere-termijn", "-o", file, NULL);
  amend_run (&run, b, "package", "import", file);
  assert_ok (&run);
  assert_out_has (&run, "changed on both sides: amendement/kortere-termijn");
  assert_out_has (&run, "the incoming one is now amendement/kortere-termijn-2");
  assert_out_has (&run, "Compare the two with \xe2\x80\x9c" "amend diff kortere-termijn kortere-termijn-2\xe2\x80\x9d");
  amend_run (&run, b, "diff", "kortere-termijn", "kortere-termijn-2");
  assert_ok (&run);
  assert_out_has (&run, "Zo vastgesteld");
  amend_test_fsck (b);
  amend_test_rmtree (parent);
}

/* In @parent: a project seed with the submitted amendment
 * kortere-termijn, packed whole into @all; b opened from that package,
 * and a newer version of the amendment made there packed into @newer. */
static void
make_newer_package (const char *parent,
                    const char *all,
                    const char *newer)
{
  g_autofree char *seed = g_build_filename (parent, "seed", NULL);
  g_autofree char *b = g_build_filename (parent, "b", NULL);

  amend_ok (parent, "init", "seed", NULL);
  amend_ok (seed, "propose", "Kortere termijn", NULL);
  edit (seed, "op de dag na die van de bekendmaking", "een week na de bekendmaking");
  amend_ok (seed, "submit", NULL);
  amend_ok (seed, "switch", "main", NULL);
  amend_ok (seed, "package", "export", "--all", "-o", all, NULL);
  amend_ok (parent, "package", "open", all, "b", NULL);
  amend_ok (b, "switch", "kortere-termijn", NULL);
  edit (b, "een week na", "vijf dagen na");
  amend_ok (b, "package", "export", "kortere-termijn", "-o", newer, NULL);
}

/* The clerk adopts an amendment while a package with a newer version of
 * it comes in: the one waits for the other.  Before, the import moved the
 * amendment's branch between the adoption's merge and its move of that
 * branch, and the adoption stopped halfway, waiting for --abort. */
static void
test_package_import_while_adopting (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = g_build_filename (parent, "a", NULL);
  g_autofree char *file = g_build_filename (parent, "nieuwer.amend", NULL);
  g_autofree char *all = g_build_filename (parent, "alles.amend", NULL);

  if (!amend_test_need_git ())
    return;
  make_newer_package (parent, all, file);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GSubprocess) adopt = NULL;
      g_autoptr(GSubprocess) import = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *adopt_err = NULL;
      g_autofree char *import_err = NULL;
      g_autofree char *merge = g_build_filename (a, ".git", "amend", "merge", NULL);
      g_autofree char *record = NULL;

      amend_test_rmtree (a);
      amend_ok (parent, "package", "open", all, "a", NULL);
      adopt = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                g_getenv ("AMEND_BIN"), "-C", a, "adopt", "kortere-termijn", NULL);
      g_assert_no_error (error);
      import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                 g_getenv ("AMEND_BIN"), "-C", a, "package", "import", file, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (adopt, NULL, NULL, NULL, &adopt_err, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (import, NULL, NULL, NULL, &import_err, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (adopt) != 0 || g_subprocess_get_exit_status (import) != 0)
        g_error ("adopt: %s; import: %s", adopt_err, import_err);
      /* Adopted and in main, whichever came first; nothing waits. */
      g_assert_false (g_file_test (merge, G_FILE_TEST_EXISTS));
      record = amend_test_git_ok (a, "show", "amendement/kortere-termijn:.amend/amendementen/kortere-termijn/amendement.ini",
                                  NULL);
      g_assert_nonnull (strstr (record, "status=aangenomen"));
      g_free (amend_test_git_ok (a, "merge-base", "--is-ancestor", "amendement/kortere-termijn", "main", NULL));
      amend_test_fsck (a);
    }
  amend_test_rmtree (parent);
}

/* Runs `amend -C DIR ARGS...` while this process plays another Amend in
 * the middle of writing: it holds .git/amend/lock and git's index.lock
 * for a moment, then lets go of both.  The command waits for it. */
static void
run_while_writing (const char *dir,
                   const char *what,
                   const char *arg,
                   const char *more)
{
  g_autofree char *amend_dir = g_build_filename (dir, ".git", "amend", NULL);
  g_autofree char *lock = g_build_filename (amend_dir, "lock", NULL);
  g_autofree char *index_lock = g_build_filename (dir, ".git", "index.lock", NULL);
  g_autoptr(GSubprocess) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (amend_dir, 0777), ==, 0);
  fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  g_assert_true (g_file_set_contents (index_lock, "", 0, NULL));
  command = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("AMEND_BIN"), "-C", dir, what, arg, more, NULL);
  g_assert_no_error (error);
  g_usleep (600 * 1000);
  g_assert_cmpint (g_unlink (index_lock), ==, 0);
  close (fd);
  g_subprocess_communicate_utf8 (command, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (command) != 0)
    g_error ("amend %s %s: %s", what, arg, err);
}

/* git's index.lock while another Amend holds the write lock is that
 * Amend's: every writing command waits for it (here an import and an
 * adoption), where before it refused as if a foreign git were at work.
 * The same file with no Amend writing is still refused at once. */
static void
test_waits_for_other_amend (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = g_build_filename (parent, "a", NULL);
  g_autofree char *b = g_build_filename (parent, "b", NULL);
  g_autofree char *all = g_build_filename (parent, "alles.amend", NULL);
  g_autofree char *file = g_build_filename (parent, "nieuwer.amend", NULL);
  g_autofree char *index_lock = g_build_filename (a, ".git", "index.lock", NULL);
  g_autofree char *record = NULL;
  g_autofree char *text = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  make_newer_package (parent, all, file);
  amend_ok (parent, "package", "open", all, "a", NULL);

  run_while_writing (a, "package", "import", file);
  amend_test_assert_same_rev (a, "amendement/kortere-termijn", b, "amendement/kortere-termijn");
  g_assert_true (g_file_set_contents (index_lock, "", 0, NULL));
  amend_run (&run, a, "adopt", "kortere-termijn");
  assert_refused (&run, 4, "index.lock exists");
  g_assert_cmpint (g_unlink (index_lock), ==, 0);
  run_while_writing (a, "adopt", "kortere-termijn", NULL);
  record = amend_test_git_ok (a, "show", "main:.amend/amendementen/kortere-termijn/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "status=aangenomen"));
  text = amend_test_git_ok (a, "grep", "-c", "vijf dagen na", "main", "--", "*.md", NULL);
  amend_test_fsck (a);
  amend_test_rmtree (parent);
}

/* Comments made with amend comment travel with their amendment, and a
 * reply made by the receiver travels back. */
static void
test_package_comments (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = g_build_filename (parent, "a", NULL);
  g_autofree char *b = g_build_filename (parent, "b", NULL);
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  amend_ok (parent, "init", "a", NULL);
  amend_ok (parent, "clone", "a", "b", NULL);
  amend_ok (a, "propose", "Kortere termijn", NULL);
  amend_ok (a, "comment", "add", "kortere-termijn", "-m", "Waarom een week?", NULL);
  amend_ok (a, "package", "export", "kortere-termijn", "-o", "../heen.amend", NULL);
  amend_run (&run, b, "package", "import", "../heen.amend");
  assert_ok (&run);
  assert_out_has (&run, "1 new comment");
  amend_run (&run, b, "comment", "list", "kortere-termijn");
  assert_ok (&run);
  assert_out_has (&run, "Waarom een week?");

  amend_ok (b, "comment", "add", "kortere-termijn", "-m", "Omdat het sneller moet.", NULL);
  amend_ok (b, "package", "export", "kortere-termijn", "-o", "../terug.amend", NULL);
  amend_run (&run, a, "package", "import", "../terug.amend");
  assert_ok (&run);
  assert_out_has (&run, "updated: amendement/kortere-termijn");
  assert_out_has (&run, "1 new comment");
  amend_run (&run, a, "comment", "list", "kortere-termijn");
  assert_ok (&run);
  assert_out_has (&run, "Waarom een week?");
  assert_out_has (&run, "Omdat het sneller moet.");
  amend_test_fsck (a);
  amend_test_rmtree (parent);
}

static void
test_package_open (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *one = NULL;
  g_autofree char *opened = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  amend_run (&run, parent, "-C", "a", "package", "export", "--all", "-o", "../alles.amend");
  assert_ok (&run);
  whole = g_build_filename (parent, "alles.amend", NULL);
  amend_run (&run, parent, "package", "open", "alles.amend", "nieuw");
  assert_ok (&run);
  assert_out_has (&run, "new: main");
  opened = g_build_filename (parent, "nieuw", NULL);
  amend_run (&run, opened, "list");
  assert_ok (&run);
  assert_out_has (&run, "kortere-termijn");
  amend_test_assert_same_rev (opened, "amendement/kortere-termijn", a, "amendement/kortere-termijn");
  amend_test_fsck (opened);

  amend_run (&run, parent, "package", "open", "alles.amend", "nieuw");
  assert_refused (&run, 4, "not empty");
  amend_run (&run, parent, "-C", "a", "package", "export", "kortere-termijn", "-o", "../een.amend");
  assert_ok (&run);
  amend_run (&run, parent, "package", "open", "een.amend", "elders");
  assert_refused (&run, 4, "amend package import");
  assert_absent (parent, "elders");
  /* A package where a project is wanted: the sentence names the two
   * commands that take one. */
  amend_run (&run, parent, "clone", "alles.amend", "kloon");
  assert_refused (&run, 3, "alles.amend is a file, not a project; a package is opened as a new project with amend "
                           "package open FILE DIR, or taken into this one with amend package import FILE");
  assert_absent (parent, "kloon");
  amend_test_rmtree (parent);
}

/* -o names a FIFO (or a terminal, /dev/null): the package goes into it,
 * and the FIFO stays one; a rename over it, as for a regular file, would
 * have put a file in its place (as root, also over /dev/null).  A
 * symbolic link stays a link to the new package.  export -o the same. */
static void
test_package_export_special (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *link = NULL;
  g_autofree char *real = NULL;
  g_auto(AmendTestRun) run = { 0 };
  char buf[65536];
  gssize n;
  struct stat st;
  int fd;

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  fifo = g_build_filename (parent, "pijp", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Held open for reading and writing, so that amend's open does not wait
   * for a reader and the package waits in the pipe. */
  fd = g_open (fifo, O_RDWR | O_NONBLOCK, 0);
  g_assert_cmpint (fd, >=, 0);
  amend_run (&run, a, "package", "export", "kortere-termijn", "-o", fifo);
  assert_ok (&run);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  n = read (fd, buf, sizeof buf);
  g_assert_cmpint (n, >, 100);
  g_assert_true (g_str_has_prefix (buf, "# v2 git bundle\n"));

  amend_run (&run, a, "export", "--format", "stop", "-o", fifo, "regeling.md");
  assert_ok (&run);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  n = read (fd, buf, sizeof buf - 1);
  g_assert_cmpint (n, >, 100);
  buf[n] = '\0';
  g_assert_true (g_str_has_prefix (buf, "<?xml"));
  /* And the commands that write with amend_cli_write_file. */
  amend_run (&run, a, "paper", "kortere-termijn", "-o", fifo);
  assert_ok (&run);
  amend_run (&run, a, "diff", "--format", "json", "-o", fifo, "main", "kortere-termijn");
  assert_ok (&run);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  n = read (fd, buf, sizeof buf - 1);
  g_assert_cmpint (n, >, 100);
  buf[n] = '\0';
  g_assert_true (g_str_has_prefix (buf, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (buf, "\"op\" : \"deleted\""));
  close (fd);

  /* -o /dev/stdout: the package alone on standard output, the summary
   * on standard error. */
  if (g_file_test ("/dev/stdout", G_FILE_TEST_EXISTS))
    {
      g_autofree char *copy = g_build_filename (parent, "stdout.amend", NULL);
      gsize len = 0;
      const char *data;

      amend_run (&run, a, "package", "export", "kortere-termijn", "-o", "/dev/stdout");
      assert_ok (&run);
      data = g_bytes_get_data (run.bytes, &len);
      g_assert_true (len > 16 && memcmp (data, "# v2 git bundle\n", 16) == 0);
      g_assert_nonnull (strstr (run.err, "amendement/kortere-termijn"));
      g_assert_true (g_file_set_contents (copy, data, (gssize) len, NULL));
      g_assert_cmpint (amend_test_git (a, NULL, NULL, "bundle", "verify", copy, NULL), ==, 0);
    }

  real = g_build_filename (parent, "echt.amend", NULL);
  link = g_build_filename (parent, "link.amend", NULL);
  amend_test_write (parent, "echt.amend", "oud\n");
  g_assert_cmpint (symlink (real, link), ==, 0);
  amend_run (&run, a, "package", "export", "kortere-termijn", "-o", link);
  assert_ok (&run);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (amend_test_git (a, NULL, NULL, "bundle", "verify", real, NULL), ==, 0);
  amend_test_rmtree (parent);
}

/* An amendment on a remote whose record Amend cannot read is left out of
 * a pull and a clone, with a line that says so; the rest comes in, and
 * amend list still works.  (A package with one is refused whole, see
 * bad-input.) */
static void
test_pull_damaged_record (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *branches = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  b = g_build_filename (parent, "b", NULL);
  c = g_build_filename (parent, "c", NULL);
  amend_ok (parent, "clone", "server/apv.git", "b", NULL);
  amend_ok (a, "propose", "Kapot", NULL);
  amend_test_write (a, ".amend/amendementen/kapot/amendement.ini", "[amendement]\ntitle=Kapot\n");
  g_free (amend_test_git_ok (a, "commit", "-q", "-a", "-m", "Met de hand", NULL));
  amend_ok (a, "switch", "main", NULL);
  amend_ok (a, "propose", "Heel", NULL);
  amend_ok (a, "switch", "main", NULL);
  g_free (amend_test_git_ok (a, "branch", "amendement/leeg", "main", NULL));
  g_free (amend_test_git_ok (a, "push", "-q", "../server/apv.git", "amendement/kapot", "amendement/heel",
                             "amendement/leeg", NULL));

  amend_run (&run, b, "pull", NULL);
  assert_ok (&run);
  assert_err_has (&run, "not taken: amendement/kapot: Amend cannot read its record");
  assert_out_has (&run, "new: amendement/heel");
  /* A branch made with git at main is not "already here as" another. */
  assert_out_has (&run, "new: amendement/leeg");
  amend_run (&run, b, "list", NULL);
  assert_ok (&run);
  g_assert_null (strstr (run.out, "kapot"));
  branches = amend_test_git_ok (b, "branch", "--list", "amendement/*", NULL);
  g_assert_null (strstr (branches, "kapot"));
  amend_test_fsck (b);

  amend_run (&run, parent, "clone", "server/apv.git", "c", NULL);
  assert_ok (&run);
  assert_err_has (&run, "not taken: amendement/kapot: Amend cannot read its record");
  amend_run (&run, c, "list", NULL);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "heel"));
  amend_test_rmtree (parent);
}

static void
test_package_bad_input (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *main_file = NULL;
  g_autofree char *other = NULL;
  g_autofree char *other_file = NULL;
  g_autofree char *large = NULL;
  g_auto(AmendTestRun) run = { 0 };
  gsize len;
  FILE *f;

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  b = g_build_filename (parent, "b", NULL);
  amend_ok (parent, "clone", "server/apv.git", "b", NULL);
  g_free (amend_test_git_ok (b, "branch", "-D", "amendement/kortere-termijn", NULL));
  file = g_build_filename (parent, "k.amend", NULL);
  amend_ok (a, "package", "export", "kortere-termijn", "-o", file, NULL);
  g_assert_true (g_file_get_contents (file, &data, &len, NULL));
  before = snapshot (b);

  /* Damaged: exit 3. */
  damaged = g_build_filename (parent, "kapot.amend", NULL);
  g_assert_true (g_file_set_contents (damaged, data, (gssize) len - 50, NULL));
  amend_run (&run, b, "package", "import", damaged);
  assert_refused (&run, 3, "is damaged");
  data[len - 3] ^= 1;
  g_assert_true (g_file_set_contents (damaged, data, (gssize) len, NULL));
  amend_run (&run, b, "package", "import", damaged);
  assert_refused (&run, 3, "is damaged");
  amend_run (&run, b, "package", "import", "bestaat-niet.amend");
  assert_refused (&run, 3, "bestaat-niet.amend");
  /* A sound package on a full disk (files limited to 512 bytes, as a
   * full disk stops a write): exit 3, and the sentence blames the disk,
   * not the package. */
  {
    const char *argv[] = { "/bin/sh", "-c", "ulimit -f 1; trap '' XFSZ; exec \"$0\" package import \"$1\"",
                           g_getenv ("AMEND_BIN"), file, NULL };
    AmendTestRunOptions options = { .cwd = b, .binary = TRUE };

    amend_test_run_argv (&run, &options, argv);
    assert_refused (&run, 3, "writing its versions into the project failed");
    assert_err_has (&run, "make room on the disk");
    g_assert_null (strstr (run.err, "damaged"));
    g_assert_null (strstr (run.err, "ask the sender"));
  }
  /* Too large: exit 3, without reading it. */
  large = g_build_filename (parent, "groot.amend", NULL);
  f = fopen (large, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseeko (f, (G_GINT64_CONSTANT (2) << 30) - 1, SEEK_SET), ==, 0);
  fputc (0, f);
  fclose (f);
  amend_run (&run, b, "package", "import", large);
  assert_refused (&run, 3, "larger than any package");
  /* Refused by the project: exit 4. */
  main_file = g_build_filename (parent, "main.bundle", NULL);
  g_free (amend_test_git_ok (a, "bundle", "create", "-q", main_file, "main", NULL));
  amend_run (&run, b, "package", "import", main_file);
  assert_refused (&run, 4, "never changes");
  amend_test_write (parent, "ander/regeling.md", "# Hoofdstuk 1\n\n## Artikel 1\n\nIets anders.\n");
  other = g_build_filename (parent, "ander", NULL);
  amend_ok (parent, "init", "ander", NULL);
  amend_ok (other, "propose", "Iets", NULL);
  edit (other, "Iets anders.", "Nog iets anders.");
  other_file = g_build_filename (parent, "ander.amend", NULL);
  amend_ok (other, "package", "export", "iets", "-o", other_file, NULL);
  amend_run (&run, b, "package", "import", other_file);
  assert_refused (&run, 4, "belongs to another regulation");
  /* No such amendment: the sentence offers --all, not main, which a
   * package never is. */
  amend_run (&run, a, "package", "export", "bestaat-niet", NULL);
  assert_refused (&run, 3, "or --all for the whole project");
  g_assert_null (strstr (run.err, "or main"));
  /* A record Amend cannot read (edited with git: a NUL byte, then no
   * status) would stop amend list here: exit 4, nothing taken. */
  for (guint i = 0; i < 2; i++)
    {
      static const char nul[] = "[amendement]\ntitle=Kapot\0\nstatus=concept\n";
      const char *record = ".amend/amendementen/kapot/amendement.ini";
      g_autofree char *path = g_build_filename (a, record, NULL);
      g_autofree char *kapot = g_build_filename (parent, "kapot-record.amend", NULL);

      if (i == 0)
        {
          amend_ok (a, "propose", "Kapot", NULL);
          g_assert_true (g_file_set_contents (path, nul, sizeof nul - 1, NULL));
        }
      else
        amend_test_write (a, record, "[amendement]\ntitle=Kapot\n");
      g_free (amend_test_git_ok (a, "commit", "-q", "-a", "-m", "Met de hand", NULL));
      amend_ok (a, "package", "export", "kapot", "-o", kapot, NULL);
      amend_run (&run, b, "package", "import", kapot);
      assert_refused (&run, 4, "the incoming amendement/kapot has a record, .amend/amendementen/kapot/amendement.ini, "
                               "that Amend cannot read");
      amend_run (&run, b, "list", NULL);
      assert_ok (&run);
    }

  assert_unchanged (b, before);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */
/* git://                                                                   */
/* ----------------------------------------------------------------------- */

static void
test_daemon (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *url = NULL;
  g_autofree char *before = NULL;
  g_autofree char *main_before = NULL;
  g_autoptr(AmendTestServer) daemon = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  daemon = amend_test_server_git_daemon (root);
  url = amend_test_server_url (daemon, "apv.git");

  /* amend list after a clone shows the remote's amendments. */
  amend_run (&run, parent, "clone", url, "b");
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/kortere-termijn");
  b = g_build_filename (parent, "b", NULL);
  amend_run (&run, b, "list");
  assert_ok (&run);
  assert_out_has (&run, "kortere-termijn");
  amend_ok (parent, "clone", url, "c", NULL);
  c = g_build_filename (parent, "c", NULL);

  /* B proposes and pushes; C pulls it. */
  amend_ok (b, "propose", "Vuurwerk", NULL);
  edit (b, "de gemeenteraad", "de raad");
  amend_run (&run, b, "push");
  assert_ok (&run);
  assert_out_has (&run, "pushed: amendement/vuurwerk");
  amend_test_assert_same_rev (bare, "amendement/vuurwerk", b, "amendement/vuurwerk");
  amend_run (&run, c, "pull");
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/vuurwerk");
  assert_out_has (&run, "up to date: main");
  amend_test_fsck (c);

  /* The draft moves on at B; C changed it too: C's push is refused. */
  amend_ok (b, "switch", "main", NULL);
  edit (b, "Aldus vastgesteld", "Vastgesteld");
  amend_ok (b, "push", "main", NULL);
  edit (c, "Deze verordening treedt", "Zij treedt");
  before = amend_test_git_ok (bare, "for-each-ref", NULL);
  amend_run (&run, c, "push", "main");
  assert_refused (&run, 4, "amend pull first");
  {
    g_autofree char *after = amend_test_git_ok (bare, "for-each-ref", NULL);

    g_assert_cmpstr (after, ==, before);
  }
  /* C's pull joins the two drafts: a merge commit with both as parents. */
  main_before = amend_test_rev (c, "main");
  amend_run (&run, c, "pull");
  assert_ok (&run);
  assert_out_has (&run, "merged: main with the remote's (1 version), as ");
  {
    g_autofree char *first = amend_test_rev (c, "main^1");
    g_autofree char *text = amend_test_read (c, "regeling.md");
    g_autofree char *status = amend_test_git_ok (c, "status", "--porcelain", NULL);

    g_assert_cmpstr (first, ==, main_before);
    amend_test_assert_same_rev (c, "main^2", b, "main");
    g_assert_nonnull (strstr (text, "Zij treedt"));
    g_assert_nonnull (strstr (text, "Vastgesteld in de openbare"));
    g_assert_cmpstr (status, ==, "");
  }
  amend_test_fsck (c);
  /* And its push goes through now. */
  amend_run (&run, c, "push", "main");
  assert_ok (&run);
  amend_test_assert_same_rev (bare, "main", c, "main");
  amend_test_fsck (bare);
  g_clear_pointer (&daemon, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* The refs and files of @dir: a pull that refuses has downloaded objects
 * (as a fetch keeps them), and moved nothing. */
static char *
snapshot_refs (const char *dir)
{
  g_autofree char *refs = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  g_autofree char *head = amend_test_git_ok (dir, "symbolic-ref", "HEAD", NULL);
  g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", "--untracked-files=all", NULL);

  return g_strdup_printf ("%s\n%s\n%s", refs, head, status);
}

static void
assert_no_branch (const char *dir,
                  const char *needle)
{
  g_autofree char *branches = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname)", "refs/heads", NULL);

  if (strstr (branches, needle) != NULL)
    g_error ("%s has a branch with %s in its name: %s", dir, needle, branches);
}

/* Branch names from elsewhere, as a hostile remote serves them: a clone
 * and a pull take the amendments whose names Amend takes (the rule of a
 * package) and name every other one on standard error with the reason,
 * exit status 0; one name git cannot store here (longer than a file
 * name) or a remote-tracking branch left from before no longer stops
 * them.  A branch here that leaves no room for an incoming amendment
 * (amendement/x/y made with git, or amendement itself) refuses the pull
 * and the import with one sentence naming both (exit 4, no ref moved). */
static void
test_daemon_branch_names (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *url = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *lengthy = g_strnfill (251, 'l');
  g_autofree char *packed = NULL;
  g_autofree char *file = NULL;
  g_autoptr(AmendTestServer) daemon = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  daemon = amend_test_server_git_daemon (root);
  url = amend_test_server_url (daemon, "apv.git");
  amend_ok (parent, "clone", url, "b", NULL);
  b = g_build_filename (parent, "b", NULL);
  c = g_build_filename (parent, "c", NULL);
  d = g_build_filename (parent, "d", NULL);

  /* Names git lets a server hold and Amend never makes; only packed-refs
   * holds one longer than a file name.  The server's HEAD on one. */
  tip = amend_test_rev (bare, "main");
  g_free (amend_test_git_ok (bare, "update-ref", "refs/heads/amendement/-rf", tip, NULL));
  g_free (amend_test_git_ok (bare, "update-ref", "refs/heads/amendement/nest/diep", tip, NULL));
  g_free (amend_test_git_ok (bare, "update-ref", "refs/heads/amendement/Hoofdletters", tip, NULL));
  g_free (amend_test_git_ok (bare, "pack-refs", "--all", NULL));
  packed = amend_test_read (bare, "packed-refs");
  {
    g_autofree char *more = g_strdup_printf ("%s%s refs/heads/amendement/%s\n", packed, tip, lengthy);

    amend_test_write (bare, "packed-refs", more);
  }
  amend_test_write (bare, "HEAD", "ref: refs/heads/amendement/-rf\n");

  amend_run (&run, parent, "clone", url, "c");
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/kortere-termijn");
  assert_out_has (&run, "new: amendement/Hoofdletters");
  assert_err_has (&run, "not taken: amendement/-rf: its name starts with a hyphen, which a command would take for an option");
  assert_err_has (&run, "not taken: amendement/nest/diep: its name has a / after amendement/");
  assert_err_has (&run, "is 251 bytes long, longer than the 250 bytes");
  g_assert_null (strstr (run.out, "-rf"));
  assert_no_branch (c, "-rf");
  assert_no_branch (c, "nest");
  assert_no_branch (c, "lll");
  {
    g_autofree char *head = amend_test_git_ok (c, "symbolic-ref", "HEAD", NULL);
    g_autofree char *tracking = amend_test_git_ok (c, "for-each-ref", "--format=%(refname)", "refs/remotes", NULL);

    g_assert_cmpstr (head, ==, "refs/heads/main\n");
    g_assert_nonnull (strstr (tracking, "refs/remotes/origin/amendement/Hoofdletters"));
    g_assert_null (strstr (tracking, "nest"));
  }
  amend_run (&run, c, "list");
  assert_ok (&run);
  assert_out_has (&run, "Hoofdletters");
  g_assert_null (strstr (run.out, "-rf"));
  amend_test_fsck (c);

  /* A pull the same; a remote-tracking branch from before, which the
   * remote no longer has, is in the way of none. */
  g_free (amend_test_git_ok (b, "update-ref", "refs/remotes/origin/amendement/Hoofdletters/oud", tip, NULL));
  amend_run (&run, b, "pull");
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/Hoofdletters");
  assert_err_has (&run, "not taken: amendement/-rf: its name starts with a hyphen");
  assert_err_has (&run, "not taken: amendement/nest/diep: its name has a / after amendement/");
  assert_err_has (&run, "bytes long");
  assert_no_branch (b, "-rf");
  assert_no_branch (b, "nest");
  amend_test_fsck (b);

  /* Nor does amend package export write a package no project takes. */
  g_free (amend_test_git_ok (a, "update-ref", "refs/heads/amendement/-rf", tip, NULL));
  file = g_build_filename (parent, "rf.amend", NULL);
  amend_run (&run, a, "package", "export", "amendement/-rf", "-o", file);
  assert_refused (&run, 4, "no project would take amendement/-rf from a package: its name starts with a hyphen");
  assert_absent (parent, "rf.amend");
  g_free (amend_test_git_ok (a, "update-ref", "-d", "refs/heads/amendement/-rf", NULL));
  g_clear_pointer (&file, g_free);

  /* A branch here under the name of an incoming amendment. */
  amend_ok (a, "propose", "Vuurwerk", NULL);
  amend_ok (a, "switch", "main", NULL);
  g_free (amend_test_git_ok (a, "push", "-q", bare, "amendement/vuurwerk", NULL));
  g_free (amend_test_git_ok (c, "branch", "amendement/vuurwerk/oud", "main", NULL));
  {
    g_autofree char *before = snapshot_refs (c);
    g_autofree char *after = NULL;

    amend_run (&run, c, "pull");
    assert_refused (&run, 4, "nothing was taken: the branch amendement/vuurwerk/oud here leaves no room for the "
                             "incoming amendement/vuurwerk");
    assert_err_has (&run, "git branch -m amendement/vuurwerk/oud NEW-NAME");
    after = snapshot_refs (c);
    g_assert_cmpstr (after, ==, before);
    amend_test_fsck (c);
  }
  /* A package the same, with nothing written at all. */
  file = g_build_filename (parent, "vuurwerk.amend", NULL);
  amend_ok (a, "package", "export", "vuurwerk", "-o", file, NULL);
  {
    g_autofree char *before = snapshot (c);

    amend_run (&run, c, "package", "import", file);
    assert_refused (&run, 4, "the branch amendement/vuurwerk/oud here leaves no room for the incoming amendement/vuurwerk");
    assert_unchanged (c, before);
  }
  /* amend propose makes room itself. */
  amend_run (&run, c, "propose", "Vuurwerk");
  assert_ok (&run);
  assert_out_has (&run, "amendement/vuurwerk-2");
  amend_ok (c, "switch", "main", NULL);
  /* Renamed as the sentence says, the pull goes through. */
  g_free (amend_test_git_ok (c, "branch", "-m", "amendement/vuurwerk/oud", "oud-vuurwerk", NULL));
  amend_run (&run, c, "pull");
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/vuurwerk");
  amend_test_fsck (c);

  /* A branch called amendement (made with git) leaves no room at all. */
  amend_test_write (bare, "HEAD", "ref: refs/heads/main\n");
  g_free (amend_test_git_ok (parent, "clone", "-q", url, "d", NULL));
  g_free (amend_test_git_ok (d, "checkout", "-q", "main", NULL));
  g_free (amend_test_git_ok (d, "branch", "amendement", "main", NULL));
  {
    g_autofree char *before = snapshot_refs (d);
    g_autofree char *after = NULL;

    amend_run (&run, d, "pull");
    assert_refused (&run, 4, "the branch amendement here leaves no room for the incoming amendement/");
    assert_err_has (&run, "git branch -m amendement NEW-NAME");
    after = snapshot_refs (d);
    g_assert_cmpstr (after, ==, before);
    amend_test_fsck (d);
  }
  g_clear_pointer (&daemon, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* B and C clone from a git daemon; B changes @from to @theirs in the draft
 * and pushes, C changes it to @ours. */
static AmendTestServer *
diverge (const char  *parent,
         char       **b,
         char       **c,
         const char  *from,
         const char  *theirs,
         const char  *ours_from,
         const char  *ours)
{
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *a = make_project (parent);
  AmendTestServer *daemon = amend_test_server_git_daemon (root);
  g_autofree char *url = amend_test_server_url (daemon, "apv.git");

  amend_ok (parent, "clone", url, "b", NULL);
  amend_ok (parent, "clone", url, "c", NULL);
  *b = g_build_filename (parent, "b", NULL);
  *c = g_build_filename (parent, "c", NULL);
  edit (*b, from, theirs);
  amend_ok (*b, "push", "main", NULL);
  edit (*c, ours_from, ours);
  return daemon;
}

/* Both change the same member: the pull stops (exit status 1) with
 * nothing committed; --abort puts back what was there, byte for byte;
 * resolved, --continue commits the merge. */
static void
test_daemon_conflict (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *before = NULL;
  g_autoptr(AmendTestServer) daemon = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  daemon = diverge (parent, &b, &c, "aangehaald als: Verordening.", "aangehaald als: APV.",
                    "aangehaald als: Verordening.", "aangehaald als: Verordening Lindewaarde.");
  /* What the pull fetches is here already, so that only the merge could
   * change anything. */
  g_free (amend_test_git_ok (c, "fetch", "-q", "origin", NULL));
  before = snapshot (c);

  amend_run (&run, c, "pull");
  g_assert_cmpint (run.status, ==, 1);
  assert_out_has (&run, "not merged yet: main");
  assert_out_has (&run, "Merging into main gives 1 conflict; nothing is committed yet");
  assert_out_has (&run, "chp_2__art_3");
  assert_out_has (&run, "amend pull --continue");
  assert_out_has (&run, "amend pull --abort");
  {
    g_autofree char *status = amend_test_git_ok (c, "status", "--porcelain", NULL);

    g_assert_cmpstr (status, ==, "");
  }
  amend_run (&run, c, "save", "-m", "Tussendoor");
  assert_refused (&run, 4, "amend pull --continue");
  amend_run (&run, c, "pull");
  assert_refused (&run, 4, "amend pull --abort");
  amend_run (&run, c, "pull", "--continue", "origin");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, c, "pull", "--continue");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "1 conflict is not resolved yet"));
  amend_run (&run, c, "pull", "--abort");
  assert_ok (&run);
  assert_out_has (&run, "main is as it was before amend pull");
  assert_unchanged (c, before);
  amend_run (&run, c, "pull", "--abort");
  g_assert_cmpint (run.status, ==, 3);

  /* Again, and resolved with the remote's text. */
  amend_run (&run, c, "pull");
  g_assert_cmpint (run.status, ==, 1);
  amend_run (&run, c, "conflicts");
  assert_ok (&run);
  assert_out_has (&run, "amend pull into main");
  amend_run (&run, c, "resolve", "chp_2__art_3__p_o_1", "--theirs");
  assert_ok (&run);
  amend_run (&run, c, "pull", "--continue");
  assert_ok (&run);
  assert_out_has (&run, "Merged into main as ");
  amend_test_assert_same_rev (c, "main^2", b, "main");
  {
    g_autofree char *text = amend_test_read (c, "regeling.md");
    g_autofree char *subject = amend_test_git_ok (c, "log", "-1", "--format=%s", NULL);
    g_autofree char *status = amend_test_git_ok (c, "status", "--porcelain", NULL);

    g_assert_nonnull (strstr (text, "aangehaald als: APV."));
    g_assert_nonnull (strstr (subject, "origin"));
    g_assert_cmpstr (status, ==, "");
  }
  amend_test_fsck (c);
  g_clear_pointer (&daemon, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* Killed in the merge (main moved, its files not yet): every command that
 * writes names amend pull --continue, which finishes it. */
static void
test_daemon_merge_killed (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *main_before = NULL;
  g_autoptr(AmendTestServer) daemon = NULL;
  g_auto(AmendTestRun) run = { 0 };
  const char *kill_env[] = { "AMEND_TEST_KILL_AT=target-moved", NULL };

  if (!amend_test_need_git ())
    return;
  daemon = diverge (parent, &b, &c, "Aldus vastgesteld", "Vastgesteld", "Deze verordening treedt", "Zij treedt");
  main_before = amend_test_rev (c, "main");
  amend_run_env (&run, c, kill_env, "pull", NULL);
  g_assert_cmpint (run.status, ==, 128 + SIGKILL);
  amend_test_assert_same_rev (c, "main^1", c, main_before);
  amend_run (&run, c, "pull");
  assert_refused (&run, 4, "amend pull --continue");
  amend_run (&run, c, "pull", "--continue");
  assert_ok (&run);
  amend_test_assert_same_rev (c, "main^2", b, "main");
  {
    g_autofree char *text = amend_test_read (c, "regeling.md");
    g_autofree char *status = amend_test_git_ok (c, "status", "--porcelain", NULL);

    g_assert_nonnull (strstr (text, "Zij treedt"));
    g_assert_nonnull (strstr (text, "Vastgesteld in de openbare"));
    g_assert_cmpstr (status, ==, "");
  }
  amend_test_fsck (c);
  g_clear_pointer (&daemon, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */
/* http:// with basic authentication                                        */
/* ----------------------------------------------------------------------- */

static char *
write_askpass (const char *dir,
               const char *name,
               const char *password)
{
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\ncase \"$1\" in User*) echo jan;; *) echo %s;; esac\n", password);
  char *path = g_build_filename (dir, name, NULL);

  amend_test_write (dir, name, script);
  g_chmod (path, 0755);
  return path;
}

static void
assert_no_secret (AmendTestRun *run,
                  const char   *dir)
{
  g_autofree char *config = amend_test_read (dir, ".git/config");

  g_assert_null (strstr (config, "geheim"));
  g_assert_null (strstr (run->out, "geheim"));
  g_assert_null (strstr (run->err, "geheim"));
}

static void
test_http (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *url = NULL;
  g_autofree char *right = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right_env = NULL;
  g_autofree char *wrong_env = NULL;
  g_autofree char *with_password = NULL;
  g_autoptr(AmendTestServer) server = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  server = amend_test_server_http (root, "jan", "geheim", 0);
  url = amend_test_server_url (server, "apv.git");
  right = write_askpass (parent, "goed.sh", "geheim");
  wrong = write_askpass (parent, "fout.sh", "fout");
  right_env = g_strconcat ("GIT_ASKPASS=", right, NULL);
  wrong_env = g_strconcat ("GIT_ASKPASS=", wrong, NULL);

  /* A wrong password: one sentence, exit 3, no folder. */
  {
    const char *env[] = { wrong_env, NULL };

    amend_run_env (&run, parent, env, "clone", url, "b", NULL);
    assert_refused (&run, 3, "did not accept the user name and password");
    assert_absent (parent, "b");
  }
  /* Nobody to ask: no GIT_ASKPASS, no helper, no terminal. */
  {
    const char *env[] = { "GIT_ASKPASS", NULL };

    amend_run_env (&run, parent, env, "clone", url, "b", NULL);
    assert_refused (&run, 3, "no terminal to ask them on");
    assert_absent (parent, "b");
  }
  /* A password in the address is refused before anything is done. */
  with_password = g_strdup_printf ("http://jan:geheim@127.0.0.1:%u/apv.git", amend_test_server_port (server));
  amend_run (&run, parent, "clone", with_password, "b");
  assert_refused (&run, 2, "holds a password");
  g_assert_null (strstr (run.err, "geheim"));
  assert_absent (parent, "b");

  /* The right one: a clone, a push; the password is kept nowhere. */
  {
    const char *env[] = { right_env, NULL };

    amend_run_env (&run, parent, env, "clone", url, "b", NULL);
    assert_ok (&run);
    b = g_build_filename (parent, "b", NULL);
    assert_no_secret (&run, b);
    amend_ok (b, "switch", "kortere-termijn", NULL);
    edit (b, "Aldus vastgesteld", "Vastgesteld");
    amend_run_env (&run, b, env, "push", NULL);
    assert_ok (&run);
    assert_out_has (&run, "pushed: amendement/kortere-termijn");
    assert_no_secret (&run, b);
    amend_test_assert_same_rev (bare, "amendement/kortere-termijn", b, "amendement/kortere-termijn");
    amend_run_env (&run, a, env, "remote", "add", "origin", url, NULL);
    assert_ok (&run);
    amend_run_env (&run, a, env, "pull", NULL);
    assert_ok (&run);
    assert_out_has (&run, "updated: amendement/kortere-termijn");
    assert_no_secret (&run, a);
  }
  g_clear_pointer (&server, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* git's credential helpers answer, through git credential fill. */
static void
test_http_credential_helper (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *a = NULL;
  g_autofree char *url = NULL;
  g_autofree char *home = g_build_filename (parent, "home", NULL);
  g_autofree char *config = NULL;
  g_autofree char *home_env = g_strconcat ("HOME=", home, NULL);
  g_autofree char *config_env = NULL;
  g_autofree char *xdg_env = g_strconcat ("XDG_CONFIG_HOME=", home, NULL);
  g_autoptr(AmendTestServer) server = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  server = amend_test_server_http (root, "jan", "geheim", 0);
  url = amend_test_server_url (server, "apv.git");
  amend_test_write (home, ".gitconfig",
                    "[user]\n\tname = Test\n\temail = t@example.nl\n"
                    "[credential]\n\thelper = \"!f() { echo username=jan; echo password=geheim; }; f\"\n");
  config = g_build_filename (home, ".gitconfig", NULL);
  config_env = g_strconcat ("GIT_CONFIG_GLOBAL=", config, NULL);
  {
    const char *env[] = { home_env, xdg_env, config_env, "GIT_ASKPASS", NULL };

    amend_run_env (&run, parent, env, "clone", url, "b", NULL);
    assert_ok (&run);
  }
  g_clear_pointer (&server, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */
/* ssh://                                                                   */
/* ----------------------------------------------------------------------- */

static void
test_ssh (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *bare = g_build_filename (parent, "server", "apv.git", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *url = NULL;
  g_autoptr(AmendTestServer) sshd = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  /* Unknown host key first: refused. */
  sshd = amend_test_server_sshd (FALSE);
  if (sshd == NULL)
    {
      amend_test_rmtree (parent);
      return;
    }
  url = amend_test_server_url (sshd, bare);
  amend_run (&run, parent, "clone", url, "b");
  assert_refused (&run, 3, "known_hosts");
  assert_absent (parent, "b");
  g_clear_pointer (&sshd, amend_test_server_stop);

  sshd = amend_test_server_sshd (TRUE);
  g_free (url);
  url = amend_test_server_url (sshd, bare);
  amend_run (&run, parent, "clone", url, "b");
  assert_ok (&run);
  assert_out_has (&run, "new: amendement/kortere-termijn");
  b = g_build_filename (parent, "b", NULL);
  amend_ok (b, "switch", "kortere-termijn", NULL);
  edit (b, "Aldus vastgesteld", "Vastgesteld");
  amend_run (&run, b, "push");
  assert_ok (&run);
  amend_test_assert_same_rev (bare, "amendement/kortere-termijn", b, "amendement/kortere-termijn");
  amend_test_fsck (bare);
  g_clear_pointer (&sshd, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */
/* Hosts that do not answer                                                 */
/* ----------------------------------------------------------------------- */

static void
test_timeout (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = NULL;
  g_autofree char *url = NULL;
  g_autofree char *before = NULL;
  g_autoptr(AmendTestServer) silent = NULL;
  g_autoptr(AmendTestServer) full = NULL;
  g_auto(AmendTestRun) run = { 0 };
  const char *env[] = { "AMEND_NETWORK_TIMEOUT=2", NULL };
  gint64 start;

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);

  /* Connects, then says nothing. */
  silent = amend_test_server_silent ();
  url = amend_test_server_url (silent, "apv.git");
  start = g_get_monotonic_time ();
  amend_run_env (&run, parent, env, "clone", url, "b", NULL);
  assert_refused (&run, 3, "did not answer for 2 seconds");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_TIME_SPAN_SECOND);
  amend_ok (a, "remote", "add", "stil", url, NULL);
  before = snapshot (a);
  amend_run_env (&run, a, env, "pull", "stil", NULL);
  assert_refused (&run, 3, "did not answer");
  assert_unchanged (a, before);

  /* Does not even accept the connection. */
  full = amend_test_server_full ();
  g_free (url);
  url = amend_test_server_url (full, "apv.git");
  amend_run_env (&run, parent, env, "clone", url, "b", NULL);
  assert_refused (&run, 3, "did not answer within 2 seconds");
  /* Nothing was left, not even a half clone. */
  amend_test_assert_listing (parent, "a server");

  /* Nobody listens at all. */
  g_clear_pointer (&silent, amend_test_server_stop);
  amend_run_env (&run, a, env, "pull", "stil", NULL);
  assert_refused (&run, 3, "cannot reach");
  g_clear_pointer (&full, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */
/* Ctrl+C                                                                   */
/* ----------------------------------------------------------------------- */

/* Commits a large file of random text, so that a slow server takes long. */
static void
add_large_file (const char *dir)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (text, "%08x%08x%08x%08x%08x\n", g_random_int (), g_random_int (), g_random_int (),
                            g_random_int (), g_random_int ());
  amend_test_write (dir, "bijlage.txt", text->str);
  g_free (amend_test_git_ok (dir, "add", "bijlage.txt", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Bijlage", NULL));
}

/* Runs amend with --progress, sends SIGINT once it receives, and returns
 * its exit status. */
static int
interrupt_when_receiving (const char *cwd,
                          const char *first,
                          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) amend = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen = FALSE;
  char *line;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("AMEND_BIN"));
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, (gpointer) "--progress");
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  amend = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (amend));
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, NULL)) != NULL)
    {
      if (!seen && g_str_has_prefix (line, "Receiving objects"))
        {
          seen = TRUE;
          g_subprocess_send_signal (amend, SIGINT);
        }
      else if (seen)
        g_assert_true (g_str_has_prefix (line, "Receiving objects") || g_str_has_prefix (line, "amend: cancelled"));
      g_free (line);
    }
  g_subprocess_wait (amend, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (seen);
  return g_subprocess_get_exit_status (amend);
}

static void
test_cancel (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *root = g_build_filename (parent, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *url = NULL;
  g_autofree char *before = NULL;
  g_autoptr(AmendTestServer) server = NULL;

  if (!amend_test_need_git ())
    return;
  a = make_project (parent);
  amend_ok (parent, "clone", bare, "b", NULL);
  b = g_build_filename (parent, "b", NULL);
  add_large_file (a);
  g_free (amend_test_git_ok (a, "push", "-q", bare, "main", NULL));
  server = amend_test_server_http (root, NULL, NULL, 100000);
  url = amend_test_server_url (server, "apv.git");

  /* A clone stopped half way leaves no folder. */
  g_assert_cmpint (interrupt_when_receiving (parent, "clone", url, "c", NULL), ==, 130);
  amend_test_assert_listing (parent, "a b server");

  /* A pull stopped half way leaves the project as it was. */
  amend_ok (b, "remote", "add", "traag", url, NULL);
  before = snapshot (b);
  g_assert_cmpint (interrupt_when_receiving (b, "pull", "traag", NULL), ==, 130);
  assert_unchanged (b, before);
  g_clear_pointer (&server, amend_test_server_stop);
  amend_test_rmtree (parent);
}

/* ----------------------------------------------------------------------- */

static void
test_remote (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-sync");
  g_autofree char *a = g_build_filename (parent, "a", NULL);
  g_auto(AmendTestRun) run = { 0 };

  if (!amend_test_need_git ())
    return;
  amend_ok (parent, "init", "a", NULL);
  amend_run (&run, a, "remote");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "");
  amend_ok (a, "remote", "add", "gemeente", "https://git.example.nl/apv.git", NULL);
  amend_run (&run, a, "remote", "list");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "gemeente\thttps://git.example.nl/apv.git\n");
  amend_run (&run, a, "remote", "add", "gemeente", "https://elders.example.nl/apv.git");
  assert_refused (&run, 4, "already has a remote called gemeente");
  amend_run (&run, a, "remote", "remove", "elders");
  assert_refused (&run, 4, "no remote called elders");
  amend_run (&run, a, "remote", "remove", "gemeente");
  assert_ok (&run);
  amend_run (&run, a, "pull");
  assert_refused (&run, 4, "amend remote add");
  amend_run (&run, a, "remote", "rename", "x");
  g_assert_cmpint (run.status, ==, 2);
  amend_test_rmtree (parent);
}

int
main (int    argc,
      char **argv)
{
  amend_test_git_setup_env ();
  g_unsetenv ("GIT_ASKPASS");
  g_unsetenv ("SSH_ASKPASS");
  g_unsetenv ("SSH_AUTH_SOCK");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-sync/help", test_help);
  g_test_add_func ("/cli-sync/package/exchange", test_package_exchange);
  g_test_add_func ("/cli-sync/package/comments", test_package_comments);
  g_test_add_func ("/cli-sync/package/import-while-adopting", test_package_import_while_adopting);
  g_test_add_func ("/cli-sync/waits-for-other-amend", test_waits_for_other_amend);
  g_test_add_func ("/cli-sync/package/open", test_package_open);
  g_test_add_func ("/cli-sync/package/bad-input", test_package_bad_input);
  g_test_add_func ("/cli-sync/package/export-special", test_package_export_special);
  g_test_add_func ("/cli-sync/pull-damaged-record", test_pull_damaged_record);
  g_test_add_func ("/cli-sync/remote", test_remote);
  g_test_add_func ("/cli-sync/git-daemon", test_daemon);
  g_test_add_func ("/cli-sync/git-daemon/conflict", test_daemon_conflict);
  g_test_add_func ("/cli-sync/git-daemon/branch-names", test_daemon_branch_names);
  g_test_add_func ("/cli-sync/git-daemon/merge-killed", test_daemon_merge_killed);
  g_test_add_func ("/cli-sync/http", test_http);
  g_test_add_func ("/cli-sync/http/credential-helper", test_http_credential_helper);
  g_test_add_func ("/cli-sync/ssh", test_ssh);
  g_test_add_func ("/cli-sync/timeout", test_timeout);
  g_test_add_func ("/cli-sync/cancel", test_cancel);

  return g_test_run ();
}
