/* amend-save-dialog.c: save a version: a message, and once an author
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The author is asked on the first save only and kept in GSettings
 * (author-name, author-email); Preferences changes it afterwards.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-repository.h"
#include "amend-save-dialog.h"

struct _AmendSaveDialog
{
  AdwMessageDialog      parent_instance;

  AdwPreferencesGroup  *author_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *message_row;
  GtkLabel             *warning_label;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AmendSaveDialog, amend_save_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* "Name <e-mail>" from the preferences, or NULL while they are not set. */
char *
amend_settings_dup_author (GSettings *settings)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (settings, "author-name"));
  g_autofree char *email = g_strstrip (g_settings_get_string (settings, "author-email"));
  g_autofree char *author = NULL;

  if (*name == '\0' || *email == '\0')
    return NULL;
  author = g_strdup_printf ("%s <%s>", name, email);
  if (!amend_parse_author (author, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&author);
}

/* A name to offer from the account: its full name, never the login
 * (an account without a full name has its login there, "root"). */
static char *
account_name (void)
{
  const char *real = g_get_real_name ();

  if (real == NULL || *real == '\0' || g_strcmp0 (real, "Unknown") == 0 || g_strcmp0 (real, g_get_user_name ()) == 0)
    return g_strdup ("");
  return g_strdup (real);
}

/* What the fields of who saves or comments start with, to correct when
 * needed: the preferences, else who git says the user is in @project
 * (its own configuration first, as amend save signs; each of the two on
 * its own, as git may know only the name), else the account's full name. */
void
amend_settings_offer_author (GSettings  *settings,
                             const char *project,
                             char      **name,
                             char      **email)
{
  g_autofree char *git_name = NULL;
  g_autofree char *git_email = NULL;

  *name = g_strstrip (g_settings_get_string (settings, "author-name"));
  *email = g_strstrip (g_settings_get_string (settings, "author-email"));
  if (**name != '\0' && **email != '\0')
    return;
  amend_git_config_identity (project, &git_name, &git_email);
  if (**name == '\0')
    {
      g_free (*name);
      *name = git_name ? g_steal_pointer (&git_name) : account_name ();
    }
  if (**email == '\0' && git_email)
    {
      g_free (*email);
      *email = g_steal_pointer (&git_email);
    }
}

/* The user as the first submitter of a proposal: "Name <e-mail>", or the
 * name alone where no address is known; NULL when not even that. */
char *
amend_settings_dup_submitter (GSettings  *settings,
                              const char *project)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  amend_settings_offer_author (settings, project, &name, &email);
  if (*name == '\0')
    return NULL;
  if (*email == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s <%s>", name, email);
}

/* Keeps "Name <e-mail>" for every later save and comment. */
void
amend_settings_keep_author (GSettings  *settings,
                            const char *author)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (author == NULL || !amend_parse_author (author, &name, &email, NULL))
    return;
  g_settings_set_string (settings, "author-name", name);
  g_settings_set_string (settings, "author-email", email);
}

char *
amend_save_dialog_dup_author (AmendSaveDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  g_autofree char *author = g_strdup_printf ("%s <%s>", name, email);

  if (!amend_parse_author (author, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&author);
}

static void
update_response (AmendSaveDialog *self)
{
  g_autofree char *author = amend_save_dialog_dup_author (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", author != NULL);
}

void
amend_save_dialog_set_author (AmendSaveDialog *self,
                              const char      *name,
                              const char      *email)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
}

gboolean
amend_save_dialog_asks_author (AmendSaveDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->author_group));
}

void
amend_save_dialog_set_message (AmendSaveDialog *self,
                               const char      *message)
{
  gtk_editable_set_text (GTK_EDITABLE (self->message_row), message ? message : "");
}

const char *
amend_save_dialog_get_message (AmendSaveDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->message_row));
}

/* Keeps the author given in the dialog for every later save. */
void
amend_save_dialog_remember (AmendSaveDialog *self)
{
  g_autofree char *author = amend_save_dialog_dup_author (self);

  amend_settings_keep_author (self->settings, author);
}

/* @project: its folder, whose git configuration may say who saves;
 * @where: "the draft" or the title of the amendment, for the body. */
AmendSaveDialog *
amend_save_dialog_new (GtkWindow  *parent,
                       GSettings  *settings,
                       const char *project,
                       const char *where)
{
  AmendSaveDialog *self = g_object_new (AMEND_TYPE_SAVE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *author = amend_settings_dup_author (settings);
  g_autofree char *body = g_strdup_printf (_("The text as it is now becomes a new version of %s, which you can always go back to."),
                                           where);

  self->settings = g_object_ref (settings);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_widget_set_visible (GTK_WIDGET (self->author_group), author == NULL);
  amend_settings_offer_author (settings, project, &name, &email);
  amend_save_dialog_set_author (self, name, email);
  update_response (self);
  gtk_widget_grab_focus (GTK_WIDGET (author ? self->message_row : self->name_row));
  return self;
}

static void
amend_save_dialog_dispose (GObject *object)
{
  AmendSaveDialog *self = (AmendSaveDialog *) object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_SAVE_DIALOG);
  G_OBJECT_CLASS (amend_save_dialog_parent_class)->dispose (object);
}

static void
amend_save_dialog_class_init (AmendSaveDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_save_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-save-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendSaveDialog, author_group);
  gtk_widget_class_bind_template_child (widget_class, AmendSaveDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmendSaveDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, AmendSaveDialog, message_row);
  gtk_widget_class_bind_template_child (widget_class, AmendSaveDialog, warning_label);
  gtk_widget_class_bind_template_callback (widget_class, update_response);
}

static void
amend_save_dialog_init (AmendSaveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Said above the message, not a refusal: a version with findings of the
 * check may be saved, as a draft often has them. */
void
amend_save_dialog_set_warning (AmendSaveDialog *self,
                               const char      *warning)
{
  gtk_label_set_text (self->warning_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
}

const char *
amend_save_dialog_get_warning (AmendSaveDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->warning_label)) ? gtk_label_get_text (self->warning_label) : NULL;
}
