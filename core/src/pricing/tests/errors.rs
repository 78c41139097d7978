//! Validation errors: codes, paths, and several problems at once.

use serde_json::json;

use super::err;
use crate::error::ErrorCode;

const AS_OF: &str = "2026-11-26T10:00:00Z";

fn paths(e: &crate::error::Error) -> Vec<(String, &'static str)> {
    e.details
        .iter()
        .map(|d| (d.path.clone(), d.code.as_str()))
        .collect()
}

#[test]
fn reports_every_problem_with_its_path() {
    let e = err(json!({"currency": "USD", "as_of": "yesterday",
    "lines": [
        {"id": "a", "quantity": "0", "unit_price": "1.00", "tax_code": "nope"},
        {"id": "a", "quantity": "1", "unit_price": "-1"},
        {"id": "c", "quantity": "1"},
        {"id": "d", "quantity": "1", "price": {"model": "volume", "tiers": [
            {"up_to": "10", "unit_amount": "1"}, {"up_to": "5", "unit_amount": "1"}, {"unit_amount": "1"}]}}
    ],
    "shipping": {"amount": "1.001"},
    "promotions": [
        {"id": "p", "type": "percent_off", "percent": "101", "applies_to": {"line_ids": ["zz"]}},
        {"id": "p", "type": "amount_off", "percent": "5"},
        {"id": "q", "type": "buy_x_get_y", "buy": 0, "get": 1, "conditions": {"starts_at": "x"}}
    ]}));
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert_eq!(
        paths(&e),
        [
            ("/as_of".to_owned(), "invalid_value"),
            ("/lines/0/quantity".to_owned(), "invalid_value"),
            ("/lines/0/tax_code".to_owned(), "unknown_reference"),
            ("/lines/1/id".to_owned(), "invalid_value"),
            ("/lines/1/unit_price".to_owned(), "invalid_value"),
            ("/lines/2/unit_price".to_owned(), "missing_field"),
            ("/lines/3/price/tiers/1/up_to".to_owned(), "invalid_value"),
            ("/shipping/amount".to_owned(), "invalid_value"),
            ("/promotions/0/percent".to_owned(), "invalid_value"),
            (
                "/promotions/0/applies_to/line_ids/0".to_owned(),
                "unknown_reference"
            ),
            ("/promotions/1/id".to_owned(), "invalid_value"),
            ("/promotions/1/percent".to_owned(), "invalid_value"),
            ("/promotions/1/amount".to_owned(), "missing_field"),
            ("/promotions/2/buy".to_owned(), "invalid_value"),
            (
                "/promotions/2/conditions/starts_at".to_owned(),
                "invalid_value"
            ),
        ]
    );
    assert!(
        e.message
            .starts_with("15 problems in the request; the first: "),
        "{}",
        e.message
    );
}

#[test]
fn currency_errors() {
    for code in ["XAU", "ANG", "usd", "ABC"] {
        let e = err(json!({"currency": code, "as_of": AS_OF,
            "lines": [{"id": "a", "quantity": "1", "unit_price": "1"}]}));
        assert_eq!(e.code, ErrorCode::UnknownCurrency, "{code}");
        assert_eq!(e.details[0].path, "/currency");
    }
    // JPY has no minor units: a fixed amount with decimals is refused.
    let e = err(json!({"currency": "JPY", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": "1", "unit_price": "1"}],
        "promotions": [{"id": "p", "type": "amount_off", "amount": "0.5"}]}));
    assert_eq!(
        paths(&e),
        [("/promotions/0/amount".to_owned(), "invalid_value")]
    );
}

#[test]
fn limits() {
    let lines: Vec<_> = (0..10_001)
        .map(|i| json!({"id": format!("l{i}"), "quantity": "1", "unit_price": "1"}))
        .collect();
    let e = err(json!({"currency": "USD", "as_of": AS_OF, "lines": lines}));
    assert_eq!(paths(&e), [("/lines".to_owned(), "too_many_lines")]);

    let long = "é".repeat(129);
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": long, "quantity": "1.0000000000001", "unit_price": "1"}]}));
    assert_eq!(
        paths(&e),
        [
            ("/lines/0/id".to_owned(), "string_too_long"),
            ("/lines/0/quantity".to_owned(), "scale_too_large")
        ]
    );
    // 128 scalar values is fine (256 UTF-8 bytes).
    super::ok(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "é".repeat(128), "quantity": "1", "unit_price": "1"}]}));

    let tiers: Vec<_> = (1..=101)
        .map(|i| json!({"up_to": i.to_string(), "unit_amount": "1"}))
        .collect();
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": "1", "price": {"model": "graduated", "tiers": tiers}}]}));
    assert_eq!(
        paths(&e),
        [("/lines/0/price/tiers".to_owned(), "limit_exceeded")]
    );

    let promotions: Vec<_> = (0..1_001)
        .map(|i| json!({"id": format!("p{i}"), "type": "free_shipping"}))
        .collect();
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": "1", "unit_price": "1"}], "promotions": promotions}));
    assert_eq!(
        paths(&e),
        [("/promotions".to_owned(), "too_many_promotions")]
    );
}

#[test]
fn overflow_is_an_error_with_a_path() {
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": "79228162514264337593543950335",
                   "unit_price": "79228162514264337593543950335"}]}));
    assert_eq!(paths(&e), [("/lines/0".to_owned(), "arithmetic_overflow")]);
    // Two lines that fit alone but not together.
    let big = "300000000000000000000000000"; // 3e28 cents each fits 96 bits; 9e28 does not
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": "1", "unit_price": big},
                  {"id": "b", "quantity": "1", "unit_price": big},
                  {"id": "c", "quantity": "1", "unit_price": big}]}));
    assert_eq!(e.code, ErrorCode::ArithmeticOverflow);
}

#[test]
fn strict_decoding() {
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": 1, "unit_price": "1"}]}));
    assert_eq!(
        paths(&e),
        [("/lines/0/quantity".to_owned(), "invalid_type")]
    );
    let e = err(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [{"id": "a", "quantity": "1", "unit_price": "1", "colour": "red"}]}));
    assert_eq!(paths(&e), [("/lines/0/colour".to_owned(), "unknown_field")]);
    let e = err(json!({"currency": "USD", "lines": []}));
    assert_eq!(paths(&e), [("/as_of".to_owned(), "missing_field")]);
    let e = err(json!({"currency": "USD", "as_of": AS_OF, "lines": []}));
    assert_eq!(paths(&e), [("/lines".to_owned(), "invalid_value")]);
}

#[test]
fn conversion_errors() {
    let req = |currency: &str, rate: &str| {
        json!({"currency": "USD", "as_of": AS_OF,
            "lines": [{"id": "a", "quantity": "1", "unit_price": "1.00"}],
            "conversion": {"currency": currency, "rate": rate}})
    };
    for currency in ["ABC", "XAU", "ANG", "eur"] {
        let e = err(req(currency, "1"));
        assert_eq!(e.code, ErrorCode::UnknownCurrency, "{currency}");
        assert_eq!(
            paths(&e),
            [("/conversion/currency".to_owned(), "unknown_currency")]
        );
    }
    for rate in ["0", "-0.5", "-0", "x", "1e3", "0.1234567890123"] {
        let e = err(req("EUR", rate));
        assert_eq!(paths(&e)[0].0, "/conversion/rate", "{rate}");
    }
    assert_eq!(err(req("EUR", "0")).code, ErrorCode::InvalidValue);
    assert_eq!(err(req("EUR", "x")).code, ErrorCode::InvalidValue);
    // Both at once, in request order.
    let e = err(req("ABC", "0"));
    assert_eq!(
        paths(&e),
        [
            ("/conversion/currency".to_owned(), "unknown_currency"),
            ("/conversion/rate".to_owned(), "invalid_value")
        ]
    );
    // A number is a type error; an unknown member is refused.
    let mut r = req("EUR", "1");
    r["conversion"]["rate"] = json!(0.9);
    assert_eq!(err(r).code, ErrorCode::InvalidType);
    let mut r = req("EUR", "1");
    r["conversion"]["source"] = json!("ecb");
    assert_eq!(err(r).code, ErrorCode::UnknownField);
}
