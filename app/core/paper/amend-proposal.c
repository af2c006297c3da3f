/* amend-proposal.c: what an amendment proposes: its text against the version it branched from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An open amendment is read against the merge base of its branch and
 * what it would be adopted into (main, or for a subamendment the
 * amendment it amends): the version it started from, or the one it was
 * last brought up to date with.  Once adopted, that merge base is the
 * amendment's own tip and the diff would be empty; then the adoption's
 * merge commit is found on the first-parent line of the target, and the
 * base is the merge base of the branch with the merge's first parent:
 * the text as it was just before the council adopted it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-decision.h"
#include "amend-proposal.h"
#include "amend-repository-private.h"
#include "amend-version.h"

void
amend_proposal_free (AmendProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_clear_object (&proposal->amendment);
  g_free (proposal->regulation);
  g_free (proposal->base);
  g_free (proposal->tip);
  g_clear_object (&proposal->diff);
  g_free (proposal);
}

static gboolean
tip_of (AmendRepository *repo,
        AmendAmendment  *amendment,
        git_oid         *tip,
        GError         **error)
{
  const char *commit = amend_amendment_get_commit (amendment);
  g_autoptr(git_commit) c = NULL;

  if (commit && git_oid_fromstr (tip, commit) == 0)
    return TRUE;
  if (!amend_repository_resolve_commit (repo, amend_amendment_get_branch (amendment), &c, error))
    return FALSE;
  git_oid_cpy (tip, git_commit_id (c));
  return TRUE;
}

/* @tip is @into or one of its ancestors. */
static gboolean
contains (git_repository *git,
          const git_oid  *into,
          const git_oid  *tip)
{
  return git_oid_equal (into, tip) || git_graph_descendant_of (git, into, tip) == 1;
}

/* Down the first parents of @into to the commit that brought @tip in;
 * the base is where the branch and that commit's first parent meet. */
static gboolean
base_before_adoption (git_repository *git,
                      const git_oid  *into,
                      const git_oid  *tip,
                      git_oid        *base)
{
  git_oid at;

  git_oid_cpy (&at, into);
  for (;;)
    {
      g_autoptr(git_commit) commit = NULL;
      const git_oid *first;

      if (git_commit_lookup (&commit, git, &at) < 0)
        return FALSE;
      if (git_commit_parentcount (commit) == 0)
        return FALSE;
      first = git_commit_parent_id (commit, 0);
      if (contains (git, first, tip))
        {
          git_oid_cpy (&at, first);
          continue;
        }
      return git_merge_base (base, git, first, tip) == 0;
    }
}

/**
 * amend_proposal_find_base:
 *
 * Returns: the commit (40 hex digits) @amendment's change is read
 *   against: see the top of this file.
 */
char *
amend_proposal_find_base (AmendRepository *repo,
                          AmendAmendment  *amendment,
                          GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autofree char *target = amend_decision_target_branch (repo, amendment, error);
  g_autofree char *target_ref = NULL;
  git_oid tip, into, base;

  if (target == NULL || !tip_of (repo, amendment, &tip, error))
    return NULL;
  target_ref = g_strconcat ("refs/heads/", target, NULL);
  if (git_reference_name_to_id (&into, git, target_ref) < 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d amends %s, which is not in the project"),
                   amend_amendment_get_slug (amendment), target);
      return NULL;
    }
  if (contains (git, &into, &tip) && !git_oid_equal (&into, &tip))
    {
      if (base_before_adoption (git, &into, &tip, &base))
        return g_strdup (git_oid_tostr_s (&base));
    }
  if (git_merge_base (&base, git, &into, &tip) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot find where %s branched off from %s"),
                                      amend_amendment_get_branch (amendment), target);
      return NULL;
    }
  return g_strdup (git_oid_tostr_s (&base));
}

/* The regulation in @commit; empty when it did not exist there yet. */
static GBytes *
read_text (AmendRepository *repo,
           const char      *commit,
           const char      *regulation,
           GError         **error)
{
  g_autoptr(GError) local = NULL;
  GBytes *bytes = amend_repository_read_file (repo, commit, regulation, &local);

  if (bytes == NULL && g_error_matches (local, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND))
    return g_bytes_new_static ("", 0);
  if (bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return bytes;
}

/* The diff of the two versions, reading only the articles that differ
 * (amend_diff_new_for_texts()): an amendment changes a few articles of
 * a regulation of thousands, and a council paper holds every submitted
 * amendment.  What the proposal is for (renvooi, instructions, the
 * articles) renders the diff, which is what that way gives in full. */
static AmendDiff *
diff_texts (GBytes  *old_text,
            GBytes  *new_text,
            GError **error)
{
  gsize old_len = 0, new_len = 0;
  const char *old_data = g_bytes_get_data (old_text, &old_len);
  const char *new_data = g_bytes_get_data (new_text, &new_len);

  return amend_diff_new_for_texts (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len, error);
}

/* In a project of several regulations, the one the amendment changes;
 * else @several (the project's regulations), or an error that names the
 * ones it changes. */
static char *
changed_regulation (AmendRepository  *repo,
                    AmendProposal    *p,
                    GError          **several,
                    GError          **error)
{
  g_autoptr(GPtrArray) found = amend_repository_changed_regulations (repo, p->base, p->tip, error);
  g_autofree char *list = NULL;

  if (found == NULL)
    return NULL;
  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));
  if (found->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (several));
      return NULL;
    }
  list = amend_join_paths (found);
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d changes several regulations (%s), and a council paper "
                 "shows an amendment to one regulation: propose one amendment per regulation (amend diff "
                 "REVISION:FILE shows each change)"),
               amend_amendment_get_slug (p->amendment), list);
  return NULL;
}

/**
 * amend_proposal_name_amended:
 *
 * When @amendment is a subamendment, names the amendment it amends in
 * @diff (amend_diff_set_amended()), so that the instructions amend that
 * amendment rather than the regulation: by its title, or by its name
 * when its record is gone from the project.
 */
void
amend_proposal_name_amended (AmendRepository *repo,
                             AmendAmendment  *amendment,
                             AmendDiff       *diff)
{
  const char *amends = amend_amendment_get_amends (amendment);
  g_autoptr(AmendAmendment) target = NULL;

  if (amends == NULL)
    return;
  target = amend_amendment_lookup_record (repo, amends, NULL);
  if (target == NULL)
    amend_diff_set_amended (diff, amends, FALSE);
  else
    amend_diff_set_amended (diff, amend_amendment_get_title (target), amend_amendment_get_amends (target) != NULL);
}

/**
 * amend_proposal_load:
 * @regulation: (nullable): the file; NULL: the project's one regulation
 *
 * Reads both versions of the regulation and diffs them, reading only
 * the articles that differ: the diff is for its renderers (renvooi,
 * instructions, articles), not for other use of its documents.
 */
AmendProposal *
amend_proposal_load (AmendRepository *repo,
                     AmendAmendment  *amendment,
                     const char      *regulation,
                     GError         **error)
{
  g_autoptr(AmendProposal) p = g_new0 (AmendProposal, 1);
  g_autoptr(GError) several = NULL;
  g_autoptr(GBytes) old_text = NULL;
  g_autoptr(GBytes) new_text = NULL;
  git_oid tip;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (AMEND_IS_AMENDMENT (amendment), NULL);

  p->amendment = g_object_ref (amendment);
  p->regulation = regulation ? g_strdup (regulation) : amend_repository_find_regulation (repo, &several);
  if (!tip_of (repo, amendment, &tip, error))
    return NULL;
  p->tip = g_strdup (git_oid_tostr_s (&tip));
  p->base = amend_proposal_find_base (repo, amendment, error);
  if (p->base == NULL)
    return NULL;
  if (p->regulation == NULL && (p->regulation = changed_regulation (repo, p, &several, error)) == NULL)
    return NULL;
  if ((old_text = read_text (repo, p->base, p->regulation, error)) == NULL ||
      (new_text = read_text (repo, p->tip, p->regulation, error)) == NULL ||
      (p->diff = diff_texts (old_text, new_text, error)) == NULL)
    return NULL;
  amend_proposal_name_amended (repo, amendment, p->diff);
  return g_steal_pointer (&p);
}
