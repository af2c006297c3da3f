/* test-merge.c: the structural three-way merge of regulations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crafted cases where `git merge-file` conflicts and the structural merge
 * is clean and right, genuine conflicts with their base, ours and theirs,
 * resolutions, and a property test on the real history of the Gemeentewet:
 * two random edits that keep apart, merged, must both be in the result,
 * and the merge's own check must agree.  git merge-file is run on the same
 * three texts, and how often it conflicts is printed.
 */
#include "config.h"

#include <string.h>

#include "amend-fuzz-merge.h"
#include "amend-merge.h"
#include "amend-merge-private.h"
#include "amend-record-merge.h"
#include "amend-test-git.h"
#include "amend-test-util.h"

#define BASE \
  "---\n" \
  "title: Verordening Voorbeeld\n" \
  "---\n" \
  "\n" \
  "De raad van de gemeente Voorbeeld;\n" \
  "\n" \
  "besluit vast te stellen de volgende verordening:\n" \
  "\n" \
  "# Hoofdstuk 1 Algemeen\n" \
  "\n" \
  "## Artikel 1 Begrippen\n" \
  "\n" \
  "In deze verordening wordt verstaan onder:\n" \
  "\n" \
  "- a. college: het college van burgemeester en wethouders;\n" \
  "- b. weg: de openbare weg.\n" \
  "\n" \
  "## Artikel 2 Beslistermijn\n" \
  "\n" \
  "1. De burgemeester beslist binnen acht weken op de aanvraag.\n" \
  "2. Hij kan de beslissing eenmaal voor ten hoogste acht weken verdagen.\n" \
  "3. De aanvraag wordt schriftelijk ingediend.\n" \
  "\n" \
  "# Hoofdstuk 2 Vergunningen\n" \
  "\n" \
  "## Artikel 3 Vergunning\n" \
  "\n" \
  "Het is verboden zonder vergunning van het college een evenement te organiseren.\n" \
  "\n" \
  "## Artikel 4 Weigering\n" \
  "\n" \
  "1. De vergunning bedoeld in artikel 3 kan worden geweigerd in het belang van de openbare orde.\n" \
  "2. De weigering wordt schriftelijk meegedeeld.\n" \
  "\n" \
  "## Artikel 5 Intrekking\n" \
  "\n" \
  "De vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n" \
  "\n" \
  "## Artikel 6 Inwerkingtreding\n" \
  "\n" \
  "Deze verordening treedt in werking op 1 januari 2028.\n"

/* @text with each pair (FROM, TO) of the NULL-ended list replaced once. */
static char *
edit (const char *text,
      ...)
{
  char *out = g_strdup (text);
  const char *from;
  va_list args;

  va_start (args, text);
  while ((from = va_arg (args, const char *)) != NULL)
    {
      const char *to = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (out, from, 2);

      if (g_strv_length (parts) != 2)
        g_error ("\"%s\" is not in the text", from);
      g_free (out);
      out = g_strjoinv (to, parts);
    }
  va_end (args);
  return out;
}

static AmendMerge *
merge3 (const char *base,
        const char *ours,
        const char *theirs)
{
  g_autoptr(AmendDocument) b = amend_test_parse (base);
  g_autoptr(AmendDocument) o = amend_test_parse (ours);
  g_autoptr(AmendDocument) t = amend_test_parse (theirs);
  g_autoptr(GError) error = NULL;
  AmendMerge *merge = amend_merge_documents (b, o, t);

  g_assert_nonnull (merge);
  /* The promise, checked independently: every change of both sides is in
   * the result, except in the nodes that are conflicts. */
  amend_merge_check (merge, &error);
  g_assert_no_error (error);
  return merge;
}

/* The number of conflicts git merge-file reports on the same three texts,
 * or -1 without git. */
static int
git_merge_file (const char *base,
                const char *ours,
                const char *theirs)
{
  g_autofree char *dir = NULL;
  int status;

  if (!amend_test_have_git ())
    return -1;
  dir = amend_test_tmpdir ("amend-merge-file");
  amend_test_write (dir, "base.md", base);
  amend_test_write (dir, "ours.md", ours);
  amend_test_write (dir, "theirs.md", theirs);
  status = amend_test_git (dir, NULL, NULL, "merge-file", "-q", "-p", "ours.md", "base.md", "theirs.md", NULL);
  amend_test_rmtree (dir);
  g_assert_cmpint (status, >=, 0);
  return status;
}

static void
assert_git_conflicts (const char *base,
                      const char *ours,
                      const char *theirs)
{
  int n = git_merge_file (base, ours, theirs);

  if (n >= 0)
    g_assert_cmpint (n, >, 0);
}

static void
assert_clean (const char *base,
              const char *ours,
              const char *theirs,
              const char *expected)
{
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);

  g_assert_cmpuint (amend_merge_get_conflicts (merge)->len, ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, expected);
}

/* Two amendments changing different members of one article. */
static void
test_members (void)
{
  g_autofree char *ours = edit (BASE, "beslist binnen acht weken", "beslist binnen zes weken", NULL);
  g_autofree char *theirs = edit (BASE, "ten hoogste acht weken", "ten hoogste vier weken", NULL);
  g_autofree char *both = edit (ours, "ten hoogste acht weken", "ten hoogste vier weken", NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
  assert_clean (BASE, theirs, ours, both);
}

/* Different words of one paragraph: the word sequences merge. */
static void
test_words (void)
{
  g_autofree char *ours = edit (BASE, "De burgemeester beslist", "Het college beslist", NULL);
  g_autofree char *theirs = edit (BASE, "op de aanvraag.\n", "op de volledige aanvraag.\n", NULL);
  g_autofree char *both = edit (ours, "op de aanvraag.\n", "op de volledige aanvraag.\n", NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
}

/* One renumbers chapter 2 (a new chapter comes before it; its articles
 * move up and a reference follows), the other edits an article in it. */
static void
test_renumbered_chapter (void)
{
  g_autofree char *ours = edit (BASE,
                                "# Hoofdstuk 2 Vergunningen\n\n## Artikel 3 Vergunning",
                                "# Hoofdstuk 2 Toezicht\n\n## Artikel 3 Toezichthouders\n\n"
                                "Met het toezicht zijn belast de ambtenaren van de gemeente.\n\n"
                                "# Hoofdstuk 3 Vergunningen\n\n## Artikel 4 Vergunning",
                                "## Artikel 4 Weigering", "## Artikel 5 Weigering",
                                "bedoeld in artikel 3 kan", "bedoeld in artikel 4 kan",
                                "## Artikel 5 Intrekking", "## Artikel 6 Intrekking",
                                "## Artikel 6 Inwerkingtreding", "## Artikel 7 Inwerkingtreding",
                                NULL);
  g_autofree char *theirs = edit (BASE,
                                  "belang van de openbare orde.", "belang van de openbare orde of veiligheid.",
                                  "wordt schriftelijk meegedeeld", "wordt schriftelijk en met redenen meegedeeld",
                                  NULL);
  g_autofree char *both = edit (ours,
                                "belang van de openbare orde.", "belang van de openbare orde of veiligheid.",
                                "wordt schriftelijk meegedeeld", "wordt schriftelijk en met redenen meegedeeld",
                                NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
  assert_clean (BASE, theirs, ours, both);
}

/* One inserts article 5a (and refers to it in article 5), the other
 * rewords article 5. */
static void
test_insert_after_reworded (void)
{
  g_autofree char *ours = edit (BASE, "kan worden ingetrokken", "kan, onverminderd artikel 5a, worden ingetrokken",
                                "niet worden nageleefd.\n",
                                "niet worden nageleefd.\n\n## Artikel 5a Schorsing\n\n"
                                "De vergunning kan voor ten hoogste vier weken worden geschorst.\n", NULL);
  g_autofree char *theirs = edit (BASE, "niet worden nageleefd.\n", "niet of niet volledig worden nageleefd.\n", NULL);
  g_autofree char *both = edit (ours, "niet worden nageleefd.\n", "niet of niet volledig worden nageleefd.\n", NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
  assert_clean (BASE, theirs, ours, both);
}

/* The same edit on both sides counts once; so does the same insertion. */
static void
test_same_edit (void)
{
  g_autofree char *ours = edit (BASE, "beslist binnen acht weken", "beslist binnen zes weken",
                                "niet worden nageleefd.\n",
                                "niet worden nageleefd.\n\n## Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.\n",
                                NULL);
  g_autofree char *theirs = g_strdup (ours);

  assert_clean (BASE, ours, theirs, ours);
  /* And beside another change. */
  {
    g_autofree char *more = edit (theirs, "de openbare weg.", "de openbare weg of het openbaar water.", NULL);
    assert_clean (BASE, ours, more, more);
  }
}

/* Both insert after article 5, numbered apart: the numbers give the order. */
static void
test_insert_both_numbered (void)
{
  g_autofree char *ours = edit (BASE, "niet worden nageleefd.\n",
                                "niet worden nageleefd.\n\n## Artikel 5b Waarschuwing\n\nEerst volgt een waarschuwing.\n", NULL);
  g_autofree char *theirs = edit (BASE, "niet worden nageleefd.\n",
                                  "niet worden nageleefd.\n\n## Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.\n", NULL);
  g_autofree char *both = edit (BASE, "niet worden nageleefd.\n",
                                "niet worden nageleefd.\n\n## Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.\n"
                                "\n## Artikel 5b Waarschuwing\n\nEerst volgt een waarschuwing.\n", NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
  assert_clean (BASE, theirs, ours, both);
}

/* One deletes article 5 and renumbers article 6 to 5, the other retitles
 * article 6: one heading line for git, a number and a title here. */
static void
test_delete_and_change (void)
{
  g_autofree char *ours = edit (BASE, "## Artikel 5 Intrekking\n\nDe vergunning kan worden ingetrokken als de "
                                "voorschriften niet worden nageleefd.\n\n", "",
                                "## Artikel 6 Inwerkingtreding", "## Artikel 5 Inwerkingtreding", NULL);
  g_autofree char *theirs = edit (BASE, "## Artikel 6 Inwerkingtreding", "## Artikel 6 Slotbepaling",
                                  "op 1 januari 2028", "op 1 juli 2028", NULL);
  g_autofree char *both = edit (ours, "## Artikel 5 Inwerkingtreding", "## Artikel 5 Slotbepaling",
                                "op 1 januari 2028", "op 1 juli 2028", NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
  assert_clean (BASE, theirs, ours, both);
}

/* What one side deleted and what a side inserted can carry one number or
 * label: the diff of the base and the result pairs them, which is no sign
 * of the deleted node kept (found by fuzz-merge: the merge's own check
 * stopped on these). */
static void
test_deleted_and_inserted_alike (void)
{
  assert_clean ("# Artikel 154\n",
                "# Artikel 151c\n\n3. De in het eerste lid bedoelde.\n",
                "# Artikel 154\n\n# Artikel 154a\n",
                "# Artikel 151c\n\n3. De in het eerste lid bedoelde.\n\n# Artikel 154a\n");
  assert_clean ("# Artikel 13\n\n1. Een lid is niet tevens:\n   - n. ombudsman of lid van de ombudscommissie.\n",
                "# Artikel 13\n\n1. Een lid is niet tevens:\n   - n. wethouder;\n"
                "   - n. ombudsman of lid van de ombudscommissie.\n",
                "# Artikel 13\n\n1. Een lid is niet tevens.\n",
                "# Artikel 13\n\n1. Een lid is niet tevens.\n   - n. wethouder;\n");
}

static AmendConflict *
only_conflict (AmendMerge *merge)
{
  GPtrArray *conflicts = amend_merge_get_conflicts (merge);

  g_assert_cmpuint (conflicts->len, ==, 1);
  return g_ptr_array_index (conflicts, 0);
}

/* One side adds a preamble and deletes the article the other changed:
 * the article stays as a conflict, and the preamble comes first, or the
 * written text would read it as the end of that article (found by
 * fuzz-merge). */
static void
test_preamble_first (void)
{
  const char *base = "# Artikel 1\n\nEen.\n\n# Artikel 2\n\nTwee.\n";
  const char *ours = "# Artikel 1\n\nEen en meer.\n\n# Artikel 2\n\nTwee.\n";
  const char *theirs = "De raad;\n\nbesluit:\n\n# Artikel 2\n\nTwee.\n";
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);
  g_autoptr(AmendMerge) other = merge3 (base, theirs, ours);

  g_assert_cmpuint (only_conflict (merge)->kind, ==, AMEND_CONFLICT_DELETED);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==,
                   "De raad;\n\nbesluit:\n\n# Artikel 1\n\nEen en meer.\n\n# Artikel 2\n\nTwee.\n");
  g_assert_true (g_str_has_prefix (amend_merge_get_markdown (other), "De raad;\n\nbesluit:\n\n# Artikel 2\n"));
}

/* Both change the same words: a conflict of that member, with the three
 * texts; the result holds ours until it is resolved. */
static void
test_conflict_text (void)
{
  g_autofree char *ours = edit (BASE, "beslist binnen acht weken", "beslist binnen zes weken", NULL);
  g_autofree char *theirs = edit (BASE, "beslist binnen acht weken", "beslist binnen tien weken", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_TEXT);
  g_assert_cmpstr (c->id, ==, "chp_1__art_2__para_1");
  g_assert_cmpstr (c->article, ==, "2");
  g_assert_cmpstr (c->label, ==, "Artikel 2, eerste lid");
  g_assert_cmpstr (c->base_text, ==, "De burgemeester beslist binnen acht weken op de aanvraag.");
  g_assert_cmpstr (c->ours_text, ==, "De burgemeester beslist binnen zes weken op de aanvraag.");
  g_assert_cmpstr (c->theirs_text, ==, "De burgemeester beslist binnen tien weken op de aanvraag.");
  g_assert_cmpint (c->resolution, ==, AMEND_RESOLUTION_NONE);
  g_assert_cmpuint (amend_merge_count_unresolved (merge), ==, 1);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
}

static AmendMerge *
merge_with (const char      *base,
            const char      *ours,
            const char      *theirs,
            const char      *id,
            AmendResolution  how,
            const char      *text,
            GError         **error)
{
  g_autoptr(AmendDocument) b = amend_test_parse (base);
  g_autoptr(AmendDocument) o = amend_test_parse (ours);
  g_autoptr(AmendDocument) t = amend_test_parse (theirs);
  g_autoptr(GHashTable) choices = amend_choices_new ();

  amend_choices_set (choices, id, how, text);
  return amend_merge_documents_full (b, o, t, choices, error);
}

/* Each side numbers in order, and together the numbers clash: ours
 * inserts a second member and renumbers the rest, theirs adds a fourth
 * member after the third.  Taken as they are, the article would have two
 * members 4 (the merge did so before); numbering them anew would change
 * what "het vierde lid" means elsewhere.  The article is a conflict of
 * kind numbering, whole, and each way out gives one numbering. */
static void
test_conflict_numbering_members (void)
{
  g_autofree char *ours = edit (BASE, "2. Hij kan de beslissing", "2. Zij horen de aanvrager.\n3. Hij kan de beslissing",
                                "3. De aanvraag wordt", "4. De aanvraag wordt", NULL);
  g_autofree char *theirs = edit (BASE, "De aanvraag wordt schriftelijk ingediend.\n",
                                  "De aanvraag wordt schriftelijk ingediend.\n4. Een afschrift gaat naar de raad.\n", NULL);
  g_autofree char *want = edit (ours, "4. De aanvraag wordt schriftelijk ingediend.\n",
                                "4. De aanvraag wordt schriftelijk ingediend.\n5. Een afschrift gaat naar de raad.\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  g_autoptr(AmendMerge) other = merge3 (BASE, theirs, ours);
  g_autoptr(AmendMerge) resolved = NULL;
  g_autoptr(GError) error = NULL;
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (amend_conflict_kind_to_string (c->kind), ==, "numbering");
  g_assert_cmpstr (c->article, ==, "2");
  g_assert_nonnull (strstr (c->ours_text, "4. De aanvraag"));
  g_assert_nonnull (strstr (c->theirs_text, "4. Een afschrift"));
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
  g_assert_cmpint (only_conflict (other)->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (amend_merge_get_markdown (other), ==, theirs);

  resolved = merge_with (BASE, ours, theirs, c->id, AMEND_RESOLUTION_TEXT,
                         "## Artikel 2 Beslistermijn\n\n"
                         "1. De burgemeester beslist binnen acht weken op de aanvraag.\n"
                         "2. Zij horen de aanvrager.\n"
                         "3. Hij kan de beslissing eenmaal voor ten hoogste acht weken verdagen.\n"
                         "4. De aanvraag wordt schriftelijk ingediend.\n"
                         "5. Een afschrift gaat naar de raad.\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amend_merge_count_unresolved (resolved), ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (resolved), ==, want);
}

/* The same between articles, across chapters: ours inserts an article 3
 * and renumbers the old 3 to 4, theirs adds an article 4 of its own.  The
 * one a side numbered anew (theirs' 4) is the conflict; points clash as
 * members do. */
static void
test_conflict_numbering_articles (void)
{
  g_autofree char *ours = edit (BASE, "## Artikel 3 Vergunning", "## Artikel 3 Melding\n\nEen melding volstaat.\n\n## Artikel 4 Vergunning",
                                "## Artikel 4 Weigering", "## Artikel 5 Weigering",
                                "## Artikel 5 Intrekking", "## Artikel 6 Intrekking",
                                "## Artikel 6 Inwerkingtreding", "## Artikel 7 Inwerkingtreding", NULL);
  g_autofree char *theirs = edit (BASE, "- b. weg: de openbare weg.\n", "- b. weg: de openbare weg;\n- c. raad: de gemeenteraad.\n",
                                  "## Artikel 3 Vergunning", "## Artikel 2a Melding\n\nEen melding volstaat.\n\n## Artikel 3 Vergunning",
                                  NULL);
  g_autofree char *points = edit (BASE, "- a. college", "- a. burgemeester: de burgemeester;\n- b. college",
                                  "- b. weg", "- c. weg", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  g_autoptr(AmendMerge) on_points = merge3 (BASE, points, theirs);
  GPtrArray *conflicts = amend_merge_get_conflicts (merge);

  /* 2a before 3 on theirs, 3 after 2 on ours: no clash, both are kept;
   * a point c on both sides, each in order, is one. */
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_object (&merge);
  g_free (theirs);
  theirs = edit (BASE, "Deze verordening treedt in werking op 1 januari 2028.\n",
                 "Deze verordening treedt in werking op 1 januari 2028.\n\n## Artikel 7 Citeertitel\n\nDeze verordening heet Voorbeeld.\n",
                 NULL);
  merge = merge3 (BASE, ours, theirs);
  g_assert_cmpint (only_conflict (merge)->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (only_conflict (merge)->ours_text, ==, NULL);
  g_assert_nonnull (strstr (only_conflict (merge)->theirs_text, "Artikel 7 Citeertitel"));
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
  g_assert_cmpint (only_conflict (on_points)->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (only_conflict (on_points)->article, ==, "1");
}

/* The same paragraph inserted by both at different places of one article
 * is a conflict of order, and its texts name each paragraph by its first
 * words, not by a bare pilcrow that said nothing of which moved. */
static void
test_conflict_order_paragraphs (void)
{
  const char *base = "# Artikel 1\n\nEerste alinea.\n\nTweede alinea met meer dan vijf woorden erin.\n\nDerde alinea.\n";
  g_autofree char *ours = edit (base, "Eerste alinea.\n", "Eerste alinea.\n\nGelijke nieuwe alinea.\n", NULL);
  g_autofree char *theirs = edit (base, "Derde alinea.\n", "Derde alinea.\n\nGelijke nieuwe alinea.\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_ORDER);
  g_assert_cmpstr (c->base_text, ==,
                   "\xc2\xb6 \xe2\x80\x9c" "Eerste alinea.\xe2\x80\x9d, "
                   "\xc2\xb6 \xe2\x80\x9c" "Tweede alinea met meer dan\xe2\x80\xa6\xe2\x80\x9d, "
                   "\xc2\xb6 \xe2\x80\x9c" "Derde alinea.\xe2\x80\x9d");
  g_assert_nonnull (strstr (c->theirs_text, "Derde alinea.\xe2\x80\x9d, \xc2\xb6 \xe2\x80\x9cGelijke nieuwe alinea."));
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
}

/* What a side already had out of order is no clash: a regulation with
 * two members 2 (a slip in a real text) merges its other changes as
 * before. */
static void
test_numbering_as_it_was (void)
{
  g_autofree char *base = edit (BASE, "3. De aanvraag", "2. De aanvraag", NULL);
  g_autofree char *ours = edit (base, "beslist binnen acht weken", "beslist binnen zes weken", NULL);
  g_autofree char *theirs = edit (base, "2. De aanvraag wordt schriftelijk ingediend.\n",
                                  "2. De aanvraag wordt schriftelijk ingediend.\n3. Een afschrift gaat naar de raad.\n", NULL);
  g_autofree char *both = edit (theirs, "beslist binnen acht weken", "beslist binnen zes weken", NULL);

  assert_clean (base, ours, theirs, both);
}

/* A regulation whose Bijlage numbers its articles from 1 again (as real
 * ones do, and the Algemene wet bestuursrecht) is out of order there on
 * every side: that is as it was, and no reason to let a new clash
 * elsewhere through.  Ours renumbers article 2 to 2b in place, theirs
 * inserts an article 2a at the start of the next chapter: each side in
 * order, together 2b before 2a.  Members a side had out of order (two
 * lists of points a. and b. in one article) are as they were too, and do
 * not hide a member that clashes in the same article. */
static void
test_conflict_numbering_beside_old_disorder (void)
{
  g_autofree char *base = g_strconcat (BASE, "\n# Bijlage 1 Tarieven\n\n## Artikel 1 Leges\n\nDe leges bedragen tien euro.\n", NULL);
  g_autofree char *ours = edit (base, "## Artikel 2 Beslistermijn", "## Artikel 2b Beslistermijn", NULL);
  g_autofree char *theirs = edit (base, "## Artikel 3 Vergunning",
                                  "## Artikel 2a Melding\n\nEen melding volstaat.\n\n## Artikel 3 Vergunning", NULL);
  g_autofree char *lists = edit (base, "- b. weg: de openbare weg.\n",
                                 "- b. weg: de openbare weg.\n\nIn hoofdstuk 2 wordt verstaan onder:\n\n"
                                 "- a. evenement: een festiviteit;\n- b. organisator: wie het evenement houdt.\n", NULL);
  g_autofree char *ours_points = edit (lists, "- a. college", "- a. burgemeester: de burgemeester;\n- b. college",
                                       "- b. weg", "- c. weg", NULL);
  g_autofree char *theirs_points = edit (lists, "- b. weg: de openbare weg.\n", "- b. weg: de openbare weg;\n- c. raad: de gemeenteraad.\n",
                                         "festiviteit;", "feest;", NULL);
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);
  g_autoptr(AmendMerge) points = merge3 (lists, ours_points, theirs_points);
  g_autofree char *clean_theirs = edit (lists, "festiviteit;", "feest;", NULL);
  g_autofree char *clean_both = edit (ours_points, "festiviteit;", "feest;", NULL);

  g_assert_cmpint (only_conflict (merge)->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
  g_assert_cmpint (only_conflict (points)->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (only_conflict (points)->article, ==, "1");
  assert_clean (lists, ours_points, clean_theirs, clean_both);
}

/* Amending acts number their articles I, II, ... and the Gemeentewet its
 * chapters so: VIII, VIIIa, IX in that order, by value, and points i. to
 * x. likewise; single letters stay letters (points h., i., j.).  Two
 * insertions after article VIII come in that order, and are no clash. */
static void
test_roman_numbers (void)
{
  const char *base = "# Artikel VII\n\nTekst zeven.\n\n# Artikel VIII\n\nTekst acht.\n";
  const char *ours = "# Artikel VII\n\nTekst zeven.\n\n# Artikel VIII\n\nTekst acht.\n\n# Artikel IX\n\nTekst negen.\n";
  const char *theirs = "# Artikel VII\n\nTekst zeven.\n\n# Artikel VIII\n\nTekst acht.\n\n# Artikel VIIIa\n\nTekst acht a.\n";
  const char *both = "# Artikel VII\n\nTekst zeven.\n\n# Artikel VIII\n\nTekst acht.\n\n# Artikel VIIIa\n\nTekst acht a.\n\n"
                     "# Artikel IX\n\nTekst negen.\n";

  g_assert_cmpint (_amend_merge_compare_numbers ("VIII", "IX"), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("VIIIa", "IX"), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("XXXIX", "XL"), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("viii.", "ix."), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("h.", "i."), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("i.", "j."), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("C", "D"), <, 0);
  g_assert_cmpint (_amend_merge_compare_numbers ("10bis", "10ter"), <, 0);
  assert_clean (base, ours, theirs, both);
  assert_clean (base, theirs, ours, both);
}

/* A conflict in the heading of an article does not decide the numbers of
 * its members: ours inserts a second member and renumbers, theirs adds a
 * member 4, and both retitle the article.  It was a heading conflict, and
 * the article got two members 4 (also once that was resolved); it is a
 * numbering conflict, the article whole. */
static void
test_conflict_numbering_with_heading (void)
{
  g_autofree char *ours = edit (BASE, "## Artikel 2 Beslistermijn", "## Artikel 2 Termijn van beslissen",
                                "2. Hij kan de beslissing", "2. Zij horen de aanvrager.\n3. Hij kan de beslissing",
                                "3. De aanvraag wordt", "4. De aanvraag wordt", NULL);
  g_autofree char *theirs = edit (BASE, "## Artikel 2 Beslistermijn", "## Artikel 2 Termijnen",
                                  "De aanvraag wordt schriftelijk ingediend.\n",
                                  "De aanvraag wordt schriftelijk ingediend.\n4. Een afschrift gaat naar de raad.\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_NUMBERING);
  g_assert_cmpstr (c->article, ==, "2");
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
}

/* Between articles, taking one side's article whole can give the clash
 * back: ours renumbered article 6 to 7, theirs added an article 7; theirs
 * is the two articles 7 the conflict is about, and is refused; a text
 * that numbers it 7 again makes ours' article 7 a conflict of its own.
 * Ours (without theirs' article) and a text with article 8 are taken. */
static void
test_resolve_numbering_by_side (void)
{
  g_autofree char *ours = edit (BASE, "## Artikel 3 Vergunning", "## Artikel 3 Melding\n\nEen melding volstaat.\n\n## Artikel 4 Vergunning",
                                "## Artikel 4 Weigering", "## Artikel 5 Weigering",
                                "## Artikel 5 Intrekking", "## Artikel 6 Intrekking",
                                "## Artikel 6 Inwerkingtreding", "## Artikel 7 Inwerkingtreding", NULL);
  g_autofree char *theirs = edit (BASE, "Deze verordening treedt in werking op 1 januari 2028.\n",
                                  "Deze verordening treedt in werking op 1 januari 2028.\n\n## Artikel 7 Citeertitel\n\nDeze verordening heet Voorbeeld.\n",
                                  NULL);
  g_autofree char *want = g_strconcat (ours, "\n## Artikel 8 Citeertitel\n\nDeze verordening heet Voorbeeld.\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  const char *id = only_conflict (merge)->id;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendMerge) by_theirs = merge_with (BASE, ours, theirs, id, AMEND_RESOLUTION_THEIRS, NULL, &error);
  g_autoptr(AmendMerge) by_ours = NULL;
  g_autoptr(AmendMerge) by_text = NULL;
  g_autoptr(AmendMerge) again = NULL;

  g_assert_null (by_theirs);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
  g_clear_error (&error);
  again = merge_with (BASE, ours, theirs, id, AMEND_RESOLUTION_TEXT,
                      "## Artikel 7 Citeertitel\n\nDeze verordening heet Voorbeeld.\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amend_merge_count_unresolved (again), ==, 1);
  by_ours = merge_with (BASE, ours, theirs, id, AMEND_RESOLUTION_OURS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_merge_get_markdown (by_ours), ==, ours);
  by_text = merge_with (BASE, ours, theirs, id, AMEND_RESOLUTION_TEXT,
                        "## Artikel 8 Citeertitel\n\nDeze verordening heet Voorbeeld.\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amend_merge_count_unresolved (by_text), ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (by_text), ==, want);
}

static void
test_resolve_text (void)
{
  g_autofree char *ours = edit (BASE, "beslist binnen acht weken", "beslist binnen zes weken",
                                "ten hoogste acht weken", "ten hoogste vier weken", NULL);
  g_autofree char *theirs = edit (BASE, "beslist binnen acht weken", "beslist binnen tien weken", NULL);
  g_autofree char *want_theirs = edit (BASE, "beslist binnen acht weken", "beslist binnen tien weken",
                                       "ten hoogste acht weken", "ten hoogste vier weken", NULL);
  g_autofree char *want_text = edit (BASE, "De burgemeester beslist binnen acht weken", "Het college beslist binnen *negen* weken",
                                     "ten hoogste acht weken", "ten hoogste vier weken", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendMerge) a = merge_with (BASE, ours, theirs, "chp_1__art_2__para_1", AMEND_RESOLUTION_THEIRS, NULL, &error);
  g_autoptr(AmendMerge) b = NULL;
  g_autoptr(AmendMerge) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (amend_merge_count_unresolved (a), ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (a), ==, want_theirs);

  b = merge_with (BASE, ours, theirs, "chp_1__art_2__para_1", AMEND_RESOLUTION_TEXT,
                  "Het college beslist binnen *negen* weken op de aanvraag.\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_merge_get_markdown (b), ==, want_text);

  /* A text that is no paragraph does not fit, and says so. */
  c = merge_with (BASE, ours, theirs, "chp_1__art_2__para_1", AMEND_RESOLUTION_TEXT, "1. Een\n2. Twee\n", &error);
  g_assert_null (c);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
  g_clear_error (&error);

  /* Nor is a paragraph with a heading after it, which ends the article:
   * the paragraph was taken and the rest dropped without a word. */
  c = merge_with (BASE, ours, theirs, "chp_1__art_2__para_1", AMEND_RESOLUTION_TEXT,
                  "Het college beslist.\n\n# Toelichting\n\nWaarom.\n", &error);
  g_assert_null (c);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
  g_clear_error (&error);
  c = merge_with (BASE, ours, theirs, "chp_1__art_2__para_1", AMEND_RESOLUTION_TEXT,
                  "Het college beslist.\n\n# Hoofdstuk 9 Nieuw\n", &error);
  g_assert_null (c);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
}

/* Both add a different fourth member: the text that resolves it holds
 * members only, not a heading that ends the article and what follows. */
static void
test_resolve_members_then_heading (void)
{
  g_autofree char *ours = edit (BASE, "3. De aanvraag wordt schriftelijk ingediend.\n",
                                "3. De aanvraag wordt schriftelijk ingediend.\n4. Een kopie gaat naar de aanvrager.\n",
                                NULL);
  g_autofree char *theirs = edit (BASE, "3. De aanvraag wordt schriftelijk ingediend.\n",
                                  "3. De aanvraag wordt schriftelijk ingediend.\n4. De beslissing is openbaar.\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendMerge) both = NULL;
  g_autoptr(AmendMerge) more = NULL;

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_INSERTED);
  both = merge_with (BASE, ours, theirs, c->id, AMEND_RESOLUTION_TEXT,
                     "4. Een kopie gaat naar de aanvrager.\n5. De beslissing is openbaar.\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (amend_merge_get_markdown (both), "5. De beslissing is openbaar.\n"));
  more = merge_with (BASE, ours, theirs, c->id, AMEND_RESOLUTION_TEXT,
                     "4. Een kopie gaat naar de aanvrager.\n\n# Toelichting\n\nWaarom.\n", &error);
  g_assert_null (more);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
  g_assert_nonnull (strstr (error->message, "a heading that would end the article"));
}

/* One deletes article 5, the other changes it: a conflict of the whole
 * article; ours (deleted) until resolved. */
static void
test_conflict_deleted (void)
{
  const char *art5 = "## Artikel 5 Intrekking\n\nDe vergunning kan worden ingetrokken als de "
                     "voorschriften niet worden nageleefd.\n\n";
  g_autofree char *ours = edit (BASE, art5, "", NULL);
  g_autofree char *theirs = edit (BASE, "kan worden ingetrokken", "wordt ingetrokken", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendMerge) kept = NULL;

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_DELETED);
  g_assert_cmpstr (c->id, ==, "chp_2__art_5");
  g_assert_null (c->ours_text);
  g_assert_cmpstr (c->base_text, ==, "# Artikel 5 Intrekking\n\nDe vergunning kan worden ingetrokken als de "
                                     "voorschriften niet worden nageleefd.");
  g_assert_nonnull (strstr (c->theirs_text, "wordt ingetrokken"));
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);

  kept = merge_with (BASE, ours, theirs, c->id, AMEND_RESOLUTION_THEIRS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_merge_get_markdown (kept), ==, theirs);
}

/* Both insert a different article 5a: a conflict of the insertions. */
static void
test_conflict_inserted (void)
{
  g_autofree char *ours = edit (BASE, "niet worden nageleefd.\n",
                                "niet worden nageleefd.\n\n## Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.\n", NULL);
  g_autofree char *theirs = edit (BASE, "niet worden nageleefd.\n",
                                  "niet worden nageleefd.\n\n## Artikel 5a Waarschuwing\n\nEerst volgt een waarschuwing.\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendMerge) both = NULL;
  g_autofree char *want = edit (BASE, "niet worden nageleefd.\n",
                                "niet worden nageleefd.\n\n## Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.\n"
                                "\n## Artikel 5b Waarschuwing\n\nEerst volgt een waarschuwing.\n", NULL);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_INSERTED);
  g_assert_cmpstr (c->article, ==, "5a");
  g_assert_null (c->base_text);
  g_assert_cmpstr (c->ours_text, ==, "# Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.");
  g_assert_cmpstr (c->theirs_text, ==, "# Artikel 5a Waarschuwing\n\nEerst volgt een waarschuwing.");
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);

  /* Both, renumbered by hand. */
  both = merge_with (BASE, ours, theirs, c->id, AMEND_RESOLUTION_TEXT,
                     "## Artikel 5a Schorsing\n\nDe vergunning kan worden geschorst.\n\n"
                     "## Artikel 5b Waarschuwing\n\nEerst volgt een waarschuwing.\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_merge_get_markdown (both), ==, want);
}

/* Both retitle article 6 differently: a conflict of its heading only; the
 * change of its text by one side is kept. */
static void
test_conflict_heading (void)
{
  g_autofree char *ours = edit (BASE, "## Artikel 6 Inwerkingtreding", "## Artikel 6 Slotbepaling", NULL);
  g_autofree char *theirs = edit (BASE, "## Artikel 6 Inwerkingtreding", "## Artikel 6 Werking",
                                  "op 1 januari 2028", "op 1 juli 2028", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);
  g_autofree char *want = edit (ours, "op 1 januari 2028", "op 1 juli 2028", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendMerge) text = NULL;
  g_autofree char *want_text = edit (want, "## Artikel 6 Slotbepaling", "## Artikel 6 Slot- en overgangsbepaling", NULL);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_HEADING);
  g_assert_cmpstr (c->base_text, ==, "Artikel 6 Inwerkingtreding");
  g_assert_cmpstr (c->ours_text, ==, "Artikel 6 Slotbepaling");
  g_assert_cmpstr (c->theirs_text, ==, "Artikel 6 Werking");
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, want);

  text = merge_with (BASE, ours, theirs, c->id, AMEND_RESOLUTION_TEXT, "Artikel 6 Slot- en overgangsbepaling", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_merge_get_markdown (text), ==, want_text);
}

/* Both change the title in the front matter. */
static void
test_conflict_front_matter (void)
{
  g_autofree char *ours = edit (BASE, "title: Verordening Voorbeeld", "title: Verordening Voorbeeld 2028", NULL);
  g_autofree char *theirs = edit (BASE, "title: Verordening Voorbeeld", "title: Evenementenverordening", NULL);
  g_autofree char *added = edit (BASE, "title: Verordening Voorbeeld\n", "title: Verordening Voorbeeld\nauthority: gm9999\n", NULL);
  g_autofree char *want = edit (ours, "title: Verordening Voorbeeld 2028\n", "title: Verordening Voorbeeld 2028\nauthority: gm9999\n", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_FRONT_MATTER);
  g_assert_cmpstr (c->theirs_text, ==, "title: Evenementenverordening");
  /* Different keys merge. */
  assert_clean (BASE, ours, added, want);
}

/* A point inserted by one side and a point changed by the other, in one
 * list: adjacent lines for git. */
static void
test_points (void)
{
  g_autofree char *ours = edit (BASE, "- b. weg: de openbare weg.\n",
                                "- b. vergunning: een vergunning krachtens deze verordening;\n- c. weg: de openbare weg.\n", NULL);
  g_autofree char *theirs = edit (BASE, "college: het college", "college: het dagelijks bestuur", NULL);
  g_autofree char *both = edit (ours, "college: het college", "college: het dagelijks bestuur", NULL);

  assert_git_conflicts (BASE, ours, theirs);
  assert_clean (BASE, ours, theirs, both);
  assert_clean (BASE, theirs, ours, both);
}

/* Both change the same words of a point: a conflict of that point,
 * labelled with where it is, as a drafter cites it. */
static void
test_conflict_point (void)
{
  g_autofree char *ours = edit (BASE, "weg: de openbare weg.", "weg: de verharde weg.", NULL);
  g_autofree char *theirs = edit (BASE, "weg: de openbare weg.", "weg: de besloten weg.", NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_TEXT);
  g_assert_cmpstr (c->id, ==, "chp_1__art_1__list_o_1__item_b");
  g_assert_cmpstr (c->article, ==, "1");
  g_assert_cmpstr (c->label, ==, "Artikel 1, onder b");
  g_assert_cmpstr (c->base_text, ==, "weg: de openbare weg.");
  g_assert_cmpstr (c->ours_text, ==, "weg: de verharde weg.");
  g_assert_cmpstr (c->theirs_text, ==, "weg: de besloten weg.");
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
}

/* A point of a member: cited with the member. */
static void
test_conflict_point_in_member (void)
{
  g_autofree char *base = edit (BASE, "2. De weigering wordt schriftelijk meegedeeld.\n",
                                "2. De weigering wordt meegedeeld:\n"
                                "   - a. schriftelijk;\n"
                                "   - b. binnen twee weken.\n", NULL);
  g_autofree char *ours = edit (base, "binnen twee weken.", "binnen drie weken.", NULL);
  g_autofree char *theirs = edit (base, "binnen twee weken.", "binnen vier weken.", NULL);
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpstr (c->article, ==, "4");
  g_assert_cmpstr (c->label, ==, "Artikel 4, tweede lid, onder b");
  g_assert_cmpstr (c->base_text, ==, "binnen twee weken.");
}

/* Both put the articles of a chapter in another order, each its own: a
 * conflict of the order, said as the headings in each order, labelled
 * with the chapter; ours until resolved, theirs when chosen, and no text
 * can resolve a question of place. */
#define ART3 "## Artikel 3 Vergunning\n\nHet is verboden zonder vergunning van het college een evenement te organiseren.\n\n"
#define ART4 "## Artikel 4 Weigering\n\n1. De vergunning bedoeld in artikel 3 kan worden geweigerd in het belang van de " \
             "openbare orde.\n2. De weigering wordt schriftelijk meegedeeld.\n\n"
#define ART5 "## Artikel 5 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n\n"

static void
test_conflict_order (void)
{
  g_autofree char *ours = edit (BASE, ART3 ART4, ART4 ART3, NULL);
  g_autofree char *theirs = edit (BASE, ART4 ART5, ART5 ART4, NULL);
  g_autoptr(AmendMerge) merge = merge3 (BASE, ours, theirs);
  g_autoptr(AmendMerge) chose_theirs = NULL;
  g_autoptr(AmendMerge) by_text = NULL;
  g_autoptr(GError) error = NULL;
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_ORDER);
  g_assert_cmpstr (amend_conflict_kind_to_string (c->kind), ==, "order");
  g_assert_cmpstr (c->id, ==, "chp_2");
  g_assert_null (c->article);
  g_assert_cmpstr (c->label, ==, "Hoofdstuk 2");
  g_assert_cmpstr (c->base_text, ==, "Artikel 3 Vergunning, Artikel 4 Weigering, Artikel 5 Intrekking, Artikel 6 Inwerkingtreding");
  g_assert_cmpstr (c->ours_text, ==, "Artikel 4 Weigering, Artikel 3 Vergunning, Artikel 5 Intrekking, Artikel 6 Inwerkingtreding");
  g_assert_cmpstr (c->theirs_text, ==, "Artikel 3 Vergunning, Artikel 5 Intrekking, Artikel 4 Weigering, Artikel 6 Inwerkingtreding");
  g_assert_cmpuint (amend_merge_count_unresolved (merge), ==, 1);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);

  chose_theirs = merge_with (BASE, ours, theirs, "chp_2", AMEND_RESOLUTION_THEIRS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amend_merge_count_unresolved (chose_theirs), ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (chose_theirs), ==, theirs);

  by_text = merge_with (BASE, ours, theirs, "chp_2", AMEND_RESOLUTION_TEXT, ART3, &error);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
  g_assert_null (by_text);
  g_assert_nonnull (strstr (error->message, "about a place"));
}

/* Both move article 6, to different chapters: a conflict of its place;
 * ours until resolved, theirs when chosen. */
#define ART6 "## Artikel 6 Inwerkingtreding\n\nDeze verordening treedt in werking op 1 januari 2028.\n"

static void
test_conflict_moved (void)
{
  /* The base: article 6 first in chapter 2, and a chapter 3. */
  g_autofree char *b = edit (BASE, "\n" ART6, "\n# Hoofdstuk 3 Slot\n\n## Artikel 7 Citeertitel\n\nDeze verordening heet "
                             "Voorbeeld.\n", "## Artikel 3 Vergunning", ART6 "\n## Artikel 3 Vergunning", NULL);
  g_autofree char *ours = edit (b, ART6 "\n", "", "# Hoofdstuk 2 Vergunningen", ART6 "\n# Hoofdstuk 2 Vergunningen", NULL);
  g_autofree char *theirs = edit (b, ART6 "\n", "", "heet Voorbeeld.\n", "heet Voorbeeld.\n\n" ART6, NULL);
  g_autoptr(AmendMerge) merge = merge3 (b, ours, theirs);
  g_autoptr(AmendMerge) chosen = NULL;
  g_autoptr(AmendMerge) text = NULL;
  g_autoptr(GError) error = NULL;
  AmendConflict *c = only_conflict (merge);

  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_MOVED);
  g_assert_cmpstr (c->id, ==, "chp_2__art_6");
  g_assert_cmpstr (c->ours_text, ==, "Hoofdstuk 1 Algemeen \xe2\x86\x92 Artikel 6 Inwerkingtreding");
  g_assert_cmpstr (c->theirs_text, ==, "Hoofdstuk 3 Slot \xe2\x86\x92 Artikel 6 Inwerkingtreding");
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, ours);
  chosen = merge_with (b, ours, theirs, c->id, AMEND_RESOLUTION_THEIRS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_merge_get_markdown (chosen), ==, theirs);
  /* A place is no text. */
  text = merge_with (b, ours, theirs, c->id, AMEND_RESOLUTION_TEXT, "Artikel 6", &error);
  g_assert_null (text);
  g_assert_error (error, AMEND_MERGE_ERROR, AMEND_MERGE_ERROR_RESOLUTION);
}

/* Records merge key by key: a change of one side is taken, the later
 * "updated" wins, two different votes are a conflict. */
static void
test_record_merge (void)
{
  const char *base = "[amendement]\ntitle=Zes weken\nstatus=ingediend\nupdated=2027-03-01T10:00:00+01:00\n";
  const char *ours = "[amendement]\ntitle=Zes weken\nstatus=aangenomen\nupdated=2027-03-14T20:00:00+01:00\n"
                     "[vote]\nfor=15\nagainst=12\n";
  const char *theirs = "[amendement]\ntitle=Zes weken korter\nstatus=aangenomen\nupdated=2027-03-02T09:00:00+01:00\n"
                       "[vote]\nfor=16\nagainst=12\n";
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_conflict_free);
  g_autoptr(GHashTable) choices = amend_choices_new ();
  g_autofree char *merged = amend_record_merge (base, ours, theirs, NULL, conflicts, NULL);
  g_autofree char *decided = NULL;
  AmendConflict *c;

  g_assert_nonnull (merged);
  g_assert_nonnull (strstr (merged, "title=Zes weken korter\n"));
  g_assert_nonnull (strstr (merged, "updated=2027-03-14T20:00:00+01:00\n"));
  g_assert_nonnull (strstr (merged, "for=15\n"));
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (c->kind, ==, AMEND_CONFLICT_RECORD);
  g_assert_cmpstr (c->id, ==, "vote.for");
  g_assert_null (c->base_text);
  g_assert_cmpstr (c->ours_text, ==, "15");
  g_assert_cmpstr (c->theirs_text, ==, "16");

  g_ptr_array_set_size (conflicts, 0);
  amend_choices_set (choices, "vote.for", AMEND_RESOLUTION_THEIRS, NULL);
  decided = amend_record_merge (base, ours, theirs, choices, conflicts, NULL);
  g_assert_nonnull (strstr (decided, "for=16\n"));
  g_assert_cmpint (((AmendConflict *) g_ptr_array_index (conflicts, 0))->resolution, ==, AMEND_RESOLUTION_THEIRS);
}

/* ----------------------------------------------------------------------- */
/* The property test on the Gemeentewet                                     */
/* ----------------------------------------------------------------------- */

typedef struct {
  guint merges;
  guint git_conflicts;
  guint amend_conflicts;
} Tally;

/* One random edit of one paragraph: a word replaced, inserted or deleted. */
static char *
edited_word (GRand      *rand,
             const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  guint k = g_rand_int_range (rand, 0, n);
  GString *out = g_string_new (NULL);
  int how = g_rand_int_range (rand, 0, 3);

  for (guint i = 0; i < n; i++)
    {
      if (i == k && how == 0)
        g_string_append (out, "gewijzigd ");
      if (i == k && how == 2 && n > 3)
        continue;
      g_string_append (out, i == k && how == 1 ? "vervangen" : words[i]);
      g_string_append_c (out, ' ');
    }
  g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* An edit of the base, by the path of indices to the node it is about, so
 * that it can be made on any copy: reword a paragraph, insert an article
 * after an article, delete an article. */
typedef enum { EDIT_WORDS, EDIT_INSERT, EDIT_DELETE } EditKind;

typedef struct {
  EditKind kind;
  GArray  *path;    /* of guint: child indices from the root */
  char    *text;    /* EDIT_WORDS: the new words; EDIT_INSERT: the new article's */
} Edit;

static void
edit_clear (Edit *e)
{
  g_clear_pointer (&e->path, g_array_unref);
  g_clear_pointer (&e->text, g_free);
}

static GArray *
path_of (AmendNode *node)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (; node->parent; node = node->parent)
    g_array_prepend_val (path, node->pos);
  return path;
}

static AmendNode *
follow (AmendDocument *doc,
        GArray        *path)
{
  AmendNode *n = amend_document_get_root (doc);

  for (guint i = 0; i < path->len; i++)
    n = amend_node_child (n, g_array_index (path, guint, i));
  return n;
}

/* Applies @edits (their paths into the base) to a copy of @base_md; the
 * deepest and last first, so that no edit moves another's node. */
static char *
apply_edits (const char *base_md,
             Edit       *edits,
             guint       n)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (base_md);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (nodes, follow (doc, edits[i].path));
  for (guint i = 0; i < n; i++)
    {
      AmendNode *node = g_ptr_array_index (nodes, i);

      switch (edits[i].kind)
        {
        case EDIT_WORDS:
          g_free (g_array_index (node->runs, AmendRun, 0).text);
          g_array_index (node->runs, AmendRun, 0).text = g_strdup (edits[i].text);
          break;
        case EDIT_INSERT:
          {
            AmendNode *article = amend_node_new (AMEND_NODE_ARTICLE);
            AmendNode *text = amend_node_new (AMEND_NODE_TEXT);

            article->number = g_strdup_printf ("%sa", node->number);
            article->heading = g_strdup ("Ingevoegd");
            amend_node_add_run (text, edits[i].text, -1, AMEND_MARK_NONE, NULL);
            amend_node_append (article, text);
            amend_node_insert (node->parent, node->pos + 1, article);
          }
          break;
        case EDIT_DELETE:
          amend_node_free (node);
          break;
        }
    }
  amend_document_assign_eids (doc);
  return amend_document_to_markdown (doc);
}

static gboolean
plain_number (const char *number)
{
  if (number == NULL || *number == '\0')
    return FALSE;
  for (const char *p = number; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A random edit of the article @article (one of the base's, numbered
 * 1, 2, ... so that 12a is new). */
static void
random_edit (GRand     *rand,
             AmendNode *article,
             Edit      *e)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (AmendNode *n = article; n != NULL; n = amend_node_next (n, article))
    if (n->kind == AMEND_NODE_TEXT && n->heading_level == 0 && n->runs && n->runs->len == 1 &&
        strlen (g_array_index (n->runs, AmendRun, 0).text) > 20)
      g_ptr_array_add (texts, n);
  e->kind = texts->len == 0 ? EDIT_INSERT : g_rand_int_range (rand, 0, 5) == 0 ? EDIT_INSERT
          : g_rand_int_range (rand, 0, 6) == 0 ? EDIT_DELETE : EDIT_WORDS;
  if (e->kind == EDIT_WORDS)
    {
      AmendNode *t = g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len));

      e->path = path_of (t);
      e->text = edited_word (rand, g_array_index (t->runs, AmendRun, 0).text);
    }
  else
    {
      e->path = path_of (article);
      e->text = g_strdup ("Dit artikel is ingevoegd om de eigenschap te toetsen.");
    }
}

/* Two random edits of neighbouring articles (so that many of them sit on
 * neighbouring lines), each as a branch; the merge must equal both made
 * at once, made without the merge. */
static void
word_edit (GRand     *rand,
           AmendNode *text,
           Edit      *e)
{
  e->kind = EDIT_WORDS;
  e->path = path_of (text);
  e->text = edited_word (rand, g_array_index (text->runs, AmendRun, 0).text);
}

static void
property_once (GRand         *rand,
               const char    *base_md,
               GPtrArray     *articles,
               GPtrArray     *paragraphs,
               Tally         *tally)
{
  Edit edits[2] = { { 0 }, { 0 } };
  g_autofree char *ours = NULL, *theirs = NULL, *both = NULL;
  g_autoptr(AmendMerge) merge = NULL;
  int git;

  /* Half of them: words of two paragraphs that follow each other (members
   * of one article, often); the others: any edit of two neighbouring
   * articles. */
  if (g_rand_boolean (rand))
    {
      guint j = g_rand_int_range (rand, 0, paragraphs->len - 1);

      word_edit (rand, g_ptr_array_index (paragraphs, j), &edits[0]);
      word_edit (rand, g_ptr_array_index (paragraphs, j + 1), &edits[1]);
    }
  else
    {
      guint i = g_rand_int_range (rand, 0, articles->len - 1);

      random_edit (rand, g_ptr_array_index (articles, i), &edits[0]);
      random_edit (rand, g_ptr_array_index (articles, i + 1), &edits[1]);
    }
  ours = apply_edits (base_md, &edits[0], 1);
  theirs = apply_edits (base_md, &edits[1], 1);
  both = apply_edits (base_md, edits, 2);
  merge = merge3 (base_md, ours, theirs);
  tally->merges++;
  tally->amend_conflicts += amend_merge_get_conflicts (merge)->len > 0;
  g_assert_cmpuint (amend_merge_get_conflicts (merge)->len, ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, both);
  /* What is committed reads back as itself: canonical. */
  {
    g_autoptr(AmendDocument) again = amend_test_parse (amend_merge_get_markdown (merge));
    g_autofree char *rewritten = amend_document_to_markdown (again);
    g_assert_cmpstr (rewritten, ==, amend_merge_get_markdown (merge));
  }
  git = git_merge_file (base_md, ours, theirs);
  tally->git_conflicts += git > 0;
  edit_clear (&edits[0]);
  edit_clear (&edits[1]);
}

static void
test_property_gemeentewet (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270314);
  Tally tally = { 0 };
  guint rounds = g_test_slow () ? 40 : 8;

  if (files == NULL)
    return;
  for (guint f = 0; f < files->len; f += 4)
    {
      g_autoptr(AmendDocument) loose = amend_test_parse_file (g_ptr_array_index (files, f));
      g_autofree char *base_md = amend_document_to_markdown (loose);
      g_autoptr(AmendDocument) base = amend_test_parse (base_md);
      g_autoptr(GPtrArray) all = amend_document_get_articles (base);
      g_autoptr(GPtrArray) articles = g_ptr_array_new ();
      g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
      AmendNode *root = amend_document_get_root (base);

      for (guint k = 0; k < all->len; k++)
        {
          AmendNode *a = g_ptr_array_index (all, k);
          /* Plain numbers with no "a" article after them: "12a" is new. */
          if (plain_number (a->number) &&
              (k + 1 == all->len || !g_str_has_prefix (((AmendNode *) g_ptr_array_index (all, k + 1))->number, a->number)))
            g_ptr_array_add (articles, a);
        }
      for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
        if (n->kind == AMEND_NODE_TEXT && n->heading_level == 0 && amend_node_find_ancestor (n, AMEND_NODE_ARTICLE) &&
            n->runs && n->runs->len == 1 && strlen (g_array_index (n->runs, AmendRun, 0).text) > 20)
          g_ptr_array_add (paragraphs, n);
      g_assert_cmpuint (articles->len, >, 10);
      for (guint r = 0; r < rounds; r++)
        property_once (rand, base_md, articles, paragraphs, &tally);
    }
  g_test_message ("Gemeentewet: %u merges of two random edits (words of neighbouring paragraphs; words, an article "
                  "inserted or deleted in neighbouring articles); amend: %u with a conflict; git merge-file: %u "
                  "with a conflict",
                  tally.merges, tally.amend_conflicts, tally.git_conflicts);
  g_printerr ("# Gemeentewet: %u merges of two random edits; amend: %u with a conflict; "
              "git merge-file: %u with a conflict\n", tally.merges, tally.amend_conflicts, tally.git_conflicts);
}

/* Ours deletes the long second member of article 151c, theirs renumbers
 * the article to 151b: the merge is 151b without the member, clean.  The
 * check used to diff the base and the result, which does not pair 151c
 * with a 151b so much shorter, and took the article for lost (a false
 * conflict, and a critical; the smallest of fuzz-merge's pairing class). */
static void
test_renumbered_and_member_deleted (void)
{
  const char *first = "## Artikel 151a\n\nDeze regeling heet Subsidieregeling.\n\n";
  const char *member2 = "2. De subsidie wordt geweigerd indien de aanvrager in het jaar voorafgaand aan de aanvraag "
                        "niet heeft voldaan aan de verplichtingen die aan een eerdere subsidie waren verbonden, "
                        "indien de activiteiten in strijd zijn met het recht, indien de begroting niet sluitend is, "
                        "indien de aanvrager niet beschikt over een eigen bankrekening, en indien aannemelijk is dat "
                        "de activiteiten niet of niet geheel zullen worden verricht.\n";
  g_autofree char *base = g_strconcat (first, "## Artikel 151c\n\n1. Het college beslist.\n", member2, NULL);
  g_autofree char *ours = g_strconcat (first, "## Artikel 151c\n\n1. Het college beslist.\n", NULL);
  g_autofree char *theirs = g_strconcat (first, "## Artikel 151b\n\n1. Het college beslist.\n", member2, NULL);
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);

  g_assert_cmpuint (amend_merge_get_conflicts (merge)->len, ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==,
                   "# Artikel 151a\n\nDeze regeling heet Subsidieregeling.\n\n"
                   "# Artikel 151b\n\n1. Het college beslist.\n");
}

/* A side that only took away a space (before a comma) while the other
 * changed other words of the paragraph: the space stays away.  The words
 * around it are the same on all sides, and their white space was taken
 * from ours (found by fuzz-merge, as "wet en" made "wet%en"). */
static void
test_space_change (void)
{
  const char *base = "## Artikel 1\n\nZie artikel 5 , eerste lid, van de wet.\n";
  const char *ours = "## Artikel 1\n\nZie artikel 5 , eerste lid, van de Gemeentewet.\n";
  const char *theirs = "## Artikel 1\n\nZie artikel 5, eerste lid, van de wet.\n";
  g_autoptr(AmendMerge) merge = merge3 (base, ours, theirs);

  g_assert_cmpuint (amend_merge_get_conflicts (merge)->len, ==, 0);
  g_assert_cmpstr (amend_merge_get_markdown (merge), ==, "# Artikel 1\n\nZie artikel 5, eerste lid, van de Gemeentewet.\n");
}

/* A part whose merged shape Markdown cannot say (fuzz-merge's "not
 * canonical" findings) is a conflict of kind check, and resolved either way
 * it gives a canonical text with nothing left to resolve. */
static void
test_fuzz_regress_resolve (void)
{
  const char *names[] = { "shape-canonical-7a9737.triple", "shape-canonical-7a13c2.triple",
                          "shape-canonical-505cfd.triple" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *rel = g_build_filename ("tests/fuzz/merge-regress", names[i], NULL);
      g_autofree char *path = amend_test_source_path (rel);
      g_autofree char *triple = amend_test_read_file (path, NULL);
      const char *ours = triple + strlen (triple) + 1;
      const char *theirs = ours + strlen (ours) + 1;
      g_autoptr(AmendMerge) merge = merge3 (triple, ours, theirs);
      AmendConflict *conflict = NULL;

      for (guint k = 0; k < amend_merge_get_conflicts (merge)->len; k++)
        if (((AmendConflict *) g_ptr_array_index (amend_merge_get_conflicts (merge), k))->kind == AMEND_CONFLICT_CHECK)
          conflict = g_ptr_array_index (amend_merge_get_conflicts (merge), k);
      g_assert_nonnull (conflict);
      for (AmendResolution how = AMEND_RESOLUTION_OURS; how <= AMEND_RESOLUTION_THEIRS; how++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(AmendMerge) resolved = merge_with (triple, ours, theirs, conflict->id, how, NULL, &error);
          g_autoptr(AmendDocument) again = NULL;
          g_autofree char *second = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (amend_merge_count_unresolved (resolved), ==, amend_merge_count_unresolved (merge) - 1);
          again = amend_test_parse (amend_merge_get_markdown (resolved));
          second = amend_document_to_markdown (again);
          g_assert_cmpstr (second, ==, amend_merge_get_markdown (resolved));
        }
    }
}

/* A finding of fuzz-merge, made small (tests/fuzz/merge-regress/NAME): the
 * checks of the fuzz target hold (no critical, which the tests make fatal;
 * amend_merge_check; a part changed on one side only is that side's; a
 * side that changed nothing gives the other; a canonical text), and the
 * merge has as many conflicts as when it was fixed: a false conflict more
 * is a regression too. */
static void
test_fuzz_regress (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = amend_test_source_path ("tests/fuzz/merge-regress");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *list_path = g_build_filename (dir, "conflicts", NULL);
  g_autofree char *list = amend_test_read_file (list_path, NULL);
  g_autofree char *triple = NULL;
  g_autofree char *why = NULL;
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  gsize len = 0;
  guint n_conflicts = G_MAXUINT;
  int expected = -1;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ' ')
      expected = (int) g_ascii_strtoll (lines[i] + strlen (name) + 1, NULL, 10);
  g_assert_cmpint (expected, >=, 0);
  triple = amend_test_read_file (path, &len);
  g_assert_cmpint (amend_fuzz_merge_triple (triple, len, &n_conflicts, &why), ==, AMEND_FUZZ_MERGE_HELD);
  g_assert_null (why);
  g_assert_cmpuint (n_conflicts, ==, (guint) expected);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Every file of tests/fuzz/merge-regress is a case of its own. */
static void
add_fuzz_regress (void)
{
  g_autofree char *dir_path = amend_test_source_path ("tests/fuzz/merge-regress");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".triple"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  /* The thirty findings of the first runs, and what came after. */
  g_assert_cmpuint (names->len, >=, 30);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/merge/fuzz-regress/%s", (char *) g_ptr_array_index (names, i));

      g_test_add_data_func_full (test_path, g_ptr_array_index (names, i), test_fuzz_regress, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/members", test_members);
  g_test_add_func ("/merge/words", test_words);
  g_test_add_func ("/merge/renumbered-chapter", test_renumbered_chapter);
  g_test_add_func ("/merge/insert-after-reworded", test_insert_after_reworded);
  g_test_add_func ("/merge/same-edit", test_same_edit);
  g_test_add_func ("/merge/insert-both-numbered", test_insert_both_numbered);
  g_test_add_func ("/merge/delete-and-change", test_delete_and_change);
  g_test_add_func ("/merge/points", test_points);
  g_test_add_func ("/merge/preamble-first", test_preamble_first);
  g_test_add_func ("/merge/deleted-and-inserted-alike", test_deleted_and_inserted_alike);
  g_test_add_func ("/merge/conflict/text", test_conflict_text);
  g_test_add_func ("/merge/conflict/deleted", test_conflict_deleted);
  g_test_add_func ("/merge/conflict/inserted", test_conflict_inserted);
  g_test_add_func ("/merge/conflict/heading", test_conflict_heading);
  g_test_add_func ("/merge/conflict/front-matter", test_conflict_front_matter);
  g_test_add_func ("/merge/conflict/moved", test_conflict_moved);
  g_test_add_func ("/merge/conflict/order", test_conflict_order);
  g_test_add_func ("/merge/conflict/point", test_conflict_point);
  g_test_add_func ("/merge/conflict/point-in-member", test_conflict_point_in_member);
  g_test_add_func ("/merge/conflict/numbering-members", test_conflict_numbering_members);
  g_test_add_func ("/merge/conflict/numbering-articles", test_conflict_numbering_articles);
  g_test_add_func ("/merge/numbering-as-it-was", test_numbering_as_it_was);
  g_test_add_func ("/merge/conflict/order-paragraphs", test_conflict_order_paragraphs);
  g_test_add_func ("/merge/roman-numbers", test_roman_numbers);
  g_test_add_func ("/merge/conflict/numbering-with-heading", test_conflict_numbering_with_heading);
  g_test_add_func ("/merge/resolve/numbering-by-side", test_resolve_numbering_by_side);
  g_test_add_func ("/merge/conflict/numbering-beside-old-disorder", test_conflict_numbering_beside_old_disorder);
  g_test_add_func ("/merge/record", test_record_merge);
  g_test_add_func ("/merge/resolve/text", test_resolve_text);
  g_test_add_func ("/merge/resolve/text-members-then-heading", test_resolve_members_then_heading);
  g_test_add_func ("/merge/property/gemeentewet", test_property_gemeentewet);
  g_test_add_func ("/merge/renumbered-and-member-deleted", test_renumbered_and_member_deleted);
  g_test_add_func ("/merge/space-change", test_space_change);
  g_test_add_func ("/merge/fuzz-regress-resolve", test_fuzz_regress_resolve);
  add_fuzz_regress ();
  return g_test_run ();
}
