/* test-gui-screenshots.c: PNGs of the window, the history and every dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written to tests/gui/screenshots/NAME-LANG.png in the build folder, in
 * the language meson starts the program in (LANGUAGE=nl or en), to be
 * looked at by a person.  Each case also checks that its window drew
 * something of its own size, and that it shows what it is meant to show:
 * the sentences given to shoot (), in English or, in the Dutch run, in
 * Dutch, as labels on the screen.
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
#include "amend-comment-dialog.h"
#include "amend-paper-dialog.h"
#include "amend-test-server.h"
#include "amend-vote-dialog.h"

static char *
png_path (const char *name)
{
  const char *dir = g_getenv ("AMEND_SCREENSHOT_DIR");
  const char *lang = g_getenv ("AMEND_SCREENSHOT_LANG");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang ? lang : "en");

  g_mkdir_with_parents (dir ? dir : "screenshots", 0755);
  return g_build_filename (dir ? dir : "screenshots", file, NULL);
}

static gboolean
dutch (void)
{
  return g_strcmp0 (g_getenv ("AMEND_SCREENSHOT_LANG"), "nl") == 0;
}

/* Every label that is on the screen in @widget, one per line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* @...: pairs of an English and a Dutch piece of text, NULL at the end;
 * the one of the language of this run must be on the screen. */
static void
shoot (GtkWidget  *widget,
       const char *name,
       ...)
{
  g_autofree char *path = png_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  const char *english;
  va_list args;

  /* Let layout, fonts and the transitions settle. */
  amend_gui_spin (700);
  amend_gui_save_png (widget, path);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (widget));
  g_test_message ("wrote %s", path);

  collect_text (widget, shown);
  va_start (args, name);
  while ((english = va_arg (args, const char *)))
    {
      const char *nl = va_arg (args, const char *);
      const char *want = dutch () ? nl : english;

      if (strstr (shown->str, want) == NULL)
        g_error ("%s does not show \u201c%s\u201d; it shows:\n%s", name, want, shown->str);
    }
  va_end (args);
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen,
                   const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) && gtk_label_get_use_underline (GTK_LABEL (child)) &&
          gtk_label_get_mnemonic_keyval (GTK_LABEL (child)) != GDK_KEY_VoidSymbol)
        {
          guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (child)));
          const char *before = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

          if (before)
            g_error ("%s: “%s” and “%s” have the same access key, Alt+%s: it goes from one to the other and "
                     "presses neither", name, before, gtk_label_get_text (GTK_LABEL (child)), gdk_keyval_name (key));
          g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) gtk_label_get_text (GTK_LABEL (child)));
        }
      collect_mnemonics (child, seen, name);
    }
}

/* No two underlined letters of a dialog alike: Alt with a letter two
 * labels share moves between them and presses neither. */
static void
assert_mnemonics_unique (GtkWidget  *dialog,
                         const char *name)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  collect_mnemonics (dialog, seen, name);
}

static void
dialog_shot (AmendGuiFixture *f,
             GtkWindow       *dialog,
             const char      *name,
             const char      *english,
             const char      *nl)
{
  gtk_window_present (dialog);
  amend_gui_spin (200);
  assert_mnemonics_unique (GTK_WIDGET (dialog), name);
  shoot (GTK_WIDGET (dialog), name, english, nl, NULL);
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
  shoot (GTK_WIDGET (f->window), "main-window", "History", "Geschiedenis", "Draft", "Ontwerp",
         "Properties\u2026", "Eigenschappen\u2026", "Lindewaarde 2027 \u00b7 gm9999", "Lindewaarde 2027 \u00b7 gm9999", NULL);
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
  shoot (GTK_WIDGET (f->window), "main-window-narrow", "Draft", "Ontwerp", "History", "Geschiedenis", NULL);
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
  shoot (GTK_WIDGET (f->window), "history", "Changes from the version of", "Wijzigingen van de versie van",
         "With the current text", "Met de huidige tekst", "Changes Since", "Wijzigingen sindsdien", NULL);
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
  shoot (GTK_WIDGET (f->window), "history-wide", "Changes from the version of", "Wijzigingen van de versie van",
         "na ontvangst van de volledige aanvraag", "na ontvangst van de volledige aanvraag", NULL);
}


static gboolean
review_loaded_list (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  return amend_amendments_page_get_survey (page) != NULL && !amend_amendments_page_is_busy (page);
}

/* The Amendments view with the example's amendment chosen: the list with
 * whether it applies, the review page with the renvooi and a comment
 * beside its article. */
static gboolean
review_loaded (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  return amend_amendments_page_get_survey (page) != NULL && !amend_amendments_page_is_busy (page) &&
         amend_review_page_get_comments (amend_amendments_page_get_review (page)) != NULL;
}

static void
open_review (AmendGuiFixture *f)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  amend_window_show_page (f->window, "amendments");
  g_assert_true (amend_gui_wait (review_loaded_list, f, 60));
  amend_amendments_page_select (page, "kortere-beslistermijn");
  g_assert_true (amend_gui_wait (review_loaded, f, 60));
  amend_gui_wait_idle (f);
}

static void
test_review (AmendGuiFixture *f,
             gconstpointer    data)
{
  g_assert_cmpint (amend_gui_cli (f, NULL, "comment", "add", "kortere-beslistermijn", "--on", "chp_1__art_1.2__para_1",
                                  "-m", "Is zes weken haalbaar voor het team vergunningen?", NULL), ==, 0);
  open_review (f);
  shoot (GTK_WIDGET (f->window), "review", "Kortere beslistermijn", "Kortere beslistermijn",
         "Applies cleanly to the draft", "Past zonder conflict op het ontwerp",
         "Is zes weken haalbaar", "Is zes weken haalbaar", "Submit", "Indienen", NULL);
}


/* Old and new beside each other, the sidebar hidden (F9). */
static void
test_review_sides (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendReviewPage *page;

  open_review (f);
  page = amend_amendments_page_get_review (amend_window_get_amendments_page (f->window));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (amend_review_page_get_button (page, "sides")), TRUE);
  amend_gui_wait_idle (f);
  /* The sidebar hidden after the page is built.  Hiding it and building
   * the page in the same few frames makes libadwaita 1.2's AdwFlap report
   * a reveal progress of NaN for one frame (its spring animation); the
   * flap then allocates its children a width of INT_MIN, which is a GTK
   * critical, fatal in these tests.  The next frame is right again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-sidebar", NULL);
  shoot (GTK_WIDGET (f->window), "review-side-by-side", "Side by Side", "Naast elkaar",
         "Bewonersvereniging De Linde", "Bewonersvereniging De Linde", NULL);
}

static void
test_review_record (AmendGuiFixture *f,
                    gconstpointer    data)
{
  open_review (f);
  amend_review_page_show_tab (amend_amendments_page_get_review (amend_window_get_amendments_page (f->window)), "record");
  shoot (GTK_WIDGET (f->window), "review-record", "Submitters", "Indieners", "Being written", "In voorbereiding",
         "Not submitted yet.", "Nog niet ingediend.", NULL);
}

static void
test_review_instructions (AmendGuiFixture *f,
                          gconstpointer    data)
{
  open_review (f);
  amend_review_page_show_tab (amend_amendments_page_get_review (amend_window_get_amendments_page (f->window)), "instructions");
  shoot (GTK_WIDGET (f->window), "review-instructions", "Copy", "Kopiëren", "Instructions", "Opdrachten", NULL);
}

/* A second amendment on the same words: both collide, each lapses if the
 * other is adopted first. */
static void
test_review_collisions (AmendGuiFixture *f,
                        gconstpointer    data)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Vier weken", "--by", "Wijkraad Oost", NULL), ==, 0);
  text = amend_test_read (f->dir, "apv-lindewaarde.md");
  changed = g_string_new (text);
  g_string_replace (changed, "binnen acht weken na de datum", "binnen vier weken na de datum", 1);
  amend_test_write (f->dir, "apv-lindewaarde.md", changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Vier weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_gui_spin (600);
  amend_gui_wait_idle (f);
  open_review (f);
  amend_review_page_show_tab (amend_amendments_page_get_review (amend_window_get_amendments_page (f->window)), "collisions");
  shoot (GTK_WIDGET (f->window), "review-collisions", "With \u201cVier weken\u201d", "Met \u201cVier weken\u201d",
         "collides with \u201cVier weken\u201d", "botst met \u201cVier weken\u201d", NULL);
}

/* No amendment yet: the page says what one is and offers to propose. */
static void
test_amendments_empty (AmendGuiFixture *f,
                       gconstpointer    data)
{
  g_autofree char *other = g_build_filename (f->tmp, "leeg", NULL);

  g_free (amend_test_git_ok (f->tmp, "clone", "-q", "--single-branch", "--branch", "main", f->dir, other, NULL));
  amend_window_open (f->window, other);
  amend_gui_wait_idle (f);
  amend_window_show_page (f->window, "amendments");
  g_assert_true (amend_gui_wait (review_loaded_list, f, 60));
  shoot (GTK_WIDGET (f->window), "amendments-empty", "No Amendments", "Geen amendementen",
         "Propose Amendment\u2026", "Amendement voorstellen\u2026", NULL);
}

static void
test_review_narrow (AmendGuiFixture *f,
                    gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  f->window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  open_review (f);
  shoot (GTK_WIDGET (f->window), "review-narrow", "Kortere beslistermijn", "Kortere beslistermijn",
         "Submit", "Indienen", NULL);
}

static void
test_vote_dialog (AmendGuiFixture *f,
                  gconstpointer    data)
{
  AmendVoteDialog *dialog = amend_vote_dialog_new (GTK_WINDOW (f->window), "Kortere beslistermijn", NULL);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amend_vote_dialog_get_row (dialog, "for")), 15);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amend_vote_dialog_get_row (dialog, "against")), 12);
  gtk_editable_set_text (GTK_EDITABLE (amend_vote_dialog_get_row (dialog, "meeting")), "Raadsvergadering 14 maart 2027");
  dialog_shot (f, GTK_WINDOW (dialog), "vote-dialog", "The Votes Were Counted", "De stemmen zijn geteld");
}

static void
test_comment_dialog (AmendGuiFixture *f,
                     gconstpointer    data)
{
  AmendCommentDialog *dialog = amend_comment_dialog_new (GTK_WINDOW (f->window), _("Comment on the Amendment"),
                                                         _("The comment is saved with the amendment at once, under your "
                                                           "name, and travels with it to whoever receives it."));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (amend_comment_dialog_get_text_view (dialog)),
                            "Is zes weken haalbaar voor het team vergunningen?", -1);
  dialog_shot (f, GTK_WINDOW (dialog), "comment-dialog", "Comment on the Amendment", "Opmerking bij het amendement");
}

static void
test_paper_dialog (AmendGuiFixture *f,
                   gconstpointer    data)
{
  dialog_shot (f, GTK_WINDOW (amend_paper_dialog_new (GTK_WINDOW (f->window), "kortere-beslistermijn", "Kortere beslistermijn")),
               "paper-dialog", "All submitted amendments, in the order of voting",
               "Alle ingediende amendementen, in de volgorde van stemming");
}

/* The draft changed the same words: the adoption stops at a conflict. */
static void
test_conflicts_page (AmendGuiFixture *f,
                     gconstpointer    data)
{
  g_autofree char *text = amend_test_read (f->dir, "apv-lindewaarde.md");
  g_autoptr(GString) changed = g_string_new (text);

  g_string_replace (changed, "binnen acht weken na de datum", "binnen vier weken na de datum", 1);
  amend_test_write (f->dir, "apv-lindewaarde.md", changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Vier weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", "kortere-beslistermijn", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "adopt", "kortere-beslistermijn", NULL), ==, 1);
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  amend_gui_spin (500);
  amend_gui_wait_idle (f);
  shoot (GTK_WIDGET (f->window), "conflicts", "Adopting \u201cKortere beslistermijn\u201d",
         "\u201cKortere beslistermijn\u201d aannemen", "The Draft", "Het ontwerp", "Before Both", "V\u00f3\u00f3r beide",
         "Or Write It Yourself", "Of schrijf het zelf", NULL);
}

static gboolean
dialog_headed (gpointer data)
{
  AmendGuiFixture *f = data;
  GtkWindow *dialog = amend_window_get_dialog (f->window);
  const char *want = g_object_get_data (G_OBJECT (f->window), "want-heading");

  return ADW_IS_MESSAGE_DIALOG (dialog) && gtk_widget_get_mapped (GTK_WIDGET (dialog)) &&
         g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), want) == 0;
}

static GtkWindow *
wait_headed (AmendGuiFixture *f,
             const char      *heading)
{
  g_object_set_data_full (G_OBJECT (f->window), "want-heading", g_strdup (heading), g_free);
  g_assert_true (amend_gui_wait (dialog_headed, f, 60));
  return amend_window_get_dialog (f->window);
}

/* The first push asks where the shared project is. */
static void
test_remote_dialog (AmendGuiFixture *f,
                    gconstpointer    data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.push", NULL);
  shoot (GTK_WIDGET (wait_headed (f, _("Where Is the Shared Project?"))), "remote-dialog",
         "Where Is the Shared Project?", "Waar staat het gedeelde project?", NULL);
}

/* A server that asks for a password: the dialog over the progress. */
static void
test_password_dialog (AmendGuiFixture *f,
                      gconstpointer    data)
{
  g_autofree char *root = g_build_filename (f->tmp, "server", NULL);
  g_autofree char *bare = g_build_filename (root, "apv.git", NULL);
  g_autoptr(AmendTestServer) server = NULL;
  g_autofree char *url = NULL;
  GtkWindow *dialog;

  g_mkdir_with_parents (root, 0755);
  g_free (amend_test_git_ok (root, "init", "-q", "--bare", "--initial-branch=main", bare, NULL));
  server = amend_test_server_http (root, "griffie", "geheim-2027", 0);
  url = amend_test_server_url (server, "apv.git");
  g_assert_cmpint (amend_gui_cli (f, NULL, "remote", "add", "origin", url, NULL), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.push", NULL);
  dialog = wait_headed (f, _("User Name and Password"));
  shoot (GTK_WIDGET (dialog), "password-dialog", "User Name and Password", "Gebruikersnaam en wachtwoord",
         "is not kept", "niet bewaard", NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  amend_gui_spin (500);
  amend_gui_wait_idle (f);
}

/* The package of the amendment taken into a copy that lacks it. */
static void
test_package_report (AmendGuiFixture *f,
                     gconstpointer    data)
{
  g_autofree char *package = g_build_filename (f->tmp, "kortere-beslistermijn.amend", NULL);
  g_autofree char *other = g_build_filename (f->tmp, "kopie", NULL);

  g_assert_cmpint (amend_gui_cli (f, NULL, "package", "export", "kortere-beslistermijn", "-o", package, NULL), ==, 0);
  g_free (amend_test_git_ok (f->tmp, "clone", "-q", "--single-branch", "--branch", "main", f->dir, other, NULL));
  amend_window_open (f->window, other);
  amend_gui_wait_idle (f);
  amend_window_open_package (f->window, package);
  shoot (GTK_WIDGET (wait_headed (f, _("Package Taken In"))), "package-report", "Package Taken In",
         "Pakket overgenomen", "Kortere beslistermijn", "Kortere beslistermijn", NULL);
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
/* The history before a version is chosen: it says what can be done. */
static void
test_history_none (AmendGuiFixture *f,
                   gconstpointer    data)
{
  amend_window_show_page (f->window, "history");
  amend_gui_wait_idle (f);
  shoot (GTK_WIDGET (f->window), "history-none", "No Version Chosen", "Geen versie gekozen",
         "Choose a saved version", "Kies een opgeslagen versie", NULL);
}

static void
test_properties_dialog (AmendGuiFixture *f,
                        gconstpointer    data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.properties", NULL);
  amend_gui_wait_dialog (f);
  dialog_shot (f, amend_window_get_dialog (f->window), "properties-dialog", "Properties of the Regulation",
               "Eigenschappen van de regeling");
}

/* An export with warnings: each listed. */
static void
test_export_warnings (AmendGuiFixture *f,
                      gconstpointer    data)
{
  g_autofree char *text = amend_editor_dup_text (amend_window_get_editor (f->window));
  g_autoptr(GString) bad = g_string_new (text);
  g_autofree char *out = g_build_filename (f->tmp, "apv.akn.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);

  g_string_replace (bad, "binnen acht weken", "binnen <b>acht</b> weken", 1);
  g_string_replace (bad, "ten hoogste acht weken", "ten hoogste <i>acht</i> weken", 1);
  amend_window_export_to (f->window, bad->str, AMEND_EXPORT_AKN, file);
  amend_gui_wait_dialog (f);
  dialog_shot (f, amend_window_get_dialog (f->window), "export-warnings", "Exported, With Warnings",
               "Geëxporteerd, met waarschuwingen");
}

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
  shoot (window, "start-page", "Recent Projects", "Recente projecten", "subsidieverordening-sport",
         "subsidieverordening-sport", NULL);

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
  g_autofree char *warning = g_strdup_printf (ngettext ("The check found %u error in the text. You can save it anyway and correct it later.",
                                                        "The check found %u errors in the text. You can save it anyway and correct them later.",
                                                        1), 1);

  dialog = amend_save_dialog_new (GTK_WINDOW (f->window), settings, f->dir, _("the draft"));
  amend_save_dialog_set_author (dialog, "Petra Smit", "p.smit@lindewaarde.example");
  amend_save_dialog_set_message (dialog, "Beslistermijn verduidelijkt");
  amend_save_dialog_set_warning (dialog, warning);
  dialog_shot (f, GTK_WINDOW (dialog), "save-dialog", "The check found 1 error", "De controle vond 1 fout");
}

static void
test_propose_dialog (AmendGuiFixture *f,
                     gconstpointer    data)
{
  AmendProposeDialog *dialog = amend_propose_dialog_new (GTK_WINDOW (f->window), "Anna de Vries <anna@example.nl>", NULL);

  amend_propose_dialog_fill (dialog, "Ruimere terrastijden", NULL,
                             "Terrassen mogen in de zomer tot middernacht open.");
  dialog_shot (f, GTK_WINDOW (dialog), "propose-dialog", "Names separated by semicolons", "Namen gescheiden door puntkomma");
}

static void
test_switch_dialog (AmendGuiFixture *f,
                    gconstpointer    data)
{
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Onbewaard.");
  amend_window_switch_branch (f->window, "amendement/kortere-beslistermijn");
  amend_gui_wait_dialog (f);
  dialog_shot (f, amend_window_get_dialog (f->window), "unsaved-dialog", "Unsaved Changes", "Niet-opgeslagen wijzigingen");
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
               "preferences", "E-mail Address", "E-mailadres");
}

static void
test_new_project_dialog (AmendGuiFixture *f,
                         gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AmendNewProjectDialog *dialog = amend_new_project_dialog_new (GTK_WINDOW (f->window), settings, NULL);

  amend_new_project_dialog_fill (dialog, "Verordening precariobelasting 2027", "gm9999", "/home/petra/Documenten");
  dialog_shot (f, GTK_WINDOW (dialog), "new-project-dialog", "New Regulation Project", "Nieuw regelgevingsproject");
}

static void
test_export_dialog (AmendGuiFixture *f,
                    gconstpointer    data)
{
  dialog_shot (f, GTK_WINDOW (amend_export_dialog_new (GTK_WINDOW (f->window))), "export-dialog",
               "STOP Regulation", "STOP-regeling");
}

static void
test_shortcuts (AmendGuiFixture *f,
                gconstpointer    data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/amend/Amend/gtk/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (f->window));
  dialog_shot (f, shortcuts, "shortcuts", "Move between the sidebar and the text", "Wisselen tussen de zijbalk en de tekst");
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);
  /* A screenshot shows where a transition ends, not a frame of it; and
   * libadwaita 1.2's AdwFlap can give a frame of its spring animation a
   * reveal progress of NaN, a GTK critical that is fatal here. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/screenshots/main-window", test_main_window);
  ADD ("/screenshots/main-window-narrow", test_narrow);
  ADD ("/screenshots/history", test_history);
  ADD ("/screenshots/history-wide", test_history_wide);
  ADD ("/screenshots/history-none", test_history_none);
  ADD ("/screenshots/properties-dialog", test_properties_dialog);
  ADD ("/screenshots/export-warnings", test_export_warnings);
  ADD ("/screenshots/save-dialog", test_save_dialog);
  ADD ("/screenshots/propose-dialog", test_propose_dialog);
  ADD ("/screenshots/unsaved-dialog", test_switch_dialog);
  ADD ("/screenshots/preferences", test_preferences);
  ADD ("/screenshots/new-project-dialog", test_new_project_dialog);
  ADD ("/screenshots/export-dialog", test_export_dialog);
  ADD ("/screenshots/shortcuts", test_shortcuts);
  ADD ("/screenshots/review", test_review);
  ADD ("/screenshots/review-side-by-side", test_review_sides);
  ADD ("/screenshots/review-record", test_review_record);
  ADD ("/screenshots/review-instructions", test_review_instructions);
  ADD ("/screenshots/review-collisions", test_review_collisions);
  ADD ("/screenshots/review-narrow", test_review_narrow);
  ADD ("/screenshots/amendments-empty", test_amendments_empty);
  ADD ("/screenshots/vote-dialog", test_vote_dialog);
  ADD ("/screenshots/comment-dialog", test_comment_dialog);
  ADD ("/screenshots/paper-dialog", test_paper_dialog);
  ADD ("/screenshots/conflicts", test_conflicts_page);
  ADD ("/screenshots/remote-dialog", test_remote_dialog);
  ADD ("/screenshots/password-dialog", test_password_dialog);
  ADD ("/screenshots/package-report", test_package_report);
#undef ADD
  g_test_add_func ("/screenshots/start-page", test_start_page);

  return g_test_run ();
}
