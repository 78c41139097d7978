//! Property tests: Luhn, and that no answer ever repeats a card number or a CVC.

use proptest::prelude::*;

use super::super::*;

/// Appends the Luhn check digit to `body`.
fn with_check_digit(body: &str) -> String {
    (0..10u8)
        .map(|d| format!("{body}{d}"))
        .find(|n| luhn_valid(n))
        .expect("one digit completes any body")
}

proptest! {
    #[test]
    fn luhn_valid_numbers_pass_and_single_digit_changes_fail(
        body in "[0-9]{11,18}",
        at in any::<prop::sample::Index>(),
        delta in 1u8..10,
    ) {
        let number = with_check_digit(&body);
        prop_assert!(luhn_valid(&number));
        // Luhn detects every single-digit error.
        let i = at.index(number.len());
        let mut bytes = number.clone().into_bytes();
        bytes[i] = b'0' + (bytes[i] - b'0' + delta) % 10;
        let mutated = String::from_utf8(bytes).expect("ascii");
        prop_assert!(!luhn_valid(&mutated));
        // Through `validate`: a Luhn failure is always reported for the mutation.
        let request = ValidateRequest {
            card: Some(CardInput { number: Some(mutated), ..Default::default() }),
            ..Default::default()
        };
        let r = validate(request).expect("accepted");
        prop_assert!(r.errors.iter().any(|e| e.code == FindingCode::CardLuhn));
    }

    #[test]
    fn known_brand_numbers_with_check_digit_are_valid(
        prefix in prop::sample::select(vec!["4", "51", "55", "2221", "2720", "34", "37", "6011", "3528"]),
        rest in "[0-9]{20}",
    ) {
        let len = match prefix { "34" | "37" => 15, _ => 16 };
        let body = format!("{prefix}{rest}");
        let number = with_check_digit(&body[..len - 1]);
        let request = ValidateRequest {
            card: Some(CardInput { number: Some(number), ..Default::default() }),
            ..Default::default()
        };
        let r = validate(request).expect("accepted");
        prop_assert!(r.valid, "{:?}", r.errors);
    }

    #[test]
    fn no_answer_contains_the_number_or_the_cvc(
        number in "[0-9]{12,19}",
        separators in prop::bool::ANY,
        cvc in "[0-9]{3,4}|[0-9a-z]{1,6}",
        month in "[0-9]{1,2}",
        year in "[0-9]{2,4}",
        partial in prop::bool::ANY,
        misplaced in prop::bool::ANY,
    ) {
        // Misplaced, it is a card number: Luhn-valid (an invalid one with separators is
        // no card number, and free text may hold it).
        let number = if misplaced { with_check_digit(&number[..number.len() - 1]) } else { number };
        let typed = if separators {
            number.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
        } else {
            number.clone()
        };
        // Sometimes the number is also sent where a name, an email, an address, a VAT id
        // or a BIC is expected (none of which may echo it), or a phone (which may: a
        // valid E.164 number is echoed as it is).
        let request = ValidateRequest {
            as_of: Some("2026-11".into()),
            mode: Some(if partial { Mode::Partial } else { Mode::Complete }),
            card: Some(CardInput {
                number: Some(typed.clone()),
                exp_month: Some(month.clone()),
                exp_year: Some(year.clone()),
                cvc: Some(cvc.clone()),
                holder_name: misplaced.then(|| typed.clone()),
            }),
            phone: misplaced.then(|| format!("+{number}")),
            email: misplaced.then(|| format!("{typed}@example.com")),
            vat_id: misplaced.then(|| typed.clone()),
            bic: misplaced.then(|| typed.clone()),
            billing_address: misplaced.then(|| AddressInput {
                line1: Some(typed.clone()),
                city: Some(format!("x{typed}")),
                postal_code: Some(typed.clone()),
                country: None,
            }),
            ..Default::default()
        };
        let json = crate::wire::to_json(&validate(request).expect("accepted"));
        let json = if misplaced {
            // The phone is echoed on purpose (sanitized); drop it before looking.
            json.replace(&format!("\"phone\":\"+{number}\""), "")
        } else {
            json
        };
        prop_assert!(!json.contains(&number), "{json}");
        prop_assert!(!json.contains(&typed), "{json}");
        // The CVC must not appear except as a coincidental part of what is shown on purpose.
        let shown = [&number[..6], &number[number.len() - 4..], &month, &year, "2026", "11"];
        if !shown.iter().any(|s| s.contains(cvc.as_str())) && !cvc.chars().all(|c| c.is_ascii_digit() && cvc.len() < 3) {
            let without_codes = json
                .replace(&number[..6], "")
                .replace(&number[number.len() - 4..], "");
            let stripped: String = without_codes
                .split('"')
                .filter(|s| !s.chars().all(|c| c.is_ascii_digit()) || s.is_empty())
                .collect::<Vec<_>>()
                .join("\"");
            prop_assert!(!stripped.contains(&format!("\"{cvc}\"")), "{json}");
            prop_assert!(!json.contains(&format!("\"{cvc}\"")) || shown.iter().any(|s| *s == cvc), "{json}");
        }
    }

    #[test]
    fn random_requests_never_panic(
        number in "\\PC{0,30}",
        iban in "\\PC{0,40}",
        email in "\\PC{0,40}",
        phone in "\\PC{0,20}",
        vat in "[A-Z]{2}[0-9A-Z+*]{0,14}",
        postal in "\\PC{0,12}",
        country in "[A-Za-z]{0,3}",
        partial in prop::bool::ANY,
    ) {
        let request = ValidateRequest {
            mode: Some(if partial { Mode::Partial } else { Mode::Complete }),
            card: Some(CardInput { number: Some(number), ..Default::default() }),
            iban: Some(iban.clone()),
            bic: Some(iban),
            email: Some(email),
            phone: Some(phone),
            vat_id: Some(vat),
            billing_address: Some(AddressInput { country: Some(country), postal_code: Some(postal), ..Default::default() }),
            ..Default::default()
        };
        let r = validate(request).expect("accepted");
        prop_assert_eq!(r.valid, r.errors.is_empty());
    }
}
