/* amend-window-header.c: the window's header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The title with the project folder and where one writes, the button
 * that switches between the draft and the amendments, and the switcher
 * of the pages beside the title where it fits, else at the bottom.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-gui-util.h"
#include "amend-window-private.h"

char *
_amend_window_branch_label (AmendProject *project)
{
  AmendAmendment *amendment = amend_project_get_amendment (project);

  if (amend_project_is_on_main (project))
    return g_strdup (_("Draft"));
  if (amendment)
    return amend_amendment_dup_list_title (amendment, amend_project_get_amendments (project));
  return g_strdup (amend_project_get_branch (project));
}

/* "the draft" or the amendment's title in quotes, inside a sentence. */
char *
_amend_window_where_label (AmendProject *project)
{
  g_autofree char *label = NULL;

  if (amend_project_is_on_main (project))
    return g_strdup (_("the draft"));
  label = _amend_window_branch_label (project);
  return g_strdup_printf ("\xe2\x80\x9c%s\xe2\x80\x9d", label);
}

void
_amend_window_update_title (AmendWindow *self)
{
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *folder = NULL;
  gboolean unsaved;

  if (self->project == NULL)
    return;
  where = _amend_window_branch_label (self->project);
  folder = g_path_get_basename (amend_project_get_path (self->project));
  unsaved = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (amend_editor_get_buffer (self->editor)));
  /* TRANSLATORS: subtitle: the project folder and the draft or amendment */
  subtitle = unsaved ? g_strdup_printf (_("%s · %s · unsaved changes"), folder, where)
                     : g_strdup_printf (_("%s · %s"), folder, where);
  adw_window_title_set_title (self->wide_title, amend_project_get_title (self->project));
  adw_window_title_set_subtitle (self->wide_title, subtitle);
  adw_window_title_set_title (self->narrow_title, amend_project_get_title (self->project));
  adw_window_title_set_subtitle (self->narrow_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), amend_project_get_title (self->project));
  gtk_label_set_text (self->branch_label, where);
  /* Discard is offered exactly while the subtitle says there is
   * something to discard. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-changes", unsaved);
  _amend_window_fit_header (self);
}

void
_amend_window_update_branch_menu (AmendWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) draft = g_menu_new ();
  g_autoptr(GMenu) amendments = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  GPtrArray *list = amend_project_get_amendments (self->project);

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Draft"), NULL);

    g_menu_item_set_action_and_target (item, "win.switch-branch", "s", amend_project_get_main_branch (self->project));
    g_menu_append_item (draft, item);
  }
  for (guint i = 0; i < list->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (list, i);
      AmendStatus status = amend_amendment_get_status (a);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *title = NULL;

      /* Where one writes: the open amendments (and the one written in),
       * not those decided or withdrawn; the review page shows those. */
      if (status != AMEND_STATUS_CONCEPT && status != AMEND_STATUS_SUBMITTED &&
          g_strcmp0 (amend_amendment_get_branch (a), amend_project_get_branch (self->project)) != 0)
        continue;
      title = amend_amendment_dup_list_title (a, list);
      item = g_menu_item_new (title, NULL);

      g_menu_item_set_action_and_target (item, "win.switch-branch", "s", amend_amendment_get_branch (a));
      g_menu_append_item (amendments, item);
    }
  g_menu_append (actions, _("_Propose Amendment…"), "win.propose");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (draft));
  if (g_menu_model_get_n_items (G_MENU_MODEL (amendments)) > 0)
    g_menu_append_section (menu, _("Amendments"), G_MENU_MODEL (amendments));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  gtk_menu_button_set_menu_model (self->branch_button, G_MENU_MODEL (menu));
}

/* Too narrow for the switcher beside the title: it goes to the bottom
 * (libadwaita 1.2 has no breakpoints; the squeezer measures instead). */
static void
squeezed (AdwSqueezer *squeezer,
          GParamSpec  *pspec,
          AmendWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar, self->wide_box != adw_squeezer_get_visible_child (squeezer));
}

/* The switcher beside the title, only where the header holds both with
 * the buttons beside them at their natural width.  GtkCenterLayout gives
 * the title its natural width first and the buttons only their minimum,
 * and a squeezer's natural width is its widest child's: with the title
 * and switcher among its children, the title took the room of a switcher
 * it could not show, and cut the branch button to eight letters at 1024
 * pixels.  A squeezer leaves a hidden child out of its measure. */
static gboolean
wide_fits (AmendWindow *self,
           int          width)
{
  int header, squeezer, title, switcher;

  gtk_widget_measure (GTK_WIDGET (self->header_bar), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &header, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->title_squeezer), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &squeezer, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->wide_title), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &title, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->wide_switcher), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &switcher, NULL, NULL);
  return header - squeezer + title + gtk_box_get_spacing (GTK_BOX (self->wide_box)) + switcher <= width;
}

/* At the start of a frame, so that the header's size is the one of the
 * last layout and what changes is laid out in this frame; not before the
 * header has a size (a project opened from the start page). */
static gboolean
fit_header (GtkWidget     *header,
            GdkFrameClock *clock,
            gpointer       data)
{
  AmendWindow *self = data;
  int width = gtk_widget_get_width (header);

  if (width == 0)
    return G_SOURCE_CONTINUE;
  self->fit_tick = 0;
  gtk_widget_set_visible (self->wide_box, wide_fits (self, width));
  return G_SOURCE_REMOVE;
}

/* After the window's size or the branch's title changed, or the header
 * was shown. */
void
_amend_window_fit_header (AmendWindow *self)
{
  if (self->fit_tick == 0)
    self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->header_bar), fit_header, self, NULL);
}

void
_amend_window_header_init (AmendWindow *self)
{
  g_signal_connect (self->title_squeezer, "notify::visible-child", G_CALLBACK (squeezed), self);
  g_signal_connect_swapped (self->header_bar, "map", G_CALLBACK (_amend_window_fit_header), self);
}
