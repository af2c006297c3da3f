/* amend-command-outline.c: amend outline [--json] FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "amend-cli.h"

static gboolean opt_json;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the tree as JSON"), NULL },
  { NULL }
};

static char *
node_label (const AmendNode *node)
{
  const char *word = node->word ? node->word : amend_node_kind_word (node->kind);
  GString *s = g_string_new (NULL);

  switch (node->kind)
    {
    case AMEND_NODE_REGULATION:
      g_string_append (s, _("Regulation"));
      break;
    case AMEND_NODE_PREAMBLE:
      g_string_append (s, _("Preamble"));
      break;
    case AMEND_NODE_MEMBER:
      g_string_append_printf (s, _("member %s"), node->number ? node->number : "");
      break;
    case AMEND_NODE_POINT:
      g_string_append_printf (s, _("point %s"), node->number ? node->number : "");
      break;
    default:
      g_string_append (s, word ? word : amend_node_kind_to_string (node->kind));
      if (node->number)
        g_string_append_printf (s, " %s", node->number);
      if (node->heading)
        g_string_append_printf (s, " %s", node->heading);
      break;
    }
  return g_string_free (s, FALSE);
}

static void
print_text (AmendDocument *doc)
{
  AmendNode *root = amend_document_get_root (doc);
  const char *title = amend_document_get_meta (doc, "title");

  if (title)
    g_print ("%s\n", title);
  for (AmendNode *n = amend_node_next (root, root); n != NULL; n = amend_node_next (n, root))
    {
      g_autofree char *label = NULL;
      guint depth = 0;

      if (n->kind == AMEND_NODE_TEXT)
        continue;
      for (AmendNode *a = n->parent; a != root; a = a->parent)
        depth++;
      label = node_label (n);
      g_print ("%*s%-*s %5u  %s\n", depth * 2, "", MAX (1, 56 - (int) depth * 2), label, n->line_start, n->eid);
    }
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Iterative pre-order walk: each node opens an object and a children
 * array, closed when the walk leaves it. */
static void
build_json (JsonBuilder *builder,
            AmendNode   *root)
{
  AmendNode *n = root;

  while (n != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, amend_node_kind_to_string (n->kind));
      add_string_or_null (builder, "number", n->number);
      if (n->kind == AMEND_NODE_TEXT)
        {
          g_autofree char *plain = amend_node_get_plain_text (n);
          add_string_or_null (builder, "heading", n->heading_level > 0 ? plain : NULL);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, plain);
        }
      else
        add_string_or_null (builder, "heading", n->heading);
      add_string_or_null (builder, "eId", n->eid);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, n->line_start);
      json_builder_set_member_name (builder, "line_end");
      json_builder_add_int_value (builder, n->line_end);
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);

      if (amend_node_n_children (n) > 0)
        {
          n = amend_node_child (n, 0);
          continue;
        }
      /* Close this node and every ancestor whose last child it was. */
      for (;;)
        {
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          if (n == root)
            {
              n = NULL;
              break;
            }
          if ((guint) amend_node_index (n) + 1 < amend_node_n_children (n->parent))
            {
              n = amend_node_child (n->parent, amend_node_index (n) + 1);
              break;
            }
          n = n->parent;
        }
    }
}

static void
print_json (AmendDocument *doc)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) tree = NULL;
  g_autofree char *text = NULL;

  build_json (builder, amend_document_get_root (doc));
  tree = json_builder_get_root (builder);
  json_generator_set_root (generator, tree);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_outline, entries);
  g_autoptr(AmendDocument) doc = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_outline, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_outline, _("give exactly one regulation file"));

  doc = amend_cli_load (argv[1]);
  if (doc == NULL)
    return AMEND_EXIT_FAILURE;
  amend_cli_print_diagnostics (doc, argv[1], TRUE);
  if (opt_json)
    print_json (doc);
  else
    print_text (doc);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_outline = {
  .name = "outline",
  .parameters = "[--json] FILE",
  .summary = N_("Show the structure of a regulation"),
  .description = N_("Prints the chapters, articles, members and points of FILE with their line and eId. "
                    "With --json every node is an object with kind, number, heading, eId, line and children."),
  .run = run,
};
