/* amend-window.c: the main window: one project, its text, outline and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds one AmendProject snapshot at a time; every git job
 * (open, save, switch, propose, history) runs in a worker thread and hands
 * back the next snapshot.  Unsaved text lives in the editor and, copied on
 * a timer and on close, in the draft store: it is never written over the
 * working copy before it is saved, so switching branches never needs to
 * touch it, and never discards it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-example.h"
#include "amend-export-dialog.h"
#include "amend-gui-error.h"
#include "amend-new-project-dialog.h"
#include "amend-profile.h"
#include "amend-propose-dialog.h"
#include "amend-save-dialog.h"
#include "amend-start-page.h"
#include "amend-window-private.h"
#include "amend-xml-import.h"

#define MAX_RECENT 10

G_DEFINE_FINAL_TYPE (AmendWindow, amend_window, ADW_TYPE_APPLICATION_WINDOW)

/* ----------------------------------------------------------------------- */
/* Small things                                                             */
/* ----------------------------------------------------------------------- */

void
_amend_window_toast (AmendWindow *self,
                     const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
forget_dialog (gpointer  data,
               GObject  *where_the_object_was)
{
  AmendWindow *self = data;

  if ((GObject *) self->dialog == where_the_object_was)
    self->dialog = NULL;
}

void
_amend_window_track_dialog (AmendWindow *self,
                            GtkWindow   *dialog)
{
  if (self->dialog)
    g_object_weak_unref (G_OBJECT (self->dialog), forget_dialog, self);
  self->dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), forget_dialog, self);
  gtk_window_present (dialog);
}

/* Errors are shown whole: each is one sentence that says what to do. */
static void
forget_chooser (gpointer  data,
                GObject  *where_the_object_was)
{
  AmendWindow *self = data;

  if ((GObject *) self->chooser == where_the_object_was)
    self->chooser = NULL;
}

void
_amend_window_track_chooser (AmendWindow          *self,
                             GtkFileChooserNative *chooser)
{
  if (self->chooser)
    g_object_weak_unref (G_OBJECT (self->chooser), forget_chooser, self);
  self->chooser = chooser;
  g_object_weak_ref (G_OBJECT (chooser), forget_chooser, self);
}

GtkFileChooser *
amend_window_get_file_chooser (AmendWindow *self)
{
  return self->chooser ? GTK_FILE_CHOOSER (self->chooser) : NULL;
}

void
_amend_window_show_error (AmendWindow *self,
                          const char  *heading,
                          const char  *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_message ("%s: %s", heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

void
_amend_window_show_gerror (AmendWindow  *self,
                           const char   *heading,
                           const GError *error)
{
  g_autofree char *text = amend_gui_error_text (error);

  _amend_window_show_error (self, heading, text);
}

char *
_amend_window_current_text (AmendWindow *self)
{
  return amend_editor_dup_text (self->editor);
}

/* Unsaved: the text differs from the last saved version (or from the
 * working copy, when it was never saved). */
gboolean
amend_window_has_unsaved (AmendWindow *self)
{
  g_autofree char *text = NULL;
  const char *saved;

  if (self->project == NULL)
    return FALSE;
  saved = amend_project_get_saved_text (self->project);
  text = _amend_window_current_text (self);
  return g_strcmp0 (text, saved ? saved : self->disk_text) != 0 ||
         (saved != NULL && g_strcmp0 (self->disk_text, saved) != 0);
}

static void
remember_recent (AmendWindow *self,
                 const char  *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fresh = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  fresh = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) fresh);
}

static void
recent_changed (GSettings   *settings,
                const char  *key,
                AmendWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-projects");

  amend_start_page_set_recent (self->start_page, (const char * const *) recent);
}

/* ----------------------------------------------------------------------- */
/* Taking a new snapshot of the project                                     */
/* ----------------------------------------------------------------------- */

static void
test_hooks (AmendWindow *self)
{
  /* For tests/gui/test-gui-restart.c, which runs amend-gui as a separate
   * process: AMEND_TEST_TYPE types its text at the end of the first line
   * of article 1:2 as a keystroke would, AMEND_TEST_REPORT writes the
   * editor's text to a file once the project is open and drafts are
   * restored.  Nothing else reads them. */
  const char *type = g_getenv ("AMEND_TEST_TYPE");
  const char *report = g_getenv ("AMEND_TEST_REPORT");

  if (type && *type)
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (amend_editor_get_buffer (self->editor));
      GtkTextIter start, end, match;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      if (gtk_text_iter_forward_search (&start, "## Artikel 1:2", 0, NULL, &match, NULL))
        {
          gtk_text_iter_forward_to_line_end (&match);
          gtk_text_buffer_place_cursor (buffer, &match);
        }
      gtk_text_buffer_insert_interactive_at_cursor (buffer, type, -1, TRUE);
      g_print ("amend-test: typed\n");
    }
  if (report && *report)
    {
      g_autofree char *text = _amend_window_current_text (self);
      g_autofree char *out = g_strdup_printf ("restored=%d\n%s", self->draft_restored, text);

      g_file_set_contents (report, out, -1, NULL);
      g_print ("amend-test: reported\n");
    }
}

/* Whether the amendment @project is on started from the branch @old was
 * on: the draft for an amendment, the amendment amended for a
 * subamendment.  Only then is the editor's text its text. */
static gboolean
proposed_from (AmendProject *old,
               AmendProject *project)
{
  AmendAmendment *a = amend_project_get_amendment (project);
  const char *amends = a ? amend_amendment_get_amends (a) : NULL;
  g_autofree char *from = amends ? g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amends, NULL)
                                 : g_strdup (amend_project_get_main_branch (project));

  return old && g_strcmp0 (amend_project_get_branch (old), from) == 0;
}

void
_amend_window_set_project (AmendWindow  *self,
                           AmendProject *project,
                           Reason        reason)
{
  g_autoptr(AmendProject) old = self->project ? g_object_ref (self->project) : NULL;
  g_autofree char *old_commit = g_strdup (self->base_commit);
  const char *saved = amend_project_get_saved_text (project);
  const char *disk = amend_project_get_disk_text (project);
  gboolean same_key = old && g_strcmp0 (amend_project_get_path (old), amend_project_get_path (project)) == 0 &&
                      g_strcmp0 (amend_project_get_branch (old), amend_project_get_branch (project)) == 0;

  /* Proposed from elsewhere (the editor was on another amendment): the
   * editor's text is not the new one's; it is read as after a switch. */
  if (reason == REASON_PROPOSE && !proposed_from (old, project))
    reason = REASON_SWITCH;
  self->generation++;
  g_set_object (&self->project, project);
  if (reason != REASON_REFRESH)
    {
      g_free (self->disk_text);
      self->disk_text = g_strdup (disk);
    }

  switch (reason)
    {
    case REASON_OPEN:
    case REASON_SWITCH:
      amend_editor_load_document (self->editor, disk, amend_project_get_document (project), g_strcmp0 (disk, saved) != 0);
      _amend_window_set_base (self, project);
      _amend_window_restore_draft (self);
      break;
    case REASON_SAVE:
      {
        g_autofree char *text = _amend_window_current_text (self);

        /* The draft of the version before goes; typing may have gone on
         * while git worked, and waits under the new one. */
        _amend_window_drop_draft (self);
        _amend_window_set_base (self, project);
        if (g_strcmp0 (text, saved) == 0)
          gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (amend_editor_get_buffer (self->editor)), FALSE);
        else
          amend_window_keep_draft (self);
      }
      break;
    case REASON_PROPOSE:
      /* The unsaved text came along to the amendment: so does its draft. */
      if (old && !same_key)
        amend_draft_store_remove (self->drafts, amend_project_get_path (old), amend_project_get_branch (old),
                                  amend_project_get_file (old), old_commit, NULL);
      _amend_window_set_base (self, project);
      amend_window_keep_draft (self);
      break;
    case REASON_REFRESH:
    default:
      break;
    }

  _amend_window_update_title (self);
  _amend_window_update_branch_menu (self);
  _amend_window_update_regulations (self);
  amend_outline_panel_set_amendments (self->outline_panel, amend_project_get_amendments (project),
                                      amend_project_get_unreadable (project), amend_project_get_branch (project),
                                      amend_project_get_main_branch (project));
  if (reason == REASON_OPEN || reason == REASON_SWITCH)
    amend_outline_panel_set_document (self->outline_panel, amend_project_get_document (project), NULL);
  amend_history_page_set_project (self->history_page, project);
  _amend_window_review_project_changed (self);
  _amend_window_watch_file (self);
  _amend_window_watch_git (self);
  remember_recent (self, amend_project_get_path (project));
  /* The text at once: a cross-fade would draw the text and the page
   * before it, frame after frame, while the text is what was asked for. */
  gtk_stack_set_visible_child_full (self->main_stack, "project", GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_spinner_stop (self->loading_spinner);
  if (reason == REASON_OPEN)
    {
      _amend_window_note_other_drafts (self);
      amend_profile_first_frame (GTK_WIDGET (self), amend_project_get_path (project));
      test_hooks (self);
    }
}

/* ----------------------------------------------------------------------- */
/* Opening                                                                  */
/* ----------------------------------------------------------------------- */

void
_amend_window_set_busy (AmendWindow *self,
                        gboolean     busy)
{
  self->busy = busy;
  if (busy)
    gtk_spinner_start (self->busy_spinner);
  else
    gtk_spinner_stop (self->busy_spinner);
  /* Room in the header is scarce on a phone: only while it turns. */
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.propose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-branch", !busy);
}

gboolean
amend_window_is_busy (AmendWindow *self)
{
  return self->busy || g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0;
}

static void
project_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) project = amend_project_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _amend_window_set_busy (self, FALSE);
  if (project == NULL)
    {
      gtk_spinner_stop (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->main_stack, self->project ? "project" : "start");
      _amend_window_show_gerror (self, _("Cannot Open the Project"), error);
      return;
    }
  _amend_window_set_project (self, project, REASON_OPEN);
}

void
amend_window_open (AmendWindow *self,
                   const char  *path)
{
  g_autofree char *label = NULL;

  g_return_if_fail (AMEND_IS_WINDOW (self));

  /* Unsaved text of the project being left waits for it as a draft;
   * a proposal typed for it is not one of the next project's. */
  amend_window_keep_draft (self);
  _amend_window_forget_propose_form (self);
  g_clear_pointer (&self->regulation_lines, g_hash_table_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  label = g_strdup_printf (_("Opening %s…"), path);
  gtk_label_set_text (self->loading_label, label);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  amend_project_load_async (path, self->cancellable, project_loaded, g_object_ref (self));
}

static const char *
example_source (void)
{
  static char *source = NULL;
  const char *dir = g_getenv ("AMEND_DATA_DIR");

  if (source == NULL)
    source = g_build_filename (dir && *dir ? dir : AMEND_PKGDATADIR, "example", "apv-lindewaarde.md", NULL);
  return source;
}

static void
example_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  g_autoptr(AmendRepository) repo = NULL;
  GError *error = NULL;

  repo = amend_example_ensure (example_source (), data, &error);
  if (repo)
    g_task_return_pointer (task, g_strdup (amend_repository_get_path (repo)), g_free);
  else
    g_task_return_error (task, error);
}

static void
example_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (path == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, self->project ? "project" : "start");
      _amend_window_show_gerror (self, _("Cannot Open the Example"), error);
      return;
    }
  amend_window_open (self, path);
}

/* The example, copied into the user data folder the first time. */
void
amend_window_open_example (AmendWindow *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, example_ready, g_object_ref (self));
  char *dir = g_build_filename (g_get_user_data_dir (), "amend", "voorbeeld", NULL);

  gtk_label_set_text (self->loading_label, _("Preparing the example project…"));
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  g_task_set_task_data (task, dir, g_free);
  g_task_run_in_thread (task, example_thread);
}

/* ----------------------------------------------------------------------- */
/* Save                                                                     */
/* ----------------------------------------------------------------------- */

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *commit = NULL;
  g_autoptr(AmendProject) next = amend_project_save_finish (AMEND_PROJECT (source), result, &commit, &error);
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  After after = self->after;
  g_autofree char *branch = g_steal_pointer (&self->after_branch);

  self->after = AFTER_NOTHING;
  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      _amend_window_show_gerror (self, _("Not Saved"), error);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        _amend_window_schedule_refresh (self, 0);
      return;
    }
  _amend_window_set_project (self, next, REASON_SAVE);
  where = _amend_window_where_label (next);
  message = g_strdup_printf (_("Saved as a new version of %s"), where);
  _amend_window_toast (self, message);
  if (after == AFTER_SWITCH && branch)
    _amend_window_start_switch (self, branch, FALSE);
  else if (after == AFTER_PROPOSE)
    _amend_window_ask_propose (self);
}

void
amend_window_save (AmendWindow *self,
                   const char  *message,
                   const char  *author)
{
  g_autofree char *text = NULL;

  g_return_if_fail (AMEND_IS_WINDOW (self));
  if (self->project == NULL || self->busy)
    return;
  text = _amend_window_current_text (self);
  /* What is written now is what the file monitor will see. */
  g_free (self->disk_text);
  self->disk_text = g_strdup (text);
  _amend_window_set_busy (self, TRUE);
  amend_project_save_async (self->project, text, author, message && *message ? message : NULL,
                            NULL, saved, g_object_ref (self));
}

static void
save_response (AdwMessageDialog *dialog,
               const char       *response,
               AmendWindow      *self)
{
  AmendSaveDialog *save = AMEND_SAVE_DIALOG (dialog);
  g_autofree char *author = NULL;

  if (g_strcmp0 (response, "save") != 0)
    {
      self->after = AFTER_NOTHING;
      g_clear_pointer (&self->after_branch, g_free);
      return;
    }
  amend_save_dialog_remember (save);
  author = amend_save_dialog_dup_author (save);
  amend_window_save (self, amend_save_dialog_get_message (save), author);
}

/* What the live check found, as a warning above the message. */
static char *
check_warning (AmendWindow *self)
{
  GPtrArray *findings = amend_editor_get_findings (self->editor);
  guint errors = 0;

  for (guint i = 0; findings && i < findings->len; i++)
    errors += ((AmendDiagnostic *) g_ptr_array_index (findings, i))->severity == AMEND_SEVERITY_ERROR;
  if (errors == 0)
    return NULL;
  return g_strdup_printf (ngettext ("The check found %u error in the text. You can save it anyway and correct it later.",
                                    "The check found %u errors in the text. You can save it anyway and correct them later.",
                                    errors),
                          errors);
}

/* @message: what the message field starts with, or NULL. */
void
_amend_window_ask_save_with (AmendWindow *self,
                             const char  *message)
{
  g_autofree char *where = NULL;
  g_autofree char *warning = NULL;
  AmendSaveDialog *dialog;

  if (self->project == NULL || self->busy)
    return;
  if (!amend_window_has_unsaved (self))
    {
      _amend_window_toast (self, _("Nothing to save: the text is the last saved version"));
      return;
    }
  where = _amend_window_where_label (self->project);
  dialog = amend_save_dialog_new (GTK_WINDOW (self), self->settings, amend_project_get_path (self->project), where);
  warning = check_warning (self);
  amend_save_dialog_set_warning (dialog, warning);
  if (message)
    amend_save_dialog_set_message (dialog, message);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

void
_amend_window_ask_save (AmendWindow *self)
{
  _amend_window_ask_save_with (self, NULL);
}

/* An older version becomes the text again, as one step Ctrl+Z takes back,
 * and is saved as a new version through the save dialog; the versions
 * after it stay in the history. */
static void
restore_version (AmendHistoryPage *page,
                 const char       *text,
                 const char       *when,
                 AmendWindow      *self)
{
  g_autofree char *message = g_strdup_printf (_("Restore the version of %s"), when);

  if (self->project == NULL || self->busy)
    return;
  amend_editor_replace_text (self->editor, text);
  adw_view_stack_set_visible_child_name (self->view_stack, "editor");
  _amend_window_ask_save_with (self, message);
}

static void
export_version (AmendHistoryPage *page,
                const char       *text,
                const char       *suffix,
                AmendWindow      *self)
{
  _amend_window_ask_export (self, text, suffix);
}

/* ----------------------------------------------------------------------- */
/* Signals of the parts                                                     */
/* ----------------------------------------------------------------------- */

static void
outline_line_activated (AmendOutlinePanel *panel,
                        guint              line,
                        AmendWindow       *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "editor");
  amend_editor_goto_line (self->editor, line);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* An open amendment is written in; a decided or withdrawn one is read on
 * its review page: nothing written in it reaches the draft any more. */
static void
outline_branch_activated (AmendOutlinePanel *panel,
                          const char        *branch,
                          AmendWindow       *self)
{
  GPtrArray *all = self->project ? amend_project_get_amendments (self->project) : NULL;
  AmendAmendment *a = NULL;
  AmendStatus status;

  for (guint i = 0; all && a == NULL && i < all->len; i++)
    if (g_strcmp0 (amend_amendment_get_branch (g_ptr_array_index (all, i)), branch) == 0)
      a = g_ptr_array_index (all, i);
  status = a ? amend_amendment_get_status (a) : AMEND_STATUS_CONCEPT;

  if (status == AMEND_STATUS_CONCEPT || status == AMEND_STATUS_SUBMITTED ||
      g_strcmp0 (branch, amend_project_get_branch (self->project)) == 0)
    {
      amend_window_switch_branch (self, branch);
      return;
    }
  amend_amendments_page_select (self->amendments_page, amend_amendment_get_slug (a));
  amend_window_show_page (self, "amendments");
}

static void
editor_checked (AmendEditor   *editor,
                AmendDocument *doc,
                GPtrArray     *findings,
                AmendWindow   *self)
{
  amend_outline_panel_set_document (self->outline_panel, doc, findings);
  amend_outline_panel_follow_line (self->outline_panel, amend_editor_get_cursor_line (editor));
}

static void
editor_cursor_line (AmendEditor *editor,
                    guint        line,
                    AmendWindow *self)
{
  amend_outline_panel_follow_line (self->outline_panel, line);
}

static void
modified_changed (GtkTextBuffer *buffer,
                  AmendWindow   *self)
{
  _amend_window_update_title (self);
}

static void
start_open_recent (AmendStartPage *page,
                   const char     *path,
                   AmendWindow    *self)
{
  amend_window_open (self, path);
}

static gboolean
amend_window_close_request (GtkWindow *window)
{
  AmendWindow *self = AMEND_WINDOW (window);
  int width, height;

  /* Never lose an edit: what is not saved waits as a draft. */
  amend_window_keep_draft (self);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "sidebar-visible", adw_flap_get_reveal_flap (self->flap));
  return GTK_WINDOW_CLASS (amend_window_parent_class)->close_request (window);
}

/* ----------------------------------------------------------------------- */
/* Accessors                                                                */
/* ----------------------------------------------------------------------- */

AmendProject *
amend_window_get_project (AmendWindow *self)
{
  return self->project;
}

AmendEditor *
amend_window_get_editor (AmendWindow *self)
{
  return self->editor;
}

AmendOutlinePanel *
amend_window_get_outline_panel (AmendWindow *self)
{
  return self->outline_panel;
}

AmendHistoryPage *
amend_window_get_history_page (AmendWindow *self)
{
  return self->history_page;
}

AmendDraftStore *
amend_window_get_draft_store (AmendWindow *self)
{
  return self->drafts;
}

GtkWindow *
amend_window_get_dialog (AmendWindow *self)
{
  return self->dialog;
}

const char *
amend_window_get_last_error (AmendWindow *self)
{
  return self->last_error;
}

/* What the header says the text is: the draft, or an amendment's title. */
const char *
amend_window_get_where (AmendWindow *self)
{
  return gtk_label_get_text (self->branch_label);
}

void
amend_window_show_page (AmendWindow *self,
                        const char  *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* ----------------------------------------------------------------------- */

static void
amend_window_dispose (GObject *object)
{
  AmendWindow *self = (AmendWindow *) object;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  _amend_window_unwatch (self);
  if (self->dialog)
    {
      g_object_weak_unref (G_OBJECT (self->dialog), forget_dialog, self);
      self->dialog = NULL;
    }
  if (self->chooser)
    {
      g_object_weak_unref (G_OBJECT (self->chooser), forget_chooser, self);
      self->chooser = NULL;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A live check that ends after the window is gone must not reach it. */
  if (self->editor)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (amend_editor_get_buffer (self->editor), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_WINDOW);
  G_OBJECT_CLASS (amend_window_parent_class)->dispose (object);
}

static void
amend_window_finalize (GObject *object)
{
  AmendWindow *self = (AmendWindow *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);
  g_clear_object (&self->project);
  g_free (self->disk_text);
  g_free (self->last_error);
  g_free (self->after_branch);
  g_free (self->base_commit);
  g_free (self->base_digest);
  g_free (self->stray_commit);
  _amend_window_forget_propose_form (self);
  g_clear_pointer (&self->regulation_lines, g_hash_table_unref);
  G_OBJECT_CLASS (amend_window_parent_class)->finalize (object);
}

static void
amend_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  GTK_WIDGET_CLASS (amend_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (width != self->header_width)
    {
      self->header_width = width;
      _amend_window_fit_header (self);
    }
}

static void
amend_window_class_init (AmendWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amend_window_dispose;
  object_class->finalize = amend_window_finalize;
  window_class->close_request = amend_window_close_request;
  widget_class->size_allocate = amend_window_size_allocate;

  g_type_ensure (AMEND_TYPE_START_PAGE);
  g_type_ensure (AMEND_TYPE_OUTLINE_PANEL);
  g_type_ensure (AMEND_TYPE_EDITOR);
  g_type_ensure (AMEND_TYPE_HISTORY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, branch_button);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, branch_label);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, wide_box);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, wide_title);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, wide_switcher);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, outline_panel);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, amendments_page);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, conflicts_page);

  _amend_window_class_actions_init (klass);
  _amend_window_regulations_class_init (klass);
}

/* From the build tree (AMEND_DATA_DIR set) the application icon is in
 * data/icons, not yet in an installed icon theme. */
static void
add_build_tree_icons (void)
{
  static gboolean done;
  const char *dir = g_getenv ("AMEND_DATA_DIR");
  GdkDisplay *display = gdk_display_get_default ();

  if (done || dir == NULL || *dir == '\0' || display == NULL)
    return;
  {
    g_autofree char *icons = g_build_filename (dir, "icons", NULL);

    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), icons);
  }
  done = TRUE;
}

/* The name and address of the preferences (given in the first Save or
 * Comment) sign every commit the window makes: an update, an adoption, a
 * vote, not only a save.  Without them, git's configuration does. */
static void
identity_changed (GSettings *settings)
{
  g_autofree char *author = amend_settings_dup_author (settings);

  amend_set_user_identity (author);
}

static void
amend_window_init (AmendWindow *self)
{
  g_auto(GStrv) recent = NULL;

  add_build_tree_icons ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->drafts = amend_draft_store_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "sidebar-visible"));

  identity_changed (self->settings);
  g_signal_connect (self->settings, "changed::author-name", G_CALLBACK (identity_changed), NULL);
  g_signal_connect (self->settings, "changed::author-email", G_CALLBACK (identity_changed), NULL);
  recent = g_settings_get_strv (self->settings, "recent-projects");
  amend_start_page_set_recent (self->start_page, (const char * const *) recent);
  g_signal_connect_object (self->settings, "changed::recent-projects", G_CALLBACK (recent_changed), self, 0);
  g_signal_connect (self->start_page, "open-recent", G_CALLBACK (start_open_recent), self);
  g_signal_connect (self->outline_panel, "line-activated", G_CALLBACK (outline_line_activated), self);
  g_signal_connect (self->outline_panel, "branch-activated", G_CALLBACK (outline_branch_activated), self);
  g_signal_connect (self->editor, "checked", G_CALLBACK (editor_checked), self);
  g_signal_connect (self->editor, "cursor-line", G_CALLBACK (editor_cursor_line), self);
  g_signal_connect (amend_editor_get_buffer (self->editor), "modified-changed", G_CALLBACK (modified_changed), self);
  _amend_window_header_init (self);
  amend_history_page_set_editor (self->history_page, self->editor);
  g_signal_connect (self->history_page, "restore-version", G_CALLBACK (restore_version), self);
  g_signal_connect (self->history_page, "export-version", G_CALLBACK (export_version), self);
  _amend_window_drafts_init (self);
  _amend_window_review_init (self);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
}

AmendWindow *
amend_window_new (GtkApplication *application)
{
  return g_object_new (AMEND_TYPE_WINDOW, "application", application, NULL);
}
