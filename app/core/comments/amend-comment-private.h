/* amend-comment-private.h: what the anchorer and the repository side set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-comment.h"

G_BEGIN_DECLS

/* The position found by re-anchoring; @eid etc. may be NULL. */
typedef struct {
  AmendAnchorState state;
  const char      *eid;
  const char      *article;
  guint            line;
  guint            line_end;
  const char      *found_text;
  gsize            found_len;
  guint            errors;
  const char      *old_text;
} AmendCommentPosition;

void _amend_comment_set_position (AmendComment               *self,
                                  const AmendCommentPosition *position);
void _amend_comment_set_identity (AmendComment               *self,
                                  const char                 *id,
                                  const char                 *author,
                                  GDateTime                  *created);
void _amend_comment_set_anchor   (AmendComment               *self,
                                  const char                 *source,
                                  const char                 *commit,
                                  const char                 *eid,
                                  const char                 *exact,
                                  const char                 *prefix,
                                  const char                 *suffix);
void _amend_comment_clear_anchor (AmendComment               *self);
void _amend_comment_set_resolved (AmendComment               *self,
                                  const char                 *by,
                                  GDateTime                  *at);
void _amend_comment_set_location (AmendComment               *self,
                                  const char                 *path,
                                  const char                 *amendment);
void _amend_comment_add_reply    (AmendComment               *self,
                                  AmendComment               *reply);
gint _amend_comment_compare      (gconstpointer               a,
                                  gconstpointer               b);
char *_amend_comment_format_date (GDateTime                  *date);

G_END_DECLS
