/* amend-new-project-dialog.h: a new project, from the template or an XML file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_NEW_PROJECT_DIALOG (amend_new_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmendNewProjectDialog, amend_new_project_dialog, AMEND, NEW_PROJECT_DIALOG, AdwMessageDialog)

AmendNewProjectDialog *amend_new_project_dialog_new        (GtkWindow             *parent,
                                                            GSettings             *settings,
                                                            const char            *imported_from);
void                   amend_new_project_dialog_fill       (AmendNewProjectDialog *self,
                                                            const char            *title,
                                                            const char            *code,
                                                            const char            *parent_dir);
const char            *amend_new_project_dialog_get_title_text (AmendNewProjectDialog *self);
const char            *amend_new_project_dialog_get_code   (AmendNewProjectDialog *self);
char                  *amend_new_project_dialog_dup_folder (AmendNewProjectDialog *self);
char                  *amend_new_project_dialog_dup_author (AmendNewProjectDialog *self);
void                   amend_new_project_dialog_remember   (AmendNewProjectDialog *self);
gboolean               amend_is_authority_code             (const char            *code);

G_END_DECLS
