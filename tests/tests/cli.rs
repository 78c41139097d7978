//! The command-line contract, on the native CLI and on `wasmtime run dist/lockstep.wasm`:
//! exit codes, stdout/stderr, --help, --version, --batch, limits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::io::Write;
use std::process::{Command, Stdio};

use lockstep_tests::targets::root;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn commands() -> Vec<(&'static str, Command)> {
    let native = Command::new(root().join("dist/native/lockstep"));
    let mut wasi = Command::new("wasmtime");
    wasi.arg("run").arg(root().join("dist/lockstep.wasm"));
    vec![("native", native), ("wasmtime", wasi)]
}

fn run(mut command: Command, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the CLI (build it with scripts/build.sh)");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn each(args: &[&str], stdin: &[u8], check: impl Fn(&str, &Run)) {
    for (name, command) in commands() {
        check(name, &run(command, args, stdin));
    }
}

#[test]
fn success_exits_zero_with_one_json_line() {
    each(&["version"], b"{}", |t, r| {
        assert_eq!(r.code, 0, "{t}: {}", r.stderr);
        assert!(
            r.stdout.ends_with("}\n") && r.stdout.lines().count() == 1,
            "{t}"
        );
        assert!(r.stdout.contains(r#""name":"lockstep""#), "{t}");
        assert!(r.stderr.is_empty(), "{t}");
    });
}

#[test]
fn bad_input_exits_two_with_error_json_and_one_stderr_line() {
    let cases: [(&[&str], &[u8], &str); 7] = [
        (&["version"], b"{", "invalid_json"),
        (&["version"], b"", "empty_request"),
        (&["version"], b"\xff\xfe", "invalid_utf8"),
        (&["version"], b"[]", "invalid_type"),
        (&["version"], br#"{"x":1}"#, "unknown_field"),
        (&["refund"], b"{}", "unknown_operation"),
        (&["--frobnicate"], b"", "usage"),
    ];
    for (args, stdin, code) in cases {
        each(args, stdin, |t, r| {
            assert_eq!(r.code, 2, "{t} {args:?}");
            let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
            assert_eq!(v["error"]["code"], code, "{t} {args:?}");
            assert_eq!(r.stderr.lines().count(), 1, "{t}: {}", r.stderr);
            assert!(r.stderr.contains(code), "{t}: {}", r.stderr);
        });
    }
}

#[test]
fn a_failure_that_is_not_the_callers_exits_one() {
    // stdout is /dev/full: the answer cannot be written (ENOSPC).
    for (name, mut command) in commands() {
        let status = command
            .arg("version")
            .stdin(Stdio::piped())
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .stderr(Stdio::null())
            .spawn()
            .and_then(|mut child| {
                child.stdin.take().unwrap().write_all(b"{}")?;
                child.wait()
            })
            .unwrap();
        assert_eq!(status.code(), Some(1), "{name}");
    }
}

#[test]
fn help_and_version_flags() {
    each(&["--help"], b"", |t, r| {
        assert_eq!(r.code, 0, "{t}");
        assert!(r.stdout.contains("lockstep --batch"), "{t}");
    });
    each(&["--version"], b"", |t, r| {
        assert_eq!(r.code, 0, "{t}");
        assert!(r.stdout.contains(r#""wire_format":1"#), "{t}");
    });
}

#[test]
fn batch_answers_each_line_and_skips_blank_ones() {
    let input = b"{\"op\":\"version\",\"request\":{}}\n\n{bad\n{\"op\":\"score\",\"request\":{}}";
    each(&["--batch"], input, |t, r| {
        assert_eq!(r.code, 0, "{t}: {}", r.stderr);
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), 3, "{t}: {}", r.stdout);
        assert!(lines[0].contains(r#""name":"lockstep""#));
        assert!(lines[1].contains(r#""code":"invalid_json""#));
        assert!(lines[2].contains(r#""code":"missing_field""#));
    });
}

#[test]
fn a_100_mb_line_is_refused_without_a_crash() {
    let limit = lockstep_core::limits::MAX_REQUEST_BYTES;
    let mut huge = vec![b' '; 100 * 1024 * 1024];
    huge[0] = b'{';
    // Single request: refused with request_too_large, exit 2.
    each(&["version"], &huge, |t, r| {
        assert_eq!(r.code, 2, "{t}: {}", r.stderr);
        assert!(r.stdout.contains(r#""code":"request_too_large""#), "{t}");
    });
    // Batch: the long line is skipped unbuffered, the next one still answered.
    let mut input = huge.clone();
    input.extend_from_slice(b"\n{\"op\":\"version\",\"request\":{}}\n");
    each(&["--batch"], &input, |t, r| {
        assert_eq!(r.code, 0, "{t}: {}", r.stderr);
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{t}");
        assert!(lines[0].contains(r#""code":"request_too_large""#), "{t}");
        assert!(lines[1].contains(r#""name":"lockstep""#), "{t}");
    });
    // Exactly at the limit is parsed (and here is a valid request).
    let mut at = vec![b' '; limit];
    at[0] = b'{';
    at[limit - 1] = b'}';
    each(&["version"], &at, |t, r| {
        assert_eq!(r.code, 0, "{t}: {}", r.stdout)
    });
    let mut over = at.clone();
    over.push(b' ');
    each(&["version"], &over, |t, r| {
        assert!(r.stdout.contains("request_too_large"), "{t}")
    });
}
