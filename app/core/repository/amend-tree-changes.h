/* amend-tree-changes.h: the files that differ between two trees, cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>
#include <glib.h>

G_BEGIN_DECLS

/* One file that differs: a blob's id on each side, zero where the side has
 * no blob there (nothing, or a submodule). */
typedef struct {
  char    *path;
  git_oid  old_id;
  git_oid  new_id;
} AmendTreeChange;

GArray *amend_tree_changes (git_repository *git,
                            const git_tree *a,
                            const git_tree *b,
                            const char     *prefix,
                            const char     *skip);

G_END_DECLS
