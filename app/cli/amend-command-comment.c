/* amend-command-comment.c: amend comment add|list|resolve|reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "amend-command-comment.h"

/* Errors of the comment domain: what was given does not fit (2), is not
 * there (3), or the comment's state refuses it (4); the repository's own
 * errors keep their statuses. */
int
amend_cli_comment_report (const GError *error)
{
  if (error == NULL || error->domain != AMEND_COMMENT_ERROR)
    return amend_cli_report (error, error != NULL && error->domain == AMEND_REPOSITORY_ERROR &&
                                    error->code == AMEND_REPOSITORY_ERROR_NO_AUTHOR
                                    ? _("or give the author with --author \"Name <e-mail>\"") : NULL);
  amend_cli_error ("%s", error->message);
  switch (error->code)
    {
    case AMEND_COMMENT_ERROR_NOT_FOUND:
      return AMEND_EXIT_FAILURE;
    case AMEND_COMMENT_ERROR_STATE:
      return AMEND_EXIT_REFUSED;
    default:
      return AMEND_EXIT_USAGE;
    }
}

/* add ------------------------------------------------------------------- */

static char *opt_message;
static char *opt_text_file;
static char *opt_on;
static char *opt_quote;
static char *opt_reply_to;
static char *opt_regulation;
static char *opt_author;

/* Texts are taken as bytes (G_OPTION_ARG_FILENAME) and checked here, so
 * that bytes that are not UTF-8 get Amend's sentence, not GOption's. */
static const GOptionEntry add_entries[] = {
  { "message", 'm', 0, G_OPTION_ARG_FILENAME, &opt_message, N_("The text of the comment (Markdown)"), N_("TEXT") },
  { "file", 'F', 0, G_OPTION_ARG_FILENAME, &opt_text_file, N_("Read the text from FILE (- for standard input)"),
    N_("FILE") },
  { "on", 0, 0, G_OPTION_ARG_FILENAME, &opt_on, N_("Comment on the node with this eId (see amend outline)"), N_("EID") },
  { "quote", 0, 0, G_OPTION_ARG_FILENAME, &opt_quote, N_("Comment on these words, quoted exactly as they stand"),
    N_("TEXT") },
  { "reply-to", 0, 0, G_OPTION_ARG_FILENAME, &opt_reply_to, N_("Reply to the comment ID"), N_("ID") },
  { "regulation", 0, 0, G_OPTION_ARG_FILENAME, &opt_regulation,
    N_("The regulation commented on, when the project has several"), N_("FILE") },
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author,
    N_("Sign as AUTHOR instead of the name and e-mail in the git configuration"), N_("\"NAME <E-MAIL>\"") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static const AmendCommand comment_add = {
  .name = "comment add",
  .parameters = "[NAME] [--on EID] [--quote TEXT] [--reply-to ID] -m TEXT | -F FILE [--regulation FILE] "
                "[--author \"NAME <E-MAIL>\"]",
  .summary = N_("Comment on the draft or on an amendment"),
  .description = N_("Adds a comment to the amendment NAME, or to the draft when NAME is main; without NAME to what "
                    "the working copy is on. --on names the node (an eId), --quote the words commented on, which must "
                    "stand in that node (or once in the regulation) as last saved; with neither the comment is about "
                    "the whole regulation. The comment is committed at once on the branch it belongs to, also when the "
                    "working copy is on another one; unsaved text is never touched."),
};

/* Reads the text of -F: at most what a comment may hold and one byte
 * more, so that a file of 100 MB is refused without being read. */
static char *
read_text_file (const char *path,
                int        *status)
{
  g_autoptr(GError) error = NULL;
  gsize limit = AMEND_COMMENT_MAX_SIZE / 2;
  g_autofree char *buf = g_malloc (limit + 2);
  gboolean stdin_ = strcmp (path, "-") == 0;
  int fd = stdin_ ? 0 : g_open (path, O_RDONLY, 0);
  gsize n = 0;
  gssize got = 1;

  while (fd >= 0 && n <= limit && got != 0)
    {
      got = read (fd, buf + n, limit + 1 - n);
      if (got < 0 && errno != EINTR)
        break;
      n += MAX (got, 0);
    }
  if (fd < 0 || got < 0)
    {
      int saved = errno;

      amend_cli_error (_("cannot read %s: %s"), path, g_strerror (saved));
      *status = AMEND_EXIT_FAILURE;
      if (fd > 0 && !stdin_)
        close (fd);
      return NULL;
    }
  if (!stdin_)
    close (fd);
  if (!amend_comment_check_text (buf, n, &error))
    {
      *status = amend_cli_comment_report (error);
      return NULL;
    }
  buf[n] = '\0';
  return g_steal_pointer (&buf);
}

static char *
text_of_options (int *status)
{
  g_autoptr(GError) error = NULL;

  if ((opt_message == NULL) == (opt_text_file == NULL))
    {
      *status = amend_cli_usage_error (&comment_add, _("give the text with -m TEXT or -F FILE (one of them)"));
      return NULL;
    }
  if (opt_text_file)
    return read_text_file (opt_text_file, status);
  if (!amend_comment_check_text (opt_message, -1, &error))
    {
      *status = amend_cli_comment_report (error);
      return NULL;
    }
  return g_strdup (opt_message);
}

static char *
dup_branch_name (AmendRepository *repo,
                 const char      *amendment)
{
  if (amendment)
    return g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amendment, NULL);
  return amend_repository_dup_main_branch (repo, NULL);
}

static int
run_add (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&comment_add, add_entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendComment) comment = NULL;
  g_autoptr(AmendComment) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amendment = NULL;
  g_autofree char *text = NULL;
  g_autofree char *branch = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&comment_add, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (&comment_add, _("give at most one amendment"));
  if (opt_reply_to && (opt_on || opt_quote || opt_regulation))
    return amend_cli_usage_error (&comment_add, _("a reply is about its thread: give --reply-to without --on, --quote "
                                                  "or --regulation"));
  if ((text = text_of_options (&status)) == NULL || (repo = amend_cli_open_repository (&status)) == NULL)
    return status;
  if (!amend_comments_owner (repo, argc == 2 ? argv[1] : NULL, &amendment, &error))
    return amend_cli_comment_report (error);

  comment = amend_comment_new (text);
  if (opt_reply_to)
    amend_comment_set_reply_to (comment, opt_reply_to);
  else
    amend_comment_set_target (comment, opt_regulation, opt_on, opt_quote);
  added = amend_comments_add (repo, amendment, comment, opt_author, &error);
  if (added == NULL)
    return amend_cli_comment_report (error);
  branch = dup_branch_name (repo, amendment);
  g_print (_("Comment %s added to %s\n"), amend_comment_get_id (added), branch);
  return AMEND_EXIT_OK;
}

/* resolve and reopen ------------------------------------------------------ */

static const GOptionEntry resolve_entries[] = {
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author,
    N_("Sign as AUTHOR instead of the name and e-mail in the git configuration"), N_("\"NAME <E-MAIL>\"") },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static const AmendCommand comment_resolve = {
  .name = "comment resolve",
  .parameters = "ID [--author \"NAME <E-MAIL>\"]",
  .summary = N_("Mark a thread of comments resolved"),
  .description = N_("Marks the thread that starts with the comment ID (as amend comment list shows it, or the start of "
                    "it) resolved, with a commit on the branch it belongs to. amend comment list shows resolved "
                    "threads only with --all."),
};

static const AmendCommand comment_reopen = {
  .name = "comment reopen",
  .parameters = "ID [--author \"NAME <E-MAIL>\"]",
  .summary = N_("Reopen a resolved thread of comments"),
  .description = N_("Reopens the resolved thread that starts with the comment ID, with a commit on the branch it "
                    "belongs to."),
};

static int
run_resolution (const AmendCommand *command,
                int                 argc,
                char              **argv,
                gboolean            resolve)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (command, resolve_entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *branch = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (command, context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return amend_cli_usage_error (command, _("give the id of one comment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;
  comment = resolve ? amend_comments_resolve (repo, argv[1], opt_author, &error)
                    : amend_comments_reopen (repo, argv[1], opt_author, &error);
  if (comment == NULL)
    return amend_cli_comment_report (error);
  branch = dup_branch_name (repo, amend_comment_get_amendment (comment));
  if (resolve)
    g_print (_("Comment %s resolved on %s\n"), amend_comment_get_id (comment), branch);
  else
    g_print (_("Comment %s reopened on %s\n"), amend_comment_get_id (comment), branch);
  return AMEND_EXIT_OK;
}

/* the command ---------------------------------------------------------------- */

static void
print_help (void)
{
  g_print (_("Usage: amend comment add|list|resolve|reopen [OPTION\xe2\x80\xa6]\n"));
  g_print ("\n");
  g_print ("%s\n", _(amend_command_comment.description));
  g_print ("\n");
  g_print ("  amend comment add %s\n", comment_add.parameters);
  g_print ("  amend comment list %s\n", amend_command_comment_list.parameters);
  g_print ("  amend comment resolve %s\n", comment_resolve.parameters);
  g_print ("  amend comment reopen %s\n", comment_reopen.parameters);
  g_print ("\n");
  g_print (_("Run \xe2\x80\x9c" "amend comment add --help\xe2\x80\x9d (list, resolve, reopen) for the options of each.\n"));
}

static int
run (int    argc,
     char **argv)
{
  const char *what = argc > 1 ? argv[1] : NULL;

  if (what && (strcmp (what, "--help") == 0 || strcmp (what, "-h") == 0 || strcmp (what, "help") == 0))
    {
      print_help ();
      return AMEND_EXIT_OK;
    }
  if (g_strcmp0 (what, "add") == 0)
    return run_add (argc - 1, argv + 1);
  if (g_strcmp0 (what, "list") == 0)
    return amend_command_comment_list.run (argc - 1, argv + 1);
  if (g_strcmp0 (what, "resolve") == 0)
    return run_resolution (&comment_resolve, argc - 1, argv + 1, TRUE);
  if (g_strcmp0 (what, "reopen") == 0)
    return run_resolution (&comment_reopen, argc - 1, argv + 1, FALSE);
  if (what == NULL)
    amend_cli_error (_("amend comment needs what to do: add, list, resolve or reopen"));
  else
    amend_cli_error (_("amend comment has no " "\xe2\x80\x9c" "%s" "\xe2\x80\x9d" "; it can add, list, resolve or reopen"),
                     what);
  return AMEND_EXIT_USAGE;
}

const AmendCommand amend_command_comment = {
  .name = "comment",
  .parameters = "add|list|resolve|reopen \xe2\x80\xa6",
  .summary = N_("Comment on the draft or an amendment; list, resolve and reopen comments"),
  .description = N_("Comments live in the repository, one file each, on the branch they are about: the draft's on "
                    "main in .amend/opmerkingen/, an amendment's on its branch in .amend/amendementen/SLUG/opmerkingen/. "
                    "Each is anchored to a node (its eId) and the words quoted, and is found again in later versions."),
  .run = run,
};
