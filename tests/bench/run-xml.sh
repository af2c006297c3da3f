#!/bin/bash
# run-xml.sh: Amend's STOP and Akoma Ntoso export beside pandoc, and
# validation beside xmllint
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-xml.sh BUILD_DIR [SHARED_DIR]
#
# For the Awb (the largest act in the shared corpus) and a generated
# regulation of 2,000 articles, prints how long `amend export` takes to
# turn the Markdown into STOP (RegelingCompact) and Akoma Ntoso, and its
# peak memory, beside pandoc turning the same Markdown into DocBook and
# JATS, in one run.  pandoc is the baseline because it is the common tool
# for Markdown to structured XML; it knows no legal structure, so the
# ratio says what Amend's model and the official formats cost next to a
# general converter.  Then it times `amend validate` against `xmllint
# --noout --schema` on the same exports: both are libxml2's XSD validator,
# so the difference is Amend's own parse and message handling.
#
# Everything is a whole process (start, read, convert, write to a file in
# a temporary folder), best and median of ITERATIONS runs.  Nothing is
# installed here; pandoc, xmllint (libxml2-utils) and /usr/bin/time (time)
# must be there.
set -eu

export LC_ALL=C

iterations=${ITERATIONS:-5}
articles=2000

die () {
  echo "run-xml.sh: $*" >&2
  exit 1
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "Usage: run-xml.sh BUILD_DIR [SHARED_DIR]" >&2
  exit 2
fi

build_dir=$1
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
shared_dir=${2:-$source_dir/../shared}
gen=$build_dir/tests/bench/amend-gen-regulation
amend=$build_dir/app/cli/amend
schemas=$shared_dir/schemas

for tool in pandoc xmllint; do
  command -v $tool > /dev/null 2>&1 ||
    die "$tool is not installed; it is a baseline of this benchmark (Debian: apt-get install $tool)"
done
[ -x /usr/bin/time ] ||
  die "/usr/bin/time is not installed; it measures peak memory (Debian: apt-get install time)"
for exe in "$gen" "$amend"; do
  [ -x "$exe" ] || die "$exe is missing; build it first: ninja -C $build_dir"
done
[ -f "$schemas/stop-1.3.0/imop-tekst.xsd" ] && [ -f "$schemas/akn-3.0/akomantoso30.xsd" ] ||
  die "the XSD schemas are not in $schemas (the shared corpus is not next to the project)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now_us () {
  echo "${EPOCHREALTIME//[!0-9]/}"
}

# Reads times in microseconds, one a line; prints "best median" in ms.
best_median () {
  sort -n | awk '{ t[NR] = $1 / 1000 }
    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%.1f %.1f\n", t[1], m }'
}

# Runs a command ITERATIONS times; prints "best_ms median_ms peak_rss_kib".
measure () {
  local start end rss=0 r
  : > "$tmp/times"
  for _ in $(seq "$iterations"); do
    start=$(now_us)
    /usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null 2> "$tmp/stderr" ||
      { cat "$tmp/stderr" >&2; die "failed: $*"; }
    end=$(now_us)
    echo $((end - start)) >> "$tmp/times"
    r=$(tail -n 1 "$tmp/rss")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  echo "$(best_median < "$tmp/times") $rss"
}

row () {
  printf '  %-34s %9s %10s %13s %10s\n' "$@"
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'
}

bench_file () {
  local label=$1 file=$2
  local bytes n_articles a_best a_med a_rss s_best s_med s_rss d_best d_med d_rss j_best j_med j_rss
  local out_size

  bytes=$(wc -c < "$file")
  n_articles=$(grep -c '^#\{1,6\} Artikel ' "$file" || true)
  read -r s_best s_med s_rss < <(measure "$amend" export --format stop -o "$tmp/out.xml" "$file")
  out_size=$(wc -c < "$tmp/out.xml")
  cp "$tmp/out.xml" "$tmp/$label.stop.xml"
  read -r a_best a_med a_rss < <(measure "$amend" export --format akn -o "$tmp/out.xml" "$file")
  cp "$tmp/out.xml" "$tmp/$label.akn.xml"
  read -r d_best d_med d_rss < <(measure pandoc -f markdown -t docbook -o "$tmp/out.dbk" "$file")
  read -r j_best j_med j_rss < <(measure pandoc -f markdown -t jats -o "$tmp/out.jats" "$file")

  echo
  echo "$label: $(basename "$file"), $bytes bytes, about $n_articles articles"
  row "" "best ms" "median ms" "peak RSS KiB" "output"
  row "amend export --format stop" "$s_best" "$s_med" "$s_rss" "$out_size"
  row "amend export --format akn" "$a_best" "$a_med" "$a_rss" "$(wc -c < "$tmp/$label.akn.xml")"
  row "pandoc -t docbook" "$d_best" "$d_med" "$d_rss" "$(wc -c < "$tmp/out.dbk")"
  row "pandoc -t jats" "$j_best" "$j_med" "$j_rss" "$(wc -c < "$tmp/out.jats")"
  row "ratio stop/docbook" "$(ratio "$s_best" "$d_best")" "$(ratio "$s_med" "$d_med")" "$(ratio "$s_rss" "$d_rss")" ""
  row "ratio akn/jats" "$(ratio "$a_best" "$j_best")" "$(ratio "$a_med" "$j_med")" "$(ratio "$a_rss" "$j_rss")" ""
}

bench_validate () {
  local label=$1
  local kind xsd v_best v_med v_rss x_best x_med x_rss

  for kind in stop akn; do
    if [ $kind = stop ]; then xsd=$schemas/stop-1.3.0/imop-tekst.xsd; else xsd=$schemas/akn-3.0/akomantoso30.xsd; fi
    read -r v_best v_med v_rss < <(measure "$amend" validate --schemas "$schemas" "$tmp/$label.$kind.xml")
    read -r x_best x_med x_rss < <(measure xmllint --noout --schema "$xsd" "$tmp/$label.$kind.xml")
    row "amend validate ($label, $kind)" "$v_best" "$v_med" "$v_rss" "$(wc -c < "$tmp/$label.$kind.xml")"
    row "xmllint --schema ($label, $kind)" "$x_best" "$x_med" "$x_rss" ""
  done
}

echo "XML export and validation: $iterations runs of each, whole processes"

# The Awb has no front matter; the export needs its identifiers.
awb=$shared_dir/corpus/nl-wetten/BWBR0005537_algemene-wet-bestuursrecht.md
if [ -f "$awb" ]; then
  {
    printf -- '---\ntitle: Algemene wet bestuursrecht\nauthority: mnre1034\n'
    printf -- 'work: /akn/nl/act/mnre1034/1992/BWBR0005537\ndate: 2024-01-01\n---\n\n'
    cat "$awb"
  } > "$tmp/awb.md"
  bench_file awb "$tmp/awb.md"
else
  echo
  echo "Awb: skipped, $awb is absent"
fi

"$gen" "$articles" > "$tmp/generated.md"
bench_file generated "$tmp/generated.md"

echo
echo "Validation"
row "" "best ms" "median ms" "peak RSS KiB" "input"
[ -f "$tmp/awb.stop.xml" ] && bench_validate awb
bench_validate generated
