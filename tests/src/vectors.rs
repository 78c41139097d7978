//! Golden vectors: `tests/vectors/<area>/<name>.json`, one example each, reviewed by hand.
//!
//! A vector is `{"description", "op", "expected"}` plus exactly one of:
//! - `request`: a JSON value, sent as the batch line `{"op": op, "request": request}`;
//! - `request_text`: raw request text (possibly malformed), sent as `lockstep <op>` takes it;
//! - `batch_line`: a raw `--batch` line, sent as is.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// How a vector's request is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A batch line (from `request` or `batch_line`).
    Line(String),
    /// Raw request bytes for `lockstep <op>` (from `request_text`).
    Single(String),
}

/// One golden vector.
#[derive(Debug, Clone)]
pub struct Vector {
    /// The file, relative to the repository root.
    pub file: PathBuf,
    /// The operation.
    pub op: String,
    /// What is sent.
    pub input: Input,
    /// The expected answer (compared as JSON values; byte identity across targets is
    /// checked separately).
    pub expected: Value,
}

/// Loads every vector under `dir`, sorted by path.
///
/// ```
/// let root = lockstep_tests::targets::root();
/// let vectors = lockstep_tests::vectors::load(&root.join("tests/vectors")).unwrap();
/// assert!(!vectors.is_empty());
/// ```
pub fn load(dir: &Path) -> Result<Vec<Vector>, String> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    files.iter().map(|f| parse(f)).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

fn parse(file: &Path) -> Result<Vector, String> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| format!("{shown}: {e}"))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("{shown}: {e}"))?;
    let obj = v.as_object().ok_or(format!("{shown}: not an object"))?;
    for key in obj.keys() {
        if ![
            "description",
            "op",
            "request",
            "request_text",
            "batch_line",
            "expected",
        ]
        .contains(&key.as_str())
        {
            return Err(format!("{shown}: unknown member {key}"));
        }
    }
    if !obj.get("description").is_some_and(Value::is_string) {
        return Err(format!("{shown}: description missing"));
    }
    let op = obj
        .get("op")
        .and_then(Value::as_str)
        .ok_or(format!("{shown}: op missing"))?
        .to_owned();
    let input = match (
        obj.get("request"),
        obj.get("request_text").and_then(Value::as_str),
        obj.get("batch_line").and_then(Value::as_str),
    ) {
        (Some(request), None, None) => Input::Line(
            serde_json::to_string(&serde_json::json!({"op": op, "request": request}))
                .map_err(|e| e.to_string())?,
        ),
        (None, Some(text), None) => Input::Single(text.to_owned()),
        (None, None, Some(line)) => Input::Line(line.to_owned()),
        _ => {
            return Err(format!(
                "{shown}: exactly one of request, request_text, batch_line"
            ));
        }
    };
    let expected = obj
        .get("expected")
        .cloned()
        .ok_or(format!("{shown}: expected missing"))?;
    Ok(Vector {
        file: file.to_path_buf(),
        op,
        input,
        expected,
    })
}
