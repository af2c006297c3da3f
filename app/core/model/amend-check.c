/* amend-check.c: structural findings about a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a drafter wants to hear before the council does: numbers used twice,
 * gaps and disorder in a numbering, references to articles, members and
 * points that do not exist, empty articles.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "amend-check.h"

#define NUM "\\d+[a-z]{0,3}(?:[.:]\\d+[a-z]{0,3})*"
#define ORD "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|dertiende|veertiende|vijftiende|zestiende|zeventiende|achttiende|negentiende|twintigste"

static const char *ordinals[] = {
  "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
  "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
  "negentiende", "twintigste",
};

typedef struct {
  AmendDocument *doc;
  GPtrArray     *findings;
  GHashTable    *articles;   /* number -> first article with it */
} Checker;

static void
add (Checker       *c,
     AmendSeverity  severity,
     AmendNode     *node,
     const char    *format,
     ...) G_GNUC_PRINTF (4, 5);

static void
add (Checker       *c,
     AmendSeverity  severity,
     AmendNode     *node,
     const char    *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (c->findings, amend_diagnostic_new (severity, node->line_start, node->eid, message));
}

static char *
describe (const AmendNode *node)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);

  switch (node->kind)
    {
    case AMEND_NODE_MEMBER:
      return g_strdup_printf (_("member %s"), node->number ? node->number : "");
    case AMEND_NODE_POINT:
      return g_strdup_printf (_("point %s"), node->number ? node->number : "");
    default:
      return g_strdup_printf ("%s %s", word ? word : "", node->number ? node->number : "");
    }
}

/* ----------------------------------------------------------------------- */
/* Numbering                                                                */
/* ----------------------------------------------------------------------- */

static int
roman_value (const char *s,
             gsize       len)
{
  int total = 0, prev = 0;

  for (gsize i = len; i > 0; i--)
    {
      int v;
      switch (s[i - 1])
        {
        case 'I': v = 1; break;
        case 'V': v = 5; break;
        case 'X': v = 10; break;
        case 'L': v = 50; break;
        case 'C': v = 100; break;
        case 'D': v = 500; break;
        case 'M': v = 1000; break;
        default: return -1;
        }
      total += v < prev ? -v : v;
      prev = MAX (prev, v);
    }
  return total;
}

/* Splits a number into what stays the same within a sequence ("4:" of
 * "4:12") and its last count (12), and whether letters follow ("12a").
 * Points count in letters: a = 1. */
typedef struct {
  char    *prefix;
  int      value;
  gboolean suffixed;
} Count;

static gboolean
parse_count (const char *number,
             gboolean    letters,
             Count      *count)
{
  gsize len;
  const char *last;
  const char *p;

  memset (count, 0, sizeof *count);
  if (number == NULL || *number == '\0')
    return FALSE;
  len = strlen (number);
  while (len > 0 && strchr (".)\xb0", number[len - 1]))
    len--;
  if (len >= 2 && (guchar) number[len - 1] == 0xC2)
    len--;
  if (len == 0)
    return FALSE;

  if (letters && g_ascii_islower (number[0]))
    {
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_islower (number[i]) || number[i] != number[0])
          return FALSE; /* "aa" after "z" counts on; anything else is not ours */
      count->prefix = g_strdup ("");
      count->value = (number[0] - 'a' + 1) + 26 * (int) (len - 1);
      return TRUE;
    }

  last = number;
  for (p = number; p < number + len; p++)
    if (*p == '.' || *p == ':')
      last = p + 1;
  if (g_ascii_isdigit (*last))
    {
      char *end;
      count->value = (int) strtol (last, &end, 10);
      count->suffixed = end < number + len;
    }
  else if ((count->value = roman_value (last, number + len - last)) <= 0)
    {
      /* "IVa": roman with a letter */
      if (len >= 2 && g_ascii_islower (number[len - 1]) &&
          (count->value = roman_value (last, number + len - 1 - last)) > 0)
        count->suffixed = TRUE;
      else
        return FALSE;
    }
  count->prefix = g_strndup (number, last - number);
  return TRUE;
}

/* Checks one sequence of siblings of one kind: duplicates, gaps, order. */
static void
check_sequence (Checker   *c,
                GPtrArray *nodes,
                gboolean   letters,
                gboolean   must_start_at_one)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Count prev = { 0 };
  gboolean have_prev = FALSE;

  for (guint i = 0; i < nodes->len; i++)
    {
      AmendNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *what = describe (node);
      Count count;

      if (node->number == NULL || node->number[0] == '\0')
        continue;
      if (g_hash_table_contains (seen, node->number))
        {
          add (c, AMEND_SEVERITY_ERROR, node, _("%s is numbered the same as one before it"), what);
          continue;
        }
      g_hash_table_add (seen, node->number);

      if (!parse_count (node->number, letters, &count))
        {
          have_prev = FALSE;
          continue;
        }
      if (have_prev && g_strcmp0 (prev.prefix, count.prefix) == 0)
        {
          if (count.value < prev.value || (count.value == prev.value && !count.suffixed))
            add (c, AMEND_SEVERITY_WARNING, node, _("%s is out of order: it comes after %s"),
                 what, ((AmendNode *) g_ptr_array_index (nodes, i - 1))->number);
          else if (count.value > prev.value + 1 && !count.suffixed)
            add (c, AMEND_SEVERITY_WARNING, node, _("the numbering skips from %s to %s"),
                 ((AmendNode *) g_ptr_array_index (nodes, i - 1))->number, node->number);
        }
      else if (!have_prev && must_start_at_one && count.value != 1 && !count.suffixed && i == 0)
        add (c, AMEND_SEVERITY_WARNING, node, _("%s should be numbered from 1"), what);
      g_free (prev.prefix);
      prev = count;
      have_prev = TRUE;
    }
  g_free (prev.prefix);
}

/* Members per article, points per list, divisions per parent. */
static void
check_numbering (Checker *c)
{
  AmendNode *root = amend_document_get_root (c->doc);
  g_autoptr(GPtrArray) articles = amend_document_get_articles (c->doc);

  /* Articles are numbered through the whole regulation: references rely on it. */
  check_sequence (c, articles, FALSE, FALSE);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(GPtrArray) points = g_ptr_array_new ();
      GPtrArray *divisions[AMEND_N_NODE_KINDS] = { NULL };

      for (guint i = 0; i < amend_node_n_children (n); i++)
        {
          AmendNode *child = amend_node_child (n, i);

          if (child->kind == AMEND_NODE_MEMBER)
            g_ptr_array_add (members, child);
          else if (amend_node_is_division (child))
            {
              if (divisions[child->kind] == NULL)
                divisions[child->kind] = g_ptr_array_new ();
              g_ptr_array_add (divisions[child->kind], child);
            }
          if (child->kind == AMEND_NODE_POINT)
            g_ptr_array_add (points, child);
          if ((child->kind != AMEND_NODE_POINT || i + 1 == amend_node_n_children (n)) && points->len > 0)
            {
              check_sequence (c, points, TRUE, FALSE);
              g_ptr_array_set_size (points, 0);
            }
        }
      if (members->len > 0)
        check_sequence (c, members, FALSE, TRUE);
      for (guint k = 0; k < AMEND_N_NODE_KINDS; k++)
        if (divisions[k])
          {
            check_sequence (c, divisions[k], FALSE, FALSE);
            g_ptr_array_unref (divisions[k]);
          }
    }
}

/* ----------------------------------------------------------------------- */
/* Empty articles                                                           */
/* ----------------------------------------------------------------------- */

static void
check_empty (Checker *c)
{
  AmendNode *root = amend_document_get_root (c->doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->kind == AMEND_NODE_ARTICLE)
      {
        g_autofree char *text = amend_node_get_text_content (n);

        g_strstrip (text);
        if (text[0] == '\0')
          {
            g_autofree char *what = describe (n);
            add (c, AMEND_SEVERITY_ERROR, n, _("%s is empty; give it text, or remove it"), what);
          }
      }
}

/* ----------------------------------------------------------------------- */
/* References                                                               */
/* ----------------------------------------------------------------------- */

static int
ordinal_value (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (ordinals); i++)
    if (g_ascii_strcasecmp (word, ordinals[i]) == 0)
      return i + 1;
  return 0;
}

static AmendNode *
find_child (AmendNode     *parent,
            AmendNodeKind  kind,
            const char    *number)
{
  for (AmendNode *n = amend_node_next (parent, parent); n != NULL; n = amend_node_next (n, parent))
    if (n->kind == kind && n->number)
      {
        gsize len = strlen (number);
        if (strncmp (n->number, number, len) == 0 &&
            (n->number[len] == '\0' || ((n->number[len] == '.' || n->number[len] == ')') && n->number[len + 1] == '\0')))
          return n;
      }
  return NULL;
}

/* A reference followed by "van de Gemeentewet" points into another act;
 * "van deze verordening" and "van dit hoofdstuk" stay in this one. */
static gboolean
is_external (const char *after)
{
  while (*after == ' ' || *after == ',')
    after++;
  if (g_ascii_strncasecmp (after, "van ", 4) != 0 && g_ascii_strncasecmp (after, "der ", 4) != 0)
    return FALSE;
  after += 4;
  return g_ascii_strncasecmp (after, "deze ", 5) != 0 && g_ascii_strncasecmp (after, "dit ", 4) != 0;
}

static void
check_member_ref (Checker    *c,
                  AmendNode  *text,
                  AmendNode  *article,
                  const char *cited,
                  const char *ordinal,
                  const char *point)
{
  g_autofree char *member_number = NULL;
  AmendNode *member;
  int value = ordinal_value (ordinal);

  if (value == 0)
    return;
  member_number = g_strdup_printf ("%d", value);
  member = find_child (article, AMEND_NODE_MEMBER, member_number);
  if (member == NULL)
    {
      /* An article without members may still be cited as "eerste lid" by
       * drafters; only flag it when the article has members at all. */
      if (find_child (article, AMEND_NODE_MEMBER, "1") != NULL || value > 1)
        add (c, AMEND_SEVERITY_ERROR, text, _("reference to \xe2\x80\x9c%s\xe2\x80\x9d: article %s has no member %s"),
             cited, article->number, member_number);
      return;
    }
  if (point && point[0] && find_child (member, AMEND_NODE_POINT, point) == NULL)
    add (c, AMEND_SEVERITY_ERROR, text, _("reference to \xe2\x80\x9c%s\xe2\x80\x9d: member %s of article %s has no point %s"),
         cited, member_number, article->number, point);
}

static void
check_article_refs (Checker    *c,
                    AmendNode  *text,
                    const char *plain,
                    GRegex     *regex,
                    GRegex     *separators)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, plain, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *cited = g_match_info_fetch (match, 0);
      g_autofree char *numbers = g_match_info_fetch (match, 1);
      g_autofree char *ordinal = g_match_info_fetch (match, 2);
      g_autofree char *point = g_match_info_fetch (match, 3);
      g_auto(GStrv) parts = NULL;
      int end = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      if (is_external (plain + end))
        continue;

      parts = g_regex_split (separators, numbers, 0);
      for (guint i = 0; parts[i]; i++)
        {
          AmendNode *article;

          if (parts[i][0] == '\0')
            continue;
          article = g_hash_table_lookup (c->articles, parts[i]);
          if (article == NULL)
            {
              add (c, AMEND_SEVERITY_ERROR, text, _("reference to article %s, which does not exist"), parts[i]);
              continue;
            }
          if (ordinal && ordinal[0] && parts[1] == NULL)
            check_member_ref (c, text, article, cited, ordinal, point);
        }
    }
}

static void
check_relative_refs (Checker    *c,
                     AmendNode  *text,
                     const char *plain,
                     GRegex     *regex)
{
  g_autoptr(GMatchInfo) match = NULL;
  AmendNode *article = amend_node_find_ancestor (text, AMEND_NODE_ARTICLE);

  if (article == NULL)
    return;
  g_regex_match (regex, plain, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *cited = g_match_info_fetch (match, 0);
      g_autofree char *ordinal = g_match_info_fetch (match, 1);
      g_autofree char *point = g_match_info_fetch (match, 2);
      int end = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      /* "het tweede lid van artikel 5" is an absolute reference. */
      if (g_str_has_prefix (plain + end, " van ") || g_str_has_prefix (plain + end, ", van "))
        continue;
      check_member_ref (c, text, article, cited, ordinal, point);
    }
}

static void
check_references (Checker *c)
{
  AmendNode *root = amend_document_get_root (c->doc);
  g_autoptr(GRegex) absolute = NULL;
  g_autoptr(GRegex) relative = NULL;
  /* "de artikelen 2, 3 en 5 tot en met 7": compiled once, used for every reference. */
  g_autoptr(GRegex) separators = g_regex_new ("\\s*(?:,|\\ben\\b|\\bof\\b|\\btot en met\\b)\\s*",
                                              G_REGEX_OPTIMIZE, 0, NULL);

  absolute = g_regex_new ("\\bartikel(?:en)?\\s+(" NUM "(?:\\s*(?:,|\\ben\\b|\\bof\\b|\\btot en met\\b)\\s*" NUM ")*)"
                          "(?:\\s*,\\s*(" ORD ")\\s+lid(?:\\s*,\\s*(?:onder|onderdeel)\\s+([a-z]{1,3}|\\d+\xc2\xb0))?)?",
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  relative = g_regex_new ("\\b(?:het|dit)\\s+(" ORD ")\\s+lid(?:\\s*,\\s*(?:onder|onderdeel)\\s+([a-z]{1,3}|\\d+\xc2\xb0))?",
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      g_autofree char *plain = NULL;

      if (n->kind != AMEND_NODE_TEXT || n->heading_level > 0)
        continue;
      plain = amend_node_get_plain_text (n);
      check_article_refs (c, n, plain, absolute, separators);
      check_relative_refs (c, n, plain, relative);
    }
}

/**
 * amend_document_check:
 *
 * Returns: (transfer container): the findings, ordered by line.
 */
GPtrArray *
amend_document_check (AmendDocument *doc)
{
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);
  Checker c = { doc, NULL, by_number };

  c.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  for (guint i = 0; i < articles->len; i++)
    {
      AmendNode *article = g_ptr_array_index (articles, i);
      if (article->number && !g_hash_table_contains (by_number, article->number))
        g_hash_table_insert (by_number, article->number, article);
    }

  check_numbering (&c);
  check_empty (&c);
  check_references (&c);
  amend_diagnostics_sort (c.findings);
  return c.findings;
}
