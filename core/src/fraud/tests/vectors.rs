//! Golden vectors `tests/vectors/score/*.json`, answered in-process and compared byte
//! for byte with each file's `expected` (see `crate::test_vectors`), and the check that
//! every JSON example of `docs/fraud.md` is one of them.

#[test]
fn golden_vectors() {
    crate::test_vectors::check("score", 16);
}

/// Every ```` ```json ```` block of `doc` (relative to the workspace) must equal the
/// `request` or the `expected` of a vector in `tests/vectors/<dir>/` (as JSON values;
/// the vector test checks the bytes of the answer). Returns how many blocks there were.
pub(crate) fn doc_blocks_are_vectors(doc: &str, dir: &str) -> usize {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut known = Vec::new();
    for entry in std::fs::read_dir(root.join("tests/vectors").join(dir)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            known.push(v["request"].clone());
            known.push(v["expected"].clone());
        }
    }
    let text = std::fs::read_to_string(root.join(doc)).unwrap();
    let mut count = 0;
    let mut rest = text.as_str();
    while let Some(start) = rest.find("```json\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").unwrap();
        let block: serde_json::Value = serde_json::from_str(&body[..end])
            .unwrap_or_else(|e| panic!("{doc}: a json block does not parse: {e}"));
        assert!(
            known.contains(&block),
            "{doc}: this example is not a vector in tests/vectors/{dir}/: {block}"
        );
        count += 1;
        rest = &body[end + 3..];
    }
    count
}

#[test]
fn every_doc_example_is_a_vector() {
    assert!(doc_blocks_are_vectors("docs/fraud.md", "score") >= 20);
}
