//! Work bounds, counted rather than timed: the smallest wasmtime fuel budget (fuel counts
//! executed WebAssembly instructions, deterministically) with which `dist/lockstep.wasm`
//! answers a pathological request, on inputs of size n and 2n. The growth between them
//! and the fuel per unit of work are the bounds documented in docs/security.md ("Work
//! bounds"). The largest requests the limits allow are answered (a response or the error
//! model) by the native CLI.
//!
//! Needs the artifacts (`scripts/build.sh`) and wasmtime.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::process::Command;

use lockstep_tests::targets::{Driver, root};
use serde_json::{Value, json};

/// Runs `dist/lockstep.wasm <op>` with `fuel` units; the answer line, or `None` when the
/// fuel ran out (a trap).
fn run_with_fuel(op: &str, request: &[u8], fuel: u64) -> Option<String> {
    let mut command = Command::new("wasmtime");
    command
        .arg("run")
        .arg("-W")
        .arg(format!("fuel={fuel}"))
        .arg(root().join("dist/lockstep.wasm"))
        .arg(op);
    let (status, stdout, stderr) = lockstep_tests::targets::spawn_with_stdin(command, request)
        .expect("start wasmtime (build dist/ with scripts/build.sh)");
    if stderr.contains("all fuel consumed") {
        return None;
    }
    assert!(
        matches!(status.code(), Some(0 | 2)),
        "wasmtime exited with {status}: {stderr}"
    );
    Some(stdout.trim_end().to_owned())
}

/// The fuel `op` needs for `request`, to within 1 %, and the answer; checks that the
/// answer is the in-process one and is a response or the error model.
fn fuel(op: &str, request: &Value) -> (u64, String) {
    let bytes = request.to_string().into_bytes();
    let mut hi = 1u64 << 20;
    let answer = loop {
        if let Some(a) = run_with_fuel(op, &bytes, hi) {
            break a;
        }
        hi *= 2;
        assert!(hi < 1 << 40, "{op}: no answer within 2^40 fuel");
    };
    let mut lo = hi / 2;
    while hi - lo > hi / 100 {
        let mid = lo + (hi - lo) / 2;
        if run_with_fuel(op, &bytes, mid).is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let expected = Driver::InProcess.run_single(op, &bytes).unwrap();
    let strip = |s: &str| {
        s.replace("\"target\":\"wasi\"", "")
            .replace("\"target\":\"native\"", "")
    };
    assert_eq!(strip(&answer), strip(&expected), "{op}");
    assert_answer(&answer);
    (hi, answer)
}

/// A response, or exactly the error model: `{"error":{"code","message","details"}}`.
fn assert_answer(answer: &str) {
    let v: Value = serde_json::from_str(answer).unwrap_or_else(|e| panic!("{e}: {answer}"));
    let obj = v.as_object().expect("an object");
    if let Some(err) = obj.get("error") {
        assert_eq!(obj.len(), 1, "{answer}");
        assert!(err["code"].is_string(), "{answer}");
        assert!(err["message"].is_string(), "{answer}");
        assert!(err["details"].is_array(), "{answer}");
    }
}

/// `lines` lines in category `a` and `promotions` stackable buy-1-get-1 promotions on
/// that category: every promotion visits and sorts every line.
fn overlapping_promotions(lines: usize, promotions: usize) -> Value {
    let lines: Vec<Value> = (0..lines)
        .map(|i| {
            json!({"id": format!("l{i:05}"), "quantity": "3",
                   "unit_price": format!("{}.99", i % 97 + 1), "categories": ["a"]})
        })
        .collect();
    let promotions: Vec<Value> = (0..promotions)
        .map(|j| {
            json!({"id": format!("p{j:04}"), "type": "buy_x_get_y", "buy": 1, "get": 1,
                   "applies_to": {"categories": ["a"]}})
        })
        .collect();
    json!({"currency": "EUR", "as_of": "2026-11-26T10:00:00Z", "lines": lines,
           "promotions": promotions})
}

/// `rules` rules, each a condition nested to the depth limit (8): `not` around `all`
/// around ... around an `in` over 256 long strings.
fn deep_rules(rules: usize) -> Value {
    let values: Vec<String> = (0..256).map(|k| format!("{k:0>64}")).collect();
    let rules: Vec<Value> = (0..rules)
        .map(|i| {
            let mut when = json!({"field": "country", "op": "in", "values": values});
            for d in 1..8 {
                when = if d % 2 == 0 {
                    json!({"not": when})
                } else {
                    json!({"all": [when, {"field": "amount", "op": "gt", "value": "1"}]})
                };
            }
            json!({"id": format!("r{i}"), "when": when, "score": 1, "reason": "deep"})
        })
        .collect();
    json!({"payment": {"amount": "10.00", "country": format!("{:0>64}", 255)},
           "rules": rules, "thresholds": {"review": 50, "decline": 100}})
}

/// Strings of `chars` characters in every validated text member.
fn long_strings(chars: usize) -> Value {
    let digits = |n: usize| "4242 ".repeat(n / 5);
    json!({"mode": "partial",
           "card": {"number": digits(chars), "cvc": "1".repeat(chars), "holder_name": "a".repeat(chars)},
           "iban": "DE89".repeat(chars / 4), "email": format!("{}@example.com", "a".repeat(chars - 12)),
           "phone": "+49".repeat(chars / 3), "vat_id": "DE".repeat(chars / 2)})
}

fn ratio(a: u64, b: u64) -> f64 {
    b as f64 / a as f64
}

#[test]
fn overlapping_promotions_cost_at_most_lines_times_promotions() {
    let (base, _) = fuel("quote", &overlapping_promotions(100, 20));
    let (lines2, _) = fuel("quote", &overlapping_promotions(200, 20));
    let (promos2, _) = fuel("quote", &overlapping_promotions(100, 40));
    let (both2, answer) = fuel("quote", &overlapping_promotions(200, 40));
    assert!(answer.starts_with("{\"currency\""), "{answer}");
    eprintln!(
        "quote fuel: 100x20 {base}, 200x20 {lines2} ({:.2}x), 100x40 {promos2} ({:.2}x), 200x40 {both2} ({:.2}x)",
        ratio(base, lines2),
        ratio(base, promos2),
        ratio(base, both2)
    );
    // Linear in lines (the per-promotion sort adds a log factor), linear in promotions.
    assert!(ratio(base, lines2) <= 2.3, "lines: {base} -> {lines2}");
    assert!(
        ratio(base, promos2) <= 2.3,
        "promotions: {base} -> {promos2}"
    );
    assert!(ratio(base, both2) <= 4.6, "both: {base} -> {both2}");
    // The documented constant (measured: about 10 600): at most 16 000 fuel per
    // (line x promotion) pair, request parsing included.
    assert!(both2 <= 16_000 * 200 * 40, "{both2}");
}

#[test]
fn rule_trees_at_the_nesting_limit_cost_linear_work() {
    let (base, _) = fuel("score", &deep_rules(8));
    let (double, answer) = fuel("score", &deep_rules(16));
    assert!(answer.starts_with("{\"score\""), "{answer}");
    eprintln!(
        "score fuel: 8 rules {base}, 16 rules {double} ({:.2}x)",
        ratio(base, double)
    );
    assert!(ratio(base, double) <= 2.2, "{base} -> {double}");
}

#[test]
fn strings_at_the_length_limits_cost_linear_work() {
    let (base, _) = fuel("validate", &long_strings(512));
    let (double, answer) = fuel("validate", &long_strings(1024));
    assert!(answer.starts_with("{\"valid\""), "{answer}");
    eprintln!(
        "validate fuel: 512 chars {base}, 1024 chars {double} ({:.2}x)",
        ratio(base, double)
    );
    assert!(ratio(base, double) <= 2.2, "{base} -> {double}");
}

#[test]
fn the_largest_requests_the_limits_allow_are_answered() {
    // Pricing's worst cases under MAX_LINE_PROMOTION_PAIRS (200 000 line x promotion
    // pairs): many lines with few promotions, and the most promotions over 200 lines.
    let biggest = [
        ("quote", overlapping_promotions(10_000, 20)),
        ("quote", overlapping_promotions(200, 1_000)),
        ("quote", overlapping_promotions(10_001, 1)),
        ("quote", overlapping_promotions(1, 1_001)),
        ("score", deep_rules(40)),
        ("validate", long_strings(1024)),
        ("validate", long_strings(1030)),
    ];
    for (op, request) in &biggest {
        let bytes = request.to_string().into_bytes();
        assert!(bytes.len() <= 1 << 20, "{op}: {} bytes", bytes.len());
        // At the limits and one past them, through the native CLI and the WASI command.
        let native = Driver::NativeCli.run_single(op, &bytes).unwrap();
        assert_answer(&native);
        assert_eq!(
            Driver::Wasmtime.run_single(op, &bytes).unwrap(),
            native,
            "{op}"
        );
    }
}

#[test]
fn too_many_line_promotion_pairs_are_refused_before_pricing() {
    let request = overlapping_promotions(10_000, 1_000)
        .to_string()
        .into_bytes();
    let answer = Driver::NativeCli.run_single("quote", &request).unwrap();
    assert!(
        answer.contains(r#""code":"too_many_promotions""#),
        "{answer}"
    );
    assert!(answer.contains(r#""path":"/promotions""#), "{answer}");
    // Refused before any pricing: far less work than pricing 200 000 pairs.
    let (refused, _) = fuel("quote", &overlapping_promotions(1_000, 201));
    let (priced, _) = fuel("quote", &overlapping_promotions(1_000, 200));
    assert!(refused * 10 < priced, "refused {refused}, priced {priced}");
}
