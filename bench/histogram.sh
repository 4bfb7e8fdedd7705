#!/usr/bin/env bash
# Measures a histogram pass over generated dumps of about 100 MB, 1 GB and 4 GB.
#
#   bench/histogram.sh [--sizes "100m 1g 4g"] [--dir /work/bench-data] [--runs 3] [--threads "1 N"] [--reader] [--keep]
#
# Dumps come from testdata's LargeDumpGenerator (seeded, realistic mix, JDK 22+ parallel-dump segment order)
# and go to a scratch directory outside the repository; they are deleted at the end unless --keep.
# What runs: `./hprof-diff histogram DUMP` when the CLI has it (the threads setting does not apply), else,
# or with --reader, core's ReadBench: a counting visitor over the reader on 1..N threads, the same pass minus
# naming and sizing. Every run has -Xmx256m.
# For each dump: a cold(ish) run (the dump's pages dropped from the page cache with
# posix_fadvise(DONTNEED), which only evicts this file) and --runs warm runs (the best is reported).
# Printed per run: wall time, MB/s and objects/s on wall time, CPU seconds (user+sys), peak Java heap
# (from -Xlog:gc), peak RSS (/usr/bin/time; it counts the mapped dump's pages, which are page cache, not
# process memory), peak anonymous RSS (sampled from /proc: the JVM's own memory), and how many cores other
# processes kept busy meanwhile (from /proc/stat: on a shared machine wall times mean little without it).
# Results end with a Markdown table for docs/benchmarks.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java="$JAVA25_HOME/bin/java"

sizes="100m 1g 4g"; dir=/work/bench-data; runs=3; threads="1 $(nproc)"; keep=0; reader=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --reader) reader=1; shift ;;
    *) echo "usage: $0 [--sizes \"100m 1g 4g\"] [--dir DIR] [--runs N] [--threads \"1 N\"] [--reader] [--keep]" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
work=$(mktemp -d "$dir/histogram-bench.XXXXXX")
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

echo "== building" >&2
"$root/build" -q -pl core -am test-compile >&2
cp="$root/testdata/target/classes:$root/core/target/classes:$root/core/target/test-classes"

# The real command once the CLI has it, else the bench main.
use_cli=0
if [ "$reader" = 0 ] && "$root/hprof-diff" histogram --help >/dev/null 2>&1; then use_cli=1; fi

bytes_of() { # 100m -> bytes, as LargeDumpGenerator reads sizes
  python3 -c "import sys;s=sys.argv[1].lower().rstrip('b').rstrip('i');m={'k':10,'m':20,'g':30,'t':40};print(int(float(s[:-1])*(1<<m[s[-1]])) if s[-1] in m else int(s))" "$1"
}

# Runs one pass; prints "wall cpu peakHeapMB peakRssMB peakAnonMB passSeconds" (pass: the bench main's own timing
# of the read, without JVM start; "-" for the CLI).
one_run() { # $1 dump, $2 threads
  local dump=$1 t=$2 gclog="$work/gc.log" timelog="$work/time.log" anon="$work/anon.max"
  rm -f "$gclog"; echo 0 > "$anon"
  local busy0; busy0=$(busy_ticks)
  local opts="-Xmx256m -Xlog:gc*,gc+heap=debug:file=$gclog"
  if [ "$use_cli" = 1 ]; then
    JAVA_OPTS="$opts" /usr/bin/time -v -o "$timelog" "$root/hprof-diff" histogram "$dump" >/dev/null &
  else
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$timelog" "$java" $opts -cp "$cp" org.hprofdiff.core.read.ReadBench "$dump" "$t" 1 >"$work/out.txt" &
  fi
  local pid=$!
  # sample the JVM's anonymous memory (heap, metaspace, code, thread stacks) every 20 ms
  while kill -0 "$pid" 2>/dev/null; do
    for p in $(pgrep -P "$pid" 2>/dev/null); do # /usr/bin/time's child: the JVM (the launcher execs it)
      a=$(awk '/^RssAnon/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
      [ -n "$a" ] && [ "$a" -gt "$(cat "$anon")" ] && echo "$a" > "$anon"
    done
    sleep 0.02
  done
  wait "$pid"
  local wall cpu rss heap
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$timelog")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$timelog")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timelog")
  # heap used before each GC and at exit ("used NNNK"); the largest is the peak the GC log saw
  heap=$(grep -oE '(->|used )[0-9]+[KMG]' "$gclog" 2>/dev/null | grep -oE '[0-9]+[KMG]' | awk '
        {v=$0+0; u=substr($0,length($0)); if (u=="K") v/=1024; if (u=="G") v*=1024; if (v>m) m=v} END {printf "%.0f", m}')
  local before
  before=$(grep -oE 'Pause[^)]*\)[^0-9]*[0-9]+M->' "$gclog" 2>/dev/null | grep -oE '[0-9]+M->' | sed 's/M->//' | sort -n | tail -1)
  [ -n "$before" ] && [ "$before" -gt "${heap:-0}" ] && heap=$before
  # the bench main also reports the heap pools' peaks, which see between GCs too
  local pools
  pools=$(grep -oE 'peakHeapMB=[0-9.]+' "$work/out.txt" 2>/dev/null | cut -d= -f2 | awk '{printf "%.0f", $1}')
  [ "$use_cli" = 0 ] && [ -n "$pools" ] && [ "$pools" -gt "${heap:-0}" ] && heap=$pools
  # CPU the rest of the machine used meanwhile, in cores (other processes compete for the same cores)
  local others
  others=$(other_cores "$busy0" "$cpu" "$wall")
  local pass=-
  [ "$use_cli" = 0 ] && pass=$(grep -oE 'seconds=[0-9.]+' "$work/out.txt" | cut -d= -f2)
  echo "$wall $cpu ${heap:-0} $rss $(( $(cat "$anon") / 1024 )) $pass $others"
}

machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
echo "== $(date -u +%Y-%m-%dT%H:%MZ); $machine; $("$java" -version 2>&1 | head -1)" >&2
echo "== measuring: $([ "$use_cli" = 1 ] && echo './hprof-diff histogram' || echo 'ReadBench (counting visitor over core.read)')" >&2
rows=()
for size in $sizes; do
  need=$(( $(bytes_of "$size") * 11 / 10 + (1 << 30) ))
  avail=$(df --output=avail -B1 "$work" | tail -1)
  if [ "$avail" -lt "$need" ]; then echo "bench: $size needs $need bytes free in $work, $avail available; skipped" >&2; continue; fi
  dump="$work/synth-$size.hprof"
  echo "== generating $size" >&2
  "$java" -Xmx256m -cp "$cp" org.hprofdiff.testdata.synth.LargeDumpGenerator --size "$size" --seed 42 --out "$dump" >/dev/null
  mb=$(python3 -c "import os,sys;print(round(os.path.getsize(sys.argv[1])/1e6))" "$dump")
  objects=$(python3 -c "import json,sys;o=json.load(open(sys.argv[1]))['objects'];print(o['instances']+o['objectArrays']+o['primitiveArrays'])" "$dump.expected.json")
  for t in $threads; do
    [ "$use_cli" = 1 ] && [ "$t" != "$(echo "$threads" | awk '{print $1}')" ] && continue
    drop_cache "$dump"
    cold=$(one_run "$dump" "$t")
    best=""
    for _ in $(seq "$runs"); do
      r=$(one_run "$dump" "$t")
      if [ -z "$best" ] || awk -v a="${r%% *}" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then best=$r; fi
    done
    for kind in cold warm; do
      r=$([ "$kind" = cold ] && echo "$cold" || echo "$best")
      read -r wall cpu heap rss anon pass others <<<"$r"
      shown_threads=$([ "$use_cli" = 1 ] && echo cli || echo "$t")
      row=$(awk -v mb="$mb" -v obj="$objects" -v w="$wall" -v c="$cpu" -v h="$heap" -v r="$rss" -v a="$anon" -v t="$shown_threads" -v k="$kind" -v s="$size" -v p="$pass" -v o="$others" \
        'BEGIN {pp = p == "-" ? "-" : sprintf("%.2f", p); pm = p == "-" ? "-" : sprintf("%.0f", mb/p);
                printf "| %s | %d | %.1f M | %s | %s | %.2f | %.0f | %.1f M | %s | %s | %.2f | %.0f | %s | %s | %s | %s |", s, mb, obj/1e6, t, k, w, mb/w, obj/w/1e6, pp, pm, c, mb/c, h, r, a, o}')
      rows+=("$row")
      echo "$row" >&2
    done
  done
  rm -f "$dump" "$dump.expected.json"
done
echo
echo "$(date -u +%Y-%m-%d), $machine, $("$java" -version 2>&1 | head -1); measured: $([ "$use_cli" = 1 ] && echo '`./hprof-diff histogram`' || echo 'ReadBench (counting visitor)'), -Xmx256m"
echo
echo "| dump | MB | objects | threads | cache | wall s | MB/s (wall) | objects/s (wall) | pass s | MB/s (pass) | CPU s | MB per CPU s | peak heap MB | peak RSS MB | peak anon RSS MB | other load (cores) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
