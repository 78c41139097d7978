//! JSON Schema details kept stable across Rust-side changes (with the `schema` feature).

/// Removes the `default` annotation of a member's schema.
///
/// schemars writes a member's `default` only when its type implements `Serialize`; the
/// request types gained `Serialize` after the wire-format-1 schemas were published, and
/// the members listed with this transform would have gained a `default` annotation
/// they never had. The schemas (and the npm declarations generated from them) stay byte
/// for byte what they were; each operation's page states its defaults.
pub(crate) fn without_default(schema: &mut schemars::Schema) {
    schema.remove("default");
}
