/* amend-editor.c: the text of the regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkSourceView does the editing (Markdown highlighting, undo, search and
 * replace through GtkSourceSearchContext).  The live check of the text,
 * and what it found, is in amend-editor-check.c.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "amend-editor-private.h"
#include "amend-gui-util.h"

enum {
  CHECKED,
  CURSOR_LINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmendEditor, amend_editor, GTK_TYPE_WIDGET)

void
_amend_editor_emit_checked (AmendEditor *self)
{
  g_signal_emit (self, signals[CHECKED], 0, self->doc, self->findings);
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
  _amend_editor_schedule_check (self);
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
  _amend_editor_start_check (self, doc);
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
  /* Selected before it takes the focus: GtkText starts blinking its
   * cursor when it takes the focus without a selection, and a selection
   * made after that does not stop it ("GtkText - unexpected blinking
   * selection" when the bar opens again on the words it had). */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
  g_signal_connect (self->findings_list, "row-activated", G_CALLBACK (_amend_editor_finding_activated), self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (update_style_scheme), self, 0);
  update_style_scheme (style, NULL, self);
  gtk_label_set_text (self->findings_label, _("No findings"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->findings_button), FALSE);
}
