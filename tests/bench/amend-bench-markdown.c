/* amend-bench-markdown.c: how long reading and writing a regulation takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: amend-bench-markdown FILE [ITERATIONS]
 *
 * Reads FILE into memory once, then ITERATIONS times parses it into the
 * model and writes the canonical Markdown, which is what opening and saving
 * a regulation in Amend costs.  The disk is read only once so that the
 * figures do not depend on the page cache.  Peak memory is measured from
 * outside (/usr/bin/time), see run-markdown.sh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-document.h"

#define DEFAULT_ITERATIONS 10

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree double *times = NULL;
  gsize len = 0;
  guint64 iterations = DEFAULT_ITERATIONS;
  guint n_articles = 0;
  gsize out_len = 0;
  double median;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: amend-bench-markdown FILE [ITERATIONS]\n");
      return 2;
    }
  if (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 100000, &iterations, &error))
    {
      g_printerr ("amend-bench-markdown: %s\n", error->message);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    {
      g_printerr ("amend-bench-markdown: %s\n", error->message);
      return 1;
    }

  times = g_new (double, iterations);
  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(AmendDocument) doc = NULL;
      g_autofree char *markdown = NULL;
      gint64 start = g_get_monotonic_time ();

      doc = amend_document_new_from_data (data, len, &error);
      if (doc == NULL)
        {
          g_printerr ("amend-bench-markdown: %s: %s\n", argv[1], error->message);
          return 1;
        }
      markdown = amend_document_to_markdown (doc);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* Freeing the document (at the end of this block) is not timed. */

      /* Outside the timed part: counting is not what is measured, but it
       * keeps the result of the write alive so nothing can be skipped. */
      if (i == 0)
        {
          g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);

          n_articles = articles->len;
          out_len = strlen (markdown);
        }
    }

  if (out_len == 0 && len > 0)
    {
      g_printerr ("amend-bench-markdown: %s: the writer wrote nothing\n", argv[1]);
      return 1;
    }

  qsort (times, iterations, sizeof times[0], compare_doubles);
  median = iterations % 2 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
  /* printf, not g_print: the file name is printed as its bytes, not
   * converted to the locale's charset; without setlocale () the decimal
   * point stays the "." that run-markdown.sh parses. */
  printf ("amend read+write %s: %" G_GSIZE_FORMAT " bytes, %u articles, best %.2f ms, median %.2f ms\n",
          argv[1], len, n_articles, times[0], median);
  return 0;
}
