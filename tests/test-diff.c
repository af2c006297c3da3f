/* test-diff.c: the legal diff and its edit script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-test-util.h"

/* Words and punctuation, one space between: white space alone is no
 * change, a word split in two is. */
static void
append_words (GString    *s,
              const char *text)
{
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!g_unichar_isalnum (c) || !in_word)
        g_string_append_c (s, ' ');
      g_string_append_unichar (s, c);
      in_word = g_unichar_isalnum (c);
    }
}

/* What an article says, its number and heading aside, as an independent
 * comparison sees it: every node below it with its number and text. */
static char *
article_content (AmendNode *article)
{
  GString *s = g_string_new (article->heading);

  /* Where it stands counts too: an article moved to another chapter changed. */
  for (AmendNode *a = article->parent; a != NULL; a = a->parent)
    g_string_append_printf (s, " in %s %s", amend_node_kind_to_string (a->kind), a->number ? a->number : "");

  for (AmendNode *n = amend_node_next (article, article); n != NULL; n = amend_node_next (n, article))
    {
      g_autofree char *plain = n->kind == AMEND_NODE_TEXT ? amend_node_get_plain_text (n) : NULL;
      g_string_append_printf (s, "\n%s %s %u", amend_node_kind_to_string (n->kind), n->number ? n->number : "",
                              n->heading_level);
      if (plain)
        append_words (s, plain);
    }
  return g_string_free (s, FALSE);
}

static GHashTable *
articles_by_number (AmendDocument *doc)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);

  for (guint i = 0; i < articles->len; i++)
    {
      AmendNode *a = g_ptr_array_index (articles, i);
      if (a->number && !g_hash_table_contains (map, a->number))
        g_hash_table_insert (map, a->number, article_content (a));
    }
  return map;
}

/* Article numbers whose content differs, or that exist on one side only. */
static GHashTable *
independent_changes (AmendDocument *a,
                     AmendDocument *b)
{
  g_autoptr(GHashTable) ma = articles_by_number (a);
  g_autoptr(GHashTable) mb = articles_by_number (b);
  GHashTable *changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ma);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (mb, key)) != 0)
      g_hash_table_add (changed, g_strdup (key));
  g_hash_table_iter_init (&iter, mb);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (ma, key)) != 0)
      g_hash_table_add (changed, g_strdup (key));
  return changed;
}

static void
check_pair (AmendDocument *a,
            AmendDocument *b,
            const char    *what)
{
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) applied = amend_diff_apply (diff, a, &error);
  g_autofree char *want = amend_document_to_markdown (b);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = amend_document_to_markdown (applied);
  if (g_strcmp0 (got, want) != 0)
    {
      g_autofree char *p1 = g_build_filename (g_get_tmp_dir (), "amend-diff-want.md", NULL);
      g_autofree char *p2 = g_build_filename (g_get_tmp_dir (), "amend-diff-got.md", NULL);
      g_file_set_contents (p1, want, -1, NULL);
      g_file_set_contents (p2, got, -1, NULL);
      g_error ("%s: applying the change list does not give the new version (see %s and %s)", what, p1, p2);
    }
}

static void
test_history (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");

  if (files == NULL)
    return;
  for (guint i = 0; i + 1 < files->len; i++)
    {
      g_autoptr(AmendDocument) a = amend_test_parse_file (g_ptr_array_index (files, i));
      g_autoptr(AmendDocument) b = amend_test_parse_file (g_ptr_array_index (files, i + 1));
      g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
      g_auto(GStrv) reported = amend_diff_dup_articles (diff);
      g_autoptr(GHashTable) expected = independent_changes (a, b);
      g_autoptr(GHashTable) got = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree char *what = g_strdup_printf ("%s -> %s", (char *) g_ptr_array_index (files, i),
                                               (char *) g_ptr_array_index (files, i + 1));

      for (guint k = 0; reported[k]; k++)
        g_hash_table_add (got, reported[k]);
      g_test_message ("%s: %u changes, %u articles (independent: %u)", what,
                      amend_diff_get_changes (diff)->len, g_hash_table_size (got), g_hash_table_size (expected));
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, expected);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (got, key))
            g_error ("%s: article %s changed but the diff does not report it", what, (char *) key);
        g_hash_table_iter_init (&iter, got);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (expected, key))
            g_error ("%s: the diff reports article %s, which did not change", what, (char *) key);
      }
      check_pair (a, b, what);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/history", test_history);
  return g_test_run ();
}
