/* test-check.c: structural findings, with their lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-check.h"
#include "amend-test-util.h"

static GPtrArray *
check (const char *markdown)
{
  g_autoptr(AmendDocument) doc = amend_test_parse (markdown);

  return amend_document_check (doc);
}

static gboolean
has_finding (GPtrArray     *findings,
             AmendSeverity  severity,
             guint          line,
             const char    *needle)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const AmendDiagnostic *d = g_ptr_array_index (findings, i);
      if (d->severity == severity && d->line == line && strstr (d->message, needle))
        return TRUE;
    }
  return FALSE;
}

static void
dump (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = amend_diagnostic_format (g_ptr_array_index (findings, i), "t.md");
      g_test_message ("%s", line);
    }
}

static void
test_clean (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\n1. Zie artikel 2, tweede lid, onderdeel b.\n2. Het eerste lid geldt.\n\n"
    "# Artikel 2\n\n1. Een.\n2. Twee:\n   - a. a;\n   - b. b.\n\n"
    "# Artikel 3\n\nZoals bedoeld in artikel 149 van de Gemeentewet en artikel 1 van deze verordening.\n");

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_duplicates (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\nEen.\n\n# Artikel 2\n\n1. Een.\n1. Nog een.\n\n# Artikel 2\n\nDubbel.\n\n"
    "# Artikel 3\n\nIntro:\n\n- a. een;\n- a. twee.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 10, "Artikel 2 is numbered the same"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 8, "member 1 is numbered the same"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 19, "point a. is numbered the same"));
}

static void
test_gaps_and_order (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\nEen.\n\n# Artikel 2\n\nTwee.\n\n# Artikel 4\n\nVier.\n\n# Artikel 4a\n\nIngevoegd.\n\n"
    "# Artikel 3\n\n2. Twee.\n3. Drie.\n5. Vijf.\n4. Vier.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 9, "skips from 2 to 4"));
  g_assert_false (has_finding (findings, AMEND_SEVERITY_WARNING, 13, "skips")); /* 4a after 4 is fine */
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 17, "out of order"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 19, "member 2 should be numbered from 1"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 21, "skips from 3 to 5"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_WARNING, 22, "member 4 is out of order"));
}

static void
test_references (void)
{
  g_autoptr(GPtrArray) findings = check (
    "# Artikel 1\n\n1. Zie artikel 12.\n2. Zie artikel 3, tweede lid.\n3. Zie artikel 2, eerste lid, onderdeel c.\n"
    "4. Zie het vijfde lid.\n5. Zie de artikelen 2 en 9.\n\n"
    "# Artikel 2\n\n1. Een:\n   - a. a;\n   - b. b.\n\n# Artikel 3\n\n1. Een.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 3, "article 12, which does not exist"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 4, "article 3 has no member 2"));
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 5, "has no point c"));
  g_assert_false (has_finding (findings, AMEND_SEVERITY_ERROR, 6, "no member 5")); /* it exists */
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 7, "article 9, which does not exist"));
  g_assert_false (has_finding (findings, AMEND_SEVERITY_ERROR, 7, "article 2,"));
}

static void
test_empty_article (void)
{
  g_autoptr(GPtrArray) findings = check ("# Artikel 1\n\n# Artikel 2\n\nTekst.\n");

  dump (findings);
  g_assert_true (has_finding (findings, AMEND_SEVERITY_ERROR, 1, "Artikel 1 is empty"));
  g_assert_cmpuint (findings->len, ==, 1);
}

static void
test_example_is_clean (void)
{
  g_autofree char *path = amend_test_source_path ("data/example/apv-lindewaarde.md");
  g_autoptr(AmendDocument) doc = amend_test_parse_file (path);
  g_autoptr(GPtrArray) findings = amend_document_check (doc);

  dump (findings);
  g_assert_cmpuint (findings->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/duplicates", test_duplicates);
  g_test_add_func ("/check/gaps-and-order", test_gaps_and_order);
  g_test_add_func ("/check/references", test_references);
  g_test_add_func ("/check/empty-article", test_empty_article);
  g_test_add_func ("/check/example-is-clean", test_example_is_clean);
  return g_test_run ();
}
