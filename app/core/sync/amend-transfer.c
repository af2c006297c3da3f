/* amend-transfer.c: one conversation with a remote through libgit2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The libgit2 callbacks of a transfer: credentials (ssh-agent and key
 * files first, then the job's credentials callback, three times at most),
 * the server's certificate or host key (libgit2's own verdict, against
 * ~/.ssh/known_hosts for ssh), progress and cancellation.  Each callback
 * returns an error once the job is cancelled, which is how a transfer
 * stops: libgit2 has no other way in.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-transfer.h"

#define MAX_ASKS 3

void
amend_transfer_init (AmendTransfer *t,
                     const char    *url,
                     AmendSyncJob  *job)
{
  memset (t, 0, sizeof *t);
  /* A remote's pack claims a number of objects that libgit2 makes room
   * for first; a regulation's history has thousands. */
  git_libgit2_opts (GIT_OPT_SET_PACK_MAX_OBJECTS, (size_t) 10000000);
  t->job = job;
  t->url = g_strdup (url);
  t->display_url = amend_sync_display_url (url);
  t->rejected = g_ptr_array_new_with_free_func (g_free);
}

void
amend_transfer_clear (AmendTransfer *t)
{
  g_clear_pointer (&t->url, g_free);
  g_clear_pointer (&t->display_url, g_free);
  g_clear_pointer (&t->host, g_free);
  g_clear_pointer (&t->auth_reason, g_free);
  g_clear_pointer (&t->rejected, g_ptr_array_unref);
}

/* ----------------------------------------------------------------------- */
/* Addresses                                                                */
/* ----------------------------------------------------------------------- */

/* user@host:path, as git and ssh write it: a colon before any slash. */
static gboolean
is_scp_like (const char *url)
{
  const char *colon = strchr (url, ':');
  const char *slash = strchr (url, '/');

  return strstr (url, "://") == NULL && colon != NULL && colon > url && (slash == NULL || colon < slash);
}

gboolean
amend_url_is_local (const char *url)
{
  return g_str_has_prefix (url, "file://") || (strstr (url, "://") == NULL && !is_scp_like (url));
}

char *
amend_url_normalize (const char *url)
{
  if (strstr (url, "://") == NULL && !is_scp_like (url) && !g_path_is_absolute (url))
    {
      g_autoptr(GFile) file = g_file_new_for_path (url);

      return g_file_get_path (file);
    }
  return g_strdup (url);
}

char *
amend_sync_display_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || strstr (url, "://") == NULL)
    return g_strdup (url);
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_userinfo (uri) == NULL)
    return g_strdup (url);
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri), g_uri_get_port (uri),
                     g_uri_get_path (uri), g_uri_get_query (uri), g_uri_get_fragment (uri));
}

gboolean
amend_url_check (const char *url,
                 GError    **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *shown = amend_sync_display_url (url);

  if (url == NULL || *url == '\0' || strpbrk (url, "\n\r") != NULL)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_INVALID_URL,
                   _("give the address of a project: a folder, or a file://, git://, http(s):// or ssh:// address"));
      return FALSE;
    }
  if (strstr (url, "://") == NULL)
    return TRUE;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_INVALID_URL,
                   _("%s is not an address Amend can use; write it as https://host/path or ssh://user@host/path"), shown);
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL && strchr (g_uri_get_userinfo (uri), ':') != NULL)
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_INVALID_URL,
                   _("the address %s holds a password, which would be stored in the project; "
                     "give it without the password and Amend will ask for it"), shown);
      return FALSE;
    }
  return TRUE;
}

/* Host and port to try, or FALSE for a local path. */
static gboolean
network_address (const char *url,
                 char      **host,
                 guint16    *port)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (amend_url_is_local (url))
    return FALSE;
  if (is_scp_like (url))
    {
      const char *at = strchr (url, '@');
      const char *start = at && at < strchr (url, ':') ? at + 1 : url;

      *host = g_strndup (start, (gsize) (strchr (url, ':') - start));
      *port = 22;
      return TRUE;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  *host = g_strdup (g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    *port = (guint16) g_uri_get_port (uri);
  else if (g_ascii_strcasecmp (scheme, "git") == 0)
    *port = 9418;
  else if (g_ascii_strcasecmp (scheme, "http") == 0)
    *port = 80;
  else if (g_ascii_strcasecmp (scheme, "https") == 0)
    *port = 443;
  else
    *port = 22;
  return TRUE;
}

static gboolean
uses_proxy (const char *url)
{
  const char *vars[] = { "http_proxy", "https_proxy", "HTTPS_PROXY", "HTTP_PROXY", "all_proxy", "ALL_PROXY" };

  if (!g_str_has_prefix (url, "http"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    if (g_getenv (vars[i]) && *g_getenv (vars[i]))
      return TRUE;
  return FALSE;
}

static gboolean
probe_local (AmendTransfer *t,
             GError       **error)
{
  g_autofree char *path = NULL;

  if (g_str_has_prefix (t->url, "file://"))
    path = g_filename_from_uri (t->url, NULL, NULL);
  else
    path = g_strdup (t->url);
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  /* A package given where a project is wanted (amend clone FILE). */
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_FOUND,
                   _("%s is a file, not a project; a package is opened as a new project with amend package open "
                     "FILE DIR, or taken into this one with amend package import FILE"), t->display_url);
      return FALSE;
    }
  g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_FOUND,
               _("there is no project at %s; check the path"), t->display_url);
  return FALSE;
}

gboolean
amend_transfer_probe (AmendTransfer *t,
                      GError       **error)
{
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnectable) address = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *host = NULL;
  guint16 port = 0;
  guint timeout = amend_sync_job_get_timeout (t->job);

  if (!network_address (t->url, &host, &port))
    return probe_local (t, error);
  t->host = g_strdup_printf ("%s:%u", host, port);
  amend_sync_job_begin_network (t->job, t->host);
  amend_sync_job_progress (t->job, AMEND_SYNC_STAGE_CONNECTING, 0, 0, 0);
  if (uses_proxy (t->url))
    return TRUE;
  client = g_socket_client_new ();
  g_socket_client_set_timeout (client, timeout);
  address = g_network_address_new (host, port);
  connection = g_socket_client_connect (client, address, amend_sync_job_cancellable (t->job), &local);
  if (connection != NULL)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return amend_sync_job_set_cancelled_error (t->job, error);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_TIMEOUT,
                 _("%s did not answer within %u seconds; check the address and the network connection "
                   "(nothing was changed in the project)"), t->host, timeout);
  else if (local->domain == G_RESOLVER_ERROR)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_UNREACHABLE,
                 _("cannot find the host %s (%s); check the address and the network connection"), host, local->message);
  else
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_UNREACHABLE,
                 _("cannot reach %s (%s); check the address, and that the server is running"), t->host, local->message);
  return FALSE;
}

/* ----------------------------------------------------------------------- */
/* Credentials                                                              */
/* ----------------------------------------------------------------------- */

static int
ask_password (AmendTransfer    *t,
              git_credential  **out,
              const char       *username)
{
  g_autoptr(AmendCredentialRequest) request = NULL;

  if (t->asked >= MAX_ASKS)
    {
      t->auth_failed = TRUE;
      git_error_set_str (GIT_ERROR_NET, "credentials were not accepted");
      return GIT_EAUTH;
    }
  request = amend_credential_request_new (AMEND_CREDENTIAL_PASSWORD, t->display_url, username, ++t->asked);
  if (!amend_sync_job_ask (t->job, request))
    {
      if (amend_credential_request_is_declined (request) || amend_sync_job_is_cancelled (t->job))
        {
          t->declined = TRUE;
          return GIT_EUSER;
        }
      t->auth_failed = TRUE;
      g_free (t->auth_reason);
      t->auth_reason = g_strdup (amend_credential_request_get_failure (request));
      git_error_set_str (GIT_ERROR_NET, "no credentials");
      return GIT_EAUTH;
    }
  return git_credential_userpass_plaintext_new (out,
                                                amend_credential_request_get_answer_username (request)
                                                  ? amend_credential_request_get_answer_username (request) : "",
                                                amend_credential_request_get_answer_password (request));
}

static char *
key_file (guint index)
{
  const char *names[] = { "id_ed25519", "id_ecdsa", "id_rsa" };

  for (guint i = 0, found = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_get_home_dir (), ".ssh", names[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && found++ == index)
        return g_steal_pointer (&path);
    }
  return NULL;
}

static int
key_credential (git_credential **out,
                const char      *username,
                const char      *path,
                const char      *passphrase)
{
  g_autofree char *public = g_strconcat (path, ".pub", NULL);

  return git_credential_ssh_key_new (out, username, g_file_test (public, G_FILE_TEST_IS_REGULAR) ? public : NULL,
                                     path, passphrase);
}

static int
ask_passphrase (AmendTransfer    *t,
                git_credential  **out,
                const char       *username)
{
  g_autofree char *path = key_file (0);
  g_autoptr(AmendCredentialRequest) request = NULL;

  if (path == NULL || t->asked >= MAX_ASKS)
    {
      t->auth_failed = TRUE;
      git_error_set_str (GIT_ERROR_SSH, "no key was accepted");
      return GIT_EAUTH;
    }
  request = amend_credential_request_new (AMEND_CREDENTIAL_PASSPHRASE, t->display_url, username, ++t->asked);
  amend_credential_request_set_key_file (request, path);
  if (!amend_sync_job_ask (t->job, request))
    {
      t->declined = amend_credential_request_is_declined (request) || amend_sync_job_is_cancelled (t->job);
      t->auth_failed = !t->declined;
      git_error_set_str (GIT_ERROR_SSH, "no passphrase");
      return t->declined ? GIT_EUSER : GIT_EAUTH;
    }
  return key_credential (out, username, path, amend_credential_request_get_answer_password (request));
}

/* The agent, then each key file without a passphrase, then the first key
 * with one asked for. */
static int
ssh_credential (AmendTransfer    *t,
                git_credential  **out,
                const char       *username)
{
  const char *agent = g_getenv ("SSH_AUTH_SOCK");
  guint step = t->ssh_step++;
  g_autofree char *path = NULL;

  if (agent && *agent)
    {
      if (step == 0)
        return git_credential_ssh_key_from_agent (out, username);
      step--;
    }
  if ((path = key_file (step)) != NULL)
    return key_credential (out, username, path, NULL);
  return ask_passphrase (t, out, username);
}

static int
acquire (git_credential **out,
         const char      *url,
         const char      *username_from_url,
         unsigned int     allowed,
         void            *payload)
{
  AmendTransfer *t = payload;

  amend_sync_job_touch (t->job);
  if (amend_sync_job_is_cancelled (t->job))
    return GIT_EUSER;
  if (allowed & GIT_CREDENTIAL_USERNAME)
    return git_credential_username_new (out, username_from_url ? username_from_url : g_get_user_name ());
  if (allowed & GIT_CREDENTIAL_SSH_KEY)
    return ssh_credential (t, out, username_from_url ? username_from_url : g_get_user_name ());
  if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT)
    return ask_password (t, out, username_from_url);
  t->auth_failed = TRUE;
  git_error_set_str (GIT_ERROR_NET, "the server asks for a kind of credentials Amend does not have");
  return GIT_EAUTH;
}

/* libgit2 has judged the certificate (https) or the host key against
 * ~/.ssh/known_hosts (ssh); Amend takes its verdict and only remembers a
 * refusal, to explain it. */
static int
certificate_check (git_cert   *cert,
                   int         valid,
                   const char *host,
                   void       *payload)
{
  AmendTransfer *t = payload;

  amend_sync_job_touch (t->job);
  if (valid)
    return 0;
  t->cert_failed = TRUE;
  t->cert_ssh = cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2;
  return GIT_PASSTHROUGH;
}

/* ----------------------------------------------------------------------- */
/* Progress                                                                 */
/* ----------------------------------------------------------------------- */

static int
transfer_progress (const git_indexer_progress *stats,
                   void                       *payload)
{
  AmendTransfer *t = payload;

  if (amend_sync_job_is_cancelled (t->job))
    return -1;
  /* All received, then resolving: the report that says 100 % received
   * comes before the first delta. */
  if (stats->received_objects == stats->total_objects && stats->indexed_deltas > 0)
    amend_sync_job_progress (t->job, AMEND_SYNC_STAGE_RESOLVING, stats->indexed_deltas, stats->total_deltas,
                             stats->received_bytes);
  else
    amend_sync_job_progress (t->job, AMEND_SYNC_STAGE_RECEIVING, stats->received_objects, stats->total_objects,
                             stats->received_bytes);
  return 0;
}

static int
sideband (const char *text,
          int         len,
          void       *payload)
{
  AmendTransfer *t = payload;

  amend_sync_job_touch (t->job);
  return amend_sync_job_is_cancelled (t->job) ? -1 : 0;
}

static int
pack_progress (int      stage,
               uint32_t current,
               uint32_t total,
               void    *payload)
{
  AmendTransfer *t = payload;

  if (amend_sync_job_is_cancelled (t->job))
    return -1;
  amend_sync_job_progress (t->job,
                           stage == GIT_PACKBUILDER_ADDING_OBJECTS ? AMEND_SYNC_STAGE_COUNTING
                                                                   : AMEND_SYNC_STAGE_COMPRESSING,
                           current, stage == GIT_PACKBUILDER_ADDING_OBJECTS ? 0 : total, 0);
  return 0;
}

static int
push_progress (unsigned int current,
               unsigned int total,
               size_t       bytes,
               void        *payload)
{
  AmendTransfer *t = payload;

  if (amend_sync_job_is_cancelled (t->job))
    return -1;
  amend_sync_job_progress (t->job, AMEND_SYNC_STAGE_WRITING, current, total, bytes);
  return 0;
}

static int
push_update_reference (const char *refname,
                       const char *status,
                       void       *payload)
{
  AmendTransfer *t = payload;

  if (status != NULL)
    g_ptr_array_add (t->rejected, g_strdup_printf ("%s\t%s",
                                                   g_str_has_prefix (refname, "refs/heads/") ? refname + 11 : refname,
                                                   status));
  return 0;
}

void
amend_transfer_callbacks (AmendTransfer        *t,
                          git_remote_callbacks *callbacks)
{
  git_remote_init_callbacks (callbacks, GIT_REMOTE_CALLBACKS_VERSION);
  callbacks->credentials = acquire;
  callbacks->certificate_check = certificate_check;
  callbacks->transfer_progress = transfer_progress;
  callbacks->sideband_progress = sideband;
  callbacks->pack_progress = pack_progress;
  callbacks->push_transfer_progress = push_progress;
  callbacks->push_update_reference = push_update_reference;
  callbacks->payload = t;
}

void
amend_transfer_proxy (git_proxy_options *proxy)
{
  git_proxy_options_init (proxy, GIT_PROXY_OPTIONS_VERSION);
  /* http.proxy of the git configuration, else the environment, as git. */
  proxy->type = GIT_PROXY_AUTO;
}

/* ----------------------------------------------------------------------- */
/* Errors                                                                   */
/* ----------------------------------------------------------------------- */

static gboolean
message_has (const char *message,
             const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (message, -1);

  return strstr (lower, needle) != NULL;
}

static const char *
place (AmendTransfer *t)
{
  return t->host ? t->host : t->display_url;
}

gboolean
amend_transfer_error (AmendTransfer *t,
                      int            rc,
                      const char    *what,
                      GError       **error)
{
  const git_error *e = git_error_last ();
  const char *message = e && e->message ? e->message : _("unknown error");

  if (t->declined || amend_sync_job_is_cancelled (t->job))
    return amend_sync_job_set_cancelled_error (t->job, error);
  if (t->cert_failed && t->cert_ssh)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_CERTIFICATE,
                 _("the host key of %s is not in ~/.ssh/known_hosts, or differs from the one there; "
                   "check it, and accept it once with ssh, then try again"), place (t));
  else if (t->cert_failed)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_CERTIFICATE,
                 _("the certificate of %s is not valid; check the address, or ask its administrator"), place (t));
  else if (t->auth_failed && t->auth_reason != NULL)
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_AUTH,
                 _("%s asks for a user name and password, and %s"), t->display_url, t->auth_reason);
  else if (t->auth_failed || rc == GIT_EAUTH || message_has (message, "authentication") ||
           message_has (message, "401") || message_has (message, "permission denied"))
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_AUTH,
                 _("%s did not accept the user name and password (or key); check them and try again"), t->display_url);
  else if (rc == GIT_EBAREREPO || message_has (message, "non-bare"))
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FAILED,
                 _("%s is another working copy, not a shared project, and nothing is pushed into a working copy "
                   "(it would change the files under its writer's hands); let its writer pull from this project, "
                   "or exchange a package"), t->display_url);
  else if (message_has (message, "not found") || message_has (message, "404") ||
           message_has (message, "not exported") || message_has (message, "could not find repository") ||
           message_has (message, "not a git repository") || message_has (message, "does not appear to be"))
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_NOT_FOUND,
                 _("there is no project at %s (%s); check the address"), t->display_url, message);
  else if (message_has (message, "failed to connect") || message_has (message, "failed to resolve") ||
           message_has (message, "connection refused") || message_has (message, "timed out"))
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_UNREACHABLE,
                 _("cannot reach %s (%s); check the address and the network connection"), place (t), message);
  else
    g_set_error (error, AMEND_SYNC_ERROR, AMEND_SYNC_ERROR_FAILED, "%s: %s", what, message);
  return FALSE;
}
