#!/usr/bin/env bash
# Opens an HTML report in headless Chromium and checks it as a reader's browser shows it: no script
# errors, every chart laid out with all its points at the right places, sortable columns that sort,
# printing that unfolds, nothing fetched. Installs Debian's chromium first when it is missing
# (install-chromium.sh), unless HPROFDIFF_NO_CHROMIUM_INSTALL=1.
#
# Usage: check-html.sh [--dom FILE] [--screenshot PNG] REPORT.html
#   --dom FILE         keep the DOM as Chromium left it after the checks (for tests to read)
#   --screenshot PNG   also save a 1280-pixel-wide picture of the page as it is first shown
# Exit codes: 0 passed; 1 failed (one line per problem); 2 skipped: no Chromium and none can be installed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dom_out="" shot="" report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dom) dom_out=$2; shift 2 ;;
    --screenshot) shot=$2; shift 2 ;;
    -*) echo "check-html: unknown option $1" >&2; exit 64 ;;
    *) report=$1; shift ;;
  esac
done
[ -n "$report" ] && [ -r "$report" ] || { echo "check-html: usage: check-html.sh [--dom FILE] [--screenshot PNG] REPORT.html" >&2; exit 64; }

find_chromium() { command -v chromium || command -v chromium-browser || true; }
chromium=$(find_chromium)
if [ -z "$chromium" ] && [ "${HPROFDIFF_NO_CHROMIUM_INSTALL:-0}" != 1 ]; then
  "$here/install-chromium.sh" || true
  chromium=$(find_chromium)
fi
if [ -z "$chromium" ]; then
  echo "browser check: SKIPPED: chromium is not installed and could not be installed here"
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The probe goes right after <meta charset>, which must stay within the page's first 1024 bytes.
awk 'FNR == NR { probe = probe $0 "\n"; next }
     { print }
     /^<meta charset=/ && !done { printf "<script>\n%s</script>\n", probe; done = 1 }' "$here/probe.js" "$report" > "$work/page.html"
grep -q 'data-probe' "$work/page.html" || { echo "browser check: FAILED: no <meta charset> line to put the probe after"; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update
       --disable-sync --disable-extensions --no-first-run --no-default-browser-check --mute-audio --hide-scrollbars)
if ! timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile" --dump-dom "file://$work/page.html" \
     > "$work/dom.html" 2> "$work/chromium.log"; then
  echo "browser check: FAILED: chromium did not render the page; its last lines:"
  tail -5 "$work/chromium.log"
  exit 1
fi
[ -z "$dom_out" ] || cp "$work/dom.html" "$dom_out"
if [ -n "$shot" ]; then
  cp "$report" "$work/shot.html"
  timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile2" --window-size=1280,1800 \
    --screenshot="$work/shot.png" "file://$work/shot.html" >> "$work/chromium.log" 2>&1 || true
  if [ -s "$work/shot.png" ]; then cp "$work/shot.png" "$shot"; else echo "browser check: note: no screenshot was written"; fi
fi

# The page's own <body> carries data-report (the probe's source, also in the DOM, mentions <body> too).
body=$(grep -o '<body [^>]*data-report=[^>]*>' "$work/dom.html" | head -1)
attr() { printf '%s' "$body" | sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p"; }
version=$("$chromium" --version 2>/dev/null | head -1 || true)
case "$(attr data-probe)" in
  ok)
    echo "browser check: ok: $(attr data-charts) charts with $(attr data-points) points drawn, $(attr data-sorted-columns) sortable columns, $(attr data-details) folded blocks, $(attr data-resources) fetches, no script errors ($version)"
    ;;
  failed)
    echo "browser check: FAILED ($version):"
    attr data-probe-errors | sed 's/ | /\n/g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' | sed 's/^/  /'
    exit 1
    ;;
  *)
    echo "browser check: FAILED: the probe did not finish (a script error stopped it?) ($version)"
    exit 1
    ;;
esac
