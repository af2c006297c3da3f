/* amend-command-import.c: amend import [-o OUT.md] FILE.xml
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "amend-cli.h"
#include "amend-xml-import.h"

static char *opt_output;

static const GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the Markdown to OUT.md instead of standard output"),
    N_("OUT.md") },
  { NULL }
};

/* -o naming the XML file itself would put the Markdown over the official
 * text it came from. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_import, entries);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *markdown = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_import, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_import, _("give one XML file (CVDR, STOP or Akoma Ntoso)"));

  if (opt_output && same_file (opt_output, argv[1]))
    return amend_cli_usage_error (&amend_command_import,
                                  _("-o names %s itself, which the Markdown would overwrite; give another file, "
                                    "like a name ending in .md"), argv[1]);
  file = g_file_new_for_commandline_arg (argv[1]);
  doc = amend_xml_import_file (file, warnings, &error);
  /* What could not be carried over is reported even when the import fails. */
  amend_diagnostics_sort (warnings);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = amend_diagnostic_format (g_ptr_array_index (warnings, i), argv[1]);
      g_printerr ("%s\n", line);
    }
  if (doc == NULL)
    {
      amend_cli_error ("%s", error->message);
      return AMEND_EXIT_FAILURE;
    }

  markdown = amend_document_to_markdown (doc);
  if (opt_output)
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (opt_output);

      /* Atomic, as amend fmt: never half a regulation on disk. */
      if (!amend_document_save (doc, out, NULL, &error))
        {
          amend_cli_error (_("%s was not written: %s"), opt_output, error->message);
          return AMEND_EXIT_FAILURE;
        }
      return AMEND_EXIT_OK;
    }
  if (fputs (markdown, stdout) < 0 || fflush (stdout) != 0)
    {
      amend_cli_error (_("cannot write to standard output"));
      return AMEND_EXIT_FAILURE;
    }
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_import = {
  .name = "import",
  .parameters = "[-o OUT.md] FILE.xml",
  .summary = N_("Read a regulation from CVDR, STOP or Akoma Ntoso XML"),
  .description = N_("Reads FILE.xml, a regulation as CVDR publishes it, as STOP (RegelingCompact, alone or in a "
                    "BesluitCompact or AanleveringBesluit) or as an Akoma Ntoso act, and writes it as canonical "
                    "Markdown with its metadata in the front matter, to OUT.md (atomically) or to standard "
                    "output. What Markdown cannot hold (tables, images, references, unknown elements) is reported "
                    "as FILE:LINE: warning, with the line in the XML; its text is kept. A document with a DTD, "
                    "entities or more than 256 levels, or over 64 MB, is refused."),
  .run = run,
};
