#!/usr/bin/env bash
# Runs Phoenix LiveView's own Playwright suite (SUITE_DIR: a checkout of the tag v1.2.10) against
# livedeck-conformance, chromium only, the specs unchanged. The last line printed is
# "N passed, M failed, K skipped".
#
#   tests/conformance/run-upstream-suite.sh SUITE_DIR [extra playwright arguments]
#
# Environment: LIVEDECK_CONFORMANCE_BIN (default build/tests/conformance/livedeck-conformance),
# LIVEDECK_CONFORMANCE_CACHE (default ~/.cache/livedeck-conformance: npm packages and the
# suite's working copy live there, outside the repository).
set -euo pipefail

if [[ $# -lt 1 || ! -d "$1/test/e2e/tests" ]]; then
  echo "usage: $0 SUITE_DIR [playwright args...]  (SUITE_DIR/test/e2e/tests must exist)" >&2
  exit 2
fi
suite_dir=$(cd "$1" && pwd)
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
server_bin=${LIVEDECK_CONFORMANCE_BIN:-$repo/build/tests/conformance/livedeck-conformance}
cache=${LIVEDECK_CONFORMANCE_CACHE:-$HOME/.cache/livedeck-conformance}
work=$cache/runner

if [[ ! -x $server_bin ]]; then
  echo "$server_bin is missing: build the livedeck-conformance target first" >&2
  exit 2
fi

# The @playwright/test and monocart-reporter versions the suite's lock file pins (the unchanged
# test-fixtures.js imports both). Browsers are never downloaded: Debian's chromium is used.
lock=$suite_dir/package-lock.json
pinned() { node -e 'const l=require(process.argv[1]);console.log(l.packages["node_modules/"+process.argv[2]].version)' "$lock" "$1"; }
playwright_version=$(pinned @playwright/test)
monocart_version=$(pinned monocart-reporter)
mkdir -p "$work"
if [[ ! -f $work/package.json ]]; then
  echo '{ "name": "livedeck-conformance-runner", "private": true, "type": "module" }' >"$work/package.json"
fi
installed() { node -e 'console.log(require(process.argv[1]).version)' "$work/node_modules/$1/package.json" 2>/dev/null || true; }
if [[ $(installed @playwright/test) != "$playwright_version" || $(installed monocart-reporter) != "$monocart_version" ]]; then
  (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 nice -n 19 npm install --no-audit --no-fund \
    "@playwright/test@$playwright_version" "monocart-reporter@$monocart_version" >&2)
fi

# A fresh copy of the specs and helpers beside node_modules (ES module imports resolve packages
# from the file's real location), and the source map test-fixtures.js reads two levels up.
rm -rf "$work/test" "$work/priv" "$work/test-results" "$work/results.json"
mkdir -p "$work/test/e2e" "$work/priv/static"
cp -R "$suite_dir/test/e2e/tests" "$suite_dir/test/e2e/utils.js" \
  "$suite_dir/test/e2e/test-fixtures.js" "$work/test/e2e/"
cp "$repo/resources/node_modules/phoenix_live_view/priv/static/phoenix_live_view.esm.js.map" \
  "$work/priv/static/"
cp "$here/playwright.config.js" "$work/playwright.config.js"

# The 15 tests that send Elixir code to the server (evalLV/evalPlug): no C++ server can run them.
eval_tests='loading and locked states with laten|keyed-comprehension\.spec|issue #3260|3083\.spec|4323\.spec|renders modal inside portal location|nested portals render and work correctly'

set +e
(cd "$work" && LIVEDECK_CONFORMANCE_SERVER="$server_bin --port 4004" nice -n 19 \
  ./node_modules/.bin/playwright test --project chromium --grep-invert "$eval_tests" "$@")
status=$?
set -e

if [[ ! -f $work/results.json ]]; then
  echo "no results (playwright exited with $status)" >&2
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi
# Flaky counts as failed: retries are off, so it cannot happen, but nothing is hidden if it does.
node -e '
  const s = require(process.argv[1]).stats;
  console.log(`${s.expected} passed, ${s.unexpected + s.flaky} failed, ${s.skipped} skipped`);
' "$work/results.json"
