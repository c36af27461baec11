#!/usr/bin/env bash
# N load-client viewers on /dashboard/system (default 1000): every sample of the shared sampler
# (one a second) timed from its stamp to each viewer's diff, bytes per viewer per sample, the
# server's CPU per sample. Figures only; recorded in BENCHMARKS.md.
#   bash bench/dashboards/system_viewers.sh [viewers] [samples]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD_DIR:-$here/build}"
viewers="${1:-1000}"
samples="${2:-20}"
data="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
ulimit -n "$(ulimit -Hn)"
"$build/app/livedeck" --headless --port 0 --data-dir "$data" >"$data/out" 2>"$data/err" &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$data/out" && break; sleep 0.1; done
url="$(sed -n 's/.*LiveDeck listening on \(http[^ ]*\).*/\1/p' "$data/out")"
echo "server $url (pid $server), $viewers viewers, $samples samples"
"$build/bench/loadclient/livedeck-loadclient" --url "$url/dashboard/system" \
  --connections "$viewers" --concurrency 100 --ticks "$samples" --server-pid "$server"
