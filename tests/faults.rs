//! Faults: SIGKILL of a random lesson process at a random moment, over many runs. After each, the
//! run's account names the killed process as killed by SIGKILL, the run ends by itself, and no
//! process of the run is left (checked in /proc).

mod run_support;

use std::io::BufRead;
use std::time::{Duration, Instant};

use forkyard::trace::{Ending, Event, Record};
use run_support::*;

/// Three workers print and sleep; the main joins them. Killing any of them (or the main) must
/// still let the run end.
const WORKERS: &str = r#"
import multiprocessing, time

def work(n):
    for i in range(6):
        print(n, i)
        time.sleep(0.1)

if __name__ == '__main__':
    ps = [multiprocessing.Process(target=work, args=(n,)) for n in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('main done', [p.exitcode for p in ps])
"#;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn random_sigkills_leave_an_accurate_account_and_nothing_behind() {
    let prog = program("faults_workers.py", WORKERS);
    let runs = std::env::var("FORKYARD_FAULT_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let mut rng = Rng(0x5EED_F00D);
    let mut killed_main = 0;
    for run in 0..runs {
        let (mut child, mut out) = spawn_observer(&prog, &["--speed", "4", "--timeout", "30"]);
        // Wait for the main and its workers to appear, then a random moment more.
        let mut recs = read_until(&mut out, |r| spawns(r) >= 3);
        let pgid = main_pid(&recs);
        std::thread::sleep(Duration::from_millis(rng.below(120)));
        let mut pids: Vec<i32> = recs
            .iter()
            .filter(|r| matches!(r.event, Event::Spawn { .. } | Event::Main { .. }))
            .map(|r| r.pid)
            .collect();
        pids.sort_unstable();
        pids.dedup();
        let victim = pids[rng.below(pids.len() as u64) as usize];
        if victim == pgid {
            killed_main += 1;
        }
        // SAFETY: sending SIGKILL to a process of this test's own run.
        unsafe { libc::kill(victim, libc::SIGKILL) };
        let mut line = String::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            line.clear();
            match out.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => {
                    let r: Record = serde_json::from_str(line.trim_end()).expect("a trace record");
                    recs.push(r);
                }
                Err(e) => panic!("run {run}: reading the trace: {e}"),
            }
            assert!(
                Instant::now() < deadline,
                "run {run}: the run did not end after the kill"
            );
        }
        let status = child.wait().expect("the observer ends");
        assert_ne!(
            status.code(),
            Some(124),
            "run {run}: the run hit --timeout after a kill of {victim}"
        );
        // Whoever reaped the victim (its parent, or the observer for the main) says SIGKILL, unless
        // it had already ended by itself.
        let ended = recs.iter().find_map(|r| match &r.event {
            Event::Reaped { child, ending, .. } if *child == victim => Some(*ending),
            _ => None,
        });
        let exited_first = recs
            .iter()
            .any(|r| r.pid == victim && matches!(r.event, Event::Exit { .. }));
        if !exited_first {
            assert_eq!(
                ended,
                Some(Ending::Signaled {
                    signal: libc::SIGKILL
                }),
                "run {run}: victim {victim}"
            );
        }
        let left = wait_group_gone(pgid, 5);
        assert!(
            left.is_empty(),
            "run {run}: processes left after killing {victim}: {left:?}"
        );
    }
    println!(
        "faults: {runs} runs with a random SIGKILL ({killed_main} of the main), 0 hangs, 0 leaks"
    );
}

#[test]
fn a_process_that_eats_all_memory_dies_alone_and_the_run_says_so() {
    let prog = program(
        "faults_oom.py",
        "import multiprocessing\n\ndef eat():\n    x = []\n    while True:\n        x.append('a' * 10**7)\n\nif __name__ == '__main__':\n    p = multiprocessing.Process(target=eat)\n    p.start()\n    p.join()\n    print('child ended with', p.exitcode)\n",
    );
    // A small budget keeps the test cheap: the child meets its own limit (it may map no more than
    // the run's budget) long before the machine runs short, and alone, before the run's total.
    let out = run_cmd(
        &prog,
        &[
            "--format",
            "jsonl",
            "--timeout",
            "120",
            "--max-memory",
            "512M",
        ],
    )
    .output()
    .expect("forkyard runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&String::from_utf8_lossy(&out.stdout));
    let said: String = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(said.contains("child ended with -6"), "{said}");
    assert!(
        recs.iter().any(|r| matches!(&r.event, Event::Reaped { ending: Ending::Signaled { signal }, .. } if *signal == libc::SIGABRT)),
        "the child's end is reported"
    );
    assert!(wait_group_gone(main_pid(&recs), 5).is_empty());
}

/// A main that leaves with `os._exit` runs no exit rules: its daemonic child is not terminated and
/// lives on as an orphan, as under CPython.
const ORPHAN: &str = r#"
import multiprocessing, os, time

def worker():
    for i in range(3):
        time.sleep(0.5)
        print('orphan still here', i)

if __name__ == '__main__':
    p = multiprocessing.Process(target=worker)
    p.daemon = True
    p.start()
    print('main leaves with os._exit')
    os._exit(0)
"#;

#[test]
fn a_child_outlives_a_main_that_left_with_os_exit_as_in_cpython() {
    let prog = program("faults_orphan.py", ORPHAN);
    let out = run_cmd(
        &prog,
        &["--format", "plain", "--speed", "5", "--timeout", "30"],
    )
    .output()
    .expect("forkyard runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "main leaves with os._exit\norphan still here 0\norphan still here 1\norphan still here 2\n"
    );
}

#[test]
fn killing_the_observer_while_an_orphan_runs_leaves_nothing() {
    let prog = program(
        "faults_orphan2.py",
        &ORPHAN.replace("range(3)", "range(100)"),
    );
    let (mut child, mut out) = spawn_observer(&prog, &["--speed", "1"]);
    let recs = read_until(&mut out, |r| {
        r.iter().any(|x| matches!(&x.event, Event::Output { text, .. } if text.contains("orphan still here")))
    });
    let pgid = main_pid(&recs);
    child.kill().expect("SIGKILL the observer");
    let _ = child.wait();
    let left = wait_group_gone(pgid, 5);
    assert!(
        left.is_empty(),
        "the run's lifeline should have ended the orphan: {left:?}"
    );
}
