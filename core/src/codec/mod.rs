//! The decoding layer below the domains: request bytes to request types in one strict
//! pass, with every problem located by a JSON Pointer.
//!
//! - [`request_text`] checks the limits that come before parsing (size, UTF-8, empty);
//!   [`decode`] refuses nesting deeper than [`MAX_DEPTH`] in its own pass (and reports
//!   it before any other problem).
//! - [`decode`] reads a request type straight from the text (no intermediate tree):
//!   members are read in document order, strings are borrowed where they have no
//!   escapes, and no path is built unless something fails.
//! - When decoding fails, the error is worked out again on the slow path so that it is
//!   the contract's first error whatever the member order: a text that is not JSON (or
//!   repeats a member) is `invalid_json` with serde_json's message, checked first; any
//!   other problem is reported as if each object's members were read sorted by name.
//!
//! ```
//! use lockstep_core::{codec, error::ErrorCode, version::VersionRequest};
//! let _ok: VersionRequest = codec::decode("{}").unwrap();
//! let e = codec::decode::<VersionRequest>(r#"{"x":1}"#).unwrap_err();
//! assert_eq!((e.code, e.details[0].path.as_str()), (ErrorCode::UnknownField, "/x"));
//! let e = codec::decode::<VersionRequest>(r#"{"x":1,"x":2}"#).unwrap_err();
//! assert_eq!(e.code, ErrorCode::InvalidJson);
//! ```

mod de;
mod error;
pub mod pointer;
mod reader;
mod strict;

use serde::Deserialize;

use crate::error::{Detail, Error, ErrorCode};
use crate::limits::{MAX_DEPTH, MAX_REQUEST_BYTES};
use crate::redact::redact;
use de::{Order, Parser};
pub use pointer::{Pointer, escape_token};

/// A JSON value kept as its text (borrowed from the request), for envelopes whose
/// inner request is decoded later.
///
/// ```
/// use lockstep_core::codec::{decode, Raw};
/// #[derive(serde::Deserialize)]
/// struct Envelope<'a> { #[serde(borrow)] request: Raw<'a> }
/// let e: Envelope = decode(r#"{"request": {"a": [1, 2]}}"#).unwrap();
/// assert_eq!(e.request.0, r#"{"a": [1, 2]}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw<'de>(pub &'de str);

impl<'de: 'a, 'a> Deserialize<'de> for Raw<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor<'a>(core::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for RawVisitor<'a> {
            type Value = Raw<'a>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Raw<'a>, E> {
                Ok(Raw(v))
            }
        }
        deserializer
            .deserialize_newtype_struct(de::RAW_TOKEN, RawVisitor(core::marker::PhantomData))
    }
}

/// Checks the limits that come before parsing (size, UTF-8, not empty) and returns the
/// request as text. The nesting limit is enforced by [`decode`], in the same pass.
///
/// ```
/// use lockstep_core::{codec::request_text, error::ErrorCode};
/// assert_eq!(request_text(br#"{"a":1}"#).unwrap(), r#"{"a":1}"#);
/// assert_eq!(request_text(b"  ").unwrap_err().code, ErrorCode::EmptyRequest);
/// assert_eq!(request_text(b"\xff").unwrap_err().code, ErrorCode::InvalidUtf8);
/// ```
pub fn request_text(bytes: &[u8]) -> Result<&str, Error> {
    if bytes.len() > MAX_REQUEST_BYTES {
        return Err(too_large(bytes.len()));
    }
    let text = core::str::from_utf8(bytes).map_err(|e| {
        Error::at(
            ErrorCode::InvalidUtf8,
            "",
            format!(
                "request is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(Error::at(
            ErrorCode::EmptyRequest,
            "",
            "request is empty; expected a JSON object",
        ));
    }
    Ok(text)
}

/// The `request_too_large` error for a request of `len` bytes (or more).
///
/// ```
/// let e = lockstep_core::codec::too_large(2_000_000);
/// assert_eq!(e.code.as_str(), "request_too_large");
/// ```
pub fn too_large(len: usize) -> Error {
    Error::at(
        ErrorCode::RequestTooLarge,
        "",
        format!("request is {len} bytes or more; the limit is {MAX_REQUEST_BYTES} bytes"),
    )
}

/// Rejects nesting deeper than [`MAX_DEPTH`] in one linear pass (the error path's first
/// check: it decides `nesting_too_deep` exactly as before any parsing).
fn check_depth(bytes: &[u8]) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::at(
                        ErrorCode::NestingTooDeep,
                        "",
                        format!("request nests arrays and objects deeper than {MAX_DEPTH} levels"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Decodes a request type from JSON text (a JSON object), strictly: unknown members,
/// missing members, wrong types, `null` for a member, an array for an object, and
/// repeated member names are refused, each with its JSON Pointer.
///
/// ```
/// use lockstep_core::{codec::decode, error::ErrorCode, validate::ValidateRequest};
/// let e = decode::<ValidateRequest>(r#"{"card": {"cvc": null}}"#).unwrap_err();
/// assert_eq!((e.code, e.details[0].path.as_str()), (ErrorCode::InvalidType, "/card/cvc"));
/// let e = decode::<ValidateRequest>(r#"{"card": ["4111"]}"#).unwrap_err();
/// assert_eq!(e.message, "invalid type: sequence, expected a JSON object at /card");
/// ```
pub fn decode<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    fast(text).map_err(|()| explain::<T>(text, true))
}

/// As [`decode`], for a part of a text that the strict check already passed (the
/// request inside a batch line whose envelope decoded).
pub(crate) fn decode_checked<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    fast(text).map_err(|()| explain::<T>(text, false))
}

/// The fast path: one pass in document order. Success means the text is strict JSON.
fn fast<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, ()> {
    let mut parser = Parser::new(text, Order::Document);
    let value = T::deserialize(&mut parser).map_err(drop)?;
    parser.reader.end().map_err(drop)?;
    if parser.needs_strict_check && strict::check(text).is_err() {
        return Err(());
    }
    Ok(value)
}

/// The error path: the strict check first, then the first problem with members read by name.
#[cold]
fn explain<'de, T: Deserialize<'de>>(text: &'de str, check_syntax: bool) -> Error {
    // The depth limit comes before every other problem (the fast path only stopped).
    if check_syntax && let Err(e) = check_depth(text.as_bytes()) {
        return e;
    }
    if check_syntax && let Err(e) = strict::check(text) {
        return Error::at(
            ErrorCode::InvalidJson,
            "",
            format!("request is not valid JSON: {e}"),
        );
    }
    let mut parser = Parser::new(text, Order::Sorted);
    let outcome = T::deserialize(&mut parser).and_then(|_| parser.reader.end());
    match outcome {
        Err(e) => match e.message {
            Some(message) => located(&message, pointer::render(&parser.path)),
            None => Error::at(ErrorCode::InvalidJson, "", "request is not valid JSON"),
        },
        Ok(()) => Error::new(
            ErrorCode::Internal,
            "the request decoder disagreed with itself; please report this request",
        ),
    }
}

/// Builds the error for a decoding message at `path`, its code read from the message.
fn located(message: &str, mut path: String) -> Error {
    let message = redact(message);
    let code = classify(&message);
    if code == ErrorCode::MissingField
        && let Some(field) = backticked(&message)
    {
        path.push('/');
        path.push_str(&escape_token(field));
    }
    let summary = if path.is_empty() {
        message.clone()
    } else {
        format!("{message} at {path}")
    };
    Error {
        code,
        message: summary,
        details: vec![Detail::new(path, code, message)],
    }
}

fn classify(message: &str) -> ErrorCode {
    if message.starts_with("invalid type:") {
        ErrorCode::InvalidType
    } else if message.starts_with("unknown field") {
        ErrorCode::UnknownField
    } else if message.starts_with("missing field") {
        ErrorCode::MissingField
    } else {
        ErrorCode::InvalidValue
    }
}

/// The first `` `name` `` in a serde message.
fn backticked(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}
