//! Validation: turns a [`QuoteRequest`] into a [`Cart`], reporting every problem
//! found (up to [`MAX_DETAILS`]) with its JSON Pointer.

use std::collections::{BTreeMap, BTreeSet};

use crate::codec::pointer::{Pointer, ROOT};
use crate::error::{Detail, Error, ErrorCode};
use crate::money::{Amount, Currency, Money, MoneyError, RoundingMode, format_normalized};
use crate::redact::currency_message;

use super::instant::{self, Instant};
use super::limits::{
    MAX_LINE_PROMOTION_PAIRS, MAX_LINES, MAX_NAME_CHARS, MAX_NAMES, MAX_PROMOTIONS,
    MAX_RATES_PER_CODE, MAX_SCALE, MAX_TAX_CODES, MAX_TIERS,
};
use super::model::{
    Action, Cart, Line, PriceSpec, Promo, Rate, Shipping, TargetSet, Tax, TierSpec,
};
use super::price_model;
use super::ratio::Ratio;
use super::request::{
    Combination, LineItem, PriceModel, PriceModelKind, Promotion, PromotionKind, QuoteRequest,
    TaxSettings,
};

pub(crate) use crate::limits::MAX_DETAILS;

#[derive(Default)]
pub(crate) struct Problems {
    details: Vec<Detail>,
    count: usize,
}

impl Problems {
    fn add(&mut self, path: &Pointer<'_>, code: ErrorCode, message: impl Into<String>) {
        self.count += 1;
        if self.details.len() < MAX_DETAILS {
            self.details
                .push(Detail::new(path.to_string(), code, message));
        }
    }

    fn into_error(self) -> Error {
        let code = self.details.first().map_or(ErrorCode::Internal, |d| d.code);
        let message = match self.details.first() {
            Some(d) if self.count == 1 => at(&d.message, &d.path),
            Some(d) => format!(
                "{} problems in the request; the first: {}",
                self.count,
                at(&d.message, &d.path)
            ),
            None => "invalid request".to_owned(),
        };
        Error {
            code,
            message,
            details: self.details,
        }
    }
}

fn at(message: &str, path: &str) -> String {
    if path.is_empty() {
        message.to_owned()
    } else {
        format!("{message} at {path}")
    }
}

/// The `arithmetic_overflow` error at `path`.
pub(crate) fn overflow(path: &str) -> Error {
    let message = "an amount computed from this member leaves the exact decimal range";
    Error {
        code: ErrorCode::ArithmeticOverflow,
        message: at(message, path),
        details: vec![Detail::new(path, ErrorCode::ArithmeticOverflow, message)],
    }
}

enum Sign {
    Positive,
    NonNegative,
}

/// Validates the request and computes each line's gross price.
pub(crate) fn check(req: &QuoteRequest) -> Result<Cart, Error> {
    let mut p = Problems::default();
    let currency = match Currency::from_code(&req.currency) {
        Ok(c) => Some(c),
        Err(e) => {
            p.add(
                &ROOT.key("currency"),
                ErrorCode::UnknownCurrency,
                currency_message(&req.currency, &e),
            );
            None
        }
    };
    let as_of = when(&mut p, &ROOT.key("as_of"), &req.as_of);
    let (mode, cash) = req
        .rounding
        .as_ref()
        .map_or((RoundingMode::HalfEven, false), |r| (r.mode, r.cash));
    let tax = check_tax(&mut p, req.tax.as_ref());

    if req.lines.is_empty() {
        p.add(
            &ROOT.key("lines"),
            ErrorCode::InvalidValue,
            "a cart needs at least one line",
        );
    }
    list_as(
        &mut p,
        &ROOT.key("lines"),
        req.lines.len(),
        MAX_LINES,
        ErrorCode::TooManyLines,
    );
    let mut ids = BTreeSet::new();
    let mut lines = Vec::new();
    for (i, item) in req.lines.iter().enumerate().take(MAX_LINES) {
        let line = check_line(&mut p, i, item, currency, mode, &tax, &mut ids);
        lines.push(line);
    }

    check_names(&mut p, &ROOT.key("coupons"), &req.coupons);
    let segments = match &req.customer {
        Some(c) => check_names(&mut p, &ROOT.key("customer").key("segments"), &c.segments),
        None => BTreeSet::new(),
    };
    let coupons = req.coupons.iter().cloned().collect();

    let shipping = req.shipping.as_ref().and_then(|s| {
        let at = ROOT.key("shipping");
        let gross = money(&mut p, &at.key("amount"), s.amount, currency);
        if let Some(code) = &s.tax_code {
            tax_reference(&mut p, &at.key("tax_code"), code, &tax);
        }
        gross.map(|gross| Shipping {
            gross,
            tax_code: s.tax_code.clone(),
        })
    });

    if list_as(
        &mut p,
        &ROOT.key("promotions"),
        req.promotions.len(),
        MAX_PROMOTIONS,
        ErrorCode::TooManyPromotions,
    ) {
        let pairs = req.lines.len().saturating_mul(req.promotions.len());
        if pairs > MAX_LINE_PROMOTION_PAIRS {
            p.add(
                &ROOT.key("promotions"),
                ErrorCode::TooManyPromotions,
                format!(
                    "{} lines x {} promotions = {pairs} pairs; the limit is {MAX_LINE_PROMOTION_PAIRS}",
                    req.lines.len(),
                    req.promotions.len()
                ),
            );
        }
    }
    let mut promo_ids = BTreeSet::new();
    let mut promos = Vec::new();
    for (i, promo) in req.promotions.iter().enumerate().take(MAX_PROMOTIONS) {
        promos.push(check_promotion(
            &mut p,
            i,
            promo,
            currency,
            &ids,
            &mut promo_ids,
        ));
    }

    let conversion = req.conversion.as_ref().and_then(|c| {
        let target = match Currency::from_code(&c.currency) {
            Ok(t) => Some(t),
            Err(e) => {
                p.add(
                    &ROOT.key("conversion").key("currency"),
                    ErrorCode::UnknownCurrency,
                    currency_message(&c.currency, &e),
                );
                None
            }
        };
        let rate = decimal(
            &mut p,
            &ROOT.key("conversion").key("rate"),
            c.rate,
            Sign::Positive,
        );
        Some((target?, rate.map(|_| c.rate.value())?))
    });

    if p.count > 0 {
        return Err(p.into_error());
    }
    let internal = || Error::new(ErrorCode::Internal, "validation left a value unset");
    let currency = currency.ok_or_else(internal)?;
    let as_of = as_of.ok_or_else(internal)?;
    let mut lines: Vec<Line> = lines
        .into_iter()
        .collect::<Option<_>>()
        .ok_or_else(internal)?;
    lines.sort_by(|a, b| a.id.cmp(&b.id));
    let mut promos: Vec<Promo> = promos
        .into_iter()
        .collect::<Option<_>>()
        .ok_or_else(internal)?;
    promos.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.id.cmp(&b.id)));
    if req.shipping.is_some() && shipping.is_none() {
        return Err(internal());
    }
    Ok(Cart {
        currency,
        mode,
        cash,
        as_of,
        lines,
        promos,
        coupons,
        segments,
        tax,
        shipping,
        conversion,
    })
}

fn when(p: &mut Problems, path: &Pointer<'_>, s: &str) -> Option<Instant> {
    let parsed = instant::parse(s);
    if parsed.is_none() {
        p.add(
            path,
            ErrorCode::InvalidValue,
            "expected an RFC 3339 instant such as \"2026-11-26T10:00:00Z\"",
        );
    }
    parsed
}

fn list(p: &mut Problems, path: &Pointer<'_>, len: usize, max: usize) -> bool {
    list_as(p, path, len, max, ErrorCode::LimitExceeded)
}

/// Like [`list`], with the limit's own error code.
fn list_as(p: &mut Problems, path: &Pointer<'_>, len: usize, max: usize, code: ErrorCode) -> bool {
    if len > max {
        p.add(path, code, format!("{len} entries; the limit is {max}"));
        return false;
    }
    true
}

fn name(p: &mut Problems, path: &Pointer<'_>, s: &str) -> bool {
    if s.is_empty() {
        p.add(path, ErrorCode::InvalidValue, "must not be empty");
        return false;
    }
    let chars = s.chars().count();
    if chars > MAX_NAME_CHARS {
        p.add(
            path,
            ErrorCode::StringTooLong,
            format!("{chars} characters; the limit is {MAX_NAME_CHARS}"),
        );
        return false;
    }
    true
}

fn check_names(p: &mut Problems, path: &Pointer<'_>, names: &[String]) -> BTreeSet<String> {
    list(p, path, names.len(), MAX_NAMES);
    let mut set = BTreeSet::new();
    for (i, n) in names.iter().enumerate().take(MAX_NAMES) {
        if name(p, &path.index(i), n) {
            set.insert(n.clone());
        }
    }
    set
}

fn decimal(p: &mut Problems, path: &Pointer<'_>, a: Amount, sign: Sign) -> Option<Ratio> {
    let v = a.value();
    let bad_sign = match sign {
        Sign::Positive => v <= rust_decimal::Decimal::ZERO,
        Sign::NonNegative => v.is_sign_negative() && !v.is_zero(),
    };
    if bad_sign {
        let what = match sign {
            Sign::Positive => "must be above zero",
            Sign::NonNegative => "must not be negative",
        };
        p.add(path, ErrorCode::InvalidValue, what);
        return None;
    }
    if v.normalize().scale() > MAX_SCALE {
        p.add(
            path,
            ErrorCode::ScaleTooLarge,
            format!("more than {MAX_SCALE} decimal places"),
        );
        return None;
    }
    let r = Ratio::from_decimal(v);
    if r.is_none() {
        p.add(
            path,
            ErrorCode::ArithmeticOverflow,
            "the value is out of range",
        );
    }
    r
}

fn percent(p: &mut Problems, path: &Pointer<'_>, a: Amount, max: i64) -> Option<Ratio> {
    decimal(p, path, a, Sign::NonNegative)?;
    if a.value() > rust_decimal::Decimal::from(max) {
        p.add(
            path,
            ErrorCode::InvalidValue,
            format!("a percentage above {max}"),
        );
        return None;
    }
    let r = Ratio::percent(a.value());
    if r.is_none() {
        p.add(
            path,
            ErrorCode::ArithmeticOverflow,
            "the value is out of range",
        );
    }
    r
}

/// A non-negative money amount in minor units (at most the currency's minor units).
fn money(
    p: &mut Problems,
    path: &Pointer<'_>,
    a: Amount,
    currency: Option<Currency>,
) -> Option<i128> {
    let v = a.value();
    if v.is_sign_negative() && !v.is_zero() {
        p.add(path, ErrorCode::InvalidValue, "must not be negative");
        return None;
    }
    let currency = currency?;
    match Money::new(v, currency) {
        Ok(m) => Some(m.minor()),
        Err(e @ MoneyError::ExcessPrecision { .. }) => {
            p.add(path, ErrorCode::InvalidValue, e.to_string());
            None
        }
        Err(_) => {
            p.add(
                path,
                ErrorCode::ArithmeticOverflow,
                "the value is out of range",
            );
            None
        }
    }
}

fn check_tax(p: &mut Problems, tax: Option<&TaxSettings>) -> Tax {
    let Some(t) = tax else {
        return Tax::default();
    };
    let tax_rates = ROOT.key("tax");
    let tax_rates = tax_rates.key("rates");
    list(p, &tax_rates, t.rates.len(), MAX_TAX_CODES);
    let mut codes = BTreeMap::new();
    for (code, rates) in t.rates.iter().take(MAX_TAX_CODES) {
        let path = tax_rates.key(code);
        name(p, &path, code);
        if rates.is_empty() {
            p.add(
                &path,
                ErrorCode::InvalidValue,
                "a tax code needs at least one rate",
            );
        }
        list(p, &path, rates.len(), MAX_RATES_PER_CODE);
        let mut out = Vec::new();
        for (j, rate) in rates.iter().enumerate().take(MAX_RATES_PER_CODE) {
            let rp = path.index(j);
            let named = name(p, &rp.key("name"), &rate.name);
            let fraction = percent(p, &rp.key("percent"), rate.percent, 1000);
            if let (true, Some(fraction)) = (named, fraction) {
                out.push(Rate {
                    name: rate.name.clone(),
                    fraction,
                    percent_text: format_normalized(rate.percent.value()),
                    compound: rate.compound,
                });
            }
        }
        // The code is kept even when a rate is bad, so references still resolve.
        codes.insert(code.clone(), out);
    }
    Tax {
        include: t.prices_include_tax,
        rounding: t.rounding,
        codes,
    }
}

fn tax_reference(p: &mut Problems, path: &Pointer<'_>, code: &str, tax: &Tax) {
    if !tax.codes.contains_key(code) {
        p.add(
            path,
            ErrorCode::UnknownReference,
            "no such tax code in tax.rates",
        );
    }
}

fn check_line(
    p: &mut Problems,
    i: usize,
    item: &LineItem,
    currency: Option<Currency>,
    mode: RoundingMode,
    tax: &Tax,
    ids: &mut BTreeSet<String>,
) -> Option<Line> {
    let lines = ROOT.key("lines");
    let base = lines.index(i);
    let mut ok = name(p, &base.key("id"), &item.id);
    if ok && !ids.insert(item.id.clone()) {
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
    let Some(gross) = gross.filter(|g| Money::from_minor(*g, currency).is_ok()) else {
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
        id: item.id.clone(),
        sku: item.sku.clone(),
        quantity,
        quantity_text: format_normalized(item.quantity.value()),
        gross,
        categories,
        tax_code: item.tax_code.clone(),
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
            let up = m.package_rounding.unwrap_or_default() == super::request::PackageRounding::Up;
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

fn required<T: Copy>(p: &mut Problems, path: &Pointer<'_>, field: &str, v: Option<T>) -> Option<T> {
    if v.is_none() {
        p.add(
            &path.key(field),
            ErrorCode::MissingField,
            format!("missing field `{field}`"),
        );
    }
    v
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

fn check_promotion(
    p: &mut Problems,
    i: usize,
    promo: &Promotion,
    currency: Option<Currency>,
    line_ids: &BTreeSet<String>,
    promo_ids: &mut BTreeSet<String>,
) -> Option<Promo> {
    let promotions = ROOT.key("promotions");
    let base = promotions.index(i);
    let mut ok = name(p, &base.key("id"), &promo.id);
    if ok && !promo_ids.insert(promo.id.clone()) {
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
                if !line_ids.contains(id) {
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
    let mut cond = Promo {
        request_index: i,
        id: promo.id.clone(),
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
            cond.coupon = Some(code.clone());
        }
        cond.segments = check_names(p, &cp.key("segments"), &c.segments)
            .into_iter()
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
