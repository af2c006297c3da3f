/* test-cli.c: the amend program, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "amend-test-cli.h"
#include "amend-test-util.h"

/* A git configuration of the tests' own, so the machine's does not leak in. */
static char *git_config;

/* Runs `amend ARGS...` with an optional standard input and the locale of
 * @lang (NULL: C.UTF-8). */
static void
amend_run_full (AmendTestRun *run,
                const char   *lang,
                const char   *input,
                const char   *first,
                ...)
{
  g_autofree char *global = g_strconcat ("GIT_CONFIG_GLOBAL=", git_config, NULL);
  g_autofree char *lc_all = lang ? g_strconcat ("LC_ALL=", lang, NULL) : NULL;
  /* Without @lang the list ends at lc_all, before LANGUAGE. */
  const char *env[] = { global, "GIT_CONFIG_NOSYSTEM=1", lc_all, "LANGUAGE=nl", NULL };
  AmendTestRunOptions options = { .input = input, .env = env };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, ...) amend_run_full (run, NULL, NULL, __VA_ARGS__, NULL)

static char *
temp_copy (const char *contents,
           char      **dir_out)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("amend-cli-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "regeling.md", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  *dir_out = dir;
  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_remove (p);
    }
  g_rmdir (dir);
}

static void
test_help_and_version (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_auto(AmendTestRun) help = { 0 };
  g_auto(AmendTestRun) ver = { 0 };
  g_auto(AmendTestRun) none = { 0 };

  amend_run (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "outline"));
  g_assert_nonnull (strstr (run.out, "check"));
  g_assert_nonnull (strstr (run.out, "fmt"));

  amend_run (&help, "help", "outline");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--json"));

  /* What names a part of a command is its help: `amend help comment add`
   * is `amend comment add --help`, with every option; help itself is the
   * list of commands. */
  {
    g_auto(AmendTestRun) sub = { 0 };
    g_auto(AmendTestRun) itself = { 0 };

    amend_run (&sub, "help", "comment", "add");
    g_assert_cmpint (sub.status, ==, 0);
    g_assert_nonnull (strstr (sub.out, "--quote=TEXT"));
    g_assert_nonnull (strstr (sub.out, "--regulation"));
    amend_run (&itself, "help", "help");
    g_assert_cmpint (itself.status, ==, 0);
    g_assert_nonnull (strstr (itself.out, "outline"));
  }

  amend_run (&ver, "--version");
  g_assert_cmpint (ver.status, ==, 0);
  g_assert_true (g_str_has_prefix (ver.out, "amend " PACKAGE_VERSION));

  amend_run_full (&none, NULL, NULL, NULL, NULL);
  g_assert_cmpint (none.status, ==, 2);
}

static void
test_usage_errors (void)
{
  g_auto(AmendTestRun) unknown = { 0 };
  g_auto(AmendTestRun) option = { 0 };
  g_auto(AmendTestRun) missing = { 0 };
  g_auto(AmendTestRun) help = { 0 };

  amend_run (&unknown, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  g_assert_cmpstr (unknown.out, ==, "");

  amend_run (&option, "outline", "--bogus", "x.md");
  g_assert_cmpint (option.status, ==, 2);
  g_assert_nonnull (strstr (option.err, "--bogus"));

  amend_run (&missing, "outline");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "amend outline"));

  amend_run (&help, "help", "nothing");
  g_assert_cmpint (help.status, ==, 2);
}

static void
test_missing_file (void)
{
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "outline", "/nonexistent/regeling.md");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "regeling.md"));
  /* One clear sentence: one line. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
}

static void
test_outline_json (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_auto(AmendTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *children;
  JsonObject *chapter, *article;
  const char *kinds = "regulation preamble chapter title division section annex article member point text explanation closing";

  amend_run (&run, "outline", "--json", path);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "regulation");
  children = json_object_get_array_member (root, "children");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (children, 0), "kind"), ==, "preamble");
  chapter = json_array_get_object_element (children, 1);
  g_assert_cmpstr (json_object_get_string_member (chapter, "kind"), ==, "chapter");
  g_assert_cmpstr (json_object_get_string_member (chapter, "number"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (chapter, "eId"), ==, "chp_1");
  g_assert_cmpint (json_object_get_int_member (chapter, "line"), >, 10);
  article = json_array_get_object_element (json_object_get_array_member (chapter, "children"), 0);
  g_assert_cmpstr (json_object_get_string_member (article, "kind"), ==, "article");
  g_assert_cmpstr (json_object_get_string_member (article, "number"), ==, "1:1");
  g_assert_cmpstr (json_object_get_string_member (article, "heading"), ==, "Begripsbepalingen");
  g_assert_cmpstr (json_object_get_string_member (article, "eId"), ==, "chp_1__art_1.1");

  /* Every node has the documented members and kinds. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    g_ptr_array_add (stack, root);
    while (stack->len > 0)
      {
        JsonObject *o = g_ptr_array_steal_index (stack, stack->len - 1);
        JsonArray *c = json_object_get_array_member (o, "children");

        g_assert_nonnull (strstr (kinds, json_object_get_string_member (o, "kind")));
        g_assert_true (json_object_has_member (o, "number"));
        g_assert_true (json_object_has_member (o, "heading"));
        g_assert_true (json_object_has_member (o, "eId"));
        g_assert_true (json_object_has_member (o, "line"));
        for (guint i = 0; i < json_array_get_length (c); i++)
          g_ptr_array_add (stack, json_array_get_object_element (c, i));
      }
  }
}

static void
test_outline_text (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "outline", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Hoofdstuk 1 Algemene bepalingen"));
  g_assert_nonnull (strstr (run.out, "Artikel 1:1 Begripsbepalingen"));
  g_assert_nonnull (strstr (run.out, "chp_1__art_1.1"));
}

/* The line numbers stand in one column, also after a label with a
 * character of two bytes (1°, é): the padding counts characters. */
static void
test_outline_columns (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("# Artikel 1 Één\n\n1. Lid:\n   - a. punt;\n     - 1° sub;\n     - 2° sub.\n", &dir);
  g_auto(AmendTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  glong column = -1;

  amend_run (&run, "outline", path);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      const char *eid = strstr (lines[i], "art_1");
      glong at = g_utf8_pointer_to_offset (lines[i], eid);

      g_assert_nonnull (eid);
      if (column < 0)
        column = at;
      g_assert_cmpint (at, ==, column);
    }
  g_assert_cmpint (column, >, 0);
  remove_dir (dir);
}

/* Two files given with -C DIR count from DIR, as every file name does;
 * a file that is not there is said to be missing, not looked for as a
 * version of a project. */
static void
test_diff_files_from_repo_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("# Artikel 1\n\nBinnen acht weken.\n", &dir);
  g_autofree char *other = g_build_filename (dir, "nieuw.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "nergens.md", NULL);
  g_auto(AmendTestRun) run = { 0 };
  g_auto(AmendTestRun) typo = { 0 };

  g_assert_true (g_file_set_contents (other, "# Artikel 1\n\nBinnen zes weken.\n", -1, NULL));
  amend_run (&run, "-C", dir, "diff", "--format", "instructions", "regeling.md", "nieuw.md");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ARTIKEL I\n\nIn artikel 1 van de regeling wordt \"acht\" vervangen door \"zes\".\n");

  amend_run (&typo, "diff", path, missing);
  g_assert_cmpint (typo.status, ==, 3);
  g_assert_nonnull (strstr (typo.err, "nergens.md"));
  g_assert_null (strstr (typo.err, "project"));
  remove_dir (dir);
}

static void
test_check_findings (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("# Artikel 1\n\nZie artikel 7.\n\n# Artikel 3\n\nTekst.\n\n# Artikel 3\n\nDubbel.\n", &dir);
  g_autofree char *expected_ref = g_strdup_printf ("%s:3: error: ", path);
  g_autofree char *expected_gap = g_strdup_printf ("%s:5: warning: ", path);
  g_autofree char *expected_dup = g_strdup_printf ("%s:9: error: ", path);
  g_auto(AmendTestRun) run = { 0 };
  g_auto(AmendTestRun) clean = { 0 };
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");

  amend_run (&run, "check", path);
  g_assert_cmpint (run.status, ==, 1);
  /* Each finding once, on a line of its own; and, for a file without
   * front matter, the four keys the XML export needs (tests/test-cli-xml.c). */
  {
    g_auto(GStrv) lines = g_strsplit (g_strstrip (run.out), "\n", -1);
    guint export_needs = 0;

    for (guint i = 0; lines[i]; i++)
      export_needs += strstr (lines[i], "which the XML export needs") != NULL;
    g_assert_cmpuint (g_strv_length (lines), ==, 3 + 4);
    g_assert_cmpuint (export_needs, ==, 4);
  }
  g_assert_nonnull (strstr (run.out, expected_ref));
  g_assert_nonnull (strstr (run.out, expected_gap));
  g_assert_nonnull (strstr (run.out, expected_dup));

  amend_run (&clean, "check", example);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");
  remove_dir (dir);
}

/* An XML file given to check is one error that says what it is: not the
 * front matter an export needs, nor a warning per block of its tags. */
static void
test_check_xml_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
                                     "\n<act>\n\n<body/>\n</act>\n\n</akomaNtoso>\n", &dir);
  g_auto(AmendTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  amend_run (&run, "check", path);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strstrip (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], ":1: error: this is an XML file"));
  remove_dir (dir);
}

static void
test_check_warnings_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("# Artikel 1\n\nEen.\n\n# Artikel 3\n\nDrie.\n", &dir);
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "check", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "warning: the numbering skips from 1 to 3"));
  remove_dir (dir);
}

/* A law whose parts share one heading level, with one odd heading deeper
 * and one whose number Amend does not read: the outline keeps its nesting,
 * check names the odd one (in Dutch too) and exits 0. */
static void
test_loose_law (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy (
    "### Hoofdstuk 1\n\n### Afdeling 1.1\n\n### Artikel 1\n\nEen.\n\n####Afdeling 1.2 Meldingen\n\n"
    "### Artikel 2\n\nTwee.\n\n### Hoofdstuk IVA\n\n### Artikel 4z1\n\nVier.\n\n### Hoofdstuk Kwanza\n\n"
    "### Artikel 5\n\nVijf.\n", &dir);
  g_auto(AmendTestRun) outline = { 0 };
  g_auto(AmendTestRun) check = { 0 };
  g_auto(AmendTestRun) dutch = { 0 };

  amend_run (&outline, "outline", path);
  g_assert_cmpint (outline.status, ==, 0);
  g_assert_nonnull (strstr (outline.out, "chp_1__subchp_1.2__art_2"));
  g_assert_nonnull (strstr (outline.out, "chp_IVA__art_4z1"));

  amend_run (&check, "check", path);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "regeling.md:21: warning: this heading starts with \xe2\x80\x9cHoofdstuk\xe2\x80\x9d"));

  amend_run_full (&dutch, "nl_NL.UTF-8", NULL, "check", path, NULL);
  if (strstr (dutch.out, "deze kop begint met") == NULL && strstr (dutch.out, "this heading starts") != NULL)
    g_test_message ("no Dutch locale on this machine: the Dutch message is not checked");
  else
    g_assert_nonnull (strstr (dutch.out, "deze kop begint met \xe2\x80\x9cHoofdstuk\xe2\x80\x9d"));
  remove_dir (dir);
}

static void
test_fmt (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("###Artikel  1  \n\n1.  Een.   \n2.  Twee.   \n", &dir);
  g_autofree char *after = NULL;
  g_auto(AmendTestRun) check1 = { 0 };
  g_auto(AmendTestRun) fmt = { 0 };
  g_auto(AmendTestRun) check2 = { 0 };

  amend_run (&check1, "fmt", "--check", path);
  g_assert_cmpint (check1.status, ==, 1);
  g_assert_nonnull (strstr (check1.out, "not in canonical form"));

  amend_run (&fmt, "fmt", path);
  g_assert_cmpint (fmt.status, ==, 0);
  after = amend_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, "# Artikel 1\n\n1. Een.\n2. Twee.\n");

  amend_run (&check2, "fmt", "--check", path);
  g_assert_cmpint (check2.status, ==, 0);
  remove_dir (dir);
}

/* Texts whose canonical form has the same length, and differs only in a
 * byte or two ("*" for "-", "_" for "*", ")" for "."): --check compares
 * the bytes, not only the length. */
static void
test_fmt_same_length (void)
{
  const char *texts[][2] = {
    { "# Artikel 1\n\n* a. een;\n* b. twee.\n", "# Artikel 1\n\n- a. een;\n- b. twee.\n" },
    { "# Artikel 1\n\n1) Een.\n2) Twee.\n", "# Artikel 1\n\n1. Een.\n2. Twee.\n" },
    { "# Artikel 1\n\nEen _woord_.\n", "# Artikel 1\n\nEen *woord*.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *dir = NULL;
      g_autofree char *path = temp_copy (texts[i][0], &dir);
      g_autofree char *after = NULL;
      g_auto(AmendTestRun) check1 = { 0 };
      g_auto(AmendTestRun) fmt = { 0 };
      g_auto(AmendTestRun) check2 = { 0 };

      g_assert_cmpuint (strlen (texts[i][0]), ==, strlen (texts[i][1]));
      amend_run (&check1, "fmt", "--check", path);
      g_assert_cmpint (check1.status, ==, 1);
      g_assert_nonnull (strstr (check1.out, "not in canonical form"));
      amend_run (&fmt, "fmt", path);
      g_assert_cmpint (fmt.status, ==, 0);
      after = amend_test_read_file (path, NULL);
      g_assert_cmpstr (after, ==, texts[i][1]);
      amend_run (&check2, "fmt", "--check", path);
      g_assert_cmpint (check2.status, ==, 0);
      remove_dir (dir);
    }
}

static void
test_fmt_refuses_broken_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("# Artikel 1\n\nCaf\xe9.\n", &dir);
  g_autofree char *after = NULL;
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "fmt", path);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "UTF-8"));
  after = amend_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, "# Artikel 1\n\nCaf\xe9.\n"); /* untouched */
  remove_dir (dir);
}

static void
test_fmt_readonly_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("###Artikel 1\n\nTekst.\n", &dir);
  g_autofree char *after = NULL;
  g_auto(AmendTestRun) run = { 0 };

  if (getuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      remove_dir (dir);
      return;
    }
  g_chmod (dir, 0500);
  amend_run (&run, "fmt", path);
  g_chmod (dir, 0700);
  g_assert_cmpint (run.status, ==, 3);
  after = amend_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, "###Artikel 1\n\nTekst.\n");
  remove_dir (dir);
}

static void
test_corpus_through_cli (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten", ".md");

  if (files == NULL)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = amend_test_read_file (g_ptr_array_index (files, i), NULL);
      g_autofree char *dir = NULL;
      g_autofree char *path = temp_copy (text, &dir);
      g_autofree char *once = NULL;
      g_auto(AmendTestRun) fmt = { 0 };
      g_auto(AmendTestRun) check = { 0 };
      g_auto(AmendTestRun) outline = { 0 };

      amend_run (&fmt, "fmt", path);
      g_assert_cmpint (fmt.status, ==, 0);
      once = amend_test_read_file (path, NULL);
      amend_run (&check, "fmt", "--check", path);
      g_assert_cmpint (check.status, ==, 0);
      amend_run (&outline, "outline", "--json", path);
      g_assert_cmpint (outline.status, ==, 0);
      remove_dir (dir);
    }
}

static void
test_stdin (void)
{
  g_auto(AmendTestRun) run = { 0 };

  amend_run_full (&run, NULL, "# Artikel 1\n\nTekst.\n", "outline", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Artikel 1"));
}

/* The Dutch interface: the catalog is built, and in the Dutch locale the
 * help is Dutch.  A broken or missing translation fails; only a machine
 * without the locale skips (not in CI, which installs it). */
static void
test_dutch (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *mo = g_build_filename (g_getenv ("AMEND_LOCALEDIR"), "nl", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  gboolean have_locale;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("%s was not built: the Dutch translation is missing", mo);
  have_locale = setlocale (LC_ALL, "nl_NL.UTF-8") != NULL;
  setlocale (LC_ALL, "");
  if (!have_locale)
    {
      amend_test_skip_unless_required ("no Dutch locale on this machine (locales: nl_NL.UTF-8)");
      return;
    }
  amend_run_full (&run, "nl_NL.UTF-8", NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (strstr (run.out, "Opdrachten:") == NULL)
    g_error ("amend --help in nl_NL.UTF-8 is not Dutch, so the translation is broken:\n%s", run.out);
}

static const char diff_old[] =
  "# Artikel 1\n\nDe burgemeester beslist binnen acht weken.\n\n# Artikel 2\n\nOngewijzigd.\n\n# Artikel 3\n\nVervalt straks.\n";
static const char diff_new[] =
  "# Artikel 1\n\nDe burgemeester beslist binnen zes weken.\n\n# Artikel 2\n\nOngewijzigd.\n";

static void
test_diff_formats (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autofree char *a = temp_copy (diff_old, &dir_a);
  g_autofree char *b = temp_copy (diff_new, &dir_b);
  g_auto(AmendTestRun) term = { 0 };
  g_auto(AmendTestRun) json = { 0 };
  g_auto(AmendTestRun) html = { 0 };
  g_auto(AmendTestRun) instr = { 0 };
  g_auto(AmendTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *changes;

  /* Not a terminal: no escape sequences, the word-diff markers instead. */
  amend_run (&term, "diff", a, b);
  g_assert_cmpint (term.status, ==, 0);
  g_assert_null (strchr (term.out, '\033'));
  g_assert_nonnull (strstr (term.out, "[-acht-] {+zes+}"));
  g_assert_nonnull (strstr (term.out, "Artikel 3"));
  g_assert_null (strstr (term.out, "Artikel 2")); /* unchanged: not shown */

  amend_run (&json, "diff", "--format", "json", a, b);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  {
    JsonObject *c0 = json_array_get_object_element (changes, 0);
    JsonObject *c1 = json_array_get_object_element (changes, 1);
    JsonArray *pieces = json_object_get_array_member (c0, "pieces");

    g_assert_cmpstr (json_object_get_string_member (c0, "action"), ==, "modified");
    g_assert_cmpstr (json_object_get_string_member (c0, "article_old"), ==, "1");
    g_assert_cmpstr (json_object_get_string_member (c0, "article_new"), ==, "1");
    g_assert_cmpstr (json_object_get_string_member (c0, "eId_old"), ==, "art_1__p_o_1");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pieces, 1), "op"), ==, "deleted");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pieces, 1), "text"), ==, " acht");
    g_assert_cmpstr (json_object_get_string_member (c1, "action"), ==, "deleted");
    g_assert_cmpstr (json_object_get_string_member (c1, "kind"), ==, "article");
    g_assert_cmpstr (json_object_get_string_member (c1, "article_old"), ==, "3");
    g_assert_true (json_object_get_null_member (c1, "article_new"));
  }

  amend_run (&html, "diff", "--format", "html", a, b);
  g_assert_cmpint (html.status, ==, 0);
  g_assert_true (g_str_has_prefix (html.out, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html.out, "binnen <del>acht</del> <ins>zes</ins> weken"));
  g_assert_nonnull (strstr (html.out, "@media print"));

  amend_run (&instr, "diff", "--format", "instructions", a, b);
  g_assert_cmpint (instr.status, ==, 0);
  g_assert_cmpstr (instr.out, ==, "ARTIKEL I\n\nDe regeling wordt als volgt gewijzigd:\n\n"
                   "A\n\nIn artikel 1 wordt \"acht\" vervangen door \"zes\".\n\nB\n\nArtikel 3 vervalt.\n");

  amend_run (&bad, "diff", "--format", "pdf", a, b);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "pdf"));
  remove_dir (dir_a);
  remove_dir (dir_b);
}

static void
test_diff_output_file (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autofree char *a = temp_copy (diff_old, &dir_a);
  g_autofree char *b = temp_copy (diff_new, &dir_b);
  g_autofree char *out_path = g_build_filename (dir_a, "renvooi.html", NULL);
  g_autofree char *written = NULL;
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "diff", "--format", "html", "-o", out_path, a, b);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  written = amend_test_read_file (out_path, NULL);
  g_assert_nonnull (strstr (written, "<ins>zes</ins>"));
  g_remove (out_path);
  remove_dir (dir_a);
  remove_dir (dir_b);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
replace_in_file (const char *dir,
                 const char *name,
                 const char *from,
                 const char *to)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = amend_test_read_file (path, NULL);
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_autofree char *changed = NULL;

  g_assert_nonnull (parts[1]);
  changed = g_strconcat (parts[0], to, parts[1], NULL);
  write_file (dir, name, changed);
  return g_strdup (path);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (e && (info = g_file_enumerator_next_file (e, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (dir, g_file_info_get_name (info), NULL);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_remove (child);
      g_object_unref (info);
    }
  g_rmdir (dir);
}

/* The versions of a project: the working copy, revisions, an amendment. */
static void
test_diff_in_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amend-cli-project-XXXXXX", &error);
  g_auto(AmendTestRun) init = { 0 };
  g_auto(AmendTestRun) wc = { 0 };
  g_auto(AmendTestRun) save = { 0 };
  g_auto(AmendTestRun) clean = { 0 };
  g_auto(AmendTestRun) propose = { 0 };
  g_auto(AmendTestRun) save2 = { 0 };
  g_auto(AmendTestRun) back = { 0 };
  g_auto(AmendTestRun) amendment = { 0 };
  g_auto(AmendTestRun) revs = { 0 };
  g_auto(AmendTestRun) missing = { 0 };
  g_autofree char *reg = NULL;

  g_assert_no_error (error);
  amend_run (&init, "init", "--author", "Ambtenaar <ambtenaar@example.org>", dir);
  g_assert_cmpint (init.status, ==, 0);

  reg = replace_in_file (dir, "regeling.md", "de dag na die van de bekendmaking", "1 januari 2028");
  amend_run (&wc, "diff", "-C", dir);
  g_assert_cmpint (wc.status, ==, 0);
  g_assert_nonnull (strstr (wc.out, "[-de dag na die van de bekendmaking-] {+1 januari 2028+}"));

  amend_run (&save, "save", "-C", dir, "-m", "Vaste datum", "--author", "Ambtenaar <ambtenaar@example.org>");
  g_assert_cmpint (save.status, ==, 0);
  /* -C before the command, as with git, works too. */
  amend_run (&clean, "-C", dir, "diff");
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");

  amend_run (&propose, "propose", "-C", dir, "Langere citeertitel", "--by", "Jan Burger <jan@example.org>");
  g_assert_cmpint (propose.status, ==, 0);
  g_free (replace_in_file (dir, "regeling.md", "aangehaald als: Verordening", "aangehaald als: Verordening Lindewaarde"));
  amend_run (&save2, "save", "-C", dir, "-m", "Plaatsnaam", "--author", "Jan Burger <jan@example.org>");
  g_assert_cmpint (save2.status, ==, 0);
  amend_run (&back, "switch", "-C", dir, "main");
  g_assert_cmpint (back.status, ==, 0);

  /* An amendment alone: what it changed since it branched off. */
  amend_run (&amendment, "diff", "-C", dir, "--format", "instructions", "langere-citeertitel");
  g_assert_cmpint (amendment.status, ==, 0);
  g_assert_cmpstr (amendment.out, ==, "ARTIKEL I\n\nAan artikel 3 van de Verordening wordt \"Lindewaarde\" toegevoegd.\n");

  amend_run (&revs, "diff", "-C", dir, "--format", "instructions", "HEAD~1", "HEAD");
  g_assert_cmpint (revs.status, ==, 0);
  g_assert_nonnull (strstr (revs.out, "1 januari 2028"));

  amend_run (&missing, "diff", "-C", dir, "no-such-version");
  g_assert_cmpint (missing.status, !=, 0);
  g_assert_nonnull (strstr (missing.err, "no-such-version"));
  remove_tree (dir);
}

/* Standard input, a FIFO or /dev/zero is read up to 64 MB and one byte,
 * then refused; a larger file is refused before it is read. */
static void
test_bounded_input (void)
{
  g_autofree char *script = g_strdup_printf ("head -c 70000000 /dev/zero | \"%s\" outline -", g_getenv ("AMEND_BIN"));
  const char *sh[] = { "/bin/sh", "-c", script, NULL };
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_copy ("# Artikel 1\n\nTekst.\n", &dir);
  g_auto(AmendTestRun) run = { 0 };
  int fd;

  amend_test_run_argv (&run, NULL, sh);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "amend: standard input is larger than 64 MB, too large for a regulation"));

  amend_run (&run, "outline", "/dev/zero");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "/dev/zero is larger than 64 MB"));
  amend_run (&run, "import", "/dev/zero");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "/dev/zero is larger than 64 MB"));

  /* 100 MB (sparse): fmt refuses it from its size and leaves it. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  amend_run (&run, "fmt", path);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "is larger than 64 MB, too large for a regulation"));
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 100 * 1024 * 1024);
  }
  remove_dir (dir);
}

/* A diff of a file with bytes that are not UTF-8 says so, in check's
 * words, and exits with 1. */
static void
test_diff_invalid_utf8 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *old_path = temp_copy ("# Artikel 1\n\nCaf\xe9 open.\n", &dir);
  g_autofree char *new_path = g_build_filename (dir, "nieuw.md", NULL);
  g_auto(AmendTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (new_path, "# Artikel 1\n\nCafe dicht.\n", -1, NULL));
  amend_run (&run, "diff", "--format", "json", old_path, new_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "regeling.md:3: error: 1 byte is not valid UTF-8 (first on this line); save the "
                                     "file as UTF-8"));
  g_assert_nonnull (strstr (run.out, "\"changes\""));
  amend_test_run_clear (&run);

  /* A NUL byte past the first eight bytes of a line, where the check
   * takes eight ASCII bytes at once. */
  g_assert_true (g_file_set_contents (new_path, "# Artikel 1\n\nCafe dicht\0 na tienen.\n", 35, NULL));
  amend_run (&run, "diff", "--format", "json", new_path, new_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "nieuw.md:3: error: the file contains 1 NUL byte, so it is not a text file"));
  remove_dir (dir);
}

/* A regulation of 600 articles of three members; @word in every member. */
static char *
many_articles (const char *word)
{
  GString *text = g_string_new ("---\ntitel: Proefverordening\n---\n");

  for (guint i = 1; i <= 600; i++)
    {
      g_string_append_printf (text, "\n## Artikel %u\n\n", i);
      for (guint m = 1; m <= 3; m++)
        g_string_append_printf (text, "%u. Het college stelt voor het %s onderwerp %u regels vast over de wijze "
                                "waarop de gemeenteraad wordt ingelicht over lid %u.\n", m, word, i, m);
    }
  return g_string_free (text, FALSE);
}

/* The page faults of `amend diff --format json @a @b`. */
static long
diff_page_faults (const char *a,
                  const char *b)
{
  const char *argv[] = { g_getenv ("AMEND_BIN"), "diff", "--format", "json", a, b, NULL };
  /* Not meson's MALLOC_PERTURB_, with which malloc writes every block. */
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MALLOC_PERTURB_", "0", TRUE);
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  GPid pid;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                 &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return usage.ru_minflt + usage.ru_majflt;
}

/* The heap is in huge pages where the kernel has them: a diff that
 * changes all of 600 articles took 3,200 page faults, one for every 4 KB
 * of its models and its output, which on a virtual machine cost more
 * than the diff; now a few hundred. */
static void
test_diff_heap_in_huge_pages (void)
{
  g_autofree char *thp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *old_text = many_articles ("oorspronkelijke");
  g_autofree char *new_text = many_articles ("gewijzigde");
  g_autofree char *old_path = temp_copy (old_text, &dir);
  g_autofree char *new_path = g_build_filename (dir, "nieuw.md", NULL);
  long fewest = G_MAXLONG;

#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer has its own heap");
  remove_dir (dir);
  return;
#endif
  if (!g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/enabled", &thp, NULL, NULL) ||
      strstr (thp, "[never]") != NULL)
    {
      g_test_skip ("this kernel gives no transparent huge pages");
      remove_dir (dir);
      return;
    }
  g_assert_true (g_file_set_contents (new_path, new_text, -1, NULL));
  /* The fewest of three runs: a kernel short of free huge pages at one
   * moment gives small ones. */
  for (guint i = 0; i < 3; i++)
    fewest = MIN (fewest, diff_page_faults (old_path, new_path));
  g_assert_cmpint (fewest, <, 1000);
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_dir = g_dir_make_tmp ("amend-cli-git-XXXXXX", NULL);
  int status;

  git_config = g_build_filename (config_dir, "gitconfig", NULL);
  g_file_set_contents (git_config, "[user]\n\tname = Test\n\temail = test@example.org\n[init]\n\tdefaultBranch = main\n", -1, NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/missing-file", test_missing_file);
  g_test_add_func ("/cli/outline-json", test_outline_json);
  g_test_add_func ("/cli/outline-text", test_outline_text);
  g_test_add_func ("/cli/outline-columns", test_outline_columns);
  g_test_add_func ("/cli/check-findings", test_check_findings);
  g_test_add_func ("/cli/check-warnings-only", test_check_warnings_only);
  g_test_add_func ("/cli/check-xml-file", test_check_xml_file);
  g_test_add_func ("/cli/loose-law", test_loose_law);
  g_test_add_func ("/cli/fmt", test_fmt);
  g_test_add_func ("/cli/fmt-same-length", test_fmt_same_length);
  g_test_add_func ("/cli/fmt-refuses-broken-file", test_fmt_refuses_broken_file);
  g_test_add_func ("/cli/bounded-input", test_bounded_input);
  g_test_add_func ("/cli/diff-invalid-utf8", test_diff_invalid_utf8);
  g_test_add_func ("/cli/fmt-readonly-folder", test_fmt_readonly_folder);
  g_test_add_func ("/cli/corpus", test_corpus_through_cli);
  g_test_add_func ("/cli/stdin", test_stdin);
  g_test_add_func ("/cli/dutch", test_dutch);
  g_test_add_func ("/cli/diff-formats", test_diff_formats);
  g_test_add_func ("/cli/diff-output-file", test_diff_output_file);
  g_test_add_func ("/cli/diff-in-project", test_diff_in_project);
  g_test_add_func ("/cli/diff-files-from-repo-dir", test_diff_files_from_repo_dir);
  g_test_add_func ("/cli/diff-heap-in-huge-pages", test_diff_heap_in_huge_pages);
  status = g_test_run ();
  g_remove (git_config);
  g_rmdir (config_dir);
  return status;
}
