//! Checks of single values shared by every part of a cart: instants, list lengths,
//! names, decimals, percentages and money amounts.

use smol_str::SmolStr;

use super::super::model::NameSet;

use crate::codec::pointer::Pointer;
use crate::error::ErrorCode;
use crate::limits::quote::{MAX_NAME_CHARS, MAX_NAMES, MAX_SCALE};
use crate::money::{Amount, Currency, Money, MoneyError};
use crate::pricing::instant::{self, Instant};
use crate::pricing::ratio::Ratio;

use super::Problems;

pub(super) enum Sign {
    Positive,
    NonNegative,
}

pub(super) fn when(p: &mut Problems, path: &Pointer<'_>, s: &str) -> Option<Instant> {
    let parsed = instant::parse(s);
    if parsed.is_none() {
        p.add(
            path,
            ErrorCode::InvalidValue,
            "expected an RFC 3339 instant such as \"2026-11-26T10:00:00Z\"",
        );
    }
    parsed
}

pub(super) fn list(p: &mut Problems, path: &Pointer<'_>, len: usize, max: usize) -> bool {
    list_as(p, path, len, max, ErrorCode::LimitExceeded)
}

/// Like [`list`], with the limit's own error code.
pub(super) fn list_as(
    p: &mut Problems,
    path: &Pointer<'_>,
    len: usize,
    max: usize,
    code: ErrorCode,
) -> bool {
    if len > max {
        p.add(path, code, format!("{len} entries; the limit is {max}"));
        return false;
    }
    true
}

pub(super) fn name(p: &mut Problems, path: &Pointer<'_>, s: &str) -> bool {
    if s.is_empty() {
        p.add(path, ErrorCode::InvalidValue, "must not be empty");
        return false;
    }
    let chars = s.chars().count();
    if chars > MAX_NAME_CHARS {
        p.add(
            path,
            ErrorCode::StringTooLong,
            format!("{chars} characters; the limit is {MAX_NAME_CHARS}"),
        );
        return false;
    }
    true
}

pub(super) fn check_names<'a>(
    p: &mut Problems,
    path: &Pointer<'_>,
    names: &'a [SmolStr],
) -> NameSet<'a> {
    list(p, path, names.len(), MAX_NAMES);
    names
        .iter()
        .enumerate()
        .take(MAX_NAMES)
        .filter(|(i, n)| name(p, &path.index(*i), n))
        .map(|(_, n)| n.as_str())
        .collect()
}

pub(super) fn decimal(
    p: &mut Problems,
    path: &Pointer<'_>,
    a: Amount,
    sign: Sign,
) -> Option<Ratio> {
    let v = a.value();
    let bad_sign = match sign {
        Sign::Positive => v <= rust_decimal::Decimal::ZERO,
        Sign::NonNegative => v.is_sign_negative() && !v.is_zero(),
    };
    if bad_sign {
        let what = match sign {
            Sign::Positive => "must be above zero",
            Sign::NonNegative => "must not be negative",
        };
        p.add(path, ErrorCode::InvalidValue, what);
        return None;
    }
    if v.normalize().scale() > MAX_SCALE {
        p.add(
            path,
            ErrorCode::ScaleTooLarge,
            format!("more than {MAX_SCALE} decimal places"),
        );
        return None;
    }
    let r = Ratio::from_decimal(v);
    if r.is_none() {
        p.add(
            path,
            ErrorCode::ArithmeticOverflow,
            "the value is out of range",
        );
    }
    r
}

pub(super) fn percent(p: &mut Problems, path: &Pointer<'_>, a: Amount, max: i64) -> Option<Ratio> {
    decimal(p, path, a, Sign::NonNegative)?;
    if a.value() > rust_decimal::Decimal::from(max) {
        p.add(
            path,
            ErrorCode::InvalidValue,
            format!("a percentage above {max}"),
        );
        return None;
    }
    let r = Ratio::percent(a.value());
    if r.is_none() {
        p.add(
            path,
            ErrorCode::ArithmeticOverflow,
            "the value is out of range",
        );
    }
    r
}

/// A non-negative money amount in minor units (at most the currency's minor units).
pub(super) fn money(
    p: &mut Problems,
    path: &Pointer<'_>,
    a: Amount,
    currency: Option<Currency>,
) -> Option<i128> {
    let v = a.value();
    if v.is_sign_negative() && !v.is_zero() {
        p.add(path, ErrorCode::InvalidValue, "must not be negative");
        return None;
    }
    let currency = currency?;
    match Money::new(v, currency) {
        Ok(m) => Some(m.minor()),
        Err(e @ MoneyError::ExcessPrecision { .. }) => {
            p.add(path, ErrorCode::InvalidValue, e.to_string());
            None
        }
        Err(_) => {
            p.add(
                path,
                ErrorCode::ArithmeticOverflow,
                "the value is out of range",
            );
            None
        }
    }
}

pub(super) fn required<T: Copy>(
    p: &mut Problems,
    path: &Pointer<'_>,
    field: &str,
    v: Option<T>,
) -> Option<T> {
    if v.is_none() {
        p.add(
            &path.key(field),
            ErrorCode::MissingField,
            format!("missing field `{field}`"),
        );
    }
    v
}
