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
        let root = root();
        let command = match self {
            Driver::InProcess => {
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
            }
            Driver::NativeCli => {
                let mut c = Command::new(root.join("dist/native/lockstep"));
                c.arg("--batch");
                c
            }
            Driver::Wasmtime => {
                let mut c = Command::new("wasmtime");
                c.arg("run")
                    .arg(root.join("dist/lockstep.wasm"))
                    .arg("--batch");
                c
            }
            Driver::WasmtimePrecompiled => {
                let mut c = Command::new("wasmtime");
                c.arg("run")
                    .arg("--allow-precompiled")
                    .arg(root.join("dist/lockstep.cwasm"))
                    .arg("--batch");
                c
            }
            Driver::Node => {
                let mut c = Command::new("node");
                c.arg(root.join("tests/node/batch.mjs"));
                c
            }
            Driver::Chromium => {
                let mut c = Command::new("node");
                c.arg(root.join("tests/browser/batch.mjs"));
                c
            }
        };
        let mut input = lines.join("\n");
        input.push('\n');
        let stdout = run_with_stdin(command, input.as_bytes())?;
        Ok(stdout.lines().map(str::to_owned).collect())
    }
}

impl Driver {
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
        let root = root();
        let mut command = match self {
            Driver::InProcess => {
                return Ok(lockstep_core::wire::handle_json(
                    op,
                    request,
                    lockstep_core::version::Target::Native,
                )
                .json);
            }
            Driver::NativeCli => Command::new(root.join("dist/native/lockstep")),
            Driver::Wasmtime => {
                let mut c = Command::new("wasmtime");
                c.arg("run").arg(root.join("dist/lockstep.wasm"));
                c
            }
            Driver::WasmtimePrecompiled => {
                let mut c = Command::new("wasmtime");
                c.arg("run")
                    .arg("--allow-precompiled")
                    .arg(root.join("dist/lockstep.cwasm"));
                c
            }
            Driver::Node => {
                let mut c = Command::new("node");
                c.arg(root.join("tests/node/single.mjs"));
                c
            }
            Driver::Chromium => {
                let mut c = Command::new("node");
                c.arg(root.join("tests/browser/batch.mjs")).arg("--single");
                c
            }
        };
        command.arg(op);
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
        let input = request.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let output = child
            .wait_with_output()
            .map_err(|e| format!("{shown}: {e}"))?;
        let _ = writer.join();
        let text = String::from_utf8(output.stdout)
            .map_err(|e| format!("{shown}: stdout is not UTF-8: {e}"))?;
        Ok(text.trim_end_matches('\n').to_owned())
    }
}

/// Runs `command` with `input` on stdin and returns stdout; a non-zero exit is an error.
///
/// ```no_run
/// let out = lockstep_tests::targets::run_with_stdin(std::process::Command::new("cat"), b"x").unwrap();
/// assert_eq!(out, "x");
/// ```
pub fn run_with_stdin(mut command: Command, input: &[u8]) -> Result<String, String> {
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
    if !output.status.success() {
        return Err(format!(
            "{shown} exited with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{shown}: stdout is not UTF-8: {e}"))
}
