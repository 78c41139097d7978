//! Brand detection while typing, against credit-card-type itself: every prefix in
//! `card_brand_cases.json` (`scripts/gen_card_cases.py`, the table's package and
//! version) answered in partial mode. One brand there: Lockstep names it; several: no
//! brand yet; none: `card.brand_unknown`. Overlapping ranges of equal length agree too:
//! Lockstep's tie-break (the narrower range) and credit-card-type's (its test order,
//! Verve before Maestro) pick the same brand. One deliberate difference: a brand's
//! strength is its longest complete prefix, not its first matching one (62207).

use super::super::Brand;
use super::{codes, partial_card};

fn wire(brand: Option<Brand>) -> Option<&'static str> {
    brand.map(Brand::as_str)
}

#[test]
fn partial_brand_agrees_with_credit_card_type() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("card_brand_cases.json")).expect("cases parse");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() > 3000, "{}", cases.len());
    let mut named = 0;
    let mut disagreements = Vec::new();
    for case in cases {
        let digits = case["digits"].as_str().expect("digits");
        let theirs: Vec<&str> = case["brands"]
            .as_array()
            .expect("brands")
            .iter()
            .map(|b| b.as_str().expect("brand"))
            .collect();
        let r = partial_card(digits);
        let ours = wire(r.card.as_ref().and_then(|c| c.brand));
        let unknown = codes(&r).contains(&"card.brand_unknown");
        let agrees = match theirs.as_slice() {
            [] => unknown && ours.is_none(),
            [one] => {
                named += 1;
                !unknown && ours == Some(*one)
            }
            // credit-card-type judges a brand by its first matching pattern: UnionPay's
            // 622010-622999 is still incomplete at 62207, so it waits, though 62207-62209
            // is a complete UnionPay range (Lockstep takes the longest complete one).
            several => {
                let first_pattern = ["62207", "62208", "62209"]
                    .iter()
                    .any(|p| digits.starts_with(p))
                    && ours == Some("unionpay")
                    && several.contains(&"unionpay");
                !unknown && (ours.is_none() || first_pattern)
            }
        };
        if !agrees {
            disagreements.push(format!(
                "{digits}: credit-card-type {theirs:?}, Lockstep {ours:?} (unknown: {unknown})"
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    assert!(named > 1000, "{named}");
}

#[test]
fn a_single_possible_brand_is_named_from_the_first_digits() {
    // From credit-card-type 10.3.0's answers (card_brand_cases.json): one type each.
    for (digits, brand) in [
        ("1", Brand::Jcb),
        ("8", Brand::UnionPay),
        ("34", Brand::Amex),
        ("37", Brand::Amex),
        ("23", Brand::Mastercard),
        ("6011", Brand::Discover),
        ("51", Brand::Mastercard),
        ("30", Brand::Diners),
        ("35", Brand::Jcb),
        ("97", Brand::Troy),
        // Inside Maestro's 504176-506698: both pick Verve.
        ("506099", Brand::Verve),
    ] {
        let r = partial_card(digits);
        assert!(r.valid, "{digits}: {:?}", r.errors);
        assert_eq!(r.card.and_then(|c| c.brand), Some(brand), "{digits}");
    }
    // Several brands still possible: none named ("4": Visa, Naranja, Maestro, Elo).
    for digits in ["4", "5", "6", "2", "3", "22", "65"] {
        assert_eq!(
            partial_card(digits).card.and_then(|c| c.brand),
            None,
            "{digits}"
        );
    }
}
