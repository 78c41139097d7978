//! The one error model every target answers with.
//!
//! On the wire an error is `{"error": {"code": ..., "message": ..., "details": [...]}}`,
//! where each detail carries a JSON Pointer (RFC 6901) into the request.

use serde::Serialize;

/// Declares a code enum whose wire names are written once: each variant's
/// `#[serde(rename)]`, its `as_str` and the list `ALL` come from the one `Variant =
/// "name"` line (used by [`ErrorCode`] and `validate::FindingCode`).
macro_rules! wire_codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $module:literal {
            $( $(#[doc = $doc:literal])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[doc = $doc])* #[serde(rename = $wire)] $variant, )*
        }

        impl $name {
            #[doc = concat!("Every code, in declaration order (the order of the docs).\n\n```\nuse ", $module, "::", stringify!($name), ";\nassert!(", stringify!($name), "::ALL.iter().all(|c| !c.as_str().is_empty()));\n```")]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            #[doc = concat!("The code as it appears on the wire (its serde name).\n\n```\nuse ", $module, "::", stringify!($name), ";\nlet first = ", stringify!($name), "::ALL[0];\nassert_eq!(serde_json::to_string(&first).unwrap(), format!(\"{:?}\", first.as_str()));\n```")]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)*
                }
            }
        }
    };
}
pub(crate) use wire_codes;

wire_codes! {
    /// Stable, documented error codes (see `docs/wire-format.md`).
    ///
    /// ```
    /// use lockstep_core::error::ErrorCode;
    /// assert_eq!(ErrorCode::InvalidJson.as_str(), "invalid_json");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum ErrorCode in "lockstep_core::error" {
        /// The request is not well-formed JSON (syntax error, truncated input, lone surrogate...).
        InvalidJson = "invalid_json",
        /// The request is empty (no bytes, or only whitespace).
        EmptyRequest = "empty_request",
        /// The request bytes are not UTF-8.
        InvalidUtf8 = "invalid_utf8",
        /// The request exceeds [`crate::limits::MAX_REQUEST_BYTES`].
        RequestTooLarge = "request_too_large",
        /// The request nests arrays or objects deeper than [`crate::limits::MAX_DEPTH`].
        NestingTooDeep = "nesting_too_deep",
        /// A value has the wrong JSON type (a number where a string is expected, ...).
        InvalidType = "invalid_type",
        /// A value has the right type but is not acceptable (an unknown enum variant, ...).
        InvalidValue = "invalid_value",
        /// An object has a member the schema does not define.
        UnknownField = "unknown_field",
        /// An object lacks a required member.
        MissingField = "missing_field",
        /// A currency code that is not an accepted ISO 4217 code (unknown, withdrawn, or
        /// without minor units such as XAU); the message says which.
        UnknownCurrency = "unknown_currency",
        /// A reference to something the request does not define (a tax code, a category, a
        /// promotion, a line id).
        UnknownReference = "unknown_reference",
        /// A cart has more lines than `quote` accepts.
        TooManyLines = "too_many_lines",
        /// A quote has more promotions, or more line × promotion pairs, than it accepts.
        TooManyPromotions = "too_many_promotions",
        /// A rules document has more rules than `score` accepts.
        TooManyRules = "too_many_rules",
        /// A rule's conditions nest deeper than `score` accepts.
        RulesTooDeep = "rules_too_deep",
        /// A string is longer than its documented limit.
        StringTooLong = "string_too_long",
        /// A decimal has more decimal places than its documented limit.
        ScaleTooLarge = "scale_too_large",
        /// Another documented per-operation limit (tiers, names, tax codes, rate counts,
        /// conditions, attributes, values) is exceeded.
        LimitExceeded = "limit_exceeded",
        /// A computed amount leaves the exact decimal range (about 7.9e28); never a panic.
        ArithmeticOverflow = "arithmetic_overflow",
        /// The operation name is not one of `quote`, `validate`, `score`, `version`.
        UnknownOperation = "unknown_operation",
        /// The operation exists in the contract but is not implemented in this build.
        NotImplemented = "not_implemented",
        /// A command-line usage error (unknown flag, missing operation).
        Usage = "usage",
        /// A failure that is not the caller's fault (I/O error, broken invariant).
        Internal = "internal",
    }
}

impl ErrorCode {
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
#[non_exhaustive]
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
#[non_exhaustive]
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
/// let r = ErrorResponse::from(Error::new(ErrorCode::Internal, "x"));
/// assert_eq!(r.error.code, ErrorCode::Internal);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ErrorResponse {
    /// The error.
    pub error: Error,
}

impl From<Error> for ErrorResponse {
    /// Wraps an error in its wire form.
    ///
    /// ```
    /// use lockstep_core::error::{Error, ErrorCode, ErrorResponse};
    /// let r: ErrorResponse = Error::new(ErrorCode::Usage, "x").into();
    /// assert_eq!(r.error.message, "x");
    /// ```
    fn from(error: Error) -> Self {
        ErrorResponse { error }
    }
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
