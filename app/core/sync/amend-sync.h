/* amend-sync.h: amendments between projects: packages (git bundles) and remotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every operation exists twice: synchronous, for a caller that already runs
 * in a thread of its own (or the tests), and as an _async/_finish pair on
 * GTask that runs it in a worker thread.  Each opens its own git_repository
 * from the project's path, so the caller's AmendRepository is never shared
 * between threads.  An AmendSyncJob (may be NULL) carries the cancellable,
 * the progress callback and the credentials callback; with the _async
 * variants those callbacks run in the thread-default main context of the
 * caller.
 */
#pragma once

#include <gio/gio.h>

#include "amend-sync-job.h"

G_BEGIN_DECLS

#define AMEND_SYNC_ERROR (amend_sync_error_quark ())

/* Every error carries one translated sentence that says what to do.  A
 * cancelled operation gives G_IO_ERROR_CANCELLED; a refusal of the project
 * itself (locked, unfinished git merge, unsaved changes) an
 * AMEND_REPOSITORY_ERROR. */
typedef enum {
  AMEND_SYNC_ERROR_FAILED,            /* libgit2 or the file system failed; the message has the reason */
  AMEND_SYNC_ERROR_NOT_A_PACKAGE,     /* not a git bundle, or a kind Amend does not read */
  AMEND_SYNC_ERROR_DAMAGED,           /* truncated, or the pack does not match its checksum */
  AMEND_SYNC_ERROR_TOO_LARGE,         /* larger than AMEND_PACKAGE_MAX_SIZE */
  AMEND_SYNC_ERROR_FORBIDDEN_REF,     /* carries main, a tag or a name Amend does not take */
  AMEND_SYNC_ERROR_UNRELATED,         /* made from another regulation */
  AMEND_SYNC_ERROR_NEEDS_NEWER,       /* made from a version of the draft this project lacks */
  AMEND_SYNC_ERROR_WRONG_KIND,        /* an amendment package where a whole project is needed */
  AMEND_SYNC_ERROR_EXISTS,            /* the folder of a new project is not empty */
  AMEND_SYNC_ERROR_NO_REMOTE,         /* no such remote, or none at all */
  AMEND_SYNC_ERROR_INVALID_URL,       /* an address Amend cannot use (or with a password in it) */
  AMEND_SYNC_ERROR_UNREACHABLE,       /* the host cannot be found or reached */
  AMEND_SYNC_ERROR_TIMEOUT,           /* the host stopped answering */
  AMEND_SYNC_ERROR_AUTH,              /* the credentials were not accepted, or none could be asked */
  AMEND_SYNC_ERROR_CERTIFICATE,       /* the server's certificate or host key is not trusted */
  AMEND_SYNC_ERROR_NOT_FOUND,         /* the remote has no such repository */
  AMEND_SYNC_ERROR_NON_FAST_FORWARD,  /* a push the remote would lose commits by */
  AMEND_SYNC_ERROR_REJECTED,          /* the remote refused a branch */
  AMEND_SYNC_ERROR_DIVERGED,          /* no longer set: a diverged main is merged (AMEND_SYNC_MERGED) */
  AMEND_SYNC_ERROR_NO_ROOM,           /* a branch here (amendement/x/y, amendement) leaves no room for an incoming one */
} AmendSyncError;

GQuark amend_sync_error_quark (void);

/* A package larger than this is refused before it is read: a regulation's
 * whole history is a few megabytes. */
#define AMEND_PACKAGE_MAX_SIZE (G_GINT64_CONSTANT (1) << 30)

/* What happened to one branch. */
typedef enum {
  AMEND_SYNC_NEW,            /* a branch that was not here */
  AMEND_SYNC_UPDATED,        /* fast-forwarded to newer versions */
  AMEND_SYNC_UNCHANGED,      /* already the same */
  AMEND_SYNC_LOCAL_NEWER,    /* this project has all of it and more; kept */
  AMEND_SYNC_ALREADY_AS,     /* already here, under the name in kept_as */
  AMEND_SYNC_DIVERGED,       /* both sides changed it: kept both, the incoming one as kept_as */
  AMEND_SYNC_PUSHED,         /* the remote now has it */
  AMEND_SYNC_REJECTED,       /* the remote refused it; message says why */
  AMEND_SYNC_MERGED,         /* main: both sides had new versions, joined by a merge commit (new_id) */
  AMEND_SYNC_MERGE_STOPPED,  /* main: the merge waits for its conflicts (amend pull --continue | --abort) */
  AMEND_SYNC_NOT_TAKEN,      /* pull, clone, open: left out; message says why (a name Amend does not take, a record it cannot read) */
} AmendSyncChangeKind;

typedef struct {
  AmendSyncChangeKind kind;
  char    *branch;        /* short name: "amendement/x" or "main" */
  char    *kept_as;       /* ALREADY_AS and DIVERGED: the short name the incoming one has here */
  char    *title;         /* from the record, or the slug */
  char    *old_id;        /* 40 hex, NULL when new */
  char    *new_id;
  guint    commits;       /* versions that arrived (NEW, UPDATED, DIVERGED, MERGED) or were pushed */
  guint    comments;      /* comment files of the amendment at its new tip */
  guint    new_comments;  /* of which not in the old tip */
  char    *message;       /* REJECTED: the remote's reason; NOT_TAKEN: why it was left out */
} AmendSyncChange;

typedef struct {
  GPtrArray *changes;     /* of AmendSyncChange, main first, then by branch name */
  char      *path;        /* clone, open: the folder of the new project */
  guint      objects;     /* objects received, written or sent */
  guint64    bytes;       /* bytes of the package or of the transfer */
} AmendSyncReport;

void             amend_sync_change_free   (AmendSyncChange *change);
AmendSyncReport *amend_sync_report_new    (void);
void             amend_sync_report_free   (AmendSyncReport *report);
const AmendSyncChange *amend_sync_report_find (AmendSyncReport *report,
                                               const char      *branch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendSyncChange, amend_sync_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendSyncReport, amend_sync_report_free)

/* Packages ------------------------------------------------------------- */

/* Writes one amendment (@name: slug or branch) as a git bundle v2 whose
 * prerequisites are the commit it branched from main and main's first
 * commit; with @name NULL the whole project (main, every amendment, HEAD)
 * without prerequisites.  @output is replaced atomically. */
AmendSyncReport *amend_package_export        (const char          *project,
                                              const char          *name,
                                              const char          *output,
                                              AmendSyncJob        *job,
                                              GError             **error);
/* Takes the amendments of a package into @project: never main, never over
 * an amendment that changed here too (the incoming one gets a new slug). */
AmendSyncReport *amend_package_import        (const char          *project,
                                              const char          *file,
                                              AmendSyncJob        *job,
                                              GError             **error);
/* A new project in @dir (missing or empty) from a whole-project package. */
AmendSyncReport *amend_package_open          (const char          *file,
                                              const char          *dir,
                                              AmendSyncJob        *job,
                                              GError             **error);

/* Remotes -------------------------------------------------------------- */

typedef struct {
  char *name;
  char *url;   /* as configured; never holds a password (add refuses one) */
} AmendRemote;

void             amend_remote_free           (AmendRemote         *remote);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendRemote, amend_remote_free)

GPtrArray       *amend_remote_list           (const char          *project,
                                              GError             **error);
gboolean         amend_remote_add            (const char          *project,
                                              const char          *name,
                                              const char          *url,
                                              GError             **error);
gboolean         amend_remote_remove         (const char          *project,
                                              const char          *name,
                                              GError             **error);
/* @url without the user info, for messages: a password never gets out. */
char            *amend_sync_display_url      (const char          *url);

/* Clones @url into @dir (NULL: the last part of the address), with a local
 * branch for every amendement/... branch of the remote; the report's path is the
 * folder. */
AmendSyncReport *amend_sync_clone            (const char          *url,
                                              const char          *dir,
                                              AmendSyncJob        *job,
                                              GError             **error);
/* Fetches @remote (NULL: the only one, or origin), fast-forwards main (or,
 * when both sides have new versions, merges the remote's into it with the
 * structural merge: MERGED, or MERGE_STOPPED with the merge waiting as
 * amend_pending_merge_load finds it) and takes its amendments as
 * amend_package_import does. */
AmendSyncReport *amend_sync_pull             (const char          *project,
                                              const char          *remote,
                                              AmendSyncJob        *job,
                                              GError             **error);
/* Pushes the amendment @name, or with @all main and every amendment, or
 * with neither the branch the working copy is on.  A push the remote
 * would lose commits by is refused before anything is sent. */
AmendSyncReport *amend_sync_push             (const char          *project,
                                              const char          *remote,
                                              const char          *name,
                                              gboolean             all,
                                              AmendSyncJob        *job,
                                              GError             **error);

/* The same in a worker thread.  @job may be NULL; the cancellable is the
 * job's (amend_sync_job_cancel, or the one given to amend_sync_job_new). */
void             amend_package_export_async  (const char          *project,
                                              const char          *name,
                                              const char          *output,
                                              AmendSyncJob        *job,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             amend_package_import_async  (const char          *project,
                                              const char          *file,
                                              AmendSyncJob        *job,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             amend_package_open_async    (const char          *file,
                                              const char          *dir,
                                              AmendSyncJob        *job,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             amend_sync_clone_async      (const char          *url,
                                              const char          *dir,
                                              AmendSyncJob        *job,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             amend_sync_pull_async       (const char          *project,
                                              const char          *remote,
                                              AmendSyncJob        *job,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             amend_sync_push_async       (const char          *project,
                                              const char          *remote,
                                              const char          *name,
                                              gboolean             all,
                                              AmendSyncJob        *job,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AmendSyncReport *amend_package_export_finish (GAsyncResult        *result,
                                              GError             **error);
AmendSyncReport *amend_package_import_finish (GAsyncResult        *result,
                                              GError             **error);
AmendSyncReport *amend_package_open_finish   (GAsyncResult        *result,
                                              GError             **error);
AmendSyncReport *amend_sync_clone_finish     (GAsyncResult        *result,
                                              GError             **error);
AmendSyncReport *amend_sync_pull_finish      (GAsyncResult        *result,
                                              GError             **error);
AmendSyncReport *amend_sync_push_finish      (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
