//! The one error type of the money module.

use core::fmt;

/// Everything that can go wrong in money arithmetic, parsing and allocation.
///
/// No money operation panics: overflow, a currency mix-up or unrepresentable input
/// is one of these variants. [`MoneyError::code`] gives a stable snake_case name.
///
/// ```
/// use lockstep_core::money::{Currency, MoneyError};
/// let err = Currency::from_code("ANG").unwrap_err();
/// assert_eq!(err, MoneyError::RetiredCurrency { code: "ANG", replaced_by: Some("XCG") });
/// assert_eq!(err.code(), "retired_currency");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MoneyError {
    /// A currency code is not three ASCII capital letters. The input itself is not
    /// kept (it may be a card number typed into the wrong field): only its length.
    /// [`crate::redact::currency_message`] quotes it when the echo rule allows.
    InvalidCurrencyCode {
        /// The input's length in Unicode scalar values.
        chars: usize,
    },
    /// A well-formed code (three capital letters A-Z, so never a secret) that ISO 4217
    /// list one does not have and CLDR never had.
    UnknownCurrency {
        /// The code: three capital letters.
        code: String,
    },
    /// A code withdrawn from ISO 4217 (ANG, HRK, ...).
    RetiredCurrency {
        /// The withdrawn code.
        code: &'static str,
        /// Its single current successor, where there is one (ANG → XCG).
        replaced_by: Option<&'static str>,
    },
    /// An ISO code whose minor units are "N.A." (metals, XDR, XTS, XXX, bond units):
    /// not accepted for amounts.
    NoMinorUnits {
        /// The code.
        code: &'static str,
    },
    /// A decimal string that is not `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
    InvalidDecimal {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A decimal that needs more than 28 digits, or more than 96 bits of mantissa.
    Unrepresentable,
    /// An amount with more decimal places than its currency's minor units.
    ExcessPrecision {
        /// The currency.
        currency: &'static str,
        /// Its minor units.
        minor_units: u32,
    },
    /// Two amounts in different currencies were combined.
    CurrencyMismatch {
        /// The currency of the left operand (or the expected one).
        expected: &'static str,
        /// The currency of the right operand (or the one found).
        found: &'static str,
    },
    /// A checked operation overflowed.
    Overflow {
        /// The operation (`add`, `sub`, `mul`, `allocate`, ...).
        op: &'static str,
    },
    /// A rounding increment that is zero or negative.
    InvalidIncrement,
    /// An exchange rate that is zero or negative.
    InvalidRate,
    /// An allocation over no parts.
    EmptyAllocation,
    /// An allocation whose weights are all zero.
    ZeroWeights,
    /// An allocation with a negative weight.
    NegativeWeight {
        /// Index of the first negative weight.
        index: usize,
    },
}

impl MoneyError {
    /// Stable snake_case name of the variant.
    ///
    /// ```
    /// use lockstep_core::money::MoneyError;
    /// assert_eq!(MoneyError::Overflow { op: "add" }.code(), "overflow");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            MoneyError::InvalidCurrencyCode { .. } => "invalid_currency_code",
            MoneyError::UnknownCurrency { .. } => "unknown_currency",
            MoneyError::RetiredCurrency { .. } => "retired_currency",
            MoneyError::NoMinorUnits { .. } => "no_minor_units",
            MoneyError::InvalidDecimal { .. } => "invalid_decimal",
            MoneyError::Unrepresentable => "unrepresentable",
            MoneyError::ExcessPrecision { .. } => "excess_precision",
            MoneyError::CurrencyMismatch { .. } => "currency_mismatch",
            MoneyError::Overflow { .. } => "overflow",
            MoneyError::InvalidIncrement => "invalid_increment",
            MoneyError::InvalidRate => "invalid_rate",
            MoneyError::EmptyAllocation => "empty_allocation",
            MoneyError::ZeroWeights => "zero_weights",
            MoneyError::NegativeWeight { .. } => "negative_weight",
        }
    }

    pub(crate) fn invalid_code(input: &str) -> Self {
        MoneyError::InvalidCurrencyCode {
            chars: input.chars().count(),
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Never the input; `redact::currency_message` quotes it where it may.
            MoneyError::InvalidCurrencyCode { .. } => {
                f.write_str("not a currency code (three capital letters A-Z)")
            }
            MoneyError::UnknownCurrency { code } => {
                write!(f, "{code} is not an ISO 4217 currency code")
            }
            MoneyError::RetiredCurrency {
                code,
                replaced_by: Some(new),
            } => write!(f, "{code} was withdrawn from ISO 4217; use {new}"),
            MoneyError::RetiredCurrency {
                code,
                replaced_by: None,
            } => write!(f, "{code} was withdrawn from ISO 4217"),
            MoneyError::NoMinorUnits { code } => write!(
                f,
                "{code} has no minor units in ISO 4217 (fund, metal or special code) and is not accepted for amounts"
            ),
            MoneyError::InvalidDecimal { reason } => write!(f, "invalid decimal: {reason}"),
            MoneyError::Unrepresentable => {
                f.write_str("the number needs more than 28 significant digits")
            }
            MoneyError::ExcessPrecision {
                currency,
                minor_units,
            } => write!(
                f,
                "{currency} amounts have at most {minor_units} decimal places"
            ),
            MoneyError::CurrencyMismatch { expected, found } => {
                write!(f, "currency mismatch: expected {expected}, found {found}")
            }
            MoneyError::Overflow { op } => write!(f, "overflow in {op}"),
            MoneyError::InvalidIncrement => f.write_str("a rounding increment must be positive"),
            MoneyError::InvalidRate => f.write_str("an exchange rate must be positive"),
            MoneyError::EmptyAllocation => f.write_str("cannot allocate over an empty list"),
            MoneyError::ZeroWeights => f.write_str("cannot allocate when every weight is zero"),
            MoneyError::NegativeWeight { index } => {
                write!(f, "weight {index} is negative")
            }
        }
    }
}

impl std::error::Error for MoneyError {}
