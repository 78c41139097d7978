//! The serde half of the decoder: request types are deserialized straight from the
//! text, once, with serde_json's `Value` semantics (which the contract was written
//! against), plus the request rules: objects only where structs belong, `null` never
//! stands for an absent member, no repeated member names.
//!
//! On the error path (members read sorted by name) the path of the value being read is
//! kept as a stack of borrowed segments; on an error the stack is left as it was, so it
//! names the failing value. The fast path keeps no path at all: its errors are dropped
//! and worked out again on the error path (`codec::explain`).

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Error as _, Unexpected, Visitor};

use super::error::DeError;
use super::reader::{Number, Reader};
use crate::limits::MAX_DEPTH;

/// Name of the newtype struct that [`Raw`](super::Raw) asks for: the parser answers it
/// with the value's text instead of the value.
pub(crate) const RAW_TOKEN: &str = "$lockstep::codec::Raw";

/// Members of one object compared for repeats before the rest go to the strict re-check.
const KEYS_COMPARED: usize = 32;

/// One step of the path to the value being read.
#[derive(Debug, Clone)]
pub(crate) enum Segment<'de> {
    /// Inside an object or array, before its first member or element.
    Start,
    /// An object member.
    Key(Cow<'de, str>),
    /// An array element.
    Index(usize),
}

/// How objects are walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// In document order (the fast path).
    Document,
    /// Members sorted by name, as the contract's first error is defined (the error path).
    Sorted,
}

/// The deserializer over one request text.
pub(crate) struct Parser<'de> {
    pub(crate) reader: Reader<'de>,
    pub(crate) path: Vec<Segment<'de>>,
    order: Order,
    /// Member names of the objects being read (document order only), for repeats.
    keys: Vec<&'de str>,
    /// Set when a repeat could not be ruled out here (an escaped name, a large object).
    pub(crate) needs_strict_check: bool,
    /// Arrays and objects open around the cursor.
    depth: usize,
}

impl<'de> Parser<'de> {
    pub(crate) fn new(text: &'de str, order: Order) -> Self {
        Parser {
            reader: Reader::new(text),
            path: Vec::new(),
            order,
            keys: Vec::new(),
            needs_strict_check: false,
            depth: 0,
        }
    }

    fn at_root(&self) -> bool {
        self.path.is_empty()
    }

    /// Whether the path is kept: only on the error path, the one whose errors are read.
    fn tracks(&self) -> bool {
        self.order == Order::Sorted
    }

    /// The current value's kind, read (and consumed) for an `invalid type` message.
    fn invalid_type(&mut self, exp: &dyn de::Expected) -> DeError {
        let kind = match self.reader.peek() {
            Some(b'n') => Unexpected::Unit,
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'"') => Unexpected::Str(""),
            Some(b'[') => Unexpected::Seq,
            Some(b'{') => Unexpected::Map,
            Some(b'-' | b'0'..=b'9') => match self.reader.number() {
                Ok(Number::U64(v)) => Unexpected::Unsigned(v),
                Ok(Number::I64(v)) => Unexpected::Signed(v),
                Ok(Number::F64(v)) => Unexpected::Float(v),
                Err(e) => return e,
            },
            _ => return DeError::syntax(),
        };
        DeError::invalid_type(kind, exp)
    }

    /// A request or envelope that is not an object, named by its JSON type.
    fn not_an_object(&mut self) -> DeError {
        let kind = match self.reader.peek() {
            Some(b'n') => "null",
            Some(b't' | b'f') => "boolean",
            Some(b'"') => "string",
            Some(b'[') => "array",
            Some(b'-' | b'0'..=b'9') => "number",
            _ => return DeError::syntax(),
        };
        DeError::custom(format_args!("invalid type: {kind}, expected a JSON object"))
    }

    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.number()? {
            Number::U64(v) => visitor.visit_u64(v),
            Number::I64(v) => visitor.visit_i64(v),
            Number::F64(v) => visitor.visit_f64(v),
        }
    }

    fn string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.string()? {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    /// Reads a member name at the cursor and, with `mark` (where this object's names
    /// start in `keys`), checks it against the object's earlier ones.
    fn key(&mut self, mark: Option<usize>) -> Result<Cow<'de, str>, DeError> {
        if self.reader.peek() != Some(b'"') {
            return Err(DeError::syntax());
        }
        let key = self.reader.string()?;
        if self.order == Order::Document
            && let Some(mark) = mark
        {
            match key {
                Cow::Borrowed(name) if self.keys.len() - mark < KEYS_COMPARED => {
                    if self
                        .keys
                        .get(mark..)
                        .is_some_and(|seen| seen.contains(&name))
                    {
                        return Err(DeError::syntax());
                    }
                    self.keys.push(name);
                }
                _ => self.needs_strict_check = true,
            }
        }
        self.reader.expect(b':')?;
        Ok(key)
    }

    /// Opens an array or object: deeper than [`MAX_DEPTH`] fails the fast path (the
    /// error path then reports `nesting_too_deep`), so no recursion goes deeper.
    fn enter(&mut self) -> Result<(), DeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(DeError::syntax())
        } else {
            Ok(())
        }
    }

    /// Skips one value (checking its syntax and member names).
    pub(crate) fn skip(&mut self) -> Result<(), DeError> {
        match self.reader.peek() {
            Some(b'n') => self.reader.literal(b"null"),
            Some(b't') => self.reader.literal(b"true"),
            Some(b'f') => self.reader.literal(b"false"),
            Some(b'"') => self.reader.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.reader.number().map(drop),
            Some(b'[' | b'{') => {
                self.enter()?;
                let skipped = self.skip_container();
                self.depth -= 1;
                skipped
            }
            _ => Err(DeError::syntax()),
        }
    }

    /// Skips the array or object at the cursor.
    fn skip_container(&mut self) -> Result<(), DeError> {
        match self.reader.peek() {
            Some(b'[') => {
                self.reader.pos += 1;
                if self.reader.peek() == Some(b']') {
                    self.reader.pos += 1;
                    return Ok(());
                }
                loop {
                    self.skip()?;
                    match self.reader.peek() {
                        Some(b',') => self.reader.pos += 1,
                        Some(b']') => {
                            self.reader.pos += 1;
                            return Ok(());
                        }
                        _ => return Err(DeError::syntax()),
                    }
                }
            }
            Some(b'{') => {
                self.reader.pos += 1;
                if self.reader.peek() == Some(b'}') {
                    self.reader.pos += 1;
                    return Ok(());
                }
                let mark = self.keys.len();
                loop {
                    self.key(Some(mark))?;
                    self.skip()?;
                    match self.reader.peek() {
                        Some(b',') => self.reader.pos += 1,
                        Some(b'}') => {
                            self.reader.pos += 1;
                            self.keys.truncate(mark);
                            return Ok(());
                        }
                        _ => return Err(DeError::syntax()),
                    }
                }
            }
            _ => Err(DeError::syntax()),
        }
    }

    /// Visits the object at the cursor (one `MapAccess` type for both orders, so each
    /// visitor's `visit_map` is instantiated once).
    ///
    /// `check_repeats`: compare member names here. A struct's visitor (serde's derive
    /// with `deny_unknown_fields`, as every request struct has) refuses a repeated
    /// member itself, so structs skip the comparison.
    fn object<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        check_repeats: bool,
    ) -> Result<V::Value, DeError> {
        self.enter()?;
        let walk = self.open_object(check_repeats)?;
        let mut members = Members { parser: self, walk };
        let value = visitor.visit_map(&mut members)?;
        members.finish()?;
        self.depth -= 1;
        Ok(value)
    }

    /// Consumes `{` and prepares the walk over its members.
    fn open_object(&mut self, check_repeats: bool) -> Result<Walk<'de>, DeError> {
        self.reader.pos += 1;
        if self.order == Order::Document {
            return Ok(Walk::Document {
                mark: check_repeats.then_some(self.keys.len()),
                first: true,
                done: false,
            });
        }
        self.path.push(Segment::Start);
        let mut entries = Vec::new();
        if self.reader.peek() == Some(b'}') {
            self.reader.pos += 1;
        } else {
            loop {
                let key = self.key(None)?;
                let at = self.reader.pos;
                self.skip()?;
                entries.push((key, at));
                match self.reader.peek() {
                    Some(b',') => self.reader.pos += 1,
                    Some(b'}') => {
                        self.reader.pos += 1;
                        break;
                    }
                    _ => return Err(DeError::syntax()),
                }
            }
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Walk::Sorted {
            len: entries.len(),
            entries: entries.into_iter(),
            value_at: 0,
            end: self.reader.pos,
        })
    }

    /// Visits the array at the cursor.
    fn array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        self.enter()?;
        self.reader.pos += 1;
        if self.tracks() {
            self.path.push(Segment::Start);
        }
        let mut elements = Elements {
            parser: self,
            index: 0,
            done: false,
        };
        let value = visitor.visit_seq(&mut elements)?;
        if !elements.done {
            let mut len = elements.index;
            while de::SeqAccess::next_element::<de::IgnoredAny>(&mut elements)?.is_some() {
                len += 1;
            }
            return Err(DeError::invalid_length(len, &"fewer elements in array"));
        }
        self.depth -= 1;
        Ok(value)
    }
}

/// How the members of one object are being walked.
enum Walk<'de> {
    /// In document order, straight from the text.
    Document {
        mark: Option<usize>,
        first: bool,
        done: bool,
    },
    /// By name: every member's name and where its value starts, read beforehand.
    Sorted {
        len: usize,
        entries: std::vec::IntoIter<(Cow<'de, str>, usize)>,
        value_at: usize,
        end: usize,
    },
}

/// The members of an object.
struct Members<'a, 'de> {
    parser: &'a mut Parser<'de>,
    walk: Walk<'de>,
}

impl<'de> Members<'_, 'de> {
    /// After the visitor: one that stopped early is refused, as serde_json's `Value`
    /// refuses it ("fewer elements in map").
    fn finish(&mut self) -> Result<(), DeError> {
        let len = match &self.walk {
            Walk::Document { done: true, .. } => return Ok(()),
            Walk::Sorted { entries, .. } if entries.as_slice().is_empty() => return Ok(()),
            Walk::Sorted { len, .. } => *len,
            Walk::Document { .. } => {
                let mut len = 0usize;
                while de::MapAccess::next_key::<de::IgnoredAny>(self)?.is_some() {
                    de::MapAccess::next_value::<de::IgnoredAny>(self)?;
                    len += 1;
                }
                len
            }
        };
        Err(DeError::invalid_length(len, &"fewer elements in map"))
    }

    fn next_name(&mut self) -> Result<Option<Cow<'de, str>>, DeError> {
        let p = &mut *self.parser;
        let key = match &mut self.walk {
            Walk::Document { mark, first, done } => match p.reader.peek() {
                Some(b'}') => {
                    p.reader.pos += 1;
                    if let Some(mark) = *mark {
                        p.keys.truncate(mark);
                    }
                    *done = true;
                    None
                }
                Some(b',') if !*first => {
                    p.reader.pos += 1;
                    Some(p.key(*mark)?)
                }
                Some(_) if *first => {
                    *first = false;
                    Some(p.key(*mark)?)
                }
                _ => return Err(DeError::syntax()),
            },
            Walk::Sorted {
                entries,
                value_at,
                end,
                ..
            } => match entries.next() {
                Some((key, at)) => {
                    *value_at = at;
                    Some(key)
                }
                None => {
                    p.reader.pos = *end;
                    None
                }
            },
        };
        if p.tracks() {
            match &key {
                Some(key) => {
                    if let Some(top) = p.path.last_mut() {
                        *top = Segment::Key(key.clone());
                    }
                }
                None => {
                    p.path.pop();
                }
            }
        }
        Ok(key)
    }
}

impl<'de> de::MapAccess<'de> for Members<'_, 'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.next_name()? {
            Some(key) => seed.deserialize(Key(key)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        if let Walk::Sorted { value_at, .. } = self.walk {
            self.parser.reader.pos = value_at;
        }
        seed.deserialize(&mut *self.parser)
    }
}

/// The elements of an array.
struct Elements<'a, 'de> {
    parser: &'a mut Parser<'de>,
    index: usize,
    done: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let p = &mut *self.parser;
        match p.reader.peek() {
            Some(b']') => {
                p.reader.pos += 1;
                if p.tracks() {
                    p.path.pop();
                }
                self.done = true;
                return Ok(None);
            }
            Some(b',') if self.index > 0 => p.reader.pos += 1,
            Some(_) if self.index == 0 => {}
            _ => return Err(DeError::syntax()),
        }
        if p.tracks()
            && let Some(top) = p.path.last_mut()
        {
            *top = Segment::Index(self.index);
        }
        self.index += 1;
        seed.deserialize(&mut *p).map(Some)
    }
}

/// A member name, handed to the visitor borrowed when it had no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// An enum written as a string: a unit variant.
struct StrEnum<'de>(Cow<'de, str>);

impl<'de> de::EnumAccess<'de> for StrEnum<'de> {
    type Error = DeError;
    type Variant = UnitOnly;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, UnitOnly), DeError> {
        seed.deserialize(Key(self.0)).map(|v| (v, UnitOnly))
    }
}

/// The variant of a [`StrEnum`]: only a unit variant can be written as a string.
struct UnitOnly;

impl<'de> de::VariantAccess<'de> for UnitOnly {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, DeError> {
        Err(DeError::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, DeError> {
        Err(DeError::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DeError> {
        Err(DeError::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// An enum written as an object with one member, `{"variant": value}`.
struct MapEnum<'a, 'de> {
    parser: &'a mut Parser<'de>,
    variant: Cow<'de, str>,
    value_at: usize,
    end: usize,
}

impl<'a, 'de> de::EnumAccess<'de> for MapEnum<'a, 'de> {
    type Error = DeError;
    type Variant = MapVariant<'a, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, MapVariant<'a, 'de>), DeError> {
        let value = if self.parser.tracks() {
            let value = seed.deserialize(Key(self.variant.clone()))?;
            self.parser.path.push(Segment::Key(self.variant));
            value
        } else {
            seed.deserialize(Key(self.variant))?
        };
        Ok((
            value,
            MapVariant {
                parser: self.parser,
                value_at: self.value_at,
                end: self.end,
            },
        ))
    }
}

/// The value of a [`MapEnum`].
struct MapVariant<'a, 'de> {
    parser: &'a mut Parser<'de>,
    value_at: usize,
    end: usize,
}

impl<'de> MapVariant<'_, 'de> {
    fn read<T>(self, f: impl FnOnce(&mut Parser<'de>) -> Result<T, DeError>) -> Result<T, DeError> {
        self.parser.reader.pos = self.value_at;
        let value = f(&mut *self.parser)?;
        self.parser.reader.pos = self.end;
        if self.parser.tracks() {
            self.parser.path.pop();
        }
        Ok(value)
    }
}

impl<'de> de::VariantAccess<'de> for MapVariant<'_, 'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        self.read(|p| de::Deserialize::deserialize(p))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        self.read(|p| seed.deserialize(p))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        self.read(|p| de::Deserializer::deserialize_seq(p, visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read(|p| de::Deserializer::deserialize_map(p, visitor))
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            match self.reader.peek() {
                Some(b'-' | b'0'..=b'9') => self.number(visitor),
                _ => Err(self.invalid_type(&visitor)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'n') => {
                self.reader.literal(b"null")?;
                visitor.visit_unit()
            }
            Some(b't') => {
                self.reader.literal(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.reader.literal(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'"') => self.string(visitor),
            Some(b'-' | b'0'..=b'9') => self.number(visitor),
            Some(b'[') => self.array(visitor),
            Some(b'{') => self.object(visitor, true),
            _ => Err(DeError::syntax()),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b't' | b'f') => self.deserialize_any(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'"') => self.string(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'"') => self.string(visitor),
            Some(b'[') => self.array(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    /// `null` is a value of the wrong type, never an absent member: an optional
    /// member is absent only when it is left out.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'n') => self.deserialize_any(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if name == RAW_TOKEN {
            self.reader.peek();
            let start = self.reader.pos;
            self.skip()?;
            return visitor.visit_borrowed_str(self.reader.slice_from(start));
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'[') => self.array(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'{') => self.object(visitor, true),
            _ if self.at_root() => Err(self.not_an_object()),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    /// A struct is read only from an object (never from an array by position).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'{') => self.object(visitor, false),
            _ if self.at_root() => Err(self.not_an_object()),
            _ => Err(self.invalid_type(&"a JSON object")),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.reader.peek() {
            Some(b'"') => {
                let variant = self.reader.string()?;
                visitor.visit_enum(StrEnum(variant))
            }
            Some(b'{') => {
                self.reader.pos += 1;
                let single = if self.reader.peek() == Some(b'}') {
                    None
                } else {
                    let mark = self.keys.len();
                    let variant = self.key(Some(mark))?;
                    self.keys.truncate(mark);
                    let value_at = self.reader.pos;
                    self.skip()?;
                    (self.reader.peek() == Some(b'}')).then_some((variant, value_at))
                };
                let Some((variant, value_at)) = single else {
                    return Err(DeError::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    ));
                };
                self.reader.pos += 1;
                let end = self.reader.pos;
                visitor.visit_enum(MapEnum {
                    parser: self,
                    variant,
                    value_at,
                    end,
                })
            }
            _ => Err(self.invalid_type(&"string or map")),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.skip()?;
        visitor.visit_unit()
    }
}
