/* amend-anchorer.h: finding comments again in a later version of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amend-comment.h"
#include "amend-document.h"
#include "amend-repository.h"

G_BEGIN_DECLS

#define AMEND_TYPE_ANCHORER (amend_anchorer_get_type ())

G_DECLARE_FINAL_TYPE (AmendAnchorer, amend_anchorer, AMEND, ANCHORER, GObject)

AmendAnchorer *amend_anchorer_new          (AmendRepository *repo,
                                            const char      *commit);
void           amend_anchorer_set_document (AmendAnchorer   *self,
                                            const char      *commit,
                                            const char      *source,
                                            AmendDocument   *doc);
void           amend_anchorer_resolve      (AmendAnchorer   *self,
                                            AmendComment    *comment);
gboolean       amend_anchorer_resolve_all  (AmendAnchorer   *self,
                                            GPtrArray       *comments,
                                            GCancellable    *cancellable,
                                            GError         **error);
guint          amend_anchorer_get_n_diffs  (AmendAnchorer   *self);

G_END_DECLS
