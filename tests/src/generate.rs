//! Generated requests for the conformance suite, from proptest strategies driven by a
//! recorded seed: the same `(seed, n)` gives the same lines on every run, so any
//! mismatch replays with `cargo run -p lockstep-tests --bin conformance -- --seed S --cases N`.

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value, json};

/// Member names that the operations use or that test escaping in JSON Pointers.
const KEYS: &[&str] = &[
    "currency",
    "lines",
    "id",
    "quantity",
    "unit_price",
    "price",
    "promotions",
    "coupons",
    "tax",
    "shipping",
    "rounding",
    "as_of",
    "mode",
    "card",
    "number",
    "iban",
    "bic",
    "email",
    "phone",
    "amount",
    "rules",
    "payment",
    "a/b",
    "~",
    "",
    "é",
];

/// Decimal-looking strings: edge currencies' scales, huge and tiny magnitudes, signs.
const DECIMALS: &[&str] = &[
    "0",
    "0.00",
    "-0.00",
    "19.99",
    "0.005",
    "1.230",
    "60",
    "-1.5",
    "2.5",
    "0.125",
    "79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "1e3",
    " 1",
    "",
    "NaN",
    "١٢",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-1.0e300f64..1.0e300).prop_map(|f| json!(f)),
        prop::sample::select(DECIMALS).prop_map(|s| json!(s)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(
            &[
                "USD", "JPY", "KWD", "CHF", "CLF", "XAU", "ANG", "usd", "ZZZ"
            ][..]
        )
        .prop_map(|s| json!(s)),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..5).prop_map(|kv| {
                let mut m = Map::new();
                for (k, v) in kv {
                    m.insert(k.to_owned(), v);
                }
                Value::Object(m)
            }),
        ]
    })
}

/// A request envelope line: mostly objects, sometimes any JSON value, sometimes an
/// unknown operation.
fn line() -> impl Strategy<Value = String> {
    let op =
        prop::sample::select(&["quote", "validate", "score", "version", "Quote", "refund"][..]);
    let request = prop_oneof![
        4 => prop::collection::vec((prop::sample::select(KEYS), value()), 0..6).prop_map(|kv| {
            let mut m = Map::new();
            for (k, v) in kv {
                m.insert(k.to_owned(), v);
            }
            Value::Object(m)
        }),
        1 => value(),
    ];
    (op, request).prop_map(|(op, request)| json!({"op": op, "request": request}).to_string())
}

/// `n` generated batch lines from `seed`; deterministic.
///
/// ```
/// let a = lockstep_tests::generate::lines(42, 20);
/// assert_eq!(a, lockstep_tests::generate::lines(42, 20));
/// assert_eq!(a.len(), 20);
/// ```
pub fn lines(seed: u64, n: usize) -> Vec<String> {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = line();
    (0..n)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect()
}
