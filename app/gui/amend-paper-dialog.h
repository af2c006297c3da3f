/* amend-paper-dialog.h: which amendments go on the council paper, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_PAPER_DIALOG (amend_paper_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendPaperDialog, amend_paper_dialog, AMEND, PAPER_DIALOG, AdwMessageDialog)

AmendPaperDialog *amend_paper_dialog_new        (GtkWindow        *parent,
                                                 const char       *slug,
                                                 const char       *title);
const char       *amend_paper_dialog_get_slug   (AmendPaperDialog *self);
GtkWidget        *amend_paper_dialog_get_choice (AmendPaperDialog *self,
                                                 gboolean          all);

G_END_DECLS
