/* amend-credential-request.h: a remote asks for a user name and password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  AMEND_CREDENTIAL_PASSWORD,    /* user name and password (or token), for HTTP(S) */
  AMEND_CREDENTIAL_PASSPHRASE,  /* the passphrase of an ssh key file */
} AmendCredentialKind;

#define AMEND_TYPE_CREDENTIAL_REQUEST (amend_credential_request_get_type ())

G_DECLARE_FINAL_TYPE (AmendCredentialRequest, amend_credential_request, AMEND, CREDENTIAL_REQUEST, GObject)

AmendCredentialRequest *amend_credential_request_new          (AmendCredentialKind     kind,
                                                               const char             *url,
                                                               const char             *username,
                                                               guint                   attempt);
AmendCredentialKind     amend_credential_request_get_kind     (AmendCredentialRequest *self);
/* The address without user info or password. */
const char             *amend_credential_request_get_url      (AmendCredentialRequest *self);
/* The user name of the address (or of the key), or NULL. */
const char             *amend_credential_request_get_username (AmendCredentialRequest *self);
/* 1 the first time; more when the remote did not accept the last answer. */
guint                   amend_credential_request_get_attempt  (AmendCredentialRequest *self);
/* For PASSPHRASE: the key file. */
const char             *amend_credential_request_get_key_file (AmendCredentialRequest *self);
void                    amend_credential_request_set_key_file (AmendCredentialRequest *self,
                                                               const char             *path);

/* Exactly one of these, once. */
void                    amend_credential_request_answer       (AmendCredentialRequest *self,
                                                               const char             *username,
                                                               const char             *password);
/* The user would rather stop: the transfer ends as cancelled. */
void                    amend_credential_request_decline      (AmendCredentialRequest *self);
/* Nothing could be asked (no terminal, no helper): the transfer ends with
 * AMEND_SYNC_ERROR_AUTH and @reason. */
void                    amend_credential_request_fail         (AmendCredentialRequest *self,
                                                               const char             *reason);

/* For the one that waits. */
gboolean                amend_credential_request_wait         (AmendCredentialRequest *self,
                                                               GCancellable           *cancellable);
gboolean                amend_credential_request_is_answered  (AmendCredentialRequest *self);
gboolean                amend_credential_request_is_declined  (AmendCredentialRequest *self);
const char             *amend_credential_request_get_failure  (AmendCredentialRequest *self);
/* The answer; the password is wiped when the request is finalized. */
const char             *amend_credential_request_get_answer_username (AmendCredentialRequest *self);
const char             *amend_credential_request_get_answer_password (AmendCredentialRequest *self);

/* Ways to find an answer without a dialog (the CLI uses them in turn; the
 * window may try the first before it shows its own):
 * git's credential helpers through `git credential fill`, never asking on
 * the terminal and never storing anything; */
gboolean amend_credentials_from_git_helpers (const char  *url,
                                             const char  *username,
                                             char       **out_username,
                                             char       **out_password);
/* a program such as $GIT_ASKPASS, run with @prompt, that prints the answer. */
gboolean amend_credentials_from_askpass     (const char  *program,
                                             const char  *prompt,
                                             char       **answer);

G_END_DECLS
