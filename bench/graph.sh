#!/usr/bin/env bash
# Measures the graph commands on a generated dump: index build, dominator tree, shortest + merged paths, suspects,
# each computed once and then reused, with JAVA_OPTS=-Xmx1g (the heap stays small; the index and the analyses'
# arrays are off-heap).
#
#   bench/graph.sh [--size 2g] [--dump FILE] [--dir /work/bench-data] [--keep]
#
# The dump comes from testdata's LargeDumpGenerator (seed 42) unless --dump names one; the index goes to a
# scratch folder beside it, deleted at the end (the generated dump too) unless --keep. Printed per command:
# wall seconds, peak RSS (/usr/bin/time; it counts mapped pages of the index and the dump, which are page cache)
# and, from --verbose, the wall time of each phase.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
size=2g; dump=""; dir=/work/bench-data; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --dump) dump=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--size 2g] [--dump FILE] [--dir DIR] [--keep]" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
work=$(mktemp -d "$dir/graph-bench.XXXXXX")
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
"$root/hprof-diff" --version >/dev/null # builds the jar if needed
cp "$root/cli/target/hprof-diff.jar" "$work/hprof-diff.jar" # a private copy: editing sources meanwhile does not rebuild under the bench
if [ -z "$dump" ]; then
  dump="$work/bench.hprof"
  "$JAVA25_HOME/bin/java" -Xmx256m -cp "$root/testdata/target/classes" org.hprofdiff.testdata.synth.LargeDumpGenerator \
    --size "$size" --seed 42 --out "$dump" > /dev/null
fi
echo "dump: $dump ($(stat -c %s "$dump") bytes)"
java_opts=-Xmx1g
run() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$JAVA25_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -jar "$work/hprof-diff.jar" \
    "$@" --index-dir "$work/idx" --verbose > "$work/out" 2> "$work/err" || {
    echo "$label failed:"; cat "$work/err"; exit 1; }
  read -r wall rss < "$work/time"
  printf '%-34s %8.1f s  peak RSS %6d MB\n' "$label" "$wall" $((rss / 1024))
  grep -E "(: [0-9.]+ s|RSS [0-9]+ MB)$" "$work/err" | sed 's/^hprof-diff: /    /' || true
  cp "$work/out" "$work/out.$(echo "$label" | tr -c 'a-z0-9\n' '_')"
}
run "index (build)" index "$dump"
run "index (reuse)" index "$dump"
run "dominators (compute tree)" dominators --top 10 "$dump"
run "dominators (reuse)" dominators --top 10 "$dump"
run "paths (compute paths, merge)" paths --class 'com\.example\.list\.Node$' "$dump"
run "paths (reuse, merge)" paths --class 'com\.example\.list\.Node$' "$dump"
run "suspects (reuse)" suspects "$dump"
run "histogram --retained (reuse)" histogram --retained --top 10 "$dump"
du -sh "$work/idx"/* | sed 's/^/index dir: /'
ls -l "$work/idx"/*/analysis.* 2>/dev/null | awk '{printf "stored: %s %d bytes\n", $9, $5}'
