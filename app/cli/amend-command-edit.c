/* amend-command-edit.c: amend edit [NAME] [--by "Name <mail>"]... [--motivation TEXT]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"

static char **opt_by;
static char *opt_motivation;

static const GOptionEntry entries[] = {
  { "by", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_by,
    N_("A submitter; give --by once for each: they replace the submitters the record has"), N_("\"NAME <E-MAIL>\"") },
  { "motivation", 0, 0, G_OPTION_ARG_STRING, &opt_motivation,
    N_("Why the council should adopt it; \"\" for none"), N_("TEXT") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_edit, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) now = NULL;
  g_autoptr(AmendAmendment) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_edit, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&amend_command_edit, _("give at most one amendment"));
  if (opt_by == NULL && opt_motivation == NULL)
    return amend_cli_usage_error (&amend_command_edit, _("say what to change: give --by or --motivation"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  /* What is not given stays as the record has it. */
  name = argc == 2 ? argv[1] : NULL;
  if (opt_by == NULL || opt_motivation == NULL)
    {
      now = amend_amendment_lookup_record (repo, name, &error);
      if (now == NULL)
        return amend_cli_report (error, NULL);
    }
  edited = amend_amendment_edit_record (repo, name,
                                        opt_by ? (const char * const *) opt_by : amend_amendment_get_submitters (now),
                                        opt_motivation ? opt_motivation : amend_amendment_get_motivation (now),
                                        &error);
  if (edited == NULL)
    return amend_cli_report (error, NULL);
  g_print (_("The submitters and motivation of the amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s) are saved\n"),
           amend_amendment_get_title (edited), amend_amendment_get_slug (edited));
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_edit = {
  .name = "edit",
  .parameters = "[NAME] [--by \"NAME <E-MAIL>\"]\xe2\x80\xa6 [--motivation TEXT]",
  .summary = N_("Change who submits a concept amendment, or its motivation"),
  .description = N_("Changes the submitters (every --by, replacing those of the record) or the motivation (\"\" for "
                    "none) of the amendment NAME (the one the working copy is on when not given), as a commit of its "
                    "record on its branch. Only while it is concept: once submitted, what the council received stays "
                    "as it was (exit status 4)."),
  .run = run,
};
