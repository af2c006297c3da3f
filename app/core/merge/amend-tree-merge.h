/* amend-tree-merge.h: two versions of a project merged, file by file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-merge.h"
#include "amend-repository.h"

G_BEGIN_DECLS

/* How the conflicts of a merge of branches are resolved:
 * path -> (id -> AmendChoice). */
GHashTable     *amend_tree_choices_new          (void);
void            amend_tree_choices_set          (GHashTable      *choices,
                                                 const char      *path,
                                                 const char      *id,
                                                 AmendResolution  resolution,
                                                 const char      *text);

#define AMEND_TYPE_TREE_MERGE (amend_tree_merge_get_type ())

G_DECLARE_FINAL_TYPE (AmendTreeMerge, amend_tree_merge, AMEND, TREE_MERGE, GObject)

AmendTreeMerge *amend_merge_branches            (AmendRepository *repo,
                                                 const char      *ours,
                                                 const char      *theirs,
                                                 GHashTable      *choices,
                                                 GError         **error);
const char     *amend_tree_merge_get_base_id    (AmendTreeMerge  *self);
const char     *amend_tree_merge_get_ours_id    (AmendTreeMerge  *self);
const char     *amend_tree_merge_get_theirs_id  (AmendTreeMerge  *self);
gboolean        amend_tree_merge_is_contained   (AmendTreeMerge  *self);
gboolean        amend_tree_merge_changes_text   (AmendTreeMerge  *self);
GPtrArray      *amend_tree_merge_get_paths      (AmendTreeMerge  *self);
AmendMerge     *amend_tree_merge_get_document   (AmendTreeMerge  *self,
                                                 const char      *path);
GPtrArray      *amend_tree_merge_get_conflicts  (AmendTreeMerge  *self);
guint           amend_tree_merge_count_unresolved (AmendTreeMerge *self);
GStrv           amend_tree_merge_dup_conflict_ids (AmendTreeMerge *self);

G_END_DECLS
