/* amend-draft-store.h: unsaved edits kept on disk until they are saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A draft found for a project, branch and file: the version it was typed
 * on (@commit, "" before the first save), a digest of the text it started
 * from (@base, NULL for drafts of older versions of Amend) and when. */
typedef struct {
  char      *commit;
  char      *base;
  GDateTime *saved;
} AmendDraftInfo;

void amend_draft_info_free (AmendDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendDraftInfo, amend_draft_info_free)

char            *amend_draft_base_digest       (const char      *text);

#define AMEND_TYPE_DRAFT_STORE (amend_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (AmendDraftStore, amend_draft_store, AMEND, DRAFT_STORE, GObject)

AmendDraftStore *amend_draft_store_new         (const char      *dir);
const char      *amend_draft_store_get_dir     (AmendDraftStore *self);
char            *amend_draft_store_key         (const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *commit);
char            *amend_draft_store_path        (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *commit);
GPtrArray       *amend_draft_store_list        (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file);
gboolean         amend_draft_store_save        (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *commit,
                                                const char      *base,
                                                const char      *text,
                                                gsize            len,
                                                GError         **error);
void             amend_draft_store_save_async  (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *commit,
                                                const char      *base,
                                                GBytes          *text,
                                                GCancellable    *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer         user_data);
gboolean         amend_draft_store_save_finish (AmendDraftStore *self,
                                                GAsyncResult    *result,
                                                GError         **error);
char            *amend_draft_store_load        (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *commit,
                                                gsize           *len,
                                                GDateTime      **saved,
                                                GError         **error);
gboolean         amend_draft_store_remove      (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *commit,
                                                GError         **error);

G_END_DECLS
