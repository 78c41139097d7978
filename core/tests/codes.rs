//! Every code string is written once (`error::wire_codes!`), and every code is
//! documented: `docs/wire-format.md` lists each `ErrorCode`, `docs/validation.md` each
//! `FindingCode`, and neither lists a code that does not exist. Every limit is a
//! constant of `limits.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeSet;
use std::path::Path;

use lockstep_core::error::ErrorCode;
use lockstep_core::validate::FindingCode;

fn doc(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The codes in the first column of the markdown tables of `section` (up to the next
/// `## ` heading; the whole text when `section` is empty).
fn table_codes(text: &str, section: &str) -> BTreeSet<String> {
    let body = if section.is_empty() {
        text
    } else {
        let start = text.find(section).unwrap_or_else(|| panic!("no {section}"));
        let rest = &text[start + section.len()..];
        &rest[..rest.find("\n## ").unwrap_or(rest.len())]
    };
    body.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once("` |").map(|(code, _)| code.to_owned()))
        .collect()
}

#[test]
fn serde_names_are_the_wire_names() {
    let mut seen = BTreeSet::new();
    for code in ErrorCode::ALL {
        let serde = serde_json::to_value(code).unwrap();
        assert_eq!(serde, code.as_str(), "{code:?}");
        assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
        assert!(
            code.as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{code:?}"
        );
    }
    for code in FindingCode::ALL {
        let serde = serde_json::to_value(code).unwrap();
        assert_eq!(serde, code.as_str(), "{code:?}");
        assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
        let (member, problem) = code.as_str().split_once('.').unwrap();
        assert!(!member.is_empty() && !problem.is_empty(), "{code:?}");
    }
}

#[test]
fn wire_format_lists_every_error_code() {
    let listed = table_codes(&doc("wire-format.md"), "\n## Errors\n");
    let codes = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    same_codes(&codes, &listed, "docs/wire-format.md, Errors");
}

/// The codes a doc lists are exactly the codes there are.
fn same_codes(codes: &BTreeSet<String>, listed: &BTreeSet<String>, doc: &str) {
    assert_eq!(
        codes.difference(listed).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "codes missing from {doc}"
    );
    assert_eq!(
        listed.difference(codes).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "{doc} lists codes that do not exist"
    );
}

#[test]
fn validation_lists_every_finding_code() {
    let listed: BTreeSet<String> = table_codes(&doc("validation.md"), "")
        .into_iter()
        .filter(|c| c.contains('.'))
        .collect();
    let codes = FindingCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    same_codes(&codes, &listed, "docs/validation.md");
}

/// Bounds that are facts of a standard or of the echo rule, not limits Lockstep chose.
const NOT_LIMITS: &[&str] = &[
    "const MIN_DIGITS", // E.164
    "const MAX_DIGITS",
    "const MIN_LEN", // ISO/IEC 7812 card numbers
    "const MAX_LEN",
    "const MIN_LEN_FOR_SUMMARY", // PCI DSS first six / last four
    "const MAX_TOTAL",           // RFC 5321 email lengths
    "const MAX_LOCAL",
    "const MAX_LABEL",
    "const MAX_ECHOED_EXPIRY_CHARS", // the echo rule (docs/security.md)
];

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn every_limit_is_in_limits_rs() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut stray = Vec::new();
    for (path, text) in &files {
        if path.ends_with("/limits.rs") && !path.contains("pricing") {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for line in code.lines() {
            let t = line.trim_start();
            let t = t.strip_prefix("pub ").unwrap_or(t);
            let t = t.strip_prefix("pub(crate) ").unwrap_or(t);
            let t = t.strip_prefix("pub(super) ").unwrap_or(t);
            if (t.starts_with("const MAX_") || t.starts_with("const MIN_"))
                && !NOT_LIMITS.iter().any(|n| t.starts_with(&format!("{n}:")))
            {
                stray.push(format!("{path}: {}", line.trim()));
            }
        }
    }
    assert!(
        stray.is_empty(),
        "limits outside limits.rs:\n{}",
        stray.join("\n")
    );
}
