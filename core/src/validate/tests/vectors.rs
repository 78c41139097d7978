//! Golden vectors `tests/vectors/validate/*.json`, answered in-process and compared byte
//! for byte with each file's `expected` (see `crate::test_vectors`), and the check that
//! every JSON example of `docs/validation.md` is one of them.

#[test]
fn golden_vectors() {
    crate::test_vectors::check("validate", 15);
}

#[test]
fn every_doc_example_is_a_vector() {
    let blocks =
        crate::fraud::tests::vectors::doc_blocks_are_vectors("docs/validation.md", "validate");
    assert!(blocks >= 12, "{blocks}");
}
