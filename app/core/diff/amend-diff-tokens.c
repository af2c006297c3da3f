/* amend-diff-tokens.c: the words of a text, each with an id shared by both versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diff compares texts as sequences of word ids (the word diff) and as
 * sets of them (how alike two articles are).  A word gets its id the first
 * time either version has it, so equal words have equal ids.
 */
#include "config.h"

#include <string.h>

#include "amend-diff-tokens-private.h"

/* The words met so far, each with its id (1, 2, ...): an open-addressing
 * table over (bytes, length), so a word is looked up where it stands in
 * the text, without a copy that ends in NUL and without a string hash. */
typedef struct {
  guint hash;
  guint len;
  gsize offset;  /* in bytes */
} Word;

struct _Interner {
  guint   *slots;   /* a word's id, 0 for none */
  guint    mask;
  GArray  *words;   /* of Word; id - 1 */
  GString *bytes;
  guint    ascii[128]; /* the id of each ASCII character alone, 0 until met */
};

Interner *
_amend_interner_new (void)
{
  Interner *in = g_new0 (Interner, 1);

  in->mask = 1023;
  in->slots = g_new0 (guint, in->mask + 1);
  in->words = g_array_new (FALSE, FALSE, sizeof (Word));
  in->bytes = g_string_sized_new (16384);
  return in;
}

void
_amend_interner_free (Interner *in)
{
  g_free (in->slots);
  g_array_unref (in->words);
  g_string_free (in->bytes, TRUE);
  g_free (in);
}

guint
_amend_interner_size (Interner *in)
{
  return in->words->len;
}

/* FNV-1a, a byte at a time, so the tokenizer hashes a word while it
 * finds its end. */
#define FNV_OFFSET 2166136261u
#define FNV_STEP(h, c) (((h) ^ (guchar) (c)) * 16777619u)

static guint
word_hash (const char *p,
           gsize       len)
{
  guint h = FNV_OFFSET;

  for (gsize i = 0; i < len; i++)
    h = FNV_STEP (h, p[i]);
  return h;
}

static void
interner_grow (Interner *in)
{
  guint mask = in->mask * 2 + 1;
  guint *slots = g_new0 (guint, mask + 1);

  for (guint id = 1; id <= in->words->len; id++)
    {
      guint i = g_array_index (in->words, Word, id - 1).hash & mask;

      while (slots[i] != 0)
        i = (i + 1) & mask;
      slots[i] = id;
    }
  g_free (in->slots);
  in->slots = slots;
  in->mask = mask;
}

/* @h: word_hash() of the word. */
static guint
interner_id (Interner   *in,
             const char *p,
             gsize       len,
             guint       h)
{
  guint i = h & in->mask;
  Word w;

  for (; in->slots[i] != 0; i = (i + 1) & in->mask)
    {
      const Word *o = &g_array_index (in->words, Word, in->slots[i] - 1);

      if (o->hash == h && o->len == len && memcmp (in->bytes->str + o->offset, p, len) == 0)
        return in->slots[i];
    }
  w.hash = h;
  w.len = len;
  w.offset = in->bytes->len;
  g_string_append_len (in->bytes, p, len);
  g_array_append_val (in->words, w);
  in->slots[i] = in->words->len;
  if (in->words->len * 2 > in->mask)
    interner_grow (in);
  return in->words->len;
}

/* The end of the word (letters and digits) at @p, which starts one;
 * @hash gets its word_hash(). */
static const char *
word_end (const char *p,
          guint      *hash)
{
  guint h = FNV_OFFSET;

  for (;;)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          if (!g_ascii_isalnum (c))
            break;
          h = FNV_STEP (h, c);
          p++;
        }
      else
        {
          const char *next;

          if (!g_unichar_isalnum (g_utf8_get_char (p)))
            break;
          for (next = g_utf8_next_char (p); p < next; p++)
            h = FNV_STEP (h, *p);
        }
    }
  *hash = h;
  return p;
}

/* The id of the single ASCII character @c, kept at hand: a fifth of the
 * tokens of a text are punctuation. */
static guint
ascii_id (Interner *in,
          char      c)
{
  guint *id = &in->ascii[(guchar) c];

  if (*id == 0)
    *id = interner_id (in, &c, 1, FNV_STEP (FNV_OFFSET, c));
  return *id;
}

/* Words (letters and digits) and single other characters; white space only
 * separates them. */
GArray *
_amend_tokenize (Interner   *interned,
                 const char *text)
{
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), strlen (text) / 5 + 1);
  const char *p = text;
  const char *prev_end = text;
  /* Appended a batch at a time: one GArray call per token was a tenth of
   * comparing two versions whose articles were renumbered. */
  Token batch[128];
  guint n_batch = 0;

  while (*p)
    {
      const char *start = p;
      Token tok;

      /* ASCII by table, the rest through GLib's Unicode tables: the same
       * classes, at a fraction of the cost for Dutch text. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isspace (*p))
            {
              p++;
              continue;
            }
          if (g_ascii_isalnum (*p))
            {
              guint h;

              p = word_end (p, &h);
              tok.id = interner_id (interned, start, p - start, h);
            }
          else
            tok.id = ascii_id (interned, *p++);
        }
      else
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c))
            {
              p = g_utf8_next_char (p);
              continue;
            }
          if (g_unichar_isalnum (c))
            {
              guint h;

              p = word_end (p, &h);
              tok.id = interner_id (interned, start, p - start, h);
            }
          else
            {
              p = g_utf8_next_char (p);
              tok.id = interner_id (interned, start, p - start, word_hash (start, p - start));
            }
        }
      tok.start = prev_end - text;
      tok.end = p - text;
      prev_end = p;
      batch[n_batch++] = tok;
      if (n_batch == G_N_ELEMENTS (batch))
        {
          g_array_append_vals (tokens, batch, n_batch);
          n_batch = 0;
        }
    }
  g_array_append_vals (tokens, batch, n_batch);
  return tokens;
}
