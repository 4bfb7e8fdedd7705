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

# Runs a java main under /usr/bin/time with a GC log, sampling anonymous RSS; prints
# "wall cpu peakHeapMB peakRssMB peakAnonMB otherCores". Output of the main goes to $tmp/out.txt.
measure() {
  local gclog="$tmp/gc.log" timelog="$tmp/time.log" anon="$tmp/anon.max"
  rm -f "$gclog"; echo 0 > "$anon"
  local busy0; busy0=$(busy_ticks)
  /usr/bin/time -v -o "$timelog" "$java" -Xmx1g "-Xlog:gc*:file=$gclog" --enable-native-access=ALL-UNNAMED -cp "$cp" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for p in $(pgrep -P "$pid" 2>/dev/null); do
      a=$(awk '/^RssAnon/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
      [ -n "$a" ] && [ "$a" -gt "$(cat "$anon")" ] && echo "$a" > "$anon"
    done
    sleep 0.05
  done
  wait "$pid" || { cat "$tmp/err.txt" >&2; return 1; }
  local wall cpu rss heap
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$timelog")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$timelog")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timelog")
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" 2>/dev/null | grep -oE '^[0-9]+' | sort -n | tail -1)
  local others
  others=$(other_cores "$busy0" "$cpu" "$wall")
  echo "$wall $cpu ${heap:-0} $rss $(( $(cat "$anon") / 1024 )) $others"
}

bytes_of() { python3 -c "import sys;s=sys.argv[1].lower().rstrip('b').rstrip('i');m={'k':10,'m':20,'g':30,'t':40};print(int(float(s[:-1])*(1<<m[s[-1]])) if s[-1] in m else int(s))" "$1"; }
manifest() { grep -a "^$2=" "$1/manifest" | head -1 | cut -d= -f2-; }

machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
jdk=$("$java" -version 2>&1 | head -1)
echo "== $(date -u +%Y-%m-%dT%H:%MZ); $machine; $jdk" >&2
summary=(); phases=()
for size in $sizes; do
  dump="$work/synth-$size.hprof"
  need=$(( $(bytes_of "$size") * 5 / 2 + (1 << 30) ))  # dump + index + scratch
  avail=$(df --output=avail -B1 "$work" | tail -1)
  if [ ! -f "$dump" ] && [ "$avail" -lt "$need" ]; then echo "bench: $size needs $need bytes free in $work, $avail available; skipped" >&2; continue; fi
  if [ ! -f "$dump" ]; then
    echo "== generating $size" >&2
    "$java" -Xmx256m -cp "$cp" org.hprofdiff.testdata.synth.LargeDumpGenerator --size "$size" --seed 42 --out "$dump" >/dev/null
  fi
  rm -rf "$dump.hdidx" "$dump.hdidx.lock"
  mb=$(python3 -c "import os,sys;print(round(os.path.getsize(sys.argv[1])/1e6))" "$dump")
  echo "== indexing $size ($mb MB), dump dropped from the page cache" >&2
  drop_cache "$dump"
  read -r wall cpu heap rss anon others <<<"$(measure org.hprofdiff.index.IndexMain --threads "$threads" "$dump")"
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
  read -r owall ocpu oheap orss oanon oothers <<<"$(measure org.hprofdiff.index.IndexMain "$dump")"
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
