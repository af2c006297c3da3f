/* amend-merge-check.c: the promise of the merge, checked on its result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "The diff from the base to the result holds each side's changes, or the
 * node is a conflict."  The check does not trust what the merge made of
 * a node: it takes the node of the result built from each node of the
 * base (see pair_as_built), and compares it with each side's own diff,
 * node by node:
 *
 *  - what a side deleted is not in the result;
 *  - what a side kept is, with the number, kind word and title it gave it,
 *    under the parent it moved it to;
 *  - a paragraph a side changed holds that side's words
 *    (amend_word_table_contains_changes);
 *  - what a side inserted is in the result, by kind, number, title and
 *    first words.
 *
 * Nodes that are conflicts are left out: they hold ours until resolved.
 * A node that fails becomes a conflict of kind CHECK (its article, where
 * it is in one), so a fault in the merge shows as a question to a person,
 * never as a change quietly lost.
 *
 * _amend_merge_check_sayable() checks the text before that: where the
 * sides' changes make a shape the writer cannot say, the part becomes a
 * conflict of kind CHECK too, as the sides' contradiction, not a fault.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-merge-private.h"

typedef struct {
  Merger     *m;
  AmendDiff  *d_r;
  GHashTable *whole;     /* base nodes in a conflict taken whole */
  GHashTable *heads;     /* base nodes whose heading is a conflict */
  GHashTable *texts;     /* base nodes whose text is a conflict */
  GHashTable *places;    /* base nodes whose place is a conflict */
  GHashTable *r_keys;    /* keys of the result's nodes, made when needed */
  GHashTable *i_keys;    /* keys of what either side inserted, made when needed */
  GHashTable *r_of;      /* base node -> the node of the result built from it */
  GHashTable *b_of;      /* and back */
  AmendDocument *written;
  GPtrArray  *wrong;     /* of Ident, each once */
  GHashTable *wrong_set;
  GString    *why;
} Check;

static void
check_clear (Check *c)
{
  g_clear_object (&c->d_r);
  g_clear_pointer (&c->whole, g_hash_table_unref);
  g_clear_pointer (&c->heads, g_hash_table_unref);
  g_clear_pointer (&c->texts, g_hash_table_unref);
  g_clear_pointer (&c->places, g_hash_table_unref);
  g_clear_pointer (&c->r_keys, g_hash_table_unref);
  g_clear_pointer (&c->i_keys, g_hash_table_unref);
  g_clear_pointer (&c->wrong_set, g_hash_table_unref);
  g_clear_pointer (&c->r_of, g_hash_table_unref);
  g_clear_pointer (&c->b_of, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

/* A part taken whole from a side holds what that side moved into it too:
 * those nodes are the conflict's as well. */
static void
add_whole (Check     *c,
           AmendNode *top)
{
  for (AmendNode *n = top; n != NULL; n = amend_node_next (n, top))
    {
      Ident *x = g_hash_table_lookup (c->m->idents, n);

      if (x && x->b)
        g_hash_table_add (c->whole, x->b);
    }
}

static void
collect_units (Check *c)
{
  for (guint i = 0; i < c->m->units->len; i++)
    {
      Unit *u = g_ptr_array_index (c->m->units, i);
      AmendNode *b = u->ident ? u->ident->b : NULL;

      if (b == NULL)
        continue;
      switch (u->pub.kind)
        {
        case AMEND_CONFLICT_DELETED:
        case AMEND_CONFLICT_CHECK:
        case AMEND_CONFLICT_NUMBERING:
          add_whole (c, b);
          add_whole (c, u->ident->o);
          add_whole (c, u->ident->t);
          break;
        case AMEND_CONFLICT_HEADING:
          g_hash_table_add (c->heads, b);
          break;
        case AMEND_CONFLICT_TEXT:
          g_hash_table_add (c->texts, b);
          break;
        case AMEND_CONFLICT_MOVED:
          g_hash_table_add (c->places, b);
          break;
        default:
          break;
        }
    }
}

static Ident *
ident_of (Merger          *m,
          const AmendNode *node)
{
  return g_hash_table_lookup (m->idents, node);
}

/* The conflict a failure turns into: the article the node is in. */
static Ident *
target_of (Merger    *m,
           AmendNode *node)
{
  for (AmendNode *n = node; n != NULL && n->parent != NULL; n = n->parent)
    if (n->kind == AMEND_NODE_ARTICLE && ident_of (m, n) && ident_of (m, n)->b)
      return ident_of (m, n);
  for (AmendNode *n = node; n != NULL && n->parent != NULL; n = n->parent)
    if (ident_of (m, n) && (ident_of (m, n)->b || n == node))
      return ident_of (m, n);
  return NULL;
}

static void
fail (Check      *c,
      AmendNode  *node,
      const char *side,
      const char *what)
{
  Ident *x = target_of (c->m, node);

  g_string_append_printf (c->why, "%s%s: %s of %s is not in the result", c->why->len ? "; " : "",
                          side, what, node->eid ? node->eid : "?");
  if (x && g_hash_table_add (c->wrong_set, x))
    g_ptr_array_add (c->wrong, x);
}

static guint64 node_key (const AmendNode *n);

/* Which node of the result is which of the base.  The diff of the base
 * and the result pairs by number and label, as the sides' diffs do, and
 * where a version holds two parts of one number, or a side renumbers a
 * part the other changed, it pairs them otherwise than the merge did
 * ("Artikel 151c" renumbered to 151b on one side, its member deleted on
 * the other: the diff does not pair 151c with the smaller 151b; found by
 * fuzz-merge).  The merge knows which node of the base each node of the
 * result was built from: that pairing is taken, and what the check
 * judges (the number, title, words, parent and insertions each side
 * gave) is compared on it as before.
 *
 * The written text read back must say the result node for node, with
 * the same numbers, titles and words; then the result is what is judged,
 * since the words may be spelled otherwise in it (inline HTML a side
 * wrote is read back as text once the writer has escaped it, the same
 * words; found by fuzz-merge).  Where the text does not say the result,
 * the diff of the base and the text pairs. */
/* The writer may write a free heading higher than the model has it, to
 * keep it from being read as the title of the part above it ("####" under
 * an untitled "## Hoofdstuk IVc" is written "##"): still the same text,
 * a heading (found by fuzz-merge). */
static gboolean
same_level (const AmendNode *a,
            const AmendNode *w)
{
  if (a->kind == AMEND_NODE_TEXT)
    return (a->heading_level > 0) == (w->heading_level > 0) && w->heading_level <= a->heading_level;
  return a->heading_level == w->heading_level;
}

static gboolean
says_result (AmendDocument *model,
             AmendDocument *written)
{
  AmendNode *a_root = amend_document_get_root (model);
  AmendNode *w_root = amend_document_get_root (written);
  AmendNode *a = a_root, *w = w_root;

  for (; a != NULL && w != NULL; a = amend_node_next (a, a_root), w = amend_node_next (w, w_root))
    {
      if (a->kind != w->kind || !same_level (a, w) || g_strcmp0 (a->number, w->number) != 0 ||
          g_strcmp0 (a->heading, w->heading) != 0 || g_strcmp0 (a->word, w->word) != 0 ||
          amend_node_n_children (a) != amend_node_n_children (w))
        return FALSE;
      /* The words, white space aside (node_key). */
      if (a->kind == AMEND_NODE_TEXT && node_key (a) != node_key (w))
        return FALSE;
    }
  return a == NULL && w == NULL;
}

static void
pair_as_built (Check *c)
{
  GHashTableIter iter;
  gpointer node, value;

  if (c->m->built == NULL || c->m->result == NULL)
    return;
  if (c->written != c->m->result && !says_result (c->m->result, c->written))
    return;
  c->r_of = g_hash_table_new (NULL, NULL);
  c->b_of = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, c->m->built);
  while (g_hash_table_iter_next (&iter, &node, &value))
    {
      Ident *x = value;

      if (x->b == NULL)
        continue;
      g_hash_table_insert (c->r_of, x->b, node);
      g_hash_table_insert (c->b_of, node, x->b);
    }
}

static AmendDiff *
diff_of_result (Check *c)
{
  if (c->d_r == NULL)
    c->d_r = amend_diff_new (c->m->base, c->written);
  return c->d_r;
}

static AmendNode *
result_of (Check     *c,
           AmendNode *b)
{
  if (b == NULL)
    return NULL;
  if (c->r_of)
    return g_hash_table_lookup (c->r_of, b);
  return amend_diff_get_partner (diff_of_result (c), b, TRUE);
}

static AmendNode *
base_of (Check     *c,
         AmendNode *r)
{
  if (r == NULL)
    return NULL;
  if (c->b_of)
    return g_hash_table_lookup (c->b_of, r);
  return amend_diff_get_partner (diff_of_result (c), r, FALSE);
}

static void
add_inserted_keys (GHashTable *keys,
                   AmendDiff  *diff)
{
  AmendNode *root = amend_document_get_root (amend_diff_get_new (diff));

  for (AmendNode *n = amend_node_next (root, root); n != NULL; n = amend_node_next (n, root))
    if (amend_diff_get_partner (diff, n, FALSE) == NULL)
      {
        guint64 key = node_key (n);

        if (!g_hash_table_contains (keys, &key))
          g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
      }
}

/* The diff of the base and the result pairs by number and label, as the
 * sides' diffs do, but it sees another text: what a side deleted can be
 * paired there with what a side inserted ("Artikel 154" deleted, an
 * empty "Artikel 154a" inserted; a point "n." deleted, another "n."
 * inserted).  That is the insertion in the result, not the deleted node
 * kept (found by fuzz-merge). */
static gboolean
inserted_by_a_side (Check     *c,
                    AmendNode *r)
{
  guint64 key = node_key (r);

  if (c->i_keys == NULL)
    {
      c->i_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      add_inserted_keys (c->i_keys, c->m->d_o);
      add_inserted_keys (c->i_keys, c->m->d_t);
    }
  return g_hash_table_contains (c->i_keys, &key);
}

static void
check_node (Check      *c,
            AmendNode  *b,
            AmendDiff  *ds,
            AmendDiff  *du,
            const char *side)
{
  AmendNode *s = amend_diff_get_partner (ds, b, TRUE);
  AmendNode *u = amend_diff_get_partner (du, b, TRUE);
  AmendNode *r = result_of (c, b);
  Ident *x = ident_of (c->m, b);

  if (s == NULL)
    {
      if (r != NULL && (c->r_of != NULL || !inserted_by_a_side (c, r)))
        fail (c, b, side, "the deletion");
      return;
    }
  if (r == NULL)
    {
      /* The other side deleted it, and this side only renumbered or moved it. */
      if (u != NULL)
        fail (c, b, side, "the node");
      return;
    }
  if (!g_hash_table_contains (c->heads, b) &&
      ((g_strcmp0 (s->number, b->number) != 0 && g_strcmp0 (r->number, s->number) != 0) ||
       (g_strcmp0 (s->heading, b->heading) != 0 && g_strcmp0 (r->heading, s->heading) != 0) ||
       (g_strcmp0 (s->word, b->word) != 0 && g_strcmp0 (r->word, s->word) != 0)))
    fail (c, b, side, "the number or title");
  if (b->kind == AMEND_NODE_TEXT && !g_hash_table_contains (c->texts, b) && !amend_text_equal (s, b) &&
      !amend_word_table_contains_changes (c->m->words, b, s, u ? u : b, r))
    fail (c, b, side, "the words");
  if (!g_hash_table_contains (c->places, b) && !x->ours_parent)
    {
      AmendNode *sp = amend_diff_get_partner (ds, s->parent, FALSE);

      if (sp != b->parent &&
          (sp ? r->parent != result_of (c, sp)
              : base_of (c, r->parent) != NULL))
        fail (c, b, side, "the move");
    }
}

static guint64
fnv (guint64     h,
     const char *s)
{
  for (const char *p = s ? s : ""; *p; p++)
    {
      h ^= (guchar) *p;
      h *= 1099511628211ULL;
    }
  return (h ^ (s ? 0x1f : 0x1e)) * 1099511628211ULL;
}

/* The words of a paragraph as written, inline HTML with them: a tag one
 * side wrote is read back as text once the writer has escaped it, and is
 * the same words (found by fuzz-merge). */
static char *
words_of (const AmendNode *n)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; n->runs && i < n->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (n->runs, AmendRun, i);

      g_string_append (str, run->marks & AMEND_MARK_BREAK ? " " : run->text ? run->text : "");
    }
  return g_string_free (str, FALSE);
}

/* What an inserted node is known by: kind, number, title, its own words
 * or those of its first paragraph. */
static guint64
node_key (const AmendNode *n)
{
  guint64 h = 14695981039346656037ULL;
  const AmendNode *words = n->kind == AMEND_NODE_TEXT ? n : NULL;
  g_autofree char *plain = NULL;

  if (words == NULL && amend_node_n_children (n) > 0 && amend_node_child (n, 0)->kind == AMEND_NODE_TEXT)
    words = amend_node_child (n, 0);
  plain = words ? words_of (words) : NULL;
  h = fnv (h, amend_node_kind_to_string (n->kind));
  h = fnv (h, n->number);
  h = fnv (h, n->heading);
  if (plain)
    {
      /* White space is no change. */
      g_auto(GStrv) parts = g_strsplit_set (plain, " \t\n\xc2\xa0", -1);
      g_autofree char *joined = g_strjoinv ("", parts);
      h = fnv (h, joined);
    }
  return h;
}

static GHashTable *
keys_of (AmendDocument *doc)
{
  GHashTable *keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  AmendNode *root = amend_document_get_root (doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      guint64 key = node_key (n);

      if (!g_hash_table_contains (keys, &key))
        g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }
  return keys;
}

/* An insertion inside a conflict holds whatever the conflict holds. */
static gboolean
in_conflict (Check     *c,
             AmendNode *node)
{
  /* An insertion that is a conflict, a part taken whole, or what a side
   * has inside one (also inside a part only that side has, which the
   * conflict shows whole: a side's insertion holding a node it moved). */
  for (AmendNode *n = node; n != NULL; n = n->parent)
    {
      Ident *p = ident_of (c->m, n);

      if (p && ((p->b && g_hash_table_contains (c->whole, p->b)) ||
                (p->unit && (p->unit->pub.kind == AMEND_CONFLICT_INSERTED || _amend_merge_unit_is_whole (p->unit)))))
        return TRUE;
    }
  return FALSE;
}

static void
check_inserted (Check         *c,
                AmendDocument *doc,
                AmendDiff     *ds,
                const char    *side)
{
  AmendNode *root = amend_document_get_root (doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      guint64 key;

      if (n->parent == NULL || amend_diff_get_partner (ds, n, FALSE) != NULL ||
          amend_diff_get_partner (ds, n->parent, FALSE) == NULL || in_conflict (c, n))
        continue;
      if (c->r_keys == NULL)
        c->r_keys = keys_of (c->written);
      key = node_key (n);
      if (!g_hash_table_contains (c->r_keys, &key))
        fail (c, n, side, "the insertion");
    }
}

static void
check_side (Check      *c,
            AmendDiff  *ds,
            AmendDiff  *du,
            const char *side)
{
  AmendNode *root = amend_document_get_root (c->m->base);

  for (AmendNode *b = amend_node_next (root, root); b != NULL; b = amend_node_next (b, root))
    if (!g_hash_table_contains (c->whole, b))
      check_node (c, b, ds, du, side);
  check_inserted (c, amend_diff_get_new (ds), ds, side);
}

/* Returns the identities to make conflicts of (none: all is well); @why
 * gets what was wrong, for the report of the fault. */
GPtrArray *
_amend_merge_check_sides (Merger        *m,
                          AmendDocument *written,
                          GString       *why)
{
  g_auto(Check) c = { 0 };
  GPtrArray *wrong = g_ptr_array_new ();

  c.m = m;
  c.written = written;
  c.whole = g_hash_table_new (NULL, NULL);
  c.heads = g_hash_table_new (NULL, NULL);
  c.texts = g_hash_table_new (NULL, NULL);
  c.places = g_hash_table_new (NULL, NULL);
  c.wrong = wrong;
  c.wrong_set = g_hash_table_new (NULL, NULL);
  c.why = why;
  collect_units (&c);
  pair_as_built (&c);
  check_side (&c, m->d_o, m->d_t, "ours");
  check_side (&c, m->d_t, m->d_o, "theirs");
  return wrong;
}

/* ----------------------------------------------------------------------- */
/* What the writer can say                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
same_node (GHashTable *at,
           AmendNode  *a,
           AmendNode  *w)
{
  g_autofree char *a_text = NULL;
  g_autofree char *w_text = NULL;

  if (a->kind != w->kind || !same_level (a, w) || g_hash_table_lookup (at, a->parent) != w->parent ||
      g_strcmp0 (a->number, w->number) != 0 || g_strcmp0 (a->heading, w->heading) != 0 ||
      g_strcmp0 (a->word, w->word) != 0)
    return FALSE;
  if (a->kind != AMEND_NODE_TEXT)
    return TRUE;
  a_text = words_of (a);
  w_text = words_of (w);
  return g_strcmp0 (a_text, w_text) == 0;
}

/* The first node of the model that the text, read back, does not hold as
 * it is (NULL: all of it does). */
static AmendNode *
first_unsaid (AmendDocument *model,
              AmendDocument *again)
{
  AmendNode *a_root = amend_document_get_root (model);
  AmendNode *w_root = amend_document_get_root (again);
  g_autoptr(GHashTable) at = g_hash_table_new (NULL, NULL);
  AmendNode *a = amend_node_next (a_root, a_root), *w = amend_node_next (w_root, w_root);

  g_hash_table_insert (at, a_root, w_root);
  for (; a != NULL && w != NULL; a = amend_node_next (a, a_root), w = amend_node_next (w, w_root))
    {
      if (!same_node (at, a, w))
        return a;
      g_hash_table_insert (at, a, w);
    }
  if (a != NULL)
    return a;
  if (w != NULL)
    {
      /* The text says more than the model: blame the last node of the model. */
      AmendNode *last = a_root;

      while (amend_node_n_children (last) > 0)
        last = amend_node_child (last, amend_node_n_children (last) - 1);
      return last != a_root ? last : NULL;
    }
  return NULL;
}

/* What to take whole from a side instead: the article around the node,
 * or outside articles the nearest part above it. */
static Ident *
unsaid_ident (Merger    *m,
              AmendNode *node)
{
  Ident *nearest = NULL;
  Ident *own = NULL;

  for (AmendNode *n = node; n != NULL && n->parent != NULL; n = n->parent)
    {
      Ident *x = g_hash_table_lookup (m->built, n);

      if (x == NULL || x->forced)
        continue;
      if (n->kind == AMEND_NODE_ARTICLE)
        return x;
      /* A paragraph or point of a division: the division, whose
       * insertion is known by its first words. */
      if (nearest == NULL && n->kind != AMEND_NODE_TEXT && n->kind != AMEND_NODE_POINT)
        nearest = x;
      if (own == NULL)
        own = x;
    }
  /* Its article is a conflict already, and still the node that a side
   * put into it cannot be said (a point moved out of a member into an
   * article that has members; found by fuzz-merge): the node itself. */
  return nearest ? nearest : own;
}

/* Two sides' changes, each said in Markdown, can make together a shape the
 * reader does not make (members of an article, then a paragraph or points
 * of the article itself after them; a paragraph that begins with a space):
 * the writer cannot say it, and what is read back is another text.  Such
 * a part cannot be merged as it is: it becomes a conflict that holds one
 * side's part whole until a person chooses (found by fuzz-merge).  Returns
 * the identities to make such conflicts of, at most one per round. */
GPtrArray *
_amend_merge_check_sayable (Merger     *m,
                            const char *markdown)
{
  g_autoptr(AmendDocument) again = amend_document_new_from_data (markdown, strlen (markdown), NULL);
  GPtrArray *wrong = g_ptr_array_new ();
  AmendNode *unsaid;
  Ident *x;

  g_autofree char *again_md = NULL;

  if (again == NULL || m->built == NULL)
    return wrong;
  /* Canonical and saying the model node for node: nothing to do (an
   * inline HTML tag, say, is read back as text once written escaped, the
   * same words, and stays so).  A canonical text can still put a node
   * elsewhere: a point of a chapter after an article is read back as the
   * article's (found by fuzz-merge). */
  again_md = amend_document_to_markdown (again);
  unsaid = first_unsaid (m->result, again);
  if (unsaid == NULL && strcmp (again_md, markdown) == 0)
    return wrong;
  if (unsaid != NULL && (x = unsaid_ident (m, unsaid)) != NULL)
    {
      x->no_fault = TRUE;
      g_ptr_array_add (wrong, x);
    }
  return wrong;
}

/* ----------------------------------------------------------------------- */
/* Numbers                                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
is_numbered (const AmendNode *n)
{
  return n->kind != AMEND_NODE_TEXT && n->number != NULL && n->number[0] != '\0';
}

/* Whether @a stands before @b in their document. */
static gboolean
precedes (const AmendNode *a,
          const AmendNode *b)
{
  guint da = 0, db = 0;

  for (const AmendNode *n = a; n->parent != NULL; n = n->parent)
    da++;
  for (const AmendNode *n = b; n->parent != NULL; n = n->parent)
    db++;
  for (; da > db; da--)
    a = a->parent;
  for (; db > da; db--)
    b = b->parent;
  if (a == b)
    return da < db;
  while (a->parent != b->parent)
    a = a->parent, b = b->parent;
  return a->pos < b->pos;
}

/* Whether a side had @x (its node of it) before @y with a number not
 * below: no clash of the merge, but what that side already had (a
 * Bijlage numbering its articles from 1 again, a slip in a real text). */
static gboolean
side_had (const AmendNode *x,
          const AmendNode *y)
{
  return x != NULL && y != NULL && is_numbered (x) && is_numbered (y) &&
         _amend_merge_compare_numbers (x->number, y->number) >= 0 && precedes (x, y);
}

/* Whether the parts @a and @b of the result, @a first, clash: their
 * numbers do not go up, and neither side had them so. */
static gboolean
clashes (Merger    *m,
         AmendNode *a,
         AmendNode *b)
{
  Ident *x, *y;

  if (_amend_merge_compare_numbers (a->number, b->number) < 0)
    return FALSE;
  x = g_hash_table_lookup (m->built, a);
  y = g_hash_table_lookup (m->built, b);
  return x == NULL || y == NULL || !(side_had (x->o, y->o) || side_had (x->t, y->t));
}

/* The first numbered child of @parent that clashes with the one before
 * it of its kind, and that one in @before (NULL: none clashes). */
static AmendNode *
first_clash (Merger           *m,
             const AmendNode  *parent,
             AmendNode       **before)
{
  AmendNode *last[AMEND_NODE_CLOSING + 1] = { NULL };

  for (guint i = 0; i < amend_node_n_children (parent); i++)
    {
      AmendNode *n = amend_node_child (parent, i);

      if (!is_numbered (n) || n->kind > AMEND_NODE_CLOSING)
        continue;
      if (last[n->kind] && clashes (m, last[n->kind], n))
        {
          *before = last[n->kind];
          return n;
        }
      last[n->kind] = n;
    }
  return NULL;
}

/* The same for the articles of the whole regulation, which are numbered
 * across its chapters. */
static AmendNode *
first_article_clash (Merger     *m,
                     AmendNode **before)
{
  AmendNode *root = amend_document_get_root (m->result);
  AmendNode *last = NULL;

  for (AmendNode *n = amend_node_next (root, root); n != NULL; n = amend_node_next (n, root))
    {
      if (n->kind != AMEND_NODE_ARTICLE || !is_numbered (n))
        continue;
      if (last && clashes (m, last, n))
        {
          *before = last;
          return n;
        }
      last = n;
    }
  return NULL;
}

/* Whether a side gave @x a number of its own: inserted it, or renumbered it. */
static gboolean
numbered_by_a_side (const Ident *x)
{
  return x->b == NULL || (x->o && g_strcmp0 (x->o->number, x->b->number) != 0) ||
         (x->t && g_strcmp0 (x->t->number, x->b->number) != 0);
}

/* What becomes the conflict for the clash of @a and @b, two parts of one
 * kind of the result: the article they are in, whole; between articles
 * or parts above them, the one a side numbered. */
static Ident *
clash_ident (Merger    *m,
             AmendNode *a,
             AmendNode *b)
{
  Ident *x;

  for (AmendNode *n = b->parent; n != NULL && n->parent != NULL; n = n->parent)
    if (n->kind == AMEND_NODE_ARTICLE)
      return g_hash_table_lookup (m->built, n);
  x = g_hash_table_lookup (m->built, b);
  if (x && numbered_by_a_side (x))
    return x;
  return g_hash_table_lookup (m->built, a);
}

static void
add_clash (Merger    *m,
           GPtrArray *wrong,
           AmendNode *a,
           AmendNode *b)
{
  Ident *x = clash_ident (m, a, b);

  if (x == NULL)
    return;
  /* Taking one side's part whole can give the clash back (theirs' article
   * 7 beside ours' renumbered 7): no number is decided so. */
  if (x->unit && x->unit->choice)
    {
      if (m->error == NULL)
        m->error = g_error_new (AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                                _("with that decision of the conflict %s the numbers clash (%s after %s); "
                                  "give the parts their numbers with a text"),
                                x->unit->pub.id, b->number, a->number);
      return;
    }
  /* A conflict in the heading or a text of the part does not decide its
   * numbers: the part is taken whole instead. */
  if (x->forced || (x->unit && x->unit->pub.kind != AMEND_CONFLICT_HEADING && x->unit->pub.kind != AMEND_CONFLICT_TEXT))
    return;
  x->numbering = TRUE;
  x->no_fault = TRUE;
  g_ptr_array_add (wrong, x);
}

/* Each side numbered its parts in order, and put together they are not:
 * one side inserted a member 4 where the other renumbered member 3 to 4,
 * or inserted article 7 where the other renumbered 6 to 7.  Taken as it
 * is, the text would have two members 4; numbering them anew would change
 * what references to them mean.  The part becomes a conflict of kind
 * NUMBERING, for a person to number.  What a side already had out of
 * order (a real law's "Artikel 1" twice, in its annexes) is no clash,
 * pair by pair: it hides no clash elsewhere.
 * Returns the identities to make such conflicts of. */
GPtrArray *
_amend_merge_check_numbering (Merger *m)
{
  GPtrArray *wrong = g_ptr_array_new ();
  AmendNode *root = amend_document_get_root (m->result);
  AmendNode *a = NULL, *b;

  for (AmendNode *p = root; p != NULL; p = amend_node_next (p, root))
    if ((p == root || g_hash_table_contains (m->built, p)) && (b = first_clash (m, p, &a)) != NULL)
      add_clash (m, wrong, a, b);
  if ((b = first_article_clash (m, &a)) != NULL)
    add_clash (m, wrong, a, b);
  return wrong;
}
