/* amend-amendment-private.h: what the decisions need of the amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-amendment.h"
#include "amend-repository-private.h"

G_BEGIN_DECLS

/* Shared by amend-amendment.c (the record, the changes of status) and
 * amend-amendment-list.c (reading amendments from their branches). */
struct _AmendAmendment
{
  GObject      parent_instance;

  char        *slug;
  char        *branch;
  GKeyFile    *record;    /* keeps keys and groups Amend does not know */
  AmendStatus  status;
  GStrv        submitters;
  GDateTime   *created;
  GDateTime   *updated;

  gboolean     has_record;
  char        *commit;
  guint        ahead;
  guint        behind;
  GDateTime   *last_change;
  GStrv        articles;
  GPtrArray   *files;     /* of AmendTouchedFile */
  AmendApplyState apply_state;
  GStrv        apply_conflicts;

  /* A plain record (plain_read()) is read into @record only when asked
   * for more than amend list shows: GKeyFile costs most of a list. */
  char        *pending;   /* its text, not yet in @record */
  gsize        pending_len;
  gboolean     plain;     /* the plain_* fields hold what @record would say */
  char        *plain_title;
  char        *plain_motivation;
  char        *plain_amends;
  gboolean     plain_vote;
};

void      _amend_amendment_set_slug        (AmendAmendment  *self,
                                            const char      *slug);

char     *amend_amendment_refname          (const char      *slug);
char     *amend_amendment_slug_of          (AmendRepository *repo,
                                            const char      *name,
                                            GError         **error);
void      amend_amendment_set_no_record_error (AmendRepository *repo,
                                            AmendAmendment  *self,
                                            GError         **error);
gboolean  amend_amendment_check_record_saved (AmendRepository *repo,
                                            AmendAmendment  *self,
                                            GError         **error);
gboolean  amend_amendment_write_record     (AmendRepository *repo,
                                            AmendAmendment  *self,
                                            git_commit      *tip,
                                            const git_signature *signature,
                                            const char      *message,
                                            git_oid         *out,
                                            GError         **error);
char     *amend_amendment_decision_message (AmendAmendment  *self,
                                            const AmendVote *vote);
char     *amend_amendment_write_touched    (AmendRepository *repo,
                                            const char      *branch,
                                            const git_oid   *parents,
                                            guint            n_parents,
                                            git_tree        *tree,
                                            git_oid         *id);

gboolean  amend_amendment_check_changes    (AmendRepository *repo,
                                            AmendAmendment  *self,
                                            const char      *doing,
                                            GError         **error);

G_END_DECLS
