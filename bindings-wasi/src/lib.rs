//! The I/O half of the `lockstep` command, as a library so that it can be fuzzed
//! (`fuzz/fuzz_targets/batch_reader.rs`) and tested without a process.
//!
//! ```
//! let bytes = lockstep_cli::io::read_request(&b"{}"[..]).unwrap();
//! let out = lockstep_core::wire::handle_json("version", &bytes, lockstep_core::version::Target::Native);
//! assert!(out.error.is_none());
//! ```

pub mod io;
