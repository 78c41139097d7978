//! Every documented input limit, in one place: those of every request (enforced before
//! parsing), and each operation's ([`quote`], [`score`], [`validate`]), re-exported
//! where the domains use them (`pricing::limits`, `fraud::MAX_RULES`, ...).
//!
//! Each limit has its error code (see `docs/wire-format.md`, "Limits", and each
//! operation's page). Facts of a standard (E.164's 15 digits, a card number's 12 to 19,
//! RFC 5321's email lengths) stay with the check that applies them.

/// Largest accepted request, in bytes of UTF-8 JSON (1 MiB).
///
/// A longer request is answered with `request_too_large` without being parsed.
///
/// ```
/// assert_eq!(lockstep_core::limits::MAX_REQUEST_BYTES, 1_048_576);
/// ```
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// Deepest accepted nesting of JSON arrays and objects (the top-level value is depth 1).
///
/// A deeper request is answered with `nesting_too_deep` without being parsed.
///
/// ```
/// assert_eq!(lockstep_core::limits::MAX_DEPTH, 32);
/// ```
pub const MAX_DEPTH: usize = 32;

/// Longest decimal string looked at; no representable decimal in the accepted grammar is
/// longer than 31 characters (sign, `0.`, 28 digits). The JSON Schema's `maxLength` of
/// `Decimal`.
///
/// ```
/// assert_eq!(lockstep_core::limits::MAX_DECIMAL_CHARS, 64);
/// ```
pub const MAX_DECIMAL_CHARS: usize = 64;

/// Most details in one error answer of an operation that reports every problem
/// (`quote`); the message gives the full count.
///
/// ```
/// assert_eq!(lockstep_core::limits::MAX_DETAILS, 100);
/// ```
pub const MAX_DETAILS: usize = 100;

/// The limits of a `quote` request (see `docs/pricing.md`, "Limits"). Exceeding one is
/// `too_many_lines`, `too_many_promotions`, `string_too_long`, `scale_too_large` or
/// `limit_exceeded`, with the path of the offending member.
pub mod quote {
    /// Most lines in a cart.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_LINES, 10_000);
    /// ```
    pub const MAX_LINES: usize = 10_000;

    /// Most promotions in a request.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_PROMOTIONS, 1_000);
    /// ```
    pub const MAX_PROMOTIONS: usize = 1_000;

    /// Most (line, promotion) pairs: the engine's work grows with lines × promotions
    /// (measured about 10 600 wasm instructions a pair in `tests/tests/workload.rs`), so
    /// this bounds the worst case to about 0.1 s natively. Exceeding it is reported at
    /// `/promotions`.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_LINE_PROMOTION_PAIRS, 200_000);
    /// ```
    pub const MAX_LINE_PROMOTION_PAIRS: usize = 200_000;

    /// Most tiers in one price model.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_TIERS, 100);
    /// ```
    pub const MAX_TIERS: usize = 100;

    /// Most entries in any list of names: `coupons`, customer `segments`, a line's
    /// `categories`, a promotion's `segments`, each list of `applies_to`.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_NAMES, 100);
    /// ```
    pub const MAX_NAMES: usize = 100;

    /// Most tax codes in `tax.rates`.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_TAX_CODES, 100);
    /// ```
    pub const MAX_TAX_CODES: usize = 100;

    /// Most rates under one tax code.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_RATES_PER_CODE, 10);
    /// ```
    pub const MAX_RATES_PER_CODE: usize = 10;

    /// Longest id, SKU, category, coupon, segment, tax code or tax name, in Unicode
    /// scalar values (the same count in Rust and JavaScript's `[...s].length`).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_NAME_CHARS, 128);
    /// ```
    pub const MAX_NAME_CHARS: usize = 128;

    /// Most decimal places in a quantity, unit amount, tier bound, package size or
    /// percentage (money amounts are further limited to the currency's minor units).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::quote::MAX_SCALE, 12);
    /// ```
    pub const MAX_SCALE: u32 = 12;
}

/// The limits of a `score` request (see `docs/fraud.md`, "Limits").
pub mod score {
    /// Most rules in one request.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_RULES, 256);
    /// ```
    pub const MAX_RULES: usize = 256;

    /// Deepest nesting of conditions (a comparison directly under `when` is depth 1).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_CONDITION_DEPTH, 8);
    /// ```
    pub const MAX_CONDITION_DEPTH: usize = 8;

    /// Most condition nodes (`all`, `any`, `not` and comparisons) over all rules.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_CONDITIONS, 4096);
    /// ```
    pub const MAX_CONDITIONS: usize = 4096;

    /// Most payment attributes.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_ATTRIBUTES, 256);
    /// ```
    pub const MAX_ATTRIBUTES: usize = 256;

    /// Most operands of one `in`/`not_in`.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_VALUES, 256);
    /// ```
    pub const MAX_VALUES: usize = 256;

    /// Longest string (attribute name or value, field, operand), in characters.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_STRING_CHARS, 1024);
    /// ```
    pub const MAX_STRING_CHARS: usize = 1024;

    /// Largest absolute score of one rule (so a total always fits: 256 × 1000).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_SCORE, 1000);
    /// ```
    pub const MAX_SCORE: i64 = 1000;

    /// Longest rule id, in characters (an id is 1 to this many).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_ID_CHARS, 64);
    /// ```
    pub const MAX_ID_CHARS: usize = 64;

    /// Longest rule reason, in characters.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::score::MAX_REASON_CHARS, 256);
    /// ```
    pub const MAX_REASON_CHARS: usize = 256;
}

/// The limits of a `validate` request (see `docs/validation.md`).
pub mod validate {
    /// Longest accepted string member, in characters; longer is `limit_exceeded`.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::validate::MAX_FIELD_CHARS, 1024);
    /// ```
    pub const MAX_FIELD_CHARS: usize = 1024;

    /// Longest card holder name, in characters (`card.holder_name` beyond).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::validate::MAX_HOLDER_CHARS, 100);
    /// ```
    pub const MAX_HOLDER_CHARS: usize = 100;

    /// Longest address line, city or region, in characters (`address.format` beyond).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::validate::MAX_ADDRESS_CHARS, 200);
    /// ```
    pub const MAX_ADDRESS_CHARS: usize = 200;

    /// Longest postal code considered, in characters (the longest format has 12).
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::validate::MAX_POSTAL_CODE_CHARS, 16);
    /// ```
    pub const MAX_POSTAL_CODE_CHARS: usize = 16;

    /// How many years after `as_of`'s year an expiry may lie: card-validator's default
    /// (`expirationYear`, `maxElapsedYear = 19`); beyond is `card.expiry_too_far`.
    ///
    /// ```
    /// assert_eq!(lockstep_core::limits::validate::MAX_YEARS_AHEAD, 19);
    /// ```
    pub const MAX_YEARS_AHEAD: u16 = 19;
}
