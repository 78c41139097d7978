//! Native in-process throughput: `lockstep::handle_json` (JSON bytes in, JSON text out,
//! what a Rust service calls) in a warm loop.
//!
//! usage: native <op> <request.json> <seconds per run> <runs>
//! prints one line of JSON: {"op":..,"iters":..,"rps":[per-run requests/second]}
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, op, path, secs, runs] = args.as_slice() else {
        eprintln!("usage: native <op> <request.json> <seconds per run> <runs>");
        std::process::exit(2);
    };
    let request = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("native: {path}: {e}");
            std::process::exit(2);
        }
    };
    let secs: f64 = secs.parse().unwrap_or(0.5);
    let runs: usize = runs.parse().unwrap_or(5);
    let first = lockstep::handle_json(op, &request);
    if first.error.is_some() {
        eprintln!("native: {op} {path} answered an error: {}", first.json);
        std::process::exit(1);
    }
    // Calibrate: iterations for about `secs` per run.
    let mut iters: u64 = 1;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            std::hint::black_box(lockstep::handle_json(op, std::hint::black_box(&request)));
        }
        if t.elapsed() >= Duration::from_secs_f64(secs / 4.0) || iters >= 1 << 30 {
            let per = t.elapsed().as_secs_f64() / iters as f64;
            iters = ((secs / per) as u64).max(1);
            break;
        }
        iters *= 2;
    }
    let mut rps = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        for _ in 0..iters {
            std::hint::black_box(lockstep::handle_json(op, std::hint::black_box(&request)));
        }
        rps.push(iters as f64 / t.elapsed().as_secs_f64());
    }
    let list: Vec<String> = rps.iter().map(|r| format!("{r:.1}")).collect();
    println!(
        "{{\"op\":\"{op}\",\"iters\":{iters},\"rps\":[{}]}}",
        list.join(",")
    );
}
