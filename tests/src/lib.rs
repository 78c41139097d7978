//! # lockstep-tests
//!
//! The cross-target conformance suite and the wire-format schema check. The library
//! part holds what the integration tests in `tests/tests/` share: the generated JSON
//! Schemas and drivers for each target.
//!
//! ```
//! let schemas = lockstep_tests::schema::all();
//! assert!(schemas.iter().any(|(name, _)| *name == "version-response"));
//! ```

pub mod cases;
pub mod component;
pub mod conformance;
pub mod generate;
pub mod schema;
pub mod secrets;
pub mod targets;
pub mod vectors;
