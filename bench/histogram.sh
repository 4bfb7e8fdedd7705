#!/usr/bin/env bash
# Measures `hprof-diff histogram` beside hprof-slurp (../shared/peers/bin, a Rust streaming histogram) on the same
# generated dumps, with the same page-cache state, and gives the ratio.
#
#   bench/histogram.sh [--sizes "1g 2500m"] [--dir /work/bench-data] [--runs 3] [--peer PATH] [--keep]
#
# Dumps come from testdata's LargeDumpGenerator (seed 42: 8-byte ids, a realistic mix, segments in JDK 22+
# parallel-dump order) and go to a scratch directory outside the repository, deleted at the end unless --keep.
# Per dump and tool: a cold run (the dump's pages dropped from the page cache first, posix_fadvise DONTNEED on
# that file only) and --runs warm runs, alternating the two tools (the best warm run of each is reported).
# hprof-diff runs as users run it (`./hprof-diff histogram DUMP`, from a private copy of the jar, JAVA_OPTS=-Xmx256m,
# JVM start included) with no index beside the dump, so it reads the dump; hprof-slurp as its README says
# (`-i DUMP -t 20`). Printed per run: wall seconds, CPU seconds (user + system), peak RSS (it counts the mapped
# dump's pages, which are page cache) and peak anonymous RSS (the process's own memory), and the cores other
# processes kept busy meanwhile (/proc/stat: on a shared machine compare CPU seconds, and wall times only within
# one run of this script). Ends with a Markdown table for docs/benchmarks.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java="$JAVA25_HOME/bin/java"

sizes="1g 2500m"; dir=/work/bench-data; runs=3; keep=0; peer="$root/../shared/peers/bin/hprof-slurp"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --peer) peer=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--sizes \"1g 2500m\"] [--dir DIR] [--runs N] [--peer PATH] [--keep]" >&2; exit 2 ;;
  esac
done
[ -x "$peer" ] || { echo "bench: no hprof-slurp at $peer (see ../shared/peers/README.md); --peer PATH" >&2; exit 3; }
mkdir -p "$dir"
work=$(mktemp -d "$dir/histogram-bench.XXXXXX")
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

echo "== building" >&2
"$root/build" -q -pl testdata -am compile >&2
private_jar "$work/hprof-diff.jar"

# one run of a tool: prints "wall cpu rss anon others"
run_tool() { # tool dump
  case "$1" in
    hprof-diff) HPROF_DIFF_INDEX_DIR="$work/no-index" measure "$java" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$work/hprof-diff.jar" histogram "$2" ;;
    hprof-slurp) measure "$peer" -i "$2" -t 20 ;;
  esac
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ); $(machine); $("$java" -version 2>&1 | head -1)" >&2
rows=()
for size in $sizes; do
  need=$(( $(bytes_of "$size") * 11 / 10 + (1 << 30) ))
  avail=$(df --output=avail -B1 "$work" | tail -1)
  if [ "$avail" -lt "$need" ]; then echo "bench: $size needs $need bytes free in $work, $avail available; skipped" >&2; continue; fi
  dump="$work/synth-$size.hprof"
  echo "== generating $size" >&2
  "$java" -Xmx256m -cp "$root/testdata/target/classes" org.hprofdiff.testdata.synth.LargeDumpGenerator --size "$size" --seed 42 --out "$dump" >/dev/null
  mb=$(python3 -c "import os,sys;print(round(os.path.getsize(sys.argv[1])/1e6))" "$dump")
  objects=$(python3 -c "import json,sys;o=json.load(open(sys.argv[1]))['objects'];print(o['instances']+o['objectArrays']+o['primitiveArrays'])" "$dump.expected.json")
  declare -A cold best
  for tool in hprof-diff hprof-slurp; do
    drop_cache "$dump"
    cold[$tool]=$(run_tool "$tool" "$dump")
    echo "$size $tool cold: ${cold[$tool]}" >&2
  done
  best=()
  for _ in $(seq "$runs"); do
    for tool in hprof-diff hprof-slurp; do
      r=$(run_tool "$tool" "$dump")
      echo "$size $tool warm: $r" >&2
      if [ -z "${best[$tool]:-}" ] || awk -v a="${r%% *}" -v b="${best[$tool]%% *}" 'BEGIN {exit !(a < b)}'; then best[$tool]=$r; fi
    done
  done
  for kind in cold warm; do
    for tool in hprof-diff hprof-slurp; do
      r=$([ "$kind" = cold ] && echo "${cold[$tool]}" || echo "${best[$tool]}")
      mine=$([ "$kind" = cold ] && echo "${cold[hprof-diff]}" || echo "${best[hprof-diff]}")
      peerrun=$([ "$kind" = cold ] && echo "${cold[hprof-slurp]}" || echo "${best[hprof-slurp]}")
      read -r wall cpu rss anon others <<<"$r"
      ratio=$(awk -v a="${mine%% *}" -v b="${peerrun%% *}" 'BEGIN {printf "%.2f", a / b}')
      row=$(awk -v s="$size" -v mb="$mb" -v o="$objects" -v t="$tool" -v k="$kind" -v w="$wall" -v c="$cpu" -v r="$rss" -v a="$anon" -v x="$others" -v q="$ratio" \
        'BEGIN {printf "| %s | %d | %.1f M | %s | %s | %.2f | %.0f | %.2f | %s | %s | %s | %s |", s, mb, o/1e6, t, k, w, mb/w, c, r, a, x, (t == "hprof-diff" ? q : "")}')
      rows+=("$row"); echo "$row" >&2
    done
  done
  [ "$keep" = 1 ] || rm -f "$dump" "$dump.expected.json"
done
echo
echo "$(date -u +%Y-%m-%d), $(machine), $("$java" -version 2>&1 | head -1); \`hprof-diff histogram\` (-Xmx256m) beside \`hprof-slurp -t 20\`"
echo
echo "| dump | MB | objects | tool | cache | wall s | MB/s | CPU s | peak RSS MB | peak anon RSS MB | other load (cores) | wall hprof-diff / hprof-slurp |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
