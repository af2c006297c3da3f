/* test-gui.c: the window on a copy of the example project, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case drives the window as a user would (actions, dialogs and their
 * responses, keystrokes into the buffer) and checks the outcome in the
 * widgets and in git itself.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "amend-gui-test.h"
#include "amend-outline-item.h"
#include "amend-properties-dialog.h"
#include "amend-propose-dialog.h"
#include "amend-save-dialog.h"
#include "amend-test-git.h"
#include "amend-xml-meta.h"

#define FILE_NAME "apv-lindewaarde.md"

static GtkTextBuffer *
buffer_of (AmendGuiFixture *f)
{
  return GTK_TEXT_BUFFER (amend_editor_get_buffer (amend_window_get_editor (f->window)));
}

static char *
line_text (GtkTextBuffer *buffer,
           guint          line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line - 1);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
line_of (GtkTextBuffer *buffer,
         const char    *needle)
{
  GtkTextIter start, end, match;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match, NULL, NULL));
  return gtk_text_iter_get_line (&match) + 1;
}

/* ----------------------------------------------------------------------- */

static void
test_open_article (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendOutlinePanel *panel = amend_window_get_outline_panel (f->window);
  AmendEditor *editor = amend_window_get_editor (f->window);
  GtkTextBuffer *buffer = buffer_of (f);
  g_autofree char *heading = NULL;
  guint pos, next;
  GtkTextIter iter;

  /* The outline has the chapters and articles of the example. */
  g_assert_cmpuint (g_list_model_get_n_items (amend_outline_panel_get_items (panel)), >, 10);
  pos = amend_outline_panel_find_label (panel, "Artikel 1:2 ");
  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);

  /* A click on it puts the cursor on its heading. */
  amend_outline_panel_activate_item (panel, pos);
  heading = line_text (buffer, amend_editor_get_cursor_line (editor));
  g_assert_true (g_str_has_prefix (heading, "## Artikel 1:2 Beslistermijn"));

  /* The outline follows the cursor into the next article. */
  next = amend_outline_panel_find_label (panel, "Artikel 1:3 ");
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line_of (buffer, "## Artikel 1:3") + 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  amend_gui_spin (50);
  g_assert_cmpuint (amend_outline_panel_get_selected (panel), ==, next);
}

static void
test_live_check (AmendGuiFixture *f,
                 gconstpointer    data)
{
  AmendOutlinePanel *panel = amend_window_get_outline_panel (f->window);
  AmendEditor *editor = amend_window_get_editor (f->window);
  GtkTextBuffer *buffer = buffer_of (f);
  GtkTextTag *error_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "amend-error");
  g_autoptr(AmendOutlineItem) item = NULL;
  GPtrArray *findings;
  const AmendDiagnostic *found = NULL;
  GtkListBoxRow *row;
  GtkTextIter iter;
  guint line, pos;

  /* The example is clean. */
  g_assert_cmpuint (amend_editor_get_findings (editor)->len, ==, 0);

  /* A reference to an article that does not exist, typed into 1:2. */
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Zie ook artikel 99:1.");
  g_assert_true (amend_editor_is_checking (editor));
  amend_gui_wait_idle (f);
  findings = amend_editor_get_findings (editor);
  line = line_of (buffer, "Zie ook artikel 99:1");
  for (guint i = 0; i < findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (findings, i);
      if (d->line == line && d->severity == AMEND_SEVERITY_ERROR)
        found = d;
    }
  g_assert_nonnull (found);
  g_assert_nonnull (strstr (found->message, "99:1"));

  /* The reference underlined in the text, not the whole member... */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line - 1, 5);
  g_assert_false (gtk_text_iter_has_tag (&iter, error_tag));
  {
    GtkTextIter from, to, match_start, match_end;

    gtk_text_buffer_get_iter_at_line (buffer, &from, line - 1);
    to = from;
    gtk_text_iter_forward_to_line_end (&to);
    g_assert_true (gtk_text_iter_forward_search (&from, "artikel 99:1", 0, &match_start, &match_end, &to));
    g_assert_true (gtk_text_iter_starts_tag (&match_start, error_tag));
    gtk_text_iter_backward_char (&match_end);
    g_assert_true (gtk_text_iter_has_tag (&match_end, error_tag));
    g_assert_true (gtk_text_iter_forward_char (&match_end));
    g_assert_false (gtk_text_iter_has_tag (&match_end, error_tag));
  }
  /* ...marked on the article in the outline... */
  pos = amend_outline_panel_find_label (panel, "Artikel 1:2 ");
  item = g_list_model_get_item (amend_outline_panel_get_items (panel), pos);
  g_assert_cmpint (amend_outline_item_get_finding (item), ==, AMEND_FINDING_ERROR);
  /* ...and listed, with a jump to its line. */
  row = gtk_list_box_get_row_at_index (amend_editor_get_findings_list (editor), 0);
  g_assert_nonnull (row);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_signal_emit_by_name (amend_editor_get_findings_list (editor), "row-activated", row);
  g_assert_cmpuint (amend_editor_get_cursor_line (editor), ==, line);

  /* Undo takes the sentence away, and the finding with it. */
  gtk_text_buffer_undo (buffer);
  amend_gui_wait_idle (f);
  g_assert_cmpuint (amend_editor_get_findings (editor)->len, ==, 0);
  g_object_unref (g_steal_pointer (&item));
  item = g_list_model_get_item (amend_outline_panel_get_items (panel), pos);
  g_assert_cmpint (amend_outline_item_get_finding (item), ==, AMEND_FINDING_NONE);
  g_assert_false (amend_window_has_unsaved (f->window));
}

static void
test_save (AmendGuiFixture *f,
           gconstpointer    data)
{
  AmendHistoryPage *history = amend_window_get_history_page (f->window);
  g_autofree char *subject = NULL;
  g_autofree char *author = NULL;
  g_autofree char *on_disk = NULL;
  GtkWindow *dialog;
  guint before;
  const AmendCommit *top;

  before = amend_history_page_get_versions (history)->len;
  g_assert_cmpuint (before, ==, 1);
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Het verdagingsbesluit wordt gemotiveerd.");
  g_assert_true (amend_window_has_unsaved (f->window));

  /* Ctrl+S opens the save dialog, which asks for the author the first time. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (AMEND_IS_SAVE_DIALOG (dialog));
  g_assert_true (amend_save_dialog_asks_author (AMEND_SAVE_DIALOG (dialog)));
  /* It offers who git says the user is, as the Propose dialog does. */
  author = amend_save_dialog_dup_author (AMEND_SAVE_DIALOG (dialog));
  g_assert_cmpstr (author, ==, "Test Gebruiker <test@example.nl>");
  g_clear_pointer (&author, g_free);
  amend_save_dialog_set_author (AMEND_SAVE_DIALOG (dialog), "Petra Smit", "p.smit@lindewaarde.example");
  amend_save_dialog_set_message (AMEND_SAVE_DIALOG (dialog), "Motivering van de verdaging");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  amend_gui_wait_idle (f);

  /* The commit is in the history of the window... */
  g_assert_false (amend_window_has_unsaved (f->window));
  g_assert_cmpuint (amend_history_page_get_versions (history)->len, ==, before + 1);
  top = g_ptr_array_index (amend_history_page_get_versions (history), 0);
  g_assert_cmpstr (top->message, ==, "Motivering van de verdaging\n");
  g_assert_cmpstr (top->author, ==, "Petra Smit");
  /* ...and in git's own log, with the file as typed. */
  subject = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", NULL);
  g_assert_cmpstr (subject, ==, "Motivering van de verdaging\n");
  author = amend_test_git_ok (f->dir, "log", "-1", "--format=%an <%ae>", NULL);
  g_assert_cmpstr (author, ==, "Petra Smit <p.smit@lindewaarde.example>\n");
  on_disk = amend_test_read (f->dir, FILE_NAME);
  g_assert_nonnull (strstr (on_disk, "Het verdagingsbesluit wordt gemotiveerd."));
  amend_test_fsck (f->dir);

  /* The second save does not ask again. */
  amend_gui_type (f, "Het verdagingsbesluit wordt gemotiveerd.", " Schriftelijk.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_false (amend_save_dialog_asks_author (AMEND_SAVE_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

/* Git knows who the user is only in the project's own configuration
 * (the user's has no [user]): the Save dialog offers that, not the
 * account's login ("root" here, whose full name is its login); git
 * knowing the name alone, Propose offers the name as first submitter. */
static void
test_save_offers_project_identity (AmendGuiFixture *f,
                                   gconstpointer    data)
{
  g_autofree char *global = g_build_filename (amend_test_git_home (), ".gitconfig", NULL);
  g_autofree char *before = amend_test_read (amend_test_git_home (), ".gitconfig");
  g_autoptr(GString) without_user = g_string_new (before);
  g_autofree char *author = NULL;
  g_autofree char *unused = NULL;
  GtkWindow *dialog;

  g_string_replace (without_user, "\tname = Test Gebruiker\n\temail = test@example.nl\n", "", 1);
  g_assert_true (g_file_set_contents (global, without_user->str, -1, NULL));
  unused = amend_test_git_ok (f->dir, "config", "user.name", "Petra Smit", NULL);
  g_clear_pointer (&unused, g_free);
  unused = amend_test_git_ok (f->dir, "config", "user.email", "p.smit@lindewaarde.example", NULL);

  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Schriftelijk.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  author = amend_save_dialog_dup_author (AMEND_SAVE_DIALOG (dialog));
  g_assert_cmpstr (author, ==, "Petra Smit <p.smit@lindewaarde.example>");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  amend_gui_spin (100);

  /* The name alone: offered alone, never with the login's. */
  g_clear_pointer (&unused, g_free);
  unused = amend_test_git_ok (f->dir, "config", "--unset", "user.email", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (AMEND_IS_PROPOSE_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amend_propose_dialog_get_submitters_row (AMEND_PROPOSE_DIALOG (dialog)))),
                   ==, "Petra Smit");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_true (g_file_set_contents (global, before, -1, NULL));
}

static void
test_propose (AmendGuiFixture *f,
              gconstpointer    data)
{
  AmendProject *project;
  GtkWindow *dialog;
  g_autofree char *record = NULL;
  g_autofree char *branches = NULL;
  g_autofree char *head = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (AMEND_IS_PROPOSE_DIALOG (dialog));
  amend_propose_dialog_fill (AMEND_PROPOSE_DIALOG (dialog), "Ruimere terrastijden",
                             "Anna de Vries <anna@example.nl>; Karim El Idrissi <karim@example.nl>",
                             "Terrassen mogen in de zomer tot middernacht open.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  amend_gui_wait_idle (f);

  /* The window is on the new branch, which git has, with its record. */
  project = amend_window_get_project (f->window);
  g_assert_cmpstr (amend_project_get_branch (project), ==, "amendement/ruimere-terrastijden");
  g_assert_cmpuint (amend_project_get_amendments (project)->len, ==, 2);
  head = amend_test_git_ok (f->dir, "symbolic-ref", "--short", "HEAD", NULL);
  g_assert_cmpstr (head, ==, "amendement/ruimere-terrastijden\n");
  branches = amend_test_git_ok (f->dir, "branch", "--list", "amendement/*", NULL);
  g_assert_nonnull (strstr (branches, "amendement/ruimere-terrastijden"));
  record = amend_test_git_ok (f->dir, "show",
                              "amendement/ruimere-terrastijden:.amend/amendementen/ruimere-terrastijden/amendement.ini",
                              NULL);
  g_assert_nonnull (strstr (record, "Ruimere terrastijden"));
  g_assert_nonnull (strstr (record, "Karim El Idrissi <karim@example.nl>"));
  g_assert_nonnull (strstr (record, "middernacht"));
  amend_test_fsck (f->dir);
}

static void
type_keys_or_set (GtkWidget  *widget,
                  const char *text)
{
  if (amend_gui_have_xdotool ())
    amend_gui_type_keys (widget, text);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* The Submitters field: the user's own name and address in it, not red
 * before typing; a group without an address is a submitter; an address
 * without @ is refused. */
static void
test_submitters (AmendGuiFixture *f,
                 gconstpointer    data)
{
  AmendProposeDialog *dialog;
  GtkWidget *row;
  GtkWidget *title;
  g_autofree char *record = NULL;

  if (amend_gui_have_xdotool ())
    amend_gui_keys (GTK_WIDGET (amend_editor_get_view (amend_window_get_editor (f->window))), "ctrl+shift+n");
  else
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.propose", NULL);
  amend_gui_wait_dialog (f);
  dialog = AMEND_PROPOSE_DIALOG (amend_window_get_dialog (f->window));
  row = amend_propose_dialog_get_submitters_row (dialog);
  title = amend_propose_dialog_get_title_row (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Test Gebruiker <test@example.nl>");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "propose"));

  /* Typed: a title, then a group without an address. */
  type_keys_or_set (title, "Fietsen in het park");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  type_keys_or_set (row, "Wijkraad Oost; Jan Jansen <jan.lindewaarde.nl>");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (amend_propose_dialog_get_hint (dialog), "@"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "propose"));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  type_keys_or_set (row, "Wijkraad Oost; Jan Jansen <jan@lindewaarde.nl>");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "propose"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  amend_gui_wait_idle (f);
  record = amend_test_git_ok (f->dir, "show",
                              "amendement/fietsen-in-het-park:.amend/amendementen/fietsen-in-het-park/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "submitters=Wijkraad Oost;Jan Jansen <jan@lindewaarde.nl>;"));
}

static gboolean
on_branch (gpointer data)
{
  AmendGuiFixture *f = data;
  const char *want = g_object_get_data (G_OBJECT (f->window), "want-branch");


  return !amend_window_is_busy (f->window) && amend_window_get_project (f->window) &&
         g_strcmp0 (amend_project_get_branch (amend_window_get_project (f->window)), want) == 0;
}

static void
test_switch_unsaved (AmendGuiFixture *f,
                     gconstpointer    data)
{
  const char *amendment = "amendement/kortere-beslistermijn";
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *main_head = NULL;
  GtkWindow *dialog;

  amend_gui_type (f, "ten hoogste acht weken verdagen.", " ONBEWAARDE ZIN.");

  /* Cancel: nothing happens. */
  amend_window_switch_branch (f->window, amendment);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), AMEND_LEAVE_KEEP));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), AMEND_LEAVE_SAVE));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), AMEND_LEAVE_CANCEL);
  amend_gui_spin (100);
  g_assert_cmpstr (amend_project_get_branch (amend_window_get_project (f->window)), ==, "main");
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "ONBEWAARDE ZIN."));
  g_clear_pointer (&text, g_free);

  /* Keep: the switch happens, the sentence waits as a draft of main. */
  amend_window_switch_branch (f->window, amendment);
  amend_gui_wait_dialog (f);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (amend_window_get_dialog (f->window)), AMEND_LEAVE_KEEP);
  g_object_set_data (G_OBJECT (f->window), "want-branch", (gpointer) amendment);
  g_assert_true (amend_gui_wait (on_branch, f, 30));
  amend_gui_wait_idle (f);
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "binnen zes weken na de datum"));
  g_assert_null (strstr (text, "ONBEWAARDE ZIN."));
  g_clear_pointer (&text, g_free);
  main_head = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);
  g_strchomp (main_head);
  draft = amend_draft_store_load (amend_window_get_draft_store (f->window), amend_project_get_path (amend_window_get_project (f->window)),
                                  "main", FILE_NAME, main_head, NULL, NULL, NULL);
  g_assert_nonnull (draft);
  g_assert_nonnull (strstr (draft, "ONBEWAARDE ZIN."));
  status = amend_test_git_ok (f->dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* Back on the draft, the sentence is there again, restored. */
  amend_window_switch_branch (f->window, "main");
  g_object_set_data (G_OBJECT (f->window), "want-branch", (gpointer) "main");
  g_assert_true (amend_gui_wait (on_branch, f, 30));
  amend_gui_wait_idle (f);
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "ONBEWAARDE ZIN."));
  g_assert_true (amend_window_draft_restored (f->window));
  g_assert_true (amend_window_has_unsaved (f->window));
  /* Never written over the working copy before it is saved. */
  on_disk = amend_test_read (f->dir, FILE_NAME);
  g_assert_null (strstr (on_disk, "ONBEWAARDE ZIN."));
}

/* Moves the cursor to the end of the line with @after and types @text
 * there: with real key presses where xdotool is there, else as
 * keystrokes would through the buffer. */
static void
type_at (AmendGuiFixture *f,
         const char      *after,
         const char      *text)
{
  GtkWidget *view = GTK_WIDGET (amend_editor_get_view (amend_window_get_editor (f->window)));
  GtkTextBuffer *buffer = buffer_of (f);
  GtkTextIter start, end, match;

  if (!amend_gui_have_xdotool ())
    {
      amend_gui_type (f, after, text);
      return;
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, after, 0, NULL, &match, NULL));
  if (!gtk_text_iter_ends_line (&match))
    gtk_text_iter_forward_to_line_end (&match);
  gtk_text_buffer_place_cursor (buffer, &match);
  amend_gui_type_keys (view, text);
}

static char *
draft_of (AmendGuiFixture *f,
          const char      *branch)
{
  g_autofree char *head = amend_test_git_ok (f->dir, "rev-parse", branch, NULL);

  g_strchomp (head);
  return amend_draft_store_load (amend_window_get_draft_store (f->window),
                                 amend_project_get_path (amend_window_get_project (f->window)),
                                 branch, FILE_NAME, head, NULL, NULL, NULL);
}

static void
wait_branch (AmendGuiFixture *f,
             const char      *branch)
{
  g_object_set_data_full (G_OBJECT (f->window), "want-branch", g_strdup (branch), g_free);
  g_assert_true (amend_gui_wait (on_branch, f, 30));
  amend_gui_wait_idle (f);
}

static gboolean
text_has (gpointer data)
{
  AmendGuiFixture *f = data;
  g_autofree char *text = amend_gui_text (f);

  return strstr (text, g_object_get_data (G_OBJECT (f->window), "want-text")) != NULL;
}

static gboolean
head_is (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendProject *project = amend_window_get_project (f->window);

  return !amend_window_is_busy (f->window) && project &&
         g_strcmp0 (amend_project_get_head_commit (project), g_object_get_data (G_OBJECT (f->window), "want-head")) == 0;
}

/* `amend switch` and `amend propose` in a terminal while the window is
 * open: the header, the editor and the drafts follow; a save pressed
 * before the window noticed lands nowhere; nothing unsaved is lost. */
static void
test_outside_switch (AmendGuiFixture *f,
                     gconstpointer    data)
{
  const char *amendment = "amendement/kortere-beslistermijn";
  g_autofree char *main_before = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);
  char *amendment_before = amend_test_git_ok (f->dir, "rev-parse", amendment, NULL);
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *status = NULL;
  g_autofree char *head = NULL;
  AmendProject *project;

  g_assert_cmpstr (amend_window_get_where (f->window), ==, "Draft");
  type_at (f, "ten hoogste acht weken verdagen.", " Onbewaard in het ontwerp.");
  g_assert_true (amend_window_has_unsaved (f->window));

  /* The terminal switches to the amendment: the window follows. */
  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "kortere-beslistermijn", NULL), ==, 0);
  wait_branch (f, amendment);
  where = g_strdup (amend_window_get_where (f->window));
  g_assert_cmpstr (where, ==, amend_amendment_get_title (amend_project_get_amendment (amend_window_get_project (f->window))));
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "binnen zes weken na de datum"));
  g_assert_null (strstr (text, "Onbewaard in het ontwerp."));
  g_clear_pointer (&text, g_free);
  draft = draft_of (f, "main");
  g_assert_nonnull (draft);
  g_assert_nonnull (strstr (draft, "Onbewaard in het ontwerp."));
  g_clear_pointer (&draft, g_free);

  /* Typing in the amendment; the terminal switches back to the draft, and
   * Ctrl+S is pressed before the window has noticed: nothing is saved on
   * either branch, and the window follows. */
  type_at (f, "binnen zes weken na de datum", " Onbewaard in het amendement.");

  /* Submitted in the terminal: the branch moves, the regulation does
   * not; the unsaved text stays and waits under the new version. */
  g_assert_cmpint (amend_gui_cli (f, NULL, "submit", NULL), ==, 0);
  g_free (amendment_before);
  amendment_before = amend_test_git_ok (f->dir, "rev-parse", amendment, NULL);
  g_object_set_data_full (G_OBJECT (f->window), "want-head", g_strstrip (g_strdup (amendment_before)), g_free);
  g_assert_true (amend_gui_wait (head_is, f, 30));
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "Onbewaard in het amendement."));
  g_clear_pointer (&text, g_free);
  draft = draft_of (f, amendment);
  g_assert_nonnull (draft);
  g_assert_nonnull (strstr (draft, "Onbewaard in het amendement."));
  g_clear_pointer (&draft, g_free);

  g_assert_cmpint (amend_gui_cli (f, NULL, "switch", "main", NULL), ==, 0);
  amend_window_save (f->window, "Mag nergens landen", "Petra Smit <p.smit@lindewaarde.example>");
  wait_branch (f, "main");
  g_assert_nonnull (amend_window_get_last_error (f->window));
  g_assert_nonnull (strstr (amend_window_get_last_error (f->window), "nothing was saved"));
  if (amend_window_get_dialog (f->window))
    gtk_window_destroy (amend_window_get_dialog (f->window));
  head = amend_test_git_ok (f->dir, "rev-parse", "main", NULL);
  g_assert_cmpstr (head, ==, main_before);
  g_clear_pointer (&head, g_free);
  head = amend_test_git_ok (f->dir, "rev-parse", amendment, NULL);
  g_assert_cmpstr (head, ==, amendment_before);
  g_clear_pointer (&head, g_free);
  g_free (amendment_before);
  status = amend_test_git_ok (f->dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* On the draft again: its own unsaved text is back, the amendment's
   * waits for it. */
  g_assert_cmpstr (amend_window_get_where (f->window), ==, "Draft");
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "Onbewaard in het ontwerp."));
  g_assert_null (strstr (text, "Onbewaard in het amendement."));
  g_assert_null (strstr (text, "binnen zes weken na de datum"));
  g_assert_true (amend_window_draft_restored (f->window));
  g_clear_pointer (&text, g_free);
  draft = draft_of (f, amendment);
  g_assert_nonnull (draft);
  g_assert_nonnull (strstr (draft, "Onbewaard in het amendement."));
  g_clear_pointer (&draft, g_free);

  /* A proposal made in the terminal: the window is on it, and lists it. */
  g_assert_cmpint (amend_gui_cli (f, NULL, "propose", "Fietsen in het park", "--by", "Wijkraad Oost", NULL), ==, 0);
  wait_branch (f, "amendement/fietsen-in-het-park");
  project = amend_window_get_project (f->window);
  g_assert_cmpuint (amend_project_get_amendments (project)->len, ==, 2);
  g_assert_cmpstr (amend_window_get_where (f->window), ==, "Fietsen in het park");
  amend_test_fsck (f->dir);
}

/* A draft typed on one version of the draft, and a newer version saved
 * in a terminal while the window was closed: the draft is not put onto
 * the newer text; asked for, it comes back as one undoable step. */
static void
test_draft_other_version (AmendGuiFixture *f,
                          gconstpointer    data)
{
  g_autofree char *disk = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *draft = NULL;

  type_at (f, "ten hoogste acht weken verdagen.", " Getypt op de oude versie.");
  gtk_window_close (GTK_WINDOW (f->window));
  amend_gui_spin (100);

  disk = amend_test_read (f->dir, FILE_NAME);
  changed = g_strconcat (disk, "\nElders toegevoegd en bewaard.\n", NULL);
  amend_test_write (f->dir, FILE_NAME, changed);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Elders bewaard", NULL), ==, 0);

  f->window = g_object_new (AMEND_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  amend_window_open (f->window, f->dir);
  amend_gui_wait_idle (f);
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "Elders toegevoegd en bewaard."));
  g_assert_null (strstr (text, "Getypt op de oude versie."));
  g_assert_false (amend_window_draft_restored (f->window));
  g_assert_false (amend_window_has_unsaved (f->window));
  g_clear_pointer (&text, g_free);

  /* Kept, and shown when asked. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-stray", NULL);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Getypt op de oude versie.");
  g_assert_true (amend_gui_wait (text_has, f, 5));
  gtk_text_buffer_undo (buffer_of (f));
  text = amend_gui_text (f);
  g_assert_null (strstr (text, "Getypt op de oude versie."));
  (void) draft;
}

static gboolean
compared (gpointer data)
{
  AmendGuiFixture *f = data;
  AmendRenvooiView *renvooi = amend_history_page_get_renvooi (amend_window_get_history_page (f->window));

  return !amend_history_page_is_busy (amend_window_get_history_page (f->window)) &&
         amend_renvooi_view_get_labels (renvooi)->len > 0;
}

static void
test_history (AmendGuiFixture *f,
              gconstpointer    data)
{
  AmendHistoryPage *history = amend_window_get_history_page (f->window);
  GtkTextBuffer *buffer = buffer_of (f);
  GtkTextBuffer *version;
  GtkTextIter start, end, match, match_end;
  g_autofree char *version_text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *markup = NULL;

  /* Eight weeks become four in the editor, not saved. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, "binnen acht weken", 0, &match, &match_end, NULL));
  gtk_text_buffer_delete (buffer, &match, &match_end);
  gtk_text_buffer_insert (buffer, &match, "binnen vier weken", -1);

  amend_window_show_page (f->window, "history");
  g_assert_cmpuint (amend_history_page_get_versions (history)->len, ==, 1);
  amend_history_page_select (history, 0);
  g_assert_true (amend_gui_wait (compared, f, 30));

  /* The version read-only, as saved... */
  version = amend_history_page_get_text_buffer (history);
  gtk_text_buffer_get_bounds (version, &start, &end);
  version_text = gtk_text_buffer_get_text (version, &start, &end, FALSE);
  saved = amend_test_read (f->dir, FILE_NAME);
  g_assert_cmpstr (version_text, ==, saved);
  /* ...and its renvooi against the current text: struck, underlined. */
  markup = amend_renvooi_view_dup_marked (amend_history_page_get_renvooi (history));
  g_assert_nonnull (strstr (markup, "binnen [-acht-] {+vier+} weken"));
  g_assert_true (g_str_has_prefix (markup, "Artikel 1:2 Beslistermijn\n"));
}

/* The color nodes of one colour in a render tree: the lines pango draws
 * under or through a run are such rectangles. */
static guint
count_color_nodes (GskRenderNode *node,
                   const GdkRGBA *color)
{
  guint n = 0;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      {
        const GdkRGBA *c = gsk_color_node_get_color (node);
        graphene_rect_t b;

        if (fabs (c->red - color->red) > 0.01 || fabs (c->green - color->green) > 0.01 ||
            fabs (c->blue - color->blue) > 0.01)
          return 0;
        /* Whole pixels, at least one high: a thinner line may cover no
         * pixel centre, and GTK's GL renderer then draws nothing. */
        gsk_render_node_get_bounds (node, &b);
        g_assert_cmpfloat (b.size.height, >=, 1.0);
        g_assert_cmpfloat (b.origin.y, ==, round (b.origin.y));
        return 1;
      }
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_color_nodes (gsk_container_node_get_child (node, i), color);
      return n;
    case GSK_TRANSFORM_NODE:
      return count_color_nodes (gsk_transform_node_get_child (node), color);
    case GSK_CLIP_NODE:
      return count_color_nodes (gsk_clip_node_get_child (node), color);
    case GSK_ROUNDED_CLIP_NODE:
      return count_color_nodes (gsk_rounded_clip_node_get_child (node), color);
    case GSK_OPACITY_NODE:
      return count_color_nodes (gsk_opacity_node_get_child (node), color);
    case GSK_DEBUG_NODE:
      return count_color_nodes (gsk_debug_node_get_child (node), color);
    default:
      return 0;
    }
}

static gboolean
run_has (PangoLayoutRun *run,
         const GdkRGBA  *color)
{
  for (GSList *l = run->item->analysis.extra_attrs; l; l = l->next)
    {
      PangoAttribute *attr = l->data;
      PangoColor *c = &((PangoAttrColor *) attr)->color;

      if (attr->klass->type == PANGO_ATTR_FOREGROUND &&
          abs (c->red - (int) (color->red * 65535)) < 300 && abs (c->green - (int) (color->green * 65535)) < 300)
        return TRUE;
    }
  return FALSE;
}

/* The stretches of inserted (green) or deleted (red) text on the lines as
 * laid out at this width: each needs a line under or through it. */
static guint
count_stretches (GPtrArray     *labels,
                 const GdkRGBA *color)
{
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = gtk_label_get_layout (g_ptr_array_index (labels, i));

      for (GSList *line = pango_layout_get_lines_readonly (layout); line; line = line->next)
        {
          gboolean in = FALSE;

          for (GSList *r = ((PangoLayoutLine *) line->data)->runs; r; r = r->next)
            {
              gboolean has = run_has (r->data, color);

              n += has && !in;
              in = has;
            }
        }
    }
  return n;
}

static gboolean
painted (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* The renvooi keeps every underline and every strike at every width
 * (GTK 4.8's text view lost some on wrapped lines of a wide pane). */
static void
test_renvooi_every_width (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AMEND_SOURCE_DIR"), "data", "example", FILE_NAME, NULL);
  g_autofree char *old_text = NULL;
  g_autoptr(GString) new_text = NULL;
  g_autoptr(AmendDocument) old_doc = NULL;
  g_autoptr(AmendDocument) new_doc = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  const GdkRGBA green = { 0x26 / 255., 0x85 / 255., 0x2f / 255., 1 };
  const GdkRGBA red = { 0xbf / 255., 0x1c / 255., 0x29 / 255., 1 };
  const int widths[] = { 360, 480, 600, 760, 900, 1100, 1280 };

  g_assert_true (g_file_get_contents (path, &old_text, NULL, NULL));
  new_text = g_string_new (old_text);
  g_string_replace (new_text, "binnen acht weken", "binnen vier weken na ontvangst van de volledige aanvraag", 0);
  g_string_replace (new_text, "ten hoogste acht weken verdagen.",
                    "ten hoogste acht weken verdagen. De verdaging wordt schriftelijk en met redenen omkleed meegedeeld.", 0);
  old_doc = amend_document_new_from_data (old_text, strlen (old_text), NULL);
  new_doc = amend_document_new_from_data (new_text->str, new_text->len, NULL);
  diff = amend_diff_new (old_doc, new_doc);
  blocks = amend_renvooi_build (diff);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view = amend_renvooi_view_new ();
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      GtkSnapshot *snapshot;
      guint underlines, strikes;

      amend_renvooi_view_set_blocks (AMEND_RENVOOI_VIEW (view), blocks);
      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 700);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (amend_gui_wait (painted, view, 10));
      amend_gui_spin (200);
      paintable = gtk_widget_paintable_new (view);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (view), gtk_widget_get_height (view));
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      underlines = count_stretches (amend_renvooi_view_get_labels (AMEND_RENVOOI_VIEW (view)), &green);
      strikes = count_stretches (amend_renvooi_view_get_labels (AMEND_RENVOOI_VIEW (view)), &red);
      g_test_message ("%d px: %u underlined and %u struck stretches; %u green and %u red lines drawn", widths[w], underlines,
                      strikes, count_color_nodes (node, &green), count_color_nodes (node, &red));
      g_assert_cmpuint (underlines, >=, 2);
      g_assert_cmpuint (strikes, >=, 1);
      g_assert_cmpuint (count_color_nodes (node, &green), >=, underlines);
      g_assert_cmpuint (count_color_nodes (node, &red), >=, strikes);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Names the widgets that ask for more than @limit pixels, deepest first:
 * what keeps the window from going narrower. */
static void
report_wide (GtkWidget *widget,
             int        limit)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && min_width (child) > limit)
      {
        report_wide (child, limit);
        g_test_message ("%s (%s) needs %d px", G_OBJECT_TYPE_NAME (child),
                        gtk_widget_get_name (child), min_width (child));
      }
}

/* The window goes down to 360 pixels wide on every page. */
static void
test_narrow (AmendGuiFixture *f,
             gconstpointer    data)
{
  const char *pages[] = { "editor", "history", "amendments" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int min;

      amend_window_show_page (f->window, pages[i]);
      amend_gui_wait_idle (f);
      min = min_width (GTK_WIDGET (f->window));
      if (min > 360)
        report_wide (GTK_WIDGET (f->window), g_getenv ("WIDE_LIMIT") ? atoi (g_getenv ("WIDE_LIMIT")) : 360);
      g_test_message ("%s: at least %d px", pages[i], min);
      g_assert_cmpint (min, <=, 360);
    }
}

static gboolean
history_shown (gpointer window)
{
  return amend_gui_find_label (GTK_WIDGET (window), "History") != NULL;
}

/* The window at its full width, not a frame of the way there: the title
 * shown whole and the switcher beside it. */
static gboolean
header_settled (gpointer window)
{
  const char *title = amend_project_get_title (amend_window_get_project (window));
  GtkLabel *label = amend_gui_find_label (GTK_WIDGET (window), title);

  return history_shown (window) && label != NULL &&
         !pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* At the default size (1100 by 720) the header shows the whole title of
 * the example, with the switcher beside it. */
static void
test_header_title (AmendGuiFixture *f,
                   gconstpointer    data)
{
  const char *title = amend_project_get_title (amend_window_get_project (f->window));
  GtkLabel *label;
  int width = 0, height = 0;

  /* Mapped and laid out at its size: on a loaded machine that takes more
   * than a moment; a title that stays cut off fails below. */
  amend_gui_wait (header_settled, f->window, 20);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  label = amend_gui_find_label (GTK_WIDGET (f->window), title);
  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_nonnull (amend_gui_find_label (GTK_WIDGET (f->window), "History"));
}

static gboolean
focus_in (GtkWidget *focus,
          GtkWidget *ancestor)
{
  return focus && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* F6 moves between the sidebar and the text, both ways. */
static void
test_f6 (AmendGuiFixture *f,
         gconstpointer    data)
{
  GtkWidget *view = GTK_WIDGET (amend_editor_get_view (amend_window_get_editor (f->window)));
  GtkWidget *sidebar = GTK_WIDGET (amend_window_get_outline_panel (f->window));

  if (!amend_gui_have_xdotool ())
    {
      g_test_skip ("xdotool is needed to press F6");
      return;
    }
  amend_gui_keys (view, "F6");
  g_assert_true (focus_in (gtk_root_get_focus (GTK_ROOT (f->window)), sidebar));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  amend_gui_keys (gtk_root_get_focus (GTK_ROOT (f->window)), "F6");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == view);
}

static gboolean
has_versions (gpointer data)
{
  AmendGuiFixture *f = data;
  GPtrArray *versions = amend_history_page_get_versions (amend_window_get_history_page (f->window));

  return !amend_window_is_busy (f->window) && versions && versions->len == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "want-versions"));
}

static void
wait_versions (AmendGuiFixture *f,
               guint            n)
{
  g_object_set_data (G_OBJECT (f->window), "want-versions", GUINT_TO_POINTER (n));
  g_assert_true (amend_gui_wait (has_versions, f, 30));
  amend_gui_wait_idle (f);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)))
        return found;
    }
  return NULL;
}

/* Two saved versions compared with each other; the older one exported
 * (in the project folder, as the chooser offers) and restored as a new
 * version. */
static void
test_history_versions (AmendGuiFixture *f,
                       gconstpointer    data)
{
  AmendHistoryPage *history = amend_window_get_history_page (f->window);
  g_autofree char *first = amend_test_read (f->dir, FILE_NAME);
  g_autoptr(GString) second = g_string_new (first);
  g_autofree char *marked = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooser *chooser;
  GtkWindow *dialog;

  /* A second version, saved in a terminal: the window follows. */
  g_string_replace (second, "binnen acht weken", "binnen zes weken", 1);
  amend_test_write (f->dir, FILE_NAME, second->str);
  g_assert_cmpint (amend_gui_cli (f, NULL, "save", "-m", "Kortere beslistermijn", NULL), ==, 0);
  wait_versions (f, 2);
  amend_window_show_page (f->window, "history");

  /* The first version against the second: from the older to the newer. */
  amend_history_page_select (history, 1);
  amend_history_page_compare_with (history, 1);
  g_assert_true (amend_gui_wait (compared, f, 30));
  amend_gui_wait_idle (f);
  marked = amend_renvooi_view_dup_marked (amend_history_page_get_renvooi (history));
  g_assert_nonnull (strstr (marked, "binnen [-acht-] {+zes+} weken"));
  g_clear_pointer (&marked, g_free);
  /* And against the current text, which is the second version. */
  amend_history_page_compare_with (history, 0);
  amend_gui_wait_idle (f);
  marked = amend_renvooi_view_dup_marked (amend_history_page_get_renvooi (history));
  g_assert_nonnull (strstr (marked, "binnen [-acht-] {+zes+} weken"));

  /* Export this version: format, then the file, in the project folder. */
  gtk_widget_activate_action (GTK_WIDGET (history), "history.export", NULL);
  amend_gui_wait_dialog (f);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (amend_window_get_dialog (f->window)), "export");
  amend_gui_spin (200);
  chooser = amend_window_get_file_chooser (f->window);
  g_assert_nonnull (chooser);
  folder = gtk_file_chooser_get_current_folder (chooser);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, amend_project_get_path (amend_window_get_project (f->window)));
  gtk_file_chooser_set_current_name (chooser, "oude-versie.xml");
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  amend_gui_spin (200);
  xml = amend_test_read (f->dir, "oude-versie.xml");
  g_assert_nonnull (strstr (xml, "binnen acht weken"));
  g_assert_null (strstr (xml, "binnen zes weken"));
  g_unlink (g_build_filename (f->dir, "oude-versie.xml", NULL));

  /* Restore it: the editor has its text, the save dialog says so. */
  gtk_widget_activate_action (GTK_WIDGET (history), "history.restore", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (AMEND_IS_SAVE_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (amend_save_dialog_get_message (AMEND_SAVE_DIALOG (dialog)), "Restore the version of "));
  amend_save_dialog_set_author (AMEND_SAVE_DIALOG (dialog), "Petra Smit", "p.smit@lindewaarde.example");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  wait_versions (f, 3);
  subject = amend_test_git_ok (f->dir, "log", "-1", "--format=%s", NULL);
  g_assert_true (g_str_has_prefix (subject, "Restore the version of "));
  on_disk = amend_test_read (f->dir, FILE_NAME);
  g_assert_cmpstr (on_disk, ==, first);
  count = amend_test_git_ok (f->dir, "rev-list", "--count", "HEAD", NULL);
  g_assert_cmpstr (count, ==, "3\n");
  amend_test_fsck (f->dir);
}

/* Every warning of an export is listed; none is cut off. */
static void
test_export_warnings (AmendGuiFixture *f,
                      gconstpointer    data)
{
  g_autofree char *text = amend_gui_text (f);
  g_autoptr(GString) bad = g_string_new (text);
  g_autofree char *out = g_build_filename (f->tmp, "export.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  GtkWindow *dialog;
  GtkWidget *list;
  guint rows = 0;

  /* Inline HTML, which Akoma Ntoso has no place for, in two members. */
  g_string_replace (bad, "binnen acht weken", "binnen <b>acht</b> weken", 1);
  g_string_replace (bad, "ten hoogste acht weken", "ten hoogste <i>acht</i> weken", 1);
  amend_window_export_to (f->window, bad->str, AMEND_EXPORT_AKN, file);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (g_file_query_exists (file, NULL));
  list = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 2);
}

/* Saving with errors of the check: a warning, not a refusal. */
static void
test_save_warns (AmendGuiFixture *f,
                 gconstpointer    data)
{
  GtkWindow *dialog;

  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Zie ook artikel 99:1.");
  amend_gui_wait_idle (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  amend_gui_wait_dialog (f);
  dialog = amend_window_get_dialog (f->window);
  g_assert_nonnull (amend_save_dialog_get_warning (AMEND_SAVE_DIALOG (dialog)));
  g_assert_nonnull (strstr (amend_save_dialog_get_warning (AMEND_SAVE_DIALOG (dialog)), "1 error"));
  amend_save_dialog_set_author (AMEND_SAVE_DIALOG (dialog), "Petra Smit", "p.smit@lindewaarde.example");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  amend_gui_wait_idle (f);
  g_assert_false (amend_window_has_unsaved (f->window));
}

static const char *
after_front_matter (const char *text)
{
  const char *end = g_str_has_prefix (text, "---\n") ? strstr (text + 3, "\n---\n") : NULL;

  return end ? end + 5 : text;
}

/* The properties: folded away in the editor, a form to change them that
 * checks what it takes, written back as one undoable step, and what an
 * export needs said by the live check. */
static void
test_properties (AmendGuiFixture *f,
                 gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);
  GtkTextBuffer *buffer = buffer_of (f);
  g_autofree char *before = amend_gui_text (f);
  g_autofree char *after = NULL;
  AmendPropertiesDialog *dialog;
  GtkWidget *authority;
  GtkWidget *button;
  GtkTextIter iter;
  GPtrArray *findings;
  gboolean warned = FALSE;

  /* Folded: the cursor cannot get into it. */
  g_assert_true (amend_editor_front_matter_folded (editor));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_cmpuint (amend_editor_get_cursor_line (editor), >, 8);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.properties", NULL);
  amend_gui_wait_dialog (f);
  dialog = AMEND_PROPERTIES_DIALOG (amend_window_get_dialog (f->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amend_properties_dialog_get_row (dialog, "citation"))), ==,
                   "APV Lindewaarde 2027");
  authority = amend_properties_dialog_get_row (dialog, "authority");
  g_assert_false (gtk_widget_has_css_class (authority, "error"));
  type_keys_or_set (authority, "x");
  g_assert_true (gtk_widget_has_css_class (authority, "error"));
  g_assert_nonnull (strstr (amend_properties_dialog_get_hint (dialog), "gm0363"));
  gtk_editable_set_text (GTK_EDITABLE (authority), "gm0363");
  gtk_editable_set_text (GTK_EDITABLE (amend_properties_dialog_get_row (dialog, "in-force")), "2028-01-01");
  button = gtk_widget_get_ancestor (GTK_WIDGET (amend_gui_find_label (amend_properties_dialog_get_row (dialog, "work"), "Fill In")),
                                    GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  if (amend_gui_have_xdotool ())
    amend_gui_click (button);
  else
    g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amend_properties_dialog_get_row (dialog, "work"))), ==,
                   "/akn/nl/act/gm0363/2027/apv-lindewaarde-2027");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  amend_gui_wait_idle (f);

  /* Written into the front matter; the rest of the text untouched. */
  after = amend_gui_text (f);
  g_assert_nonnull (strstr (after, "authority: gm0363\n"));
  g_assert_nonnull (strstr (after, "in-force: 2028-01-01\n"));
  g_assert_nonnull (strstr (after, "work: /akn/nl/act/gm0363/2027/apv-lindewaarde-2027\n"));
  g_assert_cmpstr (after_front_matter (after), ==, after_front_matter (before));
  g_assert_true (amend_editor_front_matter_folded (editor));
  gtk_text_buffer_undo (buffer);
  g_free (after);
  after = amend_gui_text (f);
  g_assert_cmpstr (after, ==, before);

  /* No work: the check says what an export needs. */
  {
    g_autoptr(GString) edited = g_string_new (before);

    g_string_replace (edited, "work: /akn/nl/act/gm9999/2027/apv\n", "", 1);
    g_string_replace (edited, "expression: /akn/nl/act/gm9999/2027/apv/nld@2027-01-01\n", "", 1);
    amend_editor_replace_text (editor, edited->str);
  }
  amend_gui_wait_idle (f);
  findings = amend_editor_get_findings (editor);
  for (guint i = 0; i < findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (findings, i);

      warned |= d->severity == AMEND_SEVERITY_WARNING && strstr (d->message, "work") != NULL;
    }
  g_assert_true (warned);
}

/* A new project starts complete enough to export. */
static void
test_new_project_properties (void)
{
  g_autofree char *text = amend_project_template_text ("Verordening precariobelasting 2027", "gm0363");
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (text, strlen (text), NULL);
  g_auto(AmendXmlMeta) meta = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (amend_xml_meta_load (&meta, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (meta.authority, ==, "gm0363");
  g_assert_true (g_str_has_prefix (meta.work, "/akn/nl/act/gm0363/"));
  g_assert_true (g_str_has_suffix (meta.work, "/verordening-precariobelasting-2027"));
  g_assert_nonnull (strstr (text, "aangehaald als: Verordening precariobelasting 2027."));
}

static gboolean
counted (gpointer data)
{
  return amend_editor_count_matches (data) >= 0;
}

static void
test_find_replace (AmendGuiFixture *f,
                   gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  amend_editor_search (editor, "bevoegde bestuursorgaan", "college");
  /* GtkSourceSearchContext counts in idle time. */
  g_assert_true (amend_gui_wait (counted, editor, 20));
  g_assert_cmpint (amend_editor_count_matches (editor), >, 3);
  amend_editor_replace_all_matches (editor);
  amend_gui_spin (100);
  text = amend_gui_text (f);
  g_assert_null (strstr (text, "bevoegde bestuursorgaan"));
  g_assert_nonnull (strstr (text, "Het college beslist op een aanvraag"));
  /* One step back undoes all of it. */
  gtk_text_buffer_undo (buffer_of (f));
  g_free (text);
  text = amend_gui_text (f);
  g_assert_nonnull (strstr (text, "Het bevoegde bestuursorgaan beslist"));
}

static gboolean
editor_shows (gpointer data)
{
  AmendGuiFixture *f = data;
  g_autofree char *text = amend_gui_text (f);

  return strstr (text, "Door een ander programma gewijzigd") != NULL;
}

static void
test_external_change (AmendGuiFixture *f,
                      gconstpointer    data)
{
  g_autofree char *text = amend_test_read (f->dir, FILE_NAME);
  g_autofree char *changed = g_strconcat (text, "\nDoor een ander programma gewijzigd.\n", NULL);

  /* Another editor writes the file: the window shows it. */
  amend_test_write (f->dir, FILE_NAME, changed);
  g_assert_true (amend_gui_wait (editor_shows, f, 20));
  g_assert_true (amend_window_has_unsaved (f->window));
}

static void
test_draft_store (void)
{
  g_autofree char *tmp = amend_test_tmpdir ("amend-drafts");
  g_autoptr(AmendDraftStore) store = amend_draft_store_new (tmp);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *a = amend_draft_store_key ("/p", "main", "x.md", "c1");
  g_autofree char *b = amend_draft_store_key ("/p", "amendement/x", "x.md", "c1");
  g_autofree char *c = amend_draft_store_key ("/p", "main", "x.md", "c2");
  g_autofree char *base = amend_draft_base_digest ("saved\n");
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gsize len = 0;

  /* Branch and version both make the key. */
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_null (amend_draft_store_load (store, "/p", "main", "x.md", "c1", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (amend_draft_store_save (store, "/p", "main", "x.md", "c1", base, "tekst\n", 6, &error));
  g_assert_no_error (error);
  text = amend_draft_store_load (store, "/p", "main", "x.md", "c1", &len, &saved, &error);
  g_assert_cmpstr (text, ==, "tekst\n");
  g_assert_cmpuint (len, ==, 6);
  g_assert_nonnull (saved);
  g_assert_null (amend_draft_store_load (store, "/p", "amendement/x", "x.md", "c1", NULL, NULL, NULL));
  g_assert_null (amend_draft_store_load (store, "/p", "main", "x.md", "c2", NULL, NULL, NULL));
  /* Listed for its branch and file, with the version and text it started from. */
  found = amend_draft_store_list (store, "/p", "main", "x.md");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((AmendDraftInfo *) g_ptr_array_index (found, 0))->commit, ==, "c1");
  g_assert_cmpstr (((AmendDraftInfo *) g_ptr_array_index (found, 0))->base, ==, base);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = amend_draft_store_list (store, "/p", "amendement/x", "x.md");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Only the text and its description: no temporary files left. */
  dir = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".ini"));
  g_assert_true (amend_draft_store_remove (store, "/p", "main", "x.md", "c1", &error));
  g_assert_null (amend_draft_store_load (store, "/p", "main", "x.md", "c1", NULL, NULL, NULL));
  found = amend_draft_store_list (store, "/p", "main", "x.md");
  g_assert_cmpuint (found->len, ==, 0);
  amend_test_rmtree (tmp);
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/gui/open-article", test_open_article);
  ADD ("/gui/live-check", test_live_check);
  ADD ("/gui/save", test_save);
  ADD ("/gui/save-offers-project-identity", test_save_offers_project_identity);
  ADD ("/gui/propose", test_propose);
  ADD ("/gui/submitters", test_submitters);
  ADD ("/gui/switch-unsaved", test_switch_unsaved);
  ADD ("/gui/outside-switch", test_outside_switch);
  ADD ("/gui/draft-other-version", test_draft_other_version);
  ADD ("/gui/history", test_history);
  ADD ("/gui/narrow", test_narrow);
  ADD ("/gui/header-title", test_header_title);
  ADD ("/gui/f6", test_f6);
  ADD ("/gui/history-versions", test_history_versions);
  ADD ("/gui/export-warnings", test_export_warnings);
  ADD ("/gui/save-warns", test_save_warns);
  ADD ("/gui/properties", test_properties);
  ADD ("/gui/find-replace", test_find_replace);
  ADD ("/gui/external-change", test_external_change);
#undef ADD
  g_test_add_func ("/gui/draft-store", test_draft_store);
  g_test_add_func ("/gui/renvooi-every-width", test_renvooi_every_width);
  g_test_add_func ("/gui/new-project-properties", test_new_project_properties);

  return g_test_run ();
}
