#!/bin/bash
# run-gui.sh: amend-gui beside GNOME Text Editor, measured from outside
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-gui.sh BUILD_DIR [RUNS]
#
# Opens a generated regulation of 2,000 articles (1.3 MB) in amend-gui (its
# project) and in gnome-text-editor (the same file), RUNS times each (3),
# taking turns, each in its own Xvfb and D-Bus session with a fresh home,
# and amend-gui once more with GTK's OpenGL renderer forced (GSK_RENDERER=gl:
# where OpenGL is only Mesa's software rasteriser, as under Xvfb, amend-gui
# draws with GTK's cairo renderer, and Text Editor 43 with OpenGL),
# and measures both the same way with amend-bench-window (X Damage and
# XTest, see amend-bench-window.c): the time from the start of the process
# to the first frame whose content equals the final one, the memory, the
# frames drawn and the CPU used while nothing happens, the time from a key
# to the frame that shows it (with Amend's live check running), and the
# frames and CPU after typing.  Prints every run and the medians side by
# side.  Both windows are 1100x720 and the caret does not blink
# (gtk-cursor-blink=false), so a frame while idle is one nothing asked for.
# The figures are read by a person; nothing is checked.
set -eu
export LC_ALL=C.UTF-8

die () {
  echo "run-gui.sh: $*" >&2
  exit 1
}

[ $# -ge 1 ] || die "usage: run-gui.sh BUILD_DIR [RUNS]"
build=$(cd "$1" && pwd)
runs=${2:-3}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
gui="$build/app/gui/amend-gui"
gen="$build/tests/bench/amend-gen-regulation"
win="$build/tests/bench/amend-bench-window"
[ -x "$gui" ] || die "$gui is not built (is the gui option on?)"
[ -x "$gen" ] || die "$gen is not built"
[ -x "$win" ] || die "$win is not built (needs the Debian packages libx11-dev, libxdamage-dev, libxtst-dev)"

# The peer is installed here when missing, as .ci/setup installs Amend's needs.
needed=()
for p in gnome-text-editor xvfb xauth dbus git; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || needed+=("$p")
done
if [ ${#needed[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${needed[*]}"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${needed[@]}" >/dev/null
fi
command -v gnome-text-editor >/dev/null || die "gnome-text-editor is missing (apt-get install gnome-text-editor)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.nl
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.nl
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export AMEND_DATA_DIR="$source_dir/data" AMEND_NON_UNIQUE=1 GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1

# 2,000 articles, once, in a git repository (Amend's project).
mkdir -p "$work/large"
"$gen" 2000 > "$work/large/regeling.md"
git -C "$work/large" init -q -b main
git -C "$work/large" add . && git -C "$work/large" commit -q -m "Groot"
size=$(wc -c < "$work/large/regeling.md")
lines=$(wc -l < "$work/large/regeling.md")

# One run of PROGRAM: a fresh home (no drafts, no session) and project.
measure () {
  local name=$1 run=$2 home="$work/run" renderer=""
  rm -rf "$home" && mkdir -p "$home/config/gtk-4.0"
  printf '[Settings]\ngtk-cursor-blink=false\n' > "$home/config/gtk-4.0/settings.ini"
  cp -r "$work/large" "$home/project"
  local cmd
  if [ "$name" = amend ]; then
    cmd=("$gui" "$home/project")
  elif [ "$name" = amend-gl ]; then
    cmd=("$gui" "$home/project")
    renderer=gl
  else
    cmd=(gnome-text-editor --standalone "$home/project/regeling.md")
  fi
  env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
    XDG_STATE_HOME="$home/state" ${renderer:+GSK_RENDERER=$renderer} timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$win" --keys 40 --size 1100x720 -- "${cmd[@]}" 2>/dev/null \
    | sed -n "s/^window: /$name $run: /p" | tee -a "$work/results"
}

echo "amend-gui $(git -C "$source_dir" rev-parse --short HEAD 2>/dev/null || echo '?') beside" \
  "$(dpkg-query -W -f='gnome-text-editor ${Version}' gnome-text-editor), $(nproc) CPUs," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $((size / 1024)) KB, $lines lines"
for i in $(seq 1 "$runs"); do
  measure amend "$i"
  measure amend-gl "$i"
  measure text-editor "$i"
done

# Medians side by side.
python3 - "$work/results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    head, _, rest = line.partition(": ")
    name = head.split()[0]
    words = rest.split()
    runs.setdefault(name, []).append({words[i]: words[i + 1] for i in range(0, len(words) - 1, 2)})
rows = [("content shown, ms", "first-content-ms", 0), ("last frame of opening, ms", "last-open-frame-ms", 0),
        ("frames after the content was shown", "late-frames", 0), ("VmRSS after opening, MB", "rss-kb", 0),
        ("VmHWM, MB", "hwm-kb", 0), ("frames in 10 s idle", "idle-frames", 0), ("CPU in 10 s idle, ms", "idle-cpu-ms", 0),
        ("keystroke to frame, median ms", "key-median-ms", 1), ("keystroke to frame, worst ms", "key-max-ms", 1),
        ("CPU while typing, ms", "keys-cpu-ms", 0),
        ("frames in 10 s after typing", "rest-frames", 0), ("CPU in 10 s after typing, ms", "rest-cpu-ms", 0)]
names = [("amend", "amend-gui"), ("amend-gl", "amend-gui GL"), ("text-editor", "Text Editor")]
def med(rs, key):
    vals = [float(r[key]) for r in rs if key in r]
    if not vals:
        return None
    v = statistics.median(vals)
    return v / 1024 if key.endswith("-kb") else v
print("\nmedians of " + " / ".join(f"{len(runs.get(n, []))} {label}" for n, label in names) + " runs;"
      " ratios are amend-gui / Text Editor")
print(f"{'':36}" + "".join(f"{label:>14}" for _, label in names) + f"{'ratio':>7}{'GL ratio':>9}")
for label, key, digits in rows:
    vals = [med(runs.get(n, []), key) for n, _ in names]
    cells = "".join(f"{'' if v is None else f'{v:.{digits}f}':>14}" for v in vals)
    peer = vals[2]
    ratios = "".join(f"{'' if v is None or not peer else f'{v / peer:.2f}':>{w}}" for v, w in ((vals[0], 7), (vals[1], 9)))
    print(f"{label:36}{cells}{ratios}")
PY
