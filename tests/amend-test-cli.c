/* amend-test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amend-test-cli.h"

void
amend_test_run_clear (AmendTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_clear_pointer (&run->bytes, g_bytes_unref);
}

static void
apply_env (GSubprocessLauncher *launcher,
           const char * const  *env)
{
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq == NULL)
        g_subprocess_launcher_unsetenv (launcher, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], eq - env[i]);

          g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
        }
    }
}

/* A string of @bytes; NULL when it is not UTF-8 (or holds a NUL), as
 * g_subprocess_communicate_utf8 would refuse it. */
static char *
bytes_to_utf8 (GBytes   *bytes,
               gboolean  check)
{
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (len == 0)
    return g_strdup ("");
  if (check && !g_utf8_validate (data, len, NULL))
    return NULL;
  return g_strndup (data, len);
}

void
amend_test_run_argv (AmendTestRun              *run,
                     const AmendTestRunOptions *options,
                     const char * const        *argv)
{
  static const AmendTestRunOptions defaults = { 0 };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  if (options == NULL)
    options = &defaults;
  amend_test_run_clear (run);
  /* Standard input is always a pipe, so that a command that reads it sees
   * @input or an end of file, never the terminal of whoever runs the tests. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  if (options->cwd)
    g_subprocess_launcher_set_cwd (launcher, options->cwd);
  apply_env (launcher, options->env);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  /* With a pipe for it, g_subprocess_communicate wants some standard input. */
  input = g_bytes_new_static (options->input ? options->input : "", options->input ? strlen (options->input) : 0);
  g_subprocess_communicate (proc, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  /* A process killed by a signal has no exit status; the shell's
   * 128 + N stands for it. */
  run->signal = g_subprocess_get_if_signaled (proc) ? g_subprocess_get_term_sig (proc) : 0;
  run->status = run->signal ? 128 + run->signal : g_subprocess_get_exit_status (proc);
  run->out = bytes_to_utf8 (out, !options->binary);
  run->err = bytes_to_utf8 (err, !options->binary);
  if (run->out == NULL || run->err == NULL)
    g_error ("%s wrote output that is not UTF-8", argv[0]);
  if (options->binary)
    run->bytes = g_steal_pointer (&out);
}

void
amend_test_run_valist (AmendTestRun              *run,
                       const AmendTestRunOptions *options,
                       const char                *first,
                       va_list                    args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("AMEND_BIN"));
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  g_ptr_array_add (argv, NULL);
  amend_test_run_argv (run, options, (const char * const *) argv->pdata);
}
