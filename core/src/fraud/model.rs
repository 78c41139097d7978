//! The checked score request: what [`ScoreRequest`] becomes once every check of
//! `score` has passed (the seam between the wire and the domain, as
//! [`pricing::model`](crate::pricing::model) is for `quote`). Scoring an
//! [`Assessment`] cannot fail.
//!
//! ```
//! use lockstep_core::fraud::{model::Assessment, Decision, Rule, Condition, Op, ScoreRequest, Thresholds, Value};
//! let mut when = Condition::default();
//! when.field = Some("country".into());
//! when.op = Some(Op::Eq);
//! when.value = Some(Value::Str("NG".into()));
//! let rules = vec![Rule::new("geo", when, 30, "high-risk country")];
//! let payment = [("country".to_owned(), Value::Str("NG".into()))].into();
//! let request = ScoreRequest::new(payment, rules, Thresholds::new(25, 80));
//! let assessment = Assessment::try_from(request)?;
//! assert_eq!(assessment.score().decision, Decision::Review);
//! # Ok::<(), lockstep_core::error::Error>(())
//! ```

use std::collections::BTreeMap;

use crate::error::Error;

use super::request::{Rule, ScoreRequest, Thresholds};
use super::rules;
use super::value::Value;
use super::{Decision, Reason, ScoreResponse};

/// A payment (with `amount_reference` derived when the request has a `reference`), its
/// rules and thresholds, all checked: see the [module](self).
///
/// ```
/// use lockstep_core::fraud::{model::Assessment, ScoreRequest};
/// let request: ScoreRequest = serde_json::from_str(r#"{"payment":{"amount":"10","currency":"EUR"},
///   "reference":{"currency":"USD","rate":"1.1"},"rules":[],"thresholds":{"review":1,"decline":2}}"#)?;
/// let assessment = Assessment::try_from(request)?;
/// assert_eq!(assessment.attribute("amount_reference").and_then(|v| v.as_number()).map(|d| d.to_string()).as_deref(), Some("11.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Assessment {
    payment: BTreeMap<String, Value>,
    rules: Vec<Rule>,
    thresholds: Thresholds,
}

impl TryFrom<ScoreRequest> for Assessment {
    type Error = Error;

    /// Runs every check of `score`, in its fixed order, and stops at the first problem
    /// (`docs/wire-format.md`, "How many problems an error reports"): the error the
    /// wire answers.
    ///
    /// ```
    /// use lockstep_core::fraud::{model::Assessment, ScoreRequest, Thresholds};
    /// let request = ScoreRequest::new(Default::default(), vec![], Thresholds::new(9, 1));
    /// let e = Assessment::try_from(request).unwrap_err();
    /// assert_eq!(e.details[0].path, "/thresholds/review");
    /// ```
    fn try_from(request: ScoreRequest) -> Result<Self, Error> {
        let ScoreRequest {
            mut payment,
            reference,
            rules,
            thresholds,
        } = request;
        let reference_currency = rules::reference_currency(reference.as_ref())?;
        rules::check_payment(&payment)?;
        rules::derive(&mut payment, reference_currency.zip(reference.as_ref()))?;
        rules::check_rules(&rules, reference.is_some())?;
        rules::check_thresholds(&thresholds)?;
        Ok(Assessment {
            payment,
            rules,
            thresholds,
        })
    }
}

impl Assessment {
    /// Scores the payment: every rule whose condition holds adds its points, in request
    /// order; the total against the thresholds gives the decision.
    ///
    /// ```
    /// use lockstep_core::fraud::{model::Assessment, Decision, ScoreRequest, Thresholds};
    /// let request = ScoreRequest::new(Default::default(), vec![], Thresholds::new(1, 2));
    /// let scored = Assessment::try_from(request)?.score();
    /// assert_eq!((scored.score, scored.decision), (0, Decision::Approve));
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn score(&self) -> ScoreResponse {
        let reasons: Vec<Reason> = self
            .rules
            .iter()
            .filter(|rule| rules::eval(&rule.when, &self.payment))
            .map(|rule| Reason {
                id: rule.id.clone(),
                score: rule.score,
                reason: rule.reason.clone(),
            })
            .collect();
        // Bounded by MAX_RULES × MAX_SCORE; saturating all the same.
        let total = reasons
            .iter()
            .fold(0i64, |acc, m| acc.saturating_add(m.score));
        let decision = if total >= self.thresholds.decline {
            Decision::Decline
        } else if total >= self.thresholds.review {
            Decision::Review
        } else {
            Decision::Approve
        };
        ScoreResponse {
            score: total,
            decision,
            reasons,
        }
    }

    /// A payment attribute as the rules see it (`amount_reference` included).
    ///
    /// ```
    /// use lockstep_core::fraud::{model::Assessment, ScoreRequest, Thresholds, Value};
    /// let payment = [("new_customer".to_owned(), Value::Bool(true))].into();
    /// let a = Assessment::try_from(ScoreRequest::new(payment, vec![], Thresholds::new(1, 2)))?;
    /// assert_eq!(a.attribute("new_customer"), Some(&Value::Bool(true)));
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn attribute(&self, name: &str) -> Option<&Value> {
        self.payment.get(name)
    }

    /// The rules, in request order.
    ///
    /// ```
    /// use lockstep_core::fraud::{model::Assessment, ScoreRequest, Thresholds};
    /// let a = Assessment::try_from(ScoreRequest::new(Default::default(), vec![], Thresholds::new(1, 2)))?;
    /// assert!(a.rules().is_empty());
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
}
