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

G_END_DECLS
