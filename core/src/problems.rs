//! The one error collector of the domains' request checks, with the two policies of
//! `docs/wire-format.md` ("How many problems an error reports"):
//! - [`Problems::add`] … [`Problems::into_error`] collects every problem with its JSON
//!   Pointer, up to [`MAX_DETAILS`], the message naming the count and the first
//!   (`quote`, whose lines and promotions are independent of each other);
//! - [`Problems::first`] is the error of a check that stops at its first problem (the
//!   request's shape in `codec`, `score`'s dependent checks, `validate`'s few request
//!   errors): one detail, and the message as the detail's, without the path.
//!
//! ```
//! use lockstep_core::{codec::pointer::ROOT, error::ErrorCode, problems::Problems};
//! let mut p = Problems::default();
//! p.add(&ROOT.key("lines").index(0).key("quantity"), ErrorCode::InvalidValue, "must be above zero");
//! p.add(&ROOT.key("currency"), ErrorCode::UnknownCurrency, "not a currency");
//! let e = p.into_error();
//! assert_eq!(e.message, "2 problems in the request; the first: must be above zero at /lines/0/quantity");
//! let first = Problems::first(ROOT.key("rules"), ErrorCode::TooManyRules, "more than 100 rules");
//! assert_eq!((first.message.as_str(), first.details[0].path.as_str()), ("more than 100 rules", "/rules"));
//! ```

use core::fmt::Display;

use crate::codec::pointer::Pointer;
use crate::error::{Detail, Error, ErrorCode};
use crate::limits::MAX_DETAILS;

/// Every problem found so far (the details kept, up to [`MAX_DETAILS`]) and their count.
///
/// ```
/// use lockstep_core::problems::Problems;
/// assert!(Problems::default().is_empty());
/// ```
#[derive(Debug, Default)]
pub struct Problems {
    details: Vec<Detail>,
    count: usize,
}

impl Problems {
    /// The error of a check that stops at its first problem: one detail at `path` (a
    /// [`Pointer`], or a pointer already written out), and
    /// the detail's message as the error's.
    ///
    /// ```
    /// use lockstep_core::{codec::pointer::ROOT, error::ErrorCode, problems::Problems};
    /// let e = Problems::first(ROOT.key("thresholds"), ErrorCode::InvalidValue, "review must not be above decline");
    /// assert_eq!(e.details.len(), 1);
    /// ```
    pub fn first(path: impl Display, code: ErrorCode, message: impl Into<String>) -> Error {
        Error::at(code, path.to_string(), message)
    }

    /// Whether no problem was added.
    ///
    /// ```
    /// use lockstep_core::{codec::pointer::ROOT, error::ErrorCode, problems::Problems};
    /// let mut p = Problems::default();
    /// p.add(&ROOT, ErrorCode::InvalidValue, "x");
    /// assert!(!p.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Records a problem at `path` (the detail is kept while fewer than
    /// [`MAX_DETAILS`] are; the count goes on).
    ///
    /// ```
    /// use lockstep_core::{codec::pointer::ROOT, error::ErrorCode, problems::Problems};
    /// let mut p = Problems::default();
    /// for _ in 0..150 { p.add(&ROOT.key("a"), ErrorCode::InvalidValue, "x"); }
    /// let e = p.into_error();
    /// assert_eq!(e.details.len(), 100);
    /// assert!(e.message.starts_with("150 problems"));
    /// ```
    pub fn add(&mut self, path: &Pointer<'_>, code: ErrorCode, message: impl Into<String>) {
        self.count += 1;
        if self.details.len() < MAX_DETAILS {
            self.details
                .push(Detail::new(path.to_string(), code, message));
        }
    }

    /// The error: the first problem's code, a message naming the count and the first
    /// (with its path), and the details kept.
    ///
    /// ```
    /// use lockstep_core::{codec::pointer::ROOT, error::ErrorCode, problems::Problems};
    /// let mut p = Problems::default();
    /// p.add(&ROOT.key("as_of"), ErrorCode::InvalidValue, "not an RFC 3339 date-time");
    /// assert_eq!(p.into_error().message, "not an RFC 3339 date-time at /as_of");
    /// ```
    pub fn into_error(self) -> Error {
        let code = self.details.first().map_or(ErrorCode::Internal, |d| d.code);
        let message = match self.details.first() {
            Some(d) if self.count == 1 => at(&d.message, &d.path),
            Some(d) => format!(
                "{} problems in the request; the first: {}",
                self.count,
                at(&d.message, &d.path)
            ),
            None => "invalid request".to_owned(),
        };
        Error {
            code,
            message,
            details: self.details,
        }
    }
}

fn at(message: &str, path: &str) -> String {
    if path.is_empty() {
        message.to_owned()
    } else {
        format!("{message} at {path}")
    }
}

/// The `arithmetic_overflow` error at `path`, rendered only now (the engines carry the
/// pointer of the member they compute from, on the stack).
pub(crate) fn overflow_at(path: &Pointer<'_>) -> Error {
    overflow(&path.to_string())
}

/// The `arithmetic_overflow` error at `path` (a JSON Pointer, rendered).
pub(crate) fn overflow(path: &str) -> Error {
    let message = "an amount computed from this member leaves the exact decimal range";
    Error {
        code: ErrorCode::ArithmeticOverflow,
        message: at(message, path),
        details: vec![Detail::new(path, ErrorCode::ArithmeticOverflow, message)],
    }
}
