/* amend-window-review.c: the Amendments view, the review page and the conflicts page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions the review page and the conflicts page ask for (win.review-*,
 * win.comment-*, win.conflict-*, win.merge-*): each asks what it needs in
 * a dialog, runs the job of AmendProject that calls the core function of
 * the matching command (amend submit, withdraw, vote, adopt, reject,
 * update, comment add/resolve/reopen, resolve, adopt --continue/--abort)
 * and follows the snapshot it hands back.  An adoption that stops at
 * conflicts shows the Conflicts page, also when the window opens a project
 * where one waits.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-comment-dialog.h"
#include "amend-gui-error.h"
#include "amend-propose-dialog.h"
#include "amend-save-dialog.h"
#include "amend-vote-dialog.h"
#include "amend-window-private.h"

static AmendAmendment *
find_amendment (AmendWindow *self,
                const char  *slug)
{
  GPtrArray *all = self->project ? amend_project_get_amendments (self->project) : NULL;

  for (guint i = 0; all && i < all->len; i++)
    if (g_strcmp0 (amend_amendment_get_slug (g_ptr_array_index (all, i)), slug) == 0)
      return g_ptr_array_index (all, i);
  return NULL;
}

const char *
_amend_window_amendment_title (AmendWindow *self,
                               const char  *slug)
{
  AmendAmendment *a = find_amendment (self, slug);

  return a ? amend_amendment_get_title (a) : slug;
}

/* ----------------------------------------------------------------------- */
/* Conflicts                                                                */
/* ----------------------------------------------------------------------- */

static void
show_conflicts_page (AmendWindow *self,
                     gboolean     shown)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->conflicts_page));

  adw_view_stack_page_set_visible (page, shown);
  adw_view_stack_page_set_needs_attention (page, shown);
  if (shown)
    adw_view_stack_set_visible_child_name (self->view_stack, "conflicts");
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "conflicts") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "amendments");
}

static void
merge_state_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AmendMergeState *state = amend_project_merge_state_finish (AMEND_PROJECT (source), result, &error);
  gboolean resolving = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self), "resolving"));

  _amend_window_set_busy (self, FALSE);
  if (state == NULL && resolving && !g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND))
    {
      /* A text that does not fit: said, and the page stays as it was. */
      _amend_window_show_gerror (self, _("Not Resolved"), error);
      return;
    }
  if (state == NULL)
    {
      if (!g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND))
        _amend_window_show_gerror (self, _("Cannot Read the Conflicts"), error);
      show_conflicts_page (self, FALSE);
      return;
    }
  amend_conflicts_page_set_state (self->conflicts_page, state, _amend_window_amendment_title (self, state->amendment));
  show_conflicts_page (self, TRUE);
}

static void
load_conflicts (AmendWindow *self)
{
  _amend_window_set_busy (self, TRUE);
  amend_project_merge_state_async (self->project, NULL, merge_state_done, g_object_ref (self));
}

static gboolean
merge_pending (AmendWindow *self)
{
  g_autofree char *path = g_build_filename (amend_project_get_common_dir (self->project), "amend", "merge",
                                            "state.ini", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Every new snapshot: the Amendments view looks again when shown; an
 * adoption that waits at conflicts (also one begun in a terminal) is
 * shown, one finished elsewhere goes. */
void
_amend_window_review_project_changed (AmendWindow *self)
{
  gboolean pending = merge_pending (self);
  gboolean shown = amend_conflicts_page_get_state (self->conflicts_page) != NULL &&
                   adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack,
                                                                           GTK_WIDGET (self->conflicts_page)));

  amend_amendments_page_set_project (self->amendments_page, self->project);
  if (pending && !shown && !self->busy)
    load_conflicts (self);
  else if (!pending && shown)
    {
      amend_conflicts_page_set_state (self->conflicts_page, NULL, NULL);
      show_conflicts_page (self, FALSE);
    }
}

static void
action_conflict_resolve (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char *id = NULL;
  const char *text = NULL;
  int resolution = 0;

  if (self->project == NULL || self->busy)
    return;
  g_variant_get (param, "(&si&s)", &id, &resolution, &text);
  g_object_set_data (G_OBJECT (self), "resolving", GINT_TO_POINTER (TRUE));
  _amend_window_set_busy (self, TRUE);
  amend_project_resolve_async (self->project, id, resolution, *text ? text : NULL, NULL, merge_state_done,
                               g_object_ref (self));
}

static void
action_conflict_text (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  g_autofree char *text = amend_conflicts_page_dup_edit_text (self->conflicts_page);

  if (self->project == NULL || self->busy)
    return;
  g_object_set_data (G_OBJECT (self), "resolving", GINT_TO_POINTER (TRUE));
  _amend_window_set_busy (self, TRUE);
  amend_project_resolve_async (self->project, g_variant_get_string (param, NULL), AMEND_RESOLUTION_TEXT, text, NULL,
                               merge_state_done, g_object_ref (self));
}

static void
merge_ended (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) next = amend_project_end_merge_finish (AMEND_PROJECT (source), result, &error);
  gboolean aborted = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self), "merge-abort"));
  gboolean update = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self), "merge-update"));
  g_autofree char *into = g_object_steal_data (G_OBJECT (self), "merge-into");
  g_autofree char *updated = into ? g_strdup_printf (_("All conflicts resolved: the amendment is up to date with “%s”"), into)
                                  : g_strdup (_("All conflicts resolved: the amendment is up to date with the draft"));

  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      _amend_window_show_gerror (self, aborted ? _("Not Undone") : _("Not Committed"), error);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        _amend_window_schedule_refresh (self, 0);
      return;
    }
  amend_conflicts_page_set_state (self->conflicts_page, NULL, NULL);
  show_conflicts_page (self, FALSE);
  _amend_window_follow (self, next);
  _amend_window_toast (self, aborted ? _("Undone: everything is as it was before")
                                     : update ? updated
                                              : _("All conflicts resolved: the amendment is adopted"));
}

static void
end_merge (AmendWindow *self,
           gboolean     abort)
{
  AmendMergeState *state = amend_conflicts_page_get_state (self->conflicts_page);
  AmendAmendment *a;

  if (self->project == NULL || self->busy)
    return;
  g_object_set_data (G_OBJECT (self), "merge-abort", GINT_TO_POINTER (abort));
  g_object_set_data (G_OBJECT (self), "merge-update",
                     GINT_TO_POINTER (state && g_strcmp0 (state->command, "update") == 0));
  /* A subamendment is brought up to date with the amendment it amends. */
  a = state ? find_amendment (self, state->amendment) : NULL;
  g_object_set_data_full (G_OBJECT (self), "merge-into", a ? g_strdup (amend_project_target_title (self->project, a)) : NULL,
                          g_free);
  _amend_window_set_busy (self, TRUE);
  amend_project_end_merge_async (self->project, abort, NULL, merge_ended, g_object_ref (self));
}

static void
action_merge_continue (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  end_merge (AMEND_WINDOW (widget), FALSE);
}

static void
abort_response (AdwMessageDialog *dialog,
                const char       *response,
                AmendWindow      *self)
{
  if (g_strcmp0 (response, "abort") == 0)
    end_merge (self, TRUE);
}

static void
action_merge_abort (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  GtkWidget *dialog;

  if (self->project == NULL || self->busy)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop and Undo?"),
                                   _("The choices made for the conflicts are forgotten, and the draft and the amendment "
                                     "are as they were before. You can start again later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "abort", _("_Undo"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "abort", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (abort_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* Decisions                                                                */
/* ----------------------------------------------------------------------- */

typedef struct {
  AmendWindow     *self;
  AmendDecideKind  kind;
  char            *slug;
  char            *title;
  char            *into;     /* the title of the amendment it amends; NULL: the draft */
} Decision;

static void
decision_free (Decision *d)
{
  g_object_unref (d->self);
  g_free (d->slug);
  g_free (d->title);
  g_free (d->into);
  g_free (d);
}

static const char *
failed_heading (AmendDecideKind kind)
{
  switch (kind)
    {
    case AMEND_DECIDE_SUBMIT:
      return _("Not Submitted");
    case AMEND_DECIDE_WITHDRAW:
      return _("Not Withdrawn");
    case AMEND_DECIDE_UPDATE:
      return _("Not Brought Up to Date");
    case AMEND_DECIDE_EDIT:
      return _("Not Changed");
    case AMEND_DECIDE_VOTE:
    case AMEND_DECIDE_ADOPT:
    case AMEND_DECIDE_REJECT:
    default:
      return _("The Decision Was Not Recorded");
    }
}

static char *
done_message (Decision          *d,
              AmendMergeOutcome  outcome,
              AmendProject      *next)
{
  AmendAmendment *a = NULL;
  GPtrArray *all = amend_project_get_amendments (next);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (amend_amendment_get_title (g_ptr_array_index (all, i)), d->title) == 0)
      a = g_ptr_array_index (all, i);
  if (outcome == AMEND_MERGE_OUTCOME_CONFLICTS)
    return g_strdup_printf (_("“%s” stopped at conflicts: nothing is committed yet; resolve them on the Conflicts page"),
                            d->title);
  switch (d->kind)
    {
    case AMEND_DECIDE_SUBMIT:
      return g_strdup_printf (_("“%s” is submitted here; the council has it once you hand it in or push it"), d->title);
    case AMEND_DECIDE_WITHDRAW:
      return g_strdup_printf (_("“%s” is withdrawn"), d->title);
    case AMEND_DECIDE_EDIT:
      return g_strdup_printf (_("The submitters and motivation of “%s” are changed"), d->title);
    case AMEND_DECIDE_UPDATE:
      if (outcome == AMEND_MERGE_OUTCOME_UP_TO_DATE)
        return g_strdup_printf (_("“%s” was already up to date"), d->title);
      return d->into ? g_strdup_printf (_("“%s” is up to date with “%s”"), d->title, d->into)
                     : g_strdup_printf (_("“%s” is up to date with the draft"), d->title);
    default:
      break;
    }
  if (a && amend_amendment_get_status (a) == AMEND_STATUS_REJECTED)
    return g_strdup_printf (_("“%s” is rejected"), d->title);
  return d->into ? g_strdup_printf (_("“%s” is adopted: its changes are in “%s”"), d->title, d->into)
                 : g_strdup_printf (_("“%s” is adopted: its changes are in the draft"), d->title);
}

/* Submitting marks the amendment in this copy of the project only: a
 * citizen group's copy is not the council's, so the toast says so and
 * offers the way to send it. */
static void
toast_hand_in (AmendWindow *self,
               const char  *message,
               const char  *slug)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Hand In…"));
  adw_toast_set_action_name (toast, "win.review-hand-in");
  adw_toast_set_action_target_value (toast, g_variant_new_string (slug));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
decided (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Decision *d = user_data;
  AmendWindow *self = d->self;
  g_autoptr(GError) error = NULL;
  AmendMergeOutcome outcome = AMEND_MERGE_OUTCOME_DONE;
  g_autoptr(AmendProject) next = amend_project_decide_finish (AMEND_PROJECT (source), result, &outcome, &error);
  g_autofree char *message = NULL;

  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      _amend_window_show_gerror (self, failed_heading (d->kind), error);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        _amend_window_schedule_refresh (self, 0);
      decision_free (d);
      return;
    }
  _amend_window_follow (self, next);
  message = done_message (d, outcome, next);
  if (d->kind == AMEND_DECIDE_SUBMIT)
    toast_hand_in (self, message, d->slug);
  else
    _amend_window_toast (self, message);
  if (outcome == AMEND_MERGE_OUTCOME_CONFLICTS)
    load_conflicts (self);
  decision_free (d);
}

/* Adopting changes the draft (or the amendment amended), updating the
 * amendment: with unsaved text there, the editor would hold text of a
 * version that is no longer the last. */
static gboolean
blocked_by_unsaved (AmendWindow     *self,
                    AmendDecideKind  kind,
                    AmendAmendment  *a)
{
  g_autofree char *changed = NULL;

  if (kind == AMEND_DECIDE_SUBMIT || kind == AMEND_DECIDE_WITHDRAW || !amend_window_has_unsaved (self))
    return FALSE;
  if (kind == AMEND_DECIDE_UPDATE)
    changed = g_strdup (amend_amendment_get_branch (a));
  else if (amend_amendment_get_amends (a))
    changed = g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amend_amendment_get_amends (a), NULL);
  else
    changed = g_strdup (amend_project_get_main_branch (self->project));
  if (g_strcmp0 (changed, amend_project_get_branch (self->project)) != 0)
    return FALSE;
  _amend_window_show_error (self, _("Unsaved Changes"),
                            _("The text in the editor has changes that are not saved, and this would change that text. "
                              "Save them as a version first, or discard them, then try again."));
  return TRUE;
}

static void
decide (AmendWindow     *self,
        AmendDecideKind  kind,
        const char      *slug,
        const AmendVote *vote)
{
  AmendAmendment *a = find_amendment (self, slug);
  Decision *d;

  if (self->project == NULL || self->busy || a == NULL || blocked_by_unsaved (self, kind, a))
    return;
  d = g_new0 (Decision, 1);
  d->self = g_object_ref (self);
  d->kind = kind;
  d->slug = g_strdup (slug);
  d->title = g_strdup (amend_amendment_get_title (a));
  d->into = g_strdup (amend_project_target_title (self->project, a));
  _amend_window_set_busy (self, TRUE);
  amend_project_decide_async (self->project, kind, slug, vote, NULL, decided, d);
}

static void
action_submit (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  decide (AMEND_WINDOW (widget), AMEND_DECIDE_SUBMIT, g_variant_get_string (param, NULL), NULL);
}

static void
action_update (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  decide (AMEND_WINDOW (widget), AMEND_DECIDE_UPDATE, g_variant_get_string (param, NULL), NULL);
}

static void
edit_response (AdwMessageDialog *dialog,
               const char       *response,
               AmendWindow      *self)
{
  AmendProposeDialog *form = AMEND_PROPOSE_DIALOG (dialog);
  const char *slug = g_object_get_data (G_OBJECT (dialog), "slug");
  AmendAmendment *a = find_amendment (self, slug);
  g_auto(GStrv) people = NULL;
  g_autofree char *motivation = NULL;
  Decision *d;

  if (g_strcmp0 (response, "propose") != 0 || a == NULL || self->project == NULL || self->busy)
    return;
  people = amend_propose_dialog_dup_submitters (form);
  motivation = amend_propose_dialog_dup_motivation (form);
  d = g_new0 (Decision, 1);
  d->self = g_object_ref (self);
  d->kind = AMEND_DECIDE_EDIT;
  d->title = g_strdup (amend_amendment_get_title (a));
  _amend_window_set_busy (self, TRUE);
  amend_project_edit_record_async (self->project, slug, (const char * const *) people, motivation, NULL, decided, d);
}

/* The submitters and motivation of an amendment being written, in the
 * Propose dialog's form. */
static void
action_edit (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char *slug = g_variant_get_string (param, NULL);
  AmendAmendment *a = find_amendment (self, slug);
  const char * const *people;
  g_autofree char *submitters = NULL;
  AmendProposeDialog *dialog;

  if (a == NULL || self->busy)
    return;
  people = amend_amendment_get_submitters (a);
  submitters = people ? g_strjoinv ("; ", (char **) people) : g_strdup ("");
  dialog = amend_propose_dialog_new (GTK_WINDOW (self), NULL, NULL);
  amend_propose_dialog_fill (dialog, amend_amendment_get_title (a), submitters, amend_amendment_get_motivation (a));
  amend_propose_dialog_set_editing (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "slug", g_strdup (slug), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (edit_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
action_propose_sub (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  _amend_window_ask_propose_on (AMEND_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
withdraw_response (AdwMessageDialog *dialog,
                   const char       *response,
                   AmendWindow      *self)
{
  if (g_strcmp0 (response, "withdraw") == 0)
    decide (self, AMEND_DECIDE_WITHDRAW, g_object_get_data (G_OBJECT (dialog), "slug"), NULL);
}

static void
action_withdraw (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char *slug = g_variant_get_string (param, NULL);
  g_autofree char *body = g_strdup_printf (_("“%s” will not be voted on. Its text, its record and its comments stay in "
                                             "the project."), _amend_window_amendment_title (self, slug));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Withdraw the Amendment?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "withdraw", _("_Withdraw"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "slug", g_strdup (slug), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (withdraw_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
vote_response (AdwMessageDialog *dialog,
               const char       *response,
               AmendWindow      *self)
{
  AmendVoteDialog *vote_dialog = AMEND_VOTE_DIALOG (dialog);
  gboolean adopt = g_strcmp0 (response, "adopt") == 0;
  AmendVote vote;

  if (!adopt && g_strcmp0 (response, "reject") != 0)
    return;
  amend_vote_dialog_get_vote (vote_dialog, &vote);
  if (amend_vote_dialog_is_counted (vote_dialog))
    decide (self, AMEND_DECIDE_VOTE, g_object_get_data (G_OBJECT (dialog), "slug"), &vote);
  else
    decide (self, adopt ? AMEND_DECIDE_ADOPT : AMEND_DECIDE_REJECT, g_object_get_data (G_OBJECT (dialog), "slug"), &vote);
  g_free (vote.date);
  g_free (vote.meeting);
}

static void
action_vote (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char *slug = g_variant_get_string (param, NULL);
  AmendAmendment *a;
  AmendVoteDialog *dialog;

  if (self->project == NULL || self->busy)
    return;
  a = find_amendment (self, slug);
  dialog = amend_vote_dialog_new (GTK_WINDOW (self), _amend_window_amendment_title (self, slug),
                                  a ? amend_project_target_title (self->project, a) : NULL);
  g_object_set_data_full (G_OBJECT (dialog), "slug", g_strdup (slug), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (vote_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* Comments                                                                 */
/* ----------------------------------------------------------------------- */

static void
commented (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) next = amend_project_comment_finish (AMEND_PROJECT (source), result, &error);
  g_autofree char *done = g_object_steal_data (G_OBJECT (self), "comment-done");

  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      _amend_window_show_gerror (self, _("The Comment Was Not Saved"), error);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        _amend_window_schedule_refresh (self, 0);
      return;
    }
  _amend_window_follow (self, next);
  _amend_window_toast (self, done);
}

static char *
author_of (AmendWindow *self)
{
  return amend_settings_dup_author (self->settings);
}

static void
comment_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AmendWindow      *self)
{
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;
  const char *eid = g_object_get_data (G_OBJECT (dialog), "eid");
  const char *regulation = g_object_get_data (G_OBJECT (dialog), "regulation");
  const char *reply_to = g_object_get_data (G_OBJECT (dialog), "reply-to");

  if (g_strcmp0 (response, "comment") != 0 || self->project == NULL || self->busy)
    return;
  text = amend_comment_dialog_dup_text (AMEND_COMMENT_DIALOG (dialog));
  author = author_of (self);
  if (author == NULL)
    {
      /* Asked in the dialog: kept for every later comment and save. */
      author = amend_comment_dialog_dup_author (AMEND_COMMENT_DIALOG (dialog));
      amend_settings_keep_author (self->settings, author);
    }
  g_object_set_data_full (G_OBJECT (self), "comment-done",
                          g_strdup (reply_to ? _("Your reply is saved with the amendment") : _("Your comment is saved with the amendment")),
                          g_free);
  _amend_window_set_busy (self, TRUE);
  amend_project_comment_async (self->project, g_object_get_data (G_OBJECT (dialog), "slug"),
                               regulation && *regulation ? regulation : NULL, eid && *eid ? eid : NULL,
                               reply_to, text, author, NULL, commented, g_object_ref (self));
}

static void
ask_comment (AmendWindow *self,
             const char  *slug,
             const char  *heading,
             const char  *regulation,
             const char  *eid,
             const char  *reply_to)
{
  AmendCommentDialog *dialog;
  g_autofree char *author = NULL;

  if (self->project == NULL || self->busy)
    return;
  dialog = amend_comment_dialog_new (GTK_WINDOW (self), heading,
                                     _("The comment is saved with the amendment at once, under your name, and travels "
                                       "with it to whoever receives it."));
  g_object_set_data_full (G_OBJECT (dialog), "slug", g_strdup (slug), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "regulation", g_strdup (regulation), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "eid", g_strdup (eid), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "reply-to", g_strdup (reply_to), g_free);
  if (!(author = author_of (self)))
    amend_comment_dialog_ask_author (dialog, self->settings, amend_project_get_path (self->project));
  g_signal_connect (dialog, "response", G_CALLBACK (comment_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
action_comment_add (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  const char *slug, *regulation, *eid, *number;
  g_autofree char *heading = NULL;

  g_variant_get (param, "(&s&s&s&s)", &slug, &regulation, &eid, &number);
  /* In a project of several regulations, article 1 of which. */
  if (*number && *regulation)
    heading = g_strdup_printf (_("Comment on Article %s of %s"), number, regulation);
  else
    heading = *number ? g_strdup_printf (_("Comment on Article %s"), number) : g_strdup (_("Comment on the Amendment"));
  ask_comment (AMEND_WINDOW (widget), slug, heading, regulation, eid, NULL);
}

static void
action_comment_reply (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  const char *slug, *id, *who;
  g_autofree char *heading = NULL;

  g_variant_get (param, "(&s&s&s)", &slug, &id, &who);
  heading = g_strdup_printf (_("Reply to %s"), who);
  ask_comment (AMEND_WINDOW (widget), slug, heading, NULL, NULL, id);
}

static void
action_comment_resolve (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  gboolean resolve = g_str_equal (name, "win.comment-resolve");
  g_autofree char *author = NULL;

  if (self->project == NULL || self->busy)
    return;
  author = author_of (self);
  g_object_set_data_full (G_OBJECT (self), "comment-done",
                          g_strdup (resolve ? _("The comment is resolved") : _("The comment is open again")), g_free);
  _amend_window_set_busy (self, TRUE);
  amend_project_resolve_comment_async (self->project, g_variant_get_string (param, NULL), resolve, author, NULL,
                                       commented, g_object_ref (self));
}

/* ----------------------------------------------------------------------- */

AmendAmendmentsPage *
amend_window_get_amendments_page (AmendWindow *self)
{
  return self->amendments_page;
}

AmendConflictsPage *
amend_window_get_conflicts_page (AmendWindow *self)
{
  return self->conflicts_page;
}

void
_amend_window_review_init (AmendWindow *self)
{
  amend_review_page_set_editor (amend_amendments_page_get_review (self->amendments_page), self->editor);
  _amend_window_sync_init (self);
}

void
_amend_window_review_actions_init (AmendWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (AMEND_TYPE_AMENDMENTS_PAGE);
  g_type_ensure (AMEND_TYPE_CONFLICTS_PAGE);
  gtk_widget_class_install_action (widget_class, "win.review-submit", "s", action_submit);
  gtk_widget_class_install_action (widget_class, "win.review-withdraw", "s", action_withdraw);
  gtk_widget_class_install_action (widget_class, "win.review-vote", "s", action_vote);
  gtk_widget_class_install_action (widget_class, "win.review-update", "s", action_update);
  gtk_widget_class_install_action (widget_class, "win.review-propose-sub", "s", action_propose_sub);
  gtk_widget_class_install_action (widget_class, "win.review-edit", "s", action_edit);
  gtk_widget_class_install_action (widget_class, "win.comment-add", "(ssss)", action_comment_add);
  gtk_widget_class_install_action (widget_class, "win.comment-reply", "(sss)", action_comment_reply);
  gtk_widget_class_install_action (widget_class, "win.comment-resolve", "s", action_comment_resolve);
  gtk_widget_class_install_action (widget_class, "win.comment-reopen", "s", action_comment_resolve);
  gtk_widget_class_install_action (widget_class, "win.conflict-resolve", "(sis)", action_conflict_resolve);
  gtk_widget_class_install_action (widget_class, "win.conflict-text", "s", action_conflict_text);
  gtk_widget_class_install_action (widget_class, "win.merge-continue", NULL, action_merge_continue);
  gtk_widget_class_install_action (widget_class, "win.merge-abort", NULL, action_merge_abort);
  _amend_window_paper_actions_init (klass);
  _amend_window_sync_actions_init (klass);
}
