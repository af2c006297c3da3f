#!/bin/bash
# run-git.sh: amend list and amend log beside git on large repositories
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-git.sh BUILD_DIR
#
# Builds two repositories with git fast-import (amend-gen-git-bench writes
# the stream) and times, in the same run on the same machine:
#
# - a regulation of 2,000 articles (amend-gen-regulation, 1.3 MB) on main
#   and 1,000 amendment branches, each one commit that changes one article
#   and adds its record: `amend list --json` (which reads every record,
#   counts commits ahead of and behind main and finds the articles each
#   amendment touches) beside `git for-each-ref` (which only lists the
#   branches).  amend list runs cold (no .git/amend/articles.cache, every
#   changed blob read and compared) and warm (the cache of the run before);
# - a history of 5,000 commits, four in five changing the regulation:
#   `amend log regeling.md` beside `git log --format=%H -- regeling.md`.
#
# Both sides are whole processes; times are wall clock, best and median of
# RUNS runs after one run to warm the page cache.  Nothing is installed
# here: git and /usr/bin/time (Debian package "time") must be there.
set -eu

# awk and printf must write "1.5", not "1,5"; EPOCHREALTIME too.
export LC_ALL=C

runs=5
articles=2000
branches=1000
commits=5000

die () {
  echo "run-git.sh: $*" >&2
  exit 1
}

if [ $# -ne 1 ]; then
  echo "Usage: run-git.sh BUILD_DIR" >&2
  exit 2
fi

build_dir=$1
gen=$build_dir/tests/bench/amend-gen-regulation
gen_git=$build_dir/tests/bench/amend-gen-git-bench
amend=$build_dir/app/cli/amend

command -v git > /dev/null 2>&1 ||
  die "git is not installed; it is the baseline of this benchmark (Debian: apt-get install git)"
[ -x /usr/bin/time ] ||
  die "/usr/bin/time is not installed; it measures peak memory (Debian: apt-get install time)"
for exe in "$gen" "$gen_git" "$amend"; do
  [ -x "$exe" ] || die "$exe is missing; build it first: ninja -C $build_dir"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The machine's git configuration stays out of it.
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 XDG_CONFIG_HOME=$tmp/home
mkdir -p "$HOME"
export GIT_CONFIG_GLOBAL=$HOME/.gitconfig
git config --global user.name "Amend Bench"
git config --global user.email bench@example.nl
git config --global init.defaultBranch main

now_us () {
  echo "${EPOCHREALTIME//[!0-9]/}"
}

# Reads times in microseconds, one a line; prints "best median" in ms.
best_median () {
  sort -n | awk '{ t[NR] = $1 / 1000 }
    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%.1f %.1f\n", t[1], m }'
}

# time_runs SETUP -- COMMAND...: runs SETUP (may be :) then COMMAND, once
# to warm up and RUNS times measured; prints "best median" in ms.
time_runs () {
  local setup=$1; shift
  local start end
  : > "$tmp/times"
  $setup; "$@" > /dev/null
  for _ in $(seq "$runs"); do
    $setup
    start=$(now_us)
    "$@" > /dev/null
    end=$(now_us)
    echo $((end - start)) >> "$tmp/times"
  done
  best_median < "$tmp/times"
}

peak_rss () {
  /usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null
  cat "$tmp/rss"
}

row () {
  printf '  %-58s %9s %10s %13s\n' "$@"
}

echo "Repositories: building with git fast-import ..."
"$gen" "$articles" > "$tmp/regulation.md"
git init -q "$tmp/branches"
start=$(now_us)
"$gen_git" branches "$tmp/regulation.md" "$branches" | git -C "$tmp/branches" fast-import --quiet
git -C "$tmp/branches" checkout -q main
end=$(now_us)
build_branches=$(( (end - start) / 1000 ))

"$gen" 50 > "$tmp/small.md"
git init -q "$tmp/history"
start=$(now_us)
"$gen_git" history "$tmp/small.md" "$commits" | git -C "$tmp/history" fast-import --quiet
git -C "$tmp/history" checkout -q main
end=$(now_us)
build_history=$(( (end - start) / 1000 ))

# What amend reports must be right before its time means anything.
cd "$tmp/branches"
"$amend" list --json > "$tmp/list.json"
listed=$(grep -c '"slug"' "$tmp/list.json" || true)
[ "$listed" -eq "$branches" ] || die "amend list found $listed amendments, not $branches"
one_article=$(awk '/"articles" : \[/ { n = 0; inside = 1; next }
                   inside && /\]/ { if (n == 1) ok++; inside = 0; next }
                   inside { n++ }
                   END { print ok / 2 }' "$tmp/list.json")
[ "$one_article" -eq "$branches" ] || die "not every amendment touches exactly one article ($one_article of $branches)"
refs=$(git for-each-ref --format='%(refname) %(objectname)' refs/heads/amendement | wc -l)
[ "$refs" -eq "$branches" ] || die "git for-each-ref lists $refs branches, not $branches"

no_cache () {
  rm -rf .git/amend
}
read -r list_cold_best list_cold_median < <(time_runs no_cache "$amend" list --json)
read -r list_warm_best list_warm_median < <(time_runs : "$amend" list --json)
read -r refs_best refs_median < <(time_runs : git for-each-ref '--format=%(refname) %(objectname)' refs/heads/amendement)
no_cache
list_cold_rss=$(peak_rss "$amend" list --json)
list_warm_rss=$(peak_rss "$amend" list --json)
refs_rss=$(peak_rss git for-each-ref '--format=%(refname) %(objectname)' refs/heads/amendement)

cd "$tmp/history"
"$amend" log --json regeling.md | sed -n 's/^ *"id" : "\([0-9a-f]*\)",$/\1/p' > "$tmp/amend-ids"
git log --format=%H -- regeling.md > "$tmp/git-ids"
cmp -s "$tmp/amend-ids" "$tmp/git-ids" || die "amend log and git log list different commits"
logged=$(wc -l < "$tmp/git-ids")
read -r log_best log_median < <(time_runs : "$amend" log regeling.md)
read -r log_json_best log_json_median < <(time_runs : "$amend" log --json regeling.md)
read -r git_log_best git_log_median < <(time_runs : git log --format=%H -- regeling.md)
log_rss=$(peak_rss "$amend" log regeling.md)
git_log_rss=$(peak_rss git log --format=%H -- regeling.md)

echo
echo "amend list: $branches amendment branches on a regulation of $articles articles" \
     "($(wc -c < "$tmp/regulation.md") bytes), built in ${build_branches} ms"
row "" "best ms" "median ms" "peak RSS KiB"
row "amend list --json, cold (no articles cache)" "$list_cold_best" "$list_cold_median" "$list_cold_rss"
row "amend list --json, warm (cache of the run before)" "$list_warm_best" "$list_warm_median" "$list_warm_rss"
row "git for-each-ref --format='%(refname) %(objectname)'" "$refs_best" "$refs_median" "$refs_rss"

echo
echo "amend log: a history of $commits commits, $logged of them change regeling.md, built in ${build_history} ms"
row "" "best ms" "median ms" "peak RSS KiB"
row "amend log regeling.md" "$log_best" "$log_median" "$log_rss"
row "amend log --json regeling.md" "$log_json_best" "$log_json_median" ""
row "git log --format=%H -- regeling.md" "$git_log_best" "$git_log_median" "$git_log_rss"

echo
echo "Each figure is a whole process, wall clock, best and median of $runs runs"
echo "after one warm-up run; both amend list results were checked ($branches"
echo "amendments, one article each) and amend log lists the commits git log lists."
echo "Machine: $(nproc) cores, $(uname -sm)."
