//! The cross-target conformance check: the same request lines through the core
//! in-process, the native CLI, `wasmtime run dist/lockstep.wasm` (and the precompiled
//! .cwasm), the npm package in Node.js and in a page in headless Chromium, and the
//! components (docs/components.md), byte for byte.
//!
//! Needs the artifacts (`scripts/build.sh`), wasmtime, node and chromium: it fails when
//! they are missing (outside CI a missing chromium only skips that target, loudly).
//! Case count: `LOCKSTEP_CASES` (default 2000), seed: `LOCKSTEP_SEED`. The same suite
//! runs standalone: `cargo run -p lockstep-tests --bin conformance -- --cases N`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use lockstep_tests::cases;
use lockstep_tests::conformance::{self, Config};
use lockstep_tests::targets::Driver;

#[test]
fn every_target_answers_with_the_same_bytes() {
    let mut config = Config::default();
    if let Some(n) = std::env::var("LOCKSTEP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        config.cases = n;
    }
    if let Some(s) = std::env::var("LOCKSTEP_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        config.seed = s;
    }
    // On CI (and under scripts/test.sh) a missing browser fails the suite.
    config.drivers = lockstep_tests::targets::available_drivers().unwrap();
    // The component targets (pure component in wasmtime and jco, wasmtime serve).
    config.drivers.extend(Driver::COMPONENTS);
    let report = conformance::run(&config).unwrap();
    assert_eq!(
        report.total_mismatches(),
        0,
        "{}\n(report: target/conformance/report.md)",
        report.mismatches.join("\n")
    );
    let generated = report
        .cells
        .iter()
        .filter(|c| c.suite == "generated")
        .map(|c| c.cases)
        .min()
        .unwrap();
    assert!(
        generated >= config.cases,
        "only {generated} generated cases"
    );
    eprintln!(
        "conformance: seed {}, {} generated cases x {} targets, 0 mismatches",
        config.seed,
        generated,
        config.drivers.len()
    );
}

#[test]
fn a_mismatch_is_reported_with_a_diff() {
    let d = conformance::diff(r#"{"a":"1.00"}"#, r#"{"a":"1.0"}"#);
    assert!(d.contains("first difference at char 9"), "{d}");
}

#[test]
fn hand_written_cases_give_their_documented_codes() {
    let answers = Driver::InProcess.run(&cases::fixed()).unwrap();
    let code = |i: usize| -> String {
        let v: serde_json::Value = serde_json::from_str(&answers[i]).unwrap();
        v["error"]["code"].as_str().unwrap_or("ok").to_owned()
    };
    let expected = [
        "ok",
        "unknown_field",
        "invalid_type",
        "invalid_type",
        "invalid_type",
        "unknown_field",
        "missing_field",
        "ok",
        "missing_field",
        "invalid_type",
        "unknown_operation",
        "unknown_operation",
        "invalid_type",
        "missing_field",
        "missing_field",
        "unknown_field",
        "invalid_json",
        "invalid_json",
        "invalid_json",
        "unknown_field",
        "invalid_json",
        "unknown_field",
        "invalid_type",
        "invalid_type",
        "invalid_type",
        "invalid_json",
        "invalid_json",
        "nesting_too_deep",
    ];
    let got: Vec<String> = (0..expected.len()).map(code).collect();
    assert_eq!(got, expected);
}

/// Serializes `v` with every object's members in reverse order.
fn reversed(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(m) => {
            let members: Vec<String> = m
                .iter()
                .rev()
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), reversed(v)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        serde_json::Value::Array(a) => {
            format!("[{}]", a.iter().map(reversed).collect::<Vec<_>>().join(","))
        }
        other => other.to_string(),
    }
}

#[test]
fn member_order_never_changes_an_answer() {
    let vectors =
        lockstep_tests::vectors::load(&lockstep_tests::targets::root().join("tests/vectors"))
            .unwrap();
    let mut lines = Vec::new();
    for v in &vectors {
        if let lockstep_tests::vectors::Input::Line(line) = &v.input {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            lines.push(line.clone());
            lines.push(reversed(&value));
        }
    }
    assert!(lines.len() >= 40);
    assert_ne!(lines[0], lines[1]);
    for driver in lockstep_tests::targets::available_drivers().unwrap() {
        let answers = driver.run(&lines).unwrap();
        for pair in answers.chunks(2) {
            assert_eq!(pair[0], pair[1], "{}", driver.name());
        }
    }
}
