/* amend-command-resolve.c: amend resolve ID --ours | --theirs | --text FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-merge.h"

static gboolean opt_ours;
static gboolean opt_theirs;
static char *opt_text;

static const GOptionEntry entries[] = {
  { "ours", 0, 0, G_OPTION_ARG_NONE, &opt_ours, N_("Keep what main (the branch merged into) has"), NULL },
  { "theirs", 0, 0, G_OPTION_ARG_NONE, &opt_theirs, N_("Take what the amendment has"), NULL },
  { "text", 0, 0, G_OPTION_ARG_FILENAME, &opt_text, N_("Take the text in FILE (- for standard input), in Markdown"),
    N_("FILE") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* Read with the bound of every input (64 MB): --text /dev/zero or an
 * endless pipe is refused instead of read until memory runs out. */
static char *
read_text (const char *path,
           int        *status)
{
  g_autoptr(GBytes) bytes = amend_cli_load_text (path);
  const char *data;
  gsize len = 0;

  if (bytes == NULL)
    {
      *status = AMEND_EXIT_FAILURE;
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  if (len > 0 && !g_utf8_validate (data, len, NULL))
    {
      amend_cli_error (_("%s is not UTF-8 text; save it as UTF-8"), path);
      *status = AMEND_EXIT_FAILURE;
      return NULL;
    }
  return g_strndup (data ? data : "", len);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_resolve, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendPendingMerge) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AmendResolution how;
  AmendConflict *resolved = NULL;
  AmendTreeMerge *merge;
  int status = AMEND_EXIT_OK;
  guint open;

  if (!amend_cli_parse (&amend_command_resolve, context, &argc, &argv, &status))
    return status;
  if (argc != 2 || argv[1][0] == '\0')
    return amend_cli_usage_error (&amend_command_resolve, _("name the conflict, as amend conflicts shows it"));
  if ((opt_ours ? 1 : 0) + (opt_theirs ? 1 : 0) + (opt_text ? 1 : 0) != 1)
    return amend_cli_usage_error (&amend_command_resolve, _("choose one of --ours, --theirs and --text FILE"));
  how = opt_ours ? AMEND_RESOLUTION_OURS : opt_theirs ? AMEND_RESOLUTION_THEIRS : AMEND_RESOLUTION_TEXT;
  if (opt_text && (text = read_text (opt_text, &status)) == NULL)
    return status;
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  pending = amend_pending_merge_load (repo, &error);
  if (pending == NULL || !amend_pending_merge_resolve (pending, argv[1], how, text, &resolved, &error))
    {
      if (g_error_matches (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION))
        {
          amend_cli_error ("%s", error->message);
          return AMEND_EXIT_USAGE;
        }
      return amend_cli_report (error, NULL);
    }
  merge = amend_pending_merge_get_merge (pending, &error);
  open = merge ? amend_tree_merge_count_unresolved (merge) : 0;
  g_print (_("Resolved %s with %s"), resolved ? resolved->id : argv[1], amend_resolution_to_string (how));
  if (open > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u conflict is left\n", "; %u conflicts are left\n", open), open);
  else
    g_print (_("; all conflicts are resolved: finish with \xe2\x80\x9c" "amend %s --continue\xe2\x80\x9d\n"),
             amend_pending_merge_get_command (pending));
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_resolve = {
  .name = "resolve",
  .parameters = "ID --ours | --theirs | --text FILE",
  .summary = N_("Resolve one conflict of an unfinished adoption, update or pull"),
  .description = N_("Decides the conflict ID (as amend conflicts shows it; FILE:ID when two files have one of that "
                    "id): --ours keeps what main has (this project's draft in a pull), --theirs takes the "
                    "amendment's (the remote's draft in a pull), --text FILE takes the Markdown "
                    "in FILE: a paragraph for a text conflict, a heading line (\xe2\x80\x9c" "Artikel 5a Opschrift" "\xe2\x80\x9d) "
                    "for a heading, the nodes themselves (articles, members, points) for an insertion or deletion; "
                    "an empty file deletes. Nothing is committed until amend adopt --continue (amend update "
                    "--continue, amend pull --continue)."),
  .run = run,
};
