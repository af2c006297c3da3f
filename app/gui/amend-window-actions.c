/* amend-window-actions.c: the actions of the window (win.*) and the dialogs they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As GNOME Text Editor keeps editor-window-actions.c apart from its
 * window: each action is a small function that asks, then calls the
 * window, which does the work.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-export-dialog.h"
#include "amend-new-project-dialog.h"
#include "amend-properties-dialog.h"
#include "amend-window-private.h"
#include "amend-xml-import.h"

static void
new_project_response (AdwMessageDialog *dialog,
                      const char       *response,
                      AmendWindow      *self)
{
  AmendNewProjectDialog *np = AMEND_NEW_PROJECT_DIALOG (dialog);
  AmendDocument *imported = g_object_get_data (G_OBJECT (dialog), "document");
  const char *title = amend_new_project_dialog_get_title_text (np);
  const char *code = amend_new_project_dialog_get_code (np);
  g_autofree char *folder = NULL;
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  amend_new_project_dialog_remember (np);
  folder = amend_new_project_dialog_dup_folder (np);
  author = amend_new_project_dialog_dup_author (np);
  if (imported)
    {
      amend_document_set_meta (imported, "title", title);
      amend_document_set_meta (imported, "authority", code);
      text = amend_document_to_markdown (imported);
    }
  else
    text = amend_project_template_text (title, code);
  slug = amend_slug_from_title (title);
  file_name = g_strconcat (slug, ".md", NULL);
  if (!amend_project_create (folder, file_name, text, author, &error))
    {
      _amend_window_show_gerror (self, _("Project Not Created"), error);
      return;
    }
  amend_window_open (self, folder);
}

static void
ask_new_project (AmendWindow   *self,
                 AmendDocument *imported,
                 const char    *source_name)
{
  AmendNewProjectDialog *dialog = amend_new_project_dialog_new (GTK_WINDOW (self), self->settings, source_name);

  if (imported)
    {
      g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (imported), g_object_unref);
      amend_new_project_dialog_fill (dialog, amend_document_get_meta (imported, "title"),
                                     amend_document_get_meta (imported, "authority"), NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (new_project_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
open_response (GtkNativeDialog *chooser,
               int              response,
               AmendWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path)
        amend_window_open (self, path);
    }
  g_object_unref (chooser);
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 AmendWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendDocument) doc = amend_xml_import_file (file, warnings, &error);
      g_autofree char *name = g_file_get_basename (file);

      if (doc == NULL)
        _amend_window_show_gerror (self, _("Not Imported"), error);
      else
        ask_new_project (self, doc, name);
    }
  g_object_unref (chooser);
}

/* Every warning of an export, each on a row of its own: a toast cut them
 * off after the first. */
static void
show_export_warnings (AmendWindow *self,
                      GFile       *file,
                      GPtrArray   *warnings)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = g_strdup_printf (ngettext ("%s was written. The export has %u warning:",
                                                     "%s was written. The export has %u warnings:", warnings->len),
                                           name, warnings->len);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Exported, With Warnings"), body);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < warnings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (warnings, i);
      /* TRANSLATORS: a line of the regulation and a warning about it */
      g_autofree char *text = d->line ? g_strdup_printf (_("Line %u: %s"), d->line, d->message) : g_strdup (d->message);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* Writes @text (the editor's, or an older version's) as @format to @file,
 * atomically as every write of Amend's, and says how it went. */
void
amend_window_export_to (AmendWindow       *self,
                        const char        *text,
                        AmendExportFormat  format,
                        GFile             *file)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (text, strlen (text), &error);
  g_autoptr(GBytes) xml = doc ? amend_export_document (doc, format, warnings, &error) : NULL;

  if (xml == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    _amend_window_show_gerror (self, _("Not Exported"), error);
  else if (warnings->len > 0)
    show_export_warnings (self, file, warnings);
  else
    _amend_window_toast (self, _("Exported"));
}

static void
export_save_response (GtkNativeDialog *chooser,
                      int              response,
                      AmendWindow     *self)
{
  AmendExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  const char *text = g_object_get_data (G_OBJECT (chooser), "text");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file)
        amend_window_export_to (self, text, format, file);
    }
  g_object_unref (chooser);
}

static void
export_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AmendWindow      *self)
{
  AmendExportFormat format = amend_export_dialog_get_format (AMEND_EXPORT_DIALOG (dialog));
  const char *suffix = g_object_get_data (G_OBJECT (dialog), "suffix");
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0 || self->project == NULL)
    return;
  base = g_strdup (amend_project_get_file (self->project));
  if (g_str_has_suffix (base, ".md"))
    base[strlen (base) - 3] = '\0';
  name = g_strdup_printf ("%s%s.%s.xml", base, suffix ? suffix : "", amend_export_format_suffix (format));
  chooser = gtk_file_chooser_native_new (_("Export As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* Where the project is, not wherever the chooser was last. */
  folder = g_file_new_for_path (amend_project_get_path (self->project));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_object_set_data_full (G_OBJECT (chooser), "text", g_strdup (g_object_get_data (G_OBJECT (dialog), "text")), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_save_response), self);
  _amend_window_track_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Asks the format, then the file: @text is what is exported, @suffix goes
 * into the file name offered ("-2027-03-01" for an older version). */
void
_amend_window_ask_export (AmendWindow *self,
                          const char  *text,
                          const char  *suffix)
{
  AmendExportDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = amend_export_dialog_new (GTK_WINDOW (self));
  g_object_set_data_full (G_OBJECT (dialog), "text", g_strdup (text), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "suffix", g_strdup (suffix), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* Actions                                                                  */
/* ----------------------------------------------------------------------- */

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  self->after = AFTER_NOTHING;
  _amend_window_ask_save (self);
}

static void
action_find (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  if (self->project == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "editor");
  amend_editor_find (self->editor, g_str_equal (name, "win.replace"));
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                               _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_import (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import an Official XML File"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CVDR, STOP or Akoma Ntoso XML"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_new_project (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  ask_new_project (AMEND_WINDOW (widget), NULL, NULL);
}

static void
action_open_example (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  amend_window_open_example (AMEND_WINDOW (widget));
}

static void
action_propose (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  self->after = AFTER_NOTHING;
  _amend_window_ask_propose (self);
}

static void
action_toggle_sidebar (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* F6, as in other GNOME applications: from the sidebar to the page and
 * back, opening the sidebar when it is hidden. */
static void
focus_page (AmendWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "editor") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (amend_editor_get_view (self->editor)));
  else if (g_strcmp0 (page, "amendments") == 0)
    amend_amendments_page_focus_list (self->amendments_page);
  else
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

static void
action_focus_pane (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *sidebar = GTK_WIDGET (self->outline_panel);

  if (self->project == NULL)
    return;
  if (focus && (focus == sidebar || gtk_widget_is_ancestor (focus, sidebar)))
    {
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
      focus_page (self);
      return;
    }
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD);
}

/* Alt+1, Alt+2, Alt+3: the Text, History and Amendments pages from the
 * keyboard, without tabbing through every row of the outline to the
 * switcher; the focus goes into the page. */
static void
action_show_page (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  if (self->project == NULL)
    return;
  amend_window_show_page (self, g_variant_get_string (param, NULL));
  focus_page (self);
}

static void
properties_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AmendWindow      *self)
{
  g_autofree char *text = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(AmendDocument) doc = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->project == NULL)
    return;
  /* The text as it is now: typing may have gone on behind the dialog. */
  text = _amend_window_current_text (self);
  doc = amend_document_new_from_data (text, strlen (text), NULL);
  if (doc == NULL)
    return;
  amend_properties_dialog_apply (AMEND_PROPERTIES_DIALOG (dialog), doc);
  replaced = amend_front_matter_replace (text, doc);
  if (g_strcmp0 (replaced, text) != 0)
    amend_editor_replace_text (self->editor, replaced);
}

/* The front matter as a form; what it writes is one step of Ctrl+Z. */
static void
action_properties (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  g_autofree char *text = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  AmendPropertiesDialog *dialog;

  if (self->project == NULL)
    return;
  text = _amend_window_current_text (self);
  doc = amend_document_new_from_data (text, strlen (text), NULL);
  dialog = amend_properties_dialog_new (GTK_WINDOW (self), doc);
  g_signal_connect (dialog, "response", G_CALLBACK (properties_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
action_switch_branch (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  amend_window_switch_branch (AMEND_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  g_autofree char *text = NULL;

  if (self->project == NULL)
    return;
  text = _amend_window_current_text (self);
  _amend_window_ask_export (self, text, NULL);
}

static void
action_discard_changes (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char *saved;

  if (self->project == NULL)
    return;
  saved = amend_project_get_saved_text (self->project);
  /* Undoable: Ctrl+Z brings the discarded text back.  The text is the
   * saved one again: nothing unsaved, also in the header. */
  amend_editor_replace_text (self->editor, saved ? saved : self->disk_text);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (amend_editor_get_buffer (self->editor)), FALSE);
  _amend_window_drop_draft (self);
}

static void
action_load_disk (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  if (self->project == NULL || self->disk_text == NULL)
    return;
  /* The draft of the text before stays until this one is saved. */
  amend_window_keep_draft (self);
  amend_editor_replace_text (self->editor, self->disk_text);
  _amend_window_set_base (self, self->project);
}

static void
action_restore_stray (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  g_autofree char *commit = g_steal_pointer (&self->stray_commit);

  /* Asked for: one step that Ctrl+Z takes back. */
  if (self->project && commit)
    _amend_window_put_draft (self, commit);
}

void
_amend_window_class_actions_init (AmendWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, action_new_project);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, action_open_example);
  gtk_widget_class_install_action (widget_class, "win.propose", NULL, action_propose);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, action_toggle_sidebar);
  gtk_widget_class_install_action (widget_class, "win.switch-branch", "s", action_switch_branch);
  gtk_widget_class_install_action (widget_class, "win.focus-pane", NULL, action_focus_pane);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", action_show_page);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, action_properties);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.discard-changes", NULL, action_discard_changes);
  gtk_widget_class_install_action (widget_class, "win.load-disk", NULL, action_load_disk);
  gtk_widget_class_install_action (widget_class, "win.restore-stray", NULL, action_restore_stray);
  _amend_window_review_actions_init (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.propose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.focus-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "editor");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "history");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "amendments");
}
