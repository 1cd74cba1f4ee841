//! The synchronization primitives (locks, events, shared values, queues, pipes) across real
//! processes: every `tests/programs/sync/NAME.py` runs under the forkyard binary and must print
//! exactly `NAME.expected`, which is what CPython 3.11 printed for the same program (recorded with
//! `python3 NAME.py > NAME.expected 2>&1`). Programs print only deterministic facts (timeouts are
//! rounded to 0.1 s of lesson time).
//!
//! Every mismatch is collected and reported in one failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use forkyard::trace::Op;

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

// ---- properties proven from the trace ------------------------------------------------------------

/// Runs a program given as text, returns its trace records (`--format jsonl`) in time order.
fn trace_of(name: &str, source: &str) -> Vec<serde_json::Value> {
    let dir = std::env::temp_dir().join(format!("forkyard-sync-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join(format!("{name}.py"));
    std::fs::write(&prog, source).unwrap();
    let out = Command::new(FORKYARD)
        .arg("run")
        .arg(&prog)
        .args(["--format", "jsonl", "--timeout", "30"])
        .output()
        .expect("forkyard runs");
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8_lossy(&out.stdout);
    let mut recs: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    recs.sort_by_key(|r| r["mono_ns"].as_u64().unwrap_or(0));
    recs
}

/// The id of the first object of `class` in the trace.
fn object_id(recs: &[serde_json::Value], class: &str) -> u64 {
    recs.iter()
        .find(|r| r["kind"] == "object" && r["class"] == class)
        .and_then(|r| r["id"].as_u64())
        .unwrap_or_else(|| panic!("a {class} object in the trace"))
}

/// The (pid, op) of every op on object `id`, in time order.
fn ops(recs: &[serde_json::Value], id: u64) -> Vec<(i64, Op)> {
    recs.iter()
        .filter(|r| r["kind"] == "op" && r["id"].as_u64() == Some(id))
        .map(|r| {
            (
                r["pid"].as_i64().unwrap(),
                Op::parse(r["op"].as_str().unwrap()),
            )
        })
        .collect()
}

/// The most holders at once, from acquired/released ops (panics on a release by a non-holder).
fn max_holders(ops: &[(i64, Op)]) -> (usize, usize) {
    let mut holders: Vec<i64> = Vec::new();
    let (mut most, mut acquires) = (0, 0);
    for (pid, op) in ops {
        match op {
            Op::Acquired => {
                holders.push(*pid);
                acquires += 1;
                most = most.max(holders.len());
            }
            Op::Released => {
                let at = holders
                    .iter()
                    .position(|h| h == pid)
                    .expect("a release by a holder");
                holders.remove(at);
            }
            _ => {}
        }
    }
    (most, acquires)
}

const CONTENDED: &str = "
import multiprocessing as mp
def work(lock, n):
    for _ in range(n):
        with lock:
            pass
if __name__ == '__main__':
    lock = mp.LOCK
    ps = [mp.Process(target=work, args=(lock, 300)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
";

#[test]
fn no_two_processes_hold_a_lock_at_once() {
    for run in 0..5 {
        let recs = trace_of(&format!("mutex{run}"), &CONTENDED.replace("LOCK", "Lock()"));
        let (most, acquires) = max_holders(&ops(&recs, object_id(&recs, "Lock")));
        assert_eq!(acquires, 1200, "run {run}: every acquire is in the trace");
        assert_eq!(most, 1, "run {run}: two holders of one Lock at once");
    }
}

#[test]
fn a_semaphore_never_has_more_holders_than_permits() {
    let recs = trace_of("sem", &CONTENDED.replace("LOCK", "Semaphore(2)"));
    let (most, acquires) = max_holders(&ops(&recs, object_id(&recs, "Semaphore")));
    assert_eq!(acquires, 1200);
    assert!(most <= 2, "{most} holders of a Semaphore(2)");
}

#[test]
fn every_waiter_of_an_event_wakes_on_set() {
    let src = "
import multiprocessing as mp, time
def wait(e):
    e.wait()
e = mp.Event()
ps = [mp.Process(target=wait, args=(e,)) for _ in range(4)]
for p in ps:
    p.start()
time.sleep(0.3)
e.set()
for p in ps:
    p.join()
";
    let recs = trace_of("event", src);
    let ev = ops(&recs, object_id(&recs, "Event"));
    let set_at = ev
        .iter()
        .position(|(_, op)| *op == Op::Set)
        .expect("a set op");
    let woke: Vec<&(i64, Op)> = ev.iter().filter(|(_, op)| *op == Op::Woke).collect();
    assert_eq!(woke.len(), 4, "{ev:?}");
    assert!(
        ev.iter()
            .skip(set_at)
            .filter(|(_, op)| *op == Op::Woke)
            .count()
            == 4,
        "every wake after the set: {ev:?}"
    );
    let blocked = recs
        .iter()
        .filter(|r| {
            r["kind"] == "state" && r["state"]["state"] == "blocked" && r["state"]["op"] == "wait"
        })
        .count();
    assert_eq!(blocked, 4, "each waiter reported blocked on the Event");
}
