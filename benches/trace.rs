//! The trace pipeline: records per second from 8 writer processes into one observer, and none lost.
//!
//! Eight processes each print 25 000 numbered lines as fast as the interpreter goes; every print is
//! one `output` record in the writer's trace ring. The observer (`forkyard run --format plain`) must
//! deliver every line. CPython printing the same program into a pipe is the reference.
//! Run with `cargo bench --bench trace`.

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::time::Instant;

const WRITERS: usize = 8;
const LINES: usize = 25_000;

fn program() -> String {
    format!(
        "import multiprocessing\n\n\
         def talk(n):\n    for i in range({LINES}):\n        print(n, i)\n\n\
         if __name__ == '__main__':\n    ps = [multiprocessing.Process(target=talk, args=(n,)) for n in range({WRITERS})]\n    \
         for p in ps:\n        p.start()\n    for p in ps:\n        p.join()\n"
    )
}

/// Runs `cmd`, returns (seconds, lines it printed, distinct (writer, i) pairs).
fn measure(cmd: &mut Command) -> Option<(f64, usize, usize)> {
    let t0 = Instant::now();
    let out = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let secs = t0.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut seen = HashSet::new();
    let mut lines = 0;
    for l in text.lines() {
        lines += 1;
        seen.insert(l.to_string());
    }
    Some((secs, lines, seen.len()))
}

fn main() {
    let dir = std::env::temp_dir().join(format!("forkyard-bench-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let prog = dir.join("flood.py");
    std::fs::write(&prog, program()).expect("write the program");
    let expected = WRITERS * LINES;

    let ours = measure(
        Command::new(env!("CARGO_BIN_EXE_forkyard"))
            .args(["run", "--format", "plain"])
            .arg(&prog),
    );
    match ours {
        Some((secs, lines, distinct)) => {
            let lost = expected.saturating_sub(distinct);
            println!(
                "trace pipeline: {lines} records from {WRITERS} writers in {secs:.2} s = {:.0} records/s, {lost} lost",
                lines as f64 / secs
            );
            assert_eq!(lost, 0, "records were lost");
        }
        None => println!("trace pipeline: forkyard could not run the flood"),
    }
    match measure(Command::new("python3").arg("-u").arg(&prog)) {
        Some((secs, lines, _)) => println!(
            "CPython printing the same into a pipe: {lines} lines in {secs:.2} s = {:.0} lines/s",
            lines as f64 / secs
        ),
        None => println!("CPython column skipped: python3 is not installed on this machine"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
