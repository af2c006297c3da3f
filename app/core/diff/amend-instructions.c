/* amend-instructions.c: the amendment instructions (wijzigingsopdrachten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Worded as the Aanwijzingen voor de regelgeving (Ar) ask:
 *
 *  - the frame "ARTIKEL I" and "De <citeertitel> wordt als volgt
 *    gewijzigd:", then one lettered instruction per changed element, A, B,
 *    C, after Z AA, BB (6.15); several changes in one article numbered 1,
 *    2, 3 under "Artikel 3 wordt als volgt gewijzigd:" (6.15, third
 *    member), each one sentence citing below the article ("In het eerste
 *    lid", "In de tekst"); all in one member under "Artikel 3, tweede lid,
 *    wordt als volgt gewijzigd:"; a member with several among others
 *    "2. Het tweede lid wordt als volgt gewijzigd:" with a., b. (the
 *    example of 6.15);
 *  - citations "artikel 5, tweede lid, onderdeel b, onder 1°" (3.29);
 *  - "wordt ... vervangen door ..." and "komt te luiden:" followed by the
 *    new element from its own heading on ("Artikel 2 Reikwijdte", "2.")
 *    (6.9); "ingevoegd" in between and "toegevoegd" at the end (6.11);
 *    "vervalt" (6.12);
 *  - renumbering in the instruction that causes it: "Het tiende lid
 *    vervalt, onder vernummering van het elfde tot en met veertiende lid
 *    tot tiende tot en met dertiende lid." (3.29, the example of its third
 *    member), "Onder vernummering van het tweede lid tot derde lid wordt
 *    een lid ingevoegd" (6.18), and every later instruction cites the
 *    numbers as they stand after the earlier ones;
 *  - what goes together said together: articles deleted one after the
 *    other ("De artikelen 87 tot en met 92 vervallen."), the same change
 *    in several articles ("In de artikelen 151b, tweede lid, en 154b,
 *    vijfde lid, wordt ..."), a division that goes while its articles stay
 *    ("In hoofdstuk V vervalt de aanduiding "§ 1 Commissies".").
 *
 * How a changed text is quoted is in amend-instructions-text.c.  Every
 * function here takes what one of the two versions lacks as NULL: an
 * instruction about an element that only one version has never cites the
 * other.
 */
#include "config.h"

#include <string.h>

#include "amend-instructions.h"
#include "amend-instructions-private.h"
#include "amend-wording.h"

/* ----------------------------------------------------------------------- */
/* Units                                                                    */
/* ----------------------------------------------------------------------- */

static void
unit_free (gpointer data)
{
  Unit *u = data;

  g_ptr_array_unref (u->changes);
  g_free (u);
}

/* The article, division, annex or regulation a node belongs to. */
static const AmendNode *
unit_node (const AmendNode *node)
{
  const AmendNode *article = node->kind == AMEND_NODE_ARTICLE ? node
                           : amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);

  if (article)
    return article;
  for (const AmendNode *n = node; n; n = n->parent)
    if (n->kind != AMEND_NODE_TEXT && n->kind != AMEND_NODE_POINT && n->kind != AMEND_NODE_MEMBER)
      return n;
  return node;
}

/* The preamble, the Toelichting and the Ondertekening are not amended by
 * instruction: the first belongs to the decision, the others are no rules. */
static gboolean
outside_instructions (const AmendNode *node)
{
  for (const AmendNode *n = node; n != NULL; n = n->parent)
    if (n->kind == AMEND_NODE_PREAMBLE || n->kind == AMEND_NODE_EXPLANATION || n->kind == AMEND_NODE_CLOSING)
      return TRUE;
  return FALSE;
}

static Unit *
unit_for (Ctx             *ctx,
          GPtrArray       *units,
          GHashTable      *by_node,
          const AmendNode *key,
          gboolean         key_is_old)
{
  const AmendNode *old_key = key_is_old ? key : amend_diff_get_partner (ctx->diff, key, FALSE);
  const AmendNode *new_key = key_is_old ? amend_diff_get_partner (ctx->diff, key, TRUE) : key;
  Unit *u = g_hash_table_lookup (by_node, new_key ? new_key : old_key);

  if (u == NULL && old_key != NULL)
    u = g_hash_table_lookup (by_node, old_key);
  if (u != NULL)
    return u;
  u = g_new0 (Unit, 1);
  u->old_node = old_key;
  u->new_node = new_key;
  u->changes = g_ptr_array_new ();
  g_ptr_array_add (units, u);
  if (new_key)
    g_hash_table_insert (by_node, (gpointer) new_key, u);
  if (old_key)
    g_hash_table_insert (by_node, (gpointer) old_key, u);
  return u;
}

static void
add_to_unit (Ctx               *ctx,
             GPtrArray         *units,
             GHashTable        *by_node,
             const AmendNode   *node,
             gboolean           is_old,
             const AmendChange *c)
{
  const AmendNode *key = unit_node (node);
  Unit *u;

  if (outside_instructions (key))
    return;
  u = unit_for (ctx, units, by_node, key, is_old);
  if (u->changes->len == 0 || g_ptr_array_index (u->changes, u->changes->len - 1) != c)
    g_ptr_array_add (u->changes, (gpointer) c);
}

gboolean
_amend_instr_is_part (const AmendNode *node)
{
  return node->kind == AMEND_NODE_MEMBER || node->kind == AMEND_NODE_POINT || node->kind == AMEND_NODE_TEXT;
}

/* The changes by the element they are about, in the order of the text.  A
 * member moved from one article to another goes in both: it goes from the
 * one and comes in the other. */
static GPtrArray *
build_units (Ctx *ctx)
{
  GPtrArray *changes = amend_diff_get_changes (ctx->diff);
  GPtrArray *units = g_ptr_array_new_with_free_func (unit_free);
  g_autoptr(GHashTable) by_node = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);

      if (c->action == AMEND_CHANGE_METADATA || c->format_only || (c->old_node == NULL && c->new_node == NULL))
        continue;
      if (c->action == AMEND_CHANGE_MOVED && c->old_node && c->new_node && _amend_instr_is_part (c->new_node))
        {
          add_to_unit (ctx, units, by_node, c->old_node, TRUE, c);
          add_to_unit (ctx, units, by_node, c->new_node, FALSE, c);
          continue;
        }
      if (c->new_node)
        add_to_unit (ctx, units, by_node, c->new_node, FALSE, c);
      else
        add_to_unit (ctx, units, by_node, c->old_node, TRUE, c);
    }
  return units;
}

/* The change that @unit's own element has of @action, if any. */
static const AmendChange *
own_change (Ctx               *ctx,
            const Unit        *unit,
            AmendChangeAction  action)
{
  for (guint i = 0; i < unit->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (unit->changes, i);

      if (c->action != action || g_hash_table_contains (ctx->said, c) || g_hash_table_contains (ctx->reserved, c))
        continue;
      if ((unit->new_node && c->new_node == unit->new_node) || (unit->old_node && c->old_node == unit->old_node &&
                                                                 c->new_node == unit->new_node))
        return c;
    }
  return NULL;
}

gboolean
_amend_instr_is_article (const AmendNode *node)
{
  return node != NULL && node->kind == AMEND_NODE_ARTICLE;
}

/* ----------------------------------------------------------------------- */
/* Letters                                                                  */
/* ----------------------------------------------------------------------- */

static void
letter_free (gpointer data)
{
  Letter *l = data;

  g_ptr_array_unref (l->units);
  g_free (l->text);
  g_free (l->cite);
  g_free (l->predicate);
  g_free (l);
}

static void
instruction_unit_free (gpointer data)
{
  AmendInstructionUnit *u = data;

  g_ptr_array_unref (u->changes);
  g_free (u);
}

Letter *
_amend_instr_letter_new (GPtrArray *letters,
                         char      *text)
{
  Letter *l = g_new0 (Letter, 1);

  l->units = g_ptr_array_new_with_free_func (instruction_unit_free);
  l->text = text;
  g_ptr_array_add (letters, l);
  return l;
}

/* Records that @l says @c, about the element (@old_node, @new_node). */
static void
letter_says (Ctx               *ctx,
             Letter            *l,
             const AmendNode   *old_node,
             const AmendNode   *new_node,
             const AmendChange *c)
{
  AmendInstructionUnit *u = NULL;

  for (guint i = 0; i < l->units->len && u == NULL; i++)
    {
      AmendInstructionUnit *x = g_ptr_array_index (l->units, i);
      if (x->old_node == old_node && x->new_node == new_node)
        u = x;
    }
  if (u == NULL)
    {
      u = g_new0 (AmendInstructionUnit, 1);
      u->old_node = old_node;
      u->new_node = new_node;
      u->changes = g_ptr_array_new ();
      g_ptr_array_add (l->units, u);
    }
  if (c != NULL)
    {
      g_ptr_array_add (u->changes, (gpointer) c);
      g_hash_table_add (ctx->said, (gpointer) c);
    }
}

void
_amend_instr_letter_says_all (Ctx        *ctx,
                              Letter     *l,
                              const Unit *unit)
{
  letter_says (ctx, l, unit->old_node, unit->new_node, NULL);
  for (guint i = 0; i < unit->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (unit->changes, i);
      if (!g_hash_table_contains (ctx->said, c) && !g_hash_table_contains (ctx->reserved, c))
        letter_says (ctx, l, unit->old_node, unit->new_node, c);
    }
}

/* The sibling of @node's kind before it (@step -1) or after it (+1) in
 * its version; with @paired only one the other version has too. */
const AmendNode *
_amend_instr_sibling_of_kind (Ctx             *ctx,
                              const AmendNode *node,
                              int              step,
                              gboolean         paired,
                              gboolean         is_old)
{
  if (node->parent == NULL)
    return NULL;
  for (int i = (int) node->pos + step; i >= 0 && i < (int) amend_node_n_children (node->parent); i += step)
    {
      const AmendNode *s = amend_node_child (node->parent, i);

      if (s->kind == node->kind && (!paired || amend_diff_get_partner (ctx->diff, s, is_old) != NULL))
        return s;
    }
  return NULL;
}

/* "Na artikel 5", "In hoofdstuk 2 wordt voor artikel 2:1", or at the end
 * "Aan hoofdstuk 2": where new elements @first .. @last go (6.11). */
static char *
placement (Ctx             *ctx,
           const AmendNode *first,
           const AmendNode *last,
           const char      *verb,
           const char      *clause,
           const char      *what)
{
  const AmendNode *prev = _amend_instr_sibling_of_kind (ctx, first, -1, FALSE, FALSE);
  const AmendNode *next = _amend_instr_sibling_of_kind (ctx, last, +1, TRUE, FALSE);
  const AmendNode *parent = first->parent;
  gboolean in_division = parent && parent->kind != AMEND_NODE_REGULATION;
  g_autofree char *parent_plain = in_division ? _amend_instr_unit_name (ctx, parent, FALSE) : NULL;
  g_autofree char *parent_name = parent_plain ? _amend_instr_with_comma (parent_plain) : NULL;
  g_autofree char *comma_clause = clause[0] ? g_strdup_printf (", %s,", clause) : g_strdup ("");

  if (next == NULL)
    {
      /* Added at the end: "toegevoegd". */
      if (in_division)
        return g_strdup_printf ("Aan %s %s %s toegevoegd, luidende:", parent_name, verb, what);
      if (prev != NULL)
        {
          g_autofree char *p_plain = _amend_instr_unit_name (ctx, prev, FALSE);
          g_autofree char *p = _amend_instr_with_comma (p_plain);
          return g_strdup_printf ("Na %s %s %s toegevoegd, luidende:", p, verb, what);
        }
      return g_strdup_printf ("Er %s %s toegevoegd, luidende:", verb, what);
    }
  if (prev != NULL)
    {
      g_autofree char *p_plain = _amend_instr_unit_name (ctx, prev, FALSE);
      g_autofree char *p = _amend_instr_with_comma (p_plain);
      return g_strdup_printf ("Na %s %s%s %s ingevoegd, luidende:", p, verb, comma_clause, what);
    }
  {
    g_autofree char *n_plain = _amend_instr_unit_name (ctx, next, FALSE);
    g_autofree char *n = _amend_instr_with_comma (n_plain);
    if (in_division)
      return g_strdup_printf ("In %s %s%s voor %s %s ingevoegd, luidende:", parent_name, verb, comma_clause, n, what);
    return g_strdup_printf ("Voor %s %s%s %s ingevoegd, luidende:", n, verb, comma_clause, what);
  }
}

char *
_amend_instr_count_noun (const AmendNode *like,
                         guint            n)
{
  const char *count = amend_wording_count (n);

  if (n == 1)
    return g_strdup_printf ("een %s", _amend_instr_noun_of (like, FALSE));
  if (count)
    return g_strdup_printf ("%s %s", count, _amend_instr_noun_of (like, TRUE));
  return g_strdup_printf ("%u %s", n, _amend_instr_noun_of (like, TRUE));
}

/* Following units whose element is renumbered as a run after @last
 * (new positions, or old ones with @by_old); their renumbering is said
 * here. */
static void
take_renumbered (Ctx             *ctx,
                 GPtrArray       *units,
                 guint            from,
                 const AmendNode *last,
                 gboolean         by_old,
                 Letter          *l,
                 GPtrArray       *old_nodes,
                 GPtrArray       *new_nodes)
{
  for (guint k = from; k < units->len; k++)
    {
      Unit *u = g_ptr_array_index (units, k);
      const AmendChange *r = own_change (ctx, u, AMEND_CHANGE_RENUMBERED);
      const AmendNode *anchor = by_old ? u->old_node : u->new_node;

      if (r == NULL || anchor == NULL || anchor->kind != last->kind || anchor->parent != last->parent ||
          anchor->pos != last->pos + 1)
        break;
      g_ptr_array_add (old_nodes, (gpointer) u->old_node);
      g_ptr_array_add (new_nodes, (gpointer) u->new_node);
      letter_says (ctx, l, u->old_node, u->new_node, r);
      last = anchor;
    }
}

/* New articles (or divisions, annexes) one after the other, and the ones
 * they push up: "Na artikel 5 worden, onder vernummering van artikel 6
 * tot artikel 8, twee artikelen ingevoegd, luidende:". */
static guint
say_inserted (Ctx       *ctx,
              GPtrArray *units,
              guint      i,
              GPtrArray *letters)
{
  Unit *first = g_ptr_array_index (units, i);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  Letter *l = _amend_instr_letter_new (letters, NULL);
  const AmendNode *last = first->new_node;
  g_autofree char *clause = NULL, *noun = NULL, *head = NULL, *texts = NULL;
  guint k = i;

  for (; k < units->len; k++)
    {
      Unit *u = g_ptr_array_index (units, k);

      if (u->old_node != NULL || u->new_node == NULL || u->new_node->kind != first->new_node->kind ||
          (k > i && (u->new_node->parent != last->parent || u->new_node->pos != last->pos + 1)))
        break;
      g_ptr_array_add (nodes, (gpointer) u->new_node);
      _amend_instr_letter_says_all (ctx, l, u);
      last = u->new_node;
    }
  take_renumbered (ctx, units, k, last, FALSE, l, old_nodes, new_nodes);
  clause = _amend_instr_renumbering_clause (ctx, old_nodes, new_nodes);
  noun = _amend_instr_count_noun (first->new_node, nodes->len);
  head = placement (ctx, first->new_node, last, nodes->len == 1 ? "wordt" : "worden", clause, noun);
  texts = _amend_instr_nodes_text (nodes);
  l->text = g_strdup_printf ("%s\n\n%s", head, texts);
  _amend_instr_apply_renumbering (ctx, old_nodes, new_nodes);
  return k;
}

/* Articles (or divisions) deleted one after the other: "Artikel 7
 * vervalt.", "De artikelen 87 tot en met 92 vervallen.". */
static guint
say_deleted (Ctx       *ctx,
             GPtrArray *units,
             guint      i,
             GPtrArray *letters)
{
  Unit *first = g_ptr_array_index (units, i);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  Letter *l = _amend_instr_letter_new (letters, NULL);
  const AmendNode *last = first->old_node;
  g_autofree char *clause = NULL, *subject = NULL, *cap = NULL;
  guint k = i;

  for (; k < units->len; k++)
    {
      Unit *u = g_ptr_array_index (units, k);

      if (u->new_node != NULL || u->old_node == NULL || u->old_node->kind != first->old_node->kind ||
          (k > i && (u->old_node->parent != last->parent || u->old_node->pos != last->pos + 1)))
        break;
      g_ptr_array_add (gone, (gpointer) u->old_node);
      _amend_instr_letter_says_all (ctx, l, u);
      last = u->old_node;
    }
  take_renumbered (ctx, units, k, last, TRUE, l, old_nodes, new_nodes);
  clause = _amend_instr_renumbering_clause (ctx, old_nodes, new_nodes);
  if (gone->len == 1)
    {
      g_autofree char *name = _amend_instr_unit_name (ctx, first->old_node, TRUE);
      subject = _amend_instr_with_comma (name);
    }
  else
    {
      g_autoptr(GPtrArray) numbers = _amend_instr_numbers_of (ctx, gone, TRUE, FALSE);
      subject = _amend_instr_elements_phrase (numbers, first->old_node, TRUE);
    }
  cap = amend_wording_capitalize (subject);
  l->text = g_strdup_printf ("%s %s%s%s.", cap, gone->len == 1 ? "vervalt" : "vervallen",
                             clause[0] ? ", " : "", clause);
  _amend_instr_apply_renumbering (ctx, old_nodes, new_nodes);
  return k;
}

/* "Paragraaf 1 Commissies", the heading line of a division as written. */
static char *
heading_line (const AmendNode *node)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

  return g_strdup_printf ("%s%s%s%s%s", word ? word : "", node->number ? " " : "", node->number ? node->number : "",
                          node->heading ? " " : "", node->heading ? node->heading : "");
}

/* Whether every child of division @d (of the version @d_is_old) is an
 * article that the other version has directly in the partner of @d's
 * parent, or in the partner of the division before @d (where the
 * articles of the last division of a chapter go when its heading goes):
 * the division's heading went (or came), its articles stayed. */
static gboolean
only_the_heading (Ctx             *ctx,
                  const AmendNode *d,
                  gboolean         d_is_old)
{
  const AmendNode *parent_other = d->parent ? amend_diff_get_partner (ctx->diff, d->parent, d_is_old) : NULL;
  const AmendNode *before = _amend_instr_sibling_of_kind (ctx, d, -1, FALSE, d_is_old);
  const AmendNode *before_other = before ? amend_diff_get_partner (ctx->diff, before, d_is_old) : NULL;

  if (parent_other == NULL || amend_node_n_children (d) == 0 || !amend_node_is_division (d))
    return FALSE;
  for (guint i = 0; i < amend_node_n_children (d); i++)
    {
      const AmendNode *a = amend_node_child (d, i);
      const AmendNode *p = amend_diff_get_partner (ctx->diff, a, d_is_old);

      if (a->kind != AMEND_NODE_ARTICLE || p == NULL ||
          (p->parent != parent_other && (before_other == NULL || p->parent != before_other)))
        return FALSE;
    }
  return TRUE;
}

/* The move of an article out of (or into) a division whose heading alone
 * goes (or comes), under the same number. */
static const AmendChange *
lifted_move (const Unit *u)
{
  for (guint i = 0; i < u->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (u->changes, i);

      if (c->action == AMEND_CHANGE_MOVED && c->new_node == u->new_node && c->old_node == u->old_node &&
          g_strcmp0 (c->number_old, c->number_new) == 0)
        return c;
    }
  return NULL;
}

/* Before the instructions are worded: the moves that a heading going or
 * coming explains are said by that heading's instruction, wherever the
 * articles stand in the order of the changes. */
static void
reserve_lifted (Ctx       *ctx,
                GPtrArray *units)
{
  for (guint k = 0; k < units->len; k++)
    {
      Unit *d = g_ptr_array_index (units, k);
      const AmendNode *div = d->old_node ? d->old_node : d->new_node;
      gboolean is_old = d->old_node != NULL;

      if ((d->old_node == NULL) == (d->new_node == NULL) || !amend_node_is_division (div) ||
          !only_the_heading (ctx, div, is_old))
        continue;
      for (guint i = 0; i < amend_node_n_children (div); i++)
        {
          const AmendNode *a = amend_node_child (div, i);
          const AmendNode *p = amend_diff_get_partner (ctx->diff, a, is_old);

          for (guint j = 0; j < units->len; j++)
            {
              Unit *u = g_ptr_array_index (units, j);
              const AmendChange *m = u->old_node == (is_old ? a : p) ? lifted_move (u) : NULL;

              if (m != NULL)
                g_hash_table_add (ctx->reserved, (gpointer) m);
            }
        }
    }
}

/* The moves of the articles of @d, which the heading instruction says. */
static void
take_lifted (Ctx             *ctx,
             GPtrArray       *units,
             const AmendNode *d,
             gboolean         d_is_old,
             Letter          *l)
{
  for (guint i = 0; i < amend_node_n_children (d); i++)
    {
      const AmendNode *a = amend_node_child (d, i);
      const AmendNode *p = amend_diff_get_partner (ctx->diff, a, d_is_old);

      for (guint k = 0; k < units->len; k++)
        {
          Unit *u = g_ptr_array_index (units, k);
          const AmendChange *m;

          if (u->old_node != (d_is_old ? a : p))
            continue;
          m = lifted_move (u);
          if (m != NULL)
            letter_says (ctx, l, u->old_node, u->new_node, m);
        }
    }
}

/* A division that goes while its articles stay: "In hoofdstuk V vervalt
 * de aanduiding "Paragraaf 1 Commissies"."; several in one part at once. */
static guint
say_heading_gone (Ctx       *ctx,
                  GPtrArray *units,
                  guint      i,
                  GPtrArray *letters)
{
  Unit *first = g_ptr_array_index (units, i);
  const AmendNode *parent = first->old_node->parent;
  g_autoptr(GPtrArray) quoted = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL, *list = NULL;
  Letter *l = _amend_instr_letter_new (letters, NULL);
  guint k = i;

  for (; k < units->len; k++)
    {
      Unit *u = g_ptr_array_index (units, k);
      g_autofree char *line = NULL;

      if (u->new_node != NULL || u->old_node == NULL || u->old_node->parent != parent ||
          !only_the_heading (ctx, u->old_node, TRUE))
        break;
      line = heading_line (u->old_node);
      g_ptr_array_add (quoted, g_strdup_printf ("\"%s\"", line));
      _amend_instr_letter_says_all (ctx, l, u);
      take_lifted (ctx, units, u->old_node, TRUE, l);
    }
  list = amend_wording_list (quoted);
  if (parent->kind == AMEND_NODE_REGULATION)
    l->text = g_strdup_printf ("%s %s %s.", quoted->len == 1 ? "De aanduiding" : "De aanduidingen", list,
                               quoted->len == 1 ? "vervalt" : "vervallen");
  else
    {
      g_autofree char *where_plain = _amend_instr_unit_name (ctx, parent, TRUE);
      where = _amend_instr_with_comma (where_plain);
      l->text = g_strdup_printf ("In %s %s %s %s.", where, quoted->len == 1 ? "vervalt" : "vervallen",
                                 quoted->len == 1 ? "de aanduiding" : "de aanduidingen", list);
    }
  return k;
}

/* A new division around articles that were there: "In hoofdstuk V wordt
 * voor artikel 82 de aanduiding "Paragraaf 1 Commissies" ingevoegd.". */
static guint
say_heading_new (Ctx       *ctx,
                 GPtrArray *units,
                 guint      i,
                 GPtrArray *letters)
{
  Unit *u = g_ptr_array_index (units, i);
  const AmendNode *d = u->new_node;
  const AmendNode *first_article = amend_node_child (d, 0);
  const AmendNode *old_article = amend_diff_get_partner (ctx->diff, first_article, FALSE);
  g_autofree char *line = heading_line (d);
  g_autofree char *article = _amend_instr_unit_name (ctx, old_article, TRUE);
  Letter *l = _amend_instr_letter_new (letters, NULL);

  _amend_instr_letter_says_all (ctx, l, u);
  take_lifted (ctx, units, d, FALSE, l);
  if (d->parent->kind == AMEND_NODE_REGULATION)
    l->text = g_strdup_printf ("Voor %s wordt de aanduiding \"%s\" ingevoegd.", article, line);
  else
    {
      g_autofree char *where_plain = _amend_instr_unit_name (ctx, d->parent, FALSE);
      g_autofree char *where = _amend_instr_with_comma (where_plain);
      l->text = g_strdup_printf ("In %s wordt voor %s de aanduiding \"%s\" ingevoegd.", where, article, line);
    }
  return i + 1;
}

/* An article or division that moved: "Artikel 7 wordt, onder vernummering
 * tot artikel 3, geplaatst na artikel 2." */
/* The elements numbered in one series with @node, in order: all articles
 * of the regulation (they are numbered throughout, across chapters), or
 * the siblings of its kind. */
static GPtrArray *
numbered_series (const AmendNode *node)
{
  GPtrArray *series = g_ptr_array_new ();
  const AmendNode *root = node->kind == AMEND_NODE_ARTICLE ? _amend_instr_root_of (node) : node->parent;

  if (root == NULL)
    return series;
  if (node->kind == AMEND_NODE_ARTICLE)
    {
      for (const AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
        if (n->kind == AMEND_NODE_ARTICLE)
          g_ptr_array_add (series, (gpointer) n);
      return series;
    }
  for (guint i = 0; i < amend_node_n_children (root); i++)
    if (amend_node_child (root, i)->kind == node->kind)
      g_ptr_array_add (series, amend_node_child (root, i));
  return series;
}

static Unit *
renumbered_unit_of (Ctx             *ctx,
                    GPtrArray       *units,
                    const AmendNode *new_node)
{
  for (guint k = 0; k < units->len; k++)
    {
      Unit *w = g_ptr_array_index (units, k);

      if (w->new_node == new_node)
        return w->old_node != NULL && own_change (ctx, w, AMEND_CHANGE_RENUMBERED) != NULL ? w : NULL;
    }
  return NULL;
}

/* The units of the elements next to where @u's element is moved that are
 * renumbered only, in order, into @chain: the ones it pushes up (6 to 3,
 * with 3, 4, 5 to 4, 5, 6) or down (3 to 5, with 4, 5 to 3, 4). They are
 * said with the move, all at once, as no order of separate renumberings
 * leaves each number to one element. */
static void
moved_chain (Ctx        *ctx,
             GPtrArray  *units,
             const Unit *u,
             GPtrArray  *chain)
{
  g_autoptr(GPtrArray) series = NULL;
  guint at;

  if (u->old_node == NULL || u->new_node == NULL || g_strcmp0 (u->old_node->number, u->new_node->number) == 0 ||
      own_change (ctx, (Unit *) u, AMEND_CHANGE_MOVED) == NULL)
    return;
  series = numbered_series (u->new_node);
  if (!g_ptr_array_find (series, u->new_node, &at))
    return;
  for (guint k = at; k > 0; k--)
    {
      Unit *w = renumbered_unit_of (ctx, units, g_ptr_array_index (series, k - 1));

      if (w == NULL)
        break;
      g_ptr_array_insert (chain, 0, w);
    }
  for (guint k = at + 1; k < series->len; k++)
    {
      Unit *w = renumbered_unit_of (ctx, units, g_ptr_array_index (series, k));

      if (w == NULL)
        break;
      g_ptr_array_add (chain, w);
    }
}

static void
say_moved (Ctx               *ctx,
           GPtrArray         *units,
           Unit              *u,
           const AmendChange *c,
           GPtrArray         *letters)
{
  g_autofree char *what = _amend_instr_unit_name (ctx, u->old_node, TRUE);
  g_autofree char *cap = _amend_instr_sentence_start (what);
  const AmendNode *prev = _amend_instr_sibling_of_kind (ctx, u->new_node, -1, FALSE, FALSE);
  g_autofree char *where = NULL, *clause = NULL;
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  Letter *l = _amend_instr_letter_new (letters, NULL);

  moved_chain (ctx, units, u, chain);
  for (guint k = 0; k < chain->len; k++)
    {
      Unit *w = g_ptr_array_index (chain, k);

      g_ptr_array_add (old_nodes, (gpointer) w->old_node);
      g_ptr_array_add (new_nodes, (gpointer) w->new_node);
      letter_says (ctx, l, w->old_node, w->new_node, own_change (ctx, w, AMEND_CHANGE_RENUMBERED));
    }
  clause = _amend_instr_renumbering_clause (ctx, old_nodes, new_nodes);

  if (prev != NULL)
    {
      g_autofree char *p = _amend_instr_unit_name (ctx, prev, FALSE);
      where = g_strdup_printf ("na %s", p);
    }
  else
    {
      g_autofree char *parent = _amend_instr_unit_name (ctx, u->new_node->parent, FALSE);
      where = g_strdup_printf ("aan het begin van %s", parent);
    }
  if (g_strcmp0 (c->number_old, c->number_new) != 0)
    l->text = g_strdup_printf ("%s wordt, onder vernummering tot %s %s%s%s, geplaatst %s.", cap,
                               amend_wording_kind (u->new_node->kind), u->new_node->number,
                               clause[0] ? " en " : "", clause, where);
  else
    l->text = g_strdup_printf ("%s wordt geplaatst %s.", cap, where);
  letter_says (ctx, l, u->old_node, u->new_node, c);
  _amend_instr_set_number (ctx, u->old_node, u->new_node->number);
  _amend_instr_apply_renumbering (ctx, old_nodes, new_nodes);
}

static void
say_renumbered (Ctx               *ctx,
                Unit              *u,
                const AmendChange *c,
                GPtrArray         *letters)
{
  g_autofree char *what = _amend_instr_unit_name (ctx, u->old_node, TRUE);
  g_autofree char *cap = _amend_instr_sentence_start (what);
  Letter *l = _amend_instr_letter_new (letters, NULL);

  l->text = g_strdup_printf ("%s wordt vernummerd tot %s %s.", cap, amend_wording_kind (u->new_node->kind),
                             u->new_node->number ? u->new_node->number : "");
  letter_says (ctx, l, u->old_node, u->new_node, c);
  _amend_instr_set_number (ctx, u->old_node, u->new_node->number);
}

/* ----------------------------------------------------------------------- */
/* The same change in several articles                                      */
/* ----------------------------------------------------------------------- */

/* "In de artikelen 151b, tweede lid, 151c, tweede lid, en 154b, vijfde
 * lid, wordt ..." */
static char *
articles_cite (GPtrArray *cites)
{
  GString *s = g_string_new ("de artikelen ");

  for (guint i = 0; i < cites->len; i++)
    {
      const char *c = g_ptr_array_index (cites, i);
      const char *number = c + strlen ("artikel ");

      g_string_append (s, number);
      if (i + 2 == cites->len)
        g_string_append (s, strchr (number, ',') ? ", en " : " en ");
      else if (i + 1 < cites->len)
        g_string_append (s, ", ");
    }
  return g_string_free (s, FALSE);
}

static gboolean
mergeable (const Letter *a,
           const Letter *b)
{
  return a->predicate && b->predicate && strcmp (a->predicate, b->predicate) == 0 && a->to_end == b->to_end &&
         g_str_has_prefix (a->cite, "artikel ") && g_str_has_prefix (b->cite, "artikel ");
}

static void
merge_same_changes (GPtrArray *letters)
{
  for (guint i = 0; i < letters->len; i++)
    {
      Letter *first = g_ptr_array_index (letters, i);
      g_autoptr(GPtrArray) cites = NULL;
      g_autofree char *where = NULL;
      guint k = i + 1;

      while (k < letters->len && mergeable (first, g_ptr_array_index (letters, k)))
        k++;
      if (k == i + 1)
        continue;
      cites = g_ptr_array_new ();
      for (guint j = i; j < k; j++)
        g_ptr_array_add (cites, ((Letter *) g_ptr_array_index (letters, j))->cite);
      where = articles_cite (cites);
      g_free (first->text);
      {
        g_autofree char *comma = _amend_instr_with_comma (where);
        first->text = g_strdup_printf ("%s %s %s.", first->to_end ? "Aan" : "In", comma, first->predicate);
      }
      for (guint j = i + 1; j < k; j++)
        {
          Letter *other = g_ptr_array_index (letters, j);
          for (guint u = 0; u < other->units->len; u++)
            g_ptr_array_add (first->units, g_ptr_array_steal_index (other->units, u--));
        }
      g_ptr_array_remove_range (letters, i + 1, k - i - 1);
      g_clear_pointer (&first->predicate, g_free);
    }
}

/* ----------------------------------------------------------------------- */
/* All of it                                                                */
/* ----------------------------------------------------------------------- */

static guint
say_unit (Ctx       *ctx,
          GPtrArray *units,
          guint      i,
          GPtrArray *letters)
{
  Unit *u = g_ptr_array_index (units, i);
  const AmendChange *c;

  if (u->old_node == NULL && u->new_node != NULL)
    {
      if (amend_node_is_division (u->new_node) && only_the_heading (ctx, u->new_node, FALSE))
        return say_heading_new (ctx, units, i, letters);
      return say_inserted (ctx, units, i, letters);
    }
  if (u->new_node == NULL && u->old_node != NULL)
    {
      if (amend_node_is_division (u->old_node) && only_the_heading (ctx, u->old_node, TRUE))
        return say_heading_gone (ctx, units, i, letters);
      return say_deleted (ctx, units, i, letters);
    }
  if (u->old_node == NULL)
    return i + 1;
  if ((c = own_change (ctx, u, AMEND_CHANGE_MOVED)) != NULL)
    say_moved (ctx, units, u, c, letters);
  else if ((c = own_change (ctx, u, AMEND_CHANGE_RENUMBERED)) != NULL)
    say_renumbered (ctx, u, c, letters);
  _amend_instr_say_inside (ctx, u, letters);
  return i + 1;
}

/* A new title (the front matter's, the regulation's opschrift) is said
 * first, as the opschrift comes first: "Het opschrift komt te luiden:
 * "..."." It is no element of the text, so the letter has no units. */
static void
say_title (AmendDiff *diff,
           GPtrArray *letters)
{
  const char *old_title = amend_document_get_meta (amend_diff_get_old (diff), "title");
  const char *new_title = amend_document_get_meta (amend_diff_get_new (diff), "title");
  Letter *l;

  if (old_title == NULL || old_title[0] == '\0' || new_title == NULL || new_title[0] == '\0' ||
      g_strcmp0 (old_title, new_title) == 0)
    return;
  l = _amend_instr_letter_new (letters, g_strdup_printf ("Het opschrift komt te luiden: %c\"%s\"%c.", QUOTE_OPEN, new_title,
                                                         QUOTE_CLOSE));
  g_ptr_array_steal_index (letters, letters->len - 1);
  g_ptr_array_insert (letters, 0, l);
}

/* "artikel 7" as a key, when @node is an article or a division. */
static char *
number_key (const AmendNode *node)
{
  if (node == NULL || node->number == NULL || (node->kind != AMEND_NODE_ARTICLE && !amend_node_is_division (node)))
    return NULL;
  return g_strdup_printf ("%d %s", node->kind, node->number);
}

/* The number @u gives an element that did not have it (renumbered, moved,
 * inserted), or the one it takes away (renumbered, moved, deleted). */
static char *
unit_takes (const Unit *u)
{
  if (u->new_node == NULL || (u->old_node != NULL && g_strcmp0 (u->old_node->number, u->new_node->number) == 0))
    return NULL;
  return number_key (u->new_node);
}

static char *
unit_frees (const Unit *u)
{
  if (u->old_node == NULL || (u->new_node != NULL && g_strcmp0 (u->old_node->number, u->new_node->number) == 0))
    return NULL;
  return number_key (u->old_node);
}

/* Whether @anchor stands right after @last among the same parent's
 * children, as the run of an insertion or deletion and the ones it
 * renumbers must (say_inserted(), say_deleted(), take_renumbered()). */
static gboolean
follows (const AmendNode *last,
         const AmendNode *anchor)
{
  return anchor != NULL && anchor->kind == last->kind && anchor->parent == last->parent &&
         anchor->pos == last->pos + 1;
}

/* The units one instruction says together: articles inserted (or deleted)
 * one after the other with the ones they push up, "Na artikel 6 wordt,
 * onder vernummering van artikel 7 tot artikel 8, een artikel ingevoegd"
 * (say_inserted()); else the unit alone. Returns the index after it. The
 * run ends where the instruction's does: an article renumbered in the next
 * chapter is said on its own, and must be ordered as such. */
static guint
block_end (Ctx       *ctx,
           GPtrArray *units,
           guint      i)
{
  const Unit *u = g_ptr_array_index (units, i);
  gboolean by_old = u->new_node == NULL;
  const AmendNode *last = by_old ? u->old_node : u->new_node;
  guint k = i + 1;

  if ((u->old_node == NULL) == (u->new_node == NULL))
    return k;
  for (; k < units->len; k++)
    {
      const Unit *v = g_ptr_array_index (units, k);

      if ((v->old_node == NULL) != (u->old_node == NULL) || (v->new_node == NULL) != (u->new_node == NULL) ||
          !follows (last, by_old ? v->old_node : v->new_node))
        break;
      last = by_old ? v->old_node : v->new_node;
    }
  for (; k < units->len; k++)
    {
      const Unit *v = g_ptr_array_index (units, k);

      if (own_change (ctx, v, AMEND_CHANGE_RENUMBERED) == NULL || !follows (last, by_old ? v->old_node : v->new_node))
        break;
      last = by_old ? v->old_node : v->new_node;
    }
  return k;
}

/* The numbers the units [@from, @to) give (@takes) or take away, less the
 * ones they also take away (or give) themselves. */
static GPtrArray *
block_numbers (GPtrArray *units,
               guint      from,
               guint      to,
               gboolean   takes)
{
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func (g_free);

  for (guint k = from; k < to; k++)
    {
      const Unit *u = g_ptr_array_index (units, k);
      char *t = unit_takes (u), *f = unit_frees (u);

      if (t)
        g_ptr_array_add (takes ? mine : other, t);
      if (f)
        g_ptr_array_add (takes ? other : mine, f);
    }
  for (guint k = mine->len; k > 0; k--)
    if (g_ptr_array_find_with_equal_func (other, g_ptr_array_index (mine, k - 1), g_str_equal, NULL))
      g_ptr_array_remove_index (mine, k - 1);
  return mine;
}

static gboolean
any_shared (GPtrArray *a,
            GPtrArray *b)
{
  for (guint k = 0; k < a->len; k++)
    if (g_ptr_array_find_with_equal_func (b, g_ptr_array_index (a, k), g_str_equal, NULL))
      return TRUE;
  return FALSE;
}

/* Each instruction cites the numbers as they stand after the ones before
 * it, so the element that gives up a number goes before the one that
 * takes it: "Artikel 7 vervalt." before "Artikel 6 wordt vernummerd tot
 * artikel 7.", and 7 -> 8 before 6 -> 7; otherwise two articles 7 stand
 * when the second instruction is read. A ring (5 -> 6 and 6 -> 5) has no
 * such order; the moves are bounded so that it ends. */
static void
order_by_numbers (Ctx       *ctx,
                  GPtrArray *units)
{
  guint moves = 0;
  guint i = 0;

  while (i < units->len)
    {
      guint end = block_end (ctx, units, i);
      g_autoptr(GPtrArray) takes = block_numbers (units, i, end, TRUE);
      g_autoptr(GPtrArray) chain = g_ptr_array_new ();
      gboolean moved = FALSE;

      /* A move said with the renumbering of the ones it pushes up gives
       * its numbers all at once. */
      moved_chain (ctx, units, g_ptr_array_index (units, i), chain);
      if (chain->len > 0)
        g_ptr_array_set_size (takes, 0);

      for (guint j = end; takes->len > 0 && j < units->len && moves <= units->len && !moved; )
        {
          guint j_end = block_end (ctx, units, j);
          g_autoptr(GPtrArray) frees = block_numbers (units, j, j_end, FALSE);

          if (any_shared (takes, frees))
            {
              /* The moved ones may take a number in their turn: look again at i. */
              for (guint k = j; k < j_end; k++)
                g_ptr_array_insert (units, i + (k - j), g_ptr_array_steal_index (units, k));
              moves++;
              moved = TRUE;
            }
          j = j_end;
        }
      if (!moved)
        i = end;
    }
}

static GPtrArray *
build_letters (AmendDiff *diff)
{
  Ctx ctx = { diff, NULL, NULL, NULL };
  g_autoptr(GPtrArray) units = NULL;
  GPtrArray *letters = g_ptr_array_new_with_free_func (letter_free);

  ctx.now = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ctx.said = g_hash_table_new (NULL, NULL);
  ctx.reserved = g_hash_table_new (NULL, NULL);
  units = build_units (&ctx);
  order_by_numbers (&ctx, units);
  reserve_lifted (&ctx, units);
  for (guint i = 0; i < units->len; )
    {
      Unit *u = g_ptr_array_index (units, i);
      gboolean all_said = TRUE;

      for (guint k = 0; k < u->changes->len && all_said; k++)
        all_said = g_hash_table_contains (ctx.said, g_ptr_array_index (u->changes, k)) ||
                   g_hash_table_contains (ctx.reserved, g_ptr_array_index (u->changes, k));
      if (all_said)
        {
          i++;
          continue;
        }
      i = say_unit (&ctx, units, i, letters);
    }
  for (guint i = 0; i < letters->len; i++)
    if (((Letter *) g_ptr_array_index (letters, i))->text == NULL)
      g_ptr_array_remove_index (letters, i--);
  merge_same_changes (letters);
  say_title (diff, letters);
  g_hash_table_unref (ctx.now);
  g_hash_table_unref (ctx.said);
  g_hash_table_unref (ctx.reserved);
  return letters;
}

char *
_amend_instr_letter (guint index)
{
  /* A .. Z, then AA, BB .. ZZ, then AAA (Aanwijzing 6.15). */
  guint repeat = index / 26 + 1;
  char c = 'A' + index % 26;

  return g_strnfill (repeat, c);
}

void
amend_instruction_free (AmendInstruction *instruction)
{
  if (instruction == NULL)
    return;
  g_free (instruction->letter);
  g_ptr_array_unref (instruction->changes);
  g_ptr_array_unref (instruction->units);
  g_free (instruction->text);
  g_free (instruction->summary);
  g_free (instruction);
}

/**
 * amend_diff_get_instructions:
 *
 * The instructions one by one, with the elements each is about and the
 * changes it says, for the exports that need them apart: the STOP change
 * export puts each in the Wat of its mutations.
 *
 * Returns: (transfer full) (element-type AmendInstruction): in the order
 *   of amend_diff_to_instructions(); empty when nothing changed.
 */
GPtrArray *
amend_diff_get_instructions (AmendDiff *diff)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_instruction_free);
  g_autoptr(GPtrArray) letters = NULL;

  g_return_val_if_fail (AMEND_IS_DIFF (diff), list);

  letters = build_letters (diff);
  for (guint i = 0; i < letters->len; i++)
    {
      Letter *l = g_ptr_array_index (letters, i);
      AmendInstruction *instruction = g_new0 (AmendInstruction, 1);
      const AmendInstructionUnit *first;

      instruction->letter = _amend_instr_letter (i);
      instruction->units = g_ptr_array_ref (l->units);
      instruction->changes = g_ptr_array_new ();
      for (guint k = 0; k < l->units->len; k++)
        {
          const AmendInstructionUnit *u = g_ptr_array_index (l->units, k);
          g_ptr_array_extend (instruction->changes, u->changes, NULL, NULL);
        }
      first = l->units->len > 0 ? g_ptr_array_index (l->units, 0) : NULL;
      instruction->old_node = first ? first->old_node : NULL;
      instruction->new_node = first ? first->new_node : NULL;
      instruction->text = _amend_instr_unmark (l->text, TRUE);
      instruction->summary = _amend_instr_unmark (l->text, FALSE);
      g_ptr_array_add (list, instruction);
    }
  return list;
}

/* The regulation's citation title (or its title): the name it has now,
 * before the instructions rename it (the new version's only when the old
 * one has none). */
static const char *
regulation_name (AmendDiff *diff)
{
  const char *name = NULL;

  for (guint i = 0; i < 2 && (name == NULL || name[0] == '\0'); i++)
    {
      AmendDocument *doc = i == 0 ? amend_diff_get_old (diff) : amend_diff_get_new (diff);

      name = amend_document_get_meta (doc, "citation");
      if (name == NULL || name[0] == '\0')
        name = amend_document_get_meta (doc, "title");
    }
  return name;
}

/**
 * amend_diff_instructions_frame:
 *
 * Returns: the opening of the amending article (6.15): "De APV
 *   Lindewaarde 2027 wordt als volgt gewijzigd:", the regulation by its
 *   citation title (or its title) with the article its head noun takes:
 *   the name it has now, before the instructions rename it (the new
 *   version's only when the old one has none).  A subamendment amends an
 *   amendment, and names it: "Het amendement "Zes weken" wordt als volgt
 *   gewijzigd:".
 */
char *
amend_diff_instructions_frame (AmendDiff *diff)
{
  gboolean sub = FALSE;
  const char *amended = amend_diff_get_amended (diff, &sub);
  const char *name = regulation_name (diff);
  g_autofree char *subject = amended ? amend_wording_amendment (amended, sub) : amend_wording_regulation (name);
  g_autofree char *cap = amend_wording_capitalize (subject);
  gboolean plural = amended == NULL && amend_wording_is_plural (name);

  return g_strdup_printf ("%s %s als volgt gewijzigd:", cap, plural ? "worden" : "wordt");
}

/* The verb of an instruction's first sentence, before anything it quotes:
 * where the citation it starts with ends. */
static const char *
first_verb (const char *text)
{
  static const char *const verbs[] = { " wordt", " worden", " komt", " komen", " vervalt", " vervallen" };
  gsize end = strcspn (text, "\"\n");
  const char *at = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      gsize n = strlen (verbs[i]);

      /* As whole words only, also before a comma: "wordt, onder
       * vernummering van ..., een lid ingevoegd". */
      for (const char *v = g_strstr_len (text, end, verbs[i]); v != NULL;
           v = g_strstr_len (v + n, end - (v + n - text), verbs[i]))
        if (v[n] == '\0' || strchr (" .,:", v[n]) != NULL)
          {
            if (at == NULL || v < at)
              at = v;
            break;
          }
    }
  return at;
}

/* The one instruction of a subamendment that has only one: the amendment
 * named first, the citation after the verb, "In het amendement "Zes
 * weken" wordt in artikel 2 ..." and "... vervalt artikel 6.": the
 * amendment holds no article 6 of its own, it proposes one. */
static char *
single_in_amendment (const char *amendment,
                     const char *text,
                     const char *verb)
{
  const char *word = verb + 1;
  gsize word_len = strcspn (word, " .,:");
  g_autofree char *citation = g_strndup (text, verb - text);
  g_autofree char *lower = amend_wording_decapitalize (citation);

  return g_strdup_printf ("In %s %.*s %s%s", amendment, (int) word_len, word, lower, word + word_len);
}

/* The one instruction that takes out the heading of a division directly
 * in the regulation, "De aanduiding "Hoofdstuk 5 ..." vervalt.", which
 * cites nothing before its verb: said of @whole, the regulation or the
 * amendment, "In de APV Lindewaarde 2027 vervalt de aanduiding ...".
 * NULL for any other. */
static char *
single_designation (const char *whole,
                    const char *text)
{
  static const char *const verbs[] = { " vervalt.", " vervallen." };

  if (!g_str_has_prefix (text, "De aanduiding") || strchr (text, '\n') != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_has_suffix (text, verbs[i]))
      {
        g_autofree char *subject = g_strndup (text, strlen (text) - strlen (verbs[i]));
        g_autofree char *lower = amend_wording_decapitalize (subject);

        return g_strdup_printf ("In %s %.*s %s.", whole, (int) strlen (verbs[i]) - 2, verbs[i] + 1, lower);
      }
  return NULL;
}

/* The one instruction of a change that has only one, naming the
 * regulation in the citation it starts with: letters tell several changes
 * apart (6.15, second member), and a single one is said in one sentence,
 * "In artikel 2 van de APV Lindewaarde 2027 wordt ...".  NULL when the
 * instruction does not start with a citation before its verb. */
static char *
single_instruction (AmendDiff  *diff,
                    const char *text)
{
  const char *verb = first_verb (text);
  gboolean sub = FALSE;
  const char *amended = amend_diff_get_amended (diff, &sub);
  g_autofree char *whole = amended ? amend_wording_amendment (amended, sub)
                                   : amend_wording_regulation (regulation_name (diff));

  if (verb == NULL)
    return single_designation (whole, text);
  if (amended != NULL)
    return single_in_amendment (whole, text, verb);
  return g_strdup_printf ("%.*s van %s%s", (int) (verb - text), text, whole, verb);
}

/**
 * amend_diff_to_instructions:
 *
 * Returns: the amendment instructions in Dutch: "ARTIKEL I", the frame,
 *   and one lettered instruction per change; one change alone is one
 *   sentence that names the regulation, without frame and _amend_instr_letter ("In
 *   artikel 2 van de APV Lindewaarde 2027 wordt ..."); an empty string
 *   when nothing changed that instructions say.  A subamendment's have no
 *   "ARTIKEL I": that is the article of a regulation that amends one
 *   (6.15, first member), and a subamendment amends an amendment, which
 *   its frame names.
 */
char *
amend_diff_to_instructions (AmendDiff *diff)
{
  g_autoptr(GPtrArray) instructions = amend_diff_get_instructions (diff);
  const char *head = amend_diff_get_amended (diff, NULL) ? "" : "ARTIKEL I\n\n";
  g_autofree char *frame = NULL;
  g_autofree char *single = NULL;
  GString *out;

  if (instructions->len == 0)
    return g_strdup ("");
  if (instructions->len == 1 &&
      (single = single_instruction (diff, ((AmendInstruction *) g_ptr_array_index (instructions, 0))->text)) != NULL)
    return g_strdup_printf ("%s%s\n", head, single);
  frame = amend_diff_instructions_frame (diff);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s%s", head, frame);
  for (guint i = 0; i < instructions->len; i++)
    {
      const AmendInstruction *instruction = g_ptr_array_index (instructions, i);

      g_string_append_printf (out, "\n\n%s\n\n%s", instruction->letter, instruction->text);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
