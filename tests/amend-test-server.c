/* amend-test-server.c: real git servers on 127.0.0.1, started by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The servers are the programs a municipality would run: git daemon, git
 * http-backend behind a web server with basic authentication, sshd.  Each
 * listens on a free port of 127.0.0.1 and is stopped by the test that
 * started it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "amend-test-git.h"
#include "amend-test-server.h"
#include "amend-test-util.h"

struct _AmendTestServer {
  char        *scheme;
  guint16      port;
  GSubprocess *process;
  char        *dir;        /* files of the server (sshd) */
  GSocket     *listener;   /* silent and full */
  GPtrArray   *sockets;
  GThread     *thread;
  gboolean     stop;
};

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Waits until something listens on @port, for at most ten seconds. */
static gboolean
wait_for_port (guint16 port)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) c = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);

      if (c != NULL)
        return TRUE;
      g_usleep (50 * 1000);
    }
  return FALSE;
}

/* A server dies with the test that started it, also when that test
 * fails: a server left running would keep meson waiting for its output. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn (GSubprocessFlags     flags,
       const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

static AmendTestServer *
server_new (const char *scheme)
{
  AmendTestServer *server = g_new0 (AmendTestServer, 1);

  server->scheme = g_strdup (scheme);
  return server;
}

AmendTestServer *
amend_test_server_git_daemon (const char *root)
{
  AmendTestServer *server = server_new ("git");
  g_autofree char *port = NULL;
  g_autofree char *base = g_strconcat ("--base-path=", root, NULL);

  server->port = free_port ();
  port = g_strdup_printf ("--port=%u", server->port);
  {
    const char *argv[] = { "git", "daemon", "--export-all", "--enable=receive-pack", "--reuseaddr",
                           "--listen=127.0.0.1", port, base, root, NULL };

    server->process = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv);
  }
  g_assert_true (wait_for_port (server->port));
  return server;
}

static gboolean run_quietly (const char * const *argv);

static AmendTestServer *
http_server (const char *root,
             const char *user,
             const char *password,
             guint       slow,
             const char *tls_dir)
{
  AmendTestServer *server = server_new (tls_dir ? "https" : "http");
  g_autofree char *script = amend_test_source_path ("tests/servers/amend-test-http.py");
  g_autofree char *slow_text = g_strdup_printf ("%u", slow);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  /* The system's Python: a per-user one (pyenv) may need the HOME that
   * the tests replace. */
  g_ptr_array_add (argv, g_strdup (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3"
                                                                                                 : "python3"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup (root));
  if (user)
    {
      g_ptr_array_add (argv, g_strdup ("--user"));
      g_ptr_array_add (argv, g_strdup (user));
      g_ptr_array_add (argv, g_strdup ("--password"));
      g_ptr_array_add (argv, g_strdup (password));
    }
  if (tls_dir)
    {
      g_ptr_array_add (argv, g_strdup ("--tls"));
      g_ptr_array_add (argv, g_build_filename (tls_dir, "cert.pem", NULL));
      g_ptr_array_add (argv, g_build_filename (tls_dir, "key.pem", NULL));
    }
  g_ptr_array_add (argv, g_strdup ("--slow"));
  g_ptr_array_add (argv, g_strdup (slow_text));
  g_ptr_array_add (argv, NULL);
  server->process = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           (const char * const *) argv->pdata);
  /* The first line is the port it listens on. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  server->port = (guint16) g_ascii_strtoull (line, NULL, 10);
  g_assert_true (wait_for_port (server->port));
  return server;
}

AmendTestServer *
amend_test_server_http (const char *root,
                        const char *user,
                        const char *password,
                        guint       slow)
{
  return http_server (root, user, password, slow, NULL);
}

/* A certificate of its own, signed by nobody the system trusts: what a
 * wrong address, or someone in between, shows. */
AmendTestServer *
amend_test_server_https_untrusted (const char *root)
{
  g_autofree char *dir = amend_test_tmpdir ("amend-tls");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                         "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL };
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  AmendTestServer *server;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed; it makes the certificate of the HTTPS server");
      return NULL;
    }
  g_assert_true (run_quietly (argv));
  server = http_server (root, NULL, NULL, 0, dir);
  return server;
}

static gboolean
run_quietly (const char * const *argv)
{
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static char *
first_two_fields (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  fields = g_strsplit (g_strstrip (text), " ", 3);
  return g_strdup_printf ("%s %s", fields[0], fields[1]);
}

static void
write_ssh_config (AmendTestServer *server,
                  gboolean         known)
{
  const char *home = g_get_home_dir ();
  g_autofree char *ssh_dir = g_build_filename (home, ".ssh", NULL);
  g_autofree char *key = g_build_filename (ssh_dir, "id_ed25519", NULL);
  g_autofree char *pub = g_strconcat (key, ".pub", NULL);
  g_autofree char *host_key = g_build_filename (server->dir, "host_key", NULL);
  g_autofree char *host_pub = g_strconcat (host_key, ".pub", NULL);
  g_autofree char *authorized = g_build_filename (server->dir, "authorized_keys", NULL);
  g_autofree char *known_hosts = g_build_filename (ssh_dir, "known_hosts", NULL);
  g_autofree char *config = NULL;
  g_autofree char *config_path = g_build_filename (server->dir, "sshd_config", NULL);
  g_autofree char *pub_text = NULL;
  g_autofree char *host_line = NULL;
  g_autofree char *host_fields = NULL;
  const char *keygen_host[] = { "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", host_key, NULL };
  const char *keygen_user[] = { "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key, NULL };

  g_mkdir_with_parents (ssh_dir, 0700);
  g_assert_true (run_quietly (keygen_host));
  if (!g_file_test (key, G_FILE_TEST_EXISTS))
    g_assert_true (run_quietly (keygen_user));
  g_assert_true (g_file_get_contents (pub, &pub_text, NULL, NULL));
  g_assert_true (g_file_set_contents (authorized, pub_text, -1, NULL));
  host_fields = first_two_fields (host_pub);
  host_line = g_strdup_printf ("[127.0.0.1]:%u %s\n", server->port, host_fields);
  g_assert_true (g_file_set_contents (known_hosts, known ? host_line : "", -1, NULL));
  config = g_strdup_printf ("Port %u\nListenAddress 127.0.0.1\nHostKey %s\nPidFile %s/sshd.pid\n"
                            "AuthorizedKeysFile %s\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n"
                            "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\nPermitRootLogin yes\n"
                            "LogLevel ERROR\n",
                            server->port, host_key, server->dir, authorized);
  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));
}

AmendTestServer *
amend_test_server_sshd (gboolean known)
{
  AmendTestServer *server;
  g_autofree char *config = NULL;
  g_autofree char *keygen = g_find_program_in_path ("ssh-keygen");
  const char *sshd = "/usr/sbin/sshd";

  if (!g_file_test (sshd, G_FILE_TEST_IS_EXECUTABLE) || keygen == NULL)
    {
      g_test_skip ("sshd is not installed (Debian: apt-get install openssh-server); the ssh transport is not tested");
      return NULL;
    }
  /* sshd started by root wants its privilege separation folder. */
  if (geteuid () == 0 && !g_file_test ("/run/sshd", G_FILE_TEST_IS_DIR) && g_mkdir_with_parents ("/run/sshd", 0755) != 0)
    {
      g_test_skip ("sshd needs /run/sshd, which cannot be made here; the ssh transport is not tested");
      return NULL;
    }
  server = server_new ("ssh");
  server->dir = amend_test_tmpdir ("amend-sshd");
  server->port = free_port ();
  write_ssh_config (server, known);
  config = g_build_filename (server->dir, "sshd_config", NULL);
  {
    const char *argv[] = { sshd, "-D", "-f", config, NULL };

    server->process = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv);
  }
  if (!wait_for_port (server->port))
    {
      amend_test_server_stop (server);
      g_test_skip ("sshd did not start here; the ssh transport is not tested");
      return NULL;
    }
  return server;
}

static gpointer
accept_silently (gpointer data)
{
  AmendTestServer *server = data;

  while (!server->stop)
    {
      GSocket *client = g_socket_accept (server->listener, NULL, NULL);

      if (client == NULL)
        break;
      g_ptr_array_add (server->sockets, client);
    }
  return NULL;
}

static GSocket *
listen_on_loopback (AmendTestServer *server,
                    int              backlog)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  g_socket_set_listen_backlog (socket, backlog);
  g_assert_true (g_socket_listen (socket, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

AmendTestServer *
amend_test_server_silent (void)
{
  AmendTestServer *server = server_new ("git");

  server->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  server->listener = listen_on_loopback (server, 8);
  server->thread = g_thread_new ("silent", accept_silently, server);
  return server;
}

/* Linux completes the handshake of backlog + 1 connections that nobody
 * accepts, then drops the SYNs of the next: its connect waits. */
AmendTestServer *
amend_test_server_full (void)
{
  AmendTestServer *server = server_new ("git");

  server->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  server->listener = listen_on_loopback (server, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) target = g_inet_socket_address_new (loopback, server->port);
      GSocket *client = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

      g_socket_set_blocking (client, FALSE);
      g_socket_connect (client, target, NULL, NULL);
      g_ptr_array_add (server->sockets, client);
    }
  g_usleep (200 * 1000);
  return server;
}

char *
amend_test_server_url (AmendTestServer *server,
                       const char      *path)
{
  if (g_strcmp0 (server->scheme, "ssh") == 0)
    return g_strdup_printf ("ssh://%s@127.0.0.1:%u%s", g_get_user_name (), server->port, path);
  return g_strdup_printf ("%s://127.0.0.1:%u/%s", server->scheme, server->port, path);
}

guint16
amend_test_server_port (AmendTestServer *server)
{
  return server->port;
}

void
amend_test_server_stop (AmendTestServer *server)
{
  if (server == NULL)
    return;
  if (server->process)
    {
      g_subprocess_send_signal (server->process, SIGTERM);
      g_subprocess_wait (server->process, NULL, NULL);
      g_clear_object (&server->process);
    }
  if (server->listener)
    {
      server->stop = TRUE;
      g_socket_shutdown (server->listener, TRUE, TRUE, NULL);
      g_socket_close (server->listener, NULL);
      if (server->thread)
        g_thread_join (server->thread);
      g_clear_object (&server->listener);
    }
  g_clear_pointer (&server->sockets, g_ptr_array_unref);
  if (server->dir)
    amend_test_rmtree (server->dir);
  g_free (server->dir);
  g_free (server->scheme);
  g_free (server);
}
