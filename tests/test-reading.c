/* test-reading.c: the patterns of real regulations the reader must read,
 * each as a small text of its own (the laws they were found in are not in
 * the corpus), laid out as tables: what is written, what it must become.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-test-util.h"

/* The tree without its text: one line per part, member and point, indented
 * by depth ("Hoofdstuk IA", "  Artikel 4z1", "    lid 1", "      a."). */
static char *
outline (AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  GString *s = g_string_new (NULL);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      guint depth = 0;

      if (n == root || n->kind == AMEND_NODE_TEXT || n->kind == AMEND_NODE_PREAMBLE)
        continue;
      for (AmendNode *a = n->parent; a != root; a = a->parent)
        depth++;
      for (guint i = 0; i < depth; i++)
        g_string_append (s, "  ");
      if (n->kind == AMEND_NODE_MEMBER)
        g_string_append_printf (s, "lid %s\n", n->number);
      else if (n->kind == AMEND_NODE_POINT)
        g_string_append_printf (s, "%s\n", n->number ? n->number : "-");
      else
        g_string_append_printf (s, "%s%s%s\n", amend_node_kind_word (n->kind), n->number ? " " : "",
                                n->number ? n->number : "");
    }
  return g_string_free (s, FALSE);
}

static void
assert_outline (const char *markdown,
                const char *expected)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (markdown);
  g_autofree char *got = outline (doc);

  if (g_strcmp0 (got, expected) != 0)
    g_test_message ("input:\n%s", markdown);
  g_assert_cmpstr (got, ==, expected);
}

/* Once read, the text is canonical: written and read again, the same. */
static void
assert_stable (const char *markdown)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (markdown);
  g_autofree char *once = amend_document_to_markdown (doc);
  g_autoptr(AmendDocument) again = amend_test_parse (once);
  g_autofree char *twice = amend_document_to_markdown (again);
  g_autofree char *tree1 = outline (doc);
  g_autofree char *tree2 = outline (again);

  g_assert_cmpstr (twice, ==, once);
  g_assert_cmpstr (tree2, ==, tree1);
}

/* ----------------------------------------------------------------------- */
/* Numbers of headings                                                      */
/* ----------------------------------------------------------------------- */

static const struct {
  const char   *heading;
  AmendNodeKind kind;
  const char   *number;
  const char   *title;
} numbers[] = {
  /* a capital roman numeral and a letter */
  { "Hoofdstuk IA Inleiding",          AMEND_NODE_CHAPTER,  "IA",     "Inleiding" },
  { "Hoofdstuk IVA",                   AMEND_NODE_CHAPTER,  "IVA",    NULL },
  { "Hoofdstuk VA Toezicht",           AMEND_NODE_CHAPTER,  "VA",     "Toezicht" },
  { "Titel VIIA Slot",                 AMEND_NODE_TITLE,    "VIIA",   "Slot" },
  { "Hoofdstuk Ia Lager",              AMEND_NODE_CHAPTER,  "Ia",     "Lager" },
  { "Titel IV",                        AMEND_NODE_TITLE,    "IV",     NULL },
  /* a letter followed by a digit */
  { "Artikel 4z1",                     AMEND_NODE_ARTICLE,  "4z1",    NULL },
  { "Artikel 25a1 Ingevoegd",          AMEND_NODE_ARTICLE,  "25a1",   "Ingevoegd" },
  { "Artikel 132e1",                   AMEND_NODE_ARTICLE,  "132e1",  NULL },
  { "Artikel 2.2.a1 Melding",          AMEND_NODE_ARTICLE,  "2.2.a1", "Melding" },
  /* a trailing asterisk */
  { "Artikel 3:259a*",                 AMEND_NODE_ARTICLE,  "3:259a*", NULL },
  { "Artikel 3:259a* Overgang",        AMEND_NODE_ARTICLE,  "3:259a*", "Overgang" },
  /* what worked before keeps working */
  { "Artikel 5A",                      AMEND_NODE_ARTICLE,  "5A",     NULL },
  { "Afdeling 5.1a.1 Algemeen",        AMEND_NODE_DIVISION, "5.1a.1", "Algemeen" },
  { "Paragraaf C",                     AMEND_NODE_SECTION,  "C",      NULL },
  { "Artikel 1:1 - Begrippen",         AMEND_NODE_ARTICLE,  "1:1",    "Begrippen" },
  { "Artikel A1",                      AMEND_NODE_ARTICLE,  "A1",     NULL },
  /* free headings: prose after the kind word */
  { "Titel van de regeling",           AMEND_NODE_TEXT,     NULL,     NULL },
  { "Artikelsgewijze toelichting",     AMEND_NODE_TEXT,     NULL,     NULL },
  { "Hoofdstuk Kwanza",                AMEND_NODE_TEXT,     NULL,     NULL },
  { "Artikel IIII",                    AMEND_NODE_TEXT,     NULL,     NULL },
};

static void
test_numbers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *md = g_strdup_printf ("# %s\n\nTekst.\n", numbers[i].heading);
      g_autoptr(AmendDocument) doc = amend_test_parse (md);
      AmendNode *root = amend_document_get_root (doc);
      AmendNode *first = amend_node_child (root, 0);

      g_test_message ("%s", numbers[i].heading);
      if (numbers[i].kind == AMEND_NODE_TEXT)
        {
          g_assert_cmpint (first->kind, ==, AMEND_NODE_PREAMBLE);
          continue;
        }
      g_assert_cmpint (first->kind, ==, numbers[i].kind);
      g_assert_cmpstr (first->number, ==, numbers[i].number);
      g_assert_cmpstr (first->heading, ==, numbers[i].title);
      assert_stable (md);
    }
}

/* The law where these were found lost 4 articles and 8 of its 22 chapters:
 * every heading must be a part, every text in its own part. */
static void
test_nothing_lost (void)
{
  static const char *const law =
    "### Hoofdstuk I\n\n### Artikel 1\n\nEen.\n\n"
    "### Hoofdstuk IA\n\n### Artikel 4z1\n\nVier z een.\n\n"
    "### Hoofdstuk IVA\n\n### Artikel 25a1\n\nVijfentwintig a een.\n\n"
    "### Hoofdstuk VA\n\n### Artikel 132e1\n\nHonderdtweeëndertig e een.\n\n"
    "### Hoofdstuk VIIA\n\n### Artikel 3:259a*\n\nMet een sterretje.\n";
  g_autoptr(AmendDocument) doc = amend_test_parse (law);
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);

  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_CHAPTER), ==, 5);
  g_assert_cmpuint (articles->len, ==, 5);
  for (guint i = 0; i < articles->len; i++)
    {
      AmendNode *article = g_ptr_array_index (articles, i);
      g_autofree char *text = amend_node_get_text_content (article);

      g_assert_cmpint (article->parent->kind, ==, AMEND_NODE_CHAPTER);
      g_assert_null (strchr (text, '\n')); /* one paragraph: nothing joined it */
    }
  g_assert_cmpuint (amend_document_get_diagnostics (doc)->len, ==, 0);
}

/* A heading that starts with a kind word but is not read as that kind is
 * a warning with its line: nothing is lost without a word. */
static const struct {
  const char *markdown;
  guint       line;      /* of the warning, 0 for none */
  const char *needle;
} lost[] = {
  { "# Hoofdstuk 1\n\n## Artikel 1\n\nEen.\n\n## Artikel 4-bis\n\nTwee.\n", 7, "\xe2\x80\x9c" "4-bis\xe2\x80\x9d is not a number" },
  { "# Hoofdstuk Kwanza\n\nTekst.\n",                                       1, "starts with \xe2\x80\x9cHoofdstuk\xe2\x80\x9d" },
  { "# Afdeling (a) Slot\n\nTekst.\n",                                      1, "starts with \xe2\x80\x9c" "Afdeling\xe2\x80\x9d" },
  { "# Titel van de regeling\n\nTekst.\n",                                  0, NULL },
  { "# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Artikel een\n\nUitleg.\n", 0, NULL },
};

static void
test_lost_kind_warns (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lost); i++)
    {
      g_autoptr(AmendDocument) doc = amend_test_parse (lost[i].markdown);
      GPtrArray *diagnostics = amend_document_get_diagnostics (doc);

      g_test_message ("case %u", i);
      if (lost[i].line == 0)
        g_assert_cmpuint (diagnostics->len, ==, 0);
      else
        g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_WARNING, lost[i].line, lost[i].needle));
    }
}

/* ----------------------------------------------------------------------- */
/* Nesting                                                                  */
/* ----------------------------------------------------------------------- */

static const struct {
  const char *what;
  const char *markdown;
  const char *outline;
} nesting[] = {
  { "one level for all: the kinds rank by first appearance",
    "### Hoofdstuk 5\n\n### Titel 5.1\n\n### Artikel 5.1\n\nEen.\n\n### Titel 5.2\n\n### Artikel 5.2\n\nTwee.\n\n"
    "### Hoofdstuk 6\n\n### Artikel 6.1\n\nDrie.\n",
    "Hoofdstuk 5\n  Titel 5.1\n    Artikel 5.1\n  Titel 5.2\n    Artikel 5.2\nHoofdstuk 6\n  Artikel 6.1\n" },
  { "one odd heading a level deeper does not flatten the law",
    "### Hoofdstuk 5\n\n####Milieu\n\n### Titel 5.1\n\n### Artikel 5.1\n\nEen.\n\n### Titel 5.1a\n\n"
    "####Afdeling 5.1a.1 Algemeen\n\n### Artikel 5.1a.1\n\nTwee.\n\n### Afdeling 5.1a.2\n\n### Artikel 5.1a.2\n\nDrie.\n\n"
    "### Hoofdstuk 6\n\n### Artikel 6.1\n\nVier.\n",
    "Hoofdstuk 5\n  Titel 5.1\n    Artikel 5.1\n  Titel 5.1a\n    Afdeling 5.1a.1\n      Artikel 5.1a.1\n"
    "    Afdeling 5.1a.2\n      Artikel 5.1a.2\nHoofdstuk 6\n  Artikel 6.1\n" },
  { "a shallower heading above a flat part nests by its level",
    "## Hoofdstuk 1\n\n### Afdeling 1.1\n\n### Artikel 1\n\nEen.\n\n### Afdeling 1.2\n\n### Artikel 2\n\nTwee.\n\n"
    "## Hoofdstuk 2\n\n### Artikel 3\n\nDrie.\n",
    "Hoofdstuk 1\n  Afdeling 1.1\n    Artikel 1\n  Afdeling 1.2\n    Artikel 2\nHoofdstuk 2\n  Artikel 3\n" },
  { "levels that nest are kept, articles beside a division too",
    "## Hoofdstuk 1\n\n### Afdeling 1.1\n\n#### Artikel 1\n\nEen.\n\n### Afdeling 1.2\n\n#### Artikel 2\n\nTwee.\n\n"
    "### Artikel 3\n\nDrie.\n\n### Artikel 4\n\nVier.\n\n### Artikel 5\n\nVijf.\n",
    "Hoofdstuk 1\n  Afdeling 1.1\n    Artikel 1\n  Afdeling 1.2\n    Artikel 2\n  Artikel 3\n  Artikel 4\n  Artikel 5\n" },
  { "the canonical form: an empty division and the article after it are siblings",
    "# Hoofdstuk 1\n\n## Afdeling 1.1\n\n## Artikel 1\n\nEen.\n",
    "Hoofdstuk 1\n  Afdeling 1.1\n  Artikel 1\n" },
  { "Titel above Hoofdstuk (Gemeentewet) as well as below (Awb)",
    "### Titel I\n\n### Hoofdstuk I\n\n### Artikel 1\n\nEen.\n\n### Titel II\n\n### Artikel 2\n\nTwee.\n",
    "Titel I\n  Hoofdstuk I\n    Artikel 1\nTitel II\n  Artikel 2\n" },
};

static void
test_nesting (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (nesting); i++)
    {
      g_test_message ("%s", nesting[i].what);
      assert_outline (nesting[i].markdown, nesting[i].outline);
      assert_stable (nesting[i].markdown);
    }
}

/* ----------------------------------------------------------------------- */
/* Members and points                                                       */
/* ----------------------------------------------------------------------- */

static const struct {
  const char *what;
  const char *markdown;
  const char *outline;
} points[] = {
  { "a run of letters: i. after h. is a letter, and so are j. and k.",
    "### Artikel 1\n\n1.  Onder:  \n\ng. zeven;\n\nh. acht;\n\ni. negen;\n\nj. tien;\n\nk. elf.\n",
    "Artikel 1\n  lid 1\n    g.\n    h.\n    i.\n    j.\n    k.\n" },
  { "i. after a. starts a list of numerals, ii. continues it",
    "### Artikel 1\n\nOnder:\n\na. een:\n\ni. eerste;\n\nii. tweede;\n\nb. twee.\n",
    "Artikel 1\n  a.\n    i.\n    ii.\n  b.\n" },
  { "a point of another kind nests (1° under a.)",
    "### Artikel 1\n\n1.  Hij die:  \n\na. een:\n\n1°. eerste;\n\n2°. tweede;\n\nb. twee.\n",
    "Artikel 1\n  lid 1\n    a.\n      1°.\n      2°.\n    b.\n" },
  { "numbered points after a colon, then the next member (Opiumwet, artikel 8)",
    "### Artikel 8\n\n1.  Een ontheffing:\n\na. een;\n\nc. met:\n\n1.  een ander;\n\n2.  een apotheker;\n\n3. een dierenarts;\n"
    "2.  Een ontheffing kan voorts worden verleend.\n",
    "Artikel 8\n  lid 1\n    a.\n    c.\n      1.\n      2.\n      3.\n  lid 2\n" },
  { "members numbered (1) and points (a), as acts from elsewhere write them",
    "# Artikel 2\n\n(1) Niemand verkoopt.\n\n(2) De gemeente kan:\n- (a) verlengen; of\n  - (i) op verzoek;\n- (b) verkorten.\n\n(2A) Bekendmaking.\n",
    "Artikel 2\n  lid (1)\n  lid (2)\n    (a)\n      (i)\n    (b)\n  lid (2A)\n" },
};

static void
test_points (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_test_message ("%s", points[i].what);
      assert_outline (points[i].markdown, points[i].outline);
      assert_stable (points[i].markdown);
    }
}

/* Canonical texts these rules must leave as they are: numbered points of a
 * member are bullet items, and never a run that the next member goes on. */
static const char *const canonical[] = {
  "# Artikel 1\n\n1. Een:\n   - 1\\. a.\n2. Twee.\n",
  "# Artikel 1\n\n1. Een.\n2. Twee.\n\n2a. Ingevoegd:\n- 1\\. a;\n- 2\\. b.\n\n3. Drie.\n",
  "# Artikel 1\n\n1. Een:\n   - a. a;\n   - h. acht;\n   - i. negen;\n   - j. tien.\n2. Twee.\n",
  "# Hoofdstuk IVA\n\n## Artikel 3:259a* Overgang\n\n(1) Een.\n\n(2) Twee:\n- (a) a.\n",
  "# Hoofdstuk 1\n\n## Afdeling 1.1\n\n## Artikel 1\n\nEen.\n",
};

static void
test_canonical_kept (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(AmendDocument) doc = amend_test_parse (canonical[i]);
      g_autofree char *md = amend_document_to_markdown (doc);

      g_test_message ("case %u", i);
      g_assert_cmpstr (md, ==, canonical[i]);
    }
}

/* "(1) " in a paragraph that is no member is escaped, and stays text. */
static void
test_paren_label_escaped (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse ("# Artikel 1\n\nIntro.\n\n(1\\) geen lid, maar tekst.\n");
  g_autofree char *md = amend_document_to_markdown (doc);

  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_MEMBER), ==, 0);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_POINT), ==, 0);
  g_assert_cmpstr (md, ==, "# Artikel 1\n\nIntro.\n\n(1\\) geen lid, maar tekst.\n");
}

/* ----------------------------------------------------------------------- */
/* Linear time                                                              */
/* ----------------------------------------------------------------------- */

/* Reading a text made of the same flat law repeated: the tree grows with
 * it, article for article (the time is measured in bench-markdown). */
static void
test_repeated_law (void)
{
  GString *law = g_string_new (NULL);
  g_autoptr(AmendDocument) doc = NULL;

  for (guint i = 1; i <= 200; i++)
    g_string_append_printf (law, "### Hoofdstuk %u\n\n### Afdeling %u.1\n\n### Artikel %u.1\n\n1.  Onder:  \n\n"
                                 "h. acht;\n\ni. negen;\n\nj. tien.\n\n####Afdeling %u.1a\n\n### Artikel %u.2\n\nTekst.\n\n",
                            i, i, i, i, i);
  doc = amend_test_parse (law->str);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_CHAPTER), ==, 200);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_DIVISION), ==, 400);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, 400);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_POINT), ==, 600);
  g_string_free (law, TRUE);
}

/* The diagnostics as lines "LINE SEVERITY EID MESSAGE". */
static char *
diagnostics_of (AmendDocument *doc)
{
  GPtrArray *diags = amend_document_get_diagnostics (doc);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < diags->len; i++)
    {
      AmendDiagnostic *d = g_ptr_array_index (diags, i);

      g_string_append_printf (s, "%u %d %s %s\n", d->line, d->severity, d->eid ? d->eid : "-", d->message);
    }
  return g_string_free (s, FALSE);
}

/* A text read from a file (amend_document_new_take_data) is read where it
 * is when nothing in it needs correcting, else from a corrected copy as
 * amend_document_new_from_data always does: both give the same model, the
 * same Markdown, lines and diagnostics, for clean texts and for each thing
 * the reader corrects. */
static void
test_in_place_same (void)
{
  static const struct {
    const char *text;
    gsize       len;
  } texts[] = {
#define T(s) { s, sizeof s - 1 }
    T ("# Artikel 1\n\nTekst.\n"),
    T ("# Artikel 1\n\n\xc3\xa9\xc3\xabn \xc2\xa7 1, \xe2\x80\x9ctekst\xe2\x80\x9d\n"),
    T ("# Artikel 1\r\n\r\nTekst.\r\n"),
    T ("# Artikel 1\n\nLos\rteken.\n"),
    T ("\xef\xbb\xbf# Artikel 1\n\nTekst.\n"),
    T ("#Artikel 1\n\nTekst.\n"),
    T ("# Hoofdstuk 1\n\n   ##Artikel 1\n\nTekst.\n"),
    T ("```\n#code\n```\n\n# Artikel 1\n\nTekst.\n"),
    T ("# Artikel 1\n\nCaf\xe9.\n"),
    T ("# Artikel 1\n\nTekst \x01 met \x7f.\n"),
    T ("# Artikel 1\n\nNiet \xef\xbf\xbf.\n"),
    T ("# Artikel 1\n\nEen \0 nul.\n"),
    T ("# Artikel 1\n\nAfgebroken \xe2\x80"),
    T (""),
#undef T
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendDocument) copied = amend_document_new_from_data (texts[i].text, texts[i].len, &error);
      /* A file's text, as amend_read_file() gives it: followed by a NUL. */
      char *owned = g_malloc (texts[i].len + 1);
      g_autoptr(AmendDocument) in_place = NULL;
      g_autofree char *md_copied = NULL, *md_in_place = NULL;
      g_autofree char *diag_copied = NULL, *diag_in_place = NULL;

      g_assert_no_error (error);
      memcpy (owned, texts[i].text, texts[i].len);
      owned[texts[i].len] = '\0';
      in_place = amend_document_new_take_data (owned, texts[i].len, &error);
      g_assert_no_error (error);
      md_copied = amend_document_to_markdown (copied);
      md_in_place = amend_document_to_markdown (in_place);
      g_assert_cmpstr (md_in_place, ==, md_copied);
      diag_copied = diagnostics_of (copied);
      diag_in_place = diagnostics_of (in_place);
      g_assert_cmpstr (diag_in_place, ==, diag_copied);
      g_assert_cmpuint (amend_document_get_line_count (in_place), ==, amend_document_get_line_count (copied));
      g_assert_cmpuint (amend_document_has_errors (in_place), ==, amend_document_has_errors (copied));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reading/numbers", test_numbers);
  g_test_add_func ("/reading/nothing-lost", test_nothing_lost);
  g_test_add_func ("/reading/lost-kind-warns", test_lost_kind_warns);
  g_test_add_func ("/reading/nesting", test_nesting);
  g_test_add_func ("/reading/points", test_points);
  g_test_add_func ("/reading/canonical-kept", test_canonical_kept);
  g_test_add_func ("/reading/paren-label-escaped", test_paren_label_escaped);
  g_test_add_func ("/reading/repeated-law", test_repeated_law);
  g_test_add_func ("/reading/in-place-same", test_in_place_same);
  return g_test_run ();
}
