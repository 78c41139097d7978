//! # lockstep
//!
//! The Rust crate of Lockstep: the same pricing, payment-validation and fraud-scoring
//! rules that run in the browser (npm package) and at the edge (WASI command), called
//! in-process. It re-exports `lockstep-core`'s typed API.
//!
//! ```
//! let v = lockstep::version();
//! assert_eq!(v.name, "lockstep");
//! assert_eq!(v.target, lockstep::Target::Native);
//! ```
//!
//! The JSON entry answers with exactly the bytes every other target answers with:
//!
//! ```
//! let out = lockstep::handle_json("version", b"{}");
//! assert!(out.error.is_none());
//! assert!(out.json.starts_with(r#"{"name":"lockstep","version":"#));
//!
//! let bad = lockstep::handle_json("version", br#"{"extra":true}"#);
//! assert_eq!(
//!     bad.json,
//!     r#"{"error":{"code":"unknown_field","message":"unknown field `extra`, there are no fields at /extra","details":[{"path":"/extra","code":"unknown_field","message":"unknown field `extra`, there are no fields"}]}}"#
//! );
//! ```

pub use lockstep_core::error::{Detail, Error, ErrorCode};
pub use lockstep_core::version::{Target, VersionRequest, VersionResponse};
pub use lockstep_core::wire::{Operation, Outcome, Response};
pub use lockstep_core::{error, limits, version as version_info, wire};

/// The `version` operation, answered natively.
///
/// ```
/// assert_eq!(lockstep::version().wire_format, lockstep::version_info::WIRE_FORMAT);
/// ```
pub fn version() -> VersionResponse {
    lockstep_core::version::version(Target::Native)
}

/// Runs operation `op` (by wire name) on request JSON bytes; the answer is the exact
/// JSON every target gives for the same request.
///
/// ```
/// let out = lockstep::handle_json("quote", b"{}");
/// assert_eq!(out.error, Some(lockstep::ErrorCode::NotImplemented));
/// ```
pub fn handle_json(op: &str, request: &[u8]) -> Outcome {
    lockstep_core::wire::handle_json(op, request, Target::Native)
}

/// Answers one line of batch input, `{"op": ..., "request": {...}}`.
///
/// ```
/// let out = lockstep::handle_batch_line(br#"{"op":"version","request":{}}"#);
/// assert_eq!(out, lockstep::handle_json("version", b"{}"));
/// ```
pub fn handle_batch_line(line: &[u8]) -> Outcome {
    lockstep_core::wire::handle_batch_line(line, Target::Native)
}
