# Sourced by ./build and ./hprof-diff. Sets JAVA25_HOME to a JDK whose major version is >= 25,
# looking at JAVA_HOME first, then `java` on PATH, then the usual install locations.
# On failure prints one line saying what to install and returns 1.

_hd_java_major() { # $1 = java executable; prints the major version or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

_hd_is_jdk25() { # $1 = a JDK home
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local major; major=$(_hd_java_major "$1/bin/java")
  [ -n "$major" ] && [ "$major" -ge 25 ]
}

find_jdk25() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && _hd_is_jdk25 "$JAVA_HOME"; then JAVA25_HOME=$JAVA_HOME; return 0; fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if _hd_is_jdk25 "$candidate"; then JAVA25_HOME=$candidate; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if _hd_is_jdk25 "$candidate"; then JAVA25_HOME=$candidate; return 0; fi
  done
  echo "hprof-diff: no JDK 25 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. 'apt-get install temurin-25-jdk', or set JAVA_HOME to it" >&2
  return 1
}
