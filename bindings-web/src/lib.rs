//! # lockstep-web
//!
//! The npm package's wasm-bindgen layer: strings in, strings out. The public object API
//! (`quote(obj)`, `validate`, `score`, `version`, `LockstepError`) is thin JavaScript in
//! the package (`bindings-web/npm/api.js`): it runs `JSON.stringify` on the request, calls
//! [`handle_json`] and either `JSON.parse`s the answer or throws a `LockstepError` built
//! from the error answer. See docs/performance.md ("JS boundary") for why strings are the
//! cheapest boundary.
//!
//! - Every answer is the native CLI's bytes (without the newline): errors (codes, JSON
//!   Pointers, messages) come from `lockstep-core` unchanged.
//! - The binding's own two messages, for a request `JSON.stringify` cannot encode and for
//!   a request too large to copy in, are [`encode_failure`] and [`too_large`], so that no
//!   message text is written in JavaScript.
//!
//! ```
//! // Off the web, the crate's logic is lockstep-core's; this binding adds only glue.
//! let out = lockstep_web::handle_json("version", "{}");
//! assert!(out.contains(r#""target":"web""#));
//! ```

use lockstep_core::codec;
use lockstep_core::error::{Error, ErrorCode};
use lockstep_core::limits::MAX_REQUEST_BYTES;
use lockstep_core::version::Target;
use lockstep_core::wire;
use wasm_bindgen::prelude::*;

/// Runs operation `op` on request JSON text and returns the response JSON text,
/// byte-identical to the CLI's stdout (without the newline). Never throws.
///
/// ```
/// let out = lockstep_web::handle_json("version", r#"{"extra":1}"#);
/// assert!(out.starts_with(r#"{"error":{"code":"unknown_field""#));
/// ```
#[wasm_bindgen(js_name = handleJson)]
pub fn handle_json(op: &str, request: &str) -> String {
    wire::handle_json(op, request.as_bytes(), Target::Web).json
}

/// Answers one line of batch input (`{"op": ..., "request": ...}`) exactly as
/// `lockstep --batch` does. Never throws.
///
/// ```
/// let out = lockstep_web::handle_line(r#"{"op":"version","request":{}}"#);
/// assert!(out.starts_with(r#"{"name":"lockstep""#));
/// ```
#[wasm_bindgen(js_name = handleLine)]
pub fn handle_line(line: &str) -> String {
    if line.len() > MAX_REQUEST_BYTES {
        return codec::too_large(line.len()).to_json();
    }
    wire::handle_batch_line(line.as_bytes(), Target::Web).json
}

/// The error answer for a request `JSON.stringify` cannot encode (a BigInt, a cycle or a
/// throwing `toJSON`): `invalid_json` at the root.
///
/// ```
/// let out = lockstep_web::encode_failure();
/// assert!(out.starts_with(r#"{"error":{"code":"invalid_json""#));
/// ```
#[wasm_bindgen(js_name = encodeFailure, skip_typescript)]
pub fn encode_failure() -> String {
    Error::at(
        ErrorCode::InvalidJson,
        "",
        "request cannot be encoded as JSON (a BigInt, a cycle or a throwing toJSON)",
    )
    .to_json()
}

/// The error answer for a request of `len` UTF-16 units, refused before it is copied
/// into wasm: UTF-8 needs at least one byte per UTF-16 unit, so it is over the limit.
///
/// ```
/// let out = lockstep_web::too_large(2_000_000);
/// assert!(out.contains(r#""code":"request_too_large""#));
/// assert!(out.contains("request is 2000000 bytes or more"));
/// ```
#[wasm_bindgen(js_name = tooLarge, skip_typescript)]
pub fn too_large(len: usize) -> String {
    codec::too_large(len).to_json()
}

/// The request limit in bytes: a request string longer than this (in UTF-16 units) is
/// answered by [`too_large`] without being copied into wasm.
///
/// ```
/// assert_eq!(lockstep_web::max_request_bytes(), 1024 * 1024);
/// ```
#[wasm_bindgen(js_name = maxRequestBytes, skip_typescript)]
pub fn max_request_bytes() -> usize {
    MAX_REQUEST_BYTES
}
