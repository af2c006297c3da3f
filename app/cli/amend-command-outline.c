/* amend-command-outline.c: amend outline [--json] FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "amend-cli.h"
#include "amend-json-writer.h"

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
      /* Padded by characters as shown, not bytes: 1°, Één. */
      g_print ("%*s%s%*s %5u  %s\n", depth * 2, "", label,
               MAX (0, 56 - (int) depth * 2 - amend_cli_shown_width (label)), "", n->line_start, n->eid);
    }
}

/* Iterative pre-order walk: each node opens an object and a children
 * array, closed when the walk leaves it.  The JSON goes out as it is
 * written (amend-json-writer.c): no tree of it is built. */
static void
write_node (AmendJsonWriter *w,
            AmendNode       *n)
{
  amend_json_writer_begin_object (w);
  amend_json_writer_member_string (w, "kind", amend_node_kind_to_string (n->kind));
  amend_json_writer_member_string (w, "number", n->number);
  if (n->kind == AMEND_NODE_TEXT)
    {
      g_autofree char *plain = amend_node_get_plain_text (n);

      amend_json_writer_member_string (w, "heading", n->heading_level > 0 ? plain : NULL);
      amend_json_writer_member_string (w, "text", plain);
    }
  else
    amend_json_writer_member_string (w, "heading", n->heading);
  amend_json_writer_member_string (w, "eId", n->eid);
  amend_json_writer_member_int (w, "line", n->line_start);
  amend_json_writer_member_int (w, "line_end", n->line_end);
  amend_json_writer_member (w, "children");
  amend_json_writer_begin_array (w);
}

static void
print_json (AmendDocument *doc)
{
  AmendJsonWriter *w = amend_json_writer_new (stdout);
  AmendNode *root = amend_document_get_root (doc);
  AmendNode *n = root;

  while (n != NULL)
    {
      write_node (w, n);
      if (amend_node_n_children (n) > 0)
        {
          n = amend_node_child (n, 0);
          continue;
        }
      /* Close this node and every ancestor whose last child it was. */
      for (;;)
        {
          amend_json_writer_end_array (w);
          amend_json_writer_end_object (w);
          if (n == root)
            {
              n = NULL;
              break;
            }
          if (n->pos + 1 < amend_node_n_children (n->parent))
            {
              n = amend_node_child (n->parent, n->pos + 1);
              break;
            }
          n = n->parent;
        }
    }
  amend_json_writer_finish (w, NULL);
  fputs ("\n", stdout);
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
  /* The model goes with the process (amend_cli_keep_until_exit()). */
  amend_cli_keep_until_exit (g_steal_pointer (&doc));
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
