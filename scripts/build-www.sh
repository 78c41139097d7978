#!/usr/bin/env bash
# Builds the checkout demo (issue #9) into dist/ (assumes scripts/build.sh already ran,
# so dist/npm exists):
#   dist/www/                 the page: index.html, style.css, samples.json, ES modules
#                             compiled by tsc (no bundler) and a copy of dist/npm in npm/
#   dist/native/lockstep-demo the demo server (feature `demo-server` of bindings-native)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'build-www: %s\n' "$*"; }

[ -f dist/npm/index.js ] || { echo "build-www: dist/npm is missing; run scripts/build.sh first" >&2; exit 1; }

say "page (tsc, www/ -> dist/www)"
rm -rf dist/www
mkdir -p dist/www
cp -R dist/npm dist/www/npm
cp www/index.html www/style.css www/samples.json dist/www/
node_modules/.bin/tsc -p www/tsconfig.json

say "demo server"
cargo build --quiet --release -p lockstep --features demo-server --bin lockstep-demo
mkdir -p dist/native
cp target/release/lockstep-demo dist/native/lockstep-demo

page=$(cat dist/www/index.html dist/www/style.css dist/www/samples.json dist/www/*.js | wc -c)
page_gz=$(cat dist/www/index.html dist/www/style.css dist/www/samples.json dist/www/*.js | gzip -9 | wc -c)
npm=$(cat dist/www/npm/index.js dist/www/npm/api.js dist/www/npm/lockstep_web.js dist/www/npm/lockstep_web_bg.wasm | wc -c)
npm_gz=$(cat dist/www/npm/index.js dist/www/npm/api.js dist/www/npm/lockstep_web.js dist/www/npm/lockstep_web_bg.wasm | gzip -9 | wc -c)
say "$(printf 'page %d bytes (%d gzip) + package %d bytes (%d gzip)' "$page" "$page_gz" "$npm" "$npm_gz")"
say "run: dist/native/lockstep-demo --www dist/www   (then open the printed URL)"
