/* amend-outline-panel.h: the sidebar: the outline and the amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-document.h"

G_BEGIN_DECLS

#define AMEND_TYPE_OUTLINE_PANEL (amend_outline_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmendOutlinePanel, amend_outline_panel, AMEND, OUTLINE_PANEL, GtkWidget)

void        amend_outline_panel_set_document   (AmendOutlinePanel *self,
                                                AmendDocument     *doc,
                                                GPtrArray         *findings);
void        amend_outline_panel_follow_line    (AmendOutlinePanel *self,
                                                guint              line);
void        amend_outline_panel_set_amendments (AmendOutlinePanel *self,
                                                GPtrArray         *amendments,
                                                GPtrArray         *unreadable,
                                                const char        *branch,
                                                const char        *main_branch);
void        amend_outline_panel_set_regulations (AmendOutlinePanel  *self,
                                                 const char * const *files,
                                                 const char * const *titles,
                                                 const char         *current,
                                                 const char * const *unsaved);
GtkMenuButton *amend_outline_panel_get_regulation_button (AmendOutlinePanel *self);
void        amend_outline_panel_show_page      (AmendOutlinePanel *self,
                                                const char        *name);
GListModel *amend_outline_panel_get_items      (AmendOutlinePanel *self);
guint       amend_outline_panel_get_selected   (AmendOutlinePanel *self);
void        amend_outline_panel_activate_item  (AmendOutlinePanel *self,
                                                guint              position);
guint       amend_outline_panel_find_label     (AmendOutlinePanel *self,
                                                const char        *prefix);

char       *amend_status_label                 (int                status);

G_END_DECLS
