/* amend-renvooi-view.c: a renvooi as the council reads it, in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleted words struck through in red, new words underlined in green,
 * article by article, laid out as amend_renvooi_to_terminal lays out its
 * lines: a label alone ("2.", "a.") is followed on its line by the text of
 * its first child.  Each line is a GtkLabel (selectable, so it is copied
 * like text) coloured with Pango attributes.
 *
 * The lines under and through the words are drawn here, not by Pango:
 * Pango draws them as thin as the font says, 0.59 pixel for Cantarell at
 * the default size, and GTK 4.8's GL renderer does not smooth a rectangle
 * that thin, so one that covers no pixel centre is not drawn at all.
 * Which ones vanished depended on where the wrapped lines fell: the
 * underline of inserted words went missing at some widths of the pane.
 * Drawn here they are whole pixels, at least one high, on every line.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-renvooi-view.h"

struct _AmendRenvooiView
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GPtrArray *labels;   /* of GtkLabel, in order */
  GPtrArray *ranges;   /* of GArray of Range, one per label */
  gboolean   side_by_side;
  gboolean   compact;
};

/* A changed stretch of a label's text, in bytes. */
typedef struct {
  int          start;
  int          end;
  AmendPieceOp op;
} Range;

static const GdkRGBA deleted_color = { 0xbf / 255., 0x1c / 255., 0x29 / 255., 1 };
static const GdkRGBA inserted_color = { 0x26 / 255., 0x85 / 255., 0x2f / 255., 1 };

G_DEFINE_FINAL_TYPE (AmendRenvooiView, amend_renvooi_view, GTK_TYPE_WIDGET)

/* One line being built: its text and its changed stretches. */
typedef struct {
  GString *text;
  GArray  *ranges;
} Line;

static void
append (Line         *line,
        const char   *text,
        AmendPieceOp  op)
{
  Range r = { (int) line->text->len, 0, op };

  g_string_append (line->text, text);
  r.end = (int) line->text->len;
  if (op != AMEND_PIECE_EQUAL && r.end > r.start)
    g_array_append_val (line->ranges, r);
}

static void
append_label (Line                   *out,
              const AmendRenvooiLine *line)
{
  if (line->label_old && line->label_new && g_strcmp0 (line->label_old, line->label_new) != 0)
    {
      append (out, line->label_old, AMEND_PIECE_DELETED);
      append (out, " ", AMEND_PIECE_EQUAL);
      append (out, line->label_new, AMEND_PIECE_INSERTED);
    }
  else if (line->label_new || line->label_old)
    append (out, line->label_new ? line->label_new : line->label_old, line->op);
}

static void
append_pieces (Line                   *out,
               const AmendRenvooiLine *line)
{
  for (guint i = 0; line->pieces && i < line->pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (line->pieces, AmendPiece, i);

      append (out, p->text, line->op != AMEND_PIECE_EQUAL ? line->op : p->op);
    }
}

static PangoAttribute *
color_attr (const GdkRGBA *c,
            const Range   *r)
{
  PangoAttribute *attr = pango_attr_foreground_new (c->red * 65535, c->green * 65535, c->blue * 65535);

  attr->start_index = r->start;
  attr->end_index = r->end;
  return attr;
}

static GtkWidget *
make_label (AmendRenvooiView *self,
            Line             *line,
            guint             depth,
            const char       *style)
{
  GtkWidget *label = gtk_label_new (line->text->str);
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < line->ranges->len; i++)
    {
      const Range *r = &g_array_index (line->ranges, Range, i);

      pango_attr_list_insert (attrs, color_attr (r->op == AMEND_PIECE_DELETED ? &deleted_color : &inserted_color, r));
    }
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 24 * (int) depth);
  gtk_widget_set_focusable (label, FALSE);
  if (style)
    gtk_widget_add_css_class (label, style);
  if (g_strcmp0 (style, "heading") == 0 && !self->compact)
    gtk_widget_set_margin_top (label, 12);
  g_ptr_array_add (self->labels, label);
  g_ptr_array_add (self->ranges, g_array_ref (line->ranges));
  return label;
}

static void
add_line (AmendRenvooiView *self,
          Line             *line,
          guint             depth,
          const char       *style)
{
  gtk_box_append (GTK_BOX (self->box), make_label (self, line, depth, style));
}

/* Side by side: the old text with what went struck through on the left,
 * the new with what came underlined on the right, line by line. */
static void
add_line_pair (AmendRenvooiView *self,
               Line             *old_line,
               Line             *new_line,
               guint             depth,
               const char       *style)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (GTK_BOX (row), make_label (self, old_line, depth, style));
  gtk_box_append (GTK_BOX (row), make_label (self, new_line, depth, style));
  gtk_box_append (GTK_BOX (self->box), row);
}

static void
line_init (Line *line)
{
  line->text = g_string_new (NULL);
  line->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
}

static void
line_clear (Line *line)
{
  g_string_free (line->text, TRUE);
  g_array_unref (line->ranges);
}

static void
clear (AmendRenvooiView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)))
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->ranges, 0);
}

static gboolean
on_side (const AmendRenvooiLine *line,
         guint                   i,
         AmendPieceOp            op)
{
  const AmendPiece *p = &g_array_index (line->pieces, AmendPiece, i);
  AmendPieceOp piece_op = line->op != AMEND_PIECE_EQUAL ? line->op : p->op;

  return piece_op == AMEND_PIECE_EQUAL || piece_op == op;
}

/* One side of a line: the pieces that side has, marked as @op. */
static void
append_side (Line                   *out,
             const AmendRenvooiLine *line,
             AmendPieceOp            op)
{
  const char *label = op == AMEND_PIECE_DELETED ? line->label_old : line->label_new;

  if (line->op != AMEND_PIECE_EQUAL && line->op != op)
    return;
  if (label)
    append (out, label, g_strcmp0 (line->label_old, line->label_new) != 0 || line->op != AMEND_PIECE_EQUAL
                        ? op : AMEND_PIECE_EQUAL);
  for (guint i = 0; line->pieces && i < line->pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (line->pieces, AmendPiece, i);
      AmendPieceOp piece_op = line->op != AMEND_PIECE_EQUAL ? line->op : p->op;

      if (!on_side (line, i, op))
        continue;
      /* The space the renvooi puts between the old word and the new
       * stands between nothing on one side. */
      if (piece_op == AMEND_PIECE_EQUAL && p->text[strspn (p->text, " ")] == '\0' &&
          ((i > 0 && !on_side (line, i - 1, op)) || (i + 1 < line->pieces->len && !on_side (line, i + 1, op))))
        continue;
      if (out->text->len > 0 && i == 0)
        append (out, " ", AMEND_PIECE_EQUAL);
      append (out, p->text, piece_op);
    }
}

static void
add_block_sides (AmendRenvooiView        *self,
                 const AmendRenvooiBlock *block)
{
  for (guint k = 0; k < block->lines->len; k++)
    {
      const AmendRenvooiLine *line = g_ptr_array_index (block->lines, k);
      const AmendRenvooiLine *next = NULL;
      Line old_line, new_line;

      if (line->label_only && k + 1 < block->lines->len)
        {
          next = g_ptr_array_index (block->lines, k + 1);
          if (next->depth != line->depth + 1 || next->label_only || next->heading)
            next = NULL;
        }
      line_init (&old_line);
      line_init (&new_line);
      append_side (&old_line, line, AMEND_PIECE_DELETED);
      append_side (&new_line, line, AMEND_PIECE_INSERTED);
      if (next)
        {
          append_side (&old_line, next, AMEND_PIECE_DELETED);
          append_side (&new_line, next, AMEND_PIECE_INSERTED);
          k++;
        }
      add_line_pair (self, &old_line, &new_line, line->depth, line->heading ? "heading" : NULL);
      line_clear (&old_line);
      line_clear (&new_line);
    }
}

static void
add_block (AmendRenvooiView        *self,
           const AmendRenvooiBlock *block)
{
  if (self->side_by_side)
    {
      add_block_sides (self, block);
      return;
    }
  for (guint k = 0; k < block->lines->len; k++)
    {
      const AmendRenvooiLine *line = g_ptr_array_index (block->lines, k);
      Line out;

      line_init (&out);
      append_label (&out, line);
      if (line->label_only && k + 1 < block->lines->len)
        {
          const AmendRenvooiLine *next = g_ptr_array_index (block->lines, k + 1);

          if (next->depth == line->depth + 1 && !next->label_only && !next->heading)
            {
              append (&out, " ", AMEND_PIECE_EQUAL);
              append_pieces (&out, next);
              k++;
            }
        }
      else if (line->pieces && line->pieces->len > 0)
        {
          if (line->label_old || line->label_new)
            append (&out, " ", AMEND_PIECE_EQUAL);
          append_pieces (&out, line);
        }
      add_line (self, &out, line->depth, line->heading ? "heading" : NULL);
      line_clear (&out);
    }
}

/* @blocks: from amend_renvooi_build; NULL or empty: no differences. */
void
amend_renvooi_view_set_blocks (AmendRenvooiView *self,
                               GPtrArray        *blocks)
{
  g_return_if_fail (AMEND_IS_RENVOOI_VIEW (self));

  clear (self);
  if (blocks == NULL || blocks->len == 0)
    {
      amend_renvooi_view_set_message (self, _("No differences: the two read the same."));
      return;
    }
  for (guint b = 0; b < blocks->len; b++)
    add_block (self, g_ptr_array_index (blocks, b));
}

/* A sentence in place of the renvooi: an error, or nothing to show. */
void
amend_renvooi_view_set_message (AmendRenvooiView *self,
                                const char       *message)
{
  Line line;

  g_return_if_fail (AMEND_IS_RENVOOI_VIEW (self));

  clear (self);
  if (message == NULL)
    return;
  line_init (&line);
  append (&line, message, AMEND_PIECE_EQUAL);
  add_line (self, &line, 0, "dim-label");
  line_clear (&line);
}

/* The text with its changes marked as wdiff marks them, [-struck-] and
 * {+underlined+}, one line each: what the tests read. */
char *
amend_renvooi_view_dup_marked (AmendRenvooiView *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (self->labels, i));
      GArray *ranges = g_ptr_array_index (self->ranges, i);
      int at = 0;

      for (guint k = 0; k < ranges->len; k++)
        {
          const Range *r = &g_array_index (ranges, Range, k);
          gboolean del = r->op == AMEND_PIECE_DELETED;

          g_string_append_len (out, text + at, r->start - at);
          g_string_append (out, del ? "[-" : "{+");
          g_string_append_len (out, text + r->start, r->end - r->start);
          g_string_append (out, del ? "-]" : "+}");
          at = r->end;
        }
      g_string_append_printf (out, "%s\n", text + at);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
amend_renvooi_view_dup_text (AmendRenvooiView *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < self->labels->len; i++)
    g_string_append_printf (out, "%s\n", gtk_label_get_text (g_ptr_array_index (self->labels, i)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
amend_renvooi_view_get_labels (AmendRenvooiView *self)
{
  return self->labels;
}

/* Old and new beside each other instead of in one text; takes effect
 * with the next amend_renvooi_view_set_blocks(). */
void
amend_renvooi_view_set_side_by_side (AmendRenvooiView *self,
                                     gboolean          side_by_side)
{
  self->side_by_side = side_by_side;
}

/* Narrow margins, for a renvooi of one article among other widgets. */
void
amend_renvooi_view_set_compact (AmendRenvooiView *self,
                                gboolean          compact)
{
  self->compact = compact;
  gtk_widget_set_margin_start (self->box, compact ? 0 : 18);
  gtk_widget_set_margin_end (self->box, compact ? 0 : 18);
  gtk_widget_set_margin_top (self->box, compact ? 0 : 12);
  gtk_widget_set_margin_bottom (self->box, compact ? 0 : 24);
}

GtkWidget *
amend_renvooi_view_new (void)
{
  return g_object_new (AMEND_TYPE_RENVOOI_VIEW, NULL);
}

/* Whole pixels, at least one: see the top of this file. */
static void
draw_line (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           double         x0,
           double         x1,
           double         y,
           double         thickness)
{
  double h = MAX (1.0, round (thickness));

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (floor (x0), round (y - h / 2), ceil (x1) - floor (x0), h));
}

static void
draw_range (GtkSnapshot      *snapshot,
            PangoLayoutLine  *line,
            const Range      *r,
            PangoFontMetrics *metrics,
            double            ox,
            double            baseline)
{
  int *xs = NULL;
  int n = 0;
  gboolean del = r->op == AMEND_PIECE_DELETED;
  double offset = del ? -pango_font_metrics_get_strikethrough_position (metrics)
                      : -pango_font_metrics_get_underline_position (metrics);
  double thickness = del ? pango_font_metrics_get_strikethrough_thickness (metrics)
                         : pango_font_metrics_get_underline_thickness (metrics);

  if (r->end <= line->start_index || r->start >= line->start_index + line->length)
    return;
  pango_layout_line_get_x_ranges (line, MAX (r->start, line->start_index),
                                  MIN (r->end, line->start_index + line->length), &xs, &n);
  for (int k = 0; k < n; k++)
    draw_line (snapshot, del ? &deleted_color : &inserted_color,
               ox + (double) xs[2 * k] / PANGO_SCALE, ox + (double) xs[2 * k + 1] / PANGO_SCALE,
               baseline + (offset + thickness / 2) / PANGO_SCALE, thickness / PANGO_SCALE);
  g_free (xs);
}

static void
draw_label (AmendRenvooiView *self,
            GtkSnapshot      *snapshot,
            GtkLabel         *label,
            GArray           *ranges)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoContext *context = pango_layout_get_context (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoFontMetrics *metrics;
  PangoLayoutIter *iter;
  graphene_point_t at;
  int lx = 0, ly = 0;

  if (ranges->len == 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (label), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &at))
    return;
  metrics = pango_context_get_metrics (context, font ? font : pango_context_get_font_description (context), NULL);
  gtk_label_get_layout_offsets (label, &lx, &ly);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double baseline = at.y + ly + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      for (guint k = 0; k < ranges->len; k++)
        draw_range (snapshot, line, &g_array_index (ranges, Range, k), metrics, at.x + lx, baseline);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pango_font_metrics_unref (metrics);
}

static void
amend_renvooi_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AmendRenvooiView *self = AMEND_RENVOOI_VIEW (widget);

  GTK_WIDGET_CLASS (amend_renvooi_view_parent_class)->snapshot (widget, snapshot);
  for (guint i = 0; i < self->labels->len; i++)
    draw_label (self, snapshot, g_ptr_array_index (self->labels, i), g_ptr_array_index (self->ranges, i));
}

static void
amend_renvooi_view_dispose (GObject *object)
{
  AmendRenvooiView *self = AMEND_RENVOOI_VIEW (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->ranges, g_ptr_array_unref);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (amend_renvooi_view_parent_class)->dispose (object);
}

static void
amend_renvooi_view_class_init (AmendRenvooiViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_renvooi_view_dispose;
  widget_class->snapshot = amend_renvooi_view_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "renvooi");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
amend_renvooi_view_init (AmendRenvooiView *self)
{
  self->labels = g_ptr_array_new ();
  self->ranges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_valign (self->box, GTK_ALIGN_START);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
