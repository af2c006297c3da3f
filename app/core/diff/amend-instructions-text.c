/* amend-instructions-text.c: how a changed text is said in an instruction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quotations of "wordt ... vervangen door ...", "vervalt ..." and
 * "wordt na ... ingevoegd ..." (Aanwijzingen voor de regelgeving 6.9, 6.11
 * and 6.12, second members: words in quotation marks) follow these rules:
 *
 *  - a quotation is exactly the text, whole words and whole numbers:
 *    "10.30" and never "30" cut out of it, no space before a comma;
 *  - it is never a lone digit, letter or mark: a word of two letters or
 *    three characters at least ("artikel 14", not "14"; "onder q", not "q");
 *  - changes a few words apart are one quotation ("1 januari 01.00"), and
 *    several changes in one text one sentence: "vervalt "..." en wordt
 *    "..." vervangen door "..."" (the example of Aanwijzing 6.15);
 *  - the same change everywhere in the text is said once: "vervalt tweemaal
 *    "of de deelraad"" (one word, as "driemaal"; "telkens" past twelve);
 *  - each quotation occurs once in the text as it stands when the
 *    instructions before it in the sentence have been applied, and not in
 *    the rest of the element cited; it is widened word by word until it
 *    does;
 *  - words added at the end are "toegevoegd" (6.11, toelichting: before the
 *    full stop at the end, which need not be said).
 */
#include "config.h"

#include <string.h>

#include "amend-instructions-private.h"
#include "amend-words.h"
#include "amend-wording.h"

/* Above this share of changed words a text is rewritten whole (6.9). */
#define REWRITE_SHARE 0.5
/* More separate changes than this in one text, and it is rewritten whole. */
#define MAX_SPANS 3
/* Changes with at most this many words between them are one quotation. */
#define CLOSE_GAP 2
/* A quotation is not widened beyond this many words. */
#define MAX_WIDEN 16

typedef struct {
  AmendWords *words;
  GArray     *spans;     /* of AmendSpan, the parts to say */
  GArray     *extra;     /* of AmendSpan: further occurrences a "tweemaal" part says */
  GArray     *extra_of;  /* of guint: the old start of the part each extra belongs to */
  GHashTable *single;    /* quotations not to be said "tweemaal" */
  const char *scope_other;
  gboolean    end_is_end;  /* words at the end may be "toegevoegd" */
} Say;

static gboolean
is_alnum_at (const char *s,
             const char *p)
{
  return p >= s && *p && g_unichar_isalnum (g_utf8_get_char (p));
}

/* Occurrences of @needle in @haystack as words: not inside a longer word. */
static guint
count_words (const char *haystack,
             const char *needle)
{
  gsize len = strlen (needle);
  guint n = 0;

  if (len == 0)
    return 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *before = p > haystack ? g_utf8_prev_char (p) : NULL;

      if ((before == NULL || !is_alnum_at (haystack, before) || !is_alnum_at (p, p)) &&
          (!is_alnum_at (p, p + len) || !is_alnum_at (p, g_utf8_prev_char (p + len))))
        n++;
    }
  return n;
}

/* Words put in may be short ("3a", ", 7c"), as long as they are not a
 * lone digit, letter or mark. */
static gboolean
is_substantial_insertion (const char *quote)
{
  guint alnum = 0;

  for (const char *p = quote; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      alnum = g_unichar_isalnum (c) ? alnum + 1 : 0;
      if (alnum >= 2)
        return TRUE;
    }
  return FALSE;
}

/* A word of two letters, or of three letters and digits: a quotation of
 * words that stand in the text is never a lone digit, letter or mark, nor
 * a bare number ("artikel 14", not "14"). */
static gboolean
is_substantial (const char *quote)
{
  g_auto(GStrv) words = g_strsplit_set (quote, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint letters = 0, alnum = 0;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          letters += g_unichar_isalpha (c) ? 1 : 0;
          alnum += g_unichar_isalnum (c) ? 1 : 0;
        }
      if (letters >= 2 || alnum >= 3)
        return TRUE;
    }
  return FALSE;
}

static AmendSpan *
span_at (GArray *spans,
         guint   i)
{
  return &g_array_index (spans, AmendSpan, i);
}

static gboolean
has_old (const AmendSpan *s)
{
  return s->old_end > s->old_start;
}

static char *
old_quote (Say             *say,
           const AmendSpan *s)
{
  return amend_words_slice (say->words, TRUE, s->old_start, s->old_end);
}

static char *
new_quote (Say             *say,
           const AmendSpan *s)
{
  return amend_words_slice (say->words, FALSE, s->new_start, s->new_end);
}

/* Where a span stands in the old text, as byte offsets; an insertion is
 * an empty range after the token before it. */
static void
old_range (Say             *say,
           const AmendSpan *s,
           guint           *from,
           guint           *to)
{
  if (has_old (s))
    {
      *from = amend_words_token (say->words, TRUE, s->old_start)->start;
      *to = amend_words_token (say->words, TRUE, s->old_end - 1)->end;
      return;
    }
  *from = *to = s->old_start > 0 ? amend_words_token (say->words, TRUE, s->old_start - 1)->end : 0;
}

/* What an insertion puts in, with the space that separates it. */
static char *
inserted_text (Say             *say,
               const AmendSpan *s)
{
  const char *text = amend_words_text (say->words, FALSE);
  guint n = amend_words_n_tokens (say->words, FALSE);
  guint from, to;

  if (has_old (s))
    return new_quote (say, s);
  if (s->old_start > 0 && s->new_start > 0)
    {
      from = amend_words_token (say->words, FALSE, s->new_start - 1)->end;
      to = amend_words_token (say->words, FALSE, s->new_end - 1)->end;
    }
  else
    {
      from = 0;
      to = s->new_end < n ? amend_words_token (say->words, FALSE, s->new_end)->start : strlen (text);
    }
  return g_strndup (text + from, to - from);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const AmendSpan *x = a, *y = b;
  guint xa = x->old_start, ya = y->old_start;

  return xa < ya ? -1 : xa > ya ? 1 : 0;
}

/* The old text with the parts before part @upto applied, and the further
 * occurrences their "tweemaal" says. */
static char *
text_before_part (Say   *say,
                  guint  upto)
{
  const char *old_text = amend_words_text (say->words, TRUE);
  g_autoptr(GArray) applied = g_array_new (FALSE, FALSE, sizeof (AmendSpan));
  GString *out = g_string_new (NULL);
  guint at = 0;
  guint limit = upto < say->spans->len ? span_at (say->spans, upto)->old_start : G_MAXUINT;

  for (guint i = 0; i < upto && i < say->spans->len; i++)
    g_array_append_val (applied, *span_at (say->spans, i));
  for (guint i = 0; i < say->extra->len; i++)
    if (g_array_index (say->extra_of, guint, i) < limit)
      g_array_append_val (applied, *span_at (say->extra, i));
  g_array_sort (applied, compare_start);
  for (guint i = 0; i < applied->len; i++)
    {
      const AmendSpan *s = span_at (applied, i);
      g_autofree char *with = inserted_text (say, s);
      guint from, to;

      old_range (say, s, &from, &to);
      if (from < at)
        continue;
      g_string_append_len (out, old_text + at, from - at);
      g_string_append (out, with);
      at = to;
    }
  g_string_append (out, old_text + at);
  return g_string_free (out, FALSE);
}

/* How often @quote occurs where part @index applies, and in the rest of
 * the element. */
static guint
occurrences (Say        *say,
             guint       index,
             const char *quote)
{
  g_autofree char *current = text_before_part (say, index);

  return count_words (current, quote) + count_words (say->scope_other, quote);
}

/* The same, whatever the case: "de" is once a word in "De burgemeester
 * beslist op de aanvraag", but a reader who looks for it finds two. */
static guint
occurrences_any_case (Say        *say,
                      guint       index,
                      const char *quote)
{
  g_autofree char *current = text_before_part (say, index);
  g_autofree char *folded_current = g_utf8_strdown (current, -1);
  g_autofree char *folded_other = g_utf8_strdown (say->scope_other ? say->scope_other : "", -1);
  g_autofree char *folded_quote = g_utf8_strdown (quote, -1);

  return count_words (folded_current, folded_quote) + count_words (folded_other, folded_quote);
}

/* Whether part @index can take the token on its @left: not one that an
 * earlier "tweemaal" changed already. */
static gboolean
may_extend (Say      *say,
            guint     index,
            gboolean  left)
{
  const AmendSpan *s = span_at (say->spans, index);
  guint edge = left ? s->old_start : s->old_end;

  for (guint i = 0; i < say->extra->len; i++)
    {
      const AmendSpan *e = span_at (say->extra, i);

      if (left ? (e->old_end == edge && e->old_end > e->old_start) : e->old_start == edge)
        return FALSE;
    }
  return TRUE;
}

/* Widens part @index by one word, preferring the side that reads best:
 * a number takes the noun before it ("artikel 14", "onder q"). */
static gboolean
widen_once (Say      *say,
            guint    *index,
            gboolean  prefer_left)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gboolean left = (attempt == 0) == prefer_left;
      guint before = say->spans->len;

      if (!may_extend (say, *index, left))
        continue;
      if (amend_words_extend (say->words, say->spans, index, left))
        {
          if (say->spans->len == before)
            amend_words_widen_whole_one (say->words, say->spans, index);
          return TRUE;
        }
    }
  return FALSE;
}

static const char *const citation_nouns[] = {
  "artikel", "artikelen", "lid", "leden", "onderdeel", "onderdelen", "onder", "hoofdstuk", "paragraaf",
  "afdeling", "titel", "bijlage", "subonderdeel",
};

/* The word before part @index is a noun that a number belongs to, or the
 * part starts with a mark that belongs to that word ("college," rather
 * than ", een"). */
static gboolean
left_is_citation (Say   *say,
                  guint  index)
{
  const AmendSpan *s = span_at (say->spans, index);
  const AmendToken *t;
  g_autofree char *word = NULL;

  if (s->old_start == 0)
    return FALSE;
  t = amend_words_token (say->words, TRUE, s->old_start - 1);
  if (s->old_end > s->old_start && !amend_words_is_word (say->words, TRUE, s->old_start) &&
      t->end == amend_words_token (say->words, TRUE, s->old_start)->start)
    return TRUE;
  word = g_utf8_strdown (amend_words_text (say->words, TRUE) + t->start, t->end - t->start);
  for (guint i = 0; i < G_N_ELEMENTS (citation_nouns); i++)
    if (strcmp (word, citation_nouns[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Which side a quotation grows to first: the noun after a number ("twee
 * maanden"), the words before a word that ends a phrase ("twee weken."),
 * the noun before a number that is cited ("artikel 14"). */
static gboolean
prefers_left (Say   *say,
              guint  index)
{
  const AmendSpan *s = span_at (say->spans, index);
  guint n = amend_words_n_tokens (say->words, TRUE);

  if (left_is_citation (say, index))
    return TRUE;
  return s->old_end >= n || !amend_words_is_word (say->words, TRUE, s->old_end);
}

static char *
quote_of (Say             *say,
          const AmendSpan *s)
{
  return has_old (s) ? old_quote (say, s) : inserted_text (say, s);
}

static gboolean
token_is (Say        *say,
          guint       i,
          const char *word)
{
  const AmendToken *t = amend_words_token (say->words, TRUE, i);

  return t->end - t->start == strlen (word) &&
         g_ascii_strncasecmp (amend_words_text (say->words, TRUE) + t->start, word, t->end - t->start) == 0;
}

/* A label as a citation lists them: "k", "12", "3a". */
static gboolean
token_is_label (Say  *say,
                guint i)
{
  const AmendToken *t = amend_words_token (say->words, TRUE, i);
  const char *text = amend_words_text (say->words, TRUE);

  return amend_words_is_word (say->words, TRUE, i) && t->end - t->start <= 3 &&
         (t->end - t->start == 1 || g_ascii_isdigit (text[t->start]));
}

/* Part @index is a label the last of a list of them: "onder k en q",
 * "de artikelen 3 en 4". */
static gboolean
left_is_enumeration (Say   *say,
                     guint  index)
{
  const AmendSpan *s = span_at (say->spans, index);

  return has_old (s) && s->old_start >= 2 && (token_is (say, s->old_start - 1, "en") ||
                                               token_is (say, s->old_start - 1, "of")) &&
         token_is_label (say, s->old_start - 2);
}

/* Widens every part until what it quotes is a word, not a lone digit,
 * letter or mark.  A label last in a list takes the list, and the noun
 * before it: "onder k en q", not "q, van". */
static void
make_substantial (Say *say)
{
  for (guint i = 0; i < say->spans->len; i++)
    {
      g_autofree char *q = quote_of (say, span_at (say->spans, i));

      if (!is_substantial (q) && left_is_enumeration (say, i) && widen_once (say, &i, TRUE) &&
          widen_once (say, &i, TRUE) && left_is_citation (say, i))
        widen_once (say, &i, TRUE);
    }
  for (guint i = 0; i < say->spans->len; i++)
    for (guint w = 0; w < MAX_WIDEN; w++)
      {
        g_autofree char *q = quote_of (say, span_at (say->spans, i));
        g_autofree char *ins = new_quote (say, span_at (say->spans, i));

        if (has_old (span_at (say->spans, i)) ? is_substantial (q) : is_substantial_insertion (ins))
          break;
        /* Not to a mark first: "hoogste 10 m2", never "10 m2." with the
         * full stop of the sentence. */
        if (!widen_once (say, &i, prefers_left (say, i) || !has_old (span_at (say->spans, i))))
          break;
      }
}

/* The same replacement or deletion at every place its words occur is
 * said once: its further parts move to @extra. */
static void
find_repeats (Say *say)
{
  for (guint i = 0; i < say->spans->len; i++)
    {
      const AmendSpan *s = span_at (say->spans, i);
      g_autofree char *q = old_quote (say, s);
      g_autofree char *r = new_quote (say, s);
      g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (guint));

      if (!has_old (s) || g_hash_table_contains (say->single, q))
        continue;
      for (guint k = i + 1; k < say->spans->len; k++)
        {
          g_autofree char *q2 = old_quote (say, span_at (say->spans, k));
          g_autofree char *r2 = new_quote (say, span_at (say->spans, k));

          if (has_old (span_at (say->spans, k)) && strcmp (q, q2) == 0 && strcmp (r, r2) == 0)
            g_array_append_val (same, k);
        }
      if (same->len == 0 || occurrences (say, i, q) != same->len + 1)
        continue;
      for (guint k = same->len; k > 0; k--)
        {
          guint at = g_array_index (same, guint, k - 1);
          guint leader = span_at (say->spans, i)->old_start;

          g_array_append_val (say->extra, *span_at (say->spans, at));
          g_array_append_val (say->extra_of, leader);
          g_array_remove_index (say->spans, at);
        }
    }
}

static guint
repeats_of (Say   *say,
            guint  index)
{
  guint start = span_at (say->spans, index)->old_start, n = 1;

  for (guint i = 0; i < say->extra_of->len; i++)
    n += g_array_index (say->extra_of, guint, i) == start ? 1 : 0;
  return n;
}

/* Whether the part at @index is a "tweemaal" another part would swallow. */
static gboolean
is_leader_start (Say   *say,
                 guint  old_start)
{
  for (guint i = 0; i < say->extra_of->len; i++)
    if (g_array_index (say->extra_of, guint, i) == old_start)
      return TRUE;
  return FALSE;
}

static char *
lower_word (Say   *say,
            guint  i)
{
  const AmendToken *t = amend_words_token (say->words, TRUE, i);

  return g_utf8_strdown (amend_words_text (say->words, TRUE) + t->start, t->end - t->start);
}

static gboolean
is_citation_noun (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (citation_nouns); i++)
    if (strcmp (word, citation_nouns[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "eerste", "vierde", "achtste", "twintigste": the word before "lid". */
static gboolean
is_ordinal_word (const char *word)
{
  return g_str_has_suffix (word, "de") || g_str_has_suffix (word, "ste");
}

/* Where a quotation that begins at token @a begins when it does not cut a
 * citation apart: "artikel 189, niet" rather than "189, niet", "vierde
 * lid, 3" rather than "lid, 3". Taking a word more keeps it unique. */
static guint
citation_start (Say   *say,
                guint  a)
{
  while (a > 0 && amend_words_is_word (say->words, TRUE, a - 1) && amend_words_is_word (say->words, TRUE, a))
    {
      g_autofree char *here = lower_word (say, a);
      g_autofree char *prev = lower_word (say, a - 1);

      if (!(g_ascii_isdigit (here[0]) && is_citation_noun (prev)) &&
          !((strcmp (here, "lid") == 0 || strcmp (here, "leden") == 0) && is_ordinal_word (prev)))
        break;
      a--;
    }
  return a;
}

/* The anchor of an insertion: the words before it ("na"), or at the very
 * start the words after it ("voor"); as few as make it a unique word, and
 * no citation cut apart. */
static char *
anchor (Say             *say,
        guint            index,
        const AmendSpan *s,
        gboolean        *before)
{
  AmendWords *w = say->words;
  guint n = amend_words_n_tokens (w, TRUE);
  guint a, b;

  *before = s->old_start == 0;
  if (*before)
    {
      a = s->old_end;
      b = MIN (a + 1, n);
    }
  else
    {
      b = s->old_start;
      a = b - 1;
    }
  for (guint step = 0; step < MAX_WIDEN; step++)
    {
      g_autofree char *q = amend_words_slice (w, TRUE, a, b);
      gboolean word_cut = *before ? (b < n && amend_words_token (w, TRUE, b - 1)->end == amend_words_token (w, TRUE, b)->start)
                                  : (a > 0 && amend_words_token (w, TRUE, a - 1)->end == amend_words_token (w, TRUE, a)->start &&
                                     (amend_words_is_word (w, TRUE, a - 1) || amend_words_is_word (w, TRUE, a)));

      if (!word_cut && is_substantial (q) && occurrences_any_case (say, index, q) <= 1)
        {
          guint start = *before ? a : citation_start (say, a);

          if (start == a)
            return g_steal_pointer (&q);
          return amend_words_slice (w, TRUE, start, b);
        }
      if (*before ? b >= n : a == 0)
        return g_steal_pointer (&q);
      if (*before)
        b++;
      else
        a--;
    }
  return amend_words_slice (w, TRUE, a, b);
}

/* Widens part @index until it occurs once. */
static gboolean
make_unique (Say   *say,
             guint *index)
{
  for (guint w = 0; w < MAX_WIDEN; w++)
    {
      AmendSpan *s = span_at (say->spans, *index);
      g_autofree char *q = NULL;
      gboolean left = prefers_left (say, *index) == (w % 2 == 0);
      guint neighbour;

      if (!has_old (s))
        return TRUE; /* an insertion is placed by its anchor */
      q = old_quote (say, s);
      if (occurrences (say, *index, q) <= 1)
        return TRUE;
      /* Widening into a "tweemaal" would take it apart: say it singly. */
      neighbour = left ? *index - 1 : *index + 1;
      if ((left ? *index > 0 : *index + 1 < say->spans->len) &&
          is_leader_start (say, span_at (say->spans, neighbour)->old_start) &&
          (left ? span_at (say->spans, neighbour)->old_end == s->old_start
                : span_at (say->spans, neighbour)->old_start == s->old_end))
        {
          g_autofree char *nq = old_quote (say, span_at (say->spans, neighbour));
          g_hash_table_add (say->single, g_steal_pointer (&nq));
          return FALSE;
        }
      if (!widen_once (say, index, left) && !widen_once (say, index, !left))
        return TRUE;
    }
  return TRUE;
}

static char *
part_text (Say   *say,
           guint  index,
           gboolean *to_end)
{
  const AmendSpan *s = span_at (say->spans, index);
  guint n_old = amend_words_n_tokens (say->words, TRUE);
  guint repeats = repeats_of (say, index);
  g_autofree char *count = amend_wording_times (repeats);
  g_autofree char *times = repeats > 1 ? g_strdup_printf (" %s", count) : g_strdup ("");

  *to_end = FALSE;
  if (has_old (s))
    {
      g_autofree char *q = old_quote (say, s);
      g_autofree char *r = new_quote (say, s);

      if (r[0] == '\0')
        return repeats > 1 ? g_strdup_printf ("vervalt%s \"%s\"", times, q) : g_strdup_printf ("vervalt \"%s\"", q);
      return g_strdup_printf ("wordt \"%s\"%s vervangen door \"%s\"", q, times, r);
    }
  {
    g_autofree char *added = new_quote (say, s);
    gboolean before = FALSE;
    g_autofree char *at = NULL;
    const AmendToken *last = n_old > 0 ? amend_words_token (say->words, TRUE, n_old - 1) : NULL;
    const char *old_text = amend_words_text (say->words, TRUE);

    /* At the end, or before the full stop that ends it; not where more of
     * the element follows the text (an annex's paragraph, a chapter's
     * opening words): "Aan bijlage 1" would put the words after all. */
    if (say->end_is_end && (s->old_start == n_old ||
        (s->old_start + 1 == n_old && last && strchr (".;:", old_text[last->start]) != NULL &&
         last->end == last->start + 1)))
      {
        *to_end = TRUE;
        return g_strdup_printf ("wordt \"%s\" toegevoegd", added);
      }
    at = anchor (say, index, s, &before);
    return g_strdup_printf ("wordt %s \"%s\" ingevoegd \"%s\"", before ? "voor" : "na", at, added);
  }
}

static gboolean
is_plain_deletion (const char *part)
{
  return g_str_has_prefix (part, "vervalt \"");
}

/* Deletions side by side are one verb: "vervallen "..." en "..."". */
static void
join_deletions (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    {
      g_autoptr(GPtrArray) quotes = NULL;
      guint k = i;

      while (k < parts->len && is_plain_deletion (g_ptr_array_index (parts, k)))
        k++;
      if (k - i < 2)
        continue;
      quotes = g_ptr_array_new ();
      for (guint j = i; j < k; j++)
        g_ptr_array_add (quotes, (char *) g_ptr_array_index (parts, j) + strlen ("vervalt "));
      {
        g_autofree char *list = amend_wording_list (quotes);
        char *joined = g_strdup_printf ("vervallen %s", list);

        g_ptr_array_remove_range (parts, i + 1, k - i - 1);
        g_free (g_ptr_array_index (parts, i));
        g_ptr_array_index (parts, i) = joined;
      }
    }
}

static double
changed_share (const char *old_text,
               const char *new_text)
{
  g_autoptr(GArray) pieces = amend_word_diff (old_text, new_text);
  gsize changed = 0, total = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      gsize len = g_utf8_strlen (p->text, -1);

      total += len;
      changed += p->op != AMEND_PIECE_EQUAL ? len : 0;
    }
  return total ? (double) changed / total : 0;
}

static void
say_clear (Say *say)
{
  g_clear_pointer (&say->words, amend_words_free);
  g_clear_pointer (&say->spans, g_array_unref);
  g_clear_pointer (&say->extra, g_array_unref);
  g_clear_pointer (&say->extra_of, g_array_unref);
  g_clear_pointer (&say->single, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Say, say_clear)

static gboolean
same_token (Say  *say,
            guint a,
            guint b)
{
  const char *text = amend_words_text (say->words, TRUE);
  const AmendToken *x = amend_words_token (say->words, TRUE, a);
  const AmendToken *y = amend_words_token (say->words, TRUE, b);

  return x->end - x->start == y->end - y->start && strncmp (text + x->start, text + y->start, x->end - x->start) == 0;
}

static gboolean
is_comma_token (Say  *say,
                guint i)
{
  const char *text = amend_words_text (say->words, TRUE);
  const AmendToken *t = amend_words_token (say->words, TRUE, i);

  return t->end == t->start + 1 && (text[t->start] == ',' || text[t->start] == ';');
}

/* A deletion that could stand a few words further on (the words at its
 * ends repeat) is taken where it begins with its comma, as a drafter
 * quotes a clause: "vervalt ", onderscheidenlijk artikel 89, derde lid""
 * where the word diff found "lid, onderscheidenlijk artikel 89, derde". */
static void
slide_deletions (Say *say)
{
  guint n = amend_words_n_tokens (say->words, TRUE);

  for (guint i = 0; i < say->spans->len; i++)
    {
      AmendSpan *s = span_at (say->spans, i);
      guint lo = i > 0 ? span_at (say->spans, i - 1)->old_end : 0;
      guint hi = i + 1 < say->spans->len ? span_at (say->spans, i + 1)->old_start : n;
      guint left = 0, right = 0;

      if (s->new_end != s->new_start || !has_old (s) || is_comma_token (say, s->old_start))
        continue;
      while (s->old_start - left > lo && same_token (say, s->old_start - left - 1, s->old_end - left - 1))
        left++;
      while (s->old_end + right < hi && same_token (say, s->old_start + right, s->old_end + right))
        right++;
      for (guint k = 1; k <= left; k++)
        if (is_comma_token (say, s->old_start - k))
          {
            s->old_start -= k, s->old_end -= k, s->new_start -= k, s->new_end -= k;
            break;
          }
      if (is_comma_token (say, s->old_start))
        continue;
      for (guint k = 1; k <= right; k++)
        if (is_comma_token (say, s->old_start + k))
          {
            s->old_start += k, s->old_end += k, s->new_start += k, s->new_end += k;
            break;
          }
    }
}

/* The parts, made whole words, substantial and unique; FALSE to start
 * again when a "tweemaal" had to be given up. */
static gboolean
plan (Say *say)
{
  g_clear_pointer (&say->spans, g_array_unref);
  g_array_set_size (say->extra, 0);
  g_array_set_size (say->extra_of, 0);
  say->spans = amend_words_spans (say->words);
  slide_deletions (say);
  amend_words_widen_whole (say->words, say->spans);
  amend_words_merge_close (say->words, say->spans, CLOSE_GAP);
  make_substantial (say);
  amend_words_merge_close (say->words, say->spans, 0);
  find_repeats (say);
  for (guint i = 0; i < say->spans->len; i++)
    if (!is_leader_start (say, span_at (say->spans, i)->old_start) && !make_unique (say, &i))
      return FALSE;
  return TRUE;
}

gboolean
_amend_text_change_say (const char      *old_text,
                        const char      *new_text,
                        const char      *scope_other,
                        gboolean         end_is_end,
                        AmendTextChange *out)
{
  g_auto(Say) say = { 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean to_end = FALSE;

  memset (out, 0, sizeof *out);
  if (changed_share (old_text, new_text) > REWRITE_SHARE)
    return FALSE;
  say.words = amend_words_new (old_text, new_text);
  say.extra = g_array_new (FALSE, FALSE, sizeof (AmendSpan));
  say.extra_of = g_array_new (FALSE, FALSE, sizeof (guint));
  say.single = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  say.scope_other = scope_other ? scope_other : "";
  say.end_is_end = end_is_end;
  for (guint attempt = 0; attempt < 8 && !plan (&say); attempt++)
    ;
  if (say.spans->len == 0 || say.spans->len > MAX_SPANS)
    return FALSE;
  for (guint i = 0; i < say.spans->len; i++)
    g_ptr_array_add (parts, part_text (&say, i, &to_end));
  /* "Aan ... wordt ... toegevoegd" only when it is all. */
  out->to_end = to_end && parts->len == 1;
  if (to_end && parts->len > 1)
    {
      char *last = g_ptr_array_index (parts, parts->len - 1);
      char *with = g_strdup_printf ("wordt aan het slot %s", last + strlen ("wordt "));

      g_ptr_array_index (parts, parts->len - 1) = with;
      g_free (last);
    }
  join_deletions (parts);
  out->predicate = amend_wording_list (parts);
  out->parts = g_steal_pointer (&parts);
  return TRUE;
}

void
_amend_text_change_clear (AmendTextChange *change)
{
  g_clear_pointer (&change->predicate, g_free);
  g_clear_pointer (&change->parts, g_ptr_array_unref);
}
