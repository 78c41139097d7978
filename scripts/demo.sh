#!/usr/bin/env bash
# The main job: set up, build every target into dist/, then send the same requests to
# native, wasmtime (dist/lockstep.wasm) and Node.js (dist/npm) and show the answers
# side by side, saying whether the bytes are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

requests=(
  'version|{}'
  'version|{"verbose":true}'
  'quote|{"currency":"EUR","lines":[{"sku":"A","quantity":"2","unit_price":"19.99"}]}'
  'version|{"broken":'
)
node_answer() {
  node --input-type=module -e '
    import { handleJson } from "lockstep";
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
      process.stdout.write(handleJson(process.argv[1], s) + "\n"));' "$1"
}
printf '\nLockstep %s: the same request through every target\n' \
  "$(dist/native/lockstep --version | sed -E 's/.*"version":"([^"]+)".*/\1/')"
all_same=yes
for entry in "${requests[@]}"; do
  op=${entry%%|*}
  body=${entry#*|}
  native=$(printf '%s' "$body" | dist/native/lockstep "$op" 2>/dev/null || true)
  wasi=$(printf '%s' "$body" | wasmtime run dist/lockstep.wasm "$op" 2>/dev/null || true)
  web=$(printf '%s' "$body" | (cd tests/node && node_answer "$op"))
  printf '\n$ lockstep %s <<< %s\n' "$op" "$body"
  printf '  %-9s %s\n' native "$native" wasmtime "$wasi" node "$web"
  # `version` names its target; every other byte must match.
  strip() { sed -E 's/"target":"(native|wasi|web)"/"target":"*"/'; }
  if [ "$(strip <<<"$native")" = "$(strip <<<"$wasi")" ] && [ "$(strip <<<"$native")" = "$(strip <<<"$web")" ]; then
    if [ "$op" = version ] && [ "$native" != "$wasi" ]; then
      echo '  => identical bytes on all three targets, apart from the "target" each names'
    else
      echo "  => identical bytes on all three targets"
    fi
  else
    echo "  => MISMATCH"
    all_same=no
  fi
done
printf '\n'
[ "$all_same" = yes ] && echo "All targets agree byte for byte." || { echo "Targets disagree."; exit 1; }
