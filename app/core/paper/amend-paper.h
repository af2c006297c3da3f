/* amend-paper.h: the council paper: amendments as the council reads them before it votes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-proposal.h"

G_BEGIN_DECLS

/* One amendment on the paper, in its place in the voting order. */
typedef struct {
  guint          position;   /* 1-based; 0 for one that lapsed */
  AmendProposal *proposal;
  char          *instructions;
  GStrv          lapses;     /* titles of the amendments that lapse when it is adopted */
  char          *before;     /* a subamendment: the title of the amendment it is voted before */
  char          *lapsed;     /* why it lapsed, a sentence; NULL while it is to be voted on */
} AmendPaperItem;

void       amend_paper_item_free     (AmendPaperItem  *item);

GPtrArray *amend_paper_load          (AmendRepository *repo,
                                      const char      *name,
                                      GError         **error);
GPtrArray *amend_paper_load_full     (AmendRepository *repo,
                                      const char      *name,
                                      GPtrArray       *unreadable,
                                      GError         **error);
char      *amend_paper_to_html       (GPtrArray       *items,
                                      const char      *regulation_title,
                                      gboolean         in_order);
char      *amend_paper_describe_vote (const AmendVote *vote,
                                      AmendStatus      status);
char      *amend_paper_names         (const char * const *submitters);

G_END_DECLS
