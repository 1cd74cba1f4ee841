//! No process of a run outlives it: after a normal end, a timeout, the process cap, and SIGKILL,
//! SIGTERM, SIGINT or SIGHUP of the observer. Checked in `/proc`, not just with `waitpid`.

mod run_support;

use std::os::unix::process::ExitStatusExt;

use forkyard::trace::Event;
use run_support::*;

/// A main with three children that sleep long, one of which has a child of its own.
const TREE: &str = r#"
import multiprocessing, time

def sleeper():
    time.sleep(100)

def parent():
    q = multiprocessing.Process(target=sleeper)
    q.start()
    q.join()

if __name__ == '__main__':
    ps = [multiprocessing.Process(target=sleeper) for _ in range(2)]
    ps.append(multiprocessing.Process(target=parent))
    for p in ps:
        p.start()
    for p in ps:
        p.join()
"#;

#[test]
fn nothing_is_left_after_a_normal_run() {
    let src = r#"
import multiprocessing, time
def child():
    q = multiprocessing.Process(target=time.sleep, args=(0.1,))
    q.start()
    print('child')
if __name__ == '__main__':
    p = multiprocessing.Process(target=child)
    p.start()
    print('main')
"#;
    let out = run_cmd(
        &program("normal.py", src),
        &["--format", "jsonl", "--speed", "10"],
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(spawns(&recs), 2);
    assert_eq!(group(main_pid(&recs)), Vec::<i32>::new());
}

#[test]
fn sigkill_of_the_observer_leaves_nothing() {
    become_subreaper();
    let (mut observer, mut out) = spawn_observer(&program("kill9.py", TREE), &[]);
    let recs = read_until(&mut out, |r| spawns(r) == 4);
    let pgid = main_pid(&recs);
    assert_eq!(group(pgid).len(), 5, "the whole tree is up");
    observer.kill().unwrap();
    observer.wait().unwrap();
    assert_eq!(wait_group_gone(pgid, 5), Vec::<i32>::new());
}

#[test]
fn sigterm_sigint_sighup_of_the_observer_end_the_run_first() {
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let (mut observer, mut out) = spawn_observer(&program("term.py", TREE), &[]);
        let recs = read_until(&mut out, |r| spawns(r) == 4);
        let pgid = main_pid(&recs);
        // SAFETY: signalling our own child.
        unsafe { libc::kill(observer.id() as i32, sig) };
        let status = observer.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(sig),
            "the observer dies of the signal it got"
        );
        // The observer reaped the whole run before it died: nothing left, not even a zombie.
        assert_eq!(group(pgid), Vec::<i32>::new(), "after signal {sig}");
        let mut err = String::new();
        std::io::Read::read_to_string(observer.stderr.as_mut().unwrap(), &mut err).unwrap();
        assert!(err.contains("the run was stopped"), "{err}");
    }
}

#[test]
fn timeout_stops_a_run_that_would_not_end_and_says_so() {
    let src = "import time\nwhile True:\n    time.sleep(1)\n";
    let out = run_cmd(
        &program("forever.py", src),
        &["--timeout", "0.5", "--format", "jsonl"],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(124));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did not end within 0.5 s"), "{err}");
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert!(
        recs.iter()
            .any(|r| matches!(&r.event, Event::Stop { reason } if reason.contains("timeout")))
    );
    assert_eq!(group(main_pid(&recs)), Vec::<i32>::new());
}

#[test]
fn the_process_cap_ends_an_endless_spawner_with_a_clear_error() {
    let src = r#"
import multiprocessing, time
def f():
    time.sleep(0.2)
if __name__ == '__main__':
    while True:
        multiprocessing.Process(target=f).start()
"#;
    let path = program("spawner.py", src);
    let out = run_cmd(
        &path,
        &[
            "--max-processes",
            "6",
            "--timeout",
            "60",
            "--format",
            "jsonl",
            "--speed",
            "5",
        ],
    )
    .output()
    .unwrap();
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(spawns(&recs), 5, "the main and five children make six");
    let refused = recs.iter().find_map(|r| match &r.event {
        Event::Refused { message } => Some(message.clone()),
        _ => None,
    });
    assert!(refused.unwrap().contains("at most 6 processes"));
    let stderr: String = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } if r.pid == main_pid(&recs) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        stderr.contains("at most 6 processes"),
        "the program is told why: {stderr}"
    );
    assert_ne!(out.status.code(), Some(124), "it ended by itself");
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(group(main_pid(&recs)), Vec::<i32>::new());
}
