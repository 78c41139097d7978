//! Requests that carry a card number (and sometimes a CVC) in every place a secret could
//! plausibly be sent by mistake, and the search for them in every output
//! (`tests/tests/secrets.rs`). See docs/security.md, "Secrets in requests".
//!
//! Places whose value is echoed by design are left out on purpose: a quote's line `id`,
//! promotion `id`, tax code (a map key) and tax `name`; a plain-digit quantity or unit
//! price (a valid decimal appears in the totals); a score rule's `id` and `reason`;
//! `validate`'s valid values (a valid IBAN, phone or VAT number, a plain-digit amount:
//! each is returned cleaned, so a `+` and a card number that happens to be a valid E.164
//! number is left out); and JSON member *names*, which error messages and paths keep.
//! `validate`'s free-text members (holder name, address lines, city, region, postal code,
//! email) and every invalid member are searched: none may echo a card number.
//!
//! Two sources of places: [`PLACES`], written by hand for what a schema cannot say
//! (malformed JSON, numbers where strings go, a secret in a payment attribute, values
//! that must pass one check to reach another), and [`schema_places`], every string and
//! integer member of every request schema, walked from the schemas generated from the
//! Rust types, so a member added to a request is swept without being listed. Members
//! echoed by design are named in [`ECHOED_BY_DESIGN`].

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};

/// A Luhn-valid card number and the way it is typed into the request.
#[derive(Debug, Clone)]
pub struct Card {
    /// The digits alone (what must never come back).
    pub digits: String,
    /// Spaces or dashes every four digits, or none.
    pub separator: &'static str,
    /// A CVC: 3 or 4 digits, never equal to the last four digits of the card and never
    /// a year 2000-2099 (both legitimately appear quoted in a `validate` answer).
    pub cvc: String,
}

impl Card {
    /// The number as typed: digits grouped by four with the separator.
    ///
    /// ```
    /// let c = lockstep_tests::secrets::Card {
    ///     digits: "4111111111111111".into(), separator: " ", cvc: "123".into(),
    /// };
    /// assert_eq!(c.typed(), "4111 1111 1111 1111");
    /// ```
    pub fn typed(&self) -> String {
        group(&self.digits, self.separator)
    }

    /// The number typed with a separator, never the bare digits (for fields where bare
    /// digits are a valid decimal that the answer legitimately repeats).
    pub fn grouped(&self) -> String {
        group(
            &self.digits,
            if self.separator.is_empty() {
                " "
            } else {
                self.separator
            },
        )
    }
}

fn group(digits: &str, sep: &str) -> String {
    digits
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Luhn check digit appended to `digits`.
///
/// ```
/// assert_eq!(lockstep_tests::secrets::luhn_complete("411111111111111"), "4111111111111111");
/// ```
pub fn luhn_complete(digits: &str) -> String {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

/// Luhn-valid numbers of 13 to 19 digits behind real brand prefixes, typed three ways,
/// with a CVC.
pub fn card() -> impl Strategy<Value = Card> {
    (
        prop::sample::select(&["4", "51", "2221", "34", "6011", "35", "62", "2200", "5067"][..]),
        12usize..19,
        prop::collection::vec(0u8..10, 18),
        prop::sample::select(&["", " ", "-"][..]),
        prop_oneof![100u32..1000, 1000u32..2000, 2100u32..10_000],
    )
        .prop_map(|(prefix, len, pool, separator, cvc)| {
            let body: String = pool
                .iter()
                .take(len - prefix.len())
                .map(|d| char::from(b'0' + d))
                .collect();
            let digits = luhn_complete(&format!("{prefix}{body}"));
            let mut cvc = cvc.to_string();
            if digits.ends_with(&cvc) {
                cvc = if cvc.len() == 3 { "987" } else { "9876" }.to_owned();
                if digits.ends_with(&cvc) {
                    cvc = "789".to_owned();
                }
            }
            Card {
                digits,
                separator,
                cvc,
            }
        })
}

/// One generated request.
#[derive(Debug, Clone)]
pub struct Case {
    /// Where the secret is (a short name, for failure messages): a hand-written place,
    /// or `schema <op> <pointer>` for one generated from the request schemas.
    pub place: String,
    /// The operation name (for `op`-name places: the card number itself).
    pub op: String,
    /// The request text, sometimes malformed JSON on purpose.
    pub request: String,
    /// The card number it carries.
    pub card: Card,
    /// Whether the CVC was put into the request.
    pub has_cvc: bool,
}

impl Case {
    /// The `--batch` envelope line (malformed when the request is).
    pub fn line(&self) -> String {
        format!(r#"{{"op":{},"request":{}}}"#, json!(self.op), self.request)
    }

    /// The first secret found in `output`, described, or `None`.
    pub fn leak(&self, output: &str) -> Option<String> {
        leak(
            output,
            &self.card.digits,
            self.has_cvc.then_some(&*self.card.cvc),
        )
    }
}

/// Searches `output` for the card digits (contiguous, and again with spaces, dashes,
/// dots, slashes, underscores and JSON escapes of a space removed from the output), for
/// any ten of its digits in a row in that squeezed output, and, when given, for the CVC
/// between quotes or backticks.
///
/// ```
/// use lockstep_tests::secrets::leak;
/// assert!(leak("x 4111-1111 1111.1111 y", "4111111111111111", None).is_some());
/// assert!(leak(r#"{"cvc":"123"}"#, "4111111111111111", Some("123")).is_some());
/// assert!(leak(r#"{"score":123}"#, "4111111111111111", Some("123")).is_none());
/// assert!(leak("\"4111 1111 1111 1\" is not", "4111111111111111111", None).is_some());
/// assert!(leak(r#"{"first6":"411111","last4":"1111"}"#, "4111111111111111", None).is_none());
/// ```
pub fn leak(output: &str, digits: &str, cvc: Option<&str>) -> Option<String> {
    if output.contains(digits) {
        return Some(format!("card number {digits}"));
    }
    let squeezed: String = output
        .replace("\\u0020", "")
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '_' | '\t' | '\u{a0}'))
        .collect();
    if squeezed.contains(digits) {
        return Some(format!("card number {digits} (with separators removed)"));
    }
    // Ten digits in a row are more than the first six and last four that `validate`
    // may show (and they are never adjacent there).
    let window = digits.len().min(10);
    if let Some(part) = (0..=digits.len() - window)
        .map(|i| &digits[i..i + window])
        .find(|part| squeezed.contains(part))
    {
        return Some(format!("part of card number {digits}: {part}"));
    }
    let cvc = cvc?;
    for (open, close) in [("\"", "\""), ("`", "`"), ("'", "'"), ("\\\"", "\\\"")] {
        if output.contains(&format!("{open}{cvc}{close}")) {
            return Some(format!("CVC {open}{cvc}{close}"));
        }
    }
    None
}

/// Replaced by raw digits after serialization (a JSON number with up to 19 digits).
const RAW: &str = "\u{1}RAW\u{1}";

fn text(v: &Value, raw: &str) -> String {
    v.to_string().replace(&json!(RAW).to_string(), raw)
}

fn quote_base() -> Value {
    json!({"currency": "EUR", "as_of": "2026-11-26T10:00:00Z",
           "lines": [{"id": "a", "quantity": "1", "unit_price": "1.00"}]})
}

fn score_base() -> Value {
    json!({"payment": {"amount": "10.00", "country": "DE"},
           "rules": [{"id": "r", "when": {"field": "country", "op": "eq", "value": "DE"}, "score": 5, "reason": "de"}],
           "thresholds": {"review": 50, "decline": 100}})
}

type Build = fn(&Card) -> (String, String, bool);

fn q(f: impl FnOnce(&mut Value)) -> String {
    let mut v = quote_base();
    f(&mut v);
    v.to_string()
}

fn s(f: impl FnOnce(&mut Value)) -> String {
    let mut v = score_base();
    f(&mut v);
    v.to_string()
}

fn qraw(f: impl FnOnce(&mut Value), raw: &str) -> String {
    let mut v = quote_base();
    f(&mut v);
    text(&v, raw)
}

fn sraw(f: impl FnOnce(&mut Value), raw: &str) -> String {
    let mut v = score_base();
    f(&mut v);
    text(&v, raw)
}

fn quote(r: String) -> (String, String, bool) {
    ("quote".to_owned(), r, false)
}

fn validate(r: String, cvc: bool) -> (String, String, bool) {
    ("validate".to_owned(), r, cvc)
}

fn score(r: String, cvc: bool) -> (String, String, bool) {
    ("score".to_owned(), r, cvc)
}

/// Every place, with the request it builds for a card.
pub const PLACES: &[(&str, Build)] = &[
    // quote
    ("quote /currency", |c| {
        quote(q(|v| v["currency"] = json!(c.typed())))
    }),
    ("quote /currency (number)", |c| {
        quote(qraw(|v| v["currency"] = json!(RAW), &c.digits))
    }),
    ("quote /conversion/currency", |c| {
        quote(q(|v| {
            v["conversion"] = json!({"currency": c.typed(), "rate": "1.1"})
        }))
    }),
    ("quote /coupons", |c| {
        let r = q(|v| v["coupons"] = json!([c.typed(), c.cvc]));
        ("quote".to_owned(), r, true)
    }),
    ("quote promotion coupon condition", |c| {
        quote(q(|v| {
            v["coupons"] = json!([c.typed()]);
            v["promotions"] = json!([{"id": "p", "type": "percent_off", "percent": "10",
                                      "conditions": {"coupon": c.typed()}}]);
        }))
    }),
    ("quote /customer/segments", |c| {
        quote(q(|v| v["customer"] = json!({"segments": [c.typed()]})))
    }),
    ("quote line sku", |c| {
        quote(q(|v| v["lines"][0]["sku"] = json!(c.typed())))
    }),
    ("quote line categories", |c| {
        quote(q(|v| v["lines"][0]["categories"] = json!([c.typed()])))
    }),
    ("quote line quantity (grouped)", |c| {
        quote(q(|v| v["lines"][0]["quantity"] = json!(c.grouped())))
    }),
    ("quote line quantity (number)", |c| {
        quote(qraw(|v| v["lines"][0]["quantity"] = json!(RAW), &c.digits))
    }),
    ("quote line unit_price (grouped)", |c| {
        quote(q(|v| v["lines"][0]["unit_price"] = json!(c.grouped())))
    }),
    ("quote line unit_price (number)", |c| {
        quote(qraw(
            |v| v["lines"][0]["unit_price"] = json!(RAW),
            &c.digits,
        ))
    }),
    ("quote line unit_price (letters)", |c| {
        quote(q(|v| {
            v["lines"][0]["unit_price"] = json!(format!("{}x", c.digits))
        }))
    }),
    ("quote line tax_code", |c| {
        quote(q(|v| v["lines"][0]["tax_code"] = json!(c.typed())))
    }),
    ("quote /as_of", |c| {
        quote(q(|v| v["as_of"] = json!(c.typed())))
    }),
    ("quote promotion starts_at", |c| {
        quote(q(|v| {
            v["promotions"] = json!([{"id": "p", "type": "free_shipping",
                                      "conditions": {"starts_at": c.typed()}}]);
        }))
    }),
    ("quote promotion applies_to line_ids", |c| {
        quote(q(|v| {
            v["promotions"] = json!([{"id": "p", "type": "percent_off", "percent": "10",
                                      "applies_to": {"line_ids": [c.typed()]}}]);
        }))
    }),
    ("quote /rounding/mode", |c| {
        quote(q(|v| v["rounding"] = json!({"mode": c.typed()})))
    }),
    ("quote promotion type", |c| {
        quote(q(|v| {
            v["promotions"] = json!([{"id": "p", "type": c.typed()}])
        }))
    }),
    ("quote promotion combines", |c| {
        quote(q(|v| {
            v["promotions"] = json!([{"id": "p", "type": "free_shipping", "combines": c.typed()}]);
        }))
    }),
    ("quote promotion buy (number)", |c| {
        quote(qraw(
            |v| v["promotions"] = json!([{"id": "p", "type": "buy_x_get_y", "buy": RAW, "get": 1}]),
            &c.digits,
        ))
    }),
    ("quote promotion buy (string)", |c| {
        quote(q(|v| {
            v["promotions"] =
                json!([{"id": "p", "type": "buy_x_get_y", "buy": c.typed(), "get": 1}]);
        }))
    }),
    ("quote promotion priority (number)", |c| {
        quote(qraw(
            |v| v["promotions"] = json!([{"id": "p", "type": "free_shipping", "priority": RAW}]),
            &c.digits,
        ))
    }),
    ("quote promotion percent (grouped)", |c| {
        quote(q(|v| {
            v["promotions"] = json!([{"id": "p", "type": "percent_off", "percent": c.grouped()}]);
        }))
    }),
    ("quote price model", |c| {
        quote(q(|v| {
            v["lines"][0] = json!({"id": "a", "quantity": "1",
                                   "price": {"model": c.typed(), "unit_amount": "1"}});
        }))
    }),
    ("quote tier up_to (grouped)", |c| {
        quote(q(|v| {
            v["lines"][0] = json!({"id": "a", "quantity": "1", "price": {"model": "volume",
                "tiers": [{"up_to": c.grouped(), "unit_amount": "1"}, {"unit_amount": "1"}]}});
        }))
    }),
    ("quote /shipping/amount (grouped)", |c| {
        quote(q(|v| v["shipping"] = json!({"amount": c.grouped()})))
    }),
    ("quote /conversion/rate (grouped)", |c| {
        quote(q(|v| {
            v["conversion"] = json!({"currency": "USD", "rate": c.grouped()})
        }))
    }),
    ("quote tax rate percent (grouped)", |c| {
        quote(q(|v| {
            v["tax"] = json!({"rates": {"std": [{"name": "VAT", "percent": c.grouped()}]}});
        }))
    }),
    ("quote unknown member value", |c| {
        quote(q(|v| v["card_number"] = json!(c.typed())))
    }),
    ("quote line unknown member value", |c| {
        quote(q(|v| v["lines"][0]["pan"] = json!(c.typed())))
    }),
    ("quote /lines as a string", |c| {
        quote(q(|v| v["lines"] = json!(c.typed())))
    }),
    ("quote duplicate member", |c| {
        let r = q(|_| {});
        quote(format!(r#"{{"currency":{},{}"#, json!(c.typed()), &r[1..]))
    }),
    ("quote truncated", |c| {
        quote(format!(
            r#"{{"currency":"EUR","lines":[{{"id":"a","quantity":"{}""#,
            c.typed()
        ))
    }),
    ("quote unquoted grouped number", |c| {
        quote(format!(r#"{{"currency":{},"lines":[]}}"#, c.grouped()))
    }),
    // validate
    ("validate /card/number complete", |c| {
        validate(
            json!({"mode": "complete", "card": {"number": c.typed(), "cvc": c.cvc}}).to_string(),
            true,
        )
    }),
    ("validate /card/number partial", |c| {
        validate(
            json!({"mode": "partial", "card": {"number": c.typed(), "cvc": c.cvc}}).to_string(),
            true,
        )
    }),
    ("validate /card/exp_month and /card/exp_year", |c| {
        validate(
            json!({"card": {"exp_month": c.typed(), "exp_year": c.typed()}}).to_string(),
            false,
        )
    }),
    ("validate /card/number with letters", |c| {
        validate(
            json!({"card": {"number": format!("{}abc", c.typed()), "cvc": c.cvc}}).to_string(),
            true,
        )
    }),
    ("validate /card/number too long", |c| {
        validate(
            json!({"card": {"number": c.typed().repeat(40), "cvc": c.cvc}}).to_string(),
            true,
        )
    }),
    ("validate /card/number (number)", |c| {
        validate(
            text(&json!({"card": {"number": RAW, "cvc": c.cvc}}), &c.digits),
            true,
        )
    }),
    ("validate /card/number (array)", |c| {
        validate(json!({"card": {"number": [c.typed()]}}).to_string(), false)
    }),
    ("validate /card/cvc (number)", |c| {
        validate(
            text(&json!({"card": {"number": c.typed(), "cvc": RAW}}), &c.cvc),
            true,
        )
    }),
    ("validate /card/cvc (card number)", |c| {
        validate(json!({"card": {"cvc": c.typed()}}).to_string(), false)
    }),
    ("validate /card/cvc too long", |c| {
        validate(
            json!({"card": {"number": c.typed(), "cvc": format!("{}{}", c.cvc, "9".repeat(300))}})
                .to_string(),
            false,
        )
    }),
    ("validate /card as a string", |c| {
        validate(json!({"card": c.typed()}).to_string(), false)
    }),
    ("validate card unknown member", |c| {
        validate(
            json!({"card": {"pan": c.typed(), "security_code": c.cvc}}).to_string(),
            true,
        )
    }),
    ("validate unknown member", |c| {
        validate(
            json!({"card_number": c.typed(), "cvv": c.cvc}).to_string(),
            true,
        )
    }),
    ("validate /mode", |c| {
        validate(json!({"mode": c.typed()}).to_string(), false)
    }),
    ("validate /as_of", |c| {
        validate(
            json!({"as_of": c.typed(), "card": {"number": c.typed()}}).to_string(),
            false,
        )
    }),
    ("validate trailing comma", |c| {
        validate(
            format!(
                r#"{{"card":{{"number":"{}","cvc":"{}",}}}}"#,
                c.typed(),
                c.cvc
            ),
            true,
        )
    }),
    ("validate unquoted number", |c| {
        validate(
            format!(r#"{{"card":{{"number":{},"cvc":{}}}}}"#, c.grouped(), c.cvc),
            true,
        )
    }),
    ("validate bad escape", |c| {
        validate(
            format!(
                r#"{{"card":{{"number":"{}\x","cvc":"{}"}}}}"#,
                c.typed(),
                c.cvc
            ),
            true,
        )
    }),
    ("validate control character", |c| {
        validate(
            format!(
                "{{\"card\":{{\"cvc\":\"{}\",\"number\":\"{}\t\"}}}}",
                c.cvc,
                c.typed()
            ),
            true,
        )
    }),
    ("validate lone surrogate", |c| {
        validate(
            format!(
                r#"{{"card":{{"cvc":"{}","number":"{}\ud800"}}}}"#,
                c.cvc,
                c.typed()
            ),
            true,
        )
    }),
    ("validate duplicate member", |c| {
        validate(
            format!(
                r#"{{"card":{{"number":"{}","cvc":"{}","number":"{}"}}}}"#,
                c.typed(),
                c.cvc,
                c.digits
            ),
            true,
        )
    }),
    ("validate /card/holder_name", |c| {
        validate(
            json!({"card": {"holder_name": c.typed()}}).to_string(),
            false,
        )
    }),
    ("validate /card/holder_name partial", |c| {
        validate(
            json!({"mode": "partial", "card": {"holder_name": format!("Ada {}", c.typed())}})
                .to_string(),
            false,
        )
    }),
    ("validate /billing_address/line1 and /city", |c| {
        validate(
            json!({"billing_address": {"line1": c.typed(), "city": c.grouped()}}).to_string(),
            false,
        )
    }),
    ("validate /billing_address/region", |c| {
        validate(
            json!({"billing_address": {"region": c.typed()}}).to_string(),
            false,
        )
    }),
    (
        "validate /billing_address/region with country and postal code",
        |c| {
            validate(
            json!({"billing_address": {"country": "US", "postal_code": "10001", "region": c.grouped()}})
                .to_string(),
            false,
        )
        },
    ),
    ("validate /billing_address/postal_code", |c| {
        validate(
            json!({"billing_address": {"postal_code": c.typed()}}).to_string(),
            false,
        )
    }),
    ("validate /billing_address/postal_code with country", |c| {
        validate(
            json!({"billing_address": {"country": "DE", "postal_code": c.typed()}}).to_string(),
            false,
        )
    }),
    ("validate /email local part", |c| {
        validate(
            // An email has no spaces: typed with dashes, or bare.
            json!({"email": format!("{}@example.com", if c.separator == " " { c.digits.clone() } else { c.typed() })})
                .to_string(),
            false,
        )
    }),
    ("validate /iban", |c| {
        validate(json!({"iban": c.typed()}).to_string(), false)
    }),
    ("validate /iban after a country", |c| {
        validate(
            json!({"iban": format!("DE00{}", c.digits)}).to_string(),
            false,
        )
    }),
    ("validate /bic", |c| {
        validate(json!({"bic": c.typed()}).to_string(), false)
    }),
    ("validate /vat_id", |c| {
        validate(json!({"vat_id": c.typed()}).to_string(), false)
    }),
    ("validate /vat_id after a prefix", |c| {
        validate(
            json!({"vat_id": format!("DE{}", c.typed())}).to_string(),
            false,
        )
    }),
    ("validate /phone without +", |c| {
        validate(json!({"phone": c.typed()}).to_string(), false)
    }),
    ("validate /currency", |c| {
        validate(json!({"currency": c.typed()}).to_string(), false)
    }),
    ("validate /amount (grouped)", |c| {
        validate(
            json!({"amount": c.grouped(), "currency": "EUR"}).to_string(),
            false,
        )
    }),
    ("validate nested too deep", |c| {
        validate(
            format!(
                r#"{{"card":{}{{"number":"{}"}}{}}}"#,
                "[".repeat(40),
                c.typed(),
                "]".repeat(40)
            ),
            false,
        )
    }),
    // score
    ("score payment attribute", |c| {
        score(
            s(|v| {
                v["payment"]["card_number"] = json!(c.typed());
                v["payment"]["cvc"] = json!(c.cvc);
            }),
            true,
        )
    }),
    ("score payment attribute (number)", |c| {
        score(
            sraw(|v| v["payment"]["card_number"] = json!(RAW), &c.digits),
            false,
        )
    }),
    ("score payment attribute (float)", |c| {
        score(
            sraw(
                |v| v["payment"]["card_number"] = json!(RAW),
                &format!("{}.5", c.digits),
            ),
            false,
        )
    }),
    ("score payment attribute (object)", |c| {
        score(
            s(|v| v["payment"]["card"] = json!({"number": c.typed(), "cvc": c.cvc})),
            true,
        )
    }),
    ("score payment attribute too long", |c| {
        score(
            s(|v| v["payment"]["card_number"] = json!(c.typed().repeat(60))),
            false,
        )
    }),
    ("score /payment/currency", |c| {
        // issue #15: read (and refused) only with a reference
        score(
            s(|v| {
                v["payment"]["currency"] = json!(c.typed());
                v["reference"] = json!({"currency": "USD", "rate": "1"});
            }),
            false,
        )
    }),
    ("score /payment/currency (digits)", |c| {
        score(
            s(|v| {
                v["payment"]["currency"] = json!(c.digits);
                v["reference"] = json!({"currency": "USD", "rate": "1"});
            }),
            false,
        )
    }),
    ("score /reference/currency", |c| {
        score(
            s(|v| v["reference"] = json!({"currency": c.typed(), "rate": "1"})),
            false,
        )
    }),
    ("score /reference/rate (grouped)", |c| {
        score(
            s(|v| v["reference"] = json!({"currency": "EUR", "rate": c.grouped()})),
            false,
        )
    }),
    ("score rule value", |c| {
        score(
            s(
                |v| {
                    v["rules"][0]["when"] = json!({"field": "card", "op": "eq", "value": c.typed()})
                },
            ),
            false,
        )
    }),
    ("score rule value (number)", |c| {
        score(
            sraw(
                |v| v["rules"][0]["when"] = json!({"field": "card", "op": "gt", "value": RAW}),
                &c.digits,
            ),
            false,
        )
    }),
    ("score rule values", |c| {
        score(
            s(|v| {
                v["rules"][0]["when"] =
                    json!({"field": "card", "op": "in", "values": [c.typed(), c.cvc]});
            }),
            true,
        )
    }),
    ("score rule field", |c| {
        score(
            s(|v| v["rules"][0]["when"]["field"] = json!(c.typed())),
            false,
        )
    }),
    ("score rule other_field", |c| {
        score(
            s(|v| {
                v["rules"][0]["when"] =
                    json!({"field": "country", "op": "eq", "other_field": c.typed()});
            }),
            false,
        )
    }),
    ("score rule op", |c| {
        score(s(|v| v["rules"][0]["when"]["op"] = json!(c.typed())), false)
    }),
    ("score rule score (number)", |c| {
        score(
            sraw(|v| v["rules"][0]["score"] = json!(RAW), &c.digits),
            false,
        )
    }),
    ("score thresholds (number)", |c| {
        score(
            sraw(|v| v["thresholds"]["review"] = json!(RAW), &c.digits),
            false,
        )
    }),
    ("score unknown member", |c| {
        score(s(|v| v["card_number"] = json!(c.typed())), false)
    }),
    ("score rule unknown member", |c| {
        score(s(|v| v["rules"][0]["pan"] = json!(c.typed())), false)
    }),
    ("score truncated", |c| {
        score(
            format!(r#"{{"payment":{{"card_number":"{}"#, c.typed()),
            false,
        )
    }),
    // version
    ("version unknown member", |c| {
        (
            "version".to_owned(),
            json!({"card": c.typed(), "cvc": c.cvc}).to_string(),
            true,
        )
    }),
    ("version unknown member (number)", |c| {
        (
            "version".to_owned(),
            text(&json!({"card": RAW}), &c.digits),
            false,
        )
    }),
    ("version as an array", |c| {
        ("version".to_owned(), json!([c.typed()]).to_string(), false)
    }),
    // the envelope
    ("operation name", |c| {
        (c.typed(), json!({"card": c.typed()}).to_string(), false)
    }),
];

/// What kind of value a generated place holds, from its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// A string member (free text, a code, an enum): the card number as typed, and
    /// again as bare digits.
    Text,
    /// A decimal string (`$defs/Decimal`): the card number grouped, never bare digits
    /// (bare digits are a valid decimal, repeated in the answer by design).
    Decimal,
    /// An integer member: the card number as a JSON number.
    Integer,
}

/// One member of a request schema that can hold a secret, found by walking the schema.
#[derive(Debug, Clone)]
pub struct SchemaPlace {
    /// The operation.
    pub op: &'static str,
    /// JSON Pointer of the member in the generated request (array members at index 0,
    /// map members under the key `k`).
    pub pointer: String,
    /// What it holds.
    pub leaf: Leaf,
    /// The steps from the request root, each with a minimal instance of the value the
    /// step enters (used when the base request lacks it).
    steps: Vec<(Step, Value)>,
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index,
}

/// Members whose value is repeated in a successful answer by design (see the module
/// documentation): a line or promotion id, a tax rate's name, a rule's id and reason.
/// Each must be a generated place (a test checks it), so the list cannot go stale.
pub const ECHOED_BY_DESIGN: &[(&str, &str)] = &[
    ("quote", "/lines/0/id"),
    ("quote", "/promotions/0/id"),
    ("quote", "/tax/rates/k/0/name"),
    ("score", "/rules/0/id"),
    ("score", "/rules/0/reason"),
];

fn operation_schemas() -> Vec<(&'static str, Value)> {
    let mut out = Vec::new();
    for op in ["quote", "validate", "score", "version"] {
        let name = format!("{op}-request");
        if let Some((_, text)) = crate::schema::all().into_iter().find(|(n, _)| *n == name)
            && let Ok(schema) = serde_json::from_str(&text)
        {
            out.push((op, schema));
        }
    }
    out
}

/// Every string and integer member of every operation's request schema (the schemas
/// generated from the Rust types, as in `docs/schema/`), recursive definitions entered
/// once. A member added to a request type is in this list without anyone adding it.
///
/// ```
/// let places = lockstep_tests::secrets::schema_places();
/// assert!(places.iter().any(|p| p.op == "quote" && p.pointer == "/lines/0/sku"));
/// assert!(places.iter().any(|p| p.op == "score" && p.pointer == "/reference/currency"));
/// assert!(places.iter().any(|p| p.op == "validate" && p.pointer == "/billing_address/city"));
/// ```
pub fn schema_places() -> Vec<SchemaPlace> {
    let mut out = Vec::new();
    for (op, schema) in operation_schemas() {
        let mut walk = Walk {
            root: &schema,
            op,
            out: &mut out,
            refs: Vec::new(),
        };
        walk.node(&schema, &mut Vec::new());
    }
    out
}

struct Walk<'a> {
    root: &'a Value,
    op: &'static str,
    out: &'a mut Vec<SchemaPlace>,
    refs: Vec<String>,
}

impl Walk<'_> {
    fn node(&mut self, node: &Value, steps: &mut Vec<(Step, Value)>) {
        if let Some(name) = definition(node) {
            if self.refs.contains(&name) {
                return; // a recursive definition (conditions): entered once
            }
            let Some(def) = self.root.get("$defs").and_then(|d| d.get(&name)).cloned() else {
                return;
            };
            self.refs.push(name);
            self.node(&def, steps);
            self.refs.pop();
            return;
        }
        if node.get("const").is_some() {
            return self.leaf(Leaf::Text, steps);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(alternatives) = node.get(key).and_then(Value::as_array) {
                if alternatives.iter().all(|a| a.get("const").is_some()) {
                    return self.leaf(Leaf::Text, steps); // an enum
                }
                for a in alternatives {
                    self.node(a, steps);
                }
                return;
            }
        }
        let types: Vec<&str> = match node.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for t in types {
            match t {
                "object" => {
                    if let Some(props) = node.get("properties").and_then(Value::as_object) {
                        for (key, sub) in props {
                            self.enter(Step::Key(key.clone()), sub, steps);
                        }
                    }
                    if let Some(sub) = node.get("additionalProperties").filter(|v| v.is_object()) {
                        self.enter(Step::Key("k".to_owned()), sub, steps);
                    }
                }
                "array" => {
                    if let Some(sub) = node.get("items") {
                        self.enter(Step::Index, sub, steps);
                    }
                }
                "string" => {
                    let decimal = self.refs.last().is_some_and(|r| r == "Decimal");
                    self.leaf(if decimal { Leaf::Decimal } else { Leaf::Text }, steps);
                }
                "integer" => self.leaf(Leaf::Integer, steps),
                _ => {}
            }
        }
    }

    fn enter(&mut self, step: Step, sub: &Value, steps: &mut Vec<(Step, Value)>) {
        let instance = minimal(self.root, sub, 0);
        steps.push((step, instance));
        self.node(sub, steps);
        steps.pop();
    }

    fn leaf(&mut self, leaf: Leaf, steps: &[(Step, Value)]) {
        let pointer: String = steps
            .iter()
            .map(|(step, _)| match step {
                Step::Key(k) => format!("/{k}"),
                Step::Index => "/0".to_owned(),
            })
            .collect();
        let known = self
            .out
            .iter()
            .any(|p| p.op == self.op && p.pointer == pointer && p.leaf == leaf);
        if !known && !steps.is_empty() {
            self.out.push(SchemaPlace {
                op: self.op,
                pointer,
                leaf,
                steps: steps.to_vec(),
            });
        }
    }
}

/// The definition a `$ref` names.
fn definition(node: &Value) -> Option<String> {
    let r = node.get("$ref")?.as_str()?;
    r.rsplit('/').next().map(str::to_owned)
}

/// A small instance of `node`: required members only, the first enum value, `"EUR"`
/// for a currency, `"1"` for a decimal; enough for a member next to it to be checked.
fn minimal(root: &Value, node: &Value, depth: usize) -> Value {
    if depth > 8 {
        return Value::Null;
    }
    if let Some(name) = definition(node) {
        return match name.as_str() {
            "Currency" => json!("EUR"),
            "Decimal" => json!("1"),
            _ => root
                .get("$defs")
                .and_then(|d| d.get(name))
                .map_or(Value::Null, |def| minimal(root, def, depth + 1)),
        };
    }
    if let Some(c) = node.get("const") {
        return c.clone();
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(first) = node
            .get(key)
            .and_then(Value::as_array)
            .and_then(|alts| alts.iter().find(|a| a.get("type") != Some(&json!("null"))))
        {
            return minimal(root, first, depth + 1);
        }
    }
    let ty = match node.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ => "null",
    };
    match ty {
        "object" => {
            let mut members = serde_json::Map::new();
            let props = node.get("properties");
            for name in node
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let sub = props.and_then(|p| p.get(name)).unwrap_or(&Value::Null);
                members.insert(name.to_owned(), minimal(root, sub, depth + 1));
            }
            Value::Object(members)
        }
        "array" => json!([]),
        "string" => json!("x"),
        "integer" => json!(1),
        "boolean" => json!(false),
        _ => Value::Null,
    }
}

fn base(op: &str) -> Value {
    match op {
        "quote" => quote_base(),
        "score" => score_base(),
        _ => json!({}),
    }
}

impl SchemaPlace {
    /// The request with `value` at this place, built on the operation's valid base
    /// request (missing parents added as minimal instances).
    pub fn request(&self, value: Value) -> Value {
        let mut request = base(self.op);
        let mut at = &mut request;
        let last = self.steps.len().saturating_sub(1);
        for (i, (step, instance)) in self.steps.iter().enumerate() {
            let here = if i == last {
                value.clone()
            } else {
                instance.clone()
            };
            at = match step {
                Step::Key(key) => {
                    if !at.is_object() {
                        *at = json!({});
                    }
                    let Some(members) = at.as_object_mut() else {
                        break;
                    };
                    let slot = members.entry(key.clone()).or_insert(Value::Null);
                    if i == last || slot.is_null() {
                        *slot = here;
                    }
                    slot
                }
                Step::Index => {
                    if at.as_array().is_none_or(Vec::is_empty) {
                        *at = json!([Value::Null]);
                    }
                    let Some(first) = at.as_array_mut().and_then(|a| a.first_mut()) else {
                        break;
                    };
                    if i == last || first.is_null() {
                        *first = here;
                    }
                    first
                }
            };
        }
        request
    }

    /// The places' cases for one card: each kind's values, the request text and name.
    fn builds(&self, card: &Card) -> Vec<(String, String)> {
        let echoed = ECHOED_BY_DESIGN.contains(&(self.op, self.pointer.as_str()));
        if echoed {
            return Vec::new();
        }
        let name = |variant: &str| format!("schema {} {}{variant}", self.op, self.pointer);
        match self.leaf {
            Leaf::Text => vec![
                (name(""), self.request(json!(card.typed())).to_string()),
                (
                    name(" (digits)"),
                    self.request(json!(card.digits)).to_string(),
                ),
            ],
            Leaf::Decimal => vec![(
                name(" (grouped)"),
                self.request(json!(card.grouped())).to_string(),
            )],
            Leaf::Integer => vec![(
                name(" (number)"),
                text(&self.request(json!(RAW)), &card.digits),
            )],
        }
    }
}

/// How many cases one card gives over [`PLACES`] and [`schema_places`].
///
/// ```
/// let n = lockstep_tests::secrets::places_per_card();
/// assert!(n > lockstep_tests::secrets::PLACES.len() + 50);
/// ```
pub fn places_per_card() -> usize {
    let probe = Card {
        digits: "4111111111111111".to_owned(),
        separator: " ",
        cvc: "123".to_owned(),
    };
    PLACES.len()
        + schema_places()
            .iter()
            .map(|p| p.builds(&probe).len())
            .sum::<usize>()
}

/// `per_place` cases for every place in [`PLACES`] and every member of
/// [`schema_places`], from `seed`; deterministic.
///
/// ```
/// let a = lockstep_tests::secrets::cases(7, 2);
/// assert_eq!(a.len(), 2 * lockstep_tests::secrets::places_per_card());
/// assert_eq!(a[0].request, lockstep_tests::secrets::cases(7, 2)[0].request);
/// ```
pub fn cases(seed: u64, per_place: usize) -> Vec<Case> {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = card();
    let mut out = Vec::new();
    for &(place, build) in PLACES {
        for _ in 0..per_place {
            let Ok(tree) = strategy.new_tree(&mut runner) else {
                continue;
            };
            let card = tree.current();
            let (op, request, has_cvc) = build(&card);
            out.push(Case {
                place: place.to_owned(),
                op,
                request,
                card,
                has_cvc,
            });
        }
    }
    for place in schema_places() {
        for _ in 0..per_place {
            let Ok(tree) = strategy.new_tree(&mut runner) else {
                continue;
            };
            let card = tree.current();
            for (name, request) in place.builds(&card) {
                out.push(Case {
                    place: name,
                    op: place.op.to_owned(),
                    request,
                    card: card.clone(),
                    has_cvc: false,
                });
            }
        }
    }
    out
}
