#!/usr/bin/env bash
# Benchmark of the legal diff: `amend diff --format json` beside
# `git diff --no-index --word-diff` on the same pairs, in one run.
#   run-diff.sh BUILD_DIR [SHARED_DIR]
#
# Pairs: the 21 consecutive versions of the Gemeentewet in
# SHARED_DIR/corpus/nl-wetten-historie, and generated regulations of 2,000
# and 8,000 articles with 1% of their articles reworded.  Each side is a
# whole process: the median CPU time (user + system) of 7 runs after a
# warm-up, the median wall clock, and the instructions of one run under
# callgrind when valgrind is there (BENCH_CALLGRIND=0 leaves them out);
# measure.py says how.  The ratio is amend / git; the goal is at most 1.
set -eu

export LC_ALL=C

build=$(cd "${1:?usage: run-diff.sh BUILD_DIR [SHARED_DIR]}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
shared=${2:-$src/../shared}
amend=$build/app/cli/amend
gen=$build/tests/bench/amend-gen-regulation
measure=$src/tests/bench/measure.py
callgrind=--callgrind
[ "${BENCH_CALLGRIND:-1}" = 0 ] && callgrind=

for tool in git python3; do
  command -v $tool >/dev/null || { echo "run-diff.sh: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[ -x "$amend" ] || { echo "run-diff.sh: build Amend first (ninja -C $build)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-") printf "%.2f", a / b; else printf "-" }'
}

mega () {
  awk -v n="$1" 'BEGIN { if (n == "-") printf "-"; else printf "%.1f", n / 1e6 }'
}

row () {
  printf '%-36s %9s %9s %6s %9s %9s %6s\n' "$@"
}

# Prints a row for one pair and adds its figures to the totals.
total_ac=0; total_gc=0; total_ai=0; total_gi=0
pair () {
  local label=$1 a=$2 b=$3 ac aw ar ai gc gw gr gi
  read -r ac aw ar ai < <(python3 "$measure" $callgrind -- "$amend" diff --format json "$a" "$b")
  read -r gc gw gr gi < <(python3 "$measure" $callgrind -- git diff --no-index --word-diff "$a" "$b")
  row "$label" "$ac" "$gc" "$(ratio "$ac" "$gc")" "$(mega "$ai")" "$(mega "$gi")" "$(ratio "$ai" "$gi")"
  total_ac=$(awk -v x="$total_ac" -v y="$ac" 'BEGIN { print x + y }')
  total_gc=$(awk -v x="$total_gc" -v y="$gc" 'BEGIN { print x + y }')
  if [ "$ai" != - ] && [ "$gi" != - ]; then
    total_ai=$((total_ai + ai)); total_gi=$((total_gi + gi))
  fi
}

echo "amend diff --format json beside git diff --no-index --word-diff"
echo "(CPU ms: median of 7 whole processes; Minstr: one run under callgrind)"
echo
row "pair" "amend ms" "git ms" "ratio" "amend Mi" "git Mi" "ratio"

hist=$shared/corpus/nl-wetten-historie
if [ -d "$hist" ]; then
  files=("$hist"/[0-9]*.md)
  for ((i = 0; i + 1 < ${#files[@]}; i++)); do
    pair "Gemeentewet $(basename "${files[$i]}" .md) -> $(basename "${files[$((i + 1))]}" .md)" \
      "${files[$i]}" "${files[$((i + 1))]}"
  done
  row "all 21 Gemeentewet pairs" "$total_ac" "$total_gc" "$(ratio "$total_ac" "$total_gc")" \
    "$(mega "$total_ai")" "$(mega "$total_gi")" "$(ratio "$total_ai" "$total_gi")"
else
  echo "($hist is absent: the real pairs are skipped)"
fi

# Generated regulations and the same with 1% of the articles reworded.
for n in 2000 8000; do
  "$gen" "$n" 7 > "$tmp/old-$n.md"
  python3 - "$tmp/old-$n.md" "$tmp/new-$n.md" <<'PY'
import random, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = text.split("\n")
heads = [i for i, l in enumerate(lines) if re.match(r"^#+ Artikel ", l)]
random.seed(7)
for h in random.sample(heads, len(heads) // 100):
    # reword the first text line after the heading
    for j in range(h + 1, min(h + 12, len(lines))):
        if lines[j] and not lines[j].startswith("#"):
            words = lines[j].split(" ")
            k = random.randrange(max(1, len(words) - 1))
            words[k] = words[k] + " uitdrukkelijk"
            lines[j] = " ".join(words)
            break
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
  pair "generated $n articles, 1% changed" "$tmp/old-$n.md" "$tmp/new-$n.md"
done
changes=$("$amend" diff --format json "$tmp/old-2000.md" "$tmp/new-2000.md" |
          python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["changes"]), "changes in", len(d["articles"]), "articles")')
echo
echo "(2,000 articles: $changes, $(wc -c < "$tmp/old-2000.md") bytes; $(nproc) cores, $(uname -sm), load $(cut -d' ' -f1 /proc/loadavg))"
