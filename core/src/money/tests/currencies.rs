use super::super::currency_table::{ENTRIES, RETIRED};
use super::super::{CURRENCY_DATA_VERSION, Currency, MoneyError, iso_code_count};
use super::cur;

#[test]
fn counts_match_iso_list_one_2026_01_01() {
    assert_eq!(iso_code_count(), 178);
    assert_eq!(Currency::all().count(), 165);
    assert_eq!(
        Currency::all()
            .filter(|c| c.cash_increment().is_some())
            .count(),
        16
    );
}

#[test]
fn table_is_sorted_unique_and_disjoint_from_retired() {
    let codes: Vec<&str> = ENTRIES.iter().map(|e| e.code).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]));
    let mut numerics: Vec<u16> = ENTRIES.iter().map(|e| e.numeric).collect();
    numerics.sort_unstable();
    numerics.dedup();
    assert_eq!(numerics.len(), ENTRIES.len());
    assert!(RETIRED.windows(2).all(|w| w[0].0 < w[1].0));
    for (code, succ) in RETIRED {
        assert!(codes.binary_search(code).is_err(), "{code}");
        if let Some(s) = succ {
            assert!(codes.binary_search(s).is_ok(), "{code} -> {s}");
        }
    }
}

#[test]
fn minor_units_follow_iso_not_cldr() {
    for (code, minor) in [
        ("JPY", 0),
        ("KRW", 0),
        ("USD", 2),
        ("EUR", 2),
        ("MGA", 2),
        ("BHD", 3),
        ("IQD", 3),
        ("JOD", 3),
        ("KWD", 3),
        ("LYD", 3),
        ("OMR", 3),
        ("TND", 3),
        ("CLF", 4),
        ("UYW", 4),
        ("UYI", 0),
    ] {
        assert_eq!(cur(code).minor_units(), minor, "{code}");
    }
    assert_eq!(cur("KWD").numeric(), 414);
    assert_eq!(cur("CLF").numeric(), 990);
}

#[test]
fn cash_increments_from_cldr() {
    let cash = |code: &str| cur(code).cash_increment().map(|d| d.to_string());
    assert_eq!(cash("CHF").as_deref(), Some("0.05"));
    assert_eq!(cash("CAD").as_deref(), Some("0.05"));
    assert_eq!(cash("DKK").as_deref(), Some("0.50"));
    assert_eq!(cash("SEK").as_deref(), Some("1.00"));
    assert_eq!(cash("NOK").as_deref(), Some("1.00"));
    assert_eq!(cash("CZK").as_deref(), Some("1.00"));
    assert_eq!(cash("HUF").as_deref(), Some("5.00"));
    assert_eq!(cash("USD"), None);
    assert_eq!(cash("JPY"), None);
    assert_eq!(cash("IQD"), None);
    assert_eq!(cash("EUR"), None);
}

#[test]
fn ang_withdrawn_xcg_present() {
    let xcg = cur("XCG");
    assert_eq!((xcg.numeric(), xcg.minor_units()), (532, 2));
    assert_eq!(
        Currency::from_code("ANG"),
        Err(MoneyError::RetiredCurrency {
            code: "ANG",
            replaced_by: Some("XCG")
        })
    );
    assert!(matches!(
        Currency::from_code("HRK"),
        Err(MoneyError::RetiredCurrency {
            replaced_by: Some("EUR"),
            ..
        })
    ));
    assert!(matches!(
        Currency::from_code("SLL"),
        Err(MoneyError::RetiredCurrency { .. })
    ));
}

#[test]
fn funds_accepted_metals_and_special_codes_refused() {
    for code in ["CLF", "BOV", "CHE", "CHW", "COU", "MXV", "USN", "UYI"] {
        assert!(cur(code).is_fund(), "{code}");
    }
    for code in [
        "XAU", "XAG", "XPD", "XPT", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XTS", "XXX",
    ] {
        assert!(
            matches!(Currency::from_code(code), Err(MoneyError::NoMinorUnits { code: c }) if c == code),
            "{code}"
        );
    }
    assert_eq!(Currency::from_numeric(959), None);
    assert_eq!(Currency::from_numeric(840), Some(cur("USD")));
}

#[test]
fn malformed_and_unknown_codes() {
    for bad in ["", "usd", "Usd", "US", "USDD", " USD", "US1", "ÜSD"] {
        assert!(
            matches!(
                Currency::from_code(bad),
                Err(MoneyError::InvalidCurrencyCode { .. })
            ),
            "{bad:?}"
        );
    }
    assert_eq!(
        Currency::from_code("ABC"),
        Err(MoneyError::UnknownCurrency { code: "ABC".into() })
    );
    let long = "x".repeat(1000);
    match Currency::from_code(&long) {
        Err(e @ MoneyError::InvalidCurrencyCode { chars: 1000 }) => {
            assert!(!e.to_string().contains('x'), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn serde_as_code_string() {
    assert_eq!(serde_json::to_string(&cur("EUR")).unwrap(), r#""EUR""#);
    assert_eq!(
        serde_json::from_str::<Currency>(r#""JPY""#).unwrap(),
        cur("JPY")
    );
    assert!(serde_json::from_str::<Currency>("840").is_err());
    let err = serde_json::from_str::<Currency>(r#""ANG""#).unwrap_err();
    assert!(err.to_string().contains("XCG"), "{err}");
}

#[test]
fn version_names_both_sources() {
    assert!(CURRENCY_DATA_VERSION.contains("iso4217 1.16.20260101"));
    assert!(CURRENCY_DATA_VERSION.contains("cldr-core 48.2.0"));
}
