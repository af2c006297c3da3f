/* amend-new-project-dialog.c: a new project, from the template or an XML file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-amendment.h"
#include "amend-new-project-dialog.h"
#include "amend-save-dialog.h"

struct _AmendNewProjectDialog
{
  AdwMessageDialog     parent_instance;

  AdwEntryRow         *title_row;
  AdwEntryRow         *code_row;
  AdwActionRow        *folder_row;
  AdwPreferencesGroup *author_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;

  GSettings           *settings;
  char                *parent_dir;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AmendNewProjectDialog, amend_new_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The codes of the Dutch government organisations as STOP writes them:
 * gm (gemeente), pv (provincie), ws (waterschap) and four digits. */
gboolean
amend_is_authority_code (const char *code)
{
  return g_regex_match_simple ("^(gm|pv|ws)[0-9]{4}$", code, 0, 0);
}

const char *
amend_new_project_dialog_get_title_text (AmendNewProjectDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

const char *
amend_new_project_dialog_get_code (AmendNewProjectDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->code_row));
}

/* The project goes into a new folder named after the title. */
char *
amend_new_project_dialog_dup_folder (AmendNewProjectDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (amend_new_project_dialog_get_title_text (self)));
  g_autofree char *slug = *title ? amend_slug_from_title (title) : NULL;

  if (slug == NULL || *slug == '\0' || self->parent_dir == NULL)
    return NULL;
  return g_build_filename (self->parent_dir, slug, NULL);
}

char *
amend_new_project_dialog_dup_author (AmendNewProjectDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  g_autofree char *author = g_strdup_printf ("%s <%s>", name, email);

  return amend_parse_author (author, NULL, NULL, NULL) ? g_steal_pointer (&author) : NULL;
}

void
amend_new_project_dialog_remember (AmendNewProjectDialog *self)
{
  g_autofree char *author = amend_new_project_dialog_dup_author (self);
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (author && amend_parse_author (author, &name, &email, NULL))
    {
      g_settings_set_string (self->settings, "author-name", name);
      g_settings_set_string (self->settings, "author-email", email);
    }
}

static void
update_response (AmendNewProjectDialog *self)
{
  g_autofree char *folder = amend_new_project_dialog_dup_folder (self);
  g_autofree char *author = amend_new_project_dialog_dup_author (self);
  const char *code = amend_new_project_dialog_get_code (self);
  gboolean code_ok = amend_is_authority_code (code);
  gboolean free_folder = folder && !g_file_test (folder, G_FILE_TEST_EXISTS);

  if (code_ok || *code == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
  if (folder == NULL)
    adw_action_row_set_subtitle (self->folder_row, self->parent_dir ? self->parent_dir : "");
  else if (free_folder)
    adw_action_row_set_subtitle (self->folder_row, folder);
  else
    {
      g_autofree char *taken = g_strdup_printf (_("%s already exists; choose another title or folder"), folder);
      adw_action_row_set_subtitle (self->folder_row, taken);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", free_folder && code_ok && author);
}

static void
chooser_response (GtkNativeDialog       *chooser,
                  int                    response,
                  AmendNewProjectDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_free (self->parent_dir);
      self->parent_dir = g_file_get_path (file);
      update_response (self);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder (AmendNewProjectDialog *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Folder for the Project"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
amend_new_project_dialog_fill (AmendNewProjectDialog *self,
                               const char            *title,
                               const char            *code,
                               const char            *parent_dir)
{
  if (title)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (code)
    gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
  if (parent_dir)
    {
      g_free (self->parent_dir);
      self->parent_dir = g_strdup (parent_dir);
    }
  update_response (self);
}

/* @imported_from: the name of the XML file the regulation comes from, or
 * NULL for a project that starts from the template. */
AmendNewProjectDialog *
amend_new_project_dialog_new (GtkWindow  *parent,
                              GSettings  *settings,
                              const char *imported_from)
{
  AmendNewProjectDialog *self = g_object_new (AMEND_TYPE_NEW_PROJECT_DIALOG,
                                              "transient-for", parent, "modal", TRUE, NULL);
  g_autofree char *name = g_settings_get_string (settings, "author-name");
  g_autofree char *email = g_settings_get_string (settings, "author-email");
  g_autofree char *author = amend_settings_dup_author (settings);
  const char *docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  self->settings = g_object_ref (settings);
  if (imported_from)
    {
      g_autofree char *body = g_strdup_printf (_("The regulation in %s becomes the first version of a new project."),
                                               imported_from);

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Import a Regulation"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
    }
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("The project starts from a small regulation with the usual parts, to write further."));
  gtk_widget_set_visible (GTK_WIDGET (self->author_group), author == NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
  self->parent_dir = g_strdup (docs ? docs : g_get_home_dir ());
  update_response (self);
  return self;
}

static void
amend_new_project_dialog_dispose (GObject *object)
{
  AmendNewProjectDialog *self = (AmendNewProjectDialog *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->parent_dir, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_NEW_PROJECT_DIALOG);
  G_OBJECT_CLASS (amend_new_project_dialog_parent_class)->dispose (object);
}

static void
amend_new_project_dialog_class_init (AmendNewProjectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_new_project_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendNewProjectDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AmendNewProjectDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, AmendNewProjectDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AmendNewProjectDialog, author_group);
  gtk_widget_class_bind_template_child (widget_class, AmendNewProjectDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmendNewProjectDialog, email_row);
  gtk_widget_class_bind_template_callback (widget_class, update_response);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder);
}

static void
amend_new_project_dialog_init (AmendNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
