//! A serde `Serializer` writing compact JSON straight into a `Vec<u8>`: the bytes of
//! `serde_json::to_writer` (its compact formatter), with less work per string. Keys
//! and values are copied in one piece when nothing in them needs escaping, which is
//! nearly always (ids, codes, amounts); there is no `io::Write` layer and no error
//! plumbing per byte. `tests::writer` compares it with serde_json on arbitrary trees.

use serde::ser::{self, Serialize};

/// The one error: serde's `custom` (a `Serialize` impl that refuses). The crate's own
/// types never do; [`super::to_json_with_capacity`] then answers `internal`.
#[derive(Debug)]
pub(crate) struct Refused;

impl core::fmt::Display for Refused {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a value refused to serialize")
    }
}

impl std::error::Error for Refused {}

impl ser::Error for Refused {
    fn custom<T: core::fmt::Display>(_msg: T) -> Self {
        Refused
    }
}

type Result<T = ()> = core::result::Result<T, Refused>;

/// What each byte becomes inside a JSON string, as serde_json writes it: 0 for itself,
/// a letter for a two-character escape, `u` for `\u00XX`.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether any byte of `bytes` needs an escape: a control character, `"` or `\\`.
/// Eight bytes at a time (the classic has-zero-byte and has-less-than tricks).
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let below_space = w.wrapping_sub(ONES * 0x20) & !w;
        let quote =
            (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b'"')));
        let backslash =
            (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES) & !(w ^ (ONES * u64::from(b'\\')));
        if (below_space | quote | backslash) & HIGHS != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| ESCAPE[usize::from(b)] != 0)
}

/// Writes `s` as a JSON string: in one copy when nothing in it needs an escape.
#[inline]
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if !needs_escape(bytes) {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    escaped(out, bytes);
}

/// The slow path of [`string`]: byte by byte, as serde_json escapes.
fn escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Writes an unsigned integer in decimal (64-bit division while it fits: 128-bit
/// division is a library call per digit).
fn unsigned(out: &mut Vec<u8>, v: u128) {
    let mut buf = [0u8; 39];
    let mut at = buf.len();
    let mut wide = v;
    while wide > u128::from(u64::MAX) {
        at -= 1;
        buf[at] = b'0' + (wide % 10) as u8;
        wide /= 10;
    }
    let mut narrow = u64::try_from(wide).unwrap_or(0);
    loop {
        at -= 1;
        buf[at] = b'0' + (narrow % 10) as u8;
        narrow /= 10;
        if narrow == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

fn signed(out: &mut Vec<u8>, v: i128) {
    if v < 0 {
        out.push(b'-');
    }
    unsigned(out, v.unsigned_abs());
}

/// Floats are not in any answer; were one written, it is serde_json's text.
fn float<T: Serialize>(out: &mut Vec<u8>, v: T) -> Result {
    serde_json::to_writer(out, &v).map_err(|_| Refused)
}

/// What values and map keys write alike: strings, chars and unit variants as JSON
/// strings, a newtype struct as its content.
macro_rules! as_strings {
    () => {
        fn serialize_str(self, v: &str) -> Result {
            string(self.out, v);
            Ok(())
        }
        fn serialize_char(self, v: char) -> Result {
            string(self.out, v.encode_utf8(&mut [0u8; 4]));
            Ok(())
        }
        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result {
            string(self.out, variant);
            Ok(())
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result {
            value.serialize(self)
        }
    };
}

/// The integer methods of a serializer: each widens its value to 128 bits and hands
/// the digits to `$write` (`plain` for values, `quoted` for map keys).
macro_rules! integers {
    ($write:ident) => {
        integers!(@each $write
            serialize_i8 i8 signed i128, serialize_i16 i16 signed i128,
            serialize_i32 i32 signed i128, serialize_i64 i64 signed i128,
            serialize_i128 i128 signed i128, serialize_u8 u8 unsigned u128,
            serialize_u16 u16 unsigned u128, serialize_u32 u32 unsigned u128,
            serialize_u64 u64 unsigned u128, serialize_u128 u128 unsigned u128);
    };
    (@each $write:ident $($method:ident $ty:ident $digits:ident $wide:ident),*) => {$(
        fn $method(self, v: $ty) -> Result {
            self.$write(|out| $digits(out, <$wide>::from(v)))
        }
    )*};
}

/// The serializer: a borrowed output buffer.
pub(crate) struct Writer<'o> {
    pub(crate) out: &'o mut Vec<u8>,
}

/// An array or object being written: whether a member came before (for the comma).
pub(crate) struct Compound<'a, 'o> {
    w: &'a mut Writer<'o>,
    first: bool,
    /// The closing bytes: `]`, `}` or `]}` / `}}` for a variant's body.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(b',');
        }
    }

    fn end(self) -> Result {
        self.w.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'a, 'o> Writer<'o> {
    /// Writes a value's text as it is (the counterpart of `Key::quoted`).
    fn plain(&mut self, write: impl FnOnce(&mut Vec<u8>)) -> Result {
        write(self.out);
        Ok(())
    }

    fn begin(&'a mut self, open: u8, close: &'static [u8]) -> Compound<'a, 'o> {
        self.out.push(open);
        Compound {
            w: self,
            first: true,
            close,
        }
    }

    /// `{"variant":` before a variant's body.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.push(b':');
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Writer<'o> {
    type Ok = ();
    type Error = Refused;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    integers!(plain);
    fn serialize_f32(self, v: f32) -> Result {
        float(self.out, v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        float(self.out, v)
    }
    as_strings!();
    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(self.begin(b'[', b"]"))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.variant_key(variant);
        Ok(self.begin(b'[', b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(self.begin(b'{', b"}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Ok(self.begin(b'{', b"}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.variant_key(variant);
        Ok(self.begin(b'{', b"}}"))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Refused;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// The tuple-like compounds write their elements as a sequence's.
macro_rules! as_sequence {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Refused;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

as_sequence!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Refused;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(Key { out: self.w.out })?;
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Refused;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.comma();
        string(self.w.out, key);
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Refused;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// The methods by which a map key refuses a one-argument value, as serde_json does.
macro_rules! refused {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method(self, _v: $ty) -> Result {
            Err(Refused)
        }
    )*};
}

/// A map key: strings as they are, integers, booleans and chars quoted (serde_json's
/// `MapKeySerializer`); anything else refused, as serde_json refuses it.
struct Key<'o> {
    out: &'o mut Vec<u8>,
}

impl Key<'_> {
    fn quoted(self, write: impl FnOnce(&mut Vec<u8>)) -> Result {
        self.out.push(b'"');
        write(self.out);
        self.out.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Refused;
    type SerializeSeq = ser::Impossible<(), Refused>;
    type SerializeTuple = ser::Impossible<(), Refused>;
    type SerializeTupleStruct = ser::Impossible<(), Refused>;
    type SerializeTupleVariant = ser::Impossible<(), Refused>;
    type SerializeMap = ser::Impossible<(), Refused>;
    type SerializeStruct = ser::Impossible<(), Refused>;
    type SerializeStructVariant = ser::Impossible<(), Refused>;

    as_strings!();
    fn serialize_bool(self, v: bool) -> Result {
        self.quoted(|o| o.extend_from_slice(if v { b"true" } else { b"false" }))
    }
    integers!(quoted);
    refused!(
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str)
    );
    fn serialize_none(self) -> Result {
        Err(Refused)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(Refused)
    }
    fn serialize_unit(self) -> Result {
        Err(Refused)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(Refused)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Refused)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(Refused)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Refused)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Refused)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Refused)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(Refused)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Refused)
    }
}
