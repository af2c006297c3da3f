/* amend-lapsed.c: amendments that lapsed when another was adopted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A submitted amendment that no longer applies to the draft, where an
 * adopted one changed the same articles, has lapsed (vervallen): the
 * council does not vote on it any more.  The subamendments of a lapsed
 * amendment lapse with it, and theirs with them, as do those of an
 * amendment that was decided or withdrawn.  amend order, the council
 * paper and the window leave them out of the voting order and say why.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amend-decision.h"
#include "amend-lapsed.h"
#include "amend-proposal.h"
#include "amend-repository-private.h"
#include "amend-tree-merge-private.h"

struct _AmendLapsed {
  GPtrArray  *amendments;  /* of AmendAmendment, as found */
  GHashTable *by;          /* slug -> the adopted AmendAmendment it lapsed by */
  GHashTable *with;        /* slug -> the lapsed AmendAmendment it amends */
  GHashTable *changed;     /* an adopted AmendAmendment -> the articles it changed */
};

void
amend_lapsed_free (AmendLapsed *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by);
  g_hash_table_unref (self->with);
  g_hash_table_unref (self->changed);
  g_ptr_array_unref (self->amendments);
  g_free (self);
}

static AmendLapsed *
lapsed_new (GPtrArray *amendments)
{
  AmendLapsed *self = g_new0 (AmendLapsed, 1);

  self->amendments = g_ptr_array_ref (amendments);
  self->by = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->with = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_strfreev);
  return self;
}

/* The articles an adopted amendment changed, read against the version it
 * went into (as its council paper reads it): once adopted, amend list
 * finds none, since the draft holds them. */
static GStrv
adopted_articles (AmendRepository *repo,
                  AmendAmendment  *adopted)
{
  g_autoptr(AmendProposal) proposal = amend_proposal_load (repo, adopted, NULL, NULL);

  return proposal ? amend_diff_dup_articles (proposal->diff) : NULL;
}

static gboolean
share_article (const char * const *mine,
               const char * const *theirs)
{
  for (guint i = 0; mine && theirs && mine[i]; i++)
    if (g_strv_contains (theirs, mine[i]))
      return TRUE;
  return FALSE;
}

static gboolean
adopted_into_draft (AmendAmendment *b)
{
  return amend_amendment_get_status (b) == AMEND_STATUS_ADOPTED && amend_amendment_get_amends (b) == NULL;
}

/* An adopted amendment that changed an article @a changes, or NULL; the
 * articles of each adopted one are read once. */
static AmendAmendment *
adopted_sharing (AmendLapsed     *self,
                 AmendRepository *repo,
                 AmendAmendment  *a)
{
  if (amend_amendment_get_status (a) != AMEND_STATUS_SUBMITTED || amend_amendment_get_amends (a) != NULL)
    return NULL;
  for (guint k = 0; k < self->amendments->len; k++)
    {
      AmendAmendment *b = g_ptr_array_index (self->amendments, k);

      if (!adopted_into_draft (b))
        continue;
      if (!g_hash_table_contains (self->changed, b))
        g_hash_table_insert (self->changed, b, adopted_articles (repo, b));
      if (share_article (amend_amendment_get_articles (a), g_hash_table_lookup (self->changed, b)))
        return b;
    }
  return NULL;
}

/* Whether @a conflicts with the draft.  For an amendment whose adoption
 * is refused (it changes files in .amend that are not its own) the check
 * of amend list makes no trial merge: refused either way.  Yet whether it
 * lapsed decides the vote before what it changes in .amend does. */
static gboolean
conflicts_with_draft (AmendRepository *repo,
                      AmendAmendment  *a)
{
  g_autofree char *main = amend_repository_dup_main_branch (repo, NULL);
  g_autofree char *ref = main ? g_strconcat ("refs/heads/", main, NULL) : NULL;
  g_autoptr(AmendTreeMerge) trial = NULL;
  g_auto(GStrv) ids = NULL;
  git_oid into, tip;

  if (ref == NULL || git_reference_name_to_id (&into, amend_repository_get_git (repo), ref) < 0 ||
      git_oid_fromstr (&tip, amend_amendment_get_commit (a)) < 0 ||
      (trial = amend_merge_commits (repo, &into, &tip, NULL, NULL)) == NULL)
    return FALSE;
  ids = amend_tree_merge_dup_conflict_ids (trial);
  return ids[0] != NULL;
}

/* Those that no longer apply, where an adopted one changed their articles;
 * also those refused for their files in .amend, when they conflict. */
static void
find_by (AmendLapsed     *self,
         AmendRepository *repo)
{
  for (guint i = 0; i < self->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (self->amendments, i);
      AmendApplyState state = amend_amendment_get_apply_state (a);
      AmendAmendment *b;

      if ((state == AMEND_APPLY_CONFLICTS || state == AMEND_APPLY_REFUSED) && (b = adopted_sharing (self, repo, a)) &&
          (state == AMEND_APPLY_CONFLICTS || conflicts_with_draft (repo, a)))
        g_hash_table_insert (self->by, g_strdup (amend_amendment_get_slug (a)), b);
    }
}

static AmendAmendment *
find_slug (GPtrArray  *amendments,
           const char *slug)
{
  for (guint i = 0; slug && i < amendments->len; i++)
    if (g_strcmp0 (amend_amendment_get_slug (g_ptr_array_index (amendments, i)), slug) == 0)
      return g_ptr_array_index (amendments, i);
  return NULL;
}

/* Decided or withdrawn: a subamendment of it has lapsed, as amend adopt
 * says when asked to adopt one (check_target in amend-decision.c).  The
 * order numbered such a subamendment among the votes to come before. */
static gboolean
is_final (AmendAmendment *a)
{
  AmendStatus status = amend_amendment_get_status (a);

  return status != AMEND_STATUS_CONCEPT && status != AMEND_STATUS_SUBMITTED;
}

/* One pass for each level of subamendments, as deep as there are
 * amendments (records edited by hand may amend each other in a circle). */
static void
find_with (AmendLapsed *self)
{
  for (guint level = 0; level < self->amendments->len; level++)
    {
      guint before = g_hash_table_size (self->with);

      for (guint i = 0; i < self->amendments->len; i++)
        {
          AmendAmendment *a = g_ptr_array_index (self->amendments, i);
          const char *amends = amend_amendment_get_amends (a);
          AmendAmendment *target = find_slug (self->amendments, amends);

          if (target && amend_amendment_get_status (a) == AMEND_STATUS_SUBMITTED &&
              (is_final (target) || amend_lapsed_contains (self, amends)) &&
              !amend_lapsed_contains (self, amend_amendment_get_slug (a)))
            g_hash_table_insert (self->with, g_strdup (amend_amendment_get_slug (a)), target);
        }
      if (g_hash_table_size (self->with) == before)
        break;
    }
}

/**
 * amend_lapsed_find:
 * @amendments: (element-type AmendAmendment): every amendment
 *   (amend_amendment_list()), with whether each applies
 *   (amend_decision_check_open())
 */
AmendLapsed *
amend_lapsed_find (AmendRepository *repo,
                   GPtrArray       *amendments)
{
  AmendLapsed *self = lapsed_new (amendments);

  find_by (self, repo);
  find_with (self);
  return self;
}

/* The same, for the project's amendments as they stand.  Before the
 * council adopted any, nothing more is read; after, whether a submitted
 * amendment still applies (mostly from amend list's cache), and the
 * articles of the adopted ones only for those that do not. */
AmendLapsed *
amend_lapsed_find_all (AmendRepository  *repo,
                       GError          **error)
{
  g_autoptr(GPtrArray) all = amend_amendment_list (repo, error);
  g_autoptr(GPtrArray) submitted = g_ptr_array_new ();
  gboolean any_adopted = FALSE;

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (all, i);

      any_adopted |= adopted_into_draft (a);
      if (amend_amendment_get_status (a) == AMEND_STATUS_SUBMITTED && amend_amendment_get_amends (a) == NULL)
        g_ptr_array_add (submitted, a);
    }
  if (any_adopted && submitted->len > 0 && !amend_decision_check_open (repo, submitted, error))
    return NULL;
  return amend_lapsed_find (repo, all);
}

/* The adopted amendment @slug lapsed by, or NULL. */
AmendAmendment *
amend_lapsed_by (AmendLapsed *self,
                 const char  *slug)
{
  return self ? g_hash_table_lookup (self->by, slug) : NULL;
}

/* For a subamendment of a lapsed amendment (or of one of its lapsed
 * subamendments): the one it amends, or NULL. */
AmendAmendment *
amend_lapsed_with (AmendLapsed *self,
                   const char  *slug)
{
  return self ? g_hash_table_lookup (self->with, slug) : NULL;
}

gboolean
amend_lapsed_contains (AmendLapsed *self,
                       const char  *slug)
{
  return amend_lapsed_by (self, slug) != NULL || amend_lapsed_with (self, slug) != NULL;
}

/* Why @slug lapsed, as a sentence; NULL when it did not. */
char *
amend_lapsed_describe (AmendLapsed *self,
                       const char  *slug)
{
  AmendAmendment *by = amend_lapsed_by (self, slug);
  AmendAmendment *with = amend_lapsed_with (self, slug);

  if (by)
    return g_strdup_printf (_("Lapsed: \xe2\x80\x9c%s\xe2\x80\x9d was adopted, and the council does not vote on it."),
                            amend_amendment_get_title (by));
  if (with)
    return g_strdup_printf (_("Lapsed with \xe2\x80\x9c%s\xe2\x80\x9d, which it amends: the council does not vote on it."),
                            amend_amendment_get_title (with));
  return NULL;
}
