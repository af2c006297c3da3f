/* amend-pending-merge-private.h: starting a merge, with libgit2's types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-pending-merge.h"
#include "amend-tree-merge-private.h"

G_BEGIN_DECLS

/* What to merge, and the commit on a second branch that belongs to the
 * same step (adopting commits the decision on the amendment's branch and
 * merges that commit). */
typedef struct {
  const char          *command;      /* "adopt", "update": named in messages */
  const char          *amendment;    /* the slug, for messages; may be NULL */
  const char          *target;       /* refs/heads/...: merged into */
  const git_oid       *theirs;       /* merged in, unless side_ref is set */
  const char          *message;      /* of the merge commit */
  const git_signature *signature;
  const char          *side_ref;     /* refs/heads/amendement/<slug>, or NULL */
  const char          *side_path;    /* the record path committed there */
  const char          *side_data;    /* its new content */
  const char          *side_message;
  gboolean             refuse_unchanged; /* a merge that changes no text is
                                          * refused, nothing written */
} AmendMergeStart;

AmendPendingMerge *amend_pending_merge_start (AmendRepository       *repo,
                                              const AmendMergeStart *start,
                                              AmendMergeOutcome     *outcome,
                                              GError               **error);

G_END_DECLS
