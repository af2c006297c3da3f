/* test-kill.c: a kill at any moment leaves the old state, the new one, or
 * one the next command finishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every writing command (save, propose, switch, switch --save, submit,
 * withdraw) is killed with SIGKILL at each step of its journal
 * (AMEND_KILL_AT=OPERATION:STEP, amend-journal.h), in a copy of one
 * project.  Then the next command (amend status) runs, and the project
 * must be in the state before the command or in the state the command
 * makes when it is not killed (which a second copy shows): the same
 * branches, HEAD, git status, files and record statuses.  git fsck
 * --strict finds nothing, and nothing is left behind (no *.lock, no
 * tmp_object_git2_*, no journal, no half-written file).  When the state is
 * the old one, running the command again gives the new one.
 *
 * AMEND_KILL_RANDOM=N adds a slower case: each command killed at a random
 * moment N times (between 0 and twice the time it takes).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <utime.h>

#include "amend-test-cli.h"
#include "amend-test-git.h"

typedef struct {
  const char *name;
  gboolean    edit;          /* regeling.md and b.md edited, not saved, first */
  const char *prepare[3];    /* an amend command run first */
  const char *op[5];         /* the command killed */
  const char *points[10];    /* OPERATION:STEP, each reached by the command */
  const char *middle[5];     /* a command of two operations: the first alone, a state it may stop in */
} Scenario;

static const Scenario scenarios[] = {
  { "save", TRUE, { NULL }, { "save", "-m", "Wijziging", NULL },
    { "save:objects", "save:journal", "save:ref", "save:index", "save:done", NULL } },
  { "propose", FALSE, { NULL }, { "propose", "Twee", NULL },
    { "propose:objects", "propose:journal", "propose:ref", "propose:file", "propose:working-copy",
      "propose:head", "propose:done", NULL } },
  { "switch", FALSE, { NULL }, { "switch", "een", NULL },
    { "switch:objects", "switch:journal", "switch:file", "switch:working-copy", "switch:head", "switch:done",
      NULL } },
  { "switch-save", TRUE, { NULL }, { "switch", "een", "--save", NULL },
    { "save:journal", "save:ref", "save:index", "switch:journal", "switch:file", "switch:head", NULL },
    { "save", "-m", "Save before switching to amendement/een", NULL } },
  { "submit", FALSE, { "switch", "een", NULL }, { "submit", NULL },
    { "submit:objects", "submit:journal", "submit:ref", "submit:file", "submit:working-copy", "submit:done",
      NULL } },
  { "withdraw", FALSE, { NULL }, { "withdraw", "een", NULL },
    { "withdraw:objects", "withdraw:journal", "withdraw:ref", "withdraw:done", NULL } },
};

static char *template_dir;

/* ------------------------------------------------------------------------ */
/* Running amend and git                                                     */
/* ------------------------------------------------------------------------ */

static void
amend_in (AmendTestRun       *run,
          const char         *dir,
          const char         *kill_at,
          const char * const *args)
{
  g_autofree char *kill_env = kill_at ? g_strconcat ("AMEND_KILL_AT=", kill_at, NULL) : g_strdup ("AMEND_KILL_AT");
  const char *env[] = { kill_env, NULL };
  AmendTestRunOptions options = { .cwd = dir, .env = env };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("AMEND_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  amend_test_run_argv (run, &options, (const char * const *) argv->pdata);
}

static void
amend_ok (const char         *dir,
          const char * const *args)
{
  g_auto(AmendTestRun) run = { 0 };

  amend_in (&run, dir, NULL, args);
  if (run.status != 0)
    g_error ("amend %s failed with %d: %s", args[0], run.status, run.err);
}

static void
copy_tree (const char *from,
           const char *to)
{
  const char *argv[] = { "cp", "-a", from, to, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
replace_in (const char *dir,
            const char *file,
            const char *from,
            const char *to)
{
  g_autofree char *text = amend_test_read (dir, file);
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  g_autofree char *joined = NULL;

  g_assert_cmpuint (g_strv_length (parts), >=, 2);
  joined = g_strjoinv (to, parts);
  amend_test_write (dir, file, joined);
}

/* ------------------------------------------------------------------------ */
/* What a project is                                                         */
/* ------------------------------------------------------------------------ */

static void
list_files (const char *top,
            const char *rel,
            GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (top, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = *rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (top, child, NULL);

      if (strcmp (child, ".git") == 0)
        continue;
      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        list_files (top, child, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* A record says its status; its dates depend on the second it was
 * written in, so only the status counts. */
static char *
file_summary (const char *dir,
              const char *rel)
{
  g_autofree char *text = amend_test_read (dir, rel);
  const char *status;

  if (!g_str_has_suffix (rel, "amendement.ini"))
    return g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);
  status = strstr (text, "status=");
  g_assert_nonnull (status);
  return g_strndup (status, strcspn (status, "\n"));
}

/* HEAD, the branches (with the subject of their tips and how many commits
 * there are), git status, and the files of the working copy. */
static char *
fingerprint (const char *dir)
{
  GString *s = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autofree char *refs = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname) %(subject)", NULL);
  g_autofree char *count = amend_test_git_ok (dir, "rev-list", "--all", "--count", NULL);
  g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", "--untracked-files=all", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  amend_test_git (dir, &head, NULL, "symbolic-ref", "-q", "HEAD", NULL);
  g_string_append_printf (s, "HEAD %s%s%s commits\n-- git status\n%s-- files\n", head, refs, count, status);
  list_files (dir, "", files);
  g_ptr_array_sort (files, compare_strings);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *summary = file_summary (dir, g_ptr_array_index (files, i));
      g_string_append_printf (s, "%s %s\n", (char *) g_ptr_array_index (files, i), summary);
    }
  return g_string_free (s, FALSE);
}

/* Nothing a killed Amend may leave: locks, libgit2's temporary objects,
 * a journal, a file half written. */
static void
find_leftovers (const char *top,
                const char *rel,
                GString    *found)
{
  g_autofree char *path = g_build_filename (top, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = *rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (top, child, NULL);

      if (g_str_has_suffix (name, ".lock") || g_str_has_prefix (name, "tmp_object_git2_") ||
          g_str_has_suffix (name, ".amend-new") || g_str_has_prefix (name, "journal"))
        g_string_append_printf (found, " %s", child);
      if (g_file_test (full, G_FILE_TEST_IS_DIR) && !g_file_test (full, G_FILE_TEST_IS_SYMLINK))
        find_leftovers (top, child, found);
    }
}

static void
assert_clean (const char *dir)
{
  g_autoptr(GString) found = g_string_new (NULL);
  g_autofree char *err = NULL;
  g_autofree char *lock = NULL;
  int status = amend_test_git (dir, NULL, &err, "fsck", "--strict", "--no-dangling", NULL);

  if (status != 0 || strstr (err, "bad sha1") != NULL || strstr (err, "garbage") != NULL)
    g_error ("git fsck --strict in %s: status %d\n%s", dir, status, err);
  find_leftovers (dir, "", found);
  if (found->len > 0)
    g_error ("left behind in %s:%s", dir, found->str);
  lock = amend_test_read (dir, ".git/amend/lock");
  g_assert_cmpstr (lock, ==, "");
}

/* ------------------------------------------------------------------------ */
/* Scenarios                                                                 */
/* ------------------------------------------------------------------------ */

/* main with regeling.md and b.md; the amendment "een" changes both; the
 * working copy on main. */
static void
make_template (void)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-kill");
  const char *init[] = { "init", "project", NULL };
  const char *save_b[] = { "save", "-m", "Tweede regeling", NULL };
  const char *propose[] = { "propose", "Een", NULL };
  const char *save[] = { "save", "-m", "Een wijzigt", NULL };
  const char *to_main[] = { "switch", "main", NULL };
  g_autofree char *text = NULL;

  template_dir = g_build_filename (parent, "project", NULL);
  amend_ok (parent, init);
  text = amend_test_read (template_dir, "regeling.md");
  amend_test_write (template_dir, "b.md", text);
  amend_ok (template_dir, save_b);
  amend_ok (template_dir, propose);
  replace_in (template_dir, "regeling.md", "college", "bestuur");
  replace_in (template_dir, "b.md", "raad", "gemeenteraad");
  amend_ok (template_dir, save);
  amend_ok (template_dir, to_main);
}

/* A copy of the template in its own folder, prepared for @sc. */
static char *
prepared_copy (const Scenario *sc,
               const char     *tag)
{
  g_autofree char *parent = amend_test_tmpdir ("amend-kill-run");
  char *dir = g_build_filename (parent, tag, NULL);

  copy_tree (template_dir, dir);
  if (sc->prepare[0])
    amend_ok (dir, sc->prepare);
  if (sc->edit)
    {
      replace_in (dir, "regeling.md", "bekendmaking", "publicatie");
      replace_in (dir, "b.md", "Citeertitel", "Naam");
    }
  return dir;
}

static void
remove_copy (const char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  amend_test_rmtree (parent);
}

typedef struct {
  char *old_state;
  char *new_state;
  char *middle_state;
} States;

static void
states_clear (States *st)
{
  g_clear_pointer (&st->old_state, g_free);
  g_clear_pointer (&st->new_state, g_free);
  g_clear_pointer (&st->middle_state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (States, states_clear)

/* The state before @sc's command and after it, undisturbed. */
static void
states_of (const Scenario *sc,
           States         *st)
{
  g_autofree char *dir = prepared_copy (sc, "reference");

  memset (st, 0, sizeof *st);
  st->old_state = fingerprint (dir);
  amend_ok (dir, sc->op);
  st->new_state = fingerprint (dir);
  assert_clean (dir);
  g_assert_cmpstr (st->old_state, !=, st->new_state);
  remove_copy (dir);
  if (sc->middle[0])
    {
      g_autofree char *mid = prepared_copy (sc, "middle");

      amend_ok (mid, sc->middle);
      st->middle_state = fingerprint (mid);
      remove_copy (mid);
    }
}

/* After a kill: the next command, then old or new state; from the old
 * one the command again gives the new one.  Returns TRUE for the new. */
static gboolean
check_after_kill (const Scenario *sc,
                  const States   *st,
                  const char     *dir,
                  const char     *what)
{
  const char *status[] = { "status", NULL };
  g_auto(AmendTestRun) next = { 0 };
  g_autofree char *now = NULL;

  amend_in (&next, dir, NULL, status);
  if (next.status != 0)
    g_error ("%s: amend status after the kill failed with %d: %s", what, next.status, next.err);
  now = fingerprint (dir);
  assert_clean (dir);
  if (g_strcmp0 (now, st->new_state) == 0)
    return TRUE;
  if (g_strcmp0 (now, st->old_state) != 0 && g_strcmp0 (now, st->middle_state) != 0)
    g_error ("%s: after the kill and amend status the project is neither as before nor as after:\n%s\n"
             "-- before:\n%s\n-- after:\n%s\n(amend status said: %s%s)",
             what, now, st->old_state, st->new_state, next.out, next.err);
  amend_ok (dir, sc->op);
  now = (g_free (now), fingerprint (dir));
  g_assert_cmpstr (now, ==, st->new_state);
  assert_clean (dir);
  return FALSE;
}

static void
test_kill_points (gconstpointer data)
{
  const Scenario *sc = data;
  g_auto(States) st = { 0 };
  guint n_new = 0;

  if (!amend_test_have_git ())
    {
      g_test_skip ("the git program is not installed; the tests check Amend's repositories against it");
      return;
    }
  states_of (sc, &st);
  for (guint i = 0; sc->points[i]; i++)
    {
      g_autofree char *dir = prepared_copy (sc, "killed");
      g_autofree char *what = g_strdup_printf ("%s killed at %s", sc->name, sc->points[i]);
      g_auto(AmendTestRun) run = { 0 };

      amend_in (&run, dir, sc->points[i], sc->op);
      if (run.signal != SIGKILL)
        g_error ("%s: the command was not killed there (status %d): %s", what, run.status, run.err);
      n_new += check_after_kill (sc, &st, dir, what);
      remove_copy (dir);
    }
  g_test_message ("%s: %u kill points, %u left the new state", sc->name, (guint) g_strv_length ((char **) sc->points),
                  n_new);
  /* A kill before the journal leaves the old state, a kill after it the
   * new one (finished by the next command): both must have happened. */
  g_assert_cmpuint (n_new, >, 0);
  g_assert_cmpuint (n_new, <, g_strv_length ((char **) sc->points));
}

/* A file changed after a kill is not overwritten: the next command says
 * what to do, and doing it finishes the switch. */
static void
test_kill_then_edit (void)
{
  const Scenario *sc = &scenarios[2];
  g_autofree char *dir = NULL;
  g_auto(AmendTestRun) run = { 0 };
  g_auto(AmendTestRun) next = { 0 };
  g_auto(AmendTestRun) save = { 0 };
  g_auto(States) st = { 0 };
  const char *status[] = { "status", NULL };
  const char *save_args[] = { "save", NULL };
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  const char *start, *end;
  g_auto(GStrv) argv = NULL;

  if (!amend_test_have_git ())
    {
      g_test_skip ("the git program is not installed; the tests check Amend's repositories against it");
      return;
    }
  g_assert_cmpstr (sc->name, ==, "switch");
  states_of (sc, &st);
  dir = prepared_copy (sc, "edited");
  amend_in (&run, dir, "switch:file", sc->op);
  g_assert_cmpint (run.signal, ==, SIGKILL);
  /* Someone edits b.md before any command runs. */
  text = amend_test_read (dir, "b.md");
  amend_test_write (dir, "b.md", "# Iets anders\n");

  amend_in (&next, dir, NULL, status);
  g_assert_cmpint (next.status, ==, 0);
  g_assert_nonnull (strstr (next.out, "Amend was interrupted while switching to"));
  amend_in (&save, dir, NULL, save_args);
  g_assert_cmpint (save.status, ==, 4);
  g_assert_nonnull (strstr (save.err, "b.md changed since"));
  /* The way out is a command to run. */
  start = strstr (save.err, "\xe2\x80\x9cgit checkout ");
  g_assert_nonnull (start);
  start += strlen ("\xe2\x80\x9c");
  end = strstr (start, "\xe2\x80\x9d");
  command = g_strndup (start, end - start);
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, NULL));
  {
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    int wait = 0;

    g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &wait, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait, NULL));
  }
  g_assert_true (check_after_kill (sc, &st, dir, "switch killed, b.md edited, the way out followed"));
  remove_copy (dir);
}

/* What a writer killed inside libgit2 leaves (a ref lock, a temporary
 * object, a lock record saying it held the lock) is removed by the next
 * command, which says so; a lock older than that writer is not Amend's
 * and stays, explained. */
static void
test_leftovers (void)
{
  const Scenario *sc = &scenarios[0];
  g_autofree char *dir = NULL;
  g_autofree char *old_lock = NULL;
  g_autofree char *record = NULL;
  g_auto(AmendTestRun) next = { 0 };
  g_auto(AmendTestRun) save = { 0 };
  const char *status[] = { "status", NULL };
  g_autofree char *objects = NULL;
  GStatBuf st;
  struct utimbuf past = { 1000000000, 1000000000 };

  if (!amend_test_have_git ())
    {
      g_test_skip ("the git program is not installed; the tests check Amend's repositories against it");
      return;
    }
  dir = prepared_copy (sc, "leftovers");
  old_lock = g_build_filename (dir, ".git", "refs", "heads", "amendement", "een.lock", NULL);
  amend_test_write (dir, ".git/refs/heads/amendement/een.lock", "");
  g_assert_cmpint (g_utime (old_lock, &past), ==, 0);
  record = g_strdup_printf ("999999 %" G_GINT64_FORMAT "\n", g_get_real_time () - G_USEC_PER_SEC);
  amend_test_write (dir, ".git/amend/lock", record);
  amend_test_write (dir, ".git/refs/heads/main.lock", "");
  amend_test_write (dir, ".git/objects/tmp_object_git2_aBcDeF", "");

  amend_in (&next, dir, NULL, status);
  g_assert_cmpint (next.status, ==, 0);
  g_assert_nonnull (strstr (next.err, "removed 2 files an interrupted Amend left"));
  objects = g_build_filename (dir, ".git", "objects", "tmp_object_git2_aBcDeF", NULL);
  g_assert_false (g_file_test (objects, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (old_lock, &st), ==, 0);
  /* That lock is someone else's: submitting een is refused with what to do. */
  {
    const char *withdraw[] = { "withdraw", "een", NULL };

    amend_in (&save, dir, NULL, withdraw);
    g_assert_cmpint (save.status, ==, 4);
    g_assert_nonnull (strstr (save.err, "remove the lock file if no git program is running"));
  }
  g_unlink (old_lock);
  amend_ok (dir, (const char *[]) { "save", NULL });
  assert_clean (dir);
  remove_copy (dir);
}

/* ------------------------------------------------------------------------ */
/* Random moments                                                            */
/* ------------------------------------------------------------------------ */

static void
test_kill_random (gconstpointer data)
{
  const Scenario *sc = data;
  guint n = atoi (g_getenv ("AMEND_KILL_RANDOM"));
  g_auto(States) st = { 0 };
  gint64 took;
  guint n_new = 0, n_killed = 0;

  states_of (sc, &st);
  {
    g_autofree char *dir = prepared_copy (sc, "timed");
    gint64 start = g_get_monotonic_time ();

    amend_ok (dir, sc->op);
    took = g_get_monotonic_time () - start;
    remove_copy (dir);
  }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *dir = prepared_copy (sc, "random");
      g_autofree char *what = g_strdup_printf ("%s killed at random (run %u)", sc->name, i);
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                           G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (argv, (char *) g_getenv ("AMEND_BIN"));
      for (guint k = 0; sc->op[k]; k++)
        g_ptr_array_add (argv, (char *) sc->op[k]);
      g_ptr_array_add (argv, NULL);
      g_subprocess_launcher_set_cwd (launcher, dir);
      g_subprocess_launcher_unsetenv (launcher, "AMEND_KILL_AT");
      proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_usleep (g_random_int_range (0, (int) MAX (2 * took, 1000)));
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      n_killed += g_subprocess_get_if_signaled (proc);
      n_new += check_after_kill (sc, &st, dir, what);
      remove_copy (dir);
    }
  g_test_message ("%s: %u runs (%u killed before their end), %u left the new state; the command takes %" G_GINT64_FORMAT
                  " us", sc->name, n, n_killed, n_new, took);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  amend_test_git_setup_env ();
  if (amend_test_have_git ())
    make_template ();
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kill/%s", scenarios[i].name);
      g_test_add_data_func (path, &scenarios[i], test_kill_points);
    }
  g_test_add_func ("/kill/edited-after", test_kill_then_edit);
  g_test_add_func ("/kill/leftovers", test_leftovers);
  if (g_getenv ("AMEND_KILL_RANDOM") && amend_test_have_git ())
    for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
      {
        g_autofree char *path = g_strdup_printf ("/kill/random/%s", scenarios[i].name);
        g_test_add_data_func (path, &scenarios[i], test_kill_random);
      }
  status = g_test_run ();
  if (template_dir)
    {
      g_autofree char *parent = g_path_get_dirname (template_dir);
      amend_test_rmtree (parent);
    }
  return status;
}
