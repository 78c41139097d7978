//! Money: ISO 4217 currencies, exact decimal amounts, rounding, allocation and
//! conversion. The rules are in `docs/money.md`.
//!
//! * [`Currency`]: ISO 4217 list one (generated table, see [`CURRENCY_DATA_VERSION`]).
//! * [`Money`]: an amount at exactly its currency's minor units; checked arithmetic,
//!   no currency mixing, no panics.
//! * [`Amount`]: an exact decimal that crosses JSON as a string.
//! * [`RoundingMode`]: `half_even` (default), `half_up`, `half_down`, `up`, `down`,
//!   `ceiling`, `floor`.
//! * [`allocate_minor`] / [`Money::allocate`]: largest remainder, ties to the lowest index.
//! * [`convert`] / [`ExchangeRate`]: a rate as data, one rounding.
//!
//! ```
//! use lockstep_core::money::{Currency, Money, RoundingMode, parse_decimal};
//! let chf = Currency::from_code("CHF")?;
//! let price = Money::parse("19.99", chf)?;
//! let total = price.checked_mul(parse_decimal("3")?, RoundingMode::HalfEven)?;
//! assert_eq!(total.to_amount_string(), "59.97");
//! assert_eq!(total.round_to_cash(RoundingMode::HalfEven)?.to_amount_string(), "59.95");
//! # Ok::<(), lockstep_core::money::MoneyError>(())
//! ```

mod allocate;
mod amount;
pub mod as_amount;
mod convert;
mod currency;
mod currency_table;
mod error;
mod monetary;
mod rounding;
pub(crate) mod wide;

#[cfg(test)]
mod tests;

pub use allocate::allocate_minor;
pub use amount::{Amount, DECIMAL_PATTERN, MAX_DECIMAL_CHARS, format_normalized, parse_decimal};
pub use convert::{ExchangeRate, convert};
pub use currency::{Currency, iso_code_count};
pub use currency_table::{
    CLDR_CORE_PACKAGE_VERSION, CLDR_VERSION, CURRENCY_DATA_VERSION, ISO4217_PACKAGE_VERSION,
    ISO4217_PUBLISHED,
};
pub use error::MoneyError;
pub use monetary::Money;
pub(crate) use rounding::div_round;
pub use rounding::{RoundingMode, round_dp, round_to_increment};

/// The decimal type used throughout (`rust_decimal`, pinned), re-exported.
pub use rust_decimal::Decimal;
