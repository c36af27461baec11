#!/usr/bin/env bash
# Sets up, builds and launches LiveDeck with the embedded default (SQLite file, in-process PubSub).
# Extra arguments go to livedeck, e.g. --port 8080 --data-dir /srv/livedeck.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --target livedeck
args=()
# The admin window needs a display; without one LiveDeck runs as a headless server.
[[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && args+=(--headless)
export QT_NO_GLIB=1
exec ./build/app/livedeck "${args[@]}" "$@"
