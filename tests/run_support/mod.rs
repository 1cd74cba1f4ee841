//! Helpers for the integration tests that run the real forkyard binary (shared by `cleanup.rs`,
//! `headless.rs`, `session.rs`; each uses a part of it).
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use forkyard::trace::{Event, Record};

/// The forkyard binary under test.
pub const EXE: &str = env!("CARGO_BIN_EXE_forkyard");

/// Writes `source` to a fresh file `name` in this test binary's temp dir and returns its path.
pub fn program(name: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("forkyard-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    path
}

/// `forkyard ARGS` to its end, stdin empty, stdout and stderr captured.
pub fn forkyard(args: &[&str]) -> std::process::Output {
    Command::new(EXE)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// `forkyard COMMAND ARGS --format jsonl` of a command that counts outcomes (`explore`, `stats`):
/// it succeeded; the outcome objects and the closing summary object.
pub fn outcomes(command: &str, args: &[&str]) -> (Vec<serde_json::Value>, serde_json::Value) {
    let mut all = vec![command];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "jsonl"]);
    let out = forkyard(&all);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{all:?}: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut objects: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary = objects.pop().unwrap();
    assert_eq!(summary["kind"], "summary", "{text}");
    (objects, summary)
}

/// `forkyard run <program> <args>` with piped stdout and stderr.
pub fn run_cmd(program: &PathBuf, args: &[&str]) -> Command {
    let mut cmd = Command::new(EXE);
    cmd.arg("run")
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs `forkyard run <program> <args>` to its end: (exit code, -1 for a signal; stdout; stderr).
pub fn run_to_end(program: &PathBuf, args: &[&str]) -> (i32, String, String) {
    let out = run_cmd(program, args).output().expect("forkyard runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Parses jsonl output into records.
pub fn records(jsonl: &str) -> Vec<Record> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The lesson main's pid (= the run's process group) from its `main` record.
pub fn main_pid(records: &[Record]) -> i32 {
    records
        .iter()
        .find(|r| matches!(r.event, Event::Main { .. }))
        .expect("a main record")
        .pid
}

/// Reads jsonl records from a live observer until `enough` says so (or panics after 20 s).
pub fn read_until(
    out: &mut BufReader<ChildStdout>,
    mut enough: impl FnMut(&[Record]) -> bool,
) -> Vec<Record> {
    let start = Instant::now();
    let mut got = Vec::new();
    let mut line = String::new();
    while !enough(&got) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "gave up waiting; got {got:#?}"
        );
        line.clear();
        if out.read_line(&mut line).unwrap() == 0 {
            panic!("the observer's output ended early; got {got:#?}");
        }
        got.push(serde_json::from_str(&line).unwrap());
    }
    got
}

/// How many `spawn` records there are.
pub fn spawns(records: &[Record]) -> usize {
    records
        .iter()
        .filter(|r| matches!(r.event, Event::Spawn { .. }))
        .count()
}

/// Every process whose group is `pgid`, from `/proc`.
pub fn group(pgid: i32) -> Vec<i32> {
    forkyard::session::processes_in_group(pgid)
}

/// Makes this test process a child subreaper (once), so that orphans of an observer it killed come
/// back to it and it can reap them (PID 1 of a container may not reap).
pub fn become_subreaper() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: prctl with constant arguments.
    ONCE.call_once(|| unsafe {
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    });
}

/// Reaps this process's children in group `pgid` and waits until `/proc` shows none of it, for up
/// to `secs`. Returns what is left.
pub fn wait_group_gone(pgid: i32, secs: u64) -> Vec<i32> {
    let start = Instant::now();
    loop {
        let mut status = 0;
        // SAFETY: waitpid with a valid out-pointer.
        while unsafe { libc::waitpid(-pgid, &mut status, libc::WNOHANG) } > 0 {}
        let left = group(pgid);
        if left.is_empty() || start.elapsed() > Duration::from_secs(secs) {
            return left;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Spawns an observer printing jsonl for `program`.
pub fn spawn_observer(program: &PathBuf, args: &[&str]) -> (Child, BufReader<ChildStdout>) {
    let mut child = run_cmd(program, &[&["--format", "jsonl"], args].concat())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    (child, out)
}

/// The pid of the process named `name` (from its `main` or `spawn` record).
pub fn pid_of(recs: &[Record], name: &str) -> i32 {
    recs.iter()
        .find_map(|r| match &r.event {
            Event::Main { name: n, .. } | Event::Spawn { name: n, .. } if n == name => Some(r.pid),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no process {name}"))
}

/// Everything `pid` printed, joined, in record order.
pub fn text_of(recs: &[Record], pid: i32) -> String {
    recs.iter()
        .filter(|r| r.pid == pid)
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// A process's resident memory, KiB (0 once it is gone): how the suites watch the observer's size.
pub fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}
