/* amend-gen-git-bench.c: git histories for the benchmark of amend list and log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: amend-gen-git-bench branches REGULATION N [START] | git fast-import
 *        amend-gen-git-bench submitted REGULATION N [START] | git fast-import
 *        amend-gen-git-bench history REGULATION N [START] | git fast-import
 *        amend-gen-git-bench comments REGULATION N COMMIT | git fast-import
 *
 * Writes a git fast-import stream (see git-fast-import(1)), which builds a
 * packed repository much faster than committing one by one:
 *
 * branches: main with one commit of REGULATION, and N amendment branches
 *   amendement/bench-NNNN, each one commit on main that changes one article
 *   (the I-th branch the (I * 7919 mod articles)-th article, so they spread
 *   over the text) and adds its record, as amend propose would, and its
 *   artikelen file (the blob ids and the article), as amend save would.
 * submitted: the same with status ingediend, and pairs that collide: the
 *   (10k+5)-th branch inserts a word early in the paragraph the one before
 *   it added words to at the end (they keep apart: both can be adopted), the
 *   10k-th adds other words where the one before it added its own (they
 *   conflict); for amend collisions.
 * history: main with N commits; four in five change one article of
 *   REGULATION (in turn), the fifth changes notities.txt only, so that a
 *   history of the regulation has to leave commits out.
 * comments: N comments on REGULATION as committed in COMMIT (the tip of
 *   main, made with git before), added to main in commits of 20, as amend
 *   comment add writes them: eight in ten quote five words of a paragraph
 *   of the (I * 7919 mod articles)-th article, one in ten is about a whole
 *   article, one in ten replies to an earlier comment.  Then one commit
 *   that changes 1 % of the articles (every hundredth: a word added to its
 *   first line), which the comments are listed against.  The anchors are
 *   made by the core itself (amend_comment_text_make_anchor), so they are
 *   what Amend would have written.
 *
 * Articles are the "## Artikel" and "### Artikel" headings before the
 * Ondertekening and the Toelichting, as amend-gen-regulation writes them.
 * The output depends only on the arguments: dates count up from
 * 2027-01-01 (or START, seconds since 1970) in steps of a minute.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend-comment-private.h"
#include "amend-comment-text.h"

#define START_TIME 1798761600 /* 2027-01-01T00:00:00+01:00 */

/* The first commit's time: START_TIME, or the optional last argument (a
 * history older than the commits a benchmark then makes with amend, as
 * a real one is: a walk newest first meets them in the right order). */
static guint64 start_time = START_TIME;

typedef struct {
  GPtrArray *lines;     /* of char*, without the newline */
  GArray    *articles;  /* of guint: the index of the first text line of each article */
} Text;

static void
text_clear (Text *t)
{
  g_clear_pointer (&t->lines, g_ptr_array_unref);
  g_clear_pointer (&t->articles, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Text, text_clear)

static gboolean
is_article_heading (const char *line)
{
  return g_str_has_prefix (line, "## Artikel ") || g_str_has_prefix (line, "### Artikel ");
}

static void
text_load (Text       *t,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  if (!g_file_get_contents (path, &data, NULL, &error))
    {
      g_printerr ("amend-gen-git-bench: %s\n", error->message);
      exit (1);
    }
  lines = g_strsplit (data, "\n", -1);
  n = g_strv_length (lines);
  /* A final newline leaves an empty last element. */
  if (n > 0 && lines[n - 1][0] == '\0')
    n--;
  t->lines = g_ptr_array_new_with_free_func (g_free);
  t->articles = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (t->lines, g_strdup (lines[i]));
  for (guint i = 0; i < t->lines->len; i++)
    {
      const char *line = g_ptr_array_index (t->lines, i);

      if (g_str_has_prefix (line, "# Ondertekening") || g_str_has_prefix (line, "# Toelichting"))
        break;
      /* The first text line: two below the heading, after the blank. */
      if (is_article_heading (line) && i + 2 < t->lines->len)
        {
          guint first = i + 2;
          g_array_append_val (t->articles, first);
        }
    }
  if (t->articles->len == 0)
    {
      g_printerr ("amend-gen-git-bench: %s has no articles\n", path);
      exit (1);
    }
}

static GString *
text_join (Text *t)
{
  GString *s = g_string_sized_new (2 * 1024 * 1024);

  for (guint i = 0; i < t->lines->len; i++)
    {
      g_string_append (s, g_ptr_array_index (t->lines, i));
      g_string_append_c (s, '\n');
    }
  return s;
}

static void
write_data (const char *data,
            gsize       len)
{
  printf ("data %" G_GSIZE_FORMAT "\n", len);
  fwrite (data, 1, len, stdout);
  putchar ('\n');
}

static void
write_header (const char *ref,
              guint       mark,
              guint       minute,
              const char *message)
{
  printf ("commit %s\nmark :%u\n", ref, mark);
  printf ("author Amend Bench <bench@example.nl> %" G_GUINT64_FORMAT " +0100\n", start_time + minute * 60);
  printf ("committer Amend Bench <bench@example.nl> %" G_GUINT64_FORMAT " +0100\n", start_time + minute * 60);
  write_data (message, strlen (message));
}

static void
write_file (const char *path,
            const char *data,
            gsize       len)
{
  printf ("M 100644 inline %s\n", path);
  write_data (data, len);
}

/* The id git gives @data as a blob. */
static char *
blob_id (const GString *data)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *header = g_strdup_printf ("blob %" G_GSIZE_FORMAT, data->len);

  g_checksum_update (sum, (const guchar *) header, strlen (header) + 1);
  g_checksum_update (sum, (const guchar *) data->str, data->len);
  return g_strdup (g_checksum_get_string (sum));
}

/* "## Artikel 95:17 Titel" -> "95:17" */
static char *
article_number (const char *heading)
{
  const char *p = strstr (heading, "Artikel ") + strlen ("Artikel ");

  return g_strndup (p, strcspn (p, " "));
}

/* What amend save writes in .amend/amendementen/SLUG/artikelen
 * (amend_touched_stored_format in amend-article-map.c). */
static char *
touched_file (const char *old_id,
              const char *new_id,
              const char *number)
{
  return g_strdup_printf ("# amend artikelen 1: OLD-BLOB NEW-BLOB PATH ARTICLE..., tab-separated, C-escaped; "
                          "written by amend save\n%s\t%s\tregeling.md\t%s\n", old_id, new_id, number);
}

static void
branches (Text    *t,
          guint    n,
          gboolean submitted)
{
  g_autoptr(GString) base = text_join (t);
  g_autofree char *base_id = blob_id (base);

  write_header ("refs/heads/main", 1, 0, "Eerste versie\n");
  write_file ("regeling.md", base->str, base->len);

  for (guint i = 1; i <= n; i++)
    {
      guint64 k = submitted && (i % 10 == 0 || i % 10 == 5) ? i - 1 : i;
      guint article = (guint) ((k * 7919) % t->articles->len);
      guint line = g_array_index (t->articles, guint, article);
      char *old = g_ptr_array_index (t->lines, line);
      g_autofree char *ref = g_strdup_printf ("refs/heads/amendement/bench-%04u", i);
      g_autofree char *message = g_strdup_printf ("Propose amendment: Bench %u\n", i);
      g_autofree char *record_path = g_strdup_printf (".amend/amendementen/bench-%04u/amendement.ini", i);
      g_autofree char *record = g_strdup_printf ("[amendement]\ntitle=Bench %u\n"
                                                 "submitters=Amend Bench <bench@example.nl>;\n"
                                                 "motivation=\nstatus=%s\n"
                                                 "created=2027-01-01T00:00:00+01:00\n"
                                                 "updated=2027-01-01T00:00:00+01:00\n", i,
                                                 submitted ? "ingediend" : "concept");
      g_autoptr(GString) changed = NULL;
      g_autofree char *touched_path = g_strdup_printf (".amend/amendementen/bench-%04u/artikelen", i);
      g_autofree char *changed_id = NULL;
      g_autofree char *number = article_number (g_ptr_array_index (t->lines, line - 2));
      g_autofree char *touched = NULL;

      /* Change the line for this branch only, then put it back. */
      if (submitted && i % 10 == 5)
        {
          /* A word after the third, past any "1." or "- a.": the line
           * stays the member or point it was. */
          g_auto(GStrv) words = g_strsplit (old, " ", 4);
          guint nw = g_strv_length (words);

          if (nw == 4)
            t->lines->pdata[line] = g_strdup_printf ("%s %s %s voorts %s", words[0], words[1], words[2], words[3]);
          else
            t->lines->pdata[line] = g_strdup_printf ("%s voorts", old);
        }
      else
        t->lines->pdata[line] = g_strdup_printf ("%s Gewijzigd door amendement %u.", old, i);
      changed = text_join (t);
      g_free (t->lines->pdata[line]);
      t->lines->pdata[line] = old;

      write_header (ref, i + 1, i, message);
      printf ("from :1\n");
      write_file ("regeling.md", changed->str, changed->len);
      write_file (record_path, record, strlen (record));
      changed_id = blob_id (changed);
      touched = touched_file (base_id, changed_id, number);
      write_file (touched_path, touched, strlen (touched));
      putchar ('\n');
    }
}

static void
history (Text *t,
         guint n)
{
  g_autoptr(GString) base = text_join (t);
  g_autoptr(GString) notes = g_string_new ("Notities\n");

  write_header ("refs/heads/main", 1, 0, "Eerste versie\n");
  write_file ("regeling.md", base->str, base->len);
  write_file ("notities.txt", notes->str, notes->len);

  for (guint i = 2; i <= n; i++)
    {
      g_autofree char *message = NULL;

      if (i % 5 == 0)
        {
          message = g_strdup_printf ("Notitie %u\n", i);
          g_string_append_printf (notes, "Notitie %u.\n", i);
          write_header ("refs/heads/main", i, i, message);
          printf ("from :%u\n", i - 1);
          write_file ("notities.txt", notes->str, notes->len);
        }
      else
        {
          guint article = i % t->articles->len;
          guint line = g_array_index (t->articles, guint, article);
          char *old = g_ptr_array_index (t->lines, line);
          g_autoptr(GString) changed = NULL;

          t->lines->pdata[line] = g_strdup_printf ("%s Wijziging %u.", old, i);
          g_free (old);
          changed = text_join (t);
          message = g_strdup_printf ("Wijziging %u\n", i);
          write_header ("refs/heads/main", i, i, message);
          printf ("from :%u\n", i - 1);
          write_file ("regeling.md", changed->str, changed->len);
        }
      putchar ('\n');
    }
}

/* The paragraphs of @article, in the order of the text. */
static GPtrArray *
paragraphs_of (AmendNode *article)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (AmendNode *n = article; n != NULL; n = amend_node_next (n, article))
    if (n->kind == AMEND_NODE_TEXT && n->heading_level == 0 && n->runs && n->runs->len > 0)
      g_ptr_array_add (texts, n);
  return texts;
}

/* Five words of @node's text, from a place that depends on @i. */
static char *
five_words (AmendNode *node,
            guint      i)
{
  g_autofree char *plain = amend_node_get_plain_text (node);
  g_auto(GStrv) words = g_strsplit (plain, " ", -1);
  guint n = g_strv_length (words);
  guint start = n > 5 ? (i / 7) % (n - 4) : 0;
  g_autoptr(GString) quote = g_string_new (NULL);

  for (guint k = start; k < MIN (n, start + 5); k++)
    g_string_append_printf (quote, "%s%s", k > start ? " " : "", words[k]);
  return g_string_free (g_steal_pointer (&quote), FALSE);
}

static AmendComment *
make_comment (AmendCommentText *text,
              GPtrArray        *articles,
              guint             i,
              const char       *commit)
{
  AmendNode *article = g_ptr_array_index (articles, (guint) (((guint64) i * 7919) % articles->len));
  g_autoptr(GPtrArray) texts = paragraphs_of (article);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (START_TIME + (gint64) i * 60);
  g_autoptr(GDateTime) date = g_date_time_to_timezone (utc, zone);
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
  g_autofree char *body = g_strdup_printf ("Opmerking %u: is dit wat de raad bedoelt?", i);
  AmendComment *c = amend_comment_new (body);

  _amend_comment_set_identity (c, id, "Amend Bench <bench@example.nl>", date);
  if (i % 10 == 9)
    {
      g_autofree char *parent = g_strdup_printf ("00000000-0000-4000-8000-%012u", i - 1 - (i / 10) % 8);

      amend_comment_set_reply_to (c, parent);
    }
  else if (i % 10 == 8 || texts->len == 0)
    _amend_comment_set_anchor (c, "regeling.md", commit, article->eid, NULL, NULL, NULL);
  else
    {
      AmendNode *para = g_ptr_array_index (texts, i % texts->len);
      AmendNode *node = para->parent;
      g_autofree char *quote = five_words (para, i);
      g_autofree char *eid = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      g_autoptr(GError) error = NULL;

      if (!amend_comment_text_make_anchor (text, "regeling.md", node->eid, quote, &eid, &prefix, &suffix, &error))
        {
          g_printerr ("amend-gen-git-bench: %s\n", error->message);
          exit (1);
        }
      _amend_comment_set_anchor (c, "regeling.md", commit, eid, quote, prefix, suffix);
    }
  return c;
}

/* Every hundredth article gets a word in its first line. */
static GString *
one_percent_changed (Text *t)
{
  for (guint a = 0; a < t->articles->len; a += 100)
    {
      guint line = g_array_index (t->articles, guint, a);
      char *old = g_ptr_array_index (t->lines, line);
      g_auto(GStrv) words = g_strsplit (old, " ", 4);

      if (g_strv_length (words) == 4)
        {
          t->lines->pdata[line] = g_strdup_printf ("%s %s %s uitdrukkelijk %s", words[0], words[1], words[2], words[3]);
          g_free (old);
        }
    }
  return text_join (t);
}

static void
comments (Text       *t,
          const char *path,
          guint       n,
          const char *commit)
{
  g_autoptr(GString) base = text_join (t);
  g_autoptr(AmendDocument) doc = amend_document_new_from_data (base->str, base->len, NULL);
  g_autoptr(AmendCommentText) text = amend_comment_text_new (doc);
  g_autoptr(GPtrArray) articles = amend_document_get_articles (doc);
  g_autoptr(GString) changed = NULL;
  guint mark = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmendComment) c = make_comment (text, articles, i, commit);
      g_autofree char *file = g_strdup_printf (".amend/opmerkingen/%s.md", amend_comment_get_id (c));
      g_autofree char *data = NULL;
      gsize len;

      if (i % 20 == 0)
        {
          g_autofree char *message = g_strdup_printf ("Opmerkingen %u tot %u\n", i, MIN (n, i + 20));

          if (i > 0)
            putchar ('\n');
          write_header ("refs/heads/main", ++mark, i, message);
          if (mark == 1)
            printf ("from %s\n", commit);
          else
            printf ("from :%u\n", mark - 1);
        }
      data = amend_comment_to_data (c, &len);
      write_file (file, data, len);
    }
  putchar ('\n');
  changed = one_percent_changed (t);
  write_header ("refs/heads/main", ++mark, n, "Wijziging van 1 % van de artikelen\n");
  printf ("from :%u\n", mark - 1);
  write_file (path, changed->str, changed->len);
  putchar ('\n');
}

int
main (int    argc,
      char **argv)
{
  g_auto(Text) t = { 0 };
  guint64 n = 0;
  gboolean is_comments = argc == 5 && strcmp (argv[1], "comments") == 0;

  if ((argc != 4 && argc != 5) ||
      (strcmp (argv[1], "branches") != 0 && strcmp (argv[1], "submitted") != 0 &&
       strcmp (argv[1], "history") != 0 && !is_comments) ||
      !g_ascii_string_to_unsigned (argv[3], 10, 1, 1000000, &n, NULL) ||
      (argc == 5 && !is_comments && !g_ascii_string_to_unsigned (argv[4], 10, 1, G_MAXUINT32, &start_time, NULL)))
    {
      g_printerr ("Usage: amend-gen-git-bench branches|submitted|history REGULATION N [START] | git fast-import\n"
                  "       amend-gen-git-bench comments REGULATION N COMMIT | git fast-import\n");
      return 2;
    }
  text_load (&t, argv[2]);
  if (is_comments)
    comments (&t, "regeling.md", n, argv[4]);
  else if (strcmp (argv[1], "branches") == 0 || strcmp (argv[1], "submitted") == 0)
    branches (&t, n, strcmp (argv[1], "submitted") == 0);
  else
    history (&t, n);
  printf ("done\n");
  return fflush (stdout) == 0 ? 0 : 1;
}
