/* amend-decision.h: the council decides on amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-amendment.h"
#include "amend-pending-merge.h"

G_BEGIN_DECLS

gboolean        amend_vote_parse_date        (const char         *text,
                                              char              **date,
                                              GError            **error);

AmendAmendment *amend_decision_adopt         (AmendRepository    *repo,
                                              const char         *name,
                                              const AmendVote    *vote,
                                              AmendMergeOutcome  *outcome,
                                              GError            **error);
AmendAmendment *amend_decision_reject        (AmendRepository    *repo,
                                              const char         *name,
                                              const AmendVote    *vote,
                                              GError            **error);
AmendAmendment *amend_decision_vote          (AmendRepository    *repo,
                                              const char         *name,
                                              const AmendVote    *vote,
                                              AmendMergeOutcome  *outcome,
                                              GError            **error);
AmendAmendment *amend_decision_update        (AmendRepository    *repo,
                                              const char         *name,
                                              AmendMergeOutcome  *outcome,
                                              GError            **error);
gboolean        amend_decision_check_open    (AmendRepository    *repo,
                                              GPtrArray          *amendments,
                                              GError            **error);
gboolean        amend_decision_check_open_cached (AmendRefsFiles *refs,
                                                  GPtrArray      *amendments);
char           *amend_decision_target_branch (AmendRepository    *repo,
                                              AmendAmendment     *amendment,
                                              GError            **error);

G_END_DECLS
