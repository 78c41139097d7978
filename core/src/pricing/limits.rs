//! The documented limits of a `quote` request (see `docs/pricing.md`). Exceeding one
//! is `limit_exceeded` with the path of the offending member.

/// Most lines in a cart.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_LINES, 10_000);
/// ```
pub const MAX_LINES: usize = 10_000;

/// Most promotions in a request.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_PROMOTIONS, 1_000);
/// ```
pub const MAX_PROMOTIONS: usize = 1_000;

/// Most (line, promotion) pairs: the engine's work grows with lines × promotions
/// (measured about 10 600 wasm instructions a pair in `tests/tests/workload.rs`), so
/// this bounds the worst case to about 0.1 s natively. Exceeding it is reported at
/// `/promotions`.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_LINE_PROMOTION_PAIRS, 200_000);
/// ```
pub const MAX_LINE_PROMOTION_PAIRS: usize = 200_000;

/// Most tiers in one price model.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_TIERS, 100);
/// ```
pub const MAX_TIERS: usize = 100;

/// Most entries in any list of names: `coupons`, customer `segments`, a line's
/// `categories`, a promotion's `segments`, each list of `applies_to`.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_NAMES, 100);
/// ```
pub const MAX_NAMES: usize = 100;

/// Most tax codes in `tax.rates`.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_TAX_CODES, 100);
/// ```
pub const MAX_TAX_CODES: usize = 100;

/// Most rates under one tax code.
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_RATES_PER_CODE, 10);
/// ```
pub const MAX_RATES_PER_CODE: usize = 10;

/// Longest id, SKU, category, coupon, segment, tax code or tax name, in Unicode
/// scalar values (the same count in Rust and JavaScript's `[...s].length`).
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_NAME_CHARS, 128);
/// ```
pub const MAX_NAME_CHARS: usize = 128;

/// Most decimal places in a quantity, unit amount, tier bound, package size or
/// percentage (money amounts are further limited to the currency's minor units).
///
/// ```
/// assert_eq!(lockstep_core::pricing::limits::MAX_SCALE, 12);
/// ```
pub const MAX_SCALE: u32 = 12;
