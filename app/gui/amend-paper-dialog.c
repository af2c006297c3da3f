/* amend-paper-dialog.c: which amendments go on the council paper, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One amendment (the one being reviewed), or every submitted one in the
 * order the council votes on them; saved as an HTML page (the page amend
 * paper writes) or printed, which the print dialog also saves as PDF.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-paper-dialog.h"

struct _AmendPaperDialog
{
  AdwMessageDialog  parent_instance;

  GtkCheckButton   *one_check;
  GtkCheckButton   *all_check;
  char             *slug;
};

G_DEFINE_FINAL_TYPE (AmendPaperDialog, amend_paper_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
amend_paper_dialog_finalize (GObject *object)
{
  g_free (AMEND_PAPER_DIALOG (object)->slug);
  G_OBJECT_CLASS (amend_paper_dialog_parent_class)->finalize (object);
}

static void
amend_paper_dialog_class_init (AmendPaperDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_paper_dialog_finalize;
}

static void
amend_paper_dialog_init (AmendPaperDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->one_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  self->all_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_All submitted amendments, in the order of voting")));
  gtk_check_button_set_group (self->all_check, self->one_check);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->one_check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->all_check));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "html", _("Save as _HTML…"), "print", _("_Print…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "print");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

/* @slug: the amendment being reviewed, or NULL (then only all). */
AmendPaperDialog *
amend_paper_dialog_new (GtkWindow  *parent,
                        const char *slug,
                        const char *title)
{
  AmendPaperDialog *self = g_object_new (AMEND_TYPE_PAPER_DIALOG, "transient-for", parent, "modal", TRUE,
                                         "heading", _("Council Paper"),
                                         "body", _("The title, the submitters, the motivation, the changes as renvooi, "
                                                   "the amendment instructions and, once voted on, the result. Print "
                                                   "it, or save it as PDF from the print dialog."), NULL);
  g_autofree char *one = g_strdup_printf (_("_Only “%s”"), title ? title : "");

  self->slug = g_strdup (slug);
  gtk_check_button_set_label (self->one_check, one);
  gtk_check_button_set_use_underline (self->one_check, TRUE);
  gtk_check_button_set_active (slug ? self->one_check : self->all_check, TRUE);
  /* From the main menu there is nothing to choose: a sentence says what
   * it holds, not a radio button alone. */
  if (slug == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->one_check), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->all_check), FALSE);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), "%s %s",
                                      adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (self)),
                                      _("It holds every submitted amendment, in the order of voting."));
    }
  return self;
}

/* The amendment chosen, or NULL for all submitted ones. */
const char *
amend_paper_dialog_get_slug (AmendPaperDialog *self)
{
  return gtk_check_button_get_active (self->all_check) ? NULL : self->slug;
}

GtkWidget *
amend_paper_dialog_get_choice (AmendPaperDialog *self,
                               gboolean          all)
{
  return GTK_WIDGET (all ? self->all_check : self->one_check);
}
