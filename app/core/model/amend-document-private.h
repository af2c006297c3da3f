/* amend-document-private.h: what the reader needs to build a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

void  _amend_document_set_line_count (AmendDocument *self,
                                      guint          n_lines);
void  _amend_document_forget_eids    (AmendDocument *self);
void  _amend_document_add_meta_raw   (AmendDocument *self,
                                      const char    *line);
char *_amend_meta_quote              (const char    *value);
char *_amend_meta_unquote            (const char    *value);

/* amend-heading.c: the kind and number a heading starts with */
typedef struct {
  AmendNodeKind kind;
  gboolean      section_sign;  /* "§" rather than "Paragraaf" */
  char         *number;        /* as written, or NULL */
  const char   *rest;          /* the title, in the classified text */
} AmendHeading;

gboolean       _amend_heading_is_number  (const char   *s,
                                          gsize         len);
gboolean       _amend_heading_classify   (const char   *text,
                                          AmendHeading *info);
AmendNodeKind  _amend_heading_lost_kind  (const char   *text,
                                          char        **number);

/* amend-markdown-reader.c */
gsize          _amend_match_label    (const char    *text,
                                      gsize          len);
/* How _amend_markdown_read() reads. */
typedef enum {
  AMEND_READ_EIDS       = 1 << 0, /* give every node its eId */
  AMEND_READ_TERMINATED = 1 << 1, /* a NUL follows the text: read in place when it is clean */
} AmendReadFlags;

AmendDocument *_amend_markdown_read  (const char    *data,
                                      gsize          len,
                                      char          *owned,
                                      AmendReadFlags flags,
                                      GError       **error);
AmendDocument *_amend_markdown_read_parts (const char   *data,
                                           gsize         len,
                                           const guint  *resets,
                                           guint         n_resets,
                                           GError      **error);
AmendDocument *_amend_markdown_read_unnamed (const char  *data,
                                             gsize        len,
                                             GError     **error);
/* amend-markdown-writer.c */
char          *_amend_markdown_write (AmendDocument *doc);
gboolean       _amend_markdown_is_canonical (const char     *text,
                                             gsize           len,
                                             AmendDocument **doc);
char          *_amend_markdown_render_runs (const AmendRun *runs,
                                            guint           n_runs,
                                            gboolean        one_line);

G_END_DECLS
