/* amend-export-dialog.c: the regulation as STOP or Akoma Ntoso XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XML itself is written by the core (amend-stop-export, amend-akn-export),
 * the same code as `amend export`.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-akn-export.h"
#include "amend-export-dialog.h"
#include "amend-stop-export.h"

struct _AmendExportDialog
{
  AdwMessageDialog  parent_instance;

  GtkCheckButton   *stop_check;
  GtkCheckButton   *decision_check;
  GtkCheckButton   *akn_check;
};

G_DEFINE_FINAL_TYPE (AmendExportDialog, amend_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

AmendExportFormat
amend_export_dialog_get_format (AmendExportDialog *self)
{
  if (gtk_check_button_get_active (self->decision_check))
    return AMEND_EXPORT_STOP_DECISION;
  if (gtk_check_button_get_active (self->akn_check))
    return AMEND_EXPORT_AKN;
  return AMEND_EXPORT_STOP;
}

void
amend_export_dialog_set_format (AmendExportDialog *self,
                                AmendExportFormat  format)
{
  GtkCheckButton *check[] = { self->stop_check, self->decision_check, self->akn_check };

  gtk_check_button_set_active (check[format], TRUE);
}

/* Part of the suggested file name: apv.stop.xml, apv.akn.xml. */
const char *
amend_export_format_suffix (AmendExportFormat format)
{
  switch (format)
    {
    case AMEND_EXPORT_STOP_DECISION:
      return "stop-besluit";
    case AMEND_EXPORT_AKN:
      return "akn";
    case AMEND_EXPORT_STOP:
    default:
      return "stop";
    }
}

GBytes *
amend_export_document (AmendDocument     *doc,
                       AmendExportFormat  format,
                       GPtrArray         *warnings,
                       GError           **error)
{
  /* A file with unreadable bytes would publish a guess. */
  if (amend_document_has_errors (doc))
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("The regulation has errors that make its text uncertain; correct them first (see the findings below the text)."));
      return NULL;
    }
  switch (format)
    {
    case AMEND_EXPORT_STOP_DECISION:
      return amend_stop_export_decision (doc, warnings, error);
    case AMEND_EXPORT_AKN:
      return amend_akn_export_act (doc, warnings, error);
    case AMEND_EXPORT_STOP:
    default:
      return amend_stop_export_regulation (doc, warnings, error);
    }
}

AmendExportDialog *
amend_export_dialog_new (GtkWindow *parent)
{
  return g_object_new (AMEND_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
}

static void
amend_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMEND_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (amend_export_dialog_parent_class)->dispose (object);
}

static void
amend_export_dialog_class_init (AmendExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_export_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendExportDialog, stop_check);
  gtk_widget_class_bind_template_child (widget_class, AmendExportDialog, decision_check);
  gtk_widget_class_bind_template_child (widget_class, AmendExportDialog, akn_check);
}

static void
amend_export_dialog_init (AmendExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
