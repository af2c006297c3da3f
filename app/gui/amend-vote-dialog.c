/* amend-vote-dialog.c: how the council decided on an amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The votes for and against (when they were counted), the date and the
 * meeting, as amend vote takes them; then Adopt or Reject.  With counted
 * votes only the button the votes lead to can be pressed, and a sentence
 * says what they decide: a majority for adopts, a tie or less rejects, as
 * amend vote decides; none before any vote is entered.  Without, both
 * can: a decision by acclamation, as amend adopt and amend reject.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-decision.h"
#include "amend-vote-dialog.h"

struct _AmendVoteDialog
{
  AdwMessageDialog  parent_instance;

  GtkSwitch        *counted_switch;
  GtkWidget        *counted_row;
  GtkWidget        *for_row;
  GtkWidget        *against_row;
  GtkSpinButton    *for_spin;
  GtkSpinButton    *against_spin;
  AdwEntryRow      *date_row;
  AdwEntryRow      *meeting_row;
  GtkLabel         *outcome_label;
};

G_DEFINE_FINAL_TYPE (AmendVoteDialog, amend_vote_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
date_ok (AmendVoteDialog *self)
{
  g_autofree char *date = NULL;

  return amend_vote_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date, NULL);
}

/* The number in the field as typed, also before the field was left (a
 * spin button takes it only then): the buttons follow the typing. */
static int
votes (GtkSpinButton *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (text, 10, 0, 999, &n, NULL))
    return (int) n;
  return gtk_spin_button_get_value_as_int (spin);
}

/* What the counted votes decide, said before the button is pressed: with
 * counted votes the votes decide, whichever button it is. */
static const char *
outcome (int votes_for,
         int votes_against)
{
  if (votes_for == 0 && votes_against == 0)
    return _("Enter the votes for and against.");
  if (votes_for > votes_against)
    return _("More votes for than against: the amendment is adopted.");
  if (votes_for == votes_against)
    return _("The votes are tied: the amendment is rejected.");
  return _("More votes against than for: the amendment is rejected.");
}

static void
update (AmendVoteDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  gboolean counted = gtk_switch_get_active (self->counted_switch);
  int votes_for = votes (self->for_spin), votes_against = votes (self->against_spin);
  gboolean cast = votes_for + votes_against > 0;
  gboolean ok = date_ok (self);

  gtk_widget_set_sensitive (self->for_row, counted);
  gtk_widget_set_sensitive (self->against_row, counted);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), counted);
  gtk_label_set_text (self->outcome_label, outcome (votes_for, votes_against));
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  adw_message_dialog_set_response_enabled (dialog, "adopt", ok && (!counted || votes_for > votes_against));
  adw_message_dialog_set_response_enabled (dialog, "reject", ok && (!counted || (cast && votes_for <= votes_against)));
}

static GtkWidget *
spin_row (AmendVoteDialog *self,
          const char      *title,
          GtkSpinButton  **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 999, 1));
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (*spin, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  g_signal_connect_swapped (*spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (*spin, "changed", G_CALLBACK (update), self);
  return row;
}

static GtkWidget *
build (AmendVoteDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->counted_row = adw_action_row_new ();
  self->counted_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->counted_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (self->counted_switch, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->counted_row), _("The _Votes Were Counted"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->counted_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->counted_row), _("Off: decided without a counted vote"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->counted_row), GTK_WIDGET (self->counted_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->counted_row), GTK_WIDGET (self->counted_switch));
  g_signal_connect_swapped (self->counted_switch, "notify::active", G_CALLBACK (update), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->counted_row);
  self->for_row = spin_row (self, _("Votes _For"), &self->for_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->for_row);
  self->against_row = spin_row (self, _("Votes A_gainst"), &self->against_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->against_row);
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date of the Decision (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (update), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));
  self->meeting_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->meeting_row), _("Meeting (optional)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->meeting_row));
  self->outcome_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->outcome_label, TRUE);
  gtk_label_set_xalign (self->outcome_label, 0);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->outcome_label));
  return box;
}

static void
amend_vote_dialog_class_init (AmendVoteDialogClass *klass)
{
}

static void
amend_vote_dialog_init (AmendVoteDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_extra_child (dialog, build (self));
  /* Each underlined letter once in the dialog (the tests check it): a
   * letter two labels share only moves between them. */
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reject", _("_Reject"), "adopt", _("_Adopt"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "adopt", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  update (self);
}

AmendVoteDialog *
amend_vote_dialog_new (GtkWindow  *parent,
                       const char *title,
                       const char *into)
{
  AmendVoteDialog *self = g_object_new (AMEND_TYPE_VOTE_DIALOG, "transient-for", parent, "modal", TRUE,
                                        "heading", _("The Council’s Decision"), NULL);
  g_autofree char *body = NULL;

  if (into)
    body = g_strdup_printf (_("How did the council decide on “%s”? Adopting it merges its changes into the amendment "
                              "“%s”; rejecting it keeps it as it is, with the decision in its record."), title, into);
  else
    body = g_strdup_printf (_("How did the council decide on “%s”? Adopting it merges its changes into "
                              "the draft; rejecting it keeps it as it is, with the decision in its record."), title);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return self;
}

gboolean
amend_vote_dialog_is_counted (AmendVoteDialog *self)
{
  return gtk_switch_get_active (self->counted_switch);
}

/* Fills @vote (its strings are new; free them): date, meeting and, when
 * counted, the votes; result is left to the caller. */
void
amend_vote_dialog_get_vote (AmendVoteDialog *self,
                            AmendVote       *vote)
{
  const char *meeting = gtk_editable_get_text (GTK_EDITABLE (self->meeting_row));

  /* What was typed counts, also before the field was left. */
  gtk_spin_button_update (self->for_spin);
  gtk_spin_button_update (self->against_spin);
  memset (vote, 0, sizeof *vote);
  amend_vote_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &vote->date, NULL);
  vote->meeting = *meeting ? g_strstrip (g_strdup (meeting)) : NULL;
  vote->votes_for = amend_vote_dialog_is_counted (self) ? gtk_spin_button_get_value_as_int (self->for_spin) : -1;
  vote->votes_against = amend_vote_dialog_is_counted (self) ? gtk_spin_button_get_value_as_int (self->against_spin) : -1;
}

/* "counted" (the switch), "for", "against" (spin buttons), "date",
 * "meeting" (entry rows), "outcome" (the sentence). */
GtkWidget *
amend_vote_dialog_get_row (AmendVoteDialog *self,
                           const char      *name)
{
  if (g_str_equal (name, "counted"))
    return GTK_WIDGET (self->counted_switch);
  if (g_str_equal (name, "for"))
    return GTK_WIDGET (self->for_spin);
  if (g_str_equal (name, "against"))
    return GTK_WIDGET (self->against_spin);
  if (g_str_equal (name, "date"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (name, "meeting"))
    return GTK_WIDGET (self->meeting_row);
  if (g_str_equal (name, "outcome"))
    return GTK_WIDGET (self->outcome_label);
  return NULL;
}
