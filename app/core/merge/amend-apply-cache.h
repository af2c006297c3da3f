/* amend-apply-cache.h: whether an amendment applies, kept by its commits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>
#include <glib.h>

#include "amend-amendment.h"

G_BEGIN_DECLS

typedef struct _AmendApplyCache AmendApplyCache;

AmendApplyCache *amend_apply_cache_new    (const char         *path);
void             amend_apply_cache_free   (AmendApplyCache    *self);
gboolean         amend_apply_cache_lookup (AmendApplyCache    *self,
                                           const git_oid      *tip,
                                           const git_oid      *into,
                                           AmendApplyState    *state,
                                           const char * const **conflicts);
gboolean         amend_apply_cache_lookup_hex (AmendApplyCache  *self,
                                               const char       *tip,
                                               const char       *into,
                                               AmendApplyState  *state,
                                               const char * const **conflicts);
void             amend_apply_cache_add    (AmendApplyCache    *self,
                                           const git_oid      *tip,
                                           const git_oid      *into,
                                           AmendApplyState     state,
                                           const char * const *conflicts);
void             amend_apply_cache_save   (AmendApplyCache    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendApplyCache, amend_apply_cache_free)

G_END_DECLS
