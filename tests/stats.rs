//! `forkyard stats`: many free runs of one program, their distinct outcomes counted most frequent
//! first with percentages, and the spread of their lesson times.

mod run_support;

use run_support::{forkyard, program};
use serde_json::Value;

/// `forkyard stats ARGS --format jsonl`: the outcome objects and the summary.
fn stats(args: &[&str]) -> (Vec<Value>, Value) {
    let (objects, summary) = run_support::outcomes("stats", args);
    let counts: Vec<u64> = objects
        .iter()
        .map(|o| o["count"].as_u64().unwrap())
        .collect();
    assert_eq!(
        counts.iter().sum::<u64>(),
        summary["runs"].as_u64().unwrap(),
        "every run counted once"
    );
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first: {counts:?}"
    );
    let percent: f64 = objects.iter().map(|o| o["percent"].as_f64().unwrap()).sum();
    assert!((percent - 100.0).abs() < 1e-6, "{percent}");
    (objects, summary)
}

#[test]
fn the_lock_of_04_makes_every_free_run_end_at_nine() {
    let (outcomes, summary) = stats(&[
        "04-lock", "--set", "lock=on", "--runs", "4", "--speed", "20",
    ]);
    assert_eq!(summary["runs"], 4);
    for o in &outcomes {
        let stdout = o["stdout"].as_str().unwrap();
        assert!(stdout.ends_with("counter: 9 expected: 9\n"), "{stdout}");
        assert_eq!(o["endings"]["MainProcess"], "exit code 0");
    }
    // Nine sleeps of 0.5 s one after another, in lesson time, whatever the speed.
    let min = summary["lesson_seconds"]["min"].as_f64().unwrap();
    assert!(min >= 4.5, "{summary}");
}

#[test]
fn a_program_with_one_order_has_one_outcome_at_a_hundred_percent() {
    let p = program(
        "ordered.py",
        "import multiprocessing, time\n\
         def child():\n    print('child')\n\
         if __name__ == '__main__':\n    p = multiprocessing.Process(target=child)\n    \
         p.start()\n    p.join()\n    time.sleep(0.5)\n    print('parent after the join')\n",
    );
    let (outcomes, summary) = stats(&[p.to_str().unwrap(), "--runs", "5", "--speed", "10"]);
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert_eq!(outcomes[0]["percent"], 100.0);
    assert_eq!(outcomes[0]["stdout"], "child\nparent after the join\n");
    assert_eq!(outcomes[0]["endings"]["Process-1"], "exit code 0");
    let min = summary["lesson_seconds"]["min"].as_f64().unwrap();
    let max = summary["lesson_seconds"]["max"].as_f64().unwrap();
    assert!((0.5..5.0).contains(&min) && min <= max, "{summary}");
    let text = forkyard(&["stats", p.to_str().unwrap(), "--runs", "2", "--speed", "10"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("outcome 1: 2 of 2 runs (100.0%)"), "{text}");
    assert!(text.contains("lesson time per run: min "), "{text}");
}

#[test]
fn a_run_that_never_ends_is_stopped_and_said_so() {
    let p = program(
        "endless.py",
        "import time\nwhile True:\n    time.sleep(1)\n",
    );
    let (outcomes, summary) = stats(&[p.to_str().unwrap(), "--runs", "2", "--timeout", "1"]);
    assert_eq!(summary["stopped"], 2);
    assert_eq!(outcomes.len(), 1);
    assert_eq!(
        outcomes[0]["endings"]["MainProcess"],
        "still running after 1 s (--timeout)"
    );
}

#[test]
fn bad_options_are_one_sentence_each() {
    for args in [
        &["stats", "04-lock", "--runs", "0"][..],
        &["stats", "04-lock", "--speed", "-1"],
        &["stats", "no-such-lesson"],
    ] {
        let out = forkyard(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.is_empty() && !err.contains("panicked"), "{err}");
    }
}
