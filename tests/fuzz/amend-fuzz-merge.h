/* amend-fuzz-merge.h: what fuzz-merge checks of one merge, shared with the
 * test that replays its findings (tests/fuzz/merge-regress/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  AMEND_FUZZ_MERGE_SKIPPED,  /* not three regulations that read without errors */
  AMEND_FUZZ_MERGE_HELD,     /* merged, and every promise held */
  AMEND_FUZZ_MERGE_BROKEN,   /* a promise broken: *why says which */
} AmendFuzzMergeOutcome;

AmendFuzzMergeOutcome amend_fuzz_merge_triple (const char *data,
                                               gsize       size,
                                               guint      *n_conflicts,
                                               char      **why);

G_END_DECLS
