/* amend-instructions.h: the amendment instructions (wijzigingsopdrachten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* One element an instruction is about: an article, a division or an
 * annex, as it is in each version, with the changes said of it. */
typedef struct {
  const AmendNode *old_node;  /* NULL when inserted */
  const AmendNode *new_node;  /* NULL when deleted */
  GPtrArray       *changes;   /* of const AmendChange, owned by the diff */
} AmendInstructionUnit;

/* One lettered instruction and what it is about. */
typedef struct {
  char            *letter;    /* "A", "B", ... "AA" */
  const AmendNode *old_node;  /* the first unit's, for instructions about one element */
  const AmendNode *new_node;
  GPtrArray       *changes;   /* of const AmendChange, owned by the diff: every change it says */
  GPtrArray       *units;     /* of AmendInstructionUnit, in order: several for "De artikelen 7 en 8
                               * vervallen." or "In de artikelen 3 en 5 wordt ..." */
  char            *text;      /* the instruction with the new text it quotes */
  char            *summary;   /* the instruction without that text (STOP's Wat) */
} AmendInstruction;

/* Dutch by nature: the instructions are legal text, not interface. */
char      *amend_diff_to_instructions  (AmendDiff        *diff);
GPtrArray *amend_diff_get_instructions (AmendDiff        *diff);
char      *amend_diff_instructions_frame (AmendDiff      *diff);
void       amend_instruction_free      (AmendInstruction *instruction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendInstruction, amend_instruction_free)

G_END_DECLS
