//! Test support: runs the golden vectors of one operation (`tests/vectors/<op>/*.json`)
//! in-process and checks each answer byte for byte, member order included, against the
//! file's `expected` (written last in every vector file). The tests crate runs the same
//! files on every other target.

use std::path::PathBuf;

use crate::version::Target;
use crate::wire::{Operation, Response, handle_json, run, to_json};

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

/// Checks every vector of `op` in `tests/vectors/<op>/`; there must be at least `min`.
pub(crate) fn check(op: &str, min: usize) {
    check_dir(op, op, min);
}

/// Checks every vector in `tests/vectors/<dir>/`, each of operation `op`.
pub(crate) fn check_dir(dir: &str, op: &str, min: usize) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/vectors/{dir}"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= min, "only {} {op} vectors", files.len());
    for path in files {
        let name = path.display();
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut keys: Vec<&str> = doc
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["description", "expected", "op", "request"], "{name}");
        assert_eq!(doc["op"], op, "{name}");
        let compacted = compact(&text);
        let at = compacted.find(r#","expected":"#).unwrap() + r#","expected":"#.len();
        let expected = compacted.get(at..compacted.len() - 1).unwrap();
        let operation = Operation::parse(op).unwrap();
        let got = match run(operation, &to_json(&doc["request"]), Target::Native) {
            Ok(response) => to_json::<Response>(&response),
            Err(e) => e.to_json(),
        };
        assert_eq!(got, expected, "{name}");
        // The byte entry writes a quote's borrowed answer directly; `run` converts it
        // to owned strings first. Both give the vector's bytes.
        let bytes = handle_json(op, to_json(&doc["request"]).as_bytes(), Target::Native);
        assert_eq!(bytes.json, expected, "{name}: handle_json");
        // Requests derive `Serialize`: a decoded request written back is answered with
        // the same bytes (Rust users may build a request and send it over the wire).
        if let Some(again) = reserialized(op, &to_json(&doc["request"])) {
            let second = match run(operation, &again, Target::Native) {
                Ok(response) => to_json::<Response>(&response),
                Err(e) => e.to_json(),
            };
            assert_eq!(second, expected, "{name}: serialized again as {again}");
        }
    }
}

/// The request of `op` decoded from `text` and serialized again, when it decodes.
fn reserialized(op: &str, text: &str) -> Option<String> {
    use crate::codec::decode;
    match op {
        "quote" => decode::<crate::pricing::QuoteRequest>(text)
            .ok()
            .map(|r| to_json(&r)),
        "validate" => decode::<crate::validate::ValidateRequest>(text)
            .ok()
            .map(|r| to_json(&r)),
        "score" => decode::<crate::fraud::ScoreRequest>(text)
            .ok()
            .map(|r| to_json(&r)),
        _ => None,
    }
}
