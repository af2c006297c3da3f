/* test-xml-change.c: the change exports, STOP RegelingMutatie and Akoma
 * Ntoso amendment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example regulation against versions edited in one way each, and
 * consecutive versions of the Gemeentewet from the shared corpus.  Every
 * export is validated with libxml2's xmlSchemaValidateDoc against the
 * XSDs in ../shared/schemas/, and every mutation is checked to point at an
 * element of the old version.
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "amend-akn-export.h"
#include "amend-diff.h"
#include "amend-stop-export.h"
#include "amend-test-util.h"
#include "amend-test-xml.h"
#include "amend-xml.h"

#define STOP_XSD "schemas/stop-1.3.0/imop-tekst.xsd"
#define AKN_XSD  "schemas/akn-3.0/akomantoso30.xsd"
#define OLD_EXPRESSION "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01"
#define NEW_EXPRESSION "/akn/nl/act/gm9999/2027/apv/nld@2027-07-01"

/* ----------------------------------------------------------------------- */
/* Helpers                                                                  */
/* ----------------------------------------------------------------------- */

/* The nodes @expr selects; "s:" is STOP's namespace, "a:" Akoma Ntoso's. */
static GPtrArray *
select_nodes (xmlDocPtr   doc,
              const char *expr)
{
  xmlXPathContextPtr ctxt = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  GPtrArray *nodes = g_ptr_array_new ();

  xmlXPathRegisterNs (ctxt, (const xmlChar *) "s", (const xmlChar *) AMEND_XML_NS_STOP_TEKST);
  xmlXPathRegisterNs (ctxt, (const xmlChar *) "a", (const xmlChar *) AMEND_XML_NS_AKN);
  result = xmlXPathEvalExpression ((const xmlChar *) expr, ctxt);
  g_assert_nonnull (result);
  if (result->nodesetval)
    for (int i = 0; i < result->nodesetval->nodeNr; i++)
      g_ptr_array_add (nodes, result->nodesetval->nodeTab[i]);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctxt);
  return nodes;
}

static xmlNodePtr
select_one (xmlDocPtr   doc,
            const char *expr)
{
  g_autoptr(GPtrArray) nodes = select_nodes (doc, expr);

  if (nodes->len != 1)
    g_error ("%s selects %u nodes, not one", expr, nodes->len);
  return g_ptr_array_index (nodes, 0);
}

static char *
attr (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The text of an element as a reader sees it: the words of NieuweTekst and
 * VerwijderdeTekst in brackets, [+new+] and [-old-]. */
static void
append_renvooi (GString    *out,
                xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) c->content);
      else if (c->type != XML_ELEMENT_NODE)
        continue;
      else if (strcmp ((const char *) c->name, "NieuweTekst") == 0 || strcmp ((const char *) c->name, "ins") == 0)
        {
          g_string_append (out, "[+");
          append_renvooi (out, c);
          g_string_append (out, "+]");
        }
      else if (strcmp ((const char *) c->name, "VerwijderdeTekst") == 0 || strcmp ((const char *) c->name, "del") == 0)
        {
          g_string_append (out, "[-");
          append_renvooi (out, c);
          g_string_append (out, "-]");
        }
      else
        append_renvooi (out, c);
    }
}

static char *
renvooi_of (xmlNodePtr node)
{
  GString *out = g_string_new (NULL);

  append_renvooi (out, node);
  return g_string_free (out, FALSE);
}

static AmendDocument *
load_example (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");

  return amend_test_parse_file (path);
}

/* The example as a new version: another date, and each @from replaced by
 * the @to after it (NULL-terminated pairs). */
static AmendDocument *
edit_example (const char *from,
              ...)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  GString *s = g_string_new (text);
  AmendDocument *doc;
  va_list args;

  g_assert_cmpuint (g_string_replace (s, OLD_EXPRESSION, NEW_EXPRESSION, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, "date: 2027-01-01", "date: 2027-07-01", 1), ==, 1);
  va_start (args, from);
  for (const char *f = from; f != NULL; f = va_arg (args, const char *))
    {
      const char *to = va_arg (args, const char *);

      /* The test's own text must be in the example. */
      g_assert_cmpuint (g_string_replace (s, f, to, 1), ==, 1);
    }
  va_end (args);
  doc = amend_test_parse (s->str);
  g_string_free (s, TRUE);
  return doc;
}

/* The example as an old version with @from replaced by @to. */
static AmendDocument *
edit_example_old (const char *from,
                  const char *to)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  GString *s = g_string_new (text);
  AmendDocument *doc;

  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  doc = amend_test_parse (s->str);
  g_string_free (s, TRUE);
  return doc;
}

typedef struct {
  AmendDocument *old_doc;
  AmendDocument *new_doc;
  AmendDiff     *diff;
  GPtrArray     *warnings;
  xmlDocPtr      stop;
  xmlDocPtr      akn;
} Change;

static void
change_clear (Change *c)
{
  g_clear_object (&c->diff);
  g_clear_object (&c->old_doc);
  g_clear_object (&c->new_doc);
  g_clear_pointer (&c->warnings, g_ptr_array_unref);
  g_clear_pointer (&c->stop, xmlFreeDoc);
  g_clear_pointer (&c->akn, xmlFreeDoc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Change, change_clear)

/* The wId an element of the old version has: AUTHORITY_1__EID.  Returns
 * the eId, or NULL when @wid is not of that form. */
static const char *
old_eid_of_wid (const char *wid,
                const char *authority)
{
  g_autofree char *prefix = g_strdup_printf ("%s_1__", authority);

  return g_str_has_prefix (wid, prefix) ? wid + strlen (prefix) : NULL;
}

/* Every wat names an element of the old version by its wId; a context
 * does too, or names an element a VoegToe before it added.  Every wId
 * AUTHORITY_1__X in the mutation is of an element X of the old version. */
static void
check_stop_targets (Change     *c,
                    const char *authority)
{
  g_autoptr(GPtrArray) mutations = select_nodes (c->stop, "//s:RegelingMutatie/*");
  g_autoptr(GPtrArray) identified = select_nodes (c->stop, "//s:RegelingMutatie//*[@wId]");
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *next_prefix = g_strdup_printf ("%s_2__", authority);

  g_assert_cmpuint (mutations->len, >, 0);
  for (guint i = 0; i < mutations->len; i++)
    {
      xmlNodePtr m = g_ptr_array_index (mutations, i);
      const char *name = (const char *) m->name;
      g_autofree char *target = attr (m, strcmp (name, "VoegToe") == 0 ? "context" : "wat");
      const char *eid;

      g_assert_nonnull (target);
      eid = old_eid_of_wid (target, authority);
      if (strcmp (target, "body") == 0)
        g_assert_cmpstr (name, ==, "VoegToe"); /* an annex after the Lichaam */
      else if (eid == NULL)
        {
          /* After an element this change adds, added before. */
          g_assert_cmpstr (name, ==, "VoegToe");
          g_assert_true (g_str_has_prefix (target, next_prefix));
          g_assert_true (g_hash_table_contains (added, target));
        }
      else if (strcmp (eid, "body") != 0)
        {
          if (amend_document_find_eid (c->old_doc, eid) == NULL)
            g_error ("%s %s names no element of the old version", name, target);
        }
      if (strcmp (name, "VoegToe") == 0)
        for (xmlNodePtr e = m->children; e != NULL; e = e->next)
          if (e->type == XML_ELEMENT_NODE && xmlHasProp (e, (const xmlChar *) "wId"))
            g_hash_table_add (added, attr (e, "wId"));
    }
  for (guint i = 0; i < identified->len; i++)
    {
      g_autofree char *wid = attr (g_ptr_array_index (identified, i), "wId");
      const char *eid = old_eid_of_wid (wid, authority);

      /* Lists have no node of their own; their ids are checked with
       * their points. */
      if (eid != NULL && strstr (eid, "__list_o_") == NULL && strstr (eid, "__div_o_") == NULL &&
          strstr (eid, "__content_o_") == NULL && amend_document_find_eid (c->old_doc, eid) == NULL)
        g_error ("wId %s is of no element of the old version", wid);
    }
}

/* Every textualMod changes an element of the old version (an insertion:
 * after one, or after one added before), and its source is a mod here. */
static void
check_akn_targets (Change *c)
{
  g_autoptr(GPtrArray) mods = select_nodes (c->akn, "//a:activeModifications/a:textualMod");
  g_autoptr(GPtrArray) contents = select_nodes (c->akn, "//a:amendmentBody//a:blockContainer");
  g_autofree char *old_prefix = NULL;
  AmendDocument *old_doc = c->old_doc;
  const char *expression = amend_document_get_meta (old_doc, "expression");
  g_autoptr(GHashTable) old_eids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Without an expression, the export makes it from work and date. */
  if (expression != NULL)
    old_prefix = g_strdup_printf ("%s/!main#", expression);
  else
    old_prefix = g_strdup_printf ("%s/nld@%s/!main#", amend_document_get_meta (old_doc, "work"),
                                  amend_document_get_meta (old_doc, "date"));
  /* The old version's eIds as its Akoma Ntoso export names them. */
  for (AmendNode *n = amend_document_get_root (old_doc); n != NULL; n = amend_node_next (n, amend_document_get_root (old_doc)))
    if (n->eid != NULL)
      g_hash_table_add (old_eids, amend_akn_eid (n));
  g_assert_cmpuint (mods->len, >, 0);
  g_assert_cmpuint (mods->len, ==, contents->len);
  for (guint i = 0; i < mods->len; i++)
    {
      xmlNodePtr mod = g_ptr_array_index (mods, i);
      g_autofree char *source_expr = g_strdup_printf ("(//a:textualMod)[%u]/a:source", i + 1);
      g_autofree char *destination_expr = g_strdup_printf ("(//a:textualMod)[%u]/a:destination", i + 1);
      xmlNodePtr source = select_one (c->akn, source_expr);
      xmlNodePtr destination = select_one (c->akn, destination_expr);
      g_autofree char *href = attr (source, "href");
      g_autofree char *to = attr (destination, "href");
      g_autofree char *type = attr (mod, "type");
      g_autofree char *expr = g_strdup_printf ("//a:mod[@eId='%s']", href + 1);

      g_assert_true (href[0] == '#');
      select_one (c->akn, expr);
      if (g_str_has_prefix (to, old_prefix))
        {
          if (!g_hash_table_contains (old_eids, to + strlen (old_prefix)))
            g_error ("textualMod %s changes %s, which is no element of the old version", type, to);
        }
      else
        g_assert_cmpstr (type, ==, "insertion");
    }
}

/* Builds both exports of @old_doc -> @new_doc, validates them and checks
 * where their mutations point. */
static void
export_both (Change        *c,
             AmendDocument *old_doc,
             AmendDocument *new_doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stop = NULL;
  g_autoptr(GBytes) akn = NULL;
  const char *authority = amend_document_get_meta (new_doc, "authority");

  c->old_doc = old_doc;
  c->new_doc = new_doc;
  c->diff = amend_diff_new (old_doc, new_doc);
  c->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);

  stop = amend_stop_export_change (c->diff, c->warnings, &error);
  g_assert_no_error (error);
  c->stop = amend_test_xml_parse (stop);
  amend_test_xml_assert_valid (c->stop, STOP_XSD);
  check_stop_targets (c, authority);

  akn = amend_akn_export_amendment (c->diff, c->warnings, &error);
  g_assert_no_error (error);
  c->akn = amend_test_xml_parse (akn);
  amend_test_xml_assert_valid (c->akn, AKN_XSD);
  check_akn_targets (c);
}

static guint
count (xmlDocPtr   doc,
       const char *expr)
{
  g_autoptr(GPtrArray) nodes = select_nodes (doc, expr);

  return nodes->len;
}

static void
assert_attr (xmlNodePtr  node,
             const char *name,
             const char *expected)
{
  g_autofree char *value = attr (node, name);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_renvooi (xmlNodePtr  node,
                const char *expected)
{
  g_autofree char *got = renvooi_of (node);

  g_assert_cmpstr (got, ==, expected);
}

/* ----------------------------------------------------------------------- */
/* The example, edited                                                      */
/* ----------------------------------------------------------------------- */

/* A word in a member: the article in renvooi, Vervang wat its wId. */
static void
test_reworded_member (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr vervang, al, p, mod;

  export_both (&c, load_example (),
               edit_example ("binnen acht weken na de datum", "binnen zes weken na de datum", NULL));

  /* The decision around it. */
  assert_attr (select_one (c.stop, "/s:BesluitCompact"), "schemaversie", "1.3.0");
  assert_renvooi (select_one (c.stop, "//s:Lichaam/s:Artikel[@eId='art_II']/s:Inhoud/s:Al"),
                  "Dit besluit treedt in werking op 1 juli 2027.");
  {
    g_autofree char *wat = renvooi_of (select_one (c.stop, "//s:WijzigArtikel/s:Wat"));
    g_assert_nonnull (strstr (wat, "wordt gewijzigd zoals aangegeven in Bijlage A"));
  }
  mod = select_one (c.stop, "//s:WijzigBijlage/s:RegelingMutatie");
  assert_attr (mod, "was", OLD_EXPRESSION);
  assert_attr (mod, "wordt", NEW_EXPRESSION);
  assert_attr (mod, "componentnaam", "wijziging_reg");

  vervang = select_one (c.stop, "//s:RegelingMutatie/s:Vervang");
  assert_attr (vervang, "wat", "gm9999_1__chp_1__art_1.2");
  assert_renvooi (select_one (c.stop, "//s:Vervang/s:Nummer"), "A");
  assert_renvooi (select_one (c.stop, "//s:Vervang/s:Wat"),
                  "In artikel 1:2, eerste lid, wordt \"acht\" vervangen door \"zes\".");
  assert_attr (select_one (c.stop, "//s:Vervang/s:Artikel"), "wId", "gm9999_1__chp_1__art_1.2");
  al = select_one (c.stop, "//s:Vervang//s:Lid[@eId='chp_1__art_1.2__para_1']/s:Inhoud/s:Al");
  assert_renvooi (al, "Het bevoegde bestuursorgaan beslist op een aanvraag om een vergunning of ontheffing "
                      "binnen[- acht-][+ zes+] weken na de datum van ontvangst van de aanvraag.");
  /* The other members are there, unmarked. */
  g_assert_cmpuint (count (c.stop, "//s:Vervang//s:Lid"), ==, 3);
  g_assert_cmpuint (count (c.stop, "//s:Vervang//*[@wijzigactie]"), ==, 0);
  g_assert_cmpuint (count (c.stop, "//s:Vervang//s:NieuweTekst"), ==, 1);

  /* Akoma Ntoso: a substitution of the article, with ins and del. */
  assert_attr (select_one (c.akn, "/a:akomaNtoso/a:amendment"), "name", "wijziging");
  assert_attr (select_one (c.akn, "//a:textualMod"), "type", "substitution");
  assert_attr (select_one (c.akn, "//a:textualMod/a:destination"), "href",
               OLD_EXPRESSION "/!main#chp_1__art_1.2");
  p = select_one (c.akn, "//a:quotedStructure//a:paragraph[@eId='chp_1__art_1.2__para_1']//a:p");
  assert_renvooi (p, "Het bevoegde bestuursorgaan beslist op een aanvraag om een vergunning of ontheffing "
                     "binnen[- acht-][+ zes+] weken na de datum van ontvangst van de aanvraag.");
  /* An address of its own for each change: the regulation, the new date
   * and a digest of what changed. */
  {
    g_autofree char *uri = attr (select_one (c.akn, "//a:FRBRWork/a:FRBRuri"), "value");

    g_assert_true (g_str_has_prefix (uri, "/akn/nl/amendment/gm9999/2027-07-01/apv-"));
    g_assert_cmpuint (strlen (uri), ==, strlen ("/akn/nl/amendment/gm9999/2027-07-01/apv-") + 8);
  }
  /* The Work's date is the day the change was made. */
  assert_attr (select_one (c.akn, "//a:FRBRWork/a:FRBRdate"), "date", "2027-07-01");
}

/* A new article: VoegToe after its neighbour, under a wId of the new version. */
static void
test_inserted_article (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr voegtoe, artikel;

  export_both (&c, load_example (),
               edit_example ("### Artikel 2:2 Verspreiden",
                             "### Artikel 2:1a Samenscholingsverbod\n\nDe burgemeester kan een samenscholing "
                             "verbieden.\n\n### Artikel 2:2 Verspreiden", NULL));

  voegtoe = select_one (c.stop, "//s:RegelingMutatie/s:VoegToe");
  assert_attr (voegtoe, "positie", "volgtOp");
  assert_attr (voegtoe, "context", "gm9999_1__chp_2__subchp_2.1__art_2.1");
  assert_renvooi (select_one (c.stop, "//s:VoegToe/s:Wat"), "Na artikel 2:1 wordt een artikel ingevoegd, luidende:");
  artikel = select_one (c.stop, "//s:VoegToe/s:Artikel");
  assert_attr (artikel, "eId", "chp_2__subchp_2.1__art_2.1a");
  assert_attr (artikel, "wId", "gm9999_2__chp_2__subchp_2.1__art_2.1a");
  assert_renvooi (select_one (c.stop, "//s:VoegToe/s:Artikel/s:Inhoud/s:Al"),
                  "De burgemeester kan een samenscholing verbieden.");

  assert_attr (select_one (c.akn, "//a:textualMod"), "type", "insertion");
  assert_attr (select_one (c.akn, "//a:textualMod/a:destination"), "href",
               OLD_EXPRESSION "/!main#chp_2__subchp_2.1__art_2.1");
  assert_attr (select_one (c.akn, "//a:textualMod/a:destination"), "pos", "after");
  select_one (c.akn, "//a:quotedStructure/a:article[@eId='chp_2__subchp_2.1__art_2.1a']");
}

/* The first article of a part: VoegToe before the next. */
static void
test_inserted_first_article (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr voegtoe;

  export_both (&c, load_example (),
               edit_example ("## Afdeling 2.1 Bestrijding van ongeregeldheden\n",
                             "## Afdeling 2.1 Bestrijding van ongeregeldheden\n\n### Artikel 2:0 Toepassing\n\n"
                             "Deze afdeling geldt in de hele gemeente.\n", NULL));
  voegtoe = select_one (c.stop, "//s:RegelingMutatie/s:VoegToe");
  assert_attr (voegtoe, "positie", "komtVoor");
  assert_attr (voegtoe, "context", "gm9999_1__chp_2__subchp_2.1__art_2.1");
  assert_attr (select_one (c.akn, "//a:textualMod/a:destination"), "pos", "before");
}

/* A deleted article: Verwijder with the article as it was. */
static void
test_deleted_article (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr verwijder;

  export_both (&c, load_example (),
               edit_example ("## Artikel 1:8 Geldigheidsduur\n\nEen vergunning of ontheffing geldt voor onbepaalde "
                             "tijd, tenzij in de vergunning of ontheffing anders is bepaald.\n\n", "", NULL));
  verwijder = select_one (c.stop, "//s:RegelingMutatie/s:Verwijder");
  assert_attr (verwijder, "wat", "gm9999_1__chp_1__art_1.8");
  assert_renvooi (select_one (c.stop, "//s:Verwijder/s:Wat"), "Artikel 1:8 vervalt.");
  assert_attr (select_one (c.stop, "//s:Verwijder/s:Artikel"), "eId", "chp_1__art_1.8");
  assert_attr (select_one (c.stop, "//s:Verwijder/s:Artikel"), "wId", "gm9999_1__chp_1__art_1.8");

  assert_attr (select_one (c.akn, "//a:textualMod"), "type", "repeal");
  assert_attr (select_one (c.akn, "//a:textualMod/a:destination"), "href", OLD_EXPRESSION "/!main#chp_1__art_1.8");
  g_assert_cmpuint (count (c.akn, "//a:quotedStructure"), ==, 0);
}

/* Article 1:5 deleted, 1:6 to 1:8 renumbered: each keeps its wId under its
 * new eId; the deleted one gives its eId up. */
static void
test_renumbered_article (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  g_autofree char *section = NULL;
  g_auto(Change) c = { 0 };
  xmlNodePtr artikel, nummer;
  const char *start = strstr (text, "## Artikel 1:5 ");
  const char *end = strstr (text, "## Artikel 1:6 ");

  section = g_strndup (start, end - start);
  export_both (&c, load_example (),
               edit_example (section, "",
                             "## Artikel 1:6 Intrekking", "## Artikel 1:5 Intrekking",
                             "## Artikel 1:7 Persoonsgebondenheid", "## Artikel 1:6 Persoonsgebondenheid",
                             "## Artikel 1:8 Geldigheidsduur", "## Artikel 1:7 Geldigheidsduur", NULL));

  g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:Verwijder"), ==, 1);
  g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:Vervang"), ==, 3);
  /* The deleted article's eId is now article 1:6's: it takes a suffix,
   * as in the standard's example, and keeps its identity. */
  artikel = select_one (c.stop, "//s:Verwijder/s:Artikel");
  assert_attr (artikel, "eId", "chp_1__art_1.5_inst2");
  assert_attr (artikel, "wId", "gm9999_1__chp_1__art_1.5");

  artikel = select_one (c.stop, "//s:Vervang[@wat='gm9999_1__chp_1__art_1.6']/s:Artikel");
  assert_attr (artikel, "eId", "chp_1__art_1.5");
  assert_attr (artikel, "wId", "gm9999_1__chp_1__art_1.6");
  nummer = select_one (c.stop, "//s:Vervang[@wat='gm9999_1__chp_1__art_1.6']/s:Artikel/s:Kop/s:Nummer");
  assert_renvooi (nummer, "[-1:6-][+1:5+]");
  /* One instruction says the deletion and the renumbering it causes
   * (Ar 3.29): its Wat goes with the first of its mutations. */
  assert_renvooi (select_one (c.stop, "//s:Verwijder/s:Wat"),
                  "Artikel 1:5 vervalt, onder vernummering van de artikelen 1:6 tot en met 1:8 tot 1:5 tot en met 1:7.");
  g_assert_cmpuint (count (c.stop, "//s:Vervang/s:Wat"), ==, 0);
  /* Its members keep theirs too. */
  assert_attr (select_one (c.stop, "//s:Vervang[@wat='gm9999_1__chp_1__art_1.6']//s:Lid[1]"),
               "eId", "chp_1__art_1.5__para_1");
  assert_attr (select_one (c.stop, "//s:Vervang[@wat='gm9999_1__chp_1__art_1.6']//s:Lid[1]"),
               "wId", "gm9999_1__chp_1__art_1.6__para_1");

  /* Akoma Ntoso: renumbering, the old eId as the wId, every eId once (the
   * schema checks that too). */
  g_assert_cmpuint (count (c.akn, "//a:textualMod[@type='renumbering']"), ==, 3);
  g_assert_cmpuint (count (c.akn, "//a:textualMod[@type='repeal']"), ==, 1);
  artikel = select_one (c.akn, "//a:quotedStructure/a:article[@eId='chp_1__art_1.5']");
  assert_attr (artikel, "wId", "chp_1__art_1.6");
  assert_renvooi (select_one (c.akn, "//a:quotedStructure/a:article[@eId='chp_1__art_1.5']/a:num"),
                  "Artikel[- 1:6-][+ 1:5+]"); /* a number is never cut in two */
}

/* A heading alone: VervangKop. */
static void
test_heading (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr kop;

  export_both (&c, load_example (),
               edit_example ("## Artikel 1:7 Persoonsgebondenheid", "## Artikel 1:7 Persoonsgebonden vergunning", NULL));
  g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/*"), ==, 1);
  kop = select_one (c.stop, "//s:RegelingMutatie/s:VervangKop");
  assert_attr (kop, "wat", "gm9999_1__chp_1__art_1.7");
  g_assert_false (xmlHasProp (kop, (const xmlChar *) "eId-wordt"));
  assert_renvooi (select_one (c.stop, "//s:VervangKop/s:Kop/s:Opschrift"),
                  "[-Persoonsgebondenheid-][+Persoonsgebonden vergunning+]");
  assert_renvooi (select_one (c.stop, "//s:VervangKop/s:Kop/s:Nummer"), "1:7");
  assert_renvooi (select_one (c.stop, "//s:VervangKop/s:Wat"),
                  "Het opschrift van artikel 1:7 komt te luiden: \"Persoonsgebonden vergunning\".");

  assert_attr (select_one (c.akn, "//a:textualMod"), "type", "substitution");
  assert_renvooi (select_one (c.akn, "//a:quotedStructure/a:heading"),
                  "[-Persoonsgebondenheid-][+Persoonsgebonden vergunning+]");
}

/* A member inserted between two: marked voegtoe, the ones after it
 * renumbered in renvooi with their old wIds. */
static void
test_inserted_member (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr lid;

  export_both (&c, load_example (),
               edit_example ("2. De houder van een vergunning of ontheffing is verplicht",
                             "2. Een voorschrift kan een termijn bevatten.\n3. De houder van een vergunning of "
                             "ontheffing is verplicht",
                             "3. Het bevoegde bestuursorgaan kan voorschriften en beperkingen wijzigen",
                             "4. Het bevoegde bestuursorgaan kan voorschriften en beperkingen wijzigen", NULL));
  assert_attr (select_one (c.stop, "//s:RegelingMutatie/s:Vervang"), "wat", "gm9999_1__chp_1__art_1.5");
  lid = select_one (c.stop, "//s:Vervang//s:Lid[@wijzigactie]");
  assert_attr (lid, "wijzigactie", "voegtoe");
  assert_attr (lid, "eId", "chp_1__art_1.5__para_2");
  assert_attr (lid, "wId", "gm9999_2__chp_1__art_1.5__para_2");
  lid = select_one (c.stop, "//s:Vervang//s:Lid[@eId='chp_1__art_1.5__para_3']");
  assert_attr (lid, "wId", "gm9999_1__chp_1__art_1.5__para_2");
  assert_renvooi (select_one (c.stop, "//s:Vervang//s:Lid[@eId='chp_1__art_1.5__para_3']/s:LidNummer"),
                  "[-2.-][+3.+]");
  g_assert_cmpuint (count (c.stop, "//s:Vervang//s:Lid"), ==, 4);

  /* Akoma Ntoso: the new member's text in ins. */
  assert_renvooi (select_one (c.akn, "//a:paragraph[@eId='chp_1__art_1.5__para_2']/a:num"), "[+2.+]");
  assert_renvooi (select_one (c.akn, "//a:paragraph[@eId='chp_1__art_1.5__para_2']//a:p"),
                  "[+Een voorschrift kan een termijn bevatten.+]");
  assert_attr (select_one (c.akn, "//a:paragraph[@eId='chp_1__art_1.5__para_3']"), "wId", "chp_1__art_1.5__para_2");
}

/* A member at the end, a point deleted: whole elements marked. */
static void
test_deleted_point (void)
{
  g_auto(Change) c = { 0 };
  xmlNodePtr li;

  export_both (&c, load_example (),
               edit_example ("   - c. de volksgezondheid;\n   - d. de bescherming van het milieu.",
                             "   - c. de bescherming van het milieu.",
                             "wordt ten minste tien weken voor de aanvang van het evenement ingediend.\n",
                             "wordt ten minste tien weken voor de aanvang van het evenement ingediend.\n"
                             "4. Een onvolledige aanvraag wordt niet behandeld.\n", NULL));
  g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:Vervang"), ==, 2);
  li = select_one (c.stop, "//s:Vervang//s:Li[@wijzigactie='verwijder']");
  assert_attr (li, "eId", "chp_1__art_1.4__para_1__list_o_1__item_c_inst2");
  assert_attr (li, "wId", "gm9999_1__chp_1__art_1.4__para_1__list_o_1__item_c");
  assert_renvooi (select_one (c.stop, "//s:Vervang//s:Li[@wijzigactie='verwijder']/s:Al"), "de volksgezondheid;");
  li = select_one (c.stop, "//s:Vervang//s:Li[@eId='chp_1__art_1.4__para_1__list_o_1__item_c']");
  assert_attr (li, "wId", "gm9999_1__chp_1__art_1.4__para_1__list_o_1__item_d");
  assert_renvooi (select_one (c.stop, "//s:Vervang//s:Li[@eId='chp_1__art_1.4__para_1__list_o_1__item_c']/s:LiNummer"),
                  "[-d.-][+c.+]");
  assert_attr (select_one (c.stop, "//s:Vervang//s:Lid[@eId='chp_1__art_1.3__para_4']"), "wijzigactie", "voegtoe");

  assert_renvooi (select_one (c.akn, "//a:point[@eId='chp_1__art_1.4__para_1__list_o_1__point_c_inst2']/a:num"),
                  "[-c.-]");
  assert_renvooi (select_one (c.akn, "//a:point[@eId='chp_1__art_1.4__para_1__list_o_1__point_c_inst2']//a:p"),
                  "[-de volksgezondheid;-]");
}

/* A definition: the term and the definition each in renvooi, emphasis kept. */
static void
test_definition (void)
{
  g_auto(Change) c = { 0 };

  export_both (&c, load_example (),
               edit_example ("- b. college: het college", "- b. college *van B en W*: het dagelijks college",
                             "- d. exploitant: de natuurlijke", "- d. uitbater: de natuurlijke", NULL));
  assert_renvooi (select_one (c.stop, "//s:Begrip[@eId='chp_1__art_1.1__list_o_1__item_b']/s:Term"),
                  "college[+ van B en W+]");
  select_one (c.stop, "//s:Begrip[@eId='chp_1__art_1.1__list_o_1__item_b']/s:Term/s:NieuweTekst/s:i");
  assert_renvooi (select_one (c.stop, "//s:Begrip[@eId='chp_1__art_1.1__list_o_1__item_b']/s:Definitie/s:Al"),
                  "het[+ dagelijks+] college van burgemeester en wethouders van de gemeente Lindewaarde;");
  assert_renvooi (select_one (c.stop, "//s:Begrip[@eId='chp_1__art_1.1__list_o_1__item_d']/s:Term"),
                  "[-exploitant-][+uitbater+]");
}

/* Several changes at once: lettered as the instructions, every one valid. */
static void
test_several (void)
{
  g_auto(Change) c = { 0 };
  g_autoptr(GPtrArray) numbers = NULL;
  const char *expected[] = { "A", "B", "C", "D" };

  export_both (&c, load_example (),
               edit_example ("binnen acht weken na de datum", "binnen zes weken na de datum",
                             "## Artikel 1:7 Persoonsgebondenheid", "## Artikel 1:7 Persoonsgebonden vergunning",
                             "### Artikel 2:2 Verspreiden",
                             "### Artikel 2:1a Samenscholingsverbod\n\nVerboden.\n\n### Artikel 2:2 Verspreiden",
                             "### Artikel 2:10 Ligplaats", "### Artikel 2:11 Ligplaats", NULL));
  numbers = select_nodes (c.stop, "//s:RegelingMutatie/*/s:Nummer");
  g_assert_cmpuint (numbers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < numbers->len; i++)
    assert_renvooi (g_ptr_array_index (numbers, i), expected[i]);
  assert_attr (select_one (c.stop, "//s:Vervang[s:Nummer='D']/s:Artikel"), "wId",
               "gm9999_1__chp_2__subchp_2.2__art_2.10");
  assert_attr (select_one (c.stop, "//s:Vervang[s:Nummer='D']/s:Artikel"), "eId", "chp_2__subchp_2.2__art_2.11");
}

/* Emphasis alone: no instruction says it, but the text STOP holds changed. */
static void
test_format_only (void)
{
  g_auto(Change) c = { 0 };

  export_both (&c, load_example (),
               edit_example ("binnen acht weken na de datum", "binnen *acht weken* na de datum", NULL));
  g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:Vervang"), ==, 1);
  g_assert_cmpuint (count (c.stop, "//s:Vervang/s:Wat"), ==, 0);
  select_one (c.stop, "//s:Vervang//s:Lid[@eId='chp_1__art_1.2__para_1']//s:i");
}

/* Divisions: a new chapter, a chapter renumbered (VervangKop with its new
 * eId), an article moved to another chapter. */
static void
test_divisions (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  const char *start = strstr (text, "## Artikel 4:9 ");
  const char *end = strstr (text, "# Hoofdstuk 5 ");
  g_autofree char *article = g_strndup (start, end - start);
  g_autofree char *moved = g_strconcat (article, "## Artikel 5:1 Strafbepaling", NULL);

  {
    g_auto(Change) c = { 0 };
    xmlNodePtr voegtoe;

    export_both (&c, load_example (),
                 edit_example ("# Hoofdstuk 5 Strafbepalingen",
                               "# Hoofdstuk 4A Markten\n\n## Artikel 4A:1 Weekmarkt\n\nEr is een weekmarkt.\n\n"
                               "# Hoofdstuk 5 Strafbepalingen", NULL));
    voegtoe = select_one (c.stop, "//s:RegelingMutatie/s:VoegToe");
    assert_attr (voegtoe, "context", "gm9999_1__chp_4");
    assert_attr (select_one (c.stop, "//s:VoegToe/s:Hoofdstuk"), "wId", "gm9999_2__chp_4A");
    assert_attr (select_one (c.stop, "//s:VoegToe/s:Hoofdstuk/s:Artikel"), "eId", "chp_4A__art_4A.1");
  }
  {
    g_auto(Change) c = { 0 };
    xmlNodePtr kop;

    export_both (&c, load_example (),
                 edit_example ("# Hoofdstuk 5 Strafbepalingen", "# Hoofdstuk 6 Strafbepalingen", NULL));
    kop = select_one (c.stop, "//s:RegelingMutatie/s:VervangKop");
    assert_attr (kop, "wat", "gm9999_1__chp_5");
    assert_attr (kop, "eId-wordt", "chp_6");
    assert_renvooi (select_one (c.stop, "//s:VervangKop/s:Kop/s:Nummer"), "[-5-][+6+]");
    assert_renvooi (select_one (c.stop, "//s:VervangKop/s:Wat"), "Hoofdstuk 5 wordt vernummerd tot hoofdstuk 6.");
  }
  {
    g_auto(Change) c = { 0 };
    xmlNodePtr artikel;

    export_both (&c, load_example (), edit_example (article, "", "## Artikel 5:1 Strafbepaling", moved, NULL));
    assert_attr (select_one (c.stop, "//s:RegelingMutatie/s:Verwijder"), "wat", "gm9999_1__chp_4__art_4.9");
    assert_attr (select_one (c.stop, "//s:RegelingMutatie/s:VoegToe"), "context", "gm9999_1__chp_5__art_5.1");
    assert_attr (select_one (c.stop, "//s:RegelingMutatie/s:VoegToe"), "positie", "komtVoor");
    /* Moved: it goes in its Verwijder and comes back in its VoegToe as an
     * element of the new version, since STOP's rules (STOP0028) ask every
     * wId in a RegelingMutatie to be unique. */
    artikel = select_one (c.stop, "//s:VoegToe/s:Artikel");
    assert_attr (artikel, "eId", "chp_5__art_4.9");
    assert_attr (artikel, "wId", "gm9999_2__chp_5__art_4.9");
    g_assert_cmpuint (count (c.akn, "//a:textualMod[@type='repeal']"), ==, 1);
    g_assert_cmpuint (count (c.akn, "//a:textualMod[@type='insertion']"), ==, 1);
  }
  {
    g_auto(Change) c = { 0 };

    /* The heading of the last division of a chapter goes, its articles
     * joining the one before: the division goes once, with them, and
     * they come back where they stand now. */
    export_both (&c, load_example (), edit_example ("## Afdeling 2.2 Gebruik van de openbare ruimte\n\n", "", NULL));
    g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:Verwijder"), ==, 1);
    assert_attr (select_one (c.stop, "//s:RegelingMutatie/s:Verwijder"), "wat", "gm9999_1__chp_2__subchp_2.2");
    assert_renvooi (select_one (c.stop, "//s:Verwijder/s:Wat"),
                    "In hoofdstuk 2 vervalt de aanduiding \"Afdeling 2.2 Gebruik van de openbare ruimte\".");
    g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:VoegToe"), ==, 5);
  }
}

/* An article in a chapter that had only text: no neighbour to follow, so
 * the chapter is replaced, once, saying both instructions. */
static void
test_alone_in_part (void)
{
  static const char before[] =
    "---\ntitle: Marktverordening\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/markt\n"
    "date: 2027-01-01\n---\n\n# Hoofdstuk 1 Algemeen\n\nDit hoofdstuk volgt later.\n\n"
    "# Hoofdstuk 2 Markten\n\n## Artikel 2:1 Weekmarkt\n\nEr is een weekmarkt.\n";
  static const char after[] =
    "---\ntitle: Marktverordening\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/markt\n"
    "date: 2027-03-01\n---\n\n# Hoofdstuk 1 Algemeen\n\n## Artikel 1:1 Begrippen\n\nMarkt: een weekmarkt.\n\n"
    "# Hoofdstuk 2 Markten\n\n## Artikel 2:1 Weekmarkt\n\nEr is een weekmarkt.\n";
  g_auto(Change) c = { 0 };
  g_autofree char *wat = NULL;

  export_both (&c, amend_test_parse (before), amend_test_parse (after));
  g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/*"), ==, 1);
  assert_attr (select_one (c.stop, "//s:RegelingMutatie/s:Vervang"), "wat", "gm9999_1__chp_1");
  assert_attr (select_one (c.stop, "//s:Vervang/s:Hoofdstuk/s:Artikel"), "wijzigactie", "voegtoe");
  assert_attr (select_one (c.stop, "//s:Vervang/s:Hoofdstuk/s:Redactioneel/s:Al"), "wijzigactie", "verwijder");
  wat = renvooi_of (select_one (c.stop, "//s:Vervang/s:Wat"));
  g_assert_true (g_str_has_prefix (wat, "Aan hoofdstuk 1 wordt een artikel toegevoegd, luidende:"));
  g_assert_nonnull (strstr (wat, "B. "));
}

/* ----------------------------------------------------------------------- */
/* Errors                                                                   */
/* ----------------------------------------------------------------------- */

static void
assert_export_fails (AmendDocument *old_doc,
                     AmendDocument *new_doc,
                     const char    *needle)
{
  g_autoptr(AmendDiff) diff = amend_diff_new (old_doc, new_doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stop = amend_stop_export_change (diff, NULL, &error);
  g_autoptr(GBytes) akn = NULL;

  g_assert_null (stop);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
  if (strstr (error->message, needle) == NULL)
    g_error ("\"%s\" does not say \"%s\"", error->message, needle);
  g_clear_error (&error);
  akn = amend_akn_export_amendment (diff, NULL, &error);
  g_assert_null (akn);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_errors (void)
{
  g_autoptr(AmendDocument) a = load_example ();
  g_autoptr(AmendDocument) b = load_example ();
  g_autoptr(AmendDocument) same_date = load_example ();
  g_autoptr(AmendDocument) front_only = edit_example ("citation: APV Lindewaarde 2027", "citation: APV 2027", NULL);
  g_autoptr(AmendDocument) no_work = edit_example ("binnen acht weken", "binnen zes weken", NULL);
  g_autoptr(AmendDocument) changed = edit_example ("binnen acht weken", "binnen zes weken", NULL);
  g_autoptr(AmendDocument) other_work = edit_example ("binnen acht weken", "binnen zes weken", NULL);

  assert_export_fails (a, b, "nothing changed between the two versions");
  assert_export_fails (a, front_only, "nothing changed in the articles");

  /* A change leads to a new expression. */
  {
    g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
    g_autofree char *text = amend_test_read_file (path, NULL);
    GString *s = g_string_new (text);
    g_autoptr(AmendDocument) edited = NULL;

    g_string_replace (s, "binnen acht weken", "binnen zes weken", 1);
    edited = amend_test_parse (s->str);
    g_string_free (s, TRUE);
    assert_export_fails (same_date, edited, "\xe2\x80\x9c" "date\xe2\x80\x9d");
  }

  amend_document_set_meta (no_work, "work", NULL);
  amend_document_set_meta (no_work, "expression", NULL);
  assert_export_fails (a, no_work, "in the new version, the front matter has no \xe2\x80\x9cwork\xe2\x80\x9d");

  amend_document_set_meta (a, "authority", NULL);
  assert_export_fails (a, changed, "in the old version, the front matter has no \xe2\x80\x9c" "authority\xe2\x80\x9d");
  amend_document_set_meta (a, "authority", "gm9999");

  amend_document_set_meta (other_work, "work", "/akn/nl/act/gm9999/2027/andere");
  amend_document_set_meta (other_work, "expression", NULL);
  assert_export_fails (a, other_work, "different regulations");
}

/* ----------------------------------------------------------------------- */
/* Real versions: the Gemeentewet                                           */
/* ----------------------------------------------------------------------- */

/* A version of the corpus with the front matter the export needs: the
 * national texts carry none. */
static AmendDocument *
load_version (const char *number,
              const char *date)
{
  g_autofree char *relative = g_strdup_printf ("corpus/nl-wetten-historie/%s.md", number);
  g_autofree char *path = amend_test_shared_path (relative);
  AmendDocument *doc;

  if (path == NULL)
    return NULL;
  doc = amend_test_parse_file (path);
  amend_document_set_meta (doc, "title", "Gemeentewet");
  amend_document_set_meta (doc, "authority", "mnre1034");
  amend_document_set_meta (doc, "work", "/akn/nl/act/mnre1034/1992/gemeentewet");
  amend_document_set_meta (doc, "date", date);
  return doc;
}

/* Every pair of consecutive versions; 001 -> 002 in detail. */
static void
test_gemeentewet (void)
{
  g_autofree char *index_path = amend_test_shared_path ("corpus/nl-wetten-historie/index.txt");
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  guint pairs = 0, mutations = 0;

  if (index_path == NULL)
    return;
  index = amend_test_read_file (index_path, NULL);
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL && lines[i + 1][0] != '\0'; i++)
    {
      g_auto(GStrv) a = g_strsplit (lines[i], " ", -1);
      g_auto(GStrv) b = g_strsplit (lines[i + 1], " ", -1);
      g_autoptr(AmendDocument) old_doc = load_version (a[0], a[2]);
      g_autoptr(AmendDocument) new_doc = load_version (b[0], b[2]);
      g_auto(Change) c = { 0 };

      if (old_doc == NULL || new_doc == NULL)
        return;
      export_both (&c, g_object_ref (old_doc), g_object_ref (new_doc));
      mutations += count (c.stop, "//s:RegelingMutatie/*");
      if (i == 0)
        {
          /* Articles 45, 45a and 45b after article 44, one after the other;
           * a member of 154b rewritten; words added in 255. */
          xmlNodePtr first = select_one (c.stop, "(//s:RegelingMutatie/s:VoegToe)[1]");
          xmlNodePtr second = select_one (c.stop, "(//s:RegelingMutatie/s:VoegToe)[2]");
          g_autofree char *first_context = attr (first, "context");
          g_autofree char *second_context = attr (second, "context");
          g_autofree char *wat = renvooi_of (select_one (c.stop, "(//s:RegelingMutatie/s:VoegToe)[1]/s:Wat"));

          g_assert_cmpuint (count (c.stop, "//s:RegelingMutatie/s:VoegToe"), ==, 3);
          assert_attr (first, "positie", "volgtOp");
          g_assert_true (g_str_has_prefix (first_context, "mnre1034_1__"));
          g_assert_true (g_str_has_suffix (first_context, "__art_44"));
          assert_renvooi (select_one (c.stop, "(//s:RegelingMutatie/s:VoegToe)[1]/s:Nummer"), "A1");
          g_assert_true (g_str_has_prefix (wat, "Na artikel 44 worden drie artikelen ingevoegd"));
          /* The second follows the first, which the first VoegToe added. */
          g_assert_true (g_str_has_prefix (second_context, "mnre1034_2__"));
          g_assert_true (g_str_has_suffix (second_context, "__art_45"));
          g_assert_cmpuint (count (c.stop, "//s:Vervang//s:NieuweTekst"), >, 0);
          g_assert_cmpuint (count (c.akn, "//a:textualMod[@type='insertion']"), ==, 3);
        }
      pairs++;
    }
  g_assert_cmpuint (pairs, ==, 21);
  g_assert_cmpuint (mutations, >, pairs);
}

/* The regulation named with the article of its title's head noun: "Het
 * Reglement ...", never "De Reglement ..." (the instructions' frame, the
 * decision's title and Artikel I). */
static void
test_het_title (void)
{
  g_auto(Change) c = { 0 };
  g_autofree char *wat = NULL, *title = NULL;

  export_both (&c, edit_example_old ("title: Algemene Plaatselijke Verordening Lindewaarde 2027\ncitation: APV Lindewaarde 2027\n",
                                     "title: Reglement van orde voor de vergaderingen van de raad\n"),
               edit_example ("title: Algemene Plaatselijke Verordening Lindewaarde 2027\ncitation: APV Lindewaarde 2027\n",
                             "title: Reglement van orde voor de vergaderingen van de raad\n",
                             "binnen acht weken na de datum", "binnen zes weken na de datum", NULL));
  wat = renvooi_of (select_one (c.stop, "//s:WijzigArtikel/s:Wat"));
  g_assert_cmpstr (wat, ==, "Het Reglement van orde voor de vergaderingen van de raad wordt gewijzigd zoals aangegeven in "
                            "Bijlage A.");
  title = renvooi_of (select_one (c.stop, "/s:BesluitCompact/s:RegelingOpschrift/s:Al"));
  g_assert_cmpstr (title, ==, "Besluit van de raad van de gemeente Lindewaarde tot wijziging van het Reglement van orde "
                              "voor de vergaderingen van de raad");
}

/* A regulation whose head noun is plural takes a plural verb in
 * Artikel I: "De Beleidsregels ... worden gewijzigd". */
static void
test_plural_title (void)
{
  g_auto(Change) c = { 0 };
  g_autofree char *wat = NULL;

  export_both (&c, edit_example_old ("title: Algemene Plaatselijke Verordening Lindewaarde 2027\ncitation: APV Lindewaarde 2027\n",
                                     "title: Beleidsregels evenementen Lindewaarde\n"),
               edit_example ("title: Algemene Plaatselijke Verordening Lindewaarde 2027\ncitation: APV Lindewaarde 2027\n",
                             "title: Beleidsregels evenementen Lindewaarde\n",
                             "binnen acht weken na de datum", "binnen zes weken na de datum", NULL));
  wat = renvooi_of (select_one (c.stop, "//s:WijzigArtikel/s:Wat"));
  g_assert_cmpstr (wat, ==, "De Beleidsregels evenementen Lindewaarde worden gewijzigd zoals aangegeven in Bijlage A.");
}

/* A change that also retitles the regulation names it as it is called
 * before the change (the decision's title, Artikel I, the Akoma Ntoso
 * affectedDocument), and says that the new title is left out. */
static void
test_new_title (void)
{
  g_auto(Change) c = { 0 };
  g_autofree char *wat = NULL, *title = NULL, *affected = NULL;
  gboolean warned = FALSE;

  export_both (&c, edit_example_old ("citation: APV Lindewaarde 2027\n", ""),
               edit_example ("citation: APV Lindewaarde 2027\n", "",
                             "title: Algemene Plaatselijke Verordening Lindewaarde 2027",
                             "title: Algemene Plaatselijke Verordening Lindewaarde 2028",
                             "binnen acht weken na de datum", "binnen zes weken na de datum", NULL));
  wat = renvooi_of (select_one (c.stop, "//s:WijzigArtikel/s:Wat"));
  g_assert_cmpstr (wat, ==, "De Algemene Plaatselijke Verordening Lindewaarde 2027 wordt gewijzigd zoals aangegeven in "
                            "Bijlage A.");
  title = renvooi_of (select_one (c.stop, "/s:BesluitCompact/s:RegelingOpschrift/s:Al"));
  g_assert_nonnull (strstr (title, "tot wijziging van de Algemene Plaatselijke Verordening Lindewaarde 2027"));
  affected = renvooi_of (select_one (c.akn, "//a:preface/a:p/a:affectedDocument"));
  g_assert_cmpstr (affected, ==, "Algemene Plaatselijke Verordening Lindewaarde 2027");
  for (guint i = 0; i < c.warnings->len; i++)
    warned |= strstr (((AmendDiagnostic *) g_ptr_array_index (c.warnings, i))->message, "new title") != NULL;
  g_assert_true (warned);
}

/* A subamendment changes an amendment: the Akoma Ntoso amendment names
 * that amendment in its title and preface, the regulation still the
 * document its mods point into. */
static void
test_subamendment (void)
{
  g_autoptr(AmendDocument) a = edit_example_old ("binnen acht weken na de datum", "binnen zes weken na de datum");
  g_autoptr(AmendDocument) b = edit_example ("binnen acht weken na de datum", "binnen vijf weken na de datum", NULL);
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) akn = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *title = NULL, *preface = NULL, *affected = NULL;

  amend_diff_set_amended (diff, "Zes weken", FALSE);
  akn = amend_akn_export_amendment (diff, NULL, &error);
  g_assert_no_error (error);
  doc = amend_test_xml_parse (akn);
  amend_test_xml_assert_valid (doc, AKN_XSD);
  title = renvooi_of (select_one (doc, "//a:preface/a:longTitle/a:p/a:docTitle"));
  g_assert_cmpstr (title, ==, "Wijziging van het amendement \"Zes weken\"");
  preface = renvooi_of (select_one (doc, "//a:preface/a:p[a:affectedDocument]"));
  g_assert_cmpstr (preface, ==, "Wijziging van het amendement \"Zes weken\" op de APV Lindewaarde 2027.");
  affected = attr (select_one (doc, "//a:preface/a:p/a:affectedDocument"), "href");
  g_assert_true (g_str_has_prefix (affected, "/akn/nl/act/gm9999/2027/apv/nld@"));
}

/* Every pair of a set of versions of the example, edited in the shapes
 * that once crashed the instructions (a preamble that comes or goes,
 * articles inserted before an article that is renumbered and changed) and
 * their neighbours: both change exports either succeed, valid, or refuse
 * with a sentence; none crashes. */
static void
test_every_shape (void)
{
  static const char *const variants[][9] = {
    { NULL },
    { "De raad van de gemeente Lindewaarde;\n\ngelezen het voorstel van burgemeester en wethouders van 3 november 2026;\n\n"
      "gelet op artikel 149 van de Gemeentewet;\n\nbesluit vast te stellen de volgende verordening:\n\n", "", NULL },
    { "## Artikel 1:2 Beslistermijn", "## Artikel 1:1a Melding\n\nEen melding volstaat.\n\n## Artikel 1:2 Beslistermijn", NULL },
    { "\n3. Paragraaf 4.1.3.3 van de Algemene wet bestuursrecht", "\n3. Afdeling 4.1.3.3 van de Algemene wet bestuursrecht",
      "## Artikel 1:2 Beslistermijn", "## Artikel 1:1a Melding\n\nEen melding volstaat.\n\n## Artikel 1:2 Beslistermijn",
      "1. Een aanvraag om een vergunning of ontheffing wordt schriftelijk", "1. Een aanvraag om een vergunning of ontheffing wordt digitaal", NULL },
    { "   - a. de openbare orde;\n", "", "   - b. de openbare veiligheid;", "   - a. de openbare veiligheid;", NULL },
    { "## Artikel 1:8 Geldigheidsduur", "## Artikel 1:9 Geldigheidsduur", NULL },
  };
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  guint exported = 0;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    for (guint k = 0; k < G_N_ELEMENTS (variants); k++)
      {
        GString *a = g_string_new (text), *b = g_string_new (text);
        g_autoptr(AmendDocument) da = NULL, db = NULL;
        g_autoptr(AmendDiff) diff = NULL;
        g_autoptr(GError) stop_error = NULL, akn_error = NULL;
        g_autoptr(GBytes) stop = NULL, akn = NULL;

        if (i == k)
          {
            g_string_free (a, TRUE);
            g_string_free (b, TRUE);
            continue;
          }
        for (guint v = 0; variants[i][v] != NULL; v += 2)
          g_assert_cmpuint (g_string_replace (a, variants[i][v], variants[i][v + 1], 1), ==, 1);
        for (guint v = 0; variants[k][v] != NULL; v += 2)
          g_assert_cmpuint (g_string_replace (b, variants[k][v], variants[k][v + 1], 1), ==, 1);
        g_string_replace (b, OLD_EXPRESSION, NEW_EXPRESSION, 1);
        g_string_replace (b, "date: 2027-01-01", "date: 2027-07-01", 1);
        da = amend_test_parse (a->str);
        db = amend_test_parse (b->str);
        g_string_free (a, TRUE);
        g_string_free (b, TRUE);
        diff = amend_diff_new (da, db);
        stop = amend_stop_export_change (diff, NULL, &stop_error);
        akn = amend_akn_export_amendment (diff, NULL, &akn_error);
        g_assert_true ((stop == NULL) == (stop_error != NULL));
        g_assert_true ((akn == NULL) == (akn_error != NULL));
        if (stop != NULL)
          {
            amend_test_xml_assert_valid_bytes (stop, STOP_XSD);
            exported++;
          }
        if (akn != NULL)
          amend_test_xml_assert_valid_bytes (akn, AKN_XSD);
      }
  g_assert_cmpuint (exported, >, 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-change/reworded-member", test_reworded_member);
  g_test_add_func ("/xml-change/inserted-article", test_inserted_article);
  g_test_add_func ("/xml-change/inserted-first-article", test_inserted_first_article);
  g_test_add_func ("/xml-change/deleted-article", test_deleted_article);
  g_test_add_func ("/xml-change/renumbered-article", test_renumbered_article);
  g_test_add_func ("/xml-change/heading", test_heading);
  g_test_add_func ("/xml-change/inserted-member", test_inserted_member);
  g_test_add_func ("/xml-change/deleted-point", test_deleted_point);
  g_test_add_func ("/xml-change/definition", test_definition);
  g_test_add_func ("/xml-change/several", test_several);
  g_test_add_func ("/xml-change/format-only", test_format_only);
  g_test_add_func ("/xml-change/divisions", test_divisions);
  g_test_add_func ("/xml-change/alone-in-part", test_alone_in_part);
  g_test_add_func ("/xml-change/errors", test_errors);
  g_test_add_func ("/xml-change/gemeentewet", test_gemeentewet);
  g_test_add_func ("/xml-change/every-shape", test_every_shape);
  g_test_add_func ("/xml-change/het-title", test_het_title);
  g_test_add_func ("/xml-change/new-title", test_new_title);
  g_test_add_func ("/xml-change/plural-title", test_plural_title);
  g_test_add_func ("/xml-change/subamendment", test_subamendment);
  /* Last: the business rules on every STOP file the cases above wrote. */
  g_test_add_func ("/xml-change/rules/schematron", amend_test_schematron_check);
  return g_test_run ();
}
