/* amend-test-server.h: real git servers on 127.0.0.1, started by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AmendTestServer AmendTestServer;

/* git daemon --export-all --enable=receive-pack over @root (git://). */
AmendTestServer *amend_test_server_git_daemon (const char      *root);
/* git http-backend behind tests/servers/amend-test-http.py, with basic
 * authentication when @user is given; @slow limits each response to
 * that many bytes a second (0: no limit). */
AmendTestServer *amend_test_server_http       (const char      *root,
                                               const char      *user,
                                               const char      *password,
                                               guint            slow);
/* sshd with a throw-away host key, accepting the key it writes to
 * $HOME/.ssh/id_ed25519 and listed in $HOME/.ssh/known_hosts when
 * @known; NULL (after g_test_skip saying why) where sshd is missing. */
/* HTTPS with a self-signed certificate (openssl); NULL (after g_test_skip)
 * where openssl is missing. */
AmendTestServer *amend_test_server_https_untrusted (const char *root);
AmendTestServer *amend_test_server_sshd       (gboolean         known);
/* A server that accepts connections and never answers. */
AmendTestServer *amend_test_server_silent     (void);
/* A port whose queue of connections is full, so that a connect waits. */
AmendTestServer *amend_test_server_full       (void);

/* The address of the repository @path (relative to the root; for ssh the
 * absolute path). */
char            *amend_test_server_url        (AmendTestServer *server,
                                               const char      *path);
guint16          amend_test_server_port       (AmendTestServer *server);
void             amend_test_server_stop       (AmendTestServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmendTestServer, amend_test_server_stop)

G_END_DECLS
