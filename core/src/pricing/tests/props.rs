//! Properties over random carts: exact sums, no negative lines, discounts within
//! what they discount, independence from the order of lines and promotions.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::run;
use crate::money::parse_decimal;

const CATS: [&str; 3] = ["toys", "food", "books"];

fn d(v: &Value) -> Decimal {
    parse_decimal(v.as_str().unwrap()).unwrap()
}

fn cents(c: u32) -> String {
    format!("{}.{:02}", c / 100, c % 100)
}

fn line_strategy() -> impl Strategy<Value = Value> {
    (1u32..6, prop::bool::ANY, 0u32..20_000, 0usize..3, 0usize..3).prop_map(
        |(qty, half, price, cat, tax)| {
            let quantity = if half {
                format!("{qty}.5")
            } else {
                qty.to_string()
            };
            let mut l = json!({"quantity": quantity, "unit_price": cents(price),
                "categories": [CATS[cat]]});
            if tax > 0 {
                l["tax_code"] = json!(["", "std", "reduced"][tax]);
            }
            l
        },
    )
}

fn promotion_strategy() -> impl Strategy<Value = Value> {
    (0usize..6, 0u32..5_000, 1u32..60, -2i32..3, prop::bool::ANY, 0usize..4, prop::option::of(0u32..3000))
        .prop_map(|(kind, amount, percent, priority, exclusive, target, cap)| {
            let mut p = match kind {
                0 => json!({"type": "percent_off", "percent": percent.to_string()}),
                1 => json!({"type": "amount_off", "amount": cents(amount)}),
                2 => json!({"type": "fixed_price", "amount": cents(amount / 4)}),
                3 => json!({"type": "buy_x_get_y", "buy": 1 + percent % 3, "get": 1 + percent % 2}),
                4 => json!({"type": "spend_threshold", "threshold": cents(amount + 1), "amount": cents(percent * 50), "repeat": exclusive}),
                _ => json!({"type": "free_shipping"}),
            };
            p["priority"] = json!(priority);
            if exclusive {
                p["combines"] = json!("exclusive");
            }
            if target > 0 {
                p["applies_to"] = json!({"categories": [CATS[target - 1]]});
            }
            if let Some(c) = cap {
                p["cap"] = json!(cents(c));
            }
            p
        })
}

fn cart_strategy() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(line_strategy(), 1..7),
        prop::collection::vec(promotion_strategy(), 0..5),
        prop::bool::ANY,
        prop::bool::ANY,
        prop::option::of(0u32..2_000),
        0usize..3,
    )
        .prop_map(|(mut lines, mut promos, inclusive, per_total, shipping, currency)| {
            for (i, l) in lines.iter_mut().enumerate() {
                l["id"] = json!(format!("line-{i}"));
            }
            for (i, p) in promos.iter_mut().enumerate() {
                p["id"] = json!(format!("promo-{i}"));
            }
            let currency = ["USD", "CHF", "EUR"][currency];
            let mut cart = json!({
                "currency": currency, "as_of": "2026-11-26T10:00:00Z",
                "lines": lines, "promotions": promos,
                "tax": {"prices_include_tax": inclusive,
                        "rounding": if per_total { "per_total" } else { "per_line" },
                        "rates": {"std": [{"name": "VAT", "percent": "19"}],
                                  "reduced": [{"name": "GST", "percent": "5"},
                                              {"name": "PST", "percent": "7.5", "compound": true}]}},
                "rounding": {"cash": currency == "CHF"}
            });
            if let Some(s) = shipping {
                cart["shipping"] = json!({"amount": cents(s), "tax_code": "std"});
            }
            cart
        })
}

fn sum<'a>(values: impl IntoIterator<Item = &'a Value>) -> Decimal {
    values.into_iter().map(d).sum()
}

fn check_invariants(request: &Value, r: &Value) {
    let inclusive = r["prices_include_tax"].as_bool().unwrap();
    let lines = r["lines"].as_array().unwrap();
    let mut per_promo: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut parts: Vec<&Value> = lines.iter().collect();
    if r.get("shipping").is_some() {
        parts.push(&r["shipping"]);
    }
    let (mut discounts, mut taxes, mut totals) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for part in &parts {
        let line_discounts = sum(part["discounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| &x["amount"]));
        let line_taxes = sum(part["taxes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| &x["amount"]));
        for x in part["discounts"].as_array().unwrap() {
            assert!(d(&x["amount"]) > Decimal::ZERO);
            *per_promo
                .entry(x["promotion"].as_str().unwrap().to_owned())
                .or_default() += d(&x["amount"]);
        }
        // Net = gross − discounts, never below zero; discounts never exceed the gross.
        assert_eq!(d(&part["net"]), d(&part["gross"]) - line_discounts);
        assert!(d(&part["net"]) >= Decimal::ZERO);
        assert!(line_taxes >= Decimal::ZERO);
        let expected_total = if inclusive {
            d(&part["net"])
        } else {
            d(&part["net"]) + line_taxes
        };
        assert_eq!(d(&part["total"]), expected_total);
        if inclusive {
            assert!(line_taxes <= d(&part["net"]));
        }
        discounts += line_discounts;
        taxes += line_taxes;
        totals += d(&part["total"]);
    }
    assert_eq!(d(&r["subtotal"]), sum(lines.iter().map(|l| &l["gross"])));
    assert_eq!(d(&r["discount_total"]), discounts);
    assert_eq!(d(&r["tax_total"]), taxes);
    let cash = r.get("cash_rounding").map_or(Decimal::ZERO, d);
    assert_eq!(d(&r["total"]), totals + cash);
    // Each applied promotion's amount is exactly the sum of its shares.
    let applied: BTreeMap<String, Decimal> = r["applied"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_owned(), d(&a["amount"])))
        .collect();
    assert_eq!(applied, per_promo);
    // Amount-off promotions never exceed their amount; caps hold.
    for p in request["promotions"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let Some(got) = applied.get(id) else { continue };
        if let Some(cap) = p.get("cap") {
            assert!(*got <= d(cap), "{id} over its cap");
        }
        if p["type"] == "amount_off" {
            assert!(*got <= d(&p["amount"]));
        }
    }
    // Every promotion is either applied or rejected, once.
    let n = request["promotions"].as_array().unwrap().len();
    assert_eq!(applied.len() + r["rejected"].as_array().unwrap().len(), n);
}

/// The response with lines keyed by id (line order is the request's).
fn by_id(mut r: Value) -> Value {
    let mut lines = r["lines"].as_array().cloned().unwrap();
    lines.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    r["lines"] = Value::Array(lines);
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_carts_add_up(cart in cart_strategy()) {
        let r = serde_json::to_value(run(cart.clone()).unwrap()).unwrap();
        check_invariants(&cart, &r);
    }

    #[test]
    fn order_of_lines_and_promotions_does_not_matter(cart in cart_strategy(), seed in 0usize..1000) {
        let r = serde_json::to_value(run(cart.clone()).unwrap()).unwrap();
        let mut shuffled = cart.clone();
        let lines = shuffled["lines"].as_array_mut().unwrap();
        let len = lines.len();
        lines.rotate_left(seed % len);
        lines.reverse();
        shuffled["promotions"].as_array_mut().unwrap().reverse();
        let s = serde_json::to_value(run(shuffled).unwrap()).unwrap();
        prop_assert_eq!(by_id(r), by_id(s));
    }

    /// Where no tax applies (every rate 0 %), prices that include tax and prices that
    /// exclude it must give the same cart to the cent, whatever the rounding policy.
    #[test]
    fn inclusive_and_exclusive_agree_without_tax(cart in cart_strategy()) {
        let mut zero = cart.clone();
        zero["tax"]["rates"] = json!({"std": [{"name": "VAT", "percent": "0"}],
                                      "reduced": [{"name": "GST", "percent": "0"}]});
        let mut inclusive = zero.clone();
        inclusive["tax"]["prices_include_tax"] = json!(true);
        let mut exclusive = zero;
        exclusive["tax"]["prices_include_tax"] = json!(false);
        let a = serde_json::to_value(run(inclusive).unwrap()).unwrap();
        let b = serde_json::to_value(run(exclusive).unwrap()).unwrap();
        for key in ["subtotal", "discount_total", "tax_total", "total", "applied", "rejected"] {
            prop_assert_eq!(&a[key], &b[key], "{}", key);
        }
        for (x, y) in a["lines"].as_array().unwrap().iter().zip(b["lines"].as_array().unwrap()) {
            for key in ["gross", "discounts", "net", "total"] {
                prop_assert_eq!(&x[key], &y[key], "{}", key);
            }
        }
    }
}
