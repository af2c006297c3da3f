/* test-gui-review.c: reviewing and deciding on amendments in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb, with real clicks and keys (xdotool, through the X server)
 * on the widgets a person would use: the Amendments view and its review
 * page (submit, vote, adopt; comments added, answered and resolved), the
 * conflicts page (a side chosen, a text written, Continue and Abort), and
 * what it all did checked with the git program (git log --merges, the
 * records, git fsck --strict) and with `amend comment list`.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "amend-comment-dialog.h"
#include "amend-example.h"
#include "amend-gui-test.h"
#include "amend-paper-dialog.h"
#include "amend-test-git.h"
#include "amend-vote-dialog.h"

#define SLUG     AMEND_EXAMPLE_AMENDMENT_SLUG
#define BRANCH   "amendement/" AMEND_EXAMPLE_AMENDMENT_SLUG
#define FILE_NAME "apv-lindewaarde.md"

/* ----------------------------------------------------------------------- */
/* Helpers                                                                  */
/* ----------------------------------------------------------------------- */

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)))
        return found;
    }
  return NULL;
}

/* The text of the first mapped label under @widget that starts with @prefix. */
static const char *
find_label_text (GtkWidget  *widget,
                 const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((found = find_label_text (child, prefix)))
        return found;
    }
  return NULL;
}

/* A person scrolls to a button before clicking it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  GtkAdjustment *adj;
  graphene_point_t at;

  if (content == NULL || !gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &at))
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adj, at.y - gtk_adjustment_get_page_size (adj) / 2);
  amend_gui_spin (200);
}

/* A click where xdotool is there, else the button's own signal. */
static void
press (GtkWidget *button)
{
  g_assert_nonnull (button);
  if (!gtk_widget_is_sensitive (button))
    g_error ("the button “%s” (%s) cannot be pressed", GTK_IS_BUTTON (button) ? gtk_button_get_label (GTK_BUTTON (button)) : "",
             gtk_actionable_get_action_name (GTK_IS_ACTIONABLE (button) ? GTK_ACTIONABLE (button) : NULL));
  scroll_to (button);
  if (amend_gui_have_xdotool ())
    amend_gui_click (button);
  else
    g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (amend_gui_have_xdotool ())
    {
      /* Spin buttons and entry rows give the focus to their text. */
      gtk_widget_grab_focus (widget);
      amend_gui_keys (widget, "ctrl+a");
      amend_gui_type_keys (widget, text);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static AmendReviewPage *
review_page (AmendGuiFixture *f)
{
  return amend_amendments_page_get_review (amend_window_get_amendments_page (f->window));
}

static gboolean
settled (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  return !amend_window_is_busy (f->window) && amend_amendments_page_get_survey (page) != NULL &&
         !amend_amendments_page_is_busy (page);
}

/* Until the window, the survey and the review page are done. */
static void
wait_settled (AmendGuiFixture *f)
{
  amend_gui_spin (300);
  if (!amend_gui_wait (settled, f, 90))
    g_error ("the Amendments view did not settle (last error: %s)",
             amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none");
  amend_gui_wait_idle (f);
}

static gboolean
review_shows (AmendGuiFixture *f,
              const char      *slug)
{
  return g_strcmp0 (amend_review_page_get_slug (review_page (f)), slug) == 0;
}

/* A click on the row of @slug, until its review page shows.  The list is
 * filled anew when the window learns of a change made elsewhere (a branch
 * moved by the amend program): a row taken away before the click came is
 * looked up again, held while it is clicked. */
static void
press_row (AmendGuiFixture *f,
           const char      *slug)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  for (guint attempt = 0; attempt < 5 && !review_shows (f, slug); attempt++)
    {
      g_autoptr(GtkWidget) row = NULL;

      wait_settled (f);
      row = amend_amendments_page_get_row (page, slug);
      g_assert_nonnull (row);
      g_object_ref (row);
      press (row);
      wait_settled (f);
    }
  g_assert_cmpstr (amend_review_page_get_slug (review_page (f)), ==, slug);
}

/* The Amendments view with the example's amendment chosen by a click on
 * its row. */
static void
open_review (AmendGuiFixture *f)
{
  amend_window_show_page (f->window, "amendments");
  wait_settled (f);
  press_row (f, SLUG);
  g_assert_nonnull (amend_review_page_get_comments (review_page (f)));
}

static AdwMessageDialog *
wait_dialog (AmendGuiFixture *f,
             GType            type)
{
  GtkWindow *dialog;

  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, type));
  amend_gui_spin (300);
  return ADW_MESSAGE_DIALOG (dialog);
}

static gboolean
dialog_gone (gpointer data)
{
  AmendGuiFixture *f = data;

  return amend_window_get_dialog (f->window) == NULL;
}

/* Clicks the dialog's button for @label, as a person would. */
static void
respond (AmendGuiFixture  *f,
         AdwMessageDialog *dialog,
         const char       *label)
{
  press (find_button (GTK_WIDGET (dialog), label));
  g_assert_true (amend_gui_wait (dialog_gone, f, 20));
}

/* "The votes were counted" switched off by a click on its row.  A row is
 * no button that says it was clicked: a click that went where the dialog
 * was still settling its layout is made again, as amend_gui_click does
 * for buttons. */
static void
uncount (AmendVoteDialog *dialog)
{
  for (guint attempt = 0; attempt < 3 && amend_vote_dialog_is_counted (dialog); attempt++)
    {
      if (attempt > 0)
        g_test_message ("the click on the row of the counted votes was not received; clicking again");
      press (amend_vote_dialog_get_row (dialog, "counted"));
      amend_gui_spin (200);
    }
}

/* Submit, clicked on the review page of @slug. */
static void
submit_by_click_of (AmendGuiFixture *f,
                    const char      *slug)
{
  g_autofree char *record = g_strdup_printf ("amendement/%s:.amend/amendementen/%s/amendement.ini", slug, slug);

  press (amend_review_page_get_button (review_page (f), "submit"));
  wait_settled (f);
  g_assert_nonnull (strstr (amend_test_git_ok (f->dir, "show", record, NULL), "status=ingediend"));
}

static void
submit_by_click (AmendGuiFixture *f)
{
  submit_by_click_of (f, SLUG);
}

static char *
record_of (AmendGuiFixture *f,
           const char      *rev)
{
  g_autofree char *spec = g_strdup_printf ("%s:.amend/amendementen/" SLUG "/amendement.ini", rev);

  return amend_test_git_ok (f->dir, "show", spec, NULL);
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("\"%s\" is not in:\n%s", needle, haystack ? haystack : "(null)");
}

/* ----------------------------------------------------------------------- */
/* Review, vote, adopt                                                      */
/* ----------------------------------------------------------------------- */

static void
test_vote_adopt (AmendGuiFixture *f,
                 gconstpointer    data)
{
  AmendVoteDialog *dialog;
  g_autofree char *merges = NULL;
  g_autofree char *record = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *text = NULL;

  open_review (f);
  /* The renvooi against the version it branched from, and the
   * instructions: what the council reads. */
  marked = amend_review_page_dup_marked (review_page (f));
  assert_has (marked, "binnen [-acht-] {+zes+} weken");
  assert_has (amend_review_page_get_instructions (review_page (f)), "wordt \"acht\" vervangen door \"zes\"");
  /* A concept cannot be voted on: only Submit is offered. */
  g_assert_false (gtk_widget_get_visible (amend_review_page_get_button (review_page (f), "vote")));
  submit_by_click (f);
  g_assert_true (gtk_widget_get_visible (amend_review_page_get_button (review_page (f), "vote")));

  press (amend_review_page_get_button (review_page (f), "vote"));
  dialog = AMEND_VOTE_DIALOG (wait_dialog (f, AMEND_TYPE_VOTE_DIALOG));
  type_into (amend_vote_dialog_get_row (dialog, "for"), "15");
  type_into (amend_vote_dialog_get_row (dialog, "against"), "12");
  type_into (amend_vote_dialog_get_row (dialog, "date"), "2027-03-14");
  type_into (amend_vote_dialog_get_row (dialog, "meeting"), "Raadsvergadering 14 maart 2027");
  amend_gui_spin (200);
  /* 15 for, 12 against: Adopt, not Reject. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject"));
  respond (f, ADW_MESSAGE_DIALOG (dialog), "_Adopt");
  wait_settled (f);

  /* A real merge commit on main, named after the amendment and the vote. */
  merges = amend_test_git_ok (f->dir, "log", "--merges", "--format=%s%n%b", "main", NULL);
  assert_has (merges, "Merge adopted amendment " SLUG " into main: Kortere beslistermijn");
  assert_has (merges, "15 for, 12 against");
  record = record_of (f, "main");
  assert_has (record, "status=aangenomen");
  assert_has (record, "for=15");
  assert_has (record, "against=12");
  assert_has (record, "meeting=Raadsvergadering 14 maart 2027");
  assert_has (record, "date=2027-03-14");
  /* The editor, on the draft, shows the adopted text; nothing unsaved. */
  text = amend_gui_text (f);
  assert_has (text, "binnen zes weken na de datum van ontvangst");
  g_assert_false (amend_window_has_unsaved (f->window));
  /* The review page says so, and offers no vote any more. */
  g_assert_false (gtk_widget_get_visible (amend_review_page_get_button (review_page (f), "vote")));
  amend_test_fsck (f->dir);
}

/* Without counted votes: Reject by acclamation; the branch stays. */
static void
test_reject (AmendGuiFixture *f,
             gconstpointer    data)
{
  AmendVoteDialog *dialog;
  g_autofree char *record = NULL;
  g_autofree char *merges = NULL;

  open_review (f);
  submit_by_click (f);
  press (amend_review_page_get_button (review_page (f), "vote"));
  dialog = AMEND_VOTE_DIALOG (wait_dialog (f, AMEND_TYPE_VOTE_DIALOG));
  uncount (dialog);
  g_assert_false (amend_vote_dialog_is_counted (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "adopt"));
  respond (f, ADW_MESSAGE_DIALOG (dialog), "_Reject");
  wait_settled (f);
  record = record_of (f, BRANCH);
  assert_has (record, "status=verworpen");
  assert_has (record, "result=verworpen");
  g_assert_null (strstr (record, "for="));
  merges = amend_test_git_ok (f->dir, "log", "--merges", "--format=%s", "main", NULL);
  g_assert_cmpstr (merges, ==, "");
  amend_test_fsck (f->dir);
}

static const char *
outcome_of (AmendVoteDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (amend_vote_dialog_get_row (dialog, "outcome")));
}

/* A tie, counted: the dialog says before the click that it rejects, and
 * its buttons follow the votes as they are typed, before the field is
 * left.  No button decides before any vote is entered. */
static void
test_vote_tie (AmendGuiFixture *f,
               gconstpointer    data)
{
  AdwMessageDialog *dialog;
  AmendVoteDialog *vote;
  g_autofree char *record = NULL;

  open_review (f);
  submit_by_click (f);
  press (amend_review_page_get_button (review_page (f), "vote"));
  dialog = wait_dialog (f, AMEND_TYPE_VOTE_DIALOG);
  vote = AMEND_VOTE_DIALOG (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "adopt"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reject"));
  g_assert_cmpstr (outcome_of (vote), ==, "Enter the votes for and against.");
  type_into (amend_vote_dialog_get_row (vote, "for"), "12");
  /* 15 against typed, the field not left: rejected, not adopted. */
  type_into (amend_vote_dialog_get_row (vote, "against"), "15");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "adopt"));
  g_assert_cmpstr (outcome_of (vote), ==, "More votes against than for: the amendment is rejected.");
  type_into (amend_vote_dialog_get_row (vote, "against"), "12");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "adopt"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reject"));
  g_assert_cmpstr (outcome_of (vote), ==, "The votes are tied: the amendment is rejected.");
  respond (f, dialog, "_Reject");
  wait_settled (f);
  record = record_of (f, BRANCH);
  assert_has (record, "status=verworpen");
  assert_has (record, "for=12");
  assert_has (record, "against=12");
}

/* ----------------------------------------------------------------------- */
/* Comments                                                                 */
/* ----------------------------------------------------------------------- */

static void
write_comment (AmendGuiFixture *f,
               GtkWidget       *button,
               const char      *text)
{
  AdwMessageDialog *dialog;

  press (button);
  dialog = wait_dialog (f, AMEND_TYPE_COMMENT_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "comment"));
  type_into (GTK_WIDGET (amend_comment_dialog_get_text_view (AMEND_COMMENT_DIALOG (dialog))), text);
  respond (f, dialog, "Co_mment");
  wait_settled (f);
}

static JsonObject *
first_thread (JsonNode *root)
{
  JsonArray *threads = json_object_get_array_member (json_node_get_object (root), "comments");

  g_assert_cmpuint (json_array_get_length (threads), ==, 1);
  return json_array_get_object_element (threads, 0);
}

static void
test_comments (AmendGuiFixture *f,
               gconstpointer    data)
{
  AmendReviewPage *page;
  g_autofree char *log = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *thread;

  open_review (f);
  page = review_page (f);
  /* On the article, from the Comment… beside its renvooi. */
  write_comment (f, amend_review_page_find_comment_button (page, NULL, "review.comment"),
                 "Is zes weken haalbaar voor het team?");
  log = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", BRANCH, NULL);
  assert_has (log, "Comment on article 1:2");
  g_assert_nonnull (amend_review_page_find_comment_button (page, "haalbaar voor het team", "review.reply"));

  /* A reply, from the thread's Reply… */
  write_comment (f, amend_review_page_find_comment_button (page, "haalbaar voor het team", "review.reply"),
                 "Ja, met de nieuwe software.");
  g_clear_pointer (&log, g_free);
  log = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", BRANCH, NULL);
  assert_has (log, "Reply to comment");
  g_assert_nonnull (amend_review_page_find_comment_button (page, "haalbaar voor het team", "review.resolve"));

  /* Resolved from its Resolve; then the thread offers Reopen. */
  press (amend_review_page_find_comment_button (page, "haalbaar voor het team", "review.resolve"));
  wait_settled (f);
  g_assert_nonnull (amend_review_page_find_comment_button (page, "haalbaar voor het team", "review.reopen"));

  /* As amend comment list sees it: one thread, on article 1:2, with its
   * reply, resolved. */
  g_assert_cmpint (amend_gui_cli (f, &out, "comment", "list", SLUG, "--all", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  thread = first_thread (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (thread, "text"), ==, "Is zes weken haalbaar voor het team?");
  g_assert_true (json_object_get_boolean_member (thread, "resolved"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (thread, "position"), "article"), ==, "1:2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (thread, "replies")), ==, 1);
  amend_test_fsck (f->dir);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child) && gtk_widget_is_visible (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_entry_row (child, title)))
        return found;
    }
  return NULL;
}

/* Someone who has saved no version and whom git does not know replies to
 * the officer: the Comment dialog asks the name and address with the
 * text (it said "Amend does not know your name" after the text was typed,
 * and the text was gone), and keeps them for the next comment and save. */
static void
test_comment_asks_author (AmendGuiFixture *f,
                          gconstpointer    data)
{
  g_autofree char *config = g_build_filename (amend_test_git_home (), ".gitconfig", NULL);
  g_autofree char *away = g_strconcat (config, ".weg", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *settings_name = NULL;
  g_autofree char *log = NULL;
  AdwMessageDialog *dialog;

  open_review (f);
  g_assert_cmpint (g_rename (config, away), ==, 0);
  press (amend_review_page_find_comment_button (review_page (f), NULL, "review.comment"));
  dialog = wait_dialog (f, AMEND_TYPE_COMMENT_DIALOG);
  g_assert_nonnull (find_entry_row (GTK_WIDGET (dialog), "Name"));
  type_into (GTK_WIDGET (amend_comment_dialog_get_text_view (AMEND_COMMENT_DIALOG (dialog))),
             "Bewoners hebben meer tijd nodig.");
  /* Not without an address to sign it with. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "comment"));
  type_into (find_entry_row (GTK_WIDGET (dialog), "Name"), "Piet de Vries");
  type_into (find_entry_row (GTK_WIDGET (dialog), "E-mail Address"), "piet@wijkraad-oost.example");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "comment"));
  respond (f, dialog, "Co_mment");
  wait_settled (f);
  g_assert_cmpint (g_rename (away, config), ==, 0);
  g_assert_null (amend_window_get_last_error (f->window));
  log = amend_test_git_ok (f->dir, "log", "-1", "--format=%an <%ae> %s", BRANCH, NULL);
  assert_has (log, "Piet de Vries <piet@wijkraad-oost.example> Comment on article 1:2");
  settings_name = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (settings_name, ==, "Piet de Vries");

  /* Known now: the next comment asks only its text. */
  press (amend_review_page_find_comment_button (review_page (f), NULL, "review.comment"));
  dialog = wait_dialog (f, AMEND_TYPE_COMMENT_DIALOG);
  g_assert_null (find_entry_row (GTK_WIDGET (dialog), "Name"));
  respond (f, dialog, "_Cancel");
}

/* Ctrl+Enter in the text sends the comment (it was a new line; only Alt+M
 * or Tab to the button sent it). */
static void
test_comment_ctrl_enter (AmendGuiFixture *f,
                         gconstpointer    data)
{
  AdwMessageDialog *dialog;
  GtkWidget *text;
  g_autofree char *log = NULL;

  if (!amend_gui_have_xdotool ())
    {
      g_test_skip ("needs xdotool for real keys");
      return;
    }
  open_review (f);
  press (amend_review_page_find_comment_button (review_page (f), NULL, "review.comment"));
  dialog = wait_dialog (f, AMEND_TYPE_COMMENT_DIALOG);
  text = GTK_WIDGET (amend_comment_dialog_get_text_view (AMEND_COMMENT_DIALOG (dialog)));
  type_into (text, "Zes weken is kort.");
  if (!adw_message_dialog_get_response_enabled (dialog, "comment"))
    {
      type_into (find_entry_row (GTK_WIDGET (dialog), "E-mail Address"), "test@example.nl");
      gtk_widget_grab_focus (text);
    }
  amend_gui_keys (text, "ctrl+Return");
  g_assert_true (amend_gui_wait (dialog_gone, f, 20));
  wait_settled (f);
  log = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", BRANCH, NULL);
  assert_has (log, "Comment on article 1:2");
}

/* Submit marks the amendment in this copy only: the toast says the
 * council has it once it is sent, and its Hand In… opens the chooser of
 * the package ("submitted to the council" made a citizen group think it
 * was sent). */
static void
test_submit_offers_hand_in (AmendGuiFixture *f,
                            gconstpointer    data)
{
  GtkWidget *button;

  open_review (f);
  submit_by_click (f);
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window),
                                          "“Kortere beslistermijn” is submitted here; the council has it once you "
                                          "hand it in or push it"));
  button = find_button (GTK_WIDGET (f->window), "_Hand In…");
  g_assert_nonnull (button);
  press (button);
  amend_gui_spin (300);
  g_assert_nonnull (amend_window_get_file_chooser (f->window));
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (amend_window_get_file_chooser (f->window)),
                                   SLUG ".amend"));
}

/* ----------------------------------------------------------------------- */
/* Conflicts                                                                */
/* ----------------------------------------------------------------------- */

/* The draft changes the same words as the amendment, then the amendment
 * is submitted, voted and stops at a conflict. */
static void
adopt_into_conflict (AmendGuiFixture *f)
{
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);
  AmendVoteDialog *dialog;
  AmendConflictsPage *conflicts = amend_window_get_conflicts_page (f->window);

  g_string_replace (changed, "binnen acht weken na de datum", "binnen vier weken na de datum", 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Vier weken", NULL), ==, 0);
  amend_gui_spin (600);
  open_review (f);
  submit_by_click (f);
  press (amend_review_page_get_button (review_page (f), "vote"));
  dialog = AMEND_VOTE_DIALOG (wait_dialog (f, AMEND_TYPE_VOTE_DIALOG));
  uncount (dialog);
  respond (f, ADW_MESSAGE_DIALOG (dialog), "_Adopt");
  wait_settled (f);
  amend_gui_wait_idle (f);
  /* Stopped: the Conflicts page, nothing committed. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (conflicts)))),
                   ==, "conflicts");
  g_assert_nonnull (amend_conflicts_page_get_state (conflicts));
  g_assert_cmpuint (amend_conflicts_page_get_state (conflicts)->unresolved, ==, 1);
  g_assert_false (gtk_widget_is_sensitive (amend_conflicts_page_get_button (conflicts, "continue")));
  g_assert_cmpstr (amend_test_git_ok (f->dir, "log", "--merges", "--format=%s", "main", NULL), ==, "");
}

static void
test_conflict_theirs (AmendGuiFixture *f,
                      gconstpointer    data)
{
  AmendConflictsPage *conflicts = amend_window_get_conflicts_page (f->window);
  AmendConflict *c;
  g_autofree char *merges = NULL;
  g_autofree char *on_disk = NULL;

  adopt_into_conflict (f);
  c = g_ptr_array_index (amend_conflicts_page_get_state (conflicts)->conflicts, 0);
  assert_has (c->base_text, "binnen acht weken");
  assert_has (c->ours_text, "binnen vier weken");
  assert_has (c->theirs_text, "binnen zes weken");
  /* Where it stands, as a drafter cites it. */
  g_assert_cmpstr (c->label, ==, "Artikel 1:2, eerste lid");
  g_assert_cmpstr (find_label_text (GTK_WIDGET (conflicts), "Conflict 1 of 1"), ==, "Conflict 1 of 1: Artikel 1:2, eerste lid");
  /* The amendment's side, by its button. */
  press (amend_conflicts_page_get_button (conflicts, "theirs"));
  wait_settled (f);
  g_assert_cmpuint (amend_conflicts_page_get_state (conflicts)->unresolved, ==, 0);
  g_assert_cmpstr (amend_test_git_ok (f->dir, "log", "--merges", "--format=%s", "main", NULL), ==, "");
  press (amend_conflicts_page_get_button (conflicts, "continue"));
  wait_settled (f);
  merges = amend_test_git_ok (f->dir, "log", "--merges", "--format=%s", "main", NULL);
  assert_has (merges, "Merge adopted amendment " SLUG " into main");
  on_disk = amend_test_read (f->dir, FILE_NAME);
  assert_has (on_disk, "binnen zes weken na de datum");
  assert_has (amend_gui_text (f), "binnen zes weken na de datum");
  g_assert_null (amend_conflicts_page_get_state (conflicts));
  amend_test_fsck (f->dir);
}

/* A text of one's own, then Abort: everything as it was. */
static void
test_conflict_text_abort (AmendGuiFixture *f,
                          gconstpointer    data)
{
  AmendConflictsPage *conflicts = amend_window_get_conflicts_page (f->window);
  g_autofree char *refs_before = NULL;
  g_autofree char *refs_after = NULL;
  g_autofree char *state = NULL;
  AdwMessageDialog *dialog;
  AmendConflict *c;

  adopt_into_conflict (f);
  /* The refs as the stop left them: the decision is not committed. */
  refs_before = amend_test_git_ok (f->dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  type_into (GTK_WIDGET (amend_conflicts_page_get_edit_view (conflicts)),
             "Het bevoegde bestuursorgaan beslist op een aanvraag om een vergunning of ontheffing binnen vijf "
             "weken na de datum van ontvangst van de aanvraag.");
  press (amend_conflicts_page_get_button (conflicts, "use-text"));
  wait_settled (f);
  c = g_ptr_array_index (amend_conflicts_page_get_state (conflicts)->conflicts, 0);
  g_assert_cmpint (c->resolution, ==, AMEND_RESOLUTION_TEXT);
  assert_has (c->text, "binnen vijf weken");
  state = g_build_filename (f->dir, ".git", "amend", "merge", "state.ini", NULL);
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));

  press (amend_conflicts_page_get_button (conflicts, "abort"));
  dialog = wait_dialog (f, ADW_TYPE_MESSAGE_DIALOG);
  respond (f, dialog, "_Undo");
  wait_settled (f);
  g_assert_false (g_file_test (state, G_FILE_TEST_EXISTS));
  refs_after = amend_test_git_ok (f->dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  g_assert_cmpstr (refs_after, ==, refs_before);
  assert_has (amend_test_read (f->dir, FILE_NAME), "binnen vier weken na de datum");
  g_assert_cmpstr (amend_test_git_ok (f->dir, "status", "--porcelain", NULL), ==, "");
  amend_test_fsck (f->dir);
}

/* An adoption stopped in a terminal is shown when the window opens. */
static void
test_conflict_from_terminal (AmendGuiFixture *f,
                             gconstpointer    data)
{
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);
  AmendConflictsPage *conflicts = amend_window_get_conflicts_page (f->window);

  g_string_replace (changed, "binnen acht weken na de datum", "binnen vier weken na de datum", 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Vier weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "adopt", SLUG, NULL), ==, 1);
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  amend_gui_spin (500);
  amend_gui_wait_idle (f);
  g_assert_nonnull (amend_conflicts_page_get_state (conflicts));
  g_assert_cmpstr (amend_conflicts_page_get_state (conflicts)->amendment, ==, SLUG);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (conflicts)));
}

/* ----------------------------------------------------------------------- */
/* Side by side, instructions, update                                       */
/* ----------------------------------------------------------------------- */

static gboolean
clipboard_read (gpointer data)
{
  return *(char **) data != NULL;
}

static void
got_text (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  char **out = data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (*out == NULL)
    {
      g_test_message ("the clipboard could not be read: %s", error->message);
      *out = g_strdup ("");
    }
}

static void
test_sides_and_copy (AmendGuiFixture *f,
                     gconstpointer    data)
{
  AmendReviewPage *page;
  g_autofree char *marked = NULL;
  g_autofree char *copied = NULL;
  GdkClipboard *clipboard;

  open_review (f);
  page = review_page (f);
  press (amend_review_page_get_button (page, "sides"));
  amend_gui_spin (300);
  marked = amend_review_page_dup_marked (page);
  /* Old on the left with "acht" struck, new on the right with "zes". */
  assert_has (marked, "binnen [-acht-] weken na de datum");
  assert_has (marked, "binnen {+zes+} weken na de datum");

  amend_review_page_show_tab (page, "instructions");
  amend_gui_spin (300);
  press (find_button (GTK_WIDGET (page), "_Copy"));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
  gdk_clipboard_read_text_async (clipboard, NULL, got_text, &copied);
  g_assert_true (amend_gui_wait (clipboard_read, &copied, 10));
  g_assert_cmpstr (copied, ==, amend_review_page_get_instructions (page));
  assert_has (copied, "ARTIKEL I");
}

/* Update from the draft: main merged into the amendment as a merge commit. */
static void
test_update (AmendGuiFixture *f,
             gconstpointer    data)
{
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);
  g_autofree char *subject = NULL;
  g_autofree char *on_branch = NULL;

  g_string_replace (changed, "ten hoogste acht weken verdagen", "ten hoogste vier weken verdagen", 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Verdagen korter", NULL), ==, 0);
  amend_gui_spin (600);
  open_review (f);
  press (amend_review_page_get_button (review_page (f), "update"));
  wait_settled (f);
  subject = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", BRANCH, NULL);
  assert_has (subject, "Bring amendment " SLUG " up to date with main");
  on_branch = amend_test_git_ok (f->dir, "show", BRANCH ":" FILE_NAME, NULL);
  assert_has (on_branch, "binnen zes weken");
  assert_has (on_branch, "ten hoogste vier weken verdagen");
  /* Its renvooi is still only its own change. */
  g_clear_pointer (&text, g_free);
  text = amend_review_page_dup_marked (review_page (f));
  assert_has (text, "binnen [-acht-] {+zes+} weken");
  g_assert_null (strstr (text, "[-acht-] {+vier+}"));
  amend_test_fsck (f->dir);
}

/* Someone git does not know, whose name and address the window has from
 * the first save, brings the amendment up to date: the merge is signed
 * with them (it said "Amend does not know your name and e-mail address
 * yet. Fill them in under Preferences", where they were filled in). */
static void
test_update_signed_as_preferences (AmendGuiFixture *f,
                                   gconstpointer    data)
{
  g_autofree char *config = g_build_filename (amend_test_git_home (), ".gitconfig", NULL);
  g_autofree char *away = g_strconcat (config, ".weg", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);
  g_autofree char *author = NULL;

  g_string_replace (changed, "ten hoogste acht weken verdagen", "ten hoogste vier weken verdagen", 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Verdagen korter", NULL), ==, 0);
  amend_gui_spin (600);
  g_settings_set_string (settings, "author-name", "Piet de Vries");
  g_settings_set_string (settings, "author-email", "piet@wijkraad-oost.example");
  open_review (f);
  g_assert_cmpint (g_rename (config, away), ==, 0);
  press (amend_review_page_get_button (review_page (f), "update"));
  wait_settled (f);
  g_assert_cmpint (g_rename (away, config), ==, 0);
  g_assert_null (amend_window_get_last_error (f->window));
  author = amend_test_git_ok (f->dir, "log", "-1", "--format=%an <%ae> %s", BRANCH, NULL);
  assert_has (author, "Piet de Vries <piet@wijkraad-oost.example> Bring amendment " SLUG " up to date with main");
}


/* ----------------------------------------------------------------------- */
/* The council paper                                                        */
/* ----------------------------------------------------------------------- */

static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkModelButton") && gtk_widget_get_mapped (child))
        {
          g_autofree char *label = NULL;

          g_object_get (child, "text", &label, NULL);
          if (g_strcmp0 (label, text) == 0)
            return child;
        }
      if ((found = find_menu_item (child, text)))
        return found;
    }
  return NULL;
}

/* The review page's menu, opened and chosen from with the mouse. */
static void
choose_from_menu (AmendGuiFixture *f,
                  const char      *item)
{
  GtkWidget *button = amend_review_page_get_button (review_page (f), "more");
  GtkPopover *popover;

  press (button);
  amend_gui_spin (400);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  press (find_menu_item (GTK_WIDGET (popover), item));
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Lines are where the page was full: one space for each break. */
  {
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    char *flat = g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);

    g_free (out);
    return flat;
  }
}

static gboolean
chooser_has_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL;
}

static void
test_paper (AmendGuiFixture *f,
            gconstpointer    data)
{
  g_autofree char *pdf = g_build_filename (f->tmp, "raadsstuk.pdf", NULL);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  GtkFileChooser *chooser;
  AdwMessageDialog *dialog;
  gsize len = 0;

  open_review (f);
  submit_by_click (f);

  /* HTML, through the file chooser in the project folder. */
  choose_from_menu (f, "Council Paper…");
  dialog = wait_dialog (f, AMEND_TYPE_PAPER_DIALOG);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (amend_paper_dialog_get_choice (AMEND_PAPER_DIALOG (dialog), FALSE))));
  respond (f, dialog, "Save as _HTML…");
  amend_gui_wait_idle (f);
  chooser = amend_window_get_file_chooser (f->window);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "council-paper-" SLUG ".html");
  gtk_file_chooser_set_current_name (chooser, "raadsstuk.html");
  /* The chooser reads its folder in the background: on a loaded machine
   * it names no file until it has. */
  g_assert_true (amend_gui_wait (chooser_has_file, chooser, 20));
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
    g_autofree char *path = g_file_get_path (chosen);
    g_autofree char *expected = g_build_filename (f->dir, "raadsstuk.html", NULL);

    g_assert_cmpstr (path, ==, expected);
  }
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  amend_gui_spin (200);
  html = amend_test_read (f->dir, "raadsstuk.html");
  assert_has (html, "<h1>Amendment “Kortere beslistermijn”</h1>");
  assert_has (html, "<dd>Bewonersvereniging De Linde</dd>");
  assert_has (html, "binnen <del>acht</del> <ins>zes</ins> weken");
  assert_has (html, "Submitted; not voted on yet.");
  /* The same page amend paper writes. */
  {
    g_autofree char *cli = NULL;

    g_assert_cmpint (amend_gui_cli (f, &cli, "paper", SLUG, NULL), ==, 0);
    g_assert_cmpstr (cli, ==, html);
  }

  /* Printed to PDF: every submitted amendment, in voting order. */
  g_setenv ("AMEND_TEST_PRINT_TO", pdf, TRUE);
  choose_from_menu (f, "Council Paper…");
  dialog = wait_dialog (f, AMEND_TYPE_PAPER_DIALOG);
  press (amend_paper_dialog_get_choice (AMEND_PAPER_DIALOG (dialog), TRUE));
  respond (f, dialog, "_Print…");
  amend_gui_wait_idle (f);
  amend_gui_spin (500);
  g_unsetenv ("AMEND_TEST_PRINT_TO");
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is not installed: the PDF's words are not read back");
      return;
    }
  assert_has (text, "Amendments to Algemene Plaatselijke Verordening Lindewaarde 2027, in the order of voting");
  assert_has (text, "1. Kortere beslistermijn");
  assert_has (text, "Bewonersvereniging De Linde");
  assert_has (text, "binnen acht zes weken");
  assert_has (text, "ARTIKEL I");
  assert_has (text, "vervangen door \"zes\"");
}

/* ----------------------------------------------------------------------- */
/* A subamendment: what it goes into, in every sentence about it            */
/* ----------------------------------------------------------------------- */

#define SUB_SLUG "zeven-dagen"

/* The first label under the row of @slug that starts with @prefix. */
static const char *
row_text (AmendGuiFixture *f,
          const char      *slug,
          const char      *prefix)
{
  GtkWidget *row = amend_amendments_page_get_row (amend_window_get_amendments_page (f->window), slug);

  g_assert_nonnull (row);
  return find_label_text (row, prefix);
}

typedef struct {
  AmendGuiFixture *f;
  const char      *slug;
  const char      *prefix;
} RowWait;

static gboolean
row_says (gpointer data)
{
  RowWait *w = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (w->f->window);
  GtkWidget *row = amend_amendments_page_get_row (page, w->slug);

  return !amend_window_is_busy (w->f->window) && !amend_amendments_page_is_busy (page) && row &&
         find_label_text (row, w->prefix) != NULL;
}

/* Until the row of @slug has a line that starts with @prefix: the window
 * notices what the amend program did a moment later, on a loaded
 * machine later still. */
static void
wait_row (AmendGuiFixture *f,
          const char      *slug,
          const char      *prefix)
{
  RowWait w = { f, slug, prefix };

  if (!amend_gui_wait (row_says, &w, 60))
    {
      GtkWidget *row = amend_amendments_page_get_row (amend_window_get_amendments_page (f->window), slug);

      for (GtkWidget *w2 = row ? gtk_widget_get_first_child (gtk_widget_get_first_child (row)) : NULL; w2;
           w2 = gtk_widget_get_next_sibling (w2))
        if (GTK_IS_LABEL (w2))
          g_test_message ("row line: %s", gtk_label_get_text (GTK_LABEL (w2)));
      g_test_message ("window busy %d, page busy %d, review busy %d", amend_window_is_busy (f->window),
                      amend_amendments_page_is_busy (amend_window_get_amendments_page (f->window)),
                      amend_review_page_is_busy (review_page (f)));
      g_error ("the row of %s does not say “%s…”", slug, prefix);
    }
  wait_settled (f);
}

static gboolean
window_on_amendment (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);

  return !amend_window_is_busy (f->window) && project && g_strcmp0 (amend_project_get_branch (project), BRANCH) == 0;
}

static gboolean
slug_adopted (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  GtkWidget *row = amend_amendments_page_get_row (page, SLUG);

  return !amend_amendments_page_is_busy (page) && row && find_label_text (row, "Adopted") != NULL;
}

/* A subamendment "Zeven dagen" of the example's amendment, proposed and
 * saved with the amend program; the working copy back on the draft. */
static void
propose_subamendment (AmendGuiFixture *f)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Zeven dagen", "--on", SLUG, NULL), ==, 0);
  text = amend_test_read (f->dir, FILE_NAME);
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "binnen zes weken", "binnen zes weken en zeven dagen", 1), ==, 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Zeven dagen erbij", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_gui_spin (600);
}

/* Later hours for terraces (article 3:5), saved on the amendment the
 * working copy is on: one that changes nothing is not submitted. */
static void
save_terrace_hours (AmendGuiFixture *f)
{
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) changed = g_string_new (text);

  g_assert_cmpuint (g_string_replace (changed, "tussen 23.00 uur en 9.00 uur", "tussen 24.00 uur en 9.00 uur", 1), ==, 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Later dicht", NULL), ==, 0);
}

/* "Tien weken" proposed, changed and saved with the amend program from
 * the draft, which it competes with the example's amendment on; the
 * working copy back on the draft. */
static void
propose_competitor (AmendGuiFixture *f)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Tien weken", NULL), ==, 0);
  text = amend_test_read (f->dir, FILE_NAME);
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "binnen acht weken", "binnen tien weken", 1), ==, 1);
  amend_test_write (f->dir, FILE_NAME, changed->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Tien weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
}

/* The submitted amendments listed in the voting order of amend order,
 * each with its place; a concept after them, without one. */
static void
test_voting_order (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  g_autofree char *order = NULL;
  GtkWidget *first;

  propose_competitor (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", "tien-weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Ruimere terrastijden", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, &order, "order", NULL), ==, 0);
  assert_has (order, " 1. " SLUG);
  assert_has (order, " 2. tien-weken");

  amend_window_show_page (f->window, "amendments");
  /* Submitted last: its place shows the survey after all of it. */
  wait_row (f, SLUG, "Vote");
  g_assert_cmpstr (row_text (f, SLUG, "Vote"), ==, "Vote 1 of 2");
  g_assert_cmpstr (row_text (f, "tien-weken", "Vote"), ==, "Vote 2 of 2");
  g_assert_null (row_text (f, "ruimere-terrastijden", "Vote"));
  first = amend_amendments_page_get_row (page, SLUG);
  g_assert_null (gtk_widget_get_prev_sibling (first));
  g_assert_true (gtk_widget_get_next_sibling (first) == amend_amendments_page_get_row (page, "tien-weken"));
}

/* "Tien weken", competing with the example's amendment on article 1:2,
 * adopted in a terminal: the example's amendment has lapsed, and its row
 * and review page say so, and by which, rather than that it conflicts
 * with the draft, which reads as work to do before the vote; its
 * subamendment lapsed with it. */
static void
test_lapsed (AmendGuiFixture *f,
             gconstpointer    data)
{
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  propose_subamendment (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SUB_SLUG, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Ruimere terrastijden", NULL), ==, 0);
  save_terrace_hours (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  propose_competitor (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", "tien-weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "vote", "tien-weken", "--for", "15", "--against", "12", NULL), ==, 0);

  amend_window_show_page (f->window, "amendments");
  wait_row (f, SLUG, "Lapsed");
  g_assert_cmpstr (row_text (f, SLUG, "Lapsed"), ==, "Lapsed: “Tien weken” was adopted");
  /* Its subamendment lapses with it, and neither has a place in the vote. */
  g_assert_cmpstr (row_text (f, SUB_SLUG, "Lapsed"), ==, "Lapsed with “Kortere beslistermijn”, which it amends");
  g_assert_null (row_text (f, SLUG, "Vote"));
  g_assert_null (row_text (f, SUB_SLUG, "Vote"));
  /* The places are those of the votes still to come. */
  g_assert_cmpstr (row_text (f, "ruimere-terrastijden", "Vote"), ==, "Vote 1 of 1");
  press_row (f, SLUG);
  assert_has (find_label_text (GTK_WIDGET (review_page (f)), "Lapsed"),
              "Lapsed: “Tien weken” was adopted and changed the same words, so this amendment no longer applies");
  g_assert_null (find_label_text (GTK_WIDGET (review_page (f)), "Conflicts with the draft"));
}

static GtkMenuButton *
find_branch_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), "Switch between the draft and the amendments") == 0)
        return GTK_MENU_BUTTON (child);
      if ((found = find_branch_button (child)))
        return found;
    }
  return NULL;
}

/* Whether a label of @model or its sections is @label. */
static gboolean
menu_has (GMenuModel *model,
          const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) && g_strcmp0 (text, label) == 0)
        return TRUE;
      if (section && menu_has (section, label))
        return TRUE;
    }
  return FALSE;
}

static gboolean
adopted_seen (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendment *a = amend_project_find_amendment (amend_window_get_project (f->window), SLUG);

  return !amend_window_is_busy (f->window) && a && amend_amendment_get_status (a) == AMEND_STATUS_ADOPTED;
}

/* An adopted amendment is read, not written in: it is not among where
 * one writes in the header, a click on it in the sidebar shows its
 * review, and its review page's menu does not offer to write in it, nor
 * its articles a comment. */
static void
test_decided_not_written (AmendGuiFixture *f,
                          gconstpointer    data)
{
  GtkMenuButton *branches = find_branch_button (GTK_WIDGET (f->window));

  g_assert_nonnull (branches);
  g_assert_true (menu_has (gtk_menu_button_get_menu_model (branches), "Kortere beslistermijn"));
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "vote", SLUG, "--for", "15", "--against", "12", NULL), ==, 0);
  /* The window notices the adoption made in a terminal. */
  g_assert_true (amend_gui_wait (adopted_seen, f, 30));
  amend_gui_wait_idle (f);
  g_assert_false (menu_has (gtk_menu_button_get_menu_model (branches), "Kortere beslistermijn"));

  g_signal_emit_by_name (amend_window_get_outline_panel (f->window), "branch-activated", BRANCH);
  wait_settled (f);
  g_assert_cmpstr (amend_project_get_branch (amend_window_get_project (f->window)), ==, "main");
  g_assert_cmpstr (amend_review_page_get_slug (review_page (f)), ==, SLUG);
  /* Its menu item is off: the window stays on the draft. */
  gtk_widget_activate_action (GTK_WIDGET (review_page (f)), "review.write", NULL);
  amend_gui_spin (300);
  amend_gui_wait_idle (f);
  g_assert_cmpstr (amend_project_get_branch (amend_window_get_project (f->window)), ==, "main");
  /* Nor commented on: its comments closed with the vote, as in a terminal. */
  g_assert_false (gtk_widget_is_sensitive (amend_review_page_find_comment_button (review_page (f), NULL, "review.comment")));
}

static void
test_subamendment_words (AmendGuiFixture *f,
                         gconstpointer    data)
{
  AmendVoteDialog *dialog;
  GtkWidget *more;

  propose_subamendment (f);
  amend_window_show_page (f->window, "amendments");
  wait_settled (f);
  /* Its row says what it amends and that it applies to that, not to the draft. */
  g_assert_cmpstr (row_text (f, SUB_SLUG, "Amends"), ==, "Amends “Kortere beslistermijn”");
  g_assert_cmpstr (row_text (f, SUB_SLUG, "Applies cleanly"), ==, "Applies cleanly to “Kortere beslistermijn”");
  g_assert_cmpstr (row_text (f, SLUG, "Applies cleanly"), ==, "Applies cleanly to the draft");

  press_row (f, SUB_SLUG);
  g_assert_cmpstr (find_label_text (GTK_WIDGET (review_page (f)), "Can be adopted"), ==,
                   "Can be adopted into “Kortere beslistermijn” without a conflict.");
  assert_has (find_label_text (GTK_WIDGET (review_page (f)), "Against the version"),
              "Against the version of “Kortere beslistermijn” it started from");
  /* Its instructions amend that amendment and name it (6.15). */
  g_assert_true (g_str_has_prefix (amend_review_page_get_instructions (review_page (f)),
                                   "In het amendement \"Kortere beslistermijn\" wordt in artikel "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (amend_review_page_get_button (review_page (f), "update")), ==,
                   "Bring the amendment up to date with “Kortere beslistermijn”");
  /* The menu offers the update from the amendment it amends. */
  more = amend_review_page_get_button (review_page (f), "more");
  press (more);
  amend_gui_spin (400);
  g_assert_nonnull (find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))),
                                    "Update from the Amendment It Amends"));
  g_assert_null (find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))),
                                 "Update from the Draft"));
  gtk_popover_popdown (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
  amend_gui_spin (200);

  /* The editor on the amendment it amends, as its drafter has it. */
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", SLUG, NULL), ==, 0);
  g_assert_true (amend_gui_wait (window_on_amendment, f, 30));
  wait_settled (f);

  /* Submitted and adopted: the vote dialog says where its changes go. */
  press (amend_review_page_get_button (review_page (f), "submit"));
  wait_settled (f);
  press (amend_review_page_get_button (review_page (f), "vote"));
  dialog = AMEND_VOTE_DIALOG (wait_dialog (f, AMEND_TYPE_VOTE_DIALOG));
  assert_has (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
              "merges its changes into the amendment “Kortere beslistermijn”");
  type_into (amend_vote_dialog_get_row (dialog, "for"), "20");
  type_into (amend_vote_dialog_get_row (dialog, "against"), "7");
  amend_gui_spin (200);
  respond (f, ADW_MESSAGE_DIALOG (dialog), "_Adopt");
  wait_settled (f);
  assert_has (amend_test_git_ok (f->dir, "show", BRANCH ":" FILE_NAME, NULL), "binnen zes weken en zeven dagen");
  /* The editor, on that amendment, shows it adopted; nothing unsaved. */
  {
    g_autofree char *text = amend_gui_text (f);
    g_autofree char *disk = amend_test_read (f->dir, FILE_NAME);

    assert_has (text, "binnen zes weken en zeven dagen");
    g_assert_false (amend_window_has_unsaved (f->window));
    g_assert_cmpstr (text, ==, disk);
  }
  assert_has (row_text (f, SUB_SLUG, "Adopted"), "Adopted");

  /* The amendment adopted in a terminal: against the draft it changes no
   * article any more, and its row says where its changes are instead of
   * that it changed none yet. */
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "adopt", SLUG, NULL), ==, 0);
  amend_gui_spin (600);
  wait_settled (f);
  g_assert_true (amend_gui_wait (slug_adopted, f, 30));
  g_assert_null (row_text (f, SLUG, "No article changed"));
  g_assert_cmpstr (row_text (f, SLUG, "Its changes are in"), ==, "Its changes are in the draft");
  amend_test_fsck (f->dir);
}

typedef struct {
  AmendGuiFixture *f;
  const char      *commit;
} Tip;

/* The window has seen the amendment's branch move to @commit. */
static gboolean
window_has_tip (gpointer data)
{
  Tip *tip = data;
  AmendProject *project = amend_window_get_project (tip->f->window);
  AmendAmendment *a = project ? amend_project_find_amendment (project, SLUG) : NULL;

  return !amend_window_is_busy (tip->f->window) && a && g_strcmp0 (amend_amendment_get_commit (a), tip->commit) == 0;
}

static gboolean
row_refused (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  GtkWidget *row = amend_amendments_page_get_row (page, SLUG);

  return settled (f) && row && find_label_text (row, "Cannot be adopted") != NULL;
}

/* An amendment whose branch, edited with git in a worktree of its own,
 * adds a file in .amend that is not its own: its row and its review page
 * say that adopting it is refused, and why, before anyone votes. */
/* The example amendment's branch, edited with git in a worktree of its
 * own, adds a file in .amend that is not its own; until the window saw it. */
static void
add_foreign_file (AmendGuiFixture *f)
{
  g_autofree char *tmp = g_dir_make_tmp ("amend-worktree-XXXXXX", NULL);
  g_autofree char *other = g_build_filename (tmp, "werk", NULL);
  g_autofree char *commit = NULL;
  Tip tip = { f, NULL };

  g_free (amend_test_git_ok (f->dir, "worktree", "add", "-q", other, BRANCH, NULL));
  amend_test_write (other, ".amend/notitie.txt", "Een notitie.\n");
  g_free (amend_test_git_ok (other, "add", ".amend/notitie.txt", NULL));
  g_free (amend_test_git_ok (other, "commit", "-q", "-m", "Notitie", NULL));
  g_free (amend_test_git_ok (f->dir, "worktree", "remove", "--force", other, NULL));
  amend_test_rmtree (tmp);
  tip.commit = g_strstrip (commit = amend_test_git_ok (f->dir, "rev-parse", BRANCH, NULL));
  g_assert_true (amend_gui_wait (window_has_tip, &tip, 30));
}

static void
test_refused (AmendGuiFixture *f,
              gconstpointer    data)
{
  add_foreign_file (f);
  amend_window_show_page (f->window, "amendments");
  g_assert_true (amend_gui_wait (row_refused, f, 90));
  amend_gui_wait_idle (f);
  g_assert_cmpstr (row_text (f, SLUG, "Cannot be adopted"), ==,
                   "Cannot be adopted: it changes .amend/notitie.txt, which is not its own");
  press_row (f, SLUG);
  g_assert_cmpstr (find_label_text (GTK_WIDGET (review_page (f)), "Cannot be adopted"), ==,
                   "Cannot be adopted: it changes .amend/notitie.txt, which belongs to the draft or to another "
                   "amendment. Put it back on the amendment's branch with git; amend adopt in a terminal says how.");
}

/* Refused for its file in .amend, and lapsed when "Tien weken" was
 * adopted: the row and the review page say first that it lapsed (the
 * council does not vote on it; it had "Vote 1 of 1" and only the
 * refusal), then the file, as amend order leaves it out of the vote. */
static void
test_lapsed_refused (AmendGuiFixture *f,
                     gconstpointer    data)
{
  g_autofree char *order = NULL;

  add_foreign_file (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  propose_competitor (f);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", "tien-weken", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "vote", "tien-weken", "--for", "15", "--against", "12", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, &order, "order", NULL), ==, 0);
  assert_has (order, "Lapsed, not voted on:\n    " SLUG);

  amend_window_show_page (f->window, "amendments");
  wait_row (f, SLUG, "Lapsed");
  g_assert_cmpstr (row_text (f, SLUG, "Lapsed"), ==,
                   "Lapsed: “Tien weken” was adopted; and it changes .amend/notitie.txt, which is not its own");
  g_assert_null (row_text (f, SLUG, "Vote"));
  press_row (f, SLUG);
  assert_has (find_label_text (GTK_WIDGET (review_page (f)), "Lapsed"),
              "Lapsed: “Tien weken” was adopted and changed the same words, so this amendment no longer applies "
              "to the draft. Reject or withdraw it. It also changes .amend/notitie.txt, which belongs");
  g_assert_null (find_label_text (GTK_WIDGET (review_page (f)), "Cannot be adopted"));
}

static gboolean
focus_in (AmendGuiFixture *f,
          GtkWidget       *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return widget && focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A comment added in a terminal while a council member has an amendment
 * chosen: the window learns of it and shows it, and the amendment stays
 * chosen with the keyboard focus where it was — on its row in the list,
 * or on the Reply… of a thread beside its renvooi.  The list was filled
 * anew, its rows replaced, and the focus went elsewhere. */
static void
test_refresh_keeps_focus (AmendGuiFixture *f,
                          gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  g_autoptr(GtkWidget) held = NULL;
  GtkListBox *list;
  GtkWidget *row;

  propose_competitor (f);
  amend_window_show_page (f->window, "amendments");
  wait_settled (f);
  press_row (f, "tien-weken");
  row = amend_amendments_page_get_row (page, "tien-weken");
  held = g_object_ref (row);
  list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  gtk_widget_grab_focus (row);
  g_assert_true (focus_in (f, row));

  g_assert_cmpint (amend_gui_cli (f, NULL, "comment", "add", "tien-weken", "-m", "Waarom tien?", NULL), ==, 0);
  wait_row (f, "tien-weken", "Article 1:2 · 1 comment");
  /* The same row, not one made anew in its place. */
  g_assert_true (amend_amendments_page_get_row (page, "tien-weken") == row);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row));
  g_assert_cmpstr (amend_review_page_get_slug (review_page (f)), ==, "tien-weken");
  if (!focus_in (f, row))
    g_error ("the focus left the row of the chosen amendment for %s",
             gtk_root_get_focus (GTK_ROOT (f->window)) ? G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (f->window)))
                                                       : "nothing");

  /* On a thread's Reply…, when another comment comes in. */
  g_assert_true (amend_gui_wait (settled, f, 30));
  gtk_widget_grab_focus (amend_review_page_find_comment_button (review_page (f), "Waarom tien?", "review.reply"));
  g_assert_cmpint (amend_gui_cli (f, NULL, "comment", "add", "tien-weken", "-m", "En waarom niet negen?", NULL), ==, 0);
  wait_row (f, "tien-weken", "Article 1:2 · 2 comments");
  g_assert_true (amend_gui_wait (settled, f, 30));
  g_assert_nonnull (amend_review_page_find_comment_button (review_page (f), "niet negen", "review.reply"));
  if (!focus_in (f, amend_review_page_find_comment_button (review_page (f), "Waarom tien?", "review.reply")))
    g_error ("the focus left the thread's Reply… for %s",
             gtk_root_get_focus (GTK_ROOT (f->window)) ? G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (f->window)))
                                                       : "nothing");
}

/* ----------------------------------------------------------------------- */
/* A project of two regulations                                             */
/* ----------------------------------------------------------------------- */

#define MARKT \
  "---\ntitle: Marktverordening Lindewaarde 2027\nauthority: gm9999\ndate: 2027-01-01\n---\n\n" \
  "# Hoofdstuk 1 De markt\n\n## Artikel 1 Markttijden\n\nDe markt wordt gehouden op zaterdag van 8.00 tot 13.00 uur.\n"

static void
replace_in (AmendGuiFixture *f,
            const char      *file,
            const char      *from,
            const char      *to)
{
  g_autofree char *text = amend_test_read (f->dir, file);
  g_autoptr(GString) changed = g_string_new (text);

  g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);
  amend_test_write (f->dir, file, changed->str);
}

/* markt.md beside the APV on the draft; "Woensdagmarkt" changes it, "Markt
 * en termijn" changes both; the working copy back on the draft, where
 * the window has the APV open. */
static void
add_second_regulation (AmendGuiFixture *f)
{
  amend_test_write (f->dir, "markt.md", MARKT);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Marktverordening", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Woensdagmarkt", NULL), ==, 0);
  replace_in (f, "markt.md", "op zaterdag", "op woensdag");
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Woensdag", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Markt en termijn", NULL), ==, 0);
  replace_in (f, "markt.md", "op zaterdag", "op vrijdag");
  replace_in (f, FILE_NAME, "ten hoogste acht weken verdagen", "ten hoogste vier weken verdagen");
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Beide", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_gui_spin (600);
  amend_gui_wait_idle (f);
  g_assert_cmpstr (amend_project_get_file (amend_window_get_project (f->window)), ==, FILE_NAME);
}

static void
shoot (AmendGuiFixture *f,
       const char      *name)
{
  const char *dir = g_getenv ("AMEND_SCREENSHOT_DIR") ? g_getenv ("AMEND_SCREENSHOT_DIR") : "screenshots";
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  amend_gui_save_png (GTK_WIDGET (f->window), path);
}

/* An amendment to markt.md reviewed while the window has the APV open:
 * its renvooi and instructions are of markt.md (they were of the APV:
 * "No changes"), its row says which regulation it changes, a comment on
 * its article is on markt.md (the core asked which of the two), and it
 * is voted on and adopted from there. */
static void
test_two_regulations (AmendGuiFixture *f,
                      gconstpointer    data)
{
  AmendVoteDialog *dialog;
  g_autofree char *marked = NULL;
  g_autofree char *log = NULL;
  g_autofree char *out = NULL;
  g_autofree char *apv = amend_gui_text (f);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *thread;

  add_second_regulation (f);
  amend_window_show_page (f->window, "amendments");
  wait_row (f, "woensdagmarkt", "Regulation");
  g_assert_cmpstr (row_text (f, "woensdagmarkt", "Regulation"), ==, "Regulation: markt.md");
  g_assert_cmpstr (row_text (f, SLUG, "Regulation"), ==, "Regulation: " FILE_NAME);
  g_assert_cmpstr (row_text (f, "markt-en-termijn", "Regulation"), ==, "Regulations: " FILE_NAME ", markt.md");
  g_assert_cmpstr (row_text (f, "markt-en-termijn", "Article"), ==, "Article 1:2 in " FILE_NAME "; Article 1 in markt.md");

  press_row (f, "woensdagmarkt");
  marked = amend_review_page_dup_marked (review_page (f));
  assert_has (marked, "op [-zaterdag-] {+woensdag+} van 8.00");
  assert_has (amend_review_page_get_instructions (review_page (f)),
              "In artikel 1 van de Marktverordening Lindewaarde 2027 wordt \"zaterdag\" vervangen door \"woensdag\"");
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (review_page (f)), "Marktverordening Lindewaarde 2027 (markt.md)"));
  shoot (f, "two-regulations-markt.png");

  write_comment (f, amend_review_page_find_comment_button (review_page (f), NULL, "review.comment"),
                 "Is woensdag niet te druk?");
  log = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", "amendement/woensdagmarkt", NULL);
  assert_has (log, "Comment on article 1");
  g_assert_nonnull (amend_review_page_find_comment_button (review_page (f), "te druk", "review.reply"));
  g_assert_cmpint (amend_gui_cli (f, &out, "comment", "list", "woensdagmarkt", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  thread = first_thread (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (thread, "anchor"), "source"), ==,
                   "markt.md");
  /* On the whole amendment, too. */
  write_comment (f, amend_review_page_get_button (review_page (f), "comment-all"), "Graag eerst de marktkooplieden horen.");
  g_clear_pointer (&log, g_free);
  log = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", "amendement/woensdagmarkt", NULL);
  assert_has (log, "Comment on");

  submit_by_click_of (f, "woensdagmarkt");
  press (amend_review_page_get_button (review_page (f), "vote"));
  dialog = AMEND_VOTE_DIALOG (wait_dialog (f, AMEND_TYPE_VOTE_DIALOG));
  type_into (amend_vote_dialog_get_row (dialog, "for"), "15");
  type_into (amend_vote_dialog_get_row (dialog, "against"), "12");
  amend_gui_spin (200);
  respond (f, ADW_MESSAGE_DIALOG (dialog), "_Adopt");
  wait_settled (f);
  assert_has (amend_test_git_ok (f->dir, "show", "main:markt.md", NULL), "op woensdag");
  assert_has (amend_test_git_ok (f->dir, "log", "--merges", "--format=%s", "main", NULL),
              "Merge adopted amendment woensdagmarkt into main");
  /* The editor still has the APV, as it was, nothing unsaved. */
  g_assert_cmpstr (amend_gui_text (f), ==, apv);
  g_assert_false (amend_window_has_unsaved (f->window));
  /* Adopted: its row still says which regulation its changes went into. */
  wait_row (f, "woensdagmarkt", "Its changes are in");
  g_assert_cmpstr (row_text (f, "woensdagmarkt", "Regulation"), ==, "Regulation: markt.md");
  amend_test_fsck (f->dir);
}

/* An amendment that changes both regulations: one section for each, with
 * the regulation's title, and the instructions of each in an article of
 * its own. */
static void
test_two_regulations_both (AmendGuiFixture *f,
                           gconstpointer    data)
{
  g_autofree char *marked = NULL;
  const char *instructions;

  add_second_regulation (f);
  amend_window_show_page (f->window, "amendments");
  wait_row (f, "markt-en-termijn", "Regulation");
  press_row (f, "markt-en-termijn");
  marked = amend_review_page_dup_marked (review_page (f));
  assert_has (marked, "ten hoogste [-acht-] {+vier+} weken verdagen");
  assert_has (marked, "op [-zaterdag-] {+vrijdag+} van 8.00");
  g_assert_true (strstr (marked, "[-acht-]") < strstr (marked, "[-zaterdag-]"));
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (review_page (f)), "Marktverordening Lindewaarde 2027 (markt.md)"));
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (review_page (f)),
                                          "Algemene Plaatselijke Verordening Lindewaarde 2027 (" FILE_NAME ")"));
  instructions = amend_review_page_get_instructions (review_page (f));
  assert_has (instructions, "ARTIKEL I\n\nIn artikel 1:2, tweede lid, van de APV Lindewaarde 2027");
  assert_has (instructions, "ARTIKEL II\n\nIn artikel 1 van de Marktverordening Lindewaarde 2027 wordt \"zaterdag\" vervangen door \"vrijdag\"");
  amend_review_page_show_tab (review_page (f), "instructions");
  amend_gui_spin (300);
  shoot (f, "two-regulations-both-instructions.png");
}

/* An adoption of an amendment to markt.md that stops at a conflict there,
 * while the window has the APV open: the conflict says in which
 * regulation it is (article 1 is in both), and is resolved there. */
static void
test_two_regulations_conflict (AmendGuiFixture *f,
                               gconstpointer    data)
{
  AmendConflictsPage *conflicts = amend_window_get_conflicts_page (f->window);
  g_autofree char *apv = amend_gui_text (f);

  add_second_regulation (f);
  replace_in (f, "markt.md", "op zaterdag", "op donderdag");
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Donderdag", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", "woensdagmarkt", NULL), ==, 0);
  g_assert_cmpint (amend_gui_cli (f, NULL, "adopt", "woensdagmarkt", NULL), ==, 1);
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  amend_gui_spin (500);
  amend_gui_wait_idle (f);
  g_assert_nonnull (amend_conflicts_page_get_state (conflicts));
  g_assert_cmpstr (find_label_text (GTK_WIDGET (conflicts), "Conflict 1 of 1"), ==, "Conflict 1 of 1: Artikel 1 (markt.md)");
  press (amend_conflicts_page_get_button (conflicts, "theirs"));
  amend_gui_spin (300);
  amend_gui_wait_idle (f);
  press (amend_conflicts_page_get_button (conflicts, "continue"));
  amend_gui_spin (300);
  amend_gui_wait_idle (f);
  assert_has (amend_test_git_ok (f->dir, "show", "main:markt.md", NULL), "op woensdag");
  g_assert_cmpstr (amend_gui_text (f), ==, apv);
  amend_test_fsck (f->dir);
}

/* From the keyboard alone: Alt+3 to the list, Enter on the chosen row
 * opens its review (the focus on its first action), Ctrl+Enter on a row
 * writes in that amendment.  Enter did nothing, and the only way to write
 * in it was the review page's menu or the sidebar. */
static void
test_list_keys (AmendGuiFixture *f,
                gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  GtkWidget *row;

  if (!amend_gui_have_xdotool ())
    {
      g_test_skip ("needs xdotool for real keys");
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "amendments");
  wait_settled (f);
  row = amend_amendments_page_get_row (page, SLUG);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  amend_gui_keys (row, "Return");
  wait_settled (f);
  g_assert_cmpstr (amend_review_page_get_slug (review_page (f)), ==, SLUG);
  if (!focus_in (f, GTK_WIDGET (review_page (f))))
    g_error ("Enter on the row left the focus on %s",
             gtk_root_get_focus (GTK_ROOT (f->window)) ? G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (f->window)))
                                                       : "nothing");

  row = amend_amendments_page_get_row (page, SLUG);
  gtk_widget_grab_focus (row);
  amend_gui_keys (row, "ctrl+Return");
  g_assert_true (amend_gui_wait (window_on_amendment, f, 30));
  amend_gui_wait_idle (f);
  g_assert_cmpstr (amend_project_get_branch (amend_window_get_project (f->window)), ==, BRANCH);
}

static gboolean
project_has_unreadable (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);

  return project && amend_project_get_unreadable (project)->len == 1;
}

/* A branch amendement/SLUG that cannot be read (here it names a tree,
 * not a commit) is listed after the others with what to do, and cannot
 * be chosen, in the Amendments view and in the sidebar; the readable
 * ones are all still there.  Before, the window left it out without a
 * word. */
static void
test_unreadable_listed (AmendGuiFixture *f,
                        gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  const char *argv[] = { "git", "-C", f->dir, "rev-parse", "HEAD^{tree}", NULL };
  g_autofree char *ref = g_build_filename (f->dir, ".git", "refs", "heads", "amendement", "kapot", NULL);
  g_autofree char *tree = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *heading;
  GtkWidget *row;
  int status = -1;

  /* git itself refuses to point a branch at a tree: the file is written. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &tree, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_set_contents (ref, tree, -1, NULL));
  amend_window_show_page (f->window, "amendments");
  wait_settled (f);
  g_assert_nonnull (amend_amendments_page_get_row (page, SLUG));
  heading = amend_gui_find_label (GTK_WIDGET (f->window), "amendement/kapot cannot be read");
  g_assert_nonnull (heading);
  row = gtk_widget_get_ancestor (GTK_WIDGET (heading), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)));
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_assert_nonnull (amend_gui_find_label (row, "the branch amendement/kapot points at a tree, not at a version (a "
                                               "commit), so it holds no amendment; point it at a version with git "
                                               "branch -f amendement/kapot COMMIT, or remove it with git branch -D "
                                               "amendement/kapot"));

  /* The sidebar's list of amendments names it too, where it cannot be chosen. */
  g_assert_true (amend_gui_wait (project_has_unreadable, f, 30));
  amend_outline_panel_show_page (amend_window_get_outline_panel (f->window), "amendments");
  amend_gui_spin (200);
  heading = amend_gui_find_label (GTK_WIDGET (amend_window_get_outline_panel (f->window)), "amendement/kapot");
  g_assert_nonnull (heading);
  row = gtk_widget_get_ancestor (GTK_WIDGET (heading), GTK_TYPE_LIST_BOX_ROW);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_nonnull (amend_gui_find_label (row, "Cannot be read"));
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/review/vote-adopt", test_vote_adopt);
  ADD ("/review/reject", test_reject);
  ADD ("/review/vote-tie", test_vote_tie);
  ADD ("/review/comments", test_comments);
  ADD ("/review/comment-ctrl-enter", test_comment_ctrl_enter);
  ADD ("/review/submit-offers-hand-in", test_submit_offers_hand_in);
  ADD ("/review/comment-asks-author", test_comment_asks_author);
  ADD ("/review/conflict-theirs", test_conflict_theirs);
  ADD ("/review/conflict-text-abort", test_conflict_text_abort);
  ADD ("/review/conflict-from-terminal", test_conflict_from_terminal);
  ADD ("/review/side-by-side-and-copy", test_sides_and_copy);
  ADD ("/review/update", test_update);
  ADD ("/review/update-signed-as-preferences", test_update_signed_as_preferences);
  ADD ("/review/paper", test_paper);
  ADD ("/review/subamendment-words", test_subamendment_words);
  ADD ("/review/refused", test_refused);
  ADD ("/review/lapsed", test_lapsed);
  ADD ("/review/lapsed-refused", test_lapsed_refused);
  ADD ("/review/refresh-keeps-focus", test_refresh_keeps_focus);
  ADD ("/review/two-regulations", test_two_regulations);
  ADD ("/review/two-regulations-both", test_two_regulations_both);
  ADD ("/review/two-regulations-conflict", test_two_regulations_conflict);
  ADD ("/review/voting-order", test_voting_order);
  ADD ("/review/decided-not-written", test_decided_not_written);
  ADD ("/review/list-keys", test_list_keys);
  ADD ("/review/unreadable-listed", test_unreadable_listed);
#undef ADD

  return g_test_run ();
}
