//! The spawn start method, asserted from the trace: a spawned child is a lane of its own that runs
//! the program's top level again as `__mp_main__`, gives back the Pipe ends it was not passed (so
//! `recv` meets EOF as under CPython), and fails CPython's way when the program has no guard.
//! The forkserver start method likewise: one `ForkServer` lane forks and reaps every child, the
//! main's end (also by SIGKILL) ends the server, and a run stopped by a signal leaves nothing.
//! The outputs themselves are compared with CPython in the corpus (`tests/corpus/spw*`, `fs*`).

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

/// A forkserver program: two children that print their view, then one terminated.
const FORKSERVER: &str = r#"
import multiprocessing as mp, os, time
print("top level as", __name__)

def work(tag):
    print("work", tag, os.getppid() != mp.parent_process().pid)

def sleeper(up):
    up.set()
    time.sleep(10)

if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    up = ctx.Event()
    for tag in ("a", "b"):
        p = ctx.Process(target=work, args=(tag,))
        p.start()
        p.join()
    s = ctx.Process(target=sleeper, args=(up,))
    s.start()
    up.wait()
    s.terminate()
    s.join()
    print("exitcodes", p.exitcode, s.exitcode, mp.active_children())
"#;

#[test]
fn forkserver_children_are_forked_by_the_server_lane() {
    let (recs, code) = run("forkserver_lanes.py", FORKSERVER);
    assert_eq!(code, Some(0));
    let main = main_pid(&recs);
    let server = pid_of(&recs, "ForkServer");
    let first = pid_of(&recs, "ForkServerProcess-1");
    let second = pid_of(&recs, "ForkServerProcess-2");
    let third = pid_of(&recs, "ForkServerProcess-3");
    let parent_of = |pid: i32| recs.iter().find(|r| r.pid == pid).unwrap().ppid;
    assert_eq!(parent_of(server), main, "the main forks the server");
    for child in [first, second, third] {
        assert_eq!(parent_of(child), server, "the server forks every child");
    }
    assert_eq!(
        recs.iter()
            .filter(|r| matches!(&r.event, Event::Spawn { name, .. } if name == "ForkServer"))
            .count(),
        1,
        "one server for the whole run"
    );
    // The server runs no Python: its lane prints nothing; each child imports the program itself.
    assert_eq!(text_of(&recs, server), "");
    assert_eq!(
        text_of(&recs, first),
        "top level as __mp_main__\nwork a True\n"
    );
    assert_eq!(
        text_of(&recs, main),
        "top level as __main__\nexitcodes 0 -15 []\n"
    );
    // The server reaps its children; the main learns their ends from it.
    let reaped_by = |pid: i32| {
        recs.iter().find_map(|r| match &r.event {
            Event::Reaped { child, ending, .. } if *child == pid => Some((r.pid, *ending)),
            _ => None,
        })
    };
    assert_eq!(reaped_by(first), Some((server, Ending::Exited { code: 0 })));
    assert_eq!(
        reaped_by(third),
        Some((server, Ending::Signaled { signal: 15 }))
    );
    // The server ends by itself when the main has gone (its request pipe closes).
    assert!(
        recs.iter()
            .any(|r| r.pid == server && matches!(r.event, Event::Exit { code: 0 })),
        "the server exits 0"
    );
}

/// Forkserver children that outlive a main killed by SIGKILL.
const FORKSERVER_LONG: &str = r#"
import multiprocessing as mp, time

def sleeper(t):
    time.sleep(t)

if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    ps = [ctx.Process(target=sleeper, args=(t,)) for t in (1.0, 1.5)]
    ps[1].daemon = True
    for p in ps:
        p.start()
    time.sleep(100)
"#;

#[test]
fn sigkill_of_the_main_leaves_no_forkserver_process() {
    run_support::become_subreaper();
    let file = program("forkserver_kill9.py", FORKSERVER_LONG);
    let (mut observer, mut out) = run_support::spawn_observer(&file, &["--timeout", "20"]);
    let recs = run_support::read_until(&mut out, |r| run_support::spawns(r) == 3);
    let main = main_pid(&recs);
    assert_eq!(group(main).len(), 4, "main, server and two children are up");
    // SAFETY: signalling a process of our own run.
    unsafe { libc::kill(main, libc::SIGKILL) };
    // The server sees its request pipe close and ends; the children go on as orphans (as under
    // CPython) until they end or the run stops them.
    let status = observer.wait().unwrap();
    assert!(status.code().is_some(), "the observer ends the run itself");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    let later = records(&rest);
    let server = pid_of(&recs, "ForkServer");
    assert!(
        later
            .iter()
            .any(|r| r.pid == server && matches!(r.event, Event::Exit { code: 0 })),
        "the server ends when its request pipe closes"
    );
    assert_eq!(
        run_support::wait_group_gone(main, 5),
        Vec::<i32>::new(),
        "left processes"
    );
}

#[test]
fn sigterm_and_ctrl_c_of_a_forkserver_run_leave_nothing() {
    use std::os::unix::process::ExitStatusExt;
    for sig in [libc::SIGTERM, libc::SIGINT] {
        let file = program("forkserver_term.py", FORKSERVER_LONG);
        let (mut observer, mut out) = run_support::spawn_observer(&file, &[]);
        let recs = run_support::read_until(&mut out, |r| run_support::spawns(r) == 3);
        let main = main_pid(&recs);
        // SAFETY: signalling our own child.
        unsafe { libc::kill(observer.id() as i32, sig) };
        let status = observer.wait().unwrap();
        assert_eq!(status.signal(), Some(sig));
        assert_eq!(group(main), Vec::<i32>::new(), "after signal {sig}");
    }
}

#[test]
fn a_primitive_made_after_the_server_started_reaches_the_child() {
    let src = r#"
import multiprocessing as mp

def show(x):
    print("child got", type(x).__name__)

def take(lock, v):
    with lock:
        v.value += 1
    print("child got", type(lock).__name__, v.value)

if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    early = ctx.Lock()
    p = ctx.Process(target=show, args=(early,))
    p.start()
    p.join()
    late = ctx.Lock()
    v = ctx.Value("i", 41)
    late.acquire()
    p = ctx.Process(target=take, args=(late, v))
    p.start()
    p.join(0.3)
    print("held here, child waiting:", p.is_alive(), v.value)
    late.release()
    p.join()
    print("after:", v.value, late.acquire(False))
    c = ctx.Barrier(2)
    p = ctx.Process(target=show, args=(c,))
    p.start()
    p.join()
    r, w = ctx.Pipe()
    p = ctx.Process(target=show, args=(w,))
    p.start()
    p.join()
"#;
    let (recs, code) = run("forkserver_late.py", src);
    assert_eq!(code, Some(0));
    let main = main_pid(&recs);
    let text = text_of(&recs, main);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..2],
        ["held here, child waiting: True 41", "after: 42 True"],
        "{text}"
    );
    assert_eq!(lines.len(), 2, "{text}");
    // A late Barrier is handed over too (its action, if any, pickled by reference).
    assert_eq!(
        text_of(&recs, pid_of(&recs, "ForkServerProcess-3")),
        "child got Barrier\n"
    );
    assert_eq!(
        text_of(&recs, pid_of(&recs, "ForkServerProcess-1")),
        "child got Lock\n"
    );
    assert_eq!(
        text_of(&recs, pid_of(&recs, "ForkServerProcess-2")),
        "child got Lock 42\n"
    );
    // A Connection travels through the run's broker, whenever it was made.
    assert_eq!(
        text_of(&recs, pid_of(&recs, "ForkServerProcess-4")),
        "child got Connection\n"
    );
}

#[test]
fn the_process_cap_refuses_a_child_the_server_would_fork() {
    let src = r#"
import multiprocessing as mp

def f():
    pass

if __name__ == "__main__":
    p = mp.get_context("forkserver").Process(target=f)
    p.start()
"#;
    let file = program("forkserver_cap.py", src);
    let out = run_cmd(&file, &["--format", "plain", "--max-processes", "2"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // The main and the server are the two processes; the server's refusal reaches start().
    assert!(
        err.contains("RuntimeError: forkyard allows at most 2 processes in one run"),
        "{err}"
    );
}

/// A Pool in each start method's context.
const POOLS: &str = r#"
import multiprocessing as mp
print("top level as", __name__)

def square(x):
    return x * x

if __name__ == "__main__":
    for method in ("spawn", "forkserver"):
        # close() and join(): every worker gets to its sentinel (the end of a `with` could
        # terminate one still importing the program).
        p = mp.get_context(method).Pool(2)
        print(method, p.map(square, range(4)))
        p.close()
        p.join()
"#;

#[test]
fn spawn_and_forkserver_pool_workers_are_lanes_of_their_own_kind() {
    let (recs, code) = run("pool_methods.py", POOLS);
    assert_eq!(code, Some(0));
    let main = main_pid(&recs);
    let server = pid_of(&recs, "ForkServer");
    let parent_of = |pid: i32| recs.iter().find(|r| r.pid == pid).unwrap().ppid;
    for name in ["SpawnPoolWorker-1", "SpawnPoolWorker-2"] {
        let w = pid_of(&recs, name);
        assert_eq!(parent_of(w), main, "{name} is forked by the main");
        assert!(text_of(&recs, w).starts_with("top level as __mp_main__\n"));
    }
    for name in ["ForkServerPoolWorker-3", "ForkServerPoolWorker-4"] {
        let w = pid_of(&recs, name);
        assert_eq!(parent_of(w), server, "{name} is forked by the server");
        assert!(text_of(&recs, w).starts_with("top level as __mp_main__\n"));
        // The server reaps it.
        let reaper = recs.iter().find_map(|r| match &r.event {
            Event::Reaped { child, ending, .. } if *child == w => Some((r.pid, *ending)),
            _ => None,
        });
        assert_eq!(reaper, Some((server, Ending::Exited { code: 0 })));
    }
    assert_eq!(
        text_of(&recs, main),
        "top level as __main__\nspawn [0, 1, 4, 9]\nforkserver [0, 1, 4, 9]\n"
    );
}

/// A task whose function a spawned worker cannot find, waited on without a timeout.
const LOST_TASK: &str = r#"
import multiprocessing as mp

if __name__ == "__main__":
    def hidden(x):
        return x

    with mp.get_context("spawn").Pool(1) as p:
        print(p.map(hidden, [1]))
"#;

#[test]
fn a_task_a_spawned_worker_cannot_unpickle_ends_the_wait_with_a_sentence() {
    let started = std::time::Instant::now();
    let (recs, code) = run("pool_lost_task.py", LOST_TASK);
    // CPython waits forever here; forkyard ends at once (the run's timeout is 20 s).
    assert!(started.elapsed().as_secs() < 15, "no hang");
    assert_eq!(code, Some(1));
    let main = main_pid(&recs);
    let worker = pid_of(&recs, "SpawnPoolWorker-1");
    assert_eq!(ending(&recs, worker), Some(Ending::Exited { code: 1 }));
    let err = |pid: i32| {
        recs.iter()
            .filter(|r| r.pid == pid)
            .filter_map(|r| match &r.event {
                Event::Output {
                    stream: Stream::Stderr,
                    text,
                } => Some(text.as_str()),
                _ => None,
            })
            .collect::<String>()
    };
    assert!(
        err(worker).contains("Can't get attribute 'hidden' on <module '__mp_main__'"),
        "{}",
        err(worker)
    );
    assert!(
        err(main).contains("RuntimeError: forkyard: SpawnPoolWorker-1 could not unpickle a task"),
        "{}",
        err(main)
    );
}

/// Busy spawn and forkserver Pool workers, a second forkserver Pool among them.
const POOLS_BUSY: &str = r#"
import multiprocessing as mp, time

def slow(x):
    time.sleep(x)

if __name__ == "__main__":
    pools = [mp.get_context(m).Pool(2) for m in ("forkserver", "spawn", "forkserver")]
    for p in pools:
        p.map_async(slow, [1.0, 1.5])
    time.sleep(100)
"#;

#[test]
fn sigkill_of_the_main_leaves_no_pool_worker_of_any_start_method() {
    run_support::become_subreaper();
    let file = program("pools_kill9.py", POOLS_BUSY);
    let (mut observer, mut out) = run_support::spawn_observer(&file, &["--timeout", "20"]);
    // The server and six workers.
    let recs = run_support::read_until(&mut out, |r| run_support::spawns(r) == 7);
    let main = main_pid(&recs);
    for name in [
        "ForkServerPoolWorker-1",
        "SpawnPoolWorker-3",
        "ForkServerPoolWorker-6",
    ] {
        pid_of(&recs, name);
    }
    let killed = std::time::Instant::now();
    // SAFETY: signalling a process of our own run.
    unsafe { libc::kill(main, libc::SIGKILL) };
    let status = observer.wait().unwrap();
    assert!(status.code().is_some(), "the observer ends the run itself");
    // Idle workers read the end of their task pipe and busy ones fail to send their result, as
    // CPython's do: the run ends with them, well before its 20 s timeout.
    assert!(killed.elapsed().as_secs() < 15, "{:?}", killed.elapsed());
    assert_eq!(
        run_support::wait_group_gone(main, 5),
        Vec::<i32>::new(),
        "left processes"
    );
}
