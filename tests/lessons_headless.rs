//! Every lesson headless under forkyard at high speed, at its defaults and at each knob setting:
//! it ends by itself (or, where the lesson marks it endless, is stopped by `--timeout`), and leaves
//! no process behind. Lessons 02 and 03 are checked against what their texts promise, from the trace.

mod run_support;

use std::path::Path;
use std::process::{Command, Stdio};

use forkyard::lesson;
use forkyard::trace::{AtExitAction, Ending, Event, Record};
use run_support::{EXE, group, main_pid, pid_of, records, text_of};

/// `forkyard run <lesson> --set ... --format jsonl` at speed 20; the records and the exit status.
fn run_lesson(id: &str, set: &[String], timeout: &str) -> (Vec<Record>, Option<i32>) {
    run_program(id, None, set, timeout)
}

/// [`run_lesson`] of one of the lesson's programs (`--program FILE`).
fn run_program(
    id: &str,
    program: Option<&str>,
    set: &[String],
    timeout: &str,
) -> (Vec<Record>, Option<i32>) {
    let mut cmd = Command::new(EXE);
    cmd.args([
        "run",
        id,
        "--speed",
        "20",
        "--format",
        "jsonl",
        "--timeout",
        timeout,
    ]);
    for s in set {
        cmd.args(["--set", s]);
    }
    if let Some(p) = program {
        cmd.args(["--program", p]);
    }
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert!(
        !recs.is_empty(),
        "{id} {set:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        group(main_pid(&recs)),
        Vec::<i32>::new(),
        "{id} {set:?} left processes"
    );
    (recs, out.status.code())
}

/// Every output record as (pid, text), in trace order.
fn outputs(recs: &[Record]) -> Vec<(i32, &str)> {
    recs.iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some((r.pid, text.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn every_lesson_runs_at_every_knob_setting_and_leaves_nothing() {
    let lessons = lesson::catalog_in(Path::new("lessons"));
    assert!(!lessons.is_empty());
    for l in lessons {
        let l = l.unwrap();
        // Every program of the lesson (`--program`), with the knobs that edit it.
        for program in &l.programs {
            let file = program.file.as_str();
            let knobs: Vec<_> = l
                .knobs
                .iter()
                .filter(|k| k.files().contains(&file))
                .collect();
            let mut settings = vec![(Vec::new(), false)];
            for k in &knobs {
                for o in k.options.iter().filter(|o| **o != k.default) {
                    settings.push((vec![format!("{}={o}", k.name)], k.endless.contains(o)));
                }
            }
            for k in &knobs {
                if k.endless.contains(&k.default) {
                    settings[0].1 = true;
                }
            }
            for (set, endless) in settings {
                let timeout = if endless { "2" } else { "60" };
                let (recs, status) = run_program(&l.id, Some(file), &set, timeout);
                let ran = recs.iter().find_map(|r| match &r.event {
                    Event::Main { file, .. } => Some(file.clone()),
                    _ => None,
                });
                assert_eq!(ran.as_deref(), Some(file), "{} {set:?}", l.id);
                if endless {
                    assert_eq!(
                        status,
                        Some(124),
                        "{} {file} {set:?} is marked endless",
                        l.id
                    );
                } else {
                    assert_ne!(status, Some(124), "{} {file} {set:?} did not end", l.id);
                }
            }
        }
    }
}

#[test]
fn lesson_02_daemon_on_sigterm_at_mains_exit_and_nothing_after_end() {
    let (recs, status) = run_lesson("02-daemon", &["daemon=on".into()], "60");
    assert_eq!(status, Some(0));
    let main = pid_of(&recs, "MainProcess");
    // The child may be killed before its first record (its `spawn`): find it by main's exit rules.
    let child = recs
        .iter()
        .find_map(|r| match r.event {
            Event::AtExit {
                action: AtExitAction::Terminate,
                child,
                ..
            } => Some(child),
            _ => None,
        })
        .expect("main's exit rules terminate the daemonic child");
    assert!(recs.iter().any(|r| matches!(r.event,
        Event::Reaped { child: c, ending: Ending::Signaled { signal: 15 }, .. } if c == child)));
    // Nothing after `end` but, rarely, the `0` it was printing as main reached its end (a race
    // CPython has too); never `1` or `2`, and nothing once SIGTERM was sent.
    let out = outputs(&recs);
    let end_at = out
        .iter()
        .position(|(p, t)| *p == main && t.contains("end"))
        .unwrap();
    let after: String = out[end_at..]
        .iter()
        .filter(|(p, _)| *p == child)
        .map(|(_, t)| *t)
        .collect();
    assert!(
        ["", "0\n"].contains(&after.as_str()),
        "the child printed after end: {out:?}"
    );
    let sigterm_at = recs
        .iter()
        .position(|r| matches!(r.event, Event::Signal { target, .. } if target == child))
        .unwrap();
    assert!(
        recs[sigterm_at..]
            .iter()
            .all(|r| r.pid != child || !matches!(r.event, Event::Output { .. })),
        "output after SIGTERM"
    );
}

#[test]
fn lesson_02_daemon_off_main_waits_and_the_child_prints_0_1_2() {
    let (recs, status) = run_lesson("02-daemon", &["daemon=off".into()], "60");
    assert_eq!(status, Some(0));
    let child = pid_of(&recs, "Process-1");
    assert_eq!(text_of(&recs, child), "0\n1\n2\n");
    assert!(recs.iter().any(|r| matches!(r.event,
        Event::AtExit { action: AtExitAction::Join, child: c, .. } if c == child)));
    assert!(recs.iter().any(|r| matches!(r.event,
        Event::Reaped { child: c, ending: Ending::Exited { code: 0 }, .. } if c == child)));
}

#[test]
fn lesson_03_join_puts_end_last_and_a_timeout_leaves_the_child_alive() {
    let (recs, _) = run_lesson("03-join", &["join=join".into()], "60");
    let main = pid_of(&recs, "MainProcess");
    let out = outputs(&recs);
    assert_eq!(out.last().unwrap(), &(main, "end\n"));

    let (recs, _) = run_lesson("03-join", &["join=timeout".into()], "60");
    let main = pid_of(&recs, "MainProcess");
    assert!(
        text_of(&recs, main).contains("alive: True exitcode: None"),
        "{}",
        text_of(&recs, main)
    );
}
