//! `forkyard run` end to end: the three formats, exit status, the lesson clock under `--speed`,
//! long and many lines, and the brief's daemon example both ways.

mod run_support;

use std::time::{Duration, Instant};

use forkyard::trace::{AtExitAction, Ending, Event, Record};
use run_support::*;

const DAEMON: &str = r#"
import multiprocessing, time
def worker():
    for i in range(3):
        print(i)
        time.sleep(1)
if __name__ == '__main__':
    p = multiprocessing.Process(target=worker)
    p.daemon = True
    p.start()
    print('end')
"#;

fn output_of(recs: &[Record], name: &str) -> String {
    let pid = recs.iter().find_map(|r| match &r.event {
        Event::Main { name: n, .. } | Event::Spawn { name: n, .. } if n == name => Some(r.pid),
        _ => None,
    });
    recs.iter()
        .filter(|r| Some(r.pid) == pid)
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn jsonl(name: &str, src: &str, args: &[&str]) -> (Vec<Record>, i32) {
    let out = run_cmd(
        &program(name, src),
        &[&["--format", "jsonl"], args].concat(),
    )
    .output()
    .unwrap();
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    assert!(group(main_pid(&recs)).is_empty());
    (recs, out.status.code().unwrap_or(-1))
}

#[test]
fn a_daemonic_child_dies_by_sigterm_at_mains_exit() {
    let (recs, code) = jsonl("daemon.py", DAEMON, &["--speed", "10"]);
    assert_eq!(code, 0);
    // The child may be killed before it ever ran (and wrote its `spawn` record), as under CPython:
    // the main's exit rules name it.
    let child = recs
        .iter()
        .find_map(|r| match &r.event {
            Event::AtExit {
                action: AtExitAction::Terminate,
                child,
                child_name,
            } if child_name == "Process-1" => Some(*child),
            _ => None,
        })
        .expect("the main's exit rules terminate Process-1");
    if let Some(spawn) = recs
        .iter()
        .find(|r| r.pid == child && matches!(r.event, Event::Spawn { .. }))
    {
        assert!(matches!(spawn.event, Event::Spawn { daemon: true, .. }));
    }
    assert!(recs.iter().any(|r| matches!(&r.event,
        Event::Reaped { child: c, ending: Ending::Signaled { signal: 15 }, .. } if *c == child)));
    assert!(
        ["", "0\n"].contains(&output_of(&recs, "Process-1").as_str()),
        "nothing after end"
    );
    assert_eq!(output_of(&recs, "MainProcess"), "end\n");
}

#[test]
fn without_daemon_main_waits_and_the_child_prints_everything_at_speed() {
    let wall = Instant::now();
    let src = DAEMON.replace("p.daemon = True", "p.daemon = False");
    let (recs, code) = jsonl("nodaemon.py", &src, &["--speed", "20"]);
    assert_eq!(code, 0);
    assert!(
        wall.elapsed() < Duration::from_secs(3),
        "3 lesson seconds at 20x took {:?}",
        wall.elapsed()
    );
    assert_eq!(output_of(&recs, "Process-1"), "0\n1\n2\n");
    assert!(recs.iter().any(|r| matches!(
        r.event,
        Event::AtExit {
            action: AtExitAction::Join,
            ..
        }
    )));
    let last = recs.iter().rev().find_map(|r| match r.event {
        Event::Exit { .. } => Some(r.lesson_ns),
        _ => None,
    });
    assert!(
        last.unwrap() >= 3_000_000_000,
        "main ended after the child's 3 lesson seconds"
    );
}

#[test]
fn human_format_tags_lines_and_summarises() {
    let out = run_cmd(&program("human.py", DAEMON), &["--speed", "10"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let end = text.lines().find(|l| l.ends_with("end")).unwrap();
    let (time, rest) = end.trim_start().split_once("  ").unwrap();
    assert!(time.parse::<f64>().unwrap() < 1.0, "{end}");
    assert_eq!(rest, "MainProcess   end");
    assert!(
        text.contains("Process-1 (daemon)") && text.contains("SIGTERM at MainProcess's exit"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("MainProcess") && l.contains("exit code 0")),
        "{text}"
    );
}

#[test]
fn plain_format_is_the_programs_own_output_and_the_status_is_mains_code() {
    let src = "import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(3)\n";
    let out = run_cmd(&program("plain.py", src), &["--format", "plain"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "out\n");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "err\n");
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn an_uncaught_exception_prints_a_traceback_and_exits_1() {
    let out = run_cmd(
        &program("raise.py", "x = 1\nraise ValueError('no')\n"),
        &["--format", "plain"],
    )
    .output()
    .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("Traceback (most recent call last):") && err.ends_with("ValueError: no\n"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn sleeps_and_clocks_count_lesson_seconds() {
    // A sleep never ends early and may end late: at speed 40 a lesson second is 25 ms, so a busy
    // machine's few milliseconds are a good part of one. The bounds tell lesson seconds (2) from
    // real ones (0.05), not a punctual sleep from a late one.
    let src = "import time\nt = time.time()\nm = time.monotonic()\ntime.sleep(2)\nw, s = time.time() - t, time.monotonic() - m\nprint(2 <= w < 4, 2 <= s < 4)\n";
    let wall = Instant::now();
    let out = run_cmd(
        &program("clock.py", src),
        &["--format", "plain", "--speed", "40"],
    )
    .output()
    .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "True True\n");
    assert!(
        wall.elapsed() < Duration::from_millis(1500),
        "took {:?}",
        wall.elapsed()
    );
}

#[test]
fn long_and_many_lines_arrive_whole() {
    let src = "print('x' * 10000 + 'é' * 3000)\nfor i in range(20000):\n    print(i)\n";
    let out = run_cmd(&program("many.py", src), &["--format", "plain"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("{}{}", "x".repeat(10000), "é".repeat(3000))
    );
    let rest: Vec<&str> = lines.collect();
    assert_eq!(rest.len(), 20000);
    assert!(rest.iter().enumerate().all(|(i, l)| *l == i.to_string()));
}

#[test]
fn bad_arguments_are_sentences() {
    let p = program("ok.py", "print(1)\n");
    let out = run_cmd(&p, &["--speed", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the speed must be from 0.001 to 1000"));
    let out = run_cmd(&p, &["--set", "daemon=on"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("plain file"));
}

#[test]
fn a_programs_own_arguments_are_its_sys_argv_in_every_process() {
    let p = program(
        "argv.py",
        "import sys, multiprocessing\n\
         def show(tag):\n    print(tag, sys.argv[1:])\n\
         if __name__ == '__main__':\n    show('main')\n\
         \x20   for m in ('fork', 'spawn', 'forkserver'):\n\
         \x20       p = multiprocessing.get_context(m).Process(target=show, args=(m,))\n\
         \x20       p.start()\n        p.join()\n",
    );
    // forkyard's options before the program, the program's own after it (dashes and all).
    let (code, out, err) = run_to_end(
        &p,
        &["--format", "plain", "3", "--verbose", "-x", "two words"],
    );
    assert_eq!(code, 0, "{err}");
    let want = "['3', '--verbose', '-x', 'two words']";
    assert_eq!(
        out,
        format!("main {want}\nfork {want}\nspawn {want}\nforkserver {want}\n")
    );
    // A lesson's programs take none: a sentence, not a run.
    let out = forkyard(&["run", "02-daemon", "extra"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("02-daemon is not a file"), "{err}");
}
