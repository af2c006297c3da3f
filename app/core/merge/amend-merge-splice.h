/* amend-merge-splice.h: a merge of changes to different parts, without the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

char *_amend_merge_splice (const char     *base,
                           gsize           base_len,
                           const char     *ours,
                           gsize           ours_len,
                           const char     *theirs,
                           gsize           theirs_len,
                           gboolean        sides_canonical,
                           AmendDocument **doc);

G_END_DECLS
