/* amend-words.c: the words of two versions of a text, aligned, as a reader sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legal diff compares texts token by token: "10.30" is three tokens,
 * "weken," two.  A reader sees words: the instructions quote whole words
 * ("10.30", never "30" cut out of it) and the renvooi strikes and
 * underlines whole words.  This aligns the tokens of two texts from the
 * word diff and widens its changes to the words they fall in.
 */
#include "config.h"

#include <string.h>

#include "amend-words.h"

struct _AmendWords
{
  char   *text[2];     /* [0] new, [1] old: indexed by old_side */
  GArray *tokens[2];   /* of AmendToken */
  GArray *partner[2];  /* of int: the equal token on the other side, or -1 */
};

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (AmendToken));
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      AmendToken tok;

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      tok.start = p - text;
      if (is_word_char (c))
        while (*p && is_word_char (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
      else
        p = g_utf8_next_char (p);
      tok.end = p - text;
      g_array_append_val (tokens, tok);
    }
  return tokens;
}

static guint
count_tokens (const char *text)
{
  g_autoptr(GArray) tokens = tokenize (text);

  return tokens->len;
}

static GArray *
unpaired (guint n)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (int), n);

  for (guint i = 0; i < n; i++)
    {
      int none = -1;
      g_array_append_val (a, none);
    }
  return a;
}

/**
 * amend_words_new:
 *
 * Aligns the tokens of @old_text and @new_text by the word diff.
 */
AmendWords *
amend_words_new (const char *old_text,
                 const char *new_text)
{
  AmendWords *self = g_new0 (AmendWords, 1);
  g_autoptr(GArray) pieces = amend_word_diff (old_text, new_text);
  guint o = 0, n = 0;

  self->text[TRUE] = g_strdup (old_text);
  self->text[FALSE] = g_strdup (new_text);
  for (int side = 0; side < 2; side++)
    {
      self->tokens[side] = tokenize (self->text[side]);
      self->partner[side] = unpaired (self->tokens[side]->len);
    }
  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      guint k = count_tokens (p->text);

      if (p->op == AMEND_PIECE_EQUAL)
        for (guint t = 0; t < k && o < self->tokens[TRUE]->len && n < self->tokens[FALSE]->len; t++, o++, n++)
          {
            g_array_index (self->partner[TRUE], int, o) = n;
            g_array_index (self->partner[FALSE], int, n) = o;
          }
      else if (p->op == AMEND_PIECE_DELETED)
        o += k;
      else
        n += k;
    }
  return self;
}

void
amend_words_free (AmendWords *self)
{
  if (self == NULL)
    return;
  for (int side = 0; side < 2; side++)
    {
      g_free (self->text[side]);
      g_array_unref (self->tokens[side]);
      g_array_unref (self->partner[side]);
    }
  g_free (self);
}

const char *
amend_words_text (AmendWords *self,
                  gboolean    old_side)
{
  return self->text[!!old_side];
}

guint
amend_words_n_tokens (AmendWords *self,
                      gboolean    old_side)
{
  return self->tokens[!!old_side]->len;
}

const AmendToken *
amend_words_token (AmendWords *self,
                   gboolean    old_side,
                   guint       index)
{
  return &g_array_index (self->tokens[!!old_side], AmendToken, index);
}

/* Whether token @index is letters and digits rather than a mark. */
gboolean
amend_words_is_word (AmendWords *self,
                     gboolean    old_side,
                     guint       index)
{
  const AmendToken *t = amend_words_token (self, old_side, index);

  return is_word_char (g_utf8_get_char (self->text[!!old_side] + t->start));
}

/* Tokens @a and @a + 1 touch: no white space between them. */
static gboolean
glued (AmendWords *self,
       gboolean    old_side,
       guint       a)
{
  GArray *tokens = self->tokens[!!old_side];

  return a + 1 < tokens->len &&
         g_array_index (tokens, AmendToken, a).end == g_array_index (tokens, AmendToken, a + 1).start;
}

static int
partner_of (AmendWords *self,
            gboolean    old_side,
            guint       index)
{
  return g_array_index (self->partner[!!old_side], int, index);
}

static gboolean
same_token (AmendWords *self,
            gboolean    old_side,
            guint       a,
            guint       b)
{
  const AmendToken *x = amend_words_token (self, old_side, a);
  const AmendToken *y = amend_words_token (self, old_side, b);

  return x->end - x->start == y->end - y->start &&
         memcmp (self->text[!!old_side] + x->start, self->text[!!old_side] + y->start, x->end - x->start) == 0;
}

/* Words that only went (or only came) can often stand one word further
 * left as well: in "twee weken of twee maanden" the words that went are
 * "twee weken of" as much as "weken of twee".  The leftmost reading is
 * the one a reader makes. */
static void
slide_left (AmendWords *self,
            AmendSpan  *s)
{
  gboolean side = s->old_end > s->old_start;

  if ((s->old_end > s->old_start) == (s->new_end > s->new_start))
    return;
  for (;;)
    {
      guint start = side ? s->old_start : s->new_start;
      guint end = side ? s->old_end : s->new_end;
      int other;

      if (start == 0 || !same_token (self, side, start - 1, end - 1))
        return;
      other = partner_of (self, side, start - 1);
      if (other < 0)
        return;
      g_array_index (self->partner[!!side], int, start - 1) = -1;
      g_array_index (self->partner[!!side], int, end - 1) = other;
      g_array_index (self->partner[!side], int, other) = end - 1;
      if (side)
        {
          s->old_start--, s->old_end--;
          s->new_start--, s->new_end--;
        }
      else
        {
          s->new_start--, s->new_end--;
          s->old_start--, s->old_end--;
        }
    }
}

/**
 * amend_words_spans:
 *
 * Returns: (transfer full) (element-type AmendSpan): the stretches that
 *   changed, in order, each between tokens that stayed.
 */
GArray *
amend_words_spans (AmendWords *self)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (AmendSpan));
  guint no = self->tokens[TRUE]->len, nn = self->tokens[FALSE]->len;
  guint o = 0, n = 0;

  while (o < no || n < nn)
    {
      AmendSpan span;

      if (o < no && n < nn && partner_of (self, TRUE, o) == (int) n)
        {
          o++, n++;
          continue;
        }
      span.old_start = o;
      span.new_start = n;
      while (o < no && partner_of (self, TRUE, o) < 0)
        o++;
      while (n < nn && partner_of (self, FALSE, n) < 0)
        n++;
      span.old_end = o;
      span.new_end = n;
      if (span.old_end == span.old_start && span.new_end == span.new_start)
        {
          /* Should not happen with a consistent alignment; step on. */
          o++, n++;
          continue;
        }
      slide_left (self, &span);
      g_array_append_val (spans, span);
    }
  return spans;
}

static AmendSpan *
span_at (GArray *spans,
         guint   index)
{
  return &g_array_index (spans, AmendSpan, index);
}

/* Merges span @index with the one after it. */
static void
merge_next (GArray *spans,
            guint   index)
{
  AmendSpan *a = span_at (spans, index), *b = span_at (spans, index + 1);

  a->old_end = b->old_end;
  a->new_end = b->new_end;
  g_array_remove_index (spans, index + 1);
}

/**
 * amend_words_extend:
 * @index: (inout): the span; it may move down when it merges with the one
 *   before it
 *
 * Takes one more token into span @index, on its left or right: a token
 * that stayed, or the neighbouring span when they touch.
 *
 * Returns: %FALSE at the edge of the text.
 */
gboolean
amend_words_extend (AmendWords *self,
                    GArray     *spans,
                    guint      *index,
                    gboolean    left)
{
  AmendSpan *s = span_at (spans, *index);

  if (left)
    {
      if (*index > 0)
        {
          AmendSpan *prev = span_at (spans, *index - 1);
          if (prev->old_end == s->old_start && prev->new_end == s->new_start)
            {
              merge_next (spans, *index - 1);
              (*index)--;
              return TRUE;
            }
        }
      if (s->old_start == 0 || s->new_start == 0)
        return FALSE;
      s->old_start--;
      s->new_start--;
      return TRUE;
    }
  if (*index + 1 < spans->len)
    {
      AmendSpan *next = span_at (spans, *index + 1);
      if (next->old_start == s->old_end && next->new_start == s->new_end)
        {
          merge_next (spans, *index);
          return TRUE;
        }
    }
  if (s->old_end >= self->tokens[TRUE]->len || s->new_end >= self->tokens[FALSE]->len)
    return FALSE;
  s->old_end++;
  s->new_end++;
  return TRUE;
}


/* A mark inside a word: "10.30", "1:2", "huis-aan-huis". */
static gboolean
is_internal_mark (AmendWords *self,
                  gboolean    old_side,
                  guint       i)
{
  return !amend_words_is_word (self, old_side, i) && i > 0 && glued (self, old_side, i - 1) &&
         glued (self, old_side, i) && amend_words_is_word (self, old_side, i - 1) &&
         amend_words_is_word (self, old_side, i + 1);
}

/* Letters and digits, or a mark inside a word: a part of a word. */
static gboolean
in_word (AmendWords *self,
         gboolean    old_side,
         guint       i)
{
  return amend_words_is_word (self, old_side, i) || is_internal_mark (self, old_side, i);
}

/* The side whose tokens tell where the span's words end: the old one,
 * unless the span has only new tokens. */
static gboolean
side_of (const AmendSpan *s)
{
  return s->old_end > s->old_start;
}

/* Whether the token just outside the span, on @left, is part of the same
 * word as the span's edge: "10.30" is one word, "weken," is a word and a
 * comma. */
static gboolean
continues_word (AmendWords      *self,
                const AmendSpan *s,
                gboolean         left)
{
  gboolean side = side_of (s);
  guint start = side ? s->old_start : s->new_start;
  guint end = side ? s->old_end : s->new_end;
  guint n = self->tokens[!!side]->len;

  if (left)
    return start > 0 && glued (self, side, start - 1) && in_word (self, side, start) &&
           in_word (self, side, start - 1);
  return end > 0 && end < n && glued (self, side, end - 1) && in_word (self, side, end - 1) &&
         in_word (self, side, end);
}

/* A span of marks alone (a comma that became a semicolon) takes the word
 * it touches, so that the change can be seen and quoted. */
static gboolean
only_marks (AmendWords      *self,
            const AmendSpan *s)
{
  for (guint i = s->old_start; i < s->old_end; i++)
    if (amend_words_is_word (self, TRUE, i))
      return FALSE;
  for (guint i = s->new_start; i < s->new_end; i++)
    if (amend_words_is_word (self, FALSE, i))
      return FALSE;
  return TRUE;
}

/**
 * amend_words_widen_whole_one:
 * @index: (inout): the span; it moves down when it merges with the one
 *   before it
 *
 * Widens one span to the whole words it touches, merging it with spans
 * it meets.
 */
void
amend_words_widen_whole_one (AmendWords *self,
                             GArray     *spans,
                             guint      *index)
{
  gboolean moved = TRUE;

  while (moved)
    {
      AmendSpan *s = span_at (spans, *index);
      gboolean side = side_of (s);
      guint start = side ? s->old_start : s->new_start;
      guint end = side ? s->old_end : s->new_end;

      moved = FALSE;
      if (continues_word (self, s, TRUE))
        moved = amend_words_extend (self, spans, index, TRUE);
      else if (continues_word (self, s, FALSE))
        moved = amend_words_extend (self, spans, index, FALSE);
      else if (only_marks (self, s) && start > 0 && glued (self, side, start - 1))
        moved = amend_words_extend (self, spans, index, TRUE);
      else if (only_marks (self, s) && end > 0 && end < self->tokens[!!side]->len && glued (self, side, end - 1))
        moved = amend_words_extend (self, spans, index, FALSE);
    }
}

/**
 * amend_words_widen_whole:
 *
 * Widens every span to the whole words it touches, merging spans that
 * meet.
 */
void
amend_words_widen_whole (AmendWords *self,
                         GArray     *spans)
{
  for (guint i = 0; i < spans->len; i++)
    amend_words_widen_whole_one (self, spans, &i);
}

/* Merges spans with at most @max_gap tokens that stayed between them:
 * "1 januari 01.00" changed in two places is said as one. */
void
amend_words_merge_close (AmendWords *self,
                         GArray     *spans,
                         guint       max_gap)
{
  for (guint i = 0; i + 1 < spans->len; )
    {
      AmendSpan *a = span_at (spans, i), *b = span_at (spans, i + 1);

      if (b->old_start - a->old_end <= max_gap)
        {
          a->old_end = b->old_end;
          a->new_end = b->new_end;
          g_array_remove_index (spans, i + 1);
          continue;
        }
      i++;
    }
}

/**
 * amend_words_slice:
 *
 * Returns: the text from the start of token @from to the end of token
 *   @to - 1, exactly as written; empty when @from == @to.
 */
char *
amend_words_slice (AmendWords *self,
                   gboolean    old_side,
                   guint       from,
                   guint       to)
{
  GArray *tokens = self->tokens[!!old_side];
  guint a, b;

  if (to <= from || to > tokens->len)
    return g_strdup ("");
  a = g_array_index (tokens, AmendToken, from).start;
  b = g_array_index (tokens, AmendToken, to - 1).end;
  return g_strndup (self->text[!!old_side] + a, b - a);
}

static void
add_piece (GArray       *pieces,
           AmendPieceOp  op,
           const char   *text,
           gsize         len)
{
  AmendPiece piece;

  if (len == 0)
    return;
  if (pieces->len > 0 && g_array_index (pieces, AmendPiece, pieces->len - 1).op == op)
    {
      AmendPiece *last = &g_array_index (pieces, AmendPiece, pieces->len - 1);
      char *joined = g_strdup_printf ("%s%.*s", last->text, (int) len, text);

      g_free (last->text);
      last->text = joined;
      return;
    }
  piece.op = op;
  piece.text = g_strndup (text, len);
  g_array_append_val (pieces, piece);
}

static void
clear_piece (gpointer data)
{
  g_free (((AmendPiece *) data)->text);
}

/* Where in the new text a span stands: its first new token, or for words
 * that only went, just after the word before them. */
static guint
new_position (AmendWords      *self,
              const AmendSpan *s)
{
  if (s->new_end > s->new_start)
    return amend_words_token (self, FALSE, s->new_start)->start;
  if (s->new_start == 0)
    return 0;
  return amend_words_token (self, FALSE, s->new_start - 1)->end;
}

/* The white space before old token @index, as written. */
static gsize
space_before (AmendWords *self,
              guint       index)
{
  guint start = amend_words_token (self, TRUE, index)->start;
  guint prev = index > 0 ? amend_words_token (self, TRUE, index - 1)->end : 0;

  return start - prev;
}

/**
 * amend_words_renvooi:
 *
 * Returns: (transfer full) (element-type AmendPiece): the pieces to show,
 *   with the changes widened to whole words; equal pieces spell the new
 *   text, but for the space that keeps a deleted word apart from the new
 *   one that replaces it or from the word after it.
 */
GArray *
amend_words_renvooi (AmendWords *self)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (AmendPiece));
  g_autoptr(GArray) spans = amend_words_spans (self);
  const char *old_text = self->text[TRUE], *new_text = self->text[FALSE];
  guint done = 0;  /* bytes of the new text written */

  g_array_set_clear_func (pieces, clear_piece);
  amend_words_widen_whole (self, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const AmendSpan *s = span_at (spans, i);
      /* Spans widened to whole words may reach into each other in the new
       * text: what was written is not written again (nor a negative
       * length, which took gigabytes: found by fuzz-diff). */
      guint at = MAX (new_position (self, s), done);
      gboolean has_old = s->old_end > s->old_start, has_new = s->new_end > s->new_start;

      add_piece (pieces, AMEND_PIECE_EQUAL, new_text + done, at - done);
      done = at;
      if (has_old)
        {
          const AmendToken *a = amend_words_token (self, TRUE, s->old_start);
          const AmendToken *b = amend_words_token (self, TRUE, s->old_end - 1);

          /* A word that went keeps the space before it, when something
           * stands before it, and the one after it at the very start. */
          if (!has_new && at > 0 && space_before (self, s->old_start) > 0 &&
              !g_ascii_isspace (new_text[at - 1]))
            add_piece (pieces, AMEND_PIECE_EQUAL, old_text + a->start - space_before (self, s->old_start),
                       space_before (self, s->old_start));
          add_piece (pieces, AMEND_PIECE_DELETED, old_text + a->start, b->end - a->start);
          if (has_new || (at == 0 && new_text[0] != '\0'))
            add_piece (pieces, AMEND_PIECE_EQUAL, " ", 1);
        }
      if (has_new)
        {
          const AmendToken *b = amend_words_token (self, FALSE, s->new_end - 1);

          if (b->end > at)
            add_piece (pieces, AMEND_PIECE_INSERTED, new_text + at, b->end - at);
          done = MAX (done, b->end);
        }
    }
  add_piece (pieces, AMEND_PIECE_EQUAL, new_text + done, strlen (new_text) - done);
  return pieces;
}

GArray *
amend_words_renvooi_pieces (const char *old_text,
                            const char *new_text)
{
  g_autoptr(AmendWords) words = amend_words_new (old_text ? old_text : "", new_text ? new_text : "");

  return amend_words_renvooi (words);
}

/* Where the white space before token @index begins. */
static guint
space_start (AmendWords *self,
             gboolean    old_side,
             guint       index)
{
  return index > 0 ? amend_words_token (self, old_side, index - 1)->end : 0;
}

/**
 * amend_words_whole_diff:
 *
 * The word diff of two texts, as amend_word_diff() gives it (equal and
 * inserted pieces spell the new text, deleted ones come from the old, each
 * with the white space before it), but with every change widened to the
 * whole words it touches: "10.30" replaced whole, not "30".
 *
 * Returns: (transfer full) (element-type AmendPiece)
 */
GArray *
amend_words_whole_diff (const char *old_text,
                        const char *new_text)
{
  g_autoptr(AmendWords) self = amend_words_new (old_text ? old_text : "", new_text ? new_text : "");
  g_autoptr(GArray) spans = amend_words_spans (self);
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (AmendPiece));
  const char *o = self->text[TRUE], *n = self->text[FALSE];
  guint n_old = self->tokens[TRUE]->len;
  guint done = 0;

  g_array_set_clear_func (pieces, clear_piece);
  amend_words_widen_whole (self, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const AmendSpan *s = span_at (spans, i);
      guint at = space_start (self, FALSE, s->new_start);

      if (s->new_end == s->new_start && s->new_start < self->tokens[FALSE]->len)
        at = space_start (self, FALSE, s->new_start);
      add_piece (pieces, AMEND_PIECE_EQUAL, n + done, at > done ? at - done : 0);
      done = MAX (done, at);
      if (s->old_end > s->old_start)
        {
          guint from = space_start (self, TRUE, s->old_start);
          guint to = amend_words_token (self, TRUE, s->old_end - 1)->end;

          /* Deleted words at the very start take the space after them,
           * so that what remains does not start with one. */
          if (s->old_start == 0 && s->new_end == s->new_start && s->old_end < n_old)
            to = amend_words_token (self, TRUE, s->old_end)->start;
          add_piece (pieces, AMEND_PIECE_DELETED, o + from, to - from);
        }
      if (s->new_end > s->new_start)
        {
          guint to = amend_words_token (self, FALSE, s->new_end - 1)->end;

          add_piece (pieces, AMEND_PIECE_INSERTED, n + done, to - done);
          done = to;
        }
    }
  add_piece (pieces, AMEND_PIECE_EQUAL, n + done, strlen (n) - done);
  return pieces;
}
