//! The `validate` response.

use serde::Serialize;

use super::card::Brand;
use super::finding::Finding;

/// The answer of `validate`.
///
/// ```
/// use lockstep_core::validate::{validate, ValidateRequest};
/// let r = validate(ValidateRequest { iban: Some("GB82 WEST 1234 5698 7654 32".into()), ..Default::default() })?;
/// assert!(r.valid);
/// assert_eq!(r.sanitized.iban.as_deref(), Some("GB82WEST12345698765432"));
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ValidateResponse {
    /// True only when `errors` is empty.
    pub valid: bool,
    /// Every problem found, in request order (card, iban, bic, email, phone, address, amount, vat).
    pub errors: Vec<Finding>,
    /// The sanitized values of the members that were sent (never the card number or CVC).
    pub sanitized: Sanitized,
    /// What can be shown about the card: brand, first six and last four digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<CardSummary>,
    /// Facts about the IBAN's country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iban: Option<IbanSummary>,
    /// The phone number's country calling code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneSummary>,
}

/// Sanitized values: trimmed, separators removed, upper-cased where the format is.
///
/// ```
/// let s = lockstep_core::validate::Sanitized::default();
/// assert!(s.iban.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Sanitized {
    /// Card fields other than the number and the CVC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<SanitizedCard>,
    /// IBAN in electronic form (no spaces, upper case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    /// BIC, upper case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bic: Option<String>,
    /// Email, trimmed, domain lower-cased (ASCII) and NFC-normalized.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone, `+` and digits only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Billing address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<SanitizedAddress>,
    /// Amount, at exactly the currency's minor units when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// Currency code, upper case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// VAT number, upper case, no spaces, dashes or dots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
}

/// Sanitized card fields: never the number or the CVC.
///
/// ```
/// let c = lockstep_core::validate::SanitizedCard::default();
/// assert!(c.exp_month.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SanitizedCard {
    /// Expiry month, two digits (`"07"`) when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp_month: Option<String>,
    /// Expiry year, four digits (`"2027"`) when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp_year: Option<String>,
    /// Holder name: trimmed, inner whitespace collapsed, Unicode NFC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_name: Option<String>,
}

/// Sanitized billing address.
///
/// ```
/// let a = lockstep_core::validate::SanitizedAddress::default();
/// assert!(a.country.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SanitizedAddress {
    /// Country code, upper case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code, upper case, inner whitespace collapsed to one space.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// First line: trimmed, whitespace collapsed, NFC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// City: trimmed, whitespace collapsed, NFC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Region (state, province): trimmed, whitespace collapsed, NFC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// What may be shown about a card (PCI DSS: at most the first six and last four digits).
///
/// ```
/// use lockstep_core::validate::{validate, CardInput, ValidateRequest};
/// let card = CardInput { number: Some("4111111111111111".into()), ..Default::default() };
/// let r = validate(ValidateRequest { card: Some(card), ..Default::default() })?;
/// let c = r.card.unwrap();
/// assert_eq!((c.first6.as_deref(), c.last4.as_deref()), (Some("411111"), Some("1111")));
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CardSummary {
    /// The brand, once the digits determine it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<Brand>,
    /// First six digits, only for numbers of 13 digits or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first6: Option<String>,
    /// Last four digits, only for numbers of 13 digits or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
}

/// Facts about a valid-looking IBAN's country.
///
/// ```
/// use lockstep_core::validate::{validate, ValidateRequest};
/// let r = validate(ValidateRequest { iban: Some("DE89370400440532013000".into()), ..Default::default() })?;
/// assert_eq!(r.iban.unwrap().country, "DE");
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct IbanSummary {
    /// Country code of the IBAN.
    pub country: String,
    /// Whether the country is in the SEPA zone (per the registry data).
    pub sepa: bool,
}

/// The phone number's country calling code.
///
/// ```
/// use lockstep_core::validate::{validate, ValidateRequest};
/// let r = validate(ValidateRequest { phone: Some("+44 20 7946 0958".into()), ..Default::default() })?;
/// assert_eq!(r.phone.unwrap().calling_code, "44");
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PhoneSummary {
    /// The calling code, digits only (`"44"`).
    pub calling_code: String,
    /// Regions sharing the code, main one first (`"001"` for non-geographic services).
    pub regions: Vec<String>,
}
