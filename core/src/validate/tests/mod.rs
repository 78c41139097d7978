//! Tests of `validate`: hand-checked cases, properties, golden vectors, and a
//! differential test of the VAT port against python-stdnum.

mod bad_input;
mod card_brands;
mod card_in_text;
mod codes;
mod expiry;
mod iban_diff;
mod iban_national;
mod iban_twins;
mod phone_regions;
mod postal_examples;
mod postal_regions;
mod props;
mod published;
mod typing;
mod vat_diff;
mod vat_gb;
mod vectors;

use super::*;

fn run(json: &str) -> ValidateResponse {
    let request: ValidateRequest = serde_json::from_str(json).expect("request parses");
    validate(request).expect("request accepted")
}

fn codes(r: &ValidateResponse) -> Vec<&'static str> {
    r.errors.iter().map(|e| e.code.as_str()).collect()
}

fn card(number: &str) -> ValidateResponse {
    run(&format!(r#"{{"card":{{"number":"{number}"}}}}"#))
}

fn partial_card(number: &str) -> ValidateResponse {
    run(&format!(
        r#"{{"mode":"partial","card":{{"number":"{number}"}}}}"#
    ))
}

#[test]
fn known_test_cards_are_valid_with_their_brand() {
    let cases = [
        ("4111111111111111", Brand::Visa),
        ("4012888888881881", Brand::Visa),
        ("5555555555554444", Brand::Mastercard),
        ("5105105105105100", Brand::Mastercard),
        ("2221000000000009", Brand::Mastercard),
        ("2223003122003222", Brand::Mastercard),
        ("378282246310005", Brand::Amex),
        ("371449635398431", Brand::Amex),
        ("6011111111111117", Brand::Discover),
        ("6011000990139424", Brand::Discover),
        ("30569309025904", Brand::Diners),
        ("38520000023237", Brand::Diners),
        ("3530111333300000", Brand::Jcb),
        ("3566002020360505", Brand::Jcb),
        ("6200000000000005", Brand::UnionPay),
        ("6362970000457013", Brand::Elo),
        ("6062826786276634", Brand::Hipercard),
    ];
    for (number, brand) in cases {
        let r = card(number);
        assert!(r.valid, "{number}: {:?}", r.errors);
        let summary = r.card.expect("summary");
        assert_eq!(summary.brand, Some(brand), "{number}");
        assert_eq!(summary.first6.as_deref(), number.get(..6));
        assert_eq!(summary.last4.as_deref(), number.get(number.len() - 4..));
    }
}

#[test]
fn brand_ranges_edges() {
    // Mastercard 2-series: 222100–272099.
    assert_eq!(detect_brand("2221000000000000"), Some(Brand::Mastercard));
    assert_eq!(detect_brand("2720990000000000"), Some(Brand::Mastercard));
    assert_eq!(detect_brand("2220990000000000"), None);
    assert_eq!(detect_brand("2721000000000000"), None);
    // Mir 2200–2204.
    assert_eq!(detect_brand("2200000000000000"), Some(Brand::Mir));
    assert_eq!(detect_brand("2205000000000000"), None);
    // Elo's 6-digit ranges beat Visa's "4" and Discover's "65".
    assert_eq!(detect_brand("4011780000000000"), Some(Brand::Elo));
    assert_eq!(detect_brand("6504050000000000"), Some(Brand::Elo));
    assert_eq!(detect_brand("6500000000000000"), Some(Brand::Discover));
    // Verve, Maestro.
    assert_eq!(detect_brand("5061000000000000"), Some(Brand::Verve));
    assert_eq!(detect_brand("6759000000000000"), Some(Brand::Maestro));
    assert_eq!(detect_brand("6304000000000000"), Some(Brand::Maestro));
    assert_eq!(detect_brand("9999999999999999"), None);
}

#[test]
fn invalid_cards_report_every_problem() {
    assert_eq!(codes(&card("4111111111111112")), ["card.luhn"]);
    // 15 digits is not a Visa length; Luhn fails too.
    assert_eq!(
        codes(&card("411111111111111")),
        ["card.length", "card.luhn"]
    );
    // 4222222222222 is Luhn-valid but Visa's 13-digit numbers are no longer issued.
    assert_eq!(codes(&card("4222222222222")), ["card.length"]);
    assert_eq!(codes(&card("1234567812345670")), ["card.brand_unknown"]);
    assert_eq!(codes(&card("4111x111")), ["card.format"]);
    assert_eq!(codes(&card("")), ["card.format"]);
    assert_eq!(codes(&card("4111-1111 1111-1111")), Vec::<&str>::new());
}

#[test]
fn expiry_and_cvc() {
    let r = run(
        r#"{"as_of":"2026-11","card":{"number":"378282246310005","exp_month":"10","exp_year":"26","cvc":"123"}}"#,
    );
    assert_eq!(codes(&r), ["card.expired", "card.cvc_length"]);
    let r = run(
        r#"{"as_of":"2026-11","card":{"number":"378282246310005","exp_month":"11","exp_year":"2026","cvc":"1234"}}"#,
    );
    assert!(r.valid, "{:?}", r.errors);
    let s = r.sanitized.card.expect("card");
    assert_eq!(
        (s.exp_month.as_deref(), s.exp_year.as_deref()),
        (Some("11"), Some("2026"))
    );
    let r = run(r#"{"card":{"exp_month":"13","exp_year":"202","cvc":"12a"}}"#);
    assert_eq!(
        codes(&r),
        ["card.exp_month", "card.exp_year", "card.cvc_format"]
    );
    // Without as_of there is no clock: no expiry check.
    let r = run(r#"{"card":{"exp_month":"1","exp_year":"2001"}}"#);
    assert!(r.valid);
    assert_eq!(
        r.sanitized.card.and_then(|c| c.exp_month).as_deref(),
        Some("01")
    );
}

#[test]
fn holder_name_is_nfc_and_checked() {
    let r = run(r#"{"card":{"holder_name":"  Jose\u0301   Núñez "}}"#);
    assert!(r.valid);
    assert_eq!(
        r.sanitized.card.and_then(|c| c.holder_name).as_deref(),
        Some("José Núñez")
    );
    assert_eq!(
        codes(&run(r#"{"card":{"holder_name":"   "}}"#)),
        ["card.holder_name"]
    );
    assert_eq!(
        codes(&run(r#"{"card":{"holder_name":"a\u0007b"}}"#)),
        ["card.holder_name"]
    );
}

#[test]
fn partial_cards() {
    // Four digits of a Visa: fine, brand known, nothing shown.
    let r = partial_card("4111");
    assert!(r.valid);
    let s = r.card.expect("summary");
    assert_eq!(s.brand, Some(Brand::Visa));
    assert_eq!(s.first6, None);
    // "3" could be Amex, Diners or JCB: no brand yet, no error.
    let r = partial_card("3");
    assert!(r.valid);
    assert_eq!(r.card.and_then(|c| c.brand), None);
    // 16 digits of a Visa failing Luhn: Visa also has 18 and 19, so not yet an error.
    assert!(partial_card("4111111111111112").valid);
    // Amex is complete at 15: Luhn now applies.
    assert_eq!(codes(&partial_card("378282246310006")), ["card.luhn"]);
    assert_eq!(
        codes(&partial_card("3782822463100051")),
        ["card.length", "card.luhn"]
    );
    assert_eq!(codes(&partial_card("99")), ["card.brand_unknown"]);
    assert_eq!(codes(&partial_card("41a")), ["card.format"]);
    assert!(partial_card("").valid);
    let r = run(
        r#"{"mode":"partial","as_of":"2026-11","card":{"exp_month":"1","exp_year":"20","cvc":"1"}}"#,
    );
    assert!(r.valid, "{:?}", r.errors);
}

#[test]
fn ibans() {
    for iban in [
        "GB82WEST12345698765432",
        "DE89370400440532013000",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "BE68539007547034",
        "CH9300762011623852957",
        "NO9386011117947",
        "MT84MALT011000012345MTLCAST001S",
        "SA0380000000608010167519",
    ] {
        let r = run(&format!(r#"{{"iban":"{iban}"}}"#));
        assert!(r.valid, "{iban}: {:?}", r.errors);
        assert!(iban_checksum_valid(iban));
    }
    let r = run(r#"{"iban":" gb82 west 1234 5698 7654 32 "}"#);
    assert!(r.valid);
    assert_eq!(r.sanitized.iban.as_deref(), Some("GB82WEST12345698765432"));
    assert_eq!(
        r.iban,
        Some(IbanSummary {
            country: "GB".into(),
            sepa: true
        })
    );
    assert_eq!(
        codes(&run(r#"{"iban":"GB82WEST12345698765431"}"#)),
        ["iban.checksum"]
    );
    assert_eq!(
        codes(&run(r#"{"iban":"GB82WEST1234569876543"}"#)),
        ["iban.length"]
    );
    assert_eq!(
        codes(&run(r#"{"iban":"US82WEST12345698765432"}"#)),
        ["iban.country"]
    );
    // GB: 4 letters (bank) then 6 + 8 digits.
    assert_eq!(
        codes(&run(r#"{"iban":"GB82WES112345698765432"}"#)),
        ["iban.format"]
    );
    assert_eq!(codes(&run(r#"{"iban":"GB82_WEST"}"#)), ["iban.format"]);
    assert_eq!(
        codes(&run(r#"{"iban":"GBX2WEST12345698765432"}"#)),
        ["iban.format"]
    );
    assert_eq!(iban_country_count(), 105);
}

#[test]
fn partial_ibans() {
    for prefix in ["", "D", "DE", "DE8", "DE89 3704", "GB82WEST"] {
        let r = run(&format!(r#"{{"mode":"partial","iban":"{prefix}"}}"#));
        assert!(r.valid, "{prefix}: {:?}", r.errors);
    }
    let bad = |s: &str| codes(&run(&format!(r#"{{"mode":"partial","iban":"{s}"}}"#)));
    // No registry country starts with Z: an unknown country, not a short IBAN.
    assert_eq!(bad("Z"), ["iban.country"]);
    assert_eq!(bad("GB82WES1"), ["iban.format"]);
    assert_eq!(bad("DE8937040044053201300000"), ["iban.length"]);
    assert_eq!(bad("DE89370400440532013001"), ["iban.checksum"]);
}

#[test]
fn bics() {
    assert!(run(r#"{"bic":"deutdeff"}"#).valid);
    assert!(run(r#"{"bic":"DEUTDEFF500"}"#).valid);
    assert_eq!(codes(&run(r#"{"bic":"DEUTDEF"}"#)), ["bic.length"]);
    assert_eq!(codes(&run(r#"{"bic":"DEUTQQFF"}"#)), ["bic.country"]);
    assert_eq!(codes(&run(r#"{"bic":"DEU1DEFF"}"#)), ["bic.format"]);
    assert_eq!(
        codes(&run(
            r#"{"iban":"GB82WEST12345698765432","bic":"DEUTDEFF"}"#
        )),
        ["bic.country_mismatch"]
    );
    // A French overseas IBAN with a French BIC is consistent; Kosovo's XK is accepted.
    assert!(bic::countries_match("FR", "GP"));
    assert!(run(r#"{"bic":"RBKOXKPR"}"#).valid);
    assert!(run(r#"{"mode":"partial","bic":"DEUTD"}"#).valid);
}

#[test]
fn emails() {
    for ok in [
        "ann@example.com",
        "ann.lee+tag@sub.example.co.uk",
        "o'brien@example.ie",
        "ann@bücher.de",
        "ann@例え.テスト",
        "a@b-c.io",
    ] {
        assert!(email_valid(ok), "{ok}");
    }
    for bad in [
        "",
        "ann",
        "ann@",
        "@example.com",
        "ann@@example.com",
        "a@b@example.com",
        ".ann@example.com",
        "ann.@example.com",
        "ann..lee@example.com",
        "ann@localhost",
        "ann@-example.com",
        "ann@example-.com",
        "ann@example..com",
        "ann@example.123",
        "ann lee@example.com",
        "jörg@example.com",
        "ann@[192.0.2.1]",
    ] {
        assert!(!email_valid(bad), "{bad}");
    }
    let long_local = format!("{}@example.com", "a".repeat(65));
    assert_eq!(
        codes(&run(&format!(r#"{{"email":"{long_local}"}}"#))),
        ["email.length"]
    );
    let label = "b".repeat(60);
    let long_total = format!("a@{label}.{label}.{label}.{label}.{label}.com");
    assert!(long_total.len() > 254);
    assert_eq!(
        codes(&run(&format!(r#"{{"email":"{long_total}"}}"#))),
        ["email.length"]
    );
    let r = run(r#"{"email":"  Ann@Example.COM "}"#);
    assert_eq!(r.sanitized.email.as_deref(), Some("Ann@example.com"));
    for typing in [
        "a",
        "ann",
        "ann.",
        "ann@",
        "ann@exa",
        "ann@example.",
        "ann@ex-",
    ] {
        assert!(
            run(&format!(r#"{{"mode":"partial","email":"{typing}"}}"#)).valid,
            "{typing}"
        );
    }
    for wrong in ["ann..", ".a", "a b", "a@b@", "ann@-x"] {
        assert!(
            !run(&format!(r#"{{"mode":"partial","email":"{wrong}"}}"#)).valid,
            "{wrong}"
        );
    }
}

#[test]
fn phones() {
    let r = run(r#"{"phone":"+1 (415) 555-0100"}"#);
    assert!(r.valid);
    assert_eq!(r.sanitized.phone.as_deref(), Some("+14155550100"));
    let p = r.phone.expect("phone");
    assert_eq!(p.calling_code, "1");
    assert_eq!(p.regions.first().map(String::as_str), Some("US"));
    assert_eq!(
        run(r#"{"phone":"+49 30 901820"}"#).phone.map(|p| p.regions),
        Some(vec!["DE".to_owned()])
    );
    assert_eq!(codes(&run(r#"{"phone":"030 901820"}"#)), ["phone.format"]);
    assert_eq!(codes(&run(r#"{"phone":"+49 30 9018x"}"#)), ["phone.format"]);
    assert_eq!(codes(&run(r#"{"phone":"+4930"}"#)), ["phone.length"]);
    assert_eq!(
        codes(&run(r#"{"phone":"+4930123456789012"}"#)),
        ["phone.length"]
    );
    // 0 and 28x are not assigned calling codes.
    assert_eq!(
        codes(&run(r#"{"phone":"+0123456789"}"#)),
        ["phone.calling_code"]
    );
    assert_eq!(
        codes(&run(r#"{"phone":"+2801234567"}"#)),
        ["phone.calling_code"]
    );
    assert!(run(r#"{"mode":"partial","phone":"+4"}"#).valid);
    assert!(run(r#"{"mode":"partial","phone":""}"#).valid);
    assert!(!run(r#"{"mode":"partial","phone":"+28"}"#).valid);
}

#[test]
fn addresses_and_postal_codes() {
    let ok = [
        ("GB", "sw1a 1aa", "SW1A 1AA"),
        ("GB", "SW1A1AA", "SW1A 1AA"),
        ("GB", "M1 1AE", "M1 1AE"),
        ("US", "94105", "94105"),
        ("US", "94105-1234", "94105-1234"),
        ("CA", "k1a0b1", "K1A 0B1"),
        ("NL", "1012 jk", "1012 JK"),
        ("PL", "00950", "00-950"),
        ("JP", "100-0001", "100-0001"),
        ("DE", "10115", "10115"),
        ("IE", "D02 X285", "D02 X285"),
        ("BR", "01310-100", "01310-100"),
        ("LV", "LV-1050", "LV-1050"),
        ("BM", "HM 12", "HM 12"),
    ];
    for (country, code, canonical) in ok {
        let r = run(&format!(
            r#"{{"billing_address":{{"country":"{country}","postal_code":"{code}"}}}}"#
        ));
        assert!(r.valid, "{country} {code}: {:?}", r.errors);
        let a = r.sanitized.billing_address.expect("address");
        assert_eq!(
            a.postal_code.as_deref(),
            Some(canonical),
            "{country} {code}"
        );
    }
    for (country, code) in [
        ("DE", "1011"),
        ("US", "9410"),
        ("GB", "SW1A"),
        ("CA", "K1A 0B"),
        ("NL", "1012"),
    ] {
        let r = run(&format!(
            r#"{{"billing_address":{{"country":"{country}","postal_code":"{code}"}}}}"#
        ));
        assert_eq!(codes(&r), ["postal_code.format"], "{country} {code}");
        // ...but each is a prefix of a valid code while typing.
        let r = run(&format!(
            r#"{{"mode":"partial","billing_address":{{"country":"{country}","postal_code":"{code}"}}}}"#
        ));
        assert!(r.valid, "{country} {code}");
    }
    assert_eq!(
        codes(&run(r#"{"billing_address":{"country":"XX"}}"#)),
        ["country.unknown"]
    );
    assert_eq!(
        codes(&run(r#"{"billing_address":{"country":"DEU"}}"#)),
        ["country.unknown"]
    );
    assert!(run(r#"{"mode":"partial","billing_address":{"country":"d"}}"#).valid);
    let r =
        run(r#"{"billing_address":{"country":" de ","line1":"  Unter  den Linden 1 ","city":""}}"#);
    assert_eq!(codes(&r), ["address.format"]);
    let a = r.sanitized.billing_address.expect("address");
    assert_eq!(
        (a.country.as_deref(), a.line1.as_deref()),
        (Some("DE"), Some("Unter den Linden 1"))
    );
    assert!(postal_country_count() >= 60);
    assert_eq!(country_count(), 249);
}

#[test]
fn amounts_and_currencies() {
    let r = run(r#"{"amount":"19.9","currency":"usd"}"#);
    assert!(r.valid);
    assert_eq!(r.sanitized.amount.as_deref(), Some("19.90"));
    assert_eq!(r.sanitized.currency.as_deref(), Some("USD"));
    assert_eq!(
        run(r#"{"amount":"1.230","currency":"KWD"}"#)
            .sanitized
            .amount
            .as_deref(),
        Some("1.230")
    );
    assert_eq!(
        codes(&run(r#"{"amount":"10.5","currency":"JPY"}"#)),
        ["amount.minor_units"]
    );
    assert_eq!(
        codes(&run(r#"{"amount":"1.2345","currency":"KWD"}"#)),
        ["amount.minor_units"]
    );
    assert_eq!(
        codes(&run(r#"{"amount":"1,5","currency":"EUR"}"#)),
        ["amount.format"]
    );
    assert_eq!(
        codes(&run(r#"{"amount":"-1.00","currency":"EUR"}"#)),
        ["amount.negative"]
    );
    assert_eq!(
        codes(&run(r#"{"amount":"1.00","currency":"ABC"}"#)),
        ["currency.unknown"]
    );
    assert_eq!(codes(&run(r#"{"currency":"XAU"}"#)), ["currency.unknown"]);
    let r = run(r#"{"currency":"HRK"}"#);
    assert!(r.errors.first().is_some_and(|e| e.message.contains("EUR")));
    assert!(run(r#"{"mode":"partial","amount":"12.","currency":"EUR"}"#).valid);
    assert!(run(r#"{"mode":"partial","amount":"-","currency":"EUR"}"#).valid);
}

#[test]
fn vat_numbers() {
    for ok in [
        "ATU13585627",
        "BE0428759497",
        "BG175074752",
        "CY10259033P",
        "DE136695976",
        "DK13585628",
        "EE100594102",
        "EL094259216",
        "ESB64717838",
        "FI20774740",
        "FR23334175221",
        "HR33392005961",
        "HU12892312",
        "IT00743110157",
        "LU15027442",
        "LV40003521600",
        "MT11679112",
        "NL004495445B01",
        "PL8567346215",
        "PT501964843",
        "SE123456789701",
        "SI50223054",
        "SK2022749619",
    ] {
        assert!(vat_valid(ok), "{ok}");
    }
    let r = run(r#"{"vat_id":"de 136.695-976"}"#);
    assert!(r.valid);
    assert_eq!(r.sanitized.vat_id.as_deref(), Some("DE136695976"));
    assert_eq!(codes(&run(r#"{"vat_id":"DE136695978"}"#)), ["vat.checksum"]);
    assert_eq!(codes(&run(r#"{"vat_id":"DK13585627"}"#)), ["vat.checksum"]);
    assert_eq!(codes(&run(r#"{"vat_id":"DE13669597"}"#)), ["vat.format"]);
    assert_eq!(codes(&run(r#"{"vat_id":"GB123456789"}"#)), ["vat.checksum"]);
    assert_eq!(codes(&run(r#"{"vat_id":"US123456789"}"#)), ["vat.country"]);
    assert_eq!(codes(&run(r#"{"vat_id":"1"}"#)), ["vat.format"]);
    assert!(run(r#"{"mode":"partial","vat_id":"DE1366"}"#).valid);
    assert!(run(r#"{"mode":"partial","vat_id":"D"}"#).valid);
    assert_eq!(vat_country_count(), 27);
}

#[test]
fn request_errors() {
    let e = validate(ValidateRequest {
        as_of: Some("2026-13".into()),
        ..Default::default()
    })
    .expect_err("bad as_of");
    assert_eq!(
        (e.code, e.details[0].path.as_str()),
        (ErrorCode::InvalidValue, "/as_of")
    );
    for bad in ["2026-1", "26-11", "2026/11", "２026-11"] {
        assert!(
            validate(ValidateRequest {
                as_of: Some(bad.into()),
                ..Default::default()
            })
            .is_err()
        );
    }
    let e = validate(ValidateRequest {
        amount: Some("1".into()),
        ..Default::default()
    })
    .expect_err("amount without currency");
    assert_eq!(
        (e.code, e.details[0].path.as_str()),
        (ErrorCode::MissingField, "/currency")
    );
    let e = validate(ValidateRequest {
        iban: Some(("A".repeat(MAX_FIELD_CHARS + 1)).into()),
        ..Default::default()
    })
    .expect_err("too long");
    assert_eq!(
        (e.code, e.details[0].path.as_str()),
        (ErrorCode::StringTooLong, "/iban")
    );
    // Strict members, through the wire decoder.
    let e = crate::wire::decode::<ValidateRequest>(serde_json::json!({"card": {"pan": "4111"}}))
        .expect_err("unknown field");
    assert_eq!(
        (e.code, e.details[0].path.as_str()),
        (ErrorCode::UnknownField, "/card/pan")
    );
    let e = crate::wire::decode::<ValidateRequest>(
        serde_json::json!({"card": {"number": 4111111111111111u64}}),
    )
    .expect_err("number as JSON number");
    assert_eq!(e.code, ErrorCode::InvalidType);
    assert!(!e.to_json().contains("4111111111111111"));
    let e = crate::wire::decode::<ValidateRequest>(serde_json::json!({"mode": "4111111111111111"}))
        .expect_err("bad mode");
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert!(!e.to_json().contains("4111111111111111"));
}

#[test]
fn debug_of_card_input_redacts() {
    let c = CardInput {
        number: Some("4111111111111111".into()),
        cvc: Some("987".into()),
        ..Default::default()
    };
    let text = format!("{c:?}");
    assert!(!text.contains("4111111111111111") && !text.contains("987"));
}

#[test]
fn empty_request_is_valid() {
    let r = run("{}");
    assert_eq!(
        crate::wire::to_json(&r),
        r#"{"valid":true,"errors":[],"sanitized":{}}"#
    );
}

#[test]
fn generated_tables_are_sorted() {
    assert!(
        super::iban_table::IBAN_SPECS
            .windows(2)
            .all(|w| w[0].country < w[1].country)
    );
    assert!(
        super::country_table::COUNTRIES
            .windows(2)
            .all(|w| w[0].0 < w[1].0)
    );
    assert!(
        super::country_table::CALLING_CODES
            .windows(2)
            .all(|w| w[0].0 < w[1].0)
    );
    assert!(super::iban_table::IBAN_SPECS.iter().all(|s| {
        s.bban.iter().map(|&(n, _)| usize::from(n)).sum::<usize>() + 4 == usize::from(s.length)
    }));
}
