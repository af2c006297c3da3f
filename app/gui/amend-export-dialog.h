/* amend-export-dialog.h: the regulation as STOP or Akoma Ntoso XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amend-document.h"

G_BEGIN_DECLS

typedef enum {
  AMEND_EXPORT_STOP,
  AMEND_EXPORT_STOP_DECISION,
  AMEND_EXPORT_AKN,
} AmendExportFormat;

#define AMEND_TYPE_EXPORT_DIALOG (amend_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendExportDialog, amend_export_dialog, AMEND, EXPORT_DIALOG, AdwMessageDialog)

AmendExportDialog *amend_export_dialog_new        (GtkWindow         *parent);
AmendExportFormat  amend_export_dialog_get_format (AmendExportDialog *self);
void               amend_export_dialog_set_format (AmendExportDialog *self,
                                                   AmendExportFormat  format);
const char        *amend_export_format_suffix     (AmendExportFormat  format);
GBytes            *amend_export_document          (AmendDocument     *doc,
                                                   AmendExportFormat  format,
                                                   GPtrArray         *warnings,
                                                   GError           **error);

G_END_DECLS
