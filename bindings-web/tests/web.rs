//! The web binding under wasm-bindgen-test, run in Node.js (default) and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1`, see scripts/test.sh).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn version_returns_a_plain_object() {
    let v = lockstep_web::version(None).unwrap();
    let plain = Object::new();
    assert_eq!(
        Object::get_prototype_of(&v),
        Object::get_prototype_of(&plain)
    );
    assert_eq!(get(&v, "name").as_string().unwrap(), "lockstep");
    assert_eq!(get(&v, "target").as_string().unwrap(), "web");
    assert_eq!(get(&v, "wire_format").as_f64().unwrap(), 1.0);
    let same = lockstep_web::version(Some(Object::new().into())).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&v).unwrap(),
        js_sys::JSON::stringify(&same).unwrap()
    );
}

#[wasm_bindgen_test]
fn errors_are_lockstep_errors_with_code_and_pointer() {
    let err = lockstep_web::version(Some(parse(r#"{"extra":1}"#))).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    let class = lockstep_web::error_class();
    assert!(
        err.dyn_ref::<Object>()
            .unwrap()
            .is_instance_of::<js_sys::Error>()
    );
    assert!(
        js_sys::Reflect::get(&err, &"constructor".into()).unwrap() == class,
        "thrown error is not a LockstepError"
    );
    assert_eq!(get(&err, "name").as_string().unwrap(), "LockstepError");
    assert_eq!(get(&err, "code").as_string().unwrap(), "unknown_field");
    let details: Array = get(&err, "details").dyn_into().unwrap();
    assert_eq!(details.length(), 1);
    assert_eq!(get(&details.get(0), "path").as_string().unwrap(), "/extra");
    assert_eq!(
        get(&details.get(0), "code").as_string().unwrap(),
        "unknown_field"
    );
}

#[wasm_bindgen_test]
fn wrong_type_and_unimplemented_operations() {
    let err = lockstep_web::version(Some(parse("[1]"))).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid_type");
    let err = lockstep_web::quote(Object::new().into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "missing_field");
    let err = lockstep_web::score(Object::new().into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "missing_field");
    let ok = lockstep_web::validate(Object::new().into()).unwrap();
    assert_eq!(get(&ok, "valid").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn values_json_cannot_carry_are_errors_not_traps() {
    let bigint = js_sys::BigInt::from(10u32);
    let req = Object::new();
    Reflect::set(&req, &"n".into(), &bigint.into()).unwrap();
    let err = lockstep_web::version(Some(req.into())).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid_json");

    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let err = lockstep_web::quote(cyclic.into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid_json");

    let err = lockstep_web::quote(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "empty_request");

    // The module still answers after every error: nothing trapped.
    assert!(lockstep_web::version(None).is_ok());
}

#[wasm_bindgen_test]
fn oversized_requests_are_refused_before_copying() {
    let big = "x".repeat(lockstep_core::limits::MAX_REQUEST_BYTES + 1);
    let req = Object::new();
    Reflect::set(&req, &"s".into(), &JsValue::from_str(&big)).unwrap();
    let err = lockstep_web::quote(req.into()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "request_too_large");
    let line = lockstep_web::handle_line(&big);
    assert!(line.contains(r#""code":"request_too_large""#));
}

#[wasm_bindgen_test]
fn json_entry_points_match_the_core_bytes() {
    let native = lockstep_core::wire::handle_json(
        "version",
        br#"{"a":1}"#,
        lockstep_core::version::Target::Web,
    );
    assert_eq!(
        lockstep_web::handle_json("version", r#"{"a":1}"#),
        native.json
    );
    assert_eq!(
        lockstep_web::handle_line(r#"{"op":"version","request":{"a":1}}"#),
        native.json
    );
}

#[wasm_bindgen_test]
fn quote_returns_plain_objects_with_decimal_strings() {
    let req = parse(
        r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z",
            "lines":[{"id":"a","quantity":"3","unit_price":"19.99"}]}"#,
    );
    let r = lockstep_web::quote(req.clone()).unwrap();
    // 3 x 19.99 = 59.97, no tax, no promotion.
    assert_eq!(get(&r, "total").as_string().unwrap(), "59.97");
    let lines: Array = get(&r, "lines").dyn_into().unwrap();
    assert_eq!(get(&lines.get(0), "gross").as_string().unwrap(), "59.97");
    let text = js_sys::JSON::stringify(&req).unwrap().as_string().unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&r).unwrap().as_string().unwrap(),
        lockstep_web::handle_json("quote", &text)
    );
}
