//! Static files of the built page (`GET`/`HEAD` only, no directory listings, no path
//! that leaves the directory).

use std::path::Path;

use axum::body::Body;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;

/// The page's Content-Security-Policy: same-origin only, plus compiling WebAssembly.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// Answers a non-API path from the `www` directory.
pub async fn answer(www: &Path, path: &str, method: &Method) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(relative) = safe_relative(path) else {
        return plain(StatusCode::NOT_FOUND, "not found\n");
    };
    let file = www.join(&relative);
    let bytes = match tokio::fs::metadata(&file).await {
        Ok(meta) if meta.is_file() => tokio::fs::read(&file).await,
        _ => return plain(StatusCode::NOT_FOUND, "not found\n"),
    };
    let Ok(bytes) = bytes else {
        return plain(StatusCode::NOT_FOUND, "not found\n");
    };
    let len = bytes.len();
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&relative)),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

/// `/a/b.js` → `a/b.js`, `/` or `/dir/` → `index.html` inside; `None` for anything that
/// could leave the directory or name a hidden file (`..`, `.x`, `\`, `%`, empty segments).
pub fn safe_relative(path: &str) -> Option<String> {
    let trimmed = path.strip_prefix('/')?;
    let mut out = String::new();
    let segments: Vec<&str> = trimmed.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if segment.is_empty() && last {
            break;
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
        if segment.is_empty() || segment.starts_with('.') || !segment.chars().all(allowed) {
            return None;
        }
        out.push_str(segment);
        if !last {
            out.push('/');
        }
    }
    if out.is_empty() || out.ends_with('/') {
        out.push_str("index.html");
    }
    Some(out)
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(safe_relative("/").as_deref(), Some("index.html"));
        assert_eq!(safe_relative("/app.js").as_deref(), Some("app.js"));
        assert_eq!(
            safe_relative("/npm/lockstep_web.js").as_deref(),
            Some("npm/lockstep_web.js")
        );
        assert_eq!(safe_relative("/npm/").as_deref(), Some("npm/index.html"));
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/a/../../x"), None);
        assert_eq!(safe_relative("/.git/config"), None);
        assert_eq!(safe_relative("/a//b"), None);
        assert_eq!(safe_relative("/%2e%2e/x"), None);
        assert_eq!(safe_relative("/a\\b"), None);
        assert_eq!(safe_relative("relative"), None);
    }
}
