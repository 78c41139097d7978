//! Validation: turns a [`QuoteRequest`] into a [`Cart`], reporting every problem
//! found (up to [`MAX_DETAILS`](crate::limits::MAX_DETAILS)) with its JSON Pointer.
//!
//! One file per concern (the collector is the shared [`crate::problems::Problems`]):
//! `values` (single values), `lines`,
//! `promotions` and `tax`; this file checks the request's top level and assembles the
//! cart.

mod lines;
mod promotions;
mod tax;
mod values;

use std::collections::BTreeSet;

use smol_str::SmolStr;

use crate::codec::pointer::ROOT;
use crate::error::{Error, ErrorCode};
use crate::limits::quote::{MAX_LINE_PROMOTION_PAIRS, MAX_LINES, MAX_PROMOTIONS};
use crate::money::{Currency, RoundingMode};
use crate::redact::currency_message;

use super::model::{Cart, Line, NameSet, Promotion, Shipping};
use super::request::QuoteRequest;
pub(crate) use crate::problems::{Problems, overflow, overflow_at};
use lines::check_line;
use promotions::check_promotion;
use tax::{check_tax, tax_reference};
use values::{Sign, check_names, decimal, list_as, money, when};

/// Validates the request and computes each line's gross price.
pub(crate) fn check(req: &QuoteRequest) -> Result<Cart<'_>, Error> {
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
        None => NameSet::default(),
    };
    let coupons = req.coupons.iter().map(SmolStr::as_str).collect();

    let shipping = req.shipping.as_ref().and_then(|s| {
        let at = ROOT.key("shipping");
        let gross = money(&mut p, &at.key("amount"), s.amount, currency);
        if let Some(code) = &s.tax_code {
            tax_reference(&mut p, &at.key("tax_code"), code, &tax);
        }
        gross.map(|gross| Shipping {
            gross,
            tax_code: s.tax_code.as_deref(),
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

    if !p.is_empty() {
        return Err(p.into_error());
    }
    let internal = || Error::new(ErrorCode::Internal, "validation left a value unset");
    let currency = currency.ok_or_else(internal)?;
    let as_of = as_of.ok_or_else(internal)?;
    let mut lines: Vec<Line<'_>> = lines
        .into_iter()
        .collect::<Option<_>>()
        .ok_or_else(internal)?;
    lines.sort_by(|a, b| a.id.cmp(b.id));
    let mut promos: Vec<Promotion<'_>> = promos
        .into_iter()
        .collect::<Option<_>>()
        .ok_or_else(internal)?;
    promos.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.id.cmp(b.id)));
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
