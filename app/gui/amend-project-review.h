/* amend-project-review.h: reviewing and deciding on amendments, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-lapsed.h"

#include "amend-collision.h"
#include "amend-comments.h"
#include "amend-merge.h"
#include "amend-paper.h"
#include "amend-pending-merge.h"
#include "amend-project.h"
#include "amend-proposal.h"

G_BEGIN_DECLS

/* Every amendment with what the Amendments view shows of it. */
typedef struct {
  GPtrArray       *amendments;   /* of AmendAmendment, each with its apply state */
  AmendCollisions *collisions;   /* of the open ones, concepts too */
  GHashTable      *comments;     /* slug -> number of comment files on its branch */
  char            *pending;      /* an unfinished adoption or update: the amendment's slug */
  AmendLapsed     *lapsed;       /* those that lapsed, by or with which (amend-lapsed.c) */
  GHashTable      *order;        /* slug -> its place in the voting order of the submitted ones, from 1 */
  GHashTable      *regulations;  /* slug -> the regulations it changes (GStrv); only in a project of several */
  GPtrArray       *unreadable;   /* of AmendUnreadable: branches left out, each with what to do */
} AmendSurvey;

void amend_survey_free (AmendSurvey *survey);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendSurvey, amend_survey_free)

guint amend_survey_count_comments (AmendSurvey *survey,
                                   const char  *slug);
const char *amend_survey_lapsed_by (AmendSurvey *survey,
                                    const char  *slug);
const char *amend_survey_lapsed_with (AmendSurvey *survey,
                                      const char  *slug);
guint amend_survey_voting_place (AmendSurvey *survey,
                                 const char  *slug,
                                 guint       *of);
const char * const *amend_survey_regulations_of (AmendSurvey *survey,
                                                 const char  *slug);
/* The pairs (AmendCollision) @slug is in. */
GPtrArray *amend_survey_collisions_of (AmendSurvey *survey,
                                       const char  *slug);

/* What an amendment changes in one regulation. */
typedef struct {
  char          *regulation;    /* the file, relative to the project */
  char          *title;         /* the regulation's, else its file */
  AmendProposal *proposal;
  GPtrArray     *blocks;        /* renvooi, of AmendRenvooiBlock; point into the proposal */
} AmendReviewPart;

/* One amendment as its review page shows it: in a project of several
 * regulations, one part for each it changes (as amend diff
 * REVISION:FILE shows each), else one. */
typedef struct {
  GPtrArray     *parts;         /* of AmendReviewPart */
  gboolean       several;       /* the project has several regulations: each part says which */
  char          *instructions;  /* of every part, ARTIKEL I, II, ... */
} AmendReview;

void amend_review_free (AmendReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendReview, amend_review_free)

/* A merge that stopped at conflicts, as the conflicts page shows it. */
typedef struct {
  char      *command;      /* "adopt" or "update" */
  char      *amendment;    /* slug */
  char      *target;       /* the branch merged into */
  GPtrArray *conflicts;    /* of AmendConflict, copies */
  guint      unresolved;
  gboolean   several;      /* the project has several regulations: each conflict says in which */
} AmendMergeState;

void amend_merge_state_free (AmendMergeState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendMergeState, amend_merge_state_free)

typedef enum {
  AMEND_DECIDE_SUBMIT,
  AMEND_DECIDE_WITHDRAW,
  AMEND_DECIDE_VOTE,     /* counted votes: adopts or rejects by them */
  AMEND_DECIDE_ADOPT,
  AMEND_DECIDE_REJECT,
  AMEND_DECIDE_UPDATE,   /* main merged into the amendment */
  AMEND_DECIDE_EDIT,     /* its submitters and motivation changed */
} AmendDecideKind;

void             amend_project_survey_async        (AmendProject        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendSurvey     *amend_project_survey_finish       (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void             amend_project_review_async        (AmendProject        *self,
                                                    const char          *slug,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendReview     *amend_project_review_finish       (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void             amend_project_comments_async      (AmendProject        *self,
                                                    const char          *slug,
                                                    const char          *unsaved_text,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendCommentList *amend_project_comments_finish    (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void             amend_project_decide_async        (AmendProject        *self,
                                                    AmendDecideKind      kind,
                                                    const char          *slug,
                                                    const AmendVote     *vote,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             amend_project_edit_record_async   (AmendProject        *self,
                                                    const char          *slug,
                                                    const char * const  *submitters,
                                                    const char          *motivation,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendProject    *amend_project_decide_finish       (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    AmendMergeOutcome   *outcome,
                                                    GError             **error);
void             amend_project_comment_async       (AmendProject        *self,
                                                    const char          *slug,
                                                    const char          *regulation,
                                                    const char          *eid,
                                                    const char          *reply_to,
                                                    const char          *text,
                                                    const char          *author,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             amend_project_resolve_comment_async (AmendProject      *self,
                                                    const char          *id,
                                                    gboolean             resolve,
                                                    const char          *author,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendProject    *amend_project_comment_finish      (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void             amend_project_merge_state_async   (AmendProject        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             amend_project_resolve_async       (AmendProject        *self,
                                                    const char          *id,
                                                    AmendResolution      resolution,
                                                    const char          *text,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendMergeState *amend_project_merge_state_finish  (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void             amend_project_end_merge_async     (AmendProject        *self,
                                                    gboolean             abort,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AmendProject    *amend_project_end_merge_finish    (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void             amend_project_paper_async         (AmendProject        *self,
                                                    const char          *slug,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray       *amend_project_paper_finish        (AmendProject        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
