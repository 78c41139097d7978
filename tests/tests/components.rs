//! The components (docs/components.md) on real runtimes: what each imports (read by
//! `jco wit`), the edge function under `wasmtime serve` against the demo server, and
//! the composed payment service. Needs `scripts/build.sh` (dist/), wasmtime and jco;
//! a missing one fails, never skips.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::process::Command;

use lockstep_tests::component::{Server, request, request_with, split_line};
use lockstep_tests::targets::root;
use lockstep_tests::vectors::{self, Input};

/// The `import`/`export` lines of `jco wit <component>`.
fn world(component: &str) -> (Vec<String>, Vec<String>) {
    let out = Command::new(root().join("node_modules/.bin/jco"))
        .arg("wit")
        .arg(root().join(component))
        .output()
        .expect("jco (scripts/setup.sh installs it)");
    assert!(
        out.status.success(),
        "jco wit {component}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let pick = |kind: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim().strip_prefix(kind))
            .map(|l| l.trim_end_matches(';').trim().to_owned())
            .collect()
    };
    (pick("import "), pick("export "))
}

/// An interface name without its version: `wasi:http/types@0.2.12` -> `wasi:http/types`.
fn unversioned(names: &[String]) -> Vec<&str> {
    names.iter().map(|n| n.split('@').next().unwrap()).collect()
}

const HTTP_ONLY: [&str; 3] = ["wasi:http/types", "wasi:io/error", "wasi:io/streams"];

#[test]
fn the_pure_component_imports_nothing() {
    let (imports, exports) = world("dist/lockstep.component.wasm");
    assert!(imports.is_empty(), "imports: {imports:?}");
    assert_eq!(unversioned(&exports), ["lockstep:engine/api"]);
}

#[test]
fn the_edge_function_imports_only_wasi_http_and_io() {
    let (imports, exports) = world("dist/lockstep-http.wasm");
    for i in unversioned(&imports) {
        assert!(HTTP_ONLY.contains(&i), "unexpected import {i}");
        assert!(!i.starts_with("wasi:cli") && !i.starts_with("wasi:filesystem"));
    }
    assert!(unversioned(&imports).contains(&"wasi:http/types"));
    assert_eq!(unversioned(&exports), ["wasi:http/incoming-handler"]);
}

#[test]
fn each_payment_part_has_only_the_capabilities_it_needs() {
    let parts: [(&str, &[&str], &[&str]); 5] = [
        ("dist/payment/geo.wasm", &[], &["lockstep:engine/geo"]),
        (
            "dist/payment/sanitizer.wasm",
            &[],
            &["lockstep:engine/sanitizer"],
        ),
        (
            "dist/payment/scorer.wasm",
            &["lockstep:engine/geo"],
            &["lockstep:engine/scorer"],
        ),
        (
            "dist/payment/service.wasm",
            &[
                "lockstep:engine/sanitizer",
                "lockstep:engine/scorer",
                "wasi:io/error",
                "wasi:io/streams",
                "wasi:http/types",
            ],
            &["wasi:http/incoming-handler"],
        ),
        (
            "dist/lockstep-payment.wasm",
            &HTTP_ONLY,
            &["wasi:http/incoming-handler"],
        ),
    ];
    for (file, want_imports, want_exports) in parts {
        let (imports, exports) = world(file);
        let mut got = unversioned(&imports);
        got.sort_unstable();
        let mut want = want_imports.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "{file} imports");
        assert_eq!(unversioned(&exports), want_exports, "{file} exports");
    }
}

/// Method, operation, content type, body, expected status.
type HttpCase<'a> = (&'a str, &'a str, Option<&'a str>, &'a [u8], u16);

fn normalized(body: &str) -> String {
    body.replace(r#""target":"wasi""#, r#""target":"native""#)
}

#[test]
fn the_edge_function_answers_as_the_demo_server() {
    let edge = Server::wasmtime_serve(&root().join("dist/lockstep-http.wasm")).unwrap();
    let demo = Server::demo().unwrap();
    eprintln!(
        "wasmtime serve: first answer {} ms after start",
        edge.first_answer_ms
    );
    let all = vectors::load(&root().join("tests/vectors")).unwrap();
    let mut compared = 0;
    for v in &all {
        let (op, body) = match &v.input {
            Input::Line(line) => match split_line(line) {
                Some((op, request)) => (op.to_owned(), request.to_owned()),
                None => continue, // a broken envelope: only the batch form has it
            },
            Input::Single(text) => (v.op.clone(), text.clone()),
        };
        let a = request(
            &edge.addr,
            "POST",
            &format!("/v1/{op}"),
            Some("application/json"),
            body.as_bytes(),
        )
        .unwrap();
        let b = request(
            &demo.addr,
            "POST",
            &format!("/api/{op}"),
            Some("application/json"),
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(a.status, b.status, "{}", v.file.display());
        assert_eq!(normalized(&a.text()), b.text(), "{}", v.file.display());
        assert_eq!(a.header("content-type"), Some("application/json"));
        assert_eq!(a.header("cache-control"), Some("no-store"));
        compared += 1;
    }
    assert!(
        compared >= all.len() - 2,
        "only {compared} of {} vectors",
        all.len()
    );
    // The HTTP-level answers: the same statuses and bodies as the demo server.
    let big = format!(r#"{{"email":"{}"}}"#, "x".repeat(1024 * 1024));
    let cases: [HttpCase; 9] = [
        ("POST", "quote", Some("application/json"), b"{}", 400),
        ("POST", "quote", Some("application/json"), b"", 400),
        ("POST", "quote", Some("application/json"), b"\xff{}", 400),
        (
            "POST",
            "validate",
            Some("application/json"),
            big.as_bytes(),
            413,
        ),
        ("POST", "quote", Some("text/plain"), b"{}", 415),
        ("POST", "quote", None, b"{}", 415),
        ("POST", "refund", Some("application/json"), b"{}", 404),
        ("GET", "quote", None, b"", 405),
        (
            "POST",
            "version",
            Some("Application/JSON; charset=utf-8"),
            b"{}",
            200,
        ),
    ];
    for (method, op, ct, body, status) in cases {
        let a = request(&edge.addr, method, &format!("/v1/{op}"), ct, body).unwrap();
        let b = request(&demo.addr, method, &format!("/api/{op}"), ct, body).unwrap();
        assert_eq!((a.status, b.status), (status, status), "{method} {op}");
        assert_eq!(normalized(&a.text()), b.text(), "{method} {op}");
        if status == 405 {
            assert_eq!(a.header("allow"), Some("POST"));
        }
    }
    eprintln!("edge function: {compared} golden vectors and 9 HTTP cases as the demo server");
}

/// A score request whose one rule compares the looked-up IP country with the card's.
const GEO_RULES: &str = r#"{"payment":{"amount":"120.00","card_country":"US","ip_country":"US"},"rules":[{"id":"ip_vs_card","when":{"field":"ip_country","op":"ne","other_field":"card_country"},"score":60,"reason":"IP country differs from the card's"},{"id":"no_ip","when":{"field":"ip_country","op":"missing"},"score":20,"reason":"no IP country"}],"thresholds":{"review":20,"decline":50}}"#;

#[test]
fn the_composed_service_scores_with_the_looked_up_country() {
    let service = Server::wasmtime_serve(&root().join("dist/lockstep-payment.wasm")).unwrap();
    let score = |ip: Option<&str>| {
        let extra: Vec<(&str, &str)> = ip.map(|ip| ("x-client-ip", ip)).into_iter().collect();
        let a = request_with(
            &service.addr,
            "POST",
            "/v1/score",
            Some("application/json"),
            &extra,
            GEO_RULES.as_bytes(),
        )
        .unwrap();
        assert_eq!(a.status, 200, "{}", a.text());
        a.text()
    };
    // 198.51.100.0/24 is NG in the (synthetic) table: country differs from the card's.
    let ng = score(Some("198.51.100.7"));
    assert!(
        ng.contains(r#""decision":"decline""#) && ng.contains("ip_vs_card"),
        "{ng}"
    );
    // 203.0.113.0/24 is US: the rule does not fire (the sent ip_country is replaced anyway).
    let us = score(Some("203.0.113.9"));
    assert!(us.contains(r#""score":0,"decision":"approve""#), "{us}");
    // IPv6 documentation range 2001:db8:1::/48 is JP.
    assert!(score(Some("2001:db8:1::1")).contains("ip_vs_card"));
    // No header, or an address outside the table: no ip_country, whatever the caller sent.
    for ip in [None, Some("8.8.8.8"), Some("not an address")] {
        let a = score(ip);
        assert!(
            a.contains(r#""id":"no_ip""#) && !a.contains("ip_vs_card"),
            "{ip:?}: {a}"
        );
    }
    // The sanitizer route, and the service's own statuses.
    let v = request(
        &service.addr,
        "POST",
        "/v1/validate",
        Some("application/json"),
        br#"{"currency":"jpy"}"#,
    )
    .unwrap();
    assert_eq!(
        (v.status, v.text().contains(r#""currency":"JPY""#)),
        (200, true)
    );
    let e = request(
        &service.addr,
        "POST",
        "/v1/score",
        Some("application/json"),
        b"{}",
    )
    .unwrap();
    assert_eq!(e.status, 400);
    assert_eq!(
        e.text(),
        lockstep_core::wire::handle_json("score", b"{}", lockstep_core::version::Target::Wasi).json
    );
    assert_eq!(
        request(
            &service.addr,
            "POST",
            "/v1/quote",
            Some("application/json"),
            b"{}"
        )
        .unwrap()
        .status,
        404
    );
    assert_eq!(
        request(
            &service.addr,
            "POST",
            "/v1/score",
            Some("text/plain"),
            b"{}"
        )
        .unwrap()
        .status,
        415
    );
    assert_eq!(
        request(&service.addr, "GET", "/v1/score", None, b"")
            .unwrap()
            .status,
        405
    );
}

#[test]
fn the_geolocation_component_alone_has_no_way_out() {
    // Its world has no imports at all (so no rules, no host capability can reach it)...
    let (imports, _) = world("dist/payment/geo.wasm");
    assert!(imports.is_empty(), "{imports:?}");
    // ...and it cannot be served: wasmtime serve wants a wasi:http handler, which it is not.
    let out = Command::new("wasmtime")
        .args(["serve", "--addr", "127.0.0.1:0"])
        .arg(root().join("dist/payment/geo.wasm"))
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn the_pure_component_answers_every_golden_vector_in_wasmtime_and_jco() {
    use lockstep_tests::targets::Driver;
    let all = vectors::load(&root().join("tests/vectors")).unwrap();
    let lines: Vec<String> = all
        .iter()
        .filter_map(|v| match &v.input {
            Input::Line(l) => Some(l.clone()),
            Input::Single(_) => None,
        })
        .collect();
    let reference = Driver::InProcess.run(&lines).unwrap();
    for driver in [Driver::ComponentWasmtime, Driver::ComponentJco] {
        let got = driver.run(&lines).unwrap();
        assert_eq!(got.len(), lines.len(), "{}", driver.name());
        for ((line, want), got) in lines.iter().zip(&reference).zip(&got) {
            assert_eq!(normalized(got), *want, "{} on {line}", driver.name());
        }
        // Raw request texts (possibly malformed), through the operation's own export.
        let mut singles = 0;
        for v in &all {
            if let Input::Single(text) = &v.input {
                let want = Driver::InProcess
                    .run_single(&v.op, text.as_bytes())
                    .unwrap();
                let got = driver.run_single(&v.op, text.as_bytes()).unwrap();
                assert_eq!(
                    normalized(&got),
                    want,
                    "{}: {}",
                    driver.name(),
                    v.file.display()
                );
                singles += 1;
            }
        }
        eprintln!(
            "{}: {} vector lines and {singles} raw requests as the core",
            driver.name(),
            lines.len()
        );
    }
}
