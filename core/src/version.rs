//! The `version` operation: which build is answering.

use serde::{Deserialize, Serialize};

/// The crate version of this build (from `Cargo.toml`).
///
/// ```
/// assert!(!lockstep_core::version::CRATE_VERSION.is_empty());
/// ```
pub const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The wire-format version: bumped on any incompatible change to requests or responses.
///
/// ```
/// assert_eq!(lockstep_core::version::WIRE_FORMAT, 1);
/// ```
pub const WIRE_FORMAT: u32 = 1;

/// Where the core is running; each binding names itself.
///
/// ```
/// use lockstep_core::version::Target;
/// assert_eq!(Target::Wasi.as_str(), "wasi");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Native code: the Rust crate or the native CLI.
    Native,
    /// The WASI command (`dist/lockstep.wasm`) under a WASI host such as wasmtime.
    Wasi,
    /// The npm package (wasm-bindgen) in Node.js, a browser or an edge runtime.
    Web,
}

impl Target {
    /// The target's wire name.
    ///
    /// ```
    /// use lockstep_core::version::Target;
    /// assert_eq!(Target::Native.as_str(), "native");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Native => "native",
            Target::Wasi => "wasi",
            Target::Web => "web",
        }
    }
}

/// The `version` request: an empty object (`{}`); no member is accepted.
///
/// ```
/// let _req = lockstep_core::version::VersionRequest {};
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VersionRequest {}

/// The `version` response.
///
/// ```
/// use lockstep_core::version::{version, Target};
/// let v = version(Target::Native);
/// assert_eq!(v.name, "lockstep");
/// assert_eq!(v.target, Target::Native);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VersionResponse {
    /// Always `"lockstep"`.
    pub name: String,
    /// The crate version, e.g. `"0.1.0"`.
    pub version: String,
    /// The wire-format version (see [`WIRE_FORMAT`]).
    pub wire_format: u32,
    /// The target answering.
    pub target: Target,
    /// The embedded currency data and its sources (see `docs/money.md`).
    pub currency_data: String,
}

/// Answers the `version` operation.
///
/// ```
/// use lockstep_core::version::{version, Target, WIRE_FORMAT};
/// assert_eq!(version(Target::Web).wire_format, WIRE_FORMAT);
/// ```
pub fn version(target: Target) -> VersionResponse {
    VersionResponse {
        name: "lockstep".to_owned(),
        version: CRATE_VERSION.to_owned(),
        wire_format: WIRE_FORMAT,
        target,
        currency_data: crate::money::CURRENCY_DATA_VERSION.to_owned(),
    }
}
