//! The generator of `table.rs`, from the `unicode-normalization` crate's canonical
//! per-character functions (`decompose_canonical`, `compose`,
//! `canonical_combining_class`; the crate's tables are generated from the Unicode
//! Character Database of [`unicode_normalization::UNICODE_VERSION`]).
//!
//! `committed_table_is_current` fails when `table.rs` differs from a fresh generation;
//! `scripts/gen-nfc-table.sh` rewrites it (`LOCKSTEP_WRITE_NFC_TABLE=1`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

use super::{BITS, S_BASE, S_COUNT};

fn is_hangul_syllable(c: char) -> bool {
    (S_BASE..S_BASE + S_COUNT).contains(&u32::from(c))
}

fn full(c: char) -> Vec<char> {
    let mut out = Vec::new();
    decompose_canonical(c, |d| out.push(d));
    out
}

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

struct Tables {
    decompositions: Vec<u64>,
    compositions: Vec<u16>,
    combining_classes: Vec<u32>,
}

fn pack(key: char, first: char, second: Option<char>) -> u64 {
    (u64::from(u32::from(key)) << (2 * BITS))
        | (u64::from(u32::from(first)) << BITS)
        | second.map_or(0, |s| u64::from(u32::from(s)))
}

fn expand(map: &BTreeMap<char, (char, Option<char>)>, c: char, out: &mut Vec<char>) {
    match map.get(&c) {
        Some(&(a, b)) => {
            expand(map, a, out);
            if let Some(b) = b {
                expand(map, b, out);
            }
        }
        None => out.push(c),
    }
}

fn generate() -> Tables {
    let decomposable: BTreeMap<char, Vec<char>> = all_chars()
        .filter(|c| !is_hangul_syllable(*c))
        .map(|c| (c, full(c)))
        .filter(|(c, d)| d.as_slice() != [*c])
        .collect();
    // Every primary composite: compose(a, b) = c implies NFD(c) = NFD(a) NFD(b), so `a`
    // is decomposable or the first character of a decomposition, and `b` is the last
    // character of a decomposition or decomposable itself.
    let firsts: BTreeSet<char> = decomposable.iter().flat_map(|(c, d)| [*c, d[0]]).collect();
    let lasts: BTreeSet<char> = decomposable
        .iter()
        .flat_map(|(c, d)| [*c, d[d.len() - 1]])
        .collect();
    let mut pairs: BTreeMap<char, (char, char)> = BTreeMap::new();
    for &a in &firsts {
        for &b in &lasts {
            if let Some(c) = compose(a, b).filter(|c| !is_hangul_syllable(*c)) {
                assert!(
                    pairs.insert(c, (a, b)).is_none(),
                    "two pairs compose to {c:?}"
                );
            }
        }
    }
    // One step per decomposable character: its composition pair when it is a primary
    // composite, else a split whose recursive expansion is its full decomposition.
    let mut steps: BTreeMap<char, (char, Option<char>)> = BTreeMap::new();
    for (&c, d) in &decomposable {
        let step = if let Some(&(a, b)) = pairs.get(&c) {
            (a, Some(b))
        } else if d.len() <= 2 {
            (d[0], d.get(1).copied())
        } else {
            let prefix = &d[..d.len() - 1];
            let x = decomposable
                .iter()
                .find(|(_, dx)| dx.as_slice() == prefix)
                .map(|(x, _)| *x)
                .unwrap_or_else(|| panic!("no one-step split for {c:?}"));
            (x, Some(d[d.len() - 1]))
        };
        steps.insert(c, step);
    }
    for (&c, d) in &decomposable {
        let mut out = Vec::new();
        expand(&steps, c, &mut out);
        assert_eq!(&out, d, "expansion of {c:?}");
    }
    let decompositions: Vec<u64> = steps.iter().map(|(&c, &(a, b))| pack(c, a, b)).collect();
    let mut compositions: Vec<u16> = steps
        .keys()
        .enumerate()
        .filter(|(_, c)| pairs.contains_key(c))
        .map(|(i, _)| u16::try_from(i).unwrap())
        .collect();
    let low = |i: &u16| decompositions[usize::from(*i)] & ((1 << (2 * BITS)) - 1);
    compositions.sort_by_key(low);
    // Non-zero combining classes as runs of at most 8 code points of one class:
    // start << 11 | (length - 1) << 8 | class.
    let mut combining_classes = Vec::new();
    let mut run: Option<(u32, u32, u8)> = None;
    for cp in 0..=0x110000u32 {
        let cc = char::from_u32(cp).map_or(0, canonical_combining_class);
        run = match run {
            Some((start, len, class)) if class == cc && cp == start + len && len < 8 => {
                Some((start, len + 1, class))
            }
            prev => {
                if let Some((start, len, class)) = prev {
                    combining_classes.push(start << 11 | (len - 1) << 8 | u32::from(class));
                }
                (cc != 0).then_some((cp, 1, cc))
            }
        };
    }
    Tables {
        decompositions,
        compositions,
        combining_classes,
    }
}

fn render(t: &Tables) -> String {
    let (major, minor, update) = unicode_normalization::UNICODE_VERSION;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "//! Generated by `scripts/gen-nfc-table.sh` (`core/src/nfc/generate.rs`) from the\n\
         //! `unicode-normalization` crate's canonical functions, Unicode {major}.{minor}.{update}.\n\
         //! Do not edit.\n\n\
         /// The Unicode version of the NFC tables.\n\
         ///\n\
         /// ```\n\
         /// assert!(lockstep_core::nfc::UNICODE_VERSION >= (18, 0, 0));\n\
         /// ```\n\
         pub const UNICODE_VERSION: (u8, u8, u8) = ({major}, {minor}, {update});\n"
    );
    let _ = writeln!(
        s,
        "/// Each decomposable character's one-step canonical decomposition, sorted:\n\
         /// `char << 42 | first << 21 | second` (`second` 0 for a singleton).\n\
         pub(super) static DECOMPOSITIONS: [u64; {}] = [",
        t.decompositions.len()
    );
    for chunk in t.decompositions.chunks(4) {
        let items: Vec<String> = chunk.iter().map(|v| format!("0x{v:016x}")).collect();
        let _ = writeln!(s, "    {},", items.join(", "));
    }
    let _ = writeln!(
        s,
        "];\n\n/// The primary composites, as indices into `DECOMPOSITIONS` sorted by their pair.\n\
         pub(super) static COMPOSITIONS: [u16; {}] = [",
        t.compositions.len()
    );
    for chunk in t.compositions.chunks(12) {
        let items: Vec<String> = chunk.iter().map(|v| v.to_string()).collect();
        let _ = writeln!(s, "    {},", items.join(", "));
    }
    let _ = writeln!(
        s,
        "];\n\n/// Runs of non-zero canonical combining class, sorted:\n\
         /// `start << 11 | (length - 1) << 8 | class`.\n\
         pub(super) static COMBINING_CLASSES: [u32; {}] = [",
        t.combining_classes.len()
    );
    for chunk in t.combining_classes.chunks(6) {
        let items: Vec<String> = chunk.iter().map(|v| format!("0x{v:08x}")).collect();
        let _ = writeln!(s, "    {},", items.join(", "));
    }
    s.push_str("];\n");
    s
}

#[test]
fn committed_table_is_current() {
    let fresh = render(&generate());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/nfc/table.rs");
    if std::env::var_os("LOCKSTEP_WRITE_NFC_TABLE").is_some() {
        std::fs::write(path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    assert!(
        committed == fresh,
        "core/src/nfc/table.rs is stale: run scripts/gen-nfc-table.sh"
    );
}
