//! Phone numbers by region: possible national lengths (libphonenumber's metadata,
//! `phone_table.rs`) and the billing country.

use super::super::phone_table::PHONE_EXAMPLES;
use super::{codes, run};

fn phone(number: &str, country: Option<&str>, partial: bool) -> super::ValidateResponse {
    let mode = if partial { r#""mode":"partial","# } else { "" };
    let address = country.map_or(String::new(), |c| {
        format!(r#","billing_address":{{"country":"{c}"}}"#)
    });
    run(&format!(r#"{{{mode}"phone":"{number}"{address}}}"#))
}

/// Every example number of libphonenumber's metadata (each number type of each region
/// and non-geographic code) is valid, also with its own region as the billing country,
/// and every prefix of it is fine in partial mode. One exception, a deliberate
/// difference (docs/validation.md): Iran's 4-digit UAN example `+989601` is shorter than
/// the 7 digits Lockstep requires of any international number.
#[test]
fn every_libphonenumber_example_is_valid() {
    assert!(PHONE_EXAMPLES.len() > 1000);
    for &(region, number, kind) in PHONE_EXAMPLES {
        if number == "+989601" {
            assert_eq!(codes(&phone(number, None, false)), ["phone.length"]);
            continue;
        }
        let r = phone(number, None, false);
        assert!(r.valid, "{region} {kind} {number}: {:?}", r.errors);
        if region != "001" && super::is_country(region) {
            let r = phone(number, Some(region), false);
            assert!(r.valid, "{region} {kind} {number}: {:?}", r.errors);
        }
        for end in 0..=number.len() {
            let r = phone(&number[..end], None, true);
            assert!(
                r.valid,
                "{region} {kind} {}: {:?}",
                &number[..end],
                r.errors
            );
        }
    }
}

/// Hand-checked against the metadata: FR numbers have 9 digits after +33
/// (`region_FR.py` general_desc possible_length=(9,)), NANP numbers 10 (7 is CA's
/// `possible_length` too), GB 7, 9 or 10, DE 4 to 15.
#[test]
fn national_lengths() {
    let r = phone("+33 1 23 45 67 8", None, false);
    assert_eq!(codes(&r), ["phone.length"]);
    assert_eq!(
        r.errors[0].message,
        "a +33 number has 9 digits after the calling code, not 8"
    );
    assert!(phone("+33 1 23 45 67 89", None, false).valid);
    let r = phone("+1 202 555 012", None, false);
    assert_eq!(
        r.errors[0].message,
        "a +1 number has 7 or 10 digits after the calling code, not 9"
    );
    let r = phone("+44 20 7946 09588", None, false);
    assert_eq!(
        r.errors[0].message,
        "a +44 number has 7, 9 or 10 digits after the calling code, not 11"
    );
    assert!(phone("+49 30 901820", None, false).valid);
    // The E.164 limits come first; no second length finding.
    let r = phone("+49 123", None, false);
    assert_eq!(codes(&r), ["phone.length"]);
    assert!(
        r.errors[0]
            .message
            .starts_with("an international phone number has 7 to 15")
    );
}

#[test]
fn partial_lengths() {
    // 8 digits after +33 can still become 9; 10 cannot.
    assert!(phone("+3312345678", None, true).valid);
    let r = phone("+331234567890", None, true);
    assert_eq!(codes(&r), ["phone.length"]);
    assert!(phone("+3", None, true).valid);
}

#[test]
fn billing_country() {
    let r = phone("+44 20 7946 0958", Some("DE"), false);
    assert_eq!(codes(&r), ["phone.country_mismatch"]);
    assert_eq!(r.errors[0].path, "/phone");
    assert_eq!(
        r.errors[0].message,
        "a +44 number cannot be a DE number (DE numbers start with +49)"
    );
    // Regions sharing a calling code: any of them is fine.
    assert!(phone("+1 416 555 0123", Some("CA"), false).valid);
    assert!(phone("+44 1481 256789", Some("gg"), false).valid);
    // Countries without a calling code of their own (Antarctica) are not judged; nor
    // are unknown or incomplete countries (those get their own finding).
    assert!(phone("+44 20 7946 0958", Some("AQ"), false).valid);
    assert_eq!(
        codes(&phone("+44 20 7946 0958", Some("ZZ"), false)),
        ["country.unknown"]
    );
    assert!(phone("+44 20 7946 0958", Some("D"), true).valid);
    // Partial: once the calling code is complete, a mismatch cannot be repaired.
    assert!(phone("+4", Some("DE"), true).valid);
    assert_eq!(
        codes(&phone("+44", Some("DE"), true)),
        ["phone.country_mismatch"]
    );
}
