/* amend-transfer.h: one conversation with a remote through libgit2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <git2.h>

#include "amend-sync-private.h"

G_BEGIN_DECLS

typedef struct {
  AmendSyncJob *job;
  char         *url;          /* as given */
  char         *display_url;  /* without user info */
  char         *host;         /* "host" or "host:port", NULL for a local path */
  guint         asked;        /* passwords asked */
  guint         ssh_step;
  gboolean      declined;
  gboolean      auth_failed;
  char         *auth_reason;
  gboolean      cert_failed;
  gboolean      cert_ssh;
  GPtrArray    *rejected;     /* "branch\treason" from the remote after a push */
} AmendTransfer;

void      amend_transfer_init       (AmendTransfer        *t,
                                     const char           *url,
                                     AmendSyncJob         *job);
void      amend_transfer_clear      (AmendTransfer        *t);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmendTransfer, amend_transfer_clear)

/* The callbacks of a fetch, a push or a clone, with @t as payload. */
void      amend_transfer_callbacks  (AmendTransfer        *t,
                                     git_remote_callbacks *callbacks);
void      amend_transfer_proxy      (git_proxy_options    *proxy);
/* Connects to the host once, within the job's timeout, before libgit2
 * does (libgit2 1.5 has no timeout of its own); a local path is looked
 * for instead.  Starts the job's network phase. */
gboolean  amend_transfer_probe      (AmendTransfer        *t,
                                     GError              **error);
/* The error of a failed libgit2 call @rc, as the sentence that says what
 * to do. */
gboolean  amend_transfer_error      (AmendTransfer        *t,
                                     int                   rc,
                                     const char           *what,
                                     GError              **error);

/* file:// and paths: no network. */
gboolean  amend_url_is_local        (const char           *url);
/* A local path made absolute (a remote stored with a relative path would
 * break when the project is moved); other addresses as they are. */
char     *amend_url_normalize       (const char           *url);
/* FALSE with AMEND_SYNC_ERROR_INVALID_URL for an address with a password. */
gboolean  amend_url_check           (const char           *url,
                                     GError              **error);

G_END_DECLS
