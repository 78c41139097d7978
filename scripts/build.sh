#!/usr/bin/env bash
# Builds every artifact into dist/:
#   dist/native/lockstep   native CLI
#   dist/lockstep.wasm     WASI command
#   dist/lockstep.cwasm    the same, precompiled by wasmtime
#   dist/npm/              the npm package (ESM, .d.ts, .wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'build: %s\n' "$*"; }

mkdir -p dist/native
say "native CLI"
cargo build --quiet --release -p lockstep-cli
cp target/release/lockstep dist/native/lockstep

say "WASI command"
cargo build --quiet --profile wasm --target wasm32-wasip1 -p lockstep-cli
# Binaryen's wasm-opt (npm `binaryen`, pinned by the lockfile): -Oz was the smallest raw
# module of -Oz/-Os/-O2/-O3 and no slower under wasmtime (docs/performance.md, "wasm-opt").
[ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  target/wasm32-wasip1/wasm/lockstep.wasm -o dist/lockstep.wasm
wasmtime compile dist/lockstep.wasm -o dist/lockstep.cwasm

say "npm package"
cargo build --quiet --profile wasm-web --target wasm32-unknown-unknown -p lockstep-web
rm -rf dist/npm
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir dist/npm --out-name lockstep_web \
  target/wasm32-unknown-unknown/wasm-web/lockstep_web.wasm
# The entries (index.js browser/bundlers, node.js Node/Deno/Bun, workerd.js Workers) and
# the API they share (api.js: JSON.stringify in, JSON.parse out, LockstepError).
cp bindings-web/npm/{index,node,workerd,api}.js bindings-web/npm/index.d.ts dist/npm/
node scripts/gen-types.mjs dist/npm/types.d.ts
version=$(cargo metadata --format-version 1 --no-deps | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="lockstep-web").version))')
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("bindings-web/npm/package.json", "utf8"));
  p.version = process.argv[1];
  fs.writeFileSync("dist/npm/package.json", JSON.stringify(p, null, 2) + "\n");
' "$version"

for f in dist/lockstep.wasm dist/npm/lockstep_web_bg.wasm; do
  printf 'build: %-32s %7d bytes, %6d gzip\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done

# The checkout demo: dist/www (page + a copy of dist/npm) and dist/native/lockstep-demo.
scripts/build-www.sh

# --- Components (docs/components.md) -------------------------------------------------
#   dist/lockstep.component.wasm  the pure component (lockstep:engine/api, no imports)
#   dist/component-js/            the same, transpiled by jco for Node.js
#   dist/lockstep-http.wasm       the wasi:http/proxy edge function
#   dist/payment/*.wasm           the payment service's parts; dist/lockstep-payment.wasm
#                                 the composed service (wac plug)
# Core modules for wasm32-unknown-unknown (whose std imports nothing), made components
# by `jco new`, composed by `wac`.
say "components"
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p lockstep-component \
  -p lockstep-http -p lockstep-payment-geo -p lockstep-payment-sanitizer -p lockstep-payment-scorer
# Alone: with lockstep-http in the same build its `edge` export would be unified in.
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p lockstep-payment-service
jco=node_modules/.bin/jco
wasm_out=target/wasm32-unknown-unknown/wasm
"$jco" new "$wasm_out/lockstep_component.wasm" -o dist/lockstep.component.wasm
"$jco" new "$wasm_out/lockstep_http.wasm" -o dist/lockstep-http.wasm
rm -rf dist/component-js
"$jco" transpile dist/lockstep.component.wasm -o dist/component-js --name lockstep --quiet
mkdir -p dist/payment
for part in geo sanitizer scorer service; do
  "$jco" new "$wasm_out/lockstep_payment_$part.wasm" -o "dist/payment/$part.wasm"
done
wac plug dist/payment/scorer.wasm --plug dist/payment/geo.wasm -o dist/payment/scorer+geo.wasm
wac plug dist/payment/service.wasm --plug dist/payment/sanitizer.wasm \
  --plug dist/payment/scorer+geo.wasm -o dist/lockstep-payment.wasm
for f in dist/lockstep.component.wasm dist/lockstep-http.wasm dist/payment/geo.wasm \
  dist/payment/sanitizer.wasm dist/payment/scorer.wasm dist/payment/service.wasm \
  dist/lockstep-payment.wasm; do
  printf 'build: %-32s %7d bytes, %6d gzip\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
