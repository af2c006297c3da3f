/* amend-xml-validate.h: STOP and Akoma Ntoso checked against their XSD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The schema of a root namespace, relative to the schema folder:
 * "stop-1.3.0/imop-tekst.xsd", "lvbb-1.3.0/lvbb-stop-aanlevering.xsd" or
 * "akn-3.0/akomantoso30.xsd"; NULL for a
 * namespace Amend has no schema for. */
const char *amend_xml_schema_for_namespace (const char  *ns);

/* The namespace a root element of STOP, the LVBB, CVDR or Akoma Ntoso
 * belongs in, by its name ("AanleveringBesluit" -> the LVBB's); NULL for
 * a name Amend does not know.  @format is set to the standard's name. */
const char *amend_xml_namespace_of_root    (const char  *name,
                                            const char **format);

gboolean    amend_xml_validate             (xmlDocPtr    doc,
                                            const char  *schema_dir,
                                            GPtrArray   *findings,
                                            GError     **error);

G_END_DECLS
