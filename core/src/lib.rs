//! # lockstep-core
//!
//! Lockstep's business logic, pure and deterministic: no I/O, no clock, no randomness,
//! no floats for money. Every target (the native crate and CLI, the WASI command, the
//! npm package) calls into this crate and only parses and encodes around it.
//!
//! ```
//! use lockstep_core::{version::Target, wire::handle_json};
//! let out = handle_json("version", b"{}", Target::Native);
//! assert!(out.json.contains(r#""wire_format":1"#));
//! ```

pub mod codec;
pub mod encode;
pub mod error;
pub mod fraud;
pub mod limits;
pub mod money;
pub mod nfc;
pub mod pricing;
pub mod problems;
pub mod redact;
#[cfg(feature = "schema")]
mod schema_compat;
pub mod validate;
pub mod version;
pub mod wire;

#[cfg(test)]
mod test_vectors;
