//! JSON Schemas of every request and response, generated from the Rust types.
//!
//! The committed copies live in `docs/schema/`; `tests/tests/schema.rs` fails when they
//! are stale, and `LOCKSTEP_UPDATE_SCHEMA=1 cargo test -p lockstep-tests --test schema`
//! rewrites them.

use lockstep_core::error::ErrorResponse;
use lockstep_core::fraud::{ScoreRequest, ScoreResponse};
use lockstep_core::pricing::{QuoteRequest, QuoteResponse};
use lockstep_core::validate::{ValidateRequest, ValidateResponse};
use lockstep_core::version::{VersionRequest, VersionResponse};
use lockstep_core::wire::BatchRequest;

/// Every schema as `(file stem, pretty JSON text with a trailing newline)`.
///
/// ```
/// for (name, text) in lockstep_tests::schema::all() {
///     assert!(text.ends_with('\n'), "{name}");
/// }
/// ```
pub fn all() -> Vec<(&'static str, String)> {
    use schemars::schema_for as schema;
    vec![
        ("quote-request", render(schema!(QuoteRequest))),
        ("quote-response", render(schema!(QuoteResponse))),
        ("validate-request", render(schema!(ValidateRequest))),
        ("validate-response", render(schema!(ValidateResponse))),
        ("score-request", render(schema!(ScoreRequest))),
        ("score-response", render(schema!(ScoreResponse))),
        ("version-request", render(schema!(VersionRequest))),
        ("version-response", render(schema!(VersionResponse))),
        ("error-response", render(schema!(ErrorResponse))),
        ("batch-request", render(schema!(BatchRequest))),
    ]
}

fn render(schema: schemars::Schema) -> String {
    let mut value = schema.to_value();
    strip_examples(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Drops the rustdoc examples (everything from the first code fence) from descriptions:
/// the schema documents the wire, not the Rust API.
fn strip_examples(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, member) in map.iter_mut() {
                if key == "description" {
                    if let serde_json::Value::String(text) = member
                        && let Some(at) = text.find("```")
                    {
                        text.truncate(at);
                        let trimmed = text.trim_end().len();
                        text.truncate(trimmed);
                    }
                } else {
                    strip_examples(member);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_examples),
        _ => {}
    }
}
