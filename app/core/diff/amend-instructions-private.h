/* amend-instructions-private.h: what the parts of the instructions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-diff.h"

G_BEGIN_DECLS

/* How one changed text is said, without the citation of where it stands:
 * "wordt "acht weken" vervangen door "zes weken"", or, when @to_end, what
 * is added at the end of the text ("wordt ", tenzij ..." toegevoegd"),
 * which goes with "Aan" rather than "In". */
typedef struct {
  char      *predicate;
  gboolean   to_end;
  GPtrArray *parts;     /* of char *: the parts the predicate lists, "wordt ... vervangen door ..." */
} AmendTextChange;

/* @scope_other: the rest of the text of the element the citation names,
 * in which a quotation must not occur either; @end_is_end: the end of the
 * text is the end of that element, so that words there can be
 * "toegevoegd".  Returns FALSE when the text changed so much that it is
 * better rewritten whole (6.9). */
gboolean _amend_text_change_say   (const char      *old_text,
                                   const char      *new_text,
                                   const char      *scope_other,
                                   gboolean         end_is_end,
                                   AmendTextChange *out);
void     _amend_text_change_clear (AmendTextChange *change);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmendTextChange, _amend_text_change_clear)

/* What amend-instructions.c, -names.c and -element.c share. */

/* More separate changes than this in one article, and it is rewritten. */
#define MAX_CHANGES 6
/* Above this share of changed words in an article with several changes. */
#define REWRITE_SHARE 0.5

/* The new text an instruction quotes is marked, so that the STOP export
 * can leave it out of its Wat (the element itself follows there); both
 * marks are control characters no regulation text holds. */
#define QUOTE_OPEN  '\x02'
#define QUOTE_CLOSE '\x03'

typedef struct {
  AmendDiff  *diff;
  GHashTable *now;   /* node of the old version -> the number it has after the instructions so far */
  GHashTable *said;  /* changes an earlier instruction said */
  GHashTable *reserved; /* changes a later instruction says */
} Ctx;

/* An element the instructions are about, with its changes. */
typedef struct {
  const AmendNode *old_node;
  const AmendNode *new_node;
  GPtrArray       *changes;
} Unit;

/* One lettered instruction as it is built. */
typedef struct {
  GPtrArray *units;      /* of AmendInstructionUnit */
  char      *text;       /* with the quotation marks */
  char      *cite;       /* a text change alone: "artikel 3, tweede lid" */
  char      *predicate;  /* and what is said of it */
  gboolean   to_end;
} Letter;


void
_amend_instr_apply_renumbering (Ctx       *ctx,
                                GPtrArray *old_nodes,
                                GPtrArray *new_nodes);

char *
_amend_instr_cite (Ctx             *ctx,
                   const AmendNode *node,
                   const AmendNode *top,
                   gboolean         is_old,
                   gboolean         relative);

char *
_amend_instr_elements_phrase (GPtrArray       *numbers,
                              const AmendNode *like,
                              gboolean         with_article);

gboolean
_amend_instr_is_letter_label (const char *number);

char *
_amend_instr_node_text (const AmendNode *node);

char *
_amend_instr_nodes_text (GPtrArray *nodes);

const char *
_amend_instr_noun_of (const AmendNode *node,
                      gboolean         plural);

const char *
_amend_instr_number_now (Ctx             *ctx,
                         const AmendNode *node,
                         gboolean         is_old);

GPtrArray *
_amend_instr_numbers_of (Ctx       *ctx,
                         GPtrArray *nodes,
                         gboolean   is_old,
                         gboolean   use_new);

char *
_amend_instr_range_of (GPtrArray     *numbers,
                       AmendNodeKind  kind);

char *
_amend_instr_renumbering_clause (Ctx       *ctx,
                                 GPtrArray *old_nodes,
                                 GPtrArray *new_nodes);

char *
_amend_instr_sentence_start (const char *cited);

char *
_amend_instr_unit_name (Ctx             *ctx,
                        const AmendNode *node,
                        gboolean         is_old);

char *
_amend_instr_with_comma (const char *cited);

const AmendNode *
_amend_instr_root_of (const AmendNode *node);

void
_amend_instr_set_number (Ctx             *ctx,
                         const AmendNode *old_node,
                         const char      *number);

char *
_amend_instr_unmark (const char *text,
                     gboolean    keep);

char *
_amend_instr_count_noun (const AmendNode *like,
                         guint            n);

gboolean
_amend_instr_is_article (const AmendNode *node);

gboolean
_amend_instr_is_part (const AmendNode *node);

char *
_amend_instr_letter (guint index);

Letter *
_amend_instr_letter_new (GPtrArray *letters,
                         char      *text);

void
_amend_instr_letter_says_all (Ctx        *ctx,
                              Letter     *l,
                              const Unit *unit);

const AmendNode *
_amend_instr_sibling_of_kind (Ctx             *ctx,
                              const AmendNode *node,
                              int              step,
                              gboolean         paired,
                              gboolean         is_old);

void
_amend_instr_say_inside (Ctx       *ctx,
                         Unit      *u,
                         GPtrArray *letters);

G_END_DECLS
