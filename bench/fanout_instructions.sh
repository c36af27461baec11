#!/usr/bin/env bash
# The CPU cost of a chat fan-out in instructions, which unlike wall time does not depend on what
# else the machine is doing: the server runs under callgrind while the load client joins N chat
# viewers and sends R messages to all of them; the same with no message gives the cost of the
# joins, and the difference divided by R*N is the server's instructions per message per viewer.
# Usage: LIVEDECK_BIN=... bash bench/fanout_instructions.sh [N] [R]   (default 500 viewers, 20)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LIVEDECK_BIN:-build/app/livedeck}
client=${LOADCLIENT_BIN:-build/bench/loadclient/livedeck-loadclient}
viewers=${1:-500}
rounds=${2:-20}
port=${PORT:-4591}

# Prints the server's total instructions for one run with `$1` fan-out rounds.
server_instructions() {
  local fanout=$1 data
  data=$(mktemp -d)
  QT_NO_GLIB=1 valgrind --tool=callgrind --callgrind-out-file="$data/callgrind.out" \
    "$bin" --headless --port "$port" --data-dir "$data" --threads 2 >"$data/server.log" 2>&1 &
  local server=$!
  for _ in $(seq 600); do grep -q "listening" "$data/server.log" && break; sleep 0.1; done
  "$client" --url "http://127.0.0.1:$port/examples/chat?user=viewer" --connections "$viewers" \
    --concurrency 50 --timeout 120 --fanout "$fanout" --hold 0 | grep -E "joined ok|fan-out" >&2
  kill -TERM "$server"; wait "$server" || true
  awk '/^summary:/ { print $2 }' "$data/callgrind.out"*
  [[ -n "${KEEP:-}" ]] && cat "$data/server.log" >&2
  rm -rf "$data"
}

with=$(server_instructions "$rounds")
without=$(server_instructions 0)
echo "server instructions: ${with} with ${rounds} messages, ${without} without"
echo "per message per viewer: $(( (with - without) / (rounds * viewers) ))"
