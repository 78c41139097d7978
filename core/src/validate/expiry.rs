//! Card expiry: month and year, against `as_of` (expired, or beyond the horizon).
//!
//! In partial mode an unfinished month or year stands for everything it can still
//! become; when none of that is in the accepted window (from `as_of`'s month to
//! [`MAX_YEARS_AHEAD`] years after its year), the expiry is already an error. The same
//! reasoning applies when a member is absent: a year in the past is expired whatever
//! the month.

use super::finding::{FindingCode, Findings};
use super::request::CardInput;
use super::response::SanitizedCard;
use super::{YearMonth, sanitize};

/// Longest unparsable expiry month or year echoed in `sanitized` (see `docs/security.md`).
const MAX_ECHOED_EXPIRY_CHARS: usize = 4;

pub(super) use crate::limits::validate::MAX_YEARS_AHEAD;

/// What a month or year can still be: exact, or the candidates of an unfinished prefix.
enum Typed<T> {
    /// Not sent, or empty while typing: anything.
    Any,
    /// A parsed value.
    Exact(T),
    /// An unfinished prefix (partial mode): its possible values.
    Prefix(T),
    /// Unparsable (already a finding): no conclusion.
    Bad,
}

/// Months as a bit set (bit `m` for month `m`).
type Months = u16;
const ALL_MONTHS: Months = 0b1_1111_1111_1110;

/// Inclusive year ranges.
type Years = Vec<(u16, u16)>;

/// Checks the expiry members, fills their sanitized values.
pub(super) fn check(
    card: &CardInput,
    partial: bool,
    as_of: Option<YearMonth>,
    findings: &mut Findings,
    sanitized: &mut SanitizedCard,
) {
    let month = match card.exp_month.as_deref() {
        None => Typed::Any,
        Some(raw) => {
            let m = sanitize::compact(raw);
            let parsed = parse_month(&m, partial);
            if parsed.is_err() {
                findings.push(
                    "/card/exp_month",
                    FindingCode::CardExpMonth,
                    "expiry month must be 1 to 12",
                );
            }
            let typed = match parsed {
                Ok(Some(v)) => Typed::Exact(1 << v),
                Ok(None) => match m.as_str() {
                    "0" => Typed::Prefix(0b11_1111_1110),
                    "1" => Typed::Prefix(0b1_1100_0000_0010),
                    _ => Typed::Any,
                },
                Err(()) => Typed::Bad,
            };
            // An unparsable value is echoed only when short (a typo); anything longer
            // could be a card number typed in the wrong field, and is never repeated back.
            sanitized.exp_month = match parsed {
                Ok(Some(v)) => Some(sanitize::zero_padded(v.into(), 2)),
                _ if m.chars().count() <= MAX_ECHOED_EXPIRY_CHARS => Some(m),
                _ => None,
            };
            typed
        }
    };
    let year = match card.exp_year.as_deref() {
        None => Typed::Any,
        Some(raw) => {
            let y = sanitize::compact(raw);
            let parsed = parse_year(&y, partial);
            if parsed.is_err() {
                findings.push(
                    "/card/exp_year",
                    FindingCode::CardExpYear,
                    "expiry year must be two or four digits",
                );
            }
            let typed = match parsed {
                Ok(Some(v)) => Typed::Exact(vec![(v, v)]),
                Ok(None) => year_prefix(&y).map_or(Typed::Any, Typed::Prefix),
                Err(()) => Typed::Bad,
            };
            sanitized.exp_year = match parsed {
                Ok(Some(v)) => Some(sanitize::zero_padded(v, 4)),
                _ if y.chars().count() <= MAX_ECHOED_EXPIRY_CHARS => Some(y),
                _ => None,
            };
            typed
        }
    };
    if let Some(as_of) = as_of {
        check_window(&month, &year, as_of, findings);
    }
}

/// Reports an expiry none of whose possible values lies in the accepted window.
fn check_window(
    month: &Typed<Months>,
    year: &Typed<Years>,
    as_of: YearMonth,
    findings: &mut Findings,
) {
    const PATH: &str = "/card/exp_year";
    let months = match month {
        Typed::Any => ALL_MONTHS,
        Typed::Exact(m) | Typed::Prefix(m) => *m,
        Typed::Bad => return,
    };
    let years = match year {
        Typed::Exact(y) | Typed::Prefix(y) => y,
        Typed::Any | Typed::Bad => return,
    };
    let last_year = as_of.year.saturating_add(MAX_YEARS_AHEAD);
    // Months from as_of's on, in as_of's own year.
    let from_as_of: Months = ALL_MONTHS & !((1u16 << as_of.month) - 1);
    let possible = years.iter().any(|&(lo, hi)| {
        let (lo, hi) = (lo.max(as_of.year), hi.min(last_year));
        lo <= hi && (hi > as_of.year || months & from_as_of != 0)
    });
    if possible {
        return;
    }
    let earliest = years.iter().map(|&(lo, _)| lo).min().unwrap_or(0);
    let exact_year = match year {
        Typed::Exact(y) => y.first().map(|&(v, _)| v),
        _ => None,
    };
    let exact_month = match month {
        Typed::Exact(m) => (1..=12u8).find(|&v| *m == 1 << v),
        _ => None,
    };
    let message = if earliest > last_year {
        let code = FindingCode::CardExpiryTooFar;
        let text = match exact_year {
            Some(y) => format!(
                "the expiry year {y:04} is more than {MAX_YEARS_AHEAD} years after {:04}",
                as_of.year
            ),
            None => format!(
                "the expiry year can no longer be {:04} to {last_year:04} (at most {MAX_YEARS_AHEAD} years after {:04})",
                as_of.year, as_of.year
            ),
        };
        (code, text)
    } else {
        let code = FindingCode::CardExpired;
        let text = match (exact_year, exact_month) {
            (Some(y), Some(m)) => format!(
                "the card expired at the end of {y:04}-{m:02}, before {:04}-{:02}",
                as_of.year, as_of.month
            ),
            _ => format!(
                "the card expired: the expiry can no longer be {:04}-{:02} or later",
                as_of.year, as_of.month
            ),
        };
        (code, text)
    };
    findings.push(PATH, message.0, message.1);
}

/// What an unfinished year (partial mode) can still become: two digits (20YY) or four.
fn year_prefix(y: &str) -> Option<Years> {
    let v: u16 = y.parse().ok()?;
    match y.len() {
        1 => Some(vec![
            (2000 + v * 10, 2000 + v * 10 + 9),
            (v * 1000, v * 1000 + 999),
        ]),
        // "20": 2020, or the start of 2000-2099.
        2 => Some(vec![(2000 + v, 2000 + v), (v * 100, v * 100 + 99)]),
        3 => Some(vec![(v * 10, v * 10 + 9)]),
        _ => None,
    }
}

/// `Ok(Some(m))` a month, `Ok(None)` an acceptable unfinished prefix (partial mode).
fn parse_month(m: &str, partial: bool) -> Result<Option<u8>, ()> {
    if !m.bytes().all(|b| b.is_ascii_digit()) || m.len() > 2 {
        return Err(());
    }
    if partial && (m.is_empty() || m == "0" || m == "1") {
        return Ok(None);
    }
    let v: u8 = m.parse().map_err(|_| ())?;
    if (1..=12).contains(&v) {
        Ok(Some(v))
    } else {
        Err(())
    }
}

/// Two digits mean 20YY. `Ok(None)`: an acceptable unfinished prefix (partial mode).
fn parse_year(y: &str, partial: bool) -> Result<Option<u16>, ()> {
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    match y.len() {
        4 => y.parse().map(Some).map_err(|_| ()),
        // "20" while typing is probably the start of "2027", not 2020.
        2 if partial && y == "20" => Ok(None),
        2 => y.parse::<u16>().map(|v| Some(2000 + v)).map_err(|_| ()),
        0 | 1 | 3 if partial => Ok(None),
        _ => Err(()),
    }
}
