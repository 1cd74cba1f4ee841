//! `multiprocessing.Pool` through the real binary.
//!
//! - CPython's `_TestPool`, `_TestPoolWorkerErrors` and `_TestPoolWorkerLifetime` checks, ported as
//!   the programs in `tests/programs/pool/`: each prints one line per check and must print exactly
//!   `NAME.expected`, which is what CPython 3.11 printed (recorded with
//!   `python3 -u NAME.py | grep -v '^elapsed '`). Lines starting with `elapsed` carry lesson-time
//!   measurements, checked here within a tolerance. Where `python3` is installed each program also
//!   runs under it, live, and must print the same.
//! - Lesson 09: the totals of `apply` and `apply_async` in lesson time, and the trace proving that
//!   `apply` never has two tasks running at once.
//! - A pool whose parent is SIGKILLed leaves no worker behind.
//! - An `imap` iterator's big result chunks do not stay resident once the caller has taken them.

mod run_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use run_support::*;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/pool")
}

struct Ran {
    stdout: String,
    stderr: String,
    ok: bool,
}

fn forkyard(prog: &Path, speed: &str) -> Ran {
    let out = Command::new(EXE)
        .arg("run")
        .arg(prog)
        .args(["--format", "plain", "--timeout", "30", "--speed", speed])
        // CPython runs with `-u`: the same buffering on both sides.
        .args(["--stdout", "unbuffered"])
        .output()
        .expect("forkyard runs");
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        ok: out.status.success(),
    }
}

/// `python3 -u NAME.py` from the program's directory, or why it can't run.
fn cpython(prog: &Path) -> Result<Ran, String> {
    let python = std::env::var("FORKYARD_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut cmd = Command::new(&python);
    cmd.arg("-u")
        .arg(prog.file_name().unwrap())
        .current_dir(prog.parent().unwrap());
    let out = cmd
        .output()
        .map_err(|e| format!("{python} is not installed ({e})"))?;
    Ok(Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        ok: out.status.success(),
    })
}

/// The output without its `elapsed` lines.
fn checks(stdout: &str) -> String {
    stdout
        .lines()
        .filter(|l| !l.starts_with("elapsed "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `elapsed NAME SECONDS ...` lines: name -> lesson seconds.
fn elapsed(stdout: &str) -> Vec<(String, f64)> {
    stdout
        .lines()
        .filter_map(|l| {
            let mut w = l.strip_prefix("elapsed ")?.split_whitespace();
            Some((w.next()?.to_string(), w.next()?.parse().ok()?))
        })
        .collect()
}

/// Runs `NAME.py` under forkyard at `speed`: exit 0, the checks exactly as CPython printed them,
/// and (where python3 is installed) the same checks live. Returns the elapsed figures.
fn port(name: &str, speed: &str) -> Vec<(String, f64)> {
    let prog = programs_dir().join(format!("{name}.py"));
    let expected = std::fs::read_to_string(prog.with_extension("expected")).unwrap();
    let got = forkyard(&prog, speed);
    assert!(
        got.ok && got.stderr.is_empty(),
        "{name}.py under forkyard failed:\n{}{}",
        got.stdout,
        got.stderr
    );
    assert_eq!(
        checks(&got.stdout),
        expected,
        "{name}.py: forkyard (left) and CPython's recorded output (right) differ"
    );
    match cpython(&prog) {
        Ok(py) => {
            assert!(py.ok, "{name}.py under CPython failed:\n{}", py.stderr);
            assert_eq!(
                checks(&got.stdout),
                checks(&py.stdout),
                "{name}.py: forkyard (left) and live CPython (right) differ"
            );
        }
        Err(why) => eprintln!("{name}.py: not compared with CPython live: {why}"),
    }
    elapsed(&got.stdout)
}

fn figure(figures: &[(String, f64)], name: &str) -> f64 {
    figures
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("an `elapsed {name}` line in {figures:?}"))
        .1
}

/// `lo <= v <= hi`, with a readable failure.
fn within(what: &str, v: f64, lo: f64, hi: f64) {
    assert!(
        (lo..=hi).contains(&v),
        "{what}: {v:.3} lesson s, expected between {lo} and {hi}"
    );
}

#[test]
fn test_pool_basics() {
    // apply, map (chunksize), starmap, async forms and callbacks, empty iterables, imap,
    // imap_unordered, iterables that raise, make_pool, maxtasksperchild invalid, context, enter,
    // join of a running pool, submitting to a closed one, async_error_callback.
    port("basics", "5");
}

#[test]
fn test_pool_timing() {
    // test_async, test_async_timeout, test_terminate, test_map_no_failfast. Forks and joins carry
    // real overhead scaled by the speed, so the upper bounds are generous.
    let f = port("timing", "5");
    // Never early; late by at most 0.75 lesson s (150 ms of real time at speed 5, for a loaded
    // machine; CPython's own assertTimingAlmostEqual is off unless CHECK_TIMINGS).
    within(
        "test_async get",
        figure(&f, "async"),
        0.82 - 0.02,
        0.82 + 0.75,
    );
    within(
        "test_async_timeout get",
        figure(&f, "async_timeout"),
        0.35 - 0.02,
        0.35 + 0.75,
    );
    within(
        "test_terminate join",
        figure(&f, "terminate_join"),
        0.0,
        2.0,
    );
    within("test_map_no_failfast", figure(&f, "no_failfast"), 0.9, 5.0);
}

#[test]
fn test_pool_traceback() {
    port("remote_traceback", "5");
}

#[test]
fn test_pool_worker_errors() {
    // error_callback; a worker killed while it runs a task and one whose task calls sys.exit()
    // are replaced, and their tasks' results never come.
    port("worker_errors", "5");
}

#[test]
fn test_pool_worker_lifetime() {
    let f = port("lifetime", "5");
    // six 0.3 s tasks on three one-task workers: at least two rounds
    within("early close", figure(&f, "early_close"), 0.6, 3.0);
}

// ---- lesson 09 ------------------------------------------------------------------------------------

/// `forkyard run 09-pool --speed 20 --format jsonl [--set method=...]`: the records.
fn lesson_trace(method: &str) -> Vec<serde_json::Value> {
    let out = Command::new(EXE)
        .args(["run", "09-pool", "--speed", "20", "--format", "jsonl"])
        .args(["--timeout", "30", "--set", &format!("method={method}")])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("forkyard runs");
    assert!(
        out.status.success(),
        "09-pool ({method}) failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut recs: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    recs.sort_by_key(|r| r["mono_ns"].as_u64().unwrap_or(0));
    recs
}

/// The lesson's own measure: `main: done after X s` (lesson time) from the output records.
fn lesson_total(recs: &[serde_json::Value]) -> f64 {
    let text = serde_json::to_string(recs).unwrap();
    let at = text
        .find("main: done after ")
        .expect("the lesson prints its total");
    let rest = &text[at + "main: done after ".len()..];
    rest.split_whitespace().next().unwrap().parse().unwrap()
}

/// From the pool's start/finish ops: the most tasks running at once, the tasks run, and the pids
/// that ran them.
fn concurrency(recs: &[serde_json::Value]) -> (usize, usize, Vec<i64>) {
    let pool = recs
        .iter()
        .find(|r| r["kind"] == "object" && r["class"] == "Pool")
        .and_then(|r| r["id"].as_u64())
        .expect("a Pool object in the trace");
    let mut running: Vec<(i64, String)> = Vec::new();
    let (mut most, mut started) = (0, 0);
    let mut pids = Vec::new();
    for r in recs
        .iter()
        .filter(|r| r["kind"] == "op" && r["id"].as_u64() == Some(pool))
    {
        let pid = r["pid"].as_i64().unwrap();
        let task = r["detail"].as_str().unwrap_or("").to_string();
        match r["op"].as_str().unwrap() {
            "start" => {
                assert!(
                    !running.iter().any(|(p, _)| *p == pid),
                    "worker {pid} starts {task} while it runs another task"
                );
                running.push((pid, task));
                started += 1;
                most = most.max(running.len());
                if !pids.contains(&pid) {
                    pids.push(pid);
                }
            }
            "finish" => {
                let at = running
                    .iter()
                    .position(|x| *x == (pid, task.clone()))
                    .unwrap_or_else(|| panic!("{pid} finishes {task}, which it did not start"));
                running.remove(at);
            }
            _ => {}
        }
    }
    (most, started, pids)
}

#[test]
fn lesson_09_apply_runs_one_task_at_a_time() {
    let recs = lesson_trace("apply");
    let (most, started, pids) = concurrency(&recs);
    assert_eq!(started, 10, "ten tasks ran");
    assert_eq!(most, 1, "apply never has two tasks running at once");
    assert!(
        pids.len() <= 3,
        "the pool's three workers ran them: {pids:?}"
    );
    // 10 x 3 s, one after the other. The counts above prove the claim; the total only has to be
    // the serial one, never apply_async's 12 s. Its top bound leaves each of the ten round trips
    // 50 ms of real time (1 lesson s at speed 20): a machine loaded by a parallel build or test
    // run spends that, and a tighter bound failed there without anything being wrong.
    within("apply total", lesson_total(&recs), 30.0 - 0.1, 30.0 + 10.0);
}

#[test]
fn lesson_09_apply_async_runs_three_at_a_time() {
    let recs = lesson_trace("apply_async");
    let (most, started, pids) = concurrency(&recs);
    assert_eq!(started, 10, "ten tasks ran");
    assert_eq!(most, 3, "apply_async keeps the three workers busy");
    assert_eq!(pids.len(), 3, "three workers: {pids:?}");
    // ceil(10 / 3) rounds of 3 s; as above, the counts prove the claim and the total only has to
    // be far from apply's serial 30 s, with room for a loaded machine's round trips
    within(
        "apply_async total",
        lesson_total(&recs),
        12.0 - 0.1,
        12.0 + 8.0,
    );
}

// ---- no worker outlives a killed parent -----------------------------------------------------------

/// As in CPython, a worker holds no write end of the task pipe and no read end of the result pipe
/// (CPython's worker closes `inqueue._writer` and `outqueue._reader`): when the parent dies by
/// SIGKILL, which runs no exit rule, an idle worker reads EOF and ends, and a busy one ends when
/// it sends its result into a pipe no one reads (BrokenPipeError). The run lasts until its last
/// process has ended (orphans live on, as under CPython), so the run ending proves it.
#[test]
fn a_pool_whose_parent_is_killed_leaves_no_worker_behind() {
    let src = r#"
import multiprocessing, time

if __name__ == '__main__':
    pool = multiprocessing.Pool(3)
    results = [pool.apply_async(time.sleep, (1,)) for i in range(2)]
    for r in results:
        r.get()
"#;
    become_subreaper();
    let (mut observer, mut out) = spawn_observer(&program("pool_kill9.py", src), &[]);
    // three workers spawned, two of them busy with a task, one idle
    let recs = read_until(&mut out, |r| {
        spawns(r) == 3
            && r.iter()
                .filter(|x| {
                    serde_json::to_value(x).is_ok_and(|v| v["kind"] == "op" && v["op"] == "start")
                })
                .count()
                == 2
    });
    let main = main_pid(&recs);
    let before = group(main);
    assert_eq!(before.len(), 4, "main and three workers are up: {before:?}");
    // SAFETY: signalling the run's main, a process this test started (through the observer).
    unsafe { libc::kill(main, libc::SIGKILL) };
    // Drain the observer's output (it must not block on a full pipe) until it ends.
    let drain = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut rest);
        rest
    });
    let start = Instant::now();
    loop {
        if observer.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = observer.kill();
            panic!(
                "the run did not end after its main was killed: {:?}",
                group(main)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let rest = drain.join().unwrap();
    assert!(
        rest.matches("BrokenPipeError").count() >= 2,
        "each busy worker died sending its result into the dead parent's pipe: {rest}"
    );
    let left = wait_group_gone(main, 5);
    assert_eq!(left, Vec::<i32>::new(), "workers left behind");
    for pid in before {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists()
                || std::fs::read_to_string(format!("/proc/{pid}/stat"))
                    .is_ok_and(|s| s.contains(") Z ")),
            "process {pid} is still alive"
        );
    }
}

/// The run's largest process's peak resident set, MB (`ru_maxrss` of the run and every process
/// reaped below it: the observer reaps the lesson's processes), and whether it ended well.
// The child is reaped by wait4 itself (std's `wait` has no rusage to give).
#[allow(clippy::zombie_processes)]
fn peak_mb(prog: &Path) -> (u64, bool) {
    let child = Command::new(EXE)
        .arg("run")
        .arg(prog)
        .args(["--format", "plain", "--timeout", "60"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("forkyard runs");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child, into locals.
    let r = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(r, child.id() as i32, "wait4");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (usage.ru_maxrss as u64 / 1024, ok)
}

/// A million results come back in eight chunks of 2 MB, all taken in by the parent before the
/// list is built (`close` and `join` wait for every result), and the list then grows past them
/// one by one. Each chunk's pages must go back to the kernel once it is taken: kept, they sat
/// in the heap beside the growing list and the parent peaked 17 MB above a run that holds the
/// same list without them (against 4-8 MB once given back: the last chunk, and the list's room
/// to grow). Measured against that run, so the interpreter's own size does not matter.
#[test]
fn imap_chunks_taken_by_the_caller_do_not_stay_resident() {
    let source = |make_c: &str, imap_items: &str| {
        format!(
            "import multiprocessing\n\n\ndef noop(x):\n    pass\n\n\n\
             if __name__ == \"__main__\":\n    items = [None] * 1000000\n    \
             pool = multiprocessing.Pool(2)\n    \
             results = pool.imap(noop, {imap_items}, chunksize=len(items) // 8)\n    \
             pool.close()\n    pool.join()\n    c = list(results)\n{make_c}    print(len(c))\n"
        )
    };
    let chunks = program("imap_big_chunks.py", &source("", "items"));
    let baseline = program(
        "imap_small_chunks.py",
        &source("    c = [None] * 1000000\n", "items[:8]"),
    );
    let (with_chunks, ok) = peak_mb(&chunks);
    assert!(ok, "the imap program ran to its end");
    let (without, ok) = peak_mb(&baseline);
    eprintln!("imap: {with_chunks} MB, baseline {without} MB");
    assert!(ok, "the baseline program ran to its end");
    assert!(
        with_chunks <= without + 12,
        "taking a million results through imap peaked at {with_chunks} MB, the same list without \
         them at {without} MB: the chunks taken stayed resident"
    );
}
