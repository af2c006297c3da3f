/* amend-command-log.c: amend log [--json] [FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli-git.h"

static gboolean opt_json;
static char *opt_revision;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the versions as a JSON array"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_revision, N_("Start at REV instead of the current version"),
    N_("REV") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static void
print_json (GPtrArray *commits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < commits->len; i++)
    {
      AmendCommit *c = g_ptr_array_index (commits, i);
      g_autofree char *date = amend_cli_format_date (c->date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, c->id);
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, c->author);
      json_builder_set_member_name (builder, "email");
      json_builder_add_string_value (builder, c->email);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, c->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  amend_cli_print_json (builder);
}

/* One line a version: short id, date, author, first line of the message. */
static void
print_text (GPtrArray *commits)
{
  int width = 0;

  for (guint i = 0; i < commits->len; i++)
    width = MAX (width, amend_cli_text_width (((AmendCommit *) g_ptr_array_index (commits, i))->author));
  for (guint i = 0; i < commits->len; i++)
    {
      AmendCommit *c = g_ptr_array_index (commits, i);
      g_autofree char *date = g_date_time_format (c->date, "%Y-%m-%d %H:%M");
      const char *eol = strchr (c->message, '\n');

      g_print ("%.7s  %s  ", c->id, date);
      amend_cli_print_padded (c->author, width);
      g_print ("  %.*s\n", eol ? (int) (eol - c->message) : (int) strlen (c->message), c->message);
    }
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_log, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commits = NULL;
  g_autofree char *path = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_log, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_log, _("give at most one file"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  if (argc == 2 && (path = amend_repository_relative_path (repo, argv[1], &error)) == NULL)
    return amend_cli_report (error, NULL);

  commits = amend_repository_log (repo, opt_revision, path, &error);
  if (commits == NULL)
    return amend_cli_report (error, NULL);
  if (opt_json)
    print_json (commits);
  else
    print_text (commits);
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_log = {
  .name = "log",
  .parameters = "[--json] [FILE]",
  .summary = N_("Show the saved versions"),
  .description = N_("Lists the versions of the current branch, newest first; with FILE only those that changed it. "
                    "With --json an array of objects with id, author, email, date (ISO 8601) and message."),
  .run = run,
};
