//! National check digits inside the BBAN of an IBAN, for the countries whose national
//! standard defines them. Each rule is a port of the algorithm of the reference named
//! next to it: schwifty 2026.10.1 (`schwifty/checksum/<module>.py`), ibantools 4.5.4
//! (`check<Country>BBAN`), python-stdnum 2.2 (`stdnum/<cc>/iban.py`). See
//! `docs/validation.md` ("National check digits").
//!
//! Checked only on an IBAN whose length, BBAN structure and mod 97 are already right,
//! so every position used here is a digit or a letter where the registry says so.

/// One national algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Belgium: the 10 digits mod 97 (0 → 97) are the last two (schwifty `belgium`,
    /// stdnum `be/iban`).
    Be,
    /// ISO 7064 mod 97-10 over the BBAN: the last two digits are `98 − (n × 100 mod 97)`
    /// (schwifty `iso7064_mod97_10`: BA, ME, MK, PT, RS, SI, TL; stdnum `me/iban`).
    Mod97,
    /// The variant `97 − (n × 100 mod 97)` (schwifty `iso7064_mod97_10_variant`: MR, TN).
    Mod97Variant,
    /// The French RIB key: `97 − (89 × bank + 15 × branch + 3 × account) mod 97`,
    /// letters of the account mapped to digits (schwifty `france`: FR, MC, and the French
    /// overseas IBAN countries).
    Rib,
    /// The Italian CIN, a letter over bank, branch and account (schwifty `italy`: IT, SM).
    Cin,
    /// The Spanish CCC's two `DC` digits (schwifty `spain`, stdnum `es/ccc`).
    Ccc,
    /// The Norwegian kontonummer, weights 5432765432 mod 11 (schwifty `norway`, stdnum
    /// `no/kontonr`).
    No,
    /// Luhn over bank and account (schwifty `finland`: FI, AX).
    Luhn,
    /// Poland: the 8th digit of the bank and branch code, weights 3971397 mod 10
    /// (schwifty `poland`).
    Pl,
    /// Estonia: weights 7, 3, 1 from the right over the branch and account (schwifty
    /// `estonia`).
    Ee,
    /// Czech Republic and Slovakia: prefix and number each divisible by 11 with the
    /// weights 10 5 8 4 2 1 and 6 3 7 9 10 5 8 4 2 1 (schwifty `czech_republic`).
    CzSk,
    /// Iceland: the check digit of the holder's kennitala (schwifty `iceland`).
    Is,
    /// Croatia: ISO 7064 mod 11,10 over the bank code and over the account (ibantools
    /// `checkCroatianBBAN`).
    Hr,
    /// Hungary: weights 9731 over the bank and branch and over the account (ibantools
    /// `checkHungarianBBAN`).
    Hu,
    /// Albania: weights 9731 over the bank and branch code (the registry's national
    /// check digit, position 8).
    Al,
}

/// `(country, rule, adjective for messages)`, sorted by country.
const RULES: &[(&str, Rule, &str)] = &[
    ("AL", Rule::Al, "Albanian"),
    ("AX", Rule::Luhn, "Finnish"),
    ("BA", Rule::Mod97, "Bosnian"),
    ("BE", Rule::Be, "Belgian"),
    ("BL", Rule::Rib, "French"),
    ("CZ", Rule::CzSk, "Czech"),
    ("EE", Rule::Ee, "Estonian"),
    ("ES", Rule::Ccc, "Spanish"),
    ("FI", Rule::Luhn, "Finnish"),
    ("FR", Rule::Rib, "French"),
    ("GF", Rule::Rib, "French"),
    ("GP", Rule::Rib, "French"),
    ("HR", Rule::Hr, "Croatian"),
    ("HU", Rule::Hu, "Hungarian"),
    ("IS", Rule::Is, "Icelandic"),
    ("IT", Rule::Cin, "Italian"),
    ("MC", Rule::Rib, "Monegasque"),
    ("ME", Rule::Mod97, "Montenegrin"),
    ("MF", Rule::Rib, "French"),
    ("MK", Rule::Mod97, "North Macedonian"),
    ("MQ", Rule::Rib, "French"),
    ("MR", Rule::Mod97Variant, "Mauritanian"),
    ("NC", Rule::Rib, "French"),
    ("NO", Rule::No, "Norwegian"),
    ("PF", Rule::Rib, "French"),
    ("PL", Rule::Pl, "Polish"),
    ("PM", Rule::Rib, "French"),
    ("PT", Rule::Mod97, "Portuguese"),
    ("RE", Rule::Rib, "French"),
    ("RS", Rule::Mod97, "Serbian"),
    ("SI", Rule::Mod97, "Slovenian"),
    ("SK", Rule::CzSk, "Slovak"),
    ("SM", Rule::Cin, "Sammarinese"),
    ("TF", Rule::Rib, "French"),
    ("TL", Rule::Mod97, "Timorese"),
    ("TN", Rule::Mod97Variant, "Tunisian"),
    ("WF", Rule::Rib, "French"),
    ("YT", Rule::Rib, "French"),
];

/// `Some(adjective)` ("Belgian") when the national check digits of a complete IBAN (upper
/// case, right length and structure) are wrong; `None` when they are right or the country
/// has no national check here.
pub(super) fn mismatch(iban: &str) -> Option<&'static str> {
    let country = iban.get(..2)?;
    let bban = iban.get(4..)?.as_bytes();
    let &(_, rule, adjective) = RULES
        .binary_search_by(|(c, _, _)| (*c).cmp(country))
        .ok()
        .and_then(|i| RULES.get(i))?;
    (!valid(rule, bban)).then_some(adjective)
}

/// The digit at `i` (0 for anything else; the structure was checked before).
fn digit(b: &[u8], i: usize) -> u32 {
    b.get(i)
        .filter(|c| c.is_ascii_digit())
        .map_or(0, |c| u32::from(c - b'0'))
}

fn digits(b: &[u8], r: core::ops::Range<usize>) -> impl Iterator<Item = u32> + '_ {
    r.map(move |i| digit(b, i))
}

fn weighted(b: &[u8], r: core::ops::Range<usize>, weights: &[u32]) -> u32 {
    digits(b, r)
        .zip(weights.iter().cycle())
        .map(|(d, w)| d * w)
        .sum()
}

/// The number of the two digits at `i`, `i + 1`.
fn two(b: &[u8], i: usize) -> u32 {
    digit(b, i) * 10 + digit(b, i + 1)
}

/// `n mod 97` of the characters in `r`, letters as 10–35 written in decimal (schwifty's
/// `numerify`).
fn mod97(b: &[u8], r: core::ops::Range<usize>) -> u32 {
    b.get(r)
        .unwrap_or_default()
        .iter()
        .fold(0, |rem, &c| match c {
            b'0'..=b'9' => (rem * 10 + u32::from(c - b'0')) % 97,
            _ => (rem * 100 + u32::from(c.saturating_sub(b'A')) + 10) % 97,
        })
}

/// ISO 7064 mod 11,10 check digit of the digits in `r` (ibantools `checkMod1110`).
fn mod11_10(b: &[u8], r: core::ops::Range<usize>) -> u32 {
    let mut p = 10;
    for d in digits(b, r) {
        let s = (p + d) % 10;
        p = (if s == 0 { 10 } else { s }) * 2 % 11;
    }
    (11 - p) % 10
}

/// `(10 − s mod 10) mod 10`.
fn complement10(s: u32) -> u32 {
    (10 - s % 10) % 10
}

fn valid(rule: Rule, b: &[u8]) -> bool {
    let len = b.len();
    match rule {
        Rule::Be => {
            let r = mod97(b, 0..10);
            two(b, 10) == if r == 0 { 97 } else { r }
        }
        Rule::Mod97 => {
            let r = mod97(b, 0..len.saturating_sub(2)) * 100 % 97;
            two(b, len.saturating_sub(2)) == 98 - r
        }
        Rule::Mod97Variant => {
            let r = mod97(b, 0..len.saturating_sub(2)) * 100 % 97;
            two(b, len.saturating_sub(2)) == 97 - r
        }
        Rule::Rib => {
            // Letters of the account: A–I → 1–9, J–R → 1–9, S–Z → 2–9.
            let rib = |c: u8| match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'A'..=b'I' => u32::from(c - b'A') + 1,
                b'J'..=b'R' => u32::from(c - b'J') + 1,
                b'S'..=b'Z' => u32::from(c - b'S') + 2,
                _ => 0,
            };
            let number = |r: core::ops::Range<usize>| {
                b.get(r)
                    .unwrap_or_default()
                    .iter()
                    .fold(0, |acc, &c| (acc * 10 + rib(c)) % 97)
            };
            let r = (89 * number(0..5) + 15 * number(5..10) + 3 * number(10..21)) % 97;
            two(b, 21) == 97 - r
        }
        Rule::Cin => {
            const ODD: [u32; 26] = [
                1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
                25, 24, 23,
            ];
            let index = |c: u8| match c {
                b'0'..=b'9' => usize::from(c - b'0'),
                _ => usize::from(c.saturating_sub(b'A')),
            };
            let sum: u32 = b
                .get(1..23)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    if i % 2 == 1 {
                        index(c) as u32
                    } else {
                        ODD.get(index(c)).copied().unwrap_or(0)
                    }
                })
                .sum();
            b.first().copied() == Some(b'A' + (sum % 26) as u8)
        }
        Rule::Ccc => {
            const W: [u32; 10] = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
            let dc = |s: u32| match 11 - s % 11 {
                11 => 0,
                10 => 1,
                d => d,
            };
            let d1 = dc(weighted(b, 0..8, W.get(2..).unwrap_or_default()));
            let d2 = dc(weighted(b, 10..20, &W));
            digit(b, 8) == d1 && digit(b, 9) == d2
        }
        Rule::No => {
            const W: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
            // schwifty: when the account's first two digits are 00, only its last four
            // count, with the first weights.
            let s = if two(b, 4) == 0 {
                digits(b, 6..10).zip(W).map(|(d, w)| d * w).sum::<u32>()
            } else {
                weighted(b, 0..10, &W)
            };
            let check = 11 - s % 11;
            check != 10 && digit(b, 10) == check % 11
        }
        Rule::Luhn => {
            let sum: u32 = (0..13)
                .rev()
                .enumerate()
                .map(|(i, at)| {
                    let d = digit(b, at) * if i % 2 == 0 { 2 } else { 1 };
                    d / 10 + d % 10
                })
                .sum();
            digit(b, 13) == complement10(sum)
        }
        Rule::Pl => digit(b, 7) == complement10(weighted(b, 0..7, &[3, 9, 7, 1])),
        Rule::Ee => {
            let sum: u32 = (2..15)
                .rev()
                .zip([7, 3, 1].iter().cycle())
                .map(|(at, w)| digit(b, at) * w)
                .sum();
            digit(b, 15) == complement10(sum)
        }
        Rule::CzSk => {
            weighted(b, 4..10, &[10, 5, 8, 4, 2, 1]).is_multiple_of(11)
                && weighted(b, 10..20, &[6, 3, 7, 9, 10, 5, 8, 4, 2, 1]).is_multiple_of(11)
        }
        Rule::Is => {
            let r = weighted(b, 12..20, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11;
            let check = if r == 0 { 0 } else { 11 - r };
            check < 10 && digit(b, 20) == check
        }
        Rule::Hr => digit(b, 6) == mod11_10(b, 0..6) && digit(b, 16) == mod11_10(b, 7..16),
        Rule::Hu => {
            const W: [u32; 4] = [9, 7, 3, 1];
            let bank_ok = digit(b, 7) == complement10(weighted(b, 0..7, &W));
            let short = b.get(16..24).is_some_and(|t| t.iter().all(|&c| c == b'0'));
            let end = if short { 15 } else { 23 };
            bank_ok && digit(b, end) == complement10(weighted(b, 8..end, &W))
        }
        Rule::Al => digit(b, 7) == complement10(weighted(b, 0..7, &[9, 7, 3, 1])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_country_is_in_the_registry() {
        assert!(RULES.windows(2).all(|w| w[0].0 < w[1].0));
        for (country, _, _) in RULES {
            assert!(super::super::iban::spec(country).is_some(), "{country}");
        }
        assert_eq!(RULES.len(), 38);
    }
}
