#!/bin/sh
# Runs a test program as a user without privileges.  Root writes into
# read-only folders, so the test of a read-only folder says nothing when
# run as root, which is how CI runs: there this drops to the user nobody
# (setpriv, util-linux) first.  As any other user it runs the program as
# it is.  The program, the build tree and /tmp must be readable to nobody.
if [ "$(id -u)" -ne 0 ]; then
  exec "$@"
fi
if ! command -v setpriv >/dev/null 2>&1; then
  echo "Bail out! setpriv (util-linux) is needed to run $1 without privileges"
  exit 1
fi
exec setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
