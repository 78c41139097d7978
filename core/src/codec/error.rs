//! The decoder's own error: a message (values already reduced to their JSON kind, so
//! nothing the caller sent is repeated) or a bare "not JSON" mark whose message the
//! strict re-check supplies.

use core::fmt;

use serde::de::{self, Expected, Unexpected};

/// A decoding failure inside [`super::de::Parser`].
#[derive(Debug)]
pub(crate) struct DeError {
    /// `None`: the text is not JSON (or repeats a member); `strict::check` names why.
    pub(crate) message: Option<String>,
}

impl DeError {
    /// The text is not JSON; no message is built on this path.
    pub(crate) fn syntax() -> DeError {
        DeError { message: None }
    }
}

/// The kind of an unexpected value, as serde_json's messages name it, without the
/// value itself (`string`, not `string "4111…"`).
struct Kind<'a>(Unexpected<'a>);

impl fmt::Display for Kind<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Unexpected::Bool(_) => "boolean",
            Unexpected::Unsigned(_) | Unexpected::Signed(_) => "integer",
            Unexpected::Float(_) => "floating point",
            Unexpected::Char(_) => "character",
            Unexpected::Str(_) => "string",
            Unexpected::Bytes(_) => "byte array",
            Unexpected::Unit => "null",
            Unexpected::Option => "Option value",
            Unexpected::NewtypeStruct => "newtype struct",
            Unexpected::Seq => "sequence",
            Unexpected::Map => "map",
            Unexpected::Enum => "enum",
            Unexpected::UnitVariant => "unit variant",
            Unexpected::NewtypeVariant => "newtype variant",
            Unexpected::TupleVariant => "tuple variant",
            Unexpected::StructVariant => "struct variant",
            Unexpected::Other(other) => other,
        })
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: Some(msg.to_string()),
        }
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::custom(format_args!(
            "invalid type: {}, expected {}",
            Kind(unexp),
            exp
        ))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::custom(format_args!(
            "invalid value: {}, expected {}",
            Kind(unexp),
            exp
        ))
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message.as_deref().unwrap_or("not valid JSON"))
    }
}

impl std::error::Error for DeError {}
