/* amend-test-util.h: fixtures shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amend-document.h"

G_BEGIN_DECLS

/* Path of a file in ../shared/, or NULL (after g_test_skip) when absent. */
char          *amend_test_shared_path   (const char *relative);
void           amend_test_skip_unless_required (const char *message);
/* Path of a file in the source tree. */
char          *amend_test_source_path   (const char *relative);
/* Reads @path; fails the test when it cannot be read. */
char          *amend_test_read_file     (const char *path,
                                         gsize      *len);
AmendDocument *amend_test_parse         (const char *markdown);
AmendDocument *amend_test_parse_file    (const char *path);
/* Sorted paths of the *.md files in a folder of ../shared/, NULL when absent. */
GPtrArray     *amend_test_shared_files  (const char *folder,
                                         const char *suffix);
guint          amend_test_count_kind    (AmendDocument *doc,
                                         AmendNodeKind  kind);
gboolean       amend_test_has_diagnostic (AmendDocument *doc,
                                          AmendSeverity  severity,
                                          guint          line,
                                          const char    *needle);
/* Deletes @file and, without following symbolic links, all below it. */
void           amend_test_remove_tree   (GFile         *file);

G_END_DECLS
