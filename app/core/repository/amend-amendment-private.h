/* amend-amendment-private.h: what the decisions need of the amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-amendment.h"
#include "amend-repository-private.h"

G_BEGIN_DECLS

char     *amend_amendment_refname          (const char      *slug);
char     *amend_amendment_slug_of          (AmendRepository *repo,
                                            const char      *name,
                                            GError         **error);
gboolean  amend_amendment_check_record_saved (AmendRepository *repo,
                                            AmendAmendment  *self,
                                            GError         **error);
gboolean  amend_amendment_write_record     (AmendRepository *repo,
                                            AmendAmendment  *self,
                                            git_commit      *tip,
                                            const git_signature *signature,
                                            const char      *message,
                                            git_oid         *out,
                                            GError         **error);
char     *amend_amendment_decision_message (AmendAmendment  *self,
                                            const AmendVote *vote);
char     *amend_amendment_write_touched    (AmendRepository *repo,
                                            const char      *branch,
                                            const git_oid   *parents,
                                            guint            n_parents,
                                            git_tree        *tree,
                                            git_oid         *id);

G_END_DECLS
