/* test-comments.c: comments: their file, their anchor, finding them again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comment file read and written (and every kind of bad one refused
 * with a sentence), the bounded edit distance against a plain dynamic
 * program, re-anchoring after a reword, a renumbering, a move and a
 * deletion on the example regulation, on the 22 real versions of the
 * Gemeentewet, and comments in real repositories: committed on their own
 * branch whatever the working copy is on, never touching unsaved text,
 * findings for bad files, git fsck --strict after each scenario.
 */
#include "config.h"

#include <git2.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-anchorer.h"
#include "amend-comment-private.h"
#include "amend-comment-text.h"
#include "amend-comments.h"
#include "amend-quote-match.h"
#include "amend-repository.h"
#include "amend-test-git.h"
#include "amend-test-util.h"

#define AUTHOR "Jan Jansen <jan@example.nl>"
#define COMMIT0 "0123456789abcdef0123456789abcdef01234567"

/* Helpers ------------------------------------------------------------------- */

/* Strings made inside an assertion live until the end of the program. */
static GPtrArray *kept;

static char *
keep (char *s)
{
  g_ptr_array_add (kept, s);
  return s;
}

static char *
example_text (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");

  return amend_test_read_file (path, NULL);
}

/* @text with its one occurrence of @from replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  if (g_strv_length (parts) != 2)
    g_error ("\"%s\" occurs %u times, not once", from, g_strv_length (parts) - 1);
  return g_strjoinv (to, parts);
}

/* A comment made on @doc (as version COMMIT0), as amend_comments_add()
 * anchors it. */
static AmendComment *
comment_on (AmendDocument *doc,
            const char    *eid,
            const char    *exact)
{
  g_autoptr(AmendCommentText) text = amend_comment_text_new (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2027-03-01T10:00:00+01:00", NULL);
  g_autofree char *node = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  AmendComment *c = amend_comment_new ("Opmerking.");

  amend_comment_text_make_anchor (text, "regeling.md", eid, exact, &node, &prefix, &suffix, &error);
  g_assert_no_error (error);
  _amend_comment_set_identity (c, "c1", AUTHOR, date);
  _amend_comment_set_anchor (c, "regeling.md", COMMIT0, node, exact, prefix, suffix);
  return c;
}

/* Finds @c, made on @old, in @new. */
static void
reanchor (AmendComment  *c,
          AmendDocument *old,
          AmendDocument *new_doc)
{
  g_autoptr(AmendAnchorer) anchorer = amend_anchorer_new (NULL, NULL);

  if (old)
    amend_anchorer_set_document (anchorer, COMMIT0, "regeling.md", old);
  amend_anchorer_set_document (anchorer, NULL, "regeling.md", new_doc);
  amend_anchorer_resolve (anchorer, c);
}

static void
assert_state (AmendComment    *c,
              AmendAnchorState state)
{
  if (amend_comment_get_state (c) != state)
    g_error ("anchor state %s, expected %s", amend_anchor_state_to_string (amend_comment_get_state (c)),
             amend_anchor_state_to_string (state));
}

/* The file format ------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr(AmendComment) c = amend_comment_new ("Eerste regel.\n\nTweede \"alinea\" met *nadruk*.");
  g_autoptr(AmendComment) back = NULL;
  g_autoptr(AmendComment) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2027-03-01T10:00:00+01:00", NULL);
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *data3 = NULL;
  gsize len;

  _amend_comment_set_identity (c, "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "Eva de Vries-Çelik <eva@example.nl>", date);
  _amend_comment_set_anchor (c, "regels/apv.md", COMMIT0, "chp_1__art_1.2__para_1",
                             "acht \"weken\"\tna", "ontheffing binnen\n", ": \\ \x01 ü");
  data = amend_comment_to_data (c, &len);
  g_assert_true (g_str_has_prefix (data, "---\nid: 1b4e28ba-2fa1-41d2-883f-0016d3cca427\n"
                                         "author: \"Eva de Vries-\xc3\x87" "elik <eva@example.nl>\"\n"
                                         "created: 2027-03-01T10:00:00+01:00\nreply-to:\nresolved-by:\nresolved-at:\n"
                                         "anchor:\n  source: regels/apv.md\n"));
  g_assert_nonnull (strstr (data, "  exact: \"acht \\\"weken\\\"\\tna\"\n"));
  g_assert_nonnull (strstr (data, "  suffix: \": \\\\ \\u0001 \xc3\xbc\"\n"));

  back = amend_comment_new_from_data ("1b4e28ba-2fa1-41d2-883f-0016d3cca427", data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_comment_get_text (back), ==, amend_comment_get_text (c));
  g_assert_cmpstr (amend_comment_get_author (back), ==, amend_comment_get_author (c));
  g_assert_cmpstr (amend_comment_get_exact (back), ==, "acht \"weken\"\tna");
  g_assert_cmpstr (amend_comment_get_prefix (back), ==, "ontheffing binnen\n");
  g_assert_cmpstr (amend_comment_get_suffix (back), ==, ": \\ \x01 \xc3\xbc");
  g_assert_true (g_date_time_equal (amend_comment_get_created (back), date));
  g_assert_false (amend_comment_is_resolved (back));

  /* Resolved, and keys Amend does not know are kept (after the anchor). */
  _amend_comment_set_resolved (back, AUTHOR, date);
  data2 = amend_comment_to_data (back, &len);
  {
    g_autofree char *extended = replace_once (data2, "---\n\n", "labels: \"urgent\"\n---\n\n");

    again = amend_comment_new_from_data (NULL, extended, strlen (extended), &error);
    g_assert_no_error (error);
    data3 = amend_comment_to_data (again, NULL);
    g_assert_cmpstr (data3, ==, extended);
  }
  g_assert_true (amend_comment_is_resolved (again));
  g_assert_cmpstr (amend_comment_get_resolved_by (again), ==, AUTHOR);
}

/* What other tools may write: CRLF, \u escapes with surrogate pairs,
 * comments in the front matter, no blank line before the text. */
static void
test_read_tolerant (void)
{
  const char *data = "---\r\nid: abc-1\r\n# a note\r\nauthor: Jan <jan@example.nl>\r\ncreated: 2027-03-01T09:00:00Z\r\n"
                     "reply-to: abc-0\r\n---\r\nTekst \xf0\x9f\x98\x80.\r\n";
  const char *escapes = "---\nid: abc-2\nauthor: \"Jan \\u00e9 \\ud83d\\ude00 <jan@example.nl>\"\n"
                        "created: 2027-03-01T09:00:00+02:00\nanchor:\n  source: regeling.md\n"
                        "  commit: " COMMIT0 "\n  eid: body\n  exact:\n---\nx";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) c = amend_comment_new_from_data ("abc-1", data, strlen (data), &error);
  g_autoptr(AmendComment) d = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (amend_comment_get_text (c), ==, "Tekst \xf0\x9f\x98\x80.");
  g_assert_cmpstr (amend_comment_get_reply_to (c), ==, "abc-0");
  g_assert_false (amend_comment_has_anchor (c));
  d = amend_comment_new_from_data ("abc-2", escapes, strlen (escapes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_comment_get_author (d), ==, "Jan \xc3\xa9 \xf0\x9f\x98\x80 <jan@example.nl>");
  g_assert_null (amend_comment_get_exact (d));
}

/* A key Amend does not know is kept; carriage returns at the end of its
 * line are all line end, so that saving again does not take off one more
 * each time (found by fuzz-comment). */
static void
test_unknown_key_returns (void)
{
  const char *data = "---\nid: abc-1\nauthor: \"J <j@example.nl>\"\ncreated: 2027-03-01T09:00:00Z\n"
                     "reply-to: abc-0\nnote: x\r\r\r\n---\nTekst\r\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) c = amend_comment_new_from_data (NULL, data, strlen (data), &error);
  g_autoptr(AmendComment) back = NULL;
  g_autofree char *first = NULL, *second = NULL;
  gsize len;

  g_assert_no_error (error);
  first = amend_comment_to_data (c, &len);
  g_assert_nonnull (strstr (first, "\nnote: x\n"));
  back = amend_comment_new_from_data ("abc-1", first, len, &error);
  g_assert_no_error (error);
  second = amend_comment_to_data (back, NULL);
  g_assert_cmpstr (second, ==, first);
}

/* A year before 1000 is written with four digits, so that it reads back
 * (found by fuzz-comment). */
static void
test_old_year (void)
{
  const char *data = "---\nid: abc-1\nauthor: \"J <j@example.nl>\"\ncreated: 0560-12-05T11:44:11+00:00\nreply-to: x\n---\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) c = amend_comment_new_from_data (NULL, data, strlen (data), &error);
  g_autoptr(AmendComment) back = NULL;
  g_autofree char *written = NULL;
  gsize len;

  g_assert_no_error (error);
  written = amend_comment_to_data (c, &len);
  g_assert_nonnull (strstr (written, "created: 0560-12-05T11:44:11+00:00\n"));
  back = amend_comment_new_from_data ("abc-1", written, len, &error);
  g_assert_no_error (error);
}

typedef struct {
  const char *what;
  const char *from;     /* replaced in the good file... */
  const char *to;       /* ...by this */
  const char *needle;   /* in the message */
} BadCase;

static const char good_file[] =
  "---\nid: abc-1\nauthor: \"Jan Jansen <jan@example.nl>\"\ncreated: 2027-03-01T10:00:00+01:00\n"
  "reply-to:\nresolved-by:\nresolved-at:\nanchor:\n  source: regeling.md\n  commit: " COMMIT0 "\n"
  "  eid: chp_1__art_1.2\n  exact: \"acht weken\"\n  prefix: \"binnen \"\n  suffix: \" na\"\n---\n\nTekst.\n";

static const BadCase bad_cases[] = {
  { "no front matter", "---\nid", "id", "no front matter" },
  { "unclosed", "---\n\nTekst.\n", "", "not closed" },
  { "not key: value", "reply-to:\n", "reply to\n", "is not \xe2\x80\x9ckey: value" },
  { "key without space", "reply-to:\n", "reply-to:x\n", "is not \xe2\x80\x9ckey: value" },
  { "given twice", "reply-to:\n", "reply-to:\nreply-to:\n", "given twice" },
  { "unknown anchor field", "  eid:", "  selector: x\n  eid:", "does not know" },
  { "indented outside the anchor", "reply-to:\n", "  reply-to:\n", "indented" },
  { "unclosed quote", "\"acht weken\"", "\"acht weken", "not closed" },
  { "bad escape", "\"acht weken\"", "\"acht \\q weken\"", "bad escape" },
  { "NUL escape", "\"acht weken\"", "\"acht \\u0000 weken\"", "bad escape" },
  { "lone surrogate", "\"acht weken\"", "\"acht \\ud800 weken\"", "bad escape" },
  { "text after the quote", "\"acht weken\"", "\"acht\" weken", "bad escape" },
  { "anchor with a value", "anchor:\n", "anchor: x\n", "group" },
  { "no id", "id: abc-1\n", "", "id is missing" },
  { "id with a slash", "id: abc-1", "id: ../abc-1", "not a comment id" },
  { "id with dots", "id: abc-1", "id: abc..1", "not a comment id" },
  { "id with a control character", "id: abc-1", "id: \"abc\\u0007-1\"", "not a comment id" },
  { "id not the file name", "id: abc-1", "id: abc-2", "not its file name" },
  { "author without e-mail", "\"Jan Jansen <jan@example.nl>\"", "Jan Jansen", "Name <e-mail>" },
  { "no author", "author: \"Jan Jansen <jan@example.nl>\"\n", "", "Name <e-mail>" },
  { "date without zone", "2027-03-01T10:00:00+01:00", "2027-03-01T10:00:00", "ISO 8601" },
  { "no date", "created: 2027-03-01T10:00:00+01:00\n", "", "no date" },
  { "not a date", "2027-03-01T10:00:00+01:00", "gisteren", "ISO 8601" },
  { "reply to itself", "reply-to:\n", "reply-to: abc-1\n", "another comment" },
  { "resolved-by alone", "resolved-by:\n", "resolved-by: \"Eva <eva@example.nl>\"\n", "go together" },
  { "no anchor, no reply", "anchor:\n  source: regeling.md\n  commit: " COMMIT0 "\n  eid: chp_1__art_1.2\n"
    "  exact: \"acht weken\"\n  prefix: \"binnen \"\n  suffix: \" na\"\n", "", "about nothing" },
  { "source outside the project", "source: regeling.md", "source: ../regeling.md", "source" },
  { "absolute source", "source: regeling.md", "source: /etc/regeling.md", "source" },
  { "source with a control character", "source: regeling.md", "source: \"rege\\u0001ling.md\"", "source" },
  { "source in .amend", "source: regeling.md", "source: .amend/x.md", "source" },
  { "source no regulation", "source: regeling.md", "source: regeling.txt", "source" },
  { "no source", "  source: regeling.md\n", "", "source" },
  { "short commit", "commit: " COMMIT0, "commit: 0123abc", "40 hexadecimal" },
  { "bad eid", "eid: chp_1__art_1.2", "eid: \"art 1/2\"", "eId" },
  { "no eid", "  eid: chp_1__art_1.2\n", "", "eId" },
};

static void
test_read_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *b = &bad_cases[i];
      g_autofree char *data = replace_once (good_file, b->from, b->to);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmendComment) c = amend_comment_new_from_data ("abc-1", data, strlen (data), &error);

      g_test_message ("%s", b->what);
      g_assert_null (c);
      g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID);
      if (strstr (error->message, b->needle) == NULL)
        g_error ("%s: \"%s\" is not in: %s", b->what, b->needle, error->message);
    }
}

static void
test_read_bad_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *long_quote = NULL;
  gsize n = 100 * 1024 * 1024;
  char latin1[] = "---\nid: abc-1\n---\nTekst \xe9\n";
  char nul[] = "---\nid: abc-1\n---\nTekst \0 x\n";
  AmendComment *c;

  /* 100 MB of text: refused on its size, without being looked at. */
  huge = g_malloc (n);
  memcpy (huge, good_file, sizeof good_file - 1);
  memset (huge + sizeof good_file - 1, 'x', n - sizeof good_file + 1);
  c = amend_comment_new_from_data ("abc-1", huge, n, &error);
  g_assert_null (c);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  c = amend_comment_new_from_data ("abc-1", latin1, sizeof latin1 - 1, &error);
  g_assert_null (c);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  c = amend_comment_new_from_data ("abc-1", nul, sizeof nul - 1, &error);
  g_assert_null (c);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID);
  g_clear_error (&error);

  long_quote = g_strdup_printf ("---\nid: abc-1\nauthor: \"J <j@example.nl>\"\ncreated: 2027-03-01T10:00:00Z\n"
                                "anchor:\n  source: r.md\n  commit: " COMMIT0 "\n  eid: body\n  exact: %0*d\n---\nx",
                                AMEND_COMMENT_MAX_QUOTE + 1, 0);
  c = amend_comment_new_from_data ("abc-1", long_quote, strlen (long_quote), &error);
  g_assert_null (c);
  g_assert_nonnull (strstr (error->message, "longer than"));
}

static void
test_ids (void)
{
  g_assert_true (amend_comment_id_is_valid ("1b4e28ba-2fa1-41d2-883f-0016d3cca427"));
  g_assert_true (amend_comment_id_is_valid ("a_b"));
  g_assert_false (amend_comment_id_is_valid (""));
  g_assert_false (amend_comment_id_is_valid ("a/b"));
  g_assert_false (amend_comment_id_is_valid (".."));
  g_assert_false (amend_comment_id_is_valid ("a.md"));
  g_assert_false (amend_comment_id_is_valid ("a\nb"));
  g_assert_false (amend_comment_id_is_valid ("\xc3\xa9"));
  g_assert_false (amend_comment_id_is_valid ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  g_assert_true (amend_comment_source_is_valid ("regeling.md"));
  g_assert_true (amend_comment_source_is_valid ("regels/APV.MD"));
  g_assert_false (amend_comment_source_is_valid ("regels//apv.md"));
  g_assert_false (amend_comment_source_is_valid ("./apv.md"));
  g_assert_false (amend_comment_source_is_valid ("a\\b.md"));
}

/* The bounded edit distance --------------------------------------------------- */

/* The plain dynamic program the bit-vector search must agree with. */
static guint
brute_best (const char *text,
            gsize       n,
            const char *pattern,
            gsize       m,
            gsize      *end)
{
  g_autofree guint *col = g_new (guint, m + 1);
  guint best = m;

  for (gsize i = 0; i <= m; i++)
    col[i] = i;
  *end = 0;
  for (gsize j = 1; j <= n; j++)
    {
      guint diag = col[0];

      col[0] = 0;
      for (gsize i = 1; i <= m; i++)
        {
          guint up = col[i];
          guint v = diag + (pattern[i - 1] != text[j - 1]);

          v = MIN (v, up + 1);
          col[i] = MIN (v, col[i - 1] + 1);
          diag = up;
        }
      if (col[m] < best)
        {
          best = col[m];
          *end = j;
        }
    }
  return best;
}

static void
test_quote_match_random (void)
{
  for (guint round = 0; round < 400; round++)
    {
      gsize m = g_test_rand_int_range (1, round % 4 == 0 ? 200 : 70);
      gsize n = g_test_rand_int_range (1, 400);
      g_autofree char *text = g_malloc (n + 1);
      g_autofree char *pattern = g_malloc (m + 1);
      AmendQuoteMatch match;
      gsize end;
      guint best;

      for (gsize i = 0; i < n; i++)
        text[i] = "abcd"[g_test_rand_int_range (0, 4)];
      for (gsize i = 0; i < m; i++)
        pattern[i] = "abcd"[g_test_rand_int_range (0, 4)];
      best = brute_best (text, n, pattern, m, &end);
      /* Nothing in common: no match, not an empty one. */
      if (best == m)
        {
          g_assert_false (amend_quote_match (text, n, pattern, m, m, &match));
          continue;
        }
      g_assert_true (amend_quote_match (text, n, pattern, m, m, &match));
      g_assert_cmpuint (match.errors, ==, best);
      g_assert_cmpuint (match.end, ==, end);
      /* The start it finds really gives that distance. */
      g_assert_cmpuint (amend_edit_distance (pattern, m, text + match.start, match.end - match.start), ==, best);
      if (best > 0)
        g_assert_false (amend_quote_match (text, n, pattern, m, best - 1, &match));
    }
}

static void
test_quote_match (void)
{
  const char *text = "De burgemeester beslist binnen acht weken op de aanvraag; zes weken voor een melding.";
  AmendQuoteMatch match;
  gsize marks[2] = { 4, 13 }, pos[2];
  const char *pattern = "tot zes weken na";

  g_assert_true (amend_quote_match (text, strlen (text), "binen acht weeken", 17, 3, &match));
  g_assert_cmpuint (match.errors, ==, 2);
  g_assert_cmpstr (keep (g_strndup (text + match.start, match.end - match.start)), ==, "binnen acht weken");
  g_assert_false (amend_quote_match (text, strlen (text), "negen maanden", 13, 3, &match));

  /* Accents: bounds stay on characters. */
  g_assert_true (amend_quote_match ("caf\xc3\xa9 op de hoek", 16, "cafe op", 7, 2, &match));
  g_assert_cmpuint (match.start, ==, 0);
  g_assert_true (g_utf8_validate ("caf\xc3\xa9 op de hoek" + match.start, match.end - match.start, NULL));

  /* Where the parts of a pattern fall in the text it was matched to. */
  g_assert_true (amend_quote_align ("; zes weken voor", 16, pattern, strlen (pattern), marks, pos, 2));
  g_assert_cmpuint (pos[0], ==, 2);
  g_assert_cmpuint (pos[1], ==, 11);
  g_assert_cmpuint (amend_edit_distance ("kitten", 6, "sitting", 7), ==, 3);
}

/* Re-anchoring ------------------------------------------------------------ */

#define ART_1_2_PARA_1 "chp_1__art_1.2__para_1"
#define QUOTE "na de datum van ontvangst van de aanvraag"

static void
test_anchor_unchanged (void)
{
  g_autofree char *md = example_text ();
  g_autoptr(AmendDocument) doc = amend_test_parse (md);
  g_autoptr(AmendComment) c = comment_on (doc, ART_1_2_PARA_1, QUOTE);
  g_autoptr(AmendComment) whole = comment_on (doc, "chp_1__art_1.2", NULL);
  g_autoptr(AmendComment) found = comment_on (doc, NULL, "verdagen");

  /* 32 characters either side; paragraphs are separated by a newline. */
  g_assert_cmpstr (amend_comment_get_prefix (c), ==, "of ontheffing binnen acht weken ");
  g_assert_cmpstr (amend_comment_get_suffix (c), ==, ".\nHet bevoegde bestuursorgaan ka");
  /* A quote without a node anchors to the node it is in. */
  g_assert_cmpstr (amend_comment_get_eid (found), ==, "chp_1__art_1.2__para_2");

  reanchor (c, doc, doc);
  assert_state (c, AMEND_ANCHOR_EID);
  g_assert_cmpstr (amend_comment_get_position_eid (c), ==, ART_1_2_PARA_1);
  g_assert_cmpstr (amend_comment_get_article (c), ==, "1:2");
  g_assert_cmpuint (amend_comment_get_line (c), ==, 39);
  g_assert_cmpstr (amend_comment_get_found_text (c), ==, QUOTE);
  reanchor (whole, doc, doc);
  assert_state (whole, AMEND_ANCHOR_EID);
  g_assert_cmpuint (amend_comment_get_line (whole), ==, 37);
  g_assert_cmpuint (amend_comment_get_line_end (whole), ==, 41);
}

static void
test_anchor_reword (void)
{
  g_autofree char *md = example_text ();
  g_autofree char *reworded = replace_once (md, "na de datum van ontvangst", "na de dag van ontvangst");
  g_autoptr(AmendDocument) old = amend_test_parse (md);
  g_autoptr(AmendDocument) doc = amend_test_parse (reworded);
  g_autoptr(AmendComment) c = comment_on (old, ART_1_2_PARA_1, QUOTE);
  g_autoptr(AmendComment) short_quote = comment_on (old, ART_1_2_PARA_1, "datum");

  reanchor (c, old, doc);
  assert_state (c, AMEND_ANCHOR_FUZZY);
  g_assert_cmpstr (amend_comment_get_found_text (c), ==, "na de dag van ontvangst van de aanvraag");
  g_assert_cmpuint (amend_comment_get_errors (c), ==, 3);
  g_assert_cmpstr (amend_comment_get_position_eid (c), ==, ART_1_2_PARA_1);
  g_assert_cmpuint (amend_comment_get_line (c), ==, 39);

  /* One word, replaced by another: found by its surroundings. */
  reanchor (short_quote, old, doc);
  assert_state (short_quote, AMEND_ANCHOR_FUZZY);
  g_assert_cmpstr (amend_comment_get_found_text (short_quote), ==, "dag");
}

/* A new article 1:2 before the old one; 1:2 to 1:8 become 1:3 to 1:9. */
static char *
renumbered (const char *md)
{
  g_autofree char *text = g_strdup (md);

  for (int n = 8; n >= 2; n--)
    {
      g_autofree char *from = g_strdup_printf ("## Artikel 1:%d ", n);
      g_autofree char *to = g_strdup_printf ("## Artikel 1:%d ", n + 1);
      char *next = replace_once (text, from, to);

      g_free (text);
      text = next;
    }
  return replace_once (text, "## Artikel 1:3 Beslistermijn",
                       "## Artikel 1:2 Digitaal indienen\n\n"
                       "1. Een aanvraag kan langs elektronische weg worden gedaan.\n\n"
                       "## Artikel 1:3 Beslistermijn");
}

static void
test_anchor_renumber (void)
{
  g_autofree char *md = example_text ();
  g_autofree char *moved_md = renumbered (md);
  g_autoptr(AmendDocument) old = amend_test_parse (md);
  g_autoptr(AmendDocument) doc = amend_test_parse (moved_md);
  g_autoptr(AmendComment) c = comment_on (old, ART_1_2_PARA_1, QUOTE);
  g_autoptr(AmendComment) whole = comment_on (old, "chp_1__art_1.2", NULL);
  g_autoptr(AmendComment) none = comment_on (old, ART_1_2_PARA_1, QUOTE);

  reanchor (c, old, doc);
  assert_state (c, AMEND_ANCHOR_DIFF);
  g_assert_cmpstr (amend_comment_get_position_eid (c), ==, "chp_1__art_1.3__para_1");
  g_assert_cmpstr (amend_comment_get_article (c), ==, "1:3");
  g_assert_cmpstr (amend_comment_get_found_text (c), ==, QUOTE);
  g_assert_cmpuint (amend_comment_get_line (c), ==, 43);

  /* The eId chp_1__art_1.2 exists again, for the new article; a comment on
   * the whole article follows the article, not the eId. */
  g_assert_nonnull (amend_document_find_eid (doc, "chp_1__art_1.2"));
  reanchor (whole, old, doc);
  assert_state (whole, AMEND_ANCHOR_DIFF);
  g_assert_cmpstr (amend_comment_get_position_eid (whole), ==, "chp_1__art_1.3");

  /* Without the old version the quote is still found, once, by itself. */
  reanchor (none, NULL, doc);
  assert_state (none, AMEND_ANCHOR_QUOTE);
  g_assert_cmpstr (amend_comment_get_article (none), ==, "1:3");
}

static void
test_anchor_move (void)
{
  g_autofree char *md = example_text ();
  const char *article = "## Artikel 1:8 Geldigheidsduur\n\nEen vergunning of ontheffing geldt voor onbepaalde tijd, tenzij in "
                        "de vergunning of ontheffing anders is bepaald.\n\n";
  g_autofree char *without = replace_once (md, article, "");
  g_autofree char *moved_md = NULL;
  g_autoptr(AmendDocument) old = amend_test_parse (md);
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendComment) c = comment_on (old, "chp_1__art_1.8", "voor onbepaalde tijd");

  /* To the end of chapter 4, with its number. */
  moved_md = replace_once (without, "# Hoofdstuk 5 ", keep (g_strconcat (article, "# Hoofdstuk 5 ", NULL)));
  doc = amend_test_parse (moved_md);
  reanchor (c, old, doc);
  assert_state (c, AMEND_ANCHOR_DIFF);
  g_assert_cmpstr (amend_comment_get_position_eid (c), ==, "chp_4__art_1.8");
  g_assert_cmpstr (amend_comment_get_article (c), ==, "1:8");
  g_assert_cmpstr (amend_comment_get_found_text (c), ==, "voor onbepaalde tijd");
}

static void
test_anchor_delete (void)
{
  g_autofree char *md = example_text ();
  g_autofree char *gone = replace_once (md, "## Artikel 1:2 Beslistermijn\n\n", "## Artikel 1:2 Vervallen\n\n");
  g_autoptr(AmendDocument) old = amend_test_parse (md);
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendComment) c = comment_on (old, ART_1_2_PARA_1, QUOTE);
  g_autoptr(AmendComment) whole = comment_on (old, "chp_1__art_1.2", NULL);
  g_auto(GStrv) lines = NULL;

  /* Article 1:2 out, with its three members. */
  {
    const char *start = strstr (gone, "## Artikel 1:2 Vervallen");
    const char *end = strstr (start, "## Artikel 1:3");
    g_autofree char *head = g_strndup (gone, start - gone);

    doc = amend_test_parse (keep (g_strconcat (head, end, NULL)));
  }
  reanchor (c, old, doc);
  assert_state (c, AMEND_ANCHOR_OUTDATED);
  g_assert_cmpstr (amend_comment_get_old_text (c), ==, QUOTE);
  g_assert_null (amend_comment_get_position_eid (c));
  g_assert_cmpuint (amend_comment_get_line (c), ==, 0);

  reanchor (whole, old, doc);
  assert_state (whole, AMEND_ANCHOR_OUTDATED);
  lines = g_strsplit (amend_comment_get_old_text (whole), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Beslistermijn");
  g_assert_true (g_str_has_suffix (lines[1], QUOTE "."));
}

/* Every article of the Gemeentewet of 1994 (the first version of the 22 in
 * the corpus), a comment on the first words of its first paragraph, found
 * again in the last version: what stands unchanged in its article is found
 * by eId or the diff, what is found is there, the rest says what it was. */
static void
test_anchor_gemeentewet (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_autoptr(AmendDocument) old = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  g_autoptr(AmendAnchorer) anchorer = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmendCommentText) new_text = NULL;
  g_autoptr(AmendCommentText) old_text = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  gsize span_start, span_end, at;
  guint counts[AMEND_ANCHOR_OUTDATED + 1] = { 0 };
  gsize new_len;
  const char *new_data;

  if (files == NULL || files->len < 2)
    return;
  old = amend_test_parse_file (g_ptr_array_index (files, 0));
  doc = amend_test_parse_file (g_ptr_array_index (files, files->len - 1));
  new_text = amend_comment_text_new (doc);
  old_text = amend_comment_text_new (old);
  new_data = amend_comment_text_get_data (new_text, &new_len);
  /* Every paragraph of 40 characters or more whose words 5 to 35 occur
   * once in its node; 200 of them, spread over the act. */
  for (AmendNode *n = amend_document_get_root (old); n; n = amend_node_next (n, amend_document_get_root (old)))
    {
      g_autofree char *plain = NULL;

      if (n->kind != AMEND_NODE_TEXT || n->parent->kind == AMEND_NODE_TEXT)
        continue;
      plain = amend_node_get_plain_text (n);
      if (g_utf8_strlen (plain, -1) >= 40)
        g_ptr_array_add (nodes, n);
    }
  for (guint i = 0; i < nodes->len; i += MAX (nodes->len / 200, 1))
    {
      AmendNode *n = g_ptr_array_index (nodes, i);
      g_autofree char *plain = amend_node_get_plain_text (n);
      g_autofree char *quote = g_utf8_substring (plain, 5, 35);

      amend_comment_text_get_span (old_text, n->parent, &span_start, &span_end);
      if (amend_comment_text_find (old_text, span_start, span_end, quote, NULL, NULL, &at) == 1)
        g_ptr_array_add (comments, comment_on (old, n->parent->eid, quote));
    }
  g_assert_cmpuint (comments->len, >=, 150);

  anchorer = amend_anchorer_new (NULL, NULL);
  amend_anchorer_set_document (anchorer, COMMIT0, "regeling.md", old);
  amend_anchorer_set_document (anchorer, NULL, "regeling.md", doc);
  g_assert_true (amend_anchorer_resolve_all (anchorer, comments, NULL, NULL));
  g_assert_cmpuint (amend_anchorer_get_n_diffs (anchorer), <=, 1);
  for (guint i = 0; i < comments->len; i++)
    {
      AmendComment *c = g_ptr_array_index (comments, i);
      AmendAnchorState s = amend_comment_get_state (c);
      const char *found = amend_comment_get_found_text (c);

      counts[s]++;
      if (s == AMEND_ANCHOR_FUZZY || s == AMEND_ANCHOR_OUTDATED)
        g_test_message ("%s: \"%s\" -> \"%s\"", amend_anchor_state_to_string (s), amend_comment_get_exact (c),
                        found ? found : "");
      if (s == AMEND_ANCHOR_OUTDATED)
        {
          g_assert_cmpstr (amend_comment_get_old_text (c), ==, amend_comment_get_exact (c));
          continue;
        }
      g_assert_nonnull (g_strstr_len (new_data, new_len, found));
      g_assert_nonnull (amend_document_find_eid (doc, amend_comment_get_position_eid (c)));
      if (s != AMEND_ANCHOR_FUZZY)
        g_assert_cmpstr (found, ==, amend_comment_get_exact (c));
      else
        g_assert_cmpuint (amend_comment_get_errors (c), <=, (strlen (amend_comment_get_exact (c)) +
                                                             strlen (amend_comment_get_prefix (c)) +
                                                             strlen (amend_comment_get_suffix (c))) / 4);
    }
  g_test_message ("eid %u, diff %u, quote %u, fuzzy %u, outdated %u of %u", counts[AMEND_ANCHOR_EID],
                  counts[AMEND_ANCHOR_DIFF], counts[AMEND_ANCHOR_QUOTE], counts[AMEND_ANCHOR_FUZZY],
                  counts[AMEND_ANCHOR_OUTDATED], comments->len);
  /* Most of the 1994 text still stands in 2024. */
  g_assert_cmpuint (counts[AMEND_ANCHOR_EID] + counts[AMEND_ANCHOR_DIFF], >, comments->len / 2);
}

static void
test_make_anchor_refusals (void)
{
  g_autofree char *md = example_text ();
  g_autoptr(AmendDocument) doc = amend_test_parse (md);
  g_autoptr(AmendCommentText) text = amend_comment_text_new (doc);
  g_autofree char *long_quote = g_strnfill (AMEND_COMMENT_MAX_QUOTE + 1, 'a');
  struct {
    const char *eid;
    const char *exact;
    const char *needle;
  } cases[] = {
    { "chp_9__art_9", NULL, "no node with the eId chp_9__art_9" },
    { ART_1_2_PARA_1, "verdagen", "do not occur in " ART_1_2_PARA_1 },
    { NULL, "niet in de tekst", "do not occur in regeling.md" },
    { NULL, "vergunning", "occur" },
    { NULL, long_quote, "longer than" },
    { NULL, "acht\x01weken", "control characters" },
    { NULL, "acht \xe9", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *eid = NULL, *prefix = NULL, *suffix = NULL;

      g_assert_false (amend_comment_text_make_anchor (text, "regeling.md", cases[i].eid, cases[i].exact, &eid,
                                                      &prefix, &suffix, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("\"%s\" is not in: %s", cases[i].needle, error->message);
    }
}

/* In a repository -------------------------------------------------------------- */

typedef struct {
  char            *dir;
  AmendRepository *repo;
} Project;

static void
project_clear (Project *p)
{
  g_clear_object (&p->repo);
  if (p->dir)
    amend_test_rmtree (p->dir);
  g_clear_pointer (&p->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Project, project_clear)

/* A project whose regulation is the example APV, saved on main. */
static void
project_new (Project *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *md = example_text ();
  g_autofree char *id = NULL;

  p->dir = amend_test_tmpdir ("amend-comments");
  p->repo = amend_repository_create (p->dir, AUTHOR, &error);
  g_assert_no_error (error);
  amend_test_write (p->dir, "regeling.md", md);
  id = amend_repository_save (p->repo, NULL, AUTHOR, NULL, "De APV", &error);
  g_assert_no_error (error);
}

static AmendComment *
add (Project    *p,
     const char *amendment,
     const char *eid,
     const char *quote,
     const char *text)
{
  g_autoptr(AmendComment) c = amend_comment_new (text);
  g_autoptr(GError) error = NULL;
  AmendComment *added;

  amend_comment_set_target (c, NULL, eid, quote);
  added = amend_comments_add (p->repo, amendment, c, AUTHOR, &error);
  g_assert_no_error (error);
  return added;
}

static AmendCommentList *
list (Project    *p,
      const char *amendment,
      gboolean    all)
{
  g_autoptr(GError) error = NULL;
  AmendCommentList *l = amend_comments_list (p->repo, amendment, NULL, all ? AMEND_COMMENTS_LIST_ALL : 0, NULL, &error);

  g_assert_no_error (error);
  return l;
}

static char *
head_of (const char *dir,
         const char *branch)
{
  g_autofree char *out = amend_test_git_ok (dir, "rev-parse", branch, NULL);

  return g_strstrip (g_steal_pointer (&out));
}

/* A comment on the draft while the working copy is on an amendment, with
 * the regulation edited and not saved: main gets the commit, nothing in
 * the working copy changes. */
static void
test_add_elsewhere (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(AmendComment) c = NULL;
  g_autoptr(AmendCommentList) l = NULL;
  g_autofree char *amendment_head = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  g_autofree char *status_before = NULL;
  g_autofree char *status_after = NULL;
  g_autofree char *file = NULL;
  g_autofree char *in_main = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  amendment = amend_amendment_propose (p.repo, "Kortere termijn", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  amendment_head = head_of (p.dir, "HEAD");
  edited = replace_once (keep (amend_test_read (p.dir, "regeling.md")), "acht weken na", "zes weken na");
  amend_test_write (p.dir, "regeling.md", edited);
  status_before = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);

  c = add (&p, NULL, ART_1_2_PARA_1, QUOTE, "Is acht weken niet te lang?");
  g_assert_nonnull (c);
  g_assert_null (amend_comment_get_amendment (c));
  file = g_strdup_printf (".amend/opmerkingen/%s.md", amend_comment_get_id (c));
  g_assert_cmpstr (amend_comment_get_path (c), ==, file);

  /* The working copy: the same branch, the same commit, the same edit. */
  status_after = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status_after, ==, status_before);
  after = head_of (p.dir, "HEAD");
  g_assert_cmpstr (after, ==, amendment_head);
  g_assert_cmpstr (keep (amend_test_read (p.dir, "regeling.md")), ==, edited);
  g_assert_false (g_file_test (keep (g_build_filename (p.dir, file, NULL)), G_FILE_TEST_EXISTS));

  /* main: one commit more, holding exactly that file. */
  in_main = amend_test_git_ok (p.dir, "show", "--name-only", "--format=%s%n%an <%ae>", "main", NULL);
  g_assert_true (g_str_has_prefix (in_main, "Comment on article 1:2: Is acht weken niet te lang?\n" AUTHOR "\n"));
  g_assert_nonnull (strstr (in_main, file));
  l = list (&p, NULL, FALSE);
  g_assert_cmpuint (l->threads->len, ==, 1);
  assert_state (g_ptr_array_index (l->threads, 0), AMEND_ANCHOR_EID);
  amend_test_fsck (p.dir);
}

/* A comment on the amendment the working copy is on: its file appears in
 * the working copy, the unsaved edit of the regulation stays. */
static void
test_add_here (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(AmendComment) c = NULL;
  g_autoptr(AmendComment) reply = NULL;
  g_autoptr(AmendComment) resolved = NULL;
  g_autoptr(AmendCommentList) l = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *status = NULL;
  g_autofree char *path = NULL;
  g_autofree char *in_head = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *pending = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  amendment = amend_amendment_propose (p.repo, "Kortere termijn", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  edited = replace_once (keep (amend_test_read (p.dir, "regeling.md")), "acht weken na", "zes weken na");
  amend_test_write (p.dir, "regeling.md", edited);

  c = add (&p, "kortere-termijn", ART_1_2_PARA_1, QUOTE, "Zes weken is haalbaar.");
  g_assert_cmpstr (amend_comment_get_amendment (c), ==, "kortere-termijn");
  path = g_strdup (amend_comment_get_path (c));
  g_assert_true (g_str_has_prefix (path, ".amend/amendementen/kortere-termijn/opmerkingen/"));
  in_head = amend_test_git_ok (p.dir, "show", keep (g_strconcat ("HEAD:", path, NULL)), NULL);
  on_disk = amend_test_read (p.dir, path);
  g_assert_cmpstr (on_disk, ==, in_head);
  g_assert_cmpstr (keep (amend_test_read (p.dir, "regeling.md")), ==, edited);
  status = amend_test_git_ok (p.dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, " M regeling.md\n");
  pending = g_build_filename (p.dir, ".git", "amend", "comment-sync", NULL);
  g_assert_false (g_file_test (pending, G_FILE_TEST_EXISTS));

  /* A reply, by the start of the id; then the thread resolved. */
  {
    g_autoptr(AmendComment) r = amend_comment_new ("Eens.");
    g_autofree char *start = g_strndup (amend_comment_get_id (c), 8);

    amend_comment_set_reply_to (r, start);
    reply = amend_comments_add (p.repo, "kortere-termijn", r, "Eva de Vries <eva@example.nl>", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (amend_comment_get_reply_to (reply), ==, amend_comment_get_id (c));
    g_assert_false (amend_comment_has_anchor (reply));
  }
  resolved = amend_comments_resolve (p.repo, amend_comment_get_id (reply), NULL, &error);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE);
  g_clear_error (&error);
  resolved = amend_comments_resolve (p.repo, amend_comment_get_id (c), "Eva de Vries <eva@example.nl>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_comment_get_resolved_by (resolved), ==, "Eva de Vries <eva@example.nl>");
  g_clear_object (&resolved);
  g_free (on_disk);
  on_disk = amend_test_read (p.dir, path);
  g_assert_nonnull (strstr (on_disk, "resolved-by: \"Eva de Vries <eva@example.nl>\"\n"));
  resolved = amend_comments_resolve (p.repo, amend_comment_get_id (c), NULL, &error);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_STATE);
  g_clear_error (&error);

  l = list (&p, "kortere-termijn", FALSE);
  g_assert_cmpuint (l->threads->len, ==, 0);
  g_clear_pointer (&l, amend_comment_list_free);
  l = list (&p, "kortere-termijn", TRUE);
  g_assert_cmpuint (l->threads->len, ==, 1);
  g_assert_cmpuint (amend_comment_get_replies (g_ptr_array_index (l->threads, 0))->len, ==, 1);
  g_assert_cmpuint (l->n_comments, ==, 2);

  /* An unsaved edit of the comment file stops its reopening. */
  amend_test_write (p.dir, path, keep (g_strconcat (on_disk, "Mijn aanvulling.\n", NULL)));
  g_assert_null (amend_comments_reopen (p.repo, amend_comment_get_id (c), NULL, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_DIRTY);
  g_clear_error (&error);
  g_assert_nonnull (strstr (keep (amend_test_read (p.dir, path)), "Mijn aanvulling."));
  g_free (amend_test_git_ok (p.dir, "checkout", "--", path, NULL));
  g_clear_object (&resolved);
  resolved = amend_comments_reopen (p.repo, amend_comment_get_id (c), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (amend_comment_is_resolved (resolved));
  g_assert_cmpstr (keep (amend_test_read (p.dir, "regeling.md")), ==, edited);
  amend_test_fsck (p.dir);
}

/* A kill after the branch moved and before the working copy followed:
 * the next comment command brings the file in. */
static void
test_repair_after_kill (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) c = NULL;
  g_autoptr(AmendComment) d = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *head = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  c = add (&p, NULL, NULL, NULL, "Eerste.");
  path = g_strdup (amend_comment_get_path (c));
  /* The state such a kill leaves: the commit on main, its note, and the
   * working copy and index as they were before it. */
  head = head_of (p.dir, "HEAD");
  g_free (amend_test_git_ok (p.dir, "rm", "--cached", "-q", path, NULL));
  g_remove (keep (g_build_filename (p.dir, path, NULL)));
  pending = g_build_filename (p.dir, ".git", "amend", "comment-sync", NULL);
  g_file_set_contents (pending, keep (g_strdup_printf ("refs/heads/main\n%s\n%s\n", head, path)), -1, &error);
  g_assert_no_error (error);

  d = add (&p, NULL, NULL, NULL, "Tweede.");
  g_assert_true (g_file_test (keep (g_build_filename (p.dir, path, NULL)), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pending, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (keep (amend_test_git_ok (p.dir, "status", "--porcelain", NULL)), ==, "");
  amend_test_fsck (p.dir);
}

/* Files that are no comment, committed with git: findings with their
 * path, the good comments still listed, nothing written outside .amend. */
static void
test_findings (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) good = NULL;
  g_autoptr(AmendCommentList) l = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *tree_before = NULL;
  g_autofree char *tree_after = NULL;
  struct {
    const char *name;
    const char *contents;
    const char *needle;
  } files[] = {
    { "broken.md", "---\nid: broken\nthis is no front matter\n---\n", "not \xe2\x80\x9ckey: value" },
    { "unknown-anchor.md", "---\nid: unknown-anchor\nauthor: \"J <j@example.nl>\"\ncreated: 2027-03-01T10:00:00Z\n"
      "anchor:\n  source: regeling.md\n  commit: " COMMIT0 "\n  eid: body\n  xpath: /html\n---\nx\n", "does not know" },
    { "outside.md", "---\nid: outside\nauthor: \"J <j@example.nl>\"\ncreated: 2027-03-01T10:00:00Z\n"
      "anchor:\n  source: ../../etc/passwd.md\n  commit: " COMMIT0 "\n  eid: body\n---\nx\n", "source" },
    { "dot..dot.md", "---\nid: dot..dot\n---\n", "its name" },
    { "ctrl\x01name.md", "---\n---\n", "its name" },
    { "latin1.md", "---\nid: latin1\n---\nTekst \xe9\n", "UTF-8" },
    { "notes.txt", "x", "its name" },
  };

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  good = add (&p, NULL, ART_1_2_PARA_1, QUOTE, "Een goede opmerking.");
  dir = g_build_filename (p.dir, ".amend", "opmerkingen", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      g_file_set_contents (path, files[i].contents, -1, &error);
      g_assert_no_error (error);
    }
  /* A folder, a symbolic link and 100 MB where comments belong. */
  g_mkdir (keep (g_build_filename (dir, "folder.md", NULL)), 0755);
  amend_test_write (dir, "folder.md/x.md", "x");
  g_assert_cmpint (symlink ("../../regeling.md", keep (g_build_filename (dir, "link.md", NULL))), ==, 0);
  huge = g_malloc0 (100 * 1024 * 1024 + 1);
  memset (huge, 'x', 100 * 1024 * 1024);
  memcpy (huge, "---\nid: huge\n---\n", 17);
  amend_test_write (dir, "huge.md", huge);
  g_clear_pointer (&huge, g_free);
  g_free (amend_test_git_ok (p.dir, "add", "-A", ".amend", NULL));
  g_free (amend_test_git_ok (p.dir, "commit", "-q", "-m", "Slechte bestanden", NULL));
  tree_before = amend_test_git_ok (p.dir, "ls-tree", "-r", "HEAD", NULL);

  l = list (&p, NULL, TRUE);
  g_assert_cmpuint (l->threads->len, ==, 1);
  g_assert_cmpstr (amend_comment_get_id (g_ptr_array_index (l->threads, 0)), ==, amend_comment_get_id (good));
  g_assert_cmpuint (l->findings->len, ==, G_N_ELEMENTS (files) + 3);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *shown = g_strescape (files[i].name, "");
      g_autofree char *path = g_strconcat (".amend/opmerkingen/", files[i].name, NULL);
      gboolean seen = FALSE;

      if (strchr (files[i].name, '\x01'))
        {
          g_free (path);
          path = g_strdup (".amend/opmerkingen/ctrl\\x01name.md");
        }
      for (guint k = 0; k < l->findings->len; k++)
        {
          AmendCommentFinding *f = g_ptr_array_index (l->findings, k);

          g_assert_null (strchr (f->path, '\x01'));
          if (strcmp (f->path, path) == 0)
            {
              seen = TRUE;
              if (strstr (f->message, files[i].needle) == NULL)
                g_error ("%s: \"%s\" is not in: %s", path, files[i].needle, f->message);
            }
        }
      if (!seen)
        g_error ("no finding for %s", shown);
    }

  /* Writing through a bad file refuses and writes nothing. */
  g_assert_null (amend_comments_resolve (p.repo, "outside", NULL, &error));
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (amend_comments_resolve (p.repo, "../../etc/passwd", NULL, &error));
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (amend_comments_resolve (p.repo, "huge", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  tree_after = amend_test_git_ok (p.dir, "ls-tree", "-r", "HEAD", NULL);
  g_assert_cmpstr (tree_after, ==, tree_before);
  amend_test_fsck (p.dir);
}

static void
test_lookup (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) c = NULL;
  g_autoptr(AmendComment) found = NULL;
  g_autofree char *amendment = NULL;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  c = add (&p, NULL, NULL, "verdagen", "Hoe vaak?");
  found = amend_comments_lookup (p.repo, amend_comment_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amend_comment_get_exact (found), ==, "verdagen");
  g_clear_object (&found);
  found = amend_comments_lookup (p.repo, "abc", &error);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_INVALID);
  g_clear_error (&error);
  found = amend_comments_lookup (p.repo, "ffffffff-0000", &error);
  g_assert_error (error, AMEND_COMMENT_ERROR, AMEND_COMMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (amend_comments_owner (p.repo, NULL, &amendment, &error));
  g_assert_null (amendment);
  g_assert_true (amend_comments_owner (p.repo, "refs/heads/main", &amendment, &error));
  g_assert_null (amendment);
  g_assert_false (amend_comments_owner (p.repo, "bestaat-niet", &amendment, &error));
  g_assert_error (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (amend_comments_owner (p.repo, "../main", &amendment, &error));
  g_clear_error (&error);
  amend_test_fsck (p.dir);
}

static void
list_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AmendCommentList **out = data;
  g_autoptr(GError) error = NULL;

  *out = amend_comments_list_finish (result, &error);
  g_assert_no_error (error);
}

/* Re-anchored in a worker thread, as the window lists them, against a
 * later version: renumbered. */
static void
test_list_async (void)
{
  g_auto(Project) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendComment) c = NULL;
  g_autoptr(AmendComment) whole = NULL;
  g_autoptr(AmendCommentList) l = NULL;
  g_autofree char *md = NULL;
  g_autofree char *id = NULL;
  AmendComment *first;

  if (!amend_test_need_git ())
    return;
  project_new (&p);
  c = add (&p, NULL, ART_1_2_PARA_1, QUOTE, "Termijn?");
  whole = add (&p, NULL, "chp_1__art_1.2", NULL, "Het hele artikel.");
  md = renumbered (keep (amend_test_read (p.dir, "regeling.md")));
  amend_test_write (p.dir, "regeling.md", md);
  id = amend_repository_save (p.repo, NULL, AUTHOR, NULL, "Nieuw artikel 1:2", &error);
  g_assert_no_error (error);

  amend_comments_list_async (p.dir, NULL, NULL, AMEND_COMMENTS_LIST_OPEN, NULL, list_done, &l);
  while (l == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (l->threads->len, ==, 2);
  g_assert_cmpuint (l->n_diffs, ==, 1);
  g_assert_cmpstr (l->commit, ==, id);
  for (guint i = 0; i < 2; i++)
    {
      first = g_ptr_array_index (l->threads, i);
      assert_state (first, AMEND_ANCHOR_DIFF);
      g_assert_cmpstr (amend_comment_get_article (first), ==, "1:3");
    }
  amend_test_fsck (p.dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  kept = g_ptr_array_new_with_free_func (g_free);
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comments/format/round-trip", test_round_trip);
  g_test_add_func ("/comments/format/tolerant", test_read_tolerant);
  g_test_add_func ("/comments/format/old-year", test_old_year);
  g_test_add_func ("/comments/format/unknown-key-returns", test_unknown_key_returns);
  g_test_add_func ("/comments/format/bad", test_read_bad);
  g_test_add_func ("/comments/format/bad-bytes", test_read_bad_bytes);
  g_test_add_func ("/comments/format/ids", test_ids);
  g_test_add_func ("/comments/match/random", test_quote_match_random);
  g_test_add_func ("/comments/match/quote", test_quote_match);
  g_test_add_func ("/comments/anchor/unchanged", test_anchor_unchanged);
  g_test_add_func ("/comments/anchor/reword", test_anchor_reword);
  g_test_add_func ("/comments/anchor/renumber", test_anchor_renumber);
  g_test_add_func ("/comments/anchor/move", test_anchor_move);
  g_test_add_func ("/comments/anchor/delete", test_anchor_delete);
  g_test_add_func ("/comments/anchor/gemeentewet", test_anchor_gemeentewet);
  g_test_add_func ("/comments/anchor/refusals", test_make_anchor_refusals);
  g_test_add_func ("/comments/repository/add-elsewhere", test_add_elsewhere);
  g_test_add_func ("/comments/repository/add-here", test_add_here);
  g_test_add_func ("/comments/repository/repair-after-kill", test_repair_after_kill);
  g_test_add_func ("/comments/repository/findings", test_findings);
  g_test_add_func ("/comments/repository/lookup", test_lookup);
  g_test_add_func ("/comments/repository/list-async", test_list_async);
  status = g_test_run ();
  g_ptr_array_unref (kept);
  return status;
}
