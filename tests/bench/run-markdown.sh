#!/bin/bash
# run-markdown.sh: Amend's read+model+write next to cmark's Markdown to HTML
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-markdown.sh BUILD_DIR [SHARED_DIR]
#
# For the Awb (the largest act in the shared corpus) and a generated
# regulation of 2,000 articles, prints how long Amend takes to parse a file
# into its model and write it back, and how much memory that takes, next to
# the cmark program rendering the same file as HTML.  cmark is the baseline
# because Amend parses with libcmark: the ratio is what the legal model and
# the canonical writer cost on top of CommonMark itself.
#
# Then it shows that reading stays linear: the generated regulation at 1x,
# 4x and 16x (1,000, 4,000 and 16,000 articles), in the canonical form and
# in the loose form of law files from elsewhere (amend-gen-regulation
# --loose: every part at one heading level, members ending in hard breaks,
# points as paragraphs), with the time per 1,000 articles, which must stay
# flat, next to cmark's on the same files.
#
# First, whole commands beside the cmark program on the same file:
# `amend outline --json` and `amend fmt --check` on the Awb and on the
# generated regulation of 2,000 and 8,000 articles, with the median CPU
# time of 7 runs, the peak memory and the instructions of one run under
# callgrind (measure.py; BENCH_CALLGRIND=0 leaves them out).  The goals:
# outline at most 3 times cmark in time and memory, fmt --check at most 2
# times.
#
# Nothing is installed here; cmark (Debian package "cmark") and
# /usr/bin/time (package "time") must be there.
set -eu

# awk and printf must write "1.5", not "1,5"; EPOCHREALTIME too.
export LC_ALL=C

iterations=10
articles=2000

die () {
  echo "run-markdown.sh: $*" >&2
  exit 1
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "Usage: run-markdown.sh BUILD_DIR [SHARED_DIR]" >&2
  exit 2
fi

build_dir=$1
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
shared_dir=${2:-$source_dir/../shared}
gen=$build_dir/tests/bench/amend-gen-regulation
bench=$build_dir/tests/bench/amend-bench-markdown

command -v cmark > /dev/null 2>&1 ||
  die "cmark is not installed; it is the baseline of this benchmark (Debian: apt-get install cmark)"
[ -x /usr/bin/time ] ||
  die "/usr/bin/time is not installed; it measures peak memory (Debian: apt-get install time)"
for exe in "$gen" "$bench"; do
  [ -x "$exe" ] || die "$exe is missing; build it first: ninja -C $build_dir"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Microseconds since the epoch, without starting a process: a fork of date
# would cost about as much as cmark takes on a small file.
now_us () {
  echo "${EPOCHREALTIME//[!0-9]/}"
}

# Reads times in microseconds, one a line; prints "best median" in ms.
best_median () {
  sort -n | awk '{ t[NR] = $1 / 1000 }
    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%.2f %.2f\n", t[1], m }'
}

# Runs a command once under /usr/bin/time; prints "wall_ms peak_rss_kib".
# The wall time is taken here because %e counts in hundredths of a second,
# too coarse for cmark, which takes milliseconds.
one_process () {
  local start end
  start=$(now_us)
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" > /dev/null
  end=$(now_us)
  awk -v us=$((end - start)) '{ printf "%.1f %d\n", us / 1000, $2 }' "$tmp/time"
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'
}

bench_file () {
  local label=$1 file=$2
  local line bytes n_articles amend_best amend_median amend_wall amend_rss
  local cmark_best cmark_median cmark_wall cmark_rss start end

  line=$("$bench" "$file" "$iterations")
  read -r bytes n_articles amend_best amend_median < <(echo "$line" |
    sed -n 's/.*: \([0-9]*\) bytes, \([0-9]*\) articles, best \([0-9.]*\) ms, median \([0-9.]*\) ms$/\1 \2 \3 \4/p')
  [ -n "${amend_median:-}" ] || die "unexpected output of amend-bench-markdown: $line"
  read -r amend_wall amend_rss < <(one_process "$bench" "$file" 1)

  : > "$tmp/cmark-times"
  for _ in $(seq "$iterations"); do
    start=$(now_us)
    cmark "$file" > /dev/null
    end=$(now_us)
    echo $((end - start)) >> "$tmp/cmark-times"
  done
  read -r cmark_best cmark_median < <(best_median < "$tmp/cmark-times")
  read -r cmark_wall cmark_rss < <(one_process cmark "$file")

  echo
  echo "$label: $(basename "$file"), $bytes bytes, $n_articles articles"
  printf '  %-26s %9s %10s %9s %13s\n' "" "best ms" "median ms" "wall ms" "peak RSS KiB"
  printf '  %-26s %9s %10s %9s %13s\n' "amend read+model+write" "$amend_best" "$amend_median" "$amend_wall" "$amend_rss"
  printf '  %-26s %9s %10s %9s %13s\n' "cmark to HTML" "$cmark_best" "$cmark_median" "$cmark_wall" "$cmark_rss"
  printf '  %-26s %9s %10s %9s %13s\n' "ratio amend/cmark" \
    "$(ratio "$amend_best" "$cmark_best")" "$(ratio "$amend_median" "$cmark_median")" \
    "$(ratio "$amend_wall" "$cmark_wall")" "$(ratio "$amend_rss" "$cmark_rss")"
}

generated=$tmp/generated-$articles.md
"$gen" "$articles" > "$generated"

amend=$build_dir/app/cli/amend
measure=$source_dir/tests/bench/measure.py
callgrind=--callgrind
[ "${BENCH_CALLGRIND:-1}" = 0 ] && callgrind=

# One command beside cmark on one file: "label amend_cpu cmark_cpu ..."
whole_row () {
  local label=$1 file=$2; shift 2
  local ac aw ar ai cc cw cr ci
  read -r ac aw ar ai < <(python3 "$measure" $callgrind -- "$@" "$file")
  read -r cc cw cr ci < <(python3 "$measure" $callgrind -- cmark "$file")
  printf '  %-34s %8s %8s %6s %9s %9s %6s %8s %8s %6s\n' "$label" "$ac" "$cc" "$(ratio "$ac" "$cc")" \
    "$ar" "$cr" "$(ratio "$ar" "$cr")" \
    "$(awk -v n="$ai" 'BEGIN { if (n == "-") print "-"; else printf "%.0f", n / 1e6 }')" \
    "$(awk -v n="$ci" 'BEGIN { if (n == "-") print "-"; else printf "%.0f", n / 1e6 }')" \
    "$(awk -v a="$ai" -v b="$ci" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }')"
}

if [ -x "$amend" ]; then
  echo "Whole commands beside cmark to HTML (CPU ms: median of 7 processes; RSS: peak KiB; Mi: one run under callgrind)"
  printf '  %-34s %8s %8s %6s %9s %9s %6s %8s %8s %6s\n' "" "amend" "cmark" "ratio" "amend KiB" "cmark KiB" \
    "ratio" "amend Mi" "cmark Mi" "ratio"
  big=$tmp/generated-8000.md
  "$gen" 8000 > "$big"
  awb_file=$shared_dir/corpus/nl-wetten/BWBR0005537_algemene-wet-bestuursrecht.md
  for spec in "Awb:$awb_file" "2,000 articles:$generated" "8,000 articles:$big"; do
    name=${spec%%:*}; file=${spec#*:}
    [ -f "$file" ] || continue
    whole_row "outline --json, $name" "$file" "$amend" outline --json
    whole_row "fmt --check, $name" "$file" "$amend" fmt --check
  done
  echo
fi

echo "Markdown read+write: $iterations iterations each"
awb=$shared_dir/corpus/nl-wetten/BWBR0005537_algemene-wet-bestuursrecht.md
if [ -f "$awb" ]; then
  bench_file "Awb" "$awb"
else
  echo
  echo "Awb: skipped, $awb is absent (the shared corpus is not next to the project)"
fi
bench_file "Generated" "$generated"

# Best of a few runs of amend and of cmark on one file; prints
# "amend_best cmark_best".
scale_one () {
  local file=$1 runs=$2 line amend start end

  line=$("$bench" "$file" "$runs")
  amend=$(echo "$line" | sed -n 's/.*, best \([0-9.]*\) ms, median.*/\1/p')
  [ -n "$amend" ] || die "unexpected output of amend-bench-markdown: $line"
  : > "$tmp/cmark-times"
  for _ in $(seq "$runs"); do
    start=$(now_us)
    cmark "$file" > /dev/null
    end=$(now_us)
    echo $((end - start)) >> "$tmp/cmark-times"
  done
  echo "$amend $(best_median < "$tmp/cmark-times" | cut -d' ' -f1)"
}

echo
echo "Linear in the size of the text: best of 5 runs, ms per 1,000 articles"
printf '  %-10s %8s %9s %9s %14s %10s %14s %7s\n' "form" "articles" "MB" "amend ms" "per 1,000" "cmark ms" "per 1,000" "ratio"
for form in canonical loose; do
  for factor in 1 4 16; do
    n=$((1000 * factor))
    file=$tmp/scale-$form-$n.md
    if [ "$form" = loose ]; then "$gen" --loose "$n" > "$file"; else "$gen" "$n" > "$file"; fi
    read -r amend_ms cmark_ms < <(scale_one "$file" 5)
    printf '  %-10s %8s %9s %9s %14s %10s %14s %7s\n' "$form" "$n" \
      "$(awk -v b="$(wc -c < "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')" "$amend_ms" \
      "$(awk -v t="$amend_ms" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / n }')" "$cmark_ms" \
      "$(awk -v t="$cmark_ms" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / n }')" "$(ratio "$amend_ms" "$cmark_ms")"
  done
done

echo
echo "best/median: amend in one process, the file already in memory; cmark as"
echo "a whole process (start, read, render to /dev/null).  wall and peak RSS:"
echo "one process of each, amend doing a single iteration, under /usr/bin/time."
