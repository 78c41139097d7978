//! The `validate` operation: sanitizes and checks payment details and reports every
//! problem at once. The rules, codes and data sources are in `docs/validation.md`.
//!
//! * cards: brand from IIN ranges, Luhn, length, security code, expiry against `as_of`;
//!   the number and the security code are never echoed (only brand, first six, last four);
//! * IBAN (every country of the SWIFT IBAN registry, mod 97-10, national check digits of
//!   38 countries) and BIC (ISO 9362);
//! * email (hand-written parser, IDN domains accepted as Unicode);
//! * phone (E.164, its country calling code, the possible national lengths, the billing
//!   country), country (ISO 3166-1 alpha-2), postal codes (181 countries);
//! * amount and currency (ISO 4217 minor units);
//! * EU VAT numbers with each member state's check digits; UK (`GB`, `XI`) and EU One
//!   Stop Shop (`EU`, `IM`) numbers.
//!
//! A malformed request (wrong JSON type, unknown member, a field over
//! [`MAX_FIELD_CHARS`], a bad `as_of`) is an [`Error`]; problems with the values are
//! [`Finding`]s in the response.
//!
//! ```
//! use lockstep_core::validate::{validate, CardInput, ValidateRequest};
//! let request: ValidateRequest = serde_json::from_str(
//!     r#"{"as_of":"2026-11","card":{"number":"4111 1111 1111 1112","exp_month":"10","exp_year":"2026","cvc":"123"}}"#,
//! ).unwrap();
//! let response = validate(request)?;
//! assert!(!response.valid);
//! let codes: Vec<_> = response.errors.iter().map(|e| e.code.as_str()).collect();
//! assert_eq!(codes, ["card.luhn", "card.expired"]);
//! assert!(!lockstep_core::wire::to_json(&response).contains("4111111111111112"));
//! # Ok::<(), lockstep_core::error::Error>(())
//! ```

mod amount;
mod bic;
mod card;
mod card_table;
mod country;
mod country_table;
mod email;
mod expiry;
mod finding;
mod iban;
mod iban_national;
mod iban_table;
pub mod model;
mod phone;
mod phone_table;
mod postal;
mod postal_region;
mod postal_region_table;
mod postal_table;
mod request;
mod response;
mod sanitize;
mod vat;
mod vat_gb;

#[cfg(test)]
mod tests;

pub use bic::bic_format_valid;
pub use card::{Brand, detect_brand, luhn_valid};
pub use card_table::CARD_DATA_VERSION;
pub use country::{country_count, is_country};
pub use country_table::COUNTRY_DATA_VERSION;
pub use email::{email_valid, sanitize_email};
pub use finding::{Finding, FindingCode};
pub use iban::{iban_checksum_valid, iban_country_count};
pub use iban_table::IBAN_DATA_VERSION;
pub use postal::{POSTAL_DATA_VERSION, check_postal_code, postal_country_count};
pub use request::{AddressInput, CardInput, Mode, ValidateRequest};
pub use response::{
    CardSummary, IbanSummary, PhoneSummary, Sanitized, SanitizedAddress, SanitizedCard,
    ValidateResponse,
};
pub use vat::{vat_country_count, vat_valid};

use crate::codec::pointer::ROOT;
use crate::error::{Error, ErrorCode};
use crate::problems::Problems;
use finding::Findings;

use crate::limits::validate::MAX_ADDRESS_CHARS;
pub use crate::limits::validate::MAX_FIELD_CHARS;

/// A calendar month, from `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct YearMonth {
    pub(crate) year: u16,
    pub(crate) month: u8,
}

/// Parses `"YYYY-MM"` (month 01–12).
fn parse_as_of(s: &str) -> Result<YearMonth, Error> {
    let bad = || {
        Problems::first(
            ROOT.key("as_of"),
            ErrorCode::InvalidValue,
            "as_of must be a year and month, \"YYYY-MM\"",
        )
    };
    let b = s.as_bytes();
    if b.len() != 7 || b.get(4) != Some(&b'-') {
        return Err(bad());
    }
    let digits = |r: core::ops::Range<usize>| {
        s.get(r)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<u16>().ok())
    };
    let (Some(year), Some(month)) = (digits(0..4), digits(5..7)) else {
        return Err(bad());
    };
    match u8::try_from(month) {
        Ok(month) if (1..=12).contains(&month) => Ok(YearMonth { year, month }),
        _ => Err(bad()),
    }
}

/// Refuses string members over [`MAX_FIELD_CHARS`], naming the first one.
fn check_limits(r: &ValidateRequest) -> Result<(), Error> {
    let card = r.card.as_ref();
    let address = r.billing_address.as_ref();
    let fields: [(&str, Option<&smol_str::SmolStr>); 16] = [
        ("/as_of", r.as_of.as_ref()),
        ("/card/number", card.and_then(|c| c.number.as_ref())),
        ("/card/exp_month", card.and_then(|c| c.exp_month.as_ref())),
        ("/card/exp_year", card.and_then(|c| c.exp_year.as_ref())),
        ("/card/cvc", card.and_then(|c| c.cvc.as_ref())),
        (
            "/card/holder_name",
            card.and_then(|c| c.holder_name.as_ref()),
        ),
        ("/iban", r.iban.as_ref()),
        ("/bic", r.bic.as_ref()),
        ("/email", r.email.as_ref()),
        ("/phone", r.phone.as_ref()),
        (
            "/billing_address/country",
            address.and_then(|a| a.country.as_ref()),
        ),
        (
            "/billing_address/postal_code",
            address.and_then(|a| a.postal_code.as_ref()),
        ),
        (
            "/billing_address/line1",
            address.and_then(|a| a.line1.as_ref()),
        ),
        (
            "/billing_address/city",
            address.and_then(|a| a.city.as_ref()),
        ),
        (
            "/billing_address/region",
            address.and_then(|a| a.region.as_ref()),
        ),
        ("/vat_id", r.vat_id.as_ref()),
    ];
    let extra = [
        ("/amount", r.amount.as_ref()),
        ("/currency", r.currency.as_ref()),
    ];
    for (path, value) in fields.into_iter().chain(extra) {
        if value.is_some_and(|v| v.chars().count() > MAX_FIELD_CHARS) {
            return Err(Problems::first(
                path,
                ErrorCode::StringTooLong,
                format!("string is longer than {MAX_FIELD_CHARS} characters"),
            ));
        }
    }
    Ok(())
}

/// Validates and sanitizes payment details. `Err` only for a malformed request; every
/// problem with the values is a [`Finding`] in the response, and `valid` is true only
/// when there are none.
///
/// ```
/// use lockstep_core::validate::{validate, ValidateRequest, Mode};
/// let r = validate(ValidateRequest {
///     mode: Some(Mode::Partial),
///     iban: Some("DE89 3704".into()),
///     email: Some("ann@exa".into()),
///     ..Default::default()
/// })?;
/// assert!(r.valid);
/// # Ok::<(), lockstep_core::error::Error>(())
/// ```
pub fn validate(request: ValidateRequest) -> Result<ValidateResponse, Error> {
    Ok(model::PaymentDetails::try_from(request)?.validate())
}

/// The request's own checks (member lengths, `as_of`, `amount` without `currency`),
/// stopping at the first: [`model::PaymentDetails::try_from`].
pub(crate) fn check_request(request: &ValidateRequest) -> Result<Option<YearMonth>, Error> {
    check_limits(request)?;
    let as_of = request.as_of.as_deref().map(parse_as_of).transpose()?;
    if request.amount.is_some() && request.currency.is_none() {
        return Err(Problems::first(
            ROOT.key("currency"),
            ErrorCode::MissingField,
            "missing field `currency`: an amount needs its currency",
        ));
    }
    Ok(as_of)
}

/// The answer (every finding) of a checked request: [`model::PaymentDetails::validate`].
pub(crate) fn answer(request: &ValidateRequest, as_of: Option<YearMonth>) -> ValidateResponse {
    let mode = request.mode.unwrap_or_default();
    let mut findings = Findings::default();
    let mut sanitized = Sanitized::default();

    let card_summary = request.card.as_ref().and_then(|c| {
        let (s, summary) = card::check(c, mode, as_of, &mut findings);
        sanitized.card = Some(s);
        summary
    });

    let iban_summary = request.iban.as_deref().and_then(|raw| {
        let iban = sanitize::compact_upper(raw);
        let before = findings.0.len();
        let summary = iban::check(&iban, mode, &mut findings);
        sanitized.iban = echo(iban, &findings, before);
        summary
    });

    if let Some(raw) = &request.bic {
        let value = sanitize::compact_upper(raw);
        let before = findings.0.len();
        if let Some(bic_country) = bic::check(&value, mode, &mut findings)
            && let Some(iban) = &iban_summary
            && !bic::countries_match(&bic_country, &iban.country)
        {
            findings.push(
                "/bic",
                FindingCode::BicCountryMismatch,
                format!(
                    "the BIC's country {bic_country} does not match the IBAN's country {}",
                    iban.country
                ),
            );
        }
        sanitized.bic = echo(value, &findings, before);
    }

    if let Some(raw) = &request.email {
        let value = sanitize_email(raw);
        if sanitize::holds_card_number(&value) {
            findings.push(
                "/email",
                FindingCode::EmailCardNumber,
                "the email address holds what could be a card number (12 or more digits)",
            );
        } else {
            email::check(&value, mode, &mut findings);
            sanitized.email = Some(value);
        }
    }

    let billing_country = request
        .billing_address
        .as_ref()
        .and_then(|a| a.country.as_deref())
        .map(sanitize::code)
        .filter(|c| is_country(c));
    let phone_summary = request.phone.as_deref().and_then(|raw| {
        let value = sanitize::phone(raw);
        let before = findings.0.len();
        let summary = phone::check(&value, mode, billing_country.as_deref(), &mut findings);
        sanitized.phone = echo(value, &findings, before);
        summary
    });

    if let Some(address) = &request.billing_address {
        sanitized.billing_address = Some(check_address(address, mode, &mut findings));
    }

    let currency = request.currency.as_deref().and_then(|raw| {
        let code = sanitize::code(raw);
        let before = findings.0.len();
        let found = amount::check_currency(&code, &mut findings);
        sanitized.currency = echo(code, &findings, before);
        found
    });
    if let Some(raw) = &request.amount {
        let trimmed = raw.trim();
        let before = findings.0.len();
        let value = amount::check_amount(trimmed, currency, mode, &mut findings)
            .unwrap_or_else(|| trimmed.to_owned());
        sanitized.amount = echo(value, &findings, before);
    }

    if let Some(raw) = &request.vat_id {
        let value = sanitize::vat(raw);
        let before = findings.0.len();
        vat::check(&value, mode, &mut findings);
        sanitized.vat_id = echo(value, &findings, before);
    }

    let errors = findings.0;
    ValidateResponse {
        valid: errors.is_empty(),
        errors,
        sanitized,
        card: card_summary,
        iban: iban_summary,
        phone: phone_summary,
    }
}

/// The sanitized value of a structured member (IBAN, BIC, phone, currency, amount, VAT
/// id), or `None` when its checks (the findings after `before`) refused it and it holds
/// what could be a card number: a valid value is what it is and comes back; an invalid
/// one may be a card number typed into the wrong field, and never comes back.
fn echo(value: String, findings: &Findings, before: usize) -> Option<String> {
    (findings.0.len() == before || !sanitize::holds_card_number(&value)).then_some(value)
}

/// `true` to go on checking a free-text member; `false` (and a finding) when it holds
/// what could be a card number, which is then not echoed either.
fn refuse_card_number(raw: &str, path: &str, code: FindingCode, findings: &mut Findings) -> bool {
    if !sanitize::holds_card_number(raw) {
        return true;
    }
    findings.push(
        path,
        code,
        "the value holds what could be a card number (12 or more digits)",
    );
    false
}

fn check_address(address: &AddressInput, mode: Mode, findings: &mut Findings) -> SanitizedAddress {
    let partial = mode == Mode::Partial;
    let mut out = SanitizedAddress::default();
    let mut known_country = None;
    if let Some(raw) = &address.country {
        let code = sanitize::code(raw);
        let ok = if partial && code.len() < 2 {
            country::is_country_prefix(&code)
        } else {
            is_country(&code)
        };
        if !ok {
            findings.push(
                "/billing_address/country",
                FindingCode::CountryUnknown,
                "country must be an ISO 3166-1 alpha-2 code such as \"DE\"",
            );
        } else if code.len() == 2 {
            known_country = Some(code.clone());
        }
        // The echo rule of the other structured members (`echo`): a refused country
        // that could be a card number does not come back.
        out.country = (ok || !sanitize::holds_card_number(&code)).then_some(code);
    }
    if let Some(raw) = address.postal_code.as_ref().filter(|raw| {
        refuse_card_number(
            raw,
            "/billing_address/postal_code",
            FindingCode::PostalCodeCardNumber,
            findings,
        )
    }) {
        let code = sanitize::postal(raw);
        let mut value = code.clone();
        if let Some(country) = &known_country {
            let ok = if partial {
                postal::is_prefix(country, &code)
            } else {
                match check_postal_code(country, &code) {
                    Ok(canonical) => {
                        if let Some(c) = canonical {
                            value = c;
                        }
                        true
                    }
                    Err(()) => false,
                }
            };
            if !ok {
                findings.push(
                    "/billing_address/postal_code",
                    FindingCode::PostalCodeFormat,
                    format!(
                        "a {country} postal code looks like {}",
                        postal::describe(country)
                    ),
                );
            } else if let Some(region) = address
                .region
                .as_ref()
                .filter(|r| !sanitize::holds_card_number(r))
                && let Err(message) =
                    postal_region::check(country, &sanitize::text(region), &value, partial)
            {
                findings.push(
                    "/billing_address/postal_code",
                    FindingCode::PostalCodeRegion,
                    message,
                );
            }
        }
        out.postal_code = Some(value);
    }
    for (path, raw, slot) in [
        ("/billing_address/line1", &address.line1, &mut out.line1),
        ("/billing_address/city", &address.city, &mut out.city),
        ("/billing_address/region", &address.region, &mut out.region),
    ] {
        if let Some(raw) = raw
            .as_ref()
            .filter(|raw| refuse_card_number(raw, path, FindingCode::AddressCardNumber, findings))
        {
            let value = sanitize::text(raw);
            if !(sanitize::is_clean_text(&value, MAX_ADDRESS_CHARS) || partial && value.is_empty())
            {
                findings.push(
                    path,
                    FindingCode::AddressFormat,
                    format!(
                        "must be 1 to {MAX_ADDRESS_CHARS} characters without control characters, emoji or invisible characters"
                    ),
                );
            }
            *slot = Some(value);
        }
    }
    out
}
