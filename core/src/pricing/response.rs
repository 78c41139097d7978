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
#[cfg_attr(feature = "schema", schemars(rename = "QuoteResponse"))]
#[non_exhaustive]
pub struct QuoteResponse<S = String> {
    /// The currency of every amount.
    pub currency: Currency,
    /// Whether line and shipping amounts include tax.
    pub prices_include_tax: bool,
    /// The lines, in request order.
    pub lines: Vec<LineQuote<S>>,
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
    pub shipping: Option<ShippingQuote<S>>,
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
    pub applied: Vec<AppliedPromotion<S>>,
    /// Promotions that did not apply, in evaluation order, with the reason.
    pub rejected: Vec<RejectedPromotion<S>>,
}

/// The order total in another currency: `total × rate`, rounded once to the target
/// currency's minor units with the request's rounding mode.
///
/// ```
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// let c = quote.converted.unwrap();
/// assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"currency":"USD","rate":"1.1","total":"17.17"}"#);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
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
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// assert_eq!(
///     serde_json::to_string(&quote.lines[0]).unwrap(),
///     r#"{"id":"a","quantity":"1","gross":"10.00","discounts":[{"promotion":"p","amount":"1.00"}],"net":"9.00","taxes":[{"code":"std","name":"VAT","percent":"19","amount":"1.71"}],"total":"10.71"}"#
/// );
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LineQuote"))]
#[non_exhaustive]
pub struct LineQuote<S = String> {
    /// The line id.
    pub id: S,
    /// The quantity, normalized (`"1.5"`).
    pub quantity: S,
    /// The price before discounts.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub gross: Money,
    /// Each promotion's share of this line.
    pub discounts: Vec<DiscountShare<S>>,
    /// `gross` − Σ `discounts`.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub net: Money,
    /// Taxes on `net` (included in it when prices include tax).
    pub taxes: Vec<TaxAmount<S>>,
    /// `net` + Σ `taxes` (tax-exclusive) or `net` (tax-inclusive).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub total: Money,
}

/// The shipping charge after discounts and with its taxes.
///
/// ```
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// let s = quote.shipping.unwrap();
/// assert_eq!(serde_json::to_string(&s).unwrap(),
///     r#"{"gross":"4.90","discounts":[],"net":"4.90","taxes":[],"total":"4.90"}"#);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ShippingQuote"))]
#[non_exhaustive]
pub struct ShippingQuote<S = String> {
    /// The charge before discounts.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub gross: Money,
    /// Discounts (free shipping).
    pub discounts: Vec<DiscountShare<S>>,
    /// `gross` − Σ `discounts`.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub net: Money,
    /// Taxes on `net`.
    pub taxes: Vec<TaxAmount<S>>,
    /// `net` + Σ `taxes` (tax-exclusive) or `net` (tax-inclusive).
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub total: Money,
}

/// One promotion's share of a line or of shipping.
///
/// ```
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// let d = &quote.lines[0].discounts[0];
/// assert_eq!(serde_json::to_string(d).unwrap(), r#"{"promotion":"p","amount":"1.00"}"#);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "DiscountShare"))]
#[non_exhaustive]
pub struct DiscountShare<S = String> {
    /// The promotion id.
    pub promotion: S,
    /// The amount taken off.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Money,
}

/// One tax on a line or on shipping.
///
/// ```
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// let t = &quote.lines[0].taxes[0];
/// assert_eq!(serde_json::to_string(t).unwrap(),
///     r#"{"code":"std","name":"VAT","percent":"19","amount":"1.71"}"#);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "TaxAmount"))]
#[non_exhaustive]
pub struct TaxAmount<S = String> {
    /// The tax code.
    pub code: S,
    /// The rate's name.
    pub name: S,
    /// The rate in percent, normalized.
    pub percent: S,
    /// The tax amount.
    #[serde(serialize_with = "crate::money::as_amount::serialize")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Money,
}

/// A promotion that applied.
///
/// ```
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// assert_eq!(quote.applied[0].amount.to_amount_string(), "1.00");
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "AppliedPromotion"))]
#[non_exhaustive]
pub struct AppliedPromotion<S = String> {
    /// The promotion id.
    pub id: S,
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
#[non_exhaustive]
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
#[non_exhaustive]
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
/// # let request: lockstep_core::pricing::QuoteRequest = serde_json::from_str(
/// #     r#"{"currency":"EUR","as_of":"2026-11-26T10:00:00Z","lines":[{"id":"a","quantity":"1","unit_price":"10.00","tax_code":"std"}],"promotions":[{"id":"p","type":"percent_off","percent":"10"},{"id":"vip","type":"percent_off","percent":"5","conditions":{"coupon":"VIP"}}],"tax":{"rates":{"std":[{"name":"VAT","percent":"19"}]}},"shipping":{"amount":"4.90"},"conversion":{"currency":"USD","rate":"1.1"}}"#,
/// # ).unwrap();
/// let quote = lockstep_core::pricing::quote(request)?;
/// let r = &quote.rejected[0];
/// assert_eq!(serde_json::to_string(r).unwrap(), r#"{"id":"vip","reason":"coupon_missing"}"#);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RejectedPromotion"))]
#[non_exhaustive]
pub struct RejectedPromotion<S = String> {
    /// The promotion id.
    pub id: S,
    /// Why.
    pub reason: RejectReason,
    /// For `condition_not_met`: which condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<ConditionName>,
    /// For `excluded_by` and `not_combinable`: the other promotion's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<S>,
}

/// The engine answers with ids, names and texts borrowed from the checked cart
/// (`QuoteResponse<&str>`): the wire path writes that straight out, and
/// [`super::quote`] hands out owned strings by this conversion.
pub(crate) trait IntoOwned {
    /// The same value with owned strings.
    type Owned;
    /// Converts, copying each borrowed string once.
    fn into_owned(self) -> Self::Owned;
}

impl IntoOwned for &str {
    type Owned = String;
    fn into_owned(self) -> String {
        self.to_owned()
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.into_iter().map(IntoOwned::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.map(IntoOwned::into_owned)
    }
}

/// Values that hold no borrowed string convert to themselves.
macro_rules! owned_already {
    ($($ty:ty),*) => {$(
        impl IntoOwned for $ty {
            type Owned = $ty;
            fn into_owned(self) -> $ty {
                self
            }
        }
    )*};
}

owned_already!(
    bool,
    Currency,
    Money,
    RejectReason,
    ConditionName,
    ConvertedTotal
);

/// Each answer struct converts member by member.
macro_rules! owned_struct {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl IntoOwned for $ty<&str> {
            type Owned = $ty;
            fn into_owned(self) -> $ty {
                $ty { $($field: self.$field.into_owned()),* }
            }
        }
    )*};
}

owned_struct!(
    QuoteResponse { currency, prices_include_tax, lines, subtotal, discount_total, shipping,
        tax_total, total, cash_rounding, converted, applied, rejected }
    LineQuote { id, quantity, gross, discounts, net, taxes, total }
    ShippingQuote { gross, discounts, net, taxes, total }
    DiscountShare { promotion, amount }
    TaxAmount { code, name, percent, amount }
    AppliedPromotion { id, amount }
    RejectedPromotion { id, reason, condition, by }
);
