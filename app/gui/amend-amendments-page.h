/* amend-amendments-page.h: every amendment, and the review of the one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-project-review.h"
#include "amend-review-page.h"

G_BEGIN_DECLS

#define AMEND_TYPE_AMENDMENTS_PAGE (amend_amendments_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendAmendmentsPage, amend_amendments_page, AMEND, AMENDMENTS_PAGE, GtkWidget)

void             amend_amendments_page_set_project (AmendAmendmentsPage *self,
                                                    AmendProject        *project);
void             amend_amendments_page_reload      (AmendAmendmentsPage *self);
gboolean         amend_amendments_page_is_busy     (AmendAmendmentsPage *self);
AmendSurvey     *amend_amendments_page_get_survey  (AmendAmendmentsPage *self);
AmendReviewPage *amend_amendments_page_get_review  (AmendAmendmentsPage *self);
void             amend_amendments_page_select      (AmendAmendmentsPage *self,
                                                    const char          *slug);
GtkWidget       *amend_amendments_page_get_row     (AmendAmendmentsPage *self,
                                                    const char          *slug);
void             amend_amendments_page_focus_list  (AmendAmendmentsPage *self);

G_END_DECLS
