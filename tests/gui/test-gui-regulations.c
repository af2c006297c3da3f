/* test-gui-regulations.c: a project of several regulations in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb at 1366x768: the chooser in the sidebar is there only for
 * several regulations; choosing markt.md puts it in the editor and the
 * outline, and Save commits that file; unsaved text of the one left waits
 * as its draft and comes back; an amendment that changes only markt.md
 * opens with markt.md.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-draft-store.h"
#include "amend-gui-test.h"
#include "amend-test-git.h"

#define FILE_NAME "apv-lindewaarde.md"
#define MARKT \
  "---\ntitle: Marktverordening Lindewaarde 2027\nauthority: gm9999\ndate: 2027-01-01\n---\n\n" \
  "# Hoofdstuk 1 De markt\n\n## Artikel 1 Markttijden\n\nDe markt wordt gehouden op zaterdag van 8.00 tot 13.00 uur.\n\n" \
  "## Artikel 2 Standplaatsen\n\nHet college wijst de standplaatsen aan.\n"

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("\"%s\" is not in:\n%s", needle, haystack ? haystack : "(null)");
}

static gboolean
has_second (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);

  return !amend_window_is_busy (f->window) && amend_project_has_several_regulations (project);
}

/* markt.md saved beside the APV by a terminal; the window follows. */
static void
add_markt (AmendGuiFixture *f)
{
  amend_test_write (f->dir, "markt.md", MARKT);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Marktverordening", NULL), ==, 0);
  g_assert_true (amend_gui_wait (has_second, f, 30));
  amend_gui_wait_idle (f);
}

static gboolean
file_is (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);

  return !amend_window_is_busy (f->window) &&
         g_strcmp0 (amend_project_get_file (project), g_object_get_data (G_OBJECT (f->window), "want-file")) == 0;
}

static void
wait_file (AmendGuiFixture *f,
           const char      *file)
{
  g_object_set_data_full (G_OBJECT (f->window), "want-file", g_strdup (file), g_free);
  if (!amend_gui_wait (file_is, f, 30))
    g_error ("the window did not open %s (it has %s; last error: %s)", file,
             amend_project_get_file (amend_window_get_project (f->window)),
             amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none");
  amend_gui_wait_idle (f);
}

static void
choose (AmendGuiFixture *f,
        const char      *file)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.regulation", "s", file);
  wait_file (f, file);
}

static GtkWidget *
chooser (AmendGuiFixture *f)
{
  return GTK_WIDGET (amend_outline_panel_get_regulation_button (amend_window_get_outline_panel (f->window)));
}

/* The label of item @i of the chooser's menu. */
static char *
menu_label (AmendGuiFixture *f,
            int              i)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (chooser (f)));
  char *label = NULL;

  g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static void
shoot (AmendGuiFixture *f,
       const char      *name)
{
  const char *dir = g_getenv ("AMEND_SCREENSHOT_DIR") ? g_getenv ("AMEND_SCREENSHOT_DIR") : "screenshots";
  const char *lang = g_getenv ("AMEND_SCREENSHOT_LANG");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang ? lang : "en");
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  amend_gui_save_png (GTK_WIDGET (f->window), path);
}

/* The whole screen, with the popover that a snapshot of the window
 * leaves out: ImageMagick's import, where it is installed. */
static void
shoot_screen (const char *name)
{
  const char *dir = g_getenv ("AMEND_SCREENSHOT_DIR") ? g_getenv ("AMEND_SCREENSHOT_DIR") : "screenshots";
  const char *lang = g_getenv ("AMEND_SCREENSHOT_LANG");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang ? lang : "en");
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *import = g_find_program_in_path ("import");
  const char *argv[] = { import, "-window", "root", path, NULL };

  if (import == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* One regulation: no chooser.  Two: the chooser names the one open, and
 * choosing markt.md puts it in the editor, the outline and the title. */
static void
test_choose (AmendGuiFixture *f,
             gconstpointer    data)
{
  AmendOutlinePanel *panel = amend_window_get_outline_panel (f->window);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_false (gtk_widget_get_visible (chooser (f)));
  add_markt (f);
  g_assert_true (gtk_widget_get_visible (chooser (f)));
  first = menu_label (f, 0);
  second = menu_label (f, 1);
  g_assert_cmpstr (first, ==, "Algemene Plaatselijke Verordening Lindewaarde 2027 (" FILE_NAME ")");
  g_assert_cmpstr (second, ==, "Marktverordening Lindewaarde 2027 (markt.md)");
  g_assert_nonnull (amend_gui_find_label (chooser (f), FILE_NAME));

  choose (f, "markt.md");
  text = amend_gui_text (f);
  g_assert_cmpstr (text, ==, MARKT);
  g_assert_nonnull (amend_gui_find_label (chooser (f), "markt.md"));
  g_assert_cmpuint (amend_outline_panel_find_label (panel, "Artikel 2 Standplaatsen"), !=, G_MAXUINT);
  g_assert_cmpstr (amend_window_get_where (f->window), ==, _("Draft"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Marktverordening Lindewaarde 2027");
  g_assert_false (amend_window_has_unsaved (f->window));
  shoot (f, "regulation-markt");
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser (f)));
  amend_gui_spin (400);
  shoot_screen ("regulation-chooser");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (chooser (f)));

  /* Ctrl+Alt+Page Down goes round to the first again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cycle-regulation", "i", 1);
  wait_file (f, FILE_NAME);
}

/* Typed in markt.md and saved: the commit changes markt.md only. */
static void
test_save_follows (AmendGuiFixture *f,
                   gconstpointer    data)
{
  g_autofree char *files = NULL;
  g_autofree char *markt = NULL;
  GPtrArray *versions;

  add_markt (f);
  choose (f, "markt.md");
  amend_gui_type (f, "De markt wordt gehouden", " Bij slecht weer vervalt de markt.");
  amend_window_save (f->window, "Slecht weer", "Petra Smit <p.smit@lindewaarde.example>");
  amend_gui_wait_idle (f);
  g_assert_false (amend_window_has_unsaved (f->window));
  files = amend_test_git_ok (f->dir, "show", "--name-only", "--format=", "HEAD", NULL);
  g_assert_cmpstr (files, ==, "markt.md\n");
  markt = amend_test_read (f->dir, "markt.md");
  assert_has (markt, "Bij slecht weer vervalt de markt.");
  /* The history is of markt.md: its two versions, not the APV's. */
  versions = amend_history_page_get_versions (amend_window_get_history_page (f->window));
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (versions, 0))->message, ==, "Slecht weer\n");
  g_assert_cmpstr (((AmendCommit *) g_ptr_array_index (versions, 1))->message, ==, "Marktverordening\n");
}

/* Saved without a message: the message says which articles changed
 * ("Articles 1 and 2 changed", "Artikel 1 en 2 gewijzigd"), not "Update
 * markt.md". */
static void
test_save_message (AmendGuiFixture *f,
                   gconstpointer    data)
{
  g_autofree char *both = g_strdup_printf (_("%s and %s"), "1", "2");
  g_autofree char *want = g_strdup_printf (ngettext ("Article %s changed", "Articles %s changed", 2), both);
  g_autofree char *subject = NULL;
  g_autofree char *one = g_strdup_printf (ngettext ("Article %s changed", "Articles %s changed", 1), "2");

  add_markt (f);
  choose (f, "markt.md");
  amend_gui_type (f, "De markt wordt gehouden", " Bij slecht weer vervalt de markt.");
  amend_gui_type (f, "Het college wijst de standplaatsen aan.", " Jaarlijks.");
  amend_window_save (f->window, "", "Petra Smit <p.smit@lindewaarde.example>");
  amend_gui_wait_idle (f);
  subject = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", NULL);
  g_strchomp (subject);
  g_assert_cmpstr (subject, ==, want);

  amend_gui_type (f, "Jaarlijks.", " Op 1 januari.");
  amend_window_save (f->window, NULL, "Petra Smit <p.smit@lindewaarde.example>");
  amend_gui_wait_idle (f);
  g_clear_pointer (&subject, g_free);
  subject = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", NULL);
  g_strchomp (subject);
  g_assert_cmpstr (subject, ==, one);
}

/* Unsaved text in the APV waits as its draft while markt.md is open (the
 * chooser says so), and comes back when the APV is chosen again; so does
 * that of markt.md. */
static void
test_unsaved_kept (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendDraftStore *drafts = amend_window_get_draft_store (f->window);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *apv = NULL;
  g_autofree char *markt = NULL;
  g_autofree char *label = NULL;
  g_autofree char *want = g_strdup_printf (_("%s (%s) · unsaved changes"), "Algemene Plaatselijke Verordening Lindewaarde 2027", FILE_NAME);
  g_autofree char *on_disk = NULL;
  g_autoptr(GString) discard = g_string_new (_("_Discard"));

  add_markt (f);
  g_string_replace (discard, "_", "", 1);
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Ongeduldig getypt.");
  choose (f, "markt.md");
  kept = amend_draft_store_list (drafts, f->dir, "main", FILE_NAME);
  g_assert_cmpuint (kept->len, ==, 1);
  label = menu_label (f, 0);
  g_assert_cmpstr (label, ==, want);
  /* Never written over the working copy. */
  on_disk = amend_test_read (f->dir, FILE_NAME);
  g_assert_null (strstr (on_disk, "Ongeduldig"));
  shoot (f, "regulation-unsaved");

  amend_gui_type (f, "Het college wijst de standplaatsen aan.", " Ook op woensdag.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cycle-regulation", "i", -1);
  wait_file (f, FILE_NAME);
  apv = amend_gui_text (f);
  assert_has (apv, "ten hoogste acht weken verdagen. Ongeduldig getypt.");
  g_assert_true (amend_window_has_unsaved (f->window));
  /* Simply there again, as in another tab: no notice of a restored draft. */
  amend_gui_spin (300);
  g_assert_null (amend_gui_find_label (GTK_WIDGET (f->window), discard->str));

  choose (f, "markt.md");
  markt = amend_gui_text (f);
  assert_has (markt, "Ook op woensdag.");
}

static gboolean
window_open (gpointer data)
{
  AmendWindow *window = data;

  return amend_window_get_project (window) != NULL && !amend_window_is_busy (window);
}

/* The window closed (or killed) with unsaved text in markt.md: opened
 * again it shows the APV, says that markt.md has unsaved changes, and
 * its Open It brings them back. */
static void
test_unsaved_after_close (AmendGuiFixture *f,
                          gconstpointer    data)
{
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  add_markt (f);
  choose (f, "markt.md");
  amend_gui_type (f, "Het college wijst de standplaatsen aan.", " Ook op woensdag.");
  gtk_window_close (GTK_WINDOW (f->window));
  amend_gui_spin (100);

  f->window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  amend_window_open (f->window, f->dir);
  g_assert_true (amend_gui_wait (window_open, f->window, 30));
  amend_gui_wait_idle (f);
  g_assert_cmpstr (amend_project_get_file (amend_window_get_project (f->window)), ==, FILE_NAME);
  g_assert_false (amend_window_has_unsaved (f->window));
  note = g_strdup_printf (_("%s has unsaved changes too"), "markt.md");
  amend_gui_spin (300);
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window), note));
  shoot (f, "regulation-reopened");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.regulation", "s", "markt.md");
  wait_file (f, "markt.md");
  text = amend_gui_text (f);
  assert_has (text, "Ook op woensdag.");
  g_assert_true (amend_window_has_unsaved (f->window));
}

/* An amendment that changes markt.md only opens with markt.md, though
 * the window had the APV open on the draft. */
static void
test_amendment_opens_its_regulation (AmendGuiFixture *f,
                                     gconstpointer    data)
{
  g_autofree char *text = NULL;

  add_markt (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Woensdagmarkt", NULL), ==, 0);
  amend_test_write (f->dir, "markt.md", MARKT);
  {
    g_autofree char *markt = amend_test_read (f->dir, "markt.md");
    g_autoptr(GString) s = g_string_new (markt);

    g_string_replace (s, "op zaterdag", "op woensdag", 1);
    amend_test_write (f->dir, "markt.md", s->str);
  }
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Woensdag", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_gui_spin (600);
  amend_gui_wait_idle (f);
  g_assert_cmpstr (amend_project_get_file (amend_window_get_project (f->window)), ==, FILE_NAME);

  amend_window_switch_branch (f->window, "amendement/woensdagmarkt");
  wait_file (f, "markt.md");
  text = amend_gui_text (f);
  assert_has (text, "op woensdag");
  shoot (f, "regulation-amendment");

  /* Back on the draft, markt.md stays open. */
  amend_window_switch_branch (f->window, "main");
  wait_file (f, "markt.md");
  g_clear_pointer (&text, g_free);
  text = amend_gui_text (f);
  assert_has (text, "op zaterdag");
}

/* markt.md open on the draft, and a terminal switches to an amendment
 * that started before markt.md came: the window follows to it with the
 * APV (it said that markt.md did not exist, and stayed on the draft). */
static void
test_outside_switch_without_it (AmendGuiFixture *f,
                                gconstpointer    data)
{
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Vroeg", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_gui_spin (600);
  amend_gui_wait_idle (f);
  add_markt (f);
  choose (f, "markt.md");
  amend_gui_type (f, "Het college wijst de standplaatsen aan.", " Ook op woensdag.");

  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "vroeg", NULL), ==, 0);
  wait_file (f, FILE_NAME);
  g_assert_cmpstr (amend_project_get_branch (amend_window_get_project (f->window)), ==, "amendement/vroeg");
  g_assert_false (amend_project_has_several_regulations (amend_window_get_project (f->window)));
  g_assert_false (gtk_widget_get_visible (chooser (f)));

  /* The unsaved text of markt.md waits on the draft. */
  amend_window_switch_branch (f->window, "main");
  wait_file (f, FILE_NAME);
  choose (f, "markt.md");
  {
    g_autofree char *text = amend_gui_text (f);

    assert_has (text, "Ook op woensdag.");
  }
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, "1366x768", amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/regulations/choose", test_choose);
  ADD ("/regulations/save-follows", test_save_follows);
  ADD ("/regulations/save-message", test_save_message);
  ADD ("/regulations/unsaved-kept", test_unsaved_kept);
  ADD ("/regulations/unsaved-after-close", test_unsaved_after_close);
  ADD ("/regulations/amendment-opens-its-regulation", test_amendment_opens_its_regulation);
  ADD ("/regulations/outside-switch-without-it", test_outside_switch_without_it);
#undef ADD

  return g_test_run ();
}
