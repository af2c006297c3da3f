#!/bin/bash
# run-gui.sh: how fast amend-gui opens, how fast it answers a keystroke
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-gui.sh BUILD_DIR
#
# Under Xvfb, for the example project and for a project with a generated
# regulation of 2,000 articles, prints what amend-gui reports with
# AMEND_PROFILE=1 (app/gui/amend-profile.c): the time from the start of
# the process to the first frame that shows the text, the memory (VmRSS)
# then, and for the large one the time from a keystroke in the middle of
# the text to the frame that shows it, while the live check of the whole
# regulation runs in its worker thread.  Each run three times; the figures
# are read by a person.
set -eu
export LC_ALL=C.UTF-8

die () {
  echo "run-gui.sh: $*" >&2
  exit 1
}

[ $# -eq 1 ] || die "usage: run-gui.sh BUILD_DIR"
build=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
gui="$build/app/gui/amend-gui"
gen="$build/tests/bench/amend-gen-regulation"
[ -x "$gui" ] || die "$gui is not built (is the gui option on?)"
[ -x "$gen" ] || die "$gen is not built"
command -v xvfb-run >/dev/null || die "xvfb-run is missing (Debian package xvfb)"
command -v git >/dev/null || die "git is missing"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.nl
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.nl
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export AMEND_DATA_DIR="$source_dir/data" AMEND_NON_UNIQUE=1 GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1
export AMEND_PROFILE=1 AMEND_PROFILE_QUIT=1
mkdir -p "$HOME"

# The example project, made once (amend-gui --example makes it on first use).
mkdir -p "$work/example"
cp "$source_dir/data/example/apv-lindewaarde.md" "$work/example/"
git -C "$work/example" init -q -b main
git -C "$work/example" add . && git -C "$work/example" commit -q -m "Voorbeeld"

# 2,000 articles.
mkdir -p "$work/large"
"$gen" 2000 > "$work/large/regeling.md"
git -C "$work/large" init -q -b main
git -C "$work/large" add . && git -C "$work/large" commit -q -m "Groot"
size=$(wc -c < "$work/large/regeling.md")

run () {
  local label=$1 dir=$2 keys=$3
  for i in 1 2 3; do
    AMEND_PROFILE_KEYS=$keys timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "$gui" "$dir" 2>/dev/null \
      | sed -n "s/^amend-profile: /$label run $i: /p"
  done
}

echo "amend-gui $(git -C "$source_dir" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) CPUs"
run "example (401 lines)" "$work/example" 0
run "2000 articles ($((size / 1024)) KB)" "$work/large" 40
