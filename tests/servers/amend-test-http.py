#!/usr/bin/env python3
# amend-test-http.py: git's smart HTTP (git http-backend) behind basic authentication
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: amend-test-http.py ROOT [--user U --password P] [--slow BYTES] [--tls CERT KEY]
#
# Serves the repositories under ROOT on 127.0.0.1, on a free port that it
# prints as the first line of its standard output.  Every request runs
# `git http-backend` as a CGI program (as Apache or lighttpd would), with
# REMOTE_USER set once the basic authentication passed, so that pushes
# (receive-pack) are allowed.  --slow sends at most BYTES bytes of each
# response a second, for tests that stop a transfer half way.  --tls serves
# HTTPS with the certificate CERT and its key KEY.  Only the
# standard library is used; the tests start and stop it themselves.

import argparse
import base64
import http.server
import os
import ssl
import subprocess
import sys
import time


def read_body(handler):
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            size_line = handler.rfile.readline()
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                handler.rfile.readline()
                return bytes(body)
            body += handler.rfile.read(size)
            handler.rfile.readline()
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("amend-test-http: " + (fmt % args) + "\n")

    def authorized(self):
        if self.server.user is None:
            return True
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        except ValueError:
            return False
        return user == self.server.user and password == self.server.password

    def refuse(self):
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="amend"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def cgi_environment(self, body):
        path, _, query = self.path.partition("?")
        env = dict(os.environ)
        env.update({
            "GIT_PROJECT_ROOT": self.server.root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "GATEWAY_INTERFACE": "CGI/1.1",
            "SERVER_PROTOCOL": "HTTP/1.0",
            "REQUEST_METHOD": self.command,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REMOTE_ADDR": self.client_address[0],
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
        })
        if self.server.user is not None:
            env["REMOTE_USER"] = self.server.user
        else:
            env["REMOTE_USER"] = "anonymous"
        if self.headers.get("Content-Encoding"):
            env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
        if self.headers.get("Git-Protocol"):
            env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
        return env

    def send_slowly(self, data):
        rate = self.server.slow
        if not rate:
            self.wfile.write(data)
            return
        step = max(1, rate // 10)
        for start in range(0, len(data), step):
            self.wfile.write(data[start:start + step])
            self.wfile.flush()
            time.sleep(0.1)

    def run_backend(self):
        if not self.authorized():
            self.refuse()
            return
        body = read_body(self)
        result = subprocess.run(["git", "http-backend"], input=body, env=self.cgi_environment(body),
                                stdout=subprocess.PIPE, check=False)
        head, _, content = result.stdout.partition(b"\r\n\r\n")
        if not _:
            head, _, content = result.stdout.partition(b"\n\n")
        status = 200
        headers = []
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.strip().split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.send_slowly(content)

    def do_GET(self):
        self.run_backend()

    def do_POST(self):
        self.run_backend()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--slow", type=int, default=0)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    server.root = os.path.abspath(args.root)
    server.user = args.user
    server.password = args.password or ""
    server.slow = args.slow
    server.verbose = args.verbose
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
