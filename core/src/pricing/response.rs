//! The `quote` response. Amounts are strings at exactly the currency's minor units;
//! members appear in declaration order; absent optionals are omitted.

use serde::Serialize;

use crate::money::{Currency, Money};

/// A priced cart.
///
/// ```
/// use lockstep_core::pricing::{quote, QuoteRequest};
/// let req: QuoteRequest = serde_json::from_str(r#"{"currency":"USD","as_of":"2026-11-26T10:00:00Z",
///   "lines":[{"id":"a","quantity":"3","unit_price":"19.99"}]}"#).unwrap();
/// let res = quote(req).unwrap();
/// assert_eq!(res.total.to_amount_string(), "59.97");
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
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub subtotal: Money,
    /// Σ every discount (lines and shipping).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub discount_total: Money,
    /// The shipping charge, when the request has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ShippingQuote>,
    /// Σ every tax (lines and shipping).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub tax_total: Money,
    /// Σ line `total` + shipping `total` + `cash_rounding`.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub total: Money,
    /// Cash-rounding adjustment; present only when cash rounding was requested.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::money::as_amount::option"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub cash_rounding: Option<Money>,
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
/// use lockstep_core::{money::{Currency, Money}, pricing::ConvertedTotal};
/// let eur = Currency::from_code("EUR")?;
/// let c = ConvertedTotal { currency: eur, rate: "0.9213".into(), total: Money::parse("48", eur)? };
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
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub total: Money,
}

/// One priced line.
///
/// ```
/// use lockstep_core::{money::{Currency, Money}, pricing::LineQuote};
/// let five = Money::parse("5", Currency::from_code("USD")?)?;
/// let l = LineQuote { id: "a".into(), quantity: "1".into(), gross: five,
///     discounts: vec![], net: five, taxes: vec![], total: five };
/// assert_eq!(serde_json::to_string(&l).unwrap(),
///     r#"{"id":"a","quantity":"1","gross":"5.00","discounts":[],"net":"5.00","taxes":[],"total":"5.00"}"#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineQuote {
    /// The line id.
    pub id: String,
    /// The quantity, normalized (`"1.5"`).
    pub quantity: String,
    /// The price before discounts.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub gross: Money,
    /// Each promotion's share of this line.
    pub discounts: Vec<DiscountShare>,
    /// `gross` − Σ `discounts`.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub net: Money,
    /// Taxes on `net` (included in it when prices include tax).
    pub taxes: Vec<TaxAmount>,
    /// `net` + Σ `taxes` (tax-exclusive) or `net` (tax-inclusive).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub total: Money,
}

/// The shipping charge after discounts and with its taxes.
///
/// ```
/// use lockstep_core::{money::{Currency, Money}, pricing::ShippingQuote};
/// let fee = Money::parse("4.95", Currency::from_code("USD")?)?;
/// let s = ShippingQuote { gross: fee, discounts: vec![], net: fee, taxes: vec![], total: fee };
/// assert_eq!(s.total.to_amount_string(), "4.95");
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShippingQuote {
    /// The charge before discounts.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub gross: Money,
    /// Discounts (free shipping).
    pub discounts: Vec<DiscountShare>,
    /// `gross` − Σ `discounts`.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub net: Money,
    /// Taxes on `net`.
    pub taxes: Vec<TaxAmount>,
    /// `net` + Σ `taxes` (tax-exclusive) or `net` (tax-inclusive).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub total: Money,
}

/// One promotion's share of a line or of shipping.
///
/// ```
/// use lockstep_core::{money::{Currency, Money}, pricing::DiscountShare};
/// let d = DiscountShare { promotion: "p".into(), amount: Money::parse("3.34", Currency::from_code("EUR")?)? };
/// assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"promotion":"p","amount":"3.34"}"#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiscountShare {
    /// The promotion id.
    pub promotion: String,
    /// The amount taken off.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Money,
}

/// One tax on a line or on shipping.
///
/// ```
/// use lockstep_core::{money::{Currency, Money}, pricing::TaxAmount};
/// let t = TaxAmount { code: "std".into(), name: "VAT".into(), percent: "19".into(),
///     amount: Money::parse("1.9", Currency::from_code("EUR")?)? };
/// assert_eq!(serde_json::to_string(&t).unwrap(),
///     r#"{"code":"std","name":"VAT","percent":"19","amount":"1.90"}"#);
/// # Ok::<(), lockstep_core::money::MoneyError>(())
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
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Money,
}

/// A promotion that applied.
///
/// ```
/// use lockstep_core::{money::{Currency, Money}, pricing::AppliedPromotion};
/// let a = AppliedPromotion { id: "p".into(), amount: Money::parse("10", Currency::from_code("USD")?)? };
/// assert_eq!(a.amount.to_amount_string(), "10.00");
/// # Ok::<(), lockstep_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppliedPromotion {
    /// The promotion id.
    pub id: String,
    /// Its total discount (Σ of its shares).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Money,
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
