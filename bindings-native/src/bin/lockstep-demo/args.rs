//! Command-line flags.

use std::path::PathBuf;

/// `--help` text.
pub const USAGE: &str = "\
usage: lockstep-demo [--port N] [--www DIR]
  --port N    port on 127.0.0.1 (default 8080; 0 picks a free port)
  --www DIR   directory of the built page (default dist/www)
  --help      this text
The first line of stdout is the URL, e.g. `Lockstep demo: http://127.0.0.1:8080/`.
";

/// What to serve, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// TCP port on 127.0.0.1; 0 asks the OS for a free one.
    pub port: u16,
    /// Directory of static files.
    pub www: PathBuf,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the server.
    Run(Options),
    /// Print usage and exit.
    Help,
}

/// Parses flags (`--port N`, `--port=N`, `--www DIR`, `--www=DIR`, `--help`).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        port: 8080,
        www: PathBuf::from("dist/www"),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--port" | "--www" => {
                let value = match inline.or_else(|| args.next()) {
                    Some(value) => value,
                    None => return Err(format!("{flag} needs a value")),
                };
                if flag == "--port" {
                    options.port = value.parse().map_err(|_| {
                        format!("--port wants a number from 0 to 65535, not `{value}`")
                    })?;
                } else {
                    options.www = PathBuf::from(value);
                }
            }
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    Ok(Command::Run(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn defaults_and_flags() {
        assert_eq!(
            run(&[]),
            Ok(Command::Run(Options {
                port: 8080,
                www: PathBuf::from("dist/www")
            }))
        );
        assert_eq!(
            run(&["--port", "0", "--www=x"]),
            Ok(Command::Run(Options {
                port: 0,
                www: PathBuf::from("x")
            }))
        );
        assert_eq!(run(&["--help"]), Ok(Command::Help));
        assert!(run(&["--port", "70000"]).is_err());
        assert!(run(&["--port"]).is_err());
        assert!(run(&["--verbose"]).is_err());
    }
}
