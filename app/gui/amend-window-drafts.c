/* amend-window-drafts.c: unsaved text of the window kept as drafts, and restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unsaved text is never written over the working copy before it is saved:
 * it is copied into the draft store on a timer and whenever the window
 * leaves it, under the branch and the version it was typed on, and put
 * back only onto the very text it started from.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-window-private.h"

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
void
_amend_window_set_base (AmendWindow  *self,
                        AmendProject *project)
{
  const char *saved = amend_project_get_saved_text (project);
  const char *head = amend_project_get_head_commit (project);

  g_free (self->base_commit);
  g_free (self->base_digest);
  self->base_commit = g_strdup (head ? head : "");
  self->base_digest = amend_draft_base_digest (saved ? saved : amend_project_get_disk_text (project));
}

void
_amend_window_drop_draft (AmendWindow *self)
{
  const char *path, *branch, *file, *commit;
  g_autoptr(GError) error = NULL;

  if (draft_key_parts (self, &path, &branch, &file, &commit) &&
      !amend_draft_store_remove (self->drafts, path, branch, file, commit, &error))
    g_warning ("%s", error->message);
}

/* Synchronous: on close, before a switch, before opening another project
 * or regulation.  FALSE when unsaved text could not be kept (said). */
gboolean
amend_window_keep_draft (AmendWindow *self)
{
  const char *path, *branch, *file, *commit;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!draft_key_parts (self, &path, &branch, &file, &commit))
    return TRUE;
  if (!amend_window_has_unsaved (self))
    {
      _amend_window_drop_draft (self);
      return TRUE;
    }
  text = _amend_window_current_text (self);
  if (amend_draft_store_save (self->drafts, path, branch, file, commit, self->base_digest, text, strlen (text), &error))
    return TRUE;
  _amend_window_show_gerror (self, _("Unsaved Changes Not Kept"), error);
  return FALSE;
}

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmendWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!amend_draft_store_save_finish (AMEND_DRAFT_STORE (source), result, &error))
    _amend_window_toast (self, error->message);
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
      _amend_window_drop_draft (self);
      return G_SOURCE_CONTINUE;
    }
  text = _amend_window_current_text (self);
  amend_draft_store_save_async (self->drafts, path, branch, file, commit, self->base_digest,
                                g_bytes_new_take (text, strlen (text)),
                                NULL, autosave_done, g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

void
_amend_window_restart_autosave (AmendWindow *self)
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
  _amend_window_restart_autosave (self);
}

static char *
draft_time (AmendDraftInfo *info)
{
  /* TRANSLATORS: time of day of the restored copy, see strftime */
  return info->saved ? g_date_time_format (info->saved, _("%H:%M on %-d %B")) : g_strdup ("");
}

void
_amend_window_put_draft (AmendWindow *self,
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
        _amend_window_toast (self, error->message);
      return;
    }
  now = _amend_window_current_text (self);
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
void
_amend_window_restore_draft (AmendWindow *self)
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
          _amend_window_put_draft (self, info->commit);
          if (self->draft_restored && !self->quiet_restore)
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

void
_amend_window_drafts_init (AmendWindow *self)
{
  g_signal_connect_object (self->settings, "changed::autosave-interval",
                           G_CALLBACK (autosave_interval_changed), self, 0);
  _amend_window_restart_autosave (self);
}
