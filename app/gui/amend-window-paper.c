/* amend-window-paper.c: the council paper from the window, as HTML or printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.paper (every submitted amendment, from the main menu) and
 * win.review-paper (from the review page, for its amendment) ask which
 * and how, read the paper in a worker thread (amend_paper_load, as amend
 * paper does), then save the same HTML as amend paper writes or print it
 * through GtkPrintOperation; the print dialog saves it as PDF too.
 *
 * The tests cannot click the print dialog of the desktop: with
 * AMEND_TEST_PRINT_TO=FILE.pdf in the environment the operation exports
 * to that file instead of showing it (used by nothing else).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-paper-dialog.h"
#include "amend-paper-print.h"
#include "amend-window-private.h"

typedef struct {
  AmendWindow *self;
  gboolean     print;
  char        *slug;
} PaperJob;

static void
paper_job_free (PaperJob *job)
{
  g_object_unref (job->self);
  g_free (job->slug);
  g_free (job);
}

static void
html_chosen (GtkNativeDialog *chooser,
             int              response,
             AmendWindow     *self)
{
  const char *html = g_object_get_data (G_OBJECT (chooser), "html");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file && !g_file_replace_contents (file, html, strlen (html), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        _amend_window_show_gerror (self, _("The Council Paper Was Not Saved"), error);
      else if (file)
        _amend_window_toast (self, _("The council paper is saved"));
    }
  g_object_unref (chooser);
}

static void
save_html (AmendWindow *self,
           GPtrArray   *items,
           const char  *slug)
{
  g_autofree char *html = amend_paper_to_html (items, amend_project_get_title (self->project), slug == NULL);
  /* TRANSLATORS: the file name offered for the council paper, without .html */
  g_autofree char *name = g_strdup_printf ("%s%s%s.html", _("council-paper"), slug ? "-" : "", slug ? slug : "");
  g_autoptr(GFile) folder = g_file_new_for_path (amend_project_get_path (self->project));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save the Council Paper"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "html", g_steal_pointer (&html), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (html_chosen), self);
  _amend_window_track_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
printed (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         AmendWindow             *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _amend_window_show_gerror (self, _("The Council Paper Was Not Printed"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    _amend_window_toast (self, _("The council paper is printed"));
  g_object_unref (operation);
}

static void
print (AmendWindow *self,
       GPtrArray   *items,
       const char  *slug)
{
  GtkPrintOperation *operation = amend_paper_print_new (items, amend_project_get_title (self->project), slug == NULL);
  const char *test_pdf = g_getenv ("AMEND_TEST_PRINT_TO");
  g_autoptr(GError) error = NULL;

  g_signal_connect (operation, "done", G_CALLBACK (printed), self);
  if (test_pdf && *test_pdf)
    {
      gtk_print_operation_set_export_filename (operation, test_pdf);
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), &error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
}

static void
paper_read (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PaperJob *job = user_data;
  AmendWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = amend_project_paper_finish (AMEND_PROJECT (source), result, &error);

  _amend_window_set_busy (self, FALSE);
  if (items == NULL)
    _amend_window_show_gerror (self, _("No Council Paper"), error);
  else if (job->print)
    print (self, items, job->slug);
  else
    save_html (self, items, job->slug);
  paper_job_free (job);
}

static void
paper_response (AdwMessageDialog *dialog,
                const char       *response,
                AmendWindow      *self)
{
  PaperJob *job;

  if ((g_strcmp0 (response, "html") != 0 && g_strcmp0 (response, "print") != 0) || self->project == NULL || self->busy)
    return;
  job = g_new0 (PaperJob, 1);
  job->self = g_object_ref (self);
  job->print = g_str_equal (response, "print");
  job->slug = g_strdup (amend_paper_dialog_get_slug (AMEND_PAPER_DIALOG (dialog)));
  _amend_window_set_busy (self, TRUE);
  amend_project_paper_async (self->project, job->slug, NULL, paper_read, job);
}

static void
ask_paper (AmendWindow *self,
           const char  *slug)
{
  AmendPaperDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = amend_paper_dialog_new (GTK_WINDOW (self), slug, slug ? _amend_window_amendment_title (self, slug) : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (paper_response), self);
  _amend_window_track_dialog (self, GTK_WINDOW (dialog));
}

static void
action_paper (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ask_paper (AMEND_WINDOW (widget), param ? g_variant_get_string (param, NULL) : NULL);
}

void
_amend_window_paper_actions_init (AmendWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.paper", NULL, action_paper);
  gtk_widget_class_install_action (widget_class, "win.review-paper", "s", action_paper);
}
