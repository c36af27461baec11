#!/usr/bin/env bash
# Prepares a Debian 12 machine (as root) and builds LiveDeck: apt packages, the pinned npm
# packages, CMake configure and build. Safe to run again: each step skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config zlib1g-dev
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev
  libgumbo-dev chromium redis-server libhiredis-dev prometheus sqlite3
  # tests/fuzz/: libFuzzer with ASan and UBSan
  clang-14 libclang-rt-14-dev
  # installer/: icon rendering, the package checks and the clean-root install test
  librsvg2-bin lintian desktop-file-utils appstream systemd man-db file curl iproute2
  mmdebstrap systemd-container xvfb xdotool x11-utils
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== npm ci (pinned LiveView clients and browser-test tools)"
for dir in resources tests/e2e; do
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done

echo "== build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" "$@"
