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

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host, all targets)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p lockstep --all-targets --features demo-server -- -D warnings
step "cargo clippy (wasm32 bindings)"
cargo clippy --quiet -p lockstep-web --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --quiet -p lockstep-cli --target wasm32-wasip1 -- -D warnings

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

step "fuzz smoke run: every target for 10 s (scripts/fuzz.sh 600 for the long run)"
scripts/fuzz.sh 10

step "benchmark harness smoke run (reports only; scripts/bench.sh for the full run)"
scripts/bench.sh --smoke

step "artifact size budgets"
scripts/check-sizes.sh

printf '\n== test: all passed in %ss\n' "$(( $(date +%s) - started ))"
