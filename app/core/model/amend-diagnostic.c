/* amend-diagnostic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amend-diagnostic.h"

G_DEFINE_BOXED_TYPE (AmendDiagnostic, amend_diagnostic,
                     amend_diagnostic_copy, amend_diagnostic_free)

AmendDiagnostic *
amend_diagnostic_new (AmendSeverity  severity,
                      guint          line,
                      const char    *eid,
                      const char    *message)
{
  AmendDiagnostic *diag = g_new0 (AmendDiagnostic, 1);

  diag->severity = severity;
  diag->line = line;
  diag->eid = g_strdup (eid);
  diag->message = g_strdup (message);
  return diag;
}

AmendDiagnostic *
amend_diagnostic_copy (const AmendDiagnostic *diag)
{
  return amend_diagnostic_new (diag->severity, diag->line, diag->eid, diag->message);
}

void
amend_diagnostic_free (AmendDiagnostic *diag)
{
  if (diag == NULL)
    return;
  g_free (diag->eid);
  g_free (diag->message);
  g_free (diag);
}

/* Not translated: the form "FILE:LINE: error: message" is read by editors
 * and scripts, as the compilers' is. */
const char *
amend_severity_to_string (AmendSeverity severity)
{
  return severity == AMEND_SEVERITY_ERROR ? "error" : "warning";
}

char *
amend_diagnostic_format (const AmendDiagnostic *diag,
                         const char            *filename)
{
  if (diag->line > 0)
    return g_strdup_printf ("%s:%u: %s: %s", filename, diag->line,
                            amend_severity_to_string (diag->severity), diag->message);
  return g_strdup_printf ("%s: %s: %s", filename,
                          amend_severity_to_string (diag->severity), diag->message);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const AmendDiagnostic *da = *(const AmendDiagnostic * const *) a;
  const AmendDiagnostic *db = *(const AmendDiagnostic * const *) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  return 0;
}

void
amend_diagnostics_sort (GPtrArray *diagnostics)
{
  /* g_ptr_array_sort is a stable merge sort: findings on one line keep their order. */
  g_ptr_array_sort (diagnostics, compare_diagnostics);
}
