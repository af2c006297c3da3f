/* amend-preferences-window.h: author and autosave, in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMEND_TYPE_PREFERENCES_WINDOW (amend_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AmendPreferencesWindow, amend_preferences_window, AMEND, PREFERENCES_WINDOW, AdwPreferencesWindow)

AmendPreferencesWindow *amend_preferences_window_new (GtkWindow  *parent,
                                                      GSettings  *settings,
                                                      const char *drafts_dir);

G_END_DECLS
