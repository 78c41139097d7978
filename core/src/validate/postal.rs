//! Postal codes: formats per country generated from Google's address metadata
//! (`postal_table.rs`, by `scripts/gen_postal.py`; see `docs/validation.md`), matched by
//! a small backtracking matcher (no regex crate).
//!
//! Pattern language (a subset of regular expressions): `A`–`Z` and `0`–`9` stand for
//! themselves; `\d` is a digit; `[...]` a class of characters and ranges (`\d` inside
//! too); `(...)` a group; `|` alternatives; `?`, `{n}`, `{n,m}` repeat the atom before.
//! A space or `-` is a **separator**: the input may leave it out or type either one, and
//! the canonical form has the pattern's.

pub use super::postal_table::POSTAL_DATA_VERSION;
use super::postal_table::POSTAL_FORMATS;

use crate::limits::validate::MAX_POSTAL_CODE_CHARS as MAX_CODE_CHARS;

/// Number of countries whose postal codes are checked.
///
/// ```
/// assert!(lockstep_core::validate::postal_country_count() >= 150);
/// ```
pub fn postal_country_count() -> usize {
    POSTAL_FORMATS.len()
}

fn entry(country: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    POSTAL_FORMATS
        .binary_search_by(|(c, _, _)| (*c).cmp(country))
        .ok()
        .and_then(|i| POSTAL_FORMATS.get(i))
}

/// The country's pattern, when it has one.
pub(super) fn pattern(country: &str) -> Option<&'static str> {
    entry(country).map(|e| e.1)
}

/// The published examples of a country's postal codes (Google's `zipex`), for tests.
#[cfg(test)]
pub(super) fn examples(country: &str) -> impl Iterator<Item = &'static str> {
    entry(country)
        .map(|e| e.2)
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
}

/// All countries with a pattern, for tests.
#[cfg(test)]
pub(super) fn countries() -> impl Iterator<Item = &'static str> {
    POSTAL_FORMATS.iter().map(|e| e.0)
}

#[derive(Debug)]
enum Node {
    /// One character from these inclusive ranges.
    Class(Vec<(char, char)>),
    /// An optional separator, written as this character.
    Sep(char),
    /// Alternatives, each a sequence.
    Group(Vec<Vec<Node>>),
    /// The node repeated `min..=max` times.
    Repeat(Box<Node>, u8, u8),
}

/// Parses a pattern (checked by the generator; anything unexpected fails the match).
struct Parser<'a> {
    rest: core::iter::Peekable<core::str::Chars<'a>>,
}

impl Parser<'_> {
    fn alternatives(&mut self) -> Option<Vec<Vec<Node>>> {
        let mut alts = vec![self.sequence()?];
        while self.rest.next_if_eq(&'|').is_some() {
            alts.push(self.sequence()?);
        }
        Some(alts)
    }

    fn sequence(&mut self) -> Option<Vec<Node>> {
        let mut seq = Vec::new();
        while let Some(&c) = self.rest.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            seq.push(self.quantified(atom)?);
        }
        Some(seq)
    }

    fn atom(&mut self) -> Option<Node> {
        match self.rest.next()? {
            '(' => {
                let alts = self.alternatives()?;
                self.rest.next_if_eq(&')')?;
                Some(Node::Group(alts))
            }
            '[' => {
                let mut ranges = Vec::new();
                loop {
                    let lo = match self.rest.next()? {
                        ']' => break,
                        '\\' => {
                            self.rest.next_if_eq(&'d')?;
                            ranges.push(('0', '9'));
                            continue;
                        }
                        c => c,
                    };
                    if self.rest.next_if_eq(&'-').is_some() {
                        ranges.push((lo, self.rest.next()?));
                    } else {
                        ranges.push((lo, lo));
                    }
                }
                Some(Node::Class(ranges))
            }
            '\\' => {
                self.rest.next_if_eq(&'d')?;
                Some(Node::Class(vec![('0', '9')]))
            }
            c @ (' ' | '-') => Some(Node::Sep(c)),
            c => Some(Node::Class(vec![(c, c)])),
        }
    }

    fn number(&mut self) -> Option<u8> {
        let d = self.rest.next()?.to_digit(10)?;
        u8::try_from(d).ok()
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        if self.rest.next_if_eq(&'?').is_some() {
            return Some(Node::Repeat(Box::new(atom), 0, 1));
        }
        if self.rest.next_if_eq(&'{').is_some() {
            let min = self.number()?;
            let max = if self.rest.next_if_eq(&',').is_some() {
                self.number()?
            } else {
                min
            };
            self.rest.next_if_eq(&'}')?;
            return Some(Node::Repeat(Box::new(atom), min, max));
        }
        Some(atom)
    }
}

fn parse(pattern: &str) -> Option<Vec<Vec<Node>>> {
    let mut p = Parser {
        rest: pattern.chars().peekable(),
    };
    let alts = p.alternatives()?;
    p.rest.peek().is_none().then_some(alts)
}

fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

/// The input and whether a prefix is enough (partial mode).
struct Input {
    chars: Vec<char>,
    partial: bool,
}

type Cont<'k> = &'k mut dyn FnMut(usize, &mut String) -> bool;

/// Matches `nodes` at `pos`, then the continuation.
fn sequence(nodes: &[Node], s: &Input, pos: usize, out: &mut String, k: Cont<'_>) -> bool {
    if s.partial && pos == s.chars.len() {
        return true;
    }
    match nodes.split_first() {
        None => k(pos, out),
        Some((first, rest)) => node(first, s, pos, out, &mut |p, o| sequence(rest, s, p, o, k)),
    }
}

fn node(n: &Node, s: &Input, pos: usize, out: &mut String, k: Cont<'_>) -> bool {
    let len = out.len();
    let matched = match n {
        Node::Class(ranges) => s.chars.get(pos).is_some_and(|&c| {
            ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) && {
                out.push(c);
                k(pos + 1, out)
            }
        }),
        Node::Sep(canonical) => {
            out.push(*canonical);
            let next = pos + usize::from(s.chars.get(pos).is_some_and(|&c| is_separator(c)));
            k(next, out)
        }
        Node::Group(alts) => alts.iter().any(|alt| {
            out.truncate(len);
            sequence(alt, s, pos, out, k)
        }),
        Node::Repeat(inner, min, max) => repeat(inner, *min, *max, s, pos, out, k),
    };
    if !matched {
        out.truncate(len);
    }
    matched
}

/// `inner` at least `min` and at most `max` more times, greedily.
fn repeat(
    inner: &Node,
    min: u8,
    max: u8,
    s: &Input,
    pos: usize,
    out: &mut String,
    k: Cont<'_>,
) -> bool {
    if s.partial && pos == s.chars.len() {
        return true;
    }
    if min > 0 {
        return node(inner, s, pos, out, &mut |p, o| {
            repeat(inner, min - 1, max.saturating_sub(1), s, p, o, k)
        });
    }
    let len = out.len();
    if max > 0
        && node(inner, s, pos, out, &mut |p, o| {
            p > pos && repeat(inner, 0, max - 1, s, p, o, k)
        })
    {
        return true;
    }
    out.truncate(len);
    k(pos, out)
}

/// `Some(canonical)` when `code` matches `pattern` whole (in partial mode: when it is a
/// prefix of a match, and then `code` itself).
fn matches(pattern: &str, code: &str, partial: bool) -> Option<String> {
    let alts = parse(pattern)?;
    let input = Input {
        chars: code.chars().collect(),
        partial,
    };
    if input.chars.len() > MAX_CODE_CHARS {
        return None;
    }
    let end = input.chars.len();
    let mut found = None;
    let mut out = String::new();
    let whole = Node::Group(alts);
    let ok = node(&whole, &input, 0, &mut out, &mut |p, o| {
        if p == end {
            found = Some(o.clone());
            true
        } else {
            false
        }
    });
    match (ok, partial) {
        (true, true) => Some(code.to_owned()),
        (true, false) => found,
        (false, _) => None,
    }
}

/// Whether `code` starts with a match of `pattern` (in partial mode: or is a prefix of
/// one), for the subdivision prefixes of `postal_region.rs`.
pub(super) fn starts_with_pattern(pattern: &str, code: &str, partial: bool) -> bool {
    let Some(alts) = parse(pattern) else {
        return false;
    };
    let input = Input {
        chars: code.chars().collect(),
        partial,
    };
    if input.chars.len() > MAX_CODE_CHARS {
        return false;
    }
    let mut out = String::new();
    node(&Node::Group(alts), &input, 0, &mut out, &mut |_, _| true)
}

/// The canonical postal code when `code` (sanitized: upper case) matches the country's
/// format; `Ok(None)` when the country has no format in the table.
///
/// ```
/// use lockstep_core::validate::check_postal_code;
/// assert_eq!(check_postal_code("GB", "SW1A1AA"), Ok(Some("SW1A 1AA".to_owned())));
/// assert_eq!(check_postal_code("US", "12345"), Ok(Some("12345".to_owned())));
/// assert_eq!(check_postal_code("PL", "00950"), Ok(Some("00-950".to_owned())));
/// assert!(check_postal_code("DE", "1234").is_err());
/// assert!(check_postal_code("GB", "QQ1 1AA").is_err()); // no such postcode area
/// assert_eq!(check_postal_code("AQ", "ANY"), Ok(None));
/// ```
#[allow(clippy::result_unit_err)]
pub fn check_postal_code(country: &str, code: &str) -> Result<Option<String>, ()> {
    match pattern(country) {
        None => Ok(None),
        Some(p) => matches(p, code, false).map(Some).ok_or(()),
    }
}

/// Partial mode: whether `code` could still become a valid code of `country`.
pub(super) fn is_prefix(country: &str, code: &str) -> bool {
    pattern(country).is_none_or(|p| matches(p, code, true).is_some())
}

/// Up to three published examples of the country's postal codes, for messages:
/// `"EC1Y 8SY, GIR 0AA or M2 5BQ"`.
pub(super) fn describe(country: &str) -> String {
    let examples: Vec<&str> = entry(country)
        .map(|e| e.2)
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .take(3)
        .collect();
    match examples.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, init)) => format!("{} or {last}", init.join(", ")),
    }
}
