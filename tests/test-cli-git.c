/* test-cli-git.c: the project commands of the amend program, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * init, save, log, show, status, propose, list, switch, submit and
 * withdraw on real repositories in temporary folders, with the git program
 * as the reference (git fsck --strict after every scenario).
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "amend-test-git.h"
#include "amend-test-cli.h"
#include "amend-test-util.h"

#define AUTHOR "Jan Jansen <jan@example.nl>"

/* Runs `amend ARGS...` in @cwd; @home, when given, replaces the home
 * folder (and with it the git configuration).  What amend shows of a
 * repository need not be UTF-8. */
static void
amend_run_in (AmendTestRun *run,
              const char   *cwd,
              const char   *home,
              const char   *first,
              ...)
{
  g_autofree char *config = home ? g_build_filename (home, ".gitconfig", NULL) : NULL;
  g_autofree char *home_env = home ? g_strconcat ("HOME=", home, NULL) : NULL;
  g_autofree char *xdg_env = home ? g_strconcat ("XDG_CONFIG_HOME=", home, NULL) : NULL;
  g_autofree char *config_env = home ? g_strconcat ("GIT_CONFIG_GLOBAL=", config, NULL) : NULL;
  /* Without @home the list is empty. */
  const char *env[] = { home_env, xdg_env, config_env, NULL };
  AmendTestRunOptions options = { .cwd = cwd, .env = env, .binary = TRUE };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, cwd, ...) amend_run_in (run, cwd, NULL, __VA_ARGS__, NULL)

static void
assert_ok (AmendTestRun *run)
{
  if (run->status != 0)
    g_error ("amend failed with %d: %s", run->status, run->err);
}

static void
assert_refused (AmendTestRun        *run,
                int         status,
                const char *needle)
{
  g_assert_cmpint (run->status, ==, status);
  if (needle && strstr (run->err, needle) == NULL)
    g_error ("\"%s\" is not in: %s", needle, run->err);
  /* One sentence on one line, after "amend: ". */
  g_assert_true (g_str_has_prefix (run->err, "amend: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static char *
new_project (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-git");
  char *dir = g_build_filename (parent, "project", NULL);

  amend_run (&run, parent, "init", "project");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "branch main"));
  return dir;
}

static void
remove_project (const char *dir)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  amend_test_rmtree (parent);
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

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (to, parts);
  amend_test_write (dir, file, joined);
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

/* ----------------------------------------------------------------------- */

static void
test_help (void)
{
  g_auto(AmendTestRun) run = { 0 };
  const char *commands[] = { "init", "save", "log", "show", "status", "propose", "list", "switch", "submit",
                             "withdraw" };
  g_autofree char *cwd = g_get_current_dir ();

  amend_run (&run, cwd, "--help");
  assert_ok (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_assert_nonnull (strstr (run.out, line));
    }
  g_assert_nonnull (strstr (run.out, "4 refused"));

  amend_run (&run, cwd, "help", "propose");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "--by"));
  g_assert_nonnull (strstr (run.out, "--motivation"));
  g_assert_nonnull (strstr (run.out, "--from"));
  g_assert_nonnull (strstr (run.out, "--repo"));
  amend_run (&run, cwd, "help", "save");
  g_assert_nonnull (strstr (run.out, "--author"));
  g_assert_nonnull (strstr (run.out, "--message"));

  /* Usage errors: exit 2, with the usage line. */
  amend_run (&run, cwd, "show", "regeling.md");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "HEAD~1:regeling.md"));
  amend_run (&run, cwd, "switch");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, cwd, "log", "a.md", "b.md");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, cwd, "propose");
  g_assert_cmpint (run.status, ==, 2);
  /* An empty title is a usage error too, found before the project is opened. */
  amend_run (&run, cwd, "propose", " ");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "title"));
  amend_run (&run, cwd, "list", "--bogus");
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_outside_project (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = amend_test_tmpdir ("amend-cli-none");

  amend_run (&run, dir, "log");
  assert_refused (&run, 3, "amend init");
  amend_run (&run, dir, "status", "-C", "/nonexistent/folder");
  assert_refused (&run, 3, "/nonexistent/folder");
  amend_test_rmtree (dir);
}

static void
test_init_without_author (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *home = NULL;
  g_autofree char *git_dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = amend_test_tmpdir ("amend-cli-noauthor");
  home = amend_test_tmpdir ("amend-cli-nohome");

  amend_run_in (&run, dir, home, "init", NULL);
  assert_refused (&run, 4, "git config --global user.name \"Your Name\"");
  g_assert_nonnull (strstr (run.err, "user.email"));
  g_assert_nonnull (strstr (run.err, "--author"));
  git_dir = g_build_filename (dir, ".git", NULL);
  g_assert_false (g_file_test (git_dir, G_FILE_TEST_EXISTS));

  amend_run_in (&run, dir, home, "init", "--author", "Jan", NULL);
  assert_refused (&run, 2, "Name <e-mail>");

  amend_run_in (&run, dir, home, "init", "--author", AUTHOR, NULL);
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", "Citeertitel", "Naam");
  amend_run_in (&run, dir, home, "save", NULL);
  assert_refused (&run, 4, "--author");
  amend_run_in (&run, dir, home, "save", "--author", "Eva de Vries <eva@example.nl>", NULL);
  assert_ok (&run);
  {
    g_autofree char *authors = amend_test_git_ok (dir, "log", "--format=%an <%ae>", NULL);
    g_assert_cmpstr (authors, ==, "Eva de Vries <eva@example.nl>\n" AUTHOR "\n");
  }
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
  amend_test_rmtree (home);
}

static void
test_init_save_log_show (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *commits;
  JsonObject *first;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  parent = g_path_get_dirname (dir);
  amend_test_fsck (dir);

  amend_run (&run, parent, "init", "project");
  assert_refused (&run, 4, "already a git repository");

  amend_run (&run, dir, "save");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "nothing to save"));

  replace_in_file (dir, "regeling.md", "op de dag na die van de bekendmaking", "op 1 januari 2028");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "On branch main"));
  g_assert_true (g_regex_match_simple ("\n  changed +regeling\\.md\n", run.out, 0, 0));

  /* -C, from another folder; a file named relative to it. */
  amend_run (&run, parent, "save", "-C", "project", "-m", "Vaste datum\n\nOp verzoek van de raad.", "--author",
             "Eva de Vries <eva@example.nl>", "regeling.md");
  assert_ok (&run);
  g_assert_true (g_str_has_prefix (run.out, "Saved version "));
  g_assert_nonnull (strstr (run.out, " on main"));

  amend_run (&run, dir, "log", "--json", "regeling.md");
  assert_ok (&run);
  json = parse_json (run.out);
  commits = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (commits), ==, 2);
  first = json_array_get_object_element (commits, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (first, "id")), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (first, "author"), ==, "Eva de Vries");
  g_assert_cmpstr (json_object_get_string_member (first, "email"), ==, "eva@example.nl");
  g_assert_cmpstr (json_object_get_string_member (first, "message"), ==, "Vaste datum\n\nOp verzoek van de raad.\n");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$",
                                       json_object_get_string_member (first, "date"), 0, 0));
  {
    g_autofree char *git_id = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);
    g_assert_true (g_str_has_prefix (git_id, json_object_get_string_member (first, "id")));
  }

  /* The text log: one aligned line per version. */
  amend_run (&run, dir, "log");
  assert_ok (&run);
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{7}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  Eva de Vries    Vaste datum\n"
                                       "[0-9a-f]{7}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  Test Gebruiker  Start the regulation\n$",
                                       run.out, 0, 0));

  /* show: byte for byte, by HEAD~1 and by branch. */
  amend_run (&run, dir, "show", "HEAD~1:regeling.md");
  assert_ok (&run);
  {
    g_autoptr(GBytes) by_git = amend_test_git_show (dir, "HEAD~1:regeling.md");
    g_assert_true (g_bytes_equal (run.bytes, by_git));
    g_assert_nonnull (strstr (run.out, "op de dag na die van de bekendmaking"));
  }
  amend_run (&run, dir, "show", "main:./regeling.md");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "op 1 januari 2028"));
  amend_run (&run, dir, "show", "HEAD~7:regeling.md");
  assert_refused (&run, 3, "HEAD~7");
  amend_run (&run, dir, "show", "HEAD:geen.md");
  assert_refused (&run, 3, "geen.md");

  amend_test_fsck (dir);
  remove_project (dir);
}

/* The 22 real versions of the Gemeentewet, saved one by one with amend. */
static void
test_gemeentewet (void)
{
  g_autoptr(GPtrArray) versions = amend_test_shared_files ("corpus/nl-wetten-historie", ".md");
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *git_ids = NULL;
  GString *ids = g_string_new (NULL);
  JsonArray *commits;

  if (versions == NULL || !amend_test_need_git ())
    {
      g_string_free (ids, TRUE);
      return;
    }
  g_assert_cmpuint (versions->len, ==, 22);
  dir = amend_test_tmpdir ("amend-cli-gemeentewet");
  g_free (amend_test_git_ok (dir, "init", "-q", NULL));

  for (guint i = 0; i < versions->len; i++)
    {
      gsize len = 0;
      g_autofree char *data = amend_test_read_file (g_ptr_array_index (versions, i), &len);
      g_autofree char *path = g_build_filename (dir, "gemeentewet.md", NULL);
      g_autofree char *message = g_strdup_printf ("Versie %u", i + 1);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, data, len, &error);
      g_assert_no_error (error);
      amend_run (&run, dir, "save", "-m", message, "--author", AUTHOR);
      assert_ok (&run);
    }

  amend_run (&run, dir, "log", "--json", "gemeentewet.md");
  assert_ok (&run);
  json = parse_json (run.out);
  commits = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (commits), ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      JsonObject *c = json_array_get_object_element (commits, i);
      g_autofree char *message = g_strdup_printf ("Versie %u\n", 22 - i);
      g_autofree char *spec = g_strdup_printf ("HEAD~%u:gemeentewet.md", i);
      gsize len = 0;
      g_autofree char *data = amend_test_read_file (g_ptr_array_index (versions, 21 - i), &len);
      g_autoptr(GBytes) original = g_bytes_new_take (g_steal_pointer (&data), len);

      g_assert_cmpstr (json_object_get_string_member (c, "message"), ==, message);
      g_string_append_printf (ids, "%s\n", json_object_get_string_member (c, "id"));
      amend_run (&run, dir, "show", spec);
      assert_ok (&run);
      g_assert_true (g_bytes_equal (run.bytes, original));
    }
  git_ids = amend_test_git_ok (dir, "log", "--format=%H", "--", "gemeentewet.md", NULL);
  g_assert_cmpstr (git_ids, ==, ids->str);
  g_string_free (ids, TRUE);
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
}

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
  g_error ("no amendment %s", slug);
  return NULL;
}

static void
test_amendments (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *record = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *a;
  JsonArray *array;
  const char *slug = "verbod-op-vuurwerk-in-het-centrum";

  if (!amend_test_need_git ())
    return;
  dir = new_project ();

  amend_run (&run, dir, "propose", "Verbod op vuurwerk", "in het centrum", "--by", AUTHOR, "--by",
             "Eva de Vries <eva@example.nl>", "--motivation", "Rust in de binnenstad.");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "amendement/verbod-op-vuurwerk-in-het-centrum"));
  {
    g_autofree char *branch = amend_test_git_ok (dir, "branch", "--show-current", NULL);
    g_assert_cmpstr (branch, ==, "amendement/verbod-op-vuurwerk-in-het-centrum\n");
  }
  record = amend_test_git_ok (dir, "show", "HEAD:.amend/amendementen/verbod-op-vuurwerk-in-het-centrum/amendement.ini",
                              NULL);
  g_assert_nonnull (strstr (record, "title=Verbod op vuurwerk in het centrum\n"));
  g_assert_nonnull (strstr (record, "submitters=Jan Jansen <jan@example.nl>;Eva de Vries <eva@example.nl>;\n"));
  g_assert_nonnull (strstr (record, "motivation=Rust in de binnenstad.\n"));
  g_assert_nonnull (strstr (record, "status=concept\n"));
  amend_run (&run, dir, "status");
  g_assert_nonnull (strstr (run.out, "On amendment \xe2\x80\x9cVerbod op vuurwerk in het centrum\xe2\x80\x9d"));
  g_assert_nonnull (strstr (run.out, "concept, 1 ahead of main, 0 behind"));
  amend_test_fsck (dir);

  /* Work on it: article 1 and a new article 2a. */
  replace_in_file (dir, "regeling.md", "- b. raad: de gemeenteraad.",
                   "- b. raad: de gemeenteraad;\n- c. vuurwerk: consumentenvuurwerk.");
  replace_in_file (dir, "regeling.md", "## Artikel 3 Citeertitel",
                   "## Artikel 2a Vuurwerkverbod\n\nHet is verboden in het centrum vuurwerk af te steken.\n\n"
                   "## Artikel 3 Citeertitel");
  amend_run (&run, dir, "save", "-m", "Verbod");
  assert_ok (&run);

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  array = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  a = find_slug (array, slug);
  g_assert_cmpstr (json_object_get_string_member (a, "branch"), ==, "amendement/verbod-op-vuurwerk-in-het-centrum");
  g_assert_cmpstr (json_object_get_string_member (a, "title"), ==, "Verbod op vuurwerk in het centrum");
  g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, "concept");
  g_assert_cmpstr (json_object_get_string_member (a, "motivation"), ==, "Rust in de binnenstad.");
  g_assert_cmpint (json_object_get_int_member (a, "ahead"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (a, "behind"), ==, 0);
  {
    JsonArray *people = json_object_get_array_member (a, "submitters");
    JsonArray *articles = json_object_get_array_member (a, "articles");
    JsonArray *files = json_object_get_array_member (a, "files");

    g_assert_cmpuint (json_array_get_length (people), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (people, 1), ==, "Eva de Vries <eva@example.nl>");
    g_assert_cmpuint (json_array_get_length (articles), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (articles, 0), ==, "1");
    g_assert_cmpstr (json_array_get_string_element (articles, 1), ==, "2a");
    g_assert_cmpuint (json_array_get_length (files), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0), "path"), ==,
                     "regeling.md");
    g_assert_nonnull (json_object_get_string_member (a, "last_change"));
    g_assert_true (json_object_get_boolean_member (a, "record"));
  }
  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_true (g_regex_match_simple ("^NAME +STATUS +\\+/- MAIN +MERGE +CHANGED +ARTICLES +TITLE +BY\n"
                                       "verbod-op-vuurwerk-in-het-centrum +concept +\\+2 -0 +applies +[-0-9: ]+ +1, 2a +"
                                       "Verbod op vuurwerk in het centrum +Jan Jansen, Eva de Vries\n$",
                                       run.out, 0, 0));

  /* Unsaved changes stop a switch; nothing is lost. */
  replace_in_file (dir, "regeling.md", "consumentenvuurwerk", "alle vuurwerk");
  amend_run (&run, dir, "switch", "main");
  assert_refused (&run, 4, "regeling.md");
  g_assert_nonnull (strstr (run.err, "amend save"));
  g_assert_nonnull (strstr (run.err, "amend switch main --save"));
  g_free (record);
  record = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (record, "alle vuurwerk"));
  amend_run (&run, dir, "switch", "main", "--save");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "Switched to main\n");
  g_free (record);
  record = amend_test_read (dir, "regeling.md");
  g_assert_null (strstr (record, "vuurwerk"));
  {
    g_autofree char *subject = amend_test_git_ok (dir, "log", "-1", "--format=%s",
                                                  "amendement/verbod-op-vuurwerk-in-het-centrum", NULL);
    g_assert_cmpstr (subject, ==, "Save before switching to main\n");
  }
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "Already on main\n");

  /* Submit by name from main; withdraw from on the branch. */
  amend_run (&run, dir, "submit", slug);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "is now ingediend"));
  amend_run (&run, dir, "submit");
  assert_refused (&run, 3, "no amendment");
  amend_run (&run, dir, "switch", "amendement/verbod-op-vuurwerk-in-het-centrum");
  assert_ok (&run);
  amend_run (&run, dir, "submit");
  assert_refused (&run, 4, "already ingediend");
  amend_run (&run, dir, "withdraw");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "is now ingetrokken"));
  g_free (record);
  record = amend_test_read (dir, ".amend/amendementen/verbod-op-vuurwerk-in-het-centrum/amendement.ini");
  g_assert_nonnull (strstr (record, "status=ingetrokken\n"));
  amend_run (&run, dir, "submit");
  assert_refused (&run, 4, "ingetrokken");
  g_assert_nonnull (strstr (run.err, "propose a new amendment"));
  amend_run (&run, dir, "withdraw");
  assert_refused (&run, 4, "ingetrokken");

  /* The same title again gets a suffix. */
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "propose", "Verbod op vuurwerk in het centrum");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "amendement/verbod-op-vuurwerk-in-het-centrum-2"));
  g_clear_pointer (&json, json_node_unref);
  amend_run (&run, dir, "list", "--json");
  json = parse_json (run.out);
  array = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (find_slug (array, slug), "status"), ==, "ingetrokken");
  g_assert_cmpstr (json_object_get_string_member (find_slug (array, "verbod-op-vuurwerk-in-het-centrum-2"), "status"),
                   ==, "concept");
  {
    g_autofree char *refs = amend_test_git_ok (dir, "for-each-ref", "--format=%(refname:short)", "refs/heads", NULL);
    g_assert_cmpstr (refs, ==, "amendement/verbod-op-vuurwerk-in-het-centrum\n"
                               "amendement/verbod-op-vuurwerk-in-het-centrum-2\nmain\n");
  }
  amend_test_fsck (dir);
  remove_project (dir);
}

static void
test_refusals (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *unborn = NULL;
  g_autofree char *err = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();

  /* Locked by another program. */
  amend_test_write (dir, ".git/index.lock", "");
  replace_in_file (dir, "regeling.md", "Citeertitel", "Naam");
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "index.lock");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "index.lock"));
  {
    g_autofree char *lock = g_build_filename (dir, ".git", "index.lock", NULL);
    g_assert_cmpint (g_unlink (lock), ==, 0);
  }
  amend_run (&run, dir, "save", "-m", "Naam");
  assert_ok (&run);
  amend_test_fsck (dir);

  /* In the middle of a merge with conflicts, made with git. */
  g_free (amend_test_git_ok (dir, "switch", "-q", "-c", "ander", NULL));
  replace_in_file (dir, "regeling.md", "Verordening.\n", "Andere verordening.\n");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Ander", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));
  replace_in_file (dir, "regeling.md", "Verordening.\n", "Eigen verordening.\n");
  g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Eigen", NULL));
  g_assert_cmpint (amend_test_git (dir, NULL, &err, "merge", "ander", NULL), !=, 0);
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "git merge --abort");
  amend_run (&run, dir, "switch", "ander", "--save");
  assert_refused (&run, 4, "merge");
  amend_run (&run, dir, "propose", "Midden in een merge");
  assert_refused (&run, 4, "merge");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "git merge --abort"));
  amend_test_fsck (dir);
  g_free (amend_test_git_ok (dir, "merge", "--abort", NULL));

  /* Detached HEAD. */
  g_free (amend_test_git_ok (dir, "checkout", "-q", "--detach", NULL));
  amend_run (&run, dir, "status");
  g_assert_nonnull (strstr (run.out, "Not on a branch"));
  replace_in_file (dir, "regeling.md", "Naam", "Titel");
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "detached HEAD");
  amend_run (&run, dir, "switch", "main", "--save");
  assert_refused (&run, 4, "detached HEAD");
  g_free (amend_test_git_ok (dir, "checkout", "-q", "regeling.md", NULL));
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_test_fsck (dir);

  /* Bare: reading works, writing is refused. */
  bare = amend_test_tmpdir ("amend-cli-bare");
  g_free (amend_test_git_ok (bare, "init", "-q", "--bare", NULL));
  g_free (amend_test_git_ok (dir, "push", "-q", bare, "main", NULL));
  amend_run (&run, bare, "log", "--json", "regeling.md");
  assert_ok (&run);
  amend_run (&run, bare, "show", "main:regeling.md");
  assert_ok (&run);
  amend_run (&run, bare, "save");
  assert_refused (&run, 4, "bare repository");
  g_assert_nonnull (strstr (run.err, "git clone"));
  amend_run (&run, bare, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "bare repository"));
  amend_test_fsck (bare);
  amend_test_rmtree (bare);

  /* Unborn: git init without a commit. */
  unborn = amend_test_tmpdir ("amend-cli-unborn");
  g_free (amend_test_git_ok (unborn, "init", "-q", NULL));
  amend_run (&run, unborn, "log");
  assert_refused (&run, 4, "no saved version yet");
  amend_run (&run, unborn, "list");
  assert_refused (&run, 4, "no saved version yet");
  amend_run (&run, unborn, "propose", "Te vroeg");
  assert_refused (&run, 4, "no saved version yet");
  amend_run (&run, unborn, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "no saved version yet"));
  amend_test_write (unborn, "regeling.md", "## Artikel 1\n\nEen.\n");
  amend_run (&run, unborn, "save", "-m", "Eerste");
  assert_ok (&run);
  amend_test_fsck (unborn);
  amend_test_rmtree (unborn);

  remove_project (dir);
}

/* What git wrote, Amend reads: an amendment branch with a record made
 * with git, next to other branches and files. */
static void
test_git_made (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *a;

  if (!amend_test_need_git ())
    return;
  dir = amend_test_tmpdir ("amend-cli-gitmade");
  g_free (amend_test_git_ok (dir, "init", "-q", NULL));
  amend_test_write (dir, "apv.md", "# Hoofdstuk 1 Algemeen\n\n## Artikel 1:1 Begrip\n\nTekst.\n\n"
                                   "## Artikel 1:2 Termijn\n\nAcht weken.\n");
  amend_test_write (dir, "docs/notities.txt", "Notities.\n");
  g_free (amend_test_git_ok (dir, "add", ".", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Eerste met git", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "-c", "amendement/termijn", NULL));
  replace_in_file (dir, "apv.md", "Acht weken.", "Zes weken.");
  amend_test_write (dir, ".amend/amendementen/termijn/amendement.ini",
                    "[amendement]\ntitle=Kortere termijn\nsubmitters=Piet Puk <piet@example.nl>;\n"
                    "motivation=Sneller.\nstatus=ingediend\ncreated=2027-01-05T10:00:00+01:00\n"
                    "updated=2027-01-06T10:00:00+01:00\n");
  g_free (amend_test_git_ok (dir, "add", ".", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Termijn met git", NULL));
  g_free (amend_test_git_ok (dir, "switch", "-q", "main", NULL));

  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  json = parse_json (run.out);
  a = find_slug (json_node_get_array (json), "termijn");
  g_assert_cmpstr (json_object_get_string_member (a, "title"), ==, "Kortere termijn");
  g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, "ingediend");
  g_assert_cmpstr (json_object_get_string_member (a, "created"), ==, "2027-01-05T10:00:00+01:00");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (a, "articles"), 0), ==, "1:2");
  g_assert_cmpint (json_object_get_int_member (a, "ahead"), ==, 1);

  amend_run (&run, dir, "log", "docs/notities.txt");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Eerste met git"));
  amend_run (&run, dir, "switch", "termijn");
  assert_ok (&run);
  amend_run (&run, dir, "withdraw");
  assert_ok (&run);
  {
    g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);
    g_autofree char *record = amend_test_git_ok (dir, "show", "HEAD:.amend/amendementen/termijn/amendement.ini", NULL);

    g_assert_cmpstr (status, ==, "");
    g_assert_nonnull (strstr (record, "status=ingetrokken"));
    g_assert_nonnull (strstr (record, "title=Kortere termijn"));
  }
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
}

/* A project begun with a git that names the first branch master: Amend
 * and its messages call the draft main, and so may its user. */
static void
test_draft_on_master (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = amend_test_tmpdir ("amend-cli-master");
  g_free (amend_test_git_ok (dir, "init", "-q", "-b", "master", NULL));
  amend_test_write (dir, "apv.md", "## Artikel 1 Termijn\n\nBinnen acht weken.\n");
  g_free (amend_test_git_ok (dir, "add", ".", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Eerste met git", NULL));
  amend_run (&run, dir, "propose", "Korter");
  assert_ok (&run);
  replace_in_file (dir, "apv.md", "acht", "zes");
  amend_run (&run, dir, "save", "-m", "Zes");
  assert_ok (&run);

  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "Switched to master\n");
  amend_run (&run, dir, "diff", "--format", "instructions", "main", "korter");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"acht\" vervangen door \"zes\""));
  amend_run (&run, dir, "show", "main:apv.md");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "acht"));
  amend_run (&run, dir, "diff", "main~0", "korter");
  assert_ok (&run);
  amend_run (&run, dir, "comment", "add", "main", "-m", "Graag korter.");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "added to master"));
  amend_run (&run, dir, "switch", "korter");
  assert_ok (&run);
  amend_run (&run, dir, "comment", "list", "main");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Graag korter."));
  /* A branch main made later is main. */
  g_free (amend_test_git_ok (dir, "branch", "main", "amendement/korter", NULL));
  amend_run (&run, dir, "show", "main:apv.md");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "zes"));
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
}

/* A project of two regulations: a diff or paper of an amendment without
 * a file is of the regulation it changes; one that changes both is shown
 * a regulation at a time, REVISION:FILE with the amendment's name. */
static void
test_two_regulations (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_test_write (dir, "markt.md", "## Artikel 1 Markttijden\n\nDe markt wordt gehouden op zaterdag.\n");
  amend_run (&run, dir, "save", "-m", "Markt");
  assert_ok (&run);
  amend_run (&run, dir, "propose", "Woensdag");
  assert_ok (&run);
  replace_in_file (dir, "markt.md", "op zaterdag", "op woensdag");
  amend_run (&run, dir, "save", "-m", "Woensdag");
  assert_ok (&run);
  amend_run (&run, dir, "submit");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "diff", "--format", "instructions", "woensdag");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"zaterdag\" vervangen door \"woensdag\""));
  amend_run (&run, dir, "diff", "--format", "instructions", "main", "woensdag");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"zaterdag\" vervangen door \"woensdag\""));
  amend_run (&run, dir, "paper", "woensdag");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "woensdag"));
  /* Against the working copy, which holds both: say which. */
  amend_run (&run, dir, "diff", "main");
  assert_refused (&run, 3, "several regulations (markt.md, regeling.md)");

  amend_run (&run, dir, "propose", "Beide");
  assert_ok (&run);
  replace_in_file (dir, "markt.md", "op zaterdag", "op vrijdag");
  replace_in_file (dir, "regeling.md", "op de dag na die van de bekendmaking", "op 1 januari 2028");
  amend_run (&run, dir, "save", "-m", "Beide");
  assert_ok (&run);
  amend_run (&run, dir, "diff", "main", "beide");
  assert_refused (&run, 3, "main and beide differ in several regulations (markt.md, regeling.md); Amend shows one "
                           "at a time: name it as REVISION:FILE, for example main:markt.md beide:markt.md");
  amend_run (&run, dir, "diff", "--format", "instructions", "main:markt.md", "beide:markt.md");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\"zaterdag\" vervangen door \"vrijdag\""));
  amend_run (&run, dir, "paper", "beide");
  assert_refused (&run, 3, "the amendment \xe2\x80\x9c" "beide\xe2\x80\x9d changes several regulations "
                           "(markt.md, regeling.md)");
  remove_project (dir);
}

/* `amend list` in @dir with @env, its output (which must succeed). */
static char *
list_with (const char *dir,
           const char *env0,
           char      **err)
{
  g_auto(AmendTestRun) run = { 0 };
  const char *env[] = { env0, NULL };
  AmendTestRunOptions options = { .cwd = dir, .env = env };

  amend_test_run_argv (&run, &options, (const char *[]) { g_getenv ("AMEND_BIN"), "list", "--json", NULL });
  if (run.status != 0)
    g_error ("amend list failed with %d: %s", run.status, run.err);
  if (err)
    *err = g_steal_pointer (&run.err);
  return g_steal_pointer (&run.out);
}

/* A change of article 1, saved on the branch the working copy is on: an
 * amendment is submitted only once it changes the regulation. */
static void
save_change (const char *dir)
{
  g_auto(AmendTestRun) run = { 0 };

  replace_in_file (dir, "regeling.md", "- b. raad: de gemeenteraad.", "- b. raad: de gemeenteraad van Amend.");
  amend_run (&run, dir, "save", "-m", "Raad");
  assert_ok (&run);
}

/* The amendment "Kortere termijn", that changes article 1, saved and
 * submitted; the working copy stays on it. */
static void
propose_submitted (const char *dir)
{
  g_auto(AmendTestRun) run = { 0 };

  amend_run (&run, dir, "propose", "Kortere termijn", "--by", AUTHOR);
  assert_ok (&run);
  save_change (dir);
  amend_run (&run, dir, "submit");
  assert_ok (&run);
}

/* A second list with nothing moved comes from git's files and .git/amend
 * without opening the repository, and says what the full one says; after
 * git moved a branch or packed them, too. */
static void
test_list_warm (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *full = NULL;
  const char *debug = "G_MESSAGES_DEBUG=all";
  const char *said = "without opening the repository";

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  propose_submitted (dir);

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *cache = g_build_filename (dir, ".git", "amend", "list.cache", NULL);
      gboolean cold = !g_file_test (cache, G_FILE_TEST_EXISTS);
      g_autofree char *first_err = NULL;
      g_autofree char *second_err = NULL;
      g_autofree char *first = list_with (dir, debug, &first_err);
      g_autofree char *second = list_with (dir, debug, &second_err);

      /* A first list (no list.cache yet) reads the branches once, with
       * libgit2, not first from git's files as well. */
      g_assert_true (cold || round > 0);
      if (cold)
        g_assert_null (strstr (first_err, "reading the branches from"));
      g_assert_nonnull (strstr (second_err, "reading the branches from"));

      g_clear_pointer (&full, g_free);
      full = list_with (dir, "AMEND_LIST_CACHED=0", NULL);
      /* The first list and the one after the commit made with git read
       * the repository; the packed branches have not moved. */
      if (round < 2)
        g_assert_null (strstr (first_err, said));
      else
        g_assert_nonnull (strstr (first_err, said));
      g_assert_nonnull (strstr (second_err, said));
      g_assert_cmpstr (first, ==, full);
      g_assert_cmpstr (second, ==, full);
      g_assert_nonnull (strstr (full, "\"merge\" : \"applies\""));
      /* Moved by git: a commit on the branch, then the branches packed. */
      if (round == 0)
        {
          replace_in_file (dir, "regeling.md", "van Amend.", "van de gemeente.");
          g_free (amend_test_git_ok (dir, "commit", "-q", "-am", "Met git", NULL));
        }
      else
        g_free (amend_test_git_ok (dir, "pack-refs", "--all", NULL));
    }
  {
    g_autofree char *tip = amend_test_rev (dir, "amendement/kortere-termijn");

    g_assert_nonnull (strstr (full, tip));
  }
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A copy of an amendment's branch made with git branch is another
 * branch at the same commit, without a record of its own: listing both
 * (once, then from what the first list kept) leaves the amendment its
 * record, and it can still be decided after the copy is gone. */
static void
test_branch_copy (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  propose_submitted (dir);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  g_free (amend_test_git_ok (dir, "branch", "amendement/kopie", "amendement/kortere-termijn", NULL));
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(JsonNode) json = NULL;
      JsonObject *a;

      amend_run (&run, dir, "list", "--json");
      assert_ok (&run);
      json = parse_json (run.out);
      a = find_slug (json_node_get_array (json), "kortere-termijn");
      g_assert_cmpstr (json_object_get_string_member (a, "title"), ==, "Kortere termijn");
      g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, "ingediend");
      a = find_slug (json_node_get_array (json), "kopie");
      g_assert_false (json_object_get_boolean_member (a, "record"));
    }
  g_free (amend_test_git_ok (dir, "branch", "-D", "amendement/kopie", NULL));
  amend_run (&run, dir, "vote", "kortere-termijn", "--for", "3", "--against", "1");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "adopted"));
  amend_test_fsck (dir);
  amend_test_rmtree (dir);
}

/* A status goes forward only: a record edited back (ingediend to
 * concept) or removed is not saved, and save says how to restore it. */
static void
test_status_not_back (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  const char *record = ".amend/amendementen/snellere-vergunning/amendement.ini";
  g_autofree char *path = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  path = g_build_filename (dir, record, NULL);
  amend_run (&run, dir, "propose", "Snellere vergunning", "--by", AUTHOR);
  assert_ok (&run);
  save_change (dir);
  amend_run (&run, dir, "submit");
  assert_ok (&run);

  replace_in_file (dir, record, "status=ingediend", "status=concept");
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "says the amendment is concept, but it is ingediend, and a status does not go back");
  g_assert_nonnull (strstr (run.err, "git checkout -- .amend/amendementen/snellere-vergunning/amendement.ini"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "saving its removal would take that status away");

  g_free (amend_test_git_ok (dir, "checkout", "--", record, NULL));
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "ingediend"));
  g_assert_nonnull (strstr (run.out, "No unsaved changes"));
  /* Forward is allowed by hand too. */
  replace_in_file (dir, record, "status=ingediend", "status=ingetrokken");
  amend_run (&run, dir, "save");
  assert_ok (&run);
  amend_test_fsck (dir);
  remove_project (dir);
}

/* save keeps out what the reader would refuse: a binary, a file over
 * 64 MB, with a sentence; nothing is committed. */
static void
test_save_unreadable (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FILE *f;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  path = g_build_filename (dir, "regeling.md", NULL);
  before = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);

  g_assert_true (g_file_set_contents (path, "\x7f" "ELF\x02\x01\x01\0\0\0binair", 15, NULL));
  amend_run (&run, dir, "save");
  assert_refused (&run, 3, "regeling.md is not text (it holds NUL bytes or bytes that are not UTF-8)");

  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 65 * 1024 * 1024), ==, 0);
  fclose (f);
  amend_run (&run, dir, "save");
  assert_refused (&run, 3, "regeling.md is larger than 64 MB, too large for a regulation, so it was not saved");

  after = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (before, ==, after);
  g_free (amend_test_git_ok (dir, "checkout", "--", "regeling.md", NULL));
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A regulation that is gone from the working copy is not saved as a
 * deletion when it is the last one; a rename, or one of two, is saved. */
static void
test_save_vanished (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *renamed = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  path = g_build_filename (dir, "regeling.md", NULL);
  renamed = g_build_filename (dir, "apv.md", NULL);
  before = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
  amend_run (&run, dir, "save");
  assert_refused (&run, 4, "regeling.md is gone from the working copy, and saving that would leave the project "
                           "without a regulation; restore it with \xe2\x80\x9cgit checkout -- regeling.md\xe2\x80\x9d");
  amend_run (&run, dir, "save", "regeling.md");
  assert_refused (&run, 4, "without a regulation");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "deleted  regeling.md (the project's only regulation: restore it with "
                                     "\xe2\x80\x9cgit checkout -- regeling.md\xe2\x80\x9d)"));
  after = amend_test_git_ok (dir, "rev-parse", "HEAD", NULL);
  g_assert_cmpstr (before, ==, after);

  /* Renamed: the new name and the deletion in one version. */
  g_free (amend_test_git_ok (dir, "checkout", "--", "regeling.md", NULL));
  g_assert_cmpint (g_rename (path, renamed), ==, 0);
  amend_run (&run, dir, "save", "-m", "Andere naam");
  assert_ok (&run);
  tree = amend_test_git_ok (dir, "ls-tree", "--name-only", "HEAD", NULL);
  g_assert_nonnull (strstr (tree, "apv.md"));
  g_assert_null (strstr (tree, "regeling.md"));

  /* One of two regulations deleted: saved. */
  g_assert_true (g_file_set_contents (path, "# Artikel 1\n\nTweede regeling.\n", -1, NULL));
  amend_run (&run, dir, "save", "-m", "Tweede");
  assert_ok (&run);
  g_assert_cmpint (g_unlink (path), ==, 0);
  amend_run (&run, dir, "save", "-m", "Weg");
  assert_ok (&run);
  g_free (tree);
  tree = amend_test_git_ok (dir, "ls-tree", "--name-only", "HEAD", NULL);
  g_assert_null (strstr (tree, "regeling.md"));

  /* A README.md beside it is no second regulation: the last one stays. */
  amend_test_write (dir, "README.md", "# Over dit project\n");
  g_free (amend_test_git_ok (dir, "add", "README.md", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Lees mij", NULL));
  g_assert_cmpint (g_unlink (renamed), ==, 0);
  amend_run (&run, dir, "save", "-m", "Weg");
  assert_refused (&run, 4, "without a regulation");
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "the project's only regulation"));
  amend_test_fsck (dir);
  remove_project (dir);
}

/* amend edit: who submits a concept amendment and why, changed as a
 * commit of its record on its branch, also from another branch; refused
 * once submitted. */
static void
test_edit_record (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *record = NULL;
  g_autofree char *log = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "--by", AUTHOR, "--motivation", "Eerst.", "Kortere", "termijn");
  assert_ok (&run);

  amend_run (&run, dir, "edit", "--motivation", "Sneller beslissen is beter.");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9cKortere termijn\xe2\x80\x9d (kortere-termijn)"));
  save_change (dir);
  record = amend_test_read (dir, ".amend/amendementen/kortere-termijn/amendement.ini");
  g_assert_nonnull (strstr (record, "\nmotivation=Sneller beslissen is beter.\n"));
  g_assert_nonnull (strstr (record, "\nsubmitters=" AUTHOR ";\n"));

  /* From main: the submitters replaced, the motivation kept. */
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "edit", "kortere-termijn", "--by", "Wijkraad Noord", "--by", "Eva de Vries <eva@example.nl>");
  assert_ok (&run);
  g_free (record);
  record = amend_test_git_ok (dir, "show", "amendement/kortere-termijn:.amend/amendementen/kortere-termijn/amendement.ini", NULL);
  g_assert_nonnull (strstr (record, "\nsubmitters=Wijkraad Noord;Eva de Vries <eva@example.nl>;\n"));
  g_assert_nonnull (strstr (record, "\nmotivation=Sneller beslissen is beter.\n"));
  log = amend_test_git_ok (dir, "log", "--format=%s", "amendement/kortere-termijn", NULL);
  g_assert_nonnull (strstr (log, "Change the submitters and motivation of amendment: Kortere termijn"));

  amend_run (&run, dir, "edit", "kortere-termijn");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, dir, "edit", "kortere-termijn", "--by", "");
  assert_refused (&run, 2, NULL);
  amend_run (&run, dir, "submit", "kortere-termijn");
  assert_ok (&run);
  amend_run (&run, dir, "edit", "kortere-termijn", "--motivation", "Later.");
  assert_refused (&run, 4, "is ingediend: its submitters and motivation change only while it is concept");
  amend_test_fsck (dir);
  remove_project (dir);
}

/* "--" ends the options, and is no argument itself: a title that starts
 * with a hyphen, an amendment whose name does. */
static void
test_double_dash (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *record = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "--by", AUTHOR, "--", "-10 dagen", "termijn");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9c-10 dagen termijn\xe2\x80\x9d as amendement/10-dagen-termijn"));
  record = amend_test_read (dir, ".amend/amendementen/10-dagen-termijn/amendement.ini");
  g_assert_nonnull (strstr (record, "\ntitle=-10 dagen termijn\n"));
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  g_free (amend_test_git_ok (dir, "branch", "amendement/-x", "main", NULL));
  amend_run (&run, dir, "switch", "--", "-x");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "amendement/-x"));
  amend_run (&run, dir, "switch", "--", "--");
  assert_refused (&run, 3, "there is no amendment or branch \xe2\x80\x9c--\xe2\x80\x9d");
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A title, a submitter or a name may hold control characters (a record
 * edited by hand, a package from elsewhere); a terminal would obey them,
 * so the program shows them as \xNN, on standard output and in errors. */
static void
test_control_characters (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "Rood\x1b[31m\x07", "--by", "Eva\x1b]0;titel\x07 <eva@example.nl>");
  assert_ok (&run);
  g_assert_null (strchr (run.out, 0x1b));
  g_assert_nonnull (strstr (run.out, "Rood\\x1b[31m\\x07"));
  /* A second amendment: the columns after a title with controls stay in
   * line with those of a plain one (BY starts at the same place). */
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "propose", "Blauw", "--by", AUTHOR);
  assert_ok (&run);
  amend_run (&run, dir, "list");
  assert_ok (&run);
  g_assert_null (strchr (run.out, 0x1b));
  g_assert_null (strchr (run.out, 0x07));
  g_assert_nonnull (strstr (run.out, "Eva\\x1b]0;titel\\x07"));
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    const char *rood = NULL, *blauw = NULL;

    for (guint i = 0; lines[i]; i++)
      {
        if (strstr (lines[i], "Eva\\x1b"))
          rood = lines[i];
        else if (strstr (lines[i], "Jan Jansen"))
          blauw = lines[i];
      }
    g_assert_nonnull (rood);
    g_assert_nonnull (blauw);
    g_assert_cmpint (g_utf8_pointer_to_offset (rood, strstr (rood, "Eva")), ==,
                     g_utf8_pointer_to_offset (blauw, strstr (blauw, "Jan Jansen")));
  }
  /* Back on the first: its record comes back whole (libgit2 took it
   * for binary, and wrote it empty). */
  amend_run (&run, dir, "switch", "rood-31m");
  assert_ok (&run);
  {
    g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);

    g_assert_cmpstr (status, ==, "");
  }
  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Rood\\x1b[31m\\x07"));
  /* Tab and line ends stay; a C1 control (U+009B, CSI) is shown too. */
  amend_run (&run, dir, "switch", "\x1b[2J\xc2\x9b\t.");
  assert_refused (&run, 3, "\xe2\x80\x9c\\x1b[2J\\xc2\\x9b\t.\xe2\x80\x9d");
  /* The JSON keeps its own escapes, show the bytes as they are. */
  amend_run (&run, dir, "list", "--json");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Rood\\u001b[31m\\u0007"));
  amend_run (&run, dir, "show", "HEAD:.amend/amendementen/rood-31m/amendement.ini");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "title=Rood\x1b[31m\x07\n"));
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A file git takes for binary (an image beside the regulation, bytes
 * with NUL and controls) is written whole when the working copy moves to
 * another version: libgit2's checkout filter gave such blobs as empty. */
static void
test_binary_file_kept (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *back = NULL;
  static const char image[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
  gsize len = 0;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "Kaart", "--by", AUTHOR);
  assert_ok (&run);
  path = g_build_filename (dir, "kaart.png", NULL);
  g_assert_true (g_file_set_contents (path, image, sizeof image, NULL));
  g_free (amend_test_git_ok (dir, "add", "kaart.png", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Kaart", NULL));
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  amend_run (&run, dir, "switch", "kaart");
  assert_ok (&run);
  g_assert_true (g_file_get_contents (path, &back, &len, NULL));
  g_assert_cmpmem (back, len, image, sizeof image);
  {
    g_autofree char *status = amend_test_git_ok (dir, "status", "--porcelain", NULL);

    g_assert_cmpstr (status, ==, "");
  }
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A title, submitter, author or message given on the command line that
 * Amend does not take is a usage error: exit 2 (3 is for what cannot be
 * read), and nothing is written. */
static void
test_bad_arguments (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  before = amend_test_git_ok (dir, "for-each-ref", NULL);
  amend_run (&run, dir, "propose", "Twee\nregels", "--by", AUTHOR);
  assert_refused (&run, 2, "a title of one line");
  amend_run (&run, dir, "propose", "Goed", "--by", "Jan <jan@example.nl");
  assert_refused (&run, 2, "is not a submitter");
  amend_run (&run, dir, "propose", "Goed", "--by", "Jan <jan.example.nl>");
  assert_refused (&run, 2, "it has no @");
  replace_in_file (dir, "regeling.md", "Artikel 1", "Artikel 1 Begrip");
  amend_run (&run, dir, "save", "--author", "Jan");
  assert_refused (&run, 2, "is not a name with an e-mail address");
  amend_run (&run, dir, "save", "-m", " ", "--author", AUTHOR);
  assert_refused (&run, 2, "the message is empty");
  after = amend_test_git_ok (dir, "for-each-ref", NULL);
  g_assert_cmpstr (before, ==, after);
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A record removed with git: submit says which version still had it and
 * how to bring it back, and that way out works. */
static void
test_record_removed (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *had = NULL;
  g_autofree char *checkout = NULL;
  const char *record = ".amend/amendementen/weg/amendement.ini";

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "Weg", "--by", AUTHOR);
  assert_ok (&run);
  had = g_strstrip (amend_test_git_ok (dir, "rev-parse", "--short=7", "HEAD", NULL));
  g_free (amend_test_git_ok (dir, "rm", "-q", record, NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Weg ermee", NULL));
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "submit", "weg");
  assert_refused (&run, 3, "was removed from the branch amendement/weg after version");
  checkout = g_strdup_printf ("git checkout %s -- %s", had, record);
  g_assert_nonnull (strstr (run.err, checkout));
  amend_run (&run, dir, "switch", "weg");
  assert_ok (&run);
  g_free (amend_test_git_ok (dir, "checkout", had, "--", record, NULL));
  amend_run (&run, dir, "save");
  assert_ok (&run);
  save_change (dir);
  amend_run (&run, dir, "submit");
  assert_ok (&run);
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A write that fails halfway through a switch (a full disk: here a file
 * size limit, so that regeling.md cannot be written and the smaller
 * journal can) says that the project is safe and what finishes it; amend
 * status says the same while the cause lasts, and finishes it after. */
static void
test_write_fails_halfway (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  AmendTestRunOptions options = { 0 };
  const char *limited[] = { "/bin/sh", "-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"",
                            g_getenv ("AMEND_BIN"), "switch", "korter", NULL };
  const char *status_limited[] = { limited[0], limited[1], limited[2], limited[3], "status", NULL };
  const char *save_limited[] = { limited[0], limited[1], limited[2], limited[3], "save", NULL };

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  options.cwd = dir;
  amend_run (&run, dir, "propose", "Korter");
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", "de bekendmaking", "de publicatie");
  amend_run (&run, dir, "save");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  text = amend_test_read (dir, "regeling.md");
  g_assert_cmpuint (strlen (text), >, 512);

  amend_test_run_argv (&run, &options, limited);
  assert_refused (&run, 3, "switching to \xe2\x80\x9c" "amendement/korter\xe2\x80\x9d stopped halfway, and the "
                           "project is safe: make room on the disk or let the project's folder be written, then "
                           "any amend command (amend status) finishes it");
  amend_test_run_argv (&run, &options, status_limited);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Amend was interrupted while switching to \xe2\x80\x9c" "amendement/korter"
                                     "\xe2\x80\x9d and cannot finish it"));
  amend_test_run_argv (&run, &options, save_limited);
  assert_refused (&run, 4, "cannot finish it");

  amend_run (&run, dir, "status");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.err, "finished what was interrupted"));
  g_assert_nonnull (strstr (run.out, "On amendment \xe2\x80\x9cKorter\xe2\x80\x9d"));
  g_free (text);
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "de publicatie"));
  amend_test_fsck (dir);
  remove_project (dir);
}

/* A project whose .git/objects may not be written (copied from a
 * read-only medium, made by another user): save says what to do, exit 3,
 * and the edit stays in the working copy.  Before, the sentence was
 * "cannot read regeling.md: failed to create temporary file ...". */
static void
test_save_readonly_objects (void)
{
  g_autofree char *parent = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *objects = NULL;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(AmendTestRun) run = { 0 };
  const char *name;

  if (getuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }
  parent = g_dir_make_tmp ("amend-cli-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_build_filename (parent, "project", NULL);
  amend_run (&run, parent, "init", "--author", "Jan Jansen <jan@example.nl>", "project");
  g_assert_cmpint (run.status, ==, 0);
  text = amend_test_read (dir, "regeling.md");
  edited = g_strconcat (text, "\nNog een zin.\n", NULL);
  amend_test_write (dir, "regeling.md", edited);
  objects = g_build_filename (dir, ".git", "objects", NULL);
  d = g_dir_open (objects, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *sub = g_build_filename (objects, name, NULL);
      g_chmod (sub, 0555);
    }
  g_chmod (objects, 0555);

  amend_run (&run, dir, "save", "--author", "Jan Jansen <jan@example.nl>");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "cannot save regeling.md into the project: "));
  g_assert_nonnull (strstr (run.err, "; see that you may write in the project's folder and in its .git folder, "
                                     "then try again\n"));
  g_free (text);
  text = amend_test_read (dir, "regeling.md");
  g_assert_cmpstr (text, ==, edited);

  g_chmod (objects, 0755);
  g_dir_rewind (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *sub = g_build_filename (objects, name, NULL);
      g_chmod (sub, 0755);
    }
  amend_run (&run, dir, "save", "--author", "Jan Jansen <jan@example.nl>");
  g_assert_cmpint (run.status, ==, 0);
  amend_test_rmtree (parent);
}

/* An amendment titled "Main" is not called main: a command given main
 * means the draft, and the amendment could only be reached as
 * amendement/main. */
static void
test_slug_main (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "Main");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "as amendement/main-2;"));
  amend_run (&run, dir, "propose", "master");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "as amendement/master-2;"));
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  amend_run (&run, dir, "status");
  g_assert_true (g_str_has_prefix (run.out, "On branch main\n"));
  amend_run (&run, dir, "switch", "main-2");
  assert_ok (&run);
  amend_run (&run, dir, "status");
  g_assert_true (g_str_has_prefix (run.out, "On amendment \xe2\x80\x9cMain\xe2\x80\x9d (amendement/main-2)"));
  amend_test_fsck (dir);
  remove_project (dir);
}

/* --from another amendment's branch is refused: the new amendment would
 * carry that one's record, and adopt refuses it only when the council has
 * voted.  An earlier version of main and --on are the ways. */
static void
test_propose_from_amendment (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "propose", "Korter");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);
  before = amend_test_git_ok (dir, "for-each-ref", NULL);
  amend_run (&run, dir, "propose", "Nog korter", "--from", "amendement/korter");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "amendement/korter holds the amendment \xe2\x80\x9ckorter\xe2\x80\x9d, which is not "
                                     "in main, and an amendment that carries it could never be adopted; start from main "
                                     "or an earlier version of it, or propose a subamendment with --on korter"));
  after = amend_test_git_ok (dir, "for-each-ref", NULL);
  g_assert_cmpstr (before, ==, after);
  amend_run (&run, dir, "propose", "Nog korter", "--from", "main~0");
  assert_ok (&run);
  amend_test_fsck (dir);
  remove_project (dir);
}

/* `amend diff` with the debug log (which says how the versions were
 * compared) in @err. */
static char *
diff_with_log (const char  *dir,
               const char  *format,
               const char  *a,
               const char  *b,
               char       **err)
{
  g_auto(AmendTestRun) run = { 0 };
  const char *env[] = { "G_MESSAGES_DEBUG=amend-core", NULL };
  AmendTestRunOptions options = { .cwd = dir, .env = env };

  amend_test_run_argv (&run, &options, (const char *[]) { g_getenv ("AMEND_BIN"), "diff", "--format", format, a, b, NULL });
  assert_ok (&run);
  *err = g_steal_pointer (&run.err);
  return g_steal_pointer (&run.out);
}

/* The same with every version read whole (AMEND_DIFF_WHOLE), the
 * reference the texts' way is held to. */
static char *
diff_whole (const char *dir,
            const char *format,
            const char *a,
            const char *b)
{
  g_auto(AmendTestRun) run = { 0 };
  const char *env[] = { "G_MESSAGES_DEBUG=amend-core", "AMEND_DIFF_WHOLE=1", NULL };
  AmendTestRunOptions options = { .cwd = dir, .env = env };

  amend_test_run_argv (&run, &options, (const char *[]) { g_getenv ("AMEND_BIN"), "diff", "--format", format, a, b, NULL });
  assert_ok (&run);
  g_assert_null (strstr (run.err, "the diff of texts read "));
  return g_steal_pointer (&run.out);
}

/* Reads of the texts only the articles that differ: says so on the debug
 * log, with how many parts it read of how many. */
static void
assert_read_few (const char *err)
{
  const char *said = strstr (err, "the diff of texts read ");
  guint n_read = 0, n_parts = 0;

  if (said == NULL)
    g_error ("the versions were read whole: %s", err);
  g_assert_cmpint (sscanf (said, "the diff of texts read %u of %u", &n_read, &n_parts), ==, 2);
  g_assert_cmpuint (n_read, <, n_parts / 2);
}

/* A project of @text saved, the amendment sneller proposed on it with
 * article 17 changed and saved, and article @unsaved changed in the
 * working copy: the versions the diff tests compare. */
static char *
project_for_diffs (const char *text,
                   const char *unsaved_from,
                   const char *unsaved_to)
{
  g_auto(AmendTestRun) run = { 0 };
  char *dir = new_project ();

  amend_test_write (dir, "regeling.md", text);
  amend_run (&run, dir, "save", "-m", "Artikelen");
  assert_ok (&run);
  amend_run (&run, dir, "propose", "Sneller");
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", "binnen 17 weken", "binnen 7 weken");
  amend_run (&run, dir, "save", "-m", "Zeven");
  assert_ok (&run);
  replace_in_file (dir, "regeling.md", unsaved_from, unsaved_to);
  return dir;
}

/* amend diff reads of two versions only the articles that differ, as
 * amend diff A.md B.md does (the exports read them whole), and says the
 * same, byte for byte, as the comparison of the whole versions: an
 * amendment against where it branched off (amend diff NAME), two
 * revisions (amend diff main NAME, HEAD~1 HEAD, REV:FILE), and the last
 * save against the working copy (amend diff, amend diff REV). */
static void
test_diff_amendment_as_texts (void)
{
  g_autofree char *dir = NULL;
  /* The first line of the laws in laws-markdown's loose Markdown, which
   * is not XML. */
  g_autoptr(GString) text = g_string_new ("<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"
                                          "# Hoofdstuk 1 Algemeen\n\n");
  const char *formats[] = { "json", "instructions" };
  const char *pairs[][2] = {
    { "sneller", NULL }, { "main", "sneller" }, { "HEAD~1", "HEAD" }, { "main:regeling.md", "sneller:regeling.md" },
    { NULL, NULL }, { "HEAD~1", NULL },
  };

  if (!amend_test_need_git ())
    return;
  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (text, "## Artikel %u Onderwerp %u\n\nHet college beslist binnen %u weken.\n\n", i, i, i);
  dir = project_for_diffs (text->str, "binnen 23 weken", "binnen 3 weken");

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *texts_err = NULL;
        g_autofree char *texts = diff_with_log (dir, formats[i], pairs[p][0], pairs[p][1], &texts_err);
        g_autofree char *whole = diff_whole (dir, formats[i], pairs[p][0], pairs[p][1]);

        g_assert_cmpstr (texts, ==, whole);
        g_assert_true (strstr (texts, "17") != NULL || strstr (texts, "23") != NULL);
        assert_read_few (texts_err);
      }
  remove_project (dir);
}

/* `amend diff A B` in every format says what it says with every version
 * read whole, on both outputs and in its status; returns its status. */
static int
assert_diff_as_whole (const char *dir,
                      const char *a,
                      const char *b)
{
  const char *formats[] = { "term", "json", "html", "instructions" };
  int status = -1;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(AmendTestRun) texts = { 0 };
      g_auto(AmendTestRun) whole = { 0 };
      const char *env[] = { "AMEND_DIFF_WHOLE=1", NULL };
      AmendTestRunOptions options = { .cwd = dir };
      AmendTestRunOptions whole_options = { .cwd = dir, .env = env };
      const char *argv[] = { g_getenv ("AMEND_BIN"), "diff", "--format", formats[i], a, b, NULL };

      amend_test_run_argv (&texts, &options, argv);
      amend_test_run_argv (&whole, &whole_options, argv);
      g_assert_cmpstr (texts.out, ==, whole.out);
      g_assert_cmpstr (texts.err, ==, whole.err);
      g_assert_cmpint (texts.status, ==, whole.status);
      status = texts.status;
    }
  return status;
}

/* What the reader replaces in a version (a control character, in an
 * article that no change is about) is said as when the versions are read
 * whole, with the same status: the texts' way reads that version whole. */
static void
test_diff_texts_say_errors (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GString) text = g_string_new ("# Hoofdstuk 1 Algemeen\n\n");
  const char *pairs[][2] = {
    { "sneller", NULL }, { "main", "sneller" }, { "HEAD~1", "HEAD" }, { NULL, NULL }, { "HEAD~1", NULL },
  };

  if (!amend_test_need_git ())
    return;
  for (guint i = 1; i <= 20; i++)
    g_string_append_printf (text, "## Artikel %u\n\nHet college beslist binnen %u weken%s.\n\n", i, i,
                            i == 5 ? " \x01" : "");
  dir = project_for_diffs (text->str, "binnen 13 weken", "binnen 3 weken");

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    g_assert_cmpint (assert_diff_as_whole (dir, pairs[p][0], pairs[p][1]), ==, 1);
  /* Two files, in the words of amend check. */
  amend_test_write (dir, "oud.md", "## Artikel 1\n\nEen \xff.\n\n## Artikel 2\n\nTwee.\n");
  amend_test_write (dir, "nieuw.md", "## Artikel 1\n\nEen \xff.\n\n## Artikel 2\n\nTwee \x7f.\n");
  g_assert_cmpint (assert_diff_as_whole (dir, "oud.md", "nieuw.md"), ==, 1);
  remove_project (dir);
}

/* `amend diff` without versions compares the last save with the working
 * copy, also when the folder holds a file named HEAD (which `amend diff
 * HEAD` would take, as git does); read whole, it took that file. */
static void
test_diff_file_named_head (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  replace_in_file (dir, "regeling.md", "de gemeenteraad", "de raad");
  amend_run (&run, dir, "diff", "--format", "json");
  assert_ok (&run);
  before = g_steal_pointer (&run.out);
  amend_test_write (dir, "HEAD", "## Artikel 1\n\nIets anders.\n");
  g_assert_cmpint (assert_diff_as_whole (dir, NULL, NULL), ==, 0);
  amend_run (&run, dir, "diff", "--format", "json");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, before);
  remove_project (dir);
}

/* A working copy far too large (1 GB, sparse: it takes no disk) is
 * refused as too large before it is read, as the whole reading refuses
 * it, not read into memory first; the same bound keeps out a link to
 * /dev/zero, which would be read until memory runs out. */
static void
test_diff_working_copy_too_large (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  struct rusage usage;
  int fd;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  path = g_build_filename (dir, "regeling.md", NULL);
  fd = g_open (path, O_WRONLY | O_TRUNC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, 1024 * 1024 * 1024));
  g_assert_no_errno (close (fd));
  amend_run (&run, dir, "diff");
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "is larger than 64 MB, too large for a regulation"));
  /* Far less than the file held (in kB), whatever the children before. */
  g_assert_no_errno (getrusage (RUSAGE_CHILDREN, &usage));
  g_assert_cmpint (usage.ru_maxrss, <, 512 * 1024);
  remove_project (dir);
}

int
main (int    argc,
      char **argv)
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-git/help", test_help);
  g_test_add_func ("/cli-git/outside-project", test_outside_project);
  g_test_add_func ("/cli-git/init-without-author", test_init_without_author);
  g_test_add_func ("/cli-git/init-save-log-show", test_init_save_log_show);
  g_test_add_func ("/cli-git/gemeentewet", test_gemeentewet);
  g_test_add_func ("/cli-git/amendments", test_amendments);
  g_test_add_func ("/cli-git/refusals", test_refusals);
  g_test_add_func ("/cli-git/git-made", test_git_made);
  g_test_add_func ("/cli-git/draft-on-master", test_draft_on_master);
  g_test_add_func ("/cli-git/two-regulations", test_two_regulations);
  g_test_add_func ("/cli-git/list-warm", test_list_warm);
  g_test_add_func ("/cli-git/branch-copy", test_branch_copy);
  g_test_add_func ("/cli-git/binary-file-kept", test_binary_file_kept);
  g_test_add_func ("/cli-git/status-not-back", test_status_not_back);
  g_test_add_func ("/cli-git/save-unreadable", test_save_unreadable);
  g_test_add_func ("/cli-git/save-vanished", test_save_vanished);
  g_test_add_func ("/cli-git/edit-record", test_edit_record);
  g_test_add_func ("/cli-git/double-dash", test_double_dash);
  g_test_add_func ("/cli-git/control-characters", test_control_characters);
  g_test_add_func ("/cli-git/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli-git/record-removed", test_record_removed);
  g_test_add_func ("/cli-git/write-fails-halfway", test_write_fails_halfway);
  g_test_add_func ("/cli-git/slug-main", test_slug_main);
  g_test_add_func ("/cli-git/propose-from-amendment", test_propose_from_amendment);
  g_test_add_func ("/cli-git/save-readonly-objects", test_save_readonly_objects);
  g_test_add_func ("/cli-git/diff-amendment-as-texts", test_diff_amendment_as_texts);
  g_test_add_func ("/cli-git/diff-texts-say-errors", test_diff_texts_say_errors);
  g_test_add_func ("/cli-git/diff-file-named-head", test_diff_file_named_head);
  g_test_add_func ("/cli-git/diff-working-copy-too-large", test_diff_working_copy_too_large);

  return g_test_run ();
}
