/* amend-cmark-arena.c: cmark's trees in one arena, dropped at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A regulation of 8,000 articles is a quarter of a million cmark nodes,
 * buffers and iterators, each allocated and later freed on its own: a
 * fifth of reading it went to malloc and free.  The reader only looks at
 * a tree until it has made its part of the model, so cmark's parser is
 * given its own allocator (cmark_mem, which cmark offers for this): memory
 * is taken by moving a pointer through large blocks, freeing is nothing,
 * and the whole tree goes at once when the reader is done with it
 * (_amend_cmark_arena_reset()).  cmark's allocator functions get no
 * context, so they use the arena the thread is parsing or reading with,
 * which every call below sets and restores.
 *
 * A buffer that grows (cmark's strbuf) grows in place when it is the last
 * allocation, which is how cmark fills a paragraph line by line; otherwise
 * it is copied and its old bytes stay until the reset.
 *
 * The blocks are kept for the next tree: after a reset (the next piece of
 * a large text) and, in one arena a thread keeps, for the next text (the
 * other side of a diff).  A fresh block is memory the kernel has to give
 * page by page; giving the blocks back after every piece made reading an
 * 8,000-article text take 5,800 page faults more than with malloc.
 */
#include "config.h"

#include <string.h>

#include "amend-cmark-arena.h"

/* GCC says so with __SANITIZE_ADDRESS__, clang (the fuzzers) with
 * __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

#define BLOCK_SIZE (1024 * 1024)
/* A piece of 256 KB takes two blocks; a text read whole (one that cannot
 * be cut) takes seven times its size, which is not kept. */
#define MAX_SPARE 4
#define ALIGN 16

/* Before each allocation: its size, for realloc's copy. */
typedef struct {
  gsize size;
  gsize pad;
} Header;

G_STATIC_ASSERT (sizeof (Header) == ALIGN);

typedef struct _Block Block;
struct _Block {
  Block *next;
  gsize  size;   /* bytes in data */
  gsize  used;
  char  *last;   /* the last allocation's data, for growing in place */
  gsize  pad;
  char   data[];
};

struct _AmendCmarkArena {
  Block *blocks;   /* the current block first */
  Block *spare;    /* blocks of BLOCK_SIZE for after the current one */
  struct _AmendCmarkArena *outer;  /* the thread's arena before this one's parse */
  gboolean in_use;
  guint  n_spare;
  gsize  total;
};

static _Thread_local AmendCmarkArena *current;

static void arena_destroy (gpointer data);

/* One arena a thread keeps between texts. */
static GPrivate kept = G_PRIVATE_INIT (arena_destroy);

static Block *
block_new (gsize size)
{
  Block *b = g_malloc (sizeof (Block) + size);

  b->next = NULL;
  b->size = size;
  b->used = 0;
  b->last = NULL;
  return b;
}

static gsize
round_up (gsize n)
{
  return (n + ALIGN - 1) & ~(gsize) (ALIGN - 1);
}

/* A large allocation gets a block of its own behind the current one, so
 * the current block's room is not given up for it. */
static void *
take (AmendCmarkArena *arena,
      gsize            size)
{
  gsize need = sizeof (Header) + round_up (size);
  Block *b = arena->blocks;
  Header *h;

  if (need > BLOCK_SIZE / 4)
    {
      Block *big = block_new (need);

      if (b == NULL)
        arena->blocks = big;
      else
        {
          big->next = b->next;
          b->next = big;
        }
      b = big;
    }
  else if (b == NULL || b->size - b->used < need)
    {
      if (arena->spare)
        {
          b = arena->spare;
          arena->spare = b->next;
          arena->n_spare--;
        }
      else
        b = block_new (BLOCK_SIZE);
      b->next = arena->blocks;
      arena->blocks = b;
    }
  h = (Header *) (b->data + b->used);
  h->size = size;
  b->used += need;
  b->last = (char *) (h + 1);
  arena->total += need;
  return h + 1;
}

static void *
arena_calloc (size_t n,
              size_t size)
{
  void *p;

  g_assert (current != NULL);
  if (size != 0 && n > G_MAXSIZE / 2 / size)
    g_error ("cmark asked for %zu times %zu bytes", n, size);
  p = take (current, n * size);
  memset (p, 0, n * size);
  return p;
}

static gboolean
grow_in_place (Block *b,
               char  *p,
               gsize  size)
{
  Header *h = (Header *) p - 1;
  gsize start = (char *) h - b->data;

  if (b->last != p || start + sizeof (Header) + round_up (size) > b->size)
    return FALSE;
  b->used = start + sizeof (Header) + round_up (size);
  h->size = size;
  return TRUE;
}

static void *
arena_realloc (void   *p,
               size_t  size)
{
  Header *h;
  void *copy;

  g_assert (current != NULL);
  if (p == NULL)
    return take (current, size);
  if (current->blocks && grow_in_place (current->blocks, p, size))
    return p;
  h = (Header *) p - 1;
  copy = take (current, size);
  memcpy (copy, p, MIN (h->size, size));
  return copy;
}

static void
arena_free (void *p)
{
  /* Everything goes at the reset. */
}

static cmark_mem arena_mem = { arena_calloc, arena_realloc, arena_free };

AmendCmarkArena *
_amend_cmark_arena_new (void)
{
  AmendCmarkArena *arena = g_private_get (&kept);

  if (arena)
    {
      g_private_set (&kept, NULL);
      return arena;
    }
  return g_new0 (AmendCmarkArena, 1);
}

static void
free_blocks (Block *b)
{
  while (b)
    {
      Block *next = b->next;

      g_free (b);
      b = next;
    }
}

/* Drops every tree parsed in @arena, which is no longer the thread's. */
void
_amend_cmark_arena_reset (AmendCmarkArena *arena)
{
  Block *b = arena->blocks;

  /* A text read while another was being read (nothing does that
   * today) gives the thread back the outer text's arena. */
  if (arena->in_use)
    {
      if (current == arena)
        current = arena->outer;
      arena->outer = NULL;
      arena->in_use = FALSE;
    }
  arena->blocks = NULL;
  arena->total = 0;
  while (b)
    {
      Block *next = b->next;

#ifdef SANITIZED
      /* Every block goes back to malloc, so that AddressSanitizer reports
       * a node read after its tree was dropped. */
      g_free (b);
#else
      if (b->size != BLOCK_SIZE || arena->n_spare >= MAX_SPARE)
        g_free (b);
      else
        {
          b->used = 0;
          b->last = NULL;
          b->next = arena->spare;
          arena->spare = b;
          arena->n_spare++;
        }
#endif
      b = next;
    }
}

static void
arena_destroy (gpointer data)
{
  AmendCmarkArena *arena = data;

  free_blocks (arena->blocks);
  free_blocks (arena->spare);
  g_free (arena);
}

/* @arena is kept for the thread's next text, unless it keeps one already. */
void
_amend_cmark_arena_free (AmendCmarkArena *arena)
{
  if (arena == NULL)
    return;
  _amend_cmark_arena_reset (arena);
#ifndef SANITIZED
  if (g_private_get (&kept) == NULL)
    {
      g_private_set (&kept, arena);
      return;
    }
#endif
  arena_destroy (arena);
}

/* The bytes the trees since the last reset took. */
gsize
_amend_cmark_arena_size (AmendCmarkArena *arena)
{
  return arena->total;
}

/* The tree's nodes allocate while they are read too (an iterator, a
 * literal made into a C string), so the arena stays the thread's for as
 * long as the tree lives: until the reset.  The tree must not be freed
 * with cmark_node_free() (that would be harmless, and only slow). */
cmark_node *
_amend_cmark_arena_parse (AmendCmarkArena *arena,
                          const char      *text,
                          gsize            len,
                          int              options)
{
  cmark_parser *parser;
  cmark_node *doc;

  if (!arena->in_use)
    {
      arena->outer = current;
      arena->in_use = TRUE;
    }
  current = arena;
  parser = cmark_parser_new_with_mem (options, &arena_mem);
  cmark_parser_feed (parser, text, len);
  doc = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return doc;
}
