/* amend-xml-private.h: what the XML exporters and importers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlerror.h>

#include "amend-diagnostic.h"
#include "amend-node.h"
#include "amend-xml.h"

G_BEGIN_DECLS

/* libxml2 2.12 made the error argument of the handler const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError AmendXmlError;
#else
typedef xmlError AmendXmlError;
#endif

/* libxml2's error handlers of this thread, saved while ours are set. */
typedef struct {
  xmlStructuredErrorFunc structured;
  void                  *structured_context;
  xmlGenericErrorFunc    generic;
  void                  *generic_context;
} AmendXmlHandlers;

void      _amend_xml_push_handlers (AmendXmlHandlers *saved,
                                    void             *data,
                                    void            (*handler) (void *data, AmendXmlError *err));
void      _amend_xml_pop_handlers  (AmendXmlHandlers *saved);
void      _amend_xml_init          (void);

void      _amend_xml_warn          (GPtrArray       *warnings,
                                    guint            line,
                                    const char      *eid,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (4, 5);
char     *_amend_xml_list_eid      (const AmendNode *first_point);
gboolean  _amend_xml_is_vervallen  (const AmendNode *node);
gboolean  _amend_xml_is_heading    (const AmendNode *node);
gboolean  _amend_xml_is_definitions_intro (const AmendNode *text);
gboolean  _amend_xml_split_definition (const AmendNode *point,
                                       AmendNode      **term,
                                       AmendNode      **definition);
void      _amend_xml_add_text      (xmlNodePtr       parent,
                                    const char      *text,
                                    GPtrArray       *warnings,
                                    const AmendNode *owner);

G_END_DECLS
