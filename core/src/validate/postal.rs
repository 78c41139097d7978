//! Postal codes: one format table, written by hand from the Universal Postal Union's
//! addressing pages (UPU "Postal addressing systems in member countries") and Google's
//! address metadata (libaddressinput `zip` patterns), simplified (see `docs/validation.md`).
//!
//! Pattern language: `#` a digit, `@` a letter A–Z, `*` a letter or digit, ` ` and `-`
//! a separator that the input may leave out (the sanitized value puts it back, either
//! separator is accepted), anything else itself; `|` separates alternatives, tried in
//! order.

/// `(country, patterns)`, sorted by country.
#[rustfmt::skip]
const POSTAL_FORMATS: &[(&str, &str)] = &[
    ("AD", "AD###"),
    ("AM", "####"),
    ("AR", "####|@####@@@"),
    ("AT", "####"),
    ("AU", "####"),
    ("AZ", "AZ ####|####"),
    ("BA", "#####"),
    ("BD", "####"),
    ("BE", "####"),
    ("BG", "####"),
    ("BR", "#####-###"),
    ("BY", "######"),
    ("CA", "@#@ #@#"),
    ("CH", "####"),
    ("CL", "#######"),
    ("CN", "######"),
    ("CO", "######"),
    ("CR", "#####"),
    ("CY", "####"),
    ("CZ", "### ##"),
    ("DE", "#####"),
    ("DK", "####"),
    ("DO", "#####"),
    ("DZ", "#####"),
    ("EC", "######"),
    ("EE", "#####"),
    ("EG", "#####"),
    ("ES", "#####"),
    ("FI", "#####"),
    ("FO", "###"),
    ("FR", "#####"),
    ("GB", "@# #@@|@## #@@|@@# #@@|@@## #@@|@#@ #@@|@@#@ #@@|GIR 0AA"),
    ("GE", "####"),
    ("GF", "973##"),
    ("GL", "39##"),
    ("GP", "971##"),
    ("GR", "### ##"),
    ("GT", "#####"),
    ("HR", "#####"),
    ("HU", "####"),
    ("ID", "#####"),
    ("IE", "@## ****|D6W ****"),
    ("IL", "#######"),
    ("IN", "######"),
    ("IS", "###"),
    ("IT", "#####"),
    ("JP", "###-####"),
    ("KR", "#####"),
    ("KZ", "######"),
    ("LI", "####"),
    ("LK", "#####"),
    ("LT", "LT-#####|#####"),
    ("LU", "L-####|####"),
    ("LV", "LV-####"),
    ("MA", "#####"),
    ("MC", "980##"),
    ("MD", "MD-####"),
    ("ME", "#####"),
    ("MK", "####"),
    ("MQ", "972##"),
    ("MT", "@@@ ####"),
    ("MX", "#####"),
    ("MY", "#####"),
    ("NC", "988##"),
    ("NL", "#### @@"),
    ("NO", "####"),
    ("NZ", "####"),
    ("PE", "#####"),
    ("PF", "987##"),
    ("PH", "####"),
    ("PK", "#####"),
    ("PL", "##-###"),
    ("PM", "97500"),
    ("PR", "#####-####|#####"),
    ("PT", "####-###"),
    ("RE", "974##"),
    ("RO", "######"),
    ("RS", "#####"),
    ("RU", "######"),
    ("SA", "#####-####|#####"),
    ("SE", "### ##"),
    ("SG", "######"),
    ("SI", "SI-####|####"),
    ("SK", "### ##"),
    ("SM", "4789#"),
    ("TH", "#####"),
    ("TN", "####"),
    ("TR", "#####"),
    ("TW", "#####|######|###"),
    ("UA", "#####"),
    ("US", "#####-####|#####"),
    ("UY", "#####"),
    ("VA", "00120"),
    ("VN", "######"),
    ("YT", "976##"),
    ("ZA", "####"),
];

/// Number of countries whose postal codes are checked.
///
/// ```
/// assert!(lockstep_core::validate::postal_country_count() >= 60);
/// ```
pub fn postal_country_count() -> usize {
    POSTAL_FORMATS.len()
}

pub(super) fn formats(country: &str) -> Option<&'static str> {
    POSTAL_FORMATS
        .binary_search_by(|(c, _)| (*c).cmp(country))
        .ok()
        .and_then(|i| POSTAL_FORMATS.get(i))
        .map(|(_, p)| *p)
}

fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

/// Matches `input` against one pattern. `Some(canonical)` on a full match; in partial
/// mode `Some(input)` when `input` is a prefix of something that matches.
fn match_one(pattern: &str, input: &str, partial: bool) -> Option<String> {
    let mut out = String::new();
    let mut chars = input.chars().peekable();
    for p in pattern.chars() {
        let Some(&c) = chars.peek() else {
            return partial.then(|| input.to_owned());
        };
        if is_separator(p) {
            if is_separator(c) {
                chars.next();
            }
            out.push(p);
            continue;
        }
        let ok = match p {
            '#' => c.is_ascii_digit(),
            '@' => c.is_ascii_uppercase(),
            '*' => c.is_ascii_uppercase() || c.is_ascii_digit(),
            _ => c == p,
        };
        if !ok {
            return None;
        }
        out.push(c);
        chars.next();
    }
    chars.peek().is_none().then_some(out)
}

/// The canonical postal code when `code` (sanitized: upper case) matches one of the
/// country's formats; `Ok(None)` when the country has no format in the table.
///
/// ```
/// use lockstep_core::validate::check_postal_code;
/// assert_eq!(check_postal_code("GB", "SW1A1AA"), Ok(Some("SW1A 1AA".to_owned())));
/// assert_eq!(check_postal_code("US", "12345"), Ok(Some("12345".to_owned())));
/// assert!(check_postal_code("DE", "1234").is_err());
/// assert_eq!(check_postal_code("BM", "HM 12"), Ok(None));
/// ```
#[allow(clippy::result_unit_err)]
pub fn check_postal_code(country: &str, code: &str) -> Result<Option<String>, ()> {
    match formats(country) {
        None => Ok(None),
        Some(patterns) => patterns
            .split('|')
            .find_map(|p| match_one(p, code, false))
            .map(Some)
            .ok_or(()),
    }
}

/// Partial mode: whether `code` could still become a valid code of `country`.
pub(super) fn is_prefix(country: &str, code: &str) -> bool {
    formats(country).is_none_or(|patterns| {
        patterns
            .split('|')
            .any(|p| match_one(p, code, true).is_some())
    })
}

/// Human-readable list of a country's formats for messages (`#` → 9, `@` → A).
pub(super) fn describe(country: &str) -> String {
    formats(country)
        .unwrap_or_default()
        .replace('#', "9")
        .replace('@', "A")
        .replace('*', "X")
        .replace('|', " or ")
}
