//! Payment cards: brand from IIN ranges, Luhn, length, security code, expiry.
//!
//! The brand table (`card_table.rs`) is generated from the npm package
//! `credit-card-type` by `scripts/gen_card_ranges.py`.

use serde::Serialize;

use crate::limits::validate::MAX_HOLDER_CHARS;

use super::card_table::BRANDS;
use super::finding::{FindingCode, Findings};
use super::request::{CardInput, Mode};
use super::response::{CardSummary, SanitizedCard};
use super::{YearMonth, expiry, sanitize};

/// A card brand (scheme).
///
/// ```
/// use lockstep_core::validate::{detect_brand, Brand};
/// assert_eq!(detect_brand("378282246310005"), Some(Brand::Amex));
/// assert_eq!(Brand::UnionPay.as_str(), "unionpay");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Brand {
    /// Visa (incl. Electron).
    Visa,
    /// Mastercard (51–55 and 2221–2720).
    Mastercard,
    /// American Express.
    Amex,
    /// Diners Club International.
    Diners,
    /// Troy (Türkiye).
    Troy,
    /// Discover.
    Discover,
    /// JCB.
    Jcb,
    /// China UnionPay.
    #[serde(rename = "unionpay")]
    UnionPay,
    /// Maestro.
    Maestro,
    /// Elo (Brazil).
    Elo,
    /// Mir (Russia).
    Mir,
    /// Hiper (Brazil).
    Hiper,
    /// Hipercard (Brazil).
    Hipercard,
    /// Naranja (Argentina).
    Naranja,
    /// Verve (Nigeria).
    Verve,
}

impl Brand {
    /// The brand's wire name.
    ///
    /// ```
    /// assert_eq!(lockstep_core::validate::Brand::Mastercard.as_str(), "mastercard");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Brand::Visa => "visa",
            Brand::Mastercard => "mastercard",
            Brand::Amex => "amex",
            Brand::Diners => "diners",
            Brand::Troy => "troy",
            Brand::Discover => "discover",
            Brand::Jcb => "jcb",
            Brand::UnionPay => "unionpay",
            Brand::Maestro => "maestro",
            Brand::Elo => "elo",
            Brand::Mir => "mir",
            Brand::Hiper => "hiper",
            Brand::Hipercard => "hipercard",
            Brand::Naranja => "naranja",
            Brand::Verve => "verve",
        }
    }
}

/// One brand of the generated table.
#[derive(Debug)]
pub(super) struct BrandSpec {
    pub(super) brand: Brand,
    /// Security-code length.
    pub(super) cvc: u8,
    /// Valid number lengths, ascending.
    pub(super) lengths: &'static [u8],
    /// `(low, high, digits)`: the first `digits` digits lie in `low..=high`.
    pub(super) patterns: &'static [(u64, u64, u8)],
}

/// Shortest and longest card numbers of any brand (ISO/IEC 7812: 8–19; in practice 12–19).
const MIN_LEN: usize = 12;
const MAX_LEN: usize = 19;
/// Numbers shorter than this never show first six and last four digits.
const MIN_LEN_FOR_SUMMARY: usize = 13;

/// The Luhn (mod 10) check over ASCII digits; false for an empty string or any other character.
///
/// ```
/// use lockstep_core::validate::luhn_valid;
/// assert!(luhn_valid("4111111111111111"));
/// assert!(!luhn_valid("4111111111111112"));
/// assert!(!luhn_valid("4111 1111"));
/// ```
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut sum = 0u64;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u64::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// The brand of a card number or of its first digits (digits only), by the most specific
/// matching IIN prefix, or as soon as only one brand is still possible; `None` when no
/// brand matches, when several are still possible, or the input is not digits.
///
/// ```
/// use lockstep_core::validate::{detect_brand, Brand};
/// assert_eq!(detect_brand("4111111111111111"), Some(Brand::Visa));
/// // Only Amex numbers start 34; "4" could still be Visa, Elo or Maestro (493698).
/// assert_eq!(detect_brand("34"), Some(Brand::Amex));
/// assert_eq!(detect_brand("4"), None);
/// assert_eq!(detect_brand("2221000000000009"), Some(Brand::Mastercard));
/// assert_eq!(detect_brand("6362970000457013"), Some(Brand::Elo));
/// assert_eq!(detect_brand("1234567890123456"), None);
/// ```
pub fn detect_brand(number: &str) -> Option<Brand> {
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match detect(number.as_bytes()) {
        Detection::Known(spec) => Some(spec.brand),
        Detection::Undetermined | Detection::Unknown => None,
    }
}

enum Prefix {
    /// The number has the whole prefix: match of that many digits.
    Full(u8),
    /// The number is shorter than the prefix and could still match it.
    Partial,
    No,
}

fn match_pattern(digits: &[u8], (low, high, len): (u64, u64, u8)) -> Prefix {
    let len_usize = usize::from(len);
    let take = digits.len().min(len_usize);
    let mut value = 0u64;
    for &d in digits.iter().take(take) {
        value = value * 10 + u64::from(d - b'0');
    }
    let mut scale = 1u64;
    for _ in take..len_usize {
        scale *= 10;
    }
    if value < low / scale || value > high / scale {
        Prefix::No
    } else if take == len_usize {
        Prefix::Full(len)
    } else {
        Prefix::Partial
    }
}

pub(super) enum Detection {
    /// One brand, the most specific (earliest in the table on a tie).
    Known(&'static BrandSpec),
    /// More digits are needed to decide.
    Undetermined,
    /// No brand can match.
    Unknown,
}

/// Detection as in `credit-card-type`: every brand whose ranges the digits can still
/// reach is a candidate. A single candidate is the brand at once (`"34"` is Amex, `"22"`
/// Mastercard), even before its range is complete: it is the only brand the number can
/// still have. With several candidates, the brand is known once every candidate's
/// matching prefix is complete, and then the longest prefix wins; on a tie the narrower
/// range wins (Verve's ranges lie inside Maestro's; credit-card-type gets Verve from its
/// test order, which lists Verve before Maestro), then the earlier brand.
pub(super) fn detect(digits: &[u8]) -> Detection {
    // (spec, strength, width of the matching range): longer prefix first, then the
    // narrower range, then table order.
    let mut best: Option<(&'static BrandSpec, u8, u64)> = None;
    let mut candidates = 0usize;
    let mut last_candidate: Option<&'static BrandSpec> = None;
    let mut undetermined = false;
    for spec in BRANDS {
        let mut strength: Option<(u8, u64)> = None;
        let mut partial = false;
        for &pattern in spec.patterns {
            match match_pattern(digits, pattern) {
                Prefix::Full(n) => {
                    let width = pattern.1 - pattern.0;
                    if strength.is_none_or(|(s, w)| n > s || (n == s && width < w)) {
                        strength = Some((n, width));
                    }
                }
                Prefix::Partial => partial = true,
                Prefix::No => {}
            }
        }
        if strength.is_some() || partial {
            candidates += 1;
            last_candidate = Some(spec);
        }
        match strength {
            Some((s, w)) if best.is_none_or(|(_, bs, bw)| s > bs || (s == bs && w < bw)) => {
                best = Some((spec, s, w));
            }
            Some(_) => {}
            None if partial => undetermined = true,
            None => {}
        }
    }
    match (candidates, last_candidate, best) {
        (0, _, _) => Detection::Unknown,
        (1, Some(spec), _) => Detection::Known(spec),
        (_, _, Some((spec, _, _))) if !undetermined => Detection::Known(spec),
        _ => Detection::Undetermined,
    }
}

/// Checks a card and returns its sanitized fields and what may be shown of it.
pub(super) fn check(
    card: &CardInput,
    mode: Mode,
    as_of: Option<YearMonth>,
    findings: &mut Findings,
) -> (SanitizedCard, Option<CardSummary>) {
    let partial = mode == Mode::Partial;
    let mut summary = None;
    let mut spec: Option<&'static BrandSpec> = None;
    if let Some(raw) = &card.number {
        let number = sanitize::compact(raw);
        let (s, found) = check_number(&number, partial, findings);
        summary = s;
        spec = found;
    }
    let mut sanitized = SanitizedCard::default();
    expiry::check(card, partial, as_of, findings, &mut sanitized);
    if let Some(raw) = &card.cvc {
        check_cvc(&sanitize::compact(raw), spec, partial, findings);
    }
    if let Some(raw) = &card.holder_name {
        let name = sanitize::text(raw);
        if sanitize::holds_card_number(&name) {
            // Autofill and hurried typing put card numbers here: refused, never echoed.
            findings.push(
                "/card/holder_name",
                FindingCode::CardHolderNameCardNumber,
                "the holder name holds what could be a card number (12 or more digits)",
            );
        } else {
            if !(sanitize::is_clean_text(&name, MAX_HOLDER_CHARS) || partial && name.is_empty()) {
                findings.push(
                    "/card/holder_name",
                    FindingCode::CardHolderName,
                    format!(
                        "holder name must be 1 to {MAX_HOLDER_CHARS} characters without control characters, emoji or invisible characters"
                    ),
                );
            }
            sanitized.holder_name = Some(name);
        }
    }
    (sanitized, summary)
}

fn check_number(
    number: &str,
    partial: bool,
    findings: &mut Findings,
) -> (Option<CardSummary>, Option<&'static BrandSpec>) {
    const PATH: &str = "/card/number";
    if number.is_empty() && partial {
        return (None, None);
    }
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        findings.push(
            PATH,
            FindingCode::CardFormat,
            "card number must contain only digits (spaces and dashes are removed)",
        );
        return (None, None);
    }
    let digits = number.as_bytes();
    let len = digits.len();
    let detection = detect(digits);
    let spec = match detection {
        Detection::Known(spec) => Some(spec),
        Detection::Undetermined | Detection::Unknown => None,
    };
    let max = spec.map_or(MAX_LEN, |s| {
        s.lengths.last().map_or(MAX_LEN, |&m| usize::from(m))
    });
    let length_ok = match spec {
        Some(s) => s.lengths.iter().any(|&l| usize::from(l) == len),
        None => (MIN_LEN..=MAX_LEN).contains(&len),
    };
    if matches!(detection, Detection::Unknown) {
        findings.push(
            PATH,
            FindingCode::CardBrandUnknown,
            "card number does not match the IIN range of any known brand",
        );
    }
    if (partial && len > max) || (!partial && !length_ok) {
        let message = match spec {
            Some(s) => format!(
                "{} card numbers have {} digits",
                s.brand.as_str(),
                join_lengths(s.lengths)
            ),
            None => format!("a card number has {MIN_LEN} to {MAX_LEN} digits"),
        };
        findings.push(PATH, FindingCode::CardLength, message);
    }
    // In partial mode the Luhn check waits until no longer number is possible.
    let luhn_due = !partial || len >= max;
    if luhn_due && !luhn_valid(number) {
        findings.push(
            PATH,
            FindingCode::CardLuhn,
            "card number fails the Luhn check digit",
        );
    }
    let summary = CardSummary {
        brand: spec.map(|s| s.brand),
        first6: (len >= MIN_LEN_FOR_SUMMARY).then(|| number.chars().take(6).collect()),
        last4: (len >= MIN_LEN_FOR_SUMMARY).then(|| number.chars().skip(len - 4).collect()),
    };
    (Some(summary), spec)
}

fn join_lengths(lengths: &[u8]) -> String {
    let parts: Vec<String> = lengths.iter().map(u8::to_string).collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => parts.concat(),
    }
}

fn check_cvc(cvc: &str, spec: Option<&BrandSpec>, partial: bool, findings: &mut Findings) {
    const PATH: &str = "/card/cvc";
    if !cvc.bytes().all(|b| b.is_ascii_digit()) {
        findings.push(
            PATH,
            FindingCode::CardCvcFormat,
            "security code must contain only digits",
        );
        return;
    }
    let len = cvc.len();
    let (ok, expected) = match spec {
        Some(s) => {
            let want = usize::from(s.cvc);
            (
                len == want || (partial && len < want),
                format!("{} security codes have {want} digits", s.brand.as_str()),
            )
        }
        None => (
            len == 3 || len == 4 || (partial && len < 4),
            "a security code has 3 or 4 digits".to_owned(),
        ),
    };
    if !ok {
        findings.push(PATH, FindingCode::CardCvcLength, expected);
    }
}
