//! The request/response envelope shared by every target.
//!
//! Every binding hands raw JSON bytes to [`handle_json`] (one request) or
//! [`handle_batch_line`] (one line of `--batch` input) and gets back the exact bytes
//! to answer with. Parsing, error classification and encoding live here once, so
//! every target answers byte-identically.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Detail, Error, ErrorCode};
use crate::fraud::{ScoreRequest, ScoreResponse};
use crate::limits::{MAX_DEPTH, MAX_REQUEST_BYTES};
use crate::pricing::{QuoteRequest, QuoteResponse};
use crate::validate::{ValidateRequest, ValidateResponse};
use crate::version::{Target, VersionRequest, VersionResponse};

/// The operations of the contract.
///
/// ```
/// use lockstep_core::wire::Operation;
/// assert_eq!(Operation::parse("version").unwrap(), Operation::Version);
/// assert!(Operation::parse("refund").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// Price a cart.
    Quote,
    /// Validate and sanitize payment details.
    Validate,
    /// Score a payment's fraud risk.
    Score,
    /// Report the build answering.
    Version,
}

impl Operation {
    /// Every operation, in documentation order.
    ///
    /// ```
    /// assert_eq!(lockstep_core::wire::Operation::ALL.len(), 4);
    /// ```
    pub const ALL: [Operation; 4] = [
        Operation::Quote,
        Operation::Validate,
        Operation::Score,
        Operation::Version,
    ];

    /// The operation's wire name.
    ///
    /// ```
    /// assert_eq!(lockstep_core::wire::Operation::Score.as_str(), "score");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Quote => "quote",
            Operation::Validate => "validate",
            Operation::Score => "score",
            Operation::Version => "version",
        }
    }

    /// Looks an operation up by its wire name; anything else is `unknown_operation`.
    ///
    /// ```
    /// use lockstep_core::{error::ErrorCode, wire::Operation};
    /// assert_eq!(Operation::parse("quote").unwrap(), Operation::Quote);
    /// assert_eq!(Operation::parse("Quote").unwrap_err().code, ErrorCode::UnknownOperation);
    /// ```
    pub fn parse(name: &str) -> Result<Operation, Error> {
        Operation::ALL
            .into_iter()
            .find(|op| op.as_str() == name)
            .ok_or_else(|| {
                let message = match quotable(name) {
                    Some(shown) => format!(
                        "unknown operation `{}`; expected one of quote, validate, score, version",
                        shown.escape_default()
                    ),
                    None => "unknown operation; expected one of quote, validate, score, version"
                        .to_owned(),
                };
                Error::new(ErrorCode::UnknownOperation, message)
            })
    }
}

/// A successful answer of any operation.
///
/// Serialized without a tag: the response object of the operation itself.
///
/// ```
/// use lockstep_core::{version::Target, wire::{run, Operation, Response}};
/// let r = run(Operation::Version, serde_json::json!({}), Target::Native).unwrap();
/// assert!(matches!(r, Response::Version(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Response {
    /// Answer of `quote` (boxed: it is much larger than the other answers).
    Quote(Box<QuoteResponse>),
    /// Answer of `validate` (boxed, like `quote`).
    Validate(Box<ValidateResponse>),
    /// Answer of `score`.
    Score(ScoreResponse),
    /// Answer of `version`.
    Version(VersionResponse),
}

/// One line of `--batch` input: an operation and its request.
///
/// ```
/// use lockstep_core::wire::{BatchRequest, Operation};
/// let b: BatchRequest = serde_json::from_str(r#"{"op":"version","request":{}}"#).unwrap();
/// assert_eq!(b.op, "version");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// The operation's wire name (`quote`, `validate`, `score`, `version`).
    pub op: String,
    /// The operation's request, exactly as it would be sent alone.
    pub request: Value,
}

/// What a binding writes back: the JSON text and, for an error, its code.
///
/// ```
/// use lockstep_core::{version::Target, wire::handle_json};
/// let out = handle_json("version", b"{}", Target::Native);
/// assert!(out.error.is_none());
/// assert!(out.json.starts_with(r#"{"name":"lockstep""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Compact JSON, one line, no trailing newline.
    pub json: String,
    /// The error code when `json` is an error response.
    pub error: Option<ErrorCode>,
}

impl Outcome {
    fn from_result(result: Result<Response, Error>) -> Outcome {
        match result {
            Ok(response) => Outcome {
                json: to_json(&response),
                error: None,
            },
            Err(err) => Outcome {
                error: Some(err.code),
                json: err.to_json(),
            },
        }
    }
}

/// Serializes compactly and deterministically (struct members in declaration order,
/// maps sorted by key). Serialization of the crate's own types cannot fail; were it to,
/// the answer is a fixed `internal` error rather than a panic.
///
/// ```
/// assert_eq!(lockstep_core::wire::to_json(&vec!["a", "b"]), r#"["a","b"]"#);
/// ```
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| {
        r#"{"error":{"code":"internal","message":"response could not be encoded","details":[]}}"#
            .to_owned()
    })
}

/// Checks the limits and parses request bytes into a JSON value.
///
/// ```
/// use lockstep_core::{error::ErrorCode, wire::parse_request};
/// assert!(parse_request(br#"{"a":1}"#).is_ok());
/// assert_eq!(parse_request(b"{").unwrap_err().code, ErrorCode::InvalidJson);
/// assert_eq!(parse_request(b"  ").unwrap_err().code, ErrorCode::EmptyRequest);
/// ```
pub fn parse_request(bytes: &[u8]) -> Result<Value, Error> {
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
    if text.trim_matches(is_json_whitespace).is_empty() {
        return Err(Error::at(
            ErrorCode::EmptyRequest,
            "",
            "request is empty; expected a JSON object",
        ));
    }
    check_depth(text.as_bytes())?;
    crate::json::parse_strict(text).map_err(|e| {
        Error::at(
            ErrorCode::InvalidJson,
            "",
            format!("request is not valid JSON: {e}"),
        )
    })
}

/// The `request_too_large` error for a request of `len` bytes (or more).
///
/// ```
/// let e = lockstep_core::wire::too_large(2_000_000);
/// assert_eq!(e.code.as_str(), "request_too_large");
/// ```
pub fn too_large(len: usize) -> Error {
    Error::at(
        ErrorCode::RequestTooLarge,
        "",
        format!("request is {len} bytes or more; the limit is {MAX_REQUEST_BYTES} bytes"),
    )
}

fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Rejects nesting deeper than [`MAX_DEPTH`] in one linear pass, before parsing.
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

/// Decodes a JSON value into a request type, reporting a wrong type, an unknown or a
/// missing member with its JSON Pointer.
///
/// ```
/// use lockstep_core::{error::ErrorCode, version::VersionRequest, wire::decode};
/// let e = decode::<VersionRequest>(serde_json::json!({"x": 1})).unwrap_err();
/// assert_eq!(e.code, ErrorCode::UnknownField);
/// assert_eq!(e.details[0].path, "/x");
/// ```
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let mut path = pointer(err.path());
        let message = redact(&err.inner().to_string());
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
    })
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

/// Removes request values that serde quotes in its messages (`invalid type: string
/// "4111...", expected ...`, `unknown variant `...``): an error never echoes what the
/// caller sent, which could be a card number. Member names are kept.
///
/// ```
/// use lockstep_core::wire::redact;
/// assert_eq!(
///     redact(r#"invalid type: string "4111 1111", expected u32"#),
///     "invalid type: string, expected u32"
/// );
/// assert_eq!(
///     redact("unknown variant `4111`, expected `a` or `b`"),
///     "unknown variant, expected `a` or `b`"
/// );
/// assert_eq!(
///     redact("invalid type: integer `4111111111111111`, expected a string"),
///     "invalid type: integer, expected a string"
/// );
/// assert_eq!(redact("invalid type: map, expected a string"), "invalid type: map, expected a string");
/// ```
pub fn redact(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: ", "unknown variant "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some(end) = rest.rfind(", expected ")
        {
            // `string "…"`, `integer `…``, `floating point `…``, `` `…` `` → the kind only.
            let unexpected = &rest[..end];
            let kind = unexpected
                .find(['"', '`'])
                .map_or(unexpected, |at| &unexpected[..at])
                .trim_end();
            let sep = if kind.is_empty() { "" } else { " " };
            return format!("{}{sep}{kind}{}", prefix.trim_end(), &rest[end..]);
        }
    }
    message.to_owned()
}

/// A request value that an error message may quote: at most 32 characters and at most
/// two ASCII digits, so a card number, CVC or other digit string sent by mistake is
/// never repeated back (an operation name or currency code typo still is).
///
/// ```
/// use lockstep_core::wire::quotable;
/// assert_eq!(quotable("refund"), Some("refund"));
/// assert_eq!(quotable("4111 1111 1111 1111"), None);
/// assert_eq!(quotable("123"), None);
/// assert_eq!(quotable(&"x".repeat(33)), None);
/// ```
pub fn quotable(value: &str) -> Option<&str> {
    let short = value.chars().count() <= 32;
    let digits = value.bytes().filter(u8::is_ascii_digit).count();
    (short && digits <= 2).then_some(value)
}

/// The first `` `name` `` in a serde message.
fn backticked(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}

fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&escape_token(key));
            }
            Segment::Enum { variant } => {
                out.push('/');
                out.push_str(&escape_token(variant));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Escapes one JSON Pointer reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
///
/// ```
/// assert_eq!(lockstep_core::wire::escape_token("a/b~c"), "a~1b~0c");
/// ```
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Runs one operation on an already-parsed request.
///
/// ```
/// use lockstep_core::{error::ErrorCode, version::Target, wire::{run, Operation}};
/// let e = run(Operation::Quote, serde_json::json!({}), Target::Native).unwrap_err();
/// assert_eq!(e.code, ErrorCode::MissingField);
/// assert!(run(Operation::Validate, serde_json::json!({}), Target::Native).is_ok());
/// ```
pub fn run(op: Operation, request: Value, target: Target) -> Result<Response, Error> {
    expect_object(&request)?;
    match op {
        Operation::Version => {
            let _request: VersionRequest = decode(request)?;
            Ok(Response::Version(crate::version::version(target)))
        }
        Operation::Quote => {
            let request: QuoteRequest = decode(request)?;
            crate::pricing::quote(request).map(|r| Response::Quote(Box::new(r)))
        }
        Operation::Validate => {
            let request: ValidateRequest = decode(request)?;
            crate::validate::validate(request).map(|r| Response::Validate(Box::new(r)))
        }
        Operation::Score => {
            let request: ScoreRequest = decode(request)?;
            crate::fraud::score(request).map(Response::Score)
        }
    }
}

/// Every request and envelope is a JSON object (serde would otherwise accept an array
/// where a struct is expected).
fn expect_object(value: &Value) -> Result<(), Error> {
    if value.is_object() {
        return Ok(());
    }
    Err(Error::at(
        ErrorCode::InvalidType,
        "",
        format!("invalid type: {}, expected a JSON object", json_type(value)),
    ))
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Runs operation `op` (by wire name) on request bytes and returns the bytes to answer.
///
/// ```
/// use lockstep_core::{version::Target, wire::handle_json};
/// let out = handle_json("nope", b"{}", Target::Native);
/// assert_eq!(out.error.map(|c| c.as_str()), Some("unknown_operation"));
/// ```
pub fn handle_json(op: &str, request: &[u8], target: Target) -> Outcome {
    Outcome::from_result(
        Operation::parse(op)
            .and_then(|op| parse_request(request).and_then(|value| run(op, value, target))),
    )
}

/// Answers one line of `--batch` input, `{"op": ..., "request": {...}}`.
///
/// Errors about the request carry paths relative to `request`, so the answer is the
/// same bytes the single-request form gives; errors about the envelope point into it.
///
/// ```
/// use lockstep_core::{version::Target, wire::{handle_batch_line, handle_json}};
/// let line = handle_batch_line(br#"{"op":"version","request":{}}"#, Target::Wasi);
/// assert_eq!(line, handle_json("version", b"{}", Target::Wasi));
/// ```
pub fn handle_batch_line(line: &[u8], target: Target) -> Outcome {
    Outcome::from_result(parse_request(line).and_then(|value| {
        expect_object(&value)?;
        let envelope: BatchRequest = decode(value)?;
        let op = Operation::parse(&envelope.op)?;
        run(op, envelope.request, target)
    }))
}
