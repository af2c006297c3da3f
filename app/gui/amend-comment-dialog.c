/* amend-comment-dialog.c: the text of a new comment or a reply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-comment-dialog.h"

struct _AmendCommentDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *text_view;
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

/* Nothing to send before something is typed. */
static void
changed (GtkTextBuffer      *buffer,
         AmendCommentDialog *self)
{
  g_autofree char *text = amend_comment_dialog_dup_text (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "comment", *text != '\0');
}

static void
amend_comment_dialog_class_init (AmendCommentDialogClass *klass)
{
}

static void
amend_comment_dialog_init (AmendCommentDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  g_object_set (self->text_view, "left-margin", 8, "right-margin", 8, "top-margin", 8, "bottom-margin", 8, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "comment", _("Co_mment"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "comment", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "comment", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (changed), self);
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
