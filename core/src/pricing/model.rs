//! The checked cart: what [`QuoteRequest`] becomes once every check of
//! `quote` has passed, and what the engine prices. Money is in integer minor units,
//! decimals are exact ratios, lines are sorted by id and promotions are in evaluation
//! order.
//!
//! This is the seam between the wire and the domain (cedar's `est` → `ast`): a
//! [`Cart`] is only made by [`Cart::try_from`] a request (it borrows the request's ids
//! and names, copying none), so every check runs once, in
//! one place, with the same errors as the wire; [`Cart::quote`] then prices it, and
//! can only fail on an amount that leaves the exact decimal range. Crate users can
//! build a request with the constructors (no JSON), check it, look at the checked
//! values (each line's gross price, the promotions' evaluation order) and price it.
//!
//! ```
//! use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
//! let mut line = LineItem::new("a", "3".parse()?);
//! line.unit_price = Some("19.99".parse()?);
//! let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
//! let cart = Cart::try_from(&request)?;
//! assert_eq!(cart.lines()[0].gross().to_amount_string(), "59.97");
//! assert_eq!(cart.quote()?.total.to_amount_string(), "59.97");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::Error;
use crate::money::{Currency, Money, RoundingMode};

use super::instant::Instant;
use super::ratio::Ratio;
use super::request::{PromotionKind, QuoteRequest, TaxRounding};
use super::response::{IntoOwned, QuoteResponse};

/// A cart that passed every check of `quote` (see the [module](self)).
///
/// ```
/// use lockstep_core::pricing::{model::Cart, QuoteRequest};
/// let request: QuoteRequest = serde_json::from_str(r#"{"currency": "JPY",
///   "as_of": "2026-11-26T10:00:00Z",
///   "lines": [{"id": "b", "quantity": "1", "unit_price": "500"},
///             {"id": "a", "quantity": "2", "unit_price": "120"}]}"#)?;
/// let cart = Cart::try_from(&request)?;
/// assert_eq!(cart.currency().code(), "JPY");
/// let ids: Vec<_> = cart.lines().iter().map(|l| l.id()).collect();
/// assert_eq!(ids, ["a", "b"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Cart<'a> {
    pub(crate) currency: Currency,
    pub(crate) mode: RoundingMode,
    pub(crate) cash: bool,
    pub(crate) as_of: Instant,
    /// Sorted by id (byte order): ties in allocation never depend on request order.
    pub(crate) lines: Vec<Line<'a>>,
    /// Sorted by priority (high first), then id.
    pub(crate) promos: Vec<Promotion<'a>>,
    pub(crate) coupons: NameSet<'a>,
    pub(crate) segments: NameSet<'a>,
    pub(crate) tax: Tax<'a>,
    pub(crate) shipping: Option<Shipping<'a>>,
    /// The target currency and the exact rate of the requested conversion.
    pub(crate) conversion: Option<(Currency, Decimal)>,
}

impl<'a> TryFrom<&'a QuoteRequest> for Cart<'a> {
    type Error = Error;

    /// Runs every check of `quote`: the error is the one the wire answers (every
    /// problem, up to 100, each with its JSON Pointer).
    ///
    /// ```
    /// use lockstep_core::{error::ErrorCode, pricing::{model::Cart, LineItem, QuoteRequest}};
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![LineItem::new("a", "0".parse()?)]);
    /// let err = Cart::try_from(&request).unwrap_err();
    /// assert_eq!(err.code, ErrorCode::InvalidValue);
    /// assert_eq!(err.details.len(), 2); // quantity 0, and no unit_price
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    fn try_from(request: &'a QuoteRequest) -> Result<Self, Error> {
        super::check::check(request)
    }
}

impl<'a> Cart<'a> {
    /// Prices the cart: the answer `quote` gives for the request it was checked from.
    /// Fails only with `arithmetic_overflow`, when an amount computed from the cart
    /// leaves the exact decimal range.
    ///
    /// ```
    /// use lockstep_core::pricing::{model::Cart, QuoteRequest};
    /// let request: QuoteRequest = serde_json::from_str(r#"{"currency": "USD",
    ///   "as_of": "2026-11-26T10:00:00Z",
    ///   "lines": [{"id": "a", "quantity": "1", "unit_price": "10.00"}],
    ///   "promotions": [{"id": "p", "type": "percent_off", "percent": "10"}]}"#)?;
    /// let quote = Cart::try_from(&request)?.quote()?;
    /// assert_eq!(quote.total.to_amount_string(), "9.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quote(&self) -> Result<QuoteResponse, Error> {
        super::engine::price(self).map(IntoOwned::into_owned)
    }

    /// The cart's currency.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("CHF", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.currency().code(), "CHF");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The rounding mode of the cart's roundings (`half_even` unless the request says).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # use lockstep_core::money::RoundingMode;
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("CHF", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.rounding_mode(), RoundingMode::HalfEven);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rounding_mode(&self) -> RoundingMode {
        self.mode
    }

    /// The lines, sorted by id (byte order).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "2".parse()?); line.unit_price = Some("1.50".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].gross().to_amount_string(), "3.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// The promotions, in evaluation order: priority high first, then id.
    ///
    /// ```
    /// use lockstep_core::pricing::{model::Cart, QuoteRequest};
    /// let request: QuoteRequest = serde_json::from_str(r#"{"currency": "EUR",
    ///   "as_of": "2026-11-26T10:00:00Z",
    ///   "lines": [{"id": "a", "quantity": "1", "unit_price": "10"}],
    ///   "promotions": [{"id": "late", "type": "free_shipping"},
    ///                  {"id": "first", "type": "percent_off", "percent": "5", "priority": 9}]}"#)?;
    /// let cart = Cart::try_from(&request)?;
    /// let order: Vec<_> = cart.promotions().iter().map(|p| p.id()).collect();
    /// assert_eq!(order, ["first", "late"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn promotions(&self) -> &[Promotion<'a>] {
        &self.promos
    }

    /// The coupon codes the customer entered, sorted.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.coupons = vec!["WINTER".into(), "SPRING".into()];
    /// let cart = Cart::try_from(&request)?;
    /// let coupons: Vec<_> = cart.coupons().collect();
    /// assert_eq!(coupons, ["SPRING", "WINTER"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coupons(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.coupons.iter()
    }

    /// The shipping charge before promotions and taxes, if the request has shipping.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest, ShippingInput};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.shipping = Some(ShippingInput::new("4.90".parse()?));
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.shipping().map(|m| m.to_amount_string()).as_deref(), Some("4.90"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shipping(&self) -> Option<Money> {
        let gross = self.shipping.as_ref()?.gross;
        Money::from_minor(gross, self.currency).ok()
    }
}

/// A checked line: its id, SKU, quantity, categories, tax code and gross price (before
/// promotions and taxes, in the cart's currency).
///
/// ```
/// use lockstep_core::pricing::{model::Cart, QuoteRequest};
/// let request: QuoteRequest = serde_json::from_str(r#"{"currency": "EUR",
///   "as_of": "2026-11-26T10:00:00Z",
///   "lines": [{"id": "a", "sku": "TEA", "quantity": "2.50", "unit_price": "4.00",
///              "categories": ["food", "drinks"]}]}"#)?;
/// let cart = Cart::try_from(&request)?;
/// let line = &cart.lines()[0];
/// assert_eq!((line.id(), line.sku(), line.quantity()), ("a", Some("TEA"), "2.5"));
/// assert_eq!(line.categories().collect::<Vec<_>>(), ["drinks", "food"]);
/// assert_eq!(line.gross().to_amount_string(), "10.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Line<'a> {
    pub(crate) request_index: usize,
    pub(crate) id: &'a str,
    pub(crate) sku: Option<&'a str>,
    pub(crate) quantity: Ratio,
    pub(crate) quantity_text: String,
    /// In minor units, as the engine computes with it.
    pub(crate) gross: i128,
    /// The same amount as money, for [`Line::gross`].
    pub(crate) gross_money: Money,
    pub(crate) categories: NameSet<'a>,
    pub(crate) tax_code: Option<&'a str>,
}

impl<'a> Line<'a> {
    /// The line's id.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("tea", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].id(), "tea");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &'a str {
        self.id
    }

    /// Where the line is in the request's `lines` (its JSON Pointer is
    /// `/lines/{request_index}`).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut b = LineItem::new("b", "1".parse()?); b.unit_price = Some("1".parse()?);
    /// # let mut a = LineItem::new("a", "1".parse()?); a.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![b, a]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].request_index(), 1); // "a", sent second
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn request_index(&self) -> usize {
        self.request_index
    }

    /// The line's SKU, if it has one.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].sku(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> Option<&'a str> {
        self.sku
    }

    /// The quantity as the answer writes it (normalized: `"2.50"` is `"2.5"`).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "3.000".parse()?); line.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].quantity(), "3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quantity(&self) -> &str {
        &self.quantity_text
    }

    /// The gross price: the price model applied to the quantity, rounded once to the
    /// currency's minor units.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "3".parse()?); line.unit_price = Some("0.333".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].gross().to_amount_string(), "1.00"); // 0.999, half-even
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gross(&self) -> Money {
        self.gross_money
    }

    /// The line's categories, sorted.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// line.categories = vec!["b".into(), "a".into()];
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].categories().collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn categories(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.categories.iter()
    }

    /// The line's tax code, if it has one (a code the request's `tax.rates` defines).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let cart = Cart::try_from(&request)?;
    /// assert_eq!(cart.lines()[0].tax_code(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tax_code(&self) -> Option<&'a str> {
        self.tax_code
    }
}
#[derive(Debug)]
pub(crate) struct Shipping<'a> {
    pub gross: i128,
    pub tax_code: Option<&'a str>,
}

#[derive(Debug, Default)]
pub(crate) struct Tax<'a> {
    pub include: bool,
    pub rounding: TaxRounding,
    pub codes: BTreeMap<&'a str, Vec<Rate<'a>>>,
}

#[derive(Debug)]
pub(crate) struct Rate<'a> {
    pub name: &'a str,
    /// The rate as a fraction (19 % → 19/100).
    pub fraction: Ratio,
    pub percent_text: String,
    pub compound: bool,
}

/// A checked promotion: its id, type, priority and whether it is exclusive.
///
/// ```
/// use lockstep_core::pricing::{model::Cart, PromotionKind, QuoteRequest};
/// let request: QuoteRequest = serde_json::from_str(r#"{"currency": "EUR",
///   "as_of": "2026-11-26T10:00:00Z",
///   "lines": [{"id": "a", "quantity": "1", "unit_price": "10"}],
///   "promotions": [{"id": "p", "type": "amount_off", "amount": "1", "combines": "exclusive"}]}"#)?;
/// let cart = Cart::try_from(&request)?;
/// let p = &cart.promotions()[0];
/// assert_eq!((p.id(), p.kind(), p.priority(), p.exclusive()), ("p", PromotionKind::AmountOff, 0, true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Promotion<'a> {
    pub(crate) request_index: usize,
    pub(crate) id: &'a str,
    pub(crate) priority: i32,
    pub(crate) exclusive: bool,
    pub(crate) action: Action,
    pub(crate) target: Option<TargetSet<'a>>,
    pub(crate) min_subtotal: Option<i128>,
    pub(crate) min_quantity: Option<Ratio>,
    pub(crate) coupon: Option<&'a str>,
    pub(crate) segments: Vec<&'a str>,
    pub(crate) starts: Option<Instant>,
    pub(crate) ends: Option<Instant>,
    pub(crate) cap: Option<i128>,
}

impl<'a> Promotion<'a> {
    /// The promotion's id.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, Promotion, PromotionKind, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.promotions = vec![Promotion::new("ship", PromotionKind::FreeShipping)];
    /// assert_eq!(Cart::try_from(&request)?.promotions()[0].id(), "ship");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &'a str {
        self.id
    }

    /// Where the promotion is in the request's `promotions` (`/promotions/{request_index}`).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, Promotion, PromotionKind, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.promotions = vec![Promotion::new("ship", PromotionKind::FreeShipping)];
    /// assert_eq!(Cart::try_from(&request)?.promotions()[0].request_index(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn request_index(&self) -> usize {
        self.request_index
    }

    /// The promotion's type.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, Promotion, PromotionKind, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.promotions = vec![Promotion::new("ship", PromotionKind::FreeShipping)];
    /// assert_eq!(Cart::try_from(&request)?.promotions()[0].kind(), PromotionKind::FreeShipping);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> PromotionKind {
        match self.action {
            Action::PercentOff(_) => PromotionKind::PercentOff,
            Action::AmountOff(_) => PromotionKind::AmountOff,
            Action::FixedPrice(_) => PromotionKind::FixedPrice,
            Action::BuyXGetY { .. } => PromotionKind::BuyXGetY,
            Action::SpendThreshold { .. } => PromotionKind::SpendThreshold,
            Action::FreeShipping => PromotionKind::FreeShipping,
        }
    }

    /// Its priority: higher is evaluated first.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, Promotion, PromotionKind, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// let mut ship = Promotion::new("ship", PromotionKind::FreeShipping);
    /// ship.priority = 5;
    /// request.promotions = vec![ship];
    /// assert_eq!(Cart::try_from(&request)?.promotions()[0].priority(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn priority(&self) -> i32 {
        self.priority
    }

    /// Whether it combines with no other promotion (`"combines": "exclusive"`).
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, Promotion, PromotionKind, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.promotions = vec![Promotion::new("ship", PromotionKind::FreeShipping)];
    /// assert!(!Cart::try_from(&request)?.promotions()[0].exclusive());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exclusive(&self) -> bool {
        self.exclusive
    }

    /// The coupon code it needs, if any.
    ///
    /// ```
    /// # use lockstep_core::pricing::{model::Cart, LineItem, Promotion, PromotionKind, QuoteRequest};
    /// # let mut line = LineItem::new("a", "1".parse()?); line.unit_price = Some("1".parse()?);
    /// let mut request = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![line]);
    /// request.promotions = vec![Promotion::new("ship", PromotionKind::FreeShipping)];
    /// assert_eq!(Cart::try_from(&request)?.promotions()[0].coupon(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coupon(&self) -> Option<&'a str> {
        self.coupon
    }
}

#[derive(Debug)]
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

/// A set of names borrowed from the request: sorted (byte order) and without repeats,
/// in one allocation; looked up by binary search. Its sets are a few names each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NameSet<'a>(Vec<&'a str>);

impl<'a> NameSet<'a> {
    pub fn contains(&self, name: &str) -> bool {
        self.0.binary_search(&name).is_ok()
    }

    /// The names, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.iter().copied()
    }
}

impl<'a> FromIterator<&'a str> for NameSet<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(names: I) -> Self {
        let mut v: Vec<&'a str> = names.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        NameSet(v)
    }
}

#[derive(Debug, Default)]
pub(crate) struct TargetSet<'a> {
    pub line_ids: NameSet<'a>,
    pub skus: NameSet<'a>,
    pub categories: NameSet<'a>,
}

impl TargetSet<'_> {
    pub fn matches(&self, line: &Line<'_>) -> bool {
        self.line_ids.contains(line.id)
            || line.sku.is_some_and(|s| self.skus.contains(s))
            || line.categories.iter().any(|c| self.categories.contains(c))
    }
}

/// A price model with its decimals as ratios.
#[derive(Debug)]
pub(crate) enum PriceSpec {
    PerUnit(Ratio),
    Package { unit: Ratio, size: Ratio, up: bool },
    Volume(Vec<TierSpec>),
    Graduated(Vec<TierSpec>),
}

#[derive(Debug)]
pub(crate) struct TierSpec {
    pub up_to: Option<Ratio>,
    pub unit: Ratio,
    pub flat: Ratio,
}
