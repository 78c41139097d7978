//! The Lockstep edge function, `dist/lockstep-http.wasm`: a `wasi:http/proxy`
//! component. `POST /v1/{op}` with the request as the body answers with the core's
//! bytes and the demo server's statuses (`bindings-native/src/bin/lockstep-demo/api.rs`):
//! 200, 400 bad input, 404 unknown operation or path, 405 not POST, 413 too large,
//! 415 not JSON, 501 not implemented, 500 internal.
//!
//! Built for `wasm32-unknown-unknown` and made a component by `jco new`, it imports
//! only `wasi:http/types` and `wasi:io` (no `wasi:cli`, filesystem, sockets, clocks or
//! randomness), so `wasmtime serve` runs it without `-Scli`.
//!
//! The routing is plain functions over method, path, content type and body, so it is
//! tested natively too:
//!
//! ```
//! use lockstep_http::{route, Edge, Reply, Request};
//! let req = Request { method: "POST", path: "/v1/version", content_type: Some("application/json"), client_ip: None };
//! let r: Reply = route(&Edge, &req, Ok(b"{}".to_vec()));
//! assert_eq!(r.status, 200);
//! assert!(r.body.starts_with(r#"{"name":"lockstep""#));
//! assert_eq!(route(&Edge, &Request { method: "GET", ..req }, Ok(vec![])).status, 405);
//! ```

use lockstep_core::error::{Error, ErrorCode};
use lockstep_core::limits::MAX_REQUEST_BYTES;
use lockstep_core::version::Target;
use lockstep_core::wire::{self, Operation};

#[cfg(target_arch = "wasm32")]
pub mod handler;

/// What a wasi:http front answers: which operations it serves and how.
pub trait Service {
    /// The operation `op` names, or the error to answer 404 with.
    fn operation(&self, op: &str) -> Result<Operation, Error>;
    /// Answers `op` on the body; `client_ip` is the `x-client-ip` header, if any.
    fn answer(&self, op: Operation, body: &[u8], client_ip: Option<&str>) -> wire::Outcome;
}

/// The edge function: every operation, straight to the core.
///
/// ```
/// use lockstep_http::Service;
/// assert!(lockstep_http::Edge.operation("score").is_ok());
/// assert!(lockstep_http::Edge.operation("refund").is_err());
/// ```
pub struct Edge;

impl Service for Edge {
    fn operation(&self, op: &str) -> Result<Operation, Error> {
        Operation::parse(op)
    }

    fn answer(&self, op: Operation, body: &[u8], _client_ip: Option<&str>) -> wire::Outcome {
        wire::handle_json(op.as_str(), body, Target::Wasi)
    }
}

/// What the router looks at in a request (the body comes separately, read or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request<'a> {
    /// The method, upper case (`POST`).
    pub method: &'a str,
    /// The path, possibly with a query (ignored).
    pub path: &'a str,
    /// The `content-type` header.
    pub content_type: Option<&'a str>,
    /// The `x-client-ip` header, set by the trusted proxy in front.
    pub client_ip: Option<&'a str>,
}

impl Request<'_> {
    /// The operation name: the path after `/v1/`, without a query.
    fn op(&self) -> Option<&str> {
        self.path
            .split('?')
            .next()
            .unwrap_or_default()
            .strip_prefix("/v1/")
    }
}

/// How a request body was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// More than [`MAX_REQUEST_BYTES`] arrived (how many were seen).
    TooLarge(usize),
    /// The body stream failed.
    Unreadable,
}

/// An answer: status, JSON body, and whether it carries `Allow: POST`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The JSON text.
    pub body: String,
    /// `Allow: POST` (for 405).
    pub allow_post: bool,
}

impl Reply {
    fn json(status: u16, body: String) -> Reply {
        Reply {
            status,
            body,
            allow_post: false,
        }
    }
}

/// Headers of every answer: JSON, never cached, never sniffed.
///
/// ```
/// assert!(lockstep_http::HEADERS.iter().any(|(n, _)| *n == "cache-control"));
/// ```
pub const HEADERS: [(&str, &str); 3] = [
    ("content-type", "application/json"),
    ("cache-control", "no-store"),
    ("x-content-type-options", "nosniff"),
];

/// The HTTP status for an outcome's error code (`None` is success), as the demo server.
///
/// ```
/// use lockstep_core::error::ErrorCode;
/// assert_eq!(lockstep_http::status_of(None), 200);
/// assert_eq!(lockstep_http::status_of(Some(ErrorCode::UnknownOperation)), 404);
/// assert_eq!(lockstep_http::status_of(Some(ErrorCode::Internal)), 500);
/// ```
pub fn status_of(error: Option<ErrorCode>) -> u16 {
    match error {
        None => 200,
        Some(ErrorCode::NotImplemented) => 501,
        Some(ErrorCode::RequestTooLarge) => 413,
        Some(ErrorCode::UnknownOperation) => 404,
        Some(code) if code.is_bad_input() => 400,
        Some(_) => 500,
    }
}

/// `application/json`, with or without parameters, any letter case.
///
/// ```
/// assert!(lockstep_http::is_json(Some("Application/JSON; charset=utf-8")));
/// assert!(!lockstep_http::is_json(Some("application/json-seq")));
/// assert!(!lockstep_http::is_json(None));
/// ```
pub fn is_json(value: Option<&str>) -> bool {
    value
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Answers one request. `body` is what the handler read, bounded by
/// [`MAX_REQUEST_BYTES`]. The checks run in the demo server's order: path and
/// operation (404), method (405), content type (415), body (413, 400), then `service`.
///
/// ```
/// use lockstep_http::{route, Edge, Request};
/// let req = Request { method: "POST", path: "/v1/refund", content_type: Some("application/json"), client_ip: None };
/// let r = route(&Edge, &req, Ok(vec![]));
/// assert_eq!(r.status, 404);
/// assert!(r.body.contains("unknown_operation"));
/// ```
pub fn route(
    service: &impl Service,
    request: &Request<'_>,
    body: Result<Vec<u8>, BodyError>,
) -> Reply {
    let Some(op) = request.op() else {
        return Reply::json(
            404,
            Error::new(ErrorCode::UnknownOperation, "not found; use POST /v1/{op}").to_json(),
        );
    };
    let op = match service.operation(op) {
        Ok(op) => op,
        Err(error) => return Reply::json(404, error.to_json()),
    };
    if request.method != "POST" {
        return Reply {
            status: 405,
            body: Error::new(ErrorCode::Usage, "use POST with a JSON body").to_json(),
            allow_post: true,
        };
    }
    if !is_json(request.content_type) {
        return Reply::json(
            415,
            Error::new(
                ErrorCode::InvalidValue,
                "unsupported content type; send the request as application/json",
            )
            .to_json(),
        );
    }
    match body {
        Ok(bytes) => {
            let outcome = service.answer(op, &bytes, request.client_ip);
            Reply::json(status_of(outcome.error), outcome.json)
        }
        Err(BodyError::TooLarge(seen)) => {
            Reply::json(413, lockstep_core::codec::too_large(seen).to_json())
        }
        Err(BodyError::Unreadable) => Reply::json(
            400,
            Error::new(ErrorCode::InvalidJson, "the request body could not be read").to_json(),
        ),
    }
}

/// Whether the body is read at all: only for an operation `service` serves, POSTed as
/// JSON (the other answers do not depend on it).
///
/// ```
/// use lockstep_http::{wants_body, Edge, Request};
/// let req = Request { method: "POST", path: "/v1/quote?x=1", content_type: Some("application/json"), client_ip: None };
/// assert!(wants_body(&Edge, &req));
/// assert!(!wants_body(&Edge, &Request { method: "GET", ..req }));
/// ```
pub fn wants_body(service: &impl Service, request: &Request<'_>) -> bool {
    request.method == "POST"
        && is_json(request.content_type)
        && request.op().is_some_and(|op| service.operation(op).is_ok())
}

/// The most a body may have: [`MAX_REQUEST_BYTES`].
///
/// ```
/// assert_eq!(lockstep_http::BODY_LIMIT, lockstep_core::limits::MAX_REQUEST_BYTES);
/// ```
pub const BODY_LIMIT: usize = MAX_REQUEST_BYTES;

#[cfg(test)]
mod tests {
    use super::*;

    fn call(
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: Result<Vec<u8>, BodyError>,
    ) -> Reply {
        let req = Request {
            method,
            path,
            content_type,
            client_ip: None,
        };
        route(&Edge, &req, body)
    }

    const JSON: Option<&str> = Some("application/json");

    #[test]
    fn statuses_follow_the_demo_server() {
        let ok = call("POST", "/v1/version", JSON, Ok(b"{}".to_vec()));
        assert_eq!((ok.status, ok.allow_post), (200, false));
        assert_eq!(
            call("POST", "/v1/quote", JSON, Ok(b"{}".to_vec())).status,
            400
        );
        assert_eq!(call("POST", "/v1/quote", JSON, Ok(vec![])).status, 400);
        assert_eq!(call("POST", "/v1/quote", JSON, Ok(vec![0xff])).status, 400);
        assert_eq!(call("POST", "/v1/Quote", JSON, Ok(vec![])).status, 404);
        assert_eq!(call("POST", "/", JSON, Ok(vec![])).status, 404);
        assert_eq!(call("POST", "/api/quote", JSON, Ok(vec![])).status, 404);
        let get = call("GET", "/v1/quote", JSON, Ok(vec![]));
        assert_eq!((get.status, get.allow_post), (405, true));
        assert_eq!(
            call("POST", "/v1/quote", Some("text/plain"), Ok(vec![])).status,
            415
        );
        assert_eq!(call("POST", "/v1/quote", None, Ok(vec![])).status, 415);
        let big = call(
            "POST",
            "/v1/quote",
            JSON,
            Err(BodyError::TooLarge(BODY_LIMIT + 1)),
        );
        assert_eq!(big.status, 413);
        assert!(big.body.contains("request_too_large"));
        assert_eq!(
            call("POST", "/v1/quote", JSON, Err(BodyError::Unreadable)).status,
            400
        );
    }

    #[test]
    fn the_query_is_ignored() {
        assert_eq!(
            call("POST", "/v1/version?x=1", JSON, Ok(b"{}".to_vec())).status,
            200
        );
    }
}
