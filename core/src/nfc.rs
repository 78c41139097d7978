//! Unicode NFC built from the canonical tables only.
//!
//! `unicode-normalization`'s `.nfc()` decides between canonical and compatibility
//! decomposition at run time, so it links the 62 KB compatibility table that NFC never
//! uses. This is the same algorithm (UAX #15: canonical decomposition, canonical
//! ordering, canonical composition) over the crate's per-character functions, which
//! reach only the canonical tables. It is tested equal to `.nfc()` on every code point
//! and on random sequences (`tests::nfc`).

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// The NFC form of `s`.
///
/// ```
/// // "e" + COMBINING ACUTE ACCENT composes to "é"; Hangul jamo compose to a syllable.
/// assert_eq!(lockstep_core::nfc::nfc("Jose\u{301}"), "José");
/// assert_eq!(lockstep_core::nfc::nfc("\u{1100}\u{1161}\u{11a8}"), "\u{ac01}");
/// ```
pub fn nfc(s: &str) -> String {
    // Below U+0300 every character is a starter that is its own NFC and composes with
    // nothing before it, so such text is already NFC.
    if s.chars().all(|c| c < '\u{300}') {
        return s.to_owned();
    }
    let mut decomposed: Vec<(char, u8)> = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_canonical(c, |d| decomposed.push((d, canonical_combining_class(d))));
    }
    canonical_order(&mut decomposed);
    compose_all(&decomposed)
}

/// Sorts every run of non-starters by combining class, keeping equal classes in order.
fn canonical_order(chars: &mut [(char, u8)]) {
    let mut start = 0;
    while start < chars.len() {
        if chars.get(start).is_some_and(|&(_, cc)| cc == 0) {
            start += 1;
            continue;
        }
        let mut end = start;
        while chars.get(end).is_some_and(|&(_, cc)| cc != 0) {
            end += 1;
        }
        if let Some(run) = chars.get_mut(start..end) {
            run.sort_by_key(|&(_, cc)| cc);
        }
        start = end;
    }
}

/// Canonical composition: each character joins the last starter unless a character
/// between them blocks it (one of combining class 0, or of a class not below its own).
fn compose_all(chars: &[(char, u8)]) -> String {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for &(c, cc) in chars {
        if let Some(at) = starter {
            let blocked = last_class.is_some_and(|last| last >= cc);
            if !blocked
                && let Some(slot) = out.get_mut(at)
                && let Some(composed) = compose(*slot, c)
            {
                *slot = composed;
                continue;
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(cc);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    use super::nfc;

    #[test]
    fn every_code_point_alone_and_after_a_letter_and_before_a_mark() {
        let mut checked = 0u32;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}\u{301}"),
                format!("\u{1100}{c}"),
            ] {
                assert_eq!(nfc(&s), s.nfc().collect::<String>(), "U+{:04X}", c as u32);
            }
            checked += 1;
        }
        assert_eq!(checked, 0x110000 - 0x800);
    }

    /// Characters where composition and reordering happen.
    fn interesting() -> impl Strategy<Value = char> {
        prop_oneof![
            prop::char::range('a', 'z'),
            prop::char::range('\u{300}', '\u{36f}'),
            prop::char::range('\u{591}', '\u{5c7}'),
            prop::char::range('\u{1100}', '\u{1112}'),
            prop::char::range('\u{1161}', '\u{1175}'),
            prop::char::range('\u{11a8}', '\u{11c2}'),
            prop::char::range('\u{ac00}', '\u{ac40}'),
            prop::char::range('\u{c0}', '\u{17f}'),
            prop::char::range('\u{1e00}', '\u{1eff}'),
            prop::char::range('\u{900}', '\u{97f}'),
            prop::char::range('\u{f00}', '\u{fff}'),
            any::<char>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn equals_the_crate_nfc(s in prop::collection::vec(interesting(), 0..12)) {
            let s: String = s.into_iter().collect();
            prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }
    }
}
