//! Fails when the committed JSON Schemas in `docs/schema/` are stale.
//! Regenerate with `LOCKSTEP_UPDATE_SCHEMA=1 cargo test -p lockstep-tests --test schema`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use lockstep_tests::{schema, targets::root};

#[test]
fn committed_schemas_match_the_rust_types() {
    let dir = root().join("docs/schema");
    let update = std::env::var_os("LOCKSTEP_UPDATE_SCHEMA").is_some();
    let mut stale = Vec::new();
    for (name, text) in schema::all() {
        let path = dir.join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(committed) if committed == text => {}
            _ => stale.push(name),
        }
    }
    assert!(
        stale.is_empty(),
        "stale or missing schemas in docs/schema: {stale:?}; run LOCKSTEP_UPDATE_SCHEMA=1 cargo test -p lockstep-tests --test schema"
    );
}

#[test]
fn every_schema_file_is_generated() {
    let names: Vec<String> = schema::all()
        .into_iter()
        .map(|(n, _)| format!("{n}.json"))
        .collect();
    for entry in std::fs::read_dir(root().join("docs/schema")).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            names.contains(&file),
            "docs/schema/{file} is not generated from a Rust type"
        );
    }
}

#[test]
fn error_schema_requires_code_message_details() {
    let (_, text) = schema::all()
        .into_iter()
        .find(|(n, _)| *n == "error-response")
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let required = &v["$defs"]["Error"]["required"];
    assert_eq!(required, &serde_json::json!(["code", "message", "details"]));
}
