/* fuzz-merge.c: libFuzzer target: the structural three-way merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three regulations separated by NUL bytes: the base, ours and theirs;
 * what is checked of their merge is in amend-fuzz-merge.c, which the test
 * of the findings (test-merge /merge/fuzz-regress) shares.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "amend-fuzz.h"
#include "amend-fuzz-merge.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* The merge reports a lost change with g_critical and goes on; a
   * fuzzer must stop there. */
  amend_fuzz_abort_on_critical ();
  (void) argc;
  (void) argv;
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *why = NULL;

  if (amend_fuzz_merge_triple ((const char *) data, size, NULL, &why) == AMEND_FUZZ_MERGE_BROKEN)
    {
      fprintf (stderr, "fuzz-merge: %s", why);
      abort ();
    }
  return 0;
}
