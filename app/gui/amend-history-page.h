/* amend-history-page.h: the saved versions, each readable and compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-editor.h"
#include "amend-project.h"
#include "amend-renvooi-view.h"

G_BEGIN_DECLS

#define AMEND_TYPE_HISTORY_PAGE (amend_history_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendHistoryPage, amend_history_page, AMEND, HISTORY_PAGE, GtkWidget)

void           amend_history_page_set_editor         (AmendHistoryPage *self,
                                                      AmendEditor      *editor);
void           amend_history_page_set_project        (AmendHistoryPage *self,
                                                      AmendProject     *project);
void           amend_history_page_reload             (AmendHistoryPage *self);
GPtrArray     *amend_history_page_get_versions       (AmendHistoryPage *self);
gboolean       amend_history_page_is_busy            (AmendHistoryPage *self);
void           amend_history_page_select             (AmendHistoryPage *self,
                                                      guint             index);
GtkTextBuffer *amend_history_page_get_text_buffer    (AmendHistoryPage *self);
AmendRenvooiView *amend_history_page_get_renvooi    (AmendHistoryPage *self);
void           amend_history_page_compare_with       (AmendHistoryPage *self,
                                                      guint             index);
void           amend_history_page_show_text          (AmendHistoryPage *self,
                                                      gboolean          text);

G_END_DECLS
