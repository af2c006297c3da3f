/* amend-gui-test.c: what the GUI tests share: a display, a project, waiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests run under Xvfb (meson starts them through xvfb-run and
 * dbus-run-session) on a new copy of the example project each, made by
 * amend_example_create in a temporary folder.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include <string.h>

#include "amend-application.h"
#include "amend-example.h"
#include "amend-gui-test.h"
#include "amend-test-git.h"

void
amend_gui_test_init (int    *argc,
                     char ***argv)
{
  g_autofree char *home = NULL;
  g_autofree char *data = NULL;
  const char *localedir = g_getenv ("AMEND_LOCALEDIR");

  /* Git identity, HOME and the user folders all in a temporary place:
   * drafts, the example and settings never touch the real ones. */
  amend_test_git_setup_env ();
  home = g_strdup (amend_test_git_home ());
  data = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);
  /* GTK 4.8 warns "Trying to snapshot GtkGizmo ... without a current
   * allocation" when a frame comes between a widget's show and its first
   * size allocation: a known, harmless race in GTK that a loaded machine
   * hits at random.  GTK logs it structured, past g_test's fatal handler,
   * so warnings are made non-fatal here; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_init ();
  adw_init ();
  /* The buttons GNOME puts in a header bar, as on a GNOME desktop or a
   * phone; without a window manager GTK would add minimize and maximize. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  amend_gui_init_resources ();
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
amend_gui_wait (gboolean (*done) (gpointer),
                gpointer   data,
                guint      seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, wake, NULL);
  gboolean ok;

  while (!(ok = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
amend_gui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  guint tick = g_timeout_add (10, wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  (void) never;
}

static gboolean
window_idle (gpointer data)
{
  AmendGuiFixture *f = data;

  return amend_window_get_project (f->window) != NULL &&
         !amend_window_is_busy (f->window) &&
         !amend_history_page_is_busy (amend_window_get_history_page (f->window)) &&
         !amend_editor_is_checking (amend_window_get_editor (f->window));
}

void
amend_gui_wait_idle (AmendGuiFixture *f)
{
  if (!amend_gui_wait (window_idle, f, 60))
    g_error ("the window did not settle in 60 seconds (last error: %s)",
             amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none");
}

static gboolean
has_dialog (gpointer data)
{
  AmendGuiFixture *f = data;
  GtkWindow *dialog = amend_window_get_dialog (f->window);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

void
amend_gui_wait_dialog (AmendGuiFixture *f)
{
  if (!amend_gui_wait (has_dialog, f, 20))
    g_error ("no dialog appeared");
}

void
amend_gui_fixture_setup (AmendGuiFixture *f,
                         gconstpointer    data)
{
  g_autofree char *source = g_build_filename (g_getenv ("AMEND_SOURCE_DIR"), "data", "example", "apv-lindewaarde.md", NULL);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-email");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  /* @data, when given, is the size of the window: "1024x768". */
  if (data)
    {
      int width = 0, height = 0;

      g_assert_cmpint (sscanf (data, "%dx%d", &width, &height), ==, 2);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  f->tmp = amend_test_tmpdir ("amend-gui");
  f->dir = g_build_filename (f->tmp, "voorbeeld", NULL);
  repo = amend_example_create (source, f->dir, &error);
  g_assert_no_error (error);

  f->window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
}

void
amend_gui_fixture_teardown (AmendGuiFixture *f,
                            gconstpointer    data)
{
  GtkWindow *dialog = amend_window_get_dialog (f->window);

  if (dialog)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  amend_gui_spin (50);
  amend_test_rmtree (f->tmp);
  g_free (f->tmp);
  g_free (f->dir);
}

/* Puts the cursor at the end of the line that contains @after and types
 * @text there, as keystrokes would (undoable, interactive). */
void
amend_gui_type (AmendGuiFixture *f,
                const char      *after,
                const char      *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (amend_editor_get_buffer (amend_window_get_editor (f->window)));
  GtkTextIter start, end, match;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, after, 0, NULL, &match, NULL));
  if (!gtk_text_iter_ends_line (&match))
    gtk_text_iter_forward_to_line_end (&match);
  gtk_text_buffer_place_cursor (buffer, &match);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

char *
amend_gui_text (AmendGuiFixture *f)
{
  return amend_editor_dup_text (amend_window_get_editor (f->window));
}

static void
count_paint (GdkFrameClock *clock,
             guint         *painted)
{
  (*painted)++;
}

/* Until the widget's window has laid out and painted twice since now: a
 * dialog that was just shown has children without a size before that,
 * and GTK warns (fatally, in a test) when those are drawn. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong id;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (clock == NULL)
    {
      amend_gui_spin (500);
      return;
    }
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (painted < 2 && g_get_monotonic_time () < end)
    {
      gtk_widget_queue_draw (widget);
      amend_gui_spin (50);
    }
  g_signal_handler_disconnect (clock, id);
}

/* The widget as drawn, through its own renderer, into a PNG. */
void
amend_gui_save_png (GtkWidget  *widget,
                    const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width, height;

  wait_for_paint (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  /* A window that has not drawn yet gives no node: give it frames. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      if (tries > 0)
        amend_gui_spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Runs the real `amend` program (AMEND_BIN) on the fixture's project, as
 * a user in a terminal beside the window would; its exit status. */
int
amend_gui_cli (AmendGuiFixture *f,
               char           **out,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autofree char *unused = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("AMEND_BIN"));
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, f->dir);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  /* Its output is always taken, also when not asked for: on the test's
   * own standard output it would break the TAP stream. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out ? out : &unused, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("amend said: %s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Real input: xdotool sends key presses and clicks to the X server
 * (XTest), which hands them to the window as a person's would. */
gboolean
amend_gui_have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
}

static void
xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "xdotool");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static char *
xid_of (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
}

/* Gives the X focus to the widget's window (there is no window manager
 * under Xvfb to do it) and the keyboard focus to the widget. */
static void
focus (GtkWidget *widget)
{
  g_autofree char *xid = xid_of (widget);
  const char *args[] = { "windowfocus", "--sync", xid, NULL };

  xdotool (args);
  if (gtk_widget_get_focusable (widget) || GTK_IS_TEXT_VIEW (widget))
    gtk_widget_grab_focus (widget);
  amend_gui_spin (100);
}

/* @keys as xdotool names them: "ctrl+s", "F6", "Escape". */
void
amend_gui_keys (GtkWidget  *widget,
                const char *keys)
{
  const char *args[] = { "key", "--clearmodifiers", keys, NULL };

  focus (widget);
  xdotool (args);
  amend_gui_spin (200);
}

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} TypedWait;

static gboolean
typed_arrived (gpointer data)
{
  TypedWait *w = data;

  return g_str_has_suffix (gtk_editable_get_text (w->editable), w->text);
}

void
amend_gui_type_keys (GtkWidget  *widget,
                     const char *text)
{
  const char *args[] = { "type", "--delay", "5", "--", text, NULL };

  focus (widget);
  xdotool (args);
  /* The keys arrive as X events: on a loaded machine an entry may not
   * have them all after a moment, so wait until it shows what was typed. */
  if (GTK_IS_EDITABLE (widget))
    {
      TypedWait w = { GTK_EDITABLE (widget), text };

      if (!amend_gui_wait (typed_arrived, &w, 20))
        g_error ("typed “%s”, the entry shows “%s”", text, gtk_editable_get_text (w.editable));
      return;
    }
  amend_gui_spin (200);
}

static void
note_clicked (GtkButton *button,
              gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* A press and release of the first button in the middle of @widget, where
 * it is now. */
static void
click_at (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *xid = xid_of (widget);
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  graphene_point_t at;
  double nx = 0, ny = 0;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &at));
  /* The surface's origin is the native widget's, less its shadow. */
  gtk_native_get_surface_transform (native, &nx, &ny);
  x = g_strdup_printf ("%d", (int) (at.x + nx));
  y = g_strdup_printf ("%d", (int) (at.y + ny));
  {
    const char *args[] = { "mousemove", "--sync", "--window", xid, x, y, "click", "1", NULL };

    focus (GTK_WIDGET (native));
    xdotool (args);
  }
}

/* A click of the first button in the middle of @widget.  A button is
 * watched until it says it was clicked: the click arrives as X events,
 * later on a loaded machine, and a dialog still settling its layout may
 * have moved the button from where the click went, so a click that is
 * not received is made again where the button is then.  The button is
 * held, since what it does may close its dialog. */
void
amend_gui_click (GtkWidget *widget)
{
  gboolean clicked = FALSE;
  gulong id;

  /* Let a pending layout finish before the button's place is read. */
  g_object_ref (widget);
  amend_gui_spin (100);
  if (!GTK_IS_BUTTON (widget))
    {
      /* A row of a list filled anew meanwhile is no longer in the window:
       * the caller looks for its successor. */
      if (gtk_widget_get_native (widget) != NULL && gtk_widget_get_mapped (widget))
        click_at (widget);
      else
        g_test_message ("the %s to click was taken away before the click", G_OBJECT_TYPE_NAME (widget));
      amend_gui_spin (200);
      g_object_unref (widget);
      return;
    }
  id = g_signal_connect_after (widget, "clicked", G_CALLBACK (note_clicked), &clicked);
  for (guint attempt = 0; attempt < 3 && !clicked; attempt++)
    {
      if (attempt > 0)
        g_test_message ("a click on a %s was not received; clicking again", G_OBJECT_TYPE_NAME (widget));
      click_at (widget);
      amend_gui_wait (is_true, &clicked, attempt < 2 ? 5 : 20);
    }
  if (!clicked)
    g_error ("a click on a %s was not received", G_OBJECT_TYPE_NAME (widget));
  g_signal_handler_disconnect (widget, id);
  g_object_unref (widget);
  amend_gui_spin (50);
}

/* The mapped label under @widget whose text is @text, or NULL. */
GtkLabel *
amend_gui_find_label (GtkWidget  *widget,
                      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = amend_gui_find_label (child, text)))
        return found;
    }
  return NULL;
}
