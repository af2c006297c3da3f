/* amend-instructions.h: the amendment instructions (wijzigingsopdrachten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* One lettered instruction and what it is about. */
typedef struct {
  char            *letter;    /* "A", "B", ... "AA" */
  const AmendNode *old_node;  /* the article or division in the old version, NULL when inserted */
  const AmendNode *new_node;  /* the same in the new version, NULL when deleted */
  GPtrArray       *changes;   /* of const AmendChange, owned by the diff */
  char            *text;      /* the instruction with the new text it quotes */
  char            *summary;   /* the instruction without that text (STOP's Wat) */
} AmendInstruction;

/* Dutch by nature: the instructions are legal text, not interface. */
char      *amend_diff_to_instructions  (AmendDiff        *diff);
GPtrArray *amend_diff_get_instructions (AmendDiff        *diff);
void       amend_instruction_free      (AmendInstruction *instruction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendInstruction, amend_instruction_free)

G_END_DECLS
