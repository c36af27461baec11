#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in a build directory of their own and runs
# each for SECONDS, starting from seed corpora made from the tests and the reference transcripts
# plus the inputs that once crashed (tests/fuzz/regressions/<target>/). Exits non-zero if any
# target crashed, leaked, hit undefined behaviour or timed out; the input is kept in
# BUILD/artifacts/.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]
#   FUZZ_BUILD_DIR=build-fuzz   where to build (default: build-fuzz in the checkout)
#   FUZZ_CXX=clang++-14         the compiler
#   FUZZ_JOBS=1                 parallel fuzzing processes per target (libFuzzer -jobs/-workers)
#   FUZZ_NICE=0                 niceness of the fuzzing processes
#   FUZZ_TIMEOUT=10             seconds (wall time) after which one input counts as a hang
set -euo pipefail
seconds=${1:?usage: run.sh SECONDS [TARGET...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$repo/build-fuzz}
cxx=${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}
if [ -z "$cxx" ]; then
  echo "run.sh: no clang++ found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" >/dev/null
cmake --build "$build" -j"${FUZZ_BUILD_JOBS:-2}"

rm -rf "$build/seeds"
references=()
for r in /work/shared/reference; do [ -d "$r" ] && references+=("$r"); done
node "$here/make_seeds.js" "$build/seeds" "${references[@]}"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(frame template expression form_params token cluster_message request_head websocket)
fi
failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus" "$build/artifacts" "$build/logs"
  dirs=("$corpus" "$build/seeds/$t")
  [ -d "$here/regressions/$t" ] && dirs+=("$here/regressions/$t")
  echo "== fuzz_$t for ${seconds}s"
  # -timeout: one input taking longer is a hang; -rss_limit_mb: memory a parser must not need.
  if nice -n "${FUZZ_NICE:-0}" "$build/fuzz_$t" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$t-" "${dirs[@]}" >"$build/logs/$t.log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/logs/$t.log" | tr '\n' ' '
    echo
  else
    echo "fuzz_$t FAILED (log: $build/logs/$t.log)"
    grep -E "ERROR|runtime error|SUMMARY|Test unit written" "$build/logs/$t.log" | head -20 || true
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "all ${#targets[@]} fuzz targets ran ${seconds}s each without a finding"
