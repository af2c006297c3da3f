/* test-gui-propose.c: proposing amendments and subamendments in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb: a new amendment proposed while the editor is on another one
 * gets the draft's text, not that amendment's; a subamendment proposed
 * from the review page's menu starts from the amendment it amends; a
 * proposal that asked about unsaved text goes on once it is kept.  Each
 * checked with git and against the file in the working copy.
 */
#include "config.h"

#include <string.h>

#include "amend-example.h"
#include "amend-gui-test.h"
#include "amend-propose-dialog.h"
#include "amend-test-git.h"

#define SLUG      AMEND_EXAMPLE_AMENDMENT_SLUG
#define BRANCH    "amendement/" AMEND_EXAMPLE_AMENDMENT_SLUG
#define FILE_NAME "apv-lindewaarde.md"

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("\"%s\" is not in:\n%s", needle, haystack ? haystack : "(null)");
}

static gboolean
on_branch (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);

  return !amend_window_is_busy (f->window) && project &&
         g_strcmp0 (amend_project_get_branch (project), g_object_get_data (G_OBJECT (f->window), "want-branch")) == 0;
}

static void
wait_branch (AmendGuiFixture *f,
             const char      *branch)
{
  g_object_set_data_full (G_OBJECT (f->window), "want-branch", g_strdup (branch), g_free);
  if (!amend_gui_wait (on_branch, f, 30))
    g_error ("the window did not come to %s (last error: %s)", branch,
             amend_window_get_last_error (f->window) ? amend_window_get_last_error (f->window) : "none");
  amend_gui_wait_idle (f);
}

static AmendProposeDialog *
wait_propose_dialog (AmendGuiFixture *f)
{
  GtkWindow *dialog;

  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (AMEND_IS_PROPOSE_DIALOG (dialog));
  return AMEND_PROPOSE_DIALOG (dialog);
}

/* The editor shows the text of the branch the window is on, as saved. */
static void
assert_editor_is_saved_text (AmendGuiFixture *f)
{
  g_autofree char *text = amend_gui_text (f);
  g_autofree char *disk = amend_test_read (f->dir, FILE_NAME);

  g_assert_cmpstr (text, ==, disk);
  g_assert_false (amend_window_has_unsaved (f->window));
}

/* On an amendment, a new amendment: it starts from the draft, and so does
 * the editor's text — the other amendment's change is not in it, and
 * Ctrl+S would not put it there. */
static void
test_from_another_amendment (AmendGuiFixture *f,
                             gconstpointer    data)
{
  AmendProposeDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", SLUG, NULL), ==, 0);
  wait_branch (f, BRANCH);
  text = amend_gui_text (f);
  assert_has (text, "binnen zes weken");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  dialog = wait_propose_dialog (f);
  amend_propose_dialog_fill (dialog, "Ruimere terrastijden", NULL, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  wait_branch (f, "amendement/ruimere-terrastijden");

  g_clear_pointer (&text, g_free);
  text = amend_gui_text (f);
  assert_has (text, "binnen acht weken");
  g_assert_null (strstr (text, "binnen zes weken"));
  assert_editor_is_saved_text (f);
  amend_test_fsck (f->dir);
}

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

static void
press (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  if (amend_gui_have_xdotool ())
    amend_gui_click (widget);
  else if (GTK_IS_BUTTON (widget))
    g_signal_emit_by_name (widget, "clicked");
  else
    gtk_widget_activate (widget);
}

static gboolean
review_shown (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);

  return !amend_window_is_busy (f->window) && !amend_amendments_page_is_busy (page) &&
         amend_amendments_page_get_row (page, SLUG) != NULL;
}

/* From the review page's menu: a subamendment of the example's amendment,
 * made by the core as `amend propose --on` makes it. */
static void
test_subamendment (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  AmendReviewPage *review = amend_amendments_page_get_review (page);
  AmendProposeDialog *dialog;
  GtkWidget *more;
  g_autofree char *record = NULL;
  g_autofree char *text = NULL;

  amend_window_show_page (f->window, "amendments");
  g_assert_true (amend_gui_wait (review_shown, f, 60));
  amend_gui_wait_idle (f);
  press (amend_amendments_page_get_row (page, SLUG));
  g_assert_true (amend_gui_wait (review_shown, f, 60));
  amend_gui_wait_idle (f);
  g_assert_cmpstr (amend_review_page_get_slug (review), ==, SLUG);

  more = amend_review_page_get_button (review, "more");
  press (more);
  amend_gui_spin (400);
  press (find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))), "Propose Subamendment…"));
  dialog = wait_propose_dialog (f);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Propose a Subamendment");
  assert_has (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "starts from “Kortere beslistermijn”");
  amend_propose_dialog_fill (dialog, "Zeven dagen", NULL, "Zes weken en zeven dagen is haalbaar.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  wait_branch (f, "amendement/zeven-dagen");

  /* Its record says what it amends; it starts from that amendment's text. */
  record = amend_test_git_ok (f->dir, "show", "amendement/zeven-dagen:.amend/amendementen/zeven-dagen/amendement.ini",
                              NULL);
  assert_has (record, "amends=" SLUG);
  assert_has (record, "Zes weken en zeven dagen is haalbaar.");
  {
    g_autofree char *base = amend_test_git_ok (f->dir, "merge-base", "amendement/zeven-dagen", BRANCH, NULL);
    g_autofree char *tip = amend_test_git_ok (f->dir, "rev-parse", BRANCH, NULL);

    g_assert_cmpstr (base, ==, tip);
  }
  text = amend_gui_text (f);
  assert_has (text, "binnen zes weken");
  assert_editor_is_saved_text (f);
  amend_test_fsck (f->dir);
}

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

static GtkWidget *
open_menu_item (AmendGuiFixture *f,
                const char      *item)
{
  AmendReviewPage *review = amend_amendments_page_get_review (amend_window_get_amendments_page (f->window));
  GtkWidget *more = amend_review_page_get_button (review, "more");

  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));

  press (more);
  amend_gui_spin (400);
  g_assert_true (gtk_widget_get_mapped (popover));
  return find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))), item);
}

static gboolean
vote_offered (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendReviewPage *review = amend_amendments_page_get_review (amend_window_get_amendments_page (f->window));

  return review_shown (f) && gtk_widget_get_mapped (amend_review_page_get_button (review, "vote"));
}

static gboolean
record_has (gpointer data)
{
  AmendGuiFixture *f = data;
  g_autofree char *record = amend_test_git_ok (f->dir, "show", BRANCH ":.amend/amendementen/" SLUG "/amendement.ini", NULL);

  return !amend_window_is_busy (f->window) && strstr (record, "Wijkraad Oost") != NULL;
}

/* A citizen group's amendment being written: its submitters and
 * motivation changed from the review page's menu, committed on its
 * branch; once submitted, the item is off. */
static void
test_edit_record (AmendGuiFixture *f,
                  gconstpointer    data)
{
  AmendAmendmentsPage *page = amend_window_get_amendments_page (f->window);
  AmendProposeDialog *dialog;
  g_autofree char *record = NULL;

  amend_window_show_page (f->window, "amendments");
  g_assert_true (amend_gui_wait (review_shown, f, 60));
  amend_gui_wait_idle (f);
  press (amend_amendments_page_get_row (page, SLUG));
  g_assert_true (amend_gui_wait (review_shown, f, 60));
  amend_gui_wait_idle (f);

  press (open_menu_item (f, "Submitters and Motivation…"));
  dialog = wait_propose_dialog (f);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Submitters and Motivation");
  g_assert_cmpstr (amend_propose_dialog_get_title_text (dialog), ==, "Kortere beslistermijn");
  g_assert_false (gtk_widget_is_sensitive (amend_propose_dialog_get_title_row (dialog)));
  amend_propose_dialog_fill (dialog, NULL, "Wijkraad Oost; Anna de Vries <anna@example.nl>",
                             "Inwoners wachten nu te lang op een besluit.");
  /* The dialog's own button, which closes it as it answers. */
  press (find_button (GTK_WIDGET (dialog), "_Change"));
  g_assert_true (amend_gui_wait (record_has, f, 30));
  g_assert_null (amend_window_get_dialog (f->window));
  amend_gui_wait_idle (f);
  record = amend_test_git_ok (f->dir, "show", BRANCH ":.amend/amendementen/" SLUG "/amendement.ini", NULL);
  assert_has (record, "submitters=Wijkraad Oost;Anna de Vries <anna@example.nl>");
  assert_has (record, "motivation=Inwoners wachten nu te lang op een besluit.");
  assert_has (record, "status=concept");
  amend_test_fsck (f->dir);

  /* Submitted: what the council has stays. */
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", SLUG, NULL), ==, 0);
  g_assert_true (amend_gui_wait (vote_offered, f, 60));
  amend_gui_wait_idle (f);
  /* The menu's item (its action) does nothing now. */
  gtk_widget_activate_action (GTK_WIDGET (amend_amendments_page_get_review (page)), "review.edit", NULL);
  amend_gui_spin (500);
  g_assert_null (amend_window_get_dialog (f->window));
}

/* Unsaved text on an amendment and Propose: Keep Unsaved Here keeps it
 * there, and the proposal goes on from the draft (the dialog comes). */
static void
test_keep_then_propose (AmendGuiFixture *f,
                        gconstpointer    data)
{
  GtkWindow *ask;
  AmendProposeDialog *dialog;

  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", SLUG, NULL), ==, 0);
  wait_branch (f, BRANCH);
  amend_gui_type (f, "## Artikel 1:2 Beslistermijn", " (onbewaard)");
  g_assert_true (amend_window_has_unsaved (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  ask = amend_window_get_dialog (f->window);
  g_assert_false (AMEND_IS_PROPOSE_DIALOG (ask));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), AMEND_LEAVE_KEEP);
  wait_branch (f, "main");
  dialog = wait_propose_dialog (f);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Propose an Amendment");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  amend_gui_wait_idle (f);
  assert_editor_is_saved_text (f);
}

/* Typed from the keyboard as a person fills in a form: Enter in the
 * Submitters field proposes (it did nothing; Tab went on to Cancel). */
static void
test_enter_proposes (AmendGuiFixture *f,
                     gconstpointer    data)
{
  AmendProposeDialog *dialog;
  GtkWidget *submitters;
  g_autofree char *record = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  dialog = wait_propose_dialog (f);
  amend_propose_dialog_fill (dialog, "Tien weken", NULL, NULL);
  submitters = amend_propose_dialog_get_submitters_row (dialog);
  if (!amend_gui_have_xdotool ())
    {
      g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (submitters)));
      g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (amend_propose_dialog_get_title_row (dialog))));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (submitters), "");
  amend_gui_type_keys (submitters, "Wijkraad Oost <info@wijkraad-oost.example>");
  amend_gui_keys (submitters, "Return");
  wait_branch (f, "amendement/tien-weken");
  record = amend_test_git_ok (f->dir, "show", "amendement/tien-weken:.amend/amendementen/tien-weken/amendement.ini", NULL);
  assert_has (record, "Wijkraad Oost <info@wijkraad-oost.example>");
}

/* Cancel keeps what was typed: the next Propose offers it again, until
 * the amendment is proposed; then the form is empty again. */
static void
test_cancel_keeps_form (AmendGuiFixture *f,
                        gconstpointer    data)
{
  AmendProposeDialog *dialog;
  g_autofree char *motivation = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  dialog = AMEND_PROPOSE_DIALOG (amend_window_get_dialog (f->window));
  amend_propose_dialog_fill (dialog, "Ruimere terrastijden", "Anna de Vries <anna@example.nl>; Wijkraad Oost",
                             "Terrassen mogen in de zomer tot middernacht open.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  amend_gui_spin (100);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  dialog = AMEND_PROPOSE_DIALOG (amend_window_get_dialog (f->window));
  g_assert_cmpstr (amend_propose_dialog_get_title_text (dialog), ==, "Ruimere terrastijden");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amend_propose_dialog_get_submitters_row (dialog))), ==,
                   "Anna de Vries <anna@example.nl>; Wijkraad Oost");
  motivation = amend_propose_dialog_dup_motivation (dialog);
  g_assert_cmpstr (motivation, ==, "Terrassen mogen in de zomer tot middernacht open.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  g_object_set_data_full (G_OBJECT (f->window), "want-branch", g_strdup ("amendement/ruimere-terrastijden"), g_free);
  g_assert_true (amend_gui_wait (on_branch, f, 30));
  amend_gui_wait_idle (f);

  /* Proposed: nothing of it is offered for the next one. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  dialog = AMEND_PROPOSE_DIALOG (amend_window_get_dialog (f->window));
  g_assert_cmpstr (amend_propose_dialog_get_title_text (dialog), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amend_propose_dialog_get_submitters_row (dialog))), ==,
                   "Test Gebruiker <test@example.nl>");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/propose/from-another-amendment", test_from_another_amendment);
  ADD ("/propose/subamendment", test_subamendment);
  ADD ("/propose/keep-then-propose", test_keep_then_propose);
  ADD ("/propose/edit-record", test_edit_record);
  ADD ("/propose/enter-proposes", test_enter_proposes);
  ADD ("/propose/cancel-keeps-form", test_cancel_keeps_form);
#undef ADD

  return g_test_run ();
}
