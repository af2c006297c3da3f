/* amend-proposal.h: what an amendment proposes: its text against the version it branched from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-amendment.h"
#include "amend-diff.h"
#include "amend-document.h"

G_BEGIN_DECLS

/* One amendment's change, as the council reads it: the regulation in the
 * version the amendment started from (or was last brought up to date
 * with) against the regulation on the amendment's branch. */
typedef struct {
  AmendAmendment *amendment;
  char           *regulation;  /* the file, relative to the project */
  char           *base;        /* the commit compared against (40 hex) */
  char           *tip;         /* the amendment's commit */
  AmendDiff      *diff;        /* for its renderers: see amend_diff_new_for_texts() */
} AmendProposal;

void           amend_proposal_free       (AmendProposal   *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendProposal, amend_proposal_free)

char          *amend_proposal_find_base  (AmendRepository *repo,
                                          AmendAmendment  *amendment,
                                          GError         **error);
void           amend_proposal_name_amended (AmendRepository *repo,
                                            AmendAmendment  *amendment,
                                            AmendDiff       *diff);
AmendProposal *amend_proposal_load       (AmendRepository *repo,
                                          AmendAmendment  *amendment,
                                          const char      *regulation,
                                          GError         **error);

G_END_DECLS
