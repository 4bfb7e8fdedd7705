#!/usr/bin/env bash
# Measures what a comparison costs once its dumps are indexed: `hprof-diff A B` run again (the summaries come from
# the indexes, the growers' paths from the analyses stored with them; no dump is read), against one `histogram`
# of B read from the dump.
#
#   bench/diff.sh [--size 2g] [--dir /work/bench-data] [--runs 3] [--keep]
#
# Two dumps from testdata's LargeDumpGenerator (seed 42 at the size given, and seed 42 at 1.25 times it: the same
# program with more of everything, so every bulk class grows) go to a scratch folder outside the repository, their
# indexes to a folder beside them; all deleted at the end unless --keep. Every JVM runs the CLI as users run it
# (a private copy of the jar, -Xmx1g). Printed: the first comparison (builds both indexes, dominator trees and
# paths), then --runs times each of: the comparison again, the comparison again without paths (--no-paths), and
# `histogram B` with no index (it reads the dump); the best of each, warm, with CPU seconds and the other load.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java="$JAVA25_HOME/bin/java"

size=2g; dir=/work/bench-data; runs=3; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--size 2g] [--dir DIR] [--runs N] [--keep]" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
work=$(mktemp -d "$dir/diff-bench.XXXXXX")
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
need=$(( $(bytes_of "$size") * 9 / 2 + (1 << 30) )) # two dumps (1 + 1.25), their indexes and analyses
avail=$(df --output=avail -B1 "$work" | tail -1)
[ "$avail" -ge "$need" ] || { echo "bench: $size needs $need bytes free in $work, $avail available" >&2; exit 3; }

echo "== building" >&2
"$root/build" -q -pl testdata -am compile >&2
private_jar "$work/hprof-diff.jar"
a="$work/a.hprof"; b="$work/b.hprof"
bigger=$(( $(bytes_of "$size") * 5 / 4 ))
echo "== generating $size and $bigger bytes" >&2
"$java" -Xmx256m -cp "$root/testdata/target/classes" org.hprofdiff.testdata.synth.LargeDumpGenerator --size "$size" --seed 42 --out "$a" >/dev/null
"$java" -Xmx256m -cp "$root/testdata/target/classes" org.hprofdiff.testdata.synth.LargeDumpGenerator --size "$bigger" --seed 42 --out "$b" >/dev/null

cli() { HPROF_DIFF_INDEX_DIR="$1" measure "$java" -Xmx1g --enable-native-access=ALL-UNNAMED -jar "$work/hprof-diff.jar" "${@:2}"; }

echo "== $(date -u +%Y-%m-%dT%H:%MZ); $(machine); $("$java" -version 2>&1 | head -1)" >&2
rows=()
row() { # label, "wall cpu rss anon others"
  read -r wall cpu rss anon others <<<"$2"
  rows+=("$(printf '| %s | %.2f | %.2f | %s | %s | %s |' "$1" "$wall" "$cpu" "$rss" "$anon" "$others")"); echo "${rows[-1]}" >&2
}
row "first \`diff a b\` (indexes, dominator trees, paths)" "$(MEASURE_OUT="$work/first.txt" cli "$work/idx" diff --top 5 "$a" "$b")"
declare -A best
for _ in $(seq "$runs"); do
  for what in again nopaths histogram; do
    case $what in
      again) r=$(MEASURE_OUT="$work/again.txt" cli "$work/idx" diff --top 5 "$a" "$b") ;;
      nopaths) r=$(cli "$work/idx" diff --no-paths --top 5 "$a" "$b") ;;
      histogram) r=$(cli "$work/no-index" histogram "$b") ;;
    esac
    echo "$what: $r" >&2
    if [ -z "${best[$what]:-}" ] || awk -v x="${r%% *}" -v y="${best[$what]%% *}" 'BEGIN {exit !(x < y)}'; then best[$what]=$r; fi
  done
done
cmp -s "$work/first.txt" "$work/again.txt" || echo "bench: the second comparison printed something else than the first" >&2
row "\`diff a b\` again (both indexed, analyses stored)" "${best[again]}"
row "\`diff --no-paths a b\` again" "${best[nopaths]}"
row "\`histogram b\` (reads the dump, no index)" "${best[histogram]}"
ratio=$(awk -v x="${best[again]%% *}" -v y="${best[histogram]%% *}" 'BEGIN {printf "%.2f", x / y}')
echo
echo "$(date -u +%Y-%m-%d), $(machine), $("$java" -version 2>&1 | head -1); dumps of $(stat -c %s "$a") and $(stat -c %s "$b") bytes, -Xmx1g, warm (best of $runs)"
echo
echo "| run | wall s | CPU s | peak RSS MB | peak anon RSS MB | other load (cores) |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "diff again / histogram (wall): $ratio"
