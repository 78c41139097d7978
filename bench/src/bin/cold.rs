//! Cold start as a process: runs each command once per round, commands interleaved,
//! stdin from a file, stdout discarded; records wall time (spawn to reap) and the
//! child's peak resident set (`wait4` rusage `ru_maxrss`).
//!
//! usage: cold <rounds> <stdin file> <cmd> [args..] [:: <cmd> [args..]]...
//! prints one JSON line per command: {"cmd":i,"wall_us":[..],"maxrss_kb":[..],"failures":n}
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: cold <rounds> <stdin file> <cmd> [args..] [:: <cmd> [args..]]...");
        std::process::exit(2);
    }
    let rounds: usize = args[0].parse().unwrap_or(10);
    let input = args[1].clone();
    let cmds: Vec<Vec<String>> = args[2..]
        .split(|a| a == "::")
        .map(<[String]>::to_vec)
        .collect();
    let mut wall = vec![Vec::new(); cmds.len()];
    let mut rss = vec![Vec::new(); cmds.len()];
    let mut failures = vec![0usize; cmds.len()];
    for _ in 0..rounds {
        for (i, cmd) in cmds.iter().enumerate() {
            let Ok(stdin) = std::fs::File::open(&input) else {
                eprintln!("cold: cannot open {input}");
                std::process::exit(2);
            };
            let t = Instant::now();
            let child = Command::new(&cmd[0])
                .args(&cmd[1..])
                .stdin(stdin)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            let Ok(child) = child else {
                eprintln!("cold: cannot run {}", cmd[0]);
                std::process::exit(2);
            };
            let mut status = 0;
            // SAFETY: an all-zero rusage is valid; wait4 reaps the child we spawned.
            #[allow(unsafe_code)]
            let ru = unsafe {
                let mut ru: libc::rusage = std::mem::zeroed();
                libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru);
                ru
            };
            wall[i].push(t.elapsed().as_secs_f64() * 1e6);
            rss[i].push(ru.ru_maxrss);
            if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
                failures[i] += 1;
            }
        }
    }
    for i in 0..cmds.len() {
        let w: Vec<String> = wall[i].iter().map(|x| format!("{x:.1}")).collect();
        let r: Vec<String> = rss[i].iter().map(|x| x.to_string()).collect();
        println!(
            "{{\"cmd\":{i},\"wall_us\":[{}],\"maxrss_kb\":[{}],\"failures\":{}}}",
            w.join(","),
            r.join(","),
            failures[i]
        );
    }
}
