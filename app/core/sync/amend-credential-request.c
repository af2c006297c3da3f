/* amend-credential-request.c: a remote asks for a user name and password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The transfer runs in a worker thread and waits on the request; the one
 * that answers (a terminal prompt, a dialog in the main thread) may do so
 * from any thread.  Passwords live only here and are wiped when the
 * request goes; nothing is written to the repository or to a log.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-credential-request.h"

struct _AmendCredentialRequest
{
  GObject             parent_instance;

  AmendCredentialKind kind;
  char               *url;
  char               *username;
  char               *key_file;
  guint               attempt;

  GMutex              lock;
  GCond               cond;
  gboolean            done;
  gboolean            declined;
  char               *failure;
  char               *answer_username;
  char               *answer_password;
};

G_DEFINE_FINAL_TYPE (AmendCredentialRequest, amend_credential_request, G_TYPE_OBJECT)

static void
wipe (char **secret)
{
  if (*secret != NULL)
    explicit_bzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
amend_credential_request_finalize (GObject *object)
{
  AmendCredentialRequest *self = (AmendCredentialRequest *) object;

  wipe (&self->answer_password);
  g_free (self->answer_username);
  g_free (self->failure);
  g_free (self->url);
  g_free (self->username);
  g_free (self->key_file);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (amend_credential_request_parent_class)->finalize (object);
}

static void
amend_credential_request_class_init (AmendCredentialRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amend_credential_request_finalize;
}

static void
amend_credential_request_init (AmendCredentialRequest *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

AmendCredentialRequest *
amend_credential_request_new (AmendCredentialKind kind,
                              const char         *url,
                              const char         *username,
                              guint               attempt)
{
  AmendCredentialRequest *self = g_object_new (AMEND_TYPE_CREDENTIAL_REQUEST, NULL);

  self->kind = kind;
  self->url = g_strdup (url);
  self->username = username && *username ? g_strdup (username) : NULL;
  self->attempt = attempt;
  return self;
}

AmendCredentialKind
amend_credential_request_get_kind (AmendCredentialRequest *self)
{
  g_return_val_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self), AMEND_CREDENTIAL_PASSWORD);
  return self->kind;
}

const char *
amend_credential_request_get_url (AmendCredentialRequest *self)
{
  g_return_val_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self), NULL);
  return self->url;
}

const char *
amend_credential_request_get_username (AmendCredentialRequest *self)
{
  g_return_val_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self), NULL);
  return self->username;
}

guint
amend_credential_request_get_attempt (AmendCredentialRequest *self)
{
  g_return_val_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self), 0);
  return self->attempt;
}

const char *
amend_credential_request_get_key_file (AmendCredentialRequest *self)
{
  g_return_val_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self), NULL);
  return self->key_file;
}

void
amend_credential_request_set_key_file (AmendCredentialRequest *self,
                                       const char             *path)
{
  g_return_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self));
  g_free (self->key_file);
  self->key_file = g_strdup (path);
}

/* Marks the request done under the lock; FALSE when it already was. */
static gboolean
finish (AmendCredentialRequest *self,
        const char             *username,
        const char             *password,
        gboolean                declined,
        const char             *failure)
{
  g_mutex_lock (&self->lock);
  if (self->done)
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  self->done = TRUE;
  self->declined = declined;
  self->failure = g_strdup (failure);
  self->answer_username = g_strdup (username);
  self->answer_password = g_strdup (password);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

void
amend_credential_request_answer (AmendCredentialRequest *self,
                                 const char             *username,
                                 const char             *password)
{
  g_return_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self));
  if (!finish (self, username ? username : self->username, password ? password : "", FALSE, NULL))
    g_warning ("a credential request was answered twice");
}

void
amend_credential_request_decline (AmendCredentialRequest *self)
{
  g_return_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self));
  finish (self, NULL, NULL, TRUE, NULL);
}

void
amend_credential_request_fail (AmendCredentialRequest *self,
                               const char             *reason)
{
  g_return_if_fail (AMEND_IS_CREDENTIAL_REQUEST (self));
  finish (self, NULL, NULL, FALSE, reason ? reason : _("no user name and password could be asked"));
}

/* Waits until answered; FALSE when @cancellable was cancelled first (the
 * request then counts as declined). */
gboolean
amend_credential_request_wait (AmendCredentialRequest *self,
                               GCancellable           *cancellable)
{
  gboolean done;

  g_mutex_lock (&self->lock);
  /* The cancellable has no hook into this condition; a short wait in a
   * loop notices a cancel soon enough for a person. */
  while (!self->done && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND);
  done = self->done;
  g_mutex_unlock (&self->lock);
  if (!done)
    finish (self, NULL, NULL, TRUE, NULL);
  return done;
}

gboolean
amend_credential_request_is_answered (AmendCredentialRequest *self)
{
  gboolean answered;

  g_mutex_lock (&self->lock);
  answered = self->done && !self->declined && self->failure == NULL;
  g_mutex_unlock (&self->lock);
  return answered;
}

gboolean
amend_credential_request_is_declined (AmendCredentialRequest *self)
{
  gboolean declined;

  g_mutex_lock (&self->lock);
  declined = self->done && self->declined;
  g_mutex_unlock (&self->lock);
  return declined;
}

const char *
amend_credential_request_get_failure (AmendCredentialRequest *self)
{
  return self->failure;
}

const char *
amend_credential_request_get_answer_username (AmendCredentialRequest *self)
{
  return self->answer_username;
}

const char *
amend_credential_request_get_answer_password (AmendCredentialRequest *self)
{
  return self->answer_password;
}

/* ----------------------------------------------------------------------- */
/* Answers without a dialog                                                 */
/* ----------------------------------------------------------------------- */

/* "protocol=https\nhost=example.nl:8080\npath=a/b.git\nusername=u\n\n", as
 * git-credential(1) reads it. */
static char *
credential_description (const char *url,
                        const char *username)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  const char *path;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  g_string_append_printf (s, "protocol=%s\n", g_uri_get_scheme (uri));
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (s, "host=%s:%d\n", g_uri_get_host (uri), g_uri_get_port (uri));
  else
    g_string_append_printf (s, "host=%s\n", g_uri_get_host (uri));
  path = g_uri_get_path (uri);
  while (path && *path == '/')
    path++;
  if (path && *path)
    g_string_append_printf (s, "path=%s\n", path);
  if (username && *username)
    g_string_append_printf (s, "username=%s\n", username);
  g_string_append_c (s, '\n');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
credential_field (const char *output,
                  const char *key)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; lines[i]; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == '=')
      return g_strdup (lines[i] + key_len + 1);
  return NULL;
}

/* Runs `git credential fill` with only the helpers: no terminal prompt and
 * no askpass program, so that it returns at once when no helper knows the
 * answer.  Nothing is approved back, so no helper stores what a person
 * typed elsewhere. */
gboolean
amend_credentials_from_git_helpers (const char  *url,
                                    const char  *username,
                                    char       **out_username,
                                    char       **out_password)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) git = NULL;
  g_autofree char *input = credential_description (url, username);
  g_autofree char *output = NULL;
  g_autofree char *program = g_find_program_in_path ("git");

  if (input == NULL || program == NULL)
    return FALSE;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GIT_ASKPASS");
  g_subprocess_launcher_unsetenv (launcher, "SSH_ASKPASS");
  git = g_subprocess_launcher_spawn (launcher, NULL, program, "-c", "core.askPass=", "credential", "fill", NULL);
  if (git == NULL || !g_subprocess_communicate_utf8 (git, input, NULL, &output, NULL, NULL) ||
      !g_subprocess_get_if_exited (git) || g_subprocess_get_exit_status (git) != 0 || output == NULL)
    {
      if (output)
        explicit_bzero (output, strlen (output));
      return FALSE;
    }
  *out_username = credential_field (output, "username");
  *out_password = credential_field (output, "password");
  explicit_bzero (output, strlen (output));
  if (*out_password == NULL)
    {
      g_clear_pointer (out_username, g_free);
      return FALSE;
    }
  return TRUE;
}

gboolean
amend_credentials_from_askpass (const char  *program,
                                const char  *prompt,
                                char       **answer)
{
  g_autoptr(GSubprocess) askpass = NULL;
  g_autofree char *output = NULL;
  gsize len;

  askpass = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL, program, prompt, NULL);
  if (askpass == NULL || !g_subprocess_communicate_utf8 (askpass, NULL, NULL, &output, NULL, NULL) ||
      !g_subprocess_get_if_exited (askpass) || g_subprocess_get_exit_status (askpass) != 0 || output == NULL)
    return FALSE;
  len = strlen (output);
  while (len > 0 && (output[len - 1] == '\n' || output[len - 1] == '\r'))
    output[--len] = '\0';
  *answer = g_steal_pointer (&output);
  return TRUE;
}
