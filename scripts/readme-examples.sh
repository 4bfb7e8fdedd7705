#!/usr/bin/env bash
# Writes README.md's example outputs anew by running their commands (the demo first, the rest on its dumps), as
# cli/src/test/java/org/hprofdiff/cli/ReadmeExamples.java describes. CI checks that README.md matches what they
# print (ReadmeExamplesTest, in ./build verify); run this after changing what a command prints.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/find-jdk.sh"
find_jdk25 || exit 3
classpath_file=$root/cli/target/readme-classpath.txt
"$root/build" -q -pl cli -am -DskipTests test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
exec "$JAVA25_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$root/cli/target/test-classes:$root/cli/target/classes:$(cat "$classpath_file")" org.hprofdiff.cli.ReadmeExamples "$root"
