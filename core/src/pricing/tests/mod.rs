//! Tests of the pricing engine: hand-checked cases, properties, golden vectors.

mod cases;
mod errors;
mod props;
mod vectors;

use serde_json::Value;

use super::{QuoteRequest, QuoteResponse, quote};
use crate::error::Error;

/// Decodes like the wire does, then quotes.
fn run(request: Value) -> Result<QuoteResponse, Error> {
    let request: QuoteRequest = crate::wire::decode(request)?;
    quote(request)
}

/// Quotes and returns the response as a JSON value (panics on error: tests only).
fn ok(request: Value) -> Value {
    match run(request) {
        Ok(r) => serde_json::to_value(&r).unwrap(),
        Err(e) => panic!("unexpected error: {}", e.to_json()),
    }
}

fn err(request: Value) -> Error {
    match run(request) {
        Ok(r) => panic!(
            "expected an error, got {}",
            serde_json::to_string(&r).unwrap()
        ),
        Err(e) => e,
    }
}

#[cfg(feature = "schema")]
#[test]
fn schema_describes_decimals_as_strings() {
    let req = serde_json::to_value(schemars::schema_for!(QuoteRequest)).unwrap();
    assert_eq!(req["$defs"]["Decimal"]["type"], "string");
    assert_eq!(req["properties"]["currency"]["type"], "string");
    let res = serde_json::to_value(schemars::schema_for!(QuoteResponse)).unwrap();
    assert_eq!(res["properties"]["total"]["type"], "string");
}
