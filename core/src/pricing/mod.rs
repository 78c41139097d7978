//! Pricing: the engine of the `quote` operation. The rules are in `docs/pricing.md`.
//!
//! [`quote`] takes a [`QuoteRequest`] (a cart: lines with a unit price or a price
//! model, promotions, coupons, customer segments, tax settings, shipping and
//! rounding) and answers a [`QuoteResponse`] whose parts add up exactly: every line
//! shows its gross, each promotion's share, its net, its taxes and its total, and the
//! order totals are the sums of the lines (plus shipping and cash rounding).
//! Money is computed in integer minor units and exact ratios; nothing is a float,
//! nothing depends on hashing or the order of `lines`.
//!
//! The wire types ([`QuoteRequest`] and its parts, with constructors) are checked into
//! a [`model::Cart`] by `Cart::try_from` (every problem, each with its JSON Pointer);
//! [`model::Cart::quote`] prices it. [`quote`] is the two steps in one.
//!
//! ```
//! use lockstep_core::pricing::{quote, QuoteRequest};
//! let request: QuoteRequest = serde_json::from_str(r#"{
//!   "currency": "USD", "as_of": "2026-11-26T10:00:00Z",
//!   "lines": [{"id": "a", "quantity": "1", "unit_price": "100.00"},
//!             {"id": "b", "quantity": "1", "unit_price": "100.00"},
//!             {"id": "c", "quantity": "1", "unit_price": "100.00"}],
//!   "promotions": [{"id": "ten", "type": "amount_off", "amount": "10.00"}]
//! }"#).unwrap();
//! let response = quote(request)?;
//! let shares: Vec<_> = response.lines.iter().map(|l| l.discounts[0].amount.to_amount_string()).collect();
//! assert_eq!(shares, ["3.34", "3.33", "3.33"]);
//! assert_eq!(response.total.to_amount_string(), "290.00");
//! # Ok::<(), lockstep_core::error::Error>(())
//! ```

pub(crate) mod check;
mod engine;
mod instant;
pub mod limits;
pub mod model;
mod price_model;
mod promotions;
mod ratio;
mod request;
mod response;
mod tax;

#[cfg(test)]
mod tests;

pub use request::{
    Combination, Conditions, Conversion, Customer, LineItem, PackageRounding, PriceModel,
    PriceModelKind, Promotion, PromotionKind, PromotionTarget, QuoteRequest, RoundingSettings,
    ShippingInput, TaxRate, TaxRounding, TaxSettings, Tier,
};
pub(crate) use response::IntoOwned;
pub use response::{
    AppliedPromotion, ConditionName, ConvertedTotal, DiscountShare, LineQuote, QuoteResponse,
    RejectReason, RejectedPromotion, ShippingQuote, TaxAmount,
};

/// Prices a cart.
///
/// Validation reports every problem it finds (up to 100 details), each with a JSON
/// Pointer into the request: `unknown_currency`, `invalid_value`, `missing_field`,
/// `unknown_reference` (a tax code or line id that the request does not define),
/// `limit_exceeded` (see [`limits`]) and `arithmetic_overflow`.
///
/// ```
/// use lockstep_core::{error::ErrorCode, pricing::{quote, QuoteRequest}};
/// let request: QuoteRequest = serde_json::from_str(r#"{"currency": "XAU",
///   "as_of": "2026-11-26T10:00:00Z",
///   "lines": [{"id": "a", "quantity": "0", "unit_price": "1"}]}"#).unwrap();
/// let err = quote(request).unwrap_err();
/// assert_eq!(err.code, ErrorCode::UnknownCurrency);
/// let paths: Vec<_> = err.details.iter().map(|d| d.path.as_str()).collect();
/// assert_eq!(paths, ["/currency", "/lines/0/quantity"]);
/// ```
pub fn quote(request: QuoteRequest) -> Result<QuoteResponse, crate::error::Error> {
    model::Cart::try_from(&request)?.quote()
}

/// [`quote`] for the wire: checks and prices the cart and hands `finish` the answer
/// with its strings borrowed from the checked cart (nothing copied for the writer).
pub(crate) fn quote_with<R>(
    request: &QuoteRequest,
    finish: impl FnOnce(QuoteResponse<&str>) -> R,
) -> Result<R, crate::error::Error> {
    let cart = model::Cart::try_from(request)?;
    engine::price(&cart).map(finish)
}
