/* amend-aside-box.h: a widget with another beside it, or under it where there is no room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AMEND_TYPE_ASIDE_BOX (amend_aside_box_get_type ())

G_DECLARE_FINAL_TYPE (AmendAsideBox, amend_aside_box, AMEND, ASIDE_BOX, GtkWidget)

GtkWidget *amend_aside_box_new        (GtkWidget     *main,
                                       GtkWidget     *aside);
gboolean   amend_aside_box_is_beside  (AmendAsideBox *self);

G_END_DECLS
