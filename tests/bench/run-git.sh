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
#   and 1,000 and 5,000 amendment branches (BENCH_BRANCHES="1000 5000"),
#   each one commit that changes one article and adds its record:
#   `amend list --json` (which reads every record, counts commits ahead of
#   and behind main and finds the articles each amendment touches) beside
#   `git for-each-ref` (which only lists the branches).  amend list runs
#   cold (no .git/amend, as in a fresh clone: the articles come from each
#   branch's artikelen file, which amend save writes and the generator
#   writes as it would), cold without those files (AMEND_TOUCHED_STORED=0:
#   every changed blob read and compared; checked to give the same list)
#   and warm (the caches of the run before);
# - a history of 5,000 commits, four in five changing the regulation:
#   `amend log regeling.md` beside `git log -- regeling.md` (author, date
#   and message of each commit, as amend log shows them) and `git log
#   --format=%H -- regeling.md` (the ids alone).
#
# Both sides are whole processes (measure.py): the median CPU time (user +
# system) of the runs after one to warm the page cache, the median wall
# clock, the peak memory, and the instructions of one run under callgrind
# when valgrind is there (not for the cold list that reads every regulation:
# BENCH_CALLGRIND=0 leaves them out everywhere).  Nothing is installed
# here: git and python3 must be there.
set -eu

# awk and printf must write "1.5", not "1,5"; EPOCHREALTIME too.
export LC_ALL=C

runs=7
articles=2000
commits=5000
branch_counts=${BENCH_BRANCHES:-1000 5000}

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
command -v python3 > /dev/null 2>&1 ||
  die "python3 is not installed; measure.py times the commands (Debian: apt-get install python3)"
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

measure=$(cd "$(dirname "$0")" && pwd)/measure.py
callgrind=--callgrind
[ "${BENCH_CALLGRIND:-1}" = 0 ] && callgrind=

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-" && b != "-") printf "%.1f", a / b; else printf "-" }'
}

mega () {
  awk -v n="$1" 'BEGIN { if (n == "-") printf "-"; else printf "%.0f", n / 1e6 }'
}

row () {
  printf '  %-52s %8s %8s %9s %8s %6s\n' "$@"
}

"$gen" "$articles" > "$tmp/regulation.md"
"$gen" 50 > "$tmp/small.md"

for branches in $branch_counts; do
  repo=$tmp/branches-$branches
  echo "Building $branches amendment branches with git fast-import ..."
  git init -q "$repo"
  start=$(now_us)
  "$gen_git" branches "$tmp/regulation.md" "$branches" | git -C "$repo" fast-import --quiet
  git -C "$repo" checkout -q main
  end=$(now_us)

  # What amend reports must be right before its time means anything.
  cd "$repo"
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
  "$amend" list --json | cmp -s - "$tmp/list.json" || die "amend list from its caches differs from the list without them"
  # The generator writes each branch's artikelen file as amend save would;
  # the list that reads every regulation instead must say the same.
  rm -rf "$repo/.git/amend"
  AMEND_TOUCHED_STORED=0 "$amend" list --json | cmp -s - "$tmp/list.json" ||
    die "amend list from the branches' artikelen files differs from the list that reads the regulations"

  read -r cold_cpu cold_wall cold_rss cold_i < <(python3 "$measure" --runs 3 $callgrind --setup "rm -rf $repo/.git/amend" -- "$amend" list --json)
  read -r read_cpu read_wall read_rss _ < <(AMEND_TOUCHED_STORED=0 python3 "$measure" --runs 3 --setup "rm -rf $repo/.git/amend" -- "$amend" list --json)
  "$amend" list --json > /dev/null
  read -r warm_cpu warm_wall warm_rss warm_i < <(python3 "$measure" --runs "$runs" $callgrind -- "$amend" list --json)
  read -r refs_cpu refs_wall refs_rss refs_i < <(python3 "$measure" --runs "$runs" $callgrind -- git for-each-ref '--format=%(refname) %(objectname)' refs/heads/amendement)

  echo
  echo "amend list: $branches amendment branches on a regulation of $articles articles" \
       "($(wc -c < "$tmp/regulation.md") bytes), built in $(( (end - start) / 1000 )) ms"
  row "" "CPU ms" "wall ms" "peak KiB" "Minstr" "ratio"
  row "amend list --json, cold (no .git/amend, a fresh clone)" "$cold_cpu" "$cold_wall" "$cold_rss" "$(mega "$cold_i")" "$(ratio "$cold_cpu" "$refs_cpu")"
  row "same, every regulation read (AMEND_TOUCHED_STORED=0)" "$read_cpu" "$read_wall" "$read_rss" "-" "$(ratio "$read_cpu" "$refs_cpu")"
  row "amend list --json, warm (the caches of the run before)" "$warm_cpu" "$warm_wall" "$warm_rss" "$(mega "$warm_i")" "$(ratio "$warm_cpu" "$refs_cpu")"
  row "git for-each-ref --format='%(refname) %(objectname)'" "$refs_cpu" "$refs_wall" "$refs_rss" "$(mega "$refs_i")" "1"
  echo "  (ratio: CPU time / git for-each-ref's; goals: cold at most 10, warm at most 3, memory under 100 MB)"
  cd "$tmp"
  rm -rf "$repo"
done

echo
echo "Building a history of $commits commits with git fast-import ..."
git init -q "$tmp/history"
start=$(now_us)
"$gen_git" history "$tmp/small.md" "$commits" | git -C "$tmp/history" fast-import --quiet
git -C "$tmp/history" checkout -q main
end=$(now_us)
build_history=$(( (end - start) / 1000 ))

cd "$tmp/history"
"$amend" log --json regeling.md | sed -n 's/^ *"id" : "\([0-9a-f]*\)",$/\1/p' > "$tmp/amend-ids"
git log --format=%H -- regeling.md > "$tmp/git-ids"
cmp -s "$tmp/amend-ids" "$tmp/git-ids" || die "amend log and git log list different commits"
logged=$(wc -l < "$tmp/git-ids")
read -r log_cpu log_wall log_rss log_i < <(python3 "$measure" --runs "$runs" $callgrind -- "$amend" log regeling.md)
read -r logj_cpu logj_wall logj_rss logj_i < <(python3 "$measure" --runs "$runs" $callgrind -- "$amend" log --json regeling.md)
# git log as it is typed: each commit with its author, date and message,
# what amend log prints too; and the ids alone, which spares git the
# reading of every author and message.
read -r git_cpu git_wall git_rss git_i < <(python3 "$measure" --runs "$runs" $callgrind -- git log -- regeling.md)
read -r gith_cpu gith_wall gith_rss gith_i < <(python3 "$measure" --runs "$runs" $callgrind -- git log --format=%H -- regeling.md)

echo
echo "amend log: a history of $commits commits, $logged of them change regeling.md, built in ${build_history} ms"
row "" "CPU ms" "wall ms" "peak KiB" "Minstr" "ratio"
row "amend log regeling.md" "$log_cpu" "$log_wall" "$log_rss" "$(mega "$log_i")" "$(ratio "$log_cpu" "$git_cpu") / $(ratio "$log_cpu" "$gith_cpu")"
row "amend log --json regeling.md" "$logj_cpu" "$logj_wall" "$logj_rss" "$(mega "$logj_i")" "$(ratio "$logj_cpu" "$git_cpu") / $(ratio "$logj_cpu" "$gith_cpu")"
row "git log -- regeling.md" "$git_cpu" "$git_wall" "$git_rss" "$(mega "$git_i")" "1"
row "git log --format=%H -- regeling.md" "$gith_cpu" "$gith_wall" "$gith_rss" "$(mega "$gith_i")" "1"
echo "  (ratio: CPU time / git log's, then / git log --format=%H's; goal: at most 1.5 times git log)"

echo
echo "Machine: $(nproc) cores, $(uname -sm), load $(cut -d' ' -f1 /proc/loadavg)."
