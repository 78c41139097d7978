//! The `score` operation: a deterministic rule engine for fraud risk. The caller sends
//! the payment's attributes, its rules (conditions on the attributes, each with points
//! and a reason), optionally a reference currency and rate, and two thresholds; the
//! answer is the total, a decision and the reasons: every rule that fired. Rules and
//! limits are in `docs/fraud.md`.
//!
//! ```
//! use lockstep_core::fraud::{score, Decision, ScoreRequest};
//! let request: ScoreRequest = serde_json::from_str(r#"{
//!   "payment": {"amount": "950.00", "country": "NG", "card_country": "US", "new_customer": true},
//!   "rules": [
//!     {"id": "big", "when": {"field": "amount", "op": "gte", "value": "500"}, "score": 40, "reason": "large amount"},
//!     {"id": "new", "when": {"field": "new_customer", "op": "eq", "value": true}, "score": 20, "reason": "new customer"},
//!     {"id": "vip", "when": {"field": "vip", "op": "exists"}, "score": -50, "reason": "known customer"}
//!   ],
//!   "thresholds": {"review": 50, "decline": 80}
//! }"#).unwrap();
//! let response = score(request)?;
//! assert_eq!((response.score, response.decision), (60, Decision::Review));
//! assert_eq!(
//!     lockstep_core::wire::to_json(&response),
//!     r#"{"score":60,"decision":"review","reasons":[{"id":"big","score":40,"reason":"large amount"},{"id":"new","score":20,"reason":"new customer"}]}"#
//! );
//! # Ok::<(), lockstep_core::error::Error>(())
//! ```

pub mod model;
mod request;
mod rules;
mod value;

#[cfg(test)]
pub(crate) mod tests;

pub use request::{Condition, Op, Reference, Rule, ScoreRequest, Thresholds};
pub use value::Value;

use serde::Serialize;

use crate::error::Error;

pub use crate::limits::score::{
    MAX_ATTRIBUTES, MAX_CONDITION_DEPTH, MAX_CONDITIONS, MAX_RULES, MAX_SCORE, MAX_STRING_CHARS,
    MAX_VALUES,
};

/// The decision for a total score.
///
/// ```
/// use lockstep_core::fraud::Decision;
/// assert_eq!(serde_json::to_string(&Decision::Decline).unwrap(), r#""decline""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decision {
    /// Below the review threshold.
    Approve,
    /// At or above the review threshold, below the decline threshold.
    Review,
    /// At or above the decline threshold.
    Decline,
}

/// A rule that fired, and why: its id, the points it added and its reason.
///
/// ```
/// use lockstep_core::fraud::{score, ScoreRequest};
/// let r: ScoreRequest = serde_json::from_str(r#"{"payment":{"amount":"950"},
///   "rules":[{"id":"big","when":{"field":"amount","op":"gte","value":"500"},"score":40,"reason":"large amount"}],
///   "thresholds":{"review":50,"decline":80}}"#).unwrap();
/// let m = &score(r)?.reasons[0];
/// assert_eq!((m.id.as_str(), m.score, m.reason.as_str()), ("big", 40, "large amount"));
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Reason {
    /// The rule's id.
    pub id: String,
    /// The points it added.
    pub score: i64,
    /// The rule's reason, as written in the rule.
    pub reason: String,
}

/// The answer of `score`.
///
/// ```
/// use lockstep_core::fraud::{score, Decision, ScoreRequest};
/// let r: ScoreRequest = serde_json::from_str(
///     r#"{"payment":{},"rules":[],"thresholds":{"review":1,"decline":2}}"#,
/// ).unwrap();
/// assert_eq!(score(r)?.decision, Decision::Approve);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScoreResponse {
    /// Sum of the scores of the rules that fired.
    pub score: i64,
    /// `approve`, `review` or `decline`.
    pub decision: Decision,
    /// The rules that fired, in request order, each with its score and reason.
    pub reasons: Vec<Reason>,
}

/// Scores a payment. `Err` for a malformed rule set (`invalid_value`, `missing_field`,
/// `limit_exceeded`, with the JSON Pointer of the offending member); evaluation itself
/// never fails.
///
/// ```
/// use lockstep_core::fraud::{score, ScoreRequest};
/// let r: ScoreRequest = serde_json::from_str(
///     r#"{"payment":{},"rules":[{"id":"x","when":{},"score":1,"reason":""}],"thresholds":{"review":1,"decline":2}}"#,
/// ).unwrap();
/// let e = score(r).unwrap_err();
/// assert_eq!((e.code.as_str(), e.details[0].path.as_str()), ("invalid_value", "/rules/0/when"));
/// ```
pub fn score(request: ScoreRequest) -> Result<ScoreResponse, Error> {
    // Everything is checked before any rule is evaluated.
    Ok(model::Assessment::try_from(request)?.score())
}
