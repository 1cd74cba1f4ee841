//! A hostile world around the observer: its terminal closes, its stderr is full, its reader stops
//! reading, Ctrl-Z stops it, its output cannot be written. Whatever happens, the observer ends (or
//! stops and continues) together with its whole run, never panics, and leaves no process behind:
//! every test checks `/proc` for the run's processes at its end.

mod pty_support;
mod run_support;

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use forkyard::trace::Event;
use pty_support::*;
use run_support::*;

/// A main and a child that spin for ever without a word.
const SPIN: &str = r#"
import multiprocessing

def spin():
    while True:
        pass

if __name__ == '__main__':
    multiprocessing.Process(target=spin).start()
    spin()
"#;

/// Four processes printing as fast as they can, for ever.
const ENDLESS: &str = r#"
import multiprocessing

def shout(n):
    while True:
        print(n, 'x' * 80)

if __name__ == '__main__':
    for n in range(3):
        multiprocessing.Process(target=shout, args=(n,)).start()
    shout('main')
"#;

/// Two workers counting aloud, slowly, for ever.
const COUNTERS: &str = r#"
import multiprocessing, time

def count(n):
    i = 0
    while True:
        print(n, i)
        i += 1
        time.sleep(0.02)

if __name__ == '__main__':
    for n in range(2):
        multiprocessing.Process(target=count, args=(n,)).start()
    count('main')
"#;

/// The pids of the direct children of `pid` (the observer's: its lesson main).
fn children_of(pid: u32) -> Vec<i32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|s| {
            s.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<i32>>()
        })
        .collect()
}

/// The run's group: the observer's one child, the lesson main, once it is up.
fn run_group_of(observer: u32) -> i32 {
    let mut main = None;
    assert!(
        eventually(20, || {
            main = children_of(observer).first().copied();
            main.is_some()
        }),
        "the observer started no lesson main"
    );
    main.unwrap()
}

/// Reaps this process's children in session `sid` and waits until `/proc` shows nothing of the
/// session for up to `secs`; returns what is left.
fn session_gone(sid: i32, secs: u64) -> Vec<i32> {
    let me = std::process::id().to_string();
    let start = Instant::now();
    loop {
        for pid in in_session(sid) {
            if stat_field(pid, 4).as_deref() == Some(me.as_str()) {
                let mut status = 0;
                // SAFETY: waitpid on one child of ours with a valid out-pointer.
                unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
            }
        }
        let left = in_session(sid);
        if left.is_empty() || start.elapsed() > Duration::from_secs(secs) {
            return left;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn closing_the_terminal_ends_the_observer_and_its_whole_run() {
    become_subreaper();
    let prog = program("spin.py", SPIN);
    let pty = Pty::new();
    let mut cmd = Command::new(EXE);
    cmd.arg("run").arg(&prog);
    let mut observer = Guarded(pty.spawn(cmd));
    let sid = observer.id() as i32;
    let pgid = run_group_of(observer.id());
    assert!(
        eventually(20, || group(pgid).len() == 2),
        "the main and its child spin"
    );
    // Hang up: the terminal is gone, as when its window is closed.
    pty.hang_up();
    let status = wait_ended(&mut observer, 20).expect("the observer ends after a hang-up");
    assert!(
        status.signal() == Some(libc::SIGHUP) || status.code() == Some(1),
        "ends by the hang-up (or its failed write), not a panic: {status:?}"
    );
    assert_eq!(session_gone(sid, 10), Vec::<i32>::new(), "nothing is left");
    assert_eq!(group(pgid), Vec::<i32>::new());
}

#[test]
fn sigterm_with_a_full_stderr_ends_the_observer_and_its_whole_run() {
    let prog = program("spin_full.py", SPIN);
    for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT, libc::SIGUSR1] {
        let full = std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut observer = Guarded(
            run_cmd(&prog, &[])
                .stdout(Stdio::from(full.try_clone().unwrap()))
                .stderr(Stdio::from(full))
                .spawn()
                .unwrap(),
        );
        let pgid = run_group_of(observer.id());
        assert!(eventually(20, || group(pgid).len() == 2), "both spin");
        // SAFETY: signalling our own child.
        unsafe { libc::kill(observer.id() as i32, sig) };
        let status = wait_ended(&mut observer, 20).expect("the observer ends");
        assert_eq!(status.signal(), Some(sig), "dies of the signal it got");
        assert_eq!(wait_group_gone(pgid, 5), Vec::<i32>::new(), "after {sig}");
    }
}

#[test]
fn a_reader_that_stops_reading_holds_the_run_back_and_the_timeout_still_fires() {
    let prog = program("endless.py", ENDLESS);
    // The timeout leaves the writers time to fill their 1 MiB trace rings on a loaded machine: the
    // check below waits for them to block, and a run ended by its timeout first proves nothing.
    let mut observer = Guarded(run_cmd(&prog, &["--timeout", "12"]).spawn().unwrap());
    // The test holds the read end of the observer's stdout and never reads it.
    let _stalled = observer.stdout.take();
    let pgid = run_group_of(observer.id());
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(2500));
    let rss = rss_kib(observer.id());
    // Every lesson process is blocked on its next write (none is running): back-pressure.
    let blocked = eventually(9, || {
        let pids = group(pgid);
        pids.len() == 4 && pids.iter().all(|&p| state_of(p) == Some('S'))
    });
    let status = wait_ended(&mut observer, 20).expect("the observer ends");
    let took = started.elapsed();
    let mut err = String::new();
    observer
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(124), "stopped by --timeout: {err}");
    assert!(err.contains("did not end within 12 s"), "{err}");
    assert!(blocked, "the lesson processes wait for the reader");
    assert!(
        rss < 64 * 1024,
        "observer RSS {rss} KiB under a stalled reader"
    );
    // 12 s of run, then at most the 2 s the output may stall before it is given up.
    assert!(took < Duration::from_secs(18), "ended after {took:?}");
    assert_eq!(wait_group_gone(pgid, 5), Vec::<i32>::new());
    println!("stalled reader: observer RSS {rss} KiB at 2.5 s; ended after {took:?}");
}

#[test]
fn ctrl_z_stops_the_whole_run_and_sigcont_continues_it() {
    let prog = program("counters.py", COUNTERS);
    // SIGTTIN and SIGTTOU (a background job touched the terminal) stop a job as Ctrl-Z does.
    for sig in [libc::SIGTSTP, libc::SIGTTOU, libc::SIGTTIN] {
        // Its own process group, as a shell puts a job; the test, its parent, is the shell.
        let mut cmd = run_cmd(&prog, &["--format", "jsonl"]);
        cmd.process_group(0);
        let mut observer = Guarded(cmd.spawn().unwrap());
        let mut out = std::io::BufReader::new(observer.stdout.take().unwrap());
        let recs = read_until(&mut out, |r| spawns(r) >= 2);
        let pgid = main_pid(&recs);
        let obs = observer.id() as i32;
        // SAFETY: signalling our own child.
        unsafe { libc::kill(obs, sig) };
        let all_stopped = || {
            let pids = group(pgid);
            pids.len() == 3 && pids.iter().all(|&p| state_of(p) == Some('T'))
        };
        assert!(
            eventually(10, || state_of(obs) == Some('T')),
            "the observer stops on {sig}"
        );
        assert!(
            eventually(10, all_stopped),
            "every process of the run stops on {sig}"
        );
        std::thread::sleep(Duration::from_millis(300));
        assert!(all_stopped(), "and stays stopped");
        // SAFETY: as above.
        unsafe { libc::kill(obs, libc::SIGCONT) };
        assert!(
            eventually(10, || {
                let pids = group(pgid);
                state_of(obs) != Some('T') && pids.iter().all(|&p| state_of(p) != Some('T'))
            }),
            "the observer and its run continue after {sig}"
        );
        // And the run really goes on: every process prints again after the continue.
        let after = read_until(&mut out, |r| {
            let outputs: std::collections::HashSet<i32> = r
                .iter()
                .filter(|x| matches!(x.event, Event::Output { .. }))
                .map(|x| x.pid)
                .collect();
            outputs.len() == 3
        });
        assert!(!after.is_empty());
        // SAFETY: as above.
        unsafe { libc::kill(obs, libc::SIGTERM) };
        let status = wait_ended(&mut observer, 20).expect("the observer ends");
        assert_eq!(status.signal(), Some(libc::SIGTERM));
        assert_eq!(wait_group_gone(pgid, 5), Vec::<i32>::new());
    }
}

#[test]
fn write_errors_are_a_sentence_and_a_failure_never_a_panic() {
    let prog = program("hello.py", "print('hello')\n");
    let full = || {
        std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("list", vec!["list"]),
        ("check", vec!["check"]),
        ("run", vec!["run", prog.to_str().unwrap()]),
        (
            "run plain",
            vec!["run", prog.to_str().unwrap(), "--format", "plain"],
        ),
        (
            "run jsonl",
            vec!["run", prog.to_str().unwrap(), "--format", "jsonl"],
        ),
    ];
    for (name, args) in cases {
        let label = format!("write-errors-{}-{name}", std::process::id());
        let mut cmd = Command::new(EXE);
        tag(&mut cmd, &label);
        let out = cmd
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stdout(Stdio::from(full()))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {:?} {err}", out.status);
        assert!(
            err.contains("No space left on device") && err.starts_with("forkyard: could not write"),
            "{name}: {err}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(tagged(&label), Vec::<i32>::new(), "{name}: nothing left");
    }
    // Both outputs full: still no panic, still a failure.
    let out = Command::new(EXE)
        .args(["run", prog.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::from(full()))
        .stderr(Stdio::from(full()))
        .status()
        .unwrap();
    assert_eq!(out.code(), Some(1));
}

#[test]
fn option_values_out_of_range_are_sentences_with_the_range() {
    let prog = program("ok.py", "print(1)\n");
    let cases = [
        (["--timeout", "1e20"], "at most 31536000 real seconds"),
        (["--timeout", "nan"], "at most 31536000 real seconds"),
        (["--speed", "1e308"], "from 0.001 to 1000 lesson seconds"),
        (["--speed", "-1"], "from 0.001 to 1000 lesson seconds"),
        (["--speed", "inf"], "from 0.001 to 1000 lesson seconds"),
        (["--speed", "0"], "from 0.001 to 1000 lesson seconds"),
        (["--speed", "NaN"], "from 0.001 to 1000 lesson seconds"),
        (["--max-processes", "-1"], "from 1 to 4096"),
        (["--max-memory", "1K"], "at least 64 MiB"),
    ];
    for (args, says) in cases {
        let out = run_cmd(&prog, &args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(says) && err.contains(args[0]),
            "{args:?}: {err}"
        );
        assert!(!err.contains("unexpected argument"), "{args:?}: {err}");
    }
}

#[test]
fn stray_output_names_the_process_that_wrote_it() {
    use forkyard::session::{self, RunSpec, Update};
    use std::os::unix::fs::PermissionsExt;
    // A stand-in lesson main: a script whose child, then itself, write to the real stderr.
    let script = program(
        "stray.sh",
        "#!/bin/sh\nsh -c 'echo \"child $$\" >&2'\necho \"main $$\" >&2\n",
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let h = session::start(RunSpec {
        exe: Some(script),
        ..RunSpec::new("", "main.py")
    })
    .unwrap();
    let mut strays = Vec::new();
    // Records until the end (the last update).
    while let Update::Record(r) = h.updates().recv_timeout(Duration::from_secs(30)).unwrap() {
        if let Event::Stray { text, writer, .. } = r.event {
            strays.push((text, writer));
        }
    }
    let pid_in = |who: &str| -> Option<i32> {
        strays
            .iter()
            .find_map(|(t, _)| t.strip_prefix(who)?.trim().parse().ok())
    };
    let (child, main) = (pid_in("child ").unwrap(), pid_in("main ").unwrap());
    assert_eq!(main, h.pid());
    assert_ne!(child, main);
    for (text, writer) in &strays {
        let who = if text.starts_with("child") {
            child
        } else {
            main
        };
        assert_eq!(*writer, Some(who), "{text:?} was written by {who}");
    }
    assert_eq!(group(h.pid()), Vec::<i32>::new());
}

/// Four children each take 80 MB (eight 10 MB strings, a little at a time), then wait.
const HOGS: &str = r#"
import multiprocessing, time

def hog(n):
    blocks = []
    for i in range(8):
        blocks.append('x' * 10_000_000 + str(i))
        time.sleep(0.05)
    print(n, 'holds', len(blocks) * 10, 'MB')
    time.sleep(60)

if __name__ == '__main__':
    ps = [multiprocessing.Process(target=hog, args=(n,)) for n in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('done')
"#;

#[test]
fn a_run_over_its_memory_budget_is_stopped_and_every_process_says_why() {
    let prog = program("hogs.py", HOGS);
    let started = Instant::now();
    let out = run_cmd(&prog, &["--max-memory", "200M"]).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    let said = "killed: the run went over its memory budget of 200.0 MiB (--max-memory)";
    assert!(started.elapsed() < Duration::from_secs(30), "stopped early");
    assert!(!stdout.contains("done"), "{stdout}");
    assert_eq!(
        out.status.code(),
        Some(128 + libc::SIGKILL),
        "{stdout}{stderr}"
    );
    for name in ["MainProcess", "Process-1", "Process-4"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.trim_start().starts_with(name) && l.contains(said)),
            "{name} says why: {stdout}"
        );
    }
    assert!(
        stderr.contains(
            "the run went over its memory budget of 200.0 MiB (--max-memory), so it was stopped"
        ),
        "{stderr}"
    );
    let pgid: i32 = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("MainProcess") && l.contains(said))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .expect("the main's pid in the summary");
    assert_eq!(group(pgid), Vec::<i32>::new());
}

/// Library modules are parsed when the program imports them, after the budget limits the
/// address space: in the main, in a child and inside a generator (a small stack of its own).
#[test]
fn library_modules_import_under_a_small_memory_budget() {
    let src = r#"
import multiprocessing

def late():
    import string
    yield string.ascii_lowercase[:3]

def child():
    import statistics
    print('child', statistics.mean([1, 2, 3]))

if __name__ == '__main__':
    import re, logging
    print('main', re.sub('a', 'b', 'aa'), logging.getLevelName(20))
    print('generator', next(late()))
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
"#;
    let prog = program("imports.py", src);
    let out = run_cmd(&prog, &["--max-memory", "200M", "--format", "plain"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for said in ["main bb INFO", "generator abc", "child 2"] {
        assert!(stdout.contains(said), "{said}: {stdout}");
    }
}

#[test]
fn a_run_within_its_memory_budget_is_untouched() {
    let src = HOGS
        .replace("range(8)", "range(2)")
        .replace("range(4)", "range(2)")
        .replace("time.sleep(60)", "time.sleep(0.2)");
    let prog = program("small_hogs.py", &src);
    let label = format!("small-hogs-{}", std::process::id());
    let mut cmd = run_cmd(&prog, &["--max-memory", "200M", "--format", "plain"]);
    tag(&mut cmd, &label);
    let out = cmd.output().unwrap();
    assert_eq!(tagged(&label), Vec::<i32>::new(), "nothing left");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.ends_with("done\n"), "{stdout}");
}

#[test]
fn one_process_cannot_allocate_past_the_budget_alone() {
    // 700 MB in one allocation: within the old per-process limit (4 GiB), past a 200 MiB budget.
    let src = "try:\n    s = 'x' * 700_000_000\n    print('got', len(s))\nexcept MemoryError:\n    print('MemoryError')\n";
    let prog = program("one_hog.py", src);
    let label = format!("one-hog-{}", std::process::id());
    let mut cmd = run_cmd(&prog, &["--max-memory", "200M", "--format", "plain"]);
    tag(&mut cmd, &label);
    let out = cmd.output().unwrap();
    assert_eq!(tagged(&label), Vec::<i32>::new(), "nothing left");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("got"),
        "the allocation must fail: {stdout}"
    );
    let out = run_cmd(&prog, &["--max-memory", "2G", "--format", "plain"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "got 700000000\n");
}

#[test]
fn escapes_a_program_prints_are_shown_not_obeyed_in_the_human_format() {
    let src = "import multiprocessing\n\ndef shout():\n    print('\\x1b[2J\\x1b]0;title\\x07\\x1b[31mred\\rover')\n\nif __name__ == '__main__':\n    p = multiprocessing.Process(target=shout)\n    p.start()\n    p.join()\n";
    let prog = program("ansi.py", src);
    let label = format!("ansi-{}", std::process::id());
    let mut cmd = run_cmd(&prog, &[]);
    tag(&mut cmd, &label);
    let out = cmd.output().unwrap();
    assert_eq!(tagged(&label), Vec::<i32>::new(), "nothing left");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(!stdout.contains('\x1b') && !stdout.contains('\r') && !stdout.contains('\x07'));
    assert!(
        stdout.contains("Process-1     \\x1b[2J\\x1b]0;title\\x07\\x1b[31mred\\rover"),
        "{stdout}"
    );
    // The plain format stays exactly what the program wrote.
    let out = run_cmd(&prog, &["--format", "plain"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "\x1b[2J\x1b]0;title\x07\x1b[31mred\rover\n"
    );
}
