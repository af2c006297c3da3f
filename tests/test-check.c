/* test-check.c: structural findings, with their lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-check.h"
#include "amend-test-util.h"

static GPtrArray *
check (const char *markdown)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (markdown);

  return amend_document_check (doc);
}

static gboolean
has_finding (GPtrArray     *findings,
             AmendSeverity  severity,
             guint          line,
             const char    *needle)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (findings, i);
      if (d->severity == severity && d->line == line && strstr (d->message, needle))
        return TRUE;
    }
  return FALSE;
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = amend_diagnostic_format (g_ptr_array_index (findings, i), "t.md");
      g_test_message ("%s", line);
    }
}

static void
test_clean (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\n1. Zie artikel 2, tweede lid, onderdeel b.\n2. Het eerste lid geldt.\n\n"
    "# Artikel 2\n\n1. Een.\n2. Twee:\n   - a. a;\n   - b. b.\n\n"
    "# Artikel 3\n\nZoals bedoeld in artikel 149 van de Gemeentewet en artikel 1 van deze verordening.\n");

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_duplicates (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\nEen.\n\n# Artikel 2\n\n1. Een.\n1. Nog een.\n\n# Artikel 2\n\nDubbel.\n\n"
    "# Artikel 3\n\nIntro:\n\n- a. een;\n- a. twee.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 10, "Artikel 2 is numbered the same"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 8, "member 1 is numbered the same"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 19, "point a. is numbered the same"));
}

static void
test_gaps_and_order (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\nEen.\n\n# Artikel 2\n\nTwee.\n\n# Artikel 4\n\nVier.\n\n# Artikel 4a\n\nIngevoegd.\n\n"
    "# Artikel 3\n\n2. Twee.\n3. Drie.\n5. Vijf.\n4. Vier.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 9, "skips from 2 to 4"));
  g_assert_false (has_finding (findings, AMEND_SEVERITY_WARNING, 13, "skips")); /* 4a after 4 is fine */
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 17, "out of order"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 19, "member 2 should be numbered from 1"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 21, "skips from 3 to 5"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 22, "member 4 is out of order"));
}

static void
test_references (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\n1. Zie artikel 12.\n2. Zie artikel 3, tweede lid.\n3. Zie artikel 2, eerste lid, onderdeel c.\n"
    "4. Zie het vijfde lid.\n5. Zie de artikelen 2 en 9.\n\n"
    "# Artikel 2\n\n1. Een:\n   - a. a;\n   - b. b.\n\n# Artikel 3\n\n1. Een.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 3, "article 12, which does not exist"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 4, "article 3 has no member 2"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 5, "has no point c"));
  g_assert_false (has_finding (findings, AMEND_SEVERITY_ERROR, 6, "no member 5")); /* it exists */
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 7, "article 9, which does not exist"));
  g_assert_false (has_finding (findings, AMEND_SEVERITY_ERROR, 7, "article 2,"));
}

static void
test_empty_article (void)
{
  g_autoptr(GPtrArray) findings = check ("# Artikel 1\n\n# Artikel 2\n\nTekst.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 1, "Artikel 1 is empty"));
  g_assert_cmpuint (findings->len, ==, 1);
  g_ptr_array_unref (findings);
  /* With a title: a reserved place, as STOP's Gereserveerd is imported. */
  findings = check ("# Artikel 1 Toedeling functie landelijk gebied\n\n# Artikel 2\n\nTekst.\n");
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 1, "has a title but no text: the exports write it as "
                                                                   "a reserved place (Gereserveerd)"));
  g_assert_cmpuint (findings->len, ==, 1);
}

/* References into other acts and into this one, one sentence each, in
 * article 1 of a regulation with articles 1 to 3 (article 2 has members 1
 * and 2, member 1 points a and b); @error is what must be reported, NULL
 * for nothing. */
static const struct {
  const char *sentence;
  const char *error;
} references[] = {
  /* another act, whatever stands between the number and the act */
  { "Zie artikel 20a van de Wegenverkeerswet 1994.", NULL },
  { "Zie artikel 2.12, eerste lid, onderdeel a, onder 3\xc2\xb0, van de Wet algemene bepalingen omgevingsrecht.", NULL },
  { "Zie de artikelen 5, 20 en 21 van de Opiumwet.", NULL },
  { "Zie de artikelen 50, derde lid, 51, derde lid, en 52, derde lid, van de Wet wapens en munitie.", NULL },
  { "Zie artikel 141 en artikel 142, eerste lid, aanhef en onder a en b, van het Wetboek van Strafvordering.", NULL },
  { "Zie artikel 17b, vierde, vijfde en zesde lid, van de Financi\xc3\xable-verhoudingswet.", NULL },
  { "Zie artikel 51 en 52, eerste lid, juncto artikel 8, tweede lid, van de Wet gemeenschappelijke regelingen.", NULL },
  { "Zie artikel 20.1 lid 3 juncto Bijlage 1 onderdeel D van het Besluit omgevingsrecht.", NULL },
  { "Zie de artikelen 15a, tweede tot en met zesde lid, en 15b van Boek 3 van het Burgerlijk Wetboek.", NULL },
  { "Zie artikel 15, derde lid, eerste alinea, van de in artikel 2 genoemde verordening.", NULL },
  { "Zie artikel 140 van het Wetboek van Strafrecht.", NULL },
  { "De artikelen 5, 6 tot en met 9 en 12 van die wet blijven buiten toepassing.", NULL },
  { "Bij de invordering blijven van de Invorderingswet 1990 buiten toepassing de artikelen 5, 7c en 69.", NULL },
  { "Zie [artikel 44](https://wetten.overheid.nl/BWBR0001854#Artikel44).", NULL },
  /* this act */
  { "Zie artikel 12.", "reference to article 12, which does not exist" },
  { "Zie artikel 12 van deze verordening.", "reference to article 12, which does not exist" },
  { "Artikel 12 is van overeenkomstige toepassing.", "reference to article 12, which does not exist" },
  { "Zie de artikelen 2, 3 en 9.", "reference to article 9, which does not exist" },
  { "Zie artikel 5.27.", "if another act’s article is meant, name the act after the number (“artikel 5.27 van de" },
  { "Zie artikel 9 van hoofdstuk 3.", "reference to article 9, which does not exist" },
  { "Zie [artikel 9](#art_9).", "reference to article 9, which does not exist" },
  { "Op grond van de Opiumwet, en gelet op artikel 9, beslist het college.", "reference to article 9, which does not exist" },
  { "Zie artikel 2, derde lid.", "article 2 has no member 3" },
  { "Zie artikel 2, eerste lid, onderdeel c.", "member 1 of article 2 has no point c" },
  { "Zie artikel 2, eerste lid, onderdeel b.", NULL },
  /* relative references */
  { "Artikel 2, behoudens het tweede lid, is van overeenkomstige toepassing.", NULL },
  { "Artikel 2, behoudens het derde lid, is van overeenkomstige toepassing.", "article 2 has no member 3" },
  { "Artikel 44 van de Opiumwet, behoudens het zesde lid, geldt.", NULL },
  { "Het zesde lid geldt niet.", "article 1 has no member 6" },
};

static void
test_reference_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *md = g_strdup_printf ("# Artikel 1\n\n1. %s\n2. Twee.\n\n# Artikel 2\n\n1. Een:\n   - a. a;\n"
                                             "   - b. b.\n2. Twee.\n\n# Artikel 3\n\nDrie.\n", references[i].sentence);
      g_autoptr(GPtrArray) findings = check (md);

      g_test_message ("%s", references[i].sentence);
      dump (findings);
      if (references[i].error == NULL)
        g_assert_cmpuint (findings->len, ==, 0);
      else
        {
          g_assert_cmpuint (findings->len, ==, 1);
          g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 3, references[i].error));
        }
    }
}

/* What an article cites as another act's, it may cite again without
 * naming the act (Awb, artikel 8:22). */
static void
test_reference_back (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\n1. De artikelen 25, 27 en 31 van de Faillissementswet zijn van toepassing.\n"
    "2. De artikelen 25, tweede lid, en 27 vinden geen toepassing.\n\n"
    "# Artikel 2\n\nArtikel 25 geldt.\n");

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 1); /* in article 2 it is this act's again */
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 8, "article 25, which does not exist"));
}

/* A Bijlage lists other acts' articles ("Gemeentewet: artikel 124") or
 * numbers its own: only "van deze verordening" is checked there, and its
 * articles are numbered apart from the regulation's. */
static void
test_annex (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\nEen.\n\n# Artikel 2\n\nTwee.\n\n"
    "# Bijlage 1\n\n## Artikel 1\n\nGemeentewet: artikel 124, eerste lid.\n\n"
    "## Artikel 2\n\nZie artikel 9 van deze verordening.\n");

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 17, "article 9, which does not exist"));
}

/* A run of letters decides: C, D are letters; i. after h. is one too; i.,
 * ii., iii. are numerals.  A list that starts again is a warning. */
static void
test_letter_runs (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Hoofdstuk A\n\n## Artikel 1\n\nEen.\n\n# Hoofdstuk B\n\n## Artikel 2\n\nTwee.\n\n"
    "# Hoofdstuk C\n\n## Artikel 3\n\nOnder:\n\n- h. acht;\n- i. negen;\n- j. tien.\n\n"
    "# Hoofdstuk D\n\n## Artikel 4\n\nOnder:\n\n- i. een;\n- ii. twee;\n- iii. drie;\n- iv. vier;\n- v. vijf;\n- vii. zeven.\n\n"
    "# Hoofdstuk F\n\n## Artikel 5\n\nOnder:\n\n- a. een;\n- b. twee;\n- a. weer;\n- b. weer;\n- b. dubbel.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 34, "skips from v. to vii."));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 36, "skips from D to F"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 44, "point a. starts the list again after point b."));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 46, "point b. is numbered the same"));
  g_assert_cmpuint (findings->len, ==, 4);
}

/* Members (1), (2) and points (a), (b) are found by their numbers. */
static void
test_paren_numbers (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\n(1) Zie het tweede lid, onder b.\n\n(2) Twee:\n- (a) a;\n- (b) b.\n\n"
    "# Artikel 2\n\nZie artikel 1, derde lid.\n");

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 11, "article 1 has no member 3"));
}

static void
test_example_is_clean (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autoptr(AmendDocument) doc = amend_test_parse_file (path);
  g_autoptr(GPtrArray) findings = amend_document_check (doc);

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/duplicates", test_duplicates);
  g_test_add_func ("/check/gaps-and-order", test_gaps_and_order);
  g_test_add_func ("/check/references", test_references);
  g_test_add_func ("/check/empty-article", test_empty_article);
  g_test_add_func ("/check/reference-table", test_reference_table);
  g_test_add_func ("/check/reference-back", test_reference_back);
  g_test_add_func ("/check/annex", test_annex);
  g_test_add_func ("/check/letter-runs", test_letter_runs);
  g_test_add_func ("/check/paren-numbers", test_paren_numbers);
  g_test_add_func ("/check/example-is-clean", test_example_is_clean);
  return g_test_run ();
}
