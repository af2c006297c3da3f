/* amend-command-collisions.c: amend collisions [--json] [--all]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"
#include "amend-collision.h"

static gboolean opt_json;
static gboolean opt_all;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the collisions as JSON"), NULL },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Look at concepts too, not only submitted amendments"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static void
add_strv (JsonBuilder        *b,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values && values[i]; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_order (JsonBuilder        *b,
           const char         *name,
           gboolean            clean,
           const char * const *conflicts)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "clean");
  json_builder_add_boolean_value (b, clean);
  add_strv (b, "conflicts", conflicts);
  json_builder_end_object (b);
}

static void
print_json (AmendCollisions *found)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *all = amend_collisions_get_amendments (found);
  GPtrArray *pairs = amend_collisions_get_pairs (found);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "amendments");
  json_builder_begin_array (b);
  for (guint i = 0; i < all->len; i++)
    json_builder_add_string_value (b, amend_amendment_get_slug (g_ptr_array_index (all, i)));
  json_builder_end_array (b);
  amend_cli_add_unreadable_json (b, amend_collisions_get_unreadable (found));
  json_builder_set_member_name (b, "collisions");
  json_builder_begin_array (b);
  for (guint i = 0; i < pairs->len; i++)
    {
      AmendCollision *c = g_ptr_array_index (pairs, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "a");
      json_builder_add_string_value (b, amend_amendment_get_slug (c->a));
      json_builder_set_member_name (b, "b");
      json_builder_add_string_value (b, amend_amendment_get_slug (c->b));
      add_strv (b, "files", (const char * const *) c->files);
      add_strv (b, "articles", (const char * const *) c->articles);
      add_strv (b, "nodes", (const char * const *) c->nodes);
      add_order (b, "a_then_b", c->a_then_b, (const char * const *) c->a_then_b_conflicts);
      add_order (b, "b_then_a", c->b_then_a, (const char * const *) c->b_then_a_conflicts);
      json_builder_set_member_name (b, "both");
      json_builder_add_boolean_value (b, c->a_then_b && c->b_then_a);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  amend_cli_print_json (b);
}

static void
print_after (AmendAmendment *first,
             AmendAmendment *second,
             gboolean        clean,
             GStrv           conflicts)
{
  if (clean)
    g_print (_("  %s, then %s: both can be adopted\n"), amend_amendment_get_slug (first), amend_amendment_get_slug (second));
  else
    {
      g_autofree char *ids = g_strjoinv (", ", conflicts);
      g_print (_("  %s, then %s: conflicts in %s; %s lapses if %s is adopted\n"), amend_amendment_get_slug (first),
               amend_amendment_get_slug (second), ids, amend_amendment_get_slug (second), amend_amendment_get_slug (first));
    }
}

static void
print_text (AmendCollisions *found)
{
  GPtrArray *pairs = amend_collisions_get_pairs (found);
  guint n = amend_collisions_get_amendments (found)->len;

  if (pairs->len == 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "No collisions among %u amendment\n", "No collisions among %u amendments\n",
                            n), n);
      return;
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      AmendCollision *c = g_ptr_array_index (pairs, i);
      g_autofree char *articles = g_strjoinv (", ", c->articles);
      g_autofree char *files = g_strjoinv (", ", c->files);
      g_autofree char *nodes = g_strjoinv (", ", c->nodes);

      g_print (_("%s and %s: %s, article %s"), amend_amendment_get_slug (c->a), amend_amendment_get_slug (c->b), files,
               articles);
      if (c->nodes[0])
        g_print (_("; both change %s"), nodes);
      g_print ("\n");
      print_after (c->a, c->b, c->a_then_b, c->a_then_b_conflicts);
      print_after (c->b, c->a, c->b_then_a, c->b_then_a_conflicts);
    }
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_collisions, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendCollisions) found = NULL;
  g_autoptr(GError) error = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_collisions, context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return amend_cli_usage_error (&amend_command_collisions, _("collisions takes no arguments"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  found = amend_collisions_find (repo, opt_all, &error);
  if (found == NULL)
    return amend_cli_report (error, NULL);
  amend_cli_warn_unreadable (amend_collisions_get_unreadable (found));
  if (opt_json)
    print_json (found);
  else
    print_text (found);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_collisions = {
  .name = "collisions",
  .parameters = "[--json] [--all]",
  .summary = N_("Show which submitted amendments change the same articles"),
  .description = N_("For every pair of submitted amendments (with --all: concepts too) that change the same articles: "
                    "the files, articles and nodes both change, and whether both can still be adopted, in either "
                    "order, found by merging them on trial in memory (the working copy and the branches are not "
                    "touched). With --json an object with amendments and collisions (a, b, files, articles, nodes, "
                    "a_then_b, b_then_a, both)."),
  .run = run,
};
