//! IBAN check digits 00, 01 and 99: the same mod 97 remainder as 97, 98 and 02, but never
//! assigned (ISO 13616). Cases from `iban_twins.json` (`scripts/gen_iban_twins.py`):
//! schwifty accepts the IBAN and refuses its twin (`InvalidChecksumDigits`).

use super::super::iban_checksum_valid;
use super::{codes, run};

#[test]
fn check_digit_twins_are_refused_as_schwifty_refuses_them() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("iban_twins.json")).expect("cases parse");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() > 250, "{}", cases.len());
    for case in cases {
        let iban = case["iban"].as_str().expect("iban");
        let twin = case["twin"].as_str().expect("twin");
        assert_eq!(case["schwifty"], "valid", "{iban}");
        assert_eq!(case["twin_schwifty"], "InvalidChecksumDigits", "{twin}");
        assert!(iban_checksum_valid(iban), "{iban}");
        assert!(!iban_checksum_valid(twin), "{twin}");
        assert!(run(&format!(r#"{{"iban":"{iban}"}}"#)).valid, "{iban}");
        assert_eq!(
            codes(&run(&format!(r#"{{"iban":"{twin}"}}"#))),
            ["iban.checksum"],
            "{twin}"
        );
        // No typing repairs them: partial mode says so from the fourth character on.
        for end in [4, 10, twin.len()] {
            let prefix = &twin[..end];
            assert_eq!(
                codes(&run(&format!(r#"{{"mode":"partial","iban":"{prefix}"}}"#))),
                ["iban.checksum"],
                "{prefix}"
            );
        }
    }
}
