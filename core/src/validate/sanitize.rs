//! Sanitizing: what is removed or normalized before any check.

use unicode_normalization::UnicodeNormalization;

/// Trims, then removes whitespace and ASCII dashes (`"4111-1111 1111"` → `"41111111111"`).
pub(super) fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// [`compact`], then ASCII upper case (IBAN, BIC).
pub(super) fn compact_upper(s: &str) -> String {
    let mut out = compact(s);
    out.make_ascii_uppercase();
    out
}

/// Trims and upper-cases ASCII (country and currency codes).
pub(super) fn code(s: &str) -> String {
    s.trim().to_ascii_uppercase()
}

/// Trims, collapses every run of inner whitespace to one space, NFC-normalizes (names,
/// address lines).
pub(super) fn text(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.nfc().collect()
}

/// [`text`] and ASCII upper case (postal codes).
pub(super) fn postal(s: &str) -> String {
    let mut out = text(s);
    out.make_ascii_uppercase();
    out
}

/// Removes whitespace and the separators people type in phone numbers: `-`, `.`, `(`,
/// `)`, `/`.
pub(super) fn phone(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '(' | ')' | '/'))
        .collect()
}

/// Removes whitespace, dashes and dots, upper-cases ASCII (VAT numbers).
pub(super) fn vat(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.'))
        .collect();
    out.make_ascii_uppercase();
    out
}

/// Whether `s` is a usable free-text value: non-empty, at most `max` characters, no
/// control characters.
pub(super) fn is_clean_text(s: &str, max: usize) -> bool {
    !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizers() {
        assert_eq!(compact(" 4111-1111 1111\t1111 "), "4111111111111111");
        assert_eq!(compact_upper("gb82 west"), "GB82WEST");
        assert_eq!(code(" gb "), "GB");
        assert_eq!(text("  Jos\u{e9}   Mar\u{ed}a  "), "José María");
        // NFD "e" + combining acute becomes the single NFC code point.
        assert_eq!(text("Jose\u{301}"), "Jos\u{e9}");
        assert_eq!(postal(" sw1a   1aa "), "SW1A 1AA");
        assert_eq!(phone("+1 (415) 555-0100"), "+14155550100");
        assert_eq!(vat("de 136.695-976"), "DE136695976");
        assert!(!is_clean_text("a\u{7}b", 10));
        assert!(!is_clean_text("", 10));
        assert!(!is_clean_text("abc", 2));
    }
}
