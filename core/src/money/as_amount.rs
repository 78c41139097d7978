//! Serde adapters for answers: a [`Money`] written as its amount string alone
//! (`"59.97"`, exactly the currency's minor units), formatted on the stack.
//!
//! ```
//! use lockstep_core::money::{Currency, Money};
//! #[derive(serde::Serialize)]
//! struct Line {
//!     #[serde(serialize_with = "lockstep_core::money::as_amount::serialize")]
//!     total: Money,
//! }
//! let total = Money::parse("-1234.5", Currency::from_code("USD")?)?;
//! assert_eq!(serde_json::to_string(&Line { total }).unwrap(), r#"{"total":"-1234.50"}"#);
//! # Ok::<(), lockstep_core::money::MoneyError>(())
//! ```

use serde::Serializer;

use super::Money;

/// Longest amount text: a sign, 39 digits of an `i128`, a point, and leading zeros up
/// to 28 decimal places all fit.
const CAP: usize = 72;

/// Decimal text for `mantissa × 10^-scale`, written from the end of a stack buffer.
pub(crate) struct AmountText {
    bytes: [u8; CAP],
    start: usize,
}

/// `"00"`, `"01"` … `"99"`: two digits per division.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

impl AmountText {
    /// `mantissa` scaled by `scale` decimal places; zero is never negative.
    pub(crate) fn new(mantissa: i128, scale: u32) -> AmountText {
        let mut t = AmountText {
            bytes: [b'0'; CAP],
            start: CAP,
        };
        // Fraction digits still to write; the point follows the last of them.
        let mut left = scale;
        let mut wide = mantissa.unsigned_abs();
        // 128-bit division is the slow part of formatting: only while the value does
        // not fit 64 bits (it almost always does).
        while wide > u128::from(u64::MAX) {
            t.push(b'0' + (wide % 10) as u8);
            wide /= 10;
            t.fraction_digit_written(&mut left);
        }
        let mut narrow = u64::try_from(wide).unwrap_or(0);
        while left >= 2 {
            t.pair(narrow % 100);
            narrow /= 100;
            left -= 1;
            t.fraction_digit_written(&mut left);
        }
        if left == 1 {
            t.push(b'0' + (narrow % 10) as u8);
            narrow /= 10;
            t.fraction_digit_written(&mut left);
        }
        // The integer part: at least one digit.
        while narrow >= 100 {
            t.pair(narrow % 100);
            narrow /= 100;
        }
        if narrow >= 10 {
            t.pair(narrow);
        } else {
            t.push(b'0' + narrow as u8);
        }
        if mantissa < 0 {
            t.push(b'-');
        }
        t
    }

    /// Counts one fraction digit written, and writes the point after the last one.
    fn fraction_digit_written(&mut self, left: &mut u32) {
        if *left > 0 {
            *left -= 1;
            if *left == 0 {
                self.push(b'.');
            }
        }
    }

    /// Writes the two digits of `v` (below 100) to the left.
    fn pair(&mut self, v: u64) {
        let i = (v as usize % 100) * 2;
        self.push(PAIRS.get(i + 1).copied().unwrap_or(b'0'));
        self.push(PAIRS.get(i).copied().unwrap_or(b'0'));
    }

    fn push(&mut self, b: u8) {
        if self.start > 0 {
            self.start -= 1;
            if let Some(slot) = self.bytes.get_mut(self.start) {
                *slot = b;
            }
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        self.bytes
            .get(self.start..)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// Writes `money` as its amount string (`serialize_with`).
///
/// ```
/// use lockstep_core::money::{as_amount, Currency, Money};
/// let m = Money::parse("5", Currency::from_code("KWD")?)?;
/// let mut out = Vec::new();
/// as_amount::serialize(&m, &mut serde_json::Serializer::new(&mut out)).unwrap();
/// assert_eq!(out, br#""5.000""#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn serialize<S: Serializer>(money: &Money, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(money.amount_text().as_str())
}

/// Writes an optional `money` as its amount string; use with
/// `skip_serializing_if = "Option::is_none"`.
///
/// ```
/// use lockstep_core::money::{as_amount, Currency, Money};
/// let m = Some(Money::parse("0.05", Currency::from_code("CHF")?)?);
/// let mut out = Vec::new();
/// as_amount::option(&m, &mut serde_json::Serializer::new(&mut out)).unwrap();
/// assert_eq!(out, br#""0.05""#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn option<S: Serializer>(money: &Option<Money>, serializer: S) -> Result<S::Ok, S::Error> {
    match money {
        Some(m) => serialize(m, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::AmountText;

    #[test]
    fn edges() {
        for (m, s, text) in [
            (0i128, 2u32, "0.00"),
            (0, 0, "0"),
            (5, 2, "0.05"),
            (-5, 2, "-0.05"),
            (12345, 3, "12.345"),
            (-100, 0, "-100"),
            (i128::from(u64::MAX) + 1, 2, "184467440737095516.16"),
            (
                -(i128::from(u64::MAX) * 10),
                28,
                "-0.0000000184467440737095516150",
            ),
            (1, 28, "0.0000000000000000000000000001"),
        ] {
            assert_eq!(AmountText::new(m, s).as_str(), text, "{m} e-{s}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The same text as rust_decimal's `Display` for every 96-bit mantissa and scale.
        #[test]
        fn equals_decimal_display(lo in any::<u64>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28, small in any::<bool>()) {
            let magnitude = if small { i128::from(lo % 100_000) } else { (i128::from(hi) << 64) | i128::from(lo) };
            let m = if neg { -magnitude } else { magnitude };
            let d = Decimal::from_i128_with_scale(m, scale);
            let expected = if m == 0 { d.abs().to_string() } else { d.to_string() };
            let text = AmountText::new(m, scale);
            prop_assert_eq!(text.as_str(), expected);
        }

        /// `format_normalized` (written with `AmountText`) is rust_decimal's normalized
        /// `Display`, and `"0"` for every zero.
        #[test]
        fn normalized_equals_decimal_normalize(lo in any::<u64>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28, small in any::<bool>(), zeros in 0u32..6) {
            let magnitude = if small { i128::from(lo % 100_000) * 10i128.pow(zeros) } else { (i128::from(hi) << 64) | i128::from(lo) };
            let m = if neg { -magnitude } else { magnitude };
            let Some(d) = Decimal::try_from_i128_with_scale(m, scale).ok() else { return Ok(()) };
            let expected = if d.is_zero() { "0".to_owned() } else { d.normalize().to_string() };
            prop_assert_eq!(crate::money::format_normalized(d), expected);
        }
    }
}
