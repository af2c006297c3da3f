/* amend-review-page.c: one amendment as the council reviews it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record (title, submitters, motivation, status, vote), the renvooi
 * against the version the amendment branched from — inline, or old and
 * new side by side — with the comments beside the article they are about,
 * the amendment instructions to copy, and the amendments it collides
 * with.  The page reads in worker threads (AmendProject's review and
 * comments jobs); what it does — submit, vote, comment — it asks of the
 * window through the window's actions (win.review-*, win.comment-*),
 * which ask, run the job and hand the next snapshot back.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "amend-aside-box.h"
#include "amend-gui-util.h"
#include "amend-outline-panel.h"
#include "amend-paper.h"
#include "amend-renvooi-view.h"
#include "amend-review-page.h"
#include "amend-review-page-private.h"

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendReviewPage, amend_review_page, GTK_TYPE_WIDGET)

enum {
  BUSY_REVIEW   = 1 << 0,
  BUSY_COMMENTS = 1 << 1,
};

/* ----------------------------------------------------------------------- */
/* Small things                                                             */
/* ----------------------------------------------------------------------- */

GtkWidget *
_amend_review_wrapped_label (const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style)
    gtk_widget_add_css_class (label, style);
  return label;
}

static char *
person_name (const char *person)
{
  g_autofree char *name = NULL;

  if (person && amend_parse_author (person, &name, NULL, NULL))
    return g_steal_pointer (&name);
  return g_strdup (person ? person : "");
}

char *
_amend_review_when_text (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (date);
  /* TRANSLATORS: date and time of a saved version, see strftime */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

void
_amend_review_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)))
    gtk_box_remove (GTK_BOX (box), child);
}

/* Which of the two reading jobs runs: a flag each, not a count, since a
 * job cancelled for a newer one of its kind (the window learned of a
 * change while it read) does not come back to say it ended: a count
 * stayed above nought, the spinner turned for good. */
static void
set_busy (AmendReviewPage *self,
          guint            job,
          gboolean         running)
{
  if (running)
    self->busy |= job;
  else
    self->busy &= ~job;
  if (self->busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

/* ----------------------------------------------------------------------- */
/* Comments                                                                 */
/* ----------------------------------------------------------------------- */

static GtkWidget *
comment_button (const char *label,
                const char *action,
                const char *id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* "Jan Jansen · 3 March 2027, 14:02" */
static GtkWidget *
byline (AmendComment *comment)
{
  g_autofree char *name = person_name (amend_comment_get_author (comment));
  g_autofree char *when = _amend_review_when_text (amend_comment_get_created (comment));
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> · %s", name, when);
  GtkWidget *label = _amend_review_wrapped_label (NULL, "caption");

  gtk_label_set_markup (GTK_LABEL (label), markup);
  return label;
}

/* What the comment is about, when it is not simply where it stands. */
static GtkWidget *
position_note (AmendComment *thread)
{
  const char *exact = amend_comment_get_exact (thread);
  const char *found = amend_comment_get_found_text (thread);
  g_autofree char *text = NULL;

  switch (amend_comment_get_state (thread))
    {
    case AMEND_ANCHOR_OUTDATED:
      {
        const char *old = amend_comment_get_old_text (thread);

        text = g_strdup_printf (_("Outdated: the text it was about is no longer there (“%s”)"),
                                exact ? exact : old ? old : "");
        break;
      }
    case AMEND_ANCHOR_FUZZY:
      text = g_strdup_printf (_("On “%s” (was “%s”)"), found ? found : "", exact ? exact : "");
      break;
    default:
      if (exact)
        text = g_strdup_printf (_("On “%s”"), exact);
      break;
    }
  if (text == NULL)
    return NULL;
  return _amend_review_wrapped_label (text, amend_comment_get_state (thread) == AMEND_ANCHOR_OUTDATED ? "warning" : "dim-label");
}

static GtkWidget *
thread_card (AmendComment *thread)
{
  GtkWidget *card = NULL;
  GtkWidget *outer = amend_card_new (&card);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GPtrArray *replies = amend_comment_get_replies (thread);
  GtkWidget *note = position_note (thread);
  const char *id = amend_comment_get_id (thread);
  gboolean resolved = amend_comment_is_resolved (thread);

  gtk_box_append (GTK_BOX (card), byline (thread));
  if (note)
    gtk_box_append (GTK_BOX (card), note);
  gtk_box_append (GTK_BOX (card), _amend_review_wrapped_label (amend_comment_get_text (thread), NULL));
  for (guint i = 0; replies && i < replies->len; i++)
    {
      AmendComment *reply = g_ptr_array_index (replies, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_set_margin_start (box, 18);
      gtk_box_append (GTK_BOX (box), byline (reply));
      gtk_box_append (GTK_BOX (box), _amend_review_wrapped_label (amend_comment_get_text (reply), NULL));
      gtk_box_append (GTK_BOX (card), box);
    }
  if (resolved)
    {
      g_autofree char *who = person_name (amend_comment_get_resolved_by (thread));
      g_autofree char *text = g_strdup_printf (_("Resolved by %s"), who);

      gtk_box_append (GTK_BOX (card), _amend_review_wrapped_label (text, "success"));
    }
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), comment_button (_("_Reply…"), "review.reply", id));
  gtk_box_append (GTK_BOX (buttons), resolved ? comment_button (_("Re_open"), "review.reopen", id)
                                              : comment_button (_("Re_solve"), "review.resolve", id));
  gtk_box_append (GTK_BOX (card), buttons);
  g_object_set_data_full (G_OBJECT (outer), "comment-text", g_strdup (amend_comment_get_text (thread)), g_free);
  return outer;
}

/* The thread is about @node or a part of it, in @regulation (NULL: the
 * project's only one; eIds repeat from one regulation to the next). */
static gboolean
thread_in (AmendComment    *thread,
           const AmendNode *node,
           const char      *regulation)
{
  const char *eid = amend_comment_get_position_eid (thread);
  const char *source = amend_comment_get_source (thread);
  gsize len;

  if (node == NULL || node->eid == NULL || eid == NULL || amend_comment_get_state (thread) == AMEND_ANCHOR_OUTDATED)
    return FALSE;
  if (regulation && source && g_strcmp0 (source, regulation) != 0)
    return FALSE;
  len = strlen (node->eid);
  return strncmp (eid, node->eid, len) == 0 && (eid[len] == '\0' || g_str_has_prefix (eid + len, "__"));
}

/* ----------------------------------------------------------------------- */
/* Changes                                                                  */
/* ----------------------------------------------------------------------- */

/* The regulation a comment on @part is about: named only in a project
 * of several, where the core asks which. */
static const char *
part_source (AmendReviewPage       *self,
             const AmendReviewPart *part)
{
  return part && self->review && self->review->several ? part->regulation : NULL;
}

static GtkWidget *
block_comments (AmendReviewPage         *self,
                const AmendReviewPart   *part,
                const AmendRenvooiBlock *block,
                GHashTable              *placed)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const AmendNode *node = block->new_node;
  const char *source = part_source (self, part);

  for (guint i = 0; self->comments && i < self->comments->threads->len; i++)
    {
      AmendComment *thread = g_ptr_array_index (self->comments->threads, i);

      if (g_hash_table_contains (placed, thread) || !thread_in (thread, node, source))
        continue;
      g_hash_table_add (placed, thread);
      gtk_box_append (GTK_BOX (column), thread_card (thread));
    }
  if (node && node->eid)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Comment…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.comment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", node->eid, node->number ? node->number : "",
                                        source ? source : "");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Comment on this article"));
      gtk_box_append (GTK_BOX (column), button);
    }
  return column;
}

static void
add_block (AmendReviewPage         *self,
           const AmendReviewPart   *part,
           const AmendRenvooiBlock *block,
           GHashTable              *placed)
{
  gboolean sides = gtk_toggle_button_get_active (self->sides_button);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  AmendRenvooiView *view = AMEND_RENVOOI_VIEW (amend_renvooi_view_new ());
  GtkWidget *aside;

  g_ptr_array_add (one, (gpointer) block);
  amend_renvooi_view_set_compact (view, TRUE);
  amend_renvooi_view_set_side_by_side (view, sides);
  amend_renvooi_view_set_blocks (view, one);
  /* Old and new take the width; the comments go under them. */
  if (sides)
    {
      aside = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_box_append (GTK_BOX (aside), GTK_WIDGET (view));
      gtk_box_append (GTK_BOX (aside), block_comments (self, part, block, placed));
    }
  else
    aside = amend_aside_box_new (GTK_WIDGET (view), block_comments (self, part, block, placed));
  gtk_box_append (GTK_BOX (self->blocks_box), aside);
  g_ptr_array_add (self->blocks, aside);
}

/* In a project of several regulations, which one the articles after it
 * are of: "Marktverordening Lindewaarde 2027 (markt.md)". */
static void
add_part_heading (AmendReviewPage       *self,
                  const AmendReviewPart *part)
{
  g_autofree char *text = g_strcmp0 (part->title, part->regulation) == 0
                          ? g_strdup (part->regulation)
                          : g_strdup_printf ("%s (%s)", part->title, part->regulation);

  gtk_box_append (GTK_BOX (self->blocks_box), _amend_review_wrapped_label (text, "title-4"));
}

static guint
count_blocks (AmendReview *review)
{
  guint n = 0;

  for (guint i = 0; review && i < review->parts->len; i++)
    n += ((AmendReviewPart *) g_ptr_array_index (review->parts, i))->blocks->len;
  return n;
}

/* The comment button with the focus, when it is beside the renvooi, by
 * its action: the buttons are made anew with the changes. */
static void
remember_focus (AmendReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GVariant *target;

  if (focus == NULL || !GTK_IS_ACTIONABLE (focus) || gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)) == NULL ||
      !(gtk_widget_is_ancestor (focus, self->blocks_box) || gtk_widget_is_ancestor (focus, self->other_box)))
    return;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));
  g_free (self->focus_action);
  g_clear_pointer (&self->focus_target, g_variant_unref);
  self->focus_action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)));
  self->focus_target = target ? g_variant_ref (target) : NULL;
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        {
          GVariant *own = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if ((own == NULL && target == NULL) || (own && target && g_variant_equal (own, target)))
            return child;
        }
      if ((found = find_actionable (child, action, target)))
        return found;
    }
  return NULL;
}

/* The focus back on that button, once it is there again; forgotten once
 * the page is read whole without it (the thread was removed). */
static void
restore_focus (AmendReviewPage *self)
{
  GtkWidget *button;

  if (self->focus_action == NULL)
    return;
  button = find_actionable (self->blocks_box, self->focus_action, self->focus_target);
  if (button == NULL)
    button = find_actionable (self->other_box, self->focus_action, self->focus_target);
  if (button)
    gtk_widget_grab_focus (button);
  if (button || self->busy == 0)
    {
      g_clear_pointer (&self->focus_action, g_free);
      g_clear_pointer (&self->focus_target, g_variant_unref);
    }
}

static void
rebuild_changes (AmendReviewPage *self)
{
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  guint others = 0;

  remember_focus (self);
  _amend_review_clear_box (self->blocks_box);
  _amend_review_clear_box (self->other_box);
  g_ptr_array_set_size (self->blocks, 0);
  if (self->review && count_blocks (self->review) == 0)
    gtk_box_append (GTK_BOX (self->blocks_box),
                    _amend_review_wrapped_label (_("No changes: the amendment reads the same as the version it started from."), "dim-label"));
  for (guint p = 0; self->review && p < self->review->parts->len; p++)
    {
      const AmendReviewPart *part = g_ptr_array_index (self->review->parts, p);

      if (self->review->several && part->blocks->len > 0)
        add_part_heading (self, part);
      for (guint b = 0; b < part->blocks->len; b++)
        add_block (self, part, g_ptr_array_index (part->blocks, b), placed);
    }
  for (guint i = 0; self->comments && i < self->comments->threads->len; i++)
    {
      AmendComment *thread = g_ptr_array_index (self->comments->threads, i);

      if (g_hash_table_contains (placed, thread))
        continue;
      gtk_box_append (GTK_BOX (self->other_box), thread_card (thread));
      others++;
    }
  gtk_widget_set_visible (self->other_label, others > 0);
  restore_focus (self);
}

static void
sides_toggled (GtkToggleButton *button,
               AmendReviewPage *self)
{
  rebuild_changes (self);
}

/* ----------------------------------------------------------------------- */
/* Reading                                                                  */
/* ----------------------------------------------------------------------- */

static void
review_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AmendReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AmendReview *review = amend_project_review_finish (AMEND_PROJECT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, BUSY_REVIEW, FALSE);
  g_clear_pointer (&self->review, amend_review_free);
  self->review = review;
  if (review == NULL)
    {
      gtk_label_set_text (self->changes_label, error->message);
      gtk_label_set_text (self->instructions_label, "");
    }
  else
    {
      const char *into = amend_project_target_title (self->project, self->amendment);
      g_autofree char *against = into ? g_strdup_printf (_("Against the version of “%s” it started from: deleted words are "
                                                           "struck through, new words underlined. Comments stand beside "
                                                           "the article they are about."), into)
                                      : g_strdup (_("Against the version of the draft it started from: deleted words are "
                                                    "struck through, new words underlined. Comments stand beside the "
                                                    "article they are about."));

      gtk_label_set_text (self->changes_label, against);
      gtk_label_set_text (self->instructions_label, review->instructions);
    }
  rebuild_changes (self);
  if (self->busy == 0)
    g_signal_emit (self, signals[LOADED], 0);
}

static void
comments_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmendReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AmendCommentList *list = amend_project_comments_finish (AMEND_PROJECT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, BUSY_COMMENTS, FALSE);
  g_clear_pointer (&self->comments, amend_comment_list_free);
  self->comments = list;
  if (list == NULL)
    g_warning ("Cannot read the comments: %s", error->message);
  rebuild_changes (self);
  if (self->busy == 0)
    g_signal_emit (self, signals[LOADED], 0);
}

static void
restart (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

/* The comments again, after one was added or resolved. */
void
amend_review_page_reload_comments (AmendReviewPage *self)
{
  g_autofree char *unsaved = NULL;

  if (self->amendment == NULL || self->project == NULL)
    return;
  /* On the branch the editor has, the comments are found in its text. */
  if (self->editor && g_strcmp0 (amend_project_get_branch (self->project), amend_amendment_get_branch (self->amendment)) == 0)
    unsaved = amend_editor_dup_text (self->editor);
  restart (&self->comments_cancel);
  set_busy (self, BUSY_COMMENTS, TRUE);
  amend_project_comments_async (self->project, amend_amendment_get_slug (self->amendment), unsaved,
                                self->comments_cancel, comments_done, g_object_ref (self));
}

static void
fill_header (AmendReviewPage *self)
{
  AmendAmendment *a = self->amendment;
  g_autofree char *status = amend_status_label (amend_amendment_get_status (a));
  g_autofree char *names = amend_paper_names (amend_amendment_get_submitters (a));
  g_autofree char *subtitle = *names ? g_strdup_printf ("%s · %s", status, names) : g_strdup (status);

  gtk_label_set_text (self->title_label, amend_amendment_get_title (a));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/**
 * amend_review_page_show:
 * @survey: (nullable): the survey @amendment comes from (its apply state
 *   and collisions); NULL before the survey is in
 * @amendment: (nullable): NULL: none is chosen
 */
void
amend_review_page_show (AmendReviewPage *self,
                        AmendProject    *project,
                        AmendSurvey     *survey,
                        AmendAmendment  *amendment)
{
  gboolean same = amendment && self->amendment &&
                  g_strcmp0 (amend_amendment_get_slug (amendment), amend_amendment_get_slug (self->amendment)) == 0 &&
                  g_strcmp0 (amend_amendment_get_commit (amendment), amend_amendment_get_commit (self->amendment)) == 0;

  g_return_if_fail (AMEND_IS_REVIEW_PAGE (self));

  /* Another amendment: its buttons are not those that had the focus. */
  if (amendment == NULL || self->amendment == NULL ||
      g_strcmp0 (amend_amendment_get_slug (amendment), amend_amendment_get_slug (self->amendment)) != 0)
    {
      g_clear_pointer (&self->focus_action, g_free);
      g_clear_pointer (&self->focus_target, g_variant_unref);
    }
  g_set_object (&self->project, project);
  g_set_object (&self->amendment, amendment);
  _amend_review_page_update_actions (self);
  if (amendment == NULL)
    {
      g_cancellable_cancel (self->review_cancel);
      g_cancellable_cancel (self->comments_cancel);
      self->busy = 0;
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  fill_header (self);
  _amend_review_page_fill_state (self, survey);
  _amend_review_page_fill_record (self);
  _amend_review_page_fill_collisions (self, survey);
  gtk_stack_set_visible_child_name (self->stack, "review");
  /* The same version of the same amendment: its text did not change. */
  if (same && self->review)
    {
      amend_review_page_reload_comments (self);
      return;
    }
  g_clear_pointer (&self->review, amend_review_free);
  g_clear_pointer (&self->comments, amend_comment_list_free);
  /* Busy before the changes go: the focus is given back once read. */
  restart (&self->review_cancel);
  set_busy (self, BUSY_REVIEW, TRUE);
  rebuild_changes (self);
  amend_project_review_async (project, amend_amendment_get_slug (amendment), self->review_cancel, review_done,
                              g_object_ref (self));
  amend_review_page_reload_comments (self);
}

/* ----------------------------------------------------------------------- */
/* Actions: each asks the window, with the amendment                        */
/* ----------------------------------------------------------------------- */

static const char *
slug_of (AmendReviewPage *self)
{
  return self->amendment ? amend_amendment_get_slug (self->amendment) : NULL;
}

static void
forward (GtkWidget  *widget,
         const char *name,
         GVariant   *param)
{
  AmendReviewPage *self = AMEND_REVIEW_PAGE (widget);
  g_autofree char *action = NULL;

  if (slug_of (self) == NULL)
    return;
  /* review.submit -> win.review-submit (the slug) */
  action = g_strconcat ("win.review-", name + strlen ("review."), NULL);
  gtk_widget_activate_action (widget, action, "s", slug_of (self));
}

/* The menu's two Update items (from the draft, from the amendment amended). */
static void
action_update_item (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  gtk_widget_activate_action (widget, "review.update", NULL);
}

static void
action_write (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  AmendReviewPage *self = AMEND_REVIEW_PAGE (widget);

  if (self->amendment)
    gtk_widget_activate_action (widget, "win.switch-branch", "s", amend_amendment_get_branch (self->amendment));
}

static void
action_comment (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  AmendReviewPage *self = AMEND_REVIEW_PAGE (widget);
  const char *eid = "";
  const char *number = "";
  const char *source = "";

  if (slug_of (self) == NULL)
    return;
  if (param)
    g_variant_get (param, "(&s&s&s)", &eid, &number, &source);
  /* On the whole amendment: in a project of several regulations, on the
   * first it changes. */
  else if (self->review && self->review->parts->len > 0)
    source = part_source (self, g_ptr_array_index (self->review->parts, 0));
  gtk_widget_activate_action (widget, "win.comment-add", "(ssss)", slug_of (self), source ? source : "", eid, number);
}

static AmendComment *
find_thread (AmendReviewPage *self,
             const char      *id)
{
  for (guint i = 0; self->comments && i < self->comments->threads->len; i++)
    {
      AmendComment *thread = g_ptr_array_index (self->comments->threads, i);

      if (g_strcmp0 (amend_comment_get_id (thread), id) == 0)
        return thread;
    }
  return NULL;
}

static void
action_thread (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AmendReviewPage *self = AMEND_REVIEW_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  AmendComment *thread = find_thread (self, id);
  g_autofree char *who = NULL;

  if (thread == NULL || slug_of (self) == NULL)
    return;
  if (g_str_equal (name, "review.reply"))
    {
      who = person_name (amend_comment_get_author (thread));
      gtk_widget_activate_action (widget, "win.comment-reply", "(sss)", slug_of (self), id, who);
    }
  else
    gtk_widget_activate_action (widget, g_str_equal (name, "review.resolve") ? "win.comment-resolve" : "win.comment-reopen",
                                "s", id);
}

static void
action_copy (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendReviewPage *self = AMEND_REVIEW_PAGE (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (self->review == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->review->instructions);
  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("The instructions are copied")));
}

/* ----------------------------------------------------------------------- */
/* Accessors                                                                */
/* ----------------------------------------------------------------------- */

void
amend_review_page_set_editor (AmendReviewPage *self,
                              AmendEditor     *editor)
{
  self->editor = editor;
}

const char *
amend_review_page_get_slug (AmendReviewPage *self)
{
  return slug_of (self);
}

gboolean
amend_review_page_is_busy (AmendReviewPage *self)
{
  return self->busy > 0;
}

void
amend_review_page_show_tab (AmendReviewPage *self,
                            const char      *name)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
}

/* The renvooi of every article, marked as amend_renvooi_view_dup_marked
 * marks it. */
char *
amend_review_page_dup_marked (AmendReviewPage *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GtkWidget *view = gtk_widget_get_first_child (g_ptr_array_index (self->blocks, i));
      g_autofree char *marked = amend_renvooi_view_dup_marked (AMEND_RENVOOI_VIEW (view));

      g_string_append (out, marked);
    }
  return g_string_free (out, FALSE);
}

const char *
amend_review_page_get_instructions (AmendReviewPage *self)
{
  return gtk_label_get_text (self->instructions_label);
}

AmendCommentList *
amend_review_page_get_comments (AmendReviewPage *self)
{
  return self->comments;
}

GtkWidget *
amend_review_page_get_button (AmendReviewPage *self,
                              const char      *name)
{
  if (g_str_equal (name, "submit"))
    return self->submit_button;
  if (g_str_equal (name, "vote"))
    return self->vote_button;
  if (g_str_equal (name, "update"))
    return self->update_button;
  if (g_str_equal (name, "more"))
    return self->more_button;
  if (g_str_equal (name, "comment-all"))
    return self->comment_all_button;
  if (g_str_equal (name, "sides"))
    return GTK_WIDGET (self->sides_button);
  return NULL;
}

/* The keyboard focus on the first action that can be taken (Submit, Vote,
 * Update, the menu), as a Tab from the list of amendments gives it. */
gboolean
amend_review_page_focus (AmendReviewPage *self)
{
  GtkWidget *buttons[] = { self->submit_button, self->vote_button, self->update_button, self->more_button };

  g_return_val_if_fail (AMEND_IS_REVIEW_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_is_visible (buttons[i]) && gtk_widget_is_sensitive (buttons[i]))
      return gtk_widget_grab_focus (buttons[i]);
  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* The article's box: its renvooi and, beside or under it, its comments. */
GtkWidget *
amend_review_page_get_block (AmendReviewPage *self,
                             guint            index)
{
  return index < self->blocks->len ? g_ptr_array_index (self->blocks, index) : NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_card (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *own = g_object_get_data (G_OBJECT (child), "comment-text");
      GtkWidget *found;

      if (own && strstr (own, text))
        return child;
      if ((found = find_card (child, text)))
        return found;
    }
  return NULL;
}

/* The button (@action: "review.reply", "review.resolve", "review.reopen",
 * "review.comment") of the thread whose text holds @text; for
 * "review.comment", @text is ignored and the first article's is given. */
GtkWidget *
amend_review_page_find_comment_button (AmendReviewPage *self,
                                       const char      *text,
                                       const char      *action)
{
  GtkWidget *card;

  if (g_str_equal (action, "review.comment"))
    return find_action_button (self->blocks_box, action);
  card = find_card (GTK_WIDGET (self), text);
  return card ? find_action_button (card, action) : NULL;
}

/* ----------------------------------------------------------------------- */

static void
amend_review_page_dispose (GObject *object)
{
  AmendReviewPage *self = (AmendReviewPage *) object;

  g_cancellable_cancel (self->review_cancel);
  g_cancellable_cancel (self->comments_cancel);
  g_clear_object (&self->review_cancel);
  g_clear_object (&self->comments_cancel);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_REVIEW_PAGE);
  amend_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->project);
  g_clear_object (&self->amendment);
  g_clear_pointer (&self->review, amend_review_free);
  g_clear_pointer (&self->comments, amend_comment_list_free);
  g_clear_pointer (&self->focus_action, g_free);
  g_clear_pointer (&self->focus_target, g_variant_unref);
  G_OBJECT_CLASS (amend_review_page_parent_class)->dispose (object);
}

static void
amend_review_page_class_init (AmendReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const forwarded[] = { "review.submit", "review.withdraw", "review.vote", "review.update",
                                            "review.propose-sub", "review.edit", "review.paper", "review.hand-in" };

  object_class->dispose = amend_review_page_dispose;
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (forwarded); i++)
    gtk_widget_class_install_action (widget_class, forwarded[i], NULL, forward);
  gtk_widget_class_install_action (widget_class, "review.write", NULL, action_write);
  gtk_widget_class_install_action (widget_class, "review.update-from-draft", NULL, action_update_item);
  gtk_widget_class_install_action (widget_class, "review.update-from-amended", NULL, action_update_item);
  gtk_widget_class_install_action (widget_class, "review.comment", "(sss)", action_comment);
  gtk_widget_class_install_action (widget_class, "review.comment-all", NULL, action_comment);
  gtk_widget_class_install_action (widget_class, "review.reply", "s", action_thread);
  gtk_widget_class_install_action (widget_class, "review.resolve", "s", action_thread);
  gtk_widget_class_install_action (widget_class, "review.reopen", "s", action_thread);
  gtk_widget_class_install_action (widget_class, "review.copy", NULL, action_copy);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, vote_button);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, update_button);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, tabs);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, tabs_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, changes_label);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, sides_button);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, blocks_box);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, other_label);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, other_box);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, comment_all_button);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, AmendReviewPage, collisions_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tab_toggled (GtkToggleButton *button,
             AmendReviewPage *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->detail_stack, g_object_get_data (G_OBJECT (button), "page"));
}

static void
page_changed (GtkStack        *stack,
              GParamSpec      *pspec,
              AmendReviewPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  guint i = 0;

  for (GtkWidget *b = gtk_widget_get_first_child (self->tabs); b; b = gtk_widget_get_next_sibling (b), i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (b), "page"), name) == 0)
      {
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);
        if (gtk_drop_down_get_selected (self->tabs_dropdown) != i)
          gtk_drop_down_set_selected (self->tabs_dropdown, i);
      }
}

/* On a phone the same choice from a drop-down. */
static void
dropdown_changed (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  AmendReviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint i = 0;

  for (GtkWidget *b = gtk_widget_get_first_child (self->tabs); b; b = gtk_widget_get_next_sibling (b), i++)
    if (i == selected)
      gtk_stack_set_visible_child_name (self->detail_stack, g_object_get_data (G_OBJECT (b), "page"));
}

static void
build_tabs (AmendReviewPage *self)
{
  GtkToggleButton *first = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_stack)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (self->detail_stack, child);
      GtkWidget *button = gtk_toggle_button_new_with_label (gtk_stack_page_get_title (page));

      g_object_set_data_full (G_OBJECT (button), "page", g_strdup (gtk_stack_page_get_name (page)), g_free);
      if (first)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (tab_toggled), self);
      gtk_box_append (GTK_BOX (self->tabs), button);
      gtk_string_list_append (titles, gtk_stack_page_get_title (page));
    }
  gtk_toggle_button_set_active (first, TRUE);
  gtk_drop_down_set_model (self->tabs_dropdown, G_LIST_MODEL (titles));
  g_signal_connect (self->tabs_dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self);
  g_signal_connect (self->detail_stack, "notify::visible-child-name", G_CALLBACK (page_changed), self);
}

static void
amend_review_page_init (AmendReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_tabs (self);
  self->blocks = g_ptr_array_new ();
  g_signal_connect (self->sides_button, "toggled", G_CALLBACK (sides_toggled), self);
  gtk_stack_set_visible_child_name (self->stack, "none");
  _amend_review_page_update_actions (self);
}
