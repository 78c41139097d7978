//! The conformance runner: the same request lines through every target, compared byte
//! for byte, with a report people can read (`target/conformance/report.md` and `.json`)
//! and, for each mismatch, the request, every target's answer, a minimal diff and a
//! vector candidate under `target/conformance/candidates/`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use serde_json::json;

use crate::targets::{Driver, root};
use crate::{cases, generate};

/// What to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Generated requests per target (CI: 2 000; overnight: 1 000 000).
    pub cases: usize,
    /// Seed of the generated requests (recorded in the report).
    pub seed: u64,
    /// Targets to compare against the in-process reference.
    pub drivers: Vec<Driver>,
    /// Where the report and candidates go.
    pub out_dir: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            cases: 2000,
            seed: 20_261_126,
            drivers: Driver::ALL.into_iter().chain(Driver::COMPONENTS).collect(),
            out_dir: root().join("target/conformance"),
        }
    }
}

/// One target's result on one suite.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The suite.
    pub suite: &'static str,
    /// The target.
    pub driver: Driver,
    /// Requests answered.
    pub cases: usize,
    /// Answers that differ from the reference (or, for `determinism`, from themselves).
    pub mismatches: usize,
    /// Wall time of the target's run, milliseconds (process start included).
    pub millis: u128,
}

/// The whole run.
#[derive(Debug, Clone)]
pub struct Report {
    /// The seed used.
    pub seed: u64,
    /// Generated cases per target.
    pub cases: usize,
    /// Targets × suites.
    pub cells: Vec<Cell>,
    /// Human-readable mismatch descriptions.
    pub mismatches: Vec<String>,
    /// What the generated requests exercised: `op: ok` or `op: error code`, counted.
    pub outcomes: std::collections::BTreeMap<String, usize>,
}

impl Report {
    /// Total mismatches over all cells.
    ///
    /// ```
    /// let r = lockstep_tests::conformance::Report {
    ///     seed: 1, cases: 0, cells: vec![], mismatches: vec![], outcomes: Default::default(),
    /// };
    /// assert_eq!(r.total_mismatches(), 0);
    /// ```
    pub fn total_mismatches(&self) -> usize {
        self.cells.iter().map(|c| c.mismatches).sum()
    }
}

/// `version` names its target; every other byte must match.
fn normalize(line: &str, driver: Driver) -> String {
    line.replace(
        &format!(r#""target":"{}""#, driver.target()),
        r#""target":"native""#,
    )
}

/// The first differing character and some context on each side.
///
/// ```
/// let d = lockstep_tests::conformance::diff("abcdef", "abcXef");
/// assert!(d.contains("at char 3"));
/// ```
pub fn diff(want: &str, got: &str) -> String {
    let at = want
        .chars()
        .zip(got.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let context = |s: &str| -> String {
        let start = at.saturating_sub(30);
        s.chars().skip(start).take(70).collect()
    };
    format!(
        "first difference at char {at}:\n    reference: …{}…\n    target:    …{}…",
        context(want),
        context(got)
    )
}

/// Runs every suite on every target and writes the report.
///
/// ```no_run
/// let report = lockstep_tests::conformance::run(&Default::default()).unwrap();
/// assert_eq!(report.total_mismatches(), 0);
/// ```
pub fn run(config: &Config) -> Result<Report, String> {
    let suites: Vec<(&'static str, Vec<String>)> = vec![
        ("fixed", cases::fixed()),
        ("generated", {
            let mut l = generate::lines(config.seed, config.cases);
            l.extend(cases::generated(config.seed, config.cases / 4));
            l
        }),
    ];
    let mut report = Report {
        seed: config.seed,
        cases: config.cases,
        cells: Vec::new(),
        mismatches: Vec::new(),
        outcomes: Default::default(),
    };
    let candidates = config.out_dir.join("candidates");
    for (suite, lines) in &suites {
        let reference = Driver::InProcess.run(lines)?;
        if *suite == "generated" {
            for (line, answer) in lines.iter().zip(&reference) {
                *report.outcomes.entry(outcome(line, answer)).or_default() += 1;
            }
        }
        for &driver in &config.drivers {
            // A target that cannot carry a line (HTTP: a broken envelope) skips it;
            // the report counts what each target answered.
            let taken: Vec<usize> = (0..lines.len())
                .filter(|&i| driver.accepts(&lines[i]))
                .collect();
            let all = taken.len() == lines.len();
            let (lines, reference): (Vec<String>, Vec<String>) = if all {
                (lines.clone(), reference.clone())
            } else {
                taken
                    .iter()
                    .map(|&i| (lines[i].clone(), reference[i].clone()))
                    .unzip()
            };
            let (lines, reference) = (&lines, reference.as_slice());
            let started = Instant::now();
            let answers = driver.run(lines)?;
            let millis = started.elapsed().as_millis();
            let mut mismatches = 0;
            if answers.len() != lines.len() {
                mismatches += lines.len().abs_diff(answers.len()).max(1);
                report.mismatches.push(format!(
                    "{suite}/{}: {} answers for {} requests",
                    driver.name(),
                    answers.len(),
                    lines.len()
                ));
            }
            for (i, (got, want)) in answers.iter().zip(reference).enumerate() {
                if normalize(got, driver) == normalize(want, Driver::InProcess) {
                    continue;
                }
                mismatches += 1;
                let file = candidates.join(format!("{suite}-{}-{i}.json", driver.name()));
                let candidate = json!({
                    "description": format!("candidate from a conformance mismatch: suite {suite}, seed {}, line {i}; review the expected answer by hand", config.seed),
                    "op": "see batch_line",
                    "batch_line": lines[i],
                    "answers": { "native-in-process": want, driver.name(): got },
                });
                let _ = std::fs::create_dir_all(&candidates);
                let _ = std::fs::write(&file, format!("{candidate:#}\n"));
                report.mismatches.push(format!(
                    "{suite}/{} line {i} (seed {}):\n  request:   {}\n  native:    {want}\n  {}: {got}\n  {}\n  candidate: {}",
                    driver.name(),
                    config.seed,
                    lines[i],
                    driver.name(),
                    diff(want, got),
                    file.display()
                ));
            }
            report.cells.push(Cell {
                suite,
                driver,
                cases: lines.len(),
                mismatches,
                millis,
            });
        }
    }
    determinism(config, &mut report)?;
    write(config, &report)?;
    Ok(report)
}

/// `op: ok` or `op: <error code>` for one generated line and its answer.
fn outcome(line: &str, answer: &str) -> String {
    let op = serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v["op"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "(malformed)".to_owned());
    let code = serde_json::from_str::<serde_json::Value>(answer)
        .ok()
        .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "ok".to_owned());
    format!("{op}: {code}")
}

/// The same requests twice in one instance, and again in a fresh instance: same bytes.
fn determinism(config: &Config, report: &mut Report) -> Result<(), String> {
    for &driver in &config.drivers {
        let once: Vec<String> = cases::fixed()
            .into_iter()
            .filter(|l| driver.accepts(l))
            .collect();
        let mut twice = once.clone();
        twice.extend(once.iter().cloned());
        let started = Instant::now();
        let first = driver.run(&twice)?;
        let fresh = driver.run(&once)?;
        let millis = started.elapsed().as_millis();
        let (a, b) = first.split_at(first.len().min(once.len()));
        let mut mismatches = 0;
        for (i, ((x, y), z)) in a.iter().zip(b).zip(&fresh).enumerate() {
            if x != y || x != z {
                mismatches += 1;
                report.mismatches.push(format!(
                    "determinism/{} line {i}: {x} | {y} | {z}",
                    driver.name()
                ));
            }
        }
        if a.len() != once.len() || b.len() != once.len() || fresh.len() != once.len() {
            mismatches += 1;
        }
        report.cells.push(Cell {
            suite: "determinism",
            driver,
            cases: twice.len() + once.len(),
            mismatches,
            millis,
        });
    }
    Ok(())
}

fn write(config: &Config, report: &Report) -> Result<(), String> {
    std::fs::create_dir_all(&config.out_dir).map_err(|e| e.to_string())?;
    let mut md = String::new();
    let _ = writeln!(md, "# Conformance report\n");
    let _ = writeln!(
        md,
        "Seed {}, {} generated cases per target. Replay: `cargo run -p lockstep-tests --bin conformance -- --seed {} --cases {}`.\n",
        report.seed, report.cases, report.seed, report.cases
    );
    let _ = writeln!(
        md,
        "| suite | target | cases | mismatches | time (ms) |\n|---|---|---|---|---|"
    );
    for c in &report.cells {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |",
            c.suite,
            c.driver.name(),
            c.cases,
            c.mismatches,
            c.millis
        );
    }
    let _ = writeln!(md, "\nTotal mismatches: {}.", report.total_mismatches());
    let _ = writeln!(
        md,
        "\nWhat the generated requests exercised (reference answers):\n\n| operation: outcome | count |\n|---|---|"
    );
    for (k, n) in &report.outcomes {
        let _ = writeln!(md, "| {k} | {n} |");
    }
    for m in &report.mismatches {
        let _ = writeln!(md, "\n```\n{m}\n```");
    }
    std::fs::write(config.out_dir.join("report.md"), md).map_err(|e| e.to_string())?;
    let cells: Vec<_> = report
        .cells
        .iter()
        .map(|c| {
            json!({"suite": c.suite, "target": c.driver.name(), "cases": c.cases,
                   "mismatches": c.mismatches, "millis": c.millis as u64})
        })
        .collect();
    let doc = json!({"seed": report.seed, "cases": report.cases, "cells": cells,
                     "mismatches": report.mismatches, "outcomes": report.outcomes});
    std::fs::write(config.out_dir.join("report.json"), format!("{doc:#}\n"))
        .map_err(|e| e.to_string())
}
