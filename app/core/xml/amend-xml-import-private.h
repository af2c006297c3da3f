/* amend-xml-import-private.h: what the three importers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"
#include "amend-xml-private.h"

G_BEGIN_DECLS

typedef struct {
  AmendDocument *doc;
  GPtrArray     *warnings;   /* of AmendDiagnostic, may be NULL */
  AmendNode     *preamble;   /* made on first use */
  GHashTable    *levels;     /* AmendNode -> the absolute level of a free heading */
  GHashTable    *meta_lines; /* front matter key -> the line in the XML it came from */
  guint          root_line;
} XmlImport;

/* Free headings are read with their depth below the structural node that
 * holds them (1 for a heading right in it); amend_xml_import turns that
 * into the level the Markdown writer needs. */

void        _amend_import_warn       (XmlImport   *im,
                                      xmlNodePtr   x,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (3, 4);
void        _amend_import_unknown    (XmlImport   *im,
                                      xmlNodePtr   x);
const char *_amend_import_name       (xmlNodePtr   x);
gboolean    _amend_import_named      (xmlNodePtr   x,
                                      const char  *names);
gboolean    _amend_import_part_kind  (XmlImport   *im,
                                      xmlNodePtr   x,
                                      const char * const names[6],
                                      AmendNodeKind *kind);
xmlNodePtr  _amend_import_child      (xmlNodePtr   x,
                                      const char  *names);
char       *_amend_import_text       (xmlNodePtr   x);
char       *_amend_import_attr       (xmlNodePtr   x,
                                      const char  *name);
AmendNode  *_amend_import_add        (AmendNode   *parent,
                                      AmendNodeKind kind);
AmendNode  *_amend_import_preamble   (XmlImport   *im);
void        _amend_import_inline     (XmlImport   *im,
                                      AmendNode   *text,
                                      xmlNodePtr   x);
AmendNode  *_amend_import_paragraph  (XmlImport   *im,
                                      AmendNode   *parent,
                                      xmlNodePtr   x);
AmendNode  *_amend_import_heading    (XmlImport   *im,
                                      AmendNode   *parent,
                                      xmlNodePtr   x,
                                      guint        depth);
void        _amend_import_blocks     (XmlImport   *im,
                                      AmendNode   *node,
                                      xmlNodePtr   container,
                                      guint        depth);
void        _amend_import_block      (XmlImport   *im,
                                      AmendNode   *node,
                                      xmlNodePtr   x,
                                      guint        depth);
void        _amend_import_level      (XmlImport   *im,
                                      AmendNode   *heading,
                                      xmlNodePtr   x);
void        _amend_import_table      (XmlImport   *im,
                                      AmendNode   *parent,
                                      xmlNodePtr   table);
void        _amend_import_meta       (XmlImport   *im,
                                      const char  *key,
                                      const char  *value,
                                      xmlNodePtr   source);
void        _amend_import_review_meta (XmlImport  *im);
void        _amend_import_fix_numbers (XmlImport  *im);
char       *_amend_import_strip_word (const char  *num,
                                      char       **word);

/* The three formats; each returns FALSE with @error set. */
gboolean    _amend_import_stop       (XmlImport   *im,
                                      xmlNodePtr   root,
                                      GError     **error);
gboolean    _amend_import_cvdr       (XmlImport   *im,
                                      xmlNodePtr   root,
                                      GError     **error);
gboolean    _amend_import_akn        (XmlImport   *im,
                                      xmlNodePtr   root,
                                      GError     **error);

G_END_DECLS
