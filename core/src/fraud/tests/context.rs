//! Host-supplied context: the derived `amount_reference` (a `reference` currency and
//! rate) and comparisons between two attributes (`other_field`).

use serde_json::json;

use super::{base, ids, rule, run};
use crate::error::ErrorCode;
use crate::fraud::Value;

fn with_reference(
    payment: serde_json::Value,
    reference: serde_json::Value,
    rules: Vec<serde_json::Value>,
) -> serde_json::Value {
    let mut r = base(payment, rules);
    r["reference"] = reference;
    r
}

/// The derived amount, read back through an `eq` rule on each candidate.
fn derived(payment: serde_json::Value, reference: serde_json::Value, expect: &str) {
    let when = json!({"field": "amount_reference", "op": "eq", "value": expect});
    let r = run(with_reference(
        payment.clone(),
        reference.clone(),
        vec![rule("r", when, 1)],
    ))
    .expect("accepted");
    assert_eq!(ids(&r), ["r"], "{payment} {reference} -> {expect}");
    // And exactly: same kind and digits as a string (not only by value).
    let mut req: crate::fraud::ScoreRequest =
        crate::wire::decode(with_reference(payment, reference, vec![])).expect("decodes");
    let currency = super::super::rules::reference_currency(req.reference.as_ref()).expect("known");
    super::super::rules::derive(&mut req.payment, currency.zip(req.reference.as_ref()))
        .expect("derives");
    assert_eq!(
        req.payment.get("amount_reference"),
        Some(&Value::Str(expect.to_owned()))
    );
}

#[test]
fn amount_reference_is_exact() {
    let eur = json!({"currency": "EUR", "rate": "0.92"});
    derived(
        json!({"amount": "950.00", "currency": "USD"}),
        eur.clone(),
        "874.00",
    );
    derived(
        json!({"amount": 950, "currency": "USD"}),
        eur.clone(),
        "874.00",
    );
    // 12.34 × 0.92 = 11.3528 -> 11.35; 0.05 × 0.5 = 0.025 -> 0.02 (half to even).
    derived(json!({"amount": "12.34", "currency": "USD"}), eur, "11.35");
    derived(
        json!({"amount": "0.05", "currency": "USD"}),
        json!({"currency": "EUR", "rate": "0.5"}),
        "0.02",
    );
    derived(
        json!({"amount": "0.07", "currency": "USD"}),
        json!({"currency": "EUR", "rate": "0.5"}),
        "0.04",
    );
    // Into a currency without minor units and one with three.
    derived(
        json!({"amount": "10.00", "currency": "USD"}),
        json!({"currency": "JPY", "rate": "151.235"}),
        "1512",
    );
    derived(
        json!({"amount": "100", "currency": "USD"}),
        json!({"currency": "KWD", "rate": "0.30712"}),
        "30.712",
    );
    // Same currency at rate 1; a negative amount (a refund) converts too.
    derived(
        json!({"amount": "5", "currency": "EUR"}),
        json!({"currency": "EUR", "rate": "1.000"}),
        "5.00",
    );
    derived(
        json!({"amount": "-20.00", "currency": "GBP"}),
        json!({"currency": "EUR", "rate": "1.17"}),
        "-23.40",
    );
}

#[test]
fn amount_reference_in_rules() {
    let rules = vec![
        rule(
            "big",
            json!({"field": "amount_reference", "op": "gte", "value": "500"}),
            40,
        ),
        rule(
            "small",
            json!({"field": "amount_reference", "op": "lt", "value": 10}),
            5,
        ),
    ];
    let reference = json!({"currency": "EUR", "rate": "0.92"});
    let r = run(with_reference(
        json!({"amount": "543.48", "currency": "USD"}),
        reference.clone(),
        rules.clone(),
    ))
    .expect("accepted");
    // 543.48 × 0.92 = 500.0016 -> 500.00
    assert_eq!(ids(&r), ["big"]);
    let r = run(with_reference(
        json!({"amount": "543.47", "currency": "USD"}),
        reference,
        rules,
    ))
    .expect("accepted");
    // 543.47 × 0.92 = 499.9924 -> 499.99
    assert!(ids(&r).is_empty());
}

#[test]
fn reference_errors_have_paths() {
    let eur = json!({"currency": "EUR", "rate": "0.92"});
    let cases = [
        (
            with_reference(json!({"currency": "USD"}), eur.clone(), vec![]),
            ErrorCode::MissingField,
            "/payment/amount",
        ),
        (
            with_reference(json!({"amount": "1.00"}), eur.clone(), vec![]),
            ErrorCode::MissingField,
            "/payment/currency",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "usd"}),
                eur.clone(),
                vec![],
            ),
            ErrorCode::UnknownCurrency,
            "/payment/currency",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": 840}),
                eur.clone(),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/payment/currency",
        ),
        (
            with_reference(
                json!({"amount": "1.001", "currency": "USD"}),
                eur.clone(),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/payment/amount",
        ),
        (
            with_reference(
                json!({"amount": "lots", "currency": "USD"}),
                eur.clone(),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/payment/amount",
        ),
        (
            with_reference(
                json!({"amount": true, "currency": "USD"}),
                eur.clone(),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/payment/amount",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD"}),
                json!({"currency": "EUR", "rate": "0"}),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/reference/rate",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD"}),
                json!({"currency": "EUR", "rate": "-0.92"}),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/reference/rate",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "EUR"}),
                json!({"currency": "EUR", "rate": "0.92"}),
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/reference/rate",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD"}),
                json!({"currency": "EUR", "rate": 0.92}),
                vec![],
            ),
            ErrorCode::InvalidType,
            "/reference/rate",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD"}),
                json!({"currency": "XYZ", "rate": "1"}),
                vec![],
            ),
            ErrorCode::UnknownCurrency,
            "/reference/currency",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD"}),
                json!({"currency": "EUR"}),
                vec![],
            ),
            ErrorCode::MissingField,
            "/reference/rate",
        ),
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD"}),
                json!({"currency": "EUR", "rate": "1", "date": "2026-01-01"}),
                vec![],
            ),
            ErrorCode::UnknownField,
            "/reference/date",
        ),
        // The derived name is reserved, with or without a reference.
        (
            with_reference(
                json!({"amount": "1.00", "currency": "USD", "amount_reference": "0.92"}),
                eur,
                vec![],
            ),
            ErrorCode::InvalidValue,
            "/payment/amount_reference",
        ),
        (
            base(json!({"amount_reference": "0.92"}), vec![]),
            ErrorCode::InvalidValue,
            "/payment/amount_reference",
        ),
        // A rule reading it without a reference.
        (
            base(
                json!({}),
                vec![rule(
                    "r",
                    json!({"not": {"field": "amount_reference", "op": "gt", "value": 1}}),
                    1,
                )],
            ),
            ErrorCode::InvalidValue,
            "/rules/0/when/not/field",
        ),
        (
            base(
                json!({}),
                vec![rule(
                    "r",
                    json!({"field": "amount", "op": "gt", "other_field": "amount_reference"}),
                    1,
                )],
            ),
            ErrorCode::InvalidValue,
            "/rules/0/when/other_field",
        ),
    ];
    for (i, (req, code, path)) in cases.into_iter().enumerate() {
        let e = run(req.clone()).expect_err(&format!("case {i}: {req}"));
        assert_eq!(
            (e.code, e.details[0].path.as_str()),
            (code, path),
            "case {i}: {req} -> {e:?}"
        );
    }
}

#[test]
fn other_field_comparisons() {
    let payment = json!({
        "billing_country": "DE", "ip_country": "NG", "card_country": "DE",
        "amount": "120.50", "avg_amount": "40", "attempts": 3, "limit": "3.0"
    });
    let cases = [
        (
            json!({"field": "billing_country", "op": "ne", "other_field": "ip_country"}),
            true,
        ),
        (
            json!({"field": "billing_country", "op": "eq", "other_field": "card_country"}),
            true,
        ),
        (
            json!({"field": "billing_country", "op": "ne", "other_field": "card_country"}),
            false,
        ),
        (
            json!({"field": "amount", "op": "gt", "other_field": "avg_amount"}),
            true,
        ),
        (
            json!({"field": "amount", "op": "lte", "other_field": "avg_amount"}),
            false,
        ),
        // Numbers by value across kinds.
        (
            json!({"field": "attempts", "op": "eq", "other_field": "limit"}),
            true,
        ),
        (
            json!({"field": "attempts", "op": "gte", "other_field": "limit"}),
            true,
        ),
        (
            json!({"field": "attempts", "op": "lt", "other_field": "limit"}),
            false,
        ),
        // Not numbers: order comparisons are false.
        (
            json!({"field": "billing_country", "op": "gt", "other_field": "ip_country"}),
            false,
        ),
        // Either side absent: false, ne included.
        (
            json!({"field": "billing_country", "op": "ne", "other_field": "shipping_country"}),
            false,
        ),
        (
            json!({"field": "shipping_country", "op": "ne", "other_field": "billing_country"}),
            false,
        ),
        (
            json!({"not": {"field": "billing_country", "op": "eq", "other_field": "shipping_country"}}),
            true,
        ),
    ];
    for (i, (when, expected)) in cases.into_iter().enumerate() {
        let r = run(base(payment.clone(), vec![rule("r", when.clone(), 1)])).expect("accepted");
        assert_eq!(r.reasons.len() == 1, expected, "case {i}: {when}");
    }
}

#[test]
fn other_field_errors_have_paths() {
    let cases = [
        (
            json!({"field": "a", "op": "eq", "value": 1, "other_field": "b"}),
            ErrorCode::InvalidValue,
            "/rules/0/when/other_field",
        ),
        (
            json!({"field": "a", "op": "in", "other_field": "b"}),
            ErrorCode::InvalidValue,
            "/rules/0/when/other_field",
        ),
        (
            json!({"field": "a", "op": "exists", "other_field": "b"}),
            ErrorCode::InvalidValue,
            "/rules/0/when",
        ),
        (
            json!({"field": "a", "op": "eq", "other_field": "a"}),
            ErrorCode::InvalidValue,
            "/rules/0/when/other_field",
        ),
        (
            json!({"field": "a", "op": "eq", "other_field": 7}),
            ErrorCode::InvalidType,
            "/rules/0/when/other_field",
        ),
        (
            json!({"all": [], "other_field": "b"}),
            ErrorCode::InvalidValue,
            "/rules/0/when",
        ),
        (
            json!({"field": "a", "op": "eq", "other_field": "x".repeat(1025)}),
            ErrorCode::StringTooLong,
            "/rules/0/when/other_field",
        ),
    ];
    for (i, (when, code, path)) in cases.into_iter().enumerate() {
        let e = run(base(json!({}), vec![rule("r", when.clone(), 1)]))
            .expect_err(&format!("case {i}: {when}"));
        assert_eq!(
            (e.code, e.details[0].path.as_str()),
            (code, path),
            "case {i}: {when}"
        );
    }
}

#[test]
fn a_bad_rule_anywhere_rejects_the_whole_request() {
    // The first rule is fine and would fire; the last one is malformed: no partial answer.
    let good = rule("fires", json!({"all": []}), 10);
    let bad_op = rule("bad", json!({"field": "a", "op": "between", "value": 1}), 1);
    let bad_type = rule("bad", json!({"field": "a", "op": "gt", "value": "ten"}), 1);
    let unknown = rule("bad", json!({"field": "a", "op": "eq", "vale": 1}), 1);
    for (bad, code, path) in [
        (bad_op, ErrorCode::InvalidValue, "/rules/1/when/op"),
        (bad_type, ErrorCode::InvalidValue, "/rules/1/when/value"),
        (unknown, ErrorCode::UnknownField, "/rules/1/when/vale"),
    ] {
        let e = run(base(json!({"a": 1}), vec![good.clone(), bad])).expect_err("refused");
        assert_eq!((e.code, e.details[0].path.as_str()), (code, path));
    }
    let e = run(json!({"payment": {}, "rules": [good], "thresholds": {"review": 9, "decline": 1}}))
        .expect_err("refused");
    assert_eq!(e.details[0].path, "/thresholds/review");
}
