/* amend-vote-dialog.h: how the council decided on an amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amend-amendment.h"

G_BEGIN_DECLS

#define AMEND_TYPE_VOTE_DIALOG (amend_vote_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendVoteDialog, amend_vote_dialog, AMEND, VOTE_DIALOG, AdwMessageDialog)

AmendVoteDialog *amend_vote_dialog_new      (GtkWindow       *parent,
                                             const char      *title,
                                             const char      *into);
gboolean         amend_vote_dialog_is_counted (AmendVoteDialog *self);
void             amend_vote_dialog_get_vote (AmendVoteDialog *self,
                                             AmendVote       *vote);
GtkWidget       *amend_vote_dialog_get_row  (AmendVoteDialog *self,
                                             const char      *name);

G_END_DECLS
