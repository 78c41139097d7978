//! `lockstep-component-host <component.wasm>`: the conformance driver for the pure
//! component through the `wasmtime` crate's component API.
//!
//! The component is instantiated with an empty `Linker`, which only works because it
//! imports nothing. Each stdin line is a JSON array `[function, argument]` naming an
//! export of `lockstep:engine/api` (`quote`, `validate`, `score`, `version`,
//! `handle-line`) and its string argument; each answer line is the `ok` text, or the
//! typed `error` record written back as the wire's `{"error": {...}}` (codes from
//! `invalid-json` to `invalid_json`), so it compares byte for byte with the core.
//! Calls go to one instance, in order; a trap ends the run with status 1.

use std::io::{BufRead, Write};

use wasmtime::component::{Component, Linker, Val};
use wasmtime::{Engine, Store};

const INTERFACE: &str = "lockstep:engine/api@0.1.0";

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lockstep-component-host: {e}");
            std::process::ExitCode::from(1)
        }
    }
}

fn run() -> Result<(), String> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: lockstep-component-host <component.wasm>")?;
    let engine = Engine::default();
    let component = Component::from_file(&engine, &path).map_err(|e| format!("{path}: {e}"))?;
    let linker: Linker<()> = Linker::new(&engine);
    let mut store = Store::new(&engine, ());
    let instance = linker
        .instantiate(&mut store, &component)
        .map_err(|e| format!("instantiate with no imports: {e}"))?;
    let api = instance
        .get_export_index(&mut store, None, INTERFACE)
        .ok_or(format!("no export {INTERFACE}"))?;
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let (name, arg): (String, String) =
            serde_json::from_str(&line).map_err(|e| format!("bad input line: {e}"))?;
        let index = instance
            .get_export_index(&mut store, Some(&api), &name)
            .ok_or(format!("no function {name} in {INTERFACE}"))?;
        let func = instance
            .get_func(&mut store, index)
            .ok_or(format!("{name} is not a function"))?;
        let mut results = [Val::Bool(false)];
        func.call(&mut store, &[Val::String(arg)], &mut results)
            .map_err(|e| format!("{name} trapped: {e:?}"))?;
        let answer = match &results[0] {
            Val::Result(Ok(Some(ok))) => match ok.as_ref() {
                Val::String(s) => s.clone(),
                other => return Err(format!("{name}: ok is not a string: {other:?}")),
            },
            Val::Result(Err(Some(err))) => error_json(err)?,
            other => return Err(format!("{name}: not a result: {other:?}")),
        };
        writeln!(out, "{answer}").map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A record's field.
fn field<'a>(record: &'a Val, name: &str) -> Result<&'a Val, String> {
    match record {
        Val::Record(fields) => fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .ok_or(format!("record without {name}")),
        other => Err(format!("not a record: {other:?}")),
    }
}

fn text(v: &Val) -> Result<String, String> {
    match v {
        Val::String(s) => Ok(serde_json::to_string(s).map_err(|e| e.to_string())?),
        Val::Enum(case) => {
            Ok(serde_json::to_string(&case.replace('-', "_")).map_err(|e| e.to_string())?)
        }
        other => Err(format!("not a string or enum: {other:?}")),
    }
}

/// The `error` record as the wire's `{"error":{"code","message","details":[...]}}`.
fn error_json(err: &Val) -> Result<String, String> {
    let details = match field(err, "details")? {
        Val::List(items) => items
            .iter()
            .map(|d| {
                Ok(format!(
                    r#"{{"path":{},"code":{},"message":{}}}"#,
                    text(field(d, "path")?)?,
                    text(field(d, "code")?)?,
                    text(field(d, "message")?)?
                ))
            })
            .collect::<Result<Vec<_>, String>>()?,
        other => return Err(format!("details is not a list: {other:?}")),
    };
    Ok(format!(
        r#"{{"error":{{"code":{},"message":{},"details":[{}]}}}}"#,
        text(field(err, "code")?)?,
        text(field(err, "message")?)?,
        details.join(",")
    ))
}
