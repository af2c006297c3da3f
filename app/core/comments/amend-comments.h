/* amend-comments.h: the comments of a project: list, add, resolve, reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amend-comment.h"
#include "amend-repository.h"

G_BEGIN_DECLS

/* On main for the draft; on an amendment's branch inside its record. */
#define AMEND_COMMENTS_DRAFT_DIR ".amend/opmerkingen"
#define AMEND_COMMENTS_SUBDIR    "opmerkingen"

/* A file where a comment belongs that is no comment Amend can read. */
typedef struct {
  char *path;     /* in the repository, control characters shown as \xNN */
  char *message;  /* one sentence */
} AmendCommentFinding;

void amend_comment_finding_free (AmendCommentFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendCommentFinding, amend_comment_finding_free)

typedef enum {
  AMEND_COMMENTS_LIST_OPEN = 0,       /* threads not resolved */
  AMEND_COMMENTS_LIST_ALL  = 1 << 0,  /* resolved ones too */
} AmendCommentsListFlags;

/* What amend_comments_list() found. */
typedef struct {
  GPtrArray *threads;     /* of AmendComment: first comments in time order, replies inside */
  GPtrArray *findings;    /* of AmendCommentFinding */
  char      *branch;      /* the branch read, "refs/heads/..." */
  char      *amendment;   /* its slug, NULL for the draft */
  char      *commit;      /* the version the comments are shown against */
  guint      n_comments;  /* comment files read, replies and resolved ones included */
  guint      n_diffs;     /* diffs made to re-anchor them */
} AmendCommentList;

void amend_comment_list_free (AmendCommentList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendCommentList, amend_comment_list_free)

char             *amend_comments_dir         (const char             *amendment);
gboolean          amend_comments_owner       (AmendRepository        *repo,
                                              const char             *name,
                                              char                  **amendment,
                                              GError                **error);
AmendCommentList *amend_comments_list        (AmendRepository        *repo,
                                              const char             *amendment,
                                              const char             *version,
                                              AmendCommentsListFlags  flags,
                                              GCancellable           *cancellable,
                                              GError                **error);
void              amend_comments_list_async  (const char             *project,
                                              const char             *amendment,
                                              const char             *version,
                                              AmendCommentsListFlags  flags,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);
AmendCommentList *amend_comments_list_finish (GAsyncResult           *result,
                                              GError                **error);
AmendComment     *amend_comments_add         (AmendRepository        *repo,
                                              const char             *amendment,
                                              AmendComment           *comment,
                                              const char             *author,
                                              GError                **error);
AmendComment     *amend_comments_lookup      (AmendRepository        *repo,
                                              const char             *id,
                                              GError                **error);
AmendComment     *amend_comments_resolve     (AmendRepository        *repo,
                                              const char             *id,
                                              const char             *author,
                                              GError                **error);
AmendComment     *amend_comments_reopen      (AmendRepository        *repo,
                                              const char             *id,
                                              const char             *author,
                                              GError                **error);

G_END_DECLS
