/* test-corpus.c: the real texts of ../shared/corpus and the bundled example
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-check.h"
#include "amend-cmark-arena.h"
#include "amend-diff.h"
#include "amend-instructions.h"
#include "amend-markdown-split.h"
#include "amend-test-util.h"

/* Everything of the tree but the line numbers. */
static char *
tree_signature (AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  GString *s = g_string_new (NULL);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      g_autofree char *plain = n->kind == AMEND_NODE_TEXT ? amend_node_get_plain_text (n) : NULL;

      g_string_append_printf (s, "%s|%s|%s|%s|%u|%s\n", amend_node_kind_to_string (n->kind),
                              n->number ? n->number : "", n->heading ? n->heading : "",
                              n->eid, n->heading_level, plain ? plain : "");
    }
  return g_string_free (s, FALSE);
}

/* An independent count: the lines that are headings starting with "Artikel". */
static guint
count_article_headings (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s{0,3}#{1,6}\\s*artikel\\s+\\S", G_REGEX_MULTILINE | G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  return n;
}

static void
check_eids (AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) pattern = g_regex_new ("^[A-Za-z0-9_.-]+$", 0, 0, NULL);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      g_assert_nonnull (n->eid);
      if (!g_regex_match (pattern, n->eid, 0, NULL))
        g_error ("eId %s does not match the STOP pattern", n->eid);
      if (g_hash_table_contains (seen, n->eid))
        g_error ("eId %s is used twice", n->eid);
      g_hash_table_add (seen, n->eid);
    }
}

static void
check_law (const char *path)
{
  g_autofree char *text = amend_test_read_file (path, NULL);
  g_autoptr(AmendDocument) doc = amend_test_parse (text);
  g_autoptr(AmendDocument) again = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *sig1 = NULL;
  g_autofree char *sig2 = NULL;
  guint expected = count_article_headings (text);

  g_test_message ("%s: %u article headings", path, expected);
  g_assert_cmpuint (expected, >, 30);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, expected);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_MEMBER), >, expected / 2);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_POINT), >, 10);
  g_assert_false (amend_document_has_errors (doc));
  check_eids (doc);

  /* Normalized once, the text is canonical: the same tree, the same bytes. */
  once = amend_document_to_markdown (doc);
  again = amend_test_parse (once);
  twice = amend_document_to_markdown (again);
  g_assert_cmpstr (twice, ==, once);
  sig1 = tree_signature (doc);
  sig2 = tree_signature (again);
  g_assert_cmpstr (sig2, ==, sig1);
}

static void
test_laws (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten", ".md");

  if (files == NULL)
    return;
  g_assert_cmpuint (files->len, ==, 4);
  for (guint i = 0; i < files->len; i++)
    check_law (g_ptr_array_index (files, i));
}

static void
test_history (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");

  if (files == NULL)
    return;
  g_assert_cmpuint (files->len, ==, 22);
  for (guint i = 0; i < files->len; i++)
    check_law (g_ptr_array_index (files, i));
}

static AmendNode *
find_article (AmendDocument *doc,
              const char    *number)
{
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);

  for (guint i = 0; i < articles->len; i++)
    if (g_strcmp0 (((AmendNode *) g_ptr_array_index (articles, i))->number, number) == 0)
      return g_ptr_array_index (articles, i);
  return NULL;
}

/* Known articles of the Opiumwet, read by hand from the file. */
static void
test_opiumwet_details (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/nl-wetten/BWBR0001941_opiumwet.md");
  g_autoptr(AmendDocument) doc = NULL;
  AmendNode *art, *m1;

  if (path == NULL)
    return;
  doc = amend_test_parse_file (path);

  art = find_article (doc, "1");
  g_assert_nonnull (art);
  g_assert_cmpuint (amend_node_n_children (art), ==, 5); /* five members */
  m1 = amend_node_child (art, 0);
  g_assert_cmpint (m1->kind, ==, AMEND_NODE_MEMBER);
  g_assert_cmpuint (amend_node_n_children (m1), ==, 10); /* its text and points a. to i. */
  g_assert_cmpstr (amend_node_child (m1, 7)->number, ==, "g.");
  {
    g_autofree char *last = amend_node_get_text_content (amend_node_child (m1, 9));
    g_assert_true (g_str_has_prefix (last, "Verdrag ter uitvoering van artikel 17"));
    g_assert_true (g_str_has_suffix (last, "165 en 239)."));
  }

  art = find_article (doc, "2");
  g_assert_cmpuint (amend_node_n_children (art), ==, 5); /* its text and points A. to D. */
  g_assert_cmpstr (amend_node_child (art, 4)->number, ==, "D.");

  art = find_article (doc, "10a");
  g_assert_nonnull (art);
  g_assert_cmpstr (amend_node_child (amend_node_child (art, 0), 3)->number, ==, "3°.");

  /* "c. ... krachtens een overeenkomst met:" then "1." to "5.": points of
   * c., and the "2." after them is the article's second member. */
  art = find_article (doc, "8");
  g_assert_cmpuint (amend_node_n_children (art), ==, 2);
  g_assert_cmpstr (amend_node_child (art, 1)->number, ==, "2");
  m1 = amend_node_child (art, 0);
  g_assert_cmpstr (amend_node_child (m1, 3)->number, ==, "c.");
  g_assert_cmpuint (amend_node_n_children (amend_node_child (m1, 3)), ==, 6); /* its text and 1. to 5. */
  g_assert_cmpstr (amend_node_child (amend_node_child (m1, 3), 5)->number, ==, "5.");
}

/* "i." after "h." is a letter: in the Gemeentewet, artikel 13, j. to o.
 * are points beside i., not under it (they were "onderdeel i, onder o"). */
static void
test_letter_run (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/nl-wetten/BWBR0005416_gemeentewet.md");
  g_autoptr(AmendDocument) doc = NULL;
  AmendNode *m1;

  if (path == NULL)
    return;
  doc = amend_test_parse_file (path);
  m1 = amend_node_child (find_article (doc, "13"), 0);
  g_assert_cmpuint (amend_node_n_children (m1), ==, 16); /* its text and a. to o. */
  g_assert_cmpstr (amend_node_child (m1, 9)->number, ==, "i.");
  g_assert_cmpuint (amend_node_n_children (amend_node_child (m1, 9)), ==, 1);
  g_assert_cmpstr (amend_node_child (m1, 15)->number, ==, "o.");
}

/* The Gemeentewet nests Hoofdstuk in Titel; the Awb Titel in Hoofdstuk. */
static void
test_division_nesting (void)
{
  g_autofree char *gw = amend_test_shared_path ("corpus/nl-wetten/BWBR0005416_gemeentewet.md");
  g_autofree char *awb = amend_test_shared_path ("corpus/nl-wetten/BWBR0005537_algemene-wet-bestuursrecht.md");
  g_autoptr(AmendDocument) doc = NULL;
  AmendNode *art;

  if (gw == NULL || awb == NULL)
    return;
  doc = amend_test_parse_file (gw);
  art = find_article (doc, "7");
  g_assert_cmpint (art->parent->kind, ==, AMEND_NODE_CHAPTER);
  g_assert_cmpstr (art->parent->number, ==, "II");
  g_assert_cmpstr (art->parent->heading, ==, "De raad");
  g_assert_cmpint (art->parent->parent->kind, ==, AMEND_NODE_TITLE);
  g_assert_cmpstr (art->parent->parent->number, ==, "II");
  g_clear_object (&doc);

  doc = amend_test_parse_file (awb);
  art = find_article (doc, "1:1");
  g_assert_nonnull (art);
  g_assert_cmpint (art->parent->kind, ==, AMEND_NODE_TITLE);
  g_assert_cmpint (art->parent->parent->kind, ==, AMEND_NODE_CHAPTER);
  g_assert_cmpstr (art->parent->parent->number, ==, "1");
}

/* In the Gemeentewet's history, points j. to o. after "i." were read as
 * points of "i." and cited so ("onderdeel i, onder o"): no more. */
static void
test_history_citations (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  guint instructions = 0;

  if (files == NULL)
    return;
  for (guint i = 0; i + 1 < files->len; i++)
    {
      g_autoptr(AmendDocument) old_doc = amend_test_parse_file (g_ptr_array_index (files, i));
      g_autoptr(AmendDocument) new_doc = amend_test_parse_file (g_ptr_array_index (files, i + 1));
      g_autoptr(AmendDiff) diff = amend_diff_new (old_doc, new_doc);
      g_autofree char *text = amend_diff_to_instructions (diff);

      instructions += strlen (text) > 0;
      if (strstr (text, "onderdeel i, onder") != NULL)
        g_error ("%s: %s", (char *) g_ptr_array_index (files, i + 1), strstr (text, "onderdeel i, onder"));
    }
  g_assert_cmpuint (instructions, >, files->len / 2);
}

/* amend check on the four laws: every error it reports must be a true
 * error of the text.  The one that remains is in the Awb's Bijlage 2
 * (artikel 2), a table flattened into a list: "d." follows "e." with
 * nothing between, so the list numbers d. twice as it stands. */
static const struct {
  const char *file;
  guint       line;
  const char *error;
} true_errors[] = {
  { "BWBR0005537_algemene-wet-bestuursrecht.md", 4405, "point d. is numbered the same as one before it" },
};

static void
test_check_precision (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten", ".md");
  guint found = 0;

  if (files == NULL)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(AmendDocument) doc = amend_test_parse_file (path);
      g_autoptr(GPtrArray) findings = amend_document_check (doc);

      g_assert_false (amend_document_has_errors (doc));
      for (guint k = 0; k < findings->len; k++)
        {
          const AmendDiagnostic *d = g_ptr_array_index (findings, k);
          gboolean known = FALSE;

          if (d->severity != AMEND_SEVERITY_ERROR)
            continue;
          for (guint t = 0; t < G_N_ELEMENTS (true_errors); t++)
            known |= g_str_has_suffix (path, true_errors[t].file) && d->line == true_errors[t].line &&
                     strcmp (d->message, true_errors[t].error) == 0;
          if (!known)
            g_error ("%s:%u: error: %s is not a known error of the text", path, d->line, d->message);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (true_errors));
}

/* And it still finds what is wrong: with three article headings of the
 * Gemeentewet renamed, the references to them are errors. */
static void
test_check_recall (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/nl-wetten/BWBR0005416_gemeentewet.md");
  static const char *const renamed[] = { "81a", "108", "160" };
  g_autofree char *text = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  if (path == NULL)
    return;
  text = amend_test_read_file (path, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    {
      g_autofree char *heading = g_strdup_printf ("### Artikel  %s  \n", renamed[i]);
      g_autofree char *other = g_strdup_printf ("### Artikel  %szz  \n", renamed[i]);
      char *at = strstr (text, heading);
      GString *s;

      g_assert_nonnull (at);
      s = g_string_new_len (text, at - text);
      g_string_append (s, other);
      g_string_append (s, at + strlen (heading));
      g_free (text);
      text = g_string_free (s, FALSE);
    }
  doc = amend_test_parse (text);
  findings = amend_document_check (doc);
  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    {
      g_autofree char *needle = g_strdup_printf ("reference to article %s, which does not exist", renamed[i]);
      guint n = 0;

      for (guint k = 0; k < findings->len; k++)
        n += g_str_has_prefix (((AmendDiagnostic *) g_ptr_array_index (findings, k))->message, needle);
      g_test_message ("%s: %u", needle, n);
      g_assert_cmpuint (n, >=, 2);
    }
}

static void
test_example (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  g_autoptr(AmendDocument) doc = amend_test_parse (text);
  g_autofree char *out = amend_document_to_markdown (doc);

  /* Bundled in canonical form, with what the issue asks of it. */
  g_assert_cmpstr (out, ==, text);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), >=, 30);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_CHAPTER), >=, 3);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_MEMBER), >, 30);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_POINT), >, 10);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_PREAMBLE), ==, 1);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_EXPLANATION), ==, 1);
  g_assert_nonnull (amend_document_get_meta (doc, "work"));
  g_assert_cmpuint (amend_document_get_diagnostics (doc)->len, ==, 0);
  check_eids (doc);
}

/* Everything of a reading: the tree with its lines, the diagnostics, the
 * canonical text. */
static char *
reading (const char *text)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (text);
  AmendNode *root = amend_document_get_root (doc);
  GPtrArray *diags = amend_document_get_diagnostics (doc);
  g_autofree char *sig = tree_signature (doc);
  g_autofree char *md = amend_document_to_markdown (doc);
  GString *s = g_string_new (sig);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    g_string_append_printf (s, "%s %u-%u\n", n->eid, n->line_start, n->line_end);
  for (guint i = 0; i < diags->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (diags, i);
      g_string_append_printf (s, "%u %d %s\n", d->line, d->severity, d->message);
    }
  g_string_append (s, md);
  return g_string_free (s, FALSE);
}

/* A large text is read in pieces (amend-markdown-split.c); read in pieces
 * of 2 KB, every law and version reads as it does whole. */
static void
test_pieces (void)
{
  g_autoptr(GPtrArray) laws = amend_test_shared_files ("corpus/nl-wetten", ".md");
  g_autoptr(GPtrArray) history = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  gsize saved = _amend_markdown_piece_size;

  if (laws == NULL || history == NULL)
    return;
  g_ptr_array_add (all, example);
  for (guint i = 0; i < laws->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (laws, i));
  /* Two versions of the history: its first and its last. */
  g_ptr_array_add (all, g_ptr_array_index (history, 0));
  g_ptr_array_add (all, g_ptr_array_index (history, history->len - 1));
  for (guint i = 0; i < all->len; i++)
    {
      const char *path = g_ptr_array_index (all, i);
      g_autofree char *text = NULL;
      g_autofree char *whole = NULL;
      g_autofree char *pieces = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      _amend_markdown_piece_size = G_MAXSIZE / 4;
      whole = reading (text);
      _amend_markdown_piece_size = 2048;
      pieces = reading (text);
      _amend_markdown_piece_size = saved;
      if (g_strcmp0 (whole, pieces) != 0)
        g_error ("%s reads otherwise in pieces of 2 KB", path);
    }
}

/* cmark's tree made in the reader's arena is the tree cmark makes with
 * malloc, on every real text and on a text whose buffers grow while other
 * allocations come between (a list in a long paragraph's block quote):
 * the XML cmark writes of both, with source positions, is the same. */
static void
test_cmark_arena (void)
{
  g_autoptr(GPtrArray) laws = amend_test_shared_files ("corpus/nl-wetten", ".md");
  g_autoptr(GString) grown = g_string_new (NULL);
  AmendCmarkArena *arena = _amend_cmark_arena_new ();

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (grown, "> regel %u *nadruk* en `code`\n%s", i,
                            i % 7 == 0 ? ">\n> - punt\n>\n" : "");
  for (guint i = 0; i < 1 + (laws ? laws->len : 0); i++)
    {
      g_autofree char *text = NULL;
      gsize len;
      cmark_node *plain, *in_arena;
      char *want;
      g_autofree char *got = NULL;

      if (i == 0)
        text = g_strdup (grown->str), len = grown->len;
      else
        g_assert_true (g_file_get_contents (g_ptr_array_index (laws, i - 1), &text, &len, NULL));
      plain = cmark_parse_document (text, len, CMARK_OPT_DEFAULT);
      want = cmark_render_xml (plain, CMARK_OPT_SOURCEPOS);
      in_arena = _amend_cmark_arena_parse (arena, text, len, CMARK_OPT_DEFAULT);
      /* cmark writes it in the tree's allocator: the arena. */
      got = g_strdup (cmark_render_xml (in_arena, CMARK_OPT_SOURCEPOS));
      g_assert_cmpuint (_amend_cmark_arena_size (arena), >, len);
      if (strcmp (want, got) != 0)
        g_error ("cmark's tree of text %u differs when made in the arena", i);
      _amend_cmark_arena_reset (arena);
      g_assert_cmpuint (_amend_cmark_arena_size (arena), ==, 0);
      free (want);
      cmark_node_free (plain);
    }
  _amend_cmark_arena_free (arena);

  /* A text read while another is read: the outer tree is still made in
   * its own arena and can be read (and allocate) after the inner one went. */
  {
    AmendCmarkArena *outer = _amend_cmark_arena_new ();
    AmendCmarkArena *inner = _amend_cmark_arena_new ();
    cmark_node *a = _amend_cmark_arena_parse (outer, "# Artikel 1\n\nTekst *een*.\n", 26, CMARK_OPT_DEFAULT);
    cmark_node *b = _amend_cmark_arena_parse (inner, "Iets anders.\n", 13, CMARK_OPT_DEFAULT);
    g_autofree char *b_xml = g_strdup (cmark_render_xml (b, 0));
    gsize before;
    g_autofree char *a_xml = NULL;

    _amend_cmark_arena_reset (inner);
    before = _amend_cmark_arena_size (outer);
    a_xml = g_strdup (cmark_render_xml (a, 0));
    g_assert_cmpuint (_amend_cmark_arena_size (outer), >, before);
    g_assert_nonnull (strstr (a_xml, "<emph>"));
    g_assert_nonnull (strstr (b_xml, "Iets anders."));
    _amend_cmark_arena_free (inner);
    _amend_cmark_arena_free (outer);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/corpus/laws", test_laws);
  g_test_add_func ("/corpus/history", test_history);
  g_test_add_func ("/corpus/opiumwet-details", test_opiumwet_details);
  g_test_add_func ("/corpus/division-nesting", test_division_nesting);
  g_test_add_func ("/corpus/letter-run", test_letter_run);
  g_test_add_func ("/corpus/history-citations", test_history_citations);
  g_test_add_func ("/corpus/check-precision", test_check_precision);
  g_test_add_func ("/corpus/check-recall", test_check_recall);
  g_test_add_func ("/corpus/example", test_example);
  g_test_add_func ("/corpus/pieces", test_pieces);
  g_test_add_func ("/corpus/cmark-arena", test_cmark_arena);
  return g_test_run ();
}
