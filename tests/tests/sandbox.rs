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

fn run_wasmtime(extra: &[&str], op: &str, stdin: &[u8]) -> (i32, String) {
    use std::io::Write;
    let mut child = std::process::Command::new("wasmtime")
        .arg("run")
        .args(extra)
        .arg(root().join("dist/lockstep.wasm"))
        .arg(op)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn granted_directories_environment_and_network_change_nothing() {
    let dir = std::env::temp_dir().join("lockstep-sandbox-grant");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("secret.txt"), "do not read").unwrap();
    let mapped = format!("{}::/", dir.display());
    let grants = [
        "--dir",
        mapped.as_str(),
        "--env",
        "RUST_BACKTRACE=full",
        "--env",
        "LOCKSTEP_SECRET=hunter2",
        "-S",
        "inherit-env=y",
        "-S",
        "inherit-network=y",
        "-S",
        "allow-ip-name-lookup=y",
    ];
    for (op, stdin) in [
        ("version", &b"{}"[..]),
        ("version", &b"{\"x\":1}"[..]),
        ("quote", &b"{}"[..]),
    ] {
        let plain = run_wasmtime(&[], op, stdin);
        let granted = run_wasmtime(&grants, op, stdin);
        assert_eq!(plain, granted, "{op}");
        assert!(!granted.1.contains("hunter2"));
    }
    // The module cannot even name what the grants would offer.
    let found = imports("dist/lockstep.wasm");
    for forbidden in [
        "path_open",
        "fd_readdir",
        "environ_get",
        "environ_sizes_get",
        "sock_accept",
        "sock_recv",
        "sock_send",
        "clock_time_get",
        "random_get",
        "proc_raise",
    ] {
        assert!(
            !found.iter().any(|(_, n)| n == forbidden),
            "imports {forbidden}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn node_wasi_with_env_and_preopens_answers_the_same() {
    let out = std::process::Command::new("node")
        .arg("--no-warnings")
        .arg(root().join("tests/node/wasi-run.mjs"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (_, plain) = run_wasmtime(&[], "version", b"{}");
    assert_eq!(stdout, plain);
}
