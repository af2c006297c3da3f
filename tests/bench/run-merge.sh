#!/bin/bash
# run-merge.sh: adopting an amendment and finding collisions, beside git
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-merge.sh BUILD_DIR
#
# In the same run on the same machine:
#
# - adopt: a regulation of 2,000 articles (amend-gen-regulation, 1.3 MB);
#   amendment "b" (20 articles reworded) is adopted first, so that main has
#   moved, then `amend adopt a` (20 other articles) is timed: the structural
#   merge of the whole regulation, its check, the decision commit, the
#   merge commit and the working copy.  Beside it `git merge-file` on the
#   same three files (merge base, main, amendment), and `git merge --no-ff`
#   of the same branch (a whole merge commit with checkout) for reference.
#   Both sides were written by Amend (the draft by the adoption of b, the
#   amendment checked when submitted), so they are known canonical; a
#   second row times it with that knowledge deleted (.git/amend/canonical),
#   as for a draft last saved by hand.  The floor (amend-bench-git-floor)
#   is what any adoption through libgit2 does before it merges anything:
#   start libgit2, read the two blobs, write the merged one.
#   Every run starts from a fresh copy of the repository.
# - collisions: N submitted amendments on the same regulation
#   (amend-gen-git-bench submitted: every tenth pair changes one article
#   so that both can be adopted, every other tenth so that they conflict);
#   `amend collisions --json` for N = 50, 100 and 200, cold (no articles
#   cache) and warm, to see how it grows with N.
#
# Adopt: whole processes (measure.py), the median CPU time and wall clock
# of RUNS runs after a warm-up run, and the instructions of one run under
# callgrind when valgrind is there (BENCH_CALLGRIND=0 leaves them out):
# they barely move on the shared machine, where times move by tens of
# percent.  Collisions: wall clock, best and median of RUNS runs after a
# warm-up run, and the CPU time of one more run.  git, python3 and
# /usr/bin/time must be installed.
set -eu

export LC_ALL=C

runs=5
articles=2000

die () {
  echo "run-merge.sh: $*" >&2
  exit 1
}

[ $# -eq 1 ] || { echo "Usage: run-merge.sh BUILD_DIR" >&2; exit 2; }
build_dir=$(cd "$1" && pwd)
script_dir=$(cd "$(dirname "$0")" && pwd)
gen=$build_dir/tests/bench/amend-gen-regulation
gen_git=$build_dir/tests/bench/amend-gen-git-bench
floor=$build_dir/tests/bench/amend-bench-git-floor
amend=$build_dir/app/cli/amend

[ -x /usr/bin/time ] || die "/usr/bin/time is not installed; it measures CPU time (Debian: apt-get install time)"
for tool in git python3; do
  command -v $tool > /dev/null 2>&1 || die "$tool is not installed (Debian: apt-get install $tool)"
done
for exe in "$gen" "$gen_git" "$floor" "$amend"; do
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

# time_runs SETUP COMMAND...: SETUP (untimed) before each run.
time_runs () {
  local setup=$1; shift
  local start end
  : > "$tmp/times"
  $setup; "$@" > /dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    $setup
    start=$(now_us)
    "$@" > /dev/null 2>&1 || true
    end=$(now_us)
    echo $((end - start)) >> "$tmp/times"
  done
  best_median < "$tmp/times"
}

row () {
  printf '  %-62s %9s %10s %8s\n' "$@"
}

# CPU time (user + system) of one run of COMMAND, in ms: the machine is
# shared, and wall clock then also counts the others' work.
cpu_ms () {
  local setup=$1; shift
  $setup
  /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" > /dev/null 2>&1 || true
  awk '{ printf "%.0f\n", ($1 + $2) * 1000 }' "$tmp/cpu"
}

# Rewords the first text line of 1% of the articles (from the K-th on,
# every 100th), the same words each time for the same K.  Only the
# regulation's articles: the "### Artikel N" headings of the Toelichting
# (its artikelsgewijze part) are text of one Toelichting, and changes of
# both sides in one node go to the structural merge (amend-merge-splice.c).
reword () {
  python3 - "$1" "$2" <<'PY'
import re, sys
path, k = sys.argv[1], int(sys.argv[2])
lines = open(path, encoding="utf-8").read().split("\n")
end = next((i for i, l in enumerate(lines) if re.match(r"^# (Toelichting|Ondertekening)", l)), len(lines))
heads = [i for i, l in enumerate(lines[:end]) if re.match(r"^#+ Artikel ", l)]
for h in heads[k::100]:
    for j in range(h + 1, min(h + 12, len(lines))):
        if lines[j] and not lines[j].startswith("#"):
            lines[j] = lines[j] + " Aldus gewijzigd (%d)." % k
            break
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
}

echo "Adopt: building the repository with amend ..."
"$gen" "$articles" 7 > "$tmp/regulation.md"
cd "$tmp"
"$amend" init --author "Amend Bench <bench@example.nl>" tpl > /dev/null
cp "$tmp/regulation.md" tpl/regeling.md
"$amend" -C tpl save -m "De verordening" > /dev/null
for name in a b; do
  "$amend" -C tpl propose "$name" > /dev/null
  reword tpl/regeling.md $([ $name = a ] && echo 3 || echo 4)
  "$amend" -C tpl save -m "$name" > /dev/null
  "$amend" -C tpl submit > /dev/null
  "$amend" -C tpl switch main > /dev/null
done
"$amend" -C tpl adopt b > /dev/null

base=$(git -C tpl merge-base main amendement/a)
git -C tpl show "$base:regeling.md" > "$tmp/base.md"
git -C tpl show main:regeling.md > "$tmp/ours.md"
git -C tpl show amendement/a:regeling.md > "$tmp/theirs.md"

# A fresh copy of the repository, its index refreshed as a working copy
# that was not just copied has it (cp gives every file a new ctime).
fresh () {
  rm -rf "$tmp/work"
  cp -a "$tmp/tpl" "$tmp/work"
  git -C "$tmp/work" update-index -q --refresh
}

# The result must hold both amendments' words before its time counts.
fresh
"$amend" -C "$tmp/work" adopt a > /dev/null
for k in 3 4; do
  n=$(grep -c "Aldus gewijzigd ($k)." "$tmp/work/regeling.md" || true)
  want=$(cat "$tmp/base.md" "$tmp/ours.md" "$tmp/theirs.md" | grep -c "Aldus gewijzigd ($k)." || true)
  [ "$n" -gt 0 ] && [ "$n" -eq "$want" ] || die "the adopted regulation holds $n of the $want rewordings $k"
done
[ -z "$(git -C "$tmp/work" status --porcelain)" ] || die "the working copy is not clean after amend adopt"
git_conflicts=$(git merge-file -q -p "$tmp/ours.md" "$tmp/base.md" "$tmp/theirs.md" > /dev/null 2>&1; echo $?)
cp "$tmp/work/regeling.md" "$tmp/merged.md"
[ -s "$tmp/tpl/.git/amend/canonical" ] || die "amend did not remember the sides as canonical"

measure=$script_dir/measure.py
callgrind=--callgrind
[ "${BENCH_CALLGRIND:-1}" = 0 ] && callgrind=
fresh_cmd="rm -rf '$tmp/work' && cp -a '$tmp/tpl' '$tmp/work' && git -C '$tmp/work' update-index -q --refresh"
read -r adopt_cpu adopt_wall _ adopt_ins < <(python3 "$measure" --runs "$runs" $callgrind --setup "$fresh_cmd" -- \
  "$amend" -C "$tmp/work" adopt a)
read -r cold_cpu cold_wall _ cold_ins < <(python3 "$measure" --runs "$runs" $callgrind \
  --setup "$fresh_cmd && rm -f '$tmp/work/.git/amend/canonical'" -- "$amend" -C "$tmp/work" adopt a)
read -r floor_cpu floor_wall _ floor_ins < <(python3 "$measure" --runs "$runs" $callgrind --setup "$fresh_cmd" -- \
  "$floor" "$tmp/work" amendement/a regeling.md "$tmp/merged.md")
read -r full_cpu full_wall _ full_ins < <(AMEND_MERGE_FULL=1 python3 "$measure" --runs "$runs" $callgrind \
  --setup "$fresh_cmd" -- "$amend" -C "$tmp/work" adopt a)
read -r file_cpu file_wall _ file_ins < <(python3 "$measure" --runs "$runs" $callgrind -- \
  git merge-file -q -p "$tmp/ours.md" "$tmp/base.md" "$tmp/theirs.md")
read -r gmerge_cpu gmerge_wall _ gmerge_ins < <(python3 "$measure" --runs "$runs" $callgrind --setup "$fresh_cmd" -- \
  git -C "$tmp/work" merge -q --no-ff --no-edit amendement/a)

minstr () {
  [ "$1" = - ] && echo - || awk -v i="$1" 'BEGIN { printf "%.0f", i / 1e6 }'
}
ratio () {
  { [ "$1" = - ] || [ "$2" = - ]; } && echo - || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 1) }'
}

echo
echo "amend adopt: a regulation of $articles articles ($(wc -c < "$tmp/regulation.md") bytes), main and the"
echo "amendment each rewording 1% of the articles since they parted (git merge-file: $git_conflicts conflicts)"
row "" "CPU ms" "wall ms" "Minstr"
row "amend adopt a (merge, check, two commits, working copy)" "$adopt_cpu" "$adopt_wall" "$(minstr "$adopt_ins")"
row "same, neither side known canonical (read back once)" "$cold_cpu" "$cold_wall" "$(minstr "$cold_ins")"
row "same, the regulation merged structurally (AMEND_MERGE_FULL=1)" "$full_cpu" "$full_wall" "$(minstr "$full_ins")"
row "floor: libgit2 started, two blobs read, the merged one written" "$floor_cpu" "$floor_wall" "$(minstr "$floor_ins")"
row "git merge-file -p ours base theirs (the same three files)" "$file_cpu" "$file_wall" "$(minstr "$file_ins")"
row "git merge --no-ff amendement/a (for reference)" "$gmerge_cpu" "$gmerge_wall" "$(minstr "$gmerge_ins")"
row "amend adopt / git merge-file" "$(ratio "$adopt_cpu" "$file_cpu")" "$(ratio "$adopt_wall" "$file_wall")" \
    "$(ratio "$adopt_ins" "$file_ins")"
row "amend adopt / floor" "$(ratio "$adopt_cpu" "$floor_cpu")" "$(ratio "$adopt_wall" "$floor_wall")" \
    "$(ratio "$adopt_ins" "$floor_ins")"
row "floor / git merge-file" "$(ratio "$floor_cpu" "$file_cpu")" "$(ratio "$floor_wall" "$file_wall")" \
    "$(ratio "$floor_ins" "$file_ins")"
row "amend adopt / git merge --no-ff" "$(ratio "$adopt_cpu" "$gmerge_cpu")" "$(ratio "$adopt_wall" "$gmerge_wall")" \
    "$(ratio "$adopt_ins" "$gmerge_ins")"

echo
echo "amend collisions --json: N submitted amendments on the same regulation"
row "" "best ms" "median ms" "CPU ms"
for n in 50 100 200; do
  rm -rf "$tmp/c$n"
  git init -q "$tmp/c$n"
  "$gen_git" submitted "$tmp/regulation.md" "$n" | git -C "$tmp/c$n" fast-import --quiet
  git -C "$tmp/c$n" checkout -q main
  cd "$tmp/c$n"
  "$amend" collisions --json > "$tmp/collisions.json"
  read -r pairs both < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(len(d["collisions"]), sum(1 for c in d["collisions"] if c["both"]))' "$tmp/collisions.json")
  [ "$pairs" -eq $((n / 5)) ] || die "amend collisions found $pairs pairs among $n, not $((n / 5))"
  [ "$both" -eq $((n / 10)) ] || die "amend collisions found $both pairs that can both be adopted, not $((n / 10))"
  no_cache () { rm -rf .git/amend; }
  read -r cold_best cold_median < <(time_runs no_cache "$amend" collisions --json)
  read -r warm_best warm_median < <(time_runs : "$amend" collisions --json)
  read -r list_best list_median < <(time_runs : "$amend" list --json)
  cold_cpu=$(cpu_ms no_cache "$amend" collisions --json)
  warm_cpu=$(cpu_ms : "$amend" collisions --json)
  list_cpu=$(cpu_ms : "$amend" list --json)
  paper_cpu=$(cpu_ms : "$amend" paper -o "$tmp/paper.html")
  grep -q "<h2>$n\. " "$tmp/paper.html" || die "amend paper did not number all $n amendments"
  row "$n amendments, $pairs pairs: collisions, cold (no articles cache)" "$cold_best" "$cold_median" "$cold_cpu"
  row "$n amendments: collisions, warm" "$warm_best" "$warm_median" "$warm_cpu"
  row "$n amendments: list --json, warm (what collisions starts from)" "$list_best" "$list_median" "$list_cpu"
  row "$n amendments: paper of all submitted (voting order, renvooi)" "" "" "$paper_cpu"
  cd "$tmp"
done

echo
echo "Each figure is a whole process.  Adopt: median CPU time (user + system) and wall"
echo "clock of $runs runs after a warm-up run, instructions of one run under callgrind."
echo "Collisions: wall clock, best and median of $runs runs after one warm-up run, and"
echo "the CPU time of one more run.  The adopted regulation and the pairs found were checked."
echo "Machine: $(nproc) cores, $(uname -sm)."
