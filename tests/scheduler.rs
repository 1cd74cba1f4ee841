//! Held runs end to end (`forkyard run --schedule/--hold`): a schedule determines the run, the lost
//! update of 04-lock and its absence made by schedules alone, a deadlock of two locks reported with
//! its cycle, new processes held at their first checkpoint, virtual time, and replays that diverge.

mod run_support;

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use run_support::{EXE, program};

/// Three workers share a counter under no lock, sleep, and send on a queue: every kind of step.
const WORKERS: &str = r#"
import multiprocessing, time

def work(counter, q):
    name = multiprocessing.current_process().name
    for _ in range(2):
        seen = counter.value
        time.sleep(0.25)
        counter.value = seen + 1
        q.put((name, seen))

if __name__ == "__main__":
    counter = multiprocessing.Value("i", 0)
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=work, args=(counter, q)) for _ in range(3)]
    for p in ps:
        p.start()
    got = [q.get() for _ in range(6)]
    for p in ps:
        p.join()
    print("got", got)
    print("counter:", counter.value)
"#;

const TWO_LOCKS: &str = r#"
import multiprocessing

def one(a, b):
    with a:
        with b:
            print("one has both")

def two(a, b):
    with b:
        with a:
            print("two has both")

if __name__ == "__main__":
    a = multiprocessing.Lock()
    b = multiprocessing.Lock()
    p = multiprocessing.Process(target=one, args=(a, b))
    q = multiprocessing.Process(target=two, args=(a, b))
    p.start()
    q.start()
    p.join()
    q.join()
    print("done")
"#;

fn forkyard(args: &[&str]) -> Output {
    Command::new(EXE)
        .arg("run")
        .args(args)
        .args(["--timeout", "60"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The transcript of a human-format run (the lines before its process table, whose pids differ
/// per run) and the held run's lines after it.
fn transcript(out: &str) -> String {
    let (lines, rest) = out.split_once("\n\n").unwrap_or((out, ""));
    let held = rest
        .lines()
        .filter(|l| l.starts_with("held run:") || l.starts_with("schedule:"));
    lines.lines().chain(held).collect::<Vec<_>>().join("\n")
}

/// The held run's own records (`step` and `held`) and every output text with its process and
/// lesson time, from a `--format jsonl` run: what a replay must reproduce exactly.
fn held_records(out: &str) -> (Vec<String>, Vec<String>) {
    let mut held = Vec::new();
    let mut outputs = Vec::new();
    let mut names = std::collections::HashMap::new();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        match v["kind"].as_str().unwrap() {
            "step" | "held" => held.push(line.to_string()),
            "main" | "spawn" => {
                names.insert(
                    v["pid"].as_i64().unwrap(),
                    v["name"].as_str().unwrap().to_string(),
                );
            }
            "output" => outputs.push(format!(
                "{} {} {}",
                v["lesson_ns"],
                names
                    .get(&v["pid"].as_i64().unwrap())
                    .cloned()
                    .unwrap_or_default(),
                v["text"]
            )),
            _ => {}
        }
    }
    (held, outputs)
}

fn schedule_of(out: &str) -> String {
    out.lines()
        .find_map(|l| l.strip_prefix("schedule: "))
        .unwrap_or_else(|| panic!("no schedule in:\n{out}"))
        .to_string()
}

#[test]
fn a_schedule_replays_byte_identical_twenty_times() {
    let file = program("held_workers.py", WORKERS);
    let file = file.to_str().unwrap();
    let first = forkyard(&[file, "--hold"]);
    assert!(first.status.success(), "{first:?}");
    let schedule = schedule_of(&stdout(&first));
    let expected = transcript(&stdout(&first));
    assert!(expected.contains("MainProcess   counter: ") && expected.contains("schedule: "));
    let expected_jsonl = held_records(&stdout(&forkyard(&[
        file,
        "--schedule",
        &schedule,
        "--format",
        "jsonl",
    ])));
    assert!(expected_jsonl.0.len() > 50, "{expected_jsonl:?}");
    for i in 0..20 {
        let human = forkyard(&[file, "--schedule", &schedule]);
        assert_eq!(transcript(&stdout(&human)), expected, "human run {i}");
        let jsonl = forkyard(&[file, "--schedule", &schedule, "--format", "jsonl"]);
        assert_eq!(
            held_records(&stdout(&jsonl)),
            expected_jsonl,
            "jsonl run {i}"
        );
    }
}

#[test]
fn the_lost_update_and_its_absence_are_made_by_schedules() {
    let lost = forkyard(&["04-lock", "--set", "lock=off", "--schedule", "MainProcess*"]);
    let out = stdout(&lost);
    assert!(
        out.contains("MainProcess   counter: 3 expected: 9"),
        "{out}"
    );
    // Each worker runs to its end in turn: a `*` entry ends at each of its three sleeps.
    let turns: Vec<String> = (1..=3)
        .flat_map(|i| std::iter::repeat_n(format!("Process-{i}*"), 4))
        .collect();
    let schedule = format!("MainProcess* {}", turns.join(" "));
    let whole = forkyard(&["04-lock", "--set", "lock=off", "--schedule", &schedule]);
    let out = stdout(&whole);
    assert!(
        out.contains("MainProcess   counter: 9 expected: 9"),
        "{out}"
    );
    assert!(
        out.contains(
            "schedule: MainProcess*25 Process-1*27 Process-2*27 Process-3*27 MainProcess*8"
        ),
        "{out}"
    );
}

#[test]
fn two_locks_taken_in_opposite_order_deadlock_with_their_cycle() {
    let file = program("held_two_locks.py", TWO_LOCKS);
    let o = forkyard(&[
        file.to_str().unwrap(),
        "--schedule",
        "MainProcess* Process-1*2 Process-2*2",
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(3), "{out}");
    assert!(
        out.contains("deadlock: every live process waits and none can go on"),
        "{out}"
    );
    assert!(
        out.contains("Process-1 blocked on Lock#2 (acquire) held by Process-2"),
        "{out}"
    );
    assert!(
        out.contains("Process-2 blocked on Lock#1 (acquire) held by Process-1"),
        "{out}"
    );
    assert!(
        out.contains("cycle: Process-1 → Process-2 → Process-1"),
        "{out}"
    );
    assert!(!out.contains("has both"), "{out}");
    // The same program under the default rule alone finishes: the deadlock is the schedule's.
    let free = forkyard(&[file.to_str().unwrap(), "--hold"]);
    assert!(
        stdout(&free).contains("MainProcess   done"),
        "{}",
        stdout(&free)
    );
}

#[test]
fn a_new_process_starts_held_at_its_first_checkpoint() {
    let src = r#"
import multiprocessing

def child():
    print("child runs")

if __name__ == "__main__":
    p = multiprocessing.Process(target=child)
    p.start()
    for i in range(3):
        print("main", i)
    p.join()
"#;
    let file = program("held_child.py", src);
    let o = forkyard(&[
        file.to_str().unwrap(),
        "--schedule",
        "MainProcess*",
        "--format",
        "jsonl",
    ]);
    let (held, outputs) = held_records(&stdout(&o));
    let texts: Vec<&str> = outputs
        .iter()
        .map(|s| s.split_once(' ').unwrap().1)
        .collect();
    assert_eq!(
        texts,
        [
            r#"MainProcess "main 0\n""#,
            r#"MainProcess "main 1\n""#,
            r#"MainProcess "main 2\n""#,
            r#"Process-1 "child runs\n""#
        ]
    );
    // Its first step is the first statement of its target, after every step of the main's `*`.
    let first_child = held
        .iter()
        .position(|l| l.contains(r#""name":"Process-1""#))
        .unwrap();
    assert!(held[first_child].contains(r#""line":5"#) && held[first_child].contains("statement"));
    assert!(
        held[first_child - 1].contains(r#""what":"Process.join""#),
        "{held:?}"
    );
    // With --granularity op its first step is its first operation.
    let o = forkyard(&[
        file.to_str().unwrap(),
        "--schedule",
        "MainProcess*",
        "--granularity",
        "op",
        "--format",
        "jsonl",
    ]);
    let (held, _) = held_records(&stdout(&o));
    assert!(
        held.iter().all(|l| !l.contains(r#""what":"statement""#)),
        "{held:?}"
    );
    assert!(
        held.iter()
            .any(|l| l.contains(r#""name":"Process-1","what":"print""#)),
        "{held:?}"
    );
}

#[test]
fn time_is_virtual_in_a_held_run() {
    let src = "import time\nt = time.monotonic()\ntime.sleep(100)\nprint('slept', round(time.monotonic() - t))\n";
    let file = program("held_sleep.py", src);
    let t0 = Instant::now();
    let o = forkyard(&[file.to_str().unwrap(), "--hold"]);
    assert!(
        t0.elapsed() < Duration::from_secs(30),
        "100 lesson seconds took no real time"
    );
    assert!(
        stdout(&o).contains("100.000  MainProcess   slept 100"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_replay_that_diverges_stops_and_says_where() {
    let file = program("held_diverge.py", TWO_LOCKS);
    let file = file.to_str().unwrap();
    // The main is blocked in join with no timeout: it cannot take a step.
    let o = forkyard(&[file, "--schedule", "MainProcess* MainProcess"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(4), "{out}");
    assert!(
        out.contains("the replay diverged: step 15: MainProcess cannot take a step: it is blocked (join Process-1)"),
        "{out}"
    );
    let o = forkyard(&[file, "--schedule", "Process-7"]);
    assert!(
        stdout(&o).contains("step 1: the schedule gives a step to Process-7, which no process"),
        "{}",
        stdout(&o)
    );
    let o = forkyard(&[file, "--schedule", "MainProcess*x"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("schedule entry 1 `MainProcess*x`"), "{err}");
}

#[test]
fn every_lesson_runs_held_to_its_end() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut lessons: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        .collect();
    lessons.sort();
    assert!(lessons.len() >= 9, "{lessons:?}");
    for lesson in &lessons {
        // Pool workers wait for tasks in a read, other lessons in acquire/get/join/sleep: each
        // of those waits is seen as blocked, so the held run reaches its end.
        let o = forkyard(&[lesson, "--hold"]);
        let out = stdout(&o);
        assert_ne!(
            o.status.code(),
            Some(124),
            "{lesson} did not end held:\n{out}"
        );
        assert!(out.contains("schedule: MainProcess"), "{lesson}:\n{out}");
    }
}
