/* amend-paper-print.c: the council paper through GtkPrintOperation, to paper or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same items as the HTML of amend paper (amend-paper.c): the title,
 * then per amendment its record, motivation, renvooi and instructions,
 * each amendment from a new page.  GTK draws no HTML, so the paper is laid
 * out here with Pango: a paragraph is a PangoLayout as wide as the page
 * (less its indent), and the pages are cut between its lines.  Deleted
 * words are struck through and new ones underlined, as on a printed
 * renvooi; no colours, so that a black and white printer loses nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-paper-print.h"
#include "amend-renvooi.h"

typedef enum {
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_RENVOOI_HEADING,
  STYLE_PAGE_BREAK,
} Style;

typedef struct {
  Style  style;
  guint  depth;
  char  *markup;
} Para;

typedef struct {
  PangoLayout *layout;
  int          line;
  double       x;
  double       baseline;
} Placed;

typedef struct {
  GPtrArray *paras;   /* of Para */
  GPtrArray *pages;   /* of GArray of Placed */
} Paper;

static void
para_free (Para *p)
{
  g_free (p->markup);
  g_free (p);
}

static void
placed_clear (Placed *p)
{
  g_clear_object (&p->layout);
}

static void
paper_free (Paper *paper)
{
  g_ptr_array_unref (paper->paras);
  g_clear_pointer (&paper->pages, g_ptr_array_unref);
  g_free (paper);
}

static void
add (Paper      *paper,
     Style       style,
     guint       depth,
     const char *markup)
{
  Para *p = g_new0 (Para, 1);

  p->style = style;
  p->depth = depth;
  p->markup = g_strdup (markup);
  g_ptr_array_add (paper->paras, p);
}

static void
add_text (Paper      *paper,
          Style       style,
          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  add (paper, style, 0, escaped);
}

/* ----------------------------------------------------------------------- */
/* From the items to paragraphs                                             */
/* ----------------------------------------------------------------------- */

static void
append_piece (GString      *out,
              AmendPieceOp  op,
              const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (op == AMEND_PIECE_DELETED)
    g_string_append_printf (out, "<s>%s</s>", escaped);
  else if (op == AMEND_PIECE_INSERTED)
    g_string_append_printf (out, "<u>%s</u>", escaped);
  else
    g_string_append (out, escaped);
}

static void
append_label (GString                *out,
              const AmendRenvooiLine *line)
{
  if (line->label_old && line->label_new && g_strcmp0 (line->label_old, line->label_new) != 0)
    {
      append_piece (out, AMEND_PIECE_DELETED, line->label_old);
      g_string_append_c (out, ' ');
      append_piece (out, AMEND_PIECE_INSERTED, line->label_new);
    }
  else if (line->label_new || line->label_old)
    append_piece (out, line->op, line->label_new ? line->label_new : line->label_old);
  if (line->label_new || line->label_old)
    g_string_append_c (out, ' ');
}

static void
append_pieces (GString                *out,
               const AmendRenvooiLine *line)
{
  for (guint i = 0; line->pieces && i < line->pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (line->pieces, AmendPiece, i);

      append_piece (out, line->op != AMEND_PIECE_EQUAL ? line->op : p->op, p->text);
    }
}

static void
add_renvooi (Paper     *paper,
             AmendDiff *diff)
{
  g_autoptr(GPtrArray) blocks = amend_renvooi_build (diff);

  if (blocks->len == 0)
    add_text (paper, STYLE_BODY, _("No changes."));
  for (guint b = 0; b < blocks->len; b++)
    {
      AmendRenvooiBlock *block = g_ptr_array_index (blocks, b);

      for (guint k = 0; k < block->lines->len; k++)
        {
          const AmendRenvooiLine *line = g_ptr_array_index (block->lines, k);
          g_autoptr(GString) out = g_string_new (NULL);

          append_label (out, line);
          if (line->label_only && k + 1 < block->lines->len)
            {
              const AmendRenvooiLine *next = g_ptr_array_index (block->lines, k + 1);

              if (next->depth == line->depth + 1 && !next->label_only && !next->heading)
                {
                  append_pieces (out, next);
                  k++;
                }
            }
          else
            append_pieces (out, line);
          add (paper, line->heading ? STYLE_RENVOOI_HEADING : STYLE_BODY, line->heading ? 0 : MAX (line->depth, 1), out->str);
        }
    }
}

static void
add_paragraphs (Paper      *paper,
                const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", text ? text : "", 0, 0);

  for (guint i = 0; paragraphs[i]; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i])
        add_text (paper, STYLE_BODY, paragraphs[i]);
    }
}

static void
add_line (Paper      *paper,
          const char *label,
          const char *value)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", label, value);

  add (paper, STYLE_BODY, 0, markup);
}

static void
add_item (Paper          *paper,
          AmendPaperItem *item,
          gboolean        numbered)
{
  AmendAmendment *a = item->proposal->amendment;
  g_autofree char *names = amend_paper_names (amend_amendment_get_submitters (a));
  g_autoptr(AmendVote) vote = amend_amendment_dup_vote (a);
  g_autofree char *result = amend_paper_describe_vote (vote, amend_amendment_get_status (a));
  const char *motivation = amend_amendment_get_motivation (a);

  if (numbered)
    {
      g_autofree char *heading = item->position > 0 ? g_strdup_printf ("%u. %s", item->position, amend_amendment_get_title (a))
                                                    : g_strdup (amend_amendment_get_title (a));

      add_text (paper, STYLE_HEADING, heading);
    }
  add_line (paper, _("Submitted by"), *names ? names : _("(nobody named)"));
  add_line (paper, _("Result"), item->lapsed ? item->lapsed : result);
  if (item->before)
    add_line (paper, _("Amends"), item->before);
  if (item->lapses && item->lapses[0])
    {
      g_autofree char *titles = g_strjoinv ("; ", item->lapses);
      g_autofree char *sentence = g_strdup_printf (_("If it is adopted, these lapse: %s."), titles);
      g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", sentence);

      add (paper, STYLE_BODY, 0, markup);
    }
  add_text (paper, STYLE_SUBHEADING, _("Motivation"));
  if (motivation && *motivation)
    add_paragraphs (paper, motivation);
  else
    add_text (paper, STYLE_BODY, _("(none given)"));
  add_text (paper, STYLE_SUBHEADING, _("Changes (renvooi)"));
  add_renvooi (paper, item->proposal->diff);
  add_text (paper, STYLE_SUBHEADING, _("Amendment instructions"));
  add_paragraphs (paper, item->instructions);
}

static Paper *
paper_new (GPtrArray  *items,
           const char *regulation_title,
           gboolean    in_order)
{
  Paper *paper = g_new0 (Paper, 1);
  gboolean one = !in_order && items->len == 1;
  g_autofree char *title = NULL;

  paper->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  if (one)
    title = g_strdup_printf (_("Amendment \xe2\x80\x9c%s\xe2\x80\x9d"),
                             amend_amendment_get_title (((AmendPaperItem *) g_ptr_array_index (items, 0))->proposal->amendment));
  else
    title = g_strdup_printf (_("Amendments to %s, in the order of voting"), regulation_title ? regulation_title : _("the regulation"));
  add_text (paper, STYLE_TITLE, title);
  if (one && regulation_title)
    {
      g_autofree char *sub = g_strdup_printf (_("An amendment to %s"), regulation_title);

      add_text (paper, STYLE_BODY, sub);
    }
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        add (paper, STYLE_PAGE_BREAK, 0, "");
      add_item (paper, g_ptr_array_index (items, i), !one);
    }
  return paper;
}

/* ----------------------------------------------------------------------- */
/* Pages                                                                    */
/* ----------------------------------------------------------------------- */

static const char *
font_of (Style style)
{
  switch (style)
    {
    case STYLE_TITLE:
      return "Serif Bold 16";
    case STYLE_HEADING:
      return "Serif Bold 13";
    case STYLE_SUBHEADING:
    case STYLE_RENVOOI_HEADING:
      return "Serif Bold 11";
    case STYLE_BODY:
    case STYLE_PAGE_BREAK:
    default:
      return "Serif 10.5";
    }
}

/* Points of space above a paragraph of @style. */
static double
space_before (Style style)
{
  switch (style)
    {
    case STYLE_HEADING:
      return 14;
    case STYLE_SUBHEADING:
      return 12;
    case STYLE_RENVOOI_HEADING:
      return 9;
    case STYLE_TITLE:
    case STYLE_BODY:
    case STYLE_PAGE_BREAK:
    default:
      return 3;
    }
}

static PangoLayout *
layout_para (GtkPrintContext *context,
             Para            *p,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (font_of (p->style));

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, p->markup, -1);
  return layout;
}

static GArray *
new_page (Paper *paper)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Placed));

  g_array_set_clear_func (page, (GDestroyNotify) placed_clear);
  g_ptr_array_add (paper->pages, page);
  return page;
}

/* Lays every paragraph out and cuts the pages between lines. */
static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             Paper             *paper)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double y = 0;
  GArray *page;

  g_clear_pointer (&paper->pages, g_ptr_array_unref);
  paper->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (paper);
  for (guint i = 0; i < paper->paras->len; i++)
    {
      Para *p = g_ptr_array_index (paper->paras, i);
      double indent = 18.0 * p->depth;
      g_autoptr(PangoLayout) layout = NULL;
      PangoLayoutIter *iter;
      int line = 0;

      if (p->style == STYLE_PAGE_BREAK)
        {
          page = new_page (paper);
          y = 0;
          continue;
        }
      if (y > 0)
        y += space_before (p->style);
      layout = layout_para (context, p, width - indent);
      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          double h, baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          Placed placed = { 0 };

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          h = (double) logical.height / PANGO_SCALE;
          if (y > 0 && y + h > height)
            {
              page = new_page (paper);
              y = 0;
            }
          placed.layout = g_object_ref (layout);
          placed.line = line++;
          placed.x = indent;
          placed.baseline = y + baseline - (double) logical.y / PANGO_SCALE;
          g_array_append_val (page, placed);
          y += h;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  gtk_print_operation_set_n_pages (operation, paper->pages->len);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           Paper             *paper)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  GArray *page;

  if (paper->pages == NULL || page_nr < 0 || (guint) page_nr >= paper->pages->len)
    return;
  page = g_ptr_array_index (paper->pages, page_nr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->len; i++)
    {
      Placed *p = &g_array_index (page, Placed, i);

      cairo_move_to (cr, p->x, p->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (p->layout, p->line));
    }
}

/**
 * amend_paper_print_new:
 * @items: (element-type AmendPaperItem): from amend_paper_load()
 * @in_order: all submitted amendments, as amend_paper_to_html() says
 *
 * Returns: (transfer full): an operation that prints the paper; run it
 *   with the print dialog, or export it to PDF.
 */
GtkPrintOperation *
amend_paper_print_new (GPtrArray  *items,
                       const char *regulation_title,
                       gboolean    in_order)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  Paper *paper = paper_new (items, regulation_title, in_order);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "paper", paper, (GDestroyNotify) paper_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), paper);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), paper);
  return operation;
}
