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
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (b, name);
  if (value > 0)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_pieces (JsonBuilder *b,
            GArray      *pieces)
{
  json_builder_set_member_name (b, "pieces");
  json_builder_begin_array (b);
  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);

      json_builder_begin_object (b);
      member_string (b, "op", piece_ops[p->op]);
      member_string (b, "text", p->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_change (JsonBuilder       *b,
            const AmendChange *c)
{
  json_builder_begin_object (b);
  member_string (b, "action", amend_change_action_to_string (c->action));
  member_string (b, "kind", c->action == AMEND_CHANGE_METADATA ? "front-matter" : amend_node_kind_to_string (c->kind));
  member_string (b, "eId_old", c->eid_old);
  member_string (b, "eId_new", c->eid_new);
  member_string (b, "article_old", c->article_old);
  member_string (b, "article_new", c->article_new);
  member_string (b, "number_old", c->number_old);
  member_string (b, "number_new", c->number_new);
  member_int (b, "line_old", c->line_old);
  member_int (b, "line_new", c->line_new);
  if (c->heading_changed)
    {
      member_string (b, "heading_old", c->heading_old);
      member_string (b, "heading_new", c->heading_new);
    }
  if (c->pieces)
    {
      json_builder_set_member_name (b, "format_only");
      json_builder_add_boolean_value (b, c->format_only);
      add_pieces (b, c->pieces);
    }
  if (c->action == AMEND_CHANGE_INSERTED || c->action == AMEND_CHANGE_DELETED)
    {
      const AmendNode *node = c->action == AMEND_CHANGE_INSERTED ? c->new_node : c->old_node;
      g_autofree char *text = amend_node_get_text_content (node);

      member_string (b, "text", text);
    }
  if (c->action == AMEND_CHANGE_INSERTED || c->action == AMEND_CHANGE_MOVED)
    {
      member_string (b, "parent_new", c->parent_new);
      json_builder_set_member_name (b, "index_new");
      json_builder_add_int_value (b, c->index_new);
    }
  json_builder_end_object (b);
}

JsonNode *
amend_diff_to_json_node (AmendDiff *diff)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *changes = amend_diff_get_changes (diff);
  g_auto(GStrv) articles = amend_diff_dup_articles (diff);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < changes->len; i++)
    add_change (b, g_ptr_array_index (changes, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; articles[i]; i++)
    json_builder_add_string_value (b, articles[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
amend_diff_to_json (AmendDiff *diff)
{
  g_autoptr(JsonNode) root = amend_diff_to_json_node (diff);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}
