//! Rounding modes and exact rounding helpers.

use rust_decimal::{Decimal, RoundingStrategy};

use super::MoneyError;

/// How to round; the names and meanings are those of the General Decimal Arithmetic
/// specification and Python's `decimal` (see docs/money.md for the full table).
///
/// | mode | meaning | 2.5 | −1.5 | 2.4 | −2.4 |
/// |---|---|---|---|---|---|
/// | `half_even` (default) | nearest, ties to even | 2 | −2 | 2 | −2 |
/// | `half_up` | nearest, ties away from zero | 3 | −2 | 2 | −2 |
/// | `half_down` | nearest, ties toward zero | 2 | −1 | 2 | −2 |
/// | `up` | away from zero | 3 | −2 | 3 | −3 |
/// | `down` | toward zero | 2 | −1 | 2 | −2 |
/// | `ceiling` | toward +∞ | 3 | −1 | 3 | −2 |
/// | `floor` | toward −∞ | 2 | −2 | 2 | −3 |
///
/// ```
/// use lockstep_core::money::RoundingMode;
/// let mode: RoundingMode = serde_json::from_str(r#""half_up""#).unwrap();
/// assert_eq!(mode, RoundingMode::HalfUp);
/// assert_eq!(RoundingMode::default(), RoundingMode::HalfEven);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "How to round (see docs/money.md); half_even is the default.")
)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Nearest; ties to the even neighbour (banker's rounding). The default.
    #[default]
    HalfEven,
    /// Nearest; ties away from zero (−1.5 → −2).
    HalfUp,
    /// Nearest; ties toward zero (−1.5 → −1).
    HalfDown,
    /// Away from zero.
    Up,
    /// Toward zero (truncation).
    Down,
    /// Toward positive infinity.
    Ceiling,
    /// Toward negative infinity.
    Floor,
}

impl RoundingMode {
    /// Every mode, in declaration order.
    ///
    /// ```
    /// assert_eq!(lockstep_core::money::RoundingMode::ALL.len(), 7);
    /// ```
    pub const ALL: [RoundingMode; 7] = [
        RoundingMode::HalfEven,
        RoundingMode::HalfUp,
        RoundingMode::HalfDown,
        RoundingMode::Up,
        RoundingMode::Down,
        RoundingMode::Ceiling,
        RoundingMode::Floor,
    ];

    /// The wire name (`"half_even"`, ...).
    ///
    /// ```
    /// assert_eq!(lockstep_core::money::RoundingMode::Ceiling.as_str(), "ceiling");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfEven => "half_even",
            RoundingMode::HalfUp => "half_up",
            RoundingMode::HalfDown => "half_down",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
            RoundingMode::Ceiling => "ceiling",
            RoundingMode::Floor => "floor",
        }
    }

    /// The matching `rust_decimal` strategy.
    ///
    /// ```
    /// use lockstep_core::money::RoundingMode;
    /// use rust_decimal::RoundingStrategy;
    /// assert_eq!(RoundingMode::HalfUp.strategy(), RoundingStrategy::MidpointAwayFromZero);
    /// ```
    pub fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfDown => RoundingStrategy::MidpointTowardZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
        }
    }
}

/// Rounds `value` to `dp` decimal places with `mode` and returns it with scale exactly
/// `dp` (trailing zeros added), never negative zero.
///
/// ```
/// use lockstep_core::money::{round_dp, RoundingMode};
/// use rust_decimal::Decimal;
/// let d = |s: &str| Decimal::from_str_exact(s).unwrap();
/// assert_eq!(round_dp(d("0.125"), 2, RoundingMode::HalfEven)?.to_string(), "0.12");
/// assert_eq!(round_dp(d("-1.5"), 0, RoundingMode::HalfUp)?.to_string(), "-2");
/// assert_eq!(round_dp(d("-0.001"), 2, RoundingMode::HalfEven)?.to_string(), "0.00");
/// assert_eq!(round_dp(d("7"), 3, RoundingMode::HalfEven)?.to_string(), "7.000");
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn round_dp(value: Decimal, dp: u32, mode: RoundingMode) -> Result<Decimal, MoneyError> {
    if dp > Decimal::MAX_SCALE {
        return Err(MoneyError::Unrepresentable);
    }
    let rounded = value.round_dp_with_strategy(dp, mode.strategy());
    with_scale(rounded, dp)
}

/// Rounds `value` to a multiple of `increment` (e.g. 0.05) with `mode`, exactly, in
/// integers. The result has the larger of the two scales.
///
/// ```
/// use lockstep_core::money::{round_to_increment, RoundingMode};
/// use rust_decimal::Decimal;
/// let d = |s: &str| Decimal::from_str_exact(s).unwrap();
/// assert_eq!(round_to_increment(d("1.025"), d("0.05"), RoundingMode::HalfEven)?.to_string(), "1.000");
/// assert_eq!(round_to_increment(d("1.03"), d("0.05"), RoundingMode::HalfEven)?.to_string(), "1.05");
/// assert_eq!(round_to_increment(d("-1.075"), d("0.05"), RoundingMode::HalfUp)?.to_string(), "-1.100");
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn round_to_increment(
    value: Decimal,
    increment: Decimal,
    mode: RoundingMode,
) -> Result<Decimal, MoneyError> {
    if increment <= Decimal::ZERO {
        return Err(MoneyError::InvalidIncrement);
    }
    let scale = value.scale().max(increment.scale());
    let v = scaled_mantissa(value, scale)?;
    let inc = scaled_mantissa(increment, scale)?;
    let q = div_round(v, inc, mode);
    let m = q
        .checked_mul(inc)
        .ok_or(MoneyError::Overflow { op: "round" })?;
    from_mantissa(m, scale)
}

/// `n / d` rounded to an integer with `mode`; `d` must be positive. Exact.
pub(crate) fn div_round(n: i128, d: i128, mode: RoundingMode) -> i128 {
    if d <= 0 {
        return 0;
    }
    // Truncating quotient and remainder: n = q*d + r, |r| < d, r has the sign of n.
    let Some((q, r)) = super::wide::quot_rem(n, d) else {
        return 0;
    };
    if r == 0 {
        return q;
    }
    let away = if n < 0 { q - 1 } else { q + 1 };
    // Compare |r| with d/2 without overflow: |r| < d <= i128::MAX.
    let r_abs = r.unsigned_abs();
    let rest = d.unsigned_abs() - r_abs;
    let half = r_abs.cmp(&rest); // Greater: past half, Equal: tie, Less: below half
    let round_away = match mode {
        RoundingMode::Up => true,
        RoundingMode::Down => false,
        RoundingMode::Ceiling => n > 0,
        RoundingMode::Floor => n < 0,
        RoundingMode::HalfUp => half.is_ge(),
        RoundingMode::HalfDown => half.is_gt(),
        RoundingMode::HalfEven => half.is_gt() || (half.is_eq() && q & 1 != 0),
    };
    if round_away { away } else { q }
}

/// `a × b` rounded to `dp` decimal places with `mode`, computed exactly in integers (no
/// intermediate rounding at 28 digits). Scale of the result is exactly `dp`.
pub(crate) fn mul_round(
    a: Decimal,
    b: Decimal,
    dp: u32,
    mode: RoundingMode,
) -> Result<Decimal, MoneyError> {
    const OVERFLOW: MoneyError = MoneyError::Overflow { op: "mul" };
    if dp > Decimal::MAX_SCALE {
        return Err(MoneyError::Unrepresentable);
    }
    let m = a.mantissa().checked_mul(b.mantissa()).ok_or(OVERFLOW)?;
    let scale = a.scale() + b.scale();
    if scale <= dp {
        let m = m
            .checked_mul(pow10(dp - scale).ok_or(OVERFLOW)?)
            .ok_or(OVERFLOW)?;
        return from_mantissa(m, dp).map_err(|_| OVERFLOW);
    }
    let shift = scale - dp;
    let q = match pow10(shift) {
        Some(p) => div_round(m, p, mode),
        // 10^shift > 2^127 > 2|m|: the quotient lies strictly between 0 and ±0.5, which
        // rounds exactly as ±0.1 does in every mode.
        None => div_round(m.signum(), 10, mode),
    };
    from_mantissa(q, dp).map_err(|_| OVERFLOW)
}

/// 10^exp, if it fits an i128.
pub(crate) fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

/// The mantissa of `value` at `scale` (which must be at least its own).
pub(crate) fn scaled_mantissa(value: Decimal, scale: u32) -> Result<i128, MoneyError> {
    const OVERFLOW: MoneyError = MoneyError::Overflow { op: "rescale" };
    let up = scale.checked_sub(value.scale()).ok_or(OVERFLOW)?;
    value
        .mantissa()
        .checked_mul(pow10(up).ok_or(OVERFLOW)?)
        .ok_or(OVERFLOW)
}

/// A decimal from a mantissa and scale; an error past 96 bits. Never negative zero.
pub(crate) fn from_mantissa(m: i128, scale: u32) -> Result<Decimal, MoneyError> {
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| MoneyError::Overflow { op: "rescale" })
}

/// `value` with exactly `scale` decimal places (its own must not be larger); -0 → 0.
pub(crate) fn with_scale(value: Decimal, scale: u32) -> Result<Decimal, MoneyError> {
    from_mantissa(scaled_mantissa(value, scale)?, scale)
}
