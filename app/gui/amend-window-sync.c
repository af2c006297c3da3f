/* amend-window-sync.c: packages and remotes in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Hand In Amendment…" writes an amendment's package (amend package
 * export), "Open Package…" and a .amend file dropped on the window take
 * one in (amend package import; a whole project's package becomes a new
 * project, amend package open), Pull and Push exchange with the project's
 * remote (amend pull, amend push of the branch being written in).  All run
 * through the core's _async functions (app/core/sync/) with an
 * AmendSyncJob: its progress shows in a dialog whose Cancel stops the
 * transfer, and a remote that asks for a user name and password gets them
 * from a dialog, answered while the transfer waits.  Nothing of a password
 * is kept.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "amend-bundle.h"
#include "amend-sync.h"
#include "amend-window-private.h"

/* ----------------------------------------------------------------------- */
/* What happened                                                            */
/* ----------------------------------------------------------------------- */

static char *
change_line (const AmendSyncChange *c)
{
  const char *title = g_strcmp0 (c->branch, "main") == 0 || !g_str_has_prefix (c->branch, "amendement/")
                      ? _("the draft") : c->title ? c->title : c->branch;

  switch (c->kind)
    {
    case AMEND_SYNC_NEW:
      return g_strdup_printf (ngettext ("New: “%s”, %u version", "New: “%s”, %u versions", c->commits), title, c->commits);
    case AMEND_SYNC_UPDATED:
      return g_strdup_printf (ngettext ("Updated: “%s”, %u new version", "Updated: “%s”, %u new versions", c->commits),
                              title, c->commits);
    case AMEND_SYNC_UNCHANGED:
      return g_strdup_printf (_("Up to date: “%s”"), title);
    case AMEND_SYNC_LOCAL_NEWER:
      return g_strdup_printf (_("Kept: “%s” (this project has newer versions)"), title);
    case AMEND_SYNC_ALREADY_AS:
      return g_strdup_printf (_("Already here: “%s”"), title);
    case AMEND_SYNC_DIVERGED:
      return g_strdup_printf (_("Changed on both sides: “%s”; yours is kept, the one that came in is added beside it"), title);
    case AMEND_SYNC_MERGED:
      return g_strdup_printf (ngettext ("Merged: “%s” had changes here and in the shared project; %u version came in "
                                        "and both are joined in a new version",
                                        "Merged: “%s” had changes here and in the shared project; %u versions came in "
                                        "and both are joined in a new version", c->commits), title, c->commits);
    case AMEND_SYNC_MERGE_STOPPED:
      return g_strdup_printf (_("Not merged yet: “%s” was changed in the same places here and in the shared project. "
                                "Resolve the conflicts on the Conflicts page (or with amend pull --continue); "
                                "nothing is saved until then"), title);
    case AMEND_SYNC_PUSHED:
      return g_strdup_printf (_("Sent: “%s”"), title);
    case AMEND_SYNC_NOT_TAKEN:
      return g_strdup_printf (_("Not taken: “%s”: %s"), title, c->message ? c->message : "");
    case AMEND_SYNC_REJECTED:
    default:
      return g_strdup_printf (_("Refused by the remote: “%s” (%s)"), title, c->message ? c->message : "");
    }
}

/* A comment that came with an amendment is said, so the one who gets
 * the package back from the officer knows there is something to answer
 * (the versions alone would not tell that the change is a comment). */
static void
append_new_comments (GString               *out,
                     const AmendSyncChange *c)
{
  if (c->new_comments == 0 || (c->kind != AMEND_SYNC_NEW && c->kind != AMEND_SYNC_UPDATED && c->kind != AMEND_SYNC_MERGED))
    return;
  g_string_append_printf (out, ngettext ("; %u new comment, beside its changes on the Amendments page",
                                         "; %u new comments, beside its changes on the Amendments page",
                                         c->new_comments), c->new_comments);
}

static char *
report_text (AmendSyncReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->changes->len; i++)
    {
      g_autofree char *line = change_line (g_ptr_array_index (report->changes, i));

      g_string_append_printf (out, "%s%s", out->len ? "\n" : "", line);
      append_new_comments (out, g_ptr_array_index (report->changes, i));
    }
  if (out->len == 0)
    g_string_append (out, _("Nothing to take in or send: both sides are the same."));
  return g_string_free (out, FALSE);
}

static gboolean
stopped_at_conflicts (AmendSyncReport *report)
{
  for (guint i = 0; i < report->changes->len; i++)
    if (((AmendSyncChange *) g_ptr_array_index (report->changes, i))->kind == AMEND_SYNC_MERGE_STOPPED)
      return TRUE;
  return FALSE;
}

static void
show_report (AmendWindow     *self,
             const char      *heading,
             AmendSyncReport *report)
{
  g_autofree char *body = report_text (report);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* Progress, Cancel, password                                               */
/* ----------------------------------------------------------------------- */

typedef struct {
  AmendWindow    *self;
  AmendSyncJob   *job;
  GtkWidget      *dialog;      /* the progress dialog, while it is shown */
  GtkProgressBar *bar;
  GtkLabel       *label;
  char           *heading;     /* of the report */
  char           *user;        /* the user name last given, offered again */
  GtkWidget      *asking;      /* the password dialog, while it is shown */
} Transfer;

static void
transfer_free (Transfer *t)
{
  /* A transfer cancelled while its password was asked: the question goes. */
  if (t->asking)
    {
      g_object_remove_weak_pointer (G_OBJECT (t->asking), (gpointer *) &t->asking);
      g_object_set_data (G_OBJECT (t->asking), "transfer", NULL);
      gtk_window_destroy (GTK_WINDOW (t->asking));
    }
  if (t->dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (t->dialog), (gpointer *) &t->dialog);
      gtk_window_destroy (GTK_WINDOW (t->dialog));
    }
  g_clear_object (&t->job);
  g_object_unref (t->self);
  g_free (t->heading);
  g_free (t->user);
  g_free (t);
}

static void
progressed (AmendSyncJob            *job,
            const AmendSyncProgress *progress,
            gpointer                 data)
{
  Transfer *t = data;
  g_autofree char *size = progress->bytes ? g_format_size (progress->bytes) : NULL;
  g_autoptr(GString) text = g_string_new (amend_sync_stage_describe (progress->stage));

  if (t->dialog == NULL)
    return;
  if (progress->total > 0)
    {
      g_string_append_printf (text, ": %u / %u", progress->done, progress->total);
      gtk_progress_bar_set_fraction (t->bar, (double) progress->done / progress->total);
    }
  else
    gtk_progress_bar_pulse (t->bar);
  if (size)
    g_string_append_printf (text, ", %s", size);
  gtk_label_set_text (t->label, text->str);
}

static void
progress_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Transfer         *t)
{
  if (g_strcmp0 (response, "cancel") == 0)
    amend_sync_job_cancel (t->job);
}

static void
show_progress (Transfer   *t,
               const char *heading,
               const char *body)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  t->dialog = adw_message_dialog_new (GTK_WINDOW (t->self), heading, body);
  t->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  t->label = GTK_LABEL (gtk_label_new (amend_sync_stage_describe (AMEND_SYNC_STAGE_CONNECTING)));
  gtk_label_set_xalign (t->label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (t->label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (t->bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (t->label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (t->dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (t->dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (t->dialog), "cancel");
  g_object_add_weak_pointer (G_OBJECT (t->dialog), (gpointer *) &t->dialog);
  g_signal_connect (t->dialog, "response", G_CALLBACK (progress_response), t);
  _amend_window_track_dialog (t->self, GTK_WINDOW (t->dialog));
}

static void
password_response (AdwMessageDialog       *dialog,
                   const char             *response,
                   AmendCredentialRequest *request)
{
  GtkEditable *user = g_object_get_data (G_OBJECT (dialog), "user");
  GtkEditable *password = g_object_get_data (G_OBJECT (dialog), "password");
  Transfer *t = g_object_get_data (G_OBJECT (dialog), "transfer");

  if (user && t)
    {
      g_free (t->user);
      t->user = g_strdup (gtk_editable_get_text (user));
    }
  if (g_strcmp0 (response, "connect") == 0)
    amend_credential_request_answer (request, user ? gtk_editable_get_text (user) : NULL, gtk_editable_get_text (password));
  else
    amend_credential_request_decline (request);
  /* The password goes with the dialog. */
  gtk_editable_set_text (password, "");
}

static void
unref_request (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

static GtkWidget *
entry_row (GtkWidget  *group,
           GType       type,
           const char *title)
{
  /* Enter in the field answers the dialog with its default response. */
  GtkWidget *row = g_object_new (type, "title", title, "activates-default", TRUE, NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* The remote asks: a dialog, answered whenever the user is done; the
 * transfer waits meanwhile (and Cancel in the progress dialog still
 * stops it). */
static void
ask_credentials (AmendSyncJob           *job,
                 AmendCredentialRequest *request,
                 gpointer                data)
{
  Transfer *t = data;
  gboolean passphrase = amend_credential_request_get_kind (request) == AMEND_CREDENTIAL_PASSPHRASE;
  const char *url = amend_credential_request_get_url (request);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *password;

  if (passphrase)
    body = g_strdup_printf (_("The key %s is locked with a passphrase."), amend_credential_request_get_key_file (request));
  else if (amend_credential_request_get_attempt (request) > 1)
    body = g_strdup_printf (_("%s did not accept that user name and password. Try again."), url);
  else
    body = g_strdup_printf (_("%s asks who you are. The password is used for this transfer only and is not kept."), url);
  dialog = adw_message_dialog_new (GTK_WINDOW (t->self), passphrase ? _("Passphrase of the Key") : _("User Name and Password"),
                                   body);
  if (!passphrase)
    {
      GtkWidget *user = entry_row (group, ADW_TYPE_ENTRY_ROW, _("User Name"));

      if (amend_credential_request_get_username (request))
        gtk_editable_set_text (GTK_EDITABLE (user), amend_credential_request_get_username (request));
      else if (t->user)
        gtk_editable_set_text (GTK_EDITABLE (user), t->user);
      g_object_set_data (G_OBJECT (dialog), "user", user);
    }
  password = entry_row (group, ADW_TYPE_PASSWORD_ENTRY_ROW, passphrase ? _("Passphrase") : _("Password"));
  g_object_set_data (G_OBJECT (dialog), "password", password);
  g_object_set_data (G_OBJECT (dialog), "transfer", t);
  if (t->asking)
    g_object_remove_weak_pointer (G_OBJECT (t->asking), (gpointer *) &t->asking);
  t->asking = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &t->asking);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "connect", _("C_onnect"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (password_response), g_object_ref (request), unref_request, 0);
  _amend_window_track_dialog (t->self, GTK_WINDOW (dialog));
}

static Transfer *
transfer_new (AmendWindow *self,
              const char  *heading)
{
  Transfer *t = g_new0 (Transfer, 1);

  t->self = g_object_ref (self);
  t->job = amend_sync_job_new (NULL);
  t->heading = g_strdup (heading);
  amend_sync_job_set_progress_func (t->job, progressed, t, NULL);
  amend_sync_job_set_credentials_func (t->job, ask_credentials, t, NULL);
  return t;
}

/* After a transfer: the window reads the project again (branches came or
 * moved; the editor follows as it follows any change made elsewhere). */
static void
transferred (Transfer        *t,
             AmendSyncReport *report,
             GError          *error,
             const char      *failed)
{
  AmendWindow *self = t->self;

  _amend_window_set_busy (self, FALSE);
  if (t->dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (t->dialog), (gpointer *) &t->dialog);
      gtk_window_destroy (GTK_WINDOW (t->dialog));
      t->dialog = NULL;
    }
  if (report)
    show_report (self, t->heading, report);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _amend_window_toast (self, _("Stopped; nothing was changed in the project"));
  else
    _amend_window_show_gerror (self, failed, error);
  if (report && self->project)
    _amend_window_schedule_refresh (self, 0);
  /* A pull that stopped at conflicts: the waiting merge may have been
   * seen by a refresh while the window was busy, which then let it be;
   * the Conflicts page is shown now. */
  if (report && self->project && stopped_at_conflicts (report))
    _amend_window_review_project_changed (self);
}

/* ----------------------------------------------------------------------- */
/* Hand in                                                                  */
/* ----------------------------------------------------------------------- */

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Transfer *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_package_export_finish (result, &error);

  _amend_window_set_busy (t->self, FALSE);
  if (report == NULL)
    _amend_window_show_gerror (t->self, _("Not Handed In"), error);
  else
    _amend_window_toast (t->self, t->heading);
  transfer_free (t);
}

static void
hand_in_chosen (GtkNativeDialog *chooser,
                int              response,
                AmendWindow     *self)
{
  const char *slug = g_object_get_data (G_OBJECT (chooser), "slug");

  if (response == GTK_RESPONSE_ACCEPT && self->project && !self->busy)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;
      g_autofree char *done = g_strdup_printf (_("The amendment is written to %s, ready to send"), name);

      if (path)
        {
          Transfer *t = transfer_new (self, done);

          _amend_window_set_busy (self, TRUE);
          amend_package_export_async (amend_project_get_path (self->project), slug, path, t->job, exported, t);
        }
    }
  g_object_unref (chooser);
}

static void
hand_in (AmendWindow *self,
         const char  *slug)
{
  g_autofree char *name = g_strconcat (slug, ".amend", NULL);
  g_autofree char *parent = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;

  if (self->project == NULL || self->busy)
    return;
  /* Beside the project, not in it: the package is no part of the text. */
  parent = g_path_get_dirname (amend_project_get_path (self->project));
  folder = g_file_new_for_path (parent);
  chooser = gtk_file_chooser_native_new (_("Hand In Amendment"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "slug", g_strdup (slug), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (hand_in_chosen), self);
  _amend_window_track_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_review_hand_in (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  hand_in (AMEND_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* From the main menu: the amendment being written in, else the one
 * being reviewed. */
static void
action_hand_in (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  AmendAmendment *current = self->project ? amend_project_get_amendment (self->project) : NULL;
  const char *slug = current ? amend_amendment_get_slug (current)
                             : amend_review_page_get_slug (amend_amendments_page_get_review (self->amendments_page));

  if (self->project == NULL)
    return;
  if (slug == NULL)
    {
      _amend_window_show_error (self, _("Which Amendment?"),
                                _("Switch to the amendment you want to hand in, or choose it under Amendments, then "
                                  "hand it in."));
      return;
    }
  hand_in (self, slug);
}

/* ----------------------------------------------------------------------- */
/* Open a package                                                           */
/* ----------------------------------------------------------------------- */

static void
imported (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Transfer *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_package_import_finish (result, &error);

  transferred (t, report, error, _("Package Not Taken In"));
  transfer_free (t);
}

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Transfer *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_package_open_finish (result, &error);

  _amend_window_set_busy (t->self, FALSE);
  if (report == NULL)
    _amend_window_show_gerror (t->self, _("No Project Made"), error);
  else
    amend_window_open (t->self, report->path);
  transfer_free (t);
}

/* A package of a whole project carries the draft itself. */
static gboolean
is_whole_project (const char *path)
{
  g_autoptr(AmendBundle) bundle = NULL;
  int fd = -1;
  goffset size = 0;
  gboolean whole = FALSE;

  bundle = amend_bundle_open (path, &fd, &size, NULL);
  if (fd >= 0)
    close (fd);
  for (guint i = 0; bundle && i < bundle->refs->len; i++)
    {
      AmendBundleRef *ref = g_ptr_array_index (bundle->refs, i);

      whole |= g_str_has_prefix (ref->name, "refs/heads/") && !g_str_has_prefix (ref->name, "refs/heads/amendement/");
    }
  return whole;
}

/* parent/name, or name-2, name-3 ... where that is taken: the chooser
 * names the folder it goes in, not the copy's own, so a second copy of
 * one project would otherwise be refused. */
static char *
free_folder (const char *parent,
             const char *name)
{
  char *dir = g_build_filename (parent, name, NULL);

  for (guint n = 2; g_file_test (dir, G_FILE_TEST_EXISTS) && n < 1000; n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%u", name, n);

      g_free (dir);
      dir = g_build_filename (parent, numbered, NULL);
    }
  return dir;
}

static void
folder_chosen (GtkNativeDialog *chooser,
               int              response,
               AmendWindow     *self)
{
  const char *package = g_object_get_data (G_OBJECT (chooser), "package");

  if (response == GTK_RESPONSE_ACCEPT && !self->busy)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *parent = folder ? g_file_get_path (folder) : NULL;
      g_autofree char *base = g_path_get_basename (package);
      g_autofree char *dir = NULL;

      if (parent)
        {
          Transfer *t = transfer_new (self, NULL);

          if (g_str_has_suffix (base, ".amend"))
            base[strlen (base) - strlen (".amend")] = '\0';
          dir = free_folder (parent, base);
          _amend_window_set_busy (self, TRUE);
          amend_package_open_async (package, dir, t->job, opened, t);
        }
    }
  g_object_unref (chooser);
}

/* A whole project's package: a new project, in a folder named after it. */
static void
ask_new_folder (AmendWindow *self,
                const char  *path)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Where Should the New Project Go?"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Make Project Here"),
                                                               _("_Cancel"));

  g_object_set_data_full (G_OBJECT (chooser), "package", g_strdup (path), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), self);
  _amend_window_track_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * amend_window_open_package:
 *
 * Takes the amendments of the package at @path into the open project; a
 * whole project's package becomes a new project.  What the window does
 * with a .amend file opened from the file manager or dropped on it.
 */
void
amend_window_open_package (AmendWindow *self,
                           const char  *path)
{
  Transfer *t;

  if (self->busy)
    return;
  if (is_whole_project (path))
    {
      ask_new_folder (self, path);
      return;
    }
  if (self->project == NULL)
    {
      _amend_window_show_error (self, _("Which Project?"),
                                _("This package holds amendments to a regulation. Open the project of that regulation "
                                  "first, then open the package again."));
      return;
    }
  t = transfer_new (self, _("Package Taken In"));
  _amend_window_set_busy (self, TRUE);
  amend_package_import_async (amend_project_get_path (self->project), path, t->job, imported, t);
}

static void
package_chosen (GtkNativeDialog *chooser,
                int              response,
                AmendWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        amend_window_open_package (self, path);
    }
  g_object_unref (chooser);
}

static void
action_open_package (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Package"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Amendment packages"));
  gtk_file_filter_add_mime_type (filter, "application/x-amend-package");
  gtk_file_filter_add_suffix (filter, "amend");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (package_chosen), self);
  _amend_window_track_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
dropped (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AmendWindow   *self)
{
  GSList *files = G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ? gdk_file_list_get_files (g_value_get_boxed (value)) : NULL;
  gboolean taken = FALSE;

  for (GSList *l = files; l && !taken; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path && g_str_has_suffix (path, ".amend"))
        {
          amend_window_open_package (self, path);
          taken = TRUE;
        }
    }
  g_slist_free (files);
  return taken;
}

/* ----------------------------------------------------------------------- */
/* Copy a shared project (amend clone)                                      */
/* ----------------------------------------------------------------------- */

static void
cloned (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Transfer *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_sync_clone_finish (result, &error);

  if (report == NULL)
    transferred (t, NULL, error, _("No Copy Made"));
  else
    {
      _amend_window_set_busy (t->self, FALSE);
      amend_window_open (t->self, report->path);
    }
  transfer_free (t);
}

/* The copy's folder is named after the address, as git clone names it:
 * "git://host/lindewaarde.git" -> "lindewaarde". */
static char *
clone_folder_name (const char *address)
{
  g_autofree char *trimmed = g_strdup (address);
  g_autofree char *base = NULL;
  gsize len;

  g_strstrip (trimmed);
  while ((len = strlen (trimmed)) > 1 && (trimmed[len - 1] == '/' || trimmed[len - 1] == '\\'))
    trimmed[len - 1] = '\0';
  if (g_str_has_suffix (trimmed, ".git"))
    trimmed[strlen (trimmed) - strlen (".git")] = '\0';
  base = g_path_get_basename (strrchr (trimmed, ':') && !strchr (trimmed, '/') ? strrchr (trimmed, ':') + 1 : trimmed);
  if (*base == '\0' || g_str_equal (base, ".") || g_str_equal (base, "/"))
    return g_strdup (_("shared-project"));
  return g_steal_pointer (&base);
}

static void
clone_folder_chosen (GtkNativeDialog *chooser,
                     int              response,
                     AmendWindow     *self)
{
  const char *address = g_object_get_data (G_OBJECT (chooser), "address");

  if (response == GTK_RESPONSE_ACCEPT && !self->busy)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *parent = folder ? g_file_get_path (folder) : NULL;

      if (parent)
        {
          g_autofree char *name = clone_folder_name (address);
          g_autofree char *dir = free_folder (parent, name);
          g_autofree char *shown = amend_sync_display_url (address);
          g_autofree char *body = g_strdup_printf (_("From %s"), shown);
          Transfer *t = transfer_new (self, NULL);

          show_progress (t, _("Copying"), body);
          _amend_window_set_busy (self, TRUE);
          amend_sync_clone_async (address, dir, t->job, cloned, t);
        }
    }
  g_object_unref (chooser);
}

static void
clone_address_given (AdwMessageDialog *dialog,
                     const char       *response,
                     AmendWindow      *self)
{
  GtkEditable *address = g_object_get_data (G_OBJECT (dialog), "address");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (address)));
  GtkFileChooserNative *chooser;

  if (g_strcmp0 (response, "copy") != 0 || *text == '\0')
    return;
  chooser = gtk_file_chooser_native_new (_("Where Should the Copy Go?"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Make Copy Here"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (chooser), "address", g_steal_pointer (&text), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (clone_folder_chosen), self);
  _amend_window_track_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A project someone shares on a server becomes a copy here, with a branch
 * for every amendment, and is opened; its remote is kept as "origin", so
 * Pull and Push ask no address afterwards. */
static void
action_clone (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Copy a Shared Project"),
                                              _("The address of the project as it was sent to you: a folder, or an "
                                                "https://, ssh:// or git:// address. Amend makes a copy of the "
                                                "regulation and its amendments in a folder you choose next, and "
                                                "opens it."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *address = entry_row (group, ADW_TYPE_ENTRY_ROW, _("Address"));

  if (self->busy)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "copy", _("C_hoose Folder…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "address", address);
  g_signal_connect (dialog, "response", G_CALLBACK (clone_address_given), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

/* ----------------------------------------------------------------------- */
/* Pull and push                                                            */
/* ----------------------------------------------------------------------- */

static void
pulled (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Transfer *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_sync_pull_finish (result, &error);

  transferred (t, report, error, _("Not Pulled"));
  transfer_free (t);
}

static void
pushed (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Transfer *t = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendSyncReport) report = amend_sync_push_finish (result, &error);

  transferred (t, report, error, _("Not Pushed"));
  transfer_free (t);
}

static void
transfer (AmendWindow *self,
          gboolean     push)
{
  g_autoptr(GPtrArray) remotes = amend_remote_list (amend_project_get_path (self->project), NULL);
  const AmendRemote *remote = remotes && remotes->len ? g_ptr_array_index (remotes, 0) : NULL;
  g_autofree char *address = remote ? amend_sync_display_url (remote->url) : g_strdup ("");
  g_autofree char *body = g_strdup_printf (push ? _("To %s") : _("From %s"), address);
  Transfer *t = transfer_new (self, push ? _("Pushed") : _("Pulled"));

  show_progress (t, push ? _("Pushing") : _("Pulling"), body);
  _amend_window_set_busy (self, TRUE);
  if (push)
    amend_sync_push_async (amend_project_get_path (self->project), NULL, NULL, FALSE, t->job, pushed, t);
  else
    amend_sync_pull_async (amend_project_get_path (self->project), NULL, t->job, pulled, t);
}

static void
remote_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AmendWindow      *self)
{
  GtkEditable *address = g_object_get_data (G_OBJECT (dialog), "address");
  gboolean push = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "push"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->project == NULL)
    return;
  if (!amend_remote_add (amend_project_get_path (self->project), "origin", gtk_editable_get_text (address), &error))
    {
      _amend_window_show_gerror (self, _("No Remote Added"), error);
      return;
    }
  transfer (self, push);
}

/* The first pull or push: where to, asked once and kept as "origin". */
static void
ask_remote (AmendWindow *self,
            gboolean     push)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Where Is the Shared Project?"),
                                              _("The address of the project that others pull from and push to: a "
                                                "folder, or an https://, ssh:// or git:// address. Amend keeps it for "
                                                "the next time. A password is asked when needed, never kept here."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *address = entry_row (group, ADW_TYPE_ENTRY_ROW, _("Address"));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", push ? _("_Push") : _("_Pull"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "address", address);
  g_object_set_data (G_OBJECT (dialog), "push", GINT_TO_POINTER (push));
  g_signal_connect (dialog, "response", G_CALLBACK (remote_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
action_transfer (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  AmendWindow *self = AMEND_WINDOW (widget);
  gboolean push = g_str_equal (name, "win.push");
  g_autoptr(GPtrArray) remotes = NULL;

  if (self->project == NULL || self->busy)
    return;
  remotes = amend_remote_list (amend_project_get_path (self->project), NULL);
  if (remotes == NULL || remotes->len == 0)
    ask_remote (self, push);
  else
    transfer (self, push);
}

/* ----------------------------------------------------------------------- */

void
_amend_window_sync_init (AmendWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_amend_window_sync_actions_init (AmendWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.hand-in", NULL, action_hand_in);
  gtk_widget_class_install_action (widget_class, "win.review-hand-in", "s", action_review_hand_in);
  gtk_widget_class_install_action (widget_class, "win.open-package", NULL, action_open_package);
  gtk_widget_class_install_action (widget_class, "win.clone", NULL, action_clone);
  gtk_widget_class_install_action (widget_class, "win.pull", NULL, action_transfer);
  gtk_widget_class_install_action (widget_class, "win.push", NULL, action_transfer);
}
