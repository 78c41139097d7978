//! JSON Pointers (RFC 6901), built only on the error path.

use super::de::Segment;

/// Escapes one JSON Pointer reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
///
/// ```
/// assert_eq!(lockstep_core::codec::escape_token("a/b~c"), "a~1b~0c");
/// ```
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The pointer of the value a decoding path names.
pub(super) fn render(path: &[Segment<'_>]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Start => {}
            Segment::Key(key) => {
                out.push('/');
                out.push_str(&escape_token(key));
            }
            Segment::Index(index) => {
                out.push('/');
                out.push_str(&index.to_string());
            }
        }
    }
    out
}
