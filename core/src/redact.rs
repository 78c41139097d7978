//! The echo rule, in one place: what an answer or an error may repeat of the request.
//!
//! A request value is quoted back only when it cannot be a card number, a CVC or
//! another secret typed in the wrong field ([`quotable`]); serde's messages, which quote
//! values, are reduced to the value's kind ([`redact`]). Member names are kept.

use crate::money::MoneyError;

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

/// The message for a currency code `raw` that [`Currency::from_code`] refused. A code
/// that is not three capital letters is quoted only when [`quotable`] allows
/// (short, at most two digits): the field may hold a card number sent by mistake.
///
/// ```
/// use lockstep_core::{money::Currency, redact::currency_message};
/// let e = Currency::from_code("4111111111111111").unwrap_err();
/// assert!(!currency_message("4111111111111111", &e).contains("4111"));
/// let e = Currency::from_code("usd").unwrap_err();
/// assert!(currency_message("usd", &e).contains("usd"));
/// ```
pub fn currency_message(raw: &str, err: &MoneyError) -> String {
    match err {
        MoneyError::InvalidCurrencyCode { .. } => match quotable(raw) {
            Some(shown) => format!("{shown:?} is not a currency code (three capital letters A-Z)"),
            None => "not a currency code (three capital letters A-Z)".to_owned(),
        },
        other => other.to_string(),
    }
}
