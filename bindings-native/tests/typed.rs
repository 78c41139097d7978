//! The typed API (`Cart`, `Assessment`, `PaymentDetails`: checked models with
//! `TryFrom` and an entry point each) answers what the wire answers, on every golden
//! vector with a request object; and a request serialized back (`Serialize`) is
//! answered with the same bytes as the request it was read from.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::Path;

use lockstep::{
    Assessment, Cart, PaymentDetails, QuoteRequest, ScoreRequest, ValidateRequest, handle_json,
};
use serde_json::Value;

fn vectors() -> Vec<(String, String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            if let (Some(op), Some(request)) = (v["op"].as_str(), v.get("request")) {
                out.push((file.display().to_string(), op.to_owned(), request.clone()));
            }
        }
    }
    out
}

/// Whether serde_json reads `request` as the wire does: serde's derive also takes an
/// array for a struct, which the wire refuses (`invalid_type`), so a request is only
/// compared when reading it and writing it back loses nothing but members at their
/// defaults and the trailing zeros of decimals.
fn read_as_sent<T: serde::de::DeserializeOwned + serde::Serialize>(request: &Value) -> Option<T> {
    let typed: T = serde_json::from_value(request.clone()).ok()?;
    let back = serde_json::to_value(&typed).ok()?;
    covers(request, &back).then_some(typed)
}

/// Every member of `sent` is in `back` with the same value (`back` may add defaults).
/// serde_json without `preserve_order` keeps members sorted, so order plays no part.
fn covers(sent: &Value, back: &Value) -> bool {
    match (sent, back) {
        (Value::Object(s), Value::Object(b)) => s
            .iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| covers(v, w))),
        (Value::Array(s), Value::Array(b)) => {
            s.len() == b.len() && s.iter().zip(b).all(|(v, w)| covers(v, w))
        }
        (Value::String(s), Value::String(b)) => decimal_text(s) == decimal_text(b),
        _ => sent == back,
    }
}

/// A decimal string without the trailing zeros of its fraction (an `Amount` is written
/// normalized: `"3.60"` is sent back as `"3.6"`, the same number); other text as is.
fn decimal_text(s: &str) -> &str {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let is_decimal = digits.split_once('.').is_some_and(|(i, f)| {
        !i.is_empty() && i.bytes().chain(f.bytes()).all(|c| c.is_ascii_digit())
    });
    if is_decimal {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// The typed path's answer as JSON: the response, or `{"error": ...}`.
fn typed(op: &str, request: &Value) -> Option<Value> {
    fn answer<T: serde::Serialize>(r: Result<T, lockstep::Error>) -> Value {
        match r {
            Ok(v) => serde_json::to_value(v).unwrap(),
            Err(e) => serde_json::to_value(lockstep::ErrorResponse::from(e)).unwrap(),
        }
    }
    match op {
        "quote" => {
            let r: QuoteRequest = read_as_sent(request)?;
            Some(answer(Cart::try_from(&r).and_then(|c| c.quote())))
        }
        "score" => {
            let r: ScoreRequest = read_as_sent(request)?;
            Some(answer(Assessment::try_from(r).map(|a| a.score())))
        }
        "validate" => {
            let r: ValidateRequest = read_as_sent(request)?;
            Some(answer(PaymentDetails::try_from(r).map(|d| d.validate())))
        }
        _ => None,
    }
}

fn reserialized(op: &str, request: &Value) -> Option<Vec<u8>> {
    match op {
        "quote" => serde_json::to_vec(&read_as_sent::<QuoteRequest>(request)?).ok(),
        "score" => serde_json::to_vec(&read_as_sent::<ScoreRequest>(request)?).ok(),
        "validate" => serde_json::to_vec(&read_as_sent::<ValidateRequest>(request)?).ok(),
        _ => None,
    }
}

#[test]
fn typed_models_answer_as_the_wire_does() {
    let mut checked = [0usize; 3];
    for (file, op, request) in vectors() {
        let Some(answer) = typed(&op, &request) else {
            continue;
        };
        let wire = handle_json(&op, request.to_string().as_bytes());
        let wire: Value = serde_json::from_str(&wire.json).unwrap();
        assert_eq!(answer, wire, "{file}");
        let k = ["quote", "score", "validate"]
            .iter()
            .position(|o| *o == op)
            .unwrap();
        checked[k] += 1;
    }
    // Every request vector of these operations that serde reads (the others are the
    // decoder's own cases): counted on 2026-12-02.
    eprintln!("checked {checked:?}");
    assert!(checked.iter().all(|&n| n >= 10), "{checked:?}");
    assert!(checked.iter().sum::<usize>() >= 80, "{checked:?}");
}

#[test]
fn serialized_requests_are_answered_with_the_same_bytes() {
    let mut n = 0;
    for (file, op, request) in vectors() {
        let Some(bytes) = reserialized(&op, &request) else {
            continue;
        };
        let original = handle_json(&op, request.to_string().as_bytes());
        assert_eq!(handle_json(&op, &bytes), original, "{file}");
        n += 1;
    }
    assert!(n >= 80, "{n}");
}

#[test]
fn a_cart_built_without_json_prices_as_its_json_does() {
    use lockstep::pricing::{LineItem, Promotion, PromotionKind};
    let mut socks = LineItem::new("socks", "3".parse().unwrap());
    socks.unit_price = Some("4.99".parse().unwrap());
    let mut tea = LineItem::new("tea", "1".parse().unwrap());
    tea.unit_price = Some("12.00".parse().unwrap());
    let mut off = Promotion::new("ten", PromotionKind::PercentOff);
    off.percent = Some("10".parse().unwrap());
    let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![tea, socks]);
    request.promotions = vec![off];
    let cart = Cart::try_from(&request).unwrap();
    // Hand check: socks 3 x 4.99 = 14.97, tea 12.00; 10 % off each: 1.50 (1.497) and
    // 1.20; total 26.97 - 2.70 = 24.27.
    let gross: Vec<_> = cart
        .lines()
        .iter()
        .map(|l| (l.id(), l.gross().to_amount_string()))
        .collect();
    assert_eq!(
        gross,
        [("socks", "14.97".to_owned()), ("tea", "12.00".to_owned())]
    );
    let quote = cart.quote().unwrap();
    assert_eq!(quote.total.to_amount_string(), "24.27");
    let json = r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z",
      "lines":[{"id":"tea","quantity":"1","unit_price":"12.00"},{"id":"socks","quantity":"3","unit_price":"4.99"}],
      "promotions":[{"id":"ten","type":"percent_off","percent":"10"}]}"#;
    let wire: Value = serde_json::from_str(&handle_json("quote", json.as_bytes()).json).unwrap();
    assert_eq!(serde_json::to_value(&quote).unwrap(), wire);
}
