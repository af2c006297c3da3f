/* amend-propose-dialog.h: title, submitters and motivation of a new amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_PROPOSE_DIALOG (amend_propose_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendProposeDialog, amend_propose_dialog, AMEND, PROPOSE_DIALOG, AdwMessageDialog)

AmendProposeDialog *amend_propose_dialog_new            (GtkWindow          *parent,
                                                         const char         *submitter,
                                                         const char         *note);
void                amend_propose_dialog_fill           (AmendProposeDialog *self,
                                                         const char         *title,
                                                         const char         *submitters,
                                                         const char         *motivation);
void                amend_propose_dialog_set_amends     (AmendProposeDialog *self,
                                                         const char         *title);
void                amend_propose_dialog_set_editing    (AmendProposeDialog *self);
const char         *amend_propose_dialog_get_title_text (AmendProposeDialog *self);
GStrv               amend_propose_dialog_dup_submitters (AmendProposeDialog *self);
char               *amend_propose_dialog_dup_motivation (AmendProposeDialog *self);
GtkWidget          *amend_propose_dialog_get_submitters_row (AmendProposeDialog *self);
GtkWidget          *amend_propose_dialog_get_title_row  (AmendProposeDialog *self);
const char         *amend_propose_dialog_get_hint       (AmendProposeDialog *self);

G_END_DECLS
