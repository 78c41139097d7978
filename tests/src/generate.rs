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

/// A decimal string with up to `scale` places, sometimes negative or huge.
fn decimal(max_units: u64, scale: u32) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0..=max_units, 0..10u64.pow(scale)).prop_map(move |(units, frac)| {
            if scale == 0 {
                units.to_string()
            } else {
                format!("{units}.{frac:0width$}", width = scale as usize)
            }
        }),
        1 => prop::sample::select(DECIMALS).prop_map(str::to_owned),
    ]
}

fn price_model() -> impl Strategy<Value = Value> {
    let tiers =
        prop::collection::vec((1u64..50, decimal(100, 2), decimal(10, 2)), 1..4).prop_map(|raw| {
            let mut up_to = 0;
            let n = raw.len();
            raw.into_iter()
                .enumerate()
                .map(|(i, (step, unit, flat))| {
                    up_to += step;
                    let mut t = json!({"unit_amount": unit, "flat_amount": flat});
                    if i + 1 < n {
                        t["up_to"] = json!(up_to.to_string());
                    }
                    t
                })
                .collect::<Vec<_>>()
        });
    prop_oneof![
        decimal(500, 2).prop_map(|p| json!({"model": "per_unit", "unit_amount": p})),
        (decimal(100, 2), 1u64..100, any::<bool>()).prop_map(|(p, size, up)| json!({
            "model": "package", "unit_amount": p, "package_size": size.to_string(),
            "package_rounding": if up { "up" } else { "down" }})),
        (prop::sample::select(&["volume", "graduated"][..]), tiers)
            .prop_map(|(model, tiers)| json!({"model": model, "tiers": tiers})),
    ]
}

fn promotion(i: usize) -> impl Strategy<Value = Value> {
    let kind = prop_oneof![
        decimal(100, 1).prop_map(|p| json!({"type": "percent_off", "percent": p})),
        decimal(50, 2).prop_map(|a| json!({"type": "amount_off", "amount": a})),
        decimal(20, 2).prop_map(|a| json!({"type": "fixed_price", "amount": a})),
        (1u64..4, 1u64..3).prop_map(|(b, g)| json!({"type": "buy_x_get_y", "buy": b, "get": g})),
        (decimal(200, 2), decimal(30, 2))
            .prop_map(|(t, a)| json!({"type": "spend_threshold", "threshold": t, "amount": a})),
        Just(json!({"type": "free_shipping"})),
    ];
    (
        kind,
        0i64..5,
        any::<bool>(),
        prop::option::of(prop::sample::select(&["SAVE", "VIP"][..])),
        prop::option::of(decimal(30, 2)),
    )
        .prop_map(move |(mut p, priority, exclusive, coupon, cap)| {
            p["id"] = json!(format!("p{i}"));
            p["priority"] = json!(priority);
            p["combines"] = json!(if exclusive { "exclusive" } else { "stackable" });
            if let Some(c) = coupon {
                p["conditions"] = json!({"coupon": c});
            }
            if let Some(cap) = cap
                && p["type"] == "percent_off"
            {
                p["cap"] = json!(cap);
            }
            if i.is_multiple_of(2) {
                p["applies_to"] = json!({"categories": ["a"]});
            }
            p
        })
}

/// A quote request: valid carts over edge currencies, every price model, promotion kind,
/// tax mode and rounding mode; sometimes broken on purpose.
fn quote_request() -> impl Strategy<Value = Value> {
    let line = (price_model(), decimal(20, 0), any::<bool>(), any::<bool>());
    let currency = prop::sample::select(
        &[
            "USD", "EUR", "JPY", "KWD", "CHF", "CLF", "BHD", "XAU", "usd",
        ][..],
    );
    let rounding = prop::sample::select(
        &[
            "half_even",
            "half_up",
            "half_down",
            "up",
            "down",
            "ceiling",
            "floor",
        ][..],
    );
    (
        currency,
        prop::collection::vec(line, 1..6),
        (0usize..4).prop_flat_map(|n| (0..n).map(promotion).collect::<Vec<_>>()),
        (any::<bool>(), any::<bool>(), decimal(30, 2), rounding, any::<bool>()),
        prop::option::of(decimal(20, 2)),
    )
        .prop_map(|(currency, lines, promotions, (inclusive, per_total, rate, mode, cash), shipping)| {
            let lines: Vec<Value> = lines
                .into_iter()
                .enumerate()
                .map(|(i, (price, qty, tax, cat))| {
                    let mut l = json!({"id": format!("l{i}"), "quantity": qty, "price": price});
                    if tax {
                        l["tax_code"] = json!("std");
                    }
                    if cat {
                        l["categories"] = json!(["a"]);
                    }
                    l
                })
                .collect();
            let mut r = json!({
                "currency": currency, "as_of": "2026-11-26T10:00:00Z", "lines": lines,
                "promotions": promotions, "coupons": ["SAVE"],
                "tax": {"prices_include_tax": inclusive, "rounding": if per_total { "per_total" } else { "per_line" },
                        "rates": {"std": [{"name": "VAT", "percent": rate}]}},
                "rounding": {"mode": mode, "cash": cash},
            });
            if let Some(amount) = shipping {
                r["shipping"] = json!({"amount": amount, "tax_code": "std"});
            }
            r
        })
}

/// A validate request: Luhn-valid and invalid cards of several brands, typed with
/// spaces and dashes, partial and complete mode, IBANs, emails, phones, postcodes.
fn validate_request() -> impl Strategy<Value = Value> {
    let card = (
        prop::sample::select(&["4", "51", "2221", "34", "6011", "35", "62", "2200", "5067"][..]),
        prop::collection::vec(0u8..10, 10..15),
        any::<bool>(),
        prop::sample::select(&["", " ", "-"][..]),
    )
        .prop_map(|(prefix, rest, valid, sep)| {
            let body: String = rest.iter().map(|d| char::from(b'0' + d)).collect();
            let mut n = crate::secrets::luhn_complete(&format!("{prefix}{body}"));
            if !valid {
                n.push('7');
            }
            n.as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(sep)
        });
    (
        prop::sample::select(&["complete", "partial"][..]),
        card,
        (1u8..14, 2024u16..2032, prop::sample::select(&["123", "1234", "12", "abc"][..])),
        prop::sample::select(&["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "DE89 3704", "FR14 2004 1010 0505 0001 3M02 606", "XX00"][..]),
        prop::sample::select(&["a@example.com", "bad@", "ünï@exämple.de", "x@y"][..]),
        prop::sample::select(&[("DE", "10115"), ("US", "94105-1234"), ("GB", "SW1A 1AA"), ("NL", "1234"), ("ZZ", "1")][..]),
        prop::sample::select(&["+4930123456", "+1 415 555 0100", "0049", ""][..]),
    )
        .prop_map(|(mode, number, (month, year, cvc), iban, email, (country, postal), phone)| json!({
            "as_of": "2026-11", "mode": mode,
            "card": {"number": number, "exp_month": format!("{month:02}"), "exp_year": year.to_string(), "cvc": cvc},
            "iban": iban, "email": email, "phone": phone,
            "billing_address": {"country": country, "postal_code": postal},
            "amount": "19.999", "currency": "EUR",
        }))
}

/// A score request: random rule trees over a few attributes.
fn score_request() -> impl Strategy<Value = Value> {
    let cmp = (
        prop::sample::select(&["amount", "country", "attempts", "new", "missing"][..]),
        prop::sample::select(&["eq", "ne", "gt", "gte", "lt", "lte", "exists", "missing"][..]),
        prop_oneof![
            decimal(1000, 2).prop_map(|d| json!(d)),
            Just(json!("DE")),
            Just(json!(true)),
            (0i64..10).prop_map(|n| json!(n))
        ],
    )
        .prop_map(|(field, op, value)| {
            if op == "exists" || op == "missing" {
                json!({"field": field, "op": op})
            } else {
                json!({"field": field, "op": op, "value": value})
            }
        });
    let tree = cmp.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"all": v})),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"any": v})),
            inner.prop_map(|v| json!({"not": v})),
        ]
    });
    (
        prop::collection::vec((tree, -50i64..100), 0..6),
        decimal(2000, 2),
        0i64..10,
        (0i64..60, 60i64..150),
    )
        .prop_map(|(rules, amount, attempts, (review, decline))| {
            let rules: Vec<Value> = rules
                .into_iter()
                .enumerate()
                .map(|(i, (when, score))| json!({"id": format!("r{i}"), "when": when, "score": score, "reason": format!("rule {i}")}))
                .collect();
            json!({"payment": {"amount": amount, "country": "DE", "attempts": attempts, "new": true},
                   "rules": rules, "thresholds": {"review": review, "decline": decline}})
        })
}

/// A request envelope line: domain-shaped quote, validate and score requests (valid
/// and invalid), and arbitrary JSON for every operation.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => quote_request().prop_map(|r| json!({"op": "quote", "request": r}).to_string()),
        3 => validate_request().prop_map(|r| json!({"op": "validate", "request": r}).to_string()),
        2 => score_request().prop_map(|r| json!({"op": "score", "request": r}).to_string()),
        2 => any_line(),
    ]
}

/// Any operation name with any JSON request.
fn any_line() -> impl Strategy<Value = String> {
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
