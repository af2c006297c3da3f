/* amend-cli-git.c: what the commands that work in a project share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amend-cli-git.h"

char *amend_cli_repo_dir = NULL;

gboolean
amend_cli_enter_repo_dir (int *status)
{
  if (amend_cli_repo_dir != NULL && g_chdir (amend_cli_repo_dir) != 0)
    {
      int saved = errno;

      amend_cli_error (_("cannot work in %s: %s; give the folder of a project"),
                       amend_cli_repo_dir, g_strerror (saved));
      *status = AMEND_EXIT_FAILURE;
      return FALSE;
    }
  return TRUE;
}

/* The project the current folder (or -C DIR) is in, found upward as git
 * finds it; NULL with the error printed and @status set. */
AmendRepository *
amend_cli_open_repository (int *status)
{
  g_autoptr(GError) error = NULL;
  AmendRepository *repo;

  if (!amend_cli_enter_repo_dir (status))
    return NULL;
  repo = amend_repository_open (NULL, &error);
  if (repo == NULL)
    *status = amend_cli_report (error, NULL);
  return repo;
}

static gboolean
is_refusal (const GError *error)
{
  if (error->domain != AMEND_REPOSITORY_ERROR)
    return FALSE;
  switch (error->code)
    {
    case AMEND_REPOSITORY_ERROR_EXISTS:
    case AMEND_REPOSITORY_ERROR_LOCKED:
    case AMEND_REPOSITORY_ERROR_BUSY:
    case AMEND_REPOSITORY_ERROR_BARE:
    case AMEND_REPOSITORY_ERROR_DETACHED:
    case AMEND_REPOSITORY_ERROR_UNBORN:
    case AMEND_REPOSITORY_ERROR_DIRTY:
    case AMEND_REPOSITORY_ERROR_CONFLICT:
    case AMEND_REPOSITORY_ERROR_NO_AUTHOR:
    case AMEND_REPOSITORY_ERROR_TRANSITION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Prints @error as one sentence, with @hint (what the command offers to
 * get past it) after a semicolon; returns the exit status. */
int
amend_cli_report (const GError *error,
                  const char   *hint)
{
  if (hint != NULL)
    amend_cli_error ("%s; %s", error->message, hint);
  else
    amend_cli_error ("%s", error->message);
  return is_refusal (error) ? AMEND_EXIT_REFUSED : AMEND_EXIT_FAILURE;
}

/* ISO 8601 with the offset, to the second: 2011-02-23T00:00:00+01:00. */
char *
amend_cli_format_date (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
}

void
amend_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Columns are counted in characters, not bytes: names have accents. */
int
amend_cli_text_width (const char *text)
{
  return text ? (int) g_utf8_strlen (text, -1) : 0;
}

void
amend_cli_print_padded (const char *text,
                        int         width)
{
  int pad = width - amend_cli_text_width (text);

  g_print ("%s%*s", text ? text : "", MAX (pad, 0), "");
}
