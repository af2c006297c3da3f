/* test-gui-screenshots.c: PNGs of the window, the history and every dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written to tests/gui/screenshots/NAME-LANG.png in the build folder, in
 * the language meson starts the program in (LANGUAGE=nl or en), to be
 * looked at by a person.  Each case also checks that its window drew
 * something of its own size.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-export-dialog.h"
#include "amend-gui-test.h"
#include "amend-start-page.h"
#include "amend-test-git.h"
#include "amend-new-project-dialog.h"
#include "amend-preferences-window.h"
#include "amend-propose-dialog.h"
#include "amend-save-dialog.h"

static char *
png_path (const char *name)
{
  const char *dir = g_getenv ("AMEND_SCREENSHOT_DIR");
  const char *lang = g_getenv ("AMEND_SCREENSHOT_LANG");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang ? lang : "en");

  g_mkdir_with_parents (dir ? dir : "screenshots", 0755);
  return g_build_filename (dir ? dir : "screenshots", file, NULL);
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *path = png_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  /* Let layout, fonts and the transitions settle. */
  amend_gui_spin (700);
  amend_gui_save_png (widget, path);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (widget));
  g_test_message ("wrote %s", path);
}

static void
dialog_shot (AmendGuiFixture *f,
             GtkWindow       *dialog,
             const char      *name)
{
  gtk_window_present (dialog);
  amend_gui_spin (200);
  shoot (GTK_WIDGET (dialog), name);
  gtk_window_destroy (dialog);
}

static void
test_main_window (AmendGuiFixture *f,
                  gconstpointer    data)
{
  AmendOutlinePanel *panel = amend_window_get_outline_panel (f->window);
  AmendEditor *editor = amend_window_get_editor (f->window);

  /* Article 1:2 with a reference that does not exist: a finding. */
  amend_outline_panel_activate_item (panel, amend_outline_panel_find_label (panel, "Artikel 1:2 "));
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Artikel 1:9 is van overeenkomstige toepassing.");
  amend_gui_wait_idle (f);
  amend_editor_show_findings (editor, TRUE);
  amend_editor_goto_line (editor, amend_editor_get_cursor_line (editor));
  shoot (GTK_WIDGET (f->window), "main-window");
}

static void
test_narrow (AmendGuiFixture *f,
             gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Without a window manager a window keeps its first size: a new one. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 680);
  f->window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  shoot (GTK_WIDGET (f->window), "main-window-narrow");
}

static void
test_history (AmendGuiFixture *f,
              gconstpointer    data)
{
  AmendHistoryPage *history = amend_window_get_history_page (f->window);

  amend_gui_type (f, "ten hoogste acht weken verdagen.", " De verdaging wordt schriftelijk meegedeeld.");
  amend_window_show_page (f->window, "history");
  amend_history_page_select (history, 0);
  amend_gui_wait_idle (f);
  shoot (GTK_WIDGET (f->window), "history");
}

/* The sidebar hidden with F9: the renvooi as wide as the window. */
static void
test_history_wide (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendHistoryPage *history = amend_window_get_history_page (f->window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (amend_editor_get_buffer (amend_window_get_editor (f->window)));
  GtkTextIter start, end, match, match_end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, "binnen acht weken", 0, &match, &match_end, NULL));
  gtk_text_buffer_delete (buffer, &match, &match_end);
  gtk_text_buffer_insert (buffer, &match, "binnen vier weken na ontvangst van de volledige aanvraag", -1);
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " De verdaging wordt schriftelijk en met redenen omkleed meegedeeld.");
  /* F9, pressed as a person would where xdotool is there. */
  if (amend_gui_have_xdotool ())
    amend_gui_keys (GTK_WIDGET (amend_editor_get_view (amend_window_get_editor (f->window))), "F9");
  else
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL);
  amend_window_show_page (f->window, "history");
  amend_history_page_select (history, 0);
  amend_gui_wait_idle (f);
  shoot (GTK_WIDGET (f->window), "history-wide");
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_type (child, type)))
        return found;
    }
  return NULL;
}

/* Four recent projects at the default size, 1100 by 720: the icon and the
 * title whole, nothing clipped. */
static void
test_start_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *tmp = amend_test_tmpdir ("amend-start");
  g_autoptr(GStrvBuilder) recent = g_strv_builder_new ();
  const char *names[] = { "apv-lindewaarde", "verordening-precariobelasting", "subsidieverordening-sport", "afvalstoffenverordening" };
  g_auto(GStrv) paths = NULL;
  GtkWidget *window;
  GtkWidget *icon;
  int nat = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp, names[i], NULL);

      g_mkdir_with_parents (path, 0755);
      g_strv_builder_add (recent, path);
    }
  paths = g_strv_builder_end (recent);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) paths);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  shoot (window, "start-page");

  icon = find_type (find_type (window, AMEND_TYPE_START_PAGE), GTK_TYPE_IMAGE);
  g_assert_nonnull (icon);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "io.github.amend.Amend");
  g_assert_cmpint (gtk_widget_get_height (icon), >=, 96);
  gtk_widget_measure (gtk_widget_get_next_sibling (icon), GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (icon),
                      NULL, &nat, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_next_sibling (icon)), >=, nat);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (icon))), ==, "Amend");
  g_settings_reset (settings, "recent-projects");
  gtk_window_destroy (GTK_WINDOW (window));
  amend_test_rmtree (tmp);
}

static void
test_save_dialog (AmendGuiFixture *f,
                  gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AmendSaveDialog *dialog;

  dialog = amend_save_dialog_new (GTK_WINDOW (f->window), settings, _("the draft"));
  amend_save_dialog_set_author (dialog, "Petra Smit", "p.smit@lindewaarde.example");
  amend_save_dialog_set_message (dialog, "Beslistermijn verduidelijkt");
  dialog_shot (f, GTK_WINDOW (dialog), "save-dialog");
}

static void
test_propose_dialog (AmendGuiFixture *f,
                     gconstpointer    data)
{
  AmendProposeDialog *dialog = amend_propose_dialog_new (GTK_WINDOW (f->window), "Anna de Vries <anna@example.nl>", NULL);

  amend_propose_dialog_fill (dialog, "Ruimere terrastijden", NULL,
                             "Terrassen mogen in de zomer tot middernacht open.");
  dialog_shot (f, GTK_WINDOW (dialog), "propose-dialog");
}

static void
test_switch_dialog (AmendGuiFixture *f,
                    gconstpointer    data)
{
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Onbewaard.");
  amend_window_switch_branch (f->window, "amendement/kortere-beslistermijn");
  amend_gui_wait_dialog (f);
  dialog_shot (f, amend_window_get_dialog (f->window), "unsaved-dialog");
}

static void
test_preferences (AmendGuiFixture *f,
                  gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AmendDraftStore) drafts = amend_draft_store_new (NULL);

  g_settings_set_string (settings, "author-name", "Petra Smit");
  g_settings_set_string (settings, "author-email", "p.smit@lindewaarde.example");
  dialog_shot (f, GTK_WINDOW (amend_preferences_window_new (GTK_WINDOW (f->window), settings,
                                                            amend_draft_store_get_dir (drafts))),
               "preferences");
}

static void
test_new_project_dialog (AmendGuiFixture *f,
                         gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AmendNewProjectDialog *dialog = amend_new_project_dialog_new (GTK_WINDOW (f->window), settings, NULL);

  amend_new_project_dialog_fill (dialog, "Verordening precariobelasting 2027", "gm9999", "/home/petra/Documenten");
  dialog_shot (f, GTK_WINDOW (dialog), "new-project-dialog");
}

static void
test_export_dialog (AmendGuiFixture *f,
                    gconstpointer    data)
{
  dialog_shot (f, GTK_WINDOW (amend_export_dialog_new (GTK_WINDOW (f->window))), "export-dialog");
}

static void
test_shortcuts (AmendGuiFixture *f,
                gconstpointer    data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/amend/Amend/gtk/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (f->window));
  dialog_shot (f, shortcuts, "shortcuts");
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/screenshots/main-window", test_main_window);
  ADD ("/screenshots/main-window-narrow", test_narrow);
  ADD ("/screenshots/history", test_history);
  ADD ("/screenshots/history-wide", test_history_wide);
  ADD ("/screenshots/save-dialog", test_save_dialog);
  ADD ("/screenshots/propose-dialog", test_propose_dialog);
  ADD ("/screenshots/unsaved-dialog", test_switch_dialog);
  ADD ("/screenshots/preferences", test_preferences);
  ADD ("/screenshots/new-project-dialog", test_new_project_dialog);
  ADD ("/screenshots/export-dialog", test_export_dialog);
  ADD ("/screenshots/shortcuts", test_shortcuts);
#undef ADD
  g_test_add_func ("/screenshots/start-page", test_start_page);

  return g_test_run ();
}
