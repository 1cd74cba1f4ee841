//! Every lesson program, with its knobs at their defaults and at each other setting, run under
//! CPython 3: it must end by itself (or, for the settings marked `endless`, still be running when
//! a run that ends would long have ended), and it must print what the lesson's text promises.
//! Skips, saying why, when `python3` is not installed.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use forkyard::lesson::{self, Lesson};

/// Longer than the slowest lesson run (09-pool with `apply`: 10 tasks x 3 s).
const ENDS_WITHIN: Duration = Duration::from_secs(90);
/// An endless run must still be alive this long after it started: every lesson program that
/// ends does so within about 13 s.
const ENDLESS_AFTER: Duration = Duration::from_secs(20);
/// Runs at once (they mostly sleep).
const PARALLEL: usize = 12;

struct Case {
    lesson: String,
    file: String,
    sets: Vec<String>,
    source: String,
    endless: bool,
}

struct Outcome {
    name: String,
    problem: Option<String>,
}

fn python3() -> Option<PathBuf> {
    let out = Command::new("python3")
        .arg("--version")
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status.success().then(|| PathBuf::from("python3"))
}

fn cases(lessons: &[Lesson]) -> Vec<Case> {
    let mut out = Vec::new();
    for l in lessons {
        for pf in &l.programs {
            let mut settings: Vec<(Vec<String>, bool)> = vec![(Vec::new(), false)];
            for knob in l.knobs_for(&pf.file) {
                for option in knob.options.iter().filter(|o| **o != knob.default) {
                    let endless = knob.endless.contains(option);
                    settings.push((vec![format!("{}={option}", knob.name)], endless));
                }
            }
            for combo in combinations()
                .iter()
                .filter(|(lesson, file, _)| *lesson == l.id && *file == pf.file)
            {
                let sets: Vec<String> = combo.2.split(',').map(str::to_string).collect();
                let endless = sets.iter().any(|s| {
                    let (k, v) = s.split_once('=').expect("knob=value");
                    l.knob(k).is_some_and(|k| k.endless.iter().any(|e| e == v))
                });
                settings.push((sets, endless));
            }
            for (sets, endless) in settings {
                let s = l.settings_from(&sets).expect("valid settings");
                let p = l.program_named(&pf.file, &s).expect("program");
                out.push(Case {
                    lesson: l.id.clone(),
                    file: pf.file.clone(),
                    sets,
                    source: p.source,
                    endless,
                });
            }
        }
    }
    out
}

/// Settings of several knobs at once that a lesson's text describes (each single knob is run
/// anyway): (lesson, file, settings joined by `,`).
fn combinations() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("02-daemon", "main.py", "daemon=on,grandchild=on"),
        ("02-daemon", "main.py", "daemon=on,ending=os_exit"),
        ("03-join", "main.py", "daemon=on,join=timeout,output=pipe"),
        (
            "03-join",
            "main.py",
            "daemon=on,join=timeout,output=pipe,flush=on",
        ),
        (
            "05-semaphore",
            "main.py",
            "extra_release=on,kind=BoundedSemaphore",
        ),
        ("09-pool", "main.py", "fails=on,method=apply_async"),
        ("09-pool", "main.py", "finish=with,method=apply_async"),
        ("09-pool", "main.py", "finish=none,method=apply_async"),
    ]
}

/// The runs whose point is an error that ends main: (lesson, file, settings, exit code). Every
/// other run must exit 0.
fn exit_codes() -> Vec<(&'static str, &'static str, &'static str, i32)> {
    vec![
        ("02-daemon", "main.py", "ending=raise", 1),
        (
            "05-semaphore",
            "main.py",
            "extra_release=on,kind=BoundedSemaphore",
            1,
        ),
        ("09-pool", "main.py", "finish=none", 1),
        ("09-pool", "main.py", "fails=on", 1),
        ("09-pool", "main.py", "fails=on,method=apply_async", 1),
        ("09-pool", "main.py", "finish=none,method=apply_async", 1),
    ]
}

/// A promise of a lesson's text: (lesson, file, settings, must contain, must not contain).
type Promise = (
    &'static str,
    &'static str,
    &'static str,
    Vec<&'static str>,
    Vec<&'static str>,
);

/// What the lesson texts promise, checked in CPython's output. Output goes to a file, so CPython
/// block-buffers it and a process killed by a signal loses what it printed (a terminal would have
/// shown it): no promise looks for the output of a process that gets killed. Times are checked by
/// their leading digits (`after 3` is 30-39 s): a loaded machine may run 09's 30 s a second late.
#[rustfmt::skip]
fn promises() -> Vec<Promise> {
    vec![
        ("01-process", "main.py", "", vec!["before start: Process-1 pid None alive False", "child: Process-1 pid", "done"], vec![]),
        ("01-process", "subclass.py", "", vec!["Counter-1 exitcode -15", "Counter-2 exitcode -15"], vec![]),
        ("02-daemon", "main.py", "", vec!["end", "0\n", "1\n", "2\n"], vec![]),
        ("02-daemon", "main.py", "daemon=on", vec!["end"], vec!["2\n"]),
        ("02-daemon", "main.py", "grandchild=on", vec!["helper: a child of Process-1", "end", "2\n"], vec![]),
        ("02-daemon", "main.py", "daemon=on,grandchild=on", vec!["AssertionError: daemonic processes are not allowed to have children", "end"], vec!["helper:"]),
        // The exit handler joins the non-daemonic child after sys.exit() and after an exception...
        ("02-daemon", "main.py", "ending=exit", vec!["end", "0\n", "1\n", "2\n"], vec![]),
        ("02-daemon", "main.py", "ending=raise", vec!["RuntimeError: main fails", "0\n", "1\n", "2\n"], vec![]),
        // ...but not after os._exit(): main is gone at once (its own unflushed `end` with it, as
        // output goes to a file), long before the child's 2.
        ("02-daemon", "main.py", "ending=os_exit", vec![], vec!["2\n"]),
        ("02-daemon", "main.py", "daemon=on,ending=os_exit", vec![], vec!["2\n"]),
        ("03-join", "main.py", "", vec!["0\n1\n2\njoin() returned None\nalive: False exitcode: 0\nend\n"], vec![]),
        ("03-join", "main.py", "join=timeout", vec!["join(1.5) returned None\nalive: True exitcode: None\nend\n"], vec![]),
        ("03-join", "main.py", "daemon=on", vec!["0\n1\n2\njoin() returned None\nalive: False exitcode: 0\nend\n"], vec![]),
        // Into a file (as into a pipe) the killed child's 0 and 1 are lost, unless it flushed them.
        ("03-join", "main.py", "daemon=on,join=timeout,output=pipe", vec!["join(1.5) returned None\nalive: True exitcode: None\nend\n"], vec!["0\n", "1\n"]),
        ("03-join", "main.py", "daemon=on,join=timeout,output=pipe,flush=on", vec!["0\n1\njoin(1.5) returned None\nalive: True exitcode: None\nend\n"], vec!["2\n"]),
        ("04-lock", "main.py", "", vec!["counter: 3 expected: 9"], vec![]),
        ("04-lock", "main.py", "lock=on", vec!["counter: 9 expected: 9"], vec![]),
        ("04-lock", "main.py", "processes=1", vec!["counter: 3 expected: 3"], vec![]),
        ("04-lock", "main.py", "processes=5", vec!["counter: 3 expected: 15"], vec![]),
        ("04-lock", "pieces.py", "lock=on", vec!["one two three four \n", "ONE TWO THREE FOUR \n", "un deux trois quatre \n"], vec![]),
        ("05-semaphore", "main.py", "", vec!["Process-5 gives the permit back", "main: all joined, permits left: 2"], vec![]),
        ("05-semaphore", "main.py", "extra_release=on", vec!["main: all joined, permits left: 3"], vec![]),
        ("05-semaphore", "main.py", "kind=BoundedSemaphore", vec!["main: all joined, permits left: 2"], vec![]),
        ("05-semaphore", "main.py", "extra_release=on,kind=BoundedSemaphore", vec!["ValueError: semaphore or lock released too many times"], vec!["waits for a permit"]),
        ("05-semaphore", "main.py", "holder_killed=on", vec!["Process-5 gives the permit back", "main: all joined, permits left: 1"], vec!["Process-1 gives the permit back"]),
        ("06-event", "main.py", "", vec!["Process-1 woke up: the event is set", "Process-3 woke up: the event is set", "main: is_set() = True", "main: after clear(), is_set() = False", "main: wait(0.5) now returns False"], vec!["gave up"]),
        ("06-event", "main.py", "timeout=shorter", vec!["Process-1 gave up: wait() returned False", "Process-3 gave up"], vec!["woke up"]),
        ("07-queue", "main.py", "", vec!["read: got a", "read: got d", "read: got None, the writer is done", "main: end"], vec!["queue.Full"]),
        ("07-queue", "main.py", "maxsize=1", vec!["write: queue.Full, dropped c", "write: put d", "read: got d"], vec![]),
        ("07-queue", "main.py", "maxsize=2", vec!["write: queue.Full, dropped d", "read: got c"], vec![]),
        ("07-queue", "main.py", "block=False", vec!["write: put d"], vec!["queue.Full"]),
        ("07-queue", "main.py", "block=blocked", vec!["TypeError: Queue.put() got an unexpected keyword argument 'blocked'", "read: got None, the writer is done", "main: end"], vec!["write: put"]),
        ("07-queue", "main.py", "big=on", vec!["write: done", "read: got d", "read: got zzzzzzzzzz\n", "read: got None, the writer is done", "main: end"], vec![]),
        ("07-queue", "main.py", "timeout=3", vec!["read: got None, the writer is done"], vec!["queue.Empty"]),
        ("08-pipe", "main.py", "", vec!["main: the receive end cannot send: connection is read-only", "recv: 4", "recv: EOFError, every copy of the send end is closed", "main: end"], vec![]),
        ("08-pipe", "main.py", "duplex=True", vec!["main: the receive end can send too, got back ping", "recv: EOFError"], vec![]),
        ("09-pool", "main.py", "", vec!["main: all 10 handed over after 3", "main: done after 3"], vec![]),
        ("09-pool", "main.py", "method=apply_async", vec!["main: all 10 handed over after 0.", "main: done after 1"], vec![]),
        ("09-pool", "main.py", "processes=1", vec!["main: done after 3"], vec![]),
        ("09-pool", "main.py", "finish=terminate", vec!["main: done after 3"], vec![]),
        ("09-pool", "main.py", "finish=none", vec!["main: all 10 handed over after 3", "ValueError: Pool is still running"], vec!["main: done"]),
        ("09-pool", "main.py", "finish=with", vec!["main: done after 3"], vec![]),
        ("09-pool", "main.py", "finish=with,method=apply_async", vec!["main: all 10 handed over after 0.", "main: done after"], vec!["ends task"]),
        ("09-pool", "main.py", "finish=none,method=apply_async", vec!["ValueError: Pool is still running"], vec!["main: done"]),
        ("09-pool", "main.py", "fails=on", vec!["ValueError: task 3 failed"], vec!["handed over", "ends task 3"]),
        ("09-pool", "main.py", "fails=on,method=apply_async", vec!["main: task 3 ready True successful False", "ValueError: task 3 failed"], vec!["ends task 3"]),
    ]
}

fn run(
    python: &Path,
    dir: &Path,
    case: &Case,
    promises: &[(Vec<&str>, Vec<&str>)],
    code: i32,
) -> Outcome {
    let name = format!(
        "{}/{} [{}]",
        case.lesson,
        case.file,
        if case.sets.is_empty() {
            "defaults".to_string()
        } else {
            case.sets.join(", ")
        }
    );
    let script = dir.join(format!(
        "{}-{}-{}",
        case.lesson,
        case.sets.join("-").replace('=', "_"),
        case.file
    ));
    std::fs::write(&script, &case.source).expect("write the program");
    let out_path = script.with_extension("out");
    let out_file = std::fs::File::create(&out_path).expect("create the output file");
    let mut cmd = Command::new(python);
    cmd.arg(&script)
        .current_dir(dir)
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::null())
        .stdout(out_file.try_clone().expect("clone a file handle"))
        .stderr(out_file);
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let started = Instant::now();
    let mut child = cmd.spawn().expect("start python3");
    let limit = if case.endless {
        ENDLESS_AFTER
    } else {
        ENDS_WITHIN
    };
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for python3") {
            break Some(status);
        }
        if started.elapsed() >= limit {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // The whole group: an endless run leaves children blocked forever.
    let pgid = child.id() as i32;
    unsafe {
        libc::killpg(pgid, libc::SIGKILL);
    }
    let _ = child.wait();
    let output = std::fs::read_to_string(&out_path).unwrap_or_default();
    let secs = started.elapsed().as_secs_f64();
    let problem = match (status, case.endless) {
        (None, true) => None,
        (Some(s), true) => Some(format!(
            "is marked endless but ended by itself after {secs:.1} s ({s}):\n{output}"
        )),
        (None, false) => Some(format!(
            "did not end within {} s:\n{output}",
            ENDS_WITHIN.as_secs()
        )),
        (Some(s), false) if s.code() != Some(code) => {
            Some(format!("ended with {s}, not exit code {code}:\n{output}"))
        }
        (Some(_), false) => promises.iter().find_map(|(must, must_not)| {
            let missing: Vec<&&str> = must.iter().filter(|m| !output.contains(**m)).collect();
            let present: Vec<&&str> = must_not.iter().filter(|m| output.contains(**m)).collect();
            (!missing.is_empty() || !present.is_empty()).then(|| {
                format!(
                    "printed {output:?}\n  missing {missing:?}\n  but should not have {present:?}"
                )
            })
        }),
    };
    eprintln!(
        "  {name}: {} in {secs:.1} s",
        match (&problem, status) {
            (Some(_), _) => "FAILED",
            (None, None) => "still running (endless, as marked)",
            (None, Some(_)) => "ok",
        }
    );
    Outcome { name, problem }
}

#[test]
fn lesson_programs_run_under_cpython() {
    let Some(python) = python3() else {
        eprintln!("SKIPPED lesson_programs_run_under_cpython: python3 is not installed");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let lessons: Vec<Lesson> = lesson::catalog_in(&root)
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let mut all = cases(&lessons);
    // Longest first (09's apply runs take 30 s) so the parallel runs finish together.
    all.sort_by_key(|c| (!c.lesson.starts_with("09"), !c.endless));
    let promises = promises();
    for (lesson, file, sets, _, _) in &promises {
        let known = all
            .iter()
            .any(|c| c.lesson == *lesson && c.file == *file && c.sets.join(",") == *sets);
        assert!(known, "a promise names no case: {lesson} {file} [{sets}]");
    }
    for (lesson, file, sets, _) in &exit_codes() {
        let known = all
            .iter()
            .any(|c| c.lesson == *lesson && c.file == *file && c.sets.join(",") == *sets);
        assert!(
            known,
            "an exit code names no case: {lesson} {file} [{sets}]"
        );
    }
    let dir = std::env::temp_dir().join(format!("forkyard-cpython-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("make a temp dir");
    eprintln!(
        "running {} lesson programs under python3, {PARALLEL} at a time",
        all.len()
    );
    let queue = Mutex::new(all.into_iter().collect::<VecDeque<Case>>());
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..PARALLEL {
            s.spawn(|| {
                loop {
                    let Some(case) = queue.lock().expect("queue lock").pop_front() else {
                        break;
                    };
                    let mine: Vec<(Vec<&str>, Vec<&str>)> = promises
                        .iter()
                        .filter(|(l, f, sets, _, _)| {
                            *l == case.lesson && *f == case.file && case.sets.join(",") == *sets
                        })
                        .map(|(_, _, _, must, not)| (must.clone(), not.clone()))
                        .collect();
                    let code = exit_codes()
                        .iter()
                        .find(|(l, f, sets, _)| {
                            *l == case.lesson && *f == case.file && case.sets.join(",") == *sets
                        })
                        .map_or(0, |c| c.3);
                    let outcome = run(&python, &dir, &case, &mine, code);
                    outcomes.lock().expect("outcomes lock").push(outcome);
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
    let failures: Vec<String> = outcomes
        .into_inner()
        .expect("outcomes")
        .into_iter()
        .filter_map(|o| o.problem.map(|p| format!("{}: {p}", o.name)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// 03's `output` and `flush` knobs under CPython, each run where the knobs say its stdout goes:
/// into a real pipe for `output=pipe` (no `-u`, `PYTHONUNBUFFERED` removed), on a pseudo-terminal
/// made by `script(1)` otherwise. With join(1.5) and daemon on the child is killed by SIGTERM
/// after printing 0 and 1: into a pipe they are lost, unless printed with `flush=True`; on a
/// terminal they are there.
#[test]
fn lesson_03_a_killed_childs_lines_under_cpython_into_a_pipe_and_on_a_terminal() {
    let Some(python) = python3() else {
        eprintln!("SKIPPED lesson_03 output under CPython: python3 is not installed");
        return;
    };
    let script_ok = Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let lesson =
        lesson::find_in(lesson::catalog_in(&root), "03-join").unwrap_or_else(|e| panic!("{e}"));
    let dir = std::env::temp_dir().join(format!("forkyard-cpython-03-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("make a temp dir");
    let main_says = "join(1.5) returned None\nalive: True exitcode: None\nend\n";
    let mut failures = Vec::new();
    for (extra, child_says) in [
        (vec![], "0\n1\n"),
        (vec!["output=pipe"], ""),
        (vec!["output=pipe", "flush=on"], "0\n1\n"),
        (vec!["flush=on"], "0\n1\n"),
    ] {
        let mut sets = vec!["join=timeout", "daemon=on"];
        sets.extend(extra);
        let settings = lesson.settings_from(&sets).expect("valid settings");
        let program = lesson.program_with(&settings).expect("the program");
        let file = dir.join(format!("{}.py", sets.join("-").replace('=', "_")));
        std::fs::write(&file, &program.source).expect("write the program");
        let output = match program.stdout {
            Some(forkyard::runtime::stdout::StdoutMode::Pipe) => Command::new(&python)
                .arg(&file)
                .env_remove("PYTHONUNBUFFERED")
                .stdin(Stdio::null())
                .output()
                .expect("python3 runs"),
            None if !script_ok => {
                eprintln!(
                    "SKIPPED 03 {sets:?} on a terminal: script(1), which gives CPython a \
                     pseudo-terminal, is not installed"
                );
                continue;
            }
            None => Command::new("script")
                .args([
                    "-qec",
                    &format!("{} {} 2>/dev/null", python.display(), file.display()),
                    "/dev/null",
                ])
                .env_remove("PYTHONUNBUFFERED")
                .stdin(Stdio::null())
                .output()
                .expect("script runs"),
            Some(other) => panic!("03's knobs set no stdout mode {other}"),
        };
        let printed = String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n");
        let want = format!("{child_says}{main_says}");
        eprintln!("  03-join [{}]: {printed:?}", sets.join(", "));
        if printed != want || !output.status.success() {
            failures.push(format!(
                "03-join {sets:?} ({:?}): printed {printed:?}, want {want:?}",
                program.stdout
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
