#!/usr/bin/env bash
# Checks a release archive from `./build dist` the way a user meets it (CI runs it after the tests):
# unpacked somewhere new, run with an empty environment and a PATH without Maven or a JDK 25 (the machine's
# `java` is whatever /usr/bin has, JDK 17 here), it must run the demo (a child JVM from its own runtime), the
# histogram, a graph command, JSON and a saved summary; its jar must hold no testdata class the demo does not
# load; its completion must complete and its man page render; and it must stay under 80 MB. Prints one line per check; exits 1 at the first that fails.
set -euo pipefail
archive=${1:?usage: check-dist.sh dist/hprof-diff-VERSION-linux-x64.tar.gz}
max_bytes=$((80 * 1024 * 1024))
work=$(mktemp -d "${TMPDIR:-/tmp}/hprof-diff-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check-dist: FAILED: $*" >&2; exit 1; }
ok() { echo "check-dist: ok: $*"; }

size=$(stat -c %s "$archive")
[ "$size" -lt "$max_bytes" ] || fail "$archive is $size bytes, more than 80 MB"
ok "archive $(basename "$archive"): $size bytes (< 80 MB)"

tar -C "$work" -xzf "$archive"
home=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'hprof-diff-*' | head -n 1)
[ -n "$home" ] || fail "no hprof-diff-VERSION folder in the archive"
for f in bin/hprof-diff lib/hprof-diff.jar runtime/bin/java share/bash-completion/completions/hprof-diff share/man/man1/hprof-diff.1; do
  [ -e "$home/$f" ] || fail "missing $f"
done
ok "layout: bin, lib, runtime, share/bash-completion, share/man"

# A PATH with the few tools the launcher uses and a `java` that is not a JDK 25 (the system's, when it is one),
# and no Maven: what the archive needs must come from the archive.
tools=$work/tools
mkdir -p "$tools" "$work/home"
for t in sh dirname readlink; do ln -s "$(command -v "$t")" "$tools/$t"; done
if [ -x /usr/bin/java ]; then ln -s /usr/bin/java "$tools/java"; fi
run() { env -i HOME="$work/home" PATH="$tools" "$home/bin/hprof-diff" "$@"; }
PATH="$tools" command -v mvn >/dev/null 2>&1 && fail "Maven is on the test PATH"

version=$(run --version | sed -n 1p) || fail "--version"
system_java=none
if [ -e "$tools/java" ]; then system_java=$("$tools/java" -version 2>&1 | sed -n 1p); fi
case "$version" in "hprof-diff "*) ok "$version (the java on that PATH, not used: $system_java; no Maven on it)" ;;
  *) fail "--version printed '$version'" ;; esac

cd "$work"
# The demo, with class loading logged in this JVM and in the child it starts (which inherits JAVA_TOOL_OPTIONS).
env -i HOME="$work/home" PATH="$tools" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes-%p.log" \
  "$home/bin/hprof-diff" demo --keep demo --top 3 > demo.txt 2> demo.err || fail "demo (exit $?): $(tail -n 3 demo.err)"
grep -q '^Leak suspected: ' demo.txt || fail "the demo found no leak: $(head -n 5 demo.txt)"
ok "demo: $(grep -m 1 '^Leak suspected: ' demo.txt | cut -c1-100)..."

# The jar ships of testdata only what the demo runs (cli's pom filters it): every testdata class in it was loaded.
command -v unzip >/dev/null 2>&1 || fail "unzip is needed to list the jar (apt-get install unzip)"
loaded=$(cat "$work"/classes-*.log | grep -o 'org\.hprofdiff\.testdata\.[A-Za-z0-9_.$]*' | sort -u)
shipped=$(unzip -Z1 "$home/lib/hprof-diff.jar" | grep '^org/hprofdiff/testdata/.*\.class$' | sed 's|\.class$||; s|/|.|g' | sort -u)
[ -n "$shipped" ] || fail "the jar holds no testdata class: the demo cannot run"
unneeded=$(comm -13 <(echo "$loaded") <(echo "$shipped"))
[ -z "$unneeded" ] || fail "the jar holds testdata classes the demo never loads (cli/pom.xml's filter): $(echo $unneeded)"
ok "jar: $(wc -l <<< "$shipped") testdata classes, each loaded by the demo (no synthetic writer, no other scenario)"

dump=demo/connection-reaper-3.hprof
# exactly the issue's command line: the system's PATH (where java is JDK 17 here), nothing else set
env -i HOME="$work/home" PATH=/usr/bin:/bin "$home/bin/hprof-diff" histogram "$dump" > histogram.txt || fail "histogram (exit $?)"
grep -q '^total: ' histogram.txt || fail "histogram has no total line"
ok "histogram with PATH=/usr/bin:/bin: $(grep '^total: ' histogram.txt)"

run dominators --top 3 "$dump" > dominators.txt 2> dominators.err || fail "dominators (exit $?): $(tail -n 2 dominators.err)"
grep -q 'in the dominator tree' dominators.txt || fail "dominators: $(head -n 3 dominators.txt)"
ok "dominators (mapped index, native access)"

run info --format json "$dump" | grep -q '"report" : "info"' || fail "info --format json"
run summary demo/connection-reaper-1.hprof -o day1.summary.json 2> /dev/null || fail "summary"
run --baseline day1.summary.json --no-paths --top 3 demo/connection-reaper-2.hprof "$dump" > baseline.txt || fail "--baseline (exit $?)"
grep -q 'saved summary of' baseline.txt || fail "--baseline did not name the summary"
ok "JSON out, summary saved and read back with --baseline"

# in an empty folder: where a file name may follow, file names are offered too
mkdir -p "$work/empty" && cd "$work/empty"
completions=$(bash -c '. "$1"; COMP_WORDS=(hprof-diff hist); COMP_CWORD=1; COMP_LINE="hprof-diff hist"; _complete_hprof-diff; echo "${COMPREPLY[*]}"' _ \
  "$home/share/bash-completion/completions/hprof-diff" 2>/dev/null)
[ "$completions" = histogram ] || fail "completion of 'hprof-diff hist' gave '$completions'"
options=$(bash -c '. "$1"; COMP_WORDS=(hprof-diff dominators --dep); COMP_CWORD=2; COMP_LINE="hprof-diff dominators --dep"; _complete_hprof-diff; echo "${COMPREPLY[*]}"' _ \
  "$home/share/bash-completion/completions/hprof-diff" 2>/dev/null)
[ "$options" = --depth ] || fail "completion of 'hprof-diff dominators --dep' gave '$options'"
ok "bash completion: hist -> $completions, dominators --dep -> $options"

head -n 12 "$home/share/man/man1/hprof-diff.1" | grep -q '^\.TH "HPROF\\-DIFF" "1"' || fail "the man page has no .TH line"
if command -v man >/dev/null 2>&1; then
  page=$(MANWIDTH=100 man -l "$home/share/man/man1/hprof-diff.1" 2>/dev/null)
  for c in diff report histogram info summary demo index dominators paths suspects; do
    grep -q "hprof-diff $c" <<< "$page" || fail "the man page lacks 'hprof-diff $c'"
  done
  ok "man page renders ($(wc -l <<< "$page") lines) and describes every command"
else
  ok "man page has its .TH header (man is not installed to render it)"
fi
echo "check-dist: all checks passed"
