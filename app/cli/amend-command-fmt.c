/* amend-command-fmt.c: amend fmt [--check] FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli.h"

static gboolean opt_check;

static const GOptionEntry entries[] = {
  { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check, N_("Only report the files that are not in canonical form"), NULL },
  { NULL }
};

/* Returns 0 when the file is (now) canonical, 1 when --check found it not,
 * 3 when it could not be read or written. */
static int
format_one (const char *path,
            gboolean    last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *old = NULL;
  g_autofree char *canonical = NULL;
  gsize old_len = 0;

  /* Bounded: a file over 64 MB is refused before it is read. */
  if ((old = amend_cli_read_file (path, &old_len, &error)) == NULL)
    {
      amend_cli_error ("%s", error->message);
      return AMEND_EXIT_FAILURE;
    }
  /* The text is kept to be compared byte for byte with the canonical one:
   * one more copy of the file (memory stays under ten times the file), where
   * a checksum of both took more than half of the command's instructions. */
  /* The Markdown has no eIds: the model is read without them. */
  doc = amend_document_new_for_markdown (old, old_len, &error);
  if (doc == NULL)
    {
      amend_cli_error ("%s: %s", path, error->message);
      return AMEND_EXIT_FAILURE;
    }
  /* Writing a file whose bytes had to be replaced would lose them. */
  if (amend_document_has_errors (doc))
    {
      amend_cli_print_diagnostics (doc, path, TRUE);
      amend_cli_error (_("%s was not formatted: correct the errors above first"), path);
      return AMEND_EXIT_FAILURE;
    }

  canonical = amend_document_to_markdown (doc);
  /* The last file's model goes with the process (amend_cli_keep_until_exit()). */
  if (last)
    amend_cli_keep_until_exit (g_object_ref (doc));
  if (strlen (canonical) == old_len && memcmp (canonical, old, old_len) == 0)
    return AMEND_EXIT_OK;

  if (opt_check)
    {
      g_print (_("%s is not in canonical form\n"), path);
      return AMEND_EXIT_FINDINGS;
    }

  amend_cli_print_diagnostics (doc, path, FALSE);
  if (!amend_cli_write_file (path, canonical, strlen (canonical), &error))
    {
      amend_cli_error (_("%s was not changed: %s"), path, error->message);
      return AMEND_EXIT_FAILURE;
    }
  g_print (_("formatted %s\n"), path);
  return AMEND_EXIT_OK;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_fmt, entries);
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_fmt, context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return amend_cli_usage_error (&amend_command_fmt, _("give one or more regulation files"));

  for (int i = 1; i < argc; i++)
    {
      /* Not MAX (status, f ()): the macro would run the command twice. */
      int one = format_one (argv[i], i == argc - 1);
      status = MAX (status, one);
    }
  return status;
}

const AmendCommand amend_command_fmt = {
  .name = "fmt",
  .parameters = "[--check] FILE\xe2\x80\xa6",
  .summary = N_("Rewrite regulations in canonical Markdown"),
  .description = N_("Rewrites each FILE in the canonical form, atomically: a new file is written next to it and "
                    "renamed over it, so the file is never half written. A file with errors (bytes that are not "
                    "UTF-8, an unclosed front matter) is left as it is. With --check nothing is written; the "
                    "exit status is 1 when a file would change."),
  .run = run,
};
