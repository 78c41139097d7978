//! Unit and property tests of the money module.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod allocation;
mod amounts;
mod convert;
mod currencies;
mod monetary;
mod props;
mod rounding;

use super::{Currency, Decimal, Money, parse_decimal};

/// A decimal from an exact string.
fn d(s: &str) -> Decimal {
    parse_decimal(s).unwrap()
}

/// A currency by code.
fn cur(code: &str) -> Currency {
    Currency::from_code(code).unwrap()
}

/// Money from an amount string and a code.
fn m(amount: &str, code: &str) -> Money {
    Money::parse(amount, cur(code)).unwrap()
}

/// The canonical strings of some money.
fn strings(parts: &[Money]) -> Vec<String> {
    parts.iter().map(|p| p.to_amount_string()).collect()
}
