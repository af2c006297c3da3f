/* amend-amendment-list.c: amendments read from their branches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What amend list, the window and the decisions know of each amendment:
 * its record at the tip of its branch, how it stands to main (ahead,
 * behind, where it left), and the articles it changes, each file by the
 * blobs at both ends (amend-article-map.c; the branch's own artikelen
 * file where it holds).  Also the artikelen file itself, which a save or
 * a merge into the branch writes (amend_amendment_write_touched).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-amendment-private.h"
#include "amend-article-map.h"
#include "amend-graph.h"
#include "amend-tree-changes.h"

typedef struct {
  AmendRepository *repo;
  git_repository  *git;
  git_oid          main_id;
  char             main_hex[GIT_OID_HEXSZ + 1];
  gboolean         has_main;
  AmendArticleMap *map;
  GHashTable      *blobs;   /* blob id -> GBytes, the merge-base side */
  gboolean         record_only; /* the articles it touches are not wanted */
} Reader;

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->map, amend_article_map_free);
  g_clear_pointer (&r->blobs, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
reader_init (Reader          *r,
             AmendRepository *repo,
             GError         **error)
{
  g_autofree char *main_branch = NULL;
  g_autofree char *main_ref = NULL;

  r->repo = repo;
  r->git = amend_repository_get_git (repo);
  {
    g_autofree char *cache = g_build_filename (git_repository_path (r->git), "amend", "articles.cache", NULL);
    r->map = amend_article_map_new (cache);
  }
  r->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  main_branch = amend_repository_dup_main_branch (repo, error);
  if (main_branch == NULL)
    return FALSE;
  main_ref = g_strconcat ("refs/heads/", main_branch, NULL);
  if (git_reference_name_to_id (&r->main_id, r->git, main_ref) < 0)
    return amend_repository_set_git_error (error, -1, _("cannot read the branch %s"), main_branch);
  git_oid_tostr (r->main_hex, sizeof r->main_hex, &r->main_id);
  r->has_main = TRUE;
  return TRUE;
}

/* The blob's bytes without a copy: the GBytes owns the git_blob. */
static GBytes *
blob_bytes (git_repository *git,
            const git_oid  *id)
{
  git_blob *blob = NULL;

  if (git_blob_lookup (&blob, git, id) < 0)
    return NULL;
  return g_bytes_new_with_free_func (git_blob_rawcontent (blob), git_blob_rawsize (blob),
                                     (GDestroyNotify) git_blob_free, blob);
}

static GBytes *
base_bytes (Reader        *r,
            const git_oid *id,
            const char    *key)
{
  GBytes *bytes = g_hash_table_lookup (r->blobs, key);

  if (bytes == NULL && (bytes = blob_bytes (r->git, id)) != NULL)
    g_hash_table_insert (r->blobs, g_strdup (key), bytes);
  return bytes ? g_bytes_ref (bytes) : NULL;
}

static void
add_article (GPtrArray  *all,
             const char *number)
{
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (g_ptr_array_index (all, i), number) == 0)
      return;
  g_ptr_array_add (all, g_strdup (number));
}

/* The regulation files changed between @base_tree (NULL: none) and
 * @tip_tree, each with the articles the change touches, into @files (of
 * AmendTouchedFile).  A line of @stored (the branch's artikelen file) is
 * taken where its blob ids are the change's own; @found, when given, gets
 * every answer, for the artikelen file save writes. */
static gboolean
touched_files (Reader     *r,
               git_tree   *base_tree,
               git_tree   *tip_tree,
               GHashTable *stored,
               GHashTable *found,
               GPtrArray  *files,
               GError    **error)
{
  /* .amend/ holds no regulation. */
  g_autoptr(GArray) changes = amend_tree_changes (r->git, base_tree, tip_tree, "", ".amend");

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendTreeChange *d = &g_array_index (changes, AmendTreeChange, i);
      const char *path = d->path;
      AmendTouchedFile *file;
      char key[GIT_OID_HEXSZ + 1];
      char new_key[GIT_OID_HEXSZ + 1];

      /* A submodule on both sides holds no text of its own. */
      if (!amend_is_regulation_path (path) || (git_oid_is_zero (&d->old_id) && git_oid_is_zero (&d->new_id)))
        continue;
      git_oid_tostr (key, sizeof key, &d->old_id);
      git_oid_tostr (new_key, sizeof new_key, &d->new_id);
      file = g_new0 (AmendTouchedFile, 1);
      file->path = g_strdup (path);
      file->articles = amend_touched_stored_lookup (stored, key, new_key, path);
      /* An amendment that did not change since the last list reads no blob. */
      if (file->articles == NULL)
        file->articles = amend_article_map_lookup (r->map, key, new_key);
      if (file->articles == NULL)
        {
          g_autoptr(GBytes) old_text = NULL;
          g_autoptr(GBytes) new_text = NULL;

          if (!git_oid_is_zero (&d->old_id))
            old_text = base_bytes (r, &d->old_id, key);
          if (!git_oid_is_zero (&d->new_id))
            new_text = blob_bytes (r->git, &d->new_id);
          file->articles = amend_article_map_touched (r->map, key, new_key, old_text, new_text);
        }
      if (found != NULL)
        amend_touched_stored_add (found, key, new_key, path, (const char * const *) file->articles);
      g_ptr_array_add (files, file);
    }
  return TRUE;
}

/* The artikelen file in the amendment's folder @dir (.amend/amendementen/
 * SLUG on its branch), or NULL: not there, or not to be believed
 * (AMEND_TOUCHED_STORED=0, which the benchmark and the tests use to check
 * the file against what the list finds without it). */
static GHashTable *
stored_touched (Reader   *r,
                git_tree *dir)
{
  const git_tree_entry *entry = dir ? git_tree_entry_byname (dir, AMEND_TOUCHED_STORED_NAME) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  const char *data;

  if (entry == NULL || git_tree_entry_type (entry) != GIT_OBJECT_BLOB ||
      g_strcmp0 (g_getenv ("AMEND_TOUCHED_STORED"), "0") == 0)
    return NULL;
  bytes = blob_bytes (r->git, git_tree_entry_id (entry));
  data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
  return data ? amend_touched_stored_parse (data, len) : NULL;
}

/* The folder .amend/amendementen/@slug in @tree, or NULL. */
static git_tree *
amendment_folder (git_repository *git,
                  git_tree       *tree,
                  const char     *slug)
{
  g_autofree char *path = g_build_path ("/", AMEND_AMENDMENT_RECORD_DIR, slug, NULL);
  g_autoptr(git_tree_entry) entry = NULL;
  git_tree *dir = NULL;

  if (tree == NULL || git_tree_entry_bypath (&entry, tree, path) < 0 ||
      git_tree_entry_type (entry) != GIT_OBJECT_TREE || git_tree_lookup (&dir, git, git_tree_entry_id (entry)) < 0)
    return NULL;
  return dir;
}

/* The regulation files changed between @base (NULL: none) and @tip_tree,
 * and the articles of each that the change touches; @dir is the
 * amendment's folder, where its artikelen file may answer. */
static gboolean
read_touched (Reader         *r,
              AmendAmendment *self,
              const git_oid  *base,
              git_tree       *tip_tree,
              git_tree       *dir,
              GError        **error)
{
  g_autoptr(git_commit) base_commit = NULL;
  g_autoptr(git_tree) base_tree = NULL;
  g_autoptr(GHashTable) stored = stored_touched (r, dir);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

  if (base != NULL && (git_commit_lookup (&base_commit, r->git, base) < 0 ||
                       git_commit_tree (&base_tree, base_commit) < 0))
    return amend_repository_set_git_error (error, -1, _("cannot compare %s with main"), self->branch);
  if (!touched_files (r, base_tree, tip_tree, stored, NULL, self->files, error))
    return FALSE;
  for (guint i = 0; i < self->files->len; i++)
    {
      AmendTouchedFile *file = g_ptr_array_index (self->files, i);

      for (guint k = 0; file->articles[k]; k++)
        add_article (all, file->articles[k]);
    }
  g_ptr_array_add (all, NULL);
  g_strfreev (self->articles);
  self->articles = (GStrv) g_ptr_array_steal (all, NULL);
  return TRUE;
}

static AmendTouchedFile *
touched_file_copy (const AmendTouchedFile *file)
{
  AmendTouchedFile *copy = g_new0 (AmendTouchedFile, 1);

  copy->path = g_strdup (file->path);
  copy->articles = g_strdupv (file->articles);
  return copy;
}

/* What read_amendment() found, for amend_article_map_add_row(). */
static AmendListRow *
row_of (AmendAmendment      *self,
        const git_signature *committer,
        GBytes              *record)
{
  AmendListRow *row = g_new0 (AmendListRow, 1);

  row->time = committer->when.time;
  row->offset = committer->when.offset;
  row->ahead = self->ahead;
  row->behind = self->behind;
  if (record != NULL)
    {
      gsize len = 0;
      const char *text = g_bytes_get_data (record, &len);

      row->record = g_strndup (text ? text : "", len);
      row->record_len = len;
    }
  row->files = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_touched_file_free);
  for (guint i = 0; i < self->files->len; i++)
    g_ptr_array_add (row->files, touched_file_copy (g_ptr_array_index (self->files, i)));
  return row;
}

/* The amendment as an earlier amend list read it at the same tip and
 * main (amend-article-map.c): no git object is read. */
static AmendAmendment *
amendment_from_row (const char         *slug,
                    const char         *tip,
                    const AmendListRow *row,
                    GError            **error)
{
  g_autoptr(AmendAmendment) self = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

  if (row->record != NULL)
    self = amend_amendment_new_from_data (slug, row->record, row->record_len, error);
  else
    {
      self = g_object_new (AMEND_TYPE_AMENDMENT, NULL);
      _amend_amendment_set_slug (self, slug);
    }
  if (self == NULL)
    return NULL;
  self->commit = g_strdup (tip);
  self->last_change = amend_repository_time_to_date (row->time, row->offset);
  self->ahead = row->ahead;
  self->behind = row->behind;
  for (guint i = 0; i < row->files->len; i++)
    {
      AmendTouchedFile *file = touched_file_copy (g_ptr_array_index (row->files, i));

      for (guint k = 0; file->articles && file->articles[k]; k++)
        add_article (all, file->articles[k]);
      g_ptr_array_add (self->files, file);
    }
  g_ptr_array_add (all, NULL);
  g_strfreev (self->articles);
  self->articles = (GStrv) g_ptr_array_steal (all, NULL);
  return g_steal_pointer (&self);
}

/* The amendment on branch amendement/@slug: its record as the branch has
 * it (not the working copy), and how it stands against main. */
static AmendAmendment *
read_amendment (Reader        *r,
                const char    *slug,
                const git_oid *listed,
                GError       **error)
{
  g_autofree char *refname = amend_amendment_refname (slug);
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree) dir = NULL;
  const git_tree_entry *entry;
  g_autoptr(AmendAmendment) self = NULL;
  g_autoptr(GBytes) record = NULL;
  const git_signature *committer;
  size_t ahead = 0, behind = 0;
  guint distance = 0;
  gboolean have_tip = FALSE, has_base = FALSE;
  git_oid base_id, tip_id;

  /* An amendment whose branch and main did not move since the last list
   * is as it was then.  The branch's tip as the list of branches had it
   * (a symbolic one is resolved here). */
  if (listed != NULL)
    git_oid_cpy (&tip_id, listed);
  have_tip = listed != NULL || git_reference_name_to_id (&tip_id, r->git, refname) == 0;
  if (have_tip)
    {
      char tip_hex[GIT_OID_HEXSZ + 1];
      const AmendListRow *row;

      git_oid_tostr (tip_hex, sizeof tip_hex, &tip_id);
      if ((row = amend_article_map_lookup_row (r->map, slug, tip_hex, r->main_hex)) != NULL)
        return amendment_from_row (slug, tip_hex, row, error);
    }
  /* The tip the list of branches gave, else the branch by its name (which
   * says what is wrong with it). */
  if (!(have_tip && git_commit_lookup (&tip, r->git, &tip_id) == 0) &&
      !amend_repository_lookup_branch (r->repo, refname, &tip, error))
    return NULL;
  if (git_commit_tree (&tree, tip) == 0)
    dir = amendment_folder (r->git, tree, slug);
  if ((entry = dir ? git_tree_entry_byname (dir, "amendement.ini") : NULL) != NULL)
    {
      gsize len = 0;
      const char *text;

      record = blob_bytes (r->git, git_tree_entry_id (entry));
      text = record ? g_bytes_get_data (record, &len) : NULL;
      self = amend_amendment_new_from_data (slug, text ? text : "", len, error);
      if (self == NULL)
        return NULL;
    }
  else
    {
      /* A branch made with git, without a record: still listed. */
      self = g_object_new (AMEND_TYPE_AMENDMENT, NULL);
      _amend_amendment_set_slug (self, slug);
    }

  self->commit = g_strdup (git_oid_tostr_s (git_commit_id (tip)));
  committer = git_commit_committer (tip);
  self->last_change = amend_repository_time_to_date (committer->when.time, committer->when.offset);
  if (amend_graph_linear_distance (r->git, git_commit_id (tip), &r->main_id, AMEND_GRAPH_LINEAR_STEPS, &distance))
    {
      /* Saves on top of main as it still is: main is where it left. */
      ahead = distance;
      git_oid_cpy (&base_id, &r->main_id);
      has_base = TRUE;
    }
  else if (git_graph_ahead_behind (&ahead, &behind, r->git, git_commit_id (tip), &r->main_id) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot compare %s with main"), self->branch);
      return NULL;
    }
  self->ahead = ahead;
  self->behind = behind;
  /* Finding the articles reads the regulation twice over: a decision,
   * which merges the whole text anyway, does without them. */
  if (r->record_only)
    return g_steal_pointer (&self);
  if (!has_base)
    has_base = git_merge_base (&base_id, r->git, git_commit_id (tip), &r->main_id) == 0;
  if (!read_touched (r, self, has_base ? &base_id : NULL, tree, dir, error))
    return NULL;
  amend_article_map_add_row (r->map, slug, self->commit, r->main_hex,
                             row_of (self, committer, record));
  return g_steal_pointer (&self);
}

typedef struct {
  char    *slug;
  git_oid  tip;
  gboolean direct;  /* @tip is the branch's; FALSE for a symbolic ref */
} Listed;

static void
listed_free (Listed *l)
{
  g_free (l->slug);
  g_free (l);
}

static int
compare_slugs (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(Listed * const *) a)->slug, (*(Listed * const *) b)->slug);
}

/* Every branch amendement/SLUG with its tip, as one walk over the refs
 * gives them (a lookup per branch costs a stat per branch). */
static GPtrArray *
list_branches (git_repository *git,
               GError        **error)
{
  g_autoptr(git_reference_iterator) iter = NULL;
  g_autoptr(GPtrArray) branches = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_free);
  git_reference *ref = NULL;
  int rc;

  rc = git_reference_iterator_glob_new (&iter, git, "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX "*");
  while (rc == 0 && (rc = git_reference_next (&ref, iter)) == 0)
    {
      Listed *l = g_new0 (Listed, 1);
      const git_oid *target = git_reference_target (ref);

      l->slug = g_strdup (git_reference_name (ref) + strlen ("refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX));
      if (target != NULL)
        {
          git_oid_cpy (&l->tip, target);
          l->direct = TRUE;
        }
      g_ptr_array_add (branches, l);
      git_reference_free (ref);
    }
  if (rc != GIT_ITEROVER)
    {
      amend_repository_set_git_error (error, rc, _("cannot read the branches"));
      return NULL;
    }
  g_ptr_array_sort (branches, compare_slugs);
  return g_steal_pointer (&branches);
}

void
amend_unreadable_free (AmendUnreadable *unreadable)
{
  if (unreadable == NULL)
    return;
  g_free (unreadable->slug);
  g_free (unreadable->branch);
  g_free (unreadable->message);
  g_free (unreadable);
}

AmendUnreadable *
amend_unreadable_copy (const AmendUnreadable *unreadable)
{
  AmendUnreadable *copy = g_new0 (AmendUnreadable, 1);

  copy->slug = g_strdup (unreadable->slug);
  copy->branch = g_strdup (unreadable->branch);
  copy->message = g_strdup (unreadable->message);
  return copy;
}

/* A branch that names something else than a commit (a tree, a blob,
 * written with git update-ref or by hand) is no amendment to read. */
static char *
unreadable_message (Reader       *r,
                    const Listed *l,
                    const GError *error)
{
  g_autoptr(git_object) object = NULL;

  if (!l->direct || git_object_lookup (&object, r->git, &l->tip, GIT_OBJECT_ANY) < 0 ||
      git_object_type (object) == GIT_OBJECT_COMMIT)
    return g_strdup (error->message);
  return g_strdup_printf (_("the branch %s%s points at a %s, not at a version (a commit), so it holds no amendment; "
                            "point it at a version with git branch -f %s%s COMMIT, or remove it with git branch -D "
                            "%s%s"),
                          AMEND_AMENDMENT_BRANCH_PREFIX, l->slug, git_object_type2string (git_object_type (object)),
                          AMEND_AMENDMENT_BRANCH_PREFIX, l->slug, AMEND_AMENDMENT_BRANCH_PREFIX, l->slug);
}

/* Every branch amendement/SLUG, sorted by slug, each with its record, its
 * commits ahead of and behind main, and the articles it touches; those
 * that cannot be read are left out. */
GPtrArray *
amend_amendment_list (AmendRepository *repo,
                      GError         **error)
{
  return amend_amendment_list_full (repo, NULL, error);
}

/**
 * amend_amendment_list_full:
 * @unreadable: (nullable) (element-type AmendUnreadable): gets the
 *   branches that cannot be read, each with its sentence
 *
 * amend_amendment_list(), saying which were left out: one record edited
 * by hand, or a branch that names no commit, must not hide the others.
 * Only what concerns every amendment (main, the list of branches) fails
 * the list.
 */
GPtrArray *
amend_amendment_list_full (AmendRepository *repo,
                           GPtrArray       *unreadable,
                           GError         **error)
{
  g_auto(Reader) r = { 0 };
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (!reader_init (&r, repo, error) || (branches = list_branches (r.git, error)) == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < branches->len; i++)
    {
      Listed *l = g_ptr_array_index (branches, i);
      g_autoptr(GError) local = NULL;
      AmendAmendment *amendment = read_amendment (&r, l->slug, l->direct ? &l->tip : NULL, &local);

      if (amendment != NULL)
        g_ptr_array_add (list, amendment);
      else if (unreadable != NULL)
        {
          AmendUnreadable *u = g_new0 (AmendUnreadable, 1);

          u->slug = g_strdup (l->slug);
          u->branch = g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, l->slug, NULL);
          u->message = unreadable_message (&r, l, local);
          g_ptr_array_add (unreadable, u);
        }
    }
  amend_article_map_save (r.map);
  return g_steal_pointer (&list);
}

/* Sorts slugs as compare_slugs() sorts the listed branches. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * amend_amendment_list_cached:
 * @refs: the branches, read without libgit2 (amend-refs-files.c)
 *
 * What amend_amendment_list() gives when every amendment and main are
 * where the last list saw them: from the rows in .git/amend alone
 * (list.cache), without starting libgit2.
 *
 * Returns: (nullable) (transfer full) (element-type AmendAmendment): the
 *   list, or %NULL when one amendment is not in the cache (or its record
 *   is not one that reads): amend_amendment_list() then finds it, and
 *   says what is wrong.
 */
GPtrArray *
amend_amendment_list_cached (AmendRefsFiles *refs)
{
  /* The rows are in list.cache beside it (amend-article-map.c). */
  g_autofree char *cache = g_build_filename (refs->git_dir, "amend", "articles.cache", NULL);
  g_autofree char *rows = g_build_filename (refs->git_dir, "amend", "list.cache", NULL);
  g_autoptr(AmendArticleMap) map = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree const char **slugs = NULL;
  guint n = 0;

  if (!g_file_test (rows, G_FILE_TEST_IS_REGULAR))
    return NULL;
  map = amend_article_map_new (cache);
  slugs = (const char **) g_hash_table_get_keys_as_array (refs->amendments, &n);
  qsort (slugs, n, sizeof *slugs, compare_strings);
  list = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      const char *tip = g_hash_table_lookup (refs->amendments, slugs[i]);
      const AmendListRow *row = amend_article_map_lookup_row (map, slugs[i], tip, refs->main_hex);
      AmendAmendment *amendment = row ? amendment_from_row (slugs[i], tip, row, NULL) : NULL;

      if (amendment == NULL)
        return NULL;
      g_ptr_array_add (list, amendment);
    }
  return g_steal_pointer (&list);
}

static AmendAmendment *
lookup (AmendRepository *repo,
        const char      *name,
        gboolean         record_only,
        GError         **error)
{
  g_auto(Reader) r = { 0 };
  g_autofree char *slug = amend_amendment_slug_of (repo, name, error);

  if (slug == NULL || !reader_init (&r, repo, error))
    return NULL;
  r.record_only = record_only;
  return read_amendment (&r, slug, NULL, error);
}

AmendAmendment *
amend_amendment_lookup (AmendRepository *repo,
                        const char      *name,
                        GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  return lookup (repo, name, FALSE, error);
}

/**
 * amend_amendment_lookup_record:
 *
 * Like amend_amendment_lookup(), without the articles and files it
 * touches (amend_amendment_get_articles() is then empty), which take
 * reading the regulation at both ends of the branch.
 */
AmendAmendment *
amend_amendment_lookup_record (AmendRepository *repo,
                               const char      *name,
                               GError         **error)
{
  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  return lookup (repo, name, TRUE, error);
}

/* Where a commit with @parents leaves main: the merge base of each with
 * main, the newest when one holds the other (a merge of main into the
 * amendment: main itself); FALSE when there is none, or two that neither
 * holds. */
static gboolean
base_with_main (Reader        *r,
                const git_oid *parents,
                guint          n_parents,
                git_oid       *out)
{
  gboolean found = FALSE;

  for (guint i = 0; i < n_parents; i++)
    {
      git_oid base;

      if (git_merge_base (&base, r->git, &parents[i], &r->main_id) < 0)
        continue;
      if (!found || git_graph_descendant_of (r->git, &base, out) == 1)
        git_oid_cpy (out, &base);
      else if (!git_oid_equal (&base, out) && git_graph_descendant_of (r->git, out, &base) != 1)
        return FALSE;
      found = TRUE;
    }
  return found;
}

/**
 * amend_amendment_write_touched:
 * @branch: the branch a commit goes to ("amendement/SLUG")
 * @parents: (array length=n_parents): the commit's parents, its branch's
 *   tip first
 * @tree: the tree the commit gets, without the file written here
 * @id: (out): the blob written
 *
 * Writes the blob of the branch's artikelen file for @tree: per regulation
 * file changed since the branch left main, both blob ids and the articles
 * between them, which `amend list` then takes instead of reading the
 * regulation (amend-article-map.c).  A save writes it, and a merge into
 * the branch (amend update, a subamendment adopted).  Only a help: where
 * it cannot be made (not an amendment's branch, no main, a git error)
 * nothing is written and the commit goes on without it.
 *
 * Returns: (transfer full) (nullable): the file's path in the tree, or
 * %NULL when there is nothing to write.
 */
char *
amend_amendment_write_touched (AmendRepository *repo,
                               const char      *branch,
                               const git_oid   *parents,
                               guint            n_parents,
                               git_tree        *tree,
                               git_oid         *id)
{
  g_auto(Reader) r = { 0 };
  g_autoptr(git_commit) base = NULL;
  g_autoptr(git_commit) tip = NULL;
  g_autoptr(git_tree) base_tree = NULL;
  g_autoptr(git_tree) tip_tree = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_touched_file_free);
  g_autofree char *text = NULL;
  const char *slug;
  git_oid base_id;

  if (branch != NULL && g_str_has_prefix (branch, "refs/heads/"))
    branch += strlen ("refs/heads/");
  if (branch == NULL || !g_str_has_prefix (branch, AMEND_AMENDMENT_BRANCH_PREFIX))
    return NULL;
  slug = branch + strlen (AMEND_AMENDMENT_BRANCH_PREFIX);
  if (*slug == '\0' || strchr (slug, '/') != NULL || !reader_init (&r, repo, NULL))
    return NULL;
  if (n_parents > 0 && base_with_main (&r, parents, n_parents, &base_id) &&
      (git_commit_lookup (&base, r.git, &base_id) < 0 || git_commit_tree (&base_tree, base) < 0))
    return NULL;
  if (n_parents > 0 && git_commit_lookup (&tip, r.git, &parents[0]) == 0 && git_commit_tree (&tip_tree, tip) == 0)
    {
      g_autoptr(git_tree) dir = amendment_folder (r.git, tip_tree, slug);

      stored = stored_touched (&r, dir);
    }
  if (!touched_files (&r, base_tree, tree, stored, found, files, NULL))
    return NULL;
  amend_article_map_save (r.map);
  text = amend_touched_stored_format (found);
  if (git_blob_create_from_buffer (id, r.git, text, strlen (text)) < 0)
    return NULL;
  return g_build_path ("/", AMEND_AMENDMENT_RECORD_DIR, slug, AMEND_TOUCHED_STORED_NAME, NULL);
}

/* The branch @self goes into: its amendment's for a subamendment, else
 * main (as amend_decision_target_branch() says). */
static gboolean
target_tip (AmendRepository *repo,
            AmendAmendment  *self,
            git_oid         *out)
{
  const char *amends = amend_amendment_get_amends (self);
  g_autofree char *main = amends ? NULL : amend_repository_dup_main_branch (repo, NULL);
  g_autofree char *ref = amends ? amend_amendment_refname (amends)
                                : main ? g_strconcat ("refs/heads/", main, NULL) : NULL;

  return ref != NULL && git_reference_name_to_id (out, amend_repository_get_git (repo), ref) == 0;
}

static gboolean
tree_of (git_repository *git,
         const git_oid  *id,
         git_tree      **out)
{
  g_autoptr(git_commit) commit = NULL;

  return git_commit_lookup (&commit, git, id) == 0 && git_commit_tree (out, commit) == 0;
}

/* What an amendment would change in the branch it goes into. */
typedef enum {
  AMEND_TEXT_CHANGED,    /* a regulation, or what could not be compared */
  AMEND_TEXT_UNCHANGED,  /* no regulation since it left that branch */
  AMEND_TEXT_IN_TARGET,  /* its tip is in that branch already */
} AmendTextChange;

/* Whether the amendment @self, as its branch stands, changes a regulation
 * since it left the branch it goes into, or is in that branch already.
 * What cannot be read counts as a change: the command then says what. */
static AmendTextChange
find_change (AmendRepository *repo,
             AmendAmendment  *self)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autoptr(git_tree) base_tree = NULL;
  g_autoptr(git_tree) tip_tree = NULL;
  g_autoptr(GArray) changes = NULL;
  git_oid tip, into, base;

  if (self->commit == NULL || git_oid_fromstr (&tip, self->commit) < 0 || !target_tip (repo, self, &into))
    return AMEND_TEXT_CHANGED;
  if (git_oid_equal (&tip, &into) || git_graph_descendant_of (git, &into, &tip) == 1)
    return AMEND_TEXT_IN_TARGET;
  if (git_merge_base (&base, git, &tip, &into) < 0 || !tree_of (git, &base, &base_tree) ||
      !tree_of (git, &tip, &tip_tree))
    return AMEND_TEXT_CHANGED;
  changes = amend_tree_changes (git, base_tree, tip_tree, "", ".amend");
  for (guint i = 0; i < changes->len; i++)
    if (amend_is_regulation_path (g_array_index (changes, AmendTreeChange, i).path))
      return AMEND_TEXT_CHANGED;
  return AMEND_TEXT_UNCHANGED;
}

/**
 * amend_amendment_check_changes:
 * @doing: what is refused, "submitted" or "adopted", as the sentence says it
 *
 * Refuses an amendment that changes no regulation: the council would
 * receive, or adopt, nothing.
 */
gboolean
amend_amendment_check_changes (AmendRepository *repo,
                               AmendAmendment  *self,
                               const char      *doing,
                               GError         **error)
{
  const char *amends = amend_amendment_get_amends (self);
  g_autofree char *main = amends ? NULL : amend_repository_dup_main_branch (repo, NULL);
  const char *into = amends ? amends : main ? main : "main";

  switch (find_change (repo, self))
    {
    case AMEND_TEXT_UNCHANGED:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d changes no regulation: its text is the same as "
                     "where it left %s, so it cannot be %s; change the regulation on it and save (amend switch %s, "
                     "then amend save), or withdraw it with amend withdraw %s"),
                   self->slug, into, doing, self->slug, self->slug);
      return FALSE;
    case AMEND_TEXT_IN_TARGET:
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_TRANSITION,
                   _("the amendment \xe2\x80\x9c%s\xe2\x80\x9d is in %s already (merged with git), so it changes "
                     "nothing there and cannot be %s; withdraw it with amend withdraw %s"),
                   self->slug, into, doing, self->slug);
      return FALSE;
    default:
      return TRUE;
    }
}
