#!/usr/bin/env bash
# The chat product under steady traffic: N load-client viewers in one /chat room, one of them
# sending RATE messages per second for SECONDS; prints delivery p50/p99 over every (message,
# viewer) pair and the server's CPU per second. Fresh server and data directory per run.
# Usage: bash bench/chat_rate.sh [N] (default 500; RATE=10 SECONDS=10; build first)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LIVEDECK_BIN:-build/app/livedeck}
client=build/bench/loadclient/livedeck-loadclient
port=${PORT:-4591}
count=${1:-500}
data=$(mktemp -d)
QT_NO_GLIB=1 "$bin" --headless --port "$port" --data-dir "$data" ${SERVER_ARGS:-} >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q "listening" "$data/server.log" && break; sleep 0.1; done
echo "== $count viewers in /chat?room=lobby, ${RATE:-10} messages/s for ${SECONDS_OF_TRAFFIC:-10} s"
status=0
"$client" --url "http://127.0.0.1:$port/chat?room=lobby" --connections "$count" --concurrency 200 \
  --rate "${RATE:-10}" --duration "${SECONDS_OF_TRAFFIC:-10}" --server-pid "$server" --hold 0 |
  grep -E "joined ok|errors|rate|server VmRSS after" || status=$?
kill "$server"; wait "$server" || true
rm -rf "$data"
exit $status
