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
            card: Some(CardInput { number: Some(mutated.into()), ..Default::default() }),
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
            card: Some(CardInput { number: Some(number.into()), ..Default::default() }),
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
        // Sometimes the number is also sent where a name, an email, an address (region
        // included), a VAT id or a BIC is expected (none of which may echo it), or a phone (which may: a
        // valid E.164 number is echoed as it is).
        let request = ValidateRequest {
            as_of: Some("2026-11".into()),
            mode: Some(if partial { Mode::Partial } else { Mode::Complete }),
            card: Some(CardInput {
                number: Some(typed.clone().into()),
                exp_month: Some(month.clone().into()),
                exp_year: Some(year.clone().into()),
                cvc: Some(cvc.clone().into()),
                holder_name: misplaced.then(|| typed.clone().into()),
            }),
            phone: misplaced.then(|| format!("+{number}").into()),
            email: misplaced.then(|| format!("{typed}@example.com").into()),
            vat_id: misplaced.then(|| typed.clone().into()),
            bic: misplaced.then(|| typed.clone().into()),
            billing_address: misplaced.then(|| AddressInput {
                line1: Some(typed.clone().into()),
                city: Some(format!("x{typed}").into()),
                postal_code: Some(typed.clone().into()),
                country: None,
                region: Some(typed.clone().into()),
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
            card: Some(CardInput { number: Some(number.into()), ..Default::default() }),
            iban: Some(iban.clone().into()),
            bic: Some(iban.into()),
            email: Some(email.into()),
            phone: Some(phone.into()),
            vat_id: Some(vat.into()),
            billing_address: Some(AddressInput { country: Some(country.into()), postal_code: Some(postal.into()), ..Default::default() }),
            ..Default::default()
        };
        let r = validate(request).expect("accepted");
        prop_assert_eq!(r.valid, r.errors.is_empty());
    }
}

/// Whether an expiry has no finding, in `mode`, with `as_of`.
fn expiry_ok(mode: Mode, as_of: &str, month: &str, year: &str) -> bool {
    let request = ValidateRequest {
        as_of: Some(as_of.into()),
        mode: Some(mode),
        card: Some(CardInput {
            exp_month: Some(month.into()),
            exp_year: Some(year.into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    validate(request).expect("accepted").valid
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The partial-mode rule for expiries: an unfinished month and year are an error
    /// exactly when no way of finishing them is valid in complete mode.
    #[test]
    fn a_partial_expiry_is_an_error_exactly_when_no_completion_is_valid(
        as_of_year in 2000u16..2090,
        as_of_month in 1u8..=12,
        year in "[0-9]{1,3}",
        month in prop::sample::select(vec!["", "0", "1", "7", "12"]),
    ) {
        let as_of = format!("{as_of_year:04}-{as_of_month:02}");
        let months: Vec<String> = match month {
            "" => (1..=12).map(|m| m.to_string()).collect(),
            "0" => (1..=9).map(|m| format!("0{m}")).collect(),
            "1" => ["1", "10", "11", "12"].map(String::from).to_vec(),
            m => vec![m.to_owned()],
        };
        let years: Vec<String> = (0..10_000u32)
            .map(|y| format!("{y:04}"))
            .chain((0..100u32).map(|y| format!("{y:02}")))
            .filter(|y| y.starts_with(year.as_str()))
            .collect();
        let some_completion_valid = years.iter().any(|y| {
            months.iter().any(|m| expiry_ok(Mode::Complete, &as_of, m, y))
        });
        prop_assert_eq!(
            expiry_ok(Mode::Partial, &as_of, month, &year),
            some_completion_valid,
            "{} {:?} {:?}", as_of, month, year
        );
    }
}

proptest! {
    /// A Luhn-valid number of 12 to 19 digits in a holder name, however it is grouped
    /// and whatever surrounds it, is refused and never echoed.
    #[test]
    fn a_card_number_in_a_name_is_always_refused(
        body in "[0-9]{11,18}",
        separator in prop::sample::select(vec!["", " ", "-", ".", " - ", "/"]),
        group in 3usize..6,
        before in prop::sample::select(vec!["", "Ada ", "Mr. ", "Ünal "]),
        after in prop::sample::select(vec!["", " Lovelace", " jr."]),
        partial in prop::bool::ANY,
    ) {
        let number = with_check_digit(&body);
        let grouped = number.as_bytes().chunks(group).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(separator);
        let request = ValidateRequest {
            mode: Some(if partial { Mode::Partial } else { Mode::Complete }),
            card: Some(CardInput { holder_name: Some(format!("{before}{grouped}{after}").into()), ..Default::default() }),
            ..Default::default()
        };
        let r = validate(request).expect("accepted");
        prop_assert_eq!(r.errors.iter().map(|e| e.code).collect::<Vec<_>>(), vec![FindingCode::CardHolderNameCardNumber]);
        let json = crate::wire::to_json(&r);
        let squeezed: String = json.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '/')).collect();
        prop_assert!(!squeezed.contains(&number), "{}", json);
    }
}
