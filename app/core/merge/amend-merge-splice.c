/* amend-merge-splice.c: a merge of changes to different parts, without the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most adoptions merge an amendment that changed a few articles into a
 * draft that changed a few others.  The structural merge reads all three
 * versions into the model, diffs both sides against the base, merges node
 * by node, writes the result and reads it back for its check: some forty
 * times the work of `git merge-file`.  When the two sides changed
 * different parts of the text, that work only finds what the texts say
 * already: each part as the side that changed it has it.
 *
 * Each version is cut into parts at its ATX headings, as the reader cuts a
 * large text for cmark (amend-markdown-split.c: after a blank line, outside
 * fences, and only in texts where nothing can reach over a cut); the front
 * matter and preamble are the first part.  The parts of both sides are
 * diffed against the base's (Myers, on whole parts).  The merge is taken
 * this way only when:
 *  - no stretch of the base parts is changed by both sides, nor do the
 *    changes of the two sides touch (an insertion right before or after a
 *    part the other side changed counts as touching): anything closer is
 *    left to the structural merge, which can tell a move, a renumbering,
 *    an identical change, or a conflict per node.  Two changes that meet
 *    touch unless both change a part in place at the seam (an article, or
 *    a heading alone, before it; a part of the regulation after it): what
 *    both insert at one seam the structural merge orders by number, not
 *    by side;
 *  - the two sides change different nodes of the model: between a change
 *    and the other side's next, or at the start of that one, a part of
 *    the regulation begins (a heading with a kind word and a number,
 *    outside a Toelichting or Ondertekening).  A free heading and its
 *    text stand in the article before them, and a Toelichting is one node
 *    whose "Artikel" headings are its text; the structural merge takes
 *    the same paragraph inserted in two places of one node for one;
 *  - no part one side deleted is inserted elsewhere by either side (a move
 *    of identical bytes), and no heading a side writes has a number that
 *    stands elsewhere in the base or that the other side writes too (a
 *    renumbering, a move, two insertions of one number): the structural
 *    merge pairs nodes by number and decides those;
 *  - no change puts the parts after it in another division or article: a
 *    heading inserted or deleted other than before a part heading at its
 *    level or above (a chapter heading removed, or put before articles;
 *    an article put before a free heading, which then stands in it) is
 *    left to the structural merge, which can tell a conflict in what
 *    moved;
 *  - the spliced text is canonical: read into the model and written, it
 *    gives the same bytes, and reading it found no error.  A draft in the
 *    loose Markdown of elsewhere, which the structural merge would rewrite,
 *    therefore never takes this way.
 * The result is the structural merge's, byte for byte: each node changed on
 * one side only is taken from that side, written canonically, and here
 * each part is; test-merge-splice compares both on real texts, and with
 * AMEND_MERGE_VERIFY set (the test suites set it) every merge of branches
 * that takes this way is also merged structurally and compared.
 *
 * What is left of the cost is reading the result once (the same check the
 * structural merge makes) and writing it, not three readings, four diffs
 * and the merge; and not even that when both sides are known canonical
 * (see _amend_merge_splice()).
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-document-private.h"
#include "amend-markdown-split.h"
#include "amend-merge-private.h"
#include "amend-merge-splice.h"

typedef struct {
  const char *p;
  gsize       len;
} Span;

typedef struct {
  GArray *parts;   /* of Span, covering the text in order */
  guint  *ids;     /* the interned id of each part */
  guchar *zone;    /* whether a part stands in a Toelichting or Ondertekening */
} Version;

/* Eight bytes a step: the parts of a large regulation are hashed whole. */
static guint
span_hash (gconstpointer key)
{
  const Span *s = key;
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ s->len;
  gsize i = 0;

  for (; i + 8 <= s->len; i += 8)
    {
      guint64 w;

      memcpy (&w, s->p + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 32;
    }
  for (; i < s->len; i++)
    h = (h ^ (guchar) s->p[i]) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  return (guint) (h ^ (h >> 29));
}

static gboolean
span_equal (gconstpointer a,
            gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->len == y->len && memcmp (x->p, y->p, x->len) == 0;
}

/* Where the body starts after the front matter, as the reader finds it;
 * NULL for a front matter that is never closed. */
static const char *
body_of (const char *text,
         gsize       len)
{
  const char *end = text + len;
  const char *p = text;

  if (len < 4 || memcmp (text, "---\n", 4) != 0)
    return text;
  for (p += 4; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize line_len = (nl ? nl : end) - p;

      if (line_len == 3 && (memcmp (p, "---", 3) == 0 || memcmp (p, "...", 3) == 0))
        return nl ? nl + 1 : end;
      p = nl ? nl + 1 : end;
    }
  return NULL;
}

/* Whether the reader takes @text as it is: no byte it replaces or reports
 * (a NUL, a control character, a carriage return, a byte that is no
 * UTF-8, a non-character; a byte order mark is looked for at the start
 * of the whole text by version_init()), since a text it reports an error
 * in is merged as text, not structurally.  Every test is of one
 * character, and a part starts after a newline, which no character
 * spans: a text is clean when each of its parts is. */
static gboolean
is_clean (const char *text,
          gsize       len)
{
  const guchar *p = (const guchar *) text, *end = p + len;

  while (p < end)
    {
      guint64 w;

      /* Eight bytes of printable ASCII at once. */
      if (end - p >= 8)
        {
          memcpy (&w, p, 8);
          if (((w | ((w - G_GUINT64_CONSTANT (0x2020202020202020)) & ~w)) & G_GUINT64_CONSTANT (0x8080808080808080)) == 0 &&
              ((w + G_GUINT64_CONSTANT (0x0101010101010101)) & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p >= 0x80)
        {
          gunichar c = g_utf8_get_char_validated ((const char *) p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0xFFFE || c == 0xFFFF)
            return FALSE;
          p = (const guchar *) g_utf8_next_char (p);
          continue;
        }
      if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
        return FALSE;
      p++;
    }
  return TRUE;
}

/* The kind of part a part's heading starts ("## Artikel 5"), or
 * AMEND_NODE_TEXT for a free heading ("## Begrippen"), a heading line with
 * inline marks or references (to be safe), and a part without a heading. */
static AmendNodeKind
heading_of (const Span  *s,
            char       **number)
{
  const char *nl = memchr (s->p, '\n', s->len);
  gsize n = 0;
  g_autofree char *line = NULL;
  AmendHeading info;

  while (n < s->len && s->p[n] == '#')
    n++;
  if (n == 0)
    return AMEND_NODE_TEXT;
  line = g_strndup (s->p + n, (nl ? nl : s->p + s->len) - (s->p + n));
  if (strpbrk (line, "\\*_`<[&") != NULL || !_amend_heading_classify (line, &info))
    return AMEND_NODE_TEXT;
  if (number)
    *number = g_steal_pointer (&info.number);
  g_free (info.number);
  return info.kind;
}

static AmendNodeKind
heading_kind (const Span *s)
{
  return heading_of (s, NULL);
}

/* Marks the parts in a Toelichting or an Ondertekening, where headings
 * are text, up to the next Bijlage, Toelichting or Ondertekening: the
 * reader's zones.  A part heading at the zone's level or above ends the
 * zone for the reader, in the canonical form: the parts from there on are
 * marked ZONE_TEXT only, not ZONE_READ. */
enum { ZONE_TEXT = 1, ZONE_READ = 2 };

static void
find_zones (Version *v)
{
  gboolean in_zone = FALSE, read = FALSE;
  gsize zone_level = 0;

  v->zone = g_new0 (guchar, v->parts->len + 1);
  for (guint i = 0; i < v->parts->len; i++)
    {
      const Span *s = &g_array_index (v->parts, Span, i);
      gsize level = strspn (s->p, "#");
      const char *w = s->p + level;

      w += strspn (w, " \t");
      /* Only these start a Bijlage, Toelichting or Ondertekening. */
      if (w != s->p && strchr ("BbTtOo", *w) != NULL)
        {
          AmendNodeKind kind = heading_kind (s);

          if (kind == AMEND_NODE_ANNEX || kind == AMEND_NODE_EXPLANATION || kind == AMEND_NODE_CLOSING)
            {
              in_zone = read = kind != AMEND_NODE_ANNEX;
              zone_level = level;
              continue;
            }
        }
      if (read && level > 0 && level <= zone_level && heading_kind (s) != AMEND_NODE_TEXT)
        read = FALSE;
      v->zone[i] = in_zone ? (read ? ZONE_TEXT | ZONE_READ : ZONE_TEXT) : 0;
    }
}

/* Cuts @text into parts; FALSE when it cannot be cut safely, or holds what
 * the reader would first clean up.  A part with the bytes of @twin's part
 * at the same place (the base's: most parts of a side are) takes its id
 * and is not hashed or scanned again: interning would give it that id,
 * and its bytes were found clean in @twin. */
static gboolean
version_init (Version       *v,
              GHashTable    *ids,
              const Version *twin,
              const char    *text,
              gsize          len)
{
  const char *body;
  g_autoptr(GArray) cuts = NULL;
  g_autoptr(GString) headings = NULL;
  gsize start = 0;

  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    return FALSE;
  if ((body = body_of (text, len)) == NULL)
    return FALSE;
  cuts = _amend_markdown_split (body, len - (body - text), 1, &headings);
  if (cuts == NULL)
    return FALSE;
  v->parts = g_array_sized_new (FALSE, FALSE, sizeof (Span), cuts->len + 1);
  for (guint i = 0; i <= cuts->len; i++)
    {
      gsize end = i < cuts->len ? (gsize) (body - text) + g_array_index (cuts, gsize, i) : len;
      Span s = { text + start, end - start };

      g_array_append_val (v->parts, s);
      start = end;
    }
  v->ids = g_new (guint, v->parts->len + 1);
  for (guint i = 0; i < v->parts->len; i++)
    {
      Span *s = &g_array_index (v->parts, Span, i);
      gpointer id;

      if (twin && i < twin->parts->len && span_equal (s, &g_array_index (twin->parts, Span, i)))
        {
          v->ids[i] = twin->ids[i];
          continue;
        }
      if (!is_clean (s->p, s->len))
        return FALSE;
      if (!g_hash_table_lookup_extended (ids, s, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, s, id);
        }
      v->ids[i] = GPOINTER_TO_UINT (id);
    }
  find_zones (v);
  return TRUE;
}

static void
version_clear (Version *v)
{
  g_clear_pointer (&v->parts, g_array_unref);
  g_clear_pointer (&v->ids, g_free);
  g_clear_pointer (&v->zone, g_free);
}

/* Whether a part starts with the heading of a part of the regulation,
 * which closes what stands before it at its level or deeper.  A free
 * heading stays in the part before it, at any level, and so does every
 * heading in a Toelichting or Ondertekening ("## Artikel 5" there is
 * text of the Toelichting). */
static gboolean
is_part_heading (const Version *v,
                 guint          i)
{
  return !v->zone[i] && heading_kind (&g_array_index (v->parts, Span, i)) != AMEND_NODE_TEXT;
}

/* Whether a change of one side and one of the other overlap, or are so
 * close that their order is not clear: an insertion at the edge of, or
 * inside, what the other changed. */
static gboolean
touch (const AmendHunk *a,
       const AmendHunk *b)
{
  guint a_end = a->old_start + a->old_len, b_end = b->old_start + b->old_len;

  if (a->old_len > 0 && b->old_len > 0)
    return a->old_start < b_end && b->old_start < a_end;
  return a->old_start <= b_end && b->old_start <= a_end;
}

/* Whether the part is an article, or holds nothing but its heading. */
static gboolean
is_closed (const Version *v,
           guint          i)
{
  const Span *s = &g_array_index (v->parts, Span, i);
  const char *nl = memchr (s->p, '\n', s->len);
  const char *word = s->p + strspn (s->p, "#");

  if (word == s->p || nl == NULL)
    return FALSE;
  word += strspn (word, " ");
  if (g_ascii_strncasecmp (word, "artikel ", 8) == 0 && is_part_heading (v, i))
    return TRUE;
  for (const char *q = nl; q < s->p + s->len; q++)
    if (*q != '\n')
      return FALSE;
  return TRUE;
}

static char *key_of (const Version *v, guint i);

/* Whether the part at @i in the base and at @j in @side is the same part
 * of the regulation, changed in place: the same heading key. */
static gboolean
same_part (const Version *b,
           guint          i,
           const Version *side,
           guint          j)
{
  g_autofree char *kb = key_of (b, i);
  g_autofree char *ks = key_of (side, j);

  return kb != NULL && ks != NULL && strcmp (kb, ks) == 0;
}

/* Whether @h, right before a change of the other side, ends with a part it
 * changed in place that keeps its blocks to itself (an article, or a
 * heading alone); and whether @h, right after one, starts with a part of
 * the regulation it changed in place.  Anything else at the seam is an
 * insertion, a deletion, or text that stands in the part before: the
 * structural merge orders what both inserted between the same two nodes
 * by number, and sees two changes to one node where a change takes text
 * into the part before it. */
static gboolean
ends_in_place (const Version   *b,
               const Version   *side,
               const AmendHunk *h)
{
  guint i = h->old_start + h->old_len - 1, j = h->new_start + h->new_len - 1;

  return h->old_len > 0 && h->new_len > 0 && same_part (b, i, side, j) && is_closed (b, i) && is_closed (side, j);
}

static gboolean
starts_in_place (const Version   *b,
                 const Version   *side,
                 const AmendHunk *h)
{
  return h->old_len > 0 && h->new_len > 0 && same_part (b, h->old_start, side, h->new_start) &&
         is_part_heading (b, h->old_start) && is_part_heading (side, h->new_start);
}

/* Whether @c, a change after @a of the other side, is in another node of
 * the model: a part of the regulation's own starts between them, or @c
 * starts with one.  Two changes in one node (an article and the free
 * headings in it, a Toelichting) are left to the structural merge, which
 * takes the same paragraph inserted in two places for one insertion. */
static gboolean
apart (const Version   *b,
       const Version   *side,
       const AmendHunk *a,
       const AmendHunk *c)
{
  for (guint i = a->old_start + a->old_len; i < c->old_start; i++)
    if (is_part_heading (b, i))
      return TRUE;
  return (c->old_len == 0 || is_part_heading (b, c->old_start)) &&
         (c->new_len == 0 || is_part_heading (side, c->new_start));
}

static gboolean
changes_touch (const Version *b,
               const Version *o,
               const Version *t,
               GArray        *ho,
               GArray        *ht)
{
  guint i = 0, j = 0;

  /* Both lists are in the order of the base. */
  while (i < ho->len && j < ht->len)
    {
      const AmendHunk *a = &g_array_index (ho, AmendHunk, i);
      const AmendHunk *c = &g_array_index (ht, AmendHunk, j);

      if (touch (a, c))
        return TRUE;
      /* Right after the other's change: only parts changed in place meet. */
      if ((a->old_start + a->old_len == c->old_start && !(ends_in_place (b, o, a) && starts_in_place (b, t, c))) ||
          (c->old_start + c->old_len == a->old_start && !(ends_in_place (b, t, c) && starts_in_place (b, o, a))))
        return TRUE;
      if ((a->old_start + a->old_len <= c->old_start && !apart (b, t, a, c)) ||
          (c->old_start + c->old_len <= a->old_start && !apart (b, o, c, a)))
        return TRUE;
      if (a->old_start + a->old_len <= c->old_start)
        i++;
      else
        j++;
    }
  return FALSE;
}

/* Adds the ids that @hunks delete (@old) or insert (@new) to @set. */
static void
collect (GHashTable     *set,
         GArray         *hunks,
         const Version  *base,
         const Version  *side,
         gboolean        old)
{
  for (guint k = 0; k < hunks->len; k++)
    {
      const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);
      guint from = old ? h->old_start : h->new_start;
      guint n = old ? h->old_len : h->new_len;
      const guint *ids = old ? base->ids : side->ids;

      for (guint i = from; i < from + n; i++)
        g_hash_table_add (set, GUINT_TO_POINTER (ids[i]));
    }
}

/* A part deleted somewhere and inserted somewhere, by either side. */
static gboolean
has_move (const Version *b,
          const Version *o,
          const Version *t,
          GArray        *ho,
          GArray        *ht)
{
  g_autoptr(GHashTable) deleted = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) inserted = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer id;

  collect (deleted, ho, b, o, TRUE);
  collect (deleted, ht, b, t, TRUE);
  collect (inserted, ho, b, o, FALSE);
  collect (inserted, ht, b, t, FALSE);
  g_hash_table_iter_init (&iter, inserted);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (deleted, id))
      return TRUE;
  return FALSE;
}

/* The level, kind word and number of a part's heading ("## Artikel 5"),
 * or NULL for a part that does not start with a heading. */
static char *
key_of (const Version *v,
        guint          i)
{
  const Span *s = &g_array_index (v->parts, Span, i);
  const char *nl = memchr (s->p, '\n', s->len);
  const char *end = nl ? nl : s->p + s->len;
  const char *q = s->p;

  if (s->len == 0 || s->p[0] != '#')
    return NULL;
  while (q < end && *q == '#')
    q++;
  for (guint w = 0; w < 2; w++)
    {
      while (q < end && *q == ' ')
        q++;
      while (q < end && *q != ' ')
        q++;
    }
  return g_strndup (s->p, q - s->p);
}

/* A part heading a side numbered: where in the base its hunk is, and
 * which part of the side it is. */
typedef struct {
  guint          at;
  guint          part;
  AmendNodeKind  kind;    /* and its number, once read_numbers() read them */
  char          *number;
} Numbered;

static void
numbered_clear (gpointer data)
{
  g_free (((Numbered *) data)->number);
}

/* The keys of the parts a side's hunks insert that the same hunk did not
 * have before: new numbers, renumberings, moved parts; and where those
 * parts are, in @where. */
static GHashTable *
new_keys (const Version *b,
          const Version *side,
          GArray        *hunks,
          gboolean      *deleted,
          GArray        *where)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < hunks->len; k++)
    {
      const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);
      g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = h->old_start; i < h->old_start + h->old_len; i++)
        {
          char *key = key_of (b, i);

          deleted[i] = TRUE;
          if (key)
            g_hash_table_add (before, key);
        }
      for (guint i = h->new_start; i < h->new_start + h->new_len; i++)
        {
          char *key = key_of (side, i);

          if (key && !g_hash_table_contains (before, key))
            {
              Numbered n = { h->old_start, i, AMEND_NODE_TEXT, NULL };

              g_hash_table_add (keys, key);
              g_array_append_val (where, n);
            }
          else
            g_free (key);
        }
    }
  return keys;
}

/* Reads the kind and number of the headings @where points at in @side;
 * a heading of a Toelichting or Ondertekening, or without a number,
 * gets none.  A heading the zones mark as text that the reader takes for
 * a part ("# Artikel 2a" after "# Toelichting") gets its number. */
static void
read_numbers (const Version *side,
              GArray        *where)
{
  for (guint i = 0; i < where->len; i++)
    {
      Numbered *n = &g_array_index (where, Numbered, i);

      if (!(side->zone[n->part] & ZONE_READ))
        n->kind = heading_of (&g_array_index (side->parts, Span, n->part), &n->number);
    }
}

/* Whether a part one side numbered and one the other side numbered, of
 * one kind, stand in the merged text with numbers that do not go up:
 * ours renumbered article 3 to 4, theirs inserted a 3a further on.  Each
 * side in order, the structural merge makes such a clash a conflict of
 * kind numbering; two parts both from one side keep that side's order,
 * so a clash always has one numbered by each.  Of one kind anywhere,
 * not only under one parent: asking more than the structural merge only
 * leaves more to it.  Changes that do not touch start at different
 * places of the base, which is their order in the merged text. */
static gboolean
numbers_cross (const Version *o,
               const Version *t,
               GArray        *where_o,
               GArray        *where_t)
{
  if (where_o->len == 0 || where_t->len == 0)
    return FALSE;
  read_numbers (o, where_o);
  read_numbers (t, where_t);
  for (guint i = 0; i < where_o->len; i++)
    for (guint j = 0; j < where_t->len; j++)
      {
        const Numbered *x = &g_array_index (where_o, Numbered, i);
        const Numbered *y = &g_array_index (where_t, Numbered, j);
        int cmp;

        if (x->number == NULL || y->number == NULL || x->kind != y->kind)
          continue;
        cmp = _amend_merge_compare_numbers (x->number, y->number);
        if (cmp == 0 || (cmp < 0) != (x->at < y->at))
          return TRUE;
      }
  return FALSE;
}

/* Whether a number one side gives a part is one the base has elsewhere
 * (a renumbering, a move, a part put in another's place), or one the
 * other side gives too: the structural merge pairs nodes by their
 * numbers, so these are left to it; and so are numbers of the two
 * sides that clash (numbers_cross()). */
static gboolean
renumbers (const Version *b,
           const Version *o,
           const Version *t,
           GArray        *ho,
           GArray        *ht)
{
  g_autofree gboolean *del_o = g_new0 (gboolean, b->parts->len + 1);
  g_autofree gboolean *del_t = g_new0 (gboolean, b->parts->len + 1);
  g_autoptr(GArray) where_o = g_array_new (FALSE, TRUE, sizeof (Numbered));
  g_autoptr(GArray) where_t = g_array_new (FALSE, TRUE, sizeof (Numbered));
  g_autoptr(GHashTable) new_o = NULL;
  g_autoptr(GHashTable) new_t = NULL;
  GHashTableIter iter;
  gpointer key;

  g_array_set_clear_func (where_o, numbered_clear);
  g_array_set_clear_func (where_t, numbered_clear);
  new_o = new_keys (b, o, ho, del_o, where_o);
  new_t = new_keys (b, t, ht, del_t, where_t);
  g_hash_table_iter_init (&iter, new_o);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (new_t, key))
      return TRUE;
  if (numbers_cross (o, t, where_o, where_t))
    return TRUE;
  if (g_hash_table_size (new_o) + g_hash_table_size (new_t) == 0)
    return FALSE;
  for (guint i = 0; i < b->parts->len; i++)
    {
      g_autofree char *k = key_of (b, i);

      if (k && ((!del_o[i] && g_hash_table_contains (new_o, k)) ||
                (!del_t[i] && g_hash_table_contains (new_t, k))))
        return TRUE;
    }
  return FALSE;
}

/* The level of a part's heading, G_MAXUINT for a part without one. */
static guint
level_of (const Version *v,
          guint          i)
{
  const Span *s = &g_array_index (v->parts, Span, i);
  guint n = 0;

  while (n < s->len && s->p[n] == '#')
    n++;
  return n > 0 ? n : G_MAXUINT;
}

/* Whether a hunk changes what the parts after it stand in: a heading it
 * inserts or deletes would take or give up the base's parts that follow,
 * up to the next part heading at its level or above (a division heading
 * removed, or put before articles), and a free heading after it at any
 * level (one at the level of an article stands in the article before
 * it).  One part heading changed in place, at its level, keeps them where
 * they were; so does a free heading. */
static gboolean
reparents (const Version *b,
           const Version *side,
           GArray        *hunks)
{
  for (guint k = 0; k < hunks->len; k++)
    {
      const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);
      guint next = h->old_start + h->old_len;
      guint lowest = G_MAXUINT;

      if (h->old_len == 1 && h->new_len == 1 && level_of (b, h->old_start) == level_of (side, h->new_start) &&
          is_part_heading (b, h->old_start) == is_part_heading (side, h->new_start))
        continue;
      for (guint i = h->old_start; i < next; i++)
        lowest = MIN (lowest, level_of (b, i));
      for (guint i = h->new_start; i < h->new_start + h->new_len; i++)
        lowest = MIN (lowest, level_of (side, i));
      if (next < b->parts->len && (level_of (b, next) > lowest || !is_part_heading (b, next)))
        return TRUE;
    }
  return FALSE;
}

/* Whether every part @hunks delete or insert is an article (not an
 * "Artikel" heading in a Toelichting or Ondertekening), and the
 * first part (front matter, preamble) is not among them. */
static gboolean
articles_only (const Version *b,
               const Version *side,
               GArray        *hunks)
{
  for (guint k = 0; k < hunks->len; k++)
    {
      const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);

      for (guint n = 0; n < h->old_len + h->new_len; n++)
        {
          gboolean old = n < h->old_len;
          g_autofree char *key = old ? key_of (b, h->old_start + n) : key_of (side, h->new_start + n - h->old_len);
          const char *word = key ? key + strspn (key, "# ") : NULL;

          if (word == NULL || g_ascii_strncasecmp (word, "artikel ", 8) != 0)
            return FALSE;
          if (!is_part_heading (old ? b : side, old ? h->old_start + n : h->new_start + n - h->old_len))
            return FALSE;
        }
    }
  return TRUE;
}

/* Whether the splice is canonical because both sides are (see
 * _amend_merge_splice()): besides what the splice asks, only articles
 * change (outside a Toelichting or Ondertekening, whose "Artikel"
 * headings are text), so nothing a change does alters how a part after
 * it reads (a Toelichting would); and no part in the splice has a part
 * before it that it lacks in the side it comes from, except an article,
 * which writes the same after anything. */
static gboolean
keeps_canonical (const Version *b,
                 const Version *o,
                 const Version *t,
                 GArray        *ho,
                 GArray        *ht)
{
  return articles_only (b, o, ho) && articles_only (b, t, ht);
}

static void
append_parts (GString       *out,
              const Version *v,
              guint          from,
              guint          n)
{
  for (guint i = from; i < from + n; i++)
    {
      const Span *s = &g_array_index (v->parts, Span, i);
      g_string_append_len (out, s->p, s->len);
    }
}

/* The base with both sides' changes, which do not touch. */
static char *
splice (const Version *b,
        const Version *o,
        const Version *t,
        GArray        *ho,
        GArray        *ht,
        gsize         *len)
{
  GString *out = g_string_new (NULL);
  guint at = 0, i = 0, j = 0;

  while (i < ho->len || j < ht->len)
    {
      const AmendHunk *a = i < ho->len ? &g_array_index (ho, AmendHunk, i) : NULL;
      const AmendHunk *c = j < ht->len ? &g_array_index (ht, AmendHunk, j) : NULL;
      const Version *side = o;
      const AmendHunk *h = a;

      if (a == NULL || (c != NULL && c->old_start < a->old_start))
        h = c, side = t, j++;
      else
        i++;
      append_parts (out, b, at, h->old_start - at);
      append_parts (out, side, h->new_start, h->new_len);
      at = h->old_start + h->old_len;
    }
  append_parts (out, b, at, b->parts->len - at);
  *len = out->len;
  return g_string_free (out, FALSE);
}

/**
 * _amend_merge_splice:
 * @sides_canonical: whether @ours and @theirs are both known to be
 *   canonical (amend-canonical-blobs.c): the spliced text is then too, and
 *   is not read again unless @doc asks for the model
 * @doc: (out) (optional): the result read into the model
 *
 * The merge of three versions of a regulation that changed different
 * parts, made from the parts themselves (see above).
 *
 * Why canonical sides give a canonical splice when only articles change
 * (keeps_canonical()): the writer writes a part (a heading and what
 * stands under it up to the next heading, with the blank line after it)
 * from its own nodes, the number of divisions it stands in and, for a
 * free heading first under an article without a title, the part before
 * it, and for a free heading in an article with members, whether the
 * article ends in one; and the reader reads a part the same wherever the
 * cut is safe, as long as no Toelichting or Ondertekening before it came
 * or went (an "Artikel" heading in one is no article: articles_only()).
 * Every part of the splice stands in ours or in theirs with the same
 * bytes and, since no change moves what follows it into another division
 * or article (reparents()), in as many divisions.  A part that is no
 * article has before it what it has in a side: in the splice it follows
 * the part it follows in the base, or the last part a side's change wrote
 * before it, and then it is in that side after the same part (the other
 * side's change would touch).  More than that, all the parts of the node
 * it stands in, from the article's heading on, are as in that side, since
 * the other side changed no part of that node (apart()).  The last part
 * is the last of the side it comes from, or the changes would touch.  So
 * each part writes back to itself, and the whole text does.  The base
 * need not be canonical: a base part that stays is in ours as well.
 * test-merge-splice checks this on every merge it makes, and
 * test-merge-splice-fuzz on thousands of small regulations changed at
 * random.
 *
 * Returns: (transfer full) (nullable): the merged text, the structural
 * merge's byte for byte, or %NULL when the structural merge is needed.
 */
char *
_amend_merge_splice (const char     *base,
                     gsize           base_len,
                     const char     *ours,
                     gsize           ours_len,
                     const char     *theirs,
                     gsize           theirs_len,
                     gboolean        sides_canonical,
                     AmendDocument **doc)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (span_hash, span_equal);
  Version b = { 0 }, o = { 0 }, t = { 0 };
  g_autoptr(GArray) ho = NULL;
  g_autoptr(GArray) ht = NULL;
  g_autofree char *merged = NULL;
  gsize len = 0;
  gboolean ok;

  ok = version_init (&b, ids, NULL, base, base_len) && version_init (&o, ids, &b, ours, ours_len) &&
       version_init (&t, ids, &b, theirs, theirs_len);
  if (ok)
    {
      ho = amend_diff_sequences (b.ids, b.parts->len, o.ids, o.parts->len);
      ht = amend_diff_sequences (b.ids, b.parts->len, t.ids, t.parts->len);
      ok = !changes_touch (&b, &o, &t, ho, ht) && !has_move (&b, &o, &t, ho, ht) && !renumbers (&b, &o, &t, ho, ht) &&
           !reparents (&b, &o, ho) && !reparents (&b, &t, ht);
    }
  if (ok)
    merged = splice (&b, &o, &t, ho, ht, &len);
  sides_canonical = sides_canonical && ok && doc == NULL && keeps_canonical (&b, &o, &t, ho, ht);
  version_clear (&b);
  version_clear (&o);
  version_clear (&t);
  if (!ok || (!sides_canonical && !_amend_markdown_is_canonical (merged, len, doc)))
    return NULL;
  return g_steal_pointer (&merged);
}
