/* amend-draft-store.h: unsaved edits kept on disk until they are saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AMEND_TYPE_DRAFT_STORE (amend_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (AmendDraftStore, amend_draft_store, AMEND, DRAFT_STORE, GObject)

AmendDraftStore *amend_draft_store_new         (const char      *dir);
const char      *amend_draft_store_get_dir     (AmendDraftStore *self);
char            *amend_draft_store_key         (const char      *project,
                                                const char      *branch,
                                                const char      *file);
char            *amend_draft_store_path        (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file);
gboolean         amend_draft_store_save        (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                const char      *text,
                                                gsize            len,
                                                GError         **error);
void             amend_draft_store_save_async  (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
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
                                                gsize           *len,
                                                GDateTime      **saved,
                                                GError         **error);
gboolean         amend_draft_store_remove      (AmendDraftStore *self,
                                                const char      *project,
                                                const char      *branch,
                                                const char      *file,
                                                GError         **error);

G_END_DECLS
