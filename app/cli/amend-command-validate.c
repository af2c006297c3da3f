/* amend-command-validate.c: amend validate [--schemas DIR] FILE.xml
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli.h"
#include "amend-xml-validate.h"
#include "amend-xml.h"

static char *opt_schemas;

static const GOptionEntry entries[] = {
  { "schemas", 's', 0, G_OPTION_ARG_FILENAME, &opt_schemas,
    N_("The folder with stop-1.3.0/, lvbb-1.3.0/ and akn-3.0/ (default: $AMEND_SCHEMA_DIR)"), N_("DIR") },
  { NULL }
};

static void
print_findings (GPtrArray  *findings,
                const char *path)
{
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = amend_diagnostic_format (g_ptr_array_index (findings, i), path);
      g_printerr ("%s\n", line);
    }
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_validate, entries);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  const char *schemas;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_validate, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_validate, _("give one XML file"));
  schemas = opt_schemas ? opt_schemas : g_getenv ("AMEND_SCHEMA_DIR");
  if (schemas == NULL || schemas[0] == '\0')
    return amend_cli_usage_error (&amend_command_validate,
                                  _("Amend does not ship the XSD schemas: give the folder that holds "
                                    "stop-1.3.0/imop-tekst.xsd, lvbb-1.3.0/lvbb-stop-aanlevering.xsd and "
                                    "akn-3.0/akomantoso30.xsd with --schemas DIR or AMEND_SCHEMA_DIR"));
  if (!g_file_test (schemas, G_FILE_TEST_IS_DIR))
    return amend_cli_usage_error (&amend_command_validate, _("%s is not a folder"), schemas);

  /* The same careful parse as amend import: no DTDs, entities, network. */
  file = g_file_new_for_commandline_arg (argv[1]);
  doc = amend_xml_read_file (file, warnings, &error);
  print_findings (warnings, argv[1]);
  if (doc == NULL)
    {
      amend_cli_error ("%s", error->message);
      return AMEND_EXIT_FAILURE;
    }
  if (!amend_xml_validate (doc, schemas, findings, &error))
    {
      amend_cli_error ("%s: %s", argv[1], error->message);
      return AMEND_EXIT_FAILURE;
    }
  print_findings (findings, argv[1]);
  for (guint i = 0; i < findings->len; i++)
    if (((AmendDiagnostic *) g_ptr_array_index (findings, i))->severity == AMEND_SEVERITY_ERROR)
      return AMEND_EXIT_FINDINGS;
  g_print (_("%s is valid\n"), argv[1]);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_validate = {
  .name = "validate",
  .parameters = "[--schemas DIR] FILE.xml",
  .summary = N_("Check STOP or Akoma Ntoso XML against its schema"),
  .description = N_("Validates FILE.xml against the XSD of its root namespace: stop-1.3.0/imop-tekst.xsd for STOP "
                    "text, lvbb-1.3.0/lvbb-stop-aanlevering.xsd for a delivery to the LVBB (AanleveringBesluit), "
                    "akn-3.0/akomantoso30.xsd for Akoma Ntoso, found in DIR (--schemas) or in "
                    "$AMEND_SCHEMA_DIR. Prints FILE:LINE: error: element NAME: what is wrong, one a line; exit "
                    "status 1 when the file is invalid, 3 when it cannot be read or is refused as unsafe."),
  .run = run,
};
