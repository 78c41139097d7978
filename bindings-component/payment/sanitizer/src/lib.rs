//! The payment service's input sanitizer: exports `lockstep:engine/sanitizer` (the
//! core's `validate`) and imports nothing.
//!
//! ```
//! let ok = lockstep_payment_sanitizer::sanitize(r#"{"currency":"jpy"}"#).unwrap();
//! assert!(ok.contains(r#""currency":"JPY""#));
//! ```

use lockstep_core::error::Error;
use lockstep_core::wire;

#[allow(unsafe_code, missing_docs)] // generated: the canonical ABI glue of the export
mod bindings {
    wit_bindgen::generate!({
        path: "../../../wit",
        world: "sanitizer-component",
    });
}

use bindings::exports::lockstep::engine::sanitizer;
lockstep_component_common::wit_error_text!(sanitizer);

/// `validate` on request text: the answer text, or the core's error typed.
///
/// ```
/// let e = lockstep_payment_sanitizer::sanitize("[").unwrap_err();
/// assert_eq!(e.code.as_str(), "invalid_json");
/// ```
pub fn sanitize(request: &str) -> Result<String, Error> {
    lockstep_component_common::answer(wire::handle_json(
        "validate",
        request.as_bytes(),
        lockstep_core::version::Target::Wasi,
    ))
}

/// The exported `sanitizer` interface.
pub struct Sanitizer;

impl sanitizer::Guest for Sanitizer {
    fn sanitize(request: String) -> Result<String, sanitizer::Error> {
        sanitize(&request).map_err(to_wit)
    }
}

#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[cfg(target_arch = "wasm32")] // natively the exports would be odd linker symbols
#[allow(unsafe_code)] // generated: the exported function's canonical ABI entry point
mod exported {
    use super::Sanitizer;
    super::bindings::export!(Sanitizer with_types_in super::bindings);
}
