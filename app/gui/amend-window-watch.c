/* amend-window-watch.c: the regulation or git changed by another program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The regulation file, HEAD and the branches are watched (GFileMonitor);
 * after a burst of changes the project is read again in a worker thread
 * and the window follows: another branch is a switch, a moved branch a
 * new version, a changed file a new text.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-window-private.h"

void
_amend_window_check_disk (AmendWindow *self)
{
  g_autofree char *full = NULL;
  g_autofree char *text = NULL;
  gboolean unsaved;

  if (self->project == NULL || self->busy)
    return;
  full = amend_project_dup_file_path (self->project);
  if (!g_file_get_contents (full, &text, NULL, NULL) || !g_utf8_validate (text, -1, NULL))
    return;
  if (g_strcmp0 (text, self->disk_text) == 0)
    return;

  unsaved = amend_window_has_unsaved (self);
  g_free (self->disk_text);
  self->disk_text = g_strdup (text);
  if (!unsaved)
    {
      const char *saved = amend_project_get_saved_text (self->project);

      amend_editor_load_text (self->editor, text, g_strcmp0 (text, saved) != 0);
      _amend_window_toast (self, _("Another program changed the regulation; the editor shows its new text"));
    }
  else
    {
      AdwToast *note = adw_toast_new (_("Another program changed the regulation; your unsaved text stays in the editor"));

      adw_toast_set_timeout (note, 0);
      adw_toast_set_button_label (note, _("_Load Theirs"));
      adw_toast_set_action_name (note, "win.load-disk");
      adw_toast_overlay_add_toast (self->toast_overlay, note);
    }
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
  _amend_window_schedule_refresh (self, 250);
}

void
_amend_window_watch_file (AmendWindow *self)
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
  g_autofree char *left = _amend_window_branch_label (self->project);
  g_autofree char *now = _amend_window_branch_label (project);
  g_autofree char *message = NULL;
  gboolean unsaved = amend_window_has_unsaved (self);

  amend_window_keep_draft (self);
  _amend_window_set_project (self, project, REASON_SWITCH);
  if (unsaved)
    /* TRANSLATORS: the draft or an amendment's title, twice */
    message = g_strdup_printf (_("Another program switched to %s; your unsaved changes to %s wait there"), now, left);
  else
    message = g_strdup_printf (_("Another program switched to %s"), now);
  _amend_window_toast (self, message);
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
  /* `amend submit` moves the branch but not the regulation. */
  gboolean same_text = g_strcmp0 (amend_project_get_saved_text (project),
                                  amend_project_get_saved_text (self->project)) == 0;
  const char *disk = amend_project_get_disk_text (project);

  if (moved && same_text)
    _amend_window_drop_draft (self);
  _amend_window_set_project (self, project, REASON_REFRESH);
  if (!moved)
    _amend_window_check_disk (self);
  else if (same_text)
    {
      /* The unsaved text started from this very text: it waits under
       * the new version from now on. */
      _amend_window_set_base (self, project);
      amend_window_keep_draft (self);
      _amend_window_check_disk (self);
    }
  else if (!unsaved)
    {
      g_free (self->disk_text);
      self->disk_text = g_strdup (disk);
      amend_editor_load_document (self->editor, disk, amend_project_get_document (project),
                                  g_strcmp0 (disk, amend_project_get_saved_text (project)) != 0);
      _amend_window_set_base (self, project);
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

/* The regulation open was removed on this branch by another program: the
 * editor keeps its text (saving it puts the file back), said once. */
static void
refresh_gone (AmendWindow *self)
{
  g_autofree char *message = g_strdup_printf (_("%s is gone from the working copy; save to put it back, "
                                                "or choose another regulation"),
                                              amend_project_get_file (self->project));

  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  _amend_window_toast (self, message);
}

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
      _amend_window_schedule_refresh (self, 100);
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
          _amend_window_toast (self, error->message);
        }
      return;
    }
  if (g_strcmp0 (amend_project_get_branch (project), amend_project_get_branch (self->project)) != 0)
    follow_switch (self, project);
  else if (g_strcmp0 (amend_project_get_file (project), amend_project_get_file (self->project)) != 0)
    refresh_gone (self);
  else if (!amend_project_same_state (project, self->project))
    follow_refresh (self, project);
  else
    _amend_window_check_disk (self);
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
      _amend_window_schedule_refresh (self, 200);
      return G_SOURCE_REMOVE;
    }
  self->refreshing = TRUE;
  full = amend_project_dup_file_path (self->project);
  /* The regulation open is not on the branch another program switched
   * to (markt.md came after the amendment started): the project is read
   * as on opening it, with the regulation of that branch. */
  if (!g_file_test (full, G_FILE_TEST_EXISTS))
    {
      g_free (full);
      full = g_strdup (amend_project_get_path (self->project));
    }
  r = g_new0 (Refresh, 1);
  r->self = g_object_ref (self);
  r->generation = self->generation;
  amend_project_load_async (full, self->cancellable, refreshed, r);
  return G_SOURCE_REMOVE;
}

/* Git and editors write in bursts: look once it has settled. */
void
_amend_window_schedule_refresh (AmendWindow *self,
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
  g_autofree char *name = g_file_get_basename (other ? other : file);

  /* A ref is written as NAME.lock and renamed to NAME: the rename counts
   * (with G_FILE_MONITOR_WATCH_MOVES it names NAME as @other), the lock
   * files coming and going do not, nor does the index. */
  if (g_str_has_suffix (name, ".lock") || g_str_equal (name, "index"))
    return;
  _amend_window_schedule_refresh (self, 250);
}

void
_amend_window_unwatch_git (AmendWindow *self)
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
void
_amend_window_watch_git (AmendWindow *self)
{
  const char *git_dir = amend_project_get_git_dir (self->project);
  const char *common = amend_project_get_common_dir (self->project);

  _amend_window_unwatch_git (self);
  self->git_monitors = g_ptr_array_new_with_free_func (g_object_unref);
  watch_dir (self, git_dir, "");
  if (g_strcmp0 (common, git_dir) != 0)
    watch_dir (self, common, "");
  watch_dir (self, common, "refs/heads");
  watch_dir (self, common, "refs/heads/amendement");
}

void
_amend_window_unwatch (AmendWindow *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  _amend_window_unwatch_git (self);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

/* A snapshot from a job of the window's own that moved git (a decision,
 * a comment, a merge finished): followed as a change made elsewhere is,
 * the editor's unsaved text kept. */
void
_amend_window_follow (AmendWindow  *self,
                      AmendProject *project)
{
  if (self->project == NULL)
    _amend_window_set_project (self, project, REASON_OPEN);
  else if (g_strcmp0 (amend_project_get_branch (project), amend_project_get_branch (self->project)) != 0)
    follow_switch (self, project);
  else if (!amend_project_same_state (project, self->project))
    follow_refresh (self, project);
  else
    _amend_window_set_project (self, project, REASON_REFRESH);
}
