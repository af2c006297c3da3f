/* amend-word-merge.h: the three-way merge of one paragraph, word by word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-node.h"

G_BEGIN_DECLS

/* Interned words of the texts of one merge: a word with emphasis or a
 * link is another word than the same letters without. */
typedef struct _AmendWordTable AmendWordTable;

AmendWordTable *amend_word_table_new              (void);
void            amend_word_table_free             (AmendWordTable  *words);

gboolean        amend_text_equal                  (const AmendNode *a,
                                                   const AmendNode *b);
gboolean        amend_word_merge                  (AmendWordTable  *words,
                                                   const AmendNode *base,
                                                   const AmendNode *ours,
                                                   const AmendNode *theirs,
                                                   AmendNode       *out);
gboolean        amend_word_table_contains_changes (AmendWordTable  *words,
                                                   const AmendNode *base,
                                                   const AmendNode *side,
                                                   const AmendNode *other,
                                                   const AmendNode *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendWordTable, amend_word_table_free)

G_END_DECLS
