/* test-merge-splice.c: the merge of changes to different parts, beside the structural merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real laws from ../shared/corpus/ in canonical form are the base; two
 * sides edit them as amendments do (a sentence added to an article, an
 * article inserted, one renumbered), and every merge the fast way takes
 * must be the structural merge's, byte for byte; what it declines must be
 * what the structural merge has to decide (a conflict, a renumbering, a
 * loose text).
 */
#include "config.h"

#include <string.h>

#include "amend-document-private.h"
#include "amend-merge.h"
#include "amend-merge-splice.h"
#include "amend-test-util.h"

static const char *const laws[] = {
  "corpus/nl-wetten/BWBR0005416_gemeentewet.md",
  "corpus/nl-wetten/BWBR0005537_algemene-wet-bestuursrecht.md",
  "corpus/nl-wetten/BWBR0001941_opiumwet.md",
  "corpus/nl-wetten/BWBR0002458_drank-en-horecawet.md",
  "corpus/nl-wetten-historie/001.md",
  "corpus/nl-wetten-historie/010.md",
};

/* A law of the corpus in canonical form, or NULL (skipped) when absent. */
static char *
canonical_law (const char *relative,
               char      **loose)
{
  g_autofree char *path = amend_test_shared_path (relative);
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *text = NULL;

  if (path == NULL)
    return NULL;
  text = amend_test_read_file (path, NULL);
  doc = amend_document_new_from_data (text, strlen (text), NULL);
  g_assert_nonnull (doc);
  if (loose)
    *loose = g_steal_pointer (&text);
  return amend_document_to_markdown (doc);
}

/* The lines of the article headings (outside Toelichting), in order. */
static GArray *
article_lines (char **lines)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; lines[i]; i++)
    {
      const char *p = lines[i];

      if (g_str_has_prefix (p, "#") && strstr (p, " Toelichting") != NULL)
        break;
      while (*p == '#')
        p++;
      if (p != lines[i] && g_str_has_prefix (p, " Artikel "))
        g_array_append_val (found, i);
    }
  return found;
}

/* @text with @words added to the first plain line of its @n-th article. */
static char *
add_words (const char *text,
           guint       n,
           const char *words)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GArray) heads = article_lines (lines);
  guint h;

  g_assert_cmpuint (n, <, heads->len);
  h = g_array_index (heads, guint, n);
  for (guint i = h + 1; lines[i] && lines[i][0] != '#'; i++)
    if (lines[i][0] != '\0' && !g_str_has_suffix (lines[i], "\\") && !g_str_has_suffix (lines[i], ":"))
      {
        char *longer = g_strconcat (lines[i], " ", words, NULL);

        g_free (lines[i]);
        lines[i] = longer;
        return g_strjoinv ("\n", lines);
      }
  return NULL;
}

/* @text with the heading of its @n-th article given the number @number. */
static char *
renumber (const char *text,
          guint       n,
          const char *number)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GArray) heads = article_lines (lines);
  guint h = g_array_index (heads, guint, n);
  g_auto(GStrv) words = g_strsplit (lines[h], " ", 4);

  g_free (lines[h]);
  lines[h] = g_strdup_printf ("%s %s %s%s%s", words[0], words[1], number,
                              words[2] && words[3] ? " " : "", words[2] && words[3] ? words[3] : "");
  return g_strjoinv ("\n", lines);
}

typedef struct {
  char  *text;
  guint  conflicts;
} Full;

static Full
full_merge (const char *base,
            const char *ours,
            const char *theirs)
{
  g_autoptr(AmendDocument) b = amend_document_new_from_data (base, strlen (base), NULL);
  g_autoptr(AmendDocument) o = amend_document_new_from_data (ours, strlen (ours), NULL);
  g_autoptr(AmendDocument) t = amend_document_new_from_data (theirs, strlen (theirs), NULL);
  g_autoptr(AmendMerge) merge = amend_merge_documents (b, o, t);

  g_assert_nonnull (merge);
  return (Full) { g_strdup (amend_merge_get_markdown (merge)), amend_merge_get_conflicts (merge)->len };
}

/* _amend_markdown_is_canonical(), remembered: the same sides come back
 * in many merges here, and reading a whole law costs. */
static gboolean
is_canonical (const char *text)
{
  static GHashTable *known;
  gpointer answer;

  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (known, text, NULL, &answer))
    {
      answer = GINT_TO_POINTER (_amend_markdown_is_canonical (text, strlen (text), NULL));
      g_hash_table_insert (known, g_strdup (text), answer);
    }
  return GPOINTER_TO_INT (answer);
}

/* Merges both ways; returns whether the fast way was taken, after
 * checking it gave the structural merge's bytes and a model of them.
 * When both sides are canonical, the splice that trusts them to be (and
 * so does not read its result) must give the same answer: the proof in
 * amend-merge-splice.c, tried on every merge here. */
static gboolean
compare (const char *base,
         const char *ours,
         const char *theirs)
{
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *fast = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                               theirs, strlen (theirs), FALSE, &doc);
  Full full;

  if (is_canonical (ours) && is_canonical (theirs))
    {
      g_autofree char *trusted = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                                      theirs, strlen (theirs), TRUE, NULL);
      g_assert_cmpstr (trusted, ==, fast);
    }
  if (fast == NULL)
    {
      g_assert_null (doc);
      return FALSE;
    }
  full = full_merge (base, ours, theirs);
  g_assert_cmpuint (full.conflicts, ==, 0);
  g_assert_cmpstr (fast, ==, full.text);
  g_assert_nonnull (doc);
  g_free (full.text);
  return TRUE;
}

static void
test_one_side (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (laws); k++)
    {
      g_autofree char *base = canonical_law (laws[k], NULL);
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;

      if (base == NULL)
        return;
      ours = add_words (base, 3, "Aldus gewijzigd door de raad.");
      g_assert_nonnull (ours);
      g_assert_true (compare (base, ours, base));
      g_assert_true (compare (base, base, ours));
      /* Nothing changed on either side, and the same change on both. */
      g_assert_true (compare (base, base, base));
      g_assert_false (compare (base, ours, ours));
    }
}

static void
test_different_articles (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (laws); k++)
    {
      g_autofree char *base = canonical_law (laws[k], NULL);
      g_autoptr(GString) ours = NULL;
      g_autoptr(GString) theirs = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GArray) heads = NULL;

      if (base == NULL)
        return;
      lines = g_strsplit (base, "\n", -1);
      heads = article_lines (lines);
      ours = g_string_new (base);
      theirs = g_string_new (base);
      /* Every tenth article on one side, the one after it on the other:
       * neighbours too. */
      for (guint n = 2; n + 1 < heads->len; n += 10)
        {
          char *o = add_words (ours->str, n, "Gewijzigd door de raad.");
          char *t = add_words (theirs->str, n + 1, "Gewijzigd door het amendement.");

          if (o)
            g_string_assign (ours, o);
          if (t)
            g_string_assign (theirs, t);
          g_free (o);
          g_free (t);
        }
      g_assert_true (compare (base, ours->str, theirs->str));
    }
}

static void
test_same_article (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (laws); k++)
    {
      g_autofree char *base = canonical_law (laws[k], NULL);
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      Full full;

      if (base == NULL)
        return;
      ours = add_words (base, 5, "Gewijzigd door de raad.");
      theirs = add_words (base, 5, "Gewijzigd door het amendement.");
      /* The fast way declines; the structural merge finds the conflict. */
      g_assert_false (compare (base, ours, theirs));
      full = full_merge (base, ours, theirs);
      g_assert_cmpuint (full.conflicts, >=, 1);
      g_free (full.text);
    }
}

/* The line index of the @n-th line that starts with @prefix, or -1. */
static int
nth_line (char      **lines,
          const char *prefix,
          guint       n)
{
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix) && n-- == 0)
      return (int) i;
  return -1;
}

/* @text with a heading line put before line @at, or line @at and the
 * blank line after it taken out (@heading NULL). */
static char *
edit_line (const char *text,
           int         at,
           const char *heading)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (int i = 0; lines[i]; i++)
    {
      if (i == at && heading)
        g_string_append_printf (out, "%s\n\n", heading);
      if (i == at && !heading)
        {
          i++;
          continue;
        }
      g_string_append (out, lines[i]);
      if (lines[i + 1])
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* One side adds or removes a division heading, so that the articles after
 * it stand in another division, and the other edits one of those: the
 * structural merge decides (it finds a conflict in some of these).  A
 * division retitled in place, or a whole new one before the next, does not
 * move anything: taken by parts, the same bytes. */
static void
test_divisions (void)
{
  g_autofree char *base = canonical_law (laws[0], NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) heads = NULL;
  int chapter, next_chapter;
  guint n = 0;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *edited_first = NULL;
  g_autofree char *retitled = NULL;
  g_autofree char *new_chapter = NULL;
  g_autofree char *line = NULL;
  g_autofree char *twice = NULL;

  if (base == NULL)
    return;
  lines = g_strsplit (base, "\n", -1);
  heads = article_lines (lines);
  chapter = nth_line (lines, "## Hoofdstuk ", 1);
  next_chapter = nth_line (lines, "## Hoofdstuk ", 2);
  g_assert_cmpint (chapter, >, 0);
  g_assert_cmpint (next_chapter, >, chapter);
  while ((int) g_array_index (heads, guint, n) < chapter)
    n++;
  g_assert_cmpint ((int) g_array_index (heads, guint, n + 4), <, next_chapter);
  added = edit_line (base, (int) g_array_index (heads, guint, n + 1), "## Hoofdstuk IIa Nieuw");
  removed = edit_line (base, chapter, NULL);
  edited = add_words (base, n + 3, "Gewijzigd door het amendement.");
  edited_first = add_words (base, n, "Gewijzigd door het amendement.");
  g_assert_false (compare (base, added, edited));
  g_assert_false (compare (base, edited, added));
  g_assert_false (compare (base, removed, edited));
  g_assert_false (compare (base, edited_first, removed));

  line = g_strconcat (lines[chapter], " en haar leden", NULL);
  twice = edit_line (base, chapter, line);
  retitled = edit_line (twice, chapter + 2, NULL);
  g_assert_true (compare (base, retitled, edited));
  g_assert_true (compare (base, edited, retitled));
  new_chapter = edit_line (base, next_chapter, "## Hoofdstuk IIz Nieuw\n\n### Artikel 9999z1\n\nNieuwe tekst.");
  g_assert_true (compare (base, new_chapter, edited));
  g_assert_true (compare (base, edited_first, new_chapter));
}

static void
test_insert_and_renumber (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (laws); k++)
    {
      g_autofree char *base = canonical_law (laws[k], NULL);
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      g_autofree char *inserted = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GArray) heads = NULL;
      g_autofree char *number = NULL;
      g_auto(GStrv) words = NULL;

      if (base == NULL)
        return;
      lines = g_strsplit (base, "\n", -1);
      heads = article_lines (lines);
      words = g_strsplit (lines[g_array_index (heads, guint, 1)], " ", 4);
      /* Ours gives article 2 the number of article 1: the structural merge
       * pairs by number, so the fast way declines. */
      number = g_strdup (words[2]);
      ours = renumber (base, 2, number);
      theirs = add_words (base, 8, "Gewijzigd door het amendement.");
      g_assert_false (compare (base, ours, theirs));
      g_free (ours);
      /* Ours gives article 2 a new number and the other side edits
       * elsewhere: taken, the same bytes. */
      ours = renumber (base, 2, "9999z9");
      g_assert_true (compare (base, ours, theirs));
      /* Both give an article the same new number. */
      inserted = renumber (theirs, 4, "9999z9");
      g_assert_false (compare (base, ours, inserted));
    }
}

/* A text the reader reports an error in is merged as text, not
 * structurally: the fast way declines it, also where the bad byte is in
 * an article the result takes from the other side. */
static void
test_unclean (void)
{
  static const char *const bad[] = { "\x01", "\r", "\x7f", "\xff", "\xef\xbf\xbe" };
  g_autofree char *clean = canonical_law (laws[2], NULL);
  g_autofree char *ours = NULL;

  if (clean == NULL)
    return;
  ours = add_words (clean, 6, "Gewijzigd door de raad.");
  g_assert_true (compare (clean, ours, clean));
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autofree char *base = add_words (clean, 6, bad[k]);
      g_autofree char *theirs = add_words (base, 1, "Gewijzigd.");
      g_autofree char *fast = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                                   theirs, strlen (theirs), FALSE, NULL);
      /* The bad byte in an article only one side changed: that side's
       * parts that differ from the base's are scanned. */
      g_autofree char *side = add_words (clean, 1, bad[k]);
      g_autofree char *fast_side = _amend_merge_splice (clean, strlen (clean), ours, strlen (ours),
                                                        side, strlen (side), FALSE, NULL);

      g_assert_null (fast);
      g_assert_null (fast_side);
    }
  {
    /* A byte order mark before the base's text and theirs, which ours
     * drops: the result would have none. */
    g_autofree char *marked = g_strconcat ("\xef\xbb\xbf", clean, NULL);
    g_autofree char *theirs = add_words (marked, 1, "Gewijzigd.");
    g_autofree char *fast = _amend_merge_splice (marked, strlen (marked), ours, strlen (ours),
                                                 theirs, strlen (theirs), FALSE, NULL);

    g_assert_null (fast);
  }
}

static void
test_loose (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (laws); k++)
    {
      g_autofree char *loose = NULL;
      g_autofree char *base = canonical_law (laws[k], &loose);
      g_autofree char *ours = NULL;

      if (base == NULL)
        return;
      /* A law in the loose Markdown of elsewhere: the structural merge
       * writes it canonically, so the fast way must decline. */
      g_assert_cmpstr (loose, !=, base);
      ours = add_words (loose, 3, "Aldus gewijzigd.");
      if (ours == NULL)
        continue;
      g_assert_false (compare (loose, ours, loose));
    }
}

/* Sides trusted to be canonical (their blobs are in .git/amend/canonical)
 * are not read again: shown here with sides that are not, whose splice is
 * then taken as it is.  Only changes to articles are trusted so: a change
 * to any other part is read back, as before. */
static char *
replace_once (const char *text,
              const char *what,
              const char *with)
{
  const char *at = strstr (text, what);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, with, at + strlen (what));
}

static void
test_trusted_sides (void)
{
  const char *base = "# Hoofdstuk 1 Algemeen\n\n## Artikel 1 Een\n\nTekst   een.\n\n"
                     "## Artikel 2 Twee\n\nTekst twee.\n\n## Artikel 3 Drie\n\nTekst drie.\n";
  g_autofree char *ours = replace_once (base, "Tekst drie.", "Tekst drie, gewijzigd.");
  g_autofree char *theirs = replace_once (base, "Tekst twee.", "Tekst twee, gewijzigd.");
  g_autofree char *chapter = replace_once (base, "Algemeen", "Algemene bepalingen");
  g_autofree char *checked = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                                  theirs, strlen (theirs), FALSE, NULL);
  g_autofree char *trusted = _amend_merge_splice (base, strlen (base), ours, strlen (ours),
                                                  theirs, strlen (theirs), TRUE, NULL);
  g_autofree char *heading = _amend_merge_splice (base, strlen (base), chapter, strlen (chapter),
                                                  theirs, strlen (theirs), TRUE, NULL);

  /* "Tekst   een." is not canonical: read back, the splice is declined. */
  g_assert_false (_amend_markdown_is_canonical (base, strlen (base), NULL));
  g_assert_null (checked);
  g_assert_nonnull (trusted);
  g_assert_nonnull (strstr (trusted, "Tekst drie, gewijzigd."));
  g_assert_nonnull (strstr (trusted, "Tekst twee, gewijzigd."));
  g_assert_null (heading);

  {
    /* An "Artikel" heading in a Toelichting is its text, no article. */
    const char *explained = "# Artikel 1\n\nTekst   een.\n\n# Artikel 2\n\nTekst twee.\n\n"
                            "# Toelichting\n\n## Artikel 1\n\nUitleg een.\n\n## Artikel 2\n\nUitleg twee.\n";
    g_autofree char *article = replace_once (explained, "Tekst twee.", "Tekst twee, gewijzigd.");
    g_autofree char *explanation = replace_once (explained, "Uitleg twee.", "Uitleg twee, gewijzigd.");
    g_autofree char *both = _amend_merge_splice (explained, strlen (explained), article, strlen (article),
                                                 explanation, strlen (explanation), TRUE, NULL);

    g_assert_null (both);
  }
}

/* Merges found by test-merge-splice-fuzz where the parts alone gave
 * another text than the structural merge, or none where it found a
 * conflict; now declined, and what the structural merge makes of them. */
typedef struct {
  const char *base, *ours, *theirs;
} Case;

static void
test_seams (void)
{
  static const Case cases[] = {
    /* An article inserted before a free heading at its level takes the
     * heading; the article the other side inserted after it comes first
     * by number. */
    { "# Artikel 3\n\nTekst 3.\n\n# Weigering\n\nOnder de kop.\n\n# Artikel 4\n\nTekst 4.\n",
      "# Artikel 3\n\nTekst 3.\n\n# Weigering\n\nOnder de kop.\n\n# Artikel 4a\n\nNieuw 4a.\n\n# Artikel 4\n\nTekst 4.\n",
      "# Artikel 3\n\nTekst 3.\n\n# Artikel 5a\n\nNieuw 5a.\n\n# Weigering\n\nOnder de kop.\n\n# Artikel 4\n\nTekst 4.\n" },
    /* A free heading inserted right after an article the other side
     * changed stands in that article (in its last member). */
    { "# Artikel 3\n\n1. Lid 3.\n\n2a. Lid met letter.\n\n# Artikel 4\n\nTekst 4.\n",
      "# Artikel 3\n\n1. Lid 3.\n\n2a. Lid met letter.\n\nGewijzigd.\n\n# Artikel 4\n\nTekst 4.\n",
      "# Artikel 3\n\n1. Lid 3.\n\n2a. Lid met letter.\n\n# Vergunning\n\nNieuw.\n\n# Artikel 4 Titel\n\nTekst 4.\n" },
    /* Text added to a chapter, an article inserted at its start. */
    { "# Hoofdstuk 2\n\n## Artikel 1 Vergunning\n\nTekst 1.\n",
      "# Hoofdstuk 2\n\nGewijzigd.\n\n## Artikel 1 Vergunning\n\nTekst 1.\n",
      "# Hoofdstuk 2\n\n## Artikel 1a\n\nNieuw.\n\n## Artikel 1 Vergunning\n\nTekst 1, gewijzigd.\n" },
    /* Both insert articles at one seam, with a change on either side. */
    { "# Artikel 2\n\nTekst 2.\n\n# Artikel 3\n\nTekst 3.\n",
      "# Artikel 2\n\nTekst 2.\n\n# Artikel 2a\n\nNieuw 2a.\n\n# Artikel 3\n\nTekst 3, gewijzigd.\n",
      "# Artikel 2\n\nTekst 2, gewijzigd.\n\n# Artikel 3a\n\nNieuw 3a.\n\n# Artikel 3\n\nTekst 3.\n" },
    /* In a Toelichting its "Artikel" headings are text: a paragraph added
     * under one and a heading inserted after it are two insertions in
     * the Toelichting.  Only "articles" change: the trusted way too. */
    { "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\n## Artikel 2\n\nUitleg 2.\n",
      "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\nMeer uitleg.\n\n## Artikel 2\n\nUitleg 2.\n",
      "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\n## Artikel 1a\n\nUitleg 1a.\n\n"
      "## Artikel 2 Titel\n\nUitleg 2.\n" },
    { "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\n## Artikel 2\n\nUitleg 2.\n\n## Artikel 3\n\nUitleg 3.\n",
      "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\nGeen opmerkingen.\n\n## Artikel 2\n\nUitleg 2.\n\n## Artikel 3\n\nUitleg 3.\n",
      "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\n## Artikel 2\n\nUitleg 2.\n\n## Artikel 3\n\nUitleg 3.\n\nGeen opmerkingen.\n" },
    /* Numbers that clash across a division: ours renumbers article 3 to
     * 4 in place, theirs inserts an article 3a at the start of the next
     * chapter; each side is in order, together 4 comes before 3a.  The
     * structural merge makes that a conflict of kind numbering. */
    { "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst 1.\n\n## Artikel 3\n\nTekst 3.\n\n# Hoofdstuk 2\n\n## Artikel 5\n\nTekst 5.\n",
      "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst 1.\n\n## Artikel 4\n\nTekst 3.\n\n# Hoofdstuk 2\n\n## Artikel 5\n\nTekst 5.\n",
      "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst 1.\n\n## Artikel 3\n\nTekst 3.\n\n# Hoofdstuk 2\n\n## Artikel 3a\n\nNieuw 3a.\n\n## Artikel 5\n\nTekst 5.\n" },
    /* Two insertions that do the same: ours adds article 4 at the end of
     * one chapter, theirs 3a at the start of the next. */
    { "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst 1.\n\n## Artikel 3\n\nTekst 3.\n\n# Hoofdstuk 2\n\n## Artikel 5\n\nTekst 5.\n",
      "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst 1.\n\n## Artikel 3\n\nTekst 3.\n\n## Artikel 4\n\nNieuw 4.\n\n# Hoofdstuk 2\n\n## Artikel 5\n\nTekst 5.\n",
      "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst 1.\n\n## Artikel 3\n\nTekst 3.\n\n# Hoofdstuk 2\n\n## Artikel 3a\n\nNieuw 3a.\n\n## Artikel 5\n\nTekst 5.\n" },    /* An article after the Toelichting, at its level, is an article to
     * the reader, not text of the Toelichting: its number clashes with
     * the one ours inserted. */
    { "# Artikel 1\n\nTekst 1.\n\n# Artikel 2\n\nTekst 2.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n",
      "# Artikel 1\n\nTekst 1.\n\n# Artikel 2\n\nTekst 2.\n\n# Artikel 2b\n\nNieuw 2b.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n",
      "# Artikel 1\n\nTekst 1.\n\n# Artikel 2\n\nTekst 2.\n\n# Toelichting\n\n## Artikel 1\n\nUitleg 1.\n\n# Artikel 2a\n\nNieuw 2a.\n" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const Case *c = &cases[k];

      g_assert_true (is_canonical (c->base));
      g_assert_true (is_canonical (c->ours));
      g_assert_true (is_canonical (c->theirs));
      g_assert_false (compare (c->base, c->ours, c->theirs));
      g_assert_false (compare (c->base, c->theirs, c->ours));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge-splice/one-side", test_one_side);
  g_test_add_func ("/merge-splice/different-articles", test_different_articles);
  g_test_add_func ("/merge-splice/same-article", test_same_article);
  g_test_add_func ("/merge-splice/insert-and-renumber", test_insert_and_renumber);
  g_test_add_func ("/merge-splice/divisions", test_divisions);
  g_test_add_func ("/merge-splice/unclean", test_unclean);
  g_test_add_func ("/merge-splice/trusted-sides", test_trusted_sides);
  g_test_add_func ("/merge-splice/loose", test_loose);
  g_test_add_func ("/merge-splice/seams", test_seams);
  return g_test_run ();
}
