/* amend-window.h: the main window: one project, its text, outline and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amend-amendments-page.h"
#include "amend-conflicts-page.h"
#include "amend-draft-store.h"
#include "amend-export-dialog.h"
#include "amend-editor.h"
#include "amend-history-page.h"
#include "amend-outline-panel.h"
#include "amend-project.h"

G_BEGIN_DECLS

#define AMEND_TYPE_WINDOW (amend_window_get_type ())

G_DECLARE_FINAL_TYPE (AmendWindow, amend_window, AMEND, WINDOW, AdwApplicationWindow)

/* What to do with unsaved changes before leaving the branch. */
#define AMEND_LEAVE_CANCEL "cancel"
#define AMEND_LEAVE_KEEP   "keep"
#define AMEND_LEAVE_SAVE   "save"

AmendWindow       *amend_window_new               (GtkApplication *application);
void               amend_window_open              (AmendWindow    *self,
                                                   const char     *path);
void               amend_window_open_example      (AmendWindow    *self);
AmendProject      *amend_window_get_project       (AmendWindow    *self);
AmendEditor       *amend_window_get_editor        (AmendWindow    *self);
AmendOutlinePanel *amend_window_get_outline_panel (AmendWindow    *self);
AmendHistoryPage  *amend_window_get_history_page  (AmendWindow    *self);
AmendDraftStore   *amend_window_get_draft_store   (AmendWindow    *self);
GtkWindow         *amend_window_get_dialog        (AmendWindow    *self);
gboolean           amend_window_is_busy           (AmendWindow    *self);
gboolean           amend_window_has_unsaved       (AmendWindow    *self);
gboolean           amend_window_draft_restored    (AmendWindow    *self);
const char        *amend_window_get_last_error    (AmendWindow    *self);
const char        *amend_window_get_where         (AmendWindow    *self);
void               amend_window_show_page         (AmendWindow    *self,
                                                   const char     *name);
void               amend_window_save              (AmendWindow    *self,
                                                   const char     *message,
                                                   const char     *author);
void               amend_window_switch_branch     (AmendWindow    *self,
                                                   const char     *branch);
void               amend_window_propose           (AmendWindow    *self,
                                                   const char     *title,
                                                   const char * const *submitters,
                                                   const char     *motivation,
                                                   const char     *on);
gboolean           amend_window_keep_draft        (AmendWindow    *self);
void               amend_window_open_regulation   (AmendWindow    *self,
                                                   const char     *file);
GtkFileChooser    *amend_window_get_file_chooser  (AmendWindow    *self);
void               amend_window_export_to         (AmendWindow    *self,
                                                   const char     *text,
                                                   AmendExportFormat format,
                                                   GFile          *file);
AmendAmendmentsPage *amend_window_get_amendments_page (AmendWindow  *self);
AmendConflictsPage *amend_window_get_conflicts_page (AmendWindow    *self);
void               amend_window_open_package      (AmendWindow    *self,
                                                   const char     *path);

G_END_DECLS
