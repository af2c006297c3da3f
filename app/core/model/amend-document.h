/* amend-document.h: a regulation: its front matter, its tree and its findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amend-diagnostic.h"
#include "amend-node.h"

G_BEGIN_DECLS

#define AMEND_ERROR (amend_error_quark ())

typedef enum {
  AMEND_ERROR_TOO_LARGE,
  AMEND_ERROR_INVALID,
  AMEND_ERROR_NOT_FOUND,
  AMEND_ERROR_FAILED,
} AmendError;

GQuark amend_error_quark (void);

/* The largest regulation Amend reads; the Awb, the longest Dutch act, is
 * 0.4 MB, so this only stops files that are not regulations at all. */
#define AMEND_MAX_DOCUMENT_SIZE (64 * 1024 * 1024)

#define AMEND_TYPE_DOCUMENT (amend_document_get_type ())

G_DECLARE_FINAL_TYPE (AmendDocument, amend_document, AMEND, DOCUMENT, GObject)

AmendDocument *amend_document_new              (void);
AmendDocument *amend_document_new_from_data    (const char    *data,
                                                gsize          len,
                                                GError       **error);
AmendDocument *amend_document_new_take_data    (char          *data,
                                                gsize          len,
                                                GError       **error);
AmendDocument *amend_document_new_for_markdown (const char    *data,
                                                gsize          len,
                                                GError       **error);
AmendDocument *amend_document_new_from_file    (GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
AmendNode     *amend_document_get_root         (AmendDocument *self);
GPtrArray     *amend_document_get_diagnostics  (AmendDocument *self);
void           amend_document_add_diagnostic   (AmendDocument *self,
                                                AmendSeverity  severity,
                                                guint          line,
                                                const char    *eid,
                                                const char    *format,
                                                ...) G_GNUC_PRINTF (5, 6);
gboolean       amend_document_has_errors       (AmendDocument *self);
const char    *amend_document_get_meta         (AmendDocument *self,
                                                const char    *key);
void           amend_document_set_meta         (AmendDocument *self,
                                                const char    *key,
                                                const char    *value);
GStrv          amend_document_dup_meta_keys    (AmendDocument *self);
guint          amend_document_get_line_count   (AmendDocument *self);
void           amend_document_assign_eids      (AmendDocument *self);
AmendNode     *amend_document_find_eid         (AmendDocument *self,
                                                const char    *eid);
void           amend_document_drop_eids        (AmendDocument *self);
GPtrArray     *amend_document_get_articles     (AmendDocument *self);
char          *amend_document_to_markdown      (AmendDocument *self);
gboolean       amend_document_save             (AmendDocument *self,
                                                GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);

/* Front matter entries in the order written; raw lines (comments,
 * continuation lines of YAML values) have key NULL. */
typedef struct {
  char *key;
  char *value;
} AmendMetaEntry;

GArray        *amend_document_get_meta_entries (AmendDocument *self);

G_END_DECLS
