/* amend-diff-json.h: a diff as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"
#include "amend-json-writer.h"

G_BEGIN_DECLS

void  amend_diff_write_json (AmendDiff       *diff,
                            AmendJsonWriter *writer);
char *amend_diff_to_json    (AmendDiff       *diff);

G_END_DECLS
