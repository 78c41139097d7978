//! Bounded reading of stdin: one request, or newline-delimited batch lines.
//!
//! ```
//! let mut out = Vec::new();
//! let input = &b"{\"op\":\"version\",\"request\":{}}\n\n{bad\n"[..];
//! lockstep_cli::io::run_batch(input, &mut out, lockstep_core::version::Target::Native).unwrap();
//! let text = String::from_utf8(out).unwrap();
//! assert_eq!(text.lines().count(), 2);
//! ```

use std::io::{BufRead, Read, Write};

use lockstep_core::limits::MAX_REQUEST_BYTES;
use lockstep_core::version::Target;
use lockstep_core::wire;

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// More than [`MAX_REQUEST_BYTES`] bytes arrived (the count read so far).
    TooLarge(usize),
    /// stdin failed.
    Io(std::io::Error),
}

/// Reads all of `input`, refusing to buffer more than the request limit.
///
/// ```
/// let bytes = lockstep_cli::io::read_request(&b"{}"[..]).unwrap();
/// assert_eq!(bytes, b"{}");
/// ```
pub fn read_request(input: impl Read) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    let limit = u64::try_from(MAX_REQUEST_BYTES + 1).unwrap_or(u64::MAX);
    input
        .take(limit)
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() > MAX_REQUEST_BYTES {
        return Err(ReadError::TooLarge(buf.len()));
    }
    Ok(buf)
}

/// Answers each input line with one output line, flushing after each so a driver can
/// converse over pipes. A line over the limit is skipped without being buffered and
/// answered with `request_too_large`; blank lines are ignored.
pub fn run_batch(
    mut input: impl BufRead,
    mut out: impl Write,
    target: Target,
) -> std::io::Result<()> {
    let mut line = Vec::new();
    loop {
        line.clear();
        let (seen, ended) = read_line_bounded(&mut input, &mut line)?;
        if seen == 0 && ended {
            break;
        }
        let answer = if seen > MAX_REQUEST_BYTES {
            lockstep_core::codec::too_large(seen).to_json()
        } else if line.iter().all(u8::is_ascii_whitespace) {
            if ended {
                break;
            }
            continue;
        } else {
            wire::handle_batch_line(&line, target).json
        };
        out.write_all(answer.as_bytes())?;
        out.write_all(b"\n")?;
        out.flush()?;
        if ended {
            break;
        }
    }
    Ok(())
}

/// Reads one line (without its `\n`) into `line`, keeping at most the limit plus one
/// byte. Returns the number of bytes the line had and whether input ended.
fn read_line_bounded(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    let mut seen = 0usize;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok((seen, true));
        }
        let (take, newline) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = (MAX_REQUEST_BYTES + 1).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..take.min(room)]);
        seen = seen.saturating_add(take);
        input.consume(if newline { take + 1 } else { take });
        if newline {
            return Ok((seen, false));
        }
    }
}
