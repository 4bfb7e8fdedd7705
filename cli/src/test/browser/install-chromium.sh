#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report's browser check when it is missing. Idempotent and quiet:
# prints nothing when chromium is already there or installs cleanly.
# Exit codes: 0 chromium is installed; 2 it cannot be installed here (not root, no apt-get, or apt-get failed).
set -uo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: chromium is missing and cannot be installed here (needs root and apt-get)" >&2
  exit 2
fi
log=$(mktemp)
if DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
   && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >>"$log" 2>&1; then
  rm -f "$log"
  exit 0
fi
echo "install-chromium: apt-get could not install chromium; its output is in $log" >&2
exit 2
