//! The byte-level half of the decoder: whitespace, literals, strings and numbers, as
//! RFC 8259 and serde_json accept them. Every method either consumes one well-formed
//! token or answers [`DeError::syntax`]; the message comes later from the strict re-check.

use std::borrow::Cow;

use super::error::DeError;

/// A JSON number as serde_json classifies it: a non-negative integer that fits `u64`,
/// a negative one that fits `i64` (`-0` is a float, as in serde_json), or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// Anything with a fraction or exponent, `-0`, or an integer out of 64-bit range.
    F64(f64),
}

/// A cursor over request text (already known to be UTF-8 and within the limits).
pub(crate) struct Reader<'de> {
    text: &'de str,
    pub(crate) pos: usize,
}

impl<'de> Reader<'de> {
    pub(crate) fn new(text: &'de str) -> Self {
        Reader { text, pos: 0 }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// The text from `start` to the cursor.
    pub(crate) fn slice_from(&self, start: usize) -> &'de str {
        self.text.get(start..self.pos).unwrap_or("")
    }

    /// Skips JSON whitespace and returns the next byte without consuming it.
    pub(crate) fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                self.pos += 1;
            } else {
                return Some(b);
            }
        }
        None
    }

    /// Consumes `byte` (after whitespace) or fails.
    pub(crate) fn expect(&mut self, byte: u8) -> Result<(), DeError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(DeError::syntax())
        }
    }

    /// Consumes the literal `word` (`null`, `true`, `false`) at the cursor.
    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<(), DeError> {
        let end = self.pos + word.len();
        if self.bytes().get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(())
        } else {
            Err(DeError::syntax())
        }
    }

    /// Only whitespace may follow the top-level value.
    pub(crate) fn end(&mut self) -> Result<(), DeError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(DeError::syntax()),
        }
    }

    /// Reads a string whose opening quote is at the cursor: borrowed when it has no
    /// escapes. Control characters are refused; `\u` escapes must pair surrogates.
    pub(crate) fn string(&mut self) -> Result<Cow<'de, str>, DeError> {
        let bytes = self.bytes();
        self.pos += 1;
        let start = self.pos;
        self.pos = plain_run(bytes, start);
        match bytes.get(self.pos) {
            Some(b'"') => {
                let s = self.text.get(start..self.pos).ok_or_else(DeError::syntax)?;
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            _ => return Err(DeError::syntax()),
        }
        let mut out = String::from(self.text.get(start..self.pos).ok_or_else(DeError::syntax)?);
        loop {
            let run = self.pos;
            self.pos = plain_run(bytes, run);
            out.push_str(self.text.get(run..self.pos).ok_or_else(DeError::syntax)?);
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(DeError::syntax()),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), DeError> {
        let b = *self.bytes().get(self.pos).ok_or_else(DeError::syntax)?;
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xD800..=0xDBFF => {
                        if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(DeError::syntax());
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(DeError::syntax());
                        }
                        let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(scalar).ok_or_else(DeError::syntax)?
                    }
                    _ => char::from_u32(first).ok_or_else(DeError::syntax)?,
                }
            }
            _ => return Err(DeError::syntax()),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, DeError> {
        let digits = self
            .bytes()
            .get(self.pos..self.pos + 4)
            .ok_or_else(DeError::syntax)?;
        let mut value = 0u32;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(DeError::syntax()),
            };
            value = value * 16 + u32::from(v);
        }
        self.pos += 4;
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let bytes = self.bytes();
        let start = self.pos;
        while bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Reads a number at the cursor (`-`, or a digit), classified as serde_json does.
    pub(crate) fn number(&mut self) -> Result<Number, DeError> {
        let bytes = self.bytes();
        let start = self.pos;
        let negative = bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    return Err(DeError::syntax());
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(DeError::syntax()),
        }
        let int_end = self.pos;
        let mut float = false;
        if bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(DeError::syntax());
            }
            float = true;
        }
        if matches!(bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(DeError::syntax());
            }
            float = true;
        }
        if !float {
            let magnitude = self
                .text
                .get(int_start..int_end)
                .and_then(|d| d.parse::<u64>().ok());
            match (negative, magnitude) {
                (false, Some(v)) => return Ok(Number::U64(v)),
                (true, Some(v)) if v != 0 && v <= 1 << 63 => {
                    return Ok(Number::I64((v as i64).wrapping_neg()));
                }
                _ => {}
            }
        }
        let value: f64 = self
            .text
            .get(start..self.pos)
            .and_then(|lexeme| lexeme.parse().ok())
            .ok_or_else(DeError::syntax)?;
        if value.is_finite() {
            Ok(Number::F64(value))
        } else {
            Err(DeError::syntax())
        }
    }
}

/// Bytes that end a run of plain string content: `"`, `\\` and control characters.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The index of the first byte at or after `from` that is [`SPECIAL`], or
/// `bytes.len()`: one table lookup per byte over a slice iterator.
fn plain_run(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or(&[]);
    from + rest
        .iter()
        .position(|&b| SPECIAL[usize::from(b)])
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// The scan stops where the byte-by-byte rule does.
        #[test]
        fn plain_run_is_the_naive_scan(
            bytes in prop::collection::vec(prop_oneof![any::<u8>(), Just(b'"'), Just(b'\\'), 0x20u8..0x7f], 0..40),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let naive = (from..bytes.len())
                .find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(bytes.len());
            prop_assert_eq!(super::plain_run(&bytes, from), naive);
        }
    }
}
