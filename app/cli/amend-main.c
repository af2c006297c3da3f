/* amend-main.c: the amend program: dispatch, help and version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "amend-cli.h"

static const AmendCommand *commands[] = {
  &amend_command_outline,
  &amend_command_check,
  &amend_command_fmt,
  &amend_command_init,
  &amend_command_save,
  &amend_command_log,
  &amend_command_show,
  &amend_command_status,
  &amend_command_propose,
  &amend_command_list,
  &amend_command_switch,
  &amend_command_submit,
  &amend_command_withdraw,
  &amend_command_vote,
  &amend_command_adopt,
  &amend_command_reject,
  &amend_command_conflicts,
  &amend_command_resolve,
  &amend_command_update,
  &amend_command_collisions,
  &amend_command_order,
  &amend_command_paper,
  &amend_command_comment,
  &amend_command_diff,
  &amend_command_export,
  &amend_command_import,
  &amend_command_validate,
  &amend_command_package,
  &amend_command_clone,
  &amend_command_pull,
  &amend_command_push,
  &amend_command_remote,
};

static const AmendCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i]->name, name) == 0)
      return commands[i];
  return NULL;
}

static void
print_main_help (void)
{
  g_print (_("Usage: amend COMMAND [OPTION\xe2\x80\xa6] [ARGUMENT\xe2\x80\xa6]\n"));
  g_print ("\n");
  g_print (_("Amend: write local regulations together, as Markdown in git.\n"));
  g_print ("\n");
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i]->name, _(commands[i]->summary));
  g_print ("  %-10s %s\n", "help", _("Show the help of a command"));
  g_print ("\n");
  g_print (_("Options:\n"));
  g_print ("  -h, --help     %s\n", _("Show this help"));
  g_print ("  --version      %s\n", _("Show the version"));
  g_print ("\n");
  g_print (_("Exit status: 0 success, 1 findings (check, fmt --check) or a stop at conflicts (adopt, vote, update), 2 usage error, 3 a file could not be read or written (or a remote reached), 4 refused (unsaved changes, a lock, an unfinished merge, a status that cannot change so, a package or push the project does not take), 130 stopped with Ctrl+C.\n"));
  g_print (_("Run \xe2\x80\x9c" "amend help COMMAND\xe2\x80\x9d for the options of a command.\n"));
}

static int
print_command_help (const AmendCommand *command)
{
  char *argv[] = { (char *) command->name, (char *) "--help", NULL };

  /* GOption prints the help (and its options) itself and exits 0. */
  return command->run (2, argv);
}

int
main (int    argc,
      char **argv)
{
  const AmendCommand *command;

  /* The command works on local files only; GIO's gvfs module would try to
   * reach a session bus that scripts and CI do not have. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("AMEND_LOCALEDIR") ? g_getenv ("AMEND_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      g_printerr (_("amend: no command given\n"));
      g_printerr (_("Run \xe2\x80\x9c" "amend --help\xe2\x80\x9d to see the commands.\n"));
      return AMEND_EXIT_USAGE;
    }

  /* "amend -C DIR COMMAND ...", as with git: the option goes to the command. */
  if (argc >= 4 && (strcmp (argv[1], "-C") == 0 || strcmp (argv[1], "--repo") == 0))
    {
      char *option = argv[1];
      char *dir = argv[2];

      memmove (argv + 1, argv + 3, sizeof (char *) * (argc - 3));
      argv[argc - 2] = option;
      argv[argc - 1] = dir;
      /* The command parses its options anywhere among its arguments. */
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_main_help ();
      return AMEND_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("amend %s\n", PACKAGE_VERSION);
      return AMEND_EXIT_OK;
    }
  if (strcmp (argv[1], "help") == 0)
    {
      if (argc < 3)
        {
          print_main_help ();
          return AMEND_EXIT_OK;
        }
      command = find_command (argv[2]);
      if (command == NULL)
        {
          g_printerr (_("amend: there is no command \xe2\x80\x9c%s\xe2\x80\x9d; run \xe2\x80\x9c" "amend --help\xe2\x80\x9d to see the commands\n"), argv[2]);
          return AMEND_EXIT_USAGE;
        }
      return print_command_help (command);
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("amend: there is no command \xe2\x80\x9c%s\xe2\x80\x9d; run \xe2\x80\x9c" "amend --help\xe2\x80\x9d to see the commands\n"), argv[1]);
      return AMEND_EXIT_USAGE;
    }
  return command->run (argc - 1, argv + 1);
}
