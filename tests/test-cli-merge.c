/* test-cli-merge.c: deciding on amendments, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vote, adopt, reject, conflicts, resolve, update, collisions, order,
 * propose --on and list on real repositories in temporary folders, with
 * the git program as the reference: git fsck --strict after every
 * scenario, git log --merges for the adoptions, git status for the
 * working copy.  An adoption killed (SIGKILL) at every step it has, and at
 * random moments, is finished by --continue and undone by --abort.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "amend-document.h"
#include "amend-test-cli.h"
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
  "## Artikel 4 Intrekking\n" \
  "\n" \
  "De vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n"

static void
amend_run_env (AmendTestRun       *run,
               const char         *cwd,
               const char * const *env,
               const char         *first,
               ...)
{
  AmendTestRunOptions options = { .cwd = cwd, .env = env, .binary = TRUE };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, cwd, ...) amend_run_env (run, cwd, NULL, __VA_ARGS__, NULL)

static void
assert_ok (AmendTestRun *run)
{
  if (run->status != 0)
    g_error ("amend failed with %d: %s%s", run->status, run->out, run->err);
}

static void
assert_refused (AmendTestRun *run,
                int           status,
                const char   *needle)
{
  if (run->status != status)
    g_error ("amend exited with %d, not %d: %s%s", run->status, status, run->out, run->err);
  if (needle && strstr (run->err, needle) == NULL)
    g_error ("\"%s\" is not in: %s", needle, run->err);
  g_assert_true (g_str_has_prefix (run->err, "amend: "));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
replace_in_file (const char *dir,
                 const char *file,
                 const char *from,
                 const char *to)
{
  g_autofree char *text = amend_test_read (dir, file);
  g_auto(GStrv) parts = g_strsplit (text, from, 2);
  g_autofree char *joined = NULL;

  if (g_strv_length (parts) != 2)
    g_error ("\"%s\" is not in %s", from, file);
  joined = g_strjoinv (to, parts);
  amend_test_write (dir, file, joined);
}

/* A project whose main holds @base as regeling.md. */
static char *
new_project (const char *base)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-merge");
  char *dir = g_build_filename (parent, "project", NULL);

  amend_run (&run, parent, "init", "project");
  assert_ok (&run);
  amend_test_write (dir, "regeling.md", base);
  amend_run (&run, dir, "save", "-m", "De verordening");
  assert_ok (&run);
  return dir;
}

static void
remove_project (const char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  amend_test_fsck (dir);
  amend_test_rmtree (parent);
}

/* An amendment from main (or @on) changing @from into @to, submitted or
 * not; the working copy goes back to main. */
static void
make_amendment (const char *dir,
                const char *title,
                const char *on,
                const char *from,
                const char *to,
                gboolean    submit)
{
  g_auto(AmendTestRun) run = { 0 };

  if (on)
    amend_run (&run, dir, "propose", "--on", on, title);
  else
    amend_run (&run, dir, "propose", title);
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", from, to);
  amend_run (&run, dir, "save", "-m", title);
  assert_ok (&run);
  if (submit)
    {
      amend_run (&run, dir, "submit");
      assert_ok (&run);
    }
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Everything an adoption may touch, as text: refs, HEAD, the index, the
 * working copy's files byte for byte, and what git status says. */
static char *
snapshot (const char *dir)
{
  GString *s = g_string_new (NULL);
  g_autofree char *refs = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname) %(objectname)", NULL);
  g_autofree char *head = amend_test_git_ok (dir, "symbolic-ref", "HEAD", NULL);
  g_autofree char *index = amend_test_git_ok (dir, "ls-files", "-s", NULL);
  g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", "--untracked-files=all", NULL);
  g_auto(GStrv) files = NULL;
  g_autofree char *listing = amend_test_git_ok (dir, "ls-files", NULL);

  g_string_append_printf (s, "refs:\n%shead: %sindex:\n%sstatus:\n%s", refs, head, index, status);
  files = g_strsplit (listing, "\n", -1);
  for (guint i = 0; files[i] && files[i][0]; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *data = NULL;

      if (g_file_get_contents (path, &data, NULL, NULL))
        g_string_append_printf (s, "== %s\n%s", files[i], data);
      else
        g_string_append_printf (s, "== %s (missing)\n", files[i]);
    }
  {
    g_autofree char *pending = g_build_filename (dir, ".git", "amend", "merge", "state.ini", NULL);
    g_string_append_printf (s, "pending: %s\n", g_file_test (pending, G_FILE_TEST_EXISTS) ? "yes" : "no");
  }
  return g_string_free (s, FALSE);
}

static gboolean
pending (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, ".git", "amend", "merge", "state.ini", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* ----------------------------------------------------------------------- */

static void
test_vote_adopted (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *merges = NULL;
  g_autofree char *parents = NULL;
  g_autofree char *record = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *a, *vote;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Vier weken verdagen", NULL, "ten hoogste acht weken", "ten hoogste vier weken", TRUE);

  amend_run (&run, dir, "vote", "zes-weken", "--for", "15", "--against", "12", "--date", "2027-03-14",
             "--meeting", "Raadsvergadering 14 maart 2027");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "is adopted (15 for, 12 against) and merged into main as "));

  /* A real merge with two parents, named after the amendment and the vote. */
  merges = amend_test_git_ok (dir, "log", "--merges", "--format=%s%n%b", NULL);
  g_assert_nonnull (strstr (merges, "Merge adopted amendment zes-weken into main: Zes weken"));
  g_assert_nonnull (strstr (merges, "Vote of 2027-03-14: 15 for, 12 against."));
  g_assert_nonnull (strstr (merges, "Raadsvergadering 14 maart 2027"));
  parents = amend_test_git_ok (dir, "log", "-1", "--format=%P", "main", NULL);
  g_assert_cmpuint (strlen (g_strstrip (parents)), ==, 81);
  /* The record, with the vote, in main: the archive. */
  record = amend_test_git_ok (dir, "show", "main:.amend/amendementen/zes-weken/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "status=aangenomen"));
  g_assert_nonnull (strstr (record, "[vote]"));
  g_assert_nonnull (strstr (record, "for=15"));
  g_assert_nonnull (strstr (record, "against=12"));
  g_assert_nonnull (strstr (record, "result=aangenomen"));
  g_assert_nonnull (strstr (record, "date=2027-03-14"));
  /* The working copy is on main and follows; git sees nothing to do. */
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "binnen zes weken"));
  g_free (amend_test_git_ok (dir, "diff", "--exit-code", "HEAD", NULL));

  /* The second, on the neighbouring line, merges too (git merge-file would
   * conflict), by acclamation. */
  amend_run (&run, dir, "adopt", "vier-weken-verdagen", "--date", "2027-03-15");
  assert_ok (&run);
  g_free (text);
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "binnen zes weken"));
  g_assert_nonnull (strstr (text, "ten hoogste vier weken"));
  /* The file is the merged blob byte for byte: it is written from the
   * merge's bytes, not from the blob read back, and git's stat test
   * would not look at it. */
  shown = amend_test_git_ok (dir, "show", "HEAD:regeling.md", NULL);
  g_assert_cmpstr (text, ==, shown);
  g_free (merges);
  merges = amend_test_git_ok (dir, "log", "--merges", "--format=%s", NULL);
  g_assert_cmpstr (merges, ==, "Merge adopted amendment vier-weken-verdagen into main: Vier weken verdagen\n"
                               "Merge adopted amendment zes-weken into main: Zes weken\n");

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  a = json_array_get_object_element (json_node_get_array (json), 1);
  g_assert_cmpstr (json_object_get_string_member (a, "slug"), ==, "zes-weken");
  g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, "aangenomen");
  vote = json_object_get_object_member (a, "vote");
  g_assert_cmpint (json_object_get_int_member (vote, "for"), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (vote, "meeting"), ==, "Raadsvergadering 14 maart 2027");
  a = json_array_get_object_element (json_node_get_array (json), 0);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (a, "vote"), "for"));

  /* Decided is final, and so is its text: a change on its branch (which
   * git lets anyone switch to) is not saved. */
  amend_run (&run, dir, "reject", "zes-weken");
  assert_refused (&run, 4, "aangenomen");
  amend_run (&run, dir, "switch", "zes-weken");
  assert_ok (&run);
  g_clear_pointer (&parents, g_free);
  parents = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);
  replace_in_file (dir, "regeling.md", "binnen zes weken", "binnen vijf weken");
  amend_run (&run, dir, "save", "-m", "Toch vijf");
  assert_refused (&run, 4, "the amendment \xe2\x80\x9czes-weken\xe2\x80\x9d is aangenomen, so a change saved on its "
                           "branch would reach neither the council nor the draft");
  {
    g_autofree char *head = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);

    g_assert_cmpstr (head, ==, parents);
  }
  remove_project (dir);
}

static void
test_vote_tie_rejects (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *record = NULL;
  g_autofree char *subject = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  before = amend_test_git_ok (dir, "rev-parse", "main", NULL);

  /* Counts are decimal as written down: 012 is twelve, not octal ten. */
  amend_run (&run, dir, "vote", "zes-weken", "--for", "012", "--against", "12");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "is rejected (12 for, 12 against)"));
  after = amend_test_git_ok (dir, "rev-parse", "main", NULL);
  g_assert_cmpstr (before, ==, after);
  /* The branch stays, with the decision committed on it. */
  record = amend_test_git_ok (dir, "show", "amendement/zes-weken:.amend/amendementen/zes-weken/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "status=verworpen"));
  g_assert_nonnull (strstr (record, "result=verworpen"));
  subject = amend_test_git_ok (dir, "log", "-1", "--format=%s", "amendement/zes-weken", NULL);
  g_assert_cmpstr (subject, ==, "Reject amendment: Zes weken\n");
  remove_project (dir);
}

/* Files beside the regulation that both sides changed merge as lines
 * (different lines: clean), and a binary file is a conflict of kind file
 * that --theirs decides.  Under ASan the merges of these files (adopt,
 * conflicts, resolve, --continue each make it again) must not leak. */
static void
test_other_files (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *data = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  amend_test_write (dir, "notities.txt", "een\ntwee\ndrie\nvier\nvijf\n");
  amend_test_write (dir, "data.bin", "basis\001\002");
  g_free (amend_test_git_ok (dir, "add", "notities.txt", "data.bin", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Notities", NULL));
  amend_run (&run, dir, "propose", "Zes weken");
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", "binnen acht weken", "binnen zes weken");
  replace_in_file (dir, "notities.txt", "een\n", "EEN\n");
  amend_test_write (dir, "data.bin", "amendement\001\003");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Zes weken", NULL));
  amend_run (&run, dir, "submit");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  replace_in_file (dir, "notities.txt", "vijf\n", "VIJF\n");
  amend_test_write (dir, "data.bin", "main\001\004");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Main", NULL));

  amend_run (&run, dir, "adopt", "zes-weken");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "data.bin  (data.bin: file)"));
  g_assert_null (strstr (run.out, "notities.txt"));
  amend_run (&run, dir, "conflicts", "--json");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"kind\" : \"file\""));
  g_assert_nonnull (strstr (run.out, "\"theirs\" : \"amendement\\u0001\\u0003\""));
  amend_run (&run, dir, "resolve", "data.bin", "--theirs");
  assert_ok (&run);
  amend_run (&run, dir, "adopt", "--continue");
  assert_ok (&run);
  notes = amend_test_git_ok (dir, "show", "main:notities.txt", NULL);
  g_assert_cmpstr (notes, ==, "EEN\ntwee\ndrie\nvier\nVIJF\n");
  data = amend_test_read (dir, "data.bin");
  g_assert_cmpstr (data, ==, "amendement\001\003");
  remove_project (dir);
}

/* An amendment changes the regulation and its own folder.  One that,
 * edited with git, deletes the comments on the draft and the archive of
 * an earlier adoption is refused before anything is written; put back,
 * it is adopted and the archive stays.  A subamendment of a subamendment
 * adopted into its amendment brings its folder along, which counts as
 * the amendment's own. */
static void
test_foreign_files (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = NULL;
  g_autofree char *files = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  amend_run (&run, dir, "comment", "add", "main", "-m", "Graag korter.");
  assert_ok (&run);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  base = amend_test_git_ok (dir, "rev-parse", "--short=7", "main", NULL);
  g_strstrip (base);
  make_amendment (dir, "Sluw", NULL, "## Artikel 3 Vergunning", "## Artikel 3 Toestemming", TRUE);
  g_free (amend_test_git_ok (dir, "switch", "-q", "amendement/sluw", NULL));
  g_free (amend_test_git_ok (dir, "rm", "-rq", ".amend/amendementen/zes-weken", ".amend/opmerkingen", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Opruimen", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  before = snapshot (dir);

  amend_run (&run, dir, "vote", "sluw", "--for", "9", "--against", "3");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, "changes files in .amend that are not its own (.amend/amendementen/zes-weken/"));
  g_assert_nonnull (strstr (run.err, "3 in all"));
  g_assert_nonnull (strstr (run.err, base));
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  /* The list says so before anyone votes: found, then from its cache. */
  for (guint i = 0; i < 2; i++)
    {
      amend_run (&run, dir, "list");
      assert_ok (&run);
      g_assert_nonnull (strstr (run.out, "refused: changes .amend/amendementen/zes-weken/amendement.ini and 2 more files"));
    }
  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"merge\" : \"refused\",\n    \"conflicts\" : [],\n    \"foreign_files\" : [\n"
                                     "      \".amend/amendementen/zes-weken/amendement.ini\","));

  /* As the sentence says. */
  g_free (amend_test_git_ok (dir, "switch", "-q", "amendement/sluw", NULL));
  g_free (amend_test_git_ok (dir, "restore", "--source", base, "--staged", "--worktree", "--",
                             ".amend/amendementen/zes-weken", ".amend/opmerkingen", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Terug", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_null (strstr (run.out, "refused"));
  amend_run (&run, dir, "vote", "sluw", "--for", "9", "--against", "3");
  assert_ok (&run);
  files = amend_test_git_ok (dir, "ls-tree", "-r", "--name-only", "main", ".amend", NULL);
  g_assert_nonnull (strstr (files, ".amend/amendementen/zes-weken/amendement.ini\n"));
  g_assert_nonnull (strstr (files, ".amend/amendementen/sluw/amendement.ini\n"));
  g_assert_nonnull (strstr (files, ".amend/opmerkingen/"));

  /* c amends b amends a: each adopted into the next, then a into main. */
  make_amendment (dir, "A", NULL, "## Artikel 4 Intrekking", "## Artikel 4 Intrekken", TRUE);
  make_amendment (dir, "B", "a", "## Artikel 4 Intrekken", "## Artikel 4 Het intrekken", TRUE);
  make_amendment (dir, "C", "b", "## Artikel 4 Het intrekken", "## Artikel 4 Over het intrekken", TRUE);
  amend_run (&run, dir, "adopt", "c");
  assert_ok (&run);
  amend_run (&run, dir, "adopt", "b");
  assert_ok (&run);
  amend_run (&run, dir, "adopt", "a");
  assert_ok (&run);
  g_clear_pointer (&files, g_free);
  files = amend_test_git_ok (dir, "ls-tree", "-r", "--name-only", "main", ".amend/amendementen", NULL);
  g_assert_nonnull (strstr (files, ".amend/amendementen/c/amendement.ini\n"));
  g_assert_nonnull (strstr (files, ".amend/amendementen/b/amendement.ini\n"));
  remove_project (dir);
}

/* The amendment's branch removed with git while its adoption waits for
 * conflicts: --continue says how to bring it back (and then finishes),
 * --abort forgets the merge without bringing the branch back. */
static void
test_branch_removed (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *main_before = NULL;
  g_autofree char *main_after = NULL;
  g_autofree char *record = NULL;
  g_autofree char *advice = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken op de aanvraag", "binnen tien weken op de volledige aanvraag", TRUE);
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  main_before = amend_test_git_ok (dir, "rev-parse", "main", NULL);

  for (guint round = 0; round < 2; round++)
    {
      amend_run (&run, dir, "adopt", "tien-weken");
      g_assert_cmpint (run.status, ==, 1);
      g_clear_pointer (&tip, g_free);
      tip = amend_test_git_ok (dir, "rev-parse", "--short=7", "amendement/tien-weken", NULL);
      g_strstrip (tip);
      g_free (amend_test_git_ok (dir, "branch", "-D", "-q", "amendement/tien-weken", NULL));
      amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--theirs");
      assert_ok (&run);
      amend_run (&run, dir, "adopt", "--continue");
      g_assert_cmpint (run.status, ==, 4);
      g_clear_pointer (&advice, g_free);
      advice = g_strdup_printf ("the branch amendement/tien-weken was removed by another program while the merge was "
                                "unfinished; bring it back with git branch amendement/tien-weken %s and go on with "
                                "amend adopt --continue, or undo the merge with amend adopt --abort", tip);
      g_assert_nonnull (strstr (run.err, advice));
      g_clear_pointer (&main_after, g_free);
      main_after = amend_test_git_ok (dir, "rev-parse", "main", NULL);
      g_assert_cmpstr (main_after, ==, main_before);
      if (round == 0)
        {
          /* --abort: the merge is forgotten, the branch stays removed. */
          amend_run (&run, dir, "adopt", "--abort");
          assert_ok (&run);
          g_assert_false (pending (dir));
          g_clear_pointer (&main_after, g_free);
          main_after = amend_test_git_ok (dir, "rev-parse", "main", NULL);
          g_assert_cmpstr (main_after, ==, main_before);
          g_free (amend_test_git_ok (dir, "branch", "amendement/tien-weken", tip, NULL));
          continue;
        }
      /* As the sentence says. */
      g_free (amend_test_git_ok (dir, "branch", "amendement/tien-weken", tip, NULL));
      amend_run (&run, dir, "adopt", "--continue");
      assert_ok (&run);
    }
  record = amend_test_git_ok (dir, "show", "main:.amend/amendementen/tien-weken/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "status=aangenomen"));
  remove_project (dir);
}

static void
remove_file (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_remove (path), ==, 0);
}

/* A file git does not track, where the adoption brings in a file of that
 * name: the adoption stops before either branch moves (it went halfway
 * before: main merged, the working copy and index left behind), on a clean
 * adoption and on --continue after conflicts; moved away, it goes on. */
static void
test_untracked_in_the_way (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  const char *sentence = "bijlage.txt is in the working copy but not in the project, and the merge brings in a file "
                         "of that name; move it elsewhere and run the command again";

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken op de aanvraag", "binnen tien weken op de volledige aanvraag", TRUE);
  g_free (amend_test_git_ok (dir, "switch", "-q", "amendement/zes-weken", NULL));
  amend_test_write (dir, "bijlage.txt", "Van het amendement.\n");
  g_free (amend_test_git_ok (dir, "add", "bijlage.txt", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Bijlage", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  amend_test_write (dir, "bijlage.txt", "Mijn eigen werk.\n");
  before = snapshot (dir);

  amend_run (&run, dir, "vote", "zes-weken", "--for", "9", "--against", "3");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, sentence));
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (pending (dir));
  text = amend_test_read (dir, "bijlage.txt");
  g_assert_cmpstr (text, ==, "Mijn eigen werk.\n");
  g_clear_pointer (&text, g_free);
  remove_file (dir, "bijlage.txt");
  amend_run (&run, dir, "vote", "zes-weken", "--for", "9", "--against", "3");
  assert_ok (&run);
  text = amend_test_read (dir, "bijlage.txt");
  g_assert_cmpstr (text, ==, "Van het amendement.\n");
  status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");

  /* The same file brought in by an adoption that stopped at conflicts. */
  g_free (amend_test_git_ok (dir, "switch", "-q", "amendement/tien-weken", NULL));
  amend_test_write (dir, "bijlage-2.txt", "Van tien weken.\n");
  g_free (amend_test_git_ok (dir, "add", "bijlage-2.txt", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Bijlage", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  amend_run (&run, dir, "adopt", "tien-weken");
  g_assert_cmpint (run.status, ==, 1);
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--theirs");
  assert_ok (&run);
  amend_test_write (dir, "bijlage-2.txt", "Mijn eigen werk.\n");
  g_clear_pointer (&before, g_free);
  before = amend_test_git_ok (dir, "rev-parse", "main", "amendement/tien-weken", NULL);
  amend_run (&run, dir, "adopt", "--continue");
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, "bijlage-2.txt is in the working copy but not in the project"));
  g_clear_pointer (&after, g_free);
  after = amend_test_git_ok (dir, "rev-parse", "main", "amendement/tien-weken", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (pending (dir));
  remove_file (dir, "bijlage-2.txt");
  amend_run (&run, dir, "adopt", "--continue");
  assert_ok (&run);
  g_clear_pointer (&status, g_free);
  status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
  remove_project (dir);
}

static void
test_refusals (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *lock = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Concept", NULL, "binnen acht weken", "binnen zes weken", FALSE);
  make_amendment (dir, "Ingediend", NULL, "de openbare weg", "de weg", TRUE);
  before = snapshot (dir);

  /* A concept cannot be decided. */
  amend_run (&run, dir, "adopt", "concept");
  assert_refused (&run, 4, "submit it first");
  amend_run (&run, dir, "vote", "concept", "--for", "3", "--against", "1");
  assert_refused (&run, 4, "submit it first");
  amend_run (&run, dir, "reject", "concept");
  assert_refused (&run, 4, "submit it first");

  /* Unsaved changes. */
  replace_in_file (dir, "regeling.md", "Algemeen", "Algemene bepalingen");
  amend_run (&run, dir, "adopt", "ingediend");
  assert_refused (&run, 4, "regeling.md has changes that are not saved");
  amend_run (&run, dir, "reject", "ingediend");
  assert_refused (&run, 4, "not saved");
  g_free (amend_test_git_ok (dir, "checkout", "--", "regeling.md", NULL));

  /* Another program's lock. */
  lock = g_build_filename (dir, ".git", "index.lock", NULL);
  amend_test_write (dir, ".git/index.lock", "");
  amend_run (&run, dir, "adopt", "ingediend");
  assert_refused (&run, 4, "index.lock");
  g_remove (lock);

  /* A merge git left unfinished. */
  amend_test_write (dir, ".git/MERGE_HEAD", "0000000000000000000000000000000000000000\n");
  amend_run (&run, dir, "vote", "ingediend", "--for", "1", "--against", "0");
  assert_refused (&run, 4, "git merge --abort");
  {
    g_autofree char *merge_head = g_build_filename (dir, ".git", "MERGE_HEAD", NULL);
    g_remove (merge_head);
  }

  /* Usage errors. */
  amend_run (&run, dir, "vote", "ingediend", "--for", "3");
  g_assert_cmpint (run.status, ==, 2);
  /* Not as C reads numbers: 0x10 would have been recorded as sixteen. */
  amend_run (&run, dir, "vote", "ingediend", "--for", "0x10", "--against", "1");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "is not a number of votes"));
  amend_run (&run, dir, "vote", "ingediend", "--for", "3", "--against", " 1");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, dir, "adopt", "ingediend", "--date", "14-03-2027");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "YYYY-MM-DD"));
  amend_run (&run, dir, "adopt", "bestaat-niet");
  assert_refused (&run, 3, "bestaat-niet");

  /* Nothing was written by any of them. */
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  remove_project (dir);
}

/* Three adoptions and two comments on main at once, as when the clerk
 * and a council member work on one project: each waits for the other.
 * Before, an adoption that found main moved by another between its merge
 * and its move of main stopped halfway (exit 4), and one that finished
 * removed the state.ini of another under it, leaving an amendment that
 * said aangenomen without its merge into main. */
static void
test_at_once (void)
{
  const char *slugs[] = { "acht", "vergunning", "intrekking" };
  const char *args[][6] = {
    { "adopt", "acht", NULL }, { "adopt", "vergunning", NULL }, { "adopt", "intrekking", NULL },
    { "comment", "add", "main", "-m", "Een.", NULL }, { "comment", "add", "main", "-m", "Twee.", NULL },
  };
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *merge = NULL;
  g_autofree char *status = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Acht", NULL, "binnen acht weken op", "binnen zes weken op", TRUE);
  make_amendment (dir, "Vergunning", NULL, "zonder vergunning van het college", "zonder vergunning", TRUE);
  make_amendment (dir, "Intrekking", NULL, "kan worden ingetrokken", "wordt ingetrokken", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      const char *argv[10] = { g_getenv ("AMEND_BIN"), "-C", dir };
      g_autoptr(GError) error = NULL;

      for (guint j = 0; args[i][j]; j++)
        argv[3 + j] = args[i][j];
      g_ptr_array_add (procs, g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                 G_SUBPROCESS_FLAGS_STDERR_PIPE, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < procs->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (g_ptr_array_index (procs, i), NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (g_ptr_array_index (procs, i)) != 0)
        g_error ("amend %s %s failed: %s", args[i][0], args[i][1], err);
    }
  /* All three merged into main, each branch saying so, nothing waiting. */
  merge = g_build_filename (dir, ".git", "amend", "merge", NULL);
  g_assert_false (g_file_test (merge, G_FILE_TEST_EXISTS));
  text = amend_test_git_ok (dir, "show", "main:regeling.md", NULL);
  g_assert_nonnull (strstr (text, "binnen zes weken op"));
  g_assert_nonnull (strstr (text, "zonder vergunning een"));
  g_assert_nonnull (strstr (text, "wordt ingetrokken"));
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *spec = g_strdup_printf ("amendement/%s:.amend/amendementen/%s/amendement.ini", slugs[i], slugs[i]);
      g_autofree char *record = amend_test_git_ok (dir, "show", spec, NULL);
      g_autofree char *branch = g_strconcat ("amendement/", slugs[i], NULL);

      g_assert_nonnull (strstr (record, "status=aangenomen"));
      g_free (amend_test_git_ok (dir, "merge-base", "--is-ancestor", branch, "main", NULL));
    }
  status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
  g_assert_cmpstr (status, ==, "");
  remove_project (dir);
}

/* Both change the same words: adopt stops, nothing is committed, git
 * status is clean, every other writing command refuses; resolve with a
 * text; --continue commits. */
static void
test_conflicts_resolve_continue (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *merges = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *root, *c;
  const char *writers[][4] = {
    { "save", NULL }, { "propose", "Nog een", NULL }, { "switch", "zes-weken", NULL }, { "submit", "tien-weken", NULL },
    { "adopt", "tien-weken", NULL }, { "update", "tien-weken", NULL }, { "reject", "tien-weken", NULL },
  };

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken op de aanvraag", "binnen tien weken op de volledige aanvraag", TRUE);
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  before = snapshot (dir);

  amend_run (&run, dir, "adopt", "tien-weken");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "gives 1 conflict; nothing is committed yet"));
  g_assert_nonnull (strstr (run.out, "chp_1__art_2__para_1  (regeling.md, Artikel 2, eerste lid: text)"));
  g_assert_nonnull (strstr (run.out, "amend adopt --continue"));
  g_assert_true (pending (dir));
  /* git sees nothing odd: the branches, the index and the files are as they were. */
  {
    g_autofree char *now = snapshot (dir);
    g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
    g_assert_cmpstr (status, ==, "");
    g_assert_nonnull (strstr (now, "pending: yes"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      const char **w = writers[i];

      amend_run (&run, dir, w[0], w[1], w[2]);
      assert_refused (&run, 4, "the adoption of the amendment \xe2\x80\x9ctien-weken\xe2\x80\x9d is not finished");
      g_assert_nonnull (strstr (run.err, "amend adopt --continue"));
      g_assert_nonnull (strstr (run.err, "amend adopt --abort"));
    }
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "amend adopt --abort"));

  amend_run (&run, dir, "conflicts", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  root = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (root, "amendment"), ==, "tien-weken");
  g_assert_cmpint (json_object_get_int_member (root, "unresolved"), ==, 1);
  c = json_array_get_object_element (json_object_get_array_member (root, "conflicts"), 0);
  g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, "chp_1__art_2__para_1");
  g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (c, "article"), ==, "2");
  g_assert_cmpstr (json_object_get_string_member (c, "label"), ==, "Artikel 2, eerste lid");
  amend_run (&run, dir, "conflicts");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\nchp_1__art_2__para_1  regeling.md, Artikel 2, eerste lid  text\n"));
  g_assert_cmpstr (json_object_get_string_member (c, "base"), ==, "De burgemeester beslist binnen acht weken op de aanvraag.");
  g_assert_cmpstr (json_object_get_string_member (c, "ours"), ==, "De burgemeester beslist binnen zes weken op de aanvraag.");
  g_assert_cmpstr (json_object_get_string_member (c, "theirs"), ==,
                   "De burgemeester beslist binnen tien weken op de volledige aanvraag.");

  /* Not yet. */
  amend_run (&run, dir, "adopt", "--continue");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "1 conflict is not resolved yet"));

  /* Wrong names and texts that do not fit are refused, and change nothing. */
  amend_run (&run, dir, "resolve", "art_9", "--ours");
  assert_refused (&run, 3, "there is no conflict art_9");
  amend_run (&run, dir, "resolve", "", "--ours");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "name the conflict, as amend conflicts shows it"));
  amend_test_write (dir, "../keuze.md", "1. Een lid\n2. Nog een lid\n");
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--text", "../keuze.md");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "one paragraph"));

  amend_test_write (dir, "../keuze.md", "De burgemeester beslist binnen zes weken op de volledige aanvraag.\n");
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--text", "../keuze.md");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "all conflicts are resolved"));
  amend_run (&run, dir, "adopt", "--continue");
  assert_ok (&run);
  g_assert_false (pending (dir));
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "1. De burgemeester beslist binnen zes weken op de volledige aanvraag.\n"));
  g_free (amend_test_git_ok (dir, "diff", "--exit-code", "HEAD", NULL));
  merges = amend_test_git_ok (dir, "log", "--merges", "--format=%s", NULL);
  g_assert_nonnull (strstr (merges, "Merge adopted amendment tien-weken into main"));
  amend_run (&run, dir, "conflicts");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "No adoption, update or pull is unfinished"));
  /* Nothing waits: resolve says so, pull included, and not "go on with". */
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--ours");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no unfinished adoption, update or pull, so no conflict waits to be resolved"));
  remove_project (dir);
}

/* --abort puts back exactly what was there. */
static void
test_abort_restores (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  before = snapshot (dir);
  amend_run (&run, dir, "adopt", "tien-weken");
  g_assert_cmpint (run.status, ==, 1);
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--theirs");
  assert_ok (&run);
  /* --text reads with the bound of every input: /dev/zero is refused,
   * not read until memory runs out. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--text", "/dev/zero");
      assert_refused (&run, 3, "larger than 64 MB");
    }
  amend_run (&run, dir, "update", "--abort");
  assert_refused (&run, 4, "amend adopt --continue");
  /* What a kill in the middle of writing state.ini leaves goes too. */
  amend_test_write (dir, ".git/amend/merge/state.ini.K1LL3D", "[merge]\n");
  amend_run (&run, dir, "adopt", "--abort");
  assert_ok (&run);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *merge_dir = g_build_filename (dir, ".git", "amend", "merge", NULL);
    g_assert_false (g_file_test (merge_dir, G_FILE_TEST_EXISTS));
  }
  amend_run (&run, dir, "adopt", "--abort");
  assert_refused (&run, 3, "no unfinished adoption");

  /* A state.ini that cannot be read: status and every command that writes
   * give the way out that --continue and --abort give. */
  amend_test_write (dir, ".git/amend/merge/state.ini", "kapot\n");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "cannot be read"));
  g_assert_nonnull (strstr (run.out, "remove that folder to forget it"));
  amend_run (&run, dir, "propose", "Nog een");
  assert_refused (&run, 4, "remove that folder to forget it");
  amend_run (&run, dir, "adopt", "--continue");
  assert_refused (&run, 3, "remove that folder to forget it");
  {
    g_autofree char *merge_dir = g_build_filename (dir, ".git", "amend", "merge", NULL);
    amend_test_rmtree (merge_dir);
  }
  remove_project (dir);
}

/* main moved with git while an adoption waits at its conflicts: continue
 * refuses before either branch moves (the amendment does not say
 * aangenomen without its merge), and abort leaves main with its new
 * commit. */
static void
test_main_moved_by_hand (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *side = NULL;
  g_autofree char *side_after = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *main_after = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  side = amend_test_git_ok (dir, "rev-parse", "amendement/tien-weken", NULL);
  amend_run (&run, dir, "adopt", "tien-weken");
  g_assert_cmpint (run.status, ==, 1);
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--theirs");
  assert_ok (&run);
  g_free (amend_test_git_ok (dir, "commit", "-q", "--allow-empty", "-m", "Met git", NULL));
  moved = amend_test_git_ok (dir, "rev-parse", "main", NULL);

  amend_run (&run, dir, "adopt", "--continue");
  assert_refused (&run, 4, "the branch main was changed by another program while the merge was unfinished");
  /* The way out keeps the commit made with git: not git branch -f. */
  g_assert_nonnull (strstr (run.err, "undo the merge with amend adopt --abort, which keeps that change"));
  side_after = amend_test_git_ok (dir, "rev-parse", "amendement/tien-weken", NULL);
  g_assert_cmpstr (side, ==, side_after);
  amend_run (&run, dir, "adopt", "--abort");
  assert_ok (&run);
  g_assert_false (pending (dir));
  g_clear_pointer (&side_after, g_free);
  side_after = amend_test_git_ok (dir, "rev-parse", "amendement/tien-weken", NULL);
  main_after = amend_test_git_ok (dir, "rev-parse", "main", NULL);
  g_assert_cmpstr (side, ==, side_after);
  g_assert_cmpstr (moved, ==, main_after);
  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "tien-weken  ingediend"));
  remove_project (dir);
}

/* ----------------------------------------------------------------------- */
/* Kills                                                                    */
/* ----------------------------------------------------------------------- */

/* Runs amend with AMEND_TEST_KILL_AT=@point; returns whether it died of
 * the signal. */
static gboolean
run_killed_at (const char *dir,
               const char *point,
               const char *first,
               ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_setenv (launcher, "AMEND_TEST_KILL_AT", point, TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("AMEND_BIN"));
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_signaled (proc) && g_subprocess_get_term_sig (proc) == SIGKILL;
}

/* A project with two adopted amendments' worth of setup: "zes-weken"
 * adopted, "tien-weken" conflicting, "weg" clean. */
static char *
kill_project (void)
{
  char *dir = new_project (BASE);

  make_amendment (dir, "Weg", NULL, "de openbare weg", "de openbare weg of het openbaar water", TRUE);
  return dir;
}

static void
test_kill_points (void)
{
  const char *points[] = { "objects", "refs", "side-moved", "target-moved", "synced" };
  g_autofree char *done = NULL;

  if (!amend_test_need_git ())
    return;
  /* What a clean adoption leaves, for comparison (the commit ids differ
   * with the time: files and the shape of the history are compared). */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    for (guint finish = 0; finish < 2; finish++)
      {
        g_auto(AmendTestRun) run = { 0 };
        g_autofree char *dir = kill_project ();
        g_autofree char *before = snapshot (dir);
        g_autofree char *after = NULL;

        g_assert_true (run_killed_at (dir, points[i], "adopt", "weg", NULL));
        /* Killed after the objects and before state.ini: nothing is under
         * way; from then on it is. */
        g_assert_cmpint (pending (dir), ==, i > 0);
        if (!pending (dir))
          {
            /* Killed before anything was under way: as before. */
            after = snapshot (dir);
            g_assert_cmpstr (before, ==, after);
          }
        else if (finish)
          {
            g_autofree char *text = NULL;
            g_autofree char *status = NULL;
            g_autofree char *record = NULL;

            amend_run (&run, dir, "adopt", "--continue");
            assert_ok (&run);
            text = amend_test_read (dir, "regeling.md");
            g_assert_nonnull (strstr (text, "de openbare weg of het openbaar water"));
            status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
            g_assert_cmpstr (status, ==, "");
            record = amend_test_git_ok (dir, "show", "main:.amend/amendementen/weg/amendement.ini", NULL);
            g_assert_nonnull (strstr (record, "status=aangenomen"));
            g_free (text);
            text = amend_test_git_ok (dir, "log", "--merges", "--format=%s", NULL);
            g_assert_cmpstr (text, ==, "Merge adopted amendment weg into main: Weg\n");
          }
        else
          {
            amend_run (&run, dir, "adopt", "--abort");
            assert_ok (&run);
            after = snapshot (dir);
            g_assert_cmpstr (before, ==, after);
          }
        g_assert_false (pending (dir));
        remove_project (dir);
      }

  /* A kill while the index is written leaves index.lock behind: the
   * process state.ini names is gone, so the lock is its own and goes;
   * while that process lives (here: the test itself), it stays. */
  {
    g_auto(AmendTestRun) run = { 0 };
    g_autofree char *dir = kill_project ();
    g_autofree char *state_path = g_build_filename (dir, ".git", "amend", "merge", "state.ini", NULL);
    g_autofree char *lock = g_build_filename (dir, ".git", "index.lock", NULL);
    g_autoptr(GKeyFile) state = g_key_file_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (run_killed_at (dir, "target-moved", "adopt", "weg", NULL));
    amend_test_write (dir, ".git/index.lock", "");
    g_key_file_load_from_file (state, state_path, G_KEY_FILE_NONE, &error);
    g_assert_no_error (error);
    g_key_file_set_int64 (state, "merge", "pid", getpid ());
    g_key_file_save_to_file (state, state_path, &error);
    g_assert_no_error (error);
    amend_run (&run, dir, "adopt", "--continue");
    assert_refused (&run, 4, "index.lock");
    g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

    g_key_file_set_int64 (state, "merge", "pid", 0x7ffffff0);
    g_key_file_save_to_file (state, state_path, &error);
    g_assert_no_error (error);
    amend_run (&run, dir, "adopt", "--continue");
    assert_ok (&run);
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
    g_assert_false (pending (dir));
    remove_project (dir);
  }

  /* Killed once main moved and before the working copy followed, then
   * the file edited by hand: --continue does not overwrite the edit,
   * whatever the index's stat data says about the file. */
  for (guint same_size = 0; same_size < 2; same_size++)
    {
      g_auto(AmendTestRun) run = { 0 };
      g_autofree char *dir = kill_project ();
      g_autofree char *text = NULL;
      g_autofree char *edited = NULL;
      g_autofree char *kept = NULL;

      g_assert_true (run_killed_at (dir, "target-moved", "adopt", "weg", NULL));
      g_assert_true (pending (dir));
      text = amend_test_read (dir, "regeling.md");
      edited = g_strdup (text);
      if (same_size)
        edited[strlen (edited) - 2] = edited[strlen (edited) - 2] == 'x' ? 'y' : 'x';
      else
        {
          g_free (edited);
          edited = g_strconcat (text, "\nEen hand bewerkte regel.\n", NULL);
        }
      amend_test_write (dir, "regeling.md", edited);
      amend_run (&run, dir, "adopt", "--continue");
      g_assert_cmpint (run.status, ==, 4);
      kept = amend_test_read (dir, "regeling.md");
      g_assert_cmpstr (kept, ==, edited);
      g_assert_true (pending (dir));
      remove_project (dir);
    }

  /* And a kill while undoing. */
  {
    const char *abort_points[] = { "abort-synced", "abort-target" };

    for (guint i = 0; i < G_N_ELEMENTS (abort_points); i++)
      {
        g_auto(AmendTestRun) run = { 0 };
        g_autofree char *dir = kill_project ();
        g_autofree char *before = snapshot (dir);
        g_autofree char *after = NULL;

        g_assert_true (run_killed_at (dir, "synced", "adopt", "weg", NULL));
        g_assert_true (pending (dir));
        g_assert_true (run_killed_at (dir, abort_points[i], "adopt", "--abort", NULL));
        g_assert_true (pending (dir));
        amend_run (&run, dir, "adopt", "--abort");
        assert_ok (&run);
        after = snapshot (dir);
        g_assert_cmpstr (before, ==, after);
        remove_project (dir);
      }
  }
}

/* Kills at moments nobody chose, on a larger regulation: whatever is
 * left, the next command finishes or undoes it. */
static void
test_kill_timed (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(AmendDocument) loose = NULL;
  g_autofree char *base = NULL;
  guint rounds = g_test_slow () ? 40 : 12;
  guint done = 0, finished = 0, undone = 0;

  if (files == NULL || !amend_test_need_git ())
    return;
  loose = amend_test_parse_file (g_ptr_array_index (files, 0));
  base = amend_document_to_markdown (loose);
  for (guint r = 0; r < rounds; r++)
    {
      g_auto(AmendTestRun) run = { 0 };
      g_autofree char *dir = new_project (base);
      g_autofree char *before = NULL;
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { g_getenv ("AMEND_BIN"), "-C", dir, "adopt", "wijziging", NULL };

      make_amendment (dir, "Wijziging", NULL, "In elke gemeente is een raad", "In elke gemeente is een gemeenteraad", TRUE);
      before = snapshot (dir);
      proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 20000, 160000));
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);

      if (pending (dir))
        {
          amend_run (&run, dir, "adopt", (r % 2) ? "--continue" : "--abort");
          assert_ok (&run);
          if (r % 2)
            finished++;
          else
            undone++;
        }
      g_assert_false (pending (dir));
      {
        g_autofree char *after = snapshot (dir);
        g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
        g_autofree char *text = amend_test_read (dir, "regeling.md");
        gboolean adopted = strstr (text, "In elke gemeente is een gemeenteraad") != NULL;

        g_assert_cmpstr (status, ==, "");
        /* Either nothing happened, or all of it. */
        if (!adopted)
          {
            g_assert_cmpstr (before, ==, after);
          }
        else
          {
            g_autofree char *merges = amend_test_git_ok (dir, "log", "--merges", "--format=%s", NULL);
            g_assert_cmpstr (merges, ==, "Merge adopted amendment wijziging into main: Wijziging\n");
            done++;
          }
      }
      remove_project (dir);
    }
  g_test_message ("kills at random moments: %u left an adoption under way (%u finished with --continue, %u undone "
                  "with --abort); %u adopted in the end", finished + undone, finished, undone, done);
}

/* ----------------------------------------------------------------------- */

static JsonObject *
find_slug (JsonArray  *list,
           const char *slug)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      if (g_strcmp0 (json_object_get_string_member (o, "slug"), slug) == 0)
        return o;
    }
  g_error ("%s is not listed", slug);
  return NULL;
}

static const char *
merge_state (JsonArray  *list,
             const char *slug)
{
  JsonObject *o = find_slug (list, slug);

  return json_object_get_null_member (o, "merge") ? NULL : json_object_get_string_member (o, "merge");
}

/* After an adoption, list says per open amendment whether it still
 * applies, conflicts (where), or is in main already, also when it was
 * merged with git itself. */
static void
test_list_after_adoption (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *list;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  make_amendment (dir, "Weg", NULL, "de openbare weg", "de weg", FALSE);
  make_amendment (dir, "Met git", NULL, "Het is verboden", "Het is zonder meer verboden", TRUE);

  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  /* A merge with plain git, as the issue found it. */
  g_free (amend_test_git_ok (dir, "merge", "--no-edit", "-q", "amendement/met-git", NULL));

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  list = json_node_get_array (json);
  g_assert_null (merge_state (list, "zes-weken"));
  g_assert_cmpstr (merge_state (list, "tien-weken"), ==, "conflicts");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (find_slug (list, "tien-weken"), "conflicts"), 0),
                   ==, "chp_1__art_2__para_1");
  g_assert_cmpstr (merge_state (list, "weg"), ==, "applies");
  g_assert_cmpstr (merge_state (list, "met-git"), ==, "contained");

  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "conflicts: chp_1__art_2__para_1"));
  g_assert_nonnull (strstr (run.out, "in main"));
  g_assert_nonnull (strstr (run.out, "applies"));
  remove_project (dir);
}

/* The merge column of the list, read from amend list --json. */
/* Whether .git/amend/canonical names the blob of regeling.md at @rev. */
static gboolean
known_canonical (const char *dir,
                 const char *rev)
{
  g_autofree char *spec = g_strconcat (rev, ":regeling.md", NULL);
  g_autofree char *id = amend_test_git_ok (dir, "rev-parse", spec, NULL);
  g_autofree char *path = g_build_filename (dir, ".git", "amend", "canonical", NULL);
  g_autofree char *known = NULL;

  if (!g_file_get_contents (path, &known, NULL, NULL))
    return FALSE;
  return strstr (known, g_strstrip (id)) != NULL;
}

/* A submitted amendment's text is checked once and remembered as
 * canonical, as is what the splice writes; a merge of two such texts is
 * not read back (test-merge-splice), and gives what the structural merge
 * gives (AMEND_MERGE_VERIFY, set for the tests, compares them).  A text
 * that is not canonical is not remembered. */
static void
test_canonical_blobs (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  g_assert_false (known_canonical (dir, "main"));
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Intrekking", NULL, "niet worden nageleefd", "niet zijn nageleefd", TRUE);
  make_amendment (dir, "Los", NULL, "evenement te organiseren.", "evenement te   organiseren.", TRUE);
  g_assert_true (known_canonical (dir, "amendement/zes-weken"));
  g_assert_true (known_canonical (dir, "amendement/intrekking"));
  g_assert_false (known_canonical (dir, "amendement/los"));

  /* The first takes its side as it is; the second is a merge of two
   * remembered texts, and its result is remembered. */
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  amend_run (&run, dir, "adopt", "intrekking");
  assert_ok (&run);
  g_assert_true (known_canonical (dir, "main"));
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "binnen zes weken"));
  g_assert_nonnull (strstr (text, "niet zijn nageleefd"));
  g_free (amend_test_git_ok (dir, "diff", "--exit-code", "HEAD", NULL));
  remove_project (dir);
}

static char *
listed_state (const char *dir,
              const char *slug)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autoptr(JsonNode) json = NULL;
  JsonObject *o;
  JsonArray *conflicts;

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  o = find_slug (json_node_get_array (json), slug);
  conflicts = json_object_get_array_member (o, "conflicts");
  return g_strdup_printf ("%s%s%s", merge_state (json_node_get_array (json), slug),
                          json_array_get_length (conflicts) ? " " : "",
                          json_array_get_length (conflicts) ? json_array_get_string_element (conflicts, 0) : "");
}

/* Whether an open amendment applies is kept in .git/amend/apply.cache by
 * the commits of the amendment and of main; an amendment changed with
 * plain git, a rewritten branch, a damaged file and the file of another
 * project all give the answer found anew. */
static void
test_list_apply_cache (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *other = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  g_autofree char *tip = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Weg", NULL, "de openbare weg", "de weg", TRUE);
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  state = listed_state (dir, "weg");
  g_assert_cmpstr (state, ==, "applies");
  cache = amend_test_read (dir, ".git/amend/apply.cache");
  g_assert_true (g_str_has_prefix (cache, "# amend apply cache 3:"));
  g_assert_true (g_str_has_suffix (cache, "\tapplies\n# end 1\n"));

  /* Changed with plain git on its branch: now it collides with main. */
  tip = amend_test_git_ok (dir, "rev-parse", "amendement/weg", NULL);
  g_free (amend_test_git_ok (dir, "checkout", "-q", "amendement/weg", NULL));
  replace_in_file (dir, "regeling.md", "binnen acht weken", "binnen negen weken");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Negen weken", NULL));
  g_free (amend_test_git_ok (dir, "checkout", "-q", "main", NULL));
  g_clear_pointer (&state, g_free);
  state = listed_state (dir, "weg");
  g_assert_cmpstr (state, ==, "conflicts chp_1__art_2__para_1");

  /* The branch rewritten back to where it was: it applies again. */
  g_free (amend_test_git_ok (dir, "branch", "-f", "amendement/weg", g_strstrip (tip), NULL));
  g_clear_pointer (&state, g_free);
  state = listed_state (dir, "weg");
  g_assert_cmpstr (state, ==, "applies");

  /* A file that says otherwise but is damaged (a line that is not one,
   * or a count that does not match) is not believed in any part. */
  g_clear_pointer (&cache, g_free);
  cache = amend_test_read (dir, ".git/amend/apply.cache");
  {
    g_autoptr(GString) lie = g_string_new (cache);
    g_autofree char *damaged = NULL;

    g_string_replace (lie, "\tapplies\n", "\tcontained\n", 0);
    damaged = g_strdup_printf ("%.*sgarbage\n# end 2\n", (int) (strstr (lie->str, "# end") - lie->str), lie->str);
    amend_test_write (dir, ".git/amend/apply.cache", damaged);
    g_clear_pointer (&state, g_free);
    state = listed_state (dir, "weg");
    g_assert_cmpstr (state, ==, "applies");
    g_string_replace (lie, "# end 1\n", "# end 3\n", 0);
    amend_test_write (dir, ".git/amend/apply.cache", lie->str);
    g_clear_pointer (&state, g_free);
    state = listed_state (dir, "weg");
    g_assert_cmpstr (state, ==, "applies");
    amend_test_write (dir, ".git/amend/apply.cache", "# amend apply cache 3: TIP INTO STATE NAME...,");
    g_clear_pointer (&state, g_free);
    state = listed_state (dir, "weg");
    g_assert_cmpstr (state, ==, "applies");
    /* A whole file of an earlier version, which knew no refusals and no copied changes. */
    g_string_replace (lie, "# end 3\n", "# end 1\n", 0);
    g_string_replace (lie, "# amend apply cache 3:", "# amend apply cache 2:", 0);
    amend_test_write (dir, ".git/amend/apply.cache", lie->str);
    g_clear_pointer (&state, g_free);
    state = listed_state (dir, "weg");
    g_assert_cmpstr (state, ==, "applies");
  }
  /* ... and written anew, whole. */
  g_clear_pointer (&cache, g_free);
  cache = amend_test_read (dir, ".git/amend/apply.cache");
  g_assert_true (g_str_has_suffix (cache, "\tapplies\n# end 1\n"));

  /* The file of another project names other commits: nothing of it is used. */
  other = new_project (BASE);
  make_amendment (other, "Weg", NULL, "de openbare weg", "de weg", TRUE);
  g_clear_pointer (&state, g_free);
  state = listed_state (other, "weg");
  g_assert_cmpstr (state, ==, "applies");
  /* Main moves with plain git, the amendment stays: found anew. */
  replace_in_file (other, "regeling.md", "de openbare weg", "de straat");
  g_free (amend_test_git_ok (other, "commit", "-q", "-am", "Straat", NULL));
  g_clear_pointer (&state, g_free);
  state = listed_state (other, "weg");
  g_assert_true (g_str_has_prefix (state, "conflicts "));
  amend_test_write (other, ".git/amend/apply.cache", cache);
  g_clear_pointer (&state, g_free);
  state = listed_state (other, "weg");
  g_assert_true (g_str_has_prefix (state, "conflicts "));
  remove_project (other);
  remove_project (dir);
}

/* update merges main into the amendment: history kept, then it applies. */
static void
test_update (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *parents = NULL;
  g_autoptr(JsonNode) json = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  make_amendment (dir, "Weg", NULL, "de openbare weg", "de weg", TRUE);
  amend_run (&run, dir, "update", "weg");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "up to date already"));
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);

  amend_run (&run, dir, "update", "weg");
  assert_ok (&run);
  text = amend_test_git_ok (dir, "show", "amendement/weg:regeling.md", NULL);
  g_assert_nonnull (strstr (text, "binnen zes weken"));
  g_assert_nonnull (strstr (text, "- b. weg: de weg."));
  parents = amend_test_git_ok (dir, "log", "-1", "--format=%P", "amendement/weg", NULL);
  g_assert_cmpuint (strlen (g_strstrip (parents)), ==, 81);
  /* Its artikelen file is written for where it now leaves main: main. */
  {
    g_autofree char *stored = amend_test_git_ok (dir, "show", "amendement/weg:.amend/amendementen/weg/artikelen", NULL);
    g_autofree char *main_blob = amend_test_rev (dir, "main:regeling.md");
    g_autofree char *weg_blob = amend_test_rev (dir, "amendement/weg:regeling.md");
    g_autofree char *line = g_strdup_printf ("\n%s\t%s\tregeling.md\t", main_blob, weg_blob);

    g_assert_nonnull (strstr (stored, line));
  }

  /* A conflicting one stops, as adopt does, and --abort undoes it. */
  amend_run (&run, dir, "update", "tien-weken");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "amend update --continue"));
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "amend update --continue");
  amend_run (&run, dir, "resolve", "chp_1__art_2__para_1", "--ours");
  assert_ok (&run);
  amend_run (&run, dir, "update", "--continue");
  assert_ok (&run);
  amend_run (&run, dir, "list", "--json");
  json = parse_json (run.out);
  g_assert_cmpstr (merge_state (json_node_get_array (json), "tien-weken"), ==, "applies");
  g_assert_cmpstr (merge_state (json_node_get_array (json), "weg"), ==, "applies");
  remove_project (dir);
}

/* A subamendment: branched from its amendment, diffed against it,
 * adopted into it, voted before it. */
static void
test_subamendment (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *record = NULL;
  g_autofree char *text = NULL;
  g_autofree char *main_before = NULL;
  g_autofree char *main_after = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *order;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Vijf weken", "zes-weken", "binnen zes weken", "binnen vijf weken", TRUE);
  record = amend_test_git_ok (dir, "show", "amendement/vijf-weken:.amend/amendementen/vijf-weken/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "amends=zes-weken"));

  /* Its diff is against its amendment: only six becomes five. */
  amend_run (&run, dir, "diff", "--no-color", "vijf-weken");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "[-zes-]"));
  g_assert_nonnull (strstr (run.out, "{+vijf+}"));
  g_assert_null (strstr (run.out, "[-acht-]"));
  /* Its instructions amend the amendment, and name it (6.15); the
   * amendment's own amend the regulation. */
  amend_run (&run, dir, "diff", "--format", "instructions", "vijf-weken");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "In het amendement \"Zes weken\" wordt in artikel 2, eerste lid, \"zes\" vervangen door "
                                "\"vijf\".\n");
  amend_run (&run, dir, "diff", "--format", "instructions", "zes-weken", "vijf-weken");
  assert_ok (&run);
  g_assert_true (g_str_has_prefix (run.out, "In het amendement \"Zes weken\" wordt in artikel 2"));
  amend_run (&run, dir, "diff", "--format", "instructions", "zes-weken");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "ARTIKEL I\n\nIn artikel 2, eerste lid, van de Verordening Voorbeeld wordt \"acht\" "
                                "vervangen door \"zes\".\n");

  amend_run (&run, dir, "order", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  order = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (order), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, 0), "slug"), ==, "vijf-weken");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, 0), "before"), ==, "zes-weken");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, 1), "slug"), ==, "zes-weken");

  main_before = amend_test_git_ok (dir, "rev-parse", "main", NULL);
  amend_run (&run, dir, "adopt", "vijf-weken");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "merged into amendement/zes-weken"));
  main_after = amend_test_git_ok (dir, "rev-parse", "main", NULL);
  g_assert_cmpstr (main_before, ==, main_after);
  text = amend_test_git_ok (dir, "show", "amendement/zes-weken:regeling.md", NULL);
  g_assert_nonnull (strstr (text, "binnen vijf weken"));

  /* The amendment, with its adopted subamendment, into main. */
  amend_run (&run, dir, "vote", "zes-weken", "--for", "20", "--against", "5");
  assert_ok (&run);
  g_free (text);
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "binnen vijf weken"));
  g_free (record);
  record = amend_test_git_ok (dir, "show", "main:.amend/amendementen/vijf-weken/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "status=aangenomen"));

  /* A subamendment of a decided amendment has lapsed. */
  amend_run (&run, dir, "propose", "--on", "zes-weken", "Te laat");
  assert_refused (&run, 4, "aangenomen");
  remove_project (dir);
}

/* A subamendment whose amendment was rejected, or whose branch was removed
 * with git, cannot be adopted, and says so; rejecting it, as the sentence
 * says, is allowed. */
static void
test_subamendment_orphaned (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *record = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Vijf weken", "zes-weken", "binnen zes weken", "binnen vijf weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  make_amendment (dir, "Elf weken", "tien-weken", "binnen tien weken", "binnen elf weken", TRUE);

  amend_run (&run, dir, "reject", "zes-weken");
  assert_ok (&run);
  /* The order does not put it among the votes to come, which adopt
   * would refuse: it lapsed with the amendment it amends. */
  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Lapsed, not voted on:\n    vijf-weken  \xe2\x80\x9cVijf weken\xe2\x80\x9d: "
                                     "with zes-weken, which it amends\n"));
  g_assert_null (strstr (run.out, ". vijf-weken"));
  amend_run (&run, dir, "adopt", "vijf-weken");
  assert_refused (&run, 4, "has lapsed: the amendment it amends, \xe2\x80\x9czes-weken\xe2\x80\x9d, is verworpen already; reject or withdraw it");
  amend_run (&run, dir, "reject", "vijf-weken");
  assert_ok (&run);

  g_free (amend_test_git_ok (dir, "branch", "-D", "amendement/tien-weken", NULL));
  amend_run (&run, dir, "vote", "elf-weken", "--for", "20", "--against", "1");
  assert_refused (&run, 4, "amends \xe2\x80\x9ctien-weken\xe2\x80\x9d, whose branch amendement/tien-weken is gone");
  amend_run (&run, dir, "vote", "elf-weken", "--for", "1", "--against", "20");
  assert_ok (&run);
  record = amend_test_git_ok (dir, "show", "amendement/elf-weken:.amend/amendementen/elf-weken/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "status=verworpen"));
  remove_project (dir);
}

/* A branch amendement/x begun with git checkout --orphan shares no
 * version with main: list, order and collisions go on (its merge is
 * unknown), adopt says why it cannot and what to do. */
static void
test_orphan_branch (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *row;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  amend_run (&run, dir, "propose", "Wees");
  assert_ok (&run);
  g_free (amend_test_git_ok (dir, "checkout", "-q", "--orphan", "los", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Los", NULL));
  g_free (amend_test_git_ok (dir, "branch", "-f", "amendement/wees", "los", NULL));
  g_free (amend_test_git_ok (dir, "checkout", "-q", "main", NULL));
  g_free (amend_test_git_ok (dir, "branch", "-D", "los", NULL));
  amend_run (&run, dir, "submit", "wees");
  assert_ok (&run);
  /* main moves on, so that the list tries a merge. */
  replace_in_file (dir, "regeling.md", "ten hoogste acht weken", "ten hoogste zes weken");
  amend_run (&run, dir, "save", "-m", "Verdagen");
  assert_ok (&run);

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  row = json_array_get_object_element (json_node_get_array (json), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "slug"), ==, "wees");
  g_assert_true (json_object_get_null_member (row, "merge"));
  amend_run (&run, dir, "collisions");
  assert_ok (&run);
  amend_run (&run, dir, "adopt", "wees");
  assert_refused (&run, 3, "have no version in common, so they cannot be merged");
  g_assert_nonnull (strstr (run.err, "amend propose"));
  g_assert_false (pending (dir));
  amend_run (&run, dir, "adopt", "zes-weken");
  assert_ok (&run);
  remove_project (dir);
}

/* A subamendment of a subamendment is voted first (c amends b, which
 * amends a: c, b, a), and none is left out of the order; a record that
 * says it amends itself (edited with git) amends nothing, and is adopted
 * into main. */
static void
test_order_nested (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *order;
  const char *expected[] = { "vier-weken", "vijf-weken", "zes-weken" };

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Vijf weken", "zes-weken", "binnen zes weken", "binnen vijf weken", TRUE);
  make_amendment (dir, "Vier weken", "vijf-weken", "binnen vijf weken", "binnen vier weken", TRUE);
  amend_run (&run, dir, "order", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  order = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (order), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, i), "slug"), ==,
                     expected[i]);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, 0), "before"), ==,
                   "vijf-weken");

  amend_run (&run, dir, "propose", "Zichzelf");
  assert_ok (&run);
  replace_in_file (dir, ".amend/amendementen/zichzelf/amendement.ini", "status=concept\n",
                   "status=concept\namends=zichzelf\n");
  replace_in_file (dir, "regeling.md", "schriftelijk", "per post");
  amend_run (&run, dir, "save", "-m", "Zichzelf");
  assert_ok (&run);
  amend_run (&run, dir, "submit");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "zichzelf"));
  amend_run (&run, dir, "adopt", "zichzelf");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "merged into main"));
  g_assert_false (pending (dir));
  remove_project (dir);
}

static JsonObject *
order_step (JsonArray *order,
            guint      i)
{
  return json_array_get_object_element (order, i);
}

/* Two amendments that reach exactly as far and exclude each other: each
 * would be "the most far-reaching" of the other.  The order breaks the tie
 * by name, and only the one voted first is the most far-reaching; the
 * other lapses when it is adopted, and the other way round. */
static void
test_order_tie (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *order;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);

  amend_run (&run, dir, "order", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  order = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (order), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (order_step (order, 0), "slug"), ==, "tien-weken");
  g_assert_cmpstr (json_object_get_string_member (order_step (order, 1), "slug"), ==, "zes-weken");
  g_assert_cmpint (json_object_get_int_member (order_step (order, 0), "reach"), ==,
                   json_object_get_int_member (order_step (order, 1), "reach"));
  g_assert_true (json_object_get_boolean_member (order_step (order, 0), "furthest"));
  g_assert_false (json_object_get_boolean_member (order_step (order, 1), "furthest"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (order_step (order, 0), "lapses"), 0), ==,
                   "zes-weken");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (order_step (order, 1), "lapses"), 0), ==,
                   "tien-weken");

  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "the most far-reaching of the amendments that compete with zes-weken"));
  g_assert_nonnull (strstr (run.out, "competes with tien-weken, which reaches further or as far"));
  g_assert_null (strstr (run.out, "the most far-reaching of the amendments that compete with tien-weken"));

  /* A third: the verb agrees with one amendment or with several. */
  make_amendment (dir, "Twaalf weken", NULL, "binnen acht weken", "binnen twaalf weken", TRUE);
  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "competes with tien-weken, twaalf-weken, which reach further or as far"));
  g_assert_nonnull (strstr (run.out, "if it is adopted, twaalf-weken, zes-weken lapse (cannot"));
  g_assert_nonnull (strstr (run.out, "if it is adopted, tien-weken, zes-weken lapse (cannot"));
  remove_project (dir);
}

/* Two amendments that each put the articles of chapter 2 in an order of
 * their own: they collide on the chapter's order, either adopted first
 * makes the other lapse, and adopting the second stops at a conflict of
 * kind order that names the chapter. */
#define ART3 "## Artikel 3 Vergunning\n\nHet is verboden zonder vergunning van het college een evenement te organiseren.\n"
#define ART4 "## Artikel 4 Intrekking\n\nDe vergunning kan worden ingetrokken als de voorschriften niet worden nageleefd.\n"
#define ART5 "## Artikel 5 Citeertitel\n\nDeze verordening wordt aangehaald als Verordening Voorbeeld.\n"

static void
test_order_conflict (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) order_json = NULL;
  g_autoptr(JsonNode) conflicts_json = NULL;
  JsonObject *p, *c;
  JsonArray *order;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE "\n" ART5);
  make_amendment (dir, "Vergunning later", NULL, ART3 "\n" ART4, ART4 "\n" ART3, TRUE);
  make_amendment (dir, "Citeertitel eerst", NULL, ART4 "\n" ART5, ART5 "\n" ART4, TRUE);

  amend_run (&run, dir, "collisions", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json), "collisions")), ==, 1);
  p = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), "collisions"), 0);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (p, "a_then_b"), "clean"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (p, "b_then_a"), "clean"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (p, "a_then_b"),
                                                                                 "conflicts"), 0), ==, "chp_2");

  amend_run (&run, dir, "order", "--json");
  assert_ok (&run);
  order_json = parse_json (run.out);
  order = json_node_get_array (order_json);
  g_assert_cmpuint (json_array_get_length (order), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (order_step (order, 0), "lapses")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (order_step (order, 1), "lapses")), ==, 1);
  g_assert_true (json_object_get_boolean_member (order_step (order, 0), "furthest") !=
                 json_object_get_boolean_member (order_step (order, 1), "furthest"));

  amend_run (&run, dir, "adopt", json_object_get_string_member (order_step (order, 0), "slug"));
  assert_ok (&run);
  amend_run (&run, dir, "adopt", json_object_get_string_member (order_step (order, 1), "slug"));
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "chp_2  (regeling.md, Hoofdstuk 2: order)"));
  amend_run (&run, dir, "conflicts", "--json");
  assert_ok (&run);
  conflicts_json = parse_json (run.out);
  c = json_array_get_object_element (json_object_get_array_member (json_node_get_object (conflicts_json), "conflicts"), 0);
  g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, "order");
  g_assert_cmpstr (json_object_get_string_member (c, "label"), ==, "Hoofdstuk 2");
  g_assert_cmpstr (json_object_get_string_member (c, "base"), ==,
                   "Artikel 3 Vergunning, Artikel 4 Intrekking, Artikel 5 Citeertitel");
  /* A place is chosen, not written. */
  amend_run (&run, dir, "resolve", "chp_2", "--theirs");
  assert_ok (&run);
  amend_run (&run, dir, "adopt", "--continue");
  assert_ok (&run);
  {
    g_autofree char *text = amend_test_read (dir, "regeling.md");
    const char *second = json_object_get_string_member (order_step (order, 1), "slug");

    if (g_strcmp0 (second, "citeertitel-eerst") == 0)
      g_assert_nonnull (strstr (text, ART3 "\n" ART5 "\n" ART4));
    else
      g_assert_nonnull (strstr (text, ART4 "\n" ART3 "\n" ART5));
  }
  remove_project (dir);
}

static void
test_collisions_and_order (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) order_json = NULL;
  JsonArray *pairs, *order;
  JsonObject *p;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  /* Competing: the same words, and the neighbouring member. */
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "De burgemeester beslist binnen acht weken op de aanvraag",
                  "Het college beslist binnen tien weken op de volledige aanvraag", TRUE);
  make_amendment (dir, "Verdagen", NULL, "ten hoogste acht weken", "ten hoogste vier weken", TRUE);
  /* Alone, later in the text. */
  make_amendment (dir, "Intrekking", NULL, "kan worden ingetrokken", "wordt ingetrokken", TRUE);
  /* A concept: only with --all. */
  make_amendment (dir, "Concept", NULL, "binnen acht weken", "binnen negen weken", FALSE);

  amend_run (&run, dir, "collisions", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json), "amendments")), ==, 4);
  pairs = json_object_get_array_member (json_node_get_object (json), "collisions");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 3);
  /* tien-weken and verdagen: article 2, different members: both apply. */
  p = json_array_get_object_element (pairs, 0);
  g_assert_cmpstr (json_object_get_string_member (p, "a"), ==, "tien-weken");
  g_assert_cmpstr (json_object_get_string_member (p, "b"), ==, "verdagen");
  g_assert_true (json_object_get_boolean_member (p, "both"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "nodes")), ==, 0);
  /* tien-weken and zes-weken: one node, either order conflicts. */
  p = json_array_get_object_element (pairs, 1);
  g_assert_cmpstr (json_object_get_string_member (p, "b"), ==, "zes-weken");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (p, "a_then_b"), "clean"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (p, "b_then_a"), "clean"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (p, "nodes"), 0), ==,
                   "chp_1__art_2__para_1");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (p, "a_then_b"),
                                                                                 "conflicts"), 0), ==, "chp_1__art_2__para_1");

  amend_run (&run, dir, "collisions", "--all", "--json");
  assert_ok (&run);
  {
    g_autoptr(JsonNode) all = parse_json (run.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (all), "amendments")), ==, 5);
  }

  /* The most far-reaching of the competing ones first; the one alone last. */
  amend_run (&run, dir, "order", "--json");
  assert_ok (&run);
  order_json = parse_json (run.out);
  order = json_node_get_array (order_json);
  g_assert_cmpuint (json_array_get_length (order), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, 0), "slug"), ==, "tien-weken");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (order, 0), "furthest"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_array_get_object_element (order, 0),
                                                                                 "lapses"), 0), ==, "zes-weken");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (order, 3), "slug"), ==, "intrekking");
  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, " 1. tien-weken"));
  g_assert_nonnull (strstr (run.out, "if it is adopted, zes-weken lapses"));

  /* Trial merges touched nothing. */
  {
    g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
    g_assert_cmpstr (status, ==, "");
    g_assert_false (pending (dir));
  }

  /* Once main has moved on, the amendments no longer start from it: the
   * trial merges take the whole regulation, in both orders, and find the
   * same. */
  amend_run (&run, dir, "adopt", "intrekking");
  assert_ok (&run);
  amend_run (&run, dir, "collisions", "--json");
  assert_ok (&run);
  {
    g_autoptr(JsonNode) again = parse_json (run.out);
    JsonArray *pairs2 = json_object_get_array_member (json_node_get_object (again), "collisions");
    JsonObject *q;

    g_assert_cmpuint (json_array_get_length (pairs2), ==, 3);
    q = json_array_get_object_element (pairs2, 0);
    g_assert_true (json_object_get_boolean_member (q, "both"));
    q = json_array_get_object_element (pairs2, 1);
    g_assert_cmpstr (json_object_get_string_member (q, "b"), ==, "zes-weken");
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (q, "a_then_b"), "clean"));
    g_assert_false (json_object_get_boolean_member (json_object_get_object_member (q, "b_then_a"), "clean"));
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (q, "nodes"), 0), ==,
                     "chp_1__art_2__para_1");
  }
  remove_project (dir);
}

/* ----------------------------------------------------------------------- */
/* Adopting two edits of the real Gemeentewet                               */
/* ----------------------------------------------------------------------- */

static GPtrArray *
paragraphs (AmendDocument *doc)
{
  GPtrArray *texts = g_ptr_array_new ();
  AmendNode *root = amend_document_get_root (doc);

  for (AmendNode *n = root; n != NULL; n = amend_node_next (n, root))
    if (n->kind == AMEND_NODE_TEXT && n->heading_level == 0 && amend_node_find_ancestor (n, AMEND_NODE_ARTICLE) &&
        n->runs && n->runs->len == 1 && strlen (g_array_index (n->runs, AmendRun, 0).text) > 40)
      g_ptr_array_add (texts, n);
  return texts;
}

/* The first few words of a paragraph, unique in the text, and an edit. */
static char *
phrase_of (const char *text,
           const char *whole)
{
  for (guint words = 4; words < 12; words++)
    {
      g_auto(GStrv) parts = g_strsplit (text, " ", words + 1);
      g_autofree char *phrase = NULL;

      if (g_strv_length (parts) <= words)
        break;
      g_free (parts[words]);
      parts[words] = NULL;
      phrase = g_strjoinv (" ", parts);
      if (strstr (whole, phrase) == g_strrstr (whole, phrase))
        return g_steal_pointer (&phrase);
    }
  return NULL;
}

static void
test_property_gemeentewet (void)
{
  g_autoptr(GPtrArray) files = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guint rounds = g_test_slow () ? 10 : 3, merges = 0, git_conflicts = 0;

  if (files == NULL || !amend_test_need_git ())
    return;
  for (guint f = 0; f < files->len; f += 7)
    {
      g_autoptr(AmendDocument) loose = amend_test_parse_file (g_ptr_array_index (files, f));
      g_autofree char *base = amend_document_to_markdown (loose);
      g_autoptr(AmendDocument) doc = amend_test_parse (base);
      g_autoptr(GPtrArray) texts = paragraphs (doc);

      for (guint r = 0; r < rounds; r++)
        {
          g_auto(AmendTestRun) run = { 0 };
          guint i = g_rand_int_range (rand, 0, texts->len - 1);
          g_autofree char *a = g_strdup (g_array_index (((AmendNode *) g_ptr_array_index (texts, i))->runs, AmendRun, 0).text);
          g_autofree char *b = g_strdup (g_array_index (((AmendNode *) g_ptr_array_index (texts, i + 1))->runs, AmendRun, 0).text);
          g_autofree char *pa = phrase_of (a, base);
          g_autofree char *pb = phrase_of (b, base);
          g_autofree char *na = NULL, *nb = NULL;
          g_autofree char *dir = NULL;
          g_autofree char *result = NULL;
          g_autofree char *ours = NULL, *theirs = NULL;
          g_autofree char *tmp = NULL;
          int git;

          if (pa == NULL || pb == NULL || strstr (pa, pb) || strstr (pb, pa))
            continue;
          na = g_strconcat (pa, " uitdrukkelijk", NULL);
          nb = g_strconcat ("Voorts ", pb, NULL);
          dir = new_project (base);
          make_amendment (dir, "Een", NULL, pa, na, TRUE);
          make_amendment (dir, "Twee", NULL, pb, nb, TRUE);
          amend_run (&run, dir, "adopt", "een");
          assert_ok (&run);
          amend_run (&run, dir, "adopt", "twee");
          assert_ok (&run);
          result = amend_test_read (dir, "regeling.md");
          g_assert_nonnull (strstr (result, na));
          g_assert_nonnull (strstr (result, nb));
          merges++;

          /* git merge-file on the same three texts. */
          ours = amend_test_git_ok (dir, "show", "amendement/een:regeling.md", NULL);
          theirs = amend_test_git_ok (dir, "show", "amendement/twee:regeling.md", NULL);
          tmp = amend_test_tmpdir ("amend-merge-file");
          amend_test_write (tmp, "base", base);
          amend_test_write (tmp, "ours", ours);
          amend_test_write (tmp, "theirs", theirs);
          git = amend_test_git (tmp, NULL, NULL, "merge-file", "-q", "-p", "ours", "base", "theirs", NULL);
          git_conflicts += git > 0;
          amend_test_rmtree (tmp);
          remove_project (dir);
        }
    }
  g_test_message ("Gemeentewet, adopted as amendments: %u pairs of edits in neighbouring paragraphs, all merged by "
                  "amend; git merge-file conflicts on %u of the same triples", merges, git_conflicts);
  g_printerr ("# Gemeentewet, adopted as amendments: %u pairs merged by amend; git merge-file conflicts on %u\n",
              merges, git_conflicts);
  g_assert_cmpuint (merges, >, 0);
}

/* Zes weken and Tien weken change the same words; Zeven dagen amends
 * Zes weken.  Once Tien weken is adopted, Zes weken has lapsed and its
 * subamendment with it: amend order and the council paper no longer
 * number them among the votes to come, and say why. */
static void
test_order_lapsed (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *steps;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Zeven dagen", "zes-weken", "binnen zes weken", "binnen zes weken en zeven dagen", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  make_amendment (dir, "Vergunning", NULL, "een evenement", "een groot evenement", TRUE);
  amend_run (&run, dir, "adopt", "tien-weken");
  assert_ok (&run);

  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==,
                   " 1. vergunning  \xe2\x80\x9cVergunning\xe2\x80\x9d\n"
                   "Lapsed, not voted on:\n"
                   "    zeven-dagen  \xe2\x80\x9cZeven dagen\xe2\x80\x9d: with zes-weken, which it amends\n"
                   "    zes-weken  \xe2\x80\x9cZes weken\xe2\x80\x9d: tien-weken was adopted\n");
  amend_run (&run, dir, "order", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  steps = json_node_get_array (json);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);
      const char *slug = json_object_get_string_member (step, "slug");
      JsonNode *position = json_object_get_member (step, "position");

      if (g_str_equal (slug, "vergunning"))
        g_assert_cmpint (json_node_get_int (position), ==, 1);
      else
        g_assert_true (JSON_NODE_HOLDS_NULL (position));
      if (g_str_equal (slug, "zes-weken"))
        g_assert_cmpstr (json_object_get_string_member (step, "lapsed_by"), ==, "tien-weken");
      if (g_str_equal (slug, "zeven-dagen"))
        g_assert_cmpstr (json_object_get_string_member (step, "lapsed_with"), ==, "zes-weken");
    }

  amend_run (&run, dir, "paper");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "<h2>1. Vergunning</h2>"));
  g_assert_nonnull (strstr (run.out, "<h2>Zes weken</h2>"));
  g_assert_nonnull (strstr (run.out, "Lapsed: \xe2\x80\x9cTien weken\xe2\x80\x9d was adopted, and the council does not "
                                     "vote on it."));
  g_assert_nonnull (strstr (run.out, "Lapsed with \xe2\x80\x9cZes weken\xe2\x80\x9d, which it amends"));
  g_assert_null (strstr (run.out, "<h2>2."));
  remove_project (dir);
}

/* An amendment refused for a file in .amend that is not its own, which
 * also conflicts with an adopted one on the same words, has lapsed: amend
 * order numbers it no more and says why, though amend list still says
 * why adopting it is refused.  The check of amend list makes no trial
 * merge for a refused one, so lapsed was not found for it. */
static void
test_order_lapsed_refused (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  make_amendment (dir, "Vergunning", NULL, "een evenement", "een groot evenement", TRUE);
  g_free (amend_test_git_ok (dir, "switch", "-q", "amendement/zes-weken", NULL));
  amend_test_write (dir, ".amend/amendementen/tien-weken/notitie.md", "Van een ander.\n");
  g_free (amend_test_git_ok (dir, "add", ".amend", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Notitie", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  amend_run (&run, dir, "adopt", "tien-weken");
  assert_ok (&run);

  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "refused: changes .amend/amendementen/tien-weken/notitie.md"));
  amend_run (&run, dir, "order");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==,
                   " 1. vergunning  \xe2\x80\x9cVergunning\xe2\x80\x9d\n"
                   "Lapsed, not voted on:\n"
                   "    zes-weken  \xe2\x80\x9cZes weken\xe2\x80\x9d: tien-weken was adopted\n");
  remove_project (dir);
}

/* The tip of @branch, to see that nothing was committed on it. */
static char *
tip_of (const char *dir,
        const char *branch)
{
  return amend_test_git_ok (dir, "rev-parse", branch, NULL);
}

/* A comment on @slug is refused with @needle, exit 4, and its branch
 * does not move. */
static void
assert_comment_closed (const char *dir,
                       const char *slug,
                       const char *needle)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *branch = g_strconcat ("amendement/", slug, NULL);
  g_autofree char *before = tip_of (dir, branch);
  g_autofree char *after = NULL;

  amend_run (&run, dir, "comment", "add", slug, "-m", "Te laat.");
  assert_refused (&run, 4, needle);
  g_assert_nonnull (strstr (run.err, "comments on it are closed; comment on the draft instead"));
  after = tip_of (dir, branch);
  g_assert_cmpstr (before, ==, after);
}

/* Once the council decided on an amendment (adopted, rejected), it was
 * withdrawn, or it lapsed, its comments are closed: a comment, a resolve
 * or a reopen is refused with the day and the reason (exit 4), and
 * nothing is committed on its branch, where for an adopted one it would
 * never reach the archive in main.  Comments while it is open still go. */
static void
test_comments_closed (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *today = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *archived = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  make_amendment (dir, "Vergunning", NULL, "een evenement", "een groot evenement", TRUE);
  make_amendment (dir, "Weg", NULL, "de openbare weg", "de weg", FALSE);
  make_amendment (dir, "Intrekking", NULL, "kan worden ingetrokken", "wordt ingetrokken", TRUE);

  amend_run (&run, dir, "comment", "add", "zes-weken", "-m", "Zes weken is kort.");
  assert_ok (&run);
  id = g_strndup (strstr (run.out, "Comment ") + strlen ("Comment "), 8);
  amend_run (&run, dir, "vote", "zes-weken", "--for", "20", "--against", "3", "--date", "2027-03-14");
  assert_ok (&run);
  assert_comment_closed (dir, "zes-weken", "the amendment \xe2\x80\x9czes-weken\xe2\x80\x9d was decided on 2027-03-14 "
                                           "(aangenomen)");
  before = tip_of (dir, "amendement/zes-weken");
  amend_run (&run, dir, "comment", "resolve", id);
  assert_refused (&run, 4, "was decided on 2027-03-14");
  after = tip_of (dir, "amendement/zes-weken");
  g_assert_cmpstr (before, ==, after);
  /* What main archived is what was there at the decision. */
  archived = amend_test_git_ok (dir, "ls-tree", "--name-only", "main:.amend/amendementen/zes-weken/opmerkingen", NULL);
  g_assert_cmpuint (strlen (archived), ==, strlen ("ID.md\n") + 34);

  assert_comment_closed (dir, "tien-weken", "lapsed on 2027-03-14, when \xe2\x80\x9czes-weken\xe2\x80\x9d was adopted");
  amend_run (&run, dir, "vote", "vergunning", "--for", "3", "--against", "20");
  assert_ok (&run);
  today = g_date_time_format (now, "%Y-%m-%d");
  needle = g_strdup_printf ("was decided on %s (verworpen)", today);
  assert_comment_closed (dir, "vergunning", needle);
  amend_run (&run, dir, "withdraw", "weg");
  assert_ok (&run);
  g_free (needle);
  needle = g_strdup_printf ("was withdrawn on %s (ingetrokken)", today);
  assert_comment_closed (dir, "weg", needle);

  /* Open: still commented on. */
  amend_run (&run, dir, "comment", "add", "intrekking", "-m", "Waarom niet kan?");
  assert_ok (&run);
  remove_project (dir);
}

/* An amendment that changes no regulation cannot be submitted, and one
 * whose changes main holds already (saved there too, merged with git)
 * cannot be adopted or voted for: a sentence and exit 4 instead of an
 * empty merge commit, nothing written; amend list says "in main" for
 * exactly those. */
static void
test_changes_nothing (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *main_before = NULL;
  g_autofree char *tip_before = NULL;
  g_autofree char *main_after = NULL;
  g_autofree char *tip_after = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *list;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  amend_run (&run, dir, "propose", "Leeg");
  assert_ok (&run);
  tip_before = tip_of (dir, "amendement/leeg");
  amend_run (&run, dir, "submit");
  assert_refused (&run, 4, "the amendment \xe2\x80\x9cleeg\xe2\x80\x9d changes no regulation: its text is the same as "
                           "where it left main, so it cannot be submitted; change the regulation on it and save");
  tip_after = tip_of (dir, "amendement/leeg");
  g_assert_cmpstr (tip_before, ==, tip_after);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);

  /* The same words saved on main as well. */
  make_amendment (dir, "Dubbel", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  replace_in_file (dir, "regeling.md", "binnen acht weken", "binnen zes weken");
  amend_run (&run, dir, "save", "-m", "Zes weken ook in het ontwerp");
  assert_ok (&run);
  /* Merged with git. */
  make_amendment (dir, "Met git", NULL, "Het is verboden", "Het is zonder meer verboden", TRUE);
  g_free (amend_test_git_ok (dir, "merge", "--no-edit", "-q", "amendement/met-git", NULL));
  /* Submitted, then its change undone on its branch. */
  make_amendment (dir, "Terug", NULL, "een evenement", "een groot evenement", TRUE);
  amend_run (&run, dir, "switch", "terug");
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", "een groot evenement", "een evenement");
  amend_run (&run, dir, "save", "-m", "Toch niet");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  list = json_node_get_array (json);
  g_assert_cmpstr (merge_state (list, "dubbel"), ==, "contained");
  g_assert_cmpstr (merge_state (list, "met-git"), ==, "contained");

  g_free (main_before);
  main_before = tip_of (dir, "main");
  g_free (tip_before);
  tip_before = tip_of (dir, "amendement/dubbel");
  amend_run (&run, dir, "adopt", "dubbel");
  assert_refused (&run, 4, "the amendment \xe2\x80\x9c" "dubbel\xe2\x80\x9d changes nothing in main: main already holds "
                           "every change it makes");
  amend_run (&run, dir, "vote", "dubbel", "--for", "20", "--against", "1");
  assert_refused (&run, 4, "so adopting it would make an empty merge; withdraw it with amend withdraw dubbel");
  amend_run (&run, dir, "vote", "met-git", "--for", "20", "--against", "1");
  assert_refused (&run, 4, "the amendment \xe2\x80\x9cmet-git\xe2\x80\x9d is in main already (merged with git)");
  amend_run (&run, dir, "adopt", "terug");
  assert_refused (&run, 4, "the amendment \xe2\x80\x9cterug\xe2\x80\x9d changes no regulation");
  g_free (main_after);
  main_after = tip_of (dir, "main");
  g_free (tip_after);
  tip_after = tip_of (dir, "amendement/dubbel");
  g_assert_cmpstr (main_before, ==, main_after);
  g_assert_cmpstr (tip_before, ==, tip_after);
  g_assert_false (pending (dir));

  /* A vote against is still recorded. */
  amend_run (&run, dir, "vote", "dubbel", "--for", "1", "--against", "20");
  assert_ok (&run);
  remove_project (dir);
}

/* Proposes @title and commits @record over its record with git. */
static void
break_record (const char *dir,
              const char *title,
              const char *slug,
              const char *record)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *path = g_strdup_printf (".amend/amendementen/%s/amendement.ini", slug);

  amend_run (&run, dir, "propose", title);
  assert_ok (&run);
  amend_test_write (dir, path, record);
  g_free (amend_test_git_ok (dir, "commit", "-qam", "Met de hand", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
}

/* Each branch left out, once, with its own sentence on one line. */
static void
assert_left_out (const char *err)
{
  const char *branches[] = { "kapot", "zonder-titel", "onbekend", "boom" };

  for (guint i = 0; i < G_N_ELEMENTS (branches); i++)
    {
      g_autofree char *needle = g_strdup_printf ("amend: amendement/%s is left out: ", branches[i]);
      const char *at = strstr (err, needle);

      if (at == NULL)
        g_error ("\"%s\" is not in: %s", needle, err);
      g_assert_null (strstr (at + 1, needle));
    }
  g_assert_nonnull (strstr (err, "correct it, it is a text file in the branch amendement/kapot"));
  g_assert_nonnull (strstr (err, "the branch amendement/boom points at a tree, not at a version (a commit)"));
}

/* One record broken by hand (bad key-file syntax, no title, a status
 * Amend does not know) or a branch that names a tree must not hide the
 * other amendments: list, order, collisions and the council paper list
 * the rest, say which branch is left out and why (also in --json), and
 * exit 0; only a command that names the broken one fails. */
static void
test_unreadable_records (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *tree = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) collisions = NULL;
  JsonArray *list, *unreadable;
  guint n_errors = 0;

  if (!amend_test_need_git ())
    return;
  dir = new_project (BASE);
  make_amendment (dir, "Zes weken", NULL, "binnen acht weken", "binnen zes weken", TRUE);
  make_amendment (dir, "Tien weken", NULL, "binnen acht weken", "binnen tien weken", TRUE);
  break_record (dir, "Kapot", "kapot", "[amendement\ntitle=Kapot\n");
  break_record (dir, "Zonder titel", "zonder-titel", "[amendement]\nstatus=ingediend\n");
  break_record (dir, "Onbekend", "onbekend", "[amendement]\ntitle=Onbekend\nstatus=misschien\n");
  tree = g_strstrip (amend_test_git_ok (dir, "rev-parse", "main^{tree}", NULL));
  amend_test_write (dir, ".git/refs/heads/amendement/boom", tree);

  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "zes-weken"));
  g_assert_nonnull (strstr (run.out, "tien-weken"));
  assert_left_out (run.err);

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  assert_left_out (run.err);
  json = parse_json (run.out);
  list = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (list), ==, 6);
  g_assert_cmpstr (merge_state (list, "zes-weken"), ==, "applies");
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_object_has_member (json_array_get_object_element (list, i), "error"))
      n_errors++;
  g_assert_cmpuint (n_errors, ==, 4);
  g_assert_nonnull (strstr (json_object_get_string_member (find_slug (list, "boom"), "error"), "git branch -D amendement/boom"));

  amend_run (&run, dir, "order");
  assert_ok (&run);
  assert_left_out (run.err);
  g_assert_nonnull (strstr (run.out, " 1. "));
  g_assert_nonnull (strstr (run.out, " 2. "));

  amend_run (&run, dir, "collisions", "--json");
  assert_ok (&run);
  assert_left_out (run.err);
  collisions = parse_json (run.out);
  unreadable = json_object_get_array_member (json_node_get_object (collisions), "unreadable");
  g_assert_cmpuint (json_array_get_length (unreadable), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (collisions), "collisions")),
                    ==, 1);

  amend_run (&run, dir, "paper");
  assert_ok (&run);
  assert_left_out (run.err);
  g_assert_nonnull (strstr (run.out, "Zes weken"));
  g_assert_nonnull (strstr (run.out, "Tien weken"));

  /* Asked for by name: refused, with the same sentence. */
  amend_run (&run, dir, "paper", "kapot");
  assert_refused (&run, 3, "correct it, it is a text file in the branch amendement/kapot");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_free (amend_test_git_ok (dir, "update-ref", "-d", "refs/heads/amendement/boom", NULL));
  remove_project (dir);
}

int
main (int   argc,
      char *argv[])
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-merge/vote/adopted", test_vote_adopted);
  g_test_add_func ("/cli-merge/vote/tie-rejects", test_vote_tie_rejects);
  g_test_add_func ("/cli-merge/other-files", test_other_files);
  g_test_add_func ("/cli-merge/foreign-files", test_foreign_files);
  g_test_add_func ("/cli-merge/branch-removed", test_branch_removed);
  g_test_add_func ("/cli-merge/untracked-in-the-way", test_untracked_in_the_way);
  g_test_add_func ("/cli-merge/refusals", test_refusals);
  g_test_add_func ("/cli-merge/at-once", test_at_once);
  g_test_add_func ("/cli-merge/conflicts-resolve-continue", test_conflicts_resolve_continue);
  g_test_add_func ("/cli-merge/abort-restores", test_abort_restores);
  g_test_add_func ("/cli-merge/main-moved-by-hand", test_main_moved_by_hand);
  g_test_add_func ("/cli-merge/kill/points", test_kill_points);
  g_test_add_func ("/cli-merge/kill/timed", test_kill_timed);
  g_test_add_func ("/cli-merge/list-after-adoption", test_list_after_adoption);
  g_test_add_func ("/cli-merge/list-apply-cache", test_list_apply_cache);
  g_test_add_func ("/cli-merge/canonical-blobs", test_canonical_blobs);
  g_test_add_func ("/cli-merge/update", test_update);
  g_test_add_func ("/cli-merge/subamendment", test_subamendment);
  g_test_add_func ("/cli-merge/subamendment-orphaned", test_subamendment_orphaned);
  g_test_add_func ("/cli-merge/orphan-branch", test_orphan_branch);
  g_test_add_func ("/cli-merge/order-nested", test_order_nested);
  g_test_add_func ("/cli-merge/collisions-and-order", test_collisions_and_order);
  g_test_add_func ("/cli-merge/order-tie", test_order_tie);
  g_test_add_func ("/cli-merge/order-conflict", test_order_conflict);
  g_test_add_func ("/cli-merge/order-lapsed", test_order_lapsed);
  g_test_add_func ("/cli-merge/order-lapsed-refused", test_order_lapsed_refused);
  g_test_add_func ("/cli-merge/property/gemeentewet", test_property_gemeentewet);
  g_test_add_func ("/cli-merge/comments-closed", test_comments_closed);
  g_test_add_func ("/cli-merge/changes-nothing", test_changes_nothing);
  g_test_add_func ("/cli-merge/unreadable-records", test_unreadable_records);
  return g_test_run ();
}
