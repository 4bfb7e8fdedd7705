#!/usr/bin/env bash
# Full analysis of one dump, side by side with hprof-analyzer on the same dump and page-cache state: hprof-diff
# `suspects` on a dump without an index (index build + dominator tree + shortest paths + suspects), then `summary`
# from the index it left (the saved summary with retention paths, issue 12), then hprof-analyzer's whole run
# (dominator tree, retained sizes, leak suspects). Prints each run's wall and CPU time, peak RSS, the other load
# on the machine, the phases from --verbose, the disk the index and the stored analysis take (bytes per object
# and × the dump) and the ratio of the two tools' wall times.
#
#   bench/full-analysis.sh [--size 2500m | --dump FILE] [--cold] [--no-peer] [--no-summary] [--dir /work/bench-data] [--keep]
#
# The dump comes from testdata's LargeDumpGenerator (seed 42) unless --dump names one. --cold drops the dump's
# pages from the page cache before each tool's run (otherwise both run warm, after one read of the dump). hprof-diff
# runs with -Xmx1g; hprof-analyzer (../shared/peers/bin, see its README) with its defaults. Index, analysis and
# generated dump go to a scratch folder under --dir, deleted at the end unless --keep.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
java="$JAVA25_HOME/bin/java"
size=2500m; dump=""; cold=0; peer=1; summary=1; dir=/work/bench-data; keep=0
peer_bin=${HPROF_ANALYZER:-$root/../shared/peers/bin/hprof-analyzer}
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --dump) dump=$2; shift 2 ;;
    --cold) cold=1; shift ;;
    --no-peer) peer=0; shift ;;
    --no-summary) summary=0; shift ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--size 2500m | --dump FILE] [--cold] [--no-peer] [--no-summary] [--dir DIR] [--keep]" >&2; exit 2 ;;
  esac
done
[ "$peer" = 0 ] || [ -x "$peer_bin" ] || { echo "bench: $peer_bin is missing (set HPROF_ANALYZER, or --no-peer)" >&2; exit 3; }
mkdir -p "$dir"
work=$(mktemp -d "$dir/full-analysis.XXXXXX")
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
private_jar "$work/hprof-diff.jar"
if [ -z "$dump" ]; then
  dump="$work/bench.hprof"
  "$java" -Xmx256m -cp "$root/testdata/target/classes" org.hprofdiff.testdata.synth.LargeDumpGenerator \
    --size "$size" --seed 42 --out "$dump" > /dev/null
fi
dump_bytes=$(stat -c %s "$dump")
echo "machine: $(machine); $(date -u +%F)"
echo "dump: $dump ($dump_bytes bytes); $([ "$cold" = 1 ] && echo cold || echo warm)"
prepare() { if [ "$cold" = 1 ]; then drop_cache "$dump"; else cat "$dump" > /dev/null; fi; }

report() { # label, "wall cpu rss anon other"
  read -r wall cpu rss anon other <<< "$2"
  printf '%-44s wall %8.1f s  cpu %8.1f s  peak RSS %6d MB  other load %s cores\n' "$1" "$wall" "$cpu" "$rss" "$other"
}

hd() { # label, hprof-diff arguments...
  local label=$1; shift
  local m
  m=$(MEASURE_OUT="$work/out" MEASURE_ERR="$work/err" measure "$java" -Xmx1g --enable-native-access=ALL-UNNAMED \
    -jar "$work/hprof-diff.jar" "$@" --index-dir "$work/idx" --verbose)
  report "$label" "$m"
  grep -E "(: [0-9.]+ s(, heap .*)?|[0-9]+ ms)$" "$work/err" | sed 's/^hprof-diff: /    /' || true
  echo "$m" > "$work/last"
}

disk() { # label: what the index directory holds now, the index's own files apart from the stored analyses
  local idx index_bytes=0 analysis_bytes=0 b f
  idx=$(find "$work/idx" -maxdepth 1 -name '*.hdidx' | head -1)
  for f in "$idx"/*; do
    b=$(du -sb "$f" | cut -f1) # a stored result may be a directory (the inbound references)
    case "$(basename "$f")" in analysis.*) analysis_bytes=$((analysis_bytes + b)) ;; *) index_bytes=$((index_bytes + b)) ;; esac
  done
  python3 - "$1" "$dump_bytes" "$objects" "$index_bytes" "$analysis_bytes" <<'EOF2'
import sys
label = sys.argv[1]
dump, objects, index, analysis = (int(x or 0) for x in sys.argv[2:])
per = lambda b: f"{b / objects:.1f} B/object" if objects else "?"
print(f"disk {label}: index {index:,} bytes ({index / dump:.2f} × the dump, {per(index)}); stored analysis {analysis:,} bytes "
      f"({analysis / dump:.2f} ×, {per(analysis)}); together {(index + analysis) / dump:.2f} × the dump")
EOF2
  for f in "$idx"/analysis.*; do
    case "$f" in *.lock) ;; *) echo "    $(basename "$f") $(du -sb "$f" | cut -f1)" ;; esac
  done
}

prepare
hd "hprof-diff suspects (new index: full analysis)" suspects "$dump"
full=$(cat "$work/last")
objects=$(grep -oE '[0-9,]+ objects' "$work/out" | head -1 | tr -d ', objects')
disk "after the full analysis"
if [ "$summary" = 1 ]; then # --no-summary skips it (the inbound references it adds take another 0.18 × the dump)
  hd "hprof-diff summary (from that index, with paths)" summary "$dump" -o "$work/summary.json"
  echo "    summary: $(stat -c %s "$work/summary.json") bytes"
  disk "after the summary (which adds the inbound references)"
fi

if [ "$peer" = 1 ]; then
  prepare
  # the peer may not finish (at 21.5 GB on 23 GiB the kernel killed it for memory): say so and keep what was measured
  if ! m=$(MEASURE_OUT="$work/peer.out" MEASURE_ERR="$work/peer.err" measure "$peer_bin" --progress never -v "$dump" "$work/peer.json" 2>/dev/null); then
    echo "hprof-analyzer (full analysis): did not finish; its last phases:"
    tail -12 "$work/peer.err" | sed 's/^/    /'
    exit 0
  fi
  report "hprof-analyzer (full analysis)" "$m"
  tail -12 "$work/peer.err" | sed 's/^/    /'
  read -r ours _ <<< "$full"; read -r theirs _ <<< "$m"
  python3 -c "import sys;print(f'ratio: hprof-diff full analysis / hprof-analyzer = {float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$ours" "$theirs"
fi
