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

/* More separate changes than this in one article, and it is rewritten. */
#define MAX_CHANGES 6
/* Above this share of changed words in an article with several changes. */
#define REWRITE_SHARE 0.5

/* The new text an instruction quotes is marked, so that the STOP export
 * can leave it out of its Wat (the element itself follows there); both
 * marks are control characters no regulation text holds. */
#define QUOTE_OPEN  '\x02'
#define QUOTE_CLOSE '\x03'

typedef struct {
  AmendDiff  *diff;
  GHashTable *now;   /* node of the old version -> the number it has after the instructions so far */
  GHashTable *said;  /* changes an earlier instruction said */
  GHashTable *reserved; /* changes a later instruction says */
} Ctx;

/* An element the instructions are about, with its changes. */
typedef struct {
  const AmendNode *old_node;
  const AmendNode *new_node;
  GPtrArray       *changes;
} Unit;

/* One lettered instruction as it is built. */
typedef struct {
  GPtrArray *units;      /* of AmendInstructionUnit */
  char      *text;       /* with the quotation marks */
  char      *cite;       /* a text change alone: "artikel 3, tweede lid" */
  char      *predicate;  /* and what is said of it */
  gboolean   to_end;
} Letter;

/* ----------------------------------------------------------------------- */
/* Numbers and names                                                        */
/* ----------------------------------------------------------------------- */

static const char *
number_now (Ctx             *ctx,
            const AmendNode *node,
            gboolean         is_old)
{
  const char *now;

  if (node == NULL)
    return "";
  if (!is_old)
    {
      const AmendNode *o = amend_diff_get_partner (ctx->diff, node, FALSE);
      if (o == NULL)
        return node->number ? node->number : "";
      node = o;
    }
  now = g_hash_table_lookup (ctx->now, node);
  return now ? now : node->number ? node->number : "";
}

static void
set_number (Ctx             *ctx,
            const AmendNode *old_node,
            const char      *number)
{
  if (old_node != NULL)
    g_hash_table_replace (ctx->now, (gpointer) old_node, g_strdup (number ? number : ""));
}

static const AmendNode *
root_of (const AmendNode *node)
{
  while (node->parent != NULL)
    node = node->parent;
  return node;
}

/* Another element of the same kind and number elsewhere in the text: a
 * paragraph 2 in every chapter. */
static gboolean
number_is_shared (const AmendNode *node)
{
  const AmendNode *root = root_of (node);

  if (node->kind == AMEND_NODE_ARTICLE || node->number == NULL)
    return FALSE;
  for (const AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n != node && n->kind == node->kind && g_strcmp0 (n->number, node->number) == 0)
      return TRUE;
  return FALSE;
}

/* "artikel 5", "hoofdstuk V, paragraaf 2", "bijlage I"; "de regeling". */
static char *
unit_name (Ctx             *ctx,
           const AmendNode *node,
           gboolean         is_old)
{
  const char *number;

  if (node == NULL || node->kind == AMEND_NODE_REGULATION)
    return g_strdup ("de regeling");
  number = number_now (ctx, node, is_old);
  if (number[0] == '\0')
    return g_strdup_printf ("%s %s", amend_wording_kind_article (node->kind), amend_wording_kind (node->kind));
  if (number_is_shared (node) && node->parent && node->parent->kind != AMEND_NODE_REGULATION)
    {
      g_autofree char *parent = unit_name (ctx, node->parent, is_old);
      return g_strdup_printf ("%s, %s %s", parent, amend_wording_kind (node->kind), number);
    }
  return g_strdup_printf ("%s %s", amend_wording_kind (node->kind), number);
}

/* The citation of the members and points from below @top down to @node
 * (3.29): "tweede lid, onderdeel b, onder 1°"; empty when there are none. */
static char *
citation_below (Ctx             *ctx,
                const AmendNode *node,
                const AmendNode *top,
                gboolean         is_old)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GString *s = g_string_new (NULL);
  gboolean first_point = TRUE;

  for (const AmendNode *n = node; n != NULL && n != top; n = n->parent)
    if (n->kind == AMEND_NODE_MEMBER || n->kind == AMEND_NODE_POINT)
      g_ptr_array_insert (path, 0, (gpointer) n);
  for (guint i = 0; i < path->len; i++)
    {
      const AmendNode *n = g_ptr_array_index (path, i);
      const char *number = number_now (ctx, n, is_old);

      if (s->len > 0)
        g_string_append (s, ", ");
      if (n->kind == AMEND_NODE_MEMBER)
        {
          g_autofree char *m = amend_wording_member (number);
          g_string_append (s, m);
        }
      else
        {
          g_autofree char *label = amend_wording_point (number);
          g_string_append_printf (s, first_point ? "onderdeel %s" : "onder %s", label);
          first_point = FALSE;
        }
    }
  return g_string_free (s, FALSE);
}

/* @node cited inside @top: "artikel 5, tweede lid" (absolute) or "het
 * tweede lid" (relative, in an instruction that names @top already);
 * relative and @node is @top: empty. */
static char *
cite (Ctx             *ctx,
      const AmendNode *node,
      const AmendNode *top,
      gboolean         is_old,
      gboolean         relative)
{
  g_autofree char *below = node ? citation_below (ctx, node, top, is_old) : g_strdup ("");
  g_autofree char *name = NULL;

  if (relative)
    {
      if (below[0] == '\0' || g_str_has_prefix (below, "onderdeel") || g_str_has_prefix (below, "lid "))
        return g_steal_pointer (&below);
      return g_strdup_printf ("het %s", below);
    }
  name = unit_name (ctx, top, is_old);
  if (below[0] == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s, %s", name, below);
}

/* "artikel 3, tweede lid" closes with a comma before the verb. */
static char *
with_comma (const char *cited)
{
  if (strchr (cited, ',') != NULL)
    return g_strconcat (cited, ",", NULL);
  return g_strdup (cited);
}

static char *
sentence_start (const char *cited)
{
  g_autofree char *comma = with_comma (cited);

  return amend_wording_capitalize (comma);
}

/* ----------------------------------------------------------------------- */
/* The text of new elements                                                 */
/* ----------------------------------------------------------------------- */

static void
indent (GString *out,
        guint    depth)
{
  for (guint k = 0; k < depth; k++)
    g_string_append (out, "  ");
}

/* The new text of an element as it will stand in the regulation: headings
 * on their own line followed by a blank one, members and points with their
 * labels, points indented under what they belong to. */
static void
append_node_text (GString         *out,
                  const AmendNode *node,
                  guint            depth)
{
  if (node->kind == AMEND_NODE_TEXT)
    {
      g_autofree char *plain = amend_node_get_plain_text (node);

      indent (out, depth);
      g_string_append_printf (out, "%s\n", plain);
      return;
    }
  if (amend_node_is_structural (node))
    {
      const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

      /* One blank line before a heading, also right under another one. */
      if (out->len > 0 && !g_str_has_suffix (out->str, "\n\n"))
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s%s%s%s%s\n\n", word ? word : "", node->number ? " " : "",
                              node->number ? node->number : "", node->heading ? " " : "",
                              node->heading ? node->heading : "");
      for (guint i = 0; i < amend_node_n_children (node); i++)
        append_node_text (out, amend_node_child (node, i), 0);
      return;
    }
  if (node->kind != AMEND_NODE_MEMBER && node->kind != AMEND_NODE_POINT)
    {
      for (guint i = 0; i < amend_node_n_children (node); i++)
        append_node_text (out, amend_node_child (node, i), depth);
      return;
    }
  indent (out, depth);
  if (node->kind == AMEND_NODE_MEMBER)
    g_string_append_printf (out, "%s.", node->number ? node->number : "");
  else
    g_string_append (out, node->number ? node->number : "-");
  for (guint i = 0; i < amend_node_n_children (node); i++)
    {
      const AmendNode *child = amend_node_child (node, i);

      if (i == 0 && child->kind == AMEND_NODE_TEXT)
        {
          g_autofree char *plain = amend_node_get_plain_text (child);
          g_string_append_printf (out, " %s\n", plain);
          continue;
        }
      if (i == 0)
        g_string_append_c (out, '\n');
      append_node_text (out, child, depth + 1);
    }
  if (amend_node_n_children (node) == 0)
    g_string_append_c (out, '\n');
}

/* The element's new text, marked as a quotation. */
static char *
node_text (const AmendNode *node)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    append_node_text (out, node, 0);
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_prepend_c (out, QUOTE_OPEN);
  g_string_append_c (out, QUOTE_CLOSE);
  return g_string_free (out, FALSE);
}

static char *
nodes_text (GPtrArray *nodes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autofree char *one = node_text (g_ptr_array_index (nodes, i));
      const AmendNode *n = g_ptr_array_index (nodes, i);

      if (i > 0)
        g_string_append (out, amend_node_is_structural (n) ? "\n\n" : "\n");
      g_string_append (out, one);
    }
  return g_string_free (out, FALSE);
}

/* The instruction with its quotations (@keep) or without them; without,
 * the blank lines they leave are taken out too. */
static char *
unmark (const char *text,
        gboolean    keep)
{
  GString *out = g_string_new (NULL);
  gboolean inside = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == QUOTE_OPEN || *p == QUOTE_CLOSE)
        {
          inside = *p == QUOTE_OPEN;
          continue;
        }
      if (keep || !inside)
        g_string_append_c (out, *p);
    }
  if (!keep)
    {
      char *blank;

      while ((blank = strstr (out->str, "\n\n\n")) != NULL)
        g_string_erase (out, blank - out->str, 1);
      while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
        g_string_truncate (out, out->len - 1);
    }
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------------- */
/* Ranges: "het elfde tot en met veertiende lid", "de onderdelen o en p"   */
/* ----------------------------------------------------------------------- */

static gboolean
is_letter_label (const char *number)
{
  return number != NULL && g_ascii_isalpha (number[0]);
}

/* The numbers of @nodes as they stand now (@is_old) or will stand. */
static GPtrArray *
numbers_of (Ctx       *ctx,
            GPtrArray *nodes,
            gboolean   is_old,
            gboolean   use_new)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < nodes->len; i++)
    {
      const AmendNode *n = g_ptr_array_index (nodes, i);
      const char *number = use_new ? (n->number ? n->number : "") : number_now (ctx, n, is_old);

      if (n->kind == AMEND_NODE_POINT)
        g_ptr_array_add (numbers, amend_wording_point (number));
      else
        g_ptr_array_add (numbers, g_strdup (number));
    }
  return numbers;
}

/* "elfde", "elfde en twaalfde", "elfde tot en met veertiende" (members),
 * "q", "q en r", "q tot en met t": three or more in a row are a range. */
static char *
range_of (GPtrArray     *numbers,
          AmendNodeKind  kind)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = g_ptr_array_index (numbers, i);
      char *ordinal = kind == AMEND_NODE_MEMBER ? amend_wording_ordinal (number) : NULL;

      g_ptr_array_add (words, ordinal ? ordinal : g_strdup (number));
    }
  if (words->len >= 3)
    return g_strdup_printf ("%s tot en met %s", (char *) g_ptr_array_index (words, 0),
                            (char *) g_ptr_array_index (words, words->len - 1));
  return amend_wording_list (words);
}

static gboolean
all_ordinals (GPtrArray *numbers)
{
  for (guint i = 0; i < numbers->len; i++)
    {
      g_autofree char *o = amend_wording_ordinal (g_ptr_array_index (numbers, i));
      if (o == NULL)
        return FALSE;
    }
  return TRUE;
}

/* What an element is called: "onderdeel", and a point of a point
 * "subonderdeel" (3.29, third member, and its example: "vervallen de
 * subonderdelen 2° en 5°"). */
static const char *
noun_of (const AmendNode *node,
         gboolean         plural)
{
  if (node->kind == AMEND_NODE_POINT && node->parent != NULL && node->parent->kind == AMEND_NODE_POINT)
    return plural ? "subonderdelen" : "subonderdeel";
  return plural ? amend_wording_kind_plural (node->kind) : amend_wording_kind (node->kind);
}

/* The elements as the subject or object of a sentence: "het tiende lid",
 * "het tiende en elfde lid", "onderdeel o", "de onderdelen o en p",
 * "artikel 7", "de artikelen 7 tot en met 9". */
static char *
elements_phrase (GPtrArray       *numbers,
                 const AmendNode *like,
                 gboolean         with_article)
{
  AmendNodeKind kind = like->kind;
  g_autofree char *range = range_of (numbers, kind);
  guint n = numbers->len;

  if (kind == AMEND_NODE_MEMBER)
    {
      if (all_ordinals (numbers))
        return g_strdup_printf ("%s%s lid", with_article ? "het " : "", range);
      return g_strdup_printf ("%s%s %s", with_article ? "de " : "", n == 1 ? "lid" : "leden", range);
    }
  if (n == 1)
    return g_strdup_printf ("%s %s", noun_of (like, FALSE), range);
  return g_strdup_printf ("%s%s %s", with_article ? "de " : "", noun_of (like, TRUE), range);
}

/* "het elfde tot en met veertiende lid tot tiende tot en met dertiende
 * lid", "onderdeel q tot o", "artikel 7 tot artikel 8". */
static char *
renumbering_phrase (Ctx       *ctx,
                    GPtrArray *old_nodes,
                    GPtrArray *new_nodes)
{
  const AmendNode *first = g_ptr_array_index (old_nodes, 0);
  AmendNodeKind kind = first->kind;
  g_autoptr(GPtrArray) from = numbers_of (ctx, old_nodes, TRUE, FALSE);
  g_autoptr(GPtrArray) to = numbers_of (ctx, new_nodes, FALSE, TRUE);
  g_autofree char *a = elements_phrase (from, first, TRUE);
  g_autofree char *b = NULL;

  if (kind == AMEND_NODE_MEMBER)
    b = elements_phrase (to, first, FALSE);
  else if (to->len == 1 && kind != AMEND_NODE_POINT)
    b = elements_phrase (to, first, FALSE);
  else
    b = range_of (to, kind);
  return g_strdup_printf ("%s tot %s", a, b);
}

/* ", onder vernummering van ... tot ..." (or verlettering), empty when
 * nothing was renumbered. */
static char *
renumbering_clause (Ctx       *ctx,
                    GPtrArray *old_nodes,
                    GPtrArray *new_nodes)
{
  g_autofree char *phrase = NULL;
  const AmendNode *first;

  if (old_nodes->len == 0)
    return g_strdup ("");
  first = g_ptr_array_index (old_nodes, 0);
  phrase = renumbering_phrase (ctx, old_nodes, new_nodes);
  return g_strdup_printf ("onder %s van %s",
                          first->kind == AMEND_NODE_POINT && is_letter_label (first->number) ? "verlettering"
                                                                                             : "vernummering",
                          phrase);
}

static void
apply_renumbering (Ctx       *ctx,
                   GPtrArray *old_nodes,
                   GPtrArray *new_nodes)
{
  for (guint i = 0; i < old_nodes->len; i++)
    set_number (ctx, g_ptr_array_index (old_nodes, i), ((const AmendNode *) g_ptr_array_index (new_nodes, i))->number);
}

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

static gboolean
is_part (const AmendNode *node)
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
      if (c->action == AMEND_CHANGE_MOVED && c->old_node && c->new_node && is_part (c->new_node))
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

static gboolean
is_article (const AmendNode *node)
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

static Letter *
letter_new (GPtrArray *letters,
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

static void
letter_says_all (Ctx        *ctx,
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
static const AmendNode *
sibling_of_kind (Ctx             *ctx,
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
  const AmendNode *prev = sibling_of_kind (ctx, first, -1, FALSE, FALSE);
  const AmendNode *next = sibling_of_kind (ctx, last, +1, TRUE, FALSE);
  const AmendNode *parent = first->parent;
  gboolean in_division = parent && parent->kind != AMEND_NODE_REGULATION;
  g_autofree char *parent_plain = in_division ? unit_name (ctx, parent, FALSE) : NULL;
  g_autofree char *parent_name = parent_plain ? with_comma (parent_plain) : NULL;
  g_autofree char *comma_clause = clause[0] ? g_strdup_printf (", %s,", clause) : g_strdup ("");

  if (next == NULL)
    {
      /* Added at the end: "toegevoegd". */
      if (in_division)
        return g_strdup_printf ("Aan %s %s %s toegevoegd, luidende:", parent_name, verb, what);
      if (prev != NULL)
        {
          g_autofree char *p_plain = unit_name (ctx, prev, FALSE);
          g_autofree char *p = with_comma (p_plain);
          return g_strdup_printf ("Na %s %s %s toegevoegd, luidende:", p, verb, what);
        }
      return g_strdup_printf ("Er %s %s toegevoegd, luidende:", verb, what);
    }
  if (prev != NULL)
    {
      g_autofree char *p_plain = unit_name (ctx, prev, FALSE);
      g_autofree char *p = with_comma (p_plain);
      return g_strdup_printf ("Na %s %s%s %s ingevoegd, luidende:", p, verb, comma_clause, what);
    }
  {
    g_autofree char *n_plain = unit_name (ctx, next, FALSE);
    g_autofree char *n = with_comma (n_plain);
    if (in_division)
      return g_strdup_printf ("In %s %s%s voor %s %s ingevoegd, luidende:", parent_name, verb, comma_clause, n, what);
    return g_strdup_printf ("Voor %s %s%s %s ingevoegd, luidende:", n, verb, comma_clause, what);
  }
}

static char *
count_noun (const AmendNode *like,
            guint            n)
{
  const char *count = amend_wording_count (n);

  if (n == 1)
    return g_strdup_printf ("een %s", noun_of (like, FALSE));
  if (count)
    return g_strdup_printf ("%s %s", count, noun_of (like, TRUE));
  return g_strdup_printf ("%u %s", n, noun_of (like, TRUE));
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
  Letter *l = letter_new (letters, NULL);
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
      letter_says_all (ctx, l, u);
      last = u->new_node;
    }
  take_renumbered (ctx, units, k, last, FALSE, l, old_nodes, new_nodes);
  clause = renumbering_clause (ctx, old_nodes, new_nodes);
  noun = count_noun (first->new_node, nodes->len);
  head = placement (ctx, first->new_node, last, nodes->len == 1 ? "wordt" : "worden", clause, noun);
  texts = nodes_text (nodes);
  l->text = g_strdup_printf ("%s\n\n%s", head, texts);
  apply_renumbering (ctx, old_nodes, new_nodes);
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
  Letter *l = letter_new (letters, NULL);
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
      letter_says_all (ctx, l, u);
      last = u->old_node;
    }
  take_renumbered (ctx, units, k, last, TRUE, l, old_nodes, new_nodes);
  clause = renumbering_clause (ctx, old_nodes, new_nodes);
  if (gone->len == 1)
    {
      g_autofree char *name = unit_name (ctx, first->old_node, TRUE);
      subject = with_comma (name);
    }
  else
    {
      g_autoptr(GPtrArray) numbers = numbers_of (ctx, gone, TRUE, FALSE);
      subject = elements_phrase (numbers, first->old_node, TRUE);
    }
  cap = amend_wording_capitalize (subject);
  l->text = g_strdup_printf ("%s %s%s%s.", cap, gone->len == 1 ? "vervalt" : "vervallen",
                             clause[0] ? ", " : "", clause);
  apply_renumbering (ctx, old_nodes, new_nodes);
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
  const AmendNode *before = sibling_of_kind (ctx, d, -1, FALSE, d_is_old);
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
  Letter *l = letter_new (letters, NULL);
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
      letter_says_all (ctx, l, u);
      take_lifted (ctx, units, u->old_node, TRUE, l);
    }
  list = amend_wording_list (quoted);
  if (parent->kind == AMEND_NODE_REGULATION)
    l->text = g_strdup_printf ("%s %s %s.", quoted->len == 1 ? "De aanduiding" : "De aanduidingen", list,
                               quoted->len == 1 ? "vervalt" : "vervallen");
  else
    {
      g_autofree char *where_plain = unit_name (ctx, parent, TRUE);
      where = with_comma (where_plain);
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
  g_autofree char *article = unit_name (ctx, old_article, TRUE);
  Letter *l = letter_new (letters, NULL);

  letter_says_all (ctx, l, u);
  take_lifted (ctx, units, d, FALSE, l);
  if (d->parent->kind == AMEND_NODE_REGULATION)
    l->text = g_strdup_printf ("Voor %s wordt de aanduiding \"%s\" ingevoegd.", article, line);
  else
    {
      g_autofree char *where_plain = unit_name (ctx, d->parent, FALSE);
      g_autofree char *where = with_comma (where_plain);
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
  const AmendNode *root = node->kind == AMEND_NODE_ARTICLE ? root_of (node) : node->parent;

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
  g_autofree char *what = unit_name (ctx, u->old_node, TRUE);
  g_autofree char *cap = sentence_start (what);
  const AmendNode *prev = sibling_of_kind (ctx, u->new_node, -1, FALSE, FALSE);
  g_autofree char *where = NULL, *clause = NULL;
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  Letter *l = letter_new (letters, NULL);

  moved_chain (ctx, units, u, chain);
  for (guint k = 0; k < chain->len; k++)
    {
      Unit *w = g_ptr_array_index (chain, k);

      g_ptr_array_add (old_nodes, (gpointer) w->old_node);
      g_ptr_array_add (new_nodes, (gpointer) w->new_node);
      letter_says (ctx, l, w->old_node, w->new_node, own_change (ctx, w, AMEND_CHANGE_RENUMBERED));
    }
  clause = renumbering_clause (ctx, old_nodes, new_nodes);

  if (prev != NULL)
    {
      g_autofree char *p = unit_name (ctx, prev, FALSE);
      where = g_strdup_printf ("na %s", p);
    }
  else
    {
      g_autofree char *parent = unit_name (ctx, u->new_node->parent, FALSE);
      where = g_strdup_printf ("aan het begin van %s", parent);
    }
  if (g_strcmp0 (c->number_old, c->number_new) != 0)
    l->text = g_strdup_printf ("%s wordt, onder vernummering tot %s %s%s%s, geplaatst %s.", cap,
                               amend_wording_kind (u->new_node->kind), u->new_node->number,
                               clause[0] ? " en " : "", clause, where);
  else
    l->text = g_strdup_printf ("%s wordt geplaatst %s.", cap, where);
  letter_says (ctx, l, u->old_node, u->new_node, c);
  set_number (ctx, u->old_node, u->new_node->number);
  apply_renumbering (ctx, old_nodes, new_nodes);
}

static void
say_renumbered (Ctx               *ctx,
                Unit              *u,
                const AmendChange *c,
                GPtrArray         *letters)
{
  g_autofree char *what = unit_name (ctx, u->old_node, TRUE);
  g_autofree char *cap = sentence_start (what);
  Letter *l = letter_new (letters, NULL);

  l->text = g_strdup_printf ("%s wordt vernummerd tot %s %s.", cap, amend_wording_kind (u->new_node->kind),
                             u->new_node->number ? u->new_node->number : "");
  letter_says (ctx, l, u->old_node, u->new_node, c);
  set_number (ctx, u->old_node, u->new_node->number);
}

/* ----------------------------------------------------------------------- */
/* The changes inside one element                                          */
/* ----------------------------------------------------------------------- */

typedef enum {
  OP_TEXT,
  OP_HEADING,
  OP_GONE,
  OP_NEW,
  OP_NUMBER,
} OpKind;

typedef struct {
  OpKind             kind;
  const AmendChange *change;
  const AmendNode   *old_node;
  const AmendNode   *new_node;
  gboolean           done;
} Op;

typedef struct {
  Ctx        *ctx;
  const Unit *unit;
  const AmendNode *top;    /* the element the relative citations are below: the unit's, or the one
                            * member of it that all the changes are in */
  const AmendNode *base_top; /* the top of the whole instruction, in->top the top of the operation said */
  const AmendNode *group;  /* the member right below base_top the operation is in */
  GPtrArray  *groups;      /* the group of each sentence */
  GHashTable *nested;      /* groups whose sentences are lettered under "Het tweede lid wordt als volgt gewijzigd:" */
  gboolean    relative;    /* the sentences are numbered under "Artikel 3 wordt als volgt gewijzigd:" */
  GArray     *ops;         /* of Op */
  GHashTable *rewritten;   /* old members and points said whole already */
  GHashTable *folds;       /* new point -> "onder vervanging van de punt ..." said with it */
  GPtrArray  *sentences;
  GPtrArray  *text_parts;  /* the parts of the last sentence, when it is about a text at @cite */
  char       *cite;        /* a single text change: where, and what */
  char       *predicate;
  gboolean    to_end;
  gboolean    whole;       /* the element is better rewritten whole */
} Inside;

static gboolean
inside_of (const AmendNode *node,
           const AmendNode *top)
{
  for (const AmendNode *n = node; n != NULL; n = n->parent)
    if (n == top)
      return TRUE;
  return FALSE;
}

/* The element the citations are below, in the old or the new version. */
static const AmendNode *
top_of (Inside  *in,
        gboolean is_old)
{
  if (in->top == NULL || in->top == in->unit->old_node)
    return is_old ? in->unit->old_node : in->unit->new_node;
  return is_old ? in->top : amend_diff_get_partner (in->ctx->diff, in->top, TRUE);
}

static gboolean
covered (Inside          *in,
         const AmendNode *old_node)
{
  for (const AmendNode *n = old_node; n != NULL; n = n->parent)
    if (g_hash_table_contains (in->rewritten, n))
      return TRUE;
  return FALSE;
}

static void
add_op (Inside            *in,
        OpKind             kind,
        const AmendChange *c,
        const AmendNode   *old_node,
        const AmendNode   *new_node)
{
  Op op = { kind, c, old_node, new_node, FALSE };

  g_array_append_val (in->ops, op);
}

/* More than one list among the children of @parent: points with text or a
 * heading between them, as the lists A, B, C of a bijlage. */
static gboolean
has_several_lists (const AmendNode *parent)
{
  guint runs = 0;
  gboolean in_run = FALSE;

  for (guint i = 0; i < amend_node_n_children (parent); i++)
    {
      gboolean is_point = amend_node_child (parent, i)->kind == AMEND_NODE_POINT;

      if (is_point && !in_run)
        runs++;
      in_run = is_point;
    }
  return runs > 1;
}

/* A label a citation can say: "b", "4", "1°"; not a bullet ("-", none). */
static gboolean
is_citable_label (const char *number)
{
  g_autofree char *label = amend_wording_point (number);

  for (const char *c = label; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_isalnum (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

/* @node is, or lies in, a point without a label a citation can say (a
 * bullet), or whose label another point of the same element has too (a
 * "4." in list A and in list C of a bijlage), so that "onderdeel 4" would
 * not say which one is meant (3.29). */
static gboolean
point_is_ambiguous (const AmendNode *node)
{
  for (const AmendNode *p = node; p != NULL && p->parent != NULL; p = p->parent)
    {
      if (p->kind != AMEND_NODE_POINT)
        continue;
      if (!is_citable_label (p->number))
        return TRUE;
      for (guint i = 0; i < amend_node_n_children (p->parent); i++)
        {
          const AmendNode *s = amend_node_child (p->parent, i);

          if (s != p && s->kind == AMEND_NODE_POINT && g_strcmp0 (s->number, p->number) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* A change the instructions cannot cite or place by the points' labels: one
 * in a point whose label is not unique, or a point that comes, goes or is
 * renumbered where an element holds several lists ("Na onderdeel 3" and
 * "toegevoegd" count the points of all of them as one list). */
static gboolean
needs_whole (const AmendChange *c)
{
  const AmendNode *nodes[2] = { c->old_node, c->new_node };

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      const AmendNode *n = nodes[i];

      if (n == NULL)
        continue;
      if (point_is_ambiguous (n))
        return TRUE;
      if (c->action != AMEND_CHANGE_MODIFIED && n->kind == AMEND_NODE_POINT && has_several_lists (n->parent))
        return TRUE;
    }
  return FALSE;
}

/* The changes of the unit as operations; FALSE when the element is better
 * rewritten whole (a member moved inside it, a point that cannot be cited
 * unambiguously). */
static gboolean
collect_ops (Inside *in)
{
  const Unit *u = in->unit;

  for (guint i = 0; i < u->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (u->changes, i);
      gboolean old_in = c->old_node && inside_of (c->old_node, u->old_node);
      gboolean new_in = c->new_node && inside_of (c->new_node, u->new_node);

      if (g_hash_table_contains (in->ctx->said, c) || g_hash_table_contains (in->ctx->reserved, c))
        continue;
      if (needs_whole (c))
        return FALSE;
      switch (c->action)
        {
        case AMEND_CHANGE_MODIFIED:
          if (c->heading_changed)
            add_op (in, OP_HEADING, c, c->old_node, c->new_node);
          else if (c->old_node && c->new_node)
            add_op (in, OP_TEXT, c, c->old_node, c->new_node);
          break;
        case AMEND_CHANGE_DELETED:
          if (c->old_node)
            add_op (in, OP_GONE, c, c->old_node, NULL);
          break;
        case AMEND_CHANGE_INSERTED:
          if (c->new_node)
            add_op (in, OP_NEW, c, NULL, c->new_node);
          break;
        case AMEND_CHANGE_RENUMBERED:
          if (c->old_node && c->new_node && is_part (c->new_node))
            add_op (in, OP_NUMBER, c, c->old_node, c->new_node);
          break;
        case AMEND_CHANGE_MOVED:
          if (old_in && new_in)
            return FALSE;
          if (old_in)
            add_op (in, OP_GONE, c, c->old_node, NULL);
          else if (new_in)
            add_op (in, OP_NEW, c, NULL, c->new_node);
          break;
        default:
          break;
        }
    }
  return TRUE;
}

static Op *
op_at (Inside *in,
       guint   i)
{
  return &g_array_index (in->ops, Op, i);
}

/* A deletion goes before an insertion among the same siblings, so that
 * the renumbering the insertion says never meets a number that is still
 * in use. */
static void
deletions_first (Inside *in)
{
  for (guint j = 0; j < in->ops->len; j++)
    {
      Op gone = *op_at (in, j);

      if (gone.kind != OP_GONE)
        continue;
      for (guint i = 0; i < j; i++)
        {
          const Op *o = op_at (in, i);
          const AmendNode *parent_old = o->kind == OP_NEW && o->new_node->parent
                                        ? amend_diff_get_partner (in->ctx->diff, o->new_node->parent, FALSE) : NULL;

          if (o->kind == OP_NEW && parent_old == gone.old_node->parent)
            {
              g_array_remove_index (in->ops, j);
              g_array_insert_val (in->ops, i, gone);
              break;
            }
        }
    }
}

static void
add_sentence (Inside *in,
              char   *sentence)
{
  g_ptr_array_add (in->sentences, sentence);
  g_ptr_array_add (in->groups, (gpointer) in->group);
  /* say_text sets them again after a sentence about a text. */
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
}

/* The container a member or point is cited by: empty inside the unit's
 * own instruction, "artikel 4" or "artikel 5, tweede lid" otherwise. */
static char *
container_cite (Inside          *in,
                const AmendNode *parent,
                gboolean         is_old)
{
  return cite (in->ctx, parent, top_of (in, is_old), is_old, in->relative);
}

/* The other text of the element the citation of @text names: a quotation
 * must not occur there either. */
static char *
scope_other (const AmendNode *owner,
             const AmendNode *text)
{
  GString *s = g_string_new (NULL);

  for (const AmendNode *n = owner; n != NULL; n = amend_node_next (n, owner))
    if (n->kind == AMEND_NODE_TEXT && n != text)
      {
        g_autofree char *plain = amend_node_get_plain_text (n);

        g_string_append (s, plain);
        g_string_append_c (s, '\n');
      }
  return g_string_free (s, FALSE);
}

/* A text directly in the element, before its points: the aanhef (3.29,
 * fourth member). */
static gboolean
is_aanhef (const AmendNode *text)
{
  const AmendNode *parent = text->parent;

  return parent && text->pos + 1 < amend_node_n_children (parent) &&
         amend_node_child (parent, text->pos + 1)->kind == AMEND_NODE_POINT;
}

static guint
count_texts (const AmendNode *node)
{
  guint n = 0;

  for (guint i = 0; i < amend_node_n_children (node); i++)
    n += amend_node_child (node, i)->kind == AMEND_NODE_TEXT ? 1 : 0;
  return n;
}

/* Where a changed text stands: "artikel 3, tweede lid", "het tweede lid",
 * "artikel 1, aanhef"; the unit alone when the text is all of it. */
static char *
text_cite (Inside          *in,
           const AmendNode *text)
{
  const AmendNode *owner = text->parent;
  const AmendNode *top = top_of (in, TRUE);
  g_autofree char *c = cite (in->ctx, owner, top, TRUE, in->relative);

  /* The text before the points is the aanhef, of an article or of a
   * member (3.29, fourth member): "Aan het tweede lid" alone would put
   * new words after the points. */
  if (is_aanhef (text))
    {
      if (c[0] == '\0')
        return g_strdup ("de aanhef");
      return g_strdup_printf ("%s, aanhef", c);
    }
  /* Under "Artikel 2 wordt als volgt gewijzigd:" the article's own text
   * is "de tekst", as in "Voor de tekst wordt de aanduiding "1."
   * geplaatst" (6.18, third member). */
  if (c[0] == '\0' && in->relative)
    return g_strdup ("de tekst");
  if (c[0] == '\0')
    return cite (in->ctx, owner, top, TRUE, FALSE);
  return g_steal_pointer (&c);
}

/* The paragraphs (alinea's) of an element are cited by their place among
 * its paragraphs as they stand when the instructions before have been
 * applied (those about the paragraphs before it come first), not quoted
 * whole: "In bijlage 1 vervalt de tweede alinea." (6.9, toelichting: an
 * element or a whole sentence is cited, not quoted). */
static guint
texts_before (const AmendNode *node)
{
  guint n = 0;

  for (guint i = 0; node->parent && i < node->pos; i++)
    n += amend_node_child (node->parent, i)->kind == AMEND_NODE_TEXT ? 1 : 0;
  return n;
}

/* The place a paragraph of the old version that goes has then: after the
 * last paragraph before it that stays. */
static guint
gone_text_place (Inside          *in,
                 const AmendNode *old_text)
{
  for (const AmendNode *s = sibling_of_kind (in->ctx, old_text, -1, FALSE, TRUE); s != NULL;
       s = sibling_of_kind (in->ctx, s, -1, FALSE, TRUE))
    {
      const AmendNode *kept = amend_diff_get_partner (in->ctx->diff, s, TRUE);

      if (kept != NULL)
        return texts_before (kept) + 2;
    }
  return 1;
}

/* "de tweede zin", "de tweede en derde zin", "de tweede tot en met
 * vierde zin" of @noun; NULL past the ordinals the Aanwijzingen spell
 * out. */
static char *
ordinals_phrase (guint       first,
                 guint       n,
                 const char *noun)
{
  g_autofree char *a = g_strdup_printf ("%u", first);
  g_autofree char *b = g_strdup_printf ("%u", first + n - 1);
  g_autofree char *from = amend_wording_ordinal (a);
  g_autofree char *to = amend_wording_ordinal (b);

  if (from == NULL || to == NULL)
    return NULL;
  if (n == 1)
    return g_strdup_printf ("de %s %s", from, noun);
  return g_strdup_printf ("de %s %s %s %s", from, n == 2 ? "en" : "tot en met", to, noun);
}

/* "de tweede alinea", "de tweede en derde alinea", "de tweede tot en met
 * vierde alinea"; NULL past the ordinals. */
static char *
alineas_phrase (guint first,
                guint n)
{
  return ordinals_phrase (first, n, "alinea");
}

/* A changed text too changed to quote: its member or point rewritten
 * whole, or the aanhef or paragraph in quotation marks. */
static void
say_text_whole (Inside   *in,
                const Op *op)
{
  const AmendNode *owner_old = op->old_node->parent;
  const AmendNode *owner_new = op->new_node->parent;
  const AmendNode *top = in->unit->old_node;

  if (owner_old && (owner_old->kind == AMEND_NODE_MEMBER || owner_old->kind == AMEND_NODE_POINT))
    {
      gboolean below = in->relative && owner_old != top_of (in, TRUE);
      g_autofree char *c = cite (in->ctx, owner_old, below ? top_of (in, TRUE) : top, TRUE, below);
      g_autofree char *start = sentence_start (c);
      g_autofree char *text = node_text (owner_new);

      g_hash_table_add (in->rewritten, (gpointer) owner_old);
      add_sentence (in, g_strdup_printf ("%s komt te luiden:\n\n%s", start, text));
      return;
    }
  if (owner_old == top && is_article (top) && count_texts (top) == 1 && amend_node_n_children (top) == 1)
    {
      in->whole = TRUE;
      return;
    }
  {
    g_autofree char *plain = amend_node_get_plain_text (op->new_node);
    g_autofree char *c = is_aanhef (op->old_node) ? text_cite (in, op->old_node) : NULL;
    g_autofree char *what = NULL;
    g_autofree char *start = NULL;

    if (c == NULL)
      {
        /* A paragraph among others: cited by its place, the new one
         * after the colon (6.9, toelichting); the one paragraph of the
         * element quoted, as when it goes: "de eerste alinea" would
         * suggest others. */
        g_autofree char *which = count_texts (owner_old) > 1 ? alineas_phrase (texts_before (op->new_node) + 1, 1)
                                                             : NULL;
        g_autofree char *container = container_cite (in, owner_old, TRUE);
        g_autofree char *text = node_text (op->new_node);

        if (which == NULL)
          {
            g_autofree char *old_plain = amend_node_get_plain_text (op->old_node);
            g_autofree char *where = text_cite (in, op->old_node);
            add_sentence (in, g_strdup_printf ("In %s wordt \"%s\" vervangen door %c\"%s\"%c.", where, old_plain,
                                               QUOTE_OPEN, plain, QUOTE_CLOSE));
          }
        else if (container[0] == '\0')
          {
            g_autofree char *cap = amend_wording_capitalize (which);
            add_sentence (in, g_strdup_printf ("%s komt te luiden:\n\n%s", cap, text));
          }
        else
          {
            g_autofree char *cap = amend_wording_capitalize (which);
            g_autofree char *comma = with_comma (container);
            add_sentence (in, g_strdup_printf ("%s van %s komt te luiden:\n\n%s", cap, comma, text));
          }
        return;
      }
    what = g_str_has_prefix (c, "de aanhef") ? g_strdup (c) : g_strdup_printf ("de aanhef van %s", c);
    if (g_str_has_suffix (what, ", aanhef"))
      what[strlen (what) - strlen (", aanhef")] = '\0';
    start = amend_wording_capitalize (what);
    add_sentence (in, g_strdup_printf ("%s komt te luiden: %c\"%s\"%c.", start, QUOTE_OPEN, plain, QUOTE_CLOSE));
  }
}

/* Nothing of its element follows @text but its points (an aanhef is cited
 * as such): words at its end are at the end of what the citation names. */
static gboolean
ends_its_element (const AmendNode *text)
{
  return text->parent == NULL || is_aanhef (text) || text->pos + 1 == amend_node_n_children (text->parent);
}

/* Whether the full stop at @p ends a word of two letters or more, not an
 * initial or an abbreviation ("J.", "o.a."). */
static gboolean
ends_word (const char *text,
           const char *p)
{
  guint letters = 0;

  for (const char *q = p; q > text; q--)
    {
      char c = q[-1];

      if (c == '.')
        return FALSE;
      if (c == ' ')
        break;
      letters++;
    }
  return letters >= 2;
}

/* Whether the mark at @p ends a sentence: a word's ". ", or "? " or "! ",
 * before a capital. */
static gboolean
ends_sentence (const char *text,
               const char *p)
{
  if (p[1] != ' ' || !g_unichar_isupper (g_utf8_get_char (p + 2)))
    return FALSE;
  return p[0] == '?' || p[0] == '!' || (p[0] == '.' && ends_word (text, p));
}

/* The sentences of @text, each with its closing mark. */
static GPtrArray *
sentences_of (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && ends_sentence (text, p))
      {
        g_ptr_array_add (out, g_strndup (start, p + 1 - start));
        start = p + 2;
      }
  g_ptr_array_add (out, g_strdup (start));
  return out;
}

/* Sentences added at the end: "Aan het eerste lid wordt een zin
 * toegevoegd, luidende: ...", not the words quoted from the full stop on
 * (wordt ". Het college ..." toegevoegd). */
static gboolean
say_sentences_added (Inside     *in,
                     const char *where,
                     const char *part)
{
  static const char prefix[] = "wordt \". ";
  static const char suffix[] = "\" toegevoegd";
  g_autofree char *added = NULL, *subject = NULL, *cap = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  const char *count;
  gsize len = strlen (part);

  if (!g_str_has_prefix (part, prefix) || !g_str_has_suffix (part, suffix) ||
      len <= strlen (prefix) + strlen (suffix) || !g_unichar_isupper (g_utf8_get_char (part + strlen (prefix))))
    return FALSE;
  added = g_strndup (part + strlen (prefix), len - strlen (prefix) - strlen (suffix));
  if (strchr (added, '"') != NULL)
    return FALSE;
  sentences = sentences_of (added);
  count = amend_wording_count (sentences->len);
  if (count == NULL)
    return FALSE;
  subject = strcmp (where, "de tekst") == 0 ? g_strdup ("Er") : g_strdup_printf ("Aan %s", where);
  cap = amend_wording_capitalize (subject);
  {
    g_autofree char *comma = with_comma (cap);
    add_sentence (in, g_strdup_printf ("%s %s %s %s toegevoegd, luidende: %c%s.%c", comma,
                                       sentences->len == 1 ? "wordt" : "worden", count,
                                       sentences->len == 1 ? "zin" : "zinnen", QUOTE_OPEN, added, QUOTE_CLOSE));
  }
  return TRUE;
}

/* A change that replaces or deletes one whole sentence of several is said
 * of that sentence, as the example of 6.15 ("Het vijfde lid, tweede zin,
 * vervalt.") and 6.9, toelichting ("eerste lid, tweede zin", the new text
 * after the colon without quotation marks). */
static gboolean
say_sentence (Inside                *in,
              const char            *old_plain,
              const char            *where,
              const AmendTextChange *tc)
{
  g_autoptr(GPtrArray) sentences = sentences_of (old_plain);
  const char *part;

  if (tc->parts == NULL || tc->parts->len != 1)
    return FALSE;
  part = g_ptr_array_index (tc->parts, 0);
  if (tc->to_end && say_sentences_added (in, where, part))
    return TRUE;
  if (sentences->len < 2)
    return FALSE;
  for (guint i = 0; i < sentences->len; i++)
    {
      g_autofree char *body = g_strdup (g_ptr_array_index (sentences, i));
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *ordinal = amend_wording_ordinal (number);
      g_autofree char *gone = NULL, *gone_stop = NULL, *replaced = NULL, *subject = NULL, *cap = NULL;
      gsize len = strlen (body);

      if (ordinal == NULL || len < 2 || body[len - 1] != '.')
        continue;
      gone_stop = g_strdup_printf ("vervalt \"%s\"", body);
      body[len - 1] = '\0';
      gone = g_strdup_printf ("vervalt \"%s\"", body);
      replaced = g_strdup_printf ("wordt \"%s\" vervangen door \"", body);
      if (strcmp (where, "de tekst") == 0)
        subject = g_strdup_printf ("de %s zin", ordinal);
      else
        subject = g_strdup_printf ("%s, %s zin,", where, ordinal);
      cap = amend_wording_capitalize (subject);
      if (strcmp (part, gone) == 0 || strcmp (part, gone_stop) == 0)
        {
          add_sentence (in, g_strdup_printf ("%s vervalt.", cap));
          return TRUE;
        }
      if (g_str_has_prefix (part, replaced) && g_str_has_suffix (part, "\"") && strchr (body, '"') == NULL)
        {
          g_autofree char *r = g_strndup (part + strlen (replaced), strlen (part) - strlen (replaced) - 1);
          add_sentence (in, g_strdup_printf ("%s komt te luiden: %c%s.%c", cap, QUOTE_OPEN, r, QUOTE_CLOSE));
          return TRUE;
        }
    }
  return FALSE;
}

/* The sentences of two texts that stay, from the start (@head) and from
 * the end (@tail); they do not overlap. */
static void
same_sentences (GPtrArray *so,
                GPtrArray *sn,
                guint     *head,
                guint     *tail)
{
  guint shorter = MIN (so->len, sn->len);

  *head = *tail = 0;
  while (*head < shorter && strcmp (g_ptr_array_index (so, *head), g_ptr_array_index (sn, *head)) == 0)
    (*head)++;
  while (*tail < shorter - *head &&
         strcmp (g_ptr_array_index (so, so->len - 1 - *tail), g_ptr_array_index (sn, sn->len - 1 - *tail)) == 0)
    (*tail)++;
}

/* Sentences that go, or come between others: "In het tweede lid vervallen
 * de tweede en derde zin.", "In artikel 1, tweede lid, wordt na de eerste
 * zin een zin ingevoegd, luidende: ..." (6.11 and 6.12 for a sentence as
 * the example of 6.15 has it). */
static void
say_sentences_changed (Inside     *in,
                       const char *where,
                       GPtrArray  *sn,
                       guint       head,
                       guint       gone,
                       guint       come)
{
  gboolean text = strcmp (where, "de tekst") == 0;
  g_autofree char *comma = with_comma (where);

  if (come == 0)
    {
      g_autofree char *which = ordinals_phrase (head + 1, gone, "zin");
      g_autofree char *cap = amend_wording_capitalize (which);

      if (text)
        add_sentence (in, g_strdup_printf ("%s vervallen.", cap));
      else
        add_sentence (in, g_strdup_printf ("In %s vervallen %s.", comma, which));
      return;
    }
  {
    g_autoptr(GPtrArray) added = g_ptr_array_new ();
    g_autofree char *anchor = ordinals_phrase (head > 0 ? head : 1, 1, "zin");
    g_autofree char *place = g_strdup_printf ("%s %s", head > 0 ? "na" : "voor", anchor);
    g_autofree char *body = NULL, *cap = NULL;
    const char *verb = come == 1 ? "wordt" : "worden";
    const char *noun = come == 1 ? "zin" : "zinnen";

    for (guint k = head; k < head + come; k++)
      g_ptr_array_add (added, g_ptr_array_index (sn, k));
    g_ptr_array_add (added, NULL);
    body = g_strjoinv (" ", (char **) added->pdata);
    if (text)
      {
        cap = amend_wording_capitalize (place);
        add_sentence (in, g_strdup_printf ("%s %s %s %s ingevoegd, luidende: %c%s%c", cap, verb,
                                           amend_wording_count (come), noun, QUOTE_OPEN, body, QUOTE_CLOSE));
      }
    else
      add_sentence (in, g_strdup_printf ("In %s %s %s %s %s ingevoegd, luidende: %c%s%c", comma, verb, place,
                                         amend_wording_count (come), noun, QUOTE_OPEN, body, QUOTE_CLOSE));
  }
}

/* A text of several sentences whose whole sentences changed is said
 * sentence by sentence: "Het tweede lid, eerste zin, komt te luiden:
 * ...", "... , tweede zin, vervalt.", "In het tweede lid vervallen de
 * tweede en derde zin.", "In het tweede lid wordt na de eerste zin een zin
 * ingevoegd, luidende: ..."; with @only_whole only sentences that go or
 * come, not one rewritten (whose words can be quoted). */
static gboolean
say_sentence_rewritten (Inside     *in,
                        const Op   *op,
                        const char *old_plain,
                        const char *new_plain,
                        gboolean    only_whole)
{
  g_autoptr(GPtrArray) so = sentences_of (old_plain);
  g_autoptr(GPtrArray) sn = sentences_of (new_plain);
  g_autofree char *where = NULL, *last = NULL, *number = NULL, *ordinal = NULL, *subject = NULL, *cap = NULL;
  guint head, tail, gone, come;

  if (so->len < 2 && sn->len < 2)
    return FALSE;
  same_sentences (so, sn, &head, &tail);
  gone = so->len - head - tail;
  come = sn->len - head - tail;
  if (gone == 0 && come == 0)
    return FALSE;
  /* Sentences added at the end are "toegevoegd" (say_sentences_added()). */
  if (gone == 0 && tail == 0)
    return FALSE;
  if (gone > 0 && come > 0 && (gone != 1 || come != 1 || only_whole))
    return FALSE;
  last = ordinals_phrase (head + MAX (gone, 1), 1, "zin");
  if (last == NULL || amend_wording_count (MAX (gone, come)) == NULL)
    return FALSE;
  where = text_cite (in, op->old_node);
  if (gone != 1)
    {
      say_sentences_changed (in, where, sn, head, gone, come);
      return TRUE;
    }
  number = g_strdup_printf ("%u", head + 1);
  ordinal = amend_wording_ordinal (number);
  subject = strcmp (where, "de tekst") == 0 ? g_strdup_printf ("de %s zin", ordinal)
                                            : g_strdup_printf ("%s, %s zin,", where, ordinal);
  cap = amend_wording_capitalize (subject);
  if (come == 0)
    add_sentence (in, g_strdup_printf ("%s vervalt.", cap));
  else
    add_sentence (in, g_strdup_printf ("%s komt te luiden: %c%s%c", cap, QUOTE_OPEN,
                                       (char *) g_ptr_array_index (sn, head), QUOTE_CLOSE));
  return TRUE;
}

/* Changes in two paragraphs of one element that the same citation names
 * (the paragraphs of a bijlage) are one sentence, as the changes in one
 * text are: "In bijlage 1 wordt "vijf" vervangen door "zes" en wordt
 * "honderd" vervangen door "tweehonderd"." (6.15, its example). */
static gboolean
join_text_sentence (Inside          *in,
                    const char      *where,
                    AmendTextChange *tc)
{
  g_autofree char *comma = NULL, *list = NULL;

  if (tc->to_end || in->text_parts == NULL || in->cite == NULL || strcmp (in->cite, where) != 0 ||
      in->sentences->len == 0)
    return FALSE;
  for (guint i = 0; i < tc->parts->len; i++)
    g_ptr_array_add (in->text_parts, g_strdup (g_ptr_array_index (tc->parts, i)));
  list = amend_wording_list (in->text_parts);
  comma = with_comma (where);
  g_free (g_ptr_array_index (in->sentences, in->sentences->len - 1));
  g_ptr_array_index (in->sentences, in->sentences->len - 1) = g_strdup_printf ("In %s %s.", comma, list);
  g_free (in->predicate);
  in->predicate = g_steal_pointer (&list);
  return TRUE;
}

static void
say_text (Inside *in,
          Op     *op)
{
  g_auto(AmendTextChange) tc = { 0 };
  g_autofree char *old_plain = amend_node_get_plain_text (op->old_node);
  g_autofree char *new_plain = amend_node_get_plain_text (op->new_node);
  const AmendNode *owner = op->old_node->parent;
  gboolean aanhef = owner == top_of (in, TRUE) && is_aanhef (op->old_node);
  g_autofree char *other = aanhef ? g_strdup ("") : scope_other (owner, op->old_node);
  g_autofree char *where = NULL;

  if (covered (in, op->old_node))
    return;
  if (!_amend_text_change_say (old_plain, new_plain, other, ends_its_element (op->old_node), &tc))
    {
      if (aanhef || is_aanhef (op->old_node) || !say_sentence_rewritten (in, op, old_plain, new_plain, FALSE))
        say_text_whole (in, op);
      return;
    }
  if (!aanhef && !is_aanhef (op->old_node) && say_sentence_rewritten (in, op, old_plain, new_plain, TRUE))
    return;
  where = text_cite (in, op->old_node);
  if (!aanhef && !is_aanhef (op->old_node) && say_sentence (in, old_plain, where, &tc))
    return;
  if (join_text_sentence (in, where, &tc))
    return;
  {
    g_autofree char *comma = with_comma (where);
    add_sentence (in, g_strdup_printf ("%s %s %s.", tc.to_end ? "Aan" : "In", comma, tc.predicate));
  }
  g_free (in->cite);
  g_free (in->predicate);
  in->cite = g_steal_pointer (&where);
  in->predicate = g_strdup (tc.predicate);
  in->to_end = tc.to_end;
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
  in->text_parts = tc.to_end ? NULL : g_steal_pointer (&tc.parts);
}

static void
say_heading (Inside   *in,
             const Op *op)
{
  const AmendChange *c = op->change;
  g_autofree char *what = NULL;

  if (in->relative && op->old_node == in->unit->old_node)
    what = g_strdup ("het opschrift");
  else
    {
      g_autofree char *name = unit_name (in->ctx, op->old_node, TRUE);
      g_autofree char *comma = with_comma (name);
      what = g_strdup_printf ("het opschrift van %s", comma);
    }
  {
    g_autofree char *cap = amend_wording_capitalize (what);

    if (c->heading_new == NULL)
      add_sentence (in, g_strdup_printf ("%s vervalt.", cap));
    else
      add_sentence (in, g_strdup_printf ("%s komt te luiden: \"%s\".", cap, c->heading_new));
  }
}

/* The later operations that renumber the siblings after @last (old
 * positions with @by_old, else new ones) of the same kind. */
static void
take_number_ops (Inside          *in,
                 guint            from,
                 const AmendNode *last,
                 gboolean         by_old,
                 GPtrArray       *old_nodes,
                 GPtrArray       *new_nodes)
{
  for (gboolean found = TRUE; found; )
    {
      found = FALSE;
      for (guint k = from; k < in->ops->len; k++)
        {
          Op *o = op_at (in, k);
          const AmendNode *anchor;

          if (o->kind != OP_NUMBER || o->done)
            continue;
          anchor = by_old ? o->old_node : o->new_node;
          if (anchor->kind == last->kind && anchor->parent == last->parent && anchor->pos == last->pos + 1)
            {
              o->done = TRUE;
              g_ptr_array_add (old_nodes, (gpointer) o->old_node);
              g_ptr_array_add (new_nodes, (gpointer) o->new_node);
              last = anchor;
              found = TRUE;
            }
        }
    }
}

/* Members, points or paragraphs that go, one after the other: "Het
 * tiende lid vervalt, onder vernummering van ...", "In het eerste lid
 * vervallen de onderdelen o en p, onder verlettering van onderdeel q tot
 * o." */
static void
say_gone (Inside *in,
          guint   i)
{
  Op *first = op_at (in, i);
  const AmendNode *parent = first->old_node->parent;
  AmendNodeKind kind = first->old_node->kind;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  const AmendNode *last = first->old_node;
  g_autofree char *clause = NULL, *container = NULL, *subject = NULL;
  const char *verb, *fold;

  for (guint k = i; k < in->ops->len; k++)
    {
      Op *o = op_at (in, k);

      if (o->done)
        continue;
      if (o->kind != OP_GONE || (k > i && (o->old_node->parent != parent || o->old_node->kind != kind ||
                                           o->old_node->pos != last->pos + 1)))
        break;
      o->done = TRUE;
      g_ptr_array_add (gone, (gpointer) o->old_node);
      last = o->old_node;
    }
  if (kind == AMEND_NODE_TEXT)
    {
      /* The one paragraph of the element is quoted: "de eerste alinea"
       * would suggest others. */
      g_autofree char *which = count_texts (parent) > 1 ? alineas_phrase (gone_text_place (in, first->old_node), gone->len)
                                                        : NULL;
      g_autofree char *where = container_cite (in, parent, TRUE);
      const char *verb_text = gone->len == 1 ? "vervalt" : "vervallen";

      if (which == NULL)
        {
          /* Past the ordinals: the words say which. */
          for (guint k = 0; k < gone->len; k++)
            {
              g_autofree char *plain = amend_node_get_plain_text (g_ptr_array_index (gone, k));
              g_autofree char *at = text_cite (in, g_ptr_array_index (gone, k));
              g_autofree char *comma = with_comma (at);

              add_sentence (in, g_strdup_printf ("In %s vervalt \"%s\".", comma, plain));
            }
          return;
        }
      if (where[0] == '\0')
        {
          g_autofree char *cap = amend_wording_capitalize (which);
          add_sentence (in, g_strdup_printf ("%s %s.", cap, verb_text));
        }
      else
        {
          g_autofree char *comma = with_comma (where);
          add_sentence (in, g_strdup_printf ("In %s %s %s.", comma, verb_text, which));
        }
      return;
    }
  take_number_ops (in, i, last, TRUE, old_nodes, new_nodes);
  clause = renumbering_clause (in->ctx, old_nodes, new_nodes);
  verb = gone->len == 1 ? "vervalt" : "vervallen";
  container = container_cite (in, parent, TRUE);
  {
    g_autoptr(GPtrArray) numbers = numbers_of (in->ctx, gone, TRUE, FALSE);
    subject = elements_phrase (numbers, first->old_node, TRUE);
  }
  fold = g_hash_table_lookup (in->folds, first->old_node);
  if (fold != NULL && container[0] != '\0')
    {
      g_autofree char *comma = with_comma (container);
      add_sentence (in, g_strdup_printf ("In %s %s, %s, %s.", comma, verb, fold, subject));
    }
  else if (fold != NULL)
    {
      /* The order of the examples of 6.18, second member. */
      g_autofree char *cap = amend_wording_capitalize (fold);
      add_sentence (in, g_strdup_printf ("%s %s %s.", cap, verb, subject));
    }
  else if (kind == AMEND_NODE_MEMBER && container[0] != '\0' && gone->len == 1)
    {
      g_autofree char *c = cite (in->ctx, first->old_node, top_of (in, TRUE), TRUE, in->relative);
      g_autofree char *start = sentence_start (c);
      add_sentence (in, g_strdup_printf ("%s %s%s%s.", start, verb, clause[0] ? ", " : "", clause));
    }
  else if (container[0] != '\0')
    {
      g_autofree char *comma = with_comma (container);
      add_sentence (in, g_strdup_printf ("In %s %s %s%s%s.", comma, verb, subject, clause[0] ? ", " : "", clause));
    }
  else
    {
      g_autofree char *cap = amend_wording_capitalize (subject);
      add_sentence (in, g_strdup_printf ("%s %s%s%s.", cap, verb, clause[0] ? ", " : "", clause));
    }
  apply_renumbering (in->ctx, old_nodes, new_nodes);
}

/* "Na het eerste lid" / "na onderdeel b": the sibling before @first in
 * the new version, by the number it has now. */
static char *
after_phrase (Inside          *in,
              const AmendNode *prev,
              guint            inserted_before)
{
  const char *number = number_now (in->ctx, prev, FALSE);

  if (prev->kind == AMEND_NODE_MEMBER)
    {
      g_autofree char *m = amend_wording_member (number);
      return g_strdup_printf ("het %s", m);
    }
  if (prev->kind == AMEND_NODE_POINT)
    {
      g_autofree char *p = amend_wording_point (number);
      return g_strdup_printf ("onderdeel %s", p);
    }
  {
    char *which = prev->kind == AMEND_NODE_TEXT ? alineas_phrase (texts_before (prev) + 1 - inserted_before, 1) : NULL;
    return which ? which : g_strdup ("de alinea");
  }
}

/* Members, points or paragraphs that come, one after the other: "Na het
 * eerste lid wordt een lid ingevoegd, luidende:", "Aan artikel 4 wordt
 * een lid toegevoegd, luidende:" (6.11). */
static void
say_new (Inside *in,
         guint   i)
{
  Op *first = op_at (in, i);
  const AmendNode *parent = first->new_node->parent;
  AmendNodeKind kind = first->new_node->kind;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  const AmendNode *last = first->new_node;
  const AmendNode *parent_old = amend_diff_get_partner (in->ctx->diff, parent, FALSE);
  g_autofree char *clause = NULL, *noun = NULL, *texts = NULL, *container = NULL;
  const AmendNode *prev, *next;
  const char *verb;

  for (guint k = i; k < in->ops->len; k++)
    {
      Op *o = op_at (in, k);

      if (o->done || o->kind != OP_NEW)
        continue;
      if (k > i && (o->new_node->parent != parent || o->new_node->kind != kind || o->new_node->pos != last->pos + 1))
        break;
      o->done = TRUE;
      g_ptr_array_add (nodes, (gpointer) o->new_node);
      last = o->new_node;
    }
  take_number_ops (in, i, last, FALSE, old_nodes, new_nodes);
  clause = renumbering_clause (in->ctx, old_nodes, new_nodes);
  noun = count_noun (first->new_node, nodes->len);
  texts = nodes_text (nodes);
  verb = nodes->len == 1 ? "wordt" : "worden";
  prev = sibling_of_kind (in->ctx, first->new_node, -1, FALSE, FALSE);
  next = sibling_of_kind (in->ctx, last, +1, TRUE, FALSE);
  container = parent_old ? container_cite (in, parent_old, TRUE) : g_strdup ("");

  if (next == NULL && prev != NULL)
    {
      const char *fold = g_hash_table_lookup (in->folds, first->new_node);
      g_autofree char *with = fold ? g_strdup_printf (", %s,", fold) : g_strdup ("");

      if (container[0] == '\0' && fold != NULL)
        {
          /* The order of the examples of 6.18, second member. */
          g_autofree char *cap = amend_wording_capitalize (fold);
          add_sentence (in, g_strdup_printf ("%s %s %s toegevoegd, luidende:\n\n%s", cap, verb, noun, texts));
        }
      else if (container[0] == '\0')
        add_sentence (in, g_strdup_printf ("Er %s%s %s toegevoegd, luidende:\n\n%s", verb, with, noun, texts));
      else
        {
          g_autofree char *comma = with_comma (container);
          add_sentence (in, g_strdup_printf ("Aan %s %s%s %s toegevoegd, luidende:\n\n%s", comma, verb, with, noun,
                                             texts));
        }
    }
  else
    {
      g_autofree char *anchor = prev ? after_phrase (in, prev, 0) : next ? after_phrase (in, next, nodes->len) : NULL;
      g_autofree char *where = anchor ? g_strdup_printf ("%s %s", prev ? "na" : "voor", anchor)
                                      : g_strdup ("aan het begin");

      /* A member or point that takes the number of the first one
       * renumbered is placed by that renumbering: "Onder vernummering van
       * het tweede lid tot derde lid wordt een lid ingevoegd" (6.18, first
       * and second members, their examples A). */
      if (clause[0] && (kind == AMEND_NODE_MEMBER || kind == AMEND_NODE_POINT))
        {
          g_free (where);
          where = NULL;
        }
      if (container[0] == '\0')
        {
          g_autofree char *cap_where = where ? amend_wording_capitalize (where) : NULL;
          if (clause[0])
            {
              g_autofree char *cap_clause = amend_wording_capitalize (clause);
              add_sentence (in, g_strdup_printf ("%s %s%s%s %s ingevoegd, luidende:\n\n%s", cap_clause, verb,
                                                 where ? " " : "", where ? where : "", noun, texts));
            }
          else
            add_sentence (in, g_strdup_printf ("%s %s %s ingevoegd, luidende:\n\n%s", cap_where, verb, noun, texts));
        }
      else
        {
          g_autofree char *comma = with_comma (container);
          add_sentence (in, g_strdup_printf ("In %s %s%s%s%s%s%s %s ingevoegd, luidende:\n\n%s", comma, verb,
                                             clause[0] ? ", " : "", clause, clause[0] ? "," : "", where ? " " : "",
                                             where ? where : "", noun, texts));
        }
    }
  apply_renumbering (in->ctx, old_nodes, new_nodes);
}

/* The end of @old_text with its full stop replaced by what @new_text has
 * there: "een puntkomma", or the words quoted ("; en"). */
static char *
end_replacement (const char *old_text,
                 const char *new_text)
{
  gsize len = strlen (old_text);

  if (len == 0 || old_text[len - 1] != '.' || strncmp (old_text, new_text, len - 1) != 0)
    return NULL;
  new_text += len - 1;
  if (strcmp (new_text, ";") == 0)
    return g_strdup ("een puntkomma");
  if (strcmp (new_text, "; en") == 0 || strcmp (new_text, "; of") == 0 || strcmp (new_text, ", en") == 0 ||
      strcmp (new_text, ", of") == 0)
    return g_strdup_printf ("\"%s\"", new_text);
  return NULL;
}

/* The end of @old_text, "; of" or "; en", given up for a puntkomma in
 * @new_text, as the point that was the last but one when a point is added
 * (6.18, second member, its example C); the words quoted, else NULL. */
static char *
end_conjunction (const char *old_text,
                 const char *new_text)
{
  static const char *const ends[] = { "; of", "; en", ", of", ", en" };
  gsize len = strlen (old_text);

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      gsize n = strlen (ends[i]);

      if (len > n && g_str_has_suffix (old_text, ends[i]) && strlen (new_text) == len - n + 1 &&
          strncmp (old_text, new_text, len - n + 1) == 0 && new_text[len - n] == ends[i][0])
        return g_strdup (ends[i]);
    }
  return NULL;
}

/* The text operation on the text of @point_old whose end @say finds
 * changed, marked done; the words it gives, else NULL. */
static char *
take_end_change (Inside          *in,
                 const AmendNode *point_old,
                 char          *(*say) (const char *, const char *))
{
  for (guint k = 0; k < in->ops->len; k++)
    {
      Op *t = op_at (in, k);
      g_autofree char *a = NULL, *b = NULL;
      char *by;

      if (t->kind != OP_TEXT || t->done || t->old_node->parent != point_old)
        continue;
      a = amend_node_get_plain_text (t->old_node);
      b = amend_node_get_plain_text (t->new_node);
      by = say (a, b);
      if (by != NULL)
        {
          t->done = TRUE;
          return by;
        }
    }
  return NULL;
}

/* The end of @old_text, a puntkomma or "; of", become the full stop of
 * @new_text, as the point that becomes the last when the ones after it
 * go: "de puntkomma" or the words quoted; else NULL. */
static char *
end_to_stop (const char *old_text,
             const char *new_text)
{
  g_autofree char *by = end_replacement (new_text, old_text);

  if (by == NULL)
    return NULL;
  if (strcmp (by, "een puntkomma") == 0)
    return g_strdup ("de puntkomma");
  return g_steal_pointer (&by);
}

/* The puntkomma of @old_text become "; of" in @new_text: the conjunction
 * the point that became the last gave up, taken by the one before it. */
static char *
conjunction_taken (const char *old_text,
                   const char *new_text)
{
  return end_conjunction (new_text, old_text);
}

/* The last points of a list that go give their full stop to the one
 * before them, and its "; of" to the one before that: "In het tweede lid
 * vervalt, onder vervanging van de puntkomma aan het slot van onderdeel c
 * door een punt, onderdeel d", as a point added at the end takes them
 * (6.18, second member, its examples B and C, the other way round). */
static void
find_gone_fold (Inside *in,
                Op     *op)
{
  const AmendNode *prev_old, *before_old;
  g_autofree char *by = NULL, *label = NULL, *conj = NULL;
  GString *fold;

  if (op->old_node->kind != AMEND_NODE_POINT ||
      sibling_of_kind (in->ctx, op->old_node, +1, TRUE, TRUE) != NULL ||
      (prev_old = sibling_of_kind (in->ctx, op->old_node, -1, FALSE, TRUE)) == NULL ||
      amend_diff_get_partner (in->ctx->diff, prev_old, TRUE) == NULL ||
      g_hash_table_contains (in->folds, op->old_node))
    return;
  by = take_end_change (in, prev_old, end_to_stop);
  if (by == NULL)
    return;
  fold = g_string_new (NULL);
  before_old = sibling_of_kind (in->ctx, prev_old, -1, TRUE, TRUE);
  conj = before_old ? take_end_change (in, before_old, conjunction_taken) : NULL;
  if (conj != NULL)
    {
      g_autofree char *before_label = amend_wording_point (number_now (in->ctx, before_old, TRUE));
      g_string_append_printf (fold, "onder vervanging van de %s aan het slot van %s %s door \"%s\" en ",
                              conj[0] == ';' ? "puntkomma" : "komma", noun_of (before_old, FALSE), before_label, conj);
    }
  label = amend_wording_point (number_now (in->ctx, prev_old, TRUE));
  g_string_append_printf (fold, "onder vervanging van %s aan het slot van %s %s door een punt", by,
                          noun_of (prev_old, FALSE), label);
  g_hash_table_insert (in->folds, (gpointer) op->old_node, g_string_free (fold, FALSE));
}

/* A point added at the end of a list takes over the full stop of the one
 * before it, and that one the "; of" of the one before it: "Aan het
 * tweede lid wordt, onder vervanging van "; of" aan het slot van onderdeel
 * c door een puntkomma en onder vervanging van de punt aan het slot van
 * onderdeel d door "; of", een onderdeel toegevoegd" (6.18, second member,
 * its examples B and C: one instruction). */
static void
find_folds (Inside *in)
{
  for (guint i = 0; i < in->ops->len; i++)
    {
      Op *op = op_at (in, i);
      const AmendNode *prev, *prev_old, *before, *before_old;
      g_autofree char *by = NULL, *label = NULL, *conj = NULL;
      GString *fold;

      if (op->kind == OP_GONE && !op->done)
        find_gone_fold (in, op);
      if (op->kind != OP_NEW || op->done || op->new_node->kind != AMEND_NODE_POINT ||
          sibling_of_kind (in->ctx, op->new_node, +1, TRUE, FALSE) != NULL ||
          (prev = sibling_of_kind (in->ctx, op->new_node, -1, FALSE, FALSE)) == NULL ||
          (prev_old = amend_diff_get_partner (in->ctx->diff, prev, FALSE)) == NULL ||
          g_hash_table_contains (in->folds, op->new_node))
        continue;
      by = take_end_change (in, prev_old, end_replacement);
      if (by == NULL)
        continue;
      fold = g_string_new (NULL);
      before = sibling_of_kind (in->ctx, prev, -1, FALSE, FALSE);
      before_old = before ? amend_diff_get_partner (in->ctx->diff, before, FALSE) : NULL;
      conj = before_old ? take_end_change (in, before_old, end_conjunction) : NULL;
      if (conj != NULL)
        {
          g_autofree char *before_label = amend_wording_point (number_now (in->ctx, before_old, TRUE));
          g_string_append_printf (fold, "onder vervanging van \"%s\" aan het slot van %s %s door een %s en ",
                                  conj, noun_of (before_old, FALSE), before_label, conj[0] == ';' ? "puntkomma" : "komma");
        }
      label = amend_wording_point (number_now (in->ctx, prev_old, TRUE));
      g_string_append_printf (fold, "onder vervanging van de punt aan het slot van %s %s door %s",
                              noun_of (prev_old, FALSE), label, by);
      g_hash_table_insert (in->folds, (gpointer) op->new_node, g_string_free (fold, FALSE));
    }
}

/* Members or points renumbered alone: "Het derde lid wordt vernummerd tot
 * tweede lid." */
static void
say_number (Inside *in,
            guint   i)
{
  Op *first = op_at (in, i);
  g_autoptr(GPtrArray) old_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_nodes = g_ptr_array_new ();
  AmendNodeKind kind = first->old_node->kind;
  g_autofree char *container = container_cite (in, first->old_node->parent, TRUE);
  g_autofree char *subject = NULL, *target = NULL;
  const char *verb_word = kind == AMEND_NODE_POINT && is_letter_label (first->old_node->number) ? "verletterd"
                                                                                                 : "vernummerd";

  first->done = TRUE;
  g_ptr_array_add (old_nodes, (gpointer) first->old_node);
  g_ptr_array_add (new_nodes, (gpointer) first->new_node);
  take_number_ops (in, i + 1, first->old_node, TRUE, old_nodes, new_nodes);
  {
    g_autoptr(GPtrArray) from = numbers_of (in->ctx, old_nodes, TRUE, FALSE);
    g_autoptr(GPtrArray) to = numbers_of (in->ctx, new_nodes, FALSE, TRUE);
    subject = elements_phrase (from, first->old_node, TRUE);
    target = kind == AMEND_NODE_MEMBER ? elements_phrase (to, first->old_node, FALSE) : range_of (to, kind);
  }
  if (container[0] != '\0' && kind != AMEND_NODE_MEMBER)
    {
      g_autofree char *comma = with_comma (container);
      add_sentence (in, g_strdup_printf ("In %s %s %s %s tot %s.", comma, old_nodes->len == 1 ? "wordt" : "worden",
                                         subject, verb_word, target));
    }
  else
    {
      g_autofree char *cap = amend_wording_capitalize (subject);
      if (container[0] != '\0')
        {
          g_autofree char *c = cite (in->ctx, first->old_node, in->unit->old_node, TRUE, FALSE);
          g_free (cap);
          cap = sentence_start (c);
        }
      add_sentence (in, g_strdup_printf ("%s %s %s tot %s.", cap, old_nodes->len == 1 ? "wordt" : "worden",
                                         verb_word, target));
    }
  apply_renumbering (in->ctx, old_nodes, new_nodes);
}

static const AmendNode *op_scope (Inside   *in,
                                  const Op *op);

/* The member right below the instruction's top that @op changes inside
 * of; NULL for a change of the top itself or of its children. */
static const AmendNode *
group_of (Inside   *in,
          const Op *op)
{
  const AmendNode *top = in->base_top ? in->base_top : in->unit->old_node;
  const AmendNode *n = op_scope (in, op);

  if (n == NULL || n == top || !inside_of (n, top))
    return NULL;
  while (n->parent != top)
    n = n->parent;
  if (n->kind != AMEND_NODE_MEMBER || amend_diff_get_partner (in->ctx->diff, n, TRUE) == NULL)
    return NULL;
  return n;
}

static void
say_ops (Inside *in)
{
  find_folds (in);
  for (guint i = 0; i < in->ops->len && !in->whole; i++)
    {
      Op *op = op_at (in, i);

      if (op->done)
        continue;
      in->group = group_of (in, op);
      in->top = in->nested && in->group && g_hash_table_contains (in->nested, in->group) ? in->group : in->base_top;
      switch (op->kind)
        {
        case OP_TEXT:
          op->done = TRUE;
          say_text (in, op);
          break;
        case OP_HEADING:
          op->done = TRUE;
          say_heading (in, op);
          break;
        case OP_GONE:
          if (!covered (in, op->old_node))
            say_gone (in, i);
          op->done = TRUE;
          break;
        case OP_NEW:
          say_new (in, i);
          op->done = TRUE;
          break;
        case OP_NUMBER:
          say_number (in, i);
          break;
        default:
          break;
        }
    }
}

/* Whether the renumbering @o is said with an insertion or deletion among
 * the same elements: "wordt, onder verlettering van de onderdelen d tot
 * en met k tot e tot en met l, een onderdeel ingevoegd" (6.18). */
static gboolean
number_said_with (Inside   *in,
                  const Op *o)
{
  for (guint i = 0; i < in->ops->len; i++)
    {
      const Op *p = op_at (in, i);

      if (p->kind == OP_GONE && p->old_node->kind == o->old_node->kind && p->old_node->parent == o->old_node->parent)
        return TRUE;
      if (p->kind == OP_NEW && p->new_node->kind == o->new_node->kind && p->new_node->parent == o->new_node->parent)
        return TRUE;
    }
  return FALSE;
}

/* The changes the instructions say apart: a renumbering that comes with
 * an insertion or deletion is part of its sentence, not a change of its
 * own, however many elements it renumbers. */
static guint
count_changes (Inside *in)
{
  guint n = 0;

  for (guint i = 0; i < in->ops->len; i++)
    {
      const Op *o = op_at (in, i);

      n += o->kind != OP_NUMBER || !number_said_with (in, o);
    }
  return n;
}

/* The characters of @old_text that the word diff with @new_text changes
 * (deleted or inserted), and its length. */
static void
count_changed (const char *old_text,
               const char *new_text,
               gsize      *changed,
               gsize      *total)
{
  g_autoptr(GArray) pieces = amend_word_diff (old_text, new_text);

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      gsize len = g_utf8_strlen (p->text, -1);

      *total += len;
      *changed += p->op != AMEND_PIECE_EQUAL ? len : 0;
    }
}

/* Whether the texts differ in whole sentences that go or come only,
 * which the instructions say in a few words ("vervallen de eerste en
 * tweede zin") or quote whole either way. */
static gboolean
only_whole_sentences (const char *old_plain,
                      const char *new_plain)
{
  g_autoptr(GPtrArray) so = sentences_of (old_plain);
  g_autoptr(GPtrArray) sn = sentences_of (new_plain);
  guint head, tail;

  if (so->len < 2 && sn->len < 2)
    return FALSE;
  same_sentences (so, sn, &head, &tail);
  return head + tail == so->len || head + tail == sn->len;
}

/* Whether an article's changes are better said as "komt te luiden" (6.9):
 * many of them, or most of its words changed in its texts.  Members and
 * points that go or come whole do not count to that share: "vervallen het
 * tweede en derde lid" is said in a few words, and a new one is quoted
 * whole either way. */
static gboolean
rewrite_whole (Inside *in)
{
  const Unit *u = in->unit;
  guint n_ops = count_changes (in);
  gsize changed = 0, total = 0;

  if (!is_article (u->old_node) || !is_article (u->new_node))
    return FALSE;
  if (n_ops > MAX_CHANGES)
    return TRUE;
  if (n_ops < 2)
    return FALSE;
  {
    g_autofree char *a = amend_node_get_text_content (u->old_node);
    g_autofree char *b = amend_node_get_text_content (u->new_node);
    gsize whole = 0;

    count_changed (a, b, &whole, &total);
  }
  for (guint i = 0; i < in->ops->len; i++)
    {
      const Op *op = op_at (in, i);
      g_autofree char *a = NULL, *b = NULL;
      gsize length = 0;

      if (op->kind != OP_TEXT)
        continue;
      a = amend_node_get_plain_text (op->old_node);
      b = amend_node_get_plain_text (op->new_node);
      if (!only_whole_sentences (a, b))
        count_changed (a, b, &changed, &length);
    }
  return total > 0 && (double) changed / total > REWRITE_SHARE;
}

/* The element an operation changes inside of, in the old version. */
static const AmendNode *
op_scope (Inside   *in,
          const Op *op)
{
  switch (op->kind)
    {
    case OP_HEADING:
      return op->old_node;
    case OP_NEW:
      return op->new_node->parent ? amend_diff_get_partner (in->ctx->diff, op->new_node->parent, FALSE) : NULL;
    default:
      return op->old_node->parent;
    }
}

/* The one member of the unit all its changes are in, so that
 * they are numbered under "Artikel 10, tweede lid, wordt als volgt
 * gewijzigd:" and each cites below it ("In onderdeel a ..."); else the
 * unit itself. */
static const AmendNode *
common_top (Inside *in)
{
  const AmendNode *top = in->unit->old_node;
  const AmendNode *common = NULL;

  for (guint i = 0; i < in->ops->len; i++)
    {
      const AmendNode *scope = op_scope (in, op_at (in, i));

      if (scope == NULL || !inside_of (scope, top))
        return top;
      if (common == NULL)
        common = scope;
      while (!inside_of (scope, common))
        common = common->parent;
    }
  /* A member, not a point: below a point its points are cited "onder 1°"
   * with it (3.29), never "onderdeel 1°" alone. */
  while (common != NULL && common != top && common->kind != AMEND_NODE_MEMBER)
    common = common->parent;
  if (common == NULL || amend_diff_get_partner (in->ctx->diff, common, TRUE) == NULL)
    return top;
  return common;
}

static void
inside_clear (Inside *in)
{
  g_clear_pointer (&in->ops, g_array_unref);
  g_clear_pointer (&in->rewritten, g_hash_table_unref);
  g_clear_pointer (&in->folds, g_hash_table_unref);
  g_clear_pointer (&in->sentences, g_ptr_array_unref);
  g_clear_pointer (&in->groups, g_ptr_array_unref);
  g_clear_pointer (&in->nested, g_hash_table_unref);
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
  g_clear_pointer (&in->cite, g_free);
  g_clear_pointer (&in->predicate, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inside, inside_clear)

static void
say_whole_unit (Ctx        *ctx,
                const Unit *u,
                Letter     *l)
{
  g_autofree char *name = unit_name (ctx, u->old_node, TRUE);
  g_autofree char *cap = sentence_start (name);
  g_autofree char *text = node_text (u->new_node);

  l->text = g_strdup_printf ("%s komt te luiden:\n\n%s", cap, text);
}

/* The text of an article that is one paragraph, else NULL. */
static char *
lone_text (const AmendNode *node)
{
  const AmendNode *child;

  if (amend_node_n_children (node) != 1)
    return NULL;
  child = amend_node_child (node, 0);
  if (child->kind != AMEND_NODE_TEXT || child->heading_level > 0)
    return NULL;
  return amend_node_get_plain_text (child);
}

/* The members of @node, 1, 2, 3 ..., at least two, the first of them a
 * paragraph that reads @text. */
static gboolean
members_after (const AmendNode *node,
               const char      *text)
{
  g_autofree char *first = NULL;

  if (amend_node_n_children (node) < 2)
    return FALSE;
  for (guint i = 0; i < amend_node_n_children (node); i++)
    {
      const AmendNode *m = amend_node_child (node, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      if (m->kind != AMEND_NODE_MEMBER || g_strcmp0 (m->number, number) != 0)
        return FALSE;
    }
  first = lone_text (amend_node_child (node, 0));
  return first != NULL && strcmp (first, text) == 0;
}

/* An article of one paragraph that gets members, its text the first, or
 * the other way round (6.18, third and fourth members): "Voor de tekst
 * wordt de aanduiding "1." geplaatst." and "Er wordt een lid toegevoegd";
 * "In artikel 3 vervallen het tweede lid alsmede de aanduiding "1." voor
 * het eerste lid.". */
static gboolean
say_members_change (Ctx        *ctx,
                    const Unit *u,
                    GPtrArray  *letters)
{
  const AmendNode *o = u->old_node, *n = u->new_node;
  g_autofree char *old_text = NULL, *new_text = NULL, *name = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  gboolean gained;
  Letter *l;

  if (!is_article (o) || !is_article (n) || g_strcmp0 (o->heading, n->heading) != 0 ||
      g_strcmp0 (o->number, n->number) != 0)
    return FALSE;
  for (guint i = 0; i < u->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (u->changes, i);

      if ((c->action != AMEND_CHANGE_INSERTED && c->action != AMEND_CHANGE_DELETED) ||
          g_hash_table_contains (ctx->said, c) || g_hash_table_contains (ctx->reserved, c))
        return FALSE;
    }
  old_text = lone_text (o);
  new_text = lone_text (n);
  gained = old_text != NULL;
  if (gained ? !members_after (n, old_text) : (new_text == NULL || !members_after (o, new_text)))
    return FALSE;
  for (guint i = 1; i < amend_node_n_children (gained ? n : o); i++)
    g_ptr_array_add (rest, amend_node_child (gained ? n : o, i));
  l = letter_new (letters, NULL);
  letter_says_all (ctx, l, u);
  name = unit_name (ctx, o, TRUE);
  if (gained)
    {
      g_autofree char *cap = sentence_start (name);
      g_autofree char *noun = count_noun (g_ptr_array_index (rest, 0), rest->len);
      g_autofree char *texts = nodes_text (rest);

      l->text = g_strdup_printf ("%s wordt als volgt gewijzigd:\n\n1. Voor de tekst wordt de aanduiding \"1.\" "
                                 "geplaatst.\n\n2. Er %s %s toegevoegd, luidende:\n\n%s", cap,
                                 rest->len == 1 ? "wordt" : "worden", noun, texts);
    }
  else
    {
      g_autoptr(GPtrArray) numbers = numbers_of (ctx, rest, TRUE, FALSE);
      g_autofree char *gone = elements_phrase (numbers, g_ptr_array_index (rest, 0), TRUE);

      l->text = g_strdup_printf ("In %s vervallen %s alsmede de aanduiding \"1.\" voor het eerste lid.", name, gone);
    }
  return TRUE;
}

static char *letter (guint index);

static void
copy_numbers (GHashTable *to,
              GHashTable *from)
{
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_remove_all (to);
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (to, k, g_strdup (v));
}

/* Says the operations again, from the numbers as they were before. */
static void
say_again (Inside     *in,
           GHashTable *numbers_before)
{
  copy_numbers (in->ctx->now, numbers_before);
  for (guint i = 0; i < in->ops->len; i++)
    op_at (in, i)->done = FALSE;
  g_hash_table_remove_all (in->rewritten);
  g_hash_table_remove_all (in->folds);
  g_ptr_array_set_size (in->sentences, 0);
  g_ptr_array_set_size (in->groups, 0);
  g_clear_pointer (&in->cite, g_free);
  g_clear_pointer (&in->predicate, g_free);
  g_clear_pointer (&in->text_parts, g_ptr_array_unref);
  say_ops (in);
}

/* The members with more than one sentence, all in one run,
 * among sentences about more than one thing: their sentences are lettered
 * under "Het zesde lid wordt als volgt gewijzigd:" (6.15, its example). */
static GHashTable *
find_nested (Inside *in)
{
  GHashTable *nested = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint runs = 0;

  for (guint i = 0; i < in->groups->len; )
    {
      const AmendNode *g = g_ptr_array_index (in->groups, i);
      guint k = i + 1;

      while (k < in->groups->len && g_ptr_array_index (in->groups, k) == g)
        k++;
      runs++;
      if (g != NULL && g_hash_table_contains (seen, g))
        g_hash_table_remove (nested, g);
      else if (g != NULL && k - i > 1)
        g_hash_table_add (nested, (gpointer) g);
      if (g != NULL)
        g_hash_table_add (seen, (gpointer) g);
      i = k;
    }
  if (runs < 2)
    g_hash_table_remove_all (nested);
  return nested;
}

/* "1. ...", and for a nested member "2. Het zesde lid wordt als volgt
 * gewijzigd:" with "a. ...", "b. ...". */
static char *
numbered_sentences (Inside     *in,
                    const char *head)
{
  GString *out = g_string_new (head);
  guint number = 0;

  for (guint i = 0; i < in->sentences->len; )
    {
      const AmendNode *g = g_ptr_array_index (in->groups, i);
      guint k = i + 1;

      while (k < in->sentences->len && g_ptr_array_index (in->groups, k) == g)
        k++;
      if (g == NULL || in->nested == NULL || !g_hash_table_contains (in->nested, g))
        k = i + 1;
      number++;
      if (k == i + 1)
        g_string_append_printf (out, "\n\n%u. %s", number, (char *) g_ptr_array_index (in->sentences, i));
      else
        {
          g_autofree char *c = cite (in->ctx, g, in->base_top, TRUE, TRUE);
          g_autofree char *cap = sentence_start (c);

          g_string_append_printf (out, "\n\n%u. %s wordt als volgt gewijzigd:", number, cap);
          for (guint j = i; j < k; j++)
            {
              g_autofree char *upper = letter (j - i);
              g_autofree char *sub = g_ascii_strdown (upper, -1);
              g_string_append_printf (out, "\n\n%s. %s", sub, (char *) g_ptr_array_index (in->sentences, j));
            }
        }
      i = k;
    }
  return g_string_free (out, FALSE);
}

/* The changes inside an element both versions have: one sentence, or
 * "Artikel 3 wordt als volgt gewijzigd:" and numbered sentences (6.15),
 * or the element rewritten whole. */
static void
say_inside (Ctx       *ctx,
            Unit      *u,
            GPtrArray *letters)
{
  g_auto(Inside) in = { 0 };
  g_autoptr(GHashTable) numbers_before = NULL;
  Letter *l;
  gboolean can_split;

  in.ctx = ctx;
  in.unit = u;
  in.ops = g_array_new (FALSE, FALSE, sizeof (Op));
  in.rewritten = g_hash_table_new (NULL, NULL);
  in.folds = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  in.sentences = g_ptr_array_new_with_free_func (g_free);
  in.groups = g_ptr_array_new ();
  if (say_members_change (ctx, u, letters))
    return;
  can_split = collect_ops (&in);
  if (in.ops->len == 0 && can_split)
    return;
  l = letter_new (letters, NULL);
  letter_says_all (ctx, l, u);
  if (!can_split || rewrite_whole (&in))
    {
      say_whole_unit (ctx, u, l);
      return;
    }
  deletions_first (&in);
  /* Numbered when there is more than one thing to say; the renumbering
   * is said once, so first as a trial on a copy of the numbers. */
  numbers_before = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  copy_numbers (numbers_before, ctx->now);
  in.relative = FALSE;
  say_ops (&in);
  if (!in.whole && in.sentences->len > 1)
    {
      in.relative = TRUE;
      in.base_top = common_top (&in);
      say_again (&in, numbers_before);
      if (!in.whole && in.base_top == u->old_node)
        {
          in.nested = find_nested (&in);
          if (g_hash_table_size (in.nested) > 0)
            say_again (&in, numbers_before);
        }
      in.top = in.base_top;
    }
  if (in.whole || in.sentences->len == 0)
    {
      say_whole_unit (ctx, u, l);
      return;
    }
  if (in.sentences->len == 1)
    {
      l->text = g_strdup (g_ptr_array_index (in.sentences, 0));
      if (in.predicate != NULL && is_article (u->old_node))
        {
          l->cite = g_steal_pointer (&in.cite);
          l->predicate = g_steal_pointer (&in.predicate);
          l->to_end = in.to_end;
        }
      return;
    }
  {
    g_autofree char *name = cite (ctx, top_of (&in, TRUE), u->old_node, TRUE, FALSE);
    g_autofree char *cap = sentence_start (name);
    g_autofree char *head = g_strdup_printf ("%s wordt als volgt gewijzigd:", cap);

    l->text = numbered_sentences (&in, head);
  }
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
        g_autofree char *comma = with_comma (where);
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
  say_inside (ctx, u, letters);
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
  l = letter_new (letters, g_strdup_printf ("Het opschrift komt te luiden: %c\"%s\"%c.", QUOTE_OPEN, new_title,
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

static char *
letter (guint index)
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

      instruction->letter = letter (i);
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
      instruction->text = unmark (l->text, TRUE);
      instruction->summary = unmark (l->text, FALSE);
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
 *   sentence that names the regulation, without frame and letter ("In
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
