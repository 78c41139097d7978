//! Card numbers in the wrong member: refused in free text (holder name, address lines,
//! city, region, postal code, email) with a code of their own, and never echoed from any
//! member.
//! Numbers: the processor test cards of `typing.rs` (Stripe's and Adyen's published
//! numbers); names: card-validator 10.0.4's `cardholder-name` test cases.

use super::typing::PROCESSOR_TEST_CARDS;
use super::{codes, run};
use crate::wire::to_json;

/// The three ways a number is typed: bare, in groups of four with spaces, with dashes.
fn typings(number: &str) -> [String; 3] {
    let groups: Vec<&str> = number
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    [number.to_owned(), groups.join(" "), groups.join("-")]
}

fn request(member: &str, value: &str) -> String {
    let v = serde_json::Value::String(value.to_owned()).to_string();
    match member {
        "holder_name" => format!(r#"{{"card":{{"holder_name":{v}}}}}"#),
        "line1" | "city" | "region" | "postal_code" => {
            format!(r#"{{"billing_address":{{"{member}":{v}}}}}"#)
        }
        // With a country and postal code, so that the region would be judged against the
        // postal code (postal_region.rs) if it were not refused first.
        "region_us" => format!(
            r#"{{"billing_address":{{"country":"US","postal_code":"10001","region":{v}}}}}"#
        ),
        "postal_code_gb" => {
            format!(r#"{{"billing_address":{{"country":"GB","postal_code":{v}}}}}"#)
        }
        "amount" => format!(r#"{{"amount":{v},"currency":"EUR"}}"#),
        _ => format!(r#"{{"{member}":{v}}}"#),
    }
}

#[test]
fn a_card_number_in_free_text_is_refused_with_its_own_code() {
    let free_text = [
        ("holder_name", "card.holder_name_card_number"),
        ("line1", "address.card_number"),
        ("city", "address.card_number"),
        ("region", "address.card_number"),
        ("region_us", "address.card_number"),
        ("postal_code", "postal_code.card_number"),
        ("postal_code_gb", "postal_code.card_number"),
        ("email", "email.card_number"),
    ];
    let mut checked = 0;
    for &(number, _) in PROCESSOR_TEST_CARDS {
        for typed in typings(number) {
            for (member, code) in free_text {
                let value = match member {
                    "email" => format!("{}@example.com", typed.replace(' ', "")),
                    "holder_name" => format!("  {typed} "),
                    _ => typed.clone(),
                };
                for mode in ["complete", "partial"] {
                    let json =
                        request(member, &value).replacen('{', &format!(r#"{{"mode":"{mode}","#), 1);
                    let r = run(&json);
                    assert_eq!(codes(&r), [code], "{member} {value:?} {mode}");
                    assert!(!to_json(&r).contains(number), "{member} {value:?} echoed");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(
        checked,
        PROCESSOR_TEST_CARDS.len() * 3 * free_text.len() * 2
    );
}

#[test]
fn a_card_number_in_a_structured_member_is_not_echoed() {
    // Each is refused by the member's own rules; the value does not come back.
    let members = [
        ("iban", "iban.format"),
        ("bic", "bic.format"),
        ("vat_id", "vat.format"),
        ("phone", "phone.format"),
        ("currency", "currency.unknown"),
    ];
    for &(number, _) in PROCESSOR_TEST_CARDS {
        for typed in typings(number) {
            for (member, code) in members {
                let r = run(&request(member, &typed));
                assert!(
                    codes(&r).contains(&code),
                    "{member} {typed:?}: {:?}",
                    codes(&r)
                );
                let json = to_json(&r);
                assert!(!json.contains(number), "{member} {typed:?}: {json}");
            }
            // A grouped number is no amount; a bare one is a valid amount and is echoed
            // (as `quote` prices it): documented in docs/security.md.
            if typed != number {
                let r = run(&request("amount", &typed));
                assert_eq!(codes(&r), ["amount.format"]);
                assert!(!to_json(&r).contains(&typed), "{typed}");
            }
        }
    }
}

#[test]
fn valid_values_with_long_digit_runs_are_still_echoed() {
    // A valid IBAN, phone and VAT number are what they are (schwifty's and stdnum's
    // published examples).
    let r = run(
        r#"{"iban":"DE89 3704 0044 0532 0130 00","phone":"+49 170 1234567","vat_id":"SE556188840401"}"#,
    );
    assert!(r.valid, "{:?}", r.errors);
    assert_eq!(r.sanitized.iban.as_deref(), Some("DE89370400440532013000"));
    assert_eq!(r.sanitized.phone.as_deref(), Some("+491701234567"));
    assert_eq!(r.sanitized.vat_id.as_deref(), Some("SE556188840401"));
    // An invalid one holding 12 digits in a row is not (it could be a card number).
    let r = run(r#"{"iban":"GB82 WEST 1234 5698 7654 31"}"#);
    assert_eq!(codes(&r), ["iban.checksum"]);
    assert_eq!(r.sanitized.iban, None);
    // Fewer than 12 digits, or a separated sequence failing Luhn: echoed with its finding.
    let r = run(r#"{"iban":"GB82 WEST 1234 5698 765"}"#);
    assert_eq!(codes(&r), ["iban.length"]);
    assert_eq!(r.sanitized.iban.as_deref(), Some("GB82WEST12345698765"));
    let r = run(r#"{"amount":"4111 1111 1111 1112","currency":"EUR"}"#);
    assert_eq!(r.sanitized.amount.as_deref(), Some("4111 1111 1111 1112"));
}

#[test]
fn card_validator_cardholder_name_cases() {
    // card-validator's valid names are valid here too.
    for name in [
        "name",
        "given sur",
        "name with many spaces",
        "name with number in it 01234",
    ] {
        let r = run(&request("holder_name", name));
        assert!(r.valid, "{name}: {:?}", r.errors);
        assert_eq!(
            r.sanitized.card.and_then(|c| c.holder_name).as_deref(),
            Some(name)
        );
    }
    // card-validator refuses every name of only digits, spaces and dashes ("4111",
    // "4111 1111", "4111-1111"); Lockstep only what could be a card number (a
    // documented difference): these short ones are accepted.
    for name in ["4111", "4111 1111", "4111-1111"] {
        assert!(run(&request("holder_name", name)).valid, "{name}");
    }
    // card-validator's 256-character name is too long in both (Lockstep's limit is 100).
    let long = format!("this name is 256 chracters {}", "a".repeat(229));
    assert_eq!(long.chars().count(), 256);
    assert_eq!(
        codes(&run(&request("holder_name", &long))),
        ["card.holder_name"]
    );
}

#[test]
fn what_counts_as_a_card_number_in_a_name() {
    let name = |n: &str| codes(&run(&request("holder_name", n)));
    const CARD: &[&str] = &["card.holder_name_card_number"];
    // A run of card length, Luhn or not: 4111111111111112 fails Luhn.
    assert_eq!(name("4111111111111112"), CARD);
    assert_eq!(name("Ada 378282246310005"), CARD);
    assert_eq!(name("Ada 411111111111"), CARD, "12 digits in a row");
    assert!(name("Ada 41111111111").is_empty(), "11 digits");
    // Separated: only when Luhn-valid.
    assert_eq!(name("4111 1111 1111 1111"), CARD);
    assert_eq!(name("3782 822463 10005"), CARD);
    assert_eq!(name("6011.1111.1111.1117"), CARD);
    assert!(name("4111 1111 1111 1112").is_empty());
    // Full-width digits are digits.
    assert_eq!(name("４１１１１１１１１１１１１１１１"), CARD);
}
