/* amend-comment-text.c: the text of a regulation as comments quote it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quote is looked for in plain text, not in the Markdown: emphasis and
 * links do not break it, and a renumbered list does not move it.  The text
 * of a regulation is every heading's title and every paragraph, in the
 * order of the text, each followed by a newline; a node's text is one
 * contiguous part of it (the tree is walked in pre-order), so a quote is
 * looked for in a node by looking in a range.  Made once per version and
 * shared by all the comments shown against it.
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-comment.h"
#include "amend-comment-text.h"

typedef struct {
  gsize      start;
  AmendNode *node;   /* the TEXT node, or the node whose heading it is */
} Segment;

typedef struct {
  gsize start;
  gsize end;
} Span;

struct _AmendCommentText {
  AmendDocument *doc;
  GString       *text;
  GArray        *segments;  /* of Segment, by start */
  GArray        *spans;     /* of Span */
  GHashTable    *span_of;   /* AmendNode * -> index + 1 in spans */
};

static void
open_node (AmendCommentText *self,
           AmendNode        *node)
{
  Span span = { self->text->len, self->text->len };

  g_array_append_val (self->spans, span);
  g_hash_table_insert (self->span_of, node, GUINT_TO_POINTER (self->spans->len));
}

static void
close_node (AmendCommentText *self,
            AmendNode        *node)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->span_of, node));

  g_array_index (self->spans, Span, index - 1).end = self->text->len;
}

static void
add_segment (AmendCommentText *self,
             AmendNode        *node,
             const char       *text)
{
  Segment segment = { self->text->len, node };

  g_array_append_val (self->segments, segment);
  g_string_append (self->text, text);
  g_string_append_c (self->text, '\n');
}

static void
add_node_text (AmendCommentText *self,
               AmendNode        *node)
{
  if (node->heading && *node->heading)
    add_segment (self, node, node->heading);
  if (node->kind == AMEND_NODE_TEXT)
    {
      g_autofree char *plain = amend_node_get_plain_text (node);

      add_segment (self, node, plain);
    }
}

AmendCommentText *
amend_comment_text_new (AmendDocument *doc)
{
  AmendCommentText *self = g_new0 (AmendCommentText, 1);
  AmendNode *root = amend_document_get_root (doc);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();

  self->doc = g_object_ref (doc);
  self->text = g_string_new (NULL);
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->span_of = g_hash_table_new (NULL, NULL);

  /* Pre-order with the path from the root kept by hand: a node's span
   * ends where the first node that is not below it begins. */
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      while (open->len > 0 && g_ptr_array_index (open, open->len - 1) != n->parent)
        close_node (self, g_ptr_array_steal_index (open, open->len - 1));
      open_node (self, n);
      g_ptr_array_add (open, n);
      add_node_text (self, n);
    }
  while (open->len > 0)
    close_node (self, g_ptr_array_steal_index (open, open->len - 1));
  return self;
}

void
amend_comment_text_free (AmendCommentText *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->doc);
  g_string_free (self->text, TRUE);
  g_array_unref (self->segments);
  g_array_unref (self->spans);
  g_hash_table_unref (self->span_of);
  g_free (self);
}

AmendDocument *
amend_comment_text_get_document (AmendCommentText *self)
{
  return self->doc;
}

const char *
amend_comment_text_get_data (AmendCommentText *self,
                             gsize            *len)
{
  if (len)
    *len = self->text->len;
  return self->text->str;
}

/* The range of @node's text (its headings and paragraphs, with theirs
 * of the nodes below it); FALSE for a node of another document. */
gboolean
amend_comment_text_get_span (AmendCommentText *self,
                             const AmendNode  *node,
                             gsize            *start,
                             gsize            *end)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->span_of, node));
  const Span *span;

  if (index == 0)
    return FALSE;
  span = &g_array_index (self->spans, Span, index - 1);
  *start = span->start;
  *end = span->end;
  return TRUE;
}

static const Segment *
segment_at (AmendCommentText *self,
            gsize             offset)
{
  guint lo = 0, hi = self->segments->len;

  if (hi == 0)
    return NULL;
  /* The last segment that starts at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->segments, Segment, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return &g_array_index (self->segments, Segment, lo);
}

static gboolean
is_below (const AmendNode *node,
          const AmendNode *ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* The deepest node that holds all of [@start, @end) and is not a bare
 * paragraph: a point, member, article... (the root for a quote across
 * articles).  Paragraphs have eIds too, but a person comments on a point
 * or a member, and those keep their eId when a sentence is added. */
AmendNode *
amend_comment_text_node_at (AmendCommentText *self,
                            gsize             start,
                            gsize             end)
{
  const Segment *first = segment_at (self, start);
  const Segment *last = segment_at (self, end > start ? end - 1 : start);
  AmendNode *node;

  if (first == NULL)
    return amend_document_get_root (self->doc);
  node = first->node;
  while (node->parent != NULL && !is_below (last->node, node))
    node = node->parent;
  while (node->kind == AMEND_NODE_TEXT && node->heading_level == 0 && node->parent != NULL)
    node = node->parent;
  return node;
}

/* The line in the Markdown file where the text at @offset is. */
guint
amend_comment_text_line_at (AmendCommentText *self,
                            gsize             offset)
{
  const Segment *segment = segment_at (self, offset);

  return segment ? segment->node->line_start : 0;
}

static gsize
back_chars (const char *text,
            gsize       pos,
            guint       n)
{
  while (pos > 0 && n-- > 0)
    pos = g_utf8_find_prev_char (text, text + pos) - text;
  return pos;
}

static gsize
forward_chars (const char *text,
               gsize       len,
               gsize       pos,
               guint       n)
{
  while (pos < len && n-- > 0)
    pos = g_utf8_next_char (text + pos) - text;
  return MIN (pos, len);
}

/* Up to AMEND_COMMENT_CONTEXT characters before and after a quote. */
void
amend_comment_text_context (AmendCommentText *self,
                            gsize             start,
                            gsize             end,
                            char            **prefix,
                            char            **suffix)
{
  const char *text = self->text->str;
  gsize before = back_chars (text, start, AMEND_COMMENT_CONTEXT);
  gsize after = forward_chars (text, self->text->len, end, AMEND_COMMENT_CONTEXT);

  *prefix = g_strndup (text + before, start - before);
  *suffix = g_strndup (text + end, after - end);
}

/* How many bytes of @prefix end where @pos is and of @suffix start at
 * @end: how well an occurrence's surroundings agree with the quote's. */
static gsize
context_agreement (const GString *text,
                   gsize          pos,
                   gsize          end,
                   const char    *prefix,
                   const char    *suffix)
{
  gsize score = 0;

  if (prefix)
    for (gsize i = strlen (prefix); i > 0 && pos > 0 && text->str[pos - 1] == prefix[i - 1]; i--, pos--)
      score++;
  if (suffix)
    for (const char *s = suffix; *s && end < text->len && text->str[end] == *s; s++, end++)
      score++;
  return score;
}

/**
 * amend_comment_text_find:
 * @best: (out): where the occurrence whose surroundings agree best with
 *   @prefix and @suffix starts
 *
 * Returns: how often @quote occurs in [@from, @to).
 */
guint
amend_comment_text_find (AmendCommentText *self,
                         gsize             from,
                         gsize             to,
                         const char       *quote,
                         const char       *prefix,
                         const char       *suffix,
                         gsize            *best)
{
  gsize m = strlen (quote);
  gsize best_score = 0;
  guint count = 0;
  const char *hit;

  to = MIN (to, self->text->len);
  if (m == 0)
    return 0;
  while (from + m <= to && (hit = memmem (self->text->str + from, to - from, quote, m)) != NULL)
    {
      gsize pos = hit - self->text->str;
      gsize score = context_agreement (self->text, pos, pos + m, prefix, suffix);

      if (count++ == 0 || score > best_score)
        {
          best_score = score;
          *best = pos;
        }
      from = pos + 1;
    }
  return count;
}

/* A quote as a message shows it: at most 60 characters. */
static char *
shorten (const char *quote)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (quote, -1) <= 60)
    return g_strdup (quote);
  start = g_utf8_substring (quote, 0, 59);
  return g_strconcat (start, "\xe2\x80\xa6", NULL);
}

static gboolean
check_quote (const char *exact,
             GError    **error)
{
  if (strlen (exact) > AMEND_COMMENT_MAX_QUOTE)
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("the quote is longer than %d bytes; comment on the node it is in instead"),
                   AMEND_COMMENT_MAX_QUOTE);
      return FALSE;
    }
  if (!g_utf8_validate (exact, -1, NULL))
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                   _("the quote is not UTF-8 text; quote the words as they stand in the regulation"));
      return FALSE;
    }
  for (const guchar *p = (const guchar *) exact; *p; p++)
    if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
      {
        g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID,
                     _("the quote has control characters; quote the words as they stand in the regulation"));
        return FALSE;
      }
  return TRUE;
}

static AmendNode *
quoted_node (AmendCommentText *self,
             const char       *source,
             AmendNode        *node,
             const char       *exact,
             gsize            *at,
             GError          **error)
{
  g_autofree char *shown = shorten (exact);
  gsize start = 0, end = self->text->len;
  guint count;

  if (node)
    amend_comment_text_get_span (self, node, &start, &end);
  count = amend_comment_text_find (self, start, end, exact, NULL, NULL, at);
  if (count == 0 && node)
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NO_ANCHOR,
                 _("the words " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " do not occur in %s of %s; quote them exactly as "
                   "they stand in the last saved version"), shown, node->eid, source);
  else if (count == 0)
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NO_ANCHOR,
                 _("the words " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " do not occur in %s; quote them exactly as "
                   "they stand in the last saved version"), shown, source);
  else if (count > 1 && node == NULL)
    g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NO_ANCHOR,
                 _("the words " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" " occur %u times in %s; name the node "
                   "(its eId) they are in, or quote more of them"), shown, count, source);
  else
    return node ? node : amend_comment_text_node_at (self, *at, *at + strlen (exact));
  return NULL;
}

/**
 * amend_comment_text_make_anchor:
 * @eid: (nullable): the node commented on; NULL: the node the quote is in,
 *   or the whole regulation without a quote
 * @exact: (nullable): the quoted words, which must occur in the node (or
 *   once in the regulation when no node is named)
 * @node_eid: (out): the eId to anchor to
 * @prefix: (out): the text before the quote (NULL without a quote)
 * @suffix: (out): the text after it
 *
 * Checks what a new comment is about against the text and completes its
 * anchor; an error with a sentence when the node or the words are not
 * there.
 */
gboolean
amend_comment_text_make_anchor (AmendCommentText *self,
                                const char       *source,
                                const char       *eid,
                                const char       *exact,
                                char            **node_eid,
                                char            **prefix,
                                char            **suffix,
                                GError          **error)
{
  AmendNode *node = NULL;
  gsize at = 0;

  *prefix = *suffix = *node_eid = NULL;
  if (eid && (node = amend_document_find_eid (self->doc, eid)) == NULL)
    {
      g_set_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NO_ANCHOR,
                   _("there is no node with the eId %s in %s; amend outline %s shows the eIds"),
                   eid, source, source);
      return FALSE;
    }
  if (exact && *exact)
    {
      if (!check_quote (exact, error) || (node = quoted_node (self, source, node, exact, &at, error)) == NULL)
        return FALSE;
      amend_comment_text_context (self, at, at + strlen (exact), prefix, suffix);
    }
  if (node == NULL)
    node = amend_document_get_root (self->doc);
  *node_eid = g_strdup (node->eid);
  return TRUE;
}
