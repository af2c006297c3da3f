/* amend-check.h: structural findings about a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

GPtrArray *amend_document_check (AmendDocument *doc);

G_END_DECLS
