/* amend-cli-module.c: loading the commands that work in a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The module is looked for next to the program first (the build tree,
 * where the tests run it), then where it is installed.  It is loaded once,
 * lazily, and never unloaded.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "amend-cli.h"

static char *
module_path (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *here = g_build_filename (dir, "amend-project." G_MODULE_SUFFIX, NULL);

      if (g_file_test (here, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&here);
    }
  return g_build_filename (AMEND_MODULE_DIR, "amend-project." G_MODULE_SUFFIX, NULL);
}

/* The module, or NULL with a message printed. */
const AmendCliModule *
amend_cli_get_module (void)
{
  static const AmendCliModule *module;
  static gboolean tried;
  g_autofree char *path = NULL;
  GModule *handle;
  gpointer symbol = NULL;

  if (tried)
    return module;
  tried = TRUE;
  path = module_path ();
  handle = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (handle == NULL || !g_module_symbol (handle, AMEND_CLI_MODULE_SYMBOL, &symbol) || symbol == NULL)
    {
      const char *why = g_module_error ();

      amend_cli_error (_("the commands that work in a project are missing (%s); install Amend again"),
                       why ? why : path);
      return NULL;
    }
  g_module_make_resident (handle);
  module = symbol;
  return module;
}

/* The command @name of the module, or NULL (no message) when the module
 * has none of that name or could not be loaded. */
const AmendCommand *
amend_cli_find_module_command (const char *name)
{
  const AmendCliModule *module = amend_cli_get_module ();

  for (guint i = 0; module && module->commands[i]; i++)
    if (g_strcmp0 (module->commands[i]->name, name) == 0)
      return module->commands[i];
  return NULL;
}
