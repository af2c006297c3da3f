/* amend-instructions-names.c: numbers, citations, quoted text and ranges in the instructions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the instructions name what they are about: the number an element
 * has after the instructions before (a renumbering moves it), "artikel 5,
 * tweede lid, onderdeel b" (Ar 3.29), the new text quoted from its own
 * heading on, and ranges ("het elfde tot en met veertiende lid", "de
 * onderdelen o en p").  Shared by amend-instructions.c and
 * amend-instructions-element.c through amend-instructions-private.h.
 */
#include "config.h"

#include <string.h>

#include "amend-instructions.h"
#include "amend-instructions-private.h"
#include "amend-wording.h"

/* ----------------------------------------------------------------------- */
/* Numbers and names                                                        */
/* ----------------------------------------------------------------------- */

const char *
_amend_instr_number_now (Ctx             *ctx,
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

void
_amend_instr_set_number (Ctx             *ctx,
                         const AmendNode *old_node,
                         const char      *number)
{
  if (old_node != NULL)
    g_hash_table_replace (ctx->now, (gpointer) old_node, g_strdup (number ? number : ""));
}

const AmendNode *
_amend_instr_root_of (const AmendNode *node)
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
  const AmendNode *root = _amend_instr_root_of (node);

  if (node->kind == AMEND_NODE_ARTICLE || node->number == NULL)
    return FALSE;
  for (const AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n != node && n->kind == node->kind && g_strcmp0 (n->number, node->number) == 0)
      return TRUE;
  return FALSE;
}

/* "artikel 5", "hoofdstuk V, paragraaf 2", "bijlage I"; "de regeling". */
char *
_amend_instr_unit_name (Ctx             *ctx,
                        const AmendNode *node,
                        gboolean         is_old)
{
  const char *number;

  if (node == NULL || node->kind == AMEND_NODE_REGULATION)
    return g_strdup ("de regeling");
  number = _amend_instr_number_now (ctx, node, is_old);
  if (number[0] == '\0')
    return g_strdup_printf ("%s %s", amend_wording_kind_article (node->kind), amend_wording_kind (node->kind));
  if (number_is_shared (node) && node->parent && node->parent->kind != AMEND_NODE_REGULATION)
    {
      g_autofree char *parent = _amend_instr_unit_name (ctx, node->parent, is_old);
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
      const char *number = _amend_instr_number_now (ctx, n, is_old);

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
char *
_amend_instr_cite (Ctx             *ctx,
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
  name = _amend_instr_unit_name (ctx, top, is_old);
  if (below[0] == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s, %s", name, below);
}

/* "artikel 3, tweede lid" closes with a comma before the verb. */
char *
_amend_instr_with_comma (const char *cited)
{
  if (strchr (cited, ',') != NULL)
    return g_strconcat (cited, ",", NULL);
  return g_strdup (cited);
}

char *
_amend_instr_sentence_start (const char *cited)
{
  g_autofree char *comma = _amend_instr_with_comma (cited);

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
char *
_amend_instr_node_text (const AmendNode *node)
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

char *
_amend_instr_nodes_text (GPtrArray *nodes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      g_autofree char *one = _amend_instr_node_text (g_ptr_array_index (nodes, i));
      const AmendNode *n = g_ptr_array_index (nodes, i);

      if (i > 0)
        g_string_append (out, amend_node_is_structural (n) ? "\n\n" : "\n");
      g_string_append (out, one);
    }
  return g_string_free (out, FALSE);
}

/* The instruction with its quotations (@keep) or without them; without,
 * the blank lines they leave are taken out too. */
char *
_amend_instr_unmark (const char *text,
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

gboolean
_amend_instr_is_letter_label (const char *number)
{
  return number != NULL && g_ascii_isalpha (number[0]);
}

/* The numbers of @nodes as they stand now (@is_old) or will stand. */
GPtrArray *
_amend_instr_numbers_of (Ctx       *ctx,
                         GPtrArray *nodes,
                         gboolean   is_old,
                         gboolean   use_new)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < nodes->len; i++)
    {
      const AmendNode *n = g_ptr_array_index (nodes, i);
      const char *number = use_new ? (n->number ? n->number : "") : _amend_instr_number_now (ctx, n, is_old);

      if (n->kind == AMEND_NODE_POINT)
        g_ptr_array_add (numbers, amend_wording_point (number));
      else
        g_ptr_array_add (numbers, g_strdup (number));
    }
  return numbers;
}

/* "elfde", "elfde en twaalfde", "elfde tot en met veertiende" (members),
 * "q", "q en r", "q tot en met t": three or more in a row are a range. */
char *
_amend_instr_range_of (GPtrArray     *numbers,
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
const char *
_amend_instr_noun_of (const AmendNode *node,
                      gboolean         plural)
{
  if (node->kind == AMEND_NODE_POINT && node->parent != NULL && node->parent->kind == AMEND_NODE_POINT)
    return plural ? "subonderdelen" : "subonderdeel";
  return plural ? amend_wording_kind_plural (node->kind) : amend_wording_kind (node->kind);
}

/* The elements as the subject or object of a sentence: "het tiende lid",
 * "het tiende en elfde lid", "onderdeel o", "de onderdelen o en p",
 * "artikel 7", "de artikelen 7 tot en met 9". */
char *
_amend_instr_elements_phrase (GPtrArray       *numbers,
                              const AmendNode *like,
                              gboolean         with_article)
{
  AmendNodeKind kind = like->kind;
  g_autofree char *range = _amend_instr_range_of (numbers, kind);
  guint n = numbers->len;

  if (kind == AMEND_NODE_MEMBER)
    {
      if (all_ordinals (numbers))
        return g_strdup_printf ("%s%s lid", with_article ? "het " : "", range);
      return g_strdup_printf ("%s%s %s", with_article ? "de " : "", n == 1 ? "lid" : "leden", range);
    }
  if (n == 1)
    return g_strdup_printf ("%s %s", _amend_instr_noun_of (like, FALSE), range);
  return g_strdup_printf ("%s%s %s", with_article ? "de " : "", _amend_instr_noun_of (like, TRUE), range);
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
  g_autoptr(GPtrArray) from = _amend_instr_numbers_of (ctx, old_nodes, TRUE, FALSE);
  g_autoptr(GPtrArray) to = _amend_instr_numbers_of (ctx, new_nodes, FALSE, TRUE);
  g_autofree char *a = _amend_instr_elements_phrase (from, first, TRUE);
  g_autofree char *b = NULL;

  if (kind == AMEND_NODE_MEMBER)
    b = _amend_instr_elements_phrase (to, first, FALSE);
  else if (to->len == 1 && kind != AMEND_NODE_POINT)
    b = _amend_instr_elements_phrase (to, first, FALSE);
  else
    b = _amend_instr_range_of (to, kind);
  return g_strdup_printf ("%s tot %s", a, b);
}

/* ", onder vernummering van ... tot ..." (or verlettering), empty when
 * nothing was renumbered. */
char *
_amend_instr_renumbering_clause (Ctx       *ctx,
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
                          first->kind == AMEND_NODE_POINT && _amend_instr_is_letter_label (first->number) ? "verlettering"
                                                                                             : "vernummering",
                          phrase);
}

void
_amend_instr_apply_renumbering (Ctx       *ctx,
                                GPtrArray *old_nodes,
                                GPtrArray *new_nodes)
{
  for (guint i = 0; i < old_nodes->len; i++)
    _amend_instr_set_number (ctx, g_ptr_array_index (old_nodes, i), ((const AmendNode *) g_ptr_array_index (new_nodes, i))->number);
}
