/* amend-diff.c: the legal diff between two versions of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A council member reads what changed in which article, member and point,
 * not which lines.  The diff therefore pairs the nodes of the two trees
 * first and compares text only within a pair:
 *
 *  - articles are paired over the whole regulation, since an amendment may
 *    move an article to another chapter; other nodes among their siblings;
 *  - a pair is found, in this order, by identical number and content, by
 *    identical content under another number (renumbered or moved), by the
 *    same number with a similar text, by a similar text under another
 *    number, and last by the same number alone ("komt te luiden");
 *  - among the pairs that stay under the same parent, the longest run in
 *    the old order stays in place; the others moved;
 *  - the text of a pair is compared word by word (Myers' O(ND) diff on
 *    interned tokens, after trimming the common ends; white space is no
 *    token, so white space alone is no change).
 *
 * The change list is also an edit script: amend_diff_apply() turns the old
 * version into the new one with it, which the merge of amendments needs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-diff.h"
#include "amend-diff-tokens-private.h"

/* Beyond this many differing tokens a text is taken as replaced whole:
 * the word diff of two unrelated long texts says nothing useful. */
#define MAX_EDIT_DISTANCE 2000

/* Pairing by similarity compares every remaining node with every other;
 * past this many comparisons the remaining nodes are left unpaired. */
#define MAX_SIMILARITY_PAIRS 250000

struct _AmendDiff
{
  GObject        parent_instance;

  AmendDocument *old_doc;
  AmendDocument *new_doc;
  GPtrArray     *changes;      /* of AmendChange */
  /* Nodes are numbered (AmendNode.serial) in pre-order, the old version's
   * from 0, the new one's after them: tables per node are plain arrays. */
  guint          n_old;
  guint          n_nodes;
  AmendNode    **partner;      /* [serial]: the paired node of the other version */
  AmendNode    **nodes;        /* [serial]: the node itself */
  Interner      *tokens;       /* the words of both versions, each with its id */
  GHashTable    *token_sets;   /* AmendNode -> GArray of its distinct ids */
  guint         *stamps;       /* [token id]: the last stamp the id got */
  guint          n_stamps;
  guint          stamp;
  struct NodeHash *hashes;     /* [serial] */
  char          *amended;      /* the amendment a subamendment's change amends; NULL: the regulation */
  gboolean       amended_is_sub;
};

G_DEFINE_FINAL_TYPE (AmendDiff, amend_diff, G_TYPE_OBJECT)

static void
piece_clear (gpointer data)
{
  AmendPiece *piece = data;

  g_clear_pointer (&piece->text, g_free);
}

static void
change_free (gpointer data)
{
  AmendChange *change = data;

  g_free (change->eid_old);
  g_free (change->eid_new);
  g_free (change->number_old);
  g_free (change->number_new);
  g_free (change->article_old);
  g_free (change->article_new);
  g_free (change->heading_old);
  g_free (change->heading_new);
  g_free (change->parent_old);
  g_free (change->parent_new);
  if (change->pieces)
    g_array_unref (change->pieces);
  if (change->node)
    amend_node_free (change->node);
  g_free (change);
}

static void
amend_diff_finalize (GObject *object)
{
  AmendDiff *self = (AmendDiff *) object;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->partner, g_free);
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->tokens, _amend_interner_free);
  g_clear_pointer (&self->token_sets, g_hash_table_unref);
  g_clear_pointer (&self->stamps, g_free);
  g_clear_pointer (&self->hashes, g_free);
  g_clear_object (&self->old_doc);
  g_clear_object (&self->new_doc);
  g_clear_pointer (&self->amended, g_free);

  G_OBJECT_CLASS (amend_diff_parent_class)->finalize (object);
}

static void
amend_diff_class_init (AmendDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_diff_finalize;
}

static void
amend_diff_init (AmendDiff *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->tokens = _amend_interner_new ();
  self->token_sets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}

const char *
amend_change_action_to_string (AmendChangeAction action)
{
  static const char *names[] = { "inserted", "deleted", "modified", "renumbered", "moved", "metadata" };

  g_return_val_if_fail (action <= AMEND_CHANGE_METADATA, NULL);
  return names[action];
}

/* ----------------------------------------------------------------------- */
/* The word diff (the words and their ids: amend-diff-tokens.c)            */
/* ----------------------------------------------------------------------- */

typedef struct {
  guint old_start, old_len;
  guint new_start, new_len;
} Hunk;

/* Myers' greedy O(ND) diff on the token ids of @a from @a_off on (@n of
 * them) and of @b from @b_off on (@m); appends the differing stretches to
 * @hunks.  Returns FALSE when the distance exceeds MAX_EDIT_DISTANCE.
 *
 * The arrays are indexed with their offsets rather than passed as
 * pointers moved by them: the tokens of an empty text are a GArray
 * without data, and NULL plus an offset, even 0, is undefined behaviour;
 * an index is only taken below @n or @m. */
static gboolean
myers (const Token *a,
       guint        a_off,
       guint        n,
       const Token *b,
       guint        b_off,
       guint        m,
       GArray      *hunks)
{
  int max = (int) MIN (n + m, MAX_EDIT_DISTANCE);
  int offset = max + 1;
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int *v = g_new0 (int, 2 * max + 3);
  int d, found = -1;
  g_autoptr(GArray) steps = NULL;

  for (d = 0; d <= max && found < 0; d++)
    {
      g_ptr_array_add (trace, g_memdup2 (v, sizeof (int) * (2 * max + 3)));
      for (int k = -d; k <= d; k += 2)
        {
          int x, y;

          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while ((guint) x < n && (guint) y < m &&
                 a[a_off + x].id == b[b_off + y].id)
            {
              x++;
              y++;
            }
          v[offset + k] = x;
          if ((guint) x >= n && (guint) y >= m)
            {
              found = d;
              break;
            }
        }
    }
  g_free (v);
  if (found < 0)
    return FALSE;

  /* Walk back through the trace, collecting the edit positions. */
  {
    int x = n, y = m;
    typedef struct { int x, y; gboolean del; } Step;
    steps = g_array_new (FALSE, FALSE, sizeof (Step));

    for (d = found; d > 0; d--)
      {
        int *vd = g_ptr_array_index (trace, d);
        int k = x - y;
        int prev_k, prev_x, prev_y;
        Step step;

        if (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]))
          prev_k = k + 1;
        else
          prev_k = k - 1;
        prev_x = vd[offset + prev_k];
        prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y)
          {
            x--;
            y--;
          }
        step.del = prev_k == k - 1;
        step.x = prev_x;
        step.y = prev_y;
        g_array_append_val (steps, step);
        x = prev_x;
        y = prev_y;
      }

    /* Steps are in reverse; group consecutive edits into hunks. */
    for (guint i = steps->len; i > 0; i--)
      {
        Step *s = &g_array_index (steps, Step, i - 1);
        Hunk *last = hunks->len > 0 ? &g_array_index (hunks, Hunk, hunks->len - 1) : NULL;
        guint ox = a_off + s->x, oy = b_off + s->y;

        if (last && last->old_start + last->old_len == ox && last->new_start + last->new_len == oy)
          {
            if (s->del)
              last->old_len++;
            else
              last->new_len++;
            continue;
          }
        {
          Hunk h = { ox, s->del ? 1 : 0, oy, s->del ? 0 : 1 };
          g_array_append_val (hunks, h);
        }
      }
  }
  return TRUE;
}

static void
add_piece (GArray       *pieces,
           AmendPieceOp  op,
           const char   *text,
           guint         start,
           guint         end)
{
  AmendPiece piece;

  if (end <= start)
    return;
  if (pieces->len > 0)
    {
      AmendPiece *last = &g_array_index (pieces, AmendPiece, pieces->len - 1);
      if (last->op == op)
        {
          char *joined = g_strdup_printf ("%s%.*s", last->text, (int) (end - start), text + start);
          g_free (last->text);
          last->text = joined;
          return;
        }
    }
  piece.op = op;
  piece.text = g_strndup (text + start, end - start);
  g_array_append_val (pieces, piece);
}

static const char *
skip_white (const char *p)
{
  while (*p && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Where the last word of @text ends (before the white space at its end),
 * as the tokenizer would find it. */
static guint
end_of_words (const char *text)
{
  const char *end = text;

  for (const char *p = text; *p;)
    {
      gboolean white = (guchar) *p < 0x80 ? g_ascii_isspace (*p) : g_unichar_isspace (g_utf8_get_char (p));

      p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
      if (!white)
        end = p;
    }
  return end - text;
}

/* The pieces of two equal texts, as the diff below finds them: the new
 * text up to its last word, equal.  A text whose marks or links changed
 * alone is compared so, without splitting it into words. */
static GArray *
equal_pieces (const char *text)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (AmendPiece));

  g_array_set_clear_func (pieces, piece_clear);
  add_piece (pieces, AMEND_PIECE_EQUAL, text, 0, end_of_words (text));
  return pieces;
}

static GArray *
word_diff_tokens (Interner   *interned,
                  const char *old_text,
                  const char *new_text)
{
  g_autoptr(GArray) a = _amend_tokenize (interned, old_text);
  g_autoptr(GArray) b = _amend_tokenize (interned, new_text);
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (AmendPiece));
  g_autoptr(GArray) hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  /* NULL for no tokens: only ever indexed below their length. */
  const Token *ta = (const Token *) a->data;
  const Token *tb = (const Token *) b->data;
  guint n = a->len, m = b->len;
  guint pre = 0, suf = 0;
  guint ib = 0;

  g_array_set_clear_func (pieces, piece_clear);

  while (pre < n && pre < m && ta[pre].id == tb[pre].id)
    pre++;
  while (suf < n - pre && suf < m - pre && ta[n - 1 - suf].id == tb[m - 1 - suf].id)
    suf++;

  if (!myers (ta, pre, n - pre - suf, tb, pre, m - pre - suf, hunks))
    {
      Hunk whole = { pre, n - pre - suf, pre, m - pre - suf };
      g_array_set_size (hunks, 0);
      g_array_append_val (hunks, whole);
    }

  /* Equal stretches are taken from the new text, deleted ones from the old:
   * EQUAL + INSERTED spell the new text exactly. */
  for (guint h = 0; h <= hunks->len; h++)
    {
      Hunk *hk = h < hunks->len ? &g_array_index (hunks, Hunk, h) : NULL;
      guint next_b = hk ? hk->new_start : m;

      if (next_b > ib)
        add_piece (pieces, AMEND_PIECE_EQUAL, new_text, tb[ib].start, tb[next_b - 1].end);
      if (hk == NULL)
        break;
      if (hk->old_len > 0)
        {
          guint last = hk->old_start + hk->old_len;
          guint end = ta[last - 1].end;

          /* Deleted words at the very start take the space after them, so
           * that the old side keeps it ("Het college beslist.") and the new
           * side does not start with one.  A token starts where the one
           * before it ended: its own word comes after the white space. */
          if (hk->new_start == 0 && hk->new_len == 0 && last < n)
            end = skip_white (old_text + ta[last].start) - old_text;
          add_piece (pieces, AMEND_PIECE_DELETED, old_text, ta[hk->old_start].start, end);
        }
      if (hk->new_len > 0)
        add_piece (pieces, AMEND_PIECE_INSERTED, new_text, tb[hk->new_start].start,
                   tb[hk->new_start + hk->new_len - 1].end);
      ib = hk->new_start + hk->new_len;
    }
  return pieces;
}

static GArray *
word_diff (Interner   *interned,
           const char *old_text,
           const char *new_text)
{
  if (strcmp (old_text, new_text) == 0)
    return equal_pieces (new_text);
  return word_diff_tokens (interned, old_text, new_text);
}

GArray *
amend_word_diff (const char *old_text,
                 const char *new_text)
{
  Interner *interned = _amend_interner_new ();
  GArray *pieces = word_diff (interned, old_text, new_text);

  _amend_interner_free (interned);
  return pieces;
}

/**
 * amend_diff_sequences:
 *
 * Myers' diff of two sequences of ids, after trimming their common ends;
 * beyond MAX_EDIT_DISTANCE the differing middle is one hunk.
 *
 * Returns: (transfer full): a GArray of #AmendHunk, in order.
 */
GArray *
amend_diff_sequences (const guint *old_ids,
                      guint        n_old,
                      const guint *new_ids,
                      guint        n_new)
{
  g_autofree Token *a = g_new0 (Token, n_old + 1);
  g_autofree Token *b = g_new0 (Token, n_new + 1);
  GArray *hunks = g_array_new (FALSE, FALSE, sizeof (AmendHunk));
  guint pre = 0, suf = 0;

  G_STATIC_ASSERT (sizeof (AmendHunk) == sizeof (Hunk));
  for (guint i = 0; i < n_old; i++)
    a[i].id = old_ids[i];
  for (guint i = 0; i < n_new; i++)
    b[i].id = new_ids[i];
  while (pre < n_old && pre < n_new && a[pre].id == b[pre].id)
    pre++;
  while (suf < n_old - pre && suf < n_new - pre && a[n_old - 1 - suf].id == b[n_new - 1 - suf].id)
    suf++;
  if (pre + suf == n_old && pre + suf == n_new)
    return hunks;
  if (!myers (a, pre, n_old - pre - suf, b, pre, n_new - pre - suf, hunks))
    {
      AmendHunk whole = { pre, n_old - pre - suf, pre, n_new - pre - suf };

      g_array_set_size (hunks, 0);
      g_array_append_val (hunks, whole);
    }
  return hunks;
}

char *
amend_pieces_to_string (GArray   *pieces,
                        gboolean  old_side)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; pieces && i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);

      if (p->op == AMEND_PIECE_EQUAL ||
          (old_side && p->op == AMEND_PIECE_DELETED) ||
          (!old_side && p->op == AMEND_PIECE_INSERTED))
        g_string_append (s, p->text);
    }
  return g_string_free (s, FALSE);
}

/* Equal but for white space (of any kind: laws use no-break spaces). */
static gboolean
same_words (const char *a,
            const char *b)
{
  for (a = skip_white (a), b = skip_white (b); *a && *b; a = skip_white (a), b = skip_white (b))
    {
      if (*a != *b)
        return FALSE;
      a++;
      b++;
    }
  return *a == *b;
}

/* ----------------------------------------------------------------------- */
/* Signatures and similarity                                                */
/* ----------------------------------------------------------------------- */

/* Content hashes, computed bottom-up once per version: a node's content
 * hash covers its kind and everything below it, but not its own number
 * and heading, so that a renumbered article keeps it; the full hash adds
 * them.  FNV-1a, 64 bits: a collision would only pair two nodes whose
 * text then differs, which the word diff reports as a change. */
typedef struct NodeHash {
  guint64 content;
  guint64 full;
} NodeHash;

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME  1099511628211ULL

static guint64
fnv_bytes (guint64     h,
           const char *bytes,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) bytes[i];
      h *= FNV_PRIME;
    }
  return h;
}

static guint64
fnv_str (guint64     h,
         const char *str)
{
  /* A NULL string and an empty one differ; the separator keeps fields apart. */
  if (str)
    h = fnv_bytes (h, str, strlen (str));
  return fnv_bytes (h, str ? "\x1f" : "\x1e", 1);
}

static guint64
fnv_u64 (guint64 h,
         guint64 v)
{
  return fnv_bytes (h, (const char *) &v, sizeof v);
}

static guint
count_nodes (AmendNode *root)
{
  guint n = 0;

  for (AmendNode *node = root; node != NULL; node = amend_node_next (node, root))
    n++;
  return n;
}

static void
number_nodes (AmendDiff *self,
              AmendNode *root,
              guint      first)
{
  guint serial = first;

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      n->serial = serial;
      self->nodes[serial++] = n;
    }
}

static void
hash_version (AmendDiff *self,
              AmendNode *root)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    g_ptr_array_add (order, n);

  /* Reversed pre-order: every node after all of its descendants. */
  for (guint i = order->len; i > 0; i--)
    {
      AmendNode *n = g_ptr_array_index (order, i - 1);
      NodeHash *h = &self->hashes[n->serial];
      guint64 c = fnv_u64 (FNV_OFFSET, n->kind);

      c = fnv_u64 (c, n->heading_level);
      /* An article left unread stands for its text: the same text in the
       * other version hashes the same, and nothing read in full does. */
      if (n->unread)
        c = fnv_u64 (fnv_u64 (c, G_GUINT64_CONSTANT (0xa4e7d0c5b1f32e69)), n->unread);
      for (guint k = 0; n->runs && k < n->runs->len; k++)
        {
          const AmendRun *run = &g_array_index (n->runs, AmendRun, k);

          /* Marks and links count: equal hashes mean nothing to report. */
          c = fnv_u64 (c, run->marks);
          c = fnv_str (c, run->text);
          c = fnv_str (c, run->href);
        }
      for (guint k = 0; k < amend_node_n_children (n); k++)
        c = fnv_u64 (c, self->hashes[amend_node_child (n, k)->serial].full);
      h->content = c;
      h->full = fnv_str (fnv_str (fnv_str (c, n->number), n->heading), n->word);
    }
}

static guint64
node_hash (AmendDiff *self,
           AmendNode *node,
           gboolean   with_number)
{
  NodeHash *h = &self->hashes[node->serial];

  return with_number ? h->full : h->content;
}

/* A stamp that no token id has yet.  Sets are marked in the stamps table
 * rather than sorted and merged: the ids are dense (1 to the number of
 * distinct words), so one table serves every set. */
static guint
new_stamp (AmendDiff *self)
{
  guint n = _amend_interner_size (self->tokens) + 1;

  if (n > self->n_stamps)
    {
      guint grown = MAX (n, self->n_stamps * 2);

      self->stamps = g_renew (guint, self->stamps, grown);
      memset (self->stamps + self->n_stamps, 0, (grown - self->n_stamps) * sizeof (guint));
      self->n_stamps = grown;
    }
  if (++self->stamp == 0)
    {
      memset (self->stamps, 0, self->n_stamps * sizeof (guint));
      self->stamp = 1;
    }
  return self->stamp;
}

/* Appends to @set the ids of @ids (@n of them) that it does not have yet;
 * @stamp marks what @set has. */
static void
add_new_ids (AmendDiff   *self,
             GArray      *set,
             const guint *ids,
             guint        n,
             gsize        stride,
             guint        stamp)
{
  guint w = set->len;

  g_array_set_size (set, set->len + n);
  for (guint i = 0; i < n; i++)
    {
      guint id = *(const guint *) ((const char *) ids + i * stride);

      if (self->stamps[id] != stamp)
        {
          self->stamps[id] = stamp;
          g_array_index (set, guint, w++) = id;
        }
    }
  g_array_set_size (set, w);
}

/* The distinct token ids of @text. */
static GArray *
distinct_ids (AmendDiff  *self,
              const char *text)
{
  g_autoptr(GArray) tokens = _amend_tokenize (self->tokens, text);
  GArray *set = g_array_sized_new (FALSE, FALSE, sizeof (guint), tokens->len);
  guint stamp = new_stamp (self);

  if (tokens->len > 0)
    add_new_ids (self, set, &g_array_index (tokens, Token, 0).id, tokens->len, sizeof (Token), stamp);
  return set;
}

/* Adds the ids of @other (distinct) to @set (the same). */
static GArray *
union_ids (AmendDiff *self,
           GArray    *set,
           GArray    *other)
{
  guint stamp;

  if (other->len == 0)
    return set;
  stamp = new_stamp (self);
  for (guint i = 0; i < set->len; i++)
    self->stamps[g_array_index (set, guint, i)] = stamp;
  add_new_ids (self, set, (const guint *) (gpointer) other->data, other->len, sizeof (guint), stamp);
  return set;
}

/* The words of a node: its heading's and those of every text below it
 * (what amend_node_get_text_content() gives).  Words never run from one
 * text into the next, so a node's set is the union of its children's,
 * which are kept too: a changed article's members and points are compared
 * next, and each text is split into words once. */
static GArray *
token_set (AmendDiff *self,
           AmendNode *node)
{
  GArray *set = g_hash_table_lookup (self->token_sets, node);

  if (set)
    return set;
  if (node->kind == AMEND_NODE_TEXT)
    {
      g_autofree char *plain = amend_node_get_plain_text (node);
      g_autofree char *text = node->heading ? g_strconcat (node->heading, "\n", plain, NULL) : NULL;

      set = distinct_ids (self, text ? text : plain);
    }
  else
    {
      set = node->heading ? distinct_ids (self, node->heading) : g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < amend_node_n_children (node); i++)
        set = union_ids (self, set, token_set (self, amend_node_child (node, i)));
    }
  g_hash_table_insert (self->token_sets, node, set);
  return set;
}

/* Where a walk through a text node's plain text (amend_node_get_plain_text())
 * stands. */
typedef struct {
  const AmendNode *node;
  guint            run;   /* the next run */
  const char      *p;     /* in the current run's text */
  gsize            left;  /* bytes from p to the end of that text */
} PlainCursor;

/* The bytes left in the current run, after moving to the next run with
 * text when there are none; 0 at the end of the plain text. */
static gsize
plain_chunk (PlainCursor *c)
{
  while (c->left == 0)
    {
      const AmendRun *run;

      if (c->node->runs == NULL || c->run >= c->node->runs->len)
        return 0;
      run = &g_array_index (c->node->runs, AmendRun, c->run++);
      c->p = run->marks & AMEND_MARK_BREAK ? " " : run->marks & AMEND_MARK_HTML || run->text == NULL ? "" : run->text;
      c->left = strlen (c->p);
    }
  return c->left;
}

static gboolean
same_plain_text (const AmendNode *a,
                 const AmendNode *b)
{
  PlainCursor x = { a, 0, NULL, 0 };
  PlainCursor y = { b, 0, NULL, 0 };

  for (;;)
    {
      gsize nx = plain_chunk (&x);
      gsize ny = plain_chunk (&y);
      gsize n = MIN (nx, ny);

      if (n == 0)
        return nx == ny;
      if (memcmp (x.p, y.p, n) != 0)
        return FALSE;
      x.p += n, x.left -= n;
      y.p += n, y.left -= n;
    }
}

/* Whether token_set() would give the two nodes the same words (a
 * similarity of 1), found without splitting their texts: the same
 * headings and plain texts, node for node.  Many articles that keep their
 * number keep their words too (a link taken out, a mark changed), and
 * splitting both versions of them into word sets was a fifth of such a
 * diff. */
static gboolean
same_word_sets (const AmendNode *a,
                const AmendNode *b)
{
  guint n = amend_node_n_children (a);

  if (a->kind != b->kind || a->unread != b->unread || n != amend_node_n_children (b) ||
      g_strcmp0 (a->heading, b->heading) != 0)
    return FALSE;
  if (a->kind == AMEND_NODE_TEXT && !same_plain_text (a, b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!same_word_sets (amend_node_child (a, i), amend_node_child (b, i)))
      return FALSE;
  return TRUE;
}

/* Jaccard index of the two nodes' word sets. */
static double
similarity (AmendDiff *self,
            AmendNode *a,
            AmendNode *b)
{
  GArray *x, *y;
  guint common = 0, stamp;

  if (same_word_sets (a, b))
    return 1.0;
  x = token_set (self, a);
  y = token_set (self, b);
  if (x->len == 0 && y->len == 0)
    return 1.0;
  stamp = new_stamp (self);
  for (guint i = 0; i < x->len; i++)
    self->stamps[g_array_index (x, guint, i)] = stamp;
  for (guint j = 0; j < y->len; j++)
    common += self->stamps[g_array_index (y, guint, j)] == stamp;
  return (double) common / (x->len + y->len - common);
}

/* ----------------------------------------------------------------------- */
/* Pairing                                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
is_paired (AmendDiff *self,
           AmendNode *node,
           gboolean   old_side)
{
  return self->partner[node->serial] != NULL;
}

static void
pair (AmendDiff *self,
      AmendNode *old_node,
      AmendNode *new_node)
{
  self->partner[old_node->serial] = new_node;
  self->partner[new_node->serial] = old_node;
}

typedef struct {
  guint64 key;
  guint   index;  /* in the list of old nodes */
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Pairs nodes with equal hashes (with or without their own number), the
 * first old one with the first new one: the unpaired old nodes sorted by
 * hash and position, each run of one hash taken from its start. */
static void
pair_by_key (AmendDiff *self,
             GPtrArray *olds,
             GPtrArray *news,
             gboolean   with_number)
{
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), olds->len);
  g_autofree guint *next = NULL;

  for (guint i = 0; i < olds->len; i++)
    {
      AmendNode *o = g_ptr_array_index (olds, i);
      Keyed k = { 0, i };

      if (is_paired (self, o, TRUE))
        continue;
      k.key = node_hash (self, o, with_number);
      g_array_append_val (keyed, k);
    }
  if (keyed->len == 0)
    return;
  g_array_sort (keyed, compare_keyed);
  /* next[r]: the next unused entry of the run of one hash that starts at r. */
  next = g_new (guint, keyed->len);
  for (guint r = 0; r < keyed->len; r++)
    next[r] = r;

  for (guint i = 0; i < news->len; i++)
    {
      AmendNode *n = g_ptr_array_index (news, i);
      guint64 key;
      guint lo = 0, hi = keyed->len;

      if (is_paired (self, n, FALSE))
        continue;
      key = node_hash (self, n, with_number);
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (keyed, Keyed, mid).key < key)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo >= keyed->len || g_array_index (keyed, Keyed, lo).key != key)
        continue;
      if (next[lo] < keyed->len && g_array_index (keyed, Keyed, next[lo]).key == key)
        {
          pair (self, g_ptr_array_index (olds, g_array_index (keyed, Keyed, next[lo]).index), n);
          next[lo]++;
        }
    }
}

static gboolean
is_container (const AmendNode *node)
{
  return node->kind != AMEND_NODE_ARTICLE && node->kind != AMEND_NODE_MEMBER &&
         node->kind != AMEND_NODE_POINT && node->kind != AMEND_NODE_TEXT;
}

/* Nodes as keys by their kind and number (which they must have). */
static guint
kind_number_hash (gconstpointer key)
{
  const AmendNode *node = key;

  return g_str_hash (node->number) * 31 + node->kind;
}

static gboolean
kind_number_equal (gconstpointer a,
                   gconstpointer b)
{
  const AmendNode *x = a, *y = b;

  return x->kind == y->kind && strcmp (x->number, y->number) == 0;
}

/* Pairs unpaired nodes of one kind and number whose similarity is at
 * least @threshold (any, with a negative threshold). */
static void
pair_by_number (AmendDiff *self,
                GPtrArray *olds,
                GPtrArray *news,
                double     threshold)
{
  g_autoptr(GHashTable) by_number = g_hash_table_new (kind_number_hash, kind_number_equal);

  for (guint i = olds->len; i > 0; i--)
    {
      AmendNode *o = g_ptr_array_index (olds, i - 1);

      if (is_paired (self, o, TRUE) || o->number == NULL)
        continue;
      /* Walking backwards leaves the first of equal numbers in the table. */
      g_hash_table_replace (by_number, o, o);
    }
  for (guint i = 0; i < news->len; i++)
    {
      AmendNode *n = g_ptr_array_index (news, i);
      AmendNode *o;

      if (is_paired (self, n, FALSE) || n->number == NULL)
        continue;
      o = g_hash_table_lookup (by_number, n);
      /* Chapters and other containers with one number are one and the same:
       * comparing their whole text would cost much and say nothing. */
      if (o && !is_paired (self, o, TRUE) &&
          (threshold < 0 || is_container (n) || similarity (self, o, n) >= threshold))
        {
          pair (self, o, n);
          g_hash_table_remove (by_number, n);
        }
    }
}

/* Pairs the most similar remaining nodes of one kind, best first. */
static void
pair_by_similarity (AmendDiff *self,
                    GPtrArray *olds,
                    GPtrArray *news,
                    double     threshold)
{
  g_autoptr(GPtrArray) o_left = g_ptr_array_new ();
  g_autoptr(GPtrArray) n_left = g_ptr_array_new ();

  for (guint i = 0; i < olds->len; i++)
    if (!is_paired (self, g_ptr_array_index (olds, i), TRUE))
      g_ptr_array_add (o_left, g_ptr_array_index (olds, i));
  for (guint i = 0; i < news->len; i++)
    if (!is_paired (self, g_ptr_array_index (news, i), FALSE))
      g_ptr_array_add (n_left, g_ptr_array_index (news, i));
  if (o_left->len == 0 || n_left->len == 0 || (guint64) o_left->len * n_left->len > MAX_SIMILARITY_PAIRS)
    return;

  for (guint j = 0; j < n_left->len; j++)
    {
      AmendNode *n = g_ptr_array_index (n_left, j);
      AmendNode *best = NULL;
      double best_sim = threshold;

      for (guint i = 0; i < o_left->len; i++)
        {
          AmendNode *o = g_ptr_array_index (o_left, i);
          double sim;

          if (o->kind != n->kind || is_paired (self, o, TRUE) || is_container (o))
            continue;
          sim = similarity (self, o, n);
          if (sim >= best_sim)
            {
              best = o;
              best_sim = sim;
            }
        }
      if (best)
        pair (self, best, n);
    }
}

/* Nodes without numbers (paragraphs, the preamble, a Toelichting) that are
 * left over pair in order: the n-th changed paragraph with the n-th. */
static void
pair_in_order (AmendDiff *self,
               GPtrArray *olds,
               GPtrArray *news)
{
  guint i = 0;

  for (guint j = 0; j < news->len; j++)
    {
      AmendNode *n = g_ptr_array_index (news, j);

      if (is_paired (self, n, FALSE) || n->number != NULL)
        continue;
      /* A new node without a partner (a new heading) does not move the
       * cursor: the paragraphs after it still find theirs. */
      for (guint k = i; k < olds->len; k++)
        {
          AmendNode *o = g_ptr_array_index (olds, k);

          if (!is_paired (self, o, TRUE) && o->number == NULL && o->kind == n->kind &&
              o->heading_level == n->heading_level)
            {
              pair (self, o, n);
              i = k + 1;
              break;
            }
        }
    }
}

static void
pair_lists (AmendDiff *self,
            GPtrArray *olds,
            GPtrArray *news)
{
  if (olds->len == 0 || news->len == 0)
    return;
  pair_by_key (self, olds, news, TRUE);
  pair_by_key (self, olds, news, FALSE);
  pair_by_number (self, olds, news, 0.25);
  pair_by_similarity (self, olds, news, 0.6);
  pair_by_number (self, olds, news, -1);
  pair_in_order (self, olds, news);
}

static GPtrArray *
collect (AmendNode     *root,
         AmendNodeKind  kind)
{
  GPtrArray *nodes = g_ptr_array_new ();

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->kind == kind)
      g_ptr_array_add (nodes, n);
  return nodes;
}

static GPtrArray *
children_except_articles (AmendNode *node)
{
  GPtrArray *nodes = g_ptr_array_new ();

  for (guint i = 0; i < amend_node_n_children (node); i++)
    if (amend_node_child (node, i)->kind != AMEND_NODE_ARTICLE)
      g_ptr_array_add (nodes, amend_node_child (node, i));
  return nodes;
}

/* ----------------------------------------------------------------------- */
/* Changes                                                                  */
/* ----------------------------------------------------------------------- */

static const char *
article_number (const AmendNode *node)
{
  const AmendNode *article;

  if (node == NULL)
    return NULL;
  article = node->kind == AMEND_NODE_ARTICLE ? node : amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);
  return article ? article->number : NULL;
}

static AmendChange *
add_change (AmendDiff         *self,
            AmendChangeAction  action,
            const AmendNode   *old_node,
            const AmendNode   *new_node)
{
  AmendChange *change = g_new0 (AmendChange, 1);
  const AmendNode *any = new_node ? new_node : old_node;

  change->action = action;
  change->kind = any->kind;
  change->text_index = -1;
  change->old_node = old_node;
  change->new_node = new_node;
  if (old_node)
    {
      change->eid_old = g_strdup (old_node->eid);
      change->number_old = g_strdup (old_node->number);
      change->article_old = g_strdup (article_number (old_node));
      change->line_old = old_node->line_start;
    }
  if (new_node)
    {
      change->eid_new = g_strdup (new_node->eid);
      change->number_new = g_strdup (new_node->number);
      change->article_new = g_strdup (article_number (new_node));
      change->line_new = new_node->line_start;
    }
  g_ptr_array_add (self->changes, change);
  return change;
}

static gboolean
runs_equal (const AmendNode *a,
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

static void
compare_pair (AmendDiff *self,
              AmendNode *o,
              AmendNode *n,
              gboolean   moved)
{
  if (o->kind == AMEND_NODE_TEXT)
    {
      if (!runs_equal (o, n))
        {
          g_autofree char *a = amend_node_get_plain_text (o);
          g_autofree char *b = amend_node_get_plain_text (n);
          AmendChange *change = add_change (self, AMEND_CHANGE_MODIFIED, o, n);

          change->pieces = word_diff (self->tokens, a, b);
          change->text_index = n->pos;
          change->text_new = n;
          change->format_only = change->pieces->len == 1 &&
                                g_array_index (change->pieces, AmendPiece, 0).op == AMEND_PIECE_EQUAL;
        }
      return;
    }
  if (!moved && g_strcmp0 (o->number, n->number) != 0)
    add_change (self, AMEND_CHANGE_RENUMBERED, o, n);
  if (g_strcmp0 (o->heading, n->heading) != 0 || g_strcmp0 (o->word, n->word) != 0)
    {
      AmendChange *change = add_change (self, AMEND_CHANGE_MODIFIED, o, n);

      change->heading_changed = TRUE;
      change->heading_old = g_strdup (o->heading);
      change->heading_new = g_strdup (n->heading);
    }
}

static void
set_position (AmendChange     *change,
              AmendDiff       *self,
              const AmendNode *new_node)
{
  AmendNode *old_parent = self->partner[new_node->parent->serial];

  change->parent_new = g_strdup (new_node->parent->eid);
  change->parent_old = old_parent ? g_strdup (old_parent->eid) : NULL;
  change->index_new = new_node->pos;
}

static void align (AmendDiff *self, AmendNode *o, AmendNode *n);

/* An inserted node travels as a copy without the descendants that are
 * paired with old nodes: those are moved into it. */
static AmendNode *
copy_unpaired (AmendDiff       *self,
               const AmendNode *node,
               GPtrArray       *moved_in)
{
  AmendNode *copy = amend_node_copy (node);
  g_autoptr(GPtrArray) remove = g_ptr_array_new ();
  AmendNode *c = copy;

  /* Walk the original and the copy side by side. */
  for (const AmendNode *n = node; n != NULL; n = amend_node_next (n, node), c = amend_node_next (c, copy))
    if (n != node && is_paired (self, (AmendNode *) n, FALSE))
      {
        g_ptr_array_add (remove, c);
        g_ptr_array_add (moved_in, (gpointer) n);
        /* Skip the paired node's subtree in both walks. */
        while (amend_node_n_children (n) > 0)
          {
            n = amend_node_child (n, amend_node_n_children (n) - 1);
            c = amend_node_child (c, amend_node_n_children (c) - 1);
          }
      }
  for (guint i = remove->len; i > 0; i--)
    amend_node_free (g_ptr_array_index (remove, i - 1));
  return copy;
}

static void
emit_inserted (AmendDiff *self,
               AmendNode *n)
{
  g_autoptr(GPtrArray) moved_in = g_ptr_array_new ();
  AmendChange *change = add_change (self, AMEND_CHANGE_INSERTED, NULL, n);

  change->node = copy_unpaired (self, n, moved_in);
  set_position (change, self, n);

  for (guint i = 0; i < moved_in->len; i++)
    {
      AmendNode *d = g_ptr_array_index (moved_in, i);
      AmendNode *o = self->partner[d->serial];
      AmendChange *move = add_change (self, AMEND_CHANGE_MOVED, o, d);

      set_position (move, self, d);
      compare_pair (self, o, d, TRUE);
      align (self, o, d);
    }
}

/* Marks in @keep (of @seq->len) the indices into @seq of a longest
 * increasing subsequence of @seq. */
static void
longest_increasing (GArray   *seq,
                    gboolean *keep)
{
  guint n = seq->len;
  g_autofree guint *tails = g_new0 (guint, n + 1);
  g_autofree int *prev = g_new0 (int, n + 1);
  guint len = 0;

  for (guint i = 0; i < n; i++)
    {
      guint v = g_array_index (seq, guint, i);
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (g_array_index (seq, guint, tails[mid]) < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == len)
        len++;
    }
  for (int i = len > 0 ? (int) tails[len - 1] : -1; i >= 0; i = prev[i])
    keep[i] = TRUE;
}

/* Reports the unpaired children of @o from @from up to @to; returns @to. */
static guint
emit_deleted (AmendDiff *self,
              AmendNode *o,
              guint      from,
              guint      to)
{
  for (guint i = from; i < to && i < amend_node_n_children (o); i++)
    {
      AmendNode *oc = amend_node_child (o, i);
      if (!is_paired (self, oc, TRUE))
        add_change (self, AMEND_CHANGE_DELETED, oc, NULL);
    }
  return MAX (from, to);
}

/* Two subtrees with one full hash are the same: pair them node by node
 * without searching; nothing in them changed. */
static gboolean
pair_identical (AmendDiff *self,
                AmendNode *o,
                AmendNode *n)
{
  AmendNode *a, *b;

  if (node_hash (self, o, TRUE) != node_hash (self, n, TRUE))
    return FALSE;
  /* Articles were paired over the whole regulation: only when they were
   * paired with their counterparts here is the walk below right. */
  for (a = o, b = n; a != NULL && b != NULL; a = amend_node_next (a, o), b = amend_node_next (b, n))
    if (a->kind == AMEND_NODE_ARTICLE && a != o && self->partner[a->serial] != b)
      return FALSE;
  for (a = o, b = n; a != NULL && b != NULL; a = amend_node_next (a, o), b = amend_node_next (b, n))
    if (a != o)
      pair (self, a, b);
  return TRUE;
}

static void align_children (AmendDiff *self, AmendNode *o, AmendNode *n);

static void
align (AmendDiff *self,
       AmendNode *o,
       AmendNode *n)
{
  /* Two texts (leaves) have no children to pair. */
  if (amend_node_n_children (o) == 0 && amend_node_n_children (n) == 0)
    return;
  if (!pair_identical (self, o, n))
    align_children (self, o, n);
}

static void
align_children (AmendDiff *self,
                AmendNode *o,
                AmendNode *n)
{
  g_autoptr(GPtrArray) olds = children_except_articles (o);
  g_autoptr(GPtrArray) news = children_except_articles (n);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) order_new = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *in_place = NULL;
  g_autofree gboolean *stays = g_new0 (gboolean, amend_node_n_children (n) + 1);
  guint next_old = 0;

  pair_lists (self, olds, news);

  /* Pairs under the same parent: the longest run in old order stays. */
  for (guint i = 0; i < amend_node_n_children (n); i++)
    {
      AmendNode *nc = amend_node_child (n, i);
      AmendNode *oc = self->partner[nc->serial];

      if (oc && oc->parent == o)
        {
          g_array_append_val (order, oc->pos);
          g_array_append_val (order_new, i);
        }
    }
  in_place = g_new0 (gboolean, order->len + 1);
  longest_increasing (order, in_place);
  for (guint k = 0; k < order_new->len; k++)
    if (in_place[k])
      stays[g_array_index (order_new, guint, k)] = TRUE;

  for (guint i = 0; i < amend_node_n_children (n); i++)
    {
      AmendNode *nc = amend_node_child (n, i);
      AmendNode *oc = self->partner[nc->serial];

      /* Deletions come where they were: before the next node that stays. */
      if (oc && oc->parent == o)
        next_old = emit_deleted (self, o, next_old, oc->pos);
      if (oc == NULL)
        {
          emit_inserted (self, nc);
          continue;
        }
      if (!stays[i])
        {
          AmendChange *move = add_change (self, AMEND_CHANGE_MOVED, oc, nc);
          set_position (move, self, nc);
          compare_pair (self, oc, nc, TRUE);
        }
      else
        compare_pair (self, oc, nc, FALSE);
      align (self, oc, nc);
    }
  emit_deleted (self, o, next_old, amend_node_n_children (o));
}

static void
diff_metadata (AmendDiff *self)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  GArray *old_meta = amend_document_get_meta_entries (self->old_doc);
  GArray *new_meta = amend_document_get_meta_entries (self->new_doc);
  GString *sa = g_string_new (NULL), *sb = g_string_new (NULL);
  AmendChange *change;

  for (guint i = 0; i < old_meta->len; i++)
    {
      const AmendMetaEntry *e = &g_array_index (old_meta, AmendMetaEntry, i);
      g_string_append_printf (sa, "%s: %s\n", e->key ? e->key : "", e->value ? e->value : "");
    }
  for (guint i = 0; i < new_meta->len; i++)
    {
      const AmendMetaEntry *e = &g_array_index (new_meta, AmendMetaEntry, i);
      g_string_append_printf (sb, "%s: %s\n", e->key ? e->key : "", e->value ? e->value : "");
    }
  a = g_string_free (sa, FALSE);
  b = g_string_free (sb, FALSE);
  if (g_strcmp0 (a, b) == 0)
    return;

  change = g_new0 (AmendChange, 1);
  change->action = AMEND_CHANGE_METADATA;
  change->kind = AMEND_NODE_REGULATION;
  change->text_index = -1;
  change->pieces = word_diff (self->tokens, a, b);
  g_ptr_array_add (self->changes, change);
}

/* Articles are paired over the whole regulation first: an article that
 * moves to another chapter is still the same article. */
static void
pair_articles (AmendDiff *self)
{
  g_autoptr(GPtrArray) olds = collect (amend_document_get_root (self->old_doc), AMEND_NODE_ARTICLE);
  g_autoptr(GPtrArray) news = collect (amend_document_get_root (self->new_doc), AMEND_NODE_ARTICLE);

  pair_lists (self, olds, news);
}

AmendDiff *
amend_diff_new (AmendDocument *old_doc,
                AmendDocument *new_doc)
{
  AmendDiff *self;
  AmendNode *old_root, *new_root;

  g_return_val_if_fail (AMEND_IS_DOCUMENT (old_doc), NULL);
  g_return_val_if_fail (AMEND_IS_DOCUMENT (new_doc), NULL);

  self = g_object_new (AMEND_TYPE_DIFF, NULL);
  self->old_doc = g_object_ref (old_doc);
  self->new_doc = g_object_ref (new_doc);
  old_root = amend_document_get_root (old_doc);
  new_root = amend_document_get_root (new_doc);

  diff_metadata (self);
  self->n_old = count_nodes (old_root);
  self->n_nodes = self->n_old + count_nodes (new_root);
  self->partner = g_new0 (AmendNode *, self->n_nodes);
  self->nodes = g_new0 (AmendNode *, self->n_nodes);
  self->hashes = g_new0 (NodeHash, self->n_nodes);
  number_nodes (self, old_root, 0);
  number_nodes (self, new_root, self->n_old);
  hash_version (self, old_root);
  hash_version (self, new_root);
  pair (self, old_root, new_root);
  pair_articles (self);
  align (self, old_root, new_root);
  return self;
}

AmendDocument *
amend_diff_get_old (AmendDiff *self)
{
  return self->old_doc;
}

AmendDocument *
amend_diff_get_new (AmendDiff *self)
{
  return self->new_doc;
}

/**
 * amend_diff_set_amended:
 * @title: (nullable): the title of the amendment the new version amends;
 *   NULL: the versions are of the regulation
 * @subamendment: whether that amendment is itself a subamendment
 *
 * A subamendment's change is read against the regulation as its
 * amendment proposes it, but what the subamendment amends is that
 * amendment: its instructions name the amendment, not the regulation.
 */
void
amend_diff_set_amended (AmendDiff  *self,
                        const char *title,
                        gboolean    subamendment)
{
  g_return_if_fail (AMEND_IS_DIFF (self));

  g_free (self->amended);
  self->amended = g_strdup (title);
  self->amended_is_sub = title != NULL && subamendment;
}

/**
 * amend_diff_get_amended:
 * @subamendment: (out) (optional): whether it is itself a subamendment
 *
 * Returns: (nullable): the title of the amendment this change amends, as
 *   amend_diff_set_amended() gave it; NULL when it amends the regulation.
 */
const char *
amend_diff_get_amended (AmendDiff *self,
                        gboolean  *subamendment)
{
  g_return_val_if_fail (AMEND_IS_DIFF (self), NULL);

  if (subamendment)
    *subamendment = self->amended_is_sub;
  return self->amended;
}

GPtrArray *
amend_diff_get_changes (AmendDiff *self)
{
  return self->changes;
}

/**
 * amend_diff_get_partner:
 *
 * Returns: (nullable): the node of the other version paired with @node.
 */
AmendNode *
amend_diff_get_partner (AmendDiff       *self,
                        const AmendNode *node,
                        gboolean         node_is_old)
{
  /* Serials are scratch: another diff of the same version renumbers them,
   * so a node is only ours if our table still holds it at its serial. */
  if (node->serial >= self->n_nodes || self->nodes[node->serial] != node ||
      (node->serial < self->n_old) != node_is_old)
    return NULL;
  return self->partner[node->serial];
}

gboolean
amend_diff_is_empty (AmendDiff *self)
{
  return self->changes->len == 0;
}

static void
add_article (GHashTable    *seen,
             GStrvBuilder  *builder,
             const char    *number)
{
  if (number && !g_hash_table_contains (seen, number))
    {
      g_hash_table_add (seen, (gpointer) number);
      g_strv_builder_add (builder, number);
    }
}

/**
 * amend_diff_dup_articles:
 *
 * Returns: the numbers, old and new, of the articles the changes touch.
 */
GStrv
amend_diff_dup_articles (AmendDiff *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (self->changes, i);
      const char *numbers[2] = { c->article_old, c->article_new };

      if (c->format_only)
        continue;
      /* A chapter that goes or comes takes its articles along. */
      const AmendNode *subtree = c->action == AMEND_CHANGE_DELETED ? c->old_node
                               : c->action == AMEND_CHANGE_INSERTED ? c->node : NULL;

      for (guint k = 0; k < 2; k++)
        add_article (seen, builder, numbers[k]);
      for (const AmendNode *n = subtree; n != NULL; n = amend_node_next (n, subtree))
        if (n->kind == AMEND_NODE_ARTICLE)
          add_article (seen, builder, n->number);
    }
  return g_strv_builder_end (builder);
}

/* ----------------------------------------------------------------------- */
/* Apply                                                                    */
/* ----------------------------------------------------------------------- */

static void
index_eids (GHashTable *map,
            AmendNode  *root)
{
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->eid)
      g_hash_table_insert (map, n->eid, n);
}

static void
set_runs_from (AmendNode       *target,
               const AmendNode *source)
{
  if (target->runs)
    g_array_set_size (target->runs, 0);
  for (guint i = 0; source->runs && i < source->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (source->runs, AmendRun, i);
      amend_node_add_run (target, run->text, -1, run->marks, run->href);
    }
  target->heading_level = source->heading_level;
}

static gboolean
apply_change_in_place (AmendChange *change,
                       GHashTable  *old_nodes,
                       GError     **error)
{
  AmendNode *node = g_hash_table_lookup (old_nodes, change->eid_old);

  if (node == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                   _("the change to %s does not fit this version: there is no such element"), change->eid_old);
      return FALSE;
    }
  switch (change->action)
    {
    case AMEND_CHANGE_MODIFIED:
      if (change->heading_changed)
        {
          g_free (node->heading);
          node->heading = g_strdup (change->heading_new);
          g_free (node->word);
          node->word = g_strdup (change->new_node->word);
        }
      else
        {
          g_autofree char *was = amend_pieces_to_string (change->pieces, TRUE);
          g_autofree char *is = amend_node_get_plain_text (node);

          /* The text the change was made against must be the text found;
           * white space does not count. */
          if (!same_words (was, is))
            {
              g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                           _("the change to %s does not fit this version: its text differs"), change->eid_old);
              return FALSE;
            }
          set_runs_from (node, change->text_new);
        }
      break;
    case AMEND_CHANGE_RENUMBERED:
    case AMEND_CHANGE_MOVED:
      g_free (node->number);
      node->number = g_strdup (change->number_new);
      break;
    default:
      break;
    }
  return TRUE;
}

/* The front matter entry by entry, as it is: a key may come twice (the
 * writer keeps both), and setting keys one by one would keep one. */
static void
copy_meta (AmendDocument *target,
           GArray        *entries)
{
  GArray *into = amend_document_get_meta_entries (target);

  for (guint i = 0; i < entries->len; i++)
    {
      const AmendMetaEntry *e = &g_array_index (entries, AmendMetaEntry, i);
      AmendMetaEntry copy = { g_strdup (e->key), g_strdup (e->value) };

      g_array_append_val (into, copy);
    }
}

/**
 * amend_diff_apply:
 * @old_doc: the version to change; it is not modified
 *
 * Applies the change list to @old_doc: deleted and moved nodes come out,
 * texts, numbers and headings change in place, inserted and moved nodes go
 * in at their new place, in the new version's order, so that every place
 * before them is already right.
 *
 * Returns: (transfer full): the changed version, or %NULL when a change
 * does not fit @old_doc.
 */
AmendDocument *
amend_diff_apply (AmendDiff      *self,
                  AmendDocument  *old_doc,
                  GError        **error)
{
  g_autoptr(AmendDocument) result = amend_document_new ();
  g_autoptr(GHashTable) old_nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) detached = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) amend_node_free);
  AmendNode *root = amend_document_get_root (result);
  AmendNode *old_copy = amend_node_copy (amend_document_get_root (old_doc));
  GArray *meta = amend_document_get_meta_entries (old_doc);

  /* The result starts as a copy of the old version. */
  while (amend_node_n_children (old_copy) > 0)
    amend_node_append (root, amend_node_steal (old_copy, 0));
  amend_node_free (old_copy);
  copy_meta (result, meta);
  index_eids (old_nodes, root);

  /* 1. Out: moved nodes first, so that deleting their old parent keeps them. */
  for (guint i = 0; i < self->changes->len; i++)
    {
      AmendChange *c = g_ptr_array_index (self->changes, i);
      AmendNode *node;

      if (c->action != AMEND_CHANGE_MOVED)
        continue;
      node = g_hash_table_lookup (old_nodes, c->eid_old);
      if (node == NULL)
        {
          g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                       _("the change to %s does not fit this version: there is no such element"), c->eid_old);
          return NULL;
        }
      amend_node_steal (node->parent, node->pos);
      g_hash_table_insert (detached, node, node);
    }
  for (guint i = 0; i < self->changes->len; i++)
    {
      AmendChange *c = g_ptr_array_index (self->changes, i);
      AmendNode *node;

      if (c->action != AMEND_CHANGE_DELETED)
        continue;
      node = g_hash_table_lookup (old_nodes, c->eid_old);
      if (node == NULL)
        {
          g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                       _("the change to %s does not fit this version: there is no such element"), c->eid_old);
          return NULL;
        }
      /* No later change may find what is freed here. */
      for (AmendNode *d = node; d != NULL; d = amend_node_next (d, node))
        if (d->eid)
          g_hash_table_remove (old_nodes, d->eid);
      amend_node_free (node);
    }

  /* 2. In place: texts, headings, numbers. */
  for (guint i = 0; i < self->changes->len; i++)
    {
      AmendChange *c = g_ptr_array_index (self->changes, i);

      if ((c->action == AMEND_CHANGE_MODIFIED || c->action == AMEND_CHANGE_RENUMBERED ||
           c->action == AMEND_CHANGE_MOVED) &&
          !apply_change_in_place (c, old_nodes, error))
        return NULL;
      if (c->action == AMEND_CHANGE_METADATA)
        {
          g_array_set_size (amend_document_get_meta_entries (result), 0);
          copy_meta (result, amend_document_get_meta_entries (self->new_doc));
        }
    }

  /* 3. In: in the new order, at the new index. */
  for (guint i = 0; i < self->changes->len; i++)
    {
      AmendChange *c = g_ptr_array_index (self->changes, i);
      AmendNode *parent;
      AmendNode *node;

      if (c->action != AMEND_CHANGE_INSERTED && c->action != AMEND_CHANGE_MOVED)
        continue;
      parent = c->parent_old ? g_hash_table_lookup (old_nodes, c->parent_old)
                             : g_hash_table_lookup (new_nodes, c->parent_new);
      if (parent == NULL && g_strcmp0 (c->parent_new, "body") == 0)
        parent = root;
      if (parent == NULL)
        {
          g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                       _("the change to %s does not fit this version: its place %s is gone"),
                       c->eid_new, c->parent_old ? c->parent_old : c->parent_new);
          return NULL;
        }
      if (c->action == AMEND_CHANGE_INSERTED)
        {
          node = amend_node_copy (c->node);
          index_eids (new_nodes, node);
        }
      else
        {
          node = g_hash_table_lookup (old_nodes, c->eid_old);
          g_hash_table_steal (detached, node);
          g_hash_table_insert (new_nodes, c->eid_new, node);
        }
      amend_node_insert (parent, c->index_new, node);
    }

  amend_document_assign_eids (result);
  return g_steal_pointer (&result);
}
