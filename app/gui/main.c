/* main.c: amend-gui, the GNOME application of Amend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "amend-application.h"
#include "amend-profile.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AmendApplication) app = NULL;
  const char *localedir = g_getenv ("AMEND_LOCALEDIR");

  amend_profile_start ();
  /* The interface follows the desktop language (LANGUAGE, LC_MESSAGES). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = amend_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
