/* amend-gui-error.h: errors of the core said in the words of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *amend_gui_error_text (const GError *error);

G_END_DECLS
