/* amend-start-page.c: what the window shows before a project is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-gui-util.h"

#include "amend-start-page.h"

struct _AmendStartPage
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;
};

enum {
  OPEN_RECENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendStartPage, amend_start_page, GTK_TYPE_WIDGET)

void
amend_start_page_set_recent (AmendStartPage     *self,
                             const char * const *paths)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; paths && paths[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_path_get_basename (paths[i]);
      g_autofree char *dir = g_path_get_dirname (paths[i]);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (paths[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}

static void
recent_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  AmendStartPage *self)
{
  g_signal_emit (self, signals[OPEN_RECENT], 0, g_object_get_data (G_OBJECT (row), "path"));
}

static void
amend_start_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMEND_TYPE_START_PAGE);
  /* The template's top box is not a bound child: it goes here. */
  amend_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (amend_start_page_parent_class)->dispose (object);
}

static void
amend_start_page_class_init (AmendStartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_start_page_dispose;
  signals[OPEN_RECENT] = g_signal_new ("open-recent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AmendStartPage, recent_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
amend_start_page_init (AmendStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (recent_activated), self);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), FALSE);
}
