#!/usr/bin/env bash
# `./build dist`: writes dist/hprof-diff-<version>-linux-x64.tar.gz, an archive that runs without a JDK or Maven:
#   hprof-diff-<version>/bin/hprof-diff                             the launcher (JAVA_OPTS passed on)
#   hprof-diff-<version>/lib/hprof-diff.jar                         the tool
#   hprof-diff-<version>/runtime/                                   its own Java runtime, jlink'ed with only the modules it needs
#   hprof-diff-<version>/share/bash-completion/completions/hprof-diff
#   hprof-diff-<version>/share/man/man1/hprof-diff.1
# Needs a JDK 25 (found as ./build finds it), Maven, and asciidoctor (Debian's package) for the man page.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-jdk.sh"
find_jdk25 || exit 3
command -v asciidoctor >/dev/null 2>&1 || {
  echo "dist: asciidoctor not found (it turns the man page picocli writes into troff); install it, e.g. 'apt-get install asciidoctor'" >&2
  exit 3
}
jdk=$JAVA25_HOME
cd "$root"

# The jar, and the release tooling (cli's test classes: ReleaseDocs) with its class path.
classpath_file=$root/cli/target/release-classpath.txt
"$root/build" -q -pl cli -am -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
jar=$root/cli/target/hprof-diff.jar
version=$("$jdk/bin/java" -jar "$jar" --version | awk 'NR == 1 { print $2 }')
[ -n "$version" ] || { echo "dist: the jar did not tell its version" >&2; exit 3; }
name=hprof-diff-$version

work=$(mktemp -d "${TMPDIR:-/tmp}/hprof-diff-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
stage=$work/$name
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/bash-completion/completions" "$stage/share/man/man1"
cp "$jar" "$stage/lib/hprof-diff.jar"

# Completion and man page, from the command model the tool runs.
"$jdk/bin/java" -cp "$root/cli/target/test-classes:$jar:$(cat "$classpath_file")" org.hprofdiff.cli.ReleaseDocs \
  "$stage/share/bash-completion/completions/hprof-diff" "$work/hprof-diff.adoc"
asciidoctor -b manpage -a reproducible -o "$stage/share/man/man1/hprof-diff.1" "$work/hprof-diff.adoc"

# The runtime. jdeps names the modules the jar's classes use; two of them only Jackson's optional handlers touch
# (java.sql's date types, java.beans' annotations), which it loads only when such a type is serialised, so they stay
# out. jdk.jfr goes in although no class uses it: the demo's child JVM takes GC.class_histogram through the
# DiagnosticCommand MBean, whose list of commands cannot be built without it (HotSpot's JFR commands are written in
# Java), and then has no command at all.
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 "$jar" \
  | tr ',' '\n' | grep -vx -e java.desktop -e java.sql | paste -sd, -),jdk.jfr
# The JDK here may have no jmods: jlink then links from the run-time image (JEP 493), which needs a JDK built for it.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-9 \
  --output "$stage/runtime" >&2

cat > "$stage/bin/hprof-diff" <<'LAUNCHER'
#!/bin/sh
# hprof-diff with the Java runtime that came with it: no JDK or Maven needed. JVM options go in JAVA_OPTS,
# e.g. JAVA_OPTS=-Xmx4g hprof-diff histogram big.hprof
here=$(dirname "$(readlink -f "$0")")
home=$(dirname "$here")
# shellcheck disable=SC2086
exec "$home/runtime/bin/java" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -jar "$home/lib/hprof-diff.jar" "$@"
LAUNCHER
chmod 755 "$stage/bin/hprof-diff"
cp "$root/README.md" "$stage/README.md"

mkdir -p "$root/dist"
archive=$root/dist/$name-linux-x64.tar.gz
tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$archive" "$name"
echo "dist: wrote $archive ($(du -h "$archive" | cut -f1); modules $modules)"
