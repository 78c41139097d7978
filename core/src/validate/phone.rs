//! Phone numbers in E.164 form: `+`, a country calling code, at most 15 digits in all.

use super::country::{calling_code, is_calling_code_prefix};
use super::finding::{FindingCode, Findings};
use super::request::Mode;
use super::response::PhoneSummary;

/// Fewest digits accepted (calling code included): the shortest numbering plans (Niue,
/// Saint Helena) have 4-digit subscriber numbers after a 3-digit code.
const MIN_DIGITS: usize = 7;
/// ITU-T E.164: at most 15 digits.
const MAX_DIGITS: usize = 15;

/// Checks a sanitized number (`+` and digits); returns its calling code when found.
pub(super) fn check(phone: &str, mode: Mode, findings: &mut Findings) -> Option<PhoneSummary> {
    const PATH: &str = "/phone";
    let partial = mode == Mode::Partial;
    if partial && phone.is_empty() {
        return None;
    }
    let Some(digits) = phone.strip_prefix('+') else {
        findings.push(
            PATH,
            FindingCode::PhoneFormat,
            "a phone number starts with + and the country calling code",
        );
        return None;
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        findings.push(
            PATH,
            FindingCode::PhoneFormat,
            "a phone number has only digits after the + (spaces, dashes, dots and parentheses are removed)",
        );
        return None;
    }
    let len = digits.len();
    if len > MAX_DIGITS || (!partial && len < MIN_DIGITS) {
        findings.push(
            PATH,
            FindingCode::PhoneLength,
            format!(
                "an international phone number has {MIN_DIGITS} to {MAX_DIGITS} digits, not {len}"
            ),
        );
    }
    match calling_code(digits) {
        Some((code, regions)) => Some(PhoneSummary {
            calling_code: code.to_string(),
            regions: regions.iter().map(|r| (*r).to_owned()).collect(),
        }),
        None => {
            if !partial || !is_calling_code_prefix(digits) {
                findings.push(
                    PATH,
                    FindingCode::PhoneCallingCode,
                    "the number does not start with an assigned country calling code",
                );
            }
            None
        }
    }
}
