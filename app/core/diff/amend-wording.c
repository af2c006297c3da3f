/* amend-wording.c: the Dutch words of the amendment instructions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Citations as Aanwijzing 3.29 of the Aanwijzingen voor de regelgeving
 * writes them ("het tweede lid", "onderdeel b", never "lid 2" or "sub b"),
 * and the name of a regulation with its article: "de APV Lindewaarde
 * 2027", "het Reglement van orde", taken from the head noun of its title.
 */
#include "config.h"

#include <string.h>

#include "amend-wording.h"

static const char *const ordinals[] = {
  "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
  "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
  "negentiende", "twintigste", "eenentwintigste", "tweeëntwintigste", "drieëntwintigste",
  "vierentwintigste", "vijfentwintigste",
};

static const char *const counts[] = {
  "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
  "elf", "twaalf",
};

/* Head nouns of the titles of Dutch regulations, by their article.  A
 * compound takes the article of its last part: "Afvalstoffenverordening"
 * is de, "Marktreglement" het. */
static const char *const het_nouns[] = {
  "besluit", "reglement", "statuut", "plan", "programma", "protocol", "convenant", "handboek", "kader",
  "beleid", "register", "mandaat", "decreet", "verdrag", "akkoord", "document", "stelsel", "systeem",
  "bestek", "verbod",
};

static const char *const de_nouns[] = {
  "verordening", "verordeningen", "wet", "wetten", "regeling", "regelingen", "regels", "regel", "instructie",
  "code", "richtlijn", "richtlijnen", "nota", "keur", "apv", "beschikking", "overeenkomst", "bepalingen",
  "voorschriften", "tarieven", "tabel", "legesverordening", "beleidsregel", "beleidsregels", "lijst",
  "keuren", "gedragscode", "procedure", "procedures", "reglementen", "besluiten", "plannen",
};

/* The head nouns of de_nouns that are plural: "De Beleidsregels ...
 * worden als volgt gewijzigd". */
static const char *const plural_nouns[] = {
  "verordeningen", "wetten", "regelingen", "regels", "richtlijnen", "bepalingen", "voorschriften", "tarieven",
  "keuren", "procedures", "reglementen", "besluiten", "plannen",
};

static gboolean
ends_with_noun (const char         *word,
                const char *const  *nouns,
                gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_has_suffix (word, nouns[i]))
      return TRUE;
  return FALSE;
}

/* "de" or "het" for one word of a title, NULL when it is not a noun this
 * knows. */
static const char *
article_of_word (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);

  if (ends_with_noun (lower, het_nouns, G_N_ELEMENTS (het_nouns)))
    return "het";
  if (ends_with_noun (lower, de_nouns, G_N_ELEMENTS (de_nouns)))
    return "de";
  return NULL;
}

/* Adjectives before the head noun end in -e ("Algemene", "Plaatselijke",
 * "Tijdelijke"). */
static gboolean
is_adjective (const char *word)
{
  gsize len = strlen (word);

  return len > 3 && word[len - 1] == 'e' && g_ascii_isalpha (word[0]);
}

/**
 * amend_wording_article_of:
 *
 * Returns: "de" or "het" for the title of a regulation, from its head
 *   noun; %NULL when the head noun is not one this knows.
 */
const char *
amend_wording_article_of (const char *title)
{
  g_auto(GStrv) words = NULL;

  if (title == NULL)
    return NULL;
  words = g_strsplit_set (title, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *article;

      if (words[i][0] == '\0')
        continue;
      article = article_of_word (words[i]);
      if (article != NULL)
        return article;
      if (!is_adjective (words[i]))
        return NULL;
    }
  return NULL;
}

/**
 * amend_wording_is_plural:
 *
 * Returns: whether the head noun of the title of a regulation is plural
 *   ("Beleidsregels parkeren", "Nadere regels ..."), so that the verb
 *   after it is too: "worden", not "wordt". %FALSE when the head noun is
 *   not one this knows (amend_wording_regulation() then says "de regeling").
 */
gboolean
amend_wording_is_plural (const char *title)
{
  g_auto(GStrv) words = NULL;

  if (title == NULL)
    return FALSE;
  words = g_strsplit_set (title, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = NULL;

      if (words[i][0] == '\0')
        continue;
      lower = g_utf8_strdown (words[i], -1);
      if (article_of_word (words[i]) != NULL)
        return ends_with_noun (lower, plural_nouns, G_N_ELEMENTS (plural_nouns));
      if (!is_adjective (words[i]))
        return FALSE;
    }
  return FALSE;
}

/**
 * amend_wording_regulation:
 *
 * Returns: the regulation as a sentence names it: "de APV Lindewaarde
 *   2027", "het Reglement van orde"; "de regeling Marktgelden 2027" when
 *   the article of the head noun is not known, so that no wrong article
 *   is written; "de regeling" without a title.
 */
char *
amend_wording_regulation (const char *title)
{
  const char *article = amend_wording_article_of (title);

  if (title == NULL || title[0] == '\0')
    return g_strdup ("de regeling");
  if (article == NULL)
    return g_strdup_printf ("de regeling %s", title);
  return g_strdup_printf ("%s %s", article, title);
}

/**
 * amend_wording_amendment:
 * @subamendment: whether the amendment is itself a subamendment
 *
 * Returns: an amendment as a sentence names it: het amendement "Zes
 *   weken", het subamendement "Vijf weken"; the title quoted, as the
 *   instructions quote words, since it is a name of many words.
 */
char *
amend_wording_amendment (const char *title,
                         gboolean    subamendment)
{
  return g_strdup_printf ("het %s \"%s\"", subamendment ? "subamendement" : "amendement", title ? title : "");
}

/* "eerste" for "1", "zesendertigste" for "36", "honderdste"; NULL when
 * @number is not a plain number from 1 to 100. */
char *
amend_wording_ordinal (const char *number)
{
  static const char *const tens[] = { "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
                                      "negentig" };
  char *end = NULL;
  guint64 n = number ? g_ascii_strtoull (number, &end, 10) : 0;

  if (end == NULL || end == number || *end != '\0' || n < 1 || n > 100)
    return NULL;
  if (n <= G_N_ELEMENTS (ordinals))
    return g_strdup (ordinals[n - 1]);
  if (n == 100)
    return g_strdup ("honderdste");
  if (n % 10 == 0)
    return g_strdup_printf ("%sste", tens[n / 10 - 2]);
  {
    const char *unit = counts[n % 10 - 1];
    /* tweeëntwintigste, drieëndertigste: the diaeresis after an e. */
    gboolean e = g_str_has_suffix (unit, "e");

    return g_strdup_printf ("%s%s%sste", unit, e ? "ën" : "en", tens[n / 10 - 2]);
  }
}

/* "tweede lid" for "2" (3.29); "lid 2a" for what has no ordinal. */
char *
amend_wording_member (const char *number)
{
  g_autofree char *ordinal = amend_wording_ordinal (number);

  if (ordinal != NULL)
    return g_strdup_printf ("%s lid", ordinal);
  return g_strdup_printf ("lid %s", number ? number : "");
}

/* The label of a point without its full stop or bracket: "b", "2°". */
char *
amend_wording_point (const char *number)
{
  gsize len = number ? strlen (number) : 0;

  while (len > 0 && (number[len - 1] == '.' || number[len - 1] == ')'))
    len--;
  return g_strndup (number ? number : "", len);
}

const char *
amend_wording_count (guint n)
{
  if (n >= 1 && n <= G_N_ELEMENTS (counts))
    return counts[n - 1];
  return NULL;
}

/* How often a change is made where it is the same at every place:
 * "tweemaal", "driemaal", written as one word; "telkens" past twelve. */
char *
amend_wording_times (guint n)
{
  const char *count = n >= 2 ? amend_wording_count (n) : NULL;

  if (count == NULL)
    return g_strdup ("telkens");
  return g_strconcat (count, "maal", NULL);
}

/* The noun a citation uses for a kind: "artikel", "hoofdstuk". */
const char *
amend_wording_kind (AmendNodeKind kind)
{
  switch (kind)
    {
    case AMEND_NODE_CHAPTER: return "hoofdstuk";
    case AMEND_NODE_TITLE: return "titel";
    case AMEND_NODE_DIVISION: return "afdeling";
    case AMEND_NODE_SECTION: return "paragraaf";
    case AMEND_NODE_ANNEX: return "bijlage";
    case AMEND_NODE_ARTICLE: return "artikel";
    case AMEND_NODE_MEMBER: return "lid";
    case AMEND_NODE_POINT: return "onderdeel";
    case AMEND_NODE_TEXT: return "alinea";
    case AMEND_NODE_EXPLANATION: return "toelichting";
    case AMEND_NODE_CLOSING: return "ondertekening";
    case AMEND_NODE_PREAMBLE: return "aanhef";
    default: return "regeling";
    }
}

/* The article of that noun: "het artikel", "de paragraaf", for an element
 * without a number. */
const char *
amend_wording_kind_article (AmendNodeKind kind)
{
  switch (kind)
    {
    case AMEND_NODE_CHAPTER:
    case AMEND_NODE_ARTICLE:
    case AMEND_NODE_MEMBER:
    case AMEND_NODE_POINT:
      return "het";
    default:
      return "de";
    }
}

const char *
amend_wording_kind_plural (AmendNodeKind kind)
{
  switch (kind)
    {
    case AMEND_NODE_CHAPTER: return "hoofdstukken";
    case AMEND_NODE_TITLE: return "titels";
    case AMEND_NODE_DIVISION: return "afdelingen";
    case AMEND_NODE_SECTION: return "paragrafen";
    case AMEND_NODE_ANNEX: return "bijlagen";
    case AMEND_NODE_ARTICLE: return "artikelen";
    case AMEND_NODE_MEMBER: return "leden";
    case AMEND_NODE_POINT: return "onderdelen";
    case AMEND_NODE_TEXT: return "alinea's";
    default: return "onderdelen";
    }
}

/* @text with its first letter changed by @change. */
static char *
first_letter (const char *text,
              gunichar  (*change) (gunichar c))
{
  char buf[8];
  int len;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  len = g_unichar_to_utf8 (change (g_utf8_get_char (text)), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

char *
amend_wording_capitalize (const char *text)
{
  return first_letter (text, g_unichar_toupper);
}

/* "artikel 2" for "Artikel 2": the start of a sentence inside another. */
char *
amend_wording_decapitalize (const char *text)
{
  return first_letter (text, g_unichar_tolower);
}

/* "a", "a en b", "a, b en c". */
char *
amend_wording_list (GPtrArray *items)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == items->len ? " en " : ", ");
      g_string_append (s, g_ptr_array_index (items, i));
    }
  return g_string_free (s, FALSE);
}
