/* test-renvooi.c: the renvooi shows word boundaries, as a table of cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is an old and a new text of one article and the renvooi line
 * `amend diff` writes without colour: [-struck-] and {+underlined+}.  A
 * replaced word reads "[-acht-] {+zes+}", never "achtzes"; a number is
 * replaced whole, never cut into pieces; a changed mark is seen with its
 * word.
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-renvooi.h"
#include "amend-test-util.h"
#include "amend-words.h"

typedef struct {
  const char *path;
  const char *old_text;
  const char *new_text;
  const char *expected;  /* the text line of the renvooi */
} Case;

static const Case cases[] = {
  { "/renvooi/replaced-word", "Het college beslist binnen acht weken.", "Het college beslist binnen zes weken.",
    "Het college beslist binnen [-acht-] {+zes+} weken." },
  { "/renvooi/deleted-word", "Het college beslist binnen acht weken.", "Het college beslist binnen weken.",
    "Het college beslist binnen [-acht-] weken." },
  { "/renvooi/deleted-first-word", "Uiterlijk binnen acht weken.", "Binnen acht weken.",
    "[-Uiterlijk binnen-] {+Binnen+} acht weken." },
  { "/renvooi/inserted-word", "Het college beslist binnen weken.", "Het college beslist binnen zes weken.",
    "Het college beslist binnen {+zes+} weken." },
  { "/renvooi/number-whole", "De markt sluit om 10.30 uur.", "De markt sluit om 10.45 uur.",
    "De markt sluit om [-10.30-] {+10.45+} uur." },
  { "/renvooi/article-number-whole", "Zie artikel 2:12 van de wet.", "Zie artikel 2:13 van de wet.",
    "Zie artikel [-2:12-] {+2:13+} van de wet." },
  { "/renvooi/mark-visible", "de openingstijden, de verlichting.", "de openingstijden; de verlichting.",
    "de [-openingstijden,-] {+openingstijden;+} de verlichting." },
  { "/renvooi/mark-at-end", "de verlichting.", "de verlichting;",
    "de [-verlichting.-] {+verlichting;+}" },
  { "/renvooi/compound-kept", "Een huis-aan-huisblad verschijnt wekelijks.", "Een huis-aan-huiskrant verschijnt wekelijks.",
    "Een [-huis-aan-huisblad-] {+huis-aan-huiskrant+} verschijnt wekelijks." },
};

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *old_md = g_strdup_printf ("# Artikel 1\n\n%s\n", c->old_text);
  g_autofree char *new_md = g_strdup_printf ("# Artikel 1\n\n%s\n", c->new_text);
  g_autoptr(AmendDocument) a = amend_test_parse (old_md);
  g_autoptr(AmendDocument) b = amend_test_parse (new_md);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autofree char *term = amend_renvooi_to_terminal (diff, FALSE);
  g_autofree char *expected = g_strdup_printf ("Artikel 1\n  %s\n", c->expected);

  g_assert_cmpstr (term, ==, expected);
}

/* The HTML keeps the space between what went and what came. */
static void
test_html (void)
{
  g_autoptr(AmendDocument) a = amend_test_parse ("# Artikel 1\n\nBinnen acht weken.\n");
  g_autoptr(AmendDocument) b = amend_test_parse ("# Artikel 1\n\nBinnen zes weken.\n");
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autofree char *html = amend_renvooi_to_html (diff, "Test");

  g_assert_nonnull (strstr (html, "Binnen <del>acht</del> <ins>zes</ins> weken."));
}

/* A change of the front matter shows each key on a line of its own under
 * the heading, the new key underlined whole. */
static void
test_front_matter (void)
{
  g_autoptr(AmendDocument) a = amend_test_parse ("---\ntitle: APV\nwork: /akn/nl/act/gm9999/2027/apv\n---\n\n# Artikel 1\n\nTekst.\n");
  g_autoptr(AmendDocument) b = amend_test_parse ("---\ntitle: APV\nwork: /akn/nl/act/gm9999/2027/apv\ndate: 2027-01-01\n---\n\n# Artikel 1\n\nTekst.\n");
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autofree char *term = amend_renvooi_to_terminal (diff, FALSE);
  g_autofree char *html = amend_renvooi_to_html (diff, "Test");

  g_assert_cmpstr (term, ==, "Front matter\n  title: APV\n  work: /akn/nl/act/gm9999/2027/apv\n  {+date: 2027-01-01+}\n");
  g_assert_nonnull (strstr (html, "<p class=\"d1\"><ins>date: 2027-01-01</ins></p>"));
}

/* The pieces for the XML renvooi keep what they spell: equal and inserted
 * pieces are the new text, deleted ones the old, with whole numbers. */
static void
test_whole_diff (void)
{
  g_autoptr(GArray) pieces = amend_words_whole_diff ("om 10.30 uur, of later", "om 10.45 uur, of later");
  g_autofree char *new_side = amend_pieces_to_string (pieces, FALSE);
  g_autofree char *old_side = amend_pieces_to_string (pieces, TRUE);

  g_assert_cmpstr (new_side, ==, "om 10.45 uur, of later");
  g_assert_cmpstr (old_side, ==, "om 10.30 uur, of later");
  g_assert_cmpuint (pieces->len, ==, 4);
  g_assert_cmpstr (g_array_index (pieces, AmendPiece, 1).text, ==, " 10.30");
  g_assert_cmpstr (g_array_index (pieces, AmendPiece, 2).text, ==, " 10.45");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);
  g_test_add_func ("/renvooi/html", test_html);
  g_test_add_func ("/renvooi/front-matter", test_front_matter);
  g_test_add_func ("/renvooi/whole-diff", test_whole_diff);
  return g_test_run ();
}
