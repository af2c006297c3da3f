#!/usr/bin/env bash
# Benchmark of the legal diff: `amend diff --format json` beside
# `git diff --no-index --word-diff` on the same pairs, in one run.
#   run-diff.sh BUILD_DIR [SHARED_DIR]
# Pairs: the 21 consecutive versions of the Gemeentewet in
# SHARED_DIR/corpus/nl-wetten-historie, and a generated 2,000-article
# regulation with 1% of its articles changed.  Times are the best of 5 runs.
set -eu

build=$(cd "${1:?usage: run-diff.sh BUILD_DIR [SHARED_DIR]}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
shared=${2:-$src/../shared}
amend=$build/app/cli/amend
gen=$build/tests/bench/amend-gen-regulation

for tool in git python3; do
  command -v $tool >/dev/null || { echo "run-diff.sh: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[ -x "$amend" ] || { echo "run-diff.sh: build Amend first (ninja -C $build)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best wall time in ms of 5 runs of "$@", output discarded
best_ms () {
  local best=""
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

printf '%-34s %10s %14s %7s\n' "pair" "amend ms" "git word ms" "ratio"

total_a=0; total_g=0
hist=$shared/corpus/nl-wetten-historie
if [ -d "$hist" ]; then
  files=("$hist"/[0-9]*.md)
  for ((i = 0; i + 1 < ${#files[@]}; i++)); do
    a=${files[$i]}; b=${files[$((i + 1))]}
    ta=$(best_ms "$amend" diff --format json "$a" "$b")
    tg=$(best_ms git diff --no-index --word-diff "$a" "$b")
    total_a=$((total_a + ta)); total_g=$((total_g + tg))
    printf '%-34s %10d %14d %7s\n' "$(basename "$a" .md) -> $(basename "$b" .md)" "$ta" "$tg" \
      "$(python3 -c "print(f'{$ta/max($tg,1):.2f}')")"
  done
  printf '%-34s %10d %14d %7s\n' "all 21 Gemeentewet pairs" "$total_a" "$total_g" \
    "$(python3 -c "print(f'{$total_a/max($total_g,1):.2f}')")"
else
  echo "($hist is absent: the real pairs are skipped)"
fi

# A 2,000-article regulation and the same with 1% of the articles reworded.
"$gen" 2000 7 > "$tmp/old.md"
python3 - "$tmp/old.md" "$tmp/new.md" <<'PY'
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
ta=$(best_ms "$amend" diff --format json "$tmp/old.md" "$tmp/new.md")
tg=$(best_ms git diff --no-index --word-diff "$tmp/old.md" "$tmp/new.md")
printf '%-34s %10d %14d %7s\n' "generated 2000 articles, 1% changed" "$ta" "$tg" "$(python3 -c "print(f'{$ta/max($tg,1):.2f}')")"
changes=$("$amend" diff --format json "$tmp/old.md" "$tmp/new.md" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["changes"]), "changes in", len(d["articles"]), "articles")')
echo "($changes; $(wc -c < "$tmp/old.md") bytes; $(nproc) cores)"
