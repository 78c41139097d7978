#!/usr/bin/env bash
# Every test: setup (idempotent), build dist/, then formatting, lints, Rust tests,
# wasm tests in Node.js and headless Chromium, the npm package in Node.js, and the
# cross-target byte comparison. Fails on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== test: %s\n' "$*"; }
started=$(date +%s)
# The browser target never skips under this command (it does outside it, loudly).
export LOCKSTEP_REQUIRE_BROWSER=1

step "setup"
scripts/setup.sh --browser

step "build dist/"
scripts/build.sh

# --- Components (docs/components.md): the conformance suite's wasmtime-crate host for
# dist/lockstep.component.wasm, its own workspace (about 10 minutes the first time).
step "component test host (bindings-component/host: the wasmtime crate's component API)"
(cd bindings-component/host && cargo build --quiet --release --locked \
  && cargo fmt -- --check && cargo clippy --quiet --release --locked -- -D warnings)

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host, all targets)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p lockstep --all-targets --features demo-server -- -D warnings
step "cargo clippy (wasm32 bindings)"
cargo clippy --quiet -p lockstep-web --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --quiet -p lockstep-cli --target wasm32-wasip1 -- -D warnings

# --- Components: every component crate for its wasm target (one command: clippy does
# not link, so lockstep-http's `edge` export unified into the service is harmless here).
step "cargo clippy (wasm32 components)"
cargo clippy --quiet --target wasm32-unknown-unknown -p lockstep-component -p lockstep-http \
  -p lockstep-payment-geo -p lockstep-payment-sanitizer -p lockstep-payment-scorer \
  -p lockstep-payment-service -- -D warnings

# Docs, the core alone, the MSRV: rustdoc warnings fail (the crate doc is the README, its
# Rust example a doc test), lockstep-core must build without its `schema` feature (as
# the bindings use it), and the workspace must build with the rust-version it declares.
# `--lib`: the CLI binary is also named `lockstep` and would overwrite the crate's docs.
msrv=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
step "rustdoc -D warnings, lockstep-core without features, MSRV ${msrv} (cargo +${msrv}.0 check)"
RUSTDOCFLAGS=-Dwarnings cargo doc --quiet --no-deps --workspace --lib
cargo check --quiet -p lockstep-core
cargo "+${msrv}.0" check --quiet --workspace

step "dependency policy: cargo deny check licenses bans sources (deny.toml; advisories need GitHub, unreachable here)"
cargo deny check licenses bans sources

step "Rust tests (core, bindings, schema, CLI contract, sandbox, cross-target)"
cargo test --quiet --workspace

step "wasm-bindgen-test in Node.js"
(cd bindings-web && cargo test --target wasm32-unknown-unknown --test web)

step "wasm-bindgen-test in headless Chromium"
(cd bindings-web && CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_USE_BROWSER=1 \
  cargo test --target wasm32-unknown-unknown --test web)

step "npm package in Node.js (node --test) and its TypeScript declarations (tsc)"
node --test tests/node/
node_modules/.bin/tsc -p tests/node/tsconfig.json

step "npm package in a page, and the checkout demo against its server, in headless Chromium (playwright-core, Debian chromium)"
LOCKSTEP_REQUIRE_BROWSER=1 node --test tests/browser/

# --- edge runtimes and bundlers (issue #13; tests/edge/) ---------------------------
# The npm package under the real runtimes from package-lock.json: a Worker bundled by
# esbuild with wrangler's conditions and served by workerd on 127.0.0.1 (over HTTP),
# Deno (--allow-read of the package only), Bun, and pages built by vite, esbuild and
# bun build in headless Chromium; each must give the native CLI's bytes on every vector.
# Under this command a missing runtime fails (LOCKSTEP_REQUIRE_BROWSER=1 above).
step "npm package on the edge: workerd, Deno, Bun, vite/esbuild/bun-build pages (tests/edge)"
node --test tests/edge/
# --- end edge --------------------------------------------------------------------------

step "fuzz smoke run: every target for 10 s (scripts/fuzz.sh 600 for the long run)"
scripts/fuzz.sh 10

step "benchmark harness smoke run (reports only; scripts/bench.sh for the full run)"
scripts/bench.sh --smoke

# --- Components: the edge function under wasmtime serve, bounded load (10 s; fails on
# any 5xx, socket error or a dead server). scripts/load-component.sh 60 for figures.
step "edge function under load: wasmtime serve, wrk 32 connections, 10 s"
scripts/load-component.sh 10 32

step "artifact size budgets"
scripts/check-sizes.sh

printf '\n== test: all passed in %ss\n' "$(( $(date +%s) - started ))"
