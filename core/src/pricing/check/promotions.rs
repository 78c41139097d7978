//! `promotions`: each promotion's id, the members its type uses, its action, its target
//! (`applies_to`), its conditions and its cap.

use std::collections::BTreeSet;

use crate::codec::pointer::ROOT;
use crate::error::ErrorCode;
use crate::limits::quote::MAX_NAMES;
use crate::money::Currency;
use crate::pricing::model::{Action, Promotion as Checked, TargetSet};
use crate::pricing::ratio::Ratio;
use crate::pricing::request::{Combination, Promotion, PromotionKind};

use super::Problems;
use super::values::{Sign, check_names, decimal, money, name, percent, required, when};

pub(super) fn check_promotion<'a>(
    p: &mut Problems,
    i: usize,
    promo: &'a Promotion,
    currency: Option<Currency>,
    line_ids: &BTreeSet<&str>,
    promo_ids: &mut BTreeSet<&'a str>,
) -> Option<Checked<'a>> {
    let promotions = ROOT.key("promotions");
    let base = promotions.index(i);
    let mut ok = name(p, &base.key("id"), &promo.id);
    if ok && !promo_ids.insert(promo.id.as_str()) {
        p.add(
            &base.key("id"),
            ErrorCode::InvalidValue,
            "duplicate promotion id",
        );
        ok = false;
    }
    let kind = promo.kind;
    let uses = |field: &str| -> bool {
        matches!(
            (kind, field),
            (PromotionKind::PercentOff, "percent")
                | (PromotionKind::AmountOff, "amount")
                | (PromotionKind::FixedPrice, "amount")
                | (PromotionKind::BuyXGetY, "percent" | "buy" | "get")
                | (
                    PromotionKind::SpendThreshold,
                    "threshold" | "amount" | "repeat"
                )
        )
    };
    for (field, present) in [
        ("percent", promo.percent.is_some()),
        ("amount", promo.amount.is_some()),
        ("threshold", promo.threshold.is_some()),
        ("repeat", promo.repeat),
        ("buy", promo.buy.is_some()),
        ("get", promo.get.is_some()),
    ] {
        if present && !uses(field) {
            p.add(
                &base.key(field),
                ErrorCode::InvalidValue,
                format!("`{field}` is not used by this promotion type"),
            );
            ok = false;
        }
    }
    let at = &base;
    let field = move |f: &'static str| at.key(f);
    let action = match kind {
        PromotionKind::PercentOff => required(p, &base, "percent", promo.percent)
            .and_then(|a| percent(p, &field("percent"), a, 100))
            .map(Action::PercentOff),
        PromotionKind::AmountOff => required(p, &base, "amount", promo.amount)
            .and_then(|a| money(p, &field("amount"), a, currency))
            .map(Action::AmountOff),
        PromotionKind::FixedPrice => required(p, &base, "amount", promo.amount)
            .and_then(|a| decimal(p, &field("amount"), a, Sign::NonNegative))
            .map(Action::FixedPrice),
        PromotionKind::BuyXGetY => {
            let buy = required(p, &base, "buy", promo.buy);
            let get = required(p, &base, "get", promo.get);
            for (f, v) in [("buy", buy), ("get", get)] {
                if v == Some(0) {
                    p.add(&field(f), ErrorCode::InvalidValue, "must be at least 1");
                }
            }
            let fraction = match promo.percent {
                Some(a) => percent(p, &field("percent"), a, 100),
                None => Some(Ratio::ONE),
            };
            match (buy, get, fraction) {
                (Some(buy), Some(get), Some(fraction)) if buy > 0 && get > 0 => {
                    Some(Action::BuyXGetY { buy, get, fraction })
                }
                _ => None,
            }
        }
        PromotionKind::SpendThreshold => {
            let threshold = required(p, &base, "threshold", promo.threshold)
                .and_then(|a| money(p, &field("threshold"), a, currency));
            if threshold == Some(0) {
                p.add(
                    &field("threshold"),
                    ErrorCode::InvalidValue,
                    "must be above zero",
                );
            }
            let amount = required(p, &base, "amount", promo.amount)
                .and_then(|a| money(p, &field("amount"), a, currency));
            match (threshold, amount) {
                (Some(threshold), Some(amount)) if threshold > 0 => Some(Action::SpendThreshold {
                    threshold,
                    amount,
                    repeat: promo.repeat,
                }),
                _ => None,
            }
        }
        PromotionKind::FreeShipping => Some(Action::FreeShipping),
    };
    let target = match &promo.applies_to {
        None => Some(None),
        Some(t) => {
            let tp = field("applies_to");
            if t.line_ids.is_empty() && t.skus.is_empty() && t.categories.is_empty() {
                p.add(
                    &tp,
                    ErrorCode::InvalidValue,
                    "name at least one line id, SKU or category",
                );
            }
            let set = TargetSet {
                line_ids: check_names(p, &tp.key("line_ids"), &t.line_ids),
                skus: check_names(p, &tp.key("skus"), &t.skus),
                categories: check_names(p, &tp.key("categories"), &t.categories),
            };
            for (k, id) in t.line_ids.iter().enumerate().take(MAX_NAMES) {
                if !line_ids.contains(id.as_str()) {
                    p.add(
                        &tp.key("line_ids").index(k),
                        ErrorCode::UnknownReference,
                        "no line has this id",
                    );
                }
            }
            Some(Some(set))
        }
    };
    let mut cond = Checked {
        request_index: i,
        id: promo.id.as_str(),
        priority: promo.priority,
        exclusive: promo.combines == Combination::Exclusive,
        action: Action::FreeShipping,
        target: None,
        min_subtotal: None,
        min_quantity: None,
        coupon: None,
        segments: Vec::new(),
        starts: None,
        ends: None,
        cap: None,
    };
    if let Some(c) = &promo.conditions {
        let cp = field("conditions");
        if let Some(a) = c.min_subtotal {
            cond.min_subtotal = money(p, &cp.key("min_subtotal"), a, currency);
            ok &= cond.min_subtotal.is_some();
        }
        if let Some(a) = c.min_quantity {
            cond.min_quantity = decimal(p, &cp.key("min_quantity"), a, Sign::NonNegative);
            ok &= cond.min_quantity.is_some();
        }
        if let Some(code) = &c.coupon {
            ok &= name(p, &cp.key("coupon"), code);
            cond.coupon = Some(code.as_str());
        }
        cond.segments = check_names(p, &cp.key("segments"), &c.segments)
            .iter()
            .collect();
        if let Some(s) = &c.starts_at {
            cond.starts = when(p, &cp.key("starts_at"), s);
            ok &= cond.starts.is_some();
        }
        if let Some(s) = &c.ends_at {
            cond.ends = when(p, &cp.key("ends_at"), s);
            ok &= cond.ends.is_some();
        }
    }
    if let Some(cap) = promo.cap {
        cond.cap = money(p, &field("cap"), cap, currency);
        ok &= cond.cap.is_some();
    }
    cond.action = action?;
    cond.target = target?;
    let promo_out = cond;
    if ok { Some(promo_out) } else { None }
}
