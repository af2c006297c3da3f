/* test-diff.c: the legal diff and its edit script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "amend-diff.h"
#include "amend-words.h"
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

/* ------------------------------------------------------------------------ */
/* Generated edits on the example regulation                                 */
/* ------------------------------------------------------------------------ */

static AmendDocument *
example (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");

  return amend_test_parse_file (path);
}

static AmendNode *
article (AmendDocument *doc,
         const char    *number)
{
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);

  for (guint i = 0; i < articles->len; i++)
    if (g_strcmp0 (((AmendNode *) g_ptr_array_index (articles, i))->number, number) == 0)
      return g_ptr_array_index (articles, i);
  g_error ("the example has no article %s", number);
  return NULL;
}

/* The edited tree, written and read again, is the new version. */
static AmendDocument *
reread (AmendDocument *doc)
{
  g_autofree char *md = NULL;

  amend_document_assign_eids (doc);
  md = amend_document_to_markdown (doc);
  return amend_test_parse (md);
}

static guint
count_changes (AmendDiff         *diff,
               AmendChangeAction  action,
               AmendNodeKind      kind)
{
  GPtrArray *changes = amend_diff_get_changes (diff);
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      if (c->action == action && c->kind == kind)
        n++;
    }
  return n;
}

static AmendDiff *
diff_and_apply (AmendDocument *a,
                AmendDocument *b,
                const char    *what)
{
  AmendDiff *diff = amend_diff_new (a, b);

  check_pair (a, b, what);
  return diff;
}

static void
test_edit_insert (void)
{
  g_autoptr(AmendDocument) a = example ();
  g_autoptr(AmendDocument) edited = example ();
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  AmendNode *after = article (edited, "1:3");
  AmendNode *copy = amend_node_copy (article (edited, "1:2"));

  g_free (copy->number);
  copy->number = g_strdup ("1:3a");
  amend_node_insert (after->parent, after->pos + 1, copy);
  b = reread (edited);
  diff = diff_and_apply (a, b, "insert");
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_INSERTED, AMEND_NODE_ARTICLE), ==, 1);
  g_assert_cmpuint (amend_diff_get_changes (diff)->len, ==, 1);
}

static void
test_edit_delete (void)
{
  g_autoptr(AmendDocument) a = example ();
  g_autoptr(AmendDocument) edited = example ();
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;

  amend_node_free (article (edited, "2:4"));
  b = reread (edited);
  diff = diff_and_apply (a, b, "delete");
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_DELETED, AMEND_NODE_ARTICLE), ==, 1);
  g_assert_cmpuint (amend_diff_get_changes (diff)->len, ==, 1);
}

static void
test_edit_move (void)
{
  g_autoptr(AmendDocument) a = example ();
  g_autoptr(AmendDocument) edited = example ();
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  AmendNode *moving = article (edited, "3:2");
  AmendNode *target = article (edited, "4:9")->parent;

  amend_node_append (target, amend_node_steal (moving->parent, moving->pos));
  b = reread (edited);
  diff = diff_and_apply (a, b, "move");
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_MOVED, AMEND_NODE_ARTICLE), ==, 1);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_INSERTED, AMEND_NODE_ARTICLE), ==, 0);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_DELETED, AMEND_NODE_ARTICLE), ==, 0);
}

/* Renumbering is one change per article, not a deletion and an insertion. */
static void
test_edit_renumber (void)
{
  g_autoptr(AmendDocument) a = example ();
  g_autoptr(AmendDocument) edited = example ();
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  g_autoptr(GPtrArray) articles = amend_document_get_articles (edited);
  guint renumbered = 0;

  for (guint i = 0; i < articles->len; i++)
    {
      AmendNode *art = g_ptr_array_index (articles, i);
      if (g_str_has_prefix (art->number, "4:"))
        {
          char *number = g_strdup_printf ("4:%d", atoi (art->number + 2) + 10);
          g_free (art->number);
          art->number = number;
          renumbered++;
        }
    }
  b = reread (edited);
  diff = diff_and_apply (a, b, "renumber");
  g_assert_cmpuint (renumbered, >, 3);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_RENUMBERED, AMEND_NODE_ARTICLE), ==, renumbered);
  g_assert_cmpuint (amend_diff_get_changes (diff)->len, ==, renumbered);
}

static void
test_edit_reword (void)
{
  g_autoptr(AmendDocument) a = example ();
  g_autoptr(AmendDocument) edited = example ();
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  AmendNode *text = amend_node_child (amend_node_child (article (edited, "1:2"), 0), 0);
  AmendRun *run = &g_array_index (text->runs, AmendRun, 0);
  const AmendChange *change;
  char *reworded = g_strconcat ("Uiterlijk ", run->text, NULL);

  g_free (run->text);
  run->text = reworded;
  b = reread (edited);
  diff = diff_and_apply (a, b, "reword");
  g_assert_cmpuint (amend_diff_get_changes (diff)->len, ==, 1);
  change = g_ptr_array_index (amend_diff_get_changes (diff), 0);
  g_assert_cmpint (change->action, ==, AMEND_CHANGE_MODIFIED);
  g_assert_cmpstr (change->article_old, ==, "1:2");
  g_assert_cmpint (g_array_index (change->pieces, AmendPiece, 0).op, ==, AMEND_PIECE_INSERTED);
  g_assert_cmpstr (g_array_index (change->pieces, AmendPiece, 0).text, ==, "Uiterlijk");
}

/* A member split in two: the second half is a new member, the ones after
 * it are renumbered. */
static void
test_edit_split_member (void)
{
  g_autoptr(AmendDocument) a = example ();
  g_autoptr(AmendDocument) edited = example ();
  g_autoptr(AmendDocument) b = NULL;
  g_autoptr(AmendDiff) diff = NULL;
  AmendNode *art = article (edited, "1:2");
  AmendNode *first = amend_node_child (art, 0);
  AmendNode *second = amend_node_new (AMEND_NODE_MEMBER);
  AmendNode *text = amend_node_new (AMEND_NODE_TEXT);
  guint n_members = amend_node_n_children (art);

  g_assert_cmpuint (n_members, >=, 2);
  amend_node_add_run (text, "Deze termijn geldt niet voor aanvragen die het college als spoedeisend aanmerkt.", -1,
                      AMEND_MARK_NONE, NULL);
  amend_node_append (second, text);
  second->number = g_strdup ("2");
  for (guint i = 1; i < n_members; i++)
    {
      AmendNode *m = amend_node_child (art, i);
      char *number = g_strdup_printf ("%u", i + 2);
      g_free (m->number);
      m->number = number;
    }
  amend_node_insert (art, first->pos + 1, second);
  b = reread (edited);
  diff = diff_and_apply (a, b, "split member");
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_INSERTED, AMEND_NODE_MEMBER), ==, 1);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_RENUMBERED, AMEND_NODE_MEMBER), ==, n_members - 1);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_DELETED, AMEND_NODE_MEMBER), ==, 0);
}

static void
test_word_diff (void)
{
  g_autoptr(GArray) pieces = amend_word_diff ("De burgemeester beslist binnen acht weken.",
                                              "De burgemeester beslist  binnen zes weken.");
  g_autoptr(GArray) same = amend_word_diff ("Een  tekst\u00a0met spaties.", "Een tekst met spaties.");
  g_autofree char *old_side = amend_pieces_to_string (pieces, TRUE);
  g_autofree char *new_side = amend_pieces_to_string (pieces, FALSE);

  g_assert_cmpuint (pieces->len, ==, 4);
  g_assert_cmpstr (g_array_index (pieces, AmendPiece, 1).text, ==, " acht");
  g_assert_cmpint (g_array_index (pieces, AmendPiece, 1).op, ==, AMEND_PIECE_DELETED);
  g_assert_cmpstr (g_array_index (pieces, AmendPiece, 2).text, ==, " zes");
  g_assert_cmpstr (new_side, ==, "De burgemeester beslist  binnen zes weken.");
  g_assert_cmpstr (old_side, ==, "De burgemeester beslist  binnen acht weken.");
  /* White space alone is no change. */
  g_assert_cmpuint (same->len, ==, 1);
  g_assert_cmpint (g_array_index (same, AmendPiece, 0).op, ==, AMEND_PIECE_EQUAL);
}

/* A key may come twice in the front matter; apply keeps both, in the old
 * version as in the new one. */
static void
test_front_matter_repeated (void)
{
  static const char *const pairs[][2] = {
    { "---\ntitle: A\n---\n\n# Artikel 1\n\nTekst.\n",
      "---\ntitle: A\ntitle: B\n---\n\n# Artikel 1\n\nTekst.\n" },
    { "---\ntitle: A\ntitle: B\n---\n\n# Artikel 1\n\nTekst.\n",
      "---\ntitle: A\ntitle: B\n---\n\n# Artikel 1\n\nAndere tekst.\n" },
    { "---\ntitle: A\ntitle: B\n# een opmerking\n---\n\n# Artikel 1\n\nTekst.\n",
      "---\ntitle: B\n# een opmerking\ntitle: A\n---\n\n# Artikel 1\n\nTekst.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(AmendDocument) a = amend_test_parse (pairs[i][0]);
      g_autoptr(AmendDocument) b = amend_test_parse (pairs[i][1]);
      g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
      g_autoptr(AmendDocument) applied = amend_diff_apply (diff, a, NULL);
      g_autofree char *got = amend_document_to_markdown (applied);

      g_assert_cmpstr (got, ==, pairs[i][1]);
    }
}

/* Texts without words on one side or both: nothing to index, nothing lost. */
static void
test_word_diff_empty (void)
{
  static const struct { const char *old_text, *new_text; guint n; AmendPieceOp op; } cases[] = {
    { "", "nieuw", 1, AMEND_PIECE_INSERTED },
    { "oud", "", 1, AMEND_PIECE_DELETED },
    { "", "", 0, AMEND_PIECE_EQUAL },
    { " ", "\t", 0, AMEND_PIECE_EQUAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) pieces = amend_word_diff (cases[i].old_text, cases[i].new_text);

      g_assert_cmpuint (pieces->len, ==, cases[i].n);
      if (cases[i].n > 0)
        g_assert_cmpint (g_array_index (pieces, AmendPiece, 0).op, ==, cases[i].op);
    }
}

/* Equal texts are one equal piece, taken as the diff of their words takes
 * it: from the start, white space and all, up to the end of the last word
 * (a no-break space at the end is white space too); no piece for white
 * space alone. */
static void
test_word_diff_equal (void)
{
  static const struct { const char *text, *piece; } cases[] = {
    { "  Het college beslist.", "  Het college beslist." },
    { "Het college\xc2\xa0" "beslist. \xc2\xa0\n", "Het college\xc2\xa0" "beslist." },
    { "artikel 8\xe2\x80\x94ook", "artikel 8\xe2\x80\x94ook" },
    { " \xc2\xa0\t", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) pieces = amend_word_diff (cases[i].text, cases[i].text);

      g_assert_cmpuint (pieces->len, ==, cases[i].piece ? 1 : 0);
      if (cases[i].piece == NULL)
        continue;
      g_assert_cmpint (g_array_index (pieces, AmendPiece, 0).op, ==, AMEND_PIECE_EQUAL);
      g_assert_cmpstr (g_array_index (pieces, AmendPiece, 0).text, ==, cases[i].piece);
    }
}

static gboolean
has_change (AmendDiff         *diff,
            AmendChangeAction  action,
            const char        *number_old,
            const char        *number_new)
{
  GPtrArray *changes = amend_diff_get_changes (diff);

  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      if (c->action == action && c->kind == AMEND_NODE_ARTICLE && g_strcmp0 (c->number_old, number_old) == 0 &&
          g_strcmp0 (c->number_new, number_new) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Article pairing goes by similarity: an article whose number stays but
 * whose text is another is not the same article (artikel 2 vervalt, 3
 * wordt 2), and a new article that shares no words with a deleted one is
 * inserted, not the deleted one reworded. */
static void
test_pairing_threshold (void)
{
  static const char old_text[] =
    "# Artikel 1 Eerste\n\nDe burgemeester beslist binnen acht weken op een aanvraag om een vergunning.\n\n"
    "# Artikel 2 Tweede\n\nHet is verboden op de openbare weg vuurwerk af te steken tussen zonsondergang en "
    "zonsopgang.\n\n"
    "# Artikel 3 Derde\n\nEen ontheffing wordt schriftelijk aangevraagd bij het college van burgemeester en "
    "wethouders.\n";
  static const char new_text[] =
    "# Artikel 1 Eerste\n\nDe burgemeester beslist binnen acht weken op een aanvraag om een vergunning.\n\n"
    "# Artikel 2 Derde\n\nEen ontheffing wordt digitaal aangevraagd bij het college van burgemeester en "
    "wethouders.\n\n"
    "# Artikel 4 Vierde\n\nHonden worden in het park aangelijnd gehouden door hun eigenaar of begeleider.\n";
  g_autoptr(AmendDocument) a = amend_test_parse (old_text);
  g_autoptr(AmendDocument) b = amend_test_parse (new_text);
  g_autoptr(AmendDiff) diff = diff_and_apply (a, b, "pairing threshold");

  g_assert_true (has_change (diff, AMEND_CHANGE_DELETED, "2", NULL));
  g_assert_true (has_change (diff, AMEND_CHANGE_RENUMBERED, "3", "2"));
  g_assert_true (has_change (diff, AMEND_CHANGE_INSERTED, NULL, "4"));
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_MODIFIED, AMEND_NODE_TEXT), ==, 1);
  g_assert_cmpuint (amend_diff_get_changes (diff)->len, ==, 4);
}

/* An article that keeps its number and its words, with a link taken out
 * and a line break that became a space, is that article with a change of
 * form only, found without splitting it into words.  Words that differ by
 * a space are other words: a new article 7 whose words are those of
 * article 6 but for a space ("alfa bravo", "alfabravo") is article 5
 * renumbered, the one it shares three of four words with. */
static void
test_pairing_same_words (void)
{
  static const char old_text[] =
    "# Artikel 1 Eerste\n\nDe burgemeester beslist op grond van [artikel 8](https://example.org/8) binnen "
    "acht weken  \nop een aanvraag.\n\n"
    "# Artikel 5\n\nalfabravo charlie delta echo\n\n"
    "# Artikel 6\n\nalfa bravo charlie delta\n";
  static const char new_text[] =
    "# Artikel 1 Eerste\n\nDe burgemeester beslist op grond van artikel 8 binnen acht weken op een aanvraag.\n\n"
    "# Artikel 7\n\nalfabravo charlie delta\n";
  g_autoptr(AmendDocument) a = amend_test_parse (old_text);
  g_autoptr(AmendDocument) b = amend_test_parse (new_text);
  g_autoptr(AmendDiff) diff = diff_and_apply (a, b, "pairing same words");
  const AmendChange *first = g_ptr_array_index (amend_diff_get_changes (diff), 0);

  g_assert_cmpint (first->action, ==, AMEND_CHANGE_MODIFIED);
  g_assert_cmpstr (first->article_old, ==, "1");
  g_assert_cmpstr (first->article_new, ==, "1");
  g_assert_true (first->format_only);
  g_assert_true (has_change (diff, AMEND_CHANGE_RENUMBERED, "5", "7"));
  g_assert_true (has_change (diff, AMEND_CHANGE_DELETED, "6", NULL));
}

/* The thresholds in their order: an article whose number stays and whose
 * text changed much (a third of its words) is still that article, even
 * when a new article before it shares more of its words. */
static void
test_pairing_by_number_first (void)
{
  static const char old_text[] =
    "# Artikel 1 Eerste\n\nDe burgemeester beslist binnen acht weken op een aanvraag.\n\n"
    "# Artikel 2 Tweede\n\nalfa bravo charlie delta echo foxtrot golf hotel india juliet\n\n"
    "# Artikel 3 Derde\n\nEen ontheffing wordt schriftelijk aangevraagd bij het college.\n";
  static const char new_text[] =
    "# Artikel 1 Eerste\n\nDe burgemeester beslist binnen acht weken op een aanvraag.\n\n"
    "# Artikel 1a Tweede\n\nalfa bravo charlie delta echo foxtrot papa quebec romeo sierra\n\n"
    "# Artikel 2 Tweede\n\nalfa bravo charlie delta echo kilo lima mike november oscar\n\n"
    "# Artikel 3 Derde\n\nEen ontheffing wordt schriftelijk aangevraagd bij het college.\n";
  g_autoptr(AmendDocument) a = amend_test_parse (old_text);
  g_autoptr(AmendDocument) b = amend_test_parse (new_text);
  g_autoptr(AmendDiff) diff = diff_and_apply (a, b, "pairing by number first");

  g_assert_true (has_change (diff, AMEND_CHANGE_INSERTED, NULL, "1a"));
  g_assert_false (has_change (diff, AMEND_CHANGE_INSERTED, NULL, "2"));
  g_assert_false (has_change (diff, AMEND_CHANGE_DELETED, "2", NULL));
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_MODIFIED, AMEND_NODE_TEXT), ==, 1);
}

/* Pieces alternate: two of the same kind in a row are one; deleted words
 * at the start take the space after them. */
static void
test_word_diff_pieces (void)
{
  g_autoptr(GArray) pieces = amend_word_diff ("Het college van burgemeester en wethouders beslist, binnen acht weken.",
                                              "beslist, uiterlijk binnen zes weken en twee dagen.");
  g_autoptr(GArray) leading = amend_word_diff ("Het college beslist.", "beslist.");

  for (guint i = 1; i < pieces->len; i++)
    g_assert_cmpint (g_array_index (pieces, AmendPiece, i - 1).op, !=, g_array_index (pieces, AmendPiece, i).op);
  g_assert_cmpuint (leading->len, ==, 2);
  g_assert_cmpint (g_array_index (leading, AmendPiece, 0).op, ==, AMEND_PIECE_DELETED);
  g_assert_cmpstr (g_array_index (leading, AmendPiece, 0).text, ==, "Het college ");
  g_assert_cmpstr (g_array_index (leading, AmendPiece, 1).text, ==, "beslist.");
}

/* A change list applied to a version whose text is not the one it was
 * made against does not fit: an error, not a silent overwrite. */
static void
test_apply_does_not_fit (void)
{
  g_autoptr(AmendDocument) a = amend_test_parse ("# Artikel 1\n\nDe burgemeester beslist binnen acht weken.\n");
  g_autoptr(AmendDocument) b = amend_test_parse ("# Artikel 1\n\nDe burgemeester beslist binnen zes weken.\n");
  g_autoptr(AmendDocument) other = amend_test_parse ("# Artikel 1\n\nHet college beslist binnen acht weken.\n");
  g_autoptr(AmendDiff) diff = amend_diff_new (a, b);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) applied = amend_diff_apply (diff, other, &error);

  g_assert_null (applied);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "does not fit this version: its text differs"));
}

/* Paragraphs without numbers pair in order, a free heading with a free
 * heading of its level: a Toelichting that gains a heading keeps its
 * paragraphs paired with theirs. */
static void
test_pair_in_order_levels (void)
{
  g_autoptr(AmendDocument) a = amend_test_parse ("# Artikel 1\n\nTekst.\n\n# Toelichting\n\n"
                                                 "Eerste alinea over het doel.\n\nTweede alinea over de gevolgen.\n");
  g_autoptr(AmendDocument) b = amend_test_parse ("# Artikel 1\n\nTekst.\n\n# Toelichting\n\n## Algemeen\n\n"
                                                 "Een geheel andere eerste tekst, met iets nieuws.\n\n"
                                                 "Tweede alinea over de gevolgen.\n");
  g_autoptr(AmendDiff) diff = diff_and_apply (a, b, "pair in order by level");
  GPtrArray *changes = amend_diff_get_changes (diff);

  /* The heading is new; the first paragraph changed, not turned into the heading. */
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_INSERTED, AMEND_NODE_TEXT), ==, 1);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_MODIFIED, AMEND_NODE_TEXT), ==, 1);
  g_assert_cmpuint (count_changes (diff, AMEND_CHANGE_DELETED, AMEND_NODE_TEXT), ==, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      const AmendChange *c = g_ptr_array_index (changes, i);
      if (c->action == AMEND_CHANGE_INSERTED)
        g_assert_cmpuint (c->node->heading_level, ==, 2);
    }
}

/* Found by fuzz-diff: spans widened to whole words that reach into each
 * other in the new text asked for a piece of -10 bytes (4 GB).  The
 * renvooi of such texts spells the new text, once. */
static void
test_renvooi_overlapping_spans (void)
{
  static const char old_text[] =
    "De begroting, bedoeld in artikel 189, van het eerstvolgende begrotingsjaar alsmede de daar"
    "op betrekking hebbende begrotingswijzigingen behoeven de goedkeuring van gedeputeerde stat"
    "en, indien naar hun oordeel de begroting, bedoeld in artikel 189, niet in evenwicht is en "
    "blijkens de meerjarenraming, bedoeld in artikel 190, niet aannemelijk is dat in de eerstvo"
    "lgende jaren een evenwicht tot stand zal worden gebracht. Gedeputeerde staten doen hiervan"
    " vóstvolgende jaren een evenwicht tot stand zal worden gebracht. Gedeputeerde staten doen "
    "hiervan vóór de aanvang van het begrotingsjaar mededeling aan het gemeentebestuur.";
  static const char new_text[] =
    "De begroting, bedoeld in artikel 189, van het eerstvolgende begrotingsjaar alsmede de daar"
    "op betrekking hebbende begrotingswijzigingen behoeven de goedkeuring van gedeputeerde stat"
    "en, indien naar hun oordeel de begroting, bedoeld in artikel 189, niet structureel en reëe"
    "l in evenwicht is en blijkens de meerjarenraming, bedoeld in artikel 190, niet aannemelijk"
    " is dat in de eerstvolgende jaren een structureel en reëel evenwicht tot stand zal worden "
    "gebracht. Gedeputeerde staten doen hiervan vóór de aanvang v ha ebtnegrotingsjaar mededeli"
    "ng aan het gemeentebestuur.";
  g_autoptr(GArray) pieces = amend_words_renvooi_pieces (old_text, new_text);
  GString *spelled = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const AmendPiece *p = &g_array_index (pieces, AmendPiece, i);

      g_assert_cmpuint (strlen (p->text), <, 2 * sizeof new_text);
      if (p->op != AMEND_PIECE_DELETED)
        g_string_append (spelled, p->text);
    }
  /* The space that keeps a deleted word apart may be added; nothing else. */
  g_assert_cmpuint (spelled->len, >=, strlen (new_text));
  g_assert_cmpuint (spelled->len, <=, strlen (new_text) + pieces->len);
  g_string_free (spelled, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/history", test_history);
  g_test_add_func ("/diff/word-diff", test_word_diff);
  g_test_add_func ("/diff/edit-insert", test_edit_insert);
  g_test_add_func ("/diff/edit-delete", test_edit_delete);
  g_test_add_func ("/diff/edit-move", test_edit_move);
  g_test_add_func ("/diff/edit-renumber", test_edit_renumber);
  g_test_add_func ("/diff/edit-reword", test_edit_reword);
  g_test_add_func ("/diff/edit-split-member", test_edit_split_member);
  g_test_add_func ("/diff/front-matter-repeated", test_front_matter_repeated);
  g_test_add_func ("/diff/word-diff-empty", test_word_diff_empty);
  g_test_add_func ("/diff/word-diff-equal", test_word_diff_equal);
  g_test_add_func ("/diff/pairing-threshold", test_pairing_threshold);
  g_test_add_func ("/diff/pairing-by-number-first", test_pairing_by_number_first);
  g_test_add_func ("/diff/pairing-same-words", test_pairing_same_words);
  g_test_add_func ("/diff/word-diff-pieces", test_word_diff_pieces);
  g_test_add_func ("/diff/apply-does-not-fit", test_apply_does_not_fit);
  g_test_add_func ("/diff/pair-in-order-levels", test_pair_in_order_levels);
  g_test_add_func ("/diff/renvooi-overlapping-spans", test_renvooi_overlapping_spans);
  return g_test_run ();
}
