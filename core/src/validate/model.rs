//! The checked validate request: what [`ValidateRequest`] becomes once the request's
//! own checks have passed (the seam between the wire and the domain, as
//! [`pricing::model`](crate::pricing::model) is for `quote`). Validating
//! [`PaymentDetails`] cannot fail: every problem with a value is a finding.
//!
//! ```
//! use lockstep_core::validate::{model::PaymentDetails, ValidateRequest};
//! let mut request = ValidateRequest::default();
//! request.iban = Some("GB82 WEST 1234 5698 7654 32".into());
//! let details = PaymentDetails::try_from(request)?;
//! assert!(details.validate().valid);
//! # Ok::<(), lockstep_core::error::Error>(())
//! ```

use crate::error::Error;

use super::request::{Mode, ValidateRequest};
use super::response::ValidateResponse;
use super::{YearMonth, answer, check_request};

/// Payment details whose request passed its checks: no member over
/// [`MAX_FIELD_CHARS`](super::MAX_FIELD_CHARS), `as_of` a year and month, no `amount`
/// without `currency`.
///
/// ```
/// use lockstep_core::validate::{model::PaymentDetails, Mode, ValidateRequest};
/// let request: ValidateRequest = serde_json::from_str(r#"{"mode":"partial","as_of":"2026-12"}"#)?;
/// let details = PaymentDetails::try_from(request)?;
/// assert_eq!((details.mode(), details.as_of()), (Mode::Partial, Some((2026, 12))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct PaymentDetails {
    request: ValidateRequest,
    as_of: Option<YearMonth>,
}

impl TryFrom<ValidateRequest> for PaymentDetails {
    type Error = Error;

    /// Runs the request's checks, stopping at the first problem: the error the wire
    /// answers.
    ///
    /// ```
    /// use lockstep_core::validate::{model::PaymentDetails, ValidateRequest};
    /// let mut request = ValidateRequest::default();
    /// request.amount = Some("10".into());
    /// let e = PaymentDetails::try_from(request).unwrap_err();
    /// assert_eq!((e.code.as_str(), e.details[0].path.as_str()), ("missing_field", "/currency"));
    /// ```
    fn try_from(request: ValidateRequest) -> Result<Self, Error> {
        let as_of = check_request(&request)?;
        Ok(PaymentDetails { request, as_of })
    }
}

impl PaymentDetails {
    /// Validates and sanitizes every member: the answer of `validate`.
    ///
    /// ```
    /// use lockstep_core::validate::{model::PaymentDetails, ValidateRequest};
    /// let mut request = ValidateRequest::default();
    /// request.email = Some("ann@example".into());
    /// let answer = PaymentDetails::try_from(request)?.validate();
    /// assert_eq!(answer.errors[0].path, "/email");
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn validate(&self) -> ValidateResponse {
        answer(&self.request, self.as_of)
    }

    /// `complete` (the default) or `partial`.
    ///
    /// ```
    /// use lockstep_core::validate::{model::PaymentDetails, Mode, ValidateRequest};
    /// let details = PaymentDetails::try_from(ValidateRequest::default())?;
    /// assert_eq!(details.mode(), Mode::Complete);
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn mode(&self) -> Mode {
        self.request.mode.unwrap_or_default()
    }

    /// `as_of` as (year, month), if the request has it.
    ///
    /// ```
    /// use lockstep_core::validate::{model::PaymentDetails, ValidateRequest};
    /// let details = PaymentDetails::try_from(ValidateRequest::default())?;
    /// assert_eq!(details.as_of(), None);
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn as_of(&self) -> Option<(u16, u8)> {
        self.as_of.map(|m| (m.year, m.month))
    }

    /// The request, as sent.
    ///
    /// ```
    /// use lockstep_core::validate::{model::PaymentDetails, ValidateRequest};
    /// let details = PaymentDetails::try_from(ValidateRequest::default())?;
    /// assert!(details.request().iban.is_none());
    /// # Ok::<(), lockstep_core::error::Error>(())
    /// ```
    pub fn request(&self) -> &ValidateRequest {
        &self.request
    }
}
