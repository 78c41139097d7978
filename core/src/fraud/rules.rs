//! Checking a rule set before use, and evaluating conditions.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use crate::codec::pointer::{Pointer, ROOT};
use crate::error::{Error, ErrorCode};
use crate::problems::Problems;

use crate::money::{Currency, Money, RoundingMode, convert};
use crate::redact;

use super::request::{Condition, Op, Reference, Rule, Thresholds};
use super::value::Value;
use crate::limits::score::{
    MAX_ATTRIBUTES, MAX_CONDITION_DEPTH, MAX_CONDITIONS, MAX_ID_CHARS, MAX_REASON_CHARS, MAX_RULES,
    MAX_SCORE, MAX_STRING_CHARS, MAX_VALUES,
};

fn invalid(path: &Pointer<'_>, message: impl Into<String>) -> Error {
    Problems::first(path, ErrorCode::InvalidValue, message)
}

fn missing(path: &Pointer<'_>, message: impl Into<String>) -> Error {
    Problems::first(path, ErrorCode::MissingField, message)
}

/// The reference currency, checked before anything else in the request (it was checked
/// while decoding until `Reference::currency` became the code as sent): the one
/// currency error of every operation, `unknown_currency`, never quoting a malformed code.
pub(super) fn reference_currency(reference: Option<&Reference>) -> Result<Option<Currency>, Error> {
    reference
        .map(|r| redact::currency(&r.currency, "/reference/currency"))
        .transpose()
}

/// The attribute derived from `payment.amount`, `payment.currency` and `reference`.
pub(super) const AMOUNT_REFERENCE: &str = "amount_reference";

/// Adds `amount_reference` to the payment when the request has a `reference`: the
/// payment's amount converted exactly with [`convert`] (one half-to-even rounding to the
/// reference currency's minor units). The name is reserved: a payment may not send it.
pub(super) fn derive(
    payment: &mut BTreeMap<String, Value>,
    reference: Option<(Currency, &Reference)>,
) -> Result<(), Error> {
    if payment.contains_key(AMOUNT_REFERENCE) {
        return Err(invalid(
            &ROOT.key("payment").key("amount_reference"),
            "amount_reference is derived from amount, currency and `reference`; do not send it",
        ));
    }
    let Some((reference_currency, reference)) = reference else {
        return Ok(());
    };
    let currency = match payment.get("currency") {
        None => {
            return Err(missing(
                &ROOT.key("payment").key("currency"),
                "missing field `currency` (needed with `reference`)",
            ));
        }
        Some(Value::Str(code)) => redact::currency(code, "/payment/currency")?,
        Some(_) => {
            return Err(invalid(
                &ROOT.key("payment").key("currency"),
                "currency is an ISO 4217 code such as \"USD\"",
            ));
        }
    };
    let amount = match payment.get("amount") {
        None => {
            return Err(missing(
                &ROOT.key("payment").key("amount"),
                "missing field `amount` (needed with `reference`)",
            ));
        }
        Some(v) => v.as_number().ok_or_else(|| {
            invalid(
                &ROOT.key("payment").key("amount"),
                "amount is an integer or a decimal string such as \"120.50\"",
            )
        })?,
    };
    let money = Money::new(amount, currency)
        .map_err(|e| invalid(&ROOT.key("payment").key("amount"), e.to_string()))?;
    let rate = reference.rate.value();
    if rate <= crate::money::Decimal::ZERO {
        return Err(invalid(
            &ROOT.key("reference").key("rate"),
            "rate must be positive",
        ));
    }
    if currency == reference_currency && rate != crate::money::Decimal::ONE {
        return Err(invalid(
            &ROOT.key("reference").key("rate"),
            "the payment is already in the reference currency: rate must be 1",
        ));
    }
    let converted = convert(money, rate, reference_currency, RoundingMode::HalfEven)
        .map_err(|e| invalid(&ROOT.key("reference").key("rate"), e.to_string()))?;
    payment.insert(
        AMOUNT_REFERENCE.to_owned(),
        Value::Str(converted.to_amount_string()),
    );
    Ok(())
}

fn limit(path: &Pointer<'_>, message: impl Into<String>) -> Error {
    Problems::first(path, ErrorCode::LimitExceeded, message)
}

fn too_long(path: &Pointer<'_>, message: impl Into<String>) -> Error {
    Problems::first(path, ErrorCode::StringTooLong, message)
}

fn check_string(path: &Pointer<'_>, s: &str) -> Result<(), Error> {
    if s.chars().count() > MAX_STRING_CHARS {
        return Err(too_long(
            path,
            format!("string is longer than {MAX_STRING_CHARS} characters"),
        ));
    }
    Ok(())
}

fn check_value(path: &Pointer<'_>, v: &Value) -> Result<(), Error> {
    match v {
        Value::Str(s) => check_string(path, s),
        Value::Bool(_) | Value::Int(_) => Ok(()),
    }
}

pub(super) fn check_payment(payment: &BTreeMap<String, Value>) -> Result<(), Error> {
    if payment.len() > MAX_ATTRIBUTES {
        return Err(limit(
            &ROOT.key("payment"),
            format!("more than {MAX_ATTRIBUTES} attributes"),
        ));
    }
    let payment_at = ROOT.key("payment");
    for (name, value) in payment {
        let path = payment_at.key(name);
        check_string(&path, name)?;
        check_value(&path, value)?;
    }
    Ok(())
}

pub(super) fn check_thresholds(t: &Thresholds) -> Result<(), Error> {
    if t.review > t.decline {
        return Err(invalid(
            &ROOT.key("thresholds").key("review"),
            "review must not be above decline",
        ));
    }
    Ok(())
}

/// Checks the rules: count, ids (non-empty, unique), scores, reasons, and every condition.
/// `has_reference`: whether the request derives `amount_reference` (a rule reading it
/// without a `reference` is refused).
pub(super) fn check_rules(rules: &[Rule], has_reference: bool) -> Result<(), Error> {
    let rules_at = ROOT.key("rules");
    if rules.len() > MAX_RULES {
        return Err(Problems::first(
            rules_at,
            ErrorCode::TooManyRules,
            format!("more than {MAX_RULES} rules"),
        ));
    }
    let mut ids = BTreeSet::new();
    let mut nodes = 0usize;
    for (i, rule) in rules.iter().enumerate() {
        let base = rules_at.index(i);
        let id_len = rule.id.chars().count();
        if id_len == 0 || id_len > MAX_ID_CHARS {
            return Err(invalid(
                &base.key("id"),
                format!("id must be 1 to {MAX_ID_CHARS} characters"),
            ));
        }
        if !ids.insert(rule.id.as_str()) {
            return Err(invalid(&base.key("id"), "rule ids must be unique"));
        }
        if !(-MAX_SCORE..=MAX_SCORE).contains(&rule.score) {
            return Err(invalid(
                &base.key("score"),
                format!("score must be between -{MAX_SCORE} and {MAX_SCORE}"),
            ));
        }
        if rule.reason.chars().count() > MAX_REASON_CHARS {
            return Err(too_long(
                &base.key("reason"),
                format!("reason is longer than {MAX_REASON_CHARS} characters"),
            ));
        }
        let mut ctx = Ctx {
            nodes: &mut nodes,
            has_reference,
        };
        check_condition(&rule.when, &base.key("when"), 1, &mut ctx)?;
    }
    Ok(())
}

struct Ctx<'a> {
    nodes: &'a mut usize,
    has_reference: bool,
}

fn check_field_name(path: &Pointer<'_>, name: &str, ctx: &Ctx<'_>) -> Result<(), Error> {
    check_string(path, name)?;
    if name == AMOUNT_REFERENCE && !ctx.has_reference {
        return Err(invalid(
            path,
            "amount_reference is derived: send `reference` with the currency and rate",
        ));
    }
    Ok(())
}

fn check_condition(
    c: &Condition,
    path: &Pointer<'_>,
    depth: usize,
    ctx: &mut Ctx<'_>,
) -> Result<(), Error> {
    if depth > MAX_CONDITION_DEPTH {
        return Err(Problems::first(
            path,
            ErrorCode::RulesTooDeep,
            format!("conditions nest deeper than {MAX_CONDITION_DEPTH} levels"),
        ));
    }
    *ctx.nodes += 1;
    if *ctx.nodes > MAX_CONDITIONS {
        return Err(limit(
            path,
            format!("more than {MAX_CONDITIONS} conditions in all rules"),
        ));
    }
    let kinds = [
        c.all.is_some(),
        c.any.is_some(),
        c.not.is_some(),
        c.field.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(invalid(
            path,
            "a condition has exactly one of `all`, `any`, `not`, or `field` (a comparison)",
        ));
    }
    let is_comparison = c.field.is_some();
    if !is_comparison
        && (c.op.is_some() || c.value.is_some() || c.values.is_some() || c.other_field.is_some())
    {
        return Err(invalid(
            path,
            "`op`, `value`, `other_field` and `values` belong to a comparison (with `field`)",
        ));
    }
    for (key, list) in [("all", &c.all), ("any", &c.any)] {
        if let Some(list) = list {
            for (i, sub) in list.iter().enumerate() {
                check_condition(sub, &path.key(key).index(i), depth + 1, ctx)?;
            }
        }
    }
    if let Some(sub) = &c.not {
        check_condition(sub, &path.key("not"), depth + 1, ctx)?;
    }
    if let Some(field) = &c.field {
        check_field_name(&path.key("field"), field, ctx)?;
        if let Some(other) = &c.other_field {
            let other_path = path.key("other_field");
            check_field_name(&other_path, other, ctx)?;
            if other == field {
                return Err(invalid(
                    &other_path,
                    "other_field names the same attribute as field",
                ));
            }
        }
        let Some(op) = c.op else {
            return Err(Problems::first(
                path.key("op"),
                ErrorCode::MissingField,
                "missing field `op`",
            ));
        };
        match op {
            Op::Eq | Op::Ne | Op::Gt | Op::Gte | Op::Lt | Op::Lte => {
                if c.values.is_some() {
                    return Err(invalid(&path.key("values"), "this operator takes `value`"));
                }
                if c.other_field.is_some() {
                    if c.value.is_some() {
                        return Err(invalid(
                            &path.key("other_field"),
                            "a comparison takes `value` or `other_field`, not both",
                        ));
                    }
                    return Ok(());
                }
                let Some(v) = &c.value else {
                    return Err(Problems::first(
                        path.key("value"),
                        ErrorCode::MissingField,
                        "missing field `value` (or `other_field`)",
                    ));
                };
                check_value(&path.key("value"), v)?;
                if matches!(op, Op::Gt | Op::Gte | Op::Lt | Op::Lte) && v.as_number().is_none() {
                    return Err(invalid(
                        &path.key("value"),
                        "gt, gte, lt and lte compare numbers: an integer or a decimal string",
                    ));
                }
            }
            Op::In | Op::NotIn => {
                if c.other_field.is_some() {
                    return Err(invalid(
                        &path.key("other_field"),
                        "in and not_in take `values`",
                    ));
                }
                if c.value.is_some() {
                    return Err(invalid(&path.key("value"), "in and not_in take `values`"));
                }
                let Some(values) = &c.values else {
                    return Err(Problems::first(
                        path.key("values"),
                        ErrorCode::MissingField,
                        "missing field `values`",
                    ));
                };
                if values.len() > MAX_VALUES {
                    return Err(limit(
                        &path.key("values"),
                        format!("more than {MAX_VALUES} values"),
                    ));
                }
                for (i, v) in values.iter().enumerate() {
                    check_value(&path.key("values").index(i), v)?;
                }
            }
            Op::Exists | Op::Missing => {
                if c.value.is_some() || c.values.is_some() || c.other_field.is_some() {
                    return Err(invalid(path, "exists and missing take no operand"));
                }
            }
        }
    }
    Ok(())
}

/// Evaluates a checked condition. A comparison on an absent attribute is false (only
/// `missing` is true); `gt`/`gte`/`lt`/`lte` on an attribute that is not a number are false.
pub(super) fn eval(c: &Condition, payment: &BTreeMap<String, Value>) -> bool {
    if let Some(list) = &c.all {
        return list.iter().all(|sub| eval(sub, payment));
    }
    if let Some(list) = &c.any {
        return list.iter().any(|sub| eval(sub, payment));
    }
    if let Some(sub) = &c.not {
        return !eval(sub, payment);
    }
    let (Some(field), Some(op)) = (&c.field, c.op) else {
        return false;
    };
    let attr = payment.get(field);
    match op {
        Op::Exists => return attr.is_some(),
        Op::Missing => return attr.is_none(),
        _ => {}
    }
    let Some(attr) = attr else {
        return false;
    };
    // With `other_field`, the operand is that attribute; absent, the comparison is false.
    let value = match &c.other_field {
        Some(other) => match payment.get(other) {
            Some(v) => Some(v),
            None => return false,
        },
        None => c.value.as_ref(),
    };
    let in_values = || c.values.iter().flatten().any(|v| attr.same_as(v));
    match op {
        Op::Eq => value.is_some_and(|v| attr.same_as(v)),
        Op::Ne => value.is_some_and(|v| !attr.same_as(v)),
        Op::Gt => value
            .and_then(|v| attr.compare(v))
            .is_some_and(|o| o.is_gt()),
        Op::Gte => value
            .and_then(|v| attr.compare(v))
            .is_some_and(|o| o.is_ge()),
        Op::Lt => value
            .and_then(|v| attr.compare(v))
            .is_some_and(|o| o.is_lt()),
        Op::Lte => value
            .and_then(|v| attr.compare(v))
            .is_some_and(|o| o.is_le()),
        Op::In => in_values(),
        Op::NotIn => !in_values(),
        Op::Exists | Op::Missing => false,
    }
}
