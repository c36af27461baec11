#!/usr/bin/env bash
# Chat fan-out: one message to N connected chat viewers, time until the last has its diff.
# Starts a fresh livedeck (own data directory) per N, runs the load client, stops the server.
# Usage: bash bench/fanout.sh [N ...]   (default: 1000 5000 19000; build first)
# SERVER_ARGS adds livedeck options (e.g. SERVER_ARGS="--event-loop poll" to compare dispatchers).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LIVEDECK_BIN:-build/app/livedeck}
client=build/bench/loadclient/livedeck-loadclient
rounds=${ROUNDS:-10}
port=${PORT:-4590}
for n in "${@:-1000 5000 19000}"; do
  for count in $n; do
    data=$(mktemp -d)
    QT_NO_GLIB=1 "$bin" --headless --port "$port" --data-dir "$data" --max-connections 19000 ${SERVER_ARGS:-} \
      >"$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 50); do grep -q "listening" "$data/server.log" && break; sleep 0.1; done
    echo "== $count viewers"
    "$client" --url "http://127.0.0.1:$port/examples/chat?user=viewer" --connections "$count" \
      --concurrency 500 --fanout "$rounds" --server-pid "$server" --hold 0 |
      grep -E "joined ok|fan-out|server VmRSS after"
    kill "$server"; wait "$server" || true
    rm -rf "$data"
  done
done
