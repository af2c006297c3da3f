/* amend-command-list.c: amend list [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amend-cli-git.h"
#include "amend-decision.h"
#include "amend-journal.h"
#include "amend-json-writer.h"

static gboolean opt_json;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the amendments as a JSON array"), NULL },
  AMEND_CLI_REPO_OPTION,
  { NULL }
};

static void
add_strings (AmendJsonWriter    *w,
             const char         *name,
             const char * const *strings)
{
  amend_json_writer_member (w, name);
  amend_json_writer_begin_array (w);
  for (guint i = 0; strings && strings[i]; i++)
    amend_json_writer_string (w, strings[i]);
  amend_json_writer_end_array (w);
}

static void
add_date (AmendJsonWriter *w,
          const char      *name,
          GDateTime       *date)
{
  g_autofree char *text = amend_cli_format_date (date);

  amend_json_writer_member_string (w, name, text);
}

static void
add_vote (AmendJsonWriter *w,
          AmendAmendment  *a)
{
  g_autoptr(AmendVote) vote = amend_amendment_dup_vote (a);

  amend_json_writer_member (w, "vote");
  if (vote == NULL)
    {
      amend_json_writer_null (w);
      return;
    }
  amend_json_writer_begin_object (w);
  amend_json_writer_member_string (w, "date", vote->date);
  amend_json_writer_member_string (w, "meeting", vote->meeting);
  amend_json_writer_member (w, "for");
  if (vote->votes_for >= 0)
    amend_json_writer_int (w, vote->votes_for);
  else
    amend_json_writer_null (w);
  amend_json_writer_member (w, "against");
  if (vote->votes_against >= 0)
    amend_json_writer_int (w, vote->votes_against);
  else
    amend_json_writer_null (w);
  amend_json_writer_member_string (w, "result", amend_status_to_string (vote->result));
  amend_json_writer_end_object (w);
}

/* The state names the conflicting nodes, or the files that make adopting
 * it refused. */
static void
add_merge (AmendJsonWriter *w,
           AmendAmendment  *a)
{
  AmendApplyState state = amend_amendment_get_apply_state (a);
  const char * const *names = amend_amendment_get_apply_conflicts (a);
  const char * const none[] = { NULL };

  amend_json_writer_member_string (w, "merge", amend_apply_state_to_string (state));
  add_strings (w, "conflicts", state == AMEND_APPLY_REFUSED ? none : names);
  add_strings (w, "foreign_files", state == AMEND_APPLY_REFUSED ? names : none);
}

/* Written as it goes (amend-json-writer.c, the bytes json-glib wrote):
 * building a json-glib tree of five thousand amendments took longer than
 * reading them. */
static void
print_json (GPtrArray *amendments,
            GPtrArray *unreadable)
{
  /* Written to stdout as it is made: the list of thousands is megabytes. */
  AmendJsonWriter *w = amend_json_writer_new (stdout);

  amend_json_writer_begin_array (w);
  for (guint i = 0; i < amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (amendments, i);
      GPtrArray *files = amend_amendment_get_files (a);

      amend_json_writer_begin_object (w);
      amend_json_writer_member_string (w, "slug", amend_amendment_get_slug (a));
      amend_json_writer_member_string (w, "branch", amend_amendment_get_branch (a));
      amend_json_writer_member_string (w, "title", amend_amendment_get_title (a));
      amend_json_writer_member_string (w, "status", amend_status_to_string (amend_amendment_get_status (a)));
      add_strings (w, "submitters", amend_amendment_get_submitters (a));
      amend_json_writer_member_string (w, "motivation", amend_amendment_has_record (a) ? amend_amendment_get_motivation (a) : "");
      amend_json_writer_member_int (w, "ahead", amend_amendment_get_ahead (a));
      amend_json_writer_member_int (w, "behind", amend_amendment_get_behind (a));
      add_strings (w, "articles", amend_amendment_get_articles (a));
      amend_json_writer_member (w, "files");
      amend_json_writer_begin_array (w);
      for (guint k = 0; k < files->len; k++)
        {
          AmendTouchedFile *f = g_ptr_array_index (files, k);

          amend_json_writer_begin_object (w);
          amend_json_writer_member_string (w, "path", f->path);
          add_strings (w, "articles", (const char * const *) f->articles);
          amend_json_writer_end_object (w);
        }
      amend_json_writer_end_array (w);
      add_date (w, "last_change", amend_amendment_get_last_change (a));
      add_date (w, "created", amend_amendment_get_created (a));
      add_date (w, "updated", amend_amendment_get_updated (a));
      amend_json_writer_member_string (w, "commit", amend_amendment_get_commit (a));
      amend_json_writer_member_boolean (w, "record", amend_amendment_has_record (a));
      amend_json_writer_member_string (w, "amends", amend_amendment_get_amends (a));
      add_merge (w, a);
      add_vote (w, a);
      amend_json_writer_end_object (w);
    }
  /* After the others: a branch that cannot be read, with the sentence. */
  for (guint i = 0; i < unreadable->len; i++)
    {
      AmendUnreadable *u = g_ptr_array_index (unreadable, i);

      amend_json_writer_begin_object (w);
      amend_json_writer_member_string (w, "slug", u->slug);
      amend_json_writer_member_string (w, "branch", u->branch);
      amend_json_writer_member_string (w, "error", u->message);
      amend_json_writer_end_object (w);
    }
  amend_json_writer_end_array (w);
  amend_json_writer_finish (w, NULL);
  fputs ("\n", stdout);
  fflush (stdout);
}

/* "Jan Jansen <jan@example.nl>" -> "Jan Jansen": the table has no room
 * for addresses; --json has them. */
static char *
submitter_names (AmendAmendment *a)
{
  const char * const *people = amend_amendment_get_submitters (a);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; people[i]; i++)
    {
      const char *open = strchr (people[i], '<');
      gsize len = open ? (gsize) (open - people[i]) : strlen (people[i]);

      while (len > 0 && people[i][len - 1] == ' ')
        len--;
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append_len (s, people[i], len);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

enum { COL_NAME, COL_STATUS, COL_AHEAD, COL_MERGE, COL_CHANGED, COL_ARTICLES, COL_TITLE, COL_BY, N_COLS };

/* The first file; amend adopt names them all. */
static char *
refused_cell (const char * const *files)
{
  guint more = g_strv_length ((char **) files) - 1;

  if (more == 0)
    return g_strdup_printf (_("refused: changes %s"), files[0]);
  return g_strdup_printf (ngettext ("refused: changes %s and %u more file", "refused: changes %s and %u more files",
                                    more), files[0], more);
}

/* Whether an open amendment still merges into what it amends. */
static char *
merge_cell (AmendAmendment *a)
{
  const char * const *ids = amend_amendment_get_apply_conflicts (a);
  const char *amends = amend_amendment_get_amends (a);

  switch (amend_amendment_get_apply_state (a))
    {
    case AMEND_APPLY_CLEAN:
      return g_strdup (_("applies"));
    case AMEND_APPLY_CONFLICTS:
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) ids);
        return g_strdup_printf (_("conflicts: %s"), joined);
      }
    case AMEND_APPLY_CONTAINED:
      return amends ? g_strdup_printf (_("in %s"), amends) : g_strdup (_("in main"));
    case AMEND_APPLY_REFUSED:
      return refused_cell (ids);
    case AMEND_APPLY_UNKNOWN:
    default:
      return g_strdup ("-");
    }
}

static void
print_text (GPtrArray *amendments)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int width[N_COLS] = { 0 };
  char **header;

  if (amendments->len == 0)
    {
      g_print (_("There are no amendments; propose one with \xe2\x80\x9c" "amend propose TITLE\xe2\x80\x9d\n"));
      return;
    }
  header = g_new0 (char *, N_COLS + 1);
  header[COL_NAME] = g_strdup (_("NAME"));
  header[COL_STATUS] = g_strdup (_("STATUS"));
  header[COL_AHEAD] = g_strdup (_("+/- MAIN"));
  header[COL_MERGE] = g_strdup (_("MERGE"));
  header[COL_CHANGED] = g_strdup (_("CHANGED"));
  header[COL_ARTICLES] = g_strdup (_("ARTICLES"));
  header[COL_TITLE] = g_strdup (_("TITLE"));
  header[COL_BY] = g_strdup (_("BY"));
  g_ptr_array_add (rows, header);

  for (guint i = 0; i < amendments->len; i++)
    {
      AmendAmendment *a = g_ptr_array_index (amendments, i);
      char **row = g_new0 (char *, N_COLS + 1);
      const char * const *articles = amend_amendment_get_articles (a);

      row[COL_NAME] = g_strdup (amend_amendment_get_slug (a));
      row[COL_STATUS] = g_strdup (amend_status_to_string (amend_amendment_get_status (a)));
      row[COL_AHEAD] = g_strdup_printf ("+%u -%u", amend_amendment_get_ahead (a), amend_amendment_get_behind (a));
      row[COL_MERGE] = merge_cell (a);
      row[COL_CHANGED] = g_date_time_format (amend_amendment_get_last_change (a), "%Y-%m-%d %H:%M");
      row[COL_ARTICLES] = articles[0] ? g_strjoinv (", ", (char **) articles) : g_strdup ("-");
      row[COL_TITLE] = g_strdup (amend_amendment_get_title (a));
      row[COL_BY] = submitter_names (a);
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_COLS; c++)
      width[c] = MAX (width[c], amend_cli_text_width (((char **) g_ptr_array_index (rows, r))[c]));
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_COLS; c++)
        {
          if (c + 1 == N_COLS)
            g_print ("%s\n", row[c]);
          else
            {
              amend_cli_print_padded (row[c], width[c]);
              g_print ("  ");
            }
        }
    }
}

/* The list when no branch moved since the last one: from the branches as
 * git's files have them and .git/amend alone, without starting libgit2,
 * whose start costs more than such a list (amend-refs-files.c); NULL
 * when that is not certain.  Without list.cache (a first list) no branch
 * is read here: libgit2 reads them all anyway.  AMEND_LIST_CACHED=0 always reads the
 * repository (the tests compare both). */
static GPtrArray *
list_cached (void)
{
  g_autoptr(AmendRefsFiles) refs = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  if (g_strcmp0 (g_getenv ("AMEND_LIST_CACHED"), "0") == 0 || (refs = amend_refs_files_read (cwd, "amend/list.cache")) == NULL ||
      !amend_journal_is_clear (refs->git_dir) || (amendments = amend_amendment_list_cached (refs)) == NULL ||
      !amend_decision_check_open_cached (refs, amendments))
    return NULL;
  g_debug ("the list from %s/amend, without opening the repository", refs->git_dir);
  return g_steal_pointer (&amendments);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = amend_cli_option_context (&amend_command_list, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GPtrArray) unreadable = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_unreadable_free);
  g_autoptr(GError) error = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (&amend_command_list, context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return amend_cli_usage_error (&amend_command_list, _("list takes no arguments"));
  if (!amend_cli_enter_repo_dir (&status))
    return status;
  amendments = list_cached ();
  if (amendments == NULL)
    {
      repo = amend_cli_open_repository (&status);
      if (repo == NULL)
        return status;
      amendments = amend_amendment_list_full (repo, unreadable, &error);
      if (amendments == NULL || !amend_decision_check_open (repo, amendments, &error))
        return amend_cli_report (error, NULL);
    }
  amend_cli_warn_unreadable (unreadable);
  if (opt_json)
    print_json (amendments, unreadable);
  else
    print_text (amendments);
  /* The repository (with libgit2's caches) and the list go with the process. */
  amend_cli_keep_until_exit (g_steal_pointer (&repo));
  amend_cli_keep_until_exit (g_steal_pointer (&amendments));
  return AMEND_EXIT_OK;
}

const AmendCommand amend_command_list = {
  .name = "list",
  .parameters = "[--json]",
  .summary = N_("List the amendments"),
  .description = N_("Lists every branch amendement/NAME with the title, status and submitters of its record (as the "
                    "branch has it), its commits ahead of and behind main, its last change and the articles it "
                    "changes since it left main, and for an open amendment (concept, ingediend) whether it still merges "
                    "cleanly into main (a subamendment: into its amendment), gives conflicts (in which nodes), or is "
                    "in it already (also when it was merged with git). With --json an array of objects with slug, "
                    "branch, title, status, submitters, motivation, ahead, behind, articles, files, last_change, "
                    "created, updated, commit, record, amends, merge, conflicts and vote."),
  .run = run,
};
