#!/usr/bin/env bash
# Runs the browser tests with node's test runner. Needs LIVEDECK_BIN (set by CTest) or LIVEDECK_URL.
set -euo pipefail
cd "$(dirname "$0")"
[[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund --loglevel=error
exec node --test --test-concurrency=1 --test-reporter=spec *.test.js
