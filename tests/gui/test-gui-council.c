/* test-gui-council.c: a council member's work in the window at 1024 by 768
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb, the window at 1024 by 768 (a projector in the council
 * chamber, an older laptop): what the header says about where one
 * writes, finding words again, and nothing GTK has to warn about on the
 * way.  GTK's warnings are counted by a log writer of this program, since
 * the tests make them non-fatal (see amend-gui-test.c).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amend-example.h"
#include "amend-amendments-page.h"
#include "amend-gui-test.h"
#include "amend-paper-dialog.h"
#include "amend-review-page.h"

#define SLUG  AMEND_EXAMPLE_AMENDMENT_SLUG
#define TITLE "Kortere beslistermijn"

static guint gtk_text_warnings;

static GLogWriterOutput
count_warnings (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "GtkText") != NULL)
      gtk_text_warnings++;
  return g_log_writer_default (level, fields, n_fields, data);
}

static GtkWidget *
header_of (AmendGuiFixture *f)
{
  GtkLabel *title = amend_gui_find_label (GTK_WIDGET (f->window), amend_project_get_title (amend_window_get_project (f->window)));

  g_assert_nonnull (title);
  return gtk_widget_get_ancestor (GTK_WIDGET (title), ADW_TYPE_HEADER_BAR);
}

static gboolean
on_amendment (gpointer data)
{
  AmendGuiFixture *f = data;

  return !amend_window_is_busy (f->window) && g_strcmp0 (amend_window_get_where (f->window), TITLE) == 0;
}

static gboolean
sized (gpointer data)
{
  AmendGuiFixture *f = data;
  int width = gtk_widget_get_width (GTK_WIDGET (f->window));

  return width > 1000 && width <= 1024;
}

static void
shoot (AmendGuiFixture *f,
       const char      *name)
{
  const char *dir = g_getenv ("AMEND_SCREENSHOT_DIR") ? g_getenv ("AMEND_SCREENSHOT_DIR") : "screenshots";
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  amend_gui_save_png (GTK_WIDGET (f->window), path);
}

/* At 1024 pixels the header says whole which amendment one writes in and
 * has room for the word Save: the title beside them had taken the room
 * of the page switcher it could not show, and cut the branch button to
 * "Kortere…". */
static void
test_header_branch (AmendGuiFixture *f,
                    gconstpointer    data)
{
  GtkWidget *header;
  GtkLabel *branch;

  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", SLUG, NULL), ==, 0);
  g_assert_true (amend_gui_wait (on_amendment, f, 20));
  g_assert_true (amend_gui_wait (sized, f, 10));
  amend_gui_spin (300);
  header = header_of (f);
  branch = amend_gui_find_label (header, TITLE);
  g_assert_nonnull (branch);
  if (pango_layout_is_ellipsized (gtk_label_get_layout (branch)))
    g_error ("the branch button is cut short at 1024 pixels: %d pixels for \"%s\"",
             gtk_widget_get_width (GTK_WIDGET (branch)), TITLE);
  g_assert_nonnull (amend_gui_find_label (header, "Save"));
  /* The pages are at the bottom, where they fit whole. */
  g_assert_null (amend_gui_find_label (header, "History"));
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window), "History"));
  shoot (f, "council-header-1024.png");
}

/* A project opened from the start page, after the window was shown at
 * 1024 pixels: the header is measured once it is shown, not only when
 * the window's size changes (the start page's header was the one
 * measured, and Save stayed an icon beside the title). */
static void
test_header_after_start_page (AmendGuiFixture *f,
                              gconstpointer    data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (amend_gui_wait (sized, f, 10));
  amend_gui_spin (300);
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  amend_gui_spin (300);
  shoot (f, "council-header-after-start.png");
  g_assert_nonnull (amend_gui_find_label (header_of (f), "Save"));
  g_assert_nonnull (amend_gui_find_label (header_of (f), "Draft"));
}

/* The find bar opened again on the words it had: they are selected before
 * the field takes the focus, so GTK does not start a cursor blinking in a
 * selection ("GtkText - unexpected blinking selection. Removing"). */
static void
test_find_again (AmendGuiFixture *f,
                 gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);
  GtkWidget *view = GTK_WIDGET (amend_editor_get_view (editor));

  if (!amend_gui_have_xdotool ())
    {
      g_test_skip ("xdotool is needed to press Ctrl+F and Escape");
      return;
    }
  gtk_text_warnings = 0;
  amend_gui_keys (view, "ctrl+f");
  amend_gui_type_keys (gtk_root_get_focus (GTK_ROOT (f->window)), "weken");
  amend_gui_keys (gtk_root_get_focus (GTK_ROOT (f->window)), "Escape");
  amend_gui_keys (view, "ctrl+f");
  /* Longer than a blink of the cursor (1.2 seconds). */
  amend_gui_spin (1600);
  g_assert_cmpuint (gtk_text_warnings, ==, 0);
}

static gboolean
amendments_in (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  return !amend_window_is_busy (f->window) && amend_amendments_page_get_survey (page) != NULL &&
         !amend_amendments_page_is_busy (page) && amend_amendments_page_get_row (page, SLUG) != NULL;
}

static gboolean
focus_in (AmendGuiFixture *f,
          GtkWidget       *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* From the keyboard alone to the Vote button: Alt+3 shows the amendments
 * with the focus on the first (also when the list comes in after the
 * key), Enter opens its review with the focus on its first action; from
 * the row, Tab goes there too, not to the next row of the list. */
static void
test_keyboard_to_vote (AmendGuiFixture *f,
                       gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  AmendReviewPage *review = amend_amendments_page_get_review (page);
  GtkWidget *view = GTK_WIDGET (amend_editor_get_view (amend_window_get_editor (f->window)));

  if (!amend_gui_have_xdotool ())
    {
      g_test_skip ("xdotool is needed to press Alt+3");
      return;
    }
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Ruimere terrastijden", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_gui_spin (600);
  amend_gui_wait_idle (f);
  amend_gui_keys (view, "alt+3");
  g_assert_true (amend_gui_wait (amendments_in, f, 60));
  amend_gui_spin (200);
  g_assert_true (focus_in (f, amend_amendments_page_get_row (page, SLUG)));
  amend_gui_keys (gtk_root_get_focus (GTK_ROOT (f->window)), "Return");
  g_assert_true (amend_gui_wait (amendments_in, f, 60));
  g_assert_cmpstr (amend_review_page_get_slug (review), ==, SLUG);
  g_assert_true (focus_in (f, amend_review_page_get_button (review, "vote")));
  gtk_widget_grab_focus (amend_amendments_page_get_row (page, SLUG));
  amend_gui_keys (gtk_root_get_focus (GTK_ROOT (f->window)), "Tab");
  g_assert_true (focus_in (f, amend_review_page_get_button (review, "vote")));
}

static gboolean
modified (AmendGuiFixture *f)
{
  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (amend_editor_get_buffer (amend_window_get_editor (f->window))));
}

/* Discard Unsaved Changes with nothing unsaved: the header said "unsaved
 * changes" after it.  Now it is offered only with something to discard,
 * and after it the header says nothing is unsaved; Ctrl+Z brings the
 * text back. */
static void
test_discard_state (AmendGuiFixture *f,
                    gconstpointer    data)
{
  GtkWidget *window = GTK_WIDGET (f->window);

  g_assert_false (modified (f));
  gtk_widget_activate_action (window, "win.discard-changes", NULL);
  amend_gui_spin (100);
  g_assert_false (modified (f));
  g_assert_null (amend_gui_find_label (window, "voorbeeld \u00b7 Draft \u00b7 unsaved changes"));

  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Met redenen.");
  g_assert_true (modified (f));
  g_assert_nonnull (amend_gui_find_label (window, "voorbeeld \u00b7 Draft \u00b7 unsaved changes"));
  gtk_widget_activate_action (window, "win.discard-changes", NULL);
  amend_gui_spin (100);
  g_assert_false (modified (f));
  g_assert_false (amend_window_has_unsaved (f->window));
  g_assert_nonnull (amend_gui_find_label (window, "voorbeeld \u00b7 Draft"));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (amend_editor_get_buffer (amend_window_get_editor (f->window))));
  g_assert_true (amend_window_has_unsaved (f->window));
}

/* The council paper from the main menu: all submitted amendments, said
 * in a sentence; no radio button alone with nothing to choose. */
static void
test_paper_from_menu (AmendGuiFixture *f,
                      gconstpointer    data)
{
  AmendPaperDialog *dialog;

  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paper", NULL);
  amend_gui_wait_dialog (f);
  dialog = AMEND_PAPER_DIALOG (amend_window_get_dialog (f->window));
  g_assert_false (gtk_widget_get_mapped (amend_paper_dialog_get_choice (dialog, TRUE)));
  g_assert_false (gtk_widget_get_mapped (amend_paper_dialog_get_choice (dialog, FALSE)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "It holds every submitted amendment, in the order of voting."));
  g_assert_null (amend_paper_dialog_get_slug (dialog));
}

int
main (int    argc,
      char **argv)
{
  g_log_set_writer_func (count_warnings, NULL, NULL);
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, "1024x768", amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/council/header-branch", test_header_branch);
  ADD ("/council/header-after-start-page", test_header_after_start_page);
  ADD ("/council/find-again", test_find_again);
  ADD ("/council/keyboard-to-vote", test_keyboard_to_vote);
  ADD ("/council/discard-state", test_discard_state);
  ADD ("/council/paper-from-menu", test_paper_from_menu);
#undef ADD

  return g_test_run ();
}
