//! `POST /api/{op}`: the request body goes to [`lockstep::handle_json`] unchanged and its
//! answer comes back unchanged; this module only maps outcomes to HTTP statuses.

use std::pin::Pin;

use axum::body::HttpBody;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use lockstep::Operation;
use lockstep::limits::MAX_REQUEST_BYTES;
use lockstep::{Error, ErrorCode};

/// How much of an oversized body is read and thrown away before answering 413, so that
/// the client sees the answer rather than a reset connection; past this the connection
/// is simply closed after the answer.
const DRAIN_LIMIT: usize = 8 * MAX_REQUEST_BYTES;

/// Answers `/api/{op}`.
pub async fn answer(op: &str, request: Request) -> Response {
    let op = match Operation::parse(op) {
        Ok(op) => op,
        Err(error) => return json(StatusCode::NOT_FOUND, error.to_json()),
    };
    if request.method() != Method::POST {
        let mut response = json(
            StatusCode::METHOD_NOT_ALLOWED,
            Error::new(ErrorCode::Usage, "use POST with a JSON body").to_json(),
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    if !is_json(request.headers().get(header::CONTENT_TYPE)) {
        return json(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::new(
                ErrorCode::InvalidValue,
                "unsupported content type; send the request as application/json",
            )
            .to_json(),
        );
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let body = match read_limited(request.into_body()).await {
        Ok(Read::Complete(bytes)) => bytes,
        Ok(Read::TooLarge(seen)) => {
            let len = declared.unwrap_or(seen).max(seen);
            let mut response = json(
                StatusCode::PAYLOAD_TOO_LARGE,
                lockstep_core::codec::too_large(len).to_json(),
            );
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            return response;
        }
        Err(()) => {
            return json(
                StatusCode::BAD_REQUEST,
                Error::new(ErrorCode::InvalidJson, "the request body could not be read").to_json(),
            );
        }
    };
    let outcome = lockstep::handle_json(op.as_str(), &body);
    json(status_of(outcome.error), outcome.json)
}

/// The HTTP status for an outcome's error code (`None` is success).
pub fn status_of(error: Option<ErrorCode>) -> StatusCode {
    match error {
        None => StatusCode::OK,
        Some(ErrorCode::NotImplemented) => StatusCode::NOT_IMPLEMENTED,
        Some(ErrorCode::RequestTooLarge) => StatusCode::PAYLOAD_TOO_LARGE,
        Some(ErrorCode::UnknownOperation) => StatusCode::NOT_FOUND,
        Some(code) if code.is_bad_input() => StatusCode::BAD_REQUEST,
        Some(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// `application/json`, with or without parameters (`; charset=utf-8`), any letter case.
fn is_json(value: Option<&HeaderValue>) -> bool {
    value
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// A request body: complete, or over the limit (with how many bytes were seen).
enum Read {
    Complete(Vec<u8>),
    TooLarge(usize),
}

/// Reads at most `MAX_REQUEST_BYTES`; a longer body is drained (up to [`DRAIN_LIMIT`])
/// and reported as too large without being kept. `Err` when the body cannot be read.
async fn read_limited(mut body: axum::body::Body) -> Result<Read, ()> {
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame.map_err(|_| ())?.into_data() else {
            continue; // trailers
        };
        seen = seen.saturating_add(data.len());
        if seen <= MAX_REQUEST_BYTES {
            kept.extend_from_slice(&data);
        } else {
            kept = Vec::new();
            if seen > DRAIN_LIMIT {
                break;
            }
        }
    }
    if seen > MAX_REQUEST_BYTES {
        Ok(Read::TooLarge(seen))
    } else {
        Ok(Read::Complete(kept))
    }
}

/// A JSON answer that must not be cached.
fn json(status: StatusCode, text: String) -> Response {
    let mut response = Response::new(axum::body::Body::from(text));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(status_of(None), StatusCode::OK);
        assert_eq!(
            status_of(Some(ErrorCode::NotImplemented)),
            StatusCode::NOT_IMPLEMENTED
        );
        assert_eq!(
            status_of(Some(ErrorCode::InvalidJson)),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status_of(Some(ErrorCode::Internal)),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn content_types() {
        let ok = |s: &'static str| is_json(Some(&HeaderValue::from_static(s)));
        assert!(ok("application/json"));
        assert!(ok("Application/JSON; charset=utf-8"));
        assert!(!ok("text/plain"));
        assert!(!ok("application/json-seq"));
        assert!(!is_json(None));
    }
}
