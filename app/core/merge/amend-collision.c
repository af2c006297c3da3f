/* amend-collision.c: amendments that touch the same text, and the voting order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a council votes it wants to know which amendments compete: which
 * pairs change the same articles, and whether both can be adopted, in
 * either order.  Only pairs that share an article (as amend list finds
 * them, from the changed lines and the article map cache) get a trial
 * merge, in memory: the regulations are read once each (by blob id), and
 * when both amendments start from the current draft one merge answers both
 * orders, since the structural merge of A and B over the draft conflicts
 * exactly where that of B and A does.
 *
 * The voting order follows the council's rules: subamendments right
 * before their amendment; of competing amendments the most far-reaching
 * (verst strekkende) first, measured as the words and nodes it changes;
 * otherwise in the order of the text.  An amendment that cannot be
 * adopted after another lapses (vervalt) when that one is adopted.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "amend-amendment-private.h"
#include "amend-collision.h"
#include "amend-decision.h"
#include "amend-merge-private.h"

typedef struct {
  AmendAmendment *amendment;
  char           *target;       /* the branch it would be adopted into */
  git_oid         tip, into, base;
  gboolean        usable;
  gboolean        diffed;
  GHashTable     *nodes;        /* "path\x1f eId" */
  guint           reach;
  guint64         position;
  guint           component;
} Entry;

/* A version of a regulation as lines. */
typedef struct {
  char   *text;
  GArray *starts;   /* of guint: where each line starts, and one past the end */
  guint   n;
} Lines;

static void
lines_free (Lines *l)
{
  g_free (l->text);
  g_array_unref (l->starts);
  g_free (l);
}

struct _AmendCollisions
{
  GObject          parent_instance;

  AmendRepository *repo;
  GPtrArray       *amendments;  /* of AmendAmendment */
  GPtrArray       *entries;     /* of Entry */
  GPtrArray       *pairs;       /* of AmendCollision */
  GPtrArray       *order;       /* of AmendVotingStep */
  GPtrArray       *unreadable;  /* of AmendUnreadable: left out */
  GHashTable      *docs;        /* blob id -> AmendDocument */
  GHashTable      *positions;   /* "path\x1f number" -> index in the draft */
  GHashTable      *texts;       /* blob id -> Lines */
  GHashTable      *reached;     /* "slug\x1f path": reach counted */
  guint            trials;
};

G_DEFINE_FINAL_TYPE (AmendCollisions, amend_collisions, G_TYPE_OBJECT)

static void
entry_free (Entry *e)
{
  g_clear_object (&e->amendment);
  g_free (e->target);
  g_clear_pointer (&e->nodes, g_hash_table_unref);
  g_free (e);
}

static void
collision_free (AmendCollision *c)
{
  g_clear_object (&c->a);
  g_clear_object (&c->b);
  g_strfreev (c->files);
  g_strfreev (c->articles);
  g_strfreev (c->nodes);
  g_strfreev (c->a_then_b_conflicts);
  g_strfreev (c->b_then_a_conflicts);
  g_free (c);
}

static void
step_free (AmendVotingStep *s)
{
  g_clear_object (&s->amendment);
  g_clear_object (&s->before);
  g_clear_pointer (&s->competes, g_ptr_array_unref);
  g_clear_pointer (&s->lapses, g_ptr_array_unref);
  g_free (s);
}

static void
amend_collisions_finalize (GObject *object)
{
  AmendCollisions *self = (AmendCollisions *) object;

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->unreadable, g_ptr_array_unref);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->amendments, g_ptr_array_unref);
  g_clear_pointer (&self->docs, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->reached, g_hash_table_unref);
  g_clear_object (&self->repo);

  G_OBJECT_CLASS (amend_collisions_parent_class)->finalize (object);
}

static void
amend_collisions_class_init (AmendCollisionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_collisions_finalize;
}

static void
amend_collisions_init (AmendCollisions *self)
{
  self->amendments = g_ptr_array_new_with_free_func (g_object_unref);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) collision_free);
  self->order = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_unreadable_free);
  self->docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lines_free);
  self->reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ----------------------------------------------------------------------- */
/* Documents                                                                */
/* ----------------------------------------------------------------------- */

/* The regulation @path in @commit, read once per blob; @blob gets its id
 * ("" when the commit has no such file: an empty regulation). */
static AmendDocument *
doc_at (AmendCollisions *self,
        const git_oid   *commit_id,
        const char      *path,
        char            *blob,
        GError         **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) data = NULL;
  AmendDocument *doc;

  blob[0] = '\0';
  if (git_commit_lookup (&commit, git, commit_id) < 0 || git_commit_tree (&tree, commit) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot read the version %.7s"), git_oid_tostr_s (commit_id));
      return NULL;
    }
  if (git_tree_entry_bypath (&entry, tree, path) == 0)
    git_oid_tostr (blob, GIT_OID_HEXSZ + 1, git_tree_entry_id (entry));
  if ((doc = g_hash_table_lookup (self->docs, blob)) != NULL)
    return doc;
  if (blob[0] == '\0')
    doc = amend_document_new ();
  else if (git_blob_lookup (&data, git, git_tree_entry_id (entry)) < 0 ||
           (doc = amend_document_new_from_data (git_blob_rawcontent (data), git_blob_rawsize (data), error)) == NULL)
    {
      if (error && *error == NULL)
        amend_repository_set_git_error (error, -1, _("cannot read %s"), path);
      return NULL;
    }
  g_hash_table_insert (self->docs, g_strdup (blob), doc);
  return doc;
}

/* Where each article stands in the draft, for the order of the text: the
 * heading lines are enough ("## Artikel 4:21 Terrassen"). */
static void
index_articles (AmendCollisions *self,
                const char      *path,
                const char      *text)
{
  guint index = 0;

  for (const char *line = text; line && *line; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    {
      const char *p = line;
      const char *end;
      char *key;

      while (*p == '#')
        p++;
      if (p == line || (*p != ' ' && *p != '\t'))
        continue;
      while (*p == ' ' || *p == '\t')
        p++;
      if (!g_str_has_prefix (p, "Artikel"))
        continue;
      p += strlen ("Artikel");
      while (*p == ' ' || *p == '\t')
        p++;
      for (end = p; *end && *end != ' ' && *end != '\t' && *end != '\n'; end++)
        ;
      key = g_strdup_printf ("%s\x1f%.*s", path, (int) (end - p), p);
      if (!g_hash_table_contains (self->positions, key))
        g_hash_table_insert (self->positions, key, GUINT_TO_POINTER (++index));
      else
        g_free (key);
    }
}

/* ----------------------------------------------------------------------- */
/* The amendments                                                           */
/* ----------------------------------------------------------------------- */

static gboolean
entry_init (AmendCollisions *self,
            Entry           *e,
            GError         **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autofree char *ref = NULL;

  e->nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->position = G_MAXUINT64;
  e->target = amend_decision_target_branch (self->repo, e->amendment, error);
  if (e->target == NULL)
    return FALSE;
  ref = g_strconcat ("refs/heads/", e->target, NULL);
  e->usable = git_oid_fromstr (&e->tip, amend_amendment_get_commit (e->amendment)) == 0 &&
              git_reference_name_to_id (&e->into, git, ref) == 0 &&
              git_merge_base (&e->base, git, &e->tip, &e->into) == 0 &&
              !git_oid_equal (&e->base, &e->tip);
  return TRUE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));
      if (alnum && !in_word)
        n++;
      in_word = alnum;
    }
  return n;
}

/* The node a change is about, as a person would name it: a paragraph by
 * its member or point. */
static const char *
touched_eid (const AmendChange *c)
{
  const AmendNode *old = c->old_node;

  if (c->action == AMEND_CHANGE_INSERTED)
    return c->parent_old;
  if (old && old->kind == AMEND_NODE_TEXT && old->parent &&
      (old->parent->kind == AMEND_NODE_MEMBER || old->parent->kind == AMEND_NODE_POINT))
    return old->parent->eid;
  return c->eid_old;
}

static guint
reach_of (const AmendChange *c)
{
  guint n = 0;

  switch (c->action)
    {
    case AMEND_CHANGE_MODIFIED:
      for (guint i = 0; c->pieces && i < c->pieces->len; i++)
        {
          const AmendPiece *p = &g_array_index (c->pieces, AmendPiece, i);
          if (p->op != AMEND_PIECE_EQUAL)
            n += count_words (p->text);
        }
      return n + (c->heading_changed ? 1 : 0);
    case AMEND_CHANGE_INSERTED:
    case AMEND_CHANGE_DELETED:
      {
        const AmendNode *node = c->action == AMEND_CHANGE_INSERTED ? c->node : c->old_node;
        g_autofree char *text = amend_node_get_text_content (node);
        return 10 + count_words (text);
      }
    case AMEND_CHANGE_MOVED:
      return 5;
    default:
      return 1;
    }
}

/* The nodes the amendment changes and how far it reaches: the legal diff
 * of every regulation it changes, since it left what it amends. */
static gboolean
ensure_diffed (AmendCollisions *self,
               Entry           *e,
               GError         **error)
{
  GPtrArray *files = amend_amendment_get_files (e->amendment);

  if (e->diffed || !e->usable)
    return TRUE;
  e->diffed = TRUE;
  for (guint f = 0; f < files->len; f++)
    {
      const char *path = ((AmendTouchedFile *) g_ptr_array_index (files, f))->path;
      char b1[GIT_OID_HEXSZ + 1], b2[GIT_OID_HEXSZ + 1];
      AmendDocument *base = doc_at (self, &e->base, path, b1, error);
      AmendDocument *tip = base ? doc_at (self, &e->tip, path, b2, error) : NULL;
      g_autoptr(AmendDiff) diff = NULL;
      GPtrArray *changes;

      if (tip == NULL)
        return FALSE;
      diff = amend_diff_new (base, tip);
      changes = amend_diff_get_changes (diff);
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", amend_amendment_get_slug (e->amendment), path);
      gboolean count = g_hash_table_add (self->reached, g_steal_pointer (&key));

      for (guint i = 0; i < changes->len; i++)
        {
          const AmendChange *c = g_ptr_array_index (changes, i);
          const char *eid = touched_eid (c);

          if (c->format_only)
            continue;
          if (count)
            e->reach += reach_of (c);
          if (eid)
            g_hash_table_add (e->nodes, g_strdup_printf ("%s\x1f%s", path, eid));
        }
    }
  return TRUE;
}

static void
place (AmendCollisions *self,
       Entry           *e,
       GPtrArray       *paths)
{
  GPtrArray *files = amend_amendment_get_files (e->amendment);

  for (guint f = 0; f < files->len; f++)
    {
      AmendTouchedFile *file = g_ptr_array_index (files, f);
      guint file_index = 0;

      g_ptr_array_find_with_equal_func (paths, file->path, g_str_equal, &file_index);
      for (guint k = 0; file->articles[k]; k++)
        {
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", file->path, file->articles[k]);
          guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, key));
          guint64 where = ((guint64) file_index << 32) | (pos ? pos : G_MAXUINT32);

          e->position = MIN (e->position, where);
        }
    }
}

/* ----------------------------------------------------------------------- */
/* Trial merges                                                             */
/* ----------------------------------------------------------------------- */

static void
add_ids (GHashTable *ids,
         AmendMerge *merge)
{
  GPtrArray *conflicts = amend_merge_get_conflicts (merge);

  for (guint i = 0; i < conflicts->len; i++)
    g_hash_table_add (ids, g_strdup (((AmendConflict *) g_ptr_array_index (conflicts, i))->id));
}

static AmendMerge *
trial (AmendCollisions *self,
       AmendDocument   *base,
       AmendDocument   *ours,
       AmendDocument   *theirs,
       GError         **error)
{
  self->trials++;
  return _amend_merge_documents_trial (base, ours, theirs, error);
}

/* @second adopted after @first, in one regulation: the ids of what
 * conflicts (in the first step, when @first itself no longer fits). */
static gboolean
one_order (AmendCollisions *self,
           Entry           *first,
           Entry           *second,
           const char      *path,
           GHashTable      *ids,
           GError         **error)
{
  char bi[GIT_OID_HEXSZ + 1], bf[GIT_OID_HEXSZ + 1], b1[GIT_OID_HEXSZ + 1];
  char bs[GIT_OID_HEXSZ + 1], b2[GIT_OID_HEXSZ + 1];
  AmendDocument *into = doc_at (self, &first->into, path, bi, error);
  AmendDocument *base1 = into ? doc_at (self, &first->base, path, bf, error) : NULL;
  AmendDocument *tip1 = base1 ? doc_at (self, &first->tip, path, b1, error) : NULL;
  AmendDocument *base2 = tip1 ? doc_at (self, &second->base, path, bs, error) : NULL;
  AmendDocument *tip2 = base2 ? doc_at (self, &second->tip, path, b2, error) : NULL;
  g_autoptr(AmendMerge) step1 = NULL;
  g_autoptr(AmendMerge) step2 = NULL;
  AmendDocument *after;

  if (tip2 == NULL)
    return FALSE;
  if (strcmp (bf, bi) == 0)
    after = tip1;
  else
    {
      if ((step1 = trial (self, base1, into, tip1, error)) == NULL)
        return FALSE;
      if (amend_merge_get_conflicts (step1)->len > 0)
        {
          add_ids (ids, step1);
          return TRUE;
        }
      after = amend_merge_get_result (step1);
    }
  if ((step2 = trial (self, base2, after, tip2, error)) == NULL)
    return FALSE;
  add_ids (ids, step2);
  return TRUE;
}

static GStrv
sorted_keys (GHashTable *set)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (set, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = g_hash_table_size (set);

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (b, keys[i]);
  return g_strv_builder_end (b);
}

static int
compare_indirect (const void *a,
                  const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
sorted_strv (GHashTable *set)
{
  GStrv v = sorted_keys (set);

  qsort (v, g_strv_length (v), sizeof (char *), compare_indirect);
  return v;
}

static Lines *lines_at (AmendCollisions *self, const git_oid *commit_id, const char *path, GError **error);
static gboolean try_excerpts (AmendCollisions *self, Entry *a, Entry *b, const char *path, GHashTable *ids,
                              GHashTable *nodes, GError **error);
static gboolean whole_nodes (Entry *a, Entry *b, const char *path, GHashTable *nodes);

static gboolean
try_pair (AmendCollisions *self,
          AmendCollision  *c,
          Entry           *a,
          Entry           *b,
          GError         **error)
{
  g_autoptr(GHashTable) ab = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ba = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean same_start = git_oid_equal (&a->base, &a->into) && git_oid_equal (&b->base, &b->into) &&
                        git_oid_equal (&a->into, &b->into);

  for (guint f = 0; c->files[f]; f++)
    {
      /* Over the same draft the merge is the same either way round, and
       * excerpts of the articles the two change suffice. */
      if (same_start && try_excerpts (self, a, b, c->files[f], ab, nodes, error))
        continue;
      if (error && *error)
        return FALSE;
      if (!ensure_diffed (self, a, error) || !ensure_diffed (self, b, error) ||
          !whole_nodes (a, b, c->files[f], nodes) ||
          !one_order (self, a, b, c->files[f], ab, error) ||
          (!same_start && !one_order (self, b, a, c->files[f], ba, error)))
        return FALSE;
    }
  c->a_then_b_conflicts = sorted_strv (ab);
  c->b_then_a_conflicts = sorted_strv (same_start ? ab : ba);
  c->a_then_b = c->a_then_b_conflicts[0] == NULL;
  c->b_then_a = c->b_then_a_conflicts[0] == NULL;
  c->nodes = sorted_strv (nodes);
  return TRUE;
}

/* The nodes both change, from the diffs of the whole regulation. */
static gboolean
whole_nodes (Entry      *a,
             Entry      *b,
             const char *path,
             GHashTable *nodes)
{
  g_autofree char *prefix = g_strdup_printf ("%s\x1f", path);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a->nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix) && g_hash_table_contains (b->nodes, key))
      g_hash_table_add (nodes, g_strdup ((const char *) key + strlen (prefix)));
  return TRUE;
}

/* ----------------------------------------------------------------------- */
/* Excerpts                                                                 */
/* ----------------------------------------------------------------------- */

/* Two amendments that both start from the current draft and change a few
 * articles of a large regulation need not be read whole: the articles
 * either of them changes (whole, from heading to heading, with the
 * headings of the divisions they stand in, so that their eIds are those of
 * the whole text) are cut from the three versions with a line diff, and
 * only these excerpts are read and merged.  The merge of the excerpts is
 * the merge of the whole as far as these articles go, and the rest no
 * side changed. */

typedef struct {
  guint start;
  guint end;
} Range;

static Lines *
lines_at (AmendCollisions *self,
          const git_oid   *commit_id,
          const char      *path,
          GError         **error)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  g_autoptr(git_blob) blob = NULL;
  char hex[GIT_OID_HEXSZ + 1] = "";
  Lines *l;

  if (git_commit_lookup (&commit, git, commit_id) < 0 || git_commit_tree (&tree, commit) < 0)
    {
      amend_repository_set_git_error (error, -1, _("cannot read the version %.7s"), git_oid_tostr_s (commit_id));
      return NULL;
    }
  if (git_tree_entry_bypath (&entry, tree, path) == 0)
    git_oid_tostr (hex, sizeof hex, git_tree_entry_id (entry));
  if ((l = g_hash_table_lookup (self->texts, hex)) != NULL)
    return l;
  l = g_new0 (Lines, 1);
  l->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  if (hex[0] && git_blob_lookup (&blob, git, git_tree_entry_id (entry)) == 0)
    l->text = g_strndup (git_blob_rawcontent (blob), git_blob_rawsize (blob));
  else
    l->text = g_strdup ("");
  for (guint i = 0; l->text[i]; )
    {
      guint start = i;

      g_array_append_val (l->starts, start);
      while (l->text[i] && l->text[i] != '\n')
        i++;
      if (l->text[i])
        i++;
    }
  l->n = l->starts->len;
  {
    guint end = strlen (l->text);
    g_array_append_val (l->starts, end);
  }
  g_hash_table_insert (self->texts, g_strdup (hex), l);
  return l;
}

static const char *
line_at (Lines *l,
         guint  i)
{
  return l->text + g_array_index (l->starts, guint, i);
}

static gboolean
same_line (Lines *a,
           guint  i,
           Lines *b,
           guint  j)
{
  guint la = g_array_index (a->starts, guint, i + 1) - g_array_index (a->starts, guint, i);
  guint lb = g_array_index (b->starts, guint, j + 1) - g_array_index (b->starts, guint, j);

  return la == lb && memcmp (line_at (a, i), line_at (b, j), la) == 0;
}

static guint
intern_line (GHashTable *ids,
             Lines      *l,
             guint       i)
{
  guint len = g_array_index (l->starts, guint, i + 1) - g_array_index (l->starts, guint, i);
  char *key = g_strndup (line_at (l, i), len);
  gpointer id;

  if (g_hash_table_lookup_extended (ids, key, NULL, &id))
    {
      g_free (key);
      return GPOINTER_TO_UINT (id);
    }
  id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
  g_hash_table_insert (ids, key, id);
  return GPOINTER_TO_UINT (id);
}

/* The line diff of two versions: their common beginning and end compared
 * byte for byte (an amendment changes a few lines of thousands), the
 * middle with the legal diff's Myers diff. */
static GArray *
line_hunks (Lines *a,
            Lines *b)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint pre = 0, suf = 0, na, nb;
  g_autofree guint *x = NULL, *y = NULL;
  GArray *hunks;

  while (pre < a->n && pre < b->n && same_line (a, pre, b, pre))
    pre++;
  while (suf < a->n - pre && suf < b->n - pre && same_line (a, a->n - 1 - suf, b, b->n - 1 - suf))
    suf++;
  na = a->n - pre - suf;
  nb = b->n - pre - suf;
  x = g_new (guint, na + 1);
  y = g_new (guint, nb + 1);
  for (guint i = 0; i < na; i++)
    x[i] = intern_line (ids, a, pre + i);
  for (guint i = 0; i < nb; i++)
    y[i] = intern_line (ids, b, pre + i);
  hunks = amend_diff_sequences (x, na, y, nb);
  for (guint k = 0; k < hunks->len; k++)
    {
      AmendHunk *h = &g_array_index (hunks, AmendHunk, k);
      h->old_start += pre;
      h->new_start += pre;
    }
  return hunks;
}

static guint
heading_level (Lines *l,
               guint  i)
{
  const char *p = line_at (l, i);
  guint level = 0;

  while (p[level] == '#')
    level++;
  return level > 0 && (p[level] == ' ' || p[level] == '\t') ? level : 0;
}

/* The heading at or before @i, or -1 when there is none (the preamble). */
static int
heading_before (Lines *l,
                int    i)
{
  for (; i >= 0; i--)
    if (heading_level (l, i) > 0)
      return i;
  return -1;
}

static guint
heading_after (Lines *l,
               guint  i)
{
  for (; i < l->n; i++)
    if (heading_level (l, i) > 0)
      return i;
  return l->n;
}

/* Widens a changed stretch of the base to whole sections. */
static gboolean
add_section (Lines  *base,
             GArray *ranges,
             guint   s,
             guint   e)
{
  int start = heading_before (base, (int) s - 1);
  Range r;

  if (start < 0)
    return FALSE;  /* the front matter or the preamble: read the whole */
  r.start = start;
  r.end = heading_after (base, MAX (e, s + 1));
  g_array_append_val (ranges, r);
  return TRUE;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
join_ranges (GArray *ranges)
{
  guint w = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);
      Range *last = w > 0 ? &g_array_index (ranges, Range, w - 1) : NULL;

      if (last && r->start <= last->end)
        last->end = MAX (last->end, r->end);
      else
        g_array_index (ranges, Range, w++) = *r;
    }
  g_array_set_size (ranges, w);
}

/* A section must not start or end inside a hunk of either side. */
static gboolean
widen_to_hunks (Lines  *base,
                GArray *ranges,
                GArray *hunks)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);

      for (guint k = 0; k < hunks->len; k++)
        {
          const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);
          guint hs = h->old_start, he = h->old_start + h->old_len;

          if (hs < r->start && r->start < he)
            {
              int start = heading_before (base, (int) hs);
              r->start = start < 0 ? 0 : (guint) start;
              changed = TRUE;
            }
          if (hs < r->end && r->end < he)
            {
              r->end = heading_after (base, he);
              changed = TRUE;
            }
        }
    }
  return changed;
}

/* The headings of the divisions a section stands in, as sections of one
 * line. */
static void
add_ancestors (Lines  *base,
               GArray *ranges)
{
  guint n = ranges->len;

  for (guint i = 0; i < n; i++)
    {
      guint at = g_array_index (ranges, Range, i).start;
      guint level = heading_level (base, at);

      for (int k = (int) at - 1; k >= 0 && level > 1; k--)
        {
          guint l = heading_level (base, k);

          if (l > 0 && l < level)
            {
              Range r = { k, k + 1 };
              g_array_append_val (ranges, r);
              level = l;
            }
        }
    }
}

static GArray *
excerpt_ranges (Lines  *base,
                GArray *ha,
                GArray *hb)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GArray *sides[2] = { ha, hb };

  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < sides[s]->len; k++)
      {
        const AmendHunk *h = &g_array_index (sides[s], AmendHunk, k);

        if (!add_section (base, ranges, h->old_start, h->old_start + h->old_len))
          return NULL;
      }
  do
    join_ranges (ranges);
  while (widen_to_hunks (base, ranges, ha) | widen_to_hunks (base, ranges, hb));
  add_ancestors (base, ranges);
  join_ranges (ranges);
  if (ranges->len == 0 || g_array_index (ranges, Range, 0).start == 0)
    return NULL;
  return g_steal_pointer (&ranges);
}

/* Where base line @i is in the version the hunks lead to; an insertion
 * right at @i goes with what follows when @before, else with what
 * precedes. */
static guint
map_line (GArray  *hunks,
          guint    i,
          gboolean before)
{
  int delta = 0;

  for (guint k = 0; k < hunks->len; k++)
    {
      const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);

      if (h->old_start > i || (h->old_start == i && before))
        break;
      delta += (int) h->new_len - (int) h->old_len;
    }
  return (guint) ((int) i + delta);
}

/* Where the section that ends before base line @i ends in the version the
 * hunks lead to: what is inserted right there (an article moved behind its
 * last one, or added at the end of the text) is in it. */
static guint
map_end (GArray *hunks,
         guint   i)
{
  guint to = map_line (hunks, i, TRUE);

  for (guint k = 0; k < hunks->len; k++)
    {
      const AmendHunk *h = &g_array_index (hunks, AmendHunk, k);

      if (h->old_start == i && h->old_len == 0)
        to += h->new_len;
    }
  return to;
}

static char *
excerpt_text (Lines  *version,
              GArray *hunks,
              GArray *ranges)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *r = &g_array_index (ranges, Range, i);
      guint from = hunks ? map_line (hunks, r->start, TRUE) : r->start;
      guint to = hunks ? map_end (hunks, r->end) : r->end;
      guint a = g_array_index (version->starts, guint, MIN (from, version->n));
      guint b = g_array_index (version->starts, guint, MIN (to, version->n));

      g_string_append_len (s, version->text + a, b - a);
      if (s->len > 0 && s->str[s->len - 1] != '\n')
        g_string_append_c (s, '\n');
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static AmendDocument *
parse_excerpt (const char *text)
{
  return amend_document_new_from_data (text, strlen (text), NULL);
}

/* The nodes a diff touches (for the pair) and how far it reaches (once
 * per amendment and file). */
static void
note_changes (AmendCollisions *self,
              Entry           *e,
              const char      *path,
              AmendDiff       *diff,
              GHashTable      *nodes)
{
  GPtrArray *changes = amend_diff_get_changes (diff);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", amend_amendment_get_slug (e->amendment), path);
  gboolean count = g_hash_table_add (self->reached, g_steal_pointer (&key));

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      const char *eid = touched_eid (c);

      if (c->format_only)
        continue;
      if (count)
        e->reach += reach_of (c);
      if (eid)
        g_hash_table_add (nodes, g_strdup (eid));
    }
}

/* The pair in one regulation, from excerpts; FALSE when they do not fit
 * (a change in the front matter or the preamble): then it is read whole. */
static gboolean
try_excerpts (AmendCollisions *self,
              Entry           *a,
              Entry           *b,
              const char      *path,
              GHashTable      *ids,
              GHashTable      *nodes,
              GError         **error)
{
  Lines *base = lines_at (self, &a->into, path, error);
  Lines *la = base ? lines_at (self, &a->tip, path, error) : NULL;
  Lines *lb = la ? lines_at (self, &b->tip, path, error) : NULL;
  g_autoptr(GArray) ha = NULL, hb = NULL, ranges = NULL;
  g_autoptr(AmendDocument) db = NULL, da = NULL, dbb = NULL;
  g_autoptr(AmendDiff) diff_a = NULL, diff_b = NULL;
  g_autoptr(GHashTable) na = NULL, nb = NULL;
  g_autoptr(AmendMerge) merge = NULL;
  g_autofree char *tb = NULL, *ta = NULL, *tbb = NULL;
  GHashTableIter iter;
  gpointer key;

  if (lb == NULL)
    return FALSE;
  ha = line_hunks (base, la);
  hb = line_hunks (base, lb);
  ranges = excerpt_ranges (base, ha, hb);
  if (ranges == NULL)
    return FALSE;
  tb = excerpt_text (base, NULL, ranges);
  ta = excerpt_text (la, ha, ranges);
  tbb = excerpt_text (lb, hb, ranges);
  if ((db = parse_excerpt (tb)) == NULL || (da = parse_excerpt (ta)) == NULL || (dbb = parse_excerpt (tbb)) == NULL)
    return FALSE;
  diff_a = amend_diff_new (db, da);
  na = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  note_changes (self, a, path, diff_a, na);
  g_clear_object (&diff_a);
  diff_b = amend_diff_new (db, dbb);
  nb = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  note_changes (self, b, path, diff_b, nb);
  g_clear_object (&diff_b);
  g_hash_table_iter_init (&iter, na);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (nb, key))
      g_hash_table_add (nodes, g_strdup (key));
  if ((merge = trial (self, db, da, dbb, error)) == NULL)
    return FALSE;
  add_ids (ids, merge);
  return TRUE;
}

/* The articles and files two amendments both change, and the nodes. */
static AmendCollision *
describe_pair (Entry      *a,
               Entry      *b,
               GHashTable *articles,
               GHashTable *files)
{
  AmendCollision *c = g_new0 (AmendCollision, 1);

  c->a = g_object_ref (a->amendment);
  c->b = g_object_ref (b->amendment);
  c->articles = sorted_strv (articles);
  c->files = sorted_strv (files);
  return c;
}

/* ----------------------------------------------------------------------- */
/* Pairs                                                                    */
/* ----------------------------------------------------------------------- */

static gboolean
related (Entry *a,
         Entry *b)
{
  return g_strcmp0 (amend_amendment_get_amends (a->amendment), amend_amendment_get_slug (b->amendment)) == 0 ||
         g_strcmp0 (amend_amendment_get_amends (b->amendment), amend_amendment_get_slug (a->amendment)) == 0;
}

/* Amendments that change one article of one file, for one target. */
static GHashTable *
by_article (AmendCollisions *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      GPtrArray *files = amend_amendment_get_files (e->amendment);

      if (!e->usable)
        continue;
      for (guint f = 0; f < files->len; f++)
        {
          AmendTouchedFile *file = g_ptr_array_index (files, f);

          for (guint k = 0; file->articles[k]; k++)
            {
              char *key = g_strdup_printf ("%s\x1f%s\x1f%s", e->target, file->path, file->articles[k]);
              GPtrArray *list = g_hash_table_lookup (index, key);

              if (list == NULL)
                g_hash_table_insert (index, key, (list = g_ptr_array_new ()));
              else
                g_free (key);
              g_ptr_array_add (list, e);
            }
        }
    }
  return index;
}

typedef struct {
  Entry      *a, *b;
  GHashTable *articles;
  GHashTable *files;
  gboolean    neighbours;   /* no article in common, only articles next to each other */
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_hash_table_unref (c->articles);
  g_hash_table_unref (c->files);
  g_free (c);
}

/* Whether @a changes an article of a file right next to one @b changes
 * (in the draft's order); @path is set to the file. */
static gboolean
next_to (AmendCollisions *self,
         Entry           *a,
         Entry           *b,
         const char     **path)
{
  GPtrArray *fa = amend_amendment_get_files (a->amendment);
  GPtrArray *fb = amend_amendment_get_files (b->amendment);

  for (guint i = 0; i < fa->len; i++)
    for (guint j = 0; j < fb->len; j++)
      {
        AmendTouchedFile *x = g_ptr_array_index (fa, i), *y = g_ptr_array_index (fb, j);

        if (strcmp (x->path, y->path) != 0)
          continue;
        for (guint k = 0; x->articles[k]; k++)
          for (guint l = 0; y->articles[l]; l++)
            {
              g_autofree char *kx = g_strdup_printf ("%s\x1f%s", x->path, x->articles[k]);
              g_autofree char *ky = g_strdup_printf ("%s\x1f%s", y->path, y->articles[l]);
              guint px = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, kx));
              guint py = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, ky));

              if (px && py && (px + 1 == py || py + 1 == px))
                {
                  *path = x->path;
                  return TRUE;
                }
            }
      }
  return FALSE;
}

/* A move changes the order of the articles around it: two amendments
 * that change articles next to each other (one moves article 3 behind 4,
 * the other 4 behind 5) may not be adopted both.  They are tried too,
 * and kept as a collision only when a trial conflicts. */
static void
add_neighbours (AmendCollisions *self,
                GPtrArray       *out,
                GHashTable      *seen)
{
  for (guint i = 0; i < self->entries->len; i++)
    for (guint j = 0; j < self->entries->len; j++)
      {
        Entry *a = g_ptr_array_index (self->entries, i), *b = g_ptr_array_index (self->entries, j);
        g_autofree char *pair = NULL;
        const char *path = NULL;
        Candidate *c;

        if (!a->usable || !b->usable || strcmp (a->target, b->target) != 0 || related (a, b) ||
            strcmp (amend_amendment_get_slug (a->amendment), amend_amendment_get_slug (b->amendment)) >= 0)
          continue;
        pair = g_strdup_printf ("%s\x1f%s", amend_amendment_get_slug (a->amendment), amend_amendment_get_slug (b->amendment));
        if (g_hash_table_contains (seen, pair) || !next_to (self, a, b, &path))
          continue;
        c = g_new0 (Candidate, 1);
        c->a = a;
        c->b = b;
        c->neighbours = TRUE;
        c->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        c->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_hash_table_add (c->files, g_strdup (path));
        g_ptr_array_add (out, c);
        g_hash_table_insert (seen, g_steal_pointer (&pair), c);
      }
}

static GPtrArray *
candidates (AmendCollisions *self)
{
  g_autoptr(GHashTable) index = by_article (self);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 3);

      for (guint i = 0; i < list->len; i++)
        for (guint j = i + 1; j < list->len; j++)
          {
            Entry *a = g_ptr_array_index (list, i), *b = g_ptr_array_index (list, j);
            g_autofree char *pair = NULL;
            Candidate *c;

            if (a == b || related (a, b))
              continue;
            if (strcmp (amend_amendment_get_slug (a->amendment), amend_amendment_get_slug (b->amendment)) > 0)
              {
                Entry *t = a;
                a = b;
                b = t;
              }
            pair = g_strdup_printf ("%s\x1f%s", amend_amendment_get_slug (a->amendment), amend_amendment_get_slug (b->amendment));
            c = g_hash_table_lookup (seen, pair);
            if (c == NULL)
              {
                c = g_new0 (Candidate, 1);
                c->a = a;
                c->b = b;
                c->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                c->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                g_ptr_array_add (out, c);
                g_hash_table_insert (seen, g_steal_pointer (&pair), c);
              }
            g_hash_table_add (c->files, g_strdup (parts[1]));
            g_hash_table_add (c->articles, g_strdup (parts[2]));
          }
    }
  add_neighbours (self, out, seen);
  return out;
}

static int
compare_candidates (gconstpointer x,
                    gconstpointer y)
{
  const Candidate *a = *(const Candidate * const *) x, *b = *(const Candidate * const *) y;
  int r = strcmp (amend_amendment_get_slug (a->a->amendment), amend_amendment_get_slug (b->a->amendment));

  return r ? r : strcmp (amend_amendment_get_slug (a->b->amendment), amend_amendment_get_slug (b->b->amendment));
}

/* ----------------------------------------------------------------------- */
/* The voting order                                                         */
/* ----------------------------------------------------------------------- */

static Entry *
entry_of (AmendCollisions *self,
          AmendAmendment  *a)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *) g_ptr_array_index (self->entries, i))->amendment == a)
      return g_ptr_array_index (self->entries, i);
  return NULL;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* Competing amendments form groups; a group is voted where its first
 * article stands, its most far-reaching member first. */
static void
group_components (AmendCollisions *self)
{
  guint n = self->entries->len;
  g_autofree guint *parent = g_new (guint, n + 1);
  g_autofree guint64 *first = g_new (guint64, n + 1);

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint p = 0; p < self->pairs->len; p++)
    {
      AmendCollision *c = g_ptr_array_index (self->pairs, p);
      guint x, y;

      g_ptr_array_find (self->amendments, c->a, &x);
      g_ptr_array_find (self->amendments, c->b, &y);
      parent[find_root (parent, x)] = find_root (parent, y);
    }
  for (guint i = 0; i < n; i++)
    first[i] = G_MAXUINT64;
  for (guint i = 0; i < n; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      guint r = find_root (parent, i);

      e->component = r;
      first[r] = MIN (first[r], e->position);
    }
  for (guint i = 0; i < n; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      /* The group's place, then the group itself, then reach. */
      e->position = first[e->component];
    }
}

static int
compare_entries (gconstpointer x,
                 gconstpointer y)
{
  const Entry *a = *(const Entry * const *) x, *b = *(const Entry * const *) y;

  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  if (a->component != b->component)
    return a->component < b->component ? -1 : 1;
  if (a->reach != b->reach)
    return a->reach > b->reach ? -1 : 1;
  return strcmp (amend_amendment_get_slug (a->amendment), amend_amendment_get_slug (b->amendment));
}

/* Whether @a goes before @b as the more far-reaching: two that reach as
 * far are told apart as the order tells them apart, so that of two
 * amendments that exclude each other only one is the most far-reaching. */
static gboolean
reaches_further (const Entry *a,
                 const Entry *b)
{
  if (a->reach != b->reach)
    return a->reach > b->reach;
  return compare_entries (&a, &b) < 0;
}

static AmendVotingStep *
step_new (Entry *e)
{
  AmendVotingStep *s = g_new0 (AmendVotingStep, 1);

  s->amendment = g_object_ref (e->amendment);
  s->reach = e->reach;
  s->competes = g_ptr_array_new_with_free_func (g_object_unref);
  s->lapses = g_ptr_array_new_with_free_func (g_object_unref);
  return s;
}

static void
fill_step (AmendCollisions *self,
           AmendVotingStep *s)
{
  gboolean furthest = TRUE;

  for (guint p = 0; p < self->pairs->len; p++)
    {
      AmendCollision *c = g_ptr_array_index (self->pairs, p);
      AmendAmendment *other = c->a == s->amendment ? c->b : c->b == s->amendment ? c->a : NULL;
      gboolean after_ok = c->a == s->amendment ? c->a_then_b : c->b_then_a;

      if (other == NULL)
        continue;
      g_ptr_array_add (s->competes, g_object_ref (other));
      if (!after_ok)
        g_ptr_array_add (s->lapses, g_object_ref (other));
      if (reaches_further (entry_of (self, other), entry_of (self, s->amendment)))
        furthest = FALSE;
    }
  s->furthest = furthest && s->competes->len > 0;
}

/* @e after its subamendments, and theirs before them (c amends b, which
 * amends a: c, b, a), each right before the one it amends; @placed keeps
 * a cycle of records edited by hand from going round. */
static void
place_with_subs (AmendCollisions *self,
                 GPtrArray       *sorted,
                 Entry           *e,
                 AmendAmendment  *before,
                 GHashTable      *placed)
{
  AmendVotingStep *s;

  if (!g_hash_table_add (placed, e))
    return;
  for (guint k = 0; k < sorted->len; k++)
    {
      Entry *sub = g_ptr_array_index (sorted, k);

      if (g_strcmp0 (amend_amendment_get_amends (sub->amendment), amend_amendment_get_slug (e->amendment)) == 0)
        place_with_subs (self, sorted, sub, e->amendment, placed);
    }
  s = step_new (e);
  if (before)
    s->before = g_object_ref (before);
  fill_step (self, s);
  g_ptr_array_add (self->order, s);
}

/* Subamendments go right before their amendment, the most far-reaching
 * first; the others in the order of groups and text.  None is left out:
 * one in a cycle of amends (no amendment it hangs from is listed first)
 * is placed where it stands. */
static void
make_order (AmendCollisions *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);

  group_components (self);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->entries, i));
  g_ptr_array_sort (sorted, compare_entries);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < sorted->len; i++)
      {
        Entry *e = g_ptr_array_index (sorted, i);
        const char *amends = amend_amendment_get_amends (e->amendment);
        gboolean parent_listed = FALSE;

        for (guint k = 0; pass == 0 && amends && k < sorted->len; k++)
          if (g_strcmp0 (amend_amendment_get_slug (((Entry *) g_ptr_array_index (sorted, k))->amendment), amends) == 0)
            parent_listed = TRUE;
        if (!parent_listed)
          place_with_subs (self, sorted, e, NULL, placed);
      }
}

/* ----------------------------------------------------------------------- */
/* Finding them                                                             */
/* ----------------------------------------------------------------------- */

static gboolean
load_amendments (AmendCollisions *self,
                 gboolean         concepts,
                 GError         **error)
{
  g_autoptr(GPtrArray) all = amend_amendment_list_full (self->repo, self->unreadable, error);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (all, i);
      AmendStatus status = amend_amendment_get_status (a);
      Entry *e;

      if (status != AMEND_STATUS_SUBMITTED && !(concepts && status == AMEND_STATUS_CONCEPT))
        continue;
      g_ptr_array_add (self->amendments, g_object_ref (a));
      e = g_new0 (Entry, 1);
      e->amendment = g_object_ref (a);
      g_ptr_array_add (self->entries, e);
      if (!entry_init (self, e, error))
        return FALSE;
    }
  return TRUE;
}

/* The text order needs the draft of each regulation an amendment changes. */
static gboolean
place_all (AmendCollisions *self,
           GError         **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) indexed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      GPtrArray *files = amend_amendment_get_files (e->amendment);

      for (guint f = 0; e->usable && f < files->len; f++)
        {
          const char *path = ((AmendTouchedFile *) g_ptr_array_index (files, f))->path;
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", e->target, path);

          if (!g_ptr_array_find_with_equal_func (paths, path, g_str_equal, NULL))
            g_ptr_array_add (paths, g_strdup (path));
          if (g_hash_table_contains (indexed, key))
            continue;
          g_hash_table_add (indexed, g_steal_pointer (&key));
          if (strncmp (e->target, AMEND_AMENDMENT_BRANCH_PREFIX, strlen (AMEND_AMENDMENT_BRANCH_PREFIX)) != 0)
            {
              Lines *draft = lines_at (self, &e->into, path, error);
              if (draft == NULL)
                return FALSE;
              index_articles (self, path, draft->text);
            }
        }
    }
  for (guint i = 0; i < self->entries->len; i++)
    place (self, g_ptr_array_index (self->entries, i), paths);
  return TRUE;
}

/**
 * amend_collisions_find:
 * @concepts: consider concepts too, not only submitted amendments
 *
 * Finds the pairs of open amendments that change the same articles,
 * merges each pair on trial in memory (both orders), and proposes the
 * voting order.
 */
AmendCollisions *
amend_collisions_find (AmendRepository *repo,
                       gboolean         concepts,
                       GError         **error)
{
  g_autoptr(AmendCollisions) self = g_object_new (AMEND_TYPE_COLLISIONS, NULL);
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (AMEND_IS_REPOSITORY (repo), NULL);

  self->repo = g_object_ref (repo);
  if (!load_amendments (self, concepts, error) || !place_all (self, error))
    return NULL;
  found = candidates (self);
  g_ptr_array_sort (found, compare_candidates);
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *cand = g_ptr_array_index (found, i);
      AmendCollision *c;

      c = describe_pair (cand->a, cand->b, cand->articles, cand->files);
      g_ptr_array_add (self->pairs, c);
      if (!try_pair (self, c, cand->a, cand->b, error))
        return NULL;
      if (cand->neighbours && c->a_then_b && c->b_then_a)
        g_ptr_array_remove_index (self->pairs, self->pairs->len - 1);
    }
  make_order (self);
  return g_steal_pointer (&self);
}

/* The amendments looked at (submitted ones; with concepts, those too). */
GPtrArray *
amend_collisions_get_amendments (AmendCollisions *self)
{
  g_return_val_if_fail (AMEND_IS_COLLISIONS (self), NULL);
  return self->amendments;
}

/* The pairs that change the same articles, by slug. */
GPtrArray *
amend_collisions_get_pairs (AmendCollisions *self)
{
  g_return_val_if_fail (AMEND_IS_COLLISIONS (self), NULL);
  return self->pairs;
}

/* The proposed voting order, of AmendVotingStep. */
GPtrArray *
amend_collisions_get_order (AmendCollisions *self)
{
  g_return_val_if_fail (AMEND_IS_COLLISIONS (self), NULL);
  return self->order;
}

/* The amendments left out because their branch cannot be read, of
 * AmendUnreadable: the command says so. */
GPtrArray *
amend_collisions_get_unreadable (AmendCollisions *self)
{
  g_return_val_if_fail (AMEND_IS_COLLISIONS (self), NULL);
  return self->unreadable;
}

/* How many trial merges were made (for the benchmark). */
guint
amend_collisions_count_trials (AmendCollisions *self)
{
  g_return_val_if_fail (AMEND_IS_COLLISIONS (self), 0);
  return self->trials;
}
