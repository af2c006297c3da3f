/* amend-word-merge.c: the three-way merge of one paragraph, word by word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When both sides changed one paragraph, each side's changes are found as
 * hunks of words against the base (the legal diff's Myers diff, on words
 * that carry their emphasis and link), and the paragraph is rebuilt from
 * the base with both sides' hunks in it.  That is only right when the
 * hunks keep apart:
 *
 *  - two replacements overlap when they share a word of the base;
 *  - an insertion overlaps a change that touches its place, since "ten
 *    hoogste" put before "acht" means nothing once "acht" became "zes";
 *  - two insertions at one place overlap (which comes first?);
 *  - the same hunk on both sides is one change, taken once.
 *
 * Otherwise the paragraph is a conflict for the caller to report.  The
 * white space between words is taken from ours where the words are
 * equal, so that nothing but the changed words moves.
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-word-merge.h"

struct _AmendWordTable
{
  GHashTable *ids;   /* key (marks, href, text) -> id */
  GString    *key;
};

/* One word of a paragraph, pointing into the runs of its node. */
typedef struct {
  guint           id;
  const char     *text;
  guint           len;
  const AmendRun *run;
  const char     *space;       /* the white space before it */
  guint           space_len;
  const AmendRun *space_run;
} Word;

#define ATOMIC_MARKS (AMEND_MARK_BREAK | AMEND_MARK_CODE | AMEND_MARK_HTML | AMEND_MARK_IMAGE)

AmendWordTable *
amend_word_table_new (void)
{
  AmendWordTable *words = g_new0 (AmendWordTable, 1);

  words->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  words->key = g_string_new (NULL);
  return words;
}

void
amend_word_table_free (AmendWordTable *words)
{
  if (words == NULL)
    return;
  g_hash_table_unref (words->ids);
  g_string_free (words->key, TRUE);
  g_free (words);
}

static guint
intern (AmendWordTable     *words,
        const AmendRun *run,
        const char     *text,
        guint           len)
{
  gpointer id;

  g_string_printf (words->key, "%x\x1f%s\x1f", run->marks, run->href ? run->href : "");
  g_string_append_len (words->key, text, len);
  if (!g_hash_table_lookup_extended (words->ids, words->key->str, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (words->ids) + 1);
      g_hash_table_insert (words->ids, g_strdup (words->key->str), id);
    }
  return GPOINTER_TO_UINT (id);
}

static void
add_word (GArray     *out,
          Word       *pending,
          AmendWordTable *words,
          const AmendRun *run,
          const char *text,
          guint       len)
{
  pending->id = intern (words, run, text, len);
  pending->text = text;
  pending->len = len;
  pending->run = run;
  g_array_append_val (out, *pending);
  memset (pending, 0, sizeof *pending);
}

/* Words are runs of letters and digits; every other character that is no
 * white space is a word of its own; code, HTML, images and line breaks
 * are one word each, whatever they hold. */
static GArray *
tokenize (AmendWordTable      *words,
          const AmendNode *node)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Word));
  Word pending = { 0 };

  for (guint r = 0; node->runs && r < node->runs->len; r++)
    {
      const AmendRun *run = &g_array_index (node->runs, AmendRun, r);
      const char *p = run->text ? run->text : "";

      if (run->marks & ATOMIC_MARKS)
        {
          add_word (out, &pending, words, run, p, strlen (p));
          continue;
        }
      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          const char *start = p;

          if (g_unichar_isspace (c))
            {
              while (*p && g_unichar_isspace (g_utf8_get_char (p)))
                p = g_utf8_next_char (p);
              pending.space = start;
              pending.space_len = p - start;
              pending.space_run = run;
              continue;
            }
          if (g_unichar_isalnum (c))
            while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
              p = g_utf8_next_char (p);
          else
            p = g_utf8_next_char (p);
          add_word (out, &pending, words, run, start, p - start);
        }
    }
  return out;
}

static guint *
ids_of (GArray *seq)
{
  guint *ids = g_new (guint, seq->len + 1);

  for (guint i = 0; i < seq->len; i++)
    ids[i] = g_array_index (seq, Word, i).id;
  return ids;
}

static GArray *
hunks_of (GArray *a,
          GArray *b)
{
  g_autofree guint *x = ids_of (a);
  g_autofree guint *y = ids_of (b);

  return amend_diff_sequences (x, a->len, y, b->len);
}

gboolean
amend_text_equal (const AmendNode *a,
                  const AmendNode *b)
{
  guint na = a->runs ? a->runs->len : 0;
  guint nb = b->runs ? b->runs->len : 0;

  if (na != nb || a->heading_level != b->heading_level)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const AmendRun *x = &g_array_index (a->runs, AmendRun, i);
      const AmendRun *y = &g_array_index (b->runs, AmendRun, i);

      if (x->marks != y->marks || g_strcmp0 (x->text, y->text) != 0 || g_strcmp0 (x->href, y->href) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_new_words (const AmendHunk *h,
                GArray          *hs,
                const AmendHunk *g,
                GArray          *gs)
{
  if (h->old_start != g->old_start || h->old_len != g->old_len || h->new_len != g->new_len)
    return FALSE;
  for (guint k = 0; k < h->new_len; k++)
    if (g_array_index (hs, Word, h->new_start + k).id != g_array_index (gs, Word, g->new_start + k).id)
      return FALSE;
  return TRUE;
}

static gboolean
overlap (const AmendHunk *h,
         const AmendHunk *g)
{
  guint hs = h->old_start, he = hs + h->old_len;
  guint gs = g->old_start, ge = gs + g->old_len;

  if (h->old_len > 0 && g->old_len > 0)
    return hs < ge && gs < he;
  if (h->old_len == 0 && g->old_len == 0)
    return hs == gs;
  if (h->old_len == 0)
    return hs >= gs && hs <= ge;
  return gs >= hs && gs <= he;
}

static void
emit (AmendNode  *out,
      const Word *w)
{
  if (w->space_len > 0)
    amend_node_add_run (out, w->space, w->space_len, w->space_run->marks, w->space_run->href);
  amend_node_add_run (out, w->text, w->len, w->run->marks, w->run->href);
}

typedef struct {
  GArray *base, *ours, *theirs;
  GArray *ho, *ht;
  guint   i;        /* next base word not yet written */
  int     delta;    /* ours index - base index, past the hunks done */
  int     delta_t;  /* theirs index - base index, likewise */
} Walk;

static gboolean
same_space (const Word *a,
            const Word *b)
{
  return a->space_len == b->space_len && (a->space_len == 0 || memcmp (a->space, b->space, a->space_len) == 0);
}

/* The base words [walk->i, to), spelled as ours has them; the white space
 * before one is theirs where only theirs changed it ("tutu en" made
 * "tutu%en": the % is theirs' insertion, and the space it took away before
 * "en", an equal word, would be put back from ours; found by fuzz-merge). */
static void
emit_equal (Walk      *walk,
            AmendNode *out,
            guint      to)
{
  for (; walk->i < to; walk->i++)
    {
      const Word *b = &g_array_index (walk->base, Word, walk->i);
      const Word *o = &g_array_index (walk->ours, Word, (int) walk->i + walk->delta);
      const Word *t = &g_array_index (walk->theirs, Word, (int) walk->i + walk->delta_t);
      Word w = *o;

      if (same_space (o, b) && !same_space (t, b))
        {
          w.space = t->space;
          w.space_len = t->space_len;
          w.space_run = t->space_run;
        }
      emit (out, &w);
    }
}

static void
emit_hunk (Walk            *walk,
           AmendNode       *out,
           const AmendHunk *h,
           GArray          *side)
{
  emit_equal (walk, out, h->old_start);
  for (guint k = 0; k < h->new_len; k++)
    emit (out, &g_array_index (side, Word, h->new_start + k));
  walk->i = h->old_start + h->old_len;
}

static gboolean
walk_hunks (Walk      *walk,
            AmendNode *out)
{
  guint a = 0, b = 0;

  while (a < walk->ho->len || b < walk->ht->len)
    {
      const AmendHunk *h = a < walk->ho->len ? &g_array_index (walk->ho, AmendHunk, a) : NULL;
      const AmendHunk *g = b < walk->ht->len ? &g_array_index (walk->ht, AmendHunk, b) : NULL;

      if (h && g && overlap (h, g))
        {
          if (!same_new_words (h, walk->ours, g, walk->theirs))
            return FALSE;
          emit_hunk (walk, out, h, walk->ours);
          walk->delta += (int) h->new_len - (int) h->old_len;
          walk->delta_t += (int) g->new_len - (int) g->old_len;
          a++;
          b++;
        }
      else if (h && (g == NULL || h->old_start <= g->old_start))
        {
          emit_hunk (walk, out, h, walk->ours);
          walk->delta += (int) h->new_len - (int) h->old_len;
          a++;
        }
      else
        {
          emit_hunk (walk, out, g, walk->theirs);
          walk->delta_t += (int) g->new_len - (int) g->old_len;
          b++;
        }
    }
  emit_equal (walk, out, walk->base->len);
  return TRUE;
}

/**
 * amend_word_merge:
 * @out: a TEXT node whose runs are replaced by the merged text
 *
 * Returns: %FALSE when the changes of the two sides overlap; @out is then
 * left without runs.
 */
gboolean
amend_word_merge (AmendWordTable      *words,
                  const AmendNode *base,
                  const AmendNode *ours,
                  const AmendNode *theirs,
                  AmendNode       *out)
{
  g_autoptr(GArray) a = tokenize (words, base);
  g_autoptr(GArray) o = tokenize (words, ours);
  g_autoptr(GArray) t = tokenize (words, theirs);
  g_autoptr(GArray) ho = hunks_of (a, o);
  g_autoptr(GArray) ht = hunks_of (a, t);
  Walk walk = { a, o, t, ho, ht, 0, 0, 0 };

  if (out->runs)
    g_array_set_size (out->runs, 0);
  out->heading_level = ours->heading_level;
  if (!walk_hunks (&walk, out))
    {
      if (out->runs)
        g_array_set_size (out->runs, 0);
      return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* The check                                                                */
/* ----------------------------------------------------------------------- */

static void
count_words (GHashTable *counts,
             GArray     *seq,
             guint       start,
             guint       len,
             int         sign)
{
  for (guint k = start; k < start + len; k++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (seq, Word, k).id);
      int n = GPOINTER_TO_INT (g_hash_table_lookup (counts, key));

      g_hash_table_insert (counts, key, GINT_TO_POINTER (n + sign));
    }
}

static gboolean
has_identical (const AmendHunk *h,
               GArray          *hs,
               GArray          *others,
               GArray          *os)
{
  for (guint k = 0; k < others->len; k++)
    if (same_new_words (h, hs, &g_array_index (others, AmendHunk, k), os))
      return TRUE;
  return FALSE;
}

/* The words the result should hold, counted: the base's, less what either
 * side deleted, plus what either inserted (a hunk both made, once). */
static GHashTable *
expected_counts (GArray *a,
                 GArray *s,
                 GArray *u,
                 GArray *hs,
                 GArray *hu)
{
  GHashTable *counts = g_hash_table_new (NULL, NULL);

  count_words (counts, a, 0, a->len, 1);
  for (guint k = 0; k < hs->len; k++)
    {
      const AmendHunk *h = &g_array_index (hs, AmendHunk, k);

      count_words (counts, a, h->old_start, h->old_len, -1);
      count_words (counts, s, h->new_start, h->new_len, 1);
    }
  for (guint k = 0; k < hu->len; k++)
    {
      const AmendHunk *h = &g_array_index (hu, AmendHunk, k);

      if (has_identical (h, u, hs, s))
        continue;
      count_words (counts, a, h->old_start, h->old_len, -1);
      count_words (counts, u, h->new_start, h->new_len, 1);
    }
  return counts;
}

static gboolean
counts_match (GHashTable *expected,
              GArray     *r)
{
  GHashTableIter iter;
  gpointer value;

  count_words (expected, r, 0, r->len, -1);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
contains_run (GArray          *r,
              GArray          *s,
              const AmendHunk *h)
{
  if (h->new_len == 0)
    return TRUE;
  for (guint start = 0; start + h->new_len <= r->len; start++)
    {
      guint k = 0;

      while (k < h->new_len &&
             g_array_index (r, Word, start + k).id == g_array_index (s, Word, h->new_start + k).id)
        k++;
      if (k == h->new_len)
        return TRUE;
    }
  return FALSE;
}

/**
 * amend_word_table_contains_changes:
 * @side: the side whose changes are checked
 * @other: the other side
 *
 * The check of the merge, independent of how it was made: when only @side
 * changed the text, the result is @side's text word for word; when both
 * did, the result holds exactly the words the base holds less what the
 * sides deleted plus what they inserted, and every run of words @side
 * inserted stands in it as one run.
 */
gboolean
amend_word_table_contains_changes (AmendWordTable      *words,
                             const AmendNode *base,
                             const AmendNode *side,
                             const AmendNode *other,
                             const AmendNode *result)
{
  g_autoptr(GArray) a = tokenize (words, base);
  g_autoptr(GArray) s = tokenize (words, side);
  g_autoptr(GArray) u = tokenize (words, other);
  g_autoptr(GArray) r = tokenize (words, result);
  g_autoptr(GArray) hs = hunks_of (a, s);
  g_autoptr(GArray) hu = hunks_of (a, u);
  g_autoptr(GHashTable) expected = NULL;

  if (hs->len == 0)
    return TRUE;
  if (hu->len == 0)
    {
      g_autoptr(GArray) same = hunks_of (s, r);
      return same->len == 0;
    }
  expected = expected_counts (a, s, u, hs, hu);
  if (!counts_match (expected, r))
    return FALSE;
  for (guint k = 0; k < hs->len; k++)
    if (!contains_run (r, s, &g_array_index (hs, AmendHunk, k)))
      return FALSE;
  return TRUE;
}
