/* test-gui-layout.c: what the window shows whole on a 1024 by 768 screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb, the window at 1024 by 768 (a projector, an older laptop):
 * what a row is about is never cut short, only what can be read
 * elsewhere too (a long name, also in the tooltip).
 */
#include "config.h"

#include <string.h>

#include "amend-gui-test.h"
#include "amend-test-git.h"

#define FILE_NAME "apv-lindewaarde.md"
#define LONG_AUTHOR "Afdeling Juridische Zaken en Regelgeving Lindewaarde <jz@lindewaarde.example>"

static gboolean
has_versions (gpointer data)
{
  AmendGuiFixture *f = data;
  GPtrArray *versions = amend_history_page_get_versions (amend_window_get_history_page (f->window));

  return !amend_window_is_busy (f->window) && versions && versions->len == 2;
}

static gboolean
sized (gpointer data)
{
  AmendGuiFixture *f = data;

  int width = gtk_widget_get_width (GTK_WIDGET (f->window));

  /* 1024 with the window's frame: client-side decorations without a
   * window manager. */
  return width > 1000 && width <= 1024;
}

/* Every mapped label under @widget whose text holds @text. */
static void
collect_labels (GtkWidget  *widget,
                const char *text,
                GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), text))
        g_ptr_array_add (out, child);
      collect_labels (child, text, out);
    }
}

static void
assert_ends (const char *text,
             const char *end)
{
  if (!g_str_has_suffix (text, end))
    g_error ("\"%s\" does not end in \"%s\"", text, end);
}

/* The history's list of versions: the date of each is shown whole, also
 * when its author has a long name; the name is what is cut short. */
static void
test_history_dates (AmendGuiFixture *f,
                    gconstpointer    data)
{
  AmendHistoryPage *history = amend_window_get_history_page (f->window);
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);
  GPtrArray *versions;

  g_string_replace (changed, "binnen acht weken", "binnen zes weken", 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Kortere beslistermijn", "--author", LONG_AUTHOR, NULL), ==, 0);
  g_assert_true (amend_gui_wait (has_versions, f, 30));
  if (!amend_gui_wait (sized, f, 20))
    g_error ("the window is %d pixels wide", gtk_widget_get_width (GTK_WIDGET (f->window)));
  amend_window_show_page (f->window, "history");
  amend_gui_wait_idle (f);
  amend_gui_spin (300);

  versions = amend_history_page_get_versions (history);
  for (guint i = 0; i < versions->len; i++)
    {
      AmendCommit *commit = g_ptr_array_index (versions, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (commit->date);
      g_autofree char *when = g_date_time_format (local, "%-d %B %Y, %H:%M");
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_labels (GTK_WIDGET (history), when, labels);
      g_assert_cmpuint (labels->len, >, 0);
      for (guint j = 0; j < labels->len; j++)
        {
          GtkLabel *label = g_ptr_array_index (labels, j);

          if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
            g_error ("the date of version %u is cut short at 1024 pixels: \"%s\" (%d pixels wide)", i,
                     gtk_label_get_text (label), gtk_widget_get_width (GTK_WIDGET (label)));
        }
    }
  /* A chosen version: what it is compared with is said whole. */
  amend_history_page_select (history, 1);
  amend_gui_wait_idle (f);
  amend_gui_spin (300);
  {
    g_autoptr(GPtrArray) captions = g_ptr_array_new ();
    GtkLabel *caption;

    collect_labels (GTK_WIDGET (history), "Changes from the version of", captions);
    g_assert_cmpuint (captions->len, ==, 1);
    caption = g_ptr_array_index (captions, 0);
    if (pango_layout_is_ellipsized (gtk_label_get_layout (caption)))
      g_error ("cut short at 1024 pixels: \"%s\"", gtk_label_get_text (caption));
    assert_ends (gtk_label_get_text (caption), "to the current text");
  }
  /* The long name is cut, and whole in the tooltip. */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    collect_labels (GTK_WIDGET (history), "Afdeling Juridische Zaken", names);
    g_assert_cmpuint (names->len, ==, 1);
    g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (g_ptr_array_index (names, 0))));
  }
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, "1024x768", amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/layout/history-dates", test_history_dates);
#undef ADD

  return g_test_run ();
}
