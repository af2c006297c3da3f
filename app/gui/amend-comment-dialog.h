/* amend-comment-dialog.h: the text of a new comment or a reply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_COMMENT_DIALOG (amend_comment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendCommentDialog, amend_comment_dialog, AMEND, COMMENT_DIALOG, AdwMessageDialog)

AmendCommentDialog *amend_comment_dialog_new           (GtkWindow          *parent,
                                                        const char         *heading,
                                                        const char         *body);
char               *amend_comment_dialog_dup_text      (AmendCommentDialog *self);
GtkTextView        *amend_comment_dialog_get_text_view (AmendCommentDialog *self);
void                amend_comment_dialog_ask_author    (AmendCommentDialog *self,
                                                        GSettings          *settings,
                                                        const char         *project);
char               *amend_comment_dialog_dup_author    (AmendCommentDialog *self);

G_END_DECLS
