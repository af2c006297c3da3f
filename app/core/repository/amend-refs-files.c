/* amend-refs-files.c: a project's branches read from git's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of amendments whose branches and main did not move since the
 * last list is answered from .git/amend alone; all it needs of git is
 * which commit each branch points at.  Starting libgit2 costs more than
 * that whole list (Debian's libgit2 parses the system's certificate
 * bundle in git_libgit2_init, 54 million instructions, every time), so
 * the branches are read here the way git stores them: loose files under
 * refs/heads, then .git/packed-refs (gitrepository-layout(5)).
 *
 * This reader knows only the plain case, and says so: a worktree, a
 * repository format with extensions, a symbolic or damaged branch, a
 * lock file (git is writing), a name Amend would not make, a folder
 * owned by someone else: for all of those it has no answer, and the
 * caller opens the repository with libgit2, which knows them all.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "amend-oid.h"
#include "amend-refs-files.h"

#define AMENDMENT_PREFIX "refs/heads/amendement/"

void
amend_refs_files_free (AmendRefsFiles *self)
{
  if (self == NULL)
    return;
  g_free (self->git_dir);
  g_free (self->main);
  g_clear_pointer (&self->amendments, g_hash_table_unref);
  g_free (self);
}

static gboolean
is_dir (const char  *path,
        struct stat *st)
{
  return g_stat (path, st) == 0 && S_ISDIR (st->st_mode);
}

/* As libgit2 tells a git folder: HEAD, objects/ and refs/. */
static gboolean
looks_like_git_dir (const char *path)
{
  g_autofree char *head = g_build_filename (path, "HEAD", NULL);
  g_autofree char *objects = g_build_filename (path, "objects", NULL);
  g_autofree char *refs = g_build_filename (path, "refs", NULL);
  struct stat st;

  return g_file_test (head, G_FILE_TEST_IS_REGULAR) && is_dir (objects, &st) && is_dir (refs, &st);
}

/* A regular file of at most @max bytes, read whole; FALSE for anything
 * else (a FIFO would block, a huge file is not git's). */
static gboolean
read_regular (const char *path,
              gsize       max,
              char      **text,
              gsize      *len)
{
  struct stat st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size > max)
    return FALSE;
  return g_file_get_contents (path, text, len, NULL) && memchr (*text, '\0', *len) == NULL;
}

/* A repository format that only git knows how to read (sha256 ids, a
 * reftable, worktree configs) is left to libgit2, which checks it. */
static gboolean
plain_format (const char *git_dir)
{
  g_autofree char *path = g_build_filename (git_dir, "config", NULL);
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!read_regular (path, 64 * 1024, &text, &len))
    return FALSE;
  for (char *p = text; *p; p++)
    *p = g_ascii_tolower (*p);
  return strstr (text, "extensions") == NULL;
}

/* The .git folder of the working copy @start is in, found upward as
 * libgit2 finds it (on the same file system), or NULL where this reader
 * is not sure it would find the same one. */
static char *
find_git_dir (const char *start)
{
  g_autofree char *dir = realpath (start, NULL);
  struct stat st;
  dev_t dev;

  if (dir == NULL || !is_dir (dir, &st))
    return NULL;
  dev = st.st_dev;
  for (;;)
    {
      g_autofree char *dot_git = g_build_filename (dir, ".git", NULL);
      g_autofree char *common = g_build_filename (dot_git, "commondir", NULL);
      g_autofree char *parent = NULL;

      if (looks_like_git_dir (dir))
        return NULL;
      if (g_lstat (dot_git, &st) == 0)
        {
          /* libgit2 refuses a repository of another owner unless
           * safe.directory allows it: that is for it to say. */
          if (!S_ISDIR (st.st_mode) || st.st_uid != geteuid () || !looks_like_git_dir (dot_git) ||
              g_file_test (common, G_FILE_TEST_EXISTS) || !plain_format (dot_git))
            return NULL;
          return g_steal_pointer (&dot_git);
        }
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0 || !is_dir (parent, &st) || st.st_dev != dev)
        return NULL;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

/* A slug as Amend makes them; a branch named otherwise is read by
 * libgit2, which knows every rule of git's names. */
static gboolean
is_plain_slug (const char *slug)
{
  if (*slug == '\0' || *slug == '-')
    return FALSE;
  for (const char *p = slug; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

typedef enum { REF_ABSENT, REF_FOUND, REF_UNSURE } RefRead;

/* A loose ref: 40 hex digits and a newline, as git writes them. */
static RefRead
read_loose (const char *path,
            char        hex[41])
{
  char buf[48];
  ssize_t n = -1;
  struct stat st;
  /* Not blocking on a FIFO put where a branch should be. */
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);

  if (fd < 0)
    return errno == ENOENT ? REF_ABSENT : REF_UNSURE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    n = read (fd, buf, sizeof buf);
  close (fd);
  if (n != 41 || buf[40] != '\n' || !amend_oid_hex_prefix (buf))
    return REF_UNSURE;
  memcpy (hex, buf, 40);
  hex[40] = '\0';
  return REF_FOUND;
}

/* .git/packed-refs: "HEX NAME" lines, "^HEX" for the tag each peels to,
 * a "#" header first.  Only the branches wanted are kept. */
static gboolean
read_packed (const char *git_dir,
             GHashTable *packed)
{
  g_autofree char *path = g_build_filename (git_dir, "packed-refs", NULL);
  g_autofree char *text = NULL;
  char *line, *next;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!read_regular (path, 256 * 1024 * 1024, &text, &len) || (len > 0 && text[len - 1] != '\n'))
    return FALSE;
  for (line = text; *line; line = next)
    {
      next = strchr (line, '\n');
      *next++ = '\0';
      if ((line == text && line[0] == '#') || (line[0] == '^' && amend_oid_hex_prefix (line + 1) && line[41] == '\0'))
        continue;
      if (strlen (line) < 42 || !amend_oid_hex_prefix (line) || line[40] != ' ')
        return FALSE;
      line[40] = '\0';
      if (g_str_has_prefix (line + 41, AMENDMENT_PREFIX) || strcmp (line + 41, "refs/heads/main") == 0 ||
          strcmp (line + 41, "refs/heads/master") == 0)
        g_hash_table_insert (packed, g_strdup (line + 41), g_strdup (line));
    }
  return TRUE;
}

/* Every branch amendement/SLUG among the loose refs, into @found (slug ->
 * hex); FALSE where one is not as Amend and git would have left it. */
static gboolean
read_loose_amendments (const char *git_dir,
                       GHashTable *found)
{
  g_autofree char *path = g_build_filename (git_dir, AMENDMENT_PREFIX, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return errno == ENOENT;
  if (!S_ISDIR (st.st_mode) || (dir = g_dir_open (path, 0, &error)) == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      char hex[41];

      /* A .lock is git (or Amend) writing this branch right now; a
       * folder is a name Amend does not make. */
      if (!is_plain_slug (name) || read_loose (file, hex) != REF_FOUND)
        return FALSE;
      g_hash_table_insert (found, g_strdup (name), g_strdup (hex));
    }
  return TRUE;
}

/* main, else master, as amend_repository_dup_main_branch() chooses. */
static gboolean
read_main (AmendRefsFiles *self,
           GHashTable     *packed)
{
  static const char * const names[] = { "main", "master" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *ref = g_strconcat ("refs/heads/", names[i], NULL);
      g_autofree char *path = g_build_filename (self->git_dir, ref, NULL);
      const char *hex;

      switch (read_loose (path, self->main_hex))
        {
        case REF_FOUND:
          self->main = g_strdup (names[i]);
          return TRUE;
        case REF_UNSURE:
          return FALSE;
        case REF_ABSENT:
        default:
          if ((hex = g_hash_table_lookup (packed, ref)) == NULL)
            break;
          memcpy (self->main_hex, hex, 41);
          self->main = g_strdup (names[i]);
          return TRUE;
        }
    }
  return FALSE;
}

/* The packed branches amendement/SLUG that no loose file overrides. */
static gboolean
add_packed_amendments (AmendRefsFiles *self,
                       GHashTable     *packed)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, packed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *slug = (const char *) key + strlen (AMENDMENT_PREFIX);

      if (!g_str_has_prefix (key, AMENDMENT_PREFIX))
        continue;
      if (!is_plain_slug (slug))
        return FALSE;
      if (!g_hash_table_contains (self->amendments, slug))
        g_hash_table_insert (self->amendments, g_strdup (slug), g_strdup (value));
    }
  return TRUE;
}

/**
 * amend_refs_files_read:
 * @start: a folder in the working copy
 * @needs: (nullable): a file in the git folder ("amend/list.cache")
 *   without which the caller has no use for the branches: when it is
 *   missing, no branch is read (the caller reads them with libgit2)
 *
 * The project's main branch and its branches amendement/SLUG with their
 * tips, read from git's files without libgit2.
 *
 * Returns: (nullable): the branches, or %NULL where this reader is not
 *   sure (see above): the caller then asks libgit2.
 */
AmendRefsFiles *
amend_refs_files_read (const char *start,
                       const char *needs)
{
  g_autoptr(AmendRefsFiles) self = g_new0 (AmendRefsFiles, 1);
  g_autoptr(GHashTable) packed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if ((self->git_dir = find_git_dir (start)) == NULL)
    return NULL;
  if (needs != NULL)
    {
      g_autofree char *path = g_build_filename (self->git_dir, needs, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return NULL;
    }
  g_debug ("reading the branches from %s's files", self->git_dir);
  if (!read_packed (self->git_dir, packed) || !read_main (self, packed))
    return NULL;
  self->amendments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_loose_amendments (self->git_dir, self->amendments) || !add_packed_amendments (self, packed))
    return NULL;
  return g_steal_pointer (&self);
}

/* The tip of @branch ("main", "amendement/SLUG"), or NULL for none. */
const char *
amend_refs_files_tip (AmendRefsFiles *self,
                      const char     *branch)
{
  if (g_strcmp0 (branch, self->main) == 0)
    return self->main_hex;
  if (g_str_has_prefix (branch, "amendement/"))
    return g_hash_table_lookup (self->amendments, branch + strlen ("amendement/"));
  return NULL;
}
