/* test-instructions.c: golden tests of the amendment instructions, one per
 * phrase of the Aanwijzingen voor de regelgeving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-instructions.h"
#include "amend-test-util.h"

static const char base[] =
  "# Artikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n\n- a. college: het college van burgemeester en wethouders;\n- b. raad: de gemeenteraad.\n\n"
  "# Artikel 2 Aanvraag\n\nEen aanvraag wordt schriftelijk ingediend bij het college.\n\n"
  "# Artikel 3 Beslistermijn\n\n1. Het college beslist binnen twee weken.\n2. Het college beslist binnen acht weken op een aanvraag om een vergunning.\n\n"
  "# Artikel 4 Weigering\n\n1. De vergunning kan worden geweigerd in het belang van de openbare orde.\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.\n\n"
  "# Artikel 5 Voorschriften\n\n1. Aan een vergunning kunnen voorschriften worden verbonden.\n2. De voorschriften betreffen:\n   - a. de openingstijden;\n   - b. het aantal bezoekers;\n   - c. de geluidsproductie.\n\n"
  "# Artikel 6 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n\n"
  "# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.\n";

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_nonnull (parts[1]); /* the test's own text must contain @from */
  return g_strconcat (parts[0], to, parts[1], NULL);
}

static void
check (const char *old_md,
       const char *new_md,
       const char *expected)
{
  g_autoptr(AmendDocument) a = amend_test_parse (old_md);
  g_autoptr(AmendDocument) b = amend_test_parse (new_md);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autofree char *got = amend_diff_to_instructions (diff);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) applied = amend_diff_apply (diff, a, &error);
  g_autofree char *applied_md = NULL;
  g_autofree char *new_canonical = amend_document_to_markdown (b);

  g_assert_cmpstr (got, ==, expected);
  /* And the edit script behind it gives the new version. */
  g_assert_no_error (error);
  applied_md = amend_document_to_markdown (applied);
  g_assert_cmpstr (applied_md, ==, new_canonical);
}

/* 6.9: "In artikel 3, tweede lid, wordt "acht weken" vervangen door "zes weken"." */
static void
test_replace_words (void)
{
  g_autofree char *changed = replace (base, "binnen acht weken op", "binnen zes weken op");

  check (base, changed,
         "A\n\nIn artikel 3, tweede lid, wordt \"acht\" vervangen door \"zes\".\n");
}

/* A quotation is widened until it occurs once: "weken" stands twice in article 3. */
static void
test_replace_unambiguous (void)
{
  g_autofree char *changed = replace (base, "binnen twee weken.", "binnen twee werkdagen.");

  check (base, changed,
         "A\n\nIn artikel 3, eerste lid, wordt \"weken\" vervangen door \"werkdagen\".\n");
}

static void
test_replace_in_article_text (void)
{
  g_autofree char *changed = replace (base, "schriftelijk ingediend", "elektronisch ingediend");

  check (base, changed,
         "A\n\nIn artikel 2 wordt \"schriftelijk\" vervangen door \"elektronisch\".\n");
}

/* 3.29: the citation of a point. */
static void
test_point_citation (void)
{
  g_autofree char *changed = replace (base, "het aantal bezoekers;", "het maximale aantal bezoekers;");

  check (base, changed,
         "A\n\nIn artikel 5, tweede lid, onderdeel b, wordt na \"het\" ingevoegd \"maximale\".\n");
}

static void
test_delete_words (void)
{
  g_autofree char *changed = replace (base, "op een aanvraag om een vergunning", "op een aanvraag");

  check (base, changed,
         "A\n\nIn artikel 3, tweede lid, vervalt \"om een vergunning\".\n");
}

/* 6.9: most of it changed: "Artikel 2 komt te luiden:" */
static void
test_comes_to_read (void)
{
  g_autofree char *changed = replace (base, "Een aanvraag wordt schriftelijk ingediend bij het college.",
                                      "De burgemeester stelt een formulier vast waarmee elke aanvraag digitaal kan worden gedaan.");

  check (base, changed,
         "A\n\nArtikel 2 komt te luiden:\n\nDe burgemeester stelt een formulier vast waarmee elke aanvraag digitaal kan worden gedaan.\n");
}

static void
test_member_comes_to_read (void)
{
  g_autofree char *changed = replace (base, "2. De vergunning wordt geweigerd als de aanvraag onvolledig is.",
                                      "2. Bij ernstige overlast in de buurt trekt de burgemeester elke verleende toestemming direct in.");

  check (base, changed,
         "A\n\nArtikel 4, tweede lid, komt te luiden:\n\n2. Bij ernstige overlast in de buurt trekt de burgemeester elke verleende toestemming direct in.\n");
}

/* 6.11: "Na artikel 5 wordt een artikel ingevoegd, luidende:" with 6.12 renumbering. */
static void
test_insert_article (void)
{
  g_autofree char *changed = replace (base, "# Artikel 7 Overgangsrecht",
                                      "# Artikel 7 Hardheidsclausule\n\nHet college kan in bijzondere gevallen afwijken van deze verordening.\n\n# Artikel 8 Overgangsrecht");

  check (base, changed,
         "A\n\nNa artikel 6 wordt, onder vernummering van artikel 7 tot artikel 8, een artikel ingevoegd, luidende:\n\n"
         "Artikel 7 Hardheidsclausule\n\nHet college kan in bijzondere gevallen afwijken van deze verordening.\n");
}

/* The instructions one by one: the article each is about, the changes it
 * says, and the summary without the quoted text that STOP's Wat takes. */
static void
test_instruction_list (void)
{
  g_autofree char *step = replace (base, "binnen acht weken op", "binnen zes weken op");
  g_autofree char *changed = replace (step, "# Artikel 7 Overgangsrecht",
                                      "# Artikel 7 Hardheidsclausule\n\nHet college kan afwijken.\n\n# Artikel 8 Overgangsrecht");
  g_autoptr(AmendDocument) a = amend_test_parse (base);
  g_autoptr(AmendDocument) b = amend_test_parse (changed);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autoptr(GPtrArray) list = amend_diff_get_instructions (diff);
  g_autofree char *whole = amend_diff_to_instructions (diff);
  const AmendInstruction *first, *second;

  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  second = g_ptr_array_index (list, 1);
  g_assert_cmpstr (first->letter, ==, "A");
  g_assert_cmpstr (first->old_node->number, ==, "3");
  g_assert_cmpstr (first->new_node->number, ==, "3");
  g_assert_cmpstr (first->summary, ==, first->text);
  g_assert_cmpstr (second->letter, ==, "B");
  g_assert_null (second->old_node);
  g_assert_cmpuint (second->changes->len, ==, 2); /* the insertion and the renumbering it causes */
  g_assert_cmpstr (second->summary, ==,
                   "Na artikel 6 wordt, onder vernummering van artikel 7 tot artikel 8, een artikel ingevoegd, luidende:");
  g_assert_nonnull (strstr (second->text, "Het college kan afwijken."));
  g_assert_nonnull (strstr (whole, second->text));
  g_assert_null (strchr (whole, '\x02'));
}

static void
test_insert_article_at_end (void)
{
  g_autofree char *changed = g_strconcat (base, "\n# Artikel 8 Citeertitel\n\nDeze verordening heet Marktverordening.\n", NULL);

  check (base, changed,
         "A\n\nNa artikel 7 wordt een artikel ingevoegd, luidende:\n\nArtikel 8 Citeertitel\n\nDeze verordening heet Marktverordening.\n");
}

/* "Artikel 7 vervalt." */
static void
test_delete_article (void)
{
  g_autofree char *changed = replace (base, "\n\n# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.", "");

  check (base, changed, "A\n\nArtikel 7 vervalt.\n");
}

/* "Aan artikel 4 wordt een lid toegevoegd, luidende:" */
static void
test_add_member (void)
{
  g_autofree char *changed = replace (base, "als de aanvraag onvolledig is.\n",
                                      "als de aanvraag onvolledig is.\n3. Een weigering wordt gemotiveerd.\n");

  check (base, changed, "A\n\nAan artikel 4 wordt een lid toegevoegd, luidende:\n\n3. Een weigering wordt gemotiveerd.\n");
}

static void
test_delete_member (void)
{
  g_autofree char *changed = replace (base, "\n2. De vergunning wordt geweigerd als de aanvraag onvolledig is.", "");

  check (base, changed, "A\n\nArtikel 4, tweede lid, vervalt.\n");
}

static void
test_heading (void)
{
  g_autofree char *changed = replace (base, "# Artikel 6 Intrekking", "# Artikel 6 Intrekking en schorsing");

  check (base, changed, "A\n\nHet opschrift van artikel 6 komt te luiden: \"Intrekking en schorsing\".\n");
}

/* 6.15: A, B for articles; 1, 2 within one article; unchanged articles are not mentioned. */
static void
test_lettering (void)
{
  g_autofree char *a = replace (base, "binnen twee weken.", "binnen drie weken.");
  g_autofree char *b = replace (a, "op een aanvraag om een vergunning", "op een aanvraag");

  check (base, b,
         "A\n\nArtikel 3 wordt als volgt gewijzigd:\n\n"
         "1. In het eerste lid wordt \"twee\" vervangen door \"drie\".\n\n"
         "2. In het tweede lid vervalt \"om een vergunning\".\n");
  {
    g_autofree char *d = replace (b, "\n\n# Artikel 7 Overgangsrecht\n\nEen vergunning verleend voor de inwerkingtreding van deze verordening blijft van kracht.", "");
    check (base, d,
           "A\n\nArtikel 3 wordt als volgt gewijzigd:\n\n"
           "1. In het eerste lid wordt \"twee\" vervangen door \"drie\".\n\n"
           "2. In het tweede lid vervalt \"om een vergunning\".\n\n"
           "B\n\nArtikel 7 vervalt.\n");
  }
}

/* A paragraph of a chapter goes: not "Hoofdstuk 1 vervalt." */
static void
test_delete_paragraph_of_chapter (void)
{
  static const char old_md[] = "# Hoofdstuk 1 Algemeen\n\nDit hoofdstuk geldt voor markten.\n\n## Artikel 1\n\nTekst.\n";
  static const char new_md[] = "# Hoofdstuk 1 Algemeen\n\n## Artikel 1\n\nTekst.\n";

  check (old_md, new_md, "A\n\nIn hoofdstuk 1 vervalt \"Dit hoofdstuk geldt voor markten.\".\n");
}

static void
test_no_changes (void)
{
  check (base, base, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/instructions/replace-words", test_replace_words);
  g_test_add_func ("/instructions/replace-unambiguous", test_replace_unambiguous);
  g_test_add_func ("/instructions/replace-in-article-text", test_replace_in_article_text);
  g_test_add_func ("/instructions/point-citation", test_point_citation);
  g_test_add_func ("/instructions/delete-words", test_delete_words);
  g_test_add_func ("/instructions/comes-to-read", test_comes_to_read);
  g_test_add_func ("/instructions/member-comes-to-read", test_member_comes_to_read);
  g_test_add_func ("/instructions/insert-article", test_insert_article);
  g_test_add_func ("/instructions/insert-article-at-end", test_insert_article_at_end);
  g_test_add_func ("/instructions/list", test_instruction_list);
  g_test_add_func ("/instructions/delete-article", test_delete_article);
  g_test_add_func ("/instructions/add-member", test_add_member);
  g_test_add_func ("/instructions/delete-member", test_delete_member);
  g_test_add_func ("/instructions/heading", test_heading);
  g_test_add_func ("/instructions/lettering", test_lettering);
  g_test_add_func ("/instructions/delete-paragraph-of-chapter", test_delete_paragraph_of_chapter);
  g_test_add_func ("/instructions/no-changes", test_no_changes);
  return g_test_run ();
}
