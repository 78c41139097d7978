//! The writer gives serde_json's bytes: on arbitrary JSON trees (every kind of string:
//! controls, quotes, backslashes, non-ASCII, DEL), on serde's enum shapes and on map
//! keys that are not strings.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::Serialize;

use super::to_json;

fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let text = prop_oneof![
        ".*",
        "[\\x00-\\x7f]{0,12}",
        prop::collection::vec(prop::char::range('\u{0}', '\u{ff}'), 0..10)
            .prop_map(|c| c.into_iter().collect::<String>()),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        text.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn writes_the_bytes_of_serde_json(v in value()) {
        prop_assert_eq!(to_json(&v), serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn every_string_as_serde_json(s in ".*", b in any::<u8>(), c in any::<char>()) {
        let with_byte = format!("{s}{}", char::from(b));
        prop_assert_eq!(to_json(&with_byte), serde_json::to_string(&with_byte).unwrap());
        prop_assert_eq!(to_json(&c), serde_json::to_string(&c).unwrap());
    }
}

#[test]
fn every_byte_below_0x80_is_escaped_as_serde_json_does() {
    for b in 0u8..0x80 {
        let s = format!("a{}b", char::from(b));
        assert_eq!(
            to_json(&s),
            serde_json::to_string(&s).unwrap(),
            "byte {b:#04x}"
        );
    }
}

/// The escape test reads eight bytes at a time and pads the last partial word: every
/// byte that needs an escape (and its neighbours that do not) at every position of
/// strings up to three words long.
#[test]
fn an_escape_is_found_at_every_position_of_every_length() {
    for len in 1..=24 {
        for at in 0..len {
            for b in [
                0x00u8, 0x08, 0x1f, b'"', b'\\', b' ', b'!', b'#', b'[', b']', 0x7f,
            ] {
                let s: String = (0..len)
                    .map(|i| if i == at { char::from(b) } else { 'x' })
                    .collect();
                assert_eq!(
                    to_json(&s),
                    serde_json::to_string(&s).unwrap(),
                    "byte {b:#04x} at {at} of {len}"
                );
            }
        }
    }
}

#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i8, String),
    Struct { a: bool, b: Option<u32> },
}

#[derive(Serialize)]
struct Wrapper(i128);

#[derive(Serialize)]
struct Empty {}

#[test]
fn serde_shapes_as_serde_json() {
    let shapes = vec![
        Shape::Unit,
        Shape::Newtype(7),
        Shape::Tuple(-3, "x\"y".into()),
        Shape::Struct { a: true, b: None },
        Shape::Struct {
            a: false,
            b: Some(9),
        },
    ];
    assert_eq!(to_json(&shapes), serde_json::to_string(&shapes).unwrap());
    let numbers = (
        Wrapper(i128::MIN),
        u128::MAX,
        i64::MIN,
        0u8,
        -0i32,
        (),
        Empty {},
    );
    assert_eq!(to_json(&numbers), serde_json::to_string(&numbers).unwrap());
    let bytes = serde_bytes_like(&[0, 1, 255]);
    assert_eq!(to_json(&bytes), serde_json::to_string(&bytes).unwrap());
    let keys: BTreeMap<i64, &str> = [(-1, "a"), (20, "b")].into();
    assert_eq!(to_json(&keys), serde_json::to_string(&keys).unwrap());
    let keys: BTreeMap<bool, u8> = [(false, 1), (true, 2)].into();
    assert_eq!(to_json(&keys), serde_json::to_string(&keys).unwrap());
    let keys: BTreeMap<char, u8> = [('"', 1)].into();
    assert_eq!(to_json(&keys), serde_json::to_string(&keys).unwrap());
}

/// Bytes through `serialize_bytes`.
fn serde_bytes_like(b: &[u8]) -> impl Serialize + '_ {
    struct Bytes<'a>(&'a [u8]);
    impl Serialize for Bytes<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    Bytes(b)
}

#[test]
fn a_refusing_value_is_the_internal_answer() {
    struct No;
    impl Serialize for No {
        fn serialize<S: serde::Serializer>(&self, _s: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }
    assert!(to_json(&No).contains(r#""code":"internal""#));
    let float_key: BTreeMap<String, f64> = [("x".to_owned(), 1.5)].into();
    assert_eq!(
        to_json(&float_key),
        serde_json::to_string(&float_key).unwrap()
    );
}
