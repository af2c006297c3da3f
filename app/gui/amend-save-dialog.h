/* amend-save-dialog.h: save a version: a message, and once an author
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_SAVE_DIALOG (amend_save_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendSaveDialog, amend_save_dialog, AMEND, SAVE_DIALOG, AdwMessageDialog)

AmendSaveDialog *amend_save_dialog_new         (GtkWindow       *parent,
                                                GSettings       *settings,
                                                const char      *project,
                                                const char      *where);
void             amend_save_dialog_set_message (AmendSaveDialog *self,
                                                const char      *message);
const char      *amend_save_dialog_get_message (AmendSaveDialog *self);
char            *amend_save_dialog_dup_author  (AmendSaveDialog *self);
void             amend_save_dialog_set_author  (AmendSaveDialog *self,
                                                const char      *name,
                                                const char      *email);
gboolean         amend_save_dialog_asks_author (AmendSaveDialog *self);
void             amend_save_dialog_remember    (AmendSaveDialog *self);
char            *amend_settings_dup_author     (GSettings       *settings);
void             amend_settings_offer_author   (GSettings       *settings,
                                                const char      *project,
                                                char           **name,
                                                char           **email);
char            *amend_settings_dup_submitter  (GSettings       *settings,
                                                const char      *project);
void             amend_settings_keep_author    (GSettings       *settings,
                                                const char      *author);

void             amend_save_dialog_set_warning (AmendSaveDialog *self,
                                                const char      *warning);
const char      *amend_save_dialog_get_warning (AmendSaveDialog *self);

G_END_DECLS
