/* amend-repository-private.h: what the amendments need of the repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>

#include "amend-journal.h"
#include "amend-repository.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_object, git_object_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, git_tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, git_blob_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference_iterator, git_reference_iterator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_revwalk, git_revwalk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_index, git_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_status_list, git_status_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_diff, git_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_config, git_config_free)

void            amend_repository_ensure_libgit2     (void);
git_repository *amend_repository_get_git            (AmendRepository   *self);
gboolean        amend_repository_set_git_error      (GError           **error,
                                                     int                code,
                                                     const char        *format,
                                                     ...) G_GNUC_PRINTF (3, 4);
const char     *amend_repository_no_space_hint      (void);
const char     *amend_repository_no_permission_hint (void);
gboolean        amend_repository_check_written      (git_repository    *git,
                                                     const git_oid     *id,
                                                     const char        *what,
                                                     GError           **error);
gboolean        amend_repository_check_can_write    (AmendRepository   *self,
                                                     gboolean           allow_detached,
                                                     GError           **error);
gboolean        amend_repository_check_can_write_full (AmendRepository *self,
                                                     gboolean           allow_detached,
                                                     gboolean           allow_pending_merge,
                                                     GError           **error);
char           *amend_repository_pending_merge_dir  (AmendRepository   *self);
git_signature  *amend_repository_make_signature     (AmendRepository   *self,
                                                     const char        *author,
                                                     const char        *fallback,
                                                     GDateTime         *date,
                                                     GError           **error);
gboolean        amend_repository_resolve_commit     (AmendRepository   *self,
                                                     const char        *revision,
                                                     git_commit       **out,
                                                     GError           **error);
gboolean        amend_repository_lookup_branch      (AmendRepository   *self,
                                                     const char        *refname,
                                                     git_commit       **commit,
                                                     GError           **error);
gboolean        amend_repository_commit_update      (AmendRepository   *self,
                                                     const char        *refname,
                                                     git_commit        *parent,
                                                     const git_tree_update *updates,
                                                     gsize              n_updates,
                                                     const git_signature *signature,
                                                     const char        *message,
                                                     git_oid           *out,
                                                     GError           **error);
gboolean        amend_repository_checkout_branch    (AmendRepository   *self,
                                                     const char        *refname,
                                                     GError           **error);
gboolean        amend_repository_journal_checkout   (AmendRepository   *self,
                                                     AmendJournal      *journal,
                                                     const char        *refname,
                                                     const git_oid     *tip,
                                                     GError           **error);
gboolean        amend_repository_sync_paths         (AmendRepository   *self,
                                                     git_tree          *baseline,
                                                     const char * const *paths,
                                                     GError           **error);
GDateTime      *amend_repository_time_to_date       (git_time_t         time,
                                                     int                offset_minutes);

G_END_DECLS
