/* amend-editor.c: the text of the regulation, with its live check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkSourceView does the editing (Markdown highlighting, undo, search and
 * replace through GtkSourceSearchContext).  A short while after the last
 * keystroke the text is copied and parsed and checked in a worker thread
 * (amend_document_new_from_data and amend_document_check are pure), so a
 * regulation of thousands of articles never blocks typing; a result that
 * a newer keystroke has overtaken is dropped.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amend-gui-util.h"
#include <string.h>

#include "amend-check.h"
#include "amend-editor.h"
#include "amend-xml-meta.h"

/* Long enough not to check after every key, short enough to feel live. */
#define CHECK_DELAY_MS       350
#define CHECK_DELAY_LARGE_MS 900
#define LARGE_TEXT           (512 * 1024)
#define MAX_LISTED_FINDINGS  200
/* A spinner redraws the window at every frame while it turns: only a
 * check that takes long shows one. */
#define SPINNER_DELAY_MS     1000

struct _AmendEditor
{
  GtkWidget                parent_instance;

  GtkRevealer             *search_revealer;
  GtkSearchEntry          *search_entry;
  GtkLabel                *occurrences_label;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;
  GtkSourceView           *view;
  GtkListBox              *findings_list;
  GtkLabel                *position_label;
  GtkSpinner              *check_spinner;
  GtkToggleButton         *findings_button;
  GtkImage                *findings_icon;
  GtkLabel                *findings_label;
  GtkImage                *properties_icon;
  GtkLabel                *properties_label;
  GtkToggleButton         *front_matter_toggle;

  GtkSourceBuffer         *buffer;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search;
  GtkTextTag              *error_tag;
  GtkTextTag              *warning_tag;
  GtkTextTag              *folded_tag;

  guint                    check_source;
  guint                    spinner_source;
  guint                    generation;
  gboolean                 checking;
  AmendDocument           *doc;
  GPtrArray               *findings;
  guint                    cursor_line;
};

enum {
  CHECKED,
  CURSOR_LINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendEditor, amend_editor, GTK_TYPE_WIDGET)

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
 * them: the quoted text ("reference to “artikel 3, tweede lid”: ...") or
 * the article number ("reference to article 99:1, which ..."); NULL when
 * it names none.  A finding has a line, not a column: the words are
 * looked for in that line. */
static char *
reference_words (const char *message,
                 gboolean   *quoted)
{
  const char *open = strstr (message, "\xe2\x80\x9c");
  const char *close = open ? strstr (open + 3, "\xe2\x80\x9d") : NULL;
  g_autoptr(GRegex) number = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  *quoted = open && close;
  if (*quoted)
    return g_strndup (open + 3, close - open - 3);
  number = g_regex_new ("\\b([0-9]+[0-9A-Za-z:.]*[0-9A-Za-z])\\b", 0, 0, NULL);
  if (g_regex_match (number, message, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
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
  g_signal_emit (self, signals[CHECKED], 0, self->doc, self->findings);
}

/* @doc: the buffer's text already read, or NULL to copy and read it. */
static void
start_check (AmendEditor   *self,
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
  start_check (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (AmendEditor *self)
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
  start_check (self, NULL);
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

static void
finding_activated (GtkListBox    *list,
                   GtkListBoxRow *row,
                   AmendEditor   *self)
{
  guint line = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "line"));

  if (line > 0)
    amend_editor_goto_line (self, line);
}

/* ----------------------------------------------------------------------- */
/* Text                                                                     */
/* ----------------------------------------------------------------------- */

/* The end of the front matter (the line after its closing ---, and the
 * blank line after that), or FALSE when the text has none. */
static gboolean
front_matter_end (GtkTextBuffer *buffer,
                  GtkTextIter   *end)
{
  GtkTextIter start, limit, close_start;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_line (&start))
    return FALSE;
  limit = start;
  gtk_text_iter_forward_chars (&limit, 4);
  {
    g_autofree char *first = gtk_text_iter_get_text (&start, &limit);

    if (g_strcmp0 (first, "---\n") != 0)
      return FALSE;
  }
  /* Front matter is short: look in its first 200 lines only. */
  gtk_text_buffer_get_iter_at_line (buffer, &limit, 200);
  if (!gtk_text_iter_forward_search (&start, "\n---\n", 0, &close_start, end, &limit))
    return FALSE;
  if (gtk_text_iter_get_char (end) == '\n')
    gtk_text_iter_forward_char (end);
  return TRUE;
}

/* Where the text is folded now: [@on, @off), the first folded range;
 * @more when there is another after it. */
static gboolean
folded_range (AmendEditor *self,
              GtkTextIter *on,
              GtkTextIter *off,
              gboolean    *more)
{
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), on);
  if (!gtk_text_iter_starts_tag (on, self->folded_tag) && !gtk_text_iter_forward_to_tag_toggle (on, self->folded_tag))
    return FALSE;
  *off = *on;
  gtk_text_iter_forward_to_tag_toggle (off, self->folded_tag);
  {
    GtkTextIter next = *off;

    *more = gtk_text_iter_forward_to_tag_toggle (&next, self->folded_tag);
  }
  return TRUE;
}

/* Folds the front matter away (an invisible tag) unless it is to be
 * shown as text; the form edits it.  Runs at every keystroke, and a tag
 * that changes the size of text makes GtkTextView lay out the whole
 * range again: the tag is only touched where the fold changed, never
 * across the whole regulation. */
static void
refold (AmendEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, on, off;
  gboolean shown = gtk_toggle_button_get_active (self->front_matter_toggle);
  gboolean fold = !shown && front_matter_end (buffer, &end);
  gboolean more = FALSE;
  gboolean folded = folded_range (self, &on, &off, &more);

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (fold && folded && !more && gtk_text_iter_is_start (&on) && gtk_text_iter_equal (&off, &end))
    return;
  if (folded)
    {
      if (more)
        gtk_text_buffer_get_end_iter (buffer, &off);
      gtk_text_buffer_remove_tag (buffer, self->folded_tag, &on, &off);
    }
  if (fold)
    gtk_text_buffer_apply_tag (buffer, self->folded_tag, &start, &end);
}

gboolean
amend_editor_front_matter_folded (AmendEditor *self)
{
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
  return gtk_text_iter_has_tag (&start, self->folded_tag);
}

void
amend_editor_show_front_matter (AmendEditor *self,
                                gboolean     shown)
{
  gtk_toggle_button_set_active (self->front_matter_toggle, shown);
}

static void
buffer_changed (GtkTextBuffer *buffer,
                AmendEditor   *self)
{
  refold (self);
  schedule_check (self);
}

static void
cursor_moved (GtkTextBuffer *buffer,
              GParamSpec    *pspec,
              AmendEditor   *self)
{
  GtkTextIter iter;
  guint line;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  /* Never into folded text: what is typed there would not be seen. */
  if (gtk_text_iter_has_tag (&iter, self->folded_tag))
    {
      GtkTextIter end;

      if (front_matter_end (buffer, &end))
        {
          gtk_text_buffer_place_cursor (buffer, &end);
          return;
        }
    }
  line = gtk_text_iter_get_line (&iter) + 1;
  text = g_strdup_printf (_("Line %u, Column %u"), line, gtk_text_iter_get_line_offset (&iter) + 1);
  gtk_label_set_text (self->position_label, text);
  if (line != self->cursor_line)
    {
      self->cursor_line = line;
      g_signal_emit (self, signals[CURSOR_LINE], 0, line);
    }
}

GtkSourceBuffer *
amend_editor_get_buffer (AmendEditor *self)
{
  return self->buffer;
}

GtkSourceView *
amend_editor_get_view (AmendEditor *self)
{
  return self->view;
}

/* A text from disk: not undoable, the cursor at the top.  @doc is the
 * text read already (the project's), so the first check does not read
 * it again; NULL to read it. */
void
amend_editor_load_document (AmendEditor   *self,
                            const char    *text,
                            AmendDocument *doc,
                            gboolean       modified)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start;

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_set_modified (buffer, modified);
  g_clear_handle_id (&self->check_source, g_source_remove);
  start_check (self, doc);
}

void
amend_editor_load_text (AmendEditor *self,
                        const char  *text,
                        gboolean     modified)
{
  amend_editor_load_document (self, text, NULL, modified);
}

/* A text that replaces the user's (a restored draft, a file changed by
 * another program): one step that Ctrl+Z takes back. */
void
amend_editor_replace_text (AmendEditor *self,
                           const char  *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

char *
amend_editor_dup_text (AmendEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

void
amend_editor_goto_line (AmendEditor *self,
                        guint        line)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  if (line == 0)
    line = 1;
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line - 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.1);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

guint
amend_editor_get_cursor_line (AmendEditor *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  return gtk_text_iter_get_line (&iter) + 1;
}

/* ----------------------------------------------------------------------- */
/* Search and replace                                                       */
/* ----------------------------------------------------------------------- */

static void
update_occurrences (AmendEditor *self)
{
  GtkTextIter start, end;
  int count = gtk_source_search_context_get_occurrences_count (self->search);
  int pos;
  g_autofree char *text = NULL;
  const char *needle = gtk_source_search_settings_get_search_text (self->search_settings);

  if (needle == NULL || *needle == '\0' || count < 0)
    {
      gtk_label_set_text (self->occurrences_label, "");
      return;
    }
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  pos = gtk_source_search_context_get_occurrence_position (self->search, &start, &end);
  if (count == 0)
    text = g_strdup (_("No match"));
  else if (pos > 0)
    /* TRANSLATORS: the third match of twelve */
    text = g_strdup_printf (_("%d of %d"), pos, count);
  else
    text = g_strdup_printf (ngettext ("%d match", "%d matches", count), count);
  gtk_label_set_text (self->occurrences_label, text);
}

static void
select_match (AmendEditor *self,
              gboolean     forward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter sel_start, sel_end, match_start, match_end;
  gboolean wrapped, found;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  if (forward)
    found = gtk_source_search_context_forward (self->search, &sel_end, &match_start, &match_end, &wrapped);
  else
    found = gtk_source_search_context_backward (self->search, &sel_start, &match_start, &match_end, &wrapped);
  if (!found)
    {
      update_occurrences (self);
      return;
    }
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
  update_occurrences (self);
}

static void
search_changed (GtkSearchEntry *entry,
                AmendEditor    *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter start, end;

  gtk_source_search_settings_set_search_text (self->search_settings, *text ? text : NULL);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  if (*text)
    select_match (self, TRUE);
  else
    update_occurrences (self);
}

static void
search_next (AmendEditor *self)
{
  select_match (self, TRUE);
}

static void
search_previous (AmendEditor *self)
{
  select_match (self, FALSE);
}

static void
search_stop (AmendEditor *self)
{
  gtk_revealer_set_reveal_child (self->search_revealer, FALSE);
  gtk_source_search_context_set_highlight (self->search, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
replace_one (AmendEditor *self)
{
  GtkTextIter start, end;
  g_autoptr(GError) error = NULL;
  const char *with = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  if (gtk_source_search_context_get_occurrence_position (self->search, &start, &end) > 0)
    gtk_source_search_context_replace (self->search, &start, &end, with, -1, &error);
  select_match (self, TRUE);
}

static void
replace_all (AmendEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *with = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  /* One undo step for all of them. */
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_source_search_context_replace_all (self->search, with, -1, &error);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (self->buffer));
  update_occurrences (self);
}

static void
occurrences_changed (GtkSourceSearchContext *search,
                     GParamSpec             *pspec,
                     AmendEditor            *self)
{
  update_occurrences (self);
}

void
amend_editor_find (AmendEditor *self,
                   gboolean     replace)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  g_return_if_fail (AMEND_IS_EDITOR (self));

  /* The selected words are what one wants to find, as in Text Editor. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_source_search_context_set_highlight (self->search, TRUE);
  gtk_toggle_button_set_active (self->replace_toggle, replace);
  gtk_revealer_set_reveal_child (self->search_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* What typing in the search and replace fields does; the tests call it. */
void
amend_editor_search (AmendEditor *self,
                     const char  *text,
                     const char  *replacement)
{
  amend_editor_find (self, replacement != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_source_search_settings_set_search_text (self->search_settings, text);
  if (replacement)
    gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), replacement);
}

void
amend_editor_replace_all_matches (AmendEditor *self)
{
  replace_all (self);
}

int
amend_editor_count_matches (AmendEditor *self)
{
  return gtk_source_search_context_get_occurrences_count (self->search);
}

/* ----------------------------------------------------------------------- */

static void
update_style_scheme (AdwStyleManager *manager,
                     GParamSpec      *pspec,
                     AmendEditor     *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);

  if (scheme)
    gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

static void
amend_editor_dispose (GObject *object)
{
  AmendEditor *self = (AmendEditor *) object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMEND_TYPE_EDITOR);
  /* The template's top box is not a bound child: it goes here. */
  amend_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->search);
  g_clear_object (&self->search_settings);
  g_clear_object (&self->buffer);
  g_clear_object (&self->doc);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (amend_editor_parent_class)->dispose (object);
}

/* GtkTextView paints the background of its text node as tall as the
 * whole laid-out text.  While it lays out a long regulation in the
 * background that height grows step by step, and each step made a frame
 * of the whole text area that changed no pixel (GTK redraws what differs
 * between two frames' render nodes).  The view itself has the same colour
 * from the style scheme, painted at its own size.  For the display, above
 * the scheme's rules, so that every window (and test) has it. */
static void
add_text_css (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;
  gtk_css_provider_load_from_data (css, "textview.amend-text > text { background: none; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
amend_editor_class_init (AmendEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amend_editor_dispose;

  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, AMEND_TYPE_DOCUMENT, G_TYPE_PTR_ARRAY);
  signals[CURSOR_LINE] = g_signal_new ("cursor-line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, occurrences_label);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, view);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, findings_list);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, position_label);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, findings_button);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, findings_icon);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, findings_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, refold);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, properties_icon);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, properties_label);
  gtk_widget_class_bind_template_child (widget_class, AmendEditor, front_matter_toggle);
  gtk_widget_class_bind_template_callback (widget_class, search_next);
  gtk_widget_class_bind_template_callback (widget_class, search_previous);
  gtk_widget_class_bind_template_callback (widget_class, search_stop);
  gtk_widget_class_bind_template_callback (widget_class, replace_one);
  gtk_widget_class_bind_template_callback (widget_class, replace_all);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  add_text_css ();
}

static void
amend_editor_init (AmendEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_language (self->buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (self->buffer, TRUE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->buffer));
  self->error_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "amend-error",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 },
                                                NULL);
  self->warning_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "amend-warning",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  "underline-rgba", &(GdkRGBA) { 0.90, 0.57, 0.0, 1.0 },
                                                  NULL);
  self->folded_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "amend-folded", "invisible", TRUE, NULL);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->search = gtk_source_search_context_new (self->buffer, self->search_settings);
  gtk_source_search_context_set_highlight (self->search, FALSE);

  g_signal_connect (self->buffer, "changed", G_CALLBACK (buffer_changed), self);
  g_signal_connect (self->buffer, "notify::cursor-position", G_CALLBACK (cursor_moved), self);
  g_signal_connect (self->search, "notify::occurrences-count", G_CALLBACK (occurrences_changed), self);
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (finding_activated), self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (update_style_scheme), self, 0);
  update_style_scheme (style, NULL, self);
  gtk_label_set_text (self->findings_label, _("No findings"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->findings_button), FALSE);
}
