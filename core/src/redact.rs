//! The echo rule, in one place: what an answer or an error may repeat of the request.
//!
//! A request value is quoted back only when it cannot be a card number, a CVC or
//! another secret typed in the wrong field ([`quotable`]); serde's messages, which quote
//! values, are reduced to the value's kind ([`redact`]). Member names are kept.

use crate::error::{Error, ErrorCode};
use crate::money::{Currency, MoneyError};

/// Removes request values that serde quotes in its messages (`invalid type: string
/// "4111...", expected ...`, `unknown variant `...``): an error never echoes what the
/// caller sent, which could be a card number. Member names are kept.
///
/// ```
/// use lockstep_core::redact::redact;
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
/// use lockstep_core::redact::quotable;
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

/// The one message for a currency code `raw` that [`Currency::from_code`] refused,
/// used by every operation (`quote`, `score`, `validate`). A code that is not three
/// capital letters is quoted only when [`quotable`] allows (short, at most two digits):
/// the field may hold a card number sent by mistake. [`MoneyError`]'s own `Display`
/// never quotes it (the error does not keep the input).
///
/// ```
/// use lockstep_core::{money::Currency, redact::currency_message};
/// let e = Currency::from_code("4111111111111111").unwrap_err();
/// assert_eq!(
///     currency_message("4111111111111111", &e),
///     "not a currency code (three capital letters A-Z)"
/// );
/// let e = Currency::from_code("usd").unwrap_err();
/// assert_eq!(
///     currency_message("usd", &e),
///     r#""usd" is not a currency code (three capital letters A-Z)"#
/// );
/// let e = Currency::from_code("ABC").unwrap_err();
/// assert_eq!(currency_message("ABC", &e), "ABC is not an ISO 4217 currency code");
/// ```
///
/// [`Currency::from_code`]: crate::money::Currency::from_code
pub fn currency_message(raw: &str, err: &MoneyError) -> String {
    match (err, quotable(raw)) {
        (MoneyError::InvalidCurrencyCode { .. }, Some(shown)) => format!("{shown:?} is {err}"),
        _ => err.to_string(),
    }
}

/// Reads a currency code for a request member, with the one error every operation
/// answers for a refused code: `unknown_currency` at `path`, with [`currency_message`].
///
/// ```
/// use lockstep_core::{error::ErrorCode, redact::currency};
/// assert_eq!(currency("EUR", "/currency").unwrap().code(), "EUR");
/// let e = currency("4111 1111 1111 1111", "/payment/currency").unwrap_err();
/// assert_eq!((e.code, e.details[0].path.as_str()), (ErrorCode::UnknownCurrency, "/payment/currency"));
/// assert!(!e.to_json().contains("4111"));
/// ```
pub fn currency(raw: &str, path: &str) -> Result<Currency, Error> {
    Currency::from_code(raw)
        .map_err(|e| Error::at(ErrorCode::UnknownCurrency, path, currency_message(raw, &e)))
}
