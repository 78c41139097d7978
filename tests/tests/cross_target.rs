//! The first cross-target check: the same request lines through the core in-process,
//! the native CLI, `wasmtime run dist/lockstep.wasm` (and the precompiled .cwasm) and
//! the npm package in Node.js, compared byte for byte.
//!
//! Needs the artifacts (`scripts/build.sh`), wasmtime and node: it fails, never skips,
//! when they are missing. Case count: `LOCKSTEP_CASES` (default 2000 generated lines).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use lockstep_tests::cases;
use lockstep_tests::targets::Driver;

/// `version` names its target; everything else must be identical.
fn normalize(line: &str, driver: Driver) -> String {
    line.replace(
        &format!(r#""target":"{}""#, driver.target()),
        r#""target":"<target>""#,
    )
}

#[test]
fn every_target_answers_with_the_same_bytes() {
    let n: usize = std::env::var("LOCKSTEP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let seed: u64 = std::env::var("LOCKSTEP_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20261126);
    let mut lines = cases::fixed();
    lines.extend(cases::generated(seed, n));

    let reference = Driver::InProcess.run(&lines).unwrap();
    assert_eq!(reference.len(), lines.len());
    let mut failures = Vec::new();
    for driver in Driver::ALL.into_iter().skip(1) {
        let answers = driver
            .run(&lines)
            .unwrap_or_else(|e| panic!("{}: {e}", driver.name()));
        assert_eq!(
            answers.len(),
            lines.len(),
            "{} answered {} lines for {} requests",
            driver.name(),
            answers.len(),
            lines.len()
        );
        for (i, (got, want)) in answers.iter().zip(&reference).enumerate() {
            if normalize(got, driver) != normalize(want, Driver::InProcess) {
                failures.push(format!(
                    "{} differs on line {i} (seed {seed}):\n  request: {}\n  native:  {want}\n  {}: {got}",
                    driver.name(),
                    lines[i],
                    driver.name()
                ));
            }
        }
        // The target name is the only permitted difference.
        let version = answers
            .iter()
            .find(|a| a.contains(r#""name":"lockstep""#))
            .unwrap();
        assert!(version.contains(&format!(r#""target":"{}""#, driver.target())));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!(
        "cross-target: {} lines x {} targets identical",
        lines.len(),
        Driver::ALL.len()
    );
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
        "not_implemented",
        "not_implemented",
        "not_implemented",
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
