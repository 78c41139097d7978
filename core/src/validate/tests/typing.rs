//! Partial mode, one character at a time: every prefix of a valid value is free of
//! errors in partial mode and the whole value is valid in complete mode; a prefix that
//! no typing can repair is an error even in partial mode. Values: card test numbers
//! published by payment processors, every IBAN registry sample (python-stdnum's test
//! file), and emails.

use super::super::{Brand, ValidateResponse, validate};
use super::codes;
use crate::wire::decode;

fn answer(request: serde_json::Value) -> ValidateResponse {
    validate(decode(request).expect("request decodes")).expect("request accepted")
}

/// A request with `value` at `member` (`"card"` means `card.number`), in `mode`.
fn request(member: &str, value: &str, mode: &str) -> serde_json::Value {
    match member {
        "card" => serde_json::json!({"mode": mode, "card": {"number": value}}),
        _ => serde_json::json!({"mode": mode, member: value}),
    }
}

/// Types `value` one character at a time.
fn type_out(member: &str, value: &str) {
    let mut prefix = String::new();
    for c in value.chars() {
        prefix.push(c);
        let r = answer(request(member, &prefix, "partial"));
        assert!(
            r.valid,
            "{member} {prefix:?} (typing {value:?}) in partial mode: {:?}",
            r.errors
        );
    }
    let r = answer(request(member, value, "complete"));
    assert!(r.valid, "{member} {value:?} complete: {:?}", r.errors);
}

/// Test card numbers published by payment processors (Stripe's and Adyen's testing
/// documentation), with the brand they are documented as.
pub(super) const PROCESSOR_TEST_CARDS: &[(&str, Brand)] = &[
    ("4242424242424242", Brand::Visa),
    ("4000056655665556", Brand::Visa),
    ("4000002500001001", Brand::Visa),
    ("4000000760000002", Brand::Visa),
    ("4000001240000000", Brand::Visa),
    ("4111111111111111", Brand::Visa),
    ("4012888888881881", Brand::Visa),
    ("5555555555554444", Brand::Mastercard),
    ("2223003122003222", Brand::Mastercard),
    ("5200828282828210", Brand::Mastercard),
    ("5105105105105100", Brand::Mastercard),
    ("2221000000000009", Brand::Mastercard),
    ("378282246310005", Brand::Amex),
    ("371449635398431", Brand::Amex),
    ("378734493671000", Brand::Amex),
    ("6011111111111117", Brand::Discover),
    ("6011000990139424", Brand::Discover),
    ("6011981111111113", Brand::Discover),
    ("3056930009020004", Brand::Diners),
    ("36227206271667", Brand::Diners),
    ("30569309025904", Brand::Diners),
    ("38520000023237", Brand::Diners),
    ("3566002020360505", Brand::Jcb),
    ("3530111333300000", Brand::Jcb),
    ("6200000000000005", Brand::UnionPay),
    ("6200000000000047", Brand::UnionPay),
    ("6205500000000000004", Brand::UnionPay),
];

#[test]
fn processor_test_cards_type_cleanly_and_are_valid() {
    for &(number, brand) in PROCESSOR_TEST_CARDS {
        type_out("card", number);
        // As people type them, in groups of four.
        let grouped: String = number
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ");
        type_out("card", &grouped);
        let r = answer(request("card", number, "complete"));
        assert_eq!(r.card.and_then(|c| c.brand), Some(brand), "{number}");
    }
}

#[test]
fn iban_registry_samples_type_cleanly() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("stdnum_examples.json")).expect("examples parse");
    let mut typed = 0;
    for case in doc["iban"].as_array().expect("list") {
        let value = case["value"].as_str().expect("value");
        // The valid samples whose national check digits Lockstep also accepts.
        if case["valid"] == true && !super::published::KNOWN_DIFFERENCES.contains(&value) {
            type_out("iban", value);
            typed += 1;
        }
    }
    assert!(typed > 180, "{typed}");
}

#[test]
fn emails_type_cleanly() {
    for email in [
        "ann@example.com",
        "Ann.Lee+tag@mail.example.co.uk",
        "o'brien_2@example.ie",
        "x@y.io",
        "first-last@sub-domain.example-site.com",
        "ann@bücher.de",
        "user@例え.テスト",
    ] {
        type_out("email", email);
    }
}

#[test]
fn hopeless_prefixes_are_errors_in_partial_mode() {
    let partial = |member: &str, value: &str| codes(&answer(request(member, value, "partial")));
    // Cards: a non-digit anywhere, a start no brand has, too long for the brand.
    for bad in ["a", "x4", "4242a", "4242-4242-42x", "+4242"] {
        assert_eq!(partial("card", bad), ["card.format"], "{bad}");
    }
    assert_eq!(partial("card", "99"), ["card.brand_unknown"]);
    assert_eq!(
        partial("card", "4242424242424242424"),
        ["card.luhn"],
        "19 digits is Visa's longest: Luhn now applies"
    );
    assert!(partial("card", "42424242424242424242").contains(&"card.length"));
    // IBANs: a first letter that starts no registry country, a second that completes none,
    // a digit where the country code goes, a character the BBAN does not allow there.
    for letter in 'A'..='Z' {
        let starts = super::super::iban_table::IBAN_SPECS
            .iter()
            .any(|s| s.country.starts_with(letter));
        let got = partial("iban", &letter.to_string());
        assert_eq!(got.is_empty(), starts, "IBAN {letter:?}: {got:?}");
    }
    for bad in [
        "Z",
        "DX",
        "1",
        "D1",
        "DEX",
        "DE89X",
        "GB82WES1",
        "QA58DOHB0000123456789ABCDEFG!",
    ] {
        assert!(
            !partial("iban", bad).is_empty(),
            "IBAN {bad:?} should be an error"
        );
    }
    // Emails: a leading dot, two dots, two @, a space inside, a bad character.
    for bad in [
        ".",
        ".ann",
        "ann..",
        "ann@@",
        "ann@exa..",
        "an n@",
        "ann@ex ample",
        "ann(@",
        "ann\u{7}",
    ] {
        assert!(
            !partial("email", bad).is_empty(),
            "email {bad:?} should be an error"
        );
    }
}

#[test]
fn vat_numbers_type_cleanly() {
    // Every number python-stdnum accepts (vat_cases.json), typed one character at a time.
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("vat_cases.json")).expect("cases parse");
    let mut typed = 0;
    for case in doc["cases"].as_array().expect("cases") {
        if case["valid"] == true {
            type_out("vat_id", case["vat"].as_str().expect("vat"));
            typed += 1;
        }
    }
    assert!(typed > 350, "{typed}");
}

#[test]
fn hopeless_vat_prefixes_are_errors_in_partial_mode() {
    // Each breaks a national shape no typing can repair: a leading 0 where the state
    // forbids it, a letter where digits go, a wrong fixed digit or suffix. (Checked
    // against python-stdnum 2.2: thousands of random completions of each, every one
    // refused with InvalidFormat, InvalidLength or InvalidComponent.) NL123B is not
    // among them: NL123B33 is valid (zero-padded to NL000000123B33).
    for bad in [
        "ATX",
        "ATU1A",
        "BE2123456789",
        "CY12",
        "DE0",
        "DK0",
        "ESI",
        "FRI",
        "IE1X2A",
        "LT1234567X",
        "LT12345670123",
        "MT0",
        "NLB",
        "NL123456789X",
        "PT0",
        "RO0",
        "SE12345678901",
        "SI0",
        "FI1234567A",
        "EL12A",
    ] {
        let got = codes(&answer(request("vat_id", bad, "partial")));
        assert_eq!(got, ["vat.format"], "{bad}");
    }
    assert!(answer(request("vat_id", "NL123B", "partial")).valid);
    assert!(answer(request("vat_id", "NL123B33", "complete")).valid);
}
