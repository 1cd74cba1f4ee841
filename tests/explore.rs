//! `forkyard explore` on the lessons: the outcomes each lesson teaches are found, and the schedule
//! given for an outcome, replayed with `run --schedule`, gives that very outcome. Bounds are small
//! (a few dozen runs) so the suite takes seconds; the search takes the earliest choices first, so
//! these bounds already reach the outcomes asserted.

mod run_support;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Output;

use forkyard::session::RunSpec;
use forkyard::session::explore::{self, Options};
use forkyard::trace::{Event, Op};
use run_support::{EXE, forkyard};
use serde_json::Value;

/// `forkyard explore ARGS --format jsonl`: the outcome objects and the summary.
fn explored(args: &[&str]) -> (Vec<Value>, Value) {
    let (objects, summary) = run_support::outcomes("explore", args);
    assert!(objects.iter().all(|o| o["kind"] == "outcome"));
    let counted: u64 = objects.iter().map(|o| o["count"].as_u64().unwrap()).sum();
    assert_eq!(
        counted,
        summary["runs"].as_u64().unwrap(),
        "every run is counted in one outcome"
    );
    (objects, summary)
}

/// Every run followed its schedule: true of programs where no two processes ever wait on one
/// object at once (with two waiters, which one the kernel wakes is not the scheduler's choice).
fn assert_determined(summary: &Value) {
    assert_eq!(
        summary["diverged"], 0,
        "every run followed its schedule: {summary}"
    );
}

/// `forkyard run TARGET ARGS --granularity op --schedule S --format plain`.
fn replay(target: &str, args: &[&str], schedule: &str) -> Output {
    let mut all = vec!["run", target];
    all.extend_from_slice(args);
    all.extend_from_slice(&[
        "--granularity",
        "op",
        "--schedule",
        schedule,
        "--format",
        "plain",
        "--timeout",
        "60",
    ]);
    forkyard(&all)
}

/// The outcome's stdout is exactly what a replay of its schedule prints, before the held run's
/// own lines (its steps and schedule, which `run` adds after the program's output).
fn assert_replays(target: &str, args: &[&str], outcome: &Value) {
    let schedule = outcome["schedule"].as_str().unwrap();
    let out = replay(target, args, schedule);
    let printed = String::from_utf8(out.stdout).unwrap();
    let want = outcome["stdout"].as_str().unwrap();
    assert!(
        printed.starts_with(want),
        "replaying {schedule} printed\n{printed}\nnot\n{want}"
    );
    let deadlock = outcome["deadlock"].as_bool().unwrap();
    assert_eq!(
        out.status.code(),
        Some(if deadlock { 3 } else { 0 }),
        "{printed}"
    );
}

fn counter(outcome: &Value) -> i64 {
    let stdout = outcome["stdout"].as_str().unwrap();
    let last = stdout.lines().last().unwrap();
    let n = last.strip_prefix("counter: ").unwrap();
    n.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn lesson_04_loses_updates_without_the_lock_and_never_with_it() {
    let args = ["--set", "lock=off"];
    let (outcomes, summary) = explored(&["04-lock", "--set", "lock=off", "--max-runs", "80"]);
    let counters: BTreeSet<i64> = outcomes.iter().map(counter).collect();
    assert!(
        counters.len() > 1
            && counters.iter().any(|&c| c < 9)
            && counters.iter().all(|&c| (3..=9).contains(&c)),
        "{counters:?}"
    );
    assert_eq!(summary["runs"], 80);
    assert_eq!(summary["complete"], false);
    assert_determined(&summary);
    // The schedule of the lowest and of the highest counter each give that counter again.
    let low = outcomes.iter().min_by_key(|o| counter(o)).unwrap();
    let high = outcomes.iter().max_by_key(|o| counter(o)).unwrap();
    assert_replays("04-lock", &args, low);
    assert_replays("04-lock", &args, high);

    // With the lock, two workers may wait in `acquire()` at once, and which one the kernel wakes
    // is not the scheduler's choice: some runs go another way than their schedule, and a replay
    // may too. What holds over every run, however it went: the counter ends at 9.
    let (outcomes, summary) = explored(&["04-lock", "--set", "lock=on", "--max-runs", "30"]);
    let counters: BTreeSet<i64> = outcomes.iter().map(counter).collect();
    assert_eq!(counters, BTreeSet::from([9]), "the lock: one final value");
    assert_eq!(summary["runs"], 30);
}

#[test]
fn lesson_05_never_has_more_holders_than_permits_in_any_explored_run() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons/05-semaphore");
    let source = std::fs::read_to_string(dir.join("main.py")).unwrap();
    assert!(source.contains("PERMITS = 2"), "the lesson's default");
    let spec = RunSpec {
        exe: Some(EXE.into()),
        ..RunSpec::new(source, "main.py")
    };
    let options = Options {
        max_runs: 25,
        ..Options::default()
    };
    let mut most_ever = 0;
    let mut runs = 0;
    let found = explore::explore(&spec, &options, |run| {
        runs += 1;
        let sem = run
            .records
            .iter()
            .find_map(|r| match &r.event {
                Event::Object { id, class, .. } if class == "Semaphore" => Some(*id),
                _ => None,
            })
            .expect("the semaphore's object record");
        let mut holders = 0i64;
        for r in run.records {
            if let Event::Op { id, op, .. } = &r.event
                && *id == sem
            {
                match op {
                    Op::Acquired => holders += 1,
                    Op::Released => holders -= 1,
                    _ => {}
                }
                assert!(
                    holders <= 2,
                    "{holders} holders after schedule {:?}",
                    run.steps
                );
                most_ever = most_ever.max(holders);
            }
        }
        assert_eq!(holders, 0, "every permit given back");
    })
    .unwrap();
    assert_eq!(runs, 25);
    assert_eq!(found.runs, 25);
    assert_eq!(most_ever, 2, "the permits are used: the check could fail");
    assert!(found.outcomes.len() > 1, "the order of the holders varies");
}

#[test]
fn lesson_07_the_notes_ending_hangs_and_explore_says_deadlock() {
    let args = ["--set", "ending=note"];
    let (outcomes, summary) = explored(&["07-queue", "--set", "ending=note", "--max-runs", "10"]);
    assert_determined(&summary);
    let hang = outcomes
        .iter()
        .find(|o| o["deadlock"] == true)
        .expect("the hang as a deadlock outcome");
    assert_eq!(
        hang["endings"]["Process-2"], "deadlocked: get Queue#1",
        "the reader waits for an item that never comes: {hang}"
    );
    assert!(
        hang["endings"]["MainProcess"]
            .as_str()
            .unwrap()
            .contains("join Process-2"),
        "{hang}"
    );
    assert_replays("07-queue", &args, hang);

    // The fixed ending never hangs.
    let (outcomes, _) = explored(&["07-queue", "--max-runs", "10"]);
    assert!(outcomes.iter().all(|o| o["deadlock"] == false));
}

#[test]
fn lesson_01_done_comes_before_between_and_after_the_childrens_lines() {
    let (outcomes, summary) = explored(&["01-process", "--max-runs", "60"]);
    assert_determined(&summary);
    let mut before = BTreeSet::new();
    for o in &outcomes {
        let lines: Vec<&str> = o["stdout"].as_str().unwrap().lines().collect();
        let done = lines.iter().position(|l| *l == "done").unwrap();
        let children: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].contains("sleeps") || lines[i].contains("wakes up"))
            .collect();
        assert_eq!(children.len(), 4, "{lines:?}");
        before.insert(children.iter().filter(|&&i| i < done).count());
        // A child's pid is the same in every run as far as outcomes go: its name.
        assert!(
            o["stdout"]
                .as_str()
                .unwrap()
                .contains("Process-1 (pid ‹Process-1›, parent ‹MainProcess›)"),
            "{o}"
        );
    }
    assert!(before.contains(&0), "done first: {before:?}");
    assert!(before.contains(&4), "done last: {before:?}");
    assert!(
        before.iter().any(|n| (1..4).contains(n)),
        "between: {before:?}"
    );
}

#[test]
fn two_locks_in_opposite_order_deadlock_and_the_schedule_replays_it() {
    let program = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/programs/explore/opposite_locks.py"
    );
    let (outcomes, summary) = explored(&[program, "--preemptions", "1"]);
    assert_eq!(summary["exhaustive_within"], 1, "{summary}");
    assert_determined(&summary);
    let (hangs, ends): (Vec<&Value>, Vec<&Value>) =
        outcomes.iter().partition(|o| o["deadlock"] == true);
    assert_eq!(ends.len(), 2, "either worker first: {outcomes:?}");
    assert!(!hangs.is_empty(), "{outcomes:?}");
    let hang = hangs[0];
    assert_eq!(hang["stdout"], "");
    assert_eq!(hang["endings"]["Process-1"], "deadlocked: acquire Lock#2");
    assert_eq!(hang["endings"]["Process-2"], "deadlocked: acquire Lock#1");
    assert_eq!(hang["preemptions"], 1, "one preemption is all it takes");
    assert_replays(program, &[], hang);
    let out = forkyard(&[
        "run",
        program,
        "--granularity",
        "op",
        "--schedule",
        hang["schedule"].as_str().unwrap(),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("cycle: Process-1 → Process-2 → Process-1"),
        "{text}"
    );
}

#[test]
fn one_process_has_one_outcome_and_the_search_knows_it_is_complete() {
    let program = run_support::program("one.py", "print('only me')\n");
    let p = program.to_str().unwrap();
    let (outcomes, summary) = explored(&[p]);
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0]["stdout"], "only me\n");
    assert_eq!(outcomes[0]["endings"]["MainProcess"], "exit code 0");
    assert_eq!(summary["runs"], 1);
    assert_eq!(summary["complete"], true);
    let text = forkyard(&["explore", p]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("every possible run was explored: there are no other outcomes"),
        "{text}"
    );
}

#[test]
fn bad_options_are_one_sentence_each() {
    let out = forkyard(&["explore", "no-such-lesson"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("forkyard: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = forkyard(&["explore", "04-lock", "--preemptions", "99"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--preemptions"), "{err}");
    let out = forkyard(&["explore", "04-lock", "--set", "lock=maybe"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_programs_error_is_part_of_its_outcome() {
    let program = run_support::program("unclosed.py", "print(1\n");
    let p = program.to_str().unwrap();
    let (outcomes, _) = explored(&[p]);
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0]["stdout"], "");
    let stderr = outcomes[0]["stderr"].as_str().unwrap();
    assert!(
        stderr.contains("SyntaxError: '(' was never closed"),
        "{stderr}"
    );
    assert_eq!(outcomes[0]["endings"]["MainProcess"], "exit code 1");
    let text = String::from_utf8(forkyard(&["explore", p]).stdout).unwrap();
    assert!(
        text.contains("  ! SyntaxError: '(' was never closed"),
        "{text}"
    );
}
