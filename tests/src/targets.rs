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
    /// `dist/lockstep.component.wasm` through the `wasmtime` crate's component API
    /// (`bindings-component/host`), with no imports linked.
    ComponentWasmtime,
    /// `dist/lockstep.component.wasm` transpiled by `jco transpile`, in Node.js
    /// (`tests/component/batch.mjs`).
    ComponentJco,
    /// `dist/lockstep-http.wasm` under `wasmtime serve` (no `-Scli`), `POST /v1/{op}`.
    WasmtimeServe,
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

    /// The component targets (docs/components.md), run by the conformance suite next
    /// to [`Driver::ALL`].
    ///
    /// ```
    /// assert_eq!(lockstep_tests::targets::Driver::COMPONENTS.len(), 3);
    /// ```
    pub const COMPONENTS: [Driver; 3] = [
        Driver::ComponentWasmtime,
        Driver::ComponentJco,
        Driver::WasmtimeServe,
    ];

    /// Whether the target can take this batch line: `wasmtime serve` takes only what
    /// HTTP can carry, a well-formed envelope (`POST /v1/{op}` with the request as the
    /// body); every other target takes any line.
    ///
    /// ```
    /// use lockstep_tests::targets::Driver;
    /// assert!(Driver::WasmtimeServe.accepts(r#"{"op":"quote","request":{}}"#));
    /// assert!(!Driver::WasmtimeServe.accepts("not json"));
    /// assert!(Driver::ComponentJco.accepts("not json"));
    /// ```
    pub fn accepts(self, line: &str) -> bool {
        self != Driver::WasmtimeServe || crate::component::split_line(line).is_some()
    }

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
            Driver::ComponentWasmtime => "component-wasmtime",
            Driver::ComponentJco => "component-jco",
            Driver::WasmtimeServe => "wasmtime-serve",
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
            Driver::ComponentWasmtime | Driver::ComponentJco | Driver::WasmtimeServe => "wasi",
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
        if self == Driver::WasmtimeServe {
            return serve_lines(lines);
        }
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
        let mut input = if matches!(self, Driver::ComponentWasmtime | Driver::ComponentJco) {
            let calls: Vec<String> = lines
                .iter()
                .map(|l| crate::component::call_for(l))
                .collect();
            calls.join("\n")
        } else {
            lines.join("\n")
        };
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
        match self {
            Driver::WasmtimeServe => {
                let server = crate::component::Server::wasmtime_serve(
                    &root().join("dist/lockstep-http.wasm"),
                )?;
                return post_op(&server, op, request);
            }
            Driver::ComponentWasmtime | Driver::ComponentJco => {
                // A WIT string is UTF-8 and each operation has its own function.
                let text = std::str::from_utf8(request)
                    .map_err(|_| "the component takes requests as text (UTF-8)".to_owned())?;
                if !["quote", "validate", "score", "version"].contains(&op) {
                    return Err(format!("the component has no function `{op}`"));
                }
                let line = serde_json::json!([op, text]).to_string();
                let command = self.command(None).ok_or("no command")?;
                let out = run_with_stdin(command, format!("{line}\n").as_bytes())?;
                return Ok(out.trim_end_matches('\n').to_owned());
            }
            _ => {}
        }
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
            Driver::ComponentWasmtime => {
                let mut c = Command::new(
                    root.join("bindings-component/host/target/release/lockstep-component-host"),
                );
                c.arg(root.join("dist/lockstep.component.wasm"));
                return Some(c);
            }
            Driver::ComponentJco => {
                let mut c = Command::new("node");
                c.arg(root.join("tests/component/batch.mjs"));
                return Some(c);
            }
            Driver::WasmtimeServe => return None,
        };
        match single {
            Some(op) => c.arg(op),
            None if matches!(self, Driver::Node | Driver::Chromium) => &mut c,
            None => c.arg("--batch"),
        };
        Some(c)
    }
}

/// `dist/lockstep-http.wasm` under `wasmtime serve`: each line (a well-formed envelope,
/// see [`Driver::accepts`]) as `POST /v1/{op}`, one answer body per line.
fn serve_lines(lines: &[String]) -> Result<Vec<String>, String> {
    let server = crate::component::Server::wasmtime_serve(&root().join("dist/lockstep-http.wasm"))?;
    lines
        .iter()
        .map(|line| {
            let (op, request) = crate::component::split_line(line)
                .ok_or_else(|| format!("not an envelope HTTP can carry: {line}"))?;
            post_op(&server, op, request.as_bytes())
        })
        .collect()
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

/// `POST /v1/{op}` with `body` as JSON to the edge function; the answer's text.
fn post_op(server: &crate::component::Server, op: &str, body: &[u8]) -> Result<String, String> {
    let path = format!("/v1/{op}");
    crate::component::request(&server.addr, "POST", &path, Some("application/json"), body)
        .map(|a| a.text())
}
