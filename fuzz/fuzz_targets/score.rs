#![no_main]
//! Any bytes as a `score` request: the error model or a response, never a panic.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::check("score", data));
