/* test-cli-xml.c: amend export, import and validate, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amend-test-cli.h"
#include "amend-test-util.h"

/* Runs `amend ARGS...`; @schema_dir, when not NULL, is AMEND_SCHEMA_DIR
 * ("" unsets it). */
static void
amend_run_full (AmendTestRun *run,
                const char   *schema_dir,
                const char   *first,
                ...)
{
  g_autofree char *dir = schema_dir && schema_dir[0] ? g_strconcat ("AMEND_SCHEMA_DIR=", schema_dir, NULL)
                                                     : g_strdup ("AMEND_SCHEMA_DIR");
  const char *env[] = { dir, NULL };
  AmendTestRunOptions options = { .env = env };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, ...) amend_run_full (run, "", __VA_ARGS__, NULL)

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  if (tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;
      tmp_dir = g_dir_make_tmp ("amend-cli-xml-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
write_tmp (const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_export_formats (void)
{
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *out = tmp_path ("apv.xml");
  g_auto(AmendTestRun) stop = { 0 };
  g_auto(AmendTestRun) besluit = { 0 };
  g_auto(AmendTestRun) akn = { 0 };
  g_autofree char *written = NULL;

  amend_run (&stop, "export", "--format", "stop", example);
  g_assert_cmpint (stop.status, ==, 0);
  g_assert_true (g_str_has_prefix (stop.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<RegelingCompact "));
  /* The preamble and signature are reported as FILE:LINE: warning. */
  g_assert_nonnull (strstr (stop.err, "apv-lindewaarde.md:11: warning: a RegelingCompact has no preamble"));
  g_assert_nonnull (strstr (stop.err, "apv-lindewaarde.md:359: warning: a RegelingCompact has no signature"));

  amend_run (&besluit, "export", "-f", "stop-besluit", "-o", out, example);
  g_assert_cmpint (besluit.status, ==, 0);
  g_assert_cmpstr (besluit.out, ==, "");
  g_assert_cmpstr (besluit.err, ==, "");
  written = amend_test_read_file (out, NULL);
  g_assert_nonnull (strstr (written, "<BesluitCompact "));
  g_assert_nonnull (strstr (written, "<WijzigBijlage eId=\"cmp_A\" wId=\"gm9999_1__cmp_A\">"));

  amend_run (&akn, "export", "--format=akn", example);
  g_assert_cmpint (akn.status, ==, 0);
  g_assert_nonnull (strstr (akn.out, "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"));
  g_unlink (out);
}

static void
test_export_errors (void)
{
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *no_work = write_tmp ("no-work.md", "---\ntitle: T\nauthority: gm9999\ndate: 2027-01-01\n---\n\n"
                                                      "# Artikel 1\n\nTekst.\n");
  g_autofree char *mixed = write_tmp ("mixed.md", "---\ntitle: T\nauthority: gm9999\nwork: /akn/nl/act/gm9999/2027/t\n"
                                                  "date: 2027-01-01\n---\n\n# Hoofdstuk 1\n\n## Artikel 1\n\nA.\n\n"
                                                  "## Afdeling 1.1\n\n### Artikel 2\n\nB.\n");
  g_auto(AmendTestRun) no_format = { 0 };
  g_auto(AmendTestRun) unknown = { 0 };
  g_auto(AmendTestRun) missing = { 0 };
  g_auto(AmendTestRun) structure = { 0 };
  g_auto(AmendTestRun) absent = { 0 };

  amend_run (&no_format, "export", example);
  g_assert_cmpint (no_format.status, ==, 2);
  g_assert_nonnull (strstr (no_format.err, "give the format with --format: stop, stop-besluit, stop-wijziging, lvbb, "
                                         "lvbb-wijziging, akn or akn-amendment"));

  amend_run (&unknown, "export", "--format", "docx", example);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown format \xe2\x80\x9c" "docx\xe2\x80\x9d; use stop, stop-besluit, "
                                       "stop-wijziging, lvbb, lvbb-wijziging, akn or akn-amendment"));

  /* Missing metadata names the key and a line to add. */
  amend_run (&missing, "export", "--format", "akn", no_work);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "\xe2\x80\x9cwork: /akn/nl/act/gm9999/2027/naam\xe2\x80\x9d"));
  g_assert_cmpuint (count_lines (missing.err), ==, 1);

  /* A structure STOP cannot hold; Akoma Ntoso can. */
  amend_run (&structure, "export", "--format", "stop", mixed);
  g_assert_cmpint (structure.status, ==, 1);
  g_assert_nonnull (strstr (structure.err, "line 14: Hoofdstuk 1 holds both Artikel 1 and Afdeling 1.1"));
  {
    g_auto(AmendTestRun) akn = { 0 };
    amend_run (&akn, "export", "--format", "akn", mixed);
    g_assert_cmpint (akn.status, ==, 0);
  }

  amend_run (&absent, "export", "--format", "akn", "/nonexistent/regeling.md");
  g_assert_cmpint (absent.status, ==, 3);
}

/* REV:FILE exports a version from the project's history. */
static void
test_export_revision (void)
{
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *project = tmp_path ("project");
  g_autofree char *file = g_build_filename (project, "apv.md", NULL);
  g_autofree char *text = amend_test_read_file (example, NULL);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AmendTestRun) init = { 0 };
  g_auto(AmendTestRun) head = { 0 };
  g_auto(AmendTestRun) work = { 0 };
  g_auto(AmendTestRun) missing = { 0 };

  g_assert_cmpint (g_mkdir (project, 0700), ==, 0);
  g_file_set_contents (file, text, -1, &error);
  g_assert_no_error (error);
  amend_run (&init, "init", "--author", "Test <test@example.org>", project);
  g_assert_cmpint (init.status, ==, 0);

  /* An unsaved change: the working file has it, HEAD does not. */
  changed = g_strconcat (text, "\nWijziging na de laatste versie.\n", NULL);
  g_file_set_contents (file, changed, -1, &error);
  g_assert_no_error (error);

  amend_run (&head, "export", "--format", "akn", "-C", project, "HEAD:apv.md");
  g_assert_cmpint (head.status, ==, 0);
  g_assert_nonnull (strstr (head.out, "<docTitle>Algemene Plaatselijke Verordening Lindewaarde 2027</docTitle>"));
  g_assert_null (strstr (head.out, "Wijziging na de laatste versie."));

  amend_run (&work, "export", "--format", "akn", file);
  g_assert_cmpint (work.status, ==, 0);
  g_assert_nonnull (strstr (work.out, "Wijziging na de laatste versie."));

  amend_run (&missing, "export", "--format", "akn", "-C", project, "HEAD~5:apv.md");
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "HEAD~5"));

  /* With -C the working file and -o count from the project, as REV:FILE
   * does; FILE was looked for where the command started. */
  {
    g_auto(AmendTestRun) here = { 0 };
    g_autofree char *out = g_build_filename (project, "apv.xml", NULL);

    amend_run (&here, "-C", project, "export", "--format", "akn", "-o", "apv.xml", "apv.md");
    g_assert_cmpint (here.status, ==, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    g_remove (out);
  }
}

/* An act built from sections: imported, its warnings with their lines. */
static void
test_import_sections (void)
{
  g_autofree char *path = amend_test_source_path ("tests/files/akn-bylaw-sections.xml");
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "import", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n### Artikel 2 Trading hours\n\n(1) No person may sell"));
  g_assert_nonnull (strstr (run.out, "\n(2A) A notice under subsection (2)"));
  g_assert_nonnull (strstr (run.err, "akn-bylaw-sections.xml:37: warning: Hoofdstuk Kwanza: "));
  g_assert_nonnull (strstr (run.err, "akn-bylaw-sections.xml:15: warning: the authority \xe2\x80\x9c" "council"));
}

static void
test_import (void)
{
  g_autofree char *stop = amend_test_shared_path ("corpus/stop/gemeentestad_initieel_besluit_RegelingCompact.xml");
  g_autofree char *change = amend_test_shared_path ("corpus/stop/testeiland_wijzigingsbesluit_VoegToe.xml");
  g_autofree char *out = tmp_path ("geonovum.md");
  g_auto(AmendTestRun) to_stdout = { 0 };
  g_auto(AmendTestRun) to_file = { 0 };
  g_auto(AmendTestRun) mutation = { 0 };
  g_auto(AmendTestRun) check = { 0 };
  g_autofree char *written = NULL;

  if (stop == NULL || change == NULL)
    return;

  amend_run (&to_stdout, "import", stop);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (g_str_has_prefix (to_stdout.out, "---\ntitle: Omgevingsplan Zaltbommel (met de nadruk op Zuilichem)\n"));
  /* Warnings: FILE:LINE: warning: ELEMENT: what, sorted by line. */
  g_assert_nonnull (strstr (to_stdout.err, "gemeentestad_initieel_besluit_RegelingCompact.xml:241: warning: IntIoRef: "));

  amend_run (&to_file, "import", "-o", out, stop);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  written = amend_test_read_file (out, NULL);
  g_assert_cmpstr (written, ==, to_stdout.out);

  /* What was written reads as canonical Markdown. */
  amend_run (&check, "fmt", "--check", out);
  g_assert_cmpint (check.status, ==, 0);

  amend_run (&mutation, "import", change);
  g_assert_cmpint (mutation.status, ==, 3);
  g_assert_cmpstr (mutation.out, ==, "");
  g_assert_nonnull (strstr (mutation.err, "not a regulation"));
  g_unlink (out);
}

/* The example through Akoma Ntoso and back is the same file. */
static void
test_round_trip (void)
{
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *xml = tmp_path ("rt.xml");
  g_autofree char *md = tmp_path ("rt.md");
  g_auto(AmendTestRun) export = { 0 };
  g_auto(AmendTestRun) import = { 0 };
  g_autofree char *original = amend_test_read_file (example, NULL);
  g_autofree char *back = NULL;

  amend_run (&export, "export", "--format", "akn", "-o", xml, example);
  g_assert_cmpint (export.status, ==, 0);
  amend_run (&import, "import", "-o", md, xml);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  back = amend_test_read_file (md, NULL);
  g_assert_cmpstr (back, ==, original);
  g_unlink (xml);
  g_unlink (md);
}

static void
test_validate (void)
{
  g_autofree char *schemas = amend_test_shared_path ("schemas");
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *xml = tmp_path ("valid.xml");
  g_autofree char *invalid = write_tmp ("invalid.xml",
                                        "<?xml version=\"1.0\"?>\n"
                                        "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\">\n"
                                        "  <RegelingOpschrift eId=\"longTitle\" wId=\"longTitle\"><Al>T</Al></RegelingOpschrift>\n"
                                        "  <Lichaam eId=\"body\" wId=\"body\">\n"
                                        "    <Artikel eId=\"art_1\">\n"
                                        "      <Kop><Label>Artikel</Label></Kop>\n"
                                        "      <Inhoud><Al>Tekst.</Al></Inhoud>\n"
                                        "    </Artikel>\n"
                                        "  </Lichaam>\n"
                                        "</RegelingCompact>\n");
  g_auto(AmendTestRun) without = { 0 };
  g_auto(AmendTestRun) valid = { 0 };
  g_auto(AmendTestRun) env = { 0 };
  g_auto(AmendTestRun) bad = { 0 };
  g_auto(AmendTestRun) cvdr = { 0 };

  if (schemas == NULL)
    return;

  /* The schemas are not shipped: without a folder, say where to give it. */
  amend_run (&without, "validate", invalid);
  g_assert_cmpint (without.status, ==, 2);
  g_assert_nonnull (strstr (without.err, "--schemas DIR or AMEND_SCHEMA_DIR"));

  {
    g_auto(AmendTestRun) export = { 0 };
    amend_run (&export, "export", "--format", "stop-besluit", "-o", xml, example);
    g_assert_cmpint (export.status, ==, 0);
  }
  amend_run (&valid, "validate", "--schemas", schemas, xml);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_nonnull (strstr (valid.out, "is valid"));

  amend_run_full (&env, schemas, "validate", xml, NULL);
  g_assert_cmpint (env.status, ==, 0);

  amend_run (&bad, "validate", "--schemas", schemas, invalid);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "invalid.xml:5: error: element Artikel: The attribute 'wId' is required but missing."));

  {
    g_autofree char *cvdr_path = write_tmp ("cvdr.xml", "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"/>");
    amend_run (&cvdr, "validate", "--schemas", schemas, cvdr_path);
    g_assert_cmpint (cvdr.status, ==, 3);
    g_assert_nonnull (strstr (cvdr.err, "which Amend has no schema for"));
    g_unlink (cvdr_path);
  }
  g_unlink (xml);
  g_unlink (invalid);
}

/* Hostile files: refused with one line on standard error, libxml2 silent,
 * and nothing of the file they name shows anywhere. */
static void
test_hostile (void)
{
  g_autofree char *secret = write_tmp ("secret.txt", "amend-cli-secret-4242");
  g_autofree char *schemas = amend_test_shared_path ("schemas");
  g_autofree char *entity_xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY s SYSTEM \"file://%s\">]>\n"
                                                 "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
                                                 "<act name=\"x\"><preamble><p>&s;</p></preamble></act></akomaNtoso>\n",
                                                 secret);
  g_autofree char *entity = write_tmp ("entity.xml", entity_xml);
  g_autofree char *broken = write_tmp ("broken.xml", "<RegelingCompact xmlns=\"https://standaarden.overheid.nl/stop/imop/tekst/\"><Lichaam></RegelingCompact>");
  const char *files[] = { entity, broken };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(AmendTestRun) import = { 0 };
      g_auto(AmendTestRun) validate = { 0 };

      amend_run (&import, "import", files[i]);
      g_assert_cmpint (import.status, ==, 3);
      g_assert_cmpstr (import.out, ==, "");
      g_assert_cmpuint (count_lines (import.err), ==, 1);
      g_assert_true (g_str_has_prefix (import.err, "amend: "));
      g_assert_null (strstr (import.err, "amend-cli-secret"));
      g_assert_null (strstr (import.err, "parser error"));

      if (schemas == NULL)
        continue;
      amend_run (&validate, "validate", "--schemas", schemas, files[i]);
      g_assert_cmpint (validate.status, ==, 3);
      g_assert_cmpuint (count_lines (validate.err), ==, 1);
      g_assert_null (strstr (validate.err, "amend-cli-secret"));
    }
  g_unlink (secret);
  g_unlink (entity);
  g_unlink (broken);
}

/* A refused import leaves -o as it was: the Markdown there is not replaced
 * by half a regulation, nor by nothing.  -o naming the XML file itself is
 * refused before anything is read (exit 2), the XML intact. */
static void
test_import_keeps_output (void)
{
  static const char before[] = "---\ntitle: Al bewerkt\n---\n\n# Artikel 1\n\nMijn werk.\n";
  static const char cvdr[] = "<cvdr xmlns=\"http://standaarden.overheid.nl/cvdr/terms/\"><body><regeling><regeling-tekst>"
                             "<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Caf\xc3\xa9</al></artikel>"
                             "</regeling-tekst></regeling></body></cvdr>\n";
  g_autofree char *out = write_tmp ("kept.md", before);
  g_autofree char *good = write_tmp ("good.xml", cvdr);
  g_autofree char *cut = g_strndup (cvdr, 90);
  GString *latin1 = g_string_new (cvdr);
  g_autofree char *dir = tmp_path ("map.xml");
  const char *bad[4];
  const char *said[] = { "the file is cut off", "probably in Latin-1", "NUL byte", "is a folder" };

  g_string_replace (latin1, "\xc3\xa9", "\xe9", 1);
  bad[0] = write_tmp ("cut.xml", cut);
  bad[1] = write_tmp ("latin1.xml", latin1->str);
  g_string_free (latin1, TRUE);
  {
    g_autofree char *path = tmp_path ("nul.xml");
    g_autoptr(GError) error = NULL;
    g_file_set_contents (path, "<cvdr>\0</cvdr>", 14, &error);
    g_assert_no_error (error);
    bad[2] = g_steal_pointer (&path);
  }
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  bad[3] = dir;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(AmendTestRun) run = { 0 };
      g_autofree char *now = NULL;

      amend_run (&run, "import", "-o", out, bad[i]);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, said[i]));
      now = amend_test_read_file (out, NULL);
      g_assert_cmpstr (now, ==, before);
    }
  {
    g_auto(AmendTestRun) run = { 0 };
    g_autofree char *now = NULL;

    amend_run (&run, "import", "-o", good, good);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "which the Markdown would overwrite"));
    now = amend_test_read_file (good, NULL);
    g_assert_cmpstr (now, ==, cvdr);
  }
  for (guint i = 0; i < 3; i++)
    g_unlink (bad[i]);
  g_free ((char *) bad[0]);
  g_free ((char *) bad[1]);
  g_free ((char *) bad[2]);
  g_rmdir (dir);
  g_unlink (good);
  g_unlink (out);
}

/* amend check says what the XML export needs, in the words the export
 * refuses with, and is silent exactly when the export has what it needs. */
#define NEEDS_BODY "\n# Artikel 1\n\nDe verordening geldt in de gemeente.\n"

static void
check_says_export_refusal (const char *path,
                           const char *key)
{
  g_auto(AmendTestRun) check = { 0 };
  g_auto(AmendTestRun) export = { 0 };
  g_autofree char *said = NULL;
  g_autofree char *sentence = NULL;

  amend_run (&check, "check", path);
  g_assert_cmpint (check.status, ==, 0);
  amend_run (&export, "export", "--format", "stop", path);
  g_assert_cmpint (export.status, ==, 1);
  /* "amend: FILE: SENTENCE": the export's sentence is one of check's warnings. */
  g_assert_nonnull (strstr (export.err, ": the front matter"));
  sentence = g_strstrip (g_strdup (strstr (export.err, ": the front matter")));
  said = g_strdup_printf ("%s: warning%s\n", path, sentence);
  g_assert_nonnull (strstr (check.out, said));
  g_assert_nonnull (strstr (check.out, key));
}

static void
test_check_export_needs (void)
{
  g_autofree char *bare = write_tmp ("needs-bare.md", "---\ntitle: Verordening\ndate: 2027-01-01\n---\n" NEEDS_BODY);
  g_autofree char *bad = write_tmp ("needs-bad.md", "---\ntitle: Verordening\nauthority: Lindewaarde\n"
                                    "work: /akn/nl/act/gm0363/2027/apv\ndate: 2027-01-01\n---\n" NEEDS_BODY);
  g_autofree char *full = write_tmp ("needs-full.md", "---\ntitle: Verordening\nauthority: gm0363\n"
                                     "work: /akn/nl/act/gm0363/2027/apv\ndate: 2027-01-01\n---\n" NEEDS_BODY);
  g_autofree char *none = write_tmp ("needs-none.md", NEEDS_BODY);
  g_autofree char *out = tmp_path ("needs-full.xml");
  g_auto(AmendTestRun) run = { 0 };

  /* Two keys missing: each named with the line to add, as warnings (exit 0). */
  amend_run (&run, "check", bare);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (g_strstrip (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }
  g_assert_nonnull (strstr (run.out, "warning: the front matter has no \xe2\x80\x9c" "authority\xe2\x80\x9d, which the XML export "
                                     "needs: add \xe2\x80\x9c" "authority: gm9999\xe2\x80\x9d between the --- lines at the top"));
  g_assert_nonnull (strstr (run.out, "add \xe2\x80\x9cwork: /akn/nl/act/gm9999/2027/naam\xe2\x80\x9d"));
  amend_test_run_clear (&run);
  check_says_export_refusal (bare, "authority");

  /* Nothing at all: all four. */
  amend_run (&run, "check", none);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9ctitle: "));
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9c" "authority: "));
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9cwork: "));
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9c" "date: 2027-01-01\xe2\x80\x9d"));
  amend_test_run_clear (&run);

  /* A key with a value the export refuses: the same sentence. */
  check_says_export_refusal (bad, "Lindewaarde");

  /* All there: check says nothing, and the export writes. */
  amend_run (&run, "check", full);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  amend_test_run_clear (&run);
  amend_run (&run, "export", "--format", "stop", "-o", out, full);
  g_assert_cmpint (run.status, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-xml/export/formats", test_export_formats);
  g_test_add_func ("/cli-xml/export/errors", test_export_errors);
  g_test_add_func ("/cli-xml/check/export-needs", test_check_export_needs);
  g_test_add_func ("/cli-xml/export/revision", test_export_revision);
  g_test_add_func ("/cli-xml/import", test_import);
  g_test_add_func ("/cli-xml/import-sections", test_import_sections);
  g_test_add_func ("/cli-xml/round-trip", test_round_trip);
  g_test_add_func ("/cli-xml/validate", test_validate);
  g_test_add_func ("/cli-xml/hostile", test_hostile);
  g_test_add_func ("/cli-xml/import/keeps-output", test_import_keeps_output);

  status = g_test_run ();
  if (tmp_dir)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
      amend_test_remove_tree (dir);
    }
  return status;
}
