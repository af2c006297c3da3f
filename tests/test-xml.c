/* test-xml.c: STOP and Akoma Ntoso export, CVDR/STOP/Akoma Ntoso import,
 * validation and hostile XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export is validated here with libxml2's xmlSchemaValidateDoc
 * against the XSDs in ../shared/schemas/, not with Amend's own validator,
 * so that a mistake in amend-xml-validate.c cannot hide one in an
 * exporter.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "amend-akn-export.h"
#include "amend-stop-export.h"
#include "amend-test-util.h"
#include "amend-test-xml.h"
#include "amend-xml-import.h"
#include "amend-xml-validate.h"
#include "amend-xml.h"

#define STOP_XSD "schemas/stop-1.3.0/imop-tekst.xsd"
#define AKN_XSD  "schemas/akn-3.0/akomantoso30.xsd"

typedef GBytes *(*Exporter) (AmendDocument *doc, GPtrArray *warnings, GError **error);

/* ----------------------------------------------------------------------- */
/* Helpers                                                                  */
/* ----------------------------------------------------------------------- */

static GBytes *
export_ok (Exporter       export,
           AmendDocument *doc,
           GPtrArray     *warnings)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = export (doc, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GPtrArray *
new_warnings (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
}

static gboolean
has_warning (GPtrArray  *warnings,
             guint       line,
             const char *needle)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (warnings, i);
      if ((line == 0 || d->line == line) && strstr (d->message, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint
count_elements (xmlNodePtr  node,
                const char *name)
{
  guint n = 0;

  for (xmlNodePtr c = node; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (strcmp ((const char *) c->name, name) == 0)
          n++;
        n += count_elements (c->children, name);
      }
  return n;
}

static xmlNodePtr
find_element (xmlNodePtr  node,
              const char *name,
              const char *eid)
{
  for (xmlNodePtr c = node; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        xmlNodePtr found;

        if (strcmp ((const char *) c->name, name) == 0)
          {
            xmlChar *value = xmlGetProp (c, (const xmlChar *) "eId");
            gboolean match = eid == NULL || g_strcmp0 ((const char *) value, eid) == 0;
            xmlFree (value);
            if (match)
              return c;
          }
        if ((found = find_element (c->children, name, eid)) != NULL)
          return found;
      }
  return NULL;
}

static char *
content_of (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) content);

  xmlFree (content);
  return copy;
}

static char *
xml_text (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* The Markdown below the front matter. */
static const char *
body_of (const char *markdown)
{
  const char *end;

  if (!g_str_has_prefix (markdown, "---\n") || (end = strstr (markdown + 4, "\n---\n")) == NULL)
    return markdown;
  end += 5;
  while (*end == '\n')
    end++;
  return end;
}

static AmendDocument *
import_ok (GBytes    *bytes,
           GPtrArray *warnings)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  AmendDocument *doc = amend_xml_import (data, len, "export.xml", warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static AmendDocument *
load_example (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");

  return amend_test_parse_file (path);
}

/* A law of the corpus with the metadata it lacks: the national laws carry
 * no front matter, and an export without identifiers is an error. */
static AmendDocument *
load_law (const char *path)
{
  AmendDocument *doc = amend_test_parse_file (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *bwb = g_strndup (base, strcspn (base, "_"));
  g_autofree char *work = g_strdup_printf ("/akn/nl/act/mnre1034/2020/%s", bwb);

  amend_document_set_meta (doc, "title", base);
  amend_document_set_meta (doc, "authority", "mnre1034");
  amend_document_set_meta (doc, "work", work);
  amend_document_set_meta (doc, "date", "2020-01-01");
  return doc;
}

/* Checks that every element with an eId has a wId and the reverse, and
 * that the wIds have STOP's form "<authority>_1__<eId>". */
static guint
check_stop_ids (xmlNodePtr  node,
                const char *authority)
{
  guint n = 0;

  for (xmlNodePtr c = node; c != NULL; c = c->next)
    {
      xmlChar *eid, *wid;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      eid = xmlGetProp (c, (const xmlChar *) "eId");
      wid = xmlGetProp (c, (const xmlChar *) "wId");
      g_assert_true ((eid == NULL) == (wid == NULL));
      if (eid && !g_str_has_prefix ((const char *) eid, "formula_") &&
          strcmp ((const char *) eid, "longTitle") != 0 && strcmp ((const char *) eid, "body") != 0)
        {
          g_autofree char *expected = g_strdup_printf ("%s_1__%s", authority, eid);
          g_assert_cmpstr ((const char *) wid, ==, expected);
          n++;
        }
      xmlFree (eid);
      xmlFree (wid);
      n += check_stop_ids (c->children, authority);
    }
  return n;
}

/* ----------------------------------------------------------------------- */
/* Export: the example regulation                                          */
/* ----------------------------------------------------------------------- */

static void
test_export_example_stop (void)
{
  g_autoptr(AmendDocument) doc = load_example ();
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GBytes) bytes = export_ok (amend_stop_export_regulation, doc, warnings);
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);
  xmlNodePtr root, begrip, lid;
  g_autofree char *term = NULL;

  amend_test_xml_assert_valid_bytes (bytes, STOP_XSD);
  xml = amend_test_xml_parse (bytes);
  root = xmlDocGetRootElement (xml);
  g_assert_true (amend_xml_is (root, AMEND_XML_NS_STOP_TEKST, "RegelingCompact"));
  g_assert_cmpuint (count_elements (root, "Artikel"), ==, articles->len);
  g_assert_cmpuint (count_elements (root, "Hoofdstuk"), ==, 5);
  g_assert_cmpuint (count_elements (root, "Afdeling"), ==, 2);
  g_assert_cmpuint (check_stop_ids (root, "gm9999"), >, 0);
  /* Every part of the model, down to the points, has its element. */
  {
    g_autofree char *text = xml_text (bytes);
    AmendNode *top = amend_document_get_root (doc);

    for (AmendNode *n = top; n != NULL; n = amend_node_next (n, top))
      if (n->kind != AMEND_NODE_TEXT && n->kind != AMEND_NODE_PREAMBLE && n->kind != AMEND_NODE_CLOSING &&
          n != top)
        {
          /* STOP names a Toelichting "recital" (rule STOP0022), the model "expl". */
          g_autoptr(GString) named = g_string_new (n->eid);
          g_autofree char *attr = NULL;

          g_string_replace (named, "expl_", "recital_", 0);
          attr = g_strdup_printf ("eId=\"%s\" wId=\"gm9999_1__%s\"", named->str, named->str);
          g_assert_nonnull (strstr (text, attr));
        }
  }

  /* Article 1:1 is a list of definitions: Begrippenlijst, 11 terms. */
  g_assert_cmpuint (count_elements (root, "Begrippenlijst"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Begrip"), ==, 11);
  begrip = find_element (root->children, "Begrip", "chp_1__art_1.1__list_o_1__item_a");
  g_assert_nonnull (begrip);
  term = content_of (find_element (begrip->children, "Term", NULL));
  g_assert_cmpstr (term, ==, "bebouwde kom");

  /* Members: LidNummer with its dot, eId and wId. */
  lid = find_element (root->children, "Lid", "chp_1__art_1.2__para_2");
  g_assert_nonnull (lid);
  {
    g_autofree char *number = content_of (find_element (lid->children, "LidNummer", NULL));
    g_assert_cmpstr (number, ==, "2.");
  }

  /* Preamble and signature belong to the decision: reported, not lost
   * silently. */
  g_assert_true (has_warning (warnings, 11, "preamble"));
  g_assert_true (has_warning (warnings, 359, "signature"));
  g_assert_cmpuint (count_elements (root, "Toelichting"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Divisie"), ==, 8);
}

static void
test_export_example_decision (void)
{
  g_autoptr(AmendDocument) doc = load_example ();
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GBytes) bytes = export_ok (amend_stop_export_decision, doc, warnings);
  g_autoptr(xmlDoc) xml = NULL;
  xmlNodePtr root, aanhef, regeling, sluiting;
  g_autofree char *wat = NULL;
  g_autofree char *regeling_wordt = NULL;

  amend_test_xml_assert_valid_bytes (bytes, STOP_XSD);
  g_assert_cmpuint (warnings->len, ==, 0);
  xml = amend_test_xml_parse (bytes);
  root = xmlDocGetRootElement (xml);
  g_assert_true (amend_xml_is (root, AMEND_XML_NS_STOP_TEKST, "BesluitCompact"));

  aanhef = find_element (root->children, "Aanhef", "formula_1");
  g_assert_nonnull (aanhef);
  g_assert_cmpuint (count_elements (aanhef->children, "Al"), ==, 4);

  wat = content_of (find_element (root->children, "Wat", NULL));
  g_assert_cmpstr (wat, ==, "De Algemene Plaatselijke Verordening Lindewaarde 2027 wordt vastgesteld zoals "
                            "aangegeven in Bijlage A.");
  g_assert_nonnull (find_element (root->children, "Artikel", "art_II"));

  sluiting = find_element (root->children, "Sluiting", "formula_2");
  g_assert_nonnull (sluiting);
  g_assert_cmpuint (count_elements (find_element (sluiting->children, "Ondertekening", NULL)->children, "Al"), ==, 2);

  regeling = find_element (root->children, "RegelingCompact", NULL);
  g_assert_nonnull (regeling);
  g_assert_true (amend_xml_is (regeling->parent, AMEND_XML_NS_STOP_TEKST, "WijzigBijlage"));
  regeling_wordt = (char *) xmlGetProp (regeling, (const xmlChar *) "wordt");
  g_assert_cmpstr (regeling_wordt, ==, "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01");
  g_assert_cmpuint (count_elements (regeling, "Artikel"), ==, 42);
}

/* The naming convention of Akoma Ntoso: an eId's last part is named after
 * its element, and every eId is nested under the one of the element
 * around it. */
static void
check_akn_naming (xmlNodePtr  node,
                  const char *parent)
{
  static const struct { const char *element, *prefix; } names[] = {
    { "point", "point_" }, { "attachment", "att_" }, { "hcontainer", "hcontainer_" }, { "alinea", "al_" },
    { "paragraph", "para_" }, { "article", "art_" }, { "chapter", "chp_" }, { "list", "list_" },
    { "subchapter", "subchp_" }, { "subsection", "subsec_" },
  };

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      xmlChar *eid;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      eid = xmlGetProp (c, (const xmlChar *) "eId");
      if (eid != NULL && strcmp ((const char *) c->name, "TLCOrganization") != 0)
        {
          const char *last = g_strrstr ((const char *) eid, "__");

          last = last ? last + 2 : (const char *) eid;
          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            if (strcmp ((const char *) c->name, names[i].element) == 0 && !g_str_has_prefix (last, names[i].prefix))
              g_error ("%s eId=\"%s\" is not named %s...", c->name, eid, names[i].prefix);
          if (parent != NULL && !(g_str_has_prefix ((const char *) eid, parent) &&
                                  g_str_has_prefix ((const char *) eid + strlen (parent), "__")))
            g_error ("%s eId=\"%s\" is not nested under %s", c->name, eid, parent);
        }
      check_akn_naming (c, eid != NULL ? (const char *) eid : parent);
      xmlFree (eid);
    }
}

static void
test_export_example_akn (void)
{
  g_autoptr(AmendDocument) doc = load_example ();
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GBytes) bytes = export_ok (amend_akn_export_act, doc, warnings);
  g_autoptr(xmlDoc) xml = NULL;
  AmendNode *root = amend_document_get_root (doc);
  xmlNodePtr top;
  guint missing = 0;
  g_autofree char *text = NULL;

  amend_test_xml_assert_valid_bytes (bytes, AKN_XSD);
  g_assert_cmpuint (warnings->len, ==, 0);
  xml = amend_test_xml_parse (bytes);
  top = xmlDocGetRootElement (xml);
  g_assert_true (amend_xml_is (top, AMEND_XML_NS_AKN, "akomaNtoso"));
  text = xml_text (bytes);
  g_assert_nonnull (strstr (text, "<FRBRthis value=\"/akn/nl/act/gm9999/2027/apv/!main\"/>"));
  g_assert_nonnull (strstr (text, "<FRBRuri value=\"/akn/nl/act/gm9999/2027/apv/nld@2027-01-01\"/>"));
  g_assert_nonnull (strstr (text, "<FRBRdate date=\"2027-01-01\""));
  g_assert_nonnull (strstr (text, "<FRBRlanguage language=\"nld\"/>"));
  g_assert_nonnull (strstr (text, "<docTitle>Algemene Plaatselijke Verordening Lindewaarde 2027</docTitle>"));
  g_assert_nonnull (strstr (text, "<num>Artikel 1:2</num>"));
  g_assert_cmpuint (count_elements (top, "article"), ==, 42);
  g_assert_cmpuint (count_elements (top, "chapter"), ==, 5);
  g_assert_cmpuint (count_elements (top, "subchapter"), ==, 2);
  g_assert_nonnull (find_element (top->children, "conclusions", NULL));
  g_assert_nonnull (find_element (top->children, "preamble", NULL));

  /* Every node of the model is an element with its eId, as the naming
   * convention of Akoma Ntoso names it ("point_a", "att_o_1"). */
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n != root && n->kind != AMEND_NODE_PREAMBLE && n->eid)
      {
        g_autofree char *named = amend_akn_eid (n);
        const char *last = g_strrstr (named, "__");
        g_autofree char *attr = g_strdup_printf ("%s\"", last ? last : named);
        if (strstr (text, attr) == NULL)
          {
            g_test_message ("no element with %s", attr);
            missing++;
          }
      }
  g_assert_cmpuint (missing, ==, 0);
  g_assert_null (strstr (text, "item_"));
  g_assert_null (strstr (text, "expl_"));
  check_akn_naming (top, NULL);
}

/* ----------------------------------------------------------------------- */
/* Export: the laws of the corpus                                           */
/* ----------------------------------------------------------------------- */

static void
test_export_laws (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten", ".md");

  if (files == NULL)
    return;
  g_assert_cmpuint (files->len, ==, 4);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(AmendDocument) doc = load_law (path);
      g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);
      g_autoptr(GPtrArray) warnings = new_warnings ();
      g_autoptr(GBytes) stop = export_ok (amend_stop_export_regulation, doc, warnings);
      g_autoptr(GBytes) besluit = export_ok (amend_stop_export_decision, doc, warnings);
      g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, warnings);
      g_autoptr(xmlDoc) stop_xml = amend_test_xml_parse (stop);
      g_autoptr(xmlDoc) akn_xml = amend_test_xml_parse (akn);
      guint in_annexes = 0;

      g_test_message ("%s: %u articles", path, articles->len);
      if (!amend_test_xml_assert_valid_bytes (stop, STOP_XSD) || !amend_test_xml_assert_valid_bytes (besluit, STOP_XSD) || !amend_test_xml_assert_valid_bytes (akn, AKN_XSD))
        return;
      /* STOP's annexes hold no articles: those are Divisies there. */
      for (guint k = 0; k < articles->len; k++)
        if (amend_node_find_ancestor (g_ptr_array_index (articles, k), AMEND_NODE_ANNEX))
          in_annexes++;
      g_assert_cmpuint (count_elements (xmlDocGetRootElement (stop_xml), "Artikel"), ==, articles->len - in_annexes);
      g_assert_cmpuint (count_elements (xmlDocGetRootElement (akn_xml), "article"), ==, articles->len);
      g_assert_cmpuint (articles->len, >, 30);
    }
}

/* ----------------------------------------------------------------------- */
/* Export: edge cases                                                       */
/* ----------------------------------------------------------------------- */

static const char edge_cases[] =
  "---\n"
  "title: Verordening randgevallen 2027\n"
  "authority: gm9999\n"
  "work: /akn/nl/act/gm9999/2027/randgevallen\n"
  "date: 2027-01-01\n"
  "in-force: 2027-03-01\n"
  "---\n"
  "\n"
  "# Titel I Algemeen\n"
  "\n"
  "## Hoofdstuk 1 Begin\n"
  "\n"
  "### Afdeling 1.1 Diep\n"
  "\n"
  "#### Paragraaf 1.1.1 Dieper\n"
  "\n"
  "##### Artikel 1 Leeg\n"
  "\n"
  "##### Artikel 2 Alleen onderdelen\n"
  "\n"
  "- a. eerste;\n"
  "- b. met *nadruk*, **vet**, `code` en een [koppeling](https://example.org/regels);\n"
  "  - 1° genest;\n"
  "- c. derde.\n"
  "\n"
  "##### Artikel 3 Vervallen\n"
  "\n"
  "[Vervallen]\n"
  "\n"
  "##### Artikel 4 Leden\n"
  "\n"
  "1. Eerste lid met een regel\\\n"
  "   afbreking.\n"
  "2. Tweede lid:\n"
  "   - a. punt.\n"
  "\n"
  "2a. Ingevoegd lid.\n"
  "\n"
  "###### Tussenkop\n"
  "\n"
  "Tekst onder de tussenkop.\n"
  "\n"
  "#### Paragraaf 1.1.2 Met subparagrafen\n"
  "\n"
  "##### Paragraaf 1.1.2.1 Sub\n"
  "\n"
  "###### Artikel 5\n"
  "\n"
  "- onderdeel zonder label\n"
  "- nog een\n"
  "\n"
  "# Bijlage 1 Tabel\n"
  "\n"
  "Tekst van de bijlage.\n"
  "\n"
  "## Onderdeel A\n"
  "\n"
  "- a. punt in de bijlage\n"
  "\n"
  "# Toelichting\n";

static void
test_export_edge_cases (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (edge_cases);
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GBytes) stop = export_ok (amend_stop_export_regulation, doc, warnings);
  g_autoptr(GBytes) besluit = export_ok (amend_stop_export_decision, doc, NULL);
  g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, NULL);
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(xmlDoc) akn_xml = NULL;
  g_autofree char *text = NULL;
  g_autofree char *akn_text = NULL;
  g_autofree char *besluit_text = xml_text (besluit);
  xmlNodePtr root, art;

  if (!amend_test_xml_assert_valid_bytes (stop, STOP_XSD) || !amend_test_xml_assert_valid_bytes (besluit, STOP_XSD) || !amend_test_xml_assert_valid_bytes (akn, AKN_XSD))
    return;
  xml = amend_test_xml_parse (stop);
  root = xmlDocGetRootElement (xml);
  text = xml_text (stop);

  /* Titel > Hoofdstuk > Afdeling > Paragraaf > Subparagraaf. */
  g_assert_nonnull (find_element (root->children, "Subparagraaf",
                                  "title_I__chp_1__subchp_1.1__subsec_1.1.2__subsec_1.1.2.1"));
  g_assert_cmpuint (count_elements (root, "Titel"), ==, 1);
  g_assert_cmpuint (count_elements (root, "Paragraaf"), ==, 2);

  /* An empty article is reserved; [Vervallen] is STOP's Vervallen. */
  art = find_element (root->children, "Artikel", "title_I__chp_1__subchp_1.1__subsec_1.1.1__art_1");
  g_assert_nonnull (find_element (art->children, "Gereserveerd", NULL));
  art = find_element (root->children, "Artikel", "title_I__chp_1__subchp_1.1__subsec_1.1.1__art_3");
  g_assert_nonnull (find_element (art->children, "Vervallen", NULL));

  /* Points only: an Inhoud with an explicit list, nested lists. */
  art = find_element (root->children, "Artikel", "title_I__chp_1__subchp_1.1__subsec_1.1.1__art_2");
  g_assert_cmpuint (count_elements (art->children, "Lijst"), ==, 2);
  g_assert_null (find_element (art->children, "Begrippenlijst", NULL));
  g_assert_nonnull (strstr (text, "<Lijst eId=\"title_I__chp_1__subchp_1.1__subsec_1.1.1__art_2__list_o_1\""));
  g_assert_nonnull (strstr (text, "type=\"expliciet\""));
  g_assert_nonnull (strstr (text, "type=\"ongemarkeerd\""));

  /* Inline marks. */
  g_assert_nonnull (strstr (text, "<i>nadruk</i>"));
  g_assert_nonnull (strstr (text, "<b>vet</b>"));
  g_assert_nonnull (strstr (text, "<ExtRef soort=\"URL\" ref=\"https://example.org/regels\">koppeling</ExtRef>"));
  g_assert_nonnull (strstr (text, "regel<br/>afbreking"));
  g_assert_true (has_warning (warnings, 22, "code"));

  /* Members 1, 2 and 2a; a heading in an article is a Tussenkop. */
  art = find_element (root->children, "Artikel", "title_I__chp_1__subchp_1.1__subsec_1.1.1__art_4");
  g_assert_cmpuint (count_elements (art->children, "Lid"), ==, 3);
  g_assert_nonnull (strstr (text, "<LidNummer>2a.</LidNummer>"));
  g_assert_nonnull (strstr (text, "<Tussenkop>Tussenkop</Tussenkop>"));

  /* An annex: its text a Divisietekst, a heading a Divisie. */
  g_assert_nonnull (find_element (root->children, "Bijlage", "cmp_1"));
  g_assert_nonnull (find_element (root->children, "Divisie", "cmp_1__div_o_1"));
  /* An empty Toelichting still holds a Divisietekst, as STOP requires. */
  g_assert_nonnull (find_element (root->children, "Divisietekst", "recital_o_1__content_o_1"));

  /* The decision: the in-force date in Dutch. */
  g_assert_nonnull (strstr (besluit_text, "Dit besluit treedt in werking op 1 maart 2027."));

  akn_xml = amend_test_xml_parse (akn);
  akn_text = xml_text (akn);
  g_assert_nonnull (strstr (akn_text, "<subsection eId=\"title_I__chp_1__subchp_1.1__subsec_1.1.2__subsec_1.1.2.1\">"));
  g_assert_nonnull (strstr (akn_text, "<crossHeading eId="));
  g_assert_nonnull (strstr (akn_text, "<inline name=\"code\">code</inline>"));
  g_assert_nonnull (strstr (akn_text, "<a href=\"https://example.org/regels\">koppeling</a>"));
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (akn_xml), "attachment"), ==, 2);
}

/* Text before and after the members of one article: STOP's Artikel holds
 * two of Inhoud and Leden at most. */
static void
add_text (AmendNode  *parent,
          const char *text)
{
  AmendNode *node = amend_node_new (AMEND_NODE_TEXT);

  amend_node_add_run (node, text, -1, AMEND_MARK_NONE, NULL);
  amend_node_append (parent, node);
}

static void
test_export_text_around_members (void)
{
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GBytes) stop = NULL;
  g_autoptr(xmlDoc) xml = NULL;
  AmendNode *article, *member;

  /* "text, member, text" in one article, built in the tree: Markdown
   * has no way to write text after a list of members that stays in the
   * article. */
  doc = amend_test_parse ("---\ntitle: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\ndate: 2027-01-01\n---\n\n"
                          "# Artikel 1\n");
  article = amend_node_child (amend_document_get_root (doc), 0);
  add_text (article, "Aanhef.");
  member = amend_node_new (AMEND_NODE_MEMBER);
  member->number = g_strdup ("1");
  add_text (member, "Lid.");
  amend_node_append (article, member);
  add_text (article, "Slot.");
  amend_document_assign_eids (doc);

  stop = export_ok (amend_stop_export_regulation, doc, warnings);
  amend_test_xml_assert_valid_bytes (stop, STOP_XSD);
  xml = amend_test_xml_parse (stop);
  /* An Artikel holds an Inhoud or Leden, not both (STOP0070): the text
   * before the member goes first in it, the text after it at its end. */
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "Inhoud"), ==, 1);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "Al"), ==, 4); /* and the title's */
  g_assert_true (has_warning (warnings, 0, "put at the start of the first member"));
  g_assert_true (has_warning (warnings, 0, "added to the member before it"));
}

/* A definition with sub-points: they are part of its Definitie, in STOP
 * as in the regulation (once dropped without a word, still valid). */
static void
test_export_definition_points (void)
{
  g_autoptr(AmendDocument) doc =
    amend_test_parse ("---\ntitle: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\ndate: 2027-01-01\n---\n\n"
                      "# Artikel 1 Begrippen\n\nIn deze verordening wordt verstaan onder:\n\n"
                      "- a. evenement: elke voor publiek toegankelijke verrichting van vermaak, met uitzondering van:\n"
                      "  - 1°. bioscoopvoorstellingen;\n  - 2°. markten;\n"
                      "- b. weg: de weg als bedoeld in de Wegenverkeerswet 1994.\n");
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GBytes) stop = export_ok (amend_stop_export_regulation, doc, warnings);
  g_autoptr(xmlDoc) xml = NULL;
  g_autofree char *text = NULL;
  xmlNodePtr begrip;

  amend_test_xml_assert_valid_bytes (stop, STOP_XSD);
  xml = amend_test_xml_parse (stop);
  begrip = find_element (xmlDocGetRootElement (xml)->children, "Begrip", "art_1__list_o_1__item_a");
  g_assert_nonnull (begrip);
  g_assert_cmpuint (count_elements (begrip->children, "Definitie"), ==, 1);
  g_assert_cmpuint (count_elements (begrip->children, "Li"), ==, 2);
  text = xml_text (stop);
  g_assert_nonnull (strstr (text, "bioscoopvoorstellingen;"));
  g_assert_nonnull (strstr (text, "<LiNummer>2°.</LiNummer>"));
}

static void
test_export_missing_metadata (void)
{
  static const struct {
    const char *front;
    const char *key;
  } cases[] = {
    { "authority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\ndate: 2027-01-01\n", "\xe2\x80\x9ctitle\xe2\x80\x9d" },
    { "title: T\nwork: /akn/nl/act/gm9999/2027/t\ndate: 2027-01-01\n", "\xe2\x80\x9c" "authority\xe2\x80\x9d" },
    { "title: T\nauthority: gm9999\ndate: 2027-01-01\n", "work: /akn/nl/act/gm9999/2027/" },
    { "title: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\n", "date: 2027-01-01" },
    { "title: T\nauthority: Lindewaarde\nwork: /akn/nl/act/gm9999/2027/t\ndate: 2027-01-01\n", "gm9999 (gemeente)" },
    { "title: T\nauthority: gm9999\nwork: apv\ndate: 2027-01-01\n", "work identifier" },
    { "title: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\ndate: 1 januari 2027\n", "a date like" },
    { "title: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\nexpression: /akn/nl/act/gm9999/2027/x/nld@1\n",
      "\xe2\x80\x9c" "expression\xe2\x80\x9d" },
  };
  Exporter exporters[] = { amend_stop_export_regulation, amend_stop_export_decision, amend_akn_export_act };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint k = 0; k < G_N_ELEMENTS (exporters); k++)
      {
        g_autofree char *md = g_strdup_printf ("---\n%s---\n\n# Artikel 1\n\nTekst.\n", cases[i].front);
        g_autoptr(AmendDocument) doc = amend_test_parse (md);
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = exporters[k] (doc, NULL, &error);

        g_assert_null (bytes);
        g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, cases[i].key));
      }

  /* The expression may stand for the date. */
  {
    g_autoptr(AmendDocument) doc = amend_test_parse ("---\ntitle: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\n"
                                                     "expression: /akn/nl/act/gm9999/2027/t/nld@2027-02-01\n---\n\n"
                                                     "# Artikel 1\n\nTekst.\n");
    g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, NULL);
    g_autofree char *text = xml_text (akn);

    g_assert_nonnull (strstr (text, "<FRBRdate date=\"2027-02-01\""));
  }
}

static void
test_export_structure_errors (void)
{
  static const struct {
    const char *body;
    const char *needle;
  } cases[] = {
    /* Articles beside an Afdeling in one Hoofdstuk. */
    { "# Hoofdstuk 1 A\n\n## Artikel 1\n\nTekst.\n\n## Afdeling 1.1 B\n\n### Artikel 2\n\nTekst.\n",
      "holds both Artikel 1 and Afdeling 1.1" },
    /* A Hoofdstuk in a Hoofdstuk. */
    { "# Hoofdstuk 1 A\n\n## Hoofdstuk 2 B\n\n### Artikel 1\n\nTekst.\n", "does not allow a Hoofdstuk in a Hoofdstuk" },
    /* No articles at all. */
    { "Alleen een aanhef.\n", "no articles" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *md = g_strdup_printf ("---\ntitle: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\n"
                                             "date: 2027-01-01\n---\n\n%s", cases[i].body);
      g_autoptr(AmendDocument) doc = amend_test_parse (md);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) stop = amend_stop_export_regulation (doc, NULL, &error);

      g_assert_null (stop);
      g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].needle));

      /* Akoma Ntoso's hierarchy holds the first two. */
      if (i < 2)
        {
          g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, NULL);
          amend_test_xml_assert_valid_bytes (akn, AKN_XSD);
        }
    }
}

/* ----------------------------------------------------------------------- */
/* Import                                                                   */
/* ----------------------------------------------------------------------- */

static AmendDocument *
import_file_ok (const char *path,
                GPtrArray  *warnings)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmendDocument *doc = amend_xml_import_file (file, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Canonical: writing the imported document and reading it gives it back. */
static void
assert_canonical (AmendDocument *doc)
{
  g_autofree char *md = amend_document_to_markdown (doc);
  g_autoptr(AmendDocument) again = amend_test_parse (md);
  g_autofree char *md2 = amend_document_to_markdown (again);

  g_assert_cmpstr (md, ==, md2);
  g_assert_false (amend_document_has_errors (doc));
}

static void
test_import_stop_geonovum (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/stop/gemeentestad_initieel_besluit_RegelingCompact.xml");
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autofree char *md = NULL;
  g_autofree char *xml_data = NULL;
  AmendNode *point;

  if (path == NULL)
    return;
  doc = import_file_ok (path, warnings);
  md = amend_document_to_markdown (doc);
  assert_canonical (doc);

  /* The file has 24 Artikel elements: 22 in the regulation and Artikel II
   * and III of the decision that establishes it.  The regulation is what
   * is imported; the decision's own articles are not part of it. */
  xml_data = amend_test_read_file (path, NULL);
  {
    guint in_file = 0;
    for (const char *p = xml_data; (p = strstr (p, "<Artikel ")) != NULL; p++)
      in_file++;
    g_assert_cmpuint (in_file, ==, 24);
  }
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, 22);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_CHAPTER), ==, 6);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_DIVISION), ==, 9);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_MEMBER), ==, 11);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ANNEX), ==, 4);
  g_assert_nonnull (amend_document_find_eid (doc, "chp_2__subchp_2.2__art_2.4"));

  /* The delivery's metadata in the front matter. */
  g_assert_cmpstr (amend_document_get_meta (doc, "title"), ==, "Omgevingsplan Zaltbommel (met de nadruk op Zuilichem)");
  g_assert_cmpstr (amend_document_get_meta (doc, "citation"), ==, "Gemeentestad (omgevingsplan Zaltbommel)");
  g_assert_cmpstr (amend_document_get_meta (doc, "authority"), ==, "gm0297");
  g_assert_cmpstr (amend_document_get_meta (doc, "work"), ==, "/akn/nl/act/gm0297/2019/reg456");
  g_assert_cmpstr (amend_document_get_meta (doc, "expression"), ==, "/akn/nl/act/gm0297/2019/reg456/nld@1");

  /* The decision's Aanhef and Sluiting: preamble and Ondertekening. */
  g_assert_nonnull (strstr (md, "\n\nbesluit:\n\n# Hoofdstuk 1 Algemene bepalingen\n"));
  g_assert_nonnull (strstr (md, "# Ondertekening\n\nGegeven te Kaap Doorn, Gemeentestad, 3 december 2019\n"));

  /* Points keep their labels; a Begrip is "term: definition"; sup 3 is ³. */
  point = amend_document_find_eid (doc, "chp_2__subchp_2.2__art_2.4__list_o_1__item_f");
  g_assert_nonnull (point);
  g_assert_cmpstr (point->number, ==, "f.");
  g_assert_nonnull (strstr (md, "- Bouwwerk: Elke constructie van enige omvang"));
  g_assert_nonnull (strstr (md, "150 \xce\xbcg/m\xc2\xb3 uurgemiddelde"));
  g_assert_nonnull (strstr (md, "[Omgevingsregeling](/akn/nl/act/mnre1034/2020/reg1001)"));

  /* What Markdown cannot hold is reported with element and line. */
  g_assert_true (has_warning (warnings, 241, "IntIoRef: "));
  g_assert_true (has_warning (warnings, 261, "IntRef: "));
  g_assert_true (has_warning (warnings, 0, "Toelichting op artikelen uit hoofdstuk 2"));

  /* The decision's Artikel III (the plan lapses for a Pons object) is the
   * decision's, and left out with a word; I (which establishes the
   * regulation) and II (its entry into force, now in-force) say nothing
   * the import does not keep. */
  g_assert_true (has_warning (warnings, 151, "Lichaam: the decision's own articles (III) were left out"));
  g_assert_cmpstr (amend_document_get_meta (doc, "in-force"), ==, "2020-01-14");
}

static void
test_import_stop_changes (void)
{
  static const char *const files[] = {
    "corpus/stop/gemeentestad_wijzigingsbesluit_renvooi.xml",
    "corpus/stop/testeiland_wijzigingsbesluit_VoegToe.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = amend_test_shared_path (files[i]);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendDocument) doc = NULL;

      if (path == NULL)
        return;
      file = g_file_new_for_path (path);
      doc = amend_xml_import_file (file, NULL, &error);
      g_assert_null (doc);
      g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "changes a regulation (a RegelingMutatie from /akn/nl/act/"));
    }
}

static void
test_import_cvdr (void)
{
  g_autofree char *table_path = amend_test_shared_path ("corpus/cvdr/cvdr_example1.xml");
  g_autofree char *lists_path = amend_test_shared_path ("corpus/cvdr/cvdr_example2.xml");
  g_autoptr(AmendDocument) table = NULL;
  g_autoptr(AmendDocument) lists = NULL;
  g_autoptr(GPtrArray) table_warnings = new_warnings ();
  g_autoptr(GPtrArray) lists_warnings = new_warnings ();
  g_autofree char *table_md = NULL;
  g_autofree char *lists_md = NULL;

  if (table_path == NULL || lists_path == NULL)
    return;

  table = import_file_ok (table_path, table_warnings);
  assert_canonical (table);
  table_md = amend_document_to_markdown (table);
  g_assert_cmpstr (amend_document_get_meta (table, "authority-name"), ==, "gemeente Spijkenisse");
  g_assert_cmpstr (amend_document_get_meta (table, "cvdr"), ==, "112779_1");
  g_assert_cmpuint (amend_test_count_kind (table, AMEND_NODE_ARTICLE), ==, 1);
  g_assert_cmpuint (amend_test_count_kind (table, AMEND_NODE_CLOSING), ==, 1);
  /* CVDR keeps versions no longer in force; this one ended on 2012-04-25. */
  g_assert_true (has_warning (table_warnings, 1, "uitwerkingtredingDatum: this version ceased to be in force on "
                                                 "2012-04-25: it is not the regulation in force"));
  /* The table is reported, its 30 rows kept as paragraphs. */
  g_assert_true (has_warning (table_warnings, 1, "table: "));
  g_assert_nonnull (strstr (table_md, "Juridische Zaken | Bezwaren en klachten (AWB) | "));
  g_assert_nonnull (strstr (table_md, "**Dienst /** Afdeling | "));
  /* A paragraph of bold runs is one line, bold. */
  g_assert_nonnull (strstr (table_md, "| **gegevensset gba-v autorisatiebesluit**\n\n**Inwonerszaken** | | |\n"));
  /* A cell's paragraphs are lines, not one sentence (nor glued together). */
  g_assert_nonnull (strstr (table_md, "| Art. 5 lid 27c\\\nbijlage 5\\\nArt. 6 lid 5, 6, 7\\\nbijlage 5a en 4a\n"));
  g_assert_nonnull (strstr (table_md, "Budgetondersteuning, Inburgering en Sociale Recherche\\\n"
                                      "(Schuldhulpverlening en Armoederegeling 1) | "));
  g_assert_nonnull (strstr (table_md, "De directeur van de Sector Inwoners,\n\nJ.L. Bal\n"));

  lists = import_file_ok (lists_path, lists_warnings);
  assert_canonical (lists);
  lists_md = amend_document_to_markdown (lists);
  /* CVDR has no authority code: the one thing said, at the creator's line. */
  g_assert_cmpuint (lists_warnings->len, ==, 1);
  g_assert_true (has_warning (lists_warnings, 0, "the XML gives no authority code; add \xe2\x80\x9c" "authority: gm9999"));
  g_assert_cmpuint (((AmendDiagnostic *) g_ptr_array_index (lists_warnings, 0))->line, >, 1);
  g_assert_cmpstr (amend_document_get_meta (lists, "title"), ==, "Beleidsregels verkeersveiligheid en parkeren");
  g_assert_cmpstr (amend_document_get_meta (lists, "date"), ==, "2016-10-27");
  g_assert_cmpuint (amend_test_count_kind (lists, AMEND_NODE_CHAPTER), ==, 5);
  /* "1.Parkeren": the number and the title glued in one label. */
  g_assert_nonnull (strstr (lists_md, "# Hoofdstuk 1 Parkeren\n\n[Vervallen]\n"));
  g_assert_nonnull (strstr (lists_md, "*Verzoek om een gehandicaptenparkeerplaats*"));
  g_assert_cmpuint (amend_test_count_kind (lists, AMEND_NODE_POINT), ==, 4);

  /* What the body holds beside the regeling is not imported, and said so. */
  {
    static const char beside[] =
      "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body>\n<regeling><regeling-tekst><artikel><kop>"
      "<label>Artikel</label><nr>1</nr></kop><al>Tekst.</al></artikel></regeling-tekst></regeling>\n"
      "<bijlage><al>Kaart.</al></bijlage></body></cvdr>\n";
    g_autoptr(GPtrArray) warnings = new_warnings ();
    g_autoptr(GError) error = NULL;
    g_autoptr(AmendDocument) doc = amend_xml_import (beside, strlen (beside), "b.xml", warnings, &error);

    g_assert_no_error (error);
    g_assert_true (has_warning (warnings, 3, "bijlage: Amend does not know this element beside the regeling; it was "
                                             "left out"));
  }
}

/* What a regulation in force holds beyond articles and lists, each kept
 * in Markdown's way and each reported: nothing of it silently lost. */
static const char stop_blocks[] =
  "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\" "
  "wordt=\"/akn/nl/act/gm9999/2027/blok/nld@2027-01-01\">\n"
  "<RegelingOpschrift><Al>Blokken</Al></RegelingOpschrift>\n"
  "<Lichaam><Artikel eId=\"art_1\" wId=\"gm9999_1__art_1\"><Kop><Label>Artikel</Label><Nummer>1</Nummer></Kop><Inhoud>\n"
  "<Al>Zie noot<Noot id=\"n1\" type=\"voet\"><NootNummer>1</NootNummer><Al>Stb. 1992, 422.</Al></Noot>.</Al>\n"
  "<table><tgroup cols=\"2\"><tbody><row><entry><Al>Zone</Al></entry><entry><Al>Regels:</Al>"
  "<Lijst type=\"expliciet\"><Li><LiNummer>a.</LiNummer><Al>geen terras</Al></Li>"
  "<Li><LiNummer>b.</LiNummer><Al>geen muziek</Al></Li></Lijst></entry></row></tbody></tgroup></table>\n"
  "<Figuur><Illustratie naam=\"kaart.png\" alt=\"Kaart van het centrum\"/><Bijschrift>Het centrum</Bijschrift></Figuur>\n"
  "<Kadertekst><Kop><Opschrift>Let op</Opschrift></Kop><Al>Tijdelijk.</Al></Kadertekst>\n"
  "</Inhoud></Artikel></Lichaam>\n"
  "<Toelichting><Kop><Opschrift>Toelichting</Opschrift></Kop><Divisietekst><Inhoud><Al>Uitleg.</Al></Inhoud>"
  "</Divisietekst></Toelichting>\n"
  "</RegelingCompact>\n";

static void
test_import_stop_blocks (void)
{
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_xml_import (stop_blocks, strlen (stop_blocks), "blok.xml", warnings, &error);
  g_autofree char *md = NULL;

  g_assert_no_error (error);
  assert_canonical (doc);
  md = amend_document_to_markdown (doc);
  g_test_message ("%s", md);
  /* The footnote's number apart from its text, not "[1Stb. 1992, 422.]". */
  g_assert_nonnull (strstr (md, "Zie noot [1: Stb. 1992, 422.]."));
  g_assert_true (has_warning (warnings, 4, "Noot: a footnote has no Markdown form"));
  /* A list in a cell: its items are lines of the cell, with their letters. */
  g_assert_nonnull (strstr (md, "Zone | Regels:\\\na. geen terras\\\nb. geen muziek\n"));
  /* The figure's image, its description and file, as well as its caption. */
  g_assert_nonnull (strstr (md, "![Kaart van het centrum](kaart.png)\n\nHet centrum\n"));
  g_assert_true (has_warning (warnings, 6, "Figuur: a figure or formula has no place in Amend's Markdown; its title, "
                                           "image and caption were kept"));
  /* A box's heading, in bold. */
  g_assert_nonnull (strstr (md, "**Let op**\n\nTijdelijk.\n"));
  g_assert_true (has_warning (warnings, 7, "Kadertekst: "));
  /* "Toelichting" as the Toelichting's title is its kind: not written twice. */
  g_assert_nonnull (strstr (md, "\n# Toelichting\n\nUitleg.\n"));
  for (guint i = 0; i < warnings->len; i++)
    g_assert_null (strstr (((AmendDiagnostic *) g_ptr_array_index (warnings, i))->message, "Opschrift"));
}

/* CVDR: text after an article's members (a redactie), which Markdown reads
 * as the last member's, and a toelichting with a title of its kind and an
 * explanation per article. */
static const char cvdr_blocks[] =
  "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body><regeling><regeling-tekst>\n"
  "<artikel><kop><label>Artikel</label><nr>1</nr></kop><lid><lidnr>1</lidnr><al>Een.</al></lid>\n"
  "<lid><lidnr>2</lidnr><al>Twee.</al></lid>\n"
  "<redactie>Gewijzigd bij besluit van 1 mei 2020.</redactie></artikel>\n"
  "</regeling-tekst>\n"
  "<toelichting><kop><titel>Toelichting</titel></kop><al>Algemeen.</al>\n"
  "<artikel><kop><label>Artikel</label><nr>1</nr><titel>Begrippen</titel></kop><al>Uitleg.</al></artikel>"
  "</toelichting>\n"
  "</regeling></body></cvdr>\n";

static void
test_import_cvdr_blocks (void)
{
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_xml_import (cvdr_blocks, strlen (cvdr_blocks), "c.xml", warnings, &error);
  g_autofree char *md = NULL;

  g_assert_no_error (error);
  assert_canonical (doc);
  md = amend_document_to_markdown (doc);
  g_test_message ("%s", md);
  g_assert_true (has_warning (warnings, 4, "Markdown has no place for this text where it stands in the XML; it "
                                           "reads as part of member 2 of Artikel 1 now"));
  g_assert_nonnull (strstr (md, "\n# Toelichting\n\nAlgemeen.\n\n## Artikel 1 Begrippen\n\nUitleg.\n"));

  /* Two articles of one number: what amend check will refuse is said at
   * import, at the second one's line in the XML. */
  {
    static const char twice[] =
      "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body><regeling><regeling-tekst>\n"
      "<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Een.</al></artikel>\n"
      "<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Nog een.</al></artikel>\n"
      "</regeling-tekst></regeling></body></cvdr>\n";
    g_autoptr(GPtrArray) twice_warnings = new_warnings ();
    g_autoptr(AmendDocument) twice_doc = amend_xml_import (twice, strlen (twice), "t.xml", twice_warnings, &error);

    g_assert_no_error (error);
    g_assert_true (has_warning (twice_warnings, 3, "amend check will report this error in the Markdown: Artikel 1 is "
                                                   "numbered the same as one before it"));
  }
}

/* Akoma Ntoso: eol is a line break (not two words run together), a
 * preface that says more than the title is reported, an attachment's
 * preface is kept. */
static void
test_import_akn_blocks (void)
{
  static const char xml[] =
    "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act>\n"
    "<preface><longTitle><p><docTitle>Akte</docTitle></p></longTitle>\n<p>Ondertekend te Lindewaarde.</p></preface>\n"
    "<body><article eId=\"art_1\"><num>Artikel 1</num><content><p>regel<eol/>einde en pagina<eop/>einde</p>"
    "</content></article></body>\n"
    "<attachments><attachment><doc name=\"bijlage\"><preface><p>Kaart bij artikel 1</p></preface>"
    "<mainBody><p>Kaart.</p></mainBody><attachments/></doc></attachment><interstitial/></attachments>\n"
    "</act></akomaNtoso>\n";
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_xml_import (xml, strlen (xml), "a.xml", warnings, &error);
  g_autofree char *md = NULL;

  g_assert_no_error (error);
  assert_canonical (doc);
  md = amend_document_to_markdown (doc);
  g_test_message ("%s", md);
  g_assert_nonnull (strstr (md, "regel\\\neinde en pagina einde\n"));
  g_assert_true (has_warning (warnings, 3, "p: the act's preface says more than its title; this was left out"));
  g_assert_nonnull (strstr (md, "# Bijlage\n\nKaart bij artikel 1\n\nKaart.\n"));
  g_assert_true (has_warning (warnings, 5, "attachments: this part of the attachment was left out"));
  g_assert_true (has_warning (warnings, 5, "interstitial: this part of the act was left out"));
}

/* Deeper than Markdown goes: lists nested past what the writer indents,
 * which it runs together, and divisions past the sixth heading level. */
static void
test_import_deep_structure (void)
{
  GString *xml = g_string_new ("<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\">"
                               "<Lichaam><Artikel><Kop><Label>Artikel</Label><Nummer>1</Nummer></Kop><Inhoud>");
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append (xml, "<Lijst><Li><LiNummer>a.</LiNummer><Al>x</Al>");
  for (guint i = 0; i < 20; i++)
    g_string_append (xml, "</Li></Lijst>");
  g_string_append (xml, "</Inhoud></Artikel></Lichaam><Bijlage><Kop><Label>Bijlage</Label><Nummer>1</Nummer></Kop>");
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (xml, "<Divisie><Kop><Opschrift>Kop %u</Opschrift></Kop>", i);
  g_string_append (xml, "<Divisietekst><Inhoud><Al>t</Al></Inhoud></Divisietekst>");
  for (guint i = 0; i < 8; i++)
    g_string_append (xml, "</Divisie>");
  g_string_append (xml, "</Bijlage></RegelingCompact>");
  doc = amend_xml_import (xml->str, xml->len, "deep.xml", warnings, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (warnings, 0, "Markdown has no place for this text where it stands in the XML; it reads "
                                           "as part of point a. of point a. of"));
  g_assert_true (has_warning (warnings, 0, "Markdown has six levels of headings"));
  g_string_free (xml, TRUE);
}

/* A hand-written act, with what Amend's export never writes. */
static const char handwritten_akn[] =
  "<?xml version=\"1.0\"?>\n"
  "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
  "<act name=\"verordening\">\n"
  "<meta><identification source=\"#x\">\n"
  "<FRBRWork><FRBRthis value=\"/akn/nl/act/gm0001/2026/hond/!main\"/><FRBRuri value=\"/akn/nl/act/gm0001/2026/hond\"/>"
  "<FRBRdate date=\"2026-05-01\" name=\"x\"/><FRBRauthor href=\"#gm0001\"/><FRBRcountry value=\"nl\"/></FRBRWork>\n"
  "<FRBRExpression><FRBRthis value=\"/akn/nl/act/gm0001/2026/hond/nld@2026-05-01/!main\"/>"
  "<FRBRuri value=\"/akn/nl/act/gm0001/2026/hond/nld@2026-05-01\"/><FRBRdate date=\"2026-05-01\" name=\"x\"/>"
  "<FRBRauthor href=\"#gm0001\"/><FRBRlanguage language=\"nld\"/></FRBRExpression>\n"
  "<FRBRManifestation><FRBRthis value=\"x\"/><FRBRuri value=\"x\"/><FRBRdate date=\"2026-05-01\" name=\"x\"/>"
  "<FRBRauthor href=\"#x\"/></FRBRManifestation></identification>\n"
  "<references source=\"#x\"><TLCOrganization eId=\"gm0001\" href=\"/o/gm0001\" showAs=\"de raad van Hondsrug\"/>"
  "</references></meta>\n"
  "<preface><longTitle><p><docTitle>Hondenverordening Hondsrug</docTitle></p></longTitle></preface>\n"
  "<preamble><p>De raad;</p></preamble>\n"
  "<body>\n"
  "<part eId=\"part_1\"><num>Deel 1</num><heading>Vooraf</heading>\n"
  "<article eId=\"art_1\"><num>Art. 1.</num><heading>Begrippen</heading>\n"
  "<intro><p>In deze verordening wordt verstaan onder:</p></intro>\n"
  "<list eId=\"art_1__list_1\"><point eId=\"p_a\"><num>a.</num><content><p>hond: een <i>hond</i>;</p></content></point>\n"
  "<point eId=\"p_b\"><num>b.</num><content><p>houder: wie de hond <b>houdt</b>.</p></content></point></list>\n"
  "</article>\n"
  "<article eId=\"art_2\"><num>Artikel 2</num>\n"
  "<paragraph eId=\"art_2__para_1\"><num>1.</num><content><p>Eerste lid.</p></content></paragraph>\n"
  "<paragraph eId=\"art_2__para_2\"><num>2.</num><content><p>Tweede<br/>lid.</p>\n"
  "<table><tr><td>A</td><td>B</td></tr></table></content></paragraph>\n"
  "</article>\n"
  "<article eId=\"art_3\"><num>Artikel 3</num><content><p>Zie <mystery>dit</mystery>.</p></content></article>\n"
  "</part>\n"
  "</body>\n"
  "<conclusions><p>De voorzitter,</p></conclusions>\n"
  "<attachments><attachment eId=\"att_1\"><doc name=\"toelichting\"><meta><identification source=\"#x\">"
  "<FRBRWork><FRBRthis value=\"x\"/><FRBRuri value=\"x\"/><FRBRdate date=\"2026-05-01\" name=\"x\"/>"
  "<FRBRauthor href=\"#x\"/><FRBRcountry value=\"nl\"/></FRBRWork><FRBRExpression><FRBRthis value=\"x\"/>"
  "<FRBRuri value=\"x\"/><FRBRdate date=\"2026-05-01\" name=\"x\"/><FRBRauthor href=\"#x\"/>"
  "<FRBRlanguage language=\"nld\"/></FRBRExpression><FRBRManifestation><FRBRthis value=\"x\"/>"
  "<FRBRuri value=\"x\"/><FRBRdate date=\"2026-05-01\" name=\"x\"/><FRBRauthor href=\"#x\"/>"
  "</FRBRManifestation></identification></meta>\n"
  "<mainBody><hcontainer eId=\"h1\" name=\"divisie\"><heading>Algemeen</heading><content><p>Uitleg.</p></content>"
  "</hcontainer></mainBody></doc></attachment></attachments>\n"
  "</act>\n"
  "</akomaNtoso>\n";

static void
test_import_akn_handwritten (void)
{
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_xml_import (handwritten_akn, strlen (handwritten_akn), "hand.xml",
                                                   warnings, &error);
  g_autofree char *md = NULL;
  AmendNode *node;

  g_assert_no_error (error);
  assert_canonical (doc);
  md = amend_document_to_markdown (doc);
  g_test_message ("%s", md);

  g_assert_cmpstr (amend_document_get_meta (doc, "title"), ==, "Hondenverordening Hondsrug");
  g_assert_cmpstr (amend_document_get_meta (doc, "authority"), ==, "gm0001");
  g_assert_cmpstr (amend_document_get_meta (doc, "authority-name"), ==, "de raad van Hondsrug");
  g_assert_cmpstr (amend_document_get_meta (doc, "work"), ==, "/akn/nl/act/gm0001/2026/hond");
  g_assert_cmpstr (amend_document_get_meta (doc, "date"), ==, "2026-05-01");

  /* part is not Dutch: a Titel, reported. */
  g_assert_true (has_warning (warnings, 12, "part: Amend has no such part"));
  node = amend_document_find_eid (doc, "title_1__art_1");
  g_assert_nonnull (node);
  g_assert_cmpstr (node->heading, ==, "Begrippen");
  g_assert_nonnull (strstr (md, "- a. hond: een *hond*;\n"));
  g_assert_nonnull (strstr (md, "1. Eerste lid.\n2. Tweede\\\n   lid.\n"));
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_MEMBER), ==, 2);

  /* Table and unknown element, by name and line; their text kept. */
  g_assert_true (has_warning (warnings, 21, "table: "));
  g_assert_true (has_warning (warnings, 23, "mystery: "));
  g_assert_nonnull (strstr (md, "A | B"));
  g_assert_nonnull (strstr (md, "Zie dit."));

  g_assert_nonnull (strstr (md, "# Ondertekening\n\nDe voorzitter,\n"));
  g_assert_nonnull (strstr (md, "# Toelichting\n\n## Algemeen\n\nUitleg.\n"));
}

/* ----------------------------------------------------------------------- */
/* Round trips                                                              */
/* ----------------------------------------------------------------------- */

static char *
markdown_without (AmendDocument *doc,
                  AmendNodeKind  a,
                  AmendNodeKind  b)
{
  AmendNode *root = amend_document_get_root (doc);

  for (int i = (int) amend_node_n_children (root) - 1; i >= 0; i--)
    {
      AmendNode *child = amend_node_child (root, i);
      if (child->kind == a || child->kind == b)
        amend_node_free (amend_node_steal (root, i));
    }
  return amend_document_to_markdown (doc);
}

static void
test_roundtrip_example (void)
{
  g_autoptr(AmendDocument) doc = load_example ();
  g_autofree char *original = amend_document_to_markdown (doc);
  g_autoptr(GBytes) besluit = export_ok (amend_stop_export_decision, doc, NULL);
  g_autoptr(GBytes) stop = export_ok (amend_stop_export_regulation, doc, NULL);
  g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, NULL);
  g_autoptr(AmendDocument) from_besluit = import_ok (besluit, NULL);
  g_autoptr(AmendDocument) from_stop = import_ok (stop, NULL);
  g_autoptr(AmendDocument) from_akn = import_ok (akn, NULL);
  g_autofree char *besluit_md = amend_document_to_markdown (from_besluit);
  g_autofree char *stop_md = amend_document_to_markdown (from_stop);
  g_autofree char *akn_md = amend_document_to_markdown (from_akn);
  g_autofree char *without = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) articles = amend_document_get_articles (from_besluit);

  /* Akoma Ntoso keeps everything, the front matter included. */
  g_assert_cmpstr (akn_md, ==, original);

  /* The decision keeps the whole body; STOP's text module has no place
   * for the citation title.  The authority's name comes back from the
   * decision's title ("Besluit van de raad van X tot vaststelling van
   * ..."), which, being the one the export makes, is not kept itself. */
  g_assert_cmpstr (body_of (besluit_md), ==, body_of (original));
  g_assert_cmpuint (articles->len, ==, 42);
  keys = amend_document_dup_meta_keys (from_besluit);
  g_assert_cmpstrv (keys, ((const char *[]) { "title", "authority", "work", "expression", "date", "authority-name",
                                              NULL }));
  g_assert_cmpstr (amend_document_get_meta (from_besluit, "authority-name"), ==,
                   amend_document_get_meta (doc, "authority-name"));

  /* The regulation alone: the body without preamble and Ondertekening. */
  without = markdown_without (doc, AMEND_NODE_PREAMBLE, AMEND_NODE_CLOSING);
  g_assert_cmpstr (body_of (stop_md), ==, body_of (without));
}

static void
test_roundtrip_edge_cases (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (edge_cases);
  g_autofree char *original = amend_document_to_markdown (doc);
  g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, NULL);
  g_autoptr(GBytes) besluit = export_ok (amend_stop_export_decision, doc, NULL);
  g_autoptr(AmendDocument) from_akn = import_ok (akn, NULL);
  g_autoptr(AmendDocument) from_besluit = import_ok (besluit, NULL);
  g_autofree char *akn_md = amend_document_to_markdown (from_akn);
  g_autofree char *besluit_md = amend_document_to_markdown (from_besluit);
  g_autofree char *expected = NULL;

  g_assert_cmpstr (body_of (akn_md), ==, body_of (original));
  /* STOP has no code markup: `code` comes back as text, and an empty
   * Toelichting comes back empty. */
  expected = g_strdup (body_of (original));
  {
    g_auto(GStrv) parts = g_strsplit (expected, "`code`", -1);
    g_free (expected);
    expected = g_strjoinv ("code", parts);
  }
  g_assert_cmpstr (body_of (besluit_md), ==, expected);
}

static void
assert_same_parts (AmendDocument *a,
                   AmendDocument *b)
{
  static const AmendNodeKind kinds[] = {
    AMEND_NODE_CHAPTER, AMEND_NODE_TITLE, AMEND_NODE_DIVISION, AMEND_NODE_SECTION, AMEND_NODE_ANNEX,
    AMEND_NODE_ARTICLE, AMEND_NODE_MEMBER, AMEND_NODE_POINT,
  };
  g_autoptr(GPtrArray) articles_a = amend_document_get_articles (a);
  g_autoptr(GPtrArray) articles_b = amend_document_get_articles (b);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_cmpuint (amend_test_count_kind (a, kinds[k]), ==, amend_test_count_kind (b, kinds[k]));
  for (guint i = 0; i < articles_a->len; i++)
    {
      AmendNode *x = g_ptr_array_index (articles_a, i);
      AmendNode *y = g_ptr_array_index (articles_b, i);
      g_autofree char *tx = amend_node_get_text_content (x);
      g_autofree char *ty = amend_node_get_text_content (y);

      g_assert_cmpstr (x->eid, ==, y->eid);
      g_assert_cmpstr (tx, ==, ty);
    }
}

/* The laws through Akoma Ntoso and back give the same body; through STOP
 * the same parts and text: what STOP loses there is a heading in the
 * preamble (Aanhef holds paragraphs) and a skipped heading level
 * ("###" right under "#": STOP keeps the nesting, not the level). */
static void
test_roundtrip_laws (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten", ".md");

  if (files == NULL)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(AmendDocument) doc = load_law (g_ptr_array_index (files, i));
      g_autofree char *original = amend_document_to_markdown (doc);
      g_autoptr(GBytes) akn = export_ok (amend_akn_export_act, doc, NULL);
      g_autoptr(GBytes) besluit = export_ok (amend_stop_export_decision, doc, NULL);
      g_autoptr(AmendDocument) from_akn = import_ok (akn, NULL);
      g_autoptr(AmendDocument) from_stop = import_ok (besluit, NULL);
      g_autofree char *md = amend_document_to_markdown (from_akn);

      g_assert_cmpstr (body_of (md), ==, body_of (original));
      assert_same_parts (doc, from_stop);
    }
}

/* ----------------------------------------------------------------------- */
/* Validation                                                               */
/* ----------------------------------------------------------------------- */

static void
test_validate (void)
{
  g_autofree char *schemas = amend_test_shared_path ("schemas");
  static const char invalid[] =
    "<?xml version=\"1.0\"?>\n"
    "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\">\n"
    "  <RegelingOpschrift eId=\"longTitle\" wId=\"longTitle\"><Al>T</Al></RegelingOpschrift>\n"
    "  <Lichaam eId=\"body\" wId=\"body\">\n"
    "    <Artikel eId=\"art_1\" wId=\"gm9999_1__art_1\">\n"
    "      <Inhoud><Al>Geen kop.</Al></Inhoud>\n"
    "    </Artikel>\n"
    "  </Lichaam>\n"
    "</RegelingCompact>\n";
  g_autoptr(GPtrArray) findings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(AmendDocument) example = NULL;
  g_autoptr(GBytes) akn = NULL;
  const AmendDiagnostic *finding;

  if (schemas == NULL)
    return;
  doc = amend_xml_read (invalid, strlen (invalid), "invalid.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (amend_xml_validate (doc, schemas, findings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpuint (finding->line, ==, 6);
  g_assert_cmpint (finding->severity, ==, AMEND_SEVERITY_ERROR);
  g_assert_cmpstr (finding->message, ==, "element Inhoud: This element is not expected. Expected is ( Kop ).");

  /* A valid export has no findings; the AKN schema imports xml.xsd from
   * next to it, without the network. */
  example = load_example ();
  akn = export_ok (amend_akn_export_act, example, NULL);
  g_clear_pointer (&doc, xmlFreeDoc);
  g_ptr_array_set_size (findings, 0);
  {
    gsize len = 0;
    const char *data = g_bytes_get_data (akn, &len);
    doc = amend_xml_read (data, len, "akn.xml", NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_true (amend_xml_validate (doc, schemas, findings, &error));
  g_assert_cmpuint (findings->len, ==, 0);

  /* No schema folder, or a namespace without schema: an error. */
  g_assert_false (amend_xml_validate (doc, "/nonexistent", findings, &error));
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&doc, xmlFreeDoc);
  {
    static const char cvdr[] = "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"/>";
    doc = amend_xml_read (cvdr, strlen (cvdr), "c.xml", NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_false (amend_xml_validate (doc, schemas, findings, &error));
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
}

/* ----------------------------------------------------------------------- */
/* Hostile XML                                                              */
/* ----------------------------------------------------------------------- */

static char *tmp_dir;
static char *secret_path;
#define SECRET "amend-secret-7f3a9c"

static void
make_secret (void)
{
  g_autoptr(GError) error = NULL;

  if (tmp_dir != NULL)
    return;
  tmp_dir = g_dir_make_tmp ("amend-xml-XXXXXX", &error);
  g_assert_no_error (error);
  secret_path = g_build_filename (tmp_dir, "secret.txt", NULL);
  g_file_set_contents (secret_path, SECRET, -1, &error);
  g_assert_no_error (error);
}

/* Imports @xml and expects a refusal whose message holds @needle.  When
 * @unsafe, the parser that `amend validate` shares refuses it too.
 * Nothing read from a named file may show in the message. */
static void
assert_refused_full (const char  *xml,
                     gssize       len,
                     const char  *needle,
                     gboolean     unsafe)
{
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(xmlDoc) parsed = NULL;
  gsize n = len < 0 ? strlen (xml) : (gsize) len;

  doc = amend_xml_import (xml, n, "hostile.xml", warnings, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_null (strstr (error->message, SECRET));
  for (guint i = 0; i < warnings->len; i++)
    g_assert_null (strstr (((AmendDiagnostic *) g_ptr_array_index (warnings, i))->message, SECRET));
  g_clear_error (&error);

  if (!unsafe)
    return;
  parsed = amend_xml_read (xml, n, "hostile.xml", NULL, &error);
  g_assert_null (parsed);
  g_assert_nonnull (error);
}

#define assert_refused(xml, len, needle) assert_refused_full (xml, len, needle, TRUE)
#define assert_not_imported(xml, needle) assert_refused_full (xml, -1, needle, FALSE)

static void
test_hostile_billion_laughs (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\">"
    "<RegelingOpschrift><Al>&lol9;</Al></RegelingOpschrift></RegelingCompact>\n";
  gint64 start = g_get_monotonic_time ();

  assert_refused (xml, -1, "entit");
  assert_refused (xml, -1, "export it again without a DTD");
  /* Refused without expanding: no timing threshold, only a sanity print. */
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
}

static void
test_hostile_quadratic (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">]>\n<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body><regeling>"
                        "<regeling-tekst><artikel><al>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "</al></artikel></regeling-tekst></regeling></body></cvdr>\n");
  assert_refused (xml->str, xml->len, "entit");
  g_string_free (xml, TRUE);
}

static void
test_hostile_external_entity (void)
{
  g_autofree char *xml = NULL;

  make_secret ();
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY s SYSTEM \"file://%s\">]>\n"
                         "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\">"
                         "<RegelingOpschrift><Al>&s;</Al></RegelingOpschrift><Lichaam><Artikel><Kop><Label>Artikel"
                         "</Label><Nummer>1</Nummer></Kop><Inhoud><Al>&s;</Al></Inhoud></Artikel></Lichaam>"
                         "</RegelingCompact>\n", secret_path);
  assert_refused (xml, -1, "entit");

  /* A parameter entity naming the file: refused the same way. */
  g_free (xml);
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;]>\n"
                         "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>\n", secret_path);
  assert_refused (xml, -1, "hostile.xml");
}

static void
test_hostile_external_dtd (void)
{
  g_autofree char *dtd_path = NULL;
  g_autofree char *dtd = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  make_secret ();
  dtd_path = g_build_filename (tmp_dir, "evil.dtd", NULL);
  dtd = g_strdup_printf ("<!ENTITY s SYSTEM \"file://%s\">\n", secret_path);
  g_file_set_contents (dtd_path, dtd, -1, &error);
  g_assert_no_error (error);
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE cvdr SYSTEM \"file://%s\">\n"
                         "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body><regeling><regeling-tekst>"
                         "<artikel><al>&s;</al></artikel></regeling-tekst></regeling></body></cvdr>\n", dtd_path);
  assert_refused (xml, -1, "hostile.xml");
}

static void
test_hostile_xinclude (void)
{
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *md = NULL;

  make_secret ();
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\" "
                         "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><body><regeling><regeling-tekst>\n"
                         "<artikel><kop><label>Artikel</label><nr>1</nr></kop>\n"
                         "<al>Voor <xi:include href=\"file://%s\" parse=\"text\"/> na.</al></artikel>\n"
                         "</regeling-tekst></regeling></body></cvdr>\n", secret_path);
  doc = amend_xml_import (xml, strlen (xml), "xinclude.xml", warnings, &error);
  g_assert_no_error (error);
  md = amend_document_to_markdown (doc);
  g_assert_null (strstr (md, SECRET));
  g_assert_nonnull (strstr (md, "Voor na."));
  /* Not loaded, and reported as what it is: an element Amend does not know. */
  g_assert_true (has_warning (warnings, 4, "include: "));
}

static void
test_hostile_deep (void)
{
  GString *xml = g_string_new ("<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\">");

  for (guint i = 0; i < 10000; i++)
    g_string_append (xml, "<x>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (xml, "</x>");
  g_string_append (xml, "</cvdr>");
  assert_refused (xml->str, xml->len, "nested deeper than libxml2 reads (256 levels)");
  g_string_free (xml, TRUE);
}

static void
test_hostile_wrong_root (void)
{
  assert_not_imported ("<html><body>Geen regeling</body></html>", "the root element is html");
  assert_not_imported ("<RegelingCompact xmlns=\"urn:other\"/>",
                  "RegelingCompact is in the namespace urn:other, but STOP's RegelingCompact is in "
                  "https://standaarden.overheid.nl/stop/imop/tekst/");
  assert_not_imported ("<akomaNtoso/>", "in the namespace (none)");
  assert_not_imported ("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><judgment/></akomaNtoso>",
                       "this document is a judgment");
}

static void
test_hostile_truncated (void)
{
  g_autoptr(AmendDocument) doc = load_example ();
  g_autoptr(GBytes) bytes = export_ok (amend_akn_export_act, doc, NULL);
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  assert_refused (data, len / 2, "ends in the middle of the document (line ");
  assert_refused (data, len / 2, "the file is cut off; download or export it again");
}

/* libxml2's own words for what is wrong with a file are about the parser
 * ("indicate encoding !", "AttValue length too long", "Premature end of
 * data" for a NUL byte): each is said about the file, with what to do. */
static void
test_hostile_messages (void)
{
  static const char cvdr[] = "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body><regeling>"
                             "<regeling-tekst><artikel><al>Caf\xe9</al></artikel></regeling-tekst></regeling></body></cvdr>\n";
  static const char nul[] = "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\">\n<body>\0</body></cvdr>\n";
  GString *attr = g_string_new ("<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\" a=\"");

  assert_refused (cvdr, -1, "line 1: bytes that are not UTF-8 (0xE9");
  assert_refused (cvdr, -1, "probably in Latin-1 or Windows-1252; convert it to UTF-8, or name its encoding");
  assert_refused (nul, sizeof nul - 1, "hostile.xml has a NUL byte at line 2 (byte 65)");
  assert_refused ("<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?><cvdr/>", -1,
                  "names the encoding X-NO-SUCH, which Amend cannot read: convert the file to UTF-8");
  assert_refused ("---\ntitle: APV\n---\n\n# Artikel 1\n", -1, "hostile.xml is Markdown, not XML");
  assert_refused ("Geen XML.\n", -1, "does not begin with an XML element: it is empty or not XML");
  assert_refused ("\xff\xfe\x00\x00<\x00\x00\x00", 8, "hostile.xml is in UTF-32, which libxml2 does not read");
  assert_refused ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><cvdr/>", -1,
                  "its XML declaration names another encoding than the one the file is in (UTF-8)");
  assert_refused ("  \n\n", -1, "does not begin with an XML element");
  for (guint i = 0; i < 11 * 1024; i++)
    g_string_append (attr, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (attr, "\"/>");
  assert_refused (attr->str, attr->len, "an attribute value is longer than libxml2 reads (10 MB)");
  g_string_free (attr, TRUE);
}

static void
test_hostile_binary (void)
{
  char bytes[4096];
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  bytes[0] = '\x89';
  assert_refused (bytes, sizeof bytes, "hostile.xml");
  assert_refused ("", 0, "empty");
}

static void
test_hostile_huge (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *chunk = g_malloc (1024 * 1024);
  gsize size = 70 * 1024 * 1024;

  make_secret ();
  path = g_build_filename (tmp_dir, "huge.xml", NULL);
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  memset (chunk, ' ', 1024 * 1024);
  memcpy (chunk, "<cvdr>", 6);
  for (gsize written = 0; written < size; written += 1024 * 1024)
    {
      g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, 1024 * 1024, NULL, NULL, &error);
      g_assert_no_error (error);
      memset (chunk, ' ', 6);
    }
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);

  /* Refused on its size, before it is read. */
  doc = amend_xml_import_file (file, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_clear_error (&error);
  g_assert_null (amend_xml_read_file (file, NULL, &error));
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* libxml2's own messages never reach standard error: they are collected.
 * Checked here by the handler being ours after a refusal; the CLI tests
 * check standard error itself. */
static void
test_hostile_handlers_restored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = amend_xml_read ("<a><b></a>", 10, "broken.xml", NULL, &error);

  g_assert_null (doc);
  g_assert_nonnull (strstr (error->message, "broken.xml is not well-formed XML: line 1:"));
  g_assert_null (xmlStructuredError);
}

static void
cleanup (void)
{
  if (tmp_dir == NULL)
    return;
  g_unlink (secret_path);
  {
    g_autofree char *dtd = g_build_filename (tmp_dir, "evil.dtd", NULL);
    g_unlink (dtd);
  }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&secret_path, g_free);
}

/* libxml2 2.9 compares each attribute of an element with all the others:
 * 200,000 attributes, or 100,000 namespace declarations, on one element
 * took minutes.  Refused before libxml2 parses; an attribute value full of
 * "=" and a comment full of them are no attributes. */
static void
test_hostile_attributes (void)
{
  GString *attrs = g_string_new ("<?xml version=\"1.0\"?>\n<RegelingCompact "
                                 "xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\"");
  GString *ns = g_string_new (attrs->str);
  GString *fine = g_string_new (attrs->str);

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (attrs, " a%u=\"x\"", i);
  g_string_append (attrs, "/>\n");
  assert_refused (attrs->str, attrs->len, "more than 1000 attributes or namespace declarations (line 2)");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (ns, " xmlns:n%u=\"urn:x:%u\"", i, i);
  g_string_append (ns, "/>\n");
  assert_refused (ns->str, ns->len, "more than 1000 attributes");

  /* 5,000 "=" in a value and in a comment: the document is read. */
  g_string_append (fine, " title=\"");
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (fine, '=');
  g_string_append (fine, "\"><!-- ");
  for (guint i = 0; i < 5000; i++)
    g_string_append (fine, "a=b ");
  g_string_append (fine, "--><RegelingOpschrift><Al>Verordening</Al></RegelingOpschrift><Lichaam><Artikel><Kop>"
                         "<Label>Artikel</Label><Nummer>1</Nummer></Kop><Inhoud><Al>Tekst.</Al></Inhoud>"
                         "</Artikel></Lichaam></RegelingCompact>\n");
  {
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
    g_autoptr(GError) error = NULL;
    g_autoptr(AmendDocument) doc = amend_xml_import (fine->str, fine->len, "fine.xml", warnings, &error);

    g_assert_no_error (error);
    g_assert_nonnull (doc);
  }
  g_string_free (attrs, TRUE);
  g_string_free (ns, TRUE);
  g_string_free (fine, TRUE);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/export/example-stop", test_export_example_stop);
  g_test_add_func ("/xml/export/example-decision", test_export_example_decision);
  g_test_add_func ("/xml/export/example-akn", test_export_example_akn);
  g_test_add_func ("/xml/export/laws", test_export_laws);
  g_test_add_func ("/xml/export/edge-cases", test_export_edge_cases);
  g_test_add_func ("/xml/export/text-around-members", test_export_text_around_members);
  g_test_add_func ("/xml/export/definition-points", test_export_definition_points);
  g_test_add_func ("/xml/export/missing-metadata", test_export_missing_metadata);
  g_test_add_func ("/xml/export/structure-errors", test_export_structure_errors);
  g_test_add_func ("/xml/import/stop-geonovum", test_import_stop_geonovum);
  g_test_add_func ("/xml/import/stop-changes", test_import_stop_changes);
  g_test_add_func ("/xml/import/cvdr", test_import_cvdr);
  g_test_add_func ("/xml/import/stop-blocks", test_import_stop_blocks);
  g_test_add_func ("/xml/import/cvdr-blocks", test_import_cvdr_blocks);
  g_test_add_func ("/xml/import/akn-blocks", test_import_akn_blocks);
  g_test_add_func ("/xml/import/deep-structure", test_import_deep_structure);
  g_test_add_func ("/xml/import/akn-handwritten", test_import_akn_handwritten);
  g_test_add_func ("/xml/roundtrip/example", test_roundtrip_example);
  g_test_add_func ("/xml/roundtrip/edge-cases", test_roundtrip_edge_cases);
  g_test_add_func ("/xml/roundtrip/laws", test_roundtrip_laws);
  g_test_add_func ("/xml/validate", test_validate);
  g_test_add_func ("/xml/hostile/billion-laughs", test_hostile_billion_laughs);
  g_test_add_func ("/xml/hostile/attributes", test_hostile_attributes);
  g_test_add_func ("/xml/hostile/quadratic-blowup", test_hostile_quadratic);
  g_test_add_func ("/xml/hostile/external-entity", test_hostile_external_entity);
  g_test_add_func ("/xml/hostile/external-dtd", test_hostile_external_dtd);
  g_test_add_func ("/xml/hostile/xinclude", test_hostile_xinclude);
  g_test_add_func ("/xml/hostile/deep-nesting", test_hostile_deep);
  g_test_add_func ("/xml/hostile/wrong-root", test_hostile_wrong_root);
  g_test_add_func ("/xml/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/xml/hostile/messages", test_hostile_messages);
  g_test_add_func ("/xml/hostile/binary", test_hostile_binary);
  g_test_add_func ("/xml/hostile/huge", test_hostile_huge);
  g_test_add_func ("/xml/hostile/handlers-restored", test_hostile_handlers_restored);
  /* Last: the business rules on every STOP file the cases above wrote. */
  g_test_add_func ("/xml/rules/schematron", amend_test_schematron_check);

  status = g_test_run ();
  cleanup ();
  return status;
}
