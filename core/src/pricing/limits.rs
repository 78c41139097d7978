//! The documented limits of a `quote` request (see `docs/pricing.md`): defined with every
//! other limit in [`crate::limits::quote`], re-exported here for the pricing code.
//!
//! ```
//! assert_eq!(lockstep_core::pricing::limits::MAX_LINES, lockstep_core::limits::quote::MAX_LINES);
//! ```

pub use crate::limits::quote::*;
