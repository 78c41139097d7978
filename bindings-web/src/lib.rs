//! # lockstep-web
//!
//! The npm package's wasm-bindgen layer: it only turns JS values into request JSON,
//! calls `lockstep-core` and turns the answer back into plain JS objects.
//!
//! - Requests cross as `JSON.stringify(request)` so that every target parses the same
//!   bytes with the same parser, and errors (codes, JSON Pointers, messages) are
//!   byte-identical to the CLI's.
//! - Responses cross through `serde-wasm-bindgen`'s JSON-compatible serializer: plain
//!   objects and arrays, decimals as strings, absent optionals omitted.
//! - Errors are thrown as `LockstepError` (an `Error` subclass) with `code` and `details`.
//!
//! ```
//! // Off the web, the crate's logic is lockstep-core's; this binding adds only glue.
//! let out = lockstep_core::wire::handle_json("version", b"{}", lockstep_core::version::Target::Web);
//! assert!(out.json.contains(r#""target":"web""#));
//! ```

use js_sys::JsString;
use lockstep_core::codec;
use lockstep_core::error::{Error, ErrorCode};
use lockstep_core::limits::MAX_REQUEST_BYTES;
use lockstep_core::version::Target;
use lockstep_core::wire::{self, Operation};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type {
  QuoteRequest, QuoteResponse, ValidateRequest, ValidateResponse, ScoreRequest, ScoreResponse,
  VersionRequest, VersionResponse, Detail, ErrorCode,
} from "./types.js";
export type * from "./types.js";

/** The error every Lockstep function throws. */
export declare class LockstepError extends Error {
  readonly name: "LockstepError";
  /** Stable machine-readable code, e.g. `"unknown_field"`. */
  readonly code: ErrorCode;
  /** Every problem found, each located by a JSON Pointer into the request. */
  readonly details: Detail[];
}
"#;

#[wasm_bindgen(module = "/js/lockstep-error.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeLockstepError)]
    fn make_lockstep_error(code: &str, message: &str, details: JsValue) -> JsValue;
    #[wasm_bindgen(js_name = lockstepErrorClass)]
    fn lockstep_error_class() -> JsValue;
}

/// The `LockstepError` class, for `instanceof` checks (re-exported by the package).
#[wasm_bindgen(js_name = errorClass, skip_typescript)]
pub fn error_class() -> JsValue {
    lockstep_error_class()
}

/// Prices a cart.
#[wasm_bindgen(unchecked_return_type = "QuoteResponse")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "QuoteRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    call(Operation::Quote, &request)
}

/// Validates and sanitizes payment details.
#[wasm_bindgen(unchecked_return_type = "ValidateResponse")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "ValidateRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    call(Operation::Validate, &request)
}

/// Scores a payment's fraud risk.
#[wasm_bindgen(unchecked_return_type = "ScoreResponse")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    call(Operation::Score, &request)
}

/// Reports the build answering; the request is `{}` (or omitted).
#[wasm_bindgen(unchecked_return_type = "VersionResponse")]
pub fn version(
    #[wasm_bindgen(unchecked_param_type = "VersionRequest")] request: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    match request {
        Some(request) => call(Operation::Version, &request),
        None => call(Operation::Version, &js_sys::Object::new().into()),
    }
}

/// Runs operation `op` on request JSON text and returns the response JSON text,
/// byte-identical to the CLI's stdout (without the newline). Never throws.
#[wasm_bindgen(js_name = handleJson)]
pub fn handle_json(op: &str, request: &str) -> String {
    wire::handle_json(op, request.as_bytes(), Target::Web).json
}

/// Answers one line of batch input (`{"op": ..., "request": ...}`) exactly as
/// `lockstep --batch` does. Never throws.
#[wasm_bindgen(js_name = handleLine)]
pub fn handle_line(line: &str) -> String {
    if line.len() > MAX_REQUEST_BYTES {
        return codec::too_large(line.len()).to_json();
    }
    wire::handle_batch_line(line.as_bytes(), Target::Web).json
}

fn call(op: Operation, request: &JsValue) -> Result<JsValue, JsValue> {
    let text = stringify(request).map_err(|e| throwable(&e))?;
    let text = codec::request_text(text.as_bytes()).map_err(|e| throwable(&e))?;
    let response = wire::run(op, text, Target::Web).map_err(|e| throwable(&e))?;
    to_js(&response).map_err(|e| throwable(&e))
}

/// `JSON.stringify(request)`, refusing to copy more than the request limit into wasm.
fn stringify(request: &JsValue) -> Result<String, Error> {
    let json = js_sys::JSON::stringify(request).map_err(|_| {
        Error::at(
            ErrorCode::InvalidJson,
            "",
            "request cannot be encoded as JSON (a BigInt, a cycle or a throwing toJSON)",
        )
    })?;
    if !json.is_string() {
        // JSON.stringify(undefined), of a function or of a symbol.
        return Ok(String::new());
    }
    let json: JsString = json;
    // UTF-8 needs at least one byte per UTF-16 unit: a longer string is over the limit.
    let units = usize::try_from(json.length()).unwrap_or(usize::MAX);
    if units > MAX_REQUEST_BYTES {
        return Err(codec::too_large(units));
    }
    Ok(String::from(json))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| Error::new(ErrorCode::Internal, "response could not be converted"))
}

fn throwable(err: &Error) -> JsValue {
    let details = to_js(&err.details).unwrap_or_else(|_| js_sys::Array::new().into());
    make_lockstep_error(err.code.as_str(), &err.message, details)
}
