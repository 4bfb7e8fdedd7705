# Sourced by the bench scripts: what every benchmark needs, in one place.
# Sets root and JAVA25_HOME; checks for /usr/bin/time (peak RSS comes from it).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-jdk.sh"
find_jdk25 || exit 3
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing; install it: apt-get install time" >&2; exit 3; }

# Busy CPU ticks of the whole machine (user nice system irq softirq steal): other load on a shared machine.
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# Drops one file's pages from the page cache (posix_fadvise DONTNEED evicts only that file), for cold runs.
drop_cache() { python3 -c "import os,sys;fd=os.open(sys.argv[1],os.O_RDONLY);os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED);os.close(fd)" "$1"; }

# Cores other processes kept busy during a run: $1 busy ticks at its start, $2 its CPU seconds, $3 its wall seconds.
other_cores() {
  awk -v b0="$1" -v b1="$(busy_ticks)" -v hz="$(getconf CLK_TCK)" -v c="$2" -v w="$3" \
    'BEGIN {o = ((b1 - b0) / hz - c) / w; printf "%.1f", o < 0 ? 0 : o}'
}

# Runs a command under /usr/bin/time, sampling the anonymous RSS of its process tree (two levels below time) every
# 0.2 s; its stdout goes to $MEASURE_OUT (default /dev/null), its stderr to $MEASURE_ERR. Prints "wall cpu peakRssMB
# peakAnonMB otherCores". The sampling uses shell builtins only (one `sleep` a round): an earlier version ran pgrep,
# awk and cat every 20 ms, which by itself kept 0.9 of this 2-core machine's cores busy (measured around `sleep 15`)
# and showed up in every run as "other load".
measure() {
  local timelog out=${MEASURE_OUT:-/dev/null} err=${MEASURE_ERR:-/dev/null}
  timelog=$(mktemp)
  local busy0; busy0=$(busy_ticks)
  /usr/bin/time -v -o "$timelog" "$@" >"$out" 2>"$err" &
  local pid=$! peak=0 kids grandkids p key value rest
  while kill -0 "$pid" 2>/dev/null; do
    kids=""; read -r kids < "/proc/$pid/task/$pid/children" 2>/dev/null || true
    for p in $kids; do
      grandkids=""; read -r grandkids < "/proc/$p/task/$p/children" 2>/dev/null || true
      for p in $p $grandkids; do
        while read -r key value rest; do
          if [ "$key" = RssAnon: ]; then [ "$value" -gt "$peak" ] && peak=$value; break; fi
        done < "/proc/$p/status" 2>/dev/null || true
      done
    done
    sleep 0.2
  done
  wait "$pid" || { echo "bench: failed: $*" >&2; cat "$err" >&2; rm -f "$timelog"; return 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$timelog")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$timelog")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timelog")
  echo "$wall $cpu $rss $(( peak / 1024 )) $(other_cores "$busy0" "$cpu" "$wall")"
  rm -f "$timelog"
}

# The machine, for the tables' captions.
machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
}

# Sizes as LargeDumpGenerator reads them: 100m, 2500m, 4g -> bytes.
bytes_of() {
  python3 -c "import sys;s=sys.argv[1].lower().rstrip('b').rstrip('i');m={'k':10,'m':20,'g':30,'t':40};print(int(float(s[:-1])*(1<<m[s[-1]])) if s[-1] in m else int(s))" "$1"
}

# Builds the CLI jar if needed and copies it to $1 (editing sources meanwhile does not rebuild under a bench).
private_jar() {
  "$root/hprof-diff" --version >/dev/null
  cp "$root/cli/target/hprof-diff.jar" "$1"
}
