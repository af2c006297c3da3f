/* amend-command-conflicts.c: amend conflicts [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli-merge.h"

static gboolean opt_json;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the conflicts as JSON"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static void
add_string (JsonBuilder *b,
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
print_json (AmendPendingMerge *pending,
            AmendTreeMerge    *merge)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *conflicts = merge ? amend_tree_merge_get_conflicts (merge) : NULL;

  json_builder_begin_object (b);
  add_string (b, "command", pending ? amend_pending_merge_get_command (pending) : NULL);
  add_string (b, "amendment", pending ? amend_pending_merge_get_amendment (pending) : NULL);
  add_string (b, "target", pending ? amend_pending_merge_get_target (pending) : NULL);
  json_builder_set_member_name (b, "unresolved");
  json_builder_add_int_value (b, merge ? amend_tree_merge_count_unresolved (merge) : 0);
  json_builder_set_member_name (b, "conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; conflicts && i < conflicts->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (conflicts, i);

      json_builder_begin_object (b);
      add_string (b, "id", c->id);
      add_string (b, "path", c->path);
      add_string (b, "kind", amend_conflict_kind_to_string (c->kind));
      add_string (b, "article", c->article);
      add_string (b, "label", c->label);
      add_string (b, "base", c->base_text);
      add_string (b, "ours", c->ours_text);
      add_string (b, "theirs", c->theirs_text);
      add_string (b, "resolution", c->resolution == AMEND_RESOLUTION_NONE ? NULL
                                   : amend_resolution_to_string (c->resolution));
      add_string (b, "text", c->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  amend_cli_print_json (b);
}

/* A version of the node, indented under its label; "(none)" where that
 * version has none. */
static void
print_version (const char *label,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : _("(none)"), "\n", -1);

  g_print ("  %-8s", label);
  for (guint i = 0; lines[i]; i++)
    g_print ("%s%s\n", i ? "          " : "", lines[i]);
}

static void
print_text (AmendPendingMerge *pending,
            AmendTreeMerge    *merge)
{
  GPtrArray *conflicts = amend_tree_merge_get_conflicts (merge);
  guint open = amend_tree_merge_count_unresolved (merge);

  if (amend_pending_merge_get_amendment (pending))
    g_print (_("amend %s of \xe2\x80\x9c%s\xe2\x80\x9d into %s: "), amend_pending_merge_get_command (pending),
             amend_pending_merge_get_amendment (pending), amend_pending_merge_get_target (pending));
  else
    g_print (_("amend %s into %s: "), amend_pending_merge_get_command (pending), amend_pending_merge_get_target (pending));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u conflict, %u not resolved\n", "%u conflicts, %u not resolved\n",
                        conflicts->len), conflicts->len, open);
  for (guint i = 0; i < conflicts->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (conflicts, i);

      g_print ("\n%s  %s", c->id, c->path);
      if (c->label)
        g_print (", %s", c->label);
      else if (c->article)
        g_print (_(", article %s"), c->article);
      g_print ("  %s", amend_conflict_kind_to_string (c->kind));
      if (c->resolution != AMEND_RESOLUTION_NONE)
        g_print (_("  (resolved: %s)"), amend_resolution_to_string (c->resolution));
      g_print ("\n");
      print_version (_("base:"), c->base_text);
      print_version (_("ours:"), c->ours_text);
      print_version (_("theirs:"), c->theirs_text);
    }
  if (open == 0)
    g_print (_("\nAll are resolved; finish with \xe2\x80\x9c" "amend %s --continue\xe2\x80\x9d\n"),
             amend_pending_merge_get_command (pending));
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_conflicts, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  g_autoptr(GError) error = NULL;
  AmendTreeMerge *merge;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_conflicts, context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return amend_cli_usage_error (&amend_command_conflicts, _("conflicts takes no arguments"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  pending = amend_pending_merge_load (repo, &error);
  if (pending == NULL && g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND))
    {
      if (opt_json)
        print_json (NULL, NULL);
      else
        g_print (_("No adoption, update or pull is unfinished, so there are no conflicts\n"));
      return AMEND_EXIT_OK;
    }
  if (pending == NULL || (merge = amend_pending_merge_get_merge (pending, &error)) == NULL)
    return amend_cli_report (error, NULL);
  if (opt_json)
    print_json (pending, merge);
  else
    print_text (pending, merge);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_conflicts = {
  .name = "conflicts",
  .parameters = "[--json]",
  .summary = N_("Show the conflicts of an unfinished adoption, update or pull"),
  .description = N_("Lists each conflicting node of the merge that amend adopt, amend update or amend pull "
                    "stopped at: its id (the eId of the node, or the file), the file, where it stands as a "
                    "drafter cites it (Artikel 4, tweede lid, onder b), the kind (text, heading, deleted, "
                    "inserted, moved, order, front-matter, record, file) and the three versions: base, ours (what "
                    "is merged into: main, or this project's draft in a pull) and theirs (the amendment, or the "
                    "remote's draft). With --json an object with command, amendment, target, unresolved and "
                    "conflicts."),
  .run = run,
};
