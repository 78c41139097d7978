//! The `score` request: payment attributes, rules and thresholds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::value::Value;
use crate::money::Amount;

/// The `score` request.
///
/// ```
/// use lockstep_core::fraud::ScoreRequest;
/// let r: ScoreRequest = serde_json::from_str(r#"{
///   "payment": {"amount": "950.00", "country": "DE"},
///   "rules": [{"id": "big", "when": {"field": "amount", "op": "gte", "value": "500"}, "score": 40, "reason": "large amount"}],
///   "thresholds": {"review": 30, "decline": 80}
/// }"#).unwrap();
/// assert_eq!(r.rules.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScoreRequest {
    /// The payment's attributes: a flat object of booleans, integers and strings, with
    /// any context the host supplies (IP country, email domain facts, velocity counters).
    pub payment: BTreeMap<String, Value>,
    /// Optional reference currency: when present, `payment.amount` in `payment.currency`
    /// is converted at `rate` into the derived attribute `amount_reference`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub reference: Option<Reference>,
    /// The rules, evaluated in order; each that matches adds its score.
    pub rules: Vec<Rule>,
    /// Decision thresholds on the total score.
    pub thresholds: Thresholds,
}

impl ScoreRequest {
    /// The ScoreRequest with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::fraud::{ScoreRequest, Thresholds};
    /// let r = ScoreRequest::new(Default::default(), vec![], Thresholds::new(50, 80));
    /// assert!(r.reference.is_none());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(payment: BTreeMap<String, Value>, rules: Vec<Rule>, thresholds: Thresholds) -> Self {
        ScoreRequest {
            payment,
            rules,
            thresholds,
            reference: Default::default(),
        }
    }
}

/// A reference currency and the rate into it (units of `currency` per unit of the
/// payment's currency); the derived attribute `amount_reference` is
/// `payment.amount × rate`, rounded once half-to-even to `currency`'s minor units.
///
/// ```
/// use lockstep_core::fraud::Reference;
/// let r: Reference = serde_json::from_str(r#"{"currency":"EUR","rate":"0.92"}"#).unwrap();
/// assert_eq!(r.currency, "EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Reference {
    /// The reference currency (ISO 4217).
    // Kept as sent: `score` checks it first (`unknown_currency` at `/reference/currency`,
    // `redact::currency`), so a malformed code is never quoted back. The field doc above
    // is the schema's description.
    #[cfg_attr(feature = "schema", schemars(with = "crate::money::Currency"))]
    pub currency: String,
    /// Units of `currency` per unit of the payment's currency: a positive decimal string.
    pub rate: Amount,
}

impl Reference {
    /// The Reference with its required members. With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::fraud::Reference;
    /// let r = Reference::new("EUR", "0.92".parse()?);
    /// assert_eq!(r.currency, "EUR");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(currency: impl Into<String>, rate: Amount) -> Self {
        Reference {
            currency: currency.into(),
            rate,
        }
    }
}

/// One rule: when the condition holds, `score` is added and the rule is reported.
///
/// ```
/// use lockstep_core::fraud::Rule;
/// let r: Rule = serde_json::from_str(r#"{"id":"r1","when":{"field":"new_customer","op":"eq","value":true},"score":10,"reason":"new customer"}"#).unwrap();
/// assert_eq!(r.score, 10);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rule {
    /// Unique identifier, 1–64 characters.
    pub id: String,
    /// The condition.
    pub when: Condition,
    /// Points added when the rule matches (may be negative), −1000 to 1000.
    pub score: i64,
    /// Why, for people; at most 256 characters.
    pub reason: String,
}

impl Rule {
    /// The Rule with its required members. With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::fraud::{Condition, Rule};
    /// let r = Rule::new("big", Condition::default(), 40, "large amount");
    /// assert_eq!(r.score, 40);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        when: Condition,
        score: i64,
        reason: impl Into<String>,
    ) -> Self {
        Rule {
            id: id.into(),
            when,
            score,
            reason: reason.into(),
        }
    }
}

/// A condition: exactly one of `all`, `any`, `not`, or a comparison (`field` + `op`
/// [+ `value`, `other_field` or `values`]).
///
/// ```
/// use lockstep_core::fraud::Condition;
/// let c: Condition = serde_json::from_str(
///     r#"{"any":[{"field":"country","op":"in","values":["KP","IR"]},{"not":{"field":"email_verified","op":"eq","value":true}}]}"#,
/// ).unwrap();
/// assert_eq!(c.any.map(|v| v.len()), Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// True when every sub-condition is (true for an empty list).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub all: Option<Vec<Condition>>,
    /// True when at least one sub-condition is (false for an empty list).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub any: Option<Vec<Condition>>,
    /// True when the sub-condition is false.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub not: Option<Box<Condition>>,
    /// The payment attribute a comparison reads.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub field: Option<String>,
    /// The comparison.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub op: Option<Op>,
    /// The operand of `eq`, `ne`, `gt`, `gte`, `lt`, `lte`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub value: Option<Value>,
    /// Instead of `value`: another attribute to compare `field` with (`eq`, `ne`, `gt`,
    /// `gte`, `lt`, `lte`), e.g. `billing_country` `ne` `ip_country`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub other_field: Option<String>,
    /// The operands of `in` and `not_in`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub values: Option<Vec<Value>>,
}

/// Comparison operators.
///
/// ```
/// use lockstep_core::fraud::Op;
/// let op: Op = serde_json::from_str(r#""not_in""#).unwrap();
/// assert_eq!(op, Op::NotIn);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Op {
    /// Equal (numbers by value).
    Eq,
    /// Not equal.
    Ne,
    /// Greater than (numbers only).
    Gt,
    /// Greater than or equal (numbers only).
    Gte,
    /// Less than (numbers only).
    Lt,
    /// Less than or equal (numbers only).
    Lte,
    /// Equal to one of `values`.
    In,
    /// Equal to none of `values`.
    NotIn,
    /// The attribute is present.
    Exists,
    /// The attribute is absent.
    Missing,
}

/// Decision thresholds: `score >= decline` declines, else `score >= review` reviews,
/// else approves. `review` must not exceed `decline`.
///
/// ```
/// use lockstep_core::fraud::Thresholds;
/// let t: Thresholds = serde_json::from_str(r#"{"review":50,"decline":80}"#).unwrap();
/// assert!(t.review <= t.decline);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Thresholds {
    /// Lowest score that is reviewed.
    pub review: i64,
    /// Lowest score that is declined.
    pub decline: i64,
}

impl Thresholds {
    /// The Thresholds with its required members. With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::fraud::Thresholds;
    /// let t = Thresholds::new(50, 80);
    /// assert!(t.review <= t.decline);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(review: i64, decline: i64) -> Self {
        Thresholds { review, decline }
    }
}
