//! The spawn start method, asserted from the trace: a spawned child is a lane of its own that runs
//! the program's top level again as `__mp_main__`, gives back the Pipe ends it was not passed (so
//! `recv` meets EOF as under CPython), and fails CPython's way when the program has no guard.
//! The outputs themselves are compared with CPython in the corpus (`tests/corpus/spw*`).

mod run_support;

use forkyard::trace::{Ending, Event, Op, Record, Stream};
use run_support::{group, main_pid, pid_of, program, records, run_cmd, text_of};

fn run(name: &str, source: &str) -> (Vec<Record>, Option<i32>) {
    let file = program(name, source);
    let out = run_cmd(
        &file,
        &["--format", "jsonl", "--speed", "20", "--timeout", "20"],
    )
    .output()
    .unwrap();
    let mut recs = records(&String::from_utf8(out.stdout).unwrap());
    assert!(!recs.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(group(main_pid(&recs)), Vec::<i32>::new(), "left processes");
    recs.sort_by_key(|r| r.mono_ns);
    (recs, out.status.code())
}

fn ending(recs: &[Record], pid: i32) -> Option<Ending> {
    recs.iter().find_map(|r| match &r.event {
        Event::Reaped { child, ending, .. } if *child == pid => Some(*ending),
        _ => None,
    })
}

#[test]
fn a_spawned_child_runs_the_top_level_again_in_its_own_lane() {
    let src = r#"
import multiprocessing as mp
print("top level as", __name__)
value = "imported"

def work():
    print("work sees", value)

if __name__ == "__main__":
    value = "changed"
    p = mp.get_context("spawn").Process(target=work)
    p.start()
    p.join()
"#;
    let (recs, code) = run("spawn_lane.py", src);
    assert_eq!(code, Some(0));
    let main = main_pid(&recs);
    let child = pid_of(&recs, "SpawnProcess-1");
    assert_ne!(child, main);
    assert_eq!(text_of(&recs, main), "top level as __main__\n");
    assert_eq!(
        text_of(&recs, child),
        "top level as __mp_main__\nwork sees imported\n"
    );
    assert_eq!(ending(&recs, child), Some(Ending::Exited { code: 0 }));
}

#[test]
fn a_spawned_child_closes_the_pipe_ends_it_was_not_given() {
    let src = r#"
import multiprocessing as mp

def reader(r):
    try:
        while True:
            r.recv()
    except EOFError:
        print("EOFError")

if __name__ == "__main__":
    mp.set_start_method("spawn")
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=reader, args=(r,))
    p.start()
    w.send(1)
    w.close()
    p.join()
"#;
    let (recs, code) = run("spawn_pipe.py", src);
    assert_eq!(code, Some(0));
    let child = pid_of(&recs, "Process-1");
    assert_eq!(text_of(&recs, child), "EOFError\n");
    let closed_by_child: Vec<&str> = recs
        .iter()
        .filter(|r| r.pid == child)
        .filter_map(|r| match &r.event {
            Event::Op { op, detail, .. } if *op == Op::Closed => detail.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(closed_by_child, vec!["not passed to this spawned process"]);
}

#[test]
fn without_the_guard_each_spawned_child_fails_while_importing() {
    let src = r#"
import multiprocessing as mp
ctx = mp.get_context("spawn")
def f():
    print("never")
p = ctx.Process(target=f)
p.start()
p.join()
print("exitcode", p.exitcode)
"#;
    let (recs, code) = run("spawn_no_guard.py", src);
    assert_eq!(code, Some(0));
    let main = main_pid(&recs);
    let child = pid_of(&recs, "SpawnProcess-1");
    assert_eq!(text_of(&recs, main), "exitcode 1\n");
    assert_eq!(ending(&recs, child), Some(Ending::Exited { code: 1 }));
    let err: String = recs
        .iter()
        .filter(|r| r.pid == child)
        .filter_map(|r| match &r.event {
            Event::Output {
                stream: Stream::Stderr,
                text,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.contains("    p.start()\n"), "{err}");
    assert!(
        err.contains("current process has finished its bootstrapping phase."),
        "{err}"
    );
}
