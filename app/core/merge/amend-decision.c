/* amend-decision.c: the council decides on amendments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a Dutch council decides: amendments are voted one by one before the
 * proposal; a majority for adopts, anything else (a tie too) rejects.
 *
 *  - adopting commits the decision (status aangenomen, the [vote] group)
 *    on the amendment's branch and merges that commit into main (a
 *    subamendment: into its amendment's branch) as a real merge commit
 *    with two parents, made by the structural merge; the record comes
 *    along into main as the archive of what was decided;
 *  - rejecting commits the decision on the amendment's branch, which
 *    stays;
 *  - bringing an amendment up to date merges main (or its amendment) into
 *    it with the same merge: its history is kept, nothing is rebased.
 *
 * Only an amendment that is ingediend can be decided.  Nothing is written
 * when the working copy has unsaved changes, git left a merge or rebase
 * unfinished, another program holds the lock, or Amend's own merge waits
 * (amend_repository_check_can_write).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "amend-amendment-private.h"
#include "amend-apply-cache.h"
#include "amend-decision.h"
#include "amend-graph.h"
#include "amend-journal.h"
#include "amend-pending-merge-private.h"
#include "amend-tree-changes.h"

/* "2027-03-14" -> itself, checked; NULL -> today. */
gboolean
amend_vote_parse_date (const char *text,
                       char      **date,
                       GError    **error)
{
  gboolean shaped = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      *date = g_date_time_format (now, "%Y-%m-%d");
      return TRUE;
    }
  for (guint i = 0; shaped && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      shaped = FALSE;
  if (!shaped || !g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text)))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT,
                   _("%s is no date; give it as YYYY-MM-DD, for example 2027-03-14"), text);
      return FALSE;
    }
  *date = g_strdup (text);
  return TRUE;
}

static gboolean
check_saved (AmendRepository *repo,
             const char      *what,
             GError         **error)
{
  g_autoptr(GPtrArray) changes = amend_repository_list_changes (repo, error);
  GString *names;

  if (changes == NULL)
    return FALSE;
  if (changes->len == 0)
    return TRUE;
  names = g_string_new (NULL);
  for (guint i = 0; i < changes->len && i < 3; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", ((AmendFileChange *) g_ptr_array_index (changes, i))->path);
  if (changes->len > 3)
    g_string_append (names, ", \xe2\x80\xa6");
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: %s has changes that are not saved; save them with amend save first",
                            "%s: %s have changes that are not saved; save them with amend save first",
                            changes->len), what, names->str);
  g_string_free (names, TRUE);
  return FALSE;
}

/* The branch an amendment is adopted into: its amendment's for a
 * subamendment, main for the others. */
char *
amend_decision_target_branch (AmendRepository *repo,
                              AmendAmendment  *amendment,
                              GError         **error)
{
  const char *amends = amend_amendment_get_amends (amendment);

  if (amends == NULL)
    return amend_repository_dup_main_branch (repo, error);
  return g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amends, NULL);
}

/* A subamendment is decided before its amendment: once that one is
 * decided, the subamendment has lapsed. */
static gboolean
check_target (AmendRepository *repo,
              AmendAmendment  *amendment,
              GError         **error)
{
  const char *amends = amend_amendment_get_amends (amendment);
  g_autoptr(AmendAmendment) parent = NULL;
  g_autoptr(GError) local = NULL;
  AmendStatus status;

  if (amends == NULL)
    return TRUE;
  parent = amend_amendment_lookup_record (repo, amends, &local);
  if (parent == NULL && g_error_matches (local, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND))
    {
      /* Its branch was removed with git: there is nothing to merge it into. */
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the subamendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " amends " "\xe2\x80\x9c" "%s"
                     "\xe2\x80\x9d" ", whose branch amendement/%s is gone, so there is nothing to adopt it into; "
                     "reject or withdraw it, or bring that branch back"),
                   amend_amendment_get_slug (amendment), amends, amends);
      return FALSE;
    }
  if (parent == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  status = amend_amendment_get_status (parent);
  if (status == AMEND_STATUS_CONCEPT || status == AMEND_STATUS_SUBMITTED)
    return TRUE;
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
               _("the subamendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " has lapsed: the amendment it amends, "
                 "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" ", is %s already; reject or withdraw it"),
               amend_amendment_get_slug (amendment), amends, amend_status_to_string (status));
  return FALSE;
}

/* What the record of @slug in @tree says it amends, or NULL. */
static char *
amends_in_tree (git_repository *git,
                git_tree       *tree,
                const char     *slug)
{
  g_autofree char *path = amend_amendment_record_path (slug);
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;
  g_autoptr(AmendAmendment) record = NULL;

  if (git_tree_entry_bypath (&entry, tree, path) < 0 || git_blob_lookup (&blob, git, git_tree_entry_id (entry)) < 0)
    return NULL;
  record = amend_amendment_new_from_data (slug, git_blob_rawcontent (blob), (gsize) git_blob_rawsize (blob), NULL);
  return record ? g_strdup (amend_amendment_get_amends (record)) : NULL;
}

/* A folder @other that is new since @base and whose record amends
 * @slug, or one of its subamendments: a subamendment adopted into the
 * amendment brought it along, and it goes into the target with it. */
static gboolean
is_subamendment_folder (git_repository *git,
                        git_tree       *base,
                        git_tree       *tip,
                        const char     *other,
                        const char     *slug)
{
  g_autofree char *folder = g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", other, NULL);
  g_autoptr(git_tree_entry) in_base = NULL;
  g_autofree char *at = g_strdup (other);

  if (git_tree_entry_bypath (&in_base, base, folder) == 0)
    return FALSE;
  for (guint steps = 0; at != NULL && steps < 64; steps++)
    {
      char *next = amends_in_tree (git, tip, at);

      if (g_strcmp0 (next, slug) == 0)
        {
          g_free (next);
          return TRUE;
        }
      g_free (at);
      at = next;
    }
  return FALSE;
}

/* Whether @path, under .amend/, may change with the amendment @slug:
 * its own folder, and those of its subamendments. */
static gboolean
is_own_path (git_repository *git,
             git_tree       *base,
             git_tree       *tip,
             const char     *path,
             const char     *slug,
             GHashTable     *folders)
{
  const char *rest;
  const char *slash;
  g_autofree char *other = NULL;
  gpointer known;

  if (!g_str_has_prefix (path, AMEND_AMENDMENT_RECORD_DIR "/"))
    return FALSE;
  rest = path + strlen (AMEND_AMENDMENT_RECORD_DIR "/");
  if ((slash = strchr (rest, '/')) == NULL)
    return FALSE;
  other = g_strndup (rest, slash - rest);
  if (strcmp (other, slug) == 0)
    return TRUE;
  if (!g_hash_table_lookup_extended (folders, other, NULL, &known))
    {
      known = GINT_TO_POINTER (is_subamendment_folder (git, base, tip, other, slug));
      g_hash_table_insert (folders, g_strdup (other), known);
    }
  return GPOINTER_TO_INT (known);
}

/* The folder @name of @tree (NULL: none), or NULL. */
static git_tree *
subfolder (git_repository *git,
           const git_tree *tree,
           const char     *name)
{
  const git_tree_entry *entry = tree ? git_tree_entry_byname (tree, name) : NULL;
  git_tree *folder = NULL;

  if (entry && git_tree_entry_type (entry) == GIT_OBJECT_TREE)
    git_tree_lookup (&folder, git, git_tree_entry_id (entry));
  return folder;
}

static gboolean
same_tree (const git_tree *a,
           const git_tree *b)
{
  return a && b && git_oid_equal (git_tree_id (a), git_tree_id (b));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Whether .amend/amendementen is a file on either side, and differs. */
static gboolean
records_file_changed (const git_tree *base_folder,
                      const git_tree *tip_folder)
{
  const git_tree_entry *a = base_folder ? git_tree_entry_byname (base_folder, "amendementen") : NULL;
  const git_tree_entry *b = tip_folder ? git_tree_entry_byname (tip_folder, "amendementen") : NULL;

  if ((a == NULL || git_tree_entry_type (a) == GIT_OBJECT_TREE) && (b == NULL || git_tree_entry_type (b) == GIT_OBJECT_TREE))
    return FALSE;
  return !(a && b && git_oid_equal (git_tree_entry_id (a), git_tree_entry_id (b)) &&
           git_tree_entry_filemode (a) == git_tree_entry_filemode (b));
}

/* Adds to @paths those of @changes that are not @slug's own. */
static void
add_foreign (git_repository *git,
             git_tree       *base_tree,
             git_tree       *tip_tree,
             GArray         *changes,
             const char     *slug,
             GHashTable     *folders,
             GPtrArray      *paths)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const char *path = g_array_index (changes, AmendTreeChange, i).path;

      if (!is_own_path (git, base_tree, tip_tree, path, slug, folders))
        g_ptr_array_add (paths, g_strdup (path));
    }
}

/* The files under .amend/ that @tip changes since @base and that are not
 * the amendment @slug's own (nor its subamendments'): empty when there are
 * none.  A .amend that is a file on @tip counts as one.  The amendment's
 * own folder is not looked into: amend list asks this of every amendment. */
static GPtrArray *
foreign_files (git_repository *git,
               const git_oid  *base,
               const git_oid  *tip,
               const char     *slug)
{
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(git_commit) base_commit = NULL;
  g_autoptr(git_commit) tip_commit = NULL;
  g_autoptr(git_tree) base_tree = NULL;
  g_autoptr(git_tree) tip_tree = NULL;
  g_autoptr(git_tree) base_folder = NULL;
  g_autoptr(git_tree) tip_folder = NULL;
  g_autoptr(git_tree) base_records = NULL;
  g_autoptr(git_tree) tip_records = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) record_changes = NULL;
  const git_tree_entry *entry;

  if (git_commit_lookup (&base_commit, git, base) < 0 || git_commit_lookup (&tip_commit, git, tip) < 0 ||
      git_commit_tree (&base_tree, base_commit) < 0 || git_commit_tree (&tip_tree, tip_commit) < 0)
    return paths;
  if ((entry = git_tree_entry_byname (tip_tree, ".amend")) && git_tree_entry_type (entry) != GIT_OBJECT_TREE)
    g_ptr_array_add (paths, g_strdup (".amend"));
  base_folder = subfolder (git, base_tree, ".amend");
  tip_folder = subfolder (git, tip_tree, ".amend");
  if (same_tree (base_folder, tip_folder))
    return paths;
  /* .amend/amendementen apart, without the amendment's own folder. */
  changes = amend_tree_changes (git, base_folder, tip_folder, ".amend/", "amendementen");
  add_foreign (git, base_tree, tip_tree, changes, slug, folders, paths);
  base_records = subfolder (git, base_folder, "amendementen");
  tip_records = subfolder (git, tip_folder, "amendementen");
  if (same_tree (base_records, tip_records))
    return paths;
  record_changes = amend_tree_changes (git, base_records, tip_records, AMEND_AMENDMENT_RECORD_DIR "/", slug);
  add_foreign (git, base_tree, tip_tree, record_changes, slug, folders, paths);
  if (records_file_changed (base_folder, tip_folder))
    g_ptr_array_add (paths, g_strdup (AMEND_AMENDMENT_RECORD_DIR));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

/* An amendment changes the regulation and its own folder.  A change in
 * .amend/ besides (the records and comments of the draft or of other
 * amendments, made with git on its branch or in a package) would go into
 * @target with the adoption, deleting the archive of an earlier decision
 * or the comments on the draft without the diff or the council paper
 * showing it: refused before anything is written. */
static gboolean
check_own_files (AmendRepository *repo,
                 AmendAmendment  *amendment,
                 GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  const char *slug = amend_amendment_get_slug (amendment);
  g_autofree char *own = g_strconcat (AMEND_AMENDMENT_RECORD_DIR "/", slug, "/", NULL);
  g_autofree char *side_ref = amend_amendment_refname (slug);
  g_autofree char *target = amend_decision_target_branch (repo, amendment, error);
  g_autofree char *target_ref = NULL;
  g_autoptr(GPtrArray) foreign = NULL;
  git_oid tip, into, base;
  char hex[GIT_OID_HEXSZ + 1];

  if (target == NULL)
    return FALSE;
  target_ref = g_strconcat ("refs/heads/", target, NULL);
  /* Without a version in common the merge says what is wrong. */
  if (git_reference_name_to_id (&tip, git, side_ref) < 0 || git_reference_name_to_id (&into, git, target_ref) < 0 ||
      git_merge_base (&base, git, &tip, &into) < 0)
    return TRUE;
  foreign = foreign_files (git, &base, &tip, slug);
  if (foreign->len == 0)
    return TRUE;
  git_oid_tostr (hex, sizeof hex, &base);
  g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
               _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d changes files in .amend that are not its own (%s, %u "
                 "in all): an amendment changes the regulation and its own folder %s, and adopting it would change "
                 "the records or comments of the draft or of other amendments in %s; put them back on its branch "
                 "with git (git diff --stat %.7s amendement/%s -- .amend lists them; git restore --source=%.7s "
                 "--staged --worktree -- PATH, then git commit) and decide again"),
               slug, (const char *) foreign->pdata[0], foreign->len, own, target, hex, slug, hex);
  return FALSE;
}

/* The amendment @name, ready to be decided: checks first, nothing
 * written. */
static AmendAmendment *
prepare (AmendRepository *repo,
         const char      *name,
         AmendStatus      to,
         const AmendVote *vote,
         const char      *what,
         GError         **error)
{
  g_autofree char *slug = amend_amendment_slug_of (repo, name, error);
  g_autoptr(AmendAmendment) self = NULL;

  if (slug == NULL || !amend_repository_check_can_write (repo, FALSE, error))
    return NULL;
  self = amend_amendment_lookup_record (repo, slug, error);
  if (self == NULL)
    return NULL;
  if (!amend_amendment_has_record (self))
    {
      amend_amendment_set_no_record_error (repo, self, error);
      return NULL;
    }
  /* A lapsed subamendment can still be rejected, as its message says. */
  if (!amend_amendment_set_status (self, to, NULL, error) || !check_saved (repo, what, error) ||
      (to == AMEND_STATUS_ADOPTED && (!check_target (repo, self, error) || !check_own_files (repo, self, error) ||
                                      !amend_amendment_check_changes (repo, self, _("adopted"), error))))
    return NULL;
  if (vote)
    amend_amendment_set_vote (self, vote);
  return g_steal_pointer (&self);
}

static char *
adopt_message (AmendAmendment  *self,
               const AmendVote *vote,
               const char      *target)
{
  g_autofree char *decision = amend_amendment_decision_message (self, vote);
  const char *body = strchr (decision, '\n');

  /* The decision's own subject is the commit on the amendment's branch;
   * the merge says what went where. */
  return g_strdup_printf (_("Merge adopted amendment %s into %s: %s\n%s"), amend_amendment_get_slug (self), target,
                          amend_amendment_get_title (self), body ? body : "\n");
}

/**
 * amend_decision_adopt:
 * @vote: the decision: its date and meeting, the votes when counted
 * @outcome: (out): done, or waiting for conflicts to be resolved
 *
 * Adopts @name: the decision on its branch, and its merge into main (or
 * into its amendment).  With conflicts nothing is committed: the merge
 * waits under .git/amend/merge for amend resolve and --continue.
 */
AmendAmendment *
amend_decision_adopt (AmendRepository   *repo,
                      const char        *name,
                      const AmendVote   *vote,
                      AmendMergeOutcome *outcome,
                      GError           **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(AmendAmendment) self = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_ref = NULL;
  g_autofree char *side_ref = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *record = NULL;
  g_autofree char *message = NULL;
  g_autofree char *side_message = NULL;
  AmendMergeStart start = { 0 };

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (vote != NULL && vote->result == AMEND_STATUS_ADOPTED, NULL);

  /* From the checks to the last branch moved, one decision at a time: two
   * adoptions at once both found no merge waiting, and the one that
   * finished first removed the other's state.ini under it, leaving an
   * amendment that said aangenomen without its merge into main. */
  if ((hold = amend_journal_hold (repo, "adopt", error)) == NULL)
    return NULL;
  self = prepare (repo, name, AMEND_STATUS_ADOPTED, vote, _("cannot adopt the amendment"), error);
  if (self == NULL || (target = amend_decision_target_branch (repo, self, error)) == NULL)
    return NULL;
  sig = amend_repository_make_signature (repo, NULL, NULL, NULL, error);
  if (sig == NULL)
    return NULL;
  target_ref = g_strconcat ("refs/heads/", target, NULL);
  side_ref = amend_amendment_refname (amend_amendment_get_slug (self));
  record_path = amend_amendment_record_path (amend_amendment_get_slug (self));
  record = amend_amendment_to_data (self, NULL);
  side_message = amend_amendment_decision_message (self, vote);
  message = adopt_message (self, vote, target);

  start.command = "adopt";
  start.amendment = amend_amendment_get_slug (self);
  start.target = target_ref;
  start.message = message;
  start.signature = sig;
  start.side_ref = side_ref;
  start.side_path = record_path;
  start.side_data = record;
  start.side_message = side_message;
  start.refuse_unchanged = TRUE;
  pending = amend_pending_merge_start (repo, &start, outcome, error);
  if (pending == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* Rejects @name: the decision, committed on its branch. */
AmendAmendment *
amend_decision_reject (AmendRepository *repo,
                       const char      *name,
                       const AmendVote *vote,
                       GError         **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(AmendAmendment) checked = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (vote != NULL && vote->result == AMEND_STATUS_REJECTED, NULL);

  if ((hold = amend_journal_hold (repo, "reject", error)) == NULL)
    return NULL;
  checked = prepare (repo, name, AMEND_STATUS_REJECTED, vote, _("cannot reject the amendment"), error);
  if (checked == NULL)
    return NULL;
  return amend_amendment_reject (repo, amend_amendment_get_slug (checked), vote, error);
}

/* The vote decides: a majority for adopts, a tie or less rejects. */
AmendAmendment *
amend_decision_vote (AmendRepository   *repo,
                     const char        *name,
                     const AmendVote   *vote,
                     AmendMergeOutcome *outcome,
                     GError           **error)
{
  AmendVote counted = *vote;

  counted.result = vote->votes_for > vote->votes_against ? AMEND_STATUS_ADOPTED : AMEND_STATUS_REJECTED;
  *outcome = AMEND_MERGE_OUTCOME_DONE;
  if (counted.result == AMEND_STATUS_ADOPTED)
    return amend_decision_adopt (repo, name, &counted, outcome, error);
  return amend_decision_reject (repo, name, &counted, error);
}

/**
 * amend_decision_update:
 *
 * Brings @name up to date: merges main (or, for a subamendment, its
 * amendment) into it with the structural merge.
 */
AmendAmendment *
amend_decision_update (AmendRepository   *repo,
                       const char        *name,
                       AmendMergeOutcome *outcome,
                       GError           **error)
{
  g_autoptr(AmendJournal) hold = amend_journal_hold (repo, "update", error);
  g_autofree char *slug = hold ? amend_amendment_slug_of (repo, name, error) : NULL;
  g_autoptr(AmendAmendment) self = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  g_autoptr(git_signature) sig = NULL;
  g_autofree char *from = NULL;
  g_autofree char *from_ref = NULL;
  g_autofree char *target_ref = NULL;
  g_autofree char *message = NULL;
  AmendMergeStart start = { 0 };
  git_oid theirs;
  AmendStatus status;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (slug == NULL || !amend_repository_check_can_write (repo, FALSE, error) ||
      (self = amend_amendment_lookup_record (repo, slug, error)) == NULL)
    return NULL;
  status = amend_amendment_get_status (self);
  if (status != AMEND_STATUS_CONCEPT && status != AMEND_STATUS_SUBMITTED)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " is %s, so it does not change any more"),
                   slug, amend_status_to_string (status));
      return NULL;
    }
  if (!check_saved (repo, _("cannot bring the amendment up to date"), error) ||
      (from = amend_decision_target_branch (repo, self, error)) == NULL ||
      (sig = amend_repository_make_signature (repo, NULL, NULL, NULL, error)) == NULL)
    return NULL;
  from_ref = g_strconcat ("refs/heads/", from, NULL);
  if (git_reference_name_to_id (&theirs, amend_repository_get_git (repo), from_ref) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot read the branch %s"), from);
      return NULL;
    }
  target_ref = amend_amendment_refname (slug);
  message = g_strdup_printf (_("Bring amendment %s up to date with %s"), slug, from);
  start.command = "update";
  start.amendment = slug;
  start.target = target_ref;
  start.theirs = &theirs;
  start.message = message;
  start.signature = sig;
  pending = amend_pending_merge_start (repo, &start, outcome, error);
  if (pending == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* ----------------------------------------------------------------------- */
/* Whether open amendments still apply                                      */
/* ----------------------------------------------------------------------- */

typedef struct {
  AmendRepository *repo;
  AmendApplyCache *cache;
  GHashTable      *targets;  /* branch -> git_oid of its tip, or NULL when it is gone */
  char            *main;     /* main's name, once asked */
} Checker;

static void
checker_clear (Checker *c)
{
  g_clear_pointer (&c->cache, amend_apply_cache_free);
  g_clear_pointer (&c->targets, g_hash_table_unref);
  g_clear_pointer (&c->main, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checker, checker_clear)

/* The tip of @branch, read once per list (most amendments share main). */
static const git_oid *
target_tip (Checker    *c,
            const char *branch)
{
  gpointer found;

  if (!g_hash_table_lookup_extended (c->targets, branch, NULL, &found))
    {
      g_autofree char *ref = g_strconcat ("refs/heads/", branch, NULL);
      git_oid id;

      found = git_reference_name_to_id (&id, amend_repository_get_git (c->repo), ref) == 0
              ? g_memdup2 (&id, sizeof id) : NULL;
      g_hash_table_insert (c->targets, g_strdup (branch), found);
    }
  return found;
}

/* Clean, unless adopting @a would be refused for what it changes in
 * .amend since @base (check_own_files). */
static void
settle_clean (git_repository *git,
              AmendAmendment *a,
              const git_oid  *base,
              const git_oid  *tip)
{
  g_autoptr(GPtrArray) foreign = foreign_files (git, base, tip, amend_amendment_get_slug (a));

  g_ptr_array_add (foreign, NULL);
  amend_amendment_set_apply_state (a, foreign->len > 1 ? AMEND_APPLY_REFUSED : AMEND_APPLY_CLEAN,
                                   (const char * const *) foreign->pdata);
}

/* Whether @tip applies to @into, found anew: contained, clean, with
 * conflicts, or refused (as adopting it would be). */
static gboolean
find_state (AmendRepository *repo,
            AmendAmendment  *a,
            const git_oid   *tip,
            const git_oid   *into,
            GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autoptr(AmendTreeMerge) trial = NULL;
  g_auto(GStrv) ids = NULL;
  guint distance = 0;
  git_oid base;
  int rc;

  /* Saves on top of the target as it still is (amend-graph.c). */
  if (!git_oid_equal (tip, into) && amend_graph_linear_distance (git, tip, into, AMEND_GRAPH_LINEAR_STEPS, &distance))
    {
      settle_clean (git, a, into, tip);
      return TRUE;
    }
  if (git_oid_equal (tip, into) || git_graph_descendant_of (git, into, tip) == 1)
    {
      amend_amendment_set_apply_state (a, AMEND_APPLY_CONTAINED, NULL);
      return TRUE;
    }
  /* Nothing happened on the target since the amendment left it. */
  rc = git_merge_base (&base, git, tip, into);
  if (rc == 0 && git_oid_equal (&base, into))
    {
      settle_clean (git, a, &base, tip);
      return TRUE;
    }
  /* A branch made with git from another history (git checkout --orphan)
   * has nothing to merge from: unknown, and the list goes on. */
  if (rc == GIT_ENOTFOUND)
    {
      amend_amendment_set_apply_state (a, AMEND_APPLY_UNKNOWN, NULL);
      return TRUE;
    }
  settle_clean (git, a, &base, tip);
  if (amend_amendment_get_apply_state (a) == AMEND_APPLY_REFUSED)
    return TRUE;
  trial = amend_merge_commits (repo, into, tip, NULL, error);
  if (trial == NULL)
    return FALSE;
  ids = amend_tree_merge_dup_conflict_ids (trial);
  /* Main holds all it changes already (saved there too, or copied with
   * git): adopting it would be refused as an empty merge. */
  if (ids[0] == NULL && !amend_tree_merge_changes_text (trial))
    amend_amendment_set_apply_state (a, AMEND_APPLY_CONTAINED, NULL);
  else
    amend_amendment_set_apply_state (a, ids[0] ? AMEND_APPLY_CONFLICTS : AMEND_APPLY_CLEAN,
                                     (const char * const *) ids);
  return TRUE;
}

/* The answer depends only on the two commits: one that an earlier list
 * found for them is taken as it was (amend-apply-cache.c). */
static gboolean
check_one (Checker         *c,
           AmendAmendment  *a,
           GError         **error)
{
  const char *amends = amend_amendment_get_amends (a);
  g_autofree char *target = NULL;
  const char * const *conflicts = NULL;
  const git_oid *into;
  AmendApplyState state;
  git_oid tip;

  /* As amend_decision_target_branch(), with main looked for once. */
  if (amends != NULL)
    target = g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amends, NULL);
  else if (c->main == NULL && (c->main = amend_repository_dup_main_branch (c->repo, error)) == NULL)
    return FALSE;
  into = target_tip (c, target ? target : c->main);
  if (git_oid_fromstr (&tip, amend_amendment_get_commit (a)) < 0 || into == NULL)
    {
      /* An amendment whose amendment is gone has nothing to apply to. */
      amend_amendment_set_apply_state (a, AMEND_APPLY_UNKNOWN, NULL);
      return TRUE;
    }
  if (amend_apply_cache_lookup (c->cache, &tip, into, &state, &conflicts))
    {
      amend_amendment_set_apply_state (a, state, conflicts);
      return TRUE;
    }
  if (!find_state (c->repo, a, &tip, into, error))
    return FALSE;
  amend_apply_cache_add (c->cache, &tip, into, amend_amendment_get_apply_state (a),
                         amend_amendment_get_apply_conflicts (a));
  return TRUE;
}

/**
 * amend_decision_check_open_cached:
 * @refs: the branches, read without libgit2 (amend-refs-files.c)
 * @amendments: (element-type AmendAmendment): from
 *   amend_amendment_list_cached()
 *
 * amend_decision_check_open() for a list whose every open amendment was
 * checked against its target as it stands now: from .git/amend/apply.cache
 * alone.
 *
 * Returns: FALSE when one is not in the cache; amend_decision_check_open()
 *   then finds it.
 */
gboolean
amend_decision_check_open_cached (AmendRefsFiles *refs,
                                  GPtrArray      *amendments)
{
  g_autofree char *path = g_build_filename (refs->git_dir, "amend", "apply.cache", NULL);
  g_autoptr(AmendApplyCache) cache = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  cache = amend_apply_cache_new (path);
  for (guint i = 0; i < amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (amendments, i);
      AmendStatus status = amend_amendment_get_status (a);
      const char *amends = amend_amendment_get_amends (a);
      g_autofree char *target = amends ? g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amends, NULL) : NULL;
      const char *into_hex = amend_refs_files_tip (refs, target ? target : refs->main);
      const char * const *conflicts = NULL;
      AmendApplyState state;

      if (status != AMEND_STATUS_CONCEPT && status != AMEND_STATUS_SUBMITTED)
        continue;
      /* As check_one(): an amendment whose amendment is gone. */
      if (into_hex == NULL)
        {
          amend_amendment_set_apply_state (a, AMEND_APPLY_UNKNOWN, NULL);
          continue;
        }
      if (!amend_apply_cache_lookup_hex (cache, amend_amendment_get_commit (a), into_hex, &state, &conflicts))
        return FALSE;
      amend_amendment_set_apply_state (a, state, conflicts);
    }
  return TRUE;
}

/**
 * amend_decision_check_open:
 * @amendments: (element-type AmendAmendment): from amend_amendment_list()
 *
 * For each open amendment (concept or ingediend): is it already in what it
 * would be adopted into (also when merged with git), would it merge
 * cleanly, or with conflicts in which nodes.  Trial merges in memory; the
 * answers are kept in .git/amend/apply.cache for the next list.
 */
gboolean
amend_decision_check_open (AmendRepository *repo,
                           GPtrArray       *amendments,
                           GError         **error)
{
  g_auto(Checker) c = { 0 };
  g_autofree char *path = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), FALSE);

  path = g_build_filename (git_repository_path (amend_repository_get_git (repo)), "amend", "apply.cache", NULL);
  c.repo = repo;
  c.cache = amend_apply_cache_new (path);
  c.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (amendments, i);
      AmendStatus status = amend_amendment_get_status (a);

      if (status != AMEND_STATUS_CONCEPT && status != AMEND_STATUS_SUBMITTED)
        continue;
      if (!check_one (&c, a, error))
        return FALSE;
    }
  amend_apply_cache_save (c.cache);
  return TRUE;
}
