/* test-cli-xml-change.c: amend export --format stop-wijziging and
 * akn-amendment, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two files, and versions in a project as amend diff takes them: two
 * revisions, REV:FILE, and an amendment alone (what it changed since it
 * branched off).  What is written is validated with `amend validate`
 * against the schemas of ../shared/schemas/ when they are there.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-repository.h"
#include "amend-test-cli.h"
#include "amend-test-util.h"

#define AUTHOR "Test Tester <test@example.org>"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  if (tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;
      tmp_dir = g_dir_make_tmp ("amend-cli-xml-change-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (tmp_dir, name, NULL);
}

/* Runs `amend ARGS...` with a home of its own, so that no git
 * configuration of the person running the tests counts. */
static void
amend_run_full (AmendTestRun *run,
                const char   *first,
                ...)
{
  g_autofree char *home = tmp_path ("home");
  g_autofree char *home_env = g_strconcat ("HOME=", home, NULL);
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", home, NULL);
  const char *env[] = { home_env, config_env, "AMEND_SCHEMA_DIR", NULL };
  AmendTestRunOptions options = { .env = env };
  va_list args;

  g_mkdir_with_parents (home, 0700);
  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, ...) amend_run_full (run, __VA_ARGS__, NULL)

static void
assert_ok (AmendTestRun *run)
{
  if (run->status != 0)
    g_error ("amend exited with %d: %s", run->status, run->err);
}

/* The example with another date and @from replaced by @to. */
static char *
edited_example (const char *from,
                const char *to)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (path, NULL);
  GString *s = g_string_new (text);

  g_assert_cmpuint (g_string_replace (s, "nld@2027-01-01", "nld@2027-07-01", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, "date: 2027-01-01", "date: 2027-07-01", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  return g_string_free (s, FALSE);
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* `amend validate` with the shared schemas; nothing without them. */
static void
assert_validates (const char *file)
{
  g_autofree char *schemas = amend_test_shared_path ("schemas");
  g_auto(AmendTestRun) run = { 0 };

  if (schemas == NULL)
    return;
  amend_run (&run, "validate", "--schemas", schemas, file);
  if (run.status != 0)
    g_error ("%s is not valid: %s%s", file, run.out, run.err);
}

/* Two files: STOP to standard output, Akoma Ntoso to a file. */
static void
test_files (void)
{
  g_autofree char *old_path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *new_text = edited_example ("binnen acht weken na de datum", "binnen zes weken na de datum");
  g_autofree char *new_path = write_file ("nieuw.md", new_text);
  g_autofree char *stop_path = tmp_path ("wijziging.xml");
  g_autofree char *akn_path = tmp_path ("amendment.xml");
  g_autofree char *written = NULL;
  g_auto(AmendTestRun) stop = { 0 };
  g_auto(AmendTestRun) akn = { 0 };

  amend_run (&stop, "export", "--format", "stop-wijziging", old_path, new_path);
  assert_ok (&stop);
  g_assert_cmpstr (stop.err, ==, "");
  g_assert_true (g_str_has_prefix (stop.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BesluitCompact "));
  g_assert_nonnull (strstr (stop.out, "<RegelingMutatie componentnaam=\"wijziging_reg\" "
                                      "was=\"/akn/nl/act/gm9999/2027/apv/nld@2027-01-01\" "
                                      "wordt=\"/akn/nl/act/gm9999/2027/apv/nld@2027-07-01\">"));
  g_assert_nonnull (strstr (stop.out, "<Vervang wat=\"gm9999_1__chp_1__art_1.2\">"));
  g_assert_nonnull (strstr (stop.out, "binnen<VerwijderdeTekst> acht</VerwijderdeTekst><NieuweTekst> zes</NieuweTekst> weken"));
  g_file_set_contents (stop_path, stop.out, -1, NULL);
  assert_validates (stop_path);

  amend_run (&akn, "export", "-f", "akn-amendment", "-o", akn_path, old_path, new_path);
  assert_ok (&akn);
  g_assert_cmpstr (akn.out, ==, "");
  written = amend_test_read_file (akn_path, NULL);
  g_assert_nonnull (strstr (written, "<amendment name=\"wijziging\">"));
  g_assert_nonnull (strstr (written, "<textualMod eId=\"tmod_A\" type=\"substitution\">"));
  g_assert_nonnull (strstr (written, "binnen<del> acht</del><ins> zes</ins> weken"));
  assert_validates (akn_path);
}

/* Versions in a project: revisions, REV:FILE, and an amendment alone. */
static void
test_project (void)
{
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *project = tmp_path ("project");
  g_autofree char *file = g_build_filename (project, "apv.md", NULL);
  g_autofree char *text = amend_test_read_file (example, NULL);
  g_autofree char *changed = edited_example ("### Artikel 2:2 Verspreiden",
                                             "### Artikel 2:1a Samenscholingsverbod\n\nVerboden.\n\n"
                                             "### Artikel 2:2 Verspreiden");
  g_autofree char *out = tmp_path ("amendement.xml");
  g_autoptr(GError) error = NULL;
  g_auto(AmendTestRun) run = { 0 };

  g_assert_cmpint (g_mkdir (project, 0700), ==, 0);
  g_file_set_contents (file, text, -1, &error);
  g_assert_no_error (error);
  amend_run (&run, "init", "--author", AUTHOR, project);
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "propose", "Samenscholingsverbod", "--by", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);
  g_file_set_contents (file, changed, -1, &error);
  g_assert_no_error (error);
  amend_run (&run, "-C", project, "save", "-m", "Artikel 2:1a", "--author", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);

  /* The amendment alone: what it changed since it branched off. */
  amend_run (&run, "export", "--format", "stop-wijziging", "-C", project, "-o", out, "samenscholingsverbod");
  assert_ok (&run);
  {
    g_autofree char *written = amend_test_read_file (out, NULL);

    g_assert_nonnull (strstr (written, "<VoegToe context=\"gm9999_1__chp_2__subchp_2.1__art_2.1\" positie=\"volgtOp\">"));
    g_assert_nonnull (strstr (written, "<Wat>Na artikel 2:1 wordt een artikel ingevoegd, luidende:</Wat>"));
    assert_validates (out);
  }
  amend_test_run_clear (&run);

  /* Two revisions, and REV:FILE. */
  amend_run (&run, "export", "--format", "akn-amendment", "-C", project, "main", "amendement/samenscholingsverbod");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "<textualMod eId=\"tmod_A\" type=\"insertion\">"));
  amend_test_run_clear (&run);
  amend_run (&run, "export", "--format", "stop-wijziging", "-C", project, "main:apv.md", "HEAD:apv.md");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "<VoegToe "));
  amend_test_run_clear (&run);

  /* The same version twice. */
  amend_run (&run, "export", "--format", "stop-wijziging", "-C", project, "main", "main");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "nothing changed between the two versions"));
  amend_test_run_clear (&run);

  /* An amendment that does not exist. */
  amend_run (&run, "export", "--format", "stop-wijziging", "-C", project, "main", "geen-amendement");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "geen-amendement"));

  {
    g_autoptr(GFile) dir = g_file_new_for_path (project);
    amend_test_remove_tree (dir);
  }
}

static void
test_errors (void)
{
  g_autofree char *old_path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (old_path, NULL);
  g_autofree char *same_date = NULL;
  g_autofree char *same_date_path = NULL;
  g_autofree char *new_text = edited_example ("binnen acht weken", "binnen zes weken");
  g_autofree char *new_path = write_file ("nieuw2.md", new_text);
  g_autofree char *front_text = edited_example ("citation: APV Lindewaarde 2027", "citation: APV 2027");
  g_autofree char *front_path = write_file ("voorblad.md", front_text);
  g_auto(AmendTestRun) run = { 0 };
  GString *s = g_string_new (text);

  g_string_replace (s, "binnen acht weken", "binnen zes weken", 1);
  same_date = g_string_free (s, FALSE);
  same_date_path = write_file ("zelfde-datum.md", same_date);

  /* No versions: a usage error. */
  amend_run (&run, "export", "--format", "stop-wijziging");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "give the old and the new version"));
  amend_test_run_clear (&run);
  amend_run (&run, "export", "--format", "akn-amendment", old_path, new_path, new_path);
  g_assert_cmpint (run.status, ==, 2);
  amend_test_run_clear (&run);

  /* Nothing changed. */
  amend_run (&run, "export", "--format", "stop-wijziging", old_path, old_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "nothing changed between the two versions"));
  amend_test_run_clear (&run);

  /* Only the front matter. */
  amend_run (&run, "export", "--format", "akn-amendment", old_path, front_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "nothing changed in the articles"));
  amend_test_run_clear (&run);

  /* A new version without its own date. */
  amend_run (&run, "export", "--format", "stop-wijziging", old_path, same_date_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "give the new version its own \xe2\x80\x9c" "date\xe2\x80\x9d"));
  amend_test_run_clear (&run);

  /* The old and new version the wrong way round is still a change. */
  amend_run (&run, "export", "--format", "stop-wijziging", new_path, old_path);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "binnen<VerwijderdeTekst> zes</VerwijderdeTekst><NieuweTekst> acht</NieuweTekst>"));
}

/* The keys a delivery to the LVBB needs beyond the example's. */
static char *
delivery_example (const char *text,
                  gboolean    with_decided)
{
  GString *s = g_string_new (text);
  const char *date = strstr (text, "date: 2027-07-01") ? "date: 2027-07-01\n" : "date: 2027-01-01\n";
  g_autofree char *with = g_strdup_printf ("%s%ssubjects: /tooi/def/concept/c_9d1917e9\n"
                                           "regulation-kind: /join/id/stop/regelingtype_003\n", date,
                                           with_decided ? "decided: 2026-12-10\n" : "");

  g_assert_cmpuint (g_string_replace (s, date, with, 1), ==, 1);
  return g_string_free (s, FALSE);
}

/* amend export --format lvbb and lvbb-wijziging: a delivery, valid; the
 * day of the decision from the record of the adopted amendment. */
static void
test_lvbb (void)
{
  g_autofree char *example = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autofree char *text = amend_test_read_file (example, NULL);
  g_autofree char *with_keys = delivery_example (text, TRUE);
  g_autofree char *old_path = write_file ("lvbb-old.md", with_keys);
  g_autofree char *out = tmp_path ("levering.xml");
  g_autofree char *project = tmp_path ("lvbb-project");
  g_autofree char *file = g_build_filename (project, "apv.md", NULL);
  g_autofree char *without_keys = delivery_example (text, FALSE);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, "export", "--format", "lvbb", "-o", out, old_path);
  assert_ok (&run);
  assert_validates (out);
  {
    g_autofree char *written = amend_test_read_file (out, NULL);
    g_assert_nonnull (strstr (written, "<AanleveringBesluit xmlns=\"https://standaarden.overheid.nl/lvbb/stop/aanlevering/\""));
  }
  amend_test_run_clear (&run);

  /* A key missing: named, with a line to add, exit status 1. */
  amend_run (&run, "export", "--format", "lvbb", example);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "\xe2\x80\x9c" "decided: 2027-01-01\xe2\x80\x9d"));
  amend_test_run_clear (&run);

  /* An amendment the council adopted: its record gives the day. */
  g_assert_cmpint (g_mkdir (project, 0700), ==, 0);
  g_file_set_contents (file, without_keys, -1, &error);
  g_assert_no_error (error);
  amend_run (&run, "init", "--author", AUTHOR, project);
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "propose", "Kortere termijn", "--by", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);
  {
    GString *s = g_string_new (without_keys);
    g_string_replace (s, "nld@2027-01-01", "nld@2027-07-01", 1);
    g_string_replace (s, "date: 2027-01-01", "date: 2027-07-01", 1);
    g_string_replace (s, "binnen acht weken na de datum", "binnen zes weken na de datum", 1);
    changed = g_string_free (s, FALSE);
  }
  g_file_set_contents (file, changed, -1, &error);
  g_assert_no_error (error);
  amend_run (&run, "-C", project, "save", "-m", "Zes weken", "--author", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);

  /* Not adopted: no day of decision. */
  amend_run (&run, "export", "--format", "lvbb-wijziging", "-C", project, "kortere-termijn");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "decided"));
  amend_test_run_clear (&run);

  amend_run (&run, "-C", project, "submit", "kortere-termijn");
  assert_ok (&run);
  amend_test_run_clear (&run);
  {
    g_autoptr(AmendRepository) repo = amend_repository_open (project, &error);
    g_autoptr(AmendAmendment) adopted = NULL;

    g_assert_no_error (error);
    adopted = amend_amendment_change_status (repo, "kortere-termijn", AMEND_STATUS_ADOPTED, &error);
    g_assert_no_error (error);
  }
  amend_run (&run, "export", "--format", "lvbb-wijziging", "-C", project, "-o", out, "kortere-termijn");
  assert_ok (&run);
  assert_validates (out);
  {
    g_autofree char *written = amend_test_read_file (out, NULL);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "<voltooidOp>%Y-%m-%d</voltooidOp>");

    g_assert_nonnull (strstr (written, "<FRBRWork>/akn/nl/bill/gm9999/"));
    g_assert_nonnull (strstr (written, today));
  }
  amend_test_run_clear (&run);

  /* Voted on a day before the record was written: the day of the vote is
   * the day of the decision, not the day the record changed. */
  amend_run (&run, "-C", project, "switch", "main");
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "propose", "Langere termijn", "--by", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);
  {
    GString *s = g_string_new (without_keys);
    g_string_replace (s, "nld@2027-01-01", "nld@2027-08-01", 1);
    g_string_replace (s, "date: 2027-01-01", "date: 2027-08-01", 1);
    g_string_replace (s, "binnen acht weken na de datum", "binnen tien weken na de datum", 1);
    g_free (changed);
    changed = g_string_free (s, FALSE);
  }
  g_file_set_contents (file, changed, -1, &error);
  g_assert_no_error (error);
  amend_run (&run, "-C", project, "save", "-m", "Tien weken", "--author", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "submit", "langere-termijn");
  assert_ok (&run);
  amend_test_run_clear (&run);
  {
    /* The merge of an adoption is made by whoever runs amend. */
    g_autofree char *home = tmp_path ("home");
    g_autofree char *gitconfig = g_build_filename (home, ".gitconfig", NULL);

    g_file_set_contents (gitconfig, "[user]\n\tname = Griffie Lindewaarde\n\temail = griffie@lindewaarde.example\n", -1,
                         &error);
    g_assert_no_error (error);
  }
  amend_run (&run, "-C", project, "vote", "langere-termijn", "--for", "20", "--against", "5", "--date", "2026-11-19");
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "export", "--format", "lvbb-wijziging", "-C", project, "-o", out, "langere-termijn");
  assert_ok (&run);
  assert_validates (out);
  {
    g_autofree char *written = amend_test_read_file (out, NULL);

    g_assert_nonnull (strstr (written, "<voltooidOp>2026-11-19</voltooidOp>"));
    g_assert_nonnull (strstr (written, "<FRBRWork>/akn/nl/bill/gm9999/2026/"));
  }
  amend_test_run_clear (&run);

  /* Adopted without a date of its own: the branch takes no new version,
   * so the export says how to give the date in a copy, and that works. */
  amend_run (&run, "-C", project, "switch", "main");
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "propose", "Twaalf weken", "--by", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);
  {
    g_autofree char *now_text = amend_test_read_file (file, NULL);
    GString *s = g_string_new (now_text);

    g_string_replace (s, "binnen tien weken na de datum", "binnen twaalf weken na de datum", 1);
    g_file_set_contents (file, s->str, -1, &error);
    g_assert_no_error (error);
    g_string_free (s, TRUE);
  }
  amend_run (&run, "-C", project, "save", "-m", "Twaalf weken", "--author", AUTHOR);
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "submit", "twaalf-weken");
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "-C", project, "vote", "twaalf-weken", "--for", "20", "--against", "5", "--date", "2026-11-20");
  assert_ok (&run);
  amend_test_run_clear (&run);
  amend_run (&run, "export", "--format", "lvbb-wijziging", "-C", project, "twaalf-weken");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "amend show amendement/twaalf-weken:apv.md > new.md"));
  g_assert_nonnull (strstr (run.err, "\xe2\x80\x9c" "decided: 2026-11-20\xe2\x80\x9d"));
  {
    const char *cmd = strstr (run.err, "amend export --format lvbb-wijziging ");
    g_autofree char *old_spec = NULL;
    g_autofree char *copy = g_build_filename (project, "new.md", NULL);
    g_auto(AmendTestRun) show = { 0 };
    g_auto(AmendTestRun) again = { 0 };
    GString *s;

    g_assert_nonnull (cmd);
    cmd += strlen ("amend export --format lvbb-wijziging ");
    old_spec = g_strndup (cmd, strcspn (cmd, " "));
    amend_run (&show, "-C", project, "show", "amendement/twaalf-weken:apv.md");
    assert_ok (&show);
    s = g_string_new (show.out);
    g_string_replace (s, "date: 2027-08-01", "date: 2027-09-01\ndecided: 2026-11-20", 1);
    g_string_replace (s, "nld@2027-08-01", "nld@2027-09-01", 1);
    g_file_set_contents (copy, s->str, -1, &error);
    g_assert_no_error (error);
    g_string_free (s, TRUE);
    amend_run (&again, "-C", project, "export", "--format", "lvbb-wijziging", "-o", out, old_spec, "new.md");
    assert_ok (&again);
    assert_validates (out);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-xml-change/files", test_files);
  g_test_add_func ("/cli-xml-change/project", test_project);
  g_test_add_func ("/cli-xml-change/errors", test_errors);
  g_test_add_func ("/cli-xml-change/lvbb", test_lvbb);
  status = g_test_run ();
  if (tmp_dir)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
      amend_test_remove_tree (dir);
      g_free (tmp_dir);
    }
  return status;
}
