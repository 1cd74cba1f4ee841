//! `concurrent.futures.ProcessPoolExecutor` through the real binary: its workers are real processes,
//! drawn as lanes like a Pool's (their `spawn`, their waits on the call queue, their exits), a
//! program that forgets `shutdown()` still ends with every worker gone, and `ThreadPoolExecutor`
//! is refused with the reason. What the programs print is checked against CPython by the corpus
//! (`tests/corpus/cf*_mp_*.py`).

mod run_support;

use forkyard::trace::{Event, Op, Record, State};
use run_support::*;

/// `forkyard run NAME --format jsonl --speed 10`: the records, the exit status, and a check that
/// nothing of the run's process group is left.
fn jsonl(name: &str, src: &str) -> (Vec<Record>, i32, String) {
    let out = run_cmd(
        &program(name, src),
        &["--format", "jsonl", "--speed", "10", "--timeout", "30"],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert!(
        group(main_pid(&recs)).is_empty(),
        "a process of the run outlived it"
    );
    (recs, out.status.code().unwrap_or(-1), stderr)
}

/// The workers' `spawn` records: (pid, parent pid, name).
fn workers(recs: &[Record]) -> Vec<(i32, i32, String)> {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Spawn { name, .. } => Some((r.pid, r.ppid, name.clone())),
            _ => None,
        })
        .collect()
}

fn stdout_of(recs: &[Record]) -> String {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn exit_code(recs: &[Record], pid: i32) -> Option<i32> {
    recs.iter().find_map(|r| match r.event {
        Event::Exit { code } if r.pid == pid => Some(code),
        _ => None,
    })
}

const MAP: &str = r#"import concurrent.futures
import multiprocessing

def square(x):
    return x * x

if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(6))))
        print(sorted(p.name for p in multiprocessing.active_children()))
"#;

#[test]
fn the_workers_are_processes_with_their_own_lanes() {
    let (recs, code, stderr) = jsonl("cf_lanes.py", MAP);
    assert_eq!(code, 0, "{stderr}");
    let main = main_pid(&recs);
    assert_eq!(
        stdout_of(&recs),
        "[0, 1, 4, 9, 16, 25]\n['ForkProcess-1', 'ForkProcess-2']\n"
    );
    let mut ws = workers(&recs);
    ws.sort_by(|a, b| a.2.cmp(&b.2));
    let names: Vec<&str> = ws.iter().map(|w| w.2.as_str()).collect();
    assert_eq!(names, ["ForkProcess-1", "ForkProcess-2"]);
    for (pid, ppid, name) in &ws {
        assert_eq!(*ppid, main, "{name} is a child of the main process");
        assert_ne!(*pid, main);
        // Each worker waits on the call queue in its own lane, and ends normally after shutdown.
        assert!(
            recs.iter().any(|r| r.pid == *pid
                && matches!(&r.event, Event::State { state: State::Blocked { on, op } }
                    if on.starts_with("SimpleQueue") && op == "get")),
            "{name} never waited for a call"
        );
        assert_eq!(
            exit_code(&recs, *pid),
            Some(0),
            "{name} did not exit cleanly"
        );
    }
    // The calls crossed as call items: every chunk the parent put, some worker got.
    let ops = |who: &dyn Fn(i32) -> bool, op: Op| {
        recs.iter()
            .filter(|r| {
                who(r.pid) && matches!(&r.event, Event::Op { op: o, detail: Some(d), .. } if *o == op && d.contains("_process_chunk"))
            })
            .count()
    };
    let put = ops(&|p| p == main, Op::Put);
    let got = ops(&|p| p != main, Op::Got);
    assert_eq!(put, 6, "one call item per chunk of one");
    assert_eq!(got, 6);
}

const FORGOT: &str = r#"import concurrent.futures
import time

def work(n):
    time.sleep(0.2 * n)
    print(f"task {n} done\n", end="")

if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    for n in (1, 2, 3):
        ex.submit(work, n)
    print("main ends")
"#;

#[test]
fn a_program_that_forgets_shutdown_finishes_its_calls_and_ends() {
    let (recs, code, stderr) = jsonl("cf_forgot.py", FORGOT);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert_eq!(
        stdout_of(&recs),
        "main ends\ntask 1 done\ntask 2 done\ntask 3 done\n"
    );
    let ws = workers(&recs);
    assert_eq!(ws.len(), 2);
    for (pid, _, name) in &ws {
        assert_eq!(
            exit_code(&recs, *pid),
            Some(0),
            "{name} did not exit cleanly"
        );
    }
    // The main's exit is its last word: the workers ended before it.
    let main = main_pid(&recs);
    let main_exit = recs
        .iter()
        .position(|r| r.pid == main && matches!(r.event, Event::Exit { .. }))
        .expect("the main exits");
    for (pid, _, _) in &ws {
        let exit = recs
            .iter()
            .position(|r| r.pid == *pid && matches!(r.event, Event::Exit { .. }))
            .unwrap();
        assert!(exit < main_exit);
    }
}

const KILLED: &str = r#"import concurrent.futures
import os
import signal

def die():
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    f = ex.submit(die)
    print(type(f.exception()).__name__)
    try:
        ex.submit(print)
    except concurrent.futures.process.BrokenProcessPool as e:
        print(e)
"#;

#[test]
fn a_killed_worker_breaks_the_pool_and_the_others_are_stopped() {
    let (recs, code, stderr) = jsonl("cf_killed.py", KILLED);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout_of(&recs),
        "BrokenProcessPool\nA child process terminated abruptly, the process pool is not usable anymore\n"
    );
    assert_eq!(workers(&recs).len(), 2);
}

#[test]
fn thread_pool_executor_is_refused_with_the_reason() {
    for (name, src) in [
        (
            "cf_threads_from.py",
            "from concurrent.futures import ThreadPoolExecutor\n",
        ),
        (
            "cf_threads_attr.py",
            "import concurrent.futures\nconcurrent.futures.ThreadPoolExecutor(2)\n",
        ),
    ] {
        let out = run_cmd(&program(name, src), &["--format", "plain"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(
                "ImportError: ThreadPoolExecutor is not available in forkyard: a lesson process runs a single thread (use ProcessPoolExecutor)"
            ),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("File \"{name}\", line")),
            "{stderr}"
        );
    }
    // Any other missing name is an ordinary AttributeError.
    let out = run_cmd(
        &program(
            "cf_missing.py",
            "import concurrent.futures\nconcurrent.futures.nothing\n",
        ),
        &["--format", "plain"],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .ends_with("AttributeError: module 'concurrent.futures' has no attribute 'nothing'\n"),
        "{stderr}"
    );
}

const LONG_CALL: &str = r#"import concurrent.futures
import time

def nap(s):
    time.sleep(s)
    return s

if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(1) as ex:
        print(ex.submit(nap, 1.0).result())
"#;

#[test]
fn the_parent_waits_for_a_result_in_one_wait_not_a_poll_loop() {
    let (recs, code, stderr) = jsonl("cf_long.py", LONG_CALL);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout_of(&recs), "1.0\n");
    let main = main_pid(&recs);
    // result() waits on the result pipe and the workers together: one wait for the call's
    // answer, one for the worker's goodbye at shutdown; never a wake-up every few moments.
    let waits = recs
        .iter()
        .filter(|r| {
            r.pid == main
                && matches!(&r.event, Event::State { state: State::Blocked { on, .. } }
                    if on == "ProcessPoolExecutor")
        })
        .count();
    assert!((1..=3).contains(&waits), "{waits} waits");
}
