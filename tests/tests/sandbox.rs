//! The sandbox, checked on the artifacts themselves: what each .wasm can import is all
//! it can ever reach.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use lockstep_tests::targets::root;

fn imports(path: &str) -> Vec<(String, String)> {
    let bytes = std::fs::read(root().join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}; build it with scripts/build.sh"));
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        if let wasmparser::Payload::ImportSection(reader) = payload.unwrap() {
            for import in reader.into_imports() {
                let import = import.unwrap();
                out.push((import.module.to_owned(), import.name.to_owned()));
            }
        }
    }
    out
}

#[test]
fn the_wasi_command_imports_only_stdio_args_and_exit() {
    let allowed = [
        "args_get",
        "args_sizes_get",
        "fd_read",
        "fd_write",
        "proc_exit",
    ];
    let found = imports("dist/lockstep.wasm");
    assert!(!found.is_empty());
    for (module, name) in &found {
        assert_eq!(module, "wasi_snapshot_preview1", "{module}::{name}");
        assert!(
            allowed.contains(&name.as_str()),
            "dist/lockstep.wasm imports {module}::{name}; only {allowed:?} are allowed \
             (no files, clock, random, environment or sockets)"
        );
    }
    // stdin and stdout are actually used.
    for needed in ["fd_read", "fd_write"] {
        assert!(found.iter().any(|(_, n)| n == needed), "{needed} missing");
    }
}

#[test]
fn the_npm_wasm_imports_no_clock_randomness_or_network() {
    let found = imports("dist/npm/lockstep_web_bg.wasm");
    assert!(!found.is_empty());
    let denied = [
        "date",
        "random",
        "crypto",
        "fetch",
        "timeout",
        "interval",
        "performance",
        "now",
        "wasi",
        "process",
        "require",
    ];
    for (module, name) in &found {
        let lower = name.to_ascii_lowercase();
        for word in denied {
            assert!(
                !lower.contains(word) && !module.contains(word),
                "the npm wasm imports {module}::{name}"
            );
        }
    }
}
