//! Unicode NFC (UAX #15: canonical decomposition, canonical ordering, canonical
//! composition) over compact generated tables.
//!
//! The tables (`nfc/table.rs`, written by `scripts/gen-nfc-table.sh`) hold only what
//! NFC needs: each decomposable character's one-step canonical decomposition, packed
//! into a `u64` and sorted for binary search; the primary composites as indices into
//! that list, sorted by their pair; the non-zero combining classes as runs. Hangul
//! syllables are decomposed and composed arithmetically. The source is the
//! `unicode-normalization` crate (a dev-dependency: the generator reads its canonical
//! per-character functions); NFC here is tested equal to its `.nfc()` on every code
//! point in four contexts and on random sequences (`tests`), and the committed table
//! equal to a fresh generation (`generate`).

#[rustfmt::skip] // generated; `nfc::generate` compares it byte for byte
mod table;

#[cfg(test)]
mod generate;

pub use table::UNICODE_VERSION;

/// Bits of one code point in a packed table entry.
const BITS: u32 = 21;
const MASK: u64 = (1 << BITS) - 1;

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn to_char(cp: u64) -> Option<char> {
    u32::try_from(cp).ok().and_then(char::from_u32)
}

/// The one-step decomposition of `c`: `(first, second)`, `second` absent for a singleton.
fn decomposition(c: char) -> Option<(char, Option<char>)> {
    let key = u64::from(u32::from(c));
    let at = table::DECOMPOSITIONS
        .binary_search_by_key(&key, |e| e >> (2 * BITS))
        .ok()?;
    let e = *table::DECOMPOSITIONS.get(at)?;
    let first = to_char((e >> BITS) & MASK)?;
    let second = e & MASK;
    Some((first, if second == 0 { None } else { to_char(second) }))
}

/// The canonical combining class of `c` (0 for starters).
fn combining_class(c: char) -> u8 {
    let cp = u32::from(c);
    let runs = &table::COMBINING_CLASSES;
    // The last run starting at or before `cp`.
    let n = runs.partition_point(|r| r >> 11 <= cp);
    match n.checked_sub(1).and_then(|i| runs.get(i)) {
        Some(&r) if cp - (r >> 11) <= ((r >> 8) & 7) => (r & 0xFF) as u8,
        _ => 0,
    }
}

/// Appends the full canonical decomposition of `c`, each character with its class.
fn decompose(c: char, out: &mut Vec<(char, u8)>) {
    let cp = u32::from(c);
    if let Some(s) = cp.checked_sub(S_BASE).filter(|s| *s < S_COUNT) {
        let t = T_BASE + s % T_COUNT;
        let jamo = [L_BASE + s / N_COUNT, V_BASE + (s % N_COUNT) / T_COUNT, t];
        let len = if t == T_BASE { 2 } else { 3 };
        for j in jamo.iter().take(len).filter_map(|&j| char::from_u32(j)) {
            out.push((j, 0));
        }
        return;
    }
    match decomposition(c) {
        Some((first, second)) => {
            decompose(first, out);
            if let Some(second) = second {
                decompose(second, out);
            }
        }
        None => out.push((c, combining_class(c))),
    }
}

/// The primary composite of `a` followed by `b`, if there is one.
fn compose(a: char, b: char) -> Option<char> {
    let (a32, b32) = (u32::from(a), u32::from(b));
    if let (Some(l), Some(v)) = (a32.checked_sub(L_BASE), b32.checked_sub(V_BASE))
        && l < L_COUNT
        && v < V_COUNT
    {
        return char::from_u32(S_BASE + (l * V_COUNT + v) * T_COUNT);
    }
    if let (Some(s), Some(t)) = (a32.checked_sub(S_BASE), b32.checked_sub(T_BASE))
        && s < S_COUNT
        && s % T_COUNT == 0
        && (1..T_COUNT).contains(&t)
    {
        return char::from_u32(a32 + t);
    }
    let pair = (u64::from(a32) << BITS) | u64::from(b32);
    let entry = |i: &u16| {
        table::DECOMPOSITIONS
            .get(usize::from(*i))
            .map_or(0, |e| e & ((1 << (2 * BITS)) - 1))
    };
    let at = table::COMPOSITIONS
        .binary_search_by_key(&pair, entry)
        .ok()?;
    let e = table::DECOMPOSITIONS.get(usize::from(*table::COMPOSITIONS.get(at)?))?;
    to_char(e >> (2 * BITS))
}

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
        decompose(c, &mut decomposed);
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
    fn every_code_point_decomposes_and_classes_as_the_crate() {
        use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut ours = Vec::new();
            super::decompose(c, &mut ours);
            let mut theirs = Vec::new();
            decompose_canonical(c, |d| theirs.push((d, canonical_combining_class(d))));
            assert_eq!(ours, theirs, "U+{:04X}", c as u32);
            assert_eq!(
                super::combining_class(c),
                canonical_combining_class(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

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
