/* amend-review-page-record.c: the review page's record, state, collisions and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is known of an amendment without reading its text: its record,
 * whether it still applies to what it would be adopted into (the draft,
 * or for a subamendment the amendment it amends), the amendments it
 * collides with, and which of the page's actions it allows.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-gui-util.h"
#include "amend-outline-panel.h"
#include "amend-paper.h"
#include "amend-review-page-private.h"

/* ----------------------------------------------------------------------- */
/* Record, state, collisions                                                */
/* ----------------------------------------------------------------------- */

static void
add_record_row (AmendReviewPage *self,
                const char      *title,
                const char      *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (self->record_list, row);
}

void
_amend_review_page_fill_record (AmendReviewPage *self)
{
  AmendAmendment *a = self->amendment;
  const char * const *people = amend_amendment_get_submitters (a);
  g_autofree char *submitters = people ? g_strjoinv ("\n", (char **) people) : NULL;
  g_autofree char *status = amend_status_label (amend_amendment_get_status (a));
  g_autoptr(AmendVote) vote = amend_amendment_dup_vote (a);
  g_autofree char *result = amend_paper_describe_vote (vote, amend_amendment_get_status (a));
  g_autofree char *created = _amend_review_when_text (amend_amendment_get_created (a));
  g_autofree char *changed = _amend_review_when_text (amend_amendment_get_last_change (a));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->record_list))))
    gtk_list_box_remove (self->record_list, child);
  add_record_row (self, _("Title"), amend_amendment_get_title (a));
  add_record_row (self, _("Submitters"), submitters);
  add_record_row (self, _("Status"), status);
  add_record_row (self, _("Vote"), result);
  add_record_row (self, _("Motivation"), amend_amendment_get_motivation (a));
  if (amend_amendment_get_amends (a))
    add_record_row (self, _("Amends the amendment"), amend_project_target_title (self->project, a));
  add_record_row (self, _("Proposed"), created);
  add_record_row (self, _("Last change"), changed);
}

/* Adopting it is refused for files in .amend not its own.  When it also
 * lapsed, that comes first: the council does not vote on it at all. */
static char *
refused_sentence (const char * const *ids,
                  guint               n,
                  const char         *lapsed_by)
{
  if (lapsed_by)
    return g_strdup_printf (ngettext ("Lapsed: “%s” was adopted and changed the same words, so this amendment no "
                                      "longer applies to the draft. Reject or withdraw it. It also changes %s, "
                                      "which belongs to the draft or to another amendment: put it back on the "
                                      "amendment's branch with git before it is updated or adopted.",
                                      "Lapsed: “%s” was adopted and changed the same words, so this amendment no "
                                      "longer applies to the draft. Reject or withdraw it. It also changes %s and "
                                      "%u more files that belong to the draft or to other amendments: put them "
                                      "back on the amendment's branch with git before it is updated or adopted.",
                                      n), lapsed_by, ids[0], n - 1);
  return g_strdup_printf (ngettext ("Cannot be adopted: it changes %s, which belongs to the draft or to another "
                                    "amendment. Put it back on the amendment's branch with git; amend adopt "
                                    "in a terminal says how.",
                                    "Cannot be adopted: it changes %s and %u more files that belong to the draft "
                                    "or to other amendments. Put them back on the amendment's branch with git; "
                                    "amend adopt in a terminal says how.", n), ids[0], n - 1);
}

/* Whether it still applies to what it would be adopted into. */
void
_amend_review_page_fill_state (AmendReviewPage *self,
                               AmendSurvey     *survey)
{
  AmendAmendment *a = self->amendment;
  const char * const *ids = amend_amendment_get_apply_conflicts (a);
  g_autofree char *text = NULL;
  const char *icon = NULL;

  /* A subamendment is adopted into the amendment it amends. */
  const char *into = amend_project_target_title (self->project, a);
  guint n = ids ? g_strv_length ((char **) ids) : 0;
  const char *lapsed_by = amend_survey_lapsed_by (survey, amend_amendment_get_slug (a));

  switch (amend_amendment_get_apply_state (a))
    {
    case AMEND_APPLY_CLEAN:
      text = into ? g_strdup_printf (_("Can be adopted into “%s” without a conflict."), into)
                  : g_strdup (_("Can be adopted into the draft without a conflict."));
      icon = "emblem-ok-symbolic";
      break;
    case AMEND_APPLY_CONFLICTS:
      if (lapsed_by)
        text = g_strdup_printf (_("Lapsed: “%s” was adopted and changed the same words, so this amendment no longer "
                                  "applies to the draft. Reject or withdraw it; or update it from the draft and "
                                  "resolve the conflict, if the council is to vote on it after all."), lapsed_by);
      else if (into)
        text = g_strdup_printf (ngettext ("Conflicts with “%s” as it is now, in %u place: update it from that "
                                          "amendment first, or resolve the conflict when adopting.",
                                          "Conflicts with “%s” as it is now, in %u places: update it from that "
                                          "amendment first, or resolve the conflicts when adopting.", n), into, n);
      else
        text = g_strdup_printf (ngettext ("Conflicts with the draft as it is now, in %u place: update it from the draft "
                                          "first, or resolve the conflict when adopting.",
                                          "Conflicts with the draft as it is now, in %u places: update it from the draft "
                                          "first, or resolve the conflicts when adopting.", n), n);
      icon = "dialog-warning-symbolic";
      break;
    case AMEND_APPLY_CONTAINED:
      text = into ? g_strdup_printf (_("Its changes are already in “%s”."), into)
                  : g_strdup (_("Its changes are already in the draft."));
      icon = "emblem-ok-symbolic";
      break;
    case AMEND_APPLY_REFUSED:
      text = refused_sentence (ids, n, lapsed_by);
      icon = "dialog-warning-symbolic";
      break;
    case AMEND_APPLY_UNKNOWN:
    default:
      break;
    }
  if (amend_survey_lapsed_with (survey, amend_amendment_get_slug (a)))
    {
      g_free (text);
      /* The amendment it amends lapsed, or was decided or withdrawn. */
      text = g_strdup_printf (_("Lapsed with “%s”, which it amends: the council no longer votes on it. Reject or "
                                "withdraw it."),
                              amend_survey_lapsed_with (survey, amend_amendment_get_slug (a)));
      icon = "dialog-warning-symbolic";
    }
  gtk_label_set_text (self->state_label, text ? text : "");
  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), icon != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->state_label)), text != NULL);
}

static const char *
other_title (AmendCollision *c,
             const char     *slug)
{
  return amend_amendment_get_title (g_strcmp0 (amend_amendment_get_slug (c->a), slug) == 0 ? c->b : c->a);
}

/* "If this one is adopted first, “Vier weken” lapses (it conflicts in
 * 2 places)." and the other way round. */
static char *
order_sentence (gboolean    clean,
                GStrv       conflicts,
                const char *first,
                const char *second)
{
  guint n = conflicts ? g_strv_length (conflicts) : 0;

  if (clean)
    return g_strdup_printf (_("If %s is adopted first, %s can still be adopted."), first, second);
  return g_strdup_printf (ngettext ("If %s is adopted first, %s lapses: it conflicts in %u place.",
                                    "If %s is adopted first, %s lapses: it conflicts in %u places.", n),
                          first, second, n);
}

static GtkWidget *
collision_card (AmendCollision *c,
                const char     *slug)
{
  GtkWidget *card = NULL;
  GtkWidget *outer = amend_card_new (&card);
  gboolean mine_is_a = g_strcmp0 (amend_amendment_get_slug (c->a), slug) == 0;
  g_autofree char *other = g_strdup_printf ("“%s”", other_title (c, slug));
  g_autofree char *heading = g_strdup_printf (_("With %s"), other);
  g_autofree char *articles = c->articles ? g_strjoinv (", ", c->articles) : g_strdup ("");
  g_autofree char *where = g_strdup_printf (_("Both change article %s."), articles);
  g_autofree char *mine_first = order_sentence (mine_is_a ? c->a_then_b : c->b_then_a,
                                                mine_is_a ? c->a_then_b_conflicts : c->b_then_a_conflicts,
                                                _("this amendment"), other);
  g_autofree char *other_first = order_sentence (mine_is_a ? c->b_then_a : c->a_then_b,
                                                 mine_is_a ? c->b_then_a_conflicts : c->a_then_b_conflicts,
                                                 other, _("this amendment"));

  gtk_box_append (GTK_BOX (card), _amend_review_wrapped_label (heading, "heading"));
  gtk_box_append (GTK_BOX (card), _amend_review_wrapped_label (where, NULL));
  gtk_box_append (GTK_BOX (card), _amend_review_wrapped_label (mine_first, NULL));
  gtk_box_append (GTK_BOX (card), _amend_review_wrapped_label (other_first, NULL));
  return outer;
}

void
_amend_review_page_fill_collisions (AmendReviewPage *self,
                 AmendSurvey     *survey)
{
  const char *slug = amend_amendment_get_slug (self->amendment);
  g_autoptr(GPtrArray) mine = survey ? amend_survey_collisions_of (survey, slug) : g_ptr_array_new ();

  _amend_review_clear_box (self->collisions_box);
  for (guint i = 0; i < mine->len; i++)
    gtk_box_append (GTK_BOX (self->collisions_box), collision_card (g_ptr_array_index (mine, i), slug));
  if (mine->len == 0)
    gtk_box_append (GTK_BOX (self->collisions_box),
                    _amend_review_wrapped_label (survey ? _("No other open amendment changes the same articles.")
                                          : _("Not looked at yet."), "dim-label"));
}

/* Update brings in what the amendment would be adopted into: the draft,
 * or for a subamendment the amendment it amends — the button's tooltip
 * says which, and of the menu's two items the one that is enabled (the
 * other is hidden; the menu itself is not rebuilt under an open popover). */
static void
name_update (AmendReviewPage *self,
             gboolean         open)
{
  const char *into = self->amendment && self->project ? amend_project_target_title (self->project, self->amendment) : NULL;
  g_autofree char *tip = into ? g_strdup_printf (_("Bring the amendment up to date with “%s”"), into)
                              : g_strdup (_("Bring the amendment up to date with the draft"));

  /* Set only when it changes: setting a tooltip queries it again, also
   * under the pointer. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->update_button), tip) != 0)
    gtk_widget_set_tooltip_text (self->update_button, tip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.update-from-draft", open && into == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.update-from-amended", open && into != NULL);
}

void
_amend_review_page_update_actions (AmendReviewPage *self)
{
  AmendStatus status = self->amendment ? amend_amendment_get_status (self->amendment) : AMEND_STATUS_ADOPTED;
  gboolean open = self->amendment && (status == AMEND_STATUS_CONCEPT || status == AMEND_STATUS_SUBMITTED);
  gboolean current = self->amendment && self->project &&
                     g_strcmp0 (amend_project_get_branch (self->project), amend_amendment_get_branch (self->amendment)) == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.submit", status == AMEND_STATUS_CONCEPT && self->amendment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.vote", status == AMEND_STATUS_SUBMITTED && self->amendment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.withdraw", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.update", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.propose-sub", open);
  /* Once submitted, the council has the record as it was. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.edit", status == AMEND_STATUS_CONCEPT && self->amendment);
  /* A decided or withdrawn amendment is not written in any more: a
   * version saved on the branch of an adopted one never reaches the
   * draft, and would change what the council decided on. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.write", open && !current);
  /* Its comments close with the decision, as amend comment add says: the
   * button is not offered for what would be refused. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.comment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.comment-all", open);
  gtk_widget_set_visible (self->submit_button, status == AMEND_STATUS_CONCEPT);
  gtk_widget_set_visible (self->vote_button, status == AMEND_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->update_button, open);
  name_update (self, open);
}
