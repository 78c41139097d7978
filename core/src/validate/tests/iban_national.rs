//! National check digits inside IBANs (`iban_national.rs`), on published examples.

use super::{codes, run};

fn iban(value: &str) -> super::ValidateResponse {
    run(&format!(r#"{{"iban":"{value}"}}"#))
}

/// Valid IBANs of schwifty 2026.10.1's own test suite (sdist `tests/test_iban.py`,
/// `valid`, checked there with `validate_bban=True`), one or two per country with a
/// national check here, and the examples of python-stdnum 2.2's `be/iban`, `es/iban`,
/// `es/ccc`, `me/iban`, `no/iban` docstrings.
const PUBLISHED_VALID: &[&str] = &[
    "AL47 2121 1009 0000 0002 3569 8741",
    "BE68 5390 0754 7034",
    "BA39 1290 0794 0102 8494",
    "HR12 1001 0051 8630 0016 0",
    "CZ65 0800 0000 1920 0014 5399",
    "CZ94 5500 0000 0010 1103 8930",
    "EE38 2200 2210 2014 5685",
    "FI21 1234 5600 0007 85",
    "FR14 2004 1010 0505 0001 3M02 606",
    "HU42 1177 3016 1111 1018 0000 0000",
    "IS14 0159 2600 7654 5510 7303 39",
    "IT60 X054 2811 1010 0000 0123 456",
    "MK07 2501 2000 0058 984",
    "MR13 0002 0001 0100 0012 3456 753",
    "MC58 1122 2000 0101 2345 6789 030",
    "ME25 5050 0001 2345 6789 51",
    "NO93 8601 1117 947",
    "PL61 1090 1014 0000 0712 1981 2874",
    "PT50 0002 0123 1234 5678 9015 4",
    "SM86 U032 2509 8000 0000 0270 100",
    "RS35 2600 0560 1001 6113 79",
    "SK31 1200 0000 1987 4263 7541",
    "SI56 1910 0000 0123 438",
    "ES91 2100 0418 4502 0005 1332",
    "TL38 0080 0123 4567 8910 157",
    "TN59 1000 6035 1835 9847 8831",
    // python-stdnum docstrings.
    "BE32 123-4567890-02",
    "ES77 1234-1234-16 1234567890",
    "ME 2551 0000 0000 0623 4133",
];

#[test]
fn published_valid_ibans_pass_their_national_check() {
    for value in PUBLISHED_VALID {
        let r = iban(value);
        assert!(r.valid, "{value}: {:?}", r.errors);
    }
}

/// Published IBANs whose mod 97 is right but whose national check digits are wrong:
/// python-stdnum 2.2's docstrings (`be/iban`: "incorrect national check digits";
/// `es/iban`: "invalid CCC check digit"; `me/iban`; `no/iban`: "invalid Konto nr.
/// check digit"), with the message each gets.
#[test]
fn published_wrong_national_check_digits() {
    let cases = [
        (
            "BE41091811735141",
            "the Belgian national check digits are wrong",
        ),
        (
            "ES15 1234-1234-17 1234567890",
            "the Spanish national check digits are wrong",
        ),
        (
            "ME52510000000006234132",
            "the Montenegrin national check digits are wrong",
        ),
        (
            "NO23 8601 1117 946",
            "the Norwegian national check digits are wrong",
        ),
    ];
    for (value, message) in cases {
        let r = iban(value);
        assert_eq!(codes(&r), ["iban.checksum"], "{value}");
        assert_eq!(r.errors[0].message, message, "{value}");
        assert_eq!(r.errors[0].path, "/iban");
    }
}

/// Each registry example above with one account digit changed and the IBAN check digits
/// recomputed (by hand: 98 − (BBAN + country + 00) mod 97), so only the national check
/// can catch it.
#[test]
fn one_changed_digit_with_fresh_iban_check_digits_fails_nationally() {
    let cases = [
        // AL47 2121 1009 ... with the branch 1100 → 1101: 2·9 + 1·7 + 2·3 + 1·1 + 1·9 +
        // 0·7 + 1·3 = 44, check digit 6, not 9.
        ("AL88212110190000000235698741", "Albanian"),
        // HR12 1001 0051 8630 0016 0 with the account digit 6 → 7.
        ("HR3310010051863000170", "Croatian"),
        // FR14 2004 1010 0505 0001 3M02 606, RIB key 06 → 07.
        ("FR8420041010050500013M02607", "French"),
        // IT60 X054 ..., CIN X → Y.
        ("IT64Y0542811101000000123456", "Italian"),
    ];
    for (value, adjective) in cases {
        let r = iban(value);
        assert_eq!(codes(&r), ["iban.checksum"], "{value}");
        assert_eq!(
            r.errors[0].message,
            format!("the {adjective} national check digits are wrong"),
            "{value}"
        );
    }
}

/// A wrong mod 97 is reported as before, without a second national finding.
#[test]
fn mod_97_first() {
    let r = iban("BE69 5390 0754 7034");
    assert_eq!(codes(&r), ["iban.checksum"]);
    assert_eq!(
        r.errors[0].message,
        "IBAN check digits do not match (mod 97)"
    );
}

/// Countries without a national check here (DE: per-bank methods; NL: dropped by Dutch
/// banks; GB: sort-code tables) keep only mod 97.
#[test]
fn countries_without_a_national_rule() {
    for value in [
        "DE89 3704 0044 0532 0130 00",
        "NL91 ABNA 0417 1643 00",
        "GB29 NWBK 6016 1331 9268 19",
    ] {
        assert!(iban(value).valid, "{value}");
    }
}
