//! Validation findings: what `validate` reports in its response (not envelope errors).

use serde::Serialize;

/// Stable dotted finding codes (listed in `docs/validation.md`).
///
/// ```
/// use lockstep_core::validate::FindingCode;
/// assert_eq!(FindingCode::CardLuhn.as_str(), "card.luhn");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum FindingCode {
    /// The card number has characters other than digits (after removing spaces and dashes), or is empty.
    #[serde(rename = "card.format")]
    CardFormat,
    /// The card number fails the Luhn (mod 10) check.
    #[serde(rename = "card.luhn")]
    CardLuhn,
    /// The card number's length is not one its brand issues (or is outside 12–19).
    #[serde(rename = "card.length")]
    CardLength,
    /// No known brand has an IIN range that matches the number.
    #[serde(rename = "card.brand_unknown")]
    CardBrandUnknown,
    /// The expiry month is not 1–12 (one or two digits).
    #[serde(rename = "card.exp_month")]
    CardExpMonth,
    /// The expiry year is not two or four digits.
    #[serde(rename = "card.exp_year")]
    CardExpYear,
    /// The card expired before `as_of` (in partial mode: whatever the unfinished expiry
    /// becomes, it is before `as_of`).
    #[serde(rename = "card.expired")]
    CardExpired,
    /// The expiry is more than 19 years after `as_of`'s year (card-validator's limit).
    #[serde(rename = "card.expiry_too_far")]
    CardExpiryTooFar,
    /// The security code has characters other than digits.
    #[serde(rename = "card.cvc_format")]
    CardCvcFormat,
    /// The security code's length does not match the brand (3, or 4 for Amex).
    #[serde(rename = "card.cvc_length")]
    CardCvcLength,
    /// The holder name is empty, too long, or has control characters, emoji or invisible
    /// characters.
    #[serde(rename = "card.holder_name")]
    CardHolderName,
    /// The holder name holds what could be a card number: a run of 12 or more digits, or
    /// a Luhn-valid sequence of 12 or more once separators are removed. Not echoed.
    #[serde(rename = "card.holder_name_card_number")]
    CardHolderNameCardNumber,
    /// The IBAN has characters other than A–Z and 0–9, or does not follow its country's BBAN structure.
    #[serde(rename = "iban.format")]
    IbanFormat,
    /// The IBAN's country code is not in the SWIFT IBAN registry.
    #[serde(rename = "iban.country")]
    IbanCountry,
    /// The IBAN's length is not its country's.
    #[serde(rename = "iban.length")]
    IbanLength,
    /// The IBAN fails the ISO 7064 mod 97-10 check.
    #[serde(rename = "iban.checksum")]
    IbanChecksum,
    /// The BIC is not 8 or 11 characters.
    #[serde(rename = "bic.length")]
    BicLength,
    /// The BIC does not follow ISO 9362 (4 letters, 2 letters, 2 and optionally 3 letters or digits).
    #[serde(rename = "bic.format")]
    BicFormat,
    /// The BIC's country is not an ISO 3166-1 alpha-2 code.
    #[serde(rename = "bic.country")]
    BicCountry,
    /// The BIC's country does not match the IBAN's.
    #[serde(rename = "bic.country_mismatch")]
    BicCountryMismatch,
    /// The email address does not follow the accepted syntax.
    #[serde(rename = "email.format")]
    EmailFormat,
    /// The email address is longer than 254 bytes, or its local part than 64.
    #[serde(rename = "email.length")]
    EmailLength,
    /// The email address holds what could be a card number (as for the holder name).
    /// Not echoed.
    #[serde(rename = "email.card_number")]
    EmailCardNumber,
    /// The phone number is not `+` followed by digits.
    #[serde(rename = "phone.format")]
    PhoneFormat,
    /// The phone number has fewer than 7 or more than 15 digits, or its national number
    /// has a length no region of its calling code uses.
    #[serde(rename = "phone.length")]
    PhoneLength,
    /// The phone number does not start with an assigned country calling code.
    #[serde(rename = "phone.calling_code")]
    PhoneCallingCode,
    /// The phone number's calling code is not the billing country's.
    #[serde(rename = "phone.country_mismatch")]
    PhoneCountryMismatch,
    /// The country is not an ISO 3166-1 alpha-2 code.
    #[serde(rename = "country.unknown")]
    CountryUnknown,
    /// The postal code does not match its country's format.
    #[serde(rename = "postal_code.format")]
    PostalCodeFormat,
    /// The postal code is not one of the billing address's region (state, province).
    #[serde(rename = "postal_code.region")]
    PostalCodeRegion,
    /// The postal code holds what could be a card number (as for the holder name). Not
    /// echoed.
    #[serde(rename = "postal_code.card_number")]
    PostalCodeCardNumber,
    /// An address line, city or region is empty, too long, or has control characters,
    /// emoji or invisible characters.
    #[serde(rename = "address.format")]
    AddressFormat,
    /// An address line, city or region holds what could be a card number (as for the
    /// holder name). Not echoed.
    #[serde(rename = "address.card_number")]
    AddressCardNumber,
    /// The currency is not an accepted ISO 4217 code.
    #[serde(rename = "currency.unknown")]
    CurrencyUnknown,
    /// The amount is not a plain decimal string.
    #[serde(rename = "amount.format")]
    AmountFormat,
    /// The amount has more decimals than the currency's minor units.
    #[serde(rename = "amount.minor_units")]
    AmountMinorUnits,
    /// The amount is negative.
    #[serde(rename = "amount.negative")]
    AmountNegative,
    /// The VAT number's prefix is not an EU member state's, nor GB, XI, EU or IM; or it is
    /// a single letter that starts none of them.
    #[serde(rename = "vat.country")]
    VatCountry,
    /// The VAT number does not follow its member state's (or the UK's, or the One Stop
    /// Shop's) format.
    #[serde(rename = "vat.format")]
    VatFormat,
    /// The VAT number fails its member state's (or the UK's) check-digit algorithm.
    #[serde(rename = "vat.checksum")]
    VatChecksum,
}

impl FindingCode {
    /// The code as it appears on the wire.
    ///
    /// ```
    /// use lockstep_core::validate::FindingCode;
    /// assert_eq!(FindingCode::BicCountryMismatch.as_str(), "bic.country_mismatch");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::CardFormat => "card.format",
            FindingCode::CardLuhn => "card.luhn",
            FindingCode::CardLength => "card.length",
            FindingCode::CardBrandUnknown => "card.brand_unknown",
            FindingCode::CardExpMonth => "card.exp_month",
            FindingCode::CardExpYear => "card.exp_year",
            FindingCode::CardExpired => "card.expired",
            FindingCode::CardExpiryTooFar => "card.expiry_too_far",
            FindingCode::CardCvcFormat => "card.cvc_format",
            FindingCode::CardCvcLength => "card.cvc_length",
            FindingCode::CardHolderName => "card.holder_name",
            FindingCode::CardHolderNameCardNumber => "card.holder_name_card_number",
            FindingCode::IbanFormat => "iban.format",
            FindingCode::IbanCountry => "iban.country",
            FindingCode::IbanLength => "iban.length",
            FindingCode::IbanChecksum => "iban.checksum",
            FindingCode::BicLength => "bic.length",
            FindingCode::BicFormat => "bic.format",
            FindingCode::BicCountry => "bic.country",
            FindingCode::BicCountryMismatch => "bic.country_mismatch",
            FindingCode::EmailFormat => "email.format",
            FindingCode::EmailLength => "email.length",
            FindingCode::EmailCardNumber => "email.card_number",
            FindingCode::PhoneFormat => "phone.format",
            FindingCode::PhoneLength => "phone.length",
            FindingCode::PhoneCallingCode => "phone.calling_code",
            FindingCode::PhoneCountryMismatch => "phone.country_mismatch",
            FindingCode::CountryUnknown => "country.unknown",
            FindingCode::PostalCodeFormat => "postal_code.format",
            FindingCode::PostalCodeRegion => "postal_code.region",
            FindingCode::PostalCodeCardNumber => "postal_code.card_number",
            FindingCode::AddressFormat => "address.format",
            FindingCode::AddressCardNumber => "address.card_number",
            FindingCode::CurrencyUnknown => "currency.unknown",
            FindingCode::AmountFormat => "amount.format",
            FindingCode::AmountMinorUnits => "amount.minor_units",
            FindingCode::AmountNegative => "amount.negative",
            FindingCode::VatCountry => "vat.country",
            FindingCode::VatFormat => "vat.format",
            FindingCode::VatChecksum => "vat.checksum",
        }
    }
}

/// One problem found in the validated data, located by a JSON Pointer into the request.
///
/// Messages never repeat a card number or a security code.
///
/// ```
/// use lockstep_core::validate::{Finding, FindingCode};
/// let f = Finding { path: "/iban".into(), code: FindingCode::IbanChecksum, message: "x".into() };
/// assert_eq!(f.code.as_str(), "iban.checksum");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// JSON Pointer (RFC 6901) to the member of the request the finding is about.
    pub path: String,
    /// Stable dotted code.
    pub code: FindingCode,
    /// English explanation for people.
    pub message: String,
}

/// Collects findings in the order the checks run.
#[derive(Debug, Default)]
pub(super) struct Findings(pub(super) Vec<Finding>);

impl Findings {
    pub(super) fn push(&mut self, path: &str, code: FindingCode, message: impl Into<String>) {
        self.0.push(Finding {
            path: path.to_owned(),
            code,
            message: message.into(),
        });
    }
}
