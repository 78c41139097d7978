//! JSON Schemas of every request and response, generated from the Rust types.
//!
//! The committed copies live in `docs/schema/`; `tests/tests/schema.rs` fails when they
//! are stale, and `LOCKSTEP_UPDATE_SCHEMA=1 cargo test -p lockstep-tests --test schema`
//! rewrites them.

use lockstep_core::error::ErrorResponse;
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
    vec![
        (
            "version-request",
            render(schemars::schema_for!(VersionRequest)),
        ),
        (
            "version-response",
            render(schemars::schema_for!(VersionResponse)),
        ),
        (
            "error-response",
            render(schemars::schema_for!(ErrorResponse)),
        ),
        ("batch-request", render(schemars::schema_for!(BatchRequest))),
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
