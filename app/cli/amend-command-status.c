/* amend-command-status.c: amend status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amend-cli-git.h"

static const GOptionEntry entries[] = {
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static void
print_head (AmendRepository *repo)
{
  g_autofree char *branch = NULL;
  AmendHeadKind head = amend_repository_get_head (repo, &branch);

  if (head == AMEND_HEAD_DETACHED)
    {
      g_print (_("Not on a branch (detached HEAD at %s); go back with \xe2\x80\x9c" "amend switch main\xe2\x80\x9d\n"),
               branch);
      return;
    }
  if (head == AMEND_HEAD_UNBORN)
    {
      g_print (_("On branch %s, which has no saved version yet\n"), branch);
      return;
    }
  if (g_str_has_prefix (branch, AMEND_AMENDMENT_BRANCH_PREFIX))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendAmendment) a = amend_amendment_lookup (repo, NULL, &error);

      if (a != NULL)
        {
          g_print (_("On amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s): %s, %u ahead of main, %u behind\n"),
                   amend_amendment_get_title (a), branch, amend_status_to_string (amend_amendment_get_status (a)),
                   amend_amendment_get_ahead (a), amend_amendment_get_behind (a));
          return;
        }
      g_print (_("On branch %s (%s)\n"), branch, error->message);
      return;
    }
  g_print (_("On branch %s\n"), branch);
}

static const char *
change_word (AmendFileChangeKind kind)
{
  switch (kind)
    {
    case AMEND_FILE_NEW:
      return _("new");
    case AMEND_FILE_DELETED:
      return _("deleted");
    case AMEND_FILE_MODIFIED:
    default:
      return _("changed");
    }
}

/* A regulation that is gone while no other is at the top of the project
 * cannot be saved as a deletion (amend save refuses): say how to get it
 * back instead. */
static gboolean
is_last_regulation (AmendRepository *repo,
                    AmendFileChange *change)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (change->kind != AMEND_FILE_DELETED || strchr (change->path, '/') != NULL || !change->regulation)
    return FALSE;
  dir = g_dir_open (amend_repository_get_path (repo), 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    if (amend_is_top_regulation_path (name))
      return FALSE;
  return TRUE;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_status, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  const char *state;
  int status = AMEND_EXIT_OK;
  int width = 0;

  if (!amend_cli_parse (&amend_command_status, context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return amend_cli_usage_error (&amend_command_status, _("status takes no arguments"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  print_head (repo);
  if (amend_repository_is_bare (repo))
    {
      g_print (_("%s is a bare repository: there is no working copy\n"), amend_repository_get_path (repo));
      return AMEND_EXIT_OK;
    }
  state = amend_repository_describe_state (repo);
  if (state)
    g_print ("%s\n", state);
  /* A lock, an interrupted command, or an adoption or update of Amend's
   * own that is unfinished. */
  if (!amend_repository_check_writable (repo, &error) &&
      (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_LOCKED) ||
       g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INTERRUPTED) ||
       (state == NULL && g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY))))
    g_print ("%s\n", error->message);
  g_clear_error (&error);

  changes = amend_repository_list_changes (repo, &error);
  if (changes == NULL)
    return amend_cli_report (error, NULL);
  if (changes->len == 0)
    {
      g_print (_("No unsaved changes\n"));
      return AMEND_EXIT_OK;
    }
  g_print (_("Unsaved changes (save them with \xe2\x80\x9c" "amend save\xe2\x80\x9d):\n"));
  for (guint i = 0; i < changes->len; i++)
    width = MAX (width, amend_cli_text_width (change_word (((AmendFileChange *) g_ptr_array_index (changes, i))->kind)));
  for (guint i = 0; i < changes->len; i++)
    {
      AmendFileChange *c = g_ptr_array_index (changes, i);

      g_print ("  ");
      amend_cli_print_padded (change_word (c->kind), width);
      if (is_last_regulation (repo, c))
        /* TRANSLATORS: %s is the file, twice */
        g_print (_("  %s (the project's only regulation: restore it with \xe2\x80\x9cgit checkout -- %s\xe2\x80\x9d)\n"),
                 c->path, c->path);
      else
        g_print ("  %s%s\n", c->path, c->regulation ? "" : _(" (not a regulation: Amend does not save it)"));
    }
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_status = {
  .name = "status",
  .parameters = "",
  .summary = N_("Show the branch or amendment and the unsaved changes"),
  .description = N_("Says which branch or amendment the working copy is on (with the status of the amendment and how "
                    "far it is from main), whether git left a merge or rebase unfinished, and which files have "
                    "changes that are not saved."),
  .run = run,
};
