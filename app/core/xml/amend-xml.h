/* amend-xml.h: reading XML that may be hostile, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The namespaces of the formats Amend reads and writes. */
#define AMEND_XML_NS_STOP_TEKST "https://standaarden.overheid.nl/stop/imop/tekst/"
#define AMEND_XML_NS_STOP_DATA  "https://standaarden.overheid.nl/stop/imop/data/"
#define AMEND_XML_NS_LVBB       "https://standaarden.overheid.nl/lvbb/stop/aanlevering/"
#define AMEND_XML_NS_AKN        "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define AMEND_XML_NS_CVDR       "http://standaarden.overheid.nl/cvdr/terms/"
#define AMEND_XML_NS_DCTERMS    "http://purl.org/dc/terms/"
#define AMEND_XML_NS_CVDR_META  "http://standaarden.overheid.nl/cvdr/meta/"

/* The largest XML document Amend parses: the same bound as a regulation in
 * Markdown.  A STOP export of the Awb is about 2 MB. */
#define AMEND_XML_MAX_SIZE (64 * 1024 * 1024)

/* The most attributes (namespace declarations included) one element may
 * have: libxml2 takes quadratic time in them. */
#define AMEND_XML_MAX_ATTRIBUTES 1000

xmlDocPtr  amend_xml_read            (const char  *data,
                                      gsize        len,
                                      const char  *name,
                                      GPtrArray   *warnings,
                                      GError     **error);
xmlDocPtr  amend_xml_read_file       (GFile       *file,
                                      GPtrArray   *warnings,
                                      GError     **error);
GBytes    *amend_xml_to_bytes        (xmlDocPtr    doc);
guint      amend_xml_line            (xmlNodePtr   node);
gboolean   amend_xml_is             (xmlNodePtr   node,
                                      const char  *ns,
                                      const char  *name);
char      *amend_xml_clean_text      (const char  *text,
                                      gboolean    *changed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
