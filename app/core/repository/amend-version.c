/* amend-version.c: a version of a regulation, named as a user names it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "HEAD~2", "main", "amendement/kortere-termijn", "kortere-termijn" (an
 * amendment's slug), "HEAD:apv.md" or a file: the diff and the export take
 * any of them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-repository-private.h"
#include "amend-version.h"

/**
 * amend_repository_find_regulation:
 *
 * Returns: the path (relative to the top of the working copy) of the one
 * regulation of the project: the only Markdown file at the top besides a
 * README; an error that names them when there are several.
 */
char *
amend_repository_find_regulation (AmendRepository  *repo,
                                  GError          **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (amend_repository_get_path (repo), 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)))
    if (amend_is_regulation_path (name) && g_ascii_strncasecmp (name, "README", 6) != 0 && name[0] != '.')
      g_ptr_array_add (found, g_strdup (name));

  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));
  if (found->len == 0)
    g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                 _("the project has no regulation: there is no .md file at its top"));
  else
    {
      g_ptr_array_add (found, NULL);
      {
        g_autofree char *list = g_strjoinv (", ", (char **) found->pdata);
        g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
                     _("the project has several regulations (%s); name the one you mean as REVISION:FILE"), list);
      }
    }
  return NULL;
}

/* The commit at which @two branched off from @one, as 40 hex digits. */
char *
amend_repository_merge_base (AmendRepository  *repo,
                             const char       *one,
                             const char       *two,
                             GError          **error)
{
  g_autoptr(git_commit) a = NULL;
  g_autoptr(git_commit) b = NULL;
  git_oid base;
  char hex[GIT_OID_HEXSZ + 1];

  if (!amend_repository_resolve_commit (repo, one, &a, error) ||
      !amend_repository_resolve_commit (repo, two, &b, error))
    return NULL;
  if (git_merge_base (&base, amend_repository_get_git (repo), git_commit_id (a), git_commit_id (b)) != 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                   _("%s and %s have no common history"), one, two);
      return NULL;
    }
  git_oid_tostr (hex, sizeof hex, &base);
  return g_strdup (hex);
}

static AmendDocument *
document_from_bytes (GBytes  *bytes,
                     GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return amend_document_new_from_data (data, len, error);
}

AmendDocument *
amend_version_load_working_copy (AmendRepository  *repo,
                                 const char       *regulation,
                                 GError          **error)
{
  g_autofree char *path = g_build_filename (amend_repository_get_path (repo), regulation, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return amend_document_new_from_file (file, NULL, error);
}

/**
 * amend_version_load:
 * @repo: (nullable): the project, if there is one
 * @spec: a file, "REVISION:FILE", a revision, a branch or an amendment
 * @regulation: (nullable): the file to read at a revision
 * @label: (out): how to name the version to a person
 *
 * An existing file wins over a revision of the same name, as with git.
 */
AmendDocument *
amend_version_load (AmendRepository  *repo,
                    const char       *spec,
                    const char       *regulation,
                    char            **label,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *branch = NULL;
  g_autoptr(GError) local = NULL;
  const char *colon;

  if (g_file_test (spec, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (spec);
      *label = g_strdup (spec);
      return amend_document_new_from_file (file, NULL, error);
    }
  if (repo == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                   _("%s is not a file, and there is no project here to find it as a version in"), spec);
      return NULL;
    }

  colon = strchr (spec, ':');
  if (colon && colon != spec && colon[1] != '\0')
    {
      g_autofree char *rev = g_strndup (spec, colon - spec);
      bytes = amend_repository_read_file (repo, rev, colon + 1, error);
      if (bytes == NULL)
        return NULL;
      *label = g_strdup (spec);
      return document_from_bytes (bytes, error);
    }

  if (regulation == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND, _("name the regulation as %s:FILE"), spec);
      return NULL;
    }

  /* An amendment's slug or branch first, then any revision git knows. */
  branch = amend_repository_resolve_branch (repo, spec, &local);
  bytes = amend_repository_read_file (repo, branch ? branch : spec, regulation, error);
  if (bytes == NULL)
    return NULL;
  *label = g_strdup_printf ("%s:%s", branch ? branch : spec, regulation);
  return document_from_bytes (bytes, error);
}
