/* amend-editor-check.c: the editor's live check, and what it found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short while after the last keystroke the text is copied and parsed
 * and checked in a worker thread (amend_document_new_from_data and
 * amend_document_check are pure), so a regulation of thousands of
 * articles never blocks typing; a result that a newer keystroke has
 * overtaken is dropped.  The findings are marked in the text and listed
 * under it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "amend-check.h"
#include "amend-editor-private.h"
#include "amend-gui-util.h"
#include "amend-xml-meta.h"

/* Long enough not to check after every key, short enough to feel live. */
#define CHECK_DELAY_MS       350
#define CHECK_DELAY_LARGE_MS 900
#define LARGE_TEXT           (512 * 1024)
#define MAX_LISTED_FINDINGS  200
/* A spinner redraws the window at every frame while it turns: only a
 * check that takes long shows one. */
#define SPINNER_DELAY_MS     1000

/* ----------------------------------------------------------------------- */
/* Live check                                                               */
/* ----------------------------------------------------------------------- */

typedef struct {
  guint          generation;
  AmendDocument *doc;
  GPtrArray     *findings;
} CheckResult;

static void
unref_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  g_object_unref (data);
  g_task_return_boolean (task, TRUE);
}

/* The model of a long regulation takes milliseconds to free (a hundred
 * thousand nodes): not on the thread that draws the next keystroke. */
static void
unref_in_thread (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, unref_thread);
}

static void
check_result_free (CheckResult *r)
{
  unref_in_thread (g_steal_pointer (&r->doc));
  g_clear_pointer (&r->findings, g_ptr_array_unref);
  g_free (r);
}

/* What an export needs and the front matter lacks, as warnings of the
 * whole file: the check of `amend check`, which the XML export agrees with
 * (amend-xml-meta). */
static void
add_export_needs (CheckResult *r)
{
  g_autoptr(GPtrArray) needs = amend_xml_meta_check (r->doc);

  for (guint i = 0; i < needs->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (needs, i);
      /* TRANSLATORS: %s says what the front matter lacks */
      g_autofree char *message = g_strdup_printf (_("For an export: %s. Fill it in under Properties."), d->message);

      g_ptr_array_add (r->findings, amend_diagnostic_new (AMEND_SEVERITY_WARNING, 0, NULL, message));
    }
}

/* What a check reads: the text, or the text already read (the
 * project's document when a file is opened, which the check only reads). */
typedef struct {
  GBytes        *text;
  AmendDocument *doc;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_clear_pointer (&job->text, g_bytes_unref);
  g_clear_object (&job->doc);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  CheckJob *job = data;
  CheckResult *r = g_new0 (CheckResult, 1);
  g_autoptr(GPtrArray) structural = NULL;
  GError *error = NULL;
  gsize len = 0;
  const char *chars = job->text ? g_bytes_get_data (job->text, &len) : NULL;

  r->doc = job->doc ? g_object_ref (job->doc) : amend_document_new_from_data (chars ? chars : "", len, &error);
  if (r->doc == NULL)
    {
      check_result_free (r);
      g_task_return_error (task, error);
      return;
    }
  /* What the reader found and what the checks found, in line order, as
   * `amend check` prints them. */
  r->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  for (guint i = 0; i < amend_document_get_diagnostics (r->doc)->len; i++)
    g_ptr_array_add (r->findings, amend_diagnostic_copy (g_ptr_array_index (amend_document_get_diagnostics (r->doc), i)));
  structural = amend_document_check (r->doc);
  g_ptr_array_extend_and_steal (r->findings, g_steal_pointer (&structural));
  add_export_needs (r);
  amend_diagnostics_sort (r->findings);
  g_task_return_pointer (task, r, (GDestroyNotify) check_result_free);
}

static void
mark_line (AmendEditor *self,
           GtkTextTag  *tag,
           guint        line)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  if (line == 0 || !gtk_text_buffer_get_iter_at_line (buffer, &start, line - 1))
    return;
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  while (gtk_text_iter_compare (&start, &end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

/* The words of the reference a finding is about, as its message names
 * them first: the quoted text ("reference to “artikel 3, tweede lid”: ...")
 * or the article number ("reference to article 99:1, which ... (“artikel
 * 99:1 van de Omgevingswet”)", whose quote is an example of what to write,
 * not in the text); NULL when it names none.  A finding has a line, not a
 * column: the words are looked for in that line. */
static char *
reference_words (const char *message,
                 gboolean   *quoted)
{
  const char *open = strstr (message, "\xe2\x80\x9c");
  const char *close = open ? strstr (open + 3, "\xe2\x80\x9d") : NULL;
  g_autoptr(GRegex) number = g_regex_new ("\\b([0-9]+[0-9A-Za-z:.]*[0-9A-Za-z])\\b", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int at = -1;

  if (g_regex_match (number, message, 0, &match))
    g_match_info_fetch_pos (match, 1, &at, NULL);
  *quoted = open && close && (at < 0 || open - message < at);
  if (*quoted)
    return g_strndup (open + 3, close - open - 3);
  return at >= 0 ? g_match_info_fetch (match, 1) : NULL;
}

/* Narrows [@start, @end) to @words in it, ignoring case; FALSE when they
 * are not there.  A bare number counts only as "artikel 99:1": a number
 * alone in the line may be anything (a member's own number). */
static gboolean
find_words (GtkTextIter *start,
            GtkTextIter *end,
            const char  *words,
            gboolean     quoted)
{
  GtkTextIter from, to, word;
  g_autofree char *before = NULL;
  g_autofree char *lower = NULL;

  if (words == NULL || *words == '\0' ||
      !gtk_text_iter_forward_search (start, words, GTK_TEXT_SEARCH_CASE_INSENSITIVE, &from, &to, end))
    return FALSE;
  if (!quoted)
    {
      word = from;
      if (!gtk_text_iter_backward_word_start (&word) || gtk_text_iter_compare (&word, start) < 0)
        return FALSE;
      before = gtk_text_iter_get_text (&word, &from);
      lower = g_utf8_strdown (before, -1);
      if (!g_str_has_prefix (lower, "artikel") && !g_str_has_prefix (lower, "art."))
        return FALSE;
      from = word;
    }
  *start = from;
  *end = to;
  return TRUE;
}

/* The reference a finding is about is underlined, not the whole line or
 * member; findings without one underline the line. */
static void
mark_finding (AmendEditor           *self,
              GtkTextTag            *tag,
              const AmendDiagnostic *d)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  g_autofree char *words = NULL;
  gboolean quoted = FALSE;

  if (d->line == 0 || !gtk_text_buffer_get_iter_at_line (buffer, &start, d->line - 1))
    return;
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  words = reference_words (d->message, &quoted);
  if (find_words (&start, &end, words, quoted))
    gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  else
    mark_line (self, tag, d->line);
}

static GtkWidget *
finding_row (const AmendDiagnostic *d)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (d->severity == AMEND_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                                                       : "dialog-warning-symbolic");
  g_autofree char *where = d->line ? g_strdup_printf (_("Line %u"), d->line) : g_strdup (_("Whole file"));
  GtkWidget *line = gtk_label_new (where);
  GtkWidget *message = gtk_label_new (d->message);

  gtk_widget_add_css_class (icon, d->severity == AMEND_SEVERITY_ERROR ? "error" : "warning");
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "numeric");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "line", GUINT_TO_POINTER (d->line));
  return row;
}

static gboolean
same_findings (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const AmendDiagnostic *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (x->line != y->line || x->severity != y->severity || g_strcmp0 (x->message, y->message) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The findings in the text and in the list.  A check after each pause
 * in typing mostly finds what the one before found: the list is only
 * rebuilt when they differ, and the marks are only taken off the text
 * when there were any (taking a tag off the whole text has GtkTextView
 * look at every line). */
static void
show_findings (AmendEditor *self,
               GPtrArray   *before)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  GtkWidget *child;
  guint errors = 0, warnings = 0;
  g_autofree char *summary = NULL;
  gboolean relist = !same_findings (before, self->findings);

  if (before == NULL || before->len > 0)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->warning_tag, &start, &end);
    }
  while (relist && (child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))))
    gtk_list_box_remove (self->findings_list, child);

  for (guint i = 0; i < self->findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (self->findings, i);

      if (d->severity == AMEND_SEVERITY_ERROR)
        errors++;
      else
        warnings++;
      mark_finding (self, d->severity == AMEND_SEVERITY_ERROR ? self->error_tag : self->warning_tag, d);
      if (relist && i < MAX_LISTED_FINDINGS)
        gtk_list_box_append (self->findings_list, finding_row (d));
    }

  if (errors == 0 && warnings == 0)
    summary = g_strdup (_("No findings"));
  else if (warnings == 0)
    summary = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  else if (errors == 0)
    summary = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
  else
    {
      g_autofree char *e = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

      /* TRANSLATORS: "2 errors, 1 warning" */
      summary = g_strdup_printf (_("%s, %s"), e, w);
    }
  gtk_label_set_text (self->findings_label, summary);
  gtk_image_set_from_icon_name (self->findings_icon,
                                errors ? "dialog-error-symbolic" : warnings ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_set_sensitive (GTK_WIDGET (self->findings_button), errors + warnings > 0);
  if (errors + warnings == 0)
    gtk_toggle_button_set_active (self->findings_button, FALSE);
}

/* The properties in one line above the text: the title and the code,
 * or what an export still needs. */
static void
show_properties (AmendEditor *self)
{
  const char *title = self->doc ? amend_document_get_meta (self->doc, "title") : NULL;
  const char *authority = self->doc ? amend_document_get_meta (self->doc, "authority") : NULL;
  g_auto(AmendXmlMeta) meta = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean complete = self->doc && amend_xml_meta_load (&meta, self->doc, &error);

  if (complete)
    text = g_strdup_printf ("%s \xc2\xb7 %s \xc2\xb7 %s", meta.title, meta.authority, meta.date);
  else
    /* TRANSLATORS: the title (or a dash) and what an export needs */
    text = g_strdup_printf (_("%s \xc2\xb7 incomplete for an export"), title && *title ? title : (authority ? authority : "\xe2\x80\x94"));
  gtk_label_set_text (self->properties_label, text);
  gtk_image_set_from_icon_name (self->properties_icon, complete ? "document-properties-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->properties_label), complete ? NULL : error->message);
}

static gboolean
spinner_timeout (gpointer data)
{
  AmendEditor *self = data;

  self->spinner_source = 0;
  gtk_spinner_start (self->check_spinner);
  return G_SOURCE_REMOVE;
}

static void
stop_spinner (AmendEditor *self)
{
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_spinner_stop (self->check_spinner);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmendEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  CheckResult *r = g_task_propagate_pointer (G_TASK (result), &error);
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "generation"));

  /* The editor was disposed while the worker ran. */
  if (self->buffer == NULL)
    {
      g_clear_pointer (&r, check_result_free);
      return;
    }
  if (r == NULL)
    {
      /* Only text over 64 MB fails to parse: say so, keep editing. */
      if (generation == self->generation)
        {
          self->checking = FALSE;
          stop_spinner (self);
          gtk_label_set_text (self->findings_label, error->message);
        }
      return;
    }
  if (generation != self->generation)
    {
      check_result_free (r);
      return;
    }
  self->checking = FALSE;
  stop_spinner (self);
  unref_in_thread (g_steal_pointer (&self->doc));
  self->doc = g_steal_pointer (&r->doc);
  before = g_steal_pointer (&self->findings);
  self->findings = g_steal_pointer (&r->findings);
  check_result_free (r);
  show_findings (self, before);
  show_properties (self);
  _amend_editor_emit_checked (self);
}

/* @doc: the buffer's text already read, or NULL to copy and read it. */
void
_amend_editor_start_check (AmendEditor   *self,
                           AmendDocument *doc)
{
  GtkTextIter start, end;
  g_autoptr(GTask) task = NULL;
  CheckJob *job = g_new0 (CheckJob, 1);

  if (doc)
    job->doc = g_object_ref (doc);
  else
    {
      char *text;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
      text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
      job->text = g_bytes_new_take (text, strlen (text));
    }
  self->generation++;
  self->checking = TRUE;
  if (self->spinner_source == 0 && !gtk_spinner_get_spinning (self->check_spinner))
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout, self);
  task = g_task_new (NULL, NULL, check_done, g_object_ref (self));
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
check_timeout (gpointer data)
{
  AmendEditor *self = data;

  self->check_source = 0;
  _amend_editor_start_check (self, NULL);
  return G_SOURCE_REMOVE;
}

void
_amend_editor_schedule_check (AmendEditor *self)
{
  int chars = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer));

  g_clear_handle_id (&self->check_source, g_source_remove);
  /* A newer keystroke makes the running check stale. */
  self->generation++;
  self->check_source = g_timeout_add (chars > LARGE_TEXT ? CHECK_DELAY_LARGE_MS : CHECK_DELAY_MS, check_timeout, self);
}

void
amend_editor_check_now (AmendEditor *self)
{
  g_return_if_fail (AMEND_IS_EDITOR (self));
  g_clear_handle_id (&self->check_source, g_source_remove);
  _amend_editor_start_check (self, NULL);
}

gboolean
amend_editor_is_checking (AmendEditor *self)
{
  return self->checking || self->check_source != 0;
}

AmendDocument *
amend_editor_get_document (AmendEditor *self)
{
  return self->doc;
}

GPtrArray *
amend_editor_get_findings (AmendEditor *self)
{
  return self->findings;
}

GtkListBox *
amend_editor_get_findings_list (AmendEditor *self)
{
  return self->findings_list;
}

void
amend_editor_show_findings (AmendEditor *self,
                            gboolean     show)
{
  gtk_toggle_button_set_active (self->findings_button, show);
}

void
_amend_editor_finding_activated (GtkListBox    *list,
                                 GtkListBoxRow *row,
                                 AmendEditor   *self)
{
  guint line = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "line"));

  if (line > 0)
    amend_editor_goto_line (self, line);
}
