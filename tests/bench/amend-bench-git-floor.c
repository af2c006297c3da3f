/* amend-bench-git-floor.c: the least an adoption through libgit2 must do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: amend-bench-git-floor REPOSITORY BRANCH FILE MERGED
 *
 * Initialises libgit2, opens REPOSITORY, reads FILE as it is in the merge
 * base of main and BRANCH and on BRANCH (main's version is the clean
 * working file, read from disk), and writes the bytes of MERGED as a new
 * blob.  No merge, no tree, no commit, no index, no working copy: every
 * adoption, however clever its merge, does at least this much, so
 * bench-merge prints it beside `amend adopt` and `git merge-file` to show
 * which part of the difference is libgit2's and which is Amend's.
 */
#include <git2.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

static void
check (int         status,
       const char *what)
{
  if (status < 0)
    {
      const git_error *e = git_error_last ();

      fprintf (stderr, "amend-bench-git-floor: %s: %s\n", what, e ? e->message : "failed");
      exit (1);
    }
}

/* Reads FILE at COMMIT (its blob inflated), returns its size. */
static size_t
read_at (git_repository *repo,
         const git_oid  *commit_id,
         const char     *file)
{
  git_commit *commit = NULL;
  git_tree *tree = NULL;
  git_tree_entry *entry = NULL;
  git_blob *blob = NULL;
  size_t size;

  check (git_commit_lookup (&commit, repo, commit_id), "commit");
  check (git_commit_tree (&tree, commit), "tree");
  check (git_tree_entry_bypath (&entry, tree, file), file);
  check (git_blob_lookup (&blob, repo, git_tree_entry_id (entry)), "blob");
  size = (size_t) git_blob_rawsize (blob);
  git_blob_free (blob);
  git_tree_entry_free (entry);
  git_tree_free (tree);
  git_commit_free (commit);
  return size;
}

int
main (int   argc,
      char *argv[])
{
  git_repository *repo = NULL;
  git_oid ours, theirs, base, written;
  g_autofree char *branch = NULL;
  g_autofree char *working = NULL;
  g_autofree char *merged = NULL;
  gsize merged_len = 0;
  gsize working_len = 0;
  size_t read_bytes;

  if (argc != 5)
    {
      fprintf (stderr, "Usage: amend-bench-git-floor REPOSITORY BRANCH FILE MERGED\n");
      return 2;
    }
  git_libgit2_init ();
  check (git_repository_open (&repo, argv[1]), argv[1]);
  branch = g_strconcat ("refs/heads/", argv[2], NULL);
  check (git_reference_name_to_id (&ours, repo, "refs/heads/main"), "main");
  check (git_reference_name_to_id (&theirs, repo, branch), branch);
  check (git_merge_base (&base, repo, &ours, &theirs), "merge base");
  read_bytes = read_at (repo, &base, argv[3]) + read_at (repo, &theirs, argv[3]);
  working = g_build_filename (argv[1], argv[3], NULL);
  if (!g_file_get_contents (working, NULL, &working_len, NULL) ||
      !g_file_get_contents (argv[4], &merged, &merged_len, NULL))
    return 1;
  check (git_blob_create_from_buffer (&written, repo, merged, merged_len), "write");
  printf ("%zu bytes read, %zu written\n", read_bytes + working_len, (size_t) merged_len);
  git_repository_free (repo);
  git_libgit2_shutdown ();
  return 0;
}
