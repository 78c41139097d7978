//! 128-bit integer arithmetic with 64-bit fast paths.
//!
//! Minor-unit amounts, ratios and allocation weights are `i128`/`u128` so that no
//! representable cart overflows, but almost every value on a real request fits 64 bits.
//! On `wasm32` (and for division on x86-64 too) a 128-bit `*`, `/` or `%` is a call into
//! compiler-builtins (`__multi3`, `__muloti4`, `u128_div_rem`), tens of instructions
//! each; a 64-bit one is a single instruction. Every function here gives exactly the
//! result of the plain 128-bit operation (tested against it in `tests`), taking the
//! 64-bit path only when its operands make it exact.

/// Largest magnitude handled by the 64-bit paths: `i64::MAX`, so that neither operand
/// is `i64::MIN` and no 64-bit negation or division overflows.
const SMALL: u128 = i64::MAX as u128;

/// Number of significant bits of `|v|`.
fn bits(v: i128) -> u32 {
    128 - v.unsigned_abs().leading_zeros()
}

/// `a × b`, `None` on overflow (as `i128::checked_mul`).
pub(crate) fn mul(a: i128, b: i128) -> Option<i128> {
    // |a| < 2^x and |b| < 2^y give |a × b| < 2^(x+y) ≤ 2^63: exact in i64.
    if bits(a) + bits(b) <= 63
        && let (Ok(x), Ok(y)) = (i64::try_from(a), i64::try_from(b))
    {
        return Some(i128::from(x.wrapping_mul(y)));
    }
    a.checked_mul(b)
}

/// Truncating quotient and remainder `(a / b, a % b)`, `None` when `b == 0` or the
/// quotient overflows (`i128::MIN / -1`), as `i128::checked_div`/`checked_rem`.
pub(crate) fn quot_rem(a: i128, b: i128) -> Option<(i128, i128)> {
    if a.unsigned_abs() <= SMALL
        && b.unsigned_abs() <= SMALL
        && let (Ok(x), Ok(y)) = (i64::try_from(a), i64::try_from(b))
    {
        return Some((i128::from(x.checked_div(y)?), i128::from(x.checked_rem(y)?)));
    }
    Some((a.checked_div(b)?, a.checked_rem(b)?))
}

/// Truncating `a / b`, `None` when `b == 0` or on overflow.
pub(crate) fn quot(a: i128, b: i128) -> Option<i128> {
    quot_rem(a, b).map(|(q, _)| q)
}

/// Unsigned `(a / b, a % b)`, `None` when `b == 0`.
pub(crate) fn quot_rem_u(a: u128, b: u128) -> Option<(u128, u128)> {
    if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
        return Some((u128::from(x.checked_div(y)?), u128::from(x.checked_rem(y)?)));
    }
    Some((a.checked_div(b)?, a.checked_rem(b)?))
}

/// Unsigned `a × b`, `None` on overflow.
pub(crate) fn mul_u(a: u128, b: u128) -> Option<u128> {
    let bits = (128 - a.leading_zeros()) + (128 - b.leading_zeros());
    if bits <= 64
        && let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b))
    {
        return Some(u128::from(x.wrapping_mul(y)));
    }
    a.checked_mul(b)
}

/// Greatest common divisor of `|a|` and `|b|` (0 when both are 0).
pub(crate) fn gcd(a: i128, b: i128) -> u128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
            return u128::from(gcd_u64(x, y));
        }
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference_gcd(a: i128, b: i128) -> u128 {
        let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
        while b != 0 {
            let t = a % b;
            a = b;
            b = t;
        }
        a
    }

    /// Values around the 32-, 63-, 64- and 127-bit edges, and anything.
    fn edgy() -> impl Strategy<Value = i128> {
        prop_oneof![
            -1000i128..1000,
            (0u32..127, any::<bool>(), -3i128..3).prop_map(|(s, neg, d)| {
                let v = (1i128 << s).saturating_add(d);
                if neg { -v } else { v }
            }),
            Just(i128::MIN),
            Just(i128::MAX),
            Just(i128::from(i64::MIN)),
            Just(i128::from(i64::MAX)),
            Just(i128::from(i64::MIN) - 1),
            any::<i64>().prop_map(i128::from),
            any::<i128>(),
        ]
    }

    #[test]
    fn edges() {
        assert_eq!(mul(i128::from(i64::MIN), -1), Some(-i128::from(i64::MIN)));
        assert_eq!(mul(i128::MAX, 2), None);
        assert_eq!(quot_rem(i128::MIN, -1), None);
        assert_eq!(quot_rem(7, 0), None);
        assert_eq!(quot_rem(-7, 2), Some((-3, -1)));
        assert_eq!(
            quot_rem(i128::from(i64::MIN), -1),
            Some((-i128::from(i64::MIN), 0))
        );
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(i128::MIN, 0), 1u128 << 127);
        assert_eq!(gcd(-12, 18), 6);
        assert_eq!(quot_rem_u(5, 0), None);
        assert_eq!(mul_u(u128::MAX, 2), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn equal_to_the_128_bit_operations(a in edgy(), b in edgy()) {
            prop_assert_eq!(mul(a, b), a.checked_mul(b));
            let expected = a.checked_div(b).zip(a.checked_rem(b));
            prop_assert_eq!(quot_rem(a, b), expected);
            prop_assert_eq!(quot(a, b), a.checked_div(b));
            prop_assert_eq!(gcd(a, b), reference_gcd(a, b));
            let (x, y) = (a.unsigned_abs(), b.unsigned_abs());
            prop_assert_eq!(quot_rem_u(x, y), x.checked_div(y).zip(x.checked_rem(y)));
            prop_assert_eq!(mul_u(x, y), x.checked_mul(y));
        }
    }
}
