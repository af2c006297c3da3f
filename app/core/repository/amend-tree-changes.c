/* amend-tree-changes.c: the files that differ between two trees, cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What git_diff_tree_to_tree() finds, without its setup: it reads the
 * repository's configuration every time, which was half of what comparing
 * one amendment cost in amend list.  A folder of the same id on both sides
 * is not looked into.
 */
#include "config.h"

#include <string.h>

#include "amend-repository-private.h"
#include "amend-tree-changes.h"

/* Folders deeper than this are not looked into: no regulation lives there,
 * and a package made to be deep must not exhaust the stack. */
#define MAX_DEPTH 64

typedef struct {
  git_repository *git;
  const char     *skip;   /* a name at the top not looked into, or NULL */
  GArray         *out;
} Walk;

static void add_changes (Walk *w, const git_tree *a, const git_tree *b, const char *prefix, guint depth);

static void
tree_change_clear (gpointer data)
{
  g_free (((AmendTreeChange *) data)->path);
}

/* The changes under @a and @b (entries at @path), a folder on one side
 * only or on both. */
static void
add_folder_changes (Walk                 *w,
                    const git_tree_entry *a,
                    const git_tree_entry *b,
                    const char           *path,
                    guint                 depth)
{
  g_autoptr(git_tree) ta = NULL;
  g_autoptr(git_tree) tb = NULL;
  g_autofree char *prefix = g_strconcat (path, "/", NULL);

  if (a && git_tree_entry_type (a) == GIT_OBJECT_TREE)
    git_tree_lookup (&ta, w->git, git_tree_entry_id (a));
  if (b && git_tree_entry_type (b) == GIT_OBJECT_TREE)
    git_tree_lookup (&tb, w->git, git_tree_entry_id (b));
  if ((ta || tb) && depth < MAX_DEPTH)
    add_changes (w, ta, tb, prefix, depth + 1);
}

static gboolean
is_file (const git_tree_entry *e)
{
  return e != NULL && git_tree_entry_type (e) != GIT_OBJECT_TREE;
}

/* A file (a blob, a symbolic link or a submodule) on either side. */
static void
add_change (const git_tree_entry *a,
            const git_tree_entry *b,
            const char           *path,
            GArray               *out)
{
  AmendTreeChange c = { 0 };

  if (!is_file (a) && !is_file (b))
    return;
  c.path = g_strdup (path);
  if (a && git_tree_entry_type (a) == GIT_OBJECT_BLOB)
    git_oid_cpy (&c.old_id, git_tree_entry_id (a));
  if (b && git_tree_entry_type (b) == GIT_OBJECT_BLOB)
    git_oid_cpy (&c.new_id, git_tree_entry_id (b));
  g_array_append_val (out, c);
}

static gboolean
same_entry (const git_tree_entry *a,
            const git_tree_entry *b)
{
  return a && b && git_oid_equal (git_tree_entry_id (a), git_tree_entry_id (b)) &&
         git_tree_entry_filemode (a) == git_tree_entry_filemode (b);
}

static void
add_changes (Walk           *w,
             const git_tree *a,
             const git_tree *b,
             const char     *prefix,
             guint           depth)
{
  for (int side = 0; side < 2; side++)
    {
      const git_tree *from = side == 0 ? a : b;
      const git_tree *other = side == 0 ? b : a;

      for (size_t i = 0; from != NULL && i < git_tree_entrycount (from); i++)
        {
          const git_tree_entry *e = git_tree_entry_byindex (from, i);
          const char *name = git_tree_entry_name (e);
          const git_tree_entry *o = other ? git_tree_entry_byname (other, name) : NULL;
          const git_tree_entry *ea = side == 0 ? e : o;
          const git_tree_entry *eb = side == 0 ? o : e;
          g_autofree char *path = NULL;

          /* Entries on both sides are seen from @a only. */
          if ((side == 1 && o != NULL) || same_entry (ea, eb) ||
              (depth == 0 && g_strcmp0 (name, w->skip) == 0))
            continue;
          path = g_strconcat (prefix, name, NULL);
          add_change (ea, eb, path, w->out);
          add_folder_changes (w, ea, eb, path, depth);
        }
    }
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const AmendTreeChange *) a)->path, ((const AmendTreeChange *) b)->path);
}

/**
 * amend_tree_changes:
 * @a: (nullable): the old tree; NULL for none
 * @b: (nullable): the new tree; NULL for none
 * @prefix: put before every path: "" for a commit's tree, "DIR/" for the
 *   tree of DIR
 * @skip: (nullable): a name in @a and @b not looked into (".amend"), or
 *   NULL
 *
 * Returns: (element-type AmendTreeChange): the files that differ, sorted
 *   by path; a file that became a folder or the other way round is one
 *   change and the folder's files are more
 */
GArray *
amend_tree_changes (git_repository *git,
                    const git_tree *a,
                    const git_tree *b,
                    const char     *prefix,
                    const char     *skip)
{
  Walk w = { git, skip, g_array_new (FALSE, FALSE, sizeof (AmendTreeChange)) };

  g_array_set_clear_func (w.out, tree_change_clear);
  add_changes (&w, a, b, prefix, 0);
  g_array_sort (w.out, compare_changes);
  return w.out;
}
