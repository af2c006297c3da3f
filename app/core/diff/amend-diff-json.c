/* amend-diff-json.c: a diff as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"changes": [...], "articles": [...]}: each change with action, kind,
 * eId_old/eId_new, article_old/article_new (null where there is none),
 * number_old/number_new, line_old/line_new and, for text, the word-level
 * pieces; see the README for every field.
 */
#include "config.h"

#include "amend-diff-json.h"

static const char *piece_ops[] = { "equal", "deleted", "inserted" };

static void
member_line (AmendJsonWriter *w,
             const char      *name,
             gint64           value)
{
  amend_json_writer_member (w, name);
  if (value > 0)
    amend_json_writer_int (w, value);
  else
    amend_json_writer_null (w);
}

static void
add_pieces (AmendJsonWriter *w,
            GArray          *pieces)
{
  amend_json_writer_member (w, "pieces");
  amend_json_writer_begin_array (w);
  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);

      amend_json_writer_begin_object (w);
      amend_json_writer_member_string (w, "op", piece_ops[p->op]);
      amend_json_writer_member_string (w, "text", p->text);
      amend_json_writer_end_object (w);
    }
  amend_json_writer_end_array (w);
}

static void
add_change (AmendJsonWriter   *w,
            const AmendChange *c)
{
  amend_json_writer_begin_object (w);
  amend_json_writer_member_string (w, "action", amend_change_action_to_string (c->action));
  amend_json_writer_member_string (w, "kind", c->action == AMEND_CHANGE_METADATA ? "front-matter" : amend_node_kind_to_string (c->kind));
  amend_json_writer_member_string (w, "eId_old", c->eid_old);
  amend_json_writer_member_string (w, "eId_new", c->eid_new);
  amend_json_writer_member_string (w, "article_old", c->article_old);
  amend_json_writer_member_string (w, "article_new", c->article_new);
  amend_json_writer_member_string (w, "number_old", c->number_old);
  amend_json_writer_member_string (w, "number_new", c->number_new);
  member_line (w, "line_old", c->line_old);
  member_line (w, "line_new", c->line_new);
  if (c->heading_changed)
    {
      amend_json_writer_member_string (w, "heading_old", c->heading_old);
      amend_json_writer_member_string (w, "heading_new", c->heading_new);
    }
  if (c->pieces)
    {
      amend_json_writer_member_boolean (w, "format_only", c->format_only);
      add_pieces (w, c->pieces);
    }
  if (c->action == AMEND_CHANGE_INSERTED || c->action == AMEND_CHANGE_DELETED)
    {
      const AmendNode *node = c->action == AMEND_CHANGE_INSERTED ? c->new_node : c->old_node;
      g_autofree char *text = amend_node_get_text_content (node);

      amend_json_writer_member_string (w, "text", text);
    }
  if (c->action == AMEND_CHANGE_INSERTED || c->action == AMEND_CHANGE_MOVED)
    {
      amend_json_writer_member_string (w, "parent_new", c->parent_new);
      amend_json_writer_member_int (w, "index_new", c->index_new);
    }
  amend_json_writer_end_object (w);
}

/* Writes the diff as one JSON object to @w. */
void
amend_diff_write_json (AmendDiff       *diff,
                       AmendJsonWriter *w)
{
  GPtrArray *changes = amend_diff_get_changes (diff);
  g_auto(GStrv) articles = amend_diff_dup_articles (diff);

  amend_json_writer_begin_object (w);
  amend_json_writer_member (w, "changes");
  amend_json_writer_begin_array (w);
  for (guint i = 0; i < changes->len; i++)
    add_change (w, g_ptr_array_index (changes, i));
  amend_json_writer_end_array (w);
  amend_json_writer_member (w, "articles");
  amend_json_writer_begin_array (w);
  for (guint i = 0; articles[i]; i++)
    amend_json_writer_string (w, articles[i]);
  amend_json_writer_end_array (w);
  amend_json_writer_end_object (w);
}

char *
amend_diff_to_json (AmendDiff *diff)
{
  AmendJsonWriter *w = amend_json_writer_new (NULL);

  amend_diff_write_json (diff, w);
  return amend_json_writer_finish (w, NULL);
}
