/* amend-application.c: the application: command line, app actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   amend-gui            the start page (open, new, import, recent projects)
 *   amend-gui DIR|FILE   that project
 *   amend-gui FILE.amend a package: taken into the project of the open
 *                        window, or made a new project when it holds one
 *   amend-gui --example  the example project, made in the user data folder
 *                        the first time (amend_example_ensure)
 */
#include "config.h"

#include <epoxy/gl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "amend-application.h"
#include "amend-draft-store.h"
#include "amend-preferences-window.h"
#include "amend-resources.h"
#include "amend-window.h"

struct _AmendApplication
{
  AdwApplication  parent_instance;
};

G_DEFINE_FINAL_TYPE (AmendApplication, amend_application, ADW_TYPE_APPLICATION)

/* The resources are registered by hand (glib-compile-resources
 * --manual-register): from a static library a constructor would be
 * dropped by the linker. */
void
amend_gui_init_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      amend_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static AmendWindow *
new_window (AmendApplication *self)
{
  AmendWindow *window = amend_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Opening starts before the window is shown, so that its first frame
 * is the page that says what is being opened, not the start page. */
static void
open_window (AmendApplication *self,
             const char       *path)
{
  AmendWindow *window = amend_window_new (GTK_APPLICATION (self));

  if (path)
    amend_window_open (window, path);
  else
    amend_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
amend_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (AMEND_APPLICATION (app)));
  gtk_window_present (window);
}

static int
amend_application_command_line (GApplication            *app,
                                GApplicationCommandLine *cmdline)
{
  AmendApplication *self = AMEND_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_auto(GStrv) argv = NULL;
  gboolean example = FALSE;
  int argc;

  argv = g_application_command_line_get_arguments (cmdline, &argc);
  g_variant_dict_lookup (options, "example", "b", &example);
  if (example)
    open_window (self, NULL);
  else if (argc > 1)
    for (int i = 1; i < argc; i++)
      {
        g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, argv[i]);
        g_autofree char *path = g_file_get_path (file);
        GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

        /* A package (from the file manager): into the project open in
         * the window, or as a new project when it holds a whole one. */
        if (path && g_str_has_suffix (path, ".amend"))
          {
            amend_window_open_package (active ? AMEND_WINDOW (active) : new_window (self), path);
            continue;
          }

        open_window (self, path);
      }
  else
    amend_application_activate (app);
  return 0;
}

static void
action_quit (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Through close-request, so every window keeps its unsaved text. */
  for (GList *l = windows; l; )
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
}

static void
action_preferences (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AmendDraftStore) drafts = amend_draft_store_new (NULL);
  AmendPreferencesWindow *prefs = amend_preferences_window_new (gtk_application_get_active_window (app), settings,
                                                                amend_draft_store_get_dir (drafts));

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
action_about (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Amend developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Amend"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write local regulations together, as Markdown in git"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", action_quit },
  { "preferences", action_preferences },
  { "about", action_about },
};

/* GTK 4.8 draws with OpenGL wherever there is OpenGL, also where it is
 * only Mesa's software rasteriser (llvmpipe: a virtual desktop, a remote
 * session, a machine without a graphics driver).  There each frame is
 * rasterised on the CPU in full, while GTK's cairo renderer redraws only
 * what changed: a keystroke in a long regulation reached the screen in
 * 53 ms against 13 ms (medians), in 245 MB against 139 MB (README,
 * "Benchmarks").  Later GTK versions make this choice themselves.  A
 * GSK_RENDERER the user set is left alone; before any window exists,
 * since GTK reads it when a window is realized. */
static void
choose_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  const char *chosen = g_getenv ("GSK_RENDERER");
  const char *renderer;

  if (display == NULL || (chosen && *chosen))
    return;
  context = gdk_display_create_gl_context (display, NULL);
  /* Without OpenGL GTK takes the cairo renderer by itself. */
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return;
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  if (renderer && (strstr (renderer, "llvmpipe") || strstr (renderer, "softpipe") || strstr (renderer, "swrast")))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gdk_gl_context_clear_current ();
}

static void
amend_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (amend_application_parent_class)->startup (app);
  choose_renderer ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
}

static void
amend_application_class_init (AmendApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = amend_application_activate;
  app_class->command_line = amend_application_command_line;
  app_class->startup = amend_application_startup;
}

static void
amend_application_init (AmendApplication *self)
{
  static const GOptionEntry options[] = {
    { "example", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the example project (made in the user data folder the first time)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FOLDER]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the regulation project in FOLDER, or the start page."));
}

AmendApplication *
amend_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_COMMAND_LINE;

  /* The tests start many instances on one session bus. */
  if (g_strcmp0 (g_getenv ("AMEND_NON_UNIQUE"), "1") == 0)
    flags |= G_APPLICATION_NON_UNIQUE;
  amend_gui_init_resources ();
  return g_object_new (AMEND_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/amend/Amend",
                       NULL);
}
