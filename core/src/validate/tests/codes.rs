//! Which code names the problem: a wrong check digit is `*.checksum`, a wrong shape
//! `*.format` (`iban.length`, `bic.length`: the length part of it), an unknown country
//! `*.country`, for IBAN, BIC and VAT numbers, in both modes. Hand-checked cases; the
//! VAT classes per member state are checked against python-stdnum's exceptions in
//! `vat_diff.rs`.

use super::{codes, run};

fn check(member: &str, cases: &[(&str, &str, &str)]) {
    for &(mode, value, want) in cases {
        let got = codes(&run(&format!(
            r#"{{"mode":"{mode}","{member}":"{value}"}}"#
        )));
        assert_eq!(got, [want], "{member} {value:?} ({mode})");
    }
}

#[test]
fn iban_codes() {
    check(
        "iban",
        &[
            // No registry country starts with Z (or is ZZ): the country is unknown.
            ("partial", "Z", "iban.country"),
            ("complete", "Z", "iban.country"),
            ("complete", "ZZ89", "iban.country"),
            // D starts DE, DK...: too short.
            ("complete", "D", "iban.length"),
            // Shapes: a digit where the country goes, a letter in the check digits or
            // against the BBAN structure.
            ("partial", "1", "iban.format"),
            ("partial", "D1", "iban.format"),
            ("partial", "DEX9", "iban.format"),
            ("complete", "GB82WES112345698765432", "iban.format"),
            ("complete", "DE893704004405320130", "iban.length"),
            // Check digits: 00/01/99 never, others by mod 97.
            ("partial", "DE00", "iban.checksum"),
            ("partial", "DE99 3704", "iban.checksum"),
            ("complete", "DE01370400440532000034", "iban.checksum"),
            ("complete", "DE89370400440532013001", "iban.checksum"),
            // National check digits (iban_national.rs) are a checksum too, and one
            // checksum finding is made at most: check digits 00 with wrong Belgian
            // national digits (0918117351 mod 97 is 32, not 41) are refused once.
            ("complete", "BE41091811735141", "iban.checksum"),
            ("complete", "BE00091811735141", "iban.checksum"),
        ],
    );
}

#[test]
fn bic_codes() {
    check(
        "bic",
        &[
            ("complete", "DEUT1EFF", "bic.format"),
            ("complete", "DEUTDEF", "bic.length"),
            ("complete", "DEUTZZFF", "bic.country"),
            ("partial", "DEUTZZ", "bic.country"),
        ],
    );
    // X can still become XK (Kosovo, as SWIFT uses it).
    assert!(run(r#"{"mode":"partial","bic":"RBKOX"}"#).valid);
    assert!(run(r#"{"bic":"RBKOXKPR"}"#).valid);
}

#[test]
fn vat_prefix_codes() {
    check(
        "vat_id",
        &[
            // Digits where the prefix goes: a shape problem (a card number, too).
            ("complete", "1", "vat.format"),
            ("complete", "41", "vat.format"),
            ("partial", "4111", "vat.format"),
            // Letters that are no member state's prefix, or start none: the country.
            ("complete", "ZZ123456789", "vat.country"),
            ("partial", "Q", "vat.country"),
            ("complete", "Q", "vat.country"),
            // D starts DE and DK: too short.
            ("complete", "D", "vat.format"),
            // A wrong SIREN check digit is a checksum (stdnum: InvalidChecksum).
            ("complete", "FR00003789340", "vat.checksum"),
        ],
    );
}
