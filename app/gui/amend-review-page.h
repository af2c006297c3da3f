/* amend-review-page.h: one amendment as the council reviews it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-editor.h"
#include "amend-project-review.h"

G_BEGIN_DECLS

#define AMEND_TYPE_REVIEW_PAGE (amend_review_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendReviewPage, amend_review_page, AMEND, REVIEW_PAGE, GtkWidget)

void            amend_review_page_set_editor       (AmendReviewPage *self,
                                                    AmendEditor     *editor);
void            amend_review_page_show             (AmendReviewPage *self,
                                                    AmendProject    *project,
                                                    AmendSurvey     *survey,
                                                    AmendAmendment  *amendment);
void            amend_review_page_reload_comments  (AmendReviewPage *self);
const char     *amend_review_page_get_slug         (AmendReviewPage *self);
gboolean        amend_review_page_is_busy          (AmendReviewPage *self);
void            amend_review_page_show_tab         (AmendReviewPage *self,
                                                    const char      *name);

/* For the tests: what the page shows. */
char           *amend_review_page_dup_marked       (AmendReviewPage *self);
const char     *amend_review_page_get_instructions (AmendReviewPage *self);
AmendCommentList *amend_review_page_get_comments   (AmendReviewPage *self);
GtkWidget      *amend_review_page_get_button       (AmendReviewPage *self,
                                                    const char      *name);
gboolean        amend_review_page_focus            (AmendReviewPage *self);
GtkWidget      *amend_review_page_find_comment_button (AmendReviewPage *self,
                                                    const char      *text,
                                                    const char      *action);
GtkWidget      *amend_review_page_get_block        (AmendReviewPage *self,
                                                    guint            index);

G_END_DECLS
