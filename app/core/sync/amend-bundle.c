/* amend-bundle.c: the git bundle format (v2, and v3 with sha1), read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing: the package of one amendment is a thin pack that Amend writes
 * itself (amend-thin-pack.c: the changed files as deltas against the
 * versions the prerequisite holds); any other, the whole project,
 * git_packbuilder packs (what the refs reach and the prerequisites do
 * not).  Either goes into a temporary file next to the target, renamed
 * over it at the end.  Reading: the header is parsed from memory (so that it can be
 * fuzzed), the pack streamed through git_indexer, which hashes every
 * object, checks the pack's trailing checksum and resolves every delta;
 * a truncated or tampered pack fails there, before anything is kept.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amend-oid.h"
#include "amend-bundle.h"
#include "amend-sync-private.h"
#include "amend-thin-pack.h"

#define CHUNK (256 * 1024)

static void
bundle_ref_free (gpointer data)
{
  AmendBundleRef *ref = data;

  g_free (ref->name);
  g_free (ref);
}

void
amend_bundle_free (AmendBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_clear_pointer (&bundle->prerequisites, g_array_unref);
  g_clear_pointer (&bundle->prerequisite_comments, g_ptr_array_unref);
  g_clear_pointer (&bundle->refs, g_ptr_array_unref);
  g_free (bundle);
}

static AmendBundle *
bundle_new (void)
{
  AmendBundle *bundle = g_new0 (AmendBundle, 1);

  bundle->prerequisites = g_array_new (FALSE, FALSE, sizeof (git_oid));
  bundle->prerequisite_comments = g_ptr_array_new_with_free_func (g_free);
  bundle->refs = g_ptr_array_new_with_free_func (bundle_ref_free);
  return bundle;
}

/* ----------------------------------------------------------------------- */
/* Reading the header                                                       */
/* ----------------------------------------------------------------------- */

static gboolean
not_a_bundle (const char *name,
              GError    **error)
{
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_A_PACKAGE,
               _("%s is not an amendment package: it does not begin as a git bundle does; "
                 "ask the sender for the file that amend package export wrote"), name);
  return FALSE;
}

static gboolean
damaged_header (const char *name,
                guint       line,
                GError    **error)
{
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
               _("%s is damaged: line %u of its list of branches cannot be read; ask the sender to send it again"),
               name, line);
  return FALSE;
}

/* 40 hexadecimal digits, lower or upper case, as git writes them. */
static gboolean
parse_oid (const char *text,
           gsize       len,
           git_oid    *out)
{
  char hex[GIT_OID_HEXSZ + 1];

  if (len < GIT_OID_HEXSZ)
    return FALSE;
  for (guint i = 0; i < GIT_OID_HEXSZ; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  memcpy (hex, text, GIT_OID_HEXSZ);
  hex[GIT_OID_HEXSZ] = '\0';
  return git_oid_fromstr (out, hex) == 0;
}

/* v3 capabilities: only "@object-format=sha1" is understood; a filtered
 * bundle (partial clone) or a sha256 one is refused by name. */
static gboolean
parse_capability (const char *line,
                  gsize       len,
                  const char *name,
                  GError    **error)
{
  g_autofree char *capability = g_strndup (line + 1, len - 1);
  g_autofree char *shown = NULL;

  if (g_strcmp0 (capability, "object-format=sha1") == 0)
    return TRUE;
  shown = g_strescape (capability, NULL);
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_A_PACKAGE,
               _("%s is a git bundle with the capability \xe2\x80\x9c%s\xe2\x80\x9d, which Amend does not read; "
                 "make it again without it (git bundle create without --filter, in a sha1 repository)"),
               name, shown);
  return FALSE;
}

static const AmendBundleRef *
find_ref (AmendBundle *bundle,
          const char  *refname)
{
  for (guint i = 0; i < bundle->refs->len; i++)
    {
      const AmendBundleRef *ref = g_ptr_array_index (bundle->refs, i);

      if (strcmp (ref->name, refname) == 0)
        return ref;
    }
  return NULL;
}

static gboolean
parse_line (AmendBundle *bundle,
            const char  *line,
            gsize        len,
            guint        number,
            const char  *name,
            GError     **error)
{
  git_oid id;

  if (line[0] == '@')
    {
      if (bundle->version != 3 || bundle->prerequisites->len > 0 || bundle->refs->len > 0)
        return damaged_header (name, number, error);
      return parse_capability (line, len, name, error);
    }
  if (line[0] == '-')
    {
      if (!parse_oid (line + 1, len - 1, &id) || (len > GIT_OID_HEXSZ + 1 && line[GIT_OID_HEXSZ + 1] != ' '))
        return damaged_header (name, number, error);
      g_array_append_val (bundle->prerequisites, id);
      g_ptr_array_add (bundle->prerequisite_comments,
                       len > GIT_OID_HEXSZ + 2 ? g_strndup (line + GIT_OID_HEXSZ + 2, len - GIT_OID_HEXSZ - 2)
                                               : g_strdup (""));
      return TRUE;
    }
  if (!parse_oid (line, len, &id) || len < GIT_OID_HEXSZ + 2 || line[GIT_OID_HEXSZ] != ' ')
    return damaged_header (name, number, error);
  {
    g_autofree char *refname = g_strndup (line + GIT_OID_HEXSZ + 1, len - GIT_OID_HEXSZ - 1);
    const AmendBundleRef *same = find_ref (bundle, refname);
    AmendBundleRef *ref;

    /* git bundle create writes a branch named twice on its command line
     * (amendement/x and refs/heads/amendement/x) twice: one branch. */
    if (same != NULL && git_oid_equal (&same->id, &id))
      return TRUE;
    if (same != NULL)
      {
        g_autofree char *shown = g_strescape (refname, NULL);

        g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
                     _("%s is damaged: it gives the branch %s twice, as two different versions; nothing was "
                       "taken from it, ask the sender to send it again"), name, shown);
        return FALSE;
      }
    ref = g_new0 (AmendBundleRef, 1);
    ref->id = id;
    ref->name = g_steal_pointer (&refname);
    g_ptr_array_add (bundle->refs, ref);
  }
  return TRUE;
}

AmendBundle *
amend_bundle_parse_header (const char *data,
                           gsize       len,
                           const char *name,
                           GError    **error)
{
  g_autoptr(AmendBundle) bundle = bundle_new ();
  gsize limit = MIN (len, (gsize) AMEND_BUNDLE_MAX_HEADER);
  gsize pos;
  guint number = 1;

  if (len >= 16 && memcmp (data, "# v2 git bundle\n", 16) == 0)
    bundle->version = 2;
  else if (len >= 16 && memcmp (data, "# v3 git bundle\n", 16) == 0)
    bundle->version = 3;
  else
    {
      not_a_bundle (name, error);
      return NULL;
    }

  for (pos = 16; pos < limit; number++)
    {
      const char *line = data + pos;
      const char *end = memchr (line, '\n', limit - pos);
      gsize line_len;

      if (end == NULL)
        break;
      line_len = (gsize) (end - line);
      pos += line_len + 1;
      if (line_len == 0)
        {
          if (bundle->refs->len == 0)
            {
              g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_A_PACKAGE,
                           _("%s holds no branch; ask the sender for the file that amend package export wrote"), name);
              return NULL;
            }
          bundle->header_length = pos;
          return g_steal_pointer (&bundle);
        }
      if (memchr (line, '\0', line_len) != NULL || !parse_line (bundle, line, line_len, number, name, error))
        {
          if (error && *error == NULL)
            damaged_header (name, number, error);
          return NULL;
        }
    }
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
               _("%s is damaged: its list of branches does not end; ask the sender to send it again"), name);
  return NULL;
}

static char *
format_size (goffset size)
{
  return g_format_size_full ((guint64) size, G_FORMAT_SIZE_IEC_UNITS);
}

AmendBundle *
amend_bundle_open (const char *path,
                   int        *fd_out,
                   goffset    *size_out,
                   GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *head = NULL;
  struct stat st;
  gssize n;
  gsize got = 0;
  gsize want;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot read %s: %s"), name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_A_PACKAGE,
                   _("%s is not a file; give the package file that amend package export wrote"), name);
      return NULL;
    }
  if (st.st_size > AMEND_PACKAGE_MAX_SIZE)
    {
      g_autofree char *size = format_size (st.st_size);
      g_autofree char *max = format_size (AMEND_PACKAGE_MAX_SIZE);

      close (fd);
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_TOO_LARGE,
                   _("%s is %s, larger than any package Amend reads (%s); it is not an amendment package, "
                     "or exchange so large a project with amend clone and amend pull"), name, size, max);
      return NULL;
    }
  want = MIN ((gsize) st.st_size, (gsize) AMEND_BUNDLE_MAX_HEADER + 1);
  head = g_malloc (want + 1);
  while (got < want && (n = read (fd, head + got, want - got)) > 0)
    got += (gsize) n;
  *fd_out = fd;
  *size_out = st.st_size;
  {
    AmendBundle *bundle = amend_bundle_parse_header (head, got, name, error);

    if (bundle == NULL)
      {
        close (fd);
        *fd_out = -1;
      }
    return bundle;
  }
}

/* ----------------------------------------------------------------------- */
/* Indexing the pack                                                        */
/* ----------------------------------------------------------------------- */

typedef struct {
  AmendSyncJob *job;
  guint64       bytes;
} IndexState;

static int
index_progress (const git_indexer_progress *stats,
                void                       *payload)
{
  IndexState *state = payload;

  if (amend_sync_job_is_cancelled (state->job))
    return -1;
  /* All received, then resolving: the report that says 100 % received
   * comes before the first delta. */
  if (stats->received_objects == stats->total_objects && stats->indexed_deltas > 0)
    amend_sync_job_progress (state->job, AMEND_SYNC_STAGE_RESOLVING, stats->indexed_deltas,
                             stats->total_deltas, state->bytes);
  else
    amend_sync_job_progress (state->job, AMEND_SYNC_STAGE_RECEIVING, stats->received_objects,
                             stats->total_objects, state->bytes);
  return 0;
}

static gboolean
index_failed (AmendSyncJob *job,
              const char   *name,
              GError      **error)
{
  const git_error *e = git_error_last ();

  if (amend_sync_job_is_cancelled (job))
    return amend_sync_job_set_cancelled_error (job, error);
  /* Writing the objects failed (a full disk, a folder that cannot be
   * written): the package is fine, the project's disk is not. */
  if (e != NULL && e->klass == GIT_ERROR_OS)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FAILED,
                   _("cannot take in %s: writing its versions into the project failed (%s); nothing was taken "
                     "from it: make room on the disk, or see that the project's folder can be written, and try again"),
                   name, e->message ? e->message : "");
      return FALSE;
    }
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
               _("%s is damaged or incomplete (%s); nothing was taken from it, ask the sender to send it again"),
               name, e && e->message ? e->message : _("the pack cannot be read"));
  return FALSE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_indexer, git_indexer_free)

/* The pack's header claims a number of objects, and libgit2 makes room
 * for that many before it reads one: a package that claims 800 million
 * took 7 GB (found by tests/fuzz/fuzz-package).  The smallest object is 9
 * bytes (a header byte and an empty zlib stream), so a claim the file
 * cannot hold is refused first. */
static gboolean
check_pack_header (AmendBundle *bundle,
                   int          fd,
                   const char  *name,
                   GError     **error)
{
  guchar head[12];
  struct stat st;
  guint64 count, room;

  if (fstat (fd, &st) != 0 || pread (fd, head, sizeof head, (off_t) bundle->header_length) != sizeof head ||
      memcmp (head, "PACK", 4) != 0)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
                   _("%s is damaged or incomplete (%s); nothing was taken from it, ask the sender to send it again"),
                   name, _("the pack cannot be read"));
      return FALSE;
    }
  count = ((guint64) head[8] << 24) | ((guint64) head[9] << 16) | ((guint64) head[10] << 8) | head[11];
  room = (guint64) st.st_size - bundle->header_length;
  if (room < 32 || count > (room - 32) / 9)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_DAMAGED,
                   _("%s is damaged or incomplete (%s); nothing was taken from it, ask the sender to send it again"),
                   name, _("the pack claims more objects than it can hold"));
      return FALSE;
    }
  return TRUE;
}

gboolean
amend_bundle_index (AmendBundle  *bundle,
                    int           fd,
                    const char   *name,
                    const char   *pack_dir,
                    git_odb      *odb,
                    AmendSyncJob *job,
                    char        **pack_name,
                    guint        *objects,
                    GError      **error)
{
  git_indexer_options opts = GIT_INDEXER_OPTIONS_INIT;
  g_autoptr(git_indexer) indexer = NULL;
  g_autofree char *buffer = g_malloc (CHUNK);
  git_indexer_progress stats = { 0 };
  IndexState state = { job, 0 };
  gssize n;

  if (!check_pack_header (bundle, fd, name, error))
    return FALSE;
  opts.progress_cb = index_progress;
  opts.progress_cb_payload = &state;
  opts.verify = 1;
  if (git_indexer_new (&indexer, pack_dir, 0, odb, &opts) < 0)
    return index_failed (job, name, error);
  if (lseek (fd, (off_t) bundle->header_length, SEEK_SET) < 0)
    return index_failed (job, name, error);
  while ((n = read (fd, buffer, CHUNK)) > 0)
    {
      state.bytes += (guint64) n;
      if (amend_sync_job_is_cancelled (job) || git_indexer_append (indexer, buffer, (size_t) n, &stats) < 0)
        return index_failed (job, name, error);
    }
  if (n < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot read %s: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (git_indexer_commit (indexer, &stats) < 0)
    return index_failed (job, name, error);
  amend_sync_job_progress_end (job);
  *pack_name = g_strdup_printf ("pack-%s", git_indexer_name (indexer));
  *objects = stats.total_objects;
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Writing                                                                  */
/* ----------------------------------------------------------------------- */

typedef struct {
  int           fd;
  AmendSyncJob *job;
  guint64       bytes;
  int           errsv;
} WriteState;

static gboolean
write_all (WriteState *state,
           const void *data,
           gsize       len)
{
  const char *p = data;

  while (len > 0)
    {
      gssize n = write (state->fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          state->errsv = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
      state->bytes += (guint64) n;
    }
  return TRUE;
}

static int
write_pack_chunk (void  *buf,
                  size_t size,
                  void  *payload)
{
  WriteState *state = payload;

  if (amend_sync_job_is_cancelled (state->job) || !write_all (state, buf, size))
    return -1;
  amend_sync_job_progress (state->job, AMEND_SYNC_STAGE_WRITING, 0, 0, state->bytes);
  return 0;
}

static int
pack_progress (int          stage,
               uint32_t     current,
               uint32_t     total,
               void        *payload)
{
  WriteState *state = payload;

  if (amend_sync_job_is_cancelled (state->job))
    return -1;
  amend_sync_job_progress (state->job,
                           stage == GIT_PACKBUILDER_ADDING_OBJECTS ? AMEND_SYNC_STAGE_COUNTING
                                                                   : AMEND_SYNC_STAGE_COMPRESSING,
                           current, stage == GIT_PACKBUILDER_ADDING_OBJECTS ? 0 : total, 0);
  return 0;
}

/* The first line of a commit's message: git writes it as the comment of a
 * prerequisite, so that a person reading the header knows the version. */
static char *
subject_of (git_repository *repo,
            const git_oid  *id)
{
  g_autoptr(git_commit) commit = NULL;
  const char *summary;

  if (git_commit_lookup (&commit, repo, id) < 0 || (summary = git_commit_summary (commit)) == NULL)
    return g_strdup ("");
  return g_strdup (summary);
}

static char *
header_text (git_repository *repo,
             GPtrArray      *refs,
             GArray         *prerequisites)
{
  GString *s = g_string_new ("# v2 git bundle\n");
  char hex[GIT_OID_HEXSZ + 1];

  for (guint i = 0; prerequisites && i < prerequisites->len; i++)
    {
      const git_oid *id = &g_array_index (prerequisites, git_oid, i);
      g_autofree char *subject = subject_of (repo, id);

      g_strdelimit (subject, "\n\r", ' ');
      git_oid_tostr (hex, sizeof hex, id);
      g_string_append_printf (s, "-%s %s\n", hex, subject);
    }
  for (guint i = 0; i < refs->len; i++)
    {
      AmendBundleRef *ref = g_ptr_array_index (refs, i);

      git_oid_tostr (hex, sizeof hex, &ref->id);
      g_string_append_printf (s, "%s %s\n", hex, ref->name);
    }
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_packbuilder, git_packbuilder_free)

static void
add_oid (GHashTable    *set,
         const git_oid *id)
{
  git_oid *copy = g_new (git_oid, 1);

  *copy = *id;
  g_hash_table_add (set, copy);
}

/* Every tree and file of @tree, into @set. */
static void
collect_tree (git_repository *repo,
              const git_oid  *tree_id,
              GHashTable     *set)
{
  g_autoptr(git_tree) tree = NULL;

  if (g_hash_table_contains (set, tree_id) || git_tree_lookup (&tree, repo, tree_id) < 0)
    return;
  add_oid (set, tree_id);
  for (size_t i = 0; i < git_tree_entrycount (tree); i++)
    {
      const git_tree_entry *e = git_tree_entry_byindex (tree, i);

      if (git_tree_entry_type (e) == GIT_OBJECT_TREE)
        collect_tree (repo, git_tree_entry_id (e), set);
      /* A submodule's id is a commit of another repository, not an object
       * the receiver has: a file with the same id must still be sent. */
      else if (git_tree_entry_type (e) == GIT_OBJECT_BLOB)
        add_oid (set, git_tree_entry_id (e));
    }
}

/* What the receiver has at @path (the edge's version of it), the base
 * of a delta: git's thin pack. */
static void
find_base (git_tree           *edge_tree,
           const char         *path,
           GHashTable         *have,
           AmendThinPackEntry *entry)
{
  g_autoptr(git_tree_entry) found = NULL;
  const git_oid *id;

  if (edge_tree == NULL)
    return;
  if (*path == '\0')
    id = git_tree_id (edge_tree);
  else if (git_tree_entry_bypath (&found, edge_tree, path) == 0)
    id = git_tree_entry_id (found);
  else
    {
      git_error_clear ();
      return;
    }
  if (!git_oid_equal (id, &entry->id) && g_hash_table_contains (have, id))
    {
      entry->base = *id;
      entry->has_base = TRUE;
    }
}

typedef struct {
  git_repository *repo;
  git_tree       *edge_tree;  /* the tree the branch started from */
  GHashTable     *have;       /* what the receiver has: the edge's objects */
  GHashTable     *sent;       /* what the pack holds already */
  GArray         *entries;    /* of AmendThinPackEntry */
} Collecting;

static void
add_entry (Collecting    *c,
           const git_oid *id,
           const char    *path)
{
  AmendThinPackEntry entry = { .id = *id };

  add_oid (c->sent, id);
  if (path != NULL)
    find_base (c->edge_tree, path, c->have, &entry);
  g_array_append_val (c->entries, entry);
}

static gboolean
is_known (Collecting    *c,
          const git_oid *id)
{
  return g_hash_table_contains (c->have, id) || g_hash_table_contains (c->sent, id);
}

/* The trees and files of @tree_id (at @path) that the receiver lacks. */
static int
collect_new_tree (Collecting    *c,
                  const git_oid *tree_id,
                  const char    *path)
{
  g_autoptr(git_tree) tree = NULL;
  int rc;

  if (is_known (c, tree_id))
    return 0;
  add_entry (c, tree_id, path);
  if ((rc = git_tree_lookup (&tree, c->repo, tree_id)) < 0)
    return rc;
  for (size_t i = 0; i < git_tree_entrycount (tree); i++)
    {
      const git_tree_entry *e = git_tree_entry_byindex (tree, i);
      g_autofree char *sub = *path ? g_strconcat (path, "/", git_tree_entry_name (e), NULL)
                                   : g_strdup (git_tree_entry_name (e));

      if (git_tree_entry_type (e) == GIT_OBJECT_TREE)
        {
          if ((rc = collect_new_tree (c, git_tree_entry_id (e), sub)) < 0)
            return rc;
        }
      else if (git_tree_entry_type (e) == GIT_OBJECT_BLOB && !is_known (c, git_tree_entry_id (e)))
        add_entry (c, git_tree_entry_id (e), sub);
    }
  return 0;
}

/* The edge: parents outside the branch; what they have is not sent, and
 * the first one's tree gives the bases of the deltas. */
static gboolean
collect_edge (Collecting *c,
              GPtrArray  *loaded,
              GHashTable *walked)
{
  for (guint i = loaded->len; i-- > 0;)
    for (unsigned int k = 0; k < git_commit_parentcount (g_ptr_array_index (loaded, i)); k++)
      {
        const git_oid *parent_id = git_commit_parent_id (g_ptr_array_index (loaded, i), k);
        g_autoptr(git_commit) parent = NULL;

        if (g_hash_table_contains (walked, parent_id))
          continue;
        if (git_commit_lookup (&parent, c->repo, parent_id) < 0)
          return FALSE;
        if (c->edge_tree == NULL && git_tree_lookup (&c->edge_tree, c->repo, git_commit_tree_id (parent)) < 0)
          return FALSE;
        collect_tree (c->repo, git_commit_tree_id (parent), c->have);
      }
  return TRUE;
}

/* One branch on one prerequisite, the package of an amendment: the
 * commits come from Amend's walk (libgit2's walk with a hidden commit
 * reads the whole history, a third of a second on 5,000 commits), the
 * trees and files from what the commits at its edge lack (the ones it
 * branched from), as git rev-list --objects chooses them; a changed file
 * gets the edge's version as its delta base.  FALSE when the walk cannot
 * tell. */
static gboolean
collect_branch (git_repository *repo,
                const git_oid  *tip,
                const git_oid  *base,
                GArray         *entries,
                int            *rc)
{
  g_autoptr(GArray) commits = g_array_new (FALSE, FALSE, sizeof (git_oid));
  g_autoptr(GHashTable) have = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free, NULL);
  g_autoptr(GHashTable) sent = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free, NULL);
  g_autoptr(GHashTable) walked = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free, NULL);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) git_commit_free);
  Collecting c = { repo, NULL, have, sent, entries };
  gboolean ok = TRUE;
  git_oid point;

  *rc = 0;
  if (!amend_sync_walk_branch (repo, tip, base, &point, NULL, commits) || commits->len == 0)
    return FALSE;
  for (guint i = 0; i < commits->len; i++)
    {
      git_commit *commit = NULL;

      if (git_commit_lookup (&commit, repo, &g_array_index (commits, git_oid, i)) < 0)
        return FALSE;
      g_ptr_array_add (loaded, commit);
      add_oid (walked, git_commit_id (commit));
    }
  if (!collect_edge (&c, loaded, walked))
    ok = FALSE;
  /* Oldest first, each commit before its new trees and files. */
  for (guint i = loaded->len; ok && i-- > 0;)
    {
      git_commit *commit = g_ptr_array_index (loaded, i);

      add_entry (&c, git_commit_id (commit), NULL);
      if ((*rc = collect_new_tree (&c, git_commit_tree_id (commit), "")) < 0)
        break;
    }
  git_tree_free (c.edge_tree);
  if (!ok)
    g_array_set_size (entries, 0);
  return ok;
}

/* Which earlier version of a path a new one is a delta against: the one
 * before it, every 16th against the 16th before, every 256th against the
 * 256th before, every 4096th whole.  So no chain of deltas is longer than
 * 45 (git keeps them under 50, pack.depth), and each base comes earlier
 * in the pack. */
static gboolean
base_version (guint  i,
              guint *base)
{
  if (i % 4096 == 0)
    return FALSE;
  *base = i % 256 == 0 ? i - 256 : i % 16 == 0 ? i - 16 : i - 1;
  return TRUE;
}

typedef struct {
  git_repository *repo;
  GHashTable     *sent;      /* what the pack holds already */
  GHashTable     *versions;  /* path to a GArray of git_oid: its versions so far */
  GArray         *entries;   /* of AmendThinPackEntry */
} Versions;

static void
add_version (Versions      *v,
             const git_oid *id,
             const char    *path)
{
  AmendThinPackEntry entry = { .id = *id };
  GArray *seen = g_hash_table_lookup (v->versions, path);
  guint base;

  if (seen == NULL)
    {
      seen = g_array_new (FALSE, FALSE, sizeof (git_oid));
      g_hash_table_insert (v->versions, g_strdup (path), seen);
    }
  if (base_version (seen->len, &base))
    {
      entry.base = g_array_index (seen, git_oid, base);
      entry.has_base = TRUE;
    }
  g_array_append_val (seen, *id);
  add_oid (v->sent, id);
  g_array_append_val (v->entries, entry);
}

/* The trees and files of @tree_id (at @path) the pack does not hold yet,
 * each a delta against an earlier version of its path. */
static int
collect_versions (Versions      *v,
                  const git_oid *tree_id,
                  const char    *path)
{
  g_autoptr(git_tree) tree = NULL;
  int rc;

  if (g_hash_table_contains (v->sent, tree_id))
    return 0;
  add_version (v, tree_id, path);
  if ((rc = git_tree_lookup (&tree, v->repo, tree_id)) < 0)
    return rc;
  for (size_t i = 0; i < git_tree_entrycount (tree); i++)
    {
      const git_tree_entry *e = git_tree_entry_byindex (tree, i);
      g_autofree char *sub = g_strconcat (path, "/", git_tree_entry_name (e), NULL);

      if (git_tree_entry_type (e) == GIT_OBJECT_TREE)
        {
          if ((rc = collect_versions (v, git_tree_entry_id (e), sub)) < 0)
            return rc;
        }
      else if (git_tree_entry_type (e) == GIT_OBJECT_BLOB && !g_hash_table_contains (v->sent, git_tree_entry_id (e)))
        add_version (v, git_tree_entry_id (e), sub);
    }
  return 0;
}

/* The whole project, oldest commit first: git_packbuilder (libgit2 1.5)
 * reuses none of the deltas on disk and tries ten bases for every
 * version of the regulation, minutes on a long history; here each version
 * is a delta against one earlier version of its path. */
static int
collect_whole (git_repository *repo,
               GPtrArray      *refs,
               GArray         *entries)
{
  g_autoptr(git_revwalk) walk = NULL;
  g_autoptr(GHashTable) sent = g_hash_table_new_full (amend_oid_hash, amend_oid_equal, g_free, NULL);
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_array_unref);
  Versions v = { repo, sent, versions, entries };
  git_oid id;
  int rc;

  if ((rc = git_revwalk_new (&walk, repo)) < 0 ||
      (rc = git_revwalk_sorting (walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE)) < 0)
    return rc;
  for (guint i = 0; i < refs->len; i++)
    if ((rc = git_revwalk_push (walk, &((AmendBundleRef *) g_ptr_array_index (refs, i))->id)) < 0)
      return rc;
  while ((rc = git_revwalk_next (&id, walk)) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      AmendThinPackEntry entry = { .id = id };

      g_array_append_val (entries, entry);
      if ((rc = git_commit_lookup (&commit, repo, &id)) < 0 ||
          (rc = collect_versions (&v, git_commit_tree_id (commit), "")) < 0)
        return rc;
    }
  return rc == GIT_ITEROVER ? 0 : rc;
}

/* The package of one amendment (one branch on its prerequisites) is a thin
 * pack that Amend writes, and so is the whole project's (no
 * prerequisites); @out stays NULL for any other, which git_packbuilder
 * writes. */
static gboolean
plan_thin (git_repository *repo,
           GPtrArray      *refs,
           GArray         *prerequisites,
           WriteState     *state,
           GArray        **out,
           GError        **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (AmendThinPackEntry));
  int rc = 0;

  if (amend_sync_job_is_cancelled (state->job))
    return amend_sync_job_set_cancelled_error (state->job, error);
  if (prerequisites == NULL || prerequisites->len == 0)
    rc = collect_whole (repo, refs, entries);
  else if (refs->len != 1 ||
           !collect_branch (repo, &((AmendBundleRef *) g_ptr_array_index (refs, 0))->id,
                            &g_array_index (prerequisites, git_oid, 0), entries, &rc))
    return TRUE;
  if (rc < 0)
    return amend_sync_set_git_error (error, rc, _("cannot collect what goes into the package"));
  amend_sync_job_progress (state->job, AMEND_SYNC_STAGE_COUNTING, entries->len, 0, 0);
  amend_sync_job_progress_end (state->job);
  *out = g_steal_pointer (&entries);
  return TRUE;
}

static gboolean
write_thin_chunk (const void *data,
                  gsize       len,
                  gpointer    user_data)
{
  return write_pack_chunk ((void *) data, len, user_data) == 0;
}

static gboolean
write_pack (git_repository  *repo,
            git_packbuilder *pb,
            GArray          *thin,
            WriteState      *state,
            guint           *objects,
            GError         **error)
{
  g_autoptr(git_odb) odb = NULL;
  guint deltas;
  int rc;

  if (thin == NULL)
    {
      *objects = (guint) git_packbuilder_object_count (pb);
      return git_packbuilder_foreach (pb, write_pack_chunk, state) == 0;
    }
  if ((rc = git_repository_odb (&odb, repo)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot start the package"));
  *objects = thin->len;
  return amend_thin_pack_write (odb, thin, write_thin_chunk, state, &deltas, error);
}

static gboolean
build_pack (git_repository   *repo,
            GPtrArray        *refs,
            GArray           *prerequisites,
            WriteState       *state,
            git_packbuilder **out,
            GError          **error)
{
  g_autoptr(git_packbuilder) pb = NULL;
  g_autoptr(git_revwalk) walk = NULL;
  int rc;

  if ((rc = git_packbuilder_new (&pb, repo)) < 0 || (rc = git_revwalk_new (&walk, repo)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot start the package"));
  git_packbuilder_set_threads (pb, 0);
  git_packbuilder_set_callbacks (pb, pack_progress, state);
  for (guint i = 0; i < refs->len; i++)
    if ((rc = git_revwalk_push (walk, &((AmendBundleRef *) g_ptr_array_index (refs, i))->id)) < 0)
      return amend_sync_set_git_error (error, rc, _("cannot read the branches to package"));
  for (guint i = 0; prerequisites && i < prerequisites->len; i++)
    if ((rc = git_revwalk_hide (walk, &g_array_index (prerequisites, git_oid, i))) < 0)
      return amend_sync_set_git_error (error, rc, _("cannot read the version the package starts from"));
  /* insert_walk also leaves out the trees and files of the hidden
   * commits, so an amendment's package holds only what it changed. */
  if ((rc = git_packbuilder_insert_walk (pb, walk)) < 0)
    {
      if (amend_sync_job_is_cancelled (state->job))
        return amend_sync_job_set_cancelled_error (state->job, error);
      return amend_sync_set_git_error (error, rc, _("cannot collect what goes into the package"));
    }
  amend_sync_job_progress_end (state->job);
  *out = g_steal_pointer (&pb);
  return TRUE;
}

static gboolean
write_failed (WriteState *state,
              const char *path,
              GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (amend_sync_job_is_cancelled (state->job))
    return amend_sync_job_set_cancelled_error (state->job, error);
  if (state->errsv != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (state->errsv),
                   _("cannot write %s: %s"), name, g_strerror (state->errsv));
      return FALSE;
    }
  return amend_sync_set_git_error (error, -1, _("cannot write %s"), name);
}

static gboolean
finish_file (WriteState *state,
             const char *tmp,
             const char *path,
             GError    **error)
{
  mode_t mask = umask (0);

  umask (mask);
  if (fchmod (state->fd, 0666 & ~mask) != 0 || fsync (state->fd) != 0)
    state->errsv = errno;
  if (close (state->fd) != 0 && state->errsv == 0)
    state->errsv = errno;
  state->fd = -1;
  if (state->errsv == 0 && g_rename (tmp, path) != 0)
    state->errsv = errno;
  if (state->errsv != 0)
    return write_failed (state, path, error);
  return TRUE;
}

/* Into a file that is not a regular one (see amend_bundle_write). */
static gboolean
write_special (git_repository  *repo,
               git_packbuilder *pb,
               GArray          *thin,
               const char      *header,
               const char      *path,
               WriteState      *state,
               guint           *objects,
               guint64         *bytes,
               GError         **error)
{
  gboolean ok;

  state->fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  if (state->fd < 0)
    {
      state->errsv = errno;
      return write_failed (state, path, error);
    }
  ok = write_all (state, header, strlen (header)) && write_pack (repo, pb, thin, state, objects, error);
  if (close (state->fd) != 0 && ok)
    {
      state->errsv = errno;
      ok = FALSE;
    }
  state->fd = -1;
  if (!ok)
    {
      if (error && *error == NULL)
        write_failed (state, path, error);
      return FALSE;
    }
  amend_sync_job_progress_end (state->job);
  *bytes = state->bytes;
  return TRUE;
}

gboolean
amend_bundle_write (git_repository *repo,
                    GPtrArray      *refs,
                    GArray         *prerequisites,
                    const char     *path,
                    AmendSyncJob   *job,
                    guint          *objects,
                    guint64        *bytes,
                    GError        **error)
{
  g_autoptr(git_packbuilder) pb = NULL;
  g_autoptr(GArray) thin = NULL;
  g_autofree char *header = header_text (repo, refs, prerequisites);
  g_autofree char *target = realpath (path, NULL);
  g_autofree char *tmp = NULL;
  WriteState state = { -1, job, 0, 0 };
  struct stat st;

  if (!plan_thin (repo, refs, prerequisites, &state, &thin, error) ||
      (thin == NULL && !build_pack (repo, refs, prerequisites, &state, &pb, error)))
    return FALSE;
  /* A symbolic link stays, the file it names is replaced; a terminal, a
   * FIFO or /dev/null is written into, not replaced by a file. */
  if (target == NULL)
    target = g_strdup (path);
  if (g_stat (target, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    return write_special (repo, pb, thin, header, target, &state, objects, bytes, error);
  /* Next to the target, so that the rename is atomic: a crash leaves the
   * old file or the new one. */
  path = target;
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  state.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (state.fd < 0)
    {
      state.errsv = errno;
      return write_failed (&state, path, error);
    }
  if (!write_all (&state, header, strlen (header)) ||
      !write_pack (repo, pb, thin, &state, objects, error) ||
      !finish_file (&state, tmp, path, error))
    {
      if (state.fd >= 0)
        {
          close (state.fd);
          if (error && *error == NULL)
            write_failed (&state, path, error);
        }
      else if (error && *error == NULL)
        write_failed (&state, path, error);
      g_unlink (tmp);
      return FALSE;
    }
  amend_sync_job_progress_end (job);
  *bytes = state.bytes;
  return TRUE;
}
