/* amend-canonical-blobs.h: the regulations' blobs known to be in canonical form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>

#include "amend-repository.h"

G_BEGIN_DECLS

gboolean amend_canonical_blobs_contain     (AmendRepository *repo,
                                            const git_oid   *ids,
                                            guint            n_ids);
void     amend_canonical_blobs_add         (AmendRepository *repo,
                                            const git_oid   *ids,
                                            guint            n_ids);
void     amend_canonical_blobs_check_commit (AmendRepository *repo,
                                             const char      *refname);

G_END_DECLS
