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
#include "amend-tree-changes.h"
#include "amend-version.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

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
    if (amend_is_top_regulation_path (name))
      g_ptr_array_add (found, g_strdup (name));

  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));
  /* In the same order every time, whatever order the folder lists them. */
  g_ptr_array_sort (found, compare_names);
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

/* The tree of @revision: a revision, a branch or an amendment's slug. */
static git_tree *
tree_of (AmendRepository  *repo,
         const char       *revision,
         GError          **error)
{
  g_autofree char *branch = amend_repository_resolve_branch (repo, revision, NULL);
  g_autoptr(git_commit) commit = NULL;
  git_tree *tree = NULL;

  if (!amend_repository_resolve_commit (repo, branch ? branch : revision, &commit, error))
    return NULL;
  if (git_commit_tree (&tree, commit) < 0)
    amend_repository_set_git_error (error, -1, _("cannot read version %s"), revision);
  return tree;
}

/**
 * amend_repository_changed_regulations:
 * @one: a revision, a branch or an amendment
 * @two: the same
 *
 * Returns: (element-type utf8) (transfer full): the regulations at the
 *   top of the project that differ between @one and @two, sorted; NULL
 *   with @error set when a version cannot be read
 */
GPtrArray *
amend_repository_changed_regulations (AmendRepository  *repo,
                                      const char       *one,
                                      const char       *two,
                                      GError          **error)
{
  g_autoptr(git_tree) a = tree_of (repo, one, error);
  g_autoptr(git_tree) b = a ? tree_of (repo, two, error) : NULL;
  g_autoptr(GArray) changes = NULL;
  GPtrArray *found;

  if (b == NULL)
    return NULL;
  changes = amend_tree_changes (amend_repository_get_git (repo), a, b, "", ".amend");
  found = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < changes->len; i++)
    if (amend_is_top_regulation_path (g_array_index (changes, AmendTreeChange, i).path))
      g_ptr_array_add (found, g_strdup (g_array_index (changes, AmendTreeChange, i).path));
  return found;
}

/* "a.md, b.md" */
char *
amend_join_paths (GPtrArray *paths)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (paths, i));
  return g_string_free (s, FALSE);
}

/**
 * amend_repository_changed_regulation:
 * @one: a revision, a branch or an amendment
 * @two: the same
 *
 * For a project of several regulations: the one that differs between @one
 * and @two, which a diff of the two without a file means.
 *
 * Returns: its path; an error that names them when several differ, or
 *   says that none does
 */
char *
amend_repository_changed_regulation (AmendRepository  *repo,
                                     const char       *one,
                                     const char       *two,
                                     GError          **error)
{
  g_autoptr(GPtrArray) found = amend_repository_changed_regulations (repo, one, two, error);
  g_autofree char *list = NULL;
  const char *first;

  if (found == NULL)
    return NULL;
  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));
  if (found->len == 0)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND,
                   _("no regulation differs between %s and %s, and the project has several; name the one you mean "
                     "as REVISION:FILE"), one, two);
      return NULL;
    }
  list = amend_join_paths (found);
  first = g_ptr_array_index (found, 0);
  g_set_error (error, AMEND_ERROR, AMEND_ERROR_INVALID,
               _("%s and %s differ in several regulations (%s); Amend shows one at a time: name it as "
                 "REVISION:FILE, for example %s:%s %s:%s"), one, two, list, one, first, two, first);
  return NULL;
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

  bytes = amend_version_read (repo, spec, regulation, label, error);
  return bytes ? document_from_bytes (bytes, error) : NULL;
}

/**
 * amend_version_read:
 * @spec: "REVISION:FILE", a revision, a branch or an amendment
 * @regulation: (nullable): the file to read at a revision
 * @label: (out): how to name the version to a person
 *
 * The bytes of a version in the project, as amend_version_load() reads
 * them, for who compares texts (amend_diff_new_for_texts()) and needs no
 * whole document.
 */
GBytes *
amend_version_read (AmendRepository  *repo,
                    const char       *spec,
                    const char       *regulation,
                    char            **label,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *branch = NULL;
  g_autoptr(GError) local = NULL;
  const char *colon = strchr (spec, ':');

  if (colon && colon != spec && colon[1] != '\0')
    {
      g_autofree char *rev = g_strndup (spec, colon - spec);
      /* "kortere-termijn:apv.md": an amendment's slug, as without a file. */
      g_autofree char *rev_branch = amend_repository_resolve_branch (repo, rev, NULL);

      bytes = amend_repository_read_file (repo, rev_branch ? rev_branch : rev, colon + 1, error);
      if (bytes != NULL)
        *label = g_strdup (spec);
      return g_steal_pointer (&bytes);
    }

  if (regulation == NULL)
    {
      g_set_error (error, AMEND_ERROR, AMEND_ERROR_NOT_FOUND, _("name the regulation as %s:FILE"), spec);
      return NULL;
    }

  /* An amendment's slug or branch first, then any revision git knows. */
  branch = amend_repository_resolve_branch (repo, spec, &local);
  bytes = amend_repository_read_file (repo, branch ? branch : spec, regulation, error);
  if (bytes != NULL)
    *label = g_strdup_printf ("%s:%s", branch ? branch : spec, regulation);
  return g_steal_pointer (&bytes);
}
