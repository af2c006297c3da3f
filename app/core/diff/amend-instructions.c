/* amend-instructions.c: the amendment instructions (wijzigingsopdrachten)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Worded as the Aanwijzingen voor de regelgeving ask: one instruction per
 * changed article, lettered A, B, C (6.15), its changes numbered 1, 2 when
 * there are more; citations as "artikel 5, tweede lid, onderdeel b" (3.29);
 * "wordt ... vervangen door ..." and "komt te luiden:" (6.9), "wordt ...
 * ingevoegd, luidende:" (6.11), "vervalt" and "onder vernummering van"
 * (6.12).  Quotations are chosen long enough to occur once in the text they
 * are taken from.
 */
#include "config.h"

#include <string.h>

#include "amend-instructions.h"

/* Above this share of changed words a text is rewritten whole. */
#define REWRITE_SHARE 0.5
/* More separate changes in one text than this, and it is rewritten whole. */
#define MAX_SPANS 3

static const char *ordinals[] = {
  "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
  "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
  "negentiende", "twintigste",
};

static const char *counts[] = { "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien" };

static char *
member_name (const char *number)
{
  char *end = NULL;
  guint64 n = number ? g_ascii_strtoull (number, &end, 10) : 0;

  if (n >= 1 && n <= G_N_ELEMENTS (ordinals) && end && *end == '\0')
    return g_strdup_printf ("%s lid", ordinals[n - 1]);
  return g_strdup_printf ("lid %s", number ? number : "");
}

static char *
point_label (const char *number)
{
  gsize len = number ? strlen (number) : 0;

  while (len > 0 && (number[len - 1] == '.' || number[len - 1] == ')'))
    len--;
  return g_strndup (number ? number : "", len);
}

static const char *
division_word (const AmendNode *node)
{
  switch (node->kind)
    {
    case AMEND_NODE_CHAPTER: return "hoofdstuk";
    case AMEND_NODE_TITLE: return "titel";
    case AMEND_NODE_DIVISION: return "afdeling";
    case AMEND_NODE_SECTION: return node->word ? "\xc2\xa7" : "paragraaf";
    case AMEND_NODE_ANNEX: return "bijlage";
    case AMEND_NODE_ARTICLE: return "artikel";
    case AMEND_NODE_EXPLANATION: return "toelichting";
    case AMEND_NODE_CLOSING: return "ondertekening";
    case AMEND_NODE_PREAMBLE: return "aanhef";
    default: return "";
    }
}

/* "artikel 5" or "hoofdstuk 2"; the aanhef, the toelichting. */
static char *
structural_name (const AmendNode *node)
{
  if (node->number)
    return g_strdup_printf ("%s %s", division_word (node), node->number);
  return g_strdup_printf ("de %s", division_word (node));
}

/* The citation of @node below @top (3.29): "tweede lid, onderdeel b, onder
 * 1°"; empty when @node is @top. */
static char *
citation_below (const AmendNode *node,
                const AmendNode *top)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);
  gboolean first_point = TRUE;

  for (const AmendNode *n = node; n != NULL && n != top; n = n->parent)
    if (n->kind == AMEND_NODE_MEMBER || n->kind == AMEND_NODE_POINT)
      g_ptr_array_insert (parts, 0, (gpointer) n);

  for (guint i = 0; i < parts->len; i++)
    {
      const AmendNode *n = g_ptr_array_index (parts, i);

      if (s->len > 0)
        g_string_append (s, ", ");
      if (n->kind == AMEND_NODE_MEMBER)
        {
          g_autofree char *m = member_name (n->number);
          g_string_append (s, m);
        }
      else
        {
          g_autofree char *label = point_label (n->number);
          g_string_append_printf (s, first_point ? "onderdeel %s" : "onder %s", label);
          first_point = FALSE;
        }
    }
  g_ptr_array_set_free_func (parts, NULL);
  return g_string_free (s, FALSE);
}

static const AmendNode *
owner_of (const AmendNode *node)
{
  const AmendNode *n = node;

  while (n && (n->kind == AMEND_NODE_TEXT))
    n = n->parent;
  return n;
}

/* The article, division or container an instruction is about. */
static const AmendNode *
group_node (const AmendNode *node)
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

/* "artikel 5, tweede lid" (absolute) or "het tweede lid" (within a group
 * that names the article already). */
static char *
cite (const AmendNode *node,
      const AmendNode *group,
      gboolean         relative)
{
  const AmendNode *owner = owner_of (node);
  g_autofree char *below = citation_below (owner, group);

  if (relative)
    {
      if (below[0] == '\0')
        return g_strdup ("");
      if (g_str_has_prefix (below, "onderdeel") || g_str_has_prefix (below, "lid "))
        return g_strdup (below);
      return g_strdup_printf ("het %s", below);
    }
  {
    g_autofree char *top = structural_name (group);
    if (below[0] == '\0')
      return g_steal_pointer (&top);
    return g_strdup_printf ("%s, %s", top, below);
  }
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
capitalize (const char *s)
{
  gunichar c;

  if (s == NULL || *s == '\0')
    return g_strdup ("");
  c = g_unichar_toupper (g_utf8_get_char (s));
  {
    char buf[8];
    int len = g_unichar_to_utf8 (c, buf);
    return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (s));
  }
}

/* ----------------------------------------------------------------------- */
/* The text of new elements                                                 */
/* ----------------------------------------------------------------------- */

/* The new text of an element as it will stand in the regulation: headings
 * on their own line followed by a blank one, members and points with their
 * labels, points indented under what they belong to. */
static void
append_node_text (GString         *out,
                  const AmendNode *node,
                  guint            indent)
{
  if (node->kind == AMEND_NODE_TEXT)
    {
      g_autofree char *plain = amend_node_get_plain_text (node);

      for (guint k = 0; k < indent; k++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", plain);
      return;
    }
  if (amend_node_is_structural (node))
    {
      const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s%s%s%s%s\n\n", word ? word : "", node->number ? " " : "",
                              node->number ? node->number : "", node->heading ? " " : "",
                              node->heading ? node->heading : "");
      for (guint i = 0; i < amend_node_n_children (node); i++)
        append_node_text (out, amend_node_child (node, i), 0);
      return;
    }

  for (guint k = 0; k < indent; k++)
    g_string_append (out, "  ");
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
      append_node_text (out, child, indent + 1);
    }
  if (amend_node_n_children (node) == 0)
    g_string_append_c (out, '\n');
}

/* The new text an instruction quotes is marked, so that the STOP export
 * can leave it out of its Wat (the element itself follows there); both
 * marks are control characters no regulation text holds. */
#define QUOTE_OPEN  '\x02'
#define QUOTE_CLOSE '\x03'

static char *
quoted (const char *text)
{
  return g_strdup_printf ("%c%s%c", QUOTE_OPEN, text, QUOTE_CLOSE);
}

static char *
node_text (const AmendNode *node)
{
  GString *out = g_string_new (NULL);

  append_node_text (out, node, 0);
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_prepend_c (out, QUOTE_OPEN);
  g_string_append_c (out, QUOTE_CLOSE);
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
/* Text changes                                                             */
/* ----------------------------------------------------------------------- */

typedef struct {
  guint first;   /* index of the first piece of the span */
  guint last;    /* one past the last */
} Span;

static GArray *
spans_of (GArray *pieces)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < pieces->len; )
    {
      Span span;

      if (g_array_index (pieces, AmendPiece, i).op == AMEND_PIECE_EQUAL)
        {
          i++;
          continue;
        }
      span.first = i;
      while (i < pieces->len && g_array_index (pieces, AmendPiece, i).op != AMEND_PIECE_EQUAL)
        i++;
      span.last = i;
      g_array_append_val (spans, span);
    }
  return spans;
}

static double
changed_share (GArray *pieces)
{
  gsize changed = 0, total = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      gsize len = g_utf8_strlen (p->text, -1);

      total += len;
      if (p->op != AMEND_PIECE_EQUAL)
        changed += len;
    }
  return total ? (double) changed / total : 0;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  if (*needle == '\0')
    return 0;
  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The last @words words of @text, or the first when @from_end is FALSE. */
static char *
edge_words (const char *text,
            guint       words,
            gboolean    from_end)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = g_strsplit_set (trimmed, " ", -1);
  guint n = g_strv_length (parts);
  guint take = MIN (words, n);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < take; i++)
    {
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, parts[from_end ? n - take + i : i]);
    }
  return g_strdup (s->str);
}

/* One replacement, insertion or deletion in a text, quoted unambiguously. */
static char *
span_instruction (const char *cited,
                  GArray     *pieces,
                  Span        span,
                  const char *old_text)
{
  GString *del = g_string_new (NULL), *ins = g_string_new (NULL);
  const char *before = span.first > 0 ? g_array_index (pieces, AmendPiece, span.first - 1).text : "";
  const char *after = span.last < pieces->len ? g_array_index (pieces, AmendPiece, span.last).text : "";
  g_autofree char *prefix = NULL;
  char *result;

  for (guint i = span.first; i < span.last; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
      g_string_append (p->op == AMEND_PIECE_DELETED ? del : ins, p->text);
    }
  g_strstrip (del->str);
  g_strstrip (ins->str);
  del->len = strlen (del->str);
  ins->len = strlen (ins->str);

  if (cited[0])
    {
      g_autofree char *c = with_comma (cited);
      prefix = g_strdup_printf ("In %s", c);
    }
  else
    prefix = g_strdup ("");

  if (del->len > 0)
    {
      /* Widen the quotation with the words around it until it is unique. */
      g_autofree char *old_q = g_strdup (del->str);
      g_autofree char *new_q = g_strdup (ins->str);

      gboolean widened = FALSE;

      for (guint w = 1; count_occurrences (old_text, old_q) > 1 && w < 12; w++)
        {
          widened = TRUE;
          g_autofree char *left = edge_words (before, w, TRUE);
          g_autofree char *right = edge_words (after, w, FALSE);

          g_free (old_q);
          g_free (new_q);
          old_q = g_strstrip (g_strdup_printf ("%s %s %s", left, del->str, right));
          new_q = g_strstrip (g_strdup_printf ("%s %s %s", left, ins->str, right));
        }
      if (ins->len > 0 || widened)
        result = g_strdup_printf ("%s wordt \"%s\" vervangen door \"%s\".", prefix, old_q, g_strstrip (new_q));
      else
        result = g_strdup_printf ("%s vervalt \"%s\".", prefix, old_q);
    }
  else
    {
      g_autofree char *anchor = NULL;

      for (guint w = 1; w < 12; w++)
        {
          g_free (anchor);
          anchor = edge_words (before, w, TRUE);
          if (count_occurrences (old_text, anchor) <= 1)
            break;
        }
      if (anchor[0] != '\0')
        result = g_strdup_printf ("%s wordt na \"%s\" ingevoegd \"%s\".", prefix, anchor, ins->str);
      else
        {
          g_autofree char *next = edge_words (after, 1, FALSE);
          result = g_strdup_printf ("%s wordt voor \"%s\" ingevoegd \"%s\".", prefix, next, ins->str);
        }
    }
  g_string_free (del, TRUE);
  g_string_free (ins, TRUE);
  return result;
}

/* ----------------------------------------------------------------------- */
/* Groups                                                                   */
/* ----------------------------------------------------------------------- */

typedef struct {
  const AmendNode *old_node;   /* the article (or division) in the old version */
  const AmendNode *new_node;
  GPtrArray       *changes;    /* of const AmendChange */
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_ptr_array_unref (g->changes);
  g_free (g);
}

static GPtrArray *
build_groups (AmendDiff *diff)
{
  GPtrArray *changes = amend_diff_get_changes (diff);
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) by_node = g_hash_table_new (NULL, NULL);
  Group *run_group = NULL;
  const AmendNode *run_last = NULL;
  gboolean run_renumbered = FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      const AmendNode *node = c->new_node ? c->new_node : c->old_node;
      const AmendNode *key, *old_key, *new_key;
      Group *group;

      if (c->action == AMEND_CHANGE_METADATA || c->format_only || node == NULL)
        continue;
      /* Articles inserted one after the other, and the articles they push
       * up, are one instruction: "Na artikel 5 worden twee artikelen
       * ingevoegd", "onder vernummering van artikel 6 tot artikel 8". */
      if (run_group && c->new_node && c->new_node->kind == AMEND_NODE_ARTICLE &&
          (c->action == AMEND_CHANGE_INSERTED || c->action == AMEND_CHANGE_RENUMBERED) &&
          c->new_node->parent == run_last->parent && c->new_node->pos == run_last->pos + 1 &&
          (c->action == AMEND_CHANGE_RENUMBERED || !run_renumbered))
        {
          g_ptr_array_add (run_group->changes, (gpointer) c);
          g_hash_table_insert (by_node, (gpointer) c->new_node, run_group);
          run_last = c->new_node;
          run_renumbered |= c->action == AMEND_CHANGE_RENUMBERED;
          continue;
        }
      run_group = NULL;

      key = group_node (node);
      if (key->kind == AMEND_NODE_EXPLANATION || amend_node_find_ancestor (key, AMEND_NODE_EXPLANATION) ||
          key->kind == AMEND_NODE_CLOSING)
        continue; /* the explanation and the signatures are not amended by instruction */
      if (c->new_node == NULL)
        {
          old_key = key;
          new_key = amend_diff_get_partner (diff, key, TRUE);
        }
      else
        {
          new_key = key;
          old_key = amend_diff_get_partner (diff, key, FALSE);
        }
      group = g_hash_table_lookup (by_node, new_key ? new_key : old_key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->old_node = old_key;
          group->new_node = new_key;
          group->changes = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_node, (gpointer) (new_key ? new_key : old_key), group);
          if (old_key)
            g_hash_table_insert (by_node, (gpointer) old_key, group);
        }
      g_ptr_array_add (group->changes, (gpointer) c);
      if (c->action == AMEND_CHANGE_INSERTED && c->new_node->kind == AMEND_NODE_ARTICLE)
        {
          run_group = group;
          run_last = c->new_node;
          run_renumbered = FALSE;
        }
    }
  return groups;
}

static char *
letter (guint index)
{
  /* A .. Z, then AA, BB .. ZZ, then AAA (Aanwijzing 6.15). */
  guint repeat = index / 26 + 1;
  char c = 'A' + index % 26;

  return g_strnfill (repeat, c);
}

/* The previous sibling of the same kind in the new version, by the number
 * it had in the old version when it had one. */
static const AmendNode *
previous_of_kind (const AmendNode *node)
{
  for (int i = (int) node->pos - 1; i >= 0; i--)
    {
      const AmendNode *s = amend_node_child (node->parent, i);
      if (s->kind == node->kind)
        return s;
    }
  return NULL;
}

static const char *
old_number (AmendDiff       *diff,
            const AmendNode *new_node)
{
  const AmendNode *old = amend_diff_get_partner (diff, new_node, FALSE);

  return old ? old->number : new_node->number;
}

/* "onder vernummering van artikel 6 tot artikel 7" for the renumberings
 * that follow an insertion among the same siblings. */
static char *
renumbering_clause (GPtrArray       *renumbered,
                    const AmendNode *inserted)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < renumbered->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (renumbered, i);

      if (c->new_node->parent != inserted->parent || c->kind != inserted->kind)
        continue;
      g_string_append (s, n++ == 0 ? "onder vernummering van " : " en ");
      if (c->kind == AMEND_NODE_MEMBER)
        {
          g_autofree char *a = member_name (c->number_old);
          g_autofree char *b = member_name (c->number_new);
          g_string_append_printf (s, "het %s tot %s", a, b);
        }
      else if (c->kind == AMEND_NODE_POINT)
        {
          g_autofree char *a = point_label (c->number_old);
          g_autofree char *b = point_label (c->number_new);
          g_string_append_printf (s, "onderdeel %s tot onderdeel %s", a, b);
        }
      else
        g_string_append_printf (s, "%s %s tot %s %s", division_word (c->new_node), c->number_old,
                                division_word (c->new_node), c->number_new);
    }
  return g_string_free (s, FALSE);
}

static char *
kind_noun (const AmendNode *node,
           guint            n)
{
  switch (node->kind)
    {
    case AMEND_NODE_MEMBER: return g_strdup_printf ("%s %s", n == 1 ? "een" : counts[MIN (n, 10) - 1], n == 1 ? "lid" : "leden");
    case AMEND_NODE_POINT: return g_strdup_printf ("%s %s", n == 1 ? "een" : counts[MIN (n, 10) - 1], n == 1 ? "onderdeel" : "onderdelen");
    case AMEND_NODE_ARTICLE: return g_strdup_printf ("%s %s", n == 1 ? "een" : counts[MIN (n, 10) - 1], n == 1 ? "artikel" : "artikelen");
    case AMEND_NODE_TEXT: return g_strdup ("een alinea");
    default: return g_strdup_printf ("%s %s", n == 1 ? "een" : counts[MIN (n, 10) - 1], division_word (node));
    }
}

/* Where an inserted node goes, after or before a sibling, or at the end. */
static char *
insertion_instruction (AmendDiff         *diff,
                       const AmendChange *c,
                       const AmendNode   *group_old,
                       gboolean           relative,
                       GPtrArray         *renumbered)
{
  const AmendNode *node = c->new_node;
  const AmendNode *prev = previous_of_kind (node);
  g_autofree char *noun = kind_noun (node, 1);
  g_autofree char *text = node_text (node);
  g_autofree char *clause = renumbering_clause (renumbered, node);
  g_autofree char *comma_clause = clause[0] ? g_strdup_printf (", %s,", clause) : g_strdup ("");
  const AmendNode *parent_old = amend_diff_get_partner (diff, node->parent, FALSE);
  gboolean last = TRUE;

  for (guint i = node->pos + 1; i < amend_node_n_children (node->parent); i++)
    if (amend_node_child (node->parent, i)->kind == node->kind)
      last = FALSE;

  if (node->kind == AMEND_NODE_ARTICLE || amend_node_is_division (node) || node->kind == AMEND_NODE_ANNEX)
    {
      if (prev)
        return g_strdup_printf ("Na %s %s wordt%s %s ingevoegd, luidende:\n\n%s", division_word (prev),
                                old_number (diff, prev), comma_clause, noun, text);
      {
        const AmendNode *next = NULL;
        for (guint i = node->pos + 1; i < amend_node_n_children (node->parent) && !next; i++)
          if (amend_node_child (node->parent, i)->kind == node->kind)
            next = amend_node_child (node->parent, i);
        if (next)
          return g_strdup_printf ("Voor %s %s wordt%s %s ingevoegd, luidende:\n\n%s", division_word (next),
                                  old_number (diff, next), comma_clause, noun, text);
        if (parent_old && parent_old->kind != AMEND_NODE_REGULATION)
          {
            g_autofree char *where = structural_name (parent_old);
            return g_strdup_printf ("Aan %s wordt %s toegevoegd, luidende:\n\n%s", where, noun, text);
          }
        return g_strdup_printf ("Er wordt %s ingevoegd, luidende:\n\n%s", noun, text);
      }
    }

  /* Members, points, paragraphs within an article. */
  {
    const AmendNode *owner_old = parent_old ? parent_old : group_old;
    g_autofree char *where = owner_old ? cite (owner_old, group_old, relative) : g_strdup ("");
    g_autofree char *where_abs = owner_old ? cite (owner_old, group_old, FALSE) : g_strdup ("");

    if (last)
      {
        if (relative && where[0] == '\0')
          return g_strdup_printf ("Er wordt %s toegevoegd, luidende:\n\n%s", noun, text);
        return g_strdup_printf ("Aan %s wordt %s toegevoegd, luidende:\n\n%s", relative ? where : where_abs, noun, text);
      }
    {
      g_autofree char *after = NULL;
      const char *in = relative ? where : where_abs;

      if (prev && prev->kind == AMEND_NODE_MEMBER)
        {
          g_autofree char *m = member_name (old_number (diff, prev));
          after = g_strdup_printf ("na het %s", m);
        }
      else if (prev && prev->kind == AMEND_NODE_POINT)
        {
          g_autofree char *l = point_label (old_number (diff, prev));
          after = g_strdup_printf ("na onderdeel %s", l);
        }
      else
        after = g_strdup ("aan het begin");
      if (in[0] == '\0')
        {
          g_autofree char *cap = capitalize (after);
          if (clause[0])
            {
              g_autofree char *cap_clause = capitalize (clause);
              return g_strdup_printf ("%s wordt %s %s ingevoegd, luidende:\n\n%s", cap_clause, after, noun, text);
            }
          return g_strdup_printf ("%s wordt %s ingevoegd, luidende:\n\n%s", cap, noun, text);
        }
      return g_strdup_printf ("In %s wordt%s %s %s ingevoegd, luidende:\n\n%s", in, comma_clause, after, noun, text);
    }
  }
}

/* One instruction for one change; NULL when it is said by another. */
static char *
change_instruction (AmendDiff         *diff,
                    const AmendChange *c,
                    const Group       *g,
                    gboolean           relative,
                    GPtrArray         *renumbered)
{
  const AmendNode *group_old = g->old_node;

  switch (c->action)
    {
    case AMEND_CHANGE_INSERTED:
      return insertion_instruction (diff, c, group_old, relative, renumbered);

    case AMEND_CHANGE_DELETED:
      if (c->kind == AMEND_NODE_TEXT)
        {
          /* A paragraph goes: quote it, in what holds it. */
          g_autofree char *plain = amend_node_get_plain_text (c->old_node);
          g_autofree char *where = cite (c->old_node, group_old, relative);
          g_autofree char *in = where[0] ? with_comma (where) : structural_name (group_old);
          return g_strdup_printf ("In %s vervalt \"%s\".", in, plain);
        }
      {
        g_autofree char *what = c->old_node == group_old ? structural_name (group_old)
                                                         : cite (c->old_node, group_old, relative);
        g_autofree char *comma = with_comma (what[0] ? what : "het artikel");
        g_autofree char *cap = capitalize (comma);
        return g_strdup_printf ("%s vervalt.", cap);
      }

    case AMEND_CHANGE_RENUMBERED:
      {
        g_autofree char *what = c->old_node == group_old ? structural_name (group_old)
                                                         : cite (c->old_node, group_old, relative);
        g_autofree char *comma = with_comma (what);
        g_autofree char *cap = capitalize (comma);

        if (c->kind == AMEND_NODE_MEMBER)
          {
            g_autofree char *to = member_name (c->number_new);
            return g_strdup_printf ("%s wordt vernummerd tot %s.", cap, to);
          }
        if (c->kind == AMEND_NODE_POINT)
          {
            g_autofree char *to = point_label (c->number_new);
            return g_strdup_printf ("%s wordt verletterd tot onderdeel %s.", cap, to);
          }
        return g_strdup_printf ("%s wordt vernummerd tot %s %s.", cap, division_word (c->new_node), c->number_new);
      }

    case AMEND_CHANGE_MOVED:
      {
        g_autofree char *what = structural_name (c->old_node);
        g_autofree char *cap = capitalize (what);
        const AmendNode *prev = previous_of_kind (c->new_node);
        g_autofree char *parent = c->new_node->parent->number ? structural_name (c->new_node->parent)
                                                              : g_strdup ("de regeling");
        g_autofree char *where = prev ? g_strdup_printf ("na %s %s", division_word (prev), old_number (diff, prev))
                                      : g_strdup_printf ("aan het begin van %s", parent);

        if (g_strcmp0 (c->number_old, c->number_new) != 0)
          return g_strdup_printf ("%s wordt, onder vernummering tot %s %s, geplaatst %s.", cap,
                                  division_word (c->new_node), c->number_new, where);
        return g_strdup_printf ("%s wordt geplaatst %s.", cap, where);
      }

    case AMEND_CHANGE_MODIFIED:
      if (c->heading_changed)
        {
          g_autofree char *what = c->old_node == group_old || !relative ? structural_name (c->old_node)
                                                                         : cite (c->old_node, group_old, TRUE);
          if (c->heading_new == NULL)
            return g_strdup_printf ("Het opschrift van %s vervalt.", what);
          return g_strdup_printf ("Het opschrift van %s komt te luiden: \"%s\".", what, c->heading_new);
        }
      else
        {
          g_autoptr(GArray) spans = spans_of (c->pieces);
          g_autofree char *old_text = amend_node_get_plain_text (c->old_node);
          g_autofree char *cited = cite (c->old_node, group_old, relative);
          GString *out;

          if (changed_share (c->pieces) > REWRITE_SHARE || spans->len > MAX_SPANS)
            {
              const AmendNode *owner = owner_of (c->new_node);
              g_autofree char *comma = with_comma (cited[0] ? cited : "de tekst");
              g_autofree char *cap = capitalize (comma);
              g_autofree char *plain = amend_node_get_plain_text (c->new_node);
              g_autofree char *text = owner && owner != g->new_node &&
                                      (owner->kind == AMEND_NODE_MEMBER || owner->kind == AMEND_NODE_POINT)
                                      ? node_text (owner) : quoted (plain);
              return g_strdup_printf ("%s komt te luiden:\n\n%s", cap, text);
            }
          out = g_string_new (NULL);
          for (guint i = 0; i < spans->len; i++)
            {
              g_autofree char *one = span_instruction (cited, c->pieces, g_array_index (spans, Span, i), old_text);
              g_autofree char *cap = capitalize (g_strstrip (one));
              if (out->len)
                g_string_append_c (out, '\n');
              g_string_append (out, cap);
            }
          return g_string_free (out, FALSE);
        }

    default:
      return NULL;
    }
}

/* Whether an article's changes are better said as "komt te luiden". */
static gboolean
rewrite_whole (const Group *g)
{
  guint n = 0;
  gsize changed = 0, total = 0;

  if (g->old_node == NULL || g->new_node == NULL || g->new_node->kind != AMEND_NODE_ARTICLE)
    return FALSE;
  for (guint i = 0; i < g->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (g->changes, i);

      if (c->new_node == g->new_node && c->action != AMEND_CHANGE_MODIFIED)
        return FALSE; /* renumbered or moved articles are said as such */
      n++;
    }
  {
    g_autofree char *a = amend_node_get_text_content (g->old_node);
    g_autofree char *b = amend_node_get_text_content (g->new_node);
    g_autoptr(GArray) pieces = amend_word_diff (a, b);
    for (guint i = 0; i < pieces->len; i++)
      {
        const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);
        gsize len = g_utf8_strlen (p->text, -1);
        total += len;
        if (p->op != AMEND_PIECE_EQUAL)
          changed += len;
      }
  }
  return n > 6 || (total > 0 && (double) changed / total > REWRITE_SHARE && n > 1);
}

/* "Na artikel 5 worden, onder vernummering van artikel 6 tot artikel 8,
 * twee artikelen ingevoegd, luidende:" */
static char *
inserted_run (AmendDiff   *diff,
              const Group *g)
{
  g_autoptr(GPtrArray) renumbered = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new (NULL);
  const AmendChange *first = g_ptr_array_index (g->changes, 0);
  guint n = 0;
  g_autofree char *noun = NULL;
  g_autofree char *clause = NULL;
  const AmendNode *prev = previous_of_kind (first->new_node);
  const AmendNode *next = NULL;

  for (guint i = 0; i < g->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (g->changes, i);

      if (c->action == AMEND_CHANGE_RENUMBERED)
        {
          g_ptr_array_add (renumbered, (gpointer) c);
          continue;
        }
      {
        g_autofree char *text = node_text (c->new_node);
        if (texts->len)
          g_string_append (texts, "\n\n");
        g_string_append (texts, text);
      }
      n++;
    }
  noun = kind_noun (first->new_node, n);
  clause = renumbering_clause (renumbered, first->new_node);
  for (guint i = first->new_node->pos + 1; i < amend_node_n_children (first->new_node->parent) && !next; i++)
    {
      const AmendNode *s = amend_node_child (first->new_node->parent, i);
      if (s->kind == AMEND_NODE_ARTICLE && amend_diff_get_partner (diff, s, FALSE))
        next = s;
    }
  {
    g_autofree char *where = prev ? g_strdup_printf ("Na artikel %s", old_number (diff, prev))
                           : next ? g_strdup_printf ("Voor artikel %s", old_number (diff, next))
                                  : g_strdup ("Er");
    return g_strdup_printf ("%s %s%s%s%s %s ingevoegd, luidende:\n\n%s", where, n == 1 ? "wordt" : "worden",
                            clause[0] ? ", " : "", clause, clause[0] ? "," : "", noun, texts->str);
  }
}

static char *
group_instruction (AmendDiff   *diff,
                   const Group *g)
{
  g_autoptr(GPtrArray) renumbered = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) said = g_hash_table_new (NULL, NULL);
  gboolean relative;

  if (g->old_node == NULL && g->changes->len > 1)
    return inserted_run (diff, g);

  if (rewrite_whole (g))
    {
      g_autofree char *name = structural_name (g->old_node);
      g_autofree char *cap = capitalize (name);
      g_autofree char *text = node_text (g->new_node);
      return g_strdup_printf ("%s komt te luiden:\n\n%s", cap, text);
    }

  /* Renumberings that follow an insertion are said with the insertion. */
  for (guint i = 0; i < g->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (g->changes, i);

      if (c->action == AMEND_CHANGE_INSERTED)
        {
          for (guint k = i + 1; k < g->changes->len; k++)
            {
              const AmendChange *r = g_ptr_array_index (g->changes, k);
              if (r->action != AMEND_CHANGE_RENUMBERED || r->new_node->parent != c->new_node->parent)
                break;
              g_ptr_array_add (renumbered, (gpointer) r);
              g_hash_table_add (said, (gpointer) r);
            }
        }
    }

  relative = g->changes->len - g_hash_table_size (said) > 1 && g->old_node && g->new_node &&
             g->old_node->kind == AMEND_NODE_ARTICLE;
  for (guint i = 0; i < g->changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (g->changes, i);
      char *one;

      if (g_hash_table_contains (said, c))
        continue;
      one = change_instruction (diff, c, g, relative, renumbered);
      if (one)
        g_ptr_array_add (parts, one);
    }

  if (parts->len == 1)
    return g_strdup (g_ptr_array_index (parts, 0));
  {
    g_autofree char *name = structural_name (g->old_node);
    g_autofree char *cap = capitalize (name);
    GString *out = g_string_new (NULL);

    g_string_append_printf (out, "%s wordt als volgt gewijzigd:", cap);
    for (guint i = 0; i < parts->len; i++)
      g_string_append_printf (out, "\n\n%u. %s", i + 1, (char *) g_ptr_array_index (parts, i));
    return g_string_free (out, FALSE);
  }
}

void
amend_instruction_free (AmendInstruction *instruction)
{
  if (instruction == NULL)
    return;
  g_free (instruction->letter);
  g_ptr_array_unref (instruction->changes);
  g_free (instruction->text);
  g_free (instruction->summary);
  g_free (instruction);
}

/**
 * amend_diff_get_instructions:
 *
 * The instructions one by one, with the article (or division) each is
 * about and the changes it says, for the exports that need them apart:
 * the STOP change export puts each in the Wat of its mutations.
 *
 * Returns: (transfer full) (element-type AmendInstruction): in the order
 *   of amend_diff_to_instructions(); empty when nothing changed.
 */
GPtrArray *
amend_diff_get_instructions (AmendDiff *diff)
{
  g_autoptr(GPtrArray) groups = build_groups (diff);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_instruction_free);

  g_return_val_if_fail (AMEND_IS_DIFF (diff), list);

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *g = g_ptr_array_index (groups, i);
      g_autofree char *marked = group_instruction (diff, g);
      AmendInstruction *instruction = g_new0 (AmendInstruction, 1);

      instruction->letter = letter (i);
      instruction->old_node = g->old_node;
      instruction->new_node = g->new_node;
      instruction->changes = g_ptr_array_ref (g->changes);
      instruction->text = unmark (marked, TRUE);
      instruction->summary = unmark (marked, FALSE);
      g_ptr_array_add (list, instruction);
    }
  return list;
}

/**
 * amend_diff_to_instructions:
 *
 * Returns: the amendment instructions in Dutch, one lettered instruction
 * per changed article; an empty string when nothing changed.
 */
char *
amend_diff_to_instructions (AmendDiff *diff)
{
  g_autoptr(GPtrArray) instructions = amend_diff_get_instructions (diff);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < instructions->len; i++)
    {
      const AmendInstruction *instruction = g_ptr_array_index (instructions, i);

      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append_printf (out, "%s\n\n%s", instruction->letter, instruction->text);
    }
  if (out->len)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
