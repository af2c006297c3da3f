/* fuzz-diff.c: libFuzzer target: the legal diff of two versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is two regulations separated by the first NUL byte (a NUL is
 * never part of a regulation the reader accepts).  Both are read, the
 * legal diff is made and written in every format Amend writes it in (the
 * renvooi for the terminal with and without colour, HTML, JSON, the
 * instructions, and the STOP and Akoma Ntoso change exports), and the
 * change list applied to the old version must give the new version byte
 * for byte: the diff must describe every change, and nothing else.
 * The diff that reads only the articles that differ
 * (amend_diff_new_for_texts(), what amend diff uses) must give the full
 * diff's JSON, instructions and renvooi byte for byte.
 *
 * Inputs the reader reports errors on are left out, as amend diff reports
 * them rather than comparing them.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-akn-export.h"
#include "amend-diff-json.h"
#include "amend-diff.h"
#include "amend-fuzz.h"
#include "amend-instructions.h"
#include "amend-renvooi.h"
#include "amend-stop-export.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Every format, for what the sanitizers see; the result is only checked
 * for being there. */
static void
write_every_format (AmendDiff *diff)
{
  g_autofree char *term = amend_renvooi_to_terminal (diff, FALSE);
  g_autofree char *color = amend_renvooi_to_terminal (diff, TRUE);
  g_autofree char *html = amend_renvooi_to_html (diff, "fuzz");
  g_autofree char *json = amend_diff_to_json (diff);
  g_autofree char *instructions = amend_diff_to_instructions (diff);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GBytes) stop = amend_stop_export_change (diff, warnings, NULL);
  g_autoptr(GBytes) akn = amend_akn_export_amendment (diff, warnings, NULL);

  if (term == NULL || color == NULL || html == NULL || json == NULL || instructions == NULL)
    abort ();
  /* The change exports may refuse (no work identifier in the front
   * matter): what counts is that they do not crash. */
  (void) stop;
  (void) akn;
}

/* The diff that leaves unchanged articles unread says what the full one
 * says, in every format that prints the trees. */
static void
check_fast_diff (AmendDiff  *full,
                 const char *a,
                 gsize       a_len,
                 const char *b,
                 gsize       b_len)
{
  g_autoptr(AmendDiff) fast = amend_diff_new_for_texts (a, a_len, b, b_len, NULL);
  char *(*renders[]) (AmendDiff *) = { amend_diff_to_json, amend_diff_to_instructions };

  if (fast == NULL)
    abort ();
  for (guint i = 0; i < G_N_ELEMENTS (renders); i++)
    {
      g_autofree char *want = renders[i] (full);
      g_autofree char *got = renders[i] (fast);

      if (strcmp (want, got) != 0)
        {
          amend_fuzz_report_difference ("fuzz-diff: the diff that reads only what differs is not the full one",
                                        want, got);
          abort ();
        }
    }
  {
    g_autofree char *want = amend_renvooi_to_html (full, "fuzz");
    g_autofree char *got = amend_renvooi_to_html (fast, "fuzz");
    g_autofree char *want_term = amend_renvooi_to_terminal (full, TRUE);
    g_autofree char *got_term = amend_renvooi_to_terminal (fast, TRUE);

    if (strcmp (want, got) != 0 || strcmp (want_term, got_term) != 0)
      {
        amend_fuzz_report_difference ("fuzz-diff: the renvooi of the diff that reads only what differs is not the full one's",
                                      strcmp (want, got) != 0 ? want : want_term,
                                      strcmp (want, got) != 0 ? got : got_term);
        abort ();
      }
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  g_autoptr(AmendDocument) a = NULL;
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  g_autoptr(AmendDocument) applied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  if (nul == NULL)
    return 0;
  a = amend_document_new_from_data ((const char *) data, nul - data, NULL);
  b = amend_document_new_from_data ((const char *) nul + 1, size - (nul + 1 - data), NULL);
  if (a == NULL || b == NULL || amend_document_has_errors (a) || amend_document_has_errors (b))
    return 0;

  diff = amend_diff_new (a, b);
  write_every_format (diff);
  check_fast_diff (diff, (const char *) data, nul - data, (const char *) nul + 1, size - (nul + 1 - data));

  applied = amend_diff_apply (diff, a, &error);
  if (applied == NULL)
    {
      fprintf (stderr, "fuzz-diff: the change list does not apply to the old version: %s\n", error->message);
      abort ();
    }
  want = amend_document_to_markdown (b);
  got = amend_document_to_markdown (applied);
  if (strcmp (want, got) != 0)
    {
      amend_fuzz_report_difference ("fuzz-diff: applying the change list does not give the new version",
                                    want, got);
      abort ();
    }
  return 0;
}
