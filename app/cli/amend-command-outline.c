/* amend-command-outline.c: amend outline [--json] FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

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

/* JSON is written as the walk goes, not built as a tree first: the tree
 * of json-glib for a 60 MB regulation took 5 GB.  json-glib still quotes
 * each string. */
static void
append_string (GString    *out,
               const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  node = json_node_init_string (json_node_alloc (), value);
  quoted = json_to_string (node, FALSE);
  g_string_append (out, quoted);
}

static void
indent (GString *out,
        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
member (GString    *out,
        guint       depth,
        const char *name)
{
  indent (out, depth);
  g_string_append_printf (out, "\"%s\" : ", name);
}

/* Opens the object of @n (at @depth, its members one deeper) up to its
 * children array. */
static void
open_node (GString   *out,
           AmendNode *n,
           guint      depth)
{
  g_string_append_c (out, '{');
  member (out, depth + 1, "kind");
  append_string (out, amend_node_kind_to_string (n->kind));
  g_string_append_c (out, ',');
  member (out, depth + 1, "number");
  append_string (out, n->number);
  g_string_append_c (out, ',');
  if (n->kind == AMEND_NODE_TEXT)
    {
      g_autofree char *plain = amend_node_get_plain_text (n);

      member (out, depth + 1, "heading");
      append_string (out, n->heading_level > 0 ? plain : NULL);
      g_string_append_c (out, ',');
      member (out, depth + 1, "text");
      append_string (out, plain);
    }
  else
    {
      member (out, depth + 1, "heading");
      append_string (out, n->heading);
    }
  g_string_append_c (out, ',');
  member (out, depth + 1, "eId");
  append_string (out, n->eid);
  g_string_append_c (out, ',');
  member (out, depth + 1, "line");
  g_string_append_printf (out, "%u,", n->line_start);
  member (out, depth + 1, "line_end");
  g_string_append_printf (out, "%u,", n->line_end);
  member (out, depth + 1, "children");
  g_string_append_c (out, '[');
}

static void
flush (GString *out,
       gsize    above)
{
  if (out->len <= above)
    return;
  fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

/* Iterative pre-order walk: each node opens an object and a children
 * array, closed when the walk leaves it. */
static void
print_json (AmendDocument *doc)
{
  g_autoptr(GString) out = g_string_sized_new (128 * 1024);
  AmendNode *root = amend_document_get_root (doc);
  AmendNode *n = root;
  guint depth = 0;

  while (n != NULL)
    {
      open_node (out, n, depth);
      if (amend_node_n_children (n) > 0)
        {
          n = amend_node_child (n, 0);
          depth += 2;
          indent (out, depth);
          continue;
        }
      /* Close this node and every ancestor whose last child it was. */
      for (;;)
        {
          gboolean empty = out->len > 0 && out->str[out->len - 1] == '[';

          if (!empty)
            indent (out, depth + 1);
          g_string_append_c (out, ']');
          indent (out, depth);
          g_string_append_c (out, '}');
          if (n == root)
            {
              n = NULL;
              break;
            }
          if ((guint) amend_node_index (n) + 1 < amend_node_n_children (n->parent))
            {
              n = amend_node_child (n->parent, amend_node_index (n) + 1);
              g_string_append_c (out, ',');
              indent (out, depth);
              break;
            }
          n = n->parent;
          depth -= 2;
        }
      flush (out, 64 * 1024);
    }
  g_string_append_c (out, '\n');
  flush (out, 0);
  fflush (stdout);
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
