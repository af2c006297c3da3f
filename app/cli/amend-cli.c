/* amend-cli.c: option parsing, loading and messages shared by the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "amend-cli.h"
#include "amend-file.h"

void
amend_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("amend: %s\n", message);
}

int
amend_cli_usage_error (const AmendCommand *command,
                       const char         *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("amend %s: %s\n", command->name, message);
  g_printerr (_("Usage: amend %s %s (see \xe2\x80\x9c" "amend help %s\xe2\x80\x9d)\n"),
              command->name, command->parameters, command->name);
  return AMEND_EXIT_USAGE;
}

GOptionContext *
amend_cli_option_context (const AmendCommand *command,
                          const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (command->parameters);

  g_option_context_set_summary (context, _(command->summary));
  if (command->description)
    g_option_context_set_description (context, _(command->description));
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

/* Parses options; on a usage error prints it and sets @status to 2. */
gboolean
amend_cli_parse (const AmendCommand *command,
                 GOptionContext     *context,
                 int                *argc,
                 char             ***argv,
                 int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("amend %s", command->name);

  g_set_prgname (prgname);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = amend_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

AmendDocument *
amend_cli_load (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AmendDocument *doc;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      /* Bounded: standard input may be endless. */
      data = amend_read_fd (0, _("standard input"), AMEND_MAX_DOCUMENT_SIZE, &len, &error);
      if (data == NULL)
        {
          amend_cli_error ("%s", error->message);
          return NULL;
        }
      doc = amend_document_new_from_data (data, len, &error);
    }
  else
    {
      file = g_file_new_for_commandline_arg (path);
      doc = amend_document_new_from_file (file, NULL, &error);
    }
  if (doc == NULL)
    amend_cli_error ("%s", error->message);
  return doc;
}

void
amend_cli_print_diagnostics (AmendDocument *doc,
                             const char    *path,
                             gboolean       errors_only)
{
  GPtrArray *diags = amend_document_get_diagnostics (doc);

  for (guint i = 0; i < diags->len; i++)
    {
      const AmendDiagnostic *diag = g_ptr_array_index (diags, i);
      g_autofree char *line = NULL;

      if (errors_only && diag->severity != AMEND_SEVERITY_ERROR)
        continue;
      line = amend_diagnostic_format (diag, path);
      g_printerr ("%s\n", line);
    }
}

