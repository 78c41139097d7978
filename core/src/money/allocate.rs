//! Allocation by largest remainder (Hamilton), in exact integer minor units.

use rust_decimal::Decimal;

use super::rounding::scaled_mantissa;
use super::{Money, MoneyError};

const OVERFLOW: MoneyError = MoneyError::Overflow { op: "allocate" };

/// Splits `total` minor units over `weights` by largest remainder (Hamilton).
///
/// Rule: part *i* gets ⌊|total| × wᵢ / Σw⌋; the units left over go one each to the
/// parts with the largest remainders, ties to the lowest index. A negative total is
/// split as its absolute value and every part negated, so `-10.00` splits like
/// `10.00`. The parts sum exactly to `total`; each is within one minor unit of its
/// exact share; a zero weight gets zero. Errors: no weights, a negative weight, all
/// weights zero, or a product past 2^128 (overflow).
///
/// ```
/// use lockstep_core::money::allocate_minor;
/// use rust_decimal::Decimal;
/// let one = Decimal::ONE;
/// assert_eq!(allocate_minor(1000, &[one, one, one])?, vec![334, 333, 333]);
/// assert_eq!(allocate_minor(-1000, &[one, one, one])?, vec![-334, -333, -333]);
/// assert_eq!(allocate_minor(5, &[Decimal::ZERO, one, one])?, vec![0, 3, 2]);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
pub fn allocate_minor(total: i128, weights: &[Decimal]) -> Result<Vec<i128>, MoneyError> {
    if weights.is_empty() {
        return Err(MoneyError::EmptyAllocation);
    }
    if let Some(index) = weights.iter().position(|w| *w < Decimal::ZERO) {
        return Err(MoneyError::NegativeWeight { index });
    }
    if weights.iter().all(Decimal::is_zero) {
        return Err(MoneyError::ZeroWeights);
    }
    // Integer weights at one common scale.
    let normalized: Vec<Decimal> = weights.iter().map(Decimal::normalize).collect();
    let scale = normalized.iter().map(Decimal::scale).max().unwrap_or(0);
    let ints = normalized
        .iter()
        .map(|w| {
            scaled_mantissa(*w, scale)
                .map(i128::unsigned_abs)
                .map_err(|_| OVERFLOW)
        })
        .collect::<Result<Vec<u128>, _>>()?;
    let sum = ints
        .iter()
        .try_fold(0u128, |acc, w| acc.checked_add(*w))
        .ok_or(OVERFLOW)?;

    let magnitude = total.unsigned_abs();
    let mut parts = Vec::with_capacity(ints.len());
    let mut remainders = Vec::with_capacity(ints.len());
    let mut given = 0u128;
    for w in &ints {
        let product = super::wide::mul_u(magnitude, *w).ok_or(OVERFLOW)?;
        let (q, r) = super::wide::quot_rem_u(product, sum).ok_or(OVERFLOW)?;
        parts.push(q);
        remainders.push(r);
        given = given.checked_add(q).ok_or(OVERFLOW)?;
    }
    // Fewer than `parts.len()` units are left (each remainder is below `sum`).
    let leftover = magnitude.checked_sub(given).ok_or(OVERFLOW)?;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; equal remainders by index (the sort is stable).
    order.sort_by(|&a, &b| remainders.get(b).cmp(&remainders.get(a)));
    let leftover = usize::try_from(leftover).map_err(|_| OVERFLOW)?;
    for &i in order.iter().take(leftover) {
        if let Some(p) = parts.get_mut(i) {
            *p += 1;
        }
    }

    parts
        .into_iter()
        .map(|p| {
            if total < 0 {
                0i128.checked_sub_unsigned(p)
            } else {
                i128::try_from(p).ok()
            }
            .ok_or(OVERFLOW)
        })
        .collect()
}

impl Money {
    /// Splits the amount over `weights` (ratios, line totals, percentages...) by
    /// largest remainder in minor units; see [`allocate_minor`] for the rule.
    ///
    /// ```
    /// use lockstep_core::money::{parse_decimal, Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// let parts = Money::parse("5.00", usd)?
    ///     .allocate(&[parse_decimal("4.00")?, parse_decimal("45.00")?])?;
    /// let strings: Vec<String> = parts.iter().map(|m| m.to_amount_string()).collect();
    /// assert_eq!(strings, ["0.41", "4.59"]);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn allocate(self, weights: &[Decimal]) -> Result<Vec<Money>, MoneyError> {
        allocate_minor(self.minor(), weights)?
            .into_iter()
            .map(|m| Money::from_minor(m, self.currency()))
            .collect()
    }

    /// Splits the amount into `n` parts as equal as possible, larger parts first.
    ///
    /// ```
    /// use lockstep_core::money::{Currency, Money};
    /// let usd = Currency::from_code("USD")?;
    /// let parts = Money::parse("10.00", usd)?.split(3)?;
    /// let strings: Vec<String> = parts.iter().map(|m| m.to_amount_string()).collect();
    /// assert_eq!(strings, ["3.34", "3.33", "3.33"]);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn split(self, n: usize) -> Result<Vec<Money>, MoneyError> {
        self.allocate(&vec![Decimal::ONE; n])
    }
}
