#!/usr/bin/env bash
# Where the dominator tree's time goes: builds (or reuses) the index of a generated dump, then computes the
# tree several times in one JVM (DominatorPhasesBench, -Xmx1g) and prints each phase's wall time and the CPU
# time of the whole process during it, the stored bytes per object, and the queries that read the stored tree.
#
#   bench/dominators.sh [--size 2g | --dump FILE] [--rounds 3] [--dir /work/bench-data] [--keep]
#
# The dump comes from testdata's LargeDumpGenerator (seed 42) unless --dump names one; dump and index go to a
# scratch folder under --dir, deleted at the end unless --keep. Before generating, the script checks that the
# disk has 2.5 times the dump plus 10 GB free (others share it). The machine is shared: the "other load" line
# says how many cores other processes kept busy; compare CPU times across runs, wall times only within one.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java="$JAVA25_HOME/bin/java"
size=2g; dump=""; rounds=3; dir=/work/bench-data; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --dump) dump=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--size 2g | --dump FILE] [--rounds N] [--dir DIR] [--keep]" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
work=$(mktemp -d "$dir/dominators-bench.XXXXXX")
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
"$root/build" -q -pl index -am test-compile >&2
cp="$root/testdata/target/classes:$root/core/target/classes:$root/index/target/classes:$root/index/target/test-classes"
if [ -z "$dump" ]; then
  want=$(python3 -c "import sys;s=sys.argv[1].lower();m={'k':10,'m':20,'g':30};print(int(float(s[:-1])*(1<<m[s[-1]])) if s[-1] in m else int(s))" "$size")
  avail=$(df --output=avail -B1 "$dir" | tail -1)
  if [ "$avail" -lt $(( want * 5 / 2 + (10 << 30) )) ]; then
    echo "bench: a $size dump needs $(( (want * 5 / 2 + (10 << 30)) >> 30 )) GB free in $dir, $(( avail >> 30 )) GB available; not generated" >&2
    exit 4
  fi
  dump="$work/bench.hprof"
  "$java" -Xmx256m -cp "$root/testdata/target/classes" org.hprofdiff.testdata.synth.LargeDumpGenerator \
    --size "$size" --seed 42 --out "$dump" > /dev/null
fi
echo "== $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $("$java" -version 2>&1 | head -1)"
echo "dump: $dump ($(stat -c %s "$dump") bytes)"
"$java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$cp" org.hprofdiff.index.bench.IndexMain --index-dir "$work/idx" "$dump" > /dev/null
busy0=$(busy_ticks)
/usr/bin/time -f "%e %U %S" -o "$work/time" "$java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$cp" \
  org.hprofdiff.index.bench.DominatorPhasesBench "$dump" "$work/idx" "$rounds"
read -r wall user sys < "$work/time"
cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
echo "process: $wall s wall, $cpu s CPU; other load: $(other_cores "$busy0" "$cpu" "$wall") cores busy elsewhere"
