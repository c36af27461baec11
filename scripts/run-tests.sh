#!/usr/bin/env bash
# Sets up and builds everything, then runs the whole suite (unit, integration, browser) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_NO_GLIB=1 QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure --timeout 600 -j 2
