/* amend-diff-json.h: a diff as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "amend-diff.h"

G_BEGIN_DECLS

JsonNode *amend_diff_to_json_node (AmendDiff *diff);
char     *amend_diff_to_json      (AmendDiff *diff);

G_END_DECLS
