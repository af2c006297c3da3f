/* amend-heading.c: what a heading says it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A heading's first word gives its kind (Hoofdstuk, Titel, Afdeling,
 * Paragraaf or §, Artikel, Bijlage, Toelichting, Ondertekening), then comes
 * its number as written, then its title.  The grammar of numbers is the
 * one of real Dutch regulations:
 *
 *   1  1:1  2.3a  10.1.2  5A  4z1  25a1  132e1  2.2.a1  3:259a*
 *   IV  IVa  IA  IVA  VIIA  A  A1
 *
 * Arabic numbers are segments joined by "." or ":", each a run of digits
 * and letters alternating (a later segment may start with a letter); a
 * roman numeral may carry one letter of either case; a capital letter may
 * carry digits; any of them may end in "*" (BWB marks some articles so).
 * The reader (amend-markdown-reader.c) and the XML import share this, so
 * that an import never writes a number the reader would not read back.
 */
#include "config.h"

#include <string.h>

#include "amend-document-private.h"

static const struct {
  const char   *word;
  AmendNodeKind kind;
  gboolean      needs_number;
} heading_words[] = {
  { "hoofdstuk",     AMEND_NODE_CHAPTER,     TRUE },
  { "titel",         AMEND_NODE_TITLE,       TRUE },
  { "afdeling",      AMEND_NODE_DIVISION,    TRUE },
  { "paragraaf",     AMEND_NODE_SECTION,     TRUE },
  { "\xc2\xa7",      AMEND_NODE_SECTION,     TRUE },
  { "artikel",       AMEND_NODE_ARTICLE,     TRUE },
  { "bijlage",       AMEND_NODE_ANNEX,       FALSE },
  { "toelichting",   AMEND_NODE_EXPLANATION, FALSE },
  { "ondertekening", AMEND_NODE_CLOSING,     FALSE },
};

/* The letters of a roman numeral, as a value; -1 when they are not one
 * written the usual way ("IIII", "VX" and "IC" are not). */
static int
roman_value (const char *s,
             gsize       len)
{
  static const char *const forms[4][10] = {
    { "", "M", "MM", "MMM", NULL },
    { "", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM" },
    { "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC" },
    { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" },
  };
  gsize i = 0;
  int value = 0;

  if (len == 0)
    return -1;
  for (guint place = 0; place < 4; place++)
    {
      guint best = 0;
      gsize best_len = 0;

      /* The longest form that fits at this place. */
      for (guint digit = 1; digit < 10 && forms[place][digit] != NULL; digit++)
        {
          gsize flen = strlen (forms[place][digit]);

          if (flen > best_len && flen <= len - i && memcmp (s + i, forms[place][digit], flen) == 0)
            {
              best = digit;
              best_len = flen;
            }
        }
      i += best_len;
      value = value * 10 + (int) best;
    }
  return i == len && value > 0 ? value : -1;
}

/* "4", "4z1", "25a1", "5A", "a1" (when @letter_first): runs of digits and
 * letters, alternating; returns the length, 0 when there is none. */
static gsize
scan_segment (const char *s,
              gsize       len,
              gboolean    letter_first)
{
  gsize i = 0;
  guint runs = 0;

  if (len == 0 || !(g_ascii_isdigit (s[0]) || (letter_first && g_ascii_isalpha (s[0]))))
    return 0;
  while (i < len && runs < 4)
    {
      gsize start = i;

      if (g_ascii_isdigit (s[i]))
        while (i < len && g_ascii_isdigit (s[i]) && i - start < 6)
          i++;
      else
        while (i < len && g_ascii_isalpha (s[i]) && i - start < 4)
          i++;
      if (i == start)
        break;
      runs++;
      /* A run of letters longer than four is a word, not a number. */
      if (i < len && g_ascii_isalpha (s[i]) && g_ascii_isalpha (s[i - 1]))
        return 0;
      if (i < len && !g_ascii_isalnum (s[i]))
        break;
    }
  return i;
}

static gboolean
is_arabic (const char *s,
           gsize       len)
{
  gsize i = scan_segment (s, len, FALSE);

  if (i == 0)
    return FALSE;
  while (i < len)
    {
      gsize seg;

      if (s[i] != '.' && s[i] != ':')
        return FALSE;
      seg = scan_segment (s + i + 1, len - i - 1, TRUE);
      if (seg == 0)
        return FALSE;
      i += 1 + seg;
    }
  return TRUE;
}

/* IV, IVa, IA, VIIA: a roman numeral and at most one letter. */
static gboolean
is_roman_number (const char *s,
                 gsize       len)
{
  gsize prefix = 0;

  while (prefix < len && strchr ("IVXLCDM", s[prefix]) != NULL)
    prefix++;
  if (prefix == 0 || len - prefix > 1 || (prefix < len && !g_ascii_isalpha (s[prefix])))
    return FALSE;
  if (roman_value (s, prefix) > 0)
    return TRUE;
  /* "IIC": the last capital is the letter (but "IIII" is no numeral). */
  return prefix == len && prefix >= 2 && s[len - 1] != s[len - 2] && roman_value (s, prefix - 1) > 0;
}

/**
 * _amend_heading_is_number:
 *
 * Whether @s (@len bytes, without a trailing "." or ":") is a number the
 * reader takes after a kind word: see the grammar above.
 */
gboolean
_amend_heading_is_number (const char *s,
                          gsize       len)
{
  if (len > 0 && s[len - 1] == '*')
    len--;
  if (len == 0)
    return FALSE;
  if (g_ascii_isdigit (s[0]))
    return is_arabic (s, len);
  if (g_ascii_isupper (s[0]))
    {
      gsize i = 1;

      /* A, B, A1, B12 */
      while (i < len && g_ascii_isdigit (s[i]) && i < 5)
        i++;
      if (i == len)
        return TRUE;
      return is_roman_number (s, len);
    }
  return FALSE;
}

static const char *
skip_spaces (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

/* Which kind word @text starts with, as a whole word; -1 for none.
 * @word_end is set to where the word ends. */
static int
kind_word_at (const char  *text,
              const char **word_end)
{
  const char *p = skip_spaces (text);

  for (guint i = 0; i < G_N_ELEMENTS (heading_words); i++)
    {
      gsize wlen;
      const char *end;

      /* The first letter decides for most headings, before a compare. */
      if (g_ascii_tolower (*p) != heading_words[i].word[0])
        continue;
      wlen = strlen (heading_words[i].word);
      end = p + wlen;
      if (g_ascii_strncasecmp (p, heading_words[i].word, wlen) != 0)
        continue;
      /* A whole word: "Artikelen" and "Titelblad" are not kinds; "§1" is. */
      if (heading_words[i].kind != AMEND_NODE_SECTION || end[-1] != '\xa7')
        if (*end != '\0' && *end != ' ' && *end != '\t')
          continue;
      *word_end = end;
      return (int) i;
    }
  return -1;
}

/* The number token after the kind word: @num and its length without the
 * separator a loose file puts after it ("Hoofdstuk 1.", "Artikel 5:"). */
static gsize
number_token (const char  *p,
              const char **num_end)
{
  const char *end = p;
  gsize len;

  while (*end && *end != ' ' && *end != '\t')
    end++;
  *num_end = end;
  len = end - p;
  while (len > 0 && (p[len - 1] == '.' || p[len - 1] == ':'))
    len--;
  return len;
}

/**
 * _amend_heading_classify:
 *
 * "Artikel 1:1 - Begripsbepalingen" -> article, "1:1", and the rest of the
 * line (" - Begripsbepalingen") for the caller to make the title of.
 * Returns: %FALSE for a free heading.
 */
gboolean
_amend_heading_classify (const char   *text,
                         AmendHeading *info)
{
  const char *word_end, *num, *num_end;
  int i = kind_word_at (text, &word_end);
  gsize nlen;

  memset (info, 0, sizeof *info);
  if (i < 0)
    return FALSE;

  info->kind = heading_words[i].kind;
  info->section_sign = heading_words[i].kind == AMEND_NODE_SECTION && word_end[-1] == '\xa7';
  num = skip_spaces (word_end);
  nlen = number_token (num, &num_end);
  if (_amend_heading_is_number (num, nlen))
    {
      info->number = g_strndup (num, nlen);
      info->rest = num_end;
    }
  else if (heading_words[i].needs_number && *num != '\0')
    return FALSE; /* "Titel van de regeling" is free text */
  else
    info->rest = word_end;
  return TRUE;
}

/**
 * _amend_heading_lost_kind:
 *
 * For a heading that _amend_heading_classify() reads as free text: the kind
 * it starts with when what follows the word looks like a number Amend does
 * not read ("Hoofdstuk Kwanza", "Artikel 4-bis"), so that the reader can
 * say so; %AMEND_NODE_TEXT when it is plain text ("Titel van de regeling").
 * @number is set to the token after the word.
 */
AmendNodeKind
_amend_heading_lost_kind (const char  *text,
                          char       **number)
{
  const char *word_end, *num, *num_end;
  int i = kind_word_at (text, &word_end);

  *number = NULL;
  if (i < 0 || !heading_words[i].needs_number)
    return AMEND_NODE_TEXT;
  num = skip_spaces (word_end);
  /* A word in lower case is prose; anything else was meant as a number. */
  if (*num == '\0' || g_ascii_islower (*num))
    return AMEND_NODE_TEXT;
  *number = g_strndup (num, number_token (num, &num_end));
  return heading_words[i].kind;
}
