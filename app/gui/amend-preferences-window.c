/* amend-preferences-window.c: author and autosave, in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bound with g_settings_bind: a change takes effect at once, as in every
 * GNOME application, without an Apply button.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-preferences-window.h"

struct _AmendPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  AdwActionRow         *drafts_row;
  GtkSpinButton        *autosave_spin;
};

G_DEFINE_FINAL_TYPE (AmendPreferencesWindow, amend_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

AmendPreferencesWindow *
amend_preferences_window_new (GtkWindow  *parent,
                              GSettings  *settings,
                              const char *drafts_dir)
{
  AmendPreferencesWindow *self = g_object_new (AMEND_TYPE_PREFERENCES_WINDOW,
                                               "transient-for", parent, "modal", TRUE, NULL);

  g_settings_bind (settings, "author-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "author-email", self->email_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-interval", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->drafts_row, drafts_dir);
  return self;
}

static void
amend_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMEND_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (amend_preferences_window_parent_class)->dispose (object);
}

static void
amend_preferences_window_class_init (AmendPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPreferencesWindow, drafts_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPreferencesWindow, autosave_spin);
}

static void
amend_preferences_window_init (AmendPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
