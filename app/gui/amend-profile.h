/* amend-profile.h: figures for tests/bench/run-gui.sh, printed with AMEND_PROFILE=1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     amend_profile_start       (void);
gboolean amend_profile_enabled     (void);
void     amend_profile_first_frame (GtkWidget  *window,
                                    const char *what);

G_END_DECLS
