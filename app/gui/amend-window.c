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
#include "amend-new-project-dialog.h"
#include "amend-profile.h"
#include "amend-propose-dialog.h"
#include "amend-save-dialog.h"
#include "amend-start-page.h"
#include "amend-window.h"
#include "amend-xml-import.h"

#define MAX_RECENT 10

typedef enum {
  REASON_OPEN,
  REASON_SWITCH,
  REASON_SAVE,
  REASON_PROPOSE,
  REASON_REFRESH,   /* git changed under the window, on the same branch */
} Reason;

typedef enum {
  AFTER_NOTHING,
  AFTER_SWITCH,
  AFTER_PROPOSE,
} After;

struct _AmendWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AmendStartPage       *start_page;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  GtkMenuButton        *branch_button;
  GtkLabel             *branch_label;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *wide_title;
  AdwWindowTitle       *narrow_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *busy_spinner;
  AdwFlap              *flap;
  AmendOutlinePanel    *outline_panel;
  AdwViewStack         *view_stack;
  AmendEditor          *editor;
  AmendHistoryPage     *history_page;

  GSettings            *settings;
  AmendDraftStore      *drafts;
  AmendProject         *project;
  GCancellable         *cancellable;
  GFileMonitor         *monitor;
  GPtrArray            *git_monitors;  /* HEAD and the refs: switches made elsewhere */
  char                 *disk_text;     /* the file as Amend last read or wrote it */
  char                 *base_commit;   /* the version the editor's text started from ("" before the first) */
  char                 *base_digest;   /* and a digest of that text: drafts are restored onto it only */
  char                 *stray_commit;  /* a draft of another version of this branch, not restored */
  guint                 autosave_source;
  guint                 refresh_source;
  guint                 generation;    /* counts snapshots: a refresh overtaken by one is dropped */
  gboolean              refreshing;
  gboolean              busy;
  gboolean              draft_restored;
  char                 *last_error;
  GtkWindow            *dialog;        /* the one open dialog, for the tests */

  After                 after;         /* what waits for a save to finish */
  char                 *after_branch;
  gboolean              profiled;
};

G_DEFINE_FINAL_TYPE (AmendWindow, amend_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_busy (AmendWindow *self, gboolean busy);
static void schedule_refresh (AmendWindow *self, guint ms);
static void watch_git (AmendWindow *self);
static void start_switch (AmendWindow *self, const char *branch, gboolean put_back);
static void ask_propose (AmendWindow *self);

/* ----------------------------------------------------------------------- */
/* Small things                                                             */
/* ----------------------------------------------------------------------- */

static void
toast (AmendWindow *self,
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

static void
track_dialog (AmendWindow *self,
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
show_error (AmendWindow *self,
            const char  *heading,
            const char  *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_message ("%s: %s", heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  track_dialog (self, GTK_WINDOW (dialog));
}

static char *
current_text (AmendWindow *self)
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
  text = current_text (self);
  return g_strcmp0 (text, saved ? saved : self->disk_text) != 0 ||
         (saved != NULL && g_strcmp0 (self->disk_text, saved) != 0);
}

static char *
branch_label (AmendProject *project)
{
  AmendAmendment *amendment = amend_project_get_amendment (project);

  if (amend_project_is_on_main (project))
    return g_strdup (_("Draft"));
  if (amendment)
    return g_strdup (amend_amendment_get_title (amendment));
  return g_strdup (amend_project_get_branch (project));
}

/* "the draft" or the amendment's title in quotes, inside a sentence. */
static char *
where_label (AmendProject *project)
{
  g_autofree char *label = NULL;

  if (amend_project_is_on_main (project))
    return g_strdup (_("the draft"));
  label = branch_label (project);
  return g_strdup_printf ("\xe2\x80\x9c%s\xe2\x80\x9d", label);
}

static void
update_title (AmendWindow *self)
{
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *folder = NULL;
  gboolean unsaved;

  if (self->project == NULL)
    return;
  where = branch_label (self->project);
  folder = g_path_get_basename (amend_project_get_path (self->project));
  unsaved = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (amend_editor_get_buffer (self->editor)));
  /* TRANSLATORS: subtitle: the project folder and the draft or amendment */
  subtitle = unsaved ? g_strdup_printf (_("%s · %s · unsaved changes"), folder, where)
                     : g_strdup_printf (_("%s · %s"), folder, where);
  adw_window_title_set_title (self->wide_title, amend_project_get_title (self->project));
  adw_window_title_set_subtitle (self->wide_title, subtitle);
  adw_window_title_set_title (self->narrow_title, amend_project_get_title (self->project));
  adw_window_title_set_subtitle (self->narrow_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), amend_project_get_title (self->project));
  gtk_label_set_text (self->branch_label, where);
}

static void
update_branch_menu (AmendWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) draft = g_menu_new ();
  g_autoptr(GMenu) amendments = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  GPtrArray *list = amend_project_get_amendments (self->project);

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Draft"), NULL);

    g_menu_item_set_action_and_target (item, "win.switch-branch", "s", amend_project_get_main_branch (self->project));
    g_menu_append_item (draft, item);
  }
  for (guint i = 0; i < list->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (list, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (amend_amendment_get_title (a), NULL);

      g_menu_item_set_action_and_target (item, "win.switch-branch", "s", amend_amendment_get_branch (a));
      g_menu_append_item (amendments, item);
    }
  g_menu_append (actions, _("_Propose Amendment…"), "win.propose");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (draft));
  if (list->len > 0)
    g_menu_append_section (menu, _("Amendments"), G_MENU_MODEL (amendments));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  gtk_menu_button_set_menu_model (self->branch_button, G_MENU_MODEL (menu));
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
/* Drafts                                                                   */
/* ----------------------------------------------------------------------- */

/* A draft is kept under the branch the text was typed on and the version
 * it started from. */
static gboolean
draft_key_parts (AmendWindow *self,
                 const char **path,
                 const char **branch,
                 const char **file,
                 const char **commit)
{
  if (self->project == NULL || self->base_commit == NULL)
    return FALSE;
  *path = amend_project_get_path (self->project);
  *branch = amend_project_get_branch (self->project);
  *file = amend_project_get_file (self->project);
  *commit = self->base_commit;
  return TRUE;
}

/* The editor's text now starts from the saved text of @project. */
static void
set_base (AmendWindow  *self,
          AmendProject *project)
{
  const char *saved = amend_project_get_saved_text (project);
  const char *head = amend_project_get_head_commit (project);

  g_free (self->base_commit);
  g_free (self->base_digest);
  self->base_commit = g_strdup (head ? head : "");
  self->base_digest = amend_draft_base_digest (saved ? saved : amend_project_get_disk_text (project));
}

static void
drop_draft (AmendWindow *self)
{
  const char *path, *branch, *file, *commit;
  g_autoptr(GError) error = NULL;

  if (draft_key_parts (self, &path, &branch, &file, &commit) &&
      !amend_draft_store_remove (self->drafts, path, branch, file, commit, &error))
    g_warning ("%s", error->message);
}

/* Synchronous: on close, before a switch, before opening another project. */
void
amend_window_keep_draft (AmendWindow *self)
{
  const char *path, *branch, *file, *commit;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!draft_key_parts (self, &path, &branch, &file, &commit))
    return;
  if (!amend_window_has_unsaved (self))
    {
      drop_draft (self);
      return;
    }
  text = current_text (self);
  if (!amend_draft_store_save (self->drafts, path, branch, file, commit, self->base_digest, text, strlen (text), &error))
    show_error (self, _("Unsaved Changes Not Kept"), error->message);
}

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!amend_draft_store_save_finish (AMEND_DRAFT_STORE (source), result, &error))
    toast (self, error->message);
}

static gboolean
autosave_tick (gpointer data)
{
  AmendWindow *self = data;
  const char *path, *branch, *file, *commit;
  char *text;

  if (!draft_key_parts (self, &path, &branch, &file, &commit))
    return G_SOURCE_CONTINUE;
  if (!amend_window_has_unsaved (self))
    {
      drop_draft (self);
      return G_SOURCE_CONTINUE;
    }
  text = current_text (self);
  amend_draft_store_save_async (self->drafts, path, branch, file, commit, self->base_digest,
                                g_bytes_new_take (text, strlen (text)),
                                NULL, autosave_done, g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

static void
restart_autosave (AmendWindow *self)
{
  guint seconds = MAX (1, g_settings_get_uint (self->settings, "autosave-interval"));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add_seconds (seconds, autosave_tick, self);
}

static void
autosave_interval_changed (GSettings   *settings,
                           const char  *key,
                           AmendWindow *self)
{
  restart_autosave (self);
}

static char *
draft_time (AmendDraftInfo *info)
{
  /* TRANSLATORS: time of day of the restored copy, see strftime */
  return info->saved ? g_date_time_format (info->saved, _("%H:%M on %-d %B")) : g_strdup ("");
}

static void
put_draft (AmendWindow *self,
           const char  *commit)
{
  const char *path, *branch, *file, *base;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  gsize len = 0;

  if (!draft_key_parts (self, &path, &branch, &file, &base))
    return;
  text = amend_draft_store_load (self->drafts, path, branch, file, commit, &len, NULL, &error);
  if (text == NULL || !g_utf8_validate (text, len, NULL))
    {
      if (error)
        toast (self, error->message);
      return;
    }
  now = current_text (self);
  if (g_strcmp0 (now, text) != 0)
    {
      amend_editor_replace_text (self->editor, text);
      self->draft_restored = TRUE;
    }
  /* From now on the text waits under the version it is shown on. */
  if (g_strcmp0 (commit, self->base_commit) != 0)
    {
      amend_window_keep_draft (self);
      amend_draft_store_remove (self->drafts, path, branch, file, commit, NULL);
    }
}

static void
note_restored (AmendWindow    *self,
               AmendDraftInfo *info)
{
  g_autofree char *when = draft_time (info);
  g_autofree char *message = g_strdup_printf (_("Unsaved changes of %s were restored"), when);
  AdwToast *note = adw_toast_new (message);

  adw_toast_set_timeout (note, 10);
  adw_toast_set_button_label (note, _("_Discard"));
  adw_toast_set_action_name (note, "win.discard-changes");
  adw_toast_overlay_add_toast (self->toast_overlay, note);
}

/* Unsaved text typed on another version of this branch (saved or
 * changed elsewhere since): never put onto this text unasked. */
static void
note_stray (AmendWindow    *self,
            AmendDraftInfo *info)
{
  g_autofree char *when = draft_time (info);
  g_autofree char *message = g_strdup_printf (_("Unsaved changes of %s were made on an earlier version of this text; "
                                                "they are kept, not put into it"), when);
  AdwToast *note = adw_toast_new (message);

  g_free (self->stray_commit);
  self->stray_commit = g_strdup (info->commit);
  adw_toast_set_timeout (note, 0);
  adw_toast_set_button_label (note, _("_Show Them"));
  adw_toast_set_action_name (note, "win.restore-stray");
  adw_toast_overlay_add_toast (self->toast_overlay, note);
}

/* Puts the draft of this project, branch and file back into the editor,
 * when it was typed on the very text the editor now has. */
static void
restore_draft (AmendWindow *self)
{
  const char *path, *branch, *file, *commit;
  g_autoptr(GPtrArray) drafts = NULL;
  AmendDraftInfo *stray = NULL;

  self->draft_restored = FALSE;
  g_clear_pointer (&self->stray_commit, g_free);
  if (!draft_key_parts (self, &path, &branch, &file, &commit))
    return;
  drafts = amend_draft_store_list (self->drafts, path, branch, file);
  for (guint i = 0; i < drafts->len; i++)
    {
      AmendDraftInfo *info = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (info->commit, commit) == 0 || g_strcmp0 (info->base, self->base_digest) == 0)
        {
          put_draft (self, info->commit);
          if (self->draft_restored)
            note_restored (self, info);
          return;
        }
      stray = stray ? stray : info;
    }
  if (stray)
    note_stray (self, stray);
}

gboolean
amend_window_draft_restored (AmendWindow *self)
{
  return self->draft_restored;
}

/* ----------------------------------------------------------------------- */
/* A file changed by another program                                        */
/* ----------------------------------------------------------------------- */

static gboolean
check_disk (gpointer data)
{
  AmendWindow *self = data;
  g_autofree char *full = NULL;
  g_autofree char *text = NULL;
  gboolean unsaved;

  if (self->project == NULL || self->busy)
    return G_SOURCE_REMOVE;
  full = amend_project_dup_file_path (self->project);
  if (!g_file_get_contents (full, &text, NULL, NULL) || !g_utf8_validate (text, -1, NULL))
    return G_SOURCE_REMOVE;
  if (g_strcmp0 (text, self->disk_text) == 0)
    return G_SOURCE_REMOVE;

  unsaved = amend_window_has_unsaved (self);
  g_free (self->disk_text);
  self->disk_text = g_strdup (text);
  if (!unsaved)
    {
      const char *saved = amend_project_get_saved_text (self->project);

      amend_editor_load_text (self->editor, text, g_strcmp0 (text, saved) != 0);
      toast (self, _("Another program changed the regulation; the editor shows its new text"));
    }
  else
    {
      AdwToast *note = adw_toast_new (_("Another program changed the regulation; your unsaved text stays in the editor"));

      adw_toast_set_timeout (note, 0);
      adw_toast_set_button_label (note, _("_Load Theirs"));
      adw_toast_set_action_name (note, "win.load-disk");
      adw_toast_overlay_add_toast (self->toast_overlay, note);
    }
  return G_SOURCE_REMOVE;
}

static void
file_changed (GFileMonitor      *monitor,
              GFile             *file,
              GFile             *other,
              GFileMonitorEvent  event,
              AmendWindow       *self)
{
  /* Editors write in bursts; and a checkout writes the file too, so git
   * is read first: a file of another branch is no change of this one. */
  schedule_refresh (self, 250);
}

static void
watch_file (AmendWindow *self)
{
  g_autofree char *full = amend_project_dup_file_path (self->project);
  g_autoptr(GFile) file = g_file_new_for_path (full);

  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed), self);
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
      g_autofree char *text = current_text (self);
      g_autofree char *out = g_strdup_printf ("restored=%d\n%s", self->draft_restored, text);

      g_file_set_contents (report, out, -1, NULL);
      g_print ("amend-test: reported\n");
    }
}

static void
set_project (AmendWindow  *self,
             AmendProject *project,
             Reason        reason)
{
  g_autoptr(AmendProject) old = self->project ? g_object_ref (self->project) : NULL;
  g_autofree char *old_commit = g_strdup (self->base_commit);
  const char *saved = amend_project_get_saved_text (project);
  const char *disk = amend_project_get_disk_text (project);
  gboolean same_key = old && g_strcmp0 (amend_project_get_path (old), amend_project_get_path (project)) == 0 &&
                      g_strcmp0 (amend_project_get_branch (old), amend_project_get_branch (project)) == 0;

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
      amend_editor_load_text (self->editor, disk, g_strcmp0 (disk, saved) != 0);
      set_base (self, project);
      restore_draft (self);
      break;
    case REASON_SAVE:
      {
        g_autofree char *text = current_text (self);

        /* The draft of the version before goes; typing may have gone on
         * while git worked, and waits under the new one. */
        drop_draft (self);
        set_base (self, project);
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
      set_base (self, project);
      amend_window_keep_draft (self);
      break;
    case REASON_REFRESH:
    default:
      break;
    }

  update_title (self);
  update_branch_menu (self);
  amend_outline_panel_set_amendments (self->outline_panel, amend_project_get_amendments (project),
                                      amend_project_get_branch (project), amend_project_get_main_branch (project));
  if (reason == REASON_OPEN || reason == REASON_SWITCH)
    amend_outline_panel_set_document (self->outline_panel, amend_project_get_document (project), NULL);
  amend_history_page_set_project (self->history_page, project);
  watch_file (self);
  watch_git (self);
  remember_recent (self, amend_project_get_path (project));
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  gtk_spinner_stop (self->loading_spinner);
  if (reason == REASON_OPEN)
    {
      amend_profile_first_frame (GTK_WIDGET (self), amend_project_get_path (project));
      test_hooks (self);
    }
}

/* ----------------------------------------------------------------------- */
/* Git changed by another program                                           */
/* ----------------------------------------------------------------------- */

/* The working copy is on another branch: `amend switch`, `amend propose`
 * or git did it.  Whatever the editor had waits as a draft of the branch
 * and version it was typed on; the window then shows the other branch as
 * a switch made here would. */
static void
follow_switch (AmendWindow  *self,
               AmendProject *project)
{
  g_autofree char *left = branch_label (self->project);
  g_autofree char *now = branch_label (project);
  g_autofree char *message = NULL;
  gboolean unsaved = amend_window_has_unsaved (self);

  amend_window_keep_draft (self);
  set_project (self, project, REASON_SWITCH);
  if (unsaved)
    /* TRANSLATORS: the draft or an amendment's title, twice */
    message = g_strdup_printf (_("Another program switched to %s; your unsaved changes to %s wait there"), now, left);
  else
    message = g_strdup_printf (_("Another program switched to %s"), now);
  toast (self, message);
}

/* Same branch, but git moved: a version saved or an amendment proposed
 * or submitted elsewhere.  Without unsaved changes the editor shows the
 * new version; with them, they stay, typed on the version before. */
static void
follow_refresh (AmendWindow  *self,
                AmendProject *project)
{
  gboolean unsaved = amend_window_has_unsaved (self);
  gboolean moved = g_strcmp0 (amend_project_get_head_commit (project),
                              amend_project_get_head_commit (self->project)) != 0;
  const char *disk = amend_project_get_disk_text (project);

  set_project (self, project, REASON_REFRESH);
  if (!moved)
    check_disk (self);
  else if (!unsaved)
    {
      g_free (self->disk_text);
      self->disk_text = g_strdup (disk);
      amend_editor_load_text (self->editor, disk, g_strcmp0 (disk, amend_project_get_saved_text (project)) != 0);
      set_base (self, project);
      amend_outline_panel_set_document (self->outline_panel, amend_project_get_document (project), NULL);
    }
  else
    {
      AdwToast *note = adw_toast_new (_("Another program saved a new version of this text; your unsaved changes stay in the editor"));

      g_free (self->disk_text);
      self->disk_text = g_strdup (disk);
      adw_toast_set_timeout (note, 0);
      adw_toast_set_button_label (note, _("_Load Theirs"));
      adw_toast_set_action_name (note, "win.load-disk");
      adw_toast_overlay_add_toast (self->toast_overlay, note);
    }
}

typedef struct {
  AmendWindow *self;
  guint        generation;
} Refresh;

static void
refreshed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Refresh *r = user_data;
  g_autoptr(AmendWindow) self = r->self;
  guint generation = r->generation;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) project = amend_project_load_finish (result, &error);

  g_free (r);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->refreshing = FALSE;
  if (self->project == NULL)
    return;
  /* A save or switch of the window's own came first: look again. */
  if (self->busy || generation != self->generation)
    {
      schedule_refresh (self, 100);
      return;
    }
  if (project == NULL)
    {
      /* A detached HEAD, a removed regulation: say so once; saving stays
       * refused until the project is on a branch again. */
      if (g_strcmp0 (self->last_error, error->message) != 0)
        {
          g_free (self->last_error);
          self->last_error = g_strdup (error->message);
          toast (self, error->message);
        }
      return;
    }
  if (g_strcmp0 (amend_project_get_branch (project), amend_project_get_branch (self->project)) != 0)
    follow_switch (self, project);
  else if (!amend_project_same_state (project, self->project))
    follow_refresh (self, project);
  else
    check_disk (self);
}

static gboolean
refresh_tick (gpointer data)
{
  AmendWindow *self = data;
  g_autofree char *full = NULL;
  Refresh *r;

  self->refresh_source = 0;
  if (self->project == NULL)
    return G_SOURCE_REMOVE;
  if (self->busy || self->refreshing)
    {
      schedule_refresh (self, 200);
      return G_SOURCE_REMOVE;
    }
  self->refreshing = TRUE;
  full = amend_project_dup_file_path (self->project);
  r = g_new0 (Refresh, 1);
  r->self = g_object_ref (self);
  r->generation = self->generation;
  amend_project_load_async (full, self->cancellable, refreshed, r);
  return G_SOURCE_REMOVE;
}

/* Git and editors write in bursts: look once it has settled. */
static void
schedule_refresh (AmendWindow *self,
                  guint        ms)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (ms, refresh_tick, self);
}

static void
git_changed (GFileMonitor      *monitor,
             GFile             *file,
             GFile             *other,
             GFileMonitorEvent  event,
             AmendWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);

  /* The lock files come and go around every change of a ref. */
  if (g_str_has_suffix (name, ".lock") || g_str_equal (name, "index"))
    return;
  schedule_refresh (self, 250);
}

static void
unwatch_git (AmendWindow *self)
{
  for (guint i = 0; self->git_monitors && i < self->git_monitors->len; i++)
    {
      GFileMonitor *monitor = g_ptr_array_index (self->git_monitors, i);

      g_signal_handlers_disconnect_by_func (monitor, git_changed, self);
      g_file_monitor_cancel (monitor);
    }
  g_clear_pointer (&self->git_monitors, g_ptr_array_unref);
}

static void
watch_dir (AmendWindow *self,
           const char  *dir,
           const char  *sub)
{
  g_autoptr(GFile) file = g_file_new_build_filename (dir, sub, NULL);
  GFileMonitor *monitor;

  if (!g_file_query_exists (file, NULL))
    return;
  monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect (monitor, "changed", G_CALLBACK (git_changed), self);
  g_ptr_array_add (self->git_monitors, monitor);
}

/* HEAD, packed-refs and the branches: a switch, save or proposal made by
 * another program moves one of them.  GFileMonitor watches a folder,
 * not the folders under it, so each folder of branches gets its own. */
static void
watch_git (AmendWindow *self)
{
  const char *git_dir = amend_project_get_git_dir (self->project);
  const char *common = amend_project_get_common_dir (self->project);

  unwatch_git (self);
  self->git_monitors = g_ptr_array_new_with_free_func (g_object_unref);
  watch_dir (self, git_dir, "");
  if (g_strcmp0 (common, git_dir) != 0)
    watch_dir (self, common, "");
  watch_dir (self, common, "refs/heads");
  watch_dir (self, common, "refs/heads/amendement");
}

/* ----------------------------------------------------------------------- */
/* Opening                                                                  */
/* ----------------------------------------------------------------------- */

static void
set_busy (AmendWindow *self,
          gboolean     busy)
{
  self->busy = busy;
  if (busy)
    gtk_spinner_start (self->busy_spinner);
  else
    gtk_spinner_stop (self->busy_spinner);
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
  set_busy (self, FALSE);
  if (project == NULL)
    {
      gtk_spinner_stop (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->main_stack, self->project ? "project" : "start");
      show_error (self, _("Cannot Open the Project"), error->message);
      return;
    }
  set_project (self, project, REASON_OPEN);
}

void
amend_window_open (AmendWindow *self,
                   const char  *path)
{
  g_autofree char *label = NULL;

  g_return_if_fail (AMEND_IS_WINDOW (self));

  /* Unsaved text of the project being left waits for it as a draft. */
  amend_window_keep_draft (self);
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
      show_error (self, _("Cannot Open the Example"), error->message);
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
  set_busy (self, FALSE);
  if (next == NULL)
    {
      show_error (self, _("Not Saved"), error->message);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        schedule_refresh (self, 0);
      return;
    }
  set_project (self, next, REASON_SAVE);
  where = where_label (next);
  message = g_strdup_printf (_("Saved as a new version of %s"), where);
  toast (self, message);
  if (after == AFTER_SWITCH && branch)
    start_switch (self, branch, FALSE);
  else if (after == AFTER_PROPOSE)
    ask_propose (self);
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
  text = current_text (self);
  /* What is written now is what the file monitor will see. */
  g_free (self->disk_text);
  self->disk_text = g_strdup (text);
  set_busy (self, TRUE);
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

static void
ask_save (AmendWindow *self)
{
  g_autofree char *where = NULL;
  AmendSaveDialog *dialog;

  if (self->project == NULL || self->busy)
    return;
  if (!amend_window_has_unsaved (self))
    {
      toast (self, _("Nothing to save: the text is the last saved version"));
      return;
    }
  where = where_label (self->project);
  dialog = amend_save_dialog_new (GTK_WINDOW (self), self->settings, where);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response), self);
  track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* Switching between the draft and the amendments                           */
/* ----------------------------------------------------------------------- */

static void
switched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) next = amend_project_switch_finish (AMEND_PROJECT (source), result, &error);
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (next == NULL)
    {
      /* The unsaved text was kept as a draft: put it back. */
      show_error (self, _("Not Switched"), error->message);
      restore_draft (self);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        schedule_refresh (self, 0);
      return;
    }
  set_project (self, next, REASON_SWITCH);
  where = branch_label (next);
  message = g_strdup_printf (_("Now writing in %s"), where);
  toast (self, message);
}

static void
start_switch (AmendWindow *self,
              const char  *branch,
              gboolean     put_back)
{
  set_busy (self, TRUE);
  amend_project_switch_async (self->project, branch, put_back, NULL, switched, g_object_ref (self));
}

static void
leave_response (AdwMessageDialog *dialog,
                const char       *response,
                AmendWindow      *self)
{
  g_autofree char *branch = g_strdup (g_object_get_data (G_OBJECT (dialog), "branch"));
  gboolean propose = g_object_get_data (G_OBJECT (dialog), "propose") != NULL;

  if (g_strcmp0 (response, AMEND_LEAVE_KEEP) == 0)
    {
      /* The text waits in the draft store for the return to this branch. */
      amend_window_keep_draft (self);
      if (propose)
        {
          gtk_text_buffer_set_text (GTK_TEXT_BUFFER (amend_editor_get_buffer (self->editor)), "", 0);
          start_switch (self, amend_project_get_main_branch (self->project), TRUE);
        }
      else
        start_switch (self, branch, TRUE);
    }
  else if (g_strcmp0 (response, AMEND_LEAVE_SAVE) == 0)
    {
      self->after = propose ? AFTER_PROPOSE : AFTER_SWITCH;
      g_free (self->after_branch);
      self->after_branch = g_steal_pointer (&branch);
      ask_save (self);
    }
}

static void
ask_leave (AmendWindow *self,
           const char  *branch,
           gboolean     propose)
{
  g_autofree char *where = where_label (self->project);
  g_autofree char *body = g_strdup_printf (_("The text of %s has changes that are not saved. Save them as a version first, "
                                             "or keep them here unsaved: they wait for you when you come back to it."),
                                           where);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Changes"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    AMEND_LEAVE_CANCEL, _("_Cancel"),
                                    AMEND_LEAVE_KEEP, _("_Keep Unsaved Here"),
                                    AMEND_LEAVE_SAVE, _("_Save First"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), AMEND_LEAVE_SAVE, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), AMEND_LEAVE_SAVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), AMEND_LEAVE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "branch", g_strdup (branch), g_free);
  if (propose)
    g_object_set_data (G_OBJECT (dialog), "propose", GINT_TO_POINTER (1));
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response), self);
  track_dialog (self, GTK_WINDOW (dialog));
}

void
amend_window_switch_branch (AmendWindow *self,
                            const char  *branch)
{
  g_return_if_fail (AMEND_IS_WINDOW (self));

  if (self->project == NULL || self->busy || g_strcmp0 (branch, amend_project_get_branch (self->project)) == 0)
    return;
  if (amend_window_has_unsaved (self))
    ask_leave (self, branch, FALSE);
  else
    start_switch (self, branch, FALSE);
}

/* ----------------------------------------------------------------------- */
/* Propose                                                                  */
/* ----------------------------------------------------------------------- */

static void
proposed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendProject) next = amend_project_propose_finish (AMEND_PROJECT (source), result, &error);
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;

  set_busy (self, FALSE);
  if (next == NULL)
    {
      show_error (self, _("Amendment Not Proposed"), error->message);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        schedule_refresh (self, 0);
      return;
    }
  set_project (self, next, REASON_PROPOSE);
  where = branch_label (next);
  message = g_strdup_printf (_("Proposed \xe2\x80\x9c%s\xe2\x80\x9d; you are writing in it now"), where);
  toast (self, message);
  amend_outline_panel_show_page (self->outline_panel, "amendments");
}

void
amend_window_propose (AmendWindow        *self,
                      const char         *title,
                      const char * const *submitters,
                      const char         *motivation)
{
  g_return_if_fail (AMEND_IS_WINDOW (self));
  if (self->project == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  amend_project_propose_async (self->project, title, submitters, motivation, NULL, proposed, g_object_ref (self));
}

static void
propose_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AmendWindow      *self)
{
  AmendProposeDialog *propose = AMEND_PROPOSE_DIALOG (dialog);
  g_auto(GStrv) people = NULL;
  g_autofree char *motivation = NULL;

  if (g_strcmp0 (response, "propose") != 0)
    return;
  people = amend_propose_dialog_dup_submitters (propose);
  motivation = amend_propose_dialog_dup_motivation (propose);
  amend_window_propose (self, amend_propose_dialog_get_title_text (propose), (const char * const *) people,
                        *motivation ? motivation : NULL);
}

static void
ask_propose (AmendWindow *self)
{
  g_autofree char *me = amend_settings_dup_author (self->settings);
  AmendProposeDialog *dialog;

  /* The user is the first submitter: from the preferences, else from git. */
  if (me == NULL)
    me = amend_git_config_author ();
  gboolean unsaved;

  if (self->project == NULL || self->busy)
    return;
  unsaved = amend_window_has_unsaved (self);
  /* An amendment starts from the draft: unsaved text of another
   * amendment must be saved or kept there first. */
  if (unsaved && !amend_project_is_on_main (self->project))
    {
      ask_leave (self, amend_project_get_main_branch (self->project), TRUE);
      return;
    }
  dialog = amend_propose_dialog_new (GTK_WINDOW (self), me,
                                     unsaved ? _("Your unsaved changes to the draft come along to the amendment.") : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (propose_response), self);
  track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* New, import, open, export                                                */
/* ----------------------------------------------------------------------- */

static void
new_project_response (AdwMessageDialog *dialog,
                      const char       *response,
                      AmendWindow      *self)
{
  AmendNewProjectDialog *np = AMEND_NEW_PROJECT_DIALOG (dialog);
  AmendDocument *imported = g_object_get_data (G_OBJECT (dialog), "document");
  const char *title = amend_new_project_dialog_get_title_text (np);
  const char *code = amend_new_project_dialog_get_code (np);
  g_autofree char *folder = NULL;
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  amend_new_project_dialog_remember (np);
  folder = amend_new_project_dialog_dup_folder (np);
  author = amend_new_project_dialog_dup_author (np);
  if (imported)
    {
      amend_document_set_meta (imported, "title", title);
      amend_document_set_meta (imported, "authority", code);
      text = amend_document_to_markdown (imported);
    }
  else
    text = amend_project_template_text (title, code);
  slug = amend_slug_from_title (title);
  file_name = g_strconcat (slug, ".md", NULL);
  if (!amend_project_create (folder, file_name, text, author, &error))
    {
      show_error (self, _("Project Not Created"), error->message);
      return;
    }
  amend_window_open (self, folder);
}

static void
ask_new_project (AmendWindow   *self,
                 AmendDocument *imported,
                 const char    *source_name)
{
  AmendNewProjectDialog *dialog = amend_new_project_dialog_new (GTK_WINDOW (self), self->settings, source_name);

  if (imported)
    {
      g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (imported), g_object_unref);
      amend_new_project_dialog_fill (dialog, amend_document_get_meta (imported, "title"),
                                     amend_document_get_meta (imported, "authority"), NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (new_project_response), self);
  track_dialog (self, GTK_WINDOW (dialog));
}

static void
open_response (GtkNativeDialog *chooser,
               int              response,
               AmendWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path)
        amend_window_open (self, path);
    }
  g_object_unref (chooser);
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 AmendWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendDocument) doc = amend_xml_import_file (file, warnings, &error);
      g_autofree char *name = g_file_get_basename (file);

      if (doc == NULL)
        show_error (self, _("Not Imported"), error->message);
      else
        ask_new_project (self, doc, name);
    }
  g_object_unref (chooser);
}

static void
export_save_response (GtkNativeDialog *chooser,
                      int              response,
                      AmendWindow     *self)
{
  AmendExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *text = current_text (self);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendDocument) doc = amend_document_new_from_data (text, strlen (text), &error);
      g_autoptr(GBytes) xml = doc ? amend_export_document (doc, format, warnings, &error) : NULL;

      /* Atomic, as every write of Amend's. */
      if (xml == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
        show_error (self, _("Not Exported"), error->message);
      else if (warnings->len > 0)
        {
          g_autofree char *message = g_strdup_printf (ngettext ("Exported, with %u warning: %s",
                                                                "Exported, with %u warnings; the first: %s",
                                                                warnings->len),
                                                      warnings->len,
                                                      ((AmendDiagnostic *) g_ptr_array_index (warnings, 0))->message);
          toast (self, message);
        }
      else
        toast (self, _("Exported"));
    }
  g_object_unref (chooser);
}

static void
export_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AmendWindow      *self)
{
  AmendExportFormat format = amend_export_dialog_get_format (AMEND_EXPORT_DIALOG (dialog));
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0 || self->project == NULL)
    return;
  base = g_strdup (amend_project_get_file (self->project));
  if (g_str_has_suffix (base, ".md"))
    base[strlen (base) - 3] = '\0';
  name = g_strdup_printf ("%s.%s.xml", base, amend_export_format_suffix (format));
  chooser = gtk_file_chooser_native_new (_("Export As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (export_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ----------------------------------------------------------------------- */
/* Actions                                                                  */
/* ----------------------------------------------------------------------- */

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  self->after = AFTER_NOTHING;
  ask_save (self);
}

static void
action_find (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  if (self->project == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "editor");
  amend_editor_find (self->editor, g_str_equal (name, "win.replace"));
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                               _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_import (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import an Official XML File"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CVDR, STOP or Akoma Ntoso XML"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_new_project (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  ask_new_project (AMEND_WINDOW (widget), NULL, NULL);
}

static void
action_open_example (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  amend_window_open_example (AMEND_WINDOW (widget));
}

static void
action_propose (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  self->after = AFTER_NOTHING;
  ask_propose (self);
}

static void
action_toggle_sidebar (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
action_switch_branch (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  amend_window_switch_branch (AMEND_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  AmendExportDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = amend_export_dialog_new (GTK_WINDOW (self));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), self);
  track_dialog (self, GTK_WINDOW (dialog));
}

static void
action_discard_changes (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  const char *saved;

  if (self->project == NULL)
    return;
  saved = amend_project_get_saved_text (self->project);
  /* Undoable: Ctrl+Z brings the discarded text back. */
  amend_editor_replace_text (self->editor, saved ? saved : self->disk_text);
  drop_draft (self);
}

static void
action_load_disk (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);

  if (self->project == NULL || self->disk_text == NULL)
    return;
  /* The draft of the text before stays until this one is saved. */
  amend_window_keep_draft (self);
  amend_editor_replace_text (self->editor, self->disk_text);
  set_base (self, self->project);
}

static void
action_restore_stray (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  g_autofree char *commit = g_steal_pointer (&self->stray_commit);

  /* Asked for: one step that Ctrl+Z takes back. */
  if (self->project && commit)
    put_draft (self, commit);
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

static void
outline_branch_activated (AmendOutlinePanel *panel,
                          const char        *branch,
                          AmendWindow       *self)
{
  amend_window_switch_branch (self, branch);
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

/* Too narrow for the switcher beside the title: it goes to the bottom
 * (libadwaita 1.2 has no breakpoints; the squeezer measures instead). */
static void
squeezed (AdwSqueezer *squeezer,
          GParamSpec  *pspec,
          AmendWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_squeezer_get_visible_child (squeezer) == GTK_WIDGET (self->narrow_title));
}

static void
modified_changed (GtkTextBuffer *buffer,
                  AmendWindow   *self)
{
  update_title (self);
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
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  unwatch_git (self);
  if (self->dialog)
    {
      g_object_weak_unref (G_OBJECT (self->dialog), forget_dialog, self);
      self->dialog = NULL;
    }
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
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
  G_OBJECT_CLASS (amend_window_parent_class)->finalize (object);
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
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, branch_button);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, branch_label);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, wide_title);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, outline_panel);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, AmendWindow, history_page);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, action_new_project);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, action_open_example);
  gtk_widget_class_install_action (widget_class, "win.propose", NULL, action_propose);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, action_toggle_sidebar);
  gtk_widget_class_install_action (widget_class, "win.switch-branch", "s", action_switch_branch);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.discard-changes", NULL, action_discard_changes);
  gtk_widget_class_install_action (widget_class, "win.load-disk", NULL, action_load_disk);
  gtk_widget_class_install_action (widget_class, "win.restore-stray", NULL, action_restore_stray);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.propose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
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

  recent = g_settings_get_strv (self->settings, "recent-projects");
  amend_start_page_set_recent (self->start_page, (const char * const *) recent);
  g_signal_connect_object (self->settings, "changed::recent-projects", G_CALLBACK (recent_changed), self, 0);
  g_signal_connect_object (self->settings, "changed::autosave-interval", G_CALLBACK (autosave_interval_changed), self, 0);
  g_signal_connect (self->start_page, "open-recent", G_CALLBACK (start_open_recent), self);
  g_signal_connect (self->outline_panel, "line-activated", G_CALLBACK (outline_line_activated), self);
  g_signal_connect (self->outline_panel, "branch-activated", G_CALLBACK (outline_branch_activated), self);
  g_signal_connect (self->editor, "checked", G_CALLBACK (editor_checked), self);
  g_signal_connect (self->editor, "cursor-line", G_CALLBACK (editor_cursor_line), self);
  g_signal_connect (amend_editor_get_buffer (self->editor), "modified-changed", G_CALLBACK (modified_changed), self);
  g_signal_connect (self->title_squeezer, "notify::visible-child", G_CALLBACK (squeezed), self);
  amend_history_page_set_editor (self->history_page, self->editor);
  restart_autosave (self);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
}

AmendWindow *
amend_window_new (GtkApplication *application)
{
  return g_object_new (AMEND_TYPE_WINDOW, "application", application, NULL);
}
