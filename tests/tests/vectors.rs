//! Every golden vector in `tests/vectors/` on every target: the in-process answer must
//! equal the vector's hand-checked `expected`, and every other target must answer the
//! same bytes. A mismatch prints the request, each answer, and the vector's file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use lockstep_tests::targets::{Driver, root};
use lockstep_tests::vectors::{self, Input};

fn normalize(line: &str, driver: Driver) -> String {
    line.replace(
        &format!(r#""target":"{}""#, driver.target()),
        r#""target":"native""#,
    )
}

#[test]
fn golden_vectors_hold_on_every_target() {
    let all = vectors::load(&root().join("tests/vectors")).unwrap();
    assert!(all.len() >= 10, "only {} vectors", all.len());
    let lines: Vec<String> = all
        .iter()
        .filter_map(|v| match &v.input {
            Input::Line(l) => Some(l.clone()),
            Input::Single(_) => None,
        })
        .collect();
    let mut answers: Vec<Vec<String>> = Vec::new();
    for driver in Driver::ALL {
        let mut batch = driver.run(&lines).unwrap().into_iter();
        let mut mine = Vec::new();
        for v in &all {
            let answer = match &v.input {
                Input::Line(_) => batch.next().unwrap(),
                Input::Single(text) => driver.run_single(&v.op, text.as_bytes()).unwrap(),
            };
            mine.push(normalize(&answer, driver));
        }
        answers.push(mine);
    }
    let mut failures = Vec::new();
    for (i, v) in all.iter().enumerate() {
        let reference = &answers[0][i];
        let got: serde_json::Value = serde_json::from_str(reference).unwrap();
        if got != v.expected {
            failures.push(format!(
                "{}: expected {}\n  got      {reference}",
                v.file.display(),
                v.expected
            ));
        }
        for (d, driver) in Driver::ALL.iter().enumerate().skip(1) {
            if &answers[d][i] != reference {
                failures.push(format!(
                    "{}: {} answered {}\n  native answered {reference}",
                    v.file.display(),
                    driver.name(),
                    answers[d][i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!(
        "vectors: {} x {} targets identical and as expected",
        all.len(),
        Driver::ALL.len()
    );
}
