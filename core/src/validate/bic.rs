//! BIC (ISO 9362): `AAAA BB CC (DDD)`: institution, country, location, optional branch.

use super::country::{is_country, is_country_prefix};
use super::finding::{FindingCode, Findings};
use super::request::Mode;

/// Countries whose banks share another country's BIC country code, as found in IBAN/BIC
/// pairs: the French overseas departments and collectivities use `FR`, the Crown
/// Dependencies `GB`, Åland `FI`. Kosovo (`XK`, not ISO 3166-1) is accepted in a BIC.
const BIC_COUNTRY_OF: &[(&str, &str)] = &[
    ("AX", "FI"),
    ("BL", "FR"),
    ("GF", "FR"),
    ("GG", "GB"),
    ("GP", "FR"),
    ("IM", "GB"),
    ("JE", "GB"),
    ("MF", "FR"),
    ("MQ", "FR"),
    ("NC", "FR"),
    ("PF", "FR"),
    ("PM", "FR"),
    ("RE", "FR"),
    ("TF", "FR"),
    ("WF", "FR"),
    ("YT", "FR"),
];

/// Whether a BIC with country `bic_country` fits an IBAN of country `iban_country`.
pub(super) fn countries_match(bic_country: &str, iban_country: &str) -> bool {
    bic_country == iban_country
        || BIC_COUNTRY_OF.iter().any(|&(i, b)| {
            (i == iban_country && b == bic_country) || (i == bic_country && b == iban_country)
        })
}

/// Whether `bic` (upper case, no spaces) has the ISO 9362 shape (country not checked).
///
/// ```
/// use lockstep_core::validate::bic_format_valid;
/// assert!(bic_format_valid("DEUTDEFF"));
/// assert!(bic_format_valid("DEUTDEFF500"));
/// assert!(!bic_format_valid("DEUTDEF"));
/// assert!(!bic_format_valid("DEUT1EFF"));
/// ```
pub fn bic_format_valid(bic: &str) -> bool {
    (bic.len() == 8 || bic.len() == 11) && shape_ok(bic.as_bytes())
}

fn shape_ok(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().all(|(i, b)| {
        if i < 6 {
            b.is_ascii_uppercase()
        } else {
            b.is_ascii_uppercase() || b.is_ascii_digit()
        }
    })
}

/// Checks a sanitized BIC; returns its country when the shape is right.
pub(super) fn check(bic: &str, mode: Mode, findings: &mut Findings) -> Option<String> {
    const PATH: &str = "/bic";
    let partial = mode == Mode::Partial;
    let bytes = bic.as_bytes();
    if !shape_ok(bytes) {
        findings.push(
            PATH,
            FindingCode::BicFormat,
            "BIC is 4 letters (institution), 2 letters (country), 2 letters or digits (location) and optionally 3 letters or digits (branch)",
        );
        return None;
    }
    let len = bytes.len();
    let length_bad = if partial {
        len > 11
    } else {
        len != 8 && len != 11
    };
    if length_bad {
        findings.push(
            PATH,
            FindingCode::BicLength,
            format!("BIC has 8 or 11 characters, not {len}"),
        );
    }
    let country = bic.get(4..6.min(len)).unwrap_or_default();
    if country.len() == 2 {
        if !is_country(country) && country != "XK" {
            findings.push(
                PATH,
                FindingCode::BicCountry,
                format!("{country} (characters 5 and 6) is not an ISO 3166-1 country code"),
            );
            return None;
        }
        return Some(country.to_owned());
    }
    // `X` can still become `XK` (Kosovo), which a BIC may use.
    if partial && !country.is_empty() && !is_country_prefix(country) && country != "X" {
        findings.push(
            PATH,
            FindingCode::BicCountry,
            "characters 5 and 6 do not start an ISO 3166-1 country code",
        );
    }
    None
}
