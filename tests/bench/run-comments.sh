#!/bin/bash
# run-comments.sh: amend comment list beside git log -- .amend
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-comments.sh BUILD_DIR
#
# Builds a repository: a regulation of 2,000 articles (amend-gen-regulation,
# 1.3 MB) committed on main with git, then 10,000 comments on it written by
# amend-gen-git-bench (anchored by Amend's own code, in 500 commits of 20,
# through git fast-import), then a commit that changes 1 % of the articles.
# It times, in the same run on the same machine:
#
# - `amend comment list --all`: reads the 10,000 comment files from main,
#   threads them and finds each anchor again in the last version (by eId,
#   through the legal diff of the version they were made on, by quote or
#   by a bounded edit distance), text and --json;
# - `git log --format=%H -- .amend`: the commits that touched the comments,
#   the cheapest question git answers about them.
#
# Both are whole processes; times are wall clock, best and median of RUNS
# runs after one run to warm the page cache.  git, python3 and
# /usr/bin/time (Debian package "time") must be there.
set -eu

export LC_ALL=C

runs=5
articles=2000
comments=10000

die () {
  echo "run-comments.sh: $*" >&2
  exit 1
}

if [ $# -ne 1 ]; then
  echo "Usage: run-comments.sh BUILD_DIR" >&2
  exit 2
fi

build_dir=$1
gen=$build_dir/tests/bench/amend-gen-regulation
gen_git=$build_dir/tests/bench/amend-gen-git-bench
amend=$build_dir/app/cli/amend

for tool in git python3; do
  command -v $tool > /dev/null 2>&1 || die "$tool is not installed (Debian: apt-get install $tool)"
done
[ -x /usr/bin/time ] ||
  die "/usr/bin/time is not installed; it measures peak memory (Debian: apt-get install time)"
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

# time_runs COMMAND...: runs COMMAND once to warm up and RUNS times
# measured; prints "best median cpu": wall clock in ms, best and median,
# and the best user + system CPU time, which a machine shared with other
# work changes less than the wall clock.
time_runs () {
  local start end
  : > "$tmp/times"
  : > "$tmp/cpu"
  "$@" > /dev/null
  for _ in $(seq "$runs"); do
    start=$(now_us)
    /usr/bin/time -f '%U %S' -o "$tmp/one" "$@" > /dev/null
    end=$(now_us)
    echo $((end - start)) >> "$tmp/times"
    awk '{ printf "%d\n", ($1 + $2) * 1000000 }' "$tmp/one" >> "$tmp/cpu"
  done
  echo "$(best_median < "$tmp/times") $(sort -n "$tmp/cpu" | awk 'NR == 1 { printf "%.0f", $1 / 1000 }')"
}

peak_rss () {
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null
  cat "$tmp/rss"
}

row () {
  printf '  %-50s %8s %10s %8s %13s\n' "$@"
}

echo "Repository: building with git fast-import ..."
repo=$tmp/project
git init -q "$repo"
"$gen" "$articles" > "$repo/regeling.md"
git -C "$repo" add regeling.md
git -C "$repo" commit -q -m "Eerste versie"
first=$(git -C "$repo" rev-parse HEAD)
start=$(now_us)
"$gen_git" comments "$repo/regeling.md" "$comments" "$first" | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
end=$(now_us)
build_ms=$(( (end - start) / 1000 ))

# What amend reports must be right before its time means anything.
cd "$repo"
"$amend" comment list --all --json > "$tmp/list.json"
read -r listed threads states < <(python3 - "$tmp/list.json" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1]))
n = sum(1 + len(t["replies"]) for t in d["comments"])
states = collections.Counter(t["position"]["state"] for t in d["comments"] if t["position"])
print(n, len(d["comments"]), ",".join(f"{k}={v}" for k, v in sorted(states.items())))
PY
)
[ "$listed" -eq "$comments" ] || die "amend comment list shows $listed comments, not $comments"
logged=$(git log --format=%H -- .amend | wc -l)

read -r text_best text_median text_cpu < <(time_runs "$amend" comment list --all)
read -r json_best json_median json_cpu < <(time_runs "$amend" comment list --all --json)
read -r git_best git_median git_cpu < <(time_runs git log --format=%H -- .amend)
text_rss=$(peak_rss "$amend" comment list --all)
git_rss=$(peak_rss git log --format=%H -- .amend)

echo
echo "amend comment list: $comments comments ($threads threads) on a regulation of $articles articles" \
     "($(wc -c < regeling.md) bytes), listed against a version with 1 % of the articles changed;"
echo "built in ${build_ms} ms; anchors found: $states"
row "" "best ms" "median ms" "CPU ms" "peak RSS KiB"
row "amend comment list --all" "$text_best" "$text_median" "$text_cpu" "$text_rss"
row "amend comment list --all --json" "$json_best" "$json_median" "$json_cpu" ""
row "git log --format=%H -- .amend ($logged commits)" "$git_best" "$git_median" "$git_cpu" "$git_rss"
echo
echo "Each figure is a whole process: wall clock, best and median of $runs runs after"
echo "one warm-up run, and the best user + system CPU time; amend comment list was"
echo "checked to show all $comments comments.  Load average: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Machine: $(nproc) cores, $(uname -sm)."
