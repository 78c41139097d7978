use super::super::{ExchangeRate, MoneyError, RoundingMode, convert};
use super::{cur, d, m};

#[test]
fn rounds_to_the_target_minor_units() {
    let yen = convert(
        m("10.00", "USD"),
        d("151.235"),
        cur("JPY"),
        RoundingMode::HalfEven,
    )
    .unwrap();
    assert_eq!(yen.to_amount_string(), "1512");
    let yen = convert(
        m("10.00", "USD"),
        d("151.25"),
        cur("JPY"),
        RoundingMode::HalfEven,
    )
    .unwrap();
    assert_eq!(yen.to_amount_string(), "1512"); // tie 1512.5 -> even
    let yen = convert(
        m("-10.00", "USD"),
        d("151.25"),
        cur("JPY"),
        RoundingMode::HalfUp,
    )
    .unwrap();
    assert_eq!(yen.to_amount_string(), "-1513");
    let kwd = convert(
        m("100", "JPY"),
        d("0.00205"),
        cur("KWD"),
        RoundingMode::HalfEven,
    )
    .unwrap();
    assert_eq!(kwd.to_amount_string(), "0.205");
    let clf = convert(
        m("1000", "CLP"),
        d("0.0000253"),
        cur("CLF"),
        RoundingMode::Down,
    )
    .unwrap();
    assert_eq!(clf.to_amount_string(), "0.0253");
}

#[test]
fn rate_must_be_positive() {
    for rate in ["0", "-1.1"] {
        assert_eq!(
            convert(
                m("1.00", "USD"),
                d(rate),
                cur("EUR"),
                RoundingMode::HalfEven
            ),
            Err(MoneyError::InvalidRate)
        );
    }
}

#[test]
fn exchange_rate_as_data() {
    let rate: ExchangeRate =
        serde_json::from_str(r#"{"from":"EUR","to":"USD","rate":"1.0853"}"#).unwrap();
    let usd = rate
        .apply(m("19.99", "EUR"), RoundingMode::HalfEven)
        .unwrap();
    assert_eq!(usd.to_amount_string(), "21.70"); // 21.695147
    assert!(
        rate.apply(m("1.00", "USD"), RoundingMode::HalfEven)
            .is_err()
    );
    assert!(
        serde_json::from_str::<ExchangeRate>(r#"{"from":"EUR","to":"USD","rate":1.0853}"#).is_err()
    );
    assert_eq!(
        serde_json::to_string(&rate).unwrap(),
        r#"{"from":"EUR","to":"USD","rate":"1.0853"}"#
    );
}
