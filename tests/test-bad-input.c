/* test-bad-input.c: what a drafter's editor, a broken download or an
 * attacker may hand the parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "amend-file.h"
#include "amend-test-util.h"

static AmendDocument *
parse_bytes (const char *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;
  AmendDocument *doc = amend_document_new_from_data (data, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_nul_bytes (void)
{
  static const char data[] = "# Artikel 1\n\nTekst\0met NUL.\n";
  g_autoptr(AmendDocument) doc = parse_bytes (data, sizeof data - 1);
  g_autofree char *md = amend_document_to_markdown (doc);

  g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_ERROR, 3, "NUL"));
  g_assert_true (amend_document_has_errors (doc));
  g_assert_nonnull (strstr (md, "Tekst\xEF\xBF\xBDmet NUL."));
}

static void
test_invalid_utf8 (void)
{
  static const char data[] = "# Artikel 1\n\nGoed.\n\nCaf\xe9 in Latin-1.\n";
  g_autoptr(AmendDocument) doc = parse_bytes (data, sizeof data - 1);
  g_autofree char *md = amend_document_to_markdown (doc);

  g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_ERROR, 5, "UTF-8"));
  g_assert_true (g_utf8_validate (md, -1, NULL));
}

/* cmark writes U+FFFF out as an invalid byte, and control characters as
 * references that read back differently: both are replaced, with an error. */
static void
test_control_characters (void)
{
  static const char data[] = "# Artikel 1\n\nBel\x07 en \xEF\xBF\xBF.\n";
  g_autoptr(AmendDocument) doc = parse_bytes (data, sizeof data - 1);
  g_autofree char *md = amend_document_to_markdown (doc);

  g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_ERROR, 3, "control"));
  g_assert_true (g_utf8_validate (md, -1, NULL));
  g_assert_null (strchr (md, '\x07'));
}

static void
test_unterminated_front_matter (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse ("---\ntitle: APV\n\n# Artikel 1\n\nTekst.\n");

  g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_ERROR, 1, "never closed"));
  /* Nothing is lost: the text is still there, as text. */
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, 1);
  g_assert_null (amend_document_get_meta (doc, "title"));
}

static void
test_heading_without_number (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse ("# Hoofdstuk 1\n\n## Artikel\n\nTekst.\n\n## Artikel 2\n\nTekst.\n");
  AmendNode *art = amend_node_child (amend_node_child (amend_document_get_root (doc), 0), 0);

  g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_WARNING, 3, "no number"));
  g_assert_cmpint (art->kind, ==, AMEND_NODE_ARTICLE);
  g_assert_null (art->number);
  g_assert_cmpstr (art->eid, ==, "chp_1__art_o_1");
}

static void
check_deep (const char *unit,
            const char *leaf,
            guint       depth,
            gboolean    indent)
{
  GString *s = g_string_new ("# Artikel 1\n\n");
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  AmendNode *root;
  guint max_depth = 0;

  if (indent)
    for (guint i = 0; i < depth; i++)
      {
        for (guint k = 0; k < i * 2; k++)
          g_string_append_c (s, ' ');
        g_string_append_printf (s, "%s%s %u\n", unit, leaf, i);
      }
  else
    {
      for (guint i = 0; i < depth; i++)
        g_string_append (s, unit);
      g_string_append_printf (s, "%s\n", leaf);
    }

  doc = parse_bytes (s->str, s->len);
  g_string_free (s, TRUE);
  g_assert_true (amend_test_has_diagnostic (doc, AMEND_SEVERITY_WARNING, 0, "nested more than"));

  root = amend_document_get_root (doc);
  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    {
      guint d = 0;
      for (AmendNode *a = n; a->parent; a = a->parent)
        d++;
      max_depth = MAX (max_depth, d);
    }
  g_assert_cmpuint (max_depth, <=, 20);

  once = amend_document_to_markdown (doc);
  g_clear_object (&doc);
  doc = parse_bytes (once, strlen (once));
  twice = amend_document_to_markdown (doc);
  g_assert_cmpstr (twice, ==, once);
}

static void
test_deep_lists (void)
{
  check_deep ("- ", "a. diep", 10000, FALSE);
  check_deep ("- ", "a.", 2000, TRUE);
  check_deep ("1. ", "tekst", 10000, FALSE);
}

static void
test_deep_quotes (void)
{
  check_deep ("> ", "tekst", 10000, FALSE);
}

static void
test_deep_emphasis (void)
{
  GString *s = g_string_new ("# Artikel 1\n\n");
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *md = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "*[");
  g_string_append (s, "x");
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "](u)*");
  g_string_append_c (s, '\n');
  doc = parse_bytes (s->str, s->len);
  md = amend_document_to_markdown (doc);
  g_assert_nonnull (md);
  g_string_free (s, TRUE);
}

static void
test_crlf (void)
{
  g_autoptr(AmendDocument) doc = amend_test_parse ("---\r\ntitle: APV\r\n---\r\n\r\n# Artikel 1\r\n\r\n1. Een.\r\n2. Twee.\r\n");
  AmendNode *art = amend_node_child (amend_document_get_root (doc), 0);

  g_assert_cmpstr (amend_document_get_meta (doc, "title"), ==, "APV");
  g_assert_cmpuint (art->line_start, ==, 5);
  g_assert_cmpuint (amend_node_n_children (art), ==, 2);
  g_assert_cmpuint (amend_node_child (art, 1)->line_start, ==, 8);
}

/* 50 MB of regulation: read and written once, in linear time. */
static void
test_large_file (void)
{
  GString *s = g_string_sized_new (52 * 1024 * 1024);
  g_autoptr(AmendDocument) doc = NULL;
  g_autofree char *md = NULL;
  guint n = 0;

  while (s->len < 50 * 1024 * 1024)
    {
      g_string_append_printf (s, "# Artikel %u\n\n1. De burgemeester beslist binnen acht weken op een aanvraag als bedoeld in artikel %u.\n"
                                 "2. Hij kan de beslissing eenmaal voor ten hoogste acht weken verdagen:\n"
                                 "   - a. als het advies van de brandweer nodig is;\n   - b. als de aanvrager daarom verzoekt.\n\n",
                              n + 1, MAX (n, 1));
      n++;
    }
  g_string_truncate (s, s->len - 1); /* canonical: one newline at the end */
  doc = parse_bytes (s->str, s->len);
  g_assert_cmpuint (amend_test_count_kind (doc, AMEND_NODE_ARTICLE), ==, n);
  md = amend_document_to_markdown (doc);
  g_assert_cmpstr (md, ==, s->str);
  g_string_free (s, TRUE);
}

/* One article of many paragraphs (a CVDR table of a million rows is one):
 * each paragraph looked over all the article's children before it, so
 * 40,000 took 4 s and 1.5 million did not end in 5 minutes.  Reading four
 * times as many must take about four times the processor time, not
 * sixteen. */
static double
read_paragraphs (guint n)
{
  GString *s = g_string_new ("# Artikel 1\n");
  g_autoptr(AmendDocument) doc = NULL;
  clock_t start;

  for (guint i = 0; i < n; i++)
    g_string_append (s, "\nEen alinea.\n");
  start = clock ();
  doc = parse_bytes (s->str, s->len);
  g_assert_cmpuint (amend_node_n_children (amend_document_find_eid (doc, "art_1")), ==, n);
  g_string_free (s, TRUE);
  return (double) (clock () - start) / CLOCKS_PER_SEC;
}

static void
test_long_article (void)
{
  double small = read_paragraphs (20000);
  double large = read_paragraphs (80000);

  g_test_message ("20,000 paragraphs: %.3f s, 80,000: %.3f s", small, large);
  g_assert_cmpfloat (large, <, 10 * MAX (small, 0.01));
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  gsize len = AMEND_MAX_DOCUMENT_SIZE + 1;
  g_autofree char *data = g_malloc0 (len);

  doc = amend_document_new_from_data (data, len, &error);
  g_assert_null (doc);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
}

static void
test_garbage (void)
{
  GRand *rand = g_rand_new_with_seed (20261129);
  const char *alphabet = "#-*_>`[]()!\\\n \t1a.:\xc2\xb0<>&";

  for (guint round = 0; round < 300; round++)
    {
      guint len = g_rand_int_range (rand, 0, 2000);
      g_autofree char *data = g_malloc (len + 1);
      g_autoptr(AmendDocument) doc = NULL;
      g_autofree char *once = NULL;

      for (guint i = 0; i < len; i++)
        data[i] = g_rand_boolean (rand) ? alphabet[g_rand_int_range (rand, 0, strlen (alphabet))]
                                        : (char) g_rand_int_range (rand, 1, 256);
      data[len] = '\0';
      doc = parse_bytes (data, len);
      once = amend_document_to_markdown (doc);
      g_assert_true (g_utf8_validate (once, -1, NULL));
      if (!amend_document_has_errors (doc))
        {
          g_autoptr(AmendDocument) again = parse_bytes (once, strlen (once));
          g_autofree char *twice = amend_document_to_markdown (again);
          if (g_strcmp0 (once, twice) != 0)
            g_test_message ("round %u not idempotent:\n%s\n---\n%s", round, once, twice);
          g_assert_cmpstr (twice, ==, once);
        }
    }
  g_rand_free (rand);
}

/* An XML file given where Markdown is read (amend check, fmt, export) read
 * as one HTML block, dropped: an empty regulation, with a request for a
 * title.  It is an error that says what the file is and what to do. */
static void
test_xml_given (void)
{
  static const char *const xml[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"/>\n",
    "\xef\xbb\xbf  <akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act/></akomaNtoso>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (xml); i++)
    {
      g_autoptr(AmendDocument) doc = parse_bytes (xml[i], strlen (xml[i]));
      const AmendDiagnostic *d = g_ptr_array_index (amend_document_get_diagnostics (doc), 0);

      g_assert_true (amend_document_has_errors (doc));
      g_assert_cmpint (d->severity, ==, AMEND_SEVERITY_ERROR);
      g_assert_nonnull (strstr (d->message, "this is an XML file, not a regulation in Markdown"));
      g_assert_nonnull (strstr (d->message, "amend import FILE -o FILE.md"));
      /* That one error, not a warning per HTML block of its tags too. */
      g_assert_cmpuint (amend_document_get_diagnostics (doc)->len, ==, 1);
    }
  /* Inline HTML in a regulation is no XML file. */
  {
    g_autoptr(AmendDocument) doc = parse_bytes ("<b>Let op</b>\n\n# Artikel 1\n\nTekst.\n", 35);
    g_assert_false (amend_document_has_errors (doc));
  }
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/amend/regeling.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = amend_document_new_from_file (file, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The size a file states is no bound: /dev/zero states 0, a FIFO none.
 * Reading stops one byte past the bound. */
static void
test_bounded_device (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *data;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  data = amend_read_file (zero, 1024 * 1024, &len, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "/dev/zero is larger than 1 MB"));
}

static gpointer
write_forever (gpointer data)
{
  const char *path = data;
  char block[4096];
  int fd = g_open (path, O_WRONLY, 0);

  memset (block, 'x', sizeof block);
  /* Until the reader closes its end: then write fails with EPIPE. */
  while (fd >= 0 && write (fd, block, sizeof block) > 0)
    ;
  if (fd >= 0)
    close (fd);
  return NULL;
}

static void
test_bounded_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amend-fifo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "regeling.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GThread *writer;
  gsize len = 0;
  char *data;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  signal (SIGPIPE, SIG_IGN);
  writer = g_thread_new ("writer", write_forever, path);
  data = amend_read_file (file, 2 * 1024 * 1024, &len, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
  g_thread_join (writer);
  g_unlink (path);
  g_rmdir (dir);
}

/* A named pipe nobody writes to: open() alone would wait for a writer for
 * ever; the reader gives up after a silence, with a sentence. */
static void
test_silent_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amend-fifo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "regeling.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  amend_file_set_pipe_wait (200);
  g_assert_null (amend_read_file (file, 1024 * 1024, &len, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "nothing came out of it"));
  g_clear_error (&error);
  g_assert_null (amend_document_new_from_file (file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  amend_file_set_pipe_wait (30 * 1000);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bounded_fd (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  int fds[2];
  gsize len = 0;

  g_assert_cmpint (pipe (fds), ==, 0);
  g_assert_cmpint (write (fds[1], "# Artikel 1\n", 12), ==, 12);
  close (fds[1]);
  data = amend_read_fd (fds[0], "standard input", 12, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, 12);
  g_assert_cmpstr (data, ==, "# Artikel 1\n");
  close (fds[0]);

  g_assert_cmpint (pipe (fds), ==, 0);
  g_assert_cmpint (write (fds[1], "# Artikel 12\n", 13), ==, 13);
  close (fds[1]);
  g_assert_null (amend_read_fd (fds[0], "standard input", 12, &len, &error));
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "standard input is larger than"));
  close (fds[0]);
}

/* A regular file over the bound is refused from its size, before it is
 * read: a sparse file of 100 MB that would take long to read. */
static void
test_bounded_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amend-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "regeling.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) doc = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  doc = amend_document_new_from_file (file, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, AMEND_ERROR, AMEND_ERROR_TOO_LARGE);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bad-input/nul-bytes", test_nul_bytes);
  g_test_add_func ("/bad-input/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bad-input/control-characters", test_control_characters);
  g_test_add_func ("/bad-input/unterminated-front-matter", test_unterminated_front_matter);
  g_test_add_func ("/bad-input/heading-without-number", test_heading_without_number);
  g_test_add_func ("/bad-input/deep-lists", test_deep_lists);
  g_test_add_func ("/bad-input/deep-quotes", test_deep_quotes);
  g_test_add_func ("/bad-input/deep-emphasis", test_deep_emphasis);
  g_test_add_func ("/bad-input/crlf", test_crlf);
  g_test_add_func ("/bad-input/large-file", test_large_file);
  g_test_add_func ("/bad-input/long-article", test_long_article);
  g_test_add_func ("/bad-input/too-large", test_too_large);
  g_test_add_func ("/bad-input/garbage", test_garbage);
  g_test_add_func ("/bad-input/xml-given", test_xml_given);
  g_test_add_func ("/bad-input/missing-file", test_missing_file);
  g_test_add_func ("/bad-input/bounded/device", test_bounded_device);
  g_test_add_func ("/bad-input/bounded/fifo", test_bounded_fifo);
  g_test_add_func ("/bad-input/bounded/silent-fifo", test_silent_fifo);
  g_test_add_func ("/bad-input/bounded/fd", test_bounded_fd);
  g_test_add_func ("/bad-input/bounded/file", test_bounded_file);
  return g_test_run ();
}
