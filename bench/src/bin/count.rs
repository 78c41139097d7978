//! A fixed number of `lockstep::handle_json` calls, for instruction counts under
//! `valgrind --tool=callgrind` (deterministic, unlike timings on a shared machine):
//! the count of N calls minus the count of 0 calls, divided by N, is the per-request
//! figure in docs/performance.md.
//!
//! usage: count <op> <request.json> <calls>
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, op, path, calls] = args.as_slice() else {
        eprintln!("usage: count <op> <request.json> <calls>");
        std::process::exit(2);
    };
    let request = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("count: {path}: {e}");
            std::process::exit(2);
        }
    };
    let calls: u64 = calls.parse().unwrap_or(0);
    let mut bytes = 0usize;
    for _ in 0..calls {
        let out = lockstep::handle_json(op, std::hint::black_box(&request));
        bytes += out.json.len();
    }
    println!("{bytes}");
}
