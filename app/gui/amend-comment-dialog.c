/* amend-comment-dialog.c: the text of a new comment or a reply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-comment-dialog.h"
#include "amend-repository.h"
#include "amend-save-dialog.h"

struct _AmendCommentDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *text_view;
  GtkWidget        *author_group;  /* shown while Amend does not know who comments */
  GtkEditable      *name_row;
  GtkEditable      *email_row;
};

G_DEFINE_FINAL_TYPE (AmendCommentDialog, amend_comment_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
amend_comment_dialog_dup_text (AmendCommentDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

GtkTextView *
amend_comment_dialog_get_text_view (AmendCommentDialog *self)
{
  return self->text_view;
}

/* "Name <e-mail>" typed in the dialog, or NULL when it is not asked or
 * not yet a name and an address. */
char *
amend_comment_dialog_dup_author (AmendCommentDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *author = NULL;

  if (!gtk_widget_get_visible (self->author_group))
    return NULL;
  name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_row)));
  email = g_strstrip (g_strdup (gtk_editable_get_text (self->email_row)));
  author = g_strdup_printf ("%s <%s>", name, email);
  return amend_parse_author (author, NULL, NULL, NULL) ? g_steal_pointer (&author) : NULL;
}

/* Nothing to send before something is typed, and someone to send it. */
static void
changed (AmendCommentDialog *self)
{
  g_autofree char *text = amend_comment_dialog_dup_text (self);
  g_autofree char *author = amend_comment_dialog_dup_author (self);
  gboolean who = !gtk_widget_get_visible (self->author_group) || author != NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "comment", *text != '\0' && who);
}

/* The first comment of someone who has not saved a version yet: who it
 * is, asked here as the Save dialog asks it, instead of a refusal after
 * the text was typed. */
void
amend_comment_dialog_ask_author (AmendCommentDialog *self,
                                 GSettings          *settings,
                                 const char         *project)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  amend_settings_offer_author (settings, project, &name, &email);
  gtk_editable_set_text (self->name_row, name);
  gtk_editable_set_text (self->email_row, email);
  gtk_widget_set_visible (self->author_group, TRUE);
  changed (self);
}

static GtkEditable *
author_row (AmendCommentDialog *self,
            const char         *title)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", title, "activates-default", TRUE, NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->author_group), row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed), self);
  return GTK_EDITABLE (row);
}

/* Ctrl+Enter sends, as in a chat: Enter alone is a new line of the
 * comment. */
static gboolean
send_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  gtk_widget_activate_default (widget);
  return TRUE;
}

static void
amend_comment_dialog_class_init (AmendCommentDialogClass *klass)
{
}

static void
amend_comment_dialog_init (AmendCommentDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *shortcuts;

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  g_object_set (self->text_view, "left-margin", 8, "right-margin", 8, "top-margin", 8, "bottom-margin", 8, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_widget_add_css_class (scrolled, "card");
  self->author_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->author_group), _("Who Comments"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->author_group),
                                         _("Every comment carries your name and e-mail address. Amend asks once; "
                                           "change them later in Preferences."));
  self->name_row = author_row (self, _("Name"));
  self->email_row = author_row (self, _("E-mail Address"));
  gtk_widget_set_visible (self->author_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->author_group);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "comment", _("Co_mment"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "comment", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "comment", FALSE);
  adw_message_dialog_set_default_response (dialog, "comment");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (changed), self);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_callback_action_new (send_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), shortcuts);
}

AmendCommentDialog *
amend_comment_dialog_new (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  AmendCommentDialog *self = g_object_new (AMEND_TYPE_COMMENT_DIALOG, "transient-for", parent, "modal", TRUE,
                                           "heading", heading, "body", body, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}
