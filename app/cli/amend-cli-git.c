/* amend-cli-git.c: what the commands that work in a project share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "amend-cli-git.h"
#include "amend-file.h"
#include "amend-proposal.h"
#include "amend-version.h"

/* The project the current folder (or -C DIR) is in, found upward as git
 * finds it; NULL with the error printed and @status set. */
AmendRepository *
amend_cli_open_repository (int *status)
{
  g_autoptr(GError) error = NULL;
  AmendRepository *repo;

  if (!amend_cli_enter_repo_dir (status))
    return NULL;
  repo = amend_repository_open (NULL, &error);
  if (repo == NULL)
    *status = amend_cli_report (error, NULL);
  else
    {
      g_autofree char *note = amend_repository_take_recovery_note (repo);

      /* A killed Amend's work was finished or cleaned up: said once. */
      if (note)
        amend_cli_error (_("note: %s"), note);
    }
  return repo;
}

static gboolean
is_refusal (const GError *error)
{
  if (error->domain != AMEND_REPOSITORY_ERROR)
    return FALSE;
  switch (error->code)
    {
    case AMEND_REPOSITORY_ERROR_EXISTS:
    case AMEND_REPOSITORY_ERROR_LOCKED:
    case AMEND_REPOSITORY_ERROR_BUSY:
    case AMEND_REPOSITORY_ERROR_BARE:
    case AMEND_REPOSITORY_ERROR_DETACHED:
    case AMEND_REPOSITORY_ERROR_UNBORN:
    case AMEND_REPOSITORY_ERROR_DIRTY:
    case AMEND_REPOSITORY_ERROR_CONFLICT:
    case AMEND_REPOSITORY_ERROR_NO_AUTHOR:
    case AMEND_REPOSITORY_ERROR_TRANSITION:
    case AMEND_REPOSITORY_ERROR_INTERRUPTED:
    case AMEND_REPOSITORY_ERROR_NO_REGULATION:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
load_failed (GError *error)
{
  amend_cli_error ("%s", error->message);
  return FALSE;
}

/* What could not be read of a version (bytes that are not UTF-8, NULs)
 * is said, as check says it, before the versions are compared. */
static gboolean
loaded (AmendDocument *old_doc,
        const char    *old_label,
        AmendDocument *new_doc,
        const char    *new_label)
{
  amend_cli_print_diagnostics (old_doc, old_label, TRUE);
  amend_cli_print_diagnostics (new_doc, new_label, TRUE);
  return TRUE;
}

/* The diff of @old_doc and @new_doc, taking them. */
static gboolean
compared (AmendDocument **old_doc,
          AmendDocument **new_doc,
          AmendDiff     **diff)
{
  g_autoptr(AmendDocument) a = g_steal_pointer (old_doc);
  g_autoptr(AmendDocument) b = g_steal_pointer (new_doc);

  *diff = amend_diff_new (a, b);
  return TRUE;
}

/* The diff of two versions in the project, reading of each only the
 * articles that differ (amend_diff_new_for_texts()): an amendment changes
 * a few articles of a regulation of thousands.  A text with bytes the
 * reader replaces is read whole there, and says where (loaded()). */
static gboolean
compared_texts (AmendRepository *repo,
                const char      *old_spec,
                const char      *new_spec,
                const char      *regulation,
                AmendDiff      **diff,
                GError         **error)
{
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  g_autoptr(GBytes) old_text = amend_version_read (repo, old_spec, regulation, &old_label, error);
  g_autoptr(GBytes) new_text = old_text ? amend_version_read (repo, new_spec, regulation, &new_label, error) : NULL;
  gsize old_len = 0, new_len = 0;
  const char *old_data, *new_data;

  if (new_text == NULL)
    return FALSE;
  old_data = g_bytes_get_data (old_text, &old_len);
  new_data = g_bytes_get_data (new_text, &new_len);
  *diff = amend_diff_new_for_texts (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len, error);
  if (*diff == NULL)
    return FALSE;
  return loaded (amend_diff_get_old (*diff), old_label, amend_diff_get_new (*diff), new_label);
}

/* What the amendment @branch (@name as given) changed since it branched off: a
 * subamendment against the amendment it amends, which its instructions
 * then name (amend_proposal_name_amended()). */
static gboolean
load_amendment (AmendRepository   *repo,
                const char        *branch,
                const char        *name,
                const char        *regulation,
                AmendCliLoadFlags  flags,
                AmendDiff        **diff,
                char             **title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(AmendAmendment) amendment = amend_amendment_lookup (repo, branch, NULL);
  g_autoptr(AmendDocument) old_doc = NULL;
  g_autoptr(AmendDocument) new_doc = NULL;
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  const char *amends = amendment ? amend_amendment_get_amends (amendment) : NULL;
  /* A subamendment is read against the amendment it amends. */
  g_autofree char *main_branch = amends ? g_strconcat (AMEND_AMENDMENT_BRANCH_PREFIX, amends, NULL)
                                        : amend_repository_dup_main_branch (repo, &error);
  const char *short_branch = branch + strlen ("refs/heads/");
  /* Also once adopted: against where it branched off, not main now. */
  g_autofree char *base = amendment ? amend_proposal_find_base (repo, amendment, &error)
                        : main_branch ? amend_repository_merge_base (repo, main_branch, branch, &error) : NULL;
  g_autofree char *base_spec = NULL;

  if (base == NULL)
    return load_failed (error);
  /* Of several regulations, the one it changes; named in a message as the
   * user would type them. */
  if (regulation == NULL)
    {
      g_autofree char *short_base = g_strndup (base, 7);

      if ((regulation = changed = amend_repository_changed_regulation (repo, short_base, name, &error)) == NULL)
        return load_failed (error);
    }
  base_spec = g_strdup_printf ("%s:%s", base, regulation);
  if ((flags & AMEND_CLI_LOAD_TEXTS) != 0 && !compared_texts (repo, base_spec, branch, regulation, diff, &error))
    return load_failed (error);
  if (*diff == NULL &&
      (!(old_doc = amend_version_load (repo, base_spec, regulation, &old_label, &error)) ||
       !(new_doc = amend_version_load (repo, branch, regulation, &new_label, &error))))
    return load_failed (error);
  *title = g_strdup_printf (_("%s since it branched off from %s"), short_branch, main_branch);
  if (*diff == NULL)
    {
      loaded (old_doc, old_label, new_doc, new_label);
      compared (&old_doc, &new_doc, diff);
    }
  if (amendment)
    amend_proposal_name_amended (repo, amendment, *diff);
  return TRUE;
}

/* `amend diff AMENDMENT SUBAMENDMENT`: the two branches, the second a
 * subamendment of the first, are what `amend diff SUBAMENDMENT` compares
 * when it is up to date; its instructions name the amendment too. */
static void
name_amended (AmendRepository *repo,
              char           **args,
              AmendDiff       *diff)
{
  const char *prefix = "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX;
  g_autofree char *old_branch = amend_repository_resolve_branch (repo, args[0], NULL);
  g_autofree char *new_branch = amend_repository_resolve_branch (repo, args[1], NULL);
  g_autoptr(AmendAmendment) sub = NULL;

  if (old_branch == NULL || new_branch == NULL || !g_str_has_prefix (old_branch, prefix) ||
      !g_str_has_prefix (new_branch, prefix))
    return;
  sub = amend_amendment_lookup_record (repo, new_branch, NULL);
  if (sub != NULL && g_strcmp0 (amend_amendment_get_amends (sub), old_branch + strlen (prefix)) == 0)
    amend_proposal_name_amended (repo, sub, diff);
}

/* The text of a version for compared_versions(): @spec in the project,
 * or with @spec NULL the working copy of @regulation. */
static GBytes *
version_text (AmendRepository  *repo,
              const char       *spec,
              const char       *regulation,
              char            **label)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (spec != NULL)
    return amend_version_read (repo, spec, regulation, label, NULL);
  if (regulation == NULL)
    return NULL;
  path = g_build_filename (amend_repository_get_path (repo), regulation, NULL);
  file = g_file_new_for_path (path);
  /* Bounded as the whole reading is: the working copy may be a link to
   * /dev/zero, or far too large. */
  if ((data = amend_read_file (file, AMEND_MAX_DOCUMENT_SIZE, &len, NULL, NULL)) == NULL)
    return NULL;
  *label = g_strdup_printf (_("%s (working copy)"), regulation);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* Two versions, or a version and the working copy, compared reading only
 * the articles that differ, as compared_texts() does for an amendment.
 * FALSE where the versions are better read whole (a file named like a
 * revision) or cannot be read: the caller reads them whole, which says
 * what is wrong. */
static gboolean
compared_versions (AmendRepository  *repo,
                   int               n_args,
                   char            **args,
                   const char       *regulation,
                   AmendDiff       **diff,
                   char            **title)
{
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  g_autoptr(GBytes) old_text = NULL;
  g_autoptr(GBytes) new_text = NULL;
  gsize old_len = 0, new_len = 0;
  const char *old_data, *new_data;

  for (int i = 0; i < n_args; i++)
    if (g_file_test (args[i], G_FILE_TEST_EXISTS))
      return FALSE;
  if ((old_text = version_text (repo, n_args ? args[0] : "HEAD", regulation, &old_label)) == NULL ||
      (new_text = version_text (repo, n_args == 2 ? args[1] : NULL, regulation, &new_label)) == NULL)
    return FALSE;
  old_data = g_bytes_get_data (old_text, &old_len);
  new_data = g_bytes_get_data (new_text, &new_len);
  *diff = amend_diff_new_for_texts (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len, NULL);
  if (*diff == NULL)
    return FALSE;
  *title = g_strdup_printf ("%s \xe2\x86\x92 %s", old_label, new_label);
  return loaded (amend_diff_get_old (*diff), old_label, amend_diff_get_new (*diff), new_label);
}

/* The last save of @regulation, which `amend diff` without versions
 * compares: never a file that happens to be named HEAD. */
static AmendDocument *
load_last_save (AmendRepository  *repo,
                const char       *regulation,
                char            **label,
                GError          **error)
{
  g_autoptr(GBytes) bytes = amend_version_read (repo, "HEAD", regulation, label, error);
  gsize len = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return amend_document_new_from_data (data ? data : "", len, error);
}

/* The two versions `amend diff` and `amend export` compare, compared.
 * Two files need no project.  Otherwise the arguments are versions in the
 * project: none, the working copy against the last save; one amendment,
 * what it changed since it branched off; one other version, that against
 * the working copy; two, the one against the other.  @title names the
 * pair for a person; on failure the error is printed and @status set. */
gboolean
amend_cli_load_diff (int                n_args,
                     char             **args,
                     AmendCliLoadFlags  flags,
                     AmendDiff        **diff,
                     char      **title,
                     int        *status)
{
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmendDocument) old_doc = NULL;
  g_autoptr(AmendDocument) new_doc = NULL;
  g_autofree char *regulation = NULL;
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  g_autofree char *branch = NULL;
  g_autoptr(GError) several = NULL;

  *status = AMEND_EXIT_FAILURE;
  if (n_args == 2 && g_file_test (args[0], G_FILE_TEST_IS_REGULAR) && g_file_test (args[1], G_FILE_TEST_IS_REGULAR))
    {
      if (!(old_doc = amend_version_load (NULL, args[0], NULL, &old_label, &error)) ||
          !(new_doc = amend_version_load (NULL, args[1], NULL, &new_label, &error)))
        return load_failed (error);
      *title = g_strdup_printf ("%s \xe2\x86\x92 %s", old_label, new_label);
      loaded (old_doc, old_label, new_doc, new_label);
      return compared (&old_doc, &new_doc, diff);
    }

  repo = amend_cli_open_repository (status);
  if (repo == NULL)
    return FALSE;
  *status = AMEND_EXIT_FAILURE;
  /* Several regulations: the one the two versions differ in (below). */
  regulation = amend_repository_find_regulation (repo, &several);
  if (regulation == NULL && n_args == 0)
    return load_failed (several);

  if (n_args == 1 && !g_file_test (args[0], G_FILE_TEST_EXISTS) &&
      (branch = amend_repository_resolve_branch (repo, args[0], NULL)) != NULL &&
      g_str_has_prefix (branch, "refs/heads/amendement/"))
    return load_amendment (repo, branch, args[0], regulation, flags, diff, title);

  /* Against the working copy, which has them all. */
  if (regulation == NULL && n_args == 1)
    return load_failed (several);
  if (regulation == NULL && !strchr (args[0], ':') && !strchr (args[1], ':') &&
      (regulation = amend_repository_changed_regulation (repo, args[0], args[1], &error)) == NULL)
    return load_failed (error);
  if ((flags & AMEND_CLI_LOAD_TEXTS) != 0 && compared_versions (repo, n_args, args, regulation, diff, title))
    {
      if (n_args == 2)
        name_amended (repo, args, *diff);
      return TRUE;
    }
  if (n_args == 0)
    old_doc = load_last_save (repo, regulation, &old_label, &error);
  else
    old_doc = amend_version_load (repo, args[0], regulation, &old_label, &error);
  if (old_doc == NULL)
    return load_failed (error);

  if (n_args == 2)
    new_doc = amend_version_load (repo, args[1], regulation, &new_label, &error);
  else
    {
      new_doc = amend_version_load_working_copy (repo, regulation, &error);
      new_label = g_strdup_printf (_("%s (working copy)"), regulation);
    }
  if (new_doc == NULL)
    return load_failed (error);
  *title = g_strdup_printf ("%s \xe2\x86\x92 %s", old_label, new_label);
  loaded (old_doc, old_label, new_doc, new_label);
  compared (&old_doc, &new_doc, diff);
  if (n_args == 2)
    name_amended (repo, args, *diff);
  return TRUE;
}

/* Prints @error as one sentence, with @hint (what the command offers to
 * get past it) after a semicolon; returns the exit status. */
int
amend_cli_report (const GError *error,
                  const char   *hint)
{
  /* A failure that forgot to say why is a bug, but not a crash: the
   * user learns that nothing may have been written. */
  if (error == NULL)
    {
      g_critical ("a command failed without an error");
      amend_cli_error (_("the command failed without saying why; see with amend status and git status what it "
                         "left, and run it again"));
      return AMEND_EXIT_FAILURE;
    }
  if (hint != NULL)
    amend_cli_error ("%s; %s", error->message, hint);
  else
    amend_cli_error ("%s", error->message);
  if (g_error_matches (error, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BAD_ARGUMENT))
    return AMEND_EXIT_USAGE;
  return is_refusal (error) ? AMEND_EXIT_REFUSED : AMEND_EXIT_FAILURE;
}

/* The amendments a list left out (of AmendUnreadable), each with its
 * sentence on standard error: the others are listed, and the user
 * learns which one to correct. */
void
amend_cli_warn_unreadable (GPtrArray *unreadable)
{
  for (guint i = 0; unreadable && i < unreadable->len; i++)
    {
      AmendUnreadable *u = g_ptr_array_index (unreadable, i);

      amend_cli_error (_("%s is left out: %s"), u->branch, u->message);
    }
}

/* "unreadable": [{ "slug", "branch", "error" }], for an object. */
void
amend_cli_add_unreadable_json (JsonBuilder *b,
                               GPtrArray   *unreadable)
{
  json_builder_set_member_name (b, "unreadable");
  json_builder_begin_array (b);
  for (guint i = 0; unreadable && i < unreadable->len; i++)
    {
      AmendUnreadable *u = g_ptr_array_index (unreadable, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "slug");
      json_builder_add_string_value (b, u->slug);
      json_builder_set_member_name (b, "branch");
      json_builder_add_string_value (b, u->branch);
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, u->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* ISO 8601 with the offset, to the second: 2011-02-23T00:00:00+01:00. */
char *
amend_cli_format_date (GDateTime *date)
{
  GTimeSpan offset;
  gint64 local, days, seconds, era, doe, yoe, doy, mp, year, month, day;
  int minutes;

  if (date == NULL)
    return NULL;
  /* As g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z"), without parsing
   * the format (and the calendar, three times) for every date of a long
   * list: the day from the days since 1970 (H. Hinnant's civil_from_days). */
  offset = g_date_time_get_utc_offset (date);
  local = g_date_time_to_unix (date) + offset / G_TIME_SPAN_SECOND;
  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  seconds = local - days * 86400;
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);
  minutes = (int) ((offset < 0 ? -offset : offset) / G_TIME_SPAN_MINUTE);
  if (year < 1000 || year > 9999)
    return g_strdup_printf ("%" G_GINT64_FORMAT "-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, (int) month, (int) day,
                            (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60),
                            offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
  {
    /* YYYY-MM-DDTHH:MM:SS+HH:MM, digit by digit: printf took most of it. */
    char out[26];
    int parts[] = { (int) month, (int) day, (int) (seconds / 3600), (int) (seconds / 60 % 60),
                    (int) (seconds % 60), minutes / 60, minutes % 60 };
    const char seps[] = { '-', 'T', ':', ':', 0, ':' };
    int at = 4;

    for (int k = 3; k >= 0; k--, year /= 10)
      out[k] = '0' + year % 10;
    for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
      {
        out[at++] = k == 0 ? '-' : k == 5 ? (offset < 0 ? '-' : '+') : seps[k - 1];
        out[at++] = '0' + parts[k] / 10 % 10;
        out[at++] = '0' + parts[k] % 10;
      }
    return g_strndup (out, at);
  }
}

void
amend_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Columns are counted in characters, not bytes: names have accents; and
 * as printed, with their control characters shown (amend-cli.c). */
int
amend_cli_text_width (const char *text)
{
  return amend_cli_shown_width (text);
}

void
amend_cli_print_padded (const char *text,
                        int         width)
{
  int pad = width - amend_cli_text_width (text);

  g_print ("%s%*s", text ? text : "", MAX (pad, 0), "");
}

/* submit and withdraw: one status change of the amendment NAME, or of the
 * one the working copy is on. */
int
amend_cli_change_status (const AmendCommand *command,
                         int                 argc,
                         char              **argv,
                         AmendStatus         to)
{
  static const GOptionEntry entries[] = {
    AMEND_CLI_REPO_OPTION,
    { NULL }
  };
  g_autoptr(GOptionContext) context = amend_cli_option_context (command, entries);
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(AmendAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  int status = AMEND_EXIT_OK;

  if (!amend_cli_parse (command, context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return amend_cli_usage_error (command, _("give at most one amendment"));
  repo = amend_cli_open_repository (&status);
  if (repo == NULL)
    return status;

  amendment = amend_amendment_change_status (repo, argc == 2 ? argv[1] : NULL, to, &error);
  if (amendment == NULL)
    return amend_cli_report (error, NULL);
  g_print (_("The amendment \xe2\x80\x9c%s\xe2\x80\x9d (%s) is now %s\n"),
           amend_amendment_get_title (amendment), amend_amendment_get_slug (amendment),
           amend_status_to_string (amend_amendment_get_status (amendment)));
  return AMEND_EXIT_OK;
}
