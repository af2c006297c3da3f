/* amend-sync-job.h: what a caller gives a transfer: cancel, progress, credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amend-credential-request.h"

G_BEGIN_DECLS

typedef enum {
  AMEND_SYNC_STAGE_CONNECTING,   /* reaching the remote */
  AMEND_SYNC_STAGE_COUNTING,     /* finding the objects to send or write */
  AMEND_SYNC_STAGE_COMPRESSING,  /* making deltas */
  AMEND_SYNC_STAGE_WRITING,      /* writing the package, or sending */
  AMEND_SYNC_STAGE_RECEIVING,    /* reading the package, or receiving */
  AMEND_SYNC_STAGE_RESOLVING,    /* resolving deltas */
  AMEND_SYNC_STAGE_CHECKING_OUT, /* the files of the working copy */
} AmendSyncStage;

/* One report of progress; done <= total when total is known (else 0). */
typedef struct {
  AmendSyncStage stage;
  guint          done;
  guint          total;
  guint64        bytes;
  gint64         time;   /* g_get_monotonic_time () when it was made */
} AmendSyncProgress;

const char *amend_sync_stage_describe (AmendSyncStage stage);

#define AMEND_TYPE_SYNC_JOB (amend_sync_job_get_type ())

G_DECLARE_FINAL_TYPE (AmendSyncJob, amend_sync_job, AMEND, SYNC_JOB, GObject)

/* Called at most every AMEND_SYNC_PROGRESS_INTERVAL, and once more when a
 * stage starts or ends. */
typedef void (*AmendSyncProgressFunc)    (AmendSyncJob            *job,
                                          const AmendSyncProgress *progress,
                                          gpointer                 user_data);
/* Called when the remote wants a user name and password (or a key's
 * passphrase).  It answers @request now or later, from any thread:
 * amend_credential_request_answer / _decline / _fail.  The transfer waits
 * (and can still be cancelled meanwhile). */
typedef void (*AmendSyncCredentialsFunc) (AmendSyncJob            *job,
                                          AmendCredentialRequest  *request,
                                          gpointer                 user_data);

#define AMEND_SYNC_PROGRESS_INTERVAL (200 * G_TIME_SPAN_MILLISECOND)
#define AMEND_SYNC_DEFAULT_TIMEOUT   30

AmendSyncJob *amend_sync_job_new                  (GCancellable            *cancellable);
GCancellable *amend_sync_job_get_cancellable      (AmendSyncJob            *self);
void          amend_sync_job_cancel               (AmendSyncJob            *self);
void          amend_sync_job_set_progress_func    (AmendSyncJob            *self,
                                                   AmendSyncProgressFunc    func,
                                                   gpointer                 user_data,
                                                   GDestroyNotify           destroy);
void          amend_sync_job_set_credentials_func (AmendSyncJob            *self,
                                                   AmendSyncCredentialsFunc func,
                                                   gpointer                 user_data,
                                                   GDestroyNotify           destroy);
/* Seconds a remote may be silent (and a connection take) before the
 * transfer stops with AMEND_SYNC_ERROR_TIMEOUT; 0 for the default, which
 * the environment variable AMEND_NETWORK_TIMEOUT overrides. */
void          amend_sync_job_set_timeout          (AmendSyncJob            *self,
                                                   guint                    seconds);
guint         amend_sync_job_get_timeout          (AmendSyncJob            *self);
/* TRUE while the job changes the repository: a cancel waits for the end
 * of that step (refs and files are never left half-moved). */
gboolean      amend_sync_job_is_committing        (AmendSyncJob            *self);
/* TRUE while the worker of an _async run has not returned, also after a
 * cancel was reported (it may still wait on the network, and stops when
 * it can; it changes nothing any more). */
gboolean      amend_sync_job_is_running           (AmendSyncJob            *self);

G_END_DECLS
