/* amend-window-branches.c: switching between the draft and the amendments, proposing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Leaving a branch with unsaved text asks first (save, keep it here as a
 * draft, or cancel); nothing is discarded.  A new amendment starts from
 * the draft, a subamendment from the amendment it amends: the editor's
 * text comes along only from that very branch.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-gui-error.h"
#include "amend-propose-dialog.h"
#include "amend-save-dialog.h"
#include "amend-window-private.h"

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
  gboolean propose = self->after == AFTER_PROPOSE;

  self->after = AFTER_NOTHING;
  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      /* The unsaved text was kept as a draft: put it back. */
      _amend_window_show_gerror (self, _("Not Switched"), error);
      _amend_window_restore_draft (self);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        _amend_window_schedule_refresh (self, 0);
      return;
    }
  _amend_window_set_project (self, next, REASON_SWITCH);
  where = _amend_window_branch_label (next);
  message = g_strdup_printf (_("Now writing in %s"), where);
  _amend_window_toast (self, message);
  /* Left for a proposal, with the unsaved text kept where it was typed:
   * the proposal goes on from the draft. */
  if (propose)
    _amend_window_ask_propose (self);
}

void
_amend_window_start_switch (AmendWindow *self,
                            const char  *branch,
                            gboolean     put_back)
{
  _amend_window_set_busy (self, TRUE);
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
          self->after = AFTER_PROPOSE;
          _amend_window_start_switch (self, amend_project_get_main_branch (self->project), TRUE);
        }
      else
        _amend_window_start_switch (self, branch, TRUE);
    }
  else if (g_strcmp0 (response, AMEND_LEAVE_SAVE) == 0)
    {
      self->after = propose ? AFTER_PROPOSE : AFTER_SWITCH;
      g_free (self->after_branch);
      self->after_branch = g_steal_pointer (&branch);
      _amend_window_ask_save (self);
    }
}

static void
ask_leave (AmendWindow *self,
           const char  *branch,
           gboolean     propose)
{
  g_autofree char *where = _amend_window_where_label (self->project);
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
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
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
    _amend_window_start_switch (self, branch, FALSE);
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

  _amend_window_set_busy (self, FALSE);
  if (next == NULL)
    {
      _amend_window_show_gerror (self, _("Amendment Not Proposed"), error);
      if (g_error_matches (error, AMEND_PROJECT_ERROR, AMEND_PROJECT_ERROR_BRANCH_CHANGED))
        _amend_window_schedule_refresh (self, 0);
      return;
    }
  _amend_window_forget_propose_form (self);
  _amend_window_set_project (self, next, REASON_PROPOSE);
  where = _amend_window_branch_label (next);
  message = g_strdup_printf (_("Proposed \xe2\x80\x9c%s\xe2\x80\x9d; you are writing in it now"), where);
  _amend_window_toast (self, message);
  amend_outline_panel_show_page (self->outline_panel, "amendments");
}

/* @on: the amendment a subamendment amends, or NULL: an amendment of the draft. */
void
amend_window_propose (AmendWindow        *self,
                      const char         *title,
                      const char * const *submitters,
                      const char         *motivation,
                      const char         *on)
{
  g_return_if_fail (AMEND_IS_WINDOW (self));
  if (self->project == NULL || self->busy)
    return;
  _amend_window_set_busy (self, TRUE);
  amend_project_propose_async (self->project, title, submitters, motivation, on, NULL, proposed, g_object_ref (self));
}

void
_amend_window_forget_propose_form (AmendWindow *self)
{
  ProposeForm *form = g_steal_pointer (&self->propose_form);

  if (form == NULL)
    return;
  g_free (form->on);
  g_free (form->title);
  g_free (form->submitters);
  g_free (form->motivation);
  g_free (form);
}

/* Cancel, Escape or a proposal that failed: what was typed stays for the
 * next Propose, as a text typed in GNOME stays until it is sent.  Only
 * the user as submitter, nothing else, is nothing to keep. */
static void
keep_propose_form (AmendWindow        *self,
                   AmendProposeDialog *dialog)
{
  const char *title = amend_propose_dialog_get_title_text (dialog);
  const char *people = gtk_editable_get_text (GTK_EDITABLE (amend_propose_dialog_get_submitters_row (dialog)));
  const char *offered = g_object_get_data (G_OBJECT (dialog), "offered");
  g_autofree char *motivation = amend_propose_dialog_dup_motivation (dialog);
  ProposeForm *form;

  _amend_window_forget_propose_form (self);
  if (*title == '\0' && *motivation == '\0' && g_strcmp0 (people, offered ? offered : "") == 0)
    return;
  form = self->propose_form = g_new0 (ProposeForm, 1);
  form->on = g_strdup (g_object_get_data (G_OBJECT (dialog), "on"));
  form->title = g_strdup (title);
  form->submitters = g_strdup (people);
  form->motivation = g_steal_pointer (&motivation);
}

/* A new Propose dialog for @on (NULL: an amendment of the draft), with
 * what was typed before for the same. */
static AmendProposeDialog *
new_propose_dialog (AmendWindow *self,
                    const char  *on,
                    const char  *note)
{
  g_autofree char *me = amend_settings_dup_submitter (self->settings, amend_project_get_path (self->project));
  AmendProposeDialog *dialog = amend_propose_dialog_new (GTK_WINDOW (self), me, note);
  ProposeForm *form = self->propose_form;

  g_object_set_data_full (G_OBJECT (dialog), "offered", g_strdup (me), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "on", g_strdup (on), g_free);
  if (form && g_strcmp0 (form->on, on) == 0)
    amend_propose_dialog_fill (dialog, form->title, form->submitters, form->motivation);
  return dialog;
}

static void
propose_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AmendWindow      *self)
{
  AmendProposeDialog *propose = AMEND_PROPOSE_DIALOG (dialog);
  g_auto(GStrv) people = NULL;
  g_autofree char *motivation = NULL;

  keep_propose_form (self, propose);
  if (g_strcmp0 (response, "propose") != 0)
    return;
  people = amend_propose_dialog_dup_submitters (propose);
  motivation = amend_propose_dialog_dup_motivation (propose);
  amend_window_propose (self, amend_propose_dialog_get_title_text (propose), (const char * const *) people,
                        *motivation ? motivation : NULL, g_object_get_data (G_OBJECT (dialog), "on"));
}

void
_amend_window_ask_propose (AmendWindow *self)
{
  AmendProposeDialog *dialog;
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
  dialog = new_propose_dialog (self, NULL, unsaved ? _("Your unsaved changes to the draft come along to the amendment.") : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (propose_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* A subamendment of the amendment @slug: it starts from that amendment,
 * so unsaved text of another branch would not be its text; it is saved
 * or discarded first, as for an adoption. */
void
_amend_window_ask_propose_on (AmendWindow *self,
                              const char  *slug)
{
  AmendAmendment *a = self->project ? amend_project_find_amendment (self->project, slug) : NULL;
  g_autofree char *note = NULL;
  AmendProposeDialog *dialog;
  gboolean unsaved;
  gboolean here;

  if (a == NULL || self->busy)
    return;
  unsaved = amend_window_has_unsaved (self);
  here = g_strcmp0 (amend_project_get_branch (self->project), amend_amendment_get_branch (a)) == 0;
  if (unsaved && !here)
    {
      g_autofree char *where = _amend_window_where_label (self->project);
      g_autofree char *body = g_strdup_printf (_("The text of %s has changes that are not saved, and a subamendment "
                                                 "starts from “%s”. Save them as a version first, or discard them, "
                                                 "then try again."), where, amend_amendment_get_title (a));

      _amend_window_show_error (self, _("Unsaved Changes"), body);
      return;
    }
  if (unsaved)
    note = g_strdup_printf (_("Your unsaved changes to “%s” come along to the subamendment."), amend_amendment_get_title (a));
  dialog = new_propose_dialog (self, slug, note);
  amend_propose_dialog_set_amends (dialog, amend_amendment_get_title (a));
  g_signal_connect (dialog, "response", G_CALLBACK (propose_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}
