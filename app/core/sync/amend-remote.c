/* amend-remote.c: remotes: list, add, remove; clone, pull, push
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pull downloads first (objects only), then decides what to do with
 * main and the amendments (amend-sync-intake.c) while nothing has moved,
 * then updates the remote-tracking branches and the local ones.  A push
 * asks the remote for its branches first and refuses, before sending
 * anything, to push over versions this project does not have.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-amendment.h"
#include "amend-journal.h"
#include "amend-transfer.h"

#define AMENDMENT_REFS "refs/heads/" AMEND_AMENDMENT_BRANCH_PREFIX

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (git_strarray, git_strarray_dispose)

/* ----------------------------------------------------------------------- */
/* The list of remotes                                                      */
/* ----------------------------------------------------------------------- */

GPtrArray *
amend_remote_list (const char *project,
                   GError    **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  g_autoptr(GPtrArray) remotes = g_ptr_array_new_with_free_func ((GDestroyNotify) amend_remote_free);
  git_strarray names = { NULL, 0 };
  int rc;

  if (repo == NULL)
    return NULL;
  if ((rc = git_remote_list (&names, amend_repository_get_git (repo))) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the remotes")), NULL;
  for (size_t i = 0; i < names.count; i++)
    {
      g_autoptr(git_remote) remote = NULL;
      AmendRemote *r;

      if (git_remote_lookup (&remote, amend_repository_get_git (repo), names.strings[i]) < 0)
        continue;
      r = g_new0 (AmendRemote, 1);
      r->name = g_strdup (names.strings[i]);
      r->url = amend_sync_display_url (git_remote_url (remote));
      g_ptr_array_add (remotes, r);
    }
  git_strarray_dispose (&names);
  return g_steal_pointer (&remotes);
}

gboolean
amend_remote_add (const char *project,
                  const char *name,
                  const char *url,
                  GError    **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  g_autoptr(git_remote) remote = NULL;
  g_autofree char *stored = NULL;
  int valid = 0;
  int rc;

  if (repo == NULL || !amend_url_check (url, error))
    return FALSE;

  if (git_remote_name_is_valid (&valid, name) < 0 || !valid)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_INVALID_URL,
                   _("\xe2\x80\x9c%s\xe2\x80\x9d cannot be the name of a remote; use letters, digits and hyphens, "
                     "such as origin or gemeente"), name);
      return FALSE;
    }
  if (git_remote_lookup (&remote, amend_repository_get_git (repo), name) == 0)
    {
      g_autofree char *shown = amend_sync_display_url (git_remote_url (remote));

      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_EXISTS,
                   _("the project already has a remote called %s (%s); remove it first with amend remote remove %s"),
                   name, shown, name);
      return FALSE;
    }
  stored = amend_url_normalize (url);
  if ((rc = git_remote_create (&remote, amend_repository_get_git (repo), name, stored)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot add the remote %s"), name);
  return TRUE;
}

gboolean
amend_remote_remove (const char *project,
                     const char *name,
                     GError    **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  int rc;

  if (repo == NULL)
    return FALSE;
  rc = git_remote_delete (amend_repository_get_git (repo), name);
  if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NO_REMOTE,
                   _("the project has no remote called %s; amend remote list shows them"), name);
      return FALSE;
    }
  if (rc < 0)
    return amend_sync_set_git_error (error, rc, _("cannot remove the remote %s"), name);
  return TRUE;
}

/* @name, else the remote main follows, else origin, else the only one. */
static git_remote *
choose_remote (AmendRepository *repo,
               const char      *name,
               GError         **error)
{
  git_repository *git = amend_repository_get_git (repo);
  g_auto(git_strarray) names = { NULL, 0 };
  git_remote *remote = NULL;
  g_autoptr(git_config) config = NULL;
  g_autoptr(git_config) snapshot = NULL;
  const char *upstream = NULL;

  if (name != NULL)
    {
      if (git_remote_lookup (&remote, git, name) == 0)
        return remote;
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NO_REMOTE,
                   _("the project has no remote called %s; amend remote list shows them"), name);
      return NULL;
    }
  if (git_repository_config (&config, git) == 0 && git_config_snapshot (&snapshot, config) == 0 &&
      git_config_get_string (&upstream, snapshot, "branch.main.remote") == 0 &&
      git_remote_lookup (&remote, git, upstream) == 0)
    return remote;
  if (git_remote_lookup (&remote, git, "origin") == 0)
    return remote;
  git_remote_list (&names, git);
  if (names.count == 1 && git_remote_lookup (&remote, git, names.strings[0]) == 0)
    return remote;
  if (names.count == 0)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NO_REMOTE,
                 _("the project has no remote; add one with amend remote add NAME ADDRESS, or exchange "
                   "amendments as packages (amend package export)"));
  else
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NO_REMOTE,
                 _("the project has several remotes and none is called origin; name one with --remote "
                   "(amend remote list shows them)"));
  return NULL;
}

/* ----------------------------------------------------------------------- */
/* Clone                                                                    */
/* ----------------------------------------------------------------------- */

static void
checkout_progress (const char *path,
                   size_t      completed,
                   size_t      total,
                   void       *payload)
{
  AmendTransfer *t = payload;

  amend_sync_job_progress (t->job, AMEND_SYNC_STAGE_CHECKING_OUT, (guint) completed, (guint) total, 0);
}

/* "https://host/a/regeling.git" -> "regeling". */
static char *
folder_for (const char *url)
{
  g_autofree char *trimmed = g_strdup (url);
  g_autofree char *base = NULL;
  gsize len;

  len = strlen (trimmed);
  while (len > 1 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';
  base = g_path_get_basename (strrchr (trimmed, ':') && !strchr (strrchr (trimmed, ':'), '/')
                              ? strrchr (trimmed, ':') + 1 : trimmed);
  if (g_str_has_suffix (base, ".git"))
    base[strlen (base) - 4] = '\0';
  if (*base == '\0' || g_strcmp0 (base, ".") == 0 || g_strcmp0 (base, "/") == 0)
    return g_strdup ("regeling");
  return g_steal_pointer (&base);
}

static gboolean download              (git_remote      *remote,
                                       AmendTransfer   *t,
                                       GError         **error);
static gboolean add_remote_heads      (git_remote      *remote,
                                       const char      *main_ref,
                                       AmendIntake     *intake,
                                       GError         **error);
static gboolean update_tracking_taken (git_remote      *remote,
                                       const char      *main_ref,
                                       const char      *log,
                                       GError         **error);

/* The remote's draft: "refs/heads/main", else master; NULL for none. */
static const char *
remote_draft (git_remote *remote)
{
  static const char *const drafts[] = { "refs/heads/main", "refs/heads/master" };
  const git_remote_head **heads = NULL;
  size_t n = 0;

  if (git_remote_ls (&heads, &n, remote) < 0)
    return NULL;
  for (guint d = 0; d < G_N_ELEMENTS (drafts); d++)
    for (size_t i = 0; i < n; i++)
      if (g_strcmp0 (heads[i]->name, drafts[d]) == 0)
        return drafts[d];
  return NULL;
}

/* The draft in the working copy, whatever the remote's HEAD names (an
 * amendment when the sender's working copy was on one): a new copy
 * starts on main.  FORCE: the folder is new and Amend's own. */
static gboolean
check_out_draft (git_repository *git,
                 const char     *main_ref,
                 AmendTransfer  *t,
                 GError        **error)
{
  g_autofree char *tracking = g_strconcat ("refs/remotes/origin/", main_ref + strlen ("refs/heads/"), NULL);
  g_autoptr(git_reference) origin_head = NULL;
  git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
  int rc;

  checkout.checkout_strategy = GIT_CHECKOUT_FORCE;
  checkout.progress_cb = checkout_progress;
  checkout.progress_payload = t;
  if ((rc = git_reference_symbolic_create (&origin_head, git, "refs/remotes/origin/HEAD", tracking, 1,
                                           "amend clone")) < 0 ||
      (rc = git_repository_set_head (git, main_ref)) < 0 ||
      (rc = git_checkout_head (git, &checkout)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot check out the draft"));
  return TRUE;
}

/* git clone's steps, done as a pull does them: git_clone writes a
 * remote-tracking branch for every branch of the remote and stops at the
 * first it cannot store (a name longer than a file name), and leaves the
 * amendments remote-tracking branches only, which amend list does not
 * show.  So: an empty repository, the objects, the remote-tracking
 * branches of main and the amendments taken, a local branch for each
 * (following the remote's, as git sets up the branch it checks out), and
 * main in the working copy. */
static gboolean
clone_into (const char      *url,
            const char      *made,
            AmendSyncJob    *job,
            AmendSyncReport *report,
            GError         **error)
{
  git_repository_init_options init = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  g_auto(AmendTransfer) t = { 0 };
  g_autoptr(git_repository) created = NULL;
  g_autoptr(AmendRepository) repo = NULL;
  g_autoptr(git_remote) origin = NULL;
  g_autoptr(AmendIntake) intake = NULL;
  const git_indexer_progress *stats;
  const char *main_ref;
  int rc;

  amend_transfer_init (&t, url, job);
  amend_sync_job_on_abandon (job, made, FALSE);
  if (!amend_transfer_probe (&t, error))
    return FALSE;
  init.flags = GIT_REPOSITORY_INIT_MKPATH;
  init.initial_head = "main";
  if ((rc = git_repository_init_ext (&created, made, &init)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot create a repository"));
  if ((repo = amend_repository_open (made, error)) == NULL)
    return FALSE;
  if ((rc = git_remote_create (&origin, amend_repository_get_git (repo), "origin", url)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot clone the project"));
  if (!download (origin, &t, error))
    return FALSE;
  stats = git_remote_stats (origin);
  report->objects = stats->received_objects;
  report->bytes = stats->received_bytes;
  if ((main_ref = remote_draft (origin)) == NULL)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FAILED,
                   _("the remote has no draft (no branch main): is it an Amend project?"));
      return FALSE;
    }
  intake = amend_intake_new (repo, "origin");
  return add_remote_heads (origin, main_ref, intake, error) &&
         amend_intake_plan (intake, job, error) &&
         update_tracking_taken (origin, main_ref, "amend clone", error) &&
         amend_intake_apply (intake, job, report, error) &&
         check_out_draft (amend_repository_get_git (repo), main_ref, &t, error);
}

/* In the thread amend_sync_clone or its _async runs it in. */
AmendSyncReport *
amend_sync_clone_run (const char   *url,
                      const char   *dir,
                      AmendSyncJob *job,
                      GError      **error)
{
  g_autoptr(AmendSyncReport) report = amend_sync_report_new ();
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *made = NULL;
  gboolean ok;

  amend_repository_ensure_libgit2 ();
  if (!amend_url_check (url, error))
    return NULL;
  source = amend_url_normalize (url);
  target = dir ? g_strdup (dir) : folder_for (source);
  if (!amend_sync_folder_is_free (target, error) || (made = amend_sync_make_sibling (target, error)) == NULL)
    return NULL;
  ok = clone_into (source, made, job, report, error) &&
       amend_sync_job_begin_commit (job, error) &&
       amend_sync_put_in_place (made, target, error);
  amend_sync_job_end_commit (job);
  if (!ok)
    {
      amend_sync_remove_tree (made);
      return NULL;
    }
  amend_sync_report_sort (report);
  report->path = g_steal_pointer (&target);
  return g_steal_pointer (&report);
}

/* ----------------------------------------------------------------------- */
/* Pull                                                                     */
/* ----------------------------------------------------------------------- */

static gboolean
check_can_take (AmendRepository *repo,
                GError         **error)
{
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(GError) local = NULL;

  if (amend_repository_is_bare (repo))
    return TRUE;
  if (amend_repository_check_can_write (repo, TRUE, &local) && amend_intake_recover (repo, &local))
    return TRUE;
  if (!g_error_matches (local, AMEND_REPOSITORY_ERROR, AMEND_REPOSITORY_ERROR_BUSY))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* A merge under way may be another Amend's, in the middle of an
   * adoption: wait for it under the write lock and look again, rather
   * than take it for one left unfinished. */
  return (hold = amend_journal_hold (repo, "pull", error)) != NULL &&
         amend_repository_check_can_write (repo, TRUE, error) && amend_intake_recover (repo, error);
}

/* What the remote has, as the download left it in git_remote_ls: main
 * (under the name this project gives it) and the amendments. */
static char *
main_ref_of (AmendRepository *repo)
{
  g_autofree char *main_branch = amend_repository_dup_main_branch (repo, NULL);

  return g_strconcat ("refs/heads/", main_branch ? main_branch : "main", NULL);
}

static gboolean
add_remote_heads (git_remote      *remote,
                  const char      *main_ref,
                  AmendIntake     *intake,
                  GError         **error)
{
  const git_remote_head **heads = NULL;
  size_t n = 0;
  int rc;

  if ((rc = git_remote_ls (&heads, &n, remote)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the branches of the remote"));
  for (size_t i = 0; i < n; i++)
    {
      const char *name = heads[i]->name;

      /* The intake leaves out, saying why, a name Amend does not take. */
      if (g_strcmp0 (name, main_ref) == 0 || g_str_has_prefix (name, AMENDMENT_REFS))
        amend_intake_add (intake, name + strlen ("refs/heads/"), &heads[i]->oid);
    }
  return TRUE;
}

static gboolean
update_tracking (git_remote    *remote,
                 AmendTransfer *t,
                 gboolean       fetched,
                 const char    *log,
                 GError       **error)
{
  git_remote_callbacks callbacks;
  int rc;

  amend_transfer_callbacks (t, &callbacks);
  rc = git_remote_update_tips (remote, &callbacks, fetched, GIT_REMOTE_DOWNLOAD_TAGS_NONE, log);
  if (rc < 0)
    return amend_sync_set_git_error (error, rc, _("cannot update the remote-tracking branches"));
  return TRUE;
}

/* Deletes @ref and frees it. */
static gboolean
delete_tracking (git_reference *ref,
                 GError       **error)
{
  g_autofree char *name = g_strdup (git_reference_name (ref));
  int rc = git_reference_delete (ref);

  git_reference_free (ref);
  if (rc < 0)
    return amend_sync_set_git_error (error, rc, _("cannot remove the remote-tracking branch %s"), name);
  return TRUE;
}

/* Tracking branches under refs/remotes/R/amendement that git cannot keep
 * beside @tracking (R/amendement/x/... beside R/amendement/x, or
 * R/amendement itself): branches the remote had before and has no more,
 * as the remote cannot hold both.  git fetch --prune removes them too. */
static gboolean
remove_stale_tracking (git_repository *git,
                       const char     *remote_name,
                       const char     *branch,
                       GError        **error)
{
  g_autofree char *tracking = g_strdup_printf ("refs/remotes/%s/%s", remote_name, branch);
  g_autofree char *glob = g_strconcat (tracking, "/*", NULL);
  /* Only "amendement" above "amendement/x": never refs/remotes/R itself. */
  g_autofree char *parent = strchr (branch, '/') != NULL
                            ? g_strndup (tracking, (gsize) (strrchr (tracking, '/') - tracking)) : NULL;
  g_autoptr(git_reference_iterator) iter = NULL;
  git_reference *ref = NULL;

  if (parent != NULL && git_reference_lookup (&ref, git, parent) == 0 && !delete_tracking (ref, error))
    return FALSE;
  if (git_reference_iterator_glob_new (&iter, git, glob) < 0)
    return TRUE;
  while (git_reference_next (&ref, iter) == 0)
    if (!delete_tracking (ref, error))
      return FALSE;
  return TRUE;
}

/* The remote-tracking branches of main and the amendments a pull takes,
 * written here rather than by git_remote_update_tips: that one writes
 * every branch of the remote and stops at the first it cannot store (a
 * name longer than a file name, one under another's name), so that one
 * branch a pull leaves out would stop the whole pull. */
static gboolean
update_tracking_taken (git_remote  *remote,
                       const char  *main_ref,
                       const char  *log,
                       GError     **error)
{
  git_repository *git = git_remote_owner (remote);
  const git_remote_head **heads = NULL;
  size_t n = 0;
  int rc;

  if ((rc = git_remote_ls (&heads, &n, remote)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the branches of the remote"));
  for (size_t i = 0; i < n; i++)
    {
      const char *name = heads[i]->name;
      g_autofree char *problem = NULL;
      g_autofree char *tracking = NULL;
      g_autoptr(git_reference) ref = NULL;

      if (g_strcmp0 (name, main_ref) != 0 &&
          (!g_str_has_prefix (name, AMENDMENT_REFS) || (problem = amend_sync_amendment_ref_problem (name)) != NULL))
        continue;
      tracking = g_strdup_printf ("refs/remotes/%s/%s", git_remote_name (remote), name + strlen ("refs/heads/"));
      if (!remove_stale_tracking (git, git_remote_name (remote), name + strlen ("refs/heads/"), error))
        return FALSE;
      if ((rc = git_reference_create (&ref, git, tracking, &heads[i]->oid, 1, log)) < 0)
        return amend_sync_set_git_error (error, rc, _("cannot update the remote-tracking branches"));
    }
  return TRUE;
}

static gboolean
download (git_remote    *remote,
          AmendTransfer *t,
          GError       **error)
{
  git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
  int rc;

  amend_transfer_callbacks (t, &opts.callbacks);
  amend_transfer_proxy (&opts.proxy_opts);
  opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  rc = git_remote_download (remote, NULL, &opts);
  if (rc < 0)
    return amend_transfer_error (t, rc, _("cannot fetch from the remote"), error);
  amend_sync_job_progress_end (t->job);
  return TRUE;
}

/* In the thread amend_sync_pull or its _async runs it in. */
AmendSyncReport *
amend_sync_pull_run (const char   *project,
                     const char   *remote_name,
                     AmendSyncJob *job,
                     GError      **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  g_autoptr(AmendJournal) hold = NULL;
  g_autoptr(AmendSyncReport) report = amend_sync_report_new ();
  g_autoptr(git_remote) remote = NULL;
  g_autoptr(AmendIntake) intake = NULL;
  g_autofree char *pack_folder = NULL;
  g_autofree char *main_ref = NULL;
  g_auto(AmendTransfer) t = { 0 };
  const git_indexer_progress *stats;
  gboolean ok;

  if (repo == NULL || !check_can_take (repo, error))
    return NULL;
  if ((remote = choose_remote (repo, remote_name, error)) == NULL)
    return NULL;
  amend_transfer_init (&t, git_remote_url (remote), job);
  pack_folder = g_build_filename (git_repository_path (amend_repository_get_git (repo)), "objects", "pack", NULL);
  amend_sync_job_on_abandon (job, pack_folder, TRUE);
  if (!amend_transfer_probe (&t, error) || !download (remote, &t, error))
    return NULL;
  stats = git_remote_stats (remote);
  report->objects = stats->received_objects;
  report->bytes = stats->received_bytes;

  /* The download took no lock: another Amend may have written since.  From
   * the plan to the last branch moved, none does (see amend-package.c). */
  if (!amend_repository_is_bare (repo) &&
      ((hold = amend_journal_hold (repo, "pull", error)) == NULL || !check_can_take (repo, error)))
    return NULL;
  intake = amend_intake_new (repo, git_remote_name (remote));
  if ((main_ref = main_ref_of (repo)) == NULL || !add_remote_heads (remote, main_ref, intake, error))
    return NULL;
  if (!amend_intake_plan (intake, job, error))
    return NULL;
  if (!amend_sync_job_begin_commit (job, error))
    return NULL;
  ok = update_tracking_taken (remote, main_ref, "amend pull", error) && amend_intake_apply (intake, job, report, error);
  amend_sync_job_end_commit (job);
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

/* ----------------------------------------------------------------------- */
/* Push                                                                     */
/* ----------------------------------------------------------------------- */

typedef struct {
  char    *branch;  /* short */
  git_oid  local;
  gboolean on_remote;
  git_oid  remote;
} Pushed;

static void
pushed_free (gpointer data)
{
  Pushed *p = data;

  g_free (p->branch);
  g_free (p);
}

static gboolean
add_branch (AmendRepository *repo,
            GPtrArray       *branches,
            const char      *refname,
            GError         **error)
{
  Pushed *p = g_new0 (Pushed, 1);
  int rc;

  p->branch = g_strdup (refname + strlen ("refs/heads/"));
  g_ptr_array_add (branches, p);
  if ((rc = git_reference_name_to_id (&p->local, amend_repository_get_git (repo), refname)) < 0)
    return amend_repository_set_git_error (error, rc, _("cannot read %s"), p->branch);
  return TRUE;
}

static gboolean
collect_branches (AmendRepository *repo,
                  const char      *name,
                  gboolean         all,
                  GPtrArray       *branches,
                  GError         **error)
{
  g_autofree char *refname = NULL;

  if (all)
    {
      g_autofree char *main_branch = amend_repository_dup_main_branch (repo, error);
      g_autofree char *main_ref = NULL;
      g_autoptr(GPtrArray) amendments = NULL;

      if (main_branch == NULL)
        return FALSE;
      main_ref = g_strconcat ("refs/heads/", main_branch, NULL);
      if (!add_branch (repo, branches, main_ref, error) || (amendments = amend_amendment_list (repo, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < amendments->len; i++)
        {
          g_autofree char *ref = g_strconcat ("refs/heads/", amend_amendment_get_branch (g_ptr_array_index (amendments, i)), NULL);

          if (!add_branch (repo, branches, ref, error))
            return FALSE;
        }
      return TRUE;
    }
  if (name != NULL)
    refname = amend_repository_resolve_branch (repo, name, error);
  else
    {
      g_autofree char *branch = amend_repository_dup_branch (repo, error);

      refname = branch ? g_strconcat ("refs/heads/", branch, NULL) : NULL;
    }
  return refname != NULL && add_branch (repo, branches, refname, error);
}

static gboolean
connect_for_push (git_remote    *remote,
                  AmendTransfer *t,
                  GError       **error)
{
  git_remote_callbacks callbacks;
  git_proxy_options proxy;
  int rc;

  amend_transfer_callbacks (t, &callbacks);
  amend_transfer_proxy (&proxy);
  rc = git_remote_connect (remote, GIT_DIRECTION_PUSH, &callbacks, &proxy, NULL);
  if (rc < 0)
    return amend_transfer_error (t, rc, _("cannot connect to the remote"), error);
  return TRUE;
}

static gboolean
has_object (git_repository *git,
            const git_oid  *id)
{
  git_odb *odb = NULL;
  gboolean found;

  if (git_repository_odb (&odb, git) < 0)
    return FALSE;
  found = git_odb_exists (odb, id);
  git_odb_free (odb);
  return found;
}

/* The remote's versions of @branches; a branch whose version there this
 * project does not have, or does not build on, is refused. */
static gboolean
compare_with_remote (git_remote      *remote,
                     git_repository  *git,
                     GPtrArray       *branches,
                     GError         **error)
{
  const git_remote_head **heads = NULL;
  size_t n = 0;
  g_autoptr(GString) behind = g_string_new (NULL);
  g_autoptr(GString) diverged = g_string_new (NULL);
  int rc;

  if ((rc = git_remote_ls (&heads, &n, remote)) < 0)
    return amend_sync_set_git_error (error, rc, _("cannot read the branches of the remote"));
  for (guint i = 0; i < branches->len; i++)
    {
      Pushed *p = g_ptr_array_index (branches, i);
      g_autofree char *refname = g_strconcat ("refs/heads/", p->branch, NULL);

      for (size_t k = 0; k < n; k++)
        if (g_strcmp0 (heads[k]->name, refname) == 0)
          {
            p->on_remote = TRUE;
            p->remote = heads[k]->oid;
          }
      if (p->on_remote && !amend_sync_contains (git, &p->local, &p->remote))
        {
          /* An amendment whose remote version is here already came in
           * with a pull, which kept it under another name: pulling again
           * changes nothing, and the advice to do so went round in a circle. */
          GString *to = g_str_has_prefix (p->branch, AMEND_AMENDMENT_BRANCH_PREFIX) && has_object (git, &p->remote)
                          ? diverged : behind;

          g_string_append_printf (to, "%s%s", to->len ? ", " : "", p->branch);
        }
    }
  if (behind->len == 0 && diverged->len == 0)
    return TRUE;
  if (behind->len == 0)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NON_FAST_FORWARD,
                   _("%s was changed here and on the remote, and the pull kept the remote's version as an "
                     "amendment of its own (amend list shows it); nothing was sent: the two are two proposals "
                     "now, so take what you want to keep into the one that came in, push that one, and "
                     "withdraw the other with amend withdraw"), diverged->str);
      return FALSE;
    }
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NON_FAST_FORWARD,
               _("the remote has versions of %s that this project does not have; nothing was sent: "
                 "run amend pull first, then push again"), behind->str);
  return FALSE;
}

static void
report_pushed (AmendTransfer   *t,
               git_repository  *git,
               GPtrArray       *branches,
               AmendSyncReport *report)
{
  for (guint i = 0; i < branches->len; i++)
    {
      Pushed *p = g_ptr_array_index (branches, i);
      gboolean same = p->on_remote && git_oid_equal (&p->local, &p->remote);
      AmendSyncChange *change = amend_sync_change_new (same ? AMEND_SYNC_UNCHANGED : AMEND_SYNC_PUSHED, p->branch);
      char hex[GIT_OID_HEXSZ + 1];

      for (guint k = 0; k < t->rejected->len; k++)
        {
          const char *line = g_ptr_array_index (t->rejected, k);
          gsize len = strlen (p->branch);

          if (strncmp (line, p->branch, len) == 0 && line[len] == '\t')
            {
              change->kind = AMEND_SYNC_REJECTED;
              change->message = g_strdup (line + len + 1);
            }
        }
      if (p->on_remote)
        {
          change->old_id = g_strdup (git_oid_tostr (hex, sizeof hex, &p->remote));
          change->commits = amend_sync_count_ahead (git, &p->local, &p->remote);
        }
      change->new_id = g_strdup (git_oid_tostr (hex, sizeof hex, &p->local));
      if (g_str_has_prefix (p->branch, AMEND_AMENDMENT_BRANCH_PREFIX))
        change->title = amend_sync_title_at (git, &p->local, p->branch + strlen (AMEND_AMENDMENT_BRANCH_PREFIX));
      g_ptr_array_add (report->changes, change);
    }
  amend_sync_report_sort (report);
}

static gboolean
upload (git_remote    *remote,
        AmendTransfer *t,
        GPtrArray     *branches,
        GError       **error)
{
  git_push_options opts = GIT_PUSH_OPTIONS_INIT;
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func (g_free);
  git_strarray refspecs;
  int rc;

  for (guint i = 0; i < branches->len; i++)
    {
      Pushed *p = g_ptr_array_index (branches, i);

      if (!p->on_remote || !git_oid_equal (&p->local, &p->remote))
        g_ptr_array_add (specs, g_strdup_printf ("refs/heads/%s:refs/heads/%s", p->branch, p->branch));
    }
  if (specs->len == 0)
    return TRUE;
  amend_transfer_callbacks (t, &opts.callbacks);
  amend_transfer_proxy (&opts.proxy_opts);
  refspecs.strings = (char **) specs->pdata;
  refspecs.count = specs->len;
  rc = git_remote_upload (remote, &refspecs, &opts);
  if (rc < 0)
    return amend_transfer_error (t, rc, _("cannot push to the remote"), error);
  amend_sync_job_progress_end (t->job);
  return TRUE;
}

static gboolean
check_rejections (AmendTransfer *t,
                  GError       **error)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (t->rejected->len == 0)
    return TRUE;
  for (guint i = 0; i < t->rejected->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (t->rejected, i), "\t", 2);

      g_string_append_printf (list, "%s%s (%s)", list->len ? ", " : "", parts[0], parts[1] ? parts[1] : "");
    }
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_REJECTED,
               _("the remote refused %s; the other branches were pushed"), list->str);
  return FALSE;
}

/* In the thread amend_sync_push or its _async runs it in. */
AmendSyncReport *
amend_sync_push_run (const char   *project,
                     const char   *remote_name,
                     const char   *name,
                     gboolean      all,
                     AmendSyncJob *job,
                     GError      **error)
{
  g_autoptr(AmendRepository) repo = amend_repository_open (project, error);
  g_autoptr(AmendSyncReport) report = amend_sync_report_new ();
  g_autoptr(git_remote) remote = NULL;
  g_autoptr(GPtrArray) branches = g_ptr_array_new_with_free_func (pushed_free);
  g_auto(AmendTransfer) t = { 0 };
  gboolean ok;

  if (repo == NULL || !collect_branches (repo, name, all, branches, error))
    return NULL;
  if ((remote = choose_remote (repo, remote_name, error)) == NULL)
    return NULL;
  amend_transfer_init (&t, git_remote_url (remote), job);
  if (!amend_transfer_probe (&t, error) || !connect_for_push (remote, &t, error) ||
      !compare_with_remote (remote, amend_repository_get_git (repo), branches, error) ||
      !upload (remote, &t, branches, error))
    return NULL;
  /* The remote has what was sent; a cancel now would only leave the
   * remote-tracking branches behind, so this step is finished. */
  amend_sync_job_begin_commit (job, NULL);
  ok = update_tracking (remote, &t, FALSE, "amend push", error);
  amend_sync_job_end_commit (job);
  git_remote_disconnect (remote);
  if (!ok)
    return NULL;
  report_pushed (&t, amend_repository_get_git (repo), branches, report);
  if (!check_rejections (&t, error))
    return NULL;
  return g_steal_pointer (&report);
}
