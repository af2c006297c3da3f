/* amend-xml-validate.c: STOP and Akoma Ntoso checked against their XSD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2's XML Schema validator does the work; this file picks the schema
 * by the root element's namespace and turns libxml2's messages into
 * findings a person can read: the line, the element, what is wrong, with
 * the namespaces left out ("element Artikel: This element is not
 * expected. Expected is ( Kop ).").
 *
 * The schemas are not part of Amend: they come from a folder the user
 * names.  They are read from local files only: the entity loader set in
 * amend-xml.c refuses the network for every libxml2 parse in the process,
 * and the Akoma Ntoso schema imports xml.xsd by a relative path, which is
 * the file next to it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "amend-document.h"
#include "amend-xml-private.h"
#include "amend-xml-validate.h"

typedef struct {
  GPtrArray *findings;
  char      *schema_error;
} ValidateState;

const char *
amend_xml_schema_for_namespace (const char *ns)
{
  if (g_strcmp0 (ns, AMEND_XML_NS_STOP_TEKST) == 0)
    return "stop-1.3.0/imop-tekst.xsd";
  if (g_strcmp0 (ns, AMEND_XML_NS_LVBB) == 0)
    return "lvbb-1.3.0/lvbb-stop-aanlevering.xsd";
  if (g_strcmp0 (ns, AMEND_XML_NS_AKN) == 0)
    return "akn-3.0/akomantoso30.xsd";
  return NULL;
}

const char *
amend_xml_namespace_of_root (const char  *name,
                             const char **format)
{
  static const struct {
    const char *element;
    const char *ns;
    const char *format;
  } roots[] = {
    { "cvdr", AMEND_XML_NS_CVDR, "CVDR" },
    { "RegelingCompact", AMEND_XML_NS_STOP_TEKST, "STOP" },
    { "RegelingKlassiek", AMEND_XML_NS_STOP_TEKST, "STOP" },
    { "BesluitCompact", AMEND_XML_NS_STOP_TEKST, "STOP" },
    { "BesluitKlassiek", AMEND_XML_NS_STOP_TEKST, "STOP" },
    { "AanleveringBesluit", AMEND_XML_NS_LVBB, "LVBB" },
    { "akomaNtoso", AMEND_XML_NS_AKN, "Akoma Ntoso" },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (roots); i++)
    if (strcmp (name, roots[i].element) == 0)
      {
        if (format)
          *format = roots[i].format;
        return roots[i].ns;
      }
  return NULL;
}

/* A root element in a namespace it does not belong in ("AanleveringBesluit"
 * in STOP's text namespace) would only meet "no matching global
 * declaration": say where it belongs.  A delivery to the LVBB is
 * validated against the LVBB's schema (lvbb-1.3.0/). */
static gboolean
refuse_root (xmlNodePtr   root,
             const char  *ns,
             GError     **error)
{
  const char *format = NULL;
  const char *expected = amend_xml_namespace_of_root (root ? (const char *) root->name : NULL, &format);

  if (expected != NULL && g_strcmp0 (ns, expected) != 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("the root element %s is in the namespace %s, but %s's %s is in %s"),
                   (const char *) root->name, ns ? ns : _("(none)"), format, (const char *) root->name, expected);
      return TRUE;
    }
  return FALSE;
}

/* "Element '{https://...}Artikel': This element is not expected. Expected
 * is ( {https://...}Kop )." -> "This element is not expected. Expected is
 * ( Kop )." */
static char *
readable (const char *message)
{
  GString *out = g_string_new (NULL);
  const char *p = message;

  if (g_str_has_prefix (p, "Element '"))
    {
      const char *end = strstr (p, "': ");
      if (end != NULL)
        p = end + 3;
    }
  while (*p)
    {
      if (*p == '{')
        {
          const char *close = strchr (p, '}');
          if (close != NULL)
            {
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

static void
on_error (void          *data,
          AmendXmlError *err)
{
  ValidateState *state = data;
  g_autofree char *what = readable (err->message ? err->message : "");
  xmlNodePtr node = err->node;
  guint line = err->line > 0 ? (guint) err->line : 0;
  g_autofree char *message = NULL;

  if (err->domain != XML_FROM_SCHEMASV)
    {
      /* The schema itself could not be read. */
      if (state->schema_error == NULL)
        state->schema_error = g_steal_pointer (&what);
      return;
    }
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    {
      long node_line = xmlGetLineNo (node);

      if (node_line > 0)
        line = (guint) node_line;
      message = g_strdup_printf (_("element %s: %s"), (const char *) node->name, what);
    }
  else
    message = g_steal_pointer (&what);
  g_ptr_array_add (state->findings,
                   amend_diagnostic_new (err->level == XML_ERR_WARNING ? AMEND_SEVERITY_WARNING
                                                                       : AMEND_SEVERITY_ERROR,
                                         line, NULL, message));
}

static xmlSchemaPtr
load_schema (const char     *path,
             ValidateState  *state,
             GError        **error)
{
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt (path);
  xmlSchemaPtr schema = NULL;

  if (pctxt != NULL)
    {
      xmlSchemaSetParserStructuredErrors (pctxt, (xmlStructuredErrorFunc) on_error, state);
      schema = xmlSchemaParse (pctxt);
      xmlSchemaFreeParserCtxt (pctxt);
    }
  if (schema == NULL)
    g_set_error (error, AMEND_ERROR, AMEND_ERROR_FAILED,
                 _("the schema %s could not be read: %s"), path,
                 state->schema_error ? state->schema_error : _("libxml2 gave no reason"));
  return schema;
}

/**
 * amend_xml_validate:
 * @schema_dir: the folder that holds stop-1.3.0/, lvbb-1.3.0/ and akn-3.0/
 * @findings: what is invalid is added here, as #AmendDiagnostic
 *
 * Validates @doc against the XSD of its root namespace.
 * Returns: %TRUE when the validation ran (@findings then tells whether the
 *   document is valid); %FALSE with @error when there is no schema for it.
 */
gboolean
amend_xml_validate (xmlDocPtr    doc,
                    const char  *schema_dir,
                    GPtrArray   *findings,
                    GError     **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  const char *ns = root && root->ns ? (const char *) root->ns->href : NULL;
  const char *relative = amend_xml_schema_for_namespace (ns);
  g_autofree char *path = NULL;
  ValidateState state = { findings, NULL };
  guint n_before = findings->len;
  AmendXmlHandlers saved;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr vctxt;
  int rc;

  if (refuse_root (root, ns, error))
    return FALSE;
  if (relative == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("the root element %s is in the namespace %s, which Amend has no schema for: it validates "
                     "STOP text (%s) and Akoma Ntoso (%s)"),
                   root ? (const char *) root->name : "?", ns ? ns : _("(none)"),
                   AMEND_XML_NS_STOP_TEKST, AMEND_XML_NS_AKN);
      return FALSE;
    }
  path = g_build_filename (schema_dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                   _("there is no %s in %s: give the folder that holds stop-1.3.0/, lvbb-1.3.0/ and akn-3.0/"),
                   relative, schema_dir);
      return FALSE;
    }

  _amend_xml_init ();
  _amend_xml_push_handlers (&saved, &state, on_error);
  schema = load_schema (path, &state, error);
  if (schema == NULL)
    {
      _amend_xml_pop_handlers (&saved);
      g_free (state.schema_error);
      return FALSE;
    }
  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, (xmlStructuredErrorFunc) on_error, &state);
  rc = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlSchemaFree (schema);
  _amend_xml_pop_handlers (&saved);
  g_free (state.schema_error);

  if (rc < 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_FAILED,
                   _("libxml2 could not validate the document against %s"), path);
      return FALSE;
    }
  /* libxml2 counts an error it did not report through the handler too. */
  if (rc > 0 && findings->len == n_before)
    g_ptr_array_add (findings, amend_diagnostic_new (AMEND_SEVERITY_ERROR, 0, NULL,
                                                     _("the document does not match its schema")));
  return TRUE;
}
