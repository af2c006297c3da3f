/* amend-tree-merge-private.h: the merge of branches, with libgit2's types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-repository-private.h"
#include "amend-tree-merge.h"

G_BEGIN_DECLS

AmendTreeMerge *amend_merge_commits             (AmendRepository     *repo,
                                                 const git_oid       *ours,
                                                 const git_oid       *theirs,
                                                 GHashTable          *choices,
                                                 GError             **error);
gboolean        amend_tree_merge_write_tree     (AmendTreeMerge      *self,
                                                 git_oid             *out,
                                                 GError             **error);
gboolean        amend_tree_merge_write_commit   (AmendTreeMerge      *self,
                                                 const char          *branch,
                                                 const git_signature *signature,
                                                 const char          *message,
                                                 git_oid             *out,
                                                 GError             **error);
GBytes         *amend_tree_merge_get_written    (AmendTreeMerge      *self,
                                                 const char          *path,
                                                 const git_oid       *id);

G_END_DECLS
