/* amend-command-diff.c: amend diff [--format FORMAT] [A [B]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "amend-cli.h"
#include "amend-diff-json.h"
#include "amend-instructions.h"
#include "amend-renvooi.h"

static char *opt_format;
static gboolean opt_no_color;
static char *opt_output;

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format, N_("term (default), json, html or instructions"), N_("FORMAT") },
  { "no-color", 0, 0, G_OPTION_ARG_NONE, &opt_no_color, N_("No colours, also on a terminal"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write to FILE instead of standard output"), N_("FILE") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

/* A name only a file has (FILE.md, not REV:FILE or a branch) that is not
 * there: a mistyped file, which would otherwise be looked for as a version
 * of a project ("not in a regulation project", "there is no version"). */
static gboolean
missing_file (const char *arg)
{
  g_autofree char *lower = g_ascii_strdown (arg, -1);

  return g_str_has_suffix (lower, ".md") && strchr (arg, ':') == NULL &&
         !g_file_test (arg, G_FILE_TEST_EXISTS);
}

/* Two files need neither git nor the module, and are compared as texts:
 * only the articles that differ are read (amend_diff_new_for_texts()).
 * Anything else is a version in the project (amend_cli_load_diff() in
 * amend-cli-git.c), compared the same way. */
static AmendDiff *
load_diff (int       n_args,
           char    **args,
           char    **title,
           gboolean *unread,
           int      *status)
{
  const AmendCliModule *module;
  AmendDiff *diff = NULL;
  /* Every version read whole: what the tests compare the texts' way with. */
  gboolean whole = g_getenv ("AMEND_DIFF_WHOLE") != NULL;

  *status = AMEND_EXIT_FAILURE;
  if (!amend_cli_enter_repo_dir (status))
    return NULL;
  for (int i = 0; i < n_args; i++)
    if (missing_file (args[i]))
      {
        /* Says that the file is not there, as check and export do. */
        g_autoptr(GBytes) none = amend_cli_load_text (args[i]);
        return NULL;
      }
  if (!whole && n_args == 2 && g_file_test (args[0], G_FILE_TEST_IS_REGULAR) &&
      g_file_test (args[1], G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GBytes) old_text = NULL;
      g_autoptr(GBytes) new_text = NULL;
      g_autoptr(GError) error = NULL;
      gsize old_len = 0, new_len = 0;
      const char *old_data, *new_data;

      if ((old_text = amend_cli_load_text (args[0])) == NULL ||
          (new_text = amend_cli_load_text (args[1])) == NULL)
        return NULL;
      old_data = g_bytes_get_data (old_text, &old_len);
      new_data = g_bytes_get_data (new_text, &new_len);
      diff = amend_diff_new_for_texts (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len, &error);
      if (diff == NULL)
        {
          amend_cli_error ("%s", error->message);
          return NULL;
        }
      /* Bytes the reader replaced (a text that has them is read whole),
       * said as check says them. */
      amend_cli_print_diagnostics (amend_diff_get_old (diff), args[0], TRUE);
      amend_cli_print_diagnostics (amend_diff_get_new (diff), args[1], TRUE);
      *title = g_strdup_printf ("%s \xe2\x86\x92 %s", args[0], args[1]);
    }
  else
    {
      module = amend_cli_get_module ("project");
      if (module == NULL || !module->load_diff (n_args, args, whole ? 0 : AMEND_CLI_LOAD_TEXTS, &diff, title, status))
        return NULL;
    }
  /* What could not be read was said; the status says so (1). */
  *unread = amend_document_has_errors (amend_diff_get_old (diff)) || amend_document_has_errors (amend_diff_get_new (diff));
  return diff;
}

static char *
render (AmendDiff  *diff,
        const char *format,
        const char *title)
{
  if (g_strcmp0 (format, "json") == 0)
    {
      char *json = amend_diff_to_json (diff);
      char *with_newline = g_strconcat (json, "\n", NULL);
      g_free (json);
      return with_newline;
    }
  if (g_strcmp0 (format, "html") == 0)
    return amend_renvooi_to_html (diff, title);
  if (g_strcmp0 (format, "instructions") == 0)
    return amend_diff_to_instructions (diff);
  /* Colour only for a person at a terminal, never into a file or a pipe. */
  return amend_renvooi_to_terminal (diff, !opt_no_color && opt_output == NULL && isatty (STDOUT_FILENO) &&
                                          g_getenv ("NO_COLOR") == NULL);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_diff, entries);
  g_autoptr(AmendDiff) diff = NULL;
  g_autofree char *out = NULL;
  g_autofree char *title = NULL;
  int status = AMEND_EXIT_OK;
  gboolean unread = FALSE;

  if (!amend_cli_parse (&amend_command_diff, context, &argc, &argv, &status))
    return status;
  if (opt_format && !g_strv_contains ((const char *[]) { "term", "json", "html", "instructions", NULL }, opt_format))
    return amend_cli_usage_error (&amend_command_diff, _("unknown format \xe2\x80\x9c%s\xe2\x80\x9d; use term, json, html or instructions"), opt_format);
  if (argc > 3)
    return amend_cli_usage_error (&amend_command_diff, _("give at most two versions"));

  diff = load_diff (argc - 1, argv + 1, &title, &unread, &status);
  if (diff == NULL)
    return status;
  /* The two models go when the process does: freeing them node by node
   * took a tenth of the command. */
  amend_cli_keep_until_exit (g_object_ref (diff));
  out = render (diff, opt_format, title);
  if (opt_output)
    {
      g_autoptr(GError) error = NULL;

      if (!amend_cli_write_file (opt_output, out, strlen (out), &error))
        {
          amend_cli_error ("%s", error->message);
          return AMEND_EXIT_FAILURE;
        }
    }
  else
    {
      fputs (out, stdout);
      fflush (stdout);
    }
  return unread ? AMEND_EXIT_FINDINGS : AMEND_EXIT_OK;
}

const AmendCommand amend_command_diff = {
  .name = "diff",
  .parameters = "[--format term|json|html|instructions] [-C DIR] [A [B]]",
  .summary = N_("Show what changed, article by article"),
  .description = N_("Compares two versions of a regulation as a legal diff: what changed in which article, member "
                    "and point, deleted words struck and new words underlined (renvooi). A and B are files, "
                    "revisions or amendment names. Without arguments: the working copy against the last save; "
                    "with one: that version against the working copy. With an amendment name alone: what the "
                    "amendment changed since it branched off. --format instructions writes the Dutch amendment "
                    "instructions, html a page for the council's papers, json the change list."),
  .run = run,
};
