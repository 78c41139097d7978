//! Expiry against `as_of`: the horizon (19 years, card-validator's default) and, in
//! partial mode, unfinished months and years that can no longer become valid.
//!
//! The year cases are card-validator 10.0.4's own (`src/__tests__/expiration-year.ts`,
//! run with today = 2021-06-09 and `maxElapsedYear` 19): its `isValid` verdict is
//! Lockstep's complete-mode verdict, and its `isPotentiallyValid` is Lockstep's partial
//! verdict except where card-validator looks only at the first two digits (listed).

use super::{codes, run};

fn year(mode: &str, year: &str) -> Vec<&'static str> {
    codes(&run(&format!(
        r#"{{"mode":"{mode}","as_of":"2021-06","card":{{"exp_year":"{year}"}}}}"#
    )))
}

const EXPIRED: &[&str] = &["card.expired"];
const TOO_FAR: &[&str] = &["card.expiry_too_far"];
const FORMAT: &[&str] = &["card.exp_year"];
const NONE: &[&str] = &[];

#[test]
fn card_validator_year_cases_in_complete_mode() {
    // (value, card-validator isValid, Lockstep's finding)
    let cases: &[(&str, bool, &[&str])] = &[
        ("19", false, EXPIRED),
        ("20", false, EXPIRED),
        ("21", true, NONE),
        ("22", true, NONE),
        ("40", true, NONE),
        ("41", false, TOO_FAR),
        ("0000", false, EXPIRED),
        ("1234", false, EXPIRED),
        ("2020", false, EXPIRED),
        ("2021", true, NONE),
        ("2022", true, NONE),
        ("2040", true, NONE),
        ("2041", false, TOO_FAR),
        ("3000", false, TOO_FAR),
        ("9999", false, TOO_FAR),
        ("00000", false, FORMAT),
        ("12345", false, FORMAT),
        ("20021", false, FORMAT),
        ("20202", false, FORMAT),
        ("20211", false, FORMAT),
        ("30000", false, FORMAT),
        ("99999", false, FORMAT),
        ("1", false, FORMAT),
        ("123", false, FORMAT),
    ];
    for &(value, valid, want) in cases {
        let got = year("complete", value);
        assert_eq!(got.is_empty(), valid, "{value}: {got:?}");
        assert_eq!(got, want, "{value}");
    }
}

#[test]
fn card_validator_year_cases_in_partial_mode() {
    // (value, card-validator isPotentiallyValid, Lockstep's finding)
    let cases: &[(&str, bool, &[&str])] = &[
        ("", true, NONE),
        ("2", true, NONE),
        ("3", true, NONE),
        ("4", true, NONE),
        ("19", false, EXPIRED),
        ("20", true, NONE),
        ("21", true, NONE),
        ("22", true, NONE),
        ("40", true, NONE),
        ("41", false, TOO_FAR),
        ("000", false, EXPIRED),
        ("123", false, EXPIRED),
        ("202", true, NONE),
        ("203", true, NONE),
        ("204", true, NONE),
        ("210", false, TOO_FAR),
        ("300", false, TOO_FAR),
        ("999", false, TOO_FAR),
        ("2020", false, EXPIRED),
        ("2021", true, NONE),
        ("2040", true, NONE),
        ("2041", false, TOO_FAR),
        ("20015", false, FORMAT),
    ];
    for &(value, potentially_valid, want) in cases {
        let got = year("partial", value);
        assert_eq!(got.is_empty(), potentially_valid, "{value}: {got:?}");
        assert_eq!(got, want, "{value}");
    }
    // Deliberate differences: card-validator calls every one-digit year and every
    // three-digit year starting 20 potentially valid; Lockstep asks what each can still
    // become (two digits 20Y_, or four digits).
    let stricter: &[(&str, &[&str])] = &[
        ("0", EXPIRED),   // 2000-2009, or 0___
        ("1", EXPIRED),   // 2010-2019, or 1___
        ("5", TOO_FAR),   // 2050-2059, or 5___
        ("9", TOO_FAR),   // 2090-2099, or 9___
        ("200", EXPIRED), // 2000-2009
        ("201", EXPIRED), // 2010-2019
        ("205", TOO_FAR), // 2050-2059, more than 19 years after 2021
        ("209", TOO_FAR),
    ];
    for &(value, want) in stricter {
        assert_eq!(year("partial", value), want, "{value}");
    }
}

#[test]
fn an_unfinished_month_in_the_current_year() {
    let expiry = |month: &str, year: &str| {
        codes(&run(&format!(
            r#"{{"mode":"partial","as_of":"2026-11","card":{{"exp_month":"{month}","exp_year":"{year}"}}}}"#
        )))
    };
    // 2026: only 11 and 12 are left. "1" can become 11 or 12; "0" only 01-09.
    assert_eq!(expiry("", "2026"), NONE);
    assert_eq!(expiry("1", "2026"), NONE);
    assert_eq!(expiry("0", "2026"), EXPIRED);
    assert_eq!(expiry("10", "2026"), EXPIRED);
    assert_eq!(expiry("11", "2026"), NONE);
    // A year in the past is expired whatever the month; one two digits long too.
    assert_eq!(expiry("", "2025"), EXPIRED);
    assert_eq!(expiry("1", "25"), EXPIRED);
    assert_eq!(expiry("0", "2027"), NONE);
    // The horizon is by year: 2045 (19 years after 2026) in any month, 2046 never.
    assert_eq!(expiry("12", "2045"), NONE);
    assert_eq!(expiry("01", "2046"), TOO_FAR);
    assert_eq!(expiry("", "46"), TOO_FAR);
    // "20" is probably the start of 2027; as a year alone it would be 2020.
    assert_eq!(expiry("0", "20"), NONE);
}

#[test]
fn the_horizon_and_a_missing_month_in_complete_mode() {
    let r = run(r#"{"as_of":"2026-11","card":{"exp_month":"12","exp_year":"2046"}}"#);
    assert_eq!(codes(&r), TOO_FAR);
    assert_eq!(r.errors[0].path, "/card/exp_year");
    assert_eq!(
        r.errors[0].message,
        "the expiry year 2046 is more than 19 years after 2026"
    );
    assert!(run(r#"{"as_of":"2026-11","card":{"exp_month":"12","exp_year":"2045"}}"#).valid);
    // Without the month, a past year is expired all the same; without as_of nothing is.
    assert_eq!(
        codes(&run(r#"{"as_of":"2026-11","card":{"exp_year":"2025"}}"#)),
        EXPIRED
    );
    assert!(run(r#"{"card":{"exp_month":"12","exp_year":"2099"}}"#).valid);
}
