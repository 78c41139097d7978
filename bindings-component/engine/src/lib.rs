//! The pure Lockstep component, `dist/lockstep.component.wasm`.
//!
//! Built for `wasm32-unknown-unknown` (whose std imports nothing) and made a component
//! by `jco new`, it exports `lockstep:engine/api` (`wit/engine.wit`) and imports
//! nothing at all: no WASI, no clock, no randomness, no I/O. Each function hands the
//! request text to `lockstep_core::wire` and returns the answer text, or the error
//! typed (`Error::to_json` of it is the core's exact bytes).
//!
//! ```
//! use lockstep_component::Engine;
//! let v = Engine::call("version", "{}").unwrap();
//! assert!(v.starts_with(r#"{"name":"lockstep""#));
//! let e = Engine::call("quote", "{}").unwrap_err();
//! assert_eq!(e.code.as_str(), "missing_field");
//! ```

use lockstep_core::error::Error;
use lockstep_core::version::Target;
use lockstep_core::wire;

#[allow(unsafe_code, missing_docs)] // generated: the canonical ABI glue of the exports
mod bindings {
    wit_bindgen::generate!({
        path: "../../wit",
        world: "engine",
    });
}

use bindings::exports::lockstep::engine::api;

lockstep_component_common::wit_error!(bindings::exports::lockstep::engine::api);

/// The `version` answer's target: the components run the WASI build of the core.
pub const TARGET: Target = Target::Wasi;

/// The engine behind the exports.
pub struct Engine;

impl Engine {
    /// Answers operation `op` on request text, as the exports do (typed error).
    ///
    /// ```
    /// let e = lockstep_component::Engine::call("refund", "{}").unwrap_err();
    /// assert_eq!(e.code.as_str(), "unknown_operation");
    /// ```
    pub fn call(op: &str, request: &str) -> Result<String, Error> {
        lockstep_component_common::answer(wire::handle_json(op, request.as_bytes(), TARGET))
    }

    /// Answers one batch line, as `handle-line` does.
    ///
    /// ```
    /// let v = lockstep_component::Engine::line(r#"{"op":"version","request":{}}"#).unwrap();
    /// assert!(v.contains(r#""target":"wasi""#));
    /// ```
    pub fn line(line: &str) -> Result<String, Error> {
        lockstep_component_common::answer(wire::handle_batch_line(line.as_bytes(), TARGET))
    }
}

impl api::Guest for Engine {
    fn quote(request: String) -> Result<String, api::Error> {
        Engine::call("quote", &request).map_err(to_wit)
    }

    fn validate(request: String) -> Result<String, api::Error> {
        Engine::call("validate", &request).map_err(to_wit)
    }

    fn score(request: String) -> Result<String, api::Error> {
        Engine::call("score", &request).map_err(to_wit)
    }

    fn version(request: String) -> Result<String, api::Error> {
        Engine::call("version", &request).map_err(to_wit)
    }

    fn handle_line(line: String) -> Result<String, api::Error> {
        Engine::line(&line).map_err(to_wit)
    }
}

#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[allow(unsafe_code)] // generated: the exported functions' canonical ABI entry points
mod exported {
    use super::Engine;
    super::bindings::export!(Engine with_types_in super::bindings);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use api::Guest as _;

    #[test]
    fn exports_answer_the_core_bytes() {
        assert_eq!(
            <Engine as api::Guest>::version("{}".into()).unwrap(),
            wire::handle_json("version", b"{}", TARGET).json
        );
        let e = <Engine as api::Guest>::quote("{}".into()).unwrap_err();
        assert_eq!(e.code, api::ErrorCode::MissingField);
        assert!(!e.details.is_empty());
        let e = Engine::handle_line("nope".into()).unwrap_err();
        assert_eq!(e.code, api::ErrorCode::InvalidJson);
    }
}
