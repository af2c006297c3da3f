/* amend-command-log.c: amend log [--json] [FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-cli-git.h"
#include "amend-json-writer.h"

static gboolean opt_json;
static char *opt_revision;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the versions as a JSON array"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_revision, N_("Start at REV instead of the current version"),
    N_("REV") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* The JSON is written by amend-json-writer.c, with the bytes json-glib's
 * generator wrote (the writer's test compares them). */
static void
print_json (GPtrArray *commits)
{
  AmendJsonWriter *w = amend_json_writer_new (NULL);
  g_autofree char *text = NULL;

  amend_json_writer_begin_array (w);
  for (guint i = 0; i < commits->len; i++)
    {
      AmendCommit *c = g_ptr_array_index (commits, i);
      g_autofree char *date = amend_cli_format_date (c->date);

      amend_json_writer_begin_object (w);
      amend_json_writer_member_string (w, "id", c->id);
      amend_json_writer_member_string (w, "author", c->author);
      amend_json_writer_member_string (w, "email", c->email);
      amend_json_writer_member_string (w, "date", date);
      amend_json_writer_member_string (w, "message", c->message);
      amend_json_writer_end_object (w);
    }
  amend_json_writer_end_array (w);
  text = amend_json_writer_finish (w, NULL);
  g_print ("%s\n", text);
}

/* @n (0..99) in two digits, then @sep. */
static void
append_two_digits (GString *out,
                   int      n,
                   char     sep)
{
  char digits[3] = { '0' + n / 10 % 10, '0' + n % 10, sep };

  g_string_append_len (out, digits, 3);
}

/* One line a version: short id, date, author, first line of the message;
 * printed at once (g_print per line took a fifth of the command), and put
 * together without printf (whose parsing of the format took a twentieth). */
static void
print_text (GPtrArray *commits)
{
  g_autoptr(GString) out = g_string_sized_new (commits->len * 80 + 1);
  int width = 0;

  for (guint i = 0; i < commits->len; i++)
    width = MAX (width, amend_cli_text_width (((AmendCommit *) g_ptr_array_index (commits, i))->author));
  for (guint i = 0; i < commits->len; i++)
    {
      AmendCommit *c = g_ptr_array_index (commits, i);
      const char *eol = strchr (c->message, '\n');
      const char *author = c->author ? c->author : "";
      int pad = width - amend_cli_text_width (author);
      int year, month, day;

      g_date_time_get_ymd (c->date, &year, &month, &day);
      /* As "%.7s  %Y-%m-%d %H:%M  AUTHOR  SUBJECT". */
      g_string_append_len (out, c->id, MIN (strlen (c->id), 7));
      g_string_append (out, "  ");
      if (year >= 1000 && year <= 9999)
        {
          append_two_digits (out, year / 100, '\0');
          g_string_truncate (out, out->len - 1);
          append_two_digits (out, year % 100, '-');
        }
      else
        g_string_append_printf (out, "%d-", year);
      append_two_digits (out, month, '-');
      append_two_digits (out, day, ' ');
      append_two_digits (out, g_date_time_get_hour (c->date), ':');
      append_two_digits (out, g_date_time_get_minute (c->date), ' ');
      g_string_append_c (out, ' ');
      g_string_append (out, author);
      for (int k = 0; k < MAX (pad, 0) + 2; k++)
        g_string_append_c (out, ' ');
      g_string_append_len (out, c->message, eol ? eol - c->message : (gssize) strlen (c->message));
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
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
  /* The repository and its cache of objects go with the process. */
  amend_cli_keep_until_exit (g_steal_pointer (&repo));
  amend_cli_keep_until_exit (g_steal_pointer (&commits));
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
