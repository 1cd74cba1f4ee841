//! Mutual exclusion proven from the trace across many real runs, and the Run model fed with a real
//! run's trace where a Lock holder is killed by SIGKILL.
//!
//! A Lock's `acquired` is traced after the token is taken and its `released` before the token goes
//! back, so the interval between the two in the trace (ordered by `mono_ns`, one clock for every
//! process) lies inside the real holding: if two real holdings overlapped, the traced ones would
//! too. Each run is a tiny contended loop (three processes, each taking the lock 100 times to add
//! one to an unlocked shared Value, all started while the main process holds the Lock for a lesson
//! second, so they queue on it together instead of taking turns by chance: once a traced Lock pair
//! cost a microsecond or less, a start signal alone no longer made them meet) at speed 100, and the runs go
//! in four threads: 1000 runs take about 25 s on the 2-core machine. Each run must also count
//! exactly 300, and most runs must really contend (a process blocked on the Lock): a run where the
//! processes happened to take turns would prove nothing.

mod run_support;

use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use forkyard::session::model::Run;
use forkyard::trace::{Event, Op, Record, State};
use run_support::{EXE, program, records};

const CONTENDED: &str = "\
import multiprocessing as mp
import time
def work(lock, total, n):
    for _ in range(n):
        lock.acquire()
        total.value += 1
        lock.release()
if __name__ == '__main__':
    lock = mp.Lock()
    total = mp.Value('i', 0, lock=False)
    ps = [mp.Process(target=work, args=(lock, total, 100)) for _ in range(3)]
    lock.acquire()
    for p in ps:
        p.start()
    time.sleep(1)
    lock.release()
    for p in ps:
        p.join()
    print(total.value)
";

/// How many runs: 1000, or `FORKYARD_MUTEX_RUNS`.
fn runs() -> usize {
    std::env::var("FORKYARD_MUTEX_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

/// Checks one run's trace: every acquire of the Lock is there, no two holders overlap, the total
/// is exact. Returns how many times a process blocked on the Lock.
fn check(recs: &mut [Record]) -> Result<usize, String> {
    recs.sort_by_key(|r| r.mono_ns);
    let lock = recs
        .iter()
        .find_map(|r| match &r.event {
            Event::Object { id, class, .. } if class == "Lock" => Some(*id),
            _ => None,
        })
        .ok_or("no Lock in the trace")?;
    let label = format!("Lock#{lock}");
    let mut holder: Option<i32> = None;
    let (mut acquires, mut blocked) = (0, 0);
    let mut printed = String::new();
    for r in recs.iter() {
        match &r.event {
            Event::State {
                state: State::Blocked { on, .. },
            } if *on == label => blocked += 1,
            Event::Output { text, .. } => printed.push_str(text),
            _ => {}
        }
        let Event::Op { id, op, .. } = &r.event else {
            continue;
        };
        if *id != lock {
            continue;
        }
        match op {
            Op::Acquired => {
                if let Some(h) = holder {
                    return Err(format!(
                        "pid {} acquired the Lock while pid {h} held it (at {} ns)",
                        r.pid, r.mono_ns
                    ));
                }
                holder = Some(r.pid);
                acquires += 1;
            }
            Op::Released => {
                if holder != Some(r.pid) {
                    return Err(format!(
                        "pid {} released the Lock held by {holder:?}",
                        r.pid
                    ));
                }
                holder = None;
            }
            _ => {}
        }
    }
    // The main's one acquire, then 100 by each of the three.
    if acquires != 301 {
        return Err(format!("{acquires} acquires in the trace, not 301"));
    }
    if holder.is_some() {
        return Err("the Lock is still held at the end".into());
    }
    if printed != "300\n" {
        return Err(format!("the total is {printed:?}, not 300"));
    }
    Ok(blocked)
}

#[test]
fn no_two_processes_hold_a_lock_at_once_across_many_runs() {
    let prog = program("mutex_loop.py", CONTENDED);
    let total = runs();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    // Runs in which some process blocked on the Lock, and how many blocks in all.
    let contended = AtomicUsize::new(0);
    let blocks = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= total {
                        break;
                    }
                    let out = Command::new(EXE)
                        .arg("run")
                        .arg(&prog)
                        .args(["--format", "jsonl", "--speed", "100", "--timeout", "30"])
                        .stdin(Stdio::null())
                        .output()
                        .unwrap();
                    let mut recs = records(&String::from_utf8_lossy(&out.stdout));
                    let r = if out.status.code() != Some(0) {
                        Err(format!("exit status {:?}", out.status.code()))
                    } else {
                        check(&mut recs)
                    };
                    match r {
                        Ok(n) => {
                            blocks.fetch_add(n, Ordering::SeqCst);
                            if n > 0 {
                                contended.fetch_add(1, Ordering::SeqCst);
                            }
                        }
                        Err(e) => failures.lock().unwrap().push(format!("run {i}: {e}")),
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let contended = contended.into_inner();
    eprintln!(
        "mutual exclusion: {total} runs of 3 processes x 100 acquires in {:.1} s, {} failed; \
         {contended} runs contended ({} blocks on the Lock in all)",
        start.elapsed().as_secs_f64(),
        failures.len(),
        blocks.into_inner()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        contended * 2 >= total,
        "only {contended} of {total} runs had a process blocked on the Lock"
    );
}

/// A real run: Process-1 takes the Lock and is killed by SIGKILL; Process-2 then waits on it for
/// ever. Fed to the Run model, the Lock is held by a dead process and Process-2 is its waiter.
#[test]
fn the_model_marks_a_lock_whose_holder_was_killed_as_held_by_a_dead_process() {
    let prog = program(
        "killed_holder.py",
        "\
import multiprocessing as mp
import time
def hold(lock, ready):
    lock.acquire()
    ready.set()
    time.sleep(60)
def wait(lock):
    lock.acquire()
    print('never')
if __name__ == '__main__':
    lock = mp.Lock()
    ready = mp.Event()
    h = mp.Process(target=hold, args=(lock, ready))
    h.start()
    ready.wait()
    w = mp.Process(target=wait, args=(lock,))
    w.start()
    time.sleep(0.5)
    h.kill()
    h.join()
    print('holder exitcode', h.exitcode)
    time.sleep(0.5)
    w.join()
",
    );
    let out = Command::new(EXE)
        .arg("run")
        .arg(&prog)
        .args(["--format", "jsonl", "--speed", "10", "--timeout", "3"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(124), "the waiter blocks for ever");
    let mut recs = records(&String::from_utf8_lossy(&out.stdout));
    recs.sort_by_key(|r| r.mono_ns);
    // The model as it was just before the observer stopped the run.
    let stop = recs
        .iter()
        .position(|r| matches!(r.event, Event::Stop { .. }))
        .expect("stopped by --timeout");
    let mut run = Run::new();
    for r in &recs[..stop] {
        run.apply(r);
    }
    let pid = |name: &str| {
        run.lanes()
            .find(|l| l.name == name)
            .unwrap_or_else(|| panic!("no lane {name}"))
            .pid
    };
    let (holder, waiter) = (pid("Process-1"), pid("Process-2"));
    let lock = run
        .objects
        .iter()
        .find(|o| o.class == "Lock")
        .expect("the Lock");
    assert!(lock.held_by_dead(), "{lock:?}");
    assert_eq!(lock.holders, vec![holder]);
    assert_eq!(lock.value, Some(0));
    assert_eq!(
        run.object_waiters(lock.id),
        vec![(waiter, "acquire".to_string())]
    );
    assert_eq!(
        run.blocked_sentence(waiter).unwrap(),
        format!(
            "Process-2 blocked on {} (acquire) held by a dead process (Process-1, killed by SIGKILL)",
            lock.label()
        )
    );
}
