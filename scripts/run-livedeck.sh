#!/usr/bin/env bash
# Sets up, builds and launches LiveDeck with the embedded default (SQLite file, in-process PubSub).
# Extra arguments go to livedeck, e.g. --port 8080 --data-dir /srv/livedeck.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --target livedeck
# livedeck opens its admin window where a display exists and runs headless otherwise; its first
# line says which (pass --headless to keep the window closed on a desktop).
export QT_NO_GLIB=1
exec ./build/app/livedeck "$@"
