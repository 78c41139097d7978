//! Golden vectors `tests/vectors/quote/*.json`, answered in-process and compared byte
//! for byte with each file's `expected` (see `crate::test_vectors`).

#[test]
fn golden_vectors() {
    crate::test_vectors::check("quote", 8);
}
