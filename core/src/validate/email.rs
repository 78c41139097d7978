//! Email addresses: a hand-written parser for the common `local@domain` form.
//!
//! * at most 254 bytes in all (RFC 5321 path limit less the angle brackets), local part
//!   at most 64 bytes;
//! * local part: RFC 5322 dot-atom, ASCII only (no quoted strings, no comments, no
//!   SMTPUTF8 local parts);
//! * domain: at least two dot-separated labels of 1–63 characters; ASCII labels are
//!   letters, digits and inner hyphens; Unicode labels (IDN, RFC 5890) are accepted as
//!   typed, any non-ASCII character except whitespace, controls, emoji and invisible
//!   characters (`sanitize::is_symbol_or_invisible`), and are not
//!   converted to Punycode; the top-level label is not all digits; no IP literals.

use super::finding::{FindingCode, Findings};
use super::request::Mode;

const MAX_TOTAL: usize = 254;
const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;

/// Sanitizes an address: trimmed; the domain lower-cased (ASCII letters) and
/// NFC-normalized; the local part unchanged (it may be case-sensitive).
///
/// ```
/// assert_eq!(lockstep_core::validate::sanitize_email(" Ann@Example.COM "), "Ann@example.com");
/// ```
pub fn sanitize_email(raw: &str) -> String {
    let s = raw.trim();
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            let domain: String = crate::nfc::nfc(domain).to_ascii_lowercase();
            let mut out = String::with_capacity(local.len() + 1 + domain.len());
            out.push_str(local);
            out.push('@');
            out.push_str(&domain);
            out
        }
        None => s.to_owned(),
    }
}

/// Whether a sanitized address is acceptable (see the module rules).
///
/// ```
/// use lockstep_core::validate::email_valid;
/// assert!(email_valid("ann.lee+tag@example.com"));
/// assert!(email_valid("ann@bücher.de"));
/// assert!(!email_valid("ann..lee@example.com"));
/// assert!(!email_valid("ann@localhost"));
/// ```
pub fn email_valid(email: &str) -> bool {
    let mut findings = Findings::default();
    check(email, Mode::Complete, &mut findings);
    findings.0.is_empty()
}

enum Problem {
    /// Cannot be fixed by typing more.
    Fatal(&'static str),
    /// May go away with more characters.
    Incomplete(&'static str),
}

fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn local_problem(local: &str) -> Option<Problem> {
    if local.is_empty() {
        return Some(Problem::Fatal("the part before @ is empty"));
    }
    if !local.bytes().all(|b| is_atext(b) || b == b'.') {
        return Some(Problem::Fatal(
            "the part before @ may contain only ASCII letters, digits, dots and !#$%&'*+/=?^_`{|}~-",
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Some(Problem::Fatal(
            "the part before @ cannot start or end with a dot or have two dots in a row",
        ));
    }
    None
}

fn domain_problem(domain: &str) -> Option<Problem> {
    if domain.is_empty() {
        return Some(Problem::Incomplete("the domain is missing"));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let last = labels.len() - 1;
    for (i, label) in labels.iter().enumerate() {
        if label.is_empty() {
            return Some(if i == last {
                Problem::Incomplete("the domain cannot end with a dot")
            } else {
                Problem::Fatal("the domain has an empty label")
            });
        }
        if label.chars().count() > MAX_LABEL {
            return Some(Problem::Fatal(
                "a domain label is longer than 63 characters",
            ));
        }
        let chars_ok = label.chars().all(|c| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric() || c == '-'
            } else {
                !c.is_whitespace() && !c.is_control() && !super::sanitize::is_symbol_or_invisible(c)
            }
        });
        if !chars_ok {
            return Some(Problem::Fatal(
                "domain labels contain only letters, digits and hyphens",
            ));
        }
        if label.starts_with('-') {
            return Some(Problem::Fatal("a domain label cannot start with a hyphen"));
        }
        if label.ends_with('-') {
            return Some(if i == last {
                Problem::Incomplete("a domain label cannot end with a hyphen")
            } else {
                Problem::Fatal("a domain label cannot end with a hyphen")
            });
        }
    }
    if labels.len() < 2 {
        return Some(Problem::Incomplete(
            "the domain needs at least two labels (example.com)",
        ));
    }
    if labels
        .last()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(Problem::Incomplete(
            "the top-level domain cannot be all digits",
        ));
    }
    None
}

/// Checks a sanitized address.
pub(super) fn check(email: &str, mode: Mode, findings: &mut Findings) {
    const PATH: &str = "/email";
    let partial = mode == Mode::Partial;
    if email.len() > MAX_TOTAL {
        findings.push(
            PATH,
            FindingCode::EmailLength,
            format!("an email address has at most {MAX_TOTAL} bytes"),
        );
    }
    let Some((local, domain)) = email.split_once('@') else {
        if !partial {
            findings.push(
                PATH,
                FindingCode::EmailFormat,
                "an email address needs an @",
            );
        } else if let Some(Problem::Fatal(m)) =
            local_problem(email.strip_suffix('.').unwrap_or(email)).filter(|_| !email.is_empty())
        {
            findings.push(PATH, FindingCode::EmailFormat, m);
        }
        return;
    };
    if domain.contains('@') {
        findings.push(
            PATH,
            FindingCode::EmailFormat,
            "an email address has exactly one @",
        );
        return;
    }
    if local.len() > MAX_LOCAL {
        findings.push(
            PATH,
            FindingCode::EmailLength,
            format!("the part before @ has at most {MAX_LOCAL} bytes"),
        );
    }
    let problem = local_problem(local).or_else(|| domain_problem(domain));
    match problem {
        Some(Problem::Fatal(m)) => findings.push(PATH, FindingCode::EmailFormat, m),
        Some(Problem::Incomplete(m)) if !partial => {
            findings.push(PATH, FindingCode::EmailFormat, m)
        }
        _ => {}
    }
}
