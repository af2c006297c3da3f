/* amend-command-package.c: amend package export|import|open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>

#include "amend-cli-git.h"
#include "amend-cli-sync.h"

static gboolean opt_all;
static char *opt_output;

static const GOptionEntry entries[] = {
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("export: the whole project, main and every amendment"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("export: write the package to FILE"), N_("FILE") },
  AMEND_CLI_PROGRESS_OPTION,
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

typedef struct {
  const char *project;
  const char *a;
  const char *b;
  const char *c;
} Request;

static void
start_export (AmendSyncJob *job, GAsyncReadyCallback callback, gpointer user_data, gpointer data)
{
  Request *r = data;

  amend_package_export_async (r->project, r->a, r->b, job, callback, user_data);
}

static void
start_import (AmendSyncJob *job, GAsyncReadyCallback callback, gpointer user_data, gpointer data)
{
  Request *r = data;

  amend_package_import_async (r->project, r->a, job, callback, user_data);
}

static void
start_open (AmendSyncJob *job, GAsyncReadyCallback callback, gpointer user_data, gpointer data)
{
  Request *r = data;

  amend_package_open_async (r->a, r->b, job, callback, user_data);
}

/* "amendement/kortere-termijn" -> "kortere-termijn.amend"; the whole
 * project is named after its folder. */
static char *
default_output (const char *name,
                const char *project)
{
  g_autofree char *base = NULL;
  const char *slash;

  if (name == NULL)
    base = g_path_get_basename (project);
  else
    base = g_strdup ((slash = strrchr (name, '/')) ? slash + 1 : name);
  return g_strconcat (base, ".amend", NULL);
}

static int
run_export (int    argc,
            char **argv)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *output = NULL;
  g_autofree char *size = NULL;
  Request r = { 0 };
  int status = AMEND_EXIT_OK;
  void (*say) (const char *format, ...) = g_print;
  struct stat st;

  if (opt_all ? argc != 2 : argc != 3)
    return amend_cli_usage_error (&amend_command_package, opt_all ? _("--all takes no amendment")
                                                                  : _("give one amendment, or --all"));
  /* As every file name, -o counts from -C DIR when given. */
  if ((repo = amend_cli_open_repository (&status)) == NULL)
    return status;
  r.project = amend_repository_get_path (repo);
  r.a = opt_all ? NULL : argv[2];
  r.b = output = opt_output ? g_strdup (opt_output) : default_output (r.a, r.project);
  report = amend_cli_sync_run (start_export, amend_package_export_finish, &r, &status);
  if (report == NULL)
    return status;
  size = g_format_size (report->bytes);
  /* -o /dev/stdout, a pipe: the package went there, the summary must not
   * follow it into the same stream. */
  if (g_stat (report->path ? report->path : output, &st) == 0 && !S_ISREG (st.st_mode))
    say = g_printerr;
  say (ngettext ("Wrote %s (%s, %u object):\n", "Wrote %s (%s, %u objects):\n", report->objects),
       report->path, size, report->objects);
  for (guint i = 0; i < report->changes->len; i++)
    {
      AmendSyncChange *change = g_ptr_array_index (report->changes, i);

      if (change->title)
        say ("  %s \xe2\x80\x9c%s\xe2\x80\x9d\n", change->branch, change->title);
      else
        say ("  %s\n", change->branch);
    }
  return AMEND_EXIT_OK;
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendSyncReport) report = NULL;
  g_autofree char *project = NULL;
  Request r = { 0 };
  int status = AMEND_EXIT_OK;

  if (argc != 3)
    return amend_cli_usage_error (&amend_command_package, _("give one package file"));
  if ((repo = amend_cli_open_repository (&status)) == NULL)
    return status;
  project = g_strdup (amend_repository_get_path (repo));
  g_clear_object (&repo);
  r.project = project;
  r.a = argv[2];
  report = amend_cli_sync_run (start_import, amend_package_import_finish, &r, &status);
  if (report == NULL)
    return status;
  g_print (_("From %s:\n"), argv[2]);
  amend_cli_sync_print (report);
  return AMEND_EXIT_OK;
}

static int
run_open (int    argc,
          char **argv)
{
  g_autoptr(AmendSyncReport) report = NULL;
  Request r = { 0 };
  int status = AMEND_EXIT_OK;

  if (argc != 4)
    return amend_cli_usage_error (&amend_command_package, _("give the package file and the folder of the new project"));
  if (!amend_cli_enter_repo_dir (&status))
    return status;
  r.a = argv[2];
  r.b = argv[3];
  report = amend_cli_sync_run (start_open, amend_package_open_finish, &r, &status);
  if (report == NULL)
    return status;
  g_print (_("Opened %s as a new project in %s:\n"), argv[2], report->path);
  amend_cli_sync_print (report);
  return AMEND_EXIT_OK;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_package, entries);
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_package, context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return amend_cli_usage_error (&amend_command_package, _("say what to do: export, import or open"));
  if (strcmp (argv[1], "export") == 0)
    return run_export (argc, argv);
  if ((opt_all || opt_output) )
    return amend_cli_usage_error (&amend_command_package, _("--all and -o belong to export"));
  if (strcmp (argv[1], "import") == 0)
    return run_import (argc, argv);
  if (strcmp (argv[1], "open") == 0)
    return run_open (argc, argv);
  return amend_cli_usage_error (&amend_command_package, _("unknown action \xe2\x80\x9c%s\xe2\x80\x9d; use export, import or open"),
                                argv[1]);
}

const AmendCommand amend_command_package = {
  .name = "package",
  .parameters = "export NAME|--all [-o FILE] | import FILE | open FILE DIR",
  .summary = N_("Exchange amendments as one file (a git bundle)"),
  .description = N_("export writes the amendment NAME (its versions, record and comments) as one file, NAME.amend "
                    "unless -o says otherwise; it holds only what the amendment added to the draft it started "
                    "from, which the receiver must have. --all writes the whole project, main and every "
                    "amendment. import takes the amendments of a package into the project: new ones are made, "
                    "newer ones brought up to date; one that changed here too is kept, and the incoming one gets "
                    "a new name; main is never changed. open makes a new project in DIR from a whole-project "
                    "package. The files are git bundles: git bundle verify, git fetch and git clone read them. "
                    "Exit status 3 for a file that is damaged, too large or no package, 4 for a package this "
                    "project refuses (another regulation, a newer draft needed, main, tags or bad names in it), "
                    "130 when stopped with Ctrl+C; nothing is changed then."),
  .run = run,
};
