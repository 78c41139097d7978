//! VAT numbers outside the 27 member states that `vat_id` accepts: the United Kingdom
//! (`GB`) and Northern Ireland (`XI`, VIES's prefix for UK traders under the Windsor
//! Framework), both HMRC numbers (python-stdnum 2.2 `stdnum/gb/vat.py`), and the EU's
//! One Stop Shop numbers for non-EU businesses (`EU`, non-union scheme; `IM`, import
//! scheme: `stdnum/eu/oss.py`). See `docs/validation.md`.

use super::vat::{Check, Problem};

/// `(prefix, longest body, check)`, sorted by prefix.
pub(super) const OTHER_PREFIXES: &[(&str, usize, Check)] = &[
    ("EU", 9, eu),
    ("GB", 12, gb),
    ("IM", 10, im),
    ("XI", 12, gb),
];

/// The shapes of these numbers for partial mode (tokens as `vat.rs`'s `SHAPES`): a
/// body that starts none of them cannot become valid. GB and XI: 9 or 12 digits, `GD`
/// and 3 digits below 500, `HA` and 3 digits from 500, and their `GD8888`/`HA8888` EU
/// forms; EU and IM: a member state's numeric code, then 6 or 7 digits. The HMRC check
/// digits are judged only once the number is complete.
pub(super) const OTHER_SHAPES: &[(&str, &[&str])] = &[
    ("EU", &EU_SHAPES),
    ("GB", GB_SHAPES),
    ("IM", &IM_SHAPES),
    ("XI", GB_SHAPES),
];

const GB_SHAPES: &[&str] = &[
    "ddddddddd",
    "dddddddddddd",
    "GD[0-4]dd",
    "HA[5-9]dd",
    "GD8888[0-4]dddd",
    "HA8888[5-9]dddd",
];

/// [`MEMBER_STATE_NUMBERS`], each followed by 6 digits.
const EU_SHAPES: [&str; 28] = [
    "040dddddd",
    "056dddddd",
    "100dddddd",
    "191dddddd",
    "196dddddd",
    "203dddddd",
    "208dddddd",
    "233dddddd",
    "246dddddd",
    "250dddddd",
    "276dddddd",
    "300dddddd",
    "348dddddd",
    "372dddddd",
    "380dddddd",
    "428dddddd",
    "440dddddd",
    "442dddddd",
    "470dddddd",
    "528dddddd",
    "616dddddd",
    "620dddddd",
    "642dddddd",
    "703dddddd",
    "705dddddd",
    "724dddddd",
    "752dddddd",
    "900dddddd",
];

/// [`MEMBER_STATE_NUMBERS`], each followed by 7 digits.
const IM_SHAPES: [&str; 28] = [
    "040ddddddd",
    "056ddddddd",
    "100ddddddd",
    "191ddddddd",
    "196ddddddd",
    "203ddddddd",
    "208ddddddd",
    "233ddddddd",
    "246ddddddd",
    "250ddddddd",
    "276ddddddd",
    "300ddddddd",
    "348ddddddd",
    "372ddddddd",
    "380ddddddd",
    "428ddddddd",
    "440ddddddd",
    "442ddddddd",
    "470ddddddd",
    "528ddddddd",
    "616ddddddd",
    "620ddddddd",
    "642ddddddd",
    "703ddddddd",
    "705ddddddd",
    "724ddddddd",
    "752ddddddd",
    "900ddddddd",
];

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn number(s: &str) -> u32 {
    s.bytes().fold(0u32, |acc, b| {
        acc.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    })
}

/// HMRC's weighted sum of the first nine digits (weights 8 7 6 5 4 3 2 10 1) mod 97:
/// 0 for the original numbers, 42 for those issued under the "mod 9755" rule since 2010
/// (the sum plus 55 divisible by 97); stdnum also accepts 55.
fn hmrc_checksum(nine: &str) -> u32 {
    const WEIGHTS: [u32; 9] = [8, 7, 6, 5, 4, 3, 2, 10, 1];
    nine.bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b.wrapping_sub(b'0')) * w)
        .sum::<u32>()
        % 97
}

/// `gb/vat.py`: 9 digits (standard), 12 (branch trader: the last three are the branch),
/// `GD` + 3 digits below 500 (government department), `HA` + 3 digits from 500 (health
/// authority), or `GD8888`/`HA8888` + 3 digits + those 3 digits mod 97 (their EU form).
fn gb(b: &str) -> Result<(), Problem> {
    let kind = b.get(..2).unwrap_or_default();
    let government = |n: u32| match kind {
        "GD" => n < 500,
        "HA" => n >= 500,
        _ => false,
    };
    match b.len() {
        5 => {
            let n = b.get(2..).unwrap_or_default();
            if !all_digits(n) || !government(number(n)) {
                return Err(Problem::Format);
            }
            Ok(())
        }
        11 if matches!(b.get(..6), Some("GD8888" | "HA8888")) => {
            let tail = b.get(6..).unwrap_or_default();
            if !all_digits(tail) {
                return Err(Problem::Format);
            }
            let n = number(tail.get(..3).unwrap_or_default());
            if !government(n) {
                return Err(Problem::Format);
            }
            if n % 97 != number(tail.get(3..).unwrap_or_default()) {
                return Err(Problem::Checksum);
            }
            Ok(())
        }
        9 | 12 => {
            if !all_digits(b) {
                return Err(Problem::Format);
            }
            let nine = b.get(..9).unwrap_or_default();
            let sum = hmrc_checksum(nine);
            let ok = if number(b.get(..3).unwrap_or_default()) >= 100 {
                matches!(sum, 0 | 42 | 55)
            } else {
                sum == 0
            };
            if ok { Ok(()) } else { Err(Problem::Checksum) }
        }
        _ => Err(Problem::Format),
    }
}

/// The member state of identification of an OSS number: ISO 3166-1 numeric codes of the
/// 27 member states and 900 (Northern Ireland), as `eu/oss.py` lists them.
const MEMBER_STATE_NUMBERS: [&str; 28] = [
    "040", "056", "100", "191", "196", "203", "208", "233", "246", "250", "276", "300", "348",
    "372", "380", "428", "440", "442", "470", "528", "616", "620", "642", "703", "705", "724",
    "752", "900",
];

/// `eu/oss.py`: digits only, the first three a member state's numeric code. The scheme's
/// check digit algorithm is not published (stdnum does not check one either).
fn oss(b: &str, len: usize) -> Result<(), Problem> {
    if b.len() != len || !all_digits(b) {
        return Err(Problem::Format);
    }
    if !MEMBER_STATE_NUMBERS.contains(&b.get(..3).unwrap_or_default()) {
        return Err(Problem::Format);
    }
    Ok(())
}

/// `EU` + 9 digits: the non-union scheme.
fn eu(b: &str) -> Result<(), Problem> {
    oss(b, 9)
}

/// `IM` + 10 digits: the import scheme (IOSS).
fn im(b: &str) -> Result<(), Problem> {
    oss(b, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted() {
        assert!(OTHER_PREFIXES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MEMBER_STATE_NUMBERS.windows(2).all(|w| w[0] < w[1]));
        let shapes: Vec<_> = OTHER_SHAPES.iter().map(|s| s.0).collect();
        let prefixes: Vec<_> = OTHER_PREFIXES.iter().map(|p| p.0).collect();
        assert_eq!(shapes, prefixes);
    }

    #[test]
    fn oss_shapes_are_the_member_state_numbers() {
        for (i, n) in MEMBER_STATE_NUMBERS.iter().enumerate() {
            assert_eq!(EU_SHAPES[i], format!("{n}dddddd"));
            assert_eq!(IM_SHAPES[i], format!("{n}ddddddd"));
        }
    }

    /// Hand-computed: 980780684 → 9·8 + 8·7 + 0·6 + 7·5 + 8·4 + 0·3 + 6·2 + 8·10 + 4·1 =
    /// 291 = 3 · 97, remainder 0.
    #[test]
    fn hmrc_checksum_by_hand() {
        assert_eq!(hmrc_checksum("980780684"), 0);
        assert_eq!(gb("980780684"), Ok(()));
        assert_eq!(gb("980780685"), Err(Problem::Checksum));
    }
}
