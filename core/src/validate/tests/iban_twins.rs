//! IBAN check digits 00, 01 and 99: the same mod 97 remainder as 97, 98 and 02, but never
//! assigned (ISO 13616). Cases from `iban_twins.json` (`scripts/gen_iban_twins.py`):
//! schwifty accepts the IBAN and refuses its twin (`InvalidChecksumDigits`).
//!
//! schwifty's `IBAN(s)` does not check the national check digits of the countries in
//! [`NATIONAL_NOT_IN_SCHWIFTY`], which `iban_national.rs` does (AL by hand, AX and the
//! French overseas countries as Finnish and French accounts, HR and HU as ibantools):
//! its random IBANs of those countries mostly have wrong ones. Such an IBAN may be
//! refused, but only for its national check digits; its twin is refused for its check
//! digits all the same.

use super::super::iban_checksum_valid;
use super::{codes, run};

/// Countries whose national check digits Lockstep checks and schwifty's `IBAN(s)` does
/// not.
const NATIONAL_NOT_IN_SCHWIFTY: &[&str] = &[
    "AL", "AX", "BL", "GF", "GP", "HR", "HU", "MF", "MQ", "NC", "PF", "PM", "RE", "TF", "WF", "YT",
];

#[test]
fn check_digit_twins_are_refused_as_schwifty_refuses_them() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("iban_twins.json")).expect("cases parse");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() > 250, "{}", cases.len());
    let mut valid = 0;
    for case in cases {
        let iban = case["iban"].as_str().expect("iban");
        let twin = case["twin"].as_str().expect("twin");
        assert_eq!(case["schwifty"], "valid", "{iban}");
        assert_eq!(case["twin_schwifty"], "InvalidChecksumDigits", "{twin}");
        assert!(iban_checksum_valid(iban), "{iban}");
        assert!(!iban_checksum_valid(twin), "{twin}");
        let base = run(&format!(r#"{{"iban":"{iban}"}}"#));
        if base.valid {
            valid += 1;
        } else {
            assert!(NATIONAL_NOT_IN_SCHWIFTY.contains(&&iban[..2]), "{iban}");
            assert_eq!(codes(&base), ["iban.checksum"], "{iban}");
            assert!(base.errors[0].message.contains("national"), "{iban}");
        }
        // Refused for its check digits (not for national ones: one checksum finding).
        let refused = run(&format!(r#"{{"iban":"{twin}"}}"#));
        assert_eq!(codes(&refused), ["iban.checksum"], "{twin}");
        assert!(refused.errors[0].message.contains("02 to 98"), "{twin}");
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
    // Every IBAN of the other countries, and some of these, is valid.
    assert!(valid > 230, "{valid}");
}
