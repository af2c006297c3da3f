/* amend-command-propose.c: amend propose TITLE [--by "Name <mail>"]... [--motivation TEXT] [--from REV]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"

static char **opt_by;
static char *opt_motivation;
static char *opt_from;
static char *opt_on;

static const GOptionEntry entries[] = {
  { "by", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_by,
    N_("A submitter; give --by once for each (default: you, from the git configuration)"),
    N_("\"NAME <E-MAIL>\"") },
  { "motivation", 0, 0, G_OPTION_ARG_STRING, &opt_motivation, N_("Why the council should adopt it"), N_("TEXT") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("Start from version REV instead of main"), N_("REV") },
  { "on", 0, 0, G_OPTION_ARG_STRING, &opt_on, N_("Propose a subamendment: an amendment of the amendment NAME"),
    N_("NAME") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_propose, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_propose, context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return amend_cli_usage_error (&amend_command_propose, _("give the title of the amendment"));
  /* `amend propose Verbod op vuurwerk` needs no quotes. */
  title = g_strjoinv (" ", argv + 1);
  if (*g_strstrip (title) == '\0')
    return amend_cli_usage_error (&amend_command_propose, _("give the title of the amendment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  if (opt_on && opt_from)
    return amend_cli_usage_error (&amend_command_propose, _("a subamendment starts from its amendment; give --on or --from, not both"));
  if (opt_on)
    amendment = amend_amendment_propose_on (repo, opt_on, title, (const char * const *) opt_by, opt_motivation, &error);
  else
    amendment = amend_amendment_propose (repo, title, (const char * const *) opt_by, opt_motivation, opt_from, &error);
  if (amendment == NULL)
    {
      const char *hint = NULL;

      if (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NO_AUTHOR))
        hint = _("or name the submitter with --by \"Name <e-mail>\"");
      else if (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY))
        hint = _("use \xe2\x80\x9c" "amend save\xe2\x80\x9d");
      return amend_cli_report (error, hint);
    }
  g_print (_("Proposed \xe2\x80\x9c%s\xe2\x80\x9d as %s; the working copy is on it now\n"),
           amend_amendment_get_title (amendment), amend_amendment_get_branch (amendment));
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_propose = {
  .name = "propose",
  .parameters = "TITLE [--by \"NAME <E-MAIL>\"]\xe2\x80\xa6 [--motivation TEXT] [--from REV | --on NAME]",
  .summary = N_("Propose an amendment"),
  .description = N_("Makes the branch amendement/NAME from main (or from REV), where NAME comes from the title, "
                    "commits the record of the amendment (.amend/amendementen/NAME/amendement.ini: title, submitters, "
                    "motivation, status concept, dates) and puts the working copy on it. Unsaved changes come along "
                    "when the amendment starts from the version the working copy is on. With --on NAME it is a "
                    "subamendment: it branches from the amendment NAME, its record says amends=NAME, its diff is "
                    "against NAME, and adopting it merges it into NAME."),
  .run = run,
};
