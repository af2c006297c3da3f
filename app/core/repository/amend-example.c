/* amend-example.c: the example project the first start opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundled regulation (data/example/apv-lindewaarde.md) is copied into
 * a folder of the user's and made a real project there: the draft on
 * main, and one amendment with a small real change on its branch.  The
 * bundled file itself is never written, so the example starts clean on
 * every machine.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-example.h"

/* Fictional people: the example must work without a git identity. */
#define EXAMPLE_OFFICER   "Griffie Lindewaarde <griffie@lindewaarde.example>"
#define EXAMPLE_SUBMITTER "Bewonersvereniging De Linde <bestuur@delinde.example>"

/* The change the amendment makes: the decision period of article 1:2,
 * first member, from eight weeks to six. */
#define EXAMPLE_ARTICLE   "## Artikel 1:2 "
#define EXAMPLE_OLD_TEXT  "binnen acht weken na de datum van ontvangst"
#define EXAMPLE_NEW_TEXT  "binnen zes weken na de datum van ontvangst"

static char *
shorten_period (const char *text,
                GError    **error)
{
  const char *article = strstr (text, EXAMPLE_ARTICLE);
  const char *old = article ? strstr (article, EXAMPLE_OLD_TEXT) : NULL;
  GString *out;

  if (old == NULL)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_INVALID,
                   _("the example regulation has no article 1:2 with the words \xe2\x80\x9c%s\xe2\x80\x9d; "
                     "reinstall Amend"), EXAMPLE_OLD_TEXT);
      return NULL;
    }
  out = g_string_new_len (text, old - text);
  g_string_append (out, EXAMPLE_NEW_TEXT);
  g_string_append (out, old + strlen (EXAMPLE_OLD_TEXT));
  return g_string_free (out, FALSE);
}

static gboolean
folder_is_empty (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  return d == NULL || g_dir_read_name (d) == NULL;
}

/* Makes the example project in @dir (created when missing; it must be
 * empty) from the regulation @source_file. */
AmendRepository *
amend_example_create (const char  *source_file,
                      const char  *dir,
                      GError     **error)
{
  static const char * const submitters[] = { EXAMPLE_SUBMITTER, NULL };
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *base = NULL;
  g_autofree char *target = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autofree char *commit = NULL;
  gsize len;

  g_return_val_if_fail (source_file != NULL && dir != NULL, NULL);

  if (!g_file_get_contents (source_file, &text, &len, error))
    return NULL;
  changed = shorten_period (text, error);
  if (changed == NULL)
    return NULL;
  if (!folder_is_empty (dir))
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_EXISTS,
                   _("%s is not empty; the example project is only made in a new folder"), dir);
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  base = g_path_get_basename (source_file);
  target = g_build_filename (dir, base, NULL);
  if (!g_file_set_contents (target, text, len, error))
    return NULL;
  repo = amend_repository_create (dir, EXAMPLE_OFFICER, error);
  if (repo == NULL)
    return NULL;

  amendment = amend_amendment_propose (repo, AMEND_EXAMPLE_AMENDMENT_TITLE, submitters,
                                       /* Content of the Dutch example, not interface text. */
                                       "Inwoners wachten nu te lang op een besluit; zes weken is genoeg "
                                       "voor een vergunning of ontheffing.",
                                       NULL, error);
  if (amendment == NULL)
    return NULL;
  if (!g_file_set_contents (target, changed, -1, error))
    return NULL;
  commit = amend_repository_save (repo, NULL, EXAMPLE_SUBMITTER, NULL,
                                  "Beslistermijn van acht naar zes weken", error);
  if (commit == NULL)
    return NULL;
  if (!amend_repository_switch (repo, "main", FALSE, NULL, error))
    return NULL;
  return g_steal_pointer (&repo);
}

/* The example project in @dir: opened when it is there, made when not. */
AmendRepository *
amend_example_ensure (const char  *source_file,
                      const char  *dir,
                      GError     **error)
{
  g_autofree char *git_dir = g_build_filename (dir, ".git", NULL);

  if (g_file_test (git_dir, G_FILE_TEST_IS_DIR))
    return amend_repository_open (dir, error);
  return amend_example_create (source_file, dir, error);
}
