//! `lockstep`: the command-line binding.
//!
//! Built for `wasm32-wasip1` it is `dist/lockstep.wasm`, a WASI command; built for the
//! host it is the native CLI `dist/native/lockstep`. It only reads requests, calls
//! `lockstep-core` and writes the answers.
//!
//! ```text
//! lockstep <op>        one JSON request on stdin, one JSON response on stdout
//! lockstep --batch     newline-delimited {"op": ..., "request": ...}, one answer line each
//! lockstep --version   the `version` response, without reading stdin
//! lockstep --help
//! ```
//!
//! Exit status: 0 success; 2 bad input (error JSON on stdout, one line on stderr);
//! 1 anything else.

#[cfg(target_os = "wasi")]
mod no_env;

use std::io::Write;
use std::process::ExitCode;

use lockstep_cli::io;
use lockstep_core::error::{Error, ErrorCode};
use lockstep_core::version::Target;
use lockstep_core::wire::{self, Outcome};

const TARGET: Target = if cfg!(target_os = "wasi") {
    Target::Wasi
} else {
    Target::Native
};

const HELP: &str = "\
lockstep: pricing, payment validation and fraud scoring, identical on every target

usage:
  lockstep <op>        read one JSON request on stdin, write one JSON response on stdout
  lockstep --batch     read newline-delimited {\"op\": \"...\", \"request\": {...}} lines,
                       write one response line per request line
  lockstep --version   write the version response (no input read)
  lockstep --help      this text

operations: quote, validate, score, version
exit status: 0 success, 2 bad input (error JSON on stdout, a message on stderr),
             1 anything else
wire format: docs/wire-format.md
";

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|_| {
        // Never echo the panic payload: it could contain request data.
        let out = Error::new(ErrorCode::Internal, "internal error").to_json();
        let _ = writeln!(std::io::stdout(), "{out}");
        let _ = writeln!(std::io::stderr(), "lockstep: internal error");
        std::process::exit(1);
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["--help"] | ["-h"] => print_text(HELP),
        ["--version"] => finish(wire::handle_json("version", b"{}", TARGET)),
        ["--batch"] => {
            match io::run_batch(std::io::stdin().lock(), std::io::stdout().lock(), TARGET) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "lockstep: {e}");
                    ExitCode::from(1)
                }
            }
        }
        [op] if !op.starts_with('-') => match io::read_request(std::io::stdin().lock()) {
            Ok(bytes) => finish(wire::handle_json(op, &bytes, TARGET)),
            Err(io::ReadError::TooLarge(len)) => finish(Outcome {
                json: lockstep_core::codec::too_large(len).to_json(),
                error: Some(ErrorCode::RequestTooLarge),
            }),
            Err(io::ReadError::Io(e)) => {
                let _ = writeln!(std::io::stderr(), "lockstep: cannot read stdin: {e}");
                ExitCode::from(1)
            }
        },
        _ => {
            let err = Error::new(
                ErrorCode::Usage,
                "usage: lockstep <quote|validate|score|version> | --batch | --version | --help",
            );
            finish(Outcome {
                json: err.to_json(),
                error: Some(err.code),
            })
        }
    }
}

fn print_text(text: &str) -> ExitCode {
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

/// Writes the answer and picks the exit status.
fn finish(outcome: Outcome) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", outcome.json)
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    match outcome.error {
        None => ExitCode::SUCCESS,
        Some(code) => {
            let _ = writeln!(
                std::io::stderr(),
                "lockstep: {}: see the error JSON on stdout",
                code.as_str()
            );
            if code.is_bad_input() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
