//! The request/response envelope shared by every target.
//!
//! Every binding hands raw JSON bytes to [`handle_json`] (one request) or
//! [`handle_batch_line`] (one line of `--batch` input) and gets back the exact bytes
//! to answer with. Parsing, error classification and encoding live here once, so
//! every target answers byte-identically.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::codec::{self, Raw};
pub use crate::encode::to_json;
use crate::encode::to_json_with_capacity;
use crate::error::{Error, ErrorCode};
use crate::fraud::{ScoreRequest, ScoreResponse};
use crate::pricing::{IntoOwned, QuoteRequest, QuoteResponse};
use crate::redact::quotable;
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
#[non_exhaustive]
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
/// let r = run(Operation::Version, "{}", Target::Native).unwrap();
/// assert!(matches!(r, Response::Version(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
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
    /// The answer's bytes (already written) or the error's.
    fn from_result(result: Result<String, Error>) -> Outcome {
        match result {
            Ok(json) => Outcome { json, error: None },
            Err(err) => Outcome {
                error: Some(err.code),
                json: err.to_json(),
            },
        }
    }
}

/// What [`dispatch`] does with an operation's answer: [`run`] keeps it as a
/// [`Response`]; the byte entries write it at once, so a quote's answer, which borrows
/// its ids, names and texts from the checked cart, is never copied into owned strings.
/// One method per answer type, so the writer is never handed a [`Response`] that
/// could hold an owned quote (its serializer would be a second copy in the module).
trait Finish {
    type Out;
    fn quote(self, answer: QuoteResponse<&str>) -> Self::Out;
    fn validate(self, answer: ValidateResponse) -> Self::Out;
    fn score(self, answer: ScoreResponse) -> Self::Out;
    fn version(self, answer: VersionResponse) -> Self::Out;
}

/// Keeps the answer as a value (owned strings).
struct Keep;

impl Finish for Keep {
    type Out = Response;
    fn quote(self, answer: QuoteResponse<&str>) -> Response {
        Response::Quote(Box::new(answer.into_owned()))
    }
    fn validate(self, answer: ValidateResponse) -> Response {
        Response::Validate(Box::new(answer))
    }
    fn score(self, answer: ScoreResponse) -> Response {
        Response::Score(answer)
    }
    fn version(self, answer: VersionResponse) -> Response {
        Response::Version(answer)
    }
}

/// Writes the answer into a buffer sized from the request: an answer is rarely more
/// than twice its request, plus its fixed members.
struct Write {
    request_len: usize,
}

impl Write {
    fn json<T: Serialize>(&self, answer: &T) -> String {
        to_json_with_capacity(answer, self.request_len.saturating_mul(2) + 512)
    }
}

impl Finish for Write {
    type Out = String;
    fn quote(self, answer: QuoteResponse<&str>) -> String {
        self.json(&answer)
    }
    fn validate(self, answer: ValidateResponse) -> String {
        self.json(&answer)
    }
    fn score(self, answer: ScoreResponse) -> String {
        self.json(&answer)
    }
    fn version(self, answer: VersionResponse) -> String {
        self.json(&answer)
    }
}

/// Decodes a request type from a [`serde_json::Value`] (for Rust callers holding one),
/// with the same checks and errors as the wire.
///
/// ```
/// use lockstep_core::{error::ErrorCode, version::VersionRequest, wire::decode};
/// let e = decode::<VersionRequest>(serde_json::json!({"x": 1})).unwrap_err();
/// assert_eq!(e.code, ErrorCode::UnknownField);
/// assert_eq!(e.details[0].path, "/x");
/// ```
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    codec::decode(&to_json(&value))
}

/// Runs one operation on request text (a JSON object).
///
/// ```
/// use lockstep_core::{error::ErrorCode, version::Target, wire::{run, Operation}};
/// let e = run(Operation::Quote, "{}", Target::Native).unwrap_err();
/// assert_eq!(e.code, ErrorCode::MissingField);
/// assert!(run(Operation::Validate, "{}", Target::Native).is_ok());
/// ```
pub fn run(op: Operation, request: &str, target: Target) -> Result<Response, Error> {
    dispatch(op, request, target, false, Keep)
}

/// Decodes the request of `op` (`checked`: its text already passed the strict check),
/// answers it and hands the answer to `finish`.
fn dispatch<F: Finish>(
    op: Operation,
    request: &str,
    target: Target,
    checked: bool,
    finish: F,
) -> Result<F::Out, Error> {
    fn read<'a, T: Deserialize<'a>>(text: &'a str, checked: bool) -> Result<T, Error> {
        if checked {
            codec::decode_checked(text)
        } else {
            codec::decode(text)
        }
    }
    match op {
        Operation::Version => {
            let _request: VersionRequest = read(request, checked)?;
            Ok(finish.version(crate::version::version(target)))
        }
        Operation::Quote => {
            let request: QuoteRequest = read(request, checked)?;
            crate::pricing::quote_with(&request, |answer| finish.quote(answer))
        }
        Operation::Validate => {
            let request: ValidateRequest = read(request, checked)?;
            crate::validate::validate(request).map(|r| finish.validate(r))
        }
        Operation::Score => {
            let request: ScoreRequest = read(request, checked)?;
            crate::fraud::score(request).map(|r| finish.score(r))
        }
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
    let finish = Write {
        request_len: request.len(),
    };
    Outcome::from_result(Operation::parse(op).and_then(|op| {
        let text = codec::request_text(request)?;
        dispatch(op, text, target, false, finish)
    }))
}

/// A `--batch` line as it is read: the request stays text until the operation is known.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    op: smol_str::SmolStr,
    #[serde(borrow)]
    request: Raw<'a>,
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
    let finish = Write {
        request_len: line.len(),
    };
    Outcome::from_result(codec::request_text(line).and_then(|text| {
        // The envelope decoded: the whole line is strict JSON, so the request's own
        // errors need no second strict check.
        let envelope: Envelope = codec::decode(text)?;
        let op = Operation::parse(&envelope.op)?;
        dispatch(op, envelope.request.0, target, true, finish)
    }))
}
