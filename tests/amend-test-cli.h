/* amend-test-cli.h: running the amend program (or a validator) from the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a run left behind. */
typedef struct {
  int     status;  /* 128 + the signal when killed by one */
  int     signal;  /* the signal that killed it, or 0 */
  char   *out;
  char   *err;
  GBytes *bytes;  /* stdout as bytes, set only for AmendTestRunOptions.binary */
} AmendTestRun;

void amend_test_run_clear (AmendTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmendTestRun, amend_test_run_clear)

/* How to run; a NULL pointer (or a zeroed struct) runs with the tests' own
 * folder, environment and an empty standard input. */
typedef struct {
  const char         *cwd;
  const char         *input;   /* standard input, NULL for none */
  const char * const *env;     /* "NAME=VALUE" sets NAME, "NAME" unsets it */
  gboolean            binary;  /* the output need not be UTF-8; keep stdout in bytes too */
} AmendTestRunOptions;

/* Runs @argv (argv[0] a path) to its end and collects its exit status,
 * stdout and stderr in @run (cleared first); fails the test when it cannot
 * be run or, unless @options->binary, when its output is not UTF-8. */
void amend_test_run_argv   (AmendTestRun              *run,
                            const AmendTestRunOptions *options,
                            const char * const        *argv);
/* Runs `$AMEND_BIN ARGS...`. */
void amend_test_run_valist (AmendTestRun              *run,
                            const AmendTestRunOptions *options,
                            const char                *first,
                            va_list                    args);

G_END_DECLS
