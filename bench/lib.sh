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
