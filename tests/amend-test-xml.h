/* amend-test-xml.h: XML Schema validation with libxml2, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exports are validated here with libxml2's xmlSchemaValidateDoc
 * against the XSDs in ../shared/schemas/, not with Amend's own validator,
 * so that a mistake in amend-xml-validate.c cannot hide one in an exporter.
 */
#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* The schema at @relative in ../shared/, parsed once per test program;
 * NULL (after g_test_skip) when it is absent. */
xmlSchemaPtr amend_test_xml_schema             (const char *relative);
/* Parses @bytes without network access; fails the test when it cannot. */
xmlDocPtr    amend_test_xml_parse              (GBytes     *bytes);
/* Validates @doc against the schema at @relative; fails the test with
 * libxml2's messages when it is not valid.  Returns FALSE (and the test
 * is skipped) without the schemas. */
gboolean     amend_test_xml_assert_valid       (xmlDocPtr   doc,
                                                const char *relative);
/* The same for a document still to be parsed (only when the schema is
 * there). */
gboolean     amend_test_xml_assert_valid_bytes (GBytes     *bytes,
                                                const char *relative);

/* The official business rules of STOP and the LVBB (Schematron, run by
 * ../shared/tools/stop-schematron) on every STOP and LVBB file a test
 * program validates: each is kept in a folder as it is validated, and all
 * are checked in one run at the end (one Java start per rule set), by the
 * test case amend_test_schematron_check(), registered last.  A finding of
 * ernst "fout" fails it; BHKV1006 on a bare text module (a RegelingCompact
 * or BesluitCompact that is not in a delivery) is expected: that LVBB rule
 * asks for the delivery's RegelingVersieInformatie around it. */
void         amend_test_schematron_keep        (GBytes     *bytes,
                                                const char *name);
void         amend_test_schematron_keep_doc    (xmlDocPtr   doc,
                                                const char *name);
void         amend_test_schematron_check       (void);

G_END_DECLS
