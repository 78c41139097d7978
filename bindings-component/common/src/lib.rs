//! What every Lockstep component shares: a core [`Outcome`] split into the answer text
//! or a typed error ([`answer`]), and [`wit_error!`], which turns that error into the
//! `error` record of the WIT contract (`wit/engine.wit`).
//!
//! No business logic here: the core answers, this only re-shapes the answer.
//!
//! ```
//! use lockstep_core::{version::Target, wire::handle_json};
//! let ok = lockstep_component_common::answer(handle_json("version", b"{}", Target::Wasi));
//! assert!(ok.unwrap().starts_with(r#"{"name":"lockstep""#));
//! let err = lockstep_component_common::answer(handle_json("quote", b"{}", Target::Wasi));
//! assert_eq!(err.unwrap_err().code.as_str(), "missing_field");
//! ```

use lockstep_core::error::{Detail, Error, ErrorCode};
use lockstep_core::wire::Outcome;
use serde::Deserialize;

/// Every error code of the core, in the order of `wit/engine.wit`'s `error-code` enum.
///
/// [`wit_error!`]'s exhaustive match fails to compile when the core gains a code; add
/// it here, to the macro and to the WIT enum together.
///
/// ```
/// assert_eq!(lockstep_component_common::CODES.len(), 23);
/// ```
pub const CODES: [ErrorCode; 23] = [
    ErrorCode::InvalidJson,
    ErrorCode::EmptyRequest,
    ErrorCode::InvalidUtf8,
    ErrorCode::RequestTooLarge,
    ErrorCode::NestingTooDeep,
    ErrorCode::InvalidType,
    ErrorCode::InvalidValue,
    ErrorCode::UnknownField,
    ErrorCode::MissingField,
    ErrorCode::UnknownCurrency,
    ErrorCode::UnknownReference,
    ErrorCode::TooManyLines,
    ErrorCode::TooManyPromotions,
    ErrorCode::TooManyRules,
    ErrorCode::RulesTooDeep,
    ErrorCode::StringTooLong,
    ErrorCode::ScaleTooLarge,
    ErrorCode::LimitExceeded,
    ErrorCode::ArithmeticOverflow,
    ErrorCode::UnknownOperation,
    ErrorCode::NotImplemented,
    ErrorCode::Usage,
    ErrorCode::Internal,
];

/// The code whose wire name is `name`; an unknown name (which the core never writes)
/// is `internal`.
///
/// ```
/// use lockstep_core::error::ErrorCode;
/// assert_eq!(lockstep_component_common::code_named("unknown_field"), ErrorCode::UnknownField);
/// assert_eq!(lockstep_component_common::code_named("nope"), ErrorCode::Internal);
/// ```
pub fn code_named(name: &str) -> ErrorCode {
    CODES
        .into_iter()
        .find(|c| c.as_str() == name)
        .unwrap_or(ErrorCode::Internal)
}

/// The wire form of an error, read back from the core's answer text.
#[derive(Deserialize)]
struct WireError {
    error: WireBody,
}

#[derive(Deserialize)]
struct WireBody {
    code: String,
    message: String,
    details: Vec<WireDetail>,
}

#[derive(Deserialize)]
struct WireDetail {
    path: String,
    code: String,
    message: String,
}

/// The core's answer as the WIT functions return it: the answer text, or the error it
/// encodes, typed. `Error::to_json` of that error gives back the core's exact bytes.
///
/// ```
/// use lockstep_core::{version::Target, wire::handle_json};
/// let outcome = handle_json("quote", br#"{"x":1}"#, Target::Wasi);
/// let err = lockstep_component_common::answer(outcome.clone()).unwrap_err();
/// assert_eq!(err.to_json(), outcome.json);
/// ```
pub fn answer(outcome: Outcome) -> Result<String, Error> {
    let Some(code) = outcome.error else {
        return Ok(outcome.json);
    };
    match serde_json::from_str::<WireError>(&outcome.json) {
        Ok(WireError { error }) => {
            let mut typed = Error::new(code_named(&error.code), error.message);
            typed.details = error
                .details
                .into_iter()
                .map(|d| Detail::new(d.path, code_named(&d.code), d.message))
                .collect();
            Err(typed)
        }
        // The core's error text always has this shape; were it not to, the code stays.
        Err(_) => Err(Error::new(code, "the error could not be decoded")),
    }
}

/// Defines `fn to_wit(lockstep_core::error::Error) -> $error` for the `error`,
/// `detail` and `error-code` types that `wit-bindgen` generated in module `$api` of a
/// component crate, and `fn code_to_wit`.
///
/// ```text
/// lockstep_component_common::wit_error!(bindings::exports::lockstep::engine::api);
/// ```
#[macro_export]
macro_rules! wit_error {
    ($($api:ident)::+) => {
        /// The core's error as the WIT `error` record.
        pub(crate) fn to_wit(error: ::lockstep_core::error::Error) -> $($api)::+::Error {
            $($api)::+::Error {
                code: code_to_wit(error.code),
                message: error.message,
                details: error
                    .details
                    .into_iter()
                    .map(|d| $($api)::+::Detail {
                        path: d.path,
                        code: code_to_wit(d.code),
                        message: d.message,
                    })
                    .collect(),
            }
        }

        /// The core's code as the WIT `error-code`. `ErrorCode` is `#[non_exhaustive]`: a
        /// code the WIT enum does not have yet answers `internal`, and the common crate's
        /// test `codes_cover_the_core` fails until it is added.
        pub(crate) fn code_to_wit(code: ::lockstep_core::error::ErrorCode) -> $($api)::+::ErrorCode {
            use ::lockstep_core::error::ErrorCode as C;
            use $($api)::+::ErrorCode as W;
            match code {
                C::InvalidJson => W::InvalidJson,
                C::EmptyRequest => W::EmptyRequest,
                C::InvalidUtf8 => W::InvalidUtf8,
                C::RequestTooLarge => W::RequestTooLarge,
                C::NestingTooDeep => W::NestingTooDeep,
                C::InvalidType => W::InvalidType,
                C::InvalidValue => W::InvalidValue,
                C::UnknownField => W::UnknownField,
                C::MissingField => W::MissingField,
                C::UnknownCurrency => W::UnknownCurrency,
                C::UnknownReference => W::UnknownReference,
                C::TooManyLines => W::TooManyLines,
                C::TooManyPromotions => W::TooManyPromotions,
                C::TooManyRules => W::TooManyRules,
                C::RulesTooDeep => W::RulesTooDeep,
                C::StringTooLong => W::StringTooLong,
                C::ScaleTooLarge => W::ScaleTooLarge,
                C::LimitExceeded => W::LimitExceeded,
                C::ArithmeticOverflow => W::ArithmeticOverflow,
                C::UnknownOperation => W::UnknownOperation,
                C::NotImplemented => W::NotImplemented,
                C::Usage => W::Usage,
                C::Internal => W::Internal,
                _ => W::Internal,
            }
        }
    };
}

/// Defines `fn to_wit(lockstep_core::error::Error) -> $error` and
/// `fn from_wit($error) -> lockstep_core::error::Error` for an interface whose `error`
/// and `detail` records carry codes as wire names (the payment service's interfaces).
///
/// ```text
/// lockstep_component_common::wit_error_text!(bindings::exports::lockstep::engine::scorer);
/// ```
#[macro_export]
macro_rules! wit_error_text {
    ($($api:ident)::+) => {
        /// The core's error as the WIT `error` record (codes as wire names).
        #[allow(dead_code)]
        pub(crate) fn to_wit(error: ::lockstep_core::error::Error) -> $($api)::+::Error {
            $($api)::+::Error {
                code: error.code.as_str().to_owned(),
                message: error.message,
                details: error
                    .details
                    .into_iter()
                    .map(|d| $($api)::+::Detail {
                        path: d.path,
                        code: d.code.as_str().to_owned(),
                        message: d.message,
                    })
                    .collect(),
            }
        }

        /// The WIT `error` record back as the core's error.
        #[allow(dead_code)]
        pub(crate) fn from_wit(error: $($api)::+::Error) -> ::lockstep_core::error::Error {
            let mut core_error = ::lockstep_core::error::Error::new(
                $crate::code_named(&error.code),
                error.message,
            );
            core_error.details = error
                .details
                .into_iter()
                .map(|d| {
                    ::lockstep_core::error::Detail::new(d.path, $crate::code_named(&d.code), d.message)
                })
                .collect();
            core_error
        }
    };
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn codes_cover_the_core() {
        assert_eq!(CODES.len(), ErrorCode::ALL.len());
        for code in ErrorCode::ALL {
            assert_eq!(code_named(code.as_str()), *code, "{}", code.as_str());
        }
    }
    use lockstep_core::version::Target;
    use lockstep_core::wire::handle_json;

    #[test]
    fn every_code_round_trips_by_name() {
        for c in CODES {
            assert_eq!(code_named(c.as_str()), c);
        }
    }

    #[test]
    fn typed_errors_re_encode_to_the_core_bytes() {
        let requests: [(&str, &[u8]); 6] = [
            ("quote", b"{}"),
            (
                "quote",
                br#"{"currency":"XAU","as_of":"2026-11-26T10:00:00Z","lines":[]}"#,
            ),
            ("score", br#"{"rules":7}"#),
            ("version", br#"{"a/b~c":"\u00e9\n"}"#),
            ("nope", b"{}"),
            ("validate", b"[1,"),
        ];
        for (op, body) in requests {
            let outcome = handle_json(op, body, Target::Wasi);
            let err = answer(outcome.clone()).unwrap_err();
            assert_eq!(Some(err.code), outcome.error);
            assert_eq!(err.to_json(), outcome.json);
        }
    }
}
