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
    run_with(id, program, set, &["--speed", "20", "--timeout", timeout])
}

/// `forkyard run <lesson> --format jsonl` with `--set`s and other arguments (`--speed` among them).
fn run_with(
    id: &str,
    program: Option<&str>,
    set: &[String],
    args: &[&str],
) -> (Vec<Record>, Option<i32>) {
    let mut cmd = Command::new(EXE);
    cmd.args(["run", id, "--format", "jsonl"]).args(args);
    for s in set {
        cmd.args(["--set", s]);
    }
    if let Some(p) = program {
        cmd.args(["--program", p]);
    }
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    let mut recs = records(&String::from_utf8(out.stdout).unwrap());
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
    // In the order things happened: records of different processes reach the observer through one
    // pipe, and a line a child wrote just before a signal may be read just after it.
    recs.sort_by_key(|r| r.mono_ns);
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
            let knobs: Vec<_> = l.knobs.iter().filter(|k| k.concerns(file)).collect();
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

/// 03 with join(1.5) and daemon on, plus `set` and `args`: (what the child printed, what main
/// printed), from the trace, after checking that main's exit rules killed the child by SIGTERM
/// before it printed `2`. Speed 4: the child's `2` comes half a lesson second (125 ms) after the
/// SIGTERM that main sends once `join(1.5)` gives up.
fn lesson_03_killed_child(set: &[&str], args: &[&str]) -> (String, String) {
    let mut sets: Vec<String> = vec!["join=timeout".into(), "daemon=on".into()];
    sets.extend(set.iter().map(|s| s.to_string()));
    let mut all = vec!["--speed", "4", "--timeout", "60"];
    all.extend_from_slice(args);
    let (recs, status) = run_with("03-join", None, &sets, &all);
    assert_eq!(status, Some(0), "{sets:?} {args:?}");
    let main = pid_of(&recs, "MainProcess");
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
    assert_eq!(
        ending_of(&recs, child),
        Some(Ending::Signaled { signal: 15 }),
        "{sets:?} {args:?}"
    );
    (text_of(&recs, child), text_of(&recs, main))
}

#[test]
fn lesson_03_into_a_pipe_a_killed_childs_lines_are_lost_unless_flushed() {
    let main_says = "join(1.5) returned None\nalive: True exitcode: None\nend\n";
    // On a terminal (the default) each line goes out as it is printed: 0 and 1 are there.
    assert_eq!(
        lesson_03_killed_child(&[], &[]),
        ("0\n1\n".to_string(), main_says.to_string())
    );
    // Into a pipe they wait in the child's buffer, and SIGTERM throws the buffer away.
    assert_eq!(
        lesson_03_killed_child(&["output=pipe"], &[]),
        (String::new(), main_says.to_string())
    );
    // flush=True writes each line out at once, into a pipe too.
    assert_eq!(
        lesson_03_killed_child(&["output=pipe", "flush=on"], &[]),
        ("0\n1\n".to_string(), main_says.to_string())
    );
    // An explicit --stdout wins over the knob.
    assert_eq!(
        lesson_03_killed_child(&["output=pipe"], &["--stdout", "tty"]),
        ("0\n1\n".to_string(), main_says.to_string())
    );
}

#[test]
fn lesson_03_compare_output_runs_one_side_into_a_pipe() {
    let out = Command::new(EXE)
        .args(["run", "03-join", "--compare", "output", "--format", "plain"])
        .args(["--set", "join=timeout", "--set", "daemon=on"])
        .args(["--speed", "4", "--timeout", "60"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let main_says = "join(1.5) returned None\nalive: True exitcode: None\nend\n";
    assert!(
        text.contains(&format!(
            "=== 03-join (output=terminal) ===\n0\n1\n{main_says}"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("=== 03-join (output=pipe) ===\n{main_says}")),
        "{text}"
    );
}

/// How `pid` ended, from its parent's (or the observer's) `reaped` record.
fn ending_of(recs: &[Record], pid: i32) -> Option<Ending> {
    recs.iter().find_map(|r| match &r.event {
        Event::Reaped { child, ending, .. } if *child == pid => Some(*ending),
        _ => None,
    })
}

/// The lesson time (in seconds) of `pid`'s first output containing `text`.
fn said_at(recs: &[Record], pid: i32, text: &str) -> f64 {
    recs.iter()
        .find_map(|r| match &r.event {
            Event::Output { text: t, .. } if r.pid == pid && t.contains(text) => {
                Some(r.lesson_ns as f64 / 1e9)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("{pid} never printed {text:?}"))
}

#[test]
fn lesson_02_a_daemonic_process_may_not_have_children() {
    // daemon on: Process-1's start() of its own child raises, Process-1 ends with exitcode 1 and
    // no grandchild ever exists.
    let (recs, status) = run_lesson(
        "02-daemon",
        &["daemon=on".into(), "grandchild=on".into()],
        "60",
    );
    assert_eq!(status, Some(0));
    let child = pid_of(&recs, "Process-1");
    assert!(
        text_of(&recs, child)
            .contains("AssertionError: daemonic processes are not allowed to have children"),
        "{}",
        text_of(&recs, child)
    );
    assert_eq!(ending_of(&recs, child), Some(Ending::Exited { code: 1 }));
    assert!(
        !recs
            .iter()
            .any(|r| matches!(&r.event, Event::Spawn { name, .. } if name == "Process-1:1"))
    );
    // daemon off: the same line starts Process-1:1, which runs.
    let (recs, status) = run_lesson("02-daemon", &["grandchild=on".into()], "60");
    assert_eq!(status, Some(0));
    let grandchild = pid_of(&recs, "Process-1:1");
    assert_eq!(text_of(&recs, grandchild), "helper: a child of Process-1\n");
    assert_eq!(
        ending_of(&recs, pid_of(&recs, "Process-1")),
        Some(Ending::Exited { code: 0 })
    );
}

#[test]
fn lesson_02_the_exit_handler_runs_after_sys_exit_and_an_exception_but_not_after_os_exit() {
    for (ending, code) in [("exit", 0), ("raise", 1)] {
        let (recs, status) = run_lesson(
            "02-daemon",
            &["daemon=on".into(), format!("ending={ending}")],
            "60",
        );
        assert_eq!(status, Some(code), "ending={ending}");
        let main = pid_of(&recs, "MainProcess");
        assert!(
            recs.iter()
                .any(|r| r.pid == main && matches!(r.event, Event::Exit { code: c } if c == code)),
            "ending={ending}: main exits {code}"
        );
        let killed = recs
            .iter()
            .find_map(|r| match r.event {
                Event::AtExit {
                    action: AtExitAction::Terminate,
                    child,
                    ..
                } if r.pid == main => Some(child),
                _ => None,
            })
            .unwrap_or_else(|| panic!("ending={ending}: the exit handler terminates the child"));
        assert_eq!(
            ending_of(&recs, killed),
            Some(Ending::Signaled { signal: 15 }),
            "ending={ending}"
        );
    }
    // os._exit(0): no exit handler, nobody signals the daemonic child: it prints 0 1 2 after main
    // has gone, an orphan, and ends by itself.
    let (recs, status) = run_lesson(
        "02-daemon",
        &["daemon=on".into(), "ending=os_exit".into()],
        "60",
    );
    assert_eq!(status, Some(0));
    let main = pid_of(&recs, "MainProcess");
    let child = pid_of(&recs, "Process-1");
    assert!(
        !recs
            .iter()
            .any(|r| matches!(r.event, Event::AtExit { .. } | Event::Signal { .. })),
        "no exit handler ran after os._exit"
    );
    assert_eq!(text_of(&recs, child), "0\n1\n2\n");
    let main_exit = recs
        .iter()
        .find_map(|r| match r.event {
            Event::Exit { .. } if r.pid == main => Some(r.lesson_ns as f64 / 1e9),
            _ => None,
        })
        .expect("main exits");
    assert!(
        said_at(&recs, child, "2\n") > main_exit,
        "the child went on printing after main was gone"
    );
    assert_eq!(ending_of(&recs, child), Some(Ending::Exited { code: 0 }));
}

#[test]
fn lesson_03_join_returns_none_whether_or_not_the_child_ended() {
    let (recs, _) = run_lesson("03-join", &[], "60");
    let main = text_of(&recs, pid_of(&recs, "MainProcess"));
    assert_eq!(
        main,
        "join() returned None\nalive: False exitcode: 0\nend\n"
    );
    let (recs, _) = run_lesson("03-join", &["join=timeout".into()], "60");
    let main = text_of(&recs, pid_of(&recs, "MainProcess"));
    assert_eq!(
        main,
        "join(1.5) returned None\nalive: True exitcode: None\nend\n"
    );
}

#[test]
fn lesson_09_join_before_close_raises_and_with_terminates() {
    // finish=none: join() on a running pool raises ValueError in main, exit code 1.
    let (recs, status) = run_lesson(
        "09-pool",
        &["finish=none".into(), "method=apply_async".into()],
        "60",
    );
    assert_eq!(status, Some(1));
    let main = text_of(&recs, pid_of(&recs, "MainProcess"));
    assert!(main.contains("ValueError: Pool is still running"), "{main}");
    // finish=with and apply_async: the block's end terminates the workers at once: no task
    // finishes (a worker may have started task 0 in the moment before).
    let (recs, status) = run_lesson(
        "09-pool",
        &["finish=with".into(), "method=apply_async".into()],
        "60",
    );
    assert_eq!(status, Some(0));
    // A worker may be killed before its first record: find them by main's reaped records.
    let workers: Vec<i32> = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Reaped {
                child, child_name, ..
            } if child_name.starts_with("ForkPoolWorker-") => Some(*child),
            _ => None,
        })
        .collect();
    assert_eq!(workers.len(), 3);
    for w in &workers {
        let text = text_of(&recs, *w);
        assert!(!text.contains("ends"), "a task finished in {w}: {text}");
        assert_eq!(ending_of(&recs, *w), Some(Ending::Signaled { signal: 15 }));
    }
    assert!(text_of(&recs, pid_of(&recs, "MainProcess")).contains("main: done after"));
}

#[test]
fn lesson_09_a_failing_apply_async_task_is_silent_until_get() {
    let (recs, status) = run_lesson(
        "09-pool",
        &["fails=on".into(), "method=apply_async".into()],
        "60",
    );
    assert_eq!(status, Some(1));
    let main = pid_of(&recs, "MainProcess");
    let asked = said_at(&recs, main, "main: task 3 ready True successful False");
    let last_end = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } if text.contains(" ends task ") => {
                Some(r.lesson_ns as f64 / 1e9)
            }
            _ => None,
        })
        .fold(0.0, f64::max);
    // Task 3 failed in its round (3-6 s), yet nothing was printed about it by anyone until main
    // asked: no traceback from any worker, none from main before its question.
    let outs = outputs(&recs);
    assert!(
        outs.iter()
            .all(|(p, t)| *p == main || !t.contains("Traceback") && !t.contains("failed")),
        "a worker printed the error: {outs:?}"
    );
    let main_text = text_of(&recs, main);
    let question = main_text.find("main: task 3 ready").unwrap();
    assert!(!main_text[..question].contains("ValueError"));
    assert!(main_text[question..].contains("ValueError: task 3 failed"));
    assert!(
        asked > last_end,
        "main asked at {asked} s, after every task ended"
    );
    let ended = outs
        .iter()
        .filter(|(_, t)| t.contains(" ends task "))
        .count();
    assert_eq!(ended, 9, "every task but task 3 ended: {outs:?}");
    // With apply, the same error comes back at once, in main, and main stops there.
    let (recs, status) = run_lesson("09-pool", &["fails=on".into()], "60");
    assert_eq!(status, Some(1));
    let main = pid_of(&recs, "MainProcess");
    let main_text = text_of(&recs, main);
    assert!(main_text.contains("ValueError: task 3 failed"));
    assert!(!main_text.contains("handed over"));
    // It came as task 3 ended: tasks 0-3 started, one at a time, and task 4 never did.
    let failed_at = said_at(&recs, main, "Traceback");
    let outs = outputs(&recs);
    for i in 0..4 {
        let started = outs
            .iter()
            .find(|(_, t)| t.contains(&format!("starts task {i}\n")))
            .unwrap_or_else(|| panic!("task {i} never started: {outs:?}"));
        assert!(said_at(&recs, started.0, &format!("starts task {i}\n")) < failed_at);
    }
    assert!(
        !outs.iter().any(|(_, t)| t.contains("starts task 4")),
        "apply went on after the error: {outs:?}"
    );
}

/// `pid`'s stderr, as one text.
fn stderr_of(recs: &[Record], pid: i32) -> String {
    recs.iter()
        .filter(|r| r.pid == pid)
        .filter_map(|r| match &r.event {
            Event::Output {
                stream: forkyard::trace::Stream::Stderr,
                text,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn lesson_01_spawned_children_run_the_top_level_again_and_see_its_globals() {
    let set = ["method=spawn".to_string()];
    let (recs, status) = run_program("01-process", Some("start_methods.py"), &set, "60");
    assert_eq!(status, Some(0));
    for name in ["SpawnProcess-1", "SpawnProcess-2"] {
        let child = pid_of(&recs, name);
        let text = text_of(&recs, child);
        assert!(
            text.starts_with("the file's top level runs, as __mp_main__, in pid "),
            "{name}: {text}"
        );
        assert!(
            text.ends_with(&format!(
                "{name} runs worker() with greeting = 'set by the top level'\n"
            )),
            "{name}: {text}"
        );
        assert_eq!(ending_of(&recs, child), Some(Ending::Exited { code: 0 }));
    }
    // Under fork the children are copies taken after main changed the global.
    let (recs, _) = run_program("01-process", Some("start_methods.py"), &[], "60");
    let child = pid_of(&recs, "ForkProcess-1");
    assert_eq!(
        text_of(&recs, child),
        "ForkProcess-1 runs worker() with greeting = 'changed by main under the guard'\n"
    );
}

#[test]
fn lesson_01_a_start_outside_the_guard_fails_in_every_spawned_child() {
    let set = ["method=spawn".to_string(), "unguarded=on".to_string()];
    let (recs, status) = run_program("01-process", Some("start_methods.py"), &set, "60");
    assert_eq!(status, Some(0));
    for name in ["SpawnProcess-2", "SpawnProcess-3"] {
        let child = pid_of(&recs, name);
        assert_eq!(ending_of(&recs, child), Some(Ending::Exited { code: 1 }));
        let err = stderr_of(&recs, child);
        assert!(
            err.contains("current process has finished its bootstrapping phase."),
            "{name}: {err}"
        );
    }
    let main = text_of(&recs, pid_of(&recs, "MainProcess"));
    assert!(
        main.ends_with("SpawnProcess-2 exitcode 1\nSpawnProcess-3 exitcode 1\ndone\n"),
        "{main}"
    );
}

#[test]
fn lesson_07_an_unpicklable_put_returns_and_the_feeder_reports_it_later() {
    let (recs, status) = run_lesson("07-queue", &["unpicklable=on".into()], "60");
    assert_eq!(status, Some(0));
    let writer = pid_of(&recs, "Process-1");
    let reader = pid_of(&recs, "Process-2");
    // put returned: the writer went on to its last line, and only then did the feeder speak.
    let done = said_at(&recs, writer, "write: done");
    let err = stderr_of(&recs, writer);
    assert!(
        err.starts_with("Traceback (most recent call last):\n")
            && err
                .ends_with("AttributeError: Can't pickle local object 'write.<locals>.<lambda>'\n"),
        "{err}"
    );
    let reported = said_at(&recs, writer, "Traceback");
    assert!(
        done <= reported,
        "write: done at {done}, traceback at {reported}"
    );
    assert_eq!(ending_of(&recs, writer), Some(Ending::Exited { code: 0 }));
    // The item was dropped: the reader got the four letters and the None, nothing else.
    assert_eq!(
        text_of(&recs, reader),
        "read: got a\nread: got b\nread: got c\nread: got d\nread: got None, the writer is done\n"
    );
}
