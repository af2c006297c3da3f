/* amend-test-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amend-test-util.h"
#include "amend-test-xml.h"

static void
collect_error (void       *data,
               xmlErrorPtr err)
{
  GString *out = data;

  g_string_append_printf (out, "line %d: %s", err->line, err->message ? err->message : "?\n");
}

xmlSchemaPtr
amend_test_xml_schema (const char *relative)
{
  static GHashTable *cache;
  g_autofree char *path = amend_test_shared_path (relative);
  xmlSchemaPtr s;

  if (path == NULL)
    return NULL;
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s = g_hash_table_lookup (cache, relative);
  if (s == NULL)
    {
      xmlSchemaParserCtxtPtr ctxt = xmlSchemaNewParserCtxt (path);
      s = xmlSchemaParse (ctxt);
      xmlSchemaFreeParserCtxt (ctxt);
      g_assert_nonnull (s);
      g_hash_table_insert (cache, g_strdup (relative), s);
    }
  return s;
}

xmlDocPtr
amend_test_xml_parse (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDocPtr doc = xmlReadMemory (data, (int) len, NULL, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

gboolean
amend_test_xml_assert_valid (xmlDocPtr   doc,
                             const char *relative)
{
  xmlSchemaPtr s = amend_test_xml_schema (relative);
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlSchemaValidCtxtPtr ctxt;
  int rc;

  if (s == NULL)
    return FALSE;
  ctxt = xmlSchemaNewValidCtxt (s);
  xmlSchemaSetValidStructuredErrors (ctxt, collect_error, errors);
  rc = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  if (rc != 0)
    g_error ("not valid against %s:\n%s", relative, errors->str);
  return TRUE;
}

gboolean
amend_test_xml_assert_valid_bytes (GBytes     *bytes,
                                   const char *relative)
{
  xmlDocPtr doc;
  gboolean valid;

  /* Without the schemas the test is skipped before anything is parsed. */
  if (amend_test_xml_schema (relative) == NULL)
    return FALSE;
  doc = amend_test_xml_parse (bytes);
  valid = amend_test_xml_assert_valid (doc, relative);
  xmlFreeDoc (doc);
  return valid;
}
