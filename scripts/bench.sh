#!/usr/bin/env bash
# The benchmark harness (issue #5, #12): throughput (native, wasmtime, Node.js, Chromium;
# the npm object API next to its string entry), cold start (process, in-process and a
# Chromium page), warm-instance memory, the decimal.js alternative, sizes.
#   scripts/bench.sh            full run (several minutes); writes target/bench/report.md,
#                               results.json, cold-start.svg and publishes into
#                               docs/performance.md + docs/cold-start.svg
#   scripts/bench.sh --smoke    everything tiny (seconds): checks the harness works; publishes nothing
#   --inproc                    also build the wasmtime-crate driver (~10 min once); it is
#                               used whenever it is already built
#   --no-chromium               skip the headless Chromium runs
#   --no-publish                full run without touching docs/
# Reports, never fails on a number: it exits non-zero only when a target's answer differs
# or the decimal.js alternative disagrees with Lockstep.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'bench: %s\n' "$*"; }

smoke=0 inproc=0 publish=1 pass=()
for a in "$@"; do
  case "$a" in
    --smoke) smoke=1; pass+=(--smoke) ;;
    --inproc) inproc=1 ;;
    --no-chromium) pass+=(--no-chromium) ;;
    --no-publish) publish=0 ;;
    *) echo "usage: scripts/bench.sh [--smoke] [--inproc] [--no-chromium] [--no-publish]" >&2; exit 2 ;;
  esac
done

[ -f dist/lockstep.cwasm ] && [ -f dist/npm/lockstep_web_bg.wasm ] && [ -x dist/native/lockstep ] || scripts/build.sh
[ -d node_modules/decimal.js ] || { say "npm ci (decimal.js missing)"; npm ci --silent; }
mkdir -p bench/node_modules
ln -sfn ../../dist/npm bench/node_modules/lockstep

say "drivers (bench/, its own workspace)"
cargo build --quiet --release --manifest-path bench/Cargo.toml --bins --target-dir target/bench-drivers
if [ "$inproc" = 1 ]; then
  say "wasmtime-crate driver (long the first time)"
  cargo build --quiet --profile inproc --features wasmtime --bin inproc \
    --manifest-path bench/Cargo.toml --target-dir target/bench-build
fi
if [ "$smoke" = 0 ]; then
  say "unstripped WASI build with a linker map for the size breakdown (target/bench-size)"
  mkdir -p target/bench-size/wasm32-wasip1/wasm
  RUSTFLAGS="-C link-arg=-Map=$PWD/target/bench-size/wasm32-wasip1/wasm/lockstep.wasm.map" CARGO_PROFILE_WASM_STRIP=false cargo build --quiet --profile wasm --target wasm32-wasip1 \
    -p lockstep-cli --target-dir target/bench-size
  [ "$publish" = 1 ] && pass+=(--publish)
fi
cd bench
node js/run.mjs ${pass[@]+"${pass[@]}"}
say "report: target/bench/report.md"
