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
module_path (const char *name)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *file = g_strdup_printf ("amend-%s." G_MODULE_SUFFIX, name);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *here = g_build_filename (dir, file, NULL);

      if (g_file_test (here, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&here);
    }
  return g_build_filename (AMEND_MODULE_DIR, file, NULL);
}

/* The module amend-@name ("project" or "xml"), or NULL with a message
 * printed. */
const AmendCliModule *
amend_cli_get_module (const char *name)
{
  static GHashTable *loaded;
  g_autofree char *path = NULL;
  GModule *handle;
  gpointer symbol = NULL;

  if (loaded == NULL)
    loaded = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_hash_table_contains (loaded, name))
    return g_hash_table_lookup (loaded, name);
  path = module_path (name);
  handle = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (handle == NULL || !g_module_symbol (handle, AMEND_CLI_MODULE_SYMBOL, &symbol) || symbol == NULL)
    {
      const char *why = g_module_error ();

      amend_cli_error (_("the commands that work in a project are missing (%s); install Amend again"),
                       why ? why : path);
      g_hash_table_insert (loaded, (gpointer) name, NULL);
      return NULL;
    }
  g_module_make_resident (handle);
  g_hash_table_insert (loaded, (gpointer) name, symbol);
  return symbol;
}

/* The command @name of module amend-@module, or NULL (no message) when the
 * module has none of that name or could not be loaded. */
const AmendCommand *
amend_cli_find_module_command (const char *module_name,
                               const char *name)
{
  const AmendCliModule *module = amend_cli_get_module (module_name);

  for (guint i = 0; module && module->commands[i]; i++)
    if (g_strcmp0 (module->commands[i]->name, name) == 0)
      return module->commands[i];
  return NULL;
}
