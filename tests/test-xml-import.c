/* test-xml-import.c: imports that keep the structure and write front
 * matter the export accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An Akoma Ntoso act built from sections (tests/files/akn-bylaw-sections.xml,
 * in the form of Laws.Africa documents), identifiers that STOP writes
 * otherwise, a delivery whose expression has no date, and root elements
 * in the wrong namespace.  Exports are validated with libxml2 against the
 * XSDs in ../shared/schemas/.
 */
#include "config.h"

#include <string.h>

#include "amend-akn-export.h"
#include "amend-stop-export.h"
#include "amend-test-util.h"
#include "amend-test-xml.h"
#include "amend-xml-import.h"
#include "amend-xml-meta.h"
#include "amend-xml-validate.h"
#include "amend-xml.h"

#define STOP_XSD "schemas/stop-1.1.0/imop-tekst.xsd"
#define AKN_XSD  "schemas/akn-3.0/akomantoso30.xsd"

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

static void
dump (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = amend_diagnostic_format (g_ptr_array_index (warnings, i), "in.xml");
      g_test_message ("%s", line);
    }
}

static AmendDocument *
import_string (const char *xml,
               GPtrArray  *warnings)
{
  g_autoptr(GError) error = NULL;
  AmendDocument *doc = amend_xml_import (xml, strlen (xml), "in.xml", warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The export takes the front matter as it is. */
static void
assert_exportable (AmendDocument *doc)
{
  g_auto(AmendXmlMeta) meta = { 0 };
  g_autoptr(GError) error = NULL;

  amend_xml_meta_load (&meta, doc, &error);
  g_assert_no_error (error);
}

static void
assert_canonical (AmendDocument *doc)
{
  g_autofree char *md = amend_document_to_markdown (doc);
  g_autoptr(AmendDocument) again = amend_test_parse (md);
  g_autofree char *md2 = amend_document_to_markdown (again);

  g_assert_cmpstr (md, ==, md2);
  g_assert_false (amend_document_has_errors (doc));
}

/* ----------------------------------------------------------------------- */
/* Akoma Ntoso built from sections                                          */
/* ----------------------------------------------------------------------- */

static void
test_akn_sections (void)
{
  g_autofree char *path = amend_test_source_path ("tests/files/akn-bylaw-sections.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_xml_import_file (file, warnings, &error);
  AmendNode *chapter, *article, *member;

  g_assert_no_error (error);
  dump (warnings);
  assert_canonical (doc);

  /* Sections that hold their text are articles, with their own numbers. */
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, 3);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_SECTION), ==, 0);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_MEMBER), ==, 3);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_POINT), ==, 6);

  /* A chapter numbered by a word keeps its sections: it is numbered by
   * its place, the word stays in its title, and that is said. */
  chapter = amend_node_child (amend_document_get_root (doc), 0);
  g_assert_cmpint (chapter->kind, ==, AMEND_NODE_CHAPTER);
  g_assert_cmpstr (chapter->number, ==, "1");
  g_assert_cmpstr (chapter->heading, ==, "Kwanza \xe2\x80\x93 Interpretation");
  g_assert_cmpint (amend_node_child (chapter, 0)->kind, ==, AMEND_NODE_ARTICLE);
  g_assert_true (has_warning (warnings, 37, "Hoofdstuk Kwanza: Amend reads no such number; it was numbered 1"));

  /* Subsections (1), (2), (2A) are members, their numbers whole;
   * paragraphs (a), (b) points, subparagraphs (i), (ii) points under them. */
  article = amend_document_find_eid (doc, "chp_2__title_1__art_2");
  g_assert_nonnull (article);
  g_assert_cmpstr (article->heading, ==, "Trading hours");
  g_assert_cmpstr (amend_node_child (article, 0)->number, ==, "(1)");
  member = amend_node_child (article, 1);
  g_assert_cmpstr (member->number, ==, "(2)");
  g_assert_cmpstr (amend_node_child (member, 2)->number, ==, "(b)");
  g_assert_cmpstr (amend_node_child (amend_node_child (member, 2), 1)->number, ==, "(i)");
  g_assert_cmpstr (amend_node_child (article, 2)->number, ==, "(2A)");
  /* A section with paragraphs and no subsections: its paragraphs are points. */
  article = amend_document_find_eid (doc, "chp_2__title_1__art_3");
  g_assert_cmpstr (amend_node_child (article, 1)->number, ==, "(a)");
  g_assert_cmpint (amend_node_child (article, 1)->kind, ==, AMEND_NODE_POINT);

  /* The work's title alias is the title; "council" is no Dutch code. */
  g_assert_cmpstr (amend_document_get_meta (doc, "title"), ==, "Liquor Trading Days and Hours By-law");
  g_assert_true (has_warning (warnings, 15, "the authority \xe2\x80\x9c" "council\xe2\x80\x9d is not the code"));
  g_assert_true (has_warning (warnings, 51, "part: Amend has no such part; it was read as a Titel"));
}

/* With an authority code, both exports take it, "(1)" as written; Akoma
 * Ntoso gives the members back. */
static void
test_akn_sections_export (void)
{
  g_autofree char *path = amend_test_source_path ("tests/files/akn-bylaw-sections.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_xml_import_file (file, NULL, &error);
  g_autoptr(AmendDocument) back = NULL;
  g_autoptr(GBytes) akn = NULL;
  g_autoptr(GBytes) stop = NULL;
  gsize len = 0;
  const char *data;

  g_assert_no_error (error);
  amend_document_set_meta (doc, "authority", "gm9999");
  assert_exportable (doc);
  akn = amend_akn_export_act (doc, NULL, &error);
  g_assert_no_error (error);
  amend_test_xml_assert_valid_bytes (akn, AKN_XSD);
  stop = amend_stop_export_regulation (doc, NULL, &error);
  g_assert_no_error (error);
  amend_test_xml_assert_valid_bytes (stop, STOP_XSD);
  data = g_bytes_get_data (stop, &len);
  g_assert_nonnull (g_strstr_len (data, len, "<LidNummer>(2A)</LidNummer>"));

  data = g_bytes_get_data (akn, &len);
  back = amend_xml_import (data, len, "akn.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_document_find_eid (back, "chp_2__title_1__art_2__para_2A")->number, ==, "(2A)");
  g_assert_cmpuint (amend_test_count_kind (back, AMEND_NODE_MEMBER), ==, 3);
}

/* ----------------------------------------------------------------------- */
/* Front matter                                                             */
/* ----------------------------------------------------------------------- */

static char *
akn_act (const char *author,
         const char *work,
         const char *expression,
         const char *date)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
    "<act name=\"verordening\">\n"
    "<meta>\n"
    "<identification source=\"#amend\">\n"
    "<FRBRWork><FRBRthis value=\"%s\"/><FRBRuri value=\"%s\"/>%s%s%s</FRBRWork>\n"
    "<FRBRExpression><FRBRthis value=\"%s\"/><FRBRuri value=\"%s\"/>%s%s%s</FRBRExpression>\n"
    "</identification>\n"
    "</meta>\n"
    "<preface><longTitle><p><docTitle>Verordening</docTitle></p></longTitle></preface>\n"
    "<body><article eId=\"art_1\"><num>Artikel 1</num><content><p>Tekst.</p></content></article></body>\n"
    "</act>\n"
    "</akomaNtoso>\n",
    work, work, author ? "<FRBRauthor href=\"" : "", author ? author : "", author ? "\"/>" : "",
    expression, expression, date ? "<FRBRdate date=\"" : "", date ? date : "", date ? "\" name=\"x\"/>" : "");
}

/* An authority code in capitals, in the work and the expression too, is
 * written as STOP writes it, with the line it came from. */
static void
test_meta_capitals (void)
{
  g_autofree char *xml = akn_act ("#PV73", "/akn/nl/act/PV73/2019/wegen", "/akn/nl/act/PV73/2019/wegen/nld@2019-05-01",
                                  "2019-05-01");
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(AmendDocument) doc = import_string (xml, warnings);

  dump (warnings);
  g_assert_cmpstr (amend_document_get_meta (doc, "authority"), ==, "pv73");
  g_assert_cmpstr (amend_document_get_meta (doc, "work"), ==, "/akn/nl/act/pv73/2019/wegen");
  g_assert_cmpstr (amend_document_get_meta (doc, "expression"), ==, "/akn/nl/act/pv73/2019/wegen/nld@2019-05-01");
  g_assert_true (has_warning (warnings, 6, "the authority code PV73 was written as pv73"));
  g_assert_true (has_warning (warnings, 6, "the work /akn/nl/act/PV73/2019/wegen names the authority in capitals"));
  g_assert_true (has_warning (warnings, 7, "the expression /akn/nl/act/PV73/2019/wegen/nld@2019-05-01 names"));
  assert_exportable (doc);
}

/* No author: the work names the authority; that needs no word. */
static void
test_meta_authority_from_work (void)
{
  g_autofree char *xml = akn_act (NULL, "/akn/nl/act/gm0297/2019/apv", "/akn/nl/act/gm0297/2019/apv/nld@2019-05-01",
                                  "2019-05-01");
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(AmendDocument) doc = import_string (xml, warnings);

  dump (warnings);
  g_assert_cmpstr (amend_document_get_meta (doc, "authority"), ==, "gm0297");
  g_assert_cmpuint (warnings->len, ==, 0);
  assert_exportable (doc);
}

/* "nld@1" is a version, not a date, and there is none else: said at import,
 * with the line of the expression. */
static void
test_meta_expression_without_date (void)
{
  g_autofree char *xml = akn_act ("#gm0297", "/akn/nl/act/gm0297/2019/apv", "/akn/nl/act/gm0297/2019/apv/nld@1", NULL);
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(AmendDocument) doc = import_string (xml, warnings);
  g_auto(AmendXmlMeta) meta = { 0 };
  g_autoptr(GError) error = NULL;

  dump (warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (has_warning (warnings, 7, "the expression /akn/nl/act/gm0297/2019/apv/nld@1 has no date and the XML "
                                           "gives none; add \xe2\x80\x9c" "date: 2027-01-01\xe2\x80\x9d"));
  /* ... which is what the export would refuse. */
  g_assert_false (amend_xml_meta_load (&meta, doc, &error));
  amend_document_set_meta (doc, "date", "2019-05-01");
  assert_exportable (doc);
}

/* The Geonovum delivery: its expression is "nld@1"; the date the version
 * takes effect is the delivery's juridischWerkendVanaf. */
static void
test_meta_delivery_date (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/stop/gemeentestad_initieel_besluit_RegelingCompact.xml");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GBytes) stop = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  doc = amend_xml_import_file (file, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_document_get_meta (doc, "expression"), ==, "/akn/nl/act/gm0297/2019/reg456/nld@1");
  g_assert_cmpstr (amend_document_get_meta (doc, "date"), ==, "2020-01-14");
  g_assert_false (has_warning (warnings, 0, "has no date"));
  assert_exportable (doc);
  stop = amend_stop_export_decision (doc, NULL, &error);
  g_assert_no_error (error);
  amend_test_xml_assert_valid_bytes (stop, STOP_XSD);
}

/* CVDR has no authority code: said at the line of the creator. */
static void
test_meta_cvdr (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\n"
    "<meta><owmskern>\n"
    "<dcterms:title>Marktverordening</dcterms:title>\n"
    "<dcterms:creator scheme=\"overheid:Gemeente\">Lindewaarde</dcterms:creator>\n"
    "</owmskern><owmsmantel><dcterms:issued>2020-02-01</dcterms:issued></owmsmantel></meta>\n"
    "<body><regeling><regeling-tekst><artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Tekst.</al></artikel>"
    "</regeling-tekst></regeling></body>\n"
    "</cvdr>\n";
  g_autoptr(GPtrArray) warnings = new_warnings ();
  g_autoptr(AmendDocument) doc = import_string (xml, warnings);

  dump (warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (has_warning (warnings, 5, "the XML gives no authority code"));
}

/* ----------------------------------------------------------------------- */
/* Namespaces                                                               */
/* ----------------------------------------------------------------------- */

static const struct {
  const char *xml;
  const char *import_error;
  const char *validate_error;
} roots[] = {
  /* a delivery in STOP's text namespace: it belongs in the LVBB's */
  { "<AanleveringBesluit xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\"/>",
    "the root element AanleveringBesluit is in the namespace https://standaarden.overheid.nl/stop/imop/tekst/, but "
    "LVBB's AanleveringBesluit is in https://standaarden.overheid.nl/lvbb/stop/aanlevering/",
    "but LVBB's AanleveringBesluit is in https://standaarden.overheid.nl/lvbb/stop/aanlevering/" },
  { "<AanleveringBesluit xmlns=\"https://standaarden.overheid.nl/lvbb/stop/\"/>",
    "but LVBB's AanleveringBesluit is in https://standaarden.overheid.nl/lvbb/stop/aanlevering/",
    "but LVBB's AanleveringBesluit is in https://standaarden.overheid.nl/lvbb/stop/aanlevering/" },
  /* in its own namespace: a delivery, which validate checks against the
   * LVBB's schema (NULL: validation runs and finds it incomplete) */
  { "<AanleveringBesluit xmlns=\"https://standaarden.overheid.nl/lvbb/stop/aanlevering/\"/>",
    "the delivery (AanleveringBesluit) holds no BesluitCompact or BesluitKlassiek",
    NULL },
  { "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/lvbb/stop/aanlevering/\"/>",
    "but STOP's RegelingCompact is in https://standaarden.overheid.nl/stop/imop/tekst/",
    "but STOP's RegelingCompact is in https://standaarden.overheid.nl/stop/imop/tekst/" },
};

static void
test_root_namespaces (void)
{
  g_autofree char *schemas = amend_test_shared_path ("schemas");

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendDocument) doc = amend_xml_import (roots[i].xml, strlen (roots[i].xml), "in.xml", NULL, &error);
      g_autoptr(xmlDoc) xml = NULL;
      g_autoptr(GPtrArray) findings = new_warnings ();

      g_assert_null (doc);
      g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, roots[i].import_error));
      g_clear_error (&error);

      if (schemas == NULL)
        continue;
      xml = amend_xml_read (roots[i].xml, strlen (roots[i].xml), "in.xml", NULL, &error);
      g_assert_no_error (error);
      if (roots[i].validate_error == NULL)
        {
          g_assert_true (amend_xml_validate (xml, schemas, findings, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (findings->len, >, 0);
          continue;
        }
      g_assert_false (amend_xml_validate (xml, schemas, findings, &error));
      g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, roots[i].validate_error));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml-import/akn-sections", test_akn_sections);
  g_test_add_func ("/xml-import/akn-sections-export", test_akn_sections_export);
  g_test_add_func ("/xml-import/meta-capitals", test_meta_capitals);
  g_test_add_func ("/xml-import/meta-authority-from-work", test_meta_authority_from_work);
  g_test_add_func ("/xml-import/meta-expression-without-date", test_meta_expression_without_date);
  g_test_add_func ("/xml-import/meta-delivery-date", test_meta_delivery_date);
  g_test_add_func ("/xml-import/meta-cvdr", test_meta_cvdr);
  g_test_add_func ("/xml-import/root-namespaces", test_root_namespaces);
  return g_test_run ();
}
