/* amend-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-test-util.h"

char *
amend_test_shared_path (const char *relative)
{
  const char *dir = g_getenv ("AMEND_SHARED_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = "../shared";
  path = g_build_filename (dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent: the shared corpus is not next to the project", path);

      amend_test_skip_unless_required (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* CI (.ci/run) sets AMEND_REQUIRE_SHARED=1: there what the tests need from
 * outside the repository (../shared: the corpus and the schemas; the
 * Dutch locale .ci/setup installs) must be there, and a test that cannot
 * have it fails rather than passing by skipping.  Elsewhere it skips. */
void
amend_test_skip_unless_required (const char *message)
{
  if (g_strcmp0 (g_getenv ("AMEND_REQUIRE_SHARED"), "1") == 0)
    g_test_fail_printf ("%s, and AMEND_REQUIRE_SHARED=1 requires it", message);
  else
    g_test_skip (message);
}

char *
amend_test_source_path (const char *relative)
{
  const char *dir = g_getenv ("AMEND_SOURCE_DIR");

  return g_build_filename (dir ? dir : ".", relative, NULL);
}

char *
amend_test_read_file (const char *path,
                      gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize n = 0;

  g_file_get_contents (path, &data, &n, &error);
  g_assert_no_error (error);
  if (len)
    *len = n;
  return data;
}

AmendDocument *
amend_test_parse (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  AmendDocument *doc = amend_document_new_from_data (markdown, strlen (markdown), &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

AmendDocument *
amend_test_parse_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmendDocument *doc = amend_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
amend_test_shared_files (const char *folder,
                         const char *suffix)
{
  g_autofree char *dir_path = amend_test_shared_path (folder);
  g_autoptr(GDir) dir = NULL;
  GPtrArray *files;
  const char *name;

  if (dir_path == NULL)
    return NULL;
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  files = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

guint
amend_test_count_kind (AmendDocument *doc,
                       AmendNodeKind  kind)
{
  AmendNode *root = amend_document_get_root (doc);
  guint n = 0;

  for (AmendNode *node = root; node != NULL; node = amend_node_next (node, root))
    if (node->kind == kind)
      n++;
  return n;
}

gboolean
amend_test_has_diagnostic (AmendDocument *doc,
                           AmendSeverity  severity,
                           guint          line,
                           const char    *needle)
{
  GPtrArray *diags = amend_document_get_diagnostics (doc);

  for (guint i = 0; i < diags->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (diags, i);
      if (d->severity == severity && (line == 0 || d->line == line) &&
          (needle == NULL || strstr (d->message, needle) != NULL))
        return TRUE;
    }
  return FALSE;
}

void
amend_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        amend_test_remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}
