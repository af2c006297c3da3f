/* amend-quote-match.c: finding a short quote again with a bounded edit distance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quote is short (at most AMEND_COMMENT_MAX_QUOTE bytes, with its
 * context some 1,300), the text it is looked for in can be a whole
 * regulation (1.3 MB for 2,000 articles).  Myers' bit-vector algorithm
 * (in Hyyrö's form, blocks of 64 pattern bytes, as the approx-string-match
 * library Hypothesis uses does it) finds the end of the best match in one
 * pass over the text: for a quote with its context of under 128 bytes
 * that is two machine words per byte of text.  Only then is a small
 * dynamic-programming table filled, over the window of that match, to
 * find where it starts and where the quote's own bounds fall in it.
 *
 * Distances count bytes, so a changed accented letter costs two; the
 * bounds are put back on character boundaries.
 */
#include "config.h"

#include <string.h>

#include "amend-quote-match.h"

typedef struct {
  guint64 pv;
  guint64 mv;
  int     score;
} Block;

/* One column of Myers' algorithm for one block; returns the change of the
 * score at the block's last row. */
static inline int
advance_block (Block   *b,
               guint64  eq,
               guint64  last_row,
               int      h_in)
{
  guint64 h_neg = h_in < 0 ? 1 : 0;
  guint64 xv, xh, ph, mh;
  int h_out;

  eq |= h_neg;
  xv = eq | b->mv;
  xh = (((eq & b->pv) + b->pv) ^ b->pv) | eq;
  ph = b->mv | ~(xh | b->pv);
  mh = b->pv & xh;
  h_out = (ph & last_row) ? 1 : (mh & last_row) ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  mh |= h_neg;
  if (h_in > 0)
    ph |= 1;
  b->pv = mh | ~(xv | ph);
  b->mv = ph & xv;
  return h_out;
}

/* The end of the first substring of @text with the fewest edits to
 * @pattern, and that number. */
static void
myers_best_end (const guchar *text,
                gsize         n,
                const guchar *pattern,
                gsize         m,
                gsize        *best_end,
                guint        *best_score)
{
  guint nb = (m + 63) / 64;
  g_autofree guint64 *peq = g_new0 (guint64, 256 * (gsize) nb);
  g_autofree Block *blocks = g_new (Block, nb);
  guint64 last_bit = G_GUINT64_CONSTANT (1) << ((m - 1) % 64);

  for (gsize i = 0; i < m; i++)
    peq[pattern[i] * nb + i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
  for (guint b = 0; b < nb; b++)
    {
      blocks[b].pv = ~G_GUINT64_CONSTANT (0);
      blocks[b].mv = 0;
      blocks[b].score = b + 1 < nb ? (int) (b + 1) * 64 : (int) m;
    }
  *best_score = m;
  *best_end = 0;
  for (gsize j = 0; j < n; j++)
    {
      const guint64 *eqs = peq + text[j] * nb;
      int h = 0;

      /* The first row is all zeros: a match may start anywhere. */
      for (guint b = 0; b < nb; b++)
        {
          h = advance_block (&blocks[b], eqs[b], b + 1 < nb ? G_GUINT64_CONSTANT (1) << 63 : last_bit, h);
          blocks[b].score += h;
        }
      if ((guint) blocks[nb - 1].score < *best_score)
        {
          *best_score = blocks[nb - 1].score;
          *best_end = j + 1;
        }
    }
}

/* The table of edit distances of @pattern against @text, with the start
 * free (any column of row 0 costs nothing) or fixed; then the way back
 * from the bottom right corner.  @positions[k] gets the column where the
 * alignment crosses row @marks[k]: the last column for a mark at the
 * start of the pattern's part, the first for one at its end, so that
 * inserted text next to a bound falls outside it. */
static gboolean
trace (const guchar *text,
       gsize         w,
       const guchar *pattern,
       gsize         m,
       gboolean      free_start,
       const gsize  *marks,
       gsize        *positions,
       guint         n_marks,
       gsize        *start)
{
  gsize cols = w + 1;
  g_autofree guint16 *d = NULL;
  gsize i = m, j = w;

  if (m > 4096 || w > 8192)
    return FALSE;
  d = g_new (guint16, (m + 1) * cols);
  for (gsize c = 0; c <= w; c++)
    d[c] = free_start ? 0 : c;
  for (gsize r = 1; r <= m; r++)
    {
      guint16 *row = d + r * cols, *up = row - cols;

      row[0] = r;
      for (gsize c = 1; c <= w; c++)
        {
          guint16 best = up[c - 1] + (pattern[r - 1] != text[c - 1]);

          best = MIN (best, up[c] + 1);
          row[c] = MIN (best, row[c - 1] + 1);
        }
    }
  for (guint k = 0; k < n_marks; k++)
    positions[k] = G_MAXSIZE;
  for (;;)
    {
      for (guint k = 0; k < n_marks; k++)
        if (marks[k] == i)
          positions[k] = (k % 2 == 0 && positions[k] != G_MAXSIZE) ? positions[k] : j;
      if (i == 0 && (free_start || j == 0))
        break;
      if (i > 0 && j > 0 && d[i * cols + j] == d[(i - 1) * cols + j - 1] + (pattern[i - 1] != text[j - 1]))
        i--, j--;
      else if (i > 0 && d[i * cols + j] == d[(i - 1) * cols + j] + 1)
        i--;
      else
        j--;
    }
  *start = j;
  return TRUE;
}

static gsize
char_start (const char *text,
            gsize       pos)
{
  while (pos > 0 && ((guchar) text[pos] & 0xc0) == 0x80)
    pos--;
  return pos;
}

static gsize
char_end (const char *text,
          gsize       len,
          gsize       pos)
{
  while (pos < len && ((guchar) text[pos] & 0xc0) == 0x80)
    pos++;
  return pos;
}

/**
 * amend_quote_match:
 *
 * Finds the substring of @text that @pattern turns into with the fewest
 * insertions, deletions and substitutions, when that is at most
 * @max_errors; the first one when several are as good.
 */
gboolean
amend_quote_match (const char      *text,
                   gsize            text_len,
                   const char      *pattern,
                   gsize            pattern_len,
                   guint            max_errors,
                   AmendQuoteMatch *match)
{
  gsize end, window, start;
  guint score;

  if (pattern_len == 0 || text_len == 0)
    return FALSE;
  myers_best_end ((const guchar *) text, text_len, (const guchar *) pattern, pattern_len, &end, &score);
  if (score > max_errors || end == 0)
    return FALSE;
  /* A match of @score errors is at most pattern_len + score bytes long. */
  window = MIN (end, pattern_len + score);
  if (!trace ((const guchar *) text + end - window, window, (const guchar *) pattern, pattern_len,
              TRUE, NULL, NULL, 0, &start))
    return FALSE;
  match->start = char_start (text, end - window + start);
  match->end = char_end (text, text_len, end);
  match->errors = score;
  return TRUE;
}

/**
 * amend_quote_align:
 * @marks: offsets in @pattern, in pairs: the start and the end of a part
 * @positions: (out): the offsets in @text they align with
 *
 * Aligns all of @pattern with all of @text (a match found before) and
 * says where the bounds of a part of the pattern (the quote within its
 * context) fall in the text.
 */
gboolean
amend_quote_align (const char  *text,
                   gsize        text_len,
                   const char  *pattern,
                   gsize        pattern_len,
                   const gsize *marks,
                   gsize       *positions,
                   guint        n_marks)
{
  gsize start;

  if (!trace ((const guchar *) text, text_len, (const guchar *) pattern, pattern_len,
              FALSE, marks, positions, n_marks, &start))
    return FALSE;
  for (guint k = 0; k < n_marks; k++)
    positions[k] = k % 2 == 0 ? char_start (text, MIN (positions[k], text_len))
                              : char_end (text, text_len, positions[k]);
  for (guint k = 1; k < n_marks; k += 2)
    positions[k] = MAX (positions[k], positions[k - 1]);
  return TRUE;
}

/* Levenshtein distance of two short strings, in bytes. */
guint
amend_edit_distance (const char *a,
                     gsize       a_len,
                     const char *b,
                     gsize       b_len)
{
  g_autofree guint *row = g_new (guint, b_len + 1);
  guint result;

  for (gsize j = 0; j <= b_len; j++)
    row[j] = j;
  for (gsize i = 1; i <= a_len; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= b_len; j++)
        {
          guint up = row[j];
          guint best = diag + (a[i - 1] != b[j - 1]);

          best = MIN (best, up + 1);
          row[j] = MIN (best, row[j - 1] + 1);
          diag = up;
        }
    }
  result = row[b_len];
  return result;
}
