/* test-diff-texts.c: the diff that reads only what differs equals the full one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * amend_diff_new_for_texts() leaves the bodies of articles that are the
 * same in both texts unread.  Its JSON, renvooi (HTML and terminal) and
 * amendment instructions must be those of amend_diff_new() on the whole
 * documents, byte for byte: on the Gemeentewet's history (consecutive
 * versions and versions far apart), and on edits made here to real and
 * generated texts that move, delete, insert, renumber and reword
 * articles, change the headings of parts, insert and drop parts, and
 * change heading levels.
 */
#include "config.h"

#include <string.h>

#include "amend-diff.h"
#include "amend-diff-json.h"
#include "amend-instructions.h"
#include "amend-renvooi.h"
#include "amend-test-util.h"

/* The errors the reader reports of @doc, a line each: what amend diff
 * prints of a version before the diff. */
static char *
errors_of (AmendDocument *doc)
{
  GPtrArray *diags = amend_document_get_diagnostics (doc);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < diags->len; i++)
    {
      const AmendDiagnostic *diag = g_ptr_array_index (diags, i);

      if (diag->severity == AMEND_SEVERITY_ERROR)
        g_string_append_printf (s, "%u: %s\n", diag->line, diag->message);
    }
  return g_string_free (s, FALSE);
}

static void
assert_same_diff (const char *a,
                  gsize       a_len,
                  const char *b,
                  gsize       b_len,
                  const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) old_doc = amend_document_new_from_data (a, a_len, &error);
  g_autoptr(AmendDocument) new_doc = amend_document_new_from_data (b, b_len, &error);
  g_autoptr(AmendDiff) full = amend_diff_new (old_doc, new_doc);
  g_autoptr(AmendDiff) fast = amend_diff_new_for_texts (a, a_len, b, b_len, &error);
  struct {
    const char *name;
    char *(*render) (AmendDiff *diff);
  } formats[] = {
    { "json", amend_diff_to_json },
    { "instructions", amend_diff_to_instructions },
  };

  g_assert_no_error (error);
  g_assert_nonnull (fast);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *want = formats[i].render (full);
      g_autofree char *got = formats[i].render (fast);

      if (g_strcmp0 (want, got) != 0)
        g_error ("%s: the %s differs from the full diff's", what, formats[i].name);
    }
  {
    g_autofree char *want = amend_renvooi_to_html (full, what);
    g_autofree char *got = amend_renvooi_to_html (fast, what);
    g_autofree char *want_term = amend_renvooi_to_terminal (full, TRUE);
    g_autofree char *got_term = amend_renvooi_to_terminal (fast, TRUE);

    if (g_strcmp0 (want, got) != 0 || g_strcmp0 (want_term, got_term) != 0)
      g_error ("%s: the renvooi differs from the full diff's", what);
  }
  {
    /* What the lapsed amendments and the window's list are found by. */
    g_auto(GStrv) want = amend_diff_dup_articles (full);
    g_auto(GStrv) got = amend_diff_dup_articles (fast);

    if (!g_strv_equal ((const char * const *) want, (const char * const *) got))
      g_error ("%s: the changed articles differ from the full diff's", what);
  }
  {
    /* The bytes the reader replaced anywhere, or a front matter never
     * closed, are said of the versions as of the whole documents. */
    g_autofree char *want_old = errors_of (old_doc);
    g_autofree char *got_old = errors_of (amend_diff_get_old (fast));
    g_autofree char *want_new = errors_of (new_doc);
    g_autofree char *got_new = errors_of (amend_diff_get_new (fast));

    if (g_strcmp0 (want_old, got_old) != 0 || g_strcmp0 (want_new, got_new) != 0)
      g_error ("%s: the errors differ from the whole documents': %s%s instead of %s%s", what, got_old, got_new,
               want_old, want_new);
  }
}

/* Each pair both ways. */
static void
assert_same_diffs (const char *pairs[][2],
                   guint       n,
                   const char *label)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s %u", label, i);

      assert_same_diff (pairs[i][0], strlen (pairs[i][0]), pairs[i][1], strlen (pairs[i][1]), what);
      assert_same_diff (pairs[i][1], strlen (pairs[i][1]), pairs[i][0], strlen (pairs[i][0]), what);
    }
}

static void
test_history (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lens = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* Consecutive versions, then versions years apart. */
  static const guint far[][2] = { { 0, 21 }, { 4, 14 }, { 7, 8 }, { 21, 0 }, { 11, 19 } };

  if (files == NULL)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      gsize len = 0;

      g_ptr_array_add (texts, amend_test_read_file (g_ptr_array_index (files, i), &len));
      g_array_append_val (lens, len);
    }
  for (guint i = 0; i + 1 < files->len; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s -> %s", (char *) g_ptr_array_index (files, i),
                                               (char *) g_ptr_array_index (files, i + 1));

      assert_same_diff (g_ptr_array_index (texts, i), g_array_index (lens, gsize, i),
                        g_ptr_array_index (texts, i + 1), g_array_index (lens, gsize, i + 1), what);
    }
  for (guint k = 0; k < G_N_ELEMENTS (far); k++)
    {
      guint i = far[k][0], j = far[k][1];
      g_autofree char *what = NULL;

      if (i >= files->len || j >= files->len)
        continue;
      what = g_strdup_printf ("%s -> %s", (char *) g_ptr_array_index (files, i), (char *) g_ptr_array_index (files, j));
      assert_same_diff (g_ptr_array_index (texts, i), g_array_index (lens, gsize, i),
                        g_ptr_array_index (texts, j), g_array_index (lens, gsize, j), what);
    }
}

/* ------------------------------------------------------------------------ */
/* Edits                                                                     */
/* ------------------------------------------------------------------------ */

typedef struct {
  GPtrArray *lines;  /* of char *, without their newline */
} Text;

static gboolean
is_article (const char *line)
{
  const char *p = line;

  while (*p == '#')
    p++;
  while (*p == ' ')
    p++;
  return line[0] == '#' && g_str_has_prefix (p, "Artikel");
}

static gboolean
is_part (const char *line)
{
  const char *p = line;

  while (*p == '#')
    p++;
  while (*p == ' ')
    p++;
  return p > line && line[0] == '#' &&
         (g_str_has_prefix (p, "Hoofdstuk") || g_str_has_prefix (p, "Titel") ||
          g_str_has_prefix (p, "Afdeling") || g_str_has_prefix (p, "Paragraaf"));
}

static GArray *
find (GPtrArray *lines,
      gboolean (*pred) (const char *))
{
  GArray *at = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < lines->len; i++)
    if (pred (g_ptr_array_index (lines, i)))
      g_array_append_val (at, i);
  return at;
}

/* The end of the article at @i: the next heading line. */
static guint
article_end (GPtrArray *lines,
             guint      i)
{
  guint j = i + 1;

  while (j < lines->len && ((char *) g_ptr_array_index (lines, j))[0] != '#')
    j++;
  return j;
}

static void
edit (GPtrArray *lines,
      GRand     *rand)
{
  g_autoptr(GArray) articles = find (lines, is_article);
  g_autoptr(GArray) parts = find (lines, is_part);
  guint i, e;

  if (articles->len < 3)
    return;
  i = g_array_index (articles, guint, g_rand_int_range (rand, 0, articles->len - 1));
  e = article_end (lines, i);
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: /* an article deleted */
      g_ptr_array_remove_range (lines, i, e - i);
      break;
    case 1: /* an article moved elsewhere */
      {
        guint to = g_array_index (articles, guint, g_rand_int_range (rand, 0, articles->len));
        g_autoptr(GPtrArray) block = g_ptr_array_new ();

        for (guint k = i; k < e; k++)
          g_ptr_array_add (block, g_ptr_array_index (lines, k));
        g_ptr_array_set_free_func (lines, NULL);
        g_ptr_array_remove_range (lines, i, e - i);
        g_ptr_array_set_free_func (lines, g_free);
        to = MIN (to, lines->len);
        for (guint k = 0; k < block->len; k++)
          g_ptr_array_insert (lines, to + k, g_ptr_array_index (block, k));
      }
      break;
    case 2: /* an article inserted: a copy with another number */
      for (guint k = e; k > i; k--)
        g_ptr_array_insert (lines, e, g_strdup (g_ptr_array_index (lines, k - 1)));
      {
        char *head = g_ptr_array_index (lines, e);
        g_ptr_array_index (lines, e) = g_strconcat (head, "a", NULL);
        g_free (head);
      }
      break;
    case 3: /* a heading changed */
      {
        char *head = g_ptr_array_index (lines, i);
        g_ptr_array_index (lines, i) = g_strconcat (head, " gewijzigd", NULL);
        g_free (head);
      }
      break;
    case 4: /* a line reworded */
      if (e > i + 2)
        {
          guint k = i + 1 + g_rand_int_range (rand, 0, e - i - 1);
          char *line = g_ptr_array_index (lines, k);

          if (line[0] != '\0')
            {
              g_ptr_array_index (lines, k) = g_strconcat (line, " niet", NULL);
              g_free (line);
            }
        }
      break;
    case 5: /* a new chapter before an article */
      g_ptr_array_insert (lines, i, g_strdup (""));
      g_ptr_array_insert (lines, i, g_strdup ("# Hoofdstuk 99 Nieuw"));
      break;
    case 6: /* a part heading dropped */
      if (parts->len > 0)
        g_ptr_array_remove_index (lines, g_array_index (parts, guint, g_rand_int_range (rand, 0, parts->len)));
      break;
    case 7: /* a part heading changed */
      if (parts->len > 0)
        {
          guint k = g_array_index (parts, guint, g_rand_int_range (rand, 0, parts->len));
          char *head = g_ptr_array_index (lines, k);

          g_ptr_array_index (lines, k) = g_strconcat (head, " en overige", NULL);
          g_free (head);
        }
      break;
    case 8: /* an article one level deeper */
      {
        char *head = g_ptr_array_index (lines, i);
        g_ptr_array_index (lines, i) = g_strconcat ("#", head, NULL);
        g_free (head);
      }
      break;
    default: /* the first line of the text reworded */
      for (guint k = 0; k < lines->len; k++)
        {
          char *line = g_ptr_array_index (lines, k);

          if (line[0] != '\0' && line[0] != '#' && line[0] != '-' && !g_str_has_suffix (line, ":"))
            {
              g_ptr_array_index (lines, k) = g_strconcat (line, " ook", NULL);
              g_free (line);
              break;
            }
        }
      break;
    }
}

static char *
join (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  {
    char *text = g_strjoinv ("\n", (char **) lines->pdata);
    g_ptr_array_set_size (lines, lines->len - 1);
    return text;
  }
}

static void
edits_of (const char *text,
          const char *name,
          guint       n_pairs,
          guint       seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint pair = 0; pair < n_pairs; pair++)
    {
      g_auto(GStrv) split = g_strsplit (text, "\n", -1);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *edited = NULL;
      g_autofree char *what = NULL;
      guint n_edits = 1 + pair % 6;

      for (guint k = 0; split[k]; k++)
        g_ptr_array_add (lines, g_strdup (split[k]));
      for (guint k = 0; k < n_edits; k++)
        edit (lines, rand);
      edited = join (lines);
      what = g_strdup_printf ("%s, edits %u (%u edits)", name, pair, n_edits);
      assert_same_diff (text, strlen (text), edited, strlen (edited), what);
      /* And the other way round. */
      assert_same_diff (edited, strlen (edited), text, strlen (text), what);
    }
}

static void
test_edits_real (void)
{
  g_autofree char *path = amend_test_shared_path ("corpus/nl-wetten-historie/011.md");
  g_autofree char *text = NULL;

  if (path == NULL)
    return;
  text = amend_test_read_file (path, NULL);
  edits_of (text, "Gemeentewet 011", 24, 11);
}

static void
test_edits_canonical (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);

  edits_of (text, "APV Lindewaarde", 30, 7);
}

/* What makes a text be read whole, and a body that could reach past its
 * article: still the full diff's result. */
static void
test_unsafe_texts (void)
{
  static const char *olds[] = {
    "# Hoofdstuk 1\n\n## Artikel 1\n\nTekst [a].\n\n[a]: https://example.nl\n\n## Artikel 2\n\nTwee.\n",
    "## Artikel 1\n\n```\n## Artikel 9\n```\n\n## Artikel 2\n\nTwee.\n",
    "## Artikel 1\n\nEen.\n<div>\n## Artikel 2\n\nTwee.\n\n## Artikel 3\n\nDrie.\n",
    "## Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee\n---\n\n## Artikel 3\n\nDrie.\n",
    "## Artikel 1\r\n\r\nEen.\r\n\r\n## Artikel 2\r\n\r\nTwee.\r\n",
    "## Artikel 1\r\rEen.\r\r## Artikel 2\r\rTwee.\r",
    "### Artikel 1\n\n#### Titel\n\nEen.\n\n### Artikel 2\n\nTwee.\n\n#### Vrij\n\nNa.\n\n### Artikel 3\n\nDrie.\n",
    "## Artikel 1\n\n1. Een.\n2. Twee.\n\n## Artikel 1\n\n1. Een.\n2. Twee.\n\n## Artikel 2\n\nDrie.\n",
    "# Toelichting\n\n## Artikel 1\n\nUitleg.\n\n## Artikel 2\n\nMeer.\n",
    "---\ntitle: X\n# comment\n---\n\n## Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee.\n",
    "## Artikel 1\n\nEen.\n\n ## Artikel 2\n\nTwee.\n\n## Artikel 3\n\nDrie.\n",
    "## Artikel 1\n\nEen.\n<x\n## Artikel 2\n\nTwee.\n\n## Artikel 3\n\nDrie.\n",
    /* Bytes the reader replaces and says so: a control character, DEL, a
     * non-character, bytes that are not UTF-8, in an article that stays. */
    "## Artikel 1\n\nEen \x01 twee.\n\n## Artikel 2\n\nTwee.\n",
    "## Artikel 1\n\nEen \x7f twee.\n\n## Artikel 2\n\nTwee.\n",
    "## Artikel 1\n\nEen \xef\xbf\xbe twee.\n\n## Artikel 2\n\nTwee.\n",
    "## Artikel 1\n\nEen \xff twee.\n\n## Artikel 2\n\nTwee.\n",
    /* Read as an XML file when "xmlns" is near the start, in any article. */
    "<div>\n\n## Artikel 1\n\nxmlns\n\n## Artikel 2\n\nTwee.\n",
    /* A front matter never closed. */
    "---\ntitle: X\n\n## Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (olds); i++)
    {
      g_autofree char *what = g_strdup_printf ("text %u", i);
      g_autoptr(GString) changed = g_string_new (olds[i]);

      /* The last article changes; the others stay. */
      g_string_append (changed, "\n## Artikel 7\n\nNieuw.\n");
      assert_same_diff (olds[i], strlen (olds[i]), changed->str, changed->len, what);
      assert_same_diff (changed->str, changed->len, olds[i], strlen (olds[i]), what);
    }
}

/* An article that reads the same as an unread one (the same number, the
 * text written otherwise) is paired as the full diff pairs it: the
 * first with the first. */
static void
test_same_numbers (void)
{
  static const char *pairs[][2] = {
    { "## Artikel 4\n\nVier.\n\n## Artikel 5\n\nTekst.\n",
      "## Artikel 4\n\nVier.\n\n## Artikel 5\n\nTekst.   \n\n## Artikel 5\n\nTekst.\n" },
    { "## Artikel 5\n\nTekst.\n\n## Artikel 5\n\nTekst.\n\n## Artikel 6\n\nZes.\n",
      "## Artikel 5\n\nTekst.\n\n## Artikel 6\n\nZes!\n" },
  };

  assert_same_diffs (pairs, G_N_ELEMENTS (pairs), "pair");
}

/* Unread articles reach the reader as their heading up to the number:
 * headings written every way a loose file writes them, titles on a line of
 * their own (a free heading of any level), and a text that ends in a
 * heading, give the full diff's result. */
static void
test_heading_forms (void)
{
  static const char *olds[] = {
    "## Artikel 1 Begrippen\n\nEen.\n\n## ARTIKEL 2:\tSlot\n\nTwee.\n\n## artikel 3. Derde\n\nDrie.\n",
    "## Artikel 3:259a* Oud\n\nEen.\n\n## Artikel 4  -  Titel met streep  \n\nTwee.\n\n## Artikel 5 ##\n\nDrie.\n",
    "# Hoofdstuk 1\n\n## Artikel 1\n\n### Titel op een eigen regel\n\nEen.\n\n## Artikel 2\n\n# Vrij kopje\n\nTwee.\n\n## Artikel 3\n\nDrie.\n",
    "## Artikel 1\n\nEen.\n\n## Artikel 2 Twee\n\n\n\nTwee.\n\n## Artikel 3\n\nDrie.\n\n## Artikel 4 Laatste",
    "# Hoofdstuk 1\n## Artikel 1 Een\nEen.\n## Artikel 2 Twee\nTwee.\n# Hoofdstuk 2\n## Artikel 3 Drie\nDrie.\n",
    "## § 1 Paragraaf\n\n### Artikel 1\tEerste\tmet tabs\n\nEen.\n\n### Artikel 2\u00a0Twee\n\nTwee.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (olds); i++)
    {
      g_autofree char *what = g_strdup_printf ("headings %u", i);
      g_autoptr(GString) changed = g_string_new (olds[i]);
      g_autoptr(GString) reworded = g_string_new (olds[i]);
      char *first = strstr (reworded->str, "Een.");

      g_string_append (changed, "\n\n## Artikel 7\n\nNieuw.\n");
      assert_same_diff (olds[i], strlen (olds[i]), changed->str, changed->len, what);
      assert_same_diff (changed->str, changed->len, olds[i], strlen (olds[i]), what);
      /* The first article changes, those after it stay. */
      g_assert_nonnull (first);
      memcpy (first, "Ene.", 4);
      assert_same_diff (olds[i], strlen (olds[i]), reworded->str, reworded->len, what);
      assert_same_diff (reworded->str, reworded->len, olds[i], strlen (olds[i]), what);
    }
}

/* The line of a change on the last line of a text that does not end in a
 * newline, and texts of one line or none. */
static void
test_last_line (void)
{
  static const char *pairs[][2] = {
    { "#### *Regio.   \n\n\n", "###art_2 Titel* \n\n2. Wet veil" },
    { "## Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee.", "## Artikel 1\n\nEen.\n\n## Artikel 2\n\nTwee!" },
    { "## Artikel 1\n\nEen.", "## Artikel 1\n\nEen.\n" },
    { "Een.", "" },
    { "", "Een." },
  };

  assert_same_diffs (pairs, G_N_ELEMENTS (pairs), "last line");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff-texts/history", test_history);
  g_test_add_func ("/diff-texts/edits-real", test_edits_real);
  g_test_add_func ("/diff-texts/edits-canonical", test_edits_canonical);
  g_test_add_func ("/diff-texts/unsafe-texts", test_unsafe_texts);
  g_test_add_func ("/diff-texts/same-numbers", test_same_numbers);
  g_test_add_func ("/diff-texts/heading-forms", test_heading_forms);
  g_test_add_func ("/diff-texts/last-line", test_last_line);
  return g_test_run ();
}
