/* amend-project-review.c: reviewing and deciding on amendments, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Jobs of AmendProject as in amend-project.c: each runs in a GTask worker
 * thread with its own AmendRepository and calls the same core functions
 * as the commands (amend list, submit, withdraw, vote, adopt, reject,
 * update, comment, resolve, adopt --continue | --abort).  Those that
 * write first check that the working copy is still on the branch the
 * window shows, and hand back the next snapshot of the project.
 */
#include "config.h"

#include <string.h>

#include "amend-anchorer.h"
#include "amend-decision.h"
#include "amend-instructions.h"
#include "amend-project-private.h"
#include "amend-project-review.h"
#include "amend-renvooi.h"
#include "amend-repository-private.h"
#include "amend-version.h"

void
amend_survey_free (AmendSurvey *survey)
{
  if (survey == NULL)
    return;
  g_clear_pointer (&survey->amendments, g_ptr_array_unref);
  g_clear_object (&survey->collisions);
  g_clear_pointer (&survey->comments, g_hash_table_unref);
  g_clear_pointer (&survey->lapsed, amend_lapsed_free);
  g_clear_pointer (&survey->order, g_hash_table_unref);
  g_clear_pointer (&survey->regulations, g_hash_table_unref);
  g_clear_pointer (&survey->unreadable, g_ptr_array_unref);
  g_free (survey->pending);
  g_free (survey);
}

guint
amend_survey_count_comments (AmendSurvey *survey,
                             const char  *slug)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (survey->comments, slug));
}

/* The title of the adopted amendment @slug lapsed by, or NULL. */
const char *
amend_survey_lapsed_by (AmendSurvey *survey,
                        const char  *slug)
{
  AmendAmendment *by = survey ? amend_lapsed_by (survey->lapsed, slug) : NULL;

  return by ? amend_amendment_get_title (by) : NULL;
}

/* Its place in the voting order (as amend order and the council paper
 * give it), from 1, and of how many in @of; 0 when it is not submitted. */
guint
amend_survey_voting_place (AmendSurvey *survey,
                           const char  *slug,
                           guint       *of)
{
  *of = survey && survey->order ? g_hash_table_size (survey->order) : 0;
  return *of ? GPOINTER_TO_UINT (g_hash_table_lookup (survey->order, slug)) : 0;
}

/* For a subamendment of a lapsed amendment (or of one of its lapsed
 * subamendments): the title of the one it amends, or NULL. */
const char *
amend_survey_lapsed_with (AmendSurvey *survey,
                          const char  *slug)
{
  AmendAmendment *with = survey ? amend_lapsed_with (survey->lapsed, slug) : NULL;

  return with ? amend_amendment_get_title (with) : NULL;
}

/* The regulations @slug changes, by name; NULL when the project has one
 * (the survey does not look then) or it changes none. */
const char * const *
amend_survey_regulations_of (AmendSurvey *survey,
                             const char  *slug)
{
  return survey && survey->regulations ? g_hash_table_lookup (survey->regulations, slug) : NULL;
}

GPtrArray *
amend_survey_collisions_of (AmendSurvey *survey,
                            const char  *slug)
{
  GPtrArray *out = g_ptr_array_new ();
  GPtrArray *pairs = survey->collisions ? amend_collisions_get_pairs (survey->collisions) : NULL;

  for (guint i = 0; pairs && i < pairs->len; i++)
    {
      AmendCollision *c = g_ptr_array_index (pairs, i);

      if (g_strcmp0 (amend_amendment_get_slug (c->a), slug) == 0 ||
          g_strcmp0 (amend_amendment_get_slug (c->b), slug) == 0)
        g_ptr_array_add (out, c);
    }
  return out;
}

static void
review_part_free (AmendReviewPart *part)
{
  /* The blocks point into the proposal's documents. */
  g_clear_pointer (&part->blocks, g_ptr_array_unref);
  amend_proposal_free (part->proposal);
  g_free (part->regulation);
  g_free (part->title);
  g_free (part);
}

void
amend_review_free (AmendReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->parts, g_ptr_array_unref);
  g_free (review->instructions);
  g_free (review);
}

void
amend_merge_state_free (AmendMergeState *state)
{
  if (state == NULL)
    return;
  g_free (state->command);
  g_free (state->amendment);
  g_free (state->target);
  g_clear_pointer (&state->conflicts, g_ptr_array_unref);
  g_free (state);
}

/* ----------------------------------------------------------------------- */
/* Jobs                                                                     */
/* ----------------------------------------------------------------------- */

typedef enum {
  JOB_SURVEY,
  JOB_REVIEW,
  JOB_COMMENTS,
  JOB_DECIDE,
  JOB_COMMENT,
  JOB_RESOLVE_COMMENT,
  JOB_MERGE_STATE,
  JOB_RESOLVE,
  JOB_END_MERGE,
  JOB_PAPER,
} JobKind;

typedef struct {
  JobKind           kind;
  char             *path;
  char             *file;
  gboolean          several;     /* the project has several regulations */
  char             *source;      /* COMMENT: the regulation commented on, NULL: the only one */
  char             *branch;      /* the branch the window shows */
  char             *slug;        /* the amendment, NULL for the draft */
  char             *text;        /* COMMENTS: unsaved text; COMMENT, RESOLVE: the text */
  char             *eid;
  char             *id;          /* a comment's or a conflict's */
  char             *author;
  AmendDecideKind   decide;
  AmendVote         vote;
  AmendResolution   resolution;
  gboolean          flag;        /* RESOLVE_COMMENT: resolve (else reopen); END_MERGE: abort */
  AmendMergeOutcome outcome;
  GStrv             submitters;  /* DECIDE EDIT; its motivation is text */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->file);
  g_free (job->source);
  g_free (job->branch);
  g_free (job->slug);
  g_free (job->text);
  g_free (job->eid);
  g_free (job->id);
  g_free (job->author);
  g_free (job->vote.date);
  g_free (job->vote.meeting);
  g_strfreev (job->submitters);
  g_free (job);
}

static Job *
job_new (AmendProject *project,
         JobKind       kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->path = g_strdup (amend_project_get_path (project));
  job->file = g_strdup (amend_project_get_file (project));
  job->several = amend_project_has_several_regulations (project);
  job->branch = g_strdup (amend_project_get_branch (project));
  job->outcome = AMEND_MERGE_OUTCOME_DONE;
  return job;
}

/* The number of comment files on each amendment's branch: a tree lookup,
 * no file is read. */
static guint
count_comments (git_repository *git,
                const char     *commit,
                const char     *slug)
{
  g_autofree char *dir = amend_comments_dir (slug);
  g_autoptr(git_commit) c = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_object) sub = NULL;
  git_oid id;

  if (commit == NULL || git_oid_fromstr (&id, commit) < 0 || git_commit_lookup (&c, git, &id) < 0 ||
      git_commit_tree (&tree, c) < 0 || git_tree_entry_bypath (&entry, tree, dir) < 0 ||
      git_tree_entry_to_object (&sub, git, entry) < 0 || git_object_type (sub) != GIT_OBJECT_TREE)
    return 0;
  return (guint) git_tree_entrycount ((git_tree *) sub);
}

static gboolean
has_concepts (GPtrArray *amendments)
{
  for (guint i = 0; i < amendments->len; i++)
    if (amend_amendment_get_status (g_ptr_array_index (amendments, i)) == AMEND_STATUS_CONCEPT)
      return TRUE;
  return FALSE;
}

/* The voting order of the submitted amendments that have not lapsed, as
 * amend order proposes it: without the concepts, which can join competing groups and so move
 * others, found again only when there are any. */
static void
find_order (AmendRepository *repo,
            AmendSurvey     *s)
{
  g_autoptr(AmendCollisions) submitted = has_concepts (s->amendments) ? amend_collisions_find (repo, FALSE, NULL) : NULL;
  AmendCollisions *from = has_concepts (s->amendments) ? submitted : s->collisions;
  GPtrArray *steps = from ? amend_collisions_get_order (from) : NULL;
  guint place = 0;

  s->order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; steps && i < steps->len; i++)
    {
      AmendVotingStep *step = g_ptr_array_index (steps, i);

      const char *slug = amend_amendment_get_slug (step->amendment);

      /* One that lapsed is not voted on: the places are those of the
       * votes still to come. */
      if (amend_amendment_get_status (step->amendment) == AMEND_STATUS_SUBMITTED &&
          !amend_lapsed_contains (s->lapsed, slug))
        g_hash_table_insert (s->order, g_strdup (slug), GUINT_TO_POINTER (++place));
    }
}

/* The regulations the amendment changes against the version it is read
 * against (as its review page and amend diff NAME read it). */
static GStrv
changed_regulations (AmendRepository *repo,
                     AmendAmendment  *a)
{
  g_autofree char *base = amend_proposal_find_base (repo, a, NULL);
  g_autoptr(GPtrArray) found = base ? amend_repository_changed_regulations (repo, base, amend_amendment_get_commit (a),
                                                                          NULL) : NULL;

  if (found == NULL || found->len == 0)
    return NULL;
  g_ptr_array_add (found, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static void
find_regulations (AmendRepository *repo,
                  AmendSurvey     *s)
{
  s->regulations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < s->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (s->amendments, i);
      GStrv found = changed_regulations (repo, a);

      if (found)
        g_hash_table_insert (s->regulations, g_strdup (amend_amendment_get_slug (a)), found);
    }
}

static AmendSurvey *
do_survey (AmendRepository *repo,
           Job             *job,
           GError         **error)
{
  g_autoptr(AmendSurvey) s = g_new0 (AmendSurvey, 1);
  g_autoptr(AmendPendingMerge) pending = amend_pending_merge_load (repo, NULL);

  s->comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* One record edited by hand must not hide the others: the page lists
   * it apart, with what to do. */
  s->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_unreadable_free);
  s->amendments = amend_amendment_list_full (repo, s->unreadable, error);
  if (s->amendments == NULL || !amend_decision_check_open (repo, s->amendments, error))
    return NULL;
  /* Collisions are a help, not a must: a project where they cannot be
   * found (an amendment of a removed one) still lists its amendments. */
  s->collisions = amend_collisions_find (repo, TRUE, NULL);
  for (guint i = 0; i < s->amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (s->amendments, i);

      g_hash_table_insert (s->comments, g_strdup (amend_amendment_get_slug (a)),
                           GUINT_TO_POINTER (count_comments (amend_repository_get_git (repo),
                                                             amend_amendment_get_commit (a),
                                                             amend_amendment_get_slug (a))));
    }
  if (pending)
    s->pending = g_strdup (amend_pending_merge_get_amendment (pending));
  s->lapsed = amend_lapsed_find (repo, s->amendments);
  find_order (repo, s);
  if (job->several)
    find_regulations (repo, s);
  return g_steal_pointer (&s);
}

static AmendReviewPart *
review_part (AmendRepository *repo,
             AmendAmendment  *amendment,
             const char      *regulation,
             GError         **error)
{
  AmendReviewPart *part = g_new0 (AmendReviewPart, 1);
  const char *title = NULL;

  part->proposal = amend_proposal_load (repo, amendment, regulation, error);
  if (part->proposal == NULL)
    {
      review_part_free (part);
      return NULL;
    }
  part->regulation = g_strdup (part->proposal->regulation);
  /* A regulation the amendment removes has its title in the old version. */
  for (guint i = 0; i < 2 && (title == NULL || *title == '\0'); i++)
    title = amend_document_get_meta (i == 0 ? amend_diff_get_new (part->proposal->diff)
                                            : amend_diff_get_old (part->proposal->diff), "title");
  part->title = g_strdup (title && *title ? title : part->regulation);
  part->blocks = amend_renvooi_build (part->proposal->diff);
  return part;
}

static const char * const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };

/* The instructions of every part, each regulation in an article of its
 * own (Aanwijzingen 6.15): ARTIKEL I, ARTIKEL II, ... */
static char *
join_instructions (GPtrArray *parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      AmendReviewPart *part = g_ptr_array_index (parts, i);
      g_autofree char *text = amend_diff_to_instructions (part->proposal->diff);
      const char *rest = text;

      if (*text == '\0')
        continue;
      if (out->len)
        g_string_append_c (out, '\n');
      if (i > 0 && i < G_N_ELEMENTS (roman) && g_str_has_prefix (text, "ARTIKEL I\n"))
        {
          rest = text + strlen ("ARTIKEL I");
          g_string_append_printf (out, "ARTIKEL %s", roman[i]);
        }
      g_string_append (out, rest);
    }
  return g_string_free (out, FALSE);
}

/* In a project of several regulations, those the amendment changes
 * (none changed yet: the one the window has open). */
static GStrv
regulations_to_review (AmendRepository *repo,
                       AmendAmendment  *amendment,
                       Job             *job)
{
  GStrv found = job->several ? changed_regulations (repo, amendment) : NULL;

  if (found)
    return found;
  found = g_new0 (char *, 2);
  found[0] = g_strdup (job->file);
  return found;
}

static AmendReview *
do_review (AmendRepository *repo,
           Job             *job,
           GError         **error)
{
  g_autoptr(AmendAmendment) amendment = amend_amendment_lookup (repo, job->slug, error);
  g_autoptr(AmendReview) r = NULL;
  g_auto(GStrv) regulations = NULL;

  if (amendment == NULL)
    return NULL;
  r = g_new0 (AmendReview, 1);
  r->several = job->several;
  r->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) review_part_free);
  regulations = regulations_to_review (repo, amendment, job);
  for (guint i = 0; regulations[i]; i++)
    {
      AmendReviewPart *part = review_part (repo, amendment, regulations[i], error);

      if (part == NULL)
        return NULL;
      g_ptr_array_add (r->parts, part);
    }
  r->instructions = join_instructions (r->parts);
  return g_steal_pointer (&r);
}

/* The comments of the amendment (or the draft), every thread, found in
 * its last saved version; for the branch the editor is on, found in the
 * editor's text instead, unsaved changes and all, so that a comment's
 * line is the line the user sees. */
static AmendCommentList *
do_comments (AmendRepository *repo,
             Job             *job,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(AmendCommentList) list = amend_comments_list (repo, job->slug, NULL, AMEND_COMMENTS_LIST_ALL,
                                                          cancellable, error);
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendAnchorer) anchorer = NULL;

  if (list == NULL)
    return NULL;
  if (job->text == NULL || (doc = amend_document_new_from_data (job->text, strlen (job->text), NULL)) == NULL)
    return g_steal_pointer (&list);
  anchorer = amend_anchorer_new (repo, NULL);
  amend_anchorer_set_document (anchorer, NULL, job->file, doc);
  if (!amend_anchorer_resolve_all (anchorer, list->threads, cancellable, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
do_decide (AmendRepository *repo,
           Job             *job,
           GError         **error)
{
  g_autoptr(AmendAmendment) done = NULL;

  switch (job->decide)
    {
    case AMEND_DECIDE_SUBMIT:
      done = amend_amendment_change_status (repo, job->slug, AMEND_STATUS_SUBMITTED, error);
      break;
    case AMEND_DECIDE_WITHDRAW:
      done = amend_amendment_change_status (repo, job->slug, AMEND_STATUS_WITHDRAWN, error);
      break;
    case AMEND_DECIDE_VOTE:
      done = amend_decision_vote (repo, job->slug, &job->vote, &job->outcome, error);
      break;
    case AMEND_DECIDE_ADOPT:
      done = amend_decision_adopt (repo, job->slug, &job->vote, &job->outcome, error);
      break;
    case AMEND_DECIDE_REJECT:
      done = amend_decision_reject (repo, job->slug, &job->vote, error);
      break;
    case AMEND_DECIDE_EDIT:
      done = amend_amendment_edit_record (repo, job->slug, (const char * const *) job->submitters, job->text, error);
      break;
    case AMEND_DECIDE_UPDATE:
    default:
      done = amend_decision_update (repo, job->slug, &job->outcome, error);
      break;
    }
  return done != NULL;
}

static gboolean
do_comment (AmendRepository *repo,
            Job             *job,
            GError         **error)
{
  g_autoptr(AmendComment) comment = amend_comment_new (job->text);
  g_autoptr(AmendComment) added = NULL;

  if (job->id)
    amend_comment_set_reply_to (comment, job->id);
  else
    amend_comment_set_target (comment, job->source, job->eid, NULL);
  added = amend_comments_add (repo, job->slug, comment, job->author, error);
  return added != NULL;
}

static gboolean
do_resolve_comment (AmendRepository *repo,
                    Job             *job,
                    GError         **error)
{
  g_autoptr(AmendComment) done = job->flag ? amend_comments_resolve (repo, job->id, job->author, error)
                                           : amend_comments_reopen (repo, job->id, job->author, error);

  return done != NULL;
}

static AmendMergeState *
do_merge_state (AmendRepository *repo,
                Job             *job,
                GError         **error)
{
  g_autoptr(AmendPendingMerge) pending = amend_pending_merge_load (repo, error);
  g_autoptr(AmendMergeState) state = NULL;
  AmendTreeMerge *merge;
  GPtrArray *conflicts;

  if (pending == NULL)
    return NULL;
  if (job->kind == JOB_RESOLVE &&
      !amend_pending_merge_resolve (pending, job->id, job->resolution, job->text, NULL, error))
    return NULL;
  if ((merge = amend_pending_merge_get_merge (pending, error)) == NULL)
    return NULL;
  state = g_new0 (AmendMergeState, 1);
  state->command = g_strdup (amend_pending_merge_get_command (pending));
  state->amendment = g_strdup (amend_pending_merge_get_amendment (pending));
  state->target = g_strdup (amend_pending_merge_get_target (pending));
  state->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_conflict_free);
  conflicts = amend_tree_merge_get_conflicts (merge);
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (state->conflicts, amend_conflict_copy (g_ptr_array_index (conflicts, i)));
  state->unresolved = amend_tree_merge_count_unresolved (merge);
  state->several = job->several;
  return g_steal_pointer (&state);
}

static gboolean
do_end_merge (AmendRepository *repo,
              Job             *job,
              GError         **error)
{
  g_autoptr(AmendPendingMerge) pending = amend_pending_merge_load (repo, error);

  if (pending == NULL)
    return FALSE;
  return job->flag ? amend_pending_merge_abort (pending, error) : amend_pending_merge_continue (pending, error);
}

/* The jobs that hand back a result of their own, not a snapshot. */
static gboolean
run_reading (GTask           *task,
             AmendRepository *repo,
             Job             *job,
             GCancellable    *cancellable)
{
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify free_func = NULL;

  switch (job->kind)
    {
    case JOB_SURVEY:
      result = do_survey (repo, job, &error);
      free_func = (GDestroyNotify) amend_survey_free;
      break;
    case JOB_REVIEW:
      result = do_review (repo, job, &error);
      free_func = (GDestroyNotify) amend_review_free;
      break;
    case JOB_COMMENTS:
      result = do_comments (repo, job, cancellable, &error);
      free_func = (GDestroyNotify) amend_comment_list_free;
      break;
    case JOB_MERGE_STATE:
    case JOB_RESOLVE:
      result = do_merge_state (repo, job, &error);
      free_func = (GDestroyNotify) amend_merge_state_free;
      break;
    case JOB_PAPER:
      result = amend_paper_load (repo, job->slug, &error);
      free_func = (GDestroyNotify) g_ptr_array_unref;
      break;
    default:
      return FALSE;
    }
  if (result)
    g_task_return_pointer (task, result, free_func);
  else
    g_task_return_error (task, error);
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(AmendRepository) repo = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  repo = amend_repository_open (job->path, &error);
  if (repo == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (run_reading (task, repo, job, cancellable))
    return;
  if (!_amend_project_check_branch (repo, job->branch, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  switch (job->kind)
    {
    case JOB_DECIDE:
      ok = do_decide (repo, job, &error);
      break;
    case JOB_COMMENT:
      ok = do_comment (repo, job, &error);
      break;
    case JOB_RESOLVE_COMMENT:
      ok = do_resolve_comment (repo, job, &error);
      break;
    case JOB_END_MERGE:
    default:
      ok = do_end_merge (repo, job, &error);
      break;
    }
  _amend_project_return_read (task, repo, job->file, ok, error);
}

static void
run_job (AmendProject        *self,
         Job                 *job,
         gpointer             tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  _amend_project_run_job (self, job, (GDestroyNotify) job_free, job_thread, tag, cancellable, callback, user_data);
}

/* ----------------------------------------------------------------------- */

/* Every amendment with whether it still applies, its collisions and the
 * number of its comments (the trial merges of amend list and amend
 * collisions: a second or two on a large project, so a job of its own). */
void
amend_project_survey_async (AmendProject        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  run_job (self, job_new (self, JOB_SURVEY), amend_project_survey_async, cancellable, callback, user_data);
}

AmendSurvey *
amend_project_survey_finish (AmendProject *self,
                             GAsyncResult *result,
                             GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The amendment's change against the version it branched from, as
 * renvooi and instructions. */
void
amend_project_review_async (AmendProject        *self,
                            const char          *slug,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = job_new (self, JOB_REVIEW);

  job->slug = g_strdup (slug);
  run_job (self, job, amend_project_review_async, cancellable, callback, user_data);
}

AmendReview *
amend_project_review_finish (AmendProject *self,
                             GAsyncResult *result,
                             GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* @slug: NULL for the draft; @unsaved_text: the editor's text when it
 * is on that branch, to find the comments in. */
void
amend_project_comments_async (AmendProject        *self,
                              const char          *slug,
                              const char          *unsaved_text,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job = job_new (self, JOB_COMMENTS);

  job->slug = g_strdup (slug);
  job->text = g_strdup (unsaved_text);
  run_job (self, job, amend_project_comments_async, cancellable, callback, user_data);
}

AmendCommentList *
amend_project_comments_finish (AmendProject *self,
                               GAsyncResult *result,
                               GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* @vote: for VOTE, ADOPT and REJECT: the date (NULL: today), the meeting
 * and, for VOTE, the votes. */
void
amend_project_decide_async (AmendProject        *self,
                            AmendDecideKind      kind,
                            const char          *slug,
                            const AmendVote     *vote,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job = job_new (self, JOB_DECIDE);

  job->decide = kind;
  job->slug = g_strdup (slug);
  job->vote.votes_for = -1;
  job->vote.votes_against = -1;
  if (vote)
    {
      job->vote = *vote;
      job->vote.date = g_strdup (vote->date);
      job->vote.meeting = g_strdup (vote->meeting);
    }
  if (job->vote.date == NULL)
    amend_vote_parse_date (NULL, &job->vote.date, NULL);
  if (kind == AMEND_DECIDE_ADOPT)
    job->vote.result = AMEND_STATUS_ADOPTED;
  else if (kind == AMEND_DECIDE_REJECT)
    job->vote.result = AMEND_STATUS_REJECTED;
  else if (kind == AMEND_DECIDE_VOTE)
    job->vote.result = job->vote.votes_for > job->vote.votes_against ? AMEND_STATUS_ADOPTED : AMEND_STATUS_REJECTED;
  run_job (self, job, amend_project_decide_async, cancellable, callback, user_data);
}

/* The submitters and motivation of the amendment @slug changed, as
 * amend_amendment_edit_record changes them; finished by
 * amend_project_decide_finish. */
void
amend_project_edit_record_async (AmendProject        *self,
                                 const char          *slug,
                                 const char * const  *submitters,
                                 const char          *motivation,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = job_new (self, JOB_DECIDE);

  job->decide = AMEND_DECIDE_EDIT;
  job->slug = g_strdup (slug);
  job->submitters = g_strdupv ((char **) submitters);
  job->text = g_strdup (motivation);
  run_job (self, job, amend_project_decide_async, cancellable, callback, user_data);
}

/* @outcome: for VOTE, ADOPT and UPDATE, whether the merge is done or
 * stopped at conflicts. */
AmendProject *
amend_project_decide_finish (AmendProject      *self,
                             GAsyncResult      *result,
                             AmendMergeOutcome *outcome,
                             GError           **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  AmendProject *next = g_task_propagate_pointer (G_TASK (result), error);

  if (outcome)
    *outcome = job->outcome;
  return next;
}

/* A comment on the node @eid (NULL: the whole regulation) of the
 * regulation @regulation (NULL: the project's only one) of the amendment
 * @slug (NULL: the draft), or a reply to the thread @reply_to. */
void
amend_project_comment_async (AmendProject        *self,
                             const char          *slug,
                             const char          *regulation,
                             const char          *eid,
                             const char          *reply_to,
                             const char          *text,
                             const char          *author,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = job_new (self, JOB_COMMENT);

  job->slug = g_strdup (slug);
  job->source = g_strdup (regulation);
  job->eid = g_strdup (eid);
  job->id = g_strdup (reply_to);
  job->text = g_strdup (text);
  job->author = g_strdup (author);
  run_job (self, job, amend_project_comment_async, cancellable, callback, user_data);
}

void
amend_project_resolve_comment_async (AmendProject        *self,
                                     const char          *id,
                                     gboolean             resolve,
                                     const char          *author,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Job *job = job_new (self, JOB_RESOLVE_COMMENT);

  job->id = g_strdup (id);
  job->flag = resolve;
  job->author = g_strdup (author);
  run_job (self, job, amend_project_comment_async, cancellable, callback, user_data);
}

AmendProject *
amend_project_comment_finish (AmendProject *self,
                              GAsyncResult *result,
                              GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The adoption or update that stopped at conflicts; an error
 * AMEND_REPOSITORY_ERROR_NOT_FOUND when there is none. */
void
amend_project_merge_state_async (AmendProject        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_job (self, job_new (self, JOB_MERGE_STATE), amend_project_merge_state_async, cancellable, callback, user_data);
}

/* Decides one conflict (stored in .git/amend/merge, nothing committed)
 * and gives the state after it. */
void
amend_project_resolve_async (AmendProject        *self,
                             const char          *id,
                             AmendResolution      resolution,
                             const char          *text,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = job_new (self, JOB_RESOLVE);

  job->id = g_strdup (id);
  job->resolution = resolution;
  job->text = g_strdup (text);
  run_job (self, job, amend_project_merge_state_async, cancellable, callback, user_data);
}

AmendMergeState *
amend_project_merge_state_finish (AmendProject *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Commits the merge once every conflict is resolved, or with @abort puts
 * back what was there (adopt --continue, adopt --abort). */
void
amend_project_end_merge_async (AmendProject        *self,
                               gboolean             abort,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = job_new (self, JOB_END_MERGE);

  job->flag = abort;
  run_job (self, job, amend_project_end_merge_async, cancellable, callback, user_data);
}

AmendProject *
amend_project_end_merge_finish (AmendProject *self,
                                GAsyncResult *result,
                                GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The council paper of the amendment @slug, or with @slug NULL of every
 * submitted one in the voting order: AmendPaperItems. */
void
amend_project_paper_async (AmendProject        *self,
                           const char          *slug,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job = job_new (self, JOB_PAPER);

  job->slug = g_strdup (slug);
  run_job (self, job, amend_project_paper_async, cancellable, callback, user_data);
}

GPtrArray *
amend_project_paper_finish (AmendProject *self,
                            GAsyncResult *result,
                            GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
