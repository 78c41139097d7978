//! `lines`: each line's id, SKU, quantity, price (unit price, or a price model and its
//! tiers), categories and tax code, and its gross price.

use std::collections::BTreeSet;

use crate::codec::pointer::{Pointer, ROOT};
use crate::error::ErrorCode;
use crate::limits::quote::MAX_TIERS;
use crate::money::{Currency, Money, RoundingMode, format_normalized};
use crate::pricing::model::{Line, PriceSpec, Tax, TierSpec};
use crate::pricing::price_model;
use crate::pricing::ratio::Ratio;
use crate::pricing::request::{LineItem, PackageRounding, PriceModel, PriceModelKind};

use super::Problems;
use super::tax::tax_reference;
use super::values::{Sign, check_names, decimal, list, money, name, required};

pub(super) fn check_line<'a>(
    p: &mut Problems,
    i: usize,
    item: &'a LineItem,
    currency: Option<Currency>,
    mode: RoundingMode,
    tax: &Tax<'_>,
    ids: &mut BTreeSet<&'a str>,
) -> Option<Line<'a>> {
    let lines = ROOT.key("lines");
    let base = lines.index(i);
    let mut ok = name(p, &base.key("id"), &item.id);
    if ok && !ids.insert(item.id.as_str()) {
        p.add(
            &base.key("id"),
            ErrorCode::InvalidValue,
            "duplicate line id",
        );
        ok = false;
    }
    if let Some(sku) = &item.sku {
        ok &= name(p, &base.key("sku"), sku);
    }
    let quantity = decimal(p, &base.key("quantity"), item.quantity, Sign::Positive);
    let spec = match (&item.unit_price, &item.price) {
        (Some(u), None) => {
            decimal(p, &base.key("unit_price"), *u, Sign::NonNegative).map(PriceSpec::PerUnit)
        }
        (None, Some(model)) => check_model(p, &base.key("price"), model, currency),
        (Some(_), Some(_)) => {
            p.add(
                &base.key("price"),
                ErrorCode::InvalidValue,
                "give either unit_price or price, not both",
            );
            None
        }
        (None, None) => {
            p.add(
                &base.key("unit_price"),
                ErrorCode::MissingField,
                "missing field `unit_price` (or `price`)",
            );
            None
        }
    };
    let categories = check_names(p, &base.key("categories"), &item.categories);
    if let Some(code) = &item.tax_code {
        tax_reference(p, &base.key("tax_code"), code, tax);
    }
    let (quantity, spec, currency) = (quantity?, spec?, currency?);
    let gross = price_model::gross(&spec, quantity, currency.minor_units(), mode);
    let Some((gross, gross_money)) =
        gross.and_then(|g| Some((g, Money::from_minor(g, currency).ok()?)))
    else {
        p.add(
            &base,
            ErrorCode::ArithmeticOverflow,
            "the line's price leaves the exact decimal range",
        );
        return None;
    };
    if !ok {
        return None;
    }
    Some(Line {
        request_index: i,
        id: item.id.as_str(),
        sku: item.sku.as_deref(),
        quantity,
        quantity_text: format_normalized(item.quantity.value()),
        gross,
        gross_money,
        categories,
        tax_code: item.tax_code.as_deref(),
    })
}

fn check_model(
    p: &mut Problems,
    path: &Pointer<'_>,
    m: &PriceModel,
    currency: Option<Currency>,
) -> Option<PriceSpec> {
    let tiered = matches!(m.model, PriceModelKind::Volume | PriceModelKind::Graduated);
    let package = m.model == PriceModelKind::Package;
    let mut ok = true;
    for (field, present, allowed) in [
        ("unit_amount", m.unit_amount.is_some(), !tiered),
        ("package_size", m.package_size.is_some(), package),
        ("package_rounding", m.package_rounding.is_some(), package),
        ("tiers", !m.tiers.is_empty(), tiered),
    ] {
        if present && !allowed {
            p.add(
                &path.key(field),
                ErrorCode::InvalidValue,
                format!("`{field}` is not used by this price model"),
            );
            ok = false;
        }
    }
    let unit = if tiered {
        None
    } else {
        required(p, path, "unit_amount", m.unit_amount)
            .and_then(|u| decimal(p, &path.key("unit_amount"), u, Sign::NonNegative))
    };
    let spec = match m.model {
        PriceModelKind::PerUnit => unit.map(PriceSpec::PerUnit),
        PriceModelKind::Package => {
            let size = required(p, path, "package_size", m.package_size)
                .and_then(|s| decimal(p, &path.key("package_size"), s, Sign::Positive));
            let up = m.package_rounding.unwrap_or_default() == PackageRounding::Up;
            match (unit, size) {
                (Some(unit), Some(size)) => Some(PriceSpec::Package { unit, size, up }),
                _ => None,
            }
        }
        PriceModelKind::Volume => check_tiers(p, path, m, currency).map(PriceSpec::Volume),
        PriceModelKind::Graduated => check_tiers(p, path, m, currency).map(PriceSpec::Graduated),
    };
    if ok { spec } else { None }
}

fn check_tiers(
    p: &mut Problems,
    path: &Pointer<'_>,
    m: &PriceModel,
    currency: Option<Currency>,
) -> Option<Vec<TierSpec>> {
    let tp = path.key("tiers");
    if m.tiers.is_empty() {
        p.add(
            &tp,
            ErrorCode::MissingField,
            "missing field `tiers` (at least one tier)",
        );
        return None;
    }
    if !list(p, &tp, m.tiers.len(), MAX_TIERS) {
        return None;
    }
    let last = m.tiers.len() - 1;
    let mut out = Vec::new();
    let mut ok = true;
    let mut previous: Option<Ratio> = Some(Ratio::ZERO);
    for (k, tier) in m.tiers.iter().enumerate() {
        let kp = tp.index(k);
        let up_to = match (tier.up_to, k == last) {
            (Some(_), true) => {
                p.add(
                    &kp.key("up_to"),
                    ErrorCode::InvalidValue,
                    "the last tier has no `up_to` (it is unbounded)",
                );
                None
            }
            (None, false) => {
                p.add(
                    &kp.key("up_to"),
                    ErrorCode::MissingField,
                    "missing field `up_to` (only the last tier is unbounded)",
                );
                None
            }
            (Some(u), false) => {
                let r = decimal(p, &kp.key("up_to"), u, Sign::Positive);
                match (r, previous) {
                    (Some(r), Some(prev))
                        if r.checked_cmp(prev) != Some(core::cmp::Ordering::Greater) =>
                    {
                        p.add(
                            &kp.key("up_to"),
                            ErrorCode::InvalidValue,
                            "tiers must have strictly increasing `up_to`",
                        );
                        None
                    }
                    _ => r,
                }
            }
            (None, true) => Some(Ratio::ZERO),
        };
        previous = up_to;
        if tier.unit_amount.is_none() && tier.flat_amount.is_none() {
            p.add(
                &kp,
                ErrorCode::MissingField,
                "a tier needs `unit_amount`, `flat_amount` or both",
            );
            ok = false;
        }
        let unit = match tier.unit_amount {
            Some(u) => decimal(p, &kp.key("unit_amount"), u, Sign::NonNegative),
            None => Some(Ratio::ZERO),
        };
        let flat = match tier.flat_amount {
            Some(f) => money(p, &kp.key("flat_amount"), f, currency).and_then(|minor| {
                let minor_units = currency?.minor_units();
                Ratio::new(minor, 10i128.checked_pow(minor_units)?)
            }),
            None => Some(Ratio::ZERO),
        };
        match (up_to, unit, flat) {
            (Some(u), Some(unit), Some(flat)) => out.push(TierSpec {
                up_to: if k == last { None } else { Some(u) },
                unit,
                flat,
            }),
            _ => ok = false,
        }
    }
    if ok { Some(out) } else { None }
}
