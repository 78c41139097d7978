//! Hand-checked cases; the arithmetic is in the comments.

use serde_json::json;

use super::ok;

const AS_OF: &str = "2026-11-26T10:00:00Z";

fn line(id: &str, qty: &str, price: &str) -> serde_json::Value {
    json!({"id": id, "quantity": qty, "unit_price": price})
}

#[test]
fn per_line_vs_per_total_tax_rounding() {
    // Two lines of 9.13 at 10 %: each line's exact tax is 0.913.
    // per_line: 0.91 + 0.91 = 1.82. per_total: 18.26 × 0.10 = 1.826 → 1.83, allocated
    // by the bases 9.13 : 9.13 → 0.915 each → floors 0.91 + 0.91, the leftover cent to
    // the tie's lower index (line "a").
    let mut lines = vec![];
    for id in ["a", "b"] {
        let mut l = line(id, "1", "9.13");
        l["tax_code"] = json!("std");
        lines.push(l);
    }
    let req = |rounding: &str| {
        json!({"currency": "EUR", "as_of": AS_OF, "lines": lines,
            "tax": {"rounding": rounding, "rates": {"std": [{"name": "VAT", "percent": "10"}]}}})
    };
    let per_line = ok(req("per_line"));
    assert_eq!(per_line["tax_total"], "1.82");
    assert_eq!(per_line["lines"][0]["taxes"][0]["amount"], "0.91");
    assert_eq!(per_line["total"], "20.08"); // 18.26 + 1.82
    let per_total = ok(req("per_total"));
    assert_eq!(per_total["tax_total"], "1.83");
    assert_eq!(per_total["lines"][0]["taxes"][0]["amount"], "0.92");
    assert_eq!(per_total["lines"][1]["taxes"][0]["amount"], "0.91");
    assert_eq!(per_total["lines"][0]["total"], "10.05");
    assert_eq!(per_total["total"], "20.09");
}

#[test]
fn tax_2_6_percent_of_164_02() {
    // 164.02 × 0.026 = 4.26452 → 4.26.
    let mut l = line("a", "1", "164.02");
    l["tax_code"] = json!("t");
    let r = ok(json!({"currency": "USD", "as_of": AS_OF, "lines": [l],
        "tax": {"rates": {"t": [{"name": "city", "percent": "2.6"}]}}}));
    assert_eq!(
        r["lines"][0]["taxes"][0],
        json!({"code": "t", "name": "city", "percent": "2.6", "amount": "4.26"})
    );
    assert_eq!(r["total"], "168.28");
}

#[test]
fn order_discount_remainder() {
    // 10.00 over 3 × 100.00: 333.33… cents each → floors 333 × 3 = 999, the last cent
    // to the lowest index (all remainders tie): 3.34, 3.33, 3.33 = 10.00.
    let r = ok(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [line("c", "1", "100.00"), line("a", "1", "100.00"), line("b", "1", "100.00")],
        "promotions": [{"id": "ten", "type": "amount_off", "amount": "10.00"}]}));
    // Ties go to the line id that sorts first ("a"), whatever the request order.
    let shares: Vec<_> = (0..3)
        .map(|i| r["lines"][i]["discounts"][0]["amount"].clone())
        .collect();
    assert_eq!(shares, [json!("3.33"), json!("3.34"), json!("3.33")]);
    assert_eq!(r["discount_total"], "10.00");
    assert_eq!(r["applied"], json!([{"id": "ten", "amount": "10.00"}]));
    assert_eq!(r["total"], "290.00");
}

#[test]
fn package_pricing_150_minutes() {
    // 150 minutes, 10.00 per started hour (60 units, round up): ⌈2.5⌉ = 3 → 30.00.
    let r = ok(
        json!({"currency": "USD", "as_of": AS_OF, "lines": [{"id": "call", "quantity": "150",
        "price": {"model": "package", "unit_amount": "10.00", "package_size": "60", "package_rounding": "up"}}]}),
    );
    assert_eq!(r["lines"][0]["gross"], "30.00");
    assert_eq!(r["total"], "30.00");
}

#[test]
fn inclusive_and_compound_taxes() {
    // Inclusive 119.00 at 19 %: tax = 119 × 19/119 = 19.00; net and total stay 119.00.
    let mut l = line("a", "1", "119.00");
    l["tax_code"] = json!("std");
    let r = ok(json!({"currency": "EUR", "as_of": AS_OF, "lines": [l],
        "tax": {"prices_include_tax": true, "rates": {"std": [{"name": "VAT", "percent": "19"}]}}}));
    assert_eq!(r["lines"][0]["taxes"][0]["amount"], "19.00");
    assert_eq!(r["total"], "119.00");
    assert_eq!(r["tax_total"], "19.00");
    // Exclusive 100.00 with GST 5 % and compound QST 9.975 %:
    // GST 5.00; QST 100 × 1.05 × 0.09975 = 10.47375 → 10.47; total 115.47.
    let mut l = line("a", "1", "100.00");
    l["tax_code"] = json!("qc");
    let r = ok(json!({"currency": "CAD", "as_of": AS_OF, "lines": [l],
        "tax": {"rates": {"qc": [{"name": "GST", "percent": "5"},
                                 {"name": "QST", "percent": "9.975", "compound": true}]}}}));
    assert_eq!(r["lines"][0]["taxes"][0]["amount"], "5.00");
    assert_eq!(r["lines"][0]["taxes"][1]["amount"], "10.47");
    assert_eq!(r["total"], "115.47");
    // The same, tax-inclusive at 115.47: gross-up (1.05)(1.09975) = 1.1547375;
    // net 115.47 / 1.1547375 = 99.99675…; GST 4.99983… → 5.00; QST 10.47340… → 10.47.
    let mut l = line("a", "1", "115.47");
    l["tax_code"] = json!("qc");
    let r = ok(json!({"currency": "CAD", "as_of": AS_OF, "lines": [l],
        "tax": {"prices_include_tax": true, "rates": {"qc": [{"name": "GST", "percent": "5"},
                                 {"name": "QST", "percent": "9.975", "compound": true}]}}}));
    assert_eq!(r["tax_total"], "15.47");
    assert_eq!(r["total"], "115.47");
}

#[test]
fn promotion_reasons() {
    let r = ok(json!({"currency": "USD", "as_of": AS_OF,
    "lines": [{"id": "a", "quantity": "2", "unit_price": "50.00", "categories": ["shoes"]},
              line("b", "1", "20.00")],
    "coupons": ["WELCOME"],
    "customer": {"segments": ["member"]},
    "promotions": [
        {"id": "late", "type": "percent_off", "percent": "50", "conditions": {"ends_at": "2026-11-26T10:00:00Z"}},
        {"id": "early", "type": "percent_off", "percent": "50", "conditions": {"starts_at": "2026-11-26T10:00:01Z"}},
        {"id": "code", "type": "percent_off", "percent": "50", "conditions": {"coupon": "SAVE"}},
        {"id": "vip", "type": "percent_off", "percent": "50", "conditions": {"segments": ["vip"]}},
        {"id": "big", "type": "percent_off", "percent": "50", "conditions": {"min_subtotal": "500.00"}},
        {"id": "hats", "type": "percent_off", "percent": "50", "applies_to": {"categories": ["hats"]}},
        {"id": "shoes", "priority": 5, "type": "percent_off", "percent": "10",
         "applies_to": {"categories": ["shoes"]}, "conditions": {"coupon": "WELCOME", "segments": ["member", "vip"]}},
        {"id": "solo", "priority": 1, "combines": "exclusive", "type": "amount_off", "amount": "1.00"},
        {"id": "top", "priority": 9, "combines": "exclusive", "type": "amount_off", "amount": "2.00",
         "conditions": {"min_quantity": "4"}},
        {"id": "ship", "type": "free_shipping"}
    ]}));
    // Order: top (9, min_quantity 3 < 4), shoes (5), solo (1), then priority 0 by id.
    // shoes: 10 % of 100.00 = 10.00 on line a. solo: exclusive after shoes → not_combinable.
    assert_eq!(r["applied"], json!([{"id": "shoes", "amount": "10.00"}]));
    assert_eq!(
        r["rejected"],
        json!([
            {"id": "top", "reason": "condition_not_met", "condition": "min_quantity"},
            {"id": "solo", "reason": "not_combinable", "by": "shoes"},
            {"id": "big", "reason": "condition_not_met", "condition": "min_subtotal"},
            {"id": "code", "reason": "coupon_missing"},
            {"id": "early", "reason": "outside_window"},
            {"id": "hats", "reason": "condition_not_met", "condition": "applies_to"},
            {"id": "late", "reason": "outside_window"},
            {"id": "ship", "reason": "nothing_to_discount"},
            {"id": "vip", "reason": "condition_not_met", "condition": "segments"}
        ])
    );
    assert_eq!(r["total"], "110.00"); // 100 + 20 − 10
}

#[test]
fn exclusive_excludes_later_promotions() {
    let r = ok(
        json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "1", "80.00")],
        "shipping": {"amount": "5.00"},
        "promotions": [
            {"id": "x", "priority": 2, "combines": "exclusive", "type": "percent_off", "percent": "25"},
            {"id": "y", "priority": 1, "type": "amount_off", "amount": "5.00"},
            {"id": "z", "priority": 1, "type": "free_shipping"}]}),
    );
    // x: 25 % of 80.00 = 20.00; y and z are excluded by x.
    assert_eq!(r["applied"], json!([{"id": "x", "amount": "20.00"}]));
    assert_eq!(
        r["rejected"],
        json!([
        {"id": "y", "reason": "excluded_by", "by": "x"},
        {"id": "z", "reason": "excluded_by", "by": "x"}])
    );
    assert_eq!(r["total"], "65.00"); // 60.00 + 5.00 shipping
}

#[test]
fn buy_two_get_one_cheapest_free() {
    // Units: 30.00, 20.00, 10.00, 10.00 (qty 2) → 4 units → 1 group of 3 → 1 free,
    // the cheapest: line "c" (10.00 each, 2 units) gets 20.00 × 1/2 = 10.00 off.
    let r = ok(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [line("a", "1", "30.00"), line("b", "1", "20.00"), line("c", "2", "10.00")],
        "promotions": [{"id": "b2g1", "type": "buy_x_get_y", "buy": 2, "get": 1}]}));
    assert_eq!(
        r["lines"][2]["discounts"],
        json!([{"promotion": "b2g1", "amount": "10.00"}])
    );
    assert_eq!(r["lines"][0]["discounts"], json!([]));
    assert_eq!(r["total"], "60.00"); // 70 − 10
    // 50 % off the free unit instead: 5.00.
    let r = ok(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [line("a", "1", "30.00"), line("b", "1", "20.00"), line("c", "2", "10.00")],
        "promotions": [{"id": "b2g1", "type": "buy_x_get_y", "buy": 2, "get": 1, "percent": "50"}]}));
    assert_eq!(r["discount_total"], "5.00");
}

#[test]
fn fixed_price_threshold_cap_and_free_shipping() {
    let r = ok(json!({"currency": "USD", "as_of": AS_OF,
        "lines": [line("a", "3", "12.00"), line("b", "1", "150.00")],
        "shipping": {"amount": "7.50"},
        "promotions": [
            // a: 3 × 12.00 = 36.00 → 3 × 9.99 = 29.97: 6.03 off.
            {"id": "fix", "priority": 3, "type": "fixed_price", "amount": "9.99", "applies_to": {"line_ids": ["a"]}},
            // Spend 100 get 10, repeated: nets 29.97 + 150.00 = 179.97 → once, 10.00,
            // allocated 2997 : 15000 → 166.527… and 833.472… cents → floors 166 + 833,
            // the last cent to the larger remainder (a, .527) → a 1.67, b 8.33.
            {"id": "spend", "priority": 2, "type": "spend_threshold", "threshold": "100.00", "amount": "10.00", "repeat": true},
            // 50 % of the rest (84.985 → 84.98), capped at 5.00, allocated 2830 : 14167
            // → 83.25 / 416.74 cents → 83 + 416, last cent to b → a 0.83, b 4.17.
            {"id": "half", "priority": 1, "type": "percent_off", "percent": "50", "cap": "5.00"},
            {"id": "ship", "type": "free_shipping"}]}));
    assert_eq!(r["lines"][0]["discounts"][0]["amount"], "6.03");
    assert_eq!(r["lines"][0]["discounts"][1]["amount"], "1.67");
    assert_eq!(r["lines"][1]["discounts"][0]["amount"], "8.33");
    assert_eq!(r["applied"][2], json!({"id": "half", "amount": "5.00"}));
    assert_eq!(r["applied"][3], json!({"id": "ship", "amount": "7.50"}));
    // 186.00 − 6.03 − 10.00 − 5.00 = 164.97, shipping 0.00.
    assert_eq!(r["total"], "164.97");
    assert_eq!(r["shipping"]["net"], "0.00");
    assert_eq!(r["discount_total"], "28.53");
}

#[test]
fn cash_rounding_chf() {
    // 3 × 3.49 = 10.47 → cash 0.05: 10.45, adjustment −0.02.
    let r = ok(
        json!({"currency": "CHF", "as_of": AS_OF, "lines": [line("a", "3", "3.49")],
        "rounding": {"cash": true}}),
    );
    assert_eq!(r["total"], "10.45");
    assert_eq!(r["cash_rounding"], "-0.02");
    // No cash rounding requested: no member.
    let r = ok(json!({"currency": "CHF", "as_of": AS_OF, "lines": [line("a", "3", "3.49")]}));
    assert!(r.get("cash_rounding").is_none());
}

#[test]
fn jpy_and_kwd_minor_units() {
    // JPY: 3 × 333 = 999; 10 % tax 99.9 → 100.
    let mut l = line("a", "3", "333");
    l["tax_code"] = json!("c");
    let r = ok(json!({"currency": "JPY", "as_of": AS_OF, "lines": [l],
        "tax": {"rates": {"c": [{"name": "consumption", "percent": "10"}]}}}));
    assert_eq!(r["total"], "1099");
    // KWD: 2 × 1.125 = 2.250.
    let r = ok(json!({"currency": "KWD", "as_of": AS_OF, "lines": [line("a", "2", "1.125")]}));
    assert_eq!(r["total"], "2.250");
}

#[test]
fn rounding_mode_applies_everywhere() {
    // 1 × 0.125 → 0.12 half_even, 0.13 half_up.
    let r = ok(json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "1", "0.125")]}));
    assert_eq!(r["total"], "0.12");
    let r = ok(
        json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "1", "0.125")],
        "rounding": {"mode": "half_up"}}),
    );
    assert_eq!(r["total"], "0.13");
}

#[test]
fn member_order_and_omissions() {
    let r = super::run(json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "1", "1")]}))
        .unwrap();
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"currency":"USD","prices_include_tax":false,"lines":[{"id":"a","quantity":"1","gross":"1.00","discounts":[],"net":"1.00","taxes":[],"total":"1.00"}],"subtotal":"1.00","discount_total":"0.00","tax_total":"0.00","total":"1.00","applied":[],"rejected":[]}"#
    );
}

#[test]
fn conversion_of_the_total() {
    // 3 × 19.99 = 59.97 USD; × 0.9213 = 55.250061 → 55.25 EUR (one rounding).
    let req = |currency: &str, rate: &str, mode: &str| {
        json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "3", "19.99")],
            "rounding": {"mode": mode}, "conversion": {"currency": currency, "rate": rate}})
    };
    let r = ok(req("EUR", "0.9213", "half_even"));
    assert_eq!(
        r["converted"],
        json!({"currency": "EUR", "rate": "0.9213", "total": "55.25"})
    );
    assert_eq!(r["total"], "59.97");
    // The request's mode rounds the conversion: 59.97 × 151.235 = 9069.56295 JPY →
    // 9070 half_even, 9069 down; KWD at 0.30712: 18.4179864 → 18.418 half_even.
    assert_eq!(
        ok(req("JPY", "151.235", "half_even"))["converted"]["total"],
        "9070"
    );
    assert_eq!(
        ok(req("JPY", "151.235", "down"))["converted"]["total"],
        "9069"
    );
    assert_eq!(
        ok(req("KWD", "0.30712", "half_even"))["converted"]["total"],
        "18.418"
    );
    // A tie at the target's minor unit: 2 × 0.25 = 0.50 USD × 0.25 = 0.125 EUR →
    // 0.12 half_even, 0.13 half_up.
    let tie = |mode: &str| {
        ok(
            json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "2", "0.25")],
            "rounding": {"mode": mode}, "conversion": {"currency": "EUR", "rate": "0.25"}}),
        )
    };
    assert_eq!(tie("half_even")["converted"]["total"], "0.12");
    assert_eq!(tie("half_up")["converted"]["total"], "0.13");
    // The converted total is of the cash-rounded total: CHF 10.47 → 10.45, × 2 = 20.90 EUR.
    let r = ok(
        json!({"currency": "CHF", "as_of": AS_OF, "lines": [line("a", "3", "3.49")],
        "rounding": {"cash": true}, "conversion": {"currency": "EUR", "rate": "2"}}),
    );
    assert_eq!(r["converted"]["total"], "20.90");
    // Without `conversion` there is no `converted` member.
    let r = ok(json!({"currency": "USD", "as_of": AS_OF, "lines": [line("a", "1", "1")]}));
    assert!(r.get("converted").is_none());
}
