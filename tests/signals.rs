//! Signals in programs, for what the conformance corpus cannot express (the corpus programs
//! `tests/corpus/sig*.py` cover the `signal` API itself): the exit status of a main that dies of an
//! uncaught KeyboardInterrupt, `os.kill` refused outside the run, and the trace of a signal one
//! process of the run sends another.

mod run_support;

use forkyard::trace::Event;
use run_support::{program, records, run_cmd};

fn run(name: &str, source: &str, args: &[&str]) -> std::process::Output {
    let path = program(name, source);
    let mut all = vec!["--format", "plain", "--timeout", "30"];
    all.extend_from_slice(args);
    run_cmd(&path, &all).output().expect("forkyard runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn an_uncaught_keyboard_interrupt_ends_the_main_by_sigint() {
    // CPython prints the traceback, flushes stdout, then kills itself with SIGINT: a shell sees 130.
    let out = run(
        "interrupted.py",
        "import os, signal\nprint('before', end='')\nos.kill(os.getpid(), signal.SIGINT)\nprint('not printed')\n",
        &["--stdout", "pipe"],
    );
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    assert_eq!(text(&out.stdout), "before");
    assert_eq!(
        text(&out.stderr),
        "Traceback (most recent call last):\n  File \"interrupted.py\", line 3, in <module>\n    os.kill(os.getpid(), signal.SIGINT)\nKeyboardInterrupt\n"
    );
}

#[test]
fn a_sigint_handler_keeps_the_main_alive() {
    let out = run(
        "handled.py",
        "import os, signal\nsignal.signal(signal.SIGINT, lambda s, f: print('handled', s))\nos.kill(os.getpid(), signal.SIGINT)\nprint('still here')\n",
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), "handled 2\nstill here\n");
}

#[test]
fn os_kill_outside_the_run_is_refused_with_a_sentence() {
    // pid 1 (init), the observer (the main's parent), and 0 (the whole group) are not processes
    // of the run. Each refusal says where and what the program may signal instead.
    let source = "import os, signal\nfor pid in (1, os.getppid(), 0, -1):\n    try:\n        os.kill(pid, signal.SIGTERM)\n    except PermissionError as e:\n        print(str(e).startswith(f'os.kill({pid}, 15): pid {pid} is not a process of this run'), 'children, parent, siblings' in str(e))\nprint('alive')\n";
    let out = run("refused.py", source, &[]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        text(&out.stdout),
        "True True\nTrue True\nTrue True\nTrue True\nalive\n"
    );
}

#[test]
fn os_kill_of_an_ended_child_is_a_process_lookup_error() {
    let source = "import multiprocessing, os, signal\nif __name__ == '__main__':\n    p = multiprocessing.Process(target=print, args=('child',))\n    p.start()\n    p.join()\n    try:\n        os.kill(p.pid, signal.SIGTERM)\n    except ProcessLookupError as e:\n        print(type(e).__name__, e)\n";
    let out = run("ended.py", source, &[]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        text(&out.stdout),
        "child\nProcessLookupError [Errno 3] No such process\n"
    );
}

#[test]
fn a_signal_between_processes_is_in_the_trace_with_its_target() {
    let source = "import multiprocessing, os, signal, time\ndef child(ready):\n    signal.signal(signal.SIGUSR1, lambda s, f: print('got it'))\n    ready.set()\n    time.sleep(0.5)\nif __name__ == '__main__':\n    ready = multiprocessing.Event()\n    p = multiprocessing.Process(target=child, args=(ready,))\n    p.start()\n    ready.wait()\n    os.kill(p.pid, signal.SIGUSR1)\n    p.join()\n    print(p.exitcode)\n";
    let path = program("traced.py", source);
    let out = run_cmd(
        &path,
        &["--format", "jsonl", "--timeout", "30", "--speed", "4"],
    )
    .output()
    .expect("forkyard runs");
    assert!(out.status.success(), "{out:?}");
    let recs = records(&text(&out.stdout));
    let sent = recs
        .iter()
        .find_map(|r| match &r.event {
            Event::Signal {
                target_name,
                signal_name,
                ..
            } => Some((target_name.clone(), signal_name.clone())),
            _ => None,
        })
        .expect("a signal record");
    assert_eq!(sent, ("Process-1".to_string(), "SIGUSR1".to_string()));
    let printed: String = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(printed, "got it\n0\n");
}
