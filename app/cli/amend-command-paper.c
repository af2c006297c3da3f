/* amend-command-paper.c: amend paper [NAME] [-o FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "amend-cli-git.h"
#include "amend-paper.h"
#include "amend-version.h"

static char *opt_output;

static const GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the paper to FILE (replaced atomically)"), N_("FILE") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* The title of the regulation as the working copy has it, for the
 * paper's heading; NULL when it cannot be read. */
static char *
regulation_title (AmendRepository *repo)
{
  g_autofree char *regulation = amend_repository_find_regulation (repo, NULL);
  g_autoptr(AmendDocument) doc = regulation ? amend_version_load_working_copy (repo, regulation, NULL) : NULL;
  const char *title = doc ? amend_document_get_meta (doc, "title") : NULL;

  return title && *title ? g_strdup (title) : NULL;
}

static int
write_out (const char *html)
{
  g_autoptr(GError) error = NULL;

  if (opt_output == NULL)
    {
      fputs (html, stdout);
      fflush (stdout);
      return AMEND_EXIT_OK;
    }
  if (!amend_cli_write_file (opt_output, html, strlen (html), &error))
    {
      amend_cli_error ("%s", error->message);
      return AMEND_EXIT_FAILURE;
    }
  return AMEND_EXIT_OK;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_paper, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_unreadable_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *html = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_paper, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_paper, _("give at most one amendment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  items = amend_paper_load_full (repo, argc == 2 ? argv[1] : NULL, unreadable, &error);
  if (items == NULL)
    return amend_cli_report (error, NULL);
  amend_cli_warn_unreadable (unreadable);
  title = regulation_title (repo);
  html = amend_paper_to_html (items, title, argc != 2);
  return write_out (html);
}

const AmendCommand amend_command_paper = {
  .name = "paper",
  .parameters = "[NAME] [-o FILE]",
  .summary = N_("Write the council paper of an amendment, or of all submitted ones, as HTML"),
  .description = N_("Writes an HTML page for the council: for the amendment NAME, or without NAME for every submitted "
                    "amendment in the voting order of amend order, its title, submitters, motivation, its changes as "
                    "renvooi against the version it branched from, the amendment instructions and, once voted on, "
                    "the result. Without -o the page goes to standard output. Exit status 3: there is no such "
                    "amendment, or none is submitted."),
  .run = run,
};
