/* fuzz-xml-import.c: libFuzzer target: XML import writes canonical Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as amend import reads a file (CVDR, STOP or Akoma
 * Ntoso, through the one hostile-XML parse of amend-xml.c).  When it is
 * imported, the Markdown written must be canonical: read again it has no
 * errors and writes the same bytes, so `amend fmt --check` passes on what
 * `amend import` wrote.  The sanitizers watch libxml2's tree being walked.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-diagnostic.h"
#include "amend-fuzz.h"
#include "amend-xml-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendDocument) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  doc = amend_xml_import ((const char *) data, size, "fuzz.xml", warnings, NULL);
  if (doc == NULL)
    return 0;

  first = amend_document_to_markdown (doc);
  again = amend_document_new_from_data (first, strlen (first), NULL);
  if (again == NULL)
    abort ();
  if (amend_document_has_errors (again))
    {
      GPtrArray *diagnostics = amend_document_get_diagnostics (again);

      for (guint i = 0; i < diagnostics->len; i++)
        {
          const AmendDiagnostic *d = g_ptr_array_index (diagnostics, i);
          if (d->severity == AMEND_SEVERITY_ERROR)
            fprintf (stderr, "fuzz-xml-import: the Markdown written has an error on line %u: %s\n",
                     d->line, d->message);
        }
      abort ();
    }
  second = amend_document_to_markdown (again);
  if (strcmp (first, second) != 0)
    {
      amend_fuzz_report_difference ("fuzz-xml-import: the Markdown written is not canonical", first, second);
      abort ();
    }
  return 0;
}
