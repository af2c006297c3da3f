/* amend-window-regulations.c: which regulation of the project the window has open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project may hold several regulations (apv.md and markt.md); the
 * window has one open at a time, and the editor, the outline, Save, the
 * live check and the history follow it.  Switching keeps unsaved text as
 * GNOME Text Editor keeps the text of a document in another tab: it waits
 * as the draft of its regulation (so a crash does not lose it either) and
 * comes back when that regulation is chosen again, with the cursor where
 * it was.  The chooser is in the sidebar, shown only for several.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-window-private.h"

enum {
  PROP_0,
  PROP_REGULATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The regulations (other than the one open) with unsaved text kept. */
static GStrv
unsaved_regulations (AmendWindow *self)
{
  const char * const *files = amend_project_get_regulations (self->project);
  g_autoptr(GStrvBuilder) unsaved = g_strv_builder_new ();

  for (guint i = 0; files && files[i]; i++)
    {
      g_autoptr(GPtrArray) drafts = NULL;

      if (g_strcmp0 (files[i], amend_project_get_file (self->project)) == 0)
        continue;
      drafts = amend_draft_store_list (self->drafts, amend_project_get_path (self->project),
                                       amend_project_get_branch (self->project), files[i]);
      if (drafts->len > 0)
        g_strv_builder_add (unsaved, files[i]);
    }
  return g_strv_builder_end (unsaved);
}

/* After every snapshot: the chooser, and the state of win.regulation. */
void
_amend_window_update_regulations (AmendWindow *self)
{
  g_auto(GStrv) unsaved = NULL;

  if (self->project == NULL)
    return;
  unsaved = unsaved_regulations (self);
  amend_outline_panel_set_regulations (self->outline_panel, amend_project_get_regulations (self->project),
                                       amend_project_get_regulation_titles (self->project),
                                       amend_project_get_file (self->project), (const char * const *) unsaved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cycle-regulation",
                                 amend_project_has_several_regulations (self->project));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGULATION]);
}

/* On opening the project: unsaved text kept for another regulation than
 * the one opened (the window was closed, or crashed, on that one) is
 * said, with a button to it, not only in the chooser of a hidden sidebar. */
void
_amend_window_note_other_drafts (AmendWindow *self)
{
  g_auto(GStrv) unsaved = NULL;
  g_autofree char *message = NULL;
  AdwToast *note;

  if (self->project == NULL || !amend_project_has_several_regulations (self->project))
    return;
  unsaved = unsaved_regulations (self);
  if (unsaved[0] == NULL)
    return;
  message = g_strdup_printf (_("%s has unsaved changes too"), unsaved[0]);
  note = adw_toast_new (message);
  adw_toast_set_timeout (note, 10);
  adw_toast_set_button_label (note, _("_Open It"));
  adw_toast_set_action_name (note, "win.regulation");
  adw_toast_set_action_target_value (note, g_variant_new_string (unsaved[0]));
  adw_toast_overlay_add_toast (self->toast_overlay, note);
}

/* The cursor goes back where it was in the regulation chosen again. */
static void
restore_cursor (AmendWindow *self)
{
  gpointer line;

  if (self->regulation_lines &&
      g_hash_table_lookup_extended (self->regulation_lines, amend_project_get_file (self->project), NULL, &line))
    amend_editor_goto_line (self->editor, GPOINTER_TO_UINT (line));
}

static void
regulation_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) next = amend_project_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      /* The editor still has the text of the regulation it had. */
      _amend_window_show_gerror (self, _("Cannot Open the Regulation"), error);
      _amend_window_update_regulations (self);
      return;
    }
  /* Its unsaved text is simply there again, as in another tab. */
  self->quiet_restore = TRUE;
  _amend_window_set_project (self, next, REASON_SWITCH);
  self->quiet_restore = FALSE;
  restore_cursor (self);
}

/* Opens the regulation @file of the project (a name such as "markt.md"),
 * the unsaved text of the one open kept as its draft. */
void
amend_window_open_regulation (AmendWindow *self,
                              const char  *file)
{
  g_autofree char *full = NULL;

  g_return_if_fail (AMEND_IS_WINDOW (self));

  if (self->project == NULL || self->busy || file == NULL ||
      g_strcmp0 (file, amend_project_get_file (self->project)) == 0 ||
      !g_strv_contains (amend_project_get_regulations (self->project), file))
    return;
  /* Never lose an edit: without its draft on disk, no switch. */
  if (!amend_window_keep_draft (self))
    return;
  if (self->regulation_lines == NULL)
    self->regulation_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->regulation_lines, g_strdup (amend_project_get_file (self->project)),
                       GUINT_TO_POINTER (amend_editor_get_cursor_line (self->editor)));
  full = g_build_filename (amend_project_get_path (self->project), file, NULL);
  _amend_window_set_busy (self, TRUE);
  amend_project_load_async (full, self->cancellable, regulation_loaded, g_object_ref (self));
}

/* Ctrl+Alt+Page Down and Page Up: the next or the previous regulation,
 * as GNOME Text Editor goes from tab to tab. */
static void
action_cycle_regulation (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char * const *files;
  guint n, at = 0;

  if (self->project == NULL)
    return;
  files = amend_project_get_regulations (self->project);
  n = g_strv_length ((char **) files);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (files[i], amend_project_get_file (self->project)) == 0)
      at = i;
  if (n > 1)
    amend_window_open_regulation (self, files[(at + n + g_variant_get_int32 (param)) % n]);
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  AmendWindow *self = AMEND_WINDOW (object);

  if (prop_id != PROP_REGULATION)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, self->project ? amend_project_get_file (self->project) : "");
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  if (prop_id != PROP_REGULATION)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  amend_window_open_regulation (AMEND_WINDOW (object), g_value_get_string (value));
}

/* win.regulation is the property "regulation": its state is the one
 * open, so the chooser's menu marks it. */
void
_amend_window_regulations_class_init (AmendWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = get_property;
  object_class->set_property = set_property;
  properties[PROP_REGULATION] = g_param_spec_string ("regulation", NULL, NULL, "",
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "win.regulation", "regulation");
  gtk_widget_class_install_action (widget_class, "win.cycle-regulation", "i", action_cycle_regulation);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.cycle-regulation", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.cycle-regulation", "i", -1);
}
