/* amend-start-page.h: what the window shows before a project is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AMEND_TYPE_START_PAGE (amend_start_page_get_type ())

G_DECLARE_FINAL_TYPE (AmendStartPage, amend_start_page, AMEND, START_PAGE, GtkWidget)

void amend_start_page_set_recent (AmendStartPage     *self,
                                  const char * const *paths);

G_END_DECLS
