use super::super::{Amount, MoneyError, format_normalized, parse_decimal};

#[test]
fn accepts_the_grammar() {
    for s in [
        "0", "-0", "1", "19.99", "-19.99", "0.5", "100", "1.50", "-0.000",
    ] {
        assert!(parse_decimal(s).is_ok(), "{s}");
    }
    assert_eq!(parse_decimal("1.50").unwrap().to_string(), "1.50");
    assert_eq!(parse_decimal("-0.000").unwrap().to_string(), "0.000");
}

#[test]
fn rejects_everything_else() {
    for s in [
        "", "-", "+1", "1e3", "1E3", " 1", "1 ", "1_000", "1,000", "01", "-01", ".5", "5.",
        "1.2.3", "--1", "0x10", "NaN", "inf", "١", "1.٥", "½",
    ] {
        assert!(
            matches!(parse_decimal(s), Err(MoneyError::InvalidDecimal { .. })),
            "{s:?}"
        );
    }
}

#[test]
fn exact_or_refused() {
    // 28 decimal places: fine. 29: refused, not rounded.
    assert!(parse_decimal("0.0000000000000000000000000001").is_ok());
    assert_eq!(
        parse_decimal("0.00000000000000000000000000001"),
        Err(MoneyError::Unrepresentable)
    );
    assert_eq!(
        parse_decimal("1.00000000000000000000000000001"),
        Err(MoneyError::Unrepresentable)
    );
    // 2^96 - 1 fits, 2^96 does not.
    assert_eq!(
        parse_decimal("79228162514264337593543950335")
            .unwrap()
            .to_string(),
        "79228162514264337593543950335"
    );
    assert_eq!(
        parse_decimal("79228162514264337593543950336"),
        Err(MoneyError::Unrepresentable)
    );
    assert_eq!(
        parse_decimal(&"9".repeat(100)),
        Err(MoneyError::Unrepresentable)
    );
}

/// Value and scale, so that `1.5` and `1.50` differ.
fn parts(r: Result<rust_decimal::Decimal, MoneyError>) -> Result<(i128, u32, bool), MoneyError> {
    r.map(|d| (d.mantissa(), d.scale(), d.is_sign_negative()))
}

#[test]
fn the_one_pass_and_the_general_parser_agree_at_the_edges() {
    for s in [
        "0",
        "-0",
        "0.0",
        "-0.000",
        "1",
        "-1",
        "19.99",
        "9999999999999999999",
        "999999999999999999.9",
        "0.999999999999999999",
        "-9999999999999999999",
        "10000000000000000000",
        "0.0000000000000000001",
        "1.",
        ".1",
        "01",
        "-01",
        "00.5",
        "1..2",
        "1.2.3",
        "-",
        "--1",
        "-.5",
        "",
        "1a",
        "+1",
        " 1",
    ] {
        assert_eq!(
            parts(parse_decimal(s)),
            parts(super::super::amount::checked(s)),
            "{s:?}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
    /// On any string (well-formed or not, short or long), the one-pass parser gives the
    /// general parser's answer: the same value and scale, or the same error.
    #[test]
    fn the_one_pass_parser_is_the_general_one(s in "-?[0-9.]{0,24}|-?(0|[1-9][0-9]{0,22})(\\.[0-9]{1,22})?|[-0-9.a ]{0,8}") {
        proptest::prop_assert_eq!(
            parts(parse_decimal(&s)),
            parts(super::super::amount::checked(&s)),
            "{:?}", s
        );
    }
}

#[test]
fn normalized_form() {
    assert_eq!(format_normalized(parse_decimal("1.2500").unwrap()), "1.25");
    assert_eq!(format_normalized(parse_decimal("100").unwrap()), "100");
    assert_eq!(format_normalized(parse_decimal("100.00").unwrap()), "100");
    assert_eq!(format_normalized(parse_decimal("-0.0").unwrap()), "0");
    assert_eq!(format_normalized(-rust_decimal::Decimal::ZERO), "0");
}

#[test]
fn json_strings_only() {
    let a: Amount = serde_json::from_str(r#""0.9215""#).unwrap();
    assert_eq!(a.to_string(), "0.9215");
    assert_eq!(serde_json::to_string(&a).unwrap(), r#""0.9215""#);
    for bad in [
        "0.9215", "1", "-1", "1e2", "null", "true", "[]", r#""1e2""#, r#""""#,
    ] {
        assert!(serde_json::from_str::<Amount>(bad).is_err(), "{bad}");
    }
    let err = serde_json::from_str::<Amount>("19.99").unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}

#[cfg(feature = "schema")]
#[test]
fn schemas_are_strings_with_a_pattern() {
    use super::super::{Currency, DECIMAL_PATTERN, ExchangeRate, Money, RoundingMode};
    let v = serde_json::to_value(schemars::schema_for!(Amount)).unwrap();
    assert_eq!(v["type"], "string");
    assert_eq!(v["pattern"], DECIMAL_PATTERN);
    let v = serde_json::to_value(schemars::schema_for!(Currency)).unwrap();
    assert_eq!(v["pattern"], "^[A-Z]{3}$");
    let v = serde_json::to_value(schemars::schema_for!(Money)).unwrap();
    assert_eq!(v["additionalProperties"], false);
    assert_eq!(v["$defs"]["Decimal"]["type"], "string");
    let v = serde_json::to_value(schemars::schema_for!(ExchangeRate)).unwrap();
    assert_eq!(v["properties"]["rate"]["$ref"], "#/$defs/Decimal");
    let v = serde_json::to_value(schemars::schema_for!(RoundingMode)).unwrap();
    let names: Vec<&str> = v["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["const"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "half_even",
            "half_up",
            "half_down",
            "up",
            "down",
            "ceiling",
            "floor"
        ]
    );
}
