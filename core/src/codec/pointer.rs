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

/// A JSON Pointer under construction: a chain of tokens on the stack, each borrowing
/// its parent, rendered to text only when an error needs it (no allocation otherwise).
///
/// ```
/// use lockstep_core::codec::pointer::ROOT;
/// let lines = ROOT.key("lines");
/// let line = lines.index(2);
/// assert_eq!(line.key("unit/price").to_string(), "/lines/2/unit~1price");
/// assert_eq!(ROOT.to_string(), "");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Pointer<'a> {
    parent: Option<&'a Pointer<'a>>,
    token: Token<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Token<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// The pointer to the whole request (`""`).
pub static ROOT: Pointer<'static> = Pointer {
    parent: None,
    token: Token::Root,
};

impl Pointer<'_> {
    /// The member `key` of the value this points to (escaped when rendered).
    ///
    /// ```
    /// assert_eq!(lockstep_core::codec::pointer::ROOT.key("a~b").to_string(), "/a~0b");
    /// ```
    pub fn key<'b>(&'b self, key: &'b str) -> Pointer<'b> {
        Pointer {
            parent: Some(self),
            token: Token::Key(key),
        }
    }

    /// The element `index` of the array this points to.
    ///
    /// ```
    /// assert_eq!(lockstep_core::codec::pointer::ROOT.index(0).to_string(), "/0");
    /// ```
    pub fn index(&self, index: usize) -> Pointer<'_> {
        Pointer {
            parent: Some(self),
            token: Token::Index(index),
        }
    }
}

impl core::fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if let Some(parent) = self.parent {
            core::fmt::Display::fmt(parent, f)?;
        }
        match self.token {
            Token::Root => Ok(()),
            Token::Key(key) => write!(f, "/{}", escape_token(key)),
            Token::Index(index) => write!(f, "/{index}"),
        }
    }
}
