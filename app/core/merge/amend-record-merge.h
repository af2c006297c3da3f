/* amend-record-merge.h: the records of amendments merged key by key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-merge.h"

G_BEGIN_DECLS

char *amend_record_merge (const char  *base,
                          const char  *ours,
                          const char  *theirs,
                          GHashTable  *choices,
                          GPtrArray   *conflicts,
                          GError     **error);

G_END_DECLS
