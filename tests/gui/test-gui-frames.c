/* test-gui-frames.c: the window draws only when something changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What tests/bench/run-gui.sh measures in time is asserted here in
 * counts, which do not depend on the machine: no frame is painted while
 * nothing happens, GtkTextView's background layout of a long text makes
 * no frame that differs from the one before, a keystroke touches no tag
 * across the whole text, and opening reads the regulation once.
 */
#include "config.h"

#include <string.h>

#include "amend-gui-test.h"

static GtkTextBuffer *
buffer_of (AmendGuiFixture *f)
{
  return GTK_TEXT_BUFFER (amend_editor_get_buffer (amend_window_get_editor (f->window)));
}

static void
count_paint (GdkFrameClock *clock,
             guint         *painted)
{
  (*painted)++;
}

typedef struct {
  GdkFrameClock *clock;
  guint          painted;
  gulong         handler;
} Paints;

static void
paints_start (Paints    *p,
              GtkWidget *widget)
{
  p->clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (p->clock);
  p->painted = 0;
  p->handler = g_signal_connect (p->clock, "after-paint", G_CALLBACK (count_paint), &p->painted);
}

static guint
paints_stop (Paints *p)
{
  g_signal_handler_disconnect (p->clock, p->handler);
  return p->painted;
}

/* Until a whole second passes without a frame (GtkTextView lays out a
 * long text in the background, a frame now and then), at most 60 s. */
static void
wait_for_quiet (AmendGuiFixture *f)
{
  Paints p;
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  amend_gui_wait_idle (f);
  paints_start (&p, GTK_WIDGET (f->window));
  do
    {
      p.painted = 0;
      amend_gui_spin (1000);
    }
  while (p.painted > 0 && g_get_monotonic_time () < end);
  paints_stop (&p);
}

/* The example with a long explanation at its end, thousands of lines
 * that GtkTextView needs many steps to lay out and the check finds
 * nothing in; one undoable step. */
static void
make_long (AmendGuiFixture *f)
{
  g_autofree char *text = amend_gui_text (f);
  g_autoptr(GString) longer = g_string_new (text);

  for (guint i = 1; i <= 1500; i++)
    g_string_append_printf (longer, "\nDeze bepaling geldt ook voor het geval %u, waarin het college anders besluit.\n", i);
  amend_editor_replace_text (amend_window_get_editor (f->window), longer->str);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer_of (f)), >, 3000);
}

static void
test_idle_paints_nothing (AmendGuiFixture *f,
                          gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);
  Paints p;

  /* Typed, checked, the check shown: then nothing more to draw. */
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Zie ook artikel 99:1.");
  wait_for_quiet (f);
  g_assert_cmpuint (amend_editor_get_findings (editor)->len, >, 0);

  paints_start (&p, GTK_WIDGET (f->window));
  amend_gui_spin (3000);
  g_assert_cmpuint (paints_stop (&p), ==, 0);
}

/* The render nodes under @node; @tallest gets the height of the tallest
 * colour rectangle among them. */
static void
tallest_color (GskRenderNode *node,
               float         *tallest)
{
  graphene_rect_t bounds;

  if (node == NULL)
    return;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      *tallest = MAX (*tallest, bounds.size.height);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        tallest_color (gsk_container_node_get_child (node, i), tallest);
      break;
    case GSK_TRANSFORM_NODE:
      tallest_color (gsk_transform_node_get_child (node), tallest);
      break;
    case GSK_CLIP_NODE:
      tallest_color (gsk_clip_node_get_child (node), tallest);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      tallest_color (gsk_rounded_clip_node_get_child (node), tallest);
      break;
    case GSK_OPACITY_NODE:
      tallest_color (gsk_opacity_node_get_child (node), tallest);
      break;
    case GSK_DEBUG_NODE:
      tallest_color (gsk_debug_node_get_child (node), tallest);
      break;
    default:
      break;
    }
}

typedef struct {
  GtkWidget     *widget;
  GskRenderNode *node;
} Drawn;

/* Right after a frame, when the widget has its size: what it draws. */
static void
snapshot_after_paint (GdkFrameClock *clock,
                      Drawn         *drawn)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (drawn->widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  if (drawn->node != NULL)
    return;
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (drawn->widget), gtk_widget_get_height (drawn->widget));
  drawn->node = gtk_snapshot_free_to_node (snapshot);
}

static gboolean
has_node (gpointer data)
{
  Drawn *drawn = data;

  if (drawn->node == NULL)
    gtk_widget_queue_draw (drawn->widget);
  return drawn->node != NULL;
}

/* GtkTextView paints its text node's background as tall as the whole
 * laid-out text; while it lays out a long text that height grows, and
 * each step became a frame of the whole text area (GTK redraws what
 * differs between two frames).  The view paints nothing taller than
 * itself. */
static void
test_text_background (AmendGuiFixture *f,
                      gconstpointer    data)
{
  GtkWidget *view = GTK_WIDGET (amend_editor_get_view (amend_window_get_editor (f->window)));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view);
  Drawn drawn = { view, NULL };
  float tallest = 0;
  gulong handler;

  make_long (f);
  amend_gui_wait_idle (f);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (snapshot_after_paint), &drawn);
  g_assert_true (amend_gui_wait (has_node, &drawn, 20));
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpint (gtk_widget_get_height (view), >, 100);
  tallest_color (drawn.node, &tallest);
  gsk_render_node_unref (drawn.node);
  g_assert_cmpfloat (tallest, >, 0);
  g_assert_cmpfloat (tallest, <=, gtk_widget_get_height (view));
}

typedef struct {
  guint folded;   /* the front-matter fold, applied or removed */
  guint marks;    /* the findings' marks removed from the whole text */
} TagCalls;

static void
tag_called (GtkTextBuffer     *buffer,
            GtkTextTag        *tag,
            const GtkTextIter *start,
            const GtkTextIter *end,
            TagCalls          *calls)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (g_strcmp0 (name, "amend-folded") == 0)
    calls->folded++;
  else if ((g_strcmp0 (name, "amend-error") == 0 || g_strcmp0 (name, "amend-warning") == 0) &&
           gtk_text_iter_is_start (start) && gtk_text_iter_is_end (end))
    calls->marks++;
}

/* A tag that changes the size of text makes GtkTextView lay out all of
 * the range again: typing in the body of a clean regulation touches the
 * front-matter fold nowhere, and takes no marks off the whole text. */
static void
test_typing_keeps_tags (AmendGuiFixture *f,
                        gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);
  GtkTextBuffer *buffer = buffer_of (f);
  TagCalls calls = { 0, };
  gulong applied, removed;

  make_long (f);
  amend_gui_wait_idle (f);
  g_assert_cmpuint (amend_editor_get_findings (editor)->len, ==, 0);
  g_assert_true (amend_editor_front_matter_folded (editor));

  applied = g_signal_connect (buffer, "apply-tag", G_CALLBACK (tag_called), &calls);
  removed = g_signal_connect (buffer, "remove-tag", G_CALLBACK (tag_called), &calls);
  amend_gui_type (f, "ten hoogste acht weken verdagen.", " Schriftelijk.");
  amend_gui_type (f, "Schriftelijk.", " Met redenen.");
  amend_gui_wait_idle (f);
  g_signal_handler_disconnect (buffer, applied);
  g_signal_handler_disconnect (buffer, removed);

  g_assert_cmpuint (amend_editor_get_findings (editor)->len, ==, 0);
  g_assert_cmpuint (calls.folded, ==, 0);
  g_assert_cmpuint (calls.marks, ==, 0);
  /* Still folded where it was. */
  g_assert_true (amend_editor_front_matter_folded (editor));
}

/* Editing the front matter moves the fold with it: folded are exactly
 * the front matter's lines, before and after. */
static void
test_fold_follows_front_matter (AmendGuiFixture *f,
                                gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);
  GtkTextBuffer *buffer = buffer_of (f);
  GtkTextTag *folded = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "amend-folded");
  GtkTextIter iter, body;

  g_assert_true (amend_editor_front_matter_folded (editor));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, folded));
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, folded));

  /* A line more in the front matter (as the properties form writes). */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_buffer_insert (buffer, &iter, "subject: openbare orde\n", -1);
  gtk_text_buffer_get_bounds (buffer, &iter, &body);
  g_assert_true (gtk_text_iter_forward_search (&iter, "De raad van", 0, &body, NULL, NULL));
  g_assert_false (gtk_text_iter_has_tag (&body, folded));
  gtk_text_iter_backward_char (&body);
  g_assert_true (gtk_text_iter_has_tag (&body, folded));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, folded));
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, folded));

  /* Shown as text: nothing folded; folded again: the same lines. */
  amend_editor_show_front_matter (editor, TRUE);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, folded));
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&iter, folded));
  amend_editor_show_front_matter (editor, FALSE);
  g_assert_true (amend_editor_front_matter_folded (editor));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, folded));
  g_assert_true (gtk_text_iter_starts_line (&iter));
  body = iter;
  gtk_text_iter_forward_chars (&body, 11);
  {
    g_autofree char *start = gtk_text_iter_get_slice (&iter, &body);

    g_assert_cmpstr (start, ==, "De raad van");
  }
}

/* The project has read the regulation to open it: the first check reads
 * that, and the editor's model is the project's. */
static void
test_open_reads_once (AmendGuiFixture *f,
                      gconstpointer    data)
{
  AmendEditor *editor = amend_window_get_editor (f->window);

  g_assert_nonnull (amend_editor_get_document (editor));
  g_assert_true (amend_editor_get_document (editor) == amend_project_get_document (amend_window_get_project (f->window)));
}

int
main (int    argc,
      char **argv)
{
  amend_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, AmendGuiFixture, NULL, amend_gui_fixture_setup, func, amend_gui_fixture_teardown)
  ADD ("/frames/idle-paints-nothing", test_idle_paints_nothing);
  ADD ("/frames/text-background", test_text_background);
  ADD ("/frames/typing-keeps-tags", test_typing_keeps_tags);
  ADD ("/frames/fold-follows-front-matter", test_fold_follows_front_matter);
  ADD ("/frames/open-reads-once", test_open_reads_once);
#undef ADD

  return g_test_run ();
}
