/* amend-tree-merge.c: two versions of a project merged, file by file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge of two commits (the draft and an amendment, or the draft here
 * and the draft of another machine) over their merge base.  A file only
 * one side changed is taken from that side as it is.  A file both changed
 * is merged by what it is:
 *
 *  - a regulation (*.md outside .amend/): the structural merge
 *    (amend-merge.c), written in canonical form;
 *  - a record (.amend/amendementen/<slug>/amendement.ini): key by key
 *    (amend-record-merge.c);
 *  - the artikelen file beside it, which amend save writes: ours (each
 *    line holds for its own blobs, see amend-article-map.c);
 *  - anything else under .amend/ (comments, one file each): a union, so a
 *    file one side deleted and the other changed stays; two changes of one
 *    file merge as text;
 *  - any other file: libgit2's line merge (git_merge_file).
 *
 * Nothing is written until asked for: collisions and `amend list` make
 * trial merges that never touch the object database.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "amend-amendment-private.h"
#include "amend-article-map.h"
#include "amend-canonical-blobs.h"
#include "amend-merge-splice.h"
#include "amend-record-merge.h"
#include "amend-tree-merge-private.h"

typedef struct {
  char          *path;
  gboolean       remove;
  gboolean       has_id;     /* taken as it is from a side */
  git_oid        id;
  git_filemode_t mode;
  GBytes        *content;    /* merged */
  gboolean       canonical;  /* content is a regulation in canonical form */
  gboolean       written;    /* content was stored as the blob written_id */
  git_oid        written_id;
} Entry;

struct _AmendTreeMerge
{
  GObject          parent_instance;

  AmendRepository *repo;
  git_oid          base, ours, theirs;
  char             base_hex[GIT_OID_HEXSZ + 1];
  char             ours_hex[GIT_OID_HEXSZ + 1];
  char             theirs_hex[GIT_OID_HEXSZ + 1];
  gboolean         contained;
  GHashTable      *choices;    /* path -> (id -> AmendChoice) */
  GPtrArray       *entries;    /* of Entry: the changes to ours' tree */
  GPtrArray       *paths;      /* changed on both sides */
  GHashTable      *documents;  /* path -> AmendMerge */
  GPtrArray       *conflicts;  /* of AmendConflict, borrowed */
  GPtrArray       *owned;      /* of AmendConflict, the file and record ones */
};

G_DEFINE_FINAL_TYPE (AmendTreeMerge, amend_tree_merge, G_TYPE_OBJECT)

GHashTable *
amend_tree_choices_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

void
amend_tree_choices_set (GHashTable      *choices,
                        const char      *path,
                        const char      *id,
                        AmendResolution  resolution,
                        const char      *text)
{
  GHashTable *of_path = g_hash_table_lookup (choices, path);

  if (of_path == NULL)
    g_hash_table_insert (choices, g_strdup (path), (of_path = amend_choices_new ()));
  amend_choices_set (of_path, id, resolution, text);
}

static void
entry_free (Entry *e)
{
  g_free (e->path);
  g_clear_pointer (&e->content, g_bytes_unref);
  g_free (e);
}

static void
amend_tree_merge_finalize (GObject *object)
{
  AmendTreeMerge *self = (AmendTreeMerge *) object;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->owned, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_object (&self->repo);

  G_OBJECT_CLASS (amend_tree_merge_parent_class)->finalize (object);
}

static void
amend_tree_merge_class_init (AmendTreeMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_tree_merge_finalize;
}

static void
amend_tree_merge_init (AmendTreeMerge *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->conflicts = g_ptr_array_new ();
  self->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_conflict_free);
}

/* ----------------------------------------------------------------------- */
/* Sides                                                                    */
/* ----------------------------------------------------------------------- */

typedef struct {
  gboolean       present;
  git_oid        id;
  git_filemode_t mode;
} Side;

static void
side_of (git_tree   *tree,
         const char *path,
         Side       *side)
{
  g_autoptr(git_tree_entry) entry = NULL;

  memset (side, 0, sizeof *side);
  if (tree && git_tree_entry_bypath (&entry, tree, path) == 0 && git_tree_entry_type (entry) == GIT_OBJECT_BLOB)
    {
      side->present = TRUE;
      git_oid_cpy (&side->id, git_tree_entry_id (entry));
      side->mode = git_tree_entry_filemode (entry);
    }
}

static gboolean
same_side (const Side *a,
           const Side *b)
{
  if (a->present != b->present)
    return FALSE;
  return !a->present || (git_oid_equal (&a->id, &b->id) && a->mode == b->mode);
}

/* The blob as a string (NUL added); NULL for a side without the file. */
static char *
read_side (AmendTreeMerge *self,
           const Side     *side,
           gsize          *len)
{
  g_autoptr(git_blob) blob = NULL;

  *len = 0;
  if (!side->present || git_blob_lookup (&blob, amend_repository_get_git (self->repo), &side->id) < 0)
    return NULL;
  *len = git_blob_rawsize (blob);
  return g_strndup (git_blob_rawcontent (blob), *len);
}

static Entry *
add_entry (AmendTreeMerge *self,
           const char     *path)
{
  Entry *e = g_new0 (Entry, 1);

  e->path = g_strdup (path);
  e->mode = GIT_FILEMODE_BLOB;
  g_ptr_array_add (self->entries, e);
  return e;
}

static void
take_side (AmendTreeMerge *self,
           const char     *path,
           const Side     *side)
{
  Entry *e = add_entry (self, path);

  e->remove = !side->present;
  e->has_id = side->present;
  git_oid_cpy (&e->id, &side->id);
  e->mode = side->present ? side->mode : GIT_FILEMODE_BLOB;
}

static Entry *
take_content (AmendTreeMerge *self,
              const char     *path,
              const char     *text,
              gsize           len,
              git_filemode_t  mode)
{
  Entry *e = add_entry (self, path);

  e->content = g_bytes_new (text, len);
  e->mode = mode ? mode : GIT_FILEMODE_BLOB;
  return e;
}

static AmendChoice *
choice_for (AmendTreeMerge *self,
            const char     *path,
            const char     *id)
{
  GHashTable *of_path = self->choices ? g_hash_table_lookup (self->choices, path) : NULL;

  return of_path ? g_hash_table_lookup (of_path, id) : NULL;
}

/* ----------------------------------------------------------------------- */
/* Files                                                                    */
/* ----------------------------------------------------------------------- */

static char *
shown (const char *text,
       gsize       len)
{
  if (text == NULL)
    return NULL;
  if (memchr (text, '\0', len) != NULL || !g_utf8_validate (text, len, NULL))
    return g_strdup (_("(not text)"));
  return g_strdup (text);
}

/* A file both changed that nothing can merge: ours stays until a person
 * chooses. */
static void
file_conflict (AmendTreeMerge *self,
               const char     *path,
               const Side     *b,
               const Side     *o,
               const Side     *t)
{
  AmendConflict *c = g_new0 (AmendConflict, 1);
  AmendChoice *choice = choice_for (self, path, path);
  g_autofree char *tb = NULL, *to = NULL, *tt = NULL;
  gsize lb, lo, lt;

  tb = read_side (self, b, &lb);
  to = read_side (self, o, &lo);
  tt = read_side (self, t, &lt);
  c->kind = AMEND_CONFLICT_FILE;
  c->id = g_strdup (path);
  c->path = g_strdup (path);
  c->base_text = shown (tb, lb);
  c->ours_text = shown (to, lo);
  c->theirs_text = shown (tt, lt);
  if (choice)
    {
      c->resolution = choice->resolution;
      c->text = g_strdup (choice->text);
      if (choice->resolution == AMEND_RESOLUTION_THEIRS)
        take_side (self, path, t);
      else if (choice->resolution == AMEND_RESOLUTION_TEXT)
        take_content (self, path, choice->text, strlen (choice->text), o->present ? o->mode : t->mode);
    }
  g_ptr_array_add (self->owned, c);
  g_ptr_array_add (self->conflicts, c);
}

static gboolean
merge_text (AmendTreeMerge *self,
            const char     *path,
            const Side     *b,
            const Side     *o,
            const Side     *t)
{
  git_merge_file_input inputs[3] = { GIT_MERGE_FILE_INPUT_INIT, GIT_MERGE_FILE_INPUT_INIT, GIT_MERGE_FILE_INPUT_INIT };
  git_merge_file_options opts = GIT_MERGE_FILE_OPTIONS_INIT;
  git_merge_file_result result = { 0 };
  const Side *sides[3] = { b, o, t };
  /* Not g_autofree: on an array it frees only the first element. */
  char *texts[3] = { NULL, NULL, NULL };
  gboolean merged;
  int rc;

  for (guint k = 0; k < 3; k++)
    {
      gsize len;

      texts[k] = read_side (self, sides[k], &len);
      inputs[k].ptr = texts[k] ? texts[k] : "";
      inputs[k].size = len;
      inputs[k].path = path;
      inputs[k].mode = sides[k]->present ? sides[k]->mode : 0;
    }
  rc = git_merge_file (&result, &inputs[0], &inputs[1], &inputs[2], &opts);
  for (guint k = 0; k < 3; k++)
    g_free (texts[k]);
  if (rc < 0)
    return FALSE;
  merged = result.automergeable;
  if (merged)
    take_content (self, path, result.ptr, result.len, o->mode);
  git_merge_file_result_free (&result);
  return merged;
}

typedef struct {
  char          *text;   /* NULL: the side has no such file */
  gsize          len;
  AmendDocument *doc;    /* NULL when it cannot be read as a regulation */
} Parse;

static gpointer
parse_side (gpointer data)
{
  Parse *p = data;

  if (p->text == NULL)
    p->doc = amend_document_new ();
  else
    p->doc = amend_document_new_from_data (p->text, p->len, NULL);
  if (p->doc && amend_document_has_errors (p->doc))
    g_clear_object (&p->doc);
  return NULL;
}

/* The three versions read into the model at the same time, one thread
 * each: reading is most of a structural merge's time, and the versions
 * are independent.  Frees the texts. */
static gboolean
parse_sides (Parse          *parses,
             AmendDocument **docs)
{
  GThread *threads[2] = { NULL, NULL };
  gboolean ok = TRUE;

  for (guint k = 1; k < 3; k++)
    threads[k - 1] = g_thread_new ("amend-read", parse_side, &parses[k]);
  parse_side (&parses[0]);
  for (guint k = 0; k < 3; k++)
    {
      if (k > 0)
        g_thread_join (threads[k - 1]);
      docs[k] = parses[k].doc;
      ok = ok && docs[k] != NULL;
      g_clear_pointer (&parses[k].text, g_free);
    }
  return ok;
}

/* The merge of changes to different parts, without the model
 * (amend-merge-splice.c); not when conflicts are being resolved, nor for
 * a file one side added.  With AMEND_MERGE_VERIFY set, the structural
 * merge is made too and must give the same bytes; AMEND_MERGE_FULL leaves
 * this way out (bench-merge measures both). */
static char *
splice_sides (AmendTreeMerge *self,
              const char     *path,
              const Side     *o,
              const Side     *t,
              Parse          *parses,
              gsize          *len)
{
  git_oid sides[2];
  gboolean known;
  char *merged;

  if (g_getenv ("AMEND_MERGE_FULL") || (self->choices && g_hash_table_lookup (self->choices, path)) ||
      parses[0].text == NULL || parses[1].text == NULL || parses[2].text == NULL)
    return NULL;
  git_oid_cpy (&sides[0], &o->id);
  git_oid_cpy (&sides[1], &t->id);
  known = amend_canonical_blobs_contain (self->repo, sides, 2);
  merged = _amend_merge_splice (parses[0].text, parses[0].len, parses[1].text, parses[1].len,
                                parses[2].text, parses[2].len, known, NULL);
  if (merged && g_getenv ("AMEND_MERGE_VERIFY"))
    {
      AmendDocument *docs[3] = { NULL, NULL, NULL };
      Parse copies[3];
      g_autoptr(AmendMerge) full = NULL;

      for (guint k = 0; k < 3; k++)
        copies[k] = (Parse) { g_strndup (parses[k].text, parses[k].len), parses[k].len, NULL };
      if (!parse_sides (copies, docs) ||
          (full = amend_merge_documents (docs[0], docs[1], docs[2])) == NULL ||
          amend_merge_get_conflicts (full)->len > 0 ||
          g_strcmp0 (amend_merge_get_markdown (full), merged) != 0)
        g_error ("%s: the merge of changes to different parts differs from the structural merge", path);
      for (guint k = 0; k < 3; k++)
        g_object_unref (docs[k]);
    }
  *len = merged ? strlen (merged) : 0;
  return merged;
}

static gboolean
merge_regulation (AmendTreeMerge *self,
                  const char     *path,
                  const Side     *b,
                  const Side     *o,
                  const Side     *t,
                  GError        **error)
{
  const Side *sides[3] = { b, o, t };
  Parse parses[3] = { { 0 } };
  AmendDocument *docs[3] = { NULL, NULL, NULL };
  gboolean readable;
  g_autoptr(AmendDocument) base = NULL;
  g_autoptr(AmendDocument) ours = NULL;
  g_autoptr(AmendDocument) theirs = NULL;
  GHashTable *choices = self->choices ? g_hash_table_lookup (self->choices, path) : NULL;
  g_autoptr(AmendMerge) merge = NULL;
  g_autofree char *spliced = NULL;
  GPtrArray *conflicts;
  const char *md;
  gsize len;

  for (guint k = 0; k < 3; k++)
    parses[k].text = read_side (self, sides[k], &parses[k].len);
  spliced = splice_sides (self, path, o, t, parses, &len);
  if (spliced)
    {
      for (guint k = 0; k < 3; k++)
        g_free (parses[k].text);
      take_content (self, path, spliced, len, o->mode)->canonical = TRUE;
      return TRUE;
    }
  readable = parse_sides (parses, docs);
  base = docs[0];
  ours = docs[1];
  theirs = docs[2];
  /* What cannot be read as a regulation merges as text. */
  if (!readable)
    {
      if (!merge_text (self, path, b, o, t))
        file_conflict (self, path, b, o, t);
      return TRUE;
    }
  merge = amend_merge_documents_full (base, ours, theirs, choices, error);
  if (merge == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  md = amend_merge_get_markdown (merge);
  take_content (self, path, md, strlen (md), o->mode);
  conflicts = amend_merge_get_conflicts (merge);
  for (guint i = 0; i < conflicts->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (conflicts, i);

      g_free (c->path);
      c->path = g_strdup (path);
      g_ptr_array_add (self->conflicts, c);
    }
  g_hash_table_insert (self->documents, g_strdup (path), g_steal_pointer (&merge));
  return TRUE;
}

static void
merge_record (AmendTreeMerge *self,
              const char     *path,
              const Side     *b,
              const Side     *o,
              const Side     *t)
{
  g_autofree char *tb = NULL, *to = NULL, *tt = NULL;
  g_autofree char *merged = NULL;
  GHashTable *choices = self->choices ? g_hash_table_lookup (self->choices, path) : NULL;
  guint first = self->owned->len;
  gsize len;

  tb = read_side (self, b, &len);
  to = read_side (self, o, &len);
  tt = read_side (self, t, &len);
  merged = amend_record_merge (tb, to, tt, choices, self->owned, NULL);
  if (merged == NULL)
    {
      if (!merge_text (self, path, b, o, t))
        file_conflict (self, path, b, o, t);
      return;
    }
  take_content (self, path, merged, strlen (merged), o->mode);
  for (guint i = first; i < self->owned->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (self->owned, i);

      c->path = g_strdup (path);
      g_ptr_array_add (self->conflicts, c);
    }
}

static gboolean
is_record (const char *path)
{
  return g_str_has_prefix (path, AMEND_AMENDMENT_RECORD_DIR "/") &&
         g_str_has_suffix (path, "/amendement.ini");
}

/* The artikelen file amend save writes on an amendment's branch. */
static gboolean
is_touched_file (const char *path)
{
  return g_str_has_prefix (path, AMEND_AMENDMENT_RECORD_DIR "/") &&
         g_str_has_suffix (path, "/" AMEND_TOUCHED_STORED_NAME);
}

/* Both sides changed @path, differently. */
static gboolean
merge_both (AmendTreeMerge *self,
            const char     *path,
            const Side     *b,
            const Side     *o,
            const Side     *t,
            GError        **error)
{
  gboolean amend_file = g_str_has_prefix (path, ".amend/");

  g_ptr_array_add (self->paths, g_strdup (path));
  /* Each line of it holds for its own pair of blobs, whichever side wrote
   * it, and the next save writes it anew: never a conflict. */
  if (amend_file && is_touched_file (path))
    {
      take_side (self, path, o->present ? o : t);
      return TRUE;
    }
  if (!o->present || !t->present)
    {
      /* .amend/ is a union: what one side still has (and changed) stays. */
      if (amend_file && !o->present)
        take_side (self, path, t);
      else if (!amend_file)
        file_conflict (self, path, b, o, t);
      return TRUE;
    }
  if (amend_file && is_record (path))
    merge_record (self, path, b, o, t);
  else if (!amend_file && amend_is_regulation_path (path))
    return merge_regulation (self, path, b, o, t, error);
  else if (!merge_text (self, path, b, o, t))
    file_conflict (self, path, b, o, t);
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* The merge                                                                */
/* ----------------------------------------------------------------------- */

static gboolean
changed_paths (git_repository *git,
               git_tree       *base,
               git_tree       *side,
               GHashTable     *paths)
{
  g_autoptr(git_diff) diff = NULL;

  if (git_diff_tree_to_tree (&diff, git, base, side, NULL) < 0)
    return FALSE;
  for (gsize i = 0; i < git_diff_num_deltas (diff); i++)
    {
      const git_diff_delta *d = git_diff_get_delta (diff, i);
      const char *path = d->new_file.path ? d->new_file.path : d->old_file.path;

      g_hash_table_add (paths, g_strdup (path));
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
merge_trees (AmendTreeMerge *self,
             git_tree       *base,
             git_tree       *ours,
             git_tree       *theirs,
             GError        **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (!changed_paths (git, base, ours, paths) || !changed_paths (git, base, theirs, paths))
    return amend_repository_set_git_error (error, -1, _("cannot compare the versions to merge"));
  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_strings);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *path = g_ptr_array_index (sorted, i);
      Side b, o, t;

      side_of (base, path, &b);
      side_of (ours, path, &o);
      side_of (theirs, path, &t);
      if (same_side (&t, &b) || same_side (&o, &t))
        continue;
      if (same_side (&o, &b))
        take_side (self, path, &t);
      else if (!merge_both (self, path, &b, &o, &t, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_trees (git_repository *git,
              const git_oid  *ids,
              git_tree      **trees)
{
  for (guint k = 0; k < 3; k++)
    {
      g_autoptr(git_commit) commit = NULL;

      if (git_commit_lookup (&commit, git, &ids[k]) < 0 || git_commit_tree (&trees[k], commit) < 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * amend_merge_commits:
 * @ours: the commit merged into
 * @theirs: the commit merged in
 * @choices: (nullable): resolutions, from amend_tree_choices_new()
 *
 * Merges @theirs into @ours over their merge base, in memory.  When
 * @theirs is already in @ours (reachable from it) nothing is merged and
 * amend_tree_merge_is_contained() says so.
 *
 * Returns: (transfer full): the merge, or %NULL when the two have no
 * version in common or a resolution does not fit.
 */
AmendTreeMerge *
amend_merge_commits (AmendRepository *repo,
                     const git_oid   *ours,
                     const git_oid   *theirs,
                     GHashTable      *choices,
                     GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_autoptr(AmendTreeMerge) self = g_object_new (AMEND_TYPE_TREE_MERGE, NULL);
  git_tree *trees[3] = { NULL, NULL, NULL };
  git_oid ids[3];
  gboolean ok;

  self->repo = g_object_ref (repo);
  self->choices = choices ? g_hash_table_ref (choices) : NULL;
  git_oid_cpy (&self->ours, ours);
  git_oid_cpy (&self->theirs, theirs);
  git_oid_tostr (self->ours_hex, sizeof self->ours_hex, ours);
  git_oid_tostr (self->theirs_hex, sizeof self->theirs_hex, theirs);
  if (git_merge_base (&self->base, git, ours, theirs) < 0)
    {
      g_set_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND,
                   _("the versions %.7s and %.7s have no version in common, so they cannot be merged: one did not "
                     "start from the other's draft (a branch begun with git checkout --orphan); propose the "
                     "amendment again with amend propose and copy its text into it"),
                   self->ours_hex, self->theirs_hex);
      return NULL;
    }
  git_oid_tostr (self->base_hex, sizeof self->base_hex, &self->base);
  if (git_oid_equal (&self->base, theirs))
    {
      self->contained = TRUE;
      return g_steal_pointer (&self);
    }
  git_oid_cpy (&ids[0], &self->base);
  git_oid_cpy (&ids[1], ours);
  git_oid_cpy (&ids[2], theirs);
  if (!lookup_trees (git, ids, trees))
    ok = amend_repository_set_git_error (error, -1, _("cannot read the versions to merge"));
  else
    ok = merge_trees (self, trees[0], trees[1], trees[2], error);
  for (guint k = 0; k < 3; k++)
    git_tree_free (trees[k]);
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * amend_merge_branches:
 * @ours: a revision: a branch (main), an id, anything git_revparse reads
 * @theirs: the same, for what is merged in
 *
 * The merge of @theirs into @ours that adopting an amendment, bringing it
 * up to date, or pulling a draft that went its own way, makes.
 *
 * Returns: (transfer full): the merge, or %NULL with @error set.
 */
AmendTreeMerge *
amend_merge_branches (AmendRepository *repo,
                      const char      *ours,
                      const char      *theirs,
                      GHashTable      *choices,
                      GError         **error)
{
  g_autoptr(git_commit) a = NULL;
  g_autoptr(git_commit) b = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  if (!amend_repository_resolve_commit (repo, ours, &a, error) ||
      !amend_repository_resolve_commit (repo, theirs, &b, error))
    return NULL;
  return amend_merge_commits (repo, git_commit_id (a), git_commit_id (b), choices, error);
}

/* ----------------------------------------------------------------------- */
/* Writing                                                                  */
/* ----------------------------------------------------------------------- */

/* The regulations the splice wrote are canonical: the next merge of them
 * need not read them again (amend-canonical-blobs.c). */
static void
remember_canonical (AmendTreeMerge *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (git_oid));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (e->canonical && e->written)
        g_array_append_val (ids, e->written_id);
    }
  if (ids->len > 0)
    amend_canonical_blobs_add (self->repo, (const git_oid *) (gpointer) ids->data, ids->len);
}

/**
 * amend_tree_merge_write_tree:
 *
 * Writes the merged tree (and its new blobs) to the object database.
 * Where a conflict is not resolved it holds ours.
 */
gboolean
amend_tree_merge_write_tree (AmendTreeMerge *self,
                             git_oid        *out,
                             GError        **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autofree git_tree_update *updates = g_new0 (git_tree_update, self->entries->len + 1);
  int rc;

  rc = git_commit_lookup (&commit, git, &self->ours);
  if (rc == 0)
    rc = git_commit_tree (&tree, commit);
  for (guint i = 0; rc == 0 && i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      updates[i].path = e->path;
      updates[i].filemode = e->mode;
      updates[i].action = e->remove ? GIT_TREE_UPDATE_REMOVE : GIT_TREE_UPDATE_UPSERT;
      if (e->content)
        {
          rc = git_blob_create_from_buffer (&updates[i].id, git, g_bytes_get_data (e->content, NULL),
                                            g_bytes_get_size (e->content));
          e->written = rc == 0;
          git_oid_cpy (&e->written_id, &updates[i].id);
        }
      else
        git_oid_cpy (&updates[i].id, &e->id);
    }
  if (rc == 0)
    rc = git_tree_create_updated (out, git, tree, self->entries->len, updates);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot write the merged version"));
  remember_canonical (self);
  return TRUE;
}

/* The merge commit, with ours and theirs as its parents; written as an
 * object only: no branch moves. */
gboolean
amend_tree_merge_write_commit (AmendTreeMerge      *self,
                               const char          *branch,
                               const git_signature *signature,
                               const char          *message,
                               git_oid             *out,
                               GError             **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_commit) ours = NULL;
  g_autoptr(git_commit) theirs = NULL;
  git_buf pretty = GIT_BUF_INIT;
  git_oid tree_id;
  int rc;

  if (!amend_tree_merge_write_tree (self, &tree_id, error))
    return FALSE;
  rc = git_tree_lookup (&tree, git, &tree_id);
  /* Into an amendment's branch: its artikelen file for the merged text
   * (amend_amendment_write_touched), as a save writes it. */
  if (rc == 0 && branch != NULL)
    {
      const git_oid parents[2] = { self->ours, self->theirs };
      git_tree_update update = { 0 };
      g_autofree char *path = amend_amendment_write_touched (self->repo, branch, parents, 2, tree, &update.id);
      git_oid with_id;

      update.action = GIT_TREE_UPDATE_UPSERT;
      update.filemode = GIT_FILEMODE_BLOB;
      update.path = path;
      if (path != NULL && git_tree_create_updated (&with_id, git, tree, 1, &update) == 0)
        {
          git_tree_free (g_steal_pointer (&tree));
          rc = git_tree_lookup (&tree, git, &with_id);
        }
    }
  if (rc == 0)
    rc = git_commit_lookup (&ours, git, &self->ours);
  if (rc == 0)
    rc = git_commit_lookup (&theirs, git, &self->theirs);
  if (rc == 0)
    rc = git_message_prettify (&pretty, message, 0, '#');
  if (rc == 0)
    {
      const git_commit *parents[2] = { ours, theirs };

      rc = git_commit_create (out, git, NULL, signature, signature, NULL, pretty.ptr, tree, 2, parents);
    }
  git_buf_dispose (&pretty);
  if (rc < 0)
    return amend_repository_set_git_error (error, rc, _("cannot write the merge"));
  return amend_repository_check_written (git, out, _("cannot write the merge"), error);
}

/* ----------------------------------------------------------------------- */
/* Accessors                                                                */
/* ----------------------------------------------------------------------- */

/**
 * amend_tree_merge_get_written:
 *
 * The merged bytes of @path, when amend_tree_merge_write_tree() stored
 * them as the blob @id: the working copy is written from them, without
 * reading back (and inflating) the blob just written.  The id is the hash
 * of exactly these bytes, so they are the blob's.
 *
 * Returns: (transfer none) (nullable): the bytes, or %NULL.
 */
GBytes *
amend_tree_merge_get_written (AmendTreeMerge *self,
                              const char     *path,
                              const git_oid  *id)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (e->written && git_oid_equal (&e->written_id, id) && strcmp (e->path, path) == 0)
        return e->content;
    }
  return NULL;
}

const char *
amend_tree_merge_get_base_id (AmendTreeMerge *self)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  return self->base_hex;
}

const char *
amend_tree_merge_get_ours_id (AmendTreeMerge *self)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  return self->ours_hex;
}

const char *
amend_tree_merge_get_theirs_id (AmendTreeMerge *self)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  return self->theirs_hex;
}

/* Whether theirs is in ours already: nothing to merge. */
gboolean
amend_tree_merge_is_contained (AmendTreeMerge *self)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), FALSE);
  return self->contained;
}

/* The size of a blob from its header alone, G_MAXSIZE when unknown. */
static gsize
blob_size (AmendTreeMerge *self,
           const git_oid  *id)
{
  git_odb *odb = NULL;
  git_object_t type;
  size_t size = G_MAXSIZE;

  if (git_repository_odb (&odb, amend_repository_get_git (self->repo)) == 0 &&
      git_odb_read_header (&size, &type, odb, id) < 0)
    size = G_MAXSIZE;
  git_odb_free (odb);
  return size;
}

/* Whether the entry @e gives ours' tree something it does not hold. */
static gboolean
entry_changes (AmendTreeMerge *self,
               git_tree       *ours,
               const Entry    *e)
{
  Side o;
  git_oid id;

  side_of (ours, e->path, &o);
  if (e->remove)
    return o.present;
  if (!o.present || o.mode != e->mode)
    return TRUE;
  if (e->has_id)
    return !git_oid_equal (&e->id, &o.id);
  /* A merged text of another length differs: hashing a regulation
   * (SHA-1 with collision detection) would cost a sixth of an adoption. */
  if (blob_size (self, &o.id) != g_bytes_get_size (e->content))
    return TRUE;
  if (git_odb_hash (&id, g_bytes_get_data (e->content, NULL), g_bytes_get_size (e->content), GIT_OBJECT_BLOB) < 0)
    return TRUE;
  return !git_oid_equal (&id, &o.id);
}

/**
 * amend_tree_merge_changes_text:
 *
 * Whether the merge changes anything in ours outside .amend/ (the records
 * and comments that always come along): %FALSE when theirs is in ours, or
 * ours already holds every change theirs made (the same text saved on
 * both, a change copied with git cherry-pick), so that the merge would
 * change no regulation.  A conflict still waiting counts as a change.
 */
gboolean
amend_tree_merge_changes_text (AmendTreeMerge *self)
{
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) ours = NULL;

  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), TRUE);
  if (self->contained)
    return FALSE;
  if (amend_tree_merge_count_unresolved (self) > 0 ||
      git_commit_lookup (&commit, amend_repository_get_git (self->repo), &self->ours) < 0 ||
      git_commit_tree (&ours, commit) < 0)
    return TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);

      if (!g_str_has_prefix (e->path, ".amend/") && entry_changes (self, ours, e))
        return TRUE;
    }
  return FALSE;
}

/* The files both sides changed, sorted. */
GPtrArray *
amend_tree_merge_get_paths (AmendTreeMerge *self)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  return self->paths;
}

/**
 * amend_tree_merge_get_document:
 *
 * Returns: (transfer none) (nullable): the structural merge of the
 * regulation @path, when both sides changed it; %NULL also when they
 * changed different parts of it, which are merged without the model
 * (amend-merge-splice.c).
 */
AmendMerge *
amend_tree_merge_get_document (AmendTreeMerge *self,
                               const char     *path)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  return g_hash_table_lookup (self->documents, path);
}

/**
 * amend_tree_merge_get_conflicts:
 *
 * Returns: (transfer none) (element-type AmendConflict): all conflicts,
 * by file, each with its path.
 */
GPtrArray *
amend_tree_merge_get_conflicts (AmendTreeMerge *self)
{
  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  return self->conflicts;
}

guint
amend_tree_merge_count_unresolved (AmendTreeMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), 0);
  for (guint i = 0; i < self->conflicts->len; i++)
    if (((AmendConflict *) g_ptr_array_index (self->conflicts, i))->resolution == AMEND_RESOLUTION_NONE)
      n++;
  return n;
}

/* The ids of the unresolved conflicts, for a list. */
GStrv
amend_tree_merge_dup_conflict_ids (AmendTreeMerge *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (AMEND_IS_TREE_MERGE (self), NULL);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      AmendConflict *c = g_ptr_array_index (self->conflicts, i);

      if (c->resolution == AMEND_RESOLUTION_NONE)
        g_strv_builder_add (ids, c->id);
    }
  return g_strv_builder_end (ids);
}
