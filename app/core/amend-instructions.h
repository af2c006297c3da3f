/* amend-instructions.h: the amendment instructions (wijzigingsopdrachten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* Dutch by nature: the instructions are legal text, not interface. */
char *amend_diff_to_instructions (AmendDiff *diff);

G_END_DECLS
