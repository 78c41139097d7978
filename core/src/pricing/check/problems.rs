//! The error collector of `quote`'s checks: every problem with its JSON Pointer, up to
//! [`MAX_DETAILS`] of them, the message naming the count and the first.

use crate::codec::pointer::Pointer;
use crate::error::{Detail, Error, ErrorCode};
use crate::limits::MAX_DETAILS;

#[derive(Default)]
pub(crate) struct Problems {
    details: Vec<Detail>,
    pub(super) count: usize,
}

impl Problems {
    pub(super) fn add(&mut self, path: &Pointer<'_>, code: ErrorCode, message: impl Into<String>) {
        self.count += 1;
        if self.details.len() < MAX_DETAILS {
            self.details
                .push(Detail::new(path.to_string(), code, message));
        }
    }

    pub(super) fn into_error(self) -> Error {
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

/// The `arithmetic_overflow` error at `path`.
pub(crate) fn overflow(path: &str) -> Error {
    let message = "an amount computed from this member leaves the exact decimal range";
    Error {
        code: ErrorCode::ArithmeticOverflow,
        message: at(message, path),
        details: vec![Detail::new(path, ErrorCode::ArithmeticOverflow, message)],
    }
}
