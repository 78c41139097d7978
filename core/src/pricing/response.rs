//! The `quote` response. Amounts are strings at exactly the currency's minor units;
//! members appear in declaration order; absent optionals are omitted.

use serde::Serialize;

use crate::money::Currency;

/// A priced cart.
///
/// ```
/// use lockstep_core::pricing::{quote, QuoteRequest};
/// let req: QuoteRequest = serde_json::from_str(r#"{"currency":"USD","as_of":"2026-11-26T10:00:00Z",
///   "lines":[{"id":"a","quantity":"3","unit_price":"19.99"}]}"#).unwrap();
/// let res = quote(req).unwrap();
/// assert_eq!(res.total, "59.97");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteResponse {
    /// The currency of every amount.
    pub currency: Currency,
    /// Whether line and shipping amounts include tax.
    pub prices_include_tax: bool,
    /// The lines, in request order.
    pub lines: Vec<LineQuote>,
    /// Σ line `gross`.
    pub subtotal: String,
    /// Σ every discount (lines and shipping).
    pub discount_total: String,
    /// The shipping charge, when the request has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ShippingQuote>,
    /// Σ every tax (lines and shipping).
    pub tax_total: String,
    /// Σ line `total` + shipping `total` + `cash_rounding`.
    pub total: String,
    /// Cash-rounding adjustment; present only when cash rounding was requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cash_rounding: Option<String>,
    /// `total` converted at the requested rate; present only when `conversion` was
    /// requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<ConvertedTotal>,
    /// Promotions that applied, in evaluation order.
    pub applied: Vec<AppliedPromotion>,
    /// Promotions that did not apply, in evaluation order, with the reason.
    pub rejected: Vec<RejectedPromotion>,
}

/// The order total in another currency: `total × rate`, rounded once to the target
/// currency's minor units with the request's rounding mode.
///
/// ```
/// use lockstep_core::{money::Currency, pricing::ConvertedTotal};
/// let c = ConvertedTotal { currency: Currency::from_code("EUR")?, rate: "0.9213".into(),
///     total: "48.00".into() };
/// assert_eq!(serde_json::to_string(&c).unwrap(),
///     r#"{"currency":"EUR","rate":"0.9213","total":"48.00"}"#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConvertedTotal {
    /// The target currency.
    pub currency: Currency,
    /// The rate, normalized (`"0.9213"`).
    pub rate: String,
    /// The converted total at exactly the target's minor units.
    pub total: String,
}

/// One priced line.
///
/// ```
/// use lockstep_core::pricing::LineQuote;
/// let l = LineQuote { id: "a".into(), quantity: "1".into(), gross: "5.00".into(),
///     discounts: vec![], net: "5.00".into(), taxes: vec![], total: "5.00".into() };
/// assert_eq!(serde_json::to_string(&l).unwrap(),
///     r#"{"id":"a","quantity":"1","gross":"5.00","discounts":[],"net":"5.00","taxes":[],"total":"5.00"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineQuote {
    /// The line id.
    pub id: String,
    /// The quantity, normalized (`"1.5"`).
    pub quantity: String,
    /// The price before discounts.
    pub gross: String,
    /// Each promotion's share of this line.
    pub discounts: Vec<DiscountShare>,
    /// `gross` − Σ `discounts`.
    pub net: String,
    /// Taxes on `net` (included in it when prices include tax).
    pub taxes: Vec<TaxAmount>,
    /// `net` + Σ `taxes` (tax-exclusive) or `net` (tax-inclusive).
    pub total: String,
}

/// The shipping charge after discounts and with its taxes.
///
/// ```
/// use lockstep_core::pricing::ShippingQuote;
/// let s = ShippingQuote { gross: "4.95".into(), discounts: vec![], net: "4.95".into(),
///     taxes: vec![], total: "4.95".into() };
/// assert_eq!(s.total, "4.95");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShippingQuote {
    /// The charge before discounts.
    pub gross: String,
    /// Discounts (free shipping).
    pub discounts: Vec<DiscountShare>,
    /// `gross` − Σ `discounts`.
    pub net: String,
    /// Taxes on `net`.
    pub taxes: Vec<TaxAmount>,
    /// `net` + Σ `taxes` (tax-exclusive) or `net` (tax-inclusive).
    pub total: String,
}

/// One promotion's share of a line or of shipping.
///
/// ```
/// use lockstep_core::pricing::DiscountShare;
/// let d = DiscountShare { promotion: "p".into(), amount: "3.34".into() };
/// assert_eq!(d.amount, "3.34");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiscountShare {
    /// The promotion id.
    pub promotion: String,
    /// The amount taken off.
    pub amount: String,
}

/// One tax on a line or on shipping.
///
/// ```
/// use lockstep_core::pricing::TaxAmount;
/// let t = TaxAmount { code: "std".into(), name: "VAT".into(), percent: "19".into(), amount: "1.90".into() };
/// assert_eq!(t.percent, "19");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaxAmount {
    /// The tax code.
    pub code: String,
    /// The rate's name.
    pub name: String,
    /// The rate in percent, normalized.
    pub percent: String,
    /// The tax amount.
    pub amount: String,
}

/// A promotion that applied.
///
/// ```
/// use lockstep_core::pricing::AppliedPromotion;
/// let a = AppliedPromotion { id: "p".into(), amount: "10.00".into() };
/// assert_eq!(a.id, "p");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppliedPromotion {
    /// The promotion id.
    pub id: String,
    /// Its total discount (Σ of its shares).
    pub amount: String,
}

/// Why a promotion did not apply.
///
/// ```
/// use lockstep_core::pricing::RejectReason;
/// assert_eq!(serde_json::to_string(&RejectReason::CouponMissing).unwrap(), r#""coupon_missing""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// `as_of` is outside `starts_at`..`ends_at`.
    OutsideWindow,
    /// The required coupon is not in `coupons`.
    CouponMissing,
    /// A condition failed; `condition` names it.
    ConditionNotMet,
    /// An exclusive promotion (`by`) applied before it.
    ExcludedBy,
    /// It is exclusive but another promotion (`by`) applied before it.
    NotCombinable,
    /// It would take nothing off (the matching amounts are already zero).
    NothingToDiscount,
}

/// The condition that failed.
///
/// ```
/// use lockstep_core::pricing::ConditionName;
/// assert_eq!(serde_json::to_string(&ConditionName::MinSubtotal).unwrap(), r#""min_subtotal""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConditionName {
    /// No line matches `applies_to`.
    AppliesTo,
    /// The customer has none of the segments.
    Segments,
    /// `min_quantity` not reached.
    MinQuantity,
    /// `min_subtotal` not reached.
    MinSubtotal,
    /// `spend_threshold`: the threshold not reached.
    Threshold,
    /// `buy_x_get_y`: fewer than `buy` + `get` whole units.
    BuyQuantity,
}

/// A promotion that did not apply.
///
/// ```
/// use lockstep_core::pricing::{RejectedPromotion, RejectReason};
/// let r = RejectedPromotion { id: "p".into(), reason: RejectReason::CouponMissing, condition: None, by: None };
/// assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"id":"p","reason":"coupon_missing"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RejectedPromotion {
    /// The promotion id.
    pub id: String,
    /// Why.
    pub reason: RejectReason,
    /// For `condition_not_met`: which condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<ConditionName>,
    /// For `excluded_by` and `not_combinable`: the other promotion's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}
