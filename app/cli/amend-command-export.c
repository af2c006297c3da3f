/* amend-command-export.c: amend export --format FORMAT [-o OUT] FILE|REV:FILE, or OLD NEW for a change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "amend-akn-export.h"
#include "amend-cli-git.h"
#include "amend-diff.h"
#include "amend-file.h"
#include "amend-lvbb-export.h"
#include "amend-proposal.h"
#include "amend-version.h"
#include "amend-stop-export.h"

static char *opt_format;
static char *opt_output;

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    N_("stop, stop-besluit, stop-wijziging, lvbb, lvbb-wijziging, akn or akn-amendment"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write to OUT instead of standard output"), N_("OUT") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

typedef GBytes *(*Exporter) (AmendDocument *doc, GPtrArray *warnings, GError **error);
typedef GBytes *(*ChangeExporter) (AmendDiff *diff, GPtrArray *warnings, GError **error);

/* A format writes one version, or (change) what changed between two. */
typedef struct {
  const char     *name;
  Exporter        export;
  ChangeExporter  change;
} Format;

/* The day the council adopted the amendment an lvbb-wijziging is made of,
 * from its record (the day of the vote), when the front matter does not say. */
static char *adopted_on;

static GBytes *
export_lvbb_change (AmendDiff  *diff,
                    GPtrArray  *warnings,
                    GError    **error)
{
  return amend_lvbb_export_change (diff, adopted_on, warnings, error);
}

static const Format formats[] = {
  { "stop",           amend_stop_export_regulation, NULL },
  { "stop-besluit",   amend_stop_export_decision,   NULL },
  { "stop-wijziging", NULL,                         amend_stop_export_change },
  { "lvbb",           amend_lvbb_export_decision,   NULL },
  { "lvbb-wijziging", NULL,                         export_lvbb_change },
  { "akn",            amend_akn_export_act,         NULL },
  { "akn-amendment",  NULL,                         amend_akn_export_amendment },
};

/* The amendment NAME (or the new version, OLD NEW) names: when the council
 * adopted it, the day of the decision, as its record has it. */
static char *
adoption_day (int    n_args,
              char **args)
{
  const char *name = args[n_args - 1];
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  int status = AMEND_EXIT_OK;

  if (g_file_test (name, G_FILE_TEST_EXISTS) || strchr (name, ':') != NULL)
    return NULL;
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return NULL;
  amendment = amend_amendment_lookup (repo, name, NULL);
  if (amendment == NULL || amend_amendment_get_status (amendment) != AMEND_STATUS_ADOPTED)
    return NULL;
  return amend_amendment_dup_decided (amendment);
}

static const Format *
find_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

static gboolean
write_output (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (opt_output)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (opt_output);
      g_autoptr(GError) error = NULL;

      /* Atomic: a temporary file renamed over OUT, never half an export,
       * and never written in place (a read-only folder). */
      if (!amend_write_file (file, data, len, &error))
        {
          amend_cli_error (_("%s was not written: %s"), opt_output, error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      amend_cli_error (_("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

/* REV:FILE, as in `amend show`: FILE as it is in version REV of the
 * project; FILE counts from the top of the project, ./FILE from here. */
static AmendDocument *
load_revision (const char *arg,
               const char *colon,
               int        *status)
{
  g_autoptr(AmendRepository) repo = amend_cli_open_repository (status);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *path = NULL;
  AmendDocument *doc;
  const char *data;
  gsize len = 0;

  if (repo == NULL)
    return NULL;
  revision = g_strndup (arg, colon - arg);
  if (g_str_has_prefix (colon + 1, "./") || g_str_has_prefix (colon + 1, "../"))
    path = amend_repository_relative_path (repo, colon + 1, &error);
  else
    path = g_strdup (colon + 1);
  if (path != NULL)
    bytes = amend_repository_read_file (repo, revision, path, &error);
  if (bytes == NULL)
    {
      *status = amend_cli_report (error, NULL);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  doc = amend_document_new_from_data (data, len, &error);
  if (doc == NULL)
    {
      amend_cli_error ("%s: %s", arg, error->message);
      *status = AMEND_EXIT_FAILURE;
    }
  return doc;
}

/* FILE, or REV:FILE when no file has that name. */
static AmendDocument *
load_source (const char *arg,
             int        *status)
{
  const char *colon = strchr (arg, ':');
  AmendDocument *doc;

  if (colon != NULL && colon != arg && colon[1] != '\0' && !g_file_test (arg, G_FILE_TEST_EXISTS))
    return load_revision (arg, colon, status);
  doc = amend_cli_load (arg);
  if (doc == NULL)
    *status = AMEND_EXIT_FAILURE;
  return doc;
}

static void
print_warnings (GPtrArray  *warnings,
                const char *path)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = amend_diagnostic_format (g_ptr_array_index (warnings, i), path);
      g_printerr ("%s\n", line);
    }
}

/* An export of a file with unreadable bytes would publish a guess. */
static gboolean
check_readable (AmendDocument *doc,
                const char    *name)
{
  if (!amend_document_has_errors (doc))
    return TRUE;
  amend_cli_print_diagnostics (doc, name, TRUE);
  amend_cli_error (_("%s was not exported: correct the errors above first"), name);
  return FALSE;
}

/* Whether the two versions carry one expression: the error a change
 * export gives when the new version has no date of its own. */
static gboolean
same_expression (AmendDiff *diff)
{
  AmendDocument *old_doc = amend_diff_get_old (diff);
  AmendDocument *new_doc = amend_diff_get_new (diff);

  return g_strcmp0 (amend_document_get_meta (old_doc, "expression"), amend_document_get_meta (new_doc, "expression")) == 0 &&
         g_strcmp0 (amend_document_get_meta (old_doc, "date"), amend_document_get_meta (new_doc, "date")) == 0;
}

/* An amendment alone without a date of its own, once decided, cannot be
 * given one: its branch takes no new version. The way that is left, with
 * the version it branched off from named. */
static void
hint_decided (const char *name)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autofree char *base = NULL, *regulation = NULL, *short_base = NULL, *decided = NULL, *extra = NULL;
  int status = AMEND_EXIT_OK;

  if ((repo = amend_cli_open_repository (&status)) == NULL ||
      (amendment = amend_amendment_lookup (repo, name, NULL)) == NULL ||
      amend_amendment_get_status (amendment) <= AMEND_STATUS_SUBMITTED ||
      (base = amend_proposal_find_base (repo, amendment, NULL)) == NULL)
    return;
  short_base = g_strndup (base, 7);
  if ((regulation = amend_repository_changed_regulation (repo, short_base, name, NULL)) == NULL)
    return;
  decided = amend_amendment_dup_decided (amendment);
  /* A delivery also needs the day of the decision, which the record had. */
  extra = decided && g_str_has_prefix (opt_format, "lvbb")
            ? g_strdup_printf (_(" and \xe2\x80\x9c" "decided: %s\xe2\x80\x9d"), decided) : g_strdup ("");
  amend_cli_error (_("the amendment \xe2\x80\x9c%s\xe2\x80\x9d is %s and takes no new version, so give the date "
                     "in a copy: amend show amendement/%s:%s > new.md, set \xe2\x80\x9c" "date\xe2\x80\x9d in "
                     "new.md to the day the change takes effect%s, then amend export --format %s %s:%s new.md"),
                   amend_amendment_get_slug (amendment), amend_status_to_string (amend_amendment_get_status (amendment)),
                   amend_amendment_get_slug (amendment), regulation, extra, opt_format, short_base, regulation);
}

/* stop-wijziging, akn-amendment: OLD NEW as `amend diff` takes them, or an
 * amendment alone: what it changed since it branched off. */
static int
run_change (const Format  *format,
            int            n_args,
            char         **args)
{
  g_autoptr(AmendDiff) diff = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  const char *new_name = args[n_args - 1];
  int status = AMEND_EXIT_OK;

  if (!amend_cli_load_diff (n_args, args, AMEND_CLI_LOAD_WHOLE, &diff, &title, &status))
    return status;
  if (format->change == export_lvbb_change)
    {
      g_clear_pointer (&adopted_on, g_free);
      adopted_on = adoption_day (n_args, args);
    }
  if (!check_readable (amend_diff_get_old (diff), args[0]) || !check_readable (amend_diff_get_new (diff), new_name))
    return AMEND_EXIT_FINDINGS;
  if (amend_diff_is_empty (diff))
    {
      amend_cli_error (_("nothing changed between the two versions (%s), so there is no change to export; "
                         "compare other versions"), title);
      return AMEND_EXIT_FINDINGS;
    }
  bytes = format->change (diff, warnings, &error);
  print_warnings (warnings, new_name);
  if (bytes == NULL)
    {
      amend_cli_error ("%s: %s", title, error->message);
      if (n_args == 1 && same_expression (diff))
        hint_decided (args[0]);
      return AMEND_EXIT_FINDINGS;
    }
  return write_output (bytes) ? AMEND_EXIT_OK : AMEND_EXIT_FAILURE;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_export, entries);
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int status = AMEND_EXIT_OK;
  const Format *format;

  if (!amend_cli_parse (&amend_command_export, context, &argc, &argv, &status))
    return status;
  /* FILE and -o OUT count from -C DIR, as REV:FILE does. */
  if (!amend_cli_enter_repo_dir (&status))
    return status;
  if (opt_format == NULL)
    return amend_cli_usage_error (&amend_command_export,
                                  _("give the format with --format: stop, stop-besluit, stop-wijziging, lvbb, "
                                    "lvbb-wijziging, akn or akn-amendment"));
  format = find_format (opt_format);
  if (format == NULL)
    return amend_cli_usage_error (&amend_command_export,
                                  _("unknown format \xe2\x80\x9c%s\xe2\x80\x9d; use stop, stop-besluit, "
                                    "stop-wijziging, lvbb, lvbb-wijziging, akn or akn-amendment"),
                                  opt_format);
  if (format->change != NULL)
    {
      if (argc != 2 && argc != 3)
        return amend_cli_usage_error (&amend_command_export,
                                      _("%s writes a change: give the old and the new version (files, "
                                        "revisions or amendment names), or an amendment alone"),
                                      opt_format);
      return run_change (format, argc - 1, argv + 1);
    }
  if (argc != 2)
    return amend_cli_usage_error (&amend_command_export, _("give one regulation, as FILE or as REV:FILE"));

  doc = load_source (argv[1], &status);
  if (doc == NULL)
    return status;
  if (!check_readable (doc, argv[1]))
    return AMEND_EXIT_FINDINGS;

  bytes = format->export (doc, warnings, &error);
  print_warnings (warnings, argv[1]);
  if (bytes == NULL)
    {
      amend_cli_error ("%s: %s", argv[1], error->message);
      return AMEND_EXIT_FINDINGS;
    }
  return write_output (bytes) ? AMEND_EXIT_OK : AMEND_EXIT_FAILURE;
}

const AmendCommand amend_command_export = {
  .name = "export",
  .parameters = "--format stop|stop-besluit|lvbb|akn [-o OUT] FILE|REV:FILE, "
                "--format stop-wijziging|lvbb-wijziging|akn-amendment [-o OUT] OLD [NEW]",
  .summary = N_("Write a regulation as STOP or Akoma Ntoso XML"),
  .description = N_("Writes FILE as official XML: stop is the regulation as a STOP RegelingCompact, stop-besluit "
                    "the decision that establishes it (BesluitCompact, with the regulation in its WijzigBijlage), "
                    "lvbb that decision as a delivery to the LVBB (AanleveringBesluit), "
                    "akn an Akoma Ntoso 3.0 act. REV:FILE exports FILE as it is in version REV of the project "
                    "(HEAD~1:regeling.md, main:regeling.md). stop-wijziging and akn-amendment write the change "
                    "from OLD to NEW, versions as amend diff takes them (files, revisions, amendment names; an "
                    "amendment alone: what it changed since it branched off): the decision that makes the change, "
                    "with a STOP RegelingMutatie in renvooi (lvbb-wijziging: as a delivery to the LVBB), or an "
                    "Akoma Ntoso amendment with ins, del and textualMod. The identifiers come from the front matter (title, authority, "
                    "work, and expression or date); a missing one is named. What the format cannot hold is "
                    "reported as a warning with its line. Exit status 1 when the regulation cannot be exported "
                    "or nothing changed."),
  .run = run,
};
