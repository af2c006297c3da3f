/* amend-canonical-blobs.c: the regulations' blobs known to be in canonical form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A merge of an amendment and the draft that changed different articles
 * is made from the texts' parts (amend-merge-splice.c), and then read and
 * written once to see that it is canonical, as every merge writes: that
 * check was most of an adoption's own work.  When both sides are known to
 * be canonical the splice is too, and the check can go.  Which blobs are
 * is kept here, in .git/amend/canonical, one id a line, newest last:
 *
 * - a merge's result, when the splice made it (checked, or from canonical
 *   sides): the draft after an adoption, an amendment after an update;
 * - every regulation of an amendment when it is submitted, checked then
 *   (amend_canonical_blobs_check_commit()): a submitted amendment is what
 *   the council will adopt, usually after main has moved.
 *
 * Blob ids never change their content, so a line is never wrong; the file
 * keeps the last few hundred, is local like the other caches under
 * .git/amend/, and can be deleted at any time (the next merge then checks
 * as before).  Nothing fails when it cannot be read or written.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amend-canonical-blobs.h"
#include "amend-document-private.h"
#include "amend-repository-private.h"

/* Enough for every amendment a council has open at once; trimmed to half
 * when it grows past this. */
#define MAX_IDS 512

static char *
cache_path (AmendRepository *repo)
{
  return g_build_filename (git_repository_path (amend_repository_get_git (repo)), "amend", "canonical", NULL);
}

/* The file's text; FALSE when it is missing, unreadable, or larger than
 * Amend ever writes it (then it is not read, and is written anew). */
static gboolean
read_cache (const char *path,
            char      **text,
            gsize      *len)
{
  GStatBuf st;

  *text = NULL;
  *len = 0;
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > (goffset) MAX_IDS * (GIT_OID_HEXSZ + 1))
    return FALSE;
  return g_file_get_contents (path, text, len, NULL);
}

/* Whether the file's text holds @hex as a whole line. */
static gboolean
has_line (const char *text,
          gsize       len,
          const char *hex)
{
  for (gsize at = 0; at + GIT_OID_HEXSZ <= len; at += GIT_OID_HEXSZ + 1)
    {
      if (memcmp (text + at, hex, GIT_OID_HEXSZ) == 0)
        return TRUE;
      /* Each line is an id and a newline; anything else ends the search. */
      if (at + GIT_OID_HEXSZ < len && text[at + GIT_OID_HEXSZ] != '\n')
        return FALSE;
    }
  return FALSE;
}

/* Whether every one of @ids is known canonical: one reading of the file
 * for all the sides of a merge. */
gboolean
amend_canonical_blobs_contain (AmendRepository *repo,
                               const git_oid   *ids,
                               guint            n_ids)
{
  g_autofree char *path = cache_path (repo);
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!read_cache (path, &text, &len))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      char hex[GIT_OID_HEXSZ + 1];

      git_oid_tostr (hex, sizeof hex, &ids[i]);
      if (!has_line (text, len, hex))
        return FALSE;
    }
  return TRUE;
}

void
amend_canonical_blobs_add (AmendRepository *repo,
                           const git_oid   *ids,
                           guint            n_ids)
{
  g_autofree char *path = cache_path (repo);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr(GString) out = NULL;
  gsize len = 0;
  gsize lines, keep;

  if (!read_cache (path, &text, &len) || (len % (GIT_OID_HEXSZ + 1)) != 0)
    len = 0;
  lines = len / (GIT_OID_HEXSZ + 1);
  keep = lines + n_ids > MAX_IDS ? MIN (lines, MAX_IDS / 2) : lines;
  out = g_string_new_len (text ? text + len - keep * (GIT_OID_HEXSZ + 1) : NULL, keep * (GIT_OID_HEXSZ + 1));
  for (guint i = 0; i < n_ids; i++)
    {
      char hex[GIT_OID_HEXSZ + 1];

      git_oid_tostr (hex, sizeof hex, &ids[i]);
      if (!has_line (out->str, out->len, hex))
        g_string_append_printf (out, "%s\n", hex);
    }
  if (out->len == len && text && memcmp (out->str, text, len) == 0)
    return;
  /* Consistent (a rename), not durable: a cache lost at a crash is only
   * a check made again. */
  if (g_mkdir_with_parents (dir, 0777) == 0)
    g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, NULL);
}

typedef struct {
  AmendRepository *repo;
  GArray          *canonical;   /* of git_oid */
} Walk;

static int
check_entry (const char           *root,
             const git_tree_entry *entry,
             void                 *data)
{
  Walk *w = data;
  g_autofree char *path = g_strconcat (root, git_tree_entry_name (entry), NULL);
  g_autoptr(git_blob) blob = NULL;
  const git_oid *id = git_tree_entry_id (entry);

  if (git_tree_entry_type (entry) == GIT_OBJECT_TREE)
    return g_str_equal (path, ".amend") ? 1 : 0;   /* 1 skips the records */
  if (git_tree_entry_type (entry) != GIT_OBJECT_BLOB || g_str_has_prefix (path, ".amend/") ||
      !amend_is_regulation_path (path) || amend_canonical_blobs_contain (w->repo, id, 1) ||
      git_blob_lookup (&blob, amend_repository_get_git (w->repo), id) < 0)
    return 0;
  if (_amend_markdown_is_canonical (git_blob_rawcontent (blob), (gsize) git_blob_rawsize (blob), NULL))
    g_array_append_vals (w->canonical, id, 1);
  return 0;
}

/**
 * amend_canonical_blobs_check_commit:
 * @refname: the branch whose tip is checked
 *
 * Reads every regulation at the tip of @refname that is not known yet and
 * remembers those that are canonical.  Costs one reading and writing of
 * each; never fails.
 */
void
amend_canonical_blobs_check_commit (AmendRepository *repo,
                                    const char      *refname)
{
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(GArray) canonical = g_array_new (FALSE, FALSE, sizeof (git_oid));
  Walk w = { repo, canonical };

  if (!amend_repository_lookup_branch (repo, refname, &tip, NULL) || git_commit_tree (&tree, tip) < 0)
    return;
  git_tree_walk (tree, GIT_TREEWALK_PRE, check_entry, &w);
  if (canonical->len > 0)
    amend_canonical_blobs_add (repo, (const git_oid *) (gpointer) canonical->data, canonical->len);
}
