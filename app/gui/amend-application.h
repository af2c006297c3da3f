/* amend-application.h: the application: command line, app actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_APPLICATION (amend_application_get_type ())

G_DECLARE_FINAL_TYPE (AmendApplication, amend_application, AMEND, APPLICATION, AdwApplication)

AmendApplication *amend_application_new (void);
void              amend_gui_init_resources (void);

G_END_DECLS
