/* test-model.c: the document tree and its eIds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-test-util.h"

static void
test_kind_names (void)
{
  const char *expected[] = { "regulation", "preamble", "chapter", "title", "division", "section", "annex",
                             "article", "member", "point", "text", "explanation", "closing" };

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, AMEND_N_NODE_KINDS);
  for (guint i = 0; i < AMEND_N_NODE_KINDS; i++)
    {
      AmendNodeKind kind;

      g_assert_cmpstr (amend_node_kind_to_string (i), ==, expected[i]);
      g_assert_true (amend_node_kind_from_string (expected[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (amend_node_kind_from_string ("paragraph", &(AmendNodeKind){ 0 }));
}

static void
test_tree_ops (void)
{
  g_autoptr(AmendNode) root = amend_node_new (AMEND_NODE_REGULATION);
  AmendNode *a = amend_node_new (AMEND_NODE_ARTICLE);
  AmendNode *b = amend_node_new (AMEND_NODE_ARTICLE);
  AmendNode *c = amend_node_new (AMEND_NODE_ARTICLE);
  AmendNode *stolen;
  g_autoptr(AmendNode) copy = NULL;

  amend_node_append (root, a);
  amend_node_append (root, c);
  amend_node_insert (root, 1, b);
  g_assert_cmpint (amend_node_index (a), ==, 0);
  g_assert_cmpint (amend_node_index (b), ==, 1);
  g_assert_cmpint (amend_node_index (c), ==, 2);
  g_assert_true (amend_node_next (a, root) == b);
  g_assert_null (amend_node_next (c, root));

  amend_node_add_run (b, "een ", -1, AMEND_MARK_NONE, NULL);
  amend_node_add_run (b, "twee", -1, AMEND_MARK_NONE, NULL);
  g_assert_cmpuint (b->runs->len, ==, 1); /* same marks: one run */
  amend_node_add_run (b, " drie", -1, AMEND_MARK_EMPH, NULL);
  g_assert_cmpuint (b->runs->len, ==, 2);

  copy = amend_node_copy (root);
  g_assert_cmpuint (amend_node_n_children (copy), ==, 3);
  g_assert_true (amend_node_child (copy, 1)->parent == copy);
  g_assert_cmpstr (g_array_index (amend_node_child (copy, 1)->runs, AmendRun, 1).text, ==, " drie");

  stolen = amend_node_steal (root, 0);
  g_assert_true (stolen == a);
  g_assert_null (a->parent);
  g_assert_cmpint (amend_node_index (b), ==, 0);
  amend_node_free (stolen);

  /* Freeing a child detaches it from its parent. */
  amend_node_free (b);
  g_assert_cmpuint (amend_node_n_children (root), ==, 1);
  g_assert_cmpint (amend_node_index (c), ==, 0);
}

/* A chain a million deep must be copied and freed without recursion. */
static void
test_deep_tree (void)
{
  g_autoptr(AmendNode) root = amend_node_new (AMEND_NODE_POINT);
  g_autoptr(AmendNode) copy = NULL;
  AmendNode *n = root;
  guint depth = 0;

  for (guint i = 0; i < 1000000; i++)
    {
      AmendNode *child = amend_node_new (AMEND_NODE_POINT);
      amend_node_append (n, child);
      n = child;
    }
  copy = amend_node_copy (root);
  for (AmendNode *c = copy; c != NULL; c = amend_node_next (c, copy))
    depth++;
  g_assert_cmpuint (depth, ==, 1000001);
}

static const char eid_doc[] =
  "# Hoofdstuk 1 Algemeen\n"
  "\n"
  "## Artikel 1:1 Begrippen\n"
  "\n"
  "In deze verordening wordt verstaan onder:\n"
  "\n"
  "- a. college: het college;\n"
  "- b. raad: de raad.\n"
  "\n"
  "## Artikel 1:2\n"
  "\n"
  "1. Eerste lid.\n"
  "2. Tweede lid:\n"
  "   - a. een;\n"
  "     - 1° sub;\n"
  "   - b. twee.\n"
  "\n"
  "## Artikel 1:2\n"
  "\n"
  "Dubbel.\n"
  "\n"
  "# Bijlage I Kaart\n"
  "\n"
  "Tekst.\n";

static gboolean
eid_is_valid (const char *eid)
{
  /* STOP: xs:NMTOKEN with the characters of its eId convention; AKN: no white space. */
  return g_regex_match_simple ("^[A-Za-z0-9_.-]+$", eid, 0, 0) && strstr (eid, "___") == NULL;
}

static void
test_eids (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (eid_doc);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AmendNode *root = amend_document_get_root (doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      g_assert_nonnull (n->eid);
      g_assert_true (eid_is_valid (n->eid));
      g_assert_false (g_hash_table_contains (seen, n->eid));
      g_hash_table_add (seen, n->eid);
    }

  g_assert_nonnull (amend_document_find_eid (doc, "chp_1"));
  g_assert_cmpint (amend_document_find_eid (doc, "chp_1__art_1.1")->kind, ==, AMEND_NODE_ARTICLE);
  g_assert_cmpint (amend_document_find_eid (doc, "chp_1__art_1.1__list_o_1__item_b")->kind, ==, AMEND_NODE_POINT);
  g_assert_cmpint (amend_document_find_eid (doc, "chp_1__art_1.2__para_2")->kind, ==, AMEND_NODE_MEMBER);
  g_assert_cmpstr (amend_document_find_eid (doc, "chp_1__art_1.2__para_2__list_o_1__item_a__list_o_1__item_1")->number, ==, "1°");
  /* The second "Artikel 1:2" gets an eId of its own. */
  g_assert_nonnull (amend_document_find_eid (doc, "chp_1__art_1.2-2"));
  g_assert_nonnull (amend_document_find_eid (doc, "cmp_I"));
  g_assert_null (amend_document_find_eid (doc, "art_9"));
}

static void
test_line_ranges (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (eid_doc);
  AmendNode *art = amend_document_find_eid (doc, "chp_1__art_1.2");
  AmendNode *member = amend_document_find_eid (doc, "chp_1__art_1.2__para_2");
  AmendNode *chapter = amend_document_find_eid (doc, "chp_1");

  g_assert_cmpuint (art->line_start, ==, 10);
  g_assert_cmpuint (art->line_end, ==, 16);
  g_assert_cmpuint (member->line_start, ==, 13);
  g_assert_cmpuint (member->line_end, ==, 16);
  g_assert_cmpuint (chapter->line_start, ==, 1);
  g_assert_cmpuint (chapter->line_end, ==, 20);
  g_assert_cmpuint (amend_document_get_line_count (doc), ==, 24);
}

static void
test_meta (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse ("---\ntitle: \"APV: 2027\"\n# a comment\nwork: /akn/nl/act/gm9999/2027/apv\n---\n\nTekst.\n");
  g_auto(GStrv) keys = NULL;
  g_autofree char *md = NULL;

  g_assert_cmpstr (amend_document_get_meta (doc, "title"), ==, "APV: 2027");
  g_assert_cmpstr (amend_document_get_meta (doc, "work"), ==, "/akn/nl/act/gm9999/2027/apv");
  keys = amend_document_dup_meta_keys (doc);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);

  amend_document_set_meta (doc, "date", "2027-01-01");
  amend_document_set_meta (doc, "title", " leading space");
  md = amend_document_to_markdown (doc);
  g_assert_cmpstr (md, ==, "---\ntitle: \" leading space\"\n# a comment\nwork: /akn/nl/act/gm9999/2027/apv\ndate: 2027-01-01\n---\n\nTekst.\n");
  amend_document_set_meta (doc, "date", NULL);
  g_assert_null (amend_document_get_meta (doc, "date"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/kind-names", test_kind_names);
  g_test_add_func ("/model/tree-ops", test_tree_ops);
  g_test_add_func ("/model/deep-tree", test_deep_tree);
  g_test_add_func ("/model/eids", test_eids);
  g_test_add_func ("/model/line-ranges", test_line_ranges);
  g_test_add_func ("/model/meta", test_meta);
  return g_test_run ();
}
