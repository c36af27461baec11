#!/usr/bin/env bash
# The long pass recorded in RELIABILITY.md: each target until 10 million executions or 30
# minutes, whichever comes first, niced, in two lanes (one per core of the machine it was made
# for: the slow template target alone, the six fast ones one after another in the other). Run
# tests/fuzz/run.sh once first (it builds the targets and the seeds).
#   FUZZ_BUILD_DIR=build-fuzz tests/fuzz/long_pass.sh
#   FUZZ_TIMEOUT=10   seconds (wall time) after which one input counts as a hang
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${FUZZ_BUILD_DIR:-$here/../../build-fuzz}
mkdir -p "$build/long" "$build/artifacts"
run() {
  local t=$1
  mkdir -p "$build/corpus/$t"
  local dirs=("$build/corpus/$t" "$build/seeds/$t")
  [ -d "$here/regressions/$t" ] && dirs+=("$here/regressions/$t")
  nice -n 19 "$build/fuzz_$t" -runs=10000000 -max_total_time=1800 -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/long-$t-" \
    "${dirs[@]}" >"$build/long/$t.log" 2>&1
  echo "$t exit $? $(grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/long/$t.log" | tr '\n' ' ')"
}
lane() { for t in "$@"; do run "$t"; done; }
rm -f "$build/long"/lane*.txt
lane template websocket > "$build/long/lane1.txt" &
lane frame cluster_message request_head token form_params expression > "$build/long/lane2.txt" &
wait
cat "$build/long"/lane*.txt
