//! The synchronization primitives (locks, events, shared values, queues, pipes) across real
//! processes: every `tests/programs/sync/NAME.py` runs under the forkyard binary and must print
//! exactly `NAME.expected`, which is what CPython 3.11 printed for the same program (recorded with
//! `python3 NAME.py > NAME.expected 2>&1`). Programs print only deterministic facts (timeouts are
//! rounded to 0.1 s of lesson time).
//!
//! Every mismatch is collected and reported in one failure.

use std::path::{Path, PathBuf};
use std::process::Command;

const FORKYARD: &str = env!("CARGO_BIN_EXE_forkyard");

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/sync");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/programs/sync exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    out.sort();
    out
}

/// Runs `prog` headless; returns stdout+stderr as the plain format prints them.
fn run(prog: &Path, speed: &str) -> String {
    let out = Command::new(FORKYARD)
        .args(["run"])
        .arg(prog)
        .args(["--format", "plain", "--timeout", "20", "--speed", speed])
        .output()
        .expect("forkyard runs");
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    s
}

fn check_all(speed: &str) {
    let mut failures = Vec::new();
    let progs = programs();
    assert!(!progs.is_empty());
    for p in &progs {
        let expected = std::fs::read_to_string(p.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{} has a .expected", p.display()));
        let got = run(p, speed);
        if got != expected {
            failures.push(format!(
                "== {} (speed {speed})\n-- expected\n{expected}-- got\n{got}",
                p.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        progs.len(),
        failures.join("\n")
    );
}

#[test]
fn programs_print_what_cpython_prints() {
    check_all("1");
}

#[test]
fn lesson_clock_scales_timeouts() {
    // At speed 4 the lesson-time figures the programs print stay the same.
    check_all("4");
}
