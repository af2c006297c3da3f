/* test-gui-restart.c: amend-gui killed with unsaved text, and started again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * amend-gui runs as a separate process under the same display.  The
 * typing is done by amend-gui's test hook AMEND_TEST_TYPE (see
 * amend-window.c, test_hooks), the text it shows after the restart is read
 * through AMEND_TEST_REPORT.  Settings come from a keyfile with an
 * autosave interval of one second.
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "amend-draft-store.h"
#include "amend-example.h"
#include "amend-test-git.h"

#define TYPED " Door de test getypt en nooit bewaard."

typedef struct {
  const char *path;
  const char *needle;
} FileWait;

static gboolean
file_has (gpointer data)
{
  FileWait *w = data;
  g_autofree char *text = NULL;

  return g_file_get_contents (w->path, &text, NULL, NULL) && strstr (text, w->needle) != NULL;
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data,
          guint      seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_usleep (50 * 1000);
    }
  return TRUE;
}

static GSubprocess *
start_gui (const char *home,
           const char *dir,
           const char *out,
           const char *type,
           const char *report)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "AMEND_TEST_TYPE");
  g_subprocess_launcher_unsetenv (launcher, "AMEND_TEST_REPORT");
  if (type)
    g_subprocess_launcher_setenv (launcher, "AMEND_TEST_TYPE", type, TRUE);
  if (report)
    g_subprocess_launcher_setenv (launcher, "AMEND_TEST_REPORT", report, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("AMEND_GUI_BIN"), dir, NULL);
  g_assert_no_error (error);
  return proc;
}

static void
test_kill_and_restart (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("AMEND_SOURCE_DIR"), "data", "example", "apv-lindewaarde.md", NULL);
  g_autofree char *home = amend_test_tmpdir ("amend-restart");
  g_autofree char *dir = g_build_filename (home, "voorbeeld", NULL);
  g_autofree char *out = g_build_filename (home, "out.txt", NULL);
  g_autofree char *report = g_build_filename (home, "report.txt", NULL);
  g_autofree char *drafts_dir = g_build_filename (home, "data", "amend", "drafts", NULL);
  g_autofree char *draft = NULL;
  g_autofree char *top = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *status = NULL;
  g_autofree char *head = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendDraftStore) store = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  FileWait typed = { out, "amend-test: typed" };
  FileWait drafted = { NULL, TYPED };
  FileWait reported = { report, "restored=" };

  repo = amend_example_create (source, dir, &error);
  g_assert_no_error (error);
  top = g_strdup (amend_repository_get_path (repo));
  amend_test_write (home, "config/glib-2.0/settings/keyfile",
                    "[io/github/amend/Amend]\nautosave-interval=1\n");

  /* Type, wait for the copy on the timer, and kill without warning. */
  first = start_gui (home, dir, out, TYPED, NULL);
  g_assert_true (wait_for (file_has, &typed, 120));
  store = amend_draft_store_new (drafts_dir);
  head = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);
  g_strchomp (head);
  /* Kept under the branch and the version the text was typed on. */
  draft = amend_draft_store_path (store, top, "main", "apv-lindewaarde.md", head);
  drafted.path = draft;
  /* Generous: on a loaded machine the timer and the first frame are slow. */
  g_assert_true (wait_for (file_has, &drafted, 120));
  g_subprocess_send_signal (first, SIGKILL);
  g_subprocess_wait (first, NULL, NULL);
  g_assert_false (g_subprocess_get_successful (first));

  /* Nothing unsaved reached the working copy. */
  on_disk = amend_test_read (dir, "apv-lindewaarde.md");
  g_assert_null (strstr (on_disk, TYPED));
  status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* Started again, the window has the typed text back. */
  second = start_gui (home, dir, out, NULL, report);
  g_assert_true (wait_for (file_has, &reported, 120));
  shown = amend_test_read (home, "report.txt");
  g_assert_true (g_str_has_prefix (shown, "restored=1\n"));
  g_assert_nonnull (strstr (shown, "Beslistermijn" TYPED));
  g_subprocess_send_signal (second, SIGTERM);
  g_subprocess_wait (second, NULL, NULL);
  amend_test_rmtree (home);
}

int
main (int    argc,
      char **argv)
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui/kill-and-restart", test_kill_and_restart);
  return g_test_run ();
}
