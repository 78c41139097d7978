//! The validated cart the engine works on: money in integer minor units, decimals as
//! exact ratios, lines sorted by id and promotions in evaluation order.

use std::collections::{BTreeMap, BTreeSet};

use crate::money::{Currency, RoundingMode};

use super::instant::Instant;
use super::ratio::Ratio;
use super::request::TaxRounding;

pub(crate) struct Cart {
    pub currency: Currency,
    pub mode: RoundingMode,
    pub cash: bool,
    pub as_of: Instant,
    /// Sorted by id (byte order): ties in allocation never depend on request order.
    pub lines: Vec<Line>,
    /// Sorted by priority (high first), then id.
    pub promos: Vec<Promo>,
    pub coupons: BTreeSet<String>,
    pub segments: BTreeSet<String>,
    pub tax: Tax,
    pub shipping: Option<Shipping>,
    /// The target currency and the exact rate of the requested conversion.
    pub conversion: Option<(Currency, rust_decimal::Decimal)>,
}

pub(crate) struct Line {
    pub request_index: usize,
    pub id: String,
    pub sku: Option<String>,
    pub quantity: Ratio,
    pub quantity_text: String,
    pub gross: i128,
    pub categories: BTreeSet<String>,
    pub tax_code: Option<String>,
}

pub(crate) struct Shipping {
    pub gross: i128,
    pub tax_code: Option<String>,
}

#[derive(Default)]
pub(crate) struct Tax {
    pub include: bool,
    pub rounding: TaxRounding,
    pub codes: BTreeMap<String, Vec<Rate>>,
}

pub(crate) struct Rate {
    pub name: String,
    /// The rate as a fraction (19 % → 19/100).
    pub fraction: Ratio,
    pub percent_text: String,
    pub compound: bool,
}

pub(crate) struct Promo {
    pub request_index: usize,
    pub id: String,
    pub priority: i32,
    pub exclusive: bool,
    pub action: Action,
    pub target: Option<TargetSet>,
    pub min_subtotal: Option<i128>,
    pub min_quantity: Option<Ratio>,
    pub coupon: Option<String>,
    pub segments: Vec<String>,
    pub starts: Option<Instant>,
    pub ends: Option<Instant>,
    pub cap: Option<i128>,
}

pub(crate) enum Action {
    PercentOff(Ratio),
    AmountOff(i128),
    FixedPrice(Ratio),
    BuyXGetY {
        buy: u32,
        get: u32,
        fraction: Ratio,
    },
    SpendThreshold {
        threshold: i128,
        amount: i128,
        repeat: bool,
    },
    FreeShipping,
}

#[derive(Default)]
pub(crate) struct TargetSet {
    pub line_ids: BTreeSet<String>,
    pub skus: BTreeSet<String>,
    pub categories: BTreeSet<String>,
}

impl TargetSet {
    pub fn matches(&self, line: &Line) -> bool {
        self.line_ids.contains(&line.id)
            || line.sku.as_ref().is_some_and(|s| self.skus.contains(s))
            || line.categories.iter().any(|c| self.categories.contains(c))
    }
}

/// A price model with its decimals as ratios.
pub(crate) enum PriceSpec {
    PerUnit(Ratio),
    Package { unit: Ratio, size: Ratio, up: bool },
    Volume(Vec<TierSpec>),
    Graduated(Vec<TierSpec>),
}

pub(crate) struct TierSpec {
    pub up_to: Option<Ratio>,
    pub unit: Ratio,
    pub flat: Ratio,
}
