//! The one error model every target answers with.
//!
//! On the wire an error is `{"error": {"code": ..., "message": ..., "details": [...]}}`,
//! where each detail carries a JSON Pointer (RFC 6901) into the request.

use serde::Serialize;

/// Stable, documented error codes (see `docs/wire-format.md`).
///
/// ```
/// use lockstep_core::error::ErrorCode;
/// assert_eq!(ErrorCode::InvalidJson.as_str(), "invalid_json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request is not well-formed JSON (syntax error, truncated input, lone surrogate...).
    InvalidJson,
    /// The request is empty (no bytes, or only whitespace).
    EmptyRequest,
    /// The request bytes are not UTF-8.
    InvalidUtf8,
    /// The request exceeds [`crate::limits::MAX_REQUEST_BYTES`].
    RequestTooLarge,
    /// The request nests arrays or objects deeper than [`crate::limits::MAX_DEPTH`].
    NestingTooDeep,
    /// A value has the wrong JSON type (a number where a string is expected, ...).
    InvalidType,
    /// A value has the right type but is not acceptable (an unknown enum variant, ...).
    InvalidValue,
    /// An object has a member the schema does not define.
    UnknownField,
    /// An object lacks a required member.
    MissingField,
    /// A currency code that is not an accepted ISO 4217 code (unknown, withdrawn, or
    /// without minor units such as XAU); the message says which.
    UnknownCurrency,
    /// A reference to something the request does not define (a tax code, a category, a
    /// promotion, a line id).
    UnknownReference,
    /// A cart has more lines than `quote` accepts.
    TooManyLines,
    /// A quote has more promotions, or more line × promotion pairs, than it accepts.
    TooManyPromotions,
    /// A rules document has more rules than `score` accepts.
    TooManyRules,
    /// A rule's conditions nest deeper than `score` accepts.
    RulesTooDeep,
    /// A string is longer than its documented limit.
    StringTooLong,
    /// A decimal has more decimal places than its documented limit.
    ScaleTooLarge,
    /// Another documented per-operation limit (tiers, names, tax codes, rate counts,
    /// conditions, attributes, values) is exceeded.
    LimitExceeded,
    /// A computed amount leaves the exact decimal range (about 7.9e28); never a panic.
    ArithmeticOverflow,
    /// The operation name is not one of `quote`, `validate`, `score`, `version`.
    UnknownOperation,
    /// The operation exists in the contract but is not implemented in this build.
    NotImplemented,
    /// A command-line usage error (unknown flag, missing operation).
    Usage,
    /// A failure that is not the caller's fault (I/O error, broken invariant).
    Internal,
}

impl ErrorCode {
    /// The code as it appears on the wire.
    ///
    /// ```
    /// use lockstep_core::error::ErrorCode;
    /// assert_eq!(ErrorCode::UnknownField.as_str(), "unknown_field");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::EmptyRequest => "empty_request",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::RequestTooLarge => "request_too_large",
            ErrorCode::NestingTooDeep => "nesting_too_deep",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownCurrency => "unknown_currency",
            ErrorCode::UnknownReference => "unknown_reference",
            ErrorCode::TooManyLines => "too_many_lines",
            ErrorCode::TooManyPromotions => "too_many_promotions",
            ErrorCode::TooManyRules => "too_many_rules",
            ErrorCode::RulesTooDeep => "rules_too_deep",
            ErrorCode::StringTooLong => "string_too_long",
            ErrorCode::ScaleTooLarge => "scale_too_large",
            ErrorCode::LimitExceeded => "limit_exceeded",
            ErrorCode::ArithmeticOverflow => "arithmetic_overflow",
            ErrorCode::UnknownOperation => "unknown_operation",
            ErrorCode::NotImplemented => "not_implemented",
            ErrorCode::Usage => "usage",
            ErrorCode::Internal => "internal",
        }
    }

    /// Whether the caller caused the error (bad input): the CLI exits 2 for these, 1 otherwise.
    ///
    /// ```
    /// use lockstep_core::error::ErrorCode;
    /// assert!(ErrorCode::InvalidJson.is_bad_input());
    /// assert!(!ErrorCode::Internal.is_bad_input());
    /// ```
    pub fn is_bad_input(self) -> bool {
        !matches!(self, ErrorCode::Internal | ErrorCode::NotImplemented)
    }
}

/// One problem found in a request, located by a JSON Pointer.
///
/// ```
/// use lockstep_core::error::{Detail, ErrorCode};
/// let d = Detail::new("/lines/0/quantity", ErrorCode::InvalidType, "expected a string");
/// assert_eq!(d.path, "/lines/0/quantity");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Detail {
    /// JSON Pointer (RFC 6901) into the request; `""` is the whole request.
    pub path: String,
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// English, human-readable explanation.
    pub message: String,
}

impl Detail {
    /// Builds a detail.
    ///
    /// ```
    /// use lockstep_core::error::{Detail, ErrorCode};
    /// let d = Detail::new("", ErrorCode::InvalidJson, "EOF");
    /// assert_eq!(d.code, ErrorCode::InvalidJson);
    /// ```
    pub fn new(path: impl Into<String>, code: ErrorCode, message: impl Into<String>) -> Self {
        Detail {
            path: path.into(),
            code,
            message: message.into(),
        }
    }
}

/// The error every operation can answer with.
///
/// ```
/// use lockstep_core::error::{Error, ErrorCode};
/// let e = Error::new(ErrorCode::UnknownOperation, "unknown operation `x`");
/// assert_eq!(
///     e.to_json(),
///     r#"{"error":{"code":"unknown_operation","message":"unknown operation `x`","details":[]}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Error {
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// English, human-readable summary.
    pub message: String,
    /// Every problem found, each located in the request; may be empty.
    pub details: Vec<Detail>,
}

/// The wire form of an error: `{"error": {...}}`.
///
/// ```
/// use lockstep_core::error::{Error, ErrorCode, ErrorResponse};
/// let r = ErrorResponse { error: Error::new(ErrorCode::Internal, "x") };
/// assert_eq!(r.error.code, ErrorCode::Internal);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorResponse {
    /// The error.
    pub error: Error,
}

impl Error {
    /// An error without details.
    ///
    /// ```
    /// use lockstep_core::error::{Error, ErrorCode};
    /// assert!(Error::new(ErrorCode::Internal, "boom").details.is_empty());
    /// ```
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// An error whose single detail repeats the code at `path`.
    ///
    /// ```
    /// use lockstep_core::error::{Error, ErrorCode};
    /// let e = Error::at(ErrorCode::InvalidType, "/a", "wrong type");
    /// assert_eq!(e.details[0].path, "/a");
    /// ```
    pub fn at(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        Error {
            code,
            message: message.clone(),
            details: vec![Detail::new(path, code, message)],
        }
    }

    /// The error's wire form, `{"error": {...}}`, as compact JSON.
    ///
    /// ```
    /// use lockstep_core::error::{Error, ErrorCode};
    /// assert!(Error::new(ErrorCode::Internal, "x").to_json().starts_with(r#"{"error":"#));
    /// ```
    pub fn to_json(&self) -> String {
        crate::encode::to_json(&ErrorResponse {
            error: self.clone(),
        })
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}
