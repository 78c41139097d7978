//! Currency conversion with a rate given as data.

use rust_decimal::Decimal;

use super::amount::Amount;
use super::rounding::{RoundingMode, mul_round};
use super::{Currency, Money, MoneyError};

/// Converts `money` into `target` at `rate` (units of `target` per unit of the source),
/// computing `amount × rate` exactly and rounding once to the target's minor units
/// with `mode`. The rate must be positive.
///
/// ```
/// use lockstep_core::money::{convert, parse_decimal, Currency, Money, RoundingMode};
/// let usd = Currency::from_code("USD")?;
/// let jpy = Currency::from_code("JPY")?;
/// let yen = convert(Money::parse("10.00", usd)?, parse_decimal("151.235")?, jpy, RoundingMode::HalfEven)?;
/// assert_eq!(yen.to_amount_string(), "1512"); // 1512.35
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn convert(
    money: Money,
    rate: Decimal,
    target: Currency,
    mode: RoundingMode,
) -> Result<Money, MoneyError> {
    if rate <= Decimal::ZERO {
        return Err(MoneyError::InvalidRate);
    }
    let amount = mul_round(money.amount(), rate, target.minor_units(), mode)?;
    Money::new(amount, target)
}

/// An exchange rate as data: `{"from": "USD", "to": "EUR", "rate": "0.9215"}`, the
/// rate a decimal string (units of `to` per unit of `from`).
///
/// ```
/// use lockstep_core::money::{Currency, ExchangeRate, Money, RoundingMode};
/// let rate: ExchangeRate = serde_json::from_str(r#"{"from":"USD","to":"KWD","rate":"0.30712"}"#).unwrap();
/// let kwd = rate.apply(Money::parse("100.00", Currency::from_code("USD")?)?, RoundingMode::HalfUp)?;
/// assert_eq!(kwd.to_amount_string(), "30.712");
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "An exchange rate: units of `to` per unit of `from`, a decimal string."
    )
)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// The source currency.
    pub from: Currency,
    /// The target currency.
    pub to: Currency,
    /// Units of `to` per unit of `from`; positive.
    pub rate: Amount,
}

impl ExchangeRate {
    /// Converts `money` (which must be in `from`) into `to`; see [`convert`].
    ///
    /// ```
    /// use lockstep_core::money::{parse_decimal, Amount, Currency, ExchangeRate, Money, MoneyError, RoundingMode};
    /// let (usd, eur) = (Currency::from_code("USD")?, Currency::from_code("EUR")?);
    /// let rate = ExchangeRate { from: usd, to: eur, rate: Amount::parse("0.9215")? };
    /// assert_eq!(rate.apply(Money::parse("1.00", usd)?, RoundingMode::HalfEven)?.to_amount_string(), "0.92");
    /// assert!(matches!(rate.apply(Money::zero(eur), RoundingMode::HalfEven), Err(MoneyError::CurrencyMismatch { .. })));
    /// # Ok::<(), MoneyError>(())
    /// ```
    pub fn apply(&self, money: Money, mode: RoundingMode) -> Result<Money, MoneyError> {
        if money.currency() != self.from {
            return Err(MoneyError::CurrencyMismatch {
                expected: self.from.code(),
                found: money.currency().code(),
            });
        }
        convert(money, self.rate.value(), self.to, mode)
    }
}
