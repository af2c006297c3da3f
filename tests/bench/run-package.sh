#!/bin/bash
# run-package.sh: amend package export/import beside git bundle create/git fetch
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-package.sh BUILD_DIR
#
# Builds a project with git fast-import (amend-gen-git-bench writes the
# stream): a regulation of 2,000 articles (amend-gen-regulation, 1.3 MB)
# and a history of 5,000 commits, four in five changing it.  On it one
# amendment is proposed with amend (its record, one changed article, one
# comment).  Then, in the same run:
#
# - amend package export NAME        beside  git bundle create F amendement/NAME ^main
# - amend package import F           beside  git fetch F 'refs/heads/amendement/*:...'
#   (each into a fresh copy of a clone that lacks the amendment)
# - the size of that package beside the package of the whole project
#   (amend package export --all) and git's bundles of the same.
#
# Whole processes, wall clock, best and median of RUNS runs after a
# warm-up, and the median processor time (bash's time: user and system).
# Nothing is installed here: git must be there.
set -eu

export LC_ALL=C

runs=5
articles=2000
commits=5000

die () {
  echo "run-package.sh: $*" >&2
  exit 1
}

if [ $# -ne 1 ]; then
  echo "Usage: run-package.sh BUILD_DIR" >&2
  exit 2
fi

build_dir=$1
gen=$build_dir/tests/bench/amend-gen-regulation
gen_git=$build_dir/tests/bench/amend-gen-git-bench
amend=$build_dir/app/cli/amend

command -v git > /dev/null 2>&1 ||
  die "git is not installed; it is the baseline of this benchmark (Debian: apt-get install git)"
for exe in "$gen" "$gen_git" "$amend"; do
  [ -x "$exe" ] || die "$exe is missing; build it first: ninja -C $build_dir"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME=$tmp/home
mkdir -p "$HOME"
export GIT_CONFIG_GLOBAL=$HOME/.gitconfig
git config --global user.name "Amend Bench"
git config --global user.email bench@example.nl
git config --global init.defaultBranch main

now_us () {
  echo "${EPOCHREALTIME//[!0-9]/}"
}

best_median () {
  sort -n | awk '{ t[NR] = $1 / 1000 }
    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%.1f %.1f\n", t[1], m }'
}

# The processor time (user and system, of the command and its children)
# that bash's time reports, in ms: on a machine shared with other work
# the wall clock waits for a core, this does not.
TIMEFORMAT='%3U %3S'

cpu_median () {
  awk '{ print ($1 + $2) * 1000 }' | sort -n |
    awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
                             printf "%.1f\n", m }'
}

# time_runs SETUP -- COMMAND...: SETUP (not timed) before every run.
time_runs () {
  local setup=$1; shift
  local start end
  : > "$tmp/times"
  : > "$tmp/cpu"
  $setup; "$@" > /dev/null 2>&1
  for _ in $(seq "$runs"); do
    $setup
    start=$(now_us)
    { time "$@" > /dev/null 2>&1; } 2>> "$tmp/cpu"
    end=$(now_us)
    echo $((end - start)) >> "$tmp/times"
  done
  echo "$(best_median < "$tmp/times") $(cpu_median < "$tmp/cpu")"
}

row () {
  printf '  %-62s %9s %10s %10s\n' "$@"
}

size_of () {
  stat -c %s "$1"
}

echo "Project: building a history of $commits commits on $articles articles with git fast-import ..."
"$gen" "$articles" > "$tmp/regulation.md"
git init -q "$tmp/project"
start=$(now_us)
# Dated before now, as a real history is: the amendment's commits are the newest.
"$gen_git" history "$tmp/regulation.md" "$commits" $(( $(date +%s) - 3600 * 24 * 30 )) |
  git -C "$tmp/project" fast-import --quiet
git -C "$tmp/project" checkout -q main
end=$(now_us)
echo "  built in $(( (end - start) / 1000 )) ms"

# The receiver: the project as it was before the amendment.
git clone -q --single-branch --branch main "$tmp/project" "$tmp/receiver"

cd "$tmp/project"
"$amend" propose "Kortere beslistermijn" --motivation "Sneller besluiten." > /dev/null
line=$(grep -n '^## Artikel' regeling.md | sed -n '1000p' | cut -d: -f1)
sed -i "$((line + 2))s/\$/ Gewijzigd door het amendement./" regeling.md
"$amend" save -m "Artikel gewijzigd" > /dev/null
mkdir -p .amend/amendementen/kortere-beslistermijn/opmerkingen
printf 'Waarom?\n' > .amend/amendementen/kortere-beslistermijn/opmerkingen/0f8fad5b.md
"$amend" save -m "Opmerking" > /dev/null
"$amend" switch main > /dev/null

export_amend () {
  "$amend" package export kortere-beslistermijn -o "$tmp/amend.amend"
}
export_git () {
  git bundle create -q "$tmp/git.bundle" amendement/kortere-beslistermijn ^main
}
read -r export_best export_median export_cpu < <(time_runs : export_amend)
read -r bundle_best bundle_median bundle_cpu < <(time_runs : export_git)

# What was written must be what git and Amend read back.
git -C "$tmp/receiver" bundle verify -q "$tmp/amend.amend" 2> /dev/null ||
  die "git bundle verify does not accept Amend's package"

fresh () {
  rm -rf "$tmp/copy"
  cp -a "$tmp/receiver" "$tmp/copy"
}
import_amend () {
  "$amend" -C "$tmp/copy" package import "$tmp/amend.amend"
}
fetch_git () {
  git -C "$tmp/copy" fetch -q "$tmp/git.bundle" 'refs/heads/amendement/*:refs/heads/amendement/*'
}
import_git_bundle () {
  "$amend" -C "$tmp/copy" package import "$tmp/git.bundle"
}
read -r import_best import_median import_cpu < <(time_runs fresh import_amend)
tip=$(git -C "$tmp/project" rev-parse amendement/kortere-beslistermijn)
[ "$(git -C "$tmp/copy" rev-parse amendement/kortere-beslistermijn)" = "$tip" ] ||
  die "amend package import did not bring the amendment"
git -C "$tmp/copy" fsck --strict --no-dangling 2> /dev/null || die "git fsck fails after amend package import"
read -r fetch_best fetch_median fetch_cpu < <(time_runs fresh fetch_git)
read -r import_git_best import_git_median import_git_cpu < <(time_runs fresh import_git_bundle)

echo "Whole project: amend package export --all and git bundle create --all (one run each) ..."
start=$(now_us)
{ time "$amend" package export --all -o "$tmp/all.amend" > /dev/null; } 2> "$tmp/cpu"
end=$(now_us)
all_ms=$(( (end - start) / 1000 ))
all_cpu=$(cpu_median < "$tmp/cpu")
start=$(now_us)
{ time git bundle create -q "$tmp/all.bundle" --all; } 2> "$tmp/cpu"
end=$(now_us)
git_all_ms=$(( (end - start) / 1000 ))
git_all_cpu=$(cpu_median < "$tmp/cpu")

one=$(size_of "$tmp/amend.amend")
all=$(size_of "$tmp/all.amend")
git_one=$(size_of "$tmp/git.bundle")
git_all=$(size_of "$tmp/all.bundle")

echo
echo "One amendment (record, one changed article, one comment) on $commits commits and $articles articles:"
row "" "best ms" "median ms" "CPU ms"
row "amend package export NAME" "$export_best" "$export_median" "$export_cpu"
row "git bundle create F amendement/NAME ^main" "$bundle_best" "$bundle_median" "$bundle_cpu"
row "amend package import F (Amend's package)" "$import_best" "$import_median" "$import_cpu"
row "amend package import F (git's bundle)" "$import_git_best" "$import_git_median" "$import_git_cpu"
row "git fetch F 'refs/heads/amendement/*:refs/heads/amendement/*'" "$fetch_best" "$fetch_median" "$fetch_cpu"
echo
echo "Sizes (bytes):"
printf '  %-40s %12s %12s %8s\n' "" "one" "whole" "one/whole"
printf '  %-40s %12s %12s %7.2f%%\n' "amend package export (thin pack)" "$one" "$all" \
  "$(awk -v a="$one" -v b="$all" 'BEGIN { print 100 * a / b }')"
printf '  %-40s %12s %12s %7.2f%%\n' "git bundle create (thin pack)" "$git_one" "$git_all" \
  "$(awk -v a="$git_one" -v b="$git_all" 'BEGIN { print 100 * a / b }')"
echo "  whole project written in $all_ms ms ($all_cpu ms CPU) by amend, $git_all_ms ms ($git_all_cpu ms CPU) by git"
echo
echo "Each figure is a whole process, wall clock, best and median of $runs runs after"
echo "one warm-up run, and the median processor time (user and system) of those runs;"
echo "the import was checked (the amendment arrived, git fsck --strict)."
echo "Machine: $(nproc) cores, $(uname -sm)."
