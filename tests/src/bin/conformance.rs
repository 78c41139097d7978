//! `cargo run -p lockstep-tests --bin conformance -- [--cases N] [--seed S] [--targets a,b]`
//! `cargo run -p lockstep-tests --bin conformance -- [--seed S] --dump N` prints the
//! first N generated request lines (replay one with `dist/native/lockstep --batch`).
//!
//! Runs the conformance suite and writes `target/conformance/report.md` and `.json`.
//! Exits 1 on any mismatch. Targets: native-in-process, native-cli, wasmtime,
//! wasmtime-cwasm, node, chromium, component-wasmtime, component-jco, wasmtime-serve
//! (default: all).

use lockstep_tests::conformance::{self, Config};
use lockstep_tests::targets::Driver;

fn main() -> std::process::ExitCode {
    let mut config = Config::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--cases" => config.cases = value.parse().unwrap_or(config.cases),
            "--seed" => config.seed = value.parse().unwrap_or(config.seed),
            "--dump" => {
                // Print the generated lines (for replaying one with `lockstep --batch`).
                let n = value.parse().unwrap_or(config.cases);
                for line in lockstep_tests::generate::lines(config.seed, n) {
                    println!("{line}");
                }
                return std::process::ExitCode::SUCCESS;
            }
            "--targets" => {
                config.drivers = Driver::ALL
                    .into_iter()
                    .chain(Driver::COMPONENTS)
                    .filter(|d| value.split(',').any(|n| n == d.name()))
                    .collect();
            }
            _ => {
                eprintln!("usage: conformance [--cases N] [--seed S] [--targets a,b]");
                return std::process::ExitCode::from(2);
            }
        }
    }
    match conformance::run(&config) {
        Ok(report) => {
            for c in &report.cells {
                println!(
                    "{:12} {:18} {:8} cases {:4} mismatches {:7} ms",
                    c.suite,
                    c.driver.name(),
                    c.cases,
                    c.mismatches,
                    c.millis
                );
            }
            println!("report: target/conformance/report.md");
            if report.total_mismatches() == 0 {
                std::process::ExitCode::SUCCESS
            } else {
                for m in &report.mismatches {
                    eprintln!("{m}");
                }
                std::process::ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("conformance: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
