#!/usr/bin/env bash
# Regenerates core/src/nfc/table.rs (the NFC tables) from the unicode-normalization
# crate pinned in Cargo.lock: core/src/nfc/generate.rs does the work.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCKSTEP_WRITE_NFC_TABLE=1 cargo test --quiet -p lockstep-core --lib nfc::generate
