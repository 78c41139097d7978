//! Sanitizing: what is removed or normalized before any check.

/// Trims, then removes whitespace and ASCII dashes (`"4111-1111 1111"` → `"41111111111"`).
pub(super) fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Removes whitespace, ASCII dashes and dots, then ASCII upper case (IBAN, BIC):
/// `"NO93 8601.11.17947"` → `"NO9386011117947"`.
pub(super) fn compact_upper(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.'))
        .collect();
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
    crate::nfc::nfc(&collapsed)
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

/// Removes whitespace and the separators of written VAT numbers (`-`, `.`, `/`, `:`,
/// `(`, `)`), upper-cases ASCII: `"BE (0)468.561.072"` → `"BE0468561072"`,
/// `"DK: 21599336"` → `"DK21599336"`, `"CZ 640229/4448"` → `"CZ6402294448"`.
pub(super) fn vat(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/' | ':' | '(' | ')'))
        .collect();
    out.make_ascii_uppercase();
    out
}

/// Whether `s` is a usable free-text value: non-empty, at most `max` characters, no
/// control characters and no [`is_symbol_or_invisible`] characters.
pub(super) fn is_clean_text(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.chars().count() <= max
        && !s
            .chars()
            .any(|c| c.is_control() || is_symbol_or_invisible(c))
}

/// Emoji and pictographs, and invisible characters used for spoofing, none of which
/// belong in a name, an address or a domain: the emoji and symbol blocks (U+2600–U+27BF,
/// U+2B00–U+2BFF, U+1F000–U+1FAFF), the emoji variation selector U+FE0F, tag characters
/// (U+E0000–U+E007F), the zero-width space U+200B, bidirectional embeddings, overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069), word joiners and invisible operators
/// (U+2060–U+2064), the byte-order mark U+FEFF and the specials U+FFF0–U+FFFF.
/// Zero-width (non-)joiners U+200C/U+200D and the marks U+200E/U+200F are allowed:
/// scripts such as Persian and the Indic ones need them.
pub(super) fn is_symbol_or_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{1F000}'..='\u{1FAFF}'
            | '\u{FE0F}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{200B}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF0}'..='\u{FFFF}'
    )
}

/// Fewest digits in what could be a card number (the shortest brand length, Maestro's).
const CARD_MIN_DIGITS: usize = 12;

/// A decimal digit in ASCII or in the full-width, Arabic-Indic, extended Arabic-Indic
/// or Devanagari digit blocks (people type card numbers with the digits of their
/// keyboard).
fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{0966}'..='\u{096F}' => '\u{0966}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero)).ok()
}

/// Separators people type inside a card number (and that a reader ignores).
fn is_digit_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '_')
}

/// Whether `digits` (values 0–9) are 12 or more and pass the Luhn check.
fn luhn_sequence(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            match (i % 2, d * 2) {
                (1, twice) if twice > 9 => twice - 9,
                (1, twice) => twice,
                _ => d,
            }
        })
        .sum();
    digits.len() >= CARD_MIN_DIGITS && sum.is_multiple_of(10)
}

/// Whether a value holds what could be a card number, which is then neither accepted
/// in free text nor echoed: a run of 12 or more digits (the shortest card length), or,
/// once separators (whitespace, `-`, `.`, `/`, `_`) between digits are removed, a
/// Luhn-valid sequence of 12 or more digits (`"4111 1111 1111 1111"`).
pub(super) fn holds_card_number(s: &str) -> bool {
    let mut digits: Vec<u8> = Vec::new();
    let mut run = 0usize;
    for c in s.chars() {
        if let Some(d) = digit_value(c) {
            digits.push(d);
            run += 1;
            if run >= CARD_MIN_DIGITS {
                return true;
            }
        } else if is_digit_separator(c) && !digits.is_empty() {
            run = 0;
        } else {
            if luhn_sequence(&digits) {
                return true;
            }
            digits.clear();
            run = 0;
        }
    }
    luhn_sequence(&digits)
}

/// `v` in decimal, zero-padded on the left to `width` digits (`07`, `2028`, `49`): the
/// sanitized expiry and a calling code, written without `core::fmt` by the digits
/// writer of amounts (`money::as_amount::AmountText`, scale 0).
pub(super) fn zero_padded(v: u16, width: usize) -> String {
    let text = crate::money::as_amount::AmountText::new(i128::from(v), 0);
    let digits = text.as_str();
    let mut out = String::with_capacity(width.max(digits.len()));
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_padded_is_format_with_a_width() {
        for v in [0u16, 7, 10, 99, 100, 2028, 9999, 10000, u16::MAX] {
            for width in 0..=12 {
                assert_eq!(zero_padded(v, width), format!("{v:0width$}"), "{v} {width}");
            }
        }
    }

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

    #[test]
    fn card_numbers_in_text() {
        // Runs of 12 or more digits, whatever their check digit.
        assert!(holds_card_number("4111111111111112"));
        assert!(holds_card_number("Ada 411111111111 Lovelace"));
        assert!(!holds_card_number("Flat 41111111111"));
        // Separated: a Luhn-valid sequence of 12 digits or more.
        assert!(holds_card_number("4111 1111 1111 1111"));
        assert!(holds_card_number("4111-1111-1111-1111 x"));
        assert!(holds_card_number("3782.822463.10005"));
        assert!(!holds_card_number("4111 1111 1111 1112"));
        // Full-width digits are digits.
        assert!(holds_card_number(
            "\u{FF14}\u{FF11}\u{FF11}\u{FF11}111111111111"
        ));
        // Letters end a sequence: two short numbers are not one long one.
        assert!(!holds_card_number("4111 1111 a 1111 1111"));
        assert!(!holds_card_number("Unter den Linden 1, 10117 Berlin"));
        assert!(!holds_card_number("+49 30 901820"));
    }
}
