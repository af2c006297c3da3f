/* fuzz-markdown.c: libFuzzer target: the canonical writer is idempotent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the input, writes it as canonical Markdown, parses that and
 * writes again: the two writes must be the same bytes, or "amend fmt"
 * would change a file it has just formatted.  Besides that, the sanitizers
 * catch what the reader and writer do wrong on hostile input.
 *
 * Inputs the reader reports errors on (bytes that are not UTF-8, NULs, an
 * unclosed front matter) are left out: amend fmt does not write those.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-document.h"
#include "amend-fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendDocument) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  doc = amend_document_new_from_data ((const char *) data, size, NULL);
  /* NULL only for inputs over 64 MiB, which libFuzzer does not make. */
  if (doc == NULL || amend_document_has_errors (doc))
    return 0;

  first = amend_document_to_markdown (doc);
  again = amend_document_new_from_data (first, strlen (first), NULL);
  if (again == NULL)
    abort ();
  second = amend_document_to_markdown (again);

  if (strcmp (first, second) != 0)
    {
      amend_fuzz_report_difference ("fuzz-markdown: the canonical form is not stable", first, second);
      abort ();
    }
  return 0;
}
