/* amend-command-check.c: amend check FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-check.h"
#include "amend-cli.h"
#include "amend-xml-meta.h"

static gboolean
readable_nothing (AmendDocument *doc)
{
  return amend_document_has_errors (doc) && amend_node_n_children (amend_document_get_root (doc)) == 0 &&
         amend_document_get_meta (doc, "title") == NULL;
}

static int
check_one (const char *path,
           gboolean    last)
{
  g_autoptr(AmendDocument) doc = amend_cli_load (path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) export_needs = NULL;
  gboolean error = FALSE;

  if (doc == NULL)
    return AMEND_EXIT_FAILURE;

  /* What the reader found, what the checks found and what an export
   * would refuse for, in line order (the last of the whole file, first). */
  findings = amend_document_check (doc);
  /* A file that holds nothing readable (XML, bytes that are not text) is
   * not asked for the front matter an export needs as well. */
  export_needs = readable_nothing (doc) ? g_ptr_array_new () : amend_xml_meta_check (doc);
  all = g_ptr_array_new ();
  g_ptr_array_extend (all, amend_document_get_diagnostics (doc), NULL, NULL);
  g_ptr_array_extend (all, findings, NULL, NULL);
  g_ptr_array_extend (all, export_needs, NULL, NULL);
  amend_diagnostics_sort (all);

  for (guint i = 0; i < all->len; i++)
    {
      const AmendDiagnostic *diag = g_ptr_array_index (all, i);
      g_autofree char *line = amend_diagnostic_format (diag, path);

      g_print ("%s\n", line);
      error |= diag->severity == AMEND_SEVERITY_ERROR;
    }
  /* The last file's model goes with the process (amend_cli_keep_until_exit()). */
  if (last)
    amend_cli_keep_until_exit (g_steal_pointer (&doc));
  return error ? AMEND_EXIT_FINDINGS : AMEND_EXIT_OK;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_check, NULL);
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_check, context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return amend_cli_usage_error (&amend_command_check, _("give one or more regulation files"));

  for (int i = 1; i < argc; i++)
    {
      /* Not MAX (status, f ()): the macro would run the command twice. */
      int one = check_one (argv[i], i == argc - 1);
      status = MAX (status, one);
    }
  return status;
}

const AmendCommand amend_command_check = {
  .name = "check",
  .parameters = "FILE\xe2\x80\xa6",
  .summary = N_("Report structural problems in a regulation"),
  .description = N_("Prints one line per finding, as FILE:LINE: error|warning: message: numbers used twice, "
                    "gaps and disorder in a numbering, references such as \xe2\x80\x9c" "artikel 3, tweede lid\xe2\x80\x9d "
                    "to something that does not exist, empty articles, and what could not be read; as warnings, "
                    "each front matter key the XML export needs and lacks (title, authority, work, date), with "
                    "the line to add. The exit status is 1 when there is an error."),
  .run = run,
};
