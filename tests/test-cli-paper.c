/* test-cli-paper.c: amend paper, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The council paper of one amendment and of all submitted ones, on real
 * repositories: its record, renvooi and instructions, the voting order of
 * amend order with what lapses, an adopted amendment still read against
 * the text it changed (not against main, which now holds it), and the
 * HTML well-formed enough for libxml2's HTML parser.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <string.h>

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
  "## Artikel 1 Beslistermijn\n" \
  "\n" \
  "1. De burgemeester beslist binnen acht weken op de aanvraag.\n" \
  "2. De aanvraag wordt schriftelijk ingediend.\n" \
  "\n" \
  "## Artikel 2 Vergunning\n" \
  "\n" \
  "Het is verboden zonder vergunning van het college een evenement te organiseren.\n"

static void
amend_run_in (AmendTestRun *run,
              const char   *cwd,
              const char   *first,
              ...)
{
  AmendTestRunOptions options = { .cwd = cwd };
  va_list args;

  va_start (args, first);
  amend_test_run_valist (run, &options, first, args);
  va_end (args);
}

#define amend_run(run, cwd, ...) amend_run_in (run, cwd, __VA_ARGS__, NULL)

static void
assert_ok (AmendTestRun *run)
{
  if (run->status != 0)
    g_error ("amend failed with %d: %s%s", run->status, run->out, run->err);
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("\"%s\" is not in:\n%s", needle, haystack);
}

static char *
new_project (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *parent = amend_test_tmpdir ("amend-cli-paper");
  char *dir = g_build_filename (parent, "project", NULL);

  amend_run (&run, parent, "init", "project");
  assert_ok (&run);
  amend_test_write (dir, "regeling.md", BASE);
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

static void
amendment (const char *dir,
           const char *title,
           const char *by,
           const char *motivation,
           const char *from,
           const char *to,
           gboolean    submit)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *text = amend_test_read (dir, "regeling.md");
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;

  amend_run (&run, dir, "propose", title, "--by", by, "--motivation", motivation);
  assert_ok (&run);
  g_free (text);
  text = amend_test_read (dir, "regeling.md");
  parts = g_strsplit (text, from, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv (to, parts);
  amend_test_write (dir, "regeling.md", changed);
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

/* libxml2's HTML parser reads it without an error, with @n articles. */
static void
assert_html (const char *html,
             guint       n)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) strlen (html), "paper.html", "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlNodePtr body;
  guint articles = 0;

  g_assert_nonnull (doc);
  body = xmlDocGetRootElement (doc);
  g_assert_nonnull (body);
  for (xmlNodePtr n1 = body->children; n1; n1 = n1->next)
    if (n1->type == XML_ELEMENT_NODE && xmlStrcmp (n1->name, BAD_CAST "body") == 0)
      for (xmlNodePtr n2 = n1->children; n2; n2 = n2->next)
        articles += n2->type == XML_ELEMENT_NODE && xmlStrcmp (n2->name, BAD_CAST "article") == 0;
  g_assert_cmpuint (articles, ==, n);
  xmlFreeDoc (doc);
}

static void
test_one (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amendment (dir, "Zes weken <snel>", "Jan Jansen <jan@example.nl>", "Sneller beslissen.\n\nDat is beter & eerlijker.",
             "binnen acht weken", "binnen zes weken", FALSE);

  amend_run (&run, dir, "paper", "zes-weken-snel");
  assert_ok (&run);
  assert_html (run.out, 1);
  assert_has (run.out, "<h1>Amendment “Zes weken &lt;snel&gt;”</h1>");
  assert_has (run.out, "<p>An amendment to Verordening Voorbeeld</p>");
  /* The names, not the addresses: a paper is public. */
  assert_has (run.out, "<dd>Jan Jansen</dd>");
  g_assert_null (strstr (run.out, "jan@example.nl"));
  assert_has (run.out, "<dd>Not submitted yet.</dd>");
  assert_has (run.out, "<p>Sneller beslissen.</p>\n<p>Dat is beter &amp; eerlijker.</p>");
  assert_has (run.out, "binnen <del>acht</del> <ins>zes</ins> weken");
  assert_has (run.out, "<p class=\"letter\">ARTIKEL I</p>");
  /* One change: one sentence that names the regulation (Ar 6.15). */
  assert_has (run.out, "<p class=\"instruction\">In artikel 1, eerste lid, van de Verordening Voorbeeld wordt "
                       "&quot;acht&quot; vervangen door &quot;zes&quot;.</p>");

  /* -o: the same page, in a file, counted from -C DIR. */
  out = g_strdup (run.out);
  amend_run (&run, NULL, "paper", "-C", dir, "-o", "paper.html", "zes-weken-snel");
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "");
  written = amend_test_read (dir, "paper.html");
  g_assert_cmpstr (written, ==, out);
  {
    g_autofree char *path = g_build_filename (dir, "paper.html", NULL);
    g_assert_cmpint (g_remove (path), ==, 0);
  }

  /* Dutch, for a Dutch council. */
  {
    const char *env[] = { "LANGUAGE=nl", "LC_ALL=nl_NL.UTF-8", NULL };
    AmendTestRunOptions options = { .cwd = dir, .env = env };
    const char *argv[] = { g_getenv ("AMEND_BIN"), "paper", "zes-weken-snel", NULL };

    amend_test_run_argv (&run, &options, argv);
    assert_ok (&run);
    assert_has (run.out, "<html lang=\"nl\">");
    assert_has (run.out, "<h1>Amendement “Zes weken &lt;snel&gt;”</h1>");
    assert_has (run.out, "<dt>Ingediend door</dt><dd>Jan Jansen</dd>");
    assert_has (run.out, "<h3>Toelichting</h3>");
    assert_has (run.out, "<h3>Wijzigingsopdrachten</h3>");
  }
  remove_project (dir);
}

static void
test_all_in_order (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  const char *first, *second, *third;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amend_run (&run, dir, "paper");
  g_assert_cmpint (run.status, ==, 3);
  assert_has (run.err, "no amendment is submitted");

  /* Two that compete for the same words, one elsewhere, one concept. */
  amendment (dir, "Zes weken", "Jan Jansen <jan@example.nl>", "Sneller.", "binnen acht weken", "binnen zes weken", TRUE);
  amendment (dir, "Vier weken of minder", "Wijkraad Oost", "Nog sneller, en ook per e-mail.",
             "binnen acht weken op de aanvraag", "binnen vier weken op de volledige aanvraag", TRUE);
  amendment (dir, "Zonder vergunning", "Eva de Vries <eva@example.nl>", "Minder regels.",
             "Het is verboden zonder vergunning", "Het is verboden zonder melding", TRUE);
  amendment (dir, "Nog een concept", "Piet <p@example.nl>", "Later.", "schriftelijk", "digitaal", FALSE);

  amend_run (&run, dir, "paper");
  assert_ok (&run);
  assert_html (run.out, 3);
  assert_has (run.out, "<h1>Amendments to Verordening Voorbeeld, in the order of voting</h1>");
  g_assert_null (strstr (run.out, "Nog een concept"));
  /* The order of amend order: the further-reaching competitor first, the
   * other after it, then the one in article 2. */
  first = strstr (run.out, "<h2>1. Vier weken of minder</h2>");
  second = strstr (run.out, "<h2>2. Zes weken</h2>");
  third = strstr (run.out, "<h2>3. Zonder vergunning</h2>");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (third);
  g_assert_true (first < second && second < third);
  assert_has (first, "If it is adopted, these lapse: Zes weken.");
  assert_has (run.out, "<dd>Wijkraad Oost</dd>");
  assert_has (run.out, "<dd>Submitted; not voted on yet.</dd>");

  amend_run (&run, dir, "paper", "bestaat-niet");
  g_assert_cmpint (run.status, ==, 3);
  amend_run (&run, dir, "paper", "a", "b");
  g_assert_cmpint (run.status, ==, 2);
  remove_project (dir);
}

/* After the vote the paper says the result and still shows the change,
 * read against the text before the adoption. */
static void
test_adopted (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amendment (dir, "Zes weken", "Jan Jansen <jan@example.nl>", "Sneller.", "binnen acht weken", "binnen zes weken", TRUE);
  amendment (dir, "Melding", "Eva <eva@example.nl>", "Minder regels.", "zonder vergunning", "zonder melding", TRUE);
  amend_run (&run, dir, "vote", "zes-weken", "--for", "15", "--against", "12", "--date", "2027-03-14",
             "--meeting", "Raadsvergadering 14 maart 2027");
  assert_ok (&run);
  /* Main moved on after the adoption; the paper does not mind. */
  amend_run (&run, dir, "reject", "melding", "--date", "2027-03-14");
  assert_ok (&run);
  text = amend_test_read (dir, "regeling.md");
  g_assert_nonnull (strstr (text, "binnen zes weken"));

  amend_run (&run, dir, "paper", "zes-weken");
  assert_ok (&run);
  assert_has (run.out, "<dd>Adopted with 15 votes for and 12 against on 14 March 2027 (Raadsvergadering 14 maart 2027).</dd>");
  assert_has (run.out, "binnen <del>acht</del> <ins>zes</ins> weken");
  amend_run (&run, dir, "paper", "melding");
  assert_ok (&run);
  assert_has (run.out, "<dd>Rejected without counted votes on 14 March 2027.</dd>");
  assert_has (run.out, "zonder <del>vergunning</del> <ins>melding</ins>");
  remove_project (dir);
}


/* A subamendment: voted right before the amendment it amends, and read
 * against that amendment's text, not against the draft. */
static void
test_subamendment (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  const char *sub, *main_one;

  if (!amend_test_need_git ())
    return;
  dir = new_project ();
  amendment (dir, "Zes weken", "Jan Jansen <jan@example.nl>", "Sneller.", "binnen acht weken", "binnen zes weken", TRUE);
  amend_run (&run, dir, "propose", "--on", "zes-weken", "Vijf weken", "--by", "Eva <eva@example.nl>");
  assert_ok (&run);
  text = amend_test_read (dir, "regeling.md");
  {
    g_auto(GStrv) parts = g_strsplit (text, "binnen zes weken", 2);

    changed = g_strjoinv ("binnen vijf weken", parts);
  }
  amend_test_write (dir, "regeling.md", changed);
  amend_run (&run, dir, "save", "-m", "Vijf weken");
  assert_ok (&run);
  amend_run (&run, dir, "submit");
  assert_ok (&run);
  amend_run (&run, dir, "switch", "main");
  assert_ok (&run);

  amend_run (&run, dir, "paper");
  assert_ok (&run);
  assert_html (run.out, 2);
  sub = strstr (run.out, "<h2>1. Vijf weken</h2>");
  main_one = strstr (run.out, "<h2>2. Zes weken</h2>");
  g_assert_nonnull (sub);
  g_assert_nonnull (main_one);
  g_assert_true (sub < main_one);
  assert_has (sub, "<dt>Amends</dt><dd>Zes weken</dd>");
  /* Against the amendment: zes becomes vijf; acht is not in it. */
  g_assert_true (strstr (sub, "binnen <del>zes</del> <ins>vijf</ins> weken") < main_one);
  assert_has (main_one, "binnen <del>acht</del> <ins>zes</ins> weken");
  /* Its instructions amend the amendment and name it, without the
   * amending article of a regulation (6.15). */
  g_assert_true (strstr (sub, "<p class=\"instruction\">In het amendement &quot;Zes weken&quot; wordt in artikel ") < main_one);
  g_assert_true (strstr (sub, "ARTIKEL I") > main_one);
  remove_project (dir);
}

/* -o on a full disk: one sentence that names the file asked for (not
 * GLib's temporary file next to it) and says what to do; nothing is left
 * there.  The full disk is a small tmpfs in a mount namespace of its own,
 * made with unshare (skipped where user namespaces are not allowed). */
static void
test_disk_full (void)
{
  g_auto(AmendTestRun) run = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *full = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  AmendTestRunOptions options = { 0 };
  const char *script = "mount -t tmpfs -o size=64k tmpfs \"$1\" || exit 77; "
                       "dd if=/dev/zero of=\"$1/vol\" bs=4k 2>/dev/null; "
                       "\"$2\" -C \"$3\" paper zes-weken -o \"$1/paper.html\"; status=$?; "
                       "ls -A \"$1\"; exit $status";

  if (!amend_test_need_git ())
    return;
  if (unshare == NULL)
    {
      g_test_skip ("unshare is not installed");
      return;
    }
  dir = new_project ();
  amendment (dir, "Zes weken", "Jan Jansen <jan@example.nl>", "Sneller.", "binnen acht weken", "binnen zes weken",
             FALSE);
  full = g_build_filename (dir, "..", "vol", NULL);
  g_assert_cmpint (g_mkdir (full, 0755), ==, 0);
  amend_test_run_argv (&run, &options, (const char *[]) { "unshare", "-rm", "sh", "-c", script, "sh", full,
                                                           g_getenv ("AMEND_BIN"), dir, NULL });
  if (run.status == 77 || strstr (run.err, "unshare:") != NULL)
    {
      g_test_skip ("no mount namespace for a small tmpfs here");
      remove_project (dir);
      return;
    }
  g_assert_cmpint (run.status, ==, 3);
  assert_has (run.err, "/paper.html: No space left on device; nothing was written there: make room on the disk "
                       "and try again\n");
  g_assert_null (strstr (run.err, "paper.html."));
  /* Only the file that filled the disk, no half page nor temporary file. */
  g_assert_cmpstr (run.out, ==, "vol\n");
  remove_project (dir);
}

int
main (int   argc,
      char *argv[])
{
  amend_test_git_setup_env ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-paper/one", test_one);
  g_test_add_func ("/cli-paper/disk-full", test_disk_full);
  g_test_add_func ("/cli-paper/all-in-order", test_all_in_order);
  g_test_add_func ("/cli-paper/adopted", test_adopted);
  g_test_add_func ("/cli-paper/subamendment", test_subamendment);
  return g_test_run ();
}
