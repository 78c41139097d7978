//! The one JSON writer of answers: compact, deterministic (struct members in declaration
//! order, maps sorted by key), never a panic. The bytes are serde_json's compact
//! output; its `writer` module writes them with less work per string.

#[cfg(test)]
mod tests;
mod writer;

use serde::Serialize;

/// Serializes compactly and deterministically (struct members in declaration order,
/// maps sorted by key). Serialization of the crate's own types cannot fail; were it to,
/// the answer is a fixed `internal` error rather than a panic.
///
/// ```
/// assert_eq!(lockstep_core::encode::to_json(&vec!["a", "b"]), r#"["a","b"]"#);
/// ```
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    to_json_with_capacity(value, 128)
}

/// [`to_json`] into a buffer of `capacity` bytes to start with (answers are written
/// once, without regrowing, when the estimate holds).
pub(crate) fn to_json_with_capacity<T: Serialize + ?Sized>(value: &T, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity);
    value
        .serialize(&mut writer::Writer { out: &mut out })
        .ok()
        .and_then(|()| String::from_utf8(out).ok())
        .unwrap_or_else(|| {
            r#"{"error":{"code":"internal","message":"response could not be encoded","details":[]}}"#
                .to_owned()
        })
}
