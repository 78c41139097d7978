//! Keeps the WASI command free of the `environ_get`/`environ_sizes_get` imports.
//!
//! Rust's standard library reads `RUST_BACKTRACE` on its panic path through libc's
//! `getenv`, and wasi-libc's `getenv` initialises `environ` from the host, which
//! imports `environ_get` and `environ_sizes_get`. Defining `getenv` here (answering
//! "not set" for every name) means the linker never pulls wasi-libc's `getenv` object
//! in, so the module cannot see the host's environment at all: the sandbox stays
//! deny-by-default whatever the host grants. `tests/tests/sandbox.rs` checks the
//! import section.

#![allow(unsafe_code)] // `no_mangle` is an unsafe attribute; the function touches no memory.

/// libc's `getenv`: no variable is ever set for this command.
#[unsafe(no_mangle)]
pub extern "C" fn getenv(_name: *const core::ffi::c_char) -> *mut core::ffi::c_char {
    core::ptr::null_mut()
}
