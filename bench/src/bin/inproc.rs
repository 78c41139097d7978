//! In-process cold start with the `wasmtime` crate (the CLI's version): a module
//! precompiled once, an `InstancePre`, the pooling allocator, then for each of N fresh
//! stores: instantiate + run the WASI command's `_start` on one request (stdin from
//! memory, stdout into a Vec). Only the five WASI functions the module imports are
//! provided, by a minimal host written here (no files, clock or environment exist).
//!
//! usage: inproc <lockstep.wasm> <op> <request.json> <expected answer file> <instances>
//! prints one JSON line: {"instances":n,"instantiate_ns":[..summary..],"first_call_ns":..,"total_ns":..}
use std::time::Instant;
use wasmtime::{
    Caller, Config, Engine, Extern, InstanceAllocationStrategy, Linker, Module,
    PoolingAllocationConfig, Store,
};

struct Ctx {
    args: Vec<Vec<u8>>,
    stdin: std::sync::Arc<Vec<u8>>,
    pos: usize,
    stdout: Vec<u8>,
    exit: Option<i32>,
}

const M: &str = "wasi_snapshot_preview1";

fn mem<'a>(caller: &'a mut Caller<'_, Ctx>) -> (&'a mut [u8], &'a mut Ctx) {
    let Some(Extern::Memory(m)) = caller.get_export("memory") else {
        panic!("no memory export");
    };
    m.data_and_store_mut(caller)
}

fn rd32(m: &[u8], at: usize) -> usize {
    u32::from_le_bytes([m[at], m[at + 1], m[at + 2], m[at + 3]]) as usize
}

fn wr32(m: &mut [u8], at: usize, v: usize) {
    m[at..at + 4].copy_from_slice(&(v as u32).to_le_bytes());
}

fn linker(engine: &Engine) -> wasmtime::Result<Linker<Ctx>> {
    let mut l = Linker::new(engine);
    l.func_wrap(
        M,
        "args_sizes_get",
        |mut c: Caller<'_, Ctx>, argc: i32, size: i32| -> i32 {
            let (m, ctx) = mem(&mut c);
            let total: usize = ctx.args.iter().map(|a| a.len() + 1).sum();
            let n = ctx.args.len();
            wr32(m, argc as usize, n);
            wr32(m, size as usize, total);
            0
        },
    )?;
    l.func_wrap(
        M,
        "args_get",
        |mut c: Caller<'_, Ctx>, argv: i32, buf: i32| -> i32 {
            let (m, ctx) = mem(&mut c);
            let mut at = buf as usize;
            for (i, a) in ctx.args.iter().enumerate() {
                wr32(m, argv as usize + 4 * i, at);
                m[at..at + a.len()].copy_from_slice(a);
                m[at + a.len()] = 0;
                at += a.len() + 1;
            }
            0
        },
    )?;
    l.func_wrap(
        M,
        "fd_read",
        |mut c: Caller<'_, Ctx>, fd: i32, iovs: i32, n: i32, nread: i32| -> i32 {
            if fd != 0 {
                return 8; // badf
            }
            let (m, ctx) = mem(&mut c);
            let mut done = 0;
            for i in 0..n as usize {
                let p = rd32(m, iovs as usize + 8 * i);
                let len = rd32(m, iovs as usize + 8 * i + 4);
                let take = len.min(ctx.stdin.len() - ctx.pos);
                m[p..p + take].copy_from_slice(&ctx.stdin[ctx.pos..ctx.pos + take]);
                ctx.pos += take;
                done += take;
                if take < len {
                    break;
                }
            }
            wr32(m, nread as usize, done);
            0
        },
    )?;
    l.func_wrap(
        M,
        "fd_write",
        |mut c: Caller<'_, Ctx>, fd: i32, iovs: i32, n: i32, nw: i32| -> i32 {
            let (m, ctx) = mem(&mut c);
            let mut done = 0;
            for i in 0..n as usize {
                let p = rd32(m, iovs as usize + 8 * i);
                let len = rd32(m, iovs as usize + 8 * i + 4);
                if fd == 1 {
                    ctx.stdout.extend_from_slice(&m[p..p + len]);
                }
                done += len;
            }
            wr32(m, nw as usize, done);
            0
        },
    )?;
    l.func_wrap(
        M,
        "proc_exit",
        |mut c: Caller<'_, Ctx>, code: i32| -> wasmtime::Result<()> {
            c.data_mut().exit = Some(code);
            Err(wasmtime::Error::msg("proc_exit"))
        },
    )?;
    Ok(l)
}

fn summary(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    let q = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    format!(
        "{{\"median\":{:.0},\"p99\":{:.0},\"min\":{:.0},\"max\":{:.0}}}",
        q(0.5),
        q(0.99),
        v[0],
        v[v.len() - 1]
    )
}

fn main() -> wasmtime::Result<()> {
    let a: Vec<String> = std::env::args().collect();
    let [_, wasm, op, req, expected, n] = a.as_slice() else {
        eprintln!(
            "usage: inproc <lockstep.wasm> <op> <request.json> <expected answer> <instances>"
        );
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or(1000);
    let stdin = std::sync::Arc::new(std::fs::read(req)?);
    let expected = std::fs::read(expected)?;

    let mut pool = PoolingAllocationConfig::default();
    pool.total_memories(64)
        .total_tables(64)
        .total_core_instances(64);
    pool.max_memory_size(64 << 20);
    let mut config = Config::new();
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    config.memory_reservation(64 << 20);
    config.memory_guard_size(64 << 10);
    let engine = Engine::new(&config)?;
    // Precompiled once (as `wasmtime compile` does), then loaded like a .cwasm.
    let t = Instant::now();
    let cwasm = engine.precompile_module(&std::fs::read(wasm)?)?;
    let compile_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    // SAFETY: the bytes were produced just above by this engine.
    #[allow(unsafe_code)]
    let module = unsafe { Module::deserialize(&engine, &cwasm)? };
    let load_us = t.elapsed().as_secs_f64() * 1e6;
    let pre = linker(&engine)?.instantiate_pre(&module)?;

    let mut inst_ns = Vec::with_capacity(n);
    let mut call_ns = Vec::with_capacity(n);
    let mut total_ns = Vec::with_capacity(n);
    for i in 0..n {
        let ctx = Ctx {
            args: vec![b"lockstep".to_vec(), op.as_bytes().to_vec()],
            stdin: stdin.clone(),
            pos: 0,
            stdout: Vec::with_capacity(4096),
            exit: None,
        };
        let t0 = Instant::now();
        let mut store = Store::new(&engine, ctx);
        let instance = pre.instantiate(&mut store)?;
        let t1 = Instant::now();
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        let r = start.call(&mut store, ());
        let t2 = Instant::now();
        let ctx = store.into_data();
        if r.is_err() && ctx.exit != Some(0) {
            eprintln!("inproc: instance {i} failed: {r:?} exit {:?}", ctx.exit);
            std::process::exit(1);
        }
        if i == 0 && ctx.stdout.trim_ascii_end() != expected.trim_ascii_end() {
            eprintln!(
                "inproc: answer differs from the native one:\n{}",
                String::from_utf8_lossy(&ctx.stdout)
            );
            std::process::exit(1);
        }
        inst_ns.push((t1 - t0).as_nanos() as f64);
        call_ns.push((t2 - t1).as_nanos() as f64);
        total_ns.push((t2 - t0).as_nanos() as f64);
    }
    println!(
        "{{\"instances\":{n},\"compile_ms\":{compile_ms:.1},\"deserialize_us\":{load_us:.1},\"instantiate_ns\":{},\"first_call_ns\":{},\"total_ns\":{}}}",
        summary(inst_ns),
        summary(call_ns),
        summary(total_ns)
    );
    Ok(())
}
