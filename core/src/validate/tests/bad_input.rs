//! Hostile and malformed input: very long strings, control characters, mixed scripts,
//! emoji, empty objects, wrong JSON types. Each is a clear error with its path (a
//! request error or a finding), never a panic.

use serde_json::json;

use super::super::{MAX_FIELD_CHARS, ValidateResponse, validate};
use crate::error::ErrorCode;
use crate::version::Target;
use crate::wire::{decode, handle_json};

/// Every string member, as (JSON Pointer, request with `value` there).
fn members(value: &str) -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("/as_of", json!({"as_of": value})),
        ("/card/number", json!({"card": {"number": value}})),
        ("/card/exp_month", json!({"card": {"exp_month": value}})),
        ("/card/exp_year", json!({"card": {"exp_year": value}})),
        ("/card/cvc", json!({"card": {"cvc": value}})),
        ("/card/holder_name", json!({"card": {"holder_name": value}})),
        ("/iban", json!({"iban": value})),
        ("/bic", json!({"bic": value})),
        ("/email", json!({"email": value})),
        ("/phone", json!({"phone": value})),
        (
            "/billing_address/country",
            json!({"billing_address": {"country": value}}),
        ),
        (
            "/billing_address/postal_code",
            json!({"billing_address": {"country": "DE", "postal_code": value}}),
        ),
        (
            "/billing_address/line1",
            json!({"billing_address": {"line1": value}}),
        ),
        (
            "/billing_address/city",
            json!({"billing_address": {"city": value}}),
        ),
        (
            "/billing_address/region",
            json!({"billing_address": {"region": value}}),
        ),
        ("/amount", json!({"amount": value, "currency": "EUR"})),
        ("/currency", json!({"currency": value})),
        ("/vat_id", json!({"vat_id": value})),
    ]
}

fn answer(request: serde_json::Value) -> Result<ValidateResponse, crate::error::Error> {
    validate(decode(request)?)
}

fn paths(r: &ValidateResponse) -> Vec<&str> {
    r.errors.iter().map(|e| e.path.as_str()).collect()
}

#[test]
fn over_long_strings_are_string_too_long_with_their_path() {
    let long = "7".repeat(MAX_FIELD_CHARS + 1);
    let mega = "é".repeat(1 << 20);
    let at_limit = "7".repeat(MAX_FIELD_CHARS);
    for value in [long.as_str(), mega.as_str()] {
        for (path, request) in members(value) {
            for mode in ["complete", "partial"] {
                let mut request = request.clone();
                request["mode"] = json!(mode);
                let e = answer(request).expect_err(path);
                assert_eq!(
                    (e.code, e.details[0].path.as_str()),
                    (ErrorCode::StringTooLong, path)
                );
                assert!(e.to_json().len() < 300, "the value is not echoed");
            }
        }
    }
    // At the limit, a value is checked (and is wrong), not refused.
    for (path, request) in members(&at_limit) {
        match answer(request) {
            Ok(r) => {
                assert!(!r.valid, "{path}");
                assert!(
                    paths(&r).iter().all(|p| *p == path),
                    "{path}: {:?}",
                    r.errors
                );
            }
            Err(e) => assert_eq!(
                (e.code, e.details[0].path.as_str()),
                (ErrorCode::InvalidValue, "/as_of")
            ),
        }
    }
    // Through the wire: the same error, and a request over 1 MiB is refused whole.
    let body = json!({"email": "x".repeat(600_000)}).to_string();
    let out = handle_json("validate", body.as_bytes(), Target::Native);
    assert!(
        out.json
            .contains(r#""path":"/email","code":"string_too_long""#),
        "{}",
        out.json
    );
    let body = json!({"email": "x".repeat(1_100_000)}).to_string();
    let out = handle_json("validate", body.as_bytes(), Target::Native);
    assert!(
        out.json.contains(r#""code":"request_too_large""#),
        "{}",
        out.json
    );
}

#[test]
fn control_characters_are_findings_at_their_path() {
    // (U+0085 NEXT LINE is also Unicode whitespace: it is removed like a space where
    // spaces are, so it is not in this list.)
    for c in [
        '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{9f}', '\u{200b}', '\u{202e}', '\u{feff}',
    ] {
        let cases = [
            (
                json!({"card": {"number": format!("4242{c}424242424242")}}),
                "/card/number",
            ),
            (
                json!({"card": {"holder_name": format!("Ada{c}Lovelace")}}),
                "/card/holder_name",
            ),
            (
                json!({"iban": format!("DE89{c}370400440532013000")}),
                "/iban",
            ),
            (json!({"bic": format!("DEUT{c}DEFF")}), "/bic"),
            (json!({"email": format!("ann{c}@example.com")}), "/email"),
            (json!({"phone": format!("+4930{c}901820")}), "/phone"),
            (
                json!({"billing_address": {"country": "DE", "postal_code": format!("101{c}15")}}),
                "/billing_address/postal_code",
            ),
            (
                json!({"billing_address": {"line1": format!("Unter den Linden{c}1")}}),
                "/billing_address/line1",
            ),
            (
                json!({"billing_address": {"city": format!("Ber{c}lin")}}),
                "/billing_address/city",
            ),
            (
                json!({"billing_address": {"region": format!("Cali{c}fornia")}}),
                "/billing_address/region",
            ),
            (json!({"vat_id": format!("DE136{c}695976")}), "/vat_id"),
            (
                json!({"amount": format!("19{c}.99"), "currency": "EUR"}),
                "/amount",
            ),
        ];
        for (request, path) in cases {
            let r = answer(request.clone()).expect("accepted");
            assert_eq!(paths(&r), [path], "{c:?} in {request}");
        }
    }
}

#[test]
fn mixed_scripts_and_emoji() {
    // Names: any script, and mixed scripts, are names (people have them); Persian needs
    // the zero-width non-joiner. Emoji, and invisible spoofing characters, are not.
    for name in [
        "Ада Лавлейс",
        "Ada Лавлейс",
        "李小龍",
        "José Ñúñez",
        "مهر\u{200c}داد",
        "O'Brien-Smith",
    ] {
        let r = answer(json!({"card": {"holder_name": name}})).expect("accepted");
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
    }
    for name in [
        "Ada 🚀",
        "Ada ❤",
        "🇩🇪",
        "Ada\u{202e}ecalevol",
        "Ada\u{fe0f}",
    ] {
        let r = answer(json!({"card": {"holder_name": name}, "billing_address": {"city": name}}))
            .expect("accepted");
        assert_eq!(
            paths(&r),
            ["/card/holder_name", "/billing_address/city"],
            "{name}"
        );
    }
    // Emails: the local part is ASCII; an emoji, a Cyrillic look-alike or a full-width
    // letter there is an error. In the domain, Unicode labels are accepted as typed
    // (IDN), so `раураl.com` (Cyrillic) is a well-formed address: spotting homographs is
    // the host's business (the sanitized domain is returned for its checks).
    for bad in [
        "ann🚀@example.com",
        "аnn@example.com",
        "ａnn@example.com",
        "ann@example.c🚀m",
    ] {
        let r = answer(json!({"email": bad})).expect("accepted");
        assert_eq!(paths(&r), ["/email"], "{bad}");
    }
    let r = answer(json!({"email": "ann@раураl.com"})).expect("accepted");
    assert!(r.valid);
    // Card numbers, IBANs and VAT numbers: Arabic-Indic or full-width digits are not digits.
    for (request, path) in [
        (
            json!({"card": {"number": "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"}}),
            "/card/number",
        ),
        (
            json!({"card": {"number": "４２４２４２４２４２４２４２４２"}}),
            "/card/number",
        ),
        (json!({"iban": "DE89 3704 0044 0532 0130 0０"}), "/iban"),
        (json!({"vat_id": "DE13669597６"}), "/vat_id"),
        (
            json!({"billing_address": {"country": "DЕ"}}),
            "/billing_address/country",
        ),
    ] {
        let r = answer(request.clone()).expect("accepted");
        assert_eq!(paths(&r), [path], "{request}");
    }
}

#[test]
fn empty_objects_and_strings() {
    for request in [
        json!({}),
        json!({"card": {}}),
        json!({"billing_address": {}}),
    ] {
        let r = answer(request.clone()).expect("accepted");
        assert!(r.valid, "{request}: {:?}", r.errors);
    }
    // An empty string is a value that was sent: in complete mode it is an error at its path.
    for (path, request) in members("") {
        if path == "/as_of" {
            let e = answer(request).expect_err("empty as_of");
            assert_eq!(
                (e.code, e.details[0].path.as_str()),
                (ErrorCode::InvalidValue, "/as_of")
            );
            continue;
        }
        let r = answer(request.clone()).expect("accepted");
        assert!(paths(&r).contains(&path), "{request}: {:?}", r.errors);
    }
    // Without a country there is nothing to check a postal code against.
    let r = answer(json!({"billing_address": {"postal_code": ""}})).expect("accepted");
    assert!(r.valid);
}

#[test]
fn wrong_types_are_invalid_type_with_their_path() {
    // A struct from a JSON array (serde's derive would take members by position) is refused.
    let cases = [
        (json!({"card": ["4242424242424242"]}), "/card"),
        (json!({"card": []}), "/card"),
        (
            json!({"billing_address": ["DE", "10115"]}),
            "/billing_address",
        ),
        (json!({"iban": 123}), "/iban"),
        (json!({"card": "4242424242424242"}), "/card"),
        (
            json!({"card": {"number": 4242424242424242u64}}),
            "/card/number",
        ),
        (json!({"card": {"exp_month": 7}}), "/card/exp_month"),
        (json!({"card": {"number": ["4242"]}}), "/card/number"),
        (json!({"billing_address": []}), "/billing_address"),
        (
            json!({"billing_address": {"country": {"code": "DE"}}}),
            "/billing_address/country",
        ),
        (json!({"email": true}), "/email"),
        (json!({"amount": 19.99, "currency": "EUR"}), "/amount"),
        (json!({"mode": 1}), "/mode"),
    ];
    for (request, path) in cases {
        let e = answer(request.clone()).expect_err("refused");
        assert_eq!(
            (e.code, e.details[0].path.as_str()),
            (ErrorCode::InvalidType, path),
            "{request}"
        );
        assert!(
            !e.to_json().contains("4242424242424242"),
            "no card number echoed"
        );
    }
    // The whole request must be an object (the wire layer's check).
    for body in ["[]", r#""4242424242424242""#, "null", "7"] {
        let out = handle_json("validate", body.as_bytes(), Target::Native);
        assert!(
            out.json.contains(r#""code":"invalid_type""#) && out.json.contains(r#""path":"""#),
            "{body}: {}",
            out.json
        );
    }
}
