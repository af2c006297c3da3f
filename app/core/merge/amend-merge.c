/* amend-merge.c: the structural three-way merge of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adopting an amendment merges it into the draft: base = the version the
 * amendment started from, ours = the draft (main), theirs = the amendment.
 * A line merge (git merge-file) conflicts as soon as two changes touch
 * neighbouring lines, which in a regulation are two members of one
 * article.  This merge works on the model instead, with the legal diff of
 * each side against the base (amend-diff.c):
 *
 *  1. Every node gets an identity: a base node with the nodes the two
 *     diffs paired it with, or a node one side inserted.  An insertion
 *     both sides made alike (same place, same content) is one.
 *  2. Each identity gets its place: the parent ours or theirs gave it,
 *     whichever moved it; both moving it elsewhere is a conflict.
 *  3. A node one side deleted goes, unless the other side changed
 *     something in it: then it is a conflict.  Renumbering or moving alone
 *     is no change in it.
 *  4. Numbers, kind words and titles merge three-way; the words of a
 *     paragraph both changed merge when the changes keep apart
 *     (amend-word-merge.c).
 *  5. Siblings keep the order of the side that reordered them; what one
 *     side inserted goes after the node it followed there.  Where both
 *     inserted between the same two nodes, numbers decide (5a before 5b);
 *     without numbers, or with the same number, it is a conflict.
 *
 * A conflict holds ours for now; a choice (ours, theirs, or a text) made
 * for its id is taken when the merge runs again.  The result is written in
 * canonical form and checked against both diffs
 * (amend-merge-check.c): a node where a side's change would be missing
 * becomes a conflict too, so the merge is never silently wrong.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-document-private.h"
#include "amend-merge-private.h"

/* Each round may add conflicts the check asked for; more rounds than this
 * would mean the check and the merge disagree without end. */
#define MAX_ROUNDS 16

struct _AmendMerge
{
  GObject        parent_instance;

  Merger        *m;
  char          *markdown;
  GPtrArray     *conflicts;  /* of AmendConflict, borrowed from the units */
};

G_DEFINE_FINAL_TYPE (AmendMerge, amend_merge, G_TYPE_OBJECT)

G_DEFINE_QUARK (amend-merge-error-quark, amend_merge_error)

static const char * const kind_names[] = {
  [AMEND_CONFLICT_TEXT]         = "text",
  [AMEND_CONFLICT_HEADING]      = "heading",
  [AMEND_CONFLICT_DELETED]      = "deleted",
  [AMEND_CONFLICT_INSERTED]     = "inserted",
  [AMEND_CONFLICT_MOVED]        = "moved",
  [AMEND_CONFLICT_ORDER]        = "order",
  [AMEND_CONFLICT_FRONT_MATTER] = "front-matter",
  [AMEND_CONFLICT_CHECK]        = "check",
  [AMEND_CONFLICT_FILE]         = "file",
  [AMEND_CONFLICT_RECORD]       = "record",
  [AMEND_CONFLICT_NUMBERING]    = "numbering",
};

static const char * const resolution_names[] = {
  [AMEND_RESOLUTION_NONE]   = "none",
  [AMEND_RESOLUTION_OURS]   = "ours",
  [AMEND_RESOLUTION_THEIRS] = "theirs",
  [AMEND_RESOLUTION_TEXT]   = "text",
};

const char *
amend_conflict_kind_to_string (AmendConflictKind kind)
{
  g_return_val_if_fail (kind <= AMEND_CONFLICT_NUMBERING, NULL);
  return kind_names[kind];
}

const char *
amend_resolution_to_string (AmendResolution resolution)
{
  g_return_val_if_fail (resolution <= AMEND_RESOLUTION_TEXT, NULL);
  return resolution_names[resolution];
}

gboolean
amend_resolution_from_string (const char      *word,
                              AmendResolution *resolution)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolution_names); i++)
    if (g_strcmp0 (word, resolution_names[i]) == 0)
      {
        *resolution = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * amend_conflict_copy:
 *
 * A copy of @conflict with all it holds, for a caller that keeps it past
 * the merge it came from.
 */
AmendConflict *
amend_conflict_copy (const AmendConflict *conflict)
{
  AmendConflict *copy = g_new0 (AmendConflict, 1);

  copy->kind = conflict->kind;
  copy->id = g_strdup (conflict->id);
  copy->path = g_strdup (conflict->path);
  copy->article = g_strdup (conflict->article);
  copy->label = g_strdup (conflict->label);
  copy->base_text = g_strdup (conflict->base_text);
  copy->ours_text = g_strdup (conflict->ours_text);
  copy->theirs_text = g_strdup (conflict->theirs_text);
  copy->resolution = conflict->resolution;
  copy->text = g_strdup (conflict->text);
  return copy;
}

void
amend_conflict_free (AmendConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->path);
  g_free (conflict->article);
  g_free (conflict->label);
  g_free (conflict->base_text);
  g_free (conflict->ours_text);
  g_free (conflict->theirs_text);
  g_free (conflict->text);
  g_free (conflict);
}

static void
choice_free (AmendChoice *choice)
{
  g_free (choice->text);
  g_free (choice);
}

GHashTable *
amend_choices_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) choice_free);
}

void
amend_choices_set (GHashTable      *choices,
                   const char      *id,
                   AmendResolution  resolution,
                   const char      *text)
{
  AmendChoice *choice = g_new0 (AmendChoice, 1);

  choice->resolution = resolution;
  choice->text = g_strdup (text);
  g_hash_table_insert (choices, g_strdup (id), choice);
}

/* ----------------------------------------------------------------------- */
/* Identities                                                               */
/* ----------------------------------------------------------------------- */

static void
unit_free (Unit *unit)
{
  g_free (unit->pub.id);
  g_free (unit->pub.path);
  g_free (unit->pub.article);
  g_free (unit->pub.label);
  g_free (unit->pub.base_text);
  g_free (unit->pub.ours_text);
  g_free (unit->pub.theirs_text);
  g_free (unit->pub.text);
  g_clear_pointer (&unit->ours, g_ptr_array_unref);
  g_clear_pointer (&unit->theirs, g_ptr_array_unref);
  g_free (unit);
}

static void
ident_free (Ident *x)
{
  g_clear_pointer (&x->members, g_ptr_array_unref);
  g_free (x);
}

static void
merger_free (Merger *m)
{
  g_clear_object (&m->base);
  g_clear_object (&m->ours);
  g_clear_object (&m->theirs);
  g_clear_object (&m->d_o);
  g_clear_object (&m->d_t);
  g_clear_pointer (&m->words, amend_word_table_free);
  g_clear_pointer (&m->choices, g_hash_table_unref);
  g_clear_pointer (&m->idents, g_hash_table_unref);
  g_clear_pointer (&m->all, g_ptr_array_unref);
  g_clear_pointer (&m->dirty_o, g_hash_table_unref);
  g_clear_pointer (&m->dirty_t, g_hash_table_unref);
  g_clear_pointer (&m->units, g_ptr_array_unref);
  g_clear_pointer (&m->unit_ids, g_hash_table_unref);
  g_clear_object (&m->result);
  g_clear_pointer (&m->built, g_hash_table_unref);
  g_clear_error (&m->error);
  g_free (m);
}

static Ident *
ident_of (Merger          *m,
          const AmendNode *node)
{
  return node ? g_hash_table_lookup (m->idents, node) : NULL;
}

static Ident *
ident_new (Merger    *m,
           AmendNode *b,
           AmendNode *o,
           AmendNode *t)
{
  Ident *x = g_new0 (Ident, 1);

  x->b = b;
  x->o = o;
  x->t = t;
  x->members = g_ptr_array_new ();
  g_ptr_array_add (m->all, x);
  for (guint k = 0; k < 3; k++)
    {
      AmendNode *n = k == 0 ? b : k == 1 ? o : t;
      if (n)
        g_hash_table_insert (m->idents, n, x);
    }
  return x;
}

static void
make_idents (Merger *m)
{
  AmendNode *b_root = amend_document_get_root (m->base);
  AmendNode *o_root = amend_document_get_root (m->ours);
  AmendNode *t_root = amend_document_get_root (m->theirs);

  for (AmendNode *b = b_root; b != NULL; b = amend_node_next (b, b_root))
    ident_new (m, b, amend_diff_get_partner (m->d_o, b, TRUE), amend_diff_get_partner (m->d_t, b, TRUE));
  for (AmendNode *o = o_root; o != NULL; o = amend_node_next (o, o_root))
    if (ident_of (m, o) == NULL)
      ident_new (m, NULL, o, NULL);
  for (AmendNode *t = t_root; t != NULL; t = amend_node_next (t, t_root))
    if (ident_of (m, t) == NULL)
      ident_new (m, NULL, NULL, t);
}

/* The base node a node of one side stands in (itself when paired). */
static AmendNode *
base_of (AmendDiff       *diff,
         const AmendNode *node)
{
  for (; node != NULL; node = node->parent)
    {
      AmendNode *b = amend_diff_get_partner (diff, node, FALSE);
      if (b)
        return b;
    }
  return NULL;
}

static void
mark_up (GHashTable      *set,
         const AmendNode *node)
{
  /* Chains are always added whole: a node found means its ancestors are. */
  for (; node != NULL; node = node->parent)
    if (!g_hash_table_add (set, (gpointer) node))
      break;
}

/* The base nodes a side changed something in or below, apart from
 * renumbering or moving the node itself.  Deleting is no such change: a
 * node the other side deletes may lose parts on this side too. */
static GHashTable *
mark_dirty (AmendDiff *diff)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);
  GPtrArray *changes = amend_diff_get_changes (diff);

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);

      switch (c->action)
        {
        case AMEND_CHANGE_MODIFIED:
          mark_up (set, c->old_node);
          break;
        case AMEND_CHANGE_RENUMBERED:
          mark_up (set, c->old_node->parent);
          break;
        case AMEND_CHANGE_MOVED:
          mark_up (set, c->old_node->parent);
          mark_up (set, base_of (diff, c->new_node->parent));
          break;
        case AMEND_CHANGE_INSERTED:
          mark_up (set, base_of (diff, c->new_node->parent));
          break;
        case AMEND_CHANGE_DELETED:
        case AMEND_CHANGE_METADATA:
        default:
          break;
        }
    }
  return set;
}

/* Two inserted subtrees are one when they hold the same; a node paired
 * with the base inside them must be the same base node on both sides. */
static gboolean
same_insertion (Merger          *m,
                const AmendNode *a,
                const AmendNode *c)
{
  Ident *ia = ident_of (m, a), *ic = ident_of (m, c);

  if (ia->b || ic->b)
    return ia == ic;
  if (a->kind != c->kind || g_strcmp0 (a->number, c->number) != 0 || g_strcmp0 (a->heading, c->heading) != 0 ||
      g_strcmp0 (a->word, c->word) != 0 || !amend_text_equal (a, c) ||
      amend_node_n_children (a) != amend_node_n_children (c))
    return FALSE;
  for (guint k = 0; k < amend_node_n_children (a); k++)
    if (!same_insertion (m, amend_node_child (a, k), amend_node_child (c, k)))
      return FALSE;
  return TRUE;
}

static void
absorb (Merger    *m,
        AmendNode *a,
        AmendNode *c)
{
  Ident *ia = ident_of (m, a), *ic = ident_of (m, c);

  if (ia->b)
    return;
  if (ia != ic)
    {
      ia->t = c;
      ic->absorbed = TRUE;
      g_hash_table_insert (m->idents, c, ia);
    }
  for (guint k = 0; k < amend_node_n_children (a); k++)
    absorb (m, amend_node_child (a, k), amend_node_child (c, k));
}

/* The same insertion on both sides counts once. */
static void
unify_insertions (Merger *m)
{
  g_autoptr(GHashTable) by_parent = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < m->all->len; i++)
    {
      Ident *y = g_ptr_array_index (m->all, i);
      Ident *p;
      GPtrArray *list;

      if (y->b || y->o || y->t == NULL || y->t->parent == NULL)
        continue;
      p = ident_of (m, y->t->parent);
      if (p->b == NULL && p->o == NULL)
        continue;
      if ((list = g_hash_table_lookup (by_parent, p)) == NULL)
        g_hash_table_insert (by_parent, p, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, y);
    }
  for (guint i = 0; i < m->all->len; i++)
    {
      Ident *x = g_ptr_array_index (m->all, i);
      GPtrArray *list;

      if (x->b || x->t || x->o == NULL || x->o->parent == NULL)
        continue;
      list = g_hash_table_lookup (by_parent, ident_of (m, x->o->parent));
      for (guint k = 0; list && k < list->len; k++)
        {
          Ident *y = g_ptr_array_index (list, k);

          if (!y->absorbed && same_insertion (m, x->o, y->t))
            {
              absorb (m, x->o, y->t);
              break;
            }
        }
    }
}

/* ----------------------------------------------------------------------- */
/* Conflicts                                                                */
/* ----------------------------------------------------------------------- */

static const AmendNode *
any_node (Ident *x)
{
  return x->o ? x->o : x->b ? x->b : x->t;
}

static char *
article_of (Ident *x)
{
  for (guint k = 0; k < 3; k++)
    {
      const AmendNode *n = k == 0 ? x->o : k == 1 ? x->b : x->t;
      const AmendNode *a;

      if (n == NULL)
        continue;
      a = n->kind == AMEND_NODE_ARTICLE ? n : amend_node_find_ancestor (n, AMEND_NODE_ARTICLE);
      return a ? g_strdup (a->number) : NULL;
    }
  return NULL;
}

/* The place of the node, as it stands in ours, or else where it was. */
static char *
label_of (Ident *x)
{
  for (guint k = 0; k < 3; k++)
    {
      const AmendNode *n = k == 0 ? x->o : k == 1 ? x->b : x->t;

      if (n != NULL)
        return _amend_merge_render_place (n);
    }
  return NULL;
}

static char *
unique_id (Merger     *m,
           const char *hint)
{
  char *id = g_strdup (hint ? hint : "body");

  for (guint n = 2; g_hash_table_contains (m->unit_ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", hint, n);
    }
  g_hash_table_add (m->unit_ids, g_strdup (id));
  return id;
}

static void
set_error_once (Merger     *m,
                GError     *error)
{
  if (m->error == NULL)
    m->error = error;
  else
    g_error_free (error);
}

static Unit *
unit_new (Merger            *m,
          AmendConflictKind  kind,
          Ident             *x,
          const char        *hint)
{
  Unit *u = g_new0 (Unit, 1);

  u->pub.kind = kind;
  u->pub.id = unique_id (m, hint);
  u->ident = x;
  if (x)
    {
      u->pub.article = article_of (x);
      u->pub.label = label_of (x);
      x->unit = u;
    }
  u->choice = m->choices ? g_hash_table_lookup (m->choices, u->pub.id) : NULL;
  if (u->choice)
    {
      u->pub.resolution = u->choice->resolution;
      u->pub.text = g_strdup (u->choice->text);
      if (u->choice->resolution == AMEND_RESOLUTION_TEXT &&
          (kind == AMEND_CONFLICT_MOVED || kind == AMEND_CONFLICT_ORDER))
        set_error_once (m, g_error_new (AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION,
                                        _("the conflict %s is about a place, not a text; choose ours or theirs"),
                                        u->pub.id));
    }
  g_ptr_array_add (m->units, u);
  return u;
}

static AmendResolution
chosen (Unit *u)
{
  return u && u->choice ? u->choice->resolution : AMEND_RESOLUTION_NONE;
}

static void
describe_node (Unit  *u,
               Ident *x,
               char *(*render) (const AmendNode *))
{
  u->pub.base_text = x->b ? render (x->b) : NULL;
  u->pub.ours_text = x->o ? render (x->o) : NULL;
  u->pub.theirs_text = x->t ? render (x->t) : NULL;
}

static char *
render_with_article (const AmendNode *node)
{
  const AmendNode *a = amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);

  return _amend_merge_render_node (node, a ? a->number : NULL);
}

/* Where a node stands: the heading of its parent, or "(top)". */
static char *
render_place (const AmendNode *node)
{
  g_autofree char *self = _amend_merge_render_heading (node);
  g_autofree char *parent = node->parent && node->parent->parent ? _amend_merge_render_heading (node->parent) : NULL;

  return parent && *parent ? g_strdup_printf ("%s \xe2\x86\x92 %s", parent, self) : g_strdup (self);
}

/* ----------------------------------------------------------------------- */
/* Places                                                                   */
/* ----------------------------------------------------------------------- */

static Ident *
parent_ident (Merger    *m,
              AmendNode *node)
{
  return node && node->parent ? ident_of (m, node->parent) : NULL;
}

static Ident *
merged_parent (Merger *m,
               Ident  *x)
{
  Ident *pb, *po, *pt;

  if (x->b == NULL)
    return parent_ident (m, x->o ? x->o : x->t);
  pb = parent_ident (m, x->b);
  po = parent_ident (m, x->o);
  pt = parent_ident (m, x->t);
  if (x->o == NULL || x->t == NULL)
    return x->o ? po : x->t ? pt : NULL;
  if (po == pt || x->ours_parent || pt == pb)
    return po;
  if (po == pb)
    return pt;
  {
    Unit *u = unit_new (m, AMEND_CONFLICT_MOVED, x, x->b->eid);

    describe_node (u, x, render_place);
    return chosen (u) == AMEND_RESOLUTION_THEIRS ? pt : po;
  }
}

static void
place_all (Merger *m)
{
  for (guint i = 0; i < m->all->len; i++)
    {
      Ident *x = g_ptr_array_index (m->all, i);

      g_ptr_array_set_size (x->members, 0);
      x->parent = NULL;
      x->unit = NULL;
      x->placed = FALSE;
    }
  for (guint i = 0; i < m->all->len; i++)
    {
      Ident *x = g_ptr_array_index (m->all, i);

      if (x->absorbed)
        continue;
      x->parent = merged_parent (m, x);
      if (x->parent)
        g_ptr_array_add (x->parent->members, x);
    }
}

/* ----------------------------------------------------------------------- */
/* Order                                                                    */
/* ----------------------------------------------------------------------- */

/* The value of the Roman numeral of I, V, X and L (or i, v, x and l) at
 * @p, as long as the run of those letters, in @end; 0 when the run is no
 * numeral in the usual form ("IIII", "VX"). */
static guint
roman_value (const char  *p,
             const char **end)
{
  static const char upper[] = "IVXL", lower[] = "ivxl";
  static const guint values[] = { 1, 5, 10, 50 };
  static const char *const tens[] = { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX" };
  static const char *const ones[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
  const char *set = g_ascii_isupper (*p) ? upper : lower;
  guint value = 0;
  const char *q;
  g_autofree char *back = NULL;

  for (q = p; *q && strchr (set, *q) != NULL; q++)
    {
      guint v = values[strchr (set, *q) - set];
      const char *n = q[1] ? strchr (set, q[1]) : NULL;

      value = n && values[n - set] > v ? value - v : value + v;
    }
  *end = q;
  if (q == p || value == 0 || value >= 90)
    return 0;
  /* Only the usual form: written back, the same letters. */
  back = g_strconcat (tens[value / 10], ones[value % 10], NULL);
  if (set == lower)
    for (char *c = back; *c; c++)
      *c = g_ascii_tolower (*c);
  return strlen (back) == (gsize) (q - p) && strncmp (back, p, q - p) == 0 ? value : 0;
}

/* Legal numbers in their order: 5 < 5a < 5b < 6, 1:2 < 1:10, a. < b.,
 * VIII < VIIIa < IX (Roman numerals by value, where both numbers have one
 * at the same place, not two single letters: points h., i., j.). */
int
_amend_merge_compare_numbers (const char *a,
                              const char *b)
{
  const char *a0 = a, *b0 = b;

  while (*a && *b)
    {
      const char *ea, *eb;
      guint ra, rb;

      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          guint64 x = g_ascii_strtoull (a, (char **) &a, 10);
          guint64 y = g_ascii_strtoull (b, (char **) &b, 10);

          if (x != y)
            return x < y ? -1 : 1;
          continue;
        }
      if ((a == a0 || !g_ascii_isalpha (a[-1])) && (b == b0 || !g_ascii_isalpha (b[-1])) &&
          g_ascii_isupper (*a) == g_ascii_isupper (*b) && (ra = roman_value (a, &ea)) > 0 &&
          (rb = roman_value (b, &eb)) > 0 && (ea - a > 1 || eb - b > 1))
        {
          if (ra != rb)
            return ra < rb ? -1 : 1;
          a = ea;
          b = eb;
          continue;
        }
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return g_ascii_tolower (*a) < g_ascii_tolower (*b) ? -1 : 1;
      a++;
      b++;
    }
  return *a ? 1 : *b ? -1 : 0;
}

static GPtrArray *
side_sequence (Merger     *m,
               AmendNode  *node,
               GHashTable *members)
{
  GPtrArray *seq = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; node && i < amend_node_n_children (node); i++)
    {
      Ident *x = ident_of (m, amend_node_child (node, i));

      if (g_hash_table_contains (members, x) && g_hash_table_add (seen, x))
        g_ptr_array_add (seq, x);
    }
  return seq;
}

static GPtrArray *
restrict_to (GPtrArray  *seq,
             GHashTable *set_a,
             GHashTable *set_b)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < seq->len; i++)
    {
      gpointer x = g_ptr_array_index (seq, i);
      if (g_hash_table_contains (set_a, x) && (set_b == NULL || g_hash_table_contains (set_b, x)))
        g_ptr_array_add (out, x);
    }
  return out;
}

static GHashTable *
set_of (GPtrArray *seq)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < seq->len; i++)
    g_hash_table_add (set, g_ptr_array_index (seq, i));
  return set;
}

static gboolean
same_sequence (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

#define ORDER_WORDS 5

/* A part without a heading (a paragraph, an unnumbered item) by its first
 * words: "¶ “Het college kan besluiten anders…”".  Bare pilcrows told the
 * council member nothing of which paragraphs changed places. */
static void
append_first_words (GString         *s,
                    const AmendNode *node)
{
  g_autofree char *text = amend_node_get_text_content (node);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (text), " \n\t", -1);
  guint n = 0;

  g_string_append (s, "\xc2\xb6");
  for (guint i = 0; words[i] != NULL && n <= ORDER_WORDS; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (n == ORDER_WORDS)
        {
          g_string_append (s, "\xe2\x80\xa6");
          n++;
          break;
        }
      g_string_append (s, n == 0 ? " \xe2\x80\x9c" : " ");
      g_string_append (s, words[i]);
      n++;
    }
  if (n > 0)
    g_string_append (s, "\xe2\x80\x9d");
}

static char *
render_order (GPtrArray *seq)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < seq->len; i++)
    {
      const AmendNode *node = any_node (g_ptr_array_index (seq, i));
      g_autofree char *h = _amend_merge_render_heading (node);

      if (i > 0)
        g_string_append (s, ", ");
      if (*h)
        g_string_append (s, h);
      else
        append_first_words (s, node);
    }
  return g_string_free (s, FALSE);
}

typedef struct {
  Ident *x;
  Unit  *gap;
} Item;

typedef struct {
  GPtrArray  *so, *st;      /* the members in ours' and theirs' order */
  GHashTable *in_o, *in_t;
  gboolean    theirs_first; /* theirs' order is the skeleton */
} Order;

static void
order_clear (Order *o)
{
  g_clear_pointer (&o->so, g_ptr_array_unref);
  g_clear_pointer (&o->st, g_ptr_array_unref);
  g_clear_pointer (&o->in_o, g_hash_table_unref);
  g_clear_pointer (&o->in_t, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Order, order_clear)

/* Which side's order of the members both have wins: the one that changed
 * it; both changing it is a conflict. */
static void
choose_skeleton (Merger     *m,
                 Ident      *p,
                 Order      *ord,
                 GHashTable *members)
{
  g_autoptr(GPtrArray) sb = side_sequence (m, p->b, members);
  g_autoptr(GPtrArray) co = restrict_to (ord->so, ord->in_t, NULL);
  g_autoptr(GPtrArray) ct = restrict_to (ord->st, ord->in_o, NULL);
  g_autoptr(GHashTable) in_b = NULL;
  g_autoptr(GPtrArray) cb = NULL, co3 = NULL, ct3 = NULL;
  Unit *u;

  if (same_sequence (co, ct))
    return;
  in_b = set_of (sb);
  cb = restrict_to (sb, ord->in_o, ord->in_t);
  co3 = restrict_to (co, in_b, NULL);
  ct3 = restrict_to (ct, in_b, NULL);
  if (same_sequence (co3, cb) && !same_sequence (ct3, cb))
    {
      ord->theirs_first = TRUE;
      return;
    }
  if (same_sequence (ct3, cb) && !same_sequence (co3, cb))
    return;
  u = unit_new (m, AMEND_CONFLICT_ORDER, NULL, any_node (p)->eid);
  u->parent = p;
  u->pub.article = article_of (p);
  u->pub.label = label_of (p);
  u->pub.base_text = render_order (cb);
  u->pub.ours_text = render_order (co);
  u->pub.theirs_text = render_order (ct);
  ord->theirs_first = chosen (u) == AMEND_RESOLUTION_THEIRS;
}

static gboolean
all_numbered (GPtrArray     *list,
              AmendNodeKind *kind)
{
  for (guint i = 0; i < list->len; i++)
    {
      const AmendNode *n = any_node (g_ptr_array_index (list, i));

      if (n->number == NULL || n->number[0] == '\0' || n->kind != *kind)
        return FALSE;
      if (i > 0 && _amend_merge_compare_numbers (any_node (g_ptr_array_index (list, i - 1))->number, n->number) >= 0)
        return FALSE;
    }
  return TRUE;
}

/* Both sides inserted between the same two nodes: numbers put them in
 * order when all have one, of one kind, no two the same. */
static GPtrArray *
merge_by_number (GPtrArray *a,
                 GPtrArray *b)
{
  AmendNodeKind kind = any_node (g_ptr_array_index (a, 0))->kind;
  GPtrArray *out;
  guint i = 0, j = 0;

  if (!all_numbered (a, &kind) || !all_numbered (b, &kind))
    return NULL;
  out = g_ptr_array_new ();
  while (i < a->len || j < b->len)
    {
      Ident *x = i < a->len ? g_ptr_array_index (a, i) : NULL;
      Ident *y = j < b->len ? g_ptr_array_index (b, j) : NULL;
      int cmp = x && y ? _amend_merge_compare_numbers (any_node (x)->number, any_node (y)->number) : x ? -1 : 1;

      if (cmp == 0)
        {
          g_ptr_array_unref (out);
          return NULL;
        }
      g_ptr_array_add (out, cmp < 0 ? x : y);
      if (cmp < 0)
        i++;
      else
        j++;
    }
  return out;
}

static gboolean
has_new (GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    if (((Ident *) g_ptr_array_index (list, i))->b == NULL)
      return TRUE;
  return FALSE;
}

static void
add_items (GArray    *items,
           GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      Item item = { g_ptr_array_index (list, i), NULL };
      g_array_append_val (items, item);
    }
}

static void
nodes_of (GPtrArray *list,
          gboolean   ours,
          GPtrArray *out)
{
  for (guint i = 0; i < list->len; i++)
    {
      Ident *x = g_ptr_array_index (list, i);
      g_ptr_array_add (out, ours ? x->o : x->t);
    }
}

static void
fill_gap (Merger    *m,
          Ident     *p,
          GPtrArray *in_ours,
          GPtrArray *in_theirs,
          GArray    *items)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) on = NULL, tn = NULL;
  Unit *u;
  Item item = { NULL, NULL };

  if (in_theirs->len == 0 || in_ours->len == 0 || !has_new (in_ours) || !has_new (in_theirs))
    {
      add_items (items, in_ours);
      add_items (items, in_theirs);
      return;
    }
  if ((sorted = merge_by_number (in_ours, in_theirs)) != NULL)
    {
      add_items (items, sorted);
      return;
    }
  u = unit_new (m, AMEND_CONFLICT_INSERTED, NULL, any_node (g_ptr_array_index (in_ours, 0))->eid);
  u->parent = p;
  u->ours = g_ptr_array_ref (in_ours);
  u->theirs = g_ptr_array_ref (in_theirs);
  u->pub.article = article_of (g_ptr_array_index (in_ours, 0));
  u->pub.label = label_of (g_ptr_array_index (in_ours, 0));
  on = g_ptr_array_new ();
  tn = g_ptr_array_new ();
  nodes_of (in_ours, TRUE, on);
  nodes_of (in_theirs, FALSE, tn);
  u->pub.ours_text = _amend_merge_render_list (on);
  u->pub.theirs_text = _amend_merge_render_list (tn);
  for (guint i = 0; i < in_ours->len; i++)
    ((Ident *) g_ptr_array_index (in_ours, i))->unit = u;
  for (guint i = 0; i < in_theirs->len; i++)
    ((Ident *) g_ptr_array_index (in_theirs, i))->unit = u;
  item.gap = u;
  g_array_append_val (items, item);
}

/* Splits a side's members into the gaps between the common ones. */
static GPtrArray **
gaps_of (GPtrArray  *seq,
         GPtrArray  *common,
         GHashTable *common_index)
{
  GPtrArray **gaps = g_new0 (GPtrArray *, common->len + 1);
  guint g = 0;

  for (guint i = 0; i <= common->len; i++)
    gaps[i] = g_ptr_array_new ();
  for (guint i = 0; i < seq->len; i++)
    {
      gpointer x = g_ptr_array_index (seq, i);
      gpointer idx;

      if (g_hash_table_lookup_extended (common_index, x, NULL, &idx))
        g = GPOINTER_TO_UINT (idx) + 1;
      else
        g_ptr_array_add (gaps[g], x);
    }
  return gaps;
}

static void
free_gaps (GPtrArray **gaps,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (gaps[i]);
  g_free (gaps);
}

/* The preamble is the text before the first heading: written anywhere
 * else it would be read as the end of the part before it.  One side that
 * adds a preamble while the other keeps a part the first one deleted
 * would otherwise put it after that part. */
static void
preamble_first (GArray *items)
{
  for (guint i = 1; i < items->len; i++)
    {
      Item item = g_array_index (items, Item, i);

      if (item.x != NULL && any_node (item.x)->kind == AMEND_NODE_PREAMBLE)
        {
          g_array_remove_index (items, i);
          g_array_prepend_val (items, item);
          return;
        }
    }
}

static GArray *
order_members (Merger    *m,
               Ident     *p,
               GPtrArray *kept)
{
  g_autoptr(GHashTable) members = set_of (kept);
  g_auto(Order) ord = { 0 };
  g_autoptr(GPtrArray) common = NULL;
  g_autoptr(GHashTable) common_index = NULL;
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));
  GPtrArray **gaps_o, **gaps_t;

  ord.so = side_sequence (m, p->o, members);
  ord.st = side_sequence (m, p->t, members);
  ord.in_o = set_of (ord.so);
  ord.in_t = set_of (ord.st);
  choose_skeleton (m, p, &ord, members);
  common = ord.theirs_first ? restrict_to (ord.st, ord.in_o, NULL) : restrict_to (ord.so, ord.in_t, NULL);
  common_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < common->len; i++)
    g_hash_table_insert (common_index, g_ptr_array_index (common, i), GUINT_TO_POINTER (i));
  gaps_o = gaps_of (ord.so, common, common_index);
  gaps_t = gaps_of (ord.st, common, common_index);
  for (guint g = 0; g <= common->len; g++)
    {
      fill_gap (m, p, gaps_o[g], gaps_t[g], items);
      if (g < common->len)
        {
          Item item = { g_ptr_array_index (common, g), NULL };
          g_array_append_val (items, item);
        }
    }
  /* A member neither side holds under this node cannot be; should one
   * turn up, it is put last rather than lost, and the check will see it. */
  for (guint i = 0; i < kept->len; i++)
    {
      Ident *x = g_ptr_array_index (kept, i);

      if (!g_hash_table_contains (ord.in_o, x) && !g_hash_table_contains (ord.in_t, x))
        {
          Item item = { x, NULL };
          g_array_append_val (items, item);
        }
    }
  free_gaps (gaps_o, common->len + 1);
  free_gaps (gaps_t, common->len + 1);
  preamble_first (items);
  return items;
}

/* ----------------------------------------------------------------------- */
/* Building the result                                                      */
/* ----------------------------------------------------------------------- */

static void build_members (Merger *m, Ident *p, AmendNode *into);

static gboolean
is_dirty (GHashTable *dirty,
          AmendNode  *b)
{
  return g_hash_table_contains (dirty, b);
}

/* Whether @x goes into the result; a node one side deleted and the other
 * changed becomes a conflict that holds ours for now. */
static gboolean
keep_member (Merger *m,
             Ident  *x)
{
  Unit *u;

  if (x->forced)
    {
      u = unit_new (m, x->numbering ? AMEND_CONFLICT_NUMBERING : AMEND_CONFLICT_CHECK, x, any_node (x)->eid);
      describe_node (u, x, render_with_article);
      return TRUE;
    }
  if (x->b == NULL || (x->o && x->t))
    return TRUE;
  if (x->o && !is_dirty (m->dirty_o, x->b))
    return FALSE;
  if (x->t && !is_dirty (m->dirty_t, x->b))
    return FALSE;
  if (x->o == NULL && x->t == NULL)
    return FALSE;
  u = unit_new (m, AMEND_CONFLICT_DELETED, x, x->b->eid);
  describe_node (u, x, render_with_article);
  return TRUE;
}

static void
mark_placed (Merger    *m,
             AmendNode *subtree)
{
  for (AmendNode *n = subtree; n != NULL; n = amend_node_next (n, subtree))
    {
      Ident *x = ident_of (m, n);
      if (x)
        x->placed = TRUE;
    }
}

/* What a copy of a side's subtree holds came from those nodes: a node
 * the side moved into it is there, for the check. */
static void
mark_built (Merger    *m,
            AmendNode *from,
            AmendNode *copy)
{
  for (AmendNode *n = from, *c = copy; n != NULL && c != NULL;
       n = amend_node_next (n, from), c = amend_node_next (c, copy))
    {
      Ident *x = ident_of (m, n);
      if (x)
        g_hash_table_insert (m->built, c, x);
    }
}

static AmendNodeKind
unit_kind (Unit *u)
{
  if (u->ident)
    return any_node (u->ident)->kind;
  return any_node (g_ptr_array_index (u->ours, 0))->kind;
}

static void
append_parsed (Merger    *m,
               Unit      *u,
               AmendNode *into)
{
  GError *error = NULL;
  g_autoptr(GPtrArray) nodes = _amend_merge_parse_nodes (u->choice->text, unit_kind (u), &error);

  if (nodes == NULL)
    {
      g_prefix_error (&error, "%s: ", u->pub.id);
      set_error_once (m, error);
      return;
    }
  for (guint i = 0; i < nodes->len; i++)
    amend_node_append (into, amend_node_copy (g_ptr_array_index (nodes, i)));
}

/* A node one side deleted and the other changed, or one the check found
 * wrong: taken whole from the side chosen (ours for now). */
static void
build_whole (Merger    *m,
             Ident     *x,
             AmendNode *into)
{
  AmendNode *from = NULL;

  switch (chosen (x->unit))
    {
    case AMEND_RESOLUTION_TEXT:
      append_parsed (m, x->unit, into);
      return;
    case AMEND_RESOLUTION_THEIRS:
      from = x->t;
      break;
    case AMEND_RESOLUTION_NONE:
    case AMEND_RESOLUTION_OURS:
    default:
      from = x->o;
      break;
    }
  if (x->o)
    mark_placed (m, x->o);
  if (x->t)
    mark_placed (m, x->t);
  if (from)
    {
      AmendNode *copy = amend_node_copy (from);

      amend_node_append (into, copy);
      mark_built (m, from, copy);
    }
}

static char *
merge_string (const char *b,
              const char *o,
              const char *t,
              gboolean   *conflict)
{
  if (g_strcmp0 (o, t) == 0 || g_strcmp0 (t, b) == 0)
    return g_strdup (o);
  if (g_strcmp0 (o, b) == 0)
    return g_strdup (t);
  *conflict = TRUE;
  return g_strdup (o);
}

static void
copy_own (AmendNode       *node,
          const AmendNode *from)
{
  g_free (node->word);
  g_free (node->number);
  g_free (node->heading);
  node->word = g_strdup (from->word);
  node->number = g_strdup (from->number);
  node->heading = g_strdup (from->heading);
  node->heading_level = from->heading_level;
}

static void
copy_runs (AmendNode       *node,
           const AmendNode *from)
{
  if (node->runs)
    g_array_set_size (node->runs, 0);
  for (guint i = 0; from->runs && i < from->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (from->runs, AmendRun, i);
      amend_node_add_run (node, run->text, -1, run->marks, run->href);
    }
  node->heading_level = from->heading_level;
}

static void
merge_heading (Merger    *m,
               Ident     *x,
               AmendNode *node)
{
  gboolean conflict = FALSE;
  Unit *u;

  node->word = merge_string (x->b->word, x->o->word, x->t->word, &conflict);
  node->number = merge_string (x->b->number, x->o->number, x->t->number, &conflict);
  node->heading = merge_string (x->b->heading, x->o->heading, x->t->heading, &conflict);
  node->heading_level = x->o->heading_level;
  if (!conflict)
    return;
  u = unit_new (m, AMEND_CONFLICT_HEADING, x, x->b->eid);
  describe_node (u, x, _amend_merge_render_heading);
  if (chosen (u) == AMEND_RESOLUTION_THEIRS)
    copy_own (node, x->t);
  else if (chosen (u) == AMEND_RESOLUTION_TEXT)
    {
      GError *error = NULL;

      if (!_amend_merge_parse_heading (u->choice->text, x->o, node, &error))
        {
          g_prefix_error (&error, "%s: ", u->pub.id);
          set_error_once (m, error);
        }
    }
}

static const char *
text_id (Ident *x)
{
  const AmendNode *b = x->b;

  /* A member's or point's own words are named by the member or point. */
  if (b->pos == 0 && b->parent && (b->parent->kind == AMEND_NODE_MEMBER || b->parent->kind == AMEND_NODE_POINT))
    return b->parent->eid;
  return b->eid;
}

static void
merge_text (Merger    *m,
            Ident     *x,
            AmendNode *node)
{
  Unit *u;

  if (amend_text_equal (x->o, x->b))
    copy_runs (node, x->t);
  else if (amend_text_equal (x->t, x->b) || amend_text_equal (x->o, x->t))
    copy_runs (node, x->o);
  else if (!amend_word_merge (m->words, x->b, x->o, x->t, node))
    {
      u = unit_new (m, AMEND_CONFLICT_TEXT, x, text_id (x));
      describe_node (u, x, render_with_article);
      if (chosen (u) == AMEND_RESOLUTION_THEIRS)
        copy_runs (node, x->t);
      else if (chosen (u) == AMEND_RESOLUTION_TEXT)
        {
          GError *error = NULL;

          if (!_amend_merge_parse_runs (u->choice->text, node, &error))
            {
              g_prefix_error (&error, "%s: ", u->pub.id);
              set_error_once (m, error);
            }
        }
      else
        copy_runs (node, x->o);
    }
}

static AmendNode *
new_node (Merger *m,
          Ident  *x)
{
  const AmendNode *from = x->o ? x->o : x->t;
  AmendNode *node = amend_node_new (from->kind);

  if (x->b && x->o && x->t)
    {
      merge_heading (m, x, node);
      if (from->kind == AMEND_NODE_TEXT)
        merge_text (m, x, node);
    }
  else
    {
      copy_own (node, from);
      copy_runs (node, from);
    }
  return node;
}

static void
build_ident (Merger    *m,
             Ident     *x,
             AmendNode *into)
{
  AmendNode *node;

  x->placed = TRUE;
  if (x->unit && _amend_merge_unit_is_whole (x->unit))
    {
      build_whole (m, x, into);
      return;
    }
  node = new_node (m, x);
  amend_node_append (into, node);
  g_hash_table_insert (m->built, node, x);
  build_members (m, x, node);
}

static void
build_gap (Merger    *m,
           Unit      *u,
           AmendNode *into)
{
  GPtrArray *list = chosen (u) == AMEND_RESOLUTION_THEIRS ? u->theirs : u->ours;

  if (chosen (u) == AMEND_RESOLUTION_TEXT)
    {
      append_parsed (m, u, into);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    build_ident (m, g_ptr_array_index (list, i), into);
}

static void
build_members (Merger    *m,
               Ident     *p,
               AmendNode *into)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GArray) items = NULL;

  for (guint i = 0; i < p->members->len; i++)
    {
      Ident *x = g_ptr_array_index (p->members, i);
      if (keep_member (m, x))
        g_ptr_array_add (kept, x);
    }
  items = order_members (m, p, kept);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->gap)
        build_gap (m, item->gap, into);
      else
        build_ident (m, item->x, into);
    }
}

/* ----------------------------------------------------------------------- */
/* The front matter                                                         */
/* ----------------------------------------------------------------------- */

static const char *
meta_value (GArray     *meta,
            const char *key,
            gboolean   *found)
{
  for (guint i = 0; i < meta->len; i++)
    {
      const AmendMetaEntry *e = &g_array_index (meta, AmendMetaEntry, i);
      if (g_strcmp0 (e->key, key) == 0)
        {
          *found = TRUE;
          return e->value ? e->value : "";
        }
    }
  *found = FALSE;
  return NULL;
}

static gboolean
meta_equal (AmendDocument *a,
            AmendDocument *b)
{
  g_autofree char *x = _amend_merge_render_meta (a);
  g_autofree char *y = _amend_merge_render_meta (b);

  return g_strcmp0 (x, y) == 0;
}

/* Theirs' changes, key by key, into ours'; FALSE when both changed one
 * key differently (or lines that are no key). */
static gboolean
merge_meta_keys (Merger        *m,
                 AmendDocument *into)
{
  GArray *mb = amend_document_get_meta_entries (m->base);
  GArray *mt = amend_document_get_meta_entries (m->theirs);
  GArray *mo = amend_document_get_meta_entries (m->ours);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < (k ? mb : mt)->len; i++)
      {
        const AmendMetaEntry *e = &g_array_index (k ? mb : mt, AmendMetaEntry, i);
        if (e->key == NULL)
          return FALSE;
        g_ptr_array_add (keys, e->key);
      }
  _amend_merge_copy_meta (m->ours, into);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      gboolean in_b, in_o, in_t;
      const char *vb = meta_value (mb, key, &in_b);
      const char *vo = meta_value (mo, key, &in_o);
      const char *vt = meta_value (mt, key, &in_t);

      if (g_strcmp0 (vt, vb) == 0 || g_strcmp0 (vo, vt) == 0)
        continue;
      if (g_strcmp0 (vo, vb) != 0 || !in_t)
        return FALSE;  /* both changed it; or theirs dropped a key (no way to drop one here) */
      amend_document_set_meta (into, key, vt);
    }
  return TRUE;
}

static void
merge_meta (Merger *m)
{
  GError *error = NULL;
  Unit *u;

  if (meta_equal (m->ours, m->base))
    {
      _amend_merge_copy_meta (m->theirs, m->result);
      return;
    }
  if (meta_equal (m->theirs, m->base) || meta_equal (m->ours, m->theirs))
    {
      _amend_merge_copy_meta (m->ours, m->result);
      return;
    }
  if (merge_meta_keys (m, m->result))
    return;
  u = unit_new (m, AMEND_CONFLICT_FRONT_MATTER, NULL, "front-matter");
  u->pub.base_text = _amend_merge_render_meta (m->base);
  u->pub.ours_text = _amend_merge_render_meta (m->ours);
  u->pub.theirs_text = _amend_merge_render_meta (m->theirs);
  if (chosen (u) == AMEND_RESOLUTION_THEIRS)
    _amend_merge_copy_meta (m->theirs, m->result);
  else if (chosen (u) == AMEND_RESOLUTION_TEXT)
    {
      if (!_amend_merge_parse_meta (u->choice->text, m->result, &error))
        set_error_once (m, error);
    }
  else
    _amend_merge_copy_meta (m->ours, m->result);
}

/* ----------------------------------------------------------------------- */
/* Rounds                                                                   */
/* ----------------------------------------------------------------------- */

static void
build_document (Merger *m)
{
  Ident *root = ident_of (m, amend_document_get_root (m->base));

  g_clear_object (&m->result);
  g_clear_pointer (&m->units, g_ptr_array_unref);
  g_clear_pointer (&m->unit_ids, g_hash_table_unref);
  m->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  m->unit_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->result = amend_document_new ();
  g_clear_pointer (&m->built, g_hash_table_unref);
  m->built = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (m->built, amend_document_get_root (m->result), root);

  merge_meta (m);
  place_all (m);
  root->placed = TRUE;
  build_members (m, root, amend_document_get_root (m->result));
  amend_document_assign_eids (m->result);
}

/* Ours' place of a node both keep is not in the result either: theirs
 * deleted the part around it (having moved the node into a part of its
 * own that is not in the result, the losing side of an insertion
 * conflict, say).  The topmost part of ours' place that is missing
 * becomes a conflict taken whole from ours, which holds the node: the
 * sides contradict each other there, and a person decides (found by
 * fuzz-merge, with two chapters of one number). */
static gboolean
take_ours_place (Merger *m,
                 Ident  *x)
{
  Ident *top = NULL;

  for (AmendNode *n = x->o->parent; n != NULL && n->parent != NULL; n = n->parent)
    {
      Ident *p = ident_of (m, n);

      if (p == NULL || p->placed)
        break;
      top = p;
    }
  if (top == NULL || top->forced)
    return FALSE;
  top->forced = TRUE;
  top->no_fault = TRUE;
  return TRUE;
}

/* A node both sides keep must be in the result; when the places chosen
 * make a loop (ours moved A into B, theirs B into A) it is not: such a
 * node takes ours' place, and the check then reports what theirs lost. */
static gboolean
fix_unplaced (Merger *m)
{
  gboolean fixed = FALSE;

  for (guint i = 0; i < m->all->len; i++)
    {
      Ident *x = g_ptr_array_index (m->all, i);

      if (x->absorbed || x->o == NULL || x->t == NULL || x->placed)
        continue;
      if (!x->ours_parent && x->parent && x->parent != parent_ident (m, x->o))
        {
          x->ours_parent = TRUE;
          fixed = TRUE;
        }
      else if (take_ours_place (m, x))
        fixed = TRUE;
    }
  return fixed;
}

static AmendDocument *
copy_document (AmendDocument *doc)
{
  g_autofree char *md = amend_document_to_markdown (doc);

  return amend_document_new_from_data (md, strlen (md), NULL);
}

static Merger *
merger_new (AmendDocument *base,
            AmendDocument *ours,
            AmendDocument *theirs,
            GHashTable    *choices)
{
  Merger *m = g_new0 (Merger, 1);

  /* The diffs number the nodes of their versions: one document given twice
   * would be numbered by both.  A copy keeps them apart. */
  m->base = g_object_ref (base);
  m->ours = ours == base ? copy_document (ours) : g_object_ref (ours);
  m->theirs = theirs == base || theirs == ours ? copy_document (theirs) : g_object_ref (theirs);
  m->choices = choices ? g_hash_table_ref (choices) : NULL;
  m->words = amend_word_table_new ();
  m->idents = g_hash_table_new (NULL, NULL);
  m->all = g_ptr_array_new_with_free_func ((GDestroyNotify) ident_free);
  m->d_o = amend_diff_new (m->base, m->ours);
  m->d_t = amend_diff_new (m->base, m->theirs);
  m->dirty_o = mark_dirty (m->d_o);
  m->dirty_t = mark_dirty (m->d_t);
  make_idents (m);
  unify_insertions (m);
  return m;
}

static void
report_fault (const char *why)
{
  /* The merge and its check disagree: a fault of Amend.  The node is a
   * conflict, so nothing is lost; debug builds (and the tests) stop. */
#ifndef NDEBUG
  g_critical ("the structural merge would have lost a change: %s", why);
#else
  g_warning ("the structural merge would have lost a change: %s", why);
#endif
}

static gboolean
run_rounds (AmendMerge *self,
            gboolean    check,
            GError    **error)
{
  Merger *m = self->m;

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) wrong = NULL;
      g_autoptr(GString) why = g_string_new (NULL);

      build_document (m);
      if (m->error)
        {
          g_propagate_error (error, g_steal_pointer (&m->error));
          return FALSE;
        }
      if (fix_unplaced (m))
        continue;
      wrong = _amend_merge_check_numbering (m);
      if (m->error)
        {
          g_propagate_error (error, g_steal_pointer (&m->error));
          return FALSE;
        }
      if (wrong->len > 0)
        {
          for (guint i = 0; i < wrong->len; i++)
            ((Ident *) g_ptr_array_index (wrong, i))->forced = TRUE;
          continue;
        }
      g_clear_pointer (&wrong, g_ptr_array_unref);
      g_free (self->markdown);
      self->markdown = amend_document_to_markdown (m->result);
      if (!check)
        return TRUE;
      wrong = _amend_merge_check_sayable (m, self->markdown);
      if (wrong->len > 0)
        {
          ((Ident *) g_ptr_array_index (wrong, 0))->forced = TRUE;
          continue;
        }
      g_clear_pointer (&wrong, g_ptr_array_unref);
      /* The model that is written: the writer is canonical (reading what
       * it wrote gives the same model back), which the tests hold it to,
       * so checking the model checks the text. */
      wrong = _amend_merge_check_sides (m, m->result, why);
      if (wrong->len == 0)
        return TRUE;
      report_fault (why->str);
      for (guint i = 0; i < wrong->len; i++)
        ((Ident *) g_ptr_array_index (wrong, i))->forced = TRUE;
    }
  g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_FAILED,
               _("the versions could not be merged so that every change is kept; merge them by hand"));
  return FALSE;
}

/**
 * amend_merge_documents_full:
 * @base: the version both sides started from
 * @ours: the version merged into (the draft)
 * @theirs: the version merged in (the amendment)
 * @choices: (nullable): how conflicts are resolved, from amend_choices_new()
 *
 * The structural three-way merge.  The result holds every change of both
 * sides; where they contradict each other it holds ours, and the conflict
 * says what theirs was, until @choices decides it.
 *
 * Returns: (transfer full): the merge, or %NULL when a choice does not fit
 * its conflict (a text that is no paragraph, say).
 */
AmendMerge *
amend_merge_documents_full (AmendDocument *base,
                            AmendDocument *ours,
                            AmendDocument *theirs,
                            GHashTable    *choices,
                            GError       **error)
{
  g_autoptr(AmendMerge) self = NULL;

  g_return_val_if_fail (AMEND_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (AMEND_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (AMEND_IS_DOCUMENT (theirs), NULL);

  self = g_object_new (AMEND_TYPE_MERGE, NULL);
  self->m = merger_new (base, ours, theirs, choices);
  if (!run_rounds (self, TRUE, error))
    return NULL;
  for (guint i = 0; i < self->m->units->len; i++)
    g_ptr_array_add (self->conflicts, &((Unit *) g_ptr_array_index (self->m->units, i))->pub);
  return g_steal_pointer (&self);
}

/* A trial merge, for collisions: its result is never written, so the
 * check (which reads the result back and diffs it once more, half the
 * cost) is left out. */
AmendMerge *
_amend_merge_documents_trial (AmendDocument *base,
                              AmendDocument *ours,
                              AmendDocument *theirs,
                              GError       **error)
{
  g_autoptr(AmendMerge) self = g_object_new (AMEND_TYPE_MERGE, NULL);

  self->m = merger_new (base, ours, theirs, NULL);
  if (!run_rounds (self, FALSE, error))
    return NULL;
  for (guint i = 0; i < self->m->units->len; i++)
    g_ptr_array_add (self->conflicts, &((Unit *) g_ptr_array_index (self->m->units, i))->pub);
  return g_steal_pointer (&self);
}

AmendMerge *
amend_merge_documents (AmendDocument *base,
                       AmendDocument *ours,
                       AmendDocument *theirs)
{
  g_autoptr(GError) error = NULL;
  AmendMerge *self = amend_merge_documents_full (base, ours, theirs, NULL, &error);

  /* Without choices only a fault of the merge itself fails. */
  if (self == NULL)
    g_critical ("%s", error->message);
  return self;
}

static void
amend_merge_finalize (GObject *object)
{
  AmendMerge *self = (AmendMerge *) object;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->m, merger_free);
  g_clear_pointer (&self->markdown, g_free);

  G_OBJECT_CLASS (amend_merge_parent_class)->finalize (object);
}

static void
amend_merge_class_init (AmendMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_merge_finalize;
}

static void
amend_merge_init (AmendMerge *self)
{
  self->conflicts = g_ptr_array_new ();
}

AmendDocument *
amend_merge_get_base (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->m->base;
}

AmendDocument *
amend_merge_get_ours (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->m->ours;
}

AmendDocument *
amend_merge_get_theirs (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->m->theirs;
}

/* The merged version; where a conflict is not resolved, it holds ours. */
AmendDocument *
amend_merge_get_result (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->m->result;
}

/* The merged version in canonical Markdown. */
const char *
amend_merge_get_markdown (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->markdown;
}

AmendDiff *
amend_merge_get_ours_diff (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->m->d_o;
}

AmendDiff *
amend_merge_get_theirs_diff (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->m->d_t;
}

/**
 * amend_merge_get_conflicts:
 *
 * Returns: (transfer none) (element-type AmendConflict): every conflict,
 * in the order of the text, resolved or not.
 */
GPtrArray *
amend_merge_get_conflicts (AmendMerge *self)
{
  g_return_val_if_fail (AMEND_IS_MERGE (self), NULL);
  return self->conflicts;
}

guint
amend_merge_count_unresolved (AmendMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (AMEND_IS_MERGE (self), 0);
  for (guint i = 0; i < self->conflicts->len; i++)
    if (((AmendConflict *) g_ptr_array_index (self->conflicts, i))->resolution == AMEND_RESOLUTION_NONE)
      n++;
  return n;
}

/**
 * amend_merge_check:
 *
 * Checks the merge's promise once more, on the result as written and read
 * back: the diff from the base to the result holds every change of both
 * sides, except in the nodes that are conflicts.  The merge checks this
 * itself; the tests call it to see that nothing needed a forced conflict.
 */
gboolean
amend_merge_check (AmendMerge *self,
                   GError    **error)
{
  g_autoptr(AmendDocument) written = NULL;
  g_autoptr(GPtrArray) wrong = NULL;
  g_autoptr(GString) why = g_string_new (NULL);

  g_return_val_if_fail (AMEND_IS_MERGE (self), FALSE);

  written = amend_document_new_from_data (self->markdown, strlen (self->markdown), error);
  if (written == NULL)
    return FALSE;
  wrong = _amend_merge_check_sides (self->m, written, why);
  for (guint i = 0; i < self->m->units->len; i++)
    {
      Unit *u = g_ptr_array_index (self->m->units, i);

      /* A shape Markdown cannot say is the sides' conflict, not a fault. */
      if (u->pub.kind == AMEND_CONFLICT_CHECK && !(u->ident && u->ident->no_fault))
        g_string_append_printf (why, "%s%s was made a conflict by the check", why->len ? "; " : "", u->pub.id);
    }
  if (why->len == 0)
    return TRUE;
  g_set_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_FAILED, "%s", why->str);
  return FALSE;
}
