#!/usr/bin/env bash
# Idempotent setup: installs what is missing, skips what is present at the right
# version, and says what it does. usage: scripts/setup.sh [--browser]
#   --browser  also what the test command needs: Debian's chromium and chromium-driver
#              (browser tests), cargo-fuzz (the fuzz smoke run) and cargo-deny (the
#              dependency policy check)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
WASMTIME_VERSION=48.0.8
CARGO_FUZZ_VERSION=0.13.2
CARGO_DENY_VERSION=0.20.2
RUST_MIN=1.95

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: MISSING: %s\n' "$*" >&2; exit 1; }

command -v rustup >/dev/null || die "rustup (install Rust ${RUST_MIN}+ by rustup first)"
command -v cargo >/dev/null || die "cargo (install Rust ${RUST_MIN}+ by rustup first)"
command -v node >/dev/null || die "node (Node.js 20+)"
command -v npm >/dev/null || die "npm"
rustc_version=$(rustc --version | cut -d' ' -f2)
if [ "$(printf '%s\n%s\n' "$RUST_MIN" "$rustc_version" | sort -V | head -n1)" != "$RUST_MIN" ]; then
  die "rustc ${RUST_MIN} or newer (found ${rustc_version})"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer (found $(node --version))"

installed_targets=$(rustup target list --installed)
for target in wasm32-unknown-unknown wasm32-wasip1; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    say "installing Rust target $target"
    rustup target add "$target"
  fi
done

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen ${WASM_BINDGEN_VERSION}" ]; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 2 minutes)"
  # Not --locked: the registry index can lag behind the lockfile's versions.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

if [ "$(wasmtime --version 2>/dev/null | cut -d' ' -f2 || true)" != "${WASMTIME_VERSION}" ]; then
  say "installing wasmtime-cli ${WASMTIME_VERSION} (about 9 minutes on 2 cores)"
  cargo install wasmtime-cli --version "${WASMTIME_VERSION}" --force
fi

lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lockstep-lock-sum ] || [ "$(cat node_modules/.lockstep-lock-sum)" != "$lock_sum" ]; then
  say "installing npm dependencies from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.lockstep-lock-sum
fi

# --- Components (docs/components.md): wac composes the payment service. jco (npm, in
# package-lock.json) makes and inspects the components; the wasm32-unknown-unknown
# target above builds them. --no-default-features: no registry client.
WAC_VERSION=0.12.0
if [ "$(wac --version 2>/dev/null | cut -d' ' -f2 || true)" != "${WAC_VERSION}" ]; then
  say "installing wac-cli ${WAC_VERSION} (about 4 minutes on 2 cores)"
  cargo install wac-cli --version "${WAC_VERSION}" --no-default-features --features wit --locked --force \
    || cargo install wac-cli --version "${WAC_VERSION}" --no-default-features --features wit --force
fi

if [ "${1:-}" = "--browser" ]; then
  # The test command checks the MSRV (rust-version, RUST_MIN) with that exact toolchain.
  if ! rustup toolchain list | grep -q "^${RUST_MIN}.0-"; then
    say "installing the MSRV toolchain ${RUST_MIN}.0 (minimal profile)"
    rustup toolchain install "${RUST_MIN}.0" --profile minimal
  fi
  # The test command also fuzzes briefly: cargo-fuzz on the nightly toolchain.
  rustup toolchain list | grep -q '^nightly' || die "the nightly toolchain (rustup toolchain install nightly), for cargo-fuzz"
  if [ "$(cargo fuzz --version 2>/dev/null | cut -d' ' -f2 || true)" != "${CARGO_FUZZ_VERSION}" ]; then
    say "installing cargo-fuzz ${CARGO_FUZZ_VERSION} (about 1 minute)"
    cargo install cargo-fuzz --version "${CARGO_FUZZ_VERSION}" --force
  fi
  # The test command checks the dependency policy (deny.toml) with cargo-deny.
  if [ "$(cargo deny --version 2>/dev/null | cut -d' ' -f2 || true)" != "${CARGO_DENY_VERSION}" ]; then
    say "installing cargo-deny ${CARGO_DENY_VERSION} (about 3 minutes)"
    # Its own lockfile first; without it if the registry index lags behind that lockfile.
    cargo install cargo-deny --version "${CARGO_DENY_VERSION}" --locked --force \
      || cargo install cargo-deny --version "${CARGO_DENY_VERSION}" --force
  fi

  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    fi
  fi
  command -v chromium >/dev/null || die "chromium (apt-get install chromium)"
  command -v chromedriver >/dev/null || die "chromedriver (apt-get install chromium-driver)"
  chromium_v=$(chromium --version | grep -oE '[0-9]+\.[0-9.]+' | head -n1 | cut -d. -f1)
  driver_v=$(chromedriver --version | grep -oE '[0-9]+\.[0-9.]+' | head -n1 | cut -d. -f1)
  [ "$chromium_v" = "$driver_v" ] || die "chromium ${chromium_v} and chromedriver ${driver_v} differ in major version"
fi
# --- Components: the test command's load run of the edge function uses Debian's wrk.
if [ "${1:-}" = "--browser" ] && ! command -v wrk >/dev/null; then
  say "installing Debian's wrk"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  fi
fi
say "ready"
