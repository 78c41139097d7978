//! Property tests: rounding against an independent integer reference, allocation
//! sums and bounds, canonical formatting round trips.

use proptest::prelude::*;

use super::super::rounding::{div_round, mul_round};
use super::super::{
    Amount, Currency, Decimal, Money, MoneyError, RoundingMode, allocate_minor, format_normalized,
    parse_decimal, round_dp, round_to_increment,
};

const MAX_MANTISSA: i128 = (1 << 96) - 1;

/// Reference rounding of `m / 10^k` to an integer, written from floor and ceiling
/// (not from truncation, as the code under test is).
fn reference(m: i128, k: u32, mode: RoundingMode) -> i128 {
    let p = 10i128.pow(k);
    let floor = m.div_euclid(p);
    let frac = m.rem_euclid(p); // 0 <= frac < p
    let ceil = if frac == 0 { floor } else { floor + 1 };
    let positive = m > 0;
    let nearer = |tie: i128| match (2 * frac).cmp(&p) {
        std::cmp::Ordering::Less => floor,
        std::cmp::Ordering::Greater => ceil,
        std::cmp::Ordering::Equal => tie,
    };
    if frac == 0 {
        return floor;
    }
    match mode {
        RoundingMode::Floor => floor,
        RoundingMode::Ceiling => ceil,
        RoundingMode::Down => {
            if positive {
                floor
            } else {
                ceil
            }
        }
        RoundingMode::Up => {
            if positive {
                ceil
            } else {
                floor
            }
        }
        RoundingMode::HalfUp => nearer(if positive { ceil } else { floor }),
        RoundingMode::HalfDown => nearer(if positive { floor } else { ceil }),
        RoundingMode::HalfEven => nearer(if floor % 2 == 0 { floor } else { ceil }),
    }
}

fn mode() -> impl Strategy<Value = RoundingMode> {
    proptest::sample::select(RoundingMode::ALL.to_vec())
}

/// Mantissas biased toward ties and small values as well as the full 96-bit range.
fn mantissa() -> impl Strategy<Value = i128> {
    prop_oneof![
        -MAX_MANTISSA..=MAX_MANTISSA,
        -100_000i128..=100_000,
        (-1_000_000i128..=1_000_000).prop_map(|m| m * 10 + 5),
        (-1_000_000i128..=1_000_000, 1u32..=20).prop_map(|(m, k)| (m * 10 + 5) * 10i128.pow(k - 1)),
    ]
    .prop_filter("fits 96 bits", |m| m.abs() <= MAX_MANTISSA)
}

fn currency() -> impl Strategy<Value = Currency> {
    let all: Vec<Currency> = Currency::all().collect();
    proptest::sample::select(all)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn round_dp_matches_reference(m in mantissa(), scale in 0u32..=28, dp in 0u32..=28, mode in mode()) {
        let value = Decimal::from_i128_with_scale(m, scale);
        let want = if dp >= scale {
            m.checked_mul(10i128.pow(dp - scale))
        } else {
            Some(reference(m, scale - dp, mode))
        };
        match (round_dp(value, dp, mode), want) {
            (Ok(got), Some(w)) if w.abs() <= MAX_MANTISSA => {
                prop_assert_eq!(got.mantissa(), w);
                prop_assert_eq!(got.scale(), dp);
                prop_assert!(!(got.is_zero() && got.is_sign_negative()));
            }
            (Err(e), _) => {
                let is_overflow = matches!(e, MoneyError::Overflow { .. });
                prop_assert!(is_overflow);
                prop_assert!(want.is_none_or(|w| w.abs() > MAX_MANTISSA));
            }
            (Ok(got), w) => prop_assert!(false, "got {got}, reference {w:?} does not fit"),
        }
    }

    #[test]
    fn integer_rounding_matches_reference(m in mantissa(), k in 0u32..=30, mode in mode()) {
        prop_assert_eq!(div_round(m, 10i128.pow(k), mode), reference(m, k, mode));
    }

    #[test]
    fn mul_by_one_and_increment_agree_with_round_dp(m in mantissa(), scale in 0u32..=28, dp in 0u32..=4, mode in mode()) {
        let value = Decimal::from_i128_with_scale(m, scale);
        let want = round_dp(value, dp, mode);
        let by_mul = mul_round(value, Decimal::ONE, dp, mode);
        prop_assert_eq!(by_mul.is_ok(), want.is_ok());
        if let (Ok(by_mul), Ok(want)) = (by_mul, want) {
            prop_assert_eq!(by_mul, want);
            prop_assert_eq!(by_mul.scale(), dp);
            if let Ok(by_inc) = round_to_increment(value, Decimal::new(1, dp), mode) {
                prop_assert_eq!(by_inc, want);
            }
        }
    }

    #[test]
    fn mul_matches_reference(a in -1_000_000_000_000i128..=1_000_000_000_000, sa in 0u32..=4,
                             b in -10_000_000_000i128..=10_000_000_000, sb in 0u32..=24,
                             dp in 0u32..=4, mode in mode()) {
        let x = Decimal::from_i128_with_scale(a, sa);
        let y = Decimal::from_i128_with_scale(b, sb);
        let got = mul_round(x, y, dp, mode).unwrap();
        let (prod, scale) = (a * b, sa + sb);
        let want = if dp >= scale { prod * 10i128.pow(dp - scale) } else { reference(prod, scale - dp, mode) };
        prop_assert_eq!(got.mantissa(), want);
        prop_assert_eq!(got.scale(), dp);
    }

    #[test]
    fn allocation_sums_and_stays_within_one_unit(
        total in -1_000_000_000_000i128..=1_000_000_000_000,
        weights in proptest::collection::vec((0i64..=1_000_000, 0u32..=4), 1..12),
    ) {
        let ws: Vec<Decimal> = weights.iter().map(|&(w, s)| Decimal::new(w, s)).collect();
        let result = allocate_minor(total, &ws);
        if ws.iter().all(Decimal::is_zero) {
            prop_assert!(result.is_err());
            return Ok(());
        }
        let parts = result.unwrap();
        prop_assert_eq!(parts.len(), ws.len());
        prop_assert_eq!(parts.iter().sum::<i128>(), total);
        // Integer weights at scale 4: exact share_i = total * w_i / W.
        let ints: Vec<i128> = weights.iter().map(|&(w, s)| i128::from(w) * 10i128.pow(4 - s)).collect();
        let sum: i128 = ints.iter().sum();
        for (part, w) in parts.iter().zip(&ints) {
            // |part - total*w/sum| < 1  <=>  |part*sum - total*w| < sum
            prop_assert!((part * sum - total * w).abs() < sum);
            if *w == 0 {
                prop_assert_eq!(*part, 0);
            }
            prop_assert!(part.signum() * total.signum() >= 0);
        }
    }

    #[test]
    fn equal_weights_give_non_increasing_parts(total in 0i128..=1_000_000, n in 1usize..20) {
        let parts = allocate_minor(total, &vec![Decimal::ONE; n]).unwrap();
        prop_assert!(parts.windows(2).all(|w| w[0] >= w[1] && w[0] - w[1] <= 1));
    }

    #[test]
    fn money_formatting_round_trips(minor in -MAX_MANTISSA / 10_000..=MAX_MANTISSA / 10_000, c in currency()) {
        let money = Money::from_minor(minor, c).unwrap();
        let s = money.to_amount_string();
        let frac_len = s.split_once('.').map_or(0, |(_, f)| f.len());
        prop_assert_eq!(frac_len as u32, c.minor_units());
        let negative_zero = format!("-{}", Money::zero(c).to_amount_string());
        prop_assert_ne!(&s, &negative_zero);
        prop_assert_eq!(Money::parse(&s, c).unwrap(), money);
        let json = serde_json::to_string(&money).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
    }

    #[test]
    fn normalized_decimals_round_trip(m in mantissa(), scale in 0u32..=28) {
        let value = Decimal::from_i128_with_scale(m, scale);
        let s = format_normalized(value);
        let back = parse_decimal(&s).unwrap();
        prop_assert_eq!(back, value);
        prop_assert_eq!(format_normalized(back), s.clone());
        let a: Amount = serde_json::from_str(&format!("\"{s}\"")).unwrap();
        prop_assert_eq!(a.value(), value);
    }

    #[test]
    fn grammar_strings_parse_exactly_or_are_unrepresentable(s in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?") {
        match parse_decimal(&s) {
            Ok(v) => {
                let printed = v.to_string();
                prop_assert!(printed == s || (v.is_zero() && s.starts_with('-') && printed == s[1..]));
            }
            Err(e) => prop_assert_eq!(e, MoneyError::Unrepresentable),
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,40}") {
        let _ = parse_decimal(&s);
        let _ = Currency::from_code(&s);
        let _ = serde_json::from_str::<Money>(&s);
    }

    #[test]
    fn checked_ops_never_panic(a in mantissa(), b in mantissa(), f in mantissa(), sf in 0u32..=28, c in currency(), mode in mode()) {
        let x = Money::from_minor(a, c);
        let y = Money::from_minor(b, c);
        if let (Ok(x), Ok(y)) = (x, y) {
            let _ = x.checked_add(y);
            let _ = x.checked_sub(y);
            let _ = x.checked_mul(Decimal::from_i128_with_scale(f, sf), mode);
            let _ = x.round_to_cash(mode);
            let _ = x.allocate(&[Decimal::from_i128_with_scale(f.abs(), sf), Decimal::ONE]);
        }
    }
}
