#!/usr/bin/env bash
# Measures building the on-disk index of generated dumps (default about 1 GB and 4 GB), and opening it again.
#
#   bench/index.sh [--sizes "1g 4g"] [--dir /work/bench-data] [--threads N] [--keep] [--lookups]
#
# Dumps come from testdata's LargeDumpGenerator (seed 42: 8-byte ids, a realistic mix, segments in JDK 22+
# parallel-dump order) and go to a scratch directory outside the repository, deleted at the end unless --keep
# (a kept dump of the same size is reused by the next run). Every JVM runs with -Xmx1g.
# Per dump: the build with the dump's pages dropped from the page cache first (posix_fadvise DONTNEED on that
# file: the first pass reads from disk), then a second command on the built index (a new JVM that finds,
# checks and opens the index and prints its counts: what every command after the first pays), then, with
# --lookups, the id look-up microbenchmark.
# Printed: per phase wall and CPU seconds (from the index's manifest: the builder times its phases), MB/s,
# peak Java heap (GC log), peak RSS (/usr/bin/time; it counts mapped pages of the dump and the index, which
# are page cache, not process memory), peak anonymous RSS (sampled from /proc: the JVM's own memory), the
# cores other processes kept busy meanwhile (/proc/stat; the machine is shared), index size, bytes per object
# and index size / dump size. Ends with Markdown tables for docs/benchmarks.md.
# A size is generated only when the disk has room for 2.5 times it plus 10 GB for others (the machine is shared);
# otherwise the script waits, rechecking every 5 minutes for up to an hour, then skips that size.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java="$JAVA25_HOME/bin/java"

sizes="1g 4g"; dir=/work/bench-data; threads=$(nproc); keep=0; lookups=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --lookups) lookups=1; shift ;;
    *) echo "usage: $0 [--sizes \"1g 4g\"] [--dir DIR] [--threads N] [--keep] [--lookups]" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir/index-bench"
work="$dir/index-bench"
tmp=$(mktemp -d "$dir/index-bench-run.XXXXXX")
cleanup() { rm -rf "$tmp"; [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

echo "== building" >&2
"$root/build" -q -pl index -am test-compile -DskipTests >&2
cp="$root/testdata/target/classes:$root/core/target/classes:$root/index/target/classes:$root/index/target/test-classes"

# Runs a java main with -Xmx1g and a GC log; prints "wall cpu peakHeapMB peakRssMB peakAnonMB otherCores".
# Output of the main goes to $tmp/out.txt, its stderr to $tmp/err.txt.
measure_java() {
  local gclog="$tmp/gc.log"
  rm -f "$gclog"
  local r
  r=$(MEASURE_OUT="$tmp/out.txt" MEASURE_ERR="$tmp/err.txt" measure "$java" -Xmx1g "-Xlog:gc*:file=$gclog" --enable-native-access=ALL-UNNAMED -cp "$cp" "$@")
  local heap
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" 2>/dev/null | grep -oE '^[0-9]+' | sort -n | tail -1)
  read -r wall cpu rss anon others <<<"$r"
  echo "$wall $cpu ${heap:-0} $rss $anon $others"
}

manifest() { grep -a "^$2=" "$1/manifest" | head -1 | cut -d= -f2-; }

machine="$(machine)"
jdk=$("$java" -version 2>&1 | head -1)
echo "== $(date -u +%Y-%m-%dT%H:%MZ); $machine; $jdk" >&2
summary=(); phases=()
for size in $sizes; do
  dump="$work/synth-$size.hprof"
  # the dump, its index and the build's scratch, and 10 GB left for others on a shared disk; waits up to an hour for room
  need=$(( $(bytes_of "$size") * 5 / 2 + (10 << 30) ))
  waited=0
  while [ ! -f "$dump" ] && [ "$(df --output=avail -B1 "$work" | tail -1)" -lt "$need" ] && [ "$waited" -lt 3600 ]; do
    echo "bench: $size needs $need bytes free in $work, $(df --output=avail -B1 "$work" | tail -1) available; waiting" >&2
    sleep 300; waited=$((waited + 300))
  done
  if [ ! -f "$dump" ] && [ "$(df --output=avail -B1 "$work" | tail -1)" -lt "$need" ]; then echo "bench: $size skipped: not enough room" >&2; continue; fi
  if [ ! -f "$dump" ]; then
    echo "== generating $size" >&2
    "$java" -Xmx256m -cp "$cp" org.hprofdiff.testdata.synth.LargeDumpGenerator --size "$size" --seed 42 --out "$dump" >/dev/null
  fi
  rm -rf "$dump.hdidx" "$dump.hdidx.lock"
  mb=$(python3 -c "import os,sys;print(round(os.path.getsize(sys.argv[1])/1e6))" "$dump")
  echo "== indexing $size ($mb MB), dump dropped from the page cache" >&2
  drop_cache "$dump"
  read -r wall cpu heap rss anon others <<<"$(measure_java org.hprofdiff.index.bench.IndexMain --threads "$threads" "$dump")"
  idx="$dump.hdidx"
  objects=$(manifest "$idx" objects); edges=$(manifest "$idx" edges)
  idxbytes=$(du -sb "$idx" | cut -f1)
  for phase in pass-1 classes sort-ids pass-2 inbound roots-and-threads; do
    ms=$(manifest "$idx" "build.ms.$phase"); cms=$(manifest "$idx" "build.cpu.ms.$phase"); sms=$(manifest "$idx" "build.sys.ms.$phase")
    row=$(awk -v s="$size" -v p="$phase" -v ms="$ms" -v c="$cms" -v sy="${sms:-0}" -v mb="$mb" \
      'BEGIN {printf "| %s | %s | %.2f | %.2f | %.2f | %.0f |", s, p, ms/1000, c/1000, sy/1000, mb/(ms/1000)}')
    phases+=("$row"); echo "$row" >&2
  done
  echo "== second command on the built index" >&2
  read -r owall ocpu oheap orss oanon oothers <<<"$(measure_java org.hprofdiff.index.bench.IndexMain "$dump")"
  grep -q "pass 1" "$tmp/err.txt" && { echo "bench: the second command rebuilt the index" >&2; exit 1; }
  row=$(awk -v s="$size" -v mb="$mb" -v o="$objects" -v e="$edges" -v w="$wall" -v c="$cpu" -v h="$heap" -v r="$rss" -v a="$anon" \
            -v ib="$idxbytes" -v ow="$owall" -v oth="$others" \
    'BEGIN {printf "| %s | %d | %.1f M | %.1f M | %.1f | %.0f | %.1f | %s | %s | %s | %.0f | %.1f | %.2f | %.2f | %s |",
            s, mb, o/1e6, e/1e6, w, mb/w, c, h, r, a, ib/1e6, ib/o, ib/(mb*1e6), ow, oth}')
  summary+=("$row"); echo "$row" >&2
  if [ "$lookups" = 1 ]; then
    echo "== id look-ups" >&2
    "$java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$cp" org.hprofdiff.index.bench.IdLookupBench "$dump" 10000000 | tail -4 >&2
  fi
  [ "$keep" = 1 ] || rm -rf "$dump" "$dump.expected.json" "$idx" "$dump.hdidx.lock"
done
echo
echo "$(date -u +%Y-%m-%d), $machine, $jdk; IndexMain --threads $threads, -Xmx1g"
echo
echo "| dump | MB | objects | edges | build s | MB/s | CPU s | peak heap MB | peak RSS MB | peak anon RSS MB | index MB | index bytes/object | index / dump | second command s | other load (cores) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
echo
echo "| dump | phase | wall s | CPU s | of which system s | MB/s (wall) |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${phases[@]}"
