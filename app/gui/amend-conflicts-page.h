/* amend-conflicts-page.h: an adoption that stopped at conflicts, resolved one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-project-review.h"

G_BEGIN_DECLS

#define AMEND_TYPE_CONFLICTS_PAGE (amend_conflicts_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendConflictsPage, amend_conflicts_page, AMEND, CONFLICTS_PAGE, GtkWidget)

void             amend_conflicts_page_set_state     (AmendConflictsPage *self,
                                                     AmendMergeState    *state,
                                                     const char         *title);
AmendMergeState *amend_conflicts_page_get_state     (AmendConflictsPage *self);
guint            amend_conflicts_page_get_position  (AmendConflictsPage *self);
void             amend_conflicts_page_set_position  (AmendConflictsPage *self,
                                                     guint               position);
GtkWidget       *amend_conflicts_page_get_button    (AmendConflictsPage *self,
                                                     const char         *name);
GtkTextView     *amend_conflicts_page_get_edit_view (AmendConflictsPage *self);
char            *amend_conflicts_page_dup_edit_text (AmendConflictsPage *self);

G_END_DECLS
