/* amend-fuzz.c: what the libFuzzer targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-fuzz.h"

/* Says in @out on which line two texts first differ, with that line of
 * each, so that a report says what went wrong without rerunning the input. */
void
amend_fuzz_describe_difference (GString    *out,
                                const char *what,
                                const char *first,
                                const char *second)
{
  gsize i = 0, line_start = 0;
  guint line = 1;

  while (first[i] != '\0' && first[i] == second[i])
    {
      if (first[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
      i++;
    }
  g_string_append_printf (out, "%s; first difference on line %u\n", what, line);
  g_string_append_printf (out, "expected: %.*s\n", (int) strcspn (first + line_start, "\n"), first + line_start);
  g_string_append_printf (out, "got:      %.*s\n", (int) strcspn (second + line_start, "\n"), second + line_start);
}

void
amend_fuzz_report_difference (const char *what,
                              const char *first,
                              const char *second)
{
  g_autoptr(GString) out = g_string_new (NULL);

  amend_fuzz_describe_difference (out, what, first, second);
  fputs (out->str, stderr);
}

static GLogWriterOutput
abort_on_critical (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput out = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    abort ();
  return out;
}

/* A critical is a finding.  GLib's own fatal criticals stop with a
 * breakpoint (SIGTRAP), which libFuzzer does not catch: the input would be
 * lost; abort() it catches and keeps. */
void
amend_fuzz_abort_on_critical (void)
{
  g_log_set_writer_func (abort_on_critical, NULL, NULL);
}
