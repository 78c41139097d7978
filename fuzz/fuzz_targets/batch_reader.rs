#![no_main]
//! Any bytes as `lockstep --batch` input: one answer line per non-blank input line,
//! each valid JSON, never a panic.

use libfuzzer_sys::fuzz_target;
use lockstep_core::version::Target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    if lockstep_cli::io::run_batch(data, &mut out, Target::Native).is_err() {
        panic!("writing to a Vec cannot fail");
    }
    let text = match String::from_utf8(out) {
        Ok(t) => t,
        Err(e) => panic!("answers are not UTF-8: {e}"),
    };
    let non_blank = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(text.lines().count(), non_blank);
    for line in text.lines() {
        if serde_json::from_str::<serde_json::Value>(line).is_err() {
            panic!("answer is not JSON: {line}");
        }
    }
});
