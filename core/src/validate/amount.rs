//! Amount and currency: ISO 4217 code and the currency's minor units (`money` rules).

use crate::money::{Currency, Money, parse_decimal};
use crate::redact::currency_message;

use super::finding::{FindingCode, Findings};
use super::request::Mode;

/// Checks the currency (sanitized: trimmed, upper case); returns it when accepted.
pub(super) fn check_currency(code: &str, findings: &mut Findings) -> Option<Currency> {
    match Currency::from_code(code) {
        Ok(c) => Some(c),
        Err(err) => {
            // The one currency message of every operation (`redact::currency_message`).
            findings.push(
                "/currency",
                FindingCode::CurrencyUnknown,
                currency_message(code, &err),
            );
            None
        }
    }
}

/// Checks a trimmed amount; returns its canonical form (exactly the currency's minor
/// units) when valid and the currency is known.
pub(super) fn check_amount(
    amount: &str,
    currency: Option<Currency>,
    mode: Mode,
    findings: &mut Findings,
) -> Option<String> {
    const PATH: &str = "/amount";
    if mode == Mode::Partial && is_decimal_prefix(amount) && parse_decimal(amount).is_err() {
        return None;
    }
    let value = match parse_decimal(amount) {
        Ok(v) => v,
        Err(err) => {
            findings.push(
                PATH,
                FindingCode::AmountFormat,
                format!("an amount is a plain decimal string such as \"19.99\" ({err})"),
            );
            return None;
        }
    };
    if value.is_sign_negative() && !value.is_zero() {
        findings.push(
            PATH,
            FindingCode::AmountNegative,
            "the amount cannot be negative",
        );
    }
    let currency = currency?;
    match Money::parse(amount, currency) {
        Ok(m) => Some(m.to_amount_string()),
        Err(_) => {
            findings.push(
                PATH,
                FindingCode::AmountMinorUnits,
                format!(
                    "{} has {} decimal places; the amount has more",
                    currency.code(),
                    currency.minor_units()
                ),
            );
            None
        }
    }
}

/// Partial mode: `""`, `"-"`, `"12."`: unfinished but could still become an amount.
fn is_decimal_prefix(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let int = body.strip_suffix('.').unwrap_or(body);
    int.bytes().all(|b| b.is_ascii_digit()) && !(int.len() > 1 && int.starts_with('0'))
}
