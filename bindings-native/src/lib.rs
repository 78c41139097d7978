#![doc = include_str!("../../README.md")]
//!
//! ## This crate
//!
//! The Rust crate of Lockstep: the same pricing, payment-validation and fraud-scoring
//! rules that run in the browser (npm package) and at the edge (WASI command), called
//! in-process. It re-exports `lockstep-core`'s typed API: the request and response
//! types (built with their `new` constructors, `Default`, or deserialized), the domain
//! modules ([`pricing`], [`validation`], [`fraud`], [`money`], [`error`], [`limits`],
//! [`version_info`]) and one function per operation. The decoding and dispatch layers
//! (`lockstep_core::codec`, `lockstep_core::wire`) are internals and are not
//! re-exported; [`handle_json`] and [`handle_batch_line`] are the byte-exact entry.
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

pub use lockstep_core::error::{Detail, Error, ErrorCode, ErrorResponse};
pub use lockstep_core::fraud::{ScoreRequest, ScoreResponse, model::Assessment};
pub use lockstep_core::pricing::{QuoteRequest, QuoteResponse, model::Cart};
pub use lockstep_core::validate::{ValidateRequest, ValidateResponse, model::PaymentDetails};
pub use lockstep_core::version::{Target, VersionRequest, VersionResponse};
pub use lockstep_core::wire::{Operation, Outcome, Response};
pub use lockstep_core::{
    error, fraud, limits, money, pricing, validate as validation, version as version_info,
};

/// Prices a cart (see `docs/pricing.md`).
///
/// ```
/// let request: lockstep::QuoteRequest = serde_json::from_str(r#"{
///   "currency": "EUR", "as_of": "2026-11-26T10:00:00Z",
///   "lines": [{"id": "a", "quantity": "3", "unit_price": "19.99"}]}"#).unwrap();
/// let quote = lockstep::quote(request).unwrap();
/// assert_eq!(serde_json::to_value(&quote).unwrap()["total"], "59.97");
/// ```
pub fn quote(request: QuoteRequest) -> Result<QuoteResponse, Error> {
    lockstep_core::pricing::quote(request)
}

/// Validates and sanitizes payment details (see `docs/validation.md`).
///
/// ```
/// let request: lockstep::ValidateRequest =
///     serde_json::from_str(r#"{"iban": "GB82 WEST 1234 5698 7654 32"}"#).unwrap();
/// assert!(lockstep::validate(request).unwrap().valid);
/// ```
pub fn validate(request: ValidateRequest) -> Result<ValidateResponse, Error> {
    lockstep_core::validate::validate(request)
}

/// Scores a payment's fraud risk with rules given as data (see `docs/fraud.md`).
///
/// ```
/// let request: lockstep::ScoreRequest = serde_json::from_str(r#"{
///   "payment": {"amount": "950.00"},
///   "rules": [{"id": "big", "when": {"field": "amount", "op": "gte", "value": "500"},
///              "score": 40, "reason": "large amount"}],
///   "thresholds": {"review": 30, "decline": 80}}"#).unwrap();
/// let scored = lockstep::score(request).unwrap();
/// assert_eq!(serde_json::to_value(&scored).unwrap()["decision"], "review");
/// ```
pub fn score(request: ScoreRequest) -> Result<ScoreResponse, Error> {
    lockstep_core::fraud::score(request)
}

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
/// assert_eq!(out.error, Some(lockstep::ErrorCode::MissingField));
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
