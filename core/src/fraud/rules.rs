//! Checking a rule set before use, and evaluating conditions.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use crate::error::{Error, ErrorCode};

use super::request::{Condition, Op, Rule, Thresholds};
use super::value::Value;
use super::{
    MAX_ATTRIBUTES, MAX_CONDITION_DEPTH, MAX_CONDITIONS, MAX_RULES, MAX_SCORE, MAX_STRING_CHARS,
    MAX_VALUES,
};

fn invalid(path: &str, message: impl Into<String>) -> Error {
    Error::at(ErrorCode::InvalidValue, path, message)
}

fn limit(path: &str, message: impl Into<String>) -> Error {
    Error::at(ErrorCode::LimitExceeded, path, message)
}

fn check_string(path: &str, s: &str) -> Result<(), Error> {
    if s.chars().count() > MAX_STRING_CHARS {
        return Err(limit(
            path,
            format!("string is longer than {MAX_STRING_CHARS} characters"),
        ));
    }
    Ok(())
}

fn check_value(path: &str, v: &Value) -> Result<(), Error> {
    match v {
        Value::Str(s) => check_string(path, s),
        Value::Bool(_) | Value::Int(_) => Ok(()),
    }
}

pub(super) fn check_payment(payment: &BTreeMap<String, Value>) -> Result<(), Error> {
    if payment.len() > MAX_ATTRIBUTES {
        return Err(limit(
            "/payment",
            format!("more than {MAX_ATTRIBUTES} attributes"),
        ));
    }
    for (name, value) in payment {
        let path = format!("/payment/{}", crate::wire::escape_token(name));
        check_string(&path, name)?;
        check_value(&path, value)?;
    }
    Ok(())
}

pub(super) fn check_thresholds(t: &Thresholds) -> Result<(), Error> {
    if t.review > t.decline {
        return Err(invalid(
            "/thresholds/review",
            "review must not be above decline",
        ));
    }
    Ok(())
}

/// Checks the rules: count, ids (non-empty, unique), scores, reasons, and every condition.
pub(super) fn check_rules(rules: &[Rule]) -> Result<(), Error> {
    if rules.len() > MAX_RULES {
        return Err(limit("/rules", format!("more than {MAX_RULES} rules")));
    }
    let mut ids = BTreeSet::new();
    let mut nodes = 0usize;
    for (i, rule) in rules.iter().enumerate() {
        let base = format!("/rules/{i}");
        let id_len = rule.id.chars().count();
        if id_len == 0 || id_len > 64 {
            return Err(invalid(
                &format!("{base}/id"),
                "id must be 1 to 64 characters",
            ));
        }
        if !ids.insert(rule.id.as_str()) {
            return Err(invalid(&format!("{base}/id"), "rule ids must be unique"));
        }
        if !(-MAX_SCORE..=MAX_SCORE).contains(&rule.score) {
            return Err(invalid(
                &format!("{base}/score"),
                format!("score must be between -{MAX_SCORE} and {MAX_SCORE}"),
            ));
        }
        if rule.reason.chars().count() > 256 {
            return Err(limit(
                &format!("{base}/reason"),
                "reason is longer than 256 characters",
            ));
        }
        check_condition(&rule.when, &format!("{base}/when"), 1, &mut nodes)?;
    }
    Ok(())
}

fn check_condition(
    c: &Condition,
    path: &str,
    depth: usize,
    nodes: &mut usize,
) -> Result<(), Error> {
    if depth > MAX_CONDITION_DEPTH {
        return Err(limit(
            path,
            format!("conditions nest deeper than {MAX_CONDITION_DEPTH} levels"),
        ));
    }
    *nodes += 1;
    if *nodes > MAX_CONDITIONS {
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
    if !is_comparison && (c.op.is_some() || c.value.is_some() || c.values.is_some()) {
        return Err(invalid(
            path,
            "`op`, `value` and `values` belong to a comparison (with `field`)",
        ));
    }
    for (key, list) in [("all", &c.all), ("any", &c.any)] {
        if let Some(list) = list {
            for (i, sub) in list.iter().enumerate() {
                check_condition(sub, &format!("{path}/{key}/{i}"), depth + 1, nodes)?;
            }
        }
    }
    if let Some(sub) = &c.not {
        check_condition(sub, &format!("{path}/not"), depth + 1, nodes)?;
    }
    if let Some(field) = &c.field {
        check_string(&format!("{path}/field"), field)?;
        let Some(op) = c.op else {
            return Err(Error::at(
                ErrorCode::MissingField,
                format!("{path}/op"),
                "missing field `op`",
            ));
        };
        match op {
            Op::Eq | Op::Ne | Op::Gt | Op::Gte | Op::Lt | Op::Lte => {
                if c.values.is_some() {
                    return Err(invalid(
                        &format!("{path}/values"),
                        "this operator takes `value`",
                    ));
                }
                let Some(v) = &c.value else {
                    return Err(Error::at(
                        ErrorCode::MissingField,
                        format!("{path}/value"),
                        "missing field `value`",
                    ));
                };
                check_value(&format!("{path}/value"), v)?;
                if matches!(op, Op::Gt | Op::Gte | Op::Lt | Op::Lte) && v.as_number().is_none() {
                    return Err(invalid(
                        &format!("{path}/value"),
                        "gt, gte, lt and lte compare numbers: an integer or a decimal string",
                    ));
                }
            }
            Op::In | Op::NotIn => {
                if c.value.is_some() {
                    return Err(invalid(
                        &format!("{path}/value"),
                        "in and not_in take `values`",
                    ));
                }
                let Some(values) = &c.values else {
                    return Err(Error::at(
                        ErrorCode::MissingField,
                        format!("{path}/values"),
                        "missing field `values`",
                    ));
                };
                if values.len() > MAX_VALUES {
                    return Err(limit(
                        &format!("{path}/values"),
                        format!("more than {MAX_VALUES} values"),
                    ));
                }
                for (i, v) in values.iter().enumerate() {
                    check_value(&format!("{path}/values/{i}"), v)?;
                }
            }
            Op::Exists | Op::Missing => {
                if c.value.is_some() || c.values.is_some() {
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
    let value = c.value.as_ref();
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
