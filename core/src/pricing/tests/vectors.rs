//! Golden vectors `tests/vectors/quote/*.json` and `tests/vectors/pitfalls/*.json`
//! (the field's penny bugs, all of operation `quote`), answered in-process and compared
//! byte for byte with each file's `expected` (see `crate::test_vectors`).

#[test]
fn golden_vectors() {
    crate::test_vectors::check("quote", 13);
}

#[test]
fn pitfall_vectors() {
    crate::test_vectors::check_dir("pitfalls", "quote", 25);
}
