//! Exact decimal numbers on the wire: [`Amount`] and [`parse_decimal`].

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use super::MoneyError;

pub use crate::limits::MAX_DECIMAL_CHARS;

/// The grammar of a decimal string, as a regular expression (used in the JSON Schema).
///
/// ```
/// assert_eq!(lockstep_core::money::DECIMAL_PATTERN, r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$");
/// ```
pub const DECIMAL_PATTERN: &str = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$";

/// Parses a decimal string exactly: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, ASCII digits only,
/// no `+`, exponent, separators, spaces or leading zeros; at most 28 decimal places
/// and a value that fits 96 bits. Never rounds. `-0` is zero.
///
/// ```
/// use lockstep_core::money::{parse_decimal, MoneyError};
/// assert_eq!(parse_decimal("19.99")?.to_string(), "19.99");
/// assert_eq!(parse_decimal("-0.00")?.is_sign_negative(), false);
/// assert!(matches!(parse_decimal("1e3"), Err(MoneyError::InvalidDecimal { .. })));
/// assert!(matches!(parse_decimal("0.00000000000000000000000000001"), Err(MoneyError::Unrepresentable)));
/// # Ok::<(), MoneyError>(())
/// ```
pub fn parse_decimal(s: &str) -> Result<Decimal, MoneyError> {
    match short(s.as_bytes()) {
        Some(d) => Ok(d),
        None => checked(s),
    }
}

/// The common case in one pass: a well-formed string of at most 19 digits and a point,
/// whose value always fits (below 10^19, at most 18 places). Anything else, well-formed
/// or not, is `None` and goes to [`checked`], which also words the errors; the tests
/// compare the two on arbitrary strings.
fn short(s: &[u8]) -> Option<Decimal> {
    let (negative, body) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    if body.is_empty() || body.len() > 19 {
        return None;
    }
    let mut mantissa = 0u64;
    let mut point = None;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(b - b'0'),
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    let int_len = point.unwrap_or(body.len());
    let leading_zero = int_len > 1 && body.first() == Some(&b'0');
    if int_len == 0 || point == Some(body.len() - 1) || leading_zero {
        return None;
    }
    let scale = point.map_or(0, |p| body.len() - 1 - p);
    Some(Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        0,
        negative && mantissa != 0,
        u32::try_from(scale).ok()?,
    ))
}

/// The general case: the grammar checked (with the error's reason), then rust_decimal's
/// exact parser.
pub(super) fn checked(s: &str) -> Result<Decimal, MoneyError> {
    check_syntax(s)?;
    if s.len() > MAX_DECIMAL_CHARS {
        return Err(MoneyError::Unrepresentable);
    }
    let d = Decimal::from_str_exact(s).map_err(|_| MoneyError::Unrepresentable)?;
    if d.is_zero() {
        return Ok(Decimal::new(0, d.scale()));
    }
    Ok(d)
}

fn check_syntax(s: &str) -> Result<(), MoneyError> {
    let err = |reason| Err(MoneyError::InvalidDecimal { reason });
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() {
        return err("expected a digit before the decimal point");
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) {
        return err("only an optional '-', ASCII digits and one '.' are allowed");
    }
    if int.len() > 1 && int.starts_with('0') {
        return err("leading zeros are not allowed");
    }
    if let Some(frac) = frac {
        if frac.is_empty() {
            return err("expected a digit after the decimal point");
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return err("only an optional '-', ASCII digits and one '.' are allowed");
        }
    }
    Ok(())
}

/// Formats a decimal in normalized form: no trailing fractional zeros, never `-0`.
///
/// ```
/// use lockstep_core::money::{format_normalized, parse_decimal};
/// assert_eq!(format_normalized(parse_decimal("1.2500")?), "1.25");
/// assert_eq!(format_normalized(parse_decimal("-0.0")?), "0");
/// assert_eq!(format_normalized(parse_decimal("100")?), "100");
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn format_normalized(value: Decimal) -> String {
    if value.is_zero() {
        return "0".to_owned();
    }
    // rust_decimal's `Display` text, written on the stack without `core::fmt`
    // (`as_amount` tests prove the two texts equal).
    let n = value.normalize();
    super::as_amount::AmountText::new(n.mantissa(), n.scale())
        .as_str()
        .to_owned()
}

/// An exact decimal number that crosses JSON as a string (`"19.99"`), never as a JSON
/// number: amounts before a currency is attached, rates, weights, quantities.
///
/// Deserializing accepts only strings in the [`parse_decimal`] grammar and rejects
/// JSON numbers; serializing writes the normalized form ([`format_normalized`]).
///
/// ```
/// use lockstep_core::money::Amount;
/// let a: Amount = serde_json::from_str(r#""19.990""#).unwrap();
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#""19.99""#);
/// assert!(serde_json::from_str::<Amount>("19.99").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Amount(Decimal);

impl Amount {
    /// Wraps a decimal (negative zero becomes zero).
    ///
    /// ```
    /// use lockstep_core::money::Amount;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Amount::new(Decimal::new(125, 2)).to_string(), "1.25");
    /// ```
    pub fn new(value: Decimal) -> Amount {
        if value.is_zero() {
            Amount(Decimal::new(0, value.scale()))
        } else {
            Amount(value)
        }
    }

    /// Parses with [`parse_decimal`].
    ///
    /// ```
    /// use lockstep_core::money::Amount;
    /// assert_eq!(Amount::parse("0.05")?.value().to_string(), "0.05");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Amount, MoneyError> {
        parse_decimal(s).map(Amount)
    }

    /// The decimal value, with the scale it was written with.
    ///
    /// ```
    /// use lockstep_core::money::Amount;
    /// assert_eq!(Amount::parse("1.50")?.value().scale(), 2);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl From<Amount> for Decimal {
    fn from(a: Amount) -> Decimal {
        a.0
    }
}

impl From<Decimal> for Amount {
    fn from(d: Decimal) -> Amount {
        Amount::new(d)
    }
}

impl FromStr for Amount {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Amount::parse(s)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_normalized(self.0))
    }
}

impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_normalized(self.0))
    }
}

impl<'de> serde::Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number as a string, such as \"19.99\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                Amount::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": DECIMAL_PATTERN,
            "maxLength": MAX_DECIMAL_CHARS,
            "description": "An exact decimal number written as a string (at most 28 decimal places)",
            "examples": ["19.99", "-0.5", "3"]
        })
    }
}
