/* amend-test-git.h: temporary projects and the git program, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Points HOME, XDG_CONFIG_HOME and GIT_CONFIG_GLOBAL at a temporary folder
 * with a config the tests control (user Test Gebruiker), and sets
 * GIT_CONFIG_NOSYSTEM, so that the machine's git configuration does not
 * leak in.  Call first in main(), before libgit2 is used. */
void     amend_test_git_setup_env  (void);
const char *amend_test_git_home    (void);
char    *amend_test_tmpdir         (const char *prefix);
void     amend_test_rmtree         (const char *dir);
/* Runs git -C @dir ARGS...; returns the exit status. */
int      amend_test_git            (const char *dir,
                                    char      **out,
                                    char      **err,
                                    const char *first,
                                    ...) G_GNUC_NULL_TERMINATED;
/* The same, failing the test unless git succeeds; returns its stdout. */
char    *amend_test_git_ok         (const char *dir,
                                    const char *first,
                                    ...) G_GNUC_NULL_TERMINATED;
/* git show REV:PATH as bytes. */
GBytes  *amend_test_git_show       (const char *dir,
                                    const char *spec);
/* Fails the test unless git fsck --strict finds nothing wrong. */
void     amend_test_fsck           (const char *dir);
void     amend_test_write          (const char *dir,
                                    const char *relative,
                                    const char *contents);
char    *amend_test_read           (const char *dir,
                                    const char *relative);
gboolean amend_test_have_git       (void);
/* TRUE when git is installed; otherwise marks the case skipped. */
gboolean amend_test_need_git       (void);
/* git rev-parse @spec in @dir. */
char    *amend_test_rev            (const char *dir,
                                    const char *spec);
/* The commit @spec1 in @dir1 is @spec2 in @dir2. */
void     amend_test_assert_same_rev (const char *dir1,
                                     const char *spec1,
                                     const char *dir2,
                                     const char *spec2);
/* The names in the folder @path, sorted, separated by spaces; caches
 * ("*.cache"), which any command may write or rebuild, are left out. */
char    *amend_test_listing        (const char *path);
void     amend_test_assert_listing (const char *path,
                                    const char *expected);

G_END_DECLS
