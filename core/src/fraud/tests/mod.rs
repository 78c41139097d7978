//! Tests of `score`: hand-checked cases, request errors, limits, properties, golden vectors.

mod context;
pub(crate) mod vectors;

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::error::ErrorCode;

fn request(v: serde_json::Value) -> Result<ScoreRequest, Error> {
    crate::wire::decode(v)
}

fn run(v: serde_json::Value) -> Result<ScoreResponse, Error> {
    score(request(v)?)
}

fn rule(id: &str, when: serde_json::Value, points: i64) -> serde_json::Value {
    json!({"id": id, "when": when, "score": points, "reason": format!("reason {id}")})
}

fn base(payment: serde_json::Value, rules: Vec<serde_json::Value>) -> serde_json::Value {
    json!({"payment": payment, "rules": rules, "thresholds": {"review": 50, "decline": 80}})
}

fn ids(r: &ScoreResponse) -> Vec<&str> {
    r.reasons.iter().map(|m| m.id.as_str()).collect()
}

#[test]
fn comparisons() {
    let payment = json!({"amount": "120.50", "attempts": 3, "country": "DE", "verified": false});
    let cases = [
        (
            json!({"field": "amount", "op": "gt", "value": "120.49"}),
            true,
        ),
        (json!({"field": "amount", "op": "gt", "value": 120}), true),
        (
            json!({"field": "amount", "op": "gte", "value": "120.5"}),
            true,
        ),
        (
            json!({"field": "amount", "op": "lt", "value": "120.50"}),
            false,
        ),
        (
            json!({"field": "amount", "op": "lte", "value": "120.500"}),
            true,
        ),
        (
            json!({"field": "amount", "op": "eq", "value": "120.5"}),
            true,
        ),
        (
            json!({"field": "attempts", "op": "eq", "value": "3.00"}),
            true,
        ),
        (json!({"field": "attempts", "op": "ne", "value": 3}), false),
        (json!({"field": "country", "op": "eq", "value": "DE"}), true),
        (
            json!({"field": "country", "op": "eq", "value": "de"}),
            false,
        ),
        (json!({"field": "country", "op": "gt", "value": 1}), false),
        (
            json!({"field": "country", "op": "in", "values": ["FR", "DE"]}),
            true,
        ),
        (
            json!({"field": "country", "op": "not_in", "values": ["FR", "DE"]}),
            false,
        ),
        (
            json!({"field": "verified", "op": "eq", "value": false}),
            true,
        ),
        (
            json!({"field": "verified", "op": "eq", "value": "false"}),
            false,
        ),
        (json!({"field": "verified", "op": "exists"}), true),
        (json!({"field": "ip", "op": "missing"}), true),
        // Comparisons on absent attributes are false, ne and not_in included.
        (json!({"field": "ip", "op": "ne", "value": "x"}), false),
        (
            json!({"field": "ip", "op": "not_in", "values": ["x"]}),
            false,
        ),
        (json!({"all": []}), true),
        (json!({"any": []}), false),
        (json!({"not": {"any": []}}), true),
        (
            json!({"all": [
                {"field": "country", "op": "eq", "value": "DE"},
                {"any": [{"field": "attempts", "op": "gte", "value": 5}, {"not": {"field": "verified", "op": "eq", "value": true}}]}
            ]}),
            true,
        ),
    ];
    for (i, (when, expected)) in cases.into_iter().enumerate() {
        let r = run(base(payment.clone(), vec![rule("r", when.clone(), 1)])).expect("accepted");
        assert_eq!(r.reasons.len() == 1, expected, "case {i}: {when}");
    }
}

#[test]
fn totals_and_decisions() {
    let payment = json!({"amount": "950.00", "new": true});
    let rules = vec![
        rule(
            "big",
            json!({"field": "amount", "op": "gte", "value": "500"}),
            40,
        ),
        rule(
            "new",
            json!({"field": "new", "op": "eq", "value": true}),
            10,
        ),
        rule("none", json!({"field": "vip", "op": "exists"}), 100),
    ];
    let r = run(base(payment.clone(), rules.clone())).expect("accepted");
    assert_eq!(
        (r.score, r.decision, ids(&r)),
        (50, Decision::Review, vec!["big", "new"])
    );
    let mut more = rules.clone();
    more.push(rule("again", json!({"all": []}), 30));
    let r = run(base(payment.clone(), more)).expect("accepted");
    assert_eq!((r.score, r.decision), (80, Decision::Decline));
    let mut less = rules;
    less.push(rule("trusted", json!({"all": []}), -1));
    let r = run(base(payment, less)).expect("accepted");
    assert_eq!((r.score, r.decision), (49, Decision::Approve));
    let r = run(json!({"payment": {}, "rules": [], "thresholds": {"review": 0, "decline": 0}}))
        .expect("accepted");
    assert_eq!((r.score, r.decision), (0, Decision::Decline));
}

#[test]
fn request_errors_have_paths() {
    let cases = [
        (
            json!({"payment": {}, "rules": []}),
            ErrorCode::MissingField,
            "/thresholds",
        ),
        (
            json!({"payment": {"amount": 1.5}, "rules": [], "thresholds": {"review": 1, "decline": 2}}),
            ErrorCode::InvalidType,
            "/payment/amount",
        ),
        (
            json!({"payment": {"a": {"b": 1}}, "rules": [], "thresholds": {"review": 1, "decline": 2}}),
            ErrorCode::InvalidType,
            "/payment/a",
        ),
        (
            base(
                json!({}),
                vec![
                    json!({"id": "x", "when": {"field": "a", "op": "eq", "value": 1}, "score": 1}),
                ],
            ),
            ErrorCode::MissingField,
            "/rules/0/reason",
        ),
        (
            base(
                json!({}),
                vec![rule(
                    "x",
                    json!({"field": "a", "op": "like", "value": 1}),
                    1,
                )],
            ),
            ErrorCode::InvalidValue,
            "/rules/0/when/op",
        ),
        (
            base(
                json!({}),
                vec![rule("x", json!({"field": "a", "op": "eq", "valu": 1}), 1)],
            ),
            ErrorCode::UnknownField,
            "/rules/0/when/valu",
        ),
        (
            base(
                json!({}),
                vec![rule("x", json!({"field": "a", "op": "eq"}), 1)],
            ),
            ErrorCode::MissingField,
            "/rules/0/when/value",
        ),
        (
            base(json!({}), vec![rule("x", json!({"field": "a"}), 1)]),
            ErrorCode::MissingField,
            "/rules/0/when/op",
        ),
        (
            base(
                json!({}),
                vec![rule("x", json!({"field": "a", "op": "in", "value": 1}), 1)],
            ),
            ErrorCode::InvalidValue,
            "/rules/0/when/value",
        ),
        (
            base(
                json!({}),
                vec![rule(
                    "x",
                    json!({"field": "a", "op": "gt", "value": "abc"}),
                    1,
                )],
            ),
            ErrorCode::InvalidValue,
            "/rules/0/when/value",
        ),
        (
            base(json!({}), vec![rule("x", json!({"all": [], "any": []}), 1)]),
            ErrorCode::InvalidValue,
            "/rules/0/when",
        ),
        (
            base(json!({}), vec![rule("x", json!({"all": [{"not": {}}]}), 1)]),
            ErrorCode::InvalidValue,
            "/rules/0/when/all/0/not",
        ),
        (
            base(
                json!({}),
                vec![
                    rule("x", json!({"all": []}), 1),
                    rule("x", json!({"all": []}), 1),
                ],
            ),
            ErrorCode::InvalidValue,
            "/rules/1/id",
        ),
        (
            base(json!({}), vec![rule("", json!({"all": []}), 1)]),
            ErrorCode::InvalidValue,
            "/rules/0/id",
        ),
        (
            base(json!({}), vec![rule("x", json!({"all": []}), 1001)]),
            ErrorCode::InvalidValue,
            "/rules/0/score",
        ),
        (
            json!({"payment": {}, "rules": [], "thresholds": {"review": 3, "decline": 2}}),
            ErrorCode::InvalidValue,
            "/thresholds/review",
        ),
    ];
    for (i, (req, code, path)) in cases.into_iter().enumerate() {
        let e = run(req).expect_err("refused");
        assert_eq!(
            (e.code, e.details[0].path.as_str()),
            (code, path),
            "case {i}: {}",
            e.message
        );
    }
}

#[test]
fn limits() {
    let many: Vec<_> = (0..=MAX_RULES)
        .map(|i| rule(&format!("r{i}"), json!({"all": []}), 1))
        .collect();
    let e = run(base(json!({}), many)).expect_err("too many rules");
    assert_eq!(
        (e.code, e.details[0].path.as_str()),
        (ErrorCode::TooManyRules, "/rules")
    );
    let ok: Vec<_> = (0..MAX_RULES)
        .map(|i| rule(&format!("r{i}"), json!({"all": []}), 1000))
        .collect();
    let r = run(base(json!({}), ok)).expect("at the limit");
    assert_eq!(r.score, 256_000);
    // Depth: 8 levels accepted, 9 refused.
    let nest = |levels: usize| {
        let mut c = json!({"field": "a", "op": "exists"});
        for _ in 1..levels {
            c = json!({"not": c});
        }
        c
    };
    assert!(
        run(base(
            json!({"a": 1}),
            vec![rule("d", nest(MAX_CONDITION_DEPTH), 1)]
        ))
        .is_ok()
    );
    let e = run(base(
        json!({}),
        vec![rule("d", nest(MAX_CONDITION_DEPTH + 1), 1)],
    ))
    .expect_err("too deep");
    assert_eq!(e.code, ErrorCode::RulesTooDeep);
    assert_eq!(
        e.details[0].path,
        format!("/rules/0/when{}", "/not".repeat(MAX_CONDITION_DEPTH))
    );
    let wide = json!({"any": vec![json!({"all": []}); MAX_CONDITIONS]});
    let e = run(base(json!({}), vec![rule("w", wide, 1)])).expect_err("too many nodes");
    assert_eq!(e.code, ErrorCode::LimitExceeded);
    let big = json!({"field": "a", "op": "in", "values": vec![json!(1); MAX_VALUES + 1]});
    assert_eq!(
        run(base(json!({}), vec![rule("v", big, 1)]))
            .expect_err("values")
            .code,
        ErrorCode::LimitExceeded
    );
}

fn leaf() -> impl Strategy<Value = serde_json::Value> {
    let field = prop::sample::select(vec!["a", "b", "c", "absent"]);
    let value = prop_oneof![
        any::<bool>().prop_map(serde_json::Value::from),
        (-5i64..5).prop_map(serde_json::Value::from),
        prop::sample::select(vec!["x", "y", "1.5", "-2"]).prop_map(serde_json::Value::from),
    ];
    let op = prop::sample::select(vec![
        "eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "exists", "missing",
    ]);
    (field, op, value.clone(), prop::collection::vec(value, 0..3)).prop_map(|(f, op, v, vs)| {
        match op {
            "in" | "not_in" => json!({"field": f, "op": op, "values": vs}),
            "exists" | "missing" => json!({"field": f, "op": op}),
            "gt" | "gte" | "lt" | "lte" => {
                json!({"field": f, "op": op, "value": v.as_i64().unwrap_or(1)})
            }
            _ => json!({"field": f, "op": op, "value": v}),
        }
    })
}

fn condition() -> impl Strategy<Value = serde_json::Value> {
    leaf().prop_recursive(5, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| json!({"all": v})),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| json!({"any": v})),
            inner.prop_map(|c| json!({"not": c})),
        ]
    })
}

proptest! {
    #[test]
    fn score_is_the_sum_and_decision_follows_thresholds(
        conds in prop::collection::vec(condition(), 0..8),
        points in prop::collection::vec(-1000i64..=1000, 8),
        a in -3i64..3,
        b in prop::sample::select(vec!["x", "1.5", "y"]),
        c in any::<bool>(),
        review in -100i64..100,
        gap in 0i64..100,
    ) {
        let rules: Vec<_> = conds.iter().zip(&points).enumerate()
            .map(|(i, (w, p))| rule(&format!("r{i}"), w.clone(), *p)).collect();
        let req = json!({"payment": {"a": a, "b": b, "c": c}, "rules": rules,
            "thresholds": {"review": review, "decline": review + gap}});
        let r = run(req.clone()).expect("accepted");
        prop_assert_eq!(r.score, r.reasons.iter().map(|m| m.score).sum::<i64>());
        let expected = if r.score >= review + gap { Decision::Decline }
            else if r.score >= review { Decision::Review } else { Decision::Approve };
        prop_assert_eq!(r.decision, expected);
        // Same request, same bytes.
        let again = run(req).expect("accepted");
        prop_assert_eq!(crate::wire::to_json(&r), crate::wire::to_json(&again));
    }

    #[test]
    fn not_inverts(cond in condition(), a in -3i64..3, c in any::<bool>()) {
        let payment = json!({"a": a, "c": c});
        let yes = run(base(payment.clone(), vec![rule("r", cond.clone(), 1)])).expect("ok").reasons.len();
        let no = run(base(payment, vec![rule("r", json!({"not": cond}), 1)])).expect("ok").reasons.len();
        prop_assert_eq!(yes + no, 1);
    }
}
