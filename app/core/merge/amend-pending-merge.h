/* amend-pending-merge.h: a merge of branches that is begun, finished or undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-tree-merge.h"

G_BEGIN_DECLS

typedef enum {
  AMEND_MERGE_OUTCOME_DONE,        /* the merge is committed */
  AMEND_MERGE_OUTCOME_CONFLICTS,   /* stopped: it waits, with its conflicts, under .git/amend/merge */
  AMEND_MERGE_OUTCOME_UP_TO_DATE,  /* there was nothing to merge */
} AmendMergeOutcome;

#define AMEND_TYPE_PENDING_MERGE (amend_pending_merge_get_type ())

G_DECLARE_FINAL_TYPE (AmendPendingMerge, amend_pending_merge, AMEND, PENDING_MERGE, GObject)

AmendPendingMerge *amend_pending_merge_load          (AmendRepository   *repo,
                                                      GError           **error);
const char        *amend_pending_merge_get_command   (AmendPendingMerge *self);
const char        *amend_pending_merge_get_amendment (AmendPendingMerge *self);
const char        *amend_pending_merge_get_target    (AmendPendingMerge *self);
AmendTreeMerge    *amend_pending_merge_get_merge     (AmendPendingMerge *self,
                                                      GError           **error);
gboolean           amend_pending_merge_resolve       (AmendPendingMerge *self,
                                                      const char        *id,
                                                      AmendResolution    resolution,
                                                      const char        *text,
                                                      AmendConflict    **resolved,
                                                      GError           **error);
gboolean           amend_pending_merge_continue      (AmendPendingMerge *self,
                                                      GError           **error);
gboolean           amend_pending_merge_abort         (AmendPendingMerge *self,
                                                      GError           **error);

G_END_DECLS
