/* test-lvbb.c: the delivery to the LVBB, AanleveringBesluit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example regulation's establishing decision and decisions that
 * change it, and a decision for every pair of consecutive Gemeentewet
 * versions of the shared corpus: each valid against the LVBB schema
 * (lvbb-1.3.0/lvbb-stop-aanlevering.xsd, which imports STOP 1.3.0) and,
 * at the end, against the official business rules of STOP and the LVBB.
 */
#include "config.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "amend-lvbb-export.h"
#include "amend-test-util.h"
#include "amend-test-xml.h"
#include "amend-xml.h"
#include "amend-xml-import.h"

#define LVBB_XSD "schemas/lvbb-1.3.0/lvbb-stop-aanlevering.xsd"

/* What a delivery needs beyond the example's front matter. */
#define DELIVERY_KEYS \
  "decided: 2026-12-10\n" \
  "subjects: /tooi/def/concept/c_9d1917e9\n" \
  "regulation-kind: /join/id/stop/regelingtype_003\n"

static char *
example_text (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");

  return amend_test_read_file (path, NULL);
}

/* The example with the delivery's keys, each @from replaced by the @to
 * after it (NULL-terminated pairs). */
static AmendDocument *
example (const char *from,
         ...)
{
  g_autofree char *text = example_text ();
  GString *s = g_string_new (text);
  AmendDocument *doc;
  va_list args;

  g_assert_cmpuint (g_string_replace (s, "date: 2027-01-01\n", "date: 2027-01-01\n" DELIVERY_KEYS, 1), ==, 1);
  va_start (args, from);
  for (const char *f = from; f != NULL; f = va_arg (args, const char *))
    {
      const char *to = va_arg (args, const char *);
      g_assert_cmpuint (g_string_replace (s, f, to, 1), ==, 1);
    }
  va_end (args);
  doc = amend_test_parse (s->str);
  g_string_free (s, TRUE);
  return doc;
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *expr)
{
  xmlXPathContextPtr ctxt = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  char *value;

  xmlXPathRegisterNs (ctxt, (const xmlChar *) "l", (const xmlChar *) AMEND_XML_NS_LVBB);
  xmlXPathRegisterNs (ctxt, (const xmlChar *) "d", (const xmlChar *) AMEND_XML_NS_STOP_DATA);
  xmlXPathRegisterNs (ctxt, (const xmlChar *) "t", (const xmlChar *) AMEND_XML_NS_STOP_TEKST);
  result = xmlXPathEvalExpression ((const xmlChar *) expr, ctxt);
  g_assert_nonnull (result);
  {
    xmlChar *cast = xmlXPathCastToString (result);
    value = g_strdup ((const char *) cast);
    xmlFree (cast);
  }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctxt);
  return value;
}

static void
assert_xpath (xmlDocPtr   doc,
              const char *expr,
              const char *expected)
{
  g_autofree char *got = xpath_string (doc, expr);

  g_assert_cmpstr (got, ==, expected);
}

static xmlDocPtr
valid (GBytes *bytes)
{
  xmlDocPtr doc = amend_test_xml_parse (bytes);

  amend_test_xml_assert_valid (doc, LVBB_XSD);
  return doc;
}

/* The establishing decision: the data around the BesluitCompact. */
static void
test_decision (void)
{
  g_autoptr(AmendDocument) doc = example (NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = amend_lvbb_export_decision (doc, warnings, &error);
  xmlDocPtr xml;

  g_assert_no_error (error);
  if (amend_test_xml_schema (LVBB_XSD) == NULL)
    return;
  xml = valid (bytes);
  assert_xpath (xml, "/l:AanleveringBesluit/@schemaversie", "1.3.0");
  assert_xpath (xml, "//l:BesluitVersie/d:ExpressionIdentificatie/d:FRBRWork", "/akn/nl/bill/gm9999/2026/apv");
  assert_xpath (xml, "//l:BesluitVersie/d:ExpressionIdentificatie/d:FRBRExpression",
                "/akn/nl/bill/gm9999/2026/apv/nld@2026-12-10");
  assert_xpath (xml, "//l:BesluitVersie/d:ExpressionIdentificatie/d:soortWork", "/join/id/stop/work_003");
  assert_xpath (xml, "//d:BesluitMetadata/d:eindverantwoordelijke", "/tooi/id/gemeente/gm9999");
  assert_xpath (xml, "//d:BesluitMetadata/d:soortBestuursorgaan", "/tooi/def/thes/kern/c_2a7d8663");
  assert_xpath (xml, "//d:BesluitMetadata/d:officieleTitel",
                "Besluit van de raad van de gemeente Lindewaarde tot vaststelling van de Algemene Plaatselijke "
                "Verordening Lindewaarde 2027");
  assert_xpath (xml, "//d:BesluitMetadata/d:soortProcedure", "/join/id/stop/proceduretype_definitief");
  assert_xpath (xml, "count(//d:Procedurestap)", "2");
  assert_xpath (xml, "//d:Procedurestap[d:soortStap='/join/id/stop/procedure/stap_003']/d:voltooidOp", "2026-12-10");
  /* Artikel I establishes the version; no day of entry into force is
   * known (the day after the publication): no Tijdstempel. */
  assert_xpath (xml, "//d:BeoogdeRegeling/d:instrumentVersie", "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01");
  assert_xpath (xml, "//d:BeoogdeRegeling/d:eId", "art_I");
  assert_xpath (xml, "count(//d:Tijdstempel)", "0");
  assert_xpath (xml, "//t:BesluitCompact//t:RegelingCompact/@wordt", "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01");
  assert_xpath (xml, "//l:RegelingVersieInformatie/d:ExpressionIdentificatie/d:soortWork", "/join/id/stop/work_019");
  assert_xpath (xml, "//l:RegelingVersieInformatie/d:ExpressionIdentificatie/d:FRBRExpression",
                "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01");
  assert_xpath (xml, "//d:RegelingMetadata/d:heeftCiteertitelInformatie/d:CiteertitelInformatie/d:citeertitel",
                "APV Lindewaarde 2027");
  assert_xpath (xml, "//d:RegelingMetadata/d:soortRegeling", "/join/id/stop/regelingtype_003");
  xmlFreeDoc (xml);
}

/* A day of entry into force given: the Tijdstempel of Artikel II. */
static void
test_decision_in_force (void)
{
  g_autoptr(AmendDocument) doc = example ("date: 2027-01-01\n", "date: 2027-01-01\nin-force: 2027-03-01\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = amend_lvbb_export_decision (doc, NULL, &error);
  xmlDocPtr xml;

  g_assert_no_error (error);
  if (amend_test_xml_schema (LVBB_XSD) == NULL)
    return;
  xml = valid (bytes);
  assert_xpath (xml, "//d:Tijdstempel/d:datum", "2027-03-01");
  assert_xpath (xml, "//d:Tijdstempel/d:eId", "art_II");
  assert_xpath (xml, "//d:Tijdstempel/d:soortTijdstempel", "juridischWerkendVanaf");
  xmlFreeDoc (xml);
}

/* The decision that changes the regulation, its work named after the
 * version it makes; the day it was decided from the caller when the front
 * matter has none (the amendment's record). */
static void
test_change (void)
{
  g_autoptr(AmendDocument) old_doc = example (NULL);
  g_autoptr(AmendDocument) new_doc = example ("nld@2027-01-01", "nld@2027-07-01", "date: 2027-01-01", "date: 2027-07-01",
                                              "decided: 2026-12-10\n", "",
                                              "binnen acht weken na de datum", "binnen zes weken na de datum", NULL);
  g_autoptr(AmendDiff) diff = amend_diff_new (old_doc, new_doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) without = amend_lvbb_export_change (diff, NULL, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr xml;

  g_assert_null (without);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in the new version, the front matter has no \xe2\x80\x9c" "decided\xe2\x80\x9d"));
  g_clear_error (&error);
  bytes = amend_lvbb_export_change (diff, "2027-06-20", NULL, &error);
  g_assert_no_error (error);
  if (amend_test_xml_schema (LVBB_XSD) == NULL)
    return;
  xml = valid (bytes);
  assert_xpath (xml, "//l:BesluitVersie/d:ExpressionIdentificatie/d:FRBRWork", "/akn/nl/bill/gm9999/2027/apv-2027-07-01");
  assert_xpath (xml, "//d:Procedurestap[d:soortStap='/join/id/stop/procedure/stap_002']/d:voltooidOp", "2027-06-20");
  assert_xpath (xml, "//d:BeoogdeRegeling/d:instrumentVersie", "/akn/nl/act/gm9999/2027/apv/nld@2027-07-01");
  assert_xpath (xml, "//d:Tijdstempel/d:datum", "2027-07-01");
  assert_xpath (xml, "//t:RegelingMutatie/@was", "/akn/nl/act/gm9999/2027/apv/nld@2027-01-01");
  assert_xpath (xml, "//t:RegelingMutatie/@wordt", "/akn/nl/act/gm9999/2027/apv/nld@2027-07-01");
  assert_xpath (xml, "//l:RegelingVersieInformatie/d:ExpressionIdentificatie/d:FRBRExpression",
                "/akn/nl/act/gm9999/2027/apv/nld@2027-07-01");
  assert_xpath (xml, "//l:RegelingVersieInformatie/d:RegelingVersieMetadata/d:versienummer", "2027-07-01");
  /* Issue 13, item 7: the article of the title's head noun. */
  assert_xpath (xml, "normalize-space(//t:WijzigArtikel/t:Wat)",
                "De APV Lindewaarde 2027 wordt gewijzigd zoals aangegeven in Bijlage A.");
  xmlFreeDoc (xml);
}

/* What an official publication cannot guess is named, with a line to add. */
static void
test_missing (void)
{
  static const struct {
    const char *from, *to, *message;
  } cases[] = {
    { "decided: 2026-12-10\n", "", "the front matter has no \xe2\x80\x9c" "decided\xe2\x80\x9d" },
    { "subjects: /tooi/def/concept/c_9d1917e9\n", "", "\xe2\x80\x9csubjects: /tooi/def/concept/c_...\xe2\x80\x9d" },
    { "regulation-kind: /join/id/stop/regelingtype_003\n", "", "\xe2\x80\x9cregulation-kind" },
    { "subjects: /tooi/def/concept/c_9d1917e9\n", "subjects: werk\n", "TOOI subjects" },
    { "decided: 2026-12-10\n", "decided: 10 december\n", "a date like 2027-01-01" },
    { "authority-name: de raad van de gemeente Lindewaarde\n", "authority-name: het college van Lindewaarde\n",
      "\xe2\x80\x9c" "body: /tooi/def/thes/kern/c_...\xe2\x80\x9d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmendDocument) doc = example (cases[i].from, cases[i].to, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = amend_lvbb_export_decision (doc, NULL, &error);

      g_assert_null (bytes);
      g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: \"%s\" does not say \"%s\"", i, error->message, cases[i].message);
    }
}

/* A version of the corpus with the front matter a delivery needs: the
 * national texts carry none.  The body is one of the codes STOP's rule
 * STOP1035 accepts for a ministry. */
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
  amend_document_set_meta (doc, "decided", date);
  amend_document_set_meta (doc, "body", "/tooi/def/thes/kern/c_bcfb7b4e");
  amend_document_set_meta (doc, "subjects", "/tooi/def/concept/c_9d1917e9");
  amend_document_set_meta (doc, "regulation-kind", "/join/id/stop/regelingtype_001");
  return doc;
}

/* A delivery for each of the 21 real changes of the Gemeentewet. */
static void
test_gemeentewet (void)
{
  g_autofree char *index_path = amend_test_shared_path ("corpus/nl-wetten-historie/index.txt");
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  guint pairs = 0;

  if (index_path == NULL || amend_test_xml_schema (LVBB_XSD) == NULL)
    return;
  index = amend_test_read_file (index_path, NULL);
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL && lines[i + 1][0] != '\0'; i++)
    {
      g_auto(GStrv) a = g_strsplit (lines[i], " ", -1);
      g_auto(GStrv) b = g_strsplit (lines[i + 1], " ", -1);
      g_autoptr(AmendDocument) old_doc = load_version (a[0], a[2]);
      g_autoptr(AmendDocument) new_doc = load_version (b[0], b[2]);
      g_autoptr(AmendDiff) diff = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (old_doc == NULL || new_doc == NULL)
        return;
      diff = amend_diff_new (old_doc, new_doc);
      bytes = amend_lvbb_export_change (diff, NULL, NULL, &error);
      g_assert_no_error (error);
      xmlFreeDoc (valid (bytes));
      pairs++;
    }
  g_assert_cmpuint (pairs, ==, 21);
}

/* The Geonovum example, the model: the schema and the rules take it too,
 * so that a finding in Amend's deliveries is Amend's. */
static void
test_geonovum (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/stop/gemeentestad_initieel_besluit_RegelingCompact.xml");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  if (path == NULL || amend_test_xml_schema (LVBB_XSD) == NULL)
    return;
  text = amend_test_read_file (path, &len);
  bytes = g_bytes_new (text, len);
  xmlFreeDoc (valid (bytes));
}

/* The Geonovum delivery imported, delivered again by Amend and imported
 * once more: the same regulation, front matter and all.  The import takes
 * what the delivery says of the decision (its work, the days it was
 * decided, signed and made known, the body, the subjects, the kind of
 * regulation, the day it takes effect, its title), which the export needs
 * and would refuse to do without. */
static void
test_geonovum_again (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/stop/gemeentestad_initieel_besluit_RegelingCompact.xml");
  g_autoptr(GFile) file = NULL;
  g_autoptr(AmendDocument) first = NULL;
  g_autoptr(AmendDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_md = NULL;
  g_autofree char *again_md = NULL;
  gsize len = 0;
  const char *data;

  if (path == NULL || amend_test_xml_schema (LVBB_XSD) == NULL)
    return;
  file = g_file_new_for_path (path);
  first = amend_xml_import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_document_get_meta (first, "decided"), ==, "2019-12-03");
  g_assert_cmpstr (amend_document_get_meta (first, "signed"), ==, "2019-12-05");
  g_assert_cmpstr (amend_document_get_meta (first, "known-on"), ==, "2019-12-17");
  g_assert_cmpstr (amend_document_get_meta (first, "decision-work"), ==, "/akn/nl/bill/gm0297/2019/3520");
  g_assert_cmpstr (amend_document_get_meta (first, "body"), ==, "/tooi/def/thes/kern/c_2a7d8663");
  g_assert_cmpstr (amend_document_get_meta (first, "subjects"), ==, "/tooi/def/concept/c_9d1917e9");
  g_assert_cmpstr (amend_document_get_meta (first, "regulation-kind"), ==, "/join/id/stop/regelingtype_003");
  g_assert_cmpstr (amend_document_get_meta (first, "in-force"), ==, "2020-01-14");
  g_assert_cmpstr (amend_document_get_meta (first, "decision-title"), ==,
                   "Vaststelling van Omgevingsplan Gemeentestad (Zaltbommel)");

  bytes = amend_lvbb_export_decision (first, NULL, &error);
  g_assert_no_error (error);
  xmlFreeDoc (valid (bytes));
  data = g_bytes_get_data (bytes, &len);
  again = amend_xml_import (data, len, "again.xml", NULL, &error);
  g_assert_no_error (error);
  first_md = amend_document_to_markdown (first);
  again_md = amend_document_to_markdown (again);
  g_assert_cmpstr (again_md, ==, first_md);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lvbb/decision", test_decision);
  g_test_add_func ("/lvbb/decision-in-force", test_decision_in_force);
  g_test_add_func ("/lvbb/change", test_change);
  g_test_add_func ("/lvbb/missing", test_missing);
  g_test_add_func ("/lvbb/gemeentewet", test_gemeentewet);
  g_test_add_func ("/lvbb/geonovum", test_geonovum);
  g_test_add_func ("/lvbb/geonovum-again", test_geonovum_again);
  /* Last: the business rules on every delivery above. */
  g_test_add_func ("/lvbb/rules/schematron", amend_test_schematron_check);
  return g_test_run ();
}
