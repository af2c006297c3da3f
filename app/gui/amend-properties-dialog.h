/* amend-properties-dialog.h: the regulation's properties as a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amend-document.h"

G_BEGIN_DECLS

#define AMEND_TYPE_PROPERTIES_DIALOG (amend_properties_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendPropertiesDialog, amend_properties_dialog, AMEND, PROPERTIES_DIALOG, AdwMessageDialog)

AmendPropertiesDialog *amend_properties_dialog_new     (GtkWindow             *parent,
                                                        AmendDocument         *doc);
void                   amend_properties_dialog_apply   (AmendPropertiesDialog *self,
                                                        AmendDocument         *doc);
GtkWidget             *amend_properties_dialog_get_row (AmendPropertiesDialog *self,
                                                        const char            *key);
const char            *amend_properties_dialog_get_hint (AmendPropertiesDialog *self);

G_END_DECLS
