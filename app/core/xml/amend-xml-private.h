/* amend-xml-private.h: what the XML exporters and importers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlerror.h>

#include "amend-diagnostic.h"
#include "amend-node.h"
#include "amend-xml.h"
#include "amend-xml-change.h"
#include "amend-xml-meta.h"

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

/* What the STOP and Akoma Ntoso writers share, the first member of each
 * one's own writer struct so that the helpers below take either. */
typedef struct {
  AmendXmlMeta    meta;
  xmlDocPtr       xml;
  xmlNsPtr        ns;
  GPtrArray      *warnings;   /* of AmendDiagnostic, may be NULL */
  GHashTable     *wids;       /* eId -> wId, may be NULL */
  GError         *error;      /* the first structure the format cannot hold */
  AmendXmlChange *change;     /* the renvooi marks of a change export, or NULL */
} AmendXmlWriter;

/* Writes one run of inline text into @parent; @data is the writer's own. */
typedef void (*AmendXmlRunFunc) (AmendXmlWriter  *w,
                                 xmlNodePtr       parent,
                                 const AmendRun  *run,
                                 const AmendNode *owner,
                                 gpointer         data);

void       _amend_xml_writer_clear    (AmendXmlWriter  *w);
xmlNodePtr _amend_xml_el              (AmendXmlWriter  *w,
                                       xmlNodePtr       parent,
                                       const char      *name);
xmlNodePtr _amend_xml_text_el         (AmendXmlWriter  *w,
                                       xmlNodePtr       parent,
                                       const char      *name,
                                       const char      *text,
                                       const AmendNode *owner);
void       _amend_xml_writer_warn     (AmendXmlWriter  *w,
                                       const AmendNode *node,
                                       const char      *message);
void       _amend_xml_keep_inline     (xmlNodePtr       x);
void       _amend_xml_write_segments  (AmendXmlWriter  *w,
                                       xmlNodePtr       parent,
                                       GArray          *segments,
                                       const AmendNode *owner,
                                       const char      *inserted,
                                       const char      *deleted,
                                       AmendXmlRunFunc  write_run,
                                       gpointer         data);
void       _amend_xml_write_lines     (AmendXmlWriter  *w,
                                       xmlNodePtr       parent,
                                       const char      *text);
const AmendNode *_amend_xml_find_child (const AmendNode *root,
                                        AmendNodeKind    kind);

G_END_DECLS
