//! Golden vectors `tests/vectors/quote/*.json`: each file's `expected` must be the
//! exact bytes of the answer (the files keep `expected` as one compact line).

use std::path::PathBuf;

use serde_json::Value;

use super::run;

#[test]
fn golden_vectors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/quote");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 8,
        "expected at least 8 quote vectors in {}",
        dir.display()
    );
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<_> = file.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            ["description", "expected", "op", "request"],
            "{}",
            path.display()
        );
        assert_eq!(file["op"], "quote");
        let answer = match run(file["request"].clone()) {
            Ok(r) => serde_json::to_string(&r).unwrap(),
            Err(e) => e.to_json(),
        };
        let got: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(got, file["expected"], "{}\n{answer}", path.display());
        assert!(
            text.contains(&answer),
            "{}: member order differs:\n{answer}",
            path.display()
        );
    }
}
