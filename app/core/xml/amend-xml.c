/* amend-xml.c: reading XML that may be hostile, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every XML document Amend reads (import, validate) goes through
 * amend_xml_read(), which relies on libxml2's own parser options and limits
 * rather than on looking at the bytes:
 *
 *  - the size is checked before parsing (AMEND_XML_MAX_SIZE), and a file is
 *    read with that bound (amend_read_file);
 *  - a pass over the bytes refuses an element with more attributes than
 *    AMEND_XML_MAX_ATTRIBUTES (libxml2 2.9 takes quadratic time in them);
 *  - XML_PARSE_NONET, and neither XML_PARSE_NOENT nor XML_PARSE_DTDLOAD nor
 *    XML_PARSE_DTDATTR: entities are not substituted and no DTD is loaded,
 *    so an external entity naming a file or URL is never read; an external
 *    entity loader that refuses everything for our parser contexts is the
 *    second lock on that door;
 *  - XML_PARSE_HUGE stays off, which keeps libxml2's limits: a depth of 256
 *    elements, 10 MB in one text node, and the entity amplification checks;
 *  - XInclude is never processed (xmlXIncludeProcess is not called);
 *  - after parsing, a DOCTYPE that declares entities or names an external
 *    DTD is refused: Amend's formats have no DTD, and a document with one is
 *    either not one of them or an attack;
 *  - libxml2's messages go to the caller as a GError or as warnings with
 *    their line, never to standard error.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <string.h>

#include "amend-diagnostic.h"
#include "amend-document.h"
#include "amend-file.h"
#include "amend-xml-private.h"

/* Marks the parser contexts of amend_xml_read() for the entity loader. */
static const char guarded_context = 0;

typedef struct {
  const char *name;
  GPtrArray  *warnings;     /* of AmendDiagnostic, may be NULL */
  char       *error;        /* the first error, with its line */
  guint       error_line;
  guint       error_column; /* in characters, as libxml2 counts them */
  int         error_code;
  gboolean    refused_load; /* the document named something to load */
} ReadState;

static xmlParserInputPtr
guarded_entity_loader (const char       *url,
                       const char       *id,
                       xmlParserCtxtPtr  ctxt)
{
  /* Our documents load nothing; other contexts (the XSDs of `amend
   * validate`, which come from the user's schema folder and import
   * xml.xsd next to them) may read local files, never the network. */
  if (ctxt != NULL && ctxt->_private == &guarded_context)
    {
      ReadState *state = xmlStructuredErrorContext;

      if (state != NULL)
        state->refused_load = TRUE;
      return NULL;
    }
  return xmlNoNetExternalEntityLoader (url, id, ctxt);
}

void
_amend_xml_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (guarded_entity_loader);
      g_once_init_leave (&once, 1);
    }
}

/* "Input is not proper UTF-8, indicate encoding !\nBytes: 0xE9 0x72":
 * the bytes, for a message that says what to do. */
static char *
not_utf8_text (const char *message)
{
  const char *bytes = strstr (message, "Bytes: ");
  g_autofree char *shown = g_strdup (bytes ? bytes + 7 : "?");

  g_strstrip (shown);
  return g_strdup_printf (_("bytes that are not UTF-8 (%s), though its XML declaration names no other encoding: "
                            "the file is probably in Latin-1 or Windows-1252; convert it to UTF-8, or name its "
                            "encoding in its first line (<?xml version=\"1.0\" encoding=\"windows-1252\"?>)"),
                          shown);
}

static char *
error_text (AmendXmlError *err)
{
  g_autofree char *message = NULL;

  /* Some of libxml2's messages are advice to programmers ("use
   * XML_PARSE_HUGE option", "indicate encoding !") or its own jargon
   * ("AttValue length too long"); say what is wrong with the file. */
  if (err->message != NULL && g_str_has_prefix (err->message, "Input is not proper UTF-8"))
    return not_utf8_text (err->message);
  if (err->message != NULL && g_str_has_prefix (err->message, "Document labelled"))
    return g_strdup (_("its XML declaration names another encoding than the one the file is in (UTF-8): correct "
                       "the declaration to encoding=\"UTF-8\", or convert the file to the encoding it names"));
  if (err->code == XML_ERR_UNSUPPORTED_ENCODING)
    return g_strdup_printf (_("its XML declaration names the encoding %s, which Amend cannot read: convert the "
                              "file to UTF-8"), err->str1 ? err->str1 : "?");
  if (err->domain == XML_FROM_I18N || err->code == XML_I18N_CONV_FAILED)
    return g_strdup (_("it has bytes that are not valid in the encoding its XML declaration names: the "
                       "declaration is wrong or the file is damaged; convert the file to UTF-8"));
  if (err->code == XML_ERR_ATTRIBUTE_NOT_FINISHED && err->message && strstr (err->message, "too long"))
    return g_strdup (_("an attribute value is longer than libxml2 reads (10 MB), far longer than any in a "
                       "regulation: it is damaged or not a regulation"));
  if (err->code == XML_ERR_ENTITY_LOOP)
    return g_strdup (_("its DOCTYPE declares entities that refer to each other over and over (an entity bomb); Amend does not expand "
                       "entities: export it again without a DTD"));
  if (err->message != NULL && g_str_has_prefix (err->message, "Excessive depth in document"))
    return g_strdup (_("its elements are nested deeper than libxml2 reads (256 levels), far deeper than any "
                       "regulation: it is damaged or not a regulation"));
  message = g_strdup (err->message ? err->message : "");

  g_strstrip (message);
  return g_steal_pointer (&message);
}

static void
on_structured_error (void          *data,
                     AmendXmlError *err)
{
  ReadState *state = data;
  g_autofree char *message = error_text (err);
  guint line = err->line > 0 ? (guint) err->line : 0;

  if (err->level == XML_ERR_WARNING)
    {
      if (state->warnings != NULL)
        g_ptr_array_add (state->warnings,
                         amend_diagnostic_new (AMEND_SEVERITY_WARNING, line, NULL, message));
      return;
    }
  if (state->error == NULL)
    {
      state->error = g_steal_pointer (&message);
      state->error_line = line;
      state->error_column = err->int2 > 0 ? (guint) err->int2 : 0;
      state->error_code = err->code;
    }
}

/* Some of libxml2's messages bypass the structured handler; they must not
 * reach standard error either. */
static void
on_generic_error (void       *data,
                  const char *format,
                  ...)
{
}

static gboolean
has_entities (xmlDtdPtr dtd)
{
  if (dtd == NULL)
    return FALSE;
  return (dtd->entities != NULL && xmlHashSize (dtd->entities) > 0) ||
         (dtd->pentities != NULL && xmlHashSize (dtd->pentities) > 0);
}

static gboolean
check_doctype (xmlDocPtr    doc,
               const char  *name,
               GError     **error)
{
  xmlDtdPtr dtd = doc->intSubset;

  if (has_entities (dtd) || has_entities (doc->extSubset))
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("%s declares entities in a DOCTYPE; Amend does not expand entities, so the document "
                     "was refused: export it again without a DTD"), name);
      return FALSE;
    }
  if (doc->extSubset != NULL || (dtd != NULL && (dtd->SystemID != NULL || dtd->ExternalID != NULL)))
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("%s names an external DTD; Amend loads no DTDs, so the document was refused: "
                     "export it again without a DOCTYPE"), name);
      return FALSE;
    }
  return TRUE;
}

/* libxml2 keeps its handlers per thread: ours are set for one parse or
 * one validation only, then the old ones come back. */
void
_amend_xml_push_handlers (AmendXmlHandlers *saved,
                          void             *data,
                          void            (*handler) (void *data, AmendXmlError *err))
{
  saved->structured = xmlStructuredError;
  saved->structured_context = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_context = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (data, (xmlStructuredErrorFunc) handler);
  xmlSetGenericErrorFunc (data, on_generic_error);
}

void
_amend_xml_pop_handlers (AmendXmlHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_context, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_context, saved->generic);
}

static const char *
find_bytes (const char *p,
            const char *end,
            const char *what)
{
  gsize n = strlen (what);

  for (; p + n <= end; p++)
    if (*p == what[0] && memcmp (p, what, n) == 0)
      return p;
  return NULL;
}

/* libxml2 2.9 checks each attribute of an element against all the others
 * (and each namespace declaration too): 200,000 attributes on one element
 * take minutes.  No regulation has an element with more than a few, so a
 * pass over the bytes (linear, and cheap next to the parse) counts them
 * per start tag and refuses more than AMEND_XML_MAX_ATTRIBUTES, before
 * libxml2 sees them.  Comments, CDATA sections, processing instructions
 * and declarations are skipped; a "=" inside quotes is no attribute. */
static gboolean
check_attributes (const char  *data,
                  gsize        len,
                  const char  *name,
                  GError     **error)
{
  const char *end = data + len;
  guint line = 1;

  for (const char *p = data; p < end; p++)
    {
      const char *close = NULL;
      guint tag_line, n = 0;
      char quote = 0;

      if (*p == '\n')
        line++;
      if (*p != '<')
        continue;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = find_bytes (p + 4, end, "-->");
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        close = find_bytes (p + 9, end, "]]>");
      else if (end - p >= 2 && p[1] == '?')
        close = find_bytes (p + 2, end, "?>");
      if (close != NULL || (end - p >= 4 && (memcmp (p, "<!--", 4) == 0 || memcmp (p, "<![C", 4) == 0 ||
                                             p[1] == '?')))
        {
          /* Skipped whole (unclosed: the parser will say so). */
          const char *stop = close ? close : end;
          for (const char *q = p; q < stop; q++)
            line += *q == '\n';
          p = stop > p ? stop : p;
          continue;
        }
      tag_line = line;
      for (p++; p < end && (quote || *p != '>'); p++)
        {
          if (*p == '\n')
            line++;
          if (quote)
            quote = *p == quote ? 0 : quote;
          else if (*p == '"' || *p == '\'')
            quote = *p;
          else if (*p == '=' && ++n > AMEND_XML_MAX_ATTRIBUTES)
            {
              g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                           _("%s has an element with more than %u attributes or namespace declarations "
                             "(line %u); no regulation has that many, so it is not read"),
                           name, AMEND_XML_MAX_ATTRIBUTES, tag_line);
              return FALSE;
            }
        }
      if (p >= end)
        break;
    }
  return TRUE;
}

/* UTF-16 and UTF-32 hold NUL bytes in every ASCII character. */
static gboolean
wide_encoding (const char *data,
               gsize       len)
{
  const guchar *u = (const guchar *) data;

  return len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE) || u[0] == 0 || u[1] == 0);
}

static guint
line_at (const char *data,
         const char *p)
{
  guint line = 1;

  for (const char *q = data; q < p; q++)
    line += *q == '\n';
  return line;
}

static gboolean
has_prefix (const char *data,
            gsize       len,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (data, prefix, n) == 0;
}

/* Whether libxml2 stopped at the end of the data: line and column (in
 * characters) past everything but trailing white space. */
static gboolean
stopped_at_end (const char *data,
                gsize       len,
                guint       line,
                guint       column)
{
  const char *end = data + len;
  const char *p = data;

  if (line == 0)
    return FALSE;
  for (guint l = 1; l < line && p < end; p++)
    l += *p == '\n';
  for (guint c = 1; c < column && p < end && *p != '\n'; c++)
    p = g_utf8_find_next_char (p, end) ? g_utf8_find_next_char (p, end) : end;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p >= end;
}

/* What is wrong with a document libxml2 could not read, said about the
 * file rather than about the parser: a NUL byte (which libxml2 takes for
 * the end), a file cut off, Markdown given for XML. */
static char *
failure_text (const char *data,
              gsize       len,
              ReadState  *state)
{
  const char *nul = wide_encoding (data, len) ? NULL : memchr (data, '\0', len);

  if (nul != NULL)
    return g_strdup_printf (_("%s has a NUL byte at line %u (byte %u), which no XML file holds: it is damaged or "
                              "not a text file; download or export it again"),
                            state->name, line_at (data, nul), (guint) (nul - data) + 1);
  if (has_prefix (data, len, "---\n") || has_prefix (data, len, "---\r\n") || has_prefix (data, len, "# "))
    return g_strdup_printf (_("%s is Markdown, not XML: Amend reads CVDR, STOP or Akoma Ntoso XML here; a "
                              "regulation in Markdown needs no import (check it with amend check)"), state->name);
  /* The byte order marks of UTF-32, big and little endian. */
  if (len >= 4 && (memcmp (data, "\x00\x00\xfe\xff", 4) == 0 || memcmp (data, "\xff\xfe\x00\x00", 4) == 0))
    return g_strdup_printf (_("%s is in UTF-32, which libxml2 does not read: convert it to UTF-8"), state->name);
  if (state->error_code == XML_ERR_DOCUMENT_EMPTY)
    return g_strdup_printf (_("%s does not begin with an XML element: it is empty or not XML; give a CVDR, STOP or "
                              "Akoma Ntoso file"), state->name);
  /* A wrong closing tag at the very end is no cut. */
  if (state->error_line > 0 && state->error_code != XML_ERR_TAG_NAME_MISMATCH &&
      state->error_code != XML_ERR_DOCUMENT_END &&
      stopped_at_end (data, len, state->error_line, state->error_column))
    return g_strdup_printf (_("%s ends in the middle of the document (line %u: %s): the file is cut off; "
                              "download or export it again"), state->name, state->error_line,
                            state->error ? state->error : "");
  if (state->error_line > 0)
    return g_strdup_printf (_("%s is not well-formed XML: line %u: %s"), state->name, state->error_line,
                            state->error ? state->error : "");
  return g_strdup_printf (_("%s is not well-formed XML: %s"), state->name,
                          state->error ? state->error : _("libxml2 could not read it"));
}

/**
 * amend_xml_read:
 * @name: how to name the document in messages (a file name)
 * @warnings: (nullable): libxml2's warnings are added here, as
 *   #AmendDiagnostic
 *
 * Parses @data safely; see the top of this file for what that means.
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
xmlDocPtr
amend_xml_read (const char  *data,
                gsize        len,
                const char  *name,
                GPtrArray   *warnings,
                GError     **error)
{
  ReadState state = { name, warnings, NULL, 0, 0, 0, FALSE };
  AmendXmlHandlers saved;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  gboolean well_formed;

  if (len > AMEND_XML_MAX_SIZE)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB, too large for a regulation"),
                   name, AMEND_XML_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("%s is empty: give an XML file (CVDR, STOP or Akoma Ntoso)"), name);
      return NULL;
    }
  if (!check_attributes (data, len, name, error))
    return NULL;

  _amend_xml_init ();

  _amend_xml_push_handlers (&saved, &state, on_structured_error);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    doc = NULL;
  else
    {
      ctxt->_private = (void *) &guarded_context;
      doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    }
  well_formed = ctxt != NULL && ctxt->wellFormed && ctxt->nsWellFormed;
  if (ctxt != NULL)
    xmlFreeParserCtxt (ctxt);

  _amend_xml_pop_handlers (&saved);

  if (doc == NULL || !well_formed)
    {
      g_autofree char *message = failure_text (data, len, &state);

      g_set_error_literal (error, AMEND_ERROR, AMEND_ERROR_INVALID, message);
      g_free (state.error);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  g_free (state.error);

  if (state.refused_load && warnings != NULL)
    g_ptr_array_add (warnings,
                     amend_diagnostic_new (AMEND_SEVERITY_WARNING, 0, NULL,
                                           _("the document names a file or address to load; it was not read")));

  if (!check_doctype (doc, name, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  if (xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                   _("%s holds no XML element"), name);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/**
 * amend_xml_read_file:
 *
 * Like amend_xml_read(), with the size checked before the file is read.
 */
xmlDocPtr
amend_xml_read_file (GFile      *file,
                     GPtrArray  *warnings,
                     GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *data = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder; give an XML file"), name);
      return NULL;
    }
  data = amend_read_file (file, AMEND_XML_MAX_SIZE, &len, NULL, error);
  if (data == NULL)
    return NULL;
  return amend_xml_read (data, len, name, warnings, error);
}

/* UTF-8, indented; what xmllint --format would write. */
GBytes *
amend_xml_to_bytes (xmlDocPtr doc)
{
  xmlChar *buf = NULL;
  int len = 0;
  GBytes *bytes;

  xmlDocDumpFormatMemoryEnc (doc, &buf, &len, "UTF-8", 1);
  bytes = g_bytes_new (buf, len);
  xmlFree (buf);
  return bytes;
}

guint
amend_xml_line (xmlNodePtr node)
{
  long line = node ? xmlGetLineNo (node) : -1;

  return line > 0 ? (guint) line : 0;
}

gboolean
amend_xml_is (xmlNodePtr  node,
              const char *ns,
              const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name != NULL && strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns == NULL)
    return node->ns == NULL;
  return node->ns != NULL && node->ns->href != NULL && strcmp ((const char *) node->ns->href, ns) == 0;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* XML 1.0 cannot hold most control characters, not even as &#1;: they are
 * replaced by U+FFFD so that what Amend writes can be read back. */
char *
amend_xml_clean_text (const char *text,
                      gboolean   *changed)
{
  GString *out;
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    if (!is_xml_char (g_utf8_get_char (p)))
      break;
  if (*p == '\0')
    return g_strdup (text);

  out = g_string_new (NULL);
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (out, c);
      else
        g_string_append (out, "\xef\xbf\xbd");
    }
  if (changed)
    *changed = TRUE;
  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------------- */
/* Shared by the exporters                                                  */
/* ----------------------------------------------------------------------- */

void
_amend_xml_warn (GPtrArray  *warnings,
                 guint       line,
                 const char *eid,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (warnings == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One problem of one node is reported once. */
  for (guint i = 0; i < warnings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (warnings, i);

      if (d->line == line && g_strcmp0 (d->eid, eid) == 0 && g_strcmp0 (d->message, message) == 0)
        return;
    }
  g_ptr_array_add (warnings, amend_diagnostic_new (AMEND_SEVERITY_WARNING, line, eid, message));
}

/* The model has no node for a list: its eId is that of its first point
 * without the last level ("art_1__list_o_1__item_a" -> "art_1__list_o_1"). */
char *
_amend_xml_list_eid (const AmendNode *first_point)
{
  const char *item;

  if (first_point->eid == NULL)
    return g_strdup ("list_o_1");
  item = g_strrstr (first_point->eid, "__item_");
  if (item == NULL)
    return g_strconcat (first_point->eid, "__list", NULL);
  return g_strndup (first_point->eid, item - first_point->eid);
}

gboolean
_amend_xml_is_heading (const AmendNode *node)
{
  return node->kind == AMEND_NODE_TEXT && node->heading_level > 0;
}

/* A node whose only content is "[Vervallen]": STOP has an element for it. */
gboolean
_amend_xml_is_vervallen (const AmendNode *node)
{
  g_autofree char *plain = NULL;
  const AmendNode *text;

  if (amend_node_n_children (node) != 1)
    return FALSE;
  text = amend_node_child (node, 0);
  if (text->kind != AMEND_NODE_TEXT || text->heading_level > 0 || text->runs == NULL || text->runs->len != 1)
    return FALSE;
  plain = amend_node_get_plain_text (text);
  return g_strcmp0 (plain, "[Vervallen]") == 0 &&
         g_array_index (text->runs, AmendRun, 0).marks == AMEND_MARK_NONE;
}

/* "In deze verordening wordt verstaan onder:" */
gboolean
_amend_xml_is_definitions_intro (const AmendNode *text)
{
  g_autofree char *plain = NULL;
  g_autofree char *lower = NULL;
  gsize len;

  if (text->kind != AMEND_NODE_TEXT || text->heading_level > 0)
    return FALSE;
  plain = amend_node_get_plain_text (text);
  g_strstrip (plain);
  lower = g_utf8_strdown (plain, -1);
  len = strlen (lower);
  return len > 0 && lower[len - 1] == ':' && strstr (lower, "verstaan") != NULL;
}

static gboolean
run_is_plain_text (const AmendRun *run)
{
  return (run->marks & (AMEND_MARK_LINK | AMEND_MARK_IMAGE | AMEND_MARK_CODE | AMEND_MARK_HTML)) == 0;
}

/* Splits the first text of a point "bebouwde kom: het gebied ..." into a
 * term and a definition, at the first ": " in text without marks.  The
 * term may be emphasized but holds no link: STOP's Term cannot. */
gboolean
_amend_xml_split_definition (const AmendNode  *point,
                             AmendNode       **term,
                             AmendNode       **definition)
{
  const AmendNode *text;
  guint split_run = G_MAXUINT;
  const char *colon = NULL;

  if (amend_node_n_children (point) == 0)
    return FALSE;
  text = amend_node_child (point, 0);
  if (text->kind != AMEND_NODE_TEXT || text->heading_level > 0 || text->runs == NULL)
    return FALSE;

  for (guint i = 0; i < text->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (text->runs, AmendRun, i);

      if (!run_is_plain_text (run))
        return FALSE;
      if (run->marks == AMEND_MARK_NONE && (colon = strstr (run->text, ": ")) != NULL)
        {
          split_run = i;
          break;
        }
    }
  if (split_run == G_MAXUINT || (split_run == 0 && colon == g_array_index (text->runs, AmendRun, 0).text))
    return FALSE;

  *term = amend_node_new (AMEND_NODE_TEXT);
  *definition = amend_node_new (AMEND_NODE_TEXT);
  for (guint i = 0; i < text->runs->len; i++)
    {
      const AmendRun *run = &g_array_index (text->runs, AmendRun, i);

      if (i < split_run)
        amend_node_add_run (*term, run->text, -1, run->marks, run->href);
      else if (i == split_run)
        {
          if (colon > run->text)
            amend_node_add_run (*term, run->text, colon - run->text, run->marks, run->href);
          if (colon[2] != '\0')
            amend_node_add_run (*definition, colon + 2, -1, run->marks, run->href);
        }
      else
        amend_node_add_run (*definition, run->text, -1, run->marks, run->href);
    }
  return TRUE;
}

/* Adds text, with what XML cannot hold replaced and reported. */
void
_amend_xml_add_text (xmlNodePtr       parent,
                     const char      *text,
                     GPtrArray       *warnings,
                     const AmendNode *owner)
{
  gboolean changed = FALSE;
  g_autofree char *clean = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  clean = amend_xml_clean_text (text, &changed);
  if (changed)
    _amend_xml_warn (warnings, owner ? owner->line_start : 0, owner ? owner->eid : NULL,
                     _("control characters, which XML cannot hold, were replaced by \xef\xbf\xbd"));
  xmlAddChild (parent, xmlNewText ((const xmlChar *) clean));
}

/* ----------------------------------------------------------------------- */
/* What the STOP and Akoma Ntoso writers share                              */
/* ----------------------------------------------------------------------- */

void
_amend_xml_writer_clear (AmendXmlWriter *w)
{
  amend_xml_meta_clear (&w->meta);
  g_clear_pointer (&w->xml, xmlFreeDoc);
  g_clear_pointer (&w->wids, g_hash_table_unref);
  g_clear_error (&w->error);
}

xmlNodePtr
_amend_xml_el (AmendXmlWriter *w,
               xmlNodePtr      parent,
               const char     *name)
{
  return xmlNewChild (parent, w->ns, (const xmlChar *) name, NULL);
}

xmlNodePtr
_amend_xml_text_el (AmendXmlWriter  *w,
                    xmlNodePtr       parent,
                    const char      *name,
                    const char      *text,
                    const AmendNode *owner)
{
  xmlNodePtr x = _amend_xml_el (w, parent, name);

  _amend_xml_add_text (x, text, w->warnings, owner);
  return x;
}

void
_amend_xml_writer_warn (AmendXmlWriter  *w,
                        const AmendNode *node,
                        const char      *message)
{
  _amend_xml_warn (w->warnings, node ? node->line_start : 0, node ? node->eid : NULL, "%s", message);
}

/* An empty text node: libxml2 then indents nothing inside @x, which would
 * add white space to text that is all in NieuweTekst or ins. */
void
_amend_xml_keep_inline (xmlNodePtr x)
{
  xmlAddChild (x, xmlNewText ((const xmlChar *) ""));
}

/* Text in renvooi: what stays as it is, new words in @inserted, deleted
 * ones in @deleted (NieuweTekst and VerwijderdeTekst in STOP, ins and del
 * in Akoma Ntoso), each run with its own marks inside them. */
void
_amend_xml_write_segments (AmendXmlWriter  *w,
                           xmlNodePtr       parent,
                           GArray          *segments,
                           const AmendNode *owner,
                           const char      *inserted,
                           const char      *deleted,
                           AmendXmlRunFunc  write_run,
                           gpointer         data)
{
  xmlNodePtr wrap = NULL;
  AmendPieceOp wrap_op = AMEND_PIECE_EQUAL;

  _amend_xml_keep_inline (parent);
  for (guint i = 0; i < segments->len; i++)
    {
      const AmendXmlSegment *segment = &g_array_index (segments, AmendXmlSegment, i);
      xmlNodePtr target = parent;

      if (segment->op == AMEND_PIECE_EQUAL)
        wrap = NULL;
      else
        {
          if (wrap == NULL || wrap_op != segment->op)
            wrap = _amend_xml_el (w, parent, segment->op == AMEND_PIECE_INSERTED ? inserted : deleted);
          wrap_op = segment->op;
          target = wrap;
        }
      if (segment->run != NULL)
        {
          AmendRun run = *segment->run;

          run.text = segment->text;
          write_run (w, target, &run, owner, data);
        }
      else
        _amend_xml_add_text (target, segment->text, w->warnings, owner);
    }
}

/* An instruction, its lines kept apart by br. */
void
_amend_xml_write_lines (AmendXmlWriter *w,
                        xmlNodePtr      parent,
                        const char     *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (!first)
        _amend_xml_el (w, parent, "br");
      _amend_xml_add_text (parent, lines[i], w->warnings, NULL);
      first = FALSE;
    }
}

const AmendNode *
_amend_xml_find_child (const AmendNode *root,
                       AmendNodeKind    kind)
{
  for (guint i = 0; i < amend_node_n_children (root); i++)
    if (amend_node_child (root, i)->kind == kind)
      return amend_node_child (root, i);
  return NULL;
}
