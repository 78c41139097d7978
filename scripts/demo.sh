#!/usr/bin/env bash
# The main job: set up, build every target into dist/, show the same requests answered
# by native, wasmtime (dist/lockstep.wasm) and Node.js (dist/npm) side by side, then
# start the checkout demo server on 127.0.0.1 and print its URL.
#   scripts/demo.sh [--port N]   parity table, then the server (default port 8080)
#   scripts/demo.sh --parity     parity table only (headless use); exits 1 on a mismatch
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
serve=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --parity) serve=no; shift ;;
    *) echo "usage: scripts/demo.sh [--port N] [--parity]" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
scripts/build.sh

quote_request=$(node -e 'process.stdout.write(JSON.stringify(require("./www/samples.json").quote.request))' 2>/dev/null \
  || echo '{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"3","unit_price":"19.99"}]}')
requests=(
  'version|{}'
  "quote|${quote_request}"
  'quote|{"currency":"XAU","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"-1","unit_price":"1"}]}'
  'version|{"broken":'
)
node_answer() {
  node --input-type=module -e '
    import { handleJson } from "lockstep";
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
      process.stdout.write(handleJson(process.argv[1], s) + "\n"));' "$1"
}
strip() { sed -E 's/"target":"(native|wasi|web)"/"target":"*"/'; }
printf '\nLockstep %s: the same request through every target\n' \
  "$(dist/native/lockstep --version | sed -E 's/.*"version":"([^"]+)".*/\1/')"
all_same=yes
for entry in "${requests[@]}"; do
  op=${entry%%|*}
  body=${entry#*|}
  native=$(printf '%s' "$body" | dist/native/lockstep "$op" 2>/dev/null || true)
  wasi=$(printf '%s' "$body" | wasmtime run dist/lockstep.wasm "$op" 2>/dev/null || true)
  web=$(printf '%s' "$body" | (cd tests/node && node_answer "$op"))
  printf '\n$ lockstep %s <<< %s\n' "$op" "$(cut -c1-160 <<<"$body")"
  printf '  %-9s %s\n' native "$native" wasmtime "$wasi" node "$web"
  if [ "$(strip <<<"$native")" = "$(strip <<<"$wasi")" ] && [ "$(strip <<<"$native")" = "$(strip <<<"$web")" ]; then
    if [ "$native" != "$wasi" ]; then
      echo '  => identical bytes on all three targets, apart from the "target" each names'
    else
      echo "  => identical bytes on all three targets ($(printf '%s' "$native" | wc -c) bytes)"
    fi
  else
    echo "  => MISMATCH"
    all_same=no
  fi
done
printf '\n'
if [ "$all_same" = yes ]; then echo "All targets agree byte for byte."; else echo "Targets disagree."; exit 1; fi
[ "$serve" = yes ] || exit 0

printf '\nStarting the checkout demo (Ctrl-C stops it): the page prices the cart in the browser\n'
printf 'with the npm package and shows whether the native server answers the same bytes.\n'
exec dist/native/lockstep-demo --port "$port" --www dist/www
