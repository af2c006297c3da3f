/* amend-fuzz-merge.c: what fuzz-merge checks of one merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three regulations separated by NUL bytes: the base, ours and theirs.
 * What reads without errors is merged as `amend merge` merges a
 * regulation (amend_merge_documents_full, no choices).  Then:
 *
 *  - the merge does not fail (and raises no critical: the caller makes a
 *    critical fatal, since a merge that would lose a change says so);
 *  - its result holds both sides' changes or a conflict says which not:
 *    amend_merge_check on the written text, and, independently of the
 *    merge's own bookkeeping, when all three versions have the same parts
 *    (the same eIds) and the merge reports no conflict, every part that
 *    only one side changed has that side's number, heading and text, and
 *    every part neither changed has the base's;
 *  - a side that changed nothing gives the other side, byte for byte;
 *  - the merged text reads back without errors and is canonical (written
 *    again it is the same bytes).
 *
 * The fuzz target and the test of its findings (test-merge, which runs
 * where there is no clang) both call amend_fuzz_merge_triple().
 */
#include "config.h"

#include <string.h>

#include "amend-fuzz.h"
#include "amend-fuzz-merge.h"
#include "amend-merge.h"

static AmendDocument *
read_part (const char *data,
           gsize       len)
{
  AmendDocument *doc = amend_document_new_from_data (data, len, NULL);

  if (doc != NULL && amend_document_has_errors (doc))
    g_clear_object (&doc);
  return doc;
}

/* eId -> number, heading and the text of its own paragraphs: what a side
 * can change of a part without changing the parts. */
static GHashTable *
parts_of (AmendDocument *doc)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  AmendNode *root = amend_document_get_root (doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      GString *sig;

      if (n->eid == NULL)
        continue;
      sig = g_string_new (NULL);
      g_string_append_printf (sig, "%s\x1f%s\x1f%s", amend_node_kind_to_string (n->kind),
                              n->number ? n->number : "", n->heading ? n->heading : "");
      for (guint i = 0; i < amend_node_n_children (n); i++)
        {
          AmendNode *c = amend_node_child (n, i);
          g_autofree char *plain = NULL;

          if (c->kind != AMEND_NODE_TEXT)
            continue;
          plain = amend_node_get_plain_text (c);
          g_string_append_printf (sig, "\x1f%s", plain);
        }
      g_hash_table_replace (parts, n->eid, g_string_free (sig, FALSE));
    }
  return parts;
}

static gboolean
same_parts (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

static gboolean
check_one_sided_changes (AmendMerge *merge,
                         GString    *why)
{
  g_autoptr(GHashTable) base = parts_of (amend_merge_get_base (merge));
  g_autoptr(GHashTable) ours = parts_of (amend_merge_get_ours (merge));
  g_autoptr(GHashTable) theirs = parts_of (amend_merge_get_theirs (merge));
  g_autoptr(GHashTable) result = parts_of (amend_merge_get_result (merge));
  GHashTableIter iter;
  gpointer key, value;

  if (amend_merge_get_conflicts (merge)->len > 0 || !same_parts (base, ours) || !same_parts (base, theirs))
    return TRUE;
  g_hash_table_iter_init (&iter, base);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *b = value, *o = g_hash_table_lookup (ours, key), *t = g_hash_table_lookup (theirs, key);
      const char *want = strcmp (o, b) == 0 ? t : strcmp (t, b) == 0 ? o : NULL;
      const char *got = g_hash_table_lookup (result, key);

      if (want == NULL)
        continue;  /* changed on both sides: the word merge decides */
      if (got == NULL || strcmp (want, got) != 0)
        {
          g_string_append_printf (why, "%s, changed on one side only, is not that side's in a clean merge\n",
                                  (const char *) key);
          amend_fuzz_describe_difference (why, "the part", want, got ? got : "(missing)");
          return FALSE;
        }
    }
  return TRUE;
}

/* A side that changed nothing: the merge is the other side. */
static gboolean
check_unchanged_side (AmendMerge *merge,
                      const char *markdown,
                      GString    *why)
{
  g_autofree char *base = amend_document_to_markdown (amend_merge_get_base (merge));
  g_autofree char *ours = amend_document_to_markdown (amend_merge_get_ours (merge));
  g_autofree char *theirs = amend_document_to_markdown (amend_merge_get_theirs (merge));
  const char *want = strcmp (theirs, base) == 0 ? ours : strcmp (ours, base) == 0 ? theirs : NULL;

  if (want != NULL && strcmp (want, markdown) != 0)
    {
      amend_fuzz_describe_difference (why, "one side changed nothing, the merge is not the other side", want, markdown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_canonical (const char *markdown,
                 GString    *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) again = amend_document_new_from_data (markdown, strlen (markdown), &error);
  g_autofree char *second = NULL;

  if (again == NULL || amend_document_has_errors (again))
    {
      g_string_append_printf (why, "the merged text does not read back: %s\n",
                              error ? error->message : "it has errors");
      return FALSE;
    }
  second = amend_document_to_markdown (again);
  if (strcmp (markdown, second) != 0)
    {
      amend_fuzz_describe_difference (why, "the merged text is not canonical", markdown, second);
      return FALSE;
    }
  return TRUE;
}

AmendFuzzMergeOutcome
amend_fuzz_merge_triple (const char *data,
                         gsize       size,
                         guint      *n_conflicts,
                         char      **why)
{
  const char *nul1 = memchr (data, '\0', size);
  const char *nul2 = nul1 ? memchr (nul1 + 1, '\0', size - (nul1 + 1 - data)) : NULL;
  g_autoptr(AmendDocument) base = NULL;
  g_autoptr(AmendDocument) ours = NULL;
  g_autoptr(AmendDocument) theirs = NULL;
  g_autoptr(AmendMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) wrong = g_string_new (NULL);
  const char *markdown;

  if (nul2 == NULL)
    return AMEND_FUZZ_MERGE_SKIPPED;
  base = read_part (data, nul1 - data);
  ours = read_part (nul1 + 1, nul2 - (nul1 + 1));
  theirs = read_part (nul2 + 1, size - (nul2 + 1 - data));
  if (base == NULL || ours == NULL || theirs == NULL)
    return AMEND_FUZZ_MERGE_SKIPPED;

  merge = amend_merge_documents_full (base, ours, theirs, NULL, &error);
  if (merge == NULL)
    g_string_append_printf (wrong, "the merge failed: %s\n", error->message);
  else if (g_getenv ("AMEND_FUZZ_VERBOSE"))
    g_printerr ("%s", amend_merge_get_markdown (merge));
  if (merge != NULL && !amend_merge_check (merge, &error))
    g_string_append_printf (wrong, "the merged text does not hold both sides' changes: %s\n", error->message);
  if (merge != NULL && wrong->len == 0)
    {
      markdown = amend_merge_get_markdown (merge);
      if (check_one_sided_changes (merge, wrong) && check_unchanged_side (merge, markdown, wrong))
        check_canonical (markdown, wrong);
    }
  if (n_conflicts)
    *n_conflicts = merge ? amend_merge_get_conflicts (merge)->len : 0;
  if (wrong->len == 0)
    return AMEND_FUZZ_MERGE_HELD;
  if (why)
    *why = g_strdup (wrong->str);
  return AMEND_FUZZ_MERGE_BROKEN;
}
