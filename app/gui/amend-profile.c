/* amend-profile.c: figures for tests/bench/run-gui.sh, printed with AMEND_PROFILE=1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With AMEND_PROFILE=1 amend-gui prints on standard output, once a
 * project is open:
 *   amend-profile: first-frame-ms N   start of main() to the first frame that shows the text
 *   amend-profile: rss-kb N           VmRSS then
 *   amend-profile: keystroke-ms N     (AMEND_PROFILE_KEYS=K) K keystrokes typed in the middle of the
 *                                     text while the live check runs, each from the insert to the
 *                                     frame that shows it: median and maximum
 * and quits when AMEND_PROFILE_QUIT=1.  The figures are read by a person;
 * no test checks a time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-editor.h"
#include "amend-profile.h"
#include "amend-window.h"

static gint64 start_time;

void
amend_profile_start (void)
{
  start_time = g_get_monotonic_time ();
}

gboolean
amend_profile_enabled (void)
{
  return g_strcmp0 (g_getenv ("AMEND_PROFILE"), "1") == 0;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

typedef struct {
  GtkWidget *window;
  guint      left;
  gint64     typed_at;
  GArray    *times;      /* of double, ms */
  gulong     handler;
} Keys;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void type_one (Keys *keys);

static void
key_painted (GdkFrameClock *clock,
             Keys          *keys)
{
  double ms;

  if (keys->typed_at == 0)
    return;
  ms = (g_get_monotonic_time () - keys->typed_at) / 1000.0;
  g_array_append_val (keys->times, ms);
  keys->typed_at = 0;
  if (--keys->left > 0)
    {
      type_one (keys);
      return;
    }
  g_signal_handler_disconnect (clock, keys->handler);
  g_array_sort (keys->times, compare_doubles);
  printf ("amend-profile: keystroke-ms median %.1f max %.1f (%u keys)\n",
          g_array_index (keys->times, double, keys->times->len / 2),
          g_array_index (keys->times, double, keys->times->len - 1), keys->times->len);
  fflush (stdout);
  if (g_strcmp0 (g_getenv ("AMEND_PROFILE_QUIT"), "1") == 0)
    gtk_window_destroy (GTK_WINDOW (keys->window));
  g_array_unref (keys->times);
  g_free (keys);
}

static void
type_one (Keys *keys)
{
  AmendEditor *editor = amend_window_get_editor (AMEND_WINDOW (keys->window));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (amend_editor_get_buffer (editor));

  keys->typed_at = g_get_monotonic_time ();
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", 1, TRUE);
}

static gboolean
start_keys (gpointer data)
{
  Keys *keys = data;
  AmendEditor *editor = amend_window_get_editor (AMEND_WINDOW (keys->window));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (amend_editor_get_buffer (editor));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (keys->window);
  guint lines = gtk_text_buffer_get_line_count (buffer);

  /* Typing in the middle of the text, where the view has to lay out. */
  amend_editor_goto_line (editor, lines / 2);
  keys->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (key_painted), keys);
  type_one (keys);
  return G_SOURCE_REMOVE;
}

static void
first_paint (GdkFrameClock *clock,
             GtkWidget     *window)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "amend-profile-handler"));
  const char *what = g_object_get_data (G_OBJECT (window), "amend-profile-what");
  const char *keys_env = g_getenv ("AMEND_PROFILE_KEYS");
  guint n_keys = keys_env ? (guint) g_ascii_strtoull (keys_env, NULL, 10) : 0;

  g_signal_handler_disconnect (clock, handler);
  printf ("amend-profile: first-frame-ms %.1f (%s)\n", (g_get_monotonic_time () - start_time) / 1000.0, what);
  printf ("amend-profile: rss-kb %ld\n", rss_kb ());
  fflush (stdout);
  if (n_keys > 0)
    {
      Keys *keys = g_new0 (Keys, 1);

      keys->window = window;
      keys->left = n_keys;
      keys->times = g_array_new (FALSE, FALSE, sizeof (double));
      /* After the first live check has started, so typing meets it. */
      g_timeout_add (500, start_keys, keys);
    }
  else if (g_strcmp0 (g_getenv ("AMEND_PROFILE_QUIT"), "1") == 0)
    gtk_window_destroy (GTK_WINDOW (window));
}

void
amend_profile_first_frame (GtkWidget  *window,
                           const char *what)
{
  GdkFrameClock *clock;
  gulong handler;

  if (!amend_profile_enabled ())
    return;
  clock = gtk_widget_get_frame_clock (window);
  if (clock == NULL)
    return;
  g_object_set_data_full (G_OBJECT (window), "amend-profile-what", g_strdup (what), g_free);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (first_paint), window);
  g_object_set_data (G_OBJECT (window), "amend-profile-handler", GSIZE_TO_POINTER (handler));
  gtk_widget_queue_draw (window);
}
