/* amend-utf8.h: checking that a text is UTF-8, eight ASCII bytes a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean amend_utf8_validate (const char  *data,
                              gsize        len,
                              const char **end);

G_END_DECLS
