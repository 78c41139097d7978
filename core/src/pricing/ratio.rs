//! Exact rational arithmetic on `i128` for the pricing engine: quantities, unit prices,
//! tax factors and package counts are combined exactly and rounded once.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use crate::money::RoundingMode;
use crate::money::div_round;
use crate::money::wide::{self, mul, quot};

/// `num / den` with `den > 0`, always reduced. Every operation is checked: `None`
/// means the exact value no longer fits 128 bits (the caller reports
/// `arithmetic_overflow`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    // The gcd divides both inputs, so it fits i128 unless both were i128::MIN.
    i128::try_from(wide::gcd(a, b)).unwrap_or(1)
}

impl Ratio {
    pub(crate) const ZERO: Ratio = Ratio { num: 0, den: 1 };
    pub(crate) const ONE: Ratio = Ratio { num: 1, den: 1 };

    pub(crate) fn new(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let (num, den) = if den < 0 {
            (num.checked_neg()?, den.checked_neg()?)
        } else {
            (num, den)
        };
        let g = gcd(num, den).max(1);
        Some(Ratio {
            num: quot(num, g)?,
            den: quot(den, g)?,
        })
    }

    pub(crate) fn int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    pub(crate) fn from_decimal(d: Decimal) -> Option<Ratio> {
        Ratio::new(d.mantissa(), 10i128.checked_pow(d.scale())?)
    }

    /// `percent / 100`.
    pub(crate) fn percent(d: Decimal) -> Option<Ratio> {
        Ratio::from_decimal(d)?.div(Ratio::int(100))
    }

    pub(crate) fn add(self, o: Ratio) -> Option<Ratio> {
        let g = gcd(self.den, o.den).max(1);
        let den = mul(quot(self.den, g)?, o.den)?;
        let num = mul(self.num, quot(o.den, g)?)?.checked_add(mul(o.num, quot(self.den, g)?)?)?;
        Ratio::new(num, den)
    }

    pub(crate) fn sub(self, o: Ratio) -> Option<Ratio> {
        self.add(Ratio {
            num: o.num.checked_neg()?,
            den: o.den,
        })
    }

    /// The product, already reduced: with both factors reduced and each numerator
    /// cancelled against the other's denominator, no common factor is left (so no
    /// third gcd; a proptest checks the result against `Ratio::new`).
    pub(crate) fn mul(self, o: Ratio) -> Option<Ratio> {
        let g1 = gcd(self.num, o.den).max(1);
        let g2 = gcd(o.num, self.den).max(1);
        let num = mul(quot(self.num, g1)?, quot(o.num, g2)?)?;
        let den = mul(quot(self.den, g2)?, quot(o.den, g1)?)?;
        Some(Ratio { num, den })
    }

    pub(crate) fn div(self, o: Ratio) -> Option<Ratio> {
        // The reciprocal of a reduced ratio is reduced; only the sign moves.
        let reciprocal = match o.num.cmp(&0) {
            Ordering::Equal => return None,
            Ordering::Greater => Ratio {
                num: o.den,
                den: o.num,
            },
            Ordering::Less => Ratio {
                num: o.den.checked_neg()?,
                den: o.num.checked_neg()?,
            },
        };
        self.mul(reciprocal)
    }

    pub(crate) fn checked_cmp(self, o: Ratio) -> Option<Ordering> {
        Some(mul(self.num, o.den)?.cmp(&mul(o.num, self.den)?))
    }

    /// Rounds to `dp` decimal places with `mode` and returns the result counted in
    /// units of `10^-dp` (minor units when `dp` is the currency's minor units).
    pub(crate) fn round_to(self, dp: u32, mode: RoundingMode) -> Option<i128> {
        let scale = 10i128.checked_pow(dp)?;
        Some(div_round(mul(self.num, scale)?, self.den, mode))
    }

    /// The largest integer not above the value.
    pub(crate) fn floor(self) -> i128 {
        div_round(self.num, self.den, RoundingMode::Floor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ratio() -> impl Strategy<Value = Ratio> {
        (
            prop_oneof![any::<i64>(), -1000i64..1000],
            prop_oneof![1i64..=i64::MAX, 1i64..1000],
        )
            .prop_filter_map("a ratio", |(n, d)| Ratio::new(n.into(), d.into()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Products and quotients come out reduced with a positive denominator: the
        /// same as reducing the plain products (which fit: the inputs are 64-bit).
        #[test]
        fn products_and_quotients_are_reduced(a in ratio(), b in ratio()) {
            prop_assert_eq!(a.mul(b), Ratio::new(a.num * b.num, a.den * b.den));
            let quotient = if b.num == 0 { None } else { Ratio::new(a.num * b.den, a.den * b.num) };
            prop_assert_eq!(a.div(b), quotient);
        }
    }

    #[test]
    fn exact_and_rounded() {
        // 150 / 60 = 2.5 → ceiling 3, floor 2.
        let r = Ratio::int(150).div(Ratio::int(60)).unwrap();
        assert_eq!(r.round_to(0, RoundingMode::Ceiling), Some(3));
        assert_eq!(r.floor(), 2);
        // 164.02 × 2.6 / 100 = 4.264520 → 4.26.
        let tax = Ratio::from_decimal(Decimal::new(16402, 2))
            .unwrap()
            .mul(Ratio::percent(Decimal::new(26, 1)).unwrap())
            .unwrap();
        assert_eq!(tax.round_to(2, RoundingMode::HalfEven), Some(426));
        // Ties: 0.125 → 0.12 half_even, 0.13 half_up; -0.125 mirrors.
        let t = Ratio::new(125, 1000).unwrap();
        assert_eq!(t.round_to(2, RoundingMode::HalfEven), Some(12));
        assert_eq!(t.round_to(2, RoundingMode::HalfUp), Some(13));
        let n = Ratio::new(-125, 1000).unwrap();
        assert_eq!(n.round_to(2, RoundingMode::HalfUp), Some(-13));
        assert_eq!(n.floor(), -1);
        assert_eq!(Ratio::ONE.sub(Ratio::new(1, 3).unwrap()), Ratio::new(2, 3));
        assert_eq!(Ratio::ZERO, Ratio::new(0, 7).unwrap());
        assert_eq!(Ratio::ONE.div(Ratio::ZERO), None);
        assert_eq!(Ratio::int(i128::MAX).add(Ratio::ONE), None);
    }
}
