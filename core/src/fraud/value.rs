//! Attribute values: a boolean, an integer or a string. No floats: a decimal is a
//! string (`"120.50"`), compared by value when both sides are numbers.

use core::cmp::Ordering;
use core::fmt;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, Visitor};

use crate::money::{Decimal, parse_decimal};

/// A scalar attribute value (of the payment) or operand (of a rule).
///
/// ```
/// use lockstep_core::fraud::Value;
/// let v: Value = serde_json::from_str("42").unwrap();
/// assert_eq!(v, Value::Int(42));
/// assert!(serde_json::from_str::<Value>("4.2").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Value {
    /// `true` / `false`.
    Bool(bool),
    /// A JSON integer in the `i64` range.
    Int(i64),
    /// A string; a decimal number is written as a string (`"120.50"`).
    Str(String),
}

impl Value {
    /// The value as an exact number: an integer, or a string in the money decimal grammar.
    ///
    /// ```
    /// use lockstep_core::fraud::Value;
    /// assert!(Value::Str("120.50".into()).as_number().is_some());
    /// assert!(Value::Str("DE".into()).as_number().is_none());
    /// assert!(Value::Bool(true).as_number().is_none());
    /// ```
    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            Value::Int(i) => Some(Decimal::from(*i)),
            Value::Str(s) => parse_decimal(s).ok(),
            Value::Bool(_) => None,
        }
    }

    /// Equality as rules see it: numbers by value (`"120.00"` equals `120`), otherwise the
    /// same kind and the same value.
    ///
    /// ```
    /// use lockstep_core::fraud::Value;
    /// assert!(Value::Str("120.00".into()).same_as(&Value::Int(120)));
    /// assert!(!Value::Str("DE".into()).same_as(&Value::Str("de".into())));
    /// ```
    pub fn same_as(&self, other: &Value) -> bool {
        match (self.as_number(), other.as_number()) {
            (Some(a), Some(b)) => a == b,
            _ => self == other,
        }
    }

    /// Numeric order, when both sides are numbers.
    pub(super) fn compare(&self, other: &Value) -> Option<Ordering> {
        Some(self.as_number()?.cmp(&other.as_number()?))
    }
}

struct ValueVisitor;

impl Visitor<'_> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean, an integer or a string (decimals are strings)")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        i64::try_from(v)
            .map(Value::Int)
            .map_err(|_| E::custom("integer out of range; write large numbers as decimal strings"))
    }

    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<Value, E> {
        Err(E::custom(
            "invalid type: floating point, expected an integer or a decimal string such as \"120.50\"",
        ))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}
