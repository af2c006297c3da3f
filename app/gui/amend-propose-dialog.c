/* amend-propose-dialog.c: title, submitters and motivation of a new amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-propose-dialog.h"
#include "amend-repository.h"

struct _AmendProposeDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *title_row;
  AdwEntryRow      *submitters_row;
  GtkLabel         *submitters_hint;
  GtkTextView      *motivation_view;
  GtkLabel         *note_label;
};

G_DEFINE_FINAL_TYPE (AmendProposeDialog, amend_propose_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* "A <a@x.nl>; Wijkraad Oost" -> each one, normalized; NULL when one is
 * not a submitter (@error says which and why) or there are none. */
static GStrv
parse_submitters (AmendProposeDialog *self,
                  GError            **error)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->submitters_row)), ";", -1);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *one = NULL;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      one = amend_parse_submitter (parts[i], error);
      if (one == NULL)
        return NULL;
      g_strv_builder_add (out, one);
      n++;
    }
  return n ? g_strv_builder_end (out) : NULL;
}

GStrv
amend_propose_dialog_dup_submitters (AmendProposeDialog *self)
{
  return parse_submitters (self, NULL);
}

GtkWidget *
amend_propose_dialog_get_submitters_row (AmendProposeDialog *self)
{
  return GTK_WIDGET (self->submitters_row);
}

GtkWidget *
amend_propose_dialog_get_title_row (AmendProposeDialog *self)
{
  return GTK_WIDGET (self->title_row);
}

const char *
amend_propose_dialog_get_hint (AmendProposeDialog *self)
{
  return gtk_label_get_text (self->submitters_hint);
}

const char *
amend_propose_dialog_get_title_text (AmendProposeDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

char *
amend_propose_dialog_dup_motivation (AmendProposeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->motivation_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
update_response (AmendProposeDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (amend_propose_dialog_get_title_text (self)));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) people = parse_submitters (self, &error);
  gboolean people_ok = people != NULL;

  /* Red only for something typed that is wrong, not for an empty field. */
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->submitters_row), "error");
      gtk_label_set_text (self->submitters_hint, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->submitters_row), "error");
      gtk_label_set_text (self->submitters_hint,
                          _("Names separated by semicolons, each with an e-mail address in angle brackets if there is one: "
                            "Jan Jansen <j.jansen@lindewaarde.nl>; Wijkraad Oost."));
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "propose", *title != '\0' && people_ok);
}

void
amend_propose_dialog_fill (AmendProposeDialog *self,
                           const char         *title,
                           const char         *submitters,
                           const char         *motivation)
{
  if (title)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (submitters)
    gtk_editable_set_text (GTK_EDITABLE (self->submitters_row), submitters);
  if (motivation)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->motivation_view), motivation, -1);
  update_response (self);
}

/* @submitter: the user, from the preferences or git, as the first submitter;
 * @note: what happens to unsaved changes, or NULL. */
AmendProposeDialog *
amend_propose_dialog_new (GtkWindow  *parent,
                          const char *submitter,
                          const char *note)
{
  AmendProposeDialog *self = g_object_new (AMEND_TYPE_PROPOSE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  amend_propose_dialog_fill (self, NULL, submitter, NULL);
  if (note)
    {
      gtk_label_set_text (self->note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

/* The record of an amendment being written: its title stays (it names
 * the branch), its submitters and motivation change. */
void
amend_propose_dialog_set_editing (AmendProposeDialog *self)
{
  g_autofree char *body = g_strdup_printf (_("Who submits “%s” and why, as the council will read it. They change while "
                                             "the amendment is being written; once submitted, they stay as they were."),
                                           amend_propose_dialog_get_title_text (self));

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Submitters and Motivation"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "propose", _("_Change"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->submitters_row));
}

/* A subamendment: it amends the amendment titled @title. */
void
amend_propose_dialog_set_amends (AmendProposeDialog *self,
                                 const char         *title)
{
  g_autofree char *body = g_strdup_printf (_("The subamendment starts from “%s” as a branch of its own and amends it; "
                                             "Amend switches to it, so that you can write the change there."), title);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Propose a Subamendment"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

static void
amend_propose_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMEND_TYPE_PROPOSE_DIALOG);
  G_OBJECT_CLASS (amend_propose_dialog_parent_class)->dispose (object);
}

static void
amend_propose_dialog_class_init (AmendProposeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_propose_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-propose-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendProposeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AmendProposeDialog, submitters_row);
  gtk_widget_class_bind_template_child (widget_class, AmendProposeDialog, submitters_hint);
  gtk_widget_class_bind_template_child (widget_class, AmendProposeDialog, motivation_view);
  gtk_widget_class_bind_template_child (widget_class, AmendProposeDialog, note_label);
  gtk_widget_class_bind_template_callback (widget_class, update_response);
}

static void
amend_propose_dialog_init (AmendProposeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
