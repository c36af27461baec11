#!/usr/bin/env bash
# Runs browser tests with node's test runner: the spec files given, or every *.test.js.
# Needs LIVEDECK_BIN (set by CTest) or LIVEDECK_URL.
set -euo pipefail
cd "$(dirname "$0")"
[[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund --loglevel=error
if (($#)); then specs=("$@"); else specs=(*.test.js); fi
exec node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}"
