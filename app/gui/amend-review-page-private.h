/* amend-review-page-private.h: what the review page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-project-review.h"
#include "amend-review-page.h"

G_BEGIN_DECLS

struct _AmendReviewPage
{
  GtkWidget         parent_instance;

  GtkStack         *stack;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkImage         *state_icon;
  GtkLabel         *state_label;
  GtkWidget        *submit_button;
  GtkWidget        *vote_button;
  GtkWidget        *update_button;
  GtkWidget        *more_button;
  GtkSpinner       *spinner;
  GtkStack         *detail_stack;
  GtkWidget        *tabs;
  GtkDropDown      *tabs_dropdown;
  GtkLabel         *changes_label;
  GtkToggleButton  *sides_button;
  GtkWidget        *blocks_box;
  GtkWidget        *other_label;
  GtkWidget        *other_box;
  GtkWidget        *comment_all_button;
  GtkListBox       *record_list;
  GtkLabel         *instructions_label;
  GtkWidget        *collisions_box;

  AmendEditor      *editor;
  AmendProject     *project;
  AmendAmendment   *amendment;
  AmendReview      *review;
  AmendCommentList *comments;
  GCancellable     *review_cancel;
  GCancellable     *comments_cancel;
  GPtrArray        *blocks;        /* of AmendAsideBox, one per article */
  guint             busy;          /* the reading jobs that run, BUSY_REVIEW | BUSY_COMMENTS */
  char             *focus_action;  /* the button beside the renvooi that had the focus, */
  GVariant         *focus_target;  /* to have it again once the changes are built anew */
};

GtkWidget *_amend_review_wrapped_label         (const char      *text,
                                                const char      *style);
char      *_amend_review_when_text             (GDateTime       *date);
void       _amend_review_clear_box             (GtkWidget       *box);
void       _amend_review_page_fill_record      (AmendReviewPage *self);
void       _amend_review_page_fill_state       (AmendReviewPage *self,
                                                AmendSurvey     *survey);
void       _amend_review_page_fill_collisions  (AmendReviewPage *self,
                                                AmendSurvey     *survey);
void       _amend_review_page_update_actions   (AmendReviewPage *self);

G_END_DECLS
