/* amend-diff-texts.c: the legal diff of two texts, reading only what differs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two versions of a regulation mostly share their articles word for word:
 * an amendment changes a few of two thousand.  Reading both texts whole
 * into the model took three quarters of `amend diff`; this reads only the
 * articles that differ, and gives the same diff, change for change.
 *
 * Both texts are cut into units with a scan of their lines: a unit starts
 * at an ATX heading in the first column that names a part (Artikel,
 * Hoofdstuk, Toelichting ...) and runs up to the next such heading.  An
 * article unit with exactly the same bytes in the other text (its twin) is
 * not read: in the text given to the reader only its heading stays, cut
 * after the number ("## Artikel 12", with a title line of its own if it
 * has one), so that the reader still sees every heading (the nesting of
 * loose files is decided over all of them), and the reader is told where
 * each body was (a body ends a title the reader may still be waiting
 * for).  The article comes back without children and is marked unread
 * with a hash of its text; the diff pairs unread articles by that hash,
 * which matches only the twin.
 *
 * This gives the full diff's result because:
 *  - an article's body is read the same wherever it stands: what the
 *    reader makes of it depends only on the article it is in;
 *  - a body is left out only when nothing in it can reach past the
 *    article: no line that could be a heading, a setext underline or an
 *    HTML block; a text with a code fence, an HTML block that spans blank
 *    lines, a link reference definition or a lone carriage return is read
 *    whole, as is one with bytes the reader replaces and reports (so that
 *    its document says so, as amend check would) or that may be XML;
 *  - an unread article pairs with its twin just as the read one would,
 *    when no other article of either version has its number (the first
 *    pass pairs equal numbers and contents; otherwise it is read);
 *  - what the renderers print of the trees is read: an article that a
 *    change is about (moved, or in an inserted or deleted part) or that a
 *    change of a part shows is read in a second round, its twin too.
 * Every unit that did not come back as an article without children at its
 * own heading is read in the next round; after a few rounds everything is.
 * test-diff-texts compares the result with the full diff on the Gemeentewet's
 * history and on generated texts, in every output format.
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-document-private.h"

#define MAX_ROUNDS 4

typedef struct {
  gsize    start;      /* bytes of the unit in its text */
  gsize    end;
  gsize    body;       /* where the body starts, after the heading and its title lines */
  gsize    head;       /* bytes of the heading line up to the end of its number */
  guint    line;       /* file line of the heading */
  guint    body_line;
  guint    reduced_line; /* of the heading, in the text the reader got */
  guint64  hash;
  gboolean article;    /* an article outside Toelichting and Ondertekening with a body that can be left out */
  int      twin;       /* the unit with the same bytes in the other text, or -1 */
  gboolean read;       /* read it after all */
} Unit;

typedef struct {
  const char *text;
  gsize       len;
  GArray     *units;   /* of Unit, in the order of the text */
  guint       n_lines;
  GArray     *lines;   /* of guint: the file line of each line of the reduced text (index 0 unused) */
} Side;

/* ----------------------------------------------------------------------- */
/* The scan                                                                 */
/* ----------------------------------------------------------------------- */

static guint64
hash_bytes (const char *p,
            gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, p + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
    }
  for (; i < len; i++)
    h = (h ^ (guchar) p[i]) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  return h ^ (h >> 29);
}

/* Only white space (and line ends) from @p to @end. */
static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
      return FALSE;
  return TRUE;
}

static const char *
skip_indent (const char *p,
             const char *end)
{
  for (guint i = 0; i < 3 && p < end && *p == ' '; i++)
    p++;
  return p;
}

/* A line of one repeated character of -=*_ and spaces: a setext underline
 * or a thematic break. */
static gboolean
is_rule (const char *p,
         const char *end)
{
  char c = 0;

  for (; p < end; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r')
        continue;
      if (strchr ("-=*_", *p) == NULL || (c && *p != c))
        return FALSE;
      c = *p;
    }
  return c != 0;
}

static gboolean
starts_with_ci (const char *p,
                const char *end,
                const char *word)
{
  gsize n = strlen (word);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, word, n) == 0;
}

/* HTML blocks of kinds 1 to 5 end only at their end mark, past blank lines
 * and headings: the text is then read whole. */
static gboolean
is_long_html (const char *p,
              const char *end)
{
  static const char *starts[] = { "<!--", "<?", "<!", "<script", "<pre", "<style", "<textarea" };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (starts_with_ci (p, end, starts[i]))
      return TRUE;
  return FALSE;
}

/* "[label]: destination", after list markers and quotes. */
static gboolean
is_link_definition (const char *p,
                    const char *end)
{
  while (p < end && strchr (" \t>-+*0123456789.)", *p) != NULL)
    p++;
  if (p >= end || *p != '[')
    return FALSE;
  for (; p + 1 < end; p++)
    if (p[0] == ']' && p[1] == ':')
      return TRUE;
  return FALSE;
}

typedef enum {
  HEADING_NONE,
  HEADING_FREE,
  HEADING_PART,
} HeadingClass;

/* An ATX heading in the first column (the reader's sanitizing makes
 * "###Artikel" one too): whether it names a part, and which.  A heading
 * with inline marks is classified without them and marked @unsure. */
static HeadingClass
classify_line (const char    *p,
               const char    *end,
               AmendNodeKind *kind,
               gboolean      *unsure,
               gsize         *head)
{
  g_autofree char *text = NULL;
  const char *q = p;
  AmendHeading info;
  guint hashes = 0;
  gboolean part;

  while (q < end && *q == '#')
    q++, hashes++;
  if (hashes == 0 || hashes > 6)
    return HEADING_NONE;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  while (end > q && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;
  text = g_strndup (q, end - q);
  *unsure = strpbrk (text, "*_`<>[]\\&!#") != NULL;
  if (*unsure)
    {
      char *w = text;

      for (const char *r = text; *r; r++)
        if (strchr ("*_`\\", *r) == NULL)
          *w++ = *r;
      *w = '\0';
    }
  part = _amend_heading_classify (text, &info);
  *head = !*unsure && info.number != NULL ? (gsize) (q - p) + (gsize) (info.rest - text) : (gsize) (end - p);
  g_free (info.number);
  *kind = part ? info.kind : AMEND_NODE_TEXT;
  return part ? HEADING_PART : HEADING_FREE;
}

static gboolean
is_zone (AmendNodeKind kind)
{
  return kind == AMEND_NODE_EXPLANATION || kind == AMEND_NODE_CLOSING;
}

static void
start_unit (Side       *side,
            gsize       at,
            gsize       head,
            guint       line,
            gboolean    article)
{
  Unit unit = { .start = at, .end = at, .body = at, .head = head, .line = line, .body_line = line,
                .article = article, .twin = -1 };

  if (side->units->len > 0)
    g_array_index (side->units, Unit, side->units->len - 1).end = at;
  g_array_append_val (side->units, unit);
}

/* The line after the front matter, as the reader finds it; 0 when there
 * is none (or it is never closed). */
static const char *
after_front_matter (const char *text,
                    const char *end,
                    guint      *line)
{
  const char *p = text;
  const char *nl;

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  nl = memchr (p, '\n', end - p);
  if (nl == NULL || !(nl - p == 3 || (nl - p == 4 && p[3] == '\r')) || memcmp (p, "---", 3) != 0)
    return NULL;
  *line = 2;
  for (p = nl + 1; p < end; p = nl + 1, (*line)++)
    {
      gsize n;

      nl = memchr (p, '\n', end - p);
      if (nl == NULL)
        return NULL;
      n = nl - p - (nl > p && nl[-1] == '\r');
      if (n == 3 && (memcmp (p, "---", 3) == 0 || memcmp (p, "...", 3) == 0))
        {
          (*line)++;
          return nl + 1;
        }
    }
  return NULL;
}

/* Whether the reader replaces bytes of @text and says so (NUL, a control
 * character, DEL, bytes that are not UTF-8, U+FFFE, U+FFFF), or may take
 * it for XML (it starts with "<" and holds xmlns): what it says must be
 * said of the whole text, as amend check says it, so it is read whole. */
static gboolean
needs_whole_reading (const char *text,
                     const char *end)
{
  const char *p = text;

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  /* The reader looks for xmlns near the start, where the text it gets
   * may bring it from further on (a NUL before it is found below). */
  if (p < end && *p == '<' && g_strstr_len (p, end - p, "xmlns") != NULL)
    return TRUE;
  for (p = text; p < end; )
    {
      static const guchar plain[256] = { ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' ' ... '~'] = 1 };
      gunichar c;

      while (end - p >= 4 && (plain[(guchar) p[0]] & plain[(guchar) p[1]] & plain[(guchar) p[2]] & plain[(guchar) p[3]]))
        p += 4;
      if (p < end && plain[(guchar) *p])
        {
          p++;
          continue;
        }
      if (p >= end)
        break;
      if ((guchar) *p < 0x80)
        return TRUE;
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0xFFFE || c == 0xFFFF)
        return TRUE;
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

/* Cuts @side into units.  FALSE when the text must be read whole. */
static gboolean
scan (Side *side)
{
  const char *text = side->text;
  const char *end = text + side->len;
  const char *p;
  guint line = 1;
  gboolean in_zone = FALSE;
  gboolean html_open = FALSE;
  gboolean in_head = FALSE;
  Unit *unit;

  if (needs_whole_reading (text, end))
    return FALSE;
  for (const char *cr = memchr (text, '\r', side->len); cr != NULL; cr = memchr (cr + 1, '\r', end - cr - 1))
    if (cr + 1 >= end || cr[1] != '\n')
      return FALSE;

  start_unit (side, 0, 0, 1, FALSE);
  p = after_front_matter (text, end, &line);
  if (p == NULL)
    {
      p = text;
      line = 1;
    }

  for (; p < end; line++)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *eol = nl ? nl : end;
      const char *s = skip_indent (p, eol);
      const char *next = nl ? nl + 1 : end;
      gboolean blank = is_blank (p, eol);

      unit = &g_array_index (side->units, Unit, side->units->len - 1);
      if (blank)
        html_open = FALSE;
      if (eol - s >= 3 && (memcmp (s, "```", 3) == 0 || memcmp (s, "~~~", 3) == 0))
        return FALSE;
      if (is_link_definition (p, eol))
        return FALSE;
      if (s < eol && *s == '<' && is_long_html (s, eol))
        return FALSE;

      if (*p == '#' && !html_open)
        {
          AmendNodeKind kind;
          gboolean unsure = FALSE;
          gsize head = 0;
          HeadingClass cls = classify_line (p, eol, &kind, &unsure, &head);

          if (cls == HEADING_PART)
            {
              if (kind == AMEND_NODE_ANNEX || is_zone (kind))
                in_zone = is_zone (kind);
              start_unit (side, p - text, head, line, kind == AMEND_NODE_ARTICLE && !in_zone && !unsure);
              in_head = TRUE;
              p = next;
              continue;
            }
          if (cls == HEADING_FREE && in_head)
            {
              p = next;
              continue; /* the title of the part, on a line of its own */
            }
        }
      if (blank && in_head)
        {
          p = next;
          continue;
        }
      if (in_head)
        {
          unit->body = p - text;
          unit->body_line = line;
          in_head = FALSE;
        }
      /* What could reach past the article keeps it read. */
      if (s < eol && (*s == '#' || *s == '<' || is_rule (s, eol)))
        unit->article = FALSE;
      if (s < eol && *s == '<')
        html_open = TRUE;
      p = next;
    }
  unit = &g_array_index (side->units, Unit, side->units->len - 1);
  unit->end = side->len;
  if (in_head)
    unit->body = unit->end;
  /* The lines the reader counts: a last line without its newline was
   * counted above, and an empty text has one. */
  side->n_lines = line - 1 + (side->len == 0);

  for (guint i = 0; i < side->units->len; i++)
    {
      unit = &g_array_index (side->units, Unit, i);
      /* Nothing to leave out, or a unit of the head alone. */
      if (unit->body >= unit->end || unit->body == unit->start)
        unit->article = FALSE;
      if (unit->article)
        unit->hash = hash_bytes (text + unit->start, unit->end - unit->start);
    }
  return TRUE;
}

/* Pairs each article unit of @b with an unpaired one of @a with the same
 * bytes, in order. */
static void
find_twins (Side *a,
            Side *b)
{
  g_autoptr(GHashTable) by_hash = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree int *next = g_new (int, MAX (a->units->len, 1));

  for (guint i = a->units->len; i > 0; i--)
    {
      Unit *u = &g_array_index (a->units, Unit, i - 1);

      next[i - 1] = -1;
      if (!u->article)
        continue;
      /* A chain per hash, first unit first. */
      next[i - 1] = GPOINTER_TO_INT (g_hash_table_lookup (by_hash, &u->hash)) - 1;
      g_hash_table_insert (by_hash, &u->hash, GINT_TO_POINTER (i));
    }
  for (guint j = 0; j < b->units->len; j++)
    {
      Unit *v = &g_array_index (b->units, Unit, j);

      if (!v->article)
        continue;
      for (int i = GPOINTER_TO_INT (g_hash_table_lookup (by_hash, &v->hash)) - 1; i >= 0; i = next[i])
        {
          Unit *u = &g_array_index (a->units, Unit, i);

          if (u->twin < 0 && u->end - u->start == v->end - v->start &&
              memcmp (a->text + u->start, b->text + v->start, u->end - u->start) == 0)
            {
              u->twin = j;
              v->twin = i;
              break;
            }
        }
    }
}

static gboolean
skipped (const Unit *u)
{
  return u->twin >= 0 && !u->read;
}

/* ----------------------------------------------------------------------- */
/* Reading                                                                  */
/* ----------------------------------------------------------------------- */

static void
add_lines (Side       *side,
           const char *p,
           gsize       len,
           guint       first)
{
  for (const char *nl = memchr (p, '\n', len); nl != NULL; nl = memchr (nl + 1, '\n', p + len - nl - 1))
    {
      g_array_append_val (side->lines, first);
      first++;
    }
}

/* The head of a unit that is not read: its heading line up to the end of
 * the number ("## Artikel 12"), since an unread article needs no title;
 * the lines after it only when they hold a title of their own, not when
 * they are blank.  A third of reading a large text with a few changes went
 * to the titles and the blank lines of the articles that did not change. */
static void
reduce_head (Side       *side,
             const Unit *u,
             gsize       to,
             GString    *out)
{
  const char *p = side->text + u->start;
  const char *nl = memchr (p, '\n', to - u->start);

  g_string_append_len (out, p, u->head);
  if (nl == NULL)
    return; /* the last line, without a newline */
  if (!is_blank (nl, side->text + to))
    {
      g_string_append_len (out, nl, side->text + to - nl);
      add_lines (side, nl, side->text + to - nl, u->line);
      return;
    }
  g_string_append_c (out, '\n');
  g_array_append_val (side->lines, u->line);
}

/* The text the reader gets: every unit, the skipped ones as their heading
 * lines alone; @resets gets the line where each left-out body was. */
static char *
reduce (Side   *side,
        gsize  *len,
        GArray *resets)
{
  GString *out = g_string_sized_new (side->len / 8 + 4096);
  guint zero = 0;

  g_array_set_size (side->lines, 0);
  g_array_append_val (side->lines, zero);
  g_array_set_size (resets, 0);
  for (guint i = 0; i < side->units->len; i++)
    {
      Unit *u = &g_array_index (side->units, Unit, i);
      gsize to = skipped (u) ? u->body : u->end;

      u->reduced_line = side->lines->len;
      if (skipped (u))
        reduce_head (side, u, to, out);
      else
        {
          g_string_append_len (out, side->text + u->start, to - u->start);
          add_lines (side, side->text + u->start, to - u->start, u->line);
        }
      if (skipped (u))
        {
          guint at = side->lines->len;
          g_array_append_val (resets, at);
        }
    }
  /* The line of a text without a final newline. */
  g_array_append_val (side->lines, side->n_lines);
  *len = out->len;
  return g_string_free (out, FALSE);
}

static guint
file_line (Side  *side,
           guint  reduced)
{
  if (reduced == 0)
    return 0;
  return reduced < side->lines->len ? g_array_index (side->lines, guint, reduced) : side->n_lines;
}

typedef struct {
  Side    *old_side;
  Side    *new_side;
  gboolean more;   /* a unit must be read in the next round */
} Rounds;

static void
read_unit (Rounds *r,
           Side   *side,
           Unit   *u)
{
  Side *other = side == r->old_side ? r->new_side : r->old_side;

  if (u == NULL || u->read)
    return;
  u->read = TRUE;
  if (u->twin >= 0)
    g_array_index (other->units, Unit, u->twin).read = TRUE;
  r->more = TRUE;
}

/* Marks the articles of the skipped units unread and puts the lines of the
 * file on every node.  A skipped unit that did not come back as an article
 * without children at its heading is to be read in the next round (with
 * its twin); returns FALSE when there is one. */
static gboolean
settle (Rounds        *r,
        Side          *side,
        AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  g_autofree int *unit_of_line = g_new0 (int, side->lines->len + 1);
  g_autofree gboolean *found = g_new0 (gboolean, side->units->len);

  for (guint i = 0; i < side->units->len; i++)
    {
      const Unit *u = &g_array_index (side->units, Unit, i);

      if (skipped (u))
        unit_of_line[u->reduced_line] = i + 1;
    }
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      int index = n->kind == AMEND_NODE_ARTICLE && n->line_start < side->lines->len ? unit_of_line[n->line_start] - 1 : -1;

      if (index >= 0 && amend_node_n_children (n) == 0 && !found[index])
        {
          n->unread = g_array_index (side->units, Unit, index).hash | 1;
          found[index] = TRUE;
        }
    }
  for (guint i = 0; i < side->units->len; i++)
    if (skipped (&g_array_index (side->units, Unit, i)) && !found[i])
      read_unit (r, side, &g_array_index (side->units, Unit, i));
  if (r->more)
    return FALSE;

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      n->line_start = file_line (side, n->line_start);
      n->line_end = file_line (side, n->line_end);
    }
  root->line_start = 1;
  _amend_document_set_line_count (doc, side->n_lines);
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* What must be read after all                                              */
/* ----------------------------------------------------------------------- */

/* The unit of an unread article, found by its heading line. */
static Unit *
unit_at_line (Side  *side,
              guint  line)
{
  guint lo = 0, hi = side->units->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Unit *u = &g_array_index (side->units, Unit, mid);

      if (u->line == line)
        return u;
      if (u->line < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static void
read_below (Rounds          *r,
            Side            *side,
            const AmendNode *node)
{
  if (node == NULL)
    return;
  for (const AmendNode *n = node; n != NULL; n = amend_node_next (n, node))
    if (n->unread)
      read_unit (r, side, unit_at_line (side, n->line_start));
}

/* An article numbered as another article of its version may pair with that
 * one in the full diff: it is read. */
static void
read_shared_numbers (Rounds        *r,
                     Side          *side,
                     AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  g_autoptr(GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->kind == AMEND_NODE_ARTICLE)
      {
        const char *key = n->number ? n->number : "";
        g_hash_table_insert (count, (gpointer) key,
                             GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (count, key)) + 1));
      }
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->unread && GPOINTER_TO_INT (g_hash_table_lookup (count, n->number ? n->number : "")) > 1)
      read_unit (r, side, unit_at_line (side, n->line_start));
}

/* The part a renderer shows for a change: its article, or the nearest part
 * that is not a member, point or text (as amend-renvooi.c groups them). */
static const AmendNode *
shown_part (const AmendNode *node)
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

static void
read_what_changes_show (Rounds    *r,
                        AmendDiff *diff)
{
  GPtrArray *changes = amend_diff_get_changes (diff);

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      const AmendNode *any = c->new_node ? c->new_node : c->old_node;

      read_below (r, r->old_side, c->old_node);
      read_below (r, r->new_side, c->new_node);
      read_below (r, r->new_side, c->node);
      if (any == NULL)
        continue;
      /* A change of a part shows the part with its articles. */
      {
        const AmendNode *part = shown_part (any);
        gboolean is_new = c->new_node != NULL;
        const AmendNode *other = amend_diff_get_partner (diff, part, !is_new);

        if (part->kind == AMEND_NODE_ARTICLE)
          continue;
        read_below (r, is_new ? r->new_side : r->old_side, part);
        read_below (r, is_new ? r->old_side : r->new_side, other);
      }
    }
}

/* ----------------------------------------------------------------------- */

static AmendDocument *
read_side (Rounds  *r,
           Side    *side,
           gboolean whole,
           GError **error)
{
  g_autofree char *reduced = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GArray) resets = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize len = 0;

  if (whole)
    return amend_document_new_from_data (side->text, side->len, error);
  reduced = reduce (side, &len, resets);
  doc = _amend_markdown_read_parts (reduced, len, (const guint *) resets->data, resets->len, error);
  if (doc == NULL || !settle (r, side, doc))
    return NULL;
  return g_steal_pointer (&doc);
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->units, g_array_unref);
  g_clear_pointer (&side->lines, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Side, side_clear)

/* How many units the reader got whole, for the debug log (which the tests
 * read to see that a command compared texts). */
static guint
count_read (const Side *side,
            gboolean    whole)
{
  guint n = 0;

  for (guint i = 0; i < side->units->len; i++)
    n += whole || !skipped (&g_array_index (side->units, Unit, i));
  return n;
}

/**
 * amend_diff_new_for_texts:
 *
 * The diff of two texts of a regulation, as amend_diff_new() gives it for
 * their documents, reading only the articles that differ.  The documents
 * of the diff (amend_diff_get_old() and _new()) hold every part and every
 * article a change is about, but articles that did not change may have no
 * body: they are for the renderers of this diff, not for other use.
 *
 * Returns: (transfer full): the diff, or %NULL when a text is too large.
 */
AmendDiff *
amend_diff_new_for_texts (const char  *old_text,
                          gsize        old_len,
                          const char  *new_text,
                          gsize        new_len,
                          GError     **error)
{
  g_auto(Side) a = { old_text, old_len, g_array_new (FALSE, FALSE, sizeof (Unit)), 0, g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_auto(Side) b = { new_text, new_len, g_array_new (FALSE, FALSE, sizeof (Unit)), 0, g_array_new (FALSE, FALSE, sizeof (guint)) };
  gboolean whole = old_len > AMEND_MAX_DOCUMENT_SIZE || new_len > AMEND_MAX_DOCUMENT_SIZE ||
                   !scan (&a) || !scan (&b);

  if (!whole)
    find_twins (&a, &b);
  for (guint round = 0; ; round++)
    {
      g_autoptr(AmendDocument) old_doc = NULL;
      g_autoptr(AmendDocument) new_doc = NULL;
      g_autoptr(AmendDiff) diff = NULL;
      g_autoptr(GError) local = NULL;
      Rounds r = { &a, &b, FALSE };

      whole = whole || round >= MAX_ROUNDS;
      old_doc = read_side (&r, &a, whole, &local);
      if (local == NULL)
        new_doc = read_side (&r, &b, whole, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (r.more)
        continue;
      if (!whole)
        {
          read_shared_numbers (&r, &a, old_doc);
          read_shared_numbers (&r, &b, new_doc);
          if (r.more)
            continue;
        }
      diff = amend_diff_new (old_doc, new_doc);
      if (!whole)
        {
          read_what_changes_show (&r, diff);
          if (r.more)
            continue;
        }
      g_debug ("the diff of texts read %u of %u parts of the new text", count_read (&b, whole), b.units->len);
      return g_steal_pointer (&diff);
    }
}
