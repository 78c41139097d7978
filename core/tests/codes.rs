//! Every code string is written once (`error::wire_codes!`), and every code is
//! documented: `docs/wire-format.md` lists each `ErrorCode`, `docs/validation.md` each
//! `FindingCode`, and neither lists a code that does not exist.
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
    let codes: BTreeSet<String> = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(
        codes.difference(&listed).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "codes missing from docs/wire-format.md, Errors"
    );
    assert_eq!(
        listed.difference(&codes).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "docs/wire-format.md, Errors, lists codes that do not exist"
    );
}

#[test]
fn validation_lists_every_finding_code() {
    let listed: BTreeSet<String> = table_codes(&doc("validation.md"), "")
        .into_iter()
        .filter(|c| c.contains('.'))
        .collect();
    let codes: BTreeSet<String> = FindingCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(
        codes.difference(&listed).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "codes missing from docs/validation.md"
    );
    assert_eq!(
        listed.difference(&codes).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "docs/validation.md lists finding codes that do not exist"
    );
}
