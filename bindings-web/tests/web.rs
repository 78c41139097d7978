//! The web binding under wasm-bindgen-test, run in Node.js (default) and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1`, see scripts/test.sh): the string entries the
//! package's JavaScript (`bindings-web/npm/api.js`) is built on. The object API itself
//! (`quote(obj)`, `LockstepError`, …) is tested through the package in tests/node and
//! tests/browser.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use lockstep_core::limits::MAX_REQUEST_BYTES;
use lockstep_core::version::Target;
use wasm_bindgen_test::wasm_bindgen_test;

fn core(op: &str, request: &str) -> String {
    lockstep_core::wire::handle_json(op, request.as_bytes(), Target::Web).json
}

#[wasm_bindgen_test]
fn json_entry_points_match_the_core_bytes() {
    for (op, request) in [
        ("version", "{}"),
        ("version", r#"{"a":1}"#),
        ("version", "{"),
        ("version", ""),
        ("quote", "{}"),
        ("validate", "{}"),
        ("score", "{}"),
        ("nope", "{}"),
        ("version", r#"{"x":"é😀"}"#),
    ] {
        let native = core(op, request);
        assert_eq!(
            lockstep_web::handle_json(op, request),
            native,
            "{op} {request}"
        );
        // A batch line carries a complete JSON request as its `request` member.
        if request.len() > 1 && request.ends_with('}') {
            let line = format!(r#"{{"op":"{op}","request":{request}}}"#);
            assert_eq!(lockstep_web::handle_line(&line), native, "{line}");
        }
    }
}

// api.js tells an error answer from a success by this prefix alone.
#[wasm_bindgen_test]
fn error_answers_and_only_they_start_with_the_error_member() {
    let successes = [
        ("version", "{}".to_string()),
        ("validate", "{}".to_string()),
        (
            "quote",
            r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z",
                "lines":[{"id":"a","quantity":"3","unit_price":"19.99"}]}"#
                .to_string(),
        ),
        (
            "score",
            r#"{"payment":{"amount":"1"},"rules":[],"thresholds":{"review":1,"decline":2}}"#
                .to_string(),
        ),
    ];
    let firsts = ["{\"name\":", "{\"valid\":", "{\"currency\":", "{\"score\":"];
    for ((op, request), first) in successes.iter().zip(firsts) {
        let out = lockstep_web::handle_json(op, request);
        assert!(out.starts_with(first), "{op}: {out}");
        assert!(!out.starts_with(r#"{"error":"#));
    }
    for (op, request) in [
        ("version", "[1]"),
        ("quote", "{}"),
        ("score", "{}"),
        ("validate", "{"),
    ] {
        let out = lockstep_web::handle_json(op, request);
        assert!(out.starts_with(r#"{"error":{"code":""#), "{op}: {out}");
    }
}

#[wasm_bindgen_test]
fn the_bindings_own_errors_are_core_error_answers() {
    assert_eq!(
        lockstep_web::encode_failure(),
        r#"{"error":{"code":"invalid_json","message":"request cannot be encoded as JSON (a BigInt, a cycle or a throwing toJSON)","details":[{"path":"","code":"invalid_json","message":"request cannot be encoded as JSON (a BigInt, a cycle or a throwing toJSON)"}]}}"#
    );
    assert_eq!(lockstep_web::max_request_bytes(), MAX_REQUEST_BYTES);
    let too_large = lockstep_web::too_large(MAX_REQUEST_BYTES + 7);
    assert_eq!(
        too_large,
        lockstep_core::codec::too_large(MAX_REQUEST_BYTES + 7).to_json()
    );
    assert!(too_large.contains(r#""code":"request_too_large""#));
    assert!(too_large.contains(&format!("request is {} bytes", MAX_REQUEST_BYTES + 7)));
}

#[wasm_bindgen_test]
fn oversized_input_is_an_answer_not_a_trap() {
    let big = "x".repeat(MAX_REQUEST_BYTES + 1);
    let line = lockstep_web::handle_line(&big);
    assert!(line.contains(r#""code":"request_too_large""#), "{line}");
    let json = lockstep_web::handle_json("quote", &big);
    assert!(json.contains(r#""code":"request_too_large""#), "{json}");
    // At the limit the request is read (and is not JSON).
    let at = lockstep_web::handle_json("quote", &big[1..]);
    assert!(at.contains(r#""code":"invalid_json""#), "{at}");
    // The module still answers after every error: nothing trapped.
    assert!(lockstep_web::handle_json("version", "{}").starts_with(r#"{"name":"lockstep""#));
}

#[wasm_bindgen_test]
fn quote_answers_with_decimal_strings() {
    let out = lockstep_web::handle_json(
        "quote",
        r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z",
            "lines":[{"id":"a","quantity":"3","unit_price":"19.99"}]}"#,
    );
    // 3 x 19.99 = 59.97, no tax, no promotion.
    assert!(out.contains(r#""gross":"59.97""#), "{out}");
    assert!(
        out.ends_with(r#""total":"59.97","applied":[],"rejected":[]}"#),
        "{out}"
    );
}
