/* amend-cli-sync.c: what the commands that exchange amendments share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands use the core's _async functions, as the window does: the
 * transfer runs in a worker thread, and the main thread shows progress,
 * answers credential requests and turns Ctrl+C into a cancel.  A cancel
 * returns at once while only the network is being used; while refs and
 * files are being moved it waits for the end of that short step.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "amend-cli-git.h"
#include "amend-cli-sync.h"

gboolean amend_cli_sync_progress = FALSE;

typedef struct {
  GMainLoop       *loop;
  AmendSyncJob    *job;
  AmendCliSyncFinish finish;
  AmendSyncReport *report;
  GError          *error;
  gboolean         show_progress;
  gboolean         tty;
  gboolean         line_open;
  AmendSyncStage   stage;
  gboolean         helper_tried;
  gboolean         interrupted;
} Run;

/* ----------------------------------------------------------------------- */
/* Progress                                                                 */
/* ----------------------------------------------------------------------- */

static void
end_line (Run *run)
{
  if (run->line_open)
    g_printerr ("\n");
  run->line_open = FALSE;
}

static void
show_progress (AmendSyncJob            *job,
               const AmendSyncProgress *progress,
               gpointer                 data)
{
  Run *run = data;
  g_autofree char *size = progress->bytes ? g_format_size (progress->bytes) : NULL;
  g_autoptr(GString) line = g_string_new (amend_sync_stage_describe (progress->stage));

  if (!run->show_progress)
    return;
  if (run->line_open && progress->stage != run->stage)
    end_line (run);
  run->stage = progress->stage;
  if (progress->total > 0)
    g_string_append_printf (line, ": %u%% (%u/%u)", (guint) ((guint64) progress->done * 100 / progress->total),
                            progress->done, progress->total);
  else if (progress->done > 0)
    g_string_append_printf (line, ": %u", progress->done);
  if (size)
    g_string_append_printf (line, ", %s", size);
  if (run->tty)
    {
      /* Past g_printerr, which would show the escape that clears the
       * rest of the line as text. */
      fprintf (stderr, "\r%s\x1b[K", line->str);
      fflush (stderr);
      run->line_open = TRUE;
    }
  else
    g_printerr ("%s\n", line->str);
}

/* ----------------------------------------------------------------------- */
/* Credentials                                                              */
/* ----------------------------------------------------------------------- */

/* Reads a line from the terminal, without echo for a secret.  Ctrl+C is
 * seen through the main loop, iterated between short waits. */
static char *
read_tty_line (Run        *run,
               int         fd,
               gboolean    secret)
{
  struct termios saved, quiet;
  gboolean restore = FALSE;
  g_autoptr(GString) line = g_string_new (NULL);
  char c;

  if (secret && tcgetattr (fd, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      restore = tcsetattr (fd, TCSAFLUSH, &quiet) == 0;
    }
  for (;;)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      int ready = poll (&p, 1, 100);

      g_main_context_iteration (NULL, FALSE);
      if (run->interrupted)
        break;
      if (ready <= 0)
        continue;
      if (read (fd, &c, 1) != 1 || c == '\n' || c == '\r')
        break;
      g_string_append_c (line, c);
    }
  if (restore)
    {
      tcsetattr (fd, TCSAFLUSH, &saved);
      if (write (fd, "\n", 1) < 0)
        {
        }
    }
  if (run->interrupted)
    {
      explicit_bzero (line->str, line->len);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static char *
ask_terminal (Run        *run,
              const char *prompt,
              gboolean    secret)
{
  int fd = open ("/dev/tty", O_RDWR | O_CLOEXEC);
  char *answer;

  if (fd < 0)
    return NULL;
  if (write (fd, prompt, strlen (prompt)) < 0)
    {
      close (fd);
      return NULL;
    }
  answer = read_tty_line (run, fd, secret);
  close (fd);
  return answer;
}

static char *
ask_one (Run        *run,
         const char *prompt,
         gboolean    secret,
         gboolean   *no_way)
{
  const char *askpass = g_getenv ("GIT_ASKPASS");
  char *answer = NULL;

  if (askpass && *askpass)
    {
      if (amend_credentials_from_askpass (askpass, prompt, &answer))
        return answer;
      return NULL;
    }
  answer = ask_terminal (run, prompt, secret);
  if (answer == NULL && !run->interrupted)
    *no_way = TRUE;
  return answer;
}

static void
answer_password (Run                    *run,
                 AmendCredentialRequest *request)
{
  const char *url = amend_credential_request_get_url (request);
  g_autofree char *username = g_strdup (amend_credential_request_get_username (request));
  g_autofree char *password = NULL;
  g_autofree char *user_prompt = g_strdup_printf (_("User name for %s: "), url);
  g_autofree char *password_prompt = NULL;
  gboolean no_way = FALSE;

  /* git's helpers first, once: a second request means their answer was
   * not accepted. */
  if (!run->helper_tried)
    {
      g_autofree char *helper_user = NULL;

      run->helper_tried = TRUE;
      if (amend_credentials_from_git_helpers (url, username, &helper_user, &password))
        {
          amend_credential_request_answer (request, helper_user ? helper_user : username, password);
          explicit_bzero (password, strlen (password));
          return;
        }
    }
  end_line (run);
  if (username == NULL && (username = ask_one (run, user_prompt, FALSE, &no_way)) == NULL)
    goto none;
  password_prompt = g_strdup_printf (_("Password for %s@%s: "), username, url);
  if ((password = ask_one (run, password_prompt, TRUE, &no_way)) == NULL)
    goto none;
  amend_credential_request_answer (request, username, password);
  explicit_bzero (password, strlen (password));
  return;

none:
  if (no_way)
    amend_credential_request_fail (request, _("there is no terminal to ask them on; set GIT_ASKPASS to a program "
                                              "that prints them, or store them in a git credential helper"));
  else if (run->interrupted)
    amend_credential_request_decline (request);
  else
    amend_credential_request_fail (request, _("the program in GIT_ASKPASS gave no answer"));
}

static void
answer_passphrase (Run                    *run,
                   AmendCredentialRequest *request)
{
  g_autofree char *prompt = g_strdup_printf (_("Passphrase for the key %s: "),
                                             amend_credential_request_get_key_file (request));
  g_autofree char *passphrase = NULL;
  gboolean no_way = FALSE;

  end_line (run);
  passphrase = ask_one (run, prompt, TRUE, &no_way);
  if (passphrase != NULL)
    {
      amend_credential_request_answer (request, NULL, passphrase);
      explicit_bzero (passphrase, strlen (passphrase));
    }
  else if (run->interrupted)
    amend_credential_request_decline (request);
  else
    amend_credential_request_fail (request, _("there is no terminal to ask the passphrase of the ssh key on; "
                                              "add the key to ssh-agent, or set GIT_ASKPASS"));
}

static void
ask_credentials (AmendSyncJob           *job,
                 AmendCredentialRequest *request,
                 gpointer                data)
{
  Run *run = data;

  if (amend_credential_request_get_kind (request) == AMEND_CREDENTIAL_PASSPHRASE)
    answer_passphrase (run, request);
  else
    answer_password (run, request);
}

/* ----------------------------------------------------------------------- */
/* Running                                                                  */
/* ----------------------------------------------------------------------- */

static gboolean
on_interrupt (gpointer data)
{
  Run *run = data;

  run->interrupted = TRUE;
  amend_sync_job_cancel (run->job);
  if (amend_sync_job_is_committing (run->job))
    {
      end_line (run);
      g_printerr (_("Finishing the last step first, so that nothing is left half done\xe2\x80\xa6\n"));
    }
  return G_SOURCE_CONTINUE;
}

static void
finished (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Run *run = data;

  run->report = run->finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

AmendSyncReport *
amend_cli_sync_run (AmendCliSyncStart  start,
                    AmendCliSyncFinish finish,
                    gpointer           data,
                    int               *status)
{
  Run run = { 0 };
  guint sigint, sigterm;

  run.loop = g_main_loop_new (NULL, FALSE);
  run.job = amend_sync_job_new (NULL);
  run.finish = finish;
  run.tty = isatty (2);
  run.show_progress = run.tty || amend_cli_sync_progress;
  amend_sync_job_set_progress_func (run.job, show_progress, &run, NULL);
  amend_sync_job_set_credentials_func (run.job, ask_credentials, &run, NULL);
  sigint = g_unix_signal_add (SIGINT, on_interrupt, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_interrupt, &run);

  start (run.job, finished, &run, data);
  g_main_loop_run (run.loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  end_line (&run);
  if (run.report == NULL)
    {
      *status = amend_cli_sync_report_error (run.error);
      g_clear_error (&run.error);
      /* Stopped while the worker still waits on the network (it changes
       * nothing any more): leave without it, and without running libgit2's
       * shutdown under its feet. */
      if (amend_sync_job_is_running (run.job))
        {
          fflush (stdout);
          fflush (stderr);
          _exit (*status);
        }
    }
  g_object_unref (run.job);
  g_main_loop_unref (run.loop);
  return run.report;
}

int
amend_cli_sync_report_error (const GError *error)
{
  if (error == NULL)
    return amend_cli_report (NULL, NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      amend_cli_error ("%s", error->message);
      return AMEND_EXIT_CANCELLED;
    }
  if (error->domain != AMEND_SYNC_ERROR)
    return amend_cli_report (error, NULL);
  amend_cli_error ("%s", error->message);
  switch (error->code)
    {
    case AMEND_SYNC_ERROR_FORBIDDEN_REF:
    case AMEND_SYNC_ERROR_UNRELATED:
    case AMEND_SYNC_ERROR_NEEDS_NEWER:
    case AMEND_SYNC_ERROR_WRONG_KIND:
    case AMEND_SYNC_ERROR_EXISTS:
    case AMEND_SYNC_ERROR_NO_REMOTE:
    case AMEND_SYNC_ERROR_NON_FAST_FORWARD:
    case AMEND_SYNC_ERROR_REJECTED:
    case AMEND_SYNC_ERROR_DIVERGED:
    case AMEND_SYNC_ERROR_NO_ROOM:
      return AMEND_EXIT_REFUSED;
    case AMEND_SYNC_ERROR_INVALID_URL:
      return AMEND_EXIT_USAGE;
    default:
      return AMEND_EXIT_FAILURE;
    }
}

/* ----------------------------------------------------------------------- */
/* The report                                                               */
/* ----------------------------------------------------------------------- */

static char *
describe_counts (const AmendSyncChange *change)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (change->commits > 0)
    g_string_append_printf (s, ngettext ("%u version", "%u versions", change->commits), change->commits);
  if (change->new_comments > 0)
    {
      if (s->len)
        g_string_append (s, ", ");
      g_string_append_printf (s, ngettext ("%u new comment", "%u new comments", change->new_comments),
                              change->new_comments);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
describe_name (const AmendSyncChange *change)
{
  if (change->title && g_str_has_suffix (change->branch, change->title) == FALSE)
    return g_strdup_printf ("%s \xe2\x80\x9c%s\xe2\x80\x9d", change->branch, change->title);
  return g_strdup (change->branch);
}

static void
print_change (const AmendSyncChange *change)
{
  g_autofree char *name = describe_name (change);
  g_autofree char *counts = describe_counts (change);
  g_autofree char *suffix = *counts ? g_strdup_printf (" (%s)", counts) : g_strdup ("");

  switch (change->kind)
    {
    case AMEND_SYNC_NEW:
      g_print (_("new: %s%s\n"), name, suffix);
      break;
    case AMEND_SYNC_UPDATED:
      g_print (_("updated: %s%s\n"), name, suffix);
      break;
    case AMEND_SYNC_UNCHANGED:
      g_print (_("up to date: %s\n"), name);
      break;
    case AMEND_SYNC_LOCAL_NEWER:
      g_print (_("kept: %s (this project has newer versions)\n"), name);
      break;
    case AMEND_SYNC_ALREADY_AS:
      g_print (_("already here: %s, as %s\n"), name, change->kept_as);
      break;
    case AMEND_SYNC_DIVERGED:
      g_print (_("changed on both sides: %s; yours is kept as it was, the incoming one is now %s%s\n"),
               name, change->kept_as, suffix);
      break;
    case AMEND_SYNC_MERGED:
      g_print (_("merged: %s with the remote's%s, as %.7s\n"), name, suffix, change->new_id);
      break;
    case AMEND_SYNC_MERGE_STOPPED:
      g_print (_("not merged yet: %s with the remote's%s; the merge stopped at conflicts\n"), name, suffix);
      break;
    case AMEND_SYNC_PUSHED:
      g_print (_("pushed: %s%s\n"), name, suffix);
      break;
    case AMEND_SYNC_NOT_TAKEN:
      /* On standard error, as every warning: the rest was taken. */
      g_printerr (_("not taken: %s: %s\n"), change->branch, change->message ? change->message : "");
      break;
    case AMEND_SYNC_REJECTED:
    default:
      g_print (_("refused by the remote: %s (%s)\n"), name, change->message ? change->message : "");
      break;
    }
}

/* An amendment changed on both sides is not merged: the two are two
 * proposals now, and which one goes on is the group's choice. */
static void
print_diverged_hint (const AmendSyncChange *change)
{
  const char *ours = strchr (change->branch, '/') ? strchr (change->branch, '/') + 1 : change->branch;
  const char *theirs = strchr (change->kept_as, '/') ? strchr (change->kept_as, '/') + 1 : change->kept_as;

  g_print (_("Compare the two with \xe2\x80\x9c" "amend diff %s %s\xe2\x80\x9d, take what you want to keep into one "
             "of them, and withdraw the other with \xe2\x80\x9c" "amend withdraw\xe2\x80\x9d.\n"), ours, theirs);
}

void
amend_cli_sync_print (AmendSyncReport *report)
{
  const AmendSyncChange *diverged = NULL;

  for (guint i = 0; i < report->changes->len; i++)
    {
      const AmendSyncChange *change = g_ptr_array_index (report->changes, i);

      print_change (change);
      if (change->kind == AMEND_SYNC_DIVERGED && change->kept_as && diverged == NULL)
        diverged = change;
    }
  if (diverged != NULL)
    print_diverged_hint (diverged);
}
