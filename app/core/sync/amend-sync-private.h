/* amend-sync-private.h: what the parts of sync/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>

#include "amend-repository-private.h"
#include "amend-pending-merge.h"
#include "amend-sync.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_odb, git_odb_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_remote, git_remote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)

/* The job, seen from the worker (amend-sync-job.c).  All take NULL. */
gboolean      amend_sync_job_is_cancelled        (AmendSyncJob   *job);
GCancellable *amend_sync_job_cancellable         (AmendSyncJob   *job);
gboolean      amend_sync_job_set_cancelled_error (AmendSyncJob   *job,
                                                  GError        **error);
void          amend_sync_job_progress            (AmendSyncJob   *job,
                                                  AmendSyncStage  stage,
                                                  guint           done,
                                                  guint           total,
                                                  guint64         bytes);
void          amend_sync_job_progress_end        (AmendSyncJob   *job);
void          amend_sync_job_touch               (AmendSyncJob   *job);
void          amend_sync_job_begin_network       (AmendSyncJob   *job,
                                                  const char     *host);
gboolean      amend_sync_job_begin_commit        (AmendSyncJob   *job,
                                                  GError        **error);
void          amend_sync_job_end_commit          (AmendSyncJob   *job);
gboolean      amend_sync_job_ask                 (AmendSyncJob   *job,
                                                  AmendCredentialRequest *request);
void          amend_sync_job_attach              (AmendSyncJob   *job,
                                                  GTask          *task);
void          amend_sync_job_detach              (AmendSyncJob   *job);
void          amend_sync_job_set_running         (AmendSyncJob   *job,
                                                  gboolean        running);
void          amend_sync_job_on_abandon          (AmendSyncJob   *job,
                                                  const char     *path,
                                                  gboolean        pack_folder);
void          amend_sync_job_clean_abandoned     (AmendSyncJob   *job);
void          amend_sync_job_explain_cancel      (AmendSyncJob   *job,
                                                  GError        **error);

/* libgit2's last error as AMEND_SYNC_ERROR_FAILED, after @format. */
gboolean      amend_sync_set_git_error           (GError        **error,
                                                  int             code,
                                                  const char     *format,
                                                  ...) G_GNUC_PRINTF (3, 4);
/* "main" or "master": the branch that holds the draft. */
gboolean      amend_sync_is_draft_branch         (const char     *branch);
AmendSyncChange *amend_sync_change_new           (AmendSyncChangeKind kind,
                                                  const char     *branch);
void          amend_sync_report_sort             (AmendSyncReport *report);

/* Taking incoming branches into a project (amend-sync-intake.c), shared
 * by package import and pull.  First a plan, which reads and may write
 * objects (never refs), and refuses with nothing changed; then apply,
 * which moves each ref atomically, and the working copy last. */
typedef struct _AmendIntake AmendIntake;

AmendIntake  *amend_intake_new                   (AmendRepository *repo,
                                                  const char      *upstream_remote);
void          amend_intake_free                  (AmendIntake     *intake);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendIntake, amend_intake_free)
/* @branch is the short name: "main" or "amendement/SLUG".  A name that
 * amend_sync_amendment_ref_problem() refuses is left out (NOT_TAKEN, the
 * reason in the change's message). */
void          amend_intake_add                   (AmendIntake     *intake,
                                                  const char      *branch,
                                                  const git_oid   *id);
gboolean      amend_intake_plan                  (AmendIntake     *intake,
                                                  AmendSyncJob    *job,
                                                  GError         **error);
gboolean      amend_intake_apply                 (AmendIntake     *intake,
                                                  AmendSyncJob    *job,
                                                  AmendSyncReport *report,
                                                  GError         **error);
/* A checkout that a kill interrupted (.git/amend/sync-checkout) is done
 * now; every sync command that writes starts with it. */
gboolean      amend_intake_recover               (AmendRepository *repo,
                                                  GError         **error);
/* main here and on the remote both have versions the other lacks: the
 * structural merge, begun as "pull" (amend-sync-merge.c). */
gboolean      amend_sync_check_can_merge         (AmendRepository *repo,
                                                  const char      *main_branch,
                                                  GError         **error);
gboolean      amend_sync_merge_main              (AmendRepository   *repo,
                                                  const char        *upstream,
                                                  const char        *main_branch,
                                                  const git_oid     *ours,
                                                  const git_oid     *theirs,
                                                  AmendMergeOutcome *outcome,
                                                  git_oid           *result,
                                                  GError           **error);

/* The network operations themselves (amend-remote.c), run in a worker
 * thread by amend_sync_clone/pull/push and their _async pairs alike, so
 * that the watchdog bounds a silent remote in both (amend-sync.c). */
AmendSyncReport *amend_sync_clone_run            (const char      *url,
                                                  const char      *dir,
                                                  AmendSyncJob    *job,
                                                  GError         **error);
AmendSyncReport *amend_sync_pull_run             (const char      *project,
                                                  const char      *remote_name,
                                                  AmendSyncJob    *job,
                                                  GError         **error);
AmendSyncReport *amend_sync_push_run             (const char      *project,
                                                  const char      *remote_name,
                                                  const char      *name,
                                                  gboolean         all,
                                                  AmendSyncJob    *job,
                                                  GError         **error);

/* A new project is made in a hidden folder next to its place and renamed
 * there at the end (amend-package.c). */
void          amend_sync_remove_tree             (const char      *path);
gboolean      amend_sync_put_in_place            (const char      *made,
                                                  const char      *dir,
                                                  GError         **error);
char         *amend_sync_make_sibling            (const char      *dir,
                                                  GError         **error);
gboolean      amend_sync_folder_is_free          (const char      *dir,
                                                  GError         **error);

/* Histories (amend-sync-graph.c): libgit2's merge base walks all of it
 * when one commit is an ancestor of the other. */
gboolean      amend_sync_branch_point            (git_repository  *repo,
                                                  const git_oid   *tip,
                                                  const git_oid   *base,
                                                  git_oid         *out,
                                                  guint           *commits);
gboolean      amend_sync_walk_branch             (git_repository  *repo,
                                                  const git_oid   *tip,
                                                  const git_oid   *base,
                                                  git_oid         *out,
                                                  guint           *commits,
                                                  GArray          *only);
gboolean      amend_sync_contains                (git_repository  *repo,
                                                  const git_oid   *descendant,
                                                  const git_oid   *ancestor);
guint         amend_sync_count_ahead             (git_repository  *repo,
                                                  const git_oid   *tip,
                                                  const git_oid   *base);

/* Branch names from elsewhere (amend-sync-names.c): NULL when
 * "refs/heads/amendement/SLUG" is an amendment that a package, a pull and
 * a clone take, else why not (one translated clause).  A slug is at most
 * AMEND_SYNC_MAX_SLUG bytes: git writes SLUG.lock, and a file name has
 * 255 bytes. */
#define AMEND_SYNC_MAX_SLUG 250
char         *amend_sync_amendment_ref_problem  (const char      *refname);

/* The record and comments of an amendment at a commit. */
char         *amend_sync_title_at                (git_repository  *repo,
                                                  const git_oid   *commit,
                                                  const char      *slug);

G_END_DECLS
