//! The `wasi:http/incoming-handler` glue: [`serve`] reads the request (bounded), calls
//! [`crate::route`] and writes the reply. With the `edge` feature (default) this crate
//! exports it for [`crate::Edge`]; the payment service calls [`serve`] for its own.

use wasip2::http::types::{
    Fields, IncomingBody, IncomingRequest, Method, OutgoingBody, OutgoingResponse, ResponseOutparam,
};
use wasip2::io::streams::StreamError;

use crate::{BODY_LIMIT, BodyError, HEADERS, Reply, Request, Service};

/// How much of an oversized body is read and dropped before answering 413 (as the demo
/// server), so that the client sees the answer.
const DRAIN_LIMIT: usize = 8 * BODY_LIMIT;

/// Answers one wasi:http request for `service`.
///
/// ```text
/// // in a wasi:http/incoming-handler export:
/// lockstep_http::handler::serve(&lockstep_http::Edge, request, out);
/// ```
pub fn serve(service: &impl Service, request: IncomingRequest, out: ResponseOutparam) {
    let method = match request.method() {
        Method::Post => "POST".to_owned(),
        Method::Get => "GET".to_owned(),
        Method::Other(m) => m,
        other => format!("{other:?}").to_uppercase(),
    };
    let path = request.path_with_query().unwrap_or_default();
    let content_type = header(&request, "content-type");
    let client_ip = header(&request, "x-client-ip");
    let declared = header(&request, "content-length").and_then(|v| v.parse::<usize>().ok());
    let req = Request {
        method: &method,
        path: &path,
        content_type: content_type.as_deref(),
        client_ip: client_ip.as_deref(),
    };
    let body = if crate::wants_body(service, &req) {
        // As the demo server: a too-large body reports the larger of the declared and
        // the seen length.
        read_body(request).map_err(|e| match e {
            BodyError::TooLarge(seen) => BodyError::TooLarge(declared.unwrap_or(seen).max(seen)),
            other => other,
        })
    } else {
        Ok(Vec::new())
    };
    respond(out, &crate::route(service, &req, body));
}

#[cfg(feature = "edge")]
struct Handler;

#[cfg(feature = "edge")]
impl wasip2::exports::http::incoming_handler::Guest for Handler {
    fn handle(request: IncomingRequest, out: ResponseOutparam) {
        serve(&crate::Edge, request, out);
    }
}

#[cfg(feature = "edge")]
wasip2::http::proxy::export!(Handler);

/// The first value of header `name`, when it is UTF-8.
fn header(request: &IncomingRequest, name: &str) -> Option<String> {
    let values = request.headers().get(name);
    values
        .first()
        .and_then(|v| String::from_utf8(v.clone()).ok())
}

/// Reads at most [`BODY_LIMIT`] bytes; a longer body is drained up to [`DRAIN_LIMIT`]
/// and reported with how much was seen.
fn read_body(request: IncomingRequest) -> Result<Vec<u8>, BodyError> {
    let body = request.consume().map_err(|()| BodyError::Unreadable)?;
    let stream = body.stream().map_err(|()| BodyError::Unreadable)?;
    let mut kept = Vec::new();
    let mut seen = 0usize;
    loop {
        match stream.blocking_read(64 * 1024) {
            Ok(chunk) => {
                seen = seen.saturating_add(chunk.len());
                if seen <= BODY_LIMIT {
                    kept.extend_from_slice(&chunk);
                } else {
                    kept = Vec::new();
                    if seen > DRAIN_LIMIT {
                        break;
                    }
                }
            }
            Err(StreamError::Closed) => break,
            Err(StreamError::LastOperationFailed(_)) => return Err(BodyError::Unreadable),
        }
    }
    drop(stream);
    let _trailers = IncomingBody::finish(body);
    if seen > BODY_LIMIT {
        Err(BodyError::TooLarge(seen))
    } else {
        Ok(kept)
    }
}

/// Writes `reply`; a failure past this point can only drop the connection.
fn respond(out: ResponseOutparam, reply: &Reply) {
    let headers = Fields::new();
    for (name, value) in HEADERS {
        let _ = headers.append(name, value.as_bytes());
    }
    if reply.allow_post {
        let _ = headers.append("allow", b"POST");
    }
    let response = OutgoingResponse::new(headers);
    let _ = response.set_status_code(reply.status);
    let Ok(body) = response.body() else {
        return;
    };
    ResponseOutparam::set(out, Ok(response));
    if let Ok(stream) = body.write() {
        // blocking-write-and-flush takes at most 4096 bytes a call.
        for chunk in reply.body.as_bytes().chunks(4096) {
            if stream.blocking_write_and_flush(chunk).is_err() {
                return;
            }
        }
        drop(stream);
    }
    let _ = OutgoingBody::finish(body, None);
}
