use super::super::{Money, MoneyError, RoundingMode};
use super::{cur, d, m};

#[test]
fn canonical_output_is_minor_units() {
    let usd = cur("USD");
    let total = m("19.99", "USD")
        .checked_mul(d("3"), RoundingMode::HalfEven)
        .unwrap();
    assert_eq!(total.to_amount_string(), "59.97");
    assert_eq!(m("60", "JPY").to_amount_string(), "60");
    assert_eq!(m("60.000", "JPY").to_amount_string(), "60");
    assert_eq!(m("1.23", "KWD").to_amount_string(), "1.230");
    assert_eq!(m("0.5", "CLF").to_amount_string(), "0.5000");
    assert_eq!(m("5", "USD").to_amount_string(), "5.00");
    assert_eq!(Money::zero(usd).to_amount_string(), "0.00");
    assert_eq!(m("-0.00", "USD").to_amount_string(), "0.00");
    assert_eq!(m("59.97", "USD").to_string(), "59.97 USD");
}

#[test]
fn never_negative_zero() {
    let usd = cur("USD");
    let z = m("-0.01", "USD").checked_add(m("0.01", "USD")).unwrap();
    assert_eq!(z.to_amount_string(), "0.00");
    let z = m("0.01", "USD").checked_sub(m("0.01", "USD")).unwrap();
    assert_eq!(z.to_amount_string(), "0.00");
    let z = Money::from_decimal_rounded(d("-0.001"), usd, RoundingMode::HalfEven).unwrap();
    assert_eq!(z.to_amount_string(), "0.00");
    let z = m("-1.00", "USD")
        .checked_mul(d("0.001"), RoundingMode::HalfEven)
        .unwrap();
    assert_eq!(z.to_amount_string(), "0.00");
    let z = m("-1.00", "USD")
        .checked_mul(d("0"), RoundingMode::Floor)
        .unwrap();
    assert_eq!(z.to_amount_string(), "0.00");
    assert_eq!(Money::zero(usd).negate().to_amount_string(), "0.00");
    let z = m("-0.02", "CHF")
        .round_to_cash(RoundingMode::HalfEven)
        .unwrap();
    assert_eq!(z.to_amount_string(), "0.00");
    assert_eq!(
        serde_json::to_string(&z).unwrap(),
        r#"{"amount":"0.00","currency":"CHF"}"#
    );
}

#[test]
fn precision_is_checked() {
    assert_eq!(
        Money::parse("1.001", cur("USD")),
        Err(MoneyError::ExcessPrecision {
            currency: "USD",
            minor_units: 2
        })
    );
    assert!(Money::parse("1.5", cur("JPY")).is_err());
    assert!(Money::parse("1.1000", cur("USD")).is_ok());
}

#[test]
fn currencies_never_mix() {
    let err = m("1.00", "USD").checked_add(m("1.00", "EUR")).unwrap_err();
    assert_eq!(
        err,
        MoneyError::CurrencyMismatch {
            expected: "USD",
            found: "EUR"
        }
    );
    assert!(m("1.00", "USD").checked_sub(m("1.00", "CAD")).is_err());
    assert!(m("1.00", "USD").checked_cmp(m("1.00", "CAD")).is_err());
    assert!(Money::checked_sum(cur("USD"), [m("1.00", "USD"), m("1", "JPY")]).is_err());
}

#[test]
fn overflow_is_an_error() {
    let max = m("792281625142643375935439503.35", "USD");
    assert_eq!(
        max.checked_add(m("0.01", "USD")),
        Err(MoneyError::Overflow { op: "add" })
    );
    assert_eq!(
        max.negate().checked_sub(m("0.01", "USD")),
        Err(MoneyError::Overflow { op: "sub" })
    );
    assert!(matches!(
        max.checked_mul(d("2"), RoundingMode::HalfEven),
        Err(MoneyError::Overflow { .. })
    ));
    assert!(matches!(
        max.checked_mul(d("79228162514264337593543950335"), RoundingMode::HalfEven),
        Err(MoneyError::Overflow { .. })
    ));
    // 2^96 - 1 units of JPY cannot be written with 4 decimal places.
    let big = m("79228162514264337593543950335", "JPY");
    assert!(Money::new(big.amount(), cur("CLF")).is_err());
    assert!(Money::from_minor(i128::MAX, cur("USD")).is_err());
}

#[test]
fn multiplication_rounds_once_exactly() {
    // The exact product 0.004999...9 (30 places) must not be rounded at 28 places first.
    let tiny = m("0.01", "USD")
        .checked_mul(d("0.4999999999999999999999999999"), RoundingMode::HalfUp)
        .unwrap();
    assert_eq!(tiny.to_amount_string(), "0.00");
    let up = m("0.01", "USD")
        .checked_mul(d("0.5000000000000000000000000001"), RoundingMode::HalfDown)
        .unwrap();
    assert_eq!(up.to_amount_string(), "0.01");
    let ceil = m("1.00", "USD")
        .checked_mul(d("0.0000000000000000000000000001"), RoundingMode::Ceiling)
        .unwrap();
    assert_eq!(ceil.to_amount_string(), "0.01");
    let floor = m("-1.00", "USD")
        .checked_mul(d("0.0000000000000000000000000001"), RoundingMode::Floor)
        .unwrap();
    assert_eq!(floor.to_amount_string(), "-0.01");
    let tax = m("19.99", "USD")
        .checked_mul(d("0.0825"), RoundingMode::HalfEven)
        .unwrap();
    assert_eq!(tax.to_amount_string(), "1.65");
}

#[test]
fn cash_rounding() {
    let cash =
        |a: &str, code: &str, mode| m(a, code).round_to_cash(mode).unwrap().to_amount_string();
    use RoundingMode::*;
    assert_eq!(cash("10.23", "CHF", HalfEven), "10.25");
    assert_eq!(cash("10.22", "CHF", HalfEven), "10.20");
    assert_eq!(cash("-10.23", "CHF", HalfEven), "-10.25");
    assert_eq!(cash("10.22", "CHF", Up), "10.25");
    assert_eq!(cash("10.25", "DKK", HalfEven), "10.00");
    assert_eq!(cash("10.25", "DKK", HalfUp), "10.50");
    assert_eq!(cash("10.50", "SEK", HalfEven), "10.00");
    assert_eq!(cash("11.50", "SEK", HalfEven), "12.00");
    assert_eq!(cash("-10.50", "SEK", HalfUp), "-11.00");
    assert_eq!(cash("-10.50", "SEK", HalfDown), "-10.00");
    assert_eq!(cash("12.50", "HUF", HalfEven), "10.00");
    assert_eq!(cash("7.50", "HUF", HalfEven), "10.00");
    assert_eq!(cash("10.23", "USD", HalfEven), "10.23");
    assert!(matches!(
        m("1.00", "USD").round_to_increment(d("0.005"), HalfEven),
        Err(MoneyError::ExcessPrecision { .. })
    ));
    assert_eq!(
        m("1.00", "USD").round_to_increment(d("0"), HalfEven),
        Err(MoneyError::InvalidIncrement)
    );
}

#[test]
fn json_wire_form() {
    let money: Money = serde_json::from_str(r#"{"amount":"1.2","currency":"KWD"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&money).unwrap(),
        r#"{"amount":"1.200","currency":"KWD"}"#
    );
    for bad in [
        r#"{"amount":1.2,"currency":"KWD"}"#,
        r#"{"amount":"1.2345","currency":"KWD"}"#,
        r#"{"amount":"1.2","currency":"kwd"}"#,
        r#"{"amount":"1.2","currency":"XAU"}"#,
        r#"{"amount":"1.2","currency":"KWD","extra":1}"#,
        r#"{"amount":"1.2"}"#,
        r#""1.2 KWD""#,
    ] {
        assert!(serde_json::from_str::<Money>(bad).is_err(), "{bad}");
    }
}
