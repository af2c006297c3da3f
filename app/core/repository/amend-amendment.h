/* amend-amendment.h: an amendment: a branch amendement/<slug> and its record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amend-refs-files.h"
#include "amend-repository.h"

G_BEGIN_DECLS

#define AMEND_AMENDMENT_BRANCH_PREFIX "amendement/"
#define AMEND_AMENDMENT_RECORD_DIR    ".amend/amendementen"
#define AMEND_AMENDMENT_RECORD_FILE   "amendement.ini"

/* The life of an amendment in the council; the words are the ones stored
 * in the record. */
typedef enum {
  AMEND_STATUS_CONCEPT,    /* concept: being written */
  AMEND_STATUS_SUBMITTED,  /* ingediend: handed in to the council */
  AMEND_STATUS_ADOPTED,    /* aangenomen */
  AMEND_STATUS_REJECTED,   /* verworpen */
  AMEND_STATUS_WITHDRAWN,  /* ingetrokken */
} AmendStatus;

const char *amend_status_to_string   (AmendStatus  status);
gboolean    amend_status_from_string (const char  *word,
                                      AmendStatus *status);
gboolean    amend_status_can_become  (AmendStatus  from,
                                      AmendStatus  to);

/* How the council decided, as the record's [vote] group keeps it. */
typedef struct {
  char *date;           /* YYYY-MM-DD */
  char *meeting;        /* the meeting, as the council names it; or NULL */
  int   votes_for;      /* -1: decided without counted votes */
  int   votes_against;
  AmendStatus result;   /* aangenomen or verworpen */
} AmendVote;

void amend_vote_free (AmendVote *vote);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendVote, amend_vote_free)

/* Whether an open amendment can still be adopted into what it amends. */
typedef enum {
  AMEND_APPLY_UNKNOWN,    /* not looked at (decided, withdrawn, or not asked) */
  AMEND_APPLY_CLEAN,      /* merges without a conflict */
  AMEND_APPLY_CONFLICTS,  /* merges with conflicts, in the nodes named */
  AMEND_APPLY_CONTAINED,  /* already in it: its tip is reachable from it */
  AMEND_APPLY_REFUSED,    /* adopting it is refused: it changes files in .amend
                           * that are not its own, named */
} AmendApplyState;

/* A state that names something: the conflicting nodes, the foreign files. */
#define AMEND_APPLY_STATE_NAMES(s) ((s) == AMEND_APPLY_CONFLICTS || (s) == AMEND_APPLY_REFUSED)

const char *amend_apply_state_to_string (AmendApplyState state);

/* The articles one amendment touches in one regulation file. */
typedef struct {
  char  *path;
  GStrv  articles;
} AmendTouchedFile;

void amend_touched_file_free (AmendTouchedFile *file);

/* A branch amendement/SLUG that cannot be read: its record is broken, or
 * it names no commit. */
typedef struct {
  char *slug;
  char *branch;   /* amendement/SLUG */
  char *message;  /* what is wrong and what to do, one sentence */
} AmendUnreadable;

AmendUnreadable *amend_unreadable_copy (const AmendUnreadable *unreadable);
void             amend_unreadable_free (AmendUnreadable       *unreadable);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendUnreadable, amend_unreadable_free)

#define AMEND_TYPE_AMENDMENT (amend_amendment_get_type ())

G_DECLARE_FINAL_TYPE (AmendAmendment, amend_amendment, AMEND, AMENDMENT, GObject)

AmendAmendment     *amend_amendment_new            (const char      *slug,
                                                    const char      *title);
AmendAmendment     *amend_amendment_new_from_data  (const char      *slug,
                                                    const char      *data,
                                                    gsize            len,
                                                    GError         **error);
char               *amend_amendment_to_data        (AmendAmendment  *self,
                                                    gsize           *len);

const char         *amend_amendment_get_slug       (AmendAmendment  *self);
const char         *amend_amendment_get_branch     (AmendAmendment  *self);
const char         *amend_amendment_get_title      (AmendAmendment  *self);
const char * const *amend_amendment_get_submitters (AmendAmendment  *self);
void                amend_amendment_set_submitters (AmendAmendment  *self,
                                                    const char * const *submitters);
const char         *amend_amendment_get_motivation (AmendAmendment  *self);
void                amend_amendment_set_motivation (AmendAmendment  *self,
                                                    const char      *motivation);
AmendStatus         amend_amendment_get_status     (AmendAmendment  *self);
gboolean            amend_amendment_set_status     (AmendAmendment  *self,
                                                    AmendStatus      status,
                                                    GDateTime       *when,
                                                    GError         **error);
GDateTime          *amend_amendment_get_created    (AmendAmendment  *self);
GDateTime          *amend_amendment_get_updated    (AmendAmendment  *self);

/* Known only for an amendment read from its branch. */
gboolean            amend_amendment_has_record     (AmendAmendment  *self);
const char         *amend_amendment_get_commit     (AmendAmendment  *self);
guint               amend_amendment_get_ahead      (AmendAmendment  *self);
guint               amend_amendment_get_behind     (AmendAmendment  *self);
GDateTime          *amend_amendment_get_last_change (AmendAmendment *self);
const char * const *amend_amendment_get_articles   (AmendAmendment  *self);
GPtrArray          *amend_amendment_get_files      (AmendAmendment  *self);

AmendVote          *amend_amendment_dup_vote       (AmendAmendment  *self);
char               *amend_amendment_dup_decided    (AmendAmendment  *self);
void                amend_amendment_set_vote       (AmendAmendment  *self,
                                                    const AmendVote *vote);
const char         *amend_amendment_get_amends     (AmendAmendment  *self);
const char         *amend_amendment_get_target     (AmendAmendment  *self);
AmendApplyState     amend_amendment_get_apply_state (AmendAmendment *self);
const char * const *amend_amendment_get_apply_conflicts (AmendAmendment *self);
void                amend_amendment_set_apply_state (AmendAmendment *self,
                                                    AmendApplyState  state,
                                                    const char * const *conflicts);

char               *amend_slug_from_title          (const char      *title);
char               *amend_amendment_record_path    (const char      *slug);

AmendAmendment     *amend_amendment_propose        (AmendRepository *repo,
                                                    const char      *title,
                                                    const char * const *submitters,
                                                    const char      *motivation,
                                                    const char      *from,
                                                    GError         **error);
AmendAmendment     *amend_amendment_propose_on     (AmendRepository *repo,
                                                    const char      *on,
                                                    const char      *title,
                                                    const char * const *submitters,
                                                    const char      *motivation,
                                                    GError         **error);
GPtrArray          *amend_amendment_list           (AmendRepository *repo,
                                                    GError         **error);
GPtrArray          *amend_amendment_list_full      (AmendRepository *repo,
                                                    GPtrArray       *unreadable,
                                                    GError         **error);
GPtrArray          *amend_amendment_list_cached    (AmendRefsFiles  *refs);
AmendAmendment     *amend_amendment_lookup         (AmendRepository *repo,
                                                    const char      *name,
                                                    GError         **error);
/* Without the articles it touches (reading the regulation twice): for
 * the decisions, which do not show them. */
AmendAmendment     *amend_amendment_lookup_record  (AmendRepository *repo,
                                                    const char      *name,
                                                    GError         **error);
AmendAmendment     *amend_amendment_edit_record    (AmendRepository *repo,
                                                    const char      *name,
                                                    const char * const *submitters,
                                                    const char      *motivation,
                                                    GError         **error);
AmendAmendment     *amend_amendment_change_status  (AmendRepository *repo,
                                                    const char      *name,
                                                    AmendStatus      status,
                                                    GError         **error);
AmendAmendment     *amend_amendment_reject         (AmendRepository *repo,
                                                    const char      *name,
                                                    const AmendVote *vote,
                                                    GError         **error);

G_END_DECLS
