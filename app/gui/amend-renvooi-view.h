/* amend-renvooi-view.h: a renvooi as the council reads it, in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amend-renvooi.h"

G_BEGIN_DECLS

#define AMEND_TYPE_RENVOOI_VIEW (amend_renvooi_view_get_type ())

G_DECLARE_FINAL_TYPE (AmendRenvooiView, amend_renvooi_view, AMEND, RENVOOI_VIEW, GtkWidget)

GtkWidget *amend_renvooi_view_new          (void);
void       amend_renvooi_view_set_blocks   (AmendRenvooiView *self,
                                            GPtrArray        *blocks);
void       amend_renvooi_view_set_message  (AmendRenvooiView *self,
                                            const char       *message);
char      *amend_renvooi_view_dup_marked   (AmendRenvooiView *self);
char      *amend_renvooi_view_dup_text     (AmendRenvooiView *self);
GPtrArray *amend_renvooi_view_get_labels   (AmendRenvooiView *self);
void       amend_renvooi_view_set_side_by_side (AmendRenvooiView *self,
                                                gboolean          side_by_side);
void       amend_renvooi_view_set_compact  (AmendRenvooiView *self,
                                            gboolean          compact);

G_END_DECLS
