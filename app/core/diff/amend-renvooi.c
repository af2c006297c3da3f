/* amend-renvooi.c: a diff as the council reads it, article by article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renvooi shows a changed article whole, with deleted words struck and new
 * words underlined.  The blocks are built once from the change list and
 * the pairing of the diff; the terminal and HTML writers only format them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-renvooi.h"
#include "amend-words.h"

typedef struct {
  AmendDiff  *diff;
  GHashTable *text_changes;  /* new TEXT node -> AmendChange */
  GPtrArray  *lines;         /* the block being built */
} Builder;

static void
piece_clear (gpointer data)
{
  g_free (((AmendPiece *) data)->text);
}

static GArray *
pieces_new (void)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (AmendPiece));

  g_array_set_clear_func (pieces, piece_clear);
  return pieces;
}

static void
pieces_add (GArray       *pieces,
            AmendPieceOp  op,
            const char   *text)
{
  AmendPiece piece = { op, g_strdup (text) };

  g_array_append_val (pieces, piece);
}

/* The pieces of a renvooi of two texts: whole words struck and
 * underlined, never a number cut in two, and a space between a deleted
 * word and the new one that replaces it ("acht" struck, "zes"
 * underlined), so that no renderer shows "achtzes". */
static void
add_words (GArray     *pieces,
           const char *old_text,
           const char *new_text)
{
  g_autoptr(GArray) words = amend_words_renvooi_pieces (old_text ? old_text : "", new_text ? new_text : "");

  for (guint i = 0; i < words->len; i++)
    {
      const AmendPiece *p = &g_array_index (words, AmendPiece, i);
      pieces_add (pieces, p->op, p->text);
    }
}

static void
line_free (gpointer data)
{
  AmendRenvooiLine *line = data;

  g_free (line->label_old);
  g_free (line->label_new);
  if (line->pieces)
    g_array_unref (line->pieces);
  g_free (line);
}

static void
block_free (gpointer data)
{
  AmendRenvooiBlock *block = data;

  g_ptr_array_unref (block->lines);
  g_free (block);
}

static AmendRenvooiLine *
add_line (Builder     *b,
          guint        depth,
          AmendPieceOp op)
{
  AmendRenvooiLine *line = g_new0 (AmendRenvooiLine, 1);

  line->depth = depth;
  line->op = op;
  line->pieces = pieces_new ();
  g_ptr_array_add (b->lines, line);
  return line;
}

/* "Artikel 3", "2.", "a." */
static char *
node_label (const AmendNode *node)
{
  const char *word;

  if (node == NULL)
    return NULL;
  switch (node->kind)
    {
    case AMEND_NODE_MEMBER:
      return g_strdup_printf ("%s.", node->number ? node->number : "");
    case AMEND_NODE_POINT:
      return g_strdup (node->number ? node->number : "\xe2\x80\xa2");
    case AMEND_NODE_PREAMBLE:
      return g_strdup (_("Preamble"));
    case AMEND_NODE_REGULATION:
      return g_strdup (_("Front matter"));
    default:
      word = node->word ? node->word : amend_node_kind_word (node->kind);
      if (node->number)
        return g_strdup_printf ("%s %s", word ? word : "", node->number);
      return g_strdup (word ? word : "");
    }
}

static gboolean
has_heading_line (const AmendNode *node)
{
  return amend_node_is_structural (node) || node->kind == AMEND_NODE_PREAMBLE;
}

static void
add_heading_text (GArray          *pieces,
                  const AmendNode *old_node,
                  const AmendNode *new_node,
                  AmendPieceOp     op)
{
  const char *a = old_node ? old_node->heading : NULL;
  const char *b = new_node ? new_node->heading : NULL;

  if (op != AMEND_PIECE_EQUAL)
    {
      const char *h = op == AMEND_PIECE_DELETED ? a : b;
      if (h)
        pieces_add (pieces, op, h);
      return;
    }
  if (g_strcmp0 (a, b) == 0)
    {
      if (b)
        pieces_add (pieces, AMEND_PIECE_EQUAL, b);
      return;
    }
  add_words (pieces, a, b);
}

static void
node_line (Builder         *b,
           const AmendNode *old_node,
           const AmendNode *new_node,
           guint            depth,
           AmendPieceOp     op)
{
  const AmendNode *any = new_node ? new_node : old_node;
  AmendRenvooiLine *line = add_line (b, depth, op);

  line->heading = has_heading_line (any);
  line->label_old = node_label (old_node);
  line->label_new = node_label (new_node);
  if (line->heading)
    add_heading_text (line->pieces, old_node, new_node, op);
  else
    line->label_only = TRUE;
}

static void
text_line (Builder         *b,
           const AmendNode *old_text,
           const AmendNode *new_text,
           guint            depth,
           AmendPieceOp     op)
{
  AmendRenvooiLine *line = add_line (b, depth, op);
  const AmendChange *change = new_text ? g_hash_table_lookup (b->text_changes, new_text) : NULL;

  line->heading = (new_text ? new_text : old_text)->heading_level > 0;
  if (change && change->pieces && old_text)
    {
      g_autofree char *before = amend_node_get_plain_text (old_text);
      g_autofree char *after = amend_node_get_plain_text (new_text);

      add_words (line->pieces, before, after);
    }
  else
    {
      g_autofree char *plain = amend_node_get_plain_text (new_text ? new_text : old_text);
      pieces_add (line->pieces, op, plain);
    }
}

/* A node that only one version has, with everything below it. */
static void
whole (Builder         *b,
       const AmendNode *node,
       guint            depth,
       AmendPieceOp     op)
{
  const AmendNode *old_node = op == AMEND_PIECE_DELETED ? node : NULL;
  const AmendNode *new_node = op == AMEND_PIECE_DELETED ? NULL : node;

  if (node->kind == AMEND_NODE_TEXT)
    {
      text_line (b, old_node, new_node, depth, op);
      return;
    }
  node_line (b, old_node, new_node, depth, op);
  for (guint i = 0; i < amend_node_n_children (node); i++)
    whole (b, amend_node_child (node, i), depth + 1, op);
}

static void pair_children (Builder *b, const AmendNode *o, const AmendNode *n, guint depth, gboolean articles);

static void
pair_node (Builder         *b,
           const AmendNode *o,
           const AmendNode *n,
           guint            depth)
{
  if (n->kind == AMEND_NODE_TEXT)
    {
      text_line (b, o, n, depth, AMEND_PIECE_EQUAL);
      return;
    }
  node_line (b, o, n, depth, AMEND_PIECE_EQUAL);
  pair_children (b, o, n, depth + 1, TRUE);
}

/* Children in the new order, with the deleted ones where they stood. */
static void
pair_children (Builder         *b,
               const AmendNode *o,
               const AmendNode *n,
               guint            depth,
               gboolean         articles)
{
  guint next_old = 0;

  for (guint i = 0; i < amend_node_n_children (n); i++)
    {
      const AmendNode *nc = amend_node_child (n, i);
      const AmendNode *oc = amend_diff_get_partner (b->diff, nc, FALSE);

      if (!articles && nc->kind == AMEND_NODE_ARTICLE)
        continue;
      if (oc && oc->parent == o)
        {
          for (; next_old < oc->pos; next_old++)
            {
              const AmendNode *gone = amend_node_child (o, next_old);
              if (amend_diff_get_partner (b->diff, gone, TRUE) == NULL &&
                  (articles || gone->kind != AMEND_NODE_ARTICLE))
                whole (b, gone, depth, AMEND_PIECE_DELETED);
            }
          next_old = MAX (next_old, oc->pos + 1);
        }
      if (oc)
        pair_node (b, oc, nc, depth);
      else
        whole (b, nc, depth, AMEND_PIECE_INSERTED);
    }
  for (; next_old < amend_node_n_children (o); next_old++)
    {
      const AmendNode *gone = amend_node_child (o, next_old);
      if (amend_diff_get_partner (b->diff, gone, TRUE) == NULL &&
          (articles || gone->kind != AMEND_NODE_ARTICLE))
        whole (b, gone, depth, AMEND_PIECE_DELETED);
    }
}

/* The article a change falls in, or the division or container it is about. */
static const AmendNode *
block_key (const AmendNode *node)
{
  const AmendNode *article = node->kind == AMEND_NODE_ARTICLE ? node
                           : amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);

  if (article)
    return article;
  for (const AmendNode *n = node; n != NULL; n = n->parent)
    if (n->kind != AMEND_NODE_TEXT && n->kind != AMEND_NODE_POINT && n->kind != AMEND_NODE_MEMBER)
      return n;
  return node;
}

/* One line of the renvooi per line of the front matter, each "key: value"
 * under the heading: the word diff of the whole front matter has its line
 * ends inside its pieces, and shown as one line only its first key stood
 * under the heading and the others at the margin. */
static void
metadata_lines (Builder *b,
                GArray  *pieces)
{
  AmendRenvooiLine *line = add_line (b, 1, AMEND_PIECE_EQUAL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      g_auto(GStrv) parts = g_strsplit (p->text, "\n", -1);

      for (guint k = 0; parts[k]; k++)
        {
          if (k > 0)
            line = add_line (b, 1, AMEND_PIECE_EQUAL);
          if (parts[k][0] != '\0')
            pieces_add (line->pieces, p->op, parts[k]);
        }
    }
}

static void
metadata_block (GPtrArray         *blocks,
                const AmendChange *change)
{
  AmendRenvooiBlock *block = g_new0 (AmendRenvooiBlock, 1);
  Builder b = { 0 };
  AmendRenvooiLine *line;

  block->lines = g_ptr_array_new_with_free_func (line_free);
  b.lines = block->lines;
  line = add_line (&b, 0, AMEND_PIECE_EQUAL);
  line->heading = TRUE;
  line->label_old = g_strdup (_("Front matter"));
  line->label_new = g_strdup (line->label_old);
  {
    g_autofree char *before = amend_pieces_to_string (change->pieces, TRUE);
    g_autofree char *after = amend_pieces_to_string (change->pieces, FALSE);
    g_autoptr(GArray) pieces = pieces_new ();

    add_words (pieces, before, after);
    metadata_lines (&b, pieces);
  }
  g_ptr_array_add (blocks, block);
}

/**
 * amend_renvooi_build:
 *
 * Returns: (transfer container): the blocks of the renvooi, one per
 * changed article (or division, or preamble), in the order of the text.
 */
GPtrArray *
amend_renvooi_build (AmendDiff *diff)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  GPtrArray *changes = amend_diff_get_changes (diff);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) text_changes = g_hash_table_new (NULL, NULL);
  Builder b = { diff, text_changes, NULL };

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      if (c->action == AMEND_CHANGE_MODIFIED && c->text_new)
        g_hash_table_insert (text_changes, (gpointer) c->text_new, (gpointer) c);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      const AmendNode *node = c->new_node ? c->new_node : c->old_node;
      const AmendNode *key, *old_key, *new_key;
      AmendRenvooiBlock *block;

      if (c->action == AMEND_CHANGE_METADATA)
        {
          metadata_block (blocks, c);
          continue;
        }
      if (c->format_only || node == NULL)
        continue;
      key = block_key (node);
      if (c->new_node == NULL)
        {
          /* Something deleted from an article that stays: that article's block. */
          new_key = amend_diff_get_partner (diff, key, TRUE);
          old_key = key;
        }
      else
        {
          new_key = key;
          old_key = amend_diff_get_partner (diff, key, FALSE);
        }
      if (g_hash_table_contains (seen, new_key ? new_key : old_key))
        continue;
      g_hash_table_add (seen, (gpointer) (new_key ? new_key : old_key));
      if (old_key)
        g_hash_table_add (seen, (gpointer) old_key);

      block = g_new0 (AmendRenvooiBlock, 1);
      block->old_node = old_key;
      block->new_node = new_key;
      block->lines = g_ptr_array_new_with_free_func (line_free);
      b.lines = block->lines;
      if (old_key && new_key)
        {
          node_line (&b, old_key, new_key, 0, AMEND_PIECE_EQUAL);
          pair_children (&b, old_key, new_key, 1, new_key->kind == AMEND_NODE_ARTICLE);
        }
      else
        whole (&b, new_key ? new_key : old_key, 0, new_key ? AMEND_PIECE_INSERTED : AMEND_PIECE_DELETED);
      g_ptr_array_add (blocks, block);
    }
  return blocks;
}

/* ----------------------------------------------------------------------- */
/* Terminal                                                                 */
/* ----------------------------------------------------------------------- */

#define ESC_DEL    "\033[9;31m"
#define ESC_INS    "\033[4;32m"
#define ESC_BOLD   "\033[1m"
#define ESC_RESET  "\033[0m"

static void
term_piece (GString    *out,
            AmendPieceOp op,
            const char *text,
            gboolean    color)
{
  if (op == AMEND_PIECE_EQUAL)
    g_string_append (out, text);
  else if (color)
    g_string_append_printf (out, "%s%s%s", op == AMEND_PIECE_DELETED ? ESC_DEL : ESC_INS, text, ESC_RESET);
  else
    g_string_append_printf (out, op == AMEND_PIECE_DELETED ? "[-%s-]" : "{+%s+}", text);
}

static void
term_label (GString                *out,
            const AmendRenvooiLine *line,
            gboolean                color)
{
  if (g_strcmp0 (line->label_old, line->label_new) == 0 || line->op != AMEND_PIECE_EQUAL)
    {
      const char *l = line->label_new ? line->label_new : line->label_old;
      if (l)
        term_piece (out, line->op, l, color);
      return;
    }
  if (line->label_old)
    term_piece (out, AMEND_PIECE_DELETED, line->label_old, color);
  if (line->label_old && line->label_new)
    g_string_append_c (out, ' ');
  if (line->label_new)
    term_piece (out, AMEND_PIECE_INSERTED, line->label_new, color);
}

typedef void (*PieceWriter) (GString *out, AmendPieceOp op, const char *text, gboolean color);

static void
write_pieces (GString                *out,
              const AmendRenvooiLine *line,
              gboolean                color,
              PieceWriter             writer)
{
  for (guint i = 0; i < line->pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (line->pieces, AmendPiece, i);
      writer (out, line->op != AMEND_PIECE_EQUAL ? line->op : p->op, p->text, color);
    }
}

static void
term_pieces (GString                *out,
             const AmendRenvooiLine *line,
             gboolean                color)
{
  write_pieces (out, line, color, term_piece);
}

char *
amend_renvooi_to_terminal (AmendDiff *diff,
                           gboolean   color)
{
  g_autoptr(GPtrArray) blocks = amend_renvooi_build (diff);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      AmendRenvooiBlock *block = g_ptr_array_index (blocks, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint k = 0; k < block->lines->len; k++)
        {
          const AmendRenvooiLine *line = g_ptr_array_index (block->lines, k);

          for (guint d = 0; d < line->depth; d++)
            g_string_append (out, "  ");
          if (line->heading && color)
            g_string_append (out, ESC_BOLD);
          term_label (out, line, color);
          if (line->label_only && k + 1 < block->lines->len)
            {
              const AmendRenvooiLine *next = g_ptr_array_index (block->lines, k + 1);
              if (next->depth == line->depth + 1 && !next->label_only && !next->heading)
                {
                  g_string_append_c (out, ' ');
                  term_pieces (out, next, color);
                  k++;
                }
            }
          else if (line->pieces->len > 0)
            {
              if (line->label_old || line->label_new)
                g_string_append_c (out, ' ');
              term_pieces (out, line, color);
            }
          if (line->heading && color)
            g_string_append (out, ESC_RESET);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------------- */
/* HTML                                                                     */
/* ----------------------------------------------------------------------- */

static void
html_text (GString      *out,
           AmendPieceOp  op,
           const char   *text);

static void
html_piece (GString      *out,
            AmendPieceOp  op,
            const char   *text,
            gboolean      color)
{
  html_text (out, op, text);
}

static void
html_text (GString      *out,
           AmendPieceOp  op,
           const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (op == AMEND_PIECE_DELETED)
    g_string_append_printf (out, "<del>%s</del>", escaped);
  else if (op == AMEND_PIECE_INSERTED)
    g_string_append_printf (out, "<ins>%s</ins>", escaped);
  else
    g_string_append (out, escaped);
}

static void
html_label (GString                *out,
            const AmendRenvooiLine *line)
{
  g_string_append (out, "<span class=\"label\">");
  if (g_strcmp0 (line->label_old, line->label_new) == 0 || line->op != AMEND_PIECE_EQUAL)
    html_text (out, line->op, line->label_new ? line->label_new : line->label_old ? line->label_old : "");
  else
    {
      if (line->label_old)
        html_text (out, AMEND_PIECE_DELETED, line->label_old);
      if (line->label_old && line->label_new)
        g_string_append_c (out, ' ');
      if (line->label_new)
        html_text (out, AMEND_PIECE_INSERTED, line->label_new);
    }
  g_string_append (out, "</span> ");
}

static void
html_pieces (GString                *out,
             const AmendRenvooiLine *line)
{
  write_pieces (out, line, TRUE, html_piece);
}

static const char html_style[] =
  "body{font-family:'Cantarell','Noto Sans',sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1e1e1e}"
  "h1{font-size:1.4em}section{margin:1.5em 0;padding-top:.5em;border-top:1px solid #ddd}"
  "h2{font-size:1.1em;margin:.2em 0}h3{font-size:1em;margin:.2em 0}"
  "p{margin:.25em 0}.d1{margin-left:0}.d2{margin-left:1.5em}.d3{margin-left:3em}.d4{margin-left:4.5em}.d5{margin-left:6em}"
  ".label{font-variant-numeric:tabular-nums;margin-right:.3em}"
  "del{text-decoration:line-through;color:#a51d2d;background:#fbe5e7}"
  "ins{text-decoration:underline;color:#26a269;background:#e6f6ea}"
  ".legend{color:#555;font-size:.9em}"
  "@media print{body{max-width:none;margin:0;font-family:serif;font-size:11pt;color:#000}"
  "del{color:#000;background:none}ins{color:#000;background:none}section{break-inside:avoid;border:none}"
  ".legend{display:none}}";

const char *
amend_renvooi_html_style (void)
{
  return html_style;
}

/* The legend and the changed articles, each a <section>: the body of a
 * page of amend diff --format html, and of each amendment on the council
 * paper. */
void
amend_renvooi_append_html (GString   *out,
                           AmendDiff *diff)
{
  g_autoptr(GPtrArray) blocks = amend_renvooi_build (diff);

  g_string_append_printf (out, "<p class=\"legend\">%s <del>%s</del> %s <ins>%s</ins></p>\n",
                          _("Renvooi:"), _("deleted text"), _("and"), _("new text"));
  if (blocks->len == 0)
    g_string_append_printf (out, "<p>%s</p>\n", _("No changes."));

  for (guint i = 0; i < blocks->len; i++)
    {
      AmendRenvooiBlock *block = g_ptr_array_index (blocks, i);

      g_string_append (out, "<section>\n");
      for (guint k = 0; k < block->lines->len; k++)
        {
          const AmendRenvooiLine *line = g_ptr_array_index (block->lines, k);
          const char *tag = line->heading ? (line->depth == 0 ? "h2" : "h3") : "p";

          g_string_append_printf (out, "<%s class=\"d%u\">", tag, MIN (line->depth, 5));
          if (line->label_old || line->label_new)
            html_label (out, line);
          if (line->label_only && k + 1 < block->lines->len)
            {
              const AmendRenvooiLine *next = g_ptr_array_index (block->lines, k + 1);
              if (next->depth == line->depth + 1 && !next->label_only && !next->heading)
                {
                  html_pieces (out, next);
                  k++;
                }
            }
          else
            html_pieces (out, line);
          g_string_append_printf (out, "</%s>\n", tag);
        }
      g_string_append (out, "</section>\n");
    }
}

char *
amend_renvooi_to_html (AmendDiff  *diff,
                       const char *title)
{
  g_autofree char *escaped_title = g_markup_escape_text (title ? title : _("Changes"), -1);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<h1>%s</h1>\n",
                          escaped_title, html_style, escaped_title);
  amend_renvooi_append_html (out, diff);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
