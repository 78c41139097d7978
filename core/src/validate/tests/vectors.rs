//! Golden vectors: `tests/vectors/validate/*.json`, each exactly
//! `{"description", "op": "validate", "request", "expected"}` (in that order); the
//! response must serialize to exactly the bytes of `expected` (compacted).

use std::path::PathBuf;

use super::super::*;

/// Removes JSON whitespace outside strings, keeping member order.
fn compact(json: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[test]
fn golden_vectors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/validate");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("vector dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "only {} vectors", files.len());
    for path in files {
        let name = path.display();
        let text = std::fs::read_to_string(&path).expect("read");
        let doc: serde_json::Value = serde_json::from_str(&text).expect("vector parses");
        let mut keys: Vec<&str> = doc
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["description", "expected", "op", "request"], "{name}");
        assert_eq!(doc["op"], "validate", "{name}");
        let compacted = compact(&text);
        let at =
            compacted.find(r#","expected":"#).expect("expected is last") + r#","expected":"#.len();
        let expected = compacted
            .get(at..compacted.len() - 1)
            .expect("object ends with }");
        let request: ValidateRequest =
            crate::wire::decode(doc["request"].clone()).expect("request decodes");
        let got = serde_json::to_string(&validate(request).expect("accepted")).expect("json");
        assert_eq!(got, expected, "{name}");
    }
}
