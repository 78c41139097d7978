//! Validation findings: what `validate` reports in its response (not envelope errors).

use serde::Serialize;

crate::error::wire_codes! {
    /// Stable dotted finding codes (listed in `docs/validation.md`).
    ///
    /// ```
    /// use lockstep_core::validate::FindingCode;
    /// assert_eq!(FindingCode::CardLuhn.as_str(), "card.luhn");
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[non_exhaustive]
    pub enum FindingCode in "lockstep_core::validate" {
        /// The card number has characters other than digits (after removing spaces and dashes), or is empty.
        CardFormat = "card.format",
        /// The card number fails the Luhn (mod 10) check.
        CardLuhn = "card.luhn",
        /// The card number's length is not one its brand issues (or is outside 12–19).
        CardLength = "card.length",
        /// No known brand has an IIN range that matches the number.
        CardBrandUnknown = "card.brand_unknown",
        /// The expiry month is not 1–12 (one or two digits).
        CardExpMonth = "card.exp_month",
        /// The expiry year is not two or four digits.
        CardExpYear = "card.exp_year",
        /// The card expired before `as_of` (in partial mode: whatever the unfinished expiry
        /// becomes, it is before `as_of`).
        CardExpired = "card.expired",
        /// The expiry is more than 19 years after `as_of`'s year (card-validator's limit).
        CardExpiryTooFar = "card.expiry_too_far",
        /// The security code has characters other than digits.
        CardCvcFormat = "card.cvc_format",
        /// The security code's length does not match the brand (3, or 4 for Amex).
        CardCvcLength = "card.cvc_length",
        /// The holder name is empty, too long, or has control characters, emoji or invisible
        /// characters.
        CardHolderName = "card.holder_name",
        /// The holder name holds what could be a card number: a run of 12 or more digits, or
        /// a Luhn-valid sequence of 12 or more once separators are removed. Not echoed.
        CardHolderNameCardNumber = "card.holder_name_card_number",
        /// The IBAN has characters other than A–Z and 0–9, or does not follow its country's BBAN structure.
        IbanFormat = "iban.format",
        /// The IBAN's country code is not in the SWIFT IBAN registry.
        IbanCountry = "iban.country",
        /// The IBAN's length is not its country's.
        IbanLength = "iban.length",
        /// The IBAN fails the ISO 7064 mod 97-10 check.
        IbanChecksum = "iban.checksum",
        /// The BIC is not 8 or 11 characters.
        BicLength = "bic.length",
        /// The BIC does not follow ISO 9362 (4 letters, 2 letters, 2 and optionally 3 letters or digits).
        BicFormat = "bic.format",
        /// The BIC's country is not an ISO 3166-1 alpha-2 code.
        BicCountry = "bic.country",
        /// The BIC's country does not match the IBAN's.
        BicCountryMismatch = "bic.country_mismatch",
        /// The email address does not follow the accepted syntax.
        EmailFormat = "email.format",
        /// The email address is longer than 254 bytes, or its local part than 64.
        EmailLength = "email.length",
        /// The email address holds what could be a card number (as for the holder name).
        /// Not echoed.
        EmailCardNumber = "email.card_number",
        /// The phone number is not `+` followed by digits.
        PhoneFormat = "phone.format",
        /// The phone number has fewer than 7 or more than 15 digits, or its national number
        /// has a length no region of its calling code uses.
        PhoneLength = "phone.length",
        /// The phone number does not start with an assigned country calling code.
        PhoneCallingCode = "phone.calling_code",
        /// The phone number's calling code is not the billing country's.
        PhoneCountryMismatch = "phone.country_mismatch",
        /// The country is not an ISO 3166-1 alpha-2 code.
        CountryUnknown = "country.unknown",
        /// The postal code does not match its country's format.
        PostalCodeFormat = "postal_code.format",
        /// The postal code is not one of the billing address's region (state, province).
        PostalCodeRegion = "postal_code.region",
        /// The postal code holds what could be a card number (as for the holder name). Not
        /// echoed.
        PostalCodeCardNumber = "postal_code.card_number",
        /// An address line, city or region is empty, too long, or has control characters,
        /// emoji or invisible characters.
        AddressFormat = "address.format",
        /// An address line, city or region holds what could be a card number (as for the
        /// holder name). Not echoed.
        AddressCardNumber = "address.card_number",
        /// The currency is not an accepted ISO 4217 code.
        CurrencyUnknown = "currency.unknown",
        /// The amount is not a plain decimal string.
        AmountFormat = "amount.format",
        /// The amount has more decimals than the currency's minor units.
        AmountMinorUnits = "amount.minor_units",
        /// The amount is negative.
        AmountNegative = "amount.negative",
        /// The VAT number's prefix is not an EU member state's, nor GB, XI, EU or IM; or it is
        /// a single letter that starts none of them.
        VatCountry = "vat.country",
        /// The VAT number does not follow its member state's (or the UK's, or the One Stop
        /// Shop's) format.
        VatFormat = "vat.format",
        /// The VAT number fails its member state's (or the UK's) check-digit algorithm.
        VatChecksum = "vat.checksum",
    }
}

/// One problem found in the validated data, located by a JSON Pointer into the request.
///
/// Messages never repeat a card number or a security code.
///
/// ```
/// use lockstep_core::validate::{validate, FindingCode, ValidateRequest};
/// let r = validate(ValidateRequest { iban: Some("GB83 WEST 1234 5698 7654 32".into()), ..Default::default() })?;
/// let f = &r.errors[0];
/// assert_eq!((f.path.as_str(), f.code), ("/iban", FindingCode::IbanChecksum));
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
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
