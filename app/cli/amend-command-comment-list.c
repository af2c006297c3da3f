/* amend-command-comment-list.c: amend comment list [NAME] [--json] [--all]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-command-comment.h"

static gboolean opt_json;
static gboolean opt_all;
static char *opt_at;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the comments as JSON"), NULL },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("List resolved threads too"), NULL },
  { "at", 0, 0, G_OPTION_ARG_STRING, &opt_at,
    N_("Show the comments against version REV instead of the last saved one"), N_("REV") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* JSON ---------------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *date)
{
  g_autofree char *text = amend_cli_format_date (date);

  add_string (builder, name, text);
}

static void
add_anchor (JsonBuilder  *builder,
            AmendComment *c)
{
  json_builder_set_member_name (builder, "anchor");
  if (!amend_comment_has_anchor (c))
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_string (builder, "source", amend_comment_get_source (c));
  add_string (builder, "commit", amend_comment_get_commit (c));
  add_string (builder, "eid", amend_comment_get_eid (c));
  add_string (builder, "exact", amend_comment_get_exact (c));
  add_string (builder, "prefix", amend_comment_get_prefix (c));
  add_string (builder, "suffix", amend_comment_get_suffix (c));
  json_builder_end_object (builder);
}

static void
add_position (JsonBuilder  *builder,
              AmendComment *c)
{
  AmendAnchorState state = amend_comment_get_state (c);

  json_builder_set_member_name (builder, "position");
  if (state == AMEND_ANCHOR_NONE)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_string (builder, "state", amend_anchor_state_to_string (state));
  add_string (builder, "eid", amend_comment_get_position_eid (c));
  add_string (builder, "article", amend_comment_get_article (c));
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, amend_comment_get_line (c));
  json_builder_set_member_name (builder, "line_end");
  json_builder_add_int_value (builder, amend_comment_get_line_end (c));
  add_string (builder, "text", amend_comment_get_found_text (c));
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, amend_comment_get_errors (c));
  add_string (builder, "old_text", amend_comment_get_old_text (c));
  json_builder_end_object (builder);
}

static void
add_comment (JsonBuilder  *builder,
             AmendComment *c,
             gboolean      thread)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", amend_comment_get_id (c));
  add_string (builder, "author", amend_comment_get_author (c));
  add_date (builder, "created", amend_comment_get_created (c));
  add_string (builder, "reply_to", amend_comment_get_reply_to (c));
  add_string (builder, "path", amend_comment_get_path (c));
  add_string (builder, "text", amend_comment_get_text (c));
  if (thread)
    {
      GPtrArray *replies = amend_comment_get_replies (c);

      json_builder_set_member_name (builder, "resolved");
      json_builder_add_boolean_value (builder, amend_comment_is_resolved (c));
      add_string (builder, "resolved_by", amend_comment_get_resolved_by (c));
      add_date (builder, "resolved_at", amend_comment_get_resolved_at (c));
      add_anchor (builder, c);
      add_position (builder, c);
      json_builder_set_member_name (builder, "replies");
      json_builder_begin_array (builder);
      for (guint i = 0; i < replies->len; i++)
        add_comment (builder, g_ptr_array_index (replies, i), FALSE);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
print_json (AmendCommentList *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "branch", list->branch + strlen ("refs/heads/"));
  add_string (builder, "amendment", list->amendment);
  add_string (builder, "commit", list->commit);
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->threads->len; i++)
    add_comment (builder, g_ptr_array_index (list->threads, i), TRUE);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->findings->len; i++)
    {
      AmendCommentFinding *f = g_ptr_array_index (list->findings, i);

      json_builder_begin_object (builder);
      add_string (builder, "path", f->path);
      add_string (builder, "message", f->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  amend_cli_print_json (builder);
}

/* Text ---------------------------------------------------------------------- */

static void
print_indented (const char *text,
                const char *indent)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    g_print ("%s%s\n", *lines[i] ? indent : "", lines[i]);
}

/* The states as a person reads them; JSON keeps the words of the file
 * format (amend_anchor_state_to_string). */
static const char *
state_label (AmendAnchorState state)
{
  static const char * const labels[] = {
    [AMEND_ANCHOR_NONE] = NC_("anchor state", "reply"),
    [AMEND_ANCHOR_EID] = NC_("anchor state", "eid"),
    [AMEND_ANCHOR_DIFF] = NC_("anchor state", "diff"),
    [AMEND_ANCHOR_QUOTE] = NC_("anchor state", "quote"),
    [AMEND_ANCHOR_FUZZY] = NC_("anchor state", "fuzzy"),
    [AMEND_ANCHOR_OUTDATED] = NC_("anchor state", "outdated"),
  };

  return g_dpgettext2 (NULL, "anchor state", labels[state]);
}

/* "article 1:2, line 39" / the eId / "the regulation" / "outdated". */
static char *
describe_place (AmendComment *c)
{
  const char *article = amend_comment_get_article (c);
  const char *eid = amend_comment_get_position_eid (c);
  guint line = amend_comment_get_line (c);

  if (amend_comment_get_state (c) == AMEND_ANCHOR_OUTDATED)
    return g_strdup_printf (_("outdated (made on %.8s)"), amend_comment_get_commit (c));
  if (article)
    return g_strdup_printf (_("article %s, line %u"), article, line);
  if (g_strcmp0 (eid, "body") == 0)
    return g_strdup (_("the regulation"));
  return g_strdup_printf (_("%s, line %u"), eid, line);
}

static void
print_quote (AmendComment *c)
{
  const char *exact = amend_comment_get_exact (c);
  const char *found = amend_comment_get_found_text (c);
  const char *old = amend_comment_get_old_text (c);

  if (amend_comment_get_state (c) == AMEND_ANCHOR_OUTDATED)
    g_print (_("  was: \xe2\x80\x9c%s\xe2\x80\x9d\n"), old ? old : "");
  else if (found && exact && strcmp (found, exact) != 0)
    g_print (_("  \xe2\x80\x9c%s\xe2\x80\x9d (was \xe2\x80\x9c%s\xe2\x80\x9d)\n"), found, exact);
  else if (exact)
    g_print ("  \xe2\x80\x9c%s\xe2\x80\x9d\n", exact);
}

static void
print_thread (AmendComment *c)
{
  g_autofree char *place = describe_place (c);
  g_autofree char *date = amend_cli_format_date (amend_comment_get_created (c));
  GPtrArray *replies = amend_comment_get_replies (c);

  if (amend_comment_get_state (c) == AMEND_ANCHOR_NONE)
    g_print (_("%.8s  reply to %.8s, which is not here  %s  %s\n"), amend_comment_get_id (c),
             amend_comment_get_reply_to (c), amend_comment_get_author (c), date);
  else
    g_print ("%.8s  %s  [%s]  %s  %s\n", amend_comment_get_id (c), place,
             state_label (amend_comment_get_state (c)), amend_comment_get_author (c), date);
  if (amend_comment_is_resolved (c))
    {
      g_autofree char *when = amend_cli_format_date (amend_comment_get_resolved_at (c));

      g_print (_("  resolved by %s on %s\n"), amend_comment_get_resolved_by (c), when);
    }
  print_quote (c);
  print_indented (amend_comment_get_text (c), "  ");
  for (guint i = 0; i < replies->len; i++)
    {
      AmendComment *r = g_ptr_array_index (replies, i);
      g_autofree char *when = amend_cli_format_date (amend_comment_get_created (r));

      g_print ("  \xe2\x86\xb3 %.8s  %s  %s\n", amend_comment_get_id (r), amend_comment_get_author (r), when);
      print_indented (amend_comment_get_text (r), "    ");
    }
}

static void
print_text (AmendCommentList *list)
{
  const char *branch = list->branch + strlen ("refs/heads/");

  if (list->threads->len == 0)
    g_print (_("No comments on %s.\n"), branch);
  for (guint i = 0; i < list->threads->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_thread (g_ptr_array_index (list->threads, i));
    }
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_comment_list, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendCommentList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amendment = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_comment_list, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_comment_list, _("give at most one amendment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  if (!amend_comments_owner (repo, argc == 2 ? argv[1] : NULL, &amendment, &error))
    return amend_cli_comment_report (error);
  list = amend_comments_list (repo, amendment, opt_at, opt_all ? AMEND_COMMENTS_LIST_ALL : AMEND_COMMENTS_LIST_OPEN,
                              NULL, &error);
  if (list == NULL)
    return amend_cli_comment_report (error);

  if (opt_json)
    print_json (list);
  else
    print_text (list);
  for (guint i = 0; i < list->findings->len; i++)
    {
      AmendCommentFinding *f = g_ptr_array_index (list->findings, i);

      /* Not translated: "FILE: error: message" is the form of amend check. */
      g_printerr ("%s: error: %s\n", f->path, f->message);
    }
  return list->findings->len > 0 ? AMEND_EXIT_FINDINGS : AMEND_EXIT_OK;
}

const AmendCommand amend_command_comment_list = {
  .name = "comment list",
  .parameters = "[NAME] [--json] [--all] [--at REV]",
  .summary = N_("List the comments on the draft or on an amendment"),
  .description = N_("Lists the threads of comments of the amendment NAME, or of the draft when NAME is main; without "
                    "NAME of what the working copy is on. Threads are in time order, each with the article and line it "
                    "is on in the last saved version and how it was found there: eid, diff (the legal diff's pairing), "
                    "quote, fuzzy, or outdated with the text it was about. Resolved threads only with --all. Files that "
                    "are no comment are listed as findings on standard error (exit status 1)."),
  .run = run,
};
