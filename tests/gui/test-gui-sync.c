/* test-gui-sync.c: packages and remotes in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb: an amendment handed in through the review page's menu (the
 * file chooser answered as a person would answer it), the package taken
 * into another copy of the project through Open Package and by a drop on
 * the window, a push and a pull through the actions with their progress
 * dialog, against a bare repository and against git http-backend asking
 * for a password, a pull that stops at a conflict in the draft and is
 * finished on the Conflicts page (tests/amend-test-server.c), and a pull stopped with
 * Cancel.  The git program judges: git bundle verify, the refs, git fsck.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amend-conflicts-page.h"
#include "amend-example.h"
#include "amend-gui-test.h"
#include "amend-test-git.h"
#include "amend-test-server.h"

#define SLUG      AMEND_EXAMPLE_AMENDMENT_SLUG
#define BRANCH    "amendement/" AMEND_EXAMPLE_AMENDMENT_SLUG
#define FILE_NAME "apv-lindewaarde.md"

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type,
           guint      nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && nth == 0)
        return child;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        nth--;
      else if ((found = find_type (child, type, nth)))
        return found;
    }
  return NULL;
}

static void
press (GtkWidget *button)
{
  g_assert_nonnull (button);
  if (amend_gui_have_xdotool ())
    amend_gui_click (button);
  else
    g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (amend_gui_have_xdotool ())
    {
      gtk_widget_grab_focus (widget);
      amend_gui_type_keys (widget, text);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
not_busy (gpointer data)
{
  AmendGuiFixture *f = data;

  return !amend_window_is_busy (f->window);
}

static void
wait_done (AmendGuiFixture *f)
{
  amend_gui_spin (300);
  g_assert_true (amend_gui_wait (not_busy, f, 90));
  amend_gui_spin (300);
}

static gboolean
has_heading (gpointer data)
{
  AmendGuiFixture *f = data;
  const char *heading = g_object_get_data (G_OBJECT (f->window), "want-heading");
  GtkWindow *dialog = amend_window_get_dialog (f->window);

  return dialog && ADW_IS_MESSAGE_DIALOG (dialog) && gtk_widget_get_mapped (GTK_WIDGET (dialog)) &&
         g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), heading) == 0;
}

/* The dialog with @heading, once it is there. */
static AdwMessageDialog *
wait_heading (AmendGuiFixture *f,
              const char      *heading)
{
  g_object_set_data_full (G_OBJECT (f->window), "want-heading", g_strdup (heading), g_free);
  if (!amend_gui_wait (has_heading, f, 60))
    {
      GtkWindow *shown = amend_window_get_dialog (f->window);

      g_error ("no dialog “%s” (last error: %s; shown: %s: %s)", heading,
               amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none",
               ADW_IS_MESSAGE_DIALOG (shown) ? adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (shown)) : "none",
               ADW_IS_MESSAGE_DIALOG (shown) ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (shown)) : "");
    }
  amend_gui_spin (300);
  return ADW_MESSAGE_DIALOG (amend_window_get_dialog (f->window));
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("\"%s\" is not in:\n%s", needle, haystack ? haystack : "(null)");
}

static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkModelButton") && gtk_widget_get_mapped (child))
        {
          g_autofree char *label = NULL;

          g_object_get (child, "text", &label, NULL);
          if (g_strcmp0 (label, text) == 0)
            return child;
        }
      if ((found = find_menu_item (child, text)))
        return found;
    }
  return NULL;
}

static gboolean
chosen (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* Picks @path in the chooser as a click in its list would; the chooser
 * reads the folder first. */
static void
choose_file (GtkFileChooser *chooser,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_file_chooser_set_file (chooser, file, NULL);
  g_assert_true (amend_gui_wait (chosen, chooser, 10));
}

/* A copy of the project with main only, as another municipality's or a
 * colleague's would be before the amendment reached it. */
static char *
clone_main (AmendGuiFixture *f,
            const char      *name)
{
  char *dir = g_build_filename (f->tmp, name, NULL);

  g_free (amend_test_git_ok (f->tmp, "clone", "-q", "--single-branch", "--branch", "main", f->dir, dir, NULL));
  return dir;
}

/* Hands the example's amendment in through the review page's menu; the
 * package's path. */
static char *
hand_in (AmendGuiFixture *f)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  GtkWidget *more;
  GtkPopover *popover;
  GtkWidget *item = NULL;
  GtkFileChooser *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *parent = g_path_get_dirname (f->dir);
  char *package = g_build_filename (f->tmp, SLUG ".amend", NULL);

  amend_window_show_page (f->window, "amendments");
  amend_gui_spin (300);
  g_assert_true (amend_gui_wait (not_busy, f, 60));
  while (amend_amendments_page_is_busy (page))
    amend_gui_spin (100);
  press (amend_amendments_page_get_row (page, SLUG));
  while (amend_amendments_page_is_busy (page))
    amend_gui_spin (100);
  more = amend_review_page_get_button (amend_amendments_page_get_review (page), "more");
  press (more);
  amend_gui_spin (400);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (more));
  item = find_menu_item (GTK_WIDGET (popover), "Hand In Amendment…");
  press (item);
  amend_gui_spin (300);
  chooser = amend_window_get_file_chooser (f->window);
  g_assert_nonnull (chooser);
  /* Offered beside the project, named after the amendment. */
  folder = gtk_file_chooser_get_current_folder (chooser);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, parent);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, SLUG ".amend");
  {
    g_autoptr(GFile) file = g_file_new_for_path (package);

    gtk_file_chooser_set_file (chooser, file, NULL);
  }
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  wait_done (f);
  g_assert_true (g_file_test (package, G_FILE_TEST_IS_REGULAR));
  return package;
}

/* ----------------------------------------------------------------------- */

static void
test_hand_in_and_open (AmendGuiFixture *f,
                       gconstpointer    data)
{
  g_autofree char *package = hand_in (f);
  g_autofree char *other = clone_main (f, "andere-kopie");
  g_autofree char *verify = NULL;
  g_autofree char *text = NULL;
  GtkFileChooser *chooser;
  AdwMessageDialog *report;

  /* git reads it: a bundle whose prerequisites the other copy has. */
  verify = amend_test_git_ok (other, "bundle", "verify", package, NULL);
  g_assert_false (amend_test_git (other, NULL, NULL, "rev-parse", "--verify", "-q", BRANCH, NULL) == 0);

  /* The other copy in the window; Open Package… takes it in. */
  amend_window_open (f->window, other);
  amend_gui_wait_idle (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-package", NULL);
  amend_gui_spin (300);
  chooser = amend_window_get_file_chooser (f->window);
  g_assert_nonnull (chooser);
  choose_file (chooser, package);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  report = wait_heading (f, "Package Taken In");
  assert_has (adw_message_dialog_get_body (report), "New: “Kortere beslistermijn”");
  press (find_button (GTK_WIDGET (report), "_Close"));
  wait_done (f);
  text = amend_test_git_ok (other, "show", BRANCH ":" FILE_NAME, NULL);
  assert_has (text, "binnen zes weken");
  amend_test_fsck (other);

  /* The same package again: already here, nothing changed. */
  amend_window_open_package (f->window, package);
  report = wait_heading (f, "Package Taken In");
  assert_has (adw_message_dialog_get_body (report), "Up to date: “Kortere beslistermijn”");
}

/* amend in @dir, as the officer runs it in the municipality's copy. */
static void
amend_in (const char *dir,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("AMEND_BIN"));
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, (char *) dir);
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("amend %s: %s", (char *) g_ptr_array_index (argv, 3), err);
}

/* The amendment comes back from the officer with a comment and no new
 * text: the report says a comment came, so the group knows to read it. */
static void
test_comment_comes_back (AmendGuiFixture *f,
                         gconstpointer    data)
{
  g_autofree char *officer = clone_main (f, "gemeente");
  g_autofree char *out = g_build_filename (f->tmp, "ingediend.amend", NULL);
  g_autofree char *back = g_build_filename (f->tmp, "terug.amend", NULL);
  AdwMessageDialog *report;

  g_assert_cmpint (amend_gui_cli (f, NULL, "package", "export", SLUG, "-o", out, NULL), ==, 0);
  amend_in (officer, "package", "import", out, NULL);
  amend_in (officer, "comment", "add", SLUG, "--author", "Beleidsmedewerker Jansen <jansen@lindewaarde.example>",
            "-m", "Kunt u de kortere termijn onderbouwen?", NULL);
  amend_in (officer, "package", "export", SLUG, "-o", back, NULL);
  amend_window_open_package (f->window, back);
  report = wait_heading (f, "Package Taken In");
  assert_has (adw_message_dialog_get_body (report),
              "Updated: “Kortere beslistermijn”, 1 new version; 1 new comment, beside its changes on the Amendments page");
}

/* Both sides added to the amendment (the group a reply, the officer a
 * comment): the import keeps both, and the two, one title, are told apart
 * by their names in the lists, where they were two rows alike. */
static void
test_both_kept_told_apart (AmendGuiFixture *f,
                           gconstpointer    data)
{
  g_autofree char *officer = clone_main (f, "gemeente");
  g_autofree char *out = g_build_filename (f->tmp, "ingediend.amend", NULL);
  g_autofree char *back = g_build_filename (f->tmp, "terug.amend", NULL);
  AdwMessageDialog *report;

  g_assert_cmpint (amend_gui_cli (f, NULL, "package", "export", SLUG, "-o", out, NULL), ==, 0);
  amend_in (officer, "package", "import", out, NULL);
  amend_in (officer, "comment", "add", SLUG, "--author", "Beleidsmedewerker Jansen <jansen@lindewaarde.example>",
            "-m", "Waarom zes weken?", NULL);
  amend_in (officer, "package", "export", SLUG, "-o", back, NULL);
  g_assert_cmpint (amend_gui_cli (f, NULL, "comment", "add", SLUG, "-m", "Een opmerking van ons", NULL), ==, 0);
  wait_done (f);
  amend_window_open_package (f->window, back);
  report = wait_heading (f, "Package Taken In");
  assert_has (adw_message_dialog_get_body (report), "Changed on both sides: “Kortere beslistermijn”");
  press (find_button (GTK_WIDGET (report), "_Close"));
  wait_done (f);
  amend_window_show_page (f->window, "amendments");
  amend_gui_spin (500);
  wait_done (f);
  while (amend_amendments_page_is_busy (amend_window_get_amendments_page (f->window)))
    amend_gui_spin (100);
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window), "Kortere beslistermijn (" SLUG ")"));
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window), "Kortere beslistermijn (" SLUG "-2)"));
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window),
                                          "Applies cleanly to the draft; shares articles with “Kortere beslistermijn ("
                                          SLUG "-2)”"));
}

/* A .amend file dropped on the window. */
static void
test_drop (AmendGuiFixture *f,
           gconstpointer    data)
{
  g_autofree char *package = hand_in (f);
  g_autofree char *other = clone_main (f, "andere-kopie");
  GtkDropTarget *target = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (package);
  GValue value = G_VALUE_INIT;
  gboolean taken = FALSE;
  GListModel *controllers;

  amend_window_open (f->window, other);
  amend_gui_wait_idle (f);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        target = GTK_DROP_TARGET (c);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);
  g_assert_true (gtk_drop_target_get_formats (target) &&
                 gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
  g_value_unset (&value);
  g_assert_true (taken);
  wait_heading (f, "Package Taken In");
  g_assert_cmpint (amend_test_git (other, NULL, NULL, "rev-parse", "--verify", "-q", BRANCH, NULL), ==, 0);
}

/* The first push asks where to; then the draft goes there, and a pull in
 * another copy brings a new version back. */
static void
test_push_pull (AmendGuiFixture *f,
                gconstpointer    data)
{
  g_autofree char *remote = g_build_filename (f->tmp, "gedeeld.git", NULL);
  g_autofree char *other = g_build_filename (f->tmp, "collega", NULL);
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  AdwMessageDialog *dialog;

  g_free (amend_test_git_ok (f->tmp, "init", "-q", "--bare", "--initial-branch=main", remote, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.push", NULL);
  dialog = wait_heading (f, "Where Is the Shared Project?");
  type_into (find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0), remote);
  press (find_button (GTK_WIDGET (dialog), "_Push"));
  dialog = wait_heading (f, "Pushed");
  assert_has (adw_message_dialog_get_body (dialog), "Sent: “the draft”");
  press (find_button (GTK_WIDGET (dialog), "_Close"));
  wait_done (f);
  ours = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);
  theirs = amend_test_git_ok (remote, "rev-parse", "main", NULL);
  g_assert_cmpstr (ours, ==, theirs);

  /* A colleague's copy saves a new version and pushes it with git. */
  g_free (amend_test_git_ok (f->tmp, "clone", "-q", remote, other, NULL));
  g_string_replace (changed, "binnen acht weken na de datum", "binnen zeven weken na de datum", 1);
  amend_test_write (other, FILE_NAME, changed->str);
  g_free (amend_test_git_ok (other, "commit", "-q", "-am", "Zeven weken", NULL));
  g_free (amend_test_git_ok (other, "push", "-q", "origin", "main", NULL));

  /* Pull in the window: the progress dialog, then what came. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.pull", NULL);
  dialog = wait_heading (f, "Pulled");
  assert_has (adw_message_dialog_get_body (dialog), "Updated: “the draft”, 1 new version");
  press (find_button (GTK_WIDGET (dialog), "_Close"));
  wait_done (f);
  amend_gui_wait_idle (f);
  assert_has (amend_test_read (f->dir, FILE_NAME), "binnen zeven weken");
  /* The editor follows the new version of the draft. */
  amend_gui_spin (800);
  amend_gui_wait_idle (f);
  {
    g_autofree char *shown = amend_gui_text (f);

    assert_has (shown, "binnen zeven weken");
  }
  amend_test_fsck (f->dir);
}

static gboolean
conflicts_shown (gpointer data)
{
  AmendGuiFixture *f = data;

  return !amend_window_is_busy (f->window) &&
         amend_conflicts_page_get_state (amend_window_get_conflicts_page (f->window)) != NULL;
}

static gboolean
conflicts_gone (gpointer data)
{
  AmendGuiFixture *f = data;

  return !amend_window_is_busy (f->window) &&
         amend_conflicts_page_get_state (amend_window_get_conflicts_page (f->window)) == NULL;
}

/* The draft changed in the same words here and in the shared project: the
 * pull says so, the Conflicts page names the two drafts, and Continue
 * commits the merge with both as parents. */
static void
test_pull_conflict (AmendGuiFixture *f,
                    gconstpointer    data)
{
  g_autofree char *remote = g_build_filename (f->tmp, "gedeeld.git", NULL);
  g_autofree char *other = g_build_filename (f->tmp, "collega", NULL);
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) theirs = g_string_new (text);
  g_autoptr(GString) ours = g_string_new (text);
  const char *shots = g_getenv ("AMEND_SCREENSHOT_DIR") ? g_getenv ("AMEND_SCREENSHOT_DIR") : "screenshots";
  g_autofree char *png = g_build_filename (shots, "pull-conflicts.png", NULL);
  g_autofree char *second = NULL;
  g_autofree char *tip = NULL;
  AmendConflictsPage *page = amend_window_get_conflicts_page (f->window);
  AmendMergeState *state;
  AdwMessageDialog *dialog;

  g_free (amend_test_git_ok (f->tmp, "init", "-q", "--bare", "--initial-branch=main", remote, NULL));
  g_assert_cmpint (amend_gui_cli (f, NULL, "remote", "add", "origin", remote, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "push", "main", NULL), ==, 0);
  g_free (amend_test_git_ok (f->tmp, "clone", "-q", remote, other, NULL));
  g_string_replace (theirs, "binnen acht weken na de datum", "binnen zeven weken na de datum", 1);
  amend_test_write (other, FILE_NAME, theirs->str);
  g_free (amend_test_git_ok (other, "commit", "-q", "-am", "Zeven weken", NULL));
  g_free (amend_test_git_ok (other, "push", "-q", "origin", "main", NULL));
  g_string_replace (ours, "binnen acht weken na de datum", "binnen vier weken na de datum", 1);
  amend_test_write (f->dir, FILE_NAME, ours->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Vier weken", NULL), ==, 0);
  amend_gui_spin (600);
  amend_gui_wait_idle (f);
  tip = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.pull", NULL);
  dialog = wait_heading (f, "Pulled");
  assert_has (adw_message_dialog_get_body (dialog), "Not merged yet: “the draft”");
  assert_has (adw_message_dialog_get_body (dialog), "Conflicts page");
  press (find_button (GTK_WIDGET (dialog), "_Close"));
  wait_done (f);
  g_assert_true (amend_gui_wait (conflicts_shown, f, 60));
  amend_gui_wait_idle (f);
  state = amend_conflicts_page_get_state (page);
  g_assert_cmpstr (state->command, ==, "pull");
  g_assert_cmpuint (state->unresolved, ==, 1);
  {
    g_autofree char *now = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);

    g_assert_cmpstr (now, ==, tip);
  }
  /* To look at: the page names the two drafts. */
  g_mkdir_with_parents (shots, 0755);
  amend_gui_spin (700);
  amend_gui_save_png (GTK_WIDGET (f->window), png);

  press (amend_conflicts_page_get_button (page, "theirs"));
  amend_gui_spin (300);
  g_assert_true (amend_gui_wait (conflicts_shown, f, 60));
  g_assert_cmpuint (amend_conflicts_page_get_state (page)->unresolved, ==, 0);
  press (amend_conflicts_page_get_button (page, "continue"));
  amend_gui_spin (300);
  g_assert_true (amend_gui_wait (conflicts_gone, f, 60));
  amend_gui_wait_idle (f);
  second = amend_test_git_ok (f->dir, "rev-parse", "main^2", NULL);
  g_free (tip);
  tip = amend_test_git_ok (other, "rev-parse", "main", NULL);
  g_assert_cmpstr (second, ==, tip);
  g_free (text);
  text = amend_test_read (f->dir, FILE_NAME);
  assert_has (text, "binnen zeven weken na de datum");
  amend_test_fsck (f->dir);
}

/* git http-backend asks for a password: the dialog; a wrong one is said,
 * the right one goes through. */
static void
test_password (AmendGuiFixture *f,
               gconstpointer    data)
{
  g_autofree char *root = g_build_filename (f->tmp, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autoptr(AmendTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  AdwMessageDialog *dialog;

  g_mkdir_with_parents (root, 0755);
  g_free (amend_test_git_ok (root, "init", "-q", "--bare", "--initial-branch=main", bare, NULL));
  g_free (amend_test_git_ok (bare, "config", "http.receivepack", "true", NULL));
  server = amend_test_server_http (root, "griffie", "geheim-2027", 0);
  url = amend_test_server_url (server, "apv.git");
  g_assert_cmpint (amend_gui_cli (f, NULL, "remote", "add", "origin", url, NULL), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.push", NULL);
  dialog = wait_heading (f, "User Name and Password");
  type_into (find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0), "griffie");
  type_into (find_type (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, 0), "fout");
  press (find_button (GTK_WIDGET (dialog), "C_onnect"));
  dialog = wait_heading (f, "User Name and Password");
  assert_has (adw_message_dialog_get_body (dialog), "did not accept");
  type_into (find_type (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, 0), "geheim-2027");
  press (find_button (GTK_WIDGET (dialog), "C_onnect"));
  dialog = wait_heading (f, "Pushed");
  wait_done (f);
  ours = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);
  theirs = amend_test_git_ok (bare, "rev-parse", "main", NULL);
  g_assert_cmpstr (ours, ==, theirs);
  /* Nothing of the password in the project. */
  {
    g_autofree char *config = amend_test_read (f->dir, ".git/config");

    g_assert_null (strstr (config, "geheim"));
  }
}

/* Cancel while a slow server sends: nothing changes in the project. */
static void
test_cancel (AmendGuiFixture *f,
             gconstpointer    data)
{
  g_autofree char *root = g_build_filename (f->tmp, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autoptr(AmendTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = g_build_filename (f->tmp, "oud", NULL);
  AdwMessageDialog *dialog;

  /* The server has a history the project lacks: a long one to send. */
  g_mkdir_with_parents (root, 0755);
  g_free (amend_test_git_ok (root, "clone", "-q", "--bare", f->dir, bare, NULL));
  g_free (amend_test_git_ok (f->tmp, "clone", "-q", bare, copy, NULL));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("bijlage-%u.txt", i);
      g_autoptr(GString) noise = g_string_new (NULL);

      for (guint k = 0; k < 4000; k++)
        g_string_append_printf (noise, "%08x", g_random_int ());
      amend_test_write (copy, name, noise->str);
    }
  g_free (amend_test_git_ok (copy, "add", ".", NULL));
  g_free (amend_test_git_ok (copy, "commit", "-q", "-m", "Bijlagen", NULL));
  g_free (amend_test_git_ok (copy, "push", "-q", "origin", "main", NULL));
  server = amend_test_server_http (root, NULL, NULL, 20000);
  url = amend_test_server_url (server, "apv.git");
  g_assert_cmpint (amend_gui_cli (f, NULL, "remote", "add", "origin", url, NULL), ==, 0);
  before = amend_test_git_ok (f->dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.pull", NULL);
  dialog = wait_heading (f, "Pulling");
  amend_gui_spin (1500);
  press (find_button (GTK_WIDGET (dialog), "_Cancel"));
  wait_done (f);
  after = amend_test_git_ok (f->dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (amend_window_get_dialog (f->window));
  amend_test_fsck (f->dir);
}

/* The chooser reads the folder first; until then it offers its parent. */
static gboolean
folder_chosen (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  return g_strcmp0 (path, g_object_get_data (data, "want-path")) == 0;
}

static gboolean
chooser_shown (gpointer data)
{
  return amend_window_get_file_chooser (data) != NULL;
}

static gboolean
project_at (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);
  const char *want = g_object_get_data (G_OBJECT (f->window), "want-path");

  return !amend_window_is_busy (f->window) && project && g_strcmp0 (amend_project_get_path (project), want) == 0;
}

/* A project shared on a server, copied from the window as amend clone
 * copies it: the address typed and Enter pressed, a folder chosen, the
 * copy opened with the amendment as a branch of its own and the address
 * kept, so Pull asks nothing. */
static void
test_clone (AmendGuiFixture *f,
            gconstpointer    data)
{
  g_autofree char *remote = g_build_filename (f->tmp, "lindewaarde.git", NULL);
  g_autofree char *parent = g_build_filename (f->tmp, "wijkraad", NULL);
  g_autofree char *copy = g_build_filename (parent, "lindewaarde", NULL);
  g_autofree char *remotes = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *address;
  GtkFileChooser *chooser;

  g_free (amend_test_git_ok (f->tmp, "clone", "-q", "--bare", f->dir, remote, NULL));
  g_assert_cmpint (g_mkdir (parent, 0700), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clone", NULL);
  dialog = wait_heading (f, "Copy a Shared Project");
  address = find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0);
  type_into (address, remote);
  /* Enter in the field goes on, as the suggested button does. */
  if (amend_gui_have_xdotool ())
    amend_gui_keys (address, "Return");
  else
    {
      g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (address)));
      adw_message_dialog_response (dialog, "copy");
    }
  g_assert_true (amend_gui_wait (chooser_shown, f->window, 10));
  chooser = amend_window_get_file_chooser (f->window);
  g_object_set_data_full (G_OBJECT (chooser), "want-path", g_strdup (parent), g_free);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (parent);

    gtk_file_chooser_set_file (chooser, folder, NULL);
  }
  g_assert_true (amend_gui_wait (folder_chosen, chooser, 10));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (f->window), "want-path", g_strdup (copy), g_free);
  if (!amend_gui_wait (project_at, f, 90))
    g_error ("the copy was not opened (last error: %s; open: %s)",
             amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none",
             amend_project_get_path (amend_window_get_project (f->window)));
  g_assert_cmpint (amend_test_git (copy, NULL, NULL, "rev-parse", "--verify", "-q", BRANCH, NULL), ==, 0);
  remotes = amend_test_git_ok (copy, "remote", "get-url", "origin", NULL);
  assert_has (remotes, remote);
  amend_test_fsck (copy);

  /* A second copy in the same folder goes beside the first. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clone", NULL);
  dialog = wait_heading (f, "Copy a Shared Project");
  gtk_editable_set_text (GTK_EDITABLE (find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0)), remote);
  adw_message_dialog_response (dialog, "copy");
  g_assert_true (amend_gui_wait (chooser_shown, f->window, 10));
  chooser = amend_window_get_file_chooser (f->window);
  g_object_set_data_full (G_OBJECT (chooser), "want-path", g_strdup (parent), g_free);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (parent);

    gtk_file_chooser_set_file (chooser, folder, NULL);
  }
  g_assert_true (amend_gui_wait (folder_chosen, chooser, 10));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (f->window), "want-path", g_strconcat (copy, "-2", NULL), g_free);
  if (!amend_gui_wait (project_at, f, 90))
    g_error ("the second copy was not opened (last error: %s)",
             amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none");
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/sync/hand-in-and-open", test_hand_in_and_open);
  ADD ("/sync/drop", test_drop);
  ADD ("/sync/comment-comes-back", test_comment_comes_back);
  ADD ("/sync/both-kept-told-apart", test_both_kept_told_apart);
  ADD ("/sync/push-pull", test_push_pull);
  ADD ("/sync/pull-conflict", test_pull_conflict);
  ADD ("/sync/password", test_password);
  ADD ("/sync/cancel", test_cancel);
  ADD ("/sync/clone", test_clone);
#undef ADD

  return g_test_run ();
}
