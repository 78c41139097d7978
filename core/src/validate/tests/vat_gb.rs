//! UK (`GB`, `XI`) and One Stop Shop (`EU`, `IM`) VAT numbers (`vat_gb.rs`), on
//! python-stdnum 2.2's published test numbers (`tests/test_gb_vat.doctest`,
//! `tests/test_eu_oss.doctest`, the `stdnum/eu/oss.py` docstring) with its verdicts.

use super::{codes, run};

fn vat(value: &str) -> Vec<&'static str> {
    codes(&run(&format!(r#"{{"vat_id":"{value}"}}"#)))
}

/// `test_gb_vat.doctest`: "should all be valid", and its named valid numbers.
const GB_VALID: &[&str] = &[
    "GB 002 4257 28",
    "GB 003232345",
    "GB 100 1950 75",
    "GB 100190874",
    "GB 102675046",
    "GB 232177091",
    "GB 242338087388",
    "GB 311 405 025",
    "GB 362 5866 29",
    "GB 417 2280 71",
    "GB 436 0630 72",
    "GB 495 2781 05",
    "GB 507 5768 25",
    "GB 521 6763 52",
    "GB 586 367 295",
    "GB 591 9373 01",
    "GB 605 8678 15",
    "GB 662 8564 06",
    "GB 698 550 577",
    "GB 733 4428 41",
    "GB 770 381 235",
    "GB 784 9117 89",
    "GB 808 6365 12",
    "GB 812 8333 44",
    "GB 818243334",
    "GB 823 531 352",
    "GB 829 9594 59",
    "GB 845788960",
    "GB 879 7056 62",
    "GB 881 3758 91",
    "GB 913 3041 68",
    "GB 933210951",
    "GB 975 8664 50",
    "GB 977 4872 51",
    "GB 980780684",
    "GB 997 7094 44",
    "GB260311213",
    "GB653599494",
    "GB974053902",
    // Named: standard, restarting, branch trader, government department, health
    // authority, and their EU forms.
    "GB980780684",
    "GB100190874",
    "GB242338087388",
    "GBGD100",
    "GBHA501",
    "GBGD888810003",
    "GBHA888856782",
];

#[test]
fn published_gb_numbers_are_valid_with_gb_and_xi() {
    for value in GB_VALID {
        assert_eq!(vat(value), Vec::<&str>::new(), "{value}");
        let xi = format!("XI{}", value.trim_start_matches("GB"));
        assert_eq!(vat(&xi), Vec::<&str>::new(), "{xi}");
    }
}

/// `test_gb_vat.doctest`'s invalid numbers: stdnum's InvalidChecksum is `vat.checksum`;
/// InvalidLength, InvalidFormat and InvalidComponent are `vat.format`.
#[test]
fn published_gb_invalid_numbers() {
    let cases = [
        ("GB802311781", "vat.checksum"),   // invalid check digit
        ("GB9807806842", "vat.format"),    // too long for standard number
        ("GB9807806B4", "vat.format"),     // invalid digit
        ("GBGD8888567B2", "vat.format"),   // invalid digit for EU health authority
        ("GB001234567", "vat.checksum"),   // invalid checksum
        ("GBZZ100", "vat.format"),         // unknown code
        ("GBGD600", "vat.format"),         // government department with high number
        ("GBHA201", "vat.format"),         // health authority with low number
        ("GBGD888860018", "vat.format"),   // government department with high number
        ("GBHA888820107", "vat.format"),   // health authority with low number
        ("GBHA888856700", "vat.checksum"), // health authority with invalid checksum
    ];
    for (value, code) in cases {
        assert_eq!(vat(value), [code], "{value}");
    }
}

/// `eu/oss.py` and `test_eu_oss.doctest`.
#[test]
fn published_oss_numbers() {
    assert_eq!(vat("EU 372022452"), Vec::<&str>::new());
    assert_eq!(vat("EU372022452"), Vec::<&str>::new());
    assert_eq!(vat("IM3720000224"), Vec::<&str>::new());
    for (value, code) in [
        ("EU372A22452", "vat.format"),  // some digits not numeric
        ("EU123010755", "vat.format"),  // MSI wrong
        ("EU3720000224", "vat.format"), // too long
        ("IM372022452", "vat.format"),  // too short
        ("AA826010755", "vat.country"), // not a prefix (stdnum: InvalidComponent)
    ] {
        assert_eq!(vat(value), [code], "{value}");
    }
}

#[test]
fn partial_prefixes_of_the_new_numbers() {
    for value in [
        "G", "GB", "GB98078", "GBGD", "X", "XI1", "EU37", "I", "IM372",
    ] {
        let r = run(&format!(r#"{{"mode":"partial","vat_id":"{value}"}}"#));
        assert!(r.valid, "{value}: {:?}", r.errors);
    }
    // Ten digits could still become a 12-digit branch trader number; thirteen cannot.
    assert!(run(r#"{"mode":"partial","vat_id":"GB9807806842"}"#).valid);
    let r = run(r#"{"mode":"partial","vat_id":"GB9807806842123"}"#);
    assert_eq!(codes(&r), ["vat.format"]);
}

/// `vat_gb::OTHER_SHAPES` in partial mode. Each hopeless prefix breaks a shape no typing
/// repairs (checked against python-stdnum 2.2: 20 000 random completions of each, none
/// valid); each hopeful one has a valid completion (found the same way).
#[test]
fn partial_shapes_of_the_new_numbers() {
    for bad in [
        "GBGD5",     // a government department is below 500
        "GBHA4",     // a health authority from 500
        "GBGD1000",  // GD and three digits, or GD8888
        "GBHA88884", // the EU form of a health authority is from 500 too
        "GBGD88885",
        "GB12345A", // digits only
        "GBZ",
        "XIGD6",
        "EU123", // no member state's numeric code
        "IM826",
        "IM04012A",
    ] {
        let r = run(&format!(r#"{{"mode":"partial","vat_id":"{bad}"}}"#));
        assert_eq!(codes(&r), ["vat.format"], "{bad}");
    }
    for good in [
        "GBGD4",
        "GBHA8",
        "GBHA888",
        "GBGD8888",
        "GBGD88884",
        "EU04",
        "EU90",
        "IM90012",
    ] {
        let r = run(&format!(r#"{{"mode":"partial","vat_id":"{good}"}}"#));
        assert!(r.valid, "{good}: {:?}", r.errors);
    }
}
