/* test-cli-comments.c: amend comment add|list|resolve|reopen, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real repositories in temporary folders, the git program as the peer:
 * two clones that comment at the same time and fetch from each other, a
 * conflict git shows when both edited one comment, an amendment's
 * comments in a bundle made with git bundle, re-anchoring after edits,
 * every bad input with its exit status and its one sentence; git fsck
 * --strict after each scenario.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "amend-test-cli.h"
#include "amend-test-git.h"
#include "amend-test-util.h"

#define AUTHOR "Test Gebruiker <test@example.nl>" /* of the tests' git configuration */
#define QUOTE "na de datum van ontvangst van de aanvraag"

static GPtrArray *kept;
static GPtrArray *kept_json;

static char *
keep (char *s)
{
  g_ptr_array_add (kept, s);
  return s;
}

static void
amend_run_with (AmendTestRun *run,
                const char   *cwd,
                const char   *input,
                const char   *first,
                ...)
{
  AmendTestRunOptions options = { .cwd = cwd, .input = input };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, cwd, ...) amend_run_with (run, cwd, NULL, __VA_ARGS__, NULL)

static void
assert_ok (AmendTestRun *run)
{
  if (run->status != 0)
    g_error ("amend failed with %d: %s", run->status, run->err);
}

/* Exit @status with one sentence on one line that holds @needle (and
 * for a usage error the usage line after it). */
static void
assert_refused (AmendTestRun *run,
                int           status,
                const char   *needle)
{
  const char *first_end = strchr (run->err, '\n');

  if (run->status != status)
    g_error ("exit status %d, not %d: %s", run->status, status, run->err);
  if (needle && strstr (run->err, needle) == NULL)
    g_error ("\"%s\" is not in: %s", needle, run->err);
  g_assert_true (g_str_has_prefix (run->err, "amend"));
  g_assert_nonnull (first_end);
  if (first_end[1] != '\0')
    {
      g_assert_cmpint (status, ==, 2);
      g_assert_true (g_str_has_prefix (first_end + 1, "Usage: amend comment "));
      g_assert_true (strchr (first_end + 1, '\n') == run->err + strlen (run->err) - 1);
    }
}

static char *
example_text (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");

  return amend_test_read_file (path, NULL);
}

/* DIR/NAME, a project made by amend init from the example APV. */
static char *
new_project (const char *parent,
             const char *name)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *md = example_text ();
  char *dir = g_build_filename (parent, name, NULL);

  g_mkdir (dir, 0755);
  amend_test_write (dir, "regeling.md", md);
  amend_run (&run, parent, "init", name);
  assert_ok (&run);
  return dir;
}

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

static void
edit (const char *dir,
      const char *from,
      const char *to)
{
  g_autofree char *text = amend_test_read (dir, "regeling.md");
  g_autofree char *changed = replace_once (text, from, to);

  amend_test_write (dir, "regeling.md", changed);
}

/* The id amend comment add printed. */
static char *
added_id (AmendTestRun *run)
{
  assert_ok (run);
  g_assert_true (g_str_has_prefix (run->out, "Comment "));
  return g_strndup (run->out + strlen ("Comment "), 36);
}

static char *
add_comment (const char *dir,
             const char *first,
             ...) G_GNUC_NULL_TERMINATED;

static char *
add_comment (const char *dir,
             const char *first,
             ...)
{
  g_auto(AmendTestRun) run = { 0 };
  AmendTestRunOptions options = { .cwd = dir };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("AMEND_BIN"));
  g_ptr_array_add (args, (char *) "comment");
  g_ptr_array_add (args, (char *) "add");
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  amend_test_run_argv (&run, &options, (const char * const *) args->pdata);
  return added_id (&run);
}

static JsonObject *
list_json (const char *dir,
           ...) G_GNUC_NULL_TERMINATED;

/* amend comment list --json ARGS..., parsed; kept until the end. */
static JsonObject *
list_json (const char *dir,
           ...)
{
  g_auto(AmendTestRun) run = { 0 };
  AmendTestRunOptions options = { .cwd = dir };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("AMEND_BIN"));
  g_ptr_array_add (args, (char *) "comment");
  g_ptr_array_add (args, (char *) "list");
  g_ptr_array_add (args, (char *) "--json");
  va_start (ap, dir);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  amend_test_run_argv (&run, &options, (const char * const *) args->pdata);
  assert_ok (&run);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (kept_json, json_node_copy (json_parser_get_root (parser)));
  return json_node_get_object (g_ptr_array_index (kept_json, kept_json->len - 1));
}

static JsonArray *
comments_of (JsonObject *list)
{
  return json_object_get_array_member (list, "comments");
}

static JsonObject *
find_thread (JsonObject *list,
             const char *id)
{
  JsonArray *comments = comments_of (list);

  for (guint i = 0; i < json_array_get_length (comments); i++)
    {
      JsonObject *c = json_array_get_object_element (comments, i);

      if (g_strcmp0 (json_object_get_string_member (c, "id"), id) == 0)
        return c;
    }
  g_error ("comment %s is not listed", id);
  return NULL;
}

static const char *
state_of (JsonObject *thread)
{
  return json_object_get_string_member (json_object_get_object_member (thread, "position"), "state");
}

static const char *
position_string (JsonObject *thread,
                 const char *member)
{
  JsonObject *pos = json_object_get_object_member (thread, "position");

  return json_object_get_null_member (pos, member) ? NULL : json_object_get_string_member (pos, member);
}

/* Tests ------------------------------------------------------------------ */

static void
test_help (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *cwd = g_get_current_dir ();

  amend_run (&run, cwd, "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "\n  comment "));
  amend_run (&run, cwd, "help", "comment");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "amend comment add [NAME] [--on EID] [--quote TEXT] [--reply-to ID] -m TEXT | -F FILE"));
  g_assert_nonnull (strstr (run.out, "amend comment list [NAME] [--json] [--all]"));
  amend_run (&run, cwd, "comment", "add", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "--quote"));
  g_assert_nonnull (strstr (run.out, "--reply-to"));
  amend_run (&run, cwd, "comment", "list", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "--all"));

  amend_run (&run, cwd, "comment");
  assert_refused (&run, 2, "add, list, resolve or reopen");
  amend_run (&run, cwd, "comment", "delete");
  assert_refused (&run, 2, "delete");
  amend_run (&run, cwd, "comment", "list", "--bogus");
  g_assert_cmpint (run.status, ==, 2);
  amend_run (&run, cwd, "comment", "resolve");
  g_assert_cmpint (run.status, ==, 2);
}

/* Adding, listing, replying, resolving and reopening on the draft. */
static void
test_life (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *short_id = NULL;
  JsonObject *l, *t;
  JsonArray *replies;

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  dir = new_project (parent, "project");

  a = add_comment (dir, "--on", "chp_1__art_1.2__para_1", "--quote", QUOTE, "-m", "Acht weken is lang.", NULL);
  b = add_comment (dir, "--quote", "verdagen", "-m", "Hoe vaak?", NULL);
  whole = add_comment (dir, "main", "-m", "Algemeen: helder.\n\nMet een *tweede* alinea.", NULL);
  short_id = g_strndup (a, 8);
  reply = add_comment (dir, "--reply-to", short_id, "--author", "Eva de Vries <eva@example.nl>", "-m", "Eens.", NULL);

  /* Every add is one commit on main with one file; nothing is unsaved. */
  g_assert_cmpstr (keep (amend_test_git_ok (dir, "rev-list", "--count", "main", NULL)), ==, "5\n");
  g_assert_cmpstr (keep (amend_test_git_ok (dir, "status", "--porcelain", NULL)), ==, "");
  g_assert_nonnull (strstr (keep (amend_test_git_ok (dir, "log", "-1", "--format=%s %an", "main", NULL)),
                            "Reply to comment"));

  amend_run (&run, dir, "comment", "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "article 1:2, line 39  [eid]  " AUTHOR));
  g_assert_nonnull (strstr (run.out, "\xe2\x80\x9c" QUOTE "\xe2\x80\x9d"));
  g_assert_nonnull (strstr (run.out, "the regulation  [eid]"));
  g_assert_nonnull (strstr (run.out, "  Met een *tweede* alinea.\n"));
  g_assert_nonnull (strstr (run.out, "Eva de Vries <eva@example.nl>"));
  g_assert_nonnull (strstr (run.out, "    Eens.\n"));

  l = list_json (dir, NULL);
  g_assert_cmpstr (json_object_get_string_member (l, "branch"), ==, "main");
  g_assert_true (json_object_get_null_member (l, "amendment"));
  g_assert_cmpuint (json_array_get_length (comments_of (l)), ==, 3);
  t = find_thread (l, a);
  g_assert_cmpstr (state_of (t), ==, "eid");
  g_assert_cmpstr (position_string (t, "article"), ==, "1:2");
  g_assert_cmpstr (position_string (t, "text"), ==, QUOTE);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (t, "position"), "line"), ==, 39);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (t, "anchor"), "commit"), !=, NULL);
  replies = json_object_get_array_member (t, "replies");
  g_assert_cmpuint (json_array_get_length (replies), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (replies, 0), "id"), ==, reply);
  g_assert_cmpstr (position_string (find_thread (l, b), "eid"), ==, "chp_1__art_1.2__para_2");

  /* Resolved: gone from the list, back with --all; twice is refused. */
  amend_run (&run, dir, "comment", "resolve", short_id);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "resolved on main"));
  amend_run (&run, dir, "comment", "resolve", a);
  assert_refused (&run, 4, "already resolved");
  amend_run (&run, dir, "comment", "resolve", reply);
  assert_refused (&run, 4, "is a reply");
  l = list_json (dir, NULL);
  g_assert_cmpuint (json_array_get_length (comments_of (l)), ==, 2);
  l = list_json (dir, "--all", NULL);
  g_assert_cmpuint (json_array_get_length (comments_of (l)), ==, 3);
  g_assert_true (json_object_get_boolean_member (find_thread (l, a), "resolved"));
  amend_run (&run, dir, "comment", "list", "--all");
  g_assert_nonnull (strstr (run.out, "  resolved by " AUTHOR " on "));
  amend_run (&run, dir, "comment", "reopen", a);
  assert_ok (&run);
  amend_run (&run, dir, "comment", "reopen", a);
  assert_refused (&run, 4, "is open");
  l = list_json (dir, NULL);
  g_assert_cmpuint (json_array_get_length (comments_of (l)), ==, 3);
  amend_test_fsck (dir);
  amend_test_rmtree (parent);
}

/* A bad input is refused with one sentence and its exit status; nothing
 * is committed. */
static void
test_bad_input (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *head = NULL;
  g_autofree char *big = NULL;
  g_autofree char *latin1 = NULL;
  g_autofree char *id = NULL;
  int fd;

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  dir = new_project (parent, "project");
  head = amend_test_git_ok (dir, "rev-parse", "main", NULL);

  amend_run (&run, dir, "comment", "add");
  assert_refused (&run, 2, "-m TEXT or -F FILE");
  amend_run (&run, dir, "comment", "add", "-m", "x", "-F", "x.txt");
  assert_refused (&run, 2, "-m TEXT or -F FILE");
  amend_run (&run, dir, "comment", "add", "-m", "   \n");
  assert_refused (&run, 2, "is empty");
  amend_run (&run, dir, "comment", "add", "--quote", "negen maanden", "-m", "x");
  assert_refused (&run, 2, "\xe2\x80\x9cnegen maanden\xe2\x80\x9d do not occur in regeling.md");
  amend_run (&run, dir, "comment", "add", "--on", "chp_1__art_1.2__para_2", "--quote", QUOTE, "-m", "x");
  assert_refused (&run, 2, "do not occur in chp_1__art_1.2__para_2 of regeling.md");
  amend_run (&run, dir, "comment", "add", "--on", "chp_1__art_9.9", "-m", "x");
  assert_refused (&run, 2, "no node with the eId chp_1__art_9.9");
  amend_run (&run, dir, "comment", "add", "--quote", "vergunning", "-m", "x");
  assert_refused (&run, 2, "occur");
  amend_run (&run, dir, "comment", "add", "--reply-to", "abcd", "--on", "body", "-m", "x");
  assert_refused (&run, 2, "--reply-to");
  amend_run (&run, dir, "comment", "add", "--reply-to", "../../etc/passwd", "-m", "x");
  assert_refused (&run, 2, "not a comment id");
  amend_run (&run, dir, "comment", "add", "--reply-to", "0000ffff", "-m", "x");
  assert_refused (&run, 3, "there is no comment 0000ffff");
  amend_run (&run, dir, "comment", "add", "bestaat-niet", "-m", "x");
  assert_refused (&run, 3, "there is no amendment");
  amend_run (&run, dir, "comment", "add", "--regulation", "../buiten.md", "-m", "x");
  assert_refused (&run, 3, "there is no regulation ../buiten.md");
  amend_run (&run, dir, "comment", "resolve", "../x");
  assert_refused (&run, 2, "is not a comment id");
  amend_run (&run, dir, "comment", "resolve", "ab\x01" "cd");
  assert_refused (&run, 2, "\\x01");
  amend_run (&run, dir, "comment", "reopen", "0123abcd");
  assert_refused (&run, 3, "no comment 0123abcd");

  /* 100 MB (a sparse file): refused on its size, not read. */
  big = g_build_filename (parent, "big.txt", NULL);
  fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  amend_run (&run, dir, "comment", "add", "-F", big);
  assert_refused (&run, 2, "larger than");
  latin1 = g_build_filename (parent, "latin1.txt", NULL);
  g_file_set_contents (latin1, "Caf\xe9", -1, NULL);
  amend_run (&run, dir, "comment", "add", "-F", latin1);
  assert_refused (&run, 2, "UTF-8");
  amend_run (&run, dir, "comment", "add", "-m", "Caf\xe9");
  assert_refused (&run, 2, "UTF-8");
  amend_run (&run, dir, "comment", "add", "-F", "/nonexistent/x.txt");
  assert_refused (&run, 3, "cannot read /nonexistent/x.txt");
  amend_run (&run, dir, "comment", "add", "--quote", "acht\x01weken", "-m", "x");
  assert_refused (&run, 2, "control characters");
  g_assert_cmpstr (keep (amend_test_git_ok (dir, "rev-parse", "main", NULL)), ==, head);

  /* Standard input. */
  amend_run_with (&run, dir, "Uit een bestand.\n", "comment", "add", "-F", "-", NULL);
  id = added_id (&run);
  g_assert_nonnull (strstr (keep (amend_test_git_ok (dir, "show", "main", NULL)), "+Uit een bestand.\n"));

  /* On a branch that is neither the draft nor an amendment. */
  g_free (amend_test_git_ok (dir, "switch", "-q", "-c", "iets-anders", NULL));
  amend_run (&run, dir, "comment", "add", "-m", "x");
  assert_refused (&run, 3, "neither the draft nor an amendment");
  amend_run (&run, dir, "comment", "list", "main");
  assert_ok (&run);
  amend_test_fsck (dir);
  amend_test_rmtree (parent);
}

/* Bad comment files, committed with git: findings on standard error
 * with their path, exit status 1, the good comments still listed. */
static void
test_findings (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *id = NULL;

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  dir = new_project (parent, "project");
  id = add_comment (dir, "-m", "Goed.", NULL);
  amend_test_write (dir, ".amend/opmerkingen/kapot.md", "---\nid: kapot\nauthor: x\n");
  amend_test_write (dir, ".amend/opmerkingen/anker.md",
                    "---\nid: anker\nauthor: \"J <j@example.nl>\"\ncreated: 2027-03-01T10:00:00Z\nanchor:\n"
                    "  source: regeling.md\n  commit: 0123456789abcdef0123456789abcdef01234567\n  eid: body\n"
                    "  range: 1-5\n---\nx\n");
  g_free (amend_test_git_ok (dir, "add", ".amend", NULL));
  g_free (amend_test_git_ok (dir, "commit", "-q", "-m", "Met de hand", NULL));

  amend_run (&run, dir, "comment", "list");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Goed."));
  g_assert_nonnull (strstr (run.err, ".amend/opmerkingen/kapot.md: error: its front matter is not closed"));
  g_assert_nonnull (strstr (run.err, ".amend/opmerkingen/anker.md: error: line 9: the anchor has a field \xe2\x80\x9crange\xe2\x80\x9d"));
  amend_run (&run, dir, "comment", "list", "--json");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "\"path\" : \".amend/opmerkingen/kapot.md\""));
  amend_run (&run, dir, "comment", "resolve", "kapot");
  assert_refused (&run, 2, "cannot be read");
  amend_test_fsck (dir);
  amend_test_rmtree (parent);
}

/* Two clones comment at the same time, without a server, and fetch from
 * each other: all comments, in the same order on both, no conflict. */
static void
test_two_clones (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *b1 = NULL;
  g_autofree char *b2 = NULL;
  g_autofree char *merge_out = NULL;
  g_autofree char *merge_err = NULL;
  JsonObject *l1, *l2;
  const char *ids[4];

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  origin = new_project (parent, "origin");
  one = g_build_filename (parent, "one", NULL);
  two = g_build_filename (parent, "two", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", origin, one, NULL));
  g_free (amend_test_git_ok (parent, "clone", "-q", origin, two, NULL));

  g_free (amend_test_git_ok (one, "remote", "add", "two", two, NULL));
  g_free (amend_test_git_ok (two, "remote", "add", "one", one, NULL));

  /* Both at once, on the same words; then, having fetched, a reply in one
   * clone to a comment of the other while that one comments again. */
  a1 = add_comment (one, "--quote", QUOTE, "-m", "Van een.", NULL);
  b1 = add_comment (two, "--quote", QUOTE, "--author", "Eva de Vries <eva@example.nl>", "-m", "Van twee.", NULL);
  g_free (amend_test_git_ok (one, "pull", "-q", "--no-rebase", "--no-edit", "two", "main", NULL));
  g_free (amend_test_git_ok (two, "pull", "-q", "--no-rebase", "--no-edit", "one", "main", NULL));
  b2 = add_comment (two, "--reply-to", a1, "-m", "Antwoord uit twee op een.", NULL);
  a2 = add_comment (one, "--on", "chp_2", "-m", "Hoofdstuk 2.", NULL);
  g_free (amend_test_git_ok (one, "pull", "-q", "--no-rebase", "--no-edit", "two", "main", NULL));
  g_free (amend_test_git_ok (two, "pull", "-q", "--no-rebase", "--no-edit", "one", "main", NULL));
  g_assert_cmpstr (keep (amend_test_git_ok (one, "status", "--porcelain", NULL)), ==, "");
  g_assert_cmpstr (keep (amend_test_git_ok (one, "rev-parse", "main", NULL)), ==,
                   keep (amend_test_git_ok (two, "rev-parse", "main", NULL)));

  l1 = list_json (one, NULL);
  l2 = list_json (two, NULL);
  g_assert_cmpuint (json_array_get_length (comments_of (l1)), ==, 3);
  g_assert_cmpuint (json_array_get_length (comments_of (l2)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *x = json_array_get_object_element (comments_of (l1), i);
      JsonObject *y = json_array_get_object_element (comments_of (l2), i);

      ids[i] = json_object_get_string_member (x, "id");
      g_assert_cmpstr (ids[i], ==, json_object_get_string_member (y, "id"));
      /* In time order. */
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (x, "created"), >=,
                         json_object_get_string_member (json_array_get_object_element (comments_of (l1), i - 1),
                                                        "created"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (find_thread (l2, a1), "replies"), 0), "id"), ==, b2);
  (void) find_thread (l1, b1);
  (void) find_thread (l1, a2);
  amend_test_fsck (one);
  amend_test_fsck (two);

  /* Both resolved it; then one reopens it and the other reopens it and
   * resolves it again: the same lines edited on both sides, which git
   * shows as a conflict instead of keeping one of them. */
  amend_run (&run, one, "comment", "resolve", a1);
  assert_ok (&run);
  g_free (amend_test_git_ok (two, "pull", "-q", "--no-rebase", "--no-edit", "one", "main", NULL));
  amend_run (&run, one, "comment", "reopen", a1, "--author", "Eva de Vries <eva@example.nl>");
  assert_ok (&run);
  amend_run (&run, two, "comment", "reopen", a1);
  assert_ok (&run);
  amend_run (&run, two, "comment", "resolve", a1, "--author", "Piet Bakker <piet@example.nl>");
  assert_ok (&run);
  g_free (amend_test_git_ok (one, "fetch", "-q", "two", NULL));
  g_assert_cmpint (amend_test_git (one, &merge_out, &merge_err, "merge", "--no-edit", "two/main", NULL), !=, 0);
  g_assert_nonnull (strstr (merge_out, "CONFLICT"));
  g_assert_nonnull (strstr (merge_out, a1));
  g_assert_nonnull (strstr (keep (amend_test_read (one, keep (g_strdup_printf (".amend/opmerkingen/%s.md", a1)))),
                            "<<<<<<<"));
  /* Amend writes nothing until git's merge is finished... */
  amend_run (&run, one, "comment", "resolve", a2);
  assert_refused (&run, 4, "git merge --abort");
  /* ...and still lists what is on the branch. */
  amend_run (&run, one, "comment", "list", "--all");
  assert_ok (&run);
  g_free (amend_test_git_ok (one, "merge", "--abort", NULL));
  amend_test_fsck (one);
  amend_test_rmtree (parent);
}

/* An amendment's comments travel with it in a bundle made by git. */
static void
test_bundle (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *other = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *id = NULL;
  g_autofree char *draft = NULL;
  JsonObject *l, *t;

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  origin = new_project (parent, "origin");
  other = g_build_filename (parent, "other", NULL);
  g_free (amend_test_git_ok (parent, "clone", "-q", origin, other, NULL));

  amend_run (&run, origin, "propose", "Kortere beslistermijn", "--by", AUTHOR);
  assert_ok (&run);
  edit (origin, "binnen acht weken na", "binnen zes weken na");
  amend_run (&run, origin, "save", "-m", "Zes weken");
  assert_ok (&run);
  amend_run (&run, origin, "switch", "main");
  assert_ok (&run);
  /* The working copy is on main, with an unsaved edit. */
  edit (origin, "Beslistermijn", "Termijn");
  id = add_comment (origin, "kortere-beslistermijn", "--quote", "binnen zes weken", "-m", "Haalbaar?", NULL);
  draft = amend_test_read (origin, "regeling.md");
  g_assert_nonnull (strstr (draft, "## Artikel 1:2 Termijn"));
  g_assert_cmpstr (keep (amend_test_git_ok (origin, "status", "--porcelain", NULL)), ==, " M regeling.md\n");
  g_assert_cmpstr (keep (amend_test_git_ok (origin, "log", "-1", "--format=%s", "amendement/kortere-beslistermijn", NULL)),
                   ==, "Comment on article 1:2: Haalbaar?\n");

  bundle = g_build_filename (parent, "kortere-beslistermijn.bundle", NULL);
  g_free (amend_test_git_ok (origin, "bundle", "create", "-q", bundle, "amendement/kortere-beslistermijn", NULL));
  g_free (amend_test_git_ok (other, "bundle", "verify", "-q", bundle, NULL));
  g_free (amend_test_git_ok (other, "fetch", "-q", bundle,
                             "amendement/kortere-beslistermijn:amendement/kortere-beslistermijn", NULL));

  l = list_json (other, "kortere-beslistermijn", NULL);
  g_assert_cmpstr (json_object_get_string_member (l, "amendment"), ==, "kortere-beslistermijn");
  g_assert_cmpuint (json_array_get_length (comments_of (l)), ==, 1);
  t = find_thread (l, id);
  g_assert_cmpstr (state_of (t), ==, "eid");
  g_assert_cmpstr (position_string (t, "text"), ==, "binnen zes weken");
  g_assert_cmpstr (json_object_get_string_member (t, "path"), ==,
                   keep (g_strdup_printf (".amend/amendementen/kortere-beslistermijn/opmerkingen/%s.md", id)));
  /* Against the draft, where the words are different: found by their
   * surroundings, with the words that stand there. */
  l = list_json (other, "kortere-beslistermijn", "--at", "main", NULL);
  g_assert_cmpstr (state_of (find_thread (l, id)), ==, "fuzzy");
  g_assert_cmpstr (position_string (find_thread (l, id), "text"), ==, "binnen acht weken");
  amend_run (&run, other, "comment", "resolve", id);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "resolved on amendement/kortere-beslistermijn"));
  amend_test_fsck (origin);
  amend_test_fsck (other);
  amend_test_rmtree (parent);
}

/* Comments made on one version, listed against one where article 1:2 was
 * reworded, 2:10 renumbered, 1:8 moved to chapter 4 and 3:2 deleted. */
static void
test_reanchor (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *reword = NULL;
  g_autofree char *renumber = NULL;
  g_autofree char *move = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *text = NULL;
  const char *article_1_8 = "## Artikel 1:8 Geldigheidsduur\n\nEen vergunning of ontheffing geldt voor onbepaalde tijd, "
                            "tenzij in de vergunning of ontheffing anders is bepaald.\n\n";
  JsonObject *l, *t;

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  dir = new_project (parent, "project");
  reword = add_comment (dir, "--on", "chp_1__art_1.2__para_1", "--quote", QUOTE, "-m", "Termijn.", NULL);
  renumber = add_comment (dir, "--quote", "Ligplaats", "-m", "Ook voor woonboten?", NULL);
  move = add_comment (dir, "--quote", "voor onbepaalde tijd", "-m", "Altijd?", NULL);
  whole = add_comment (dir, "--on", "chp_1__art_1.8", "-m", "Hoort dit hier?", NULL);
  gone = add_comment (dir, "--on", "chp_3__art_3.2", "-m", "Wat is klein?", NULL);

  edit (dir, "na de datum van ontvangst", "na de dag van ontvangst");
  edit (dir, "### Artikel 2:10 Ligplaats", "### Artikel 2:11 Ligplaats");
  edit (dir, article_1_8, "");
  edit (dir, "# Hoofdstuk 5 ", keep (g_strconcat (article_1_8, "# Hoofdstuk 5 ", NULL)));
  text = amend_test_read (dir, "regeling.md");
  {
    const char *start = strstr (text, "## Artikel 3:2 ");
    const char *end = strstr (start, "## Artikel 3:3 ");
    g_autofree char *head = g_strndup (text, start - text);

    amend_test_write (dir, "regeling.md", keep (g_strconcat (head, end, NULL)));
  }
  amend_run (&run, dir, "save", "-m", "Herzien");
  assert_ok (&run);

  l = list_json (dir, NULL);
  t = find_thread (l, reword);
  g_assert_cmpstr (state_of (t), ==, "fuzzy");
  g_assert_cmpstr (position_string (t, "text"), ==, "na de dag van ontvangst van de aanvraag");
  t = find_thread (l, renumber);
  g_assert_cmpstr (state_of (t), ==, "diff");
  g_assert_cmpstr (position_string (t, "article"), ==, "2:11");
  t = find_thread (l, move);
  g_assert_cmpstr (state_of (t), ==, "diff");
  g_assert_cmpstr (position_string (t, "eid"), ==, "chp_4__art_1.8");
  t = find_thread (l, whole);
  g_assert_cmpstr (state_of (t), ==, "diff");
  g_assert_cmpstr (position_string (t, "eid"), ==, "chp_4__art_1.8");
  t = find_thread (l, gone);
  g_assert_cmpstr (state_of (t), ==, "outdated");
  g_assert_true (g_str_has_prefix (position_string (t, "old_text"), "Melding klein evenement\n"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (t, "position"), "eid"));

  amend_run (&run, dir, "comment", "list");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "[fuzzy]"));
  g_assert_nonnull (strstr (run.out, "(was \xe2\x80\x9c" QUOTE "\xe2\x80\x9d)"));
  g_assert_nonnull (strstr (run.out, "outdated (made on "));
  g_assert_nonnull (strstr (run.out, "  was: \xe2\x80\x9cMelding klein evenement\n"));

  /* Against the version they were made on, all by eId. */
  l = list_json (dir, "--at", "HEAD~1", NULL);
  for (guint i = 0; i < json_array_get_length (comments_of (l)); i++)
    g_assert_cmpstr (state_of (json_array_get_object_element (comments_of (l), i)), ==, "eid");
  amend_test_fsck (dir);
  amend_test_rmtree (parent);
}

/* Eight processes comment on main at once while the working copy is on an
 * amendment: each commits its file, on whatever tip the others left. */
static void
test_parallel (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *l;

  if (!amend_test_need_git ())
    return;
  parent = amend_test_tmpdir ("amend-cli-comments");
  dir = new_project (parent, "project");
  amend_run (&run, dir, "propose", "Iets anders");
  assert_ok (&run);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *text = g_strdup_printf ("Opmerking %u.", i);
      const char *argv[] = { g_getenv ("AMEND_BIN"), "-C", dir, "comment", "add", "main", "-m", text, NULL };
      g_autoptr(GError) error = NULL;
      GSubprocess *p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                          &error);

      g_assert_no_error (error);
      g_ptr_array_add (procs, p);
    }
  for (guint i = 0; i < procs->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (g_ptr_array_index (procs, i), NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (g_ptr_array_index (procs, i)) != 0)
        g_error ("amend comment add failed: %s", err);
    }
  l = list_json (dir, "main", NULL);
  g_assert_cmpuint (json_array_get_length (comments_of (l)), ==, 8);
  g_assert_cmpstr (keep (amend_test_git_ok (dir, "rev-list", "--count", "main", NULL)), ==, "9\n");
  amend_test_fsck (dir);
  amend_test_rmtree (parent);
}

int
main (int    argc,
      char **argv)
{
  int status;

  kept = g_ptr_array_new_with_free_func (g_free);
  kept_json = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-comments/help", test_help);
  g_test_add_func ("/cli-comments/life", test_life);
  g_test_add_func ("/cli-comments/bad-input", test_bad_input);
  g_test_add_func ("/cli-comments/findings", test_findings);
  g_test_add_func ("/cli-comments/two-clones", test_two_clones);
  g_test_add_func ("/cli-comments/bundle", test_bundle);
  g_test_add_func ("/cli-comments/reanchor", test_reanchor);
  g_test_add_func ("/cli-comments/parallel", test_parallel);
  status = g_test_run ();
  g_ptr_array_unref (kept);
  g_ptr_array_unref (kept_json);
  return status;
}
