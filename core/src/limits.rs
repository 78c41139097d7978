//! Documented input limits, enforced before any work is done.
//!
//! Each limit has its own error code (see `docs/wire-format.md`, "Limits").

/// Largest accepted request, in bytes of UTF-8 JSON (1 MiB).
///
/// A longer request is answered with `request_too_large` without being parsed.
///
/// ```
/// assert_eq!(lockstep_core::limits::MAX_REQUEST_BYTES, 1_048_576);
/// ```
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// Deepest accepted nesting of JSON arrays and objects (the top-level value is depth 1).
///
/// A deeper request is answered with `nesting_too_deep` without being parsed.
///
/// ```
/// assert_eq!(lockstep_core::limits::MAX_DEPTH, 32);
/// ```
pub const MAX_DEPTH: usize = 32;
