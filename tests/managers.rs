//! `multiprocessing.Manager` in real runs: the server is a process of the run (its own lane,
//! `SyncManager-1`), it serves the requests of the processes that use its proxies (its `served`
//! operations and their waits are in the trace), and it never outlives the run: not after a normal
//! end without `shutdown()`, an uncaught exception, the main killing itself, or a killed observer.
//! Checked in `/proc`, as `cleanup.rs` checks plain processes.

mod run_support;

use forkyard::trace::{Ending, Event, Op, Record, State};
use run_support::*;

/// The `reaped` record of the process named `name`.
fn ending_of(recs: &[Record], name: &str) -> Ending {
    recs.iter()
        .find_map(|r| match &r.event {
            Event::Reaped {
                child_name, ending, ..
            } if child_name == name => Some(*ending),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{name} was never reaped: {recs:#?}"))
}

/// Runs `src` headless at speed 10 (with `extra` arguments); its exit status and records.
fn run(name: &str, src: &str, extra: &[&str]) -> (Option<i32>, Vec<Record>, String) {
    let out = run_cmd(
        &program(name, src),
        &[&["--format", "jsonl", "--speed", "10"], extra].concat(),
    )
    .output()
    .unwrap();
    let recs = records(&String::from_utf8(out.stdout).unwrap());
    (
        out.status.code(),
        recs,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_manager_never_shut_down_is_shut_down_at_the_programs_end() {
    let src = r#"
import multiprocessing as mp
if __name__ == '__main__':
    m = mp.Manager()
    d = m.dict(a=1)
    print(d['a'], m._process.name)
"#;
    let (code, recs, err) = run("forgotten.py", src, &[]);
    assert_eq!(code, Some(0), "{err}");
    let main = main_pid(&recs);
    assert_eq!(text_of(&recs, main), "1 SyncManager-1\n");
    // The server had its own lane, ended by the shutdown request (exit code 0), not by a signal.
    pid_of(&recs, "SyncManager-1");
    assert_eq!(
        ending_of(&recs, "SyncManager-1"),
        Ending::Exited { code: 0 }
    );
    assert_eq!(group(main), Vec::<i32>::new());
}

#[test]
fn a_program_that_raises_still_shuts_its_manager_down() {
    let src = r#"
import multiprocessing as mp
if __name__ == '__main__':
    m = mp.Manager()
    lock = m.Lock()
    lock.acquire()
    raise ValueError('boom')
"#;
    let (code, recs, err) = run("raises.py", src, &[]);
    assert_eq!(code, Some(1), "{err}");
    let main = main_pid(&recs);
    let stderr: String = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Output { text, .. } if r.pid == main => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(stderr.contains("ValueError: boom"), "{stderr}");
    assert_eq!(
        ending_of(&recs, "SyncManager-1"),
        Ending::Exited { code: 0 }
    );
    assert_eq!(group(main), Vec::<i32>::new());
}

#[test]
fn a_main_killed_by_sigkill_leaves_its_server_to_the_runs_end() {
    // As in CPython, a main that dies by SIGKILL runs no finalizer: its server lives on as an
    // orphan until the run is stopped, and then nothing is left.
    become_subreaper();
    let src = r#"
import multiprocessing as mp, os, signal
if __name__ == '__main__':
    m = mp.Manager()
    d = m.dict(a=1)
    print('up', d['a'])
    os.kill(os.getpid(), signal.SIGKILL)
"#;
    let (mut observer, mut out) = spawn_observer(&program("killed.py", src), &[]);
    // The observer reaps the lesson main itself: wait for that record.
    let recs = read_until(&mut out, |r| {
        r.iter().any(|x| {
            matches!(&x.event, Event::Reaped { child_name, ending: Ending::Signaled { signal: 9 }, .. }
                if child_name == "MainProcess")
        })
    });
    let main = main_pid(&recs);
    assert_eq!(text_of(&recs, main), "up 1\n");
    let server = pid_of(&recs, "SyncManager-1");
    assert_eq!(
        group(main),
        vec![server],
        "the orphaned server is all that is left"
    );
    // SAFETY: signalling our own child, the observer, which stops the run as it ends.
    unsafe { libc::kill(observer.id() as i32, libc::SIGTERM) };
    observer.wait().unwrap();
    assert_eq!(wait_group_gone(main, 5), Vec::<i32>::new());
}

#[test]
fn sigkill_of_the_observer_leaves_no_server_behind() {
    become_subreaper();
    let src = r#"
import multiprocessing as mp, time
def hold(lock):
    with lock:
        time.sleep(100)
if __name__ == '__main__':
    m = mp.Manager()
    lock = m.Lock()
    p = mp.Process(target=hold, args=(lock,))
    p.start()
    time.sleep(0.1)
    lock.acquire()
"#;
    let (mut observer, mut out) = spawn_observer(&program("observer_killed.py", src), &[]);
    // Wait until the main waits for the Lock the child holds: every process is up and talking.
    let recs = read_until(&mut out, |r| {
        let Some(main) = r
            .iter()
            .find(|x| matches!(x.event, Event::Main { .. }))
            .map(|x| x.pid)
        else {
            return false;
        };
        spawns(r) == 2
            && r.iter().any(|x| {
                x.pid == main
                    && matches!(&x.event, Event::State { state: State::Blocked { on, op } }
                        if on.starts_with("Lock#") && op == "acquire")
            })
    });
    let pgid = main_pid(&recs);
    assert_eq!(group(pgid).len(), 3, "main, server and child are up");
    observer.kill().unwrap();
    observer.wait().unwrap();
    assert_eq!(wait_group_gone(pgid, 5), Vec::<i32>::new());
}

#[test]
fn the_server_lane_shows_the_requests_it_serves_and_the_client_its_wait() {
    let src = r#"
import multiprocessing as mp
def hold(lock, held, go):
    with lock:
        held.set()
        go.wait()
if __name__ == '__main__':
    with mp.Manager() as m:
        lock, held, go = m.Lock(), m.Event(), m.Event()
        p = mp.Process(target=hold, args=(lock, held, go))
        p.start()
        held.wait()
        print(lock.acquire(True, 0.3))
        go.set()
        print(lock.acquire())
        p.join()
"#;
    let (code, recs, err) = run("served.py", src, &[]);
    assert_eq!(code, Some(0), "{err}");
    let main = main_pid(&recs);
    assert_eq!(text_of(&recs, main), "False\nTrue\n");
    let server = pid_of(&recs, "SyncManager-1");
    let child = pid_of(&recs, "Process-2");
    // The Lock appears where the program's line made it (the main, with the main's own counter,
    // as `multiprocessing.Lock()` would), and the server served each request, naming the caller.
    let lock_id = recs
        .iter()
        .find_map(|r| match &r.event {
            Event::Object { id, class, .. } if class == "Lock" && r.pid == main => Some(*id),
            _ => None,
        })
        .expect("the main reports the Lock it asked the manager for");
    assert_eq!(lock_id, 1, "the main's first object");
    let served: Vec<&str> = recs
        .iter()
        .filter_map(|r| match &r.event {
            Event::Op { id, op, detail } if *id == lock_id && *op == Op::Served => {
                assert_eq!(r.pid, server);
                detail.as_deref()
            }
            _ => None,
        })
        .collect();
    assert!(served.contains(&"acquire for Process-2"), "{served:?}");
    assert!(served.contains(&"acquire for MainProcess"), "{served:?}");
    assert!(served.contains(&"release for Process-2"), "{served:?}");
    // The callers report what they did in their own lanes, as with the other primitives: the
    // timed-out try, then the acquire; and the main was blocked on the Lock while the child held it.
    let ops_of = |pid: i32| -> Vec<Op> {
        recs.iter()
            .filter_map(|r| match &r.event {
                Event::Op { id, op, .. } if *id == lock_id && r.pid == pid => Some(op.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(ops_of(main), [Op::Timeout, Op::Acquired]);
    assert_eq!(ops_of(child), [Op::Acquired, Op::Released]);
    let label = format!("Lock#{lock_id}");
    assert!(
        recs.iter().any(|r| r.pid == main
            && matches!(&r.event, Event::State { state: State::Blocked { on, op } }
                if *on == label && op == "acquire")),
        "the main's lane shows it waiting for {label}"
    );
    // While idle the server waits for requests.
    assert!(recs.iter().any(|r| r.pid == server
        && matches!(&r.event, Event::State { state: State::Blocked { on, op } }
            if on == "requests" && op == "serve")));
    assert_eq!(group(main), Vec::<i32>::new());
}

#[test]
fn a_process_started_before_the_manager_reaches_it_as_in_cpython() {
    // CPython's clients connect by address from any process; forkyard's fetch the registrar from
    // the run's fd broker when they did not inherit it.
    let src = r#"
import multiprocessing as mp
def f(d):
    d['b'] = 2
    return d['a']
if __name__ == '__main__':
    with mp.Pool(1) as pool:
        with mp.Manager() as m:
            d = m.dict(a=1)
            print(pool.apply(f, (d,)), sorted(d.items()))
"#;
    let (code, recs, err) = run("too_early.py", src, &[]);
    assert_eq!(code, Some(0), "{err}");
    let text = text_of(&recs, main_pid(&recs));
    assert_eq!(text, "1 [('a', 1), ('b', 2)]\n");
}

#[test]
fn explore_finds_the_lost_update_of_a_read_then_write_through_a_dict_proxy() {
    // Each request to the server is a step of a held run: between one child's `d['n']` and its
    // store, the other child's requests can come, and one increment is lost.
    let src = r#"
import multiprocessing as mp
def add(d):
    d['n'] = d['n'] + 1
if __name__ == '__main__':
    with mp.Manager() as m:
        d = m.dict(n=0)
        ps = [mp.Process(target=add, args=(d,)) for _ in range(2)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(d['n'])
"#;
    let path = program("lost_update.py", src);
    let (outcomes, _) = outcomes("explore", &[path.to_str().unwrap(), "--max-runs", "40"]);
    let mut printed: Vec<&str> = outcomes
        .iter()
        .map(|o| o["stdout"].as_str().unwrap())
        .collect();
    printed.sort_unstable();
    assert_eq!(printed, ["1\n", "2\n"]);
}

#[test]
fn a_proxys_calls_without_a_word_of_their_own_are_traced_by_their_method_names() {
    let src = r#"
import multiprocessing as mp
if __name__ == '__main__':
    with mp.Manager() as m:
        l = m.list([1, 2])
        l.append(3)
        print(l._getvalue(), len(l))
"#;
    let (code, recs, err) = run("getvalue.py", src, &[]);
    assert_eq!(code, Some(0), "{err}");
    let main = main_pid(&recs);
    assert_eq!(text_of(&recs, main), "[1, 2, 3] 3\n");
    // CPython's method names, `_getvalue()`'s `#GETVALUE` too, kept as written (Op::Other).
    let mine: Vec<Op> = recs
        .iter()
        .filter(|r| r.pid == main)
        .filter_map(|r| match &r.event {
            Event::Op { op, .. } => Some(op.clone()),
            _ => None,
        })
        .collect();
    let other = |name: &str| Op::Other(name.into());
    assert_eq!(
        mine,
        [other("append"), other("#GETVALUE"), other("__len__")]
    );
}
