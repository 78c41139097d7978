//! Drivers that run the same batch of requests through each target and collect the
//! answer lines: native in-process, the native CLI, `wasmtime run dist/lockstep.wasm`
//! and the npm package in Node.js.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (the workspace directory).
///
/// ```
/// assert!(lockstep_tests::targets::root().join("Cargo.toml").exists());
/// ```
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A way to run batch lines through one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    /// `lockstep_core::wire::handle_batch_line` in this process.
    InProcess,
    /// `dist/native/lockstep --batch`.
    NativeCli,
    /// `wasmtime run dist/lockstep.wasm --batch`.
    Wasmtime,
    /// `wasmtime run --allow-precompiled dist/lockstep.cwasm --batch`.
    WasmtimePrecompiled,
    /// `node tests/node/batch.mjs`, importing `dist/npm`.
    Node,
    /// `node tests/browser/batch.mjs`: the npm package in a page in headless Chromium.
    Chromium,
}

impl Driver {
    /// Every driver.
    ///
    /// ```
    /// assert_eq!(lockstep_tests::targets::Driver::ALL.len(), 6);
    /// ```
    pub const ALL: [Driver; 6] = [
        Driver::InProcess,
        Driver::NativeCli,
        Driver::Wasmtime,
        Driver::WasmtimePrecompiled,
        Driver::Node,
        Driver::Chromium,
    ];

    /// A short display name.
    ///
    /// ```
    /// assert_eq!(lockstep_tests::targets::Driver::Node.name(), "node");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Driver::InProcess => "native-in-process",
            Driver::NativeCli => "native-cli",
            Driver::Wasmtime => "wasmtime",
            Driver::WasmtimePrecompiled => "wasmtime-cwasm",
            Driver::Node => "node",
            Driver::Chromium => "chromium",
        }
    }

    /// The target name its `version` answer reports.
    ///
    /// ```
    /// assert_eq!(lockstep_tests::targets::Driver::Wasmtime.target(), "wasi");
    /// ```
    pub fn target(self) -> &'static str {
        match self {
            Driver::InProcess | Driver::NativeCli => "native",
            Driver::Wasmtime | Driver::WasmtimePrecompiled => "wasi",
            Driver::Node | Driver::Chromium => "web",
        }
    }

    /// Runs `lines` (one request envelope each) and returns one answer per line.
    ///
    /// ```no_run
    /// use lockstep_tests::targets::Driver;
    /// let out = Driver::InProcess.run(&[r#"{"op":"version","request":{}}"#.to_owned()]).unwrap();
    /// assert_eq!(out.len(), 1);
    /// ```
    pub fn run(self, lines: &[String]) -> Result<Vec<String>, String> {
        let Some(command) = self.command(None) else {
            return Ok(lines
                .iter()
                .map(|l| {
                    lockstep_core::wire::handle_batch_line(
                        l.as_bytes(),
                        lockstep_core::version::Target::Native,
                    )
                    .json
                })
                .collect());
        };
        let mut input = lines.join("\n");
        input.push('\n');
        let stdout = run_with_stdin(command, input.as_bytes())?;
        Ok(stdout.lines().map(str::to_owned).collect())
    }

    /// Runs one request (raw bytes, possibly malformed) the way `lockstep <op>` takes it
    /// and returns the answer line without its newline. The CLI's exit status is not
    /// checked here (bad input exits 2 by design); `tests/tests/cli.rs` checks it.
    ///
    /// ```no_run
    /// use lockstep_tests::targets::Driver;
    /// let out = Driver::InProcess.run_single("version", b"{}").unwrap();
    /// assert!(out.starts_with('{'));
    /// ```
    pub fn run_single(self, op: &str, request: &[u8]) -> Result<String, String> {
        let Some(command) = self.command(Some(op)) else {
            return Ok(lockstep_core::wire::handle_json(
                op,
                request,
                lockstep_core::version::Target::Native,
            )
            .json);
        };
        let (_, stdout, _) = spawn_with_stdin(command, request)?;
        Ok(stdout.trim_end_matches('\n').to_owned())
    }

    /// The process that answers for this target: `--batch` lines when `single` is
    /// `None`, else one request for operation `single`. `None` for the in-process target.
    fn command(self, single: Option<&str>) -> Option<Command> {
        let root = root();
        let mut c = match self {
            Driver::InProcess => return None,
            Driver::NativeCli => Command::new(root.join("dist/native/lockstep")),
            Driver::Wasmtime => {
                let mut c = Command::new("wasmtime");
                c.arg("run").arg(root.join("dist/lockstep.wasm"));
                c
            }
            Driver::WasmtimePrecompiled => {
                let mut c = Command::new("wasmtime");
                c.args(["run", "--allow-precompiled"])
                    .arg(root.join("dist/lockstep.cwasm"));
                c
            }
            Driver::Node => {
                let mut c = Command::new("node");
                c.arg(root.join(match single {
                    None => "tests/node/batch.mjs",
                    Some(_) => "tests/node/single.mjs",
                }));
                c
            }
            Driver::Chromium => {
                let mut c = Command::new("node");
                c.arg(root.join("tests/browser/batch.mjs"));
                if single.is_some() {
                    c.arg("--single");
                }
                c
            }
        };
        match single {
            Some(op) => c.arg(op),
            None if matches!(self, Driver::Node | Driver::Chromium) => &mut c,
            None => c.arg("--batch"),
        };
        Some(c)
    }
}

/// Runs `command` with `input` on stdin and returns stdout; a non-zero exit is an error.
///
/// ```no_run
/// let out = lockstep_tests::targets::run_with_stdin(std::process::Command::new("cat"), b"x").unwrap();
/// assert_eq!(out, "x");
/// ```
pub fn run_with_stdin(command: Command, input: &[u8]) -> Result<String, String> {
    let shown = format!("{command:?}");
    let (status, stdout, stderr) = spawn_with_stdin(command, input)?;
    if !status.success() {
        return Err(format!("{shown} exited with {status}: {stderr}"));
    }
    Ok(stdout)
}

/// Starts `command`, writes `input` to its stdin from a thread (so a large input cannot
/// deadlock against a full stdout pipe) and returns its status, stdout and stderr.
///
/// ```no_run
/// let (status, out, _) =
///     lockstep_tests::targets::spawn_with_stdin(std::process::Command::new("cat"), b"x").unwrap();
/// assert!(status.success() && out == "x");
/// ```
pub fn spawn_with_stdin(
    mut command: Command,
    input: &[u8],
) -> Result<(std::process::ExitStatus, String, String), String> {
    let shown = format!("{command:?}");
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| format!("{shown}: no stdin"))?;
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{shown}: {e}"))?;
    let _ = writer.join();
    let stdout = String::from_utf8(output.stdout)
        .map_err(|e| format!("{shown}: stdout is not UTF-8: {e}"))?;
    Ok((
        output.status,
        stdout,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

/// Every driver, without Chromium when it is missing outside CI (loudly); under CI or
/// `LOCKSTEP_REQUIRE_BROWSER` a missing Chromium is a failure, never a skip.
///
/// ```no_run
/// assert!(lockstep_tests::targets::available_drivers().unwrap().len() >= 5);
/// ```
pub fn available_drivers() -> Result<Vec<Driver>, String> {
    let mut drivers = Driver::ALL.to_vec();
    let present = Command::new("which")
        .arg("chromium")
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        if std::env::var_os("CI").is_some()
            || std::env::var_os("LOCKSTEP_REQUIRE_BROWSER").is_some()
        {
            return Err("chromium is missing: the browser target cannot be skipped here".into());
        }
        eprintln!("\n!!! CHROMIUM MISSING: the browser target is NOT tested in this run !!!\n");
        drivers.retain(|d| *d != Driver::Chromium);
    }
    Ok(drivers)
}
