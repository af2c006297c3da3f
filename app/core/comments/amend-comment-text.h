/* amend-comment-text.h: the text of a regulation as comments quote it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

typedef struct _AmendCommentText AmendCommentText;

AmendCommentText *amend_comment_text_new          (AmendDocument          *doc);
void              amend_comment_text_free         (AmendCommentText       *self);
AmendDocument    *amend_comment_text_get_document (AmendCommentText       *self);
const char       *amend_comment_text_get_data     (AmendCommentText       *self,
                                                   gsize                  *len);
gboolean          amend_comment_text_get_span     (AmendCommentText       *self,
                                                   const AmendNode        *node,
                                                   gsize                  *start,
                                                   gsize                  *end);
AmendNode        *amend_comment_text_node_at      (AmendCommentText       *self,
                                                   gsize                   start,
                                                   gsize                   end);
guint             amend_comment_text_line_at      (AmendCommentText       *self,
                                                   gsize                   offset);
void              amend_comment_text_context      (AmendCommentText       *self,
                                                   gsize                   start,
                                                   gsize                   end,
                                                   char                  **prefix,
                                                   char                  **suffix);
guint             amend_comment_text_find         (AmendCommentText       *self,
                                                   gsize                   from,
                                                   gsize                   to,
                                                   const char             *quote,
                                                   const char             *prefix,
                                                   const char             *suffix,
                                                   gsize                  *best);
gboolean          amend_comment_text_make_anchor  (AmendCommentText       *self,
                                                   const char             *source,
                                                   const char             *eid,
                                                   const char             *exact,
                                                   char                  **node_eid,
                                                   char                  **prefix,
                                                   char                  **suffix,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendCommentText, amend_comment_text_free)

G_END_DECLS
