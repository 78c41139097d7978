//! [`Money`]: an amount in one currency, always at exactly its minor units.

use core::cmp::Ordering;
use core::fmt;

use rust_decimal::Decimal;

use super::amount::{Amount, parse_decimal};
use super::rounding::{self, RoundingMode, div_round, from_mantissa, scaled_mantissa};
use super::{Currency, MoneyError};

/// An amount of one currency, held at exactly the currency's minor units (USD
/// `59.97`, JPY `60`, KWD `1.230`), never negative zero. Arithmetic is checked:
/// mixing currencies or overflowing is an error, never a panic. Anything that would
/// need more decimal places is rounded explicitly with a [`RoundingMode`].
///
/// On the wire: `{"amount": "59.97", "currency": "USD"}`, the amount a string.
///
/// ```
/// use lockstep_core::money::{Currency, Money};
/// let usd = Currency::from_code("USD")?;
/// let a = Money::parse("19.99", usd)?;
/// let total = a.checked_add(a)?.checked_add(a)?;
/// assert_eq!(total.to_amount_string(), "59.97");
/// let json = serde_json::to_string(&total).unwrap();
/// assert_eq!(json, r#"{"amount":"59.97","currency":"USD"}"#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An exact amount; an error if it has non-zero digits past the currency's minor
    /// units (trailing zeros are fine: `1.2300` KWD is `1.230`).
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money, MoneyError};
    /// use rust_decimal::Decimal;
    /// let kwd = Currency::from_code("KWD")?;
    /// assert_eq!(Money::new(Decimal::new(123, 2), kwd)?.to_amount_string(), "1.230");
    /// assert!(matches!(Money::new(Decimal::new(12345, 4), kwd), Err(MoneyError::ExcessPrecision { .. })));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn new(amount: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        let minor = currency.minor_units();
        let normalized = amount.normalize();
        if normalized.scale() > minor {
            return Err(MoneyError::ExcessPrecision {
                currency: currency.code(),
                minor_units: minor,
            });
        }
        Ok(Money {
            amount: rounding::with_scale(normalized, minor)?,
            currency,
        })
    }

    /// Parses a decimal string exactly (see [`parse_decimal`](super::parse_decimal))
    /// and checks it against the currency's minor units.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let jpy = Currency::from_code("JPY")?;
    /// assert_eq!(Money::parse("60", jpy)?.to_amount_string(), "60");
    /// assert!(Money::parse("60.5", jpy).is_err());
    /// assert!(Money::parse("60.", jpy).is_err());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn parse(amount: &str, currency: Currency) -> Result<Money, MoneyError> {
        Money::new(parse_decimal(amount)?, currency)
    }

    /// Rounds any decimal to the currency's minor units with `mode`.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money, RoundingMode};
    /// use rust_decimal::Decimal;
    /// let usd = Currency::from_code("USD")?;
    /// let m = Money::from_decimal_rounded(Decimal::new(-125, 3), usd, RoundingMode::HalfUp)?;
    /// assert_eq!(m.to_amount_string(), "-0.13");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn from_decimal_rounded(
        value: Decimal,
        currency: Currency,
        mode: RoundingMode,
    ) -> Result<Money, MoneyError> {
        Ok(Money {
            amount: rounding::round_dp(value, currency.minor_units(), mode)?,
            currency,
        })
    }

    /// An amount counted in minor units (cents): `from_minor(1999, USD)` is 19.99.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// assert_eq!(Money::from_minor(-5, usd)?.to_amount_string(), "-0.05");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn from_minor(minor: i128, currency: Currency) -> Result<Money, MoneyError> {
        Ok(Money {
            amount: from_mantissa(minor, currency.minor_units())?,
            currency,
        })
    }

    /// Zero in `currency` (`0.00` for USD).
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// assert_eq!(Money::zero(Currency::from_code("KWD")?).to_amount_string(), "0.000");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn zero(currency: Currency) -> Money {
        Money {
            amount: Decimal::new(0, currency.minor_units()),
            currency,
        }
    }

    /// The amount as a decimal with scale equal to the minor units.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let m = Money::parse("5", Currency::from_code("USD")?)?;
    /// assert_eq!(m.amount().to_string(), "5.00");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn amount(self) -> Decimal {
        self.amount
    }

    /// The currency.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// assert_eq!(Money::zero(usd).currency(), usd);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn currency(self) -> Currency {
        self.currency
    }

    /// The amount counted in minor units (19.99 USD → 1999).
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// assert_eq!(Money::parse("19.99", Currency::from_code("USD")?)?.minor(), 1999);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn minor(self) -> i128 {
        self.amount.mantissa()
    }

    /// Whether the amount is zero.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// assert!(Money::zero(Currency::from_code("USD")?).is_zero());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn is_zero(self) -> bool {
        self.amount.is_zero()
    }

    /// Whether the amount is below zero.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// assert!(Money::parse("-0.01", Currency::from_code("USD")?)?.is_negative());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn is_negative(self) -> bool {
        self.amount < Decimal::ZERO
    }

    /// The canonical amount string: exactly the minor units, no exponent, never `-0`.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// assert_eq!(Money::parse("-0", usd)?.to_amount_string(), "0.00");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn to_amount_string(self) -> String {
        self.amount_text().as_str().to_owned()
    }

    /// The canonical amount string on the stack (see [`Money::to_amount_string`]).
    pub(crate) fn amount_text(self) -> super::as_amount::AmountText {
        super::as_amount::AmountText::new(self.amount.mantissa(), self.amount.scale())
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                expected: self.currency.code(),
                found: other.currency.code(),
            })
        }
    }

    /// The same currency with `minor` minor units; overflow past 96 bits is `op`'s.
    fn with_minor(self, minor: i128, op: &'static str) -> Result<Money, MoneyError> {
        Money::from_minor(minor, self.currency).map_err(|_| MoneyError::Overflow { op })
    }

    /// `self + other`; an error on a currency mismatch or overflow.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money, MoneyError};
    /// let usd = Currency::from_code("USD")?;
    /// let eur = Currency::from_code("EUR")?;
    /// let sum = Money::parse("0.10", usd)?.checked_add(Money::parse("0.20", usd)?)?;
    /// assert_eq!(sum.to_amount_string(), "0.30");
    /// assert!(matches!(Money::zero(usd).checked_add(Money::zero(eur)), Err(MoneyError::CurrencyMismatch { .. })));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        // Same currency, so the same scale: exact integer addition of minor units.
        let sum = self
            .minor()
            .checked_add(other.minor())
            .ok_or(MoneyError::Overflow { op: "add" })?;
        self.with_minor(sum, "add")
    }

    /// `self - other`; an error on a currency mismatch or overflow.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// let d = Money::parse("1.00", usd)?.checked_sub(Money::parse("1.00", usd)?)?;
    /// assert_eq!(d.to_amount_string(), "0.00");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let diff = self
            .minor()
            .checked_sub(other.minor())
            .ok_or(MoneyError::Overflow { op: "sub" })?;
        self.with_minor(diff, "sub")
    }

    /// The sum of `items`, all in `currency` (zero for none).
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// let items = [Money::parse("1.10", usd)?, Money::parse("2.20", usd)?];
    /// assert_eq!(Money::checked_sum(usd, items)?.to_amount_string(), "3.30");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn checked_sum(
        currency: Currency,
        items: impl IntoIterator<Item = Money>,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }

    /// `-self` (cannot overflow: the range is symmetric).
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// assert_eq!(Money::parse("2.50", usd)?.negate().to_amount_string(), "-2.50");
    /// assert_eq!(Money::zero(usd).negate().to_amount_string(), "0.00");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn negate(self) -> Money {
        let amount = if self.amount.is_zero() {
            self.amount
        } else {
            -self.amount
        };
        Money {
            amount,
            currency: self.currency,
        }
    }

    /// `|self|`.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// assert_eq!(Money::parse("-2.50", usd)?.abs().to_amount_string(), "2.50");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn abs(self) -> Money {
        if self.is_negative() {
            self.negate()
        } else {
            self
        }
    }

    /// `self × factor`, computed exactly and rounded once to the minor units with `mode`.
    ///
    /// ```
    /// use lockstep_core::money::{parse_decimal, Currency, Money, RoundingMode};
    /// let usd = Currency::from_code("USD")?;
    /// let tax = Money::parse("19.99", usd)?.checked_mul(parse_decimal("0.0825")?, RoundingMode::HalfEven)?;
    /// assert_eq!(tax.to_amount_string(), "1.65"); // 1.649175
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn checked_mul(self, factor: Decimal, mode: RoundingMode) -> Result<Money, MoneyError> {
        let amount = rounding::mul_round(self.amount, factor, self.currency.minor_units(), mode)?;
        Ok(Money {
            amount,
            currency: self.currency,
        })
    }

    /// Rounds to a multiple of `increment` (which must be a positive multiple of the
    /// minor unit, e.g. 0.05 or 1) with `mode`.
    ///
    /// ```
    /// use lockstep_core::money::{parse_decimal, Currency, Money, RoundingMode};
    /// let usd = Currency::from_code("USD")?;
    /// let m = Money::parse("1.12", usd)?.round_to_increment(parse_decimal("0.25")?, RoundingMode::HalfEven)?;
    /// assert_eq!(m.to_amount_string(), "1.00");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn round_to_increment(
        self,
        increment: Decimal,
        mode: RoundingMode,
    ) -> Result<Money, MoneyError> {
        if increment <= Decimal::ZERO {
            return Err(MoneyError::InvalidIncrement);
        }
        let minor = self.currency.minor_units();
        let normalized = increment.normalize();
        if normalized.scale() > minor {
            return Err(MoneyError::ExcessPrecision {
                currency: self.currency.code(),
                minor_units: minor,
            });
        }
        let inc = scaled_mantissa(normalized, minor)?;
        let q = div_round(self.minor(), inc, mode);
        let m = q
            .checked_mul(inc)
            .ok_or(MoneyError::Overflow { op: "round" })?;
        Money::from_minor(m, self.currency)
    }

    /// Rounds to the currency's CLDR cash increment (CHF 0.05, DKK 0.50, SEK 1.00);
    /// unchanged for a currency without one.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money, RoundingMode};
    /// let chf = Currency::from_code("CHF")?;
    /// let m = Money::parse("10.23", chf)?.round_to_cash(RoundingMode::HalfEven)?;
    /// assert_eq!(m.to_amount_string(), "10.25");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn round_to_cash(self, mode: RoundingMode) -> Result<Money, MoneyError> {
        match self.currency.cash_increment() {
            Some(inc) => self.round_to_increment(inc, mode),
            None => Ok(self),
        }
    }

    /// Compares two amounts of the same currency.
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// assert_eq!(Money::parse("1", usd)?.checked_cmp(Money::parse("0.99", usd)?)?, Ordering::Greater);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn checked_cmp(self, other: Money) -> Result<Ordering, MoneyError> {
        self.same_currency(other)?;
        Ok(self.amount.cmp(&other.amount))
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({} {})", self.amount, self.currency.code())
    }
}

/// `59.97 USD`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency.code())
    }
}

/// The wire form of [`Money`] (deserializing and the schema).
#[derive(serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "An amount of one currency; the amount has at most the currency's minor units."
    )
)]
#[serde(deny_unknown_fields)]
struct MoneyRepr {
    /// The amount, a decimal string with at most the currency's minor units.
    amount: Amount,
    /// The ISO 4217 code.
    currency: Currency,
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Money", 2)?;
        s.serialize_field("amount", &self.to_amount_string())?;
        s.serialize_field("currency", &self.currency)?;
        s.end()
    }
}

impl<'de> serde::Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = MoneyRepr::deserialize(deserializer)?;
        Money::new(repr.amount.value(), repr.currency).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        MoneyRepr::json_schema(generator)
    }
}
