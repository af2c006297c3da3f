/* amend-history-page.c: the saved versions, each readable and compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history walk and each comparison run in worker threads through
 * AmendProject; a newer request makes an older answer stale.  The renvooi
 * is the council's way of reading a change: deleted words struck through,
 * new words underlined, article by article (amend_renvooi_build).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-gui-util.h"
#include <gtksourceview/gtksource.h>

#include "amend-history-page.h"
#include "amend-renvooi-view.h"

struct _AmendHistoryPage
{
  GtkWidget      parent_instance;

  AdwLeaflet    *leaflet;
  GtkStack      *list_stack;
  GtkSpinner    *list_spinner;
  GtkListBox    *versions_list;
  AdwStatusPage *list_status;
  GtkWidget     *detail_pane;
  GtkLabel      *version_label;
  GtkSpinner    *detail_spinner;
  GtkStack      *detail_stack;
  GtkDropDown   *against_dropdown;
  GtkMenuButton *version_menu_button;
  AdwStatusPage *none_status;
  AmendRenvooiView *renvooi_view;
  GtkSourceView *version_view;

  AmendProject  *project;
  AmendEditor   *editor;
  GPtrArray     *versions;      /* of AmendCommit */
  GCancellable  *log_cancel;
  GCancellable  *compare_cancel;
  gboolean       busy;
  int            chosen;        /* the version shown, -1 for none */
  char          *chosen_text;   /* its text, once read */
};

enum {
  LOADED,
  COMPARED,
  RESTORE,
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendHistoryPage, amend_history_page, GTK_TYPE_WIDGET)

/* ----------------------------------------------------------------------- */
/* Versions                                                                 */
/* ----------------------------------------------------------------------- */

static char *
first_line (const char *message)
{
  const char *nl = strchr (message, '\n');

  return nl ? g_strndup (message, nl - message) : g_strdup (message);
}

/* "3 March 2027, 14:02": a version as a person names it. */
static char *
version_when (const AmendCommit *commit)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (commit->date);

  /* TRANSLATORS: date and time of a saved version, see strftime */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* The message, then who and when.  Where the list is narrow (1024 pixels
 * and less, a long name) the name is cut short, never the date: which
 * version it is. */
static GtkWidget *
version_row (const AmendCommit *commit)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *title = first_line (commit->message ? commit->message : "");
  g_autofree char *when = version_when (commit);
  g_autofree char *dated = g_strdup_printf (" · %s", when);
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s · %s", commit->message ? commit->message : "", commit->author, when);
  GtkWidget *label = gtk_label_new (*title ? title : _("(no message)"));
  GtkWidget *author = caption_label (commit->author);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (line), author);
  gtk_box_append (GTK_BOX (line), caption_label (dated));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_tooltip_text (box, g_strstrip (tooltip));
  return box;
}

/* Nothing chosen: a page that says what can be done, not an empty pane. */
static void against_changed (GtkDropDown *dropdown, GParamSpec *pspec, AmendHistoryPage *self);

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* The button's label is cut short, so that a long message does not make
 * the page wider than a phone; the list shows it whole. */
static void
set_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) shown = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) listed = gtk_signal_list_item_factory_new ();

  g_signal_connect (shown, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (TRUE));
  g_signal_connect (shown, "bind", G_CALLBACK (bind_item), NULL);
  g_signal_connect (listed, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (listed, "bind", G_CALLBACK (bind_item), NULL);
  gtk_drop_down_set_factory (dropdown, shown);
  gtk_drop_down_set_list_factory (dropdown, listed);
}

static void
show_none (AmendHistoryPage *self)
{
  self->chosen = -1;
  g_clear_pointer (&self->chosen_text, g_free);
  gtk_label_set_text (self->version_label, "");
  amend_renvooi_view_set_message (self->renvooi_view, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->version_view)), "", 0);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->none_status), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->against_dropdown), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", FALSE);
}

/* "The current text", then every version by its date and message. */
static void
fill_against (AmendHistoryPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("With the current text"));
  for (guint i = 0; i < self->versions->len; i++)
    {
      const AmendCommit *commit = g_ptr_array_index (self->versions, i);
      g_autofree char *when = version_when (commit);
      g_autofree char *title = first_line (commit->message ? commit->message : "");
      /* TRANSLATORS: "With the version of 3 March 2027, 14:02: Beslistermijn" */
      g_autofree char *item = g_strdup_printf (_("With the version of %s: %s"), when, title);

      gtk_string_list_append (model, item);
    }
  g_signal_handlers_block_by_func (self->against_dropdown, against_changed, self);
  gtk_drop_down_set_model (self->against_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->against_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->against_dropdown, against_changed, self);
}

static void
log_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmendHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *versions = amend_project_log_finish (AMEND_PROJECT (source), result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_spinner_stop (self->list_spinner);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))))
    gtk_list_box_remove (self->versions_list, child);

  if (versions == NULL)
    {
      adw_status_page_set_icon_name (self->list_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->list_status, _("Cannot Read the History"));
      adw_status_page_set_description (self->list_status, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "message");
    }
  else
    {
      self->versions = versions;
      for (guint i = 0; i < versions->len; i++)
        gtk_list_box_append (self->versions_list, version_row (g_ptr_array_index (versions, i)));
      fill_against (self);
      if (versions->len == 0)
        {
          adw_status_page_set_icon_name (self->list_status, "document-open-recent-symbolic");
          adw_status_page_set_title (self->list_status, _("No Saved Versions"));
          adw_status_page_set_description (self->list_status, _("Save the regulation to make its first version."));
        }
      gtk_stack_set_visible_child_name (self->list_stack, versions->len ? "list" : "message");
    }
  show_none (self);
  g_signal_emit (self, signals[LOADED], 0);
}

void
amend_history_page_reload (AmendHistoryPage *self)
{
  g_return_if_fail (AMEND_IS_HISTORY_PAGE (self));

  g_cancellable_cancel (self->log_cancel);
  g_clear_object (&self->log_cancel);
  if (self->project == NULL)
    return;
  self->log_cancel = g_cancellable_new ();
  self->busy = TRUE;
  gtk_spinner_start (self->list_spinner);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  amend_project_log_async (self->project, self->log_cancel, log_done, g_object_ref (self));
}

void
amend_history_page_set_project (AmendHistoryPage *self,
                                AmendProject     *project)
{
  g_return_if_fail (AMEND_IS_HISTORY_PAGE (self));

  g_set_object (&self->project, project);
  amend_history_page_reload (self);
}

void
amend_history_page_set_editor (AmendHistoryPage *self,
                               AmendEditor      *editor)
{
  self->editor = editor;
}

GPtrArray *
amend_history_page_get_versions (AmendHistoryPage *self)
{
  return self->versions;
}

gboolean
amend_history_page_is_busy (AmendHistoryPage *self)
{
  return self->busy;
}

/* ----------------------------------------------------------------------- */
/* One version                                                              */
/* ----------------------------------------------------------------------- */

static void
compare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AmendHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComparison) c = amend_project_compare_finish (AMEND_PROJECT (source), result, &error);
  gboolean swapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_spinner_stop (self->detail_spinner);
  if (c == NULL)
    {
      amend_renvooi_view_set_message (self->renvooi_view, error->message);
      return;
    }
  /* The renvooi reads from the older to the newer; the Text tab shows the
   * version chosen in the list either way. */
  swapped = self->chosen >= 0 &&
            g_strcmp0 (c->commit, ((AmendCommit *) g_ptr_array_index (self->versions, self->chosen))->id) != 0;
  g_free (self->chosen_text);
  self->chosen_text = g_strdup (swapped ? c->new_text : c->text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->version_view)), self->chosen_text, -1);
  amend_renvooi_view_set_blocks (self->renvooi_view, c->blocks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", TRUE);
  g_signal_emit (self, signals[COMPARED], 0);
}

static char *
compare_label (const AmendCommit *older,
               const AmendCommit *newer)
{
  g_autofree char *from = version_when (older);
  g_autofree char *to = newer ? version_when (newer) : NULL;

  if (newer == NULL)
    return g_strdup_printf (_("Changes from the version of %s to the current text"), from);
  return g_strdup_printf (_("Changes from the version of %s to the version of %s"), from, to);
}

/* Compares the chosen version with what the drop-down says: the current
 * text, or another version (the older of the two is the old side). */
static void
compare (AmendHistoryPage *self)
{
  guint against = gtk_drop_down_get_selected (self->against_dropdown);
  const AmendCommit *chosen = g_ptr_array_index (self->versions, self->chosen);
  const AmendCommit *other = NULL;
  g_autofree char *current = NULL;
  g_autofree char *label = NULL;
  gboolean swapped = FALSE;

  if (against != GTK_INVALID_LIST_POSITION && against > 0 && against - 1 < self->versions->len &&
      (int) against - 1 != self->chosen)
    other = g_ptr_array_index (self->versions, against - 1);
  /* Newest first in the list: a larger index is an older version. */
  swapped = other && (int) against - 1 > self->chosen;
  label = swapped ? compare_label (other, chosen) : compare_label (chosen, other);
  gtk_label_set_text (self->version_label, label);
  g_cancellable_cancel (self->compare_cancel);
  g_clear_object (&self->compare_cancel);
  self->compare_cancel = g_cancellable_new ();
  self->busy = TRUE;
  gtk_spinner_start (self->detail_spinner);
  current = self->editor ? amend_editor_dup_text (self->editor) : g_strdup (amend_project_get_disk_text (self->project));
  amend_project_compare_async (self->project, swapped ? other->id : chosen->id,
                               other ? (swapped ? chosen->id : other->id) : NULL,
                               current, self->compare_cancel, compare_done, g_object_ref (self));
}

static void
against_changed (GtkDropDown      *dropdown,
                 GParamSpec       *pspec,
                 AmendHistoryPage *self)
{
  if (self->chosen >= 0 && self->versions && self->project)
    compare (self);
}

static void
version_selected (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  AmendHistoryPage *self)
{
  if (row == NULL || self->versions == NULL || self->project == NULL)
    return;
  self->chosen = gtk_list_box_row_get_index (row);
  gtk_widget_set_visible (GTK_WIDGET (self->none_status), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->against_dropdown), TRUE);
  compare (self);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

/* Chooses what the chosen version is compared with: 0 the current text,
 * 1 + n the version at row n. */
void
amend_history_page_compare_with (AmendHistoryPage *self,
                                 guint             index)
{
  gtk_drop_down_set_selected (self->against_dropdown, index);
}

static void
action_restore (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  AmendHistoryPage *self = AMEND_HISTORY_PAGE (widget);
  g_autofree char *when = NULL;

  if (self->chosen < 0 || self->chosen_text == NULL)
    return;
  when = version_when (g_ptr_array_index (self->versions, self->chosen));
  g_signal_emit (self, signals[RESTORE], 0, self->chosen_text, when);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AmendHistoryPage *self = AMEND_HISTORY_PAGE (widget);
  const AmendCommit *commit;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *suffix = NULL;

  if (self->chosen < 0 || self->chosen_text == NULL)
    return;
  commit = g_ptr_array_index (self->versions, self->chosen);
  local = g_date_time_to_local (commit->date);
  /* The file name says which version: "regeling-2027-03-01.stop.xml". */
  suffix = g_date_time_format (local, "-%Y-%m-%d");
  g_signal_emit (self, signals[EXPORT], 0, self->chosen_text, suffix);
}

void
amend_history_page_select (AmendHistoryPage *self,
                           guint             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->versions_list, index);

  if (row)
    gtk_list_box_select_row (self->versions_list, row);
}

GtkTextBuffer *
amend_history_page_get_text_buffer (AmendHistoryPage *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->version_view));
}

AmendRenvooiView *
amend_history_page_get_renvooi (AmendHistoryPage *self)
{
  return self->renvooi_view;
}

void
amend_history_page_show_text (AmendHistoryPage *self,
                              gboolean          text)
{
  gtk_stack_set_visible_child_name (self->detail_stack, text ? "text" : "renvooi");
}

static void
go_back (AmendHistoryPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ----------------------------------------------------------------------- */

static void
amend_history_page_dispose (GObject *object)
{
  AmendHistoryPage *self = (AmendHistoryPage *) object;

  g_cancellable_cancel (self->log_cancel);
  g_cancellable_cancel (self->compare_cancel);
  g_clear_object (&self->log_cancel);
  g_clear_object (&self->compare_cancel);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_HISTORY_PAGE);
  /* The template's top box is not a bound child: it goes here. */
  amend_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->project);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_text, g_free);
  G_OBJECT_CLASS (amend_history_page_parent_class)->dispose (object);
}

static void
amend_history_page_class_init (AmendHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amend_history_page_dispose;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  signals[COMPARED] = g_signal_new ("compared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
  /* (text, when): the chosen version's text is to become a new version. */
  signals[RESTORE] = g_signal_new ("restore-version", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* (text, suffix): the chosen version's text is to be exported. */
  signals[EXPORT] = g_signal_new ("export-version", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "history.restore", NULL, action_restore);
  gtk_widget_class_install_action (widget_class, "history.export", NULL, action_export);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (AMEND_TYPE_RENVOOI_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, list_status);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, against_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, version_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, none_status);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, renvooi_view);
  gtk_widget_class_bind_template_child (widget_class, AmendHistoryPage, version_view);
  gtk_widget_class_bind_template_callback (widget_class, go_back);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
amend_history_page_init (AmendHistoryPage *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->version_view), GTK_TEXT_BUFFER (buffer));
  g_object_unref (buffer);
  g_signal_connect (self->versions_list, "row-selected", G_CALLBACK (version_selected), self);
  set_factories (self->against_dropdown);
  g_signal_connect (self->against_dropdown, "notify::selected", G_CALLBACK (against_changed), self);
  show_none (self);
}
