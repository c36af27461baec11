#!/usr/bin/env bash
# livedeck with its admin window open (offscreen), for bench/fanout.sh: the fan-out figure must
# not change with the window watching every session.
#   LIVEDECK_BIN=bench/admin/livedeck-with-window.sh bash bench/fanout.sh 5000
args=()
for a in "$@"; do [[ $a == --headless ]] || args+=("$a"); done
QT_QPA_PLATFORM=offscreen exec "$(dirname "$0")/../../build/app/livedeck" "${args[@]}"
