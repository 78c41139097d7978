//! The `quote` request, exactly as it arrives on the wire (see `docs/pricing.md`).
//!
//! Every struct refuses unknown members. Decimals are [`Amount`] strings; the
//! currency is checked by [`quote`](super::quote) so that every problem is reported
//! with its path.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::money::{Amount, RoundingMode};

/// A cart to price.
///
/// ```
/// use lockstep_core::pricing::QuoteRequest;
/// let r: QuoteRequest = serde_json::from_str(r#"{"currency":"USD","as_of":"2026-11-26T10:00:00Z",
///   "lines":[{"id":"a","quantity":"2","unit_price":"9.99"}]}"#).unwrap();
/// assert_eq!(r.lines.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct QuoteRequest {
    /// ISO 4217 code of every amount in the request and the response.
    pub currency: SmolStr,
    /// The pricing instant, RFC 3339 (`2026-11-26T10:00:00Z`); the only clock.
    pub as_of: SmolStr,
    /// The cart's lines (at least one).
    pub lines: Vec<LineItem>,
    /// Promotions to consider.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub promotions: Vec<Promotion>,
    /// Coupon codes the customer entered.
    #[serde(default)]
    pub coupons: Vec<SmolStr>,
    /// Who is buying (segment tags for promotion conditions).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub customer: Option<Customer>,
    /// Tax settings; without them nothing is taxed.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub tax: Option<TaxSettings>,
    /// The shipping charge, if any.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub shipping: Option<ShippingInput>,
    /// Rounding settings (default `half_even`, no cash rounding).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub rounding: Option<RoundingSettings>,
    /// Also state the order total in another currency, at a rate given as data.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub conversion: Option<Conversion>,
}

impl QuoteRequest {
    /// The QuoteRequest with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::{LineItem, QuoteRequest};
    /// let r = QuoteRequest::new("EUR", "2026-11-26T10:00:00Z", vec![LineItem::new("a", "1".parse()?)]);
    /// assert_eq!(r.lines.len(), 1);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(
        currency: impl Into<SmolStr>,
        as_of: impl Into<SmolStr>,
        lines: Vec<LineItem>,
    ) -> Self {
        QuoteRequest {
            currency: currency.into(),
            as_of: as_of.into(),
            lines,
            promotions: Default::default(),
            coupons: Default::default(),
            customer: Default::default(),
            tax: Default::default(),
            shipping: Default::default(),
            rounding: Default::default(),
            conversion: Default::default(),
        }
    }
}

/// A conversion of the order total into another currency. The rate is data (never
/// fetched): units of `currency` per unit of the request's currency.
///
/// ```
/// use lockstep_core::pricing::Conversion;
/// let c: Conversion = serde_json::from_str(r#"{"currency":"EUR","rate":"0.9213"}"#).unwrap();
/// assert_eq!(c.currency, "EUR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Conversion {
    /// ISO 4217 code of the target currency.
    pub currency: SmolStr,
    /// Units of the target currency per unit of the request's currency; above zero,
    /// at most 12 decimal places.
    pub rate: Amount,
}

impl Conversion {
    /// The Conversion with its required members. With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::Conversion;
    /// let c = Conversion::new("USD", "1.08".parse()?);
    /// assert_eq!(c.currency, "USD");
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(currency: impl Into<SmolStr>, rate: Amount) -> Self {
        Conversion {
            currency: currency.into(),
            rate,
        }
    }
}

/// One cart line: either `unit_price` or a `price` model.
///
/// ```
/// use lockstep_core::pricing::LineItem;
/// let l: LineItem = serde_json::from_str(r#"{"id":"a","quantity":"1","unit_price":"5"}"#).unwrap();
/// assert_eq!(l.id, "a");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LineItem {
    /// Unique line id within the request.
    pub id: SmolStr,
    /// Product SKU (promotions can target it).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub sku: Option<SmolStr>,
    /// Quantity, a decimal string above zero (`"2"`, `"1.5"`).
    pub quantity: Amount,
    /// Price per unit (shorthand for a `per_unit` price model).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub unit_price: Option<Amount>,
    /// A price model (instead of `unit_price`).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub price: Option<PriceModel>,
    /// Category tags (promotions can target them).
    #[serde(default)]
    pub categories: Vec<SmolStr>,
    /// Key into `tax.rates`; an untaxed line omits it.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub tax_code: Option<SmolStr>,
}

impl LineItem {
    /// The LineItem with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::LineItem;
    /// let mut line = LineItem::new("a", "3".parse()?);
    /// line.unit_price = Some("19.99".parse()?);
    /// assert!(line.price.is_none());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(id: impl Into<SmolStr>, quantity: Amount) -> Self {
        LineItem {
            id: id.into(),
            quantity,
            sku: Default::default(),
            unit_price: Default::default(),
            price: Default::default(),
            categories: Default::default(),
            tax_code: Default::default(),
        }
    }
}

/// The kinds of price model.
///
/// ```
/// use lockstep_core::pricing::PriceModelKind;
/// let k: PriceModelKind = serde_json::from_str(r#""graduated""#).unwrap();
/// assert_eq!(k, PriceModelKind::Graduated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PriceModelKind {
    /// `quantity × unit_amount`.
    PerUnit,
    /// Whole packages of `package_size` units at `unit_amount` each.
    Package,
    /// The tier the whole quantity falls in prices every unit.
    Volume,
    /// Each tier prices the units that fall inside it.
    Graduated,
}

/// How a package count is rounded.
///
/// ```
/// use lockstep_core::pricing::PackageRounding;
/// assert_eq!(PackageRounding::default(), PackageRounding::Up);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PackageRounding {
    /// A started package is charged (150 units in packages of 60: 3).
    #[default]
    Up,
    /// Only full packages are charged (150 units in packages of 60: 2).
    Down,
}

/// A price model.
///
/// ```
/// use lockstep_core::pricing::{PriceModel, PriceModelKind};
/// let p: PriceModel = serde_json::from_str(
///     r#"{"model":"package","unit_amount":"10.00","package_size":"60"}"#).unwrap();
/// assert_eq!(p.model, PriceModelKind::Package);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PriceModel {
    /// Which model.
    pub model: PriceModelKind,
    /// `per_unit`: price per unit; `package`: price per package.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub unit_amount: Option<Amount>,
    /// `package`: units per package (above zero).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub package_size: Option<Amount>,
    /// `package`: how a partial package counts (default `up`).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub package_rounding: Option<PackageRounding>,
    /// `volume` and `graduated`: tiers, `up_to` strictly increasing, the last one
    /// without `up_to`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub tiers: Vec<Tier>,
}

impl PriceModel {
    /// The PriceModel with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::{PriceModel, PriceModelKind};
    /// let m = PriceModel::new(PriceModelKind::Volume);
    /// assert!(m.tiers.is_empty());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(model: PriceModelKind) -> Self {
        PriceModel {
            model,
            unit_amount: Default::default(),
            package_size: Default::default(),
            package_rounding: Default::default(),
            tiers: Default::default(),
        }
    }
}

/// One price tier.
///
/// ```
/// use lockstep_core::pricing::Tier;
/// let t: Tier = serde_json::from_str(r#"{"up_to":"10","unit_amount":"1.50"}"#).unwrap();
/// assert!(t.flat_amount.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Inclusive upper bound of the tier's quantities; absent on the last tier only.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub up_to: Option<Amount>,
    /// Price per unit in this tier.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub unit_amount: Option<Amount>,
    /// Fixed charge when the tier is used.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub flat_amount: Option<Amount>,
}

/// Whether a promotion stacks with others.
///
/// ```
/// use lockstep_core::pricing::Combination;
/// assert_eq!(Combination::default(), Combination::Stackable);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Combination {
    /// Applies together with other promotions.
    #[default]
    Stackable,
    /// Applies only if no promotion applied before it, and stops all later ones.
    Exclusive,
}

/// The kinds of promotion.
///
/// ```
/// use lockstep_core::pricing::PromotionKind;
/// let k: PromotionKind = serde_json::from_str(r#""buy_x_get_y""#).unwrap();
/// assert_eq!(k, PromotionKind::BuyXGetY);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PromotionKind {
    /// `percent` off the matching lines.
    PercentOff,
    /// `amount` off the matching lines together.
    AmountOff,
    /// Each matching line's unit price becomes `amount` (never raised).
    FixedPrice,
    /// For every `buy` + `get` whole units, the `get` cheapest are `percent` (default
    /// 100) off.
    #[serde(rename = "buy_x_get_y")]
    BuyXGetY,
    /// Spend `threshold` on the matching lines, get `amount` off (every `threshold`
    /// when `repeat`).
    SpendThreshold,
    /// The shipping charge is waived.
    FreeShipping,
}

/// A promotion.
///
/// ```
/// use lockstep_core::pricing::{Promotion, PromotionKind};
/// let p: Promotion = serde_json::from_str(r#"{"id":"p","type":"percent_off","percent":"10"}"#).unwrap();
/// assert_eq!(p.kind, PromotionKind::PercentOff);
/// assert_eq!(p.priority, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Promotion {
    /// Unique promotion id.
    pub id: SmolStr,
    /// Higher runs first; ties by `id` (byte order).
    #[serde(default)]
    pub priority: i32,
    /// `stackable` (default) or `exclusive`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub combines: Combination,
    /// What the promotion does.
    #[serde(rename = "type")]
    pub kind: PromotionKind,
    /// `percent_off`, `buy_x_get_y`: a percentage, 0 to 100.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub percent: Option<Amount>,
    /// `amount_off`, `spend_threshold`: money off; `fixed_price`: the unit price.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub amount: Option<Amount>,
    /// `spend_threshold`: the spend needed (above zero).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub threshold: Option<Amount>,
    /// `spend_threshold`: repeat for every full `threshold` spent.
    #[serde(default)]
    pub repeat: bool,
    /// `buy_x_get_y`: units to buy (at least 1).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub buy: Option<u32>,
    /// `buy_x_get_y`: units discounted per group (at least 1).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub get: Option<u32>,
    /// Which lines; absent means the whole order.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub applies_to: Option<PromotionTarget>,
    /// When the promotion applies.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub conditions: Option<Conditions>,
    /// The most this promotion may discount in total.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub cap: Option<Amount>,
}

impl Promotion {
    /// The Promotion with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::{Promotion, PromotionKind};
    /// let mut p = Promotion::new("ten", PromotionKind::PercentOff);
    /// p.percent = Some("10".parse()?);
    /// assert_eq!(p.priority, 0);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(id: impl Into<SmolStr>, kind: PromotionKind) -> Self {
        Promotion {
            id: id.into(),
            kind,
            priority: Default::default(),
            combines: Default::default(),
            percent: Default::default(),
            amount: Default::default(),
            threshold: Default::default(),
            repeat: Default::default(),
            buy: Default::default(),
            get: Default::default(),
            applies_to: Default::default(),
            conditions: Default::default(),
            cap: Default::default(),
        }
    }
}

/// The lines a promotion targets: a line matches if its id, its SKU or one of its
/// categories is listed.
///
/// ```
/// use lockstep_core::pricing::PromotionTarget;
/// let t: PromotionTarget = serde_json::from_str(r#"{"categories":["shoes"]}"#).unwrap();
/// assert!(t.line_ids.is_empty());
/// ```
///
/// (Named `Target` until 0.1.0, which clashed with `version::Target`, the build target;
/// the JSON Schema keeps the definition name `Target`.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Target"))]
#[serde(deny_unknown_fields)]
pub struct PromotionTarget {
    /// Line ids (must exist in `lines`).
    #[serde(default)]
    pub line_ids: Vec<SmolStr>,
    /// SKUs.
    #[serde(default)]
    pub skus: Vec<SmolStr>,
    /// Categories.
    #[serde(default)]
    pub categories: Vec<SmolStr>,
}

/// Conditions of a promotion; all must hold.
///
/// ```
/// use lockstep_core::pricing::Conditions;
/// let c: Conditions = serde_json::from_str(r#"{"coupon":"SAVE10"}"#).unwrap();
/// assert_eq!(c.coupon.as_deref(), Some("SAVE10"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// The matching lines' current net must reach this.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub min_subtotal: Option<Amount>,
    /// The matching lines' quantities must sum to at least this.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub min_quantity: Option<Amount>,
    /// This code must be in `coupons`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub coupon: Option<SmolStr>,
    /// The customer must have at least one of these segments.
    #[serde(default)]
    pub segments: Vec<SmolStr>,
    /// Valid from this instant (inclusive), RFC 3339.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub starts_at: Option<SmolStr>,
    /// Valid until this instant (exclusive), RFC 3339.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub ends_at: Option<SmolStr>,
}

/// The customer.
///
/// ```
/// use lockstep_core::pricing::Customer;
/// let c: Customer = serde_json::from_str(r#"{"segments":["vip"]}"#).unwrap();
/// assert_eq!(c.segments, ["vip"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Segment tags.
    #[serde(default)]
    pub segments: Vec<SmolStr>,
}

/// How tax amounts are rounded.
///
/// ```
/// use lockstep_core::pricing::TaxRounding;
/// assert_eq!(TaxRounding::default(), TaxRounding::PerLine);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TaxRounding {
    /// Each line's tax is rounded, the total is their sum.
    #[default]
    PerLine,
    /// Each rate's total is rounded once, then allocated to lines.
    PerTotal,
}

/// Tax settings.
///
/// ```
/// use lockstep_core::pricing::TaxSettings;
/// let t: TaxSettings = serde_json::from_str(
///     r#"{"rates":{"std":[{"name":"VAT","percent":"19"}]}}"#).unwrap();
/// assert!(!t.prices_include_tax);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaxSettings {
    /// Whether prices (lines and shipping) already include tax.
    #[serde(default)]
    pub prices_include_tax: bool,
    /// `per_line` (default) or `per_total`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub rounding: TaxRounding,
    /// Rates per tax code.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub rates: BTreeMap<SmolStr, Vec<TaxRate>>,
}

/// One tax rate of a tax code.
///
/// ```
/// use lockstep_core::pricing::TaxRate;
/// let r: TaxRate = serde_json::from_str(r#"{"name":"QST","percent":"9.975","compound":true}"#).unwrap();
/// assert!(r.compound);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TaxRate {
    /// Name shown in the response (`VAT`, `state`).
    pub name: SmolStr,
    /// The rate in percent (`"19"`, `"8.875"`).
    pub percent: Amount,
    /// Computed on the net plus this code's non-compound taxes.
    #[serde(default)]
    pub compound: bool,
}

impl TaxRate {
    /// The TaxRate with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::TaxRate;
    /// let r = TaxRate::new("VAT", "20".parse()?);
    /// assert!(!r.compound);
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(name: impl Into<SmolStr>, percent: Amount) -> Self {
        TaxRate {
            name: name.into(),
            percent,
            compound: Default::default(),
        }
    }
}

/// The shipping charge.
///
/// ```
/// use lockstep_core::pricing::ShippingInput;
/// let s: ShippingInput = serde_json::from_str(r#"{"amount":"4.95"}"#).unwrap();
/// assert!(s.tax_code.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ShippingInput {
    /// The charge, at most the currency's minor units.
    pub amount: Amount,
    /// Key into `tax.rates`; untaxed when absent.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub tax_code: Option<SmolStr>,
}

impl ShippingInput {
    /// The ShippingInput with its required members. Every optional member is absent (its default). With `#[non_exhaustive]`,
    /// this (or deserializing) is how it is built outside the crate; set optional
    /// members on the value.
    ///
    /// ```
    /// use lockstep_core::pricing::ShippingInput;
    /// let s = ShippingInput::new("4.90".parse()?);
    /// assert!(s.tax_code.is_none());
    /// # Ok::<(), lockstep_core::money::MoneyError>(())
    /// ```
    pub fn new(amount: Amount) -> Self {
        ShippingInput {
            amount,
            tax_code: Default::default(),
        }
    }
}

/// Rounding settings.
///
/// ```
/// use lockstep_core::pricing::RoundingSettings;
/// let r: RoundingSettings = serde_json::from_str(r#"{"cash":true}"#).unwrap();
/// assert!(r.cash);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundingSettings {
    /// Mode for every rounding (default `half_even`).
    #[serde(default)]
    pub mode: RoundingMode,
    /// Round the grand total to the currency's cash increment (CHF 0.05, ...).
    #[serde(default)]
    pub cash: bool,
}
