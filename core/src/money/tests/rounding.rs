use super::super::{MoneyError, RoundingMode, round_dp, round_to_increment};
use super::d;
use RoundingMode::*;

fn r(value: &str, dp: u32, mode: RoundingMode) -> String {
    round_dp(d(value), dp, mode).unwrap().to_string()
}

#[test]
fn table_with_negatives() {
    // value, then half_even, half_up, half_down, up, down, ceiling, floor (to integers)
    let rows: [(&str, [&str; 7]); 10] = [
        ("2.5", ["2", "3", "2", "3", "2", "3", "2"]),
        ("-2.5", ["-2", "-3", "-2", "-3", "-2", "-2", "-3"]),
        ("1.5", ["2", "2", "1", "2", "1", "2", "1"]),
        ("-1.5", ["-2", "-2", "-1", "-2", "-1", "-1", "-2"]),
        ("2.4", ["2", "2", "2", "3", "2", "3", "2"]),
        ("-2.4", ["-2", "-2", "-2", "-3", "-2", "-2", "-3"]),
        ("2.6", ["3", "3", "3", "3", "2", "3", "2"]),
        ("-2.6", ["-3", "-3", "-3", "-3", "-2", "-2", "-3"]),
        ("0.5", ["0", "1", "0", "1", "0", "1", "0"]),
        ("-0.5", ["0", "-1", "0", "-1", "0", "0", "-1"]),
    ];
    let modes = [HalfEven, HalfUp, HalfDown, Up, Down, Ceiling, Floor];
    for (value, expected) in rows {
        for (mode, want) in modes.iter().zip(expected) {
            assert_eq!(r(value, 0, *mode), want, "{value} {mode:?}");
        }
    }
}

#[test]
fn hand_checked_values() {
    assert_eq!(r("-1.5", 0, HalfUp), "-2");
    assert_eq!(r("-1.5", 0, HalfDown), "-1");
    assert_eq!(r("2.5", 0, HalfEven), "2");
    assert_eq!(r("0.125", 2, HalfEven), "0.12");
    assert_eq!(r("0.135", 2, HalfEven), "0.14");
    assert_eq!(r("-0.125", 2, HalfEven), "-0.12");
    assert_eq!(r("0.125", 2, HalfUp), "0.13");
    assert_eq!(r("-0.125", 2, HalfUp), "-0.13");
    assert_eq!(r("0.1251", 2, HalfDown), "0.13");
    assert_eq!(r("1.001", 2, Up), "1.01");
    assert_eq!(r("-1.001", 2, Up), "-1.01");
    assert_eq!(r("-1.009", 2, Down), "-1.00");
    assert_eq!(r("-1.001", 2, Ceiling), "-1.00");
    assert_eq!(r("-1.001", 2, Floor), "-1.01");
}

#[test]
fn scale_padded_and_no_negative_zero() {
    assert_eq!(r("7", 2, HalfEven), "7.00");
    assert_eq!(r("1.5", 3, HalfEven), "1.500");
    for mode in RoundingMode::ALL {
        let z = round_dp(d("-0.001"), 2, mode).unwrap();
        if z.is_zero() {
            assert_eq!(z.to_string(), "0.00", "{mode:?}");
        }
    }
    assert_eq!(r("-0.4", 0, HalfEven), "0");
    assert_eq!(r("-0.4", 0, Ceiling), "0");
    assert!(matches!(
        round_dp(d("1"), 29, HalfEven),
        Err(MoneyError::Unrepresentable)
    ));
    // Padding to more places can leave the 96-bit range: an error, not a panic.
    assert!(matches!(
        round_dp(d("7922816251426433759354395034"), 1, HalfEven),
        Err(MoneyError::Overflow { .. })
    ));
}

#[test]
fn increments() {
    let inc = |v: &str, i: &str, mode| round_to_increment(d(v), d(i), mode).unwrap().to_string();
    assert_eq!(inc("1.02", "0.05", HalfEven), "1.00");
    assert_eq!(inc("1.03", "0.05", HalfEven), "1.05");
    assert_eq!(inc("1.075", "0.05", HalfEven), "1.100"); // tie, 21.5 -> 22
    assert_eq!(inc("1.025", "0.05", HalfEven), "1.000"); // tie, 20.5 -> 20
    assert_eq!(inc("1.025", "0.05", HalfUp), "1.050");
    assert_eq!(inc("-1.025", "0.05", HalfUp), "-1.050");
    assert_eq!(inc("-1.025", "0.05", HalfDown), "-1.000");
    assert_eq!(inc("-1.01", "0.05", Floor), "-1.05");
    assert_eq!(inc("-1.01", "0.05", Ceiling), "-1.00");
    assert_eq!(inc("12.5", "5", HalfEven), "10.0");
    assert_eq!(inc("-0.01", "0.05", HalfEven), "0.00");
    assert_eq!(
        round_to_increment(d("1"), d("0"), HalfEven),
        Err(MoneyError::InvalidIncrement)
    );
    assert_eq!(
        round_to_increment(d("1"), d("-0.05"), HalfEven),
        Err(MoneyError::InvalidIncrement)
    );
}

#[test]
fn serde_names() {
    let names: Vec<String> = RoundingMode::ALL
        .iter()
        .map(|m| serde_json::to_string(m).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            r#""half_even""#,
            r#""half_up""#,
            r#""half_down""#,
            r#""up""#,
            r#""down""#,
            r#""ceiling""#,
            r#""floor""#
        ]
    );
    for mode in RoundingMode::ALL {
        assert_eq!(
            serde_json::to_string(&mode).unwrap(),
            format!("\"{}\"", mode.as_str())
        );
    }
    assert!(serde_json::from_str::<RoundingMode>(r#""HalfEven""#).is_err());
    assert!(serde_json::from_str::<RoundingMode>(r#""half_away_from_zero""#).is_err());
}
