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
 * Letters count as letters (a = 1, aa = 27), roman numerals as their value;
 * a label that can be either ("i", "C") is what the one before it was: a
 * run of letters decides that "i." after "h." and "Hoofdstuk D" after "C"
 * are letters, and "ii." after "i." a numeral.  Alone, only "i" and "I"
 * start a numeral. */
typedef struct {
  char    *prefix;
  int      value;
  gboolean suffixed;
  gboolean letters;  /* counted as letters */
} Count;

/* "a" = 1, "z" = 26, "aa" = 27: one letter, repeated; 0 for anything else. */
static int
letter_value (const char *s,
              gsize       len)
{
  for (gsize i = 1; i < len; i++)
    if (s[i] != s[0])
      return 0;
  if (len == 0 || !g_ascii_isalpha (s[0]))
    return 0;
  return (g_ascii_tolower (s[0]) - 'a' + 1) + 26 * (int) (len - 1);
}

static int
roman_any_case (const char *s,
                gsize       len)
{
  char upper[16];

  if (len == 0 || len >= sizeof upper)
    return -1;
  for (gsize i = 0; i < len; i++)
    {
      upper[i] = g_ascii_toupper (s[i]);
      if (g_ascii_isupper (s[i]) != g_ascii_isupper (s[0]))
        return -1;  /* "Iv" is no numeral */
    }
  return roman_value (upper, len);
}

/* A label of letters only: counted as letters or as a numeral. */
static gboolean
count_letters (const char  *s,
               gsize        len,
               const Count *prev,
               Count       *count)
{
  int letter = letter_value (s, len);
  int roman = roman_any_case (s, len);
  gboolean as_letter;

  if (letter <= 0 && roman <= 0)
    return FALSE;
  if (letter <= 0 || roman <= 0)
    as_letter = letter > 0;
  else if (prev != NULL)
    as_letter = prev->letters;
  else
    as_letter = !(len == 1 && g_ascii_tolower (s[0]) == 'i') && len == 1;
  count->letters = as_letter;
  count->value = as_letter ? letter : roman;
  count->prefix = g_strdup ("");
  return TRUE;
}

static gboolean
parse_count (const char  *number,
             const Count *prev,
             Count       *count)
{
  gsize len, start = 0;
  const char *last;
  const char *p;

  memset (count, 0, sizeof *count);
  if (number == NULL || *number == '\0')
    return FALSE;
  len = strlen (number);
  while (len > 0 && strchr (".)*\xb0", number[len - 1]))
    len--;
  if (len >= 2 && (guchar) number[len - 1] == 0xC2)
    len--;
  if (len > 0 && number[0] == '(')
    start = 1;
  if (len <= start)
    return FALSE;
  number += start;
  len -= start;

  if (count_letters (number, len, prev, count))
    return TRUE;

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
      /* "IVa", "IVA": roman with a letter */
      if (number + len - last >= 2 && g_ascii_isalpha (number[len - 1]) &&
          (count->value = roman_value (last, number + len - 1 - last)) > 0)
        count->suffixed = TRUE;
      else
        return FALSE;
    }
  count->prefix = g_strndup (number, last - number);
  return TRUE;
}

/* Checks one sequence of siblings of one kind: duplicates, gaps, order.
 * A list of points that starts over ("a." after "e.") is a new list, with
 * a warning: a loose text may have lost what introduced it. */
static void
check_sequence (Checker   *c,
                GPtrArray *nodes,
                gboolean   must_start_at_one,
                gboolean   may_restart)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Count prev = { 0 };
  gboolean have_prev = FALSE;

  for (guint i = 0; i < nodes->len; i++)
    {
      AmendNode *node = g_ptr_array_index (nodes, i);
      const char *before = i > 0 ? ((AmendNode *) g_ptr_array_index (nodes, i - 1))->number : NULL;
      g_autofree char *what = describe (node);
      gboolean parsed;
      Count count;

      if (node->number == NULL || node->number[0] == '\0')
        continue;
      parsed = parse_count (node->number, have_prev ? &prev : NULL, &count);
      if (may_restart && parsed && have_prev && count.value == 1 && prev.value > 1 &&
          count.letters == prev.letters && !count.suffixed)
        {
          add (c, AMEND_SEVERITY_WARNING, node,
               _("%s starts the list again after point %s: if a new list begins here, put the text that introduces it before it"),
               what, before);
          g_hash_table_remove_all (seen);
          g_clear_pointer (&prev.prefix, g_free);
          have_prev = FALSE;
        }
      if (g_hash_table_contains (seen, node->number))
        {
          add (c, AMEND_SEVERITY_ERROR, node, _("%s is numbered the same as one before it"), what);
          g_free (count.prefix);
          continue;
        }
      g_hash_table_add (seen, node->number);

      if (!parsed)
        {
          have_prev = FALSE;
          continue;
        }
      if (have_prev && g_strcmp0 (prev.prefix, count.prefix) == 0)
        {
          if (count.value < prev.value || (count.value == prev.value && !count.suffixed))
            add (c, AMEND_SEVERITY_WARNING, node, _("%s is out of order: it comes after %s"), what, before);
          else if (count.value > prev.value + 1 && !count.suffixed)
            add (c, AMEND_SEVERITY_WARNING, node, _("the numbering skips from %s to %s"), before, node->number);
        }
      else if (!have_prev && must_start_at_one && count.value != 1 && !count.suffixed && i == 0)
        add (c, AMEND_SEVERITY_WARNING, node, _("%s should be numbered from 1"), what);
      g_free (prev.prefix);
      prev = count;
      have_prev = TRUE;
    }
  g_free (prev.prefix);
}

/* Articles are numbered through the regulation, references rely on it; a
 * Bijlage numbers its own (the Awb's Bevoegdheidsregeling has articles 1
 * to 12 of its own). */
static void
check_articles (Checker *c)
{
  g_autoptr(GPtrArray) articles = amend_document_get_articles (c->doc);
  g_autoptr(GPtrArray) run = g_ptr_array_new ();
  AmendNode *part = NULL;

  for (guint i = 0; i <= articles->len; i++)
    {
      AmendNode *article = i < articles->len ? g_ptr_array_index (articles, i) : NULL;
      AmendNode *annex = article ? amend_node_find_ancestor (article, AMEND_NODE_ANNEX) : NULL;

      if (article == NULL || annex != part)
        {
          check_sequence (c, run, FALSE, FALSE);
          g_ptr_array_set_size (run, 0);
          part = annex;
        }
      if (article)
        g_ptr_array_add (run, article);
    }
}

/* Members per article, points per list, divisions per parent. */
static void
check_numbering (Checker *c)
{
  AmendNode *root = amend_document_get_root (c->doc);

  check_articles (c);

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
              check_sequence (c, points, FALSE, TRUE);
              g_ptr_array_set_size (points, 0);
            }
        }
      if (members->len > 0)
        check_sequence (c, members, TRUE, FALSE);
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

            /* With a title it is a place kept free (STOP's Gereserveerd,
             * which the import reads as such and the exports write). */
            if (n->heading && n->heading[0])
              add (c, AMEND_SEVERITY_WARNING, n, _("%s has a title but no text: the exports write it as a reserved "
                                                   "place (Gereserveerd); give it text, or remove it, unless it is "
                                                   "kept free on purpose"), what);
            else
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
        /* "1", "1." and "(1)" are member 1; "a" is point "a." and "(a)". */
        const char *written = n->number[0] == '(' ? n->number + 1 : n->number;
        gsize len = strlen (number);

        if (strncmp (written, number, len) == 0 &&
            (written[len] == '\0' || ((written[len] == '.' || written[len] == ')') && written[len + 1] == '\0')))
          return n;
      }
  return NULL;
}

/* What is wrong with a reference to a member (and point) of @article, or
 * NULL when it exists. */
static char *
member_ref_problem (AmendNode  *article,
                    const char *cited,
                    const char *ordinal,
                    const char *point)
{
  g_autofree char *member_number = NULL;
  AmendNode *member;
  int value = ordinal_value (ordinal);

  if (value == 0)
    return NULL;
  member_number = g_strdup_printf ("%d", value);
  member = find_child (article, AMEND_NODE_MEMBER, member_number);
  if (member == NULL)
    {
      /* An article without members may still be cited as "eerste lid" by
       * drafters; only flag it when the article has members at all. */
      if (find_child (article, AMEND_NODE_MEMBER, "1") != NULL || value > 1)
        return g_strdup_printf (_("reference to \xe2\x80\x9c%s\xe2\x80\x9d: article %s has no member %s"),
                                cited, article->number, member_number);
      return NULL;
    }
  if (point && point[0] && find_child (member, AMEND_NODE_POINT, point) == NULL)
    return g_strdup_printf (_("reference to \xe2\x80\x9c%s\xe2\x80\x9d: member %s of article %s has no point %s"),
                            cited, member_number, article->number, point);
  return NULL;
}

static void
check_member_ref (Checker    *c,
                  AmendNode  *text,
                  AmendNode  *article,
                  const char *cited,
                  const char *ordinal,
                  const char *point)
{
  g_autofree char *problem = member_ref_problem (article, cited, ordinal, point);

  if (problem != NULL)
    add (c, AMEND_SEVERITY_ERROR, text, "%s", problem);
}

/* Where a reference points: into this act, or into another one.  "artikel
 * 20a van de Wegenverkeerswet 1994" is another act's, and so is every
 * article of "de artikelen 5, 20 en 21, eerste lid, onder a, van de Wet
 * ...": the qualifiers and the rest of a list are skipped to find the
 * "van" that names the act.  "van deze verordening", "van dit hoofdstuk",
 * "van hoofdstuk 3" and "van overeenkomstige toepassing" keep it here. */
typedef enum {
  SCOPE_PLAIN,     /* nothing said: this act */
  SCOPE_THIS,      /* "van deze wet" */
  SCOPE_OTHER,     /* another act */
} RefScope;

static const char *const tail_words[] = {
  "en", "of", "tot", "met", "t/m", "juncto", "jo", "lid", "leden", "onderdeel", "onderdelen", "onder", "sub",
  "aanhef", "volzin", "volzinnen", "alinea", "artikel", "artikelen", "laatste", "slot", "zin",
  /* "artikel 2.1 lid 3 juncto Bijlage 1 onderdeel D van het Besluit ..." */
  "bijlage", "bijlagen",
};

static const char *const label_words[] = { "onder", "onderdeel", "onderdelen", "sub" };

static gboolean
word_in (const char         *word,
         const char * const *words,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The next word of a reference phrase at @p, lower case, in @word; @p
 * moves past it.  Returns FALSE at the end of the phrase: the end of the
 * text or of a clause (";", ":", or a full stop after the word). */
static gboolean
next_word (const char **p,
           char        *word,
           gsize        size,
           gboolean    *last)
{
  const char *s = *p;
  gsize len = 0;

  while (*s == ' ' || *s == ',')
    s++;
  for (; *s && *s != ' ' && *s != ',' && *s != ';'; s++)
    if (len + 1 < size)
      word[len++] = g_ascii_tolower (*s);
  *last = *s == ';' || *s == '\0';
  while (len > 0 && (word[len - 1] == '.' || word[len - 1] == ':' || word[len - 1] == ')'))
    {
      *last = TRUE;
      len--;
    }
  word[len] = '\0';
  *p = s;
  return len > 0;
}

static gboolean
is_label_word (const char *word)
{
  gsize len = strlen (word);

  if (g_str_has_suffix (word, "\xc2\xb0"))
    return g_ascii_isdigit (word[0]);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (word[i]))
      return FALSE;
  return len > 0 && len <= 4;
}

/* After a "van": whether it decides the scope (@scope), or names a part
 * of this act ("van hoofdstuk 3") after which the phrase goes on. */
static gboolean
scope_after_van (const char **p,
                 RefScope    *scope)
{
  char word[32];
  gboolean last;
  const char *q = *p;

  *scope = SCOPE_OTHER;
  if (!next_word (&q, word, sizeof word, &last))
    return TRUE;
  if (strcmp (word, "deze") == 0 || strcmp (word, "dit") == 0)
    *scope = SCOPE_THIS;
  else if (strcmp (word, "overeenkomstige") == 0 || strcmp (word, "toepassing") == 0)
    *scope = SCOPE_PLAIN;
  else if (strcmp (word, "hoofdstuk") == 0 || strcmp (word, "titel") == 0 || strcmp (word, "afdeling") == 0 ||
           strcmp (word, "paragraaf") == 0 || strcmp (word, "\xc2\xa7") == 0)
    {
      *p = q;
      *scope = SCOPE_PLAIN;
      /* its number; a "van" may follow that names another act */
      return !next_word (p, word, sizeof word, &last) || last;
    }
  return TRUE;
}

static RefScope
reference_scope (const char *after)
{
  const char *p = after;
  gboolean labels = FALSE;
  gboolean last = FALSE;
  char word[32];

  while (!last && next_word (&p, word, sizeof word, &last))
    {
      RefScope scope;

      if (strcmp (word, "van") == 0 || strcmp (word, "der") == 0)
        {
          if (scope_after_van (&p, &scope))
            return scope;
          continue;
        }
      if (word_in (word, tail_words, G_N_ELEMENTS (tail_words)) || ordinal_value (word) > 0 ||
          g_ascii_isdigit (word[0]) || (labels && is_label_word (word)))
        {
          if (word_in (word, label_words, G_N_ELEMENTS (label_words)))
            labels = TRUE;
          else if (g_ascii_isdigit (word[0]) && !g_str_has_suffix (word, "\xc2\xb0"))
            labels = FALSE;
          continue;
        }
      break;
    }
  return SCOPE_PLAIN;
}

/* "de Invorderingswet 1990", "het Burgerlijk Wetboek", "Boek 6", "de Wet
 * wapens en munitie": whether @p (right after "van ") names an act. */
static gboolean
names_act (const char *p)
{
  char word[48];
  gboolean last = FALSE;
  const char *q = p;

  if (!next_word (&q, word, sizeof word, &last))
    return FALSE;
  if (strcmp (word, "de") == 0 || strcmp (word, "het") == 0 || strcmp (word, "der") == 0)
    {
      p = q;
      if (last || !next_word (&q, word, sizeof word, &last))
        return FALSE;
    }
  while (*p == ' ')
    p++;
  if (!g_ascii_isupper (*p))
    return FALSE;
  for (guint i = 0; i < 5; i++)
    {
      if (g_str_has_suffix (word, "wet") || g_str_has_suffix (word, "wetboek") || strcmp (word, "boek") == 0 ||
          g_str_has_suffix (word, "verordening") || g_str_has_suffix (word, "besluit") ||
          g_str_has_suffix (word, "reglement") || strcmp (word, "richtlijn") == 0)
        return TRUE;
      if (last || !next_word (&q, word, sizeof word, &last))
        break;
    }
  return FALSE;
}

/* "blijven van de Invorderingswet 1990 buiten toepassing de artikelen 5,
 * 7c en 20": the act is named earlier in the same clause. */
static gboolean
act_named_before (const char *plain,
                  gsize       start)
{
  gsize clause = start;

  while (clause > 0 && !strchr (",;:", plain[clause - 1]) &&
         !(plain[clause - 1] == '.' && (plain[clause] == ' ' || plain[clause] == '\0')))
    clause--;
  for (const char *p = plain + clause; p < plain + start; p++)
    if ((p == plain || p[-1] == ' ') && g_ascii_strncasecmp (p, "van ", 4) == 0 && names_act (p + 4))
      return TRUE;
  return FALSE;
}

/* The text of a paragraph as one string, with where its links to other
 * documents are: a reference in "[artikel 5 van de Opiumwet](https://...)"
 * or in a link alone points there. */
typedef struct {
  GString *plain;
  GArray  *links;  /* of gsize: start, end, start, end, ... */
} RefText;

static void
ref_text_init (RefText         *t,
               const AmendNode *node)
{
  t->plain = g_string_new (NULL);
  t->links = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint i = 0; node->runs && i < node->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (node->runs, AmendRun, i);
      gsize start = t->plain->len;

      if (run->marks & AMEND_MARK_BREAK)
        g_string_append_c (t->plain, ' ');
      else if (!(run->marks & AMEND_MARK_HTML))
        g_string_append (t->plain, run->text);
      if ((run->marks & AMEND_MARK_LINK) && run->href && run->href[0] != '#')
        {
          gsize end = t->plain->len;
          g_array_append_val (t->links, start);
          g_array_append_val (t->links, end);
        }
    }
}

static void
ref_text_clear (RefText *t)
{
  g_string_free (t->plain, TRUE);
  g_array_unref (t->links);
}

static gboolean
in_link (const RefText *t,
         gsize          pos)
{
  for (guint i = 0; i + 1 < t->links->len; i += 2)
    if (pos >= g_array_index (t->links, gsize, i) && pos < g_array_index (t->links, gsize, i + 1))
      return TRUE;
  return FALSE;
}

/* An absolute reference found in a paragraph: a relative one right after
 * it ("artikel 81f, behoudens het eerste lid") is about the same article. */
typedef struct {
  gsize      end;
  AmendNode *article;   /* the one article it names in this act, or NULL */
  gboolean   external;  /* another act's */
} RefSpan;

typedef struct {
  Checker    *c;
  AmendNode  *text;
  AmendNode  *article;    /* that holds the text, or NULL */
  gboolean    in_annex;
  GHashTable *foreign;    /* numbers this article cited as another act's */
  GArray     *spans;      /* of RefSpan */
} RefContext;

static void
check_numbers (RefContext *rc,
               GMatchInfo *match,
               GRegex     *separators,
               gboolean    external)
{
  g_autofree char *cited = g_match_info_fetch (match, 0);
  g_autofree char *numbers = g_match_info_fetch (match, 1);
  g_autofree char *ordinal = g_match_info_fetch (match, 2);
  g_autofree char *point = g_match_info_fetch (match, 3);
  g_auto(GStrv) parts = g_regex_split (separators, numbers, 0);
  RefSpan span = { 0 };
  int end = 0;

  g_match_info_fetch_pos (match, 0, NULL, &end);
  span.end = end;
  span.external = external;
  for (guint i = 0; parts[i]; i++)
    {
      AmendNode *article;

      if (parts[i][0] == '\0')
        continue;
      if (external)
        {
          if (rc->foreign)
            g_hash_table_add (rc->foreign, g_strdup (parts[i]));
          continue;
        }
      article = g_hash_table_lookup (rc->c->articles, parts[i]);
      /* "De artikelen 25 en 27 vinden geen toepassing", after "de artikelen
       * 25, 27 en 31 van de Faillissementswet" in the same article. */
      if (article == NULL && rc->foreign && g_hash_table_contains (rc->foreign, parts[i]))
        continue;
      if (article == NULL)
        {
          add (rc->c, AMEND_SEVERITY_ERROR, rc->text,
               /* TRANSLATORS: the example names another act after the number */
               _("reference to article %s, which does not exist in this regulation; if another act’s "
                 "article is meant, name the act after the number (“artikel %s van de Omgevingswet”)"),
               parts[i], parts[i]);
          continue;
        }
      span.article = parts[1] == NULL ? article : NULL;
      if (ordinal && ordinal[0] && parts[1] == NULL)
        check_member_ref (rc->c, rc->text, article, cited, ordinal, point);
    }
  g_array_append_val (rc->spans, span);
}

static void
check_article_refs (RefContext    *rc,
                    const RefText *t,
                    GRegex        *regex,
                    GRegex        *separators)
{
  g_autoptr(GMatchInfo) match = NULL;
  const char *plain = t->plain->str;

  g_regex_match (regex, plain, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start = 0, end = 0;
      RefScope scope;
      gboolean external;

      g_match_info_fetch_pos (match, 0, &start, &end);
      scope = reference_scope (plain + end);
      external = scope == SCOPE_OTHER || (scope == SCOPE_PLAIN && rc->in_annex) ||
                 (scope == SCOPE_PLAIN && (in_link (t, start) || act_named_before (plain, start)));
      check_numbers (rc, match, separators, external);
    }
}

/* The absolute reference before @start in the same sentence, joined to it
 * by "behoudens" or "met uitzondering van" (@joined) or not; NULL when
 * there is none. */
static RefSpan *
span_before (RefContext *rc,
             const char *plain,
             gsize       start,
             gboolean   *joined)
{
  for (guint i = rc->spans->len; i > 0; i--)
    {
      RefSpan *span = &g_array_index (rc->spans, RefSpan, i - 1);
      const char *p = plain + span->end;

      if (span->end > start)
        continue;
      for (const char *q = p; q < plain + start; q++)
        if ((*q == '.' || *q == ';') && (q[1] == ' ' || q[1] == '\0'))
          return NULL;
      while (*p == ' ' || *p == ',')
        p++;
      if (g_str_has_prefix (p, "behoudens "))
        p += strlen ("behoudens ");
      else if (g_str_has_prefix (p, "met uitzondering van "))
        p += strlen ("met uitzondering van ");
      *joined = p == plain + start;
      return span;
    }
  return NULL;
}

/* "het derde lid" is a member of the article that holds it; but after
 * "artikel 81f, behoudens" it is one of article 81f, and after another
 * article in the same sentence it may be one of that article: it is only
 * an error when it exists in neither, and never after another act's. */
static void
check_relative_ref (RefContext *rc,
                    const char *plain,
                    gsize       start,
                    const char *cited,
                    const char *ordinal,
                    const char *point)
{
  gboolean joined = FALSE;
  RefSpan *span = span_before (rc, plain, start, &joined);
  g_autofree char *problem = NULL;

  if (joined || span == NULL)
    {
      AmendNode *article = span ? span->article : rc->article;

      if (article != NULL && (!joined || !span->external))
        check_member_ref (rc->c, rc->text, article, cited, ordinal, point);
      return;
    }
  problem = member_ref_problem (rc->article, cited, ordinal, point);
  if (problem == NULL || span->external || span->article == NULL)
    return;
  check_member_ref (rc->c, rc->text, span->article, cited, ordinal, point);
}

static void
check_relative_refs (RefContext *rc,
                     const char *plain,
                     GRegex     *regex)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (rc->article == NULL)
    return;
  g_regex_match (regex, plain, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *cited = g_match_info_fetch (match, 0);
      g_autofree char *ordinal = g_match_info_fetch (match, 1);
      g_autofree char *point = g_match_info_fetch (match, 2);
      int start = 0, end = 0;

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* "het tweede lid van artikel 5" is an absolute reference. */
      if (g_str_has_prefix (plain + end, " van ") || g_str_has_prefix (plain + end, ", van "))
        continue;
      check_relative_ref (rc, plain, start, cited, ordinal, point);
    }
}

static gboolean
is_in_annex (AmendNode *node)
{
  return amend_node_find_ancestor (node, AMEND_NODE_ANNEX) != NULL;
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
  g_autoptr(GHashTable) foreign = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RefSpan));
  AmendNode *foreign_of = NULL;

  absolute = g_regex_new ("\\bartikel(?:en)?\\s+(" NUM "(?:\\s*(?:,|\\ben\\b|\\bof\\b|\\btot en met\\b)\\s*" NUM ")*)"
                          "(?:\\s*,\\s*(" ORD ")\\s+lid(?:\\s*,\\s*(?:onder|onderdeel)\\s+([a-z]{1,3}|\\d+\xc2\xb0))?)?",
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  relative = g_regex_new ("\\b(?:het|dit)\\s+(" ORD ")\\s+lid(?:\\s*,\\s*(?:onder|onderdeel)\\s+([a-z]{1,3}|\\d+\xc2\xb0))?",
                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      RefContext rc = { c, n, NULL, FALSE, foreign, spans };
      RefText t;

      if (n->kind != AMEND_NODE_TEXT || n->heading_level > 0)
        continue;
      rc.article = amend_node_find_ancestor (n, AMEND_NODE_ARTICLE);
      rc.in_annex = is_in_annex (n);
      /* What an article cites as another act's holds for that article only. */
      if (rc.article != foreign_of)
        {
          g_hash_table_remove_all (foreign);
          foreign_of = rc.article;
        }
      if (rc.article == NULL)
        rc.foreign = NULL;
      g_array_set_size (spans, 0);
      ref_text_init (&t, n);
      check_article_refs (&rc, &t, absolute, separators);
      check_relative_refs (&rc, t.plain->str, relative);
      ref_text_clear (&t);
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
