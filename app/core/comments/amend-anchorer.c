/* amend-anchorer.c: finding comments again in a later version of a regulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A comment is anchored in the version it was made on: a node's eId and
 * the quoted words with a little text before and after.  Shown against a
 * later version it is looked for, in this order:
 *
 *   eid       the node with the same eId, where the quote still is;
 *   diff      the node the legal diff pairs with the old one (an article
 *             renumbered from 5 to 6, moved to another chapter), where the
 *             quote still is; a comment without a quote follows its node;
 *   quote     the exact quote, where it occurs once in the regulation (or
 *             where its surroundings are the same);
 *   fuzzy     the quote with its surroundings, within an edit distance of
 *             a quarter of their length, first in the node the eId or the
 *             diff points at, then anywhere; else the quote alone within a
 *             third of its length in that node;
 *   outdated  not found: the comment keeps the text it was about.
 *
 * The first step needs only the new version.  The others need the version
 * the comment was made on and the diff from it, which are the expensive
 * part (reading 1.3 MB into the model twice and pairing it); comments are
 * taken in the order of the blob they were made on, and one old version
 * and its diff are kept at a time, so ten thousand comments made on a few
 * versions cost a few diffs.
 */
#include "config.h"

#include <string.h>

#include "amend-anchorer.h"
#include "amend-comment-private.h"
#include "amend-comment-text.h"
#include "amend-diff.h"
#include "amend-quote-match.h"
#include "amend-repository-private.h"

typedef struct {
  char             *blob;   /* hex; NULL when given in memory */
  AmendCommentText *text;   /* NULL: the file is not in this version */
} Target;

typedef struct {
  char             *key;
  gboolean          same;   /* the comment's version is the target's */
  AmendDocument    *doc;
  AmendDiff        *diff;
  AmendCommentText *text;   /* made when an outdated comment needs its node's text */
} Old;

struct _AmendAnchorer
{
  GObject          parent_instance;

  AmendRepository *repo;
  char            *commit;
  GHashTable      *targets;   /* source -> Target */
  GHashTable      *given;     /* "commit\nsource" -> AmendDocument */
  GHashTable      *blobs;     /* "commit\nsource" -> blob hex, "" when absent */
  Old             *old;
  guint            n_diffs;
};

G_DEFINE_FINAL_TYPE (AmendAnchorer, amend_anchorer, G_TYPE_OBJECT)

static void
target_free (gpointer data)
{
  Target *t = data;

  g_free (t->blob);
  amend_comment_text_free (t->text);
  g_free (t);
}

static void
old_free (Old *old)
{
  if (old == NULL)
    return;
  g_free (old->key);
  g_clear_object (&old->doc);
  g_clear_object (&old->diff);
  amend_comment_text_free (old->text);
  g_free (old);
}

static void
amend_anchorer_finalize (GObject *object)
{
  AmendAnchorer *self = AMEND_ANCHORER (object);

  g_clear_object (&self->repo);
  g_free (self->commit);
  g_hash_table_unref (self->targets);
  g_hash_table_unref (self->given);
  g_hash_table_unref (self->blobs);
  old_free (self->old);
  G_OBJECT_CLASS (amend_anchorer_parent_class)->finalize (object);
}

static void
amend_anchorer_class_init (AmendAnchorerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_anchorer_finalize;
}

static void
amend_anchorer_init (AmendAnchorer *self)
{
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, target_free);
  self->given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * amend_anchorer_new:
 * @repo: (nullable): where the versions comments were made on are read
 * @commit: (nullable): the commit (40 hex digits) of the version to show
 *   comments against; NULL when every version is given in memory
 */
AmendAnchorer *
amend_anchorer_new (AmendRepository *repo,
                    const char      *commit)
{
  AmendAnchorer *self = g_object_new (AMEND_TYPE_ANCHORER, NULL);

  self->repo = repo ? g_object_ref (repo) : NULL;
  self->commit = g_strdup (commit);
  return self;
}

/**
 * amend_anchorer_set_document:
 * @commit: (nullable): the version @doc is; NULL: the version comments
 *   are shown against (the working copy, say)
 *
 * Gives a version in memory instead of reading it from the repository.
 */
void
amend_anchorer_set_document (AmendAnchorer *self,
                             const char    *commit,
                             const char    *source,
                             AmendDocument *doc)
{
  g_return_if_fail (AMEND_IS_ANCHORER (self));

  if (commit == NULL)
    {
      Target *t = g_new0 (Target, 1);

      t->text = amend_comment_text_new (doc);
      g_hash_table_replace (self->targets, g_strdup (source), t);
    }
  else
    g_hash_table_replace (self->given, g_strconcat (commit, "\n", source, NULL), g_object_ref (doc));
  g_clear_pointer (&self->old, old_free);
}

guint
amend_anchorer_get_n_diffs (AmendAnchorer *self)
{
  return self->n_diffs;
}

/* ----------------------------------------------------------------------- */
/* Versions                                                                 */
/* ----------------------------------------------------------------------- */

static char *
blob_in_commit (AmendAnchorer *self,
                const char    *commit,
                const char    *source)
{
  git_repository *git = amend_repository_get_git (self->repo);
  g_autoptr(git_commit) c = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;
  git_oid oid;

  if (git_oid_fromstr (&oid, commit) < 0 || git_commit_lookup (&c, git, &oid) < 0 ||
      git_commit_tree (&tree, c) < 0 || git_tree_entry_bypath (&entry, tree, source) < 0 ||
      git_tree_entry_type (entry) != GIT_OBJECT_BLOB)
    return g_strdup ("");
  return g_strdup (git_oid_tostr_s (git_tree_entry_id (entry)));
}

/* The blob of @source in @commit, "" when there is none (a commit this
 * clone does not have, a file deleted since). */
static const char *
blob_of (AmendAnchorer *self,
         const char    *commit,
         const char    *source)
{
  g_autofree char *key = g_strconcat (commit, "\n", source, NULL);
  const char *blob = g_hash_table_lookup (self->blobs, key);

  if (blob == NULL)
    {
      char *found = self->repo ? blob_in_commit (self, commit, source) : g_strdup ("");

      g_hash_table_insert (self->blobs, g_steal_pointer (&key), found);
      blob = found;
    }
  return blob;
}

static AmendDocument *
read_blob (AmendAnchorer *self,
           const char    *hex)
{
  g_autoptr(git_blob) blob = NULL;
  git_oid oid;

  if (git_oid_fromstr (&oid, hex) < 0 || git_blob_lookup (&blob, amend_repository_get_git (self->repo), &oid) < 0)
    return NULL;
  return amend_document_new_from_data (git_blob_rawcontent (blob), git_blob_rawsize (blob), NULL);
}

static Target *
get_target (AmendAnchorer *self,
            const char    *source)
{
  Target *t = g_hash_table_lookup (self->targets, source);
  g_autoptr(AmendDocument) doc = NULL;

  if (t != NULL)
    return t;
  t = g_new0 (Target, 1);
  if (self->repo && self->commit)
    {
      t->blob = g_strdup (blob_of (self, self->commit, source));
      if (*t->blob && (doc = read_blob (self, t->blob)) != NULL)
        t->text = amend_comment_text_new (doc);
    }
  g_hash_table_insert (self->targets, g_strdup (source), t);
  return t;
}

/* What the version a comment was made on is known by: its blob, or its
 * commit and source when it was given in memory; "" when unknown. */
static char *
version_key (AmendAnchorer *self,
             AmendComment  *comment)
{
  const char *commit = amend_comment_get_commit (comment);
  const char *source = amend_comment_get_source (comment);
  g_autofree char *given = g_strconcat (commit, "\n", source, NULL);

  if (g_hash_table_contains (self->given, given))
    return g_steal_pointer (&given);
  return g_strdup (blob_of (self, commit, source));
}

/* The version @comment was made on and the diff from it to the target;
 * NULL when that version cannot be read. */
static Old *
get_old (AmendAnchorer *self,
         AmendComment  *comment,
         Target        *target)
{
  g_autofree char *key = version_key (self, comment);
  AmendDocument *given;
  Old *old;

  if (self->old && strcmp (self->old->key, key) == 0)
    return self->old;
  g_clear_pointer (&self->old, old_free);
  if (*key == '\0')
    return NULL;
  old = g_new0 (Old, 1);
  old->same = target->blob && strcmp (target->blob, key) == 0;
  given = g_hash_table_lookup (self->given, key);
  if (old->same)
    old->doc = g_object_ref (amend_comment_text_get_document (target->text));
  else
    old->doc = given ? g_object_ref (given) : read_blob (self, key);
  old->key = g_steal_pointer (&key);
  if (old->doc == NULL)
    {
      old_free (old);
      return NULL;
    }
  /* A diff of a document with itself would number its nodes twice. */
  if (target->text && old->doc == amend_comment_text_get_document (target->text))
    old->same = TRUE;
  if (!old->same && target->text)
    {
      old->diff = amend_diff_new (old->doc, amend_comment_text_get_document (target->text));
      self->n_diffs++;
    }
  self->old = old;
  return old;
}

/* ----------------------------------------------------------------------- */
/* Positions                                                                */
/* ----------------------------------------------------------------------- */

static const char *
article_of (const AmendNode *node)
{
  const AmendNode *article = node->kind == AMEND_NODE_ARTICLE ? node : amend_node_find_ancestor (node, AMEND_NODE_ARTICLE);

  return article ? article->number : NULL;
}

static void
place_on_node (AmendComment     *comment,
               AmendAnchorState  state,
               const AmendNode  *node)
{
  AmendCommentPosition pos = { state, node->eid, article_of (node), node->line_start, node->line_end };

  _amend_comment_set_position (comment, &pos);
}

static void
place_on_text (AmendComment     *comment,
               AmendAnchorState  state,
               Target           *target,
               const AmendNode  *node,
               gsize             start,
               gsize             end,
               guint             errors)
{
  const char *text = amend_comment_text_get_data (target->text, NULL);
  AmendCommentPosition pos = { state };

  if (node == NULL)
    node = amend_comment_text_node_at (target->text, start, end);
  pos.eid = node->eid;
  pos.article = article_of (node);
  pos.line = amend_comment_text_line_at (target->text, start);
  pos.line_end = amend_comment_text_line_at (target->text, end > start ? end - 1 : start);
  pos.found_text = text + start;
  pos.found_len = end - start;
  pos.errors = errors;
  _amend_comment_set_position (comment, &pos);
}

/* Outdated: the comment shows the quote, or the text of its node as it
 * was (cut at AMEND_COMMENT_MAX_QUOTE bytes, on a character). */
static void
place_outdated (AmendComment *comment,
                Old          *old)
{
  AmendCommentPosition pos = { AMEND_ANCHOR_OUTDATED };
  g_autofree char *node_text = NULL;
  const AmendNode *node;
  gsize start, end, len;
  const char *text;

  pos.old_text = amend_comment_get_exact (comment);
  if (pos.old_text == NULL && old && (node = amend_document_find_eid (old->doc, amend_comment_get_eid (comment))))
    {
      if (old->text == NULL)
        old->text = amend_comment_text_new (old->doc);
      text = amend_comment_text_get_data (old->text, NULL);
      amend_comment_text_get_span (old->text, node, &start, &end);
      len = MIN (end - start, AMEND_COMMENT_MAX_QUOTE);
      while (len > 0 && (text[start + len - 1] == '\n' || ((guchar) text[start + len] & 0xc0) == 0x80))
        len--;
      pos.old_text = node_text = g_strndup (text + start, len);
    }
  _amend_comment_set_position (comment, &pos);
}

/* ----------------------------------------------------------------------- */
/* Re-anchoring                                                             */
/* ----------------------------------------------------------------------- */

static AmendNode *
partner_of (Old        *old,
            const char *eid)
{
  AmendNode *node;

  if (old == NULL || old->diff == NULL || (node = amend_document_find_eid (old->doc, eid)) == NULL)
    return NULL;
  return amend_diff_get_partner (old->diff, node, TRUE);
}

/* A comment on a whole node follows the node: the diff's pairing when the
 * version changed (an eId now used by another article does not count),
 * its eId when it did not or the old version cannot be read. */
static void
resolve_node (AmendAnchorer *self,
              AmendComment  *comment,
              Target        *target)
{
  const char *eid = amend_comment_get_eid (comment);
  Old *old = get_old (self, comment, target);
  AmendNode *node = NULL;
  AmendAnchorState state = AMEND_ANCHOR_EID;

  if (target->text == NULL)
    node = NULL;
  else if (old && old->diff && amend_document_find_eid (old->doc, eid))
    {
      node = partner_of (old, eid);
      if (node && g_strcmp0 (node->eid, eid) != 0)
        state = AMEND_ANCHOR_DIFF;
    }
  else
    node = amend_document_find_eid (amend_comment_text_get_document (target->text), eid);
  if (node)
    place_on_node (comment, state, node);
  else
    place_outdated (comment, old);
}

static gboolean
find_in_node (AmendComment     *comment,
              Target           *target,
              const AmendNode  *node,
              AmendAnchorState  state)
{
  const char *exact = amend_comment_get_exact (comment);
  gsize start, end, at;

  if (node == NULL || !amend_comment_text_get_span (target->text, node, &start, &end) ||
      amend_comment_text_find (target->text, start, end, exact, amend_comment_get_prefix (comment),
                               amend_comment_get_suffix (comment), &at) == 0)
    return FALSE;
  place_on_text (comment, state, target, node, at, at + strlen (exact), 0);
  return TRUE;
}

static gboolean
same_context (const char *text,
              gsize       len,
              gsize       at,
              gsize       m,
              const char *prefix,
              const char *suffix)
{
  gsize p = prefix ? strlen (prefix) : 0;
  gsize s = suffix ? strlen (suffix) : 0;

  return at >= p && at + m + s <= len && memcmp (text + at - p, prefix ? prefix : "", p) == 0 &&
         memcmp (text + at + m, suffix ? suffix : "", s) == 0;
}

static gboolean
find_exact (AmendComment *comment,
            Target       *target)
{
  const char *exact = amend_comment_get_exact (comment);
  gsize len, at = 0, m = strlen (exact);
  const char *text = amend_comment_text_get_data (target->text, &len);
  guint count = amend_comment_text_find (target->text, 0, len, exact, amend_comment_get_prefix (comment),
                                         amend_comment_get_suffix (comment), &at);

  if (count == 0 || (count > 1 && !same_context (text, len, at, m, amend_comment_get_prefix (comment),
                                                 amend_comment_get_suffix (comment))))
    return FALSE;
  place_on_text (comment, AMEND_ANCHOR_QUOTE, target, NULL, at, at + m, 0);
  return TRUE;
}

/* The quote with its surroundings in [@from, @to), within a quarter of
 * their length: where the quote's bounds fall in the best match.  The
 * words themselves may have changed more (one word for another): the
 * surroundings say it is the same place.  A quote that is gone, its
 * surroundings now side by side, is not found. */
static gboolean
fuzzy_with_context (AmendComment *comment,
                    Target       *target,
                    gsize         from,
                    gsize         to)
{
  const char *prefix = amend_comment_get_prefix (comment) ? amend_comment_get_prefix (comment) : "";
  const char *exact = amend_comment_get_exact (comment);
  const char *suffix = amend_comment_get_suffix (comment) ? amend_comment_get_suffix (comment) : "";
  g_autofree char *pattern = g_strconcat (prefix, exact, suffix, NULL);
  gsize p = strlen (prefix), m = strlen (exact), n = strlen (pattern);
  gsize marks[2] = { p, p + m }, bounds[2];
  const char *text = amend_comment_text_get_data (target->text, NULL);
  AmendQuoteMatch match;
  guint errors;

  if (!amend_quote_match (text + from, to - from, pattern, n, n / 4, &match) ||
      !amend_quote_align (text + from + match.start, match.end - match.start, pattern, n, marks, bounds, 2))
    return FALSE;
  errors = amend_edit_distance (exact, m, text + from + match.start + bounds[0], bounds[1] - bounds[0]);
  if (bounds[1] == bounds[0])
    return FALSE;
  place_on_text (comment, AMEND_ANCHOR_FUZZY, target, NULL, from + match.start + bounds[0],
                 from + match.start + bounds[1], errors);
  return TRUE;
}

static gboolean
fuzzy_alone (AmendComment *comment,
             Target       *target,
             gsize         from,
             gsize         to)
{
  const char *exact = amend_comment_get_exact (comment);
  gsize m = strlen (exact);
  const char *text = amend_comment_text_get_data (target->text, NULL);
  AmendQuoteMatch match;

  if (m < 3 || !amend_quote_match (text + from, to - from, exact, m, m / 3, &match))
    return FALSE;
  place_on_text (comment, AMEND_ANCHOR_FUZZY, target, NULL, from + match.start, from + match.end, match.errors);
  return TRUE;
}

static gboolean
find_fuzzy (AmendComment    *comment,
            Target          *target,
            const AmendNode *scope)
{
  gsize len, start, end;
  gsize before = amend_comment_get_prefix (comment) ? strlen (amend_comment_get_prefix (comment)) : 0;
  gsize after = amend_comment_get_suffix (comment) ? strlen (amend_comment_get_suffix (comment)) : 0;

  amend_comment_text_get_data (target->text, &len);
  /* The node with room for the surroundings: a quote at the start of a
   * paragraph has its prefix in the heading before it.  Only when the
   * node does not have it is the whole text searched. */
  if (scope && amend_comment_text_get_span (target->text, scope, &start, &end) &&
      fuzzy_with_context (comment, target, start > before ? start - before : 0, MIN (end + after, len)))
    return TRUE;
  if (fuzzy_with_context (comment, target, 0, len))
    return TRUE;
  return scope && amend_comment_text_get_span (target->text, scope, &start, &end) &&
         fuzzy_alone (comment, target, start, end);
}

static void
resolve_quote (AmendAnchorer *self,
               AmendComment  *comment,
               Target        *target)
{
  const char *eid = amend_comment_get_eid (comment);
  AmendNode *node = NULL, *partner = NULL;
  Old *old = NULL;

  if (target->text)
    {
      node = amend_document_find_eid (amend_comment_text_get_document (target->text), eid);
      if (find_in_node (comment, target, node, AMEND_ANCHOR_EID))
        return;
    }
  old = get_old (self, comment, target);
  if (target->text)
    {
      partner = partner_of (old, eid);
      if ((partner && partner != node && find_in_node (comment, target, partner, AMEND_ANCHOR_DIFF)) ||
          find_exact (comment, target) || find_fuzzy (comment, target, partner ? partner : node))
        return;
    }
  place_outdated (comment, old);
}

/**
 * amend_anchorer_resolve:
 *
 * Finds @comment in the version the anchorer shows comments against and
 * sets its position and its state (see amend_comment_get_state()).
 */
void
amend_anchorer_resolve (AmendAnchorer *self,
                        AmendComment  *comment)
{
  Target *target;

  g_return_if_fail (AMEND_IS_ANCHORER (self));
  g_return_if_fail (AMEND_IS_COMMENT (comment));

  if (!amend_comment_has_anchor (comment))
    {
      AmendCommentPosition none = { AMEND_ANCHOR_NONE };

      _amend_comment_set_position (comment, &none);
      return;
    }
  target = get_target (self, amend_comment_get_source (comment));
  if (amend_comment_get_exact (comment) == NULL)
    resolve_node (self, comment, target);
  else
    resolve_quote (self, comment, target);
}

typedef struct {
  char         *key;
  AmendComment *comment;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;

  return strcmp (x->key, y->key);
}

/**
 * amend_anchorer_resolve_all:
 *
 * Resolves every comment of @comments, in the order of the versions they
 * were made on, so that each old version is read and compared once.
 */
gboolean
amend_anchorer_resolve_all (AmendAnchorer *self,
                            GPtrArray     *comments,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), comments->len);
  gboolean cancelled = FALSE;

  g_return_val_if_fail (AMEND_IS_ANCHORER (self), FALSE);

  for (guint i = 0; i < comments->len; i++)
    {
      AmendComment *c = g_ptr_array_index (comments, i);
      Keyed k = { amend_comment_has_anchor (c) ? version_key (self, c) : g_strdup (""), c };

      g_array_append_val (order, k);
    }
  /* Stable enough: equal keys keep no particular order, and need none. */
  g_array_sort (order, compare_keyed);
  for (guint i = 0; i < order->len; i++)
    {
      Keyed *k = &g_array_index (order, Keyed, i);

      if (!cancelled)
        cancelled = g_cancellable_set_error_if_cancelled (cancellable, error);
      if (!cancelled)
        amend_anchorer_resolve (self, k->comment);
      g_free (k->key);
    }
  g_clear_pointer (&self->old, old_free);
  return !cancelled;
}
