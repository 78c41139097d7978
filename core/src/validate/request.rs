//! The `validate` request: every member optional, every value a string.

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

/// How strictly to judge incomplete input.
///
/// ```
/// use lockstep_core::validate::Mode;
/// assert_eq!(Mode::default(), Mode::Complete);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Mode {
    /// The values are final: anything short or incomplete is an error (default).
    #[default]
    Complete,
    /// The user is still typing: a prefix that can still become valid is not an error.
    Partial,
}

/// The `validate` request. Every member is optional; absent members are not checked.
///
/// ```
/// use lockstep_core::validate::ValidateRequest;
/// let r: ValidateRequest = serde_json::from_str(r#"{"iban":"DE89 3704 0044 0532 0130 00"}"#).unwrap();
/// assert!(r.card.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValidateRequest {
    /// The current year and month, `"YYYY-MM"`: the only clock, used for card expiry.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub as_of: Option<SmolStr>,
    /// `complete` (default) or `partial`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub mode: Option<Mode>,
    /// A payment card.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub card: Option<CardInput>,
    /// An IBAN, with or without spaces.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub iban: Option<SmolStr>,
    /// A BIC (SWIFT code), 8 or 11 characters.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub bic: Option<SmolStr>,
    /// An email address.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub email: Option<SmolStr>,
    /// A phone number in international form (`+` and the country calling code).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub phone: Option<SmolStr>,
    /// A billing address.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    #[cfg_attr(feature = "schema", schemars(transform = crate::schema_compat::without_default))]
    pub billing_address: Option<AddressInput>,
    /// An amount, a decimal string (`"19.99"`); requires `currency`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub amount: Option<SmolStr>,
    /// An ISO 4217 currency code.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub currency: Option<SmolStr>,
    /// An EU VAT identification number, with its country prefix (`DE136695976`).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub vat_id: Option<SmolStr>,
}

/// A payment card as typed. All members are strings (`"07"`, not `7`).
///
/// ```
/// use lockstep_core::validate::CardInput;
/// let c: CardInput = serde_json::from_str(r#"{"number":"4111 1111 1111 1111","cvc":"123"}"#).unwrap();
/// assert_eq!(c.exp_month, None);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CardInput {
    /// The card number (PAN); spaces and dashes are removed. Never echoed.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub number: Option<SmolStr>,
    /// Expiry month, `"1"`–`"12"` or `"01"`–`"12"`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub exp_month: Option<SmolStr>,
    /// Expiry year, `"27"` or `"2027"`.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub exp_year: Option<SmolStr>,
    /// The security code (CVC/CVV/CID). Never echoed.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub cvc: Option<SmolStr>,
    /// The cardholder's name.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub holder_name: Option<SmolStr>,
}

impl core::fmt::Debug for CardInput {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CardInput")
            .field("number", &self.number.as_ref().map(|_| "<redacted>"))
            .field("exp_month", &self.exp_month)
            .field("exp_year", &self.exp_year)
            .field("cvc", &self.cvc.as_ref().map(|_| "<redacted>"))
            .field("holder_name", &self.holder_name)
            .finish()
    }
}

/// A billing address.
///
/// ```
/// use lockstep_core::validate::AddressInput;
/// let a: AddressInput = serde_json::from_str(r#"{"country":"gb","postal_code":"sw1a 1aa"}"#).unwrap();
/// assert_eq!(a.city, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    /// ISO 3166-1 alpha-2 country code (case-insensitive).
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub country: Option<SmolStr>,
    /// Postal code, checked against the country's format when the country is known.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub postal_code: Option<SmolStr>,
    /// First address line.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub line1: Option<SmolStr>,
    /// City or town.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub city: Option<SmolStr>,
    /// State, province or other subdivision: its ISO 3166-2 code with or without the
    /// country (`"CA"`, `"US-CA"`) or the key of Google's address data. When the
    /// country's data lists postal code prefixes per subdivision, the postal code is
    /// checked against it; other values (full names) are returned but not judged.
    #[serde(default)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(!skip_serializing_if))] // keep `default`
    pub region: Option<SmolStr>,
}
