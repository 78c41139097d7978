//! What the component targets need: splitting a batch line into an operation and its
//! request text, a minimal HTTP/1.1 client, and `wasmtime serve` started on a free
//! loopback port and stopped by its PID.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The operations the pure component exports one function each for.
const OPS: [&str; 4] = ["quote", "validate", "score", "version"];

/// A well-formed envelope `{"op":"<name>","request":<request>}` (exactly that text
/// shape, the whole line and the request each valid JSON on their own) as its
/// operation name and request text; `None` for anything else (broken, reordered,
/// duplicated or extra members), which only the batch-line form can express.
///
/// ```
/// use lockstep_tests::component::split_line;
/// assert_eq!(split_line(r#"{"op":"quote","request":{"a":1}}"#), Some(("quote", r#"{"a":1}"#)));
/// assert_eq!(split_line(r#"{"op":"version","request":{},"op":"quote"}"#), None);
/// assert_eq!(split_line(r#"{"op":"version","request":{}"#), None);
/// assert_eq!(split_line(r#"{"op":"quote","request":{"a":1,"a":2}}"#), None);
/// ```
pub fn split_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(r#"{"op":""#)?;
    let (op, rest) = rest.split_once('"')?;
    if op.is_empty() || !op.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let request = rest.strip_prefix(r#","request":"#)?.strip_suffix('}')?;
    // The core's own strict reading: no repeated member, no lone surrogate, within the
    // nesting limit counting the envelope (the batch form's checks).
    let text = lockstep_core::codec::request_text(line.as_bytes()).ok()?;
    let whole = lockstep_core::codec::decode::<serde_json::Value>(text).ok()?;
    let alone = serde_json::from_str::<serde_json::Value>(request).ok()?;
    (whole.as_object()?.len() == 2 && whole["request"] == alone).then_some((op, request))
}

/// The pure component's call for a batch line: `[function, argument]` as JSON, the
/// operation's own export for a well-formed envelope of one of the four operations,
/// `handle-line` with the whole line otherwise.
///
/// ```
/// use lockstep_tests::component::call_for;
/// assert_eq!(call_for(r#"{"op":"score","request":{}}"#), r#"["score","{}"]"#);
/// assert_eq!(call_for(r#"{"op":"refund","request":{}}"#), r#"["handle-line","{\"op\":\"refund\",\"request\":{}}"]"#);
/// ```
pub fn call_for(line: &str) -> String {
    let (function, argument) = match split_line(line) {
        Some((op, request)) if OPS.contains(&op) => (op, request),
        _ => ("handle-line", line),
    };
    serde_json::json!([function, argument]).to_string()
}

/// An HTTP answer: status, headers (lower-case names) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The headers, names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked).
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as text (lossy).
    ///
    /// ```
    /// let a = lockstep_tests::component::Answer { status: 200, headers: vec![], body: b"{}".to_vec() };
    /// assert_eq!(a.text(), "{}");
    /// ```
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The first value of header `name` (lower case).
    ///
    /// ```
    /// let a = lockstep_tests::component::Answer { status: 200, headers: vec![("allow".into(), "POST".into())], body: vec![] };
    /// assert_eq!(a.header("allow"), Some("POST"));
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request on a new connection (`Connection: close`) and reads the answer.
///
/// ```no_run
/// let a = lockstep_tests::component::request("127.0.0.1:8080", "POST", "/v1/version", Some("application/json"), b"{}").unwrap();
/// assert_eq!(a.status, 200);
/// ```
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Answer, String> {
    request_with(addr, method, path, content_type, &[], body)
}

/// [`request`] with extra headers.
///
/// ```no_run
/// let a = lockstep_tests::component::request_with("127.0.0.1:8080", "POST", "/v1/score",
///     Some("application/json"), &[("x-client-ip", "198.51.100.7")], b"{}").unwrap();
/// assert_eq!(a.status, 400);
/// ```
pub fn request_with(
    addr: &str,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    extra: &[(&str, &str)],
    body: &[u8],
) -> Result<Answer, String> {
    let mut stream = TcpStream::connect(addr).map_err(|e| format!("{addr}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    for (n, v) in extra {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .map_err(|e| e.to_string())?;
    // A server may answer (413) before reading the whole body and close: ignore that.
    let _ = stream.write_all(body);
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader
        .read_line(&mut status_line)
        .map_err(|e| format!("status line: {e}"))?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or(format!("bad status line {status_line:?}"))?;
    let mut headers = Vec::new();
    loop {
        let mut l = String::new();
        reader.read_line(&mut l).map_err(|e| e.to_string())?;
        let l = l.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((n, v)) = l.split_once(':') {
            headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    let mut raw = Vec::new();
    let _ = reader.read_to_end(&mut raw);
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    let body = if chunked { dechunk(&raw)? } else { raw };
    Ok(Answer {
        status,
        headers,
        body,
    })
}

fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("truncated chunk size")?;
        let size_text = String::from_utf8_lossy(&raw[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|e| format!("chunk size {size_text:?}: {e}"))?;
        raw = &raw[end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if raw.len() < size + 2 {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

/// A server process started for a test, stopped (by its PID) when dropped.
#[derive(Debug)]
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// From spawn to the first answer to `POST /v1/version`, milliseconds.
    pub first_answer_ms: u128,
}

impl Server {
    /// `wasmtime serve` of `component` on a free loopback port, without `-Scli`, once
    /// it answers `POST /v1/version`.
    ///
    /// ```no_run
    /// let root = lockstep_tests::targets::root();
    /// let s = lockstep_tests::component::Server::wasmtime_serve(&root.join("dist/lockstep-http.wasm")).unwrap();
    /// assert!(s.addr.starts_with("127.0.0.1:"));
    /// ```
    pub fn wasmtime_serve(component: &Path) -> Result<Server, String> {
        let mut c = Command::new("wasmtime");
        c.args(["serve", "--addr", "127.0.0.1:0"]).arg(component);
        Server::start(c, "Serving HTTP on http://")
    }

    /// `dist/native/lockstep-demo --port 0` (the demo server, `/api/{op}`).
    ///
    /// ```no_run
    /// let s = lockstep_tests::component::Server::demo().unwrap();
    /// assert!(s.addr.starts_with("127.0.0.1:"));
    /// ```
    pub fn demo() -> Result<Server, String> {
        let root = crate::targets::root();
        let mut c = Command::new(root.join("dist/native/lockstep-demo"));
        c.args(["--port", "0", "--www"]).arg(root.join("dist/www"));
        Server::start(c, "http://")
    }

    fn start(mut command: Command, marker: &str) -> Result<Server, String> {
        let shown = format!("{command:?}");
        let started = Instant::now();
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {shown}: {e}"))?;
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        for pipe in [
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        let mut server = Server {
            child,
            addr: String::new(),
            first_answer_ms: 0,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.addr.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx
                .recv_timeout(left)
                .map_err(|_| format!("{shown} printed no address in 30 s"))?;
            if let Some(at) = line.find(marker) {
                let rest = &line[at + marker.len()..];
                server.addr = rest
                    .trim_start_matches("http://")
                    .split('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
            }
        }
        let path = if marker.starts_with("Serving") {
            "/v1/version"
        } else {
            "/api/version"
        };
        loop {
            // Any answer means the component ran (the payment service answers 404 here).
            if request(&server.addr, "POST", path, Some("application/json"), b"{}").is_ok() {
                break;
            }
            if Instant::now() > deadline {
                return Err(format!("{shown} does not answer on {}", server.addr));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        server.first_answer_ms = started.elapsed().as_millis();
        Ok(server)
    }

    /// The server's resident memory (VmRSS), kilobytes.
    ///
    /// ```no_run
    /// let s = lockstep_tests::component::Server::demo().unwrap();
    /// assert!(s.rss_kb().unwrap() > 0);
    /// ```
    pub fn rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
    }

    /// Whether the process is still running.
    ///
    /// ```no_run
    /// let mut s = lockstep_tests::component::Server::demo().unwrap();
    /// assert!(s.alive());
    /// ```
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
