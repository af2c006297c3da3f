/* amend-comment.h: one comment: a Markdown file with front matter and an anchor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AMEND_COMMENT_ERROR (amend_comment_error_quark ())

typedef enum {
  AMEND_COMMENT_ERROR_INVALID,    /* a file or an argument Amend cannot take as a comment */
  AMEND_COMMENT_ERROR_TOO_LARGE,  /* over AMEND_COMMENT_MAX_SIZE */
  AMEND_COMMENT_ERROR_NOT_FOUND,  /* no such comment */
  AMEND_COMMENT_ERROR_NO_ANCHOR,  /* the node or the quote is not in the regulation */
  AMEND_COMMENT_ERROR_STATE,      /* resolving a resolved comment, reopening an open one */
} AmendCommentError;

GQuark amend_comment_error_quark (void);

/* A comment file is small: a megabyte is some 150 pages of text, so this
 * only stops what is no comment at all (and is checked before reading). */
#define AMEND_COMMENT_MAX_SIZE   (1024 * 1024)
/* Quotes are "the exact quoted words"; a longer passage is better
 * commented on as its node.  Bytes. */
#define AMEND_COMMENT_MAX_QUOTE  1000
/* Characters of text kept before and after a quote, as Hypothesis does. */
#define AMEND_COMMENT_CONTEXT    32

/* How a comment's anchor was found in the version it is shown against. */
typedef enum {
  AMEND_ANCHOR_NONE,      /* a reply (its thread's anchor counts), or not re-anchored */
  AMEND_ANCHOR_EID,       /* the node with its eId, the quote still in it */
  AMEND_ANCHOR_DIFF,      /* the node the legal diff pairs with the old one */
  AMEND_ANCHOR_QUOTE,     /* the quote, found once in the text */
  AMEND_ANCHOR_FUZZY,     /* the quote with its context, found within a bounded edit distance */
  AMEND_ANCHOR_OUTDATED,  /* not found: the comment shows what it was about */
} AmendAnchorState;

const char *amend_anchor_state_to_string (AmendAnchorState state);

#define AMEND_TYPE_COMMENT (amend_comment_get_type ())

G_DECLARE_FINAL_TYPE (AmendComment, amend_comment, AMEND, COMMENT, GObject)

AmendComment       *amend_comment_new              (const char    *text);
AmendComment       *amend_comment_new_from_data    (const char    *id,
                                                    const char    *data,
                                                    gsize          len,
                                                    GError       **error);
char               *amend_comment_to_data          (AmendComment  *self,
                                                    gsize         *len);
gboolean            amend_comment_id_is_valid      (const char    *id);
gboolean            amend_comment_source_is_valid  (const char    *source);
gboolean            amend_comment_check_text       (const char    *text,
                                                    gssize         len,
                                                    GError       **error);

const char         *amend_comment_get_id           (AmendComment  *self);
const char         *amend_comment_get_author       (AmendComment  *self);
GDateTime          *amend_comment_get_created      (AmendComment  *self);
const char         *amend_comment_get_text         (AmendComment  *self);
const char         *amend_comment_get_reply_to     (AmendComment  *self);
void                amend_comment_set_reply_to     (AmendComment  *self,
                                                    const char    *id);
gboolean            amend_comment_is_resolved      (AmendComment  *self);
const char         *amend_comment_get_resolved_by  (AmendComment  *self);
GDateTime          *amend_comment_get_resolved_at  (AmendComment  *self);

/* What a new comment is about, before amend_comments_add() checks it
 * against the regulation and fills in the rest of the anchor.  All NULL:
 * the whole regulation. */
void                amend_comment_set_target       (AmendComment  *self,
                                                    const char    *source,
                                                    const char    *eid,
                                                    const char    *exact);

/* The anchor as made (W3C Web Annotation: target source, state, a
 * fragment selector and a text-quote selector).  NULL for a reply. */
gboolean            amend_comment_has_anchor       (AmendComment  *self);
const char         *amend_comment_get_source       (AmendComment  *self);
const char         *amend_comment_get_commit       (AmendComment  *self);
const char         *amend_comment_get_eid          (AmendComment  *self);
const char         *amend_comment_get_exact        (AmendComment  *self);
const char         *amend_comment_get_prefix       (AmendComment  *self);
const char         *amend_comment_get_suffix       (AmendComment  *self);

/* Where the comment is in the version it was listed against. */
AmendAnchorState    amend_comment_get_state        (AmendComment  *self);
const char         *amend_comment_get_position_eid (AmendComment  *self);
const char         *amend_comment_get_article      (AmendComment  *self);
guint               amend_comment_get_line         (AmendComment  *self);
guint               amend_comment_get_line_end     (AmendComment  *self);
const char         *amend_comment_get_found_text   (AmendComment  *self);
guint               amend_comment_get_errors       (AmendComment  *self);
const char         *amend_comment_get_old_text     (AmendComment  *self);

/* Known for a comment read from a repository. */
const char         *amend_comment_get_path         (AmendComment  *self);
const char         *amend_comment_get_amendment    (AmendComment  *self);
GPtrArray          *amend_comment_get_replies      (AmendComment  *self);

G_END_DECLS
